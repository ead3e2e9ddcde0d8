/* sweep_plot.c — the figures of a sweep (satstat/sweep.h): one per
 * quantity (Var z, the saturated fraction, E[φ'(z)]) against the swept
 * parameter, every scheme's formula as a curve and its sampled values as
 * points with confidence bars.  Written with the figure toolkit
 * (figure-int.h), so that a sweep's figures look like the gallery's.
 */
#include <satstat/sweep_plot.h>

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/analytic.h>
#include <satstat/error.h>
#include <satstat/io.h>
#include <satstat/parse.h>

#include "output/figure-int.h"
#include "studies/sweep-int.h"

typedef satstat__sweep_quantity quantity;
typedef satstat__sweep_cell cell;
#define cell_of satstat__sweep_cell_of


enum { Q_VARIANCE, Q_SATURATED, Q_DPHI };

static const char *const figure_names[SATSTAT_SWEEP_FIGURES] = {
    "sweep-variance", "sweep-saturated-fraction", "sweep-activation-derivative"};

const char *satstat_sweep_plot_name(size_t i)
{
    return i < SATSTAT_SWEEP_FIGURES ? figure_names[i] : NULL;
}

/* The level line of a claimed Var z (--expect-variance). */
#define CLAIM_STYLE "with lines linecolor rgb ink linewidth 2 dashtype 2"
/* A bound of the quantity (Var z's bias floor, the largest slope): grey,
 * dotted, under the data. */
#define FLOOR_STYLE "with lines linecolor rgb '#808080' linewidth 2 dashtype 3"
/* Points of each formula curve between the ends of the sweep. */
#define CURVE_POINTS 240
/* Var z goes on a log axis when it spans more than this factor. */
/* ... and shows at most this many decades below the highest value. */
#define LOG_Y_DECADES 7

typedef struct fig {
    satstat__fig g; /* the script: stream, name, folder, options, error */
    const satstat_sweep *s;
    int q;
    int logy;
    /* what the figure shows, set by its parts in turn (write_figure) */
    char what[160], ylabel[224], title[320], xl[96], sp[16], lv[32];
    double *cx[SATSTAT_MAX_SCHEMES], *cy[SATSTAT_MAX_SCHEMES]; /* the formula curves */
    size_t cn[SATSTAT_MAX_SCHEMES];
    double ymin, ymax;            /* the data's extent                  */
    double bar_min;               /* the least positive bar end         */
    int claim;                    /* --expect-variance's level line     */
    double bias_floor, slope_bound; /* level lines, NaN when none       */
    double ylo;                   /* the log axis's foot                */
    int clipped;                  /* bars below the foot                */
    long clipped_by;              /* ... all of one scheme's (else -1)  */
    unsigned char zero[SATSTAT_MAX_SCHEMES]; /* scheme k has a sampled 0 */
    int zero_schemes;             /* how many have one                  */
    int dodged;                   /* the schemes' points set apart:     */
    double widest;                /* ... the widest offset (point_offset) */
    unsigned char flat[SATSTAT_MAX_SCHEMES]; /* scheme k's formula is the same
                                   * at every point of the sweep        */
    satstat__legend legend;
} fig;

/* Series k's palette slot, by name, as the linetypes are set. */
static size_t scheme_slot(const satstat_sweep *s, size_t k)
{
    const char *names[SATSTAT_MAX_SCHEMES];
    size_t ns = s->base.n_schemes;
    for (size_t j = 0; j < ns; j++)
        names[j] = s->series[j];
    return satstat__series_slot(names, ns, k);
}

/* Series k's filled point type. */
static int scheme_point(const satstat_sweep *s, size_t k)
{
    return satstat__point_types[scheme_slot(s, k)];
}

/* Series k's open mark (satstat__open_mark of its point type's open
 * twin): a sampled 0, and a point at odd n_in. */
static const char *scheme_open_mark(const satstat_sweep *s, size_t k, char om[SATSTAT__OPEN_MARK_SIZE])
{
    return satstat__open_mark(satstat__point_open(scheme_point(s, k)), om);
}

/* The toolkit's writers (figure-int.h) on this figure's script. */
#define out(g, ...) satstat__fig_out(&(g)->g, __VA_ARGS__)
#define qstr(g, text) satstat__fig_qstr(&(g)->g, text)
#define rule(g, title) satstat__fig_rule(&(g)->g, title)

static double quantity_of(const cell *c, int q, int which, double *lo, double *hi)
{
    const quantity *x = q == Q_VARIANCE ? &c->var : q == Q_SATURATED ? &c->sat : &c->dphi;
    if (lo)
        *lo = x->lo;
    if (hi)
        *hi = x->hi;
    return which ? x->sampled : x->analytic;
}

static double analytic_quantity(const satstat_analytic *a, int q)
{
    return q == Q_VARIANCE ? a->variance
           : q == Q_SATURATED ? a->saturated_fraction
                              : a->mean_activation_derivative;
}

/* The grid of a formula curve: CURVE_POINTS values between the ends of
 * the sweep and the sweep's own points among them, in order, repeats left
 * out (*v malloc'ed, *n of them). */
static int curve_grid(const satstat_sweep *s, double **v, size_t *n)
{
    satstat_sweep_spec dense = s->spec;
    dense.from = s->values[0];
    dense.to = s->values[s->n - 1];
    dense.steps = CURVE_POINTS;
    double grid[CURVE_POINTS];
    size_t ng = satstat__sweep_grid(&dense, grid, CURVE_POINTS);
    *v = malloc((ng + s->n) * sizeof **v);
    *n = 0;
    if (!*v)
        return SATSTAT_ENOMEM;
    /* merge the two sorted lists: the curve passes through every point's
     * own formula value (with --vary n-in that is the value at that very
     * n_in, odd or even) */
    for (size_t i = 0, j = 0; i < ng || j < s->n;) {
        double x = j >= s->n || (i < ng && grid[i] < s->values[j]) ? grid[i++] : s->values[j++];
        if (*n == 0 || x > (*v)[*n - 1])
            (*v)[(*n)++] = x;
    }
    return SATSTAT_OK;
}

/* The formula of scheme k along the curve's grid: *xs and *ys (malloc'ed,
 * *n of them); values where the config does not validate are left out.
 * Each value is the formula of the config that `satstat run` would use at
 * that x: with --vary n-in and half inputs, active = floor(n_in/2), as at
 * the sweep's points, so that the line meets the points' formula values
 * (at odd n_in one input fewer than n_in/2 is on: below n_in of about 40,
 * where the grid holds neighbouring integers, the line steps between odd
 * and even n_in, as the formula does). */
static int curve(const satstat_sweep *s, size_t k, int q, double **xs, double **ys, size_t *n)
{
    double *grid;
    size_t ng;
    *n = 0;
    *xs = *ys = NULL;
    if (curve_grid(s, &grid, &ng) != SATSTAT_OK)
        return SATSTAT_ENOMEM;
    *xs = malloc(ng * sizeof **xs);
    *ys = malloc(ng * sizeof **ys);
    if (!*xs || !*ys) {
        free(grid);
        free(*xs);
        free(*ys);
        *xs = *ys = NULL;
        return SATSTAT_ENOMEM;
    }
    for (size_t i = 0; i < ng; i++) {
        satstat_config c;
        double eff;
        satstat_analytic a;
        if (satstat__sweep_point_config(s, grid[i], &c, &eff) != SATSTAT_OK
            || satstat_analytic_compute(&c, &c.schemes[k], &a) != SATSTAT_OK)
            continue;
        if (*n > 0 && eff <= (*xs)[*n - 1])
            continue;
        (*xs)[*n] = eff;
        (*ys)[*n] = analytic_quantity(&a, q);
        (*n)++;
    }
    free(grid);
    return SATSTAT_OK;
}

/* The x axis's label: the swept parameter and what it means. */
static void x_label(const satstat_sweep *s, char *buf, size_t size)
{
    static const char *const words[] = {
        [SATSTAT_SWEEP_N_IN] = "n_{in} (fan-in)",
        [SATSTAT_SWEEP_SIGMA] = "weight standard deviation σ",
        [SATSTAT_SWEEP_P] = "p, the input density (x_{j} \\~ Bernoulli(p))",
        [SATSTAT_SWEEP_THRESHOLD] = "threshold T",
        [SATSTAT_SWEEP_GAIN] = "gain",
    };
    if (s->spec.param == SATSTAT_SWEEP_P && s->base.inputs.kind == SATSTAT_INPUTS_HALF)
        snprintf(buf, size, "p, the fraction of inputs that are 1");
    else
        snprintf(buf, size, "%s", words[s->spec.param]);
}

static void short_param(const satstat_sweep *s, char *buf, size_t size)
{
    static const char *const w[] = {"n_{in}", "σ", "p", "T", "gain"};
    snprintf(buf, size, "%s", w[s->spec.param]);
}

/* Series k's name as the reader sees it: with --vary sigma the varied
 * scheme is "normal, σ varied" (the report's name normal:SIGMA is plain
 * text for a terminal), a normal scheme "normal, σ = 0.01". */
static void series_label(const satstat_sweep *s, size_t k, char *buf, size_t size)
{
    const satstat_scheme *sc = &s->base.schemes[k];
    if (s->spec.param == SATSTAT_SWEEP_SIGMA && k == s->varied)
        snprintf(buf, size, "normal, σ varied");
    else if (sc->kind == SATSTAT_SCHEME_NORMAL)
        /* in words, as the x axis of a σ sweep: "normal:0.01" is the
         * option's spelling (figure review 23, S7) */
        snprintf(buf, size, "normal, σ = %g", sc->param);
    else
        snprintf(buf, size, "%s", s->series[k]);
}

