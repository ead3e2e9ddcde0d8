#!/usr/bin/python3
"""Bad-input messages of the program, recorded and compared.

    tests/ref/bad_inputs.py BINARY OUT.txt

runs BINARY on every case below (in a fresh temporary directory, with
--quiet and a small --samples or --networks added so that a case
validation accepts ends soon) and writes each refused case's arguments, exit status, stdout
and stderr to OUT.txt, and "accepted" for a case that runs (exit 0 or 1,
or still running after 5 s).  Two recordings (before and after a
change that must keep the messages) are compared with `cmp`.  The cases:
tests/test_cli.c's bad inputs plus one or more per validation branch of
src/model/config.c, inputs.c, src/studies/deep.c, sweep.c and
src/api/options.c."""
import os, re, subprocess, sys, tempfile

R = []  # run
def run(*a): R.append(list(a))
def deep(*a): R.append(["deep"] + list(a))
def sweep(*a): R.append(["sweep"] + list(a))

# tests/test_cli.c bad_cases
for a in [["--n-in", "0"], ["--n-in", "-5"], ["--n-in", "1e30"], ["--n-in", "12abc"],
          ["--n-in=0"], ["--samples", "abc"], ["--samples", "0"], ["--samples", "-1"],
          ["--samples", "1.5"], ["--samples", "1e6x"], ["--scheme", "nope"],
          ["--scheme=nope"], ["--scheme", "normal:-1"], ["--scheme", "normal:nan"],
          ["--scheme", "normal:"], ["--scheme", ""], ["--scheme", "uniform:0"],
          ["--scheme", "standard,,scaled"], ["--threshold", "inf"], ["--threshold", "-1"],
          ["--threshold", "nan"], ["--active", "2000", "--n-in", "1000"],
          ["--n-in", "1000", "--active", "2000"], ["--active", "-1"],
          ["--inputs", "bernoulli:1.5"], ["--inputs", "bern"], ["--bias", "normal:-2"],
          ["--bias", "const:inf"], ["--activation", "nope"], ["--alpha", "0"],
          ["--alpha", "1"], ["--expect-variance", "0"], ["--expect-variance", "nan"],
          ["--format", "xml"], ["--threads", "0"], ["--threads", "1.5"], ["--seed", "-3x"],
          ["--seed", "9223372036854775808"], ["--n-out", "0"], ["--bogus"], ["--bogus=3"],
          ["--n-in"], ["--scheme"], ["run", "--n-in", "0"],
          ["--scheme", "orthogonal", "--inputs", "bernoulli:0.5"],
          ["--scheme", "orthogonal:2", "--n-in", "1", "--n-out", "1"],
          ["--scheme", "orthogonal", "--n-in", "10000", "--n-out", "5000"],
          ["--scheme", "orthogonal:-1"], ["--inputs", "normal:1e100"],
          ["--bias", "normal:1e60"], ["--shceme", "standard"], ["--n_in=5"],
          ["--activ", "3"], ["--quiet=1"], ["--activation", "tnah"], ["--format", "jsno"],
          ["--render", "PGN"], ["--scheme", "he-normla"], ["--scheme", "standard, scalde"],
          ["--mode", "fan-out"], ["--saturation", "dervi:0.5"], ["--scheme", "ORTHOGONAL"],
          ["--scheme", "Kaiming_Normal"]]:
    run(*a)

# config.c: ranges, cross-field rules, sizes
for s in ["normal:1e200", "uniform:1e200", "normal:1e160", "const:1e200", "const:1e160",
          "const:1e-300", "normal:1e60", "standard,standard", "scaled,standard,scaled",
          "xavier-normal", "he-normal", "orthogonal", "normal:1,normal:1",
          "const:1e20", "const:-1e20", "const:1e15", "uniform:1e40", "truncnormal:1e60",
          "bernoulli:0.5", "orthogonal:1e200"]:
    run("--scheme", s)
    run("--scheme", s, "--n-in", "100000000")
