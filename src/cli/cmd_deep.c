/* cmd_deep.c — `satstat deep`: random networks of many layers against the
 * mean-field theory of signal propagation.  Parses, calls the library
 * (satstat/deep.h), prints. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/satstat.h>

#include "cli/cli.h"
#include "cli/commands.h"

typedef struct cli {
    satstat_config config;
    satstat_deep_options deep;
    satstat_format format;
    int format_given;             /* --format; else --output's extension */
    const char *output;
    int quiet;
    const char *plots;
    satstat_render_format render;
    int render_given;
    satstat_plot_options plot;
    const char *figure_option; /* the first figure option: needs --plots */
    int phase;
    const char *preset;
    int threshold_given, bias_given, scheme_given, n_in_given, layers_given, width_given,
        networks_given, activation_given;
} cli;

static const char usage_text[] =
    "Usage: satstat deep [OPTIONS]\n"
    "  or:  satstat deep --preset activations [--plots DIR] [OPTIONS]\n"
    "Sample whole random networks of L layers of width W and set them beside the\n"
    "mean-field theory of signal propagation (Poole et al. 2016, Schoenholz et al.\n"
    "2017): per layer the variance of z, the saturated fraction, E[phi'(z)] and the\n"
    "norm of the back-propagated gradient, sampled (with intervals across networks)\n"
    "and predicted (the length map q^l, its fixed point q*, chi1: ordered, critical\n"
    "or chaotic).\n"
    "\n"
    "Layer 1 has fan-in --n-in and takes the inputs of 'satstat run'; layers 2..L have\n"
    "fan-in W and take phi of the layer below; every layer draws its weights from the\n"
    "scheme with its own fan-in, and a bias from --bias.\n"
    "\n"
    "Options:\n"
    "  --layers L             layers, L >= 1  [10]\n"
    "  --width W              units per layer, W >= 1  [1000]\n"
    "  --networks R           independent networks per scheme (the unit of the\n"
    "                         intervals)  [20]\n"
    "  --scheme LIST          weight schemes: standard, scaled, normal:SIGMA, uniform:A,\n"
    "                         xavier-*, he-*, lecun-*, orthogonal[:GAIN] (whole\n"
    "                         QR-drawn matrices), ... as in 'satstat run'\n"
    "                         [standard,scaled]\n"
    "  --activation NAME      sigmoid, tanh, ...  [sigmoid]\n"
    "  --bias SPEC            normal:SIGMA, zero, const:C, uniform:A  [normal:1]\n"
    "  --inputs SPEC          half, ones, bernoulli:P (one input vector per network),\n"
    "                         normal (x_j ~ N(0,1), one vector per network)  [half]\n"
    "  --active K             with --inputs half: the first K inputs are 1  [n_in/2]\n"
    "  --n-in N               fan-in of layer 1  [1000]\n"
    "  --threshold T          a unit is saturated when |z| >= T (relu: z <= 0, dead\n"
    "                         units, whatever T)  [4]\n"
    "  --alpha A              intervals are 1 - A, across networks  [0.001]\n"
    "  --seed S               0 <= S < 2^63; same seed, same numbers, any --threads  [1]\n"
    "  --threads N            worker threads (networks run in parallel)  [all cores]\n"
    "  --max-memory BYTES     refuse a run that would allocate more  [1/4 of RAM]\n"
    "  --format F             text, json, csv or html (one page with the figures\n"
    "                         inline, needs gnuplot)  [text; with --output, its\n"
    "                         extension: .json, .csv, .txt, .html]\n"
    "  --output FILE          write the report to FILE (replaced atomically)  [stdout]\n"
    "  --plots DIR            write gnuplot scripts of the figures into DIR\n"
    "  --render FMT           png, svg, pdf or none  [png when gnuplot is on PATH]\n"
    "  --pair-correlation C0  a second input at correlation C0: sampled c^l beside\n"
    "                         the c-map, xi_c from its decay\n"
    "  --jacobian             singular values of each input-output Jacobian (an SVD\n"
    "                         a network) beside free-probability theory\n";

