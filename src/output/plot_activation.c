/* plot_activation.c — figure 3 of a run: the activation and its slope
 * against z, with where each scheme's z lies (plot-int.h). */

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
 * Figure 3: the activation and where z sits
 * ====================================================================== */

/* Figure 3's right axis, the densities', with its 0 level with the left
 * axis' 0 (φ may go below 0: tanh, the left axis from ymin < 0): the same
 * share of the panel below 0 on both, ticks from 0 up only. */
static void density_axis_aligned(ctx *c)
{
    out(c, "# the densities' 0 level with phi's 0: the same share of the panel below it\n"
           "y2bottom = (ymin < 0) ? y2top * ymin / ymax : 0\n"
           "set y2range [y2bottom:y2top]\n"
           "set y2tics 0, tick_step(y2top, panel_h * y2top / (y2top - y2bottom) / (1.8 * line_height))\n");
}

/* Figure 3's header: what it shows (and `note`, when the canvas grew). */
static void activation_header(ctx *c, int zoom, const char *note)
{
    const char *an = c->c->activation->name;
    char l1[200];
    snprintf(l1, sizeof l1, "%s(z) and its slope %s'(z) over z, with the density of z under", an,
             an);
    const char *about[] = {
        l1,
        "each scheme behind them (outlines, true densities on the right axis): where the",
        "mass of z sits against where the activation has slope.  Beside the plot,",
        "the mean slope E[phi'(z)] of every scheme, by formula and sampled: a",
        "unit learns at a rate proportional to it.",
        "Below (beside it over a legend below the plot), the same zoomed on the middle.",
    };
    const char *lines[sizeof about / sizeof about[0] + 2];
    size_t nl = 0;
    for (size_t k = 0; k < sizeof about / sizeof about[0]; k++)
        if (k + 1 < sizeof about / sizeof about[0] || zoom)
            lines[nl++] = about[k];
    if (note[0]) {
        lines[nl++] = "";
        lines[nl++] = note;
    }
    char headline[160];
    snprintf(headline, sizeof headline, "%s(z), %s'(z) and where z sits", an, an);
    satstat__pl_header(c, headline, lines, nl);
}

static double formula_slope(const sview *v)
{
    return v->a->mean_activation_derivative;
}

static double sampled_slope(const sview *v)
{
    return satstat_summary_dphi(v->s)->mean;
}

/* Figure 3's mean slopes, by formula and sampled, one scheme a row. */
static void slope_rows(ctx *c)
{
    const satstat_activation *act = c->c->activation;
    char m1[SATSTAT__FIG_NUM_SIZE];
    char what[64];
    snprintf(what, sizeof what, "mean slope E[%s′(z)]", act->name);
    satstat__pl_formula_rows(c, formula_slope, sampled_slope, what);
    satstat__fig_num(act->dphi_max, 3, m1);
    satstat__pl_text_line(c, "(%s′ is at most %s)", act->name, m1);
    satstat__pl_mark_tex(c);
}

/* The activation's range over the z axis, for the left axis. */
typedef struct phi_axis {
    double lo, hi, top;
    int clipped; /* it grows without bound: cut, and the legend says so */
} phi_axis;

/* The layers of the densities of z: one outline per scheme (right axis).
 * With the zoom the legend goes below the panels: "standard: density", short
 * enough for two columns at 3.5 in, the right axis said once in a row of
 * text (its four rows in one column left the panels 37 % of the height:
 * figure review 18, S4). */
