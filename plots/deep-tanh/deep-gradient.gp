# deep-gradient.gp: Gradient norm against layer
#
# Filled points: the mean over networks of |delta^l| (delta^L = phi'(z^L)*g, g a
# random unit vector), the report's sampled |d|, with its 1 - alpha interval
# (log-normal).  Open points: the RMS |delta^l| over networks.  Lines: the
# mean-field prediction of the RMS, a factor sqrt(chi) per layer (Schoenholz et
# al. 2017).  Back-propagation runs from layer L down to layer 1.
#
# Made by:  satstat deep --layers 10 --width 200 --networks 10 --scheme standard,scaled --activation tanh --bias normal:1 --inputs half --active 500 --n-in 1000 --threshold 4 --alpha 0.001 --seed 1 --plots plots/deep-tanh --plot-size 1280x800
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
# width/dpi x height/dpi inches, with the same layout.
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
fontscale = (format eq 'svg') ? 128. / dpi : (format eq 'pdf') ? 144. / dpi : 1
linescale = (format eq 'svg') ? 96. / dpi : (format eq 'pdf') ? 144. / dpi : 1
# Point markers scale with the text (a point of a fixed size swamps a
# small figure); a point's unit is its own per terminal (pngcairo about
# 6 pixels, svg 10 px of 1/96 in, pdfcairo 1/12 in), whatever the lines'.
pointscale = scale * ((format eq 'svg') ? 60. / dpi : (format eq 'pdf') ? 72. / dpi : 1)
fontspec = sprintf('DejaVu Sans,%.3g', 16 * scale * fontscale)
# Small text (panel titles, small tick labels): 3/4 of the text, but never
# under 7 pt (smaller is hard to read in print) unless the text is.
smallpt = (fontpt * 0.75 > 7) ? fontpt * 0.75 : (fontpt < 7 ? fontpt : 7)
smallfont = sprintf('DejaVu Sans,%.3g', 16 * scale * fontscale * smallpt / fontpt)
if (format eq 'png') {
    set terminal pngcairo size width, height font fontspec linewidth scale * linescale enhanced
}
if (format eq 'svg') {
    set terminal svg size width * 96. / dpi, height * 96. / dpi font fontspec linewidth scale * linescale enhanced
}
if (format eq 'pdf') {
    set terminal pdfcairo size width / (1. * dpi), height / (1. * dpi) font fontspec linewidth scale * linescale enhanced
}
if (format ne 'png' && format ne 'svg' && format ne 'pdf') {
    exit error sprintf('unknown format %s: use png, svg or pdf', format)
}
if (output eq '') { set output } else { set output output }

# ---- style -----------------------------------------------------------------
# One colour per scheme from the Okabe & Ito (2008) colour-blind-safe
# palette, and a dash type per scheme as a second cue in greyscale print.
# Lines 3 to 4 pixels wide (at 1280 x 800) and large points survive a projector.
set linetype 1 linecolor rgb '#0072B2' linewidth 3 dashtype 1 pointtype 7 pointsize 1.3 * pointscale   # blue: standard
set linetype 2 linecolor rgb '#D55E00' linewidth 3 dashtype 2 pointtype 5 pointsize 1.3 * pointscale   # vermillion: scaled
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
set grid linecolor rgb '#E5E5E5' linewidth 1 dashtype 1   # a faint grid

# ---- data: layer, sampled, interval low, high, mean field, RMS --------
$s1 << EOD
1 802.259805 125.560073 4556.25834 1514.71788 1296.96854
2 377.461662 95.4746527 1445.67964 694.898924 522.932938
3 132.896679 38.5770789 454.429077 251.503428 174.398213
4 45.7358324 16.2622797 124.600614 90.5164967 58.5672542
5 15.7337713 6.60729964 38.1816713 32.5715096 18.0959145
6 6.12251709 2.47426508 14.8768532 11.7204908 7.45571086
7 2.550198 1.26726178 5.15860488 4.21748591 2.84923808
8 1.05898463 0.459526559 2.50293872 1.51761455 1.19944329
9 0.460266635 0.217098665 0.983715115 0.54609641 0.517062459
10 0.174753709 0.102258309 0.30454155 0.196506609 0.182773936
EOD
$s2 << EOD
1 0.0101205692 0.00620995988 0.0165735432 0.0100392643 0.0106418632
2 0.0161854584 0.0105661577 0.0249383255 0.0159762573 0.0167831244
3 0.025619876 0.0176723471 0.03736895 0.0253119822 0.0262957442
4 0.0416545158 0.0300110073 0.058146907 0.0400810725 0.0424633809
5 0.0686348758 0.0515505763 0.0917904184 0.0634633426 0.0696503765
6 0.108157382 0.0886980038 0.132159854 0.100485379 0.108940279
7 0.165568681 0.138048399 0.198978066 0.159104458 0.166513736
8 0.257178699 0.213515282 0.310313177 0.25191949 0.258851418
9 0.422952241 0.359691421 0.497886572 0.398879006 0.425163377
10 0.663995058 0.61445948 0.71770975 0.631568687 0.664786661
EOD

