/* plot.c — gnuplot figures of a report (satstat/plot.h).
 *
 * Each figure is written as one readable gnuplot script: a header saying
 * what it shows and the command that made it, then sections for output,
 * style, layout, the numbers printed on the plot, the inline data, and
 * one commented section per layer.  The look every script shares (palette,
 * fonts, the legend column), the header, and writing and rendering a
 * folder of scripts through the output transaction (satstat/io.h) are the
 * figure toolkit's (figure-int.h), which deep's and sweep's figures use
 * too.  This file holds what a run's figures share (plot-int.h: the view
 * of a report, the layers and legend, the sections, the data blocks) and
 * the entry points; each figure family says what it shows in a file of
 * its own: plot_density.c (1), plot_compare.c (2), plot_activation.c (3),
 * plot_saturation.c (4), plot_reference.c (5).
 */
#include <satstat/plot.h>

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <gsl/gsl_histogram.h>

#include <satstat/error.h>
#include <satstat/exact.h>
#include <satstat/io.h>
#include <satstat/parse.h>
#include <satstat/sampler.h>
#include <satstat/stats.h>

#include "output/figure-int.h"
#include "output/plot-int.h"
#include "satstat_version.h"
#include "base/error-int.h"

/* ======================================================================
 * Quoting
 * ====================================================================== */

int satstat_plot_quote(const char *text, char *buf, size_t size)
{
    if (!text || !buf || size == 0)
        return SATSTAT_EINVAL;
    size_t n = 0;
    int rc = SATSTAT_OK;
    if (strpbrk(text, "\n\r")) {
        buf[0] = '\0';
        return SATSTAT_EINVAL;
    }
#define PUT(ch)                   \
    do {                          \
        if (n + 1 < size)         \
            buf[n++] = (ch);      \
        else                      \
            rc = SATSTAT_ERANGE;  \
    } while (0)
    PUT('\'');
    for (const char *p = text; *p; p++) {
        if (*p == '\'')
            PUT('\'');
        PUT(*p);
    }
    PUT('\'');
#undef PUT
    buf[n] = '\0';
    return rc;
}

/* ======================================================================
 * The view of a report a figure needs
 * ====================================================================== */

/* One assignment of the "numbers" section, its comment aligned:
 * fmt is "name = value\tcomment". */
void satstat__pl_assign(ctx *c, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    char *rest = line;
    while (*rest) {
        char *nl = strchr(rest, '\n');
        if (nl)
            *nl = '\0';
        char *tab = strchr(rest, '\t');
        if (tab) {
            *tab = '\0';
            out(c, "%-22s # %s\n", rest, tab + 1);
        } else {
            out(c, "%s\n", rest);
        }
        if (!nl)
            break;
        rest = nl + 1;
    }
}

/* Shortest round-trip form, for constants in the script. */
const char *satstat__pl_num(double x, char buf[SATSTAT_DOUBLE_SIZE])
{
    satstat_format_double(x, buf, SATSTAT_DOUBLE_SIZE);
    return buf;
}

/* x rounded up to three significant digits: axis limits that read well. */
const char *satstat__pl_num_up(double x, char buf[SATSTAT_DOUBLE_SIZE])
{
    if (x > 0 && isfinite(x)) {
        double p = pow(10.0, floor(log10(x)) - 2);
        x = ceil(x / p - 1e-9) * p;
        snprintf(buf, SATSTAT_DOUBLE_SIZE, "%.3g", x);
    } else {
        snprintf(buf, SATSTAT_DOUBLE_SIZE, "1");
    }
    return buf;
}

/* Three significant digits, for numbers printed on the plot (the text
 * report has them all). */
const char *satstat__pl_num3(double x, char buf[SATSTAT_DOUBLE_SIZE])
{
    if (!isfinite(x))
        snprintf(buf, SATSTAT_DOUBLE_SIZE, "n/a");
    else if (fabs(x) >= 1000 && fabs(x) < 1e7)
        snprintf(buf, SATSTAT_DOUBLE_SIZE, "%.0f", x); /* 1131, not 1.13e+03 */
    else
        snprintf(buf, SATSTAT_DOUBLE_SIZE, "%.3g", x == 0 ? 0.0 : x);
    return buf;
}

/* Six significant digits, as satstat_region_format() writes the rule's
 * cuts: a number in a title that matches the region's words. */
const char *satstat__pl_num6(double x, char buf[SATSTAT_DOUBLE_SIZE])
{
    snprintf(buf, SATSTAT_DOUBLE_SIZE, "%.6g", x == 0 ? 0.0 : x);
    return buf;
}

/* Half-width of the z axis that shows scheme v whole (mean ± 4 sd) and
 * the threshold on both sides. */
double satstat__pl_axis_of(const sview *v, double T)
{
    double reach = fabs(v->mean) + AXIS_SDS * v->sd;
    return satstat__nice_ceil(fmax(reach, AXIS_T * T));
}

