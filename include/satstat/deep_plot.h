/* satstat/deep_plot.h — the figures of a deep run (gnuplot scripts and images).
 *
 * Figures are an optional module: satstat/deep.h holds the study itself,
 * and only a program that draws includes this header (and with it
 * satstat/plot.h, the figure conventions and the render formats).
 */
#ifndef SATSTAT_DEEP_PLOT_H
#define SATSTAT_DEEP_PLOT_H

#include <satstat/export.h>

#include <stddef.h>
#include <stdio.h>

#include <satstat/deep.h>
#include <satstat/io.h>
#include <satstat/plot.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- figures -------------------------------------------------------------------
 * gnuplot scripts in the conventions of satstat/plot.h (inline data, the
 * Okabe–Ito palette, DejaVu Sans, the legend in a column on the right):
 *   deep-density-<scheme>.gp   per-layer densities of z (small multiples),
 *                              sampled histogram and mean-field normal;
 *   deep-variance.gp           Var z against layer: sampled points with
 *                              interval bars, the mean-field curve;
 *   deep-saturation.gp         saturated fraction against layer;
 *   deep-gradient.gp           ‖δˡ‖ against layer, log axis, with the
 *                              mean-field prediction;
 *   deep-correlation.gp        (options->pair) the correlation cˡ of the
 *                              two inputs' z against layer: sampled with
 *                              intervals, the mean-field c-map iterates,
 *                              c* marked;
 *   deep-cmap.gp               (options->pair) the c-map c^{l+1}(cˡ) at q*
 *                              with the identity line, c* marked and the
 *                              sampled (cˡ, c^{l+1}) beside it;
 *   deep-jacobian.gp           (options->jacobian) the density of the
 *                              Jacobian's singular values, pooled over
 *                              networks, per scheme;
 *   deep-phase.gp              (phase given) χ₁ heat map with the χ₁ = 1
 *                              line, the q* map, the schemes marked;
 *   deep-phase-xi.gp           (phase given) ξ_c over the phase diagram, a
 *                              log colour scale, the critical line where it
 *                              diverges, the depth L = 6 ξ_c contour.
 * With preset set (n reports, one per activation), one figure
 * deep-activations-<activation>.gp per report instead: histograms of
 * φ(z), schemes in rows and layers in columns.  Files are written to
 * temporary names and renamed when all are written; images likewise. */
/* The names (file stems) of the figures a deep run writes, before it
 * runs: configs[0..n-1] as the reports will have them (the preset: one per
 * activation), `phase` when --phase draws the phase diagram, `deep` the
 * run's options (NULL: neither --pair-correlation nor --jacobian).  At most max
 * names into names; returns how many there are. */
SATSTAT_API size_t satstat_deep_plot_names(const satstat_config *const *configs, size_t n, int phase,
                                           int preset, const satstat_deep_options *deep,
                                           char (*names)[SATSTAT_PLOT_NAME_SIZE], size_t max);
SATSTAT_API int satstat_deep_plot_write_dir(const satstat_deep_report *const *reports, size_t n,
                                            const satstat_deep_phase *phase, int preset,
                                            const char *dir, const satstat_plot_options *options,
                                            char *msg, size_t msg_size);
SATSTAT_API int satstat_deep_plot_render_dir(const satstat_deep_report *const *reports, size_t n,
                                             const satstat_deep_phase *phase, int preset,
                                             const char *dir, satstat_render_format format,
                                             const char *program, char *msg, size_t msg_size);
/* The same into a folder of an output transaction (satstat/io.h; see
 * satstat_plot_write_figures). */
SATSTAT_API int satstat_deep_plot_write_figures(const satstat_deep_report *const *reports, size_t n,
                                                const satstat_deep_phase *phase, int preset,
                                                satstat_txn_dir *dir, const satstat_plot_options *options,
                                                char *msg, size_t msg_size);
SATSTAT_API int satstat_deep_plot_render_figures(const satstat_deep_report *const *reports, size_t n,
                                                 const satstat_deep_phase *phase, int preset,
                                                 satstat_txn_dir *dir, satstat_render_format format,
                                                 const char *program, char *msg, size_t msg_size);

#ifdef __cplusplus
}
#endif
#endif