/* A rule's text with >= and <= typeset as ≥ and ≤. */
static void typeset_relations(const char *text, char *buf, size_t size)
{
    size_t n = 0;
    for (const char *p = text; *p && n + 4 < size; p++) {
        if ((p[0] == '>' || p[0] == '<') && p[1] == '=') {
            memcpy(buf + n, p[0] == '>' ? "≥" : "≤", 3);
            n += 3;
            p++;
        } else {
            buf[n++] = *p;
        }
    }
    buf[n] = '\0';
}

/* Fractions and slopes that span more than this factor go on a log y
 * axis: on a linear one the smallest (under 5 % of the axis top) sit on
 * zero and their bars are unseen. */
#define SWEEP_LOG_Y_SPAN 20.0

/* The words of the figure: what y shows, its label and the title
 * (g->what, g->ylabel, g->title), the swept parameter's (g->xl, g->sp)
 * and the confidence level (g->lv). */
static void figure_words(fig *g)
{
    const satstat_sweep *s = g->s;
    const satstat_config *b = &s->base, *c0 = &s->configs[0];
    const satstat_analytic *a0 = satstat_report_analytic(s->reports[0], 0);
    x_label(s, g->xl, sizeof g->xl);
    short_param(s, g->sp, sizeof g->sp);
    satstat__fig_level(b->alpha, g->lv, sizeof g->lv); /* "99.9 %", as every figure words it */
    char *what = g->what, *ylabel = g->ylabel, *title = g->title;
    const char *sp = g->sp;
    /* what is drawn on y */
    int symmetric = a0->region.below == -a0->region.above && a0->region.n_bands == 0;
    char tname[24];
    if (s->spec.param == SATSTAT_SWEEP_THRESHOLD)
        snprintf(tname, sizeof tname, "T");
    else
        satstat_format_double(b->threshold, tname, sizeof tname);
    switch (g->q) {
    case Q_VARIANCE:
        snprintf(what, sizeof g->what, "Var z");
        snprintf(ylabel, sizeof g->ylabel, "Var z");
        break;
    case Q_SATURATED: {
        char region[64];
        snprintf(what, sizeof g->what, "the saturated fraction");
        if (s->spec.param == SATSTAT_SWEEP_THRESHOLD)
            snprintf(ylabel, sizeof g->ylabel, symmetric ? "saturated fraction P(|z| ≥ T)"
                                                      : "saturated fraction");
        else if (satstat_config_rule_text(c0, NULL, 0, region, sizeof region) == SATSTAT_OK) {
            char escaped[2 * sizeof region];
            char typeset[sizeof region + 16];
            typeset_relations(region, typeset, sizeof typeset);
            satstat__tex_escape(typeset, escaped, sizeof escaped);
            snprintf(ylabel, sizeof g->ylabel, "saturated fraction P(%s)", escaped);
        }
        else
            snprintf(ylabel, sizeof g->ylabel, "saturated fraction P(|z| ≥ %s)", tname);
        break;
    }
    default: {
        char name[2 * SATSTAT_ACTIVATION_NAME_SIZE];
        satstat__tex_escape(b->activation->name, name, sizeof name);
        /* "mean slope", as in the run's figures (fig3) */
        snprintf(what, sizeof g->what, "mean slope E[%s′(z)]", name);
        snprintf(ylabel, sizeof g->ylabel, "mean slope E[%s′(z)]", name);
        break;
    }
    }
    char what_title[160];
    snprintf(what_title, sizeof what_title, "M%s", what + 1); /* "Mean slope E[...]" */
    snprintf(title, sizeof g->title, "%s%s against %s", g->q == Q_SATURATED ? "Saturated fraction"
                                                      : g->q == Q_VARIANCE ? "Var z"
                                                                             : what_title,
             g->q == Q_SATURATED && symmetric ? (s->spec.param == SATSTAT_SWEEP_THRESHOLD
                                                     ? " P(|z| ≥ T)"
                                                     : "")
                                              : "",
             sp);

}

/* The log y axis's ends: at most LOG_Y_DECADES decades (a fraction of
 * 1e-30 is of no interest beside one of 0.5), ends at 1, 2 or 5 times a
 * power of ten just beyond the data, so that no empty decade is shown;
 * whole decades when a 1-2-5 range would hold no labelled decade. */
static void log_range(const fig *g, double *lo_out, double *hi_out)
{
    /* (down to the bars' lower ends too, within the decades shown: cut
     * at the axis, xavier-uniform's bar at n_in = 3 ended in a ▼, its
     * own mark, which read as a sample of 5×10⁻⁵: figure review 24, M3) */
    double ymin = fmin(g->ymin, g->bar_min), ymax = g->ymax;
    double floor_value = fmax(ymin, ymax * pow(10.0, -LOG_Y_DECADES));
    double lo = satstat__step125(floor_value / 1.3, 0), hi = satstat__step125(ymax * 1.1, 1);
    /* (at most LOG_Y_DECADES in all: the margin under the floor took
     * 0.5 down to 2×10⁻⁸, 7.4 decades, figure review 25, S1) */
    if (lo < hi * pow(10.0, -LOG_Y_DECADES))
        lo = satstat__step125(hi * pow(10.0, -LOG_Y_DECADES), 1);
    if (g->q == Q_SATURATED && ymax <= 1 && hi > 1)
        hi = 1; /* a fraction's axis ends at 1 */
    if (floor(log10(hi) + 1e-9) < ceil(log10(lo) - 1e-9)) {
        hi = pow(10.0, ceil(log10(ymax) - 1e-9));
        lo = pow(10.0, floor(log10(floor_value / 2)));
    }
    if (!(lo < hi))
        lo = hi / 10;
    *lo_out = lo;
    *hi_out = hi;
}

/* A log y axis of at most three decades with room for them: labels at 1,
 * 2 and 5 times each power of ten, plain numbers (the decades alone left
 * two labels, 10^-1 and 10^-2, on 0.002 to 0.5, with the lines at 0.19
 * and 0.25 above the top one).  On a small figure, where those are too
 * close, one step throughout from the axis's top (itself 1, 2 or 5 times
 * a power of ten, log_range): every 1-2-5 value when they are 1.6 lines
 * apart (their closest, x2, log10 2 decades), else one a decade (0.5,
 * 0.05, 0.005), else one every other decade, the others a tick without
 * a label; the data under the top label (figure review 7, S14).  Labels
 * taken greedily 1.6 lines apart read 0.5, 0.1, 0.02, 0.002, steps of
 * x5, x5 and x10 (figure review 8, S2). */
static void short_log_ticks(fig *g)
{
    double lo, hi;
    log_range(g, &lo, &hi);
    if (!(hi <= 1000 * lo))
        return;
    double v[3 * 6];
    size_t n = 0;
    for (double p = pow(10.0, floor(log10(hi)) + 1); p >= lo * 0.0999 && n + 3 <= sizeof v / sizeof v[0];
         p /= 10)
        for (int k = 2; k >= 0; k--) {
            static const double mult[3] = {1, 2, 5};
            double x = mult[k] * p;
            if (x >= lo * 0.9999 && x <= hi * 1.0001)
                v[n++] = x;
        }
    char num[SATSTAT_DOUBLE_SIZE];
    out(g, "# at most three decades: labels at 1, 2 and 5 times a power of ten; on a\n"
           "# small figure every 1-2-5 value when their labels are 1.6 lines apart,\n"
           "# else the decades (0.01, 0.1: labels at 0.005, 0.05 and 0.5 left the\n"
           "# decades' ticks bare, figure review 18, N10), or every other one, and\n"
           "# the axis's top when 1.6 lines clear of the decade under it; ticks at\n"
           "# the others\n"
           "set format y '%%g'\n"
           "if (!narrow) {\n    set ytics (");
    for (size_t i = n; i-- > 0;)
        if (satstat_format_double(v[i], num, sizeof num) == SATSTAT_OK)
            out(g, "%s%s", i + 1 == n ? "" : ", ", num);
    /* the decades from the top down, and the first of them */
    double first_decade = NAN;
    for (size_t i = 0; i < n && isnan(first_decade); i++)
        if (fabs(log10(v[i]) - round(log10(v[i]))) < 1e-9)
            first_decade = v[i];
    out(g, ")\n} else {\n"
           "    log_gap = 1.6 * line_height / (top - bottom) * log10(yhi / ylo)   # decades between labels\n"
           "    log_every = (log_gap <= log10(2) + 1e-9) ? 1 : ((log_gap <= 1 + 1e-9) ? 1 : 2)   # 1-2-5 values, or decades\n"
           "    log_all = (log_gap <= log10(2) + 1e-9)\n");
    size_t decade = 0;
    for (size_t i = 0; i < n; i++) {
        if (satstat_format_double(v[i], num, sizeof num) != SATSTAT_OK)
            continue;
        int is_decade = fabs(log10(v[i]) - round(log10(v[i]))) < 1e-9;
        char below[SATSTAT_DOUBLE_SIZE];
        if (i == 0 && !is_decade && !isnan(first_decade)
            && satstat_format_double(first_decade, below, sizeof below) == SATSTAT_OK)
            out(g, "    if (log_all || log10(%s / %s) >= log_gap - 1e-9) { set ytics (%s) } else { set ytics ('' %s) }\n",
                num, below, num, num);
        else if (is_decade)
            out(g, "    if (log_all || %zu %% log_every == 0) { set ytics %s(%s) } else { set ytics %s('' %s) }\n",
                decade++, i == 0 ? "" : "add ", num, i == 0 ? "" : "add ", num);
        else
            out(g, "    if (log_all) { set ytics %s(%s) } else { set ytics %s('' %s) }\n",
                i == 0 ? "" : "add ", num, i == 0 ? "" : "add ", num);
    }
    out(g, "}\n");
}

