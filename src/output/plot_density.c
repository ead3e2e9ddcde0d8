/* plot_density.c — figure 1 of a run: the density of z under one scheme,
 * formula beside the sampled histogram, the saturated region shaded, and
 * a tail inset where the tail's mass is too small to see (plot-int.h). */

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
 * Figure 1: the density of z under one scheme
 * ====================================================================== */

/* Figure 1's header: what it shows. */
static void density_header(ctx *c, size_t i, const char *law)
{
    const sview *v = &c->v[i];
    char m1[SATSTAT_DOUBLE_SIZE], headline[160], about[8][320];
    const char *ab[8];
    size_t na = 0;
    snprintf(headline, sizeof headline, "the density of z under the '%s' scheme", v->name);
    if (v->s)
        snprintf(about[na++], sizeof about[0],
                 "The pre-activation z = sum_j w_j x_j + b of %llu sampled neurons",
                 (unsigned long long)v->n);
    else
        snprintf(about[na++], sizeof about[0],
                 "The pre-activation z = sum_j w_j x_j + b (analytic only: nothing sampled)");
    snprintf(about[na++], sizeof about[0], "(weights %s, bias %s, inputs %s, n_in = %llu)%s", v->weights,
             c->c->bias.canonical, c->c->inputs.canonical,
             (unsigned long long)c->c->n_in, v->s ? " as a histogram" : "");
    if (v->constant) {
        snprintf(about[na++], sizeof about[0], "z is the constant %s: a point mass, drawn as a spike of",
                 satstat__pl_num3(v->mean, m1));
        snprintf(about[na++], sizeof about[0], "probability 1 (formula) beside the sampled share there.");
    } else {
        snprintf(about[na++], sizeof about[0], "normalized to unit area, with the analytic law %s (%s)",
                 law, satstat__pl_law_word(v));
        snprintf(about[na++], sizeof about[0], "drawn over it.");
    }
    if (c->region_default)
        snprintf(about[na++], sizeof about[0],
                 "Shaded: the saturated region |z| >= T = %s on both sides, with its",
                 satstat__pl_num(c->T, m1));
    else
        snprintf(about[na++], sizeof about[0],
                 "Shaded: the saturated region %s (rule %s), with its", c->region_txt,
                 c->rule_txt);
    snprintf(about[na++], sizeof about[0], "sampled and analytic fractions printed beside the plot.");
    for (size_t k = 0; k < na; k++)
        ab[k] = about[k];
    satstat__pl_header(c, headline, ab, na);
}

/* Figure 1's layers and legend rows: the sample (a histogram, or the
 * share at a point mass), the formula over it, the saturated region. */
static void density_layers(ctx *c, size_t i, const char *law)
{
    const sview *v = &c->v[i];
    char t[ELEM_TITLE], src[ELEM_SRC], n_txt[SATSTAT__FIG_NUM_SIZE];
    satstat__fig_count((unsigned long long)v->n, n_txt);
    if (v->constant) {
        if (v->s) {
            snprintf(t, sizeof t, "sampled, n = %s", n_txt);
            snprintf(src, sizeof src, "$mass%zu using 1:3", i + 1);
            satstat__pl_add(c, src, t, "with impulses linetype %zu linewidth 12 dashtype 1", i + 1);
        }
        snprintf(t, sizeof t, "formula: %s", law);
        snprintf(src, sizeof src, "$mass%zu using 1:2", i + 1);
        satstat__pl_add(c, src, t, "with points pointtype 7 pointsize 2.5 * pointscale linecolor rgb ink");
    } else {
        if (v->s) {
            snprintf(t, sizeof t, "sampled, n = %s", n_txt);
            snprintf(src, sizeof src, "$hist%zu using 1:2", i + 1);
            /* opaque, the colour the 35 % fill has on white: the grey of
             * the saturated region behind does not tint it, and it keeps
             * the colour of its legend swatch */
            char fill[8];
            satstat__gp_over_white(satstat__palette[satstat__pl_series_slot(c, i)], 0.35, fill);
            satstat__pl_add(c, src, t, "with filledcurves y1=0 fillcolor rgb '%s' fillstyle solid 1.0 noborder",
                fill);
        }
        snprintf(t, sizeof t, "%s %s", satstat__pl_formula_word(v), law);
        snprintf(src, sizeof src, "$pdf%zu using 1:2", i + 1);
        /* thinner than the other figures' lines: the histogram's top stays
         * in view beside it */
        satstat__pl_add(c, src, t, "with lines linecolor rgb ink linewidth 2 dashtype 1");
    }
    satstat__pl_region_legend(c, t, sizeof t);
    satstat__pl_add(c, NULL, t, "with boxes fillcolor rgb shade fillstyle solid 1.0");
}

