# deep-gradient.gp: gradient norm against layer (log axis)
#
# Points: the RMS norm of the back-propagated gradient delta^l (delta^L = phi'(z^L)*g,
# g a random unit vector), with bars across networks.  Lines: the mean-field
# prediction, a factor sqrt(chi) per layer (Schoenholz et al. 2017): vanishing
# gradients fall towards layer 1, exploding ones rise.
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
1 0.251823025 0.100260574 0.824875142 0.22218629
2 0.294207513 0.150803295 0.620406812 0.288443894
3 0.238067336 0.12663282 0.47823638 0.249335423
4 0.189530336 0.109970466 0.340181797 0.213088213
5 0.164027032 0.0907099774 0.312313897 0.182023727
6 0.140883874 0.0893464261 0.226606006 0.155484758
7 0.125535003 0.0827019764 0.1927718 0.132815044
8 0.11393419 0.0868038281 0.150153152 0.113450576
9 0.0965948907 0.0794419925 0.117777647 0.0969094518
10 0.0860854823 0.0707858211 0.104926601 0.0827800281
EOD
$s2 << EOD
1 1.24461386e-07 9.76379922e-08 1.59027078e-07 1.27492684e-07
2 6.29612046e-07 5.10033378e-07 7.79094624e-07 6.34620827e-07
3 3.06941127e-06 2.44875282e-06 3.85919263e-06 3.09973562e-06
4 1.52467299e-05 1.23428744e-05 1.88763756e-05 1.51326294e-05
5 7.6479848e-05 6.235063e-05 9.39886696e-05 7.38751191e-05
6 0.000377499988 0.000312117695 0.000457204488 0.000360646592
7 0.00181288063 0.00158251507 0.00207813171 0.00176061933
8 0.00867737055 0.00769636777 0.00978882594 0.00859506369
9 0.0428607973 0.037964738 0.0484188734 0.0419597346
10 0.20718181 0.199122435 0.21558252 0.204840754
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
set yrange [4.8819e-08:1.64975]
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
     keyentry with lines linetype 1 title '  mean field (χ₁ 1.37, chaotic)', \
     keyentry with points linetype 2 title 'scaled sampled', \
     keyentry with lines linetype 2 title '  mean field (χ₁ 0.042, ordered)', \
     keyentry with lines linetype nodraw title 'sigmoid, W = 200, R = 10'
unset multiplot