/* Whether two sampled points at one x would hide each other: their
 * intervals overlap, or the points lie within 4 % of the y axis (on a log
 * axis of its decades; two sampled 0s share the strip below it). */
static int points_meet(const fig *g, double ya, double la, double ha, double yb, double lb, double hb)
{
    if (!isfinite(ya) || !isfinite(yb))
        return 0;
    /* (intervals whose ends come within 1.5 % of the axis of each other
     * meet too: their caps joined into one two-coloured bar, figure
     * review 24, S4) */
    if (g->logy) {
        double decades = log10(g->ymax / g->ymin);
        if (la > 0 && lb > 0 && ha > 0 && hb > 0 && log10(la / hb) <= 0.015 * decades
            && log10(lb / ha) <= 0.015 * decades)
            return 1;
        if (la <= hb && lb <= ha)
            return 1;
        if (ya <= 0 || yb <= 0)
            return ya <= 0 && yb <= 0;
        return fabs(log10(ya / yb)) < 0.04 * decades;
    }
    double tol = 0.015 * (g->ymax - g->ymin);
    if (la <= hb + tol && lb <= ha + tol)
        return 1;
    return fabs(ya - yb) < 0.04 * (g->ymax - g->ymin);
}

/* The schemes whose sampled points meet another scheme's at the sweep's
 * point i (points_meet), into meet (in order), and in *varying how many of
 * them vary along the sweep; returns how many there are. */
static size_t schemes_meeting(const fig *g, size_t i, size_t meet[SATSTAT_MAX_SCHEMES], size_t *varying)
{
    const satstat_sweep *s = g->s;
    size_t ns = s->base.n_schemes < SATSTAT_MAX_SCHEMES ? s->base.n_schemes : SATSTAT_MAX_SCHEMES, nm = 0;
    double y[SATSTAT_MAX_SCHEMES], lo[SATSTAT_MAX_SCHEMES], hi[SATSTAT_MAX_SCHEMES];
    for (size_t a = 0; a < ns; a++) {
        cell c;
        cell_of(s->reports[i], a, &c);
        y[a] = quantity_of(&c, g->q, 1, &lo[a], &hi[a]);
    }
    *varying = 0;
    for (size_t a = 0; a < ns; a++)
        for (size_t b = 0; b < ns; b++)
            if (a != b && points_meet(g, y[a], lo[a], hi[a], y[b], lo[b], hi[b])) {
                meet[nm++] = a;
                *varying += !g->flat[a];
                break;
            }
    return nm;
}

/* Whether the formula curve is drawn as two envelopes, even and odd
 * n_in apart: --vary n-in with floor(n_in/2) inputs on (figure_data). */
static int parity_split(const fig *g)
{
    const satstat_config *b = &g->s->base;
    return g->s->spec.param == SATSTAT_SWEEP_N_IN && b->inputs.kind == SATSTAT_INPUTS_HALF
           && b->inputs.active == SATSTAT_ACTIVE_UNSET;
}

/* Scheme k's offset sideways at the sweep's point i (a log sweep: in
 * log10 x): 0 unless its point meets another scheme's there
 * (points_meet).  The schemes that meet are set apart, 0.12 of the step
 * between neighbouring points, all within 0.3 of it; where one of them
 * varies along the sweep and the others are flat, it stays at its x and
 * the flat ones move (moved, normal:σ's point at σ = 0.0375 sat 0.014
 * under its own curve, outside its interval; standard moved where it met
 * nothing: figure review 24, M2); on a linear n_in axis whose formula
 * differs at odd n_in, by at most half a unit, never to a neighbouring
 * n_in's x (0.91 moved the points at 33 and 41 onto the even line at 32
 * and 40; a quarter unit, 4 px at 3.5 in, left two marks on each other:
 * figure review 25, S3). */
static double point_offset(const fig *g, size_t i, size_t k)
{
    const satstat_sweep *s = g->s;
    size_t meet[SATSTAT_MAX_SCHEMES], varying, slot = 0;
    if (!g->dodged || k >= SATSTAT_MAX_SCHEMES || s->n < 2)
        return 0;
    size_t nm = schemes_meeting(g, i, meet, &varying);
    size_t at = nm;
    for (size_t j = 0; j < nm; j++)
        if (meet[j] == k)
            at = j;
    if (at == nm || nm < 2)
        return 0;
    double x0 = s->values[0], x1 = s->values[s->n - 1];
    double step = (s->spec.log ? log10(x1 / x0) : x1 - x0) / (double)(s->n - 1);
    double apart = fmin(0.12, 0.3 / (double)(nm - 1)) * step;
    if (parity_split(g) && !s->spec.log)
        apart = fmin(apart, 1.0 / (double)(nm - 1));
    double off;
    if (varying == 1) {
        /* the varying one at its x, the flat ones +1, -1, +2, ... apart */
        if (!g->flat[k])
            return 0;
        for (size_t j = 0; j < at; j++)
            slot += g->flat[meet[j]];
        off = (double)(slot / 2 + 1) * (slot % 2 ? -1 : 1) * apart;
    } else {
        off = ((double)at - (double)(nm - 1) / 2) * apart;
    }
    if (parity_split(g) && !s->spec.log)
        off = fmax(-0.5, fmin(0.5, off));
    return off;
}

/* Whether two schemes' sampled points meet at some point of the sweep. */
static int schemes_meet(const fig *g)
{
    size_t meet[SATSTAT_MAX_SCHEMES], varying;
    for (size_t i = 0; i < g->s->n; i++)
        if (schemes_meeting(g, i, meet, &varying) > 0)
            return 1;
    return 0;
}

/* The formula curves (g->cx, g->cy, g->cn) and the data's extent:
 * the y range, the level lines (claimed Var z, the bias floor, the
 * largest slope) and the log axis's choice. */
