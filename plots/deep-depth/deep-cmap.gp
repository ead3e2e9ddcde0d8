# deep-cmap.gp: The correlation map at q*
#
# Lines: the mean-field map of the correlation of two inputs from one layer
# to the next, c -> c_next, at the fixed point q* of the length map (Poole
# et al. 2016, eq. 5; 2-D Gauss-Hermite quadrature, deep_corr.c), with the
# step c_next - c drawn against c, with the zero line: where they cross
# is the fixed point c*, stable when the map's slope chi_c there is below
# 1.  Points: the sampled (c^l, c^(l+1) - c^l) of the run's layers, whose
# q^l approach q* with depth.  (The map itself hugs the identity: schemes
# and points piled on the diagonal's corner.)  When the points span less
# than half the c axis they are drawn in a zoom on the right, the maps
# over its range with them, its region boxed on the left.  Bars: the
# step's interval over the networks, from each network's own difference
# c^(l+1) - c^l (the points' c^l have theirs in deep-correlation).
#
# Made by:  satstat deep --layers 10 --width 200 --networks 10 --scheme normal:0.1118034,orthogonal:1.5811388 --activation tanh --bias normal:0.2236068 --inputs half --active 100 --n-in 200 --threshold 4 --alpha 0.001 --seed 1 --pair-correlation 0.99 --phase --plots plots/deep-depth --plot-size 1280x800 --figures deep-correlation,deep-cmap,deep-phase-xi
#           satstat 0.1.0
# Run:      gnuplot deep-cmap.gp
#           from any directory (the data are inline): writes deep-cmap.png
#           into the current directory; see "output" for other formats.

set encoding utf8

# ---- output ----------------------------------------------------------------
# Choose another format, file or size on the command line, e.g.
#   gnuplot -e "format='svg'; output='figure.svg'" deep-cmap.gp
# format: 'png' (pngcairo), 'svg' or 'pdf' (pdfcairo); output '' writes
# to standard output (satstat --render does that); width and height in
# pixels of the PNG at dpi dots per inch: SVG and PDF get the physical size,
# width/dpi x height/dpi inches, with the same layout.  Text, lines and
# margins follow a new size; which panels, rows and legend columns there
# are was chosen for the size the figure was made at ("Made by"): for a
# very different size or font, make it again with that command's
# --plot-size, --dpi and --font-size.
if (!exists('format')) format = 'png'
if (!exists('output')) output = 'deep-cmap.' . format
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
set linetype 1 linecolor rgb '#882255' linewidth 3 dashtype 4 pointtype 5 pointsize lt_pointsize   # wine: normal:0.1118034
set linetype 2 linecolor rgb '#56B4E9' linewidth 3 dashtype 1 pointtype 15 pointsize lt_pointsize * svg_pentagon   # sky blue: orthogonal:1.5811388
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

