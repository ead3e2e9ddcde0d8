# sweep-saturated-fraction.gp: the saturated fraction against n_{in} (fan-in)
#
# the saturated fraction for every scheme as n_{in} varies: the formula as a curve
# (evaluated at 240 points between the ends), the sampled value at each
# point of the sweep as a point with its 99.9 % confidence bar (Wilson, or
# Clopper-Pearson for few counts).
# Every point is a full `satstat run` with the same seed, so the sampling
# errors of neighbouring points are correlated.
# With floor(n_in/2) of the inputs 1, the formula is two lines: one
# through the odd n_in, one through the even.
#
# Made by:  satstat sweep --vary n-in=10:10000:8:log --scheme standard,scaled --n-out 100 --inputs half --bias normal:1 --activation sigmoid --threshold 4 --samples 100000 --seed 1 --alpha 0.001 --plots plots/sweep --plot-size 1280x800
#           satstat 0.1.0
# Run:      gnuplot sweep-saturated-fraction.gp
#           from any directory (the data are inline): writes sweep-saturated-fraction.png
#           into the current directory; see "output" for other formats.

set encoding utf8

# ---- output ----------------------------------------------------------------
# Choose another format, file or size on the command line, e.g.
#   gnuplot -e "format='svg'; output='figure.svg'" sweep-saturated-fraction.gp
# format: 'png' (pngcairo), 'svg' or 'pdf' (pdfcairo); output '' writes
# to standard output (satstat --render does that); width and height in
# pixels of the PNG at dpi dots per inch: SVG and PDF get the physical size,
# width/dpi x height/dpi inches, with the same layout.  Text, lines and
# margins follow a new size; which panels, rows and legend columns there
# are was chosen for the size the figure was made at ("Made by"): for a
# very different size or font, make it again with that command's
# --plot-size, --dpi and --font-size.
if (!exists('format')) format = 'png'
if (!exists('output')) output = 'sweep-saturated-fraction.' . format
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
key_rows = 4                                    # legend rows with a sample
below_chars = 17                                # ... the longest of them
text_rows = 3                                   # rows of text for a legend below the plot
text_chars = 73                                 # ... the longest of them
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
legend_height = legend_below ? ((((legend_cols <= 1) ? 4 : (legend_cols <= 2) ? 2 : (legend_cols <= 3) ? 2 : 2) + text_rows) * 1.0 + 0.25) * line_height + 0.01 : 0
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
ylo = 0.0005             # 1, 2 or 5 times a power of ten around the data (at most 7 decades)
yhi = 1

# ---- data ------------------------------------------------------------------
# On the log y axis a sampled 0 is drawn open in a strip labelled 0 below
# the axis's foot (ylo), its bar up to the interval's upper end; a bar below
# the foot ends there with a down triangle.  The formula's values of 0 are
# left out.
# 'standard', formula: n_{in}, the saturated fraction (227 points)
$formula1 << EOD
10 0.1024704349
12 0.1305700181
14 0.1572992071
16 0.1824224395
18 0.2059032107
20 0.227799994
22 0.248213079
24 0.2672574932
26 0.2850494074
28 0.3016995825
30 0.3173105079
32 0.3319754671
34 0.3457785862
36 0.3587953579
38 0.3710933695
40 0.3827330889
42 0.3937686346
44 0.4042484947
46 0.4142161782
48 0.4237107972
50 0.4327675807
52 0.4414183268
58 0.4652088185
60 0.472497614
62 0.4795001222
64 0.4862343214
72 0.5107977982
76 0.5218393903
78 0.5270892569
80 0.5321712241
82 0.5370939784
90 0.5553463167
98 0.571607645
104 0.5827019821
110 0.592980098
120 0.6085477691
124 0.6142946647
156 0.6526850883
160 0.6567212866
170 0.6662276454
180 0.674986714
196 0.6876728943
202 0.6920614909
208 0.6962703401
214 0.7003113729
220 0.7041954417
240 0.7161295689
262 0.7277235467
270 0.731600589
278 0.7353166906
286 0.7388826804
294 0.7423083941
312 0.7495485049
330 0.7562110132
340 0.7596901931
350 0.7630246006
360 0.7662240013
382 0.7728299927
404 0.7789060199
416 0.7820213874
428 0.7850087002
454 0.7910815129
518 0.8040806575
524 0.8051786669
540 0.8080188026
556 0.8107382597
572 0.8133453478
606 0.8185458084
624 0.821128803
642 0.8236045532
680 0.8285106206
700 0.8309337096
742 0.835705027
764 0.8380483908
786 0.8402942686
882 0.8491049281
908 0.8512506765
962 0.8554296909
990 0.857462442
1080 0.8634584159
1112 0.8654148243
1144 0.8672894798
1178 0.8691979111
1248 0.8728810742
1322 0.8764552056
1442 0.8816604864
1484 0.8833326923
1528 0.8850106645
1666 0.8898384162
1982 0.898940298
2040 0.9003782726
2100 0.9018030742
2290 0.9059414868
2426 0.9086018136
2646 0.9124649362
2724 0.9137213967
2886 0.9161669963
2970 0.9173559
3334 0.9219796026
3432 0.9230974355
3636 0.9252781875
3728 0.9262027778
3966 0.9284440415
4082 0.9294648928
4202 0.9304762777
4452 0.9324508081
4582 0.933413269
5144 0.9371463878
5450 0.9389321751
5610 0.9398073246
5774 0.9406664142
5944 0.9415192152
6118 0.9423550852
6482 0.9439937568
6672 0.9447954332
6868 0.9455873804
7490 0.9478916774
7710 0.9486392589
7936 0.9493746789
8168 0.9500976967
8408 0.9508139771
8654 0.9515170647
8908 0.952212281
9438 0.9535715971
10000 0.9548933995

