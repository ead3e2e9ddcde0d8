# deep-correlation.gp: Correlation of two inputs against layer
#
# Two inputs per network at correlation c0 through the same weights: per
# layer the correlation of their pre-activations across the W units, the
# mean over networks with its 1 - alpha interval (Student t) as points and
# bars; the mean-field c-map iterates c^l (Poole et al. 2016, eq. 5) as
# lines, from the inputs' c0 at l = 0; the fixed point c* of the map at q*
# dashed, approached at the rate 1/xi_c (Schoenholz et al. 2017).
#
# Made by:  satstat deep --layers 10 --width 200 --networks 10 --scheme normal:0.1118034,orthogonal:1.5811388 --activation tanh --bias normal:0.2236068 --inputs half --active 100 --n-in 200 --threshold 4 --alpha 0.001 --seed 1 --pair-correlation 0.99 --plots plots/deep-depth --plot-size 1280x800 --figures deep-correlation,deep-cmap,deep-phase-xi
#           satstat 0.1.0
# Run:      gnuplot deep-correlation.gp
#           from any directory (the data are inline): writes deep-correlation.png
#           into the current directory; see "output" for other formats.

set encoding utf8

# ---- output ----------------------------------------------------------------
# Choose another format, file or size on the command line, e.g.
#   gnuplot -e "format='svg'; output='figure.svg'" deep-correlation.gp
# format: 'png' (pngcairo), 'svg' or 'pdf' (pdfcairo); output '' writes
# to standard output (satstat --render does that); width and height in
# pixels of the PNG at dpi dots per inch: SVG and PDF get the physical size,
# width/dpi x height/dpi inches, with the same layout.
if (!exists('format')) format = 'png'
if (!exists('output')) output = 'deep-correlation.' . format
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
set linetype 1 linecolor rgb '#882255' linewidth 3 dashtype 4 pointtype 5 pointsize 1.3 * pointscale   # wine: normal:0.1118034
set linetype 2 linecolor rgb '#56B4E9' linewidth 3 dashtype 1 pointtype 15 pointsize 1.3 * pointscale   # sky blue: orthogonal:1.5811388
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

# ---- data: layer, sampled, interval low, high, mean field ------------------
$s1 << EOD
0 NaN NaN NaN 0.99
1 0.990132328 0.987830287 0.99243437 0.990384615
2 0.988474389 0.984606952 0.992341826 0.988722713
3 0.986394502 0.980066364 0.992722641 0.987074647
4 0.984638363 0.97601288 0.993263845 0.985322827
5 0.98217056 0.970203624 0.994137496 0.983403163
6 0.979666561 0.965376636 0.993956487 0.981272834
7 0.977978253 0.964408277 0.991548229 0.978897663
8 0.972437892 0.951158641 0.993717143 0.976246568
9 0.972837854 0.956853547 0.988822161 0.973289057
10 0.968372846 0.950316194 0.986429498 0.969994135
EOD
$s2 << EOD
0 NaN NaN NaN 0.99
1 0.990345532 0.9900053 0.990685764 0.990384615
2 0.988790364 0.986715446 0.990865282 0.988722713
3 0.9866182 0.982590579 0.990645821 0.987074647
4 0.984218383 0.978783112 0.989653653 0.985322828
5 0.982846337 0.976178564 0.98951411 0.983403164
6 0.979247756 0.969465784 0.989029728 0.981272836
7 0.975673383 0.964323036 0.98702373 0.978897665
8 0.972566197 0.955915098 0.989217297 0.976246571
9 0.969419142 0.949302927 0.989535356 0.973289061
10 0.96611602 0.946357023 0.985875017 0.96999414
EOD

# ---- layout ----------------------------------------------------------------
key_chars = 42                                  # the longest legend row, in characters
char_width = 0.0097 * scale * 1280. / width     # one character of the font (digits are widest)
sample_width = 0.07 * scale * 1280. / width     # a legend sample and the gap after it
line_height = 16 * scale * 4 / 3. * 1.25 / height   # a line of text (the PNG's 96 dpi)
line_width = line_height * height / width        # ... the same length across
column = 0.985 - sample_width - key_chars * char_width
key_rows = 5                                    # legend rows with a sample
below_chars = 48                                # ... the longest of them
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
set multiplot title 'Correlation c^{l} of two inputs against layer l (c^{0} = 0.99)'
unset key
set xlabel 'layer l'
set ylabel 'correlation c^{l}'
set xrange [-0.5:10.5]
set yrange [0.937:1.01]
set xtics tick_step((10) - (0), (plot_right - plot_left) / (5 * char_width))
set mxtics 1
set ytics tick_step((1) - (0.937416527), ((top - bottom) / (1.8 * line_height) < 3) ? 3 : (top - bottom) / (1.8 * line_height))
plot $s1 using 1:5 with lines linetype 1 notitle, \
     $s1 using ($1 + -0.12):2:3:4 with yerrorbars linetype 1 dashtype 1 notitle, \
     $s2 using 1:5 with lines linetype 2 notitle, \
     $s2 using ($1 + 0.12):2:3:4 with yerrorbars linetype 2 dashtype 1 notitle, \
     $s1 every ::0::0 using 1:5 with points linecolor rgb '#000000' pointtype 5 notitle
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
# samples 2.5 characters long, rows 1.15 lines apart (9 rows)
set key inside left top Left reverse samplen 2.5 spacing 1.15
# an empty plot (a line out of range) whose key is the legend
if (exists('legend_below') && legend_below) {
    # below the plot, across the figure: the rows with a sample, in columns
    set lmargin at screen 0.01
    set tmargin at screen 0.01 + legend_height
    set bmargin at screen 0.005
    set key inside left top Left reverse samplen 2.5 spacing 1.15 horizontal maxcols legend_cols
plot -1 with lines linetype nodraw notitle, \
     keyentry with yerrorbars linetype 1 dashtype 1 title 'normal:0.1118034: c* = 0.447, ξ_{c} = 11.8', \
     keyentry with yerrorbars linetype 2 dashtype 1 title 'orthogonal:1.5811388: same mean field, c*, ξ_{c}', \
     keyentry with yerrorbars linecolor rgb '#000000' pointtype 7 dashtype 1 title 'sampled', \
     keyentry with lines linecolor rgb '#000000' dashtype 1 title 'mean field c^{l}', \
     keyentry with points linecolor rgb '#000000' pointtype 5 title 'inputs: c^{0} = 0.99'
} else {
plot -1 with lines linetype nodraw notitle, \
     keyentry with yerrorbars linetype 1 dashtype 1 title 'normal:0.1118034: c* = 0.447, ξ_{c} = 11.8', \
     keyentry with lines linetype nodraw title '  sampled ξ_{c} 220 [119, 1.43e+03]', \
     keyentry with yerrorbars linetype 2 dashtype 1 title 'orthogonal:1.5811388: same mean field, c*, ξ_{c}', \
     keyentry with lines linetype nodraw title '  sampled ξ_{c} 192 [102, 1.64e+03]', \
     keyentry with yerrorbars linecolor rgb '#000000' pointtype 7 dashtype 1 title 'sampled', \
     keyentry with lines linecolor rgb '#000000' dashtype 1 title 'mean field c^{l}', \
     keyentry with points linecolor rgb '#000000' pointtype 5 title 'inputs: c^{0} = 0.99', \
     keyentry with lines linetype nodraw title 'bars: 99.9 % CI', \
     keyentry with lines linetype nodraw title 'tanh, W = 200, R = 10'
}
unset multiplot