/* The rest of --help (one string would pass C's 4095 characters). */
static const char usage_figures[] =
    CLI_HELP_FIGURES
    "  --phase                add the phase diagram: chi1 and q* over a grid of\n"
    "                         (sigma_w^2*fan_in, sigma_b^2), the schemes marked\n"
    "  --preset activations   the classic per-layer activation histograms: 5 layers\n"
    "                         of 100 units, N(0,1) inputs, zero bias, weights with\n"
    "                         std 1, 0.01, sqrt(1/n), sqrt(2/n), for sigmoid, tanh and\n"
    "                         relu (those in the activation table)\n"
    "  --quiet                no progress bar, no notes\n"
    "  -h, --help             show this help and exit\n"
    "  --version              show the version and exit\n"
    "\n"
    "Exit status: 0 done, 2 bad usage or input (nothing written), 3 runtime failure,\n"
    "130/143 interrupted by SIGINT/SIGTERM.\n"
    "\n"
    "Examples:\n"
    "  satstat deep --activation tanh --scheme scaled --format json\n"
    "                                            10 tanh layers under 'scaled', as JSON\n"
    "  satstat deep --layers 20 --width 500 --networks 50 --plots deep-figs --phase\n"
    "                                            a deeper study, its figures and the\n"
    "                                            phase diagram\n"
    "  satstat deep --preset activations --plots activations\n"
    "                                            Glorot and Bengio's per-layer\n"
    "                                            activation histograms\n";

enum {
    OPT_LAYERS = 256, OPT_WIDTH, OPT_NETWORKS, OPT_SCHEME, OPT_ACTIVATION, OPT_BIAS,
    OPT_INPUTS, OPT_ACTIVE, OPT_N_IN, OPT_THRESHOLD, OPT_ALPHA, OPT_SEED, OPT_THREADS,
    OPT_MAX_MEMORY, OPT_FORMAT, OPT_OUTPUT, OPT_PLOTS, OPT_RENDER, OPT_PHASE,
    OPT_PRESET, OPT_QUIET, OPT_HELP, OPT_VERSION, OPT_PAIR_CORRELATION, OPT_JACOBIAN,
};

static const struct option long_options[] = {
    {"layers", required_argument, NULL, OPT_LAYERS},
    {"width", required_argument, NULL, OPT_WIDTH},
    {"networks", required_argument, NULL, OPT_NETWORKS},
    {"scheme", required_argument, NULL, OPT_SCHEME},
    {"activation", required_argument, NULL, OPT_ACTIVATION},
    {"bias", required_argument, NULL, OPT_BIAS},
    {"inputs", required_argument, NULL, OPT_INPUTS},
    {"active", required_argument, NULL, OPT_ACTIVE},
    {"n-in", required_argument, NULL, OPT_N_IN},
    {"threshold", required_argument, NULL, OPT_THRESHOLD},
    {"alpha", required_argument, NULL, OPT_ALPHA},
    {"seed", required_argument, NULL, OPT_SEED},
    {"threads", required_argument, NULL, OPT_THREADS},
    {"max-memory", required_argument, NULL, OPT_MAX_MEMORY},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"output", required_argument, NULL, OPT_OUTPUT},
    {"plots", required_argument, NULL, OPT_PLOTS},
    {"render", required_argument, NULL, OPT_RENDER},
    CLI_FIGURE_LONG_OPTIONS,
    {"phase", no_argument, NULL, OPT_PHASE},
    {"pair-correlation", required_argument, NULL, OPT_PAIR_CORRELATION},
    {"jacobian", no_argument, NULL, OPT_JACOBIAN},
    {"preset", required_argument, NULL, OPT_PRESET},
    {"quiet", no_argument, NULL, OPT_QUIET},
    {"help", no_argument, NULL, OPT_HELP},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};


