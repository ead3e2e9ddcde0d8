/* plot.c — gnuplot figures of a report (satstat/plot.h).
 *
 * Each figure is written as one readable gnuplot script: a header saying
 * what it shows and the command that made it, then sections for output,
 * style, layout, the numbers printed on the plot, the inline data, and
 * one commented section per layer.  The look every script shares (palette,
 * fonts, the legend column), the header, and writing and rendering a
 * folder of scripts through the output transaction (satstat/io.h) are the
 * figure toolkit's (figure-int.h), which deep's and sweep's figures use
 * too: this file says what each figure of a run shows.
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

/* Rice's rule: about 2·n^(1/3) bins across the data.  The sampler's
 * histogram spans mean ± 8 sd, twice the ± 4 sd where the data lie, so
 * we aim for 4·n^(1/3) bins over the whole histogram. */
#define RICE_FACTOR 4.0

/* The axes: the z axis covers mean ± 4 sd of every scheme, and at least
 * ± 1.5 T so the saturated region always shows; the zoom covers ± 5 (the
 * seed's narrow scheme, sd 1.22, lies within it), or ± 1.25 T when T is
 * larger so that the threshold stays inside. */
#define AXIS_SDS 4.0
#define AXIS_T 1.5
#define ZOOM_MIN 5.0
#define ZOOM_T 1.25
/* Figures 3 and 4 get a zoom panel when the full axis is more than twice
 * as wide as the zoom; figure 2 always shows one. */
#define ZOOM_NEEDED 2.0
/* Headroom above the highest curve, as a factor of it. */
#define HEADROOM 1.1
/* Points on an analytic curve: the coarse grid over the whole axis, and
 * the fine one over the zoom window. */
#define CURVE_POINTS 400
#define CURVE_POINTS_ZOOM 200
/* At most about this many sampled points with error bars per panel. */
#define SAMPLED_POINTS 30
/* Legend rows that fit in the column at the usual spacing. */
#define LEGEND_ROWS 22

typedef struct sview {
    const char *name;            /* canonical spec                      */
    char weights[SATSTAT_SPEC_SIZE]; /* "N(0, 1/n_in)"                  */
    const satstat_analytic *a;
    const satstat_summary *s;    /* NULL: analytic only                 */
    double mean, sd;
    int constant;                /* z has no density: a point mass      */
    uint64_t n;                  /* sampled neurons                     */
    /* the independent draws behind the figure's intervals: every neuron,
     * or for orthogonal (a unit of dependent rows) each matrix's first row
     * (satstat_summary_units) */
    uint64_t n_indep;
    double hist_lo, hist_hi;     /* the histogram's range               */
    size_t hist_bins;
} sview;

#define MAX_ELEMS 96
#define ELEM_SRC 128
#define ELEM_STYLE 192
#define ELEM_TITLE 128

/* One layer of the data panels and/or one row of the legend. */
typedef struct elem {
    char src[ELEM_SRC];     /* "$pdf1 using 1:2"; "" = a legend row only     */
    char style[ELEM_STYLE]; /* "with lines linetype 1"                       */
    char title[ELEM_TITLE]; /* the legend row; "" = not in the legend        */
    int in_key;
    int tex;                /* the title is enhanced-text markup (mark_tex)   */
    int below_only;         /* a row for the legend below the plot only       */
} elem;

typedef struct ctx {
    satstat__fig g; /* the script: stream, name, folder, options, error */
    const satstat_report *r;
    const satstat_config *c;
    size_t ns;
    sview v[SATSTAT_MAX_SCHEMES];
    double T;    /* saturation threshold                  */
    satstat_region region; /* the saturated region of z (the rule's)  */
    int region_default;    /* region is |z| >= T: the seed's figures  */
    char region_txt[64];   /* "z <= 0", ASCII, for comments           */
    char region_utf[80];   /* "z ≤ 0", for legends and the numbers    */
    char rule_txt[SATSTAT_ACTIVATION_NAME_SIZE]; /* "deriv:0.1", "dead" */
    double X;    /* the z axis over all schemes: [−X, X]  */
    double Z;    /* the zoom: [−Z, Z]                     */
    size_t nel;
    elem el[MAX_ELEMS];
} ctx;

/* The toolkit's writers (figure-int.h) on this figure's script. */
#define out(c, ...) satstat__fig_out(&(c)->g, __VA_ARGS__)
#define fail(c, rc) satstat__fig_fail(&(c)->g, rc)
#define qstr(c, text) satstat__fig_qstr(&(c)->g, text)
#define rule(c, title) satstat__fig_rule(&(c)->g, title)

/* One assignment of the "numbers" section, its comment aligned:
 * fmt is "name = value\tcomment". */
static void assign(ctx *c, const char *fmt, ...) SATSTAT__PRINTF_LIKE(2, 3);
static void assign(ctx *c, const char *fmt, ...)
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
static const char *num(double x, char buf[SATSTAT_DOUBLE_SIZE])
{
    satstat_format_double(x, buf, SATSTAT_DOUBLE_SIZE);
    return buf;
}

/* x rounded up to three significant digits: axis limits that read well. */
static const char *num_up(double x, char buf[SATSTAT_DOUBLE_SIZE])
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
static const char *num3(double x, char buf[SATSTAT_DOUBLE_SIZE])
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
static const char *num6(double x, char buf[SATSTAT_DOUBLE_SIZE])
{
    snprintf(buf, SATSTAT_DOUBLE_SIZE, "%.6g", x == 0 ? 0.0 : x);
    return buf;
}

/* Half-width of the z axis that shows scheme v whole (mean ± 4 sd) and
 * the threshold on both sides. */
static double axis_of(const sview *v, double T)
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
        c->X = fmax(c->X, axis_of(v, c->T));
    }
    c->Z = fmax(ZOOM_MIN, ZOOM_T * c->T);
}

static int all_constant(const ctx *c)
{
    for (size_t i = 0; i < c->ns; i++)
        if (!c->v[i].constant)
            return 0;
    return 1;
}

static int any_sampled(const ctx *c)
{
    for (size_t i = 0; i < c->ns; i++)
        if (c->v[i].s)
            return 1;
    return 0;
}

static const char *law_word(const sview *v)
{
    return v->a->law == SATSTAT_Z_NORMAL ? "exact"
           : v->a->law == SATSTAT_Z_NORMAL_APPROX ? "normal approximation"
           : v->a->law == SATSTAT_Z_EXACT ? "normal approximation; the fractions are exact"
                                          : "constant";
}

/* A law's parameter as printed: the fewest of 3 to 5 significant digits
 * that give it exactly (1.5, 501, 1.005: never "1.00" or "1" for 1.005,
 * which would claim another law), else 4 (1.083 for 13/12). */
