# deep-activations-tanh.gp: Densities of tanh(z) by layer (100 units, N(0, 1) inputs)
#
# The classic demonstration (e.g. Glorot & Bengio 2010, figs. 3-4; CS231n): the
# histogram of phi(z) over the units of each layer, one row per weight scale.
# Too small weights collapse the activations towards phi(0); too large ones
# saturate them; sqrt(1/n) (and sqrt(2/n) for ReLU) keep them spread.  The
# standard deviation of phi(z) is printed in each panel; relu's units with
# z <= 0 (phi = 0 exactly) are a point mass, drawn as an arrow with its
# probability, not as a bar whose height would depend on the bin width.
#
# Made by:  satstat deep --layers 5 --width 100 --networks 100 --scheme normal:1,normal:0.01,scaled,he-normal --activation tanh --bias zero --inputs normal --n-in 100 --threshold 4 --alpha 0.001 --seed 1 --plots plots/activations --plot-size 1280x800
#           satstat 0.1.0
# Run:      gnuplot deep-activations-tanh.gp
#           from any directory (the data are inline): writes deep-activations-tanh.png
#           into the current directory; see "output" for other formats.

set encoding utf8

# ---- output ----------------------------------------------------------------
# Choose another format, file or size on the command line, e.g.
#   gnuplot -e "format='svg'; output='figure.svg'" deep-activations-tanh.gp
# format: 'png' (pngcairo), 'svg' or 'pdf' (pdfcairo); output '' writes
# to standard output (satstat --render does that); width and height in
# pixels of the PNG at dpi dots per inch: SVG and PDF get the physical size,
# width/dpi x height/dpi inches, with the same layout.
if (!exists('format')) format = 'png'
if (!exists('output')) output = 'deep-activations-tanh.' . format
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
set linetype 1 linecolor rgb '#332288' linewidth 3 dashtype 2 pointtype 15 pointsize 1.3 * pointscale   # indigo: normal:1
set linetype 2 linecolor rgb '#44AA99' linewidth 3 dashtype 5 pointtype 11 pointsize 1.3 * pointscale   # teal: normal:0.01
set linetype 3 linecolor rgb '#D55E00' linewidth 3 dashtype 2 pointtype 5 pointsize 1.3 * pointscale   # vermillion: scaled
set linetype 4 linecolor rgb '#009E73' linewidth 3 dashtype 3 pointtype 9 pointsize 1.3 * pointscale   # bluish green: he-normal
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