static int parse(int argc, char **argv, cli *c)
{
    char opt[64];
    satstat_config *cfg = &c->config;
    memset(c, 0, sizeof *c);
    satstat_config_default(cfg);
    satstat_deep_options_default(&c->deep);
    c->format = SATSTAT_FORMAT_TEXT;
    c->render = SATSTAT_RENDER_PNG;
    satstat_plot_options_default(&c->plot);
    satstat_options o; /* the configuration options (satstat/options.h) */
    satstat_options_init(&o, SATSTAT_COMMAND_DEEP, cfg, &c->deep, NULL);

    opterr = 0;
    optind = 1;
    int code;
    while ((code = getopt_long(argc, argv, ":h", long_options, NULL)) != -1) {
        snprintf(opt, sizeof opt, "--%s", cli_option_name(long_options, code));
        const char *v = optarg;
        int rc = CLI_GO_ON;
        switch (code) {
        case OPT_LAYERS:
            rc = cli_option_set(opt, v, &o);
            c->layers_given = 1;
            break;
        case OPT_WIDTH:
            rc = cli_option_set(opt, v, &o);
            c->width_given = 1;
            break;
        case OPT_NETWORKS:
            rc = cli_option_set(opt, v, &o);
            c->networks_given = 1;
            break;
        case OPT_SCHEME:
            rc = cli_option_set(opt, v, &o);
            c->scheme_given = 1;
            break;
        case OPT_ACTIVATION:
            rc = cli_option_set(opt, v, &o);
            c->activation_given = 1;
            break;
        case OPT_BIAS:
            rc = cli_option_set(opt, v, &o);
            c->bias_given = 1;
            break;
        case OPT_INPUTS:
        case OPT_ACTIVE:
            rc = cli_option_set(opt, v, &o);
            break;
        case OPT_N_IN:
            rc = cli_option_set(opt, v, &o);
            c->n_in_given = 1;
            break;
        case OPT_THRESHOLD:
            rc = cli_option_set(opt, v, &o);
            c->threshold_given = 1;
            break;
        case OPT_ALPHA:
            rc = cli_option_set(opt, v, &o);
            break;
        case OPT_SEED:
            rc = cli_option_set(opt, v, &o);
            break;
        case OPT_THREADS:
            rc = cli_option_set(opt, v, &o);
            break;
        case OPT_MAX_MEMORY:
            rc = cli_option_set(opt, v, &o);
            break;
        case OPT_FORMAT:
            rc = cli_option_format(opt, v, &c->format);
            c->format_given = 1;
            break;
        case OPT_OUTPUT:
            rc = cli_option_output(opt, v, &c->output);
            break;
        case OPT_PLOTS:
            rc = cli_option_plots(opt, v, &c->plots);
            break;
        case OPT_RENDER:
            rc = cli_option_render(opt, v, &c->render);
            c->render_given = 1;
            break;
        CLI_FIGURE_OPTION_CASES:
            rc = cli_option_figure(code, opt, v, &c->plot, &c->figure_option);
            break;
        case OPT_PHASE:
            c->phase = 1;
            break;
        case OPT_JACOBIAN:
        case OPT_PAIR_CORRELATION:
            rc = cli_option_set(opt, v, &o);
            break;
        case OPT_PRESET:
            if (strcmp(v, "activations") != 0)
                rc = cli_bad_value(opt, v, "unknown preset (valid: activations)");
            c->preset = v;
            break;
        case OPT_QUIET:
            c->quiet = 1;
            break;
        case 'h':
        case OPT_HELP:
            if (cli_print_text(usage_text) != CLI_EXIT_PASS)
                return CLI_EXIT_RUNTIME;
            return cli_print_text(usage_figures);
        case OPT_VERSION:
            return cli_print_version();
        default:
            return cli_getopt_error(code, argv, optind, "deep", long_options);
        }
        if (rc >= 0)
            return rc;
    }
    if (optind < argc)
        return cli_unexpected_argument(argv[optind], "deep");
    if (!c->format_given && c->output) {
        int rc = cli_format_of_output(c->output, &c->format);
        if (rc != CLI_GO_ON)
            return rc;
    }
    if (c->render_given && !c->plots) {
        cli_usage_error("--render", "needs --plots DIR (the directory of the scripts to render)");
        return CLI_EXIT_USAGE;
    }
    if (c->figure_option && !c->plots) {
        cli_usage_error(c->figure_option, "needs --plots DIR");
        return CLI_EXIT_USAGE;
    }
    if (c->preset) {
        /* the classic demonstration: 5 layers of 100 units, N(0,1) inputs,
         * zero bias (each may be overridden) */
        if (!c->layers_given)
            c->deep.layers = 5;
        if (!c->width_given)
            c->deep.width = 100;
        if (!c->n_in_given)
            cfg->n_in = 100;
        if (!c->networks_given)
            c->deep.networks = 100;
        if (!c->bias_given)
            (void)satstat_bias_parse("zero", &cfg->bias, NULL);
        c->deep.input = SATSTAT_DEEP_INPUT_NORMAL;
        cfg->inputs.active_given = 0;
    }
    int status = cli_options_finish(&o);
    if (status == CLI_GO_ON && c->format == SATSTAT_FORMAT_HTML)
        status = cli_html_prepare();
    return status;
}