static const char *num_law(double x, char buf[SATSTAT_DOUBLE_SIZE])
{
    if (x == 0 || !isfinite(x))
        return num3(x, buf);
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
static void law_text(const sview *v, char *buf, size_t size)
{
    char m[SATSTAT_DOUBLE_SIZE], s2[SATSTAT_DOUBLE_SIZE];
    if (v->constant)
        snprintf(buf, size, "z = %s", num3(v->mean, m));
    else
        snprintf(buf, size, "N(%s, σ² = %s)", num_law(v->mean, m), num_law(v->a->variance, s2));
}

static double sampled_fraction(const sview *v)
{
    return v->s && v->n ? (double)satstat_summary_saturated(v->s) / (double)v->n : NAN;
}

/* 1 − alpha interval of a proportion: Clopper–Pearson for few counts,
 * Wilson otherwise (satstat_proportion_interval), Wilson when the exact
 * one is out of reach; NaN when neither can be computed. */
static satstat_interval proportion_ci(uint64_t k, uint64_t n, double alpha)
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
static void level_text(double alpha, char *buf, size_t size)
{
    satstat__fig_level(alpha, buf, size);
}

/* ======================================================================
 * Layers, the legend and the plot commands
 * ====================================================================== */

/* A layer (src non-empty) and/or a legend row (title non-empty).  style
 * is shared: the legend shows the layer's own line, fill or point. */
static void add(ctx *c, const char *src, const char *title, const char *style, ...)
    SATSTAT__PRINTF_LIKE(4, 5);
static void add(ctx *c, const char *src, const char *title, const char *style, ...)
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
static void mark_tex(ctx *c)
{
    if (c->nel > 0)
        c->el[c->nel - 1].tex = 1;
}

/* A line of text in the legend column (a legend row with no sample). */
static void text_line(ctx *c, const char *fmt, ...) SATSTAT__PRINTF_LIKE(2, 3);
static void text_line(ctx *c, const char *fmt, ...)
{
    char t[ELEM_TITLE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t, sizeof t, fmt, ap);
    va_end(ap);
    add(c, NULL, t, "with lines linetype nodraw");
}

/* A line of markup text for the legend below a small plot only: the
 * numbers the column's text lines give, in short. */
static void text_below(ctx *c, const char *fmt, ...) SATSTAT__PRINTF_LIKE(2, 3);
static void text_below(ctx *c, const char *fmt, ...)
{
    char t[ELEM_TITLE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t, sizeof t, fmt, ap);
    va_end(ap);
    add(c, NULL, t, "with lines linetype nodraw");
    mark_tex(c);
    if (c->nel > 0)
        c->el[c->nel - 1].below_only = 1;
}

/* "P(region)" and `suffix` as text lines, one interval a line when the
 * region has several ("z ≤ -2.27856 or -0.903261 ≤ z ≤ -0.633457" would
 * run off the figure). */
static void region_probability_lines(ctx *c, const char *suffix)
{
    const char *p = c->region_utf;
    for (int first = 1; p; first = 0) {
        const char *next = strstr(p, " or ");
        int len = next ? (int)(next - p) : (int)strlen(p);
        text_line(c, "%s%.*s%s%s", first ? "P(" : "   or ", len, p, next ? "" : ")",
                  next ? "" : suffix);
        p = next ? next + 4 : NULL;
    }
}

/* The data layers, without titles: the legend has a panel of its own. */
static void plot_layers(ctx *c)
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

static void legend_panel(ctx *c)
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
static void header(ctx *c, const char *headline, const char *const *about, size_t lines)
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

static void output_section(ctx *c)
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
static size_t series_slot(const ctx *c, size_t i)
{
    const char *series[MAX_SERIES];
    series_names(c, series);
    return satstat__series_slot(series, c->ns, i);
}

static void style_section(ctx *c, size_t styled)
{
    const char *series[MAX_SERIES];
    series_names(c, series);
    satstat__fig_style_begin(&c->g, styled < MAX_SERIES ? styled : MAX_SERIES, series);
    out(c, "ink = '#000000'      # formulas and the activation: black\n"
           "shade = '#DDDDDD'    # the saturated region |z| >= T: light grey\n"
           "set style fill transparent solid 0.35 noborder   # sampled densities: 35 %% opaque, overlaps show\n");
    satstat__fig_style_end(&c->g);
}

/* Where things go.  panels: 1 or 2 (stacked); gap: room between the plot
 * and the legend column (more with a right-hand axis). */
static void layout_section(ctx *c, int panels, int right_axis)
{
    rule(c, "layout");
    out(c, "# The plot on the left; the legend and the numbers in a column on the\n"
           "# right (a panel of their own), so that neither covers the data.\n"
           "# Screen units: 0 = left/bottom, 1 = right/top of the figure.\n");
    satstat__legend key;
    legend_of(c, &key);
    satstat__fig_layout_legend(&c->g, &key, right_axis);

    if (panels == 2)
        out(c, "# two panels, [split_top, top] and [bottom, split_bottom], the gap\n"
               "# between them room for the upper one's tick labels and x label; on a\n"
               "# small figure (legend below) stacked panels would be slivers: there\n"
               "# they stand side by side, [plot_left, left_right] and [right_left,\n"
               "# plot_right], each the full height\n"
               "side_by_side = legend_below\n"
               "split_top = side_by_side ? bottom : (top + bottom) / 2 + 1.7 * line_height\n"
               "split_bottom = side_by_side ? top : (top + bottom) / 2 - 1.3 * line_height\n"
               "left_right = side_by_side ? (plot_left + plot_right) / 2 - %s : plot_right\n"
               "right_left = side_by_side ? (plot_left + plot_right) / 2 + plot_left - 0.01 : plot_left\n"
               "panel_height = side_by_side ? top - bottom : top - split_top\n",
            right_axis ? "(5 * char_width + 2.6 * line_width)" : "0.02");
    out(c, "set lmargin at screen plot_left\n"
           "set rmargin at screen plot_right\n");
}

/* The saturated region, shaded, for a z axis: |z| ≥ T on both sides, or
 * the rule's region (one side for relu and the other one-sided rows),
 * between the variables zbelow and zabove of the numbers section. */
static void shade_layer(ctx *c)
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
static void assign_region(ctx *c)
{
    char m[SATSTAT_DOUBLE_SIZE];
    if (c->region_default)
        return;
    if (c->region.below > -INFINITY)
        assign(c, "zbelow = %s\tsaturated region (rule %s): z <= zbelow\n",
               num(c->region.below, m), c->rule_txt);
    if (c->region.above < INFINITY)
        assign(c, "zabove = %s\tsaturated region (rule %s): z >= zabove\n",
               num(c->region.above, m), c->rule_txt);
    for (size_t k = 1; k <= c->region.n_bands; k++) {
        char m2[SATSTAT_DOUBLE_SIZE];
        assign(c, "zband%zulo = %s\tsaturated region (rule %s), band %zu: zband%zulo <= z\n", k,
               num(c->region.band[k - 1].lo, m), c->rule_txt, k, k);
        assign(c, "zband%zuhi = %s\t... and z <= zband%zuhi\n", k,
               num(c->region.band[k - 1].hi, m2), k);
    }
}

/* "saturated |z| ≥ 4" (default) or "saturated z ≤ 0 (dead)" for a legend. */
static void region_legend(ctx *c, char *buf, size_t size)
{
    char m[SATSTAT_DOUBLE_SIZE];
    if (c->region_default)
        snprintf(buf, size, "saturated |z| ≥ %s", num(c->T, m));
    else if (strstr(c->region_utf, " or ")) /* several intervals: too long for a row */
        snprintf(buf, size, "saturated (%s)", c->rule_txt);
    else if (strcmp(c->rule_txt, "dead") == 0
                 ? snprintf(buf, size, "inactive (%s)", c->region_utf) >= (int)size
                 : snprintf(buf, size, "saturated %s (%s)", c->region_utf, c->rule_txt)
                       >= (int)size)
        buf[size - 1] = '\0'; /* cut: the legend only */
}

static void panel(ctx *c, int panels, int which)
{
    if (panels == 1)
        out(c, "set tmargin at screen top\nset bmargin at screen bottom\n"
               "panel_w = plot_right - plot_left\npanel_h = top - bottom\n");
    else if (which == 0)
        out(c, "set tmargin at screen top\nset bmargin at screen split_top\n"
               "set lmargin at screen plot_left\nset rmargin at screen left_right\n"
               "panel_w = left_right - plot_left\npanel_h = top - split_top\n");
    else
        out(c, "set tmargin at screen split_bottom\nset bmargin at screen bottom\n"
               "set lmargin at screen right_left\nset rmargin at screen plot_right\n"
               "panel_w = plot_right - right_left\npanel_h = split_bottom - bottom\n");
}

/* The tick steps of the panel just placed (panel()): x over [xlo, xhi],
 * and y over [ylo, yhi] unless ylo is NULL (a log axis). */
static void ticks(ctx *c, const char *xlo, const char *xhi, const char *ylo, const char *yhi)
{
    satstat__fig_ticks(&c->g, "x", xlo, xhi, "panel_w", 4);
    /* a panel too narrow for three labels (side by side on a small
     * figure): its two ends only, never three labels run together */
    out(c, "if (panel_w / (6 * char_width) < 3) { set xtics 0 + (%s), (%s) - (%s) }\n", xlo, xhi, xlo);
    if (ylo)
        satstat__fig_ticks(&c->g, "y", ylo, yhi, "panel_h", 4);
}

/* The figure's title; when it has a tail after its last "; " or ": " that
 * a small figure has no room for, gnuplot chooses: the whole title when
 * it fits the width, else the part before the tail. */
static void multiplot_title_as(ctx *c, const char *title, int tex)
{
    const char *cut = NULL;
    for (const char *p = title; (p = strstr(p, "; ")) != NULL; p++)
        cut = p;
    if (!cut)
        for (const char *p = title; (p = strstr(p, ": ")) != NULL; p++)
            cut = p;
    void (*quote)(satstat__fig *, const char *) = tex ? satstat__fig_qtex : satstat__fig_qstr;
    if (!cut) {
        out(c, "set multiplot title ");
        quote(&c->g, title);
        out(c, "\n");
        return;
    }
    char head[ELEM_TITLE * 2];
    snprintf(head, sizeof head, "%.*s", (int)(cut - title), title);
    out(c, "title_whole = ");
    quote(&c->g, title);
    out(c, "\ntitle_head = ");
    quote(&c->g, head);
    out(c, "   # a small figure: the title without its tail\n"
           "set multiplot title (strlen(title_whole) * char_width < 0.97 ? title_whole : title_head)\n");
}

static void multiplot_title(ctx *c, const char *title)
{
    multiplot_title_as(c, title, 0);
}

/* ======================================================================
 * Data blocks
 * ====================================================================== */

/* The histogram of scheme i is merged by g so that about
 * RICE_FACTOR·n^(1/3) bins remain (g divides the bin count). */
static size_t merge_factor(const sview *v)
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
static double hist_peak(const ctx *c, size_t i, double lo, double hi)
{
    const sview *v = &c->v[i];
    if (!v->s || !v->n)
        return 0;
    size_t g = merge_factor(v);
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
static double pdf_peak(const ctx *c, size_t i, double lo, double hi)
{
    const sview *v = &c->v[i];
    if (v->constant)
        return 0;
    /* a normal density is highest at its mean, else at the nearer end */
    double z = v->mean < lo ? lo : v->mean > hi ? hi : v->mean;
    return satstat_analytic_pdf(v->a, z);
}

static void hist_block(ctx *c, size_t i)
{
    const sview *v = &c->v[i];
    uint64_t under, over;
    satstat_summary_histogram(v->s, &under, &over);
    size_t g = merge_factor(v);
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
}

/* The analytic density of scheme i: CURVE_POINTS + 1 points over the
 * histogram's range, and the axis ends lo, hi when they lie outside.
 * scaled: divided by its peak. */
static void pdf_block(ctx *c, size_t i, double lo, double hi)
{
    const sview *v = &c->v[i];
    char a[SATSTAT_DOUBLE_SIZE], b[SATSTAT_DOUBLE_SIZE];
    out(c, "# Analytic density of '%s': N(mean, variance), %s.  Columns: z, density;\n"
           "# %d points over mean +- 8 sd, and the axis ends.\n",
        v->name, law_word(v), CURVE_POINTS + 1);
    out(c, "# mean = %s, variance = %s\n", num(v->mean, a), num(v->a->variance, b));
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
static void mass_block(ctx *c, size_t i)
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
static size_t merged_grid(double a0, double a1, int n0, double b0, double b1, int n1,
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
                 num3(v->mean, m1));
        snprintf(about[na++], sizeof about[0], "probability 1 (formula) beside the sampled share there.");
    } else {
        snprintf(about[na++], sizeof about[0], "normalized to unit area, with the analytic law %s (%s)",
                 law, law_word(v));
        snprintf(about[na++], sizeof about[0], "drawn over it.");
    }
    if (c->region_default)
        snprintf(about[na++], sizeof about[0],
                 "Shaded: the saturated region |z| >= T = %s on both sides, with its",
                 num(c->T, m1));
    else
        snprintf(about[na++], sizeof about[0],
                 "Shaded: the saturated region %s (rule %s), with its", c->region_txt,
                 c->rule_txt);
    snprintf(about[na++], sizeof about[0], "sampled and analytic fractions printed beside the plot.");
    for (size_t k = 0; k < na; k++)
        ab[k] = about[k];
    header(c, headline, ab, na);
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
            add(c, src, t, "with impulses linetype %zu linewidth 12 dashtype 1", i + 1);
        }
        snprintf(t, sizeof t, "formula: %s", law);
        snprintf(src, sizeof src, "$mass%zu using 1:2", i + 1);
        add(c, src, t, "with points pointtype 7 pointsize 2.5 linecolor rgb ink");
    } else {
        if (v->s) {
            snprintf(t, sizeof t, "sampled, n = %s", n_txt);
            snprintf(src, sizeof src, "$hist%zu using 1:2", i + 1);
            /* opaque, the colour the 35 % fill has on white: the grey of
             * the saturated region behind does not tint it, and it keeps
             * the colour of its legend swatch */
            char fill[8];
            satstat__gp_over_white(satstat__palette[series_slot(c, i)], 0.35, fill);
            add(c, src, t, "with filledcurves y1=0 fillcolor rgb '%s' fillstyle solid 1.0 noborder",
                fill);
        }
        snprintf(t, sizeof t, "%s %s",
                 v->a->law == SATSTAT_Z_NORMAL_APPROX || v->a->law == SATSTAT_Z_EXACT
                     ? "approx." : "formula", law);
        snprintf(src, sizeof src, "$pdf%zu using 1:2", i + 1);
        /* thinner than the other figures' lines: the histogram's top stays
         * in view beside it */
        add(c, src, t, "with lines linecolor rgb ink linewidth 2 dashtype 1");
    }
    region_legend(c, t, sizeof t);
    add(c, NULL, t, "with boxes fillcolor rgb shade fillstyle solid 1.0");
}

