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
#include "cli/mpi.h"
#include "cli/commands.h"

typedef struct cli {
    satstat_config config;
    satstat_deep_options deep;
    cli_common common;            /* the options every command shares */
    int phase;
    const char *preset;
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
    "  --transform NAME       how Philox words become normals: box-muller-f32-cephes/1\n"
    "                         or ziggurat-256-f32/1; the report names it  [the one\n"
    "                         satstat --version names]\n"
    "  --threads N            worker threads (networks run in parallel)  [all cores]\n"
    "  --max-memory BYTES     refuse a run that would allocate more; K, M, G or T\n"
    "                         after the number count powers of 1024  [1/4 of RAM]\n"
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

static const char *const help[] = {usage_text, usage_figures, NULL};

/* deep's own options; the rest are shared (cli_parse_common). */
enum { OPT_PHASE = 256, OPT_PRESET };
static const struct option own_options[] = {
    {"phase", no_argument, NULL, OPT_PHASE},
    {"preset", required_argument, NULL, OPT_PRESET},
    {NULL, 0, NULL, 0},
};

static int parse_options(int argc, char **argv, cli *c)
{
    char opt[64];
    int code;
    optind = 1;
    while ((code = cli_next_option(&c->common, argc, argv, opt, sizeof opt)) != -1) {
        int rc = cli_parse_common(&c->common, code, opt, optarg, argv);
        if (rc == CLI_NOT_COMMON && code == OPT_PHASE) {
            c->phase = 1;
            rc = CLI_GO_ON;
        } else if (rc == CLI_NOT_COMMON) { /* OPT_PRESET */
            c->preset = optarg;
            rc = strcmp(optarg, "activations") == 0
                     ? CLI_GO_ON
                     : cli_bad_value(opt, optarg, "unknown preset (valid: activations)");
        }
        if (rc >= 0)
            return rc;
    }
    return CLI_GO_ON;
}

/* The option `name` was given (the options' "given" set). */
static int given(const cli *c, const char *name)
{
    return satstat_option_given(&c->common.options, name) != NULL;
}

static int parse(int argc, char **argv, cli *c)
{
    cli_common *com = &c->common;
    satstat_config *cfg = &c->config;
    satstat_config_default(cfg);
    satstat_deep_options_default(&c->deep);
    int status = cli_common_init(com, SATSTAT_COMMAND_DEEP, "deep", help, cfg, &c->deep, NULL,
                                 own_options);
    if (status == CLI_GO_ON)
        status = parse_options(argc, argv, c);
    if (status != CLI_GO_ON)
        return status;
    if (optind < argc)
        return cli_unexpected_argument(argv[optind], "deep");
    if ((status = cli_common_format(com)) != CLI_GO_ON
        || (status = cli_common_plots_given(com)) != CLI_GO_ON)
        return status;
    if (c->preset) {
        /* the classic demonstration: 5 layers of 100 units, N(0,1) inputs,
         * zero bias (each may be overridden) */
        if (!given(c, "layers"))
            c->deep.layers = 5;
        if (!given(c, "width"))
            c->deep.width = 100;
        if (!given(c, "n-in"))
            cfg->n_in = 100;
        if (!given(c, "networks"))
            c->deep.networks = 100;
        if (!given(c, "bias"))
            (void)satstat_bias_parse("zero", &cfg->bias, NULL, 0);
        c->deep.input = SATSTAT_DEEP_INPUT_NORMAL;
        cfg->inputs.active = SATSTAT_ACTIVE_UNSET;
    }
    status = cli_options_finish(&com->options);
    if (status == CLI_GO_ON && com->format == SATSTAT_FORMAT_HTML)
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
    if (given(c, "scheme"))
        return CLI_GO_ON;
    const char *fixed[] = {"normal:1", "normal:0.01", "scaled"};
    cfg->n_schemes = 0;
    for (size_t i = 0; i < 3; i++)
        (void)satstat_scheme_parse(fixed[i], &cfg->schemes[cfg->n_schemes++], NULL, 0);
    char he[SATSTAT_SPEC_SIZE];
    if (satstat_scheme_parse("he-normal", &cfg->schemes[cfg->n_schemes], NULL, 0) == SATSTAT_OK) {
        cfg->n_schemes++;
    } else {
        char num[SATSTAT_DOUBLE_SIZE];
        satstat_format_double(sqrt(2.0 / (double)c->deep.width), num, sizeof num);
        snprintf(he, sizeof he, "normal:%s", num);
        if (satstat_scheme_parse(he, &cfg->schemes[cfg->n_schemes], NULL, 0) == SATSTAT_OK)
            cfg->n_schemes++;
    }
    return CLI_GO_ON;
}

/* ---- figures -----------------------------------------------------------------*/

/* The runs' figures: what satstat_deep_plot_write_figures and
 * _render_figures take besides the folder. */
typedef struct deep_figures {
    const satstat_deep_report *const *reports;
    size_t n;
    const satstat_deep_phase *phase;
    int preset;
} deep_figures;

static int write_deep_figures(const void *ctx, satstat_txn_dir *dir,
                              const satstat_plot_options *plot, char *msg, size_t size)
{
    const deep_figures *d = ctx;
    return satstat_deep_plot_write_figures(d->reports, d->n, d->phase, d->preset, dir, plot,
                                           msg, size);
}

static int render_deep_figures(const void *ctx, satstat_txn_dir *dir,
                               satstat_render_format format, char *msg, size_t size)
{
    const deep_figures *d = ctx;
    return satstat_deep_plot_render_figures(d->reports, d->n, d->phase, d->preset, dir, format,
                                            NULL, msg, size);
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


/* ---- main --------------------------------------------------------------------*/

#define PRESET_MAX 16

/* The work after parse(): on a copy of *parsed, whose config (and the
 * values it read, shared by the copies) the caller frees. */
/* The work: each run (split across the mpirun job's processes, mpi.h),
 * then the phase diagram (computed whole by every process). */
static int deep_compute(const cli *cp, satstat_config *configs, size_t nruns, int quiet,
                        satstat_deep_report **reports, satstat_deep_phase **phase_out)
{
    const cli c = *cp;
    satstat_deep_phase *phase = NULL;
    int rc = SATSTAT_OK;
    cli_progress p;
    cli_progress_start(&p, quiet, "networks");
    for (size_t i = 0; i < nruns && rc == SATSTAT_OK; i++) {
        configs[i].partition = cli_mpi_partition();
        rc = satstat_deep_run(&configs[i], &c.deep, cli_progress_update, &p, &reports[i]);
    }
    if (rc == SATSTAT_OK && c.phase && !cli_interrupted_by) {
        /* x: σ_w²·fan_in over [0.1, 10^3.5] (log) so that `standard` at
         * fan-in 1000 shows; y: σ_b² over [0, max(2, 1.25·largest)] */
        double ymax = 2.0;
        double sb2 = satstat_law_variance(&configs[0].bias.law);
        if (1.25 * sb2 > ymax)
            ymax = 1.25 * sb2;
        cli_progress_start(&p, quiet, "phase diagram");
        rc = satstat_deep_phase_compute(configs[0].activation,
                                        satstat_law_mean(&configs[0].bias.law), 81, 0.1,
                                        3162.2776601683795, 41, 0.0, ymax, configs[0].threads,
                                        cli_progress_update, &p, &phase);
    }
    cli_progress_clear(&p);
    *phase_out = phase;
    return rc;
}

/* Under mpirun, a rank other than 0: the work, nothing written. */
static int deep_follow(const cli *c, satstat_config *configs, size_t nruns)
{
    cli_install_signals();
    int status = cli_mpi_agree(CLI_GO_ON);
    if (status != CLI_GO_ON)
        return status;
    satstat_deep_report *reports[PRESET_MAX] = {NULL};
    satstat_deep_phase *phase = NULL;
    int rc = deep_compute(c, configs, nruns, 1, reports, &phase);
    for (size_t i = 0; i < nruns; i++)
        satstat_deep_report_free(reports[i]);
    satstat_deep_phase_free(phase);
    return cli_mpi_follower_status(rc, 1); /* deep has no verdict */
}

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
                if (!c.common.quiet)
                    fprintf(stderr, "satstat: note: the activation table has no '%s' yet; "
                                    "the preset shows the others\n",
                            acts[i]);
                continue;
            }
            if (given(&c, "activation") && a != c.config.activation)
                continue;
            configs[nruns] = c.config;
            configs[nruns].activation = a;
            nruns++;
        }
        if (given(&c, "activation") && nruns == 0) {
            configs[nruns++] = c.config;
        }
        char msg[SATSTAT_ERRMSG_SIZE];
        for (size_t i = 0; i < nruns; i++)
            if (satstat_options_validate_deep(&configs[i], &c.deep, msg, sizeof msg)
                != SATSTAT_OK) {
                cli_usage_error("--preset", msg);
                return CLI_EXIT_USAGE;
            }
    } else {
        configs[nruns++] = c.config;
    }
    /* the figures these runs will write: for --figures and the page */
    const satstat_config *cfgs[PRESET_MAX];
    char names[SATSTAT_MAX_SCHEMES + 8][SATSTAT_PLOT_NAME_SIZE];
    const char *list[SATSTAT_MAX_SCHEMES + 8];
    for (size_t i = 0; i < nruns; i++)
        cfgs[i] = &configs[i];
    size_t nf = satstat_deep_plot_names(cfgs, nruns, c.phase, c.preset != NULL, &c.deep, names,
                                        SATSTAT_MAX_SCHEMES + 8);
    if (nf > SATSTAT_MAX_SCHEMES + 8)
        nf = SATSTAT_MAX_SCHEMES + 8;
    for (size_t i = 0; i < nf; i++)
        list[i] = names[i];
    status = cli_plot_finish(&c.common.plot, list, nf);
    if (status != CLI_GO_ON)
        return status;

    cli_blas_for(&c.config, 1);
    if (cli_mpi_follower()) /* its share of the networks; rank 0 writes */
        return deep_follow(&c, configs, nruns);

    int have_gnuplot = 0;
    if (c.common.plots) {
        int prep = cli_plots_prepare(c.common.plots, "--plots", c.common.render_given,
                                     &c.common.render, &have_gnuplot);
        if (prep != CLI_GO_ON)
            return prep;
    }

    cli_note_reference_blas(&c.config, c.common.quiet);
    cli_outputs out;
    status = cli_outputs_begin(&out, c.common.output);
    if (status == CLI_GO_ON && (status = cli_mpi_agree(CLI_GO_ON)) != CLI_GO_ON)
        cli_outputs_failed(&out, NULL, NULL);
    if (status != CLI_GO_ON)
        return status;
    satstat_deep_report *reports[PRESET_MAX] = {NULL};
    satstat_deep_phase *phase = NULL;
    int rc = deep_compute(&c, configs, nruns, c.common.quiet, reports, &phase);
    if (rc == SATSTAT_ECANCELED || cli_interrupted_by) {
        status = cli_outputs_interrupted(&out);
    } else if (rc != SATSTAT_OK) {
        char line[SATSTAT_ERRMSG_SIZE];
        snprintf(line, sizeof line, "deep: %s", satstat_strerror(rc));
        status = cli_outputs_failed(&out, NULL, line);
    } else {
        /* the summary figures first on the page, as the report reads */
        static const char *const order[] = {"deep-variance", "deep-saturation",
                                            "deep-gradient"};
        deep_figures d = {(const satstat_deep_report *const *)reports, nruns, phase,
                          c.preset != NULL};
        cli_figures figs = {&d, write_deep_figures, render_deep_figures, list, nf, order, 3};
        satstat_txn_dir *plots_dir = NULL;
        status = CLI_GO_ON;
        if (c.common.plots)
            status = cli_figures_write(&figs, &c.common, &c.common.plot, "--plots",
                                       have_gnuplot, &out, &plots_dir);
        cli_html_figures page = {NULL, 0};
        satstat_html_options html = {NULL, 0, 0, NULL};
        if (status == CLI_GO_ON && c.common.format == SATSTAT_FORMAT_HTML) {
            char msg[SATSTAT_ERRMSG_SIZE * 2 + 64];
            /* --plots rendered as SVG already drew what the page shows */
            int svg = plots_dir && c.common.render == SATSTAT_RENDER_SVG;
            if (cli_html_figures_draw(&figs, &c.common.plot, svg ? plots_dir : NULL, &page, msg,
                                      sizeof msg)
                != SATSTAT_OK)
                status = cli_outputs_failed(&out, "--format", msg);
            html.figures = page.figures;
            html.n_figures = page.n;
        }
        if (status == CLI_GO_ON) {
            writer w = {(const satstat_deep_report *const *)reports, nruns, phase, c.common.format,
                        c.preset != NULL, &html};
            status = cli_outputs_report(&out, write_report, &w);
        }
        cli_html_figures_free(&page);
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
    memset(&c, 0, sizeof c);
    int status = parse(argc, argv, &c);
    if (status < 0)
        status = deep_parsed(&c);
    cli_common_free(&c.common);
    satstat_config_free(&c.config);
    return status;
}
