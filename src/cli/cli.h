/* cli.h — what every satstat command shares: exit codes, one-line errors,
 * option values, signals, the progress bar and atomic output.  Part of the
 * program, not of the library. */
#ifndef SATSTAT_CLI_H
#define SATSTAT_CLI_H

#include <getopt.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include <satstat/satstat.h>

/* Exit status (doc/output.md).  Never 77: test harnesses read it as "skipped". */
enum {
    CLI_EXIT_PASS = 0,          /* every verification passed            */
    CLI_EXIT_VERIFY_FAILED = 1, /* a verification failed; report whole   */
    CLI_EXIT_USAGE = 2,         /* bad usage or input; nothing written   */
    CLI_EXIT_RUNTIME = 3,       /* I/O or gnuplot; nothing half-written  */
};

/* Functions returning "an exit status or -1" use -1 for "go on". */
#define CLI_GO_ON (-1)

/* One line on stderr: "satstat: OPTION: MESSAGE" (OPTION may be NULL). */
void cli_usage_error(const char *option, const char *message);
/* The line for a bad option value, naming it; returns CLI_EXIT_USAGE. */
int cli_bad_value(const char *option, const char *value, const char *msg);
/* After the loop: satstat_options_finish, its refusal printed (exit 2). */
int cli_options_finish(satstat_options *o);
/* The getopt codes of the options every command shares: the library's
 * configuration options (satstat/options.h: CLI_OPT_CONFIG + the entry's
 * index in satstat_options_table, distinct codes so that getopt_long
 * finds an abbreviation such as --activ ambiguous), the report's and the
 * figures' options, --help and --version.  A command's own options take
 * codes from 256. */
#define CLI_OPT_CONFIG 0x2000
#define CLI_IS_CONFIG(code) ((code) >= CLI_OPT_CONFIG && (code) < CLI_OPT_CONFIG + SATSTAT_OPTIONS_MAX)
enum {
    CLI_OPT_FORMAT = 0x1000,
    CLI_OPT_OUTPUT,
    CLI_OPT_QUIET,
    CLI_OPT_PLOTS,
    CLI_OPT_RENDER,
    CLI_OPT_PLOT_SIZE,
    CLI_OPT_DPI,
    CLI_OPT_FONT_SIZE,
    CLI_OPT_FIGURES,
    CLI_OPT_LOG_Y,
    CLI_OPT_HELP,
    CLI_OPT_VERSION,
};
/* The --help lines of the figure options (--plot-size ... --log-y). */
#define CLI_HELP_FIGURES                                                               \
    "  --plot-size SIZE       figure size: WxH in pixels, or WxHin / WxHcm (inches,\n"   \
    "                         centimetres: pixels = size x dpi)  [1280x800]\n"           \
    "  --dpi N                dots per inch of the PNG; SVG and PDF get the physical\n"  \
    "                         size with the same layout  [96]\n"                         \
    "  --font-size PT         text size in points at that dpi  [16 at 1280x800 and\n"    \
    "                         96 dpi, with the square root of the size: 8 at 3.5in]\n"  \
    "  --figures LIST         comma-separated figure names (file stems) to write\n"      \
    "                         [all]\n"                                                    \
    "  --log-y                a log y axis on every fraction or density axis\n"          \
    "                         [automatic: log when the values span over 100 times]\n"
/* After parsing, before any work: resolve a physical --plot-size at the
 * final --dpi and check --figures against the names the command writes.
 * CLI_GO_ON, or CLI_EXIT_USAGE with one line naming the option. */
int cli_plot_finish(satstat_plot_options *o, const char *const *names, size_t n);
/* Before the work: check that the figures can be written into `dir`
 * (named `option` in errors) and find gnuplot.  Rendering asked for with
 * gnuplot missing is exit 3; not asked for, *render becomes NONE.  Returns
 * CLI_GO_ON or an exit status (message printed). */
int cli_plots_prepare(const char *dir, const char *option, int render_given,
                      satstat_render_format *render, int *have_gnuplot);
/* The long name of getopt code `code` in `table` ("?" when absent). */
const char *cli_option_name(const struct option *table, int code);

/* What every command parses the same way: the library's configuration
 * options (into `options`, whose `given` set records which were given),
 * the report's options and the figures'. */
typedef struct cli_common {
    satstat_options options;      /* the configuration options (satstat/options.h) */
    const char *command;          /* "deep", "sweep"; NULL for run (messages)   */
    const char *const *help;      /* the command's --help, in parts (NULL-ended) */
    struct option *table;         /* the getopt table (cli_common_init)        */
    satstat_format format;
    int format_given;             /* --format; else --output's extension       */
    const char *output;
    int quiet;
    const char *plots;
    satstat_render_format render; /* --render                                  */
    int render_given;
    satstat_plot_options plot;    /* --plot-size, --dpi, --font-size, ...       */
    const char *figure_option;    /* the first figure option: needs --plots     */
} cli_common;