/* Figure 1's numbers: in full in the legend's column, in two short rows
 * when the legend goes below a small plot. */
static void density_number_rows(ctx *c, size_t i)
{
    const sview *v = &c->v[i];
    char m1[SATSTAT_DOUBLE_SIZE], lv[32], p_txt[96], f[SATSTAT__FIG_NUM_SIZE],
        smp[SATSTAT__FIG_NUM_SIZE], lo[SATSTAT__FIG_NUM_SIZE], hi[SATSTAT__FIG_NUM_SIZE];
    level_text(c->c->alpha, lv, sizeof lv);
    text_line(c, " ");
    if (!v->constant) {
        text_line(c, "Var z");
        text_line(c, "   formula  %s", num_law(v->a->variance, m1));
        if (v->s) {
            satstat__fig_num(satstat_moments_variance(satstat_summary_z(v->s)), 4, smp);
            text_line(c, "   sampled  %s", smp);
            mark_tex(c);
            text_below(c, "Var z = %s, sampled %s", num_law(v->a->variance, m1), smp);
        } else {
            text_below(c, "Var z = %s", num_law(v->a->variance, m1));
        }
    }
    if (c->region_default) {
        text_line(c, "P(|z| ≥ %s)", num(c->T, m1));
        snprintf(p_txt, sizeof p_txt, "P(|z| ≥ %s)", m1);
    } else {
        region_probability_lines(c, "");
        snprintf(p_txt, sizeof p_txt, "P(saturated)");
    }
    satstat__fig_num(v->a->saturated_fraction, 3, f);
    text_line(c, "   %s  %s", v->a->law == SATSTAT_Z_EXACT ? "exact  " : "formula", f);
    mark_tex(c);
    if (v->s) {
        /* the report's interval (orthogonal: over the matrices) */
        satstat_interval ci;
        if (satstat_summary_saturated_interval(v->s, c->c->alpha, &ci, NULL) != SATSTAT_OK)
            ci = proportion_ci(satstat_summary_saturated(v->s), v->n, c->c->alpha);
        satstat__fig_num(sampled_fraction(v), 3, smp);
        satstat__fig_num(ci.lo, 3, lo);
        satstat__fig_num(ci.hi, 3, hi);
        text_line(c, "   sampled  %s", smp);
        mark_tex(c);
        text_line(c, "   %s CI:", lv);
        text_line(c, "   %s to %s", lo, hi);
        mark_tex(c);
        text_below(c, "%s = %s, sampled %s", p_txt, f, smp);
    } else {
        text_line(c, "   (nothing sampled)");
        text_below(c, "%s = %s", p_txt, f);
    }
}

