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
int cli_parse_u64(const char *option, const char *value, uint64_t min,
                  uint64_t max, uint64_t *out);
int cli_parse_double(const char *option, const char *value, double *out);
/* A positive finite double. */
int cli_parse_positive(const char *option, const char *value, double *out);
/* --scheme, --inputs (keeps --active), --bias, --activation into cfg. */
int cli_option_scheme(const char *option, const char *value, satstat_config *cfg);
int cli_option_inputs(const char *option, const char *value, satstat_config *cfg);
int cli_option_bias(const char *option, const char *value, satstat_config *cfg);
int cli_option_activation(const char *option, const char *value,
                          satstat_config *cfg);
/* --gain, --mode, --expect-variance into cfg, with their *_given flags. */
int cli_option_gain(const char *option, const char *value, satstat_config *cfg);
int cli_option_mode(const char *option, const char *value, satstat_config *cfg);
int cli_option_expect_variance(const char *option, const char *value,
                               satstat_config *cfg);
/* --threshold T is --saturation z:T: each refuses the other's non-z rule,
 * in either order.  *threshold_given records --threshold for that check
 * (the caller keeps it, initialised to 0). */
int cli_option_threshold(const char *option, const char *value, satstat_config *cfg,
                         int *threshold_given);
int cli_option_saturation(const char *option, const char *value, satstat_config *cfg,
                          int threshold_given);
/* --transform NAME into cfg->transform (satstat_transform_from_name). */
int cli_option_transform(const char *option, const char *value, satstat_config *cfg);
/* Options every command takes the same way. */
int cli_option_alpha(const char *option, const char *value, double *alpha);
int cli_option_format(const char *option, const char *value, satstat_format *out);
int cli_option_output(const char *option, const char *value, const char **out);
int cli_option_plots(const char *option, const char *value, const char **out);
int cli_option_render(const char *option, const char *value,
                      satstat_render_format *out);
int cli_option_plot_size(const char *option, const char *value,
                         satstat_plot_options *out);
/* Before the work: check that the figures can be written into `dir`
 * (named `option` in errors) and find gnuplot.  Rendering asked for with
 * gnuplot missing is exit 3; not asked for, *render becomes NONE.  Returns
 * CLI_GO_ON or an exit status (message printed). */
int cli_plots_prepare(const char *dir, const char *option, int render_given,
                      satstat_render_format *render, int *have_gnuplot);
/* After a command wrote its figure scripts into `plots`: render them with
 * `render` (a command's satstat_*_plot_render_dir) unless the format is
 * none, and say what happened on stderr: a note when gnuplot is missing or
 * warned, and when rendering fails an error (exit 3) if --render was given,
 * else a note (the scripts are complete either way).  Returns CLI_GO_ON or
 * CLI_EXIT_RUNTIME. */
typedef int (*cli_render_fn)(void *ctx, satstat_render_format format, char *msg,
                             size_t msg_size);
int cli_render_figures(const char *plots, satstat_render_format format, int render_given,
                       int quiet, int have_gnuplot, cli_render_fn render, void *ctx);

/* The long name of getopt code `code` in `table` ("?" when absent). */
const char *cli_option_name(const struct option *table, int code);

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

/* One note on stderr (not under --quiet) when an orthogonal scheme will be
 * sampled with GSL's slow reference BLAS. */
void cli_note_reference_blas(const satstat_config *cfg, int quiet);

/* Without --format, the report's format from --output's extension (.json,
 * .csv, .txt); CLI_GO_ON, or CLI_EXIT_USAGE with the message printed. */
int cli_format_of_output(const char *output, satstat_format *format);

#endif
