# deep-activations-relu.gp: Densities of relu(z), layers 1, 3 and 5 of 5 (100 units, N(0, 1) inputs)
#
# The classic demonstration (e.g. Glorot & Bengio 2010, figs. 3-4; CS231n): the
# histogram of phi(z) over the units of each layer, one row per weight scale.
# Too small weights collapse the activations towards phi(0); too large ones
# saturate them; sqrt(1/n) (and sqrt(2/n) for ReLU) keep them spread.  The
# standard deviation of phi(z) is printed in each panel; relu's units with
# z <= 0 (phi = 0 exactly) are a point mass, drawn as an arrow with its
# probability, not as a bar whose height would depend on the bin width; so
# is a layer whose units all fall in one bin (its sd printed, "one bin"
# beside it).  Tick labels are plain numbers; an axis whose numbers are
# scaled carries its factor (x10^n) once, at its end.
#
# Layers drawn: 1, 3 and 5 of 5 (at most 3 across, as many as fit at
# this size: each panel kept wide enough to read).
#
# Made by:  satstat deep --preset activations --layers 5 --width 100 --networks 100 --scheme normal:1,normal:0.01,scaled,he-normal --activation relu --bias zero --inputs normal --n-in 100 --threshold 4 --alpha 0.001 --seed 1 --plots plots/activations --plot-size 1280x800
#           satstat 0.1.0
# Run:      gnuplot deep-activations-relu.gp
#           from any directory (the data are inline): writes deep-activations-relu.png
#           into the current directory; see "output" for other formats.

set encoding utf8

# ---- output ----------------------------------------------------------------
# Choose another format, file or size on the command line, e.g.
#   gnuplot -e "format='svg'; output='figure.svg'" deep-activations-relu.gp
# format: 'png' (pngcairo), 'svg' or 'pdf' (pdfcairo); output '' writes
# to standard output (satstat --render does that); width and height in
# pixels of the PNG at dpi dots per inch: SVG and PDF get the physical size,
# width/dpi x height/dpi inches, with the same layout.  Text, lines and
# margins follow a new size; which panels, rows and legend columns there
# are was chosen for the size the figure was made at ("Made by"): for a
# very different size or font, make it again with that command's
# --plot-size, --dpi and --font-size.
if (!exists('format')) format = 'png'
if (!exists('output')) output = 'deep-activations-relu.' . format
if (!exists('width')) width = 1280
if (!exists('height')) height = 800
if (!exists('dpi')) dpi = 96
# Text in points at dpi: 16 pt at 1280 x 800 pixels at 96 dpi, growing with the
# square root of the physical size (8 pt at 3.5 in wide), so that text does
# not shrink as fast as the figure), and never under 7 pt: smaller is
# hard to read in print.
if (!exists('fontpt')) fontpt = 16 * sqrt((width / 1280. < height / 800. ? width / 1280. : height / 800.) * 96. / dpi)
if (fontpt < 7) fontpt = 7
# The layout unit: 1 at 16 pt text in a 96 dpi PNG.  Text and lines scale with
# it; per terminal a font or line unit is a different length (pngcairo sets
# text at 96 dpi and lines in pixels, svg both in its px of 1/96 in, pdfcairo
# text at 2/3 of its size in points and lines in 1/144 in, as measured on
# their rasterised output), so each gets its own factor.
scale = fontpt * dpi / 96. / 16
# The svg terminal spaces its text (its v_char: legend rows, tick labels
# from the axis, the x label under them, a title over the plot, an offset
# in characters) by 1.5 times the font's size, pngcairo and pdfcairo by
# about 1.17 (GPVAL_TERM_VCHAR): svg_vchar times less.  Its own fontscale
# scales the text it draws and not that spacing, so the SVG's font is
# given svg_vchar times smaller and drawn svg_vchar times larger: the text
# as large as the PNG's, spaced as the PNG's (the plot's boxes, at screen
# coordinates, are the same in every format).
svg_vchar = (format eq 'svg') ? 1.29 : 1
# Its character (h_char: a legend's sample, the room gnuplot keeps for
# the tick labels before an axis label) is then 0.54 of the font's size,
# pngcairo's 0.60-0.63: svg_hchar times less (1.16 at 300 dpi, 1.21 at 96).
svg_hchar = (format eq 'svg') ? 1.18 : 1
fontscale = (format eq 'svg') ? 128. / dpi / svg_vchar : (format eq 'pdf') ? 144. / dpi : 1
linescale = (format eq 'svg') ? 96. / dpi : (format eq 'pdf') ? 144. / dpi : 1
# Point markers scale with the text (a point of a fixed size swamps a
# small figure); a point's unit is its own per terminal (pngcairo about
# 6 pixels, pdfcairo 1/12 in), whatever the lines'; the svg terminal's is
# 16 px of 1/96 in times its linewidth, which carries scale already, so a
# constant matches the PNG's: 0.378 at the font's size (a font svg_vchar
# times smaller drew points as much smaller) gives discs and squares
# 0.95 to 1.04 times the PNG's across 1280 x 800 to 3.5 in at 300 dpi, as
# measured by their ink (0.45 drew them 1.13 to 1.23 times as wide).
pointscale = (format eq 'svg') ? 0.378 * svg_vchar : scale * ((format eq 'pdf') ? 72. / dpi : 1)
# A point drawn at the line types' width (3, or 2 with bars) is outlined
# by that width in pngcairo and pdfcairo, 1.13 to 1.2 times its size at
# 3.5 in (a disc of 14 px drawn 17), and the svg terminal's points by a
# hairline whatever the width: there they are drawn 1.15 times larger
# (figure review 13, M5).  An open mark is drawn at open_lw (its outline
# at the line types' 3 was 2.5 times the svg terminal's hairline).
lt_pointsize = 1.3 * pointscale * ((format eq 'svg') ? 1.15 : 1)
open_lw = 1.5
# The svg terminal draws its pentagon 1.35 times as large as its other
# points (as wide as their bounding circle), the cairo terminals do not
# (figure review 14: 20 px against the PNG's 15 at 3.5 in).
svg_pentagon = (format eq 'svg') ? 0.74 : 1
# The default point size, in that unit too (marks given no size of their
# own).  gnuplot 5.4 also draws a disc of the background colour and of the
# default size under every point of `with yerrorbars` (pointtype -1 too);
# at size 1 it spread past the svg's points, 1.3 * pointscale, and erased
# their confidence bars and the curves under them.
set pointsize pointscale
# Error bars' caps half as wide as gnuplot's: as wide as a disc, a
# bar shorter than the disc closed round it into a square, the mark of
# another series (figure review 15, S6.1).
set bars 0.5
# The font at f times the text's size (a title, a legend or a note set
# smaller to fit)
font_at(f) = sprintf('DejaVu Sans,%.3g', 16 * scale * fontscale * f)
fontspec = font_at(1)
# Small text (panel titles, small tick labels): 3/4 of the text, but never
# under 7 pt (smaller is hard to read in print) unless the text is.
smallpt = (fontpt * 0.75 > 7) ? fontpt * 0.75 : (fontpt < 7 ? fontpt : 7)
smallfont = font_at(1. * smallpt / fontpt)   # (1.: integer points divide as integers)
# Its open triangles (▵ ▿: 1.33 wide and 1 high where the cairo
# terminals' are as wide as high) and its diamonds likewise: at the same
# size an open ▵ of 3 * pointscale was 46 px wide against the PNG's 31
# and 35 high against 31, a ◆ 22 px against 19, at 3.5 in (figure review
# 15).  (A filled ▲ the cairo terminals outline at the line types' width,
# its tips mitred: as large as the svg terminal's.)  An open mark
# (satstat__open_mark) as large as a filled one: the cairo terminals
# outline it at open_lw, not the line types' width, and drew its square
# 15 px against the filled 17 at 3.5 in and 9 against 11 at 1280 x 800,
# 1.15 times larger 17 and 11; the svg terminal's outline is its own,
# whatever the width, and at lt_pointsize its open mark is the filled
# one's size (at 0.91 of it the SVG's squares were 2 px smaller and
# their outlines thinner still: figure review 16, S1).
open_size = (format eq 'svg') ? 1 : 1.15
svg_triangle = (format eq 'svg') ? 0.78 : 1
svg_diamond = (format eq 'svg') ? 0.86 : 1
dash_unit = (format eq 'svg') ? 0.25 : (format eq 'pdf') ? 0.5 : 1
if (format eq 'png') {
    set terminal pngcairo size width, height font fontspec linewidth scale * linescale enhanced
}
if (format eq 'svg') {
    set terminal svg size width * 96. / dpi, height * 96. / dpi font fontspec fontscale svg_vchar linewidth scale * linescale enhanced dashlength 2
}
if (format eq 'pdf') {
    set terminal pdfcairo size width / (1. * dpi), height / (1. * dpi) font fontspec linewidth scale * linescale enhanced dashlength 2
}
if (format ne 'png' && format ne 'svg' && format ne 'pdf') {
    exit error sprintf('unknown format %s: use png, svg or pdf', format)
}
if (output eq '') { set output } else { set output output }

