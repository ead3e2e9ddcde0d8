/* satstat/plot.h — gnuplot figures of a report.
 *
 * Every figure is one self-contained gnuplot script: its data are inline
 * datablocks ($name << EOD), so `gnuplot fig.gp` works from any directory
 * and a folder of scripts can be zipped and shared.  Run plainly, a script
 * writes <its name>.png (at the size it was made for) into the current
 * directory; the variables `format` ('png', 'svg', 'pdf'), `output` (a file
 * name, or '' for standard output), `width` and `height` (pixels) override
 * that from the command line:
 *     gnuplot -e "format='pdf'; output='density.pdf'" fig1-density-scaled.gp
 *
 * The figures of a report, in order (satstat_plot_count() of them):
 *   1. fig1-density-<scheme>.gp  one per scheme: the sampled density of z
 *      (normalized histogram) with the analytic density over it and the
 *      saturated region |z| >= T shaded, both fractions annotated;
 *   2. fig2-compare.gp           every scheme on one axis, and a zoom on
 *      [-5, 5] (wider when T is: [-1.25 T, 1.25 T]);
 *   3. fig3-activation.gp        φ(z) and φ'(z) of the report's activation
 *      with each scheme's density of z behind them, E[φ'(z)] annotated;
 *   4. fig4-saturated-fraction.gp  the saturated fraction against the
 *      rule's own parameter t, the rule's cut marked: P(|z| >= t) for a
 *      region |z| >= a (the default rule); P(z <= t) for z <= a (relu's
 *      dead units, a = 0) and P(z >= t) for z >= a; for z <= b or z >= a
 *      with b != -a, P(z <= t) left of (a + b)/2 and P(z >= t) from it on.
 *      The formula as a curve (the exact law where the report uses it, on
 *      one-sided rules), the sample as points with 1 − alpha confidence
 *      bars;
 *   5. fig5-standard-normal.gp   the standard normal density.
 * <scheme> is the scheme's canonical spec with ':' written '_'
 * ("normal:0.5" -> fig1-density-normal_0.5.gp).
 *
 * Writers take a FILE * and only serialise, so tests can compare text; the
 * directory writer and the renderer handle files and processes.  Nothing
 * here prints: errors come back as satstat_status codes, with one sentence
 * in a caller-owned message buffer where a function takes one.
 */
#ifndef SATSTAT_PLOT_H
#define SATSTAT_PLOT_H

#include <satstat/export.h>

#include <stddef.h>
#include <stdio.h>

#include <satstat/io.h>

#include <satstat/report.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- options ---------------------------------------------------------- */

#define SATSTAT_PLOT_DEFAULT_WIDTH 1280u
#define SATSTAT_PLOT_DEFAULT_HEIGHT 800u
/* Room for a figure's file name (without extension), NUL included. */
#define SATSTAT_PLOT_NAME_SIZE (SATSTAT_SPEC_SIZE + 32)
/* --plot-size limits, each side in pixels. */
#define SATSTAT_PLOT_MIN_SIDE 200u
#define SATSTAT_PLOT_MAX_SIDE 10000u
/* --dpi and --font-size (points) limits. */
#define SATSTAT_PLOT_DEFAULT_DPI 96u
#define SATSTAT_PLOT_MIN_DPI 36u
#define SATSTAT_PLOT_MAX_DPI 1200u
#define SATSTAT_PLOT_MIN_FONT 3
#define SATSTAT_PLOT_MAX_FONT 72
/* The least text a figure needs room for: its canvas at least this many
 * lines of its text high and characters of it wide (a title, tick labels,
 * axis labels and a legend below; at 3.5 x 2.4 in, 9 pt leaves 15.4 lines
 * and 48 characters, 10 pt 13.8 lines, where legends and labels ran off
 * the canvas). */
#define SATSTAT_PLOT_MIN_LINES 14.5
#define SATSTAT_PLOT_MIN_CHARS 45

typedef struct satstat_plot_options {
    unsigned width, height; /* figure size in pixels of the PNG; default
                               1280 x 800 (when width_in > 0: derived,
                               width_in x dpi by height_in x dpi).       */
    const char *invocation; /* optional: the command the user typed,
                               without its folder and figure options (e.g.
                               "satstat demo"), recorded in each header with
                               the folder and options the figures were made
                               with, above the equivalent run command; NULL:
                               only the run command.  No newlines.         */
    double width_in, height_in; /* physical size in inches (--plot-size
                               WxHin, WxHcm); 0: the pixel size at dpi.  */
    unsigned dpi;           /* dots per inch of the PNG [96]; SVG and PDF
                               take the physical size, width/dpi x
                               height/dpi inches, with the same layout.  */
    double font_size;       /* text in points at dpi; 0: automatic, 16 pt
                               at 1280 x 800 pixels at 96 dpi, growing
                               with the square root of the physical size
                               (about 8 pt at 3.5 in wide), so that text
                               does not shrink with the pixel count.      */
    const char *figures;    /* comma-separated figure names (file stems)
                               to write; NULL: all.                        */
    int log_y;              /* 1: a log y axis on every fraction or
                               density axis; 0: automatic (log when the
                               positive values span more than 100 times). */
} satstat_plot_options;