# ---- data: the map c, c_next - c; the sampled c^l, c^(l+1) - c^l -----------
$map1 << EOD
0 0.0469943189
0.0208333333 0.0445641508
0.0416666667 0.0421369906
0.0625 0.0397158508
0.0833333333 0.0373037537
0.104166667 0.034903736
0.125 0.0325188543
0.145833333 0.0301521895
0.166666667 0.0278068521
0.1875 0.025485988
0.208333333 0.0231927836
0.229166667 0.0209304714
0.25 0.0187023362
0.270833333 0.0165117214
0.291666667 0.014362035
0.3125 0.0122567572
0.333333333 0.010199447
0.354166667 0.00819375024
0.375 0.00624340783
0.395833333 0.00435226443
0.416666667 0.00252427791
0.4375 0.000763529467
0.458333333 -0.000925765462
0.479166667 -0.00253924535
0.5 -0.00407238974
0.520833333 -0.00552050524
0.541666667 -0.00687871027
0.5625 -0.00814191824
0.583333333 -0.00930481913
0.604166667 -0.0103618592
0.625 -0.0113072182
0.645833333 -0.0121347848
0.666666667 -0.0128381283
0.6875 -0.0134104672
0.708333333 -0.0138446347
0.729166667 -0.0141330384
0.75 -0.0142676155
0.770833333 -0.0142397815
0.791666667 -0.0140403716
0.8125 -0.0136595729
0.833333333 -0.0130868459
0.854166667 -0.0123108332
0.875 -0.0113192516
0.895833333 -0.0100987647
0.916666667 -0.00863483073
0.9375 -0.00691151761
0.958333333 -0.00491127787
0.979166667 -0.00261466881
1 -2.22044605e-16
EOD
$pairs1 << EOD
0.990514985 -0.00216419143 -0.00526402587 0.000935643009
0.988350793 -0.00161754537 -0.00428630118 0.00105121045
0.986733248 -7.45226158e-05 -0.00374169098 0.00359264575
0.986658725 -0.000886995867 -0.00455514166 0.00278114992
0.985771729 -0.00222336298 -0.00645442824 0.00200770229
0.983548366 -0.00198008454 -0.0073861498 0.00342598073
0.981568282 -0.00278559441 -0.00932250888 0.00375132006
0.978782688 -0.00473600397 -0.013074171 0.00360216304
0.974046684 -0.0024802692 -0.00953572755 0.00457518916
EOD
$map2 << EOD
0 0.0469943234
0.0208333333 0.0445641554
0.0416666667 0.0421369952
0.0625 0.0397158554
0.0833333333 0.0373037583
0.104166667 0.0349037407
0.125 0.032518859
0.145833333 0.0301521942
0.166666667 0.0278068568
0.1875 0.0254859928
0.208333333 0.0231927883
0.229166667 0.0209304761
0.25 0.018702341
0.270833333 0.0165117262
0.291666667 0.0143620399
0.3125 0.012256762
0.333333333 0.0101994518
0.354166667 0.00819375505
0.375 0.00624341263
0.395833333 0.00435226922
0.416666667 0.00252428268
0.4375 0.000763534216
0.458333333 -0.00092576074
0.479166667 -0.00253924066
0.5 -0.00407238509
0.520833333 -0.00552050064
0.541666667 -0.00687870572
0.5625 -0.00814191375
0.583333333 -0.0093048147
0.604166667 -0.0103618548
0.625 -0.0113072139
0.645833333 -0.0121347806
0.666666667 -0.0128381242
0.6875 -0.0134104633
0.708333333 -0.0138446309
0.729166667 -0.0141330347
0.75 -0.0142676119
0.770833333 -0.0142397781
0.791666667 -0.0140403684
0.8125 -0.0136595699
0.833333333 -0.0130868432
0.854166667 -0.0123108307
0.875 -0.0113192493
0.895833333 -0.0100987628
0.916666667 -0.00863482912
0.9375 -0.00691151635
0.958333333 -0.00491127699
0.979166667 -0.00261466835
1 0
EOD
$pairs2 << EOD
0.990383231 -0.00105777978 -0.00351273825 0.00139717869
0.989325451 -0.00118793334 -0.00284392707 0.000468060397
0.988137518 -0.00158298988 -0.00403867396 0.000872694206
0.986554528 -0.00217242463 -0.00522034976 0.000875500492
0.984382103 -0.00201125199 -0.00457306588 0.000550561892
0.982370851 -0.00232135032 -0.00700538732 0.00236268669
0.980049501 -0.0024060164 -0.00659579412 0.00178376132
0.977643485 -0.00229572815 -0.00620738221 0.00161592591
0.975347756 -0.00320413893 -0.00822799101 0.00181971315
EOD
$zoom1 << EOD
0.972046684 -0.00343418883
0.972473106 -0.00338613563
0.972899529 -0.0033379523
0.973325952 -0.00328963865
0.973752375 -0.00324119448
0.974178798 -0.00319261962
0.974605221 -0.00314391387
0.975031644 -0.00309507703
0.975458067 -0.00304610892
0.97588449 -0.00299700935
0.976310913 -0.00294777811
0.976737336 -0.00289841502
0.977163759 -0.00284891989
0.977590182 -0.00279929251
0.978016605 -0.0027495327
0.978443028 -0.00269964026
0.978869451 -0.00264961499
0.979295874 -0.00259945671
0.979722296 -0.0025491652
0.980148719 -0.00249874029
0.980575142 -0.00244818176
0.981001565 -0.00239748942
0.981427988 -0.00234666307
0.981854411 -0.00229570252
0.982280834 -0.00224460756
0.982707257 -0.00219337799
0.98313368 -0.00214201362
0.983560103 -0.00209051424
0.983986526 -0.00203887966
0.984412949 -0.00198710967
0.984839372 -0.00193520406
0.985265795 -0.00188316264
0.985692218 -0.0018309852
0.986118641 -0.00177867155
0.986545064 -0.00172622146
0.986971486 -0.00167363475
0.987397909 -0.0016209112
0.987824332 -0.00156805062
0.988250755 -0.00151505278
0.988677178 -0.0014619175
0.989103601 -0.00140864455
0.989530024 -0.00135523373
0.989956447 -0.00130168484
0.99038287 -0.00124799766
0.990809293 -0.00119417199
0.991235716 -0.00114020761
0.991662139 -0.00108610432
0.992088562 -0.00103186191
0.992514985 -0.000977480154
EOD
$zoom2 << EOD
0.972046684 -0.00343418822
0.972473106 -0.00338613503
0.972899529 -0.00333795171
0.973325952 -0.00328963806
0.973752375 -0.00324119391
0.974178798 -0.00319261906
0.974605221 -0.00314391331
0.975031644 -0.00309507649
0.975458067 -0.00304610839
0.97588449 -0.00299700882
0.976310913 -0.00294777759
0.976737336 -0.00289841451
0.977163759 -0.00284891938
0.977590182 -0.00279929202
0.978016605 -0.00274953222
0.978443028 -0.00269963978
0.978869451 -0.00264961453
0.979295874 -0.00259945625
0.979722296 -0.00254916476
0.980148719 -0.00249873985
0.980575142 -0.00244818133
0.981001565 -0.002397489
0.981427988 -0.00234666266
0.981854411 -0.00229570211
0.982280834 -0.00224460716
0.982707257 -0.00219337761
0.98313368 -0.00214201325
0.983560103 -0.00209051388
0.983986526 -0.0020388793
0.984412949 -0.00198710932
0.984839372 -0.00193520372
0.985265795 -0.00188316231
0.985692218 -0.00183098488
0.986118641 -0.00177867124
0.986545064 -0.00172622116
0.986971486 -0.00167363446
0.987397909 -0.00162091092
0.987824332 -0.00156805034
0.988250755 -0.00151505252
0.988677178 -0.00146191724
0.989103601 -0.0014086443
0.989530024 -0.00135523349
0.989956447 -0.00130168461
0.99038287 -0.00124799744
0.990809293 -0.00119417178
0.991235716 -0.00114020741
0.991662139 -0.00108610413
0.992088562 -0.00103186173
0.992514985 -0.000977479984
EOD