# ---- data: per scheme and layer, bin centre, density, bin width ----------
# (each bin the union of whole bins of the sampled 60-bin histogram; a point
# mass of phi at phi(0) in $zeroS_K as phi(0), its probability, and taken
# out of its bin)
$h1_1 << EOD
-0.966666667 6.5985 0.0666666667
-0.9 0.2235 0.0666666667
-0.833333333 0.1035 0.0666666667
-0.766666667 0.096 0.0666666667
-0.7 0.087 0.0666666667
-0.633333333 0.063 0.0666666667
-0.566666667 0.066 0.0666666667
-0.5 0.051 0.0666666667
-0.433333333 0.051 0.0666666667
-0.366666667 0.045 0.0666666667
-0.3 0.0495 0.0666666667
-0.233333333 0.045 0.0666666667
-0.166666667 0.0405 0.0666666667
-0.1 0.045 0.0666666667
-0.0333333333 0.048 0.0666666667
0.0333333333 0.036 0.0666666667
0.1 0.0345 0.0666666667
0.166666667 0.0525 0.0666666667
0.233333333 0.042 0.0666666667
0.3 0.0435 0.0666666667
0.366666667 0.0435 0.0666666667
0.433333333 0.057 0.0666666667
0.5 0.054 0.0666666667
0.566666667 0.048 0.0666666667
0.633333333 0.0555 0.0666666667
0.7 0.078 0.0666666667
0.766666667 0.099 0.0666666667
0.833333333 0.1485 0.0666666667
0.9 0.216 0.0666666667
0.966666667 6.3795 0.0666666667
EOD
$h1_2 << EOD
-0.966666667 6.3975 0.0666666667
-0.9 0.201 0.0666666667
-0.833333333 0.1275 0.0666666667
-0.766666667 0.1215 0.0666666667
-0.7 0.0735 0.0666666667
-0.633333333 0.054 0.0666666667
-0.566666667 0.0405 0.0666666667
-0.5 0.0615 0.0666666667
-0.433333333 0.06 0.0666666667
-0.366666667 0.042 0.0666666667
-0.3 0.048 0.0666666667
-0.233333333 0.054 0.0666666667
-0.166666667 0.051 0.0666666667
-0.1 0.0375 0.0666666667
-0.0333333333 0.033 0.0666666667
0.0333333333 0.0405 0.0666666667
0.1 0.045 0.0666666667
0.166666667 0.051 0.0666666667
0.233333333 0.042 0.0666666667
0.3 0.036 0.0666666667
0.366666667 0.0405 0.0666666667
0.433333333 0.0435 0.0666666667
0.5 0.0525 0.0666666667
0.566666667 0.075 0.0666666667
0.633333333 0.0615 0.0666666667
0.7 0.072 0.0666666667
0.766666667 0.0885 0.0666666667
0.833333333 0.1605 0.0666666667
0.9 0.2565 0.0666666667
0.966666667 6.5325 0.0666666667
EOD
$h1_3 << EOD
-0.966666667 6.381 0.0666666667
-0.9 0.228 0.0666666667
-0.833333333 0.117 0.0666666667
-0.766666667 0.114 0.0666666667
-0.7 0.0855 0.0666666667
-0.633333333 0.081 0.0666666667
-0.566666667 0.0525 0.0666666667
-0.5 0.0585 0.0666666667
-0.433333333 0.0435 0.0666666667
-0.366666667 0.0585 0.0666666667
-0.3 0.0585 0.0666666667
-0.233333333 0.039 0.0666666667
-0.166666667 0.0555 0.0666666667
-0.1 0.039 0.0666666667
-0.0333333333 0.0465 0.0666666667
0.0333333333 0.0345 0.0666666667
0.1 0.0405 0.0666666667
0.166666667 0.0375 0.0666666667
0.233333333 0.0375 0.0666666667
0.3 0.048 0.0666666667
0.366666667 0.0525 0.0666666667
0.433333333 0.057 0.0666666667
0.5 0.06 0.0666666667
0.566666667 0.054 0.0666666667
0.633333333 0.081 0.0666666667
0.7 0.0825 0.0666666667
0.766666667 0.075 0.0666666667
0.833333333 0.1365 0.0666666667
0.9 0.2595 0.0666666667
0.966666667 6.486 0.0666666667
EOD
$h1_4 << EOD
-0.966666667 6.4575 0.0666666667
-0.9 0.216 0.0666666667
-0.833333333 0.138 0.0666666667
-0.766666667 0.0945 0.0666666667
-0.7 0.084 0.0666666667
-0.633333333 0.0765 0.0666666667
-0.566666667 0.0615 0.0666666667
-0.5 0.063 0.0666666667
-0.433333333 0.0615 0.0666666667
-0.366666667 0.0525 0.0666666667
-0.3 0.0465 0.0666666667
-0.233333333 0.039 0.0666666667
-0.166666667 0.048 0.0666666667
-0.1 0.0465 0.0666666667
-0.0333333333 0.045 0.0666666667
0.0333333333 0.0375 0.0666666667
0.1 0.0405 0.0666666667
0.166666667 0.048 0.0666666667
0.233333333 0.039 0.0666666667
0.3 0.0495 0.0666666667
0.366666667 0.048 0.0666666667
0.433333333 0.0585 0.0666666667
0.5 0.0615 0.0666666667
0.566666667 0.0525 0.0666666667
0.633333333 0.0645 0.0666666667
0.7 0.0795 0.0666666667
0.766666667 0.0885 0.0666666667
0.833333333 0.126 0.0666666667
0.9 0.216 0.0666666667
0.966666667 6.4605 0.0666666667
EOD
$h1_5 << EOD
-0.966666667 6.342 0.0666666667
-0.9 0.237 0.0666666667
-0.833333333 0.1335 0.0666666667
-0.766666667 0.108 0.0666666667
-0.7 0.0855 0.0666666667
-0.633333333 0.0795 0.0666666667
-0.566666667 0.0495 0.0666666667
-0.5 0.0525 0.0666666667
-0.433333333 0.0525 0.0666666667
-0.366666667 0.0495 0.0666666667
-0.3 0.045 0.0666666667
-0.233333333 0.0405 0.0666666667
-0.166666667 0.048 0.0666666667
-0.1 0.0345 0.0666666667
-0.0333333333 0.0405 0.0666666667
0.0333333333 0.039 0.0666666667
0.1 0.0525 0.0666666667
0.166666667 0.0465 0.0666666667
0.233333333 0.039 0.0666666667
0.3 0.0525 0.0666666667
0.366666667 0.045 0.0666666667
0.433333333 0.0585 0.0666666667
0.5 0.06 0.0666666667
0.566666667 0.0615 0.0666666667
0.633333333 0.075 0.0666666667
0.7 0.081 0.0666666667
0.766666667 0.102 0.0666666667
0.833333333 0.1125 0.0666666667
0.9 0.225 0.0666666667
0.966666667 6.552 0.0666666667
EOD
$h2_1 << EOD
-0.439011299 0 0.0462117157
-0.392799584 0.00216395341 0.0462117157
-0.346587868 0.00432790683 0.0462117157
-0.300376152 0.0497709285 0.0462117157
-0.254164436 0.138493018 0.0462117157
-0.207952721 0.45010231 0.0462117157
-0.161741005 1.04735345 0.0462117157
-0.115529289 2.02113249 0.0462117157
-0.0693175736 3.21563477 0.0462117157
-0.0231058579 3.94272312 0.0462117157
0.0231058579 3.88646033 0.0462117157
0.0693175736 3.1680278 0.0462117157
0.115529289 2.01896854 0.0462117157
0.161741005 1.06250113 0.0462117157
0.207952721 0.413315102 0.0462117157
0.254164436 0.153640692 0.0462117157
0.300376152 0.0562627888 0.0462117157
0.346587868 0.00865581365 0.0462117157
0.392799584 0 0.0462117157
0.439011299 0 0.0462117157
EOD
$h2_2 << EOD
-0.0247354332 10.1615362 0.0494708663
0.0247354332 10.0523811 0.0494708663
EOD
$h2_3 << EOD
0 20 0.05
EOD
$h2_4 << EOD
0 20 0.05
EOD
$h2_5 << EOD
0 19.998 0.05
EOD
$h3_1 << EOD
-0.966578897 0.711064562 0.0666606136
-0.899918284 0.6960632 0.0666606136
-0.83325767 0.670560884 0.0666606136
-0.766597057 0.573052031 0.0666606136
-0.699936443 0.531048217 0.0666606136
-0.633275829 0.528047945 0.0666606136
-0.566615216 0.47854345 0.0666606136
-0.499954602 0.447040589 0.0666606136
-0.433293989 0.442540181 0.0666606136
-0.366633375 0.384034869 0.0666606136
-0.299972761 0.387035141 0.0666606136
-0.233312148 0.439539908 0.0666606136
-0.166651534 0.42303841 0.0666606136
-0.0999909204 0.409537184 0.0666606136
-0.0333303068 0.415537729 0.0666606136
0.0333303068 0.432039227 0.0666606136
0.0999909204 0.381034596 0.0666606136
0.166651534 0.39153555 0.0666606136
0.233312148 0.405036776 0.0666606136
0.299972761 0.41103732 0.0666606136
0.366633375 0.397536095 0.0666606136
0.433293989 0.447040589 0.0666606136
0.499954602 0.471042769 0.0666606136
0.566615216 0.516046855 0.0666606136
0.633275829 0.496545084 0.0666606136
0.699936443 0.559550805 0.0666606136
0.766597057 0.567051486 0.0666606136
0.83325767 0.636057751 0.0666606136
0.899918284 0.669060748 0.0666606136
0.966578897 0.68406211 0.0666606136
EOD
$h3_2 << EOD
-0.963048959 0.0692591995 0.0664171696
-0.896631789 0.19573252 0.0664171696
-0.83021462 0.338767824 0.0664171696
-0.76379745 0.395981945 0.0664171696
-0.697380281 0.457712971 0.0664171696
-0.630963111 0.602253909 0.0664171696
-0.564545941 0.536005979 0.0664171696
-0.498128772 0.590208831 0.0664171696
-0.431711602 0.629355335 0.0664171696
-0.365294433 0.600748274 0.0664171696
-0.298877263 0.5932201 0.0664171696
-0.232460094 0.623332796 0.0664171696
-0.166042924 0.657962396 0.0664171696
-0.0996257544 0.653445491 0.0664171696
-0.0332085848 0.614298987 0.0664171696
0.0332085848 0.618815891 0.0664171696
0.0996257544 0.682052552 0.0664171696
0.166042924 0.588703196 0.0664171696
0.232460094 0.636883509 0.0664171696
0.298877263 0.620321526 0.0664171696
0.365294433 0.570635579 0.0664171696
0.431711602 0.570635579 0.0664171696
0.498128772 0.591714466 0.0664171696
0.564545941 0.584186292 0.0664171696
0.630963111 0.507398918 0.0664171696
0.697380281 0.486320031 0.0664171696
0.76379745 0.417060832 0.0664171696
0.83021462 0.337262189 0.0664171696
0.896631789 0.227350851 0.0664171696
0.963048959 0.0572141214 0.0664171696
EOD
$h3_3 << EOD
-0.951836199 0.0106635995 0.0656438758
-0.886192323 0.0548413688 0.0656438758
-0.820548447 0.12339308 0.0656438758
-0.754904571 0.248309531 0.0656438758
-0.689260696 0.345805298 0.0656438758
-0.62361682 0.397599924 0.0656438758
-0.557972944 0.493572319 0.0656438758
-0.492329068 0.554507173 0.0656438758
-0.426685192 0.650479569 0.0656438758
-0.361041317 0.676376882 0.0656438758
-0.295397441 0.661143168 0.0656438758
-0.229753565 0.807386818 0.0656438758
-0.164109689 0.743405221 0.0656438758
-0.0984658137 0.792153105 0.0656438758
-0.0328219379 0.871368415 0.0656438758
0.0328219379 0.839377617 0.0656438758
0.0984658137 0.822620532 0.0656438758
0.164109689 0.792153105 0.0656438758
0.229753565 0.737311736 0.0656438758
0.295397441 0.744928593 0.0656438758
0.361041317 0.747975335 0.0656438758
0.426685192 0.729694879 0.0656438758
0.492329068 0.615442028 0.0656438758
0.557972944 0.49509569 0.0656438758
0.62361682 0.412833637 0.0656438758
0.689260696 0.350375412 0.0656438758
0.754904571 0.268113359 0.0656438758
0.820548447 0.175187706 0.0656438758
0.886192323 0.0594114829 0.0656438758
0.951836199 0.0121869708 0.0656438758
EOD
$h3_4 << EOD
-0.934596785 0.00465441361 0.0644549507
-0.870141834 0.0186176545 0.0644549507
-0.805686884 0.060507377 0.0644549507
-0.741231933 0.14118388 0.0644549507
-0.676776982 0.203242728 0.0644549507
-0.612322032 0.322706011 0.0644549507
-0.547867081 0.453029592 0.0644549507
-0.48341213 0.620588482 0.0644549507
-0.41895718 0.698162042 0.0644549507
-0.354502229 0.715228225 0.0644549507
-0.290047278 0.856412105 0.0644549507
-0.225592327 0.848654749 0.0644549507
-0.161137377 0.893647414 0.0644549507
-0.096682426 0.954154791 0.0644549507
-0.0322274753 0.97897833 0.0644549507
0.0322274753 0.961912147 0.0644549507
0.096682426 0.988287157 0.0644549507
0.161137377 0.898301828 0.0644549507
0.225592327 0.94019155 0.0644549507
0.290047278 0.792801786 0.0644549507
0.354502229 0.747809121 0.0644549507
0.41895718 0.677992916 0.0644549507
0.48341213 0.516639911 0.0644549507
0.547867081 0.47630166 0.0644549507
0.612322032 0.294779529 0.0644549507
0.676776982 0.221860382 0.0644549507
0.741231933 0.134977995 0.0644549507
0.805686884 0.0651617906 0.0644549507
0.870141834 0.0248235393 0.0644549507
0.934596785 0.00310294241 0.0644549507
EOD
$h3_5 << EOD
-0.914050097 0.00317269262 0.0630379377
-0.851012159 0.00793173156 0.0630379377
-0.787974221 0.0301405799 0.0630379377
-0.724936284 0.112630588 0.0630379377
-0.661898346 0.158634631 0.0630379377
-0.598860408 0.249056371 0.0630379377
-0.53582247 0.341064457 0.0630379377
-0.472784533 0.526666976 0.0630379377
-0.409746595 0.574257365 0.0630379377
-0.346708657 0.766205269 0.0630379377
-0.28367072 0.916908168 0.0630379377
-0.220632782 0.99781183 0.0630379377
-0.157594844 1.01843433 0.0630379377
-0.0945569066 1.16279185 0.0630379377
-0.0315189689 1.1199605 0.0630379377
0.0315189689 1.06602472 0.0630379377
0.0945569066 1.15486012 0.0630379377
0.157594844 1.1199605 0.0630379377
0.220632782 0.897872013 0.0630379377
0.28367072 0.853454316 0.0630379377
0.346708657 0.788414117 0.0630379377
0.409746595 0.593293521 0.0630379377
0.472784533 0.504458127 0.0630379377
0.53582247 0.355341574 0.0630379377
0.598860408 0.255401756 0.0630379377
0.661898346 0.145943861 0.0630379377
0.724936284 0.0777309693 0.0630379377
0.787974221 0.050763082 0.0630379377
0.851012159 0.00951807787 0.0630379377
0.914050097 0.00475903894 0.0630379377
EOD
$h4_1 << EOD
-0.966665272 1.82400263 0.0666665705
-0.899998702 0.811501171 0.0666665705
-0.833332131 0.681000982 0.0666665705
-0.766665561 0.49200071 0.0666665705
-0.69999899 0.426000615 0.0666665705
-0.63333242 0.384000554 0.0666665705
-0.566665849 0.375000541 0.0666665705
-0.499999279 0.352500509 0.0666665705
-0.433332708 0.337500487 0.0666665705
-0.366666138 0.300000433 0.0666665705
-0.299999567 0.318000459 0.0666665705
-0.233332997 0.29100042 0.0666665705
-0.166666426 0.280500405 0.0666665705
-0.0999998557 0.310500448 0.0666665705
-0.0333332852 0.280500405 0.0666665705
0.0333332852 0.288000416 0.0666665705
0.0999998557 0.300000433 0.0666665705
0.166666426 0.2775004 0.0666665705
0.233332997 0.289500418 0.0666665705
0.299999567 0.297000428 0.0666665705
0.366666138 0.315000454 0.0666665705
0.433332708 0.357000515 0.0666665705
0.499999279 0.315000454 0.0666665705
0.566665849 0.357000515 0.0666665705
0.63333242 0.406500586 0.0666665705
0.69999899 0.468000675 0.0666665705
0.766665561 0.493500712 0.0666665705
0.833332131 0.634500915 0.0666665705
0.899998702 0.847501223 0.0666665705
0.966665272 1.89000273 0.0666665705
EOD
$h4_2 << EOD
-0.966594649 0.795059233 0.0666616999
-0.899932949 0.732054539 0.0666616999
-0.833271249 0.616545934 0.0666616999
-0.766609549 0.57904314 0.0666616999
-0.699947849 0.508537887 0.0666616999
-0.633286149 0.454533863 0.0666616999
-0.566624449 0.475535428 0.0666616999
-0.499962749 0.453033752 0.0666616999
-0.433301049 0.417031069 0.0666616999
-0.366639349 0.439532746 0.0666616999
-0.29997765 0.376528052 0.0666616999
-0.23331595 0.403530064 0.0666616999
-0.16665425 0.405030175 0.0666616999
-0.0999925498 0.355526487 0.0666616999
-0.0333308499 0.358526711 0.0666616999
0.0333308499 0.402029952 0.0666616999
0.0999925498 0.405030175 0.0666616999
0.16665425 0.415530958 0.0666616999
0.23331595 0.402029952 0.0666616999
0.29997765 0.418531181 0.0666616999
0.366639349 0.421531405 0.0666616999
0.433301049 0.435032411 0.0666616999
0.499962749 0.457534087 0.0666616999
0.566624449 0.454533863 0.0666616999
0.633286149 0.498037105 0.0666616999
0.699947849 0.526539228 0.0666616999
0.766609549 0.610545487 0.0666616999
0.833271249 0.663049398 0.0666616999
0.899932949 0.748555769 0.0666616999
0.966594649 0.772557557 0.0666616999
EOD
$h4_3 << EOD
-0.966418413 0.396101725 0.0666495457
-0.899768867 0.579148734 0.0666495457
-0.833119321 0.616658367 0.0666495457
-0.766469776 0.595652972 0.0666495457
-0.69982023 0.546140257 0.0666495457
-0.633170684 0.541639101 0.0666495457
-0.566521139 0.522134092 0.0666495457
-0.499871593 0.456117137 0.0666495457
-0.433222047 0.495127156 0.0666495457
-0.366572501 0.490626 0.0666495457
-0.299922956 0.439612899 0.0666495457
-0.23327341 0.466619835 0.0666495457
-0.166623864 0.463619064 0.0666495457
-0.0999743186 0.44261367 0.0666495457
-0.0333247729 0.44261367 0.0666495457
0.0333247729 0.421608275 0.0666495457
0.0999743186 0.448615211 0.0666495457
0.166623864 0.44561444 0.0666495457
0.23327341 0.450115596 0.0666495457
0.299922956 0.484624458 0.0666495457
0.366572501 0.463619064 0.0666495457
0.433222047 0.466619835 0.0666495457
0.499871593 0.483124073 0.0666495457
0.566521139 0.486124844 0.0666495457
0.633170684 0.552141798 0.0666495457
0.69982023 0.556642954 0.0666495457
0.766469776 0.532636789 0.0666495457
0.833119321 0.634662991 0.0666495457
0.899768867 0.65716877 0.0666495457
0.966418413 0.426109431 0.0666495457
EOD
$h4_4 << EOD
-0.966241828 0.34515169 0.0666373675
-0.899604461 0.513225556 0.0666373675
-0.832967093 0.615270404 0.0666373675
-0.766329726 0.567249299 0.0666373675
-0.699692359 0.538736768 0.0666373675
-0.633054991 0.505722259 0.0666373675
-0.566417624 0.53423479 0.0666373675
-0.499780256 0.519228194 0.0666373675
-0.433142889 0.498218961 0.0666373675
-0.366505521 0.511724897 0.0666373675
-0.299868154 0.46970643 0.0666373675
-0.233230786 0.487714345 0.0666373675
-0.166593419 0.495217642 0.0666373675
-0.0999560512 0.459201814 0.0666373675
-0.0333186837 0.450197856 0.0666373675
0.0333186837 0.474208409 0.0666373675
0.0999560512 0.47120709 0.0666373675
0.166593419 0.460702473 0.0666373675
0.233230786 0.519228194 0.0666373675
0.299868154 0.525230833 0.0666373675
0.366505521 0.486213685 0.0666373675
0.433142889 0.495217642 0.0666373675
0.499780256 0.520728854 0.0666373675
0.566417624 0.525230833 0.0666373675
0.633054991 0.523730173 0.0666373675
0.699692359 0.574752597 0.0666373675
0.766329726 0.568749959 0.0666373675
0.832967093 0.573251937 0.0666373675
0.899604461 0.468205771 0.0666373675
0.966241828 0.309135861 0.0666373675
EOD
$h4_5 << EOD
-0.966113709 0.301672564 0.0666285317
-0.899485177 0.5102919 0.0666285317
-0.832856646 0.493782456 0.0666285317
-0.766228114 0.571827099 0.0666285317
-0.699599582 0.543310787 0.0666285317
-0.632971051 0.553816797 0.0666285317
-0.566342519 0.535806495 0.0666285317
-0.499713987 0.507290183 0.0666285317
-0.433085456 0.571827099 0.0666285317
-0.366456924 0.502787607 0.0666285317
-0.299828392 0.519297051 0.0666285317
-0.233199861 0.484777305 0.0666285317
-0.166571329 0.526801344 0.0666285317
-0.0999427975 0.460763568 0.0666285317
-0.0333142658 0.475772154 0.0666285317
0.0333142658 0.468267861 0.0666285317
0.0999427975 0.486278163 0.0666285317
0.166571329 0.543310787 0.0666285317
0.233199861 0.496784173 0.0666285317
0.299828392 0.477273012 0.0666285317
0.366456924 0.553816797 0.0666285317
0.433085456 0.480274729 0.0666285317
0.499713987 0.529803061 0.0666285317
0.566342519 0.522298768 0.0666285317
0.632971051 0.531303919 0.0666285317
0.699599582 0.520797909 0.0666285317
0.766228114 0.54030907 0.0666285317
0.832856646 0.535806495 0.0666285317
0.899485177 0.466767002 0.0666285317
0.966113709 0.29566913 0.0666285317
EOD