static void build_ctx(ctx *c, const satstat_report *r, const satstat_plot_options *o,
                      const char *dir)
{
    c->r = r;
    c->c = satstat_report_config(r);
    (void)o; /* satstat_plot_write resolved it into c->g.o */
    c->g.dir = dir;
    c->ns = satstat_report_scheme_count(r);
    c->T = c->c->threshold;
    /* the saturation rule's region (satstat_config_region); |z| >= T
     * keeps the figures exactly as they were before rules existed */
    if (satstat_config_region(c->c, &c->region, NULL, 0) != SATSTAT_OK)
        c->region = satstat_region_tails(-c->T, c->T);
    c->region_default = c->region.below == -c->T && c->region.above == c->T
                        && c->region.n_bands == 0;
    satstat_config_rule_text(c->c, c->rule_txt, sizeof c->rule_txt, NULL, 0);
    satstat_region_format(&c->region, c->region_txt, sizeof c->region_txt);
    {
        /* the same words with ≤ and ≥ */
        char *w = c->region_utf;
        size_t room = sizeof c->region_utf;
        for (const char *p = c->region_txt; *p && room > 4; p++) {
            if ((p[0] == '<' || p[0] == '>') && p[1] == '=') {
                memcpy(w, p[0] == '<' ? "\xE2\x89\xA4" : "\xE2\x89\xA5", 3);
                w += 3;
                room -= 3;
                p++;
            } else {
                *w++ = *p;
                room--;
            }
        }
        *w = '\0';
    }
    c->X = 0;
    for (size_t i = 0; i < c->ns; i++) {
        sview *v = &c->v[i];
        v->name = c->c->schemes[i].canonical;
        satstat_scheme_describe(&c->c->schemes[i], v->weights, sizeof v->weights);
        v->a = satstat_report_analytic(r, i);
        v->s = satstat_report_summary(r, i);
        v->mean = v->a->mean;
        v->sd = v->a->variance > 0 ? sqrt(v->a->variance) : 0.0;
        v->constant = v->a->law == SATSTAT_Z_CONSTANT || !(v->sd > 0);
        if (v->s) {
            uint64_t under, over;
            const gsl_histogram *h = satstat_summary_histogram(v->s, &under, &over);
            v->n = satstat_summary_z(v->s)->n;
            uint64_t unit_size;
            const satstat_unit_moments *u = satstat_summary_units(v->s, &unit_size);
            v->n_indep = u ? u->mean.n : v->n;
            v->hist_bins = gsl_histogram_bins(h);
            v->hist_lo = gsl_histogram_min(h);
            v->hist_hi = gsl_histogram_max(h);
        } else {
            satstat_layout L;
            satstat_layout_default(v->a->mean, v->a->variance, v->a->threshold,
                                   c->c->samples, &L);
            v->n = v->n_indep = 0;
            v->hist_bins = L.hist_bins;
            v->hist_lo = L.hist_lo;
            v->hist_hi = L.hist_hi;
        }
        c->X = fmax(c->X, satstat__pl_axis_of(v, c->T));
    }
    c->Z = fmax(ZOOM_MIN, ZOOM_T * c->T);
}

int satstat__pl_all_constant(const ctx *c)
{
    for (size_t i = 0; i < c->ns; i++)
        if (!c->v[i].constant)
            return 0;
    return 1;
}

int satstat__pl_any_sampled(const ctx *c)
{
    for (size_t i = 0; i < c->ns; i++)
        if (c->v[i].s)
            return 1;
    return 0;
}

/* Scheme v's numbers, "name 0.0178, 0.0178" (the sample's when sampled
 * and `sampled` is given; the formula's alone without it). */
static void formula_pair(const sview *v, double (*formula)(const sview *v),
                         double (*sampled)(const sview *v), const char *sep, char *buf, size_t size)
{
    char m1[SATSTAT__FIG_NUM_SIZE], m2[SATSTAT__FIG_NUM_SIZE], name[SATSTAT_SPEC_SIZE * 2];
    satstat__tex_escape(v->name, name, sizeof name);
    satstat__fig_num(formula(v), 3, m1);
    if (v->s && sampled) {
        satstat__fig_num(sampled(v), 3, m2);
        snprintf(buf, size, "%s%s%s, %s", name, sep, m1, m2);
    } else {
        snprintf(buf, size, "%s%s%s", name, sep, m1);
    }
}

/* Longest legend row below the plot (characters) that keeps the numbers
 * of every scheme on one: about the width of a 3.5 in figure at 8 pt. */
#define BELOW_ROW_CHARS 50

void satstat__pl_formula_rows(ctx *c, double (*formula)(const sview *v),
                              double (*sampled)(const sview *v), const char *what)
{
    char row[SATSTAT_SPEC_SIZE * 2 + 2 * SATSTAT__FIG_NUM_SIZE + 8];
    int both = sampled && satstat__pl_any_sampled(c);
    const char *head = both ? "formula, sampled:" : "formula:";
    satstat__pl_text_line(c, "%s", head);
    /* (one space after the name, as in the rows below a small plot: the
     * large figures' "standard  0.0178" and the small ones' "standard
     * 0.0178" differed, figure review 17, N15) */
    for (size_t i = 0; i < c->ns; i++) {
        formula_pair(&c->v[i], formula, sampled, " ", row, sizeof row);
        satstat__pl_text_line(c, "%s", row);
        satstat__pl_mark_tex(c);
    }
    if (!what)
        return;
    /* the figure's result, kept below a small plot: fig3 at 3.5 in had
     * no mean slope anywhere (figure review 15, S4.2); two rows at most
     * (a row a scheme left three schemes' plots 0.25 in high), else a
     * row that says where they are */
    char all[ELEM_TITLE] = "";
    size_t used = 0;
    for (size_t i = 0; i < c->ns; i++) {
        formula_pair(&c->v[i], formula, sampled, " ", row, sizeof row);
        used += (size_t)snprintf(all + used, used < sizeof all ? sizeof all - used : 0, "%s%s",
                                 i ? "; " : "", row);
    }
    if (used < sizeof all && satstat__text_chars(all, 1) <= BELOW_ROW_CHARS) {
        satstat__pl_text_line(c, "%s, %s", what, head);
        satstat__pl_below_only(c);
        satstat__pl_text_line(c, "%s", all);
    } else {
        satstat__pl_text_line(c, "%s (formula%s): in the report", what, both ? ", sampled" : "");
    }
    satstat__pl_below_only(c);
}

const char *satstat__pl_formula_word(const sview *v)
{
    return v->a->law == SATSTAT_Z_NORMAL_APPROX || v->a->law == SATSTAT_Z_EXACT ? "approx." : "formula";
}

const char *satstat__pl_law_word(const sview *v)
{
    return v->a->law == SATSTAT_Z_NORMAL ? "exact"
           : v->a->law == SATSTAT_Z_NORMAL_APPROX ? "normal approximation"
           : v->a->law == SATSTAT_Z_EXACT ? "normal approximation; the fractions are exact"
                                          : "constant";
}

/* A law's parameter as printed: the fewest of 3 to 5 significant digits
 * that give it exactly (1.5, 501, 1.005: never "1.00" or "1" for 1.005,
 * which would claim another law), else 4 (1.083 for 13/12). */