/* Figure 1's numbers: in full in the legend's column, in two short rows
 * when the legend goes below a small plot. */
static void density_number_rows(ctx *c, size_t i)
{
    const sview *v = &c->v[i];
    char m1[SATSTAT_DOUBLE_SIZE], lv[32], p_txt[96], f[SATSTAT__FIG_NUM_SIZE],
        smp[SATSTAT__FIG_NUM_SIZE], lo[SATSTAT__FIG_NUM_SIZE], hi[SATSTAT__FIG_NUM_SIZE];
    satstat__pl_level_text(c->c->alpha, lv, sizeof lv);
    satstat__pl_text_line(c, " ");
    if (!v->constant) {
        satstat__pl_text_line(c, "Var z");
        satstat__pl_text_line(c, "   formula  %s", satstat__pl_num_law(v->a->variance, m1));
        if (v->s) {
            satstat__fig_num(satstat_moments_variance(satstat_summary_z(v->s)), 4, smp);
            satstat__pl_text_line(c, "   sampled  %s", smp);
            satstat__pl_mark_tex(c);
            satstat__pl_text_line(c, "Var z = %s, sampled %s", satstat__pl_num_law(v->a->variance, m1), smp);
            satstat__pl_below_only(c);
        } else {
            satstat__pl_text_line(c, "Var z = %s", satstat__pl_num_law(v->a->variance, m1));
            satstat__pl_below_only(c);
        }
    }
    if (c->region_default) {
        satstat__pl_text_line(c, "P(|z| ≥ %s)", satstat__pl_num(c->T, m1));
        snprintf(p_txt, sizeof p_txt, "P(|z| ≥ %s)", m1);
    } else {
        satstat__pl_region_probability_lines(c, "");
        /* relu's dead units are inactive (φ' = 0), as the legend says */
        snprintf(p_txt, sizeof p_txt, strcmp(c->rule_txt, "dead") == 0 ? "P(inactive)" : "P(saturated)");
    }
    satstat__fig_num(v->a->saturated_fraction, 3, f);
    satstat__pl_text_line(c, "   %s  %s", v->a->law == SATSTAT_Z_EXACT ? "exact  " : "formula", f);
    satstat__pl_mark_tex(c);
    if (v->s) {
        /* the report's interval (orthogonal: over the matrices) */
        satstat_interval ci;
        if (satstat_summary_saturated_interval(v->s, c->c->alpha, &ci, NULL) != SATSTAT_OK)
            ci = satstat__pl_proportion_ci(satstat_summary_saturated(v->s), v->n, c->c->alpha);
        satstat__fig_num(satstat__pl_sampled_fraction(v), 3, smp);
        satstat__fig_num(ci.lo, 3, lo);
        satstat__fig_num(ci.hi, 3, hi);
        satstat__pl_text_line(c, "   sampled  %s", smp);
        satstat__pl_mark_tex(c);
        satstat__pl_text_line(c, "   %s CI:", lv);
        satstat__pl_text_line(c, "   %s to %s", lo, hi);
        satstat__pl_mark_tex(c);
        satstat__pl_text_line(c, "%s = %s, sampled %s", p_txt, f, smp);
        satstat__pl_below_only(c);
        /* (the interval below the plot too: without it the one number the
         * figure is for could not be judged there, figure review 26, S4) */
        satstat__pl_text_line(c, "%s CI: %s to %s", lv, lo, hi);
        satstat__pl_mark_tex(c);
        satstat__pl_below_only(c);
    } else {
        satstat__pl_text_line(c, "   (nothing sampled)");
        satstat__pl_text_line(c, "%s = %s", p_txt, f);
        satstat__pl_below_only(c);
    }
}

