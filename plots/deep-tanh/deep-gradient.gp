# deep-gradient.gp: gradient norm against layer (log axis)
#
# Points: the RMS norm of the back-propagated gradient delta^l (delta^L = phi'(z^L)*g,
# g a random unit vector), with bars across networks.  Lines: the mean-field
# prediction, a factor sqrt(chi) per layer (Schoenholz et al. 2017): vanishing
# gradients fall towards layer 1, exploding ones rise.
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
# not shrink as fast as the figure.
if (!exists('fontpt')) fontpt = 16 * sqrt((width / 1280. < height / 800. ? width / 1280. : height / 800.) * 96. / dpi)
# The layout unit: 1 at 16 pt text in a 96 dpi PNG.  Text and lines scale with
# it; per terminal a font or line unit is a different length (pngcairo sets
# text at 96 dpi and lines in pixels, svg both in its px of 1/96 in, pdfcairo
# text at 2/3 of its size in points and lines in 1/72 in, as measured on
# their rasterised output), so each gets its own factor.
scale = fontpt * dpi / 96. / 16
fontscale = (format eq 'svg') ? 128. / dpi : (format eq 'pdf') ? 144. / dpi : 1
linescale = (format eq 'svg') ? 96. / dpi : (format eq 'pdf') ? 72. / dpi : 1
fontspec = sprintf('DejaVu Sans,%.3g', 16 * scale * fontscale)
smallfont = sprintf('DejaVu Sans,%.3g', 12 * scale * fontscale)   # panel titles, small tick labels
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
smallfont = sprintf('DejaVu Sans,%.3g', 12 * scale)   # panel titles

# ---- style -----------------------------------------------------------------
# One colour per scheme from the Okabe & Ito (2008) colour-blind-safe
# palette, and a dash type per scheme as a second cue in greyscale print.
# Lines 3 to 4 pixels wide (at 1280 x 800) and large points survive a projector.
set linetype 1 linecolor rgb '#0072B2' linewidth 3 dashtype 1 pointtype 7 pointsize 1.3   # blue
set linetype 2 linecolor rgb '#D55E00' linewidth 3 dashtype 2 pointtype 5 pointsize 1.3   # vermillion
set style fill transparent solid 0.35 noborder
set border 3 linewidth 1.5                       # axes left and bottom only
set tics nomirror out
set grid linecolor rgb '#E5E5E5' linewidth 1 dashtype 1   # a faint grid

# ---- data: layer, sampled, interval low, high, mean field -----------------
$s1 << EOD
1 1296.96854 620.268806 5050.96707 1514.71788
2 522.932938 240.945928 1591.15092 694.898924
3 174.398213 80.078613 495.930611 251.503428
4 58.5672542 29.0937015 137.432036 90.5164967
5 18.0959145 8.96944286 40.5438145 32.5715096
6 7.45571086 3.80745885 16.2100469 11.7204908
7 2.84923808 1.56630186 5.45764495 4.21748591
8 1.19944329 0.599985216 2.64339738 1.51761455
9 0.517062459 0.273894489 1.04051094 0.54609641
10 0.182773936 0.110278537 0.312561778 0.196506609
EOD
$s2 << EOD
1 0.0106418632 0.0067312539 0.0170948373 0.0100392643
2 0.0167831244 0.0111638237 0.0255359914 0.0159762573
3 0.0262957442 0.0183482154 0.0380448182 0.0253119822
4 0.0424633809 0.0308198724 0.0589557721 0.0400810725
5 0.0696503765 0.0525660771 0.0928059192 0.0634633426
6 0.108940279 0.0894809003 0.13294275 0.100485379
7 0.166513736 0.138993454 0.199923121 0.159104458
8 0.258851418 0.215188001 0.311985896 0.25191949
9 0.425163377 0.361902557 0.500097708 0.398879006
10 0.664786661 0.615251083 0.718501353 0.631568687
EOD

# ---- layout and axes -----------------------------------------------------
set multiplot title 'gradient norm against layer (log axis)'
unset key
set lmargin at screen 0.11
set rmargin at screen 0.5746
set tmargin at screen 0.88
set bmargin at screen 0.12
set xlabel 'layer'
set ylabel '‖δ^{l}‖'
set xrange [0.5:10.5]
set xtics 1
set logscale y
set format y '%g'
set yrange [0.00336563:10101.9]
plot $s1 using 1:5 with lines linetype 1 notitle, \
     $s1 using 1:2:3:4 with yerrorbars linetype 1 dashtype 1 notitle, \
     $s2 using 1:5 with lines linetype 2 notitle, \
     $s2 using 1:2:3:4 with yerrorbars linetype 2 dashtype 1 notitle

# ---- legend: a panel of its own right of the plots -------------------------
set lmargin at screen 0.6046
set rmargin at screen 0.99        # the legend's panel: the column, to the edges
set tmargin at screen 0.9   # the first row level with the top of the plot
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
# samples 2.5 characters long, rows 1.15 lines apart (5 rows)
set key inside left top Left reverse samplen 2.5 spacing 1.15
# an empty plot (a line out of range) whose key is the legend
plot -1 with lines linetype nodraw notitle, \
     keyentry with points linetype 1 title 'standard sampled', \
     keyentry with lines linetype 1 title '  mean field (χ₁ 7.72, chaotic)', \
     keyentry with points linetype 2 title 'scaled sampled', \
     keyentry with lines linetype 2 title '  mean field (χ₁ 0.399, ordered)', \
     keyentry with lines linetype nodraw title 'tanh, W = 200, R = 10'
unset multiplot