# ---- style -----------------------------------------------------------------
# One colour per scheme from the Okabe & Ito (2008) colour-blind-safe
# palette, and a dash type per scheme as a second cue in greyscale print.
# Lines 3 to 4 pixels wide (at 1280 x 800) and large points survive a projector.
# The svg terminal's dash type 3 is dashed (2 and 4 line widths), where the
# cairo terminals' is dotted (1 and 4): dotted in the SVG too (dash_unit:
# the svg terminal's unit is 4 times pngcairo's).  Types 2, 4 and 5 agree.
if (format eq 'svg') set dashtype 3 (4 * dash_unit, 16 * dash_unit)
set linetype 1 linecolor rgb '#332288' linewidth 3 dashtype 2 pointtype 15 pointsize lt_pointsize * svg_pentagon   # indigo: normal:1
set linetype 2 linecolor rgb '#CC6677' linewidth 3 dashtype 5 pointtype 11 pointsize lt_pointsize   # rose: normal:0.01
set linetype 3 linecolor rgb '#D55E00' linewidth 3 dashtype 2 pointtype 5 pointsize lt_pointsize   # vermillion: scaled
set linetype 4 linecolor rgb '#009E73' linewidth 3 dashtype 3 pointtype 9 pointsize lt_pointsize   # bluish green: he-normal
set style fill transparent solid 0.35 noborder
set border 3 linewidth 1.5                       # axes left and bottom only
set tics nomirror out
set minussign                                    # tick labels with a true minus (U+2212)
# A tick step: 1, 2 or 5 times a power of ten, at most n ticks over a
# range r, at least 2 (satstat__fig_ticks: n from the panel's size, so that tick
# labels never run into each other on a small figure); but the next smaller
# step when that one would leave fewer than two steps in the range (a
# range of +-112 with steps of 200 showed the tick 0 alone: no scale).
tick_step(r, n) = (tick_n = (n < 2 ? 2. : 1. * floor(n)), tick_p = 10.**floor(log10(r / tick_n)), tick_m = r / tick_n / tick_p, tick_k = (tick_m <= 1.0001 ? 1 : tick_m <= 2.0001 ? 2 : tick_m <= 5.0001 ? 5 : 10), (r / (tick_k * tick_p) < 1.9999 ? (tick_k == 1 ? 0.5 : tick_k == 2 ? 1 : tick_k == 5 ? 2 : 5) : tick_k) * tick_p)
# A faint solid grid: gnuplot draws a grid in its dotted axis line type
# (sparse dots in pngcairo, dense in svg) unless given a line type.
set grid linetype 1 linecolor rgb '#E5E5E5' linewidth 1 dashtype solid