const char *satstat__pl_num_law(double x, char buf[SATSTAT_DOUBLE_SIZE])
{
    if (x == 0 || !isfinite(x))
        return satstat__pl_num3(x, buf);
    for (int d = 3; d <= 5; d++) {
        snprintf(buf, SATSTAT_DOUBLE_SIZE, "%.*g", d, x);
        if (fabs(strtod(buf, NULL) - x) <= 1e-9 * fabs(x) && !strchr(buf, 'e'))
            return buf;
    }
    if (fabs(x) >= 1000 && fabs(x) < 1e7)
        snprintf(buf, SATSTAT_DOUBLE_SIZE, "%.0f", x);
    else
        snprintf(buf, SATSTAT_DOUBLE_SIZE, "%.4g", x);
    return buf;
}

/* "N(0, σ² = 501)" (the variance named: N(0, 501) reads as a standard
 * deviation to some) or "z = 3" */
void satstat__pl_law_text(const sview *v, char *buf, size_t size)
{
    char m[SATSTAT_DOUBLE_SIZE], s2[SATSTAT_DOUBLE_SIZE];
    if (v->constant)
        snprintf(buf, size, "z = %s", satstat__pl_num3(v->mean, m));
    else
        snprintf(buf, size, "N(%s, σ² = %s)", satstat__pl_num_law(v->mean, m), satstat__pl_num_law(v->a->variance, s2));
}

double satstat__pl_formula_fraction(const sview *v)
{
    return v->a->saturated_fraction;
}

double satstat__pl_sampled_fraction(const sview *v)
{
    return v->s && v->n ? (double)satstat_summary_saturated(v->s) / (double)v->n : NAN;
}

/* 1 − alpha interval of a proportion: Clopper–Pearson for few counts,
 * Wilson otherwise (satstat_proportion_interval), Wilson when the exact
 * one is out of reach; NaN when neither can be computed. */
satstat_interval satstat__pl_proportion_ci(uint64_t k, uint64_t n, double alpha)
{
    satstat_interval ci = {NAN, NAN};
    if (n == 0)
        return ci;
    if (satstat_proportion_interval(k, n, alpha, &ci) != SATSTAT_OK
        && satstat_wilson_interval(k, n, alpha, &ci) != SATSTAT_OK) {
        ci.lo = NAN;
        ci.hi = NAN;
    }
    return ci;
}

/* "99.9 %" for alpha = 0.001 */
void satstat__pl_level_text(double alpha, char *buf, size_t size)
{
    satstat__fig_level(alpha, buf, size);
}

/* ======================================================================
 * Layers, the legend and the plot commands
 * ====================================================================== */

/* A layer (src non-empty) and/or a legend row (title non-empty).  style
 * is shared: the legend shows the layer's own line, fill or point. */
void satstat__pl_add(ctx *c, const char *src, const char *title, const char *style, ...)
{
    if (c->nel >= MAX_ELEMS) {
        fail(c, SATSTAT_ERANGE);
        return;
    }
    elem *e = &c->el[c->nel++];
    va_list ap;
    va_start(ap, style);
    int n = vsnprintf(e->style, sizeof e->style, style, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof e->style)
        fail(c, SATSTAT_ERANGE);
    n = snprintf(e->src, sizeof e->src, "%s", src ? src : "");
    if (n < 0 || (size_t)n >= sizeof e->src)
        fail(c, SATSTAT_ERANGE);
    snprintf(e->title, sizeof e->title, "%s", title ? title : "");
    e->in_key = title != NULL;
    e->tex = 0;
    e->below_only = 0;
}

/* The last layer's or row's title is enhanced-text markup: numbers typeset
 * by satstat__fig_num, names escaped (satstat__tex_escape). */
void satstat__pl_mark_tex(ctx *c)
{
    if (c->nel > 0)
        c->el[c->nel - 1].tex = 1;
}

/* A line of text in the legend column (a legend row with no sample). */
void satstat__pl_text_line(ctx *c, const char *fmt, ...)
{
    char t[ELEM_TITLE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t, sizeof t, fmt, ap);
    va_end(ap);
    satstat__pl_add(c, NULL, t, "with lines linetype nodraw");
}

/* The last row (a text line) is markup for the legend below a small plot
 * only: the numbers the column's text lines give, in short. */
void satstat__pl_below_only(ctx *c)
{
    satstat__pl_mark_tex(c);
    if (c->nel > 0)
        c->el[c->nel - 1].below_only = 1;
}

/* "P(region)" and `suffix` as text lines, one interval a line when the
 * region has several ("z ≤ -2.27856 or -0.903261 ≤ z ≤ -0.633457" would
 * run off the figure). */
void satstat__pl_region_probability_lines(ctx *c, const char *suffix)
{
    const char *p = c->region_utf;
    for (int first = 1; p; first = 0) {
        const char *next = strstr(p, " or ");
        int len = next ? (int)(next - p) : (int)strlen(p);
        satstat__pl_text_line(c, "%s%.*s%s%s", first ? "P(" : "   or ", len, p, next ? "" : ")",
                  next ? "" : suffix);
        p = next ? next + 4 : NULL;
    }
}

/* The data layers, without titles: the legend has a panel of its own. */
void satstat__pl_plot_layers(ctx *c)
{
    int first = 1;
    for (size_t i = 0; i < c->nel; i++) {
        const elem *e = &c->el[i];
        if (!e->src[0])
            continue;
        /* a leading sampling range needs the word `sample` to be told
         * from the plot's axis ranges */
        out(c, "%s%s%s %s notitle", first ? "plot " : ", \\\n     ",
            first && e->src[0] == '[' ? "sample " : "", e->src, e->style);
        first = 0;
    }
    out(c, "\n");
}

/* The legend: a panel of its own in the column right of the plot, with a
 * key entry per row (samples drawn in the layers' styles). */