/* ---- the preset ------------------------------------------------------------*/

/* Weight std 1, 0.01, √(1/n) and √(2/n) for fan-in n = the width (and
 * n_in, equal in the preset): normal:1, normal:0.01, scaled, and He's
 * √(2/n) as the scheme "he-normal" when the scheme table has it, else
 * normal:√(2/W). */
static int preset_schemes(cli *c)
{
    satstat_config *cfg = &c->config;
    if (c->scheme_given)
        return CLI_GO_ON;
    const char *fixed[] = {"normal:1", "normal:0.01", "scaled"};
    cfg->n_schemes = 0;
    for (size_t i = 0; i < 3; i++)
        (void)satstat_scheme_parse(fixed[i], &cfg->schemes[cfg->n_schemes++], NULL);
    char he[SATSTAT_SPEC_SIZE];
    if (satstat_scheme_parse("he-normal", &cfg->schemes[cfg->n_schemes], NULL) == SATSTAT_OK) {
        cfg->n_schemes++;
    } else {
        char num[SATSTAT_DOUBLE_SIZE];
        satstat_format_double(sqrt(2.0 / (double)c->deep.width), num, sizeof num);
        snprintf(he, sizeof he, "normal:%s", num);
        if (satstat_scheme_parse(he, &cfg->schemes[cfg->n_schemes], NULL) == SATSTAT_OK)
            cfg->n_schemes++;
    }
    return CLI_GO_ON;
}

typedef struct render_args {
    const satstat_deep_report *const *reports;
    size_t n;
    const satstat_deep_phase *phase;
    int preset;
    satstat_txn_dir *dir;
} render_args;

/* satstat_deep_plot_render_figures as a cli_render_fn. */
static int render_deep(void *ctx, satstat_render_format format, char *msg, size_t size)
{
    const render_args *a = ctx;
    return satstat_deep_plot_render_figures(a->reports, a->n, a->phase, a->preset, a->dir,
                                            format, NULL, msg, size);
}

/* ---- figures -----------------------------------------------------------------*/

/* Write the scripts into c->plots and render them, as part of the run's
 * outputs.  CLI_GO_ON or an exit status (everything removed). */
static int write_figures(cli *c, const satstat_deep_report *const *reports, size_t n,
                         const satstat_deep_phase *phase, cli_outputs *out, int have_gnuplot)
{
    char msg[SATSTAT_ERRMSG_SIZE + 256];
    satstat_txn_dir *dir;
    int status = cli_outputs_figures(out, c->plots, "--plots", &dir);
    if (status != CLI_GO_ON)
        return status;
    int rc = satstat_deep_plot_write_figures(reports, n, phase, c->preset != NULL, dir,
                                             &c->plot, msg, sizeof msg);
    if (rc != SATSTAT_OK)
        return cli_outputs_failed(out, "--plots", msg);
    render_args a = {reports, n, phase, c->preset != NULL, dir};
    status = cli_render_figures(c->plots, c->render, c->render_given, c->quiet, have_gnuplot,
                                render_deep, &a);
    if (status != CLI_GO_ON)
        return cli_outputs_failed(out, NULL, NULL);
    return CLI_GO_ON;
}

/* ---- output ------------------------------------------------------------------*/

typedef struct writer {
    const satstat_deep_report *const *reports;
    size_t n;
    const satstat_deep_phase *phase;
    satstat_format format;
    int preset;
    const satstat_html_options *html;
} writer;

/* One report; text as wide as the terminal when written to one. */
static int write_one(const writer *w, size_t i, FILE *f)
{
    const satstat_deep_phase *phase = i == 0 ? w->phase : NULL;
    if (w->format == SATSTAT_FORMAT_TEXT)
        return satstat_deep_report_write_text(w->reports[i], phase, cli_text_width(f), f);
    return satstat_deep_report_write(w->reports[i], phase, w->format, f);
}

