#!/usr/bin/python3
"""gallery_check.py — the committed gallery's sub-folders (plots/*/: deep
networks with sigmoid and tanh, the phase diagram, the activations preset, a
sweep) are what the current code writes.

tools/gallery is run into a scratch folder with GALLERY_RENDER=none (the
scripts only; the seed experiment's plots/*.gp are left out: test_plot's
gallery_is_current compares those byte for byte), and each script there is
compared with the committed one:

  - the same scripts in each sub-folder, no more, no fewer, and a committed
    1280x800 PNG beside each;
  - every line outside the data blocks ($name << EOD ... EOD) the same, byte
    for byte;
  - inside the data blocks, the same tokens; numbers agree to a relative
    1e-9 (|a - b| <= 1e-9 max(|a|, |b|)) or within 1e-12 of each other (a
    value that is 0 in exact arithmetic), other tokens exactly.

Why a tolerance: deep networks multiply matrices through BLAS, whose kernels
sum in a different order on different CPUs (and with -Dblas=gsl), which moves
the last digits of the printed numbers (%.10g), never the sixth.

And the sweep's formula curves pass through every point's own formula
value (the sweep's CSV): at odd n_in too.  And every committed script's
"Made by:" line, the seed gallery's too, run as it reads, writes that
script again (a figure's recorded command once lacked --phase, and the
preset's lacked --preset: neither made the figure).

Before comparing, the comparison is shown to fail on deliberately altered
copies of a committed script (a data number moved by a relative 1e-7, a text
line changed, a row left out) and to pass on a number moved by a relative
1e-12, so that a comparison that can no longer see anything is caught.

    gallery_check.py SATSTAT SOURCE_ROOT
Standard library only.
"""
import glob
import os
import re
import struct
import subprocess
import sys
import tempfile

EXE, ROOT = sys.argv[1], sys.argv[2]
RELATIVE = 1e-9
ABSOLUTE = 1e-12
BLOCK_START = re.compile(r"^\$\w+ << EOD$")
NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$|^[-+]?(inf|nan)$", re.I)


def differences(committed, fresh):
    """The first difference between two scripts' texts, or None."""
    a, b = committed.split("\n"), fresh.split("\n")
    if len(a) != len(b):
        return "%d lines, now %d" % (len(a), len(b))
    in_block = False
    for n, (x, y) in enumerate(zip(a, b), 1):
        if in_block and x != "EOD":
            ta, tb = x.split(), y.split()
            if len(ta) != len(tb):
                return "line %d: %r, now %r" % (n, x, y)
            for u, v in zip(ta, tb):
                if u == v:
                    continue
                if not (NUMBER.match(u) and NUMBER.match(v)):
                    return "line %d: %r, now %r" % (n, x, y)
                fu, fv = float(u), float(v)
                if not abs(fu - fv) <= max(RELATIVE * max(abs(fu), abs(fv)), ABSOLUTE):
                    return "line %d: %s, now %s (beyond a relative %g)" % (n, u, v, RELATIVE)
            continue
        if x != y:
            return "line %d: %r, now %r" % (n, x, y)
        if BLOCK_START.match(x):
            in_block = True
        elif x == "EOD":
            in_block = False
    return None


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def altered(text, how):
    """A copy of a script's text changed in one way."""
    lines = text.split("\n")
    in_block = False
    for i, line in enumerate(lines):
        if BLOCK_START.match(line):
            in_block = True
            continue
        if line == "EOD":
            in_block = False
            continue
        if not in_block:
            continue
        tokens = line.split()
        for k, t in enumerate(tokens):
            if NUMBER.match(t) and float(t) != 0:
                if how == "drop-row":
                    del lines[i]
                    return "\n".join(lines)
                factor = {"far": 1 + 1e-7, "near": 1 + 1e-12}[how]
                tokens[k] = "%.17g" % (float(t) * factor)
                lines[i] = " ".join(tokens)
                return "\n".join(lines)
    raise AssertionError("no data number in the script")


def self_test(script):
    text = open(script).read()
    assert differences(text, text) is None
    assert differences(text, altered(text, "far")) is not None, "a data number moved by 1e-7"
    assert differences(text, altered(text, "drop-row")) is not None, "a row left out"
    assert differences(text, altered(text, "near")) is None, "a number moved by 1e-12"
    changed = text.replace("set ", "set  ", 1)
    assert changed != text and differences(text, changed) is not None, "a text line changed"


def block(text, name):
    """The rows of data block $name as lists of floats (blank lines, breaks
    in a line such as the sweep's odd and even n_in, skipped)."""
    m = re.search(r"^\$%s << EOD\n(.*?)^EOD$" % re.escape(name), text, re.S | re.M)
    assert m, "no block $" + name
    return [[float(t) for t in line.split()] for line in m.group(1).splitlines() if line.strip()]