11 0.1024704349
13 0.1305700181
15 0.1572992071
17 0.1824224395
19 0.2059032107
21 0.227799994
23 0.248213079
25 0.2672574932
27 0.2850494074
29 0.3016995825
31 0.3173105079
33 0.3319754671
35 0.3457785862
37 0.3587953579
39 0.3710933695
41 0.3827330889
45 0.4042484947
49 0.4237107972
53 0.4414183268
55 0.449691798
57 0.4576140669
65 0.4862343214
67 0.4927166772
69 0.4989622986
71 0.5049850751
73 0.5107977982
85 0.5418655958
87 0.5464935954
93 0.5595836998
95 0.5637028617
101 0.5754030229
107 0.5862136811
113 0.5962416306
117 0.6025370061
127 0.6170750775
131 0.6224606559
135 0.627625805
139 0.6325851217
143 0.6373518882
147 0.6419382204
151 0.6463551955
165 0.6606202064
175 0.6698153576
185 0.6783024656
191 0.6830913983
193 0.6846408638
227 0.7079324418
233 0.7115314178
247 0.7194375444
255 0.7236736098
303 0.7456027889
321 0.7525762769
371 0.7692972636
393 0.7756531823
441 0.7878764949
467 0.7937160634
481 0.7966672735
495 0.7994953619
509 0.8022086564
589 0.8158475973
661 0.8259802798
721 0.8332569148
809 0.8424492369
833 0.8447034321
857 0.8468635646
935 0.8533074197
1019 0.8594117941
1049 0.8614141345
1213 0.8710263119
1285 0.8746580537
1361 0.8781772093
1389 0.8794009606
1401 0.8799142539
1573 0.8866182597
1619 0.8882288681
1715 0.8913803754
1765 0.8929196673
1817 0.8944530841
1871 0.8959777528
1925 0.8974382021
2161 0.9031684414
2225 0.9045638459
2357 0.9072611407
2497 0.9098859749
2571 0.9111863423
2803 0.9149252607
3057 0.9185221796
3147 0.919691335
3239 0.9208359275
3533 0.9241899543
3743 0.9263404893
3853 0.927396337
4325 0.9314611782
4717 0.934363507
4855 0.9353007962
4997 0.9362245268
5295 0.9380410738
6297 0.9431741326
7069 0.9463613514
7277 0.9471322453
9169 0.9528938237
9715 0.9542350538
EOD
# 'standard', sampled: n_{in}, the saturated fraction, the 99.9 % interval's lower and upper ends
$sample1 << EOD
10 0.10202 0.09891346408 0.1052127097
27 0.28431 0.2796397541 0.2890269488
72 0.51086 0.5056575535 0.516060095
193 0.68375 0.6788916201 0.6885685929
518 0.80356 0.799393047 0.8076612238
1389 0.87798 0.8745331847 0.8813449721
3728 0.92468 0.9218876865 0.9273803585
10000 0.95519 0.9529875011 0.9572939375
EOD
# 'scaled', formula: n_{in}, the saturated fraction (227 points)
$formula2 << EOD
10 0.001090835176
12 0.001090835176
14 0.001090835176
16 0.001090835176
18 0.001090835176
20 0.001090835176
22 0.001090835176
24 0.001090835176
26 0.001090835176
28 0.001090835176
30 0.001090835176
32 0.001090835176
34 0.001090835176
36 0.001090835176
38 0.001090835176
40 0.001090835176
42 0.001090835176
44 0.001090835176
46 0.001090835176
48 0.001090835176
50 0.001090835176
52 0.001090835176
58 0.001090835176
60 0.001090835176
62 0.001090835176
64 0.001090835176
72 0.001090835176
76 0.001090835176
78 0.001090835176
80 0.001090835176
82 0.001090835176
90 0.001090835176
98 0.001090835176
104 0.001090835176
110 0.001090835176
120 0.001090835176
124 0.001090835176
156 0.001090835176
160 0.001090835176
170 0.001090835176
180 0.001090835176
196 0.001090835176
202 0.001090835176
208 0.001090835176
214 0.001090835176
220 0.001090835176
240 0.001090835176
262 0.001090835176
270 0.001090835176
278 0.001090835176
286 0.001090835176
294 0.001090835176
312 0.001090835176
330 0.001090835176
340 0.001090835176
350 0.001090835176
360 0.001090835176
382 0.001090835176
404 0.001090835176
416 0.001090835176
428 0.001090835176
454 0.001090835176
518 0.001090835176
524 0.001090835176
540 0.001090835176
556 0.001090835176
572 0.001090835176
606 0.001090835176
624 0.001090835176
642 0.001090835176
680 0.001090835176
700 0.001090835176
742 0.001090835176
764 0.001090835176
786 0.001090835176
882 0.001090835176
908 0.001090835176
962 0.001090835176
990 0.001090835176
1080 0.001090835176
1112 0.001090835176
1144 0.001090835176
1178 0.001090835176
1248 0.001090835176
1322 0.001090835176
1442 0.001090835176
1484 0.001090835176
1528 0.001090835176
1666 0.001090835176
1982 0.001090835176
2040 0.001090835176
2100 0.001090835176
2290 0.001090835176
2426 0.001090835176
2646 0.001090835176
2724 0.001090835176
2886 0.001090835176
2970 0.001090835176
3334 0.001090835176
3432 0.001090835176
3636 0.001090835176
3728 0.001090835176
3966 0.001090835176
4082 0.001090835176
4202 0.001090835176
4452 0.001090835176
4582 0.001090835176
5144 0.001090835176
5450 0.001090835176
5610 0.001090835176
5774 0.001090835176
5944 0.001090835176
6118 0.001090835176
6482 0.001090835176
6672 0.001090835176
6868 0.001090835176
7490 0.001090835176
7710 0.001090835176
7936 0.001090835176
8168 0.001090835176
8408 0.001090835176
8654 0.001090835176
8908 0.001090835176
9438 0.001090835176
10000 0.001090835176