# ---- layout: the maps on the left, the zoom on the sampled points right ----
key_chars = 46                                  # the longest legend row, in characters
char_width = 0.0097 * scale * 1280. / width     # one character of the font (digits are widest)
sample_width = 0.07 * scale * 1280. / width     # a legend sample and the gap after it
line_height = 16 * scale * 4 / 3. * 1.25 / height   # a line of text (the PNG's 96 dpi; the SVG's too: svg_vchar)
line_width = line_height * height / width        # ... the same length across
column = 0.985 - sample_width - key_chars * char_width
key_rows = 7                                    # legend rows with a sample
below_chars = 46                                # ... the longest of them
text_rows = 2                                   # rows of text for a legend below the plot
text_chars = 26                                 # ... the longest of them
# When the column would leave the plot less than half the width (a
# small figure), the legend goes below the plot: its rows with a sample
# in as many columns as fit, then its rows of text (the figure's
# numbers, short) across the width; the column's notes are in the
# header and the numbers in full in the report.
small_figure = (column < 0.55) ? 1 : 0
legend_below = small_figure
# (below_chars: the longest row's advance width in DejaVu Sans, in
# char_width, an upper bound; a column is that, its sample and a gap)
legend_cols = floor(0.97 / (sample_width + (below_chars + 1) * char_width))
legend_cols = (legend_cols < 1) ? 1 : legend_cols
# (and a quarter line under the last row: a subscript there, χ_{1}, came
# within 3 px of the canvas's edge at 3.5 in)
legend_height = legend_below ? ((ceil(1. * key_rows / legend_cols) + text_rows) * 1.0 + 0.25) * line_height + 0.01 : 0
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
grid_cols = 2
grid_rows = 1                                 # small multiples
gap_x = 12 * char_width                      # room for a panel's y tick labels
gap_y = 0 * line_height                     # ... and for its title and x tick labels
panel_w = (plot_right - plot_left - (grid_cols - 1) * gap_x) / grid_cols
panel_h = (top - bottom - (grid_rows - 1) * gap_y) / grid_rows
panel_l(c) = plot_left + c * (panel_w + gap_x)
panel_r(c) = panel_l(c) + panel_w
panel_t(r) = top - r * (panel_h + gap_y)
panel_b(r) = panel_t(r) - panel_h
title_whole = 'The tanh map''s step, c^{ℓ+1}⁠ − c^{ℓ}, at q* = 1.06'
title_head = 'The tanh map''s step, c^{ℓ+1}⁠ − c^{ℓ}, at q* = 1.06'   # without its tail, for a small figure
title_chars = 38.8   # the whole title's width in char_width (DejaVu Sans advance widths)
head_chars = 38.8    # ... and the head's
title_room = 0.94    # the share of the width a title may take
title_fit = (title_chars * char_width < title_room || head_chars * char_width < title_room) ? 1 : title_room / (head_chars * char_width)
set multiplot title (title_chars * char_width < title_room ? title_whole : title_head) font font_at(title_fit)
unset key
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set xlabel 'c^{ℓ}'
set ylabel 'c^{ℓ+1}⁠ − c^{ℓ}'
set xrange [0:1]
set yrange [-0.02:0.0518952785]
set xtics tick_step((1) - (0), (panel_w) / (6 * char_width))
set ytics tick_step((0.0469943234) - (-0.0142676155), ((panel_h) / (1.8 * line_height) < 3) ? 3 : (panel_h) / (1.8 * line_height))
# where the zoom is: its rectangle (screen units), and an arrow at it when small
zx0 = panel_l(0) + (0.972046684 - (0)) / (1 - (0)) * panel_w
zx1 = panel_l(0) + (0.992514985 - (0)) / (1 - (0)) * panel_w
zy0 = panel_b(0) + (-0.014839107 - (-0.02)) / (0.0518952785 - (-0.02)) * panel_h
zy1 = panel_b(0) + (0.00634012517 - (-0.02)) / (0.0518952785 - (-0.02)) * panel_h
set object 1 rectangle from screen zx0, screen zy0 to screen zx1, screen zy1 fillstyle empty border linecolor rgb '#606060' linewidth 1.5 dashtype 1 front
zoom_above = (panel_b(0) + panel_h - zy1 >= 1.75 * line_height)
zoom_tip = zoom_above ? zy1 + 0.2 * line_height : zy0 - 0.2 * line_height
zoom_tail = zoom_above ? zy1 + 1.5 * line_height : zy0 - 1.5 * line_height
set arrow 1 from screen (zx0 + zx1) / 2, screen zoom_tail to screen (zx0 + zx1) / 2, screen zoom_tip head filled size screen 0.012, 30 linecolor rgb '#606060' linewidth 1.5 dashtype 1 front
plot 0 with lines linecolor rgb '#000000' linewidth 1.5 dashtype 3 notitle, \
     $map1 using 1:2 with lines linetype 1 dashtype 1 notitle, \
     '+' using (0.446804218):(0) every ::0::0 with points linecolor rgb '#000000' pointtype 3 pointsize lt_pointsize * open_size linewidth open_lw notitle, \
     $map2 using 1:2 with lines linetype 2 dashtype 2 notitle, \
     '+' using (0.446804276):(0) every ::0::0 with points linecolor rgb '#000000' pointtype 3 pointsize lt_pointsize * open_size linewidth open_lw notitle