static int figure_extent(fig *g)
{
    const satstat_sweep *s = g->s;
    const satstat_config *b = &s->base, *c0 = &s->configs[0];
    size_t ns = b->n_schemes;
    int sampled = !s->analytic_only;
    /* the data, and their extent */
    double **cx = g->cx, **cy = g->cy;
    size_t *cn = g->cn;
    double ymin = INFINITY, ymax = 0, bar_min = INFINITY;
    for (size_t k = 0; k < ns; k++) {
        int rc = curve(s, k, g->q, &cx[k], &cy[k], &cn[k]);
        if (rc != SATSTAT_OK) {
            satstat__fig_fail(&g->g, rc);
            return rc;
        }
        for (size_t i = 0; i < cn[k]; i++) {
            if (cy[k][i] > 0 && cy[k][i] < ymin)
                ymin = cy[k][i];
            if (cy[k][i] > ymax)
                ymax = cy[k][i];
        }
        for (size_t i = 0; i < s->n && sampled; i++) {
            cell c;
            double lo, hi;
            cell_of(s->reports[i], k, &c);
            double y = quantity_of(&c, g->q, 1, &lo, &hi);
            if (isfinite(hi) && hi > ymax)
                ymax = hi;
            if (y > 0 && y < ymin)
                ymin = y;
            if (y > 0 && lo >= y / 100 && lo < bar_min) /* (farther: cut, figure review 25, S1) */
                bar_min = lo;
        }
    }
    /* --expect-variance: the one Var z every point's tests check, a level
     * line on the variance figure */
    int claim = g->q == Q_VARIANCE && !isnan(b->claimed_variance);
    if (claim) {
        ymin = fmin(ymin, b->claimed_variance);
        ymax = fmax(ymax, b->claimed_variance);
    }
    /* Var z never falls below the bias's variance (Var z = Var b +
     * sum_j x_j^2 Var w_j for independent weights and bias): that floor is
     * drawn as a level line.  A fan-in-scaled bias (torch) has none of its
     * own across an n-in sweep. */
    double bias_floor = NAN;
    if (g->q == Q_VARIANCE && !(b->bias.fan_in_scaled && s->spec.param == SATSTAT_SWEEP_N_IN)) {
        double v = satstat_law_variance(&c0->bias.law);
        if (v > 0 && isfinite(v)) {
            bias_floor = v;
            ymin = fmin(ymin, v);
        }
    }
    /* the mean slope never exceeds the activation's largest slope (1/4 for
     * sigmoid, 1 for tanh): that bound as a level line */
    double slope_bound = NAN;
    if (g->q == Q_DPHI && b->activation->dphi_max > 0 && isfinite(b->activation->dphi_max)) {
        slope_bound = b->activation->dphi_max;
        ymax = fmax(ymax, slope_bound);
    }
    g->logy = ymin > 0 && isfinite(ymin) && isfinite(ymax)
              && (satstat__fig_log_y(&g->g, ymin, ymax) || ymax > SWEEP_LOG_Y_SPAN * ymin);

    g->ymin = ymin;
    g->ymax = ymax;
    g->bar_min = bar_min;
    /* on the log axis a sampled 0 is drawn open at its foot with its bar
     * up to the interval's upper end, and a bar below the foot ends there
     * with a ▼ (as in deep-saturation), rather than left out unmarked */
    g->clipped = g->zero_schemes = 0;
    g->clipped_by = -1;
    memset(g->zero, 0, sizeof g->zero);
    g->ylo = 0;
    if (g->logy) {
        double hi_axis;
        log_range(g, &g->ylo, &hi_axis);
        for (size_t k = 0; k < ns && sampled; k++) {
            int zero_here = 0;
            for (size_t i = 0; i < s->n; i++) {
                cell c;
                double lo, hi;
                cell_of(s->reports[i], k, &c);
                double y = quantity_of(&c, g->q, 1, &lo, &hi);
                if (y == 0)
                    zero_here = 1;
                else if (y > 0 && !(lo >= g->ylo)) {
                    g->clipped_by = g->clipped && g->clipped_by != (long)k ? -1 : (long)k;
                    g->clipped = 1;
                }
            }
            if (zero_here && k < SATSTAT_MAX_SCHEMES) {
                g->zero[k] = 1;
                g->zero_schemes++;
            }
        }
    }
    /* the schemes' points at one x set apart sideways (a dodge): at T = 6
     * one scheme's bar hid another's under it, both sampled 0 with the
     * same interval (figure review 11); 0.12 of the step between
     * neighbouring points apart, all of them within 0.3 of it, centred
     * on the point's x (on a log sweep in log10 x).  Only where two
     * schemes' points meet somewhere (points_meet): set apart on a
     * sloped curve, standard's points sat 3 px above its own formula at
     * 1280 x 800, more than their interval, with scaled's decades away
     * (figure review 22); and only at those x (figure_data): set apart
     * at every T on a curve falling 1.3 decades a unit of T, a point
     * that matched its formula to 1 % looked 1.75 times above it (figure
     * review 23, S6) */
    for (size_t k = 0; k < ns && k < SATSTAT_MAX_SCHEMES; k++) {
        double lo = INFINITY, hi = -INFINITY;
        for (size_t i = 0; i < s->n; i++) {
            double y = analytic_quantity(satstat_report_analytic(s->reports[i], k), g->q);
            lo = fmin(lo, y);
            hi = fmax(hi, y);
        }
        g->flat[k] = isfinite(lo) && hi - lo <= 1e-12 * fmax(fabs(hi), 1e-300);
    }
    g->dodged = sampled && ns > 1 && s->n > 1 && schemes_meet(g);
    g->widest = 0;
    for (size_t i = 0; g->dodged && i < s->n; i++)
        for (size_t k = 0; k < ns; k++)
            g->widest = fmax(g->widest, fabs(point_offset(g, i, k)));
    g->claim = claim;
    g->bias_floor = bias_floor;
    g->slope_bound = slope_bound;
    return SATSTAT_OK;
}

/* Whether a point of the sweep has an odd n_in. */
static int odd_points(const fig *g)
{
    for (size_t i = 0; i < g->s->n; i++)
        if (g->s->configs[i].n_in % 2 == 1)
            return 1;
    return 0;
}

/* Whether the formula at odd n_in is drawn apart from the even one's:
 * parity_split, and only when a point of the sweep has an odd n_in (a
 * line there met no point and read as a second series: figure review
 * 21, S4). */
static int odd_formula(const fig *g)
{
    return parity_split(g) && odd_points(g);
}

/* Scheme k's formula rows of one parity of n_in (pass 0: even, 1: odd),
 * as figure_data writes them (on a log axis its values of 0 left out). */
static size_t parity_rows(const fig *g, size_t k, int pass)
{
    size_t n = 0;
    for (size_t i = 0; i < g->cn[k]; i++)
        if ((!g->logy || g->cy[k][i] > 0) && llround(g->cx[k][i]) % 2 == pass)
            n++;
    return n;
}

/* Whether scheme k's formula is drawn as two lines: parity_split, and
 * rows of both parities.  The odd n_in's line then has a style of its
 * own, thin, in the scheme's colour at 45 % on white, and a key row
 * (figure review 20, S6: one style for both read as one line that
 * zigzags, or as a ghost beside the points). */
static int odd_line(const fig *g, size_t k)
{
    return odd_formula(g) && parity_rows(g, k, 0) > 0 && parity_rows(g, k, 1) > 0;
}

/* The odd n_in line's style for scheme k (odd_line). */
static void odd_line_style(const fig *g, size_t k, char *buf, size_t size)
{
    char pale[8];
    satstat__gp_over_white(satstat__palette[scheme_slot(g->s, k)], 0.45, pale);
    /* (thin and solid, under the even line: two dashed lines of nearly
     * one course merged into a two-tone dash that matched neither key
     * sample, figure review 21, S5) */
    snprintf(buf, size, "linetype %zu linecolor rgb '%s' linewidth 1.5 dashtype 1", k + 1, pale);
}

/* The header, the output and the style sections.  A small figure whose
 * legend (g->legend, made first) goes below the plot grows until the plot
 * is at least as tall as that legend (at 3.5 x 2.4 in the plot took 34 %
 * of the height: figure review 17, S10), and says so. */
static void figure_header(fig *g)
{
    const satstat_sweep *s = g->s;
    const satstat_config *b = &s->base;
    size_t ns = b->n_schemes;
    char *what = g->what;
    const char *xl = g->xl, *sp = g->sp, *lv = g->lv;
    /* header */
    char cmd[4096 + 512], head[512], about[1024];
    if (satstat_sweep_command(s, cmd, sizeof cmd) != SATSTAT_OK) {
        satstat__fig_fail(&g->g, SATSTAT_ERANGE);
        return;
    }
    snprintf(head, sizeof head, "%s against %s", what, xl);
    snprintf(about, sizeof about,
             "%s for every scheme as %s varies: the formula as a curve\n"
             "(evaluated at %d points between the ends), the sampled value at each\n"
             "point of the sweep as a point with its %s confidence bar%s.\n"
             "Every point is a full `satstat run` with the same seed, so the sampling\n"
             "errors of neighbouring points are correlated.",
             what, sp, CURVE_POINTS, lv,
             g->q == Q_VARIANCE ? " (fourth-moment\nstandard error)"
             : g->q == Q_SATURATED ? " (Wilson, or\nClopper-Pearson for few counts)"
                                   : " (Student t)");
    /* what the legend's column said, which the legend below leaves out */
    size_t used = strlen(about);
    if (g->dodged)
        used += (size_t)snprintf(about + used, sizeof about - used,
                                 "\nThe schemes' points at one %s are set apart sideways, so that no bar\n"
                                 "hides another.", sp);
    if (odd_formula(g))
        used += (size_t)snprintf(about + used, sizeof about - used,
                                 "\nWith floor(n_in/2) of the inputs 1, the formula is two lines: one\n"
                                 "through the odd n_in, one through the even.");
    else if (parity_split(g))
        used += (size_t)snprintf(about + used, sizeof about - used,
                                 "\nWith floor(n_in/2) of the inputs 1, the formula at odd n_in lies\n"
                                 "off this line; no point of the sweep is odd, so it is not drawn.");
    (void)used;
    char note[400];
    satstat__fig_legend_below(&g->g); /* (laid out so: figure_layout) */
    unsigned asked_height = satstat__fig_fit_half(&g->g, &g->legend, note, sizeof note);
    if (note[0]) {
        size_t n = strlen(about);
        snprintf(about + n, sizeof about - n, "\n\n%s", note);
    }
    satstat__fig_header(&g->g, head, about, cmd);
    if (g->g.err != SATSTAT_OK)
        return;
    satstat__fig_output_section(&g->g);
    if (asked_height)
        satstat__fig_taller_note(&g->g, asked_height, "its legend below the plot needs it");

    const char *series[SATSTAT_MAX_SCHEMES];
    for (size_t k = 0; k < ns; k++)
        series[k] = s->series[k];
    satstat__fig_style_begin(&g->g, ns, series);
    out(g, "ink = '#000000'      # the legend's generic samples: black\n");
    satstat__fig_style_end(&g->g);

}

/* Whether some sampled point's bar is shorter than its mark: under 3 %
 * of the y axis (a mark is about that tall at any size). */
static int bars_hidden(const fig *g)
{
    const satstat_sweep *s = g->s;
    double lo_axis = g->ymin, hi_axis = g->ymax;
    if (g->logy)
        log_range(g, &lo_axis, &hi_axis);
    for (size_t k = 0; k < s->base.n_schemes && !s->analytic_only; k++)
        for (size_t i = 0; i < s->n; i++) {
            cell c;
            double lo, hi;
            cell_of(s->reports[i], k, &c);
            double y = quantity_of(&c, g->q, 1, &lo, &hi);
            if (!(y > 0) || !isfinite(lo) || !isfinite(hi))
                continue;
            double share = g->logy ? (lo > 0 ? log10(hi / lo) / log10(hi_axis / lo_axis) : 1)
                                   : (hi - lo) / hi_axis;
            if (share < 0.03)
                return 1;
        }
    return 0;
}

/* The rows of text below the plot: what the lines and points are, what
 * is fixed; each item a phrase of enhanced text. */
