/* satstat/sweep_plot.h — the figures of a sweep (gnuplot scripts and images).
 *
 * Figures are an optional module: satstat/sweep.h holds the study itself,
 * and only a program that draws includes this header (and with it
 * satstat/plot.h, the figure conventions and the render formats).
 */
#ifndef SATSTAT_SWEEP_PLOT_H
#define SATSTAT_SWEEP_PLOT_H

#include <satstat/export.h>

#include <stddef.h>
#include <stdio.h>

#include <satstat/sweep.h>
#include <satstat/io.h>
#include <satstat/plot.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- figures ------------------------------------------------------------
 * Three gnuplot scripts in the look of satstat/plot.h (inline data, same
 * palette, fonts, legend column and format/output/width/height variables):
 *   sweep-variance.gp            Var z against the parameter,
 *   sweep-saturated-fraction.gp  P(z saturated) against the parameter,
 *   sweep-activation-derivative.gp  E[φ'(z)] against the parameter;
 * log x for a `log` sweep; log y for the first two when the values span
 * more than two decades (sampled zeros are then left out); per scheme the
 * formula as a curve (evaluated on a fine grid between the ends) and the
 * sampled points with 1 − alpha bars. */
#define SATSTAT_SWEEP_FIGURES 3u

/* The file name of figure i without directory or extension. */
SATSTAT_API const char *satstat_sweep_plot_name(size_t i);

/* Figure i as a gnuplot script onto out.  options may be NULL; dir is
 * only recorded in the header (may be NULL). */
SATSTAT_API int satstat_sweep_plot_write(const satstat_sweep *sweep, size_t i,
                                         const satstat_plot_options *options,
                                         const char *dir, FILE *out);

/* Every script into dir (created with missing parents), all or none. */
SATSTAT_API int satstat_sweep_plot_write_dir(const satstat_sweep *sweep, const char *dir,
                                             const satstat_plot_options *options,
                                             char *msg, size_t msg_size);

/* Render the scripts in dir to <name>.<format> (program NULL: "gnuplot"),
 * all or none.  On success msg holds gnuplot's first warning, if any. */
SATSTAT_API int satstat_sweep_plot_render_dir(const satstat_sweep *sweep,
                                              const char *dir,
                                              satstat_render_format format,
                                              const char *program, char *msg,
                                              size_t msg_size);

/* The same into a folder of an output transaction (satstat/io.h; see
 * satstat_plot_write_figures). */
SATSTAT_API int satstat_sweep_plot_write_figures(const satstat_sweep *sweep, satstat_txn_dir *dir,
                                                 const satstat_plot_options *options, char *msg,
                                                 size_t msg_size);
SATSTAT_API int satstat_sweep_plot_render_figures(const satstat_sweep *sweep, satstat_txn_dir *dir,
                                                  satstat_render_format format,
                                                  const char *program, char *msg,
                                                  size_t msg_size);

#ifdef __cplusplus
}
#endif
#endif