static int write_report(void *ctx, FILE *f)
{
    const writer *w = ctx;
    if (w->format == SATSTAT_FORMAT_HTML) /* one page, every run */
        return satstat_deep_report_write_html(w->reports, w->n, w->phase, w->html, f);
    if (!w->preset)
        return write_one(w, 0, f);
    /* the preset: one report per activation; JSON as an array under
     * "runs", text and CSV one after the other */
    int rc = SATSTAT_OK;
    if (w->format == SATSTAT_FORMAT_JSON)
        fputs("{\"preset\": \"activations\", \"runs\": [\n", f);
    for (size_t i = 0; i < w->n && rc == SATSTAT_OK; i++) {
        if (i && w->format == SATSTAT_FORMAT_JSON)
            fputs(",\n", f);
        if (i && w->format == SATSTAT_FORMAT_TEXT)
            fputs("\n========================================================================\n\n",
                  f);
        rc = write_one(w, i, f);
    }
    if (w->format == SATSTAT_FORMAT_JSON)
        fputs("]}\n", f);
    return ferror(f) ? SATSTAT_EIO : rc;
}

/* ---- the HTML page ---------------------------------------------------------*/

typedef struct html_draw {
    const satstat_deep_report *const *reports;
    size_t n;
    const satstat_deep_phase *phase;
    int preset;
    const satstat_plot_options *plot;
} html_draw;

/* The figures into `dir`, rendered: a cli_html_draw_fn. */
static int draw_deep(void *ctx, const char *dir, satstat_render_format format, char *msg,
                     size_t size)
{
    const html_draw *d = ctx;
    int rc = satstat_deep_plot_write_dir(d->reports, d->n, d->phase, d->preset, dir, d->plot,
                                         msg, size);
    if (rc == SATSTAT_OK)
        rc = satstat_deep_plot_render_dir(d->reports, d->n, d->phase, d->preset, dir, format,
                                          NULL, msg, size);
    return rc;
}

/* ---- main --------------------------------------------------------------------*/

#define PRESET_MAX 16

/* The work after parse(): on a copy of *parsed, whose config (and the
 * values it read, shared by the copies) the caller frees. */