11 0.0009111188772
13 0.0009373665083
15 0.0009569347564
17 0.0009720824651
19 0.0009841541623
21 0.0009939997482
23 0.00100218263
25 0.001009090988
27 0.001015000947
29 0.001020114274
31 0.001024581817
33 0.001028518613
35 0.001032013915
37 0.001035138029
39 0.001037947091
41 0.00104048646
45 0.001044897847
49 0.001048598579
53 0.001051747562
55 0.001053152318
57 0.001054459617
65 0.001058892343
67 0.001059836723
69 0.001060726869
71 0.001061567323
73 0.001062362132
85 0.001066351502
87 0.001066910196
93 0.001068443099
95 0.00106891133
101 0.00107020547
107 0.001071355346
113 0.001072383808
117 0.001073011169
127 0.001074407554
131 0.001074906708
135 0.001075376424
139 0.00107581923
143 0.001076237376
147 0.001076632865
151 0.001077007489
165 0.001078176195
175 0.001078896919
185 0.001079539998
191 0.001079893631
193 0.001080006639
227 0.001081623961
233 0.001081860509
247 0.001082367877
255 0.001082632851
303 0.001083929486
321 0.001084315949
371 0.001085193037
393 0.001085508368
441 0.001086087316
467 0.001086351289
481 0.001086481623
495 0.001086604595
509 0.001086720811
589 0.001087279031
661 0.001087666013
721 0.00108792951
809 0.001088245328
833 0.001088319888
857 0.001088390275
935 0.001088594095
1019 0.00108877872
1049 0.001088837496
1213 0.001089107444
1285 0.001089204203
1361 0.001089295236
1389 0.001089326264
1401 0.001089339183
1573 0.001089502696
1619 0.00108954054
1715 0.001089612983
1765 0.001089647593
1817 0.001089681568
1871 0.001089714852
1925 0.001089746268
2161 0.001089865151
2225 0.001089893045
2357 0.001089945794
2497 0.001089995646
2571 0.001090019804
2803 0.001090087276
3057 0.001090149404
3147 0.001090169012
3239 0.00109018793
3533 0.001090241781
3743 0.001090275068
3853 0.001090291056
4325 0.001090350429
4717 0.001090390707
4855 0.001090403339
4997 0.001090415609
5295 0.00109043922
6297 0.001090502219
7069 0.001090538578
7277 0.001090547055
9169 0.001090606504
9715 0.001090619355
EOD
# 'scaled', sampled: n_{in}, the saturated fraction, the 99.9 % interval's lower and upper ends
$sample2 << EOD
10 0.00118 0.0008727326344 0.001595275802
27 0.00108 0.0007880144659 0.001480015623
72 0.00108 0.0007880144659 0.001480015623
193 0.00117 0.0008642315121 0.00158377909
518 0.00117 0.0008642315121 0.00158377909
1389 0.00104 0.000754320256 0.001433718494
3728 0.00113 0.0008302907465 0.001537728516
10000 0.00112 0.0008218218968 0.001526199531
EOD

