# deep-jacobian.gp: Singular values of the input-output Jacobian
#
# The density of the singular values s of J = D_L W_L ... D_1 W_1, pooled over
# the networks of each scheme (each scheme's histogram over [0, its largest
# s]).  Dynamical isometry (Pennington, Schoenholz & Ganguli 2017): at
# criticality orthogonal weights keep s near 1 at any depth, Gaussian
# weights spread them.  The legend sets the mean of s^2 (m1) and of s^4
# (m2) beside the width -> infinity theory where it applies.
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
# width/dpi x height/dpi inches, with the same layout.
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
set linetype 1 linecolor rgb '#D55E00' linewidth 3 dashtype 2 pointtype 5 pointsize 1.3 * pointscale   # vermillion: scaled
set linetype 2 linecolor rgb '#56B4E9' linewidth 3 dashtype 1 pointtype 15 pointsize 1.3 * pointscale   # sky blue: orthogonal
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

# ---- data: per scheme, bin centre, density, bin width ----------------------
$j1 << EOD
0.0412992889 7.26404759 0.0825985778
0.123897867 0.823258726 0.0825985778
0.206496445 0.544803569 0.0825985778
0.289095022 0.351095633 0.0825985778
0.3716936 0.290561903 0.0825985778
0.454292178 0.248188293 0.0825985778
0.536890756 0.230028174 0.0825985778
0.619489334 0.175547817 0.0825985778
0.702087912 0.18160119 0.0825985778
0.78468649 0.127120833 0.0825985778
0.867285067 0.139227579 0.0825985778
0.949883645 0.139227579 0.0825985778
1.03248222 0.0726404759 0.0825985778
1.1150808 0.102907341 0.0825985778
1.19767938 0.0968539678 0.0825985778
1.28027796 0.0786938488 0.0825985778
1.36287653 0.0786938488 0.0825985778
1.44547511 0.0847472218 0.0825985778
1.52807369 0.0847472218 0.0825985778
1.61067227 0.0726404759 0.0825985778
1.69327085 0.0423736109 0.0825985778
1.77586942 0.0605337299 0.0825985778
1.858468 0.0726404759 0.0825985778
1.94106658 0.0423736109 0.0825985778
2.02366516 0.0544803569 0.0825985778
2.10626374 0.0423736109 0.0825985778
2.18886231 0.0423736109 0.0825985778
2.27146089 0.0423736109 0.0825985778
2.35405947 0.0423736109 0.0825985778
2.43665805 0.0302668649 0.0825985778
2.51925662 0.018160119 0.0825985778
2.6018552 0.0363202379 0.0825985778
2.68445378 0.024213492 0.0825985778
2.76705236 0.0484269839 0.0825985778
2.84965094 0.018160119 0.0825985778
2.93224951 0.0363202379 0.0825985778
3.01484809 0.018160119 0.0825985778
3.09744667 0.018160119 0.0825985778
3.18004525 0.0363202379 0.0825985778
3.26264383 0.0302668649 0.0825985778
3.3452424 0.018160119 0.0825985778
3.42784098 0.018160119 0.0825985778
3.51043956 0.012106746 0.0825985778
3.59303814 0.024213492 0.0825985778
3.67563671 0.012106746 0.0825985778
3.75823529 0.018160119 0.0825985778
3.84083387 0.00605337299 0.0825985778
3.92343245 0 0.0825985778
4.00603103 0.012106746 0.0825985778
4.0886296 0.012106746 0.0825985778
4.17122818 0.012106746 0.0825985778
4.25382676 0 0.0825985778
4.33642534 0.00605337299 0.0825985778
4.41902391 0.00605337299 0.0825985778
4.50162249 0 0.0825985778
4.58422107 0 0.0825985778
4.66681965 0 0.0825985778
4.74941823 0 0.0825985778
4.8320168 0 0.0825985778
4.91461538 0.00605337299 0.0825985778
EOD
$j2 << EOD
0.00781694092 0 0.0156338818
0.0234508228 0 0.0156338818
0.0390847046 0 0.0156338818
0.0547185864 0 0.0156338818
0.0703524683 0 0.0156338818
0.0859863501 0 0.0156338818
0.101620232 0 0.0156338818
0.117254114 0 0.0156338818
0.132887996 0 0.0156338818
0.148521877 0 0.0156338818
0.164155759 0 0.0156338818
0.179789641 0 0.0156338818
0.195423523 0 0.0156338818
0.211057405 0 0.0156338818
0.226691287 0 0.0156338818
0.242325168 0 0.0156338818
0.25795905 0 0.0156338818
0.273592932 0 0.0156338818
0.289226814 0 0.0156338818
0.304860696 0 0.0156338818
0.320494578 0 0.0156338818
0.336128459 0 0.0156338818
0.351762341 0 0.0156338818
0.367396223 0 0.0156338818
0.383030105 0 0.0156338818
0.398663987 0 0.0156338818
0.414297869 0 0.0156338818
0.429931751 0 0.0156338818
0.445565632 0 0.0156338818
0.461199514 0 0.0156338818
0.476833396 0 0.0156338818
0.492467278 0 0.0156338818
0.50810116 0 0.0156338818
0.523735042 0 0.0156338818
0.539368923 0 0.0156338818
0.555002805 0.0319818203 0.0156338818
0.570636687 0.159909102 0.0156338818
0.586270569 0.127927281 0.0156338818
0.601904451 0 0.0156338818
0.617538333 0 0.0156338818
0.633172214 0 0.0156338818
0.648806096 0.0319818203 0.0156338818
0.664439978 0.223872742 0.0156338818
0.68007386 0.255854563 0.0156338818
0.695707742 0.703600047 0.0156338818
0.711341624 1.08738189 0.0156338818
0.726975505 1.27927281 0.0156338818
0.742609387 1.69503648 0.0156338818
0.758243269 2.23872742 0.0156338818
0.773877151 2.81440019 0.0156338818
0.789511033 3.16620021 0.0156338818
0.805144915 3.83781844 0.0156338818
0.820778796 4.31754574 0.0156338818
0.836412678 5.05312761 0.0156338818
0.85204656 5.56483674 0.0156338818
0.867680442 6.17249132 0.0156338818
0.883314324 6.81212773 0.0156338818
0.898948206 6.97203683 0.0156338818
0.914582087 7.03600047 0.0156338818
0.930215969 4.38150939 0.0156338818
EOD

