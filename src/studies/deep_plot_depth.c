/* deep_plot_depth.c — deep's figures of depth (satstat/deep.h): the
 * correlation of two inputs layer by layer and the c-map it follows
 * (Poole et al. 2016), the depth scale ξ_c over the phase diagram
 * (Schoenholz et al. 2017) and the spectrum of the input–output Jacobian
 * (Pennington, Schoenholz & Ganguli 2017).  Drawn from what the run
 * measured (the report) and, for the c-map's curve, the library's c-map
 * (satstat_deep_correlation_map, deep_corr.c); written with the figure
 * toolkit (figure-int.h) like deep's other figures (deep_plot.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/error.h>
#include <satstat/exact.h>

#include "studies/deep-int.h"
#include "studies/deep_plot-int.h"

typedef satstat__dp_ctx ctx;

static void phase_yrange(ctx *c, double lo, double hi);

/* The c-map's box round the region its zoom panel shows, drawn and keyed
 * in one style, and the arrow at it */
#define ZOOM_BOX "#606060"
#define ZOOM_BOX_LINE "linecolor rgb '" ZOOM_BOX "' linewidth 1.5 dashtype 1"
#define ZOOM_ARROW_STYLE \
    "head filled size screen 0.012, 30 linecolor rgb '" ZOOM_BOX "' linewidth 1.5 dashtype 1"

/* A phase map where it has no value on its colour scale: a cell without
 * a fixed point or at q* = 0 (map_cells).  One grey for all, keyed alike
 * (NO_VALUE_ROW): the band below σ_b² = 0 was light grey and q* = 0 white
 * beside the q* scale's near-white end (figure review 16, S4; review 15,
 * S1.2, S1.7).  A dark grey, apart from every colour of the maps' scales
 * (their darks are all strongly coloured, their near-whites light): the
 * light grey #C4C4C4 of the q* = 0 strip, 5 px high at 1280 x 800, was
 * hard to tell from the q* scale's lavender beside it (figure review 17,
 * S5). */
#define OUTSIDE_GREY "#6E6E6E"
/* The legend's swatch of OUTSIDE_GREY, for every row that keys it */
#define NO_VALUE_ROW "with boxes fillcolor rgb '" OUTSIDE_GREY "' fillstyle solid 1.0 noborder"

/* Points of the c-map's curve over [c_lo, 1]. */
#define CMAP_POINTS 48

/* The least height of each of deep-phase's two maps stacked on a narrow
 * figure, in inches (the one map of χ₁ was 0.94 in at 3.5 x 2.4 in). */
#define PHASE_MAP_IN 0.85

/* Where single_panel puts the legend: right of the plot, or below it on
 * a small figure (the toolkit's rule); below a map (the maps' rule, in one
 * column); or below the plot at every size (the rule of fig2-fig4 and the
 * deep trio). */
enum key_place { KEY_BESIDE, KEY_MAP, KEY_BELOW };

/* The one-panel layout: the legend where `place` says, and the plot's
 * margins. */
static void single_panel(ctx *c, const satstat__legend *key, const char *title, enum key_place place)
{
    satstat__fig_rule(&c->g, "layout");
    if (place == KEY_MAP) {
        /* a map's legend below it in one column, whatever its rows' length:
         * deep-phase-xi had one column for one run and two for another at
         * 1280 x 800, on consecutive slides (figure review 18, S7; review
         * 17, N3) */
        satstat__fig_legend_max_cols(&c->g, 1);
        satstat__fig_layout_legend_map(&c->g, key, 0);
    } else if (place == KEY_BELOW) {
        satstat__fig_layout_legend_below(&c->g, key, 0);
    } else {
        satstat__fig_layout_legend(&c->g, key, 0);
    }
    /* (the x label 0.8 lines from its tick labels, 33 px at 3.5 in, as in
     * the run's and the sweep's figures) */
    satstat__fig_xlabel_near(&c->g);
    out(c, "set lmargin at screen plot_left\nset rmargin at screen plot_right\n"
           "set tmargin at screen top\nset bmargin at screen bottom\n");
    satstat__fig_multiplot_title(&c->g, title, 1);
    out(c, "unset key\n");
}

/* The legend panel and the end of the script. */
static void finish(ctx *c, const satstat__legend *key)
{
    out(c, "unset label\nunset arrow\nunset object\n");
    satstat__fig_rule(&c->g, "legend: right of the plot, or below it on a small figure");
    satstat__fig_legend_panel(&c->g, key, "column", "top + 0.02",
                              "unset title\nunset logscale\nunset colorbox\n");
}

/* The header and the output section of a figure whose body was written
 * first (satstat__fig_body_begin, to `body`), then the body: a small figure
 * whose legend goes below the plot grows until the plot is at least as tall
 * as that legend (at 3.5 x 2.4 in deep-cmap's seven rows took more height
 * than its plots, deep-correlation's six as much: figure review 16, S8;
 * review 15, S3.2), or at least min_in inches tall when that is more, and
 * says so (`why`). */
static void header_for_legend_min(ctx *c, const char *headline, const char *about,
                                  const satstat__legend *key, double min_in, const char *why,
                                  satstat__fig_body *body)
{
    satstat__fig_body_hold(&c->g, body);
    satstat_plot_options asked = c->g.o;
    char note[400], text[2048];
    unsigned asked_height = satstat__fig_fit_to_legend(&c->g, key, min_in, note, sizeof note);
    snprintf(text, sizeof text, "%s%s%s", about, note[0] ? "\n\n" : "", note);
    satstat__dp_header(c, c->r[0], headline, text);
    satstat__fig_output_section(&c->g);
    if (asked_height)
        satstat__fig_taller_note(&c->g, asked_height, why);
    satstat__fig_body_write(&c->g, body);
    c->g.o = asked;
}

/* header_for_legend_min with the plot box only as tall as the legend. */
static void header_for_legend(ctx *c, const char *headline, const char *about,
                              const satstat__legend *key, satstat__fig_body *body)
{
    header_for_legend_min(c, headline, about, key, 0, "its legend below the plot needs it", body);
}

/* Scheme s's name in a legend (enhanced text): normal and orthogonal by
 * the phase diagram's own coordinate, σ_w² · fan-in (the fan-in W of
 * layers 2..L; orthogonal: gain²), not the CLI's "normal:0.1118034" with
 * 8 digits (review 7, S7); the others by their canonical name. */
static void scheme_label(const satstat_deep_report *r, size_t s, char *buf, size_t size)
{
    const satstat_config *cfg = satstat_deep_report_config(r);
    const satstat_scheme *sc = &cfg->schemes[s];
    double width = (double)satstat_deep_report_options(r)->width;
    if (sc->kind == SATSTAT_SCHEME_NORMAL)
        snprintf(buf, size, "normal, σ_{w}² · fan-in = %.3g", sc->param * sc->param * width);
    else if (sc->kind == SATSTAT_SCHEME_ORTHOGONAL && sc->gain_given)
        /* (gain², the Unicode square as σ_w² beside it: gain^{2} set a
         * larger, detached 2 in the next key row: figure review 17, N1) */
        snprintf(buf, size, "orthogonal, gain² = %.3g", sc->gain * sc->gain);
    else
        satstat__tex_escape(sc->canonical, buf, size);
}

/* Scheme s's kind, short, for a row that its colour and mark tie to the
 * scheme's full row above: "normal", "orthogonal", else its name. */
static void scheme_kind(const satstat_deep_report *r, size_t s, char *buf, size_t size)
{
    const satstat_scheme *sc = &satstat_deep_report_config(r)->schemes[s];
    if (sc->kind == SATSTAT_SCHEME_NORMAL)
        snprintf(buf, size, "normal");
    else if (sc->kind == SATSTAT_SCHEME_ORTHOGONAL)
        snprintf(buf, size, "orthogonal");
    else
        satstat__tex_escape(sc->canonical, buf, size);
}

/* The run's settings the mean field depends on, in two rows of text for
 * a legend below the plot, where the column's rows of text are left out
 * (the bars' networks, figure review 24, S7; n_in and σ_b², on which c*,
 * ξ_c and q* depend, review 26, S7). */
static void settings_rows(const ctx *c, satstat__legend *key)
{
    const satstat_config *cfg = satstat_deep_report_config(c->r[0]);
    const satstat_deep_options *o = satstat_deep_report_options(c->r[0]);
    char act[2 * SATSTAT_ACTIVATION_NAME_SIZE];
    satstat__tex_escape(cfg->activation->name, act, sizeof act);
    satstat__legend_row(key, "with lines linetype nodraw", "%s, W = %llu, n_{in} = %llu", act,
                        (unsigned long long)o->width, (unsigned long long)cfg->n_in);
    satstat__legend_tex(key);
    satstat__legend_below_only(key);
    satstat__legend_row(key, "with lines linetype nodraw", "σ_{b}² = %.3g, R = %llu networks",
                        satstat_law_variance(&cfg->bias.law), (unsigned long long)o->networks);
    satstat__legend_tex(key);
    satstat__legend_below_only(key);
}

/* A linear axis's ticks computed in gnuplot from the panel's size. */
static void ticks(ctx *c, const char *axis, double lo, double hi, int label_chars)
{
    char l[32], h[32];
    snprintf(l, sizeof l, "%.9g", lo);
    snprintf(h, sizeof h, "%.9g", hi);
    satstat__fig_ticks(&c->g, axis, l, h,
                       axis[0] == 'x' ? "plot_right - plot_left" : "top - bottom", label_chars);
}

/* The x ticks of a map over log10(σ_w²·fan-in) from lo to hi (a linear
 * axis of logarithms: `with image` needs one): labelled powers of ten,
 * and minor ticks at 2..9 times each, where a log axis has them.
 * gnuplot's own `mxtics 10` spaced them evenly, so that a reader took the
 * k-th after 10^0 for k: the run's mark at 2.5 sat on the 4th (figure
 * review 18, M1).  narrow: a label every other decade when panel 0 is
 * narrow at the figure's size, the decades between as ticks. */
static void decade_ticks(ctx *c, double lo, double hi, int narrow)
{
    /* (every other decade from the first in range: from 0, the narrow
     * map's axis over 10^{−1.3}..10^{3.5} was labelled 10^0 and 10^2 alone;
     * a label, 10^{−1}, prints about 3.5 characters wide: five at 5
     * characters apart fit, and the maps at 1280 x 800, narrower by the
     * right one's y label, kept every decade) */
    double first = ceil(lo - 1e-9);
    out(c, "# ticks at the powers of ten of sigma_w^2 * fan_in (its log10 on the axis),\n"
           "# minor ones at 2..9 times each, log-spaced as on a log axis\n"
           "set xtics 1 format '10^{%%.0f}'\nunset mxtics\n"
           "every_other = %s\n"
           "if (every_other) { set xtics %.0f, 2 }\n"
           "do for [d = %.0f:%.0f] {\n"
           "    do for [k = 2:9] { p = d + log10(k); if (p >= %.9g && p <= %.9g) { set xtics add ('' p 1) } }\n"
           "    if (every_other && (d - %.0f) %% 2 != 0 && d >= %.9g && d <= %.9g) { set xtics add ('' d 1) }\n"
           "}\n",
        narrow ? "((panel_r(0) - panel_l(0)) < 5 * 5 * char_width)" : "0", first,
        floor(lo) - 1, ceil(hi), lo, hi, first, lo, hi);
}

/* The ends of a correlation axis: from below the smallest value (a tenth
 * below, at least 0 when all are positive) to 1, the most a correlation
 * is, with a little room for its bars. */
static void correlation_range(double vmin, double *lo, double *hi)
{
    double l = floor((vmin - 0.05) * 10) / 10;
    if (vmin >= 0.1 && l < 0)
        l = 0;
    *lo = fmax(-1.0, l);
    *hi = 1.04;
}

/* A correlation axis zoomed to the data: c^l from 0.99 to 0.96 on the
 * full [0.3, 1.04] was 8 px of a 160 px box, a flat line at 1
 * (figure review 5).  Data above 0.5: from a sixth of the gap to 1 below
 * the smallest value to a tenth above 1; else the full axis. */
static void zoomed_range(double vmin, double *lo, double *hi)
{
    if (!(vmin > 0.5 && vmin < 1)) {
        correlation_range(vmin, lo, hi);
        return;
    }
    *lo = vmin - (1 - vmin) / 6;
    *hi = 1 + (1 - *lo) / 10;
}

/* The first scheme before s with the same mean-field correlation at every
 * layer and the same c* to 1e-6 (tanh: normal:sigma and orthogonal:g with
 * g^2 = sigma^2 n share sigma_w^2, equal to the 7 digits given: 2.5 and
 * 2.4999999), or -1: their lines coincide, and the legend says so. */
static long same_correlation_field(const satstat_deep_report *r, size_t s, uint64_t layers)
{
    for (size_t t = 0; t < s; t++) {
        double a = satstat_deep_report_depth(r, s, NULL)->c_star;
        double b = satstat_deep_report_depth(r, t, NULL)->c_star;
        int same = a == b || fabs(a - b) <= 1e-6 * fmax(fabs(a), fabs(b));
        for (uint64_t l = 1; l <= layers && same; l++) {
            double m1 = satstat_deep_report_layer(r, s, l)->mf_correlation;
            double m2 = satstat_deep_report_layer(r, t, l)->mf_correlation;
            same = m1 == m2 || fabs(m1 - m2) <= 1e-6 * fmax(fabs(m1), fabs(m2));
        }
        if (same)
            return (long)t;
    }
    return -1;
}

/* ---- cˡ against layer ---------------------------------------------------------*/

/* deep-correlation's marks.  The series' points at lt_pointsize were 12 px
 * (1 mm) at 3.5 in and 7 px at 1280 x 800: the bar through the pentagon's
 * tip left a small ▲, read as the filled ▲ that marked a bar cut at 1
 * (figure review 15, S2.2, S2.3).  Now the points are larger; a cut end
 * is marked as every figure marks one (satstat__cut_mark). */
#define CORR_POINT "1.9 * pointscale"
/* The inputs' c⁰ at layer 0, drawn and keyed alike: a black ×, a shape no
 * series has (a small black square read as one of normal's squares:
 * figure review 17, N4) */
#define INPUTS_MARK "linecolor rgb '#000000' pointtype 2 pointsize lt_pointsize linewidth 2"

/* Scheme s's slot in the palette (its colour and point type). */
static size_t slot_of(const satstat_deep_report *r, size_t s)
{
    const char *names[SATSTAT_MAX_SCHEMES];
    satstat__dp_scheme_names(r, names);
    return satstat__series_slot(names, satstat_deep_report_scheme_count(r), s);
}

