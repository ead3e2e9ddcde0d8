# sweep-variance.gp: Var z against n_{in} (fan-in)
#
# Var z for every scheme as n_{in} varies: the formula as a curve
# (evaluated at 240 points between the ends), the sampled value at each
# point of the sweep as a point with its 99.9 % confidence bar (fourth-moment
# standard error).
# Every point is a full `satstat run` with the same seed, so the sampling
# errors of neighbouring points are correlated.
# With floor(n_in/2) of the inputs 1, the formula is two lines: one
# through the odd n_in, one through the even.
#
# Made by:  satstat sweep --vary n-in=10:10000:8:log --scheme standard,scaled --n-out 100 --inputs half --bias normal:1 --activation sigmoid --threshold 4 --samples 100000 --seed 1 --alpha 0.001 --plots plots/sweep --plot-size 1280x800
#           satstat 0.1.0
# Run:      gnuplot sweep-variance.gp
#           from any directory (the data are inline): writes sweep-variance.png
#           into the current directory; see "output" for other formats.

set encoding utf8

# ---- output ----------------------------------------------------------------
# Choose another format, file or size on the command line, e.g.
#   gnuplot -e "format='svg'; output='figure.svg'" sweep-variance.gp
# format: 'png' (pngcairo), 'svg' or 'pdf' (pdfcairo); output '' writes
# to standard output (satstat --render does that); width and height in
# pixels of the PNG at dpi dots per inch: SVG and PDF get the physical size,
# width/dpi x height/dpi inches, with the same layout.  Text, lines and
# margins follow a new size; which panels, rows and legend columns there
# are was chosen for the size the figure was made at ("Made by"): for a
# very different size or font, make it again with that command's
# --plot-size, --dpi and --font-size.
if (!exists('format')) format = 'png'
if (!exists('output')) output = 'sweep-variance.' . format
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
set linetype 1 linecolor rgb '#0072B2' linewidth 3 dashtype 1 pointtype 7 pointsize lt_pointsize   # blue: standard
set linetype 2 linecolor rgb '#D55E00' linewidth 3 dashtype 2 pointtype 5 pointsize lt_pointsize   # vermillion: scaled
ink = '#000000'      # the legend's generic samples: black
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

# ---- layout ----------------------------------------------------------------
# The plot the full width; the legend below it (a panel of its own), so
# that neither covers the data; the fixed settings are in the header.
# Screen units: 0 = left/bottom, 1 = right/top of the figure.
key_chars = 28                                  # the longest legend row, in characters
char_width = 0.0097 * scale * 1280. / width     # one character of the font (digits are widest)
sample_width = 0.07 * scale * 1280. / width     # a legend sample and the gap after it
line_height = 16 * scale * 4 / 3. * 1.25 / height   # a line of text (the PNG's 96 dpi; the SVG's too: svg_vchar)
line_width = line_height * height / width        # ... the same length across
column = 0.985 - sample_width - key_chars * char_width
key_rows = 5                                    # legend rows with a sample
below_chars = 17                                # ... the longest of them
text_rows = 3                                   # rows of text for a legend below the plot
text_chars = 68                                 # ... the longest of them
# When the column would leave the plot less than half the width (a
# small figure), the legend goes below the plot: its rows with a sample
# in as many columns as fit, then its rows of text (the figure's
# numbers, short) across the width; the column's notes are in the
# header and the numbers in full in the report.
small_figure = (column < 0.55) ? 1 : 0
legend_below = small_figure
# (below at every size: beside it, a 1280 x 800 slide's legend left a
# quarter of the slide blank under it, figure review 18, S6)
legend_below = 1
# (below_chars: the longest row's advance width in DejaVu Sans, in
# char_width, an upper bound; a column is that, its sample and a gap)
legend_cols = floor(0.97 / (sample_width + (below_chars + 1) * char_width))
legend_cols = (legend_cols < 1) ? 1 : legend_cols
# (and a quarter line under the last row: a subscript there, χ_{1}, came
# within 3 px of the canvas's edge at 3.5 in)
legend_height = legend_below ? ((((legend_cols <= 1) ? 5 : (legend_cols <= 2) ? 3 : (legend_cols <= 3) ? 2 : (legend_cols <= 4) ? 2 : 2) + text_rows) * 1.0 + 0.25) * line_height + 0.01 : 0
column = legend_below ? 0.985 : column
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
# the x label half a line nearer its tick labels than gnuplot sets it
# (0.8 lines apart at 3.5 in, 33 px at 300 dpi: figure review 18, N12),
# and the plot 0.4 lines taller for it
set xlabel offset 0, 0.5
bottom = bottom - 0.4 * line_height
narrow = small_figure   # a small figure: short labels, fewer ticks
set lmargin at screen plot_left
set rmargin at screen plot_right
set tmargin at screen top
set bmargin at screen bottom

