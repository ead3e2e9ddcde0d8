/* cli.c — the pieces every satstat command shares (cli.h). */
#include "cli/cli.h"
#include "cli/blas.h"
#include "cli/mpi.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "satstat_version.h"

void cli_usage_error(const char *option, const char *message)
{
    if (option)
        fprintf(stderr, "satstat: %s: %s\n", option, message);
    else
        fprintf(stderr, "satstat: %s\n", message);
}

/* The line itself is the library's (satstat_bad_value_message), so that
 * the table of options (satstat/options.h) and the program say the same. */
int cli_bad_value(const char *option, const char *value, const char *msg)
{
    char line[SATSTAT_OPTION_MSG_SIZE];
    cli_usage_error(option, satstat_bad_value_message(value, msg, line, sizeof line));
    return CLI_EXIT_USAGE;
}

static int cli_option_set(const char *option, const char *value, satstat_options *o)
{
    char msg[SATSTAT_OPTION_MSG_SIZE] = "";
    if (satstat_option_set(o, option + 2, value, msg, sizeof msg) != SATSTAT_OK) {
        cli_usage_error(option, msg);
        return CLI_EXIT_USAGE;
    }
    return CLI_GO_ON;
}

int cli_options_finish(satstat_options *o)
{
    char msg[SATSTAT_OPTION_MSG_SIZE] = "";
    if (satstat_options_finish(o, msg, sizeof msg) != SATSTAT_OK) {
        cli_usage_error(NULL, msg);
        return CLI_EXIT_USAGE;
    }
    return CLI_GO_ON;
}

static int cli_option_format(const char *option, const char *value, satstat_format *out)
{
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    if (satstat_format_parse(value, out, msg, sizeof msg) != SATSTAT_OK)
        return cli_bad_value(option, value, msg);
    return CLI_GO_ON;
}

/* Without --format, the extension of --output chooses: .json, .csv, .txt, .html
 * (case-insensitive); any other name, stdout and '-' keep text. */
int cli_format_of_output(const char *output, satstat_format *format)
{
    static const struct {
        const char *ext;
        satstat_format format;
    } by_ext[] = {
        {".json", SATSTAT_FORMAT_JSON},
        {".csv", SATSTAT_FORMAT_CSV},
        {".txt", SATSTAT_FORMAT_TEXT},
        {".html", SATSTAT_FORMAT_HTML},
        {".htm", SATSTAT_FORMAT_HTML},
    };
    const char *slash = strrchr(output, '/');
    const char *dot = strrchr(slash ? slash + 1 : output, '.');
    if (!dot || dot == (slash ? slash + 1 : output))
        return CLI_GO_ON; /* no extension, or a hidden file's name */
    for (size_t i = 0; i < sizeof by_ext / sizeof by_ext[0]; i++)
        if (strcasecmp(dot, by_ext[i].ext) == 0) {
            *format = by_ext[i].format;
            return CLI_GO_ON;
        }
    return CLI_GO_ON;
}

static int cli_option_output(const char *option, const char *value, const char **out)
{
    *out = value;
    return *value ? CLI_GO_ON : cli_bad_value(option, value, "empty file name");
}

static int cli_option_plots(const char *option, const char *value, const char **out)
{
    *out = value;
    if (!*value)
        return cli_bad_value(option, value, "empty directory name");
    if (strpbrk(value, "\n\r"))
        return cli_bad_value(option, value, "a directory name with a line break cannot be "
                                            "recorded in the scripts");
    return CLI_GO_ON;
}

static int cli_option_render(const char *option, const char *value, satstat_render_format *out)
{
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    if (satstat_render_format_parse(value, out, msg, sizeof msg) != SATSTAT_OK)
        return cli_bad_value(option, value, msg);
    return CLI_GO_ON;
}

static int cli_option_plot_size(const char *option, const char *value, satstat_plot_options *out)
{
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    if (satstat_plot_size_parse_options(value, out, msg, sizeof msg) != SATSTAT_OK)
        return cli_bad_value(option, value, msg);
    return CLI_GO_ON;
}

