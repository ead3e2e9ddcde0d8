# sweep-activation-derivative.gp: mean slope E[sigmoid′(z)] against n_{in} (fan-in)
#
# mean slope E[sigmoid′(z)] for every scheme as n_{in} varies: the formula as a curve
# (evaluated at 240 points between the ends), the sampled value at each
# point of the sweep as a point with its 99.9 % confidence bar (Student t).
# Every point is a full `satstat run` with the same seed, so the sampling
# errors of neighbouring points are correlated.
# With floor(n_in/2) of the inputs 1, the formula is two lines: one
# through the odd n_in, one through the even.
#
# Made by:  satstat sweep --vary n-in=10:10000:8:log --scheme standard,scaled --n-out 100 --inputs half --bias normal:1 --activation sigmoid --threshold 4 --samples 100000 --seed 1 --alpha 0.001 --plots plots/sweep --plot-size 1280x800
#           satstat 0.1.0
# Run:      gnuplot sweep-activation-derivative.gp
#           from any directory (the data are inline): writes sweep-activation-derivative.png
#           into the current directory; see "output" for other formats.

set encoding utf8

# ---- output ----------------------------------------------------------------
# Choose another format, file or size on the command line, e.g.
#   gnuplot -e "format='svg'; output='figure.svg'" sweep-activation-derivative.gp
# format: 'png' (pngcairo), 'svg' or 'pdf' (pdfcairo); output '' writes
# to standard output (satstat --render does that); width and height in
# pixels of the PNG at dpi dots per inch: SVG and PDF get the physical size,
# width/dpi x height/dpi inches, with the same layout.  Text, lines and
# margins follow a new size; which panels, rows and legend columns there
# are was chosen for the size the figure was made at ("Made by"): for a
# very different size or font, make it again with that command's
# --plot-size, --dpi and --font-size.
if (!exists('format')) format = 'png'
if (!exists('output')) output = 'sweep-activation-derivative.' . format
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
below_chars = 18                                # ... the longest of them
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
ylo = 0.002             # 1, 2 or 5 times a power of ten around the data (at most 7 decades)
yhi = 0.5

# ---- data ------------------------------------------------------------------
# On the log y axis a sampled 0 is drawn open in a strip labelled 0 below
# the axis's foot (ylo), its bar up to the interval's upper end; a bar below
# the foot ends there with a down triangle.  The formula's values of 0 are
# left out.
# 'standard', formula: n_{in}, mean slope E[sigmoid′(z)] (227 points)
$formula1 << EOD
10 0.1329279474
12 0.125960255
14 0.1200060636
16 0.1148379048
18 0.1102946424
20 0.1062583189
22 0.1026402289
24 0.09937214696
26 0.09640058693
28 0.09368292226
30 0.09118469144
32 0.08887768148
34 0.08673853618
36 0.08474772688
38 0.08288877874
40 0.0811476807
42 0.0795124294
44 0.07797267259
46 0.07651942723
48 0.07514485443
50 0.07384207807
52 0.07260503756
58 0.06923756884
60 0.0682153701
62 0.06723727314
64 0.06630018768
72 0.06290978948
76 0.06139903013
78 0.06068343077
80 0.05999232827
82 0.05932435386
90 0.05685982812
98 0.05467934515
104 0.05319938424
110 0.05183356021
120 0.0497739354
124 0.04901625872
156 0.04398832107
160 0.04346285433
170 0.04222742114
180 0.04109172994
196 0.0394511099
202 0.03888468765
208 0.03834199068
214 0.03782140715
220 0.03732147453
240 0.03578794507
262 0.03430165761
270 0.03380538368
278 0.03333004905
286 0.03287422122
294 0.03243660124
312 0.03151257999
330 0.03066328994
340 0.0302201633
350 0.02979571139
360 0.0293886582
382 0.02854883641
404 0.02777713456
416 0.02738172816
428 0.02700274209
454 0.0262328073
518 0.02458685873
524 0.02444795706
540 0.02408876032
556 0.02374494526
572 0.02341544447
606 0.02275848445
624 0.02243233105
642 0.02211981031
680 0.02150076141
700 0.02119513895
742 0.02059356862
764 0.02029822652
786 0.02001523776
882 0.01890567511
908 0.01863559538
962 0.01810974889
990 0.01785403986
1080 0.01710004713
1112 0.01685411352
1144 0.01661849479
1178 0.01637866848
1248 0.01591592247
1322 0.01546700396
1442 0.01481342882
1484 0.01460352013
1528 0.01439291308
1666 0.01378710712
1982 0.01264549936
2040 0.01246520133
2100 0.01228657064
2290 0.01176781437
2426 0.01143440411
2646 0.01095033928
2724 0.01079292151
2886 0.01048655021
2970 0.0103376248
3334 0.009758530584
3432 0.009618547364
3636 0.009345478604
3728 0.009229711755
3966 0.008949105643
4082 0.008821304236
4202 0.008694693447
4452 0.008447526282
4582 0.008327054933
5144 0.007859823781
5450 0.00763634127
5610 0.007526826038
5774 0.00741932393
5944 0.007312612026
6118 0.007208021836
6482 0.007002988058
6672 0.006902684933
6868 0.006803601711
7490 0.006515317838
7710 0.006421794642
7936 0.006329794989
8168 0.006239348841
8408 0.006149747468
8654 0.006061798259
8908 0.005974835467
9438 0.005804807175
10000 0.005639477458