static int deep_parsed(const cli *parsed)
{
    cli c = *parsed;
    int status;

    /* the runs: one, or one per activation of the preset */
    satstat_config configs[PRESET_MAX];
    size_t nruns = 0;
    if (c.preset) {
        preset_schemes(&c);
        const char *acts[] = {"sigmoid", "tanh", "relu"};
        for (size_t i = 0; i < 3; i++) {
            const satstat_activation *a = satstat_activation_find(acts[i]);
            if (!a) {
                if (!c.quiet)
                    fprintf(stderr, "satstat: note: the activation table has no '%s' yet; "
                                    "the preset shows the others\n",
                            acts[i]);
                continue;
            }
            if (c.activation_given && a != c.config.activation)
                continue;
            configs[nruns] = c.config;
            configs[nruns].activation = a;
            nruns++;
        }
        if (c.activation_given && nruns == 0) {
            configs[nruns++] = c.config;
        }
        char msg[SATSTAT_ERRMSG_SIZE];
        for (size_t i = 0; i < nruns; i++)
            if (satstat_config_validate(&configs[i], msg) != SATSTAT_OK
                || satstat_deep_options_validate(&configs[i], &c.deep, msg) != SATSTAT_OK) {
                cli_usage_error("--preset", msg);
                return CLI_EXIT_USAGE;
            }
    } else {
        configs[nruns++] = c.config;
    }
    {
        /* --figures names the figures these runs will write */
        const satstat_config *cfgs[PRESET_MAX];
        char names[SATSTAT_MAX_SCHEMES + 8][SATSTAT_PLOT_NAME_SIZE];
        const char *list[SATSTAT_MAX_SCHEMES + 8];
        for (size_t i = 0; i < nruns; i++)
            cfgs[i] = &configs[i];
        size_t nf = satstat_deep_plot_names(cfgs, nruns, c.phase, c.preset != NULL, &c.deep, names,
                                            SATSTAT_MAX_SCHEMES + 8);
        for (size_t i = 0; i < nf && i < SATSTAT_MAX_SCHEMES + 8; i++)
            list[i] = names[i];
        status = cli_plot_finish(&c.plot, list, nf);
        if (status != CLI_GO_ON)
            return status;
    }

    int have_gnuplot = 0;
    if (c.plots) {
        int prep = cli_plots_prepare(c.plots, "--plots", c.render_given, &c.render,
                                     &have_gnuplot);
        if (prep != CLI_GO_ON)
            return prep;
    }

    cli_note_reference_blas(&c.config, c.quiet);
    cli_outputs out;
    status = cli_outputs_begin(&out, c.output);
    if (status != CLI_GO_ON)
        return status;
    satstat_deep_report *reports[PRESET_MAX] = {NULL};
    satstat_deep_phase *phase = NULL;
    int rc = SATSTAT_OK;
    cli_progress p;
    cli_progress_start(&p, c.quiet, "networks");
    for (size_t i = 0; i < nruns && rc == SATSTAT_OK; i++)
        rc = satstat_deep_run(&configs[i], &c.deep, cli_progress_update, &p, &reports[i]);
    if (rc == SATSTAT_OK && c.phase && !cli_interrupted_by) {
        /* x: σ_w²·fan_in over [0.1, 10^3.5] (log) so that `standard` at
         * fan-in 1000 shows; y: σ_b² over [0, max(2, 1.25·largest)] */
        double ymax = 2.0;
        double sb2 = satstat_law_variance(&configs[0].bias.law);
        if (1.25 * sb2 > ymax)
            ymax = 1.25 * sb2;
        cli_progress_start(&p, c.quiet, "phase diagram");
        rc = satstat_deep_phase_compute(configs[0].activation,
                                        satstat_law_mean(&configs[0].bias.law), 81, 0.1,
                                        3162.2776601683795, 41, 0.0, ymax, configs[0].threads,
                                        cli_progress_update, &p, &phase);
    }
    cli_progress_clear(&p);
    if (rc == SATSTAT_ECANCELED || cli_interrupted_by) {
        status = cli_outputs_interrupted(&out);
    } else if (rc != SATSTAT_OK) {
        char line[SATSTAT_ERRMSG_SIZE];
        snprintf(line, sizeof line, "deep: %s", satstat_strerror(rc));
        status = cli_outputs_failed(&out, NULL, line);
    } else {
        status = CLI_GO_ON;
        if (c.plots)
            status = write_figures(&c, (const satstat_deep_report *const *)reports, nruns,
                                   phase, &out, have_gnuplot);
        cli_html_figures figs = {NULL, 0};
        satstat_html_options html = {NULL, 0, 0, NULL};
        if (status == CLI_GO_ON && c.format == SATSTAT_FORMAT_HTML) {
            char msg[SATSTAT_ERRMSG_SIZE * 2 + 64];
            html_draw d = {(const satstat_deep_report *const *)reports, nruns, phase,
                           c.preset != NULL, &c.plot};
            /* the summary figures first, as the report reads */
            static const char *const order[] = {"deep-variance", "deep-saturation",
                                                "deep-gradient"};
            if (cli_html_figures_draw(draw_deep, &d, order, 3, &figs, msg, sizeof msg)
                != SATSTAT_OK)
                status = cli_outputs_failed(&out, "--format", msg);
            html.figures = figs.figures;
            html.n_figures = figs.n;
        }
        if (status == CLI_GO_ON) {
            writer w = {(const satstat_deep_report *const *)reports, nruns, phase, c.format,
                        c.preset != NULL, &html};
            status = cli_outputs_report(&out, write_report, &w);
        }
        cli_html_figures_free(&figs);
        if (status == CLI_GO_ON)
            status = cli_outputs_commit(&out, CLI_EXIT_PASS);
    }
    for (size_t i = 0; i < nruns; i++)
        satstat_deep_report_free(reports[i]);
    satstat_deep_phase_free(phase);
    return status;
}

int cli_cmd_deep_main(int argc, char **argv)
{
    cli c;
    int status = parse(argc, argv, &c);
    if (status < 0)
        status = deep_parsed(&c);
    satstat_config_free(&c.config);
    return status;
}