void satstat__dp_fig_correlation(ctx *c)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_config *cfg = satstat_deep_report_config(r);
    const satstat_deep_options *o = satstat_deep_report_options(r);
    size_t ns = satstat_deep_report_scheme_count(r);
    char title[256];
    /* the activation in the title, which a legend below the plot keeps
     * (its row "tanh, W = 200, R = 10" is left out there: figure review
     * 21, S1), as deep-cmap's title names it */
    char act[2 * SATSTAT_ACTIVATION_NAME_SIZE];
    satstat__tex_escape(satstat_deep_report_config(r)->activation->name, act, sizeof act);
    snprintf(title, sizeof title, "Correlation c^{ℓ} of two inputs by layer ℓ, %s (c^{0} = %.3g)", act,
             o->pair_correlation);
    satstat__fig_body body;
    if (satstat__fig_body_begin(&c->g, &body) != SATSTAT_OK)
        return;
    satstat__dp_style_named(c, r);
    double vmin = o->pair_correlation;
    int no_interval = 0;
    int cut[2] = {0, 0}; /* an interval cut at c = -1, at c = 1 */
    long cut_by[2] = {-1, -1}; /* the one scheme whose interval is cut there; -2: more than one */
    /* scheme s's mean-field line: 1 its own, 2 shared (black), -1 drawn
     * by an earlier scheme's */
    int line_of[SATSTAT_MAX_SCHEMES] = {0};
    satstat__fig_rule(&c->g, "data: layer, sampled, interval low, high, mean field");
    for (size_t s = 0; s < ns; s++) {
        out(c, "$s%zu << EOD\n0 NaN NaN NaN %.9g\n", s + 1, o->pair_correlation);
        for (uint64_t l = 1; l <= o->layers; l++) {
            const satstat_deep_layer *ly = satstat_deep_report_layer(r, s, l);
            double v = ly->correlation.value, lo = ly->correlation.lo, hi = ly->correlation.hi;
            if (!isfinite(lo) || !isfinite(hi)) {
                lo = hi = v;
                no_interval = isfinite(v);
            }
            out(c, "%llu %.9g %.9g %.9g %.9g\n", (unsigned long long)l, v, lo, hi,
                ly->mf_correlation);
            /* (the library cuts the interval to [-1, 1]: an end there is cut) */
            int cut_here[2] = {isfinite(lo) && lo <= -1 && lo < hi, isfinite(hi) && hi >= 1 && lo < hi};
            for (int e = 0; e < 2; e++)
                if (cut_here[e]) {
                    cut[e] = 1;
                    cut_by[e] = cut_by[e] == -1 || cut_by[e] == (long)s ? (long)s : -2;
                }
            double vals[] = {v, lo, ly->mf_correlation};
            for (int k = 0; k < 3; k++)
                if (isfinite(vals[k]))
                    vmin = fmin(vmin, vals[k]);
        }
        out(c, "EOD\n");
        /* c* is not in the range: the legend gives it, a line marks it
         * when it lies in the zoomed range */
    }
    satstat__legend key;
    key.n = 0;
    for (size_t s = 0; s < ns; s++) {
        char st[SATSTAT__LEGEND_STYLE], name[2 * SATSTAT_SPEC_SIZE];
        scheme_label(r, s, name, sizeof name);
        satstat_deep_estimate xs;
        const satstat_deep_depth *d = satstat_deep_report_depth(r, s, &xs);
        /* one row a scheme (a small figure puts the rows below the plot),
         * its mark alone: a yerrorbars sample drew a horizontal bar through
         * it that no point of the plot has (figure review 20, S3; the
         * bars have their row below) */
        snprintf(st, sizeof st, "with points linetype %zu pointsize " CORR_POINT "%s", s + 1,
                 satstat__point_svg_factor(satstat__point_types[slot_of(r, s)]));
        if (same_correlation_field(r, s, o->layers) >= 0)
            satstat__legend_row(&key, st, "%s: same mean field, c*, ξ_{c}", name);
        else if (isfinite(d->c_star)) {
            char xi[SATSTAT__FIG_NUM_SIZE];
            satstat__fig_num(d->xi_c, 3, xi);
            satstat__legend_row(&key, st, "%s: c* = %.3g, ξ_{c} = %s", name, d->c_star, xi);
        }
        else
            satstat__legend_row(&key, st, "%s: no c* (no q*)", name);
        satstat__legend_tex(&key);
        if (isfinite(xs.value)) {
            /* the interval's upper end is ∞ when the fitted rate's
             * interval reaches 0 (c⁰ near c*) */
            char value[SATSTAT__FIG_NUM_SIZE], lo[SATSTAT__FIG_NUM_SIZE],
                hi[SATSTAT__FIG_NUM_SIZE];
            satstat__fig_num(xs.value, 3, value);
            satstat__fig_num(xs.lo, 3, lo);
            satstat__fig_num(xs.hi, 3, hi);
            satstat__legend_row(&key, "with lines linetype nodraw", "  sampled ξ_{c} %s [%s, %s]",
                                value, lo, hi);
            satstat__legend_tex(&key);
        }
    }
    /* the bar alone: each scheme's mark is in its own row (a black disc
     * here, drawn by no series, read as one more); the schemes' points
     * set apart sideways said, as the sweeps' keys say it (unsaid, layer
     * 1's square at l = 0.8 read as misplaced: figure review 19, N-9) */
    /* (the bars' level in this row, which a legend below the plot keeps:
     * a row of text of its own was left out there, and the bars were
     * undefined, figure review 20, S3) */
    satstat__legend_row(&key, "with yerrorbars linecolor rgb '#000000' pointtype -1 dashtype 1",
                        "sampled, %g %% CI%s", 100 * (1 - cfg->alpha),
                        ns > 1 ? ", set apart sideways" : "");
    /* each scheme's mean field in its colour, solid as its row's sample,
     * and one line for schemes that share it, black as keyed here: the
     * two coinciding lines were drawn as alternating dashes of both
     * colours, keyed as a solid black line (figure review 18, N8) */
    int shared = 0, own = 0;
    for (size_t s = 0; s < ns && s < SATSTAT_MAX_SCHEMES; s++) {
        long t = same_correlation_field(r, s, o->layers);
        if (t >= 0)
            line_of[s] = -1, line_of[t] = 2, shared = 1;
        else if (line_of[s] == 0)
            line_of[s] = 1;
    }
    for (size_t s = 0; s < ns && s < SATSTAT_MAX_SCHEMES; s++)
        own |= line_of[s] == 1;
    if (shared) {
        satstat__legend_row(&key, "with lines linecolor rgb '#000000' dashtype 1", "mean field c^{ℓ}%s",
                            own ? " (black: shared)" : "");
        satstat__legend_tex(&key);
    } else {
        for (int twin = 0; twin < 2; twin++) { /* (text: again for a legend below) */
            satstat__legend_row(&key, "with lines linetype nodraw", "lines: mean field c^{ℓ}");
            satstat__legend_tex(&key);
            if (twin)
                satstat__legend_below_only(&key);
        }
    }
    double lo, hi;
    zoomed_range(vmin, &lo, &hi);
    if (cut[0] && lo <= -1)
        lo = -1.04; /* room for the ▼ at -1, as the axis's 1.04 above 1 */
    int star_drawn = 0;
    for (size_t s = 0; s < ns; s++) {
        double cs = satstat_deep_report_depth(r, s, NULL)->c_star;
        star_drawn |= isfinite(cs) && cs >= lo && cs <= hi;
    }
    if (star_drawn)
        satstat__legend_row(&key, "with lines linecolor rgb '#000000' dashtype 2 linewidth 1.5",
                            "fixed point c*");
    satstat__legend_row(&key, "with points " INPUTS_MARK, "inputs: c^{0} = %.3g", o->pair_correlation);
    satstat__legend_tex(&key);
    if (no_interval)
        satstat__legend_row(&key, "with lines linetype nodraw", "no bar: no interval");
    /* a bar that ends at 1 (or -1) reached past it: its end marked, as
     * deep-saturation's bars cut at the axis's foot (unmarked, layer 10's
     * 0.943 to 1 read as an interval that ends at 1) */
    for (int e = 1; e >= 0; e--)
        if (cut[e]) {
            char st[SATSTAT__LEGEND_STYLE];
            satstat__legend_row(&key, satstat__cut_key(cut_by[e], e, st), "bar cut at c = %s", e ? "1" : "−1");
        }
    satstat__legend_row(&key, "with lines linetype nodraw", "%s, W = %llu, R = %llu",
                        cfg->activation->name, (unsigned long long)o->width,
                        (unsigned long long)o->networks);
    settings_rows(c, &key);
    single_panel(c, &key, title, KEY_BESIDE);
    out(c, "set xlabel 'layer ℓ'\nset ylabel 'correlation c^{ℓ}'\n");
    out(c, "set xrange [-0.5:%g]\nset yrange [%.3g:%.3g]\n", (double)o->layers + 0.5, lo, hi);
    ticks(c, "x", 0, (double)o->layers, 3);
    out(c, "set mxtics 1\n");
    /* ticks up to 1 only: the zoomed axis's top, 1.01, was labelled, a
     * correlation that cannot be (figure review 15, N2.4) */
    char lo_t[32], step[512];
    snprintf(lo_t, sizeof lo_t, "%.9g", lo);
    satstat__fig_up_tick_step(lo_t, "1", "top - bottom", step, sizeof step);
    out(c, "set ytics -1, %s, 1\n", step);
    out(c, "plot ");
    /* the mean-field lines first, under the points: one a mean field
     * (line_of), so that no line hides another (normal's maroon line lay
     * wholly under orthogonal's, the same mean field: figure review 15,
     * N2.5) */
    for (size_t s = ns < SATSTAT_MAX_SCHEMES ? ns : SATSTAT_MAX_SCHEMES; s-- > 0;) {
        if (line_of[s] == 1)
            out(c, "$s%zu using 1:5 with lines linetype %zu dashtype 1 notitle, \\\n     ", s + 1, s + 1);
        else if (line_of[s] == 2)
            out(c, "$s%zu using 1:5 with lines linecolor rgb '#000000' dashtype 1 notitle, \\\n     ", s + 1);
    }
    for (size_t s = 0; s < ns; s++) {
        /* (the pairs apart by a mark and a half at 3.5 in) */
        double dx = ns > 1 ? 0.36 * ((double)s / (double)(ns - 1) - 0.5) : 0;
        const char *f = satstat__point_svg_factor(satstat__point_types[slot_of(r, s)]);
        double cs = satstat_deep_report_depth(r, s, NULL)->c_star;
        /* black as in the legend: a coloured c* line hid the other
         * scheme's under it */
        if (isfinite(cs) && cs >= lo && cs <= hi)
            out(c, "%.9g with lines linecolor rgb '#000000' dashtype 2 linewidth 1.5 notitle, \\\n     ",
                cs);
        out(c, "$s%zu using ($1 + %.3g):2:3:4 with yerrorbars linetype %zu dashtype 1 pointsize " CORR_POINT
               "%s notitle, \\\n     ",
            s + 1, dx, s + 1, f);
        for (int e = 0; e < 2; e++)
            if (cut[e])
                out(c, "$s%zu using ($1 + %.3g):($%d %s %d && $3 < $4 ? %d : NaN) with points linetype %zu "
                       "%s notitle, \\\n     ",
                    s + 1, dx, e ? 4 : 3, e ? ">=" : "<=", e ? 1 : -1, e ? 1 : -1, s + 1, satstat__cut_mark(e));
    }
    out(c, "$s1 every ::0::0 using 1:5 with points " INPUTS_MARK " notitle\n");
    finish(c, &key);
    header_for_legend(c, "Correlation of two inputs against layer",
                      "Two inputs per network at correlation c0 through the same weights: per\n"
                      "layer the correlation of their pre-activations across the W units, the\n"
                      "mean over networks with its 1 - alpha interval (Student t) as points and\n"
                      "bars; the mean-field c-map iterates c^l (Poole et al. 2016, eq. 5) as\n"
                      "lines, from the inputs' c0 at l = 0; the fixed point c* of the map at q*\n"
                      "dashed where it lies in the plotted range (else in the legend only),\n"
                      "approached at the rate 1/xi_c (Schoenholz et al. 2017).",
                      &key, &body);
}

/* ---- the c-map at q* -----------------------------------------------------------*/

/* The curve of scheme s's c-map at variance q over [lo, hi] as $BLOCKS
 * (block "map" or "zoom"): c and the step c_next - c; whether it has a
 * point.  *dmin, *dmax take in the steps. */
static int cmap_curve(ctx *c, const char *block, size_t s, double q, double lo, double hi,
                      double *dmin, double *dmax)
{
    const satstat_config *cfg = satstat_deep_report_config(c->r[0]);
    double mu_b = satstat_law_mean(&cfg->bias.law), sb2 = satstat_law_variance(&cfg->bias.law);
    double sw;
    satstat_deep_report_fixed_point(c->r[0], s, &sw);
    int any = 0;
    out(c, "$%s%zu << EOD\n", block, s + 1);
    for (int i = 0; i <= CMAP_POINTS && isfinite(q) && q > 0; i++) {
        double cc = lo + (hi - lo) * i / CMAP_POINTS, next;
        if (satstat_deep_correlation_map(cfg->activation, sw, mu_b, sb2, q, cc, NULL, &next)
                != SATSTAT_OK
            || !isfinite(next))
            continue;
        out(c, "%.9g %.9g\n", cc, next - cc);
        *dmin = fmin(*dmin, next - cc);
        *dmax = fmax(*dmax, next - cc);
        any = 1;
    }
    out(c, "EOD\n");
    return any;
}

/* The mark at c*, in the plot and in its key row alike, at the open
 * marks' size and outline (satstat__open_mark).  Drawn
 * without a line type, plot and key took the width of the line type of
 * their place in the command, the key's ring 5 px thick at 3.5 in
 * against the plot's 2 px (figure review 17, S3). */
#define CSTAR_MARK_SIZE (SATSTAT__OPEN_MARK_SIZE + 32)
static const char *cstar_mark(char buf[CSTAR_MARK_SIZE])
{
    /* (an asterisk, which no scheme's mark is: a ring was standard's open
     * circle, the mark of its sampled points, in black; figure review 24,
     * S10) */
    char om[SATSTAT__OPEN_MARK_SIZE];
    snprintf(buf, CSTAR_MARK_SIZE, "linecolor rgb '#000000' %s", satstat__open_mark(3, om));
    return buf;
}

/* deep-cmap with a zoom: the maps over [lo, 1] on the left with the zoom's
 * region boxed, and on the right the zoom z = {c from, c to, step from,
 * step to} with the maps over it ($zoomS) and the sampled points. */
/* A c-map panel's plot: the zero line, each scheme's map (data block
 * $<maps><s>, where drawn) and its sampled pairs, and the ring at c*
 * where c* lies in [lo, hi]; the main panel and the zoom alike. */