static int cli_option_figure(int code, const char *option, const char *value,
                      satstat_plot_options *o, const char **given)
{
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    int rc = SATSTAT_OK;
    if (!*given)
        *given = code == CLI_OPT_PLOT_SIZE   ? "--plot-size"
                 : code == CLI_OPT_DPI       ? "--dpi"
                 : code == CLI_OPT_FONT_SIZE ? "--font-size"
                 : code == CLI_OPT_FIGURES   ? "--figures"
                                             : "--log-y";
    switch (code) {
    case CLI_OPT_PLOT_SIZE:
        return cli_option_plot_size(option, value, o);
    case CLI_OPT_DPI:
        rc = satstat_plot_dpi_parse(value, o, msg, sizeof msg);
        break;
    case CLI_OPT_FONT_SIZE:
        rc = satstat_plot_font_size_parse(value, o, msg, sizeof msg);
        break;
    case CLI_OPT_FIGURES:
        if (!*value)
            return cli_bad_value(option, value, "empty figure list");
        o->figures = value; /* checked against the names in cli_plot_finish */
        break;
    default:
        o->log_y = 1;
        break;
    }
    return rc == SATSTAT_OK ? CLI_GO_ON : cli_bad_value(option, value, msg);
}

/* ---- the options every command shares ----------------------------------------*/

/* The shared options after the library's, in the order of the commands'
 * --help. */
static const struct option common_options[] = {
    {"format", required_argument, NULL, CLI_OPT_FORMAT},
    {"output", required_argument, NULL, CLI_OPT_OUTPUT},
    {"quiet", no_argument, NULL, CLI_OPT_QUIET},
    {"plots", required_argument, NULL, CLI_OPT_PLOTS},
    {"render", required_argument, NULL, CLI_OPT_RENDER},
    {"plot-size", required_argument, NULL, CLI_OPT_PLOT_SIZE},
    {"dpi", required_argument, NULL, CLI_OPT_DPI},
    {"font-size", required_argument, NULL, CLI_OPT_FONT_SIZE},
    {"figures", required_argument, NULL, CLI_OPT_FIGURES},
    {"log-y", no_argument, NULL, CLI_OPT_LOG_Y},
    {"help", no_argument, NULL, CLI_OPT_HELP},
    {"version", no_argument, NULL, CLI_OPT_VERSION},
};
#define N_COMMON (sizeof common_options / sizeof common_options[0])

int cli_common_init(cli_common *c, satstat_command command, const char *command_word,
                    const char *const *help, satstat_config *config,
                    satstat_deep_options *deep, satstat_sweep_spec *sweep,
                    const struct option *own)
{
    memset(c, 0, sizeof *c);
    satstat_options_init(&c->options, command, config, deep, sweep);
    c->command = command_word;
    c->help = help;
    c->format = SATSTAT_FORMAT_TEXT;
    c->render = SATSTAT_RENDER_PNG;
    satstat_plot_options_default(&c->plot);

    size_t n_lib, n_own = 0;
    const satstat_option *lib = satstat_options_table(&n_lib);
    while (own && own[n_own].name)
        n_own++;
    c->table = calloc(n_lib + N_COMMON + n_own + 1, sizeof *c->table);
    if (!c->table) {
        cli_usage_error(NULL, satstat_strerror(SATSTAT_ENOMEM));
        return CLI_EXIT_RUNTIME;
    }
    size_t n = 0;
    for (size_t i = 0; i < n_lib; i++)
        if (lib[i].commands & (unsigned)command)
            c->table[n++] = (struct option){lib[i].name,
                                            lib[i].arg ? required_argument : no_argument,
                                            NULL, CLI_OPT_CONFIG + (int)i};
    for (size_t i = 0; i < N_COMMON; i++)
        c->table[n++] = common_options[i];
    for (size_t i = 0; i < n_own; i++)
        c->table[n++] = own[i];
    return CLI_GO_ON;
}

void cli_common_free(cli_common *c)
{
    free(c->table);
    c->table = NULL;
}

int cli_next_option(cli_common *c, int argc, char **argv, char *opt, size_t size)
{
    opterr = 0; /* we print our own one-line errors */
    int code = getopt_long(argc, argv, ":h", c->table, NULL);
    snprintf(opt, size, "--%s", cli_option_name(c->table, code));
    return code;
}