/* Defaults for `command` over the caller's structs (as
 * satstat_options_init), and the getopt table: the library's options of
 * the command (satstat_options_table, in its order), the shared ones, then
 * `own` (ended by a NULL name; may be NULL).  `help` is kept by pointer.
 * CLI_GO_ON, or CLI_EXIT_RUNTIME when out of memory (line printed). */
int cli_common_init(cli_common *c, satstat_command command, const char *command_word,
                    const char *const *help, satstat_config *config,
                    satstat_deep_options *deep, satstat_sweep_spec *sweep,
                    const struct option *own);
void cli_common_free(cli_common *c);

/* The next option of argv (getopt_long over c->table, our own errors):
 * its code, -1 at the end; `opt` gets "--NAME" (size bytes). */
int cli_next_option(cli_common *c, int argc, char **argv, char *opt, size_t size);

/* Code `code` (named `opt`, value `value`) when it is one every command
 * shares: CLI_GO_ON, or an exit status (the line printed; --help and
 * --version print and end the command).  CLI_NOT_COMMON for a command's
 * own option. */
#define CLI_NOT_COMMON (-2)
int cli_parse_common(cli_common *c, int code, const char *opt, const char *value, char **argv);

/* After the options: without --format, the format from --output's name. */
int cli_common_format(cli_common *c);
/* After the options: --render and the figure options need --plots. */
int cli_common_plots_given(const cli_common *c);

/* "unknown option" / "option requires a value" after getopt_long; an
 * unknown --option gets "did you mean" the nearest one of `table` (the
 * command's long options; may be NULL). */
int cli_getopt_error(int code, char **argv, int optind_now, const char *command,
                     const struct option *table);
/* A stray positional argument. */
int cli_unexpected_argument(const char *arg, const char *command);
/* --help / --version output; returns the exit status. */
int cli_print_text(const char *text);
int cli_print_version(void);

/* SIGINT / SIGTERM set a flag the progress callbacks turn into a cancel. */
extern volatile sig_atomic_t cli_interrupted_by;
void cli_install_signals(void);
int cli_interrupted_status(void); /* 130 or 143 */

typedef struct cli_progress {
    int enabled, shown;
    double last_drawn;
    struct timespec start;
    const char *label;
} cli_progress;

/* A bar on stderr when it is a terminal, not quiet, and the run lasts more
 * than a second; cli_progress_update is a satstat_progress_fn. */
void cli_progress_start(cli_progress *p, int quiet, const char *label);
int cli_progress_update(void *ctx, uint64_t done, uint64_t total);
void cli_progress_clear(cli_progress *p);

/* The columns a text report may use on f: the terminal's width when f is
 * one, else SATSTAT_TEXT_WIDTH. */
unsigned cli_text_width(FILE *f);

/* A run's outputs: its report and its figure folder, written as one
 * transaction (satstat/io.h): temporary files while the run works, renamed
 * into place by cli_outputs_commit, removed on any failure or signal.
 * Every function returns CLI_GO_ON or an exit status, having printed why
 * and removed everything (2: --output names a link not to follow; 3: I/O;
 * 130/143: interrupted). */
typedef struct cli_outputs {
    satstat_txn *txn;
    satstat_txn_file *report;
    const char *report_name; /* for messages */
} cli_outputs;

/* Before the work: the signal handlers, and the report's target resolved
 * and, when replaced, its temporary file created (so a folder that cannot
 * be written fails now, not after the work).  NULL output: stdout. */
int cli_outputs_begin(cli_outputs *o, const char *output);
/* The figure folder `dir` (named `option` in errors), created now. */
int cli_outputs_figures(cli_outputs *o, const char *dir, const char *option,
                        satstat_txn_dir **out);
/* The report: `write` serialises into the stream, returning a satstat
 * status. */
int cli_outputs_report(cli_outputs *o, int (*write)(void *ctx, FILE *f), void *ctx);
/* Everything into place; returns `status` (the run's) once committed, even
 * if a signal comes during the commit. */
int cli_outputs_commit(cli_outputs *o, int status);
/* Give up: remove everything; the interruption's status, with its line. */
int cli_outputs_interrupted(cli_outputs *o);
/* Give up after a failure: remove everything, print "satstat: OPTION: MSG"
 * (unless a signal explains it), return 3 (or 130/143). */