# ---- numbers ---------------------------------------------------------------
xmin = 8.128305162            # the first point, less a little margin
xmax = 12302.68771            # the last point, plus a little margin
ylo = 0.5             # 1, 2 or 5 times a power of ten around the data (at most 7 decades)
yhi = 10000

# ---- data ------------------------------------------------------------------
# On the log y axis a sampled 0 is drawn open in a strip labelled 0 below
# the axis's foot (ylo), its bar up to the interval's upper end; a bar below
# the foot ends there with a down triangle.  The formula's values of 0 are
# left out.
# 'standard', formula: n_{in}, Var z (227 points)
$formula1 << EOD
10 6
12 7
14 8
16 9
18 10
20 11
22 12
24 13
26 14
28 15
30 16
32 17
34 18
36 19
38 20
40 21
42 22
44 23
46 24
48 25
50 26
52 27
58 30
60 31
62 32
64 33
72 37
76 39
78 40
80 41
82 42
90 46
98 50
104 53
110 56
120 61
124 63
156 79
160 81
170 86
180 91
196 99
202 102
208 105
214 108
220 111
240 121
262 132
270 136
278 140
286 144
294 148
312 157
330 166
340 171
350 176
360 181
382 192
404 203
416 209
428 215
454 228
518 260
524 263
540 271
556 279
572 287
606 304
624 313
642 322
680 341
700 351
742 372
764 383
786 394
882 442
908 455
962 482
990 496
1080 541
1112 557
1144 573
1178 590
1248 625
1322 662
1442 722
1484 743
1528 765
1666 834
1982 992
2040 1021
2100 1051
2290 1146
2426 1214
2646 1324
2724 1363
2886 1444
2970 1486
3334 1668
3432 1717
3636 1819
3728 1865
3966 1984
4082 2042
4202 2102
4452 2227
4582 2292
5144 2573
5450 2726
5610 2806
5774 2888
5944 2973
6118 3060
6482 3242
6672 3337
6868 3435
7490 3746
7710 3856
7936 3969
8168 4085
8408 4205
8654 4328
8908 4455
9438 4720
10000 5001

