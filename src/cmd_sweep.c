/* cmd_sweep.c — `satstat sweep`: one parameter over a grid, each point a
 * full run with the same seed; a table, JSON or CSV, and three figures.
 * Parses, calls the library (satstat/sweep.h), prints. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/satstat.h>

#include "cli.h"
#include "commands.h"

typedef struct cli {
    satstat_config config;
    satstat_sweep_spec spec;
    const char *vary;             /* the --vary text, for messages       */
    const char *gain, *mode;      /* --gain, --mode as given, likewise   */
    int scheme_given, n_in_given, threshold_given, samples_given, saturation_given;
    satstat_format format;
    int format_given;             /* --format; else --output's extension */
    const char *output;
    int analytic_only;
    int quiet;
    const char *plots;
    satstat_render_format render;
    int render_given;
    satstat_plot_options plot;
    int plot_size_given;
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
    "  --threads N            worker threads  [all cores]\n"
    "  --alpha A              significance level of each point's tests  [0.001]\n"
    "  --format F             text, json or csv  [text; with --output, its\n"
    "                         extension: .json, .csv, .txt]\n"
    "  --output FILE          write the report to FILE (replaced atomically)  [stdout]\n"
    "  --plots DIR            write sweep-variance.gp, sweep-saturated-fraction.gp and\n"
    "                         sweep-activation-derivative.gp into DIR\n"
    "  --render FMT           png, svg, pdf or none (needs --plots)  [png with gnuplot]\n"
    "  --plot-size WxH        figure size in pixels  [1280x800]\n"
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

enum {
    OPT_SCHEME = 256, OPT_N_IN, OPT_N_OUT, OPT_ACTIVE, OPT_INPUTS, OPT_BIAS,
    OPT_ACTIVATION, OPT_THRESHOLD, OPT_SAMPLES, OPT_ANALYTIC_ONLY, OPT_SEED,
    OPT_THREADS, OPT_ALPHA, OPT_FORMAT, OPT_OUTPUT, OPT_QUIET, OPT_HELP,
    OPT_VERSION, OPT_PLOTS, OPT_RENDER, OPT_PLOT_SIZE, OPT_VARY, OPT_GAIN, OPT_MODE,
    OPT_SATURATION, OPT_EXPECT_VARIANCE,
};

static const struct option long_options[] = {
    {"vary", required_argument, NULL, OPT_VARY},
    {"scheme", required_argument, NULL, OPT_SCHEME},
    {"n-in", required_argument, NULL, OPT_N_IN},
    {"n-out", required_argument, NULL, OPT_N_OUT},
    {"gain", required_argument, NULL, OPT_GAIN},
    {"mode", required_argument, NULL, OPT_MODE},
    {"active", required_argument, NULL, OPT_ACTIVE},
    {"inputs", required_argument, NULL, OPT_INPUTS},
    {"bias", required_argument, NULL, OPT_BIAS},
    {"activation", required_argument, NULL, OPT_ACTIVATION},
    {"threshold", required_argument, NULL, OPT_THRESHOLD},
    {"saturation", required_argument, NULL, OPT_SATURATION},
    {"expect-variance", required_argument, NULL, OPT_EXPECT_VARIANCE},
    {"samples", required_argument, NULL, OPT_SAMPLES},
    {"analytic-only", no_argument, NULL, OPT_ANALYTIC_ONLY},
    {"seed", required_argument, NULL, OPT_SEED},
    {"threads", required_argument, NULL, OPT_THREADS},
    {"alpha", required_argument, NULL, OPT_ALPHA},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"output", required_argument, NULL, OPT_OUTPUT},
    {"quiet", no_argument, NULL, OPT_QUIET},
    {"plots", required_argument, NULL, OPT_PLOTS},
    {"render", required_argument, NULL, OPT_RENDER},
    {"plot-size", required_argument, NULL, OPT_PLOT_SIZE},
    {"help", no_argument, NULL, OPT_HELP},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};


/* --gain, --mode and --saturation apply or not whatever the point: say
 * so as `run` does, naming the value, rather than "at n-in=10: ..." from
 * the sweep's check of each point.  CLI_GO_ON or an exit status. */