#define CMAP_BAR_WIDTH "1.5" /* (half a line's 3) */
static void cmap_plot(ctx *c, const int *curve, const char *maps, double lo, double hi)
{
    const satstat_deep_report *r = c->r[0];
    size_t ns = satstat_deep_report_scheme_count(r);
    out(c, "plot 0 with lines linecolor rgb '#000000' linewidth 1.5 dashtype 3 notitle");
    for (size_t s = 0; s < ns && s < SATSTAT_MAX_SCHEMES; s++) {
        const satstat_deep_depth *d = satstat_deep_report_depth(r, s, NULL);
        if (curve[s])
            out(c, ", \\\n     $%s%zu using 1:2 with lines linetype %zu dashtype %zu notitle", maps,
                s + 1, s + 1, s % 4 + 1);
        char om[SATSTAT__OPEN_MARK_SIZE], cm[CSTAR_MARK_SIZE], pale[8];
        /* the points joined in layer order by a thin pale line, and the
         * bars half the lines' width: two normal points 0.00007 apart in
         * c drew one bar with four caps, and the schemes' bars interleaved
         * across the zoom at 3.5 in (figure review 23, S1) */
        satstat__dp_scheme_tint(r, s, 0.45, pale);
        out(c, ", \\\n     $pairs%zu using 1:2 with lines linecolor rgb '%s' linewidth 1 dashtype 1 notitle",
            s + 1, pale);
        out(c, ", \\\n     $pairs%zu using 1:2:3:4 with yerrorbars linetype %zu linewidth " CMAP_BAR_WIDTH
               " dashtype 1 pointtype -1 notitle",
            s + 1, s + 1);
        out(c, ", \\\n     $pairs%zu using 1:2 with points linetype %zu %s notitle", s + 1, s + 1,
            satstat__open_mark(satstat__dp_open_point(s, ns, r), om));
        if (isfinite(d->c_star) && d->c_star >= lo && d->c_star <= hi)
            out(c, ", \\\n     '+' using (%.9g):(0) every ::0::0 with points %s notitle", d->c_star,
                cstar_mark(cm));
    }
}

static void cmap_zoom_panels(ctx *c, const satstat__legend *key, const char *title, double lo,
                             const int *curve, const double *z, double dmin, double dmax)
{
    const satstat_deep_report *r = c->r[0];
    size_t ns = satstat_deep_report_scheme_count(r);
    satstat__fig_rule(&c->g, "layout: the maps on the left, the zoom on the sampled points right");
    satstat__fig_layout_legend(&c->g, key, 0);
    satstat__fig_xlabel_near(&c->g); /* (as single_panel's: figure review 24, N5) */
    /* (the zoom's y tick labels between the panels: "−0.004", 7 characters,
     * and room beside them: at 9 characters the label began 9 px right of
     * the left panel's edge at 1280 x 800, figure review 17, S2) */
    satstat__fig_layout_grid(&c->g, 2, 1, 12, 0);
    satstat__fig_multiplot_title(&c->g, title, 1);
    out(c, "unset key\n");
    double pad = 0.08 * (dmax - dmin > 0 ? dmax - dmin : 1);
    double foot = dmin - pad;
    if (dmin < 0)
        foot = -satstat__step125(-foot, 1);
    char a[32], b[32];
    satstat__fig_grid_panel(&c->g, 0, 0);
    out(c, "set xlabel 'c^{ℓ}'\nset ylabel 'c^{ℓ+1}" SATSTAT__FIG_SCRIPT_SPACE "− c^{ℓ}'\n");
    out(c, "set xrange [%.3g:1]\nset yrange [%.9g:%.9g]\n", lo, foot, dmax + pad);
    snprintf(a, sizeof a, "%.9g", lo);
    satstat__fig_ticks(&c->g, "x", a, "1", "panel_w", 4);
    snprintf(a, sizeof a, "%.9g", dmin);
    snprintf(b, sizeof b, "%.9g", dmax);
    satstat__fig_ticks(&c->g, "y", a, b, "panel_h", 6);
    /* the zoom's own rectangle, and an arrow at it (a small box is found
     * by it; widened to 2 characters by a line, the box claimed c =
     * 0.87..1 at 3.5 in for a zoom of 0.972..0.9925, figure review 17,
     * S1), at any size of the box, as the legend's sample keys it (figure
     * review 19, S6); the arrow from above it, or from below where the
     * panel has no room above (from below where there was room, it
     * pointed up at 1280 x 800 and down at 3.5 in: figure review 19,
     * N-10) */
    out(c, "# where the zoom is: its rectangle (screen units), and an arrow at it when small\n"
           "zx0 = panel_l(0) + (%.9g - (%.9g)) / (1 - (%.9g)) * panel_w\n"
           "zx1 = panel_l(0) + (%.9g - (%.9g)) / (1 - (%.9g)) * panel_w\n"
           "zy0 = panel_b(0) + (%.9g - (%.9g)) / (%.9g - (%.9g)) * panel_h\n"
           "zy1 = panel_b(0) + (%.9g - (%.9g)) / (%.9g - (%.9g)) * panel_h\n"
           "set object 1 rectangle from screen zx0, screen zy0 to screen zx1, screen zy1 "
           "fillstyle empty border " ZOOM_BOX_LINE " front\n"
           "zoom_above = (panel_b(0) + panel_h - zy1 >= 1.75 * line_height)\n"
           "zoom_tip = zoom_above ? zy1 + 0.2 * line_height : zy0 - 0.2 * line_height\n"
           "zoom_tail = zoom_above ? zy1 + 1.5 * line_height : zy0 - 1.5 * line_height\n"
           "set arrow 1 from screen (zx0 + zx1) / 2, screen zoom_tail to screen "
           "(zx0 + zx1) / 2, screen zoom_tip " ZOOM_ARROW_STYLE " front\n",
        z[0], lo, lo, z[1], lo, lo, z[2], foot, dmax + pad, foot, z[3], foot, dmax + pad, foot);
    out(c, "plot 0 with lines linecolor rgb '#000000' linewidth 1.5 dashtype 3 notitle");
    for (size_t s = 0; s < ns && s < SATSTAT_MAX_SCHEMES; s++) {
        const satstat_deep_depth *d = satstat_deep_report_depth(r, s, NULL);
        char cm[CSTAR_MARK_SIZE];
        if (curve[s])
            out(c, ", \\\n     $map%zu using 1:2 with lines linetype %zu dashtype %zu notitle", s + 1,
                s + 1, s % 4 + 1);
        if (isfinite(d->c_star) && d->c_star >= lo)
            out(c, ", \\\n     '+' using (%.9g):(0) every ::0::0 with points %s notitle", d->c_star,
                cstar_mark(cm));
    }
    out(c, "\nunset object 1\nunset arrow 1\n");
    satstat__fig_grid_panel(&c->g, 1, 0);
    out(c, "set xlabel 'c^{ℓ}" SATSTAT__FIG_SCRIPT_SPACE "(zoom)'\nunset ylabel\n");
    out(c, "set xrange [%.9g:%.9g]\nset yrange [%.9g:%.9g]\n", z[0], z[1], z[2], z[3]);
    snprintf(a, sizeof a, "%.9g", z[0]);
    snprintf(b, sizeof b, "%.9g", z[1]);
    satstat__fig_ticks(&c->g, "x", a, b, "panel_w", 5);
    snprintf(a, sizeof a, "%.9g", z[2]);
    snprintf(b, sizeof b, "%.9g", z[3]);
    satstat__fig_ticks(&c->g, "y", a, b, "panel_h", 6);
    cmap_plot(c, curve, "zoom", z[0], z[1]);
    out(c, "\n");
    finish(c, key);
}

/* deep-cmap's header */
#define CMAP_HEADLINE "The correlation map at q*"
#define CMAP_ABOUT \
    "Lines: the mean-field map of the correlation of two inputs from one layer\n" \
    "to the next, c -> c_next, at the fixed point q* of the length map (Poole\n" \
    "et al. 2016, eq. 5; 2-D Gauss-Hermite quadrature, deep_corr.c), with the\n" \
    "step c_next - c drawn against c, with the zero line: where they cross\n" \
    "is the fixed point c*, stable when the map's slope chi_c there is below\n" \
    "1.  Points: the sampled (c^l, c^(l+1) - c^l) of the run's layers, whose\n" \
    "q^l approach q* with depth.  (The map itself hugs the identity: schemes\n" \
    "and points piled on the diagonal's corner.)  When the points span less\n" \
    "than half the c axis they are drawn in a zoom on the right, the maps\n" \
    "over its range with them, its region boxed on the left.  Bars: the\n" \
    "step's interval over the networks, from each network's own difference\n" \
    "c^(l+1) - c^l (the points' c^l have theirs in deep-correlation)."

void satstat__dp_fig_cmap(ctx *c)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_config *cfg = satstat_deep_report_config(r);
    const satstat_deep_options *o = satstat_deep_report_options(r);
    size_t ns = satstat_deep_report_scheme_count(r);
    char title[200];
    snprintf(title, sizeof title, "The step of the correlation map, c^{ℓ+1} − c^{ℓ}, at q*");
    satstat__fig_body body;
    if (satstat__fig_body_begin(&c->g, &body) != SATSTAT_OK)
        return;
    satstat__dp_style_named(c, r);
    double vmin = o->pair_correlation;
    for (size_t s = 0; s < ns; s++)
        for (uint64_t l = 1; l <= o->layers; l++) {
            double v = satstat_deep_report_layer(r, s, l)->correlation.value;
            if (isfinite(v))
                vmin = fmin(vmin, v);
        }
    /* [0, 1] when every c is positive, with a tick at each end */
    double lo = 0, hi;
    if (vmin < 0)
        correlation_range(vmin, &lo, &hi);
    double dmin = 0, dmax = 0; /* the zero line is always in range */
    double pc_lo = INFINITY, pc_hi = -INFINITY, ps_lo = INFINITY, ps_hi = -INFINITY; /* the points' c, steps */
    satstat__fig_rule(&c->g, "data: the map c, c_next - c; the sampled c^l, c^(l+1) - c^l");
    int curve[SATSTAT_MAX_SCHEMES] = {0}, at_last[SATSTAT_MAX_SCHEMES] = {0};
    double qs[SATSTAT_MAX_SCHEMES] = {0};
    for (size_t s = 0; s < ns && s < SATSTAT_MAX_SCHEMES; s++) {
        /* at q*; where there is none, or q* = 0 (the map is then c ↦ 1 by
         * convention) or the map cannot be evaluated there (relu at the
         * edge: q* ~ 1e16), at the last layer's mean-field q^L, said so */
        const satstat_deep_fixed_point *fp = satstat_deep_report_fixed_point(r, s, NULL);
        double qL = satstat_deep_report_layer(r, s, o->layers)->mf_variance;
        qs[s] = fp->finite ? fp->q : NAN;
        curve[s] = qs[s] > 0 && cmap_curve(c, "map", s, qs[s], lo, 1, &dmin, &dmax);
        if (!curve[s] && qL > 0 && isfinite(qL)) {
            if (qs[s] > 0) /* a block was written at q*: name the second one apart */
                out(c, "# (the map at q* could not be evaluated: at q^L instead)\n");
            at_last[s] = 1;
            qs[s] = qL;
            curve[s] = cmap_curve(c, "map", s, qL, lo, 1, &dmin, &dmax);
        }
        /* c^l, the step and its interval (satstat_deep_layer's
         * correlation_step: each network's own difference, so that the
         * bars say which of the points' departures from the map are
         * noise; without them the scatter read as real, figure review 21,
         * M1; review 22, S1) */
        out(c, "$pairs%zu << EOD\n", s + 1);
        for (uint64_t l = 1; l < o->layers; l++) {
            const satstat_deep_layer *ly = satstat_deep_report_layer(r, s, l);
            double a = ly->correlation.value;
            const satstat_deep_estimate *st = &ly->correlation_step;
            double step = st->value;
            out(c, "%.9g %.9g %.9g %.9g\n", a, step, st->lo, st->hi);
            if (isfinite(step) && isfinite(a)) {
                double lo_s = isfinite(st->lo) ? st->lo : step, hi_s = isfinite(st->hi) ? st->hi : step;
                dmin = fmin(dmin, lo_s);
                dmax = fmax(dmax, hi_s);
                pc_lo = fmin(pc_lo, a);
                pc_hi = fmax(pc_hi, a);
                ps_lo = fmin(ps_lo, lo_s);
                ps_hi = fmax(ps_hi, hi_s);
            }
        }
        out(c, "EOD\n");
    }
    /* the sampled points over a zoom of their own when they fill less than
     * half the c axis: at c^0 = 0.99 the 18 were one clump of 28 x 32 px
     * at the axis's right end, no point of it readable (figure review 10,
     * S1); the zoom spans their c and steps, with the maps over it */
    double z_lo = NAN, z_hi = NAN, zy_lo = NAN, zy_hi = NAN;
    int zoom = pc_lo <= pc_hi && pc_hi - pc_lo < 0.5 * (1 - lo);
    if (zoom) {
        double pad = fmax(0.08 * (pc_hi - pc_lo), 0.002);
        z_lo = fmax(lo, pc_lo - pad);
        z_hi = fmin(1, pc_hi + pad);
        double ymin = ps_lo, ymax = ps_hi;
        for (size_t s = 0; s < ns && s < SATSTAT_MAX_SCHEMES; s++)
            if (curve[s])
                cmap_curve(c, "zoom", s, qs[s], z_lo, z_hi, &ymin, &ymax);
        /* the zero line (c* where the steps change sign) when it costs at
         * most as much again as the points and curves span */
        if (ymin > 0 && ymin < ymax - ymin)
            ymin = 0;
        if (ymax < 0 && -ymax < ymax - ymin)
            ymax = 0;
        double ypad = 0.1 * (ymax - ymin > 0 ? ymax - ymin : fmax(fabs(ymax), 1e-3));
        zy_lo = ymin - ypad;
        zy_hi = ymax + ypad;
    }
    satstat__legend key;
    key.n = 0;
    for (size_t s = 0; s < ns && s < SATSTAT_MAX_SCHEMES; s++) {
        char st[SATSTAT__LEGEND_STYLE], name[2 * SATSTAT_SPEC_SIZE];
        scheme_label(r, s, name, sizeof name);
        const satstat_deep_depth *d = satstat_deep_report_depth(r, s, NULL);
        /* one row a scheme: its line (the map) and its points (sampled);
         * a dash of its own, so coinciding maps both show */
        /* (its line alone: a mark on it, "—□—", keyed line-and-point
         * series where the points lie off the lines, figure review 15,
         * S3.2; the marks are named in the points' row) */
        snprintf(st, sizeof st, "with lines linetype %zu dashtype %zu", s + 1, s % 4 + 1);
        if (same_correlation_field(r, s, o->layers) >= 0)
            /* ("same map": "same mean field" ran off a 3.5 in SVG) */
            satstat__legend_row(&key, st, "%s: same map, c* = %.3g", name, d->c_star);
        else if (isfinite(d->c_star))
            satstat__legend_row(&key, st, "%s: c* = %.3g, χ_{c} = %.3g", name, d->c_star,
                                d->chi_c);
        else
            satstat__legend_row(&key, st, "%s: no c*", name);
        satstat__legend_tex(&key);
        if (!curve[s])
            satstat__legend_row(&key, "with lines linetype nodraw", "  no q*, no map");
        else if (at_last[s])
            satstat__legend_row(&key, "with lines linetype nodraw", "  map at q^{%llu} = %.2g (%s)",
                                (unsigned long long)o->layers, qs[s],
                                satstat_deep_report_fixed_point(r, s, NULL)->q == 0 ? "q* = 0"
                                                                                   : "no q*");
        else
            satstat__legend_row(&key, "with lines linetype nodraw", "  map at q* = %.3g", qs[s]);
        satstat__legend_tex(&key);
    }
    int any_star = 0;
    for (size_t s = 0; s < ns && s < SATSTAT_MAX_SCHEMES; s++)
        any_star |= isfinite(satstat_deep_report_depth(r, s, NULL)->c_star);
    /* the dotted zero line said in c*'s row where there is one: a row of
     * its own with the sampled points' rows took the legend below the
     * plots past their height at 3.5 in (figure review 20, S4) */
    if (!any_star) {
        satstat__legend_row(&key, "with lines linecolor rgb '#000000' linewidth 1.5 dashtype 3",
                            "zero: c^{ℓ+1} = c^{ℓ}");
        satstat__legend_tex(&key);
    } else {
        /* χ_c defined where it is first given (the rows above): the map's
         * slope dc^{ℓ+1}/dc^{ℓ} at c* (Poole et al. 2016, eq. 9), the
         * drawn step's slope plus 1 */
        char cm[CSTAR_MARK_SIZE], st[SATSTAT__LEGEND_STYLE];
        snprintf(st, sizeof st, "with points %s", cstar_mark(cm));
        /* (the map's slope in symbols: "the map's slope" was read off the
         * drawn curve, the step, whose slope there is χ_c − 1: figure
         * review 22, S2) */
        satstat__legend_row(&key, st, "c*: step 0 (dotted); χ_{c} = dc^{ℓ+1}/dc^{ℓ} there");
        satstat__legend_tex(&key);
    }
    /* what the lines and the points are, in rows with a sample: a legend
     * below the plot keeps only those, and the points were explained
     * nowhere there, nor q* (figure review 9) */
    char act[2 * SATSTAT_ACTIVATION_NAME_SIZE];
    satstat__tex_escape(cfg->activation->name, act, sizeof act);
    int one_q = ns > 0;
    for (size_t s = 0; s < ns && s < SATSTAT_MAX_SCHEMES; s++)
        one_q &= curve[s] && !at_last[s] && fabs(qs[s] - qs[0]) <= 1e-6 * qs[0];
    /* the lines' map and q* in the title when one for all: a text-only
     * row of the legend below took a line of a key nearly as tall as the
     * plots at 3.5 in (figure review 17, S7); else in words, as the
     * points' row (a black solid line matched none of the schemes' lines,
     * each in its colour and dash in its row above), text-only, so given
     * again for a legend below the plot */
    if (one_q)
        snprintf(title, sizeof title, "The %s map's step, c^{ℓ+1} − c^{ℓ}, at q* = %.3g", act, qs[0]);
    else /* (the activation named, as in the one-q* title: figure review 24, N14) */
        snprintf(title, sizeof title, "The %s map's step, c^{ℓ+1} − c^{ℓ}, at each scheme's q*", act);
    for (int twin = 0; twin < 2 && !one_q; twin++) {
        satstat__legend_row(&key, "with lines linetype nodraw", "lines: the %s map at each q*", act);
        if (twin)
            satstat__legend_below_only(&key);
    }
    /* the sampled points, a row a scheme with its mark as drawn, in its
     * colour: named in words in one row ("points (□, ⬠)") the marks
     * were black in the key and coloured in the plot (figure review 20,
     * S4); a black □ had keyed the orthogonal scheme's sky-blue ⬠ too
     * (figure review 10, S2) */
    for (size_t s = 0; s < ns && s < SATSTAT_MAX_SCHEMES; s++) {
        char st[SATSTAT__LEGEND_STYLE], om[SATSTAT__OPEN_MARK_SIZE], kind[2 * SATSTAT_SPEC_SIZE];
        snprintf(st, sizeof st, "with points linetype %zu %s", s + 1,
                 satstat__open_mark(satstat__dp_open_point(s, ns, r), om));
        scheme_kind(r, s, kind, sizeof kind);
        satstat__legend_row(&key, st, "%s: sampled, joined in layer order", kind);
    }
    /* the bars in a row of their own with a bar for its sample, for every
     * scheme, with the networks they are over, which set their width
     * (Student t on R − 1 degrees of freedom): said in the first scheme's
     * row only, with that scheme's open mark and no bar, they read as
     * that scheme's alone (figure review 23, S2) */
    satstat__legend_row(&key, "with yerrorbars linecolor rgb '#000000' linewidth " CMAP_BAR_WIDTH
                              " pointtype -1 dashtype 1",
                        "sampled from c^{0} = %.3g, %g %% CI over %llu networks", o->pair_correlation,
                        100 * (1 - cfg->alpha), (unsigned long long)o->networks);
    satstat__legend_tex(&key);
    if (zoom) {
        /* (its sample the arrow at the box, pointing as the plot's does,
         * and the box said in words: the glyph ▯ in grey read as a font's
         * missing-glyph box, figure review 19, S6; a keyed box was a wide
         * flat rectangle, 70 x 20 px at 3.5 in against the plot's 9 x 25
         * px, figure review 18, N9) */
        satstat__legend_row(&key, "with points pointtype (zoom_above ? '↓' : '↑') linecolor rgb '" ZOOM_BOX "'",
                            "box at arrow: the points' zoom");
        satstat__legend_tex(&key);
        settings_rows(c, &key);
        cmap_zoom_panels(c, &key, title, lo, curve, (double[]){z_lo, z_hi, zy_lo, zy_hi}, dmin, dmax);
        header_for_legend(c, CMAP_HEADLINE, CMAP_ABOUT, &key, &body);
        return;
    }
    settings_rows(c, &key);
    single_panel(c, &key, title, KEY_BESIDE);
    double pad = 0.08 * (dmax - dmin > 0 ? dmax - dmin : 1);
    /* a negative lobe reaches a labelled tick: the foot at the next 1, 2
     * or 5 times a power of ten below it (its minimum −0.014 in [−0.018,
     * 0.051] had no label under 0, the ticks being 0.02 apart) */
    double foot = dmin - pad;
    if (dmin < 0)
        foot = -satstat__step125(-foot, 1);
    out(c, "set xlabel 'c^{ℓ}'\nset ylabel 'c^{ℓ+1}" SATSTAT__FIG_SCRIPT_SPACE "− c^{ℓ}'\n");
    out(c, "set xrange [%.3g:1]\nset yrange [%.9g:%.9g]\n", lo, foot, dmax + pad);
    ticks(c, "x", lo, 1, 4);
    ticks(c, "y", dmin, dmax, 6);
    cmap_plot(c, curve, "map", lo, INFINITY);
    out(c, "\n");
    finish(c, &key);
    header_for_legend(c, CMAP_HEADLINE, CMAP_ABOUT, &key, &body);
}

