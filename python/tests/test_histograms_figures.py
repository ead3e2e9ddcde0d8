"""Histograms as numpy arrays, and the figures: the program's gnuplot
scripts, rendered to SVG for Jupyter."""
import pathlib
import shutil
import subprocess

import numpy as np
import pytest

import satstat
from test_identity import cli_args


def test_run_histograms_hold_every_sample():
    r = satstat.run(samples=20000, seed=2, threads=2, scheme="standard,scaled,orthogonal",
                    n_in=64, n_out=16)
    assert [h["scheme"] for h in r.histograms] == ["standard", "scaled", "orthogonal"]
    for h in r.histograms:
        z = h["z"]
        assert isinstance(z.counts, np.ndarray) and z.counts.dtype == np.int64
        assert isinstance(z.edges, np.ndarray) and len(z.edges) == len(z.counts) + 1
        assert np.all(np.diff(z.edges) > 0)
        assert z.total() == 20000
    # orthogonal: also each matrix's first row (20000 rows of 16-row matrices)
    unit = r.histograms[2]["unit_z"]
    assert unit is not None and unit.total() == 20000 // 16
    assert r.histograms[0]["unit_z"] is None
    # the sampled variance of 'standard' from its histogram is near the report's
    z = r.histograms[0]["z"]
    mids = (z.edges[:-1] + z.edges[1:]) / 2
    var = np.average(mids ** 2, weights=z.counts) - np.average(mids, weights=z.counts) ** 2
    assert abs(var / r["schemes"][0]["empirical"]["variance"] - 1) < 0.01


def test_analytic_only_has_no_histograms():
    r = satstat.run(analytic_only=True)
    assert all(h["z"] is None for h in r.histograms)


def test_deep_histograms_per_layer():
    r = satstat.deep(layers=3, width=40, networks=5, n_in=30, seed=4)
    assert len(r.histograms) == 2
    for s in r.histograms:
        assert [l["layer"] for l in s["layers"]] == [1, 2, 3]
        for l in s["layers"]:
            # every unit of every network, in a bin or beside them
            assert l["z"].total() == 40 * 5 and l["activation"].total() == 40 * 5
            assert len(l["z"].edges) == 61


def test_sweep_histograms_per_point():
    r = satstat.sweep(vary="n-in=10:1000:3:log", samples=3000)
    values = [p["value"] for p in r.histograms]
    assert values == [pt["value"] for pt in r["points"]]
    assert all(s["z"].total() == 3000 for p in r.histograms for s in p["schemes"])


needs_gnuplot = pytest.mark.skipif(shutil.which("gnuplot") is None, reason="no gnuplot")


def scripts(folder):
    return {p.name: p.read_text() for p in sorted(pathlib.Path(folder).glob("*.gp"))}


@needs_gnuplot
@pytest.mark.parametrize("command,options", [
    ("run", dict(samples=5000, seed=3, threads=2)),
    ("deep", dict(layers=2, width=20, networks=3, n_in=20)),
    ("sweep", dict(vary="n-in=10:100:3", samples=2000)),
])
def test_figures_are_the_programs(satstat_exe, tmp_path, command, options):
    r = getattr(satstat, command)(figures=True, figure_size="640x400", **options)
    assert r.figures
    for f in r.figures:
        assert f.svg.lstrip().startswith("<?xml") and "</svg>" in f.svg
        assert f._repr_svg_() is f.svg
    assert r._repr_svg_() == r.figures[0].svg
    html = r._repr_html_()
    assert all(f.name in html for f in r.figures) and html.count("</svg>") == len(r.figures)
    # the scripts are the program's (--plots, no rendering) but for the
    # folder they name
    out = tmp_path / "figs"
    p = subprocess.run([satstat_exe, command] + cli_args(options)
                       + ["--plots", str(out), "--render", "none", "--plot-size", "640x400",
                          "--quiet"], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    theirs = scripts(out)
    assert sorted(theirs) == sorted(f.name + ".gp" for f in r.figures)
    for f in r.figures:
        mine = [l for l in f.script.splitlines() if "satstat-figures-" not in l]
        cli = [l for l in theirs[f.name + ".gp"].splitlines() if str(out) not in l]
        assert mine == cli


def test_no_figures_no_svg():
    r = satstat.run(analytic_only=True)
    assert r.figures == [] and r._repr_svg_() is None and r._repr_html_() is None