11 0.1329279474
13 0.125960255
15 0.1200060636
17 0.1148379048
19 0.1102946424
21 0.1062583189
23 0.1026402289
25 0.09937214696
27 0.09640058693
29 0.09368292226
31 0.09118469144
33 0.08887768148
35 0.08673853618
37 0.08474772688
39 0.08288877874
41 0.0811476807
45 0.07797267259
49 0.07514485443
53 0.07260503756
55 0.0714283672
57 0.07030729674
65 0.06630018768
67 0.06540131898
69 0.06453813239
71 0.063708323
73 0.06290978948
85 0.05867824364
87 0.05805282851
93 0.05629030278
95 0.05573757901
101 0.05417236967
107 0.05273217036
113 0.05140116437
117 0.05056790525
127 0.04865018013
131 0.0479419939
135 0.04726388337
139 0.04661377684
143 0.04598979721
147 0.045390239
151 0.04481354875
165 0.04295578943
175 0.04176194399
185 0.04066244866
191 0.04004303875
193 0.03984277745
227 0.03684086225
233 0.03637835678
247 0.03536353364
255 0.03482045513
303 0.03201600815
321 0.03112650235
371 0.02899784651
393 0.02819018246
441 0.02663907034
467 0.02589899014
481 0.02552519133
495 0.02516712506
509 0.02482371776
589 0.02309929142
661 0.0218199982
721 0.02090218984
809 0.0197437645
833 0.01945985356
857 0.01918784862
935 0.01837676949
1019 0.01760886565
1049 0.01735707086
1213 0.01614893436
1285 0.01569271444
1361 0.01525076082
1389 0.01509710359
1401 0.01503265743
1573 0.01419116283
1619 0.01398905722
1715 0.01359365813
1765 0.01340056371
1817 0.01320822579
1871 0.01301700415
1925 0.01283385433
2161 0.01211540577
2225 0.01194048971
2357 0.01160242006
2497 0.01127348213
2571 0.01111054094
2803 0.01064210316
3057 0.01019154205
3147 0.01004510757
3239 0.00990175768
3533 0.009481741227
3743 0.009212469486
3853 0.009080274742
4325 0.008571403333
4717 0.008208118135
4855 0.008090806502
4997 0.007975196081
5295 0.007747856348
6297 0.007105539592
7069 0.006706770072
7277 0.006610325818
9169 0.005889584753
9715 0.005721821914
EOD
# 'standard', sampled: n_{in}, mean slope E[sigmoid′(z)], the 99.9 % interval's lower and upper ends
$sample1 << EOD
10 0.1330329569 0.1321616916 0.1339042222
27 0.09633134354 0.09541854064 0.09724414643
72 0.06306535486 0.06220725923 0.06392345049
193 0.03996935766 0.03922367463 0.04071504068
518 0.02477123084 0.02415185257 0.02539060911
1389 0.01536418479 0.01486050598 0.01586786359
3728 0.009328045622 0.008930965382 0.009725125862
10000 0.00559141122 0.005278129881 0.005904692559
EOD
# 'scaled', formula: n_{in}, mean slope E[sigmoid′(z)] (227 points)
$formula2 << EOD
10 0.1927626984
12 0.1927626984
14 0.1927626984
16 0.1927626984
18 0.1927626984
20 0.1927626984
22 0.1927626984
24 0.1927626984
26 0.1927626984
28 0.1927626984
30 0.1927626984
32 0.1927626984
34 0.1927626984
36 0.1927626984
38 0.1927626984
40 0.1927626984
42 0.1927626984
44 0.1927626984
46 0.1927626984
48 0.1927626984
50 0.1927626984
52 0.1927626984
58 0.1927626984
60 0.1927626984
62 0.1927626984
64 0.1927626984
72 0.1927626984
76 0.1927626984
78 0.1927626984
80 0.1927626984
82 0.1927626984
90 0.1927626984
98 0.1927626984
104 0.1927626984
110 0.1927626984
120 0.1927626984
124 0.1927626984
156 0.1927626984
160 0.1927626984
170 0.1927626984
180 0.1927626984
196 0.1927626984
202 0.1927626984
208 0.1927626984
214 0.1927626984
220 0.1927626984
240 0.1927626984
262 0.1927626984
270 0.1927626984
278 0.1927626984
286 0.1927626984
294 0.1927626984
312 0.1927626984
330 0.1927626984
340 0.1927626984
350 0.1927626984
360 0.1927626984
382 0.1927626984
404 0.1927626984
416 0.1927626984
428 0.1927626984
454 0.1927626984
518 0.1927626984
524 0.1927626984
540 0.1927626984
556 0.1927626984
572 0.1927626984
606 0.1927626984
624 0.1927626984
642 0.1927626984
680 0.1927626984
700 0.1927626984
742 0.1927626984
764 0.1927626984
786 0.1927626984
882 0.1927626984
908 0.1927626984
962 0.1927626984
990 0.1927626984
1080 0.1927626984
1112 0.1927626984
1144 0.1927626984
1178 0.1927626984
1248 0.1927626984
1322 0.1927626984
1442 0.1927626984
1484 0.1927626984
1528 0.1927626984
1666 0.1927626984
1982 0.1927626984
2040 0.1927626984
2100 0.1927626984
2290 0.1927626984
2426 0.1927626984
2646 0.1927626984
2724 0.1927626984
2886 0.1927626984
2970 0.1927626984
3334 0.1927626984
3432 0.1927626984
3636 0.1927626984
3728 0.1927626984
3966 0.1927626984
4082 0.1927626984
4202 0.1927626984
4452 0.1927626984
4582 0.1927626984
5144 0.1927626984
5450 0.1927626984
5610 0.1927626984
5774 0.1927626984
5944 0.1927626984
6118 0.1927626984
6482 0.1927626984
6672 0.1927626984
6868 0.1927626984
7490 0.1927626984
7710 0.1927626984
7936 0.1927626984
8168 0.1927626984
8408 0.1927626984
8654 0.1927626984
8908 0.1927626984
9438 0.1927626984
10000 0.1927626984

