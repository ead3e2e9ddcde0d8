/* plot_saturation.c — figure 4 of a run: the saturated fraction against
 * the threshold, P(|z| ≥ t), or for a one-sided or asymmetric rule the
 * tail beyond t (plot-int.h). */

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
 * Figure 4: P(|z| ≥ t) against t
 * ====================================================================== */

static void fig_tails(ctx *c);

/* The region is |z| >= a for some a > 0, so that P(|z| >= t) at t = a is
 * the rule's fraction (the default rule |z| >= T is one of these). */
static int region_symmetric(const ctx *c)
{
    return c->region.below == -c->region.above && c->region.above > 0
           && c->region.above < INFINITY && c->region.n_bands == 0;
}

/* Figure 4's key to its marks, rows with a sample in ink so that they
 * stay when the legend goes below a small plot: a line for the formula,
 * a point with its bar for the sample. */
static void tail_key_rows(ctx *c, const char *lv)
{
    satstat__pl_add(c, NULL, "formula", "with lines linecolor rgb ink linewidth 3 dashtype 1");
    if (satstat__pl_any_sampled(c)) {
        char t[ELEM_TITLE];
        snprintf(t, sizeof t, "sampled, %s CI", lv);
        satstat__pl_add(c, NULL, t,
            "with yerrorbars linecolor rgb ink linewidth 2 dashtype 1 pointtype 7 pointsize 1.3 * pointscale");
    }
}

/* Each scheme's saturated fraction by formula (and sampled), one line each,
 * for the number panels of figure 4; with a heading `what`, again below a
 * small plot (satstat__pl_formula_rows): at 3.5 in fig4 showed no
 * P(|z| ≥ 4) anywhere (figure review 17, S6). */
static void fraction_lines(ctx *c, const char *what)
{
    satstat__pl_formula_rows(c, satstat__pl_formula_fraction, satstat__pl_sampled_fraction, what);
}

/* Figure 4's y axis and what its legend says of it */
typedef struct saturation_axis {
    int logy;    /* a log axis */
    double foot; /* its foot (log) */
    int zeros;   /* a sampled 0 drawn in the strip below it */
    int clipped; /* a bar cut at the foot */
} saturation_axis;

static void saturation_header(ctx *c, const char *lv, int zoom, const char *note);
static void saturation_plan(ctx *c, double tmax, double tzoom, int zoom, const char *lv, saturation_axis *ax);
static void saturation_body(ctx *c, double tmax, double tzoom, int zoom, const char *lv, const saturation_axis *ax);

void satstat__pl_fig_saturation(ctx *c)
{
    if (!region_symmetric(c)) {
        fig_tails(c); /* one side, or two unequal ones: P(|z| >= t) would lie */
        return;
    }
    char lv[32];
    double tmax = c->X, tzoom = c->Z;
    if (!c->region_default) {
        /* the rule's cut need not be near T: keep it inside both panels */
        tmax = fmax(tmax, satstat__nice_ceil(AXIS_T * c->region.above));
        tzoom = fmax(tzoom, ZOOM_T * c->region.above);
    }
    int zoom = tmax > ZOOM_NEEDED * tzoom;
    satstat__pl_level_text(c->c->alpha, lv, sizeof lv);
    saturation_axis ax;
    saturation_plan(c, tmax, tzoom, zoom, lv, &ax);
    /* the legend goes below the plot, with the fractions P(|z| ≥ T)
     * (figure review 17, S6): at a paper size a canvas that keeps the plot
     * half the height, as fig2's (figure review 18, S4) */
    char note[400];
    unsigned asked_height = c->g.o.height;
    satstat__pl_fit_half(c, zoom ? 2 : 1, note, sizeof note);
    saturation_header(c, lv, zoom, note);
    satstat__pl_output_section(c);
    if (note[0])
        satstat__fig_taller_note(&c->g, asked_height, "its legend below the plot needs it");
    satstat__pl_style_section(c, c->ns);
    saturation_body(c, tmax, tzoom, zoom, lv, &ax);
}

/* Figure 4's satstat__pl_header (a symmetric rule): what it shows. */
static void saturation_header(ctx *c, const char *lv, int zoom, const char *note)
{
    char l4[200];
    snprintf(l4, sizeof l4, "with %s confidence bars (Wilson, or Clopper-Pearson for few counts).",
             lv);
    const char *about[] = {
        "The saturated fraction P(|z| >= t) as the threshold t grows, for every",
        "scheme: the formula as a curve, the sample as points (exact at every",
        "multiple of T/16, from the sampler's histogram of |z|; some are skipped)",
        l4,
        "The dotted line marks the threshold T of the report.",
        zoom ? "Below, the same zoomed on small t." : "",
    };
    /* another symmetric rule (deriv:R, output:E on a two-sided unit):
     * the same curve, but the mark is the rule's cut, not T */
    char l5[200];
    if (!c->region_default) {
        snprintf(l5, sizeof l5, "The dotted line marks the rule's cut: %s (rule %s).",
                 c->region_txt, c->rule_txt);
        about[4] = l5;
    }
    const char *lines[sizeof about / sizeof about[0] + 2];
    size_t nl = 0;
    for (size_t k = 0; k < (zoom ? 6u : 5u); k++)
        lines[nl++] = about[k];
    if (note[0]) {
        lines[nl++] = "";
        lines[nl++] = note;
    }
    satstat__pl_header(c, "the saturated fraction P(|z| >= t) against t", lines, nl);
}

/* Figure 4's layers, numbers, data and panels (a symmetric rule). */

/* Each sampled point of a scheme's tail curve, t = k·step up to tmax:
 * P(|z| ≥ t) as a count of the n independent neurons, and its interval.
 * tail = #{|z| ≥ k·step}: the counts from bin k up (the last bin is open
 * above, so at k = 0 it is n). */