# ---- data: per scheme and layer, bin centre, density, bin width ----------
# (each bin the union of whole bins of the sampled 60-bin histogram; a point
# mass of phi at phi(0) in $zeroS_K as phi(0), its probability, and taken
# out of its bin)
$h1_1 << EOD
0.833333333 0.04062 1.66666667
2.5 0.03726 1.66666667
4.16666667 0.03618 1.66666667
5.83333333 0.03354 1.66666667
7.5 0.02976 1.66666667
9.16666667 0.027 1.66666667
10.8333333 0.02196 1.66666667
12.5 0.01866 1.66666667
14.1666667 0.0138 1.66666667
15.8333333 0.01206 1.66666667
17.5 0.00822 1.66666667
19.1666667 0.00654 1.66666667
20.8333333 0.00414 1.66666667
22.5 0.00342 1.66666667
24.1666667 0.00186 1.66666667
25.8333333 0.00174 1.66666667
27.5 0.00054 1.66666667
29.1666667 0.00096 1.66666667
30.8333333 0.00036 1.66666667
32.5 0.00012 1.66666667
34.1666667 0.0003 1.66666667
35.8333333 0 1.66666667
37.5 0 1.66666667
39.1666667 6e-05 1.66666667
40.8333333 0 1.66666667
42.5 0 1.66666667
44.1666667 0 1.66666667
45.8333333 0 1.66666667
47.5 0 1.66666667
49.1666667 0 1.66666667
EOD
$zero1_1 << EOD
0 0.5015
EOD
$h1_2 << EOD
41.6666667 0.0008592 83.3333333
125 0.0008592 83.3333333
208.333333 0.0008004 83.3333333
291.666667 0.0007224 83.3333333
375 0.0006 83.3333333
458.333333 0.0004944 83.3333333
541.666667 0.0003864 83.3333333
625 0.000348 83.3333333
708.333333 0.000294 83.3333333
791.666667 0.0001908 83.3333333
875 0.0001368 83.3333333
958.333333 0.0001224 83.3333333
1041.66667 8.88e-05 83.3333333
1125 8.4e-05 83.3333333
1208.33333 3.84e-05 83.3333333
1291.66667 3.36e-05 83.3333333
1375 2.4e-05 83.3333333
1458.33333 1.68e-05 83.3333333
1541.66667 1.08e-05 83.3333333
1625 2.4e-06 83.3333333
1708.33333 2.4e-06 83.3333333
1791.66667 3.6e-06 83.3333333
1875 2.4e-06 83.3333333
1958.33333 0 83.3333333
2041.66667 0 83.3333333
2125 0 83.3333333
2208.33333 0 83.3333333
2291.66667 0 83.3333333
2375 0 83.3333333
2458.33333 0 83.3333333
EOD
$zero1_2 << EOD
0 0.4898
EOD
$h1_3 << EOD
2083.33333 1.7616e-05 4166.66667
6250 1.5744e-05 4166.66667
10416.6667 1.6032e-05 4166.66667
14583.3333 1.3464e-05 4166.66667
18750 1.1928e-05 4166.66667
22916.6667 1.0056e-05 4166.66667
27083.3333 8.928e-06 4166.66667
31250 6.744e-06 4166.66667
35416.6667 4.8e-06 4166.66667
39583.3333 3.96e-06 4166.66667
43750 3.408e-06 4166.66667
47916.6667 2.304e-06 4166.66667
52083.3333 1.896e-06 4166.66667
56250 1.344e-06 4166.66667
60416.6667 8.64e-07 4166.66667
64583.3333 5.52e-07 4166.66667
68750 5.04e-07 4166.66667
72916.6667 3.12e-07 4166.66667
77083.3333 2.4e-07 4166.66667
81250 4.8e-08 4166.66667
85416.6667 1.2e-07 4166.66667
89583.3333 2.4e-08 4166.66667
93750 7.2e-08 4166.66667
97916.6667 4.8e-08 4166.66667
102083.333 2.4e-08 4166.66667
106250 9.6e-08 4166.66667
110416.667 0 4166.66667
114583.333 2.4e-08 4166.66667
118750 2.4e-08 4166.66667
122916.667 0 4166.66667
EOD
$zero1_3 << EOD
0 0.4951
EOD
$h2_1 << EOD
0.00833333333 4.332 0.0166666667
0.025 3.75 0.0166666667
0.0416666667 3.834 0.0166666667
0.0583333333 3.054 0.0166666667
0.075 3.312 0.0166666667
0.0916666667 2.64 0.0166666667
0.108333333 2.334 0.0166666667
0.125 1.734 0.0166666667
0.141666667 1.374 0.0166666667
0.158333333 1.224 0.0166666667
0.175 0.876 0.0166666667
0.191666667 0.654 0.0166666667
0.208333333 0.51 0.0166666667
0.225 0.324 0.0166666667
0.241666667 0.228 0.0166666667
0.258333333 0.168 0.0166666667
0.275 0.084 0.0166666667
0.291666667 0.06 0.0166666667
0.308333333 0.036 0.0166666667
0.325 0.018 0.0166666667
0.341666667 0.018 0.0166666667
0.358333333 0 0.0166666667
0.375 0 0.0166666667
0.391666667 0.006 0.0166666667
0.408333333 0 0.0166666667
0.425 0 0.0166666667
0.441666667 0 0.0166666667
0.458333333 0 0.0166666667
0.475 0 0.0166666667
0.491666667 0 0.0166666667
EOD
$zero2_1 << EOD
0 0.4905
EOD
$h2_2 << EOD
4.16666667e-05 769.2 8.33333333e-05
0.000125 746.4 8.33333333e-05
0.000208333333 786 8.33333333e-05
0.000291666667 730.8 8.33333333e-05
0.000375 628.8 8.33333333e-05
0.000458333333 513.6 8.33333333e-05
0.000541666667 428.4 8.33333333e-05
0.000625 346.8 8.33333333e-05
0.000708333333 272.4 8.33333333e-05
0.000791666667 218.4 8.33333333e-05
0.000875 160.8 8.33333333e-05
0.000958333333 129.6 8.33333333e-05
0.00104166667 82.8 8.33333333e-05
0.001125 62.4 8.33333333e-05
0.00120833333 54 8.33333333e-05
0.00129166667 33.6 8.33333333e-05
0.001375 31.2 8.33333333e-05
0.00145833333 16.8 8.33333333e-05
0.00154166667 10.8 8.33333333e-05
0.001625 9.6 8.33333333e-05
0.00170833333 3.6 8.33333333e-05
0.00179166667 3.6 8.33333333e-05
0.001875 3.6 8.33333333e-05
0.00195833333 1.2 8.33333333e-05
0.00204166667 1.2 8.33333333e-05
0.002125 1.2 8.33333333e-05
0.00220833333 0 8.33333333e-05
0.00229166667 0 8.33333333e-05
0.002375 0 8.33333333e-05
0.00245833333 0 8.33333333e-05
EOD
$zero2_2 << EOD
0 0.4961
EOD
$h2_3 << EOD
2.08333333e-07 164640 4.16666667e-07
6.25e-07 166560 4.16666667e-07
1.04166667e-06 159120 4.16666667e-07
1.45833333e-06 135840 4.16666667e-07
1.875e-06 119040 4.16666667e-07
2.29166667e-06 99120 4.16666667e-07
2.70833333e-06 82560 4.16666667e-07
3.125e-06 60720 4.16666667e-07
3.54166667e-06 51360 4.16666667e-07
3.95833333e-06 36000 4.16666667e-07
4.375e-06 28800 4.16666667e-07
4.79166667e-06 23280 4.16666667e-07
5.20833333e-06 17520 4.16666667e-07
5.625e-06 15360 4.16666667e-07
6.04166667e-06 11040 4.16666667e-07
6.45833333e-06 6960 4.16666667e-07
6.875e-06 5760 4.16666667e-07
7.29166667e-06 5280 4.16666667e-07
7.70833333e-06 3840 4.16666667e-07
8.125e-06 2160 4.16666667e-07
8.54166667e-06 720 4.16666667e-07
8.95833333e-06 960 4.16666667e-07
9.375e-06 1200 4.16666667e-07
9.79166667e-06 240 4.16666667e-07
1.02083333e-05 720 4.16666667e-07
1.0625e-05 480 4.16666667e-07
1.10416667e-05 0 4.16666667e-07
1.14583333e-05 240 4.16666667e-07
1.1875e-05 0 4.16666667e-07
1.22916667e-05 0 4.16666667e-07
EOD
$zero2_3 << EOD
0 0.5001
EOD
$h3_1 << EOD
0.0833333333 0.3876 0.166666667
0.25 0.4218 0.166666667
0.416666667 0.3636 0.166666667
0.583333333 0.306 0.166666667
0.75 0.2946 0.166666667
0.916666667 0.2808 0.166666667
1.08333333 0.219 0.166666667
1.25 0.1764 0.166666667
1.41666667 0.144 0.166666667
1.58333333 0.1182 0.166666667
1.75 0.0876 0.166666667
1.91666667 0.0624 0.166666667
2.08333333 0.033 0.166666667
2.25 0.0348 0.166666667
2.41666667 0.018 0.166666667
2.58333333 0.012 0.166666667
2.75 0.0084 0.166666667
2.91666667 0.0048 0.166666667
3.08333333 0.0024 0.166666667
3.25 0.0018 0.166666667
3.41666667 0.0006 0.166666667
3.58333333 0.0006 0.166666667
3.75 0.0006 0.166666667
3.91666667 0 0.166666667
4.08333333 0 0.166666667
4.25 0 0.166666667
4.41666667 0 0.166666667
4.58333333 0 0.166666667
4.75 0 0.166666667
4.91666667 0 0.166666667
EOD
$zero3_1 << EOD
0 0.5035
EOD
$h3_2 << EOD
0.0416666667 0.78 0.0833333333
0.125 0.8868 0.0833333333
0.208333333 0.8028 0.0833333333
0.291666667 0.672 0.0833333333
0.375 0.5496 0.0833333333
0.458333333 0.5256 0.0833333333
0.541666667 0.426 0.0833333333
0.625 0.3696 0.0833333333
0.708333333 0.2712 0.0833333333
0.791666667 0.1956 0.0833333333
0.875 0.138 0.0833333333
0.958333333 0.1092 0.0833333333
1.04166667 0.0732 0.0833333333
1.125 0.0684 0.0833333333
1.20833333 0.0396 0.0833333333
1.29166667 0.0192 0.0833333333
1.375 0.0288 0.0833333333
1.45833333 0.0156 0.0833333333
1.54166667 0.006 0.0833333333
1.625 0.0024 0.0833333333
1.70833333 0.0084 0.0833333333
1.79166667 0.0024 0.0833333333
1.875 0.0036 0.0833333333
1.95833333 0 0.0833333333
2.04166667 0.0012 0.0833333333
2.125 0 0.0833333333
2.20833333 0 0.0833333333
2.29166667 0 0.0833333333
2.375 0 0.0833333333
2.45833333 0 0.0833333333
EOD
$zero3_2 << EOD
0 0.5004
EOD
$h3_3 << EOD
0.0208333333 1.74 0.0416666667
0.0625 1.572 0.0416666667
0.104166667 1.5984 0.0416666667
0.145833333 1.4088 0.0416666667
0.1875 1.2096 0.0416666667
0.229166667 1.0992 0.0416666667
0.270833333 0.804 0.0416666667
0.3125 0.5832 0.0416666667
0.354166667 0.5136 0.0416666667
0.395833333 0.4368 0.0416666667
0.4375 0.2808 0.0416666667
0.479166667 0.2448 0.0416666667
0.520833333 0.1872 0.0416666667
0.5625 0.1032 0.0416666667
0.604166667 0.0984 0.0416666667
0.645833333 0.0912 0.0416666667
0.6875 0.0624 0.0416666667
0.729166667 0.0192 0.0416666667
0.770833333 0.0168 0.0416666667
0.8125 0.0144 0.0416666667
0.854166667 0.0024 0.0416666667
0.895833333 0.0096 0.0416666667
0.9375 0.0072 0.0416666667
0.979166667 0.0024 0.0416666667
1.02083333 0 0.0416666667
1.0625 0.0024 0.0416666667
1.10416667 0 0.0416666667
1.14583333 0.0048 0.0416666667
1.1875 0 0.0416666667
1.22916667 0 0.0416666667
EOD
$zero3_3 << EOD
0 0.4953
EOD
$h4_1 << EOD
0.11785113 0.299954697 0.23570226
0.353553391 0.276195909 0.23570226
0.589255651 0.256679762 0.23570226
0.824957911 0.229102597 0.23570226
1.06066017 0.218495995 0.23570226
1.29636243 0.180312229 0.23570226
1.53206469 0.145522576 0.23570226
1.76776695 0.130249069 0.23570226
2.00346921 0.0997020561 0.23570226
2.23917147 0.0776403246 0.23570226
2.47487373 0.0644881384 0.23570226
2.71057599 0.0343653896 0.23570226
2.94627825 0.037335238 0.23570226
3.18198052 0.0216374675 0.23570226
3.41768278 0.018667619 0.23570226
3.65338504 0.0135764502 0.23570226
3.8890873 0.00593969696 0.23570226
4.12478956 0.00127279221 0.23570226
4.36049182 0.00212132034 0.23570226
4.59619408 0.000848528137 0.23570226
4.83189634 0.00127279221 0.23570226
5.0675986 0.00127279221 0.23570226
5.30330086 0.000424264069 0.23570226
5.53900312 0 0.23570226
5.77470538 0 0.23570226
6.01040764 0 0.23570226
6.2461099 0 0.23570226
6.48181216 0 0.23570226
6.71751442 0 0.23570226
6.95321668 0 0.23570226
EOD
$zero4_1 << EOD
0 0.501
EOD
$h4_2 << EOD
0.11785113 0.281711342 0.23570226
0.353553391 0.270256212 0.23570226
0.589255651 0.256255498 0.23570226
0.824957911 0.233345238 0.23570226
1.06066017 0.205343809 0.23570226
1.29636243 0.18455487 0.23570226
1.53206469 0.154856385 0.23570226
1.76776695 0.132370389 0.23570226
2.00346921 0.080185909 0.23570226
2.23917147 0.0869741341 0.23570226
2.47487373 0.0513359523 0.23570226
2.71057599 0.0428506709 0.23570226
2.94627825 0.0322440692 0.23570226
3.18198052 0.0190918831 0.23570226
3.41768278 0.0173948268 0.23570226
3.65338504 0.0118793939 0.23570226
3.8890873 0.00551543289 0.23570226
4.12478956 0.00466690476 0.23570226
4.36049182 0.00339411255 0.23570226
4.59619408 0.00169705627 0.23570226
4.83189634 0.00169705627 0.23570226
5.0675986 0.00169705627 0.23570226
5.30330086 0 0.23570226
5.53900312 0.000848528137 0.23570226
5.77470538 0 0.23570226
6.01040764 0.000424264069 0.23570226
6.2461099 0 0.23570226
6.48181216 0 0.23570226
6.71751442 0 0.23570226
6.95321668 0 0.23570226
EOD
$zero4_2 << EOD
0 0.5096
EOD
$h4_3 << EOD
0.11785113 0.308439978 0.23570226
0.353553391 0.296560584 0.23570226
0.589255651 0.283408398 0.23570226
0.824957911 0.228678333 0.23570226
1.06066017 0.203646753 0.23570226
1.29636243 0.180312229 0.23570226
1.53206469 0.155704913 0.23570226
1.76776695 0.115824091 0.23570226
2.00346921 0.0882469263 0.23570226
2.23917147 0.0644881384 0.23570226
2.47487373 0.0470933116 0.23570226
2.71057599 0.036910974 0.23570226
2.94627825 0.0292742207 0.23570226
3.18198052 0.0229102597 0.23570226
3.41768278 0.0127279221 0.23570226
3.65338504 0.00721248917 0.23570226
3.8890873 0.00593969696 0.23570226
4.12478956 0.00509116882 0.23570226
4.36049182 0.00169705627 0.23570226
4.59619408 0.00254558441 0.23570226
4.83189634 0.000848528137 0.23570226
5.0675986 0.00127279221 0.23570226
5.30330086 0.00169705627 0.23570226
5.53900312 0 0.23570226
5.77470538 0 0.23570226
6.01040764 0 0.23570226
6.2461099 0.000424264069 0.23570226
6.48181216 0 0.23570226
6.71751442 0 0.23570226
6.95321668 0 0.23570226
EOD
$zero4_3 << EOD
0 0.5048
EOD

