#!/usr/bin/python3
"""figure_checks.py — checks a program can make of the figures (issue: one
figure toolkit, every figure right), on run's, deep's and sweep's scripts:

  layout     SVG and PDF have the layout of the PNG (issue #12): every figure
             type (fig1-fig5, deep's, the activations preset's, sweep's) at
             1280 x 800 and at a journal's column width (3.5 x 2.4 in, 8 pt,
             300 dpi), rendered in the three formats, SVG rasterised with
             rsvg-convert and PDF with pdftoppm at the PNG's pixel size, and
             in each the plot areas' boxes (the columns and rows of the image
             that are long dark lines: the axes, where the first of each
             starts and the last ends) and the title's width (the text's
             size) found; they agree within LAYOUT_TOLERANCE pixels at 640
             wide (the same share of a wider canvas; the title within
             TITLE_SHARE of its width), and the SVG's canvas is the size
             asked.
  warnings   every committed script in plots/ renders with nothing on
             gnuplot's standard error.
  comb       no histogram is a comb: in each histogram data block the share
             of sign changes between successive bin differences stays well
             below 1 (noise on a smooth density changes sign at about 2/3 of
             them; display bins made of two and one fine bins in turn, at
             nearly all).
  lines      a PDF's lines are as wide as the PNG's: the left axis of a
             run figure at 3.5 in and 300 dpi, rasterised, has the same ink
             across it in both (pdfcairo's line unit is not the PNG's
             pixel; a PDF at half the width loses thin curves under the
             markers).
  small text no text under 7 pt: each script's text and small text
             (fontpt, smallpt, and the size in smallfont at its terminal)
             evaluated by gnuplot, in every format, at the sizes made.
  grid room  small multiples (a script with grid_rows) leave each panel at
             least MIN_PANEL_LINES lines of text high, as gnuplot evaluates
             the layout: four scheme rows at 3.5 in were under a line each,
             their tick labels and row labels printed over each other.
  plot box   a run figure at a journal's column width (3.5 x 2.4 in, 8 pt,
             300 dpi) keeps each data panel at least MIN_BOX_IN inches high,
             as gnuplot evaluates the layout: the legend below fig2-compare
             (seven rows for three sampled schemes) left it 0.4 in.
  inset      fig1's tail inset is left out at a journal's column width
             (gnuplot leaves inset_from undefined there): its tick labels
             were under 7 pt and hung far below its frame.
  all zero   a deep-saturation figure whose every sampled count is 0 draws
             no error bars (they stood full height on the axis foot and
             read as a bar chart): the upper ends alone, and says so;
             and no legend row for a mean-field line under the axis's foot.
  empty panels every deep-density panel's histogram spans at least
             MIN_HIST_SPAN of its x range (relu, standard: one range for
             layers whose sd grows 10x per layer left all but one empty).
  fitted range a linear deep-gradient or deep-variance axis leaves at most
             MAX_EMPTY_FOOT of its height empty under the data.
  ticks      deep-activations panels list at most three ticks an axis, no
             two long labels side by side.
  colour bar a map's colour bar is drawn opaque: gnuplot draws it with the
             fill style, and the histograms' translucent fill left it faded
             (deep-phase-xi's bar did not match its map).
  deep SHOULDs (figure review 5) on deep's scripts: no power of ten with
             an ASCII minus; deep-activations draws no panel whose units
             all fall in one bar as a density, names its arrows (a point
             mass) in the legend and says "density" over its y axes; a
             scheme whose mean field is "(line = ...)" another's draws no
             line of its own under that one; deep-phase-xi's marks are
             white outlined in black, as deep-phase's; deep-jacobian's
             spectra are not filled translucent over each other.
  panels     every data panel has tick labels on both axes (no `unset
             xtics`, no `set format y ''`), every figure an x and a y label,
             and nothing is drawn outside the canvas (the outermost rows and
             columns of the PNG are background).

  script space (review 7 S2) the space after a sub- or superscript is
             kept in the PNG and in librsvg's SVG, with no phantom "." in
             the SVG's text.
  bar seams  (review 9, S7) deep-density's filled bars meet without a light
             seam in the PNG (bordered in their colour).
  review 7   (S9-S11, S14) at 3.5 in: fig2's band inside its panels, every
             x axis with three labels or more, fig3's right-axis numbers
             in one column, fig4's cut-bar row only with a cut bar drawn,
             a short log axis labelled above its data.

Each check is first run on a deliberately broken input, where it must fail,
so that a check that can no longer see anything is caught.  Known problems
of the figures' content (for the helpers that fix them) are listed in KNOWN:
a listed problem that is gone fails too, so that the list only shrinks.

    figure_checks.py SATSTAT SOURCE_ROOT
Needs gnuplot, rsvg-convert (librsvg2-bin), pdftoppm (poppler-utils) and
Python's numpy and PIL (python3-numpy, python3-pil: a PNG read in C, the
axes found in arrays; pure Python took 2.4 s an image, and the layout
check rasterises some 40 figures three times); skips (exit 77) without
them.
"""
import glob
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import numpy
    from PIL import Image
except ImportError:  # (main() skips)
    numpy = Image = None

EXE, ROOT = sys.argv[1], sys.argv[2]
FAILURES = []

# Problems of figure content that this check sees today, by figure stem
# pattern and check: to be fixed (and removed here) by the figure helpers.
KNOWN = {
    # at 3.5 x 2.4 in, 8 pt, the legend below leaves these 0.97 in (0.72
    # before the tighter room over a legend below the plot; fig4 went from
    # 0.56 to 1.25 in; fig2-compare, 0.40 in before, grows its canvas: 1.20 in)
    ("fig1-density-*", "plot box"): "0.97 in: five legend rows below",
}

# The share of sign changes between successive bin differences above which
# a histogram is a comb (a comb: 0.95-0.97; sampling noise on a smooth
# density: about 2/3, at most 0.82 in the preset's 60 histograms).
COMB_SHARE = 0.9
# The lowest foot of deep-saturation's log axis: 1/(10 N) for N = W R
# units of a layer, lowered to keep the mean field's line in view down to
# 1e-3/N; without W and R in the header, 1e-9.
LOG_FOOT_PER_UNIT = 1e-3
LOG_FOOT_MIN = 1e-9
# The least height (inches) of a run figure's data panel at 3.5 x 2.4 in.
MIN_BOX_IN = 1.1
MIN_HIST_SPAN = 0.1
MAX_EMPTY_FOOT = 0.35
# How far apart (pixels) the axes may sit in PNG, SVG and PDF, at 640
# pixels wide (on a wider canvas the same share of its width: 6.6 px at
# 1050, 8 at 1280).
LAYOUT_TOLERANCE = 4
# How far the title's width may differ (its share): pngcairo's glyph
# advances, hinted to whole pixels at 96 dpi, made the PNG's titles 1.3-1.8 %
# wider than the SVG's and the PDF's at 1280 x 800 (0.1-0.5 % at 300 dpi).
TITLE_SHARE = 0.025


def fail(msg):
    FAILURES.append(msg)
    print("FAIL: " + msg)


# ---- PNG ---------------------------------------------------------------------


def png_array(path):
    """The image's (r, g, b) as an array of rows, its alpha laid on a white
    page."""
    im = numpy.asarray(Image.open(path).convert("RGBA")).astype(numpy.int32)
    alpha = im[..., 3:4]
    return (im[..., :3] * alpha + 255 * (255 - alpha)) // 255


def grey_array(path):
    c = png_array(path)
    return (c[..., 0] * 299 + c[..., 1] * 587 + c[..., 2] * 114) // 1000


def read_png(path, rgb=False):
    """(width, height, rows): rows of grey values (rgb: of (r, g, b)), the
    alpha laid on a white page."""
    if rgb:
        c = png_array(path)
        rows = [list(map(tuple, r)) for r in c.tolist()]
    else:
        rows = grey_array(path).tolist()
    return len(rows[0]), len(rows), rows


def dark_runs(mask):
    """(row, start, length) of each run of True along the rows of a boolean
    array, gaps of up to 2 bridged (a line, where text has short runs)."""
    near = numpy.zeros_like(mask)
    before, after = near.copy(), near.copy()
    before[:, 1:] |= mask[:, :-1]
    before[:, 2:] |= mask[:, :-2]
    after[:, :-1] |= mask[:, 1:]
    after[:, :-2] |= mask[:, 2:]
    filled = mask | (before & after)
    edge = numpy.zeros((mask.shape[0], 1), bool)
    step = numpy.diff(numpy.concatenate([edge, filled, edge], axis=1).astype(numpy.int8), axis=1)
    rows, starts = numpy.nonzero(step == 1)
    _, ends = numpy.nonzero(step == -1)
    return rows, starts, ends - starts


def long_lines(mask):
    """The long lines along the rows of mask: the mean row of each group of
    adjacent rows whose longest run is at least 3/4 of the longest (an
    axis; 0.6 took tanh's steep curve in fig3's PDF, and sigmoid's indigo
    bar at 1 in deep-activations), where the first of them starts and the
    last ends (runs a fifth of the longest and up: an axis broken by a mark
    over it)."""
    rows, starts, lengths = dark_runs(mask)
    if not len(lengths):
        return [], [], []
    longest = numpy.zeros(mask.shape[0], int)
    numpy.maximum.at(longest, rows, lengths)
    groups = []
    for i in numpy.nonzero(longest >= 0.75 * longest.max())[0]:
        if groups and i - groups[-1][-1] <= 2:
            groups[-1].append(i)
        else:
            groups.append([i])
    part = lengths >= 0.2 * longest.max()
    first, last = [], []
    for g in groups:
        sel = part & numpy.isin(rows, g)
        first.append(int(starts[sel].min()))
        last.append(int((starts[sel] + lengths[sel]).max()))
    return [sum(g) / len(g) for g in groups], first, last


def axes_box(path):
    """The plot areas' boxes: the positions of the columns and of the rows
    that are long dark lines (the axes of every panel, adjacent lines
    merged), left to right and top to bottom, where the upmost vertical
    one starts (the plots' tops) and the rightmost horizontal one ends (their
    right ends), and the title's width (the text's size); with the image's
    size and how many of each were found."""
    grey = grey_array(path)
    h, w = grey.shape
    # near black: the axes, not a long flat curve in a dark palette colour
    # (blue #0072B2 is grey 87), which one format anti-aliases across two
    # rows and another does not
    dark = grey < 60
    # the title: the width of the first band of rows with ink from the top
    # (the top tenth took an SVG's top tick label 1 px higher than the PNG's)
    ink = (grey < 110).any(axis=1)
    title = []
    axes = dark
    if ink.any():
        y0 = y1 = int(numpy.argmax(ink))
        while y1 + 1 < h and ink[y1 + 1]:
            y1 += 1
        xs = numpy.nonzero((grey[y0:y1 + 1] < 110).any(axis=0))[0]
        title = [int(xs.max() - xs.min())]
        # (no axis in the title's rows: a glyph's stem over an axis's column
        # was taken for the axis's top, in one format only; a band taller
        # than a title, run into the plots, is left alone)
        if y1 - y0 < 0.08 * h:
            axes = dark.copy()
            axes[y0:y1 + 1] = False
    cols, tops, _ = long_lines(axes.T)
    rows, _, rights = long_lines(axes)
    edges = ([min(tops)] if tops else []) + ([max(rights)] if rights else [])
    return (cols + rows + edges + title, (w, h),
            (len(cols), len(rows), len(edges), len(title)))


def canvas_edge_dark(path):
    """Pixels of the outermost rows and columns that are not background."""
    w, h, rows = read_png(path)
    edge = rows[0] + rows[-1] + [r[0] for r in rows] + [r[-1] for r in rows]
    return sum(1 for g in edge if g < 200)


# ---- running things -------------------------------------------------------------


