# deep-activations-relu.gp: Histograms of relu(z) by layer (100 units, N(0, 1) inputs)
#
# The classic demonstration (e.g. Glorot & Bengio 2010, figs. 3-4; CS231n): the
# histogram of phi(z) over the units of each layer, one row per weight scale.
# Too small weights collapse the activations towards phi(0); too large ones
# saturate them; sqrt(1/n) (and sqrt(2/n) for ReLU) keep them spread.  The
# standard deviation of phi(z) is printed in each panel; relu's units with
# z <= 0 (phi = 0 exactly) are a point mass, drawn as an arrow with its
# probability, not as a bar whose height would depend on the bin width.
#
# Made by:  satstat deep --layers 5 --width 100 --networks 100 --scheme normal:1,normal:0.01,scaled,he-normal --activation relu --bias zero --inputs normal --n-in 100 --threshold 4 --alpha 0.001 --seed 1 --plots plots/activations --plot-size 1280x800
#           satstat 0.1.0
# Run:      gnuplot deep-activations-relu.gp
#           from any directory (the data are inline): writes deep-activations-relu.png
#           into the current directory; see "output" for other formats.

set encoding utf8

# ---- output ----------------------------------------------------------------
# Choose another format, file or size on the command line, e.g.
#   gnuplot -e "format='svg'; output='figure.svg'" deep-activations-relu.gp
# format: 'png' (pngcairo), 'svg' or 'pdf' (pdfcairo); output '' writes
# to standard output (satstat --render does that); width and height in
# pixels of the PNG at dpi dots per inch: SVG and PDF get the physical size,
# width/dpi x height/dpi inches, with the same layout.
if (!exists('format')) format = 'png'
if (!exists('output')) output = 'deep-activations-relu.' . format
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
0.833333333 0.03972 1.66666667
2.5 0.03954 1.66666667
4.16666667 0.0357 1.66666667
5.83333333 0.03174 1.66666667
7.5 0.02892 1.66666667
9.16666667 0.02406 1.66666667
10.8333333 0.0213 1.66666667
12.5 0.0192 1.66666667
14.1666667 0.0153 1.66666667
15.8333333 0.01224 1.66666667
17.5 0.00852 1.66666667
19.1666667 0.00522 1.66666667
20.8333333 0.00438 1.66666667
22.5 0.00282 1.66666667
24.1666667 0.00288 1.66666667
25.8333333 0.00138 1.66666667
27.5 0.00084 1.66666667
29.1666667 0.00084 1.66666667
30.8333333 0.00042 1.66666667
32.5 0.00036 1.66666667
34.1666667 6e-05 1.66666667
35.8333333 0 1.66666667
37.5 0 1.66666667
39.1666667 0 1.66666667
40.8333333 0 1.66666667
42.5 6e-05 1.66666667
44.1666667 0 1.66666667
45.8333333 0 1.66666667
47.5 0 1.66666667
49.1666667 0 1.66666667
EOD
$zero1_1 << EOD
0 0.5075
EOD
$h1_2 << EOD
5.89255651 0.00566816796 11.785113
17.6776695 0.00551543289 11.785113
29.4627825 0.0052863303 11.785113
41.2478956 0.00508268354 11.785113
53.0330086 0.00450568441 11.785113
64.8181216 0.00383534718 11.785113
76.6032346 0.00306318658 11.785113
88.3883476 0.00249467272 11.785113
100.173461 0.00187524718 11.785113
111.958574 0.00160371818 11.785113
123.743687 0.00114551299 11.785113
135.5288 0.000916410388 11.785113
147.313913 0.000644881384 11.785113
159.099026 0.000449719913 11.785113
170.884139 0.000203646753 11.785113
182.669252 0.000127279221 11.785113
194.454365 0.000110308658 11.785113
206.239478 5.93969696e-05 11.785113
218.024591 6.7882251e-05 11.785113
229.809704 4.24264069e-05 11.785113
241.594817 5.09116882e-05 11.785113
253.37993 8.48528137e-06 11.785113
265.165043 1.69705627e-05 11.785113
276.950156 0 11.785113
288.735269 0 11.785113
300.520382 0 11.785113
312.305495 0 11.785113
324.090608 8.48528137e-06 11.785113
335.875721 0 11.785113
347.660834 0 11.785113
EOD
$zero1_2 << EOD
0 0.4958
EOD
$h1_3 << EOD
41.6666667 0.0008604 83.3333333
125 0.0008112 83.3333333
208.333333 0.000828 83.3333333
291.666667 0.0006852 83.3333333
375 0.0005856 83.3333333
458.333333 0.0005016 83.3333333
541.666667 0.0004428 83.3333333
625 0.0003324 83.3333333
708.333333 0.0002688 83.3333333
791.666667 0.0002556 83.3333333
875 0.000156 83.3333333
958.333333 0.000114 83.3333333
1041.66667 9.36e-05 83.3333333
1125 6.12e-05 83.3333333
1208.33333 4.56e-05 83.3333333
1291.66667 3e-05 83.3333333
1375 3.12e-05 83.3333333
1458.33333 1.92e-05 83.3333333
1541.66667 9.6e-06 83.3333333
1625 2.4e-06 83.3333333
1708.33333 3.6e-06 83.3333333
1791.66667 3.6e-06 83.3333333
1875 0 83.3333333
1958.33333 0 83.3333333
2041.66667 1.2e-06 83.3333333
2125 1.2e-06 83.3333333
2208.33333 0 83.3333333
2291.66667 0 83.3333333
2375 0 83.3333333
2458.33333 0 83.3333333
EOD
$zero1_3 << EOD
0 0.488
EOD
$h1_4 << EOD
294.627825 0.000126600398 589.255651
883.883476 0.000111836009 589.255651
1473.13913 0.000109120718 589.255651
2062.39478 0.000102332493 589.255651
2651.65043 8.62104588e-05 589.255651
3240.90608 6.75428397e-05 589.255651
3830.16173 5.31178614e-05 589.255651
4419.41738 5.0572277e-05 589.255651
5008.67303 3.81837662e-05 589.255651
5597.92868 3.17349523e-05 589.255651
6187.18434 2.44376104e-05 589.255651
6776.43999 1.47643896e-05 589.255651
7365.69564 1.10308658e-05 589.255651
7954.95129 1.12005714e-05 589.255651
8544.20694 8.14587012e-06 589.255651
9133.46259 5.09116882e-06 589.255651
9722.71824 4.24264069e-06 589.255651
10311.9739 2.71529004e-06 589.255651
10901.2295 1.18793939e-06 589.255651
11490.4852 1.18793939e-06 589.255651
12079.7408 1.8667619e-06 589.255651
12668.9965 1.01823376e-06 589.255651
13258.2521 3.39411255e-07 589.255651
13847.5078 0 589.255651
14436.7634 1.69705627e-07 589.255651
15026.0191 3.39411255e-07 589.255651
15615.2748 0 589.255651
16204.5304 0 589.255651
16793.7861 0 589.255651
17383.0417 0 589.255651
EOD
$zero1_4 << EOD
0 0.4903
EOD
$h1_5 << EOD
2083.33333 1.6512e-05 4166.66667
6250 1.6968e-05 4166.66667
10416.6667 1.548e-05 4166.66667
14583.3333 1.4736e-05 4166.66667
18750 1.188e-05 4166.66667
22916.6667 9.576e-06 4166.66667
27083.3333 7.92e-06 4166.66667
31250 6.192e-06 4166.66667
35416.6667 4.776e-06 4166.66667
39583.3333 3.336e-06 4166.66667
43750 3.096e-06 4166.66667
47916.6667 2.496e-06 4166.66667
52083.3333 1.728e-06 4166.66667
56250 1.248e-06 4166.66667
60416.6667 9.36e-07 4166.66667
64583.3333 1.152e-06 4166.66667
68750 4.8e-07 4166.66667
72916.6667 4.32e-07 4166.66667
77083.3333 3.36e-07 4166.66667
81250 1.2e-07 4166.66667
85416.6667 1.2e-07 4166.66667
89583.3333 1.44e-07 4166.66667
93750 4.8e-08 4166.66667
97916.6667 7.2e-08 4166.66667
102083.333 2.4e-08 4166.66667
106250 0 4166.66667
110416.667 0 4166.66667
114583.333 0 4166.66667
118750 0 4166.66667
122916.667 0 4166.66667
EOD
$zero1_5 << EOD
0 0.5008
EOD
$h2_1 << EOD
0.00833333333 4.08 0.0166666667
0.025 4.026 0.0166666667
0.0416666667 3.51 0.0166666667
0.0583333333 3.3 0.0166666667
0.075 3.06 0.0166666667
0.0916666667 2.706 0.0166666667
0.108333333 1.824 0.0166666667
0.125 1.992 0.0166666667
0.141666667 1.548 0.0166666667
0.158333333 1.134 0.0166666667
0.175 0.786 0.0166666667
0.191666667 0.522 0.0166666667
0.208333333 0.402 0.0166666667
0.225 0.348 0.0166666667
0.241666667 0.162 0.0166666667
0.258333333 0.18 0.0166666667
0.275 0.096 0.0166666667
0.291666667 0.072 0.0166666667
0.308333333 0.042 0.0166666667
0.325 0.036 0.0166666667
0.341666667 0.024 0.0166666667
0.358333333 0.006 0.0166666667
0.375 0 0.0166666667
0.391666667 0 0.0166666667
0.408333333 0 0.0166666667
0.425 0 0.0166666667
0.441666667 0 0.0166666667
0.458333333 0 0.0166666667
0.475 0 0.0166666667
0.491666667 0 0.0166666667
EOD
$zero2_1 << EOD
0 0.5024
EOD
$h2_2 << EOD
0.000589255651 57.6999133 0.0011785113
0.00176776695 56.6816796 0.0011785113
0.00294627825 51.3359523 0.0011785113
0.00412478956 50.1480129 0.0011785113
0.00530330086 41.4081731 0.0011785113
0.00648181216 33.9411255 0.0011785113
0.00766032346 29.5287792 0.0011785113
0.00883883476 25.2861385 0.0011785113
0.0100173461 21.5526147 0.0011785113
0.0111958574 15.6129177 0.0011785113
0.0123743687 11.1157186 0.0011785113
0.01355288 8.90954544 0.0011785113
0.0147313913 4.3274935 0.0011785113
0.0159099026 3.98808225 0.0011785113
0.0170884139 3.56381818 0.0011785113
0.0182669252 2.03646753 0.0011785113
0.0194454365 1.35764502 0.0011785113
0.0206239478 1.10308658 0.0011785113
0.0218024591 0.67882251 0.0011785113
0.0229809704 0.509116882 0.0011785113
0.0241594817 0.254558441 0.0011785113
0.025337993 0.169705627 0.0011785113
0.0265165043 0.169705627 0.0011785113
0.0276950156 0.0848528137 0.0011785113
0.0288735269 0.0848528137 0.0011785113
0.0300520382 0 0.0011785113
0.0312305495 0 0.0011785113
0.0324090608 0 0.0011785113
0.0335875721 0 0.0011785113
0.0347660834 0 0.0011785113
EOD
$zero2_2 << EOD
0 0.5032
EOD
$h2_3 << EOD
4.16666667e-05 852 8.33333333e-05
0.000125 804 8.33333333e-05
0.000208333333 750 8.33333333e-05
0.000291666667 734.4 8.33333333e-05
0.000375 613.2 8.33333333e-05
0.000458333333 484.8 8.33333333e-05
0.000541666667 416.4 8.33333333e-05
0.000625 332.4 8.33333333e-05
0.000708333333 248.4 8.33333333e-05
0.000791666667 192 8.33333333e-05
0.000875 122.4 8.33333333e-05
0.000958333333 105.6 8.33333333e-05
0.00104166667 88.8 8.33333333e-05
0.001125 62.4 8.33333333e-05
0.00120833333 38.4 8.33333333e-05
0.00129166667 33.6 8.33333333e-05
0.001375 20.4 8.33333333e-05
0.00145833333 22.8 8.33333333e-05
0.00154166667 7.2 8.33333333e-05
0.001625 3.6 8.33333333e-05
0.00170833333 4.8 8.33333333e-05
0.00179166667 6 8.33333333e-05
0.001875 2.4 8.33333333e-05
0.00195833333 1.2 8.33333333e-05
0.00204166667 1.2 8.33333333e-05
0.002125 0 8.33333333e-05
0.00220833333 1.2 8.33333333e-05
0.00229166667 0 8.33333333e-05
0.002375 1.2 8.33333333e-05
0.00245833333 0 8.33333333e-05
EOD
$zero2_3 << EOD
0 0.5041
EOD
$h2_4 << EOD
2.94627825e-06 12914.5983 5.89255651e-06
8.83883476e-06 11913.335 5.89255651e-06
1.47313913e-05 10623.5723 5.89255651e-06
2.06239478e-05 9503.51514 5.89255651e-06
2.65165043e-05 7993.13505 5.89255651e-06
3.24090608e-05 7093.69523 5.89255651e-06
3.83016173e-05 5379.66839 5.89255651e-06
4.41941738e-05 4870.55151 5.89255651e-06
5.00867303e-05 3665.64155 5.89255651e-06
5.59792868e-05 2443.76104 5.89255651e-06
6.18718434e-05 2172.23203 5.89255651e-06
6.77643999e-05 1578.26234 5.89255651e-06
7.36569564e-05 1204.90996 5.89255651e-06
7.95495129e-05 729.734198 5.89255651e-06
8.54420694e-05 610.940259 5.89255651e-06
9.13346259e-05 356.381818 5.89255651e-06
9.72271824e-05 288.499567 5.89255651e-06
0.000103119739 203.646753 5.89255651e-06
0.000109012295 169.705627 5.89255651e-06
0.000114904852 84.8528137 5.89255651e-06
0.000120797408 33.9411255 5.89255651e-06
0.000126689965 33.9411255 5.89255651e-06
0.000132582521 0 5.89255651e-06
0.000138475078 0 5.89255651e-06
0.000144367634 0 5.89255651e-06
0.000150260191 16.9705627 5.89255651e-06
0.000156152748 16.9705627 5.89255651e-06
0.000162045304 0 5.89255651e-06
0.000167937861 0 5.89255651e-06
0.000173830417 0 5.89255651e-06
EOD
$zero2_4 << EOD
0 0.5056
EOD
$h2_5 << EOD
2.08333333e-07 177360 4.16666667e-07
6.25e-07 169200 4.16666667e-07
1.04166667e-06 158160 4.16666667e-07
1.45833333e-06 144240 4.16666667e-07
1.875e-06 116160 4.16666667e-07
2.29166667e-06 108240 4.16666667e-07
2.70833333e-06 90720 4.16666667e-07
3.125e-06 63600 4.16666667e-07
3.54166667e-06 47760 4.16666667e-07
3.95833333e-06 34800 4.16666667e-07
4.375e-06 26880 4.16666667e-07
4.79166667e-06 19920 4.16666667e-07
5.20833333e-06 15120 4.16666667e-07
5.625e-06 11040 4.16666667e-07
6.04166667e-06 7440 4.16666667e-07
6.45833333e-06 6720 4.16666667e-07
6.875e-06 3360 4.16666667e-07
7.29166667e-06 1920 4.16666667e-07
7.70833333e-06 2160 4.16666667e-07
8.125e-06 1440 4.16666667e-07
8.54166667e-06 480 4.16666667e-07
8.95833333e-06 720 4.16666667e-07
9.375e-06 960 4.16666667e-07
9.79166667e-06 0 4.16666667e-07
1.02083333e-05 0 4.16666667e-07
1.0625e-05 0 4.16666667e-07
1.10416667e-05 0 4.16666667e-07
1.14583333e-05 0 4.16666667e-07
1.1875e-05 0 4.16666667e-07
1.22916667e-05 0 4.16666667e-07
EOD
$zero2_5 << EOD
0 0.4964
EOD
$h3_1 << EOD
0.0833333333 0.3972 0.166666667
0.25 0.3822 0.166666667
0.416666667 0.3498 0.166666667
0.583333333 0.3642 0.166666667
0.75 0.2988 0.166666667
0.916666667 0.2658 0.166666667
1.08333333 0.21 0.166666667
1.25 0.1884 0.166666667
1.41666667 0.1296 0.166666667
1.58333333 0.117 0.166666667
1.75 0.0804 0.166666667
1.91666667 0.0696 0.166666667
2.08333333 0.045 0.166666667
2.25 0.0324 0.166666667
2.41666667 0.0162 0.166666667
2.58333333 0.0168 0.166666667
2.75 0.009 0.166666667
2.91666667 0.006 0.166666667
3.08333333 0.0018 0.166666667
3.25 0.0024 0.166666667
3.41666667 0.0018 0.166666667
3.58333333 0 0.166666667
3.75 0 0.166666667
3.91666667 0.0012 0.166666667
4.08333333 0 0.166666667
4.25 0 0.166666667
4.41666667 0 0.166666667
4.58333333 0 0.166666667
4.75 0 0.166666667
4.91666667 0 0.166666667
EOD
$zero3_1 << EOD
0 0.5024
EOD
$h3_2 << EOD
0.0589255651 0.55578593 0.11785113
0.176776695 0.599060865 0.11785113
0.294627825 0.531178614 0.11785113
0.412478956 0.489600735 0.11785113
0.530330086 0.418324372 0.11785113
0.648181216 0.349593593 0.11785113
0.766032346 0.289348095 0.11785113
0.883883476 0.230799653 0.11785113
1.00173461 0.198555584 0.11785113
1.11958574 0.15018948 0.11785113
1.23743687 0.107763073 0.11785113
1.355288 0.08654987 0.11785113
1.47313913 0.0661851947 0.11785113
1.59099026 0.0483661038 0.11785113
1.70884139 0.0339411255 0.11785113
1.82669252 0.018667619 0.11785113
1.94454365 0.0118793939 0.11785113
2.06239478 0.00509116882 0.11785113
2.18024591 0.00848528137 0.11785113
2.29809704 0.00509116882 0.11785113
2.41594817 0.00509116882 0.11785113
2.5337993 0.000848528137 0.11785113
2.65165043 0 0.11785113
2.76950156 0.00169705627 0.11785113
2.88735269 0 0.11785113
3.00520382 0 0.11785113
3.12305495 0 0.11785113
3.24090608 0 0.11785113
3.35875721 0 0.11785113
3.47660834 0 0.11785113
EOD
$zero3_2 << EOD
0 0.5036
EOD
$h3_3 << EOD
0.0416666667 0.864 0.0833333333
0.125 0.7596 0.0833333333
0.208333333 0.732 0.0833333333
0.291666667 0.6564 0.0833333333
0.375 0.6552 0.0833333333
0.458333333 0.5388 0.0833333333
0.541666667 0.4128 0.0833333333
0.625 0.3588 0.0833333333
0.708333333 0.3084 0.0833333333
0.791666667 0.2316 0.0833333333
0.875 0.1608 0.0833333333
0.958333333 0.12 0.0833333333
1.04166667 0.0792 0.0833333333
1.125 0.0564 0.0833333333
1.20833333 0.0396 0.0833333333
1.29166667 0.0432 0.0833333333
1.375 0.0168 0.0833333333
1.45833333 0.0144 0.0833333333
1.54166667 0.0108 0.0833333333
1.625 0.0012 0.0833333333
1.70833333 0.0012 0.0833333333
1.79166667 0.0036 0.0833333333
1.875 0.0048 0.0833333333
1.95833333 0 0.0833333333
2.04166667 0.0024 0.0833333333
2.125 0 0.0833333333
2.20833333 0.0012 0.0833333333
2.29166667 0 0.0833333333
2.375 0 0.0833333333
2.45833333 0 0.0833333333
EOD
$zero3_3 << EOD
0 0.4939
EOD
$h3_4 << EOD
0.0147313913 1.21848641 0.0294627825
0.0441941738 1.25582164 0.0294627825
0.0736569564 1.14721004 0.0294627825
0.103119739 1.12684537 0.0294627825
0.132582521 1.0012632 0.0294627825
0.162045304 1.05217489 0.0294627825
0.191508087 0.916410388 0.0294627825
0.220970869 0.933380951 0.0294627825
0.250433652 0.82476935 0.0294627825
0.279896434 0.784039999 0.0294627825
0.309359217 0.729734198 0.0294627825
0.338821999 0.614334371 0.0294627825
0.368284782 0.614334371 0.0294627825
0.397747564 0.526087445 0.0294627825
0.427210347 0.597363809 0.0294627825
0.45667313 0.393717056 0.0294627825
0.486135912 0.444628744 0.0294627825
0.515598695 0.410687619 0.0294627825
0.545061477 0.386928831 0.0294627825
0.57452426 0.288499567 0.0294627825
0.603987042 0.251164329 0.0294627825
0.633449825 0.213829091 0.0294627825
0.662912607 0.152735065 0.0294627825
0.69237539 0.139158615 0.0294627825
0.721838172 0.139158615 0.0294627825
0.751300955 0.0882469263 0.0294627825
0.780763738 0.0814587012 0.0294627825
0.81022652 0.0746704761 0.0294627825
0.839689303 0.0644881384 0.0294627825
0.869152085 0.0746704761 0.0294627825
0.898614868 0.0509116882 0.0294627825
0.92807765 0.0305470129 0.0294627825
0.957540433 0.0407293506 0.0294627825
0.987003215 0.0305470129 0.0294627825
1.016466 0.0135764502 0.0294627825
1.04592878 0.0169705627 0.0294627825
1.07539156 0.0135764502 0.0294627825
1.10485435 0.0203646753 0.0294627825
1.13431713 0.0169705627 0.0294627825
1.16377991 0.00339411255 0.0294627825
1.19324269 0.0169705627 0.0294627825
1.22270548 0.0135764502 0.0294627825
1.25216826 0.0101823376 0.0294627825
1.28163104 0.0101823376 0.0294627825
1.31109382 0.00339411255 0.0294627825
1.34055661 0.00339411255 0.0294627825
1.37001939 0 0.0294627825
1.39948217 0.00339411255 0.0294627825
1.42894495 0 0.0294627825
1.45840774 0 0.0294627825
1.48787052 0.00339411255 0.0294627825
1.5173333 0 0.0294627825
1.54679608 0 0.0294627825
1.57625887 0.00339411255 0.0294627825
1.60572165 0 0.0294627825
1.63518443 0 0.0294627825
1.66464721 0 0.0294627825
1.69411 0 0.0294627825
1.72357278 0 0.0294627825
1.75303556 0 0.0294627825
EOD
$zero3_4 << EOD
0 0.5034
EOD
$h3_5 << EOD
0.0208333333 1.7424 0.0416666667
0.0625 1.6512 0.0416666667
0.104166667 1.4664 0.0416666667
0.145833333 1.2072 0.0416666667
0.1875 1.1376 0.0416666667
0.229166667 1.0104 0.0416666667
0.270833333 0.8424 0.0416666667
0.3125 0.732 0.0416666667
0.354166667 0.54 0.0416666667
0.395833333 0.408 0.0416666667
0.4375 0.3144 0.0416666667
0.479166667 0.264 0.0416666667
0.520833333 0.1416 0.0416666667
0.5625 0.1056 0.0416666667
0.604166667 0.084 0.0416666667
0.645833333 0.084 0.0416666667
0.6875 0.0336 0.0416666667
0.729166667 0.0288 0.0416666667
0.770833333 0.0288 0.0416666667
0.8125 0.0264 0.0416666667
0.854166667 0.0144 0.0416666667
0.895833333 0.0144 0.0416666667
0.9375 0.0096 0.0416666667
0.979166667 0.012 0.0416666667
1.02083333 0 0.0416666667
1.0625 0 0.0416666667
1.10416667 0 0.0416666667
1.14583333 0 0.0416666667
1.1875 0.0024 0.0416666667
1.22916667 0 0.0416666667
EOD
$zero3_5 << EOD
0 0.504
EOD
$h4_1 << EOD
0.11785113 0.280438549 0.23570226
0.353553391 0.283408398 0.23570226
0.589255651 0.240557727 0.23570226
0.824957911 0.240557727 0.23570226
1.06066017 0.204495281 0.23570226
1.29636243 0.173948268 0.23570226
1.53206469 0.15018948 0.23570226
1.76776695 0.153159329 0.23570226
2.00346921 0.109884394 0.23570226
2.23917147 0.0806101731 0.23570226
2.47487373 0.0661851947 0.23570226
2.71057599 0.0479418398 0.23570226
2.94627825 0.0394565584 0.23570226
3.18198052 0.024607316 0.23570226
3.41768278 0.0156977705 0.23570226
3.65338504 0.00593969696 0.23570226
3.8890873 0.00381837662 0.23570226
4.12478956 0.00424264069 0.23570226
4.36049182 0.00296984848 0.23570226
4.59619408 0.00169705627 0.23570226
4.83189634 0 0.23570226
5.0675986 0.000424264069 0.23570226
5.30330086 0 0.23570226
5.53900312 0 0.23570226
5.77470538 0.000848528137 0.23570226
6.01040764 0 0.23570226
6.2461099 0 0.23570226
6.48181216 0 0.23570226
6.71751442 0.000424264069 0.23570226
6.95321668 0 0.23570226
EOD
$zero4_1 << EOD
0 0.4976
EOD
$h4_2 << EOD
0.11785113 0.280438549 0.23570226
0.353553391 0.278741493 0.23570226
0.589255651 0.270256212 0.23570226
0.824957911 0.224859956 0.23570226
1.06066017 0.225708485 0.23570226
1.29636243 0.18667619 0.23570226
1.53206469 0.148916688 0.23570226
1.76776695 0.128127749 0.23570226
2.00346921 0.0984292639 0.23570226
2.23917147 0.0784888527 0.23570226
2.47487373 0.0695793073 0.23570226
2.71057599 0.0466690476 0.23570226
2.94627825 0.0322440692 0.23570226
3.18198052 0.0263043723 0.23570226
3.41768278 0.0152735065 0.23570226
3.65338504 0.00890954544 0.23570226
3.8890873 0.00721248917 0.23570226
4.12478956 0.00721248917 0.23570226
4.36049182 0.00254558441 0.23570226
4.59619408 0.00339411255 0.23570226
4.83189634 0.000848528137 0.23570226
5.0675986 0.000424264069 0.23570226
5.30330086 0.000848528137 0.23570226
5.53900312 0.000424264069 0.23570226
5.77470538 0 0.23570226
6.01040764 0 0.23570226
6.2461099 0 0.23570226
6.48181216 0 0.23570226
6.71751442 0 0.23570226
6.95321668 0 0.23570226
EOD
$zero4_2 << EOD
0 0.495
EOD
$h4_3 << EOD
0.11785113 0.272377532 0.23570226
0.353553391 0.274498852 0.23570226
0.589255651 0.250740065 0.23570226
0.824957911 0.22528422 0.23570226
1.06066017 0.207889394 0.23570226
1.29636243 0.204495281 0.23570226
1.53206469 0.159947554 0.23570226
1.76776695 0.116672619 0.23570226
2.00346921 0.092489567 0.23570226
2.23917147 0.0700035713 0.23570226
2.47487373 0.0644881384 0.23570226
2.71057599 0.0483661038 0.23570226
2.94627825 0.0377595021 0.23570226
3.18198052 0.0165462987 0.23570226
3.41768278 0.0178190909 0.23570226
3.65338504 0.0127279221 0.23570226
3.8890873 0.00636396103 0.23570226
4.12478956 0.00509116882 0.23570226
4.36049182 0.00381837662 0.23570226
4.59619408 0.00509116882 0.23570226
4.83189634 0.00169705627 0.23570226
5.0675986 0.00254558441 0.23570226
5.30330086 0.000848528137 0.23570226
5.53900312 0.000424264069 0.23570226
5.77470538 0 0.23570226
6.01040764 0 0.23570226
6.2461099 0 0.23570226
6.48181216 0 0.23570226
6.71751442 0 0.23570226
6.95321668 0 0.23570226
EOD
$zero4_3 << EOD
0 0.5055
EOD
$h4_4 << EOD
0.11785113 0.280862813 0.23570226
0.353553391 0.283832662 0.23570226
0.589255651 0.254134177 0.23570226
0.824957911 0.235890822 0.23570226
1.06066017 0.218920259 0.23570226
1.29636243 0.182009285 0.23570226
1.53206469 0.141704199 0.23570226
1.76776695 0.123885108 0.23570226
2.00346921 0.0903682466 0.23570226
2.23917147 0.0721248917 0.23570226
2.47487373 0.0598212337 0.23570226
2.71057599 0.0407293506 0.23570226
2.94627825 0.0398808225 0.23570226
3.18198052 0.0229102597 0.23570226
3.41768278 0.0190918831 0.23570226
3.65338504 0.0140007143 0.23570226
3.8890873 0.00848528137 0.23570226
4.12478956 0.00551543289 0.23570226
4.36049182 0.00424264069 0.23570226
4.59619408 0.00424264069 0.23570226
4.83189634 0.00127279221 0.23570226
5.0675986 0.00212132034 0.23570226
5.30330086 0.000848528137 0.23570226
5.53900312 0.000424264069 0.23570226
5.77470538 0.000424264069 0.23570226
6.01040764 0 0.23570226
6.2461099 0 0.23570226
6.48181216 0.000424264069 0.23570226
6.71751442 0 0.23570226
6.95321668 0 0.23570226
EOD
$zero4_4 << EOD
0 0.5031
EOD
$h4_5 << EOD
0.11785113 0.285529718 0.23570226
0.353553391 0.285105454 0.23570226
0.589255651 0.286378246 0.23570226
0.824957911 0.227829805 0.23570226
1.06066017 0.19813132 0.23570226
1.29636243 0.160796082 0.23570226
1.53206469 0.142552727 0.23570226
1.76776695 0.11370277 0.23570226
2.00346921 0.098853528 0.23570226
2.23917147 0.0708520995 0.23570226
2.47487373 0.0509116882 0.23570226
2.71057599 0.0479418398 0.23570226
2.94627825 0.0267286363 0.23570226
3.18198052 0.0250315801 0.23570226
3.41768278 0.0237587878 0.23570226
3.65338504 0.0118793939 0.23570226
3.8890873 0.00933380951 0.23570226
4.12478956 0.00636396103 0.23570226
4.36049182 0.00466690476 0.23570226
4.59619408 0.00296984848 0.23570226
4.83189634 0.00169705627 0.23570226
5.0675986 0.00254558441 0.23570226
5.30330086 0.00127279221 0.23570226
5.53900312 0.000424264069 0.23570226
5.77470538 0 0.23570226
6.01040764 0 0.23570226
6.2461099 0.000424264069 0.23570226
6.48181216 0 0.23570226
6.71751442 0 0.23570226
6.95321668 0 0.23570226
EOD
$zero4_5 << EOD
0 0.5084
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
set multiplot title 'Histograms of relu(z) by layer (100 units, N(0, 1) inputs)'
unset key