#define TEXT_ITEMS 12
#define TEXT_ITEM_SIZE 160
typedef struct text_items {
    size_t n;
    char item[TEXT_ITEMS][TEXT_ITEM_SIZE];
} text_items;

static void text_item(text_items *t, const char *fmt, ...) SATSTAT__PRINTF_LIKE(2, 3);
static void text_item(text_items *t, const char *fmt, ...)
{
    if (t->n >= TEXT_ITEMS)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->item[t->n++], TEXT_ITEM_SIZE, fmt, ap);
    va_end(ap);
}

/* Whether scheme k's sampled point is one sample drawn again at every
 * point of the sweep: the same numbers at each (the swept parameter does
 * not enter its quantity, and every point has the same seed). */
static int same_sample(const fig *g, size_t k)
{
    const satstat_sweep *s = g->s;
    cell c0;
    double l0, h0;
    cell_of(s->reports[0], k, &c0);
    double y0 = quantity_of(&c0, g->q, 1, &l0, &h0);
    for (size_t i = 1; i < s->n; i++) {
        cell c;
        double l, h;
        cell_of(s->reports[i], k, &c);
        if (quantity_of(&c, g->q, 1, &l, &h) != y0 || l != l0 || h != h0)
            return 0;
    }
    return s->n > 1 && !s->analytic_only && isfinite(y0);
}

/* How many schemes' points are one sample drawn at every point
 * (same_sample). */
static size_t repeated(const fig *g)
{
    size_t n = 0;
    for (size_t k = 0; k < g->s->base.n_schemes; k++)
        n += (size_t)same_sample(g, k);
    return n;
}

/* Which schemes' points are one sample drawn again at every point (n of
 * them: repeated): a quantity the swept parameter does not enter (Var z
 * and the mean slope against T; scaled against σ) with one seed at every
 * point gives the same numbers at each, which read as that many
 * agreements with the formula (figure review 23, M1; said for T only, not
 * for the σ sweep's scaled and he-normal: figure review 24, M4). */
static void repeated_items(const fig *g, size_t n, text_items *t)
{
    const satstat_sweep *s = g->s;
    size_t ns = s->base.n_schemes;
    if (n == 0)
        return;
    if (n == ns) {
        text_item(t, "flat: %s does not enter it", g->sp);
        text_item(t, "one sample, drawn at every %s", g->sp);
        return;
    }
    char names[TEXT_ITEM_SIZE] = "";
    size_t used = 0;
    for (size_t k = 0; k < ns && used < sizeof names; k++)
        if (same_sample(g, k)) {
            char label[SATSTAT_SPEC_SIZE];
            series_label(s, k, label, sizeof label);
            used += (size_t)snprintf(names + used, sizeof names - used, "%s%s", used ? ", " : "", label);
        }
    text_item(t, "flat in %s: %.120s", g->sp, names);
    text_item(t, "one sample of each, drawn at every %s", g->sp);
}

/* What is fixed (the fan-in, the inputs, the bias, the activation, the
 * samples and the seed) as items of t: at every size a sweep's legend is
 * below the plot, where the column's rows of text are left out (figure
 * review 23, S7: n_in = 1000, which sets scaled's σ_w² = 1/1000, was
 * nowhere in the figure). */
static void fixed_items(const fig *g, text_items *t)
{
    const satstat_sweep *s = g->s;
    const satstat_config *b = &s->base, *c0 = &s->configs[0];
    char m1[SATSTAT_DOUBLE_SIZE], escaped[2 * SATSTAT_SPEC_SIZE];
    if (s->spec.param != SATSTAT_SWEEP_N_IN)
        text_item(t, "n_{in} = %llu", (unsigned long long)c0->n_in);
    /* n_out where a scheme's weights depend on it (xavier's 2/(n_in +
     * n_out): its curve could not be made again from the figure, figure
     * review 24, S6) */
    for (size_t k = 0; k < b->n_schemes; k++) {
        satstat_law at, next;
        if (satstat_scheme_weight_law(&c0->schemes[k], c0->n_in, c0->n_out, &at) == SATSTAT_OK
            && satstat_scheme_weight_law(&c0->schemes[k], c0->n_in, c0->n_out + 1, &next) == SATSTAT_OK
            && satstat_law_variance(&at) != satstat_law_variance(&next)) {
            text_item(t, "n_{out} = %llu", (unsigned long long)c0->n_out);
            break;
        }
    }
    if (b->inputs.kind == SATSTAT_INPUTS_HALF) {
        if (s->spec.param == SATSTAT_SWEEP_P)
            text_item(t, "p·n_{in} inputs 1");
        else if (b->inputs.active != SATSTAT_ACTIVE_UNSET)
            text_item(t, "%llu inputs 1", (unsigned long long)b->inputs.active);
        else /* (at odd n_in one fewer than n_in/2: the odd line) */
            text_item(t, "%s inputs 1", s->spec.param == SATSTAT_SWEEP_N_IN ? "⌊n_{in}/2⌋" : "n_{in}/2");
    } else if (s->spec.param == SATSTAT_SWEEP_P) {
        text_item(t, "inputs Bernoulli(p)");
    } else {
        satstat__tex_escape(b->inputs.canonical, escaped, sizeof escaped);
        text_item(t, "inputs %.140s", escaped);
    }
    /* ("normal:1" is the option's spelling: the law in words) */
    if (strncmp(b->bias.canonical, "normal:", 7) == 0) {
        text_item(t, "b ∼ N(0, %.60s^{2})", b->bias.canonical + 7);
    } else if (strcmp(b->bias.canonical, "zero") == 0) {
        text_item(t, "no bias");
    } else {
        satstat__tex_escape(b->bias.canonical, escaped, sizeof escaped);
        text_item(t, "bias %.140s", escaped);
    }
    char act[2 * SATSTAT_ACTIVATION_NAME_SIZE];
    satstat__tex_escape(b->activation->name, act, sizeof act);
    if (s->spec.param == SATSTAT_SWEEP_THRESHOLD || g->q != Q_SATURATED)
        text_item(t, "%.140s", act);
    else
        text_item(t, "%.100s, T = %s", act,
                  satstat_format_double(b->threshold, m1, sizeof m1) == SATSTAT_OK ? m1 : "?");
    if (!isnan(b->claimed_variance) && g->q != Q_VARIANCE)
        text_item(t, "tests: claimed Var z = %.4g", b->claimed_variance);
    if (!s->analytic_only) {
        char count[SATSTAT__FIG_NUM_SIZE];
        satstat__fig_count((unsigned long long)b->samples, count); /* 100 000: grouped */
        text_item(t, "%s neurons, seed %llu at every point", count, (unsigned long long)b->seed);
    }
}

/* t's items as rows of text below the plot, joined by "; " into rows no
 * wider than the figure holds at its size (less a sample's room): one or
 * two rows across a slide, more down a column of a paper. */
static void text_rows(fig *g, const text_items *t)
{
    double across, down;
    satstat__fig_text_room(&g->g.o, &across, &down);
    /* (the legend's text is set smaller when a row of it runs past
     * 0.98 of the width from its sample's end: sample_width is 7.2
     * characters) */
    double room = 0.98 * across - 9;
    char row[SATSTAT__LEGEND_TITLE] = "";
    for (size_t i = 0; i <= t->n; i++) {
        char joined[SATSTAT__LEGEND_TITLE + TEXT_ITEM_SIZE + 4];
        if (i < t->n)
            snprintf(joined, sizeof joined, "%s%s%s", row, row[0] ? "; " : "", t->item[i]);
        int full = i == t->n || satstat__text_chars(joined, 1) > room || strlen(joined) >= sizeof row;
        if (row[0] && full) {
            satstat__legend_row(&g->legend, "with lines linetype nodraw", "%s", row);
            satstat__legend_tex(&g->legend);
            satstat__legend_below_only(&g->legend);
            row[0] = '\0';
            if (i < t->n)
                snprintf(joined, sizeof joined, "%s", t->item[i]);
        }
        if (i < t->n)
            snprintf(row, sizeof row, "%.*s", (int)sizeof row - 1, joined);
    }
}

/* The legend (g->legend): schemes, what lines and points are, what is
 * fixed. */