static void legend_of(const ctx *c, satstat__legend *key)
{
    key->n = 0;
    for (size_t i = 0; i < c->nel; i++)
        if (c->el[i].in_key) {
            satstat__legend_row(key, c->el[i].style, "%s", c->el[i].title);
            if (c->el[i].tex)
                satstat__legend_tex(key);
            if (c->el[i].below_only)
                satstat__legend_below_only(key);
        }
}

/* A small figure whose legend goes below the plot grows until the plot is
 * at least half its height (satstat__fig_fit_half; the width and the text
 * as asked); note says so for the header ("" when the canvas is as
 * asked).  panels as satstat__pl_layout_section will be given (two: the
 * legend below at every size).  Call after the layers, before the header. */
void satstat__pl_fit_half(ctx *c, int panels, char *note, size_t size)
{
    satstat__legend key;
    legend_of(c, &key);
    if (panels == 2)
        satstat__fig_legend_below(&c->g);
    (void)satstat__fig_fit_half(&c->g, &key, note, size);
}

void satstat__pl_legend_panel(ctx *c)
{
    satstat__legend key;
    legend_of(c, &key);
    satstat__fig_legend_panel(&c->g, &key, "column", "top + 0.02", "unset y2label\n");
}

/* ======================================================================
 * Sections every script shares
 * ====================================================================== */

/* Header: what the figure shows (lines of `about`, each without '#'), the
 * run command that made it, and how to run it. */
void satstat__pl_header(ctx *c, const char *headline, const char *const *about, size_t lines)
{
    char cmd[SATSTAT_MAX_SCHEMES * SATSTAT_SPEC_SIZE + 512];
    char text[2048];
    size_t n = 0;
    text[0] = '\0';
    for (size_t i = 0; i < lines && n < sizeof text; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "%s%s", about[i],
                              i + 1 < lines ? "\n" : "");
    if (satstat_report_command(c->r, cmd, sizeof cmd) != SATSTAT_OK || n >= sizeof text) {
        fail(c, SATSTAT_ERANGE);
        return;
    }
    satstat__fig_header(&c->g, headline, text, cmd);
}

void satstat__pl_output_section(ctx *c)
{
    satstat__fig_output_section(&c->g);
}

/* The schemes' names, the series of the style section (NULL beyond). */
enum { MAX_SERIES = SATSTAT_MAX_SCHEMES + 8 };
static void series_names(const ctx *c, const char *series[MAX_SERIES])
{
    for (size_t i = 0; i < MAX_SERIES; i++)
        series[i] = i < c->ns ? c->v[i].name : NULL;
}

/* Scheme i's palette slot: its colour by name in every figure. */
size_t satstat__pl_series_slot(const ctx *c, size_t i)
{
    const char *series[MAX_SERIES];
    series_names(c, series);
    return satstat__series_slot(series, c->ns, i);
}

void satstat__pl_style_section(ctx *c, size_t styled)
{
    const char *series[MAX_SERIES];
    series_names(c, series);
    satstat__fig_style_begin(&c->g, styled < MAX_SERIES ? styled : MAX_SERIES, series);
    out(c, "ink = '#000000'      # formulas and the activation: black\n"
           "shade = '#E4E4E4'    # the saturated region |z| >= T: light grey, the deep figures' (a pale sampled band stays seen on it)\n"
           "set style fill transparent solid 0.35 noborder   # sampled densities: 35 %% opaque, overlaps show\n");
    satstat__fig_style_end(&c->g);
}

/* Where things go.  panels: 1 or 2 (stacked); gap: room between the plot
 * and the legend column (more with a right-hand axis). */
void satstat__pl_layout_section(ctx *c, int panels, int right_axis)
{
    rule(c, "layout");
    satstat__legend key;
    legend_of(c, &key);
    if (panels == 2) {
        /* below at every size: beside two stacked panels, a 1280 x 800
         * slide's legend left a quarter of it blank (figure review 18, S6) */
        out(c, "# The panels side by side; the legend below them (a panel of its own),\n"
               "# so that neither covers the data.\n"
               "# Screen units: 0 = left/bottom, 1 = right/top of the figure.\n");
        satstat__fig_layout_legend_below(&c->g, &key, right_axis);
    } else {
        out(c, "# The plot on the left; the legend and the numbers in a column on the\n"
               "# right (a panel of their own), so that neither covers the data.\n"
               "# Screen units: 0 = left/bottom, 1 = right/top of the figure.\n");
        satstat__fig_layout_legend(&c->g, &key, right_axis);
    }
    satstat__fig_xlabel_near(&c->g);

    if (panels == 2)
        out(c, "# two panels, [split_top, top] and [bottom, split_bottom], the gap\n"
               "# between them room for the upper one's tick labels and x label (its\n"
               "# label sat on the lower panel at 3.0 lines: figure review 9); on a\n"
               "# small figure (legend below) stacked panels would be slivers: there\n"
               "# they stand side by side, [plot_left, left_right] and [right_left,\n"
               "# plot_right], each the full height\n"
               "side_by_side = legend_below\n"
               "split_top = side_by_side ? bottom : (top + bottom) / 2 + 1.7 * line_height\n"
               "split_bottom = side_by_side ? top : (top + bottom) / 2 - 1.7 * line_height\n"
               "left_right = side_by_side ? (plot_left + plot_right) / 2 - %s : plot_right\n"
               "right_left = side_by_side ? (plot_left + plot_right) / 2 + plot_left - 0.01 - 2.2 * line_width : plot_left   # no y label: its room\n"
               "panel_height = side_by_side ? top - bottom : top - split_top\n",
            right_axis ? "(5 * char_width + 2.6 * line_width)" : "0.02");
    out(c, "set lmargin at screen plot_left\n"
           "set rmargin at screen plot_right\n");
}

/* The saturated region, shaded, for a z axis: |z| ≥ T on both sides, or
 * the rule's region (one side for relu and the other one-sided rows),
 * between the variables zbelow and zabove of the numbers section. */