/* Figure 1's numbers section and data blocks; X: the z axis' half-width. */
static void density_data(ctx *c, size_t i, double X)
{
    const sview *v = &c->v[i];
    char m1[SATSTAT_DOUBLE_SIZE];
    rule(c, "numbers");
    assign(c, "T = %s\tsaturation threshold: a unit is saturated when |z| >= T\n",
        num(c->T, m1));
    assign_region(c);
    assign(c, "zmax = %s\tthe z axis: mean +- %g sd and at least +- %g T, rounded up\n",
        num(X, m1), AXIS_SDS, AXIS_T);
    double peak = fmax(hist_peak(c, i, -X, X), pdf_peak(c, i, -X, X));
    if (v->constant)
        assign(c, "ymax = %s\ta probability: at most 1, with headroom\n",
            num(HEADROOM, m1));
    else
        assign(c, "ymax = %s\t%g x the highest density shown, rounded up\n",
            num_up(HEADROOM * peak, m1), HEADROOM);

    rule(c, "data");
    if (v->constant) {
        mass_block(c, i);
    } else {
        if (v->s)
            hist_block(c, i);
        pdf_block(c, i, -X, X);
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
                                 * (double)merge_factor(v)));
    if (!(foot > 0))
        foot = top * 1e-6;
    rule(c, "inset: the upper tail on a log axis");
    out(c, "# the saturated tail holds under %g %% of the mass: on the linear axis it\n"
           "# is invisible; here the density from mean + 2 sd on, on a log axis\n",
        100 * TAIL_INSET_SHARE);
    assign(c, "inset_from = %s\tmean + 2 sd: the density is under 14 %% of its peak from here\n",
           num(xa, m1));
    assign(c, "inset_lo = %s\tthe decade under the smallest density shown\n"
              "inset_hi = %s\tthe decade over the density at inset_from\n",
           num(pow(10.0, floor(log10(foot))), m2), num(pow(10.0, ceil(log10(top))), m3));
    out(c, "inset_l = plot_left + (plot_right - plot_left) * (inset_from + zmax) / (2 * zmax) + 5 * char_width\n"
           "inset_l = (inset_l > plot_right - 0.2) ? plot_right - 0.2 : inset_l\n"
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
           "set xtics tick_step(zmax - inset_from, (plot_right - 0.01 - inset_l) / (6 * char_width)) font smallfont\n");
    satstat__fig_log_axis(&c->g, 'y', "inset_lo", "inset_hi", "(inset_t - inset_b)");
    out(c, "set ytics font smallfont\n");
    char fill[8];
    satstat__gp_over_white(satstat__palette[series_slot(c, i)], 0.35, fill);
    if (v->s)
        out(c, "plot $hist%zu using 1:($2 > 0 ? $2 : NaN) with lines linecolor rgb '%s' linewidth 4 dashtype 1 notitle, \\\n"
               "     $pdf%zu using 1:2 with lines linecolor rgb ink linewidth 2 dashtype 1 notitle\n",
            i + 1, fill, i + 1);
    else
        out(c, "plot $pdf%zu using 1:2 with lines linecolor rgb ink linewidth 2 dashtype 1 notitle\n", i + 1);
    out(c, "unset logscale y\nunset arrow 9\nset border 3 linewidth 1.5\nset format y '%%g'\n"
           "set lmargin at screen plot_left\nset rmargin at screen plot_right\n");
}

static void fig_density(ctx *c, size_t i)
{
    const sview *v = &c->v[i];
    char law[96], t[SATSTAT_SPEC_SIZE * 5], weights[SATSTAT_SPEC_SIZE * 2], name[SATSTAT_SPEC_SIZE * 2];
    law_text(v, law, sizeof law);
    double X = axis_of(v, c->T);

    density_header(c, i, law);
    output_section(c);
    style_section(c, i + 1);

    /* the layers and the legend, assembled first: the layout needs the
     * legend's width */
    c->nel = 0;
    density_layers(c, i, law);
    density_number_rows(c, i);
    layout_section(c, 1, 0);
    density_data(c, i, X);

    rule(c, "title and axes");
    /* typeset: N(0, 1/n_{in}), the scheme's name as it is */
    satstat__tex_names(v->weights, weights, sizeof weights);
    satstat__tex_escape(v->name, name, sizeof name);
    snprintf(t, sizeof t, "%s of z, scheme %s: weights %s",
             v->constant ? "Law" : "Density", name, weights);
    multiplot_title_as(c, t, 1);
    out(c, "set xlabel 'z'\nset ylabel %s\n", v->constant ? "'probability'" : "'density of z'");
    panel(c, 1, 0);
    out(c, "set xrange [-zmax:zmax]\nset yrange [0:ymax]\n");
    ticks(c, "-zmax", "zmax", "0", "ymax");

    if (c->region_default) {
        rule(c, "layer 1: the saturated region |z| >= T, shaded on both sides");
    } else {
        char lay[192];
        if (snprintf(lay, sizeof lay, "layer 1: the saturated region %s (rule %s), shaded",
                     c->region_txt, c->rule_txt) >= (int)sizeof lay)
            lay[sizeof lay - 1] = '\0';
        rule(c, lay);
    }
    shade_layer(c);

    rule(c, v->constant ? "layers 2, 3: the point mass, sampled and by formula"
                        : "layers 2, 3: the sampled histogram, the analytic density");
    plot_layers(c);
    if (tail_inset_wanted(c, i, X))
        tail_inset(c, i, X);
    rule(c, "the legend and the numbers");
    legend_panel(c);
}

/* ======================================================================
 * Figure 2: every scheme on one axis, and a zoom
 * ====================================================================== */

static void fig_compare(ctx *c)
{
    char m1[SATSTAT_DOUBLE_SIZE], m2[SATSTAT_DOUBLE_SIZE], t[ELEM_TITLE], src[ELEM_SRC];
    int allc = all_constant(c);
    const char *about[] = {
        "The density of z under every scheme on one z axis, as the seed compares",
        "them: the sampled histograms (thin outlines, not fills, whose overlaps",
        "would mix into colours no legend row has) and the formula densities",
        "(thick lines) over them.  When the z axis is more than 3 times the zoom,",
        "below, the same zoomed on the narrow middle, where a scheme with a small",
        "Var z lives.  Shaded: the saturated region.  Point masses (Var z = 0) are",
        "drawn as spikes.",
    };
    int zoom = c->X >= 3 * c->Z; /* a zoom panel only when it zooms */
    int panels = zoom ? 2 : 1;
    header(c, "every scheme on one axis, and a zoom", about, sizeof about / sizeof about[0]);
    output_section(c);
    style_section(c, c->ns);

    c->nel = 0;
    /* every histogram first, as a wide pale outline in the scheme's colour
     * (40 % of it on white), then every formula line over them all,
     * thinner and in the full colour: where they coincide both stay seen,
     * the line inside its band */
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        if (v->constant || !v->s)
            continue;
        char pale[8];
        satstat__gp_over_white(satstat__palette[series_slot(c, i)], 0.4, pale);
        snprintf(src, sizeof src, "$hist%zu using 1:2", i + 1);
        snprintf(t, sizeof t, "%s: sampled", v->name);
        add(c, src, t, "with lines linecolor rgb '%s' linewidth 6 dashtype 1", pale);
    }
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        char law[96];
        law_text(v, law, sizeof law);
        snprintf(t, sizeof t, "%s: %s %s", v->name,
                 v->a->law == SATSTAT_Z_NORMAL ? "exact" : "approx.", law);
        if (v->constant) {
            snprintf(src, sizeof src, "$mass%zu using 1:(mass_height)", i + 1);
            add(c, src, t, "with impulses linetype %zu linewidth 6", i + 1);
        } else {
            snprintf(src, sizeof src, "$pdf%zu using 1:2", i + 1);
            add(c, src, t, "with lines linetype %zu linewidth 2.5", i + 1);
        }
    }
    region_legend(c, t, sizeof t);
    add(c, NULL, t, "with boxes fillcolor rgb shade fillstyle solid 1.0");
    if (c->ns <= SATSTAT__PALETTE_SIZE) {
        text_line(c, " ");
        if (c->region_default)
            text_line(c, "P(|z| ≥ %s), formula:", num(c->T, m1));
        else
            region_probability_lines(c, ", formula:");
        for (size_t i = 0; i < c->ns; i++)
            text_line(c, "%s  %s", c->v[i].name, num3(c->v[i].a->saturated_fraction, m1));
    }
    layout_section(c, panels, 0);

    rule(c, "numbers");
    assign(c, "T = %s\tsaturation threshold: a unit is saturated when |z| >= T\n",
        num(c->T, m1));
    assign_region(c);
    assign(c, "zmax = %s\ttop panel: mean +- %g sd of every scheme, at least +- %g T, rounded up\n",
        num(c->X, m1), AXIS_SDS, AXIS_T);
    if (zoom)
        assign(c, "zoom = %s\tbottom panel: +- %g, or +- %g T when that is wider\n",
            num(c->Z, m1), ZOOM_MIN, ZOOM_T);
    double peak_full = 0, peak_zoom = 0;
    for (size_t i = 0; i < c->ns; i++) {
        peak_full = fmax(peak_full, fmax(hist_peak(c, i, -c->X, c->X), pdf_peak(c, i, -c->X, c->X)));
        peak_zoom = fmax(peak_zoom, fmax(hist_peak(c, i, -c->Z, c->Z), pdf_peak(c, i, -c->Z, c->Z)));
    }
    if (allc) {
        assign(c, "ymax = %s\ta probability: at most 1, with headroom\n"
               "ymax_zoom = ymax\n",
            num(HEADROOM, m1));
    } else {
        if (!(peak_zoom > 0))
            peak_zoom = peak_full; /* nothing in the zoom: keep the scale */
        assign(c, "ymax = %s\t%g x the highest density in the top panel, rounded up\n",
            num_up(HEADROOM * peak_full, m1), HEADROOM);
        assign(c, "ymax_zoom = %s\t%g x the highest density in the zoom, rounded up\n",
            num_up(HEADROOM * peak_zoom, m2), HEADROOM);
    }
    for (size_t i = 0; i < c->ns; i++)
        if (c->v[i].constant) {
            assign(c, "mass_height = %s\ta point mass (Var z = 0) is drawn as a spike this high\n",
                allc ? "1" : "ymax / 1.2");
            break;
        }

    rule(c, "data");
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        if (v->constant) {
            mass_block(c, i);
            continue;
        }
        if (v->s)
            hist_block(c, i);
        pdf_block(c, i, -c->X, c->X);
    }

    rule(c, "title and axes");
    if (zoom)
        snprintf(t, sizeof t, "Density of z under every scheme; below, zoomed on [−%s, %s]",
                 num(c->Z, m1), num(c->Z, m2));
    else
        snprintf(t, sizeof t, "Density of z under every scheme");
    multiplot_title(c, t);
    out(c, "set xlabel 'z'\nset ylabel %s\n", allc ? "'probability'" : "'density of z'");

    rule(c, zoom ? "top panel: the whole z axis" : "the plot");
    panel(c, panels, 0);
    out(c, "set xrange [-zmax:zmax]\nset yrange [0:ymax]\n");
    ticks(c, "-zmax", "zmax", "0", "ymax");
    if (c->region_default)
        out(c, "# layer 1: the saturated region |z| >= T\n");
    else
        out(c, "# layer 1: the saturated region %s (rule %s)\n", c->region_txt, c->rule_txt);
    shade_layer(c);
    out(c, "# layers: the sampled histograms, then the formula densities over them\n");
    plot_layers(c);

    if (zoom) {
    rule(c, "bottom panel: the zoom");
    panel(c, 2, 1);
    out(c, "set xrange [-zoom:zoom]\nset yrange [0:ymax_zoom]\n");
    ticks(c, "-zoom", "zoom", "0", "ymax_zoom");
    for (size_t i = 0; i < c->ns; i++)
        if (c->v[i].constant && !allc) {
            assign(c, "mass_height = ymax_zoom / 1.2\ton the zoom's scale\n");
            break;
        }
    plot_layers(c);
    }
    rule(c, "the legend and the numbers");
    legend_panel(c);
}

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

