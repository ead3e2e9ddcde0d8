/* cmd_run.c — `satstat [run]` and `satstat demo`: the single-neuron
 * experiment, its report and its figures.  Parses, calls the library,
 * prints. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <satstat/satstat.h>

#include "cli/cli.h"
#include "cli/mpi.h"
#include "cli/commands.h"

typedef struct cli {
    satstat_config config;
    cli_common common;            /* the options every command shares;
                                     plots: --plots DIR (demo: DIR or "plots") */
    int analytic_only;
    int demo;                     /* `satstat demo [DIR]`               */
} cli;

static const char usage_text[] =
    "Usage: satstat [run] [OPTIONS]\n"
    "  or:  satstat demo [DIR] [--format F] [--output FILE] [--render FMT] [--plot-size SIZE]\n"
    "                    [--dpi N] [--font-size PT] [--figures LIST] [--log-y] [--threads N]\n"
    "                    [--quiet]\n"
    "Measure how a weight-initialization scheme shapes a neuron's pre-activation\n"
    "z = sum_j w_j x_j + b, and how many sigmoid units start saturated: by formula\n"
    "and by sampling the weights, side by side, with statistical tests.\n"
    "\n"
    "With no command, satstat runs the seed experiment: 1000 inputs of which 500\n"
    "are on, N(0,1) bias, schemes 'standard' (N(0,1) weights, Var z = 501) and\n"
    "'scaled' (N(0,1/n_in) weights, Var z = 1.5), 1e6 neurons each.\n"
    "'satstat demo' runs it too, writes its figures (gnuplot scripts and PNGs)\n"
    "into DIR [plots] and prints the report.  With no command satstat runs 'run',\n"
    "whose options follow; 'satstat help COMMAND' shows another command's.\n"
    "\n"
    "Commands:\n"
    "  run                    one neuron: the law of z by formula and by sampling\n"
    "  demo [DIR]             the seed experiment, its report and its figures\n"
    "  deep                   sampled deep networks beside the mean-field theory\n"
    "  sweep                  the experiment over a grid of one parameter\n"
    "  help [COMMAND]         this help, or a command's (satstat COMMAND --help)\n"
    "\n";

/* Split in two: ISO C guarantees string literals of 4095 bytes only. */
static const char usage_options[] =
    "Options:\n"
    CLI_HELP_SCHEMES
    "                         [standard,scaled]\n"
    "  --gain G               gain of xavier-*, he-*, orthogonal: a number or linear,\n"
    "                         sigmoid, tanh, relu, leaky_relu[:SLOPE], selu\n"
    "                         (PyTorch calculate_gain)  [1; he-*: relu = sqrt 2]\n"
    "  --mode M               fan of he-*: fan_in, fan_out or fan_avg  [fan_in]\n"
    "  --n-in N               fan-in  [1000]\n"
    "  --n-out N              fan-out, for schemes that use it  [100]\n"
    "  --active K             with --inputs half: the first K inputs are 1  [n_in/2]\n"
    "  --inputs SPEC          half, ones, file:PATH (n_in numbers); fresh per neuron:\n"
    "                         bernoulli:P, normal:S, uniform:A,B  [half]\n"
    "  --bias SPEC            normal:SIGMA, zero, const:C, uniform:A, torch\n"
    "                         (U(+-1/sqrt n_in), nn.Linear's)  [normal:1]\n"
    "  --activation NAME      sigmoid, tanh, softsign, erf, relu, leaky-relu[:SLOPE],\n"
    "                         gelu, selu, linear  [sigmoid]\n"
    "  --threshold T          a unit is saturated when |z| >= T  [4]\n"
    "  --saturation RULE      which units count as saturated: z:T (|z| >= T, as\n"
    "                         --threshold), deriv:R (|phi'| <= R sup|phi'|, 0<R<1),\n"
    "                         output:E (phi within E of its limit), dead (relu:\n"
    "                         z <= 0); the report gives the region of z  [default:\n"
    "                         z:T; relu: dead]\n";