static void figure_legend(fig *g)
{
    const satstat_sweep *s = g->s;
    const satstat_config *b = &s->base, *c0 = &s->configs[0];
    size_t ns = b->n_schemes;
    const char *lv = g->lv;
    int sampled = !s->analytic_only, claim = g->claim;
    double bias_floor = g->bias_floor, slope_bound = g->slope_bound;
    char m1[SATSTAT_DOUBLE_SIZE];
    /* the legend: schemes, what lines and points are, what is fixed */
    satstat__legend *L = &g->legend;
    L->n = 0;
    for (size_t k = 0; k < ns; k++) {
        char st[128];
        char label[SATSTAT_SPEC_SIZE];
        snprintf(st, sizeof st, "with linespoints linetype %zu", k + 1);
        series_label(s, k, label, sizeof label);
        if (odd_line(g, k)) {
            /* each row says which n_in its line is the formula at: the
             * even line keyed by the scheme's name alone read as the
             * formula at every n_in, and the sampled 0.2843 [0.2796,
             * 0.2890] at n_in = 27 as off it (figure review 23, S3); the
             * mark keys the points at both */
            char odd[96];
            satstat__legend_row(L, st, "%s: even n_{in}", label);
            satstat__legend_tex(L);
            /* (its sample the open mark as drawn, the pale line said in a
             * row of text: a sample draws its line and mark in one colour) */
            char om[SATSTAT__OPEN_MARK_SIZE];
            odd_line_style(g, k, odd, sizeof odd);
            if (sampled)
                snprintf(st, sizeof st, "with points linetype %zu %s", k + 1,
                         scheme_open_mark(s, k, om));
            else
                snprintf(st, sizeof st, "with lines %s", odd);
            satstat__legend_row(L, st, "%s: odd n_{in}", label);
            satstat__legend_tex(L);
            /* (one column for the two: split, the second read as a
             * scheme of its own, figure review 23, S4) */
            satstat__legend_keep(L);
        } else {
            satstat__legend_row(L, st, "%s", label);
        }
    }
    /* what the lines and the points are, in words: each scheme's row
     * above shows its line and its mark, and a black solid line or a
     * black ● here matched no curve and no point drawn (figure review 11);
     * text-only rows, so given twice: in the column, and marked for a
     * legend below the plot, which keeps only rows with a sample */
    /* below the plot (at every size), rows of text after the rows with a
     * sample, joined to the figure's width (text_rows): what the lines
     * and the points are, the dodge (unsaid, a point beside its line
     * reads as an error: figure review 16, S9) and what is fixed,
     * among it the inputs that make the odd n_in's line (figure review
     * 21, S2); between rows with a sample, a row of text went into a
     * column and read as the heading of the rows under it (figure review
     * 23, N7) */
    text_items below = {0};
    text_item(&below, "lines: formula");
    for (size_t k = 0; k < ns; k++)
        if (sampled && odd_line(g, k)) {
            text_item(&below, "pale lines: the formula at odd n_{in}");
            break;
        }
    satstat__legend_row(L, "with lines linetype nodraw", "lines: formula");
    if (claim)
        satstat__legend_row(L, CLAIM_STYLE, "claimed Var z = %.4g (tested)", b->claimed_variance);
    if (isfinite(bias_floor))
        satstat__legend_row(L, FLOOR_STYLE, "floor Var b = %.4g", bias_floor);
    if (isfinite(slope_bound)) {
        char name[2 * SATSTAT_ACTIVATION_NAME_SIZE];
        satstat__tex_escape(b->activation->name, name, sizeof name);
        satstat__legend_row(L, FLOOR_STYLE, "max %s′ = %.4g", name, slope_bound);
        satstat__legend_tex(L);
    }
    if (sampled) {
        satstat__legend_row(L, "with lines linetype nodraw", "points, bars: sampled, %s CI", lv);
        if (g->dodged)
            satstat__legend_row(L, "with lines linetype nodraw", "(set apart sideways)");
        /* (items no longer than a row at 3.5 in: one of 56 characters set
         * the whole legend at 6.5 pt, figure review 24, S1) */
        text_item(&below, "points: sampled, %s CI", lv);
        if (g->dodged)
            text_item(&below, "set apart sideways where they meet");
        /* (the key promised bars that no reader could find: in
         * sweep-variance every interval is 1 to 2 px on its log axis,
         * inside its mark; figure review 23, S5) */
        if (bars_hidden(g))
            text_item(&below, "a bar shorter than its mark is hidden");
        /* the key is the mark drawn: every scheme with a sampled 0 its
         * own open point type in its colour (a ring keyed a drawn square,
         * figure review 9; with two schemes' zeros the words alone keyed
         * neither mark, review 10 S3) */
        for (size_t k = 0; k < ns && k < SATSTAT_MAX_SCHEMES; k++) {
            if (!g->zero[k])
                continue;
            char open_style[32 + SATSTAT__OPEN_MARK_SIZE], label[SATSTAT_SPEC_SIZE], om[SATSTAT__OPEN_MARK_SIZE];
            snprintf(open_style, sizeof open_style, "with points linetype %zu %s", k + 1,
                     scheme_open_mark(s, k, om));
            series_label(s, k, label, sizeof label);
            /* ("open" alone where open marks are the odd n_in too) */
            if (g->zero_schemes == 1 && !odd_formula(g))
                satstat__legend_row(L, open_style, "open: sampled 0");
            else
                satstat__legend_row(L, open_style, "%s: sampled 0", label);
        }
        if (g->clipped) {
            char cut[SATSTAT__LEGEND_STYLE];
            satstat__legend_row(L, satstat__cut_key(g->clipped_by, 0, cut), "bar cut at axis");
        }
    }
    size_t repeats = repeated(g);
    repeated_items(g, repeats, &below);
    fixed_items(g, &below);
    /* the column's rows of text (a legend beside the plot) */
    satstat__legend_row(L, "with lines linetype nodraw", " ");
    if (s->spec.param != SATSTAT_SWEEP_N_IN) {
        satstat__legend_row(L, "with lines linetype nodraw", "n_{in} = %llu",
                            (unsigned long long)c0->n_in);
        satstat__legend_tex(L);
    }
    if (b->inputs.kind == SATSTAT_INPUTS_HALF) {
        if (s->spec.param == SATSTAT_SWEEP_P) {
            satstat__legend_row(L, "with lines linetype nodraw", "inputs: p·n_{in} of them 1");
            satstat__legend_tex(L);
        } else if (b->inputs.active != SATSTAT_ACTIVE_UNSET) {
            satstat__legend_row(L, "with lines linetype nodraw", "inputs: %llu of them 1",
                                (unsigned long long)b->inputs.active);
        } else {
            /* at odd n_in one fewer than n_in/2: the steps of the curve */
            satstat__legend_row(L, "with lines linetype nodraw",
                                s->spec.param == SATSTAT_SWEEP_N_IN
                                    ? "inputs: ⌊n_{in}/2⌋ of them 1"
                                    : "inputs: n_{in}/2 of them 1");
            satstat__legend_tex(L);
        }
    } else if (s->spec.param == SATSTAT_SWEEP_P) {
        satstat__legend_row(L, "with lines linetype nodraw", "inputs Bernoulli(p)");
    } else {
        satstat__legend_row(L, "with lines linetype nodraw", "inputs %s", b->inputs.canonical);
    }
    /* "bias normal:1" is the option's spelling: the law in words */
    if (strncmp(b->bias.canonical, "normal:", 7) == 0) {
        satstat__legend_row(L, "with lines linetype nodraw", "bias b ∼ N(0, %s^{2})",
                            b->bias.canonical + 7);
        satstat__legend_tex(L);
    } else if (strcmp(b->bias.canonical, "zero") == 0) {
        satstat__legend_row(L, "with lines linetype nodraw", "no bias");
    } else {
        satstat__legend_row(L, "with lines linetype nodraw", "bias %s", b->bias.canonical);
    }
    char rule_text[SATSTAT_ACTIVATION_NAME_SIZE];
    if (s->spec.param == SATSTAT_SWEEP_THRESHOLD || g->q != Q_SATURATED)
        satstat__legend_row(L, "with lines linetype nodraw", "%s", b->activation->name);
    else if (satstat_config_rule_text(c0, rule_text, sizeof rule_text, NULL, 0) == SATSTAT_OK
             && strncmp(rule_text, "z:", 2) != 0)
        satstat__legend_row(L, "with lines linetype nodraw", "%s, saturation %s", b->activation->name,
            rule_text);
    else
        satstat__legend_row(L, "with lines linetype nodraw", "%s, T = %s", b->activation->name,
            satstat_format_double(b->threshold, m1, sizeof m1) == SATSTAT_OK ? m1 : "?");
    if (repeats == ns) {
        satstat__legend_row(L, "with lines linetype nodraw", "(flat: %s does not enter it;", g->sp);
        satstat__legend_tex(L);
        satstat__legend_row(L, "with lines linetype nodraw", " one sample, at every %s)", g->sp);
        satstat__legend_tex(L);
    }
    if (!isnan(b->claimed_variance) && g->q != Q_VARIANCE)
        satstat__legend_row(L, "with lines linetype nodraw", "tests: claimed Var z = %.4g",
            b->claimed_variance);
    if (sampled) {
        char count[SATSTAT__FIG_NUM_SIZE];
        satstat__fig_count((unsigned long long)b->samples, count); /* 100 000: grouped */
        satstat__legend_row(L, "with lines linetype nodraw", "%s neurons each,", count);
        satstat__legend_row(L, "with lines linetype nodraw", "seed %llu at every point",
            (unsigned long long)b->seed);
    }
    text_rows(g, &below);
}