/* 1280 x 800 at 96 dpi, automatic font and y axes, every figure, no
 * invocation. */
SATSTAT_API void satstat_plot_options_default(satstat_plot_options *o);

/* Parse "WxH" (e.g. "1920x1200"), each side in [SATSTAT_PLOT_MIN_SIDE,
 * SATSTAT_PLOT_MAX_SIDE].  SATSTAT_EINVAL with a sentence in msg
 * (SATSTAT_ERRMSG_SIZE bytes, may be NULL) otherwise. */
SATSTAT_API int satstat_plot_size_parse(const char *text, unsigned *width,
                                        unsigned *height, char *msg, size_t msg_size);

/* --plot-size into o: "WxH" in pixels (as satstat_plot_size_parse), or a
 * physical size "WxHin" / "WxHcm" (decimals, each side 0.5 to 100 in),
 * whose pixels follow from o->dpi (satstat_plot_options_check).
 * SATSTAT_EINVAL with a sentence in msg otherwise. */
SATSTAT_API int satstat_plot_size_parse_options(const char *text, satstat_plot_options *o,
                                                char *msg, size_t msg_size);

/* --dpi (36 to 1200) and --font-size (3 to 72 points) into o. */
SATSTAT_API int satstat_plot_dpi_parse(const char *text, satstat_plot_options *o, char *msg,
                                      size_t msg_size);
SATSTAT_API int satstat_plot_font_size_parse(const char *text, satstat_plot_options *o, char *msg,
                                            size_t msg_size);

/* Resolve a physical size at o->dpi into o->width, o->height and check
 * every field: SATSTAT_EINVAL with a sentence in msg when the pixels fall
 * outside [SATSTAT_PLOT_MIN_SIDE, SATSTAT_PLOT_MAX_SIDE] or a field is out
 * of its range; SATSTAT_ERANGE when the text (o->font_size, or the size
 * chosen for the canvas) leaves the canvas fewer than
 * SATSTAT_PLOT_MIN_LINES lines high or SATSTAT_PLOT_MIN_CHARS characters
 * wide, with the largest font size that fits. */
SATSTAT_API int satstat_plot_options_check(satstat_plot_options *o, char *msg, size_t msg_size);

/* Check a --figures list (comma-separated names) against the n names a
 * command writes: SATSTAT_EINVAL naming the first unknown name (with a
 * did-you-mean from satstat_suggest) or an empty item. */
SATSTAT_API int satstat_plot_figures_check(const char *list, const char *const *names, size_t n,
                                           char *msg, size_t msg_size);

/* Whether figure `name` is among o's --figures (all when o or its list is
 * NULL). */
SATSTAT_API int satstat_plot_figure_chosen(const satstat_plot_options *o, const char *name);

/* The names of the figures of a run of config c, in satstat_plot_figure's
 * order, into names (at most max); returns how many there are. */
SATSTAT_API size_t satstat_plot_names(const satstat_config *c, char (*names)[SATSTAT_PLOT_NAME_SIZE],
                                      size_t max);

/* ---- the figures ---------------------------------------------------------*/

typedef enum satstat_figure {
    SATSTAT_FIGURE_DENSITY,    /* one per scheme                           */
    SATSTAT_FIGURE_COMPARE,
    SATSTAT_FIGURE_ACTIVATION,
    SATSTAT_FIGURE_SATURATION,
    SATSTAT_FIGURE_NORMAL
} satstat_figure;

/* Number of figures of a report: schemes + 4. */
SATSTAT_API size_t satstat_plot_count(const satstat_report *report);

/* Figure i (0 ≤ i < satstat_plot_count) of a report: its kind, the scheme
 * it shows (SATSTAT_FIGURE_DENSITY; else 0), and its file name without
 * directory or extension ("fig1-density-standard") into name (may be
 * NULL).  SATSTAT_ERANGE when name_size is too small
 * (SATSTAT_PLOT_NAME_SIZE always suffices); SATSTAT_EINVAL for a bad
 * index. */
SATSTAT_API int satstat_plot_figure(const satstat_report *report, size_t i,
                                    satstat_figure *kind, size_t *scheme, char *name,
                                    size_t name_size);