# ---- layout: 4 rows (schemes) x 3 columns (layers), legend below -----
key_chars = 0                                   # the longest legend row, in characters
char_width = 0.0097 * scale * 1280. / width     # one character of the font (digits are widest)
sample_width = 0.07 * scale * 1280. / width     # a legend sample and the gap after it
line_height = 16 * scale * 4 / 3. * 1.25 / height   # a line of text (the PNG's 96 dpi; the SVG's too: svg_vchar)
line_width = line_height * height / width        # ... the same length across
column = 0.985 - sample_width - key_chars * char_width
column = (column < 0.55) ? 0.55 : column        # the plot keeps at least half the width
small_figure = 0
legend_below = 0
legend_height = 0
plot_left = 0.01 + 6 * char_width + 2.2 * line_width   # room for the y tick labels and label
# gnuplot sets an axis label off the axis by its estimate of the tick
# labels' width, in h_char: the SVG's narrower one brought it nearer (the
# colour bar's label sat on its tick labels), by (characters + 2) / 2 of
# them times svg_hchar - 1 (measured); tick labels of 4 characters here
# (satstat__fig_ylabel_room counts a y axis's)
if (format eq 'svg') {
    set ylabel offset -(svg_hchar - 1) * 3, 0
    set y2label offset (svg_hchar - 1) * 3, 0
    set cblabel offset (svg_hchar - 1) * 3, 0
}
# room for the title above, and for the x tick labels and label below;
# tighter over a legend below the plot (a small figure), whose rows took
# the plot's height (fig4 at 3.5 x 2.4 in kept 0.88 in)
top = 0.98 - (legend_below ? 1.7 : 2.4) * line_height
bottom = 0.02 + (legend_below ? 2.7 : 3.1) * line_height + legend_height
plot_right = column - 0.03   # a gap before the legend
plot_right = 0.985 - 2 * char_width             # no legend column: the panels take the width
legend_top = 0.02 + 4.45 * line_height           # the legend: rows below the panels
bottom = legend_top + 3.1 * line_height
top = top - 1.8 * line_height                   # the columns' titles over the y factors, the y axes' "density"
grid_cols = 3
grid_rows = 4                                 # small multiples
gap_x = 10 * char_width                      # room for a panel's y tick labels
gap_y = 2.9 * line_height                     # ... and for its title and x tick labels
panel_w = (plot_right - plot_left - (grid_cols - 1) * gap_x) / grid_cols
panel_h = (top - bottom - (grid_rows - 1) * gap_y) / grid_rows
panel_l(c) = plot_left + c * (panel_w + gap_x)
panel_r(c) = panel_l(c) + panel_w
panel_t(r) = top - r * (panel_h + gap_y)
panel_b(r) = panel_t(r) - panel_h
title_whole = 'Densities of relu(z), layers 1, 3 and 5 of 5 (100 units, N(0, 1) inputs)'
title_head = 'Densities of relu(z), layers 1, 3 and 5 of 5 (100 units, N(0, 1) inputs)'   # without its tail, for a small figure
title_chars = 58.4   # the whole title's width in char_width (DejaVu Sans advance widths)
head_chars = 58.4    # ... and the head's
title_room = 0.94    # the share of the width a title may take
title_fit = (title_chars * char_width < title_room || head_chars * char_width < title_room) ? 1 : title_room / (head_chars * char_width)
set multiplot title (title_chars * char_width < title_room ? title_whole : title_head) font font_at(title_fit)
unset key