static void activation_density_layers(ctx *c, int zoom)
{
    char t[ELEM_TITLE], src[ELEM_SRC];
    c->nel = 0;
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        snprintf(t, sizeof t, zoom ? "%s: density" : "%s: density of z (right)", v->name);
        /* true densities as solid outlines in the scheme's colour (a dash
         * breaks up a histogram's steps; the black curves keep the dashes):
         * no fills, whose overlaps would mix into a colour no swatch has */
        if (v->constant) {
            /* a point mass has no density: a spike to the top of the axis */
            snprintf(t, sizeof t, "%s: point mass (right)", v->name);
            snprintf(src, sizeof src, "$mass%zu using 1:(y2top) axes x1y2", i + 1);
            satstat__pl_add(c, src, t, "with impulses linetype %zu linewidth 8", i + 1);
        } else if (v->s) {
            snprintf(src, sizeof src, "$hist%zu using 1:2 axes x1y2", i + 1);
            satstat__pl_add(c, src, t, "with lines linetype %zu linewidth 2.5 dashtype 1", i + 1);
        } else {
            snprintf(src, sizeof src, "$pdf%zu using 1:2 axes x1y2", i + 1);
            satstat__pl_add(c, src, t, "with lines linetype %zu linewidth 2.5 dashtype 1", i + 1);
        }
    }
}

static phi_axis activation_axis(const ctx *c)
{
    const satstat_activation *act = c->c->activation;
    /* the left axis: the activation's whole range over the z axis (tanh
     * down to -1, not cut at 0); one that grows without bound (relu) is
     * clipped at CLIP_SLOPES x the largest slope, and the legend says so */
    double phi_lo = 0, phi_hi = 1;
    for (int k = 0; k <= 400; k++) {
        double z = -c->X + 2 * c->X * k / 400.0, y = act->phi(z);
        if (isfinite(y)) {
            phi_lo = fmin(phi_lo, y);
            phi_hi = fmax(phi_hi, y);
        }
    }
    double phi_cap = 2 * fmax(1.0, act->dphi_max);
    int clipped = phi_hi > phi_cap;
    if (clipped)
        phi_hi = phi_cap;
    if (phi_lo < -phi_cap)
        phi_lo = -phi_cap, clipped = 1;
    /* φ on the axis (a short label fits a small panel), named here */
    double phi_top = satstat__nice_ceil(phi_hi + (HEADROOM - 1) * (phi_hi - phi_lo));
    return (phi_axis){phi_lo, phi_hi, phi_top, clipped};
}

/* The activation and its slope (black, left axis), and the mean slopes. */
static void activation_curve_layers(ctx *c, const phi_axis *ax, int zoom)
{
    const char *an = c->c->activation->name;
    char m1[SATSTAT_DOUBLE_SIZE], t[ELEM_TITLE];
    double phi_top = ax->top;
    int clipped = ax->clipped;
    if (clipped)
        snprintf(t, sizeof t, "φ(z) = %s(z), leaves the plot at %s", an, satstat__pl_num3(phi_top, m1));
    else
        snprintf(t, sizeof t, "φ(z) = %s(z)", an);
    satstat__pl_add(c, "$act using 1:2", t, "with lines linecolor rgb ink linewidth 4 dashtype 1");
    snprintf(t, sizeof t, "φ′(z)");
    /* short dashes (in units of the line's width): several over even a
     * small panel's slope; dash_unit (the terminal's) keeps them the
     * PNG's length in SVG and PDF (gnuplot.c's dashlength) */
    satstat__pl_add(c, "$act using 1:3", t,
                    "with lines linecolor rgb ink linewidth 4 dashtype (6 * dash_unit, 4 * dash_unit)");
    /* a legend below the plot puts the zoom beside the whole axis, and
     * only the right panel's right axis is numbered (activation_panels):
     * without a word the left panel's densities had no scale */
    if (zoom) {
        satstat__pl_text_line(c, "densities, both panels: right panel's axis");
        satstat__pl_below_only(c);
    }
    if (c->ns <= SATSTAT__PALETTE_SIZE) {
        satstat__pl_text_line(c, " ");
        satstat__pl_text_line(c, "mean slope E[%s′(z)]", an);
        slope_rows(c);
    }
}

