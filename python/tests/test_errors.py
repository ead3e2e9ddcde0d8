"""Refusals: satstat.Error carries the line the program prints (after
"satstat: "), for a bad value, a conflict between options and the checks
each command makes after reading its options; and the JSON entry point
(satstat_request_json, through satstat.request_json) refuses what is not
a request, saying what and where."""
import json
import subprocess

import pytest

import satstat
from test_identity import cli_args

# (command, options): each the program refuses with exit 2
REFUSED = [
    ("run", dict(samples=0)),
    ("run", dict(samples="abc")),
    ("run", dict(samples="")),
    ("run", dict(scheme="standrd")),
    ("run", dict(scheme="he_normal", gain=2)),
    ("run", dict(activation="tanhh")),
    ("run", dict(inputs="bernoulli:2")),
    ("run", dict(alpha=1)),
    ("run", dict(seed=-1)),
    ("run", dict(seed=2 ** 64)),
    ("run", dict(samples=1.5)),
    ("run", dict(threads=0)),
    ("run", dict(threshold=3, saturation="deriv:0.1")),
    ("run", dict(saturation="deriv:0.1", threshold=3)),
    ("run", dict(expect_variance=-2)),
    ("run", dict(active=2000)),
    ("run", dict(activation="relu", saturation="z:2", n_in=0)),
    ("run", dict(inputs="file:/nonexistent/inputs")),
    ("deep", dict(layers=0)),
    ("deep", dict(inputs="normal", active=3)),
    ("deep", dict(max_memory=10)),
    ("deep", dict(threshold=-1)),
    ("sweep", dict()),
    ("sweep", dict(vary="bogus=1:2")),
    ("sweep", dict(vary="n-in=1:10", n_in=5)),
    ("sweep", dict(vary="threshold=1:3", saturation="deriv:0.1")),
    ("sweep", dict(vary="gain=1:2", scheme="standard")),
    ("sweep", dict(vary="n-in=10:100", gain=2, scheme="standard")),
    ("sweep", dict(vary="p=0:1", inputs="ones")),
]


@pytest.mark.parametrize("command,options", REFUSED)
def test_refusal_is_the_cli_line(satstat_exe, command, options):
    p = subprocess.run([satstat_exe, command] + cli_args(options) + ["--quiet"],
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 2
    assert p.stderr.startswith("satstat: ") and p.stderr.count("\n") == 1
    with pytest.raises(satstat.Error) as e:
        getattr(satstat, command)(**options)
    assert "satstat: " + e.value.message + "\n" == p.stderr
    assert str(e.value) == e.value.message
    # SATSTAT_EINVAL; SATSTAT_ERANGE for a run beyond --max-memory
    assert e.value.status == (-6 if "max_memory" in options else -1)


def test_unknown_option_suggests_the_nearest():
    with pytest.raises(satstat.Error) as e:
        satstat.run(shceme="scaled")
    assert e.value.message == "unknown option 'shceme' (did you mean 'scheme'?)"
    # an option of another command is unknown to this one, and nothing is near
    with pytest.raises(satstat.Error) as e:
        satstat.run(layers=3)
    assert e.value.message == "unknown option 'layers'"
    with pytest.raises(satstat.Error) as e:
        satstat.deep(vary="n-in=1:10")
    assert e.value.message.startswith("unknown option 'vary'")


def test_flags_and_values():
    with pytest.raises(satstat.Error, match=r"^--analytic-only: takes no value"):
        satstat.run(analytic_only="yes")
    with pytest.raises(satstat.Error, match=r"^--samples: takes a value, not true$"):
        satstat.run(samples=True)
    # False and None: not given
    r = satstat.run(analytic_only=False, samples=None, n_in=10, n_out=10, scheme="scaled",
                    seed=3)
    assert not r["analytic_only"] and r["config"]["samples"] == 1000000


def test_numbers_read_as_the_cli_reads_their_text():
    r = satstat.run(analytic_only=True, alpha=0.001, threshold=2.5, n_in=1e3, bias="normal:0.5")
    c = r["config"]
    assert c["alpha"] == 0.001 and c["threshold"] == 2.5 and c["n_in"] == 1000
    # a list joins with ','
    r = satstat.run(analytic_only=True, scheme=["standard", "uniform:0.05", "normal:0.1"])
    assert r["config"]["schemes"] == ["standard", "uniform:0.05", "normal:0.1"]


def raw(req):
    return satstat.request_json(req if isinstance(req, str) else json.dumps(req))


@pytest.mark.parametrize("text,message", [
    ("{", r"^request: not JSON: .*\(line 1, column 1\)$"),
    ('{"command": "run", "command": "deep"}', r"^request: not JSON: duplicate object key"),
    ("[]", r"^request: must be a JSON object$"),
    ("{}", r'^request: "command" must be a string: run, deep or sweep$'),
    ('{"command": "rn"}', r"^request: unknown command 'rn' \(did you mean 'run'\? valid: run, "
                          r"deep, sweep\)$"),
    ('{"command": "run", "option": {}}', r'^request: unknown key "option"'),
    ('{"command": "run", "options": []}', r'^request: "options" must be an object$'),
    ('{"command": "run", "options": {"scheme": {"a": 1}}}', r"^--scheme: a string, a number"),
    ('{"command": "run", "histograms": 1}', r'^request: "histograms" must be true or false$'),
    ('{"command": "run", "figures": {"render": "svg"}}',
     r'^request: "figures" must be an object with a "dir"$'),
    ('{"command": "run", "figures": {"dir": "/tmp", "render": "gif"}}', r"^--render: "),
])
def test_request_refused(text, message):
    with pytest.raises(satstat.Error, match=message):
        raw(text)


def test_request_without_histograms_is_the_report(satstat_exe):
    """The answer to a plain request is the report itself: the program's
    bytes (a sweep has no timing field: all of them)."""
    opts = {"vary": "n-in=10:100:3", "samples": 3000, "seed": 9, "threads": 2}
    text = raw({"command": "sweep", "options": opts})
    p = subprocess.run([satstat_exe, "sweep"] + cli_args(opts) + ["--format", "json"],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0 and text == p.stdout