/* Rows of the χ₁ = 1 line added between the phase grid's first two
 * (edge_block) */
#define EDGE_REFINE 8

/* The χ₁ = 1 line ($edge): per σ_b² row the crossing solved by the phase
 * computation (Brent's method, not interpolated across χ₁'s kink), and
 * between the grid's first two rows EDGE_REFINE more, solved by the library
 * on a grid of their own: the line leaves σ_b² = 0 steeply (tanh: from
 * σ_w² fan-in 1 to 1.75 at the first row, 0.05), and drawn straight
 * between the grid's rows it had a kink there (figure review 15, N1.5). */
static void edge_block(ctx *c, const satstat_deep_phase *ph)
{
    const satstat_config *cfg = satstat_deep_report_config(c->r[0]);
    satstat_deep_phase *fine = NULL;
    /* over the grid's columns round the first two rows' crossings only
     * (and one more each side), the grid's spacing: over all 81 columns
     * the 10 rows cost 810 fixed points, a quarter of the phase grid's
     * time, for a crossing found between two of them */
    size_t lo = 0, hi = ph->nx - 1;
    if (ph->ny > 1 && isfinite(ph->critical[0]) && isfinite(ph->critical[1])) {
        double a = fmin(ph->critical[0], ph->critical[1]), b = fmax(ph->critical[0], ph->critical[1]);
        while (lo + 1 < ph->nx && ph->x[lo + 1] <= a)
            lo++;
        while (hi > 0 && ph->x[hi - 1] >= b)
            hi--;
        lo = lo > 0 ? lo - 1 : 0;
        hi = hi + 1 < ph->nx ? hi + 1 : hi;
    }
    if (ph->ny > 1 && satstat_deep_phase_compute(cfg->activation, satstat_law_mean(&cfg->bias.law), hi - lo + 1,
                                                 ph->x[lo], ph->x[hi], EDGE_REFINE + 2, ph->y[0], ph->y[1],
                                                 1, NULL, NULL, &fine) != SATSTAT_OK)
        fine = NULL;
    out(c, "$edge << EOD\n");
    for (size_t k = 0; k < ph->ny; k++) {
        if (k == 0 && fine) {
            for (size_t j = 0; j + 1 < fine->ny; j++)
                if (isfinite(fine->critical[j]))
                    out(c, "%.9g %.6g\n", log10(fine->critical[j]), fine->y[j]);
        } else if (isfinite(ph->critical[k])) {
            out(c, "%.9g %.6g\n", log10(ph->critical[k]), ph->y[k]);
        }
    }
    out(c, "EOD\n");
    satstat_deep_phase_free(fine);
}

/* ---- ξ_c over the phase diagram -------------------------------------------------*/

/* The map's cells as filled boxes (columns x = log10 σ_w²·fan-in, y =
 * σ_b², then the value in column `col`), in two layers: the cells 1.5
 * times their size, overlapping, then the cells themselves over them.
 * Drawn `with image`, the map had white seams between its cells in the
 * PNG (gnuplot draws an image whose x are printed numbers cell by cell)
 * and, in the SVG, spilled past the plot's frame (its images are not
 * clipped) and was smoothed by viewers (figure review 13, M3); boxes that
 * abut leave their antialiased edges' share of the background between
 * them (review 14: 58 light columns at 1280 x 800), and boxes that overlap
 * alone would shift each cell by a quarter of its size.  Boxes are clipped
 * to the plot and drawn alike by every terminal; within the grid's own
 * range (its first and last rows' halves past it left out: below σ_b² = 0
 * they coloured variances below 0).  Starts the plot command. */
static void map_cells(ctx *c, const satstat_deep_phase *ph, int col)
{
    double hx = ph->nx > 1 ? (log10(ph->x_hi) - log10(ph->x_lo)) / (double)(ph->nx - 1) / 2 : 0.5;
    double hy = ph->ny > 1 ? (ph->y_hi - ph->y_lo) / (double)(ph->ny - 1) / 2 : 0.5;
    out(c, "cell_hx = %.9g   # half a cell (log10 sigma_w^2 fan_in), and half a cell of sigma_b^2\n"
           "cell_hy = %.9g\n"
           "grid_x_lo = %.9g\ngrid_x_hi = %.9g\ngrid_y_lo = %.9g\ngrid_y_hi = %.9g\n"
           "# a cell's edges, grown by a factor g, within the grid's range\n"
           "cell_x(x, g, s) = (s * (x + s * g * cell_hx) > s * (s > 0 ? grid_x_hi : grid_x_lo)) ? (s > 0 ? grid_x_hi : grid_x_lo) : x + s * g * cell_hx\n"
           "cell_y(y, g, s) = (s * (y + s * g * cell_hy) > s * (s > 0 ? grid_y_hi : grid_y_lo)) ? (s > 0 ? grid_y_hi : grid_y_lo) : y + s * g * cell_hy\n",
        hx, hy, log10(ph->x_lo), log10(ph->x_hi), ph->y_lo, ph->y_hi);
    for (int layer = 0; layer < 2; layer++) {
        /* (a NaN cell left out of the colour layers: drawn, gnuplot gave
         * it white) */
        out(c, "%s$grid using 1:(valid(%d) ? $2 : NaN):(cell_x($1, %s, -1)):(cell_x($1, %s, 1)):"
               "(cell_y($2, %s, -1)):(cell_y($2, %s, 1)):%d with boxxyerror fillstyle solid 1.0 noborder "
               "linecolor palette notitle",
            layer ? ", \\\n     " : "plot ", col, layer ? "1" : "1.5", layer ? "1" : "1.5",
            layer ? "1" : "1.5", layer ? "1" : "1.5", col);
        /* a cell without a value (NaN) in the grey of no value, grown as
         * the colour layer under it, between the grown cells and the cells
         * themselves (it was white, gnuplot's colour for NaN); at its own
         * size, neighbouring grey cells left light seams between them: in
         * the dark grey, 15 light columns across 82 px of the q* = 0 strip
         * at 1280 x 800 (figure review 17, S5) */
        if (layer == 0)
            out(c, ", \\\n     $grid using 1:(valid(%d) ? NaN : $2):(cell_x($1, 1.5, -1)):(cell_x($1, 1.5, 1)):"
                   "(cell_y($2, 1.5, -1)):(cell_y($2, 1.5, 1)) with boxxyerror fillstyle solid 1.0 noborder "
                   "linecolor rgb '" OUTSIDE_GREY "' notitle",
                col);
    }
}

/* The y range of a phase map: the grid's, [lo, hi], at every size.  It
 * was widened past the grid where the schemes' marks (at σ_b² = ys) came
 * within half a mark of an end, the room drawn as a grey band keyed
 * "σ_b² < 0, not a variance": at σ_b² = 0.05 on a map from 0 that was at
 * 3.5 in only, so that one diagram had a band and a key row in print and
 * none on a slide or in its sister figure (figure review 17, S4).  A
 * mark near an end may reach the axis's line (PHASE_MARK, 17 px at
 * 3.5 in: its centre 7 px above σ_b² = 0 there). */
static void phase_yrange(ctx *c, double lo, double hi)
{
    out(c, "set yrange [%.9g:%.9g]   # the grid's sigma_b^2, the marks' room or not\n", lo, hi);
}

/* The schemes' marks on the phase diagrams (deep-phase, deep-phase-xi):
 * white, outlined in black, so that they show on any colour and take no
 * colour of the maps' scales; a mark PHASE_MARK pointscale across (a
 * white fill and its black outline, scheme_mark), and a scheme on an
 * earlier one's point smaller, inside that one's mark (PHASE_SHARED)
 * (drawn the same size, the normal □ showed only its corners behind the
 * orthogonal pentagon: review 8 S4).  At 2.6, with a ring 1.6 times that
 * round the pentagon, the marks were 40 px across at 3.5 in and covered
 * the critical line's start 20 px from their centre (figure review 16,
 * S3); now 17 px. */
#define PHASE_MARK 1.8
/* A mark with another inside it (same_point) PHASE_SHARED times larger,
 * the inner one PHASE_SHARED_RING times smaller than it: at PHASE_MARK
 * and 1 / 1.45 times it the pentagon inside the square touched it (its tip
 * on the square's edge) and was 5 px wide at 1280 x 800 (figure review
 * 18, N4; review 17, N2). */
#define PHASE_SHARED 1.45
#define PHASE_SHARED_RING 1.75

/* The outline of a scheme's mark on the phase diagrams, point type pt
 * (filled or open; the open one drawn), `grow` times PHASE_MARK, at the open
 * marks' width (open_lw): in the plot over a white fill of its shape, and
 * in the key (on the legend's white) the same words, so that the key
 * draws the mark the plot draws.  The key's mark had no width of its own
 * and took its line type's, a bold outline beside the plot's thin one
 * (figure review 17, S3). */
static void scheme_mark_outline(char *buf, size_t size, int pt, double grow)
{
    int open = satstat__point_open(pt);
    snprintf(buf, size, "linecolor rgb '#000000' pointtype %d pointsize %.3g * pointscale%s linewidth open_lw",
             open, PHASE_MARK * grow, satstat__point_svg_factor(open));
}

