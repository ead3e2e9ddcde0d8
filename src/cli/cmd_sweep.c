/* cmd_sweep.c — `satstat sweep`: one parameter over a grid, each point a
 * full run with the same seed; a table, JSON or CSV, and three figures.
 * Parses, calls the library (satstat/sweep.h), prints. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/satstat.h>

#include "cli/cli.h"
#include "cli/mpi.h"
#include "cli/commands.h"

typedef struct cli {
    satstat_config config;
    satstat_sweep_spec spec;
    const char *vary;             /* the --vary text, for messages       */
    cli_common common;            /* the options every command shares */
    int analytic_only;
} cli;

static const char usage_text[] =
    "Usage: satstat sweep --vary PARAM=FROM:TO[:STEPS][:log] [OPTIONS]\n"
    "Run the single-neuron experiment at every point of a grid of one parameter\n"
    "and show how Var z, the saturated fraction and E[phi'(z)] follow it: by\n"
    "formula and by sampling, with confidence intervals, as a table, JSON or CSV,\n"
    "and as figures. Every point uses the same seed, so its numbers are exactly\n"
    "those of 'satstat run' with that point's options.\n"
    "\n"
    "The parameter (--vary, required):\n"
    "  n-in=FROM:TO...        the fan-in; points rounded to whole numbers, repeats\n"
    "                         dropped; with --inputs half and no --active, half of\n"
    "                         the inputs are on at every point\n"
    "  sigma=FROM:TO...       the weight std of the normal:SIGMA scheme in --scheme\n"
    "                         (exactly one; its SIGMA is replaced; other schemes stay\n"
    "                         as they are)  [--scheme normal:1]\n"
    "  p=FROM:TO...           with --inputs bernoulli:P the input density P (its P\n"
    "                         is replaced); with --inputs half the fraction of inputs\n"
    "                         on, active = round(p n_in); 0 <= p <= 1\n"
    "  threshold=FROM:TO...   the T of the saturation rule z:T: each point is\n"
    "                         'satstat run --threshold T' (relu too); not with\n"
    "                         --threshold, nor --saturation deriv:, output:, dead\n"
    "  gain=FROM:TO...        the gain of the schemes that take one (xavier-*, he-*,\n"
    "                         orthogonal); the others stay as they are; not with --gain\n"
    "  STEPS: points from FROM to TO, both included  [10]; ':log' spaces them\n"
    "  evenly in log(PARAM) (FROM > 0).\n"
    "\n";

/* Split in parts: ISO C guarantees string literals of 4095 bytes only. */
static const char usage_options[] =
    "Options (as for 'satstat run', the same at every point):\n"
    CLI_HELP_SCHEMES
    "                         [standard,scaled; --vary sigma: normal:1]\n"
    "  --gain G               gain of xavier-*, he-*, orthogonal: a number or linear,\n"
    "                         sigmoid, tanh, relu, leaky_relu[:SLOPE], selu\n"
    "                         (not with --vary gain)  [1; he-*: relu = sqrt 2]\n"
    "  --mode M               fan of he-*: fan_in, fan_out or fan_avg  [fan_in]\n"
    "  --n-in N               fan-in (not with --vary n-in)  [1000]\n"
    "  --n-out N              fan-out, for schemes that use it  [100]\n"
    "  --active K             with --inputs half: the first K inputs are 1  [n_in/2]\n"
    "  --inputs SPEC          half, ones, file:PATH (n_in numbers); fresh per neuron:\n"
    "                         bernoulli:P, normal:S, uniform:A,B  [half]\n"
    "  --bias SPEC            normal:SIGMA, zero, const:C, uniform:A, torch\n"
    "                         (U(+-1/sqrt n_in), nn.Linear's)  [normal:1]\n"
    "  --activation NAME      sigmoid, tanh, softsign, erf, relu, leaky-relu[:SLOPE],\n"
    "                         gelu, selu, linear  [sigmoid]\n"
    "  --threshold T          saturated when |z| >= T (not with --vary threshold)  [4]\n"
    "  --saturation RULE      z:T, deriv:R, output:E or dead, as for 'satstat run'\n"
    "                         [z:T; relu: dead]\n"
    "  --expect-variance V    test the claim Var z = V at every point instead of the\n"
    "                         formula's Var z (one claim across the whole sweep)\n";
