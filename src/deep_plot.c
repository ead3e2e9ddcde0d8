/* deep_plot.c — gnuplot figures of `satstat deep` (satstat/deep.h).
 *
 * One self-contained script per figure with inline datablocks, written
 * with the figure toolkit (figure-int.h) that run's and sweep's figures
 * use: the same palette, fonts, legend column, quoting and folder writing.
 */
#include <satstat/deep.h>

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <satstat/error.h>

#include "figure-int.h"
#include "satstat_version.h"

#define MAX_PANELS 10     /* layers shown in the small multiples        */
#define CURVE_POINTS 200
#define DISPLAY_BINS 40   /* preset histograms: about this many bins per panel */

typedef struct ctx {
    satstat__fig g; /* the script: stream, name, folder, options, error */
    const satstat_deep_report *const *r;
    size_t n;
    const satstat_deep_phase *phase;
} ctx;

/* The toolkit's writers (figure-int.h) on this figure's script. */
#define out(c, ...) satstat__fig_out(&(c)->g, __VA_ARGS__)
#define qstr(c, text) satstat__fig_qstr(&(c)->g, text)

/* ---- shared sections ---------------------------------------------------------*/

static void header(ctx *c, const satstat_deep_report *r, const char *headline,
                   const char *about)
{
    char cmd[4096];
    if (satstat_deep_report_command(r, cmd, sizeof cmd) != SATSTAT_OK) {
        satstat__fig_fail(&c->g, SATSTAT_ERANGE);
        return;
    }
    satstat__fig_header(&c->g, headline, about, cmd);
}

static void output_section(ctx *c)
{
    satstat__fig_output_section(&c->g);
    out(c, "smallfont = sprintf('DejaVu Sans,%%.3g', 12 * scale)   # panel titles\n");
}

static void style_section(ctx *c, size_t styled)
{
    satstat__fig_style_begin(&c->g, styled, NULL);
    out(c, "set style fill transparent solid 0.35 noborder\n");
    satstat__fig_style_end(&c->g);
}

/* The legend column: rows of (style, title), a panel of its own. */
typedef struct row {
    char style[160];
    char title[128];
    int tex; /* the title is enhanced-text markup */
} row;

static void legend_panel(ctx *c, const row *rows, size_t n, double column)
{
    satstat__legend key;
    key.n = 0;
    for (size_t i = 0; i < n; i++) {
        satstat__legend_row(&key, rows[i].style, "%s", rows[i].title);
        if (rows[i].tex)
            satstat__legend_tex(&key);
    }
    char col[32];
    snprintf(col, sizeof col, "%.4f", column);
    satstat__fig_rule(&c->g, "legend: a panel of its own right of the plots");
    satstat__fig_legend_panel(&c->g, &key, col, "0.9",
                              "unset title\nunset logscale\nunset colorbox\n");
}

/* The column where the legend starts, from its longest row (the layout
 * of satstat__fig_layout_column, at the default size). */
static double column_for(const row *rows, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = satstat__utf8_length(rows[i].title);
        if (k > m)
            m = k;
    }
    double col = 0.985 - 0.07 - (double)m * 0.0097;
    return col < 0.55 ? 0.55 : col;
}