/* Figure 3's header: what it shows. */
static void activation_header(ctx *c, int zoom)
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
        zoom ? "Below, the same zoomed on the middle." : "",
    };
    char headline[160];
    snprintf(headline, sizeof headline, "%s(z), %s'(z) and where z sits", an, an);
    header(c, headline, about, zoom ? 6 : 5);
}

/* Figure 3's mean slopes, by formula and sampled, one scheme a row. */
static void slope_rows(ctx *c)
{
    const satstat_activation *act = c->c->activation;
    char m1[SATSTAT__FIG_NUM_SIZE], m2[SATSTAT__FIG_NUM_SIZE], name[SATSTAT_SPEC_SIZE * 2];
    text_line(c, any_sampled(c) ? "formula, sampled:" : "formula:");
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        satstat__tex_escape(v->name, name, sizeof name);
        satstat__fig_num(v->a->mean_activation_derivative, 3, m1);
        if (v->s) {
            satstat__fig_num(satstat_summary_dphi(v->s)->mean, 3, m2);
            text_line(c, "%s  %s, %s", name, m1, m2);
        } else {
            text_line(c, "%s  %s", name, m1);
        }
        mark_tex(c);
    }
    satstat__fig_num(act->dphi_max, 3, m1);
    text_line(c, "(%s′ is at most %s)", act->name, m1);
    mark_tex(c);
}

static void fig_activation(ctx *c)
{
    const satstat_activation *act = c->c->activation;
    const char *an = act->name;
    char m1[SATSTAT_DOUBLE_SIZE], t[ELEM_TITLE], src[ELEM_SRC];
    int zoom = c->X > ZOOM_NEEDED * c->Z;
    int panels = zoom ? 2 : 1;
    activation_header(c, zoom);
    output_section(c);
    style_section(c, c->ns);

    c->nel = 0;
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        snprintf(t, sizeof t, "%s: density of z (right)", v->name);
        /* true densities as solid outlines in the scheme's colour (a dash
         * breaks up a histogram's steps; the black curves keep the dashes):
         * no fills, whose overlaps would mix into a colour no swatch has */
        if (v->constant) {
            /* a point mass has no density: a spike to the top of the axis */
            snprintf(t, sizeof t, "%s: point mass (right)", v->name);
            snprintf(src, sizeof src, "$mass%zu using 1:(y2top) axes x1y2", i + 1);
            add(c, src, t, "with impulses linetype %zu linewidth 8", i + 1);
        } else if (v->s) {
            snprintf(src, sizeof src, "$hist%zu using 1:2 axes x1y2", i + 1);
            add(c, src, t, "with lines linetype %zu linewidth 2.5 dashtype 1", i + 1);
        } else {
            snprintf(src, sizeof src, "$pdf%zu using 1:2 axes x1y2", i + 1);
            add(c, src, t, "with lines linetype %zu linewidth 2.5 dashtype 1", i + 1);
        }
    }
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
    if (clipped)
        snprintf(t, sizeof t, "φ(z) = %s(z), leaves the plot at %s", an, num3(phi_top, m1));
    else
        snprintf(t, sizeof t, "φ(z) = %s(z)", an);
    add(c, "$act using 1:2", t, "with lines linecolor rgb ink linewidth 4 dashtype 1");
    snprintf(t, sizeof t, "φ′(z)");
    /* short dashes (in units of the line's width): several over even a
     * small panel's slope */
    add(c, "$act using 1:3", t, "with lines linecolor rgb ink linewidth 4 dashtype (6,4)");
    if (c->ns <= SATSTAT__PALETTE_SIZE) {
        text_line(c, " ");
        text_line(c, "mean slope E[%s′(z)]", an);
        slope_rows(c);
    }
    layout_section(c, panels, 1);

    rule(c, "numbers");
    assign(c, "zmax = %s\tthe z axis: mean +- %g sd of every scheme, at least +- %g T, rounded up\n",
        num(c->X, m1), AXIS_SDS, AXIS_T);
    if (zoom)
        assign(c, "zoom = %s\tbottom panel: +- %g, or +- %g T when that is wider\n",
            num(c->Z, m1), ZOOM_MIN, ZOOM_T);
    {
        double span = phi_hi - phi_lo;
        /* a curve at 0 (relu for z < 0) would hide in the x axis: a margin */
        assign(c, "ymin = %.3g\t%s(z)'s range over the z axis (left axis), with headroom\n",
               phi_lo < 0 ? -satstat__nice_ceil(-(phi_lo - (HEADROOM - 1) * span))
                          : -0.04 * phi_top, an);
        assign(c, "ymax = %.3g\t... and its top%s\n", phi_top,
               clipped ? " (cut: it grows without bound)" : "");
    }
    /* the right axis: the highest density any scheme reaches in the panel */
    for (int p = 0; p < panels; p++) {
        double lo = p ? -c->Z : -c->X, hi = p ? c->Z : c->X, peak = 0;
        for (size_t i = 0; i < c->ns; i++)
            peak = fmax(peak, fmax(hist_peak(c, i, lo, hi), pdf_peak(c, i, lo, hi)));
        assign(c, "%s = %s\t%g x the highest density in the %s panel, rounded up\n",
            p ? "y2zoom" : "y2max", num_up(HEADROOM * (peak > 0 ? peak : 1.0), m1), HEADROOM,
            panels == 1 ? "" : p ? "bottom" : "top");
    }

    rule(c, "data");
    double *grid;
    size_t ng = merged_grid(-c->X, c->X, 2 * CURVE_POINTS, -c->Z, c->Z, 2 * CURVE_POINTS_ZOOM,
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
            mass_block(c, i);
        else if (v->s)
            hist_block(c, i);
        else
            pdf_block(c, i, -c->X, c->X);
    }

    rule(c, "title and axes");
    snprintf(t, sizeof t, "Where z sits against where %s has slope", an);
    multiplot_title(c, t);
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
        out(c, "if (side_by_side) {\n"
               "    left_right = (plot_left + plot_right) / 2 - (0.015 + 5 * char_width)\n"
               "    right_left = (plot_left + plot_right) / 2 + (0.015 + 6 * char_width)\n"
               "}\n");
    rule(c, zoom ? "top panel: the whole z axis" : "the plot");
    panel(c, panels, 0);
    if (zoom)
        out(c, "if (side_by_side) { unset y2label }\n");
    out(c, "set xrange [-zmax:zmax]\ny2top = y2max\n");
    ticks(c, "-zmax", "zmax", "ymin", "ymax");
    density_axis_aligned(c);
    out(c, "# layer 1: the densities of z (outlines, right axis); layer 2: %s(z) and\n"
           "# %s'(z) (black, left axis)\n",
        an, an);
    plot_layers(c);
    if (zoom) {
        rule(c, "bottom panel: the zoom");
        panel(c, panels, 1);
        out(c, "if (side_by_side) { unset ylabel; set y2label 'density of z' }\n");
        out(c, "set xrange [-zoom:zoom]\ny2top = y2zoom\n");
        ticks(c, "-zoom", "zoom", "ymin", "ymax");
        density_axis_aligned(c);
        plot_layers(c);
    }
    rule(c, "the legend and the numbers");
    legend_panel(c);
}

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
    add(c, NULL, "formula", "with lines linecolor rgb ink linewidth 3 dashtype 1");
    if (any_sampled(c)) {
        char t[ELEM_TITLE];
        snprintf(t, sizeof t, "sampled, %s CI", lv);
        add(c, NULL, t,
            "with yerrorbars linecolor rgb ink linewidth 2 dashtype 1 pointtype 7 pointsize 1.3 * pointscale");
    }
}