static const char usage_options2[] =
    "  --samples N            neurons sampled per scheme and point  [100000]\n"
    "  --analytic-only        formulas only, no sampling\n"
    "  --seed S               the seed of every point  [1]\n"
    CLI_HELP_TRANSFORM
    "  --threads N            worker threads  [all cores]\n"
    "  --alpha A              significance level of each point's tests  [0.001]\n"
    "  --format F             text, json, csv or html (one page with the figures\n"
    "                         inline, needs gnuplot)  [text; with --output, its\n"
    "                         extension: .json, .csv, .txt, .html]\n"
    "  --output FILE          write the report to FILE (replaced atomically)  [stdout]\n"
    "  --plots DIR            write sweep-variance.gp, sweep-saturated-fraction.gp and\n"
    "                         sweep-activation-derivative.gp into DIR\n"
    "  --render FMT           png, svg, pdf or none (needs --plots)  [png with gnuplot]\n"
    CLI_HELP_FIGURES
    "  --quiet                no progress bar, no notes\n"
    "  -h, --help             show this help and exit\n"
    "  --version              show the version and exit\n"
    "\n"
    "Exit status: 0 every point's verification passed, 1 one failed (each point\n"
    "and scheme is tested at level --alpha, so a long sweep fails by chance with\n"
    "probability up to points x schemes x alpha), 2 bad usage, 3 runtime failure,\n"
    "130/143 interrupted.\n"
    "\n"
    "Examples:\n"
    "  satstat sweep --vary n-in=10:10000:7:log --plots sweep-figs\n"
    "                                            standard against scaled over the\n"
    "                                            fan-in, with figures\n"
    "  satstat sweep --vary sigma=0.01:1:9:log --scheme normal:1,scaled --format csv\n"
    "                                            the weight std of normal:SIGMA, as CSV\n"
    "  satstat sweep --vary p=0:1:11 --inputs bernoulli:0.5 --scheme scaled\n"
    "                                            the density of random inputs\n"
    "  satstat sweep --vary threshold=1:6 --analytic-only\n"
    "                                            the saturated fraction against T, by\n"
    "                                            formula only\n"
    "  satstat sweep --vary n-in=10:10000:4:log --scheme scaled --expect-variance 1.5\n"
    "                                            is Var z = 1.5 at every fan-in?\n"
    "  satstat sweep --vary gain=0.5:2:7 --scheme he-normal --activation relu\n"
    "                                            the gain of he-normal under relu\n";

static const char *const help[] = {usage_text, usage_options, usage_options2, NULL};

/* Every option of sweep is shared (cli_parse_common); --vary is the
 * library's. */
static int parse_options(int argc, char **argv, cli *c)
{
    char opt[64];
    int code;
    optind = 1;
    while ((code = cli_next_option(&c->common, argc, argv, opt, sizeof opt)) != -1) {
        int rc = cli_parse_common(&c->common, code, opt, optarg, argv);
        if (rc >= 0)
            return rc;
    }
    return CLI_GO_ON;
}

/* Returns CLI_GO_ON, or an exit status. */
static int parse(int argc, char **argv, cli *c)
{
    cli_common *com = &c->common;
    satstat_config_default(&c->config);
    c->config.samples = SATSTAT_SWEEP_DEFAULT_SAMPLES;
    int status = cli_common_init(com, SATSTAT_COMMAND_SWEEP, "sweep", help, &c->config, NULL,
                                 &c->spec, NULL);
    if (status == CLI_GO_ON)
        status = parse_options(argc, argv, c);
    if (status != CLI_GO_ON)
        return status;
    c->vary = satstat_option_given(&com->options, "vary");
    c->analytic_only = com->options.analytic_only;
    if (optind < argc)
        return cli_unexpected_argument(argv[optind], "sweep");
    if ((status = cli_common_format(com)) != CLI_GO_ON
        || (status = cli_options_finish(&com->options)) != CLI_GO_ON
        || (status = cli_common_plots_given(com)) != CLI_GO_ON)
        return status;
    const char *names[SATSTAT_SWEEP_FIGURES];
    for (size_t i = 0; i < SATSTAT_SWEEP_FIGURES; i++)
        names[i] = satstat_sweep_plot_name(i);
    return cli_plot_finish(&com->plot, names, SATSTAT_SWEEP_FIGURES);
}

/* satstat_sweep_plot_write_figures and _render_figures: the sweep's
 * cli_figures. */
static int write_sweep_figures(const void *sweep, satstat_txn_dir *dir,
                               const satstat_plot_options *plot, char *msg, size_t size)
{
    return satstat_sweep_plot_write_figures(sweep, dir, plot, msg, size);
}

static int render_sweep_figures(const void *sweep, satstat_txn_dir *dir,
                                satstat_render_format format, char *msg, size_t size)
{
    return satstat_sweep_plot_render_figures(sweep, dir, format, NULL, msg, size);
}

typedef struct sweep_writer {
    const satstat_sweep *sweep;
    satstat_format format;
    const satstat_html_options *html;
} sweep_writer;

static int write_report(void *ctx, FILE *f)
{
    const sweep_writer *w = ctx;
    if (w->format == SATSTAT_FORMAT_HTML)
        return satstat_sweep_write_html(w->sweep, w->html, f);
    if (w->format == SATSTAT_FORMAT_TEXT)
        return satstat_sweep_write_text(w->sweep, cli_text_width(f), f);
    return satstat_sweep_write(w->sweep, w->format, f);
}


/* The work after parse(): on a copy of *parsed, whose config (and the
 * values it read, shared by the sweep's points) the caller frees. */