def run(args, cwd=None):
    p = subprocess.run(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def render(script, fmt, out):
    rc, _, err = run(["gnuplot", "-e", "format='%s'; output='%s'" % (fmt, out),
                      os.path.basename(script)], cwd=os.path.dirname(script) or ".")
    return rc, err


def rasterise(script, tmp):
    """PNG, SVG and PDF of a script, the latter two as PNGs of the PNG's size."""
    stem = os.path.join(tmp, os.path.basename(script)[:-3])
    for fmt in ("png", "svg", "pdf"):
        rc, err = render(script, fmt, stem + "." + fmt)
        if rc != 0:
            raise RuntimeError("%s (%s): %s" % (script, fmt, err))
    w, h = Image.open(stem + ".png").size
    run(["rsvg-convert", "-w", str(w), "-h", str(h), "-b", "white", "-o", stem + ".svg.png",
         stem + ".svg"])
    # (at the PNG's pixels: pdfcairo's page of 2.93 in made 875 rows of 879)
    run(["pdftoppm", "-scale-to-x", str(w), "-scale-to-y", str(h), "-png", "-singlefile",
         stem + ".pdf", stem + ".pdf"])
    return stem + ".png", stem + ".svg.png", stem + ".pdf.png"


def svg_canvas_problems(script, png, svg):
    """The SVG's canvas against the PNG's size at the script's dpi (the
    SVG's px are 1/96 in)."""
    dpi = int(re.search(r"dpi = (\d+)", open(script).read()).group(1))
    w, h = Image.open(png).size
    m = re.search(r'<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"', open(svg).read(4000))
    if not m:
        return ["no width and height in the SVG"]
    sw, sh = float(m.group(1)), float(m.group(2))
    if abs(sw - w * 96. / dpi) > 1 or abs(sh - h * 96. / dpi) > 1:
        return ["the SVG's canvas is %gx%g, the PNG's %dx%d at %d dpi (%.4gx%.4g)"
                % (sw, sh, w, h, dpi, w * 96. / dpi, h * 96. / dpi)]
    return []


def layout_differs(pngs):
    """How far the rasterised formats' boxes are apart beyond the tolerance
    (pixels; 0 or less: within it; a million when their numbers differ),
    and the boxes found."""
    boxes = [axes_box(p) for p in pngs]
    if len({(b[1], b[2]) for b in boxes}) != 1:
        return 10 ** 6, boxes
    tolerance = LAYOUT_TOLERANCE * boxes[0][1][0] / 640.
    ntitle = boxes[0][2][3]
    n = len(boxes[0][0])
    worst = -tolerance
    for bx in boxes[1:]:
        for i, (a, b) in enumerate(zip(boxes[0][0], bx[0])):
            allowed = max(tolerance, TITLE_SHARE * a) if i >= n - ntitle else tolerance
            worst = max(worst, abs(a - b) - allowed)
    return worst, boxes


# ---- script text ------------------------------------------------------------------


def datablocks(text):
    """{name: rows of numbers} of the inline data blocks."""
    out = {}
    for m in re.finditer(r"^\$(\w+) << EOD\n(.*?)^EOD$", text, re.S | re.M):
        rows = []
        for line in m.group(2).splitlines():
            try:
                rows.append([float(v) for v in line.split()])
            except ValueError:
                pass
        out[m.group(1)] = rows
    return out


def is_histogram(name):
    return re.fullmatch(r"hist\d+|h\d+_\d+", name) is not None


def comb_share(values):
    """Share of sign changes between successive nonzero differences."""
    d = [b - a for a, b in zip(values, values[1:]) if b != a]
    if len(d) < 8:
        return 0.0
    changes = sum(1 for a, b in zip(d, d[1:]) if (a > 0) != (b > 0))
    return changes / (len(d) - 1)


def combs(text):
    """Histogram blocks of the script that are combs: (name, share)."""
    out = []
    for name, rows in datablocks(text).items():
        if not is_histogram(name):
            continue
        ys = [r[1] for r in rows if len(r) > 1]
        # only the bins with data: a block padded with zeros has no comb there
        ys = [y for y in ys if y > 0]
        share = comb_share(ys)
        if share > COMB_SHARE:
            out.append((name, share))
    return out


def panel_problems(text):
    """Data panels without tick labels, a figure without axis labels.  A
    panel whose x tick labels are left to the panel below it (its
    `set format x ''` commented "shared x axis": deep-phase's maps stacked
    at 3.5 in) passes when a later panel has them."""
    problems = []
    state = {"xtics": True, "ytics": True, "fmtx": True, "fmty": True}
    xlabel = ylabel = False
    in_legend = False
    shared = False  # x tick labels left to a later panel
    for line in text.splitlines():
        s = line.split("#")[0].strip()
        if not s:
            continue
        if re.match(r"set format x +''", s) and "shared x axis" in line:
            shared = True
        if s.startswith("unset border"):
            in_legend = True  # the legend panel: no axes by design
        if s.startswith("unset multiplot"):
            in_legend = False
        if re.match(r"unset (xtics|tics)\b", s):
            state["xtics"] = False
        if re.match(r"unset (ytics|tics)\b", s):
            state["ytics"] = False
        if re.match(r"set (xtics|tics)\b", s) and not re.match(r"set (xtics|tics) +font", s):
            state["xtics"] = True
        if re.match(r"set (ytics|tics)\b", s) and not re.match(r"set (ytics|tics) +font", s):
            state["ytics"] = True
        m = re.match(r"set format ([xy]) +(''|\"\")", s)
        if m:
            state["fmt" + m.group(1)] = False
        elif re.match(r"set format ([xy])", s):
            state["fmt" + s.split()[2][0]] = True
        if re.match(r"set xlabel +'[^']", s):
            xlabel = True
        if re.match(r"set ylabel +'[^']", s):
            ylabel = True
        if s.startswith("plot ") and not in_legend and "nodraw" not in s.split(",")[0]:
            if state["xtics"] and state["fmtx"]:
                shared = False
            elif not shared:
                problems.append("a panel without x tick labels")
            if not (state["ytics"] and state["fmty"]):
                problems.append("a panel without y tick labels")
    if shared:
        problems.append("a shared x axis labelled under no panel")
    if not xlabel:
        problems.append("no x label")
    if not ylabel:
        problems.append("no y label")
    return sorted(set(problems))


def known(stem, check):
    for (pattern, c), _ in KNOWN.items():
        if c == check and re.fullmatch(pattern.replace("*", ".*"), stem):
            return True
    return False


# ---- the checks ----------------------------------------------------------------------


# The PDF's line width over the PNG's: within this factor.
LINE_WIDTH_RATIO = 1.35
# The smallest text a figure may print, in points (unless the whole text
# is asked smaller with --font-size).
MIN_TEXT_PT = 7.0


# pdftoppm snaps a thin stroke to whole pixels: the PDF is rasterised
# this many times finer (a window across the axis only), where a pixel is
# a small error; pngcairo anti-aliases, its PNG is measured as it is.
LINE_OVERSAMPLE = 8


def axis_window(path):
    """x of the leftmost vertical axis and the rows to measure it over."""
    w, h, _ = read_png(path)
    lines_found, _, counts = axes_box(path)
    if counts[0] == 0:
        return None
    return int(round(lines_found[0])), int(h * 0.25), int(h * 0.45)


def window_ink(path, x0, y0, y1, reach, per_pixel):
    w, h, rows = read_png(path)
    sums = sorted(sum(255 - rows[y][x] for x in range(max(0, x0 - reach), min(w, x0 + reach + 1)))
                  / 255.0 / per_pixel for y in range(y0, min(h, y1)))
    return sums[len(sums) // 2] if sums else 0.0


def line_width_ratio(script, tmp):
    png, _, _ = rasterise(script, tmp)
    window = axis_window(png)
    if window is None:
        return 0.0, 0.0, 0.0
    x0, y0, y1 = window
    a = window_ink(png, x0, y0, y1, 6, 1)
    dpi = int(re.search(r"dpi = (\d+)", open(script).read()).group(1))
    k = LINE_OVERSAMPLE
    stem = os.path.join(tmp, os.path.basename(script)[:-3])
    crop = stem + ".axis"
    run(["pdftoppm", "-r", str(dpi * k), "-x", str((x0 - 6) * k), "-y", str(y0 * k),
         "-W", str(13 * k), "-H", str((y1 - y0) * k), "-png", "-singlefile", stem + ".pdf", crop])
    b = window_ink(crop + ".png", 6 * k, 0, (y1 - y0) * k, 6 * k, k)
    return b / a if a > 0 else 0.0, a, b


def check_lines(scripts, tmp):
    for script in scripts:
        ratio, a, b = line_width_ratio(script, tmp)
        if not (1 / LINE_WIDTH_RATIO <= ratio <= LINE_WIDTH_RATIO):
            fail("lines: %s: the PDF's axis is %.2f times as wide as the PNG's (%.2f px, %.2f px)"
                 % (os.path.basename(script), ratio, a, b))

MIN_PANEL_LINES = 1.9


def panel_lines(script, tmp):
    """A grid figure's panel height in lines of text, as gnuplot evaluates
    the script (None: no grid, or gnuplot did not say)."""
    text = open(script).read()
    if not re.search(r"^grid_rows = ", text, re.M):
        return None
    probe = os.path.join(tmp, "probe-" + os.path.basename(script))
    open(probe, "w").write(text + "\nprint sprintf('PANEL %g', panel_h / line_height)\n")
    rc, _, err = run(["gnuplot", "-e", "format='png'; output='%s'" % os.path.join(tmp, "probe.png"),
                      probe], cwd=tmp)
    m = re.search(r"PANEL (\S+)", err)
    return float(m.group(1)) if rc == 0 and m else None


def box_inches(script, tmp):
    """A run figure's data panel height in inches, as gnuplot evaluates
    the script (panel_height with two panels, else top - bottom; None: no
    such layout, or gnuplot did not say)."""
    text = open(script).read()
    if not re.search(r"^top = ", text, re.M):
        return None
    probe = os.path.join(tmp, "probe-" + os.path.basename(script))
    open(probe, "w").write(text + "\nprint sprintf('BOX %g', (exists('panel_height') ? panel_height"
                           " : top - bottom) * height / dpi)\n")
    rc, _, err = run(["gnuplot", "-e", "format='png'; output='%s'" % os.path.join(tmp, "probe.png"),
                      probe], cwd=tmp)
    m = re.search(r"BOX (\S+)", err)
    return float(m.group(1)) if rc == 0 and m else None


def check_plot_box(scripts, tmp):
    seen = 0
    for script in scripts:
        inches = box_inches(script, tmp)
        if inches is None:
            continue
        seen += 1
        stem = os.path.basename(script)[:-3]
        if (inches < MIN_BOX_IN) != known(stem, "plot box"):
            fail("plot box: %s: the data panel %.2f in high (at least %g)%s"
                 % (script, inches, MIN_BOX_IN, " (listed in KNOWN)" if known(stem, "plot box") else ""))
    if not seen:
        fail("plot box: no run script to check")


def inset_drawn(script, tmp):
    """Whether gnuplot, running the script, draws fig1's tail inset (None:
    the script has none, or gnuplot did not say)."""
    text = open(script).read()
    if "inset_from" not in text:
        return None
    probe = os.path.join(tmp, "probe-" + os.path.basename(script))
    open(probe, "w").write(text + "\nprint sprintf('INSET %d', exists('inset_from'))\n")
    rc, _, err = run(["gnuplot", "-e", "format='png'; output='%s'" % os.path.join(tmp, "probe.png"),
                      probe], cwd=tmp)
    m = re.search(r"INSET (\d)", err)
    return m.group(1) == "1" if rc == 0 and m else None


def inset_label_clearance(script, tmp, text=None):
    """fig1's tail inset: how far (in canvas heights) the density curve
    ($pdfN, and the sampled histogram $histN) stays under the inset's
    bottom across the 5 characters of tick labels left of the inset's
    frame; negative when the curve runs through the labels.  None: no
    inset, or gnuplot did not say."""
    text = text if text is not None else open(script, encoding="utf-8").read()
    if "inset_from" not in text:
        return None
    probe = os.path.join(tmp, "probe-inset-" + os.path.basename(script))
    with open(probe, "w", encoding="utf-8") as f:
        f.write(text + "\nprint sprintf('INSETBOX %.9g %.9g %.9g %.9g %.9g %.9g %.9g %.9g %.9g', plot_left, "
                "plot_right, zmax, ymax, inset_l, inset_b, bottom, top - bottom, char_width)\n")
    rc, _, err = run(["gnuplot", "-e", "format='png'; output='%s'" % os.path.join(tmp, "probe.png"),
                      probe], cwd=tmp)
    m = re.search(r"INSETBOX" + r" (\S+)" * 9, err)
    if rc != 0 or not m:
        return None
    left, right, zmax, ymax, inset_l, inset_b, bottom, height, cw = map(float, m.groups())
    to_z = lambda x: (x - left) / (right - left) * 2 * zmax - zmax
    z0, z1 = to_z(inset_l - 5 * cw), to_z(inset_l)
    highest = 0.0
    for name, rows in datablocks(text).items():
        if re.fullmatch(r"pdf\d+|hist\d+", name):
            highest = max([highest] + [r[1] for r in rows if len(r) > 1 and z0 <= r[0] <= z1])
    return inset_b - (bottom + height * min(highest, ymax) / ymax)


def check_inset_labels(scripts, tmp):
    """At 1280 x 800 fig1-scaled's inset, kept 0.2 of the canvas wide,
    stood left of mean + 2 sd, and its tick labels 10^{-3} to 10^{-6} lay
    across the curve's flank (figure review 17, S11): the curve stays under
    the inset's bottom where its labels are; at the old width the check
    sees it cross."""
    seen = 0
    for script in scripts:
        text = open(script, encoding="utf-8").read()
        gap = inset_label_clearance(script, tmp, text)
        if gap is None:
            continue
        seen += 1
        if gap < 0:
            fail("inset labels: %s: the curve %.3g of the height above the inset's bottom under its labels"
                 % (script, -gap))
        old = inset_label_clearance(script, tmp, text.replace("plot_right - 0.12", "plot_right - 0.2"))
        if "scaled" in script and (old is None or old >= 0):
            fail("self-test: the inset labels check at the old width: %s" % (old,))
    if not seen:
        fail("inset labels: no fig1 script with a tail inset")


def check_inset(small, big, tmp):
    seen = 0
    for scripts, wanted in ((small, False), (big, True)):
        for script in scripts:
            drawn = inset_drawn(script, tmp)
            if drawn is None:
                continue
            seen += 1
            if drawn != wanted:
                fail("inset: %s: the tail inset is %s" % (script, "drawn at 3.5 in" if drawn
                                                           else "missing at full size"))
    if seen < 2:
        fail("inset: no fig1 script with a tail inset at both sizes to check")


def check_grid_room(scripts, tmp):
    seen = 0
    for script in scripts:
        lines = panel_lines(script, tmp)
        if lines is None:
            continue
        seen += 1
        if lines < MIN_PANEL_LINES:
            fail("grid room: %s: panels %.2f lines of text high (at least %g)"
                 % (script, lines, MIN_PANEL_LINES))
    if not seen:
        fail("grid room: no small-multiples script to check")


def text_sizes(script, tmp, fmt):
    """(fontpt, smallpt, the small font's size in points at the script's
    dpi) as gnuplot evaluates the script for format fmt."""
    probe = os.path.join(tmp, "probe-" + os.path.basename(script))
    text = open(script).read()
    # the small font's size on the terminal, back to points at dpi: PNG sets
    # text at 96 dpi, the vector terminals by their fontscale
    open(probe, "w").write(
        text + "\nprint sprintf('SIZES %g %g %g', fontpt, smallpt, "
        "real(smallfont[strstrt(smallfont, ',') + 1:]) / fontscale * 96. / dpi)\n")
    rc, _, err = run(["gnuplot", "-e", "format='%s'; output='%s'" % (fmt, os.path.join(tmp, "probe." + fmt)),
                      probe], cwd=tmp)
    m = re.search(r"SIZES (\S+) (\S+) (\S+)", err)
    if rc != 0 or not m:
        return None
    return tuple(float(v) for v in m.groups())


def small_text_problems(script, tmp):
    """The formats in which the script's small text is under 7 pt (or
    under its text, when that is asked smaller)."""
    out = []
    for fmt in ("png", "svg", "pdf"):
        sizes = text_sizes(script, tmp, fmt)
        if sizes is None:
            out.append("%s: gnuplot did not evaluate the font sizes" % fmt)
            continue
        fontpt, smallpt, small_on_terminal = sizes
        floor = min(MIN_TEXT_PT, fontpt) - 0.05
        if smallpt < floor or small_on_terminal < floor:
            out.append("%s: small text %.2f pt (%.2f on the terminal) beside %.2f pt text"
                       % (fmt, smallpt, small_on_terminal, fontpt))
    return out


def check_small_text(scripts, tmp):
    for script in scripts:
        stem = os.path.splitext(os.path.basename(script))[0]
        problems = small_text_problems(script, tmp)
        if problems and not known(stem, "small text"):
            fail("small text: %s: %s" % (os.path.basename(script), "; ".join(problems)))


def check_layout(scripts, tmp):
    for script in scripts:
        pngs = rasterise(script, tmp)
        worst, boxes = layout_differs(pngs)
        stem = os.path.splitext(os.path.basename(script))[0]
        where = "/".join(script.split("/")[-2:])
        if worst <= 0 and known(stem, "layout"):
            fail("layout: %s is fixed: remove it from KNOWN" % where)
        elif worst > 0 and not known(stem, "layout"):
            fail("layout: %s: the boxes differ by %d px beyond the tolerance between PNG, SVG "
                 "and PDF (x of the vertical axes, y of the horizontal ones, the plots' top "
                 "and right end, the title's width): %s"
                 % (where, worst, [[round(v) for v in b[0]] for b in boxes]))
        for p in svg_canvas_problems(script, pngs[0], pngs[1][:-4]):
            fail("layout: %s: %s" % (where, p))


TALLER_NOTE = re.compile(r"^note: drawn [\d.]+ x [\d.]+ in, taller than the [\d.]+ in asked: .+$", re.M)


def warnings(script, tmp):
    """What gnuplot printed rendering the script ('' when nothing), but the
    note a figure drawn taller than asked prints on purpose
    (taller_note_problems checks it is there)."""
    rc, err = render(script, "png", os.path.join(tmp, "warn.png"))
    return TALLER_NOTE.sub("", err).strip() or ("exit %d" % rc if rc else "")


def check_warnings(scripts, tmp):
    for script in scripts:
        said = warnings(script, tmp)
        if said:
            fail("warnings: %s: gnuplot said: %s" % (os.path.basename(script), said[:300]))


def check_combs(scripts):
    for script in scripts:
        stem = os.path.basename(script)[:-3]
        found = combs(open(script).read())
        if found and not known(stem, "comb"):
            fail("comb: %s: %s" % (stem, ", ".join("$%s (share %.2f)" % f for f in found)))
        elif not found and known(stem, "comb"):
            fail("comb: %s no longer has a comb: remove it from KNOWN" % stem)


def check_panels(scripts, tmp):
    for script in scripts:
        stem = os.path.basename(script)[:-3]
        problems = panel_problems(open(script).read())
        png = os.path.join(tmp, stem + ".edge.png")
        rc, err = render(script, "png", png)
        if rc == 0 and canvas_edge_dark(png):
            problems.append("%d pixels drawn on the canvas's edge (text or lines cut off)"
                            % canvas_edge_dark(png))
        if problems and not known(stem, "panels"):
            fail("panels: %s: %s" % (stem, "; ".join(problems)))
        elif not problems and known(stem, "panels"):
            fail("panels: %s is fixed: remove it from KNOWN" % stem)


def log_foot_problems(text):
    """deep-saturation on a log axis: its foot near 1/(10 N), not at the
    1e-10 ... 1e-25 a Korn-Graubard lower bound for a count of 1 reaches,
    and every bar clipped at the foot (none below the axis)."""
    if not re.search(r"^set logscale y", text, re.M):
        return []
    m = re.search(r"^set yrange \[([^:\]]+):", text, re.M)
    if not m:
        return ["a log axis without a range"]
    foot = float(m.group(1))
    problems = []
    w = re.search(r"^# Made by: .* --width (\d+) --networks (\d+)", text, re.M)
    lowest = LOG_FOOT_PER_UNIT / (int(w.group(1)) * int(w.group(2))) if w else LOG_FOOT_MIN
    if foot < lowest * (1 - 1e-6):
        problems.append("the log axis reaches down to %g (lowest %g)" % (foot, lowest))
    for name, rows in datablocks(text).items():
        if re.fullmatch(r"s\d+", name):
            low = [r[2] for r in rows if len(r) > 2 and r[2] > 0]
            if low and min(low) < foot * (1 - 1e-6):
                problems.append("$%s: a bar below the foot %g (%g)" % (name, foot, min(low)))
    return problems


def check_log_foot(scripts):
    for script in scripts:
        if os.path.basename(script) == "deep-saturation.gp":
            problems = log_foot_problems(open(script).read())
            if problems:
                fail("log foot: %s: %s" % (script, "; ".join(problems)))


def all_zero_problems(text):
    """A deep-saturation script whose sampled fractions ($s1, ...) are all
    0: its plot draws error bars, or it does not say so in the plot."""
    blocks = {k: v for k, v in datablocks(text).items() if re.fullmatch(r"s\d+", k)}
    if not blocks or any(row[1] != 0 for rows in blocks.values() for row in rows if len(row) > 1):
        return []
    problems = []
    plot = [ln for ln in text.splitlines() if "$s" in ln and "using" in ln and "keyentry" not in ln]
    if any("yerrorbars" in ln for ln in plot):
        problems.append("every count 0, yet error bars are drawn")
    if not re.search(r"^set label .*no saturated unit", text, re.M):
        problems.append("every count 0, and the plot does not say so")
    return problems


def off_axis_legend_problems(text):
    """A deep-saturation legend row for a scheme's mean-field line (a
    keyentry `with lines linetype N`) while $sN's mean field (column 5)
    lies wholly under the axis's foot: the legend lists a line that is not
    on the plot (tanh near the origin: 5e-176 under a foot of 5e-7)."""
    m = re.search(r"^set yrange \[([^:\]]+):", text, re.M)
    if not m or not re.search(r"^set logscale y", text, re.M):
        return []
    foot = float(m.group(1))
    blocks = datablocks(text)
    problems = []
    for n in sorted(set(re.findall(r"keyentry with lines linetype (\d+) title", text))):
        rows = blocks.get("s" + n, [])
        mf = [r[4] for r in rows if len(r) > 4]
        if mf and max(mf) < foot:
            problems.append("the legend lists scheme %s's mean field, all under the foot %g (max %g)"
                            % (n, foot, max(mf)))
    return problems


def empty_foot_share(text):
    """A linear deep-gradient or deep-variance axis: the share of its height
    under the lowest data value (the isometric ‖δ^l‖ of 0.65 to 1.09 on an
    axis from 0 left the bottom 60 % empty, its labels crowded above)."""
    if re.search(r"^set logscale y", text, re.M):
        return 0
    m = re.search(r"^set yrange \[([^:\]]+):([^\]]+)\]", text, re.M)
    vals = [v for k, rows in datablocks(text).items() if re.fullmatch(r"s\d+", k)
            for r in rows for v in r[1:] if v == v]
    if not m or not vals:
        return 0
    lo = float(m.group(1))
    hi = max(vals) if m.group(2).strip() == "*" else float(m.group(2))
    return (min(vals) - lo) / (hi - lo) if hi > lo else 0


def check_fitted_range(scripts):
    seen = 0
    for script in scripts:
        if os.path.basename(script) in ("deep-gradient.gp", "deep-variance.gp"):
            share = empty_foot_share(open(script).read())
            seen += 1
            if share > MAX_EMPTY_FOOT:
                fail("fitted range: %s: the bottom %.0f %% of the axis empty" % (script, 100 * share))
    if not seen:
        fail("fitted range: no deep-gradient script to check")


def check_all_zero(scripts):
    seen = 0
    for script in scripts:
        if os.path.basename(script) == "deep-saturation.gp":
            problems = all_zero_problems(open(script).read())
            seen += bool(re.search(r"no saturated unit in any layer", open(script).read()))
            problems += off_axis_legend_problems(open(script).read())
            if problems:
                fail("all zero: %s: %s" % (script, "; ".join(problems)))
    if not seen:
        fail("all zero: no deep-saturation script with every count 0 to check")


def empty_panel_problems(text):
    """deep-density panels on an x range where a layer's histogram is a
    spike: its nonzero bins span under MIN_HIST_SPAN of the range (relu,
    standard: layer 1's sd 22 on a shared range of +-1.1e7 drew a 1-px line,
    and layers 2-6 nothing)."""
    m = re.search(r"^set xrange \[([^:\]]+):([^\]]+)\]", text, re.M)
    if not m:
        return ["no x range"]
    lo, hi = float(m.group(1)), float(m.group(2))
    problems = []
    for name, rows in sorted(datablocks(text).items()):
        if re.fullmatch(r"hist\d+", name):
            xs = [r[0] for r in rows if len(r) > 1 and r[1] > 0]
            span = (max(xs) - min(xs)) / (hi - lo) if xs else 0
            if span < MIN_HIST_SPAN:
                problems.append("$%s spans %.2g of the x range" % (name, span))
    return problems


def check_empty_panels(scripts):
    check_each("empty panels", scripts,
               lambda script, text: os.path.basename(script).startswith("deep-density-"),
               empty_panel_problems)


def tick_problems(text):
    """deep-activations small multiples: every panel's ticks listed, at most
    three an axis (four short ones across), no two neighbouring labels long (over 4 characters
    once the markup is gone): ticks stepped by the panel's size ran
    together ("5×10^{-6}1×10^{-5}", "0.0010.002") and overprinted up
    short panels ("0.3 0.2 0.1 0")."""
    problems = []
    for axis, spec in re.findall(r"^set ([xy])tics (.*)$", text, re.M):
        if not spec.startswith("("):
            problems.append("%s ticks not listed: %s" % (axis, spec[:40]))
            continue
        labels = re.findall(r"'([^']*)' [^,)]+", spec)
        if len(labels) > (4 if axis == "x" else 3):  # (a fourth short x label: axis_ticks_of)
            problems.append("%d %s ticks" % (len(labels), axis))
        plain = [len(re.sub(r"[\^{}]", "", lab)) for lab in labels]
        if any(a > 4 and b > 4 for a, b in zip(plain, plain[1:])):
            problems.append("neighbouring long %s labels: %s" % (axis, spec))
        # one form an axis: gnuplot's "4e+04" nowhere, and a power of ten
        # ("2×10^{3}") not beside a positional number other than 0 ("500")
        if any(re.search(r"\de[+-]?\d", lab) for lab in labels):
            problems.append("%s labels in e-notation: %s" % (axis, spec))
        shown = [lab for lab in labels if lab not in ("", "0")]
        if len({"10^{" in lab for lab in shown}) > 1:
            problems.append("%s labels in two forms: %s" % (axis, spec))
    return problems


def check_ticks(scripts):
    check_each("ticks", scripts,
               lambda script, text: os.path.basename(script).startswith("deep-activations-"),
               tick_problems)


def log10_axis_minor_problems(text):
    """An axis that plots log10 of a value on a linear scale (a map drawn
    `with image` needs one), labelled 10^{n}: its minor ticks at 2..9
    times each power, log-spaced as on a log axis, never gnuplot's
    `set mxtics N`, which spaces them evenly, so that a reader takes the
    k-th tick after 10^0 for k (figure review 18, M1: the run's mark at
    2.5 sat on the 4th)."""
    problems = []
    for axis in "xy":
        if not re.search(r"^set %stics .*format '10\^\{%%\.0f\}'" % axis, text, re.M):
            continue
        for n in re.findall(r"^set m%stics (\d+)" % axis, text, re.M):
            if int(n) > 1:
                problems.append("%s: log10 axis with %s evenly spaced minor intervals" % (axis, n))
        if "log10(k)" not in text:
            problems.append("%s: log10 axis without log-spaced minor ticks" % axis)
    return problems


def check_each(what, scripts, selected, problems_of):
    """problems_of(text) of every script whose text `selected` picks, a
    failure naming the script for each one with problems, and one if none
    was picked (a check that checks nothing passes silently)."""
    seen = 0
    for script in scripts:
        text = open(script, encoding="utf-8").read()
        if selected(script, text):
            seen += 1
            problems = problems_of(text)
            if problems:
                fail("%s: %s: %s" % (what, script, "; ".join(problems[:3])))
    if not seen:
        fail("%s: no script to check" % what)


def check_log10_axes(scripts):
    check_each("log10 axis", scripts,
               lambda script, text: re.search(r"^set [xy]tics .*format '10\^\{%\.0f\}'", text, re.M),
               log10_axis_minor_problems)


def colour_bar_problems(text):
    """A map with a colour bar (`set palette`, plotted `with image`, or as
    boxes `with boxxyerror ... linecolor palette`) while the
    fill style is translucent: gnuplot draws the colour bar with the fill
    style, so the bar fades and no longer matches the map's colours."""
    problems = []
    fill = ""
    for ln in text.splitlines():
        if ln.startswith("set style fill"):
            fill = ln
        if re.match(r"\s*(s?plot) .*(with image|with boxxyerror .*linecolor palette)", ln) \
                and "transparent" in fill:
            problems.append("a colour bar drawn translucent (%s)" % fill.split("#")[0].strip())
    return problems


def check_colour_bar(scripts):
    check_each("colour bar", scripts,
               lambda script, text: "with image" in text or "linecolor palette" in text,
               colour_bar_problems)


# ---- legend rows: every row a legend below the plot asks for is drawn ---------------------

LEGEND_BELOW = "if (exists('legend_below') && legend_below) {"


def legend_marked(text):
    """The script with each key entry of its legend below the plot drawn in
    a colour of its own, (255, 0, k) for the k-th, the number of them
    (None: no legend below) and the rows drawn only on a condition
    (satstat__legend_when: a band the script may not draw), {k: condition}."""
    start = text.find(LEGEND_BELOW)
    if start < 0:
        return None, 0, {}
    end = text.find("\n} else {", start)
    if end < 0:
        end = text.find("\n}\n", start)
    count = [0]
    when = {}

    def mark(m):
        count[0] += 1
        return "keyentry with lines linecolor rgb '#FF00%02X' linewidth 4 title " % (count[0] - 1)
    for k, ln in enumerate(re.findall(r"keyentry .*? title (.*)", text[start:end])):
        m = re.match(r"\(int\(\d+ / legend_rows\) == legend_col && \((.*?)\) \? '", ln)
        if m:
            when[k] = m.group(1)
    branch = re.sub(r"keyentry .*? title ", mark, text[start:end])
    return text[:start] + branch + text[end:], count[0], when


def legend_row_problems(script, tmp):
    """The rows of a legend below the plot that gnuplot leaves out of the
    PNG (their colour nowhere), the rows drawn on the canvas's edge, or
    None when gnuplot does not put this figure's legend below."""
    text = open(script).read()
    marked, rows, when = legend_marked(text)
    if not rows:
        return None
    probe = os.path.join(tmp, "probe-legend-" + os.path.basename(script))
    out = os.path.join(tmp, "legend-rows.png")
    # a row on a condition is asked for where the condition holds
    asks = "".join("print sprintf('WHEN %d %%d', (%s) ? 1 : 0)\n" % (k, cond) for k, cond in when.items())
    open(probe, "w").write(marked + "\nprint sprintf('BELOW %d', exists('legend_below') ? legend_below : 0)\n"
                           + asks)
    rc, err = render(probe, "png", out)
    m = re.search(r"BELOW (\d+)", err)
    if rc != 0 or not m:
        return ["gnuplot failed: %s" % err.strip()[-200:]]
    if m.group(1) == "0":
        return None
    unasked = {int(k) for k, v in re.findall(r"WHEN (\d+) (\d)", err) if v == "0"}
    w, h, px = read_png(out, rgb=True)
    seen = {}
    for y in range(h):
        for x, (r, g, b) in enumerate(px[y]):
            if r == 255 and g == 0 and b < rows:
                seen.setdefault(b, []).append((x, y))
    problems = ["row %d of %d not drawn" % (k + 1, rows) for k in range(rows)
                if k not in seen and k not in unasked]
    problems += ["row %d of %d drawn, its condition false" % (k + 1, rows) for k in sorted(unasked)
                 if k in seen]
    problems += ["row %d drawn on the canvas's edge" % (k + 1) for k, pts in sorted(seen.items())
                 if any(x in (0, w - 1) or y in (0, h - 1) for x, y in pts)]
    return problems


def check_legend_rows(scripts, tmp):
    seen = 0
    for script in scripts:
        problems = legend_row_problems(script, tmp)
        if problems is None:
            continue
        seen += 1
        if problems:
            fail("legend rows: %s: %s" % (script, "; ".join(problems)))
    if not seen:
        fail("legend rows: no figure with its legend below the plot")


# ---- figure review 5's SHOULDs for the deep figures (F4b) ---------------------------------

def quoted_texts(text):
    """The quoted strings of a script's non-comment lines."""
    out = []
    for ln in text.splitlines():
        if ln.lstrip().startswith("#"):
            continue
        out += re.findall(r"'([^'\n]*)'", ln) + re.findall(r'"([^"\n]*)"', ln)
    return out


def minus_problems(text):
    """Text printed with an ASCII hyphen for a negative power of ten
    ("sd 9.7×10^{-6}" beside the ticks' "2×10^{−5}", the χ₁ bar's
    "10^{-1}"): the true minus, U+2212, everywhere."""
    return ["ASCII minus in %r" % t for t in quoted_texts(text)
            if re.search(r"\^\{?-\d", t)]


def activation_problems(text):
    """deep-activations: a panel whose whole histogram is one bar (all its
    units in one display bin: the bar's height is 1/bin width, a number
    without meaning); arrows (a point mass) without a legend row saying
    what they are; no "density" over the y axes."""
    problems = []
    blocks = datablocks(text)
    for name in re.findall(r"^plot \$(h\d+_\d+) using 1:2:3 with boxes", text, re.M):
        if len(blocks.get(name, [])) <= 1:
            problems.append("panel %s: its units in one bar drawn as a density" % name)
    if re.search(r"^set arrow", text, re.M) and not re.search(r"keyentry .*title 'a point mass, or every unit in one bin", text):
        problems.append("arrows, and no legend row for them")
    if not re.search(r"^set label \d+ 'density'", text, re.M):
        problems.append("no 'density' on the y axes")
    return problems


def same_line_problems(text):
    """deep-variance/-gradient/-saturation: a scheme whose legend row says
    its mean field is an earlier scheme's ("(line = scaled)") while its own
    line is drawn too, under that one, its dashes never seen."""
    problems = []
    for n in re.findall(r"keyentry with \w+ linetype (\d+)(?: dashtype \d+)? title '[^']*\(line = ",
                        text):
        if re.search(r"\$s%s using 1:5 with lines" % n, text):
            problems.append("scheme %s: '(line = ...)', yet its own line is drawn" % n)
    return problems


def key_dash_problems(text):
    """deep-variance/-gradient/-saturation: a scheme's legend row draws its
    mean-field line in that line's dash (the rows were solid while scaled's
    line was dashed: figure review 17, S1)."""
    problems = []
    for m in re.finditer(r"\$s(\d+) using \([^)]*\):5 with lines linetype (\d+) dashtype (\d+)", text):
        k, dash = m.group(2), m.group(3)
        row = re.search(r"keyentry with linespoints linetype %s(?: dashtype (\d+))? title" % k, text)
        if not row:
            problems.append("scheme %s: no legend row with its line" % k)
        elif (row.group(1) or "1") != dash:
            problems.append("scheme %s: line dash %s, its legend row's %s" % (k, dash, row.group(1) or "1"))
    return problems


def scheme_mark_problems(text):
    """deep-phase-xi: the schemes' marks in a scheme's colour (standard
    blue, scaled orange: deep-phase's regimes' colours, the wrong way
    round) rather than white outlined in black as on deep-phase."""
    return ["a scheme's mark in its colour: %s" % ln.strip()[:60] for ln in text.splitlines()
            if "$schemes every" in ln and "with points" in ln and "linetype" in ln]


def xi_bar_problems(text):
    """deep-phase-xi: the colour bar's top more than half a decade above
    the 99th percentile of the map's cells (its top quarter, 10^2 to 10^3,
    spent on a few cells under the chi1 = 1 line and the marks: figure
    review 15, S1.3); and the schemes' marks drawn over the critical line
    (it was hidden where it leaves the axis, S1.4)."""
    problems = []
    m = re.search(r"^set cbrange \[([-\d.e+]+):([-\d.e+]+)\]", text, re.M)
    cells = sorted(r[2] for r in datablocks(text).get("grid", [])
                   if len(r) == 3 and math.isfinite(r[2]))
    if m and cells:
        q99 = cells[min(len(cells) - 1, int(0.99 * len(cells)))]
        if float(m.group(2)) > q99 + 0.5:
            problems.append("colour bar to 10^%s, 99 %% of the cells under 10^%.2f"
                            % (m.group(2), q99))
    plot = text[text.find("\nplot $grid"):]
    edge, marks = plot.find("$edge using"), plot.rfind("$schemes every")
    if edge >= 0 and marks > edge:
        problems.append("the chi1 = 1 line drawn under the schemes' marks")
    return problems


def open_mark_problems(text):
    """An open mark (outlined at open_lw) at a size that differs by
    terminal: at the line types' size without open_size (the SVG's 8 to 13 %
    larger than the PNG's, the PNG's 2 px smaller than a filled mark), or an open triangle without svg_triangle (the
    SVG's 1.45 times as wide: figure review 15)."""
    problems = []
    for ln in text.splitlines():
        m = re.search(r"pointtype (\d+)( pointsize ([^,]*?))? linewidth open_lw", ln)
        if not m:
            continue
        pt, size = int(m.group(1)), m.group(3) or "lt_pointsize"
        if "lt_pointsize" in size and "open_size" not in size:
            problems.append("open point %d at the line types' size without open_size" % pt)
        if pt in (8, 10) and "svg_triangle" not in size:
            problems.append("open triangle %d without svg_triangle" % pt)
    return problems


def open_shape_problems(text):
    """A series' open mark (a sampled 0) in the series' own shape, open: an
    open circle for every scheme gave fig4's scaled squares a zero in
    standard's shape (figure review 17, S2)."""
    shape = {m.group(1): int(m.group(2))
             for m in re.finditer(r"set linetype (\d+) .*?pointtype (\d+)", text)}
    problems = []
    for m in re.finditer(r"with points linetype (\d+) pointtype (\d+)[^,\n]*linewidth open_lw", text):
        k, pt = m.group(1), int(m.group(2))
        if k in shape and pt != shape[k] - shape[k] % 2:
            problems.append("linetype %s (pointtype %d): open mark %d" % (k, shape[k], pt))
    return problems


def corr_mark_problems(text):
    """deep-correlation: the series' points at least 1.8 pointscale (at
    lt_pointsize, 12 px at 3.5 in, the bar through a pentagon's tip left a
    small triangle: figure review 15, S2.2), and a bar's cut end marked as
    every figure marks one (CUT_MARK: deep-saturation's filled ▼ in the
    series' colour over the bar's end; an open ▵ left the bar's cap showing
    through it: figure review 16, S2)."""
    problems = []
    for ln in text.splitlines():
        m = re.search(r"with yerrorbars linetype \d+ dashtype 1( pointsize ([\d.]+) \* pointscale)?", ln)
        if m and "$s" in ln and (not m.group(1) or float(m.group(2)) < 1.8):
            problems.append("a series' points under 1.8 pointscale")
        m = re.search(r"\(\$[34] [<>]= -?1 .* with points (.*) notitle", ln)
        if m and not re.fullmatch(r"linetype \d+ " + CUT_MARK, m.group(1)):
            problems.append("a bar's cut end not the cut mark: %s" % m.group(1))
    # the mean-field lines before the bars, the first scheme's last (on top:
    # normal's lay wholly under orthogonal's, the same mean field: review 15,
    # N2.5)
    # the inputs' mark (layer 0) a shape no series draws: a small black
    # square read as one of normal's (figure review 17, N4)
    series = set(re.findall(r"^set linetype \d+ .*pointtype (\d+)", text, re.M))
    m = re.search(r"every ::0::0 using 1:5 with points .*pointtype (\d+)", text)
    if m and (m.group(1) in series or m.group(1) in ("4", "5")):
        problems.append("the inputs' mark pointtype %s, a series' shape" % m.group(1))
    lines = [int(k) for k in re.findall(r"\$s(\d+) using 1:5 with lines", text)]
    bars = text.find("with yerrorbars linetype")
    first_line = text.find("using 1:5 with lines")
    if lines and (lines != sorted(lines, reverse=True) or (bars >= 0 and first_line > bars)):
        problems.append("mean-field lines %s not drawn last scheme first, before the bars" % lines)
    return problems


# A cut bar's end, as satstat__cut_mark writes it (▲ 9 at the top, ▼ 11 at the foot)
CUT_MARK = r"pointtype (9|11) pointsize lt_pointsize"


def cut_style_problems(text):
    """deep-saturation: a bar cut at the axis marked with CUT_MARK, as
    deep-correlation's (figure review 16, S2)."""
    problems = []
    for ln in text.splitlines():
        m = re.search(r"\? ylo : NaN\) with points (.*) notitle", ln)
        if m and not re.fullmatch(r"linetype \d+ " + CUT_MARK, m.group(1)):
            problems.append("a bar cut at the axis not the cut mark: %s" % m.group(1))
    return problems


def no_value_problems(text):
    """deep-phase, deep-phase-xi: a map where it has no value on its colour
    scale (σ_b² < 0 past the grid, no q*, q* = 0) in one grey, keyed alike:
    the band below σ_b² = 0 was light grey, q* = 0 white, keyed by a white
    box (figure review 16, S4).  The NaN cells drawn in that grey, no
    legend row a white box, and every grey band and swatch the cells'."""
    problems = []
    cells = re.search(r"using 1:\(valid\(\d\) \? NaN : \$2\).* linecolor rgb '(#[0-9A-Fa-f]{6})'", text)
    if not cells:
        return ["the cells without a value not drawn in the grey of no value"]
    grey = cells.group(1)
    for m in re.finditer(r"keyentry with boxes fillcolor rgb '(#[0-9A-Fa-f]{6})'[^\n]*'(white|grey)[^']*'", text):
        if m.group(1).upper() != grey.upper():
            problems.append("a %s row's swatch %s, the cells' grey %s" % (m.group(2), m.group(1), grey))
    for m in re.finditer(r"set object 1[12] rectangle .* fillcolor rgb '(#[0-9A-Fa-f]{6})'", text):
        if m.group(1).upper() != grey.upper():
            problems.append("a band %s, the cells' grey %s" % (m.group(1), grey))
    return problems


def key_mark_problems(text):
    """deep-cmap, deep-phase, deep-phase-xi: each black mark keyed draws
    exactly a mark the plot draws: its key row's style, width given,
    is a plotted element's word for word.  A mark without a width of its
    own takes the line type of its place in the command, which differs
    between the plot and the key: the c* ring was 5 px thick in the key,
    2 px in the plot; the phase keys' open marks bold beside the plot's
    thin white-filled ones (figure review 17, S3).  And no phase mark over
    2 pointscale (40 px at 3.5 in covered the critical line's start 20 px
    from the run's point: figure review 16, S3)."""
    drawn = set(m.group(1).strip() for m in re.finditer(
        r"using [^\n]*? with points (linecolor rgb '#000000' [^\n]*?) notitle", text))
    problems = []
    for m in re.finditer(r"keyentry with points (linecolor rgb '#000000' [^\n]*?) title", text):
        style = m.group(1).strip()
        if "linewidth" not in style:
            problems.append("a key mark without a width of its own: %s" % style)
        elif style not in drawn:
            problems.append("a key mark the plot does not draw: %s" % style)
    sizes = [float(m.group(1)) for m in re.finditer(
        r"\$schemes every ::\d+::\d+ using 1:2 with points [^\n]*?pointsize ([\d.]+) \* pointscale", text)]
    if sizes and max(sizes) > 2:
        problems.append("a mark of %g pointscale" % max(sizes))
    return problems


def phase_range_problems(text):
    """deep-phase, deep-phase-xi: the maps' y range the grid's at every
    size, without a grey band past it: at 3.5 in deep-depth's widened below
    σ_b² = 0 for the run's mark, a band and its key row "σ_b² < 0, not a
    variance" that the 1280 x 800 figure and deep-tanh's had not (figure
    review 17, S4)."""
    problems = []
    if re.search(r"set object 1[12] rectangle", text):
        problems.append("a band past the grid")
    if "not a variance" in text or "not mapped" in text:
        problems.append("a key row for a band past the grid")
    if re.search(r"^set yrange \[y_lo:y_hi\]", text, re.M):
        problems.append("the y range widened past the grid")
    return problems


def mark_overhang_problems(text):
    """deep-phase-xi: the schemes' marks drawn in a plot after the map's,
    its border unset, so that a mark near an axis overhangs it whole: the
    run's mark at σ_b² = 0.05, 7 px above the axis at 3.5 in, had its lower
    edge drawn over by the axis's line (figure review 17, S5)."""
    marks = [m.start() for m in re.finditer(r"\$schemes every", text)]
    if not marks:
        return ["no scheme marks"]
    last_border = max((m.start() for m in re.finditer(r"^set border", text, re.M)), default=-1)
    unset = [m.start() for m in re.finditer(r"^unset border", text, re.M)]
    if not any(last_border < u < marks[0] for u in unset):
        return ["the marks drawn under the map's border"]
    return []


# The least colour difference (CIE76 ΔE, in CIELAB) between the grey of no
# value and any colour of a phase map's scales: the light grey
# (196,196,196) of the q* = 0 strip was 12 from the q* scale's lavender
# beside it, hard to tell apart at 5 px (figure review 17, S5).
NO_VALUE_APART = 25


def cielab(rgb):
    """An sRGB colour (0..255) in CIELAB (D65)."""
    def linear(v):
        v /= 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(v) for v in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = lambda t: t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))