/* Figure 1's numbers section and data blocks; X: the z axis' half-width. */
static void density_data(ctx *c, size_t i, double X)
{
    const sview *v = &c->v[i];
    char m1[SATSTAT_DOUBLE_SIZE];
    rule(c, "numbers");
    satstat__pl_assign(c, "T = %s\tsaturation threshold: a unit is saturated when |z| >= T\n",
        satstat__pl_num(c->T, m1));
    satstat__pl_assign_region(c);
    satstat__pl_assign(c, "zmax = %s\tthe z axis: mean +- %g sd and at least +- %g T, rounded up\n",
        satstat__pl_num(X, m1), AXIS_SDS, AXIS_T);
    double peak = fmax(satstat__pl_hist_peak(c, i, -X, X), satstat__pl_pdf_peak(c, i, -X, X));
    if (v->constant)
        satstat__pl_assign(c, "ymax = %s\ta probability: at most 1, with headroom\n",
            satstat__pl_num(HEADROOM, m1));
    else
        satstat__pl_assign(c, "ymax = %s\t%g x the highest density shown, rounded up\n",
            satstat__pl_num_up(HEADROOM * peak, m1), HEADROOM);

    rule(c, "data");
    if (v->constant) {
        satstat__pl_mass_block(c, i);
    } else {
        if (v->s)
            satstat__pl_hist_block(c, i);
        satstat__pl_pdf_block(c, i, -X, X);
    }
}

/* Figure 1's saturated tail is invisible on the linear axis when it holds
 * little mass (scaled's 0.001 at |z| >= 4): under this share an inset
 * shows the upper tail on a log axis. */
#define TAIL_INSET_SHARE 0.05

static int tail_inset_wanted(const ctx *c, size_t i, double X)
{
    const sview *v = &c->v[i];
    return c->region_default && !v->constant && v->a->saturated_fraction < TAIL_INSET_SHARE
           && v->a->saturated_fraction > 0 && v->mean + 2 * v->sd < c->T && c->T < X;
}

/* The inset: the upper tail from mean + 2 sd (where the density is under
 * 14 % of its peak, so the corner above is empty) to the axis' end, the
 * density on a log axis, the saturated region shaded; in the top right
 * of the plot, half its height, room kept for its own tick labels. */
static void tail_inset(ctx *c, size_t i, double X)
{
    const sview *v = &c->v[i];
    char m1[SATSTAT_DOUBLE_SIZE], m2[SATSTAT_DOUBLE_SIZE], m3[SATSTAT_DOUBLE_SIZE];
    double xa = v->mean + 2 * v->sd;
    double top = satstat_analytic_pdf(v->a, xa);
    double foot = satstat_analytic_pdf(v->a, X);
    if (v->s && v->n) /* one neuron in a bin is the smallest density the sample shows */
        foot = fmin(foot, 0.5 / ((double)v->n * (v->hist_hi - v->hist_lo) / (double)v->hist_bins
                                 * (double)satstat__pl_merge_factor(v)));
    if (!(foot > 0))
        foot = top * 1e-6;
    rule(c, "inset: the upper tail on a log axis");
    out(c, "# the saturated tail holds under %g %% of the mass: on the linear axis it\n"
           "# is invisible; here the density from mean + 2 sd on, on a log axis\n",
        100 * TAIL_INSET_SHARE);
    /* a small figure (the legend below the plot: 3.5 in at 8 pt) has no
     * room for it: its tick labels were under 7 pt and hung far below its
     * frame, over the main plot's shaded band, read as the main axis's */
    out(c, "if (!legend_below) {   # a small figure: no inset\n");
    satstat__pl_assign(c, "inset_from = %s\tmean + 2 sd: the density is under 14 %% of its peak from here\n",
           satstat__pl_num(xa, m1));
    satstat__pl_assign(c, "inset_lo = %s\tthe decade under the smallest density shown\n"
              "inset_hi = %s\tthe decade over the density at inset_from\n",
           satstat__pl_num(pow(10.0, floor(log10(foot))), m2), satstat__pl_num(pow(10.0, ceil(log10(top))), m3));
    /* its left edge 5 characters (its tick labels) right of inset_from,
     * where the curve is low; at least 0.12 of the canvas wide (at 0.2, a
     * narrow law's inset moved left and its labels 10^{-3} to 10^{-6} lay
     * across the curve's flank: figure review 17, S11) */
    out(c, "inset_l = plot_left + (plot_right - plot_left) * (inset_from + zmax) / (2 * zmax) + 5 * char_width\n"
           "inset_l = (inset_l > plot_right - 0.12) ? plot_right - 0.12 : inset_l\n"
           "set lmargin at screen inset_l\nset rmargin at screen plot_right - 0.01\n"
           "inset_t = top - 0.01\ninset_b = top - 0.55 * (top - bottom)\n"
           "set tmargin at screen inset_t\nset bmargin at screen inset_b\n"
           "unset xlabel\nunset ylabel\n"
           "# a white ground over the plot below; the threshold T a dotted line\n"
           "unset object 1\n"
           "set object 2 rectangle from graph 0, graph 0 to graph 1, graph 1 behind fillcolor rgb 'white' fillstyle solid 1.0 noborder\n"
           "set arrow 9 from first T, graph 0 to first T, graph 1 nohead linecolor rgb ink linewidth 1.5 dashtype 3 front\n"
           "set border 15 linewidth 1\n"
           "set xrange [inset_from:zmax]\nset yrange [inset_lo:inset_hi]\n"
           "set xtics tick_step(zmax - inset_from, (plot_right - 0.01 - inset_l) / (6 * char_width)) font fontspec\n");
    satstat__fig_log_axis(&c->g, 'y', "inset_lo", "inset_hi", "(inset_t - inset_b)");
    /* the figure's text size: at 3/4 of it, 12 pt at 1280 x 800, its
     * labels were 10 px high, too small for a projector (figure review
     * 18, N13); the inset is drawn only where there is room (no legend
     * below the plot) */
    out(c, "set ytics font fontspec\n");
    char fill[8];
    satstat__gp_over_white(satstat__palette[satstat__pl_series_slot(c, i)], 0.35, fill);
    if (v->s)
        out(c, "plot $hist%zu using 1:($2 > 0 ? $2 : NaN) with lines linecolor rgb '%s' linewidth 4 dashtype 1 notitle, \\\n"
               "     $pdf%zu using 1:2 with lines linecolor rgb ink linewidth 2 dashtype 1 notitle\n",
            i + 1, fill, i + 1);
    else
        out(c, "plot $pdf%zu using 1:2 with lines linecolor rgb ink linewidth 2 dashtype 1 notitle\n", i + 1);
    out(c, "unset logscale y\nunset arrow 9\nset border 3 linewidth 1.5\nset format y '%%g'\n"
           "set lmargin at screen plot_left\nset rmargin at screen plot_right\n");
    out(c, "}\n");
}

