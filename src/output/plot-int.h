/* plot-int.h — what the files of a run's figures share (plot.c: the view
 * of a report, the layers and legend, the sections every script has, the
 * data blocks and the entry points; plot_density.c, plot_compare.c,
 * plot_activation.c, plot_saturation.c, plot_reference.c: figures 1 to 5).
 * Private to the library. */
#ifndef SATSTAT_PLOT_INT_H
#define SATSTAT_PLOT_INT_H

#include <stddef.h>
#include <stdint.h>

#include <satstat/activation.h>
#include <satstat/analytic.h>
#include <satstat/parse.h>
#include <satstat/report.h>
#include <satstat/stats.h>

#include "output/figure-int.h"

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

#define MAX_ELEMS 128   /* 16 schemes x 6 layers of fig4 (a sampled 0: its bar and its mark), and the legend rows */
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


/* ---- the view, the numbers, the layers and the sections (plot.c) ---- */

void satstat__pl_assign(ctx *c, const char *fmt, ...) SATSTAT__PRINTF_LIKE(2, 3);
const char *satstat__pl_num(double x, char buf[SATSTAT_DOUBLE_SIZE]);
const char *satstat__pl_num_up(double x, char buf[SATSTAT_DOUBLE_SIZE]);
const char *satstat__pl_num3(double x, char buf[SATSTAT_DOUBLE_SIZE]);
const char *satstat__pl_num6(double x, char buf[SATSTAT_DOUBLE_SIZE]);
double satstat__pl_axis_of(const sview *v, double T);
int satstat__pl_all_constant(const ctx *c);
int satstat__pl_any_sampled(const ctx *c);
/* The number panel's rows: "formula, sampled:", then per scheme its name,
 * the formula's value and, when sampled, the sample's (3 digits each).
 * With a heading `what` (markup), the same numbers again for a legend
 * below a small plot (satstat__pl_below_only, which leaves the column's
 * text rows out): "what, formula, sampled:" and the schemes on one row
 * ("standard 0.0178, 0.0178; scaled 0.193, 0.193"), or a row each when
 * that is long; NULL: none below.  `sampled` NULL: the formula's alone. */
void satstat__pl_formula_rows(ctx *c, double (*formula)(const sview *v),
                              double (*sampled)(const sview *v), const char *what);
const char *satstat__pl_law_word(const sview *v);
/* The word before the law in a legend row (fig1, fig2): "formula" for a
 * law that is the formula's, "approx." for an approximation; one word in
 * every figure for the same object (figure review 8, S8: fig1's
 * "formula N(0, σ² = 501)" was fig2's "exact N(0, σ² = 501)", the sweeps'
 * "lines: formula"). */
const char *satstat__pl_formula_word(const sview *v);
const char *satstat__pl_num_law(double x, char buf[SATSTAT_DOUBLE_SIZE]);
void satstat__pl_law_text(const sview *v, char *buf, size_t size);
/* Scheme v's saturated fraction by formula, and in its sample (NaN when
 * not sampled) */
double satstat__pl_formula_fraction(const sview *v);
double satstat__pl_sampled_fraction(const sview *v);
satstat_interval satstat__pl_proportion_ci(uint64_t k, uint64_t n, double alpha);
void satstat__pl_level_text(double alpha, char *buf, size_t size);
void satstat__pl_add(ctx *c, const char *src, const char *title, const char *style, ...)
    SATSTAT__PRINTF_LIKE(4, 5);
void satstat__pl_mark_tex(ctx *c);
void satstat__pl_text_line(ctx *c, const char *fmt, ...) SATSTAT__PRINTF_LIKE(2, 3);
void satstat__pl_below_only(ctx *c);
void satstat__pl_region_probability_lines(ctx *c, const char *suffix);
void satstat__pl_plot_layers(ctx *c);
void satstat__pl_legend_panel(ctx *c);
void satstat__pl_fit_half(ctx *c, int panels, char *note, size_t size);
void satstat__pl_header(ctx *c, const char *headline, const char *const *about, size_t lines);
void satstat__pl_output_section(ctx *c);
size_t satstat__pl_series_slot(const ctx *c, size_t i);
void satstat__pl_style_section(ctx *c, size_t styled);
void satstat__pl_layout_section(ctx *c, int panels, int right_axis);
void satstat__pl_shade_layer(ctx *c);
void satstat__pl_assign_region(ctx *c);
void satstat__pl_region_legend(ctx *c, char *buf, size_t size);
void satstat__pl_panel(ctx *c, int panels, int which);
void satstat__pl_ticks(ctx *c, const char *xlo, const char *xhi, const char *ylo, const char *yhi);
void satstat__pl_multiplot_title_as(ctx *c, const char *title, int tex);
void satstat__pl_multiplot_title(ctx *c, const char *title);
size_t satstat__pl_merge_factor(const sview *v);
double satstat__pl_hist_peak(const ctx *c, size_t i, double lo, double hi);
double satstat__pl_pdf_peak(const ctx *c, size_t i, double lo, double hi);
void satstat__pl_hist_block(ctx *c, size_t i);
void satstat__pl_pdf_block(ctx *c, size_t i, double lo, double hi);
void satstat__pl_mass_block(ctx *c, size_t i);
size_t satstat__pl_merged_grid(double a0, double a1, int n0, double b0, double b1, int n1,
                          double **grid);

/* ---- the figures, one file each ---- */

void satstat__pl_fig_density(ctx *c, size_t i);
void satstat__pl_fig_compare(ctx *c);
void satstat__pl_fig_activation(ctx *c);
void satstat__pl_fig_saturation(ctx *c);
void satstat__pl_fig_normal(ctx *c);

#endif