/* The plot elements (", $schemes ...") of scheme s's mark, point type pt,
 * `grow` times its size, appended to buf: a white fill, then its outline
 * (scheme_mark_outline). */
static size_t scheme_mark(char *buf, size_t size, size_t s, int pt, double grow)
{
    char outline[128];
    scheme_mark_outline(outline, sizeof outline, pt, grow);
    int n = snprintf(buf, size,
                     ", \\\n     $schemes every ::%zu::%zu using 1:2 with points linecolor rgb '#FFFFFF' "
                     "pointtype %d pointsize %.3g * pointscale%s notitle"
                     ", \\\n     $schemes every ::%zu::%zu using 1:2 with points %s notitle",
                     s, s, pt, PHASE_MARK * grow, satstat__point_svg_factor(pt), s, s, outline);
    return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

/* The legend key of scheme s's mark (scheme_mark, `grow` times its size):
 * its outline, as the plot draws it, white on the legend's white. */
static void scheme_mark_key(const satstat_deep_report *r, size_t s, size_t ns, double grow, char *st,
                            size_t size)
{
    char outline[128];
    scheme_mark_outline(outline, sizeof outline, satstat__dp_open_point(s, ns, r), grow);
    snprintf(st, size, "with points %s", outline);
}

/* Whether scheme s sits on an earlier scheme's point of the phase
 * diagram ph (within 1/200 of the map's width; the run's bias is one for
 * all): that scheme's index, else -1.  normal:0.1118034 and
 * orthogonal:1.5811388 give σ_w² fan-in 2.5000000 and 2.4999999. */
static long same_point(const satstat_deep_report *r, const satstat_deep_phase *ph, size_t s)
{
    double xs, xt, span = log10(ph->x_hi) - log10(ph->x_lo);
    satstat_deep_report_fixed_point(r, s, &xs);
    for (size_t t = 0; t < s; t++) {
        satstat_deep_report_fixed_point(r, t, &xt);
        if (xs > 0 && xt > 0 && fabs(log10(xs / xt)) <= span / 200)
            return (long)t;
    }
    return -1;
}

/* Where log10 ξ_c crosses log10(target) between neighbouring cells of row
 * k, nearest the critical point on each side: *left (ordered side) and
 * *right (chaotic side) as log10(σ_w²·fan_in), NaN when none. */
static void depth_crossings(const satstat_deep_phase *ph, size_t k, double target, double *left,
                            double *right)
{
    *left = *right = NAN;
    double crit = ph->critical[k], lt = log10(target);
    for (size_t i = 0; i + 1 < ph->nx; i++) {
        double a = ph->xi_c[k * ph->nx + i], b = ph->xi_c[k * ph->nx + i + 1];
        if (!(a > 0) || !(b > 0) || !isfinite(a) || !isfinite(b))
            continue;
        double la = log10(a) - lt, lb = log10(b) - lt;
        if (la == lb || (la > 0) == (lb > 0))
            continue;
        double x0 = log10(ph->x[i]), x1 = log10(ph->x[i + 1]);
        double x = x0 + (x1 - x0) * la / (la - lb);
        if (isfinite(crit) && x > log10(crit))
            *right = isfinite(*right) ? *right : x; /* the first right of it */
        else
            *left = x; /* the last left of it */
    }
}

/* ξ_c of cell (row k, column i) as the map draws it: the two cells of a
 * row that straddle χ_1 = 1 take their outer neighbour's ξ_c: by where
 * the grid happens to fall, one of them is 10^3 and more and its
 * neighbours along the line 10^2, a chain of navy squares that read as
 * markers (review 8 S12); the black line says ξ_c → ∞ there. */
static double plotted_xi(const satstat_deep_phase *ph, size_t k, size_t i)
{
    double v = ph->xi_c[k * ph->nx + i], crit = ph->critical[k];
    if (isfinite(crit) && i + 1 < ph->nx && ph->x[i] <= crit && crit < ph->x[i + 1] && i >= 1)
        v = fmin(v, ph->xi_c[k * ph->nx + i - 1]);
    else if (isfinite(crit) && i >= 1 && ph->x[i - 1] <= crit && crit < ph->x[i] && i + 1 < ph->nx)
        v = fmin(v, ph->xi_c[k * ph->nx + i + 1]);
    return v;
}

/* The colour bar's top (log10 ξ_c): the smallest 10^k or 3·10^k with at
 * most 1 % of the map's cells above it, and at most 10^3.  The largest
 * value was the top before: the few cells beside χ_1 = 1 at σ_b² = 0,
 * under the black line and the schemes' marks, took the bar's top quarter
 * (10² to 10³) while every cell one could see was under 10^{1.4} (figure
 * review 15, S1.3).  Cells above it take the end colour, and the bar's
 * end says "≥".  Steps of half a decade (log10 3 = 0.48) keep the end's
 * label clear of the decade's tick under it. */
static double xi_bar_top(const satstat_deep_phase *ph, double lo)
{
    size_t n = 0;
    for (size_t i = 0; i < ph->nx * ph->ny; i++)
        n += ph->xi_c[i] > 0; /* (∞ too: the bar's end colour) */
    for (double d = ceil(lo); d < 3; d++)
        for (int h = 0; h < 2; h++) {
            double top = d + (h ? log10(3.) : 0);
            if (top < lo + 1)
                continue; /* a decade at least */
            size_t above = 0;
            for (size_t k = 0; k < ph->ny; k++)
                for (size_t i = 0; i < ph->nx; i++) {
                    double v = plotted_xi(ph, k, i);
                    above += v > 0 && log10(v) > top;
                }
            if (above * 100 <= n)
                return top;
        }
    return 3;
}

/* The label of a log colour bar's tick at 10^d (whole d): a plain number
 * from 0.001 to 1000 (satstat__fig_num), else 10^{d}; the χ₁ bar's 0.1 / 1 /
 * 10 beside the ξ_c bar's 10^{−1} / 10^{0} / 10^{1} and the q* bar's
 * 10^{−1} / 10^{1} / 10^{3} were three notations for one kind of scale
 * (figure review 17, N5). */
static void decade_label(double d, char buf[SATSTAT__FIG_NUM_SIZE])
{
    if (fabs(d) <= 3)
        satstat__fig_num(pow(10, d), 4, buf);
    else
        snprintf(buf, SATSTAT__FIG_NUM_SIZE, "10^{%s%.0f}", d < 0 ? "−" : "", fabs(d));
}

/* The ξ_c map near χ₁ = 1: each row's cells within XI_FINE_REACH cells of
 * its crossing split into XI_FINE_SUB columns, ξ_c solved at each (the
 * library's fixed point and depth scales, as the grid's cells: no value
 * interpolated, the divergence at the crossing being no place to), the
 * two straddling the crossing taking their outer neighbour's value as the
 * grid's do (plotted_xi).  On the 80 x 40 grid the dark ridge along the
 * line was a staircase of cells 12 px wide at 1280 x 800 that the smooth
 * line cut through (figure review 18, S3); a finer grid everywhere cost
 * its time over the whole map, where ξ_c changes slowly.  Rows as the
 * grid's (columns: log10 x, σ_b², the sub-cell's edges, its edges grown
 * by a quarter within the refined span, log10 ξ_c as $grid's). */
#define XI_FINE_SUB 4
#define XI_FINE_REACH 1.5
static void xi_fine_block(ctx *c, const satstat_deep_phase *ph, double cb_hi)
{
    const satstat_config *cfg = satstat_deep_report_config(c->r[0]);
    double mu = satstat_law_mean(&cfg->bias.law);
    double w = ph->nx > 1 ? (log10(ph->x_hi) - log10(ph->x_lo)) / (double)(ph->nx - 1) : 1;
    double sw = w / XI_FINE_SUB;
    enum { MAX_FINE = 64 };
    out(c, "$fine << EOD\n");
    for (size_t k = 0; k < ph->ny; k++) {
        if (!isfinite(ph->critical[k]))
            continue;
        double lc = log10(ph->critical[k]), lx[MAX_FINE], v[MAX_FINE];
        size_t n = 0;
        for (size_t i = 0; i < ph->nx; i++) {
            double li = log10(ph->x[i]);
            if (fabs(li - lc) > XI_FINE_REACH * w)
                continue;
            for (int j = 0; j < XI_FINE_SUB && n < MAX_FINE; j++) {
                double x = li - w / 2 + (j + 0.5) * sw;
                satstat_deep_fixed_point fp;
                satstat_deep_depth d;
                lx[n] = x;
                v[n] = NAN;
                if (x >= log10(ph->x_lo) && x <= log10(ph->x_hi)
                    && satstat_deep_solve_fixed_point(cfg->activation, pow(10, x), mu, ph->y[k], 1.0, &fp)
                           == SATSTAT_OK
                    && satstat__deep_depth_scales(cfg->activation, pow(10, x), mu, ph->y[k], &fp, 1, &d)
                           == SATSTAT_OK)
                    v[n] = d.xi_c;
                n++;
            }
        }
        for (size_t m = 1; m + 2 < n; m++)
            if (lx[m] <= lc && lc < lx[m + 1]) {
                v[m] = fmin(v[m], v[m - 1]);
                v[m + 1] = fmin(v[m + 1], v[m + 2]);
            }
        for (size_t m = 0; m < n; m++) {
            double a = lx[m] - sw / 2, b = lx[m] + sw / 2;
            out(c, "%.6g %.6g %.6g %.6g %.6g %.6g ", lx[m], ph->y[k], a, b,
                fmax(lx[0] - sw / 2, a - sw / 4), fmin(lx[n - 1] + sw / 2, b + sw / 4));
            if (v[m] == INFINITY)
                out(c, "%.6g\n", cb_hi + 1);
            else if (v[m] > 0 && isfinite(v[m]))
                out(c, "%.6g\n", log10(v[m]));
            else
                out(c, "NaN\n");
        }
    }
    out(c, "EOD\n");
}

void satstat__dp_fig_phase_xi(ctx *c)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_config *cfg = satstat_deep_report_config(r);
    const satstat_deep_options *o = satstat_deep_report_options(r);
    const satstat_deep_phase *ph = c->phase;
    size_t ns = satstat_deep_report_scheme_count(r);
    char title[200];
    snprintf(title, sizeof title, "Depth scale ξ_{c} of %s networks over the phase diagram",
             cfg->activation->name);
    satstat__dp_header(c, r, "Depth scale xi_c over the phase diagram",
                       "Colour: xi_c = -1/ln chi_c (Schoenholz et al. 2017), the depth over which\n"
                       "the correlation of two inputs forgets where it started, on a log colour\n"
                       "scale over sigma_w^2 * fan_in (log axis) and sigma_b^2.  xi_c diverges at\n"
                       "chi1 = 1 (black line, from the phase computation): the two cells of a row\n"
                       "that straddle it take their outer neighbours' colour (else the nearer\n"
                       "one's, by chance, far beyond the bar's end).  Schoenholz et al. found\n"
                       "networks trainable to a depth of about 6 xi_c (an empirical bound,\n"
                       "which says nothing of gradients that explode at chi1 > 1): the dashed\n"
                       "line (or lines) is 6 xi_c = L, the run's depth.  Grey: no value, where\n"
                       "a cell has no fixed point q*.");
    satstat__fig_output_section(&c->g);
    satstat__dp_style_named(c, r);
    /* the colour scale: from the smallest ξ_c to at most 10^3 (the cells
     * beside the divergence have any value above; they take the end colour) */
    double lmin = INFINITY, lmax = -INFINITY;
    int diverges = 0, no_q = 0;
    for (size_t i = 0; ph->xi_c && i < ph->nx * ph->ny; i++) {
        double v = ph->xi_c[i];
        no_q |= isnan(v);
        if (v == INFINITY)
            diverges = 1;
        else if (v > 0 && isfinite(v)) {
            lmin = fmin(lmin, log10(v));
            lmax = fmax(lmax, log10(v));
        }
    }
    double cb_lo = isfinite(lmin) ? floor(lmin) : 0;
    double cb_hi = ph->xi_c && isfinite(lmin) ? xi_bar_top(ph, cb_lo) : 3;
    satstat__fig_rule(&c->g, "data: log10(sigma_w^2 fan_in), sigma_b^2, log10 xi_c (rows apart)");
    out(c, "$grid << EOD\n");
    for (size_t i = 0; i < ph->nx; i++) {
        for (size_t k = 0; k < ph->ny; k++) {
            double v = ph->xi_c ? plotted_xi(ph, k, i) : NAN;
            out(c, "%.6g %.6g ", log10(ph->x[i]), ph->y[k]);
            if (v == INFINITY)
                out(c, "%.6g\n", cb_hi + 1); /* beyond the bar: its end colour */
            else if (v > 0 && isfinite(v))
                out(c, "%.6g\n", log10(v));
            else
                out(c, "NaN\n");
        }
        out(c, "\n");
    }
    out(c, "EOD\n");
    if (ph->xi_c && ph->critical)
        xi_fine_block(c, ph, cb_hi);
    edge_block(c, ph);
    double target = (double)o->layers / 6;
    int any_train = 0, side_rows[2] = {0, 0};
    for (int side = 0; side < 2; side++) {
        out(c, "%s$train%d << EOD\n", side ? "EOD\n" : "", side);
        for (size_t k = 0; ph->xi_c && k < ph->ny; k++) {
            double left, right;
            depth_crossings(ph, k, target, &left, &right);
            double x = side ? right : left;
            if (isfinite(x)) {
                out(c, "%.9g %.6g\n", x, ph->y[k]);
                any_train = 1;
                side_rows[side]++;
            }
        }
    }
    out(c, "EOD\n$schemes << EOD\n");
    double sb2 = satstat_law_variance(&cfg->bias.law);
    for (size_t s = 0; s < ns; s++) {
        double x;
        satstat_deep_report_fixed_point(r, s, &x);
        out(c, "%.6g %.6g\n", log10(x), sb2);
    }
    out(c, "EOD\n");
    satstat__legend key;
    key.n = 0;
    satstat__legend_row(&key, "with lines linecolor rgb '#000000' linewidth 3 dashtype 1",
                        "χ_{1} = 1: ξ_{c} → ∞");
    satstat__legend_tex(&key);
    if (any_train)
        satstat__legend_row(&key, "with lines linecolor rgb '#000000' linewidth 2 dashtype 2",
                            /* (an empirical bound, not "trains": the
                             * chaotic half's standard scheme, ξ_c 2.49,
                             * had gradients growing ×2.78 a layer:
                             * figure review 26, S2) */
                            "6 ξ_{c} = L = %llu (Schoenholz et al.'s depth bound)",
                            (unsigned long long)o->layers);
    else
        for (int twin = 0; twin < 2; twin++) { /* (text: again for a legend below) */
            satstat__legend_row(&key, "with lines linetype nodraw", "6 ξ_{c} = L = %llu: not on the map",
                                (unsigned long long)o->layers);
            satstat__legend_tex(&key);
            if (twin)
                satstat__legend_below_only(&key);
        }
    satstat__legend_tex(&key);
    double grow[SATSTAT_MAX_SCHEMES]; /* inside an earlier scheme's mark: smaller */
    for (size_t s = 0; s < ns && s < SATSTAT_MAX_SCHEMES; s++)
        grow[s] = 1;
    for (size_t s = 0; s < ns && s < SATSTAT_MAX_SCHEMES; s++) {
        long t = same_point(r, ph, s);
        if (t >= 0) {
            grow[t] = PHASE_SHARED;
            grow[s] = PHASE_SHARED / PHASE_SHARED_RING;
        }
    }
    for (size_t s = 0; s < ns; s++) {
        char st[SATSTAT__LEGEND_STYLE], name[2 * SATSTAT_SPEC_SIZE];
        scheme_label(r, s, name, sizeof name);
        /* white marks outlined in black, as on deep-phase: the schemes'
         * own colours (standard blue, scaled orange) read as deep-phase's
         * regimes, the wrong way round for these two */
        scheme_mark_key(r, s, ns, grow[s], st, sizeof st);
        double xi = satstat_deep_report_depth(r, s, NULL)->xi_c;
        char xi_t[64];
        if (isinf(xi))
            snprintf(xi_t, sizeof xi_t, "ξ_{c} = ∞");
        else if (isnan(xi))
            snprintf(xi_t, sizeof xi_t, "no q*, no ξ_{c}");
        else
            snprintf(xi_t, sizeof xi_t, "ξ_{c} = %.3g", xi);
        /* a scheme on an earlier one's point: inside that one's mark, so
         * the row says where it is */
        if (same_point(r, ph, s) >= 0)
            satstat__legend_row(&key, st, "%s: %s (same point)", name, xi_t);
        else
            satstat__legend_row(&key, st, "%s: %s", name, xi_t);
        satstat__legend_tex(&key);
    }
    if (no_q)
        satstat__legend_row(&key, NO_VALUE_ROW, "grey: no fixed point q*");
    single_panel(c, &key, title, KEY_MAP);
    /* the bar's name beside it, rotated, right of its tick labels: above
     * the bar it ran into the title at 3.5 in (0 px between "ξ" and the
     * "d" of "diagram") */
    out(c, "# the colour bar right of the map: the plot narrower by its width, labels and name\n"
           "plot_right = plot_right - 0.02 - 6 * char_width - 1.5 * line_width\n"
           "set rmargin at screen plot_right\n"
           "set colorbox vertical user origin screen plot_right + 0.01, screen bottom "
           "size screen 0.015, screen top - bottom\n");
    /* the colour bar is drawn with the fill style: the translucent fill set
     * for the histograms faded it, so that it no longer matched the map */
    out(c, "set style fill solid 1.0 noborder   # the colour bar opaque, as the map\n");
    /* (YlGnBu to its eighth step, #253494, not its near-black ninth
     * #081D58: with the bar's top at the cells one sees, a column of them
     * beside χ_1 = 1 took the end colour and read as the black line drawn
     * twice as wide) */
    out(c, "set palette defined (0 '#FFFFD9', 0.25 '#C7E9B4', 0.5 '#41B6C4', 0.75 '#225EA8', 1 '#253494')\n");
    out(c, "set cbrange [%.6g:%.6g]   # log10 xi_c; beyond the top: the end colour\n", cb_lo, cb_hi);
    out(c, "set cbtics (");
    for (double d = ceil(cb_lo - 1e-9); d < cb_hi - 1e-9; d++) {
        char lab[SATSTAT__FIG_NUM_SIZE];
        decade_label(d, lab);
        out(c, "%s'%s' %.0f", d > ceil(cb_lo - 1e-9) ? ", " : "", lab, d);
    }
    out(c, ")\n");
    char top[SATSTAT__FIG_NUM_SIZE];
    if (cb_hi == round(cb_hi))
        decade_label(cb_hi, top);
    else
        satstat__fig_num(pow(10, cb_hi), 2, top); /* 3×10^k: 0.3, 3, 30 */
    if (diverges || lmax > cb_hi)
        out(c, "set cbtics add ('≥%s' %.6g)\n", top, cb_hi);
    else
        out(c, "set cbtics add ('%s' %.6g)\n", top, cb_hi);
    out(c, "set cblabel 'ξ_{c}' rotate by 90\n");
    /* the map from σ_b² = y_lo to y_hi (map_cells) */
    out(c, "set xrange [%.6g:%.6g]\n", log10(ph->x_lo), log10(ph->x_hi));
    phase_yrange(c, ph->y_lo, ph->y_hi);
    decade_ticks(c, log10(ph->x_lo), log10(ph->x_hi), 0);
    ticks(c, "y", ph->y_lo, ph->y_hi, 4);
    out(c, "set xlabel 'σ_{w}²" SATSTAT__FIG_SCRIPT_SPACE "· fan-in'\nset ylabel 'σ_{b}²'\n");
    /* the ticks behind the marks; the border in front of the map: the svg terminal
     * does not clip `with image`, and the map's half cell past the left
     * axis covered it in the SVG */
    out(c, "set border front\nset tics back\n");
    map_cells(c, ph, 3);
    if (ph->xi_c && ph->critical)
        out(c, ", \\\n"
               "     $fine using 1:2:5:6:(cell_y($2, 1, -1)):(cell_y($2, 1, 1)):7 with boxxyerror fillstyle solid 1.0 "
               "noborder linecolor palette notitle, \\\n"
               "     $fine using 1:2:3:4:(cell_y($2, 1, -1)):(cell_y($2, 1, 1)):7 with boxxyerror fillstyle solid 1.0 "
               "noborder linecolor palette notitle");
    /* The marks and the lines in a second plot over the first, its
     * border and tics unset: over the map's border, a mark near an end
     * overhangs the axis whole.  Under it, the run's mark at σ_b² = 0.05
     * (its centre 7 px above the axis at 3.5 in) had its lower edge drawn
     * over by the axis's line, where a band below 0 had made room at that
     * size alone (figure review 17, S5; review 17 (first), S4). */
    out(c, "\n# the marks and lines over the map's border: a mark near an axis overhangs it\n"
           "unset border\nunset xtics\nunset ytics\nunset mxtics\nunset mytics\nunset grid\n"
           "unset xlabel\nunset ylabel\nunset colorbox\n"
           "plot NaN notitle");
    const char *names[SATSTAT_MAX_SCHEMES];
    satstat__dp_scheme_names(r, names);
    for (size_t s = 0; s < ns; s++) {
        char mark[512];
        int pt = satstat__point_types[satstat__series_slot(names, ns, s)];
        scheme_mark(mark, sizeof mark, s, pt, grow[s]);
        out(c, "%s", mark);
    }
    /* the lines over the marks: the mark at σ_w² fan-in 2.5, σ_b² = 0.05
     * covered χ_1 = 1 where it leaves the axis, its kink included, at 3.5 in
     * (figure review 15, S1.4); a line across a mark leaves it readable */
    out(c, ", \\\n"
           "     $edge using 1:2 with lines linecolor rgb '#000000' linewidth 3 dashtype 1 notitle");
    for (int side = 0; side < 2; side++) /* (an empty block would make gnuplot warn) */
        if (side_rows[side])
            out(c, ", \\\n     $train%d using 1:2 with lines linecolor rgb '#000000' linewidth 2 "
                   "dashtype 2 notitle", side);
    out(c, "\nunset colorbox\n");
    finish(c, &key);
}