void satstat__pl_shade_layer(ctx *c)
{
    if (c->region_default) {
        out(c, "set object 1 rectangle from graph 0, graph 0 to first -T, graph 1 behind fillcolor rgb shade fillstyle solid 1.0 noborder\n"
               "set object 2 rectangle from first T, graph 0 to graph 1, graph 1 behind fillcolor rgb shade fillstyle solid 1.0 noborder\n");
        return;
    }
    if (c->region.below > -INFINITY)
        out(c, "set object 1 rectangle from graph 0, graph 0 to first zbelow, graph 1 behind fillcolor rgb shade fillstyle solid 1.0 noborder\n");
    if (c->region.above < INFINITY)
        out(c, "set object 2 rectangle from first zabove, graph 0 to graph 1, graph 1 behind fillcolor rgb shade fillstyle solid 1.0 noborder\n");
    for (size_t k = 1; k <= c->region.n_bands; k++)
        out(c, "set object %zu rectangle from first zband%zulo, graph 0 to first zband%zuhi, graph 1 behind fillcolor rgb shade fillstyle solid 1.0 noborder\n",
            k + 2, k, k);
}

/* The numbers of a non-default region: zbelow, zabove. */
void satstat__pl_assign_region(ctx *c)
{
    char m[SATSTAT_DOUBLE_SIZE];
    if (c->region_default)
        return;
    if (c->region.below > -INFINITY)
        satstat__pl_assign(c, "zbelow = %s\tsaturated region (rule %s): z <= zbelow\n",
               satstat__pl_num(c->region.below, m), c->rule_txt);
    if (c->region.above < INFINITY)
        satstat__pl_assign(c, "zabove = %s\tsaturated region (rule %s): z >= zabove\n",
               satstat__pl_num(c->region.above, m), c->rule_txt);
    for (size_t k = 1; k <= c->region.n_bands; k++) {
        char m2[SATSTAT_DOUBLE_SIZE];
        satstat__pl_assign(c, "zband%zulo = %s\tsaturated region (rule %s), band %zu: zband%zulo <= z\n", k,
               satstat__pl_num(c->region.band[k - 1].lo, m), c->rule_txt, k, k);
        satstat__pl_assign(c, "zband%zuhi = %s\t... and z <= zband%zuhi\n", k,
               satstat__pl_num(c->region.band[k - 1].hi, m2), k);
    }
}

/* "saturated |z| ≥ 4" (default) or "saturated z ≤ 0 (dead)" for a legend. */
void satstat__pl_region_legend(ctx *c, char *buf, size_t size)
{
    char m[SATSTAT_DOUBLE_SIZE];
    if (c->region_default)
        snprintf(buf, size, "saturated |z| ≥ %s", satstat__pl_num(c->T, m));
    else if (strstr(c->region_utf, " or ")) /* several intervals: too long for a row */
        snprintf(buf, size, "saturated (%s)", c->rule_txt);
    else if (strcmp(c->rule_txt, "dead") == 0
                 ? snprintf(buf, size, "inactive (%s)", c->region_utf) >= (int)size
                 : snprintf(buf, size, "saturated %s (%s)", c->region_utf, c->rule_txt)
                       >= (int)size)
        buf[size - 1] = '\0'; /* cut: the legend only */
}

void satstat__pl_panel(ctx *c, int panels, int which)
{
    if (panels == 1)
        out(c, "set tmargin at screen top\nset bmargin at screen bottom\n"
               "panel_w = plot_right - plot_left\npanel_h = top - bottom\n");
    else if (which == 0)
        out(c, "set tmargin at screen top\nset bmargin at screen split_top\n"
               "set lmargin at screen plot_left\nset rmargin at screen left_right\n"
               "panel_w = left_right - plot_left\npanel_h = top - split_top\n");
    else
        /* side by side the panels plot one quantity: its y label once, on
         * the left one */
        out(c, "set tmargin at screen split_bottom\nset bmargin at screen bottom\n"
               "set lmargin at screen right_left\nset rmargin at screen plot_right\n"
               "panel_w = plot_right - right_left\npanel_h = split_bottom - bottom\n"
               "if (side_by_side) { unset ylabel }\n");
}

/* The tick steps of the panel just placed (satstat__pl_panel()): x over [xlo, xhi],
 * and y over [ylo, yhi] unless ylo is NULL (a log axis). */
void satstat__pl_ticks(ctx *c, const char *xlo, const char *xhi, const char *ylo, const char *yhi)
{
    satstat__fig_ticks(&c->g, "x", xlo, xhi, "panel_w", 4);
    /* a panel too narrow for three labels of six characters (side by
     * side on a small figure): its two ends, and 0 between them when the
     * labels leave 1.5 characters' gap: an end's label (tick_chars: the
     * longer, its minus counted as one; U+2212 is about 1.4) centred on
     * its tick reaches half its width, 0 half a digit, towards the other
     * (a whole label's width and two characters more kept [-100, 100]
     * to -100 and 100 at 3.5 in, and the zoom on [-5, 5] in SVG too:
     * figure review 7, S10); an axis from 0 or above, steps of 1, 2 or 5
     * when labels as wide as its ends, 1.5 characters apart, fit at least
     * three (fig4's zoom on [0, 5] showed only 0 and 5: S11); never three
     * labels run together */
    out(c, "if (panel_w / (6 * char_width) < 3) {\n"
           "    tick_chars = ((strlen(sprintf('%%g', %s)) > strlen(sprintf('%%g', %s))) ? strlen(sprintf('%%g', %s)) : strlen(sprintf('%%g', %s)))\n"
           "    if ((%s) < 0 && (%s) > 0 && (%s) == -(%s) && panel_w / 2 >= (tick_chars / 2. + 0.2 + 0.5 + 1.5) * char_width) {\n"
           "        set xtics ((%s), 0, (%s))\n"
           "    } else {\n"
           "        set xtics 0 + (%s), (%s) - (%s)\n"
           "        if ((%s) < 0 && (%s) > 0) { set xtics add ('' 0) }   # 0 marked, unlabelled\n"
           "    }\n"
           "    # (gnuplot 5.4 reads no else-if in a block)\n"
           "    if ((%s) >= 0 && panel_w / ((tick_chars + 1.5) * char_width) >= 2) {\n"
           "        set xtics 0 + (%s), tick_step((%s) - (%s), panel_w / ((tick_chars + 1.5) * char_width))\n"
           "    }\n"
           "}\n",
        xlo, xhi, xlo, xhi, xlo, xhi, xlo, xhi, xlo, xhi, xlo, xhi, xlo, xlo, xhi,
        /* (from 0 or above:) */ xlo, xlo, xhi, xlo);
    if (!ylo)
        return;
    satstat__fig_ticks(&c->g, "y", ylo, yhi, "panel_h", 4);
    satstat__fig_ylabel_room(&c->g, ylo, yhi, "panel_h");
}