11 0.1938962305
13 0.1937203969
15 0.1935917888
17 0.1934936329
19 0.1934162582
21 0.1933536968
23 0.1933020664
25 0.1932587322
27 0.1932218434
29 0.1931900615
31 0.1931623946
33 0.1931380921
35 0.1931165756
37 0.1930973919
39 0.1930801811
41 0.1930646538
45 0.1930377497
49 0.1930152476
53 0.1929961489
55 0.1929876433
57 0.1929797358
65 0.1929529797
67 0.1929472906
69 0.1929419318
71 0.1929368754
73 0.1929320965
85 0.1929081515
87 0.1929048036
93 0.192895625
95 0.1928928235
101 0.1928850851
107 0.1928782155
113 0.192872076
117 0.1928683332
127 0.1928600085
131 0.1928570348
135 0.1928542375
139 0.1928516012
143 0.1928491126
147 0.1928467595
151 0.1928445311
165 0.1928375833
175 0.1928333015
185 0.1928294829
191 0.1928273838
193 0.1928267132
227 0.1928171205
233 0.1928157185
247 0.192812712
255 0.1928111423
303 0.1928034653
321 0.1928011786
371 0.1927959911
393 0.1927941269
441 0.1927907052
467 0.1927891456
481 0.1927883757
495 0.1927876493
509 0.1927869629
589 0.1927836666
661 0.1927813823
721 0.1927798272
809 0.1927779638
833 0.1927775239
857 0.1927771086
935 0.1927759064
1019 0.1927748175
1049 0.1927744709
1213 0.1927728791
1285 0.1927723086
1361 0.1927717719
1389 0.192771589
1401 0.1927715128
1573 0.1927705489
1619 0.1927703259
1715 0.1927698989
1765 0.1927696949
1817 0.1927694947
1871 0.1927692985
1925 0.1927691133
2161 0.1927684127
2225 0.1927682484
2357 0.1927679375
2497 0.1927676438
2571 0.1927675014
2803 0.1927671039
3057 0.1927667378
3147 0.1927666223
3239 0.1927665108
3533 0.1927661936
3743 0.1927659975
3853 0.1927659033
4325 0.1927655535
4717 0.1927653163
4855 0.1927652418
4997 0.1927651696
5295 0.1927650305
6297 0.1927646594
7069 0.1927644452
7277 0.1927643953
9169 0.1927640452
9715 0.1927639695
EOD
# 'scaled', sampled: n_{in}, mean slope E[sigmoid′(z)], the 99.9 % interval's lower and upper ends
$sample2 << EOD
10 0.1926849201 0.1920962183 0.193273622
27 0.193286846 0.1927029858 0.1938707061
72 0.19307418 0.1924871657 0.1936611943
193 0.1928428207 0.1922537706 0.1934318708
518 0.1926829811 0.1920936448 0.1932723174
1389 0.1928095093 0.192221669 0.1933973495
3728 0.1928251336 0.1922380394 0.1934122277
10000 0.1928755035 0.1922880237 0.1934629833
EOD

