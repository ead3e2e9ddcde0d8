"""satstat from Python: the saturation statistics of weight initialization.

The maths stays in C: every call is one satstat_request_json call into
libsatstat.so.0 (see satstat/_library.py for where it is found), which
reads the options exactly as the ``satstat`` command does and writes the
report with the command's own JSON writer.  So ::

    import satstat
    r = satstat.run(scheme="standard,scaled", samples=100000, seed=1)
    r["schemes"][1]["empirical"]["variance"]   # the CLI's JSON number, bit for bit
    r.passed, r.histograms[0]["z"].counts      # a numpy array

gives the numbers of ``satstat run --scheme standard,scaled --samples
100000 --seed 1 --format json``.  Options are the command's long options
with ``-`` written ``_`` (``n_in``, ``expect_variance``, ``analytic_only``);
values are strings as on the command line, numbers, lists (joined with
``,``: ``scheme=["standard", "scaled"]``) or True for a flag.  A refused
option raises satstat.Error with the command's message.

``figures=True`` also renders the command's gnuplot figures as SVG (gnuplot
must be on PATH); a Report then shows them inline in Jupyter.
"""

import json
import pathlib
import shutil
import tempfile

import numpy as np

from ._library import Error, library_path, request_json

__all__ = ["Error", "Report", "Figure", "Histogram", "run", "deep", "sweep", "request",
           "request_json", "library_path"]
__version__ = "0.1.0"


class Histogram:
    """Bin counts of sampled values: ``edges`` (len n+1) and ``counts``
    (len n) as numpy arrays, and the values below and above them."""

    def __init__(self, edges, counts, underflow, overflow):
        self.edges = np.asarray(edges, dtype=np.float64)
        self.counts = np.asarray(counts, dtype=np.int64)
        self.underflow = underflow
        self.overflow = overflow

    @classmethod
    def _from_json(cls, h):
        if h is None:
            return None
        if "edges" in h:
            edges = h["edges"]
        else:
            # deep: equal bins over [lo, hi)
            lo, hi = h["range"]
            edges = np.linspace(lo, hi, len(h["counts"]) + 1)
        return cls(edges, h["counts"], h["underflow"], h["overflow"])

    def total(self):
        return int(self.counts.sum()) + self.underflow + self.overflow

    def to_dict(self):
        return {"edges": self.edges.tolist(), "counts": self.counts.tolist(),
                "underflow": self.underflow, "overflow": self.overflow}

    def __repr__(self):
        return "Histogram(%d bins over [%g, %g), %d values)" % (
            len(self.counts), self.edges[0], self.edges[-1], self.total())


def _histograms(command, data):
    """The request's histograms with Histogram objects for their arrays."""
    def run_list(schemes):
        if schemes is None:
            return None
        return [{"scheme": s["scheme"], "z": Histogram._from_json(s["z"]),
                 "unit_z": Histogram._from_json(s["unit_z"])} for s in schemes]
    if command == "run":
        return run_list(data)
    if command == "deep":
        return [{"scheme": s["scheme"],
                 "layers": [{"layer": l["layer"], "z": Histogram._from_json(l["z"]),
                             "activation": Histogram._from_json(l["activation"])}
                            for l in s["layers"]]} for s in data]
    return [{"value": p["value"], "schemes": run_list(p["schemes"])} for p in data]


class Figure:
    """One figure of a report: its name, its SVG and the gnuplot script
    that drew it (the script the command writes with --plots)."""

    def __init__(self, name, svg, script):
        self.name = name
        self.svg = svg
        self.script = script

    def _repr_svg_(self):
        return self.svg

    def __repr__(self):
        return "Figure(%r)" % self.name