/* The figure's title, fitted to the width (satstat__fig_multiplot_title). */
void satstat__pl_multiplot_title_as(ctx *c, const char *title, int tex)
{
    satstat__fig_multiplot_title(&c->g, title, tex);
}

void satstat__pl_multiplot_title(ctx *c, const char *title)
{
    satstat__pl_multiplot_title_as(c, title, 0);
}

/* ======================================================================
 * Data blocks
 * ====================================================================== */

/* The histogram of scheme i is merged by g so that about
 * RICE_FACTOR·n^(1/3) bins remain (g divides the bin count). */
size_t satstat__pl_merge_factor(const sview *v)
{
    double target = RICE_FACTOR * cbrt((double)v->n);
    size_t bins = v->hist_bins;
    for (size_t g = 1; g <= bins; g++)
        if (bins % g == 0 && (double)(bins / g) <= target)
            return g;
    return bins;
}

/* Merged bin b of scheme v: edges and count. */
static void merged_bin(const sview *v, size_t g, size_t b, double *a0, double *a1,
                       double *count)
{
    uint64_t under, over;
    const gsl_histogram *h = satstat_summary_histogram(v->s, &under, &over);
    double dummy;
    gsl_histogram_get_range(h, b * g, a0, &dummy);
    gsl_histogram_get_range(h, b * g + g - 1, &dummy, a1);
    *count = 0;
    for (size_t k = 0; k < g; k++)
        *count += gsl_histogram_get(h, b * g + k);
}

/* The highest sampled density of scheme i over bins meeting (lo, hi). */
double satstat__pl_hist_peak(const ctx *c, size_t i, double lo, double hi)
{
    const sview *v = &c->v[i];
    if (!v->s || !v->n)
        return 0;
    size_t g = satstat__pl_merge_factor(v);
    double peak = 0;
    for (size_t b = 0; b < v->hist_bins / g; b++) {
        double a0, a1, count;
        merged_bin(v, g, b, &a0, &a1, &count);
        double dens = count / ((double)v->n * (a1 - a0));
        if (a1 > lo && a0 < hi && dens > peak)
            peak = dens;
    }
    return peak;
}

/* The highest analytic density of scheme i over [lo, hi]. */
double satstat__pl_pdf_peak(const ctx *c, size_t i, double lo, double hi)
{
    const sview *v = &c->v[i];
    if (v->constant)
        return 0;
    /* a normal density is highest at its mean, else at the nearer end */
    double z = v->mean < lo ? lo : v->mean > hi ? hi : v->mean;
    return satstat_analytic_pdf(v->a, z);
}

void satstat__pl_hist_block(ctx *c, size_t i)
{
    const sview *v = &c->v[i];
    uint64_t under, over;
    satstat_summary_histogram(v->s, &under, &over);
    size_t g = satstat__pl_merge_factor(v);
    size_t bins = v->hist_bins / g;
    out(c, "# Sampled histogram of '%s': the sampler's %zu equal bins over mean +- 8 sd,\n"
           "# merged by %zu to %zu bins (Rice's rule: 2 n^(1/3) bins over the central\n"
           "# +- 4 sd).  Each bin is two rows, at its lower and at its upper edge, so\n"
           "# that the rows trace the histogram's outline and fill as one shape.\n"
           "# Columns: z, density = count / (n width), count; n = %llu.  Neurons\n"
           "# outside the bins (%llu below, %llu above) are left out, so the areas\n"
           "# sum to 1 - %llu/n.\n",
        v->name, v->hist_bins, g, bins, (unsigned long long)v->n,
        (unsigned long long)under, (unsigned long long)over,
        (unsigned long long)(under + over));
    out(c, "$hist%zu << EOD\n", i + 1);
    for (size_t b = 0; b < bins; b++) {
        double a0, a1, count;
        merged_bin(v, g, b, &a0, &a1, &count);
        double dens = v->n ? count / ((double)v->n * (a1 - a0)) : 0.0;
        out(c, "%.10g %.7g %.0f\n%.10g %.7g %.0f\n", a0, dens, count, a1, dens, count);
    }
    out(c, "EOD\n");
    /* the bins' width, for a panel that cuts a bin at its edge (band_at) */
    double w0 = 0.0, w1 = 0.0, unused;
    if (bins > 0)
        merged_bin(v, g, 0, &w0, &w1, &unused);
    out(c, "hist%zu_width = %.10g\n", i + 1, w1 - w0);
}

/* The analytic density of scheme i: CURVE_POINTS + 1 points over the
 * histogram's range, and the axis ends lo, hi when they lie outside.
 * scaled: divided by its peak. */
void satstat__pl_pdf_block(ctx *c, size_t i, double lo, double hi)
{
    const sview *v = &c->v[i];
    char a[SATSTAT_DOUBLE_SIZE], b[SATSTAT_DOUBLE_SIZE];
    out(c, "# Analytic density of '%s': N(mean, variance), %s.  Columns: z, density;\n"
           "# %d points over mean +- 8 sd, and the axis ends.\n",
        v->name, satstat__pl_law_word(v), CURVE_POINTS + 1);
    out(c, "# mean = %s, variance = %s\n", satstat__pl_num(v->mean, a), satstat__pl_num(v->a->variance, b));
    out(c, "$pdf%zu << EOD\n", i + 1);
    double h0 = v->hist_lo, h1 = v->hist_hi;
    if (lo < h0)
        out(c, "%.10g %.7g\n", lo, satstat_analytic_pdf(v->a, lo));
    for (int j = 0; j <= CURVE_POINTS; j++) {
        double z = h0 + (h1 - h0) * j / CURVE_POINTS;
        out(c, "%.10g %.7g\n", z, satstat_analytic_pdf(v->a, z));
    }
    if (hi > h1)
        out(c, "%.10g %.7g\n", hi, satstat_analytic_pdf(v->a, hi));
    out(c, "EOD\n");
}

