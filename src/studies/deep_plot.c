/* deep_plot.c — gnuplot figures of `satstat deep` (satstat/deep.h).
 *
 * One self-contained script per figure with inline datablocks, written
 * with the figure toolkit (figure-int.h) that run's and sweep's figures
 * use: the same palette, fonts, legend column, quoting and folder writing.
 */
#include <satstat/deep_plot.h>

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <satstat/error.h>

#include "output/figure-int.h"
#include "studies/deep-int.h"
#include "studies/deep_plot-int.h"
#include "satstat_version.h"

#define MAX_PANELS 10     /* layers shown in the small multiples        */
#define CURVE_POINTS 200
#define DISPLAY_BINS 40   /* preset histograms: about this many bins per panel */

typedef satstat__dp_ctx ctx;

/* ---- shared sections ---------------------------------------------------------*/

void satstat__dp_header(ctx *c, const satstat_deep_report *r, const char *headline,
                   const char *about)
{
    /* each activation's figures keep its --activation, even the preset's */
    char cmd[4096];
    if (satstat__deep_command(r, c->preset, 0, c->phase != NULL, cmd, sizeof cmd) != SATSTAT_OK) {
        satstat__fig_fail(&c->g, SATSTAT_ERANGE);
        return;
    }
    satstat__fig_header(&c->g, headline, about, cmd);
}

/* (smallfont comes from the toolkit, with each terminal's font factor:
 * a copy here without it made SVG and PDF legends 1.3-2.3x too large) */
static void output_section(ctx *c)
{
    satstat__fig_output_section(&c->g);
}

static const satstat_deep_layer *layer_of(ctx *c, size_t s, uint64_t l)
{
    return satstat_deep_report_layer(c->r[0], s, l);
}

/* The scheme names of the report, for the palette slots by name. */
void satstat__dp_scheme_names(const satstat_deep_report *r, const char **names)
{
    const satstat_config *cfg = satstat_deep_report_config(r);
    for (size_t s = 0; s < cfg->n_schemes && s < SATSTAT_MAX_SCHEMES; s++)
        names[s] = cfg->schemes[s].canonical;
}

/* Scheme s's colour (slot by name), and in tint the same at `opacity`
 * over white, opaque (satstat__gp_over_white). */
const char *satstat__dp_scheme_tint(const satstat_deep_report *r, size_t s, double opacity, char tint[8])
{
    const char *names[SATSTAT_MAX_SCHEMES];
    satstat__dp_scheme_names(r, names);
    const char *colour = satstat__palette[satstat__series_slot(names, satstat_deep_report_scheme_count(r), s)];
    satstat__gp_over_white(colour, opacity, tint);
    return colour;
}

/* The open twin of scheme s's filled point type (slot by name). */
int satstat__dp_open_point(size_t s, size_t ns, const satstat_deep_report *r)
{
    const char *names[SATSTAT_MAX_SCHEMES];
    satstat__dp_scheme_names(r, names);
    return satstat__point_open(satstat__point_types[satstat__series_slot(names, ns, s)]);
}

/* A region's words (satstat_region_format) with ≥ and ≤ typeset. */
static void typeset_region(const char *region, char *buf, size_t size)
{
    size_t k = 0;
    for (const char *p = region; *p && k + 4 < size; p++) {
        if ((p[0] == '>' || p[0] == '<') && p[1] == '=') {
            const char *sym = p[0] == '>' ? "≥" : "≤";
            memcpy(buf + k, sym, strlen(sym));
            k += strlen(sym);
            p++;
        } else {
            buf[k++] = *p;
        }
    }
    buf[k] = '\0';
}

/* Panels of a grid that fit: each at least min_chars wide plus gap_chars
 * and min_lines high plus gap_lines, in the canvas less margins of
 * extra_chars and extra_lines; at most `want`.  *cols and *rows. */
static size_t grid_fit(const ctx *c, size_t want, double min_chars, double min_lines,
                       double extra_chars, double extra_lines, size_t *cols, size_t *rows)
{
    double across, down;
    satstat__fig_text_room(&c->g.o, &across, &down);
    size_t mc = (size_t)fmax(1, floor((across - extra_chars) / min_chars));
    size_t mr = (size_t)fmax(1, floor((down - extra_lines) / min_lines));
    size_t n = want < mc * mr ? want : mc * mr;
    size_t r = 1;
    /* one row while it fits; else as few rows as hold n with at most mc across */
    while (r < mr && (n + r - 1) / r > mc)
        r++;
    if (r == 1 && n > 5 && mr >= 2)
        r = 2; /* ten layers: 2 x 5 reads better than 1 x 10 */
    *rows = r;
    *cols = (n + r - 1) / r;
    return n;
}

/* Layers shown in small multiples: all up to MAX_PANELS, else evenly
 * spaced from 1 to L. */
static size_t panels_of(uint64_t L, uint64_t *which)
{
    size_t n = L <= MAX_PANELS ? (size_t)L : MAX_PANELS;
    for (size_t k = 0; k < n; k++)
        which[k] = n == L ? k + 1 : 1 + (uint64_t)llround((double)k * (double)(L - 1) / (double)(n - 1));
    return n;
}

/* ---- per-layer densities of z ------------------------------------------------*/

/* The saturated region shaded behind a panel with x range [xlo, xhi]:
 * objects 10.. from the region's components (clipped to the range); with
 * draw 0 nothing is written.  The axis shows (z - centre) / scale (1 and
 * 0: z itself).  Returns the components shaded. */
static size_t shade_region(ctx *c, const satstat_config *cfg, double xlo, double xhi, double centre,
                           double scale, int draw)
{
    size_t shaded = 0;
    satstat_region reg;
    char msg[SATSTAT_ERRMSG_SIZE];
    if (satstat_config_region(cfg, &reg, msg, sizeof msg) != SATSTAT_OK)
        return 0;
    satstat_interval iv[SATSTAT_REGION_MAX_INTERVALS];
    size_t n = satstat_region_intervals(&reg, iv);
    for (size_t k = 0; k < n; k++) {
        double lo = fmax((iv[k].lo - centre) / scale, xlo), hi = fmin((iv[k].hi - centre) / scale, xhi);
        if (!(hi > lo))
            continue;
        shaded++;
        if (!draw)
            continue;
        out(c, "set object %zu rectangle from first %.9g, graph 0 to first %.9g, graph 1 behind "
               "fillcolor rgb '#E4E4E4' fillstyle solid 1.0 noborder\n",
            10 + k, lo, hi);
        /* its edges inside the panel drawn, a darker grey: the narrow
         * white gap between two tails (|x| < 0.18 for sigmoid's |z| ≥ 4 at
         * sd_l = 22.6, 12 px at 1280 x 800) read as a slit in the band, a
         * rendering fault (figure review 17, N9); edged, it is a drawn
         * interval, the one the panel's title names */
        if (lo > xlo)
            out(c, "set arrow %zu from first %.9g, graph 0 to first %.9g, graph 1 nohead back "
                   "linecolor rgb '#A0A0A0' linewidth 1 dashtype 1\n",
                10 + 2 * k, lo, lo);
        if (hi < xhi)
            out(c, "set arrow %zu from first %.9g, graph 0 to first %.9g, graph 1 nohead back "
                   "linecolor rgb '#A0A0A0' linewidth 1 dashtype 1\n",
                11 + 2 * k, hi, hi);
    }
    return shaded;
}

/* x to 3 significant digits with its trailing zeros ("14.0" beside
 * "13.6", not "14"; "2.25×10^{6}" from satstat__fig_num above 1000): the
 * panels' sd_l at one precision (S8 of review 7), and the bands' edges
 * ("±0.410" beside "±0.177": review 13, S8). */
static void three_digits(double x, char buf[SATSTAT__FIG_NUM_SIZE])
{
    double a = fabs(x);
    if (!(a >= 1e-3 && a < 1000)) {
        satstat__fig_num(x, 3, buf);
        return;
    }
    snprintf(buf, SATSTAT__FIG_NUM_SIZE, "%s%#.3g", x < 0 ? "−" : "", a);
    size_t n = strlen(buf);
    if (n > 0 && buf[n - 1] == '.') /* "100." */
        buf[n - 1] = '\0';
}

/* Where the shaded region is on a standardised panel, in the panel's own
 * units ((z − μ_b)/sd_l): "grey beyond ±0.177" for sigmoid's |z| ≥ 4 at
 * sd_l = 22.6.  The legend gives the region in raw z; beside an axis that
 * ends at "4" its "|z| ≥ 4" read as |x| ≥ 4, and the band as misdrawn.
 * Empty when nothing of the region is in the panel. */
static void band_words(const satstat_config *cfg, double xlo, double xhi, double centre,
                       double scale, char *buf, size_t size)
{
    buf[0] = '\0';
    satstat_region reg;
    char msg[SATSTAT_ERRMSG_SIZE];
    if (satstat_config_region(cfg, &reg, msg, sizeof msg) != SATSTAT_OK)
        return;
    satstat_interval iv[SATSTAT_REGION_MAX_INTERVALS];
    size_t n = satstat_region_intervals(&reg, iv), used = 0, kept = 0;
    double los[SATSTAT_REGION_MAX_INTERVALS], his[SATSTAT_REGION_MAX_INTERVALS];
    for (size_t k = 0; k < n; k++) {
        double lo = (iv[k].lo - centre) / scale, hi = (iv[k].hi - centre) / scale;
        if (!(fmin(hi, xhi) > fmax(lo, xlo)))
            continue;
        los[kept] = lo;
        his[kept++] = hi;
    }
    if (kept == 0)
        return;
    char a[SATSTAT__FIG_NUM_SIZE], b[SATSTAT__FIG_NUM_SIZE];
    /* two tails mirror images of each other: one number */
    if (kept == 2 && los[0] <= xlo && his[1] >= xhi
        && fabs(his[0] + los[1]) <= 1e-3 * fmax(fabs(his[0]), fabs(los[1]))) {
        three_digits(los[1], a);
        snprintf(buf, size, "grey beyond ±%s", a);
        return;
    }
    used = (size_t)snprintf(buf, size, "grey");
    for (size_t k = 0; k < kept && used < size; k++) {
        three_digits(fabs(los[k]), a);
        three_digits(fabs(his[k]), b);
        const char *sa = los[k] < 0 ? "−" : "", *sb = his[k] < 0 ? "−" : "";
        if (los[k] <= xlo)
            used += (size_t)snprintf(buf + used, size - used, "%s below %s%s", k ? "," : "", sb, b);
        else if (his[k] >= xhi)
            used += (size_t)snprintf(buf + used, size - used, "%s above %s%s", k ? "," : "", sa, a);
        else
            used += (size_t)snprintf(buf + used, size - used, "%s %s%s to %s%s", k ? "," : "", sa, a,
                                     sb, b);
    }
}

/* The region is two tails (|z| >= T: its edges "±T"). */
static int two_tails(const satstat_config *cfg)
{
    satstat_region reg;
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_interval iv[SATSTAT_REGION_MAX_INTERVALS];
    return satstat_config_region(cfg, &reg, msg, sizeof msg) == SATSTAT_OK
           && satstat_region_intervals(&reg, iv) == 2 && isinf(iv[0].lo) && isinf(iv[1].hi);
}

/* The nearest edge of the saturated region to the panel's centre, in the
 * panel's units ((z − centre) / scale; INFINITY without a region). */
static double region_nearest(const satstat_config *cfg, double centre, double scale)
{
    satstat_region reg;
    char msg[SATSTAT_ERRMSG_SIZE];
    double near = INFINITY;
    if (satstat_config_region(cfg, &reg, msg, sizeof msg) != SATSTAT_OK)
        return near;
    satstat_interval iv[SATSTAT_REGION_MAX_INTERVALS];
    size_t n = satstat_region_intervals(&reg, iv);
    for (size_t k = 0; k < n; k++) {
        double lo = (iv[k].lo - centre) / scale, hi = (iv[k].hi - centre) / scale;
        if (lo <= 0 && hi >= 0)
            return 0;
        near = fmin(near, lo > 0 ? lo : -hi);
    }
    return near;
}

/* What the density figure of one scheme shows: which layers in which
 * grid, how many fine bins make a drawn bin, and the shared axes. */
typedef struct density_plan {
    uint64_t which[MAX_PANELS];
    size_t np, rows, cols;
    long g;
    double xlo, xhi, ytop;
    int standardised;
    size_t shaded; /* panels with some of the saturated region in range */
    double off_axis; /* none shaded: the region's nearest edge, in the panels' units */
} density_plan;

static void density_layers(ctx *c, const satstat_deep_options *o, density_plan *d)
{
    /* a panel at least 13 characters wide with 6 for its y tick labels, 9
     * lines high with its title and x tick labels */
    size_t fit = grid_fit(c, o->layers < MAX_PANELS ? (size_t)o->layers : MAX_PANELS, 17, 9, 10,
                          9, &d->cols, &d->rows);
    d->np = panels_of(o->layers < fit ? o->layers : fit, d->which);
    if (d->np < o->layers && d->np > 1) /* evenly spaced from 1 to L */
        for (size_t k = 0; k < d->np; k++)
            d->which[k] = 1 + (uint64_t)llround((double)k * (double)(o->layers - 1)
                                                / (double)(d->np - 1));
    /* bins: about 2 n^(1/3) for n units (Terrell & Scott 1985's
     * oversmoothed rule), each the union of g whole fine bins */
    double n_units = (double)o->width * (double)o->networks;
    d->g = lround((double)SATSTAT_DEEP_HIST_BINS / (2 * cbrt(n_units)));
    if (d->g < 1)
        d->g = 1;
    if (d->g > 6)
        d->g = 6;
}