11 6
13 7
15 8
17 9
19 10
21 11
23 12
25 13
27 14
29 15
31 16
33 17
35 18
37 19
39 20
41 21
45 23
49 25
53 27
55 28
57 29
65 33
67 34
69 35
71 36
73 37
85 43
87 44
93 47
95 48
101 51
107 54
113 57
117 59
127 64
131 66
135 68
139 70
143 72
147 74
151 76
165 83
175 88
185 93
191 96
193 97
227 114
233 117
247 124
255 128
303 152
321 161
371 186
393 197
441 221
467 234
481 241
495 248
509 255
589 295
661 331
721 361
809 405
833 417
857 429
935 468
1019 510
1049 525
1213 607
1285 643
1361 681
1389 695
1401 701
1573 787
1619 810
1715 858
1765 883
1817 909
1871 936
1925 963
2161 1081
2225 1113
2357 1179
2497 1249
2571 1286
2803 1402
3057 1529
3147 1574
3239 1620
3533 1767
3743 1872
3853 1927
4325 2163
4717 2359
4855 2428
4997 2499
5295 2648
6297 3149
7069 3535
7277 3639
9169 4585
9715 4858
EOD
# 'standard', sampled: n_{in}, Var z, the 99.9 % interval's lower and upper ends
$sample1 << EOD
10 6.007050275 5.918350223 6.095750328
27 13.98419156 13.7772847 14.19109842
72 36.97474585 36.42960893 37.51988277
193 97.04899536 95.62171795 98.47627278
518 259.4056427 255.5751468 263.2361386
1389 691.2168549 681.0140482 701.4196617
3728 1857.386881 1829.992805 1884.780958
10000 4997.313037 4923.233636 5071.392439
EOD
# 'scaled', formula: n_{in}, Var z (227 points)
$formula2 << EOD
10 1.5
12 1.5
14 1.5
16 1.5
18 1.5
20 1.5
22 1.5
24 1.5
26 1.5
28 1.5
30 1.5
32 1.5
34 1.5
36 1.5
38 1.5
40 1.5
42 1.5
44 1.5
46 1.5
48 1.5
50 1.5
52 1.5
58 1.5
60 1.5
62 1.5
64 1.5
72 1.5
76 1.5
78 1.5
80 1.5
82 1.5
90 1.5
98 1.5
104 1.5
110 1.5
120 1.5
124 1.5
156 1.5
160 1.5
170 1.5
180 1.5
196 1.5
202 1.5
208 1.5
214 1.5
220 1.5
240 1.5
262 1.5
270 1.5
278 1.5
286 1.5
294 1.5
312 1.5
330 1.5
340 1.5
350 1.5
360 1.5
382 1.5
404 1.5
416 1.5
428 1.5
454 1.5
518 1.5
524 1.5
540 1.5
556 1.5
572 1.5
606 1.5
624 1.5
642 1.5
680 1.5
700 1.5
742 1.5
764 1.5
786 1.5
882 1.5
908 1.5
962 1.5
990 1.5
1080 1.5
1112 1.5
1144 1.5
1178 1.5
1248 1.5
1322 1.5
1442 1.5
1484 1.5
1528 1.5
1666 1.5
1982 1.5
2040 1.5
2100 1.5
2290 1.5
2426 1.5
2646 1.5
2724 1.5
2886 1.5
2970 1.5
3334 1.5
3432 1.5
3636 1.5
3728 1.5
3966 1.5
4082 1.5
4202 1.5
4452 1.5
4582 1.5
5144 1.5
5450 1.5
5610 1.5
5774 1.5
5944 1.5
6118 1.5
6482 1.5
6672 1.5
6868 1.5
7490 1.5
7710 1.5
7936 1.5
8168 1.5
8408 1.5
8654 1.5
8908 1.5
9438 1.5
10000 1.5

11 1.454545455
13 1.461538462
15 1.466666667
17 1.470588235
19 1.473684211
21 1.476190476
23 1.47826087
25 1.48
27 1.481481481
29 1.482758621
31 1.483870968
33 1.484848485
35 1.485714286
37 1.486486486
39 1.487179487
41 1.487804878
45 1.488888889
49 1.489795918
53 1.490566038
55 1.490909091
57 1.49122807
65 1.492307692
67 1.492537313
69 1.492753623
71 1.492957746
73 1.493150685
85 1.494117647
87 1.494252874
93 1.494623656
95 1.494736842
101 1.495049505
107 1.495327103
113 1.495575221
117 1.495726496
127 1.496062992
131 1.496183206
135 1.496296296
139 1.496402878
143 1.496503497
147 1.496598639
151 1.496688742
165 1.496969697
175 1.497142857
185 1.497297297
191 1.497382199
193 1.497409326
227 1.497797357
233 1.497854077
247 1.497975709
255 1.498039216
303 1.498349835
321 1.498442368
371 1.498652291
393 1.498727735
441 1.498866213
467 1.498929336
481 1.498960499
495 1.498989899
509 1.499017682
589 1.499151104
661 1.49924357
721 1.499306519
809 1.499381953
833 1.49939976
857 1.499416569
935 1.499465241
1019 1.499509323
1049 1.499523356
1213 1.499587799
1285 1.499610895
1361 1.499632623
1389 1.499640029
1401 1.499643112
1573 1.499682136
1619 1.499691167
1715 1.499708455
1765 1.499716714
1817 1.499724821
1871 1.499732763
1925 1.49974026
2161 1.499768626
2225 1.499775281
2357 1.499787866
2497 1.49979976
2571 1.499805523
2803 1.49982162
3057 1.499836441
3147 1.499841119
3239 1.499845631
3533 1.499858477
3743 1.499866417
3853 1.499870231
4325 1.499884393
4717 1.499894
4855 1.499897013
4997 1.49989994
5295 1.499905571
6297 1.499920597
7069 1.499929269
7277 1.49993129
9169 1.499945468
9715 1.499948533
EOD
# 'scaled', sampled: n_{in}, Var z, the 99.9 % interval's lower and upper ends
$sample2 << EOD
10 1.501326532 1.479271031 1.523382034
27 1.477926768 1.456136439 1.499717097
72 1.48951886 1.46752123 1.51151649
193 1.499113267 1.476979243 1.521247291
518 1.504160543 1.481937683 1.526383404
1389 1.496919745 1.474912831 1.518926659
3728 1.494858617 1.472907321 1.516809914
10000 1.49570949 1.47365451 1.517764469
EOD

