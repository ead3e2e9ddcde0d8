# deep-activations-sigmoid.gp: Densities of sigmoid(z), layers 1, 3 and 5 of 5 (100 units, N(0, 1) inputs)
#
# The classic demonstration (e.g. Glorot & Bengio 2010, figs. 3-4; CS231n): the
# histogram of phi(z) over the units of each layer, one row per weight scale.
# Too small weights collapse the activations towards phi(0); too large ones
# saturate them; sqrt(1/n) (and sqrt(2/n) for ReLU) keep them spread.  The
# standard deviation of phi(z) is printed in each panel; relu's units with
# z <= 0 (phi = 0 exactly) are a point mass, drawn as an arrow with its
# probability, not as a bar whose height would depend on the bin width; so
# is a layer whose units all fall in one bin (its sd printed, "one bin"
# beside it).  Tick labels are plain numbers; an axis whose numbers are
# scaled carries its factor (x10^n) once, at its end.
#
# Layers drawn: 1, 3 and 5 of 5 (at most 3 across, as many as fit at
# this size: each panel kept wide enough to read).
#
# Made by:  satstat deep --preset activations --layers 5 --width 100 --networks 100 --scheme normal:1,normal:0.01,scaled,he-normal --activation sigmoid --bias zero --inputs normal --n-in 100 --threshold 4 --alpha 0.001 --seed 1 --plots plots/activations --plot-size 1280x800
#           satstat 0.1.0
# Run:      gnuplot deep-activations-sigmoid.gp
#           from any directory (the data are inline): writes deep-activations-sigmoid.png
#           into the current directory; see "output" for other formats.

set encoding utf8

# ---- output ----------------------------------------------------------------
# Choose another format, file or size on the command line, e.g.
#   gnuplot -e "format='svg'; output='figure.svg'" deep-activations-sigmoid.gp
# format: 'png' (pngcairo), 'svg' or 'pdf' (pdfcairo); output '' writes
# to standard output (satstat --render does that); width and height in
# pixels of the PNG at dpi dots per inch: SVG and PDF get the physical size,
# width/dpi x height/dpi inches, with the same layout.  Text, lines and
# margins follow a new size; which panels, rows and legend columns there
# are was chosen for the size the figure was made at ("Made by"): for a
# very different size or font, make it again with that command's
# --plot-size, --dpi and --font-size.
if (!exists('format')) format = 'png'
if (!exists('output')) output = 'deep-activations-sigmoid.' . format
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
set linetype 1 linecolor rgb '#332288' linewidth 3 dashtype 2 pointtype 15 pointsize lt_pointsize * svg_pentagon   # indigo: normal:1
set linetype 2 linecolor rgb '#CC6677' linewidth 3 dashtype 5 pointtype 11 pointsize lt_pointsize   # rose: normal:0.01
set linetype 3 linecolor rgb '#D55E00' linewidth 3 dashtype 2 pointtype 5 pointsize lt_pointsize   # vermillion: scaled
set linetype 4 linecolor rgb '#009E73' linewidth 3 dashtype 3 pointtype 9 pointsize lt_pointsize   # bluish green: he-normal
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

