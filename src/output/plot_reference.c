/* plot_reference.c — figure 5 of a run: the standard normal density, the
 * reference the other figures' z axes are read against (plot-int.h). */

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/error.h>
#include <satstat/exact.h>
#include <satstat/parse.h>
#include <satstat/sampler.h>
#include <satstat/stats.h>

#include "output/plot-int.h"

/* ======================================================================
 * Figure 5: the standard normal density
 * ====================================================================== */

void satstat__pl_fig_normal(ctx *c)
{
    const char *about[] = {
        "The standard normal density phi(z) = exp(-z^2/2) / sqrt(2 pi): the shape",
        "of every Gaussian z after standardizing, (z - mean) / sd.  Shaded: the",
        "central 68.27 % (|z| <= 1) and 95.45 % (|z| <= 2) of its mass.  The curve",
        "is computed by gnuplot from the formula; there are no data.",
    };
    satstat__pl_header(c, "the standard normal density", about, sizeof about / sizeof about[0]);
    satstat__pl_output_section(c);
    satstat__pl_style_section(c, 0);
    c->nel = 0;
    /* opaque tints (the palette's sky blue and blue half-way to white):
     * 'solid 0.5' is a density over white in pngcairo but an opacity in
     * SVG, where the ±1σ band stacked over the ±2σ one came out darker
     * than its legend swatch */
    satstat__pl_add(c, "[z=-2:2] '+' using (z):(phi(z))", "95.45 % within ±2σ",
        "with filledcurves y1=0 fillcolor rgb '#AAD9F4' fillstyle solid 1.0");
    satstat__pl_add(c, "[z=-1:1] '+' using (z):(phi(z))", "68.27 % within ±1σ",
        "with filledcurves y1=0 fillcolor rgb '#80B9D9' fillstyle solid 1.0");
    /* not φ: figure 3 names the activation φ */
    satstat__pl_add(c, "[z=-zmax:zmax] '+' using (z):(phi(z))", "density of N(0, 1)",
        "with lines linecolor rgb ink linewidth 3 dashtype 1");
    satstat__pl_text_line(c, " ");
    satstat__pl_text_line(c, "p(x) = exp(−x²/2) / √(2π),");
    satstat__pl_text_line(c, "x = (z − μ)/σ");
    satstat__pl_text_line(c, "mean 0, variance 1");
    satstat__pl_text_line(c, "peak 1/√(2π) = 0.3989");
    satstat__pl_layout_section(c, 1, 0);

    rule(c, "numbers");
    satstat__pl_assign(c, "zmax = 4\tthe z axis: +- 4 sd holds all but 0.006 %% of the mass\n"
           "ymax = 0.45\ta little above the peak 1/sqrt(2 pi) = 0.3989\n"
           "set samples 801\tpoints on each curve: smooth at any size\n");
    rule(c, "the formula");
    out(c, "phi(z) = exp(-z**2 / 2) / sqrt(2 * pi)\n");

    rule(c, "title and axes");
    satstat__pl_multiplot_title(c, "Reference: the standard normal density");
    out(c, "# the standardised variable: x = (z − μ)/σ, not z itself\n"
           "set xlabel 'x = (z − μ)/σ'\nset ylabel 'density'\n");
    satstat__pl_panel(c, 1, 0);
    out(c, "set xrange [-zmax:zmax]\nset yrange [0:ymax]\n");
    satstat__pl_ticks(c, "-zmax", "zmax", "0", "ymax");
    rule(c, "layers 1, 2: the central 95.45 % and 68.27 %, shaded; layer 3: the curve");
    satstat__pl_plot_layers(c);
    rule(c, "the legend and the numbers");
    satstat__pl_legend_panel(c);
}