static int check_fixed_options(const cli *c)
{
    const satstat_config *cfg = &c->config;
    int gain_used = 0, mode_used = 0;
    for (size_t i = 0; i < cfg->n_schemes; i++) {
        gain_used |= satstat_scheme_takes_gain(&cfg->schemes[i]);
        mode_used |= satstat_scheme_takes_mode(&cfg->schemes[i]);
    }
    if (cfg->gain_given && !gain_used)
        return cli_bad_value("--gain", c->gain, "applies to xavier-*, he-* and orthogonal "
                                                "schemes; --scheme lists none");
    if (cfg->mode_given && !mode_used)
        return cli_bad_value("--mode", c->mode, "applies to he-normal and he-uniform; "
                                                "--scheme lists neither");
    /* the rule against the activation (a threshold sweep makes it z:T) */
    if (c->spec.param != SATSTAT_SWEEP_THRESHOLD) {
        char msg[SATSTAT_ERRMSG_SIZE] = "";
        satstat_region region;
        if (satstat_config_region(cfg, &region, msg) != SATSTAT_OK) {
            cli_usage_error(NULL, msg);
            return CLI_EXIT_USAGE;
        }
    }
    return CLI_GO_ON;
}

/* Returns CLI_GO_ON, or an exit status. */
static int parse(int argc, char **argv, cli *c)
{
    char msg[SATSTAT_ERRMSG_SIZE];
    char opt[64];
    satstat_config *cfg = &c->config;
    memset(c, 0, sizeof *c);
    satstat_config_default(cfg);
    cfg->samples = SATSTAT_SWEEP_DEFAULT_SAMPLES;
    c->format = SATSTAT_FORMAT_TEXT;
    c->render = SATSTAT_RENDER_PNG;
    satstat_plot_options_default(&c->plot);
    uint64_t u;

    opterr = 0;
    optind = 1;
    int code;
    while ((code = getopt_long(argc, argv, ":h", long_options, NULL)) != -1) {
        msg[0] = '\0';
        snprintf(opt, sizeof opt, "--%s", cli_option_name(long_options, code));
        const char *v = optarg;
        int rc = CLI_GO_ON;
        switch (code) {
        case OPT_VARY:
            if (satstat_sweep_spec_parse(v, &c->spec, msg) != SATSTAT_OK)
                rc = cli_bad_value(opt, v, msg);
            c->vary = v;
            break;
        case OPT_SCHEME:
            rc = cli_option_scheme(opt, v, cfg);
            c->scheme_given = 1;
            break;
        case OPT_N_IN:
            rc = cli_parse_u64(opt, v, 1, SATSTAT_MAX_N_IN, &cfg->n_in);
            c->n_in_given = 1;
            break;
        case OPT_N_OUT:
            rc = cli_parse_u64(opt, v, 1, SATSTAT_MAX_N_IN, &cfg->n_out);
            break;
        case OPT_ACTIVE:
            rc = cli_parse_u64(opt, v, 0, SATSTAT_MAX_N_IN, &u);
            cfg->inputs.active = u;
            cfg->inputs.active_given = 1;
            break;
        case OPT_INPUTS:
            rc = cli_option_inputs(opt, v, cfg);
            break;
        case OPT_BIAS:
            rc = cli_option_bias(opt, v, cfg);
            break;
        case OPT_ACTIVATION:
            rc = cli_option_activation(opt, v, cfg);
            break;
        case OPT_GAIN:
            rc = cli_option_gain(opt, v, cfg);
            c->gain = v;
            break;
        case OPT_MODE:
            rc = cli_option_mode(opt, v, cfg);
            c->mode = v;
            break;
        case OPT_THRESHOLD:
            rc = cli_option_threshold(opt, v, cfg, &c->threshold_given);
            break;
        case OPT_SATURATION:
            rc = cli_option_saturation(opt, v, cfg, c->threshold_given);
            c->saturation_given = 1;
            break;
        case OPT_EXPECT_VARIANCE:
            rc = cli_option_expect_variance(opt, v, cfg);
            break;
        case OPT_SAMPLES:
            rc = cli_parse_u64(opt, v, 1, SATSTAT_MAX_SAMPLES, &cfg->samples);
            c->samples_given = 1;
            break;
        case OPT_ANALYTIC_ONLY:
            c->analytic_only = 1;
            break;
        case OPT_SEED:
            rc = cli_parse_u64(opt, v, 0, (UINT64_C(1) << 63) - 1, &cfg->seed);
            break;
        case OPT_THREADS:
            rc = cli_parse_u64(opt, v, 1, SATSTAT_MAX_THREADS, &u);
            cfg->threads = (unsigned)u;
            break;
        case OPT_ALPHA:
            rc = cli_option_alpha(opt, v, &cfg->alpha);
            break;
        case OPT_FORMAT:
            rc = cli_option_format(opt, v, &c->format);
            c->format_given = 1;
            break;
        case OPT_OUTPUT:
            rc = cli_option_output(opt, v, &c->output);
            break;
        case OPT_QUIET:
            c->quiet = 1;
            break;
        case OPT_PLOTS:
            rc = cli_option_plots(opt, v, &c->plots);
            break;
        case OPT_RENDER:
            rc = cli_option_render(opt, v, &c->render);
            c->render_given = 1;
            break;
        case OPT_PLOT_SIZE:
            rc = cli_option_plot_size(opt, v, &c->plot);
            c->plot_size_given = 1;
            break;
        case 'h':
        case OPT_HELP:
            if (cli_print_text(usage_text) != CLI_EXIT_PASS
                || cli_print_text(usage_options) != CLI_EXIT_PASS)
                return CLI_EXIT_RUNTIME;
            return cli_print_text(usage_options2);
        case OPT_VERSION:
            return cli_print_version();
        default:
            return cli_getopt_error(code, argv, optind, "sweep", long_options);
        }
        if (rc >= 0)
            return rc;
    }
    if (optind < argc)
        return cli_unexpected_argument(argv[optind], "sweep");
    if (!c->format_given && c->output) {
        int rc = cli_format_of_output(c->output, &c->format);
        if (rc != CLI_GO_ON)
            return rc;
    }
    if (!c->vary) {
        cli_usage_error("--vary", "is required: PARAM=FROM:TO[:STEPS][:log] with PARAM one of "
                                  "n-in, sigma, p, threshold, gain (try 'satstat sweep --help')");
        return CLI_EXIT_USAGE;
    }
    if (c->spec.param == SATSTAT_SWEEP_N_IN && c->n_in_given) {
        cli_usage_error("--n-in", "cannot be given with --vary n-in (the sweep sets it)");
        return CLI_EXIT_USAGE;
    }
    if (c->spec.param == SATSTAT_SWEEP_THRESHOLD && c->threshold_given) {
        cli_usage_error("--threshold", "cannot be given with --vary threshold (the sweep sets it)");
        return CLI_EXIT_USAGE;
    }
    /* the library refuses these too; here the line names both options */
    if (c->spec.param == SATSTAT_SWEEP_THRESHOLD && c->saturation_given
        && cfg->saturation.kind != SATSTAT_SATURATION_Z
        && cfg->saturation.kind != SATSTAT_SATURATION_DEFAULT) {
        char rule[SATSTAT_ACTIVATION_NAME_SIZE] = "?", line[256];
        satstat_saturation_format(&cfg->saturation, rule, sizeof rule);
        snprintf(line, sizeof line,
                 "'%s' cannot be given with --vary threshold (the threshold is the T of "
                 "the rule z:T; %s uses none)",
                 rule, rule);
        cli_usage_error("--saturation", line);
        return CLI_EXIT_USAGE;
    }
    if (c->spec.param == SATSTAT_SWEEP_GAIN && cfg->gain_given) {
        cli_usage_error("--gain", "cannot be given with --vary gain (the sweep sets it)");
        return CLI_EXIT_USAGE;
    }
    if (c->spec.param == SATSTAT_SWEEP_SIGMA && !c->scheme_given) {
        /* sigma needs a normal: scheme; its SIGMA is replaced at each point */
        (void)satstat_scheme_parse("normal:1", &cfg->schemes[0], NULL);
        cfg->n_schemes = 1;
    }
    int rc = check_fixed_options(c);
    if (rc != CLI_GO_ON)
        return rc;
    if (c->render_given && !c->plots) {
        cli_usage_error("--render", "needs --plots DIR (the directory of the scripts to render)");
        return CLI_EXIT_USAGE;
    }
    if (c->plot_size_given && !c->plots) {
        cli_usage_error("--plot-size", "needs --plots DIR");
        return CLI_EXIT_USAGE;
    }
    /* a file: input is read once, here, and every point shares it (a
     * pipe or a FIFO can be read only once) */
    if (cfg->inputs.kind == SATSTAT_INPUTS_FILE) {
        if (c->spec.param == SATSTAT_SWEEP_N_IN) {
            char q[SATSTAT_QUOTE_SIZE], line[SATSTAT_QUOTE_SIZE + 96];
            snprintf(line, sizeof line,
                     "%s holds a fixed number of inputs; it cannot be given with --vary n-in",
                     satstat_quote(cfg->inputs.canonical, q, sizeof q));
            cli_usage_error("--inputs", line);
            return CLI_EXIT_USAGE;
        }
        if (satstat_inputs_resolve(&cfg->inputs, cfg->n_in, msg) != SATSTAT_OK) {
            cli_usage_error(NULL, msg);
            return CLI_EXIT_USAGE;
        }
    }
    return CLI_GO_ON;
}