void satstat__pl_fig_density(ctx *c, size_t i)
{
    const sview *v = &c->v[i];
    char law[96], t[SATSTAT_SPEC_SIZE * 5], weights[SATSTAT_SPEC_SIZE * 2], name[SATSTAT_SPEC_SIZE * 2];
    satstat__pl_law_text(v, law, sizeof law);
    double X = satstat__pl_axis_of(v, c->T);

    density_header(c, i, law);
    satstat__pl_output_section(c);
    satstat__pl_style_section(c, i + 1);

    /* the layers and the legend, assembled first: the layout needs the
     * legend's width */
    c->nel = 0;
    density_layers(c, i, law);
    density_number_rows(c, i);
    satstat__pl_layout_section(c, 1, 0);
    density_data(c, i, X);

    rule(c, "title and axes");
    /* typeset: N(0, 1/n_{in}), the scheme's name as it is */
    satstat__tex_names(v->weights, weights, sizeof weights);
    satstat__tex_escape(v->name, name, sizeof name);
    /* the activation named: the saturated region |z| >= T means another
     * thing for tanh (tanh'(4) = 0.0013) than for sigmoid (0.018), and
     * their figures were otherwise byte-identical */
    snprintf(t, sizeof t, "%s of z, %s, scheme %s: weights %s",
             v->constant ? "Law" : "Density", c->c->activation->name, name, weights);
    satstat__pl_multiplot_title_as(c, t, 1);
    out(c, "set xlabel 'z'\nset ylabel %s\n", v->constant ? "'probability'" : "'density of z'");
    satstat__pl_panel(c, 1, 0);
    out(c, "set xrange [-zmax:zmax]\nset yrange [0:ymax]\n");
    satstat__pl_ticks(c, "-zmax", "zmax", "0", "ymax");

    if (c->region_default) {
        rule(c, "layer 1: the saturated region |z| >= T, shaded on both sides");
    } else {
        char lay[192];
        if (snprintf(lay, sizeof lay, "layer 1: the saturated region %s (rule %s), shaded",
                     c->region_txt, c->rule_txt) >= (int)sizeof lay)
            lay[sizeof lay - 1] = '\0';
        rule(c, lay);
    }
    satstat__pl_shade_layer(c);

    rule(c, v->constant ? "layers 2, 3: the point mass, sampled and by formula"
                        : "layers 2, 3: the sampled histogram, the analytic density");
    satstat__pl_plot_layers(c);
    if (tail_inset_wanted(c, i, X))
        tail_inset(c, i, X);
    rule(c, "the legend and the numbers");
    satstat__pl_legend_panel(c);
}