static int sweep_parsed(const cli *parsed)
{
    cli c = *parsed;
    int status;

    /* every point's run split across the mpirun job's processes (mpi.h) */
    c.config.partition = cli_mpi_partition();
    char msg[SATSTAT_SWEEP_MSG_SIZE];
    satstat_sweep *sweep = NULL;
    int rc = satstat_options_sweep_new(&c.config, &c.spec, c.vary, c.analytic_only, &sweep, msg,
                                       sizeof msg);
    if (rc != SATSTAT_OK) {
        cli_usage_error(NULL, msg);
        return rc == SATSTAT_EINVAL ? CLI_EXIT_USAGE : CLI_EXIT_RUNTIME;
    }
    if (!c.analytic_only)
        cli_blas_for(&c.config, 0);
    if (cli_mpi_follower()) {
        /* its share of every point; rank 0 writes */
        cli_install_signals();
        status = cli_mpi_agree(CLI_GO_ON);
        if (status == CLI_GO_ON) {
            cli_progress quiet; /* no bar: the signal flag alone, which cancels */
            cli_progress_start(&quiet, 1, "sweep");
            rc = satstat_sweep_run(sweep, cli_progress_update, &quiet);
            status = cli_mpi_follower_status(
                rc, rc == SATSTAT_OK && (c.analytic_only || satstat_sweep_pass(sweep)));
        }
        satstat_sweep_free(sweep);
        return status;
    }

    int have_gnuplot = 0;
    if (c.common.plots) {
        int prep = cli_plots_prepare(c.common.plots, "--plots", c.common.render_given, &c.common.render,
                                     &have_gnuplot);
        if (prep != CLI_GO_ON) {
            satstat_sweep_free(sweep);
            return cli_mpi_agree(prep);
        }
    }
    if (c.common.format == SATSTAT_FORMAT_HTML && (status = cli_html_prepare()) != CLI_GO_ON) {
        satstat_sweep_free(sweep);
        return cli_mpi_agree(status);
    }

    if (!c.analytic_only)
        cli_note_reference_blas(&c.config, c.common.quiet);
    cli_outputs out;
    status = cli_outputs_begin(&out, c.common.output);
    if (status == CLI_GO_ON && (status = cli_mpi_agree(CLI_GO_ON)) != CLI_GO_ON)
        cli_outputs_failed(&out, NULL, NULL);
    if (status != CLI_GO_ON) {
        satstat_sweep_free(sweep);
        return status;
    }

    cli_progress p;
    cli_progress_start(&p, c.common.quiet, "sweep");
    rc = satstat_sweep_run(sweep, cli_progress_update, &p);
    cli_progress_clear(&p);
    if (rc == SATSTAT_ECANCELED || cli_interrupted_by) {
        satstat_sweep_free(sweep);
        return cli_outputs_interrupted(&out);
    }
    if (rc != SATSTAT_OK) {
        satstat_sweep_free(sweep);
        return cli_outputs_failed(&out, NULL, satstat_strerror(rc));
    }

    const char *names[SATSTAT_SWEEP_FIGURES];
    for (size_t i = 0; i < SATSTAT_SWEEP_FIGURES; i++)
        names[i] = satstat_sweep_plot_name(i);
    cli_figures figs = {sweep, write_sweep_figures, render_sweep_figures,
                        names, SATSTAT_SWEEP_FIGURES, names, SATSTAT_SWEEP_FIGURES};
    satstat_txn_dir *plots_dir = NULL;
    if (c.common.plots) {
        status = cli_figures_write(&figs, &c.common, &c.common.plot, "--plots", have_gnuplot,
                                   &out, &plots_dir);
        if (status != CLI_GO_ON) {
            satstat_sweep_free(sweep);
            return status;
        }
    }

    cli_html_figures page = {NULL, 0};
    satstat_html_options html = {NULL, 0, 0, NULL};
    if (c.common.format == SATSTAT_FORMAT_HTML) {
        /* --plots rendered as SVG already drew what the page shows */
        int svg = plots_dir && c.common.render == SATSTAT_RENDER_SVG;
        if (cli_html_figures_draw(&figs, &c.common.plot, svg ? plots_dir : NULL, &page, msg,
                                  sizeof msg)
            != SATSTAT_OK) {
            satstat_sweep_free(sweep);
            return cli_outputs_failed(&out, "--format", msg);
        }
        html.figures = page.figures;
        html.n_figures = page.n;
    }
    sweep_writer w = {sweep, c.common.format, &html};
    status = cli_outputs_report(&out, write_report, &w);
    cli_html_figures_free(&page);
    if (status == CLI_GO_ON)
        status = cli_outputs_commit(&out, c.analytic_only || satstat_sweep_pass(sweep)
                                              ? CLI_EXIT_PASS
                                              : CLI_EXIT_VERIFY_FAILED);
    satstat_sweep_free(sweep);
    return status;
}

int cli_cmd_sweep_main(int argc, char **argv)
{
    cli c;
    memset(&c, 0, sizeof c);
    int status = parse(argc, argv, &c);
    if (status < 0)
        status = sweep_parsed(&c);
    cli_common_free(&c.common);
    satstat_config_free(&c.config);
    return status;
}