/* ---- the Jacobian's singular values ------------------------------------------*/

/* x in 3 significant digits, typeset as 1.7×10^{−17} when it is under
 * 10⁻³ or over 10⁴ (never "1.7e-17"). */
static void tex_number(double x, char *buf, size_t size)
{
    if (x != 0 && isfinite(x) && (fabs(x) < 1e-3 || fabs(x) >= 1e4)) {
        int e = (int)floor(log10(fabs(x)));
        /* the true minus in the exponent, as satstat__fig_num writes it */
        snprintf(buf, size, "%.2g×10^{%s%d}", x / pow(10, e), e < 0 ? "−" : "", abs(e));
    } else {
        snprintf(buf, size, "%.3g", x);
    }
}

/* Scheme s's largest singular value (0 without a spectrum). */
static double sv_max_of(const satstat_deep_report *r, size_t s)
{
    const satstat_deep_jacobian *j = satstat_deep_report_jacobian(r, s);
    return j && isfinite(j->sv_max) ? j->sv_max : 0;
}

/* Scheme s's fill on deep-jacobian: its colour at 30 % on white, as an
 * opaque tint: 'solid 0.3' is a tint in pngcairo but an opacity in SVG,
 * where the orthogonal spectrum over the scaled one came out a grey, a
 * third colour (review 7, MUST 5's note on fig5).  Returns the colour
 * itself (the legend key's border). */
static const char *jacobian_tint(const satstat_deep_report *r, size_t s, char tint[8])
{
    return satstat__dp_scheme_tint(r, s, 0.3, tint);
}

/* The width of j's histogram bins over [0, its largest s], and in *total
 * the values it counts; 0 when it has none (no spectrum, or all zero). */
static double jacobian_bin_width(const satstat_deep_jacobian *j, double *total)
{
    *total = 0;
    for (size_t b = 0; j && b < SATSTAT_DEEP_HIST_BINS; b++)
        *total += (double)j->hist[b];
    double w = j && isfinite(j->sv_max) ? j->sv_max / SATSTAT_DEEP_HIST_BINS : 0;
    return *total > 0 && w > 0 ? w : 0;
}

/* Scheme s's outline's dash on deep-jacobian's log axis: solid, dashed,
 * dash-dot in turn, so that outlines that interleave part in grey too;
 * not the scheme's own dash, which for the third slot is dotted and broke
 * a step outline into scattered dots (figure review 26, N15). */
static int outline_dash(size_t s)
{
    static const int dash[3] = {1, 2, 4};
    return dash[s % 3];
}

/* The line at s = 1: grey, thin and solid (dotted, it was a third scheme's
 * outline, relu's he-normal in bluish green, whose riser at s = 0.991 ran
 * beside it: figure review 25, S4). */
#define ISOMETRY_LINE "linecolor rgb '#808080' linewidth 1.5 dashtype 1"