/* The shared x range, and whether the panels are standardised. */
static void density_axes(ctx *c, size_t s, density_plan *d)
{
    double sd_min = INFINITY, sd_max = 0;
    d->xlo = INFINITY;
    d->xhi = -INFINITY;
    d->ytop = 0;
    for (size_t k = 0; k < d->np; k++) {
        const satstat_deep_layer *ly = layer_of(c, s, d->which[k]);
        d->xlo = fmin(d->xlo, ly->z_lo);
        d->xhi = fmax(d->xhi, ly->z_hi);
        double sd = sqrt(ly->variance.value);
        if (sd > 0 && isfinite(sd)) {
            sd_min = fmin(sd_min, sd);
            sd_max = fmax(sd_max, sd);
        }
    }
    /* Every panel shows (z - mu_b) / sd_l, its own layer's sd, on the
     * standard normal's axis (±4), and its title gives sd_l: one convention
     * for every activation and scheme, so the figures of one run compare
     * (shared raw axes left every panel but the widest empty when the sd
     * spans decades: relu, standard: 22 in layer 1, 2×10^6 in layer 6).
     * Raw z only when no layer has a finite positive sd to scale by. */
    d->standardised = sd_max > 0 && sd_min < INFINITY;
    if (d->standardised) {
        d->xlo = -4;
        d->xhi = 4;
    }
    /* the region sits at (z - mu_b) / sd_l in each panel: -mu_b / sd_l for
     * relu's z <= 0; a legend swatch only when some panel shades it (tanh's
     * |z| >= 4 is off every panel when sd_l is 0.14) */
    const satstat_config *cfg = satstat_deep_report_config(c->r[0]);
    d->shaded = 0;
    d->off_axis = INFINITY;
    for (size_t k = 0; k < d->np; k++) {
        const satstat_deep_layer *ly = layer_of(c, s, d->which[k]);
        double sd_l = sqrt(ly->variance.value);
        int scaled = d->standardised && sd_l > 0 && isfinite(sd_l);
        d->shaded += shade_region(c, cfg, d->xlo, d->xhi, scaled ? ly->mf_mean : 0, scaled ? sd_l : 1,
                                  0)
                     > 0;
        if (scaled)
            d->off_axis = fmin(d->off_axis, region_nearest(cfg, ly->mf_mean, sd_l));
    }
}

/* The data blocks $histK and $mfK; d->ytop from the tallest. */
static void density_data(ctx *c, size_t s, density_plan *d)
{
    out(c, "\n# ---- data: per layer, bin centre, density, bin width; the mean-field density\n");
    for (size_t k = 0; k < d->np; k++) {
        const satstat_deep_layer *ly = layer_of(c, s, d->which[k]);
        uint64_t total = ly->z_under + ly->z_over;
        for (size_t b = 0; b < SATSTAT_DEEP_HIST_BINS; b++)
            total += ly->z_hist[b];
        double fw = (ly->z_hi - ly->z_lo) / SATSTAT_DEEP_HIST_BINS;
        double sd_l = sqrt(ly->variance.value);
        double centre = d->standardised ? ly->mf_mean : 0;
        double unit = d->standardised && sd_l > 0 ? sd_l : 1;
        out(c, "$hist%zu << EOD\n", k + 1);
        for (size_t b0 = 0; b0 < SATSTAT_DEEP_HIST_BINS; b0 += (size_t)d->g) {
            size_t b1 = b0 + (size_t)d->g < SATSTAT_DEEP_HIST_BINS ? b0 + (size_t)d->g
                                                                    : SATSTAT_DEEP_HIST_BINS;
            double count = 0;
            for (size_t b = b0; b < b1; b++)
                count += (double)ly->z_hist[b];
            double w = (double)(b1 - b0) * fw;
            double dens = total && w > 0 ? count / ((double)total * w) * unit : 0.0;
            d->ytop = fmax(d->ytop, dens);
            out(c, "%.9g %.9g %.9g\n", (ly->z_lo + (double)b0 * fw + w / 2 - centre) / unit, dens,
                w / unit);
        }
        out(c, "EOD\n$mf%zu << EOD\n", k + 1);
        double sd = sqrt(ly->mf_variance);
        for (int i = 0; i <= CURVE_POINTS; i++) {
            double x = d->xlo + (d->xhi - d->xlo) * i / CURVE_POINTS, z = centre + unit * x;
            double u = (z - ly->mf_mean) / sd;
            double dens =
                isfinite(sd) && sd > 0 ? exp(-u * u / 2) / (sd * 2.5066282746310002) * unit : 0.0;
            out(c, "%.9g %.9g\n", x, dens);
        }
        if (isfinite(sd) && sd > 0)
            d->ytop = fmax(d->ytop, unit / (sd * 2.5066282746310002));
        out(c, "EOD\n");
    }
}

static void density_legend(const satstat_config *cfg, const satstat_deep_options *o,
                           const density_plan *d, satstat__legend *key)
{
    key->n = 0;
    satstat__legend_row(key, "with boxes linetype 1 fillstyle solid 1.0 noborder",
                        "sampled z (%llu networks × %llu units)", (unsigned long long)o->networks,
                        (unsigned long long)o->width);
    satstat__legend_row(key, "with lines linecolor rgb '#000000' linewidth 2 dashtype 1",
                        d->standardised ? "mean field N(μ_{b}, q^{ℓ}), scaled by sd_{ℓ}"
                                        : "mean field N(μ_{b}, q^{ℓ})");
    satstat__legend_tex(key);
    /* (a small figure showing some layers says so in the panels' titles,
     * "layer 10 of 10": a legend row without a key read as misplaced) */
    char rule[SATSTAT_ACTIVATION_NAME_SIZE] = "", region[SATSTAT_REGION_TEXT_SIZE] = "";
    /* (no swatch when nothing is shaded: tanh's Var z = 0.02, |z| >= 4) */
    if (d->shaded
        && satstat_config_rule_text(cfg, rule, sizeof rule, region, sizeof region) == SATSTAT_OK) {
        char typeset[2 * SATSTAT_REGION_TEXT_SIZE];
        typeset_region(region, typeset, sizeof typeset);
        /* relu's units with z <= 0 are inactive (φ' = 0), not saturated */
        /* the region in raw z, its edges in each panel's title ("grey beyond
         * ±0.177"); short: a longer row ran off a 1280 px canvas in the
         * legend's second column */
        satstat__legend_row(key, "with boxes fillcolor rgb '#E4E4E4' fillstyle solid 1.0 noborder",
                            "%s: %s%s",
                            cfg->activation->dead && strcmp(region, "z <= 0") == 0 ? "inactive"
                                                                                    : "saturated",
                            typeset, d->standardised ? " (raw z)" : "");
    } else if (d->standardised && isfinite(d->off_axis) && d->off_axis > d->xhi
               && satstat_config_rule_text(cfg, rule, sizeof rule, region, sizeof region)
                      == SATSTAT_OK) {
        /* no panel shades the region: say where it is (tanh near the
         * origin, sd_l 0.14: |z| ≥ 4 is 28 sd_l out), not leave the reader
         * to wonder why this figure has no grey where the others have */
        char typeset[2 * SATSTAT_REGION_TEXT_SIZE], num[SATSTAT__FIG_NUM_SIZE];
        typeset_region(region, typeset, sizeof typeset);
        /* the least over the panels, rounded down to two digits: a bound
         * true in every panel (tanh near the origin: 28.4 in layer 1 at
         * sd_l 0.141, 32.8 in layer 10 at 0.122; "off the axis (±28)"
         * read as every layer's) */
        double digit = pow(10, floor(log10(d->off_axis)) - 1);
        satstat__fig_num(floor(d->off_axis / digit * (1 + 1e-12)) * digit, 2, num);
        /* (in the panels' units, as their "grey beyond ±0.177"; short, "in
         * all" for "in all panels": a longer row ran off the canvas at 3.5
         * in, and off the SVG's at 1280 x 800 in the second column) */
        satstat__legend_row(key, "with lines linetype nodraw", "%s %s: beyond %s%s%s",
                            cfg->activation->dead && strcmp(region, "z <= 0") == 0 ? "inactive"
                                                                                    : "saturated",
                            typeset, two_tails(cfg) ? "±" : "", num,
                            d->np > 1 ? " in all" : "");
    }
}

/* The lines of text the density figure keeps for its text, as its layout
 * below writes them: the figure's title (2.4 lines, satstat__fig_layout_column's),
 * the panels' titles (two lines, three with the band's edge: 2.1 and 3.1
 * of the text's lines, in its size), the legend's rows below the
 * panels (in two columns when two fit across, else one; room for every
 * row: a row left out cut the saturated region's swatch at 3.5 in), the x
 * tick labels and label (3.3), and between rows of panels a gap for the
 * next row's titles and the x tick labels (6.1 or 5.3). */
/* A legend under the panels takes two columns when the text room across
 * holds this many times its longest row, and 16 characters more for the
 * samples and the gap.  gnuplot spaces its key's columns by its own
 * estimate of the text, wider than the text: at 2.0 the second column of
 * deep-activations and deep-density ran off the right edge at 7 x 4 in,
 * 10 pt. */
#define LEGEND_TWO_COLUMNS 2.2

typedef struct density_room {
    int legend_lines;
    double title_lines, gap_lines;
    double title_chars;  /* the widest line of a panel's title           */
    double joined_chars; /* the widest "layer l: sd_l = ..." line      */
} density_room;

static density_room density_room_of(const ctx *c, const density_plan *d, const satstat__legend *key)
{
    density_room m;
    double across, down;
    satstat__fig_text_room(&c->g.o, &across, &down);
    int two = across > LEGEND_TWO_COLUMNS * (double)satstat__legend_chars(key) + 16;
    m.legend_lines = two ? (int)(key->n + 1) / 2 : (int)key->n;
    if (m.legend_lines < 2)
        m.legend_lines = 2;
    /* a third title line, where the grey band starts in the panel's
     * units, when a standardised panel shades the region */
    int band_line = d->standardised && d->shaded;
    /* (in the text's own size, as the tick labels: in the small font
     * they were 7 pt against the ticks' 8 at 3.5 in and read as a note,
     * though they carry sd_l and the band's edges: figure review 19, S9) */
    m.title_lines = band_line ? 3.1 : 2.1;
    m.gap_lines = band_line ? 6.1 : 5.3;
    return m;
}

/* The grid of panels on shared axes, the legend's strip below. */
static void density_layout(ctx *c, const density_plan *d, const density_room *m, const char *head)
{
    out(c, "\n# ---- layout: %zu x %zu panels on shared axes, the legend in a strip below --\n",
        d->rows, d->cols);
    satstat__fig_layout_column(&c->g, 0, 0);
    /* the rows 1.15 lines apart (the key's spacing) and a line to spare,
     * as deep-activations': at a line a row gnuplot wrapped the rows into
     * a second column that ran off the right edge (7 x 4 in, 10 pt) */
    out(c, "plot_right = 0.985 - 2 * char_width             # no legend column: the panels take the width\n"
           "legend_top = 0.02 + %.3g * line_height           # the legend: rows below the panels\n",
        1.15 * m->legend_lines + 1.0);
    out(c, "bottom = legend_top + 3.3 * line_height\n"
           "top = top - %.3g * line_height                   # the panels' titles (%s lines) under the figure's\n",
        m->title_lines, m->title_lines > 2 ? "three" : "two");
    /* 8 characters between panels: 6 left a panel's "0.04" 9 px from the
     * frame of the panel on its left at 3.5 in */
    satstat__fig_layout_grid(&c->g, d->cols, d->rows, 8, m->gap_lines);
    /* the layer and its sd_l on one line where the widest such line fits
     * a panel, as the neighbours' titles allow (4 characters apart), and
     * the line saved goes to the panels: three lines at 3.5 in left them
     * 21 % of the height (figure review 20, S2) */
    out(c, "titles_joined = (%.2f * char_width < panel_w + 4 * char_width)   # \"layer l: sd_l = ...\" fits a panel\n"
           "if (titles_joined) {\n"
           "    top = top + line_height\n"
           "    gap_y = gap_y - line_height\n"
           "    panel_h = (top - bottom - (grid_rows - 1) * gap_y) / grid_rows\n"
           "}\n",
        m->joined_chars);
    satstat__fig_multiplot_title(&c->g, head, 0);
    out(c, "unset key\n");
    out(c, "set xrange [%.9g:%.9g]\nset yrange [0:%.6g]\n", d->xlo, d->xhi, d->ytop * 1.08);
    /* ticks from the panels' size in gnuplot: the script re-renders at
     * another width and height with labels that still fit */
    char lo_s[32], hi_s[32], top_s[32];
    snprintf(lo_s, sizeof lo_s, "%.9g", d->xlo);
    snprintf(hi_s, sizeof hi_s, "%.9g", d->xhi);
    snprintf(top_s, sizeof top_s, "%.6g", d->ytop * 1.08);
    satstat__fig_ticks(&c->g, "x", lo_s, hi_s, "panel_r(0) - panel_l(0)", 4);
    satstat__fig_ticks(&c->g, "y", "0", top_s, "panel_t(0) - panel_b(0)", 4);
    if (d->standardised)
        /* five labels −4 −2 0 2 4 need 3.5 characters each: in a narrower
         * panel "−4 −2" were 7 px apart and read as "−4−2" (1280 x 800) */
        out(c, "if (panel_r(0) - panel_l(0) < 14 * char_width) set xtics 4\n");
    /* the y axis under three lines of text (an SVG at a height given
     * on the command line): 0 and the top label only, not three labels a
     * few pixels apart */
    double top_tick = satstat__nice_floor(d->ytop * 1.08);
    out(c, "if (panel_t(0) - panel_b(0) < 3 * line_height) set ytics 0, %.6g\n", top_tick);
    out(c, "set format x '%%g'\nset format y '%%g'\n");
}

/* A density panel's title, its lines: the layer ("layer 10 of 10" when
 * some are left out), its Var z or sd_l, and where the grey band starts
 * in the panel's units (or "").  Var z in the title, not over the
 * histogram's peak; on a line of its own: "layer 10: Var z = 96.7" on one
 * line is wider than a panel and ran into the next panel's y tick labels. */
static void density_title(const ctx *c, const satstat_config *cfg, const density_plan *d,
                          const satstat_deep_layer *ly, uint64_t layer, char title[3][96])
{
    const satstat_deep_options *o = satstat_deep_report_options(c->r[0]);
    char num[SATSTAT__FIG_NUM_SIZE];
    three_digits(d->standardised ? sqrt(ly->variance.value) : ly->variance.value, num);
    char of[32] = "";
    if (d->np < o->layers)
        snprintf(of, sizeof of, " of %llu", (unsigned long long)o->layers);
    snprintf(title[0], sizeof title[0], "layer %llu%s", (unsigned long long)layer, of);
    snprintf(title[1], sizeof title[1], "%s= %s",
             d->standardised ? "sd_{ℓ}" SATSTAT__FIG_SCRIPT_SPACE : "Var z ", num);
    title[2][0] = '\0';
    double sd_here = sqrt(ly->variance.value);
    if (d->standardised && sd_here > 0 && isfinite(sd_here))
        band_words(cfg, d->xlo, d->xhi, ly->mf_mean, sd_here, title[2], sizeof title[2]);
}

/* A density panel's layer and sd_l on one line, "layer 1: sd_l = 22.6"
 * (density_layout's titles_joined), from density_title's second line. */
static void density_joined(uint64_t layer, const char *sd_line, char *buf, size_t size)
{
    snprintf(buf, size, "layer %llu: %s", (unsigned long long)layer, sd_line);
}

/* The widest line of the panels' titles (m->title_chars) and of their
 * joined form (m->joined_chars), in char_width. */