# ---- data: per scheme and layer, bin centre, density, bin width ----------
# (each bin the union of whole bins of the sampled 60-bin histogram; a point
# mass of phi at phi(0) in $zeroS_K as phi(0), its probability, and taken
# out of its bin)
$h1_1 << EOD
0.0166666667 11.058 0.0333333333
0.05 0.894 0.0333333333
0.0833333333 0.537 0.0333333333
0.116666667 0.354 0.0333333333
0.15 0.237 0.0333333333
0.183333333 0.261 0.0333333333
0.216666667 0.237 0.0333333333
0.25 0.204 0.0333333333
0.283333333 0.228 0.0333333333
0.316666667 0.189 0.0333333333
0.35 0.165 0.0333333333
0.383333333 0.183 0.0333333333
0.416666667 0.165 0.0333333333
0.45 0.165 0.0333333333
0.483333333 0.168 0.0333333333
0.516666667 0.207 0.0333333333
0.55 0.174 0.0333333333
0.583333333 0.171 0.0333333333
0.616666667 0.156 0.0333333333
0.65 0.15 0.0333333333
0.683333333 0.21 0.0333333333
0.716666667 0.198 0.0333333333
0.75 0.216 0.0333333333
0.783333333 0.243 0.0333333333
0.816666667 0.252 0.0333333333
0.85 0.282 0.0333333333
0.883333333 0.387 0.0333333333
0.916666667 0.579 0.0333333333
0.95 0.702 0.0333333333
0.983333333 11.028 0.0333333333
EOD
$h1_2 << EOD
0.0166666667 9.129 0.0333333333
0.05 1.101 0.0333333333
0.0833333333 0.813 0.0333333333
0.116666667 0.555 0.0333333333
0.15 0.402 0.0333333333
0.183333333 0.348 0.0333333333
0.216666667 0.348 0.0333333333
0.25 0.357 0.0333333333
0.283333333 0.306 0.0333333333
0.316666667 0.27 0.0333333333
0.35 0.27 0.0333333333
0.383333333 0.225 0.0333333333
0.416666667 0.303 0.0333333333
0.45 0.237 0.0333333333
0.483333333 0.261 0.0333333333
0.516666667 0.237 0.0333333333
0.55 0.192 0.0333333333
0.583333333 0.24 0.0333333333
0.616666667 0.243 0.0333333333
0.65 0.252 0.0333333333
0.683333333 0.237 0.0333333333
0.716666667 0.258 0.0333333333
0.75 0.309 0.0333333333
0.783333333 0.303 0.0333333333
0.816666667 0.423 0.0333333333
0.85 0.402 0.0333333333
0.883333333 0.645 0.0333333333
0.916666667 0.78 0.0333333333
0.95 1.296 0.0333333333
0.983333333 9.258 0.0333333333
EOD
$h1_3 << EOD
0.0166666667 8.949 0.0333333333
0.05 1.155 0.0333333333
0.0833333333 0.708 0.0333333333
0.116666667 0.576 0.0333333333
0.15 0.51 0.0333333333
0.183333333 0.432 0.0333333333
0.216666667 0.348 0.0333333333
0.25 0.294 0.0333333333
0.283333333 0.279 0.0333333333
0.316666667 0.276 0.0333333333
0.35 0.279 0.0333333333
0.383333333 0.249 0.0333333333
0.416666667 0.255 0.0333333333
0.45 0.291 0.0333333333
0.483333333 0.27 0.0333333333
0.516666667 0.225 0.0333333333
0.55 0.24 0.0333333333
0.583333333 0.276 0.0333333333
0.616666667 0.258 0.0333333333
0.65 0.264 0.0333333333
0.683333333 0.285 0.0333333333
0.716666667 0.297 0.0333333333
0.75 0.357 0.0333333333
0.783333333 0.309 0.0333333333
0.816666667 0.435 0.0333333333
0.85 0.45 0.0333333333
0.883333333 0.528 0.0333333333
0.916666667 0.786 0.0333333333
0.95 1.107 0.0333333333
0.983333333 9.312 0.0333333333
EOD
$h2_1 << EOD
0.389786602 0 0.0244918662
0.414278468 0.0612448225 0.0244918662
0.438770334 0.926838313 0.0244918662
0.463262201 5.37321243 0.0244918662
0.487754067 13.6657614 0.0244918662
0.512245933 14.0495623 0.0244918662
0.536737799 5.67535355 0.0244918662
0.561229666 1.01258106 0.0244918662
0.585721532 0.0653278106 0.0244918662
0.610213398 0 0.0244918662
EOD
$h2_2 << EOD
0.450243399 0.0401956721 0.0248783003
0.4751217 6.20621177 0.0248783003
0.5 27.4134483 0.0248783003
0.5248783 6.46748364 0.0248783003
0.549756601 0.0683326425 0.0248783003
EOD
$h2_3 << EOD
0.450243428 0.0482348342 0.024878286
0.475121714 6.33886113 0.024878286
0.5 27.5059142 0.024878286
0.524878286 6.23837189 0.024878286
0.549756572 0.0643131122 0.024878286
EOD
$h3_1 << EOD
0.0231364226 0.0182442116 0.0328871433
0.0560235658 0.170279308 0.0328871433
0.0889107091 0.41049476 0.0328871433
0.121797852 0.431779674 0.0328871433
0.154684996 0.711524251 0.0328871433
0.187572139 0.890925665 0.0328871433
0.220459282 0.951739704 0.0328871433
0.253346425 1.23148428 0.0328871433
0.286233569 1.30446113 0.0328871433
0.319120712 1.35007166 0.0328871433
0.352007855 1.51122886 0.0328871433
0.384894999 1.50514746 0.0328871433
0.417782142 1.5690022 0.0328871433
0.450669285 1.64501974 0.0328871433
0.483556428 1.60853132 0.0328871433
0.516443572 1.51426956 0.0328871433
0.549330715 1.79401414 0.0328871433
0.582217858 1.52947307 0.0328871433
0.615105001 1.51122886 0.0328871433
0.647992145 1.29533902 0.0328871433
0.680879288 1.35311236 0.0328871433
0.713766431 1.38047868 0.0328871433
0.746653575 1.16154814 0.0328871433
0.779540718 1.01559444 0.0328871433
0.812427861 0.878762858 0.0328871433
0.845315004 0.748012675 0.0328871433
0.878202148 0.465227395 0.0328871433
0.911089291 0.319273703 0.0328871433
0.943976434 0.115546673 0.0328871433
0.976863577 0.0152035096 0.0328871433
EOD
$h3_2 << EOD
0.0848059564 0 0.028634072
0.113440028 0 0.028634072
0.1420741 0.0139693719 0.028634072
0.170708172 0.0488928016 0.028634072
0.199342244 0.0977856032 0.028634072
0.227976316 0.275895095 0.028634072
0.256610388 0.440035214 0.028634072
0.28524446 0.806731226 0.028634072
0.313878532 1.13501147 0.028634072
0.342512604 1.54710794 0.028634072
0.371146676 1.90332692 0.028634072
0.399780748 2.26653059 0.028634072
0.42841482 2.89864467 0.028634072
0.457048892 2.95102981 0.028634072
0.485682964 3.15707805 0.028634072
0.514317036 3.1535857 0.028634072
0.542951108 2.85673655 0.028634072
0.57158518 2.7310122 0.028634072
0.600219252 2.31193105 0.028634072
0.628853324 1.89284989 0.028634072
0.657487396 1.53663091 0.028634072
0.686121468 1.17691958 0.028634072
0.71475554 0.810223569 0.028634072
0.743389612 0.48194333 0.028634072
0.772023684 0.25843338 0.028634072
0.800657756 0.104770289 0.028634072
0.829291828 0.0488928016 0.028634072
0.8579259 0.0139693719 0.028634072
0.886559972 0.00349234297 0.028634072
0.915194044 0 0.028634072
EOD
$h3_3 << EOD
0.0852379059 0 0.0286042824
0.113842188 0.00699196007 0.0286042824
0.142446471 0.0139839201 0.0286042824
0.171050753 0.0524397005 0.0286042824
0.199655035 0.122359301 0.0286042824
0.228259318 0.251710562 0.0286042824
0.2568636 0.461469365 0.0286042824
0.285467882 0.779603548 0.0286042824
0.314072165 1.06627391 0.0286042824
0.342676447 1.63262268 0.0286042824
0.371280729 1.98222068 0.0286042824
0.399885012 2.41921818 0.0286042824
0.428489294 2.78979207 0.0286042824
0.457093576 2.88068755 0.0286042824
0.485697859 3.17434987 0.0286042824
0.514302141 3.03101469 0.0286042824
0.542906424 2.72336845 0.0286042824
0.571510706 2.61499307 0.0286042824
0.600114988 2.45767396 0.0286042824
0.628719271 1.98222068 0.0286042824
0.657323553 1.63961464 0.0286042824
0.685927835 1.18863321 0.0286042824
0.714532118 0.699196007 0.0286042824
0.7431364 0.457973384 0.0286042824
0.771740682 0.293662323 0.0286042824
0.800344965 0.171303022 0.0286042824
0.828949247 0.0384557804 0.0286042824
0.857553529 0.0279678403 0.0286042824
0.886157812 0 0.0286042824
0.914762094 0 0.0286042824
EOD
$h4_1 << EOD
0.0174869848 0.336571232 0.0332767597
0.0507637445 0.73324447 0.0332767597
0.0840405041 0.919560688 0.0332767597
0.117317264 0.964637192 0.0332767597
0.150594023 1.0037035 0.0332767597
0.183870783 1.0427698 0.0332767597
0.217147543 1.21105542 0.0332767597
0.250424302 1.0217341 0.0332767597
0.283701062 1.0818361 0.0332767597
0.316977822 1.12090241 0.0332767597
0.350254581 1.13292281 0.0332767597
0.383531341 1.0878463 0.0332767597
0.416808101 1.13292281 0.0332767597
0.45008486 1.04878 0.0332767597
0.48336162 1.21706562 0.0332767597
0.51663838 1.22608092 0.0332767597
0.54991514 1.17799931 0.0332767597
0.583191899 1.11188711 0.0332767597
0.616468659 1.12090241 0.0332767597
0.649745419 1.13592791 0.0332767597
0.683022178 1.12090241 0.0332767597
0.716298938 1.0728208 0.0332767597
0.749575698 1.14494321 0.0332767597
0.782852457 1.0968616 0.0332767597
0.816129217 0.994688195 0.0332767597
0.849405977 1.0277443 0.0332767597
0.882682736 0.94660659 0.0332767597
0.915959496 0.901530086 0.0332767597
0.949236256 0.616045559 0.0332767597
0.982513015 0.300510029 0.0332767597
EOD
$h4_2 << EOD
0.0389365845 0 0.0317974769
0.0707340614 0.00943471083 0.0317974769
0.102531538 0.0786225903 0.0317974769
0.134329015 0.232722867 0.0317974769
0.166126492 0.405692566 0.0317974769
0.197923969 0.559792843 0.0317974769
0.229721446 0.823964746 0.0317974769
0.261518923 1.11015097 0.0317974769
0.2933164 1.34916365 0.0317974769
0.325113877 1.54729258 0.0317974769
0.356911354 1.7454215 0.0317974769
0.388708831 1.90581159 0.0317974769
0.420506308 2.05991186 0.0317974769
0.452303785 2.15111407 0.0317974769
0.484101262 2.08192619 0.0317974769
0.515898738 2.03160773 0.0317974769
0.547696215 1.85234823 0.0317974769
0.579493692 1.98128927 0.0317974769
0.611291169 1.827189 0.0317974769
0.643088646 1.73284189 0.0317974769
0.674886123 1.59761103 0.0317974769
0.7066836 1.19820828 0.0317974769
0.738481077 1.06926723 0.0317974769
0.770278554 0.786225903 0.0317974769
0.802076031 0.6101113 0.0317974769
0.833873508 0.349084301 0.0317974769
0.865670985 0.229577964 0.0317974769
0.897468462 0.0880573011 0.0317974769
0.929265939 0.0314490361 0.0317974769
0.961063415 0.00314490361 0.0317974769
EOD
$h4_3 << EOD
0.0394043583 0.00629619505 0.0317652167
0.071169575 0.0188885852 0.0317652167
0.102934792 0.0881467307 0.0317652167
0.134700008 0.204626339 0.0317652167
0.166465225 0.380919801 0.0317652167
0.198230442 0.617027115 0.0317652167
0.229995658 0.764987699 0.0317652167
0.261760875 1.11442652 0.0317652167
0.293526092 1.35997813 0.0317652167
0.325291308 1.41664389 0.0317652167
0.357056525 1.72200935 0.0317652167
0.388821742 1.90145091 0.0317652167
0.420586958 1.93607998 0.0317652167
0.452352175 2.1595949 0.0317652167
0.484117392 2.28237071 0.0317652167
0.515882608 2.22255685 0.0317652167
0.547647825 2.00848622 0.0317652167
0.579413042 2.02737481 0.0317652167
0.611178258 1.76293461 0.0317652167
0.642943475 1.55830828 0.0317652167
0.674708692 1.56145637 0.0317652167
0.706473908 1.33479335 0.0317652167
0.738239125 1.1427594 0.0317652167
0.770004342 0.758691504 0.0317652167
0.801769558 0.475362726 0.0317652167
0.833534775 0.368327411 0.0317652167
0.865299992 0.185737754 0.0317652167
0.897065208 0.0724062431 0.0317652167
0.928830425 0.0251847802 0.0317652167
0.960595642 0.00314809753 0.0317652167
EOD

