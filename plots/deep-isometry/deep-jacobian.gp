# deep-jacobian.gp: Singular values of the input-output Jacobian
#
# The density of the singular values s of J = D_L W_L ... D_1 W_1, pooled over
# the networks of each scheme (each scheme's histogram over [0, its largest
# s]).  Dynamical isometry (Pennington, Schoenholz & Ganguli 2017): at
# criticality orthogonal weights keep s near 1 at any depth, Gaussian
# weights spread them.  The legend sets the mean of s^2 and of s^4 beside
# the width -> infinity theory where it applies.  Width W,
# fan-in n_in and networks R: the command's --width, --n-in, --networks.
#
# Made by:  satstat deep --layers 10 --width 200 --networks 10 --scheme scaled,orthogonal --activation tanh --bias zero --inputs half --active 4 --n-in 200 --threshold 4 --alpha 0.001 --seed 1 --jacobian --plots plots/deep-isometry --plot-size 1280x800 --figures deep-jacobian
#           satstat 0.1.0
# Run:      gnuplot deep-jacobian.gp
#           from any directory (the data are inline): writes deep-jacobian.png
#           into the current directory; see "output" for other formats.

set encoding utf8

# ---- output ----------------------------------------------------------------
# Choose another format, file or size on the command line, e.g.
#   gnuplot -e "format='svg'; output='figure.svg'" deep-jacobian.gp
# format: 'png' (pngcairo), 'svg' or 'pdf' (pdfcairo); output '' writes
# to standard output (satstat --render does that); width and height in
# pixels of the PNG at dpi dots per inch: SVG and PDF get the physical size,
# width/dpi x height/dpi inches, with the same layout.  Text, lines and
# margins follow a new size; which panels, rows and legend columns there
# are was chosen for the size the figure was made at ("Made by"): for a
# very different size or font, make it again with that command's
# --plot-size, --dpi and --font-size.
if (!exists('format')) format = 'png'
if (!exists('output')) output = 'deep-jacobian.' . format
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
set linetype 1 linecolor rgb '#D55E00' linewidth 3 dashtype 2 pointtype 5 pointsize lt_pointsize   # vermillion: scaled
set linetype 2 linecolor rgb '#56B4E9' linewidth 3 dashtype 1 pointtype 15 pointsize lt_pointsize * svg_pentagon   # sky blue: orthogonal
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

# ---- data: per scheme, bin centre, density, bin width ----------------------
$j1 << EOD
0.0361504539 8.10501579 0.0723009079
0.108451362 0.954344862 0.0723009079
0.18075227 0.636229908 0.0723009079
0.253053178 0.408017006 0.0723009079
0.325354086 0.331946039 0.0723009079
0.397654993 0.283537242 0.0723009079
0.469955901 0.235128444 0.0723009079
0.542256809 0.193635189 0.0723009079
0.614557717 0.207466274 0.0723009079
0.686858625 0.186719647 0.0723009079
0.759159533 0.131395307 0.0723009079
0.831460441 0.131395307 0.0723009079
0.903761349 0.131395307 0.0723009079
0.976062257 0.11064868 0.0723009079
1.04836316 0.0829865098 0.0723009079
1.12066407 0.131395307 0.0723009079
1.19296498 0.0829865098 0.0723009079
1.26526589 0.0691554248 0.0723009079
1.3375668 0.0899020523 0.0723009079
1.4098677 0.0968175947 0.0723009079
1.48216861 0.0414932549 0.0723009079
1.55446952 0.0691554248 0.0723009079
1.62677043 0.0899020523 0.0723009079
1.69907134 0.0345777124 0.0723009079
1.77137224 0.0622398823 0.0723009079
1.84367315 0.0622398823 0.0723009079
1.91597406 0.0414932549 0.0723009079
1.98827497 0.0345777124 0.0723009079
2.06057588 0.0553243399 0.0723009079
2.13287678 0.0622398823 0.0723009079
2.20517769 0.0276621699 0.0723009079
2.2774786 0.0553243399 0.0723009079
2.34977951 0.0414932549 0.0723009079
2.42208041 0.0207466274 0.0723009079
2.49438132 0.0484087974 0.0723009079
2.56668223 0.0207466274 0.0723009079
2.63898314 0.0207466274 0.0723009079
2.71128405 0.0553243399 0.0723009079
2.78358495 0.0207466274 0.0723009079
2.85588586 0.0276621699 0.0723009079
2.92818677 0.0345777124 0.0723009079
3.00048768 0.0276621699 0.0723009079
3.07278859 0.0345777124 0.0723009079
3.14508949 0.013831085 0.0723009079
3.2173904 0.013831085 0.0723009079
3.28969131 0.0207466274 0.0723009079
3.36199222 0.0207466274 0.0723009079
3.43429313 0.0276621699 0.0723009079
3.50659403 0.013831085 0.0723009079
3.57889494 0.0207466274 0.0723009079
3.65119585 0.0276621699 0.0723009079
3.72349676 0.00691554248 0.0723009079
3.79579766 0.00691554248 0.0723009079
3.86809857 0.00691554248 0.0723009079
3.94039948 0.00691554248 0.0723009079
4.01270039 0.013831085 0.0723009079
4.0850013 0.0005 0.0723009079
4.1573022 0.0005 0.0723009079
4.22960311 0.0207466274 0.0723009079
4.30190402 0.0207466274 0.0723009079
4.37420493 0.0005 0.0723009079
EOD
$j2 << EOD
0.538803863 0.0005 0.0156175033
0.554421366 0.0320153607 0.0156175033
0.570038869 0.0640307213 0.0156175033
0.585656373 0.160076803 0.0156175033
0.601273876 0.0640307213 0.0156175033
0.616891379 0.0005 0.0156175033
0.632508882 0.0005 0.0156175033
0.648126386 0.096046082 0.0156175033
0.663743889 0.128061443 0.0156175033
0.679361392 0.288138246 0.0156175033
0.694978896 0.48023041 0.0156175033
0.710596399 0.896430099 0.0156175033
0.726213902 1.31262979 0.0156175033
0.741831405 1.82487556 0.0156175033
0.757448909 2.20905989 0.0156175033
0.773066412 2.8493671 0.0156175033
0.788683915 3.20153607 0.0156175033
0.804301418 3.96990472 0.0156175033
0.819918922 4.38610441 0.0156175033
0.835536425 4.93036554 0.0156175033
0.851153928 5.66671884 0.0156175033
0.866771432 6.27501069 0.0156175033
0.882388935 6.81927182 0.0156175033
0.898006438 7.10741007 0.0156175033
0.913623941 6.81927182 0.0156175033
0.929241445 4.45013513 0.0156175033
0.944858948 0.0005 0.0156175033
EOD