static void density_title_widths(ctx *c, size_t s, const satstat_config *cfg,
                                 const density_plan *d, density_room *m)
{
    m->title_chars = m->joined_chars = 0;
    for (size_t k = 0; k < d->np; k++) {
        char title[3][96], joined[200];
        density_title(c, cfg, d, layer_of(c, s, d->which[k]), d->which[k], title);
        for (size_t i = 0; i < 3; i++)
            m->title_chars = fmax(m->title_chars, satstat__text_chars(title[i], 1));
        density_joined(d->which[k], title[1], joined, sizeof joined);
        m->joined_chars = fmax(m->joined_chars, satstat__text_chars(joined, 1));
    }
}

static void density_panels(ctx *c, size_t s, const satstat_config *cfg, const density_plan *d,
                           const density_room *m)
{
    if (!d->standardised)
        shade_region(c, cfg, d->xlo, d->xhi, 0, 1, 1);
    /* The panels' titles in the text's size, as the tick labels: in the
     * small font they read as a note at 3.5 in (figure review 19, S9),
     * though they carry sd_l and the band's edges.  In the small font (7
     * pt or more) where the widest line is wider than its panel and 4
     * characters, the room right of the last panel, so that neighbours'
     * titles keep 4 characters apart (ten panels at 1280 x 800: "grey
     * beyond ±0.283" at full size ran to the canvas's edge, and sigmoid's
     * "±3.39" came 15 px from the next title). */
    out(c, "\npanel_title_chars = %.2f   # the widest line of a panel's title, in char_width\n"
           "panel_title_f = (panel_title_chars * char_width < panel_w + 4 * char_width) ? 1 : 1. * smallpt / fontpt\n",
        m->title_chars);
    for (size_t k = 0; k < d->np; k++) {
        const satstat_deep_layer *ly = layer_of(c, s, d->which[k]);
        size_t ci = k % d->cols, ri = k / d->cols;
        if (d->standardised) { /* the region in this layer's units */
            out(c, "unset object\nunset arrow\n");
            double sd_l = sqrt(ly->variance.value);
            int scaled = sd_l > 0 && isfinite(sd_l);
            shade_region(c, cfg, d->xlo, d->xhi, scaled ? ly->mf_mean : 0, scaled ? sd_l : 1, 1);
        }
        out(c, "\n# layer %llu: sampled Var z %.6g, mean field q %.6g\n",
            (unsigned long long)d->which[k], ly->variance.value, ly->mf_variance);
        satstat__fig_grid_panel(&c->g, ci, ri);
        char title[3][96];
        density_title(c, cfg, d, ly, d->which[k], title);
        /* (SATSTAT__FIG_SCRIPT_SPACE: the space after a subscript, as figure.c's quoted_text
         * writes it, which this double-quoted title does not go through) */
        /* (titles_joined: density_layout; the figure's title says L) */
        char joined[200];
        density_joined(d->which[k], title[1], joined, sizeof joined);
        out(c, "if (titles_joined) {\n"
               "    set title \"%s%s%s\" offset 0,-0.4 font font_at(panel_title_f)\n"
               "} else {\n"
               "    set title \"%s\\n%s%s%s\" offset 0,-0.4 font font_at(panel_title_f)\n"
               "}\n",
            joined, title[2][0] ? "\\n" : "", title[2], title[0], title[1],
            title[2][0] ? "\\n" : "", title[2]);
        out(c, ci == 0 ? "set ylabel 'density'\n" : "unset ylabel\n");
        out(c, ri + 1 == d->rows || k + d->cols >= d->np
                   ? (d->standardised ? "set xlabel '(z − μ_{b})" SATSTAT__FIG_SCRIPT_SPACE "/ sd_{ℓ}' offset 0,0.3\n"
                                      : "set xlabel 'z' offset 0,0.3\n")
                   : "unset xlabel\n");
        /* (a thin border in the bars' colour: pngcairo anti-aliased the
         * shared edge of two filled bars into a light 1-px seam, 5290
         * such pixels in the gallery's deep-sigmoid standard panels, 0
         * with it; review 9, S7) */
        out(c, "plot $hist%zu using 1:2:3 with boxes linetype 1 linewidth 1 fillstyle solid 1.0 border linetype 1 notitle, \\\n"
               "     $mf%zu using 1:2 with lines linecolor rgb '#000000' linewidth 2 dashtype 1 notitle\n",
            k + 1, k + 1);
    }
    out(c, "unset title\nunset label\nunset object\nunset arrow\n");
}

static void fig_density(ctx *c, size_t s)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_config *cfg = satstat_deep_report_config(r);
    const satstat_deep_options *o = satstat_deep_report_options(r);
    char head[256];
    density_plan d;
    density_layers(c, o, &d);
    /* (L in the title: the joined panel titles say "layer 10", not
     * "layer 10 of 10"; "(2 drawn)" made it too wide for 3.5 in, where
     * it fell back to "Densities of z by layer") */
    snprintf(head, sizeof head, "Densities of z by layer: %s, %s, L = %llu", cfg->schemes[s].canonical,
             cfg->activation->name, (unsigned long long)o->layers);
    density_axes(c, s, &d);
    satstat__legend key;
    density_legend(cfg, o, &d, &key);
    density_room room = density_room_of(c, &d, &key);
    density_title_widths(c, s, cfg, &d, &room);
    satstat__dp_header(c, r, head,
           "Small multiples, one panel per layer, each on (z - mu_b) / sd_l with sd_l its\n"
           "layer's sampled sd: the histogram of z over every unit of every sampled network\n"
           "(filled; about 2 n^(1/3) bins, each the union of whole bins of the sampled\n"
           "histogram), the mean-field law N(mu_b, q^l) on the same scale (line), the\n"
           "saturated region shaded, and sd_l printed in each panel.  Where nearly all\n"
           "of a panel's axis is saturated (a wide z, as the standard scheme's), the\n"
           "unshaded strip left at its centre is the unsaturated window, drawn to\n"
           "scale: narrow, not a gap in the shading.");
    output_section(c);
    const char *names[SATSTAT_MAX_SCHEMES];
    satstat__dp_scheme_names(r, names);
    size_t slot = satstat__series_slot(names, satstat_deep_report_scheme_count(r), s);
    satstat__fig_rule(&c->g, "style");
    /* (the bars filled opaque, in the very colour of the scheme's lines in
     * deep-variance and deep-saturation: at 45 % on white he-normal's
     * green read as a pale teal, another colour) */
    out(c, "# the scheme's colour in every figure (the palette's %s)\n"
           "set linetype 1 linecolor rgb '%s' linewidth 3 dashtype 1\n",
        satstat__palette_names[slot], satstat__palette[slot]);
    satstat__fig_style_end(&c->g);
    density_data(c, s, &d);
    density_layout(c, &d, &room, head);
    density_panels(c, s, cfg, &d, &room);
    satstat__fig_rule(&c->g, "legend: a strip of its own below the panels");
    /* from the canvas's left edge, as every legend below a plot (from the
     * panels' left edge, 260 px in at 3.5 in, it stood apart from every
     * other figure's: figure review 15, N6.8) */
    satstat__fig_legend_panel(&c->g, &key, "0.01", "legend_top", "unset colorbox\n");
}

/* ---- quantity against layer -------------------------------------------------*/

typedef enum quantity { Q_VARIANCE, Q_SATURATION, Q_GRADIENT } quantity;

/* The sampled value, its interval and the mean field, as the report's
 * columns give them: for the gradient the mean over networks of ‖δˡ‖ and
 * its interval (the report's sampled |d|); the mean field predicts the RMS
 * ‖δˡ‖, drawn beside it from gradient_norm_rms. */
static void get_q(const satstat_deep_layer *ly, quantity q, double *mf, double *v, double *lo,
                  double *hi)
{
    const satstat_deep_estimate *e = q == Q_VARIANCE    ? &ly->variance
                                     : q == Q_SATURATION ? &ly->saturated_fraction
                                                         : &ly->gradient_norm;
    *mf = q == Q_VARIANCE ? ly->mf_variance
          : q == Q_SATURATION ? ly->mf_saturated_fraction
                              : ly->mf_gradient_norm;
    *v = e->value;
    *lo = e->lo;
    *hi = e->hi;
}

void satstat__dp_style_named(ctx *c, const satstat_deep_report *r)
{
    const char *names[SATSTAT_MAX_SCHEMES];
    size_t ns = satstat_deep_report_scheme_count(r);
    satstat__dp_scheme_names(r, names);
    satstat__fig_style_begin(&c->g, ns, names);
    out(c, "set style fill transparent solid 0.35 noborder\n");
    satstat__fig_style_end(&c->g);
}

/* The first scheme before s whose mean field equals s's at every layer
 * (tanh: scaled and orthogonal share σ_w²), or -1. */
static long same_mean_field(ctx *c, size_t s, quantity q, uint64_t layers)
{
    for (size_t t = 0; t < s; t++) {
        int same = 1;
        for (uint64_t l = 1; l <= layers && same; l++) {
            double m1, m2, v, lo, hi;
            get_q(layer_of(c, s, l), q, &m1, &v, &lo, &hi);
            get_q(layer_of(c, t, l), q, &m2, &v, &lo, &hi);
            same = m1 == m2 || fabs(m1 - m2) <= 1e-9 * fmax(fabs(m1), fabs(m2));
        }
        if (same)
            return (long)t;
    }
    return -1;
}

/* What fig_against_layer draws on its y axis, found with its data. */
typedef struct layer_axis {
    double units;          /* W R: the units of a layer over the networks  */
    double yfloor;         /* the saturated fraction's log foot (else 0)   */
    double ymin, ymax;     /* the positive values drawn                     */
    int zeros;             /* a layer where no unit was saturated           */
    int no_interval;       /* a value without an interval                   */
    int any_clipped;       /* a bar below the log axis's foot               */
    long clipped_by;       /* ... all of one scheme's (else -1)             */
    int logy;              /* a log y axis                                  */
    int floor_marks;       /* sampled zeros drawn open at the log foot      */
    int all_zero;          /* no unit saturated in any layer of any scheme  */
    double mf_max[SATSTAT_MAX_SCHEMES]; /* each scheme's largest mean field */
} layer_axis;

/* The data blocks of fig_against_layer ($s1, ...) and its y axis. */
static void against_layer_data(ctx *c, quantity q, layer_axis *ax)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_deep_options *o = satstat_deep_report_options(r);
    size_t ns = satstat_deep_report_scheme_count(r);
    double units = (double)o->width * (double)o->networks;
    double yfloor = q == Q_SATURATION ? 0.1 / units : 0;
    double ymin = INFINITY, ymax = -INFINITY, mfmin = INFINITY;
    int zeros = 0; /* a layer where no unit of any network was saturated */
    int nonzero = 0; /* a layer where some unit was */
    int no_interval = 0; /* a value without an interval */
    int any_clipped = 0; /* a bar whose lower end is below the log axis's foot */
    long clipped_by = -1;
    /* the data: for the saturated fraction first the range (the floor
     * depends on the mean field's smallest value) */
    for (size_t s = 0; s < ns; s++) {
        ax->mf_max[s] = -INFINITY;
        for (uint64_t l = 1; l <= o->layers; l++) {
            double mf, v, lo, hi;
            get_q(layer_of(c, s, l), q, &mf, &v, &lo, &hi);
            if (isfinite(mf) && mf > 0)
                mfmin = fmin(mfmin, mf);
            if (isfinite(mf))
                ax->mf_max[s] = fmax(ax->mf_max[s], mf);
        }
    }
    if (q == Q_SATURATION && mfmin < yfloor * 2)
        yfloor = fmax(mfmin / 2, 1e-3 / units); /* the line stays in view down to 1e-3/N */
    out(c, "\n# ---- data: layer, sampled, interval low, high, mean field%s --------\n",
        q == Q_GRADIENT ? ", RMS" : "");
    if (q == Q_SATURATION)
        out(c, "# (on a log axis interval ends below the foot %.6g are written as the foot)\n",
            yfloor);
    int logy_sat = 0;
    if (q == Q_SATURATION) {
        double lo_all = INFINITY, hi_all = -INFINITY;
        for (size_t s = 0; s < ns; s++)
            for (uint64_t l = 1; l <= o->layers; l++) {
                double mf, v, lo, hi;
                get_q(layer_of(c, s, l), q, &mf, &v, &lo, &hi);
                double vals[] = {v, hi, mf};
                for (int k = 0; k < 3; k++)
                    if (isfinite(vals[k]) && vals[k] > 0) {
                        lo_all = fmin(lo_all, vals[k]);
                        hi_all = fmax(hi_all, vals[k]);
                    }
            }
        logy_sat = satstat__fig_log_y(&c->g, lo_all, hi_all);
    }
    for (size_t s = 0; s < ns; s++) {
        out(c, "$s%zu << EOD\n", s + 1);
        for (uint64_t l = 1; l <= o->layers; l++) {
            const satstat_deep_layer *ly = layer_of(c, s, l);
            double mf, v, lo, hi;
            get_q(ly, q, &mf, &v, &lo, &hi);
            if (!isfinite(lo)) {
                /* no interval (R < 2, or the report's "-"): the point
                 * alone, not a bar of zero width that reads as certainty */
                lo = v;
                hi = v;
                no_interval = 1;
            }
            int clipped = logy_sat && lo < yfloor && v > 0;
            if (logy_sat && lo < yfloor)
                lo = yfloor;
            if (clipped)
                clipped_by = any_clipped && clipped_by != (long)s ? -1 : (long)s;
            any_clipped |= clipped;
            out(c, "%llu %.9g %.9g %.9g %.9g", (unsigned long long)l, v, lo, hi, mf);
            if (q == Q_GRADIENT)
                out(c, " %.9g", ly->gradient_norm_rms);

            out(c, "\n");
            zeros |= v == 0;
            nonzero |= v != 0;
            double vals[] = {v, lo, hi, mf, q == Q_GRADIENT ? ly->gradient_norm_rms : v};
            for (int k = 0; k < 5; k++)
                if (isfinite(vals[k]) && vals[k] > 0 && (q != Q_SATURATION || vals[k] >= yfloor)) {
                    ymin = fmin(ymin, vals[k]);
                    ymax = fmax(ymax, vals[k]);
                }
        }
        out(c, "EOD\n");
    }
    /* a log axis for the norm, and for Var z or the saturated fraction when
     * their positive values span decades (a saturated fraction of 5e-4
     * beside 0.86 would sit on zero of a linear axis, its bars unseen) */
    /* (the norm near criticality stays within a factor of 2 or so: a log
     * axis there had the one labelled tick 1, a linear one reads) */
    int logy = ((q == Q_GRADIENT || q == Q_VARIANCE) && ymin > 0 && ymax / ymin > 20) || logy_sat;
    ax->units = units;
    ax->yfloor = yfloor;
    ax->ymin = ymin;
    ax->ymax = ymax;
    ax->zeros = zeros;
    ax->all_zero = q == Q_SATURATION && zeros && !nonzero;
    ax->no_interval = no_interval;
    ax->any_clipped = any_clipped;
    ax->clipped_by = clipped_by;
    ax->logy = logy;
    /* on a log axis a sampled 0 is drawn open at the floor, its bar up to
     * the interval's upper end, rather than left out */
    ax->floor_marks = logy && zeros && q == Q_SATURATION;
}