def delta_e(a, b):
    return sum((p - q) ** 2 for p, q in zip(cielab(a), cielab(b))) ** 0.5


def palette_colours(text):
    """Every colour of each 'set palette defined' of a script, its stops
    joined in RGB, at 101 points."""
    colours = []
    for m in re.finditer(r"^set palette defined \((.*)\)", text, re.M):
        stops = [(float(p), tuple(int(h[i:i + 2], 16) for i in (0, 2, 4)))
                 for p, h in re.findall(r"([\d.]+) '#([0-9A-Fa-f]{6})'", m.group(1))]
        for i in range(101):
            t = stops[0][0] + (stops[-1][0] - stops[0][0]) * i / 100
            for (t0, c0), (t1, c1) in zip(stops, stops[1:]):
                if t0 <= t <= t1:
                    f = (t - t0) / (t1 - t0) if t1 > t0 else 0
                    colours.append(tuple(a + (b - a) * f for a, b in zip(c0, c1)))
                    break
    return colours


def no_value_apart_problems(text):
    """deep-phase, deep-phase-xi: the grey of no value far from every
    colour of the maps' scales (NO_VALUE_APART)."""
    cells = re.search(r"using 1:\(valid\(\d\) \? NaN : \$2\).* linecolor rgb '#([0-9A-Fa-f]{6})'", text)
    if not cells:
        return ["the cells without a value not drawn in a grey of their own"]
    grey = tuple(int(cells.group(1)[i:i + 2], 16) for i in (0, 2, 4))
    near = min((delta_e(grey, c), c) for c in palette_colours(text))
    if near[0] < NO_VALUE_APART:
        return ["the grey of no value %s ΔE %.0f from the scale's %s" %
                (grey, near[0], tuple(round(v) for v in near[1]))]
    return []


def density_legend_problems(text):
    """deep-density: its legend below the panels from the canvas's left
    edge, as every legend below a plot (from the panels' left edge, 260 px
    in at 3.5 in: figure review 15, N6.8)."""
    m = re.search(r"^legend_left = (.*)$", text, re.M)
    return [] if m and m.group(1).strip() == "0.01" else ["the legend from %s" % (m and m.group(1))]


def edge_problems(text):
    """deep-phase, deep-phase-xi: the χ₁ = 1 line sampled finer where it
    leaves σ_b² = 0 than the grid's rows (straight between the first two,
    0.05 apart, it had a kink: figure review 15, N1.5): its first step in
    σ_b² under a quarter of its largest."""
    edge = datablocks(text).get("edge", [])
    ys = [r[1] for r in edge if len(r) > 1]
    steps = [b - a for a, b in zip(ys, ys[1:])]
    if len(steps) > 1 and steps[0] >= max(steps) / 4:
        return ["the critical line's first step %g of σ_b², its largest %g" % (steps[0], max(steps))]
    return []


def taller_note_problems(text):
    """A figure whose header says it is taller than asked without the note
    it prints on gnuplot's standard error (the program passes it on): a
    3.5 x 2.4 in figure drawn 4.46 in high was found by measuring it
    (figure review 15, S5.3); or the note without the header's reason."""
    header = "\n# Taller than asked" in text or text.startswith("# Taller than asked")
    note = "print sprintf('note: drawn " in text
    if header and not note:
        return ["taller than asked, and nothing printed"]
    if note and not header:
        return ["the taller note without the header's reason"]
    return []


def cmap_box_problems(text):
    """deep-cmap with a zoom: the box on the whole map at the zoom's own
    extent, drawn and keyed alike, with an arrow at it when small.  Widened
    to at least 2 characters by a line and moved inside the panel (a 9 x 18
    px region was smaller than its key's swatch: figure review 15, S3.1),
    it claimed c = 0.87..1 at 3.5 in and 0.95..1 at 1280 x 800 for a zoom
    of 0.972..0.9925, and its key row said "not to scale" (figure review
    17, S1).  And the schemes' key rows their lines alone ("—□—" keyed
    line-and-point series whose points lie off the lines, review 15,
    S3.2), the zoom's panel clear of the left one's edge: 12 characters
    between them for its y tick labels ("−0.004" began 9 px from the left
    panel's edge at 1280 x 800 with 9: review 17, S2)."""
    problems = []
    if "set object 1 rectangle" in text:
        obj = re.search(r"^set object 1 rectangle from screen zx0, screen zy0 to screen zx1, screen zy1 "
                        r"fillstyle empty border (linecolor rgb '(#[0-9A-Fa-f]{6})' linewidth [\d.]+ dashtype \d+)",
                        text, re.M)
        if not obj or re.search(r"^z[wh] = ", text, re.M):
            problems.append("the zoom's box not at its extent")
        # (keyed by the arrow at the box, in the box's colour: a keyed box
        # was wide and flat, figure review 18, N9, and the glyph ▯ read as
        # a missing glyph, review 19, S6; zoom_arrow_key_problems)
        elif not re.search(r"keyentry with points pointtype \(zoom_above \? '↓' : '↑'\) linecolor rgb '%s'"
                           % re.escape(obj.group(2)), text):
            problems.append("the box's key row not drawn as the arrow at the box")
        if not re.search(r"^set arrow 1 from screen \(zx0", text, re.M):
            problems.append("no arrow at the box")
        if re.search(r"keyentry with linespoints linetype \d+", text):
            problems.append("a scheme keyed as a line with marks")
        gap = re.search(r"^gap_x = ([\d.]+) \* char_width", text, re.M)
        if not gap or float(gap.group(1)) < 12:
            problems.append("the panels %s characters apart" % (gap and gap.group(1)))
    return problems


def overlap_fill_problems(text):
    """deep-jacobian: spectra filled translucent (two over each other mixed
    into a grey that read as a third series)."""
    return ["translucent fill: %s" % ln.strip()[:60] for ln in text.splitlines()
            if re.search(r"\$j\d+ using 1:2:3 with boxes.*transparent", ln)]


DEEP_SHOULDS = [
    (r"deep-.*\.gp$", minus_problems),
    (r"deep-activations-.*\.gp$", activation_problems),
    (r"deep-(variance|gradient|saturation)\.gp$", same_line_problems),
    (r"deep-(variance|gradient|saturation)\.gp$", key_dash_problems),
    (r"deep-phase-xi\.gp$", scheme_mark_problems),
    (r"deep-phase-xi\.gp$", xi_bar_problems),
    (r"deep-correlation\.gp$", corr_mark_problems),
    (r"deep-saturation\.gp$", cut_style_problems),
    (r"deep-phase(-xi)?\.gp$", no_value_problems),
    (r"deep-phase(-xi)?\.gp$", edge_problems),
    (r"deep-density-.*\.gp$", density_legend_problems),
    (r"deep-(phase(-xi)?|cmap)\.gp$", key_mark_problems),
    (r"deep-phase(-xi)?\.gp$", phase_range_problems),
    (r"deep-phase-xi\.gp$", mark_overhang_problems),
    (r"deep-phase(-xi)?\.gp$", no_value_apart_problems),
    (r"deep-cmap\.gp$", cmap_box_problems),
    (r"\.gp$", taller_note_problems),
    # (deep-saturation, deep-variance, deep-gradient and the sweep's keep the
    # line types' size: tests/test_deep.c and test_sweep.c pin their keys)
    (r"\.gp$", open_mark_problems),
    (r"\.gp$", open_shape_problems),
    (r"deep-jacobian\.gp$", overlap_fill_problems),
]


def check_deep_shoulds(scripts):
    for pattern, check in DEEP_SHOULDS:
        seen = 0
        for script in scripts:
            if re.search(pattern, os.path.basename(script)):
                seen += 1
                problems = check(open(script).read())
                if problems:
                    fail("%s: %s: %s" % (check.__name__, script, "; ".join(problems[:3])))
        if not seen:
            fail("%s: no script matching %s to check" % (check.__name__, pattern))


def deep_should_self_tests():
    """Each of check_deep_shoulds' checks on a broken input: it must fail,
    and pass on the fixed one."""
    cases = [
        (minus_problems, "set label 1 'sd 9.7×10^{-6}' at graph 0.9, graph 0.9\n",
         "set label 1 'sd 9.7×10^{−6}' at graph 0.9, graph 0.9\n"),
        (activation_problems,
         "$h1_1 << EOD\n0 20 0.05\nEOD\nset label 3 'density' at graph 0, graph 1\n"
         "plot $h1_1 using 1:2:3 with boxes linetype 1\n",
         "$h1_1 << EOD\n0 20 0.05\nEOD\nset label 3 'density' at graph 0, graph 1\nplot NaN notitle\n"),
        (activation_problems,
         "set label 3 'density' at graph 0, graph 1\nset arrow 1 from 0, graph 0 to 0, graph 1\n",
         "set label 3 'density' at graph 0, graph 1\nset arrow 1 from 0, graph 0 to 0, graph 1\n"
         "plot -1, keyentry with points pointtype 9 title 'a point mass, or every unit in one bin'\n"),
        (same_line_problems,
         "plot $s1 using 1:5 with lines linetype 1 notitle, $s2 using 1:5 with lines linetype 2 notitle\n"
         "plot -1, keyentry with yerrorlines linetype 2 title 'orthogonal (line = scaled)'\n",
         "plot $s1 using 1:5 with lines linetype 1 notitle\n"
         "plot -1, keyentry with yerrorlines linetype 2 title 'orthogonal (line = scaled)'\n"),
        (open_shape_problems,
         "set linetype 2 linecolor rgb '#D55E00' linewidth 3 dashtype 2 pointtype 5\n"
         "plot $sample2 using 1:2 with points linetype 2 pointtype 6 pointsize lt_pointsize * open_size "
         "linewidth open_lw notitle\n",
         "set linetype 2 linecolor rgb '#D55E00' linewidth 3 dashtype 2 pointtype 5\n"
         "plot $sample2 using 1:2 with points linetype 2 pointtype 4 pointsize lt_pointsize * open_size "
         "linewidth open_lw notitle\n"),
        (key_dash_problems,
         "plot $s2 using ($1 + 0.1):5 with lines linetype 2 dashtype 2 notitle\n"
         "plot -1, keyentry with yerrorlines linetype 2 title 'scaled'\n",
         "plot $s2 using ($1 + 0.1):5 with lines linetype 2 dashtype 2 notitle\n"
         "plot -1, keyentry with linespoints linetype 2 dashtype 2 title 'scaled'\n"),
        (scheme_mark_problems,
         "     $schemes every ::0::0 using 1:2 with points linetype 1 pointtype 7 pointsize 2 notitle\n",
         "     $schemes every ::0::0 using 1:2 with points linecolor rgb '#FFFFFF' pointtype 7 notitle\n"),
        (xi_bar_problems,
         "$grid << EOD\n" + "".join("0 0 %g\n" % (i / 100.) for i in range(100)) + "EOD\n"
         "set cbrange [-1:3]\nplot $grid using 1:2:3 with image, $edge using 1:2 with lines,"
         " $schemes every ::0::0 using 1:2 with points\n",
         "$grid << EOD\n" + "".join("0 0 %g\n" % (i / 100.) for i in range(100)) + "EOD\n"
         "set cbrange [-1:1]\nplot $grid using 1:2:3 with image, $schemes every ::0::0 using 1:2"
         " with points, $edge using 1:2 with lines\n"),
        (open_mark_problems,
         "plot $s1 using 1:2 with points linetype 1 pointtype 6 linewidth open_lw notitle\n",
         "plot $s1 using 1:2 with points linetype 1 pointtype 6 pointsize lt_pointsize * open_size "
         "linewidth open_lw notitle\n"),
        (open_mark_problems,
         "plot $s1 using 1:2 with points pointtype 8 pointsize 3 * pointscale linewidth open_lw\n",
         "plot $s1 using 1:2 with points pointtype 8 pointsize 3 * pointscale * svg_triangle "
         "linewidth open_lw\n"),
        (corr_mark_problems,
         "set linetype 1 linecolor rgb '#882255' pointtype 5\n"
         "$s1 every ::0::0 using 1:5 with points linecolor rgb '#000000' pointtype 5 notitle\n",
         "set linetype 1 linecolor rgb '#882255' pointtype 5\n"
         "$s1 every ::0::0 using 1:5 with points linecolor rgb '#000000' pointtype 2 notitle\n"),
        (corr_mark_problems,
         "     $s1 using ($1 + -0.12):2:3:4 with yerrorbars linetype 1 dashtype 1 notitle, \\\n"
         "     $s1 using ($1 + -0.12):($4 >= 1 && $3 < $4 ? 1 : NaN) with points linecolor rgb "
         "'#000000' pointtype 8 pointsize 3 * pointscale * svg_triangle linewidth open_lw notitle, \\\n",
         "plot $s2 using 1:5 with lines linetype 2 notitle, \\\n"
         "     $s1 using 1:5 with lines linetype 1 notitle, \\\n"
         "     $s1 using ($1 + -0.18):2:3:4 with yerrorbars linetype 1 dashtype 1 pointsize 1.9 * "
         "pointscale notitle, \\\n"
         "     $s1 using ($1 + -0.18):($4 >= 1 && $3 < $4 ? 1 : NaN) with points linetype 1 "
         "pointtype 9 pointsize lt_pointsize notitle, \\\n"),
        (edge_problems, "$edge << EOD\n0 0\n0.3 0.05\n0.35 0.1\nEOD\n",
         "$edge << EOD\n0 0\n0.1 0.00625\n0.3 0.05\n0.35 0.1\nEOD\n"),
        (density_legend_problems, "legend_left = plot_left\n", "legend_left = 0.01\n"),
        (key_mark_problems,
         "     '+' using (0.44):(0) every ::0::0 with points linecolor rgb '#000000' pointtype 6 pointsize 2 * pointscale notitle\n"
         "     keyentry with points linecolor rgb '#000000' pointtype 6 pointsize 2 * pointscale title 'c*'\n",
         "     '+' using (0.44):(0) every ::0::0 with points linecolor rgb '#000000' pointtype 6 pointsize 2 * pointscale linewidth open_lw notitle\n"
         "     keyentry with points linecolor rgb '#000000' pointtype 6 pointsize 2 * pointscale linewidth open_lw title 'c*'\n"),
        (key_mark_problems,
         "     $schemes every ::0::0 using 1:2 with points pointtype 5 pointsize 1.8 * pointscale linecolor rgb '#000000' notitle\n"
         "     keyentry with points linecolor rgb '#000000' pointtype 4 pointsize 1.8 * pointscale linewidth open_lw title 'normal'\n",
         "     $schemes every ::0::0 using 1:2 with points linecolor rgb '#000000' pointtype 4 pointsize 1.8 * pointscale linewidth open_lw notitle\n"
         "     keyentry with points linecolor rgb '#000000' pointtype 4 pointsize 1.8 * pointscale linewidth open_lw title 'normal'\n"),
        (key_mark_problems,
         "     $schemes every ::0::0 using 1:2 with points linecolor rgb '#000000' pointtype 4 pointsize 2.6 * pointscale linewidth open_lw notitle\n",
         "     $schemes every ::0::0 using 1:2 with points linecolor rgb '#000000' pointtype 4 pointsize 1.8 * pointscale linewidth open_lw notitle\n"),
        (mark_overhang_problems,
         "set border front\nplot $grid using 1:2:3 with image, \\\n"
         "     $schemes every ::0::0 using 1:2 with points pointtype 5 notitle\n",
         "set border front\nplot $grid using 1:2:3 with image\nunset border\n"
         "plot NaN notitle, \\\n     $schemes every ::0::0 using 1:2 with points pointtype 5 notitle\n"),
        (phase_range_problems,
         "set yrange [y_lo:y_hi]\nif (y_lo < map_lo) { set object 11 rectangle from graph 0, first y_lo to graph 1, first map_lo }\n"
         "     keyentry with boxes fillcolor rgb '#6E6E6E' title 'grey: σ_{b}² < 0, not a variance'\n",
         "set yrange [0:2]\n"),
        (no_value_apart_problems,
         "set palette defined (0 '#DADAEB', 0.5 '#9E9AC8', 1 '#3F007D')\n"
         "plot $grid using 1:(valid(3) ? NaN : $2):(1):(1):(1):(1) with boxxyerror linecolor rgb '#C4C4C4' notitle\n",
         "set palette defined (0 '#DADAEB', 0.5 '#9E9AC8', 1 '#3F007D')\n"
         "plot $grid using 1:(valid(3) ? NaN : $2):(1):(1):(1):(1) with boxxyerror linecolor rgb '#6E6E6E' notitle\n"),
        (no_value_problems,
         "plot $grid using 1:(valid(3) ? NaN : $2):(1):(1):(1):(1) with boxxyerror linecolor rgb '#C4C4C4' notitle\n"
         "if (y_lo < map_lo) { set object 11 rectangle from graph 0, first y_lo to graph 1, first map_lo "
         "fillcolor rgb '#E8E8E8' fillstyle solid 1.0 noborder behind }\n"
         "     keyentry with boxes fillcolor rgb '#FFFFFF' fillstyle solid 1.0 border title 'white: no fixed point q*'\n",
         "plot $grid using 1:(valid(3) ? NaN : $2):(1):(1):(1):(1) with boxxyerror linecolor rgb '#C4C4C4' notitle\n"
         "if (y_lo < map_lo) { set object 11 rectangle from graph 0, first y_lo to graph 1, first map_lo "
         "fillcolor rgb '#C4C4C4' fillstyle solid 1.0 noborder behind }\n"
         "     keyentry with boxes fillcolor rgb '#C4C4C4' fillstyle solid 1.0 noborder title 'grey: no fixed point q*'\n"),
        (cut_style_problems,
         "     $s1 using ($1 + -0.12):($2 > 0 && $3 <= ylo ? ylo : NaN) with points linetype 1 "
         "pointtype 10 pointsize lt_pointsize notitle, \\\n",
         "     $s1 using ($1 + -0.12):($2 > 0 && $3 <= ylo ? ylo : NaN) with points linetype 1 "
         "pointtype 11 pointsize lt_pointsize notitle, \\\n"),
        (taller_note_problems,
         "# Taller than asked: at 1050x720 pixels the 4 rows would be...\nplot 1\n",
         "# Taller than asked: at 1050x720 pixels the 4 rows would be...\n"
         "if (height == 1339) print sprintf('note: drawn %.3g x %.3g in, taller than the 2.4 in "
         "asked: why', width / (1. * dpi), height / (1. * dpi))\nplot 1\n"),
        (cmap_box_problems,
         "gap_x = 9 * char_width\n"
         "zw = (zx1 - zx0 < 2 * char_width) ? 2 * char_width : zx1 - zx0\n"
         "set object 1 rectangle from screen zx0, screen zy0 to screen zx0 + zw, screen zy0 + zh "
         "fillstyle empty border linecolor rgb '#606060' linewidth 2.5 dashtype 1 front\n"
         "plot -1, keyentry with linespoints linetype 1 dashtype 1 pointtype 4 title 'normal'\n",
         "gap_x = 12 * char_width\n"
         "set object 1 rectangle from screen zx0, screen zy0 to screen zx1, screen zy1 "
         "fillstyle empty border linecolor rgb '#606060' linewidth 1.5 dashtype 1 front\n"
         "set arrow 1 from screen (zx0 + zx1) / 2, screen zoom_tail to screen (zx0 + zx1) / 2, screen zoom_tip\n"
         "plot -1, keyentry with lines linetype 1 dashtype 1 title 'normal', \\\n"
         "     keyentry with points pointtype (zoom_above ? '↓' : '↑') linecolor rgb '#606060' title 'points'\n"),
        (overlap_fill_problems,
         "plot $j1 using 1:2:3 with boxes linetype 1 fillstyle transparent solid 0.3 noborder notitle\n",
         "plot $j1 using 1:2:3 with boxes linetype 1 fillstyle solid 0.3 noborder notitle\n"),
    ]
    for check, broken, fixed in cases:
        if not check(broken) or check(fixed):
            fail("self-test: %s does not tell %r from %r" % (check.__name__, broken[:50], fixed[:50]))


# ---- each check must be able to fail ------------------------------------------------------

BROKEN_PLOT = """set terminal pngcairo size 400,300
if (exists('format') && format eq 'svg') set terminal svg size 400,300 enhanced
if (exists('format') && format eq 'pdf') set terminal pdfcairo size 400/96.,300/96.
if (exists('output')) set output output
dpi = 96
%s
plot x
"""


# Four rows of 44 characters below a plot at 1280 x 800 in two columns:
# gnuplot's 'horizontal maxcols 2' estimates a column wider than half the
# canvas, makes one, and leaves rows 3 and 4 out (the layout the toolkit
# had); one key a column draws all four.
LEGEND_ROWS = """set terminal pngcairo size 1280,800 font 'DejaVu Sans,16'
set output output
legend_below = 1
legend_cols = 2
key_rows = 4
legend_rows = 2
set multiplot
unset border
unset tics
set xrange [0:1]
set yrange [0:1]
set tmargin at screen 0.1
set bmargin at screen 0.005
set rmargin at screen 0.99
if (exists('legend_below') && legend_below) {
%s
    plot -1 with lines linetype nodraw notitle, \\
     keyentry with lines linetype 1 title %s, \\
     keyentry with lines linetype 2 title %s, \\
     keyentry with lines linetype 3 title %s, \\
     keyentry with lines linetype 4 title %s
%s
}
unset multiplot
"""


def legend_rows_script(by_column, when=None):
    """when: row 3's condition (satstat__legend_when), by column only."""
    titles = ["'row %s: abcdefghijklmnopqrstuvwxyz0123456789'" % k for k in ("1", "2", "3", "4")]
    if by_column:
        return LEGEND_ROWS % (
            "    set key inside left top Left reverse samplen 2.5 spacing 1.15 vertical\n"
            "    do for [legend_col = 0:legend_cols - 1] {\n"
            "    set lmargin at screen 0.01 + legend_col * 0.97 / legend_cols",
            *["(int(%d / legend_rows) == legend_col%s ? %s : '')"
              % (k, " && (%s)" % when if when and k == 2 else "", t) for k, t in enumerate(titles)],
            "    }")
    return LEGEND_ROWS % (
        "    set lmargin at screen 0.01\n"
        "    set key inside left top Left reverse samplen 2.5 spacing 1.15 horizontal maxcols legend_cols",
        *titles, "")