# ---- layout ----------------------------------------------------------------
key_chars = 25                                  # the longest legend row, in characters
char_width = 0.0097 * scale * 1280. / width     # one character of the font (digits are widest)
sample_width = 0.07 * scale * 1280. / width     # a legend sample and the gap after it
line_height = 16 * scale * 4 / 3. * 1.25 / height   # a line of text (the PNG's 96 dpi)
line_width = line_height * height / width        # ... the same length across
column = 0.985 - sample_width - key_chars * char_width
key_rows = 3                                    # legend rows with a sample
below_chars = 15                                # ... the longest of them
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
set lmargin at screen plot_left
set rmargin at screen plot_right
set tmargin at screen top
set bmargin at screen bottom
set multiplot title 'Singular values of the input–output Jacobian, tanh, L = 10'
unset key
set xlabel 'singular value s'
set ylabel 'density'
set xrange [0:5.05503]
set xtics tick_step((5.05503296) - (0), (plot_right - plot_left) / (6 * char_width))
set logscale y
set yrange [0.001:10]
# a log axis: ticks 10^{n}, every decade or every k-th so that tick
# labels are at least 1.6 lines apart over the panel's height
set logscale y 10
set format y '10^{%T}'
log_first = ceil(log10(0.001) - 1e-9)
log_last = floor(log10(10) + 1e-9)
log_step = ceil((log_last - log_first) * 1.6 * line_height / (top - bottom))
log_step = (log_step < 1) ? 1 : log_step
set ytics (10.**log_last)
do for [log_k = 1:int((log_last - log_first) / log_step)] {
    set ytics add (10.**(log_last - log_k * log_step))
}
set arrow 1 from 1, graph 0 to 1, graph 1 nohead linecolor rgb '#808080' linewidth 2 dashtype 3 back
plot $j1 using 1:2:3 with boxes linetype 1 fillstyle transparent solid 0.3 noborder notitle, \
     $j1 using 1:2 with histeps linetype 1 dashtype 1 linewidth 2 notitle, \
     $j2 using 1:2:3 with boxes linetype 2 fillstyle transparent solid 0.3 noborder notitle, \
     $j2 using 1:2 with histeps linetype 2 dashtype 1 linewidth 2 notitle
unset label
unset arrow
unset object

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
# samples 2.5 characters long, rows 1.15 lines apart (11 rows)
set key inside left top Left reverse samplen 2.5 spacing 1.15
# an empty plot (a line out of range) whose key is the legend
if (exists('legend_below') && legend_below) {
    # below the plot, across the figure: the rows with a sample, in columns
    set lmargin at screen 0.01
    set tmargin at screen 0.01 + legend_height
    set bmargin at screen 0.005
    set key inside left top Left reverse samplen 2.5 spacing 1.15 horizontal maxcols legend_cols
plot -1 with lines linetype nodraw notitle, \
     keyentry with boxes linetype 1 dashtype 1 fillstyle transparent solid 0.3 border title 'scaled', \
     keyentry with boxes linetype 2 dashtype 1 fillstyle transparent solid 0.3 border title 'orthogonal', \
     keyentry with lines linecolor rgb '#808080' linewidth 2 dashtype 3 title 's = 1: isometry'
} else {
plot -1 with lines linetype nodraw notitle, \
     keyentry with boxes linetype 1 dashtype 1 fillstyle transparent solid 0.3 border title 'scaled', \
     keyentry with lines linetype nodraw title '  s from 1.7×10^{-17} to 4.96', \
     keyentry with lines linetype nodraw title '  m_{1} = 0.712 (theory 0.72)', \
     keyentry with lines linetype nodraw title '  m_{2} = 5.63 (theory 5.71)', \
     keyentry with boxes linetype 2 dashtype 1 fillstyle transparent solid 0.3 border title 'orthogonal', \
     keyentry with lines linetype nodraw title '  s from 0.552 to 0.938', \
     keyentry with lines linetype nodraw title '  m_{1} = 0.72 (theory 0.72)', \
     keyentry with lines linetype nodraw title '  m_{2} = 0.529 (theory 0.528)', \
     keyentry with lines linecolor rgb '#808080' linewidth 2 dashtype 3 title 's = 1: isometry', \
     keyentry with lines linetype nodraw title 'm_{k}: mean of s^{2k}', \
     keyentry with lines linetype nodraw title 'W = 200, n_{in} = 200, R = 10'
}
unset multiplot