static void activation_numbers(ctx *c, const phi_axis *ax, int zoom, int panels)
{
    const char *an = c->c->activation->name;
    char m1[SATSTAT_DOUBLE_SIZE];
    double phi_lo = ax->lo, phi_hi = ax->hi, phi_top = ax->top;
    int clipped = ax->clipped;
    rule(c, "numbers");
    satstat__pl_assign(c, "zmax = %s\tthe z axis: mean +- %g sd of every scheme, at least +- %g T, rounded up\n",
        satstat__pl_num(c->X, m1), AXIS_SDS, AXIS_T);
    if (zoom)
        satstat__pl_assign(c, "zoom = %s\tbottom panel: +- %g, or +- %g T when that is wider\n",
            satstat__pl_num(c->Z, m1), ZOOM_MIN, ZOOM_T);
    {
        double span = phi_hi - phi_lo;
        /* a curve at 0 (relu for z < 0) would hide in the x axis: a margin */
        satstat__pl_assign(c, "ymin = %.3g\t%s(z)'s range over the z axis (left axis), with headroom\n",
               phi_lo < 0 ? -satstat__nice_ceil(-(phi_lo - (HEADROOM - 1) * span))
                          : -0.04 * phi_top, an);
        satstat__pl_assign(c, "ymax = %.3g\t... and its top%s\n", phi_top,
               clipped ? " (cut: it grows without bound)" : "");
    }
    /* the right axis: the highest density any scheme reaches in the panel */
    for (int p = 0; p < panels; p++) {
        double lo = p ? -c->Z : -c->X, hi = p ? c->Z : c->X, peak = 0;
        for (size_t i = 0; i < c->ns; i++)
            peak = fmax(peak, fmax(satstat__pl_hist_peak(c, i, lo, hi), satstat__pl_pdf_peak(c, i, lo, hi)));
        satstat__pl_assign(c, "%s = %s\t%g x the highest density in the %s panel, rounded up\n",
            p ? "y2zoom" : "y2max", satstat__pl_num_up(HEADROOM * (peak > 0 ? peak : 1.0), m1), HEADROOM,
            panels == 1 ? "" : p ? "bottom" : "top");
    }

}

/* The activation's table and each scheme's density. */
static void activation_data(ctx *c)
{
    const satstat_activation *act = c->c->activation;
    const char *an = act->name;
    rule(c, "data");
    double *grid;
    size_t ng = satstat__pl_merged_grid(-c->X, c->X, 2 * CURVE_POINTS, -c->Z, c->Z, 2 * CURVE_POINTS_ZOOM,
                            &grid);
    if (!grid) {
        fail(c, SATSTAT_ENOMEM);
        return;
    }
    out(c, "# The activation: z, %s(z), %s'(z); %d points over the axis and %d more\n"
           "# over the zoom, where it bends.\n",
        an, an, 2 * CURVE_POINTS + 1, 2 * CURVE_POINTS_ZOOM + 1);
    out(c, "$act << EOD\n");
    for (size_t k = 0; k < ng; k++) {
        /* a jump of the slope (relu's at 0) breaks the line: a blank row,
         * no vertical connector that the function does not have */
        if (k > 0 && fabs(act->dphi(grid[k]) - act->dphi(grid[k - 1])) > 0.25 * act->dphi_max
            && grid[k] - grid[k - 1] < 0.1)
            out(c, "\n");
        out(c, "%.10g %.7g %.7g\n", grid[k], act->phi(grid[k]), act->dphi(grid[k]));
    }
    out(c, "EOD\n");
    free(grid);
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        if (v->constant)
            satstat__pl_mass_block(c, i);
        else if (v->s)
            satstat__pl_hist_block(c, i);
        else
            satstat__pl_pdf_block(c, i, -c->X, c->X);
    }

}