static const char usage_options2[] =
    "  --samples N            neurons sampled per scheme; accepts 1e6  [1000000]\n"
    "  --analytic-only        print the analytic side only, sample nothing\n"
    "  --seed S               0 <= S < 2^63; same seed, same numbers, any --threads  [1]\n"
    CLI_HELP_TRANSFORM
    "  --threads N            worker threads  [all cores]\n"
    "  --alpha A              family-wise significance level of the tests  [0.001]\n"
    "  --expect-variance V    test a claimed Var z instead of the formula's\n"
    "  --format F             text, json, csv or html (one page with the figures\n"
    "                         inline, needs gnuplot)  [text; with --output, its\n"
    "                         extension: .json, .csv, .txt, .html]\n"
    "  --output FILE          write the report to FILE (replaced atomically)  [stdout]\n"
    "  --plots DIR            write gnuplot scripts of the figures into DIR (created\n"
    "                         if missing); each holds its data and runs anywhere\n"
    "  --render FMT           png, svg, pdf or none: run gnuplot on the scripts\n"
    "                         (needs --plots)  [png when gnuplot is on PATH]\n"
    CLI_HELP_FIGURES
    "  --quiet                no progress bar, no notes\n"
    "  -h, --help             show this help and exit\n"
    "  --version              show the version and exit\n"
    "\n"
    "Exit status: 0 all verifications passed, 1 a verification failed, 2 bad usage\n"
    "or input, 3 runtime failure (I/O, gnuplot failing when --render was given),\n"
    "130/143 interrupted by SIGINT/SIGTERM.\n"
    "\n"
    "Examples:\n"
    "  satstat                                   the seed experiment\n"
    "  satstat --analytic-only                   formulas only, instantly\n"
    "  satstat --scheme scaled --expect-variance 1.0\n"
    "                                            test a claim (this one is wrong:\n"
    "                                            it forgets the bias)\n"
    "  satstat --scheme normal:0.05,uniform:0.1 --inputs bernoulli:0.2 --format json\n"
    "                                            two schemes on random inputs, as JSON\n"
    "  satstat --samples 1e8 --threads 2 --output report.csv --format csv\n"
    "                                            1e8 neurons per scheme, a CSV file\n"
    "  satstat --scheme scaled,uniform:0.05 --plots figs --render svg --plot-size 1920x1200\n"
    "                                            figures of two schemes, as SVG\n"
    "  satstat demo                              the seed gallery into plots/\n"
    "\n"
    "Report bugs to the satstat issue tracker.\n";

static const char *const help[] = {usage_text, usage_options, usage_options2, NULL};

/* The options `satstat demo` takes: the seed experiment is fixed. */
static int demo_option(int code, const char *opt)
{
    if (CLI_IS_CONFIG(code))
        return strcmp(opt, "--threads") == 0;
    switch (code) {
    case CLI_OPT_RENDER: case CLI_OPT_PLOT_SIZE: case CLI_OPT_DPI: case CLI_OPT_FONT_SIZE:
    case CLI_OPT_FIGURES: case CLI_OPT_LOG_Y: case CLI_OPT_FORMAT: case CLI_OPT_OUTPUT:
    case CLI_OPT_QUIET: case CLI_OPT_HELP: case 'h': case CLI_OPT_VERSION: case ':': case '?':
        return 1;
    default:
        return 0;
    }
}

/* The options: every one is shared (cli_parse_common); demo refuses
 * those of the experiment.  Returns -1 to go on, or an exit status. */
static int parse_options(int argc, char **argv, cli *c)
{
    char opt[64];
    int code;
    while ((code = cli_next_option(&c->common, argc, argv, opt, sizeof opt)) != -1) {
        if (c->demo && !demo_option(code, opt)) {
            cli_usage_error(opt, "not an option of 'satstat demo' (it runs the seed experiment; "
                                 "try 'satstat --help')");
            return CLI_EXIT_USAGE;
        }
        int rc = cli_parse_common(&c->common, code, opt, optarg, argv);
        if (rc >= 0)
            return rc;
    }
    return CLI_GO_ON;
}