unset object 1
unset arrow 1
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set xlabel 'c^{ℓ}⁠ (zoom)'
unset ylabel
set xrange [0.972046684:0.992514985]
set yrange [-0.014839107:0.00634012517]
set xtics tick_step((0.992514985) - (0.972046684), (panel_w) / (7 * char_width))
set ytics tick_step((0.00634012517) - (-0.014839107), ((panel_h) / (1.8 * line_height) < 3) ? 3 : (panel_h) / (1.8 * line_height))
plot 0 with lines linecolor rgb '#000000' linewidth 1.5 dashtype 3 notitle, \
     $zoom1 using 1:2 with lines linetype 1 dashtype 1 notitle, \
     $pairs1 using 1:2 with lines linecolor rgb '#C99CB3' linewidth 1 dashtype 1 notitle, \
     $pairs1 using 1:2:3:4 with yerrorbars linetype 1 linewidth 1.5 dashtype 1 pointtype -1 notitle, \
     $pairs1 using 1:2 with points linetype 1 pointtype 4 pointsize lt_pointsize * open_size linewidth open_lw notitle, \
     $zoom2 using 1:2 with lines linetype 2 dashtype 2 notitle, \
     $pairs2 using 1:2 with lines linecolor rgb '#B3DDF5' linewidth 1 dashtype 1 notitle, \
     $pairs2 using 1:2:3:4 with yerrorbars linetype 2 linewidth 1.5 dashtype 1 pointtype -1 notitle, \
     $pairs2 using 1:2 with points linetype 2 pointtype 14 pointsize lt_pointsize * open_size * svg_pentagon linewidth open_lw notitle