# ---- layout and axes -----------------------------------------------------
key_chars = 34                                  # the longest legend row, in characters
char_width = 0.0097 * scale * 1280. / width     # one character of the font (digits are widest)
sample_width = 0.07 * scale * 1280. / width     # a legend sample and the gap after it
line_height = 16 * scale * 4 / 3. * 1.25 / height   # a line of text (the PNG's 96 dpi)
line_width = line_height * height / width        # ... the same length across
column = 0.985 - sample_width - key_chars * char_width
key_rows = 6                                    # legend rows with a sample
below_chars = 39                                # ... the longest of them
# When the column would leave the plot less than half the width (a
# small figure), the legend goes below the plot, its rows with a sample
# only, in as many columns as fit; the numbers are in the report.
legend_below = (column < 0.55) ? 1 : 0
# (prose runs about 0.9 of the digits' char_width: 'bar runs below the
# axis' measured 0.377 of 1050 px against 23 x 0.0185 = 0.426; with 2
# characters' gap a legend of 17-character rows kept one column at 3.5 in)
legend_cols = floor(0.97 / (sample_width + (0.9 * below_chars + 1) * char_width))
legend_cols = (legend_cols < 1) ? 1 : legend_cols
legend_height = legend_below ? ceil(1. * key_rows / legend_cols) * 1.15 * line_height + 0.01 : 0
column = legend_below ? 0.985 : column
plot_left = 0.01 + 6 * char_width + 2.2 * line_width   # room for the y tick labels and label
top = 0.98 - 2.4 * line_height                  # room for the title above
bottom = 0.02 + 3.1 * line_height + legend_height   # room for the x tick labels and label
plot_right = column - 0.03   # a gap before the legend
set multiplot title 'Gradient norm against layer'
unset key
set lmargin at screen plot_left
set rmargin at screen plot_right
set tmargin at screen top
set bmargin at screen bottom
set xlabel 'layer l'
set ylabel '‖δ^{l}‖'
set xrange [0.5:10.5]
xstep = 1 + int(10 * 2.5 * char_width / (plot_right - plot_left))
set xtics xstep
set xtics add ('1*' 1)   # layer 1: its fan-in is the input's, not W
set logscale y
set yrange [0.00310498:9112.52]
# a log axis: ticks 10^{n}, every decade or every k-th so that tick
# labels are at least 1.6 lines apart over the panel's height
set logscale y 10
set format y '10^{%T}'
log_first = ceil(log10(0.00310498) - 1e-9)
log_last = floor(log10(9112.52) + 1e-9)
log_step = ceil((log_last - log_first) * 1.6 * line_height / (top - bottom))
log_step = (log_step < 1) ? 1 : log_step
set ytics (10.**log_last)
do for [log_k = 1:int((log_last - log_first) / log_step)] {
    set ytics add (10.**(log_last - log_k * log_step))
}
plot $s1 using 1:5 with lines linetype 1 notitle, \
     $s1 using ($1 + -0.12):($4 > $3 ? $2 : NaN):3:4 with yerrorbars linetype 1 dashtype 1 notitle, \
     $s1 using ($1 + -0.12):6 with points linetype 1 pointtype 6 notitle, \
     $s2 using 1:5 with lines linetype 2 notitle, \
     $s2 using ($1 + 0.12):($4 > $3 ? $2 : NaN):3:4 with yerrorbars linetype 2 dashtype 1 notitle, \
     $s2 using ($1 + 0.12):6 with points linetype 2 pointtype 4 notitle
unset label
unset arrow

# ---- legend: right of the plot, or below it on a small figure --------------
set lmargin at screen column
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
set key inside left top Left reverse samplen 2.5 spacing 1.15
# an empty plot (a line out of range) whose key is the legend
if (exists('legend_below') && legend_below) {
    # below the plot, across the figure: the rows with a sample, in columns
    set lmargin at screen 0.01
    set tmargin at screen 0.01 + legend_height
    set bmargin at screen 0.005
    set key inside left top Left reverse samplen 2.5 spacing 1.15 horizontal maxcols legend_cols
plot -1 with lines linetype nodraw notitle, \
     keyentry with yerrorbars linetype 1 dashtype 1 title 'standard: mean ‖δ^{l}‖', \
     keyentry with lines linetype 1 title '  mean field, ×2.78/layer to the input', \
     keyentry with yerrorbars linetype 2 dashtype 1 title 'scaled: mean ‖δ^{l}‖', \
     keyentry with lines linetype 2 title '  mean field, ×0.632/layer to the input', \
     keyentry with points linecolor rgb '#000000' pointtype 6 title 'open: RMS ‖δ^{l}‖', \
     keyentry with yerrorbars linecolor rgb '#000000' pointtype 7 pointsize 0.6 dashtype 1 title 'bars: 99.9 % CI'
} else {
plot -1 with lines linetype nodraw notitle, \
     keyentry with yerrorbars linetype 1 dashtype 1 title 'standard: mean ‖δ^{l}‖', \
     keyentry with lines linetype 1 title '  mean field, ×2.78/layer to the input', \
     keyentry with yerrorbars linetype 2 dashtype 1 title 'scaled: mean ‖δ^{l}‖', \
     keyentry with lines linetype 2 title '  mean field, ×0.632/layer to the input', \
     keyentry with points linecolor rgb '#000000' pointtype 6 title 'open: RMS ‖δ^{l}‖', \
     keyentry with yerrorbars linecolor rgb '#000000' pointtype 7 pointsize 0.6 dashtype 1 title 'bars: 99.9 % CI', \
     keyentry with lines linetype nodraw title 'back-propagation: L → 1', \
     keyentry with lines linetype nodraw title 'tanh, W = 200 units', \
     keyentry with lines linetype nodraw title 'R = 10 networks', \
     keyentry with lines linetype nodraw title 'layer 1*: fan-in 1000'
}
unset multiplot