/* Returns -1 to go on, or an exit status.  c->demo is set by the caller. */
static int parse(int argc, char **argv, cli *c)
{
    cli_common *com = &c->common;
    satstat_config_default(&c->config);
    int status = cli_common_init(com, SATSTAT_COMMAND_RUN, NULL, help, &c->config, NULL,
                                 NULL, NULL);
    if (status == CLI_GO_ON)
        status = parse_options(argc, argv, c);
    if (status != CLI_GO_ON)
        return status;
    c->analytic_only = com->options.analytic_only;
    if (c->demo && optind < argc) {
        const char *dir = argv[optind++];
        if (!*dir || strpbrk(dir, "\n\r"))
            return cli_bad_value("demo DIR", dir, !*dir ? "empty directory name"
                             : "a directory name with a line break cannot be recorded in the scripts");
        com->plots = dir;
    }
    if (optind < argc)
        return cli_unexpected_argument(argv[optind], NULL);
    if ((status = cli_common_format(com)) != CLI_GO_ON)
        return status;
    if (c->demo && !com->plots)
        com->plots = "plots";
    if ((status = cli_common_plots_given(com)) != CLI_GO_ON
        || (status = cli_options_finish(&com->options)) != CLI_GO_ON)
        return status;
    char names[SATSTAT_MAX_SCHEMES + 8][SATSTAT_PLOT_NAME_SIZE];
    const char *list[SATSTAT_MAX_SCHEMES + 8];
    size_t nf = satstat_plot_names(&c->config, names, SATSTAT_MAX_SCHEMES + 8);
    for (size_t i = 0; i < nf; i++)
        list[i] = names[i];
    status = cli_plot_finish(&com->plot, list, nf);
    if (status == CLI_GO_ON && com->format == SATSTAT_FORMAT_HTML)
        status = cli_html_prepare();
    return status;
}

/* ---- figures ---------------------------------------------------------------*/

/* satstat_plot_write_figures and _render_figures: the report's
 * cli_figures. */
static int write_report_figures(const void *report, satstat_txn_dir *dir,
                                const satstat_plot_options *plot, char *msg, size_t size)
{
    return satstat_plot_write_figures(report, dir, plot, msg, size);
}

static int render_report_figures(const void *report, satstat_txn_dir *dir,
                                 satstat_render_format format, char *msg, size_t size)
{
    return satstat_plot_render_figures(report, dir, format, NULL, msg, size);
}

/* The report's figures, named in its order into names (n of them). */
typedef struct run_figures {
    cli_figures f;
    char (*names)[SATSTAT_PLOT_NAME_SIZE];
    const char **list;
} run_figures;

static int run_figures_init(run_figures *r, const satstat_report *report)
{
    size_t n = satstat_plot_count(report);
    r->names = calloc(n ? n : 1, sizeof *r->names);
    r->list = calloc(n ? n : 1, sizeof *r->list);
    int rc = r->names && r->list ? SATSTAT_OK : SATSTAT_ENOMEM;
    for (size_t i = 0; rc == SATSTAT_OK && i < n; i++) {
        satstat_figure kind;
        size_t scheme;
        rc = satstat_plot_figure(report, i, &kind, &scheme, r->names[i], sizeof r->names[i]);
        r->list[i] = r->names[i];
    }
    r->f = (cli_figures){report, write_report_figures, render_report_figures,
                         r->list, n, r->list, n};
    return rc;
}

static void run_figures_free(run_figures *r)
{
    free(r->list);
    free(r->names);
}

/* Write the scripts into c->common.plots and render them, as part of the
 * run's outputs; *dir gets the folder.  Returns CLI_GO_ON, or an exit
 * status (everything removed). */
static int write_figures(const cli *c, const cli_figures *figs, cli_outputs *out,
                         int have_gnuplot, satstat_txn_dir **dir)
{
    /* the options with this call's invocation (the folder and the figure
     * options follow it in the headers) */
    satstat_plot_options plot = c->common.plot;
    if (c->demo)
        plot.invocation = "satstat demo";
    return cli_figures_write(figs, &c->common, &plot, c->demo ? "demo" : "--plots",
                             have_gnuplot, out, dir);
}

/* ---- main ----------------------------------------------------------------*/

typedef struct report_writer {
    const satstat_report *report;
    satstat_format format;
    const satstat_html_options *html;
} report_writer;

static int write_report(void *ctx, FILE *f)
{
    const report_writer *w = ctx;
    if (w->format == SATSTAT_FORMAT_HTML)
        return satstat_report_write_html(w->report, w->html, f);
    if (w->format == SATSTAT_FORMAT_TEXT)
        return satstat_report_write_text(w->report, cli_text_width(f), f);
    return satstat_report_write(w->report, w->format, f);
}

/* Under mpirun, ranks other than 0 compute their share of the report
 * and write nothing; their status is the verdict's (mpi.h). */
static int run_follower(const cli *c)
{
    satstat_report *report = NULL;
    cli_progress quiet; /* no bar: the signal flag alone, which cancels */
    cli_progress_start(&quiet, 1, "sampling");
    int rc = satstat_report_run(&c->config, c->analytic_only, cli_progress_update, &quiet,
                                &report);
    int status = cli_mpi_follower_status(rc, rc == SATSTAT_OK && satstat_report_pass(report));
    satstat_report_free(report);
    return status;
}