int cli_parse_common(cli_common *c, int code, const char *opt, const char *value, char **argv)
{
    if (CLI_IS_CONFIG(code))
        return cli_option_set(opt, value, &c->options);
    switch (code) {
    case CLI_OPT_FORMAT:
        c->format_given = 1;
        return cli_option_format(opt, value, &c->format);
    case CLI_OPT_OUTPUT:
        return cli_option_output(opt, value, &c->output);
    case CLI_OPT_QUIET:
        c->quiet = 1;
        return CLI_GO_ON;
    case CLI_OPT_PLOTS:
        return cli_option_plots(opt, value, &c->plots);
    case CLI_OPT_RENDER:
        c->render_given = 1;
        return cli_option_render(opt, value, &c->render);
    case CLI_OPT_PLOT_SIZE:
    case CLI_OPT_DPI:
    case CLI_OPT_FONT_SIZE:
    case CLI_OPT_FIGURES:
    case CLI_OPT_LOG_Y:
        return cli_option_figure(code, opt, value, &c->plot, &c->figure_option);
    case 'h':
    case CLI_OPT_HELP:
        for (size_t i = 0; c->help[i]; i++)
            if (cli_print_text(c->help[i]) != CLI_EXIT_PASS)
                return CLI_EXIT_RUNTIME;
        return CLI_EXIT_PASS;
    case CLI_OPT_VERSION:
        return cli_print_version();
    case ':':
    case '?':
        return cli_getopt_error(code, argv, optind, c->command, c->table);
    default:
        return CLI_NOT_COMMON;
    }
}

int cli_common_format(cli_common *c)
{
    if (!c->format_given && c->output)
        return cli_format_of_output(c->output, &c->format);
    return CLI_GO_ON;
}

int cli_common_plots_given(const cli_common *c)
{
    if (c->render_given && !c->plots) {
        cli_usage_error("--render", "needs --plots DIR (the directory of the scripts to render)");
        return CLI_EXIT_USAGE;
    }
    if (c->figure_option && !c->plots) {
        cli_usage_error(c->figure_option, "needs --plots DIR");
        return CLI_EXIT_USAGE;
    }
    return CLI_GO_ON;
}

int cli_plot_finish(satstat_plot_options *o, const char *const *names, size_t n)
{
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    int rc = satstat_plot_options_check(o, msg, sizeof msg);
    if (rc != SATSTAT_OK) {
        /* text too large for the canvas: the font size when one was asked */
        cli_usage_error(rc == SATSTAT_ERANGE && o->font_size > 0 ? "--font-size"
                        : rc == SATSTAT_ERANGE || o->width_in > 0 ? "--plot-size" : "--dpi", msg);
        return CLI_EXIT_USAGE;
    }
    if (satstat_plot_figures_check(o->figures, names, n, msg, sizeof msg) != SATSTAT_OK) {
        cli_usage_error("--figures", msg);
        return CLI_EXIT_USAGE;
    }
    return CLI_GO_ON;
}

int cli_plots_prepare(const char *dir, const char *option, int render_given,
                      satstat_render_format *render, int *have_gnuplot)
{
    char msg[SATSTAT_ERRMSG_SIZE + 64], gnuplot[4096];
    int rc = satstat_plot_check_dir(dir, msg, sizeof msg);
    if (rc != SATSTAT_OK) {
        cli_usage_error(option, msg);
        return rc == SATSTAT_EINVAL ? CLI_EXIT_USAGE : CLI_EXIT_RUNTIME;
    }
    *have_gnuplot = satstat_gnuplot_find(NULL, gnuplot, sizeof gnuplot) == SATSTAT_OK;
    if (render_given && *render != SATSTAT_RENDER_NONE && !*have_gnuplot) {
        char line[256];
        snprintf(line, sizeof line,
                 "%s: gnuplot is not on PATH: install it (e.g. apt-get install gnuplot-nox), "
                 "or write the scripts only with --render none; nothing written",
                 satstat_render_format_name(*render));
        cli_usage_error("--render", line);
        return CLI_EXIT_RUNTIME;
    }
    if (!render_given && !*have_gnuplot)
        *render = SATSTAT_RENDER_NONE;
    return CLI_GO_ON;
}