def self_tests(tmp):
    """Each check on a deliberately broken input: it must fail."""
    # legend rows: gnuplot's own columns drop two rows, one key a column none
    for by_column, want in ((False, ["row 3 of 4 not drawn", "row 4 of 4 not drawn"]), (True, [])):
        script = os.path.join(tmp, "legend-rows-%d.gp" % by_column)
        open(script, "w").write(legend_rows_script(by_column))
        got = legend_row_problems(script, tmp)
        if got != want:
            fail("self-test: the legend-rows check says %s, not %s (%s)"
                 % (got, want, "by column" if by_column else "gnuplot's columns"))
    # a row on a condition: asked for where it holds only
    for when in ("1 > 2", "2 > 1"):
        script = os.path.join(tmp, "legend-rows-when.gp")
        open(script, "w").write(legend_rows_script(True, when))
        got = legend_row_problems(script, tmp)
        if got != []:
            fail("self-test: the legend-rows check says %s of a row drawn when %s" % (got, when))
    script = os.path.join(tmp, "legend-rows-when.gp")
    open(script, "w").write(legend_rows_script(True, "1 > 2").replace("&& (1 > 2)", ""))
    if legend_marked(open(script).read())[2]:
        fail("self-test: the legend-rows check reads a condition where there is none")
    # comb: display bins alternating 2:1
    comb_script = "$hist1 << EOD\n" + "".join(
        "%d %g 0\n" % (i, (0.05 if i % 2 else 0.025) * (1 + i / 40)) for i in range(40)) + "EOD\n"
    smooth = "$hist1 << EOD\n" + "".join("%d %g 0\n" % (i, 1 + i * (40 - i)) for i in range(40)) + "EOD\n"
    if not combs(comb_script) or combs(smooth):
        fail("self-test: the comb check does not tell a comb from a smooth density")
    # panels: tick labels switched off, no labels
    if panel_problems("set xlabel 'x'\nset ylabel 'y'\nset format y ''\nplot x\n") != [
            "a panel without y tick labels"]:
        fail("self-test: the panel check misses `set format y ''`")
    shared = "set xlabel 'x'\nset ylabel 'y'\nset format x ''   # shared x axis\nplot x\n"
    if panel_problems(shared) != ["a shared x axis labelled under no panel"] or \
            panel_problems(shared + "set format x '%g'\nplot x\n"):
        fail("self-test: the panel check misses a shared x axis never labelled")
    if "no y label" not in panel_problems("set xlabel 'x'\nplot x\n"):
        fail("self-test: the panel check misses a figure without a y label")
    # log foot: an axis down to a Korn-Graubard lower bound of 1e-25
    deep = "set logscale y\nset yrange [1e-25:1]\n$s1 << EOD\n1 0.0005 1e-25 0.009 0.0004\nEOD\n"
    if len(log_foot_problems(deep)) != 1 or log_foot_problems(deep.replace("1e-25", "5e-5")):
        fail("self-test: the log-foot check misses an axis down to 1e-25")
    clipped = "set logscale y\nset yrange [5e-5:1]\n$s1 << EOD\n1 0.0005 1e-7 0.009 0.0004\nEOD\n"
    if not log_foot_problems(clipped):
        fail("self-test: the log-foot check misses a bar below the foot")
    # all zero: counts of 0 drawn as bars from the foot
    zero = ("$s1 << EOD\n1 0 5e-05 0.008 0\n2 0 5e-05 0.008 0\nEOD\n"
            "plot $s1 using 1:5 with lines, \\\n     $s1 using 1:($2 > 0 ? NaN : ylo):(ylo):4 "
            "with yerrorbars\n")
    if len(all_zero_problems(zero)) != 2 or all_zero_problems(zero.replace("1 0 5e", "1 1e-3 5e")):
        fail("self-test: the all-zero check misses bars drawn for counts of 0")
    # empty panels: a histogram 50 wide on a range 2e7 wide
    spike = "set xrange [-1e7:1e7]\n$hist1 << EOD\n-20 0.01 10\n0 0.02 10\n20 0.01 10\nEOD\n"
    if not empty_panel_problems(spike) or empty_panel_problems(spike.replace("1e7", "40")):
        fail("self-test: the empty-panel check misses a histogram that is a spike")
    # ticks: stepped by the panel's size, or two long labels side by side
    if not tick_problems("set xtics tick_step(1, 3)\n") or \
            not tick_problems("set xtics ('0' 0, '0.001' 0.001, '0.002' 0.002)\n") or \
            tick_problems("set xtics ('0' 0, '' 0.001, '0.002' 0.002)\n"):
        fail("self-test: the tick check misses ticks that run together")
    if not tick_problems("set xtics ('0' 0, '4e+04' 4e4)\n") or \
            not tick_problems("set xtics ('0' 0, '500' 500, '1×10^{3}' 1000)\n") or \
            tick_problems("set xtics ('0' 0, '' 500, '1×10^{3}' 1000)\n"):
        fail("self-test: the tick check misses an axis labelled in two forms")
    # colour bar: the histograms' translucent fill still set at the map
    faded = "set style fill transparent solid 0.35 noborder\nset palette defined (0 'red', 1 'blue')\n" \
            "plot $grid using 1:2:3 with image\n"
    if not colour_bar_problems(faded) or colour_bar_problems(
            faded.replace("plot", "set style fill solid 1.0 noborder\nplot")):
        fail("self-test: the colour-bar check misses a translucent colour bar")
    # fitted range: data from 0.65 on an axis from 0
    low = "set yrange [0:*]\n$s1 << EOD\n1 0.8 0.65 1.0 0.85 0.8\n2 0.9 0.7 1.09 0.9 0.9\nEOD\n"
    if empty_foot_share(low) <= MAX_EMPTY_FOOT or empty_foot_share(low.replace("[0:*]", "[0.59:1.15]")) > MAX_EMPTY_FOOT:
        fail("self-test: the fitted-range check misses an axis from 0 under data from 0.65")
    # a legend line for a mean field under the axis's foot
    off = ("set logscale y\nset yrange [5e-07:0.01]\n$s1 << EOD\n1 0 5e-07 0.008 5e-176\nEOD\n"
           "plot -1 notitle, \\\n     keyentry with lines linetype 1 title '  mean field'\n")
    if not off_axis_legend_problems(off) or off_axis_legend_problems(off.replace("5e-176", "1e-3")):
        fail("self-test: the all-zero check misses a legend line for a mean field off the axis")
    # canvas edge: a label that runs off the right edge
    cut = os.path.join(tmp, "cut.gp")
    open(cut, "w").write(BROKEN_PLOT % "set label 'a label that is far too long' at screen 0.8, 0.5")
    rc, _ = render(cut, "png", os.path.join(tmp, "cut.png"))
    if rc != 0 or not canvas_edge_dark(os.path.join(tmp, "cut.png")):
        fail("self-test: the canvas check misses text cut off at the edge")
    # warnings: an empty range makes gnuplot warn
    warn = os.path.join(tmp, "warn.gp")
    open(warn, "w").write(BROKEN_PLOT % "set xrange [1:1]")
    if not warnings(warn, tmp):
        fail("self-test: the warning check misses gnuplot's warning")
    # layout: a PDF whose text is twice as large moves the axes
    lay = os.path.join(tmp, "layout.gp")
    open(lay, "w").write(
        "if (format eq 'png') set terminal pngcairo size 400,300 font ',10'\n"
        "if (format eq 'svg') set terminal svg size 400,300 font ',13.3'\n"
        "if (format eq 'pdf') set terminal pdfcairo size 400/96.,300/96. font ',30'\n"
        "set output output\ndpi = 96\nset border 3\nset xlabel 'x'\nset ylabel 'y'\n"
        "set title 'a title to measure the text by'\n"
        "set lmargin at screen 0.2\nset bmargin at screen 0.2\nplot x notitle\n")
    worst, _ = layout_differs(rasterise(lay, tmp))
    if worst <= 0:
        fail("self-test: the layout check misses a PDF with text twice as large")
    # ... an SVG whose plot is 10 % shorter (its bottom margin 20 % of the
    # canvas, the PNG's 10 %: the svg terminal's line taken for the layout)
    # and whose canvas is taller than asked
    short = os.path.join(tmp, "short.gp")
    for size, bottom, what in ((300, "0.2", "a plot 10 % shorter"), (330, "0.1", "a taller canvas")):
        open(short, "w").write(
            "dpi = 96\nif (format eq 'png') set terminal pngcairo size 400,300\n"
            "if (format eq 'svg') set terminal svg size 400,%d\n"
            "if (format eq 'pdf') set terminal pdfcairo size 400/96.,300/96.\n"
            "set output output\nset border 3\nset title 'a title'\n"
            "set lmargin at screen 0.2\nset bmargin at screen (format eq 'svg' ? %s : 0.1)\n"
            "set tmargin at screen 0.9\nplot x notitle\n" % (size, bottom))
        pngs = rasterise(short, tmp)
        seen = (layout_differs(pngs)[0] > 0 if size == 300
                else svg_canvas_problems(short, pngs[0], pngs[1][:-4]))
        if not seen:
            fail("self-test: the layout check misses an SVG with %s" % what)
    # lines: a PDF whose lines are half the PNG's width (pdfcairo's unit
    # taken for the PNG's pixel at 300 dpi, as before the calibration)
    thin = os.path.join(tmp, "thin.gp")
    open(thin, "w").write(
        "dpi = 300\n"
        "if (format eq 'png') set terminal pngcairo size 1050,660 linewidth 1.5\n"
        "if (format eq 'svg') set terminal svg size 336,211.2 linewidth 0.48\n"
        "if (format eq 'pdf') set terminal pdfcairo size 3.5,2.2 linewidth 0.36\n"
        "set output output\nset border 3 linewidth 1.5\nset xlabel 'x'\nset ylabel 'y'\n"
        "set title 'a title'\nset lmargin at screen 0.2\nset bmargin at screen 0.2\n"
        "plot x notitle\n")
    ratio, _, _ = line_width_ratio(thin, tmp)
    if 1 / LINE_WIDTH_RATIO <= ratio <= LINE_WIDTH_RATIO:
        fail("self-test: the line check misses a PDF with lines half as wide (ratio %.2f)" % ratio)
    # grid room: four rows in 300 pixels of 30-pixel lines
    cramped = os.path.join(tmp, "cramped.gp")
    open(cramped, "w").write(
        "set terminal pngcairo size 400,300\nset output output\nline_height = 30. / 300\n"
        "grid_rows = 4\ntop = 0.9\nbottom = 0.3\ngap_y = 2.5 * line_height\n"
        "panel_h = (top - bottom - (grid_rows - 1) * gap_y) / grid_rows\nplot x\n")
    lines = panel_lines(cramped, tmp)
    if lines is None or lines >= MIN_PANEL_LINES:
        fail("self-test: the grid-room check misses panels %s lines high" % lines)
    # plot box: a plot 0.5 in high on a 2.4 in canvas at 300 dpi
    flat = os.path.join(tmp, "flat.gp")
    open(flat, "w").write("set terminal pngcairo size 1050,720\nset output output\ndpi = 300\n"
                          "height = 720\ntop = 0.9\nbottom = top - 150. / height\nplot x\n")
    inches = box_inches(flat, tmp)
    if inches is None or inches >= MIN_BOX_IN:
        fail("self-test: the plot-box check misses a plot %s in high" % inches)
    # small text: a script whose small font is 6 pt beside 8 pt text
    tiny = os.path.join(tmp, "tiny.gp")
    open(tiny, "w").write(
        "dpi = 300\nfontpt = 8\nsmallpt = 6\nfontscale = (format eq 'pdf') ? 144. / dpi : "
        "(format eq 'svg') ? 128. / dpi : 1\n"
        "smallfont = sprintf('DejaVu Sans,%.3g', 6 * dpi / 96. * fontscale)\n"
        "set terminal pngcairo\nset output output\nplot x\n")
    if not small_text_problems(tiny, tmp):
        fail("self-test: the small-text check misses 6 pt text")


def axis_range(text, axis):
    m = re.search(r"^set %srange \[([^:\]]+):([^\]]+)\]" % axis, text, re.M)
    return (float(m.group(1)), float(m.group(2))) if m else None


def depth_axis_problems(name, text):
    """Figure review 5's three MUSTs, from the script: every deep-density
    panel on (z - mu_b)/sd_l with the mean field labelled as scaled (the
    same figure type drew raw z in one case, standardised in another);
    deep-correlation's data over at least a quarter of the y range (0.99 to
    0.96 was 8 px of a 160 px box on [0.3, 1.04]); deep-cmap the step
    c^{l+1} - c^l about a zero line (the map itself hid on the identity)."""
    problems = []
    if name.startswith("deep-density-"):
        labels = re.findall(r"^set xlabel '([^']*)'", text, re.M)
        if not labels or any("sd_{ℓ}" not in x for x in labels):
            problems.append("x labels %s are not all (z - mu_b)/sd_l" % sorted(set(labels)))
        if "scaled by sd_{ℓ}" not in text:
            problems.append("the legend's mean field does not say it is scaled by sd_l")
    elif name == "deep-correlation.gp":
        yr = axis_range(text, "y")
        values = [r[k] for b, rows in datablocks(text).items() if re.fullmatch(r"s\d+", b)
                  for r in rows for k in (1, 4) if len(r) > 4 and math.isfinite(r[k])]
        if yr is None or not values:
            problems.append("no y range or no data")
        elif max(values) > min(values) and (max(values) - min(values)) < (yr[1] - yr[0]) / 4:
            problems.append("data %.3g..%.3g span under a quarter of y %.3g..%.3g"
                            % (min(values), max(values), yr[0], yr[1]))
    elif name == "deep-cmap.gp":
        xr, yr = axis_range(text, "x"), axis_range(text, "y")
        if xr is None or yr is None or xr[1] != 1 or not yr[0] < 0 < yr[1]:
            problems.append("x %s, y %s: want x up to 1 and zero inside y" % (xr, yr))
        if not re.search(r"^plot 0 with lines", text, re.M):
            problems.append("no zero line")
        for b, rows in datablocks(text).items():
            if re.fullmatch(r"map\d+", b) and yr is not None:
                if any(not yr[0] <= r[1] <= yr[1] for r in rows if len(r) > 1):
                    problems.append("$%s leaves the y range" % b)
    return problems


def check_depth_axes(scripts):
    seen = set()
    for script in scripts:
        name = os.path.basename(script)
        kind = "deep-density" if name.startswith("deep-density-") else name
        if kind in ("deep-density", "deep-correlation.gp", "deep-cmap.gp"):
            seen.add(kind)
            problems = depth_axis_problems(name, open(script).read())
            if problems:
                fail("depth axes: %s: %s" % (script, "; ".join(problems)))
    if len(seen) != 3:
        fail("depth axes: checked only %s" % sorted(seen))


# ---- SVG points, spaces and margins (figure review 6, MUSTs 2, 6, 10, 11) ------

SVG_POINT = re.compile(r"<use xlink:href='#gpPt\d+' transform='translate\(([-\d.]+),([-\d.]+)\) "
                       r"scale\(([\d.]+)\)' color='([^']*)'/>")


def svg_halo_problems(svg):
    """gnuplot 5.4 draws a disc of the background colour, at the default
    point size, under every point of `with yerrorbars`; wider than the
    point, it erased the confidence bar and the curves there (MUST 2).
    Every white disc must lie within a point drawn at its place."""
    drawn = {}
    points = SVG_POINT.findall(svg)
    for x, y, s, colour in points:
        if colour != "white":
            drawn.setdefault((x, y), []).append(float(s))
    return ["white disc of scale %s at (%s, %s) outside its point %s" % (s, x, y, drawn.get((x, y)))
            for x, y, s, colour in points
            if colour == "white" and not any(t >= float(s) for t in drawn.get((x, y), []))]


def svg_space_problems(svg):
    """A <tspan> after the first of its <text> (the text after a sub- or
    superscript) that starts with a space: without xml:space="preserve"
    librsvg drops it ("n_in(fan-in)", "δˡby layer"; MUST 10)."""
    problems = []
    for text in re.findall(r"<text>(.*?)</text>", svg, re.S):
        spans = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", text)
        problems += ["space dropped before %r in %r" % (s, "".join(spans))
                     for s in spans[1:] if s[:1].isspace()]
    return problems


def svg_margin_problems(svg):
    """A rotated (y) label's glyphs reach about 0.76 em of DejaVu Sans
    left of its baseline; half an em more must stay to the edge (fig1's
    label touched it: MUST 11)."""
    return ["label at x = %s, font %s: under %.3g from the edge" % (x, fs, 1.26 * float(fs))
            for x, fs in re.findall(r'<g transform="translate\(([-\d.]+),[-\d.]+\) rotate\(270\)"'
                                    r'[^>]*font-size="([\d.]+)"', svg)
            if float(x) < 1.26 * float(fs)]


def parity_note_problems(text):
    """A formula drawn as two lines (even and odd n_in: sub-blocks 0 and 1
    of its block) keys the odd one in a style of its own, in the legend
    beside the plot and in the one below it (a small figure: MUST 6; one
    style for both lines read as one line, or as a ghost beside the points:
    figure review 20, S6)."""
    problems = []
    for k, body in re.findall(r"^\$formula(\d+) << EOD\n(.*?)^EOD$", text, re.M | re.S):
        if "\n\n" in body and "$formula%s every :::1::1 " % k not in text:
            problems.append("formula %s: two lines drawn in one style" % k)
    halves = text.split("if (exists('legend_below') && legend_below) {", 1)
    below, beside = (halves[1].split("} else {", 1) + [""])[:2] if len(halves) == 2 else ("", "")
    for k, odd, even in re.findall(r"\$formula(\d+) every :::1::1 using \S+ with lines (.*?) notitle, \\\n"
                                   r"\s*\$formula\1 every :::0::0 using \S+ with lines (.*?) notitle", text):
        if odd == even:
            problems.append("formula %s: its odd n_in line in the even one's style" % k)
        key = "keyentry with lines %s title" % odd
        if key not in below or key not in beside:
            problems.append("formula %s: its odd n_in line not keyed beside and below the plot" % k)
    return problems


def svg_self_tests():
    point = "<use xlink:href='#gpPt6' transform='translate(1.00,2.00) scale(%s)' color='%s'/>\n"
    if not svg_halo_problems(point % ("4.50", "white") + point % ("1.25", "rgb(0, 114, 178)")):
        fail("self-test: the halo check misses a white disc wider than its point")
    if svg_halo_problems(point % ("1.25", "white") + point % ("1.63", "rgb(0, 114, 178)")):
        fail("self-test: the halo check fails a disc under its point")
    spans = '<text><tspan>n</tspan><tspan dy="3px">in</tspan><tspan dy="-3px">%s(fan-in)</tspan></text>'
    if not svg_space_problems(spans % " "):
        fail("self-test: the space check misses a space after a subscript")
    if svg_space_problems(spans % "") or svg_space_problems('<text><tspan> 0.5</tspan></text>'):
        fail("self-test: the space check fails text without a space to drop")
    label = '<g transform="translate(%s,62.46) rotate(270)" stroke="none" font-size="10.70" >'
    if not svg_margin_problems(label % "7.90"):
        fail("self-test: the margin check misses a y label on the edge")
    if svg_margin_problems(label % "14.11"):
        fail("self-test: the margin check fails a y label clear of the edge")
    lines = ("plot $formula1 every :::1::1 using 1:2 with lines %s notitle, \\\n"
             "     $formula1 every :::0::0 using 1:2 with lines linetype 1 notitle\n")
    pale = "linetype 1 linecolor rgb '#8CC0DC'"
    keyed = "     keyentry with lines %s title 'standard: odd n_{in}'\n" % pale
    legends = "if (exists('legend_below') && legend_below) {\n%s} else {\n%s}\n"
    if not parity_note_problems(lines % pale + legends % ("", keyed)):
        fail("self-test: the parity check misses a legend below without the odd line's row")
    if not parity_note_problems(lines % "linetype 1" + legends % (keyed, keyed)):
        fail("self-test: the parity check misses an odd line in the even one's style")
    if not parity_note_problems("$formula1 << EOD\n2 3\n\n3 2\nEOD\n"
                                "plot $formula1 using 1:2 with lines linetype 1 notitle\n"):
        fail("self-test: the parity check misses two lines drawn in one style")
    if parity_note_problems(lines % pale + legends % (keyed, keyed)):
        fail("self-test: the parity check fails an odd line keyed beside and below")


def check_svg_text_points(scripts, tmp):
    """Each script rendered to SVG as a user would (gnuplot -e format='svg')."""
    if not scripts:
        fail("svg: no script to check")
    for script in scripts:
        text = open(script, encoding="utf-8").read()
        for p in parity_note_problems(text):
            fail("parity note: %s: %s" % (script, p))
        out = os.path.join(tmp, "svgcheck-" + os.path.basename(script)[:-3] + ".svg")
        rc, err = render(script, "svg", out)
        if rc != 0:
            fail("svg: %s: %s" % (script, err))
            continue
        svg = open(out, encoding="utf-8").read()
        for check, name in ((svg_halo_problems, "halo"), (svg_space_problems, "space"),
                            (svg_margin_problems, "margin")):
            for p in check(svg)[:3]:
                fail("svg %s: %s: %s" % (name, os.path.basename(script), p))


# ---- the deep figures' MUSTs of review 6 (figs10a) ------------------------------


def growth_words_problems(text):
    """deep-variance: a legend's "×R a layer" must be the mean field's ratio
    at every step over layers 2..L (constant to 0.5 %), "+D a layer" its
    step: "×1.17" for he-normal relu (2, 3, ... 7: +1 a layer) was only the
    last step's ratio.  Read off the script's own data blocks ($sK, column
    5 the mean field, column 1 the layer)."""
    blocks = datablocks(text)
    problems = []
    for m in re.finditer(r"keyentry with (?:yerrorlines|linespoints) linetype (\d+)(?: dashtype \d+)? "
                         r"title '([^']*)'", text):
        k, title = m.group(1), m.group(2)
        rows = blocks.get("s" + k, [])
        mf = [r[4] for r in sorted(rows, key=lambda r: r[0]) if len(r) > 4 and r[0] >= 1]
        steps = list(zip(mf[1:], mf[2:]))  # layers 2..L: fan-in W
        ratio = re.search(r"×([0-9.]+) a layer", title)
        step = re.search(r"([+−])([0-9.]+) a layer", title)
        if ratio:
            r = float(ratio.group(1))
            bad = [b / a for a, b in steps if a > 0 and abs(b / a - r) > 0.005 * r + 0.5e-2]
            if bad:
                problems.append("'%s': the ratios are %s" % (title, ", ".join("%.4g" % x for x in bad)))
        if step:
            d = float(step.group(2)) * (-1 if step.group(1) == "−" else 1)
            bad = [b - a for a, b in steps if abs(b - a - d) > 0.005 * abs(d)]
            if bad:
                problems.append("'%s': the steps are %s" % (title, ", ".join("%.4g" % x for x in bad)))
    return problems


def dodge_problems(text):
    """deep-variance, -gradient: a scheme's mean-field line at the x of its
    dodged points (undodged, the standard relu line passed 1.7 times above
    every point of it, outside its 99.9 % bar)."""
    problems = []
    for m in re.finditer(r"\$s(\d+) using \(([^)]*)\):5 with lines", text):
        k, x = m.group(1), m.group(2)
        pts = re.search(r"\$s%s using \(([^)]*)\):\(\$4 > \$3" % k, text)
        if pts and pts.group(1) != x:
            problems.append("scheme %s: line at (%s), points at (%s)" % (k, x, pts.group(1)))
    for m in re.finditer(r"\$s(\d+) using 1:5 with lines", text):
        if re.search(r"\$s%s using \(\$1 \+ (?!0[ )])" % m.group(1), text):
            problems.append("scheme %s: line undodged, its points dodged" % m.group(1))
    return problems


def pointsize_problems(text):
    """Every literal pointsize times pointscale (or lt_pointsize: 0.378 in SVG, where the terminal's point unit carries the line width):
    without it the deep-saturation ▼ were 45 px wide in the SVG."""
    return ["pointsize %s" % m.group(1)
            for m in re.finditer(r"pointsize\s+([0-9.]+)(?![0-9.])(?!\s*\*\s*pointscale)", text)]


def band_problems(text):
    """deep-density on (z − μ_b)/sd_l: a panel that shades |z| ≥ T says where
    the band starts in its own units, T/sd_l (μ_b = 0: normal:1's mean),
    and the legend says its |z| is raw z ("|z| ≥ 4" beside an axis ending
    at 4 read as |x| ≥ 4)."""
    problems = []
    thr = re.search(r"--threshold ([0-9.]+)", text)
    t = float(thr.group(1)) if thr else 4.0
    titles = re.findall(r'set title "layer \d+[^"]*?sd_\{ℓ\}(?: |\u2060 )= ([0-9.]+)(\\n[^"]*)?"', text)
    if not titles:
        return ["no panel titles with sd_l"]
    for sd, band in titles:
        want = t / float(sd)
        if want >= 4:  # the band off the panel: no words
            if band:
                problems.append("sd_l %s: '%s' for a band off the panel" % (sd, band))
            continue
        m = re.search(r"grey beyond ±([0-9.]+)", band or "")
        if not m:
            problems.append("sd_l %s: no 'grey beyond ±%.3g'" % (sd, want))
        elif abs(float(m.group(1)) - want) > 0.01 * want:
            problems.append("sd_l %s: grey beyond ±%s, T/sd_l = %.4g" % (sd, m.group(1), want))
    if "saturated: |z|" in text and "raw z" not in text:
        problems.append("the legend's |z| not said to be raw z")
    return problems