/* Each scheme's saturated fraction by formula (and sampled), one line each,
 * for the number panels of figure 4. */
static void fraction_lines(ctx *c)
{
    char m1[SATSTAT__FIG_NUM_SIZE], m2[SATSTAT__FIG_NUM_SIZE], name[SATSTAT_SPEC_SIZE * 2];
    text_line(c, any_sampled(c) ? "formula, sampled:" : "formula:");
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        satstat__tex_escape(v->name, name, sizeof name);
        satstat__fig_num(v->a->saturated_fraction, 3, m1);
        satstat__fig_num(sampled_fraction(v), 3, m2);
        if (v->s)
            text_line(c, "%s  %s, %s", name, m1, m2);
        else
            text_line(c, "%s  %s", name, m1);
        mark_tex(c);
    }
}

static void saturation_header(ctx *c, const char *lv, int zoom);
static void saturation_body(ctx *c, double tmax, double tzoom, int zoom, const char *lv);

static void fig_saturation(ctx *c)
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
    level_text(c->c->alpha, lv, sizeof lv);
    saturation_header(c, lv, zoom);
    output_section(c);
    style_section(c, c->ns);
    saturation_body(c, tmax, tzoom, zoom, lv);
}

/* Figure 4's header (a symmetric rule): what it shows. */
static void saturation_header(ctx *c, const char *lv, int zoom)
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
    header(c, "the saturated fraction P(|z| >= t) against t", about, zoom ? 6 : 5);
}

/* Figure 4's layers, numbers, data and panels (a symmetric rule). */
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
                num(v->mean, a));
        else
            out(c, "# '%s', formula: t, P(|z| >= t) for z ~ N(mean, variance), %s;\n"
                   "# mean = %s, variance = %s; %d points over the axis, %d over the zoom\n",
                v->name, law_word(v), num(v->mean, a), num(v->a->variance, b),
                CURVE_POINTS + 1, CURVE_POINTS_ZOOM + 1);
        out(c, "$formula%zu << EOD\n", i + 1);
        if (v->constant) {
            double a0 = fabs(v->mean);
            out(c, "0 1\n%.10g 1\n%.10g 0\n%.10g 0\n", a0, a0, fmax(tmax, a0));
        } else {
            double *grid;
            size_t ng = merged_grid(0, tmax, CURVE_POINTS, 0, tzoom, CURVE_POINTS_ZOOM, &grid);
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
        size_t bins;
        double abs_step;
        const uint64_t *counts = satstat_summary_abs_counts(v->s, &bins, &abs_step);
        size_t kmax = (size_t)floor(tmax / abs_step + 1e-9);
        if (kmax > bins)
            kmax = bins;
        out(c, "# '%s', sampled: t = k T/16, P(|z| >= t) = (neurons with |z| >= t) / n,\n"
               "# the %s interval's lower and upper ends; n = %llu%s.\n",
            v->name, lv, (unsigned long long)v->n_indep,
            v->n_indep != v->n ? " (the first row of each matrix)" : "");
        out(c, "$sample%zu << EOD\n", i + 1);
        /* tail = #{|z| ≥ k·step}: the counts from bin k up (the last bin is
         * open above, so at k = 0 it is n) */
        uint64_t tail = 0;
        for (size_t k = 0; k < bins; k++)
            tail += counts[k];
        for (size_t k = 0; k <= kmax; k++) {
            satstat_interval ci = proportion_ci(tail, v->n_indep, c->c->alpha);
            /* (a 0 too: on a log axis drawn open at the foot, its bar up
             * to the interval's upper end) */
            out(c, "%.10g %.7g %.7g %.7g\n", (double)k * abs_step,
                (double)tail / (double)v->n_indep, ci.lo, ci.hi);
            if (k < bins)
                tail -= counts[k];
        }
        out(c, "EOD\n");
    }
}