static void sampled_tail(const ctx *c, const sview *v, double tmax,
                         void (*point)(void *arg, const sview *v, double t, uint64_t tail,
                                       satstat_interval ci),
                         void *arg)
{
    size_t bins;
    double abs_step;
    const uint64_t *counts = satstat_summary_abs_counts(v->s, &bins, &abs_step);
    size_t kmax = (size_t)floor(tmax / abs_step + 1e-9);
    if (kmax > bins)
        kmax = bins;
    uint64_t tail = 0;
    for (size_t k = 0; k < bins; k++)
        tail += counts[k];
    for (size_t k = 0; k <= kmax; k++) {
        point(arg, v, (double)k * abs_step, tail,
              satstat__pl_proportion_ci(tail, v->n_indep, c->c->alpha));
        if (k < bins)
            tail -= counts[k];
    }
}

static void write_tail_point(void *arg, const sview *v, double t, uint64_t tail,
                             satstat_interval ci)
{
    ctx *c = arg;
    out(c, "%.10g %.7g %.7g %.7g\n", t, (double)tail / (double)v->n_indep, ci.lo, ci.hi);
}

/* Which marks a log axis with foot `foot` needs (saturation_log_marks):
 * of the rows drawn, every stride_full-th over the axis and every
 * stride_zoom-th up to tzoom in the zoom (none there without one). */
typedef struct log_marks {
    double foot, tzoom;
    size_t stride_full, stride_zoom, row;
    unsigned scheme;  /* its bit in *zeros                       */
    int *zeros, *clipped;
} log_marks;

static void note_log_mark(void *arg, const sview *v, double t, uint64_t tail,
                          satstat_interval ci)
{
    log_marks *m = arg;
    (void)v;
    size_t row = m->row++;
    int drawn = row % m->stride_full == 0 || (m->stride_zoom && row % m->stride_zoom == 0 && t <= m->tzoom);
    if (!drawn)
        return;
    if (tail == 0)
        *m->zeros |= 1 << m->scheme;
    else if (ci.lo < m->foot)
        *m->clipped = 1;
}

/* Figure 4's data (a symmetric rule): each scheme's formula curve and
 * sampled points with their intervals; no rows of 0 on a log axis. */
static void saturation_data(ctx *c, double tmax, double tzoom, int logy, const char *lv)
{
    rule(c, "data");
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        char a[SATSTAT_DOUBLE_SIZE], b[SATSTAT_DOUBLE_SIZE];
        if (v->constant)
            out(c, "# '%s', formula: t, P(|z| >= t) for the constant z = %s: a step\n", v->name,
                satstat__pl_num(v->mean, a));
        else
            out(c, "# '%s', formula: t, P(|z| >= t) for z ~ N(mean, variance), %s;\n"
                   "# mean = %s, variance = %s; %d points over the axis, %d over the zoom\n",
                v->name, satstat__pl_law_word(v), satstat__pl_num(v->mean, a), satstat__pl_num(v->a->variance, b),
                CURVE_POINTS + 1, CURVE_POINTS_ZOOM + 1);
        out(c, "$formula%zu << EOD\n", i + 1);
        if (v->constant) {
            double a0 = fabs(v->mean);
            out(c, "0 1\n%.10g 1\n%.10g 0\n%.10g 0\n", a0, a0, fmax(tmax, a0));
        } else {
            double *grid;
            size_t ng = satstat__pl_merged_grid(0, tmax, CURVE_POINTS, 0, tzoom, CURVE_POINTS_ZOOM, &grid);
            if (!grid) {
                fail(c, SATSTAT_ENOMEM);
                return;
            }
            for (size_t k = 0; k < ng; k++) {
                double p = satstat_normal_saturated_fraction(v->mean, v->sd, grid[k]);
                if (!logy || p > 0) /* a log axis cannot show 0 */
                    out(c, "%.10g %.7g\n", grid[k], p);
            }
            free(grid);
        }
        out(c, "EOD\n");
        if (!v->s)
            continue;
        out(c, "# '%s', sampled: t = k T/16, P(|z| >= t) = (neurons with |z| >= t) / n,\n"
               "# the %s interval's lower and upper ends; n = %llu%s.\n",
            v->name, lv, (unsigned long long)v->n_indep,
            v->n_indep != v->n ? " (the first row of each matrix)" : "");
        out(c, "$sample%zu << EOD\n", i + 1);
        /* (a 0 too: on a log axis drawn open at the foot, its bar up to
         * the interval's upper end) */
        sampled_tail(c, v, tmax, write_tail_point, c);
        out(c, "EOD\n");
    }
}

/* The smallest positive fraction at the cut, formula or sampled, over
 * every scheme (INFINITY when there is none). */
static double saturation_min_at_cut(const ctx *c)
{
    double fmin_cut = INFINITY;
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        double f[2] = {v->a->saturated_fraction, v->s ? satstat__pl_sampled_fraction(v) : NAN};
        for (int k = 0; k < 2; k++)
            if (isfinite(f[k]) && f[k] > 0)
                fmin_cut = fmin(fmin_cut, f[k]);
    }
    return fmin_cut;
}

/* The foot of the log axis: whole decades, from the one below the
 * smallest fraction at the cut (halved, for its interval), and down to
 * the smallest fraction the sample can show, one neuron in n (the sampled
 * points past the cut reach it). */
static double saturation_log_foot(const ctx *c, double fmin_cut)
{
    double floor_frac = fmin_cut / 2;
    for (size_t i = 0; i < c->ns; i++)
        if (c->v[i].s && c->v[i].n_indep > 0)
            floor_frac = fmin(floor_frac, 1.0 / (double)c->v[i].n_indep);
    return pow(10.0, floor(log10(floor_frac) + 1e-9));
}

/* The sampled rows each panel plots (the script's stride and
 * stride_zoom): about SAMPLED_POINTS over each panel's t axis, the rows
 * being T/16 apart. */
static void saturation_strides(const ctx *c, double tmax, double tzoom, size_t *full, size_t *zoom)
{
    double step = c->T / 16.0;
    *full = (size_t)ceil(tmax / step / SAMPLED_POINTS - 1e-9);
    *zoom = (size_t)ceil(tzoom / step / SAMPLED_POINTS - 1e-9);
    *full = *full ? *full : 1;
    *zoom = *zoom ? *zoom : 1;
}