int cli_getopt_error(int code, char **argv, int optind_now, const char *command,
                     const struct option *table)
{
    char line[320], hint[SATSTAT_SUGGEST_SIZE + 4] = "";
    if (code == ':') {
        cli_usage_error(argv[optind_now - 1], "option requires a value");
        return CLI_EXIT_USAGE;
    }
    const char *word = argv[optind_now - 1];
    /* "--shceme" or "--shceme=x": the nearest long option of this command
     * (satstat_closest_name), without the value */
    if (table && strncmp(word, "--", 2) == 0 && word[2] != '\0') {
        const char *names[64];
        size_t n = 0, len = strcspn(word + 2, "=");
        for (const struct option *o = table; o->name && n < 64; o++) {
            /* "--quiet=1": a known flag given a value */
            if (word[2 + len] == '=' && o->has_arg == no_argument
                && strlen(o->name) == len && strncmp(o->name, word + 2, len) == 0) {
                char quoted[SATSTAT_QUOTE_SIZE];
                snprintf(line, sizeof line, "takes no value, got %s",
                         satstat_quote(word, quoted, sizeof quoted));
                snprintf(hint, sizeof hint, "--%s", o->name);
                cli_usage_error(hint, line);
                return CLI_EXIT_USAGE;
            }
            names[n++] = o->name;
        }
        const char *near = satstat_closest_name(word + 2, len, names, n, NULL);
        if (near)
            snprintf(hint, sizeof hint, "did you mean '--%s'?; ", near);
    }
    char quoted[SATSTAT_QUOTE_SIZE];
    snprintf(line, sizeof line, "unknown option %s (%stry 'satstat %s%s--help')",
             satstat_quote(word, quoted, sizeof quoted), hint,
             command ? command : "", command ? " " : "");
    cli_usage_error(NULL, line);
    return CLI_EXIT_USAGE;
}

int cli_unexpected_argument(const char *arg, const char *command)
{
    char line[320], quoted[SATSTAT_QUOTE_SIZE];
    snprintf(line, sizeof line, "unexpected argument %s (try 'satstat %s%s--help')",
             satstat_quote(arg, quoted, sizeof quoted), command ? command : "",
             command ? " " : "");
    cli_usage_error(NULL, line);
    return CLI_EXIT_USAGE;
}

int cli_print_text(const char *text)
{
    fputs(text, stdout);
    return fflush(stdout) == 0 && !ferror(stdout) ? CLI_EXIT_PASS : CLI_EXIT_RUNTIME;
}

int cli_print_version(void)
{
    printf("satstat %s\n", SATSTAT_VERSION);
    printf("generator %s, transform %s, SIMD path %s\n", satstat_generator_name(),
           satstat_transform_name(), satstat_simd_path());
    return fflush(stdout) == 0 && !ferror(stdout) ? CLI_EXIT_PASS : CLI_EXIT_RUNTIME;
}

/* ---- signals -----------------------------------------------------------------*/

volatile sig_atomic_t cli_interrupted_by = 0;

static void on_signal(int sig)
{
    cli_interrupted_by = sig;
}

/* No SA_RESTART: a blocking open, write or wait (a FIFO without reader, a
 * full pipe) returns EINTR, and satstat_txn sees the flag. */
void cli_install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

int cli_interrupted_status(void)
{
    return cli_interrupted_by == SIGTERM ? 143 : 130;
}

/* ---- progress bar --------------------------------------------------------*/

static double seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + 1e-9 * (double)(t.tv_nsec - t0->tv_nsec);
}

void cli_progress_start(cli_progress *p, int quiet, const char *label)
{
    memset(p, 0, sizeof *p);
    p->enabled = !quiet && isatty(STDERR_FILENO);
    p->label = label ? label : "sampling";
    clock_gettime(CLOCK_MONOTONIC, &p->start);
}