typedef struct render_args {
    const satstat_sweep *sweep;
    satstat_txn_dir *dir;
} render_args;

/* satstat_sweep_plot_render_dir as a cli_render_fn. */
static int render_sweep(void *ctx, satstat_render_format format, char *msg, size_t size)
{
    const render_args *a = ctx;
    return satstat_sweep_plot_render_figures(a->sweep, a->dir, format, NULL, msg, size);
}

/* Write the scripts into c->plots and render them, as part of the run's
 * outputs.  CLI_GO_ON or an exit status (everything removed). */
static int write_figures(cli *c, const satstat_sweep *sweep, cli_outputs *out,
                         int have_gnuplot)
{
    char msg[SATSTAT_ERRMSG_SIZE * 2 + 64];
    satstat_txn_dir *dir;
    int status = cli_outputs_figures(out, c->plots, "--plots", &dir);
    if (status != CLI_GO_ON)
        return status;
    int rc = satstat_sweep_plot_write_figures(sweep, dir, &c->plot, msg, sizeof msg);
    if (rc != SATSTAT_OK)
        return cli_outputs_failed(out, "--plots", msg);
    render_args a = {sweep, dir};
    status = cli_render_figures(c->plots, c->render, c->render_given, c->quiet, have_gnuplot,
                                render_sweep, &a);
    if (status != CLI_GO_ON)
        return cli_outputs_failed(out, NULL, NULL);
    return CLI_GO_ON;
}