static void activation_panels(ctx *c, int zoom, int panels)
{
    const char *an = c->c->activation->name;
    char t[ELEM_TITLE];
    rule(c, "title and axes");
    snprintf(t, sizeof t, "Where z sits against where %s has slope", an);
    satstat__pl_multiplot_title(c, t);
    out(c, "set xlabel 'z'\nset ylabel ");
    qstr(c, "φ(z), φ′(z)");
    out(c, "\nset y2label 'density of z'\n"
           "set border 11 linewidth 1.5   # left, bottom and right: the right axis is the densities'\n"
           "set y2tics nomirror out\n"
           "set yrange [ymin:ymax]\n");

    if (zoom)
        /* side by side (a small figure): each axis labelled once, on the
         * outer sides (the left panel's left axis, the right panel's
         * right one), the gap between the panels for tick labels only;
         * with four axis labels each plot was 0.3 in wide */
        /* The two panels share the density scale there (the higher
         * top of the two): the left panel's right axis has neither
         * numbers, which sat beside the right panel's φ numbers and the
         * two columns read as a table (figure review 7, S10), nor ticks,
         * which unnumbered read as a scale of their own (figure review
         * 8, S9); the right panel's right axis numbers it, and the room
         * the left one's numbers took goes to the left panel, whose x
         * axis had room for its two ends only. */
        out(c, "if (side_by_side) {\n"
               "    left_right = (plot_left + plot_right) / 2 - (0.015 + 3 * char_width)\n"
               "    right_left = (plot_left + plot_right) / 2 + (0.015 + 3 * char_width)\n"
               "    y2max = (y2zoom > y2max) ? y2zoom : y2max\n"
               "    y2zoom = y2max\n"
               "}\n");
    rule(c, zoom ? "top panel: the whole z axis" : "the plot");
    satstat__pl_panel(c, panels, 0);
    if (zoom)
        /* (and no right spine: a spine without ticks or numbers still
         * read as an axis of its own, scaled's peak 0.325 as 1.08 on the
         * φ numbers: figure review 26, S5) */
        out(c, "if (side_by_side) { unset y2label; set format y2 ''; set y2tics scale 0; set border 3 linewidth 1.5 }"
               "   # the right panel's scale\n");
    out(c, "set xrange [-zmax:zmax]\ny2top = y2max\n");
    satstat__pl_ticks(c, "-zmax", "zmax", "ymin", "ymax");
    density_axis_aligned(c);
    out(c, "# layer 1: the densities of z (outlines, right axis); layer 2: %s(z) and\n"
           "# %s'(z) (black, left axis)\n",
        an, an);
    satstat__pl_plot_layers(c);
    if (zoom) {
        rule(c, "bottom panel: the zoom");
        satstat__pl_panel(c, panels, 1);
        /* (the zoom's axis named so at every size: figure review 17, N14) */
        out(c, "set xlabel 'z (zoom)'\n"
               "if (side_by_side) { unset ylabel; set y2label 'density of z'; set format y2; set y2tics scale default;"
               " set border 11 linewidth 1.5 }\n");
        out(c, "set xrange [-zoom:zoom]\ny2top = y2zoom\n");
        satstat__pl_ticks(c, "-zoom", "zoom", "ymin", "ymax");
        density_axis_aligned(c);
        satstat__pl_plot_layers(c);
    }
    rule(c, "the legend and the numbers");
    satstat__pl_legend_panel(c);
}

void satstat__pl_fig_activation(ctx *c)
{
    int zoom = c->X > ZOOM_NEEDED * c->Z;
    int panels = zoom ? 2 : 1;
    /* the layers, the layout and the numbers first (held): a small figure
     * whose legend goes below the plot grows until the plot is at least
     * as tall as its legend (at 3.5 x 2.4 in the plot took 30 % of the
     * height, the legend most of the rest: figure review 17, S10); then
     * the header and the output section, which say the size */
    satstat__fig_body body;
    if (satstat__fig_body_begin(&c->g, &body) != SATSTAT_OK)
        return;
    activation_density_layers(c, zoom);
    phi_axis ax = activation_axis(c);
    activation_curve_layers(c, &ax, zoom);
    satstat__pl_layout_section(c, panels, 1);
    activation_numbers(c, &ax, zoom, panels);
    satstat__fig_body_hold(&c->g, &body);
    char note[400];
    unsigned asked_height = c->g.o.height;
    satstat__pl_fit_half(c, panels, note, sizeof note);
    activation_header(c, zoom, note);
    satstat__pl_output_section(c);
    if (note[0])
        satstat__fig_taller_note(&c->g, asked_height, "its legend below the plot needs it");
    satstat__pl_style_section(c, c->ns);
    satstat__fig_body_write(&c->g, &body);
    activation_data(c);
    if (c->g.err != SATSTAT_OK)
        return;
    activation_panels(c, zoom, panels);
}