/* Scheme s's mean field of the saturated fraction lies wholly under the
 * axis's foot (or is 0): no line is drawn for it. */
static int mean_field_off_axis(quantity q, const layer_axis *ax, size_t s)
{
    return q == Q_SATURATION && !(ax->mf_max[s] >= ax->yfloor);
}

/* What scheme s's mean-field line does, in words after the scheme's name
 * in its legend row: Var z's χ₁ at the fixed point q*, or without one
 * (relu) the factor by which the line grows a layer, read off its last
 * two layers; the gradient's factor a layer towards the input, √χ₁;
 * nothing for the saturated fraction (a short row). */
static void mean_field_words(ctx *c, quantity q, size_t s, char *buf, size_t size)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_deep_options *o = satstat_deep_report_options(r);
    const satstat_deep_fixed_point *fp = satstat_deep_report_fixed_point(r, s, NULL);
    buf[0] = '\0';
    if (q == Q_GRADIENT && o->layers > 1) {
        /* the factor of ‖δˡ‖ a layer going back, from L towards the
         * input, as the drawn mean-field line has it: √χ₁ at q* only
         * where the run sits at q* (an isometric tanh network starts at
         * q¹ > q* = 0 and its line falls ×0.98 a layer, where √χ₁ = 1
         * said ×1) */
        double rmin = INFINITY, rmax = -INFINITY;
        for (uint64_t l = 2; l <= o->layers; l++) {
            double m1, m0, v, lo, hi;
            get_q(layer_of(c, s, l), q, &m1, &v, &lo, &hi);
            get_q(layer_of(c, s, l - 1), q, &m0, &v, &lo, &hi);
            double ratio = m1 > 0 ? m0 / m1 : NAN;
            rmin = fmin(rmin, ratio);
            rmax = fmax(rmax, ratio);
        }
        char f[SATSTAT__FIG_NUM_SIZE], t[SATSTAT__FIG_NUM_SIZE];
        if (isfinite(rmin) && isfinite(rmax) && rmin > 0) {
            satstat__fig_num(rmin, 3, f);
            satstat__fig_num(rmax, 3, t);
            if (rmax - rmin <= 5e-4 * rmin)
                snprintf(buf, size, ", ×%s/layer to the input", f);
            else
                snprintf(buf, size, ", ×%s to ×%s/layer to the input", f, t);
        }
    } else if (q == Q_VARIANCE && fp->finite) {
        snprintf(buf, size, ", χ_{1} = %.3g", fp->chi1);
    } else if (q == Q_VARIANCE && o->layers > 1) {
        /* no fixed point of the length map ("no q*" was jargon): what the
         * line does a layer, said only when it is a law of the whole run.
         * Over layers 2..L (layer 1's fan-in is the input's) the map is
         * affine in q for relu, q' = a q + σ_b² (a = σ_w²W/2): a ratio
         * constant to 3 digits is geometric growth (standard: ×100), a
         * constant step is additive growth (he-normal, a = 1: +σ_b² a
         * layer).  The last step's ratio, 7/6 = ×1.17 for he-normal,
         * read as 17 % exponential growth: the opposite of He's point. */
        double rmin = INFINITY, rmax = -INFINITY, dmin = INFINITY, dmax = -INFINITY;
        double first = NAN, last = NAN;
        for (uint64_t l = 2; l <= o->layers; l++) {
            double m1, m0, v, lo, hi;
            get_q(layer_of(c, s, l), q, &m1, &v, &lo, &hi);
            get_q(layer_of(c, s, l - 1), q, &m0, &v, &lo, &hi);
            if (l == 2)
                first = m0;
            last = m1;
            double ratio = m0 > 0 ? m1 / m0 : NAN;
            rmin = fmin(rmin, ratio);
            rmax = fmax(rmax, ratio);
            dmin = fmin(dmin, m1 - m0);
            dmax = fmax(dmax, m1 - m0);
        }
        char f[SATSTAT__FIG_NUM_SIZE], t[SATSTAT__FIG_NUM_SIZE];
        if (isfinite(rmin) && isfinite(rmax) && rmin > 0 && rmax - rmin <= 5e-4 * rmin) {
            satstat__fig_num(0.5 * (rmin + rmax), 3, f);
            snprintf(buf, size, ", ×%s a layer", f);
        } else if (isfinite(dmin) && isfinite(dmax)
                   && dmax - dmin <= 5e-4 * fmax(fabs(dmin), fabs(dmax))) {
            double step = 0.5 * (dmin + dmax);
            double sb2 = satstat_law_variance(&satstat_deep_report_config(r)->bias.law);
            satstat__fig_num(fabs(step), 3, f);
            /* the step is σ_b² when a = 1 and the bias is centred */
            snprintf(buf, size, ", %s%s a layer%s", step < 0 ? "−" : "+", f,
                     fabs(step - sb2) <= 5e-4 * fabs(step) ? " (σ_{b}²)" : "");
        } else if (isfinite(first) && isfinite(last)) {
            /* neither: the range it covers, no law claimed */
            satstat__fig_num(first, 3, f);
            satstat__fig_num(last, 3, t);
            snprintf(buf, size, ", %s → %s", f, t);
        }
    }
}

/* The dash of scheme s's mean-field line, its series' slot's: its legend
 * row draws the line with it (the row's line was solid while the plot's
 * was dashed: figure review 17, S1). */
static unsigned mean_field_dash(const satstat_deep_report *r, size_t s)
{
    const char *names[SATSTAT_MAX_SCHEMES];
    satstat__dp_scheme_names(r, names);
    size_t ns = satstat_deep_report_scheme_count(r);
    return (unsigned)(satstat__series_slot(names, ns, s) % SATSTAT__DASH_TYPES + 1);
}

/* The legend of fig_against_layer: per scheme its sampled points and mean
 * field (its line in dash[s]), then what the marks and bars are and the
 * run's settings. */
static void against_layer_legend(ctx *c, quantity q, const layer_axis *ax, const unsigned *dash,
                                 satstat__legend *key)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_config *cfg = satstat_deep_report_config(r);
    const satstat_deep_options *o = satstat_deep_report_options(r);
    size_t ns = satstat_deep_report_scheme_count(r);
    double units = ax->units;
    int no_interval = ax->no_interval, any_clipped = ax->any_clipped;
    key->n = 0;
    char name[2 * SATSTAT_SPEC_SIZE];
    double off_max = -INFINITY; /* the largest mean field off the axis */
    int mean_field_drawn = 0;
    for (size_t s = 0; s < ns; s++) {
        satstat__tex_escape(cfg->schemes[s].canonical, name, sizeof name);
        char st[SATSTAT__LEGEND_STYLE];
        if (ax->all_zero) {
            /* every count 0: only the intervals' upper ends are drawn */
            snprintf(st, sizeof st, "with points linetype %zu pointtype 11 pointsize lt_pointsize", s + 1);
            satstat__legend_row(key, st, "%s: 0 sampled, ▼ bound", name);
            satstat__legend_tex(key);
            if (!mean_field_off_axis(q, ax, s))
                mean_field_drawn = 1;
        } else {
            /* one row a scheme, its points and mean-field line in one
             * sample: two rows a scheme below a 3.5 in plot took 42 % of
             * the height and left the log axis 115 px, and in two columns
             * a scheme's mean-field row stood beside the next scheme's
             * points and read as theirs (the lines' meaning in a row of
             * its own) */
            long same = same_mean_field(c, s, q, o->layers);
            /* its mark on its mean-field line, in that line's dash; no
             * caps in the row (in SVG the dash broke them into fragments,
             * "└ - ■ - ╵", review 7 S1): the bars have a row of their own */
            snprintf(st, sizeof st, "with linespoints linetype %zu dashtype %u", s + 1, dash[s]);
            char about_line[160] = "";
            mean_field_words(c, q, s, about_line, sizeof about_line);
            if (mean_field_off_axis(q, ax, s)) {
                snprintf(st, sizeof st, "with yerrorbars linetype %zu dashtype 1", s + 1);
                off_max = fmax(off_max, ax->mf_max[s]);
                satstat__legend_row(key, st, "%s", name);
            } else if (same >= 0) {
                /* the same line as an earlier scheme's: drawn once, in
                 * that scheme's colour (a second one lay exactly under
                 * it, its dashes never seen): its mark alone */
                snprintf(st, sizeof st, "with points linetype %zu", s + 1);
                satstat__legend_row(key, st, "%s (line = %s)", name, cfg->schemes[same].canonical);
            } else {
                satstat__legend_row(key, st, "%s%s", name, about_line);
            }
            satstat__legend_tex(key);
            mean_field_drawn |= !mean_field_off_axis(q, ax, s);
        }
    }
    /* (the gradient's line is the mean field of the RMS, the rings, not
     * of the filled means, which sit about 20 % under it by Jensen: keyed
     * by a filled mark on it, the line read as off them; figure review
     * 26, S3) */
    if (mean_field_drawn)
        satstat__legend_row(key, "with lines linecolor rgb '#000000' linewidth 2 dashtype 1",
                            q == Q_GRADIENT ? "lines: mean field of the RMS (rings)" : "lines: mean field");
    if (off_max > -INFINITY && !ax->all_zero) { /* (all zero: in the plot's note) */
        if (off_max > 0)
            satstat__legend_row(key, "with lines linetype nodraw", "mean field ≤ 10^{−%d}: off the axis",
                                -(int)ceil(log10(off_max))); /* (a positive power: never; the true minus) */
        else
            satstat__legend_row(key, "with lines linetype nodraw", "mean field 0: off the axis");
        satstat__legend_tex(key);
    }
    if (q == Q_GRADIENT) { /* one row for every scheme's open points */
        satstat__legend_row(key, "with points linecolor rgb '#000000' pointtype 6 pointsize 2.4 * pointscale linewidth 1",
                            "ring: RMS, filled: mean ‖δ^{ℓ}‖");
        satstat__legend_tex(key);
    }
    /* (every count 0: the bound's meaning in the plot's note; a black ▼
     * row here matched no marker drawn, each ▼ being its scheme's colour) */
    if (ax->floor_marks && !ax->all_zero) {
        /* the key is the zero's own marker, its scheme's open twin in its
         * colour (a black ○ stood for the orange open squares drawn);
         * when schemes of two markers have zeros, words alone */
        size_t zero_schemes = 0, first = 0;
        for (size_t s = 0; s < ns; s++) {
            int zero = 0;
            for (uint64_t l = 1; l <= o->layers; l++) {
                double mf, v, lo, hi;
                get_q(layer_of(c, s, l), q, &mf, &v, &lo, &hi);
                zero |= v == 0;
            }
            if (zero && zero_schemes++ == 0)
                first = s;
        }
        if (zero_schemes == 1) {
            char st[SATSTAT__LEGEND_STYLE], om[SATSTAT__OPEN_MARK_SIZE];
            snprintf(st, sizeof st, "with points linetype %zu %s", first + 1,
                     satstat__open_mark(satstat__dp_open_point(first, ns, r), om));
            satstat__legend_row(key, st, "open: 0 of %.0f", units); /* (short: two legend columns at 3.5 in) */
        } else {
            /* (a text-only row: in the column, and again below the plot) */
            satstat__legend_row(key, "with lines linetype nodraw", "open marker: 0 of %.0f", units);
            satstat__legend_row(key, "with lines linetype nodraw", "open marker: 0 of %.0f", units);
            satstat__legend_below_only(key);
        }
    }
    if (any_clipped) {
        char st[SATSTAT__LEGEND_STYLE];
        satstat__legend_row(key, satstat__cut_key(ax->clipped_by, 0, st), "bar cut at axis");
    }
    /* with a sample: kept when the legend goes below the plot */
    if (!ax->all_zero)
        satstat__legend_row(key, "with yerrorbars linecolor rgb '#000000' pointtype -1 dashtype 1",
                            "bars: %g %% CI", 100 * (1 - cfg->alpha));
    if (no_interval)
        satstat__legend_row(key, "with lines linetype nodraw", "no bar: no interval");
    if (q == Q_GRADIENT) /* which way the gradient travels */
        satstat__legend_row(key, "with lines linetype nodraw", "back-propagation: L → 1");
    char rule[SATSTAT_ACTIVATION_NAME_SIZE] = "", region[SATSTAT_REGION_TEXT_SIZE] = "";
    if (q == Q_SATURATION && satstat_config_rule_text(cfg, rule, sizeof rule, region,
                                                      sizeof region) == SATSTAT_OK) {
        char typeset[2 * SATSTAT_REGION_TEXT_SIZE];
        typeset_region(region, typeset, sizeof typeset);
        const char *which = cfg->activation->dead && strcmp(region, "z <= 0") == 0 ? "inactive" : "saturated";
        satstat__legend_row(key, "with lines linetype nodraw", "%s: %s", which, typeset);
        /* (and below the plot: the y axis's meaning) */
        satstat__legend_row(key, "with lines linetype nodraw", "%s: %s", which, typeset);
        satstat__legend_below_only(key);
    }
    satstat__legend_row(key, "with lines linetype nodraw", "%s, W = %llu units", cfg->activation->name,
                        (unsigned long long)o->width);
    if (!ax->all_zero) /* (else in the plot's note) */
        satstat__legend_row(key, "with lines linetype nodraw", "R = %llu networks",
                            (unsigned long long)o->networks);
    /* and below the plot, where the three sisters' legends go at every
     * size and the column's rows of text are left out: one row of text
     * across the width, under the columns (left out, no figure said tanh,
     * the networks the bars are over, or the bias: figure review 26, S1) */
    if (q == Q_GRADIENT) {
        satstat__legend_row(key, "with lines linetype nodraw", "back-propagation: L → 1");
        satstat__legend_below_only(key);
    }
    char act[2 * SATSTAT_ACTIVATION_NAME_SIZE];
    satstat__tex_escape(cfg->activation->name, act, sizeof act);
    satstat__legend_row(key, "with lines linetype nodraw", "%s, W = %llu, σ_{b}² = %.3g, R = %llu networks", act,
                        (unsigned long long)o->width, satstat_law_variance(&cfg->bias.law),
                        (unsigned long long)o->networks);
    satstat__legend_tex(key);
    satstat__legend_below_only(key);
}