# ---- title and axes --------------------------------------------------------
title_whole = 'Var z against n_{in}'
title_head = 'Var z against n_{in}'   # without its tail, for a small figure
title_chars = 14.5   # the whole title's width in char_width (DejaVu Sans advance widths)
head_chars = 14.5    # ... and the head's
title_room = 0.94    # the share of the width a title may take
title_fit = (title_chars * char_width < title_room || head_chars * char_width < title_room) ? 1 : title_room / (head_chars * char_width)
set multiplot title (title_chars * char_width < title_room ? title_whole : title_head) font font_at(title_fit)
set xlabel 'n_{in}⁠ (fan-in)'
set ylabel 'Var z'
set xrange [xmin:xmax]
set logscale x 10   # a log sweep over two decades or more
set format x '10^{%T}'
set logscale y 10   # the values span more than 20 times (or --log-y)
set format y '10^{%T}'   # 10^{n}, as on every log axis of the figures (not 1e-06, not 1000)
set yrange [ylo:yhi]
# a label every other decade where a decade is under 1.6 lines high (by the
# span alone, 4.7 decades 0.35 in each at 3.5 in had two labels: figure
# review 24, S5)
log_crowded = ((top - bottom) / log10(yhi / ylo) < 1.6 * line_height)
if (log_crowded) { set ytics 100 }
# on a small figure a decade is a few lines high: the eight minor ticks of
# each ran into a smudge beside the labels; a plain tick at an unlabelled
# decade instead
if (narrow) { if (log_crowded) { set mytics 2 } else { unset mytics } }

# ---- the plot --------------------------------------------------------------
# layers: per scheme the formula curve, then the sampled points with bars
# (an empty block would make gnuplot warn: it is not plotted)
bound = 1   # Var b: Var z is never below it
plot bound with lines linecolor rgb '#808080' linewidth 2 dashtype 3 notitle, \
     $formula1 every :::1::1 using 1:2 with lines linetype 1 linecolor rgb '#8CC0DC' linewidth 1.5 dashtype 1 notitle, \
     $formula1 every :::0::0 using 1:2 with lines linetype 1 notitle, \
     $sample1 using 1:($2 > 0 && int($1) % 2 == 0 ? $2 : NaN):($3 > ylo ? $3 : ylo):4 with yerrorbars linetype 1 linewidth 2 dashtype 1 notitle, \
     $sample1 using 1:($2 > 0 && int($1) % 2 ? $2 : NaN):($3 > ylo ? $3 : ylo):4 with yerrorbars linetype 1 linewidth 2 dashtype 1 pointtype -1 notitle, \
     $sample1 using 1:($2 > 0 && int($1) % 2 ? $2 : NaN) with points linetype 1 pointtype 6 pointsize lt_pointsize * open_size linewidth open_lw notitle, \
     $formula2 every :::1::1 using 1:2 with lines linetype 2 linecolor rgb '#ECB78C' linewidth 1.5 dashtype 1 notitle, \
     $formula2 every :::0::0 using 1:2 with lines linetype 2 notitle, \
     $sample2 using 1:($2 > 0 && int($1) % 2 == 0 ? $2 : NaN):($3 > ylo ? $3 : ylo):4 with yerrorbars linetype 2 linewidth 2 dashtype 1 notitle, \
     $sample2 using 1:($2 > 0 && int($1) % 2 ? $2 : NaN):($3 > ylo ? $3 : ylo):4 with yerrorbars linetype 2 linewidth 2 dashtype 1 pointtype -1 notitle, \
     $sample2 using 1:($2 > 0 && int($1) % 2 ? $2 : NaN) with points linetype 2 pointtype 4 pointsize lt_pointsize * open_size linewidth open_lw notitle