/* On the log axis (foot ylo, below: the decade of one neuron in n) a
 * sampled 0 is drawn open in a strip below the foot
 * (satstat__fig_zero_strip) with its bar up to the upper end, and a bar
 * whose lower end is below the foot ends there with a down triangle: as in
 * deep-saturation and the sweeps, not left out or cut unmarked.  Which of
 * them occur, for the legend: *zeros has bit i set when scheme i has a
 * sampled 0 drawn. */
static void saturation_log_marks(const ctx *c, double tmax, double tzoom, int zoom, double foot,
                                 int *zeros, int *clipped)
{
    size_t stride_full, stride_zoom;
    saturation_strides(c, tmax, tzoom, &stride_full, &stride_zoom);
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        if (!v->s)
            continue;
        /* only the rows drawn: a bar cut at the axis in a row that neither
         * panel's stride drew put "▼ bar cut at axis" in the legend with
         * no ▼ in the figure (figure review 7, S11) */
        log_marks m = {foot, tzoom, stride_full, zoom ? stride_zoom : 0, 0, (unsigned)i, zeros, clipped};
        sampled_tail(c, v, tmax, note_log_mark, &m);
    }
}

/* Scheme i's mark for a sampled 0: its own shape, open. */
static int zero_point(const ctx *c, size_t i)
{
    return satstat__point_open(satstat__point_types[satstat__pl_series_slot(c, i)]);
}

/* The layers and the legend column: each scheme's formula curve and
 * sampled points, the marks of the log axis, the cut and the numbers. */
static void saturation_layers(ctx *c, int logy, int zeros, int clipped, const char *lv)
{
    char m1[SATSTAT_DOUBLE_SIZE], src[ELEM_SRC];
    c->nel = 0;
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        /* (with a strip of sampled 0s below the foot, the curves end at
         * the foot: not on into the strip) */
        snprintf(src, sizeof src, "$formula%zu using 1:%s", i + 1,
                 zeros ? "($2 >= ylo ? $2 : NaN)" : "2");
        satstat__pl_add(c, src, NULL, "with lines linetype %zu", i + 1);
        /* the legend's sample: the scheme's own line and point, as drawn */
        satstat__pl_add(c, NULL, v->name, v->s ? "with linespoints linetype %zu" : "with lines linetype %zu",
            i + 1);
        if (v->s && !logy) {
            snprintf(src, sizeof src, "$sample%zu every stride using 1:2:3:4", i + 1);
            satstat__pl_add(c, src, NULL, "with yerrorbars linetype %zu linewidth 2 dashtype 1", i + 1);
        } else if (v->s) {
            snprintf(src, sizeof src,
                     "$sample%zu every stride using 1:($2 > 0 ? $2 : NaN):($3 > ylo ? $3 : ylo):4", i + 1);
            satstat__pl_add(c, src, NULL, "with yerrorbars linetype %zu linewidth 2 dashtype 1", i + 1);
            if (clipped) {
                snprintf(src, sizeof src, "$sample%zu every stride using 1:($2 > 0 && $3 < ylo ? ylo : NaN)",
                         i + 1);
                satstat__pl_add(c, src, NULL, "with points linetype %zu %s", i + 1, satstat__cut_mark(0));
            }
            /* a sampled 0 in the strip below the foot (satstat__fig_zero_strip):
             * its bar from the strip's top up to the interval's upper end
             * (its point, none, at the mark: gnuplot's white disc under a
             * yerrorbars point then lies under the mark), then the mark */
            if (zeros) {
                snprintf(src, sizeof src,
                         "$sample%zu every stride using 1:($2 > 0 ? NaN : yzero):(zero_bar):4", i + 1);
                satstat__pl_add(c, src, NULL,
                                "with yerrorbars linetype %zu linewidth 2 dashtype 1 pointtype -1", i + 1);
                snprintf(src, sizeof src, "$sample%zu every stride using 1:($2 > 0 ? NaN : yzero)",
                         i + 1);
                /* open in the scheme's own shape: an open circle for
                 * every scheme gave scaled's zero standard's shape
                 * (figure review 17, S2) */
                char om[SATSTAT__OPEN_MARK_SIZE];
                satstat__pl_add(c, src, NULL, "with points linetype %zu %s", i + 1,
                                satstat__open_mark(zero_point(c, i), om));
            }
        }
    }
    /* the key's open mark: the one drawn when one scheme has zeros, as
     * deep-saturation's; the shapes differ by scheme, so words for more */
    char om[SATSTAT__OPEN_MARK_SIZE];
    if (zeros && !(zeros & (zeros - 1))) {
        size_t first = (size_t)__builtin_ctz((unsigned)zeros);
        satstat__pl_add(c, NULL, "open: sampled 0", "with points linetype %zu %s", first + 1,
                        satstat__open_mark(zero_point(c, first), om));
    } else if (zeros) {
        satstat__pl_add(c, NULL, "open marker: sampled 0", "with lines linetype nodraw");
    }
    if (clipped)
        satstat__pl_add(c, NULL, "bar cut at axis", "with points linecolor rgb ink %s", satstat__cut_mark(0));
    if (c->region_default)
        snprintf(src, sizeof src, "threshold T = %s", satstat__pl_num(c->T, m1));
    else
        satstat__pl_region_legend(c, src, sizeof src);
    satstat__pl_add(c, NULL, src, "with lines linecolor rgb ink linewidth 2 dashtype 3");
    tail_key_rows(c, lv);
    if (c->ns <= SATSTAT__PALETTE_SIZE) {
        char what[ELEM_TITLE];
        satstat__pl_text_line(c, " ");
        if (c->region_default)
            snprintf(what, sizeof what, "P(|z| ≥ %s)", satstat__pl_num(c->T, m1));
        else
            snprintf(what, sizeof what, "P(%s)", c->region_utf); /* the rule's cut, 6 digits */
        satstat__pl_text_line(c, "%s", what);
        fraction_lines(c, what);
    }
}