def svg_text_problems(svg, script_text):
    """An SVG render keeps every text on its canvas (2 px for a subscript
    below a baseline), every legend row with a text (deep-density's third
    row was drawn off the canvas without one) and every axis label (deep-
    phase's x label fell below the canvas and was not written)."""
    problems = []
    vb = re.search(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"', svg)
    if not vb:
        return ["no viewBox"]
    w, h = float(vb.group(1)), float(vb.group(2))
    for m in re.finditer(r'translate\(([-0-9.]+),([-0-9.]+)\)[^>]*>\s*<text>(.*?)</text>', svg, re.S):
        x, y, body = float(m.group(1)), float(m.group(2)), m.group(3)
        # the lowest baseline: the running sum of the tspans' dy
        low, run_dy = 0.0, 0.0
        for d in re.findall(r'dy="([-0-9.]+)', body):
            run_dy += float(d)
            low = max(low, run_dy)
        plain = re.sub(r"<[^>]*>", "", body).strip()
        if not plain:
            continue
        if not (0 <= x <= w) or y < 0 or y + low + 2 > h:
            problems.append("'%s' at (%g, %g) + %g of %gx%g" % (plain, x, y, low, w, h))
    for g in re.findall(r'<g id="gnuplot_plot_\w+" ><title>(.*?)</title>(.*?)(?=<g id="gnuplot_plot_|\Z)',
                        svg, re.S):
        # (a plot's own curves have titles too: their text is in the legend
        # panel; a keyentry row is a group of the legend panel, "…c")
        if not g[0].startswith(("gnuplot_plot", "$")) and "<text>" not in g[1]:
            problems.append("legend row '%s' without its text" % g[0])
    for label in re.findall(r"^set [xc]b?label '([^']*)'", script_text, re.M):
        for word in re.findall(r"[A-Za-z][A-Za-z-]{2,}", label):
            if word not in svg:
                problems.append("label '%s' not in the SVG" % label)
    return problems


def check_deep_musts6(tmp):
    """Review 6's MUSTs of the deep figures, at a journal's column width
    (3.5 x 2.4 in, 8 pt, 300 dpi) where they failed: each check first shown
    to fail on the broken text."""
    # self-tests: the broken inputs of review 6
    broken_growth = ("$s1 << EOD\n1 2 2 2 2\n2 3 3 3 3\n3 4 4 4 4\n4 5 5 5 5\nEOD\n"
                     "keyentry with yerrorlines linetype 1 title 'he-normal, ×1.25 a layer'\n")
    if not growth_words_problems(broken_growth):
        fail("self-test: the growth check passes ×1.25 (the last step) for 2, 3, 4, 5")
    if growth_words_problems(broken_growth.replace("×1.25", "+1")):
        fail("self-test: the growth check fails +1 for 2, 3, 4, 5")
    undodged = ("plot $s1 using 1:5 with lines linetype 1 notitle, \\\n"
                "     $s1 using ($1 + -0.12):($4 > $3 ? $2 : NaN):3:4 with yerrorbars\n")
    if not dodge_problems(undodged):
        fail("self-test: the dodge check passes an undodged line")
    if dodge_problems(undodged.replace("using 1:5", "using ($1 + -0.12):5")):
        fail("self-test: the dodge check fails a dodged line")
    if not pointsize_problems("with points pointtype 11 pointsize 1.3 notitle"):
        fail("self-test: the pointsize check passes a literal pointsize")
    if pointsize_problems("with points pointtype 11 pointsize 1.3 * pointscale notitle"):
        fail("self-test: the pointsize check fails pointsize 1.3 * pointscale")
    band_old = 'set title "layer 1 of 3\\nsd_{ℓ} = 22.6" offset 0,-0.4\n\'saturated: |z| ≥ 4\''
    if not band_problems(band_old):
        fail("self-test: the band check passes a panel without its band's edge")
    if band_problems('set title "layer 1 of 3\\nsd_{ℓ} = 22.6\\ngrey beyond ±0.177" offset 0\n'
                     "'saturated: |z| ≥ 4 (raw z)'"):
        fail("self-test: the band check fails ±0.177 at sd_l 22.6")
    off = ('<svg viewBox="0 0 336 230">\n<g transform="translate(97.04,229.10)" >'
           '<text><tspan>σ</tspan><tspan dy="3.21px">w</tspan></text>\n</g>\n'
           '<g id="gnuplot_plot_4c" ><title>saturated: |z| ≥ 4</title>\n<path d="M388,10"/></g>\n')
    if len(svg_text_problems(off, "set xlabel 'σ_{w}^{2} · fan-in'\n")) < 3:
        fail("self-test: the SVG text check misses a cut label, a row without text or a lost label")
    # the figures themselves
    made = os.path.join(tmp, "musts6")
    paper = ["--plot-size", "3.5x2.4in", "--dpi", "300", "--font-size", "8", "--quiet"]
    jobs = [
        # (width 200: at 40 the length map reports a q* of 1.5e16 for
        # he-normal and the row gives χ₁ instead of the growth)
        ["deep", "--activation", "relu", "--scheme", "he-normal,standard", "--layers", "4",
         "--width", "200", "--networks", "4", "--figures", "deep-variance,deep-gradient",
         "--plots", made + "/relu", "--render", "none"] + paper,
        ["deep", "--layers", "3", "--width", "40", "--networks", "4", "--figures",
         "deep-density-standard,deep-density-scaled,deep-saturation", "--plots", made + "/sigmoid",
         "--render", "none"] + paper,
        ["deep", "--activation", "tanh", "--layers", "3", "--width", "40", "--networks", "4",
         "--phase", "--figures", "deep-phase,deep-phase-xi", "--plots", made + "/phase",
         "--render", "none"] + paper,
    ]
    for args in jobs:
        rc, _, err = run([EXE] + args)
        if rc not in (0, 1):
            fail("satstat %s: exit %d: %s" % (" ".join(args), rc, err))
    scripts = sorted(glob.glob(made + "/*/*.gp"))
    checks = [(r"/relu/deep-variance\.gp$", growth_words_problems),
              (r"/relu/deep-(variance|gradient)\.gp$", dodge_problems),
              (r"\.gp$", pointsize_problems),
              (r"/sigmoid/deep-density-standard\.gp$", band_problems)]
    for pattern, check in checks:
        mine = [x for x in scripts if re.search(pattern, x)]
        if not mine:
            fail("%s: no script matching %s" % (check.__name__, pattern))
        for script in mine:
            problems = check(open(script).read())
            if problems:
                fail("%s: %s: %s" % (check.__name__, script, "; ".join(problems[:3])))
    relu = open(made + "/relu/deep-variance.gp").read()
    if "+1 a layer" not in relu:
        fail("growth: he-normal relu (q' = q + σ_b², σ_b² = 1) not said '+1 a layer'")
    for name in ("sigmoid/deep-density-standard", "phase/deep-phase", "phase/deep-phase-xi"):
        script = os.path.join(made, name + ".gp")
        out = os.path.join(tmp, os.path.basename(name) + ".svg")
        rc, err = render(script, "svg", out)
        if rc != 0:
            fail("svg text: %s: gnuplot: %s" % (script, err))
            continue
        problems = svg_text_problems(open(out).read(), open(script).read())
        if problems:
            fail("svg text: %s: %s" % (name, "; ".join(problems[:3])))


# ---- the space after a sub- or superscript (figure review 7, S2) -----------------


def script_space_problems(svg):
    """The invisible full stop that kept a space after a sub- or superscript
    (&{.}: a <tspan fill="none">.</tspan>) read "χ1.= 1.37" in the <title>
    and in text extraction: no phantom text in the SVG."""
    problems = ['phantom %r' % m for m in re.findall(r'<tspan[^>]*fill="none"[^>]*>[^<]*</tspan>', svg)]
    problems += ['stray "." in title %r' % t for t in re.findall(r"<title>([^<]*)</title>", svg)
                 if re.search(r"[^\d\s]\.(?!\d)", t)]
    return problems


def ink_width(path):
    """Columns from the first to the last with ink (grey under 128)."""
    w, h, rows = read_png(path)
    cols = [x for x in range(w) if any(r[x] < 128 for r in rows)]
    return cols[-1] - cols[0] + 1 if cols else 0


def script_space_gap(spacer, tmp):
    """How much wider (in spaces of the font) 'χ_{1}' spacer '= 1' is than
    'χ_{1}= 1', in the PNG and in the SVG as librsvg rasterises it."""
    gaps = []
    for fmt in ("png", "svg"):
        widths = []
        for k, sep in enumerate((spacer, "")):
            stem = os.path.join(tmp, "space-%s-%d" % (fmt, k))
            term = "pngcairo" if fmt == "png" else "svg"
            open(stem + ".gp", "w", encoding="utf-8").write(
                "set terminal %s enhanced size 400,100 font 'DejaVu Sans,40'\nset output '%s.%s'\n"
                "unset border\nunset tics\nunset key\nset label 'χ_{1}%s= 1' at screen 0.05,0.5\n"
                "plot [0:1][0:1] -1\n" % (term, stem, fmt, sep))
            run(["gnuplot", stem + ".gp"])
            if fmt == "svg":
                run(["rsvg-convert", "-w", "400", "-h", "100", "-b", "white", "-o", stem + ".svg.png",
                     stem + ".svg"])
            widths.append(ink_width(stem + (".png" if fmt == "png" else ".svg.png")))
        gaps.append((widths[0] - widths[1]) / (40 * 4 / 3.0 * 651 / 2048))  # a space: 651/2048 em
    return gaps


def check_script_space(scripts, tmp):
    """The space after a sub- or superscript the figures write (taken from
    deep-variance's χ₁ row) survives in the PNG and in librsvg's raster of
    the SVG, and the SVG carries no phantom text."""
    spacer = None
    for script in scripts:
        m = re.search(r"χ_\{1\}([^=']*)= ", open(script, encoding="utf-8").read())
        if m and os.path.basename(script) == "deep-variance.gp":
            spacer = m.group(1)
            out = os.path.join(tmp, "spacecheck.svg")
            rc, err = render(script, "svg", out)
            if rc != 0:
                fail("script space: %s: %s" % (script, err))
                continue
            for p in script_space_problems(open(out, encoding="utf-8").read())[:3]:
                fail("script space: %s: %s" % (script, p))
    if spacer is None:
        fail("script space: no deep-variance χ_{1} row to take the space from")
        return
    if "&{" in spacer or not spacer.endswith(" "):
        fail("script space: the space after a subscript is written %r" % spacer)
    for fmt, gap in zip(("png", "svg"), script_space_gap(spacer, tmp)):
        if not 0.6 <= gap <= 1.6:
            fail("script space: %s: the space after a subscript is %.2f spaces wide" % (fmt, gap))
    # self-tests: a plain space is lost in the SVG, the phantom full stop seen
    if script_space_gap(" ", tmp)[1] >= 0.6:
        fail("self-test: the script-space check misses a space librsvg drops")
    if not script_space_problems('<text><tspan fill="none">.</tspan></text><title>χ1.= 1.37</title>'):
        fail("self-test: the script-space check misses the phantom full stop")
    if script_space_problems("<title>standard, χ1\u2060 = 1.37, 0.5 ms</title>"):
        fail("self-test: the script-space check fails a clean title")


# ---- run and sweep figures' SHOULDs of figure review 7 (S9, S10, S11, S14) ------

SVG_LABEL = re.compile(r'<g transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*font-size="([\d.]+)"'
                       r'[^>]*text-anchor="(\w+)"\s*>\s*<text>(.*?)</text>', re.S)
# advance widths in em of DejaVu Sans (figure.c's table / 2048)
LABEL_EM = {"−": 0.838, "-": 0.361, ".": 0.318}


def label_value(body):
    """A tick label's number: "0.02", "−100", 10 and a superscript −2 (a
    raised <tspan>), or None."""
    plain = re.sub(r"<[^>]*>", "", body).strip().replace("\u2009", "")
    m = re.fullmatch(r"10([−-]?\d+)", plain)
    if m and re.search(r'<tspan[^>]*dy="-', body):
        return 10.0 ** float(m.group(1).replace("−", "-"))
    if re.fullmatch(r"[−-]?\d+(\.\d+)?", plain):
        return float(plain.replace("−", "-"))
    return None


def svg_tick_labels(svg, anchor):
    """(x, y, font size, text, value) of the SVG's numeric labels set with
    text-anchor `anchor` (middle: x tick labels, end: left y tick labels)."""
    out = []
    for x, y, fs, a, body in SVG_LABEL.findall(svg):
        plain = re.sub(r"<[^>]*>", "", body).strip()
        v = label_value(body)
        if a == anchor and v is not None:
            out.append((float(x), float(y), float(fs), plain, v))
    return out


def x_tick_problems(svg):
    """Every panel's x axis has at least three tick labels and no two of
    them run together (fig3's left panel at 3.5 in had only -100 and 100,
    the SVG's zoom -5 and 5, fig4's zoom 0 and 5: S10, S11).  The labels
    of one row, left to right, form a panel's axis while their values
    rise."""
    labels = svg_tick_labels(svg, "middle")
    if not labels:
        return ["no x tick labels"]
    row_y = max(set(round(y) for _, y, _, _, _ in labels),
                key=lambda r: sum(1 for _, y, _, _, _ in labels if round(y) == r))
    row = sorted(l for l in labels if round(l[1]) == row_y)
    panels, problems = [[row[0]]], []
    for l in row[1:]:
        if l[4] > panels[-1][-1][4]:
            panels[-1].append(l)
        else:
            panels.append([l])
    for p in panels:
        if len(p) < 3:
            problems.append("a panel's x axis labelled %s only" % [l[3] for l in p])
        for a, b in zip(p, p[1:]):
            wa, wb = (sum(LABEL_EM.get(ch, 0.636) for ch in l[3]) * l[2] for l in (a, b))
            if (b[0] - a[0]) - (wa + wb) / 2 < 0.3 * a[2]:
                problems.append("x tick labels %s and %s run together" % (a[3], b[3]))
    return problems


def right_axis_problems(svg):
    """fig3 side by side: one column of right-axis numbers (the right
    panel's); the left panel's, beside the right panel's φ numbers, read
    as a table with them (S10)."""
    columns = sorted(set(round(l[0]) for l in svg_tick_labels(svg, "start")))
    return ["right-axis numbers in %d columns (x = %s)" % (len(columns), columns)] if len(columns) > 1 else []


def band_pixel_problems(png):
    """fig2's sampled band (a pale line 6 units wide) stays inside its
    panels: no pixel of its colours under the x axis or right of the zoom
    panel's right end (it straddled y = 0 and left the zoom's frame: S9)."""
    w, h, rows = read_png(png, rgb=True)
    pale = {(0x99, 0xC7, 0xE0), (0xEE, 0xBF, 0x99), (0x99, 0xD5, 0xC3)}

    def dark(c):
        return sum(c) < 180
    # the x axis: the lowest row with a long dark line; the panel's right
    # end: where its last long line (the rightmost panel's axis) ends
    axis_y, axis_x1 = None, None
    for y in range(h):
        run, ends = 0, []
        for x in range(w + 1):
            if x < w and dark(rows[y][x]):
                run += 1
            else:
                if run > w // 8:
                    ends.append(x - 1)
                run = 0
        if ends:
            axis_y, axis_x1 = y, ends[-1]
    if axis_y is None:
        return ["no x axis found"]
    # (a lone pixel is no band: a formula line along the axis, blended 60 %
    # with white by antialiasing, is #0072B2 -> #99C7E0 itself)
    def band(y, x):
        return rows[y][x] in pale and any(0 <= x + d < w and rows[y][x + d] in pale for d in (-1, 1))
    below = sum(1 for y in range(axis_y + 1, min(h, axis_y + 20)) for x in range(w) if band(y, x))
    right = sum(1 for y in range(0, axis_y) for x in range(axis_x1 + 2, min(w, axis_x1 + 20))
                if rows[y][x] in pale)
    return (["%d band pixels under the x axis" % below] if below else []) + \
           (["%d band pixels right of the panel" % right] if right else [])


def cut_mark_problems(text):
    """fig4 on a log axis: a legend row "bar cut at axis" (or "open:
    sampled 0") exactly when a row the panels draw (every stride-th over
    the axis, every stride_zoom-th up to zoom) has a bar cut at the foot
    ylo (a sampled 0): run-seed named a ▼ it never drew (S11)."""
    num = lambda name: (float(re.search(r"^%s = ([-0-9.e+]+)" % name, text, re.M).group(1))
                        if re.search(r"^%s = " % name, text, re.M) else None)
    ylo, stride, stride_zoom, zoom = num("ylo"), num("stride"), num("stride_zoom"), num("zoom")
    if ylo is None or stride is None:
        return []
    cut = zero = False
    for name, rows in datablocks(text).items():
        if not re.fullmatch(r"sample\d+", name):
            continue
        for k, r in enumerate(rows):
            drawn = k % int(stride) == 0 or (stride_zoom and zoom is not None and
                                             k % int(stride_zoom) == 0 and r[0] <= zoom)
            if drawn and r[1] > 0 and r[2] < ylo:
                cut = True
            if drawn and r[1] == 0:
                zero = True
    problems = []
    for words, drawn in (("bar cut at axis", cut), ("open: sampled 0", zero)):
        named = "title '%s'" % words in text
        if named != drawn:
            problems.append("legend row '%s' %s, drawn: %s" % (words, "given" if named else "missing",
                                                                drawn))
    return problems


def log_top_problems(svg, text):
    """A log y axis labels a tick at or above every value drawn (the
    sweep's derivative at 3.5 in labelled 10^-1 and 10^-2, with the lines
    at 0.19 and 0.25 above both: S14)."""
    values = [r[1] for name, rows in datablocks(text).items() if re.fullmatch(r"(formula|sample)\d+", name)
              for r in rows if len(r) > 1 and r[1] > 0]
    labels = [l[4] for l in svg_tick_labels(svg, "end")]
    if not values or len(labels) < 2:
        return ["%d values, %d y tick labels" % (len(values), len(labels))]
    if max(labels) < max(values) * (1 - 1e-9):
        return ["top y label %g under the data's %g" % (max(labels), max(values))]
    return []


def check_review7_run_sweep(tmp):
    """S9, S10, S11 and S14 on the demo's run and the n_in sweep of the
    review at 3.5 x 2.4 in, 8 pt, in SVG (the tick labels where gnuplot
    wrote them) and PNG (the band's pixels); each check first shown to fail
    on the broken input."""
    lab = '<g transform="translate(%s,200.0)" stroke="none" font-size="10.70"  text-anchor="middle">' \
          '\n<text><tspan>%s</tspan></text>\n'
    two = lab % (60, "−100") + lab % (120, "100") + lab % (160, "0") + lab % (200, "5") + lab % (230, "10")
    if not x_tick_problems(two):
        fail("self-test: the x-tick check passes a panel labelled -100 and 100 only")
    if x_tick_problems(lab % (60, "−100") + lab % (95, "0") + lab % (130, "100")):
        fail("self-test: the x-tick check fails -100 0 100 35 px apart")
    old4 = ("ylo = 1e-06\nstride = 2\nstride_zoom = 1\nzoom = 5\n$sample1 << EOD\n0 1 0.9 1\n"
            "0.25 0.5 1e-07 0.9\n0.5 0.4 0.3 0.5\nEOD\nkeyentry with points title 'bar cut at axis'\n")
    if not cut_mark_problems(old4.replace("zoom = 5", "zoom = 0.1")):
        fail("self-test: the cut-mark check passes a legend row for a row no panel draws")
    if cut_mark_problems(old4):
        fail("self-test: the cut-mark check fails a cut bar the zoom draws")
    old14 = ('<g transform="translate(60,50)" stroke="none" font-size="10.70"  text-anchor="end">\n'
             '<text><tspan>10</tspan><tspan dy="-5px">−1</tspan></text>\n'
             '<g transform="translate(60,90)" stroke="none" font-size="10.70"  text-anchor="end">\n'
             '<text><tspan>10</tspan><tspan dy="-5px">−2</tspan></text>\n')
    if not log_top_problems(old14, "$formula1 << EOD\n10 0.19\nEOD\n"):
        fail("self-test: the log-top check passes 0.19 above the label 10^-1")
    start = lab.replace("middle", "start").replace("200.0", "%s")
    if not right_axis_problems(start % (145, 100, "0.1") + start % (267, 100, "0.1")):
        fail("self-test: the right-axis check passes two columns of numbers")
    straddle = os.path.join(tmp, "r7-straddle")
    open(straddle + ".gp", "w").write(
        "set terminal pngcairo size 400,300\nset output '%s.png'\nset border 3 linewidth 2\n"
        "set xrange [-1:1]\nset yrange [0:1]\nset lmargin at screen 0.2\nset bmargin at screen 0.2\n"
        "plot 0 with lines linecolor rgb '#99C7E0' linewidth 12 notitle\n" % straddle)
    run(["gnuplot", straddle + ".gp"])
    if not band_pixel_problems(straddle + ".png"):
        fail("self-test: the band check passes a band on y = 0")
    made = os.path.join(tmp, "review7")
    paper = ["--render", "none", "--plot-size", "3.5x2.4in", "--dpi", "300", "--font-size", "8",
             "--quiet"]
    for args in (["demo", made + "/seed"] + paper,
                 ["sweep", "--vary", "n-in=10:10000:8:log", "--scheme", "standard,scaled", "--plots",
                  made + "/sweep"] + paper):
        rc, _, err = run([EXE] + args)
        if rc not in (0, 1):
            fail("satstat %s: exit %d: %s" % (" ".join(args), rc, err))
    seen = set()
    for script in sorted(glob.glob(made + "/*/*.gp")):
        name = os.path.basename(script)[:-3]
        text = open(script, encoding="utf-8").read()
        if name == "fig4-saturated-fraction":
            seen.add("cut")
            for p in cut_mark_problems(text):
                fail("cut mark: %s: %s" % (script, p))
        if name in ("fig2-compare", "fig3-activation", "fig4-saturated-fraction",
                    "sweep-activation-derivative"):
            out = os.path.join(tmp, "r7-%s-%s" % (os.path.basename(os.path.dirname(script)), name))
            rc, err = render(script, "svg", out + ".svg")
            if rc != 0:
                fail("review 7: %s: %s" % (script, err))
                continue
            svg = open(out + ".svg", encoding="utf-8").read()
            if name == "fig3-activation":
                seen.add("right axis")
                for p in right_axis_problems(svg):
                    fail("right axis: %s (svg): %s" % (script, p))
            if name.startswith("fig"):
                seen.add("x ticks")
                for p in x_tick_problems(svg)[:3]:
                    fail("x ticks: %s (svg): %s" % (script, p))
            elif "set logscale y" in text:
                seen.add("log top")
                for p in log_top_problems(svg, text):
                    fail("log top: %s (svg): %s" % (script, p))
            if name == "fig2-compare":
                seen.add("band")
                rc, err = render(script, "png", out + ".png")
                for p in ([err] if rc else band_pixel_problems(out + ".png")):
                    fail("band: %s: %s" % (script, p))
    if seen != {"cut", "x ticks", "log top", "band", "right axis"}:
        fail("review 7: checked only %s" % sorted(seen))
    # (and the gallery's fig2 at 1280 x 800: the zoom's band ended 4 px past
    # its frame there, at half its width inside: figure review 16)
    gallery = os.path.join(ROOT, "plots", "fig2-compare.gp")
    out = os.path.join(tmp, "r7-gallery-fig2.png")
    rc, err = render(gallery, "png", out)
    for p in ([err] if rc else band_pixel_problems(out)):
        fail("band: %s: %s" % (gallery, p))
# ---- review 7's MUST 1: the SVG deep-density panels at 3.5 in (figs12a) --------

# At 3.5 x 2.4 in, 300 dpi, rasterised 1050 px wide (300 px an inch): a
# panel's y axis at least this high, and its y tick labels this far apart
# (the svg terminal's taller lines left the panels 67 px, 0.22 in, an axis
# with the tick below it of 0.31 in, and the labels "0.4", "0.2", "0" 3-6 px
# apart: one column of digits; now 0.78 in and 0.2 in).
MIN_SVG_PANEL_IN = 0.5
MIN_SVG_TICK_GAP_IN = 0.04


def svg_panel_room(png, dpi):
    """(panel height, least gap between y tick labels), in inches, of a
    rasterised figure at dpi: the panel is the first longest run of near-
    black pixels down a column (the leftmost panel's y axis: the blue bars
    and the grey band are lighter), the tick labels the runs of rows with
    ink in the strip just left of it (gap 0: one run, the labels merged)."""
    w, h, rows = read_png(png)
    best, axis = 0, None
    for x in range(w):
        run = 0
        for y in range(h):
            run = run + 1 if rows[y][x] < 80 else 0
            if run > best + 2:  # (+2: the leftmost of equal axes)
                best, axis = run, (x, y)
    if axis is None:
        return 0.0, 0.0
    x0, y_end = axis
    top, bottom = y_end - best + 1, y_end
    strip = range(max(0, x0 - int(0.25 * dpi)), x0 - 4)
    ink = [y for y in range(max(0, top - int(0.1 * dpi)), min(h, bottom + int(0.03 * dpi)))
           if any(rows[y][x] < 128 for x in strip)]
    runs = []
    for y in ink:
        if runs and y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    gaps = [b[0] - a[1] - 1 for a, b in zip(runs, runs[1:])]
    return best / dpi, (min(gaps) if gaps else 0) / dpi


def check_svg_density_room(tmp):
    """deep-density's SVG at a journal's column width (3.5 x 2.4 in, 8 pt,
    300 dpi), rasterised as the review did (rsvg-convert -w 1050): each
    panel at least MIN_SVG_PANEL_IN high and its y tick labels at least
    MIN_SVG_TICK_GAP_IN apart (review 7, MUST 1: the svg terminal's taller
    text left the panels 0.22 in; the SVG then grew; its text spaced as the
    PNG's, it keeps the height asked, 720 px).  First shown to fail on the
    same script held to 480 px (gnuplot -e height=480)."""
    made = os.path.join(tmp, "svg-density")
    paper = ["--plot-size", "3.5x2.4in", "--dpi", "300", "--font-size", "8", "--quiet",
             "--render", "none"]
    for act, extra in (("sigmoid", []), ("relu", ["--scheme", "he-normal,standard"])):
        rc, _, err = run([EXE, "deep", "--activation", act, "--layers", "3", "--width", "40",
                          "--networks", "4", "--plots", made + "/" + act] + extra + paper)
        if rc not in (0, 1):
            fail("svg density room: satstat deep %s: exit %d: %s" % (act, rc, err))
    scripts = sorted(glob.glob(made + "/*/deep-density-*.gp"))
    if len(scripts) != 4:
        fail("svg density room: expected 4 deep-density scripts, got %s" % scripts)
    for i, script in enumerate(scripts):
        heights = [("as made", "")] + ([("held to 480 px", "height=480; ")] if i == 0 else [])
        for what, setting in heights:
            out = os.path.join(tmp, "room-%d-%d.svg" % (i, len(setting)))
            rc, _, err = run(["gnuplot", "-e", "%sformat='svg'; output='%s'" % (setting, out),
                              os.path.basename(script)], cwd=os.path.dirname(script))
            if rc != 0:
                fail("svg density room: %s: gnuplot: %s" % (script, err))
                continue
            run(["rsvg-convert", "-w", "1050", "-b", "white", "-o", out + ".png", out])
            panel, gap = svg_panel_room(out + ".png", 300)
            short = panel < MIN_SVG_PANEL_IN or gap < MIN_SVG_TICK_GAP_IN
            if setting and not short:
                fail("self-test: svg density room passes %s held to 480 px (panel %.2f in, "
                     "tick labels %.3f in apart)" % (script, panel, gap))
            if not setting and short:
                fail("svg density room: %s: panel %.2f in high (at least %g), y tick labels "
                     "%.3f in apart (at least %g)" % (script, panel, MIN_SVG_PANEL_IN, gap,
                                                     MIN_SVG_TICK_GAP_IN))



def left_ink(path):
    """The first column with ink (grey under 160), from the left edge."""
    w, h, rows = read_png(path)
    return next((x for x in range(w) if any(r[x] < 160 for r in rows)), w)


def check_ylabel_margin(scripts, tmp):
    """Figure review 8, S13: fig1-density-standard's y label, pushed left by
    its five-character tick labels ('0.015'), was 8 px of 1050 from the left
    edge at 3.5 in in PNG and PDF (22 in SVG); every format keeps >= 20 px
    at 300 dpi. Self-test: the script without the label's move fails."""
    if not scripts:
        fail("y-label margin: no fig1-density-standard at 3.5 in to check")
    for script in scripts:
        text = open(script).read()
        move = ("set ylabel offset svg_hchar * ((ytick_chars >= 5) ? 1 : 0) - (svg_hchar - 1)"
                " * (ytick_chars + 2) / 2., 0\n")
        if move not in text:
            fail("y-label margin: %s: no label move found" % script)
            continue
        old = os.path.join(tmp, "s13-old", os.path.basename(script))
        os.makedirs(os.path.dirname(old), exist_ok=True)
        open(old, "w").write(text.replace(move, ""))
        if min(left_ink(p) for p in rasterise(old, tmp)[::2]) >= 20:
            fail("self-test: the y-label margin check passes the label without its move")
        for png in rasterise(script, tmp):
            if left_ink(png) < 20:
                fail("y-label margin: %s: ink %d px from the left edge (< 20)" % (png, left_ink(png)))


def log_step_problems(labels):
    """A log axis's labels, top down, go by one step (equal ratios), or by
    1-2-5 throughout (ratios 2 and 2.5 only)."""
    labels = sorted(labels, reverse=True)
    ratios = [a / b for a, b in zip(labels, labels[1:])]
    if len(ratios) < 1:
        return ["%d labels" % len(labels)]
    if max(ratios) <= min(ratios) * 1.0001 or all(abs(r - 2) < 1e-6 or abs(r - 2.5) < 1e-6 for r in ratios):
        return []
    return ["labels %s: steps %s" % (", ".join("%g" % v for v in labels),
                                     ", ".join("x%g" % r for r in ratios))]


def check_log_steps(tmp):
    """Figure review 8, S2: the n_in sweep's derivative at 3.5 in labelled
    its log axis 0.5, 0.1, 0.02, 0.002 in PNG and PDF (steps x5, x5, x10)
    and 0.5, 0.05, 0.005 in SVG; the labels gnuplot chooses in each format
    (printed as it sets them, in a copy of review 7's script) go by one
    step."""
    if not log_step_problems([0.5, 0.1, 0.02, 0.002]):
        fail("self-test: the log-step check passes 0.5, 0.1, 0.02, 0.002")
    if log_step_problems([0.5, 0.05, 0.005]) or log_step_problems([0.5, 0.2, 0.1, 0.05]):
        fail("self-test: the log-step check fails one step a decade or 1-2-5")
    script = os.path.join(tmp, "review7", "sweep", "sweep-activation-derivative.gp")
    if not os.path.exists(script):
        fail("log steps: no %s" % script)
        return
    text = open(script, encoding="utf-8").read()
    num = r"([0-9][0-9.e+-]*)"
    probe = re.sub(r"set ytics add \(%s\)" % num, r"set ytics add (\1); print 'LABEL \1'", text)
    probe = re.sub(r"set ytics \(%s\)\n" % num, r"set ytics (\1); print 'LABEL \1'\n", probe)
    if probe.count("LABEL") < 3 or "if (narrow" not in text:
        fail("log steps: %s: no narrow log axis to check" % script)
        return
    copy = os.path.join(tmp, "s2-" + os.path.basename(script))
    open(copy, "w", encoding="utf-8").write(probe)
    for fmt in ("png", "svg", "pdf"):
        rc, err = render(copy, fmt, copy[:-3] + "." + fmt)
        labels = [float(v) for v in re.findall(r"^LABEL (\S+)$", err, re.M)]
        for p in ([err] if rc else log_step_problems(labels)):
            fail("log steps: %s (%s): %s" % (script, fmt, p))


def unnumbered_tick_problems(err):
    """From gnuplot's `show y2tics` before each plot: a right axis whose
    numbers are left out (format "") draws no ticks either."""
    blocks = err.split("y2-axis tics are")[1:]
    bare = [b for b in blocks if 'format ""' in b]
    if not bare:
        return ["no right axis without numbers"]
    return ["unnumbered right axis with ticks: %s" % b.split("\n")[0].strip()
            for b in bare if "major ticscale is 0 " not in b]


def check_unnumbered_ticks(scripts, tmp):
    """Figure review 8, S9: fig3 side by side at 3.5 in shares the right
    panel's density scale in the left panel, whose right axis had ticks
    without numbers; as gnuplot sets it before each plot, an axis without
    numbers has no ticks. Self-test: the script without `scale 0` fails."""
    if not scripts:
        fail("unnumbered ticks: no fig3 at 3.5 in to check")
    for script in scripts:
        text = open(script, encoding="utf-8").read()
        probe = re.sub(r"^plot ", "show y2tics\nplot ", text, flags=re.M)
        for name, body, want in (("s9-new", probe, False),
                                 ("s9-old", probe.replace("; set y2tics scale 0;", ";"), True)):
            copy = os.path.join(tmp, name + ".gp")
            open(copy, "w", encoding="utf-8").write(body)
            rc, err = render(copy, "png", copy[:-3] + ".png")
            problems = [err] if rc else unnumbered_tick_problems(err)
            if want and not problems:
                fail("self-test: the unnumbered-tick check passes the left panel's ticks")
            elif not want:
                for p in problems:
                    fail("unnumbered ticks: %s: %s" % (script, p))


def colour_mask(path, colour):
    """Rows of booleans: the pixels within 120 (summed over r, g, b) of colour."""
    w, h, rows = read_png(path, rgb=True)
    c = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return [[sum(abs(p[k] - c[k]) for k in range(3)) < 120 for p in r] for r in rows]


def dash_period(mask):
    """The median on + off length (px) along the row with most of the colour."""
    row = max(mask, key=sum)
    runs, cur, val = [], 0, row[0]
    for v in row + [not row[-1]]:
        if v == val:
            cur += 1
        else:
            runs.append((val, cur))
            cur, val = 1, v
    runs = runs[1:-1]
    periods = sorted(a[1] + b[1] for a, b in zip(runs, runs[1:]) if a[0])
    return periods[len(periods) // 2] if periods else 0


def marker_height(mask):
    """The tallest run of the colour down a column in the upper 45 % of the
    image (the plot, not the legend: the plot keeps at least half the
    height, and with the sweep's settings said below it the legend rose
    into the upper 60 %, where a 14 px stretch of the steep curve passed
    the broken SVG's 11 px discs): a marker's diameter."""
    h, w = len(mask), len(mask[0])
    best = 0
    for x in range(w):
        run = 0
        for y in range(int(0.45 * h)):
            run = run + 1 if mask[y][x] else 0
            best = max(best, run)
    return best


def styling_problems(script, tmp):
    """Dashes within 20 % of the PNG's, markers within 12 % (review 12: the
    SVG's were 1.2 to 1.3 times the PNG's, which 20 % let pass)."""
    png, svg, pdf = rasterise(script, tmp)
    out = []
    for what, colour, measure, slack in (("scaled's dash period", "#D55E00", dash_period, 0.2),
                                         ("standard's disc", "#0072B2", marker_height, 0.12)):
        ref = measure(colour_mask(png, colour))
        for fmt, path in (("svg", svg), ("pdf", pdf)):
            got = measure(colour_mask(path, colour))
            if not ref or abs(got - ref) > slack * ref:
                out.append("%s: %s %d px, PNG %d" % (fmt, what, got, ref))
    return out


def check_svg_styling(tmp):
    """Figure review 8, S5: the SVG's markers were 2/3 of the PNG's and its
    (and the PDF's) dashes half as long; on review 7's n_in sweep at 3.5 in,
    rasterised at the PNG's size, scaled's dash period and standard's disc
    are within 20 % of the PNG's in SVG and PDF. Self-test: the script with
    the old point unit and dash length fails."""
    script = os.path.join(tmp, "review7", "sweep", "sweep-activation-derivative.gp")
    if not os.path.exists(script):
        fail("styling: no %s" % script)
        return
    text = open(script, encoding="utf-8").read()
    old = os.path.join(tmp, "s5-old", os.path.basename(script))
    os.makedirs(os.path.dirname(old), exist_ok=True)
    now = "pointscale = (format eq 'svg') ? 0.378 * svg_vchar : scale * ((format eq 'pdf')"
    if now not in text:
        fail("self-test: no svg point scale in %s" % script)
    open(old, "w", encoding="utf-8").write(
        text.replace(" dashlength 2", "").replace(
            now, "pointscale = scale * ((format eq 'svg') ? 60. / dpi : (format eq 'pdf')"))
    if len(styling_problems(old, os.path.dirname(old))) < 3:
        fail("self-test: the styling check passes the old svg markers and dashes")
    # review 12's svg markers (0.45 * svg_vchar)
    old12 = os.path.join(tmp, "s5-old12", os.path.basename(script))
    os.makedirs(os.path.dirname(old12), exist_ok=True)
    open(old12, "w", encoding="utf-8").write(text.replace(now, now.replace("0.378", "0.45")))
    if not any(p.startswith("svg: standard's disc")
               for p in styling_problems(old12, os.path.dirname(old12))):
        fail("self-test: the styling check passes review 12's svg markers")
    for p in styling_problems(script, tmp):
        fail("styling: %s: %s" % (script, p))

def bar_seams(png, colour):
    """Pixels lighter than the bars between two pixels of the bars' colour
    along a row: the seams pngcairo's anti-aliasing left where two filled
    bars meet."""
    c = png_array(png)
    rgb = numpy.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
    bar = numpy.abs(c - rgb).sum(axis=2) < 40
    light = c.sum(axis=2) > rgb.sum() + 60
    return int((light[:, 1:-1] & bar[:, :-2] & bar[:, 2:]).sum())


def check_bar_seams(scripts, tmp):
    """Figure review 9, S7: deep-density's histogram bars, filled without a
    border, had light 1-px seams between them in the PNG (5290 pixels in
    the gallery's deep-sigmoid standard panels; the PDF none); bordered in
    their colour, none.  Self-test: the script with the bars unbordered."""
    if not scripts:
        fail("bar seams: no deep-density script")
    bordered = "linewidth 1 fillstyle solid 1.0 border linetype 1 notitle"
    for i, script in enumerate(scripts):
        text = open(script, encoding="utf-8").read()
        colour = re.search(r"^set linetype 1 linecolor rgb '(#[0-9A-Fa-f]{6})'", text, re.M)
        if bordered not in text or not colour:
            fail("bar seams: %s: no bordered bars or no colour of theirs" % script)
            continue
        cases = [(text, False)] + ([(text.replace(bordered, "fillstyle solid 1.0 noborder notitle"),
                                     True)] if i == 0 else [])
        for j, (body, unbordered) in enumerate(cases):
            gp = os.path.join(tmp, "seams-%d-%d.gp" % (i, j))
            open(gp, "w", encoding="utf-8").write(body)
            rc, err = render(gp, "png", gp[:-3] + ".png")
            if rc != 0:
                fail("bar seams: %s: gnuplot: %s" % (script, err[:200]))
                continue
            n = bar_seams(gp[:-3] + ".png", colour.group(1))
            if unbordered and n == 0:
                fail("self-test: the seam check finds none between unbordered bars (%s)" % script)
            if not unbordered and n > 0:
                fail("bar seams: %s: %d light pixels between bars" % (script, n))


# ---- SVG text beyond the canvas (figure review 8, MUST 1) ----------------------
# deep-activations' SVG at 1280 x 800: gnuplot's svg terminal put the legend's
# second column where its own estimate of the first column's text ended
# (about 1.4 times the text drawn), and "a point mass, or every unit in one
# bin" ran 18 px off the right edge; at 3.5 in two rows were lost that way.

SVG_DRAWN = re.compile(r"<(?:path|polygon|polyline|line|use|circle|rect|image)\b[^>]*?/>", re.S)
SVG_SIZE = re.compile(r'(<svg\b[^>]*?)width="([\d.]+)" height="([\d.]+)"\s*viewBox="[-\d. ]+"', re.S)


def svg_text_off_canvas(svg, tmp, tag):
    """[(edge, pixels)]: the ink of an SVG's text beyond its canvas's right,
    left or bottom edge.  The SVG with its text alone (every path, polygon,
    point and rectangle taken out) is rasterised by librsvg, as a reader's
    viewer draws it, over a strip a quarter of the canvas wide beyond each
    edge, at the scale of the canvas 1050 px wide (the review's): a glyph
    there is text the canvas cuts."""
    m = SVG_SIZE.search(svg)
    if not m:
        return [("no width, height and viewBox", 0)]
    w, h = float(m.group(2)), float(m.group(3))
    text_only = SVG_DRAWN.sub("", svg)
    scale = 1050.0 / w
    found = []
    for edge, box in (("right", (w, 0, w / 4, h)), ("left", (-w / 4, 0, w / 4, h)),
                      ("bottom", (0, h, w, h / 4))):
        view = '%swidth="%g" height="%g" viewBox="%g %g %g %g"' % ((m.group(1), box[2], box[3]) + box)
        strip = os.path.join(tmp, "offcanvas-%s-%s" % (tag, edge))
        open(strip + ".svg", "w", encoding="utf-8").write(
            text_only[:m.start()] + view + text_only[m.end():])
        rc, _, err = run(["rsvg-convert", "-w", str(max(1, int(round(box[2] * scale)))), "-b",
                          "white", "-o", strip + ".png", strip + ".svg"])
        if rc != 0:
            found.append(("%s: rsvg-convert: %s" % (edge, err.strip()), 0))
            continue
        _, _, rows = read_png(strip + ".png")
        ink = sum(1 for r in rows for g in r if g < 128)
        if ink:
            found.append((edge, ink))
    return found


def check_svg_text_on_canvas(scripts, tmp):
    """Every deep figure's SVG (gnuplot -e format='svg', as a user renders
    it) keeps its text, the legend's rows among it, on its canvas.  First
    shown to fail on a legend row that runs off the right edge, and to
    pass that row moved left."""
    row = ('<?xml version="1.0"?>\n<svg \n width="400" height="200"\n viewBox="0 0 400 200"\n'
           ' xmlns="http://www.w3.org/2000/svg">\n<rect x="0" y="0" width="400" height="200" '
           'fill="white"/>\n<polygon points="390,10 420,10 420,20 390,20"/>\n'
           '<g transform="translate(%d,150)" font-family="DejaVu Sans" font-size="16" '
           'text-anchor="start"><text><tspan>a point mass, or every unit in one bin</tspan>'
           '</text></g>\n</svg>\n')
    if not any(e == "right" for e, _ in svg_text_off_canvas(row % 250, tmp, "self-cut")):
        fail("self-test: the svg text check misses a legend row running off the right edge")
    if svg_text_off_canvas(row % 20, tmp, "self-kept"):
        fail("self-test: the svg text check fails a legend row on the canvas (or a drawn "
             "polygon off it)")
    if not scripts:
        fail("svg text on canvas: no deep script to check")
    for i, script in enumerate(scripts):
        out = os.path.join(tmp, "oncanvas-%d.svg" % i)
        rc, err = render(script, "svg", out)
        if rc != 0:
            fail("svg text on canvas: %s: %s" % (script, err))
            continue
        for edge, ink in svg_text_off_canvas(open(out, encoding="utf-8").read(), tmp, str(i)):
            fail("svg text on canvas: %s: text beyond the %s edge (%d px of ink)"
                 % (script, edge, ink))



def preset_notation_problems(text):
    """deep-activations' sd and tick labels in one form (review 8 S8: "sd
    2086" beside "sd 290" and "sd 1.5×10^{4}", ticks "0.0001" beside
    "1×10^{−5}"): every sd to two significant digits, and every number
    from 10^3 up or under 10^{-3} a power of ten."""
    problems = []
    sds = re.findall(r"set label 1 'sd ([^']*)'", text)
    # (tick labels: plain numbers times an axis's factor, preset_ticks_problems)
    for lab in sds:
        plain = lab.replace("−", "-")
        if "×10^{" in plain:
            continue
        try:
            v = abs(float(plain))
        except ValueError:
            problems.append("label %r is no number" % lab)
            continue
        if v >= 1000 or 0 < v < 0.001:
            problems.append("%r written out, not as a power of ten" % lab)
    for sd in sds:
        mant = re.sub(r"×10\^\{.*", "", sd).replace("−", "")
        # (a whole number from 10 to 999, "40" or "290", is two digits
        # and the zeros of its place; under 10 it is one: "5")
        digits = mant.replace(".", "").lstrip("0") if "." in mant else mant[:2]
        if len(digits) != 2:
            problems.append("sd %r not to two significant digits" % sd)
    return problems


def row_notation_problems(text):
    """deep-activations: along a row of panels (a scheme) an axis's tick
    labels below 1 are all powers of ten or none ("0.05", "0.005", "0.001",
    "1×10^{−4}" along a row: figure review 15, S5.4); "0", whole numbers
    and unlabelled ticks aside; and no power of ten for a number from 1 to
    999 ("5×10^{0}", "4×10^{1}": figure review 17, S8)."""
    rows = {}
    plain = []
    scheme = None
    for ln in text.splitlines():
        m = re.match(r"# (\S+), layer \d+$", ln)
        if m:
            scheme = m.group(1)
            continue
        m = re.match(r"set ([xy])tics \((.*)\)$", ln)
        if m and scheme:
            for lab in re.findall(r"'([^']*)' \S+", m.group(2)):
                small = re.match(r"[0-9.]+×10\^\{[012]\}$", lab)
                if small:
                    plain.append("%s's %s tick '%s'" % (scheme, m.group(1), lab))
                if lab not in ("", "0") and not re.match(r"−?[1-9][0-9]*$", lab):
                    rows.setdefault((scheme, m.group(1)), set()).add("10^{" in lab)
    return ["%s's %s ticks mix powers of ten and decimals" % key
            for key, kinds in sorted(rows.items()) if len(kinds) > 1] + \
        ["%s: a power of ten for a whole number under 1000" % p for p in plain]


def check_preset_notation(scripts):
    bad = "set label 1 'sd 2086' at graph 0.97\nset label 1 'sd 5' at graph 0.97\n" \
          "set label 1 'sd 0.0001' at graph 0.97\n"
    good = "set label 1 'sd 2.1×10^{3}' at graph 0.97\nset label 1 'sd 0.20' at graph 0.9\n" \
           "set xtics ('0' 0, '' 5e-05, '1×10^{−4}' 0.0001)\n"
    if len(preset_notation_problems(bad)) != 4 or preset_notation_problems(good):
        fail("self-test: the preset notation check: %s / %s"
             % (preset_notation_problems(bad), preset_notation_problems(good)))
    mixed = "# normal:1, layer 1\nset ytics ('0' 0, '0.05' 0.05)\n# normal:1, layer 4\n" \
            "set ytics ('0' 0, '1×10^{−4}' 0.0001)\n"
    if not row_notation_problems(mixed) or row_notation_problems(mixed.replace("'0.05'", "'5×10^{−2}'")):
        fail("self-test: the row notation check")
    wordy = "# normal:1, layer 1\nset xtics ('0' 0, '4×10^{1}' 40)\n"
    if not row_notation_problems(wordy) or row_notation_problems(wordy.replace("'4×10^{1}'", "'40'")):
        fail("self-test: the row notation check passes '4×10^{1}' or fails '40'")
    if not scripts:
        fail("preset notation: no deep-activations script")
    for script in scripts:
        text = open(script, encoding="utf-8").read()
        for p in (preset_notation_problems(text) + row_notation_problems(text))[:3]:
            fail("preset notation: %s: %s" % (script, p))


# ---- open marks as large as filled ones (figure review 16, S1) ----------------


def mark_sizes(script, tmp, filled, opened, extra=""):
    """The ink boxes (width, height in pixels) of a filled mark of point type
    `filled` at lt_pointsize and an open one of type `opened` drawn as
    satstat__open_mark draws it, side by side in the script's own set-up (its
    prologue, up to the multiplot), in the PNG, the SVG and the PDF, the latter
    two rasterised at the PNG's size; `extra`: gnuplot lines after the
    prologue."""
    text = open(script, encoding="utf-8").read()
    probe = os.path.join(tmp, "marks.gp")
    with open(probe, "w", encoding="utf-8") as f:
        f.write(text[:text.index("\nset multiplot")] + "\n" + extra + "\n"
                "set multiplot\nunset border\nunset tics\nunset key\nunset grid\n"
                "set xrange [0:3]\nset yrange [0:1]\n"
                "plot '+' using (1):(0.5) every ::0::0 with points linetype 1 pointtype %d "
                "pointsize lt_pointsize notitle, \\\n"
                "     '+' using (2):(0.5) every ::0::0 with points linetype 1 pointtype %d "
                "pointsize lt_pointsize * open_size linewidth open_lw notitle\nunset multiplot\n"
                % (filled, opened))
    pngs = rasterise(probe, tmp)
    sizes = []
    for png in pngs:
        ink = 255 - numpy.asarray(Image.open(png).convert("L")).astype(int)
        w = ink.shape[1]
        boxes = []
        for half in (ink[:, :w // 2], ink[:, w // 2:]):
            ys, xs = numpy.nonzero(half > 60)
            boxes.append((int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)))
        sizes.append(boxes)
    return sizes


def check_open_marks(scripts, tmp):
    """An open mark (a sampled 0) as large as the filled marks, within a
    pixel, in every format: at 3.5 in the cairo terminals drew an open
    square 15 px against the filled 17, and the SVG's was 0.91 of that
    (figure review 16, S1); at the old factors the check sees it."""
    if not scripts:
        fail("open marks: no script to check")
    for script in scripts:
        for filled, opened in ((5, 4), (7, 6)):
            for fmt, (f, o) in zip(("png", "svg", "pdf"), mark_sizes(script, tmp, filled, opened)):
                if abs(f[0] - o[0]) > 1 or abs(f[1] - o[1]) > 1:
                    fail("open marks: %s (%s): open %d %dx%d, filled %d %dx%d"
                         % (script, fmt, opened, o[0], o[1], filled, f[0], f[1]))
        old = mark_sizes(script, tmp, 5, 4, "open_size = (format eq 'svg') ? 0.91 : 1")
        if all(abs(f[0] - o[0]) <= 1 for f, o in old):
            fail("self-test: the open marks check at the old sizes: %s" % old)


# ---- a legend below no taller than the plot (figure review 16, S8) -------------


def box_and_legend(script, tmp, height=None):
    """The plot's box (top - bottom) and the legend below it (legend_height),
    in pixels, as gnuplot evaluates the script (at `height` pixels when
    given: the canvas as asked, not as grown)."""
    text = open(script, encoding="utf-8").read()
    probe = os.path.join(tmp, "probe-" + os.path.basename(script))
    with open(probe, "w", encoding="utf-8") as f:
        f.write(text + "\nprint sprintf('BOXLEGEND %g %g', (top - bottom) * height, legend_height * height)\n")
    pre = "format='png'; output='%s'" % os.path.join(tmp, "probe.png")
    if height:
        pre += "; height = %d" % height
    rc, _, err = run(["gnuplot", "-e", pre, probe], cwd=tmp)
    m = re.search(r"BOXLEGEND (\S+) (\S+)", err)
    return (float(m.group(1)), float(m.group(2))) if rc == 0 and m else None


def check_legend_room(scripts, tmp):
    """At 3.5 x 2.4 in deep-cmap's seven legend rows below the plots took
    more height than the plots, deep-correlation's six as much (figure
    review 16, S8), fig3's and the sweeps' 70 % and 66 % of the figure
    (review 17, S10): the canvas grows until the box is at least the
    legend's height; at the 720 px asked (the old canvas) the check sees
    the legend taller.  (deep-cmap's legend once had to fit the canvas
    asked, at most 0.85 of the plots' height, review 17, S7; its sampled
    points keyed a row a scheme, review 20, S4, it grows like the others,
    to 2.52 in.)"""
    if len(scripts) < 2:
        fail("legend room: fewer than two figures at 3.5 in made: %s" % scripts)
    for script in scripts:
        got = box_and_legend(script, tmp)
        if got is None or got[1] <= 0 or got[0] < got[1]:
            fail("legend room: %s: box and legend below %s px" % (script, got))
        old = box_and_legend(script, tmp, 720)
        if "taller than the" in open(script, encoding="utf-8").read() and (
                old is None or (old[0] >= old[1] and old[0] >= 0.5 * 720)):
            # (a figure grown for its legend, at 720 px its box under the
            # legend's height or under half the canvas, the rule of figure
            # review 18, S4; one that fits 720 px is not grown)
            fail("self-test: the legend room check at 720 px: %s" % (old,))


# ---- the numbers below a small plot (figure review 17, S6) -----------------------

def below_rows(text):
    """The rows of a script's legend below the plot (the legend_below
    branch's titles)."""
    return [t.replace("''", "'") for t in re.findall(r"legend_col(?: && \([^)]*\))? \? '((?:[^']|'')*)' : ''\)", text)]


def below_numbers_problems(name, text):
    """A small figure's legend below the plot keeps the numbers the large
    one shows in its column: at 3.5 in fig2 and fig4 had no P(|z| ≥ 4),
    deep-jacobian no m₁, m₂, deep-phase (without its q* map) no q*
    (figure review 17, S6)."""
    rows = below_rows(text)
    if not rows:
        return ["no legend below the plot"]
    if re.search(r"fig[24]-", name):
        want, what = (lambda t: "P(" in t), "P(|z| ≥ T)"
    elif "deep-jacobian" in name:
        # (named "mean s², s⁴" below the plot since figure review 18, S4)
        want, what = (lambda t: "m_{1}" in t or "mean s²" in t), "m_1, m_2"
    elif "deep-phase" in name and "and q*" not in text:
        want, what = (lambda t: "q*" in t), "the schemes' q*"
    else:
        return []
    return [] if any(want(t) for t in rows) else ["%s nowhere below the plot" % what]


def check_below_numbers(scripts):
    if len(scripts) < 4:
        fail("numbers below: fig2, fig4, deep-jacobian, deep-phase at 3.5 in not made: %s" % scripts)
    for script in scripts:
        problems = below_numbers_problems(os.path.basename(script), open(script, encoding="utf-8").read())
        if problems:
            fail("numbers below: %s: %s" % (script, "; ".join(problems)))


# ---- deep-phase's two maps across the width (figure review 16, S10) -----------

# The least width of each of deep-phase's two maps at 1280 x 800, in pixels:
# beside a legend column they were 275 px, 270 x 440 px of it empty.
PHASE_MAP_MIN_PX = 350


def panel_size(script, tmp):
    """A grid figure's panel width and height in pixels, its panels' count
    and the dpi, as gnuplot evaluates the layout (deep-phase's maps,
    deep-activations' histograms)."""
    text = open(script, encoding="utf-8").read()
    probe = os.path.join(tmp, "probe-" + os.path.basename(script))
    with open(probe, "w", encoding="utf-8") as f:
        f.write(text + "\nprint sprintf('MAPW %g %g %d %g', panel_w * width, panel_h * height, "
                "grid_cols * grid_rows, dpi)\n")
    rc, _, err = run(["gnuplot", "-e", "format='png'; output='%s'" % os.path.join(tmp, "probe.png"),
                      probe], cwd=tmp)
    m = re.search(r"MAPW (\S+) (\S+) (\S+) (\S+)", err)
    return tuple(float(x) for x in m.groups()) if rc == 0 and m else None


# The least height of each of deep-phase's maps at 3.5 in (stacked there):
# the χ₁ map alone was 0.94 in, and q*'s was left out (figure review 17, S6).
PHASE_MAP_MIN_IN = 0.8


def check_phase_width(scripts, small, tmp):
    if not scripts:
        fail("phase width: no deep-phase script at 1280 x 800")
    for script in scripts:
        m = panel_size(script, tmp)
        if m is None or m[0] < PHASE_MAP_MIN_PX or m[2] != 2:
            fail("phase width: %s: each map %s px wide (width, height, maps, dpi)" % (script, m))
    if not small:
        fail("phase maps: no deep-phase script at 3.5 in")
    for script in small:
        m = panel_size(script, tmp)
        if m is None or m[2] != 2 or m[1] < PHASE_MAP_MIN_IN * m[3]:
            fail("phase maps: %s: not two maps %g in high (width, height, maps, dpi: %s)"
                 % (script, PHASE_MAP_MIN_IN, m))


# The least width of a deep-activations panel at 1280 x 800, in pixels: five
# layers of four schemes were twenty panels 115 px wide, thumbnails on a
# slide (figure review 17, S9).
ACTIVATION_PANEL_MIN_PX = 200


def check_activation_panels(scripts, tmp):
    if not scripts:
        fail("activation panels: no deep-activations script at 1280 x 800")
    for script in scripts:
        m = panel_size(script, tmp)
        if m is None or m[0] < ACTIVATION_PANEL_MIN_PX:
            fail("activation panels: %s: panels %s px wide (width, height, panels, dpi)" % (script, m))


# ---- a title clear of the canvas's edges (figure review 16, S7) ---------------

# The least room (share of the width) between a multiplot title's ink and
# either edge of the canvas: deep-activations-tanh's at 3.5 in, shrunk to
# 0.97 of the width, ended 11 px (1.0 %) from it.
TITLE_EDGE_SHARE = 0.018


def title_edge_room(png):
    """The title's least distance to the left or right edge, as a share of
    the width: the ink of the rows above the first row of the plots (the
    first run of dark rows)."""
    a = numpy.asarray(Image.open(png).convert("L"))
    rows = (a < 128).any(axis=1)
    top = int(numpy.argmax(rows))
    end = top
    while end < len(rows) and rows[end]:
        end += 1
    cols = numpy.nonzero((a[top:end] < 128).any(axis=0))[0]
    return min(cols[0], a.shape[1] - 1 - cols[-1]) / a.shape[1]


def check_title_room(scripts, tmp):
    if not scripts:
        fail("title room: no script to check")
    for script in scripts:
        png = os.path.join(tmp, "title.png")
        rc, err = render(script, "png", png)
        if rc:
            fail("title room: %s: %s" % (script, err))
            continue
        room = title_edge_room(png)
        if room < TITLE_EDGE_SHARE:
            fail("title room: %s: the title %.1f %% of the width from the edge"
                 % (script, 100 * room))
        # (the title drawn at 0.97 of the width, as before: too near)
        broken = script[:-3] + "-title97.gp"
        with open(broken, "w", encoding="utf-8") as f:
            f.write(open(script, encoding="utf-8").read().replace("title_room = 0.94", "title_room = 0.97"))
        rc, err = render(broken, "png", png)
        os.remove(broken)
        if not rc and "tanh" in script and title_edge_room(png) >= TITLE_EDGE_SHARE:
            fail("self-test: the title room check: %s at 0.97" % script)


# ---- P(0) clear of the bars (figure review 16, S6) ------------------------------

# The least distance (pixels, at 1280 x 800) between the "P(0) = ..." line
# and a bar of its panel: 3 px before the fix, its "P" read as touching.
P0_MIN_GAP = 5


def p0_bar_gap(script, tmp):
    """The least distance in pixels between a P(0) label of a deep-activations
    script's PNG and the bars: the labels drawn magenta to be found, the
    bars the fill colours of 2000 pixels or more."""
    text = re.sub(r"(set label 2 'P\(0\)[^\n]*front)", r"\1 textcolor rgb '#ff00ff'",
                  open(script, encoding="utf-8").read())
    gp, png = os.path.join(tmp, "p0.gp"), os.path.join(tmp, "p0.png")
    with open(gp, "w", encoding="utf-8") as f:
        f.write(text)
    rc, _, err = run(["gnuplot", "-e", "format='png'; output='%s'" % png, gp],
                     cwd=os.path.dirname(script))
    if rc:
        fail("P(0) room: %s: %s" % (script, err))
        return None
    a = numpy.asarray(Image.open(png).convert("RGB")).astype(int)
    magenta = lambda c: (c[..., 0] > 180) & (c[..., 1] < 120) & (c[..., 2] > 180)
    label = magenta(a)
    spread = a.max(axis=2) - a.min(axis=2)
    colours, counts = numpy.unique(a[spread > 60].reshape(-1, 3), axis=0, return_counts=True)
    bars = numpy.zeros(label.shape, bool)
    for c, n in zip(colours, counts):
        if n >= 2000 and not magenta(c[None, :])[0]:
            bars |= (a == c).all(axis=2)
    ys, xs = numpy.nonzero(bars)
    if not len(ys) or not label.any():
        return None
    return min(numpy.hypot(ys - y, xs - x).min() for y, x in zip(*numpy.nonzero(label)))


def check_p0_room(scripts, tmp):
    """At 1280 x 800 the narrow panels' "P(0) = 0.50" reached over relu's
    first bars (figure review 16, S6): each P(0) line at least P0_MIN_GAP
    pixels from every bar; and without the stats block that lowers the bars
    under it, the check sees them touch."""
    if not scripts:
        fail("P(0) room: no deep-activations-relu script at 1280 x 800")
    for script in scripts:
        gap = p0_bar_gap(script, tmp)
        if gap is None or gap < P0_MIN_GAP:
            fail("P(0) room: %s: the P(0) line %s px from a bar" % (script, gap))
        broken = os.path.join(os.path.dirname(script), "p0-broken.gp")
        with open(broken, "w", encoding="utf-8") as f:
            # (and the panels as narrow as five a row: the three of figure
            # review 17 S9, 270 px wide, leave the line clear of the bars
            # even without the room)
            f.write(re.sub(r"\nstats \$h.*?\n}\n", "\n",
                           re.sub(r"^grid_cols = \d+", "grid_cols = 5",
                                  open(script, encoding="utf-8").read(), flags=re.M), flags=re.S))
        gap = p0_bar_gap(broken, tmp)
        os.remove(broken)
        if gap is None or gap >= P0_MIN_GAP:
            fail("self-test: the P(0) room check: %s px without the room" % gap)


# ---- marks off the axes (figure reviews 9 S2, 11; task F8) ---------------------


def ink_across_axis(png, black_only):
    """Columns of the plot where ink runs unbroken from 5 px above the x
    axis to 5 px below it: a mark straddling the axis (its sides cross
    it), where ticks (out) lie below it only and marks or curves that
    stand clear of it above only.  black_only: over a coloured map, whose
    cells reach the axis, only black counts (the marks' outlines).  The
    axis: the lowest row mostly black; its extent: the runs of it of a
    tenth of the width or more (a colour bar's edge beside it left out)."""
    w, h, rows = read_png(png, rgb=True)
    black = [[max(p) < 90 for p in r] for r in rows]
    ink = black if black_only else [[min(p) < 200 for p in r] for r in rows]
    counts = [sum(r) for r in black]
    axis = max((y for y in range(h // 3, h - 6) if counts[y] >= 0.4 * w), default=None)
    if axis is None:
        return ["no x axis found"]
    runs, start, last = [], None, None
    for x in range(w):
        if black[axis][x] or black[axis - 1][x]:
            if start is None or x - last > 6:
                if start is not None:
                    runs.append((start, last))
                start = x
            last = x
    if start is not None:
        runs.append((start, last))
    long_runs = [r for r in runs if r[1] - r[0] >= 0.1 * w]
    if not long_runs:
        return ["no x axis found"]
    x0, x1 = min(r[0] for r in long_runs), max(r[1] for r in long_runs)
    cross = [x for x in range(x0 + 6, x1 - 5)
             if all(ink[y][x] for y in range(axis - 5, axis + 6))]
    return ["ink across the x axis (row %d) in columns %s" % (axis, cross)] if cross else []


def check_marks_off_axes(tmp):
    """A sweep's open marks for a sampled 0 clear of the bottom spine (they
    straddled it, the bar's stem through them: review 11), in the PNG, the
    SVG and the PDF at 3.5 in.  (deep-phase-xi's scheme marks were checked
    here too, kept off the x axis by a range widened below σ_b² = 0 at
    3.5 in only, a grey band and key row the 1280 x 800 figure had not:
    the maps start at σ_b² = 0 at every size now (figure review 17, S4),
    and a mark at σ_b² = 0.05 stands on the axis at 3.5 in.)"""
    made = os.path.join(tmp, "marks-off-axes")
    paper = ["--plot-size", "3.5x2.4in", "--dpi", "300", "--font-size", "8", "--render", "none",
             "--quiet"]
    jobs = [(["sweep", "--vary", "threshold=1:6:6", "--samples", "2000", "--scheme",
              "scaled,normal:0.01", "--plots", made + "/sweep"] + paper,
             "sweep/sweep-saturated-fraction.gp", False)]
    for args, script, black_only in jobs:
        rc, _, err = run([EXE] + args)
        if rc not in (0, 1):
            fail("marks off axes: satstat %s: exit %d: %s" % (" ".join(args), rc, err))
            continue
        for png in rasterise(os.path.join(made, script), tmp):
            for problem in ink_across_axis(png, black_only):
                fail("marks off axes: %s: %s" % (os.path.basename(png), problem))


# ---- deep-activations' ticks: plain numbers, a factor at the axis's end -------
# (figure review 18, S2; review 17, S8)


def preset_ticks_problems(text):
    """deep-activations: every tick label a plain number of at most four
    characters, no power of ten ("4×10^{−1}" for 0.4, "2×10^{3}" with one
    labelled tick an axis read as a fault on a slide); an x axis with at
    least two labelled ticks past the first (a scale length); and where an
    axis's numbers are scaled, the factor ("×10^{4}") written once in its
    panel (label 4 for x, 5 for y); the y factor over its own panel's
    frame, left-aligned at its axis (right-aligned left of the axis it
    stood in the gutter by the row before's x factor: figure review 19,
    S2); and one notation a row: no plain "1000" on an axis whose
    neighbours in the row write a factor."""
    problems = []
    panel = None
    rows = {}  # (scheme, axis) -> [(panel, factored, largest plain label)]
    for ln in text.splitlines() + ["# end, layer 0"]:
        m = re.match(r"# (\S+), layer (\d+)$", ln)
        if m:
            if panel and panel["ticks"]:
                for axis, labels, values in panel["ticks"]:
                    plain = [abs(float(lab.replace("−", "-"))) for lab in labels if re.match(r"^−?[0-9.]+$", lab)]
                    rows.setdefault((panel["scheme"], axis), []).append(
                        (panel["name"], axis in panel["factor"], max(plain, default=0)))
                for axis, labels, values in panel["ticks"]:
                    shown = [(lab, v) for lab, v in zip(labels, values) if lab and v != 0]
                    if axis == "x" and len(shown) < 2:
                        problems.append("%s: x ticks %s: under two labelled past 0" % (panel["name"], labels))
                    scaled = any(abs(float(lab.replace("−", "-")) - v) > 1e-9 * max(1, abs(v))
                                 for lab, v in shown if re.match(r"^−?[0-9.]+$", lab))
                    factor = panel["factor"].get(axis)
                    if scaled and not factor:
                        problems.append("%s: %s ticks scaled with no factor" % (panel["name"], axis))
                    if factor and not scaled:
                        problems.append("%s: %s factor %s on unscaled ticks" % (panel["name"], axis, factor))
            panel = {"name": "%s layer %s" % m.groups(), "scheme": m.group(1), "ticks": [], "factor": {}}
            continue
        if panel is None:
            continue
        m = re.match(r"set ([xy])tics \((.*)\)$", ln)
        if m:
            pairs = re.findall(r"'([^']*)' (\S+?)(?:,|$)", m.group(2))
            labels = [lab for lab, _ in pairs]
            for lab in labels:
                if "10^{" in lab or len(lab) > 4 or (lab and not re.match(r"^−?[0-9.]+$", lab)):
                    problems.append("%s: %s tick label %r is no plain short number"
                                    % (panel["name"], m.group(1), lab))
            panel["ticks"].append((m.group(1), labels, [float(v) for _, v in pairs]))
            continue
        m = re.match(r"set label ([45]) '(×10\^\{[^']*\})'", ln)
        if m:
            panel["factor"]["x" if m.group(1) == "4" else "y"] = m.group(2)
            if m.group(1) == "5" and not re.search(r"at graph 0, graph 1 left offset [0-9.]+, [0-9.]+ ", ln):
                problems.append("%s: y factor not over its own frame at the axis" % panel["name"])
    for (scheme, axis), panels in sorted(rows.items()):
        if any(f for _, f, _ in panels):
            problems += ["%s: plain %s tick %g in a row of factored %s axes" % (name, axis, big, axis)
                         for name, f, big in panels if not f and big >= 1000]
    return problems


def check_preset_ticks(scripts):
    old = ("# normal:0.01, layer 1\nset xtics ('0' 0, '' 0.2, '4×10^{−1}' 0.4)\n"
           "set ytics ('0' 0, '5' 5)\n")
    new = ("# normal:0.01, layer 1\nset xtics ('0' 0, '0.2' 0.2, '0.4' 0.4)\n"
           "set ytics ('0' 0, '5' 5)\n# normal:1, layer 5\nset xtics ('0' 0, '5' 50000, '10' 100000)\n"
           "set label 4 '×10^{4}' at graph 1, graph 0 right offset 0, -1.4 front\n"
           "set ytics ('0' 0, '2' 2e-05)\n"
           "set label 5 '×10^{−5}' at graph 0, graph 1 left offset 0.3, 0.45 font smallfont front\n")
    row = ("# normal:0.01, layer 3\nset ytics ('0' 0, '1000' 1000)\n"
           "# normal:0.01, layer 5\nset ytics ('0' 0, '2' 200000)\n"
           "set label 5 '×10^{5}' at graph 0, graph 1 left offset 0.3, 0.45 font smallfont front\n")
    if len(preset_ticks_problems(old)) != 2 or preset_ticks_problems(new) \
            or not preset_ticks_problems(new.replace("set label 4", "unset label 4 #")) \
            or len(preset_ticks_problems(row)) != 1 or len(preset_ticks_problems(
                row.replace("left offset 0.3, 0.45", "right offset -0.8, 0.6"))) != 2:
        fail("self-test: the preset ticks check: %s / %s"
             % (preset_ticks_problems(old), preset_ticks_problems(new)))
    if not scripts:
        fail("preset ticks: no deep-activations script")
    for script in scripts:
        for p in preset_ticks_problems(open(script, encoding="utf-8").read())[:4]:
            fail("preset ticks: %s: %s" % (script, p))


# ---- deep-variance, -saturation, -gradient: one layout (figure review 18, S6, S7)


def plot_right_end(png):
    """The right end, as a fraction of the width, of the longest horizontal
    run of dark pixels in a PNG (its x axis)."""
    ink = numpy.asarray(Image.open(png).convert("L")) < 100
    best, end = 0, 0
    for row in ink:
        xs = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], row.astype(int), [0]))))
        for a, b in zip(xs[::2], xs[1::2]):
            if b - a > best:
                best, end = b - a, b
    return end / ink.shape[1]


def check_sister_layout(scripts, tmp):
    """The three figures of quantities by layer at 1280 x 800: the legend
    below the plot and the plot the whole width (its x axis ending past
    90 % of it), in all three alike: variance and saturation put the legend
    right of a plot 60 % of the width, the gradient below a full one."""
    if len(scripts) < 3:
        fail("sister layout: %d scripts, not the three" % len(scripts))
    for script in scripts:
        png = os.path.join(tmp, "sister-" + os.path.basename(script)[:-3] + ".png")
        rc, err = render(script, "png", png)
        if rc != 0:
            fail("sister layout: %s: %s" % (script, err))
            continue
        end = plot_right_end(png)
        if end < 0.9:
            fail("sister layout: %s: the x axis ends at %.0f %% of the width (legend beside the plot)"
                 % (script, 100 * end))


# ---- deep-activations: a one-bin panel says so; the ▲ key grey (review 18, N6) --


def preset_spike_problems(text):
    """deep-activations: a panel whose units all fall in one bin (a bare
    ▲, no y ticks: "set ytics ('' 0)") has a note beside its sd saying so
    (label 2), and the legend's ▲, a mark of every scheme's panels, is not
    drawn black, a colour no panel uses."""
    problems = []
    for name, body in re.findall(r"^# (\S+, layer \d+)\n(.*?)(?=^# |\Z)", text, re.M | re.S):
        if "set ytics ('' 0)" in body and not re.search(r"^set label 2 '[^']+'", body, re.M):
            problems.append("%s: a one-bin panel with no note" % name)
    if re.search(r"pointtype 9 linecolor rgb '(black|#000000)'", text):
        problems.append("the legend's ▲ is black")
    return problems


def check_preset_spikes(scripts):
    old = "# normal:0.01, layer 5\nset ytics ('' 0)\nunset label 2\nplot NaN notitle\n" \
          "keyentry with points pointtype 9 linecolor rgb 'black' title 'a point mass'\n"
    if len(preset_spike_problems(old)) != 2 or preset_spike_problems(
            old.replace("unset label 2", "set label 2 'one bin' at graph 0.03").replace("'black'", "'#808080'")):
        fail("self-test: the preset spike check: %s" % preset_spike_problems(old))
    for script in scripts:
        for p in preset_spike_problems(open(script, encoding="utf-8").read())[:3]:
            fail("preset spikes: %s: %s" % (script, p))


def preset_row_range_problems(text):
    """deep-activations of a bounded φ (tanh, sigmoid: every panel on φ's
    range): every row's panels share one y top (figure review 18, N7:
    sigmoid's normal:1 read 0/10 at layer 1 and 0/5/10 at layers 3 and 5;
    review 19, S3: tanh's he-normal, its tops 1.8 and 0.57 apart by more
    than 2x, kept its own, the one row that did)."""
    rows = {}
    for scheme, body in re.findall(r"^# (\S+), layer \d+\n(.*?)(?=^# |\Z)", text, re.M | re.S):
        m = re.search(r"^(?:y_top = |set yrange \[0:)([0-9.e+-]+)\]?$", body, re.M)
        if m and "set ytics ('' 0)" not in body:  # (a one-bin panel has no scale)
            rows.setdefault(scheme, []).append(float(m.group(1)))
    return ["%s: y tops %s not shared" % (k, v) for k, v in sorted(rows.items()) if len(set(v)) > 1]


def check_preset_row_ranges(scripts):
    if not preset_row_range_problems("# scaled, layer 1\nset yrange [0:1.5]\n# scaled, layer 3\n"
                                     "set yrange [0:1.7]\n") or not preset_row_range_problems(
            "# he-normal, layer 1\ny_top = 2.7\n# he-normal, layer 5\ny_top = 0.9\n") or preset_row_range_problems(
            "# scaled, layer 1\ny_top = 1.7\n# scaled, layer 3\ny_top = 1.7\n"):
        fail("self-test: the preset row range check")
    for script in scripts:
        for p in preset_row_range_problems(open(script, encoding="utf-8").read())[:3]:
            fail("preset row ranges: %s: %s" % (script, p))


# ---- deep-density: the saturated band's inner edges drawn (review 17, N9) ------


def band_edge_problems(text):
    """deep-density: every edge of a grey band inside the panel's x range is
    drawn (a darker line): the white window between two tails, 12 px wide,
    read as a slit in the band, a rendering fault."""
    m = re.search(r"^set xrange \[([-0-9.e+]+):([-0-9.e+]+)\]", text, re.M)
    if not m:
        return []
    lo, hi = float(m.group(1)), float(m.group(2))
    edges = {round(float(x), 6) for x in re.findall(
        r"^set arrow \d+ from first ([-0-9.e+]+), graph 0 to first \S+ graph 1 nohead", text, re.M)}
    problems = []
    # the panels' titles carry sd_l and the band's edges: in the text's
    # size where they fit (7 pt against the ticks' 8 at 3.5 in, read as a
    # note: figure review 19, S9), not the small font outright
    problems += ["panel title %r in the small font" % t for t in
                 re.findall(r'^set title "(layer [^"]*)" .*font smallfont', text, re.M)]
    for a, b in re.findall(r"^set object \d+ rectangle from first ([-0-9.e+]+), graph 0 to first "
                           r"([-0-9.e+]+), graph 1 behind", text, re.M):
        for x in (float(a), float(b)):
            if lo < x < hi and round(x, 6) not in edges:
                problems.append("band edge at %g not drawn" % x)
    return problems


def check_band_edges(scripts):
    band = "set xrange [-4:4]\nset object 10 rectangle from first -4, graph 0 to first -0.18, graph 1 behind\n"
    if not band_edge_problems(band) or band_edge_problems(
            band + "set arrow 11 from first -0.18, graph 0 to first -0.18, graph 1 nohead back\n") \
            or not band_edge_problems("set xrange [-4:4]\nset title \"layer 1\\nsd = 22.6\" offset 0,-0.4 font smallfont\n"):
        fail("self-test: the band edge check")
    if not scripts:
        fail("band edges: no deep-density script")
    for script in scripts:
        for p in band_edge_problems(open(script, encoding="utf-8").read())[:2]:
            fail("band edges: %s: %s" % (script, p))

# ---- figure review 18: the phase maps, deep-correlation, deep-cmap, deep-jacobian

def palette_colour(script_text, value):
    """The colour of the first `set palette defined` of a script at value,
    on the cbrange that follows it, interpolated in RGB as gnuplot does."""
    m = re.search(r"set palette defined \(([^)]*)\)", script_text)
    r = re.search(r"set cbrange \[([-0-9.e]+):([-0-9.e]+)\]", script_text[m.end():])
    stops = [(float(a), int(c, 16)) for a, c in re.findall(r"([0-9.]+) '#([0-9A-Fa-f]{6})'", m.group(1))]
    lo, hi = float(r.group(1)), float(r.group(2))
    f = min(1.0, max(0.0, (value - lo) / (hi - lo)))
    k = next(i for i in range(1, len(stops)) if stops[i][0] >= f or i == len(stops) - 1)
    (a, ca), (b, cb) = stops[k - 1], stops[k]
    t = (f - a) / (b - a)
    return tuple(round(((ca >> sh) & 255) + (((cb >> sh) & 255) - ((ca >> sh) & 255)) * t)
                 for sh in (16, 8, 0))


def phase_key_colour_problems(text):
    """deep-phase's "blue: ordered" and "orange: chaotic" swatches at most 3
    per channel from the χ₁ map's colours at χ₁ = 0.1 and 10 (they were
    #2166AC and #D95F0E, colours the map never takes: figure review 18,
    N3b)."""
    problems = []
    for word, lchi in (("blue: ordered", -1), ("orange: chaotic", 1)):
        m = re.search(r"keyentry with boxes fillcolor rgb '#([0-9A-Fa-f]{6})'[^\n]*" + word, text)
        if not m:
            problems.append("no key row '%s'" % word)
            continue
        key = tuple(int(m.group(1)[i:i + 2], 16) for i in (0, 2, 4))
        want = palette_colour(text, lchi)
        if max(abs(a - b) for a, b in zip(key, want)) > 3:
            problems.append("'%s' swatch %s, the map's colour there %s" % (word, key, want))
    return problems


def qstar_bar_problems(text):
    """A tick at every whole decade of deep-phase's q* colour bar (0.1, 10,
    1000 had ticks, 1 and 100 none: figure review 18, N2)."""
    i = text.find("# purples")
    m = re.search(r"set cbrange \[([-0-9.e]+):([-0-9.e]+)\]", text[i:])
    if i < 0 or not m:
        return ["no q* colour bar found"]
    part = text[i:i + m.end() + 2000]
    ticks = {round(float(v)) for v in re.findall(r"'[^']*' (-?[0-9]+)", " ".join(
        re.findall(r"set cbtics (?:add )?\(([^)]*)\)", part)))}
    lo, hi = float(m.group(1)), float(m.group(2))
    missing = [d for d in range(math.ceil(lo), math.floor(hi) + 1) if d not in ticks]
    return ["q* bar: no tick at the decades %s" % missing] if missing else []


def map_name_problems(text):
    """Each of deep-phase's two maps named over it: a title or a label boxed
    inside it (the stacked maps at 3.5 in had none: figure review 18, N1)."""
    plots = [m.start() for m in re.finditer(r"^plot \$grid", text, re.M)]
    problems, start = [], 0
    for k, at in enumerate(plots):
        part = text[start:at]
        named = re.search(r"^set title '[^']+'", part, re.M) or re.search(r"^set label .* boxed", part, re.M)
        if not named:
            problems.append("map %d has no name (title or boxed label)" % (k + 1))
        start = at
    return problems


def gutter_problems(text):
    """Side by side (the maps titled), the right map has its σ_b² label
    and the χ₁ bar's name is not the rotated one in the gutter there
    (figure review 18, N3)."""
    if "set title 'fixed point q*'" not in text:
        return []
    plots = [m.start() for m in re.finditer(r"^plot \$grid", text, re.M)]
    problems = []
    if re.search(r"^if \(legend_below\) \{ set cblabel 'χ_\{1\}' rotate by 90", text[:plots[0]], re.M):
        problems.append("the χ₁ bar's name rotated beside it, in the gutter")
    if re.search(r"^unset ylabel$", text[plots[0]:plots[1]], re.M):
        problems.append("the right map has no σ_b² label")
    return problems


def grey_under_map_columns(png):
    """Columns where a run of the no-value grey (#6E6E6E) at least 5 px
    high has a map's colour (not white, not grey) 3 px over its top: the
    q* = 0 line on the axis, not the legend's swatch on white."""
    w, h, rows = read_png(png, rgb=True)
    grey = lambda p: all(abs(c - 110) <= 8 for c in p)
    count = 0
    for x in range(w):
        y = 0
        while y < h:
            if grey(rows[y][x]):
                top = y
                while y < h and grey(rows[y][x]):
                    y += 1
                above = rows[top - 3][x] if top >= 3 else (255, 255, 255)
                if y - top >= 5 and min(above) < 240 and not grey(above) and max(above) - min(above) > 8:
                    count += 1
                    break
            y += 1
    return count


def legend_columns(script, tmp):
    """The number of columns the script's legend below takes (legend_cols,
    as gnuplot computes it), rendered as a PNG."""
    out = os.path.join(tmp, os.path.basename(script)[:-3] + "-cols.png")
    rc, _, err = run(["gnuplot", "-e", "format='png'; output='%s'" % out, os.path.basename(script),
                      "-e", "print sprintf('legend_cols=%d below=%d', legend_cols, legend_below)"],
                     cwd=os.path.dirname(script))
    m = re.search(r"legend_cols=(\d+) below=(\d+)", err)
    return (int(m.group(1)), int(m.group(2))) if m else None


def shared_mark_problems(text):
    """deep-phase-xi's mark inside another scheme's (same point): the outer
    at least 1.6 times the inner, the inner at least 1.4 pointscale (the
    pentagon touched the square and was 5 px wide at 1280 x 800: figure
    review 18, N4)."""
    sizes = [float(v) for v in re.findall(
        r"\$schemes every ::\d+::\d+ using 1:2 with points linecolor rgb '#000000' pointtype \d+ "
        r"pointsize ([0-9.]+) \* pointscale", text)]
    if "(same point)" not in text or len(sizes) < 2:
        return []
    outer, inner = max(sizes), min(sizes)
    problems = []
    if outer / inner < 1.6:
        problems.append("the outer mark %.3g only %.2f times the inner one" % (outer, outer / inner))
    if inner < 1.4:
        problems.append("the inner mark %.3g pointscale, under 1.4" % inner)
    return problems


def mean_field_line_problems(text):
    """deep-correlation's mean-field lines solid, as every key sample of
    them; one black line where schemes share one, as the key's black row
    (the two coinciding lines were alternating dashes of both colours,
    keyed solid black: figure review 18, N8)."""
    lines = re.findall(r"\$s\d+ using 1:5 with lines ([^\n]*?)notitle", text)
    problems = ["mean-field line not solid: %s" % l for l in lines if "dashtype 1" not in l]
    black_key = re.search(r"keyentry with lines linecolor rgb '#000000' dashtype 1 title [^\n]*mean field", text)
    if black_key and not any("'#000000'" in l for l in lines):
        problems.append("the key's black mean-field line is drawn nowhere")
    return problems


def zoom_key_problems(text):
    """deep-cmap's key sample for the zoom's box not a wide flat box (70 x
    20 px at 3.5 in against the plot's 9 x 25 px box: figure review 18,
    N9)."""
    if re.search(r"keyentry with boxes [^\n]*title [^\n]*(zoomed right|: zoom\b)", text):
        return ["the zoom box keyed as a wide flat box"]
    return []


def plot_share(png):
    """The plot box's share of the figure's height: from the left axis's
    top to the x axis (the lowest row dark over half the width)."""
    w, h, rows = read_png(png)
    axis = max(y for y in range(h) if sum(v < 100 for v in rows[y]) > 0.5 * w)
    col = max(range(w // 2), key=lambda x: sum(rows[y][x] < 100 for y in range(axis)))
    top = axis
    while top > 0 and rows[top - 1][col] < 100:  # (the axis line up, not the title over it)
        top -= 1
    return (axis - top) / h


def check_review18_maps(phase, phase_xi, correlation, cmap, jacobian, tmp):
    """Figure review 18's findings on the phase maps and the depth figures,
    on the scripts named: the deep-phase scripts (key colours, q* bar,
    map names, gutter; the q* = 0 line seen on the axis in every format),
    the deep-phase-xi ones (the legend below in one column; the shared
    mark), deep-correlation's mean-field lines, deep-cmap's zoom key, and
    deep-jacobian's plot at least half the figure's height (36 % at 3.5 in:
    S4)."""
    for script in phase:
        text = open(script, encoding="utf-8").read()
        name = os.path.relpath(script, tmp)
        for problem in (phase_key_colour_problems(text) + qstar_bar_problems(text) +
                        map_name_problems(text) + gutter_problems(text)):
            fail("review 18: %s: %s" % (name, problem))
        if "q* = 0" in text:
            for png in rasterise(script, tmp):
                if grey_under_map_columns(png) < 20:
                    fail("review 18: %s: the q* = 0 grey under 5 px high on the q* map (S1)"
                         % os.path.basename(png))
    for script in phase_xi:
        text = open(script, encoding="utf-8").read()
        name = os.path.relpath(script, ROOT) if script.startswith(ROOT) else os.path.relpath(script, tmp)
        cols = legend_columns(script, tmp)
        if cols is None:
            fail("review 18: %s: legend_cols not found" % name)
        elif cols[1] and cols[0] != 1:
            fail("review 18: %s: the legend below in %d columns, not one (S7)" % (name, cols[0]))
        for problem in shared_mark_problems(text):
            fail("review 18: %s: %s" % (name, problem))
    for script in correlation:
        for problem in mean_field_line_problems(open(script, encoding="utf-8").read()):
            fail("review 18: %s: %s" % (os.path.basename(script), problem))
    for script in cmap:
        for problem in zoom_key_problems(open(script, encoding="utf-8").read()):
            fail("review 18: %s: %s" % (os.path.basename(script), problem))
    for script in jacobian:
        for png in rasterise(script, tmp):
            share = plot_share(png)
            if share < 0.5:
                fail("review 18: %s: the plot %.0f %% of the height, under half (S4)"
                     % (os.path.basename(png), 100 * share))


# ---- figure review 19: deep-jacobian's legend and notation, deep-cmap's zoom key

def jacobian_notation_problems(text):
    """deep-jacobian's moments named "mean s², s⁴" at every size, no m_k:
    the slide wrote "m₁ = 0.703 (theory 0.72)" with a row defining m_k, the
    paper "mean s², s⁴ = 0.703, 5.45" (figure review 19, S8)."""
    # (a row below the plot only is titled (... ? 'row' : ''))
    titles = re.findall(r"keyentry [^\n]*title \(?[^'\n]*'([^']*)'", text)
    problems = ["key row '%s' names a moment m_k" % t for t in titles if re.search(r"\bm_\{[0-9k]\}", t)]
    if not any(t.lstrip().startswith("mean s²") for t in titles):
        problems.append("no key row 'mean s², s⁴ = ...'")
    return problems


def zoom_arrow_key_problems(text):
    """deep-cmap's zoom keyed by the arrow at its box, which the plot draws
    at any size of the box: the key's sample the glyph ▯ in grey read as a
    font's missing-glyph box (figure review 19, S6)."""
    m = re.search(r"keyentry with points pointtype ([^\n]*?) linecolor[^\n]*(zoomed right|: zoom\b)", text)
    if not m:
        return []
    problems = []
    if "▯" in m.group(1) or not re.search(r"[↑↓]", m.group(1)):
        problems.append("the zoom keyed by %s, not the arrow at its box" % m.group(1))
    if not re.search(r"^set arrow 1 from screen \(zx0", text, re.M):
        problems.append("the arrow at the zoom's box not drawn at every size of the box")
    return problems


def cut_mark_colour_problems(text):
    """deep-correlation's "bar cut" mark keyed in the colour the plot draws
    it: one scheme's bars cut, the key's ▲ in its line type (black, it
    keyed the plot's one maroon ▲: figure review 19, N-8)."""
    # (the plot's ▲ series draw where the data's interval ends at 1)
    drawn = set()
    for block, lt in re.findall(r"(\$s\d+) using [^\n]*\? 1 : NaN\) with points linetype (\d+) pointtype 9 ", text):
        m = re.search(re.escape(block) + r" << EOD\n(.*?)\nEOD", text, re.S)
        rows = [r.split() for r in m.group(1).splitlines()] if m else []
        if any(len(r) > 3 and r[3] != "NaN" and float(r[3]) >= 1 and float(r[2]) < float(r[3]) for r in rows):
            drawn.add(lt)
    keyed = re.findall(r"keyentry with points (linetype \d+|linecolor rgb '#000000') pointtype 9 ", text)
    if len(drawn) == 1 and keyed and any(k != "linetype " + next(iter(drawn)) for k in keyed):
        return ["the cut mark drawn in linetype %s, keyed %s" % (next(iter(drawn)), keyed[0])]
    return []


def dodge_said_problems(text):
    """deep-correlation's schemes set apart sideways said in its key (layer
    1's square at l = 0.8 unexplained: figure review 19, N-9)."""
    offsets = {float(v) for v in re.findall(r"\$s\d+ using \(\$1 \+ (-?[0-9.e]+)\):2:3:4 with yerrorbars", text)}
    if len(offsets) > 1 and not re.search(r"keyentry [^\n]*title [^\n]*set apart sideways", text):
        return ["points set apart sideways (%s), the key does not say so" % sorted(offsets)]
    return []


def map_name_inset_problems(text):
    """deep-phase's stacked maps' names boxed at least 0.3 characters inside
    the left axis (their box touched it at 3.5 in: figure review 19, N-6)."""
    margin = re.search(r"set style textbox opaque [^\n]*margins ([0-9.]+),", text)
    problems = []
    for x, off in re.findall(r"^set label 31 '[^']*' at graph ([0-9.]+), graph 1 left offset (-?[0-9.]+),", text, re.M):
        inset = float(off) - (float(margin.group(1)) if margin else 0)
        if float(x) != 0 or inset < 0.3:
            problems.append("a map's name boxed at graph %s, %.2g characters from the left axis" % (x, inset))
    return problems


def check_review19_depth(jacobian_big, jacobian, cmap, correlation, phase, tmp):
    """Figure review 19's findings on the depth figures: deep-jacobian's
    legend below the plot at 1280 x 800 too, as its sisters' (beside it,
    22 % of the slide was blank under it: S7), its moments in one notation
    at both sizes (S8), deep-cmap's zoom keyed by its arrow (S6), and
    deep-correlation's cut mark keyed in its colour (N-8) and its dodge
    said (N-9), and deep-phase's map names clear of the axis (N-6)."""
    for script in correlation:
        for problem in cut_mark_colour_problems(open(script, encoding="utf-8").read()):
            fail("review 19: %s: %s (N-8)" % (os.path.relpath(script, tmp), problem))
        for problem in dodge_said_problems(open(script, encoding="utf-8").read()):
            fail("review 19: %s: %s (N-9)" % (os.path.relpath(script, tmp), problem))
    for script in phase:
        for problem in map_name_inset_problems(open(script, encoding="utf-8").read()):
            fail("review 19: %s: %s (N-6)" % (os.path.relpath(script, tmp), problem))
    for script in cmap:
        for problem in zoom_arrow_key_problems(open(script, encoding="utf-8").read()):
            fail("review 19: %s: %s (S6)" % (os.path.relpath(script, tmp), problem))
    for script in jacobian_big:
        cols = legend_columns(script, tmp)
        if cols is None or not cols[1]:
            fail("review 19: %s: the legend beside the plot at 1280 x 800, not below (S7)"
                 % os.path.relpath(script, tmp))
    for script in jacobian_big + jacobian:
        for problem in jacobian_notation_problems(open(script, encoding="utf-8").read()):
            fail("review 19: %s: %s (S8)" % (os.path.relpath(script, tmp), problem))


def main():
    for tool in ("gnuplot", "rsvg-convert", "pdftoppm"):
        if not shutil.which(tool):
            print("SKIP: %s is not installed (tools/setup installs it)" % tool)
            return 77
    if numpy is None:
        print("SKIP: Python's numpy or PIL is not installed (tools/setup installs them)")
        return 77
    tmp = tempfile.mkdtemp(prefix="satstat-figure-checks.")
    try:
        self_tests(tmp)
        deep_should_self_tests()
        svg_self_tests()
        # figures of each kind, small and quick
        made = os.path.join(tmp, "figs")
        jobs = [
            ["--analytic-only", "--scheme", "standard,scaled,he-normal:fan_out",
             "--plots", made + "/run", "--render", "none", "--plot-size", "640x400"],
            # the run figures at a journal's column width, 8 pt: the legend
            # goes below the plot, nothing cut at the edges (panels)
            ["--analytic-only", "--scheme", "standard,scaled,he-normal:fan_out",
             "--plots", made + "/run-small", "--render", "none", "--plot-size", "3.5x2.2in",
             "--dpi", "300"],
            # three sampled schemes at a journal's column width, 8 pt: seven
            # legend rows below fig2-compare's plot (plot box)
            ["--scheme", "standard,scaled,he-normal", "--activation", "relu", "--samples", "2000",
             "--plots", made + "/run-paper", "--render", "none", "--plot-size", "3.5x2.4in",
             "--dpi", "300", "--font-size", "8", "--quiet"],
            ["deep", "--layers", "3", "--width", "60", "--networks", "4", "--phase",
             "--plots", made + "/deep", "--render", "none", "--plot-size", "640x400", "--quiet"],
            # the depth figures (correlation, c-map, xi_c map, Jacobian) at a
            # screen size and at a journal's column width
            ["deep", "--activation", "tanh", "--layers", "3", "--width", "40", "--networks", "4",
             "--pair-correlation", "0.5", "--jacobian", "--phase", "--plots", made + "/depth",
             "--render", "none", "--plot-size", "640x400", "--quiet"],
            ["deep", "--activation", "relu", "--scheme", "he-normal,standard", "--layers", "3",
             "--width", "40", "--networks", "4", "--pair-correlation", "0.2", "--jacobian",
             "--phase", "--plots", made + "/depth-small", "--render", "none", "--plot-size",
             "3.5x2.4in", "--dpi", "300", "--font-size", "8", "--quiet"],
            # the gallery's depth run at a journal's column width: deep-cmap's
            # and deep-correlation's legends below the plots (legend room)
            ["deep", "--layers", "10", "--width", "200", "--networks", "10", "--scheme",
             "normal:0.1118034,orthogonal:1.5811388", "--activation", "tanh", "--bias",
             "normal:0.2236068", "--inputs", "half", "--active", "100", "--n-in", "200",
             "--pair-correlation", "0.99", "--figures", "deep-cmap,deep-correlation", "--plots",
             made + "/depth-paper", "--render", "none", "--plot-size", "3.5x2.4in", "--dpi", "300",
             "--font-size", "8", "--quiet"],
            # tanh: fig1's tail inset, at full size and at 3.5 in (inset)
            ["--activation", "tanh", "--scheme", "scaled", "--samples", "20000",
             "--figures", "fig1-density-scaled", "--plots",
             made + "/tanh", "--render", "none", "--plot-size", "640x400", "--quiet"],
            ["--activation", "tanh", "--scheme", "scaled", "--samples", "20000",
             "--figures", "fig1-density-scaled", "--plots",
             made + "/tanh-paper", "--render", "none", "--plot-size", "3.5x2.4in", "--dpi", "300",
             "--font-size", "8", "--quiet"],
            # tanh near the origin (Var z about 0.02): no unit saturated;
            # the gradient norm near 1 on a linear axis (fitted range)
            ["deep", "--activation", "tanh", "--bias", "zero", "--n-in", "200", "--active", "4",
             "--width", "40", "--layers", "3", "--networks", "4", "--scheme", "scaled",
             "--figures", "deep-saturation,deep-gradient,deep-variance", "--plots", made + "/zero",
             "--render", "none",
             "--quiet"],
            ["deep", "--preset", "activations", "--networks", "10", "--plots", made + "/preset",
             "--render", "none", "--quiet"],
            # the preset at a journal's column width: four scheme rows
            ["deep", "--preset", "activations", "--networks", "10", "--plots",
             made + "/preset-small", "--render", "none", "--plot-size", "3.5x2.4in", "--dpi", "300",
             "--font-size", "8", "--quiet"],
            # sigmoid, standard: fig1's "0.015" ticks; fig4's CI bars (svg)
            ["--scheme", "standard,scaled", "--samples", "20000", "--figures",
             "fig1-density-standard,fig4-saturated-fraction", "--plots", made + "/svg-paper",
             "--plot-size", "3.5x2.4in", "--dpi", "300", "--font-size", "8", "--render", "none",
             "--quiet"],
            ["sweep", "--vary", "n-in=10:1000:5:log", "--samples", "2000", "--plots",
             made + "/sweep", "--render", "none", "--plot-size", "3.5x2.2in", "--font-size", "8",
             "--quiet"],
        ]
        for args in jobs:
            rc, _, err = run([EXE] + args)
            if rc not in (0, 1):
                fail("satstat %s: exit %d: %s" % (" ".join(args), rc, err))
        scripts = sorted(glob.glob(made + "/*/*.gp"))
        committed = sorted(glob.glob(os.path.join(ROOT, "plots", "*.gp")))
        if not committed:
            fail("no committed scripts in plots/")
        # layout: every figure type at 1280 x 800 and at a journal's column
        # width (3.5 x 2.4 in, 8 pt, 300 dpi: run-paper, depth-small,
        # preset-small), and three at 640 x 400; the jobs below made for it
        # alone, kept out of the other checks
        laid = os.path.join(tmp, "layout")
        paper = ["--plot-size", "3.5x2.4in", "--dpi", "300", "--font-size", "8"]
        for name, args in (
                ("run-big", ["--activation", "tanh", "--samples", "2000"]),
                ("deep-big", ["deep", "--activation", "tanh", "--layers", "3", "--width", "40",
                              "--networks", "4", "--pair-correlation", "0.5", "--jacobian",
                              "--phase"]),
                # (tanh: relu's he-normal spike at s = 0 in depth-small's
                # deep-jacobian covers the y axis, found in one format only)
                ("deep-paper", ["deep", "--activation", "tanh", "--layers", "3", "--width", "40",
                                "--networks", "4", "--pair-correlation", "0.5", "--jacobian",
                                "--phase", "--figures", "deep-jacobian"] + paper),
                ("sweep-big", ["sweep", "--vary", "n-in=10:1000:5:log", "--samples", "2000"]),
                ("sweep-paper", ["sweep", "--vary", "n-in=10:1000:5:log", "--samples", "2000"]
                 + paper)):
            rc, _, err = run([EXE] + args + ["--plots", laid + "/" + name, "--render", "none",
                                             "--quiet"])
            if rc not in (0, 1):
                fail("satstat %s: exit %d: %s" % (" ".join(args), rc, err))
        one_each = (r"/(fig1-density-standard|fig[2-5]-[a-z-]+|"
                    r"deep-density-he-normal|deep-density-standard|deep-(variance|gradient|"
                    r"saturation|correlation|cmap|phase|phase-xi|jacobian)|deep-activations-relu|"
                    r"sweep-[a-z-]+)\.gp$")
        layout = [s for s in scripts + sorted(glob.glob(laid + "/*/*.gp"))
                  if re.search(r"/(run-paper|depth-small|preset-small|preset|run-big|deep-big|"
                               r"deep-paper|sweep-big|sweep-paper)/", s) and re.search(one_each, s)]
        # (one deep-density a size: depth-small's he-normal, deep-big's standard)
        layout = [s for s in layout if not re.search(r"/(depth-small/deep-density-standard|"
                                                     r"depth-small/deep-jacobian|"
                                                     r"deep-big/deep-density-he-normal)", s)]
        sizes = {}
        for s in layout:
            kind = re.sub(r"-(standard|he-normal|relu)$", "", os.path.basename(s)[:-3])
            big = bool(re.search(r"/(preset|run-big|deep-big|sweep-big)/", s))
            sizes.setdefault(kind, set()).add(big)
        kinds = ["fig1-density", "fig2-compare", "fig3-activation", "fig4-saturated-fraction",
                 "fig5-standard-normal", "deep-density", "deep-variance", "deep-gradient",
                 "deep-saturation", "deep-correlation", "deep-cmap", "deep-phase",
                 "deep-phase-xi", "deep-jacobian", "deep-activations", "sweep-variance",
                 "sweep-saturated-fraction", "sweep-activation-derivative"]
        for kind in kinds:
            if sizes.get(kind) != {True, False}:
                fail("layout: %s not laid out at both sizes (%s)" % (kind, sizes.get(kind)))
        # (and at 640 x 400; not the sweep at 3.5 x 2.2 in and 96 dpi, whose
        # 1-pixel axes rsvg-convert draws grey, too light to be found)
        layout += [s for s in scripts if re.search(
            r"/(run/fig2-compare|run/fig4-saturated-fraction|deep/deep-variance)\.gp$", s)]
        check_layout(layout, tmp)
        small = [s for s in scripts if "/run-small/" in s or "/sweep/" in s]
        if not small:
            fail("small text: no script at 3.5 in to check")
        check_small_text(small + [s for s in scripts if "/run/" in s], tmp)
        check_lines([s for s in scripts if s.endswith("/run-small/fig4-saturated-fraction.gp")], tmp)
        check_warnings(committed + scripts, tmp)
        check_combs(committed + scripts)
        check_panels(committed + scripts, tmp)
        check_grid_room(scripts, tmp)
        check_plot_box([s for s in scripts if "/run-paper/" in s], tmp)
        check_legend_rows(scripts, tmp)
        check_log_foot(scripts)
        check_all_zero(scripts)
        check_colour_bar(scripts)
        check_log10_axes(scripts + sorted(glob.glob(os.path.join(ROOT, "plots", "*", "deep-phase*.gp"))))
        check_empty_panels(scripts)
        check_depth_axes(scripts + sorted(glob.glob(os.path.join(ROOT, "plots", "*", "deep-*.gp"))))
        check_fitted_range(scripts)
        check_ticks(scripts)
        check_deep_shoulds(scripts)
        check_svg_text_points([s for s in scripts if "/svg-paper/" in s or "/sweep/" in s], tmp)
        check_deep_musts6(tmp)
        check_script_space(scripts, tmp)
        check_review7_run_sweep(tmp)
        check_log_steps(tmp)
        check_svg_styling(tmp)
        check_bar_seams(sorted(glob.glob(os.path.join(ROOT, "plots", "*", "deep-density-*.gp"))), tmp)
        check_unnumbered_ticks([s for s in scripts if s.endswith("/run-paper/fig3-activation.gp")], tmp)
        check_svg_density_room(tmp)
        check_ylabel_margin([s for s in scripts if s.endswith("/svg-paper/fig1-density-standard.gp")], tmp)
        check_preset_notation([s for s in scripts if "/deep-activations-" in s])
        check_open_marks([s for s in scripts if re.search(r"/(zero|depth-small)/deep-saturation\.gp$", s)], tmp)
        check_phase_width([s for s in sorted(glob.glob(laid + "/deep-big/deep-phase.gp"))] +
                          [os.path.join(ROOT, "plots", "deep-tanh", "deep-phase.gp")],
                          [s for s in scripts if s.endswith("/depth-small/deep-phase.gp")], tmp)
        check_legend_room(sorted(glob.glob(made + "/depth-paper/*.gp")), tmp)
        check_legend_room([s for s in scripts if s.endswith("/run-paper/fig3-activation.gp")] +
                          sorted(glob.glob(laid + "/sweep-paper/sweep-variance.gp")), tmp)
        check_below_numbers([s for s in scripts if re.search(r"/run-paper/fig[24]-|/depth-small/deep-(jacobian|phase)\.gp$", s)])
        check_title_room([s for s in scripts if "/preset-small/deep-activations-" in s], tmp)
        check_activation_panels([s for s in scripts if "/preset/deep-activations-" in s], tmp)
        check_p0_room([s for s in scripts if s.endswith("/preset/deep-activations-relu.gp")], tmp)
        check_svg_text_on_canvas([s for s in scripts if re.search(r"/(deep|depth|depth-small|preset|preset-small)/deep-", s)], tmp)
        check_inset_labels([os.path.join(ROOT, "plots", "fig1-density-scaled.gp")], tmp)
        check_inset([s for s in scripts if "/tanh-paper/fig1" in s],
                    [s for s in scripts if "/tanh/fig1" in s], tmp)
        check_marks_off_axes(tmp)
        check_sister_layout([s for s in sorted(glob.glob(laid + "/deep-big/*.gp"))
                             if re.search(r"/deep-(variance|saturation|gradient)\.gp$", s)], tmp)
        check_preset_spikes([s for s in scripts if "/deep-activations-" in s])
        check_band_edges([s for s in scripts if "/deep-density-" in s])
        check_preset_row_ranges([s for s in scripts if re.search(r"/deep-activations-(tanh|sigmoid)", s)])
        check_preset_ticks([s for s in scripts if "/deep-activations-" in s])
        check_review18_maps(
            [s for s in scripts + sorted(glob.glob(laid + "/deep-big/*.gp"))
             if re.search(r"/(depth-small|deep-big)/deep-phase\.gp$", s)],
            sorted(glob.glob(laid + "/deep-big/deep-phase-xi.gp")) +
            sorted(glob.glob(os.path.join(ROOT, "plots", "*", "deep-phase-xi.gp"))),
            [s for s in scripts if s.endswith("/depth-paper/deep-correlation.gp")],
            [s for s in scripts if s.endswith("/depth-paper/deep-cmap.gp")],
            sorted(glob.glob(laid + "/deep-paper/deep-jacobian.gp")), tmp)
        check_review19_depth(sorted(glob.glob(laid + "/deep-big/deep-jacobian.gp")),
                             sorted(glob.glob(laid + "/deep-paper/deep-jacobian.gp")),
                             [s for s in scripts if s.endswith("/depth-paper/deep-cmap.gp")] +
                             sorted(glob.glob(laid + "/deep-big/deep-cmap.gp")),
                             [s for s in scripts if s.endswith("/depth-paper/deep-correlation.gp")],
                             [s for s in scripts if s.endswith("/depth-small/deep-phase.gp")], tmp)
        if not any(os.path.basename(x) == "deep-saturation.gp" for x in scripts):
            fail("log foot: no deep-saturation script to check")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failure(s)" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