int cli_progress_update(void *ctx, uint64_t done, uint64_t total)
{
    cli_progress *p = ctx;
    if (cli_interrupted_by) {
        cli_mpi_announce_stop();
        return 1;
    }
    if (cli_mpi_stop_requested())
        return 1;
    if (!p->enabled)
        return 0;
    double elapsed = seconds_since(&p->start);
    if (elapsed < 1.0 && !p->shown)
        return 0; /* short runs stay silent */
    if (done < total && elapsed - p->last_drawn < 0.1)
        return 0; /* ten redraws a second are enough */
    p->last_drawn = elapsed;
    double frac = total ? (double)done / (double)total : 1.0;
    int width = 30, filled = (int)(frac * width);
    char bar[32];
    for (int i = 0; i < width; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[width] = '\0';
    double eta = frac > 0 ? elapsed * (1.0 - frac) / frac : 0.0;
    fprintf(stderr, "\r%s [%s] %5.1f%%  %.1f s, %.0f s left ", p->label, bar,
            100.0 * frac, elapsed, eta);
    p->shown = 1;
    return 0;
}

void cli_progress_clear(cli_progress *p)
{
    if (p->shown)
        fprintf(stderr, "\r%72s\r", "");
}

/* ---- output ---------------------------------------------------------------*/

unsigned cli_text_width(FILE *f)
{
    struct winsize ws;
    int fd = fileno(f);
    if (fd >= 0 && isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return SATSTAT_TEXT_WIDTH;
}

/* Every failure from here on removes what the run wrote and says why;
 * a failure while a signal is pending is the interruption. */
static int outputs_fail(cli_outputs *o, const char *option, const char *msg)
{
    satstat_txn_abort(o->txn);
    o->txn = NULL;
    if (cli_interrupted_by) {
        fprintf(stderr, "satstat: interrupted; nothing written\n");
        return cli_interrupted_status();
    }
    if (msg)
        cli_usage_error(option, msg);
    return CLI_EXIT_RUNTIME;
}

int cli_outputs_begin(cli_outputs *o, const char *output)
{
    memset(o, 0, sizeof *o);
    o->report_name = output && strcmp(output, "-") != 0 ? output : "standard output";
    cli_install_signals();
    if (satstat_txn_new(&cli_interrupted_by, &o->txn) != SATSTAT_OK)
        return outputs_fail(o, NULL, "out of memory");
    char msg[SATSTAT_ERRMSG_SIZE + SATSTAT_QUOTE_SIZE];
    int rc = satstat_txn_add_file(o->txn, output, &o->report, msg, sizeof msg);
    if (rc == SATSTAT_EINVAL) {
        satstat_txn_abort(o->txn);
        o->txn = NULL;
        cli_usage_error("--output", msg);
        return CLI_EXIT_USAGE;
    }
    if (rc != SATSTAT_OK)
        return outputs_fail(o, "--output", msg);
    return CLI_GO_ON;
}

int cli_outputs_interrupted(cli_outputs *o)
{
    if (!cli_interrupted_by) /* the cancel came from another process */
        return outputs_fail(o, NULL, "another process of the mpirun job was interrupted; "
                                     "nothing written");
    return outputs_fail(o, NULL, NULL);
}

int cli_outputs_failed(cli_outputs *o, const char *option, const char *msg)
{
    return outputs_fail(o, option, msg);
}

int cli_outputs_figures(cli_outputs *o, const char *dir, const char *option,
                        satstat_txn_dir **out)
{
    char msg[SATSTAT_ERRMSG_SIZE + SATSTAT_QUOTE_SIZE];
    int rc = satstat_txn_add_dir(o->txn, dir, out, msg, sizeof msg);
    if (rc == SATSTAT_OK)
        return CLI_GO_ON;
    if (rc == SATSTAT_EINVAL && !cli_interrupted_by) {
        satstat_txn_abort(o->txn);
        o->txn = NULL;
        cli_usage_error(option, msg);
        return CLI_EXIT_USAGE;
    }
    return outputs_fail(o, option, msg);
}

int cli_outputs_report(cli_outputs *o, int (*write)(void *ctx, FILE *f), void *ctx)
{
    char msg[SATSTAT_ERRMSG_SIZE + SATSTAT_QUOTE_SIZE];
    FILE *f;
    int rc = satstat_txn_file_stream(o->report, &f, msg, sizeof msg);
    if (rc != SATSTAT_OK)
        return outputs_fail(o, "--output", msg);
    errno = 0;
    rc = write(ctx, f);
    if (rc == SATSTAT_OK || rc == SATSTAT_EIO)
        rc = satstat_txn_file_flush(o->report);
    if (rc != SATSTAT_OK) {
        char line[sizeof msg + 64], q[SATSTAT_QUOTE_SIZE];
        snprintf(line, sizeof line, "cannot write the report to %s: %s",
                 satstat_quote(o->report_name, q, sizeof q),
                 rc == SATSTAT_EIO ? strerror(errno) : satstat_strerror(rc));
        return outputs_fail(o, "--output", line);
    }
    return CLI_GO_ON;
}

int cli_outputs_commit(cli_outputs *o, int status)
{
    char msg[SATSTAT_ERRMSG_SIZE + SATSTAT_QUOTE_SIZE];
    int rc = satstat_txn_commit(o->txn, msg, sizeof msg);
    o->txn = NULL;
    if (rc == SATSTAT_ECANCELED) {
        fprintf(stderr, "satstat: interrupted; nothing written\n");
        return cli_interrupted_status();
    }
    if (rc != SATSTAT_OK) {
        fprintf(stderr, "satstat: %s\n", msg);
        return CLI_EXIT_RUNTIME;
    }
    return status; /* a signal now is too late: everything is in place */
}

/* Render the scripts in `dir` as `format` unless it is none, and say what
 * happened (cli_figures_write). */
static int render_figures(const cli_figures *f, satstat_txn_dir *dir, const char *plots,
                          satstat_render_format format, int render_given, int quiet,
                          int have_gnuplot)
{
    /* the folder as messages show names: quoted, escaped, shortened */
    char where[SATSTAT_QUOTE_SIZE];
    satstat_quote(plots, where, sizeof where);
    if (format == SATSTAT_RENDER_NONE) {
        if (!have_gnuplot && !render_given && !quiet)
            fprintf(stderr,
                    "satstat: note: gnuplot is not on PATH, so the figure scripts in %s were "
                    "written but not rendered; install gnuplot (e.g. apt-get install gnuplot-nox) "
                    "and run: cd %s && for f in *.gp; do gnuplot \"$f\"; done\n",
                    where, where);
        return CLI_GO_ON;
    }
    char msg[SATSTAT_ERRMSG_SIZE * 2 + 256];
    int rc = f->render(f->ctx, dir, format, msg, sizeof msg);
    if (rc == SATSTAT_ECANCELED || cli_interrupted_by)
        return cli_interrupted_status();
    if (rc != SATSTAT_OK) {
        if (render_given) {
            fprintf(stderr, "satstat: --render %s: %s; the scripts in %s are complete, "
                            "no image was written\n",
                    satstat_render_format_name(format), msg, where);
            return CLI_EXIT_RUNTIME;
        }
        if (!quiet)
            fprintf(stderr, "satstat: note: rendering the figures failed (%s); the scripts "
                            "in %s are complete\n",
                    msg, where);
        return CLI_GO_ON;
    }
    if (msg[0] && !quiet)
        fprintf(stderr, "satstat: note: gnuplot warned: %s\n", msg);
    return CLI_GO_ON;
}

int cli_figures_write(const cli_figures *f, const cli_common *c, const satstat_plot_options *plot,
                      const char *option, int have_gnuplot, cli_outputs *out,
                      satstat_txn_dir **dir)
{
    char msg[SATSTAT_ERRMSG_SIZE * 2 + 256];
    int status = cli_outputs_figures(out, c->plots, option, dir);
    if (status != CLI_GO_ON)
        return status;
    if (f->write(f->ctx, *dir, plot, msg, sizeof msg) != SATSTAT_OK)
        return cli_outputs_failed(out, option, msg);
    status = render_figures(f, *dir, c->plots, c->render, c->render_given, c->quiet,
                            have_gnuplot);
    if (status != CLI_GO_ON)
        return cli_outputs_failed(out, NULL, NULL);
    return CLI_GO_ON;
}

const char *cli_option_name(const struct option *table, int code)
{
    for (const struct option *o = table; o->name; o++)
        if (o->val == code)
            return o->name;
    return "?";
}

/* ---- build notes -------------------------------------------------------------*/

static int has_orthogonal(const satstat_config *cfg)
{
    for (size_t i = 0; i < cfg->n_schemes; i++)
        if (cfg->schemes[i].kind == SATSTAT_SCHEME_ORTHOGONAL)
            return 1;
    return 0;
}

void cli_blas_for(const satstat_config *cfg, int multiplies)
{
    if (multiplies || has_orthogonal(cfg))
        cli_blas_load();
}

void cli_note_reference_blas(const satstat_config *cfg, int quiet)
{
    if (quiet || !has_orthogonal(cfg) || !satstat_blas_is_reference())
        return;
    fprintf(stderr, "satstat: note: this build uses GSL's reference BLAS (%s), which makes "
                    "the orthogonal scheme's QR factorisations about 1000x slower than "
                    "OpenBLAS; rebuild with libopenblas-dev installed (-Dblas=openblas)\n",
            satstat_blas_name());
}