static void fig_against_layer(ctx *c, quantity q)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_config *cfg = satstat_deep_report_config(r);
    const satstat_deep_options *o = satstat_deep_report_options(r);
    size_t ns = satstat_deep_report_scheme_count(r);
    /* δˡ named in the title: the y label's ‖δˡ‖ was defined nowhere */
    static const char *const heads[] = {"Variance of z against layer: sampled and mean field",
                                        "Saturated fraction against layer",
                                        "Norm of the back-propagated gradient δ^{ℓ} by layer"};
    static const char *const abouts[] = {
        "Points: the sampled Var z of each layer (mean over networks of the variance over\n"
        "its units) with 1 - alpha bars across networks (log-normal).  Lines: the\n"
        "mean-field length map q^l (Poole et al. 2016, eq. 3), approached as W grows.",
        "Points: the sampled fraction of units in the saturated region, with\n"
        "Korn-Graubard bars across networks; on a log axis the foot is 1/(10 N) of the\n"
        "N = W R units of a layer, sampled zeros drawn there as open markers and bars\n"
        "clipped there.  Lines: P(z in region) for z ~ N(mu_b, q^l).",
        "Filled points: the mean over networks of |delta^l| (delta^L = phi'(z^L)*g, g a\n"
        "random unit vector), the report's sampled |d|, with its 1 - alpha interval\n"
        "(log-normal).  Open points: the RMS |delta^l| over networks.  Lines: the\n"
        "mean-field prediction of the RMS, a factor sqrt(chi) per layer (Schoenholz et\n"
        "al. 2017).  Back-propagation runs from layer L down to layer 1."};
    /* relu's units with z <= 0 are inactive (φ' = 0), not saturated: the
     * title says what the y label says */
    char rule[SATSTAT_ACTIVATION_NAME_SIZE] = "", region[SATSTAT_REGION_TEXT_SIZE] = "";
    int inactive = q == Q_SATURATION && cfg->activation->dead
                   && satstat_config_rule_text(cfg, rule, sizeof rule, region, sizeof region) == SATSTAT_OK
                   && strcmp(region, "z <= 0") == 0;
    const char *head = inactive ? "Inactive fraction against layer" : heads[q];
    satstat__dp_header(c, r, head, abouts[q]);
    output_section(c);
    satstat__dp_style_named(c, r);
    /* the schemes' bars and caps solid, each scheme's dash on its
     * mean-field line alone (and on its legend row's line) */
    unsigned dash[SATSTAT_MAX_SCHEMES];
    out(c, "# the bars and caps solid; the dash on the mean-field line\n");
    for (size_t s = 0; s < ns && s < SATSTAT_MAX_SCHEMES; s++) {
        dash[s] = mean_field_dash(r, s);
        out(c, "set linetype %zu dashtype 1\n", s + 1);
    }
    layer_axis ax;
    against_layer_data(c, q, &ax);
    satstat__legend key;
    against_layer_legend(c, q, &ax, dash, &key);
    double yfloor = ax.yfloor, ymin = ax.ymin, ymax = ax.ymax;
    int no_interval = ax.no_interval, any_clipped = ax.any_clipped, logy = ax.logy;
    int floor_marks = ax.floor_marks;
    int ylo_set = 0; /* the script's ylo written */
    out(c, "\n# ---- layout and axes -----------------------------------------------------\n");
    /* the legend below the plot at every size, the plot the whole width,
     * as fig2-fig4 and the sweeps: at 1280 x 800 a column left variance
     * and saturation 60 % of the width with 290 x 550 px blank under it,
     * while the gradient's longer rows went below, so that the three
     * sisters differed (figure review 18, S6 and S7) */
    satstat__fig_layout_legend_below(&c->g, &key, 0);
    /* (every count 0 (a small Var z), the figure's one finding, is said
     * once, in the plot; in the title as well it was said twice and the
     * title was the canvas's width at 3.5 in) */
    satstat__fig_multiplot_title(&c->g, head, q == Q_GRADIENT);
    out(c, "unset key\n");
    out(c, "set lmargin at screen plot_left\nset rmargin at screen plot_right\n"
           "set tmargin at screen top\nset bmargin at screen bottom\n");
    /* "1*" said on the axis: a text-only legend row saying it was left
     * out below a small plot */
    if (cfg->n_in != o->width)
        out(c, "set xlabel 'layer ℓ   (1*: fan-in %llu, not W = %llu)'\n",
            (unsigned long long)cfg->n_in, (unsigned long long)o->width);
    else
        out(c, "set xlabel 'layer ℓ'\n");
    static const char *const ylabels[] = {"Var z", "saturated fraction", "‖δ^{ℓ}‖"};
    /* (no "log scale" in the label: the ticks 10^n say so) */
    out(c, "set ylabel '%s'\n", inactive ? "inactive fraction" : ylabels[q]);
    /* a tick per layer while their labels (2.5 characters each) fit */
    out(c, "set xrange [0.5:%g]\n", (double)o->layers + 0.5);
    out(c, "xstep = 1 + int(%llu * 2.5 * char_width / (plot_right - plot_left))\n"
           "set xtics xstep\n", (unsigned long long)o->layers);
    if (cfg->n_in != o->width)
        /* marked whatever the step, so that the legend's "layer 1*" is on
         * the axis in every figure of the run */
        out(c, "set xtics add ('1*' 1)   # layer 1: its fan-in is the input's, not W\n");
    if (logy) {
        /* (a quarter of the least value: at half, relu he-normal's layer-1
         * ▲ touched the x axis under a 13-decade range) */
        double lo = q == Q_SATURATION ? yfloor : ymin / 4;
        out(c, "set logscale y\n");
        if (isfinite(ymin) && ymin > 0) {
            double hi = q == Q_SATURATION ? fmin(1.5, ymax * 2) : ymax * 2;
            out(c, "set yrange [%.6g:%.6g]\n", lo, hi);
            /* 10^k ticks typeset, every k-th decade so that their labels
             * stay 1.6 lines apart over the plot's height (at 3.5 in a
             * label per decade overprinted) */
            char lo_s[32], hi_s[32];
            snprintf(lo_s, sizeof lo_s, "%.6g", lo);
            snprintf(hi_s, sizeof hi_s, "%.6g", hi);
            satstat__fig_log_axis(&c->g, 'y', lo_s, hi_s, "top - bottom");
            /* the foot's decade labelled too when the labels counted down
             * from the top leave it bare and it has room (0.9 lines):
             * relu he-normal's Var z of 2 to 7 had 10^3 as its lowest
             * label on a 13-decade axis (review 7, S13); then the labels
             * count up from the foot at the same step, one step over the
             * axis: a foot label added under the others broke it (relu's
             * gradient at 3.5 in read 10^5, 10^3, 10^1, 10^0: review 8 S2) */
            out(c, "log_low = log_last - int((log_last - log_first) / log_step) * log_step\n"
                   "if (log_low > log_first && (log_low - log_first) * (top - bottom) / %.6g >= 0.9 * line_height) {\n"
                   "    set ytics (10.**log_first)\n"
                   "    do for [log_k = 1:int((log_last - log_first) / log_step)] {\n"
                   "        set ytics add (10.**(log_first + log_k * log_step))\n"
                   "    }\n"
                   "}\n",
                log10(hi / lo));
            /* sampled 0s in a strip of their own below the foot */
            if (floor_marks) {
                out(c, "ylo = %.9g   # the data's foot: clipped bars end here\nyhi = %s\n", lo,
                    hi_s);
                ylo_set = 1;
                satstat__fig_zero_strip(&c->g, "top - bottom");
            }
        }
    } else if (q == Q_SATURATION) {
        out(c, "set yrange [0:%.6g]\n", isfinite(ymax) && ymax > 0 ? fmin(1.0, ymax * 1.15) : 1.0);
    } else if (isfinite(ymin) && ymax > ymin) {
        /* the range fitted to the data and the ticks spaced by the plot's
         * height: from 0, the isometric ‖δ^l‖ of 0.8 to 1 took the top 35 px
         * at 3.5 in under seven labels 27 px apart */
        double pad = 0.15 * (ymax - ymin);
        double lo = fmax(0, ymin - pad), hi = ymax + pad;
        char lo_s[32], hi_s[32];
        snprintf(lo_s, sizeof lo_s, "%.6g", lo);
        snprintf(hi_s, sizeof hi_s, "%.6g", hi);
        out(c, "set yrange [%s:%s]\n", lo_s, hi_s);
        satstat__fig_ticks(&c->g, "y", lo_s, hi_s, "top - bottom", 4);
        satstat__fig_ylabel_room(&c->g, lo_s, hi_s, "top - bottom");
    } else {
        out(c, "set yrange [0:*]\n");
    }
    /* one name for the foot, the zero strip's (satstat__fig_zero_strip):
     * the script also said it as yfloor, the same number twice */
    if ((floor_marks || any_clipped) && !ylo_set)
        out(c, "ylo = %.9g   # the data's foot: clipped bars end here\n", yfloor);
    if (ax.all_zero) {
        /* not a bar chart of 20 full-height bars on the axis foot: the
         * finding in the plot, and the upper ends alone; with the mean
         * field's size when it is off the axis (a legend line for it
         * listed a line that was not drawn) */
        double off = -INFINITY;
        for (size_t s = 0; s < ns; s++)
            if (mean_field_off_axis(q, &ax, s))
                off = fmax(off, ax.mf_max[s]);
        /* the bound: Korn & Graubard's (1998) interval with R - 1
         * degrees of freedom, the networks being the sampled clusters:
         * for 0 of 2000 units in 10 networks at 99.9 % it is 0.008, 2x
         * the binomial bound of 2000 independent units (n* shrunk by
         * (t_{RW-1}/t_{R-1})², deep_sample.c), and the note says why */
        char note[3][160];
        snprintf(note[0], sizeof note[0], "no saturated unit in any layer (%.0f units)", ax.units);
        snprintf(note[1], sizeof note[1], "▼ %g %% bound, R − 1 = %llu df (networks)",
                 100 * (1 - cfg->alpha), (unsigned long long)(o->networks - 1));
        note[2][0] = '\0';
        if (off > 0)
            snprintf(note[2], sizeof note[2], "mean field ≤ 10^{−%d}, off the axis",
                     -(int)ceil(log10(off)));
        else if (off == 0)
            snprintf(note[2], sizeof note[2], "mean field 0, off the axis");
        double chars = 0;
        for (int k = 0; k < 3; k++)
            chars = fmax(chars, satstat__text_chars(note[k], 1));
        /* centred in the plot, in smaller text when wider than it (at 9 pt
         * in 3.5 in it ran across the y axis) */
        out(c, "note_chars = %.1f   # the note's longest line, in char_width\n"
               "note_fit = (note_chars * char_width > 0.95 * (plot_right - plot_left)) ? "
               "0.95 * (plot_right - plot_left) / (note_chars * char_width) : 1\n"
               "set label 1 \"%s\\n%s%s%s\" at graph 0.5, graph 0.5 center front "
               "font font_at(note_fit)\n",
            chars, note[0], note[1], note[2][0] ? "\\n" : "", note[2]);
    }
    /* the schemes' points dodged sideways so that bars do not hide each
     * other, and each mean-field line dodged with its points: drawn
     * through the integer l, the standard relu line (×100 a layer) passed
     * 100^0.12 = 1.7 times above every point dodged by 0.12 of a layer,
     * outside its 99.9 % bar although the numbers agree */
    out(c, "plot ");
    for (size_t s = 0; s < ns; s++) {
        double dx = ns > 1 ? 0.24 * ((double)s / (double)(ns - 1) - 0.5) : 0;
        /* a mean field equal to an earlier scheme's is drawn once, by
         * that scheme (its legend row says "line = ..."), dodged with
         * that scheme's points; this scheme's own points get a short
         * tick of it at their x */
        long same = same_mean_field(c, s, q, o->layers);
        int line = !mean_field_off_axis(q, &ax, s) && same < 0;
        if (!mean_field_off_axis(q, &ax, s) && same >= 0) {
            out(c, "%s$s%zu using ($1 + %.3g - 0.07):5:(0.14):(0) with vectors nohead linetype %ld dashtype 1 "
                   "notitle",
                s ? ", \\\n     " : "", s + 1, dx, same + 1);
            line = -1; /* (something drawn: the next term takes a comma) */
        }
        if (ax.all_zero) {
            /* every count 0: the upper end of each interval, a down triangle */
            if (line > 0)
                out(c, "%s$s%zu using ($1 + %.3g):5 with lines linetype %zu dashtype %u notitle",
                    s ? ", \\\n     " : "", s + 1, dx, s + 1, dash[s]);
            out(c, "%s$s%zu using ($1 + %.3g):4 with points linetype %zu pointtype 11 pointsize lt_pointsize notitle",
                s || line ? ", \\\n     " : "", s + 1, dx, s + 1);
            continue;
        }
        if (line > 0)
            out(c, "%s$s%zu using ($1 + %.3g):5 with lines linetype %zu dashtype %u notitle",
                s ? ", \\\n     " : "", s + 1, dx, s + 1, dash[s]);
        out(c, "%s$s%zu using ($1 + %.3g):($4 > $3 ? $2 : NaN):3:4 with yerrorbars linetype %zu dashtype 1 notitle",
            s || line ? ", \\\n     " : "", s + 1, dx, s + 1);
        if (no_interval)
            out(c, ", \\\n     $s%zu using ($1 + %.3g):($4 > $3 ? NaN : $2) with points linetype %zu notitle",
                s + 1, dx, s + 1);
        if (q == Q_GRADIENT) /* a thin ring, twice the size, round the filled point (the
                              * RMS is near the mean, and an open marker of the same size
                              * was hidden under it in every render; an open pentagon
                              * twice the size read as a larger filled one) */
            out(c, ", \\\n     $s%zu using ($1 + %.3g):6 with points linetype %zu pointtype 6 "
                   "pointsize 2.4 * pointscale linewidth 1 notitle",
                s + 1, dx, s + 1);
        if (any_clipped)
            out(c, ", \\\n     $s%zu using ($1 + %.3g):($2 > 0 && $3 <= ylo ? ylo : NaN) with points linetype %zu "
                   "%s notitle",
                s + 1, dx, s + 1, satstat__cut_mark(0));
        /* a sampled 0 in the strip below the foot, its bar from the
         * strip's top (no stem through the open mark) up to the
         * interval's upper end (its point, none, at the mark:
         * gnuplot's white disc under a yerrorbars point then lies
         * under the mark), then the open mark */
        char om[SATSTAT__OPEN_MARK_SIZE];
        if (floor_marks) /* (as its key row) */
            out(c, ", \\\n     $s%zu using ($1 + %.3g):($2 > 0 ? NaN : yzero):(zero_bar):4 with yerrorbars "
                   "linetype %zu dashtype 1 pointtype -1 notitle"
                   ", \\\n     $s%zu using ($1 + %.3g):($2 > 0 ? NaN : yzero) with points "
                   "linetype %zu %s notitle",
                s + 1, dx, s + 1, s + 1, dx, s + 1, satstat__open_mark(satstat__dp_open_point(s, ns, r), om));
    }
    out(c, "\nunset label\nunset arrow\n");
    satstat__fig_rule(&c->g, "legend: right of the plot, or below it on a small figure");
    satstat__fig_legend_panel(&c->g, &key, "column", "top + 0.02",
                              "unset title\nunset logscale\nunset colorbox\n");
}