# ---- layout ----------------------------------------------------------------
key_chars = 32                                  # the longest legend row, in characters
char_width = 0.0097 * scale * 1280. / width     # one character of the font (digits are widest)
sample_width = 0.07 * scale * 1280. / width     # a legend sample and the gap after it
line_height = 16 * scale * 4 / 3. * 1.25 / height   # a line of text (the PNG's 96 dpi; the SVG's too: svg_vchar)
line_width = line_height * height / width        # ... the same length across
column = 0.985 - sample_width - key_chars * char_width
key_rows = 6                                    # legend rows with a sample
below_chars = 44                                # ... the longest of them
text_rows = 1                                   # rows of text for a legend below the plot
text_chars = 33                                 # ... the longest of them
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
set lmargin at screen plot_left
set rmargin at screen plot_right
set tmargin at screen top
set bmargin at screen bottom
title_whole = 'Singular values of the input–output Jacobian, tanh, L = 10'
title_head = 'Singular values of the input–output Jacobian, tanh, L = 10'   # without its tail, for a small figure
title_chars = 50.4   # the whole title's width in char_width (DejaVu Sans advance widths)
head_chars = 50.4    # ... and the head's
title_room = 0.94    # the share of the width a title may take
title_fit = (title_chars * char_width < title_room || head_chars * char_width < title_room) ? 1 : title_room / (head_chars * char_width)
set multiplot title (title_chars * char_width < title_room ? title_whole : title_head) font font_at(title_fit)
unset key
set xlabel 'singular value s'
set ylabel 'density'
set xrange [0:4.42482]
set xtics tick_step((4.42481556) - (0), (plot_right - plot_left) / (6 * char_width))
set logscale y
set yrange [0.005:10]
# a log axis: ticks 10^{n}, every decade or every k-th so that tick
# labels are at least 1.6 lines apart over the panel's height
set logscale y 10
set format y '10^{%T}'
log_first = ceil(log10(0.005) - 1e-9)
log_last = floor(log10(10) + 1e-9)
log_step = ceil((log_last - log_first) * 1.6 * line_height / (top - bottom))
log_step = (log_step < 1) ? 1 : log_step
set ytics (10.**log_last)
do for [log_k = 1:int((log_last - log_first) / log_step)] {
    set ytics add (10.**(log_last - log_k * log_step))
}
set arrow 1 from 1, graph 0 to 1, graph 1 nohead linecolor rgb '#808080' linewidth 1.5 dashtype 1 front
plot $j1 using ($1 - $3 / 2):2 with steps linetype 1 linewidth 2 dashtype 1 notitle, \
     $j2 using ($1 - $3 / 2):2 with steps linetype 2 linewidth 2 dashtype 2 notitle
unset label
unset arrow
unset object

# ---- legend: right of the plot, or below it on a small figure --------------
legend_chars = 32   # the legend's longest row, in char_width
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
# samples 2.5 characters long, rows 1.15 lines apart (7 rows)
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
     keyentry with lines linetype 1 linewidth 2 dashtype 1 title (int(0 / legend_rows) == legend_col ? 'scaled: s from ≤ 1.9×10^{−13}⁠ to 4.34' : ''), \
     keyentry with lines linetype nodraw title (int(1 / legend_rows) == legend_col ? '  59 % of s below 0.0723 (the first bin)' : ''), \
     keyentry with lines linetype nodraw title (int(2 / legend_rows) == legend_col ? '  mean s², s⁴ = 0.703, 5.45 (theory 0.72, 5.71)' : ''), \
     keyentry with lines linetype 2 linewidth 2 dashtype 2 title (int(3 / legend_rows) == legend_col ? 'orthogonal: s from 0.548 to 0.937' : ''), \
     keyentry with lines linetype nodraw title (int(4 / legend_rows) == legend_col ? '  mean s², s⁴ = 0.719, 0.527 (theory 0.72, 0.528)' : ''), \
     keyentry with lines linecolor rgb '#808080' linewidth 1.5 dashtype 1 title (int(5 / legend_rows) == legend_col ? 's = 1: isometry' : ''), \
     keyentry with lines linetype nodraw title (0 == legend_col ? 'W = 200, n_{in}⁠ = 200, R = 10 networks' : '')
    }
} else {
plot -1 with lines linetype nodraw notitle, \
     keyentry with lines linetype 1 linewidth 2 dashtype 1 title 'scaled: s from ≤ 1.9×10^{−13}⁠ to 4.34', \
     keyentry with lines linetype 2 linewidth 2 dashtype 2 title 'orthogonal: s from 0.548 to 0.937', \
     keyentry with lines linecolor rgb '#808080' linewidth 1.5 dashtype 1 title 's = 1: isometry'
}
unset multiplot