# ---- layout: 4 rows (schemes) x 5 columns (layers), legend below -----
key_chars = 0                                   # the longest legend row, in characters
char_width = 0.0097 * scale * 1280. / width     # one character of the font (digits are widest)
sample_width = 0.07 * scale * 1280. / width     # a legend sample and the gap after it
line_height = 16 * scale * 4 / 3. * 1.25 / height   # a line of text (the PNG's 96 dpi)
line_width = line_height * height / width        # ... the same length across
column = 0.985 - sample_width - key_chars * char_width
column = (column < 0.55) ? 0.55 : column        # the plot keeps at least half the width
legend_below = 0
legend_height = 0
plot_left = 0.01 + 6 * char_width + 2.2 * line_width   # room for the y tick labels and label
top = 0.98 - 2.4 * line_height                  # room for the title above
bottom = 0.02 + 3.1 * line_height + legend_height   # room for the x tick labels and label
plot_right = column - 0.03   # a gap before the legend
plot_right = 0.985 - 2 * char_width             # no legend column: the panels take the width
legend_top = 0.02 + 2.3 * line_height           # the legend: rows below the panels
bottom = legend_top + 3.1 * line_height
top = top - 0.6 * line_height                   # the columns' titles
grid_cols = 5
grid_rows = 4                                 # small multiples
gap_x = 10 * char_width                      # room for a panel's y tick labels
gap_y = 2.5 * line_height                     # ... and for its title and x tick labels
panel_w = (plot_right - plot_left - (grid_cols - 1) * gap_x) / grid_cols
panel_h = (top - bottom - (grid_rows - 1) * gap_y) / grid_rows
panel_l(c) = plot_left + c * (panel_w + gap_x)
panel_r(c) = panel_l(c) + panel_w
panel_t(r) = top - r * (panel_h + gap_y)
panel_b(r) = panel_t(r) - panel_h
set multiplot title 'Densities of tanh(z) by layer (100 units, N(0, 1) inputs)'
unset key