/* The "numbers" section: the threshold or cut, the axes, the strides. */
static void saturation_numbers(ctx *c, double tmax, double tzoom, int zoom, int logy, double foot)
{
    char m1[SATSTAT_DOUBLE_SIZE];
    rule(c, "numbers");
    if (c->region_default) {
        satstat__pl_assign(c, "T = %s\tsaturation threshold of the report, marked by a dotted line\n",
            satstat__pl_num(c->T, m1));
    } else {
        satstat__pl_assign(c, "T = %s\t--threshold: the sampled points lie at multiples of T/16\n",
            satstat__pl_num(c->T, m1));
        satstat__pl_assign(c, "tcut = %s\tthe rule's cut (rule %s): |z| >= tcut, marked by a dotted line\n",
            satstat__pl_num(c->region.above, m1), c->rule_txt);
    }
    if (c->region_default) {
        satstat__pl_assign(c, "tmax = %s\tthe t axis: mean +- %g sd of every scheme, at least %g T, rounded up\n",
            satstat__pl_num(tmax, m1), AXIS_SDS, AXIS_T);
        if (zoom)
            satstat__pl_assign(c, "zoom = %s\tbottom panel: t up to %g, or %g T when that is wider\n",
                satstat__pl_num(tzoom, m1), ZOOM_MIN, ZOOM_T);
    } else {
        satstat__pl_assign(c, "tmax = %s\tthe t axis: mean +- %g sd of every scheme, at least %g T and %g tcut, rounded up\n",
            satstat__pl_num(tmax, m1), AXIS_SDS, AXIS_T, AXIS_T);
        if (zoom)
            satstat__pl_assign(c, "zoom = %s\tbottom panel: t up to %g, or %g T or %g tcut when that is wider\n",
                satstat__pl_num(tzoom, m1), ZOOM_MIN, ZOOM_T, ZOOM_T);
    }
    if (logy) {
        satstat__pl_assign(c, "ylo = %s\tthe log axis: the decade of one neuron in n, or below the smallest fraction at the cut\n",
            satstat__pl_num(foot, m1));
        satstat__pl_assign(c, "ymax = 2\ta fraction: at most 1, with headroom\n");
    } else {
        satstat__pl_assign(c, "ymax = 1.05\ta fraction: at most 1, with a little headroom\n");
    }
    size_t stride_full, stride_zoom;
    saturation_strides(c, tmax, tzoom, &stride_full, &stride_zoom);
    if (satstat__pl_any_sampled(c)) {
        satstat__pl_assign(c, "stride = %zu\tplot every stride-th sampled point: about %d per panel\n",
            stride_full, SAMPLED_POINTS);
        if (zoom)
            satstat__pl_assign(c, "stride_zoom = %zu\tthe same for the zoom", stride_zoom);
    }
}

/* The title, the axes, the cut's line and the panels' plot commands. */
static void saturation_panels(ctx *c, int zoom, int logy, int zeros)
{
    int panels = zoom ? 2 : 1;
    rule(c, "title and axes");
    satstat__pl_multiplot_title(c, "Saturated fraction P(|z| ≥ t) against the threshold t");
    out(c, "set xlabel 't'\nset ylabel 'P(|z| ≥ t)'\n");
    if (logy) {
        out(c, "# the smallest fraction at the cut is under 1/%g of the axis top (or\n"
               "# --log-y): a log axis, whole decades; the formula's rows of 0\n"
               "# (underflow) are left out, a sampled 0 is drawn open in a strip below\n"
               "# the foot\n",
            SATSTAT__LOG_Y_SPAN);
        satstat__fig_log_axis(&c->g, 'y', "ylo", "ymax",
                              panels == 2 ? "panel_height" : "top - bottom");
        out(c, "set yrange [ylo:ymax]\n");
        if (zeros) {
            out(c, "yhi = ymax\n");
            satstat__fig_zero_strip(&c->g, panels == 2 ? "panel_height" : "top - bottom");
        }
    } else
        out(c, "set yrange [0:ymax]\n");
    if (c->region_default)
        out(c, "# the report's threshold: a dotted vertical line (named in the legend)\n"
               "set arrow 1 from first T, graph 0 to first T, graph 1 nohead linecolor rgb ink linewidth 2 dashtype 3 back\n");
    else
        out(c, "# the rule's cut: a dotted vertical line (named in the legend), behind the points\n"
               "set arrow 1 from first tcut, graph 0 to first tcut, graph 1 nohead linecolor rgb ink linewidth 2 dashtype 3 back\n");

    rule(c, zoom ? "top panel: the whole t axis" : "the plot");
    satstat__pl_panel(c, panels, 0);
    out(c, "set xrange [0:tmax]\n");
    satstat__pl_ticks(c, "0", "tmax", logy ? NULL : "0", "ymax");
    out(c, "# layers: the formula curves, the sampled points with bars (in scheme order)\n");
    satstat__pl_plot_layers(c);
    if (zoom) {
        rule(c, "bottom panel: the zoom");
        satstat__pl_panel(c, panels, 1);
        /* the zoom named at every size: at 1280 x 800 its label read "t",
         * at 3.5 in (the title's zoom cut) "t (zoom)" (figure review 15,
         * N6.4) */
        out(c, "set xlabel 't (zoom)'\n");
        out(c, "set xrange [0:zoom]\n");
        satstat__pl_ticks(c, "0", "zoom", logy ? NULL : "0", "ymax");
        if (satstat__pl_any_sampled(c))
            out(c, "stride = stride_zoom\n");
        if (logy && zeros) /* the axis's break at this panel's own axis */
            satstat__fig_zero_break(&c->g, "right_left");
        satstat__pl_plot_layers(c);
    }
    rule(c, "the legend and the numbers");
    if (logy)
        out(c, "unset logscale y\n");
    satstat__pl_legend_panel(c);
}

/* Figure 4's y axis and its layers (the legend's rows), before the
 * header: the canvas grows for the legend (satstat__pl_fit_half) */
