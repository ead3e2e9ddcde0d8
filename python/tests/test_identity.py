"""The Python package gives the numbers of the satstat program, bit for bit.

Each case runs the command line `satstat COMMAND ... --format json` and the
same options through satstat.run / deep / sweep, then compares (1) the JSON
text byte for byte, the timing field "elapsed_seconds" aside, and (2) every
parsed number exactly, by its 64 bits (so -0.0 against 0.0 or a NaN would
show).  Seeds and thread counts vary: the same seed gives the same numbers
whatever the thread count, in both."""
import json
import math
import re
import struct
import subprocess

import pytest

import satstat

ELAPSED = re.compile(r'"elapsed_seconds": [^,\n}]*')


def cli_args(options):
    args = []
    for key, value in options.items():
        name = "--" + key.replace("_", "-")
        if value is True:
            args.append(name)
        elif isinstance(value, (list, tuple)):
            args += [name, ",".join(str(v) for v in value)]
        else:
            args += [name, str(value)]
    return args


def cli_json(exe, command, options):
    p = subprocess.run([exe, command] + cli_args(options) + ["--format", "json", "--quiet"],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode in (0, 1), p.stderr
    return p.stdout, p.returncode


def bits(x):
    return struct.pack("<d", x)


def assert_same(a, b, path="$"):
    """Equal structure; numbers equal to the bit (ints as ints)."""
    assert type(a) is type(b), "%s: %r vs %r" % (path, a, b)
    if isinstance(a, dict):
        assert list(a) == list(b), path
        for k in a:
            if k != "elapsed_seconds":
                assert_same(a[k], b[k], path + "." + k)
    elif isinstance(a, list):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b)):
            assert_same(x, y, "%s[%d]" % (path, i))
    elif isinstance(a, float):
        assert bits(a) == bits(b) or (math.isnan(a) and math.isnan(b)), \
            "%s: %r vs %r" % (path, a, b)
    else:
        assert a == b, "%s: %r vs %r" % (path, a, b)


def count_floats(x):
    if isinstance(x, dict):
        return sum(count_floats(v) for v in x.values())
    if isinstance(x, list):
        return sum(count_floats(v) for v in x)
    return isinstance(x, float)


def check_identity(exe, command, options):
    text, rc = cli_json(exe, command, options)
    report = getattr(satstat, command)(**options)
    # bytes, the timing aside
    assert ELAPSED.sub("", report.json) == ELAPSED.sub("", text)
    # numbers, by their bits
    cli = json.loads(text)
    assert_same(report.to_dict(), cli)
    assert count_floats(cli) > 10
    # the verdict is the exit status's
    assert report.passed == (rc == 0)
    return report


RUN_CASES = [
    dict(scheme="standard,scaled", samples=20000, seed=1, threads=1),
    dict(scheme="standard,scaled", samples=20000, seed=1, threads=2),
    dict(scheme=["uniform:0.05", "he-normal"], inputs="bernoulli:0.3", activation="tanh",
         samples=30000, seed=12345, threads=3),
    dict(scheme="orthogonal", n_in=64, n_out=32, samples=2000, seed=5, threads=2),
    dict(scheme="xavier-normal", gain="relu", analytic_only=True),
    # a claim that is wrong (it forgets the bias): the verification fails, exit 1
    dict(scheme="scaled", expect_variance=1.0, samples=20000, seed=2, threads=2),
    dict(scheme="scaled", bias="torch", activation="relu", saturation="dead", alpha=0.01,
         samples=5000, seed=99, threads=2),
]


@pytest.mark.parametrize("options", RUN_CASES)
def test_run_is_the_cli(satstat_exe, options):
    check_identity(satstat_exe, "run", options)


def test_wrong_claim_fails(satstat_exe):
    r = check_identity(satstat_exe, "run", RUN_CASES[5])
    assert not r.passed


DEEP_CASES = [
    dict(layers=3, width=50, networks=4, n_in=40, seed=1, threads=1),
    dict(layers=3, width=50, networks=4, n_in=40, seed=7, threads=2),
    dict(layers=4, width=30, networks=3, n_in=30, activation="tanh", scheme="orthogonal",
         inputs="normal", bias="zero", seed=3, threads=2),
]


@pytest.mark.parametrize("options", DEEP_CASES)
def test_deep_is_the_cli(satstat_exe, options):
    check_identity(satstat_exe, "deep", options)


SWEEP_CASES = [
    dict(vary="n-in=10:1000:3:log", samples=5000, seed=1, threads=2),
    dict(vary="sigma=0.1:1:3", scheme="normal:1,scaled", samples=4000, seed=4, threads=1),
    dict(vary="threshold=1:3:3", analytic_only=True),
]


@pytest.mark.parametrize("options", SWEEP_CASES)
def test_sweep_is_the_cli(satstat_exe, options):
    check_identity(satstat_exe, "sweep", options)


def without_threads(d):
    d = dict(d)
    d["config"] = {k: v for k, v in d["config"].items() if k != "threads"}
    return d


def test_same_seed_same_numbers_any_thread_count():
    one = satstat.run(samples=20000, seed=11, threads=1).to_dict()
    four = satstat.run(samples=20000, seed=11, threads=4).to_dict()
    assert_same(without_threads(one), without_threads(four))
    other = satstat.run(samples=20000, seed=12, threads=1).to_dict()
    assert one["schemes"][0]["empirical"]["mean"] != other["schemes"][0]["empirical"]["mean"]