unset label
unset arrow
unset object

# ---- legend: right of the plot, or below it on a small figure --------------
legend_chars = 46   # the legend's longest row, in char_width
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
unset title
unset logscale
unset colorbox
unset object
unset arrow
unset label
set xrange [0:1]
set yrange [0:1]
# samples 2.5 characters long, rows 1.15 lines apart (11 rows)
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
     keyentry with lines linetype 1 dashtype 1 title (int(0 / legend_rows) == legend_col ? 'normal, σ_{w}² · fan-in = 2.5: c* = 0.447, χ_{c}⁠ = 0.919' : ''), \
     keyentry with lines linetype 2 dashtype 2 title (int(1 / legend_rows) == legend_col ? 'orthogonal, gain² = 2.5: same map, c* = 0.447' : ''), \
     keyentry with points linecolor rgb '#000000' pointtype 3 pointsize lt_pointsize * open_size linewidth open_lw title (int(2 / legend_rows) == legend_col ? 'c*: step 0 (dotted); χ_{c}⁠ = dc^{ℓ+1}/dc^{ℓ}⁠ there' : ''), \
     keyentry with points linetype 1 pointtype 4 pointsize lt_pointsize * open_size linewidth open_lw title (int(3 / legend_rows) == legend_col ? 'normal: sampled, joined in layer order' : ''), \
     keyentry with points linetype 2 pointtype 14 pointsize lt_pointsize * open_size * svg_pentagon linewidth open_lw title (int(4 / legend_rows) == legend_col ? 'orthogonal: sampled, joined in layer order' : ''), \
     keyentry with yerrorbars linecolor rgb '#000000' linewidth 1.5 pointtype -1 dashtype 1 title (int(5 / legend_rows) == legend_col ? 'sampled from c^{0}⁠ = 0.99, 99.9 % CI over 10 networks' : ''), \
     keyentry with points pointtype (zoom_above ? '↓' : '↑') linecolor rgb '#606060' title (int(6 / legend_rows) == legend_col ? 'box at arrow: the points'' zoom' : ''), \
     keyentry with lines linetype nodraw title (0 == legend_col ? 'tanh, W = 200, n_{in}⁠ = 200' : ''), \
     keyentry with lines linetype nodraw title (0 == legend_col ? 'σ_{b}² = 0.05, R = 10 networks' : '')
    }
} else {
plot -1 with lines linetype nodraw notitle, \
     keyentry with lines linetype 1 dashtype 1 title 'normal, σ_{w}² · fan-in = 2.5: c* = 0.447, χ_{c}⁠ = 0.919', \
     keyentry with lines linetype nodraw title '  map at q* = 1.06', \
     keyentry with lines linetype 2 dashtype 2 title 'orthogonal, gain² = 2.5: same map, c* = 0.447', \
     keyentry with lines linetype nodraw title '  map at q* = 1.06', \
     keyentry with points linecolor rgb '#000000' pointtype 3 pointsize lt_pointsize * open_size linewidth open_lw title 'c*: step 0 (dotted); χ_{c}⁠ = dc^{ℓ+1}/dc^{ℓ}⁠ there', \
     keyentry with points linetype 1 pointtype 4 pointsize lt_pointsize * open_size linewidth open_lw title 'normal: sampled, joined in layer order', \
     keyentry with points linetype 2 pointtype 14 pointsize lt_pointsize * open_size * svg_pentagon linewidth open_lw title 'orthogonal: sampled, joined in layer order', \
     keyentry with yerrorbars linecolor rgb '#000000' linewidth 1.5 pointtype -1 dashtype 1 title 'sampled from c^{0}⁠ = 0.99, 99.9 % CI over 10 networks', \
     keyentry with points pointtype (zoom_above ? '↓' : '↑') linecolor rgb '#606060' title 'box at arrow: the points'' zoom'
}
unset multiplot