/* The layout (the toolkit's legend column or strip) and the axes' ends. */
static void figure_layout(fig *g)
{
    const satstat_sweep *s = g->s;
    const satstat_config *b = &s->base;
    double ymax = g->ymax;
    char m1[SATSTAT_DOUBLE_SIZE];
    rule(g, "layout");
    out(g, "# The plot the full width; the legend below it (a panel of its own), so\n"
           "# that neither covers the data; the fixed settings are in the header.\n"
           "# Screen units: 0 = left/bottom, 1 = right/top of the figure.\n");
    /* the legend below the plot at every size: beside it, a slide's left
     * the area under it blank (figure review 18, S6) */
    satstat__fig_layout_legend_below(&g->g, &g->legend, 0);
    satstat__fig_xlabel_near(&g->g);
    out(g, "narrow = small_figure   # a small figure: short labels, fewer ticks\n");
    out(g, "set lmargin at screen plot_left\n"
           "set rmargin at screen plot_right\n"
           "set tmargin at screen top\n"
           "set bmargin at screen bottom\n");

    /* axes: a little room beyond the ends so that end points and their
     * bars are not cut */
    rule(g, "numbers");
    double x0 = s->values[0], x1 = s->values[s->n - 1];
    double xlo, xhi;
    /* (and the dodge's widest offset, so that the outer schemes' points
     * stay as clear of the axes as the middle one's) */
    double widest = g->widest;
    if (s->spec.log) {
        double pad = pow(x1 / x0, 0.03) * pow(10.0, widest);
        xlo = x0 / pad;
        xhi = x1 * pad;
    } else {
        double pad = 0.03 * (x1 - x0) + widest;
        xlo = x0 - pad;
        xhi = x1 + pad;
    }
    out(g, "xmin = %.10g            # the first point, less a little margin\n", xlo);
    out(g, "xmax = %.10g            # the last point, plus a little margin\n", xhi);
    if (g->logy) {
        /* at most LOG_Y_DECADES decades (a fraction of 1e-30 is of no
         * interest beside one of 0.5), ends at 1, 2 or 5 times a power of
         * ten just beyond the data, so that no empty decade is shown; whole
         * decades when a 1-2-5 range would hold no labelled decade */
        double lo, hi;
        log_range(g, &lo, &hi);
        out(g, "ylo = %s             # 1, 2 or 5 times a power of ten around the data (at most %d decades)\n",
            satstat_format_double(lo, m1, sizeof m1) == SATSTAT_OK ? m1 : "1e-6",
            LOG_Y_DECADES);
        out(g, "yhi = %s\n",
            satstat_format_double(hi, m1, sizeof m1) == SATSTAT_OK ? m1 : "1");
    } else {
        double top = ymax * 1.08;
        if (g->q == Q_SATURATED && top > 1.05)
            top = 1.05;
        if (g->q == Q_DPHI && top > b->activation->dphi_max * 1.05)
            top = b->activation->dphi_max * 1.05;
        top = g->q == Q_SATURATED && top >= 1.0 ? 1.05 : satstat__nice_ceil(top);
        out(g, "ymax = %s             # above the highest curve and bar, rounded up\n",
            satstat_format_double(top, m1, sizeof m1) == SATSTAT_OK ? m1 : "1");
    }

}

/* The x that scheme k's point i is drawn at (point_offset; a log sweep:
 * times 10^offset). */
static double dodged(const fig *g, size_t i, size_t k)
{
    double x = g->s->values[i], d = point_offset(g, i, k);
    return g->s->spec.log ? x * pow(10.0, d) : x + d;
}

/* The data blocks: per scheme its formula curve and its sampled points;
 * frows and srows: the rows written (an empty block is not plotted). */
static void figure_data(fig *g, size_t *frows, size_t *srows)
{
    const satstat_sweep *s = g->s;
    const satstat_config *b = &s->base;
    size_t ns = b->n_schemes;
    char *what = g->what;
    const char *sp = g->sp, *lv = g->lv;
    int sampled = !s->analytic_only;
    double **cx = g->cx, **cy = g->cy;
    size_t *cn = g->cn;
    rule(g, "data");
    if (g->logy)
        out(g, "# On the log y axis a sampled 0 is drawn open in a strip labelled 0 below\n"
               "# the axis's foot (ylo), its bar up to the interval's upper end; a bar below\n"
               "# the foot ends there with a down triangle.  The formula's values of 0 are\n"
               "# left out.\n");
    for (size_t k = 0; k < ns; k++) {
        out(g, "# '%s', formula: %s, %s (%zu points)\n", s->series[k], sp, what, cn[k]);
        out(g, "$formula%zu << EOD\n", k + 1);
        /* With floor(n_in/2) inputs on, odd n_in has one input fewer than
         * n_in/2: the formula alternates between two smooth envelopes, and
         * one line through neighbouring integers is a sawtooth.  Then the
         * even n_in, a blank line (a break in the line), the odd n_in. */
        /* (the odd n_in's pass only when drawn apart: odd_formula) */
        int parity = parity_split(g);
        for (int pass = 0; pass < (odd_formula(g) ? 2 : 1); pass++) {
            if (pass == 1 && odd_line(g, k))
                out(g, "\n");
            for (size_t i = 0; i < cn[k]; i++) {
                if (g->logy && !(cy[k][i] > 0))
                    continue;
                if (parity && llround(cx[k][i]) % 2 != pass)
                    continue;
                out(g, "%.10g %.10g\n", cx[k][i], cy[k][i]);
                frows[k]++;
            }
        }
        out(g, "EOD\n");
        if (!sampled)
            continue;
        out(g, "# '%s', sampled: %s, %s, the %s interval's lower and upper ends%s\n",
            s->series[k], sp, what, lv, g->dodged ? ", the x drawn" : "");
        out(g, "$sample%zu << EOD\n", k + 1);
        for (size_t i = 0; i < s->n; i++) {
            cell c;
            double lo, hi;
            cell_of(s->reports[i], k, &c);
            double y = quantity_of(&c, g->q, 1, &lo, &hi);
            if (!isfinite(y) || (g->logy && y < 0))
                continue;
            if (!isfinite(lo))
                lo = y;
            if (!isfinite(hi))
                hi = y;
            out(g, "%.10g %.10g %.10g %.10g", s->values[i], y, lo, hi);
            if (g->dodged) /* (the x drawn: set apart where the schemes meet) */
                out(g, " %.10g", dodged(g, i, k));
            out(g, "\n");
            srows[k]++;
        }
        out(g, "EOD\n");
    }

}

/* On the log axis, sampled 0s in a strip of their own below the foot
 * (satstat__fig_zero_strip), the decades labelled from ylo up; the formula
 * curves end at ylo. */
static void zero_strip(fig *g)
{
    double lo, hi;
    log_range(g, &lo, &hi);
    /* the decades' labels from ylo up only (the strip is no decade) */
    if (!(hi <= 1000 * lo))
        out(g, "set ytics 10**ceil(log10(ylo) - 1e-9), (log_crowded ? 100 : 10)\n");
    satstat__fig_zero_strip(&g->g, "top - bottom");
}

