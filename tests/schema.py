#!/usr/bin/python3
"""tests/schema.py SATSTAT_EXE SCHEMA: every kind of JSON report validates
against doc/report.schema.json, and the schema rejects reports that break
the contract (so the validation can fail).

Reports: run (normal and exact laws, matrices as units, a claim, a scheme
name with a comma), run --analytic-only, sweep, sweep --analytic-only,
deep (a finite fixed point; relu's unbounded length map, with the phase
diagram of --phase) and deep --preset activations.  Needs python3-jsonschema (Debian; tools/setup installs it)."""
import copy
import json
import subprocess
import sys

import jsonschema

exe, schema_path = sys.argv[1], sys.argv[2]
with open(schema_path) as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

RUNS = {
    "run": ["--samples", "3000"],
    "run exact, matrices, claim": ["--scheme", "orthogonal,uniform:1,scaled", "--n-in", "100",
                                   "--n-out", "30", "--samples", "3000",
                                   "--expect-variance", "1.5"],
    "run comma scheme": ["--scheme", "he-normal,scaled", "--gain", "2", "--mode", "fan_out",
                         "--samples", "2000"],
    "run analytic only": ["--scheme", "standard,scaled,orthogonal,uniform:1",
                          "--analytic-only"],
    "sweep": ["sweep", "--vary", "n-in=10:100:2", "--scheme", "scaled,orthogonal",
              "--samples", "2000"],
    "sweep analytic only": ["sweep", "--vary", "threshold=1:4:3", "--analytic-only",
                            "--expect-variance", "1.5"],
    "deep": ["deep", "--layers", "2", "--width", "50", "--networks", "4", "--n-in", "50"],
    "deep relu, phase diagram": ["deep", "--layers", "2", "--width", "20", "--networks", "3",
                                 "--activation", "relu", "--scheme", "standard,scaled",
                                 "--n-in", "50", "--phase"],
    "deep preset": ["deep", "--preset", "activations", "--networks", "2"],
    "deep pair, critical": ["deep", "--layers", "3", "--width", "40", "--networks", "3",
                            "--n-in", "40", "--activation", "tanh", "--scheme", "normal:0.158113883",
                            "--bias", "zero", "--pair-correlation", "0.5"],
    "deep jacobian": ["deep", "--layers", "2", "--width", "20", "--networks", "3", "--n-in", "20",
                      "--activation", "linear", "--scheme", "scaled,orthogonal", "--jacobian"],
}

failures = 0
reports = {}
for name, args in RUNS.items():
    p = subprocess.run([exe] + args + ["--format", "json", "--quiet"], capture_output=True,
                       text=True)
    if p.returncode not in (0, 1):
        print(f"FAIL {name}: exit {p.returncode}: {p.stderr.strip()}")
        failures += 1
        continue
    report = json.loads(p.stdout)
    reports[name] = report
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
    if errors:
        failures += 1
        for e in errors[:5]:
            print(f"FAIL {name}: {list(e.absolute_path)}: {e.message[:300]}")
    else:
        print(f"ok: {name} validates")

# The schema must reject what breaks the contract.
def rejects(label, report, mutate):
    global failures
    bad = copy.deepcopy(report)
    mutate(bad)
    if validator.is_valid(bad):
        print(f"FAIL: the schema accepts a report with {label}")
        failures += 1
    else:
        print(f"ok: the schema rejects a report with {label}")

if "run" in reports and "run analytic only" in reports:
    run, only = reports["run"], reports["run analytic only"]
    rejects("no pass", run, lambda r: r.pop("pass"))
    rejects("an undocumented field", run, lambda r: r["schemes"][0]["analytic"].update(x=1))
    rejects("a test without its statistic's name",
            run, lambda r: r["schemes"][0]["tests"][0].pop("statistic_name"))
    rejects("no schema_version", run, lambda r: r.pop("schema_version"))
    rejects("an analytic-only pass of true", only, lambda r: r.update({"pass": True}))
    rejects("an analytic-only report that sampled", only,
            lambda r: r["config"].update(samples=1000000))
    rejects("analytic-only tests", only, lambda r: r["schemes"][0].update(tests=[]))
    rejects("a sampled scheme without tests", run, lambda r: r["schemes"][0].pop("tests"))

if "deep" in reports and "deep relu, phase diagram" in reports:
    deep, relu = reports["deep"], reports["deep relu, phase diagram"]
    if not any(not s["fixed_point_finite"] for s in relu["schemes"]):
        print("FAIL: relu with standard weights (sigma_w^2*W = 20) should have no finite "
              "fixed point")
        failures += 1
    rejects("a deep report without schema_version", deep, lambda r: r.pop("schema_version"))
    rejects("an undocumented field in a deep layer", deep,
            lambda r: r["schemes"][0]["layers"][0]["empirical"].update(x=1))
    rejects("an undocumented field in deep's config", deep, lambda r: r["config"].update(x=1))
    rejects("a deep layer without its interval", deep,
            lambda r: r["schemes"][0]["layers"][0]["empirical"].pop("variance_ci"))
    rejects("a deep scheme without its finite-width summary", deep,
            lambda r: r["schemes"][0].pop("finite_width"))
    rejects("an unknown phase", deep, lambda r: r["schemes"][0].update(phase="chaos"))
    rejects("an unbounded map without its note", relu,
            lambda r: [s.pop("fixed_point_note", None) for s in r["schemes"]])
    rejects("a phase diagram without its chi1 = 1 line", relu,
            lambda r: r["phase_diagram"].pop("critical_sigma_w2_fan_in"))

sys.exit(1 if failures else 0)
