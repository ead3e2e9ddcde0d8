# deep-gradient.gp: Norm of the back-propagated gradient δ^{ℓ} by layer
#
# Filled points: the mean over networks of |delta^l| (delta^L = phi'(z^L)*g, g a
# random unit vector), the report's sampled |d|, with its 1 - alpha interval
# (log-normal).  Open points: the RMS |delta^l| over networks.  Lines: the
# mean-field prediction of the RMS, a factor sqrt(chi) per layer (Schoenholz et
# al. 2017).  Back-propagation runs from layer L down to layer 1.
#
# Made by:  satstat deep --layers 10 --width 200 --networks 10 --scheme standard,scaled --activation sigmoid --bias normal:1 --inputs half --active 500 --n-in 1000 --threshold 4 --alpha 0.001 --seed 1 --plots plots/deep-sigmoid --plot-size 1280x800
#           satstat 0.1.0
# Run:      gnuplot deep-gradient.gp
#           from any directory (the data are inline): writes deep-gradient.png
#           into the current directory; see "output" for other formats.

set encoding utf8

# ---- output ----------------------------------------------------------------
# Choose another format, file or size on the command line, e.g.
#   gnuplot -e "format='svg'; output='figure.svg'" deep-gradient.gp
# format: 'png' (pngcairo), 'svg' or 'pdf' (pdfcairo); output '' writes
# to standard output (satstat --render does that); width and height in
# pixels of the PNG at dpi dots per inch: SVG and PDF get the physical size,
# width/dpi x height/dpi inches, with the same layout.  Text, lines and
# margins follow a new size; which panels, rows and legend columns there
# are was chosen for the size the figure was made at ("Made by"): for a
# very different size or font, make it again with that command's
# --plot-size, --dpi and --font-size.
if (!exists('format')) format = 'png'
if (!exists('output')) output = 'deep-gradient.' . format
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
# the bars and caps solid; the dash on the mean-field line
set linetype 1 dashtype 1
set linetype 2 dashtype 1

# ---- data: layer, sampled, interval low, high, mean field, RMS --------
$s1 << EOD
1 0.20660711 0.135602708 0.31807167 0.22218629 0.2128384
2 0.266383146 0.152134903 0.471140122 0.288443894 0.28302155
3 0.23606921 0.128271495 0.441123916 0.249335423 0.252456313
4 0.206441439 0.117734496 0.368409261 0.213088213 0.217387633
5 0.176598696 0.114606404 0.274327878 0.182023727 0.182854402
6 0.159429503 0.102854707 0.248888743 0.155484758 0.1654137
7 0.131364303 0.0900059635 0.192573038 0.132815044 0.135297129
8 0.102560851 0.072323021 0.145536984 0.113450576 0.10571087
9 0.0920855979 0.06839442 0.124256503 0.0969094518 0.0938967174
10 0.085130563 0.0674125524 0.107664061 0.0827800281 0.0861571547
EOD
$s2 << EOD
1 1.29860318e-07 9.1716231e-08 1.85207264e-07 1.27492684e-07 1.32552752e-07
2 6.29559668e-07 4.6704932e-07 8.52969774e-07 6.34620827e-07 6.3943424e-07
3 3.07030284e-06 2.37347052e-06 3.98755586e-06 3.09973562e-06 3.105465e-06
4 1.45523438e-05 1.16594153e-05 1.82070078e-05 1.51326294e-05 1.46868977e-05
5 7.41601862e-05 6.05614833e-05 9.09876153e-05 7.38751191e-05 7.47438088e-05
6 0.000362460924 0.000308777891 0.000426009453 0.000360646592 0.000364228761
7 0.00176843737 0.00154281696 0.00202868302 0.00176061933 0.00177495616
8 0.0086773449 0.00763481112 0.00987027052 0.00859506369 0.00870416133
9 0.04208814 0.0389131125 0.0455354274 0.0419597346 0.0421379672
10 0.205276821 0.198995847 0.211765184 0.204840754 0.205315626
EOD