/* The title, the axes, the plot and the legend panel. */
static void figure_plot(fig *g, const size_t *frows, const size_t *srows)
{
    const satstat_sweep *s = g->s;
    const satstat_config *b = &s->base;
    size_t ns = b->n_schemes;
    char *ylabel = g->ylabel, *title = g->title;
    const char *xl = g->xl;
    int sampled = !s->analytic_only, claim = g->claim;
    double bias_floor = g->bias_floor, slope_bound = g->slope_bound;
    rule(g, "title and axes");
    satstat__fig_multiplot_title(&g->g, title, 1);
    out(g, "set xlabel ");
    satstat__fig_qtex(&g->g, xl);
    out(g, "\nset ylabel ");
    satstat__fig_qtex(&g->g, ylabel);
    /* a narrow figure: the label's formula alone, no longer than the axis */
    const char *short_y = g->q == Q_VARIANCE ? NULL
                          : strstr(ylabel, g->q == Q_SATURATED ? "P(" : "E[");
    if (short_y && short_y != ylabel) {
        out(g, "\nif (narrow) { set ylabel ");
        satstat__fig_qtex(&g->g, short_y);
        out(g, " }");
    }
    out(g, "\nset xrange [xmin:xmax]\n");
    if (s->spec.log && s->spec.to >= 100 * s->spec.from)
        /* ticks at the decades: 10^{n}, as on every log axis of the figures */
        out(g, "set logscale x 10   # a log sweep over two decades or more\n"
               "set format x '10^{%%T}'\n");
    else if (s->spec.log)
        /* under two decades gnuplot ticks between them (20, 50): plain numbers */
        out(g, "set logscale x 10   # a log sweep\n"
               "set format x '%%g'\n");
    if (g->logy)
        out(g, "set logscale y 10   # the values span more than %g times (or --log-y)\n"
               "set format y '10^{%%T}'   # 10^{n}, as on every log axis of the figures (not 1e-06, not 1000)\n"
               "set yrange [ylo:yhi]\n"
               "# a label every other decade where a decade is under 1.6 lines high (by the\n"
               "# span alone, 4.7 decades 0.35 in each at 3.5 in had two labels: figure\n"
               "# review 24, S5)\n"
               "log_crowded = ((top - bottom) / log10(yhi / ylo) < 1.6 * line_height)\n"
               "if (log_crowded) { set ytics 100 }\n"
               "# on a small figure a decade is a few lines high: the eight minor ticks of\n"
               "# each ran into a smudge beside the labels; a plain tick at an unlabelled\n"
               "# decade instead\n"
               "if (narrow) { if (log_crowded) { set mytics 2 } else { unset mytics } }\n",
            SWEEP_LOG_Y_SPAN);
    if (g->logy)
        short_log_ticks(g);
    if (g->logy && g->zero_schemes > 0)
        zero_strip(g);
    if (!g->logy) {
        out(g, "set yrange [0:ymax]\n");
        /* ticks by the plot's height (gnuplot's own put 7 labels 0.05
         * apart on a 0.7 in axis) */
        satstat__fig_ticks(&g->g, "y", "0", "ymax", "top - bottom", 0);
    }

    rule(g, "the plot");
    out(g, "# layers: per scheme the formula curve, then the sampled points with bars\n");
    out(g, "# (an empty block would make gnuplot warn: it is not plotted)\n");
    if (claim)
        out(g, "claimed_variance = %.17g   # --expect-variance: what every point tests\n",
            b->claimed_variance);
    int first = 1;
    if (isfinite(bias_floor) || isfinite(slope_bound)) {
        out(g, "bound = %.17g   # %s\n", isfinite(bias_floor) ? bias_floor : slope_bound,
            isfinite(bias_floor) ? "Var b: Var z is never below it"
                                 : "the largest slope of the activation");
        out(g, "plot bound " FLOOR_STYLE " notitle");
        first = 0;
    }
    for (size_t k = 0; k < ns; k++) {
        const char *y = g->logy && g->zero_schemes > 0 ? "($2 >= ylo ? $2 : NaN)" : "2";
        if (frows[k] && odd_line(g, k)) {
            /* the even n_in's rows, a blank line, the odd's (figure_data):
             * gnuplot's sub-blocks 0 and 1 */
            char odd[96];
            odd_line_style(g, k, odd, sizeof odd);
            out(g, "%s$formula%zu every :::1::1 using 1:%s with lines %s notitle, \\\n"
                   "     $formula%zu every :::0::0 using 1:%s with lines linetype %zu notitle",
                first ? "plot " : ", \\\n     ", k + 1, y, odd, k + 1, y, k + 1);
            first = 0;
        } else if (frows[k]) {
            out(g, "%s$formula%zu using 1:%s with lines linetype %zu notitle",
                first ? "plot " : ", \\\n     ", k + 1, y, k + 1);
            first = 0;
        }
        /* (the x column: the sweep's x, or the x drawn when points are
         * set apart somewhere, figure_data) */
        const char *x = g->dodged ? "5" : "1";
        /* with the formula drawn apart at odd n_in, the points there
         * open, as their key row: in the mark of the even row they read as
         * off the even line, the sampled 5.97 at n_in = 11 8 %% under it
         * against a bar of 2 %% (figure review 24, M1); in the scheme's
         * colour (in the odd line's pale one they were the faintest ink of
         * the figure, 1.7 : 1 on white: figure review 25, S2); the bars,
         * then the marks over them */
        int parity = odd_line(g, k);
        const char *even_y = !parity ? (g->logy ? "($2 > 0 ? $2 : NaN)" : "2")
                             : g->logy ? "($2 > 0 && int($1) % 2 == 0 ? $2 : NaN)"
                                       : "(int($1) % 2 ? NaN : $2)";
        const char *odd_y = g->logy ? "($2 > 0 && int($1) % 2 ? $2 : NaN)" : "(int($1) % 2 ? $2 : NaN)";
        const char *lo = g->logy ? "($3 > ylo ? $3 : ylo)" : "3";
        if (sampled && srows[k]) {
            out(g, "%s$sample%zu using %s:%s:%s:4 with yerrorbars linetype %zu linewidth 2 dashtype 1 notitle",
                first ? "plot " : ", \\\n     ", k + 1, x, even_y, lo, k + 1);
            first = 0;
            if (parity) {
                char om[SATSTAT__OPEN_MARK_SIZE];
                out(g, ", \\\n     $sample%zu using %s:%s:%s:4 with yerrorbars linetype %zu linewidth 2 "
                       "dashtype 1 pointtype -1 notitle"
                       ", \\\n     $sample%zu using %s:%s with points linetype %zu %s notitle",
                    k + 1, x, odd_y, lo, k + 1, k + 1, x, odd_y, k + 1,
                    scheme_open_mark(s, k, om));
            }
        }
        if (sampled && srows[k] && g->logy) {
            if (g->clipped)
                out(g, ", \\\n     $sample%zu using %s:($2 > 0 && $3 < ylo ? ylo : NaN) with points "
                       "linetype %zu %s notitle",
                    k + 1, x, k + 1, satstat__cut_mark(0));
            /* a sampled 0 in the strip below the foot, its bar from the
             * strip's top (no stem through the open mark) up to the
             * interval's upper end (its point, none, at the mark:
             * gnuplot's white disc under a yerrorbars point then lies
             * under the mark), then the open mark */
            char om[SATSTAT__OPEN_MARK_SIZE];
            if (k < SATSTAT_MAX_SCHEMES && g->zero[k]) /* (as its key row) */
                out(g, ", \\\n     $sample%zu using %s:($2 > 0 ? NaN : yzero):(zero_bar):4 with yerrorbars "
                       "linetype %zu linewidth 2 dashtype 1 pointtype -1 notitle"
                       ", \\\n     $sample%zu using %s:($2 > 0 ? NaN : yzero) with points "
                       "linetype %zu %s notitle",
                    k + 1, x, k + 1, k + 1, x, k + 1, scheme_open_mark(s, k, om));
        }
    }
    if (claim) {
        out(g, "%sclaimed_variance " CLAIM_STYLE " notitle", first ? "plot " : ", \\\n     ");
        first = 0;
    }
    if (first)
        out(g, "plot -1 with lines linetype nodraw notitle   # nothing to draw");
    out(g, "\n");

    rule(g, "the legend");
    satstat__fig_legend_panel(&g->g, &g->legend, "column", "top + 0.02", "unset logscale\n");
}

static void write_figure(fig *g)
{
    size_t ns = g->s->base.n_schemes;
    figure_words(g);
    int rc = figure_extent(g);
    if (rc != SATSTAT_OK)
        satstat__fig_fail(&g->g, rc);
    else {
        figure_legend(g);
        figure_header(g);
    }
    if (g->g.err == SATSTAT_OK) {
        size_t frows[SATSTAT_MAX_SCHEMES] = {0}, srows[SATSTAT_MAX_SCHEMES] = {0};
        figure_layout(g);
        figure_data(g, frows, srows);
        figure_plot(g, frows, srows);
    }
    for (size_t k = 0; k < ns; k++) {
        free(g->cx[k]);
        free(g->cy[k]);
    }
}

int satstat_sweep_plot_write(const satstat_sweep *s, size_t i,
                             const satstat_plot_options *options, const char *dir, FILE *f)
{
    if (!s || !f || i >= SATSTAT_SWEEP_FIGURES || !satstat__sweep_ran(s))
        return SATSTAT_EINVAL;
    fig g;
    memset(&g, 0, sizeof g);
    g.g.f = f;
    g.g.name = figure_names[i];
    g.g.dir = dir;
    g.s = s;
    g.q = (int)i;
    if (satstat__fig_options(options, &g.g.o) != SATSTAT_OK)
        return SATSTAT_EINVAL;
    satstat__c_locale cn; /* numbers with '.', whatever the caller's locale */
    satstat__c_locale_enter(&cn);
    write_figure(&g);
    satstat__c_locale_leave(&cn);
    if (g.g.err == SATSTAT_OK && (fflush(f) != 0 || ferror(f)))
        g.g.err = SATSTAT_EIO;
    return g.g.err;
}

/* ---- files ----------------------------------------------------------------*/

/* The sweep's figures as a set of the toolkit (figure-int.h). */
typedef struct sweep_set {
    const satstat_sweep *s;
    const satstat_plot_options *options;
} sweep_set;

static const char *set_name(void *arg, size_t i, char *buf, size_t size)
{
    (void)arg;
    snprintf(buf, size, "%s", figure_names[i]);
    return buf;
}

static int set_write(void *arg, size_t i, const char *dir, FILE *f)
{
    const sweep_set *a = arg;
    return satstat_sweep_plot_write(a->s, i, a->options, dir, f);
}

static satstat__figure_set figure_set(sweep_set *a)
{
    satstat__figure_set set = {SATSTAT_SWEEP_FIGURES, set_name, set_write, a, a->options};
    return set;
}

int satstat_sweep_plot_write_figures(const satstat_sweep *s, satstat_txn_dir *dir,
                                     const satstat_plot_options *options, char *msg,
                                     size_t msg_size)
{
    if (!s || !dir || !satstat__sweep_ran(s))
        return SATSTAT_EINVAL;
    sweep_set a = {s, options};
    satstat__figure_set set = figure_set(&a);
    return satstat__fig_write_set(&set, dir, msg, msg_size);
}

int satstat_sweep_plot_render_figures(const satstat_sweep *s, satstat_txn_dir *dir,
                                      satstat_render_format format, const char *program,
                                      char *msg, size_t msg_size)
{
    if (!s)
        return SATSTAT_EINVAL;
    sweep_set a = {s, NULL};
    satstat__figure_set set = figure_set(&a);
    return satstat__fig_render_set(&set, dir, format, program, msg, msg_size);
}

int satstat_sweep_plot_write_dir(const satstat_sweep *s, const char *dir,
                                 const satstat_plot_options *options, char *msg,
                                 size_t msg_size)
{
    if (!s || !satstat__sweep_ran(s))
        return SATSTAT_EINVAL;
    sweep_set a = {s, options};
    satstat__figure_set set = figure_set(&a);
    return satstat__fig_write_set_dir(&set, dir, msg, msg_size);
}

int satstat_sweep_plot_render_dir(const satstat_sweep *s, const char *dir,
                                  satstat_render_format format, const char *program, char *msg,
                                  size_t msg_size)
{
    if (!s)
        return SATSTAT_EINVAL;
    sweep_set a = {s, NULL};
    satstat__figure_set set = figure_set(&a);
    return satstat__fig_render_set_dir(&set, dir, format, program, msg, msg_size);
}