/* Serialise figure i of a report as a gnuplot script onto `out`.
 * `options` may be NULL (defaults).  `dir` is only recorded in the header
 * ("--plots DIR" of the command that made it; NULL: left out).  Returns
 * SATSTAT_OK, SATSTAT_EINVAL (bad index, a newline in a recorded text),
 * SATSTAT_ENOMEM, or SATSTAT_EIO when the stream reports an error.  Numbers
 * are written with '.' whatever the locale. */
SATSTAT_API int satstat_plot_write(const satstat_report *report, size_t i,
                                   const satstat_plot_options *options, const char *dir,
                                   FILE *out);

/* Write every figure script of a report into `dir` (created, with missing
 * parents, if needed) as <name>.gp.  All files are written to temporary
 * files first and renamed into place only when every one was written, so a
 * failure leaves no new file behind (and removes the directories it
 * created).  SATSTAT_EIO / SATSTAT_ENOMEM / SATSTAT_EINVAL with a sentence
 * in msg (msg_size bytes; the path and the system's reason). */
SATSTAT_API int satstat_plot_write_dir(const satstat_report *report, const char *dir,
                                       const satstat_plot_options *options, char *msg,
                                       size_t msg_size);

/* The same into a folder of an output transaction (satstat/io.h): the
 * scripts are temporary files until the transaction commits.  The path
 * functions here are these in a transaction of their own. */
SATSTAT_API int satstat_plot_write_figures(const satstat_report *report, satstat_txn_dir *dir,
                                           const satstat_plot_options *options, char *msg,
                                           size_t msg_size);

/* Check, before any work, that `dir` could hold the scripts: it is a
 * directory, or it does not exist and its nearest existing ancestor is a
 * writable directory.  SATSTAT_EIO with a sentence in msg otherwise. */
SATSTAT_API int satstat_plot_check_dir(const char *dir, char *msg, size_t msg_size);

/* A gnuplot string literal for `text`: single-quoted, each ' doubled (in
 * single quotes gnuplot expands neither backslashes nor `backquotes`).
 * SATSTAT_EINVAL when text holds a newline or carriage return (a string
 * cannot span lines), SATSTAT_ERANGE when buf is too small. */
SATSTAT_API int satstat_plot_quote(const char *text, char *buf, size_t size);

/* ---- rendering -------------------------------------------------------------*/

typedef enum satstat_render_format {
    SATSTAT_RENDER_NONE,
    SATSTAT_RENDER_PNG, /* gnuplot's pngcairo terminal */
    SATSTAT_RENDER_SVG, /* svg                         */
    SATSTAT_RENDER_PDF  /* pdfcairo                    */
} satstat_render_format;

/* "png", "svg", "pdf", "none" (also the file extension). */
SATSTAT_API int satstat_render_format_parse(const char *text, satstat_render_format *out,
                                            char *msg, size_t msg_size);
SATSTAT_API const char *satstat_render_format_name(satstat_render_format format);

/* Look `program` (NULL: "gnuplot") up on PATH as posix_spawnp would: the
 * full path of the first executable found goes to buf.  SATSTAT_EIO when
 * there is none. */
SATSTAT_API int satstat_gnuplot_find(const char *program, char *buf, size_t size);

/* Run `program` (NULL: "gnuplot", searched on PATH) on `script`, the image
 * in `format` going to the stream `image` (gnuplot writes it to its
 * standard output; the caller owns and closes the stream).  gnuplot's
 * standard error is captured: on success msg holds whatever it printed
 * (warnings; empty when it printed nothing), on failure the reason and
 * the first lines gnuplot printed.  SATSTAT_EIO when gnuplot cannot be
 * started, exits non-zero, is killed by a signal or writes no image. */
SATSTAT_API int satstat_plot_render_stream(const char *program, const char *script,
                                           satstat_render_format format, FILE *image,
                                           char *msg, size_t msg_size);

/* Render every figure script of the report in `dir` (written there by
 * satstat_plot_write_dir) to <name>.<format> beside it, running up to one
 * gnuplot per online processor (at most 8) at a time.  The images are
 * written to temporary files and renamed into place only when every one
 * rendered, so on failure no new image is left.  msg as for
 * satstat_plot_render_stream (on success: the first warning, if any). */
SATSTAT_API int satstat_plot_render_dir(const satstat_report *report, const char *dir,
                                        satstat_render_format format, const char *program,
                                        char *msg, size_t msg_size);

/* The same in a folder of an output transaction: gnuplot reads the
 * transaction's scripts and writes temporary images; SATSTAT_ECANCELED,
 * the gnuplots killed, when the transaction is cancelled meanwhile. */
SATSTAT_API int satstat_plot_render_figures(const satstat_report *report, satstat_txn_dir *dir,
                                            satstat_render_format format, const char *program,
                                            char *msg, size_t msg_size);

#ifdef __cplusplus
}
#endif
#endif
