/* satstat/html.h — a report as one self-contained HTML page.
 *
 * The page carries everything it shows: the facts of the run, the tables
 * of the report model (satstat/model.h: the same quantities, labels and
 * digits as the text report), the verdicts, the command that reproduces
 * it, and the figures inline as SVG.  It fetches nothing (no script, no
 * style sheet, no font, no image from elsewhere), so it can be mailed,
 * put on a course page or opened from a USB stick.
 *
 * The figures are the SVG documents gnuplot writes for the command's
 * scripts (satstat/plot.h); the caller renders them and passes their text.
 * Each is embedded as an <svg> element: its XML prologue dropped, its ids
 * made unique in the page (gnuplot gives every figure the same ids), and
 * refused (SATSTAT_EINVAL) if it holds a script or an event handler, which
 * gnuplot's non-interactive svg terminal never writes.
 */
#ifndef SATSTAT_HTML_H
#define SATSTAT_HTML_H

#include <satstat/export.h>

#include <stddef.h>
#include <stdio.h>

#include <satstat/deep.h>
#include <satstat/report.h>
#include <satstat/sweep.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct satstat_html_figure {
    const char *name; /* the figure's file stem, "fig2-compare"         */
    const char *svg;  /* the SVG document, as gnuplot wrote it          */
    size_t size;      /* its length in bytes                             */
} satstat_html_figure;

typedef struct satstat_html_options {
    const satstat_html_figure *figures; /* may be NULL (no figures)     */
    size_t n_figures;
    /* The seed experiment's argument in a few sentences beside its
     * numbers (`satstat demo`): why N(0,1) weights saturate the units and
     * N(0,1/n_in) weights do not.  Only for a report of two schemes on
     * `half` inputs; ignored otherwise. */
    int explain_seed;
    /* The command line the user ran, shown above the report's own
     * reproduce command when not NULL ("satstat demo --format html"). */
    const char *invocation;
} satstat_html_options;

/* The page of a run report.  options may be NULL (no figures).
 * SATSTAT_EINVAL for a bad argument or a figure that is not a plain SVG
 * document; SATSTAT_EIO when the stream fails. */
SATSTAT_API int satstat_report_write_html(const satstat_report *report,
                                          const satstat_html_options *options, FILE *out);

/* The page of `satstat deep`: n reports (one, or one per activation of a
 * preset), the first with the phase diagram's summary when phase is not
 * NULL. */
SATSTAT_API int satstat_deep_report_write_html(const satstat_deep_report *const *reports, size_t n,
                                               const satstat_deep_phase *phase,
                                               const satstat_html_options *options, FILE *out);

/* The page of a run sweep. */
SATSTAT_API int satstat_sweep_write_html(const satstat_sweep *sweep,
                                         const satstat_html_options *options, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