static const satstat_deep_layer *layer_of(ctx *c, size_t s, uint64_t l)
{
    return satstat_deep_report_layer(c->r[0], s, l);
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

/* 1, 2 or 5 times a power of ten, about span/4 */
static double nice_step(double span)
{
    if (!(span > 0) || !isfinite(span))
        return 1;
    double raw = span / 4, p = pow(10, floor(log10(raw))), m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

/* the smallest 1, 2 or 5 times a power of ten not below x */
static double nice_step_at_least(double x)
{
    if (!(x > 0) || !isfinite(x))
        return 1;
    double p = pow(10, floor(log10(x)));
    double m = x / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/* ---- per-layer densities of z ------------------------------------------------*/

static void fig_density(ctx *c, size_t s)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_config *cfg = satstat_deep_report_config(r);
    const satstat_deep_options *o = satstat_deep_report_options(r);
    char head[256];
    snprintf(head, sizeof head, "densities of z, layer by layer, scheme %s (%s)",
             cfg->schemes[s].canonical, cfg->activation->name);
    header(c, r, head,
           "Small multiples, one panel per layer: the histogram of z over every unit of\n"
           "every sampled network (filled), and the mean-field law N(mu_b, q^l) (line).");
    output_section(c);
    style_section(c, 1);
    uint64_t which[MAX_PANELS];
    size_t np = panels_of(o->layers, which);
    out(c, "\n# ---- data: per layer, bin centre, density (histogram), and the mean-field density\n");
    for (size_t k = 0; k < np; k++) {
        const satstat_deep_layer *ly = layer_of(c, s, which[k]);
        uint64_t total = ly->z_under + ly->z_over;
        for (size_t b = 0; b < SATSTAT_DEEP_HIST_BINS; b++)
            total += ly->z_hist[b];
        double bw = (ly->z_hi - ly->z_lo) / SATSTAT_DEEP_HIST_BINS;
        out(c, "$hist%zu << EOD\n", k + 1);
        for (size_t b = 0; b < SATSTAT_DEEP_HIST_BINS; b++)
            out(c, "%.9g %.9g\n", ly->z_lo + (b + 0.5) * bw,
                total ? (double)ly->z_hist[b] / ((double)total * bw) : 0.0);
        out(c, "EOD\n$mf%zu << EOD\n", k + 1);
        double sd = sqrt(ly->mf_variance);
        for (int i = 0; i <= CURVE_POINTS; i++) {
            double z = ly->z_lo + (ly->z_hi - ly->z_lo) * i / CURVE_POINTS;
            double u = (z - ly->mf_mean) / sd;
            out(c, "%.9g %.9g\n", z, isfinite(sd) && sd > 0 ? exp(-u * u / 2) / (sd * 2.5066282746310002) : 0.0);
        }
        out(c, "EOD\n");
    }
    row rows[3];
    memset(rows, 0, sizeof rows);
    snprintf(rows[0].style, sizeof rows[0].style, "with boxes linetype 1 fillstyle transparent solid 0.35");
    snprintf(rows[0].title, sizeof rows[0].title, "sampled z");
    snprintf(rows[1].style, sizeof rows[1].style, "with lines linecolor rgb '#000000' linewidth 2.5 dashtype 1");
    snprintf(rows[1].title, sizeof rows[1].title, "mean field N(μ_{b}, q^{l})");
    rows[1].tex = 1;
    snprintf(rows[2].style, sizeof rows[2].style, "with lines linetype nodraw");
    snprintf(rows[2].title, sizeof rows[2].title, "%s, %s, %llu x %llu units",
             cfg->schemes[s].canonical, cfg->activation->name, (unsigned long long)o->networks,
             (unsigned long long)o->width);
    double column = column_for(rows, 3);
    size_t cols = np <= 4 ? np : (np + 1) / 2, nrow = (np + cols - 1) / cols;
    out(c, "\n# ---- layout: %zu x %zu panels left of the legend column ----------------------\n",
        nrow, cols);
    out(c, "set multiplot title ");
    qstr(c, head);
    out(c, "\nunset key\nset format y ''   # densities: the shapes matter, not the heights\n"
           "set xtics font smallfont\nset ytics font smallfont\n");
    double left = 0.07, right = column - 0.02, top = 0.88, bottom = 0.08;
    double pw = (right - left) / (double)cols, ph = (top - bottom) / (double)nrow;
    for (size_t k = 0; k < np; k++) {
        const satstat_deep_layer *ly = layer_of(c, s, which[k]);
        size_t ci = k % cols, ri = k / cols;
        out(c, "\n# layer %llu: sampled Var z %.4g, mean field q %.4g\n",
            (unsigned long long)which[k], ly->variance.value, ly->mf_variance);
        out(c, "set lmargin at screen %.4f\nset rmargin at screen %.4f\n", left + ci * pw + 0.025,
            left + (ci + 1) * pw - 0.01);
        out(c, "set tmargin at screen %.4f\nset bmargin at screen %.4f\n", top - ri * ph - 0.04,
            top - (ri + 1) * ph + 0.07);
        out(c, "set title 'layer %llu' font smallfont offset 0,-0.6\n",
            (unsigned long long)which[k]);
        out(c, "set xrange [%.9g:%.9g]\nset yrange [0:*]\nset xtics %.6g format '%%g'\n", ly->z_lo,
            ly->z_hi, 2 * nice_step(ly->z_hi - ly->z_lo));
        out(c, "plot $hist%zu using 1:2 with boxes linetype 1 fillstyle transparent solid 0.35 notitle, \\\n"
               "     $mf%zu using 1:2 with lines linecolor rgb '#000000' linewidth 2.5 dashtype 1 notitle\n",
            k + 1, k + 1);
    }
    out(c, "unset title\n");
    legend_panel(c, rows, 3, column);
}

/* ---- quantity against layer -------------------------------------------------*/

typedef enum quantity { Q_VARIANCE, Q_SATURATION, Q_GRADIENT } quantity;

static void get_q(const satstat_deep_layer *ly, quantity q, double *mf, double *v, double *lo,
                  double *hi)
{
    const satstat_deep_estimate *e = q == Q_VARIANCE    ? &ly->variance
                                     : q == Q_SATURATION ? &ly->saturated_fraction
                                                         : &ly->gradient_norm;
    *mf = q == Q_VARIANCE ? ly->mf_variance
          : q == Q_SATURATION ? ly->mf_saturated_fraction
                              : ly->mf_gradient_norm;
    *v = q == Q_GRADIENT ? ly->gradient_norm_rms : e->value;
    *lo = e->lo;
    *hi = e->hi;
    if (q == Q_GRADIENT && isfinite(e->lo)) {
        /* the interval of the mean norm, moved to the RMS point */
        *lo = *v - (e->value - e->lo);
        *hi = *v + (e->hi - e->value);
    }
}

static void fig_against_layer(ctx *c, quantity q)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_config *cfg = satstat_deep_report_config(r);
    const satstat_deep_options *o = satstat_deep_report_options(r);
    size_t ns = satstat_deep_report_scheme_count(r);
    static const char *const heads[] = {"Var z against layer: sampled and mean field",
                                        "saturated fraction against layer",
                                        "gradient norm against layer (log axis)"};
    static const char *const ylabels[] = {"Var z", "saturated fraction", "‖δ^{l}‖"};
    static const char *const abouts[] = {
        "Points: the sampled Var z of each layer (mean over networks of the variance over\n"
        "its units) with 1 - alpha bars across networks (on the log scale).  Lines: the\n"
        "mean-field length map q^l (Poole et al. 2016, eq. 3), approached as W grows.",
        "Points: the sampled fraction of units in the saturated region, with bars across\n"
        "networks.  Lines: P(z in region) for z ~ N(mu_b, q^l).",
        "Points: the RMS norm of the back-propagated gradient delta^l (delta^L = phi'(z^L)*g,\n"
        "g a random unit vector), with bars across networks.  Lines: the mean-field\n"
        "prediction, a factor sqrt(chi) per layer (Schoenholz et al. 2017): vanishing\n"
        "gradients fall towards layer 1, exploding ones rise."};
    header(c, r, heads[q], abouts[q]);
    output_section(c);
    style_section(c, ns);
    double ymin = INFINITY, ymax = -INFINITY;
    int zeros = 0; /* a layer where no unit of any network was saturated */
    out(c, "\n# ---- data: layer, sampled, interval low, high, mean field -----------------\n");
    for (size_t s = 0; s < ns; s++) {
        out(c, "$s%zu << EOD\n", s + 1);
        for (uint64_t l = 1; l <= o->layers; l++) {
            double mf, v, lo, hi;
            get_q(layer_of(c, s, l), q, &mf, &v, &lo, &hi);
            if (!isfinite(lo)) {
                lo = v;
                hi = v;
            }
            out(c, "%llu %.9g %.9g %.9g %.9g\n", (unsigned long long)l, v, lo, hi, mf);
            zeros |= v == 0;
            double vals[] = {v, lo, hi, mf};
            for (int k = 0; k < 4; k++)
                if (isfinite(vals[k]) && vals[k] > 0) {
                    ymin = fmin(ymin, vals[k]);
                    ymax = fmax(ymax, vals[k]);
                }
        }
        out(c, "EOD\n");
    }
    /* a log axis for the norm, and for Var z or the saturated fraction when
     * their positive values span decades (a saturated fraction of 5e-4
     * beside 0.86 would sit on zero of a linear axis, its bars unseen);
     * like the sweep figures (src/sweep.c), values of 0 are then not drawn */
    int logy = q == Q_GRADIENT || (q == Q_VARIANCE && ymin > 0 && ymax / ymin > 20)
               || (q == Q_SATURATION && satstat__fig_log_y(&c->g, ymin, ymax));
    row rows[2 * SATSTAT_MAX_SCHEMES + 3];
    memset(rows, 0, sizeof rows);
    size_t nr = 0;
    for (size_t s = 0; s < ns; s++) {
        snprintf(rows[nr].style, sizeof rows[nr].style, "with points linetype %zu", s + 1);
        snprintf(rows[nr].title, sizeof rows[0].title, "%s sampled", cfg->schemes[s].canonical);
        nr++;
        snprintf(rows[nr].style, sizeof rows[nr].style, "with lines linetype %zu", s + 1);
        const satstat_deep_fixed_point *fp = satstat_deep_report_fixed_point(r, s, NULL);
        if (fp->finite)
            snprintf(rows[nr].title, sizeof rows[0].title, "  mean field (χ₁ %.3g, %s)",
                     fp->chi1, satstat_deep_regime_name(fp->regime));
        else
            snprintf(rows[nr].title, sizeof rows[0].title, "  mean field (no q*, %s)",
                     satstat_deep_regime_name(fp->regime));
        nr++;
    }
    /* on a log axis a sampled 0 is drawn open at the floor, its bar up to
     * the interval's upper end, rather than left out */
    int floor_marks = logy && zeros && isfinite(ymin) && ymin > 0;
    if (floor_marks) {
        snprintf(rows[nr].style, sizeof rows[nr].style,
                 "with points linecolor rgb '#000000' pointtype 6 pointsize 1.3");
        snprintf(rows[nr].title, sizeof rows[0].title, "open, at the floor: sampled 0");
        nr++;
    }
    snprintf(rows[nr].style, sizeof rows[nr].style, "with lines linetype nodraw");
    snprintf(rows[nr].title, sizeof rows[0].title, "%s, W = %llu, R = %llu",
             cfg->activation->name, (unsigned long long)o->width,
             (unsigned long long)o->networks);
    nr++;
    double column = column_for(rows, nr);
    out(c, "\n# ---- layout and axes -----------------------------------------------------\n");
    out(c, "set multiplot title ");
    qstr(c, heads[q]);
    out(c, "\nunset key\n");
    out(c, "set lmargin at screen 0.11\nset rmargin at screen %.4f\n"
           "set tmargin at screen 0.88\nset bmargin at screen 0.12\n",
        column - 0.03);
    out(c, "set xlabel 'layer'\nset ylabel '%s'\n", ylabels[q]);
    out(c, "set xrange [0.5:%g]\nset xtics 1\n", (double)o->layers + 0.5);
    if (o->layers > 20)
        out(c, "set xtics %llu\n", (unsigned long long)((o->layers + 9) / 10));
    if (logy) {
        out(c, "set logscale y\nset format y '%%g'\n");
        if (isfinite(ymin) && ymin > 0)
            out(c, "set yrange [%.6g:%.6g]\n", ymin / 2, ymax * 2);
    } else if (q == Q_SATURATION) {
        out(c, "set yrange [0:%.6g]\n", isfinite(ymax) && ymax > 0 ? fmin(1.0, ymax * 1.15) : 1.0);
    } else {
        out(c, "set yrange [0:*]\n");
    }
    if (floor_marks)
        out(c, "yfloor = %.6g   # the foot of the log axis: sampled zeros go here\n", ymin / 2);
    out(c, "plot ");
    for (size_t s = 0; s < ns; s++) {
        out(c, "%s$s%zu using 1:5 with lines linetype %zu notitle, \\\n"
               "     $s%zu using 1:2:3:4 with yerrorbars linetype %zu dashtype 1 notitle",
            s ? ", \\\n     " : "", s + 1, s + 1, s + 1, s + 1);
        if (floor_marks) {
            int pt = satstat__point_types[s % SATSTAT__PALETTE_SIZE];
            out(c, ", \\\n     $s%zu using 1:($2 > 0 ? NaN : yfloor):(yfloor):4 with yerrorbars "
                   "linetype %zu dashtype 1 pointtype %d notitle",
                s + 1, s + 1, pt % 2 ? pt - 1 : pt); /* the open twin of a filled point */
        }
    }
    out(c, "\n");
    legend_panel(c, rows, nr, column);
}

/* ---- the phase diagram ---------------------------------------------------------*/

static void fig_phase(ctx *c)
{
    const satstat_deep_report *r = c->r[0];
    const satstat_config *cfg = satstat_deep_report_config(r);
    const satstat_deep_phase *ph = c->phase;
    size_t ns = satstat_deep_report_scheme_count(r);
    char head[200];
    snprintf(head, sizeof head, "phase diagram of %s networks: χ₁ and q*", cfg->activation->name);
    header(c, r, head,
           "Left: chi1 = sigma_w^2 W E[phi'(z)^2] at the fixed point, over the normalized\n"
           "weight variance sigma_w^2 * fan_in (log axis) and the bias variance sigma_b^2;\n"
           "the black line is chi1 = 1, the edge of chaos (critical; ordered left/below,\n"
           "chaotic right/above).  Right: the fixed point q* (log colour scale; white\n"
           "where the map has no finite fixed point).  The schemes of the run are marked.");
    output_section(c);
    style_section(c, ns);
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
    /* the χ₁ = 1 line: per σ_b² row, the crossing solved by the phase
     * computation (Brent's method, not interpolated across χ₁'s kink) */
    out(c, "$edge << EOD\n");
    for (size_t k = 0; k < ph->ny; k++)
        if (isfinite(ph->critical[k]))
            out(c, "%.9g %.6g\n", log10(ph->critical[k]), ph->y[k]);
    out(c, "EOD\n$schemes << EOD\n");
    double sb2 = satstat_law_variance(&cfg->bias.law);
    for (size_t s = 0; s < ns; s++) {
        double x;
        satstat_deep_report_fixed_point(r, s, &x);
        out(c, "%.6g %.6g %zu\n", log10(x), sb2, s + 1);
    }
    out(c, "EOD\n");
    row rows[SATSTAT_MAX_SCHEMES + 2];
    memset(rows, 0, sizeof rows);
    size_t nr = 0;
    snprintf(rows[nr].style, sizeof rows[nr].style, "with lines linecolor rgb '#000000' linewidth 3 dashtype 1");
    snprintf(rows[nr].title, sizeof rows[0].title, "χ₁ = 1 (edge of chaos)");
    nr++;
    for (size_t s = 0; s < ns; s++) {
        double x;
        satstat_deep_report_fixed_point(r, s, &x);
        snprintf(rows[nr].style, sizeof rows[nr].style,
                 "with points linetype %zu pointsize 2.2 linecolor rgb '%s'", s + 1,
                 satstat__palette[s % SATSTAT__PALETTE_SIZE]);
        snprintf(rows[nr].title, sizeof rows[0].title, "%s (%.3g, %.3g): %s",
                 cfg->schemes[s].canonical, x, sb2,
                 satstat_deep_regime_name(satstat_deep_report_fixed_point(r, s, NULL)->regime));
        nr++;
    }
    double column = column_for(rows, nr);
    double left = 0.07, right = column - 0.02, mid = (left + right) / 2;
    out(c, "\n# ---- layout: two maps side by side, colour bars under them ----------------\n");
    out(c, "set multiplot title ");
    qstr(c, head);
    out(c, "\nunset key\nset tmargin at screen 0.86\nset bmargin at screen 0.3\n");
    out(c, "set xrange [%.6g:%.6g]\nset yrange [%.6g:%.6g]\n", log10(ph->x_lo), log10(ph->x_hi),
        ph->y_lo, ph->y_hi);
    out(c, "set xtics ('0.1' -1, '1' 0, '10' 1, '100' 2, '1000' 3)\n"
           "set mxtics 10\n"
           "set xlabel 'σ@^{2}_{w} × fan-in'\nset ylabel 'σ@^{2}_{b}'\n"
           "set colorbox horizontal user origin screen %.4f, screen 0.12 size screen %.4f, screen 0.03\n",
        left + 0.04, mid - left - 0.08);
    out(c, "set style fill solid 1.0 noborder\n");
    out(c, "set palette defined (0 '#08306B', 0.35 '#6BAED6', 0.5 '#F7F7F7', 0.65 '#FDAE6B', 1 '#7F2704')\n");
    out(c, "set cblabel 'χ₁' offset 0,0.6\nset cbrange [-1.5:1.5]\n"
           "set cbtics ('0.03' -1.5, '0.1' -1, '0.3' -0.5, '1' 0, '3' 0.5, '10' 1, '30' 1.5)\n");
    out(c, "set lmargin at screen %.4f\nset rmargin at screen %.4f\n", left + 0.04, mid - 0.04);
    out(c, "set title 'χ₁ (blue: ordered, white: critical, red: chaotic)' font smallfont\n");
    out(c, "plot $grid using 1:2:3 with image, \\\n"
           "     $edge using 1:2 with lines linecolor rgb '#000000' linewidth 3 dashtype 1 notitle");
    for (size_t s = 0; s < ns; s++)
        out(c, ", \\\n     $schemes every ::%zu::%zu using 1:2 with points linetype %zu pointsize 2.2 "
               "linecolor rgb '%s'", s, s, s + 1, satstat__palette[s % SATSTAT__PALETTE_SIZE]);
    out(c, "\n");
    out(c, "set lmargin at screen %.4f\nset rmargin at screen %.4f\n", mid + 0.04, right);
    out(c, "set colorbox horizontal user origin screen %.4f, screen 0.12 size screen %.4f, screen 0.03\n",
        mid + 0.04, right - mid - 0.04);
    out(c, "set palette defined (0 '#FFF5EB', 0.5 '#FD8D3C', 1 '#7F2704')\n"
           "set cbrange [*:*]\nset cblabel 'log_{10} q*'\nset cbtics auto\nunset ylabel\n"
           "set title 'fixed point q* (log_{10})' font smallfont\n");
    out(c, "plot $grid using 1:2:4 with image, \\\n"
           "     $edge using 1:2 with lines linecolor rgb '#000000' linewidth 3 dashtype 1 notitle");
    for (size_t s = 0; s < ns; s++)
        out(c, ", \\\n     $schemes every ::%zu::%zu using 1:2 with points linetype %zu pointsize 2.2 "
               "linecolor rgb '%s'", s, s, s + 1, satstat__palette[s % SATSTAT__PALETTE_SIZE]);
    out(c, "\n");
    out(c, "unset title\n");
    legend_panel(c, rows, nr, column);
}

/* ---- the preset: histograms of φ(z), schemes in rows, layers in columns ------*/

static void fig_activations(ctx *c, size_t which)
{
    const satstat_deep_report *r = c->r[which];
    const satstat_config *cfg = satstat_deep_report_config(r);
    const satstat_deep_options *o = satstat_deep_report_options(r);
    const satstat_activation *a = cfg->activation;
    size_t ns = satstat_deep_report_scheme_count(r);
    uint64_t lw[MAX_PANELS];
    size_t nl = panels_of(o->layers, lw);
    char head[200];
    snprintf(head, sizeof head,
             "%s activations layer by layer: density of %s(z) (%llu units, N(0,1) inputs)",
             a->name, a->name, (unsigned long long)o->width);
    header(c, r, head,
           "The classic demonstration (e.g. Glorot & Bengio 2010, figs. 3-4; CS231n): the\n"
           "histogram of phi(z) over the units of each layer, one row per weight scale.\n"
           "Too small weights collapse the activations towards phi(0); too large ones\n"
           "saturate them; sqrt(1/n) (and sqrt(2/n) for ReLU) keep them spread.");
    output_section(c);
    style_section(c, ns);
    /* A row shares φ's range as its axis when φ is bounded; an unbounded φ
     * (relu) gets an axis per panel, since its scale can grow by orders of
     * magnitude from layer to layer.  A display bin is the union of g whole
     * fine bins of the sampled histogram (SATSTAT_DEEP_HIST_BINS over the
     * layer's own [a_lo, a_hi]): regrouping fine bins by their centres onto
     * an unrelated grid would give display bins alternately 1 and 2 fine
     * bins wide, a 2:1 comb.  Bins of different layers then differ in width,
     * so the height is a density (fraction of units per unit of φ). */
    double p0 = a->phi(-40), p1 = a->phi(40);
    int bounded = isfinite(p0) && isfinite(p1) && fabs(p0) < 10 && fabs(p1) < 10;
    out(c, "\n# ---- data: per scheme and layer, bin centre, density, bin width ----------\n"
           "# (each bin the union of whole bins of the sampled %u-bin histogram)\n",
        (unsigned)SATSTAT_DEEP_HIST_BINS);
    double xlo[SATSTAT_MAX_SCHEMES][MAX_PANELS], xhi[SATSTAT_MAX_SCHEMES][MAX_PANELS];
    double ytop[SATSTAT_MAX_SCHEMES][MAX_PANELS];
    for (size_t s = 0; s < ns; s++) {
        for (size_t k = 0; k < nl; k++) {
            const satstat_deep_layer *ly = satstat_deep_report_layer(r, s, lw[k]);
            xlo[s][k] = bounded ? fmin(p0, p1) : ly->a_lo;
            xhi[s][k] = bounded ? fmax(p0, p1) : ly->a_hi;
            double fw = (ly->a_hi - ly->a_lo) / SATSTAT_DEEP_HIST_BINS;
            double want = (xhi[s][k] - xlo[s][k]) / DISPLAY_BINS;
            long g = fw > 0 ? lround(want / fw) : 1;
            if (g < 1)
                g = 1;
            if (g > (long)SATSTAT_DEEP_HIST_BINS)
                g = (long)SATSTAT_DEEP_HIST_BINS;
            double total = (double)(ly->a_under + ly->a_over);
            for (size_t b = 0; b < SATSTAT_DEEP_HIST_BINS; b++)
                total += (double)ly->a_hist[b];
            ytop[s][k] = 0;
            out(c, "$h%zu_%zu << EOD\n", s + 1, k + 1);
            if (!(ly->a_hi - ly->a_lo > want)) {
                /* the whole sampled range inside one display bin: one bin
                 * of the display width around it (still holding whole fine
                 * bins only), not a sliver too thin to draw */
                double count = total - (double)(ly->a_under + ly->a_over);
                double density = total > 0 && want > 0 ? count / (total * want) : 0.0;
                ytop[s][k] = density;
                out(c, "%.9g %.9g %.9g\nEOD\n", (ly->a_lo + ly->a_hi) / 2, density, want);
                continue;
            }
            for (size_t b0 = 0; b0 < SATSTAT_DEEP_HIST_BINS; b0 += (size_t)g) {
                size_t b1 = b0 + (size_t)g < SATSTAT_DEEP_HIST_BINS ? b0 + (size_t)g
                                                                   : SATSTAT_DEEP_HIST_BINS;
                double count = 0;
                for (size_t b = b0; b < b1; b++)
                    count += (double)ly->a_hist[b];
                double x0 = ly->a_lo + (double)b0 * fw, width = (double)(b1 - b0) * fw;
                double density = total > 0 && width > 0 ? count / (total * width) : 0.0;
                ytop[s][k] = fmax(ytop[s][k], density);
                out(c, "%.9g %.9g %.9g\n", x0 + width / 2, density, width);
            }
            out(c, "EOD\n");
        }
    }
    row rows[SATSTAT_MAX_SCHEMES + 1];
    memset(rows, 0, sizeof rows);
    size_t nr = 0;
    for (size_t s = 0; s < ns; s++) {
        char desc[SATSTAT_SPEC_SIZE];
        satstat_scheme_describe(&cfg->schemes[s], desc, sizeof desc);
        const satstat_deep_layer *l1 = satstat_deep_report_layer(r, s, o->layers > 1 ? 2 : 1);
        snprintf(rows[nr].style, sizeof rows[nr].style,
                 "with boxes linetype %zu fillstyle solid 0.6", s + 1);
        snprintf(rows[nr].title, sizeof rows[0].title, "%s: std %.3g", cfg->schemes[s].canonical,
                 sqrt(l1->weight_variance));
        nr++;
    }
    double column = column_for(rows, nr);
    out(c, "\n# ---- layout: %zu rows (schemes) x %zu columns (layers) -------------------\n", ns, nl);
    out(c, "set multiplot title ");
    qstr(c, head);
    out(c, "\nunset key\nset xtics font smallfont\nset ytics font smallfont\n");
    /* room at the left for the row labels, in each panel for its y tick labels */
    double left = 0.05, right = column - 0.02, top = 0.88, bottom = 0.1;
    double pw = (right - left) / (double)nl, ph = (top - bottom) / (double)ns;
    for (size_t s = 0; s < ns; s++) {
        for (size_t k = 0; k < nl; k++) {
            out(c, "\n# %s, layer %llu\n", cfg->schemes[s].canonical, (unsigned long long)lw[k]);
            out(c, "set lmargin at screen %.4f\nset rmargin at screen %.4f\n",
                left + k * pw + 0.045, left + (k + 1) * pw - 0.012);
            out(c, "set tmargin at screen %.4f\nset bmargin at screen %.4f\n",
                top - s * ph - 0.02, top - (s + 1) * ph + 0.045);
            if (s == 0)
                out(c, "set title 'layer %llu' font smallfont offset 0,-0.5\n",
                    (unsigned long long)lw[k]);
            else
                out(c, "unset title\n");
            if (k == 0) {
                out(c, "set ylabel ");
                qstr(c, cfg->schemes[s].canonical);
                out(c, " offset -0.5,0\n");
            } else {
                out(c, "unset ylabel\n");
            }
            if (s + 1 == ns) {
                char name[2 * SATSTAT_ACTIVATION_NAME_SIZE];
                satstat__tex_escape(a->name, name, sizeof name);
                out(c, "set xlabel '%s(z)' font smallfont offset 0,0.4\n", name);
            } else
                out(c, "unset xlabel\n");
            double span = xhi[s][k] - xlo[s][k];
            /* at most three x ticks (0, step, 2 step), short labels: they
             * share the panel's width */
            double step = nice_step_at_least(span / 2);
            out(c, "set xrange [%.9g:%.9g]\nset xtics %.6g format '%%.2g'\n", xlo[s][k],
                xhi[s][k], step);
            double yt = ytop[s][k] > 0 ? ytop[s][k] : 1;
            out(c, "set yrange [0:%.6g]\nset ytics %.6g format '%%.2g'\n", yt * 1.05,
                nice_step(yt) * 2);
            out(c, "plot $h%zu_%zu using 1:2:3 with boxes linetype %zu fillstyle solid 0.6 notitle\n",
                s + 1, k + 1, s + 1);
        }
    }
    out(c, "unset title\n");
    legend_panel(c, rows, nr, column);
}

/* ---- files ---------------------------------------------------------------------*/

typedef struct fig {
    char name[SATSTAT_PLOT_NAME_SIZE];
    int kind; /* 0 density (arg scheme), 1..3 quantity, 4 phase, 5 activations (arg report) */
    size_t arg;
} fig;

/* The figures of runs of configs[0..n-1] (the preset: one per activation),
 * with the phase diagram when `phase`. */
static size_t list_figures(const satstat_config *const *configs, size_t n, int phase,
                           int preset, fig *figs, size_t max)
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
    if (phase && k < max) {
        snprintf(figs[k].name, sizeof figs[k].name, "deep-phase");
        figs[k].kind = 4;
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
        fig_phase(c);
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
    if (satstat__fig_options(options, &d->c.g.o) != SATSTAT_OK)
        d->c.g.err = SATSTAT_EINVAL; /* set_write reports it */
    const satstat_config *configs[MAX_FIGS];
    for (size_t i = 0; i < n && i < MAX_FIGS; i++)
        configs[i] = satstat_deep_report_config(reports[i]);
    d->nf = list_figures(configs, n < MAX_FIGS ? n : MAX_FIGS, phase != NULL, preset, d->figs,
                         MAX_FIGS);
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
                               int preset, char (*names)[SATSTAT_PLOT_NAME_SIZE], size_t max)
{
    fig figs[MAX_FIGS];
    if (!configs || n == 0)
        return 0;
    size_t nf = list_figures(configs, n < MAX_FIGS ? n : MAX_FIGS, phase, preset, figs, MAX_FIGS);
    for (size_t i = 0; i < nf && i < max; i++)
        memcpy(names[i], figs[i].name, sizeof figs[i].name);
    return nf;
}