/* ---- the preset: histograms of φ(z), schemes in rows, layers in columns ------*/

/* The probability of the atom of φ(z) at φ(0) when φ is constant on
 * z <= 0 (relu's dead units): the sampled saturated fraction when the
 * rule counts exactly z <= 0, else NaN (no atom drawn). */
static double atom_probability(const satstat_config *cfg, const satstat_deep_layer *ly)
{
    satstat_region reg;
    char msg[SATSTAT_ERRMSG_SIZE];
    if (!cfg->activation->dead || satstat_config_region(cfg, &reg, msg, sizeof msg) != SATSTAT_OK)
        return NAN;
    if (reg.below != 0 || reg.above != INFINITY || reg.n_bands != 0)
        return NAN;
    return ly->saturated_fraction.value;
}

/* A preset panel's histogram: the datablock $hS_K (and $zeroS_K for an
 * atom at φ(0)) of layer ly of scheme s, column k; its x range, top and
 * the atom's probability (NaN: none). */
typedef struct panel_hist {
    double xlo, xhi, ytop, atom;
    int spike; /* the whole sampled range inside one display bin */
} panel_hist;

static panel_hist activation_hist(ctx *c, const satstat_config *cfg, const satstat_deep_layer *ly,
                                  size_t s, size_t k, int bounded, double p0, double p1)
{
    const satstat_activation *a = cfg->activation;
    panel_hist h;
    h.xlo = bounded ? fmin(p0, p1) : ly->a_lo;
    h.xhi = bounded ? fmax(p0, p1) : ly->a_hi;
    double fw = (ly->a_hi - ly->a_lo) / SATSTAT_DEEP_HIST_BINS;
    double want_w = (h.xhi - h.xlo) / DISPLAY_BINS;
    long g = fw > 0 ? lround(want_w / fw) : 1;
    if (g < 1)
        g = 1;
    if (g > (long)SATSTAT_DEEP_HIST_BINS)
        g = (long)SATSTAT_DEEP_HIST_BINS;
    double total = (double)(ly->a_under + ly->a_over);
    for (size_t b = 0; b < SATSTAT_DEEP_HIST_BINS; b++)
        total += (double)ly->a_hist[b];
    /* the atom at φ(0): its units taken out of the fine bin holding φ(0) */
    double pa = atom_probability(cfg, ly), zeros = 0;
    long ab = -1;
    double phi0 = a->phi(0);
    if (isfinite(pa) && fw > 0 && phi0 >= ly->a_lo && phi0 < ly->a_hi) {
        ab = (long)floor((phi0 - ly->a_lo) / fw);
        zeros = fmin((double)ly->a_hist[ab], round(pa * total));
    }
    h.atom = ab >= 0 && total > 0 ? zeros / total : NAN;
    h.ytop = 0;
    h.spike = 0;
    out(c, "$h%zu_%zu << EOD\n", s + 1, k + 1);
    if (!(ly->a_hi - ly->a_lo > want_w)) {
        /* the whole sampled range inside one display bin: one bin
         * of the display width around it (still holding whole fine
         * bins only), not a sliver too thin to draw */
        double count = total - (double)(ly->a_under + ly->a_over) - zeros;
        double density = total > 0 && want_w > 0 ? count / (total * want_w) : 0.0;
        h.ytop = density;
        h.spike = 1;
        out(c, "%.9g %.9g %.9g\nEOD\n", (ly->a_lo + ly->a_hi) / 2, density, want_w);
    } else {
        for (size_t b0 = 0; b0 < SATSTAT_DEEP_HIST_BINS; b0 += (size_t)g) {
            size_t b1 = b0 + (size_t)g < SATSTAT_DEEP_HIST_BINS ? b0 + (size_t)g
                                                               : SATSTAT_DEEP_HIST_BINS;
            double count = 0;
            for (size_t b = b0; b < b1; b++)
                count += (double)ly->a_hist[b] - ((long)b == ab ? zeros : 0);
            double x0 = ly->a_lo + (double)b0 * fw, width = (double)(b1 - b0) * fw;
            double density = total > 0 && width > 0 ? count / (total * width) : 0.0;
            h.ytop = fmax(h.ytop, density);
            out(c, "%.9g %.9g %.9g\n", x0 + width / 2, density, width);
        }
        out(c, "EOD\n");
    }
    if (isfinite(h.atom))
        out(c, "$zero%zu_%zu << EOD\n%.9g %.9g\nEOD\n", s + 1, k + 1, phi0, h.atom);
    return h;
}

/* Whether the panel of layer ly draws an arrow: a point mass at φ(0)
 * (atom_probability) or the whole sampled range inside one display bin
 * (activation_hist's spike), as activation_hist decides them. */
static int panel_has_arrow(const satstat_config *cfg, const satstat_deep_layer *ly, int bounded,
                           double p0, double p1)
{
    double lo = bounded ? fmin(p0, p1) : ly->a_lo, hi = bounded ? fmax(p0, p1) : ly->a_hi;
    double phi0 = cfg->activation->phi(0);
    int atom = isfinite(atom_probability(cfg, ly)) && ly->a_hi > ly->a_lo && phi0 >= ly->a_lo &&
               phi0 < ly->a_hi;
    return atom || !(ly->a_hi - ly->a_lo > (hi - lo) / DISPLAY_BINS);
}

/* An sd of the preset's panels, to two significant digits in the one
 * form the gallery's numbers take (review 8 S8: "sd 2086" beside "sd
 * 290" and "1.5×10^{4}"): a power of ten below 10^{−3} and from 10^{3}
 * up ("290", "5.8", "0.0041", "2.1×10^{3}", "3.0×10^{−4}"), with a true
 * minus.  (The tick labels are plain numbers: axis_ticks.) */
static void preset_number(double x, char buf[SATSTAT__FIG_NUM_SIZE])
{
    double a = fabs(x);
    const char *sign = x < 0 ? "−" : "";
    if (!(a > 0) || !isfinite(a)) {
        satstat__fig_num(x, 2, buf);
        return;
    }
    /* two significant digits: round first (999.6 is 1.0×10^{3}) */
    int e = (int)floor(log10(a));
    double unit = pow(10, e - 1);
    a = round(a / unit) * unit;
    e = (int)floor(log10(a) + 1e-12);
    if (a >= 1e3 * (1 - 1e-12) || a < 1e-3) {
        snprintf(buf, SATSTAT__FIG_NUM_SIZE, "%s%.1f×10^{%s%d}", sign, a / pow(10, e), e < 0 ? "−" : "",
                 abs(e));
        return;
    }
    snprintf(buf, SATSTAT__FIG_NUM_SIZE, "%s%.*f", sign, e < 1 ? 1 - e : 0, a);
}

/* The preset's panels: the bars reach 1/HEADROOM of the panel's height
 * (activation_panel) */
#define HEADROOM 1.5
/* ... and their y tick labels at least this many lines of text apart */
#define Y_LABEL_LINES 1.2

/* The ticks of a panel's axis over [lo, hi]: a step of 1, 2 or 5 times a
 * power of ten, the largest at most half the span, so that at least two
 * ticks past the first are labelled (one labelled tick beside 0 gave no
 * scale length: figure reviews 17 and 18, S8 and S2); at most three, so
 * that they fit a small multiple.  Their labels are plain numbers when
 * the step is 0.01 or more and the ticks under 10^{4} ("0.05", "500",
 * "2000"); else whole numbers times one factor 10^{e} of the step, which
 * the panel writes once at the axis's end ("0 5 10" and "×10^{4}": a
 * tick "4×10^{−1}" for 0.4 read as a fault on a slide), so that every
 * tick of a row reads in one notation.  At most `most` ticks (at most
 * AXIS_TICKS) and at least least_step apart (a short panel's y axis:
 * three labels up 57 px at 1280 x 800 overprinted, so there it keeps 0
 * and one), and at most three when a label is longer than two
 * characters: an x axis takes a fourth short one ("0 2 4 6" over relu's
 * 0 to 7, where "0 2 4" left the axis's last 43 % bare), not "0 0.5 1
 * 1.5", which ran together at 3.5 in. */
#define AXIS_TICKS 4
typedef struct axis_ticks {
    double t[AXIS_TICKS];
    char label[AXIS_TICKS][SATSTAT__FIG_NUM_SIZE];
    size_t n;
    char factor[SATSTAT__FIG_NUM_SIZE]; /* "×10^{−5}", or "" */
} axis_ticks;

static int axis_ticks_of(double lo, double hi, size_t most, double least_step, int row_factored,
                         axis_ticks *ts)
{
    double span = hi - lo;
    ts->n = 0;
    ts->factor[0] = '\0';
    if (!(span > 0) || !isfinite(span))
        return 0;
    double step = satstat__step125(span / 2, 0);
    int ends_only = 0; /* the ticks between the first and the last unlabelled */
    if (least_step > step) {
        step = satstat__step125(least_step, 1);
        if (step > span * (1 + 1e-9)) { /* (but one labelled tick past the first) */
            step = satstat__step125(span, 0);
            ends_only = 1;
        }
    }
    double first = ceil(lo / step - 1e-9) * step;
    if (most > AXIS_TICKS)
        most = AXIS_TICKS;
    for (double v = first; v <= hi * (1 + 1e-12) + 1e-300 && ts->n < most; v += step)
        ts->t[ts->n++] = fabs(v) < step * 1e-9 ? 0 : v;
    double top = fmax(fabs(ts->t[0]), fabs(ts->t[ts->n - 1]));
    int e = (int)floor(log10(step) + 1e-9);
    /* (row_factored: another panel of the row writes a factor on this
     * axis, so "1000" here becomes "1" and "×10^{3}", one notation a row:
     * figure review 19, S2) */
    int factored = step < 0.01 * (1 - 1e-9) || top >= 1e4 * (1 - 1e-12) || (row_factored && e >= 3);
    if (factored)
        snprintf(ts->factor, sizeof ts->factor, "×10^{%s%d}", e < 0 ? "−" : "", abs(e));
    int decimals = factored || e >= 0 ? 0 : -e;
    for (size_t i = 0; i < ts->n; i++) {
        double v = factored ? ts->t[i] / pow(10, e) : ts->t[i];
        snprintf(ts->label[i], SATSTAT__FIG_NUM_SIZE, "%s%.*f", v < 0 ? "−" : "", decimals, fabs(v));
        /* "1" and "0.5", not "1.0" and "0.50" */
        size_t n = strlen(ts->label[i]);
        while (decimals > 0 && n > 0 && ts->label[i][n - 1] == '0')
            ts->label[i][--n] = '\0';
        if (n > 0 && ts->label[i][n - 1] == '.')
            ts->label[i][--n] = '\0';
    }
    for (size_t i = 0; i < ts->n && ts->n > 3; i++)
        if (satstat__utf8_length(ts->label[i]) > 2)
            ts->n = 3;
    for (size_t i = 1; ends_only && i + 1 < ts->n; i++)
        ts->label[i][0] = '\0';
    return 1;
}

/* The axis's `set Xtics (...)` line of ts. */
static void write_axis_ticks(ctx *c, const char *axis, const axis_ticks *ts)
{
    out(c, "set %stics (", axis);
    for (size_t i = 0; i < ts->n; i++)
        out(c, "%s'%s' %.9g", i ? ", " : "", ts->label[i], ts->t[i]);
    out(c, ")\n");
}

/* A panel's x ticks (over φ's range or the layer's), and its y ticks
 * (the bars reaching 1/HEADROOM of the height, labels at least
 * Y_LABEL_LINES apart); 0 when the axis has none of its own (a one-bin
 * panel's y).  row_factored: as axis_ticks_of. */
static int panel_x_ticks(const panel_hist *h, int row_factored, axis_ticks *xt)
{
    xt->n = 0;
    xt->factor[0] = '\0';
    return axis_ticks_of(h->xlo, h->xhi, AXIS_TICKS, 0, row_factored, xt);
}

static int panel_y_ticks(const panel_hist *h, double panel_lines, int row_factored, axis_ticks *yt)
{
    yt->n = 0;
    yt->factor[0] = '\0';
    double top = (h->ytop > 0 ? h->ytop : 1) * HEADROOM;
    return !h->spike && axis_ticks_of(0, top, 3, top * Y_LABEL_LINES / panel_lines, row_factored, yt);
}

