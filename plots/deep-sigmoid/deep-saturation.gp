# deep-saturation.gp: saturated fraction against layer
#
# Points: the sampled fraction of units in the saturated region, with bars across
# networks.  Lines: P(z in region) for z ~ N(mu_b, q^l).
#
# Made by:  satstat deep --layers 10 --width 200 --networks 10 --scheme standard,scaled --activation sigmoid --bias normal:1 --inputs half --active 500 --n-in 1000 --threshold 4 --alpha 0.001 --seed 1 --plots plots/deep-sigmoid --plot-size 1280x800
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
# width/dpi x height/dpi inches, with the same layout.
if (!exists('format')) format = 'png'
if (!exists('output')) output = 'deep-saturation.' . format
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
1 0.867 0.825999182 0.901705198 0.858167913
2 0.656 0.592813361 0.715569302 0.685326079
3 0.677 0.622841064 0.72804789 0.678382683
4 0.6605 0.596066588 0.721051199 0.678089338
5 0.6795 0.620644455 0.734637215 0.678076916
6 0.6725 0.603292934 0.736857002 0.67807639
7 0.685 0.633548189 0.733478733 0.678076368
8 0.6715 0.619610405 0.720633883 0.678076367
9 0.674 0.622187917 0.723016126 0.678076367
10 0.69 0.622811226 0.752040935 0.678076367
EOD
$s2 << EOD
1 0.0005 9.11698778e-11 0.00923056871 0.00109083518
2 0 0 0.00796717803 0.000467870409
3 0.0005 9.11698778e-11 0.00923056871 0.000456313657
4 0 0 0.00796717803 0.000456005429
5 0.0005 9.11698778e-11 0.00923056871 0.000455997126
6 0.0005 9.11698778e-11 0.00923056871 0.000455996902
7 0 0 0.00796717803 0.000455996896
8 0.0005 9.11698778e-11 0.00923056871 0.000455996896
9 0.0005 9.11698778e-11 0.00923056871 0.000455996896
10 0 0 0.00796717803 0.000455996896
EOD

# ---- layout and axes -----------------------------------------------------
set multiplot title 'saturated fraction against layer'
unset key
set lmargin at screen 0.11
set rmargin at screen 0.5746
set tmargin at screen 0.88
set bmargin at screen 0.12
set xlabel 'layer'
set ylabel 'saturated fraction'
set xrange [0.5:10.5]
set xtics 1
set logscale y
set format y '%g'
set yrange [4.55849e-11:1.80341]
yfloor = 4.55849e-11   # the foot of the log axis: sampled zeros go here
plot $s1 using 1:5 with lines linetype 1 notitle, \
     $s1 using 1:2:3:4 with yerrorbars linetype 1 dashtype 1 notitle, \
     $s1 using 1:($2 > 0 ? NaN : yfloor):(yfloor):4 with yerrorbars linetype 1 dashtype 1 pointtype 6 notitle, \
     $s2 using 1:5 with lines linetype 2 notitle, \
     $s2 using 1:2:3:4 with yerrorbars linetype 2 dashtype 1 notitle, \
     $s2 using 1:($2 > 0 ? NaN : yfloor):(yfloor):4 with yerrorbars linetype 2 dashtype 1 pointtype 4 notitle

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
# samples 2.5 characters long, rows 1.15 lines apart (6 rows)
set key inside left top Left reverse samplen 2.5 spacing 1.15
# an empty plot (a line out of range) whose key is the legend
plot -1 with lines linetype nodraw notitle, \
     keyentry with points linetype 1 title 'standard sampled', \
     keyentry with lines linetype 1 title '  mean field (χ₁ 1.37, chaotic)', \
     keyentry with points linetype 2 title 'scaled sampled', \
     keyentry with lines linetype 2 title '  mean field (χ₁ 0.042, ordered)', \
     keyentry with points linecolor rgb '#000000' pointtype 6 pointsize 1.3 title 'open, at the floor: sampled 0', \
     keyentry with lines linetype nodraw title 'sigmoid, W = 200, R = 10'
unset multiplot