# ---- the legend ------------------------------------------------------------
legend_chars = 28   # the legend's longest row, in char_width
legend_left = column
legend_left = (legend_left + sample_width + legend_chars * char_width > 0.99) ? 0.99 - sample_width - legend_chars * char_width : legend_left
legend_left = (legend_left < 0.01) ? 0.01 : legend_left
legend_fit = (legend_left + sample_width + legend_chars * char_width > 0.99) ? (0.98 - sample_width) / (legend_chars * char_width) : 1
set lmargin at screen legend_left
set rmargin at screen 0.99        # the legend's panel: the column, to the edges
set tmargin at screen top + 0.02   # the first row level with the top of the plot
set bmargin at screen 0.02
unset border
unset tics
unset grid
unset xlabel
unset ylabel
unset logscale
unset object
unset arrow
unset label
set xrange [0:1]
set yrange [0:1]
# samples 2.5 characters long, rows 1.15 lines apart (16 rows)
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
    legend_rows = ((legend_cols <= 1) ? 5 : (legend_cols <= 2) ? 3 : (legend_cols <= 3) ? 2 : (legend_cols <= 4) ? 2 : 2)
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
     keyentry with linespoints linetype 1 title (((legend_cols <= 1) ? 0 : (legend_cols <= 2) ? 0 : (legend_cols <= 3) ? 0 : (legend_cols <= 4) ? 0 : 0) == legend_col ? 'standard: even n_{in}' : ''), \
     keyentry with points linetype 1 pointtype 6 pointsize lt_pointsize * open_size linewidth open_lw title (((legend_cols <= 1) ? 0 : (legend_cols <= 2) ? 0 : (legend_cols <= 3) ? 0 : (legend_cols <= 4) ? 0 : 0) == legend_col ? 'standard: odd n_{in}' : ''), \
     keyentry with linespoints linetype 2 title (((legend_cols <= 1) ? 0 : (legend_cols <= 2) ? 1 : (legend_cols <= 3) ? 1 : (legend_cols <= 4) ? 1 : 1) == legend_col ? 'scaled: even n_{in}' : ''), \
     keyentry with points linetype 2 pointtype 4 pointsize lt_pointsize * open_size linewidth open_lw title (((legend_cols <= 1) ? 0 : (legend_cols <= 2) ? 1 : (legend_cols <= 3) ? 1 : (legend_cols <= 4) ? 1 : 1) == legend_col ? 'scaled: odd n_{in}' : ''), \
     keyentry with lines linecolor rgb '#808080' linewidth 2 dashtype 3 title (((legend_cols <= 1) ? 0 : (legend_cols <= 2) ? 1 : (legend_cols <= 3) ? 2 : (legend_cols <= 4) ? 2 : 2) == legend_col ? 'floor Var b = 1' : ''), \
     keyentry with lines linetype nodraw title ((0 == legend_col && 0 < ((legend_cols <= 1) ? 0 : (legend_cols <= 2) ? 1 : (legend_cols <= 3) ? 0 : (legend_cols <= 4) ? 0 : 0)) ? ' ' : ''), \
     keyentry with lines linetype nodraw title (0 == legend_col ? 'lines: formula; pale lines: the formula at odd n_{in}; points: sampled, 99.9 % CI' : ''), \
     keyentry with lines linetype nodraw title (0 == legend_col ? 'a bar shorter than its mark is hidden; ⌊n_{in}/2⌋ inputs 1; b ∼ N(0, 1^{2}); sigmoid' : ''), \
     keyentry with lines linetype nodraw title (0 == legend_col ? '100 000 neurons, seed 1 at every point' : '')
    }
} else {
plot -1 with lines linetype nodraw notitle, \
     keyentry with linespoints linetype 1 title 'standard: even n_{in}', \
     keyentry with points linetype 1 pointtype 6 pointsize lt_pointsize * open_size linewidth open_lw title 'standard: odd n_{in}', \
     keyentry with linespoints linetype 2 title 'scaled: even n_{in}', \
     keyentry with points linetype 2 pointtype 4 pointsize lt_pointsize * open_size linewidth open_lw title 'scaled: odd n_{in}', \
     keyentry with lines linetype nodraw title 'lines: formula', \
     keyentry with lines linecolor rgb '#808080' linewidth 2 dashtype 3 title 'floor Var b = 1', \
     keyentry with lines linetype nodraw title 'points, bars: sampled, 99.9 % CI', \
     keyentry with lines linetype nodraw title ' ', \
     keyentry with lines linetype nodraw title 'inputs: ⌊n_{in}/2⌋ of them 1', \
     keyentry with lines linetype nodraw title 'bias b ∼ N(0, 1^{2})', \
     keyentry with lines linetype nodraw title 'sigmoid', \
     keyentry with lines linetype nodraw title '100 000 neurons each,', \
     keyentry with lines linetype nodraw title 'seed 1 at every point'
}
unset multiplot