static void saturation_plan(ctx *c, double tmax, double tzoom, int zoom, const char *lv, saturation_axis *ax)
{
    /* the y axis: log when the fractions at the cut span decades; the
     * axis top is 1 (every curve starts there): log when the smallest
     * fraction at the cut is under 5 % of it */
    double fmin_cut = saturation_min_at_cut(c);
    ax->logy = satstat__fig_log_y(&c->g, fmin_cut, 1.0);
    ax->foot = ax->logy ? saturation_log_foot(c, fmin_cut) : 0;
    ax->zeros = ax->clipped = 0;
    if (ax->logy)
        saturation_log_marks(c, tmax, tzoom, zoom, ax->foot, &ax->zeros, &ax->clipped);
    saturation_layers(c, ax->logy, ax->zeros, ax->clipped, lv);
}

static void saturation_body(ctx *c, double tmax, double tzoom, int zoom, const char *lv, const saturation_axis *ax)
{
    int logy = ax->logy, zeros = ax->zeros;
    double foot = ax->foot;
    satstat__pl_layout_section(c, zoom ? 2 : 1, 0);
    saturation_numbers(c, tmax, tzoom, zoom, logy, foot);
    saturation_data(c, tmax, tzoom, logy, lv);
    if (c->g.err != SATSTAT_OK)
        return;
    saturation_panels(c, zoom, logy, zeros);
}

/* ======================================================================
 * Figure 4 for a one-sided or asymmetric rule: the tail beyond t
 * ======================================================================
 * A rule like relu's dead units, z <= 0, is not |z| >= t for any t, so
 * P(|z| >= t) says nothing about it.  What the rule means as a function
 * of its own parameter is the tail on its side: P(z <= t) for a region
 * z <= a, P(z >= t) for z >= a, read at t = a.  A region with two
 * unequal sides, z <= b or z >= a (b != -a), gets both tails on one z
 * axis: P(z <= t) left of the midpoint m = (b + a)/2 and P(z >= t) from
 * it on, so that the rule's fraction is the lower curve at t = b plus the
 * upper one at t = a.  Sampled points sit at the sampler's histogram bin
 * edges, the only t where a count of z on one side is exact. */

typedef struct tails {
    double split; /* t < split: P(z <= t); t >= split: P(z >= t) (±inf: one side) */
    double cut;   /* the cut the sampled points are aligned to: the lower one if any */
    double reach; /* the largest |cut|                                          */
} tails;

static tails tails_of(const ctx *c)
{
    tails tl;
    int lo = c->region.below > -INFINITY, hi = c->region.above < INFINITY;
    tl.split = lo && hi ? 0.5 * (c->region.below + c->region.above)
               : lo     ? INFINITY
                        : -INFINITY;
    tl.cut = lo ? c->region.below : hi ? c->region.above : 0.0;
    tl.reach = fmax(lo ? fabs(c->region.below) : 0.0, hi ? fabs(c->region.above) : 0.0);
    return tl;
}

/* "P(z ≤ t)" or "P(z ≥ t)" with the given t, for titles and labels. */
static const char *tail_words(const tails *tl, double t)
{
    return t < tl->split ? "P(z ≤ " : "P(z ≥ ";
}

/* The formula's tail of scheme v at each of the n points t[k] into p[k]:
 * the exact law when the report used it (e, may be NULL) — the same
 * satstat_exact_region() call the report makes for the saturated
 * fraction, so the curve meets the printed number at the cut — else the
 * normal law, each side from its own GSL tail.  Returns 1 when every
 * value came from e. */