# normal:1, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 1' offset 0,-0.5
set ylabel 'normal:1'
unset xlabel
set xrange [-1:1]
set yrange [0:8.57805]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '5' 5)
set label 1 'sd 0.96' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h1_1 using 1:2:3 with boxes linetype 1 fillstyle solid 0.6 noborder notitle

# normal:1, layer 2
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 2' offset 0,-0.5
unset ylabel
unset xlabel
set xrange [-1:1]
set yrange [0:8.49225]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '5' 5)
set label 1 'sd 0.96' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h1_2 using 1:2:3 with boxes linetype 1 fillstyle solid 0.6 noborder notitle

# normal:1, layer 3
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 3' offset 0,-0.5
unset ylabel
unset xlabel
set xrange [-1:1]
set yrange [0:8.4318]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '5' 5)
set label 1 'sd 0.96' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h1_3 using 1:2:3 with boxes linetype 1 fillstyle solid 0.6 noborder notitle

# normal:1, layer 4
set lmargin at screen panel_l(3)
set rmargin at screen panel_r(3)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 4' offset 0,-0.5
unset ylabel
unset xlabel
set xrange [-1:1]
set yrange [0:8.39865]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '5' 5)
set label 1 'sd 0.96' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h1_4 using 1:2:3 with boxes linetype 1 fillstyle solid 0.6 noborder notitle

