# deep-saturation.gp: Saturated fraction against layer
#
# Points: the sampled fraction of units in the saturated region, with
# Korn-Graubard bars across networks; on a log axis the foot is 1/(10 N) of the
# N = W R units of a layer, sampled zeros drawn there as open markers and bars
# clipped there.  Lines: P(z in region) for z ~ N(mu_b, q^l).
#
# Made by:  satstat deep --layers 10 --width 200 --networks 10 --scheme standard,scaled --activation tanh --bias normal:1 --inputs half --active 500 --n-in 1000 --threshold 4 --alpha 0.001 --seed 1 --phase --plots plots/deep-tanh --plot-size 1280x800
#           satstat 0.1.0
# Run:      gnuplot deep-saturation.gp
#           from any directory (the data are inline): writes deep-saturation.png
#           into the current directory; see "output" for other formats.

set encoding utf8

# ---- output ----------------------------------------------------------------
# Choose another format, file or size on the command line, e.g.
#   gnuplot -e "format='svg'; output='figure.svg'" deep-saturation.gp
# format: 'png' (pngcairo), 'svg' or 'pdf' (pdfcairo); output '' writes
# to standard output (satstat --render does that); width and height in
# pixels of the PNG at dpi dots per inch: SVG and PDF get the physical size,
# width/dpi x height/dpi inches, with the same layout.  Text, lines and
# margins follow a new size; which panels, rows and legend columns there
# are was chosen for the size the figure was made at ("Made by"): for a
# very different size or font, make it again with that command's
# --plot-size, --dpi and --font-size.
if (!exists('format')) format = 'png'
if (!exists('output')) output = 'deep-saturation.' . format
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

# ---- data: layer, sampled, interval low, high, mean field --------
# (on a log axis interval ends below the foot 5e-05 are written as the foot)
$s1 << EOD
1 0.847 0.805317365 0.88308441 0.858167913
2 0.776 0.728860838 0.818696801 0.773901964
3 0.7655 0.717728683 0.808998981 0.771415134
4 0.7555 0.70716228 0.799727162 0.771339594
5 0.782 0.726755209 0.831017507 0.771337297
6 0.7505 0.69601687 0.799970705 0.771337227
7 0.7775 0.730454381 0.820078955 0.771337225
8 0.7745 0.725666695 0.818625512 0.771337225
9 0.779 0.723325641 0.828469418 0.771337225
10 0.7645 0.716670504 0.808073344 0.771337225
EOD
$s2 << EOD
1 0.001 5e-05 0.0183884428 0.00109083518
2 0.0015 5e-05 0.0114131722 0.000963178881
3 0.0015 5e-05 0.0114131722 0.000948258749
4 0.001 5e-05 0.0103592059 0.000946417813
5 0.0005 5e-05 0.00923056871 0.000946189132
6 0.0005 5e-05 0.00923056871 0.000946160701
7 0.001 5e-05 0.0103592059 0.000946157166
8 0.001 5e-05 0.0103592059 0.000946156727
9 0 5e-05 0.00796717803 0.000946156672
10 0.0005 5e-05 0.00923056871 0.000946156665
EOD