/* The work after parse(): on a copy of *parsed, whose config (and the
 * values it read, shared by the copy) the caller frees. */
static int run_parsed(const cli *parsed)
{
    cli c = *parsed;
    int status;
    c.config.partition = cli_mpi_partition();
    if (!c.analytic_only)
        cli_blas_for(&c.config, 0);
    if (cli_mpi_follower()) {
        cli_install_signals();
        status = cli_mpi_agree(CLI_GO_ON);
        return status == CLI_GO_ON ? run_follower(&c) : status;
    }

    /* Figures: fail before the work when they cannot be written or
     * rendered as asked; decide whether to render. */
    int have_gnuplot = 0;
    if (c.common.plots) {
        status = cli_plots_prepare(c.common.plots, c.demo ? "demo" : "--plots", c.common.render_given,
                                   &c.common.render, &have_gnuplot);
        if (status != CLI_GO_ON)
            return cli_mpi_agree(status);
    }

    if (!c.analytic_only)
        cli_note_reference_blas(&c.config, c.common.quiet);
    /* the report's target resolved, and a file to replace created, now */
    cli_outputs out;
    status = cli_outputs_begin(&out, c.common.output);
    if (status != CLI_GO_ON)
        return cli_mpi_agree(status);
    status = cli_mpi_agree(CLI_GO_ON);
    if (status != CLI_GO_ON) {
        cli_outputs_failed(&out, NULL, NULL);
        return status;
    }

    cli_progress p;
    cli_progress_start(&p, c.common.quiet, "sampling");
    satstat_report *report = NULL;
    int rc = satstat_report_run(&c.config, c.analytic_only, cli_progress_update, &p, &report);
    cli_progress_clear(&p);
    if (rc == SATSTAT_ECANCELED || cli_interrupted_by) {
        satstat_report_free(report);
        return cli_outputs_interrupted(&out);
    }
    if (rc != SATSTAT_OK) {
        satstat_report_free(report);
        return cli_outputs_failed(&out, NULL, satstat_strerror(rc));
    }

    run_figures figs;
    if (run_figures_init(&figs, report) != SATSTAT_OK) {
        run_figures_free(&figs);
        satstat_report_free(report);
        return cli_outputs_failed(&out, NULL, satstat_strerror(SATSTAT_ENOMEM));
    }
    /* --plots rendered as SVG already drew what the page shows */
    satstat_txn_dir *plots_dir = NULL;
    if (c.common.plots) {
        status = write_figures(&c, &figs.f, &out, have_gnuplot, &plots_dir);
        if (status != CLI_GO_ON) {
            run_figures_free(&figs);
            satstat_report_free(report);
            return status;
        }
    }

    cli_html_figures page = {NULL, 0};
    satstat_html_options html = {NULL, 0, c.demo, c.demo ? "satstat demo --format html" : NULL};
    if (c.common.format == SATSTAT_FORMAT_HTML) {
        char msg[SATSTAT_ERRMSG_SIZE * 2 + 64];
        int svg = plots_dir && c.common.render == SATSTAT_RENDER_SVG;
        if (cli_html_figures_draw(&figs.f, &c.common.plot, svg ? plots_dir : NULL, &page, msg,
                                  sizeof msg) != SATSTAT_OK) {
            run_figures_free(&figs);
            satstat_report_free(report);
            return cli_outputs_failed(&out, "--format", msg);
        }
        html.figures = page.figures;
        html.n_figures = page.n;
    }
    run_figures_free(&figs);
    report_writer w = {report, c.common.format, &html};
    status = cli_outputs_report(&out, write_report, &w);
    cli_html_figures_free(&page);
    if (status == CLI_GO_ON)
        status = cli_outputs_commit(&out, satstat_report_pass(report) ? CLI_EXIT_PASS
                                                                      : CLI_EXIT_VERIFY_FAILED);
    satstat_report_free(report);
    return status;
}

/* argv[0] is the command word (or the program name when there is none). */
int cli_cmd_run(int argc, char **argv, int demo)
{
    cli c;
    memset(&c, 0, sizeof c);
    c.demo = demo;

    int status = parse(argc, argv, &c);
    if (status < 0)
        status = run_parsed(&c);
    cli_common_free(&c.common);
    satstat_config_free(&c.config);
    return status;
}

int cli_cmd_run_main(int argc, char **argv)
{
    return cli_cmd_run(argc, argv, 0);
}

int cli_cmd_demo_main(int argc, char **argv)
{
    return cli_cmd_run(argc, argv, 1);
}