for b in ["const:1e20", "const:1e200", "normal:1e200", "normal:1e55", "const:-1e300",
          "uniform:1e200", "const:1e16"]:
    run("--bias", b)
    run("--bias", b, "--scheme", "const:1e-10")
run("--gain", "2")
run("--gain", "2", "--scheme", "standard")
run("--mode", "fan_out")
run("--mode", "fan_out", "--scheme", "xavier-normal")
run("--gain", "1e200", "--scheme", "he-normal")
run("--gain", "1e300", "--scheme", "orthogonal")
run("--gain", "0", "--scheme", "he-normal")
run("--gain", "-1", "--scheme", "xavier-normal")
run("--scheme", "he-normal:2", "--gain", "3")
run("--expect-variance", "1e-300")
run("--expect-variance", "1e-320")
run("--expect-variance", "1e-200", "--scheme", "normal:1e50")
run("--threshold", "1e-310")
run("--threshold", "1e-301")
run("--threshold", "5e-324")
run("--saturation", "deriv:0.5", "--activation", "relu")
run("--saturation", "deriv:2")
run("--saturation", "dead", "--activation", "sigmoid")
run("--saturation", "dead", "--activation", "tanh")
run("--saturation", "out:0.99", "--activation", "relu")
run("--saturation", "out:2", "--activation", "tanh")
run("--saturation", "deriv:0.1", "--activation", "linear")
run("--saturation", "out:0.5", "--activation", "linear")
run("--saturation", "z:0")
run("--saturation", "z:-1")
run("--threshold", "3", "--saturation", "deriv:0.1")
run("--saturation", "deriv:0.1", "--threshold", "3")
run("--n-in", "100000001")
run("--n-out", "100000001")
run("--samples", "1000000000001")
run("--threads", "1025")
run("--seed", "18446744073709551615")
run("--alpha", "nan")
run("--alpha", "-0.5")
run("--alpha", "inf")
run("--transform", "nope")
run("--transform", "")
run("--inputs", "ones", "--active", "3")
run("--inputs", "bernoulli:0.5", "--active", "3")
run("--inputs", "normal:1", "--active", "3")
run("--active", "1001")
run("--active", "5", "--n-in", "4")
run("--n-in", "4", "--active", "5")
run("--active", "100000001")
run("--inputs", "half", "--active", "0")
run("--inputs", "normal:1e200")
run("--inputs", "normal:1e155")
run("--inputs", "uniform:1e200")
run("--inputs", "bernoulli:0")
run("--inputs", "bernoulli:-0.1")
run("--inputs", "nope:1")
run("--inputs", "")
run("--inputs", "file:")
run("--inputs", "file:/nonexistent/x")
run("--inputs", "file:/tmp")
run("--inputs", "file:@EMPTY@")
run("--inputs", "file:@THREE@")
run("--inputs", "file:@THREE@", "--n-in", "3")
run("--inputs", "file:@THREE@", "--n-in", "3", "--active", "2")
run("--inputs", "file:@BADNUM@", "--n-in", "3")
run("--inputs", "file:@BIG@", "--n-in", "3")
run("--inputs", "file:@NAN@", "--n-in", "3")
run("--inputs", "file:@THREE@", "--n-in", "3", "--scheme", "orthogonal", "--n-out", "1")
run("--inputs", "file:@THREE@", "--n-in", "3", "--scheme", "orthogonal")
run("--scheme", "orthogonal", "--n-in", "1", "--n-out", "1")
run("--scheme", "orthogonal", "--n-in", "5000", "--n-out", "5000")
run("--scheme", "orthogonal", "--inputs", "normal:1")
run("--activation", "leaky-relu:2")
run("--activation", "leaky-relu:-1")
run("--activation", "")
run("--bias", "")
run("--bias", "nope")
run("--bias", "normal:nan")
run("--bias", "const:1e400")
run("--scheme", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q")
run("--scheme", ",".join(["normal:%d" % i for i in range(1, 18)]))
run("--n-in", "100000000", "--scheme", "normal:1e150")
run("--n-in", "100000000", "--inputs", "normal:1e140")
run("--samples", "1000000000000", "--expect-variance", "1e-300")

# deep
for a in [["--layers", "0"], ["--layers", "100001"], ["--layers", "1e9"], ["--width", "0"],
          ["--width", "99999999999"], ["--networks", "0"], ["--networks", "1e12"],
          ["--pair-correlation", "2"], ["--pair-correlation", "-1.5"],
          ["--pair-correlation", "nan"], ["--max-memory", "0"], ["--max-memory", "1"],
          ["--max-memory", "20Q"],
          ["--max-memory", "1.5G"], ["--max-memory", "99999999T"], ["--max-memory", "1K"],
          ["--max-memory", "1000"], ["--width", "100000", "--max-memory", "1000000"],
          ["--n-in", "100000000", "--width", "10000000"],
          ["--networks", "10000000", "--layers", "100000", "--width", "10000000"],
          ["--scheme", "orthogonal"], ["--scheme", "bernoulli:0.5"],
          ["--scheme", "const:1"], ["--scheme", "he-normal"], ["--scheme", "normal:1e200"],
          ["--scheme", "standard,standard"], ["--inputs", "normal", "--active", "3"],
          ["--inputs", "ones", "--active", "3"], ["--inputs", "normal:1"],
          ["--active", "2000"], ["--n-in", "10", "--active", "11"], ["--threshold", "0"],
          ["--threshold", "nan"], ["--saturation", "deriv:0.1"], ["--gain", "2"],
          ["--mode", "fan_in"], ["--n-out", "3"], ["--samples", "3"], ["--alpha", "1"],
          ["--seed", "9223372036854775808"], ["--threads", "0"], ["--bias", "const:1e200"],
          ["--inputs", "file:/nonexistent"], ["--inputs", "file:@THREE@"],
          ["--inputs", "file:@THREE@", "--n-in", "3"], ["--layres", "2"], ["--n", "3"],
          ["--activation", "nope"], ["--transform", "x"]]:
    deep(*a)

# sweep
for a in [[], ["--vary", ""], ["--vary", "nope=1:2"], ["--vary", "n-in"],
          ["--vary", "n-in=1:2:3:4:5"], ["--vary", "n-in=x:2"], ["--vary", "n-in=1:y"],
          ["--vary", "n-in=2:1"], ["--vary", "n-in=0:10"], ["--vary", "n-in=1:1e9"],
          ["--vary", "n-in=1:2:0"], ["--vary", "n-in=1:2:1"], ["--vary", "n-in=1:2:1000000"],
          ["--vary", "n-in=0:10:log"], ["--vary", "p=0:2"], ["--vary", "p=-1:0.5"],
          ["--vary", "sigma=0:1"], ["--vary", "sigma=-1:1"], ["--vary", "gain=0:1"],
          ["--vary", "threshold=0:1"], ["--vary", "sigma=0.5:2:3:log"],
          ["--vary", "n-in=1.5:2.5:2"], ["--vary", "n-in=1:1.5:3"],
          ["--vary", "sgima=0.5:2:3"], ["--vray", "n-in=1:2"],
          ["--vary", "n-in=10:20", "--n-in", "5"],
          ["--vary", "threshold=1:2", "--threshold", "3"],
          ["--vary", "threshold=1:2", "--saturation", "deriv:0.1"],
          ["--vary", "threshold=1:2", "--saturation", "dead", "--activation", "relu"],
          ["--vary", "gain=1:2", "--gain", "3"], ["--vary", "gain=1:2"],
          ["--vary", "gain=1:2", "--scheme", "he-normal,standard"],
          ["--vary", "sigma=1:2", "--scheme", "standard"],
          ["--vary", "sigma=1:2", "--scheme", "normal:1,normal:2"],
          ["--vary", "p=0.1:0.9"], ["--vary", "p=0.1:0.9", "--inputs", "ones"],
          ["--vary", "p=0.1:0.9", "--active", "3"],
          ["--vary", "n-in=10:20", "--gain", "2"], ["--vary", "n-in=10:20", "--mode", "fan_out"],
          ["--vary", "n-in=10:20", "--saturation", "dead"],
          ["--vary", "n-in=10:20", "--inputs", "file:@THREE@"],
          ["--vary", "sigma=1:2", "--inputs", "file:@THREE@"],
          ["--vary", "sigma=1:2", "--inputs", "file:@THREE@", "--n-in", "3"],
          ["--vary", "sigma=1:2", "--inputs", "file:/nonexistent"],
          ["--vary", "n-in=1:10", "--active", "5"],
          ["--vary", "n-in=1:10", "--scheme", "orthogonal"],
          ["--vary", "n-in=1:100000000", "--scheme", "normal:1e160"],
          ["--vary", "sigma=1e100:1e200"], ["--vary", "sigma=1e100:1e200:3:log"],
          ["--vary", "threshold=1e-320:1e-310"], ["--vary", "threshold=1e-320:1:3:log"],
          ["--vary", "n-in=10:20", "--bias", "const:1e20"],
          ["--vary", "n-in=10:20", "--expect-variance", "1e-300"],
          ["--vary", "gain=1:1e200", "--scheme", "he-normal"],
          ["--vary", "p=0:1", "--inputs", "bernoulli:0.5", "--scheme", "orthogonal"],
          ["--vary", "n-in=1:1.2"], ["--vary", "n-in=1:3:3", "--samples", "0"],
          ["--vary", "n-in=1:3", "--layers", "3"], ["--vary", "n-in=1:3", "--alpha", "2"]]:
    sweep(*a)


def main():
    binary, out = sys.argv[1], sys.argv[2]
    lines = []
    with tempfile.TemporaryDirectory() as d:
        files = {"@EMPTY@": "", "@THREE@": "1 0 1\n", "@BADNUM@": "1 x 2\n",
                 "@BIG@": "1e400 1 1\n", "@NAN@": "nan 1 1\n"}
        paths = {}
        for k, text in files.items():
            paths[k] = os.path.join(d, k.strip("@").lower())
            with open(paths[k], "w") as f:
                f.write(text)
        for i, case in enumerate(R):
            args = []
            for a in case:
                for k, p in paths.items():
                    a = a.replace(k, p)
                args.append(a)
            shown = [a.replace(d, "TMP") for a in args]
            # a case that validation accepts runs small and quiet
            extra = ["--quiet"] if "--quiet=1" not in args else []
            small = "--networks" if args[:1] == ["deep"] else "--samples"
            if not any(a.startswith(small) for a in args):
                extra += [small, "2" if small == "--networks" else "100"]
            cmd = args[:1] if args[:1] in (["run"], ["deep"], ["sweep"]) else []
            argv = [binary] + cmd + extra + args[len(cmd):]
            try:
                p = subprocess.run(argv, cwd=d, capture_output=True, timeout=5,
                                   env=dict(os.environ, LC_ALL="C"))
            except subprocess.TimeoutExpired:
                p = None
            if p is None or p.returncode in (0, 1):
                # accepted (ran to the end, or still running): not a bad
                # input; its output (times, the machine's load) is not
                # what this compares
                lines.append("## %d %r\naccepted\n" % (i, shown))
                continue
            lines.append("## %d %r\nexit %d\n-- stdout\n%s-- stderr\n%s" % (
                i, shown, p.returncode,
                # the run's time is the one number that differs between runs
                re.sub(r"(seed \d+), [0-9.]+ s", r"\1, T s",
                       p.stdout.decode("utf-8", "replace")[:2000].replace(d, "TMP")),
                p.stderr.decode("utf-8", "replace").replace(d, "TMP")))
    with open(out, "w") as f:
        f.write("".join(lines))
    print("%d cases" % len(R))


if __name__ == "__main__":
    main()