int cli_outputs_failed(cli_outputs *o, const char *option, const char *msg);

/* The --scheme paragraph of run's and sweep's --help (their defaults follow
 * on the next line). */
#define CLI_HELP_SCHEMES \
    "  --scheme LIST          comma-separated weight schemes: standard, scaled,\n" \
    "                         normal:SIGMA, uniform:A, xavier-normal[:GAIN],\n" \
    "                         xavier-uniform[:GAIN], he-normal[:GAIN][,MODE],\n" \
    "                         he-uniform[:GAIN][,MODE], lecun-normal, lecun-uniform,\n" \
    "                         torch-linear, variance-scaling:SCALE,MODE,DIST,\n" \
    "                         trunc-normal[:MEAN,STD,A,B], orthogonal[:GAIN]; and\n" \
    "                         framework names with their framework's meaning:\n" \
    "                         Keras/JAX glorot_normal, he_normal, lecun_normal\n" \
    "                         (truncated), glorot_uniform, he_uniform, lecun_uniform;\n" \
    "                         PyTorch xavier_normal_, kaiming_normal_ (untruncated),\n" \
    "                         xavier_uniform_, kaiming_uniform_, trunc_normal_\n"

/* The --transform line of the --help of the commands that sample. */
#define CLI_HELP_TRANSFORM \
    "  --transform NAME       how Philox words become normals: box-muller-f32-cephes/1\n" \
    "                         or ziggurat-256-f32/1; the report names it  [the one\n" \
    "                         satstat --version names]\n"

/* Before a job, on every process of an mpirun job: load OpenBLAS when
 * the job multiplies matrices (`multiplies`: deep networks; or an
 * orthogonal scheme in cfg), so that the job, the processes' comparison of
 * their BLAS kernels and what is said of the BLAS all agree (cli/blas.h). */
void cli_blas_for(const satstat_config *cfg, int multiplies);

/* One note on stderr (not under --quiet) when an orthogonal scheme will be
 * sampled with GSL's slow reference BLAS (after cli_blas_for). */
void cli_note_reference_blas(const satstat_config *cfg, int quiet);

/* Without --format, the report's format from --output's extension (.json,
 * .csv, .txt, .html); CLI_GO_ON, or CLI_EXIT_USAGE with the message printed. */
int cli_format_of_output(const char *output, satstat_format *format);

/* --format html (cli_html.c).  Before the work: gnuplot must be on PATH
 * (the page's figures are SVG drawn by it); else exit 3 with the line. */
int cli_html_prepare(void);

/* A command's figures, drawn one way for --plots and for the HTML page:
 * `write` puts the command's scripts into a folder of an output
 * transaction (satstat/io.h) and `render` renders them there (the
 * library's satstat_*_plot_write_figures and _render_figures bound to the
 * command's results in ctx).  `names`: every figure the command may
 * write; `order`: the page's order (names without extension; any other
 * after them by name). */
typedef struct cli_figures {
    const void *ctx;
    int (*write)(const void *ctx, satstat_txn_dir *dir, const satstat_plot_options *plot,
                 char *msg, size_t msg_size);
    int (*render)(const void *ctx, satstat_txn_dir *dir, satstat_render_format format,
                  char *msg, size_t msg_size);
    const char *const *names;
    size_t n_names;
    const char *const *order;
    size_t n_order;
} cli_figures;

/* --plots: the scripts into c->plots (named `option` in errors) as part
 * of the run's outputs, rendered as c->render unless that is none, saying
 * on stderr what happened: a note when gnuplot is missing or warned, and
 * when rendering fails an error (exit 3) if --render was given, else a
 * note (the scripts are complete either way).  *dir gets the folder.
 * Returns CLI_GO_ON, or an exit status (everything removed). */
int cli_figures_write(const cli_figures *f, const cli_common *c, const satstat_plot_options *plot,
                      const char *option, int have_gnuplot, cli_outputs *out,
                      satstat_txn_dir **dir);

typedef struct cli_html_figures {
    satstat_html_figure *figures;
    size_t n;
} cli_html_figures;
/* The page's figures as SVG documents, in f's order: read from `svg_dir`
 * when --plots rendered them as SVG there already (the folder of
 * cli_figures_write, before its commit), else drawn once in a private
 * temporary folder, read back, and the folder removed. */
int cli_html_figures_draw(const cli_figures *f, const satstat_plot_options *plot,
                          satstat_txn_dir *svg_dir, cli_html_figures *out, char *msg,
                          size_t msg_size);
void cli_html_figures_free(cli_html_figures *h);

#endif