# normal:1, layer 5
set lmargin at screen panel_l(4)
set rmargin at screen panel_r(4)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 5' offset 0,-0.5
unset ylabel
unset xlabel
set xrange [-1:1]
set yrange [0:8.5176]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '5' 5)
set label 1 'sd 0.96' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h1_5 using 1:2:3 with boxes linetype 1 fillstyle solid 0.6 noborder notitle

# normal:0.01, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
set ylabel 'normal:0.01'
unset xlabel
set xrange [-1:1]
set yrange [0:5.12554]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '2' 2, '4' 4)
set label 1 'sd 0.098' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h2_1 using 1:2:3 with boxes linetype 2 fillstyle solid 0.6 noborder notitle

# normal:0.01, layer 2
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
unset ylabel
unset xlabel
set xrange [-1:1]
set yrange [0:13.21]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '5' 5, '10' 10)
set label 1 'sd 0.0098' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h2_2 using 1:2:3 with boxes linetype 2 fillstyle solid 0.6 noborder notitle

# normal:0.01, layer 3
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
unset ylabel
unset xlabel
set xrange [-1:1]
set yrange [0:26]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '10' 10, '20' 20)
set label 1 'sd 9.7×10^{-4}' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h2_3 using 1:2:3 with boxes linetype 2 fillstyle solid 0.6 noborder notitle