# normal:1, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 1' offset 0,0.1
set ylabel 'σ_{w}⁠ = 1'
unset xlabel
x_lo = 0
x_hi = 50
set xtics ('0' 0, '20' 20, '40' 40)
unset label 4
set xrange [x_lo:x_hi]
y_top = 0.06093
set ytics ('0' 0, '0.05' 0.05)
unset label 5
set label 3 'density' at graph 0, graph 1 right offset -0.6,1.4 font smallfont
set label 1 'sd 5.8' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 1 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
p0_left = x_lo + (0.97 - 11 * char_width * smallpt / fontpt / panel_w) * (x_hi - x_lo)
p0_foot = 0.9 - (1.1 + 0.45 * smallpt / fontpt) * line_height / panel_h
stats $h1_1 using ($1 + $3 / 2 > p0_left ? $2 : 0) nooutput
if (p0_foot > 0 && STATS_max / p0_foot > y_top) {
    y_top = STATS_max / p0_foot
}
set yrange [0:y_top]
plot $h1_1 using 1:2:3 with boxes linetype 1 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 1 notitle

# normal:1, layer 3
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 3' offset 0,0.1
unset ylabel
unset xlabel
x_lo = 0
x_hi = 2500
set xtics ('0' 0, '1' 1000, '2' 2000)
x_room = (1.09 / 2 + 4.72 + 0.8) * char_width / panel_w   # the last tick label's right half, the factor and a gap
x_hi = (x_room < 0.6 && (2000 - x_room * x_lo) / (1 - x_room) > x_hi) ? (2000 - x_room * x_lo) / (1 - x_room) : x_hi
set label 4 '×10^{3}' at graph 1, graph 0 right offset 0, -1.4 front
set xrange [x_lo:x_hi]
y_top = 0.0012888
set ytics ('0' 0, '1' 0.001)
set label 5 '×10^{−3}' at graph 0, graph 1 left offset 0.3, 0.45 font smallfont front
set label 3 'density' at graph 0, graph 1 right offset -0.6,1.4 font smallfont
set label 1 'sd 290' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 1 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.49' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
p0_left = x_lo + (0.97 - 11 * char_width * smallpt / fontpt / panel_w) * (x_hi - x_lo)
p0_foot = 0.9 - (1.1 + 0.45 * smallpt / fontpt) * line_height / panel_h
stats $h1_2 using ($1 + $3 / 2 > p0_left ? $2 : 0) nooutput
if (p0_foot > 0 && STATS_max / p0_foot > y_top) {
    y_top = STATS_max / p0_foot
}
set yrange [0:y_top]
plot $h1_2 using 1:2:3 with boxes linetype 1 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 1 notitle