static void activation_panel(ctx *c, const satstat_config *cfg, const satstat_deep_layer *ly,
                             const panel_hist *h, size_t s, size_t k, size_t ns, uint64_t layer,
                             const char *name, double panel_lines, const int row_factored[2])
{
    const satstat_activation *a = cfg->activation;
    out(c, "\n# %s, layer %llu\n", cfg->schemes[s].canonical, (unsigned long long)layer);
    satstat__fig_grid_panel(&c->g, k, s);
    if (s == 0)
        /* (its line over the y factor's: at -0.5 "layer 5" met "×10^{−5}" at
         * 3.5 in) */
        out(c, "set title 'layer %llu' offset 0,0.1\n", (unsigned long long)layer);
    else
        out(c, "unset title\n");
    if (k == 0) {
        /* (a normal scheme's row by its σ_w, as its legend row ends: the
         * row of a panel has room for about 9 characters at 3.5 in) */
        out(c, "set ylabel ");
        if (cfg->schemes[s].kind == SATSTAT_SCHEME_NORMAL) {
            char sigma[48];
            snprintf(sigma, sizeof sigma, "σ_{w} = %g", cfg->schemes[s].param);
            satstat__fig_qtex(&c->g, sigma);
        } else {
            qstr(c, cfg->schemes[s].canonical);
        }
        out(c, "\n");
    } else {
        out(c, "unset ylabel\n");
    }
    if (s + 1 == ns)
        out(c, "set xlabel '%s(z)' offset 0,0.3\n", name);
    else
        out(c, "unset xlabel\n");
    /* at most three ticks an axis, plain numbers or whole numbers times a
     * factor written once at the axis's end (axis_ticks_of) */
    /* the bars reach 1/HEADROOM of the panel's height: the sd's line of
     * small text above them keeps clear of the tallest bar, also one at
     * the panel's right edge (tanh's normal:1 at ±1) */
    double yt = h->ytop > 0 ? h->ytop : 1;
    char t_s[32];
    snprintf(t_s, sizeof t_s, "%.6g", yt * HEADROOM);
    axis_ticks xt, ytk;
    out(c, "x_lo = %.9g\nx_hi = %.9g\n", h->xlo, h->xhi);
    if (panel_x_ticks(h, row_factored[0], &xt)) {
        write_axis_ticks(c, "x", &xt);
    } else {
        out(c, "set xtics autofreq\n");
    }
    if (xt.n > 0 && xt.factor[0]) {
        /* the factor right of the last tick label, on its line, at the
         * axis's end: the axis long enough that the last label's right
         * half and the factor fit between that tick and the end */
        out(c, "x_room = (%.2f / 2 + %.2f + 0.8) * char_width / panel_w   # the last tick label's "
               "right half, the factor and a gap\n"
               "x_hi = (x_room < 0.6 && (%.9g - x_room * x_lo) / (1 - x_room) > x_hi) ? "
               "(%.9g - x_room * x_lo) / (1 - x_room) : x_hi\n"
               "set label 4 '%s' at graph 1, graph 0 right offset 0, -1.4 front\n",
            satstat__text_chars(xt.label[xt.n - 1], 0), satstat__text_chars(xt.factor, 1),
            xt.t[xt.n - 1], xt.t[xt.n - 1], xt.factor);
    } else {
        out(c, "unset label 4\n");
    }
    out(c, "set xrange [x_lo:x_hi]\ny_top = %s\n", t_s);
    if (h->spike) { /* its height is 1/(the bin's width): no scale to read */
        out(c, "set ytics ('' 0)\nunset label 5\n");
    } else if (panel_y_ticks(h, panel_lines, row_factored[1], &ytk)) {
        write_axis_ticks(c, "y", &ytk);
        if (ytk.factor[0]) {
            /* over the panel's own frame, left-aligned at its axis (as
             * matplotlib's offset text): right-aligned left of the axis it
             * stood in the gutter 11 px under the row before's x factor of
             * the column to the left, and merged into the first row's
             * "density" (figure review 19, S2); inside the frame it ran
             * into the sd's text and the bars at 3.5 in */
            out(c, "set label 5 '%s' at graph 0, graph 1 left offset 0.3, 0.45 font smallfont front\n",
                ytk.factor);
        } else {
            out(c, "unset label 5\n");
        }
    } else {
        out(c, "set ytics autofreq\nunset label 5\n");
    }
    if (s == 0) /* the y axes' quantity, once a column, over its axis */
        /* (1.4 lines up: at 0.9 sigmoid's rotated row label "normal:1"
         * ended 5 px under the "d" at 3.5 in and the two read as one
         * label; lowering that label ran it into the next row's) */
        out(c, "set label 3 'density' at graph 0, graph 1 right offset -0.6,1.4 font smallfont\n");
    else
        out(c, "unset label 3\n");
    double sd = sqrt(ly->activation_variance.value);
    char sdt[64], num[SATSTAT__FIG_NUM_SIZE];
    /* two significant digits, in the tick labels' form (preset_number) */
    preset_number(sd, num);
    snprintf(sdt, sizeof sdt, "sd %s", num);
    out(c, "set label 1 '%s' at graph 0.97, graph 0.9 right font smallfont front\n", sdt);
    if (h->spike) {
        /* every unit within one display bin (tanh's normal:0.01 after
         * a few layers): a bar there would be as high as 1/(its width),
         * a number without meaning; an arrow as for a point mass, low
         * enough to pass under the sd's text */
        out(c, "set arrow 1 from first %.9g, graph 0 to first %.9g, graph 0.62 linetype %zu "
               "linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front\n",
            (ly->a_lo + ly->a_hi) / 2, (ly->a_lo + ly->a_hi) / 2, s + 1);
        /* what the bare ▲ is, in the panel, under the sd (the panel read
         * as empty: figure reviews 17 N12, 18 N6): on the side away from
         * the arrow, short enough to stay clear of it at 3.5 in */
        double at = (h->xhi > h->xlo) ? ((ly->a_lo + ly->a_hi) / 2 - h->xlo) / (h->xhi - h->xlo) : 0.5;
        out(c, "set label 2 'one bin' at graph %s, graph 0.9 %s offset 0,-1.1 font smallfont front\n",
            at >= 0.5 ? "0.03" : "0.97", at >= 0.5 ? "left" : "right");
    } else if (isfinite(h->atom)) {
        out(c, "set arrow 1 from first %.9g, graph 0 to first %.9g, graph 0.97 linetype %zu "
               "linewidth 2.5 dashtype 1 head size screen 0.012, 25 filled front\n",
            a->phi(0), a->phi(0), s + 1);
        /* a line of the small font under the sd, whatever the panel's height */
        char p0[32];
        snprintf(p0, sizeof p0, "P(0) = %.2f", h->atom);
        out(c, "set label 2 '%s' at graph 0.97, graph 0.9 right offset 0,-1.1 font smallfont front\n", p0);
        /* The bars under that line end below its foot: at 1280 x 800 the
         * panels are narrow, the line reached over relu's first bars and its
         * "P" touched them (figure review 16, S6).  Its left end from its
         * characters at char_width (digits' width, so it ends left of the
         * drawn text), its foot 1.1 of gnuplot's lines (at most line_height)
         * and half the small font's height under the sd's centre; the
         * tallest bar reaching right of that end (gnuplot's stats) sets the
         * y axis's top when it is higher than the headroom's. */
        out(c, "p0_left = x_lo + (0.97 - %zu * char_width * smallpt / fontpt / panel_w) * (x_hi - x_lo)\n"
               "p0_foot = 0.9 - (1.1 + 0.45 * smallpt / fontpt) * line_height / panel_h\n"
               "stats $h%zu_%zu using ($1 + $3 / 2 > p0_left ? $2 : 0) nooutput\n"
               "if (p0_foot > 0 && STATS_max / p0_foot > y_top) {\n"
               "    y_top = STATS_max / p0_foot\n"
               "}\n",
            satstat__utf8_length(p0), s + 1, k + 1);
    } else {
        out(c, "unset arrow 1\nunset label 2\n");
    }
    out(c, "set yrange [0:y_top]\n");
    if (h->spike)
        out(c, "plot NaN notitle\n");
    else
        /* (bordered in their colour, solid whatever the line type's dash
         * (he-normal's dotted border left seams: figure review 13, S7): no
         * light seams between bars, as deep-density's) */
        out(c, "plot $h%zu_%zu using 1:2:3 with boxes linetype %zu dashtype 1 linewidth 1 fillstyle solid 1.0 "
               "border linetype %zu notitle\n",
            s + 1, k + 1, s + 1, s + 1);
}

/* The gap between the preset's rows of panels, in lines of its text: the
 * row's x tick labels, and over the next row's y axis its factor
 * (axis_ticks_of: "×10^{−5}"), which at 2.5 lines met the tick labels
 * above; the same in the three figures, so that set side by side their
 * panels line up (figure review 17, N11). */
#define ROW_GAP_LINES 2.9

/* The most layers deep-activations draws across (fig_activations). */
#define ACTIVATION_LAYERS_ACROSS 3

static void fig_activations(ctx *c, size_t which)
{
    const satstat_deep_report *r = c->r[which];
    const satstat_config *cfg = satstat_deep_report_config(r);
    const satstat_deep_options *o = satstat_deep_report_options(r);
    const satstat_activation *a = cfg->activation;
    size_t ns = satstat_deep_report_scheme_count(r);
    uint64_t lw[MAX_PANELS];
    /* as many layers across as fit: a panel 14 characters wide with 8 for
     * its y tick labels */
    size_t cols, rows;
    size_t want = o->layers < MAX_PANELS ? (size_t)o->layers : MAX_PANELS;
    size_t nl = grid_fit(c, want * ns, 18, 1, 12, 0, &cols, &rows);
    /* at most ACTIVATION_LAYERS_ACROSS: at 1280 x 800 five layers of four
     * schemes were twenty panels of 115 x 60 px, thumbnails on a slide,
     * whose sd and P(0) notes filled half of each (figure review 17, S9);
     * the first, the last and one between, as the title and the header
     * say */
    if (cols > ACTIVATION_LAYERS_ACROSS)
        cols = ACTIVATION_LAYERS_ACROSS;
    nl = cols < want ? cols : want;
    (void)rows;
    panels_of(o->layers, lw);
    if (nl < want && nl > 1)
        for (size_t k = 0; k < nl; k++)
            lw[k] = 1 + (uint64_t)llround((double)k * (double)(o->layers - 1) / (double)(nl - 1));
    else if (nl < want)
        lw[0] = o->layers;
    char head[200], name[2 * SATSTAT_ACTIVATION_NAME_SIZE];
    satstat__tex_escape(a->name, name, sizeof name);
    /* "densities": the y axes' quantity (their labels name the rows); the
     * layers drawn named when some are left out ("by layer" over layers 1
     * and 5 of 5 read as every layer: figure review 15, S5.3) */
    char drawn[96] = "";
    if (nl < want) {
        size_t used = 0;
        for (size_t k = 0; k < nl && used < sizeof drawn; k++)
            used += (size_t)snprintf(drawn + used, sizeof drawn - used, "%s%llu",
                                     k == 0 ? "" : k + 1 == nl ? " and " : ", ", (unsigned long long)lw[k]);
        snprintf(head, sizeof head, "Densities of %s(z), layers %s of %llu (%llu units, N(0, 1) inputs)",
                 a->name, drawn, (unsigned long long)o->layers, (unsigned long long)o->width);
    } else {
        snprintf(head, sizeof head, "Densities of %s(z) by layer (%llu units, N(0, 1) inputs)",
                 a->name, (unsigned long long)o->width);
    }
    double p0 = a->phi(-40), p1 = a->phi(40);
    int bounded = isfinite(p0) && isfinite(p1) && fabs(p0) < 10 && fabs(p1) < 10;
    satstat__legend key;
    key.n = 0;
    for (size_t s = 0; s < ns; s++) {
        const satstat_deep_layer *l2 = satstat_deep_report_layer(r, s, o->layers > 1 ? 2 : 1);
        char st[SATSTAT__LEGEND_STYLE], sn[2 * SATSTAT_SPEC_SIZE];
        /* ("normal", not "normal:1: weight σ_w = 1", which read as a
         * typo: figure review 26, S6) */
        satstat__tex_escape(cfg->schemes[s].kind == SATSTAT_SCHEME_NORMAL ? "normal" : cfg->schemes[s].canonical,
                            sn, sizeof sn);
        snprintf(st, sizeof st, "with boxes linetype %zu fillstyle solid 1.0 noborder", s + 1);
        satstat__legend_row(&key, st, "%s: weight σ_{w} = %.3g", sn, sqrt(l2->weight_variance));
        satstat__legend_tex(&key);
    }
    /* the arrows (a point mass, or every unit in one bin) get a row of
     * their own: a black ▲, since each panel's arrow is its scheme's colour */
    int arrows = 0;
    for (size_t s = 0; s < ns; s++)
        for (size_t k = 0; k < nl; k++)
            arrows |= panel_has_arrow(cfg, satstat_deep_report_layer(r, s, lw[k]), bounded, p0, p1);
    /* (grey, no series' colour: "any scheme's", where black, which no
     * panel draws, read as a mark of its own: figure review 18, N6b) */
    satstat__legend_row(&key, "with points pointtype 9 linecolor rgb '#808080'",
                        "a point mass, or every unit in one bin");
    /* without an arrow the row's room kept, not drawn: the preset's three
     * figures side by side have legends of one height and their panels
     * line up (sigmoid's, a row shorter, was 1290 px high at 3.5 in against
     * relu's and tanh's 1339: figure review 17, N11) */
    if (!arrows)
        satstat__legend_when(&key, "0");
    double across, down;
    satstat__fig_text_room(&c->g.o, &across, &down);
    int per_line = across > LEGEND_TWO_COLUMNS * (double)satstat__legend_chars(&key) + 16 ? 2 : 1;
    /* In two columns, the schemes two of two: a blank row after the first
     * half, so that the ▲'s row ends the second column (3 + 2 set
     * he-normal level with normal:1 across the slide: figure review 18,
     * N5). */
    if (per_line == 2 && ns % 2 == 0 && key.n < SATSTAT__LEGEND_ROWS)
        satstat__legend_insert_blank(&key, ns / 2);
    int legend_lines = (int)((key.n + (size_t)per_line - 1) / (size_t)per_line);
    /* The rows' room, in lines of text, as the layout below measures it:
     * the title and the columns' titles 3 lines, the legend and the last
     * row's x tick labels and label legend_lines + 3.4, gaps of
     * ROW_GAP_LINES between rows, within 96 % of the height.  A paper size (3.5 in at
     * 8 pt holds about 17 lines) leaves four rows under a line each, their
     * tick labels overprinting: there the canvas grows to panels
     * MIN_PANEL_LINES high (every row kept, since the rows are the
     * comparison) and the text stays the size asked for. */
    const double MIN_PANEL_LINES = 2.4;
    /* the legend's rows are 1.15 lines apart (the key's spacing), with a
     * line to spare: at one line a row, gnuplot dropped the rows that
     * did not fit (5 rows in 5.3 lines showed 3) */
    double legend_room = 1.15 * legend_lines + 1.0;
    double fixed_lines = 3.6 + legend_room + 3.4 + ROW_GAP_LINES * (double)(ns - 1);
    double panel_lines = (0.96 * down - fixed_lines) / (double)ns;
    satstat_plot_options asked = c->g.o;
    char about[1024];
    int n_about = snprintf(about, sizeof about, "%s",
           "The classic demonstration (e.g. Glorot & Bengio 2010, figs. 3-4; CS231n): the\n"
           "histogram of phi(z) over the units of each layer, one row per weight scale.\n"
           "Too small weights collapse the activations towards phi(0); too large ones\n"
           "saturate them; sqrt(1/n) (and sqrt(2/n) for ReLU) keep them spread.  The\n"
           "standard deviation of phi(z) is printed in each panel; relu's units with\n"
           "z <= 0 (phi = 0 exactly) are a point mass, drawn as an arrow with its\n"
           "probability, not as a bar whose height would depend on the bin width; so\n"
           "is a layer whose units all fall in one bin (its sd printed, \"one bin\"\n"
           "beside it).  Tick labels are plain numbers; an axis whose numbers are\n"
           "scaled carries its factor (x10^n) once, at its end.");
    if (nl < want && n_about > 0 && (size_t)n_about < sizeof about)
        n_about += snprintf(about + n_about, sizeof about - (size_t)n_about,
                            "\n\nLayers drawn: %s of %llu (at most %d across, as many as fit at\n"
                            "this size: each panel kept wide enough to read).",
                            drawn, (unsigned long long)o->layers, ACTIVATION_LAYERS_ACROSS);
    unsigned tall = 0; /* the grown height; 0: as asked */
    double fontpt, line_px;
    satstat__fig_canvas(&asked, &fontpt, &line_px);
    double h_png = asked.height ? asked.height : 800;
    if (panel_lines < 2)
        h_png = ceil((fixed_lines + MIN_PANEL_LINES * (double)ns) * line_px / 0.96);
    if (panel_lines < 2) {
        double w = asked.width ? asked.width : 1280, h = asked.height ? asked.height : 800;
        double dpi = asked.dpi ? asked.dpi : 96;
        tall = (unsigned)h_png;
        if (n_about > 0 && (size_t)n_about < sizeof about)
            snprintf(about + n_about, sizeof about - (size_t)n_about,
                     "\n\nTaller than asked: at %ux%u pixels (%.3g pt text at %.0f dpi) the %zu\n"
                     "rows would be under a line of text high each, their tick labels running\n"
                     "into each other; so this figure is %u pixels high (%.2g in), every row\n"
                     "kept and the text as asked.",
                     (unsigned)w, (unsigned)h, fontpt, dpi, ns, tall, tall / dpi);
    }
    satstat__dp_header(c, r, head, about);
    if (tall) {
        c->g.o.height = tall;
        c->g.o.font_size = fontpt;
    }
    output_section(c);
    if (tall) {
        char why[96];
        snprintf(why, sizeof why, "its %zu rows of panels need it at %.3g pt text", ns, fontpt);
        satstat__fig_taller_note(&c->g, asked.height ? asked.height : 800, why);
    }
    satstat__dp_style_named(c, r);
    /* (the bars opaque, in the colours of the schemes' lines elsewhere:
     * at 60 % on white normal:0.01's colour and he-normal's green were two
     * pastels of one hue) */
    /* A row shares φ's range as its axis when φ is bounded; an unbounded φ
     * (relu) gets an axis per panel, since its scale can grow by orders of
     * magnitude from layer to layer.  A display bin is the union of g whole
     * fine bins of the sampled histogram (SATSTAT_DEEP_HIST_BINS over the
     * layer's own [a_lo, a_hi]): regrouping fine bins by their centres onto
     * an unrelated grid would give display bins alternately 1 and 2 fine
     * bins wide, a 2:1 comb.  Bins of different layers then differ in width,
     * so the height is a density (fraction of units per unit of φ). */
    out(c, "\n# ---- data: per scheme and layer, bin centre, density, bin width ----------\n"
           "# (each bin the union of whole bins of the sampled %u-bin histogram; a point\n"
           "# mass of phi at phi(0) in $zeroS_K as phi(0), its probability, and taken\n"
           "# out of its bin)\n",
        (unsigned)SATSTAT_DEEP_HIST_BINS);
    panel_hist hist[SATSTAT_MAX_SCHEMES][MAX_PANELS];
    for (size_t s = 0; s < ns; s++) {
        for (size_t k = 0; k < nl; k++) {
            hist[s][k] = activation_hist(c, cfg, satstat_deep_report_layer(r, s, lw[k]), s, k,
                                         bounded, p0, p1);
        }
    }
    /* A row of a bounded φ (its panels on one x axis, φ's range) on one y
     * range too, so that its layers compare at a glance (figure review
     * 18, N7), every row: tanh's he-normal kept its own ranges (1.8 at
     * layer 1 against 0.57 at layers 3 and 5, whose centre density of
     * 0.5 then drew taller than layer 1's 0.3: figure review 19, S3).
     * Sharing lowers layer 5's bars from 34 px to 9 px high at 1280 x 800
     * (59 to 17 px at 3.5 in): thin, but their heights are then true
     * against layer 1's, the comparison the row is for.  Not relu's rows, whose x axes
     * differ by orders of magnitude and so do the densities' units. */
    for (size_t s = 0; bounded && s < ns; s++) {
        double hi = 0;
        for (size_t k = 0; k < nl; k++)
            if (!hist[s][k].spike)
                hi = fmax(hi, hist[s][k].ytop);
        for (size_t k = 0; k < nl; k++)
            if (!hist[s][k].spike && hist[s][k].ytop > 0)
                hist[s][k].ytop = hi;
    }
    out(c, "\n# ---- layout: %zu rows (schemes) x %zu columns (layers), legend below -----\n", ns,
        nl);
    satstat__fig_layout_column(&c->g, 0, 0);
    out(c, "plot_right = 0.985 - 2 * char_width             # no legend column: the panels take the width\n"
           "legend_top = 0.02 + %.4g * line_height           # the legend: rows below the panels\n",
        legend_room);
    out(c, "bottom = legend_top + 3.1 * line_height\n"
           "top = top - 1.8 * line_height                   # the columns' titles over the y factors, the y axes' \"density\"\n");
    satstat__fig_layout_grid(&c->g, nl, ns, 10, ROW_GAP_LINES);
    satstat__fig_multiplot_title(&c->g, head, 0);
    out(c, "unset key\n");
    double drawn_lines = panel_lines < 2 ? MIN_PANEL_LINES : panel_lines;
    for (size_t s = 0; s < ns; s++) {
        /* one notation a row: when a panel of the row writes a factor on
         * an axis, its neighbours write one there too rather than "1000"
         * (figure review 19, S2) */
        int row_factored[2] = {0, 0};
        for (size_t k = 0; k < nl; k++) {
            axis_ticks t;
            if (panel_x_ticks(&hist[s][k], 0, &t) && t.factor[0])
                row_factored[0] = 1;
            if (panel_y_ticks(&hist[s][k], drawn_lines, 0, &t) && t.factor[0])
                row_factored[1] = 1;
        }
        for (size_t k = 0; k < nl; k++) {
            activation_panel(c, cfg, satstat_deep_report_layer(r, s, lw[k]), &hist[s][k], s, k, ns,
                             lw[k], name, drawn_lines, row_factored);
        }
    }
    out(c, "unset title\nunset label\nunset arrow\n");
    satstat__fig_rule(&c->g, "legend: rows of their own below the panels");
    satstat__fig_legend_panel(&c->g, &key, "plot_left", "legend_top", "unset colorbox\n");
    c->g.o = asked;
}