# normal:0.01, layer 4
set lmargin at screen panel_l(3)
set rmargin at screen panel_r(3)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
unset ylabel
unset xlabel
set xrange [-1:1]
set yrange [0:26]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '10' 10, '20' 20)
set label 1 'sd 9.7×10^{-5}' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h2_4 using 1:2:3 with boxes linetype 2 fillstyle solid 0.6 noborder notitle

# normal:0.01, layer 5
set lmargin at screen panel_l(4)
set rmargin at screen panel_r(4)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
unset ylabel
unset xlabel
set xrange [-1:1]
set yrange [0:25.9974]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '10' 10, '20' 20)
set label 1 'sd 9.7×10^{-6}' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h2_5 using 1:2:3 with boxes linetype 2 fillstyle solid 0.6 noborder notitle

# scaled, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
set ylabel 'scaled'
unset xlabel
set xrange [-1:1]
set yrange [0:0.924384]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '0.5' 0.5)
set label 1 'sd 0.63' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h3_1 using 1:2:3 with boxes linetype 3 fillstyle solid 0.6 noborder notitle

# scaled, layer 2
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
unset ylabel
unset xlabel
set xrange [-1:1]
set yrange [0:0.886668]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '0.5' 0.5)
set label 1 'sd 0.48' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h3_2 using 1:2:3 with boxes linetype 3 fillstyle solid 0.6 noborder notitle