# normal:1, layer 5
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 5' offset 0,0.1
unset ylabel
unset xlabel
x_lo = 0
x_hi = 125000
set xtics ('0' 0, '5' 50000, '10' 100000)
x_room = (2.19 / 2 + 4.72 + 0.8) * char_width / panel_w   # the last tick label's right half, the factor and a gap
x_hi = (x_room < 0.6 && (100000 - x_room * x_lo) / (1 - x_room) > x_hi) ? (100000 - x_room * x_lo) / (1 - x_room) : x_hi
set label 4 '×10^{4}' at graph 1, graph 0 right offset 0, -1.4 front
set xrange [x_lo:x_hi]
y_top = 2.6424e-05
set ytics ('0' 0, '2' 2e-05)
set label 5 '×10^{−5}' at graph 0, graph 1 left offset 0.3, 0.45 font smallfont front
set label 3 'density' at graph 0, graph 1 right offset -0.6,1.4 font smallfont
set label 1 'sd 1.5×10^{4}' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 1 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
p0_left = x_lo + (0.97 - 11 * char_width * smallpt / fontpt / panel_w) * (x_hi - x_lo)
p0_foot = 0.9 - (1.1 + 0.45 * smallpt / fontpt) * line_height / panel_h
stats $h1_3 using ($1 + $3 / 2 > p0_left ? $2 : 0) nooutput
if (p0_foot > 0 && STATS_max / p0_foot > y_top) {
    y_top = STATS_max / p0_foot
}
set yrange [0:y_top]
plot $h1_3 using 1:2:3 with boxes linetype 1 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 1 notitle

# normal:0.01, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
set ylabel 'σ_{w}⁠ = 0.01'
unset xlabel
x_lo = 0
x_hi = 0.5
set xtics ('0' 0, '0.2' 0.2, '0.4' 0.4)
unset label 4
set xrange [x_lo:x_hi]
y_top = 6.498
set ytics ('0' 0, '5' 5)
unset label 5
unset label 3
set label 1 'sd 0.059' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 2 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.49' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
p0_left = x_lo + (0.97 - 11 * char_width * smallpt / fontpt / panel_w) * (x_hi - x_lo)
p0_foot = 0.9 - (1.1 + 0.45 * smallpt / fontpt) * line_height / panel_h
stats $h2_1 using ($1 + $3 / 2 > p0_left ? $2 : 0) nooutput
if (p0_foot > 0 && STATS_max / p0_foot > y_top) {
    y_top = STATS_max / p0_foot
}
set yrange [0:y_top]
plot $h2_1 using 1:2:3 with boxes linetype 2 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 2 notitle