# ---- title and axes --------------------------------------------------------
title_whole = 'Saturated fraction against n_{in}'
title_head = 'Saturated fraction against n_{in}'   # without its tail, for a small figure
title_chars = 25.7   # the whole title's width in char_width (DejaVu Sans advance widths)
head_chars = 25.7    # ... and the head's
title_room = 0.94    # the share of the width a title may take
title_fit = (title_chars * char_width < title_room || head_chars * char_width < title_room) ? 1 : title_room / (head_chars * char_width)
set multiplot title (title_chars * char_width < title_room ? title_whole : title_head) font font_at(title_fit)
set xlabel 'n_{in}⁠ (fan-in)'
set ylabel 'saturated fraction P(|z| ≥ 4)'
if (narrow) { set ylabel 'P(|z| ≥ 4)' }
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
plot $formula1 every :::1::1 using 1:2 with lines linetype 1 linecolor rgb '#8CC0DC' linewidth 1.5 dashtype 1 notitle, \
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
# samples 2.5 characters long, rows 1.15 lines apart (15 rows)
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
    legend_rows = ((legend_cols <= 1) ? 4 : (legend_cols <= 2) ? 2 : (legend_cols <= 3) ? 2 : 2)
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
     keyentry with linespoints linetype 1 title (((legend_cols <= 1) ? 0 : (legend_cols <= 2) ? 0 : (legend_cols <= 3) ? 0 : 0) == legend_col ? 'standard: even n_{in}' : ''), \
     keyentry with points linetype 1 pointtype 6 pointsize lt_pointsize * open_size linewidth open_lw title (((legend_cols <= 1) ? 0 : (legend_cols <= 2) ? 0 : (legend_cols <= 3) ? 0 : 0) == legend_col ? 'standard: odd n_{in}' : ''), \
     keyentry with linespoints linetype 2 title (((legend_cols <= 1) ? 0 : (legend_cols <= 2) ? 1 : (legend_cols <= 3) ? 1 : 1) == legend_col ? 'scaled: even n_{in}' : ''), \
     keyentry with points linetype 2 pointtype 4 pointsize lt_pointsize * open_size linewidth open_lw title (((legend_cols <= 1) ? 0 : (legend_cols <= 2) ? 1 : (legend_cols <= 3) ? 1 : 1) == legend_col ? 'scaled: odd n_{in}' : ''), \
     keyentry with lines linetype nodraw title (0 == legend_col ? 'lines: formula; pale lines: the formula at odd n_{in}; points: sampled, 99.9 % CI' : ''), \
     keyentry with lines linetype nodraw title (0 == legend_col ? 'a bar shorter than its mark is hidden; ⌊n_{in}/2⌋ inputs 1; b ∼ N(0, 1^{2}); sigmoid, T = 4' : ''), \
     keyentry with lines linetype nodraw title (0 == legend_col ? '100 000 neurons, seed 1 at every point' : '')
    }
} else {
plot -1 with lines linetype nodraw notitle, \
     keyentry with linespoints linetype 1 title 'standard: even n_{in}', \
     keyentry with points linetype 1 pointtype 6 pointsize lt_pointsize * open_size linewidth open_lw title 'standard: odd n_{in}', \
     keyentry with linespoints linetype 2 title 'scaled: even n_{in}', \
     keyentry with points linetype 2 pointtype 4 pointsize lt_pointsize * open_size linewidth open_lw title 'scaled: odd n_{in}', \
     keyentry with lines linetype nodraw title 'lines: formula', \
     keyentry with lines linetype nodraw title 'points, bars: sampled, 99.9 % CI', \
     keyentry with lines linetype nodraw title ' ', \
     keyentry with lines linetype nodraw title 'inputs: ⌊n_{in}/2⌋ of them 1', \
     keyentry with lines linetype nodraw title 'bias b ∼ N(0, 1^{2})', \
     keyentry with lines linetype nodraw title 'sigmoid, T = 4', \
     keyentry with lines linetype nodraw title '100 000 neurons each,', \
     keyentry with lines linetype nodraw title 'seed 1 at every point'
}
unset multiplot