/* A point mass: z and its probability, by formula and in the sample. */
void satstat__pl_mass_block(ctx *c, size_t i)
{
    const sview *v = &c->v[i];
    double sampled = NAN;
    if (v->s) {
        /* the share of sampled z in the histogram bin that holds the constant */
        uint64_t under, over;
        const gsl_histogram *h = satstat_summary_histogram(v->s, &under, &over);
        size_t b;
        if (gsl_histogram_find(h, v->mean, &b) == 0 && v->n)
            sampled = gsl_histogram_get(h, b) / (double)v->n;
    }
    out(c, "# '%s': z is the constant %.10g (Var z = 0), a point mass with no density.\n"
           "# Columns: z, probability by formula, share of the sample there.\n",
        v->name, v->mean);
    out(c, "$mass%zu << EOD\n%.10g 1 %.7g\nEOD\n", i + 1, v->mean, sampled);
}

/* Sorted union of two evenly spaced grids on [a0, a1] (n0 steps) and
 * [b0, b1] (n1 steps, clipped to [a0, a1]); returns the count (≤ n0 + n1
 * + 2), the points in *grid (caller frees; NULL when out of memory). */
size_t satstat__pl_merged_grid(double a0, double a1, int n0, double b0, double b1, int n1,
                          double **grid)
{
    b0 = fmax(a0, b0);
    b1 = fmin(a1, b1);
    size_t cap = (size_t)n0 + (size_t)n1 + 2;
    double *g = malloc(cap * sizeof *g);
    if (!g) {
        *grid = NULL;
        return 0;
    }
    size_t n = 0;
    int i = 0, j = 0;
    int fine = b1 > b0;
    double tol = (a1 - a0) * 1e-9;
    while (i <= n0 || (fine && j <= n1)) {
        double x = i <= n0 ? a0 + (a1 - a0) * i / n0 : INFINITY;
        double y = fine && j <= n1 ? b0 + (b1 - b0) * j / n1 : INFINITY;
        double z;
        if (x <= y) {
            z = x;
            i++;
        } else {
            z = y;
            j++;
        }
        if (n == 0 || z > g[n - 1] + tol)
            g[n++] = z;
    }
    *grid = g;
    return n;
}

/* ======================================================================
 * Figures of a report
 * ====================================================================== */

size_t satstat_plot_count(const satstat_report *report)
{
    return report ? satstat_report_scheme_count(report) + 4 : 0;
}

/* The figures after the per-scheme densities, in order. */
static const struct {
    satstat_figure kind;
    const char *name;
} rest[] = {
    {SATSTAT_FIGURE_COMPARE, "fig2-compare"},
    {SATSTAT_FIGURE_ACTIVATION, "fig3-activation"},
    {SATSTAT_FIGURE_SATURATION, "fig4-saturated-fraction"},
    {SATSTAT_FIGURE_NORMAL, "fig5-standard-normal"},
};

/* Figure i of a run of config c with ns schemes: its name into buf. */
static satstat_figure figure_of(const satstat_config *c, size_t i, char *buf, size_t size)
{
    if (i < c->n_schemes) {
        char w[SATSTAT_SPEC_SIZE];
        satstat__file_word(c->schemes[i].canonical, w, sizeof w);
        snprintf(buf, size, "fig1-density-%s", w);
        return SATSTAT_FIGURE_DENSITY;
    }
    snprintf(buf, size, "%s", rest[i - c->n_schemes].name);
    return rest[i - c->n_schemes].kind;
}

size_t satstat_plot_names(const satstat_config *c, char (*names)[SATSTAT_PLOT_NAME_SIZE],
                          size_t max)
{
    size_t n = c ? c->n_schemes + sizeof rest / sizeof rest[0] : 0;
    for (size_t i = 0; i < n && i < max; i++)
        figure_of(c, i, names[i], SATSTAT_PLOT_NAME_SIZE);
    return n;
}

int satstat_plot_figure(const satstat_report *report, size_t i, satstat_figure *kind,
                        size_t *scheme, char *name, size_t name_size)
{
    if (!report || i >= satstat_plot_count(report))
        return SATSTAT_EINVAL;
    char buf[SATSTAT_PLOT_NAME_SIZE];
    const satstat_config *c = satstat_report_config(report);
    satstat_figure k = figure_of(c, i, buf, sizeof buf);
    if (kind)
        *kind = k;
    if (scheme)
        *scheme = i < c->n_schemes ? i : 0;
    if (name) {
        if (name_size == 0)
            return SATSTAT_ERANGE;
        int n = snprintf(name, name_size, "%s", buf);
        if (n < 0 || (size_t)n >= name_size)
            return SATSTAT_ERANGE;
    }
    return SATSTAT_OK;
}