void satstat__dp_fig_jacobian(ctx *c)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_config *cfg = satstat_deep_report_config(r);
    const satstat_deep_options *o = satstat_deep_report_options(r);
    size_t ns = satstat_deep_report_scheme_count(r);
    char title[200];
    snprintf(title, sizeof title, "Singular values of the input–output Jacobian, %s, L = %llu",
             cfg->activation->name, (unsigned long long)o->layers);
    /* the body first: a legend below the plot, with the moments now
     * (figure review 17, S6), grows the canvas (header_for_legend) */
    satstat__fig_body body;
    if (satstat__fig_body_begin(&c->g, &body) != SATSTAT_OK)
        return;
    satstat__dp_style_named(c, r);
    satstat__fig_rule(&c->g, "data: per scheme, bin centre, density, bin width");
    double xmax = 0, dmax = 0, dmin = INFINITY;
    for (size_t s = 0; s < ns; s++) {
        const satstat_deep_jacobian *j = satstat_deep_report_jacobian(r, s);
        double total = 0, w = jacobian_bin_width(j, &total);
        for (size_t b = 0; w > 0 && b < SATSTAT_DEEP_HIST_BINS; b++) {
            double d = (double)j->hist[b] / (total * w);
            dmax = fmax(dmax, d);
            if (d > 0)
                dmin = fmin(dmin, d);
        }
        if (j && isfinite(j->sv_max))
            xmax = fmax(xmax, j->sv_max);
    }
    int logy = satstat__fig_log_y(&c->g, dmin, dmax);
    /* the log axis's ends at 1, 2 or 5 times a power of ten round the
     * densities (whole decades left the top decade of relu's spectrum
     * empty: figure review 24, S8); an empty bin goes a decade under the
     * foot, so that the outline's step leaves the plot at the bottom edge */
    double y_lo = logy ? satstat__step125(dmin / 1.3, 0) : 0, y_hi = logy ? satstat__step125(dmax * 1.1, 1) : 0;
    for (size_t s = 0; s < ns; s++) {
        const satstat_deep_jacobian *j = satstat_deep_report_jacobian(r, s);
        out(c, "$j%zu << EOD\n", s + 1);
        double total = 0, w = jacobian_bin_width(j, &total);
        size_t first = 0, last = 0;
        for (size_t b = 0; w > 0 && b < SATSTAT_DEEP_HIST_BINS; b++)
            if (j->hist[b] > 0) {
                if (last == 0)
                    first = b;
                last = b + 1;
            }
        /* on the log axis only the span from the first to the last filled
         * bin and one empty bin either side, whose step is the outline's
         * edge: the orthogonal spectrum's 35 empty bins from 0 to its
         * smallest s had drawn a line along the axis (figure review 23, N3) */
        /* (on the log axis drawn as steps from each bin's left edge: the
         * row after the last bin, empty, closes it at its right edge) */
        size_t from = logy && first > 0 ? first - 1 : 0;
        size_t to = logy ? last : SATSTAT_DEEP_HIST_BINS - 1; /* (the last row's) */
        for (size_t b = from; w > 0 && b <= to; b++) {
            double d = b < SATSTAT_DEEP_HIST_BINS ? (double)j->hist[b] / (total * w) : 0;
            out(c, "%.9g %.9g %.9g\n", (b + 0.5) * w, d > 0 || !logy ? d : y_lo / 10, w);
        }
        out(c, "EOD\n");
    }
    satstat__legend key;
    key.n = 0;
    for (size_t s = 0; s < ns; s++) {
        const satstat_deep_jacobian *j = satstat_deep_report_jacobian(r, s);
        char st[SATSTAT__LEGEND_STYLE], name[2 * SATSTAT_SPEC_SIZE];
        scheme_label(r, s, name, sizeof name);
        char tint[8];
        const char *colour = jacobian_tint(r, s, tint);
        if (logy) /* (an outline, as drawn) */
            snprintf(st, sizeof st, "with lines linetype %zu linewidth 2 dashtype %d", s + 1, outline_dash(s));
        else
            snprintf(st, sizeof st,
                     "with boxes linetype %zu dashtype 1 fillcolor rgb '%s' fillstyle solid 1.0 border "
                     "linecolor rgb '%s'",
                     s + 1, tint, colour);
        char lo_t[48], hi_t[48];
        /* a smallest value without the legend's two digits by its upper
         * bound: below the SVD's resolution its digits are the BLAS
         * kernels' (8.3×10⁻¹⁹ on one CPU, 7.7×10⁻¹⁸ on another for the
         * gallery's deep-isometry) */
        if (j && satstat_exact_digits(j->sv_min, j->sv_resolution) < 2) {
            char bound[40];
            tex_number(j->sv_min + j->sv_resolution, bound, sizeof bound);
            snprintf(lo_t, sizeof lo_t, "≤ %s", bound);
        } else {
            tex_number(j ? j->sv_min : NAN, lo_t, sizeof lo_t);
        }
        tex_number(j ? j->sv_max : NAN, hi_t, sizeof hi_t);
        /* the range in the scheme's own row, which a legend below the
         * plot keeps (a text row of its own was left out there, and the
         * orthogonal spectrum's lone bin at s = 0.58 went unexplained) */
        satstat__legend_row(&key, st, "%s: s from %s to %s", name, lo_t, hi_t);
        satstat__legend_tex(&key);
        if (!j)
            continue;
        /* a first bin that holds a quarter of the values or more said in
         * numbers: on the log density axis its area does not show, and
         * scaled's 59 % down to 10⁻¹³ looked like one bar among many
         * (figure review 21, S7) */
        uint64_t all = 0;
        for (size_t b = 0; b < SATSTAT_DEEP_HIST_BINS; b++)
            all += j->hist[b];
        if (all > 0 && 4 * j->hist[0] >= all) {
            char edge[48];
            tex_number(j->sv_max / SATSTAT_DEEP_HIST_BINS, edge, sizeof edge);
            satstat__legend_row(&key, "with lines linetype nodraw", "  %.0f %% of s below %s (the first bin)",
                                100.0 * (double)j->hist[0] / (double)all, edge);
            satstat__legend_tex(&key);
            satstat__legend_below_only(&key); /* (below at every size: KEY_BELOW) */
        }
        char th[48] = "", th2[48] = "";
        if (isfinite(j->theory_m1))
            snprintf(th, sizeof th, " (theory %.3g)", j->theory_m1);
        if (isfinite(j->theory_m2))
            snprintf(th2, sizeof th2, " (theory %.3g)", j->theory_m2);
        /* the moments on one row under their scheme's, named by what they
         * are at every size: the slide's "m_1 = ..., m_2 = ..." with a row
         * defining m_k beside the paper's "mean s², s⁴" was two notations
         * for the same numbers (figure review 19, S8) */
        if (isfinite(j->theory_m1) && isfinite(j->theory_m2))
            satstat__legend_row(&key, "with lines linetype nodraw", "  mean s², s⁴ = %.3g, %.3g (theory %.3g, %.3g)",
                                j->m[0].value, j->m[1].value, j->theory_m1, j->theory_m2);
        else
            satstat__legend_row(&key, "with lines linetype nodraw", "  mean s² = %.3g%s, s⁴ = %.3g%s",
                                j->m[0].value, th, j->m[1].value, th2);
        satstat__legend_tex(&key);
        satstat__legend_below_only(&key);
    }
    satstat__legend_row(&key, "with lines " ISOMETRY_LINE, "s = 1: isometry");
    /* the sizes the spectrum depends on, in the figure itself (figure
     * review 23, N4: they were in the script's header only) */
    satstat__legend_row(&key, "with lines linetype nodraw", "W = %llu, n_{in} = %llu, R = %llu networks",
                        (unsigned long long)o->width, (unsigned long long)cfg->n_in,
                        (unsigned long long)o->networks);
    satstat__legend_tex(&key);
    satstat__legend_below_only(&key); /* (below at every size: KEY_BELOW) */
    /* the legend below the plot at every size, the plot the whole width,
     * as its sisters fig2-fig4 and deep-variance: beside it, a 1280 x 800
     * slide was 22 % blank under the legend (figure review 19, S7); W,
     * n_in and R in the header (with them the legend left the plot 36 %
     * of the figure's height at 3.5 in, figure review 18, S4) */
    single_panel(c, &key, title, KEY_BELOW);
    if (!(xmax > 0))
        xmax = 1;
    xmax = fmax(xmax * 1.02, 1.1);
    out(c, "set xlabel 'singular value s'\nset ylabel 'density'\n");
    out(c, "set xrange [0:%.6g]\n", xmax);
    ticks(c, "x", 0, xmax, 4);
    if (logy) {
        char l[32], h[32];
        snprintf(l, sizeof l, "%.6g", y_lo);
        snprintf(h, sizeof h, "%.6g", y_hi);
        out(c, "set logscale y\nset yrange [%s:%s]\n", l, h);
        satstat__fig_log_axis(&c->g, 'y', l, h, "top - bottom");
    } else {
        double top = satstat__nice_ceil(dmax > 0 ? dmax * 1.08 : 1);
        out(c, "set yrange [0:%.6g]\n", top);
        ticks(c, "y", 0, top, 4);
    }
    /* (in front: behind, the scaled spectrum's fill hid it below a
     * density of 0.12) */
    out(c, "set arrow 1 from 1, graph 0 to 1, graph 1 nohead " ISOMETRY_LINE " front\n");
    out(c, "plot ");
    /* on a linear axis filled light, outlined in the scheme's colour: the
     * fills opaque tints (a translucent fill over another mixed into a
     * grey that read as a third series), the widest spectrum first so that
     * a narrow one stands on it, then every outline over all the fills.
     * On a log axis the outlines alone: there an area is not probability,
     * and scaled's filled tail from 10⁻² to 10⁻¹ looked like most of its
     * mass, orthogonal's whole spectrum a sliver (figure review 23, S8). */
    size_t order[SATSTAT_MAX_SCHEMES];
    for (size_t s = 0; s < ns && s < SATSTAT_MAX_SCHEMES; s++) {
        size_t k = s;
        for (; k > 0 && sv_max_of(r, order[k - 1]) < sv_max_of(r, s); k--)
            order[k] = order[k - 1];
        order[k] = s;
    }
    for (size_t i = 0; !logy && i < ns && i < SATSTAT_MAX_SCHEMES; i++) {
        char tint[8];
        jacobian_tint(r, order[i], tint);
        /* (bordered in their tint: no light seams between bars, as
         * deep-density's; figure review 13, S7) */
        out(c, "$j%zu using 1:2:3 with boxes fillcolor rgb '%s' fillstyle solid 1.0 border "
               "linecolor rgb '%s' linewidth 1 notitle, \\\n     ",
            order[i] + 1, tint, tint);
    }
    /* (on the log axis as steps from each bin's left edge, in the
     * scheme's own dash, so that two outlines that interleave part in
     * grey too: gnuplot's histeps set an empty bin's value below the axis
     * on the axis, a trace along it, and drew the first bin's left edge
     * over the y axis; figure review 24, S8, N6) */
    for (size_t s = 0; s < ns; s++)
        if (logy)
            out(c, "%s$j%zu using ($1 - $3 / 2):2 with steps linetype %zu linewidth 2 dashtype %d notitle",
                s ? ", \\\n     " : "", s + 1, s + 1, outline_dash(s));
        else
            out(c, "%s$j%zu using 1:2 with histeps linetype %zu dashtype 1 linewidth 2 notitle",
                s ? ", \\\n     " : "", s + 1, s + 1);
    if (ns == 0)
        out(c, "NaN notitle");
    out(c, "\n");
    finish(c, &key);
    header_for_legend_min(c, "Singular values of the input-output Jacobian",
                      "The density of the singular values s of J = D_L W_L ... D_1 W_1, pooled over\n"
                      "the networks of each scheme (each scheme's histogram over [0, its largest\n"
                      "s]).  Dynamical isometry (Pennington, Schoenholz & Ganguli 2017): at\n"
                      "criticality orthogonal weights keep s near 1 at any depth, Gaussian\n"
                      "weights spread them.  The legend sets the mean of s^2 and of s^4 beside\n"
                      "the width -> infinity theory where it applies.  Width W,\n"
                      "fan-in n_in and networks R: the command's --width, --n-in, --networks.",
                      &key, satstat__fig_half_in(&c->g, &key, 4.0),
                      "its legend below the plot needs it", &body);
}

/* After satstat__fig_layout_column: when the legend's rows do not fit
 * right of the plot's minimum half width (a paper size: 3.5 in at 8 pt
 * holds about 45 characters across), the legend in the small font and the
 * plot narrower, down to 40 % of the width, rather than rows cut at the
 * edge. */
static void legend_fit(ctx *c, size_t key_chars, const char *plot_gap)
{
    double across, down;
    satstat__fig_text_room(&c->g.o, &across, &down);
    if (0.985 - (7.2 + (double)key_chars) / across >= 0.55)
        return;
    out(c, "# too narrow for the legend at the text size: its rows in the small font\n"
           "set key font smallfont\n"
           "# (7 of 8 pt, and 2 characters more: χ_{1} counts 5, draws 2 but wide;\n"
           "# 0.75 cut the longest rows at the edge)\n"
           "column = 0.985 - 0.875 * (sample_width + (key_chars + 2) * char_width)\n"
           "column = (column < 0.35) ? 0.35 : column\n"
           "plot_right = column - %s\n",
        plot_gap);
}

/* ---- the phase diagram (deep --phase) ---------------------------------------------------------*/

/* The phase diagram's data: the maps of χ₁ and q* over the grid, the
 * χ₁ = 1 line and the schemes of the run. */
static void phase_data(ctx *c)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_config *cfg = satstat_deep_report_config(r);
    const satstat_deep_phase *ph = c->phase;
    size_t ns = satstat_deep_report_scheme_count(r);
    out(c, "\n# ---- data: log10(sigma_w^2 fan_in), sigma_b^2, chi1, q* (blank lines between rows)\n");
    out(c, "$grid << EOD\n");
    for (size_t i = 0; i < ph->nx; i++) {
        for (size_t k = 0; k < ph->ny; k++) {
            double chi = ph->chi1[k * ph->nx + i], q = ph->q[k * ph->nx + i];
            out(c, "%.6g %.6g %.6g ", log10(ph->x[i]), ph->y[k], isfinite(chi) && chi > 0 ? log10(chi) : NAN);
            if (isfinite(q) && q > 0)
                out(c, "%.6g\n", log10(q));
            else
                out(c, "NaN\n");
        }
        out(c, "\n");
    }
    out(c, "EOD\n");
    edge_block(c, ph);
    out(c, "$schemes << EOD\n");
    double sb2 = satstat_law_variance(&cfg->bias.law);
    for (size_t s = 0; s < ns; s++) {
        double x;
        satstat_deep_report_fixed_point(r, s, &x);
        out(c, "%.6g %.6g %zu\n", log10(x), sb2, s + 1);
    }
    out(c, "EOD\n");
}

/* The χ₁ map's palette over log10 χ₁ from −CHI1_CB_HALF to CHI1_CB_HALF
 * (beyond: the end colours), written to the script and read by the
 * legend's swatches: the key's "blue: ordered" and "orange: chaotic" were
 * #2166AC and #D95F0E, colours the map never takes (its orange nearest
 * (200, 117, 64): figure review 18, N3b). */
#define CHI1_CB_HALF 1.5
static const struct {
    double at;
    unsigned rgb;
} chi1_palette[] = {{0, 0x08306B}, {0.35, 0x6BAED6}, {0.5, 0xF7F7F7}, {0.65, 0xFDAE6B}, {1, 0x7F2704}};
#define CHI1_PALETTE_N (sizeof chi1_palette / sizeof chi1_palette[0])

/* The χ₁ palette's colour at χ₁ = 10^lchi as #RRGGBB, interpolated in RGB
 * between its stops as gnuplot's `palette defined` does. */
static void chi1_colour(double lchi, char buf[8])
{
    double f = fmin(1, fmax(0, (lchi + CHI1_CB_HALF) / (2 * CHI1_CB_HALF)));
    size_t k = 1;
    while (k + 1 < CHI1_PALETTE_N && chi1_palette[k].at < f)
        k++;
    double t = (f - chi1_palette[k - 1].at) / (chi1_palette[k].at - chi1_palette[k - 1].at);
    unsigned rgb = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double a = (double)((chi1_palette[k - 1].rgb >> shift) & 0xFF);
        double b = (double)((chi1_palette[k].rgb >> shift) & 0xFF);
        rgb |= (unsigned)lround(a + (b - a) * t) << shift;
    }
    snprintf(buf, 8, "#%06X", rgb);
}

/* The q* = 0 cells of the phase grid's first row (σ_b² = 0) as a thick grey
 * line over the q* map's x axis, one arrow per run of them, tags from 20
 * (or, unset, none): drawn as cells they were half a row, 1-2 px on the
 * axis at 3.5 in, while the legend keyed them (figure review 18, S1). */
/* Whether the phase grid's first row, at σ_b² = 0, has a cell with q* = 0. */
static int qzero_on_axis(const satstat_deep_phase *ph)
{
    for (size_t i = 0; ph->y_lo == 0 && i < ph->nx; i++)
        if (ph->q[i] == 0)
            return 1;
    return 0;
}

#define QZERO_LINE "linecolor rgb '" OUTSIDE_GREY "' linewidth 7 dashtype 1"
static void qzero_arrows(ctx *c, int unset)
{
    const satstat_deep_phase *ph = c->phase;
    double hx = ph->nx > 1 ? (log10(ph->x_hi) - log10(ph->x_lo)) / (double)(ph->nx - 1) / 2 : 0.5;
    int tag = 20;
    for (size_t i = 0; ph->y_lo == 0 && i < ph->nx; i++) {
        if (ph->q[i] != 0)
            continue;
        size_t j = i;
        while (j + 1 < ph->nx && ph->q[j + 1] == 0)
            j++;
        if (unset)
            out(c, "unset arrow %d\n", tag);
        else
            out(c, "set arrow %d from %.9g, 0 to %.9g, 0 nohead " QZERO_LINE " front   # q* = 0\n",
                tag, fmax(log10(ph->x_lo), log10(ph->x[i]) - hx), fmin(log10(ph->x_hi), log10(ph->x[j]) + hx));
        tag++;
        i = j;
    }
}

/* The legend: the edge of chaos, the χ₁ map's two colours, grey where
 * q* = 0, the schemes with their regimes; the same rows at every size,
 * as the same two maps are drawn at every size. */
static void phase_legend(ctx *c, satstat__legend *key)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_deep_phase *ph = c->phase;
    size_t ns = satstat_deep_report_scheme_count(r);
    int qzero = 0; /* (q* = 0 off σ_b² = 0: grey cells) */
    for (size_t i = ph->y_lo == 0 ? ph->nx : 0; i < ph->nx * ph->ny; i++)
        if (ph->q[i] == 0)
            qzero = 1;
    char blue[8], orange[8], swatch[SATSTAT__LEGEND_STYLE];
    chi1_colour(-1, blue);
    chi1_colour(1, orange);
    key->n = 0;
    satstat__legend_row(key, "with lines linecolor rgb '#000000' linewidth 3 dashtype 1",
                        "χ_{1} = 1: edge of chaos");
    satstat__legend_tex(key);
    /* (the palette's colours at χ₁ = 0.1 and 10) */
    snprintf(swatch, sizeof swatch, "with boxes fillcolor rgb '%s' fillstyle solid 1.0 noborder", blue);
    satstat__legend_row(key, swatch, "blue: ordered (χ_{1} < 1)");
    satstat__legend_tex(key);
    snprintf(swatch, sizeof swatch, "with boxes fillcolor rgb '%s' fillstyle solid 1.0 noborder", orange);
    satstat__legend_row(key, swatch, "orange: chaotic (χ_{1} > 1)");
    satstat__legend_tex(key);
    if (qzero_on_axis(ph)) {
        /* keyed as drawn, a line on the axis (qzero_arrows) */
        satstat__legend_row(key, "with lines " QZERO_LINE, "grey on the q* map's axis: q* = 0");
        satstat__legend_tex(key);
    }
    if (qzero) {
        satstat__legend_row(key, NO_VALUE_ROW, "grey cells (q* map): q* = 0");
        satstat__legend_tex(key);
    }
    for (size_t s = 0; s < ns; s++) {
        char st[SATSTAT__LEGEND_STYLE], name[2 * SATSTAT_SPEC_SIZE];
        scheme_label(r, s, name, sizeof name);
        /* white marks outlined in black (the open twin of the shape in the
         * legend): the schemes' own blue and orange on the maps' blue and
         * orange read as the opposite regime */
        scheme_mark_key(r, s, ns, 1, st, sizeof st);
        const satstat_deep_fixed_point *fp = satstat_deep_report_fixed_point(r, s, NULL);
        satstat__legend_row(key, st, "%s: %s", name, satstat_deep_regime_name(fp->regime));
        satstat__legend_tex(key);
    }
}