# normal:1, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 1' offset 0,-0.5
set ylabel 'normal:1'
unset xlabel
set xrange [0:50]
set yrange [0:0.051636]
set xtics tick_step((50) - (0), (panel_r(0) - panel_l(0)) / (9 * char_width))
set ytics tick_step((0.051636) - (0), ((panel_t(0) - panel_b(0)) / (1.8 * line_height) < 3) ? 3 : (panel_t(0) - panel_b(0)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 5.9' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 1 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.51' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h1_1 using 1:2:3 with boxes linetype 1 fillstyle solid 0.6 noborder notitle

# normal:1, layer 2
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 2' offset 0,-0.5
unset ylabel
unset xlabel
set xrange [0:353.553391]
set yrange [0:0.00736862]
set xtics tick_step((353.553391) - (0), (panel_r(1) - panel_l(1)) / (9 * char_width))
set ytics tick_step((0.00736862) - (0), ((panel_t(0) - panel_b(0)) / (1.8 * line_height) < 3) ? 3 : (panel_t(0) - panel_b(0)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 41' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 1 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h1_2 using 1:2:3 with boxes linetype 1 fillstyle solid 0.6 noborder notitle

# normal:1, layer 3
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 3' offset 0,-0.5
unset ylabel
unset xlabel
set xrange [0:2500]
set yrange [0:0.00111852]
set xtics tick_step((2500) - (0), (panel_r(2) - panel_l(2)) / (9 * char_width))
set ytics tick_step((0.00111852) - (0), ((panel_t(0) - panel_b(0)) / (1.8 * line_height) < 3) ? 3 : (panel_t(0) - panel_b(0)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 293' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 1 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.49' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h1_3 using 1:2:3 with boxes linetype 1 fillstyle solid 0.6 noborder notitle

# normal:1, layer 4
set lmargin at screen panel_l(3)
set rmargin at screen panel_r(3)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 4' offset 0,-0.5
unset ylabel
unset xlabel
set xrange [0:17677.6695]
set yrange [0:0.000164581]
set xtics tick_step((17677.6695) - (0), (panel_r(3) - panel_l(3)) / (9 * char_width))
set ytics tick_step((0.000164581) - (0), ((panel_t(0) - panel_b(0)) / (1.8 * line_height) < 3) ? 3 : (panel_t(0) - panel_b(0)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 2.1×10^{3}' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 1 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.49' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h1_4 using 1:2:3 with boxes linetype 1 fillstyle solid 0.6 noborder notitle

# normal:1, layer 5
set lmargin at screen panel_l(4)
set rmargin at screen panel_r(4)
set tmargin at screen panel_t(0)
set bmargin at screen panel_b(0)
set title 'layer 5' offset 0,-0.5
unset ylabel
unset xlabel
set xrange [0:125000]
set yrange [0:2.20584e-05]
set xtics tick_step((125000) - (0), (panel_r(4) - panel_l(4)) / (9 * char_width))
set ytics tick_step((2.20584e-05) - (0), ((panel_t(0) - panel_b(0)) / (1.8 * line_height) < 3) ? 3 : (panel_t(0) - panel_b(0)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 1.5×10^{4}' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 1 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h1_5 using 1:2:3 with boxes linetype 1 fillstyle solid 0.6 noborder notitle

# normal:0.01, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
set ylabel 'normal:0.01'
unset xlabel
set xrange [0:0.5]
set yrange [0:5.304]
set xtics tick_step((0.5) - (0), (panel_r(0) - panel_l(0)) / (9 * char_width))
set ytics tick_step((5.304) - (0), ((panel_t(1) - panel_b(1)) / (1.8 * line_height) < 3) ? 3 : (panel_t(1) - panel_b(1)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 0.058' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 2 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h2_1 using 1:2:3 with boxes linetype 2 fillstyle solid 0.6 noborder notitle

# normal:0.01, layer 2
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
unset ylabel
unset xlabel
set xrange [0:0.0353553391]
set yrange [0:75.0099]
set xtics tick_step((0.0353553391) - (0), (panel_r(1) - panel_l(1)) / (9 * char_width))
set ytics tick_step((75.0099) - (0), ((panel_t(1) - panel_b(1)) / (1.8 * line_height) < 3) ? 3 : (panel_t(1) - panel_b(1)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 0.0041' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 2 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h2_2 using 1:2:3 with boxes linetype 2 fillstyle solid 0.6 noborder notitle

# normal:0.01, layer 3
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
unset ylabel
unset xlabel
set xrange [0:0.0025]
set yrange [0:1107.6]
set xtics tick_step((0.0025) - (0), (panel_r(2) - panel_l(2)) / (9 * char_width))
set ytics tick_step((1107.6) - (0), ((panel_t(1) - panel_b(1)) / (1.8 * line_height) < 3) ? 3 : (panel_t(1) - panel_b(1)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 2.9×10^{-4}' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 2 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h2_3 using 1:2:3 with boxes linetype 2 fillstyle solid 0.6 noborder notitle

# normal:0.01, layer 4
set lmargin at screen panel_l(3)
set rmargin at screen panel_r(3)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
unset ylabel
unset xlabel
set xrange [0:0.000176776695]
set yrange [0:16789]
set xtics tick_step((0.000176776695) - (0), (panel_r(3) - panel_l(3)) / (9 * char_width))
set ytics tick_step((16789) - (0), ((panel_t(1) - panel_b(1)) / (1.8 * line_height) < 3) ? 3 : (panel_t(1) - panel_b(1)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 2×10^{-5}' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 2 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.51' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h2_4 using 1:2:3 with boxes linetype 2 fillstyle solid 0.6 noborder notitle

# normal:0.01, layer 5
set lmargin at screen panel_l(4)
set rmargin at screen panel_r(4)
set tmargin at screen panel_t(1)
set bmargin at screen panel_b(1)
unset title
unset ylabel
unset xlabel
set xrange [0:1.25e-05]
set yrange [0:230568]
set xtics tick_step((1.25e-05) - (0), (panel_r(4) - panel_l(4)) / (9 * char_width))
set ytics tick_step((230568) - (0), ((panel_t(1) - panel_b(1)) / (1.8 * line_height) < 3) ? 3 : (panel_t(1) - panel_b(1)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 1.4×10^{-6}' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 2 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h2_5 using 1:2:3 with boxes linetype 2 fillstyle solid 0.6 noborder notitle

# scaled, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
set ylabel 'scaled'
unset xlabel
set xrange [0:5]
set yrange [0:0.51636]
set xtics tick_step((5) - (0), (panel_r(0) - panel_l(0)) / (9 * char_width))
set ytics tick_step((0.51636) - (0), ((panel_t(2) - panel_b(2)) / (1.8 * line_height) < 3) ? 3 : (panel_t(2) - panel_b(2)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 0.58' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 3 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h3_1 using 1:2:3 with boxes linetype 3 fillstyle solid 0.6 noborder notitle

# scaled, layer 2
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
unset ylabel
unset xlabel
set xrange [0:3.53553391]
set yrange [0:0.778779]
set xtics tick_step((3.53553391) - (0), (panel_r(1) - panel_l(1)) / (9 * char_width))
set ytics tick_step((0.778779) - (0), ((panel_t(2) - panel_b(2)) / (1.8 * line_height) < 3) ? 3 : (panel_t(2) - panel_b(2)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 0.41' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 3 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h3_2 using 1:2:3 with boxes linetype 3 fillstyle solid 0.6 noborder notitle

# scaled, layer 3
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
unset ylabel
unset xlabel
set xrange [0:2.5]
set yrange [0:1.1232]
set xtics tick_step((2.5) - (0), (panel_r(2) - panel_l(2)) / (9 * char_width))
set ytics tick_step((1.1232) - (0), ((panel_t(2) - panel_b(2)) / (1.8 * line_height) < 3) ? 3 : (panel_t(2) - panel_b(2)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 0.29' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 3 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.49' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h3_3 using 1:2:3 with boxes linetype 3 fillstyle solid 0.6 noborder notitle

# scaled, layer 4
set lmargin at screen panel_l(3)
set rmargin at screen panel_r(3)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
unset ylabel
unset xlabel
set xrange [0:1.76776695]
set yrange [0:1.63257]
set xtics tick_step((1.76776695) - (0), (panel_r(3) - panel_l(3)) / (9 * char_width))
set ytics tick_step((1.63257) - (0), ((panel_t(2) - panel_b(2)) / (1.8 * line_height) < 3) ? 3 : (panel_t(2) - panel_b(2)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 0.21' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 3 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h3_4 using 1:2:3 with boxes linetype 3 fillstyle solid 0.6 noborder notitle

# scaled, layer 5
set lmargin at screen panel_l(4)
set rmargin at screen panel_r(4)
set tmargin at screen panel_t(2)
set bmargin at screen panel_b(2)
unset title
unset ylabel
unset xlabel
set xrange [0:1.25]
set yrange [0:2.26512]
set xtics tick_step((1.25) - (0), (panel_r(4) - panel_l(4)) / (9 * char_width))
set ytics tick_step((2.26512) - (0), ((panel_t(2) - panel_b(2)) / (1.8 * line_height) < 3) ? 3 : (panel_t(2) - panel_b(2)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 0.15' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 3 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h3_5 using 1:2:3 with boxes linetype 3 fillstyle solid 0.6 noborder notitle

# he-normal, layer 1
set lmargin at screen panel_l(0)
set rmargin at screen panel_r(0)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
set ylabel 'he-normal'
set xlabel 'relu(z)' offset 0,0.3
set xrange [0:7.07106781]
set yrange [0:0.368431]
set xtics tick_step((7.07106781) - (0), (panel_r(0) - panel_l(0)) / (9 * char_width))
set ytics tick_step((0.368431) - (0), ((panel_t(3) - panel_b(3)) / (1.8 * line_height) < 3) ? 3 : (panel_t(3) - panel_b(3)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 0.84' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 4 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h4_1 using 1:2:3 with boxes linetype 4 fillstyle solid 0.6 noborder notitle

# he-normal, layer 2
set lmargin at screen panel_l(1)
set rmargin at screen panel_r(1)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
unset ylabel
set xlabel 'relu(z)' offset 0,0.3
set xrange [0:7.07106781]
set yrange [0:0.36457]
set xtics tick_step((7.07106781) - (0), (panel_r(1) - panel_l(1)) / (9 * char_width))
set ytics tick_step((0.36457) - (0), ((panel_t(3) - panel_b(3)) / (1.8 * line_height) < 3) ? 3 : (panel_t(3) - panel_b(3)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 0.84' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 4 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.49' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h4_2 using 1:2:3 with boxes linetype 4 fillstyle solid 0.6 noborder notitle

# he-normal, layer 3
set lmargin at screen panel_l(2)
set rmargin at screen panel_r(2)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
unset ylabel
set xlabel 'relu(z)' offset 0,0.3
set xrange [0:7.07106781]
set yrange [0:0.356849]
set xtics tick_step((7.07106781) - (0), (panel_r(2) - panel_l(2)) / (9 * char_width))
set ytics tick_step((0.356849) - (0), ((panel_t(3) - panel_b(3)) / (1.8 * line_height) < 3) ? 3 : (panel_t(3) - panel_b(3)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 0.84' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 4 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.51' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h4_3 using 1:2:3 with boxes linetype 4 fillstyle solid 0.6 noborder notitle

# he-normal, layer 4
set lmargin at screen panel_l(3)
set rmargin at screen panel_r(3)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
unset ylabel
set xlabel 'relu(z)' offset 0,0.3
set xrange [0:7.07106781]
set yrange [0:0.368982]
set xtics tick_step((7.07106781) - (0), (panel_r(3) - panel_l(3)) / (9 * char_width))
set ytics tick_step((0.368982) - (0), ((panel_t(3) - panel_b(3)) / (1.8 * line_height) < 3) ? 3 : (panel_t(3) - panel_b(3)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 0.85' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 4 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.50' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
plot $h4_4 using 1:2:3 with boxes linetype 4 fillstyle solid 0.6 noborder notitle

# he-normal, layer 5
set lmargin at screen panel_l(4)
set rmargin at screen panel_r(4)
set tmargin at screen panel_t(3)
set bmargin at screen panel_b(3)
unset title
unset ylabel
set xlabel 'relu(z)' offset 0,0.3
set xrange [0:7.07106781]
set yrange [0:0.372292]
set xtics tick_step((7.07106781) - (0), (panel_r(4) - panel_l(4)) / (9 * char_width))
set ytics tick_step((0.372292) - (0), ((panel_t(3) - panel_b(3)) / (1.8 * line_height) < 3) ? 3 : (panel_t(3) - panel_b(3)) / (1.8 * line_height))
set format x '%.2h'
set format y '%.2h'
set label 1 'sd 0.84' at graph 0.97, graph 0.9 right font smallfont front
set arrow 1 from first 0, graph 0 to first 0, graph 0.97 linetype 4 linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front
set label 2 'P(0) = 0.51' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front
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