class Report:
    """A command's report: ``json`` is the text the command writes with
    ``--format json`` (the same bytes but for "elapsed_seconds"),
    ``to_dict()`` its parsed form, ``histograms`` the sampled histograms
    (numpy arrays), ``figures`` the rendered figures (figures=True)."""

    def __init__(self, command, report_json, histograms=None, figures=None):
        self.command = command
        self.json = report_json
        self._data = json.loads(report_json)
        self.histograms = histograms
        self.figures = figures or []

    def to_dict(self):
        """The report as the command's JSON, parsed (a fresh copy)."""
        return json.loads(self.json)

    @property
    def passed(self):
        """Every verification passed: False only when one failed (an
        analytic-only report, or deep, which has none, is True)."""
        return self._data.get("pass") is not False

    def __getitem__(self, key):
        return self._data[key]

    def keys(self):
        return self._data.keys()

    def _repr_svg_(self):
        return self.figures[0].svg if self.figures else None

    def _repr_html_(self):
        if not self.figures:
            return None
        return "".join("<div><p><code>%s</code></p>%s</div>" % (f.name, f.svg)
                       for f in self.figures)

    def __repr__(self):
        line = self._data.get("config", {}).get("command") or self._data.get("command_line", "")
        verdict = "" if self.command == "deep" else (", pass" if self.passed else ", FAIL")
        return "<satstat %s report: %s%s>" % (self.command, line, verdict)


def _option_value(value):
    """A keyword's value for the request: integers as their decimal text
    (exact at any size: the library's range check then speaks, as the
    program's does), lists for ','-joined values, the rest as JSON."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, (np.ndarray, tuple)):
        value = list(value)
    if isinstance(value, list):
        return [_option_value(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def request(command, figures=False, figure_size=None, **options):
    """Run `command` ("run", "deep" or "sweep") with `options`; a Report.

    figures=True renders the command's figures as SVG through gnuplot (on
    PATH) in a temporary folder; figure_size is --plot-size ("640x400")."""
    req = {"command": command,
           "options": {k.replace("_", "-"): _option_value(v) for k, v in options.items()
                       if v is not None},
           "histograms": True}
    tmp = None
    try:
        if figures:
            if shutil.which("gnuplot") is None:
                raise Error("figures: gnuplot is not on PATH: install it (e.g. apt-get install "
                            "gnuplot-nox), or call without figures=True")
            tmp = tempfile.mkdtemp(prefix="satstat-figures-")
            req["figures"] = {"dir": tmp, "render": "svg"}
            if figure_size:
                req["figures"]["size"] = figure_size
        text, hist = _split_answer(request_json(json.dumps(req)))
        figs = []
        if tmp:
            for gp in sorted(pathlib.Path(tmp).glob("*.gp")):
                svg = gp.with_suffix(".svg")
                figs.append(Figure(gp.stem, svg.read_text() if svg.exists() else None,
                                   gp.read_text()))
        return Report(command, text, _histograms(command, hist), figs)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


_REPORT_KEY = '{"report": '
_HISTOGRAMS_KEY = ', "histograms": '


def _split_answer(answer):
    """The answer to a request with histograms is {"report": REPORT,
    "histograms": H} with REPORT the command's JSON bytes as written: those
    bytes (not parsed and re-serialised), and H parsed."""
    if not answer.startswith(_REPORT_KEY):
        raise Error("unexpected answer from the library: " + answer[:60])
    decoder = json.JSONDecoder()
    _, end = decoder.raw_decode(answer, len(_REPORT_KEY))
    cut = answer.index(_HISTOGRAMS_KEY, end)
    hist, _ = decoder.raw_decode(answer, cut + len(_HISTOGRAMS_KEY))
    return answer[len(_REPORT_KEY):cut], hist


def run(**options):
    """`satstat run`: one neuron's z by formula and by sampling; a Report."""
    return request("run", **options)


def deep(**options):
    """`satstat deep`: sampled deep networks beside the mean-field theory."""
    return request("deep", **options)


def sweep(**options):
    """`satstat sweep`: the experiment over a grid of one parameter
    (vary="n-in=10:10000:4:log" is required)."""
    return request("sweep", **options)