typedef struct sweep_writer {
    const satstat_sweep *sweep;
    satstat_format format;
} sweep_writer;

static int write_report(void *ctx, FILE *f)
{
    const sweep_writer *w = ctx;
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

    char msg[SATSTAT_ERRMSG_SIZE * 2 + 64];
    satstat_sweep *sweep = NULL;
    int rc = satstat_sweep_new(&c.config, &c.spec, c.analytic_only, &sweep, msg);
    if (rc != SATSTAT_OK) {
        if (rc == SATSTAT_EINVAL) {
            char line[sizeof msg + SATSTAT_QUOTE_SIZE + 16];
            char q[SATSTAT_QUOTE_SIZE];
            snprintf(line, sizeof line, "%s: %s", satstat_quote(c.vary, q, sizeof q), msg);
            cli_usage_error("--vary", line);
            return CLI_EXIT_USAGE;
        }
        fprintf(stderr, "satstat: %s\n", satstat_strerror(rc));
        return CLI_EXIT_RUNTIME;
    }

    int have_gnuplot = 0;
    if (c.plots) {
        int prep = cli_plots_prepare(c.plots, "--plots", c.render_given, &c.render,
                                     &have_gnuplot);
        if (prep != CLI_GO_ON) {
            satstat_sweep_free(sweep);
            return prep;
        }
    }

    if (!c.analytic_only)
        cli_note_reference_blas(&c.config, c.quiet);
    cli_outputs out;
    status = cli_outputs_begin(&out, c.output);
    if (status != CLI_GO_ON) {
        satstat_sweep_free(sweep);
        return status;
    }

    cli_progress p;
    cli_progress_start(&p, c.quiet, "sweep");
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

    if (c.plots) {
        status = write_figures(&c, sweep, &out, have_gnuplot);
        if (status != CLI_GO_ON) {
            satstat_sweep_free(sweep);
            return status;
        }
    }

    sweep_writer w = {sweep, c.format};
    status = cli_outputs_report(&out, write_report, &w);
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
    int status = parse(argc, argv, &c);
    if (status < 0)
        status = sweep_parsed(&c);
    satstat_config_free(&c.config);
    return status;
}