# ---- layout: 4 rows (schemes) x 3 columns (layers), legend below -----
key_chars = 0                                   # the longest legend row, in characters
char_width = 0.0097 * scale * 1280. / width     # one character of the font (digits are widest)
sample_width = 0.07 * scale * 1280. / width     # a legend sample and the gap after it
line_height = 16 * scale * 4 / 3. * 1.25 / height   # a line of text (the PNG's 96 dpi; the SVG's too: svg_vchar)
line_width = line_height * height / width        # ... the same length across
column = 0.985 - sample_width - key_chars * char_width
column = (column < 0.55) ? 0.55 : column        # the plot keeps at least half the width
small_figure = 0
legend_below = 0
legend_height = 0
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
plot_right = 0.985 - 2 * char_width             # no legend column: the panels take the width
legend_top = 0.02 + 4.45 * line_height           # the legend: rows below the panels
bottom = legend_top + 3.1 * line_height
top = top - 1.8 * line_height                   # the columns' titles over the y factors, the y axes' "density"
grid_cols = 3
grid_rows = 4                                 # small multiples
gap_x = 10 * char_width                      # room for a panel's y tick labels
gap_y = 2.9 * line_height                     # ... and for its title and x tick labels
panel_w = (plot_right - plot_left - (grid_cols - 1) * gap_x) / grid_cols
panel_h = (top - bottom - (grid_rows - 1) * gap_y) / grid_rows
panel_l(c) = plot_left + c * (panel_w + gap_x)
panel_r(c) = panel_l(c) + panel_w
panel_t(r) = top - r * (panel_h + gap_y)
panel_b(r) = panel_t(r) - panel_h
title_whole = 'Densities of sigmoid(z), layers 1, 3 and 5 of 5 (100 units, N(0, 1) inputs)'
title_head = 'Densities of sigmoid(z), layers 1, 3 and 5 of 5 (100 units, N(0, 1) inputs)'   # without its tail, for a small figure
title_chars = 61.9   # the whole title's width in char_width (DejaVu Sans advance widths)
head_chars = 61.9    # ... and the head's
title_room = 0.94    # the share of the width a title may take
title_fit = (title_chars * char_width < title_room || head_chars * char_width < title_room) ? 1 : title_room / (head_chars * char_width)
set multiplot title (title_chars * char_width < title_room ? title_whole : title_head) font font_at(title_fit)
unset key