# scaled, layer 3
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
unset ylabel
unset xlabel
set xrange [-1:1]
set yrange [0:1.13278]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '0.5' 0.5, '1' 1)
set label 1 'sd 0.41' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h3_3 using 1:2:3 with boxes linetype 3 fillstyle solid 0.6 noborder notitle

# scaled, layer 4
set lmargin at screen panel_l(3)
set rmargin at screen panel_r(3)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
unset ylabel
unset xlabel
set xrange [-1:1]
set yrange [0:1.28477]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '0.5' 0.5, '1' 1)
set label 1 'sd 0.36' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h3_4 using 1:2:3 with boxes linetype 3 fillstyle solid 0.6 noborder notitle

# scaled, layer 5
set lmargin at screen panel_l(4)
set rmargin at screen panel_r(4)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
unset ylabel
unset xlabel
set xrange [-1:1]
set yrange [0:1.51163]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '1' 1)
set label 1 'sd 0.32' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h3_5 using 1:2:3 with boxes linetype 3 fillstyle solid 0.6 noborder notitle

# he-normal, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
set ylabel 'he-normal'
set xlabel 'tanh(z)' offset 0,0.3
set xrange [-1:1]
set yrange [0:2.457]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '1' 1, '2' 2)
set label 1 'sd 0.72' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h4_1 using 1:2:3 with boxes linetype 4 fillstyle solid 0.6 noborder notitle