# ---- title and axes --------------------------------------------------------
title_whole = 'Mean slope E[sigmoid′(z)] against n_{in}'
title_head = 'Mean slope E[sigmoid′(z)] against n_{in}'   # without its tail, for a small figure
title_chars = 32.2   # the whole title's width in char_width (DejaVu Sans advance widths)
head_chars = 32.2    # ... and the head's
title_room = 0.94    # the share of the width a title may take
title_fit = (title_chars * char_width < title_room || head_chars * char_width < title_room) ? 1 : title_room / (head_chars * char_width)
set multiplot title (title_chars * char_width < title_room ? title_whole : title_head) font font_at(title_fit)
set xlabel 'n_{in}⁠ (fan-in)'
set ylabel 'mean slope E[sigmoid′(z)]'
if (narrow) { set ylabel 'E[sigmoid′(z)]' }
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
# at most three decades: labels at 1, 2 and 5 times a power of ten; on a
# small figure every 1-2-5 value when their labels are 1.6 lines apart,
# else the decades (0.01, 0.1: labels at 0.005, 0.05 and 0.5 left the
# decades' ticks bare, figure review 18, N10), or every other one, and
# the axis's top when 1.6 lines clear of the decade under it; ticks at
# the others
set format y '%g'
if (!narrow) {
    set ytics (0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5)
} else {
    log_gap = 1.6 * line_height / (top - bottom) * log10(yhi / ylo)   # decades between labels
    log_every = (log_gap <= log10(2) + 1e-9) ? 1 : ((log_gap <= 1 + 1e-9) ? 1 : 2)   # 1-2-5 values, or decades
    log_all = (log_gap <= log10(2) + 1e-9)
    if (log_all || log10(0.5 / 0.1) >= log_gap - 1e-9) { set ytics (0.5) } else { set ytics ('' 0.5) }
    if (log_all) { set ytics add (0.2) } else { set ytics add ('' 0.2) }
    if (log_all || 0 % log_every == 0) { set ytics add (0.1) } else { set ytics add ('' 0.1) }
    if (log_all) { set ytics add (0.05) } else { set ytics add ('' 0.05) }
    if (log_all) { set ytics add (0.02) } else { set ytics add ('' 0.02) }
    if (log_all || 1 % log_every == 0) { set ytics add (0.01) } else { set ytics add ('' 0.01) }
    if (log_all) { set ytics add (0.005) } else { set ytics add ('' 0.005) }
    if (log_all) { set ytics add (0.002) } else { set ytics add ('' 0.002) }
}

# ---- the plot --------------------------------------------------------------
# layers: per scheme the formula curve, then the sampled points with bars
# (an empty block would make gnuplot warn: it is not plotted)
bound = 0.25   # the largest slope of the activation
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
     keyentry with lines linecolor rgb '#808080' linewidth 2 dashtype 3 title (((legend_cols <= 1) ? 0 : (legend_cols <= 2) ? 1 : (legend_cols <= 3) ? 2 : (legend_cols <= 4) ? 2 : 2) == legend_col ? 'max sigmoid′ = 0.25' : ''), \
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
     keyentry with lines linecolor rgb '#808080' linewidth 2 dashtype 3 title 'max sigmoid′ = 0.25', \
     keyentry with lines linetype nodraw title 'points, bars: sampled, 99.9 % CI', \
     keyentry with lines linetype nodraw title ' ', \
     keyentry with lines linetype nodraw title 'inputs: ⌊n_{in}/2⌋ of them 1', \
     keyentry with lines linetype nodraw title 'bias b ∼ N(0, 1^{2})', \
     keyentry with lines linetype nodraw title 'sigmoid', \
     keyentry with lines linetype nodraw title '100 000 neurons each,', \
     keyentry with lines linetype nodraw title 'seed 1 at every point'
}
unset multiplot