int satstat_plot_write(const satstat_report *report, size_t i,
                       const satstat_plot_options *options, const char *dir, FILE *f)
{
    if (!report || !f || i >= satstat_plot_count(report))
        return SATSTAT_EINVAL;
    satstat_plot_options opts;
    if (satstat__fig_options(options, &opts) != SATSTAT_OK)
        return SATSTAT_EINVAL;
    if (dir && strpbrk(dir, "\n\r"))
        return SATSTAT_EINVAL;
    satstat_figure kind;
    size_t scheme;
    char name[SATSTAT_PLOT_NAME_SIZE];
    int rc = satstat_plot_figure(report, i, &kind, &scheme, name, sizeof name);
    if (rc != SATSTAT_OK)
        return rc;
    ctx *c = calloc(1, sizeof *c);
    if (!c)
        return SATSTAT_ENOMEM;
    c->g.f = f;
    c->g.name = name;
    c->g.o = opts;
    build_ctx(c, report, &opts, dir);

    satstat__c_locale cn; /* numbers with '.', whatever the caller's locale */
    satstat__c_locale_enter(&cn);
    switch (kind) {
    case SATSTAT_FIGURE_DENSITY:
        satstat__pl_fig_density(c, scheme);
        break;
    case SATSTAT_FIGURE_COMPARE:
        satstat__pl_fig_compare(c);
        break;
    case SATSTAT_FIGURE_ACTIVATION:
        satstat__pl_fig_activation(c);
        break;
    case SATSTAT_FIGURE_SATURATION:
        satstat__pl_fig_saturation(c);
        break;
    case SATSTAT_FIGURE_NORMAL:
        satstat__pl_fig_normal(c);
        break;
    }
    satstat__c_locale_leave(&cn);
    rc = c->g.err;
    free(c);
    if (rc == SATSTAT_OK && (fflush(f) != 0 || ferror(f)))
        rc = SATSTAT_EIO;
    return rc;
}

/* ======================================================================
 * Directories
 * ====================================================================== */

/* The nearest existing ancestor of path (path itself when it exists). */
static int nearest_existing(const char *path, char *buf, size_t size, struct stat *st)
{
    int n = snprintf(buf, size, "%s", path);
    if (n < 0 || (size_t)n >= size)
        return SATSTAT_ERANGE;
    for (;;) {
        if (stat(buf, st) == 0)
            return SATSTAT_OK;
        if (errno != ENOENT && errno != ENOTDIR)
            return SATSTAT_EIO;
        /* drop the last component (and trailing slashes) */
        size_t len = strlen(buf);
        while (len > 1 && buf[len - 1] == '/')
            buf[--len] = '\0';
        char *slash = strrchr(buf, '/');
        if (!slash) {
            snprintf(buf, size, ".");
        } else if (slash == buf) {
            buf[1] = '\0';
        } else {
            *slash = '\0';
        }
    }
}

int satstat_plot_check_dir(const char *dir, char *msg, size_t msg_size)
{
    char quoted[SATSTAT_QUOTE_SIZE];
    if (!dir || !*dir) {
        satstat__set_msg(msg, msg_size, "empty directory name");
        return SATSTAT_EINVAL;
    }
    satstat_quote(dir, quoted, sizeof quoted);
    if (strpbrk(dir, "\n\r")) {
        satstat__set_msg(msg, msg_size, "directory name %s holds a newline", quoted);
        return SATSTAT_EINVAL;
    }
    char anc[PATH_MAX];
    struct stat st;
    int rc = nearest_existing(dir, anc, sizeof anc, &st);
    if (rc != SATSTAT_OK) {
        satstat__set_msg(msg, msg_size, "cannot use %s: %s", quoted,
                rc == SATSTAT_ERANGE ? "path too long" : strerror(errno));
        return SATSTAT_EIO;
    }
    char aq[SATSTAT_QUOTE_SIZE];
    satstat_quote(anc, aq, sizeof aq);
    if (!S_ISDIR(st.st_mode)) {
        if (strcmp(anc, dir) == 0)
            satstat__set_msg(msg, msg_size, "%s exists and is not a directory", quoted);
        else
            satstat__set_msg(msg, msg_size, "cannot create %s: %s is not a directory", quoted, aq);
        return SATSTAT_EIO;
    }
    if (access(anc, W_OK | X_OK) != 0) {
        satstat__set_msg(msg, msg_size, "cannot write into %s: %s", aq, strerror(errno));
        return SATSTAT_EIO;
    }
    return SATSTAT_OK;
}

/* The report's figures as a set of the toolkit (figure-int.h). */
typedef struct plot_set {
    const satstat_report *report;
    const satstat_plot_options *options;
} plot_set;

static const char *set_name(void *arg, size_t i, char *buf, size_t size)
{
    const plot_set *a = arg;
    return satstat_plot_figure(a->report, i, NULL, NULL, buf, size) == SATSTAT_OK ? buf : NULL;
}

static int set_write(void *arg, size_t i, const char *dir, FILE *f)
{
    const plot_set *a = arg;
    return satstat_plot_write(a->report, i, a->options, dir, f);
}

static satstat__figure_set figure_set(plot_set *a)
{
    satstat__figure_set set = {satstat_plot_count(a->report), set_name, set_write, a, a->options};
    return set;
}

int satstat_plot_write_figures(const satstat_report *report, satstat_txn_dir *dir,
                               const satstat_plot_options *options, char *msg, size_t msg_size)
{
    if (!report || !dir) {
        satstat__set_msg(msg, msg_size, "no directory given");
        return SATSTAT_EINVAL;
    }
    plot_set a = {report, options};
    satstat__figure_set set = figure_set(&a);
    return satstat__fig_write_set(&set, dir, msg, msg_size);
}

int satstat_plot_write_dir(const satstat_report *report, const char *dir,
                           const satstat_plot_options *options, char *msg, size_t msg_size)
{
    if (!report)
        return SATSTAT_EINVAL;
    plot_set a = {report, options};
    satstat__figure_set set = figure_set(&a);
    return satstat__fig_write_set_dir(&set, dir, msg, msg_size);
}

int satstat_plot_render_figures(const satstat_report *report, satstat_txn_dir *dir,
                                satstat_render_format format, const char *program, char *msg,
                                size_t msg_size)
{
    if (!report)
        return SATSTAT_EINVAL;
    plot_set a = {report, NULL};
    satstat__figure_set set = figure_set(&a);
    return satstat__fig_render_set(&set, dir, format, program, msg, msg_size);
}

int satstat_plot_render_dir(const satstat_report *report, const char *dir,
                            satstat_render_format format, const char *program, char *msg,
                            size_t msg_size)
{
    if (!report)
        return SATSTAT_EINVAL;
    plot_set a = {report, NULL};
    satstat__figure_set set = figure_set(&a);
    return satstat__fig_render_set_dir(&set, dir, format, program, msg, msg_size);
}