/* The name of a phase map's colour bar (map 0 or 1): beside it, rotated,
 * where it is upright right of a map, except between two maps side by
 * side: there it stood in the gutter where the right map's σ_b² label
 * belongs, and read as that (figure review 18, N3; review 17, N6), so it
 * is above the bar; under a horizontal bar in the legend's column. */
static void colour_bar_name(ctx *c, const char *name, int stacked, int map)
{
    if (stacked)
        out(c, "set cblabel '%s' rotate by 90\n", name);
    else
        out(c, "if (legend_below) {\n"
               "    unset cblabel\n"
               "    set label 30 '%s' at screen panel_r(%d) + 0.0175, screen panel_t(0) + 0.8 * line_height center front\n"
               "} else {\n"
               "    set cblabel '%s' offset 0,0.4\n"
               "}\n",
            name, map, name);
}

/* A stacked phase map's name inside its top-left corner, on white: the
 * two maps one above the other had no title, only their bars' names
 * (figure review 18, N1).  Its box half a character inside the left axis
 * (the text 1.1 characters in, the box's margin 0.6): at graph 0.015 the
 * box touched the axis at 3.5 in (figure review 19, N-6). */
static void map_name(ctx *c, const char *name)
{
    out(c, "set style textbox opaque fillcolor rgb '#FFFFFF' noborder margins 0.6, 0.3\n"
           "set label 31 '%s' at graph 0, graph 1 left offset 1.1, -0.75 boxed front   # the map's name\n",
        name);
}

/* The layout and the maps of χ₁ and q*, each with its colour bar, the
 * schemes marked: side by side, or on a narrow figure (`stacked`) one
 * above the other, the upper one's x tick labels and label left to the
 * lower one's. */
static void phase_maps(ctx *c, const char *head, int stacked, const satstat__legend *key)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_deep_phase *ph = c->phase;
    size_t ns = satstat_deep_report_scheme_count(r);
    const char *names[SATSTAT_MAX_SCHEMES];
    satstat__dp_scheme_names(r, names);
    /* the range of log10 q* drawn, for its colour bar's ticks */
    double qlo = INFINITY, qhi = -INFINITY;
    for (size_t i = 0; i < ph->nx * ph->ny; i++) {
        if (isfinite(ph->q[i]) && ph->q[i] > 0) {
            qlo = fmin(qlo, log10(ph->q[i]));
            qhi = fmax(qhi, log10(ph->q[i]));
        }
    }
    /* Two maps.  Their legend below them when its rows take a third of
     * the height or less (the toolkit's rule for a map), the maps
     * across the width, each with its colour bar upright at its right:
     * beside a legend column, the bars under it, 270 x 440 px of the
     * column stood empty at 1280 x 800 and the maps were 275 px wide
     * (figure review 16, S10; review 15, S1.8).  Else the legend and
     * the bars under it in the column (under the maps the bars took
     * 3.4 lines of their height: figure review 9 S11).  On a narrow
     * figure (3.5 in) the maps one above the other, the canvas grown for
     * them (dp_fig_phase): side by side they were slivers, and the map
     * of χ₁ alone dropped q*, what the wide figure shows (figure review
     * 17, S6). */
    out(c, "\n# ---- layout: two maps %s, the legend below or right -------------%s\n",
        stacked ? "one above the other" : "side by side", stacked ? "" : "--------");
    satstat__fig_layout_legend_map(&c->g, key, 0);
    if (!stacked) /* (stacked: the legend below, in the figure's font) */
        legend_fit(c, satstat__legend_chars(key), "0.03");
    out(c, "cb_h = 0.8 * line_height                        # the colour bars' height\n"
           "cb_x = column\n"
           "cb_w = 0.97 - column\n"
           "cb_y2 = 0.02 + 3.6 * line_height                # q*'s bar, above its tick labels and name\n"
           "cb_y = cb_y2 + cb_h + 4.2 * line_height         # chi1's, above q*'s\n"
           "%s"
           "# (the legend below: a bar upright right of each map, its tick labels (10^{−1},\n"
           "# 5 characters: at 4 the name q* ended 7 px from the edge at 3.5 in) and\n"
           "# its name, as much room between the maps; the title's room as over a\n"
           "# legend column, which a legend below tightens)\n"
           "cb_room = 0.025 + 5 * char_width + 1.5 * line_width\n"
           "if (legend_below) {\n"
           "    plot_right = 0.985 - cb_room\n"
           "%s"
           "}\n",
        stacked ? "" : "top = top - 0.6 * line_height                   # the maps' titles\n",
        stacked ? "" : "    top = top - 0.7 * line_height\n");
    /* (stacked: between the maps no tick labels, no title: a line's gap) */
    satstat__fig_layout_grid(&c->g, stacked ? 1 : 2, stacked ? 2 : 1, 7, stacked ? 1.0 : 0);
    if (!stacked)
        out(c, "if (legend_below) {\n"
               "    gap_x = gap_x + cb_room\n"
               "    panel_w = (plot_right - plot_left - (grid_cols - 1) * gap_x) / grid_cols\n"
               "}\n");
    satstat__fig_multiplot_title(&c->g, head, 1); /* χ_{1} as in the legend */
    out(c, "unset key\n");
    out(c, "set xrange [%.6g:%.6g]\n", log10(ph->x_lo), log10(ph->x_hi));
    phase_yrange(c, ph->y_lo, ph->y_hi);
    decade_ticks(c, log10(ph->x_lo), log10(ph->x_hi), 1);
    out(c, "set xlabel 'σ_{w}²" SATSTAT__FIG_SCRIPT_SPACE "· fan-in'\nset ylabel 'σ_{b}²'\n");
    out(c, "set style fill solid 1.0 noborder\n");
    /* the schemes' markers: white, outlined in black, so that they show on
     * any colour and take no colour of the maps' scales */
    char marks[4096];
    size_t mlen = 0;
    marks[0] = '\0';
    for (size_t s = 0; s < ns && mlen < sizeof marks - 300; s++) {
        int pt = satstat__point_types[satstat__series_slot(names, ns, s)];
        mlen += scheme_mark(marks + mlen, sizeof marks - mlen, s, pt, 1); /* (as deep-phase-xi's) */
    }
    satstat__fig_grid_panel(&c->g, 0, 0);
    out(c, "if (legend_below) {\n"
           "    set colorbox vertical user origin screen panel_r(0) + 0.01, screen panel_b(0) size screen 0.015, screen panel_h\n"
           "} else {\n"
           "    set colorbox horizontal user origin screen cb_x, screen cb_y size screen cb_w, screen cb_h\n"
           "}\n");
    out(c, "set palette defined (");
    for (size_t k = 0; k < CHI1_PALETTE_N; k++)
        out(c, "%s%g '#%06X'", k ? ", " : "", chi1_palette[k].at, chi1_palette[k].rgb);
    out(c, ")\n");
    out(c, "set cbrange [%g:%g]   # chi1 beyond 0.03 and 30 takes the end colours\n", -CHI1_CB_HALF, CHI1_CB_HALF);
    out(c, 
           "# ticks 0.1, 1, 10 at every size (10^{−1} on one and 0.1 on the other\n"
           "# read as two scales: figure review 15, N1.9), the bar named beside it\n"
           "# or under its ticks\n"
           "set cbtics ('0.1' -1, '1' 0, '10' 1)\n");
    colour_bar_name(c, "χ_{1}", stacked, 0);
    if (stacked) {
        /* the maps share the x axis: its labels under the lower one */
        out(c, "unset title\nset format x ''   # shared x axis: labelled under the map below\nunset xlabel\n");
        map_name(c, "χ_{1}");
    } else {
        /* (‖δ‖², the Unicode square of the axes' σ_w² and σ_b²: ^{2} set a
         * larger, detached 2 beside them, figure review 17, N1) */
        out(c, "set title 'χ_{1}, the gain of ‖δ‖² per layer'\n");
    }
    map_cells(c, ph, 3);
    out(c, ", \\\n"
           "     $edge using 1:2 with lines linecolor rgb '#000000' linewidth 3 dashtype 1 notitle%s\n",
        marks);
    satstat__fig_grid_panel(&c->g, stacked ? 0 : 1, stacked ? 1 : 0);
    out(c, "if (legend_below) {\n"
           "    set colorbox vertical user origin screen panel_r(%d) + 0.01, screen panel_b(%d) size screen 0.015, screen panel_h\n"
           "} else {\n"
           "    set colorbox horizontal user origin screen cb_x, screen cb_y2 size screen cb_w, screen cb_h\n"
           "}\n",
        stacked ? 0 : 1, stacked ? 1 : 0);
    /* from ColorBrewer's third purple, not its near-white first: the
     * map's white strip at σ_b² = 0 (q* = 0) was (255, 255, 255) beside
     * cells of (242, 240, 247), one colour to the eye (figure review 15,
     * S1.7) */
    out(c, "set palette defined (0 '#DADAEB', 0.5 '#9E9AC8', 1 '#3F007D')   # purples: not the χ₁ map's orange\n");
    out(c, "unset label\n");
    colour_bar_name(c, "q*", stacked, 1);
    if (stacked) {
        out(c, "set format x '10^{%%.0f}'\n"
               "set xlabel 'σ_{w}²" SATSTAT__FIG_SCRIPT_SPACE "· fan-in'\n");
        map_name(c, "q*");
    } else {
        /* its own σ_b² label beside its ticks, now that the χ₁ bar's name
         * is above the bar (figure review 18, N3) */
        out(c, "if (!legend_below) { unset ylabel }\n");
    }
    if (isfinite(qlo) && qhi > qlo) {
        /* a label a decade up to five, from the first whole decade in
         * the bar: a step of 2 labelled 10^0 and 10^2 alone and left
         * the bar's lower end unlabelled; the format's minus the true
         * one (gnuplot's %.0f writes a hyphen) */
        double step = fmax(1, ceil((qhi - qlo) / 5));
        out(c, "set cbrange [%.6g:%.6g]\nset cbtics (", qlo, qhi);
        int first = 1;
        for (double t = ceil(qlo - 1e-9); t <= qhi + 1e-9; t += step) {
            char lab[SATSTAT__FIG_NUM_SIZE];
            decade_label(t, lab);
            out(c, "%s'%s' %.0f", first ? "" : ", ", lab, t);
            first = 0;
        }
        out(c, ")\n");
        /* the decades between the labels ticked, unlabelled: the bar had
         * ticks at 0.1, 10, 1000 alone (figure review 18, N2) */
        for (double t = ceil(qlo - 1e-9); step > 1 && t <= qhi + 1e-9; t++)
            if (fmod(t - ceil(qlo - 1e-9), step) != 0)
                out(c, "set cbtics add ('' %.0f)\n", t);
    } else {
        out(c, "set cbrange [*:*]\nset cbtics auto\n");
    }
    out(c, stacked ? "unset title\n" : "set title 'fixed point q*'\n");
    map_cells(c, ph, 4);
    out(c, ", \\\n"
           "     $edge using 1:2 with lines linecolor rgb '#000000' linewidth 3 dashtype 1 notitle%s\n",
        marks);
    if (qzero_on_axis(ph)) {
        /* over the axis and its ticks, in a plot of its own (the ticks,
         * in front, hatched it) */
        out(c, "# q* = 0 at sigma_b^2 = 0: a grey line over the axis\n"
               "unset border\nunset xtics\nunset ytics\nunset mxtics\nunset mytics\nunset xlabel\n"
               "unset ylabel\nunset title\nunset label\nunset colorbox\n");
        qzero_arrows(c, 0);
        out(c, "plot NaN notitle\n");
        qzero_arrows(c, 1);
    }
    out(c, "unset title\nunset label\n");
}

void satstat__dp_fig_phase(ctx *c)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_config *cfg = satstat_deep_report_config(r);
    char head[200];
    /* a paper size (fewer than 80 characters across): the maps one above
     * the other, every other decade; side by side they would be slivers */
    double across, down;
    satstat__fig_text_room(&c->g.o, &across, &down);
    int stacked = across < 80;
    snprintf(head, sizeof head, "Phase diagram of %s networks: χ₁ and q*", cfg->activation->name);
    /* the title's χ_{1} typeset as the legend's, not the Unicode subscript
     * one (the script's header keeps plain text) */
    char title[200], name[2 * SATSTAT_ACTIVATION_NAME_SIZE];
    satstat__tex_escape(cfg->activation->name, name, sizeof name);
    snprintf(title, sizeof title, "Phase diagram of %s networks: χ_{1} and q*", name);
    satstat__fig_body body;
    if (satstat__fig_body_begin(&c->g, &body) != SATSTAT_OK)
        return;
    satstat__dp_style_named(c, r);
    phase_data(c);
    satstat__legend key;
    phase_legend(c, &key);
    phase_maps(c, title, stacked, &key);
    satstat__fig_rule(&c->g, "legend: a panel of its own right of the maps, or below them");
    satstat__fig_legend_panel(&c->g, &key, "column", "top + 0.02",
                              "unset title\nunset logscale\nunset colorbox\n");
    /* stacked, the canvas grows until each map is PHASE_MAP_IN high: at
     * 3.5 x 2.4 in two maps above a six-row legend were 0.4 in each */
    double min_in = 0;
    if (stacked) {
        double fontpt, line_px;
        satstat__fig_canvas(&c->g.o, &fontpt, &line_px);
        min_in = 2 * PHASE_MAP_IN + 1.0 * line_px / (c->g.o.dpi ? c->g.o.dpi : 96);
    }
    header_for_legend_min(c, head,
           stacked ? "Top: chi1 = sigma_w^2 W E[phi'(z)^2] at the fixed point, over the normalized\n"
                     "weight variance sigma_w^2 * fan_in (log axis) and the bias variance sigma_b^2;\n"
                     "the black line is chi1 = 1, the edge of chaos (critical; ordered left/below,\n"
                     "chaotic right/above).  Bottom: the fixed point q* (log colour scale; grey\n"
                     "where q* = 0).  The schemes of the run are marked.  (At a wider size the\n"
                     "two maps stand side by side.)"
                   : "Left: chi1 = sigma_w^2 W E[phi'(z)^2] at the fixed point, over the normalized\n"
                     "weight variance sigma_w^2 * fan_in (log axis) and the bias variance sigma_b^2;\n"
                     "the black line is chi1 = 1, the edge of chaos (critical; ordered left/below,\n"
                     "chaotic right/above).  Right: the fixed point q* (log colour scale; grey\n"
                     "where q* = 0).  The schemes of the run are marked.  (At a narrow size the\n"
                     "two maps stand one above the other.)",
           &key, min_in, "its two maps one above the other need it", &body);
}