static void saturation_body(ctx *c, double tmax, double tzoom, int zoom, const char *lv)
{
    char m1[SATSTAT_DOUBLE_SIZE], src[ELEM_SRC];
    double step = c->T / 16.0;
    int panels = zoom ? 2 : 1;
    /* the y axis: log when the fractions at the cut span decades */
    double fmin_cut = INFINITY, fmax_cut = 0;
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        double f[2] = {v->a->saturated_fraction, v->s ? sampled_fraction(v) : NAN};
        for (int k = 0; k < 2; k++)
            if (isfinite(f[k]) && f[k] > 0) {
                fmin_cut = fmin(fmin_cut, f[k]);
                fmax_cut = fmax(fmax_cut, f[k]);
            }
    }
    /* the axis top is 1 (every curve starts there): log when the smallest
     * fraction at the cut is under 5 % of it */
    (void)fmax_cut;
    int logy = satstat__fig_log_y(&c->g, fmin_cut, 1.0);
    /* On the log axis (foot ylo, below: the decade of one neuron in n) a
     * sampled 0 is drawn open at the foot with its bar up to the upper
     * end, and a bar whose lower end is below the foot ends there with a
     * down triangle: as in deep-saturation and the sweeps, not left out or
     * cut unmarked.  Which of them occur, for the legend. */
    int zeros = 0, clipped = 0;
    if (logy) {
        double floor_frac = fmin_cut / 2;
        for (size_t i = 0; i < c->ns; i++)
            if (c->v[i].s && c->v[i].n_indep > 0)
                floor_frac = fmin(floor_frac, 1.0 / (double)c->v[i].n_indep);
        double foot = pow(10.0, floor(log10(floor_frac) + 1e-9));
        for (size_t i = 0; i < c->ns; i++) {
            const sview *v = &c->v[i];
            if (!v->s)
                continue;
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
                satstat_interval ci = proportion_ci(tail, v->n_indep, c->c->alpha);
                if (tail == 0)
                    zeros = 1;
                else if (ci.lo < foot)
                    clipped = 1;
                if (k < bins)
                    tail -= counts[k];
            }
        }
    }

    c->nel = 0;
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        snprintf(src, sizeof src, "$formula%zu using 1:2", i + 1);
        add(c, src, NULL, "with lines linetype %zu", i + 1);
        /* the legend's sample: the scheme's own line and point, as drawn */
        add(c, NULL, v->name, v->s ? "with linespoints linetype %zu" : "with lines linetype %zu",
            i + 1);
        if (v->s && !logy) {
            snprintf(src, sizeof src, "$sample%zu every stride using 1:2:3:4", i + 1);
            add(c, src, NULL, "with yerrorbars linetype %zu linewidth 2 dashtype 1", i + 1);
        } else if (v->s) {
            snprintf(src, sizeof src,
                     "$sample%zu every stride using 1:($2 > 0 ? $2 : NaN):($3 > ylo ? $3 : ylo):4", i + 1);
            add(c, src, NULL, "with yerrorbars linetype %zu linewidth 2 dashtype 1", i + 1);
            if (clipped) {
                snprintf(src, sizeof src, "$sample%zu every stride using 1:($2 > 0 && $3 < ylo ? ylo : NaN)",
                         i + 1);
                add(c, src, NULL, "with points linetype %zu pointtype 11", i + 1);
            }
            if (zeros) {
                snprintf(src, sizeof src, "$sample%zu every stride using 1:($2 > 0 ? NaN : ylo):(ylo):4",
                         i + 1);
                add(c, src, NULL, "with yerrorbars linetype %zu linewidth 2 dashtype 1 pointtype 6", i + 1);
            }
        }
    }
    if (zeros)
        add(c, NULL, "open: sampled 0 (bar: upper end)", "with points linecolor rgb ink pointtype 6");
    if (clipped)
        add(c, NULL, "bar runs below the axis", "with points linecolor rgb ink pointtype 11");
    if (c->region_default)
        snprintf(src, sizeof src, "threshold T = %s", num(c->T, m1));
    else
        region_legend(c, src, sizeof src);
    add(c, NULL, src, "with lines linecolor rgb ink linewidth 2 dashtype 3");
    tail_key_rows(c, lv);
    if (c->ns <= SATSTAT__PALETTE_SIZE) {
        text_line(c, " ");
        if (c->region_default)
            text_line(c, "P(|z| ≥ %s)", num(c->T, m1));
        else
            text_line(c, "P(%s)", c->region_utf); /* the rule's cut, 6 digits */
        fraction_lines(c);
    }
    layout_section(c, panels, 0);

    rule(c, "numbers");
    if (c->region_default) {
        assign(c, "T = %s\tsaturation threshold of the report, marked by a dotted line\n",
            num(c->T, m1));
    } else {
        assign(c, "T = %s\t--threshold: the sampled points lie at multiples of T/16\n",
            num(c->T, m1));
        assign(c, "tcut = %s\tthe rule's cut (rule %s): |z| >= tcut, marked by a dotted line\n",
            num(c->region.above, m1), c->rule_txt);
    }
    if (c->region_default) {
        assign(c, "tmax = %s\tthe t axis: mean +- %g sd of every scheme, at least %g T, rounded up\n",
            num(tmax, m1), AXIS_SDS, AXIS_T);
        if (zoom)
            assign(c, "zoom = %s\tbottom panel: t up to %g, or %g T when that is wider\n",
                num(tzoom, m1), ZOOM_MIN, ZOOM_T);
    } else {
        assign(c, "tmax = %s\tthe t axis: mean +- %g sd of every scheme, at least %g T and %g tcut, rounded up\n",
            num(tmax, m1), AXIS_SDS, AXIS_T, AXIS_T);
        if (zoom)
            assign(c, "zoom = %s\tbottom panel: t up to %g, or %g T or %g tcut when that is wider\n",
                num(tzoom, m1), ZOOM_MIN, ZOOM_T, ZOOM_T);
    }
    if (logy) {
        /* whole decades: from the one below the smallest fraction at the
         * cut (halved, for its interval) up to 1, with headroom */
        /* and down to the smallest fraction the sample can show, one
         * neuron in n (the sampled points past the cut reach it) */
        double floor_frac = fmin_cut / 2;
        for (size_t i = 0; i < c->ns; i++)
            if (c->v[i].s && c->v[i].n_indep > 0)
                floor_frac = fmin(floor_frac, 1.0 / (double)c->v[i].n_indep);
        double lo = pow(10.0, floor(log10(floor_frac) + 1e-9));
        assign(c, "ylo = %s\tthe log axis: the decade of one neuron in n, or below the smallest fraction at the cut\n",
            num(lo, m1));
        assign(c, "ymax = 2\ta fraction: at most 1, with headroom\n");
    } else {
        assign(c, "ymax = 1.05\ta fraction: at most 1, with a little headroom\n");
    }
    size_t stride_full = (size_t)ceil(tmax / step / SAMPLED_POINTS - 1e-9);
    size_t stride_zoom = (size_t)ceil(tzoom / step / SAMPLED_POINTS - 1e-9);
    if (any_sampled(c)) {
        assign(c, "stride = %zu\tplot every stride-th sampled point: about %d per panel\n",
            stride_full ? stride_full : 1, SAMPLED_POINTS);
        if (zoom)
            assign(c, "stride_zoom = %zu\tthe same for the zoom", stride_zoom ? stride_zoom : 1);
    }

    saturation_data(c, tmax, tzoom, logy, lv);
    if (c->g.err != SATSTAT_OK)
        return;

    rule(c, "title and axes");
    multiplot_title(c, "Saturated fraction P(|z| ≥ t) against the threshold t");
    out(c, "set xlabel 't'\nset ylabel 'P(|z| ≥ t)'\n");
    if (logy) {
        out(c, "# the smallest fraction at the cut is under 1/%g of the axis top (or\n"
               "# --log-y): a log axis, whole decades; the formula's rows of 0\n"
               "# (underflow) are left out, a sampled 0 is drawn open at the foot\n",
            SATSTAT__LOG_Y_SPAN);
        satstat__fig_log_axis(&c->g, 'y', "ylo", "ymax",
                              panels == 2 ? "panel_height" : "top - bottom");
        out(c, "set yrange [ylo:ymax]\n");
    } else
        out(c, "set yrange [0:ymax]\n");
    if (c->region_default)
        out(c, "# the report's threshold: a dotted vertical line (named in the legend)\n"
               "set arrow 1 from first T, graph 0 to first T, graph 1 nohead linecolor rgb ink linewidth 2 dashtype 3 back\n");
    else
        out(c, "# the rule's cut: a dotted vertical line (named in the legend), behind the points\n"
               "set arrow 1 from first tcut, graph 0 to first tcut, graph 1 nohead linecolor rgb ink linewidth 2 dashtype 3 back\n");

    rule(c, zoom ? "top panel: the whole t axis" : "the plot");
    panel(c, panels, 0);
    out(c, "set xrange [0:tmax]\n");
    ticks(c, "0", "tmax", logy ? NULL : "0", "ymax");
    out(c, "# layers: the formula curves, the sampled points with bars (in scheme order)\n");
    plot_layers(c);
    if (zoom) {
        rule(c, "bottom panel: the zoom");
        panel(c, panels, 1);
        out(c, "set xrange [0:zoom]\n");
        ticks(c, "0", "zoom", logy ? NULL : "0", "ymax");
        if (any_sampled(c))
            out(c, "stride = stride_zoom\n");
        plot_layers(c);
    }
    rule(c, "the legend and the numbers");
    if (logy)
        out(c, "unset logscale y\n");
    legend_panel(c);
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
    size_t ng = merged_grid(-tmax, tmax, 2 * CURVE_POINTS, -tzoom, tzoom, 2 * CURVE_POINTS_ZOOM,
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
            num(v->mean, a));
    else if (exact)
        out(c, "# '%s', formula: t, %s under the exact law of z (as the report);\n"
               "# mean = %s, variance = %s; %zu points over the axis and the zoom\n",
            v->name, side, num(v->mean, a), num(v->a->variance, b), n);
    else
        out(c, "# '%s', formula: t, %s for z ~ N(mean, variance), %s%s%s;\n"
               "# mean = %s, variance = %s; %zu points over the axis and the zoom\n",
            v->name, side, v->a->law == SATSTAT_Z_EXACT ? "normal approximation" : law_word(v),
            why ? ": " : "", why ? why : "", num(v->mean, a), num(v->a->variance, b), n);
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
        satstat_interval ci = proportion_ci(cnt, v->n_indep, c->c->alpha);
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