static int tail_formula(const sview *v, satstat_exact *e, const tails *tl, const double *t,
                        size_t n, double *p)
{
    for (size_t k = 0; e && k < n; k++) {
        satstat_interval part = t[k] < tl->split ? (satstat_interval){-INFINITY, t[k]}
                                                 : (satstat_interval){t[k], INFINITY};
        satstat_exact_result r;
        if (satstat_exact_region(e, &part, 1, &r) != SATSTAT_OK || !isfinite(r.value))
            break; /* all from one law or none: fall back for every point */
        p[k] = r.value < 0 ? 0.0 : r.value > 1 ? 1.0 : r.value;
        if (k + 1 == n)
            return 1;
    }
    for (size_t k = 0; k < n; k++) {
        satstat_region r = t[k] < tl->split ? satstat_region_tails(t[k], INFINITY)
                                            : satstat_region_tails(-INFINITY, t[k]);
        p[k] = satstat_normal_region_fraction(v->mean, v->sd, &r);
    }
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The formula block of scheme i: the merged grid over the axis and the
 * zoom, the cuts and the split (so the curve passes exactly through the
 * rule's value), and for a constant z its step, written twice (the value
 * just left of it, then just right) so the line is vertical there.  A
 * blank line at the split ends the lower curve. */
static void tail_formula_block(ctx *c, size_t i, const tails *tl, double tmax, double tzoom)
{
    const sview *v = &c->v[i];
    char a[SATSTAT_DOUBLE_SIZE], b[SATSTAT_DOUBLE_SIZE];
    double *grid;
    size_t ng = satstat__pl_merged_grid(-tmax, tmax, 2 * CURVE_POINTS, -tzoom, tzoom, 2 * CURVE_POINTS_ZOOM,
                            &grid);
    double *t = grid ? malloc((ng + 4) * sizeof *t) : NULL;
    double *p = t ? malloc((ng + 5) * sizeof *p) : NULL;
    if (!p) {
        free(grid);
        free(t);
        fail(c, SATSTAT_ENOMEM);
        return;
    }
    size_t n = ng;
    memcpy(t, grid, ng * sizeof *t);
    free(grid);
    double extra[] = {c->region.below, c->region.above, tl->split, v->constant ? v->mean : NAN};
    for (size_t k = 0; k < sizeof extra / sizeof extra[0]; k++)
        if (fabs(extra[k]) <= tmax) /* false for ±inf and NaN */
            t[n++] = extra[k];
    qsort(t, n, sizeof *t, cmp_double);
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
        if (m == 0 || t[k] != t[m - 1])
            t[m++] = t[k];
    n = m;

    satstat_exact *e = NULL;
    const char *why = NULL;
    if (v->a->law == SATSTAT_Z_EXACT
        && (satstat_exact_from_config(c->c, &c->c->schemes[i], &e) != SATSTAT_OK
            || satstat_exact_prepare(e) != SATSTAT_OK)) {
        satstat_exact_free(e);
        e = NULL;
        why = "the exact law could not be rebuilt here";
    }
    int exact = tail_formula(v, e, tl, t, n, p);
    if (e && !exact)
        why = "the exact law failed at some t";
    satstat_exact_free(e);

    const char *side = tl->split == INFINITY ? "P(z <= t)"
                       : tl->split == -INFINITY ? "P(z >= t)"
                                                : "P(z <= t) for t < split, P(z >= t) from it on";
    if (v->constant)
        out(c, "# '%s', formula: t, %s for the constant z = %s: a step\n", v->name, side,
            satstat__pl_num(v->mean, a));
    else if (exact)
        out(c, "# '%s', formula: t, %s under the exact law of z (as the report);\n"
               "# mean = %s, variance = %s; %zu points over the axis and the zoom\n",
            v->name, side, satstat__pl_num(v->mean, a), satstat__pl_num(v->a->variance, b), n);
    else
        out(c, "# '%s', formula: t, %s for z ~ N(mean, variance), %s%s%s;\n"
               "# mean = %s, variance = %s; %zu points over the axis and the zoom\n",
            v->name, side, v->a->law == SATSTAT_Z_EXACT ? "normal approximation" : satstat__pl_law_word(v),
            why ? ": " : "", why ? why : "", satstat__pl_num(v->mean, a), satstat__pl_num(v->a->variance, b), n);
    out(c, "$formula%zu << EOD\n", i + 1);
    for (size_t k = 0; k < n; k++) {
        if (k > 0 && t[k - 1] < tl->split && t[k] >= tl->split)
            out(c, "\n"); /* the lower curve ends, the upper one begins */
        if (v->constant && t[k] == v->mean) {
            /* P just left and just right of the step */
            double lr[2] = {nextafter(t[k], -INFINITY), nextafter(t[k], INFINITY)};
            double pl[2];
            tail_formula(v, NULL, tl, lr, 2, pl);
            out(c, "%.10g %.7g\n%.10g %.7g\n", t[k], pl[0], t[k], pl[1]);
        } else {
            out(c, "%.10g %.7g\n", t[k], p[k]);
        }
    }
    out(c, "EOD\n");
    free(t);
    free(p);
}

/* Sampled points of scheme i at the histogram's edges e_k within the
 * axis: #{z < e_k} = underflow + the bins below, #{z >= e_k} = n minus
 * that, both exact because the bins are [e_k, e_k+1).  Every stride-th
 * edge is plotted, counted from the edge nearest the rule's cut so that
 * a point lands on the cut whenever the cut is an edge; returns that
 * edge's row (the anchor). */
static size_t tail_sample_block(ctx *c, size_t i, const tails *tl, double tmax, const char *lv)
{
    const sview *v = &c->v[i];
    uint64_t under, over;
    /* orthogonal: the histogram of each matrix's first row */
    const gsl_histogram *h = satstat_summary_unit_histogram(v->s, &under, &over);
    if (!h)
        h = satstat_summary_histogram(v->s, &under, &over);
    size_t nb = gsl_histogram_bins(h);
    size_t k0 = 0, k1 = nb;
    while (k0 < nb && h->range[k0] < -tmax)
        k0++;
    while (k1 > k0 && h->range[k1] > tmax)
        k1--;
    size_t anchor = 0;
    double best = INFINITY;
    for (size_t k = k0; k <= k1; k++)
        if (fabs(h->range[k] - tl->cut) < best) {
            best = fabs(h->range[k] - tl->cut);
            anchor = k - k0;
        }
    out(c, "# '%s', sampled: t at the edges of the sampler's %zu histogram bins over\n"
           "# mean +- 8 sd (width %.6g), the only t where the count is exact; the\n"
           "# fraction, the %s interval's lower and upper ends; n = %llu.\n"
           "# P(z <= t) is counted as #{z < t} (the bins are [lo, hi)): the same\n"
           "# unless z has a point mass exactly at t.\n",
        v->name, nb, (v->hist_hi - v->hist_lo) / (double)nb, lv,
        (unsigned long long)v->n_indep);
    out(c, "$sample%zu << EOD\n", i + 1);
    uint64_t below = under; /* #{z < e_k} */
    for (size_t k = 0; k < k0; k++)
        below += (uint64_t)gsl_histogram_get(h, k);
    for (size_t k = k0; k <= k1 && k0 <= nb; k++) {
        double t = h->range[k];
        uint64_t cnt = t < tl->split ? below : v->n_indep - below;
        satstat_interval ci = satstat__pl_proportion_ci(cnt, v->n_indep, c->c->alpha);
        out(c, "%.10g %.7g %.7g %.7g\n", t, (double)cnt / (double)v->n_indep, ci.lo, ci.hi);
        if (k < nb)
            below += (uint64_t)gsl_histogram_get(h, k);
    }
    out(c, "EOD\n");
    return anchor;
}

/* About `SAMPLED_POINTS` points across a panel of width `width`: every
 * stride-th edge of scheme v's histogram. */
static size_t tail_stride(const sview *v, double width)
{
    double bin = (v->hist_hi - v->hist_lo) / (double)v->hist_bins;
    double s = ceil(width / SAMPLED_POINTS / bin - 1e-9);
    return s >= 1 ? (size_t)s : 1;
}

/* Figure 4's satstat__pl_header (a one-sided or asymmetric rule): what it shows. */
static void tails_header(ctx *c, const tails *tlp, const char *lv, int zoom, const char *note)
{
    char m1[SATSTAT_DOUBLE_SIZE];
    tails tl = *tlp;
    int lower = tl.split == INFINITY, upper = tl.split == -INFINITY, both = !lower && !upper;
    int dead = strcmp(c->rule_txt, "dead") == 0;
    (void)upper;
    char about[8][320];
    const char *ab[10];
    size_t na = 0;
    if (both) {
        snprintf(about[na++], sizeof about[0],
                 "The tails of z on both sides of the saturated region %s (rule %s):",
                 c->region_txt, c->rule_txt);
        snprintf(about[na++], sizeof about[0],
                 "P(z <= t) for t < split = (zbelow + zabove)/2 and P(z >= t) from it on,");
        snprintf(about[na++], sizeof about[0],
                 "for every scheme.  The saturated fraction is the lower curve at t = zbelow");
        snprintf(about[na++], sizeof about[0],
                 "plus the upper one at t = zabove (the dotted lines); |z| >= t would mix them.");
    } else {
        snprintf(about[na++], sizeof about[0],
                 "The fraction %s as t moves along the z axis, for every scheme:",
                 lower ? "P(z <= t)" : "P(z >= t)");
        if (dead)
            snprintf(about[na++], sizeof about[0],
                     "at t = %s (the dotted line) it is the fraction of dead units, %s (%s).",
                     satstat__pl_num6(tl.cut, m1), c->region_txt, c->c->activation->name);
        else
            snprintf(about[na++], sizeof about[0],
                     "at t = %s (the dotted line) it is the saturated fraction, %s (rule %s)%s.",
                     satstat__pl_num6(tl.cut, m1), c->region_txt, c->rule_txt,
                     c->region.n_bands ? ", less its bands" : "");
        snprintf(about[na++], sizeof about[0],
                 "The rule is one-sided, so P(|z| >= t) would count the wrong side.");
    }
    snprintf(about[na++], sizeof about[0],
             "The formula as a curve, the sample as points (exact at the edges of the");
    snprintf(about[na++], sizeof about[0],
             "sampler's histogram of z; some are skipped) with %s confidence bars", lv);
    snprintf(about[na++], sizeof about[0], "(Wilson, or Clopper-Pearson for few counts).%s",
             zoom ? "  Below, the same zoomed on the middle." : "");
    size_t nab = 0;
    for (size_t k = 0; k < na; k++)
        ab[nab++] = about[k];
    if (note[0]) {
        ab[nab++] = "";
        ab[nab++] = note;
    }
    char headline[160];
    if (both)
        snprintf(headline, sizeof headline, "the tails P(z <= t), P(z >= t) against t (rule %s)",
                 c->rule_txt);
    else
        snprintf(headline, sizeof headline, "the fraction %s against t (rule %s: %s)",
                 lower ? "P(z <= t)" : "P(z >= t)", c->rule_txt, c->region_txt);
    satstat__pl_header(c, headline, ab, nab);
}

static void fig_tails(ctx *c)
{
    char m1[SATSTAT_DOUBLE_SIZE], lv[32], src[ELEM_SRC],
        t[ELEM_TITLE];
    tails tl = tails_of(c);
    int lower = tl.split == INFINITY, upper = tl.split == -INFINITY, both = !lower && !upper;
    int dead = strcmp(c->rule_txt, "dead") == 0;
    /* the axis of figures 1 to 3, widened when the cut lies beyond it */
    double tmax = fmax(c->X, satstat__nice_ceil(AXIS_T * tl.reach));
    double tzoom = fmax(ZOOM_MIN, ZOOM_T * tl.reach);
    int zoom = tmax > ZOOM_NEEDED * tzoom;
    int panels = zoom ? 2 : 1;
    satstat__pl_level_text(c->c->alpha, lv, sizeof lv);

    /* "P(z ≤ 0)": the rule's fraction in the tail's words */
    char at_cut[96];
    if (both)
        snprintf(at_cut, sizeof at_cut, "P(%s)", c->region_utf);
    else
        snprintf(at_cut, sizeof at_cut, "%s%s)", tail_words(&tl, tl.cut), satstat__pl_num6(tl.cut, m1));

    c->nel = 0;
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        snprintf(src, sizeof src, "$formula%zu using 1:2", i + 1);
        satstat__pl_add(c, src, NULL, "with lines linetype %zu", i + 1);
        /* the legend's sample: the scheme's own line and point, as drawn */
        satstat__pl_add(c, NULL, v->name, v->s ? "with linespoints linetype %zu" : "with lines linetype %zu",
            i + 1);
        if (v->s) {
            snprintf(src, sizeof src, "$sample%zu every stride%zu::start%zu using 1:2:3:4", i + 1,
                     i + 1, i + 1);
            satstat__pl_add(c, src, NULL, "with yerrorbars linetype %zu linewidth 2 dashtype 1", i + 1);
        }
    }
    /* the dotted line is the cut, not the region (a line named
     * "inactive (z ≤ 0)" read as if it were the region) */
    if (both) /* the region's words are too long for one legend row */
        snprintf(t, sizeof t, "the rule's cuts (%s)", c->rule_txt);
    else if (!c->region.n_bands)
        snprintf(t, sizeof t, "cut at %s (%s)", satstat__pl_num6(tl.cut, m1), c->rule_txt);
    else
        satstat__pl_region_legend(c, t, sizeof t);
    satstat__pl_add(c, NULL, t, "with lines linecolor rgb ink linewidth 2 dashtype 3");
    tail_key_rows(c, lv);
    if (c->ns <= SATSTAT__PALETTE_SIZE) {
        satstat__pl_text_line(c, " ");
        if (both) {
            satstat__pl_text_line(c, "left of t = %s: P(z ≤ t),", satstat__pl_num3(tl.split, m1));
            satstat__pl_text_line(c, "from there on: P(z ≥ t)");
            satstat__pl_text_line(c, " ");
            satstat__pl_text_line(c, "saturated: P(z ≤ %s)", satstat__pl_num6(c->region.below, m1));
            satstat__pl_text_line(c, "   + P(z ≥ %s)", satstat__pl_num6(c->region.above, m1));
        } else {
            satstat__pl_text_line(c, "%s %s", dead ? "inactive" : "saturated", at_cut);
        }
        for (size_t k = 0; k < c->region.n_bands; k++) { /* not on the curve */
            char m2[SATSTAT_DOUBLE_SIZE];
            satstat__pl_text_line(c, "   + P(%s ≤ z ≤ %s)", satstat__pl_num6(c->region.band[k].lo, m1),
                      satstat__pl_num6(c->region.band[k].hi, m2));
        }
        fraction_lines(c, at_cut);
    }
    /* the layers first: at a paper size the legend goes below the plot,
     * with the fractions now (figure review 17, S6), and the canvas grows
     * to keep the plot half the height, as figure 4's */
    char note[400];
    unsigned asked_height = c->g.o.height;
    satstat__pl_fit_half(c, panels, note, sizeof note);
    tails_header(c, &tl, lv, zoom, note);
    satstat__pl_output_section(c);
    if (note[0])
        satstat__fig_taller_note(&c->g, asked_height, "its legend below the plot needs it");
    satstat__pl_style_section(c, c->ns);
    satstat__pl_layout_section(c, panels, 0);

    rule(c, "numbers");
    satstat__pl_assign_region(c);
    if (both)
        satstat__pl_assign(c, "split = %s\tleft of it P(z <= t), from it on P(z >= t): midway between the cuts\n",
               satstat__pl_num(tl.split, m1));
    satstat__pl_assign(c, "tmax = %s\tthe t axis: mean +- %g sd of every scheme, at least +- %g T and %g x the cut, rounded up\n",
           satstat__pl_num(tmax, m1), AXIS_SDS, AXIS_T, AXIS_T);
    if (zoom)
        satstat__pl_assign(c, "zoom = %s\tbottom panel: +- %g, or +- %g x the cut when that is wider\n",
               satstat__pl_num(tzoom, m1), ZOOM_MIN, ZOOM_T);
    satstat__pl_assign(c, "ymax = 1.05\ta fraction: at most 1, with a little headroom\n");

    rule(c, "data");
    size_t anchor[SATSTAT_MAX_SCHEMES];
    for (size_t i = 0; i < c->ns; i++) {
        tail_formula_block(c, i, &tl, tmax, tzoom);
        if (c->v[i].s)
            anchor[i] = tail_sample_block(c, i, &tl, tmax, lv);
    }
    if (satstat__pl_any_sampled(c)) {
        out(c, "# Sampled points plotted: every stride-th row from row start, about %d per\n"
               "# panel, one of them on the edge nearest the rule's cut.\n",
            SAMPLED_POINTS);
        for (size_t i = 0; i < c->ns; i++) {
            const sview *v = &c->v[i];
            if (!v->s)
                continue;
            size_t s = tail_stride(v, 2 * tmax), sz = tail_stride(v, 2 * tzoom);
            satstat__pl_assign(c, "stride%zu = %zu\t'%s': rows start%zu + k stride%zu of $sample%zu,\n"
                      "start%zu = %zu\tcounted from 0",
                   i + 1, s, v->name, i + 1, i + 1, i + 1, i + 1, anchor[i] % s);
            if (zoom)
                satstat__pl_assign(c, "stride%zu_zoom = %zu\tthe same for the zoom\n"
                          "start%zu_zoom = %zu\t",
                       i + 1, sz, i + 1, anchor[i] % sz);
        }
    }

    rule(c, "title and axes");
    char title[320];
    if (both)
        snprintf(title, sizeof title, "Tails P(z ≤ t) and P(z ≥ t) against t; saturated (%s): %s",
                 c->rule_txt, c->region_utf);
    else if (dead)
        snprintf(title, sizeof title, "Fraction %st) against t (a CDF); at t = %s it counts the inactive units (%s)",
                 tail_words(&tl, tl.cut), satstat__pl_num6(tl.cut, m1), c->c->activation->name);
    else
        snprintf(title, sizeof title, "Fraction %st) against t; at t = %s it counts the saturated units%s (%s)",
                 tail_words(&tl, tl.cut), satstat__pl_num6(tl.cut, m1),
                 c->region.n_bands ? " of the tail" : "", c->rule_txt);
    satstat__pl_multiplot_title(c, title);
    out(c, "set xlabel 't'\nset ylabel ");
    qstr(c, both ? "tail probability" : lower ? "P(z ≤ t)" : "P(z ≥ t)");
    out(c, "\nset yrange [0:ymax]\n");
    out(c, "# the rule's cut%s: a dotted vertical line (named in the legend)\n", both ? "s" : "");
    if (c->region.below > -INFINITY)
        out(c, "set arrow 1 from first zbelow, graph 0 to first zbelow, graph 1 nohead linecolor rgb ink linewidth 2 dashtype 3 front\n");
    if (c->region.above < INFINITY)
        out(c, "set arrow 2 from first zabove, graph 0 to first zabove, graph 1 nohead linecolor rgb ink linewidth 2 dashtype 3 front\n");

    rule(c, zoom ? "top panel: the whole t axis" : "the plot");
    satstat__pl_panel(c, panels, 0);
    out(c, "set xrange [-tmax:tmax]\n");
    satstat__pl_ticks(c, "-tmax", "tmax", "0", "ymax");
    out(c, "# layers: the formula curves, the sampled points with bars (in scheme order)\n");
    satstat__pl_plot_layers(c);
    if (zoom) {
        rule(c, "bottom panel: the zoom");
        satstat__pl_panel(c, panels, 1);
        /* the zoom named at every size: at 1280 x 800 its label read "t",
         * at 3.5 in (the title's zoom cut) "t (zoom)" (figure review 15,
         * N6.4) */
        out(c, "set xlabel 't (zoom)'\n");
        out(c, "set xrange [-zoom:zoom]\n");
        satstat__pl_ticks(c, "-zoom", "zoom", "0", "ymax");
        for (size_t i = 0; i < c->ns; i++)
            if (c->v[i].s)
                out(c, "stride%zu = stride%zu_zoom; start%zu = start%zu_zoom\n", i + 1, i + 1,
                    i + 1, i + 1);
        satstat__pl_plot_layers(c);
    }
    rule(c, "the legend and the numbers");
    satstat__pl_legend_panel(c);
}