# normal:0.01, layer 3
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
unset ylabel
unset xlabel
x_lo = 0
x_hi = 0.0025
set xtics ('0' 0, '1' 0.001, '2' 0.002)
x_room = (1.09 / 2 + 6.16 + 0.8) * char_width / panel_w   # the last tick label's right half, the factor and a gap
x_hi = (x_room < 0.6 && (0.002 - x_room * x_lo) / (1 - x_room) > x_hi) ? (0.002 - x_room * x_lo) / (1 - x_room) : x_hi
set label 4 '×10^{−3}' at graph 1, graph 0 right offset 0, -1.4 front
set xrange [x_lo:x_hi]
y_top = 1179
set ytics ('0' 0, '1' 1000)
set label 5 '×10^{3}' at graph 0, graph 1 left offset 0.3, 0.45 font smallfont front
unset label 3
set label 1 'sd 3.0×10^{−4}' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 2 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
p0_left = x_lo + (0.97 - 11 * char_width * smallpt / fontpt / panel_w) * (x_hi - x_lo)
p0_foot = 0.9 - (1.1 + 0.45 * smallpt / fontpt) * line_height / panel_h
stats $h2_2 using ($1 + $3 / 2 > p0_left ? $2 : 0) nooutput
if (p0_foot > 0 && STATS_max / p0_foot > y_top) {
    y_top = STATS_max / p0_foot
}
set yrange [0:y_top]
plot $h2_2 using 1:2:3 with boxes linetype 2 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 2 notitle

# normal:0.01, layer 5
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
unset ylabel
unset xlabel
x_lo = 0
x_hi = 1.25e-05
set xtics ('0' 0, '5' 5e-06, '10' 1e-05)
x_room = (2.19 / 2 + 6.16 + 0.8) * char_width / panel_w   # the last tick label's right half, the factor and a gap
x_hi = (x_room < 0.6 && (1e-05 - x_room * x_lo) / (1 - x_room) > x_hi) ? (1e-05 - x_room * x_lo) / (1 - x_room) : x_hi
set label 4 '×10^{−6}' at graph 1, graph 0 right offset 0, -1.4 front
set xrange [x_lo:x_hi]
y_top = 249840
set ytics ('0' 0, '2' 200000)
set label 5 '×10^{5}' at graph 0, graph 1 left offset 0.3, 0.45 font smallfont front
unset label 3
set label 1 'sd 1.5×10^{−6}' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 2 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
p0_left = x_lo + (0.97 - 11 * char_width * smallpt / fontpt / panel_w) * (x_hi - x_lo)
p0_foot = 0.9 - (1.1 + 0.45 * smallpt / fontpt) * line_height / panel_h
stats $h2_3 using ($1 + $3 / 2 > p0_left ? $2 : 0) nooutput
if (p0_foot > 0 && STATS_max / p0_foot > y_top) {
    y_top = STATS_max / p0_foot
}
set yrange [0:y_top]
plot $h2_3 using 1:2:3 with boxes linetype 2 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 2 notitle

# scaled, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
set ylabel 'scaled'
unset xlabel
x_lo = 0
x_hi = 5
set xtics ('0' 0, '2' 2, '4' 4)
unset label 4
set xrange [x_lo:x_hi]
y_top = 0.6327
set ytics ('0' 0, '0.5' 0.5)
unset label 5
unset label 3
set label 1 'sd 0.57' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 3 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
p0_left = x_lo + (0.97 - 11 * char_width * smallpt / fontpt / panel_w) * (x_hi - x_lo)
p0_foot = 0.9 - (1.1 + 0.45 * smallpt / fontpt) * line_height / panel_h
stats $h3_1 using ($1 + $3 / 2 > p0_left ? $2 : 0) nooutput
if (p0_foot > 0 && STATS_max / p0_foot > y_top) {
    y_top = STATS_max / p0_foot
}
set yrange [0:y_top]
plot $h3_1 using 1:2:3 with boxes linetype 3 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 3 notitle

# scaled, layer 3
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
unset ylabel
unset xlabel
x_lo = 0
x_hi = 2.5
set xtics ('0' 0, '1' 1, '2' 2)
unset label 4
set xrange [x_lo:x_hi]
y_top = 1.3302
set ytics ('0' 0, '1' 1)
unset label 5
unset label 3
set label 1 'sd 0.29' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 3 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
p0_left = x_lo + (0.97 - 11 * char_width * smallpt / fontpt / panel_w) * (x_hi - x_lo)
p0_foot = 0.9 - (1.1 + 0.45 * smallpt / fontpt) * line_height / panel_h
stats $h3_2 using ($1 + $3 / 2 > p0_left ? $2 : 0) nooutput
if (p0_foot > 0 && STATS_max / p0_foot > y_top) {
    y_top = STATS_max / p0_foot
}
set yrange [0:y_top]
plot $h3_2 using 1:2:3 with boxes linetype 3 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 3 notitle