# ---- layout and axes -----------------------------------------------------
key_chars = 38                                  # the longest legend row, in characters
char_width = 0.0097 * scale * 1280. / width     # one character of the font (digits are widest)
sample_width = 0.07 * scale * 1280. / width     # a legend sample and the gap after it
line_height = 16 * scale * 4 / 3. * 1.25 / height   # a line of text (the PNG's 96 dpi; the SVG's too: svg_vchar)
line_width = line_height * height / width        # ... the same length across
column = 0.985 - sample_width - key_chars * char_width
key_rows = 5                                    # legend rows with a sample
below_chars = 38                                # ... the longest of them
text_rows = 2                                   # rows of text for a legend below the plot
text_chars = 40                                 # ... the longest of them
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
title_whole = 'Norm of the back-propagated gradient δ^{ℓ}⁠ by layer'
title_head = 'Norm of the back-propagated gradient δ^{ℓ}⁠ by layer'   # without its tail, for a small figure
title_chars = 43.1   # the whole title's width in char_width (DejaVu Sans advance widths)
head_chars = 43.1    # ... and the head's
title_room = 0.94    # the share of the width a title may take
title_fit = (title_chars * char_width < title_room || head_chars * char_width < title_room) ? 1 : title_room / (head_chars * char_width)
set multiplot title (title_chars * char_width < title_room ? title_whole : title_head) font font_at(title_fit)
unset key
set lmargin at screen plot_left
set rmargin at screen plot_right
set tmargin at screen top
set bmargin at screen bottom
set xlabel 'layer ℓ   (1*: fan-in 1000, not W = 200)'
set ylabel '‖δ^{ℓ}‖'
set xrange [0.5:10.5]
xstep = 1 + int(10 * 2.5 * char_width / (plot_right - plot_left))
set xtics xstep
set xtics add ('1*' 1)   # layer 1: its fan-in is the input's, not W
set logscale y
set yrange [2.29291e-08:0.94228]
# a log axis: ticks 10^{n}, every decade or every k-th so that tick
# labels are at least 1.6 lines apart over the panel's height
set logscale y 10
set format y '10^{%T}'
log_first = ceil(log10(2.29291e-08) - 1e-9)
log_last = floor(log10(0.94228) + 1e-9)
log_step = ceil((log_last - log_first) * 1.6 * line_height / (top - bottom))
log_step = (log_step < 1) ? 1 : log_step
set ytics (10.**log_last)
do for [log_k = 1:int((log_last - log_first) / log_step)] {
    set ytics add (10.**(log_last - log_k * log_step))
}
log_low = log_last - int((log_last - log_first) / log_step) * log_step
if (log_low > log_first && (log_low - log_first) * (top - bottom) / 7.61379 >= 0.9 * line_height) {
    set ytics (10.**log_first)
    do for [log_k = 1:int((log_last - log_first) / log_step)] {
        set ytics add (10.**(log_first + log_k * log_step))
    }
}
plot $s1 using ($1 + -0.12):5 with lines linetype 1 dashtype 1 notitle, \
     $s1 using ($1 + -0.12):($4 > $3 ? $2 : NaN):3:4 with yerrorbars linetype 1 dashtype 1 notitle, \
     $s1 using ($1 + -0.12):6 with points linetype 1 pointtype 6 pointsize 2.4 * pointscale linewidth 1 notitle, \
     $s2 using ($1 + 0.12):5 with lines linetype 2 dashtype 2 notitle, \
     $s2 using ($1 + 0.12):($4 > $3 ? $2 : NaN):3:4 with yerrorbars linetype 2 dashtype 1 notitle, \
     $s2 using ($1 + 0.12):6 with points linetype 2 pointtype 6 pointsize 2.4 * pointscale linewidth 1 notitle
unset label
unset arrow

# ---- legend: right of the plot, or below it on a small figure --------------
legend_chars = 38   # the legend's longest row, in char_width
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
# samples 2.5 characters long, rows 1.15 lines apart (10 rows)
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
     keyentry with linespoints linetype 1 dashtype 1 title (int(0 / legend_rows) == legend_col ? 'standard, ×0.77 to ×1.17/layer to the input' : ''), \
     keyentry with linespoints linetype 2 dashtype 2 title (int(1 / legend_rows) == legend_col ? 'scaled, ×0.201 to ×0.205/layer to the input' : ''), \
     keyentry with lines linecolor rgb '#000000' linewidth 2 dashtype 1 title (int(2 / legend_rows) == legend_col ? 'lines: mean field of the RMS (rings)' : ''), \
     keyentry with points linecolor rgb '#000000' pointtype 6 pointsize 2.4 * pointscale linewidth 1 title (int(3 / legend_rows) == legend_col ? 'ring: RMS, filled: mean ‖δ^{ℓ}‖' : ''), \
     keyentry with yerrorbars linecolor rgb '#000000' pointtype -1 dashtype 1 title (int(4 / legend_rows) == legend_col ? 'bars: 99.9 % CI' : ''), \
     keyentry with lines linetype nodraw title (0 == legend_col ? 'back-propagation: L → 1' : ''), \
     keyentry with lines linetype nodraw title (0 == legend_col ? 'sigmoid, W = 200, σ_{b}² = 1, R = 10 networks' : '')
    }
} else {
plot -1 with lines linetype nodraw notitle, \
     keyentry with linespoints linetype 1 dashtype 1 title 'standard, ×0.77 to ×1.17/layer to the input', \
     keyentry with linespoints linetype 2 dashtype 2 title 'scaled, ×0.201 to ×0.205/layer to the input', \
     keyentry with lines linecolor rgb '#000000' linewidth 2 dashtype 1 title 'lines: mean field of the RMS (rings)', \
     keyentry with points linecolor rgb '#000000' pointtype 6 pointsize 2.4 * pointscale linewidth 1 title 'ring: RMS, filled: mean ‖δ^{ℓ}‖', \
     keyentry with yerrorbars linecolor rgb '#000000' pointtype -1 dashtype 1 title 'bars: 99.9 % CI', \
     keyentry with lines linetype nodraw title 'back-propagation: L → 1', \
     keyentry with lines linetype nodraw title 'sigmoid, W = 200 units', \
     keyentry with lines linetype nodraw title 'R = 10 networks'
}
unset multiplot