# ---- layout and axes -----------------------------------------------------
key_chars = 18                                  # the longest legend row, in characters
char_width = 0.0097 * scale * 1280. / width     # one character of the font (digits are widest)
sample_width = 0.07 * scale * 1280. / width     # a legend sample and the gap after it
line_height = 16 * scale * 4 / 3. * 1.25 / height   # a line of text (the PNG's 96 dpi; the SVG's too: svg_vchar)
line_width = line_height * height / width        # ... the same length across
column = 0.985 - sample_width - key_chars * char_width
key_rows = 6                                    # legend rows with a sample
below_chars = 15                                # ... the longest of them
text_rows = 2                                   # rows of text for a legend below the plot
text_chars = 37                                 # ... the longest of them
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
title_whole = 'Saturated fraction against layer'
title_head = 'Saturated fraction against layer'   # without its tail, for a small figure
title_chars = 27.4   # the whole title's width in char_width (DejaVu Sans advance widths)
head_chars = 27.4    # ... and the head's
title_room = 0.94    # the share of the width a title may take
title_fit = (title_chars * char_width < title_room || head_chars * char_width < title_room) ? 1 : title_room / (head_chars * char_width)
set multiplot title (title_chars * char_width < title_room ? title_whole : title_head) font font_at(title_fit)
unset key
set lmargin at screen plot_left
set rmargin at screen plot_right
set tmargin at screen top
set bmargin at screen bottom
set xlabel 'layer ℓ   (1*: fan-in 1000, not W = 200)'
set ylabel 'saturated fraction'
set xrange [0.5:10.5]
xstep = 1 + int(10 * 2.5 * char_width / (plot_right - plot_left))
set xtics xstep
set xtics add ('1*' 1)   # layer 1: its fan-in is the input's, not W
set logscale y
set yrange [5e-05:1.5]
# a log axis: ticks 10^{n}, every decade or every k-th so that tick
# labels are at least 1.6 lines apart over the panel's height
set logscale y 10
set format y '10^{%T}'
log_first = ceil(log10(5e-05) - 1e-9)
log_last = floor(log10(1.5) + 1e-9)
log_step = ceil((log_last - log_first) * 1.6 * line_height / (top - bottom))
log_step = (log_step < 1) ? 1 : log_step
set ytics (10.**log_last)
do for [log_k = 1:int((log_last - log_first) / log_step)] {
    set ytics add (10.**(log_last - log_k * log_step))
}
log_low = log_last - int((log_last - log_first) / log_step) * log_step
if (log_low > log_first && (log_low - log_first) * (top - bottom) / 4.47712 >= 0.9 * line_height) {
    set ytics (10.**log_first)
    do for [log_k = 1:int((log_last - log_first) / log_step)] {
        set ytics add (10.**(log_first + log_k * log_step))
    }
}
ylo = 5e-05   # the data's foot: clipped bars end here
yhi = 1.5
# sampled 0s: a strip below the data's foot ylo, 1.2 lines high, labelled 0;
# the y axis broken (a white gap, two strokes) between it and ylo
zero_line = line_height / (top - bottom)   # a line of text, of the plot's height
zero_strip = 1.2 * zero_line
yfoot = ylo / (yhi / ylo)**(zero_strip / (1 - zero_strip))
zero_decades = log10(yhi / yfoot)                  # decades over the plot's height
yzero = yfoot * 10**(0.45 * zero_line * zero_decades)   # the open marks
zero_bar = yzero * 10**(0.3 * zero_line * zero_decades) # ... their bars start above them
zero_gap = yfoot * 10**(0.85 * zero_line * zero_decades)  # the axis's break: zero_gap to ylo
zero_tilt = 10**(0.15 * zero_line * zero_decades) # a stroke's half height, as a factor
set yrange [yfoot:yhi]
set ytics add ('0' yzero)
# the y axis at screen x = plot_left broken between the strip and ylo
set object 101 rectangle from screen plot_left - 0.9 * char_width, first zero_gap to screen plot_left + 0.003, first ylo fillcolor rgb '#FFFFFF' fillstyle solid 1.0 noborder front
set arrow 101 from screen plot_left - 0.7 * char_width, first zero_gap / zero_tilt to screen plot_left + 0.7 * char_width, first zero_gap * zero_tilt nohead linecolor rgb '#000000' linewidth 1.5 front
set arrow 102 from screen plot_left - 0.7 * char_width, first ylo / zero_tilt to screen plot_left + 0.7 * char_width, first ylo * zero_tilt nohead linecolor rgb '#000000' linewidth 1.5 front
plot $s1 using ($1 + -0.12):5 with lines linetype 1 dashtype 1 notitle, \
     $s1 using ($1 + -0.12):($4 > $3 ? $2 : NaN):3:4 with yerrorbars linetype 1 dashtype 1 notitle, \
     $s1 using ($1 + -0.12):($2 > 0 && $3 <= ylo ? ylo : NaN) with points linetype 1 pointtype 11 pointsize lt_pointsize notitle, \
     $s1 using ($1 + -0.12):($2 > 0 ? NaN : yzero):(zero_bar):4 with yerrorbars linetype 1 dashtype 1 pointtype -1 notitle, \
     $s1 using ($1 + -0.12):($2 > 0 ? NaN : yzero) with points linetype 1 pointtype 6 pointsize lt_pointsize * open_size linewidth open_lw notitle, \
     $s2 using ($1 + 0.12):5 with lines linetype 2 dashtype 2 notitle, \
     $s2 using ($1 + 0.12):($4 > $3 ? $2 : NaN):3:4 with yerrorbars linetype 2 dashtype 1 notitle, \
     $s2 using ($1 + 0.12):($2 > 0 && $3 <= ylo ? ylo : NaN) with points linetype 2 pointtype 11 pointsize lt_pointsize notitle, \
     $s2 using ($1 + 0.12):($2 > 0 ? NaN : yzero):(zero_bar):4 with yerrorbars linetype 2 dashtype 1 pointtype -1 notitle, \
     $s2 using ($1 + 0.12):($2 > 0 ? NaN : yzero) with points linetype 2 pointtype 4 pointsize lt_pointsize * open_size linewidth open_lw notitle