# scaled, layer 5
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
unset ylabel
unset xlabel
x_lo = 0
x_hi = 1.25
set xtics ('0' 0, '0.5' 0.5, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 2.61
set ytics ('0' 0, '2' 2)
unset label 5
unset label 3
set label 1 'sd 0.15' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 3 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
p0_left = x_lo + (0.97 - 11 * char_width * smallpt / fontpt / panel_w) * (x_hi - x_lo)
p0_foot = 0.9 - (1.1 + 0.45 * smallpt / fontpt) * line_height / panel_h
stats $h3_3 using ($1 + $3 / 2 > p0_left ? $2 : 0) nooutput
if (p0_foot > 0 && STATS_max / p0_foot > y_top) {
    y_top = STATS_max / p0_foot
}
set yrange [0:y_top]
plot $h3_3 using 1:2:3 with boxes linetype 3 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 3 notitle

# he-normal, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
set ylabel 'he-normal'
set xlabel 'relu(z)' offset 0,0.3
x_lo = 0
x_hi = 7.07106781
set xtics ('0' 0, '2' 2, '4' 4, '6' 6)
unset label 4
set xrange [x_lo:x_hi]
y_top = 0.449932
set ytics ('0' 0, '' 0.2, '0.4' 0.4)
unset label 5
unset label 3
set label 1 'sd 0.82' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 4 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
p0_left = x_lo + (0.97 - 11 * char_width * smallpt / fontpt / panel_w) * (x_hi - x_lo)
p0_foot = 0.9 - (1.1 + 0.45 * smallpt / fontpt) * line_height / panel_h
stats $h4_1 using ($1 + $3 / 2 > p0_left ? $2 : 0) nooutput
if (p0_foot > 0 && STATS_max / p0_foot > y_top) {
    y_top = STATS_max / p0_foot
}
set yrange [0:y_top]
plot $h4_1 using 1:2:3 with boxes linetype 4 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 4 notitle

# he-normal, layer 3
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
unset ylabel
set xlabel 'relu(z)' offset 0,0.3
x_lo = 0
x_hi = 7.07106781
set xtics ('0' 0, '2' 2, '4' 4, '6' 6)
unset label 4
set xrange [x_lo:x_hi]
y_top = 0.422567
set ytics ('0' 0, '' 0.2, '0.4' 0.4)
unset label 5
unset label 3
set label 1 'sd 0.82' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 4 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.51' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
p0_left = x_lo + (0.97 - 11 * char_width * smallpt / fontpt / panel_w) * (x_hi - x_lo)
p0_foot = 0.9 - (1.1 + 0.45 * smallpt / fontpt) * line_height / panel_h
stats $h4_2 using ($1 + $3 / 2 > p0_left ? $2 : 0) nooutput
if (p0_foot > 0 && STATS_max / p0_foot > y_top) {
    y_top = STATS_max / p0_foot
}
set yrange [0:y_top]
plot $h4_2 using 1:2:3 with boxes linetype 4 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 4 notitle

# he-normal, layer 5
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
unset ylabel
set xlabel 'relu(z)' offset 0,0.3
x_lo = 0
x_hi = 7.07106781
set xtics ('0' 0, '2' 2, '4' 4, '6' 6)
unset label 4
set xrange [x_lo:x_hi]
y_top = 0.46266
set ytics ('0' 0, '' 0.2, '0.4' 0.4)
unset label 5
unset label 3
set label 1 'sd 0.79' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 4 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
p0_left = x_lo + (0.97 - 11 * char_width * smallpt / fontpt / panel_w) * (x_hi - x_lo)
p0_foot = 0.9 - (1.1 + 0.45 * smallpt / fontpt) * line_height / panel_h
stats $h4_3 using ($1 + $3 / 2 > p0_left ? $2 : 0) nooutput
if (p0_foot > 0 && STATS_max / p0_foot > y_top) {
    y_top = STATS_max / p0_foot
}
set yrange [0:y_top]
plot $h4_3 using 1:2:3 with boxes linetype 4 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 4 notitle
unset title
unset label
unset arrow

# ---- legend: rows of their own below the panels ----------------------------
legend_chars = 33   # the legend's longest row, in char_width
legend_left = plot_left
legend_left = (legend_left + sample_width + legend_chars * char_width > 0.99) ? 0.99 - sample_width - legend_chars * char_width : legend_left
legend_left = (legend_left < 0.01) ? 0.01 : legend_left
legend_fit = (legend_left + sample_width + legend_chars * char_width > 0.99) ? (0.98 - sample_width) / (legend_chars * char_width) : 1
set lmargin at screen legend_left
set rmargin at screen 0.99        # the legend's panel: the column, to the edges
set tmargin at screen legend_top   # the first row level with the top of the plot
set bmargin at screen 0.02
unset border
unset tics
unset grid
unset xlabel
unset ylabel
unset colorbox
unset object
unset arrow
unset label
set xrange [0:1]
set yrange [0:1]
# samples 2.5 characters long, rows 1.15 lines apart (6 rows)
legend_font = font_at(legend_fit)   # (set key takes a string, not an expression)
set key inside left top Left reverse samplen 2.5 * svg_hchar spacing 1.15 font legend_font
# an empty plot (a line out of range) whose key is the legend
if (exists('legend_below') && legend_below) {
    # below the plot, across the figure: the rows with a sample, in
    # legend_cols columns spread over the width, each a key of its own
    # (gnuplot's 'horizontal maxcols' sized its columns by its own
    # estimate of the text, made fewer when that was wider, and dropped
    # the rows that no longer fitted the height); a column holds
    # legend_rows rows, the height legend_height keeps
    legend_rows = ceil(1. * key_rows / legend_cols)
    set tmargin at screen 0.01 + legend_height
    set bmargin at screen 0.005
    set rmargin at screen 0.99
    # one column whose longest row is wider than the figure, or a row of
    # text that is: its text smaller
    legend_fit = (sample_width + below_chars * char_width > 0.98) ? (0.98 - sample_width) / (below_chars * char_width) : 1
    text_fit = (sample_width + text_chars * char_width > 0.98) ? (0.98 - sample_width) / (text_chars * char_width) : 1
    legend_fit = (text_fit < legend_fit) ? text_fit : legend_fit
    legend_font = font_at(legend_fit)
    set key inside left top Left reverse samplen 2.5 * svg_hchar spacing 1.0 vertical font legend_font
    do for [legend_col = 0:legend_cols - 1] {
    set lmargin at screen 0.01 + legend_col * 0.97 / legend_cols
    plot -1 with lines linetype nodraw notitle, \
     keyentry with boxes linetype 1 fillstyle solid 1.0 noborder title (int(0 / legend_rows) == legend_col ? 'normal: weight σ_{w}⁠ = 1' : ''), \
     keyentry with boxes linetype 2 fillstyle solid 1.0 noborder title (int(1 / legend_rows) == legend_col ? 'normal: weight σ_{w}⁠ = 0.01' : ''), \
     keyentry with boxes linetype 3 fillstyle solid 1.0 noborder title (int(2 / legend_rows) == legend_col ? 'scaled: weight σ_{w}⁠ = 0.1' : ''), \
     keyentry with boxes linetype 4 fillstyle solid 1.0 noborder title (int(3 / legend_rows) == legend_col ? 'he-normal: weight σ_{w}⁠ = 0.141' : ''), \
     keyentry with points pointtype 9 linecolor rgb '#808080' title (int(4 / legend_rows) == legend_col ? 'a point mass, or every unit in one bin' : '')
    }
} else {
plot -1 with lines linetype nodraw notitle, \
     keyentry with boxes linetype 1 fillstyle solid 1.0 noborder title 'normal: weight σ_{w}⁠ = 1', \
     keyentry with boxes linetype 2 fillstyle solid 1.0 noborder title 'normal: weight σ_{w}⁠ = 0.01', \
     keyentry with lines linetype nodraw title ' ', \
     keyentry with boxes linetype 3 fillstyle solid 1.0 noborder title 'scaled: weight σ_{w}⁠ = 0.1', \
     keyentry with boxes linetype 4 fillstyle solid 1.0 noborder title 'he-normal: weight σ_{w}⁠ = 0.141', \
     keyentry with points pointtype 9 linecolor rgb '#808080' title 'a point mass, or every unit in one bin'
}
unset multiplot
