# deep-activations-tanh.gp: Densities of tanh(z), layers 1, 3 and 5 of 5 (100 units, N(0, 1) inputs)
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
# Made by:  satstat deep --preset activations --layers 5 --width 100 --networks 100 --scheme normal:1,normal:0.01,scaled,he-normal --activation tanh --bias zero --inputs normal --n-in 100 --threshold 4 --alpha 0.001 --seed 1 --plots plots/activations --plot-size 1280x800
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
# width/dpi x height/dpi inches, with the same layout.  Text, lines and
# margins follow a new size; which panels, rows and legend columns there
# are was chosen for the size the figure was made at ("Made by"): for a
# very different size or font, make it again with that command's
# --plot-size, --dpi and --font-size.
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
-0.966666667 6.5085 0.0666666667
-0.9 0.213 0.0666666667
-0.833333333 0.1155 0.0666666667
-0.766666667 0.108 0.0666666667
-0.7 0.096 0.0666666667
-0.633333333 0.0585 0.0666666667
-0.566666667 0.0615 0.0666666667
-0.5 0.054 0.0666666667
-0.433333333 0.0465 0.0666666667
-0.366666667 0.039 0.0666666667
-0.3 0.051 0.0666666667
-0.233333333 0.0495 0.0666666667
-0.166666667 0.0375 0.0666666667
-0.1 0.039 0.0666666667
-0.0333333333 0.045 0.0666666667
0.0333333333 0.0465 0.0666666667
0.1 0.057 0.0666666667
0.166666667 0.0465 0.0666666667
0.233333333 0.0435 0.0666666667
0.3 0.0495 0.0666666667
0.366666667 0.045 0.0666666667
0.433333333 0.0495 0.0666666667
0.5 0.0405 0.0666666667
0.566666667 0.051 0.0666666667
0.633333333 0.081 0.0666666667
0.7 0.075 0.0666666667
0.766666667 0.105 0.0666666667
0.833333333 0.1335 0.0666666667
0.9 0.204 0.0666666667
0.966666667 6.45 0.0666666667
EOD
$h1_2 << EOD
-0.966666667 6.4125 0.0666666667
-0.9 0.2205 0.0666666667
-0.833333333 0.1425 0.0666666667
-0.766666667 0.102 0.0666666667
-0.7 0.09 0.0666666667
-0.633333333 0.072 0.0666666667
-0.566666667 0.069 0.0666666667
-0.5 0.0495 0.0666666667
-0.433333333 0.042 0.0666666667
-0.366666667 0.066 0.0666666667
-0.3 0.0465 0.0666666667
-0.233333333 0.0405 0.0666666667
-0.166666667 0.054 0.0666666667
-0.1 0.045 0.0666666667
-0.0333333333 0.0495 0.0666666667
0.0333333333 0.048 0.0666666667
0.1 0.0375 0.0666666667
0.166666667 0.048 0.0666666667
0.233333333 0.0435 0.0666666667
0.3 0.0375 0.0666666667
0.366666667 0.054 0.0666666667
0.433333333 0.033 0.0666666667
0.5 0.066 0.0666666667
0.566666667 0.057 0.0666666667
0.633333333 0.0645 0.0666666667
0.7 0.0945 0.0666666667
0.766666667 0.1065 0.0666666667
0.833333333 0.138 0.0666666667
0.9 0.183 0.0666666667
0.966666667 6.4875 0.0666666667
EOD
$h1_3 << EOD
-0.966666667 6.5025 0.0666666667
-0.9 0.2265 0.0666666667
-0.833333333 0.1395 0.0666666667
-0.766666667 0.099 0.0666666667
-0.7 0.09 0.0666666667
-0.633333333 0.0765 0.0666666667
-0.566666667 0.066 0.0666666667
-0.5 0.054 0.0666666667
-0.433333333 0.0495 0.0666666667
-0.366666667 0.042 0.0666666667
-0.3 0.0405 0.0666666667
-0.233333333 0.027 0.0666666667
-0.166666667 0.03 0.0666666667
-0.1 0.039 0.0666666667
-0.0333333333 0.051 0.0666666667
0.0333333333 0.054 0.0666666667
0.1 0.0345 0.0666666667
0.166666667 0.0495 0.0666666667
0.233333333 0.0435 0.0666666667
0.3 0.039 0.0666666667
0.366666667 0.0555 0.0666666667
0.433333333 0.0525 0.0666666667
0.5 0.0525 0.0666666667
0.566666667 0.066 0.0666666667
0.633333333 0.0555 0.0666666667
0.7 0.0855 0.0666666667
0.766666667 0.1065 0.0666666667
0.833333333 0.147 0.0666666667
0.9 0.2115 0.0666666667
0.966666667 6.414 0.0666666667
EOD
$h2_1 << EOD
-0.439011299 0 0.0462117157
-0.392799584 0 0.0462117157
-0.346587868 0.00865581365 0.0462117157
-0.300376152 0.0411151149 0.0462117157
-0.254164436 0.162296506 0.0462117157
-0.207952721 0.428462776 0.0462117157
-0.161741005 1.07332089 0.0462117157
-0.115529289 1.93457435 0.0462117157
-0.0693175736 3.14855222 0.0462117157
-0.0231058579 3.81721382 0.0462117157
0.0231058579 4.00331382 0.0462117157
0.0693175736 3.1355685 0.0462117157
0.115529289 2.090379 0.0462117157
0.161741005 1.09063252 0.0462117157
0.207952721 0.493381378 0.0462117157
0.254164436 0.164460459 0.0462117157
0.300376152 0.0432790683 0.0462117157
0.346587868 0.00216395341 0.0462117157
0.392799584 0.00216395341 0.0462117157
0.439011299 0 0.0462117157
EOD
$h2_2 << EOD
0 20 0.05
EOD
$h2_3 << EOD
0 20 0.05
EOD
$h3_1 << EOD
-0.966578897 0.67206102 0.0666606136
-0.899918284 0.712564698 0.0666606136
-0.83325767 0.606055027 0.0666606136
-0.766597057 0.627056934 0.0666606136
-0.699936443 0.525047672 0.0666606136
-0.633275829 0.499545357 0.0666606136
-0.566615216 0.502545629 0.0666606136
-0.499954602 0.456041407 0.0666606136
-0.433293989 0.444040317 0.0666606136
-0.366633375 0.409537184 0.0666606136
-0.299972761 0.441040045 0.0666606136
-0.233312148 0.418538001 0.0666606136
-0.166651534 0.432039227 0.0666606136
-0.0999909204 0.393035686 0.0666606136
-0.0333303068 0.414037593 0.0666606136
0.0333303068 0.36753337 0.0666606136
0.0999909204 0.397536095 0.0666606136
0.166651534 0.444040317 0.0666606136
0.233312148 0.471042769 0.0666606136
0.299972761 0.412537457 0.0666606136
0.366633375 0.438039772 0.0666606136
0.433293989 0.424538546 0.0666606136
0.499954602 0.451540998 0.0666606136
0.566615216 0.402036503 0.0666606136
0.633275829 0.477043313 0.0666606136
0.699936443 0.571551894 0.0666606136
0.766597057 0.604554891 0.0666606136
0.83325767 0.631557343 0.0666606136
0.899918284 0.712564698 0.0666606136
0.966578897 0.642058296 0.0666606136
EOD
$h3_2 << EOD
-0.951836199 0.00914022813 0.0656438758
-0.886192323 0.0761685678 0.0656438758
-0.820548447 0.149290393 0.0656438758
-0.754904571 0.243739417 0.0656438758
-0.689260696 0.297057414 0.0656438758
-0.62361682 0.432637465 0.0656438758
-0.557972944 0.513376147 0.0656438758
-0.492329068 0.591068086 0.0656438758
-0.426685192 0.714461166 0.0656438758
-0.361041317 0.636769227 0.0656438758
-0.295397441 0.758638935 0.0656438758
-0.229753565 0.776919391 0.0656438758
-0.164109689 0.772349277 0.0656438758
-0.0984658137 0.830237389 0.0656438758
-0.0328219379 0.834807503 0.0656438758
0.0328219379 0.810433561 0.0656438758
0.0984658137 0.738835107 0.0656438758
0.164109689 0.795199848 0.0656438758
0.229753565 0.722078022 0.0656438758
0.295397441 0.758638935 0.0656438758
0.361041317 0.714461166 0.0656438758
0.426685192 0.711414423 0.0656438758
0.492329068 0.616965399 0.0656438758
0.557972944 0.520993004 0.0656438758
0.62361682 0.406740152 0.0656438758
0.689260696 0.330571584 0.0656438758
0.754904571 0.257449759 0.0656438758
0.820548447 0.150813764 0.0656438758
0.886192323 0.0533179974 0.0656438758
0.951836199 0.00914022813 0.0656438758
EOD
$h3_3 << EOD
-0.914050097 0.00158634631 0.0630379377
-0.851012159 0.0190361557 0.0630379377
-0.787974221 0.0555221209 0.0630379377
-0.724936284 0.112630588 0.0630379377
-0.661898346 0.164980016 0.0630379377
-0.598860408 0.26650618 0.0630379377
-0.53582247 0.364859652 0.0630379377
-0.472784533 0.49018101 0.0630379377
-0.409746595 0.626606793 0.0630379377
-0.346708657 0.710683148 0.0630379377
-0.28367072 0.870904125 0.0630379377
-0.220632782 0.923253554 0.0630379377
-0.157594844 1.04698857 0.0630379377
-0.0945569066 1.12789223 0.0630379377
-0.0315189689 1.11837415 0.0630379377
0.0315189689 1.2056232 0.0630379377
0.0945569066 1.06285203 0.0630379377
0.157594844 1.04222953 0.0630379377
0.220632782 0.875663164 0.0630379377
0.28367072 0.826486429 0.0630379377
0.346708657 0.747169113 0.0630379377
0.409746595 0.661506412 0.0630379377
0.472784533 0.5377714 0.0630379377
0.53582247 0.401345617 0.0630379377
0.598860408 0.269678873 0.0630379377
0.661898346 0.188775211 0.0630379377
0.724936284 0.0904217398 0.0630379377
0.787974221 0.0412450041 0.0630379377
0.851012159 0.0126907705 0.0630379377
0.914050097 0 0.0630379377
EOD
$h4_1 << EOD
-0.966665272 1.81650262 0.0666665705
-0.899998702 0.867001251 0.0666665705
-0.833332131 0.646500933 0.0666665705
-0.766665561 0.508500734 0.0666665705
-0.69999899 0.435000628 0.0666665705
-0.63333242 0.427500617 0.0666665705
-0.566665849 0.400500578 0.0666665705
-0.499999279 0.336000485 0.0666665705
-0.433332708 0.309000446 0.0666665705
-0.366666138 0.306000441 0.0666665705
-0.299999567 0.300000433 0.0666665705
-0.233332997 0.33300048 0.0666665705
-0.166666426 0.219000316 0.0666665705
-0.0999998557 0.32550047 0.0666665705
-0.0333332852 0.285000411 0.0666665705
0.0333332852 0.31200045 0.0666665705
0.0999998557 0.301500435 0.0666665705
0.166666426 0.300000433 0.0666665705
0.233332997 0.310500448 0.0666665705
0.299999567 0.282000407 0.0666665705
0.366666138 0.316500457 0.0666665705
0.433332708 0.343500496 0.0666665705
0.499999279 0.352500509 0.0666665705
0.566665849 0.370500535 0.0666665705
0.63333242 0.406500586 0.0666665705
0.69999899 0.42300061 0.0666665705
0.766665561 0.546000788 0.0666665705
0.833332131 0.65850095 0.0666665705
0.899998702 0.826501192 0.0666665705
0.966665272 1.7355025 0.0666665705
EOD
$h4_2 << EOD
-0.966418413 0.487625229 0.0666495457
-0.899768867 0.595652972 0.0666495457
-0.833119321 0.594152587 0.0666495457
-0.766469776 0.553642183 0.0666495457
-0.69982023 0.56114411 0.0666495457
-0.633170684 0.49362677 0.0666495457
-0.566521139 0.540138715 0.0666495457
-0.499871593 0.418607504 0.0666495457
-0.433222047 0.460618293 0.0666495457
-0.366572501 0.472621376 0.0666495457
-0.299922956 0.44261367 0.0666495457
-0.23327341 0.435111743 0.0666495457
-0.166623864 0.474121761 0.0666495457
-0.0999743186 0.511631394 0.0666495457
-0.0333247729 0.454616752 0.0666495457
0.0333247729 0.472621376 0.0666495457
0.0999743186 0.478622917 0.0666495457
0.166623864 0.418607504 0.0666495457
0.23327341 0.46812022 0.0666495457
0.299922956 0.46812022 0.0666495457
0.366572501 0.451615981 0.0666495457
0.433222047 0.457617523 0.0666495457
0.499871593 0.451615981 0.0666495457
0.566521139 0.487625229 0.0666495457
0.633170684 0.511631394 0.0666495457
0.69982023 0.546140257 0.0666495457
0.766469776 0.577648348 0.0666495457
0.833119321 0.589651431 0.0666495457
0.899768867 0.660169541 0.0666495457
0.966418413 0.46812022 0.0666495457
EOD
$h4_3 << EOD
-0.966113709 0.297169989 0.0666285317
-0.899485177 0.511792758 0.0666285317
-0.832856646 0.538808212 0.0666285317
-0.766228114 0.546312504 0.0666285317
-0.699599582 0.570326241 0.0666285317
-0.632971051 0.5102919 0.0666285317
-0.566342519 0.474271295 0.0666285317
-0.499713987 0.526801344 0.0666285317
-0.433085456 0.516295334 0.0666285317
-0.366456924 0.498285032 0.0666285317
-0.299828392 0.496784173 0.0666285317
-0.233199861 0.520797909 0.0666285317
-0.166571329 0.517796192 0.0666285317
-0.0999427975 0.48927988 0.0666285317
-0.0333142658 0.501286749 0.0666285317
0.0333142658 0.502787607 0.0666285317
0.0999427975 0.490780739 0.0666285317
0.166571329 0.511792758 0.0666285317
0.233199861 0.525300485 0.0666285317
0.299828392 0.463765285 0.0666285317
0.366456924 0.474271295 0.0666285317
0.433085456 0.492281597 0.0666285317
0.499713987 0.504288466 0.0666285317
0.566342519 0.580832251 0.0666285317
0.632971051 0.537307353 0.0666285317
0.699599582 0.529803061 0.0666285317
0.766228114 0.505789324 0.0666285317
0.832856646 0.565823665 0.0666285317
0.899485177 0.487779022 0.0666285317
0.966113709 0.319682867 0.0666285317
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
title_whole = 'Densities of tanh(z), layers 1, 3 and 5 of 5 (100 units, N(0, 1) inputs)'
title_head = 'Densities of tanh(z), layers 1, 3 and 5 of 5 (100 units, N(0, 1) inputs)'   # without its tail, for a small figure
title_chars = 59.0   # the whole title's width in char_width (DejaVu Sans advance widths)
head_chars = 59.0    # ... and the head's
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
x_lo = -1
x_hi = 1
set xtics ('−1' -1, '0' 0, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 9.76275
set ytics ('0' 0, '5' 5)
unset label 5
set label 3 'density' at graph 0, graph 1 right offset -0.6,1.4 font smallfont
set label 1 'sd 0.96' at graph 0.97, graph 0.9 right font smallfont front
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
x_lo = -1
x_hi = 1
set xtics ('−1' -1, '0' 0, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 9.76275
set ytics ('0' 0, '5' 5)
unset label 5
set label 3 'density' at graph 0, graph 1 right offset -0.6,1.4 font smallfont
set label 1 'sd 0.96' at graph 0.97, graph 0.9 right font smallfont front
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
x_lo = -1
x_hi = 1
set xtics ('−1' -1, '0' 0, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 9.76275
set ytics ('0' 0, '5' 5)
unset label 5
set label 3 'density' at graph 0, graph 1 right offset -0.6,1.4 font smallfont
set label 1 'sd 0.96' at graph 0.97, graph 0.9 right font smallfont front
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
x_lo = -1
x_hi = 1
set xtics ('−1' -1, '0' 0, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 6.00497
set ytics ('0' 0, '5' 5)
unset label 5
unset label 3
set label 1 'sd 0.099' at graph 0.97, graph 0.9 right font smallfont front
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
x_lo = -1
x_hi = 1
set xtics ('−1' -1, '0' 0, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 30
set ytics ('' 0)
unset label 5
unset label 3
set label 1 'sd 0.0010' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.62 linetype 2 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'one bin' at graph 0.03, graph 0.9 left offset 0,-1.1 font smallfont front
set yrange [0:y_top]
plot NaN notitle

# normal:0.01, layer 5
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
unset ylabel
unset xlabel
x_lo = -1
x_hi = 1
set xtics ('−1' -1, '0' 0, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 30
set ytics ('' 0)
unset label 5
unset label 3
set label 1 'sd 9.9×10^{−6}' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.62 linetype 2 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'one bin' at graph 0.03, graph 0.9 left offset 0,-1.1 font smallfont front
set yrange [0:y_top]
plot NaN notitle

# scaled, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
set ylabel 'scaled'
unset xlabel
x_lo = -1
x_hi = 1
set xtics ('−1' -1, '0' 0, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 1.80843
set ytics ('0' 0, '1' 1)
unset label 5
unset label 3
set label 1 'sd 0.62' at graph 0.97, graph 0.9 right font smallfont front
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
x_lo = -1
x_hi = 1
set xtics ('−1' -1, '0' 0, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 1.80843
set ytics ('0' 0, '1' 1)
unset label 5
unset label 3
set label 1 'sd 0.41' at graph 0.97, graph 0.9 right font smallfont front
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
x_lo = -1
x_hi = 1
set xtics ('−1' -1, '0' 0, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 1.80843
set ytics ('0' 0, '1' 1)
unset label 5
unset label 3
set label 1 'sd 0.32' at graph 0.97, graph 0.9 right font smallfont front
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
set xlabel 'tanh(z)' offset 0,0.3
x_lo = -1
x_hi = 1
set xtics ('−1' -1, '0' 0, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 2.72475
set ytics ('0' 0, '2' 2)
unset label 5
unset label 3
set label 1 'sd 0.72' at graph 0.97, graph 0.9 right font smallfont front
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
set xlabel 'tanh(z)' offset 0,0.3
x_lo = -1
x_hi = 1
set xtics ('−1' -1, '0' 0, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 2.72475
set ytics ('0' 0, '2' 2)
unset label 5
unset label 3
set label 1 'sd 0.60' at graph 0.97, graph 0.9 right font smallfont front
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
set xlabel 'tanh(z)' offset 0,0.3
x_lo = -1
x_hi = 1
set xtics ('−1' -1, '0' 0, '1' 1)
unset label 4
set xrange [x_lo:x_hi]
y_top = 2.72475
set ytics ('0' 0, '2' 2)
unset label 5
unset label 3
set label 1 'sd 0.57' at graph 0.97, graph 0.9 right font smallfont front
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
     keyentry with points pointtype 9 linecolor rgb '#808080' title (int(4 / legend_rows) == legend_col ? 'a point mass, or every unit in one bin' : '')
    }
} else {
plot -1 with lines linetype nodraw notitle, \
     keyentry with boxes linetype 1 fillstyle solid 1.0 noborder title 'normal: weight σ_{w}⁠ = 1', \
     keyentry with boxes linetype 2 fillstyle solid 1.0 noborder title 'normal: weight σ_{w}⁠ = 0.01', \
     keyentry with lines linetype nodraw title ' ', \
     keyentry with boxes linetype 3 fillstyle solid 1.0 noborder title 'scaled: weight σ_{w}⁠ = 0.1', \
     keyentry with boxes linetype 4 fillstyle solid 1.0 noborder title 'he-normal: weight σ_{w}⁠ = 0.141', \
     keyentry with points pointtype 9 linecolor rgb '#808080' title 'a point mass, or every unit in one bin'
}
unset multiplot