/* Figure 4's header (a one-sided or asymmetric rule): what it shows. */
static void tails_header(ctx *c, const tails *tlp, const char *lv, int zoom)
{
    char m1[SATSTAT_DOUBLE_SIZE];
    tails tl = *tlp;
    int lower = tl.split == INFINITY, upper = tl.split == -INFINITY, both = !lower && !upper;
    int dead = strcmp(c->rule_txt, "dead") == 0;
    (void)upper;
    char about[8][320];
    const char *ab[8];
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
                     num6(tl.cut, m1), c->region_txt, c->c->activation->name);
        else
            snprintf(about[na++], sizeof about[0],
                     "at t = %s (the dotted line) it is the saturated fraction, %s (rule %s)%s.",
                     num6(tl.cut, m1), c->region_txt, c->rule_txt,
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
    for (size_t k = 0; k < na; k++)
        ab[k] = about[k];
    char headline[160];
    if (both)
        snprintf(headline, sizeof headline, "the tails P(z <= t), P(z >= t) against t (rule %s)",
                 c->rule_txt);
    else
        snprintf(headline, sizeof headline, "the fraction %s against t (rule %s: %s)",
                 lower ? "P(z <= t)" : "P(z >= t)", c->rule_txt, c->region_txt);
    header(c, headline, ab, na);
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
    level_text(c->c->alpha, lv, sizeof lv);

    /* "P(z ≤ 0)": the rule's fraction in the tail's words */
    char at_cut[96];
    if (both)
        snprintf(at_cut, sizeof at_cut, "P(%s)", c->region_utf);
    else
        snprintf(at_cut, sizeof at_cut, "%s%s)", tail_words(&tl, tl.cut), num6(tl.cut, m1));

    tails_header(c, &tl, lv, zoom);
    output_section(c);
    style_section(c, c->ns);

    c->nel = 0;
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        snprintf(src, sizeof src, "$formula%zu using 1:2", i + 1);
        add(c, src, NULL, "with lines linetype %zu", i + 1);
        /* the legend's sample: the scheme's own line and point, as drawn */
        add(c, NULL, v->name, v->s ? "with linespoints linetype %zu" : "with lines linetype %zu",
            i + 1);
        if (v->s) {
            snprintf(src, sizeof src, "$sample%zu every stride%zu::start%zu using 1:2:3:4", i + 1,
                     i + 1, i + 1);
            add(c, src, NULL, "with yerrorbars linetype %zu linewidth 2 dashtype 1", i + 1);
        }
    }
    if (both) /* the region's words are too long for one legend row */
        snprintf(t, sizeof t, "the rule's cuts (%s)", c->rule_txt);
    else
        region_legend(c, t, sizeof t);
    add(c, NULL, t, "with lines linecolor rgb ink linewidth 2 dashtype 3");
    tail_key_rows(c, lv);
    if (c->ns <= SATSTAT__PALETTE_SIZE) {
        text_line(c, " ");
        if (both) {
            text_line(c, "left of t = %s: P(z ≤ t),", num3(tl.split, m1));
            text_line(c, "from there on: P(z ≥ t)");
            text_line(c, " ");
            text_line(c, "saturated: P(z ≤ %s)", num6(c->region.below, m1));
            text_line(c, "   + P(z ≥ %s)", num6(c->region.above, m1));
        } else {
            text_line(c, "%s %s", dead ? "inactive" : "saturated", at_cut);
        }
        for (size_t k = 0; k < c->region.n_bands; k++) { /* not on the curve */
            char m2[SATSTAT_DOUBLE_SIZE];
            text_line(c, "   + P(%s ≤ z ≤ %s)", num6(c->region.band[k].lo, m1),
                      num6(c->region.band[k].hi, m2));
        }
        fraction_lines(c);
    }
    layout_section(c, panels, 0);

    rule(c, "numbers");
    assign_region(c);
    if (both)
        assign(c, "split = %s\tleft of it P(z <= t), from it on P(z >= t): midway between the cuts\n",
               num(tl.split, m1));
    assign(c, "tmax = %s\tthe t axis: mean +- %g sd of every scheme, at least +- %g T and %g x the cut, rounded up\n",
           num(tmax, m1), AXIS_SDS, AXIS_T, AXIS_T);
    if (zoom)
        assign(c, "zoom = %s\tbottom panel: +- %g, or +- %g x the cut when that is wider\n",
               num(tzoom, m1), ZOOM_MIN, ZOOM_T);
    assign(c, "ymax = 1.05\ta fraction: at most 1, with a little headroom\n");

    rule(c, "data");
    size_t anchor[SATSTAT_MAX_SCHEMES];
    for (size_t i = 0; i < c->ns; i++) {
        tail_formula_block(c, i, &tl, tmax, tzoom);
        if (c->v[i].s)
            anchor[i] = tail_sample_block(c, i, &tl, tmax, lv);
    }
    if (any_sampled(c)) {
        out(c, "# Sampled points plotted: every stride-th row from row start, about %d per\n"
               "# panel, one of them on the edge nearest the rule's cut.\n",
            SAMPLED_POINTS);
        for (size_t i = 0; i < c->ns; i++) {
            const sview *v = &c->v[i];
            if (!v->s)
                continue;
            size_t s = tail_stride(v, 2 * tmax), sz = tail_stride(v, 2 * tzoom);
            assign(c, "stride%zu = %zu\t'%s': rows start%zu + k stride%zu of $sample%zu,\n"
                      "start%zu = %zu\tcounted from 0",
                   i + 1, s, v->name, i + 1, i + 1, i + 1, i + 1, anchor[i] % s);
            if (zoom)
                assign(c, "stride%zu_zoom = %zu\tthe same for the zoom\n"
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
                 tail_words(&tl, tl.cut), num6(tl.cut, m1), c->c->activation->name);
    else
        snprintf(title, sizeof title, "Fraction %st) against t; at t = %s it counts the saturated units%s (%s)",
                 tail_words(&tl, tl.cut), num6(tl.cut, m1),
                 c->region.n_bands ? " of the tail" : "", c->rule_txt);
    multiplot_title(c, title);
    out(c, "set xlabel 't'\nset ylabel ");
    qstr(c, both ? "tail probability" : lower ? "P(z ≤ t)" : "P(z ≥ t)");
    out(c, "\nset yrange [0:ymax]\n");
    out(c, "# the rule's cut%s: a dotted vertical line (named in the legend)\n", both ? "s" : "");
    if (c->region.below > -INFINITY)
        out(c, "set arrow 1 from first zbelow, graph 0 to first zbelow, graph 1 nohead linecolor rgb ink linewidth 2 dashtype 3 front\n");
    if (c->region.above < INFINITY)
        out(c, "set arrow 2 from first zabove, graph 0 to first zabove, graph 1 nohead linecolor rgb ink linewidth 2 dashtype 3 front\n");

    rule(c, zoom ? "top panel: the whole t axis" : "the plot");
    panel(c, panels, 0);
    out(c, "set xrange [-tmax:tmax]\n");
    ticks(c, "-tmax", "tmax", "0", "ymax");
    out(c, "# layers: the formula curves, the sampled points with bars (in scheme order)\n");
    plot_layers(c);
    if (zoom) {
        rule(c, "bottom panel: the zoom");
        panel(c, panels, 1);
        out(c, "set xrange [-zoom:zoom]\n");
        ticks(c, "-zoom", "zoom", "0", "ymax");
        for (size_t i = 0; i < c->ns; i++)
            if (c->v[i].s)
                out(c, "stride%zu = stride%zu_zoom; start%zu = start%zu_zoom\n", i + 1, i + 1,
                    i + 1, i + 1);
        plot_layers(c);
    }
    rule(c, "the legend and the numbers");
    legend_panel(c);
}

/* ======================================================================
 * Figure 5: the standard normal density
 * ====================================================================== */

static void fig_normal(ctx *c)
{
    const char *about[] = {
        "The standard normal density phi(z) = exp(-z^2/2) / sqrt(2 pi): the shape",
        "of every Gaussian z after standardizing, (z - mean) / sd.  Shaded: the",
        "central 68.27 % (|z| <= 1) and 95.45 % (|z| <= 2) of its mass.  The curve",
        "is computed by gnuplot from the formula; there are no data.",
    };
    header(c, "the standard normal density", about, sizeof about / sizeof about[0]);
    output_section(c);
    style_section(c, 0);
    c->nel = 0;
    add(c, "[z=-2:2] '+' using (z):(phi(z))", "95.45 % within ±2σ",
        "with filledcurves y1=0 fillcolor rgb '#56B4E9' fillstyle solid 0.5");
    add(c, "[z=-1:1] '+' using (z):(phi(z))", "68.27 % within ±1σ",
        "with filledcurves y1=0 fillcolor rgb '#0072B2' fillstyle solid 0.5");
    /* not φ: figure 3 names the activation φ */
    add(c, "[z=-zmax:zmax] '+' using (z):(phi(z))", "density of N(0, 1)",
        "with lines linecolor rgb ink linewidth 3 dashtype 1");
    text_line(c, " ");
    text_line(c, "p(x) = exp(−x²/2) / √(2π),");
    text_line(c, "x = (z − μ)/σ");
    text_line(c, "mean 0, variance 1");
    text_line(c, "peak 1/√(2π) = 0.3989");
    layout_section(c, 1, 0);

    rule(c, "numbers");
    assign(c, "zmax = 4\tthe z axis: +- 4 sd holds all but 0.006 %% of the mass\n"
           "ymax = 0.45\ta little above the peak 1/sqrt(2 pi) = 0.3989\n"
           "set samples 801\tpoints on each curve: smooth at any size\n");
    rule(c, "the formula");
    out(c, "phi(z) = exp(-z**2 / 2) / sqrt(2 * pi)\n");

    rule(c, "title and axes");
    multiplot_title(c, "Reference: the standard normal density");
    out(c, "# the standardised variable: x = (z − μ)/σ, not z itself\n"
           "set xlabel 'x = (z − μ)/σ'\nset ylabel 'density'\n");
    panel(c, 1, 0);
    out(c, "set xrange [-zmax:zmax]\nset yrange [0:ymax]\n");
    ticks(c, "-zmax", "zmax", "0", "ymax");
    rule(c, "layers 1, 2: the central 95.45 % and 68.27 %, shaded; layer 3: the curve");
    plot_layers(c);
    rule(c, "the legend and the numbers");
    legend_panel(c);
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
        fig_density(c, scheme);
        break;
    case SATSTAT_FIGURE_COMPARE:
        fig_compare(c);
        break;
    case SATSTAT_FIGURE_ACTIVATION:
        fig_activation(c);
        break;
    case SATSTAT_FIGURE_SATURATION:
        fig_saturation(c);
        break;
    case SATSTAT_FIGURE_NORMAL:
        fig_normal(c);
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