/* ---- files ---------------------------------------------------------------------*/

typedef struct fig {
    char name[SATSTAT_PLOT_NAME_SIZE];
    int kind; /* 0 density (arg scheme), 1..3 quantity, 4 phase, 5 activations (arg report),
                 6 correlation, 7 c-map, 8 ξ_c over the phase diagram, 9 Jacobian */
    size_t arg;
} fig;

/* The figures of runs of configs[0..n-1] (the preset: one per activation),
 * with the phase diagram when `phase`. */
static size_t list_figures(const satstat_config *const *configs, size_t n, int phase,
                           int preset, const satstat_deep_options *deep, fig *figs, size_t max)
{
    size_t k = 0;
    char w[SATSTAT_SPEC_SIZE];
    if (preset) {
        for (size_t i = 0; i < n && k < max; i++) {
            satstat__file_word(configs[i]->activation->name, w, sizeof w);
            snprintf(figs[k].name, sizeof figs[k].name, "deep-activations-%s", w);
            figs[k].kind = 5;
            figs[k++].arg = i;
        }
        return k;
    }
    for (size_t s = 0; s < configs[0]->n_schemes && k < max; s++) {
        satstat__file_word(configs[0]->schemes[s].canonical, w, sizeof w);
        snprintf(figs[k].name, sizeof figs[k].name, "deep-density-%s", w);
        figs[k].kind = 0;
        figs[k++].arg = s;
    }
    static const char *const names[] = {"deep-variance", "deep-saturation", "deep-gradient"};
    for (int q = 0; q < 3 && k < max; q++) {
        snprintf(figs[k].name, sizeof figs[k].name, "%s", names[q]);
        figs[k].kind = q + 1;
        figs[k++].arg = 0;
    }
    /* the depth figures (deep_plot_depth.c), from what the run measured */
    static const struct {
        const char *name;
        int kind;
    } depth[] = {{"deep-correlation", 6}, {"deep-cmap", 7}, {"deep-jacobian", 9},
                 {"deep-phase", 4},       {"deep-phase-xi", 8}};
    for (size_t i = 0; i < sizeof depth / sizeof depth[0] && k < max; i++) {
        int kind = depth[i].kind;
        int wanted = kind == 6 || kind == 7 ? deep && deep->pair
                     : kind == 9            ? deep && deep->jacobian
                                            : phase;
        if (!wanted)
            continue;
        snprintf(figs[k].name, sizeof figs[k].name, "%s", depth[i].name);
        figs[k].kind = kind;
        figs[k++].arg = 0;
    }
    return k;
}

#define MAX_FIGS (SATSTAT_MAX_SCHEMES + 8)

/* The run's figures as a set of the toolkit (figure-int.h). */
typedef struct deep_set {
    ctx c;
    fig figs[MAX_FIGS];
    size_t nf;
} deep_set;

static const char *set_name(void *arg, size_t i, char *buf, size_t size)
{
    const deep_set *d = arg;
    snprintf(buf, size, "%s", d->figs[i].name);
    return buf;
}

static int set_write(void *arg, size_t i, const char *dir, FILE *f)
{
    deep_set *d = arg;
    ctx *c = &d->c;
    const fig *g = &d->figs[i];
    satstat__c_locale cn;
    satstat__c_locale_enter(&cn);
    if (c->g.err != SATSTAT_OK)
        return c->g.err; /* the options did not check */
    c->g.f = f;
    c->g.legend_below = 0; /* (each figure says its own) */
    c->g.legend_max_cols = 0;
    c->g.name = g->name;
    c->g.dir = dir;
    switch (g->kind) {
    case 0:
        fig_density(c, g->arg);
        break;
    case 1:
    case 2:
    case 3:
        fig_against_layer(c, (quantity)(g->kind - 1));
        break;
    case 4:
        satstat__dp_fig_phase(c);
        break;
    case 6:
        satstat__dp_fig_correlation(c);
        break;
    case 7:
        satstat__dp_fig_cmap(c);
        break;
    case 8:
        satstat__dp_fig_phase_xi(c);
        break;
    case 9:
        satstat__dp_fig_jacobian(c);
        break;
    default:
        fig_activations(c, g->arg);
        break;
    }
    satstat__c_locale_leave(&cn);
    if (c->g.err == SATSTAT_OK && ferror(f))
        c->g.err = SATSTAT_EIO;
    return c->g.err;
}

/* The set of the figures of `reports` (and `phase`, or the preset's), in d. */
static satstat__figure_set make_set(deep_set *d, const satstat_deep_report *const *reports,
                                    size_t n, const satstat_deep_phase *phase, int preset,
                                    const satstat_plot_options *options)
{
    memset(d, 0, sizeof *d);
    d->c.r = reports;
    d->c.n = n;
    d->c.phase = phase;
    d->c.preset = preset;
    if (satstat__fig_options(options, &d->c.g.o) != SATSTAT_OK)
        d->c.g.err = SATSTAT_EINVAL; /* set_write reports it */
    const satstat_config *configs[MAX_FIGS];
    for (size_t i = 0; i < n && i < MAX_FIGS; i++)
        configs[i] = satstat_deep_report_config(reports[i]);
    d->nf = list_figures(configs, n < MAX_FIGS ? n : MAX_FIGS, phase != NULL, preset,
                         satstat_deep_report_options(reports[0]), d->figs, MAX_FIGS);
    satstat__figure_set set = {d->nf, set_name, set_write, d, options};
    return set;
}

int satstat_deep_plot_write_figures(const satstat_deep_report *const *reports, size_t n,
                                    const satstat_deep_phase *phase, int preset,
                                    satstat_txn_dir *dir, const satstat_plot_options *options,
                                    char *msg, size_t msg_size)
{
    if (msg && msg_size)
        msg[0] = '\0';
    if (!reports || n == 0 || !reports[0] || !dir)
        return SATSTAT_EINVAL;
    deep_set d;
    satstat__figure_set set = make_set(&d, reports, n, phase, preset, options);
    return satstat__fig_write_set(&set, dir, msg, msg_size);
}

int satstat_deep_plot_render_figures(const satstat_deep_report *const *reports, size_t n,
                                     const satstat_deep_phase *phase, int preset,
                                     satstat_txn_dir *dir, satstat_render_format format,
                                     const char *program, char *msg, size_t msg_size)
{
    if (msg && msg_size)
        msg[0] = '\0';
    if (!reports || n == 0 || !reports[0] || !dir || format == SATSTAT_RENDER_NONE)
        return SATSTAT_EINVAL;
    deep_set d;
    satstat__figure_set set = make_set(&d, reports, n, phase, preset, NULL);
    return satstat__fig_render_set(&set, dir, format, program, msg, msg_size);
}

int satstat_deep_plot_write_dir(const satstat_deep_report *const *reports, size_t n,
                                const satstat_deep_phase *phase, int preset, const char *dir,
                                const satstat_plot_options *options, char *msg, size_t msg_size)
{
    if (!reports || n == 0 || !reports[0] || !dir || !*dir)
        return SATSTAT_EINVAL;
    deep_set d;
    satstat__figure_set set = make_set(&d, reports, n, phase, preset, options);
    return satstat__fig_write_set_dir(&set, dir, msg, msg_size);
}

int satstat_deep_plot_render_dir(const satstat_deep_report *const *reports, size_t n,
                                 const satstat_deep_phase *phase, int preset, const char *dir,
                                 satstat_render_format format, const char *program, char *msg,
                                 size_t msg_size)
{
    if (!reports || n == 0 || !reports[0] || !dir || format == SATSTAT_RENDER_NONE)
        return SATSTAT_EINVAL;
    deep_set d;
    satstat__figure_set set = make_set(&d, reports, n, phase, preset, NULL);
    return satstat__fig_render_set_dir(&set, dir, format, program, msg, msg_size);
}

size_t satstat_deep_plot_names(const satstat_config *const *configs, size_t n, int phase,
                               int preset, const satstat_deep_options *deep,
                               char (*names)[SATSTAT_PLOT_NAME_SIZE], size_t max)
{
    fig figs[MAX_FIGS];
    if (!configs || n == 0)
        return 0;
    size_t nf = list_figures(configs, n < MAX_FIGS ? n : MAX_FIGS, phase, preset, deep, figs,
                             MAX_FIGS);
    for (size_t i = 0; i < nf && i < max; i++)
        memcpy(names[i], figs[i].name, sizeof figs[i].name);
    return nf;
}