# The gallery's sweep (as in tools/gallery), its quantities by figure.
SWEEP = ["sweep", "--vary", "n-in=10:10000:8:log", "--scheme", "standard,scaled"]
SWEEP_COLUMNS = {"sweep-variance": "variance_analytic",
                 "sweep-saturated-fraction": "saturated_fraction_analytic",
                 "sweep-activation-derivative": "mean_activation_derivative_analytic"}


def curve_meets_points(folder):
    """Each formula curve of the sweep passes through every point of the
    sweep at that point's own formula value, as the sweep's CSV gives it
    (with --vary n-in: active = floor(n_in/2) at odd n_in too; a curve of
    even n_in only has no row at n_in = 27 and reads 0.001091 beside
    0.001015 there).  The failures, as text."""
    import csv
    import io
    out = subprocess.run([EXE] + SWEEP + ["--analytic-only", "--format", "csv"],
                         check=True, capture_output=True, text=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    series = []
    for r in rows:
        if r["series"] not in series:
            series.append(r["series"])
    failures = []
    for stem, column in SWEEP_COLUMNS.items():
        text = open(os.path.join(folder, stem + ".gp")).read()
        for k, name in enumerate(series, 1):
            curve = {x: y for x, y in block(text, "formula%d" % k)}
            points = [r for r in rows if r["series"] == name]
            assert len(points) == 8, name
            for r in points:
                x, want = float(r["value"]), float(r[column])
                got = curve.get(x)
                if got is None or abs(got - want) > 1e-9 * abs(want):
                    failures.append("%s: the %s curve at n_in = %g reads %s, the sweep's "
                                    "formula %.10g" % (stem, name, x, got, want))
    return failures


def made_by_reproduces(tmp):
    """Each committed script's "Made by:" line (the seed gallery's too), run
    as it reads in a scratch folder with --render none, writes that script
    again (the same comparison as above).  The failures, as text."""
    import shlex
    committed = sorted(glob.glob(os.path.join(ROOT, "plots", "*.gp"))
                       + glob.glob(os.path.join(ROOT, "plots", "*", "*.gp")))
    commands = {}
    for path in committed:
        with open(path) as f:
            line = next((l for l in f if l.startswith("# Made by:")), None)
        if line is None:
            return ["%s has no 'Made by:' line" % os.path.relpath(path, ROOT)]
        commands.setdefault(line[len("# Made by:"):].strip(), []).append(path)
    failures = []
    for n, (command, paths) in enumerate(sorted(commands.items())):
        words = shlex.split(command)
        if words[0] != "satstat":
            failures.append("'Made by: %s' does not start with satstat" % command)
            continue
        cwd = os.path.join(tmp, "made-by-%d" % n)
        os.makedirs(cwd)
        run = subprocess.run([EXE] + words[1:] + ["--render", "none", "--quiet"], cwd=cwd,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0:
            failures.append("'Made by: %s' fails: %s" % (command, run.stderr.strip()))
            continue
        for path in paths:
            name = os.path.relpath(path, ROOT)
            fresh = os.path.join(cwd, name)
            if not os.path.exists(fresh):
                failures.append("'Made by: %s' does not write %s" % (command, name))
                continue
            diff = differences(open(path).read(), open(fresh).read())
            if diff:
                failures.append("'Made by: %s' writes %s otherwise: %s" % (command, name, diff))
    return failures


def main():
    committed = sorted(glob.glob(os.path.join(ROOT, "plots", "*", "*.gp")))
    if not committed:
        print("FAIL: no committed scripts in plots/*/ (run tools/gallery)")
        return 1
    self_test(next(p for p in committed if "deep-variance" in p))
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, GALLERY_RENDER="none", GALLERY_ROOT=tmp, GALLERY_SEED="0")
        subprocess.run([os.path.join(ROOT, "tools", "gallery"), EXE], env=env, check=True)
        fresh = sorted(glob.glob(os.path.join(tmp, "plots", "*", "*.gp")))
        rel = lambda p, base: os.path.relpath(p, base)
        have = {rel(p, ROOT) for p in committed}
        made = {rel(p, tmp) for p in fresh}
        for name in sorted(made - have):
            failures.append("%s is not committed: run tools/gallery and commit plots/" % name)
        for name in sorted(have - made):
            failures.append("%s is no longer written by tools/gallery" % name)
        for name in sorted(have & made):
            diff = differences(open(os.path.join(ROOT, name)).read(),
                               open(os.path.join(tmp, name)).read())
            if diff:
                failures.append("%s differs from what tools/gallery writes now: %s "
                                "(run tools/gallery and commit plots/)" % (name, diff))
        failures += curve_meets_points(os.path.join(tmp, "plots", "sweep"))
        failures += made_by_reproduces(tmp)
        for name in sorted(have):
            png = os.path.join(ROOT, name[:-3] + ".png")
            if not os.path.exists(png) or png_size(png) != (1280, 800):
                failures.append("%s: no 1280x800 PNG beside it" % name)
    for f in failures:
        print("FAIL: " + f)
    print("%d scripts compared, %d failures" % (len(committed), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