# normal:1, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 1' offset 0,0.1
set ylabel 'σ_{w}⁠ = 1'
unset xlabel
x_lo = 4.24835426e-18
x_hi = 1
set xtics ('0' 0, '0.5' 0.5, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 16.587
set ytics ('0' 0, '10' 10)
unset label 5
set label 3 'density' at graph 0, graph 1 right offset -0.6,1.4 font smallfont
set label 1 'sd 0.46' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
set yrange [0:y_top]
plot $h1_1 using 1:2:3 with boxes linetype 1 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 1 notitle

# normal:1, layer 3
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 3' offset 0,0.1
unset ylabel
unset xlabel
x_lo = 4.24835426e-18
x_hi = 1
set xtics ('0' 0, '0.5' 0.5, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 16.587
set ytics ('0' 0, '10' 10)
unset label 5
set label 3 'density' at graph 0, graph 1 right offset -0.6,1.4 font smallfont
set label 1 'sd 0.44' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
set yrange [0:y_top]
plot $h1_2 using 1:2:3 with boxes linetype 1 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 1 notitle

# normal:1, layer 5
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 5' offset 0,0.1
unset ylabel
unset xlabel
x_lo = 4.24835426e-18
x_hi = 1
set xtics ('0' 0, '0.5' 0.5, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 16.587
set ytics ('0' 0, '10' 10)
unset label 5
set label 3 'density' at graph 0, graph 1 right offset -0.6,1.4 font smallfont
set label 1 'sd 0.44' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
set yrange [0:y_top]
plot $h1_3 using 1:2:3 with boxes linetype 1 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 1 notitle

# normal:0.01, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
set ylabel 'σ_{w}⁠ = 0.01'
unset xlabel
x_lo = 4.24835426e-18
x_hi = 1
set xtics ('0' 0, '0.5' 0.5, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 41.2589
set ytics ('0' 0, '' 20, '40' 40)
unset label 5
unset label 3
set label 1 'sd 0.025' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
set yrange [0:y_top]
plot $h2_1 using 1:2:3 with boxes linetype 2 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 2 notitle

# normal:0.01, layer 3
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
unset ylabel
unset xlabel
x_lo = 4.24835426e-18
x_hi = 1
set xtics ('0' 0, '0.5' 0.5, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 41.2589
set ytics ('0' 0, '' 20, '40' 40)
unset label 5
unset label 3
set label 1 'sd 0.012' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
set yrange [0:y_top]
plot $h2_2 using 1:2:3 with boxes linetype 2 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 2 notitle

# normal:0.01, layer 5
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
unset ylabel
unset xlabel
x_lo = 4.24835426e-18
x_hi = 1
set xtics ('0' 0, '0.5' 0.5, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 41.2589
set ytics ('0' 0, '' 20, '40' 40)
unset label 5
unset label 3
set label 1 'sd 0.012' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
set yrange [0:y_top]
plot $h2_3 using 1:2:3 with boxes linetype 2 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 2 notitle

# scaled, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
set ylabel 'scaled'
unset xlabel
x_lo = 4.24835426e-18
x_hi = 1
set xtics ('0' 0, '0.5' 0.5, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 4.76152
set ytics ('0' 0, '' 2, '4' 4)
unset label 5
unset label 3
set label 1 'sd 0.21' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
set yrange [0:y_top]
plot $h3_1 using 1:2:3 with boxes linetype 3 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 3 notitle

# scaled, layer 3
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
unset ylabel
unset xlabel
x_lo = 4.24835426e-18
x_hi = 1
set xtics ('0' 0, '0.5' 0.5, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 4.76152
set ytics ('0' 0, '' 2, '4' 4)
unset label 5
unset label 3
set label 1 'sd 0.12' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
set yrange [0:y_top]
plot $h3_2 using 1:2:3 with boxes linetype 3 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 3 notitle

# scaled, layer 5
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
unset ylabel
unset xlabel
x_lo = 4.24835426e-18
x_hi = 1
set xtics ('0' 0, '0.5' 0.5, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 4.76152
set ytics ('0' 0, '' 2, '4' 4)
unset label 5
unset label 3
set label 1 'sd 0.12' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
set yrange [0:y_top]
plot $h3_3 using 1:2:3 with boxes linetype 3 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 3 notitle

# he-normal, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
set ylabel 'he-normal'
set xlabel 'sigmoid(z)' offset 0,0.3
x_lo = 4.24835426e-18
x_hi = 1
set xtics ('0' 0, '0.5' 0.5, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 3.42356
set ytics ('0' 0, '2' 2)
unset label 5
unset label 3
set label 1 'sd 0.26' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
set yrange [0:y_top]
plot $h4_1 using 1:2:3 with boxes linetype 4 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 4 notitle

# he-normal, layer 3
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
unset ylabel
set xlabel 'sigmoid(z)' offset 0,0.3
x_lo = 4.24835426e-18
x_hi = 1
set xtics ('0' 0, '0.5' 0.5, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 3.42356
set ytics ('0' 0, '2' 2)
unset label 5
unset label 3
set label 1 'sd 0.17' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
set yrange [0:y_top]
plot $h4_2 using 1:2:3 with boxes linetype 4 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 4 notitle

# he-normal, layer 5
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
unset ylabel
set xlabel 'sigmoid(z)' offset 0,0.3
x_lo = 4.24835426e-18
x_hi = 1
set xtics ('0' 0, '0.5' 0.5, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 3.42356
set ytics ('0' 0, '2' 2)
unset label 5
unset label 3
set label 1 'sd 0.17' at graph 0.97, graph 0.9 right font smallfont front
unset arrow 1
unset label 2
set yrange [0:y_top]
plot $h4_3 using 1:2:3 with boxes linetype 4 dashtype 1 linewidth 1 fillstyle solid 1.0 border linetype 4 notitle
unset title
unset label
unset arrow

# ---- legend: rows of their own below the panels ----------------------------
legend_chars = 33   # the legend's longest row, in char_width
legend_left = plot_left
legend_left = (legend_left + sample_width + legend_chars * char_width > 0.99) ? 0.99 - sample_width - legend_chars * char_width : legend_left
legend_left = (legend_left < 0.01) ? 0.01 : legend_left
legend_fit = (legend_left + sample_width + legend_chars * char_width > 0.99) ? (0.98 - sample_width) / (legend_chars * char_width) : 1
set lmargin at screen legend_left
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
# samples 2.5 characters long, rows 1.15 lines apart (6 rows)
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
     keyentry with boxes linetype 1 fillstyle solid 1.0 noborder title (int(0 / legend_rows) == legend_col ? 'normal: weight σ_{w}⁠ = 1' : ''), \
     keyentry with boxes linetype 2 fillstyle solid 1.0 noborder title (int(1 / legend_rows) == legend_col ? 'normal: weight σ_{w}⁠ = 0.01' : ''), \
     keyentry with boxes linetype 3 fillstyle solid 1.0 noborder title (int(2 / legend_rows) == legend_col ? 'scaled: weight σ_{w}⁠ = 0.1' : ''), \
     keyentry with boxes linetype 4 fillstyle solid 1.0 noborder title (int(3 / legend_rows) == legend_col ? 'he-normal: weight σ_{w}⁠ = 0.141' : ''), \
     keyentry with points pointtype 9 linecolor rgb '#808080' title (int(4 / legend_rows) == legend_col && (0) ? 'a point mass, or every unit in one bin' : '')
    }
} else {
plot -1 with lines linetype nodraw notitle, \
     keyentry with boxes linetype 1 fillstyle solid 1.0 noborder title 'normal: weight σ_{w}⁠ = 1', \
     keyentry with boxes linetype 2 fillstyle solid 1.0 noborder title 'normal: weight σ_{w}⁠ = 0.01', \
     keyentry with lines linetype nodraw title ' ', \
     keyentry with boxes linetype 3 fillstyle solid 1.0 noborder title 'scaled: weight σ_{w}⁠ = 0.1', \
     keyentry with boxes linetype 4 fillstyle solid 1.0 noborder title 'he-normal: weight σ_{w}⁠ = 0.141', \
     keyentry with points pointtype 9 linecolor rgb '#808080' title ((0) ? 'a point mass, or every unit in one bin' : '')
}
unset multiplot