unset label
unset arrow

# ---- legend: right of the plot, or below it on a small figure --------------
legend_chars = 18   # the legend's longest row, in char_width
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
     keyentry with linespoints linetype 1 dashtype 1 title (int(0 / legend_rows) == legend_col ? 'standard' : ''), \
     keyentry with linespoints linetype 2 dashtype 2 title (int(1 / legend_rows) == legend_col ? 'scaled' : ''), \
     keyentry with lines linecolor rgb '#000000' linewidth 2 dashtype 1 title (int(2 / legend_rows) == legend_col ? 'lines: mean field' : ''), \
     keyentry with points linetype 2 pointtype 4 pointsize lt_pointsize * open_size linewidth open_lw title (int(3 / legend_rows) == legend_col ? 'open: 0 of 2000' : ''), \
     keyentry with points linetype 2 pointtype 11 pointsize lt_pointsize title (int(4 / legend_rows) == legend_col ? 'bar cut at axis' : ''), \
     keyentry with yerrorbars linecolor rgb '#000000' pointtype -1 dashtype 1 title (int(5 / legend_rows) == legend_col ? 'bars: 99.9 % CI' : ''), \
     keyentry with lines linetype nodraw title (0 == legend_col ? 'saturated: |z| ≥ 4' : ''), \
     keyentry with lines linetype nodraw title (0 == legend_col ? 'tanh, W = 200, σ_{b}² = 1, R = 10 networks' : '')
    }
} else {
plot -1 with lines linetype nodraw notitle, \
     keyentry with linespoints linetype 1 dashtype 1 title 'standard', \
     keyentry with linespoints linetype 2 dashtype 2 title 'scaled', \
     keyentry with lines linecolor rgb '#000000' linewidth 2 dashtype 1 title 'lines: mean field', \
     keyentry with points linetype 2 pointtype 4 pointsize lt_pointsize * open_size linewidth open_lw title 'open: 0 of 2000', \
     keyentry with points linetype 2 pointtype 11 pointsize lt_pointsize title 'bar cut at axis', \
     keyentry with yerrorbars linecolor rgb '#000000' pointtype -1 dashtype 1 title 'bars: 99.9 % CI', \
     keyentry with lines linetype nodraw title 'saturated: |z| ≥ 4', \
     keyentry with lines linetype nodraw title 'tanh, W = 200 units', \
     keyentry with lines linetype nodraw title 'R = 10 networks'
}
unset multiplot