# he-normal, layer 2
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
unset ylabel
set xlabel 'tanh(z)' offset 0,0.3
set xrange [-1:1]
set yrange [0:1.03358]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '0.5' 0.5, '1' 1)
set label 1 'sd 0.64' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h4_2 using 1:2:3 with boxes linetype 4 fillstyle solid 0.6 noborder notitle

# he-normal, layer 3
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
unset ylabel
set xlabel 'tanh(z)' offset 0,0.3
set xrange [-1:1]
set yrange [0:0.854319]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '0.5' 0.5)
set label 1 'sd 0.59' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h4_3 using 1:2:3 with boxes linetype 4 fillstyle solid 0.6 noborder notitle

# he-normal, layer 4
set lmargin at screen panel_l(3)
set rmargin at screen panel_r(3)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
unset ylabel
set xlabel 'tanh(z)' offset 0,0.3
set xrange [-1:1]
set yrange [0:0.799852]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '0.5' 0.5)
set label 1 'sd 0.57' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h4_4 using 1:2:3 with boxes linetype 4 fillstyle solid 0.6 noborder notitle

# he-normal, layer 5
set lmargin at screen panel_l(4)
set rmargin at screen panel_r(4)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
unset ylabel
set xlabel 'tanh(z)' offset 0,0.3
set xrange [-1:1]
set yrange [0:0.743375]
set xtics ('−1' -1, '0' 0, '1' 1)
set ytics ('0' 0, '0.5' 0.5)
set label 1 'sd 0.56' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
plot $h4_5 using 1:2:3 with boxes linetype 4 fillstyle solid 0.6 noborder notitle
unset title
unset label
unset arrow

# ---- legend: rows of their own below the panels ----------------------------
set lmargin at screen plot_left
set rmargin at screen 0.99        # the legend's panel: the column, to the edges
set tmargin at screen legend_top   # the first row level with the top of the plot
set bmargin at screen 0.02
unset border
unset tics
unset grid
unset xlabel
unset ylabel
unset colorbox
unset object
unset arrow
unset label
set xrange [0:1]
set yrange [0:1]
# samples 2.5 characters long, rows 1.15 lines apart (4 rows)
set key inside left top Left reverse samplen 2.5 spacing 1.15
# an empty plot (a line out of range) whose key is the legend
if (exists('legend_below') && legend_below) {
    # below the plot, across the figure: the rows with a sample, in columns
    set lmargin at screen 0.01
    set tmargin at screen 0.01 + legend_height
    set bmargin at screen 0.005
    set key inside left top Left reverse samplen 2.5 spacing 1.15 horizontal maxcols legend_cols
plot -1 with lines linetype nodraw notitle, \
     keyentry with boxes linetype 1 fillstyle solid 0.6 noborder title 'normal:1: weight σ_{w} = 1', \
     keyentry with boxes linetype 2 fillstyle solid 0.6 noborder title 'normal:0.01: weight σ_{w} = 0.01', \
     keyentry with boxes linetype 3 fillstyle solid 0.6 noborder title 'scaled: weight σ_{w} = 0.1', \
     keyentry with boxes linetype 4 fillstyle solid 0.6 noborder title 'he-normal: weight σ_{w} = 0.141'
} else {
plot -1 with lines linetype nodraw notitle, \
     keyentry with boxes linetype 1 fillstyle solid 0.6 noborder title 'normal:1: weight σ_{w} = 1', \
     keyentry with boxes linetype 2 fillstyle solid 0.6 noborder title 'normal:0.01: weight σ_{w} = 0.01', \
     keyentry with boxes linetype 3 fillstyle solid 0.6 noborder title 'scaled: weight σ_{w} = 0.1', \
     keyentry with boxes linetype 4 fillstyle solid 0.6 noborder title 'he-normal: weight σ_{w} = 0.141'
}
unset multiplot
