/* main.c — the satstat command: parse options, run the library, print.
 *
 * Exit status (SPEC.md): 0 every verification passed; 1 a verification
 * failed (the report is complete); 2 bad usage or input (one line on
 * stderr, nothing written); 3 runtime failure (nothing half-written);
 * 130 / 143 interrupted by SIGINT / SIGTERM.  Never 77.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <satstat/satstat.h>

#include "satstat_version.h"

enum {
    EXIT_PASS = 0,
    EXIT_VERIFY_FAILED = 1,
    EXIT_USAGE = 2,
    EXIT_RUNTIME = 3,
};

static volatile sig_atomic_t interrupted_by = 0;

static void on_signal(int sig)
{
    interrupted_by = sig;
}

typedef struct cli {
    satstat_config config;
    satstat_format format;
    const char *output;
    int analytic_only;
    int quiet;
    int demo;                     /* `satstat demo [DIR]`               */
    const char *plots;            /* --plots DIR (demo: DIR or "plots") */
    int demo_dir_given;
    satstat_render_format render; /* --render                           */
    int render_given;
    satstat_plot_options plot;    /* --plot-size                        */
    int plot_size_given;
} cli;

static const char usage_text[] =
    "Usage: satstat [run] [OPTIONS]\n"
    "       satstat demo [DIR] [--render FMT] [--plot-size WxH] [--threads N] [--quiet]\n"
    "Measure how a weight-initialization scheme shapes a neuron's pre-activation\n"
    "z = sum_j w_j x_j + b, and how many sigmoid units start saturated: by formula\n"
    "and by sampling the weights, side by side, with statistical tests.\n"
    "\n"
    "With no command, satstat runs the seed experiment: 1000 inputs of which 500\n"
    "are on, N(0,1) bias, schemes 'standard' (N(0,1) weights, Var z = 501) and\n"
    "'scaled' (N(0,1/n_in) weights, Var z = 1.5), 1e6 neurons each.\n"
    "'satstat demo' runs it too, writes its figures (gnuplot scripts and PNGs)\n"
    "into DIR [plots] and prints the report.\n"
    "\n"
    "Options:\n"
    "  --scheme LIST          comma-separated weight schemes: standard, scaled,\n"
    "                         normal:SIGMA, uniform:A  [standard,scaled]\n"
    "  --n-in N               fan-in  [1000]\n"
    "  --n-out N              fan-out, for schemes that use it  [100]\n"
    "  --active K             with --inputs half: the first K inputs are 1  [n_in/2]\n"
    "  --inputs SPEC          half, ones, bernoulli:P (fresh inputs per neuron)  [half]\n"
    "  --bias SPEC            normal:SIGMA, zero, const:C, uniform:A  [normal:1]\n"
    "  --activation NAME      sigmoid, tanh  [sigmoid]\n"
    "  --threshold T          a unit is saturated when |z| >= T  [4]\n"
    "  --samples N            neurons sampled per scheme; accepts 1e6  [1000000]\n"
    "  --analytic-only        print the analytic side only, sample nothing\n"
    "  --seed S               0 <= S < 2^63; same seed, same numbers, any --threads  [1]\n"
    "  --threads N            worker threads  [all cores]\n"
    "  --alpha A              family-wise significance level of the tests  [0.001]\n"
    "  --expect-variance V    test a claimed Var z instead of the formula's\n"
    "  --format F             text, json or csv  [text]\n"
    "  --output FILE          write the report to FILE (replaced atomically)  [stdout]\n"
    "  --plots DIR            write gnuplot scripts of the figures into DIR (created\n"
    "                         if missing); each holds its data and runs anywhere\n"
    "  --render FMT           png, svg, pdf or none: run gnuplot on the scripts\n"
    "                         (needs --plots)  [png when gnuplot is on PATH]\n"
    "  --plot-size WxH        figure size in pixels  [1280x800]\n"
    "  --quiet                no progress bar, no notes\n"
    "  --help                 show this help and exit\n"
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
    "  satstat --samples 1e8 --threads 2 --output report.csv --format csv\n"
    "  satstat --scheme scaled,uniform:0.05 --plots figs --render svg --plot-size 1920x1200\n"
    "                                            figures of two schemes, as SVG\n"
    "  satstat demo                              the seed gallery into plots/\n"
    "\n"
    "Report bugs to the satstat issue tracker.\n";

static void usage_error(const char *option, const char *message)
{
    if (option)
        fprintf(stderr, "satstat: %s: %s\n", option, message);
    else
        fprintf(stderr, "satstat: %s\n", message);
}

static void version(void)
{
    printf("satstat %s\n", SATSTAT_VERSION);
    printf("generator %s, transform %s, SIMD path %s\n", satstat_generator_name(),
           satstat_transform_name(), satstat_simd_path());
}

/* One line naming the option and the value.  The library's messages
 * usually quote the value already; otherwise it is added, quoted so that
 * '' and ' x' are visible.  Returns the exit status for bad usage. */
static int bad_value(const char *option, const char *value, const char *msg)
{
    char quoted[SATSTAT_QUOTE_SIZE];
    char line[SATSTAT_ERRMSG_SIZE + SATSTAT_QUOTE_SIZE + 32];
    satstat_quote(value, quoted, sizeof quoted);
    if (msg && *msg && strstr(msg, quoted))
        snprintf(line, sizeof line, "%s", msg);
    else if (msg && *msg)
        snprintf(line, sizeof line, "invalid value %s: %s", quoted, msg);
    else
        snprintf(line, sizeof line, "invalid value %s", quoted);
    usage_error(option, line);
    return EXIT_USAGE;
}

static int parse_u64_option(const char *option, const char *value, uint64_t min,
                            uint64_t max, uint64_t *out)
{
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    if (satstat_parse_u64(value, min, max, out, msg) != SATSTAT_OK)
        return bad_value(option, value, msg);
    return -1;
}

static int parse_double_option(const char *option, const char *value, double *out)
{
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    if (satstat_parse_double(value, out, msg) != SATSTAT_OK)
        return bad_value(option, value, msg);
    return -1;
}

enum {
    OPT_SCHEME = 256, OPT_N_IN, OPT_N_OUT, OPT_ACTIVE, OPT_INPUTS, OPT_BIAS,
    OPT_ACTIVATION, OPT_THRESHOLD, OPT_SAMPLES, OPT_ANALYTIC_ONLY, OPT_SEED,
    OPT_THREADS, OPT_ALPHA, OPT_EXPECT_VARIANCE, OPT_FORMAT, OPT_OUTPUT,
    OPT_QUIET, OPT_HELP, OPT_VERSION, OPT_PLOTS, OPT_RENDER, OPT_PLOT_SIZE,
};

static const struct option long_options[] = {
    {"scheme", required_argument, NULL, OPT_SCHEME},
    {"n-in", required_argument, NULL, OPT_N_IN},
    {"n-out", required_argument, NULL, OPT_N_OUT},
    {"active", required_argument, NULL, OPT_ACTIVE},
    {"inputs", required_argument, NULL, OPT_INPUTS},
    {"bias", required_argument, NULL, OPT_BIAS},
    {"activation", required_argument, NULL, OPT_ACTIVATION},
    {"threshold", required_argument, NULL, OPT_THRESHOLD},
    {"samples", required_argument, NULL, OPT_SAMPLES},
    {"analytic-only", no_argument, NULL, OPT_ANALYTIC_ONLY},
    {"seed", required_argument, NULL, OPT_SEED},
    {"threads", required_argument, NULL, OPT_THREADS},
    {"alpha", required_argument, NULL, OPT_ALPHA},
    {"expect-variance", required_argument, NULL, OPT_EXPECT_VARIANCE},
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

static const char *option_name(int code)
{
    for (const struct option *o = long_options; o->name; o++)
        if (o->val == code)
            return o->name;
    return "?";
}

/* The options `satstat demo` takes: the seed experiment is fixed. */
static int demo_option(int code)
{
    return code == OPT_RENDER || code == OPT_PLOT_SIZE || code == OPT_THREADS
           || code == OPT_QUIET || code == OPT_HELP || code == OPT_VERSION || code == ':'
           || code == '?';
}

/* Returns -1 to go on, or an exit status.  c->demo is set by the caller. */
static int parse(int argc, char **argv, cli *c)
{
    char msg[SATSTAT_ERRMSG_SIZE];
    char opt[64];
    satstat_config *cfg = &c->config;
    satstat_config_default(cfg);
    c->format = SATSTAT_FORMAT_TEXT;
    c->output = NULL;
    c->analytic_only = 0;
    c->quiet = 0;
    c->plots = NULL;
    c->demo_dir_given = 0;
    c->render = SATSTAT_RENDER_PNG;
    c->render_given = 0;
    satstat_plot_options_default(&c->plot);
    c->plot_size_given = 0;
    uint64_t u;

    opterr = 0; /* we print our own one-line errors */
    int code;
    while ((code = getopt_long(argc, argv, ":", long_options, NULL)) != -1) {
        msg[0] = '\0';
        snprintf(opt, sizeof opt, "--%s", option_name(code));
        const char *v = optarg;
        int rc = -1;
        if (c->demo && !demo_option(code)) {
            char line[160];
            snprintf(line, sizeof line,
                     "not an option of 'satstat demo' (it runs the seed experiment; "
                     "try 'satstat --help')");
            usage_error(opt, line);
            return EXIT_USAGE;
        }
        switch (code) {
        case OPT_SCHEME:
            if (satstat_scheme_parse_list(v, cfg->schemes, SATSTAT_MAX_SCHEMES,
                                          &cfg->n_schemes, msg) != SATSTAT_OK)
                rc = bad_value(opt, v, msg);
            break;
        case OPT_N_IN:
            rc = parse_u64_option(opt, v, 1, SATSTAT_MAX_N_IN, &cfg->n_in);
            break;
        case OPT_N_OUT:
            rc = parse_u64_option(opt, v, 1, SATSTAT_MAX_N_IN, &cfg->n_out);
            break;
        case OPT_ACTIVE:
            rc = parse_u64_option(opt, v, 0, SATSTAT_MAX_N_IN, &u);
            cfg->inputs.active = u;
            cfg->inputs.active_given = 1;
            break;
        case OPT_INPUTS: {
            uint64_t active = cfg->inputs.active;
            int given = cfg->inputs.active_given;
            if (satstat_inputs_parse(v, &cfg->inputs, msg) != SATSTAT_OK)
                rc = bad_value(opt, v, msg);
            cfg->inputs.active = active;
            cfg->inputs.active_given = given;
            break;
        }
        case OPT_BIAS:
            if (satstat_bias_parse(v, &cfg->bias, msg) != SATSTAT_OK)
                rc = bad_value(opt, v, msg);
            break;
        case OPT_ACTIVATION: {
            const satstat_activation *a = satstat_activation_find(v);
            if (!a) {
                size_t n;
                const satstat_activation *t = satstat_activation_table(&n);
                size_t len = (size_t)snprintf(msg, sizeof msg, "unknown activation (valid:");
                for (size_t i = 0; i < n && len < sizeof msg; i++)
                    len += (size_t)snprintf(msg + len, sizeof msg - len, "%s %s",
                                            i ? "," : "", t[i].name);
                if (len < sizeof msg)
                    snprintf(msg + len, sizeof msg - len, ")");
                rc = bad_value(opt, v, msg);
            }
            cfg->activation = a;
            break;
        }
        case OPT_THRESHOLD:
            rc = parse_double_option(opt, v, &cfg->threshold);
            if (rc < 0 && !(cfg->threshold > 0))
                rc = bad_value(opt, v, "must be a positive finite number");
            break;
        case OPT_SAMPLES:
            rc = parse_u64_option(opt, v, 1, SATSTAT_MAX_SAMPLES, &cfg->samples);
            break;
        case OPT_ANALYTIC_ONLY:
            c->analytic_only = 1;
            break;
        case OPT_SEED:
            rc = parse_u64_option(opt, v, 0, (UINT64_C(1) << 63) - 1, &cfg->seed);
            break;
        case OPT_THREADS:
            rc = parse_u64_option(opt, v, 1, SATSTAT_MAX_THREADS, &u);
            cfg->threads = (unsigned)u;
            break;
        case OPT_ALPHA:
            rc = parse_double_option(opt, v, &cfg->alpha);
            if (rc < 0 && !(cfg->alpha > 0 && cfg->alpha < 1))
                rc = bad_value(opt, v, "must be strictly between 0 and 1");
            break;
        case OPT_EXPECT_VARIANCE:
            rc = parse_double_option(opt, v, &cfg->claimed_variance);
            if (rc < 0 && !(cfg->claimed_variance > 0))
                rc = bad_value(opt, v, "must be a positive finite number");
            cfg->has_claimed_variance = 1;
            break;
        case OPT_FORMAT:
            if (satstat_format_parse(v, &c->format, msg) != SATSTAT_OK)
                rc = bad_value(opt, v, msg);
            break;
        case OPT_OUTPUT:
            if (!*v)
                rc = bad_value(opt, v, "empty file name");
            c->output = v;
            break;
        case OPT_QUIET:
            c->quiet = 1;
            break;
        case OPT_PLOTS:
            if (!*v)
                rc = bad_value(opt, v, "empty directory name");
            else if (strpbrk(v, "\n\r"))
                rc = bad_value(opt, v, "a directory name with a line break cannot be recorded in the scripts");
            c->plots = v;
            break;
        case OPT_RENDER:
            if (satstat_render_format_parse(v, &c->render, msg) != SATSTAT_OK)
                rc = bad_value(opt, v, msg);
            c->render_given = 1;
            break;
        case OPT_PLOT_SIZE:
            if (satstat_plot_size_parse(v, &c->plot.width, &c->plot.height, msg) != SATSTAT_OK)
                rc = bad_value(opt, v, msg);
            c->plot_size_given = 1;
            break;
        case OPT_HELP:
            fputs(usage_text, stdout);
            return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_PASS : EXIT_RUNTIME;
        case OPT_VERSION:
            version();
            return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_PASS : EXIT_RUNTIME;
        case ':':
            snprintf(msg, sizeof msg, "option requires a value");
            usage_error(argv[optind - 1], msg);
            return EXIT_USAGE;
        default: {
            const char *bad = argv[optind - 1];
            char line[320];
            snprintf(line, sizeof line,
                     "unknown option '%s' (try 'satstat --help')", bad);
            usage_error(NULL, line);
            return EXIT_USAGE;
        }
        }
        if (rc >= 0)
            return rc;
    }
    if (c->demo && optind < argc) {
        const char *dir = argv[optind++];
        if (!*dir || strpbrk(dir, "\n\r"))
            return bad_value("demo DIR", dir, !*dir ? "empty directory name"
                             : "a directory name with a line break cannot be recorded in the scripts");
        c->plots = dir;
        c->demo_dir_given = 1;
    }
    if (optind < argc) {
        char line[320];
        snprintf(line, sizeof line, "unexpected argument '%s' (try 'satstat --help')",
                 argv[optind]);
        usage_error(NULL, line);
        return EXIT_USAGE;
    }
    if (c->demo && !c->plots)
        c->plots = "plots";
    if (c->render_given && !c->plots) {
        usage_error("--render", "needs --plots DIR (the directory of the scripts to render)");
        return EXIT_USAGE;
    }
    if (c->plot_size_given && !c->plots) {
        usage_error("--plot-size", "needs --plots DIR");
        return EXIT_USAGE;
    }
    if (satstat_config_validate(cfg, msg) != SATSTAT_OK) {
        usage_error(NULL, msg);
        return EXIT_USAGE;
    }
    return -1;
}

/* ---- progress bar --------------------------------------------------------*/

typedef struct progress {
    int enabled;
    int shown;
    double last_drawn;
    struct timespec start;
} progress;

static double seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + 1e-9 * (double)(t.tv_nsec - t0->tv_nsec);
}

static int on_progress(void *ctx, uint64_t done, uint64_t total)
{
    progress *p = ctx;
    if (interrupted_by)
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
    fprintf(stderr, "\rsampling [%s] %5.1f%%  %.1f s, %.0f s left ", bar,
            100.0 * frac, elapsed, eta);
    p->shown = 1;
    return 0;
}

static void progress_clear(progress *p)
{
    if (p->shown)
        fprintf(stderr, "\r%72s\r", "");
}

/* ---- figures ---------------------------------------------------------------*/

/* Write the scripts into c->plots and render them.  Returns -1 to go on,
 * or an exit status (nothing half-written is left behind). */
static int write_figures(cli *c, const satstat_report *report, int have_gnuplot)
{
    char msg[SATSTAT_ERRMSG_SIZE + 64];
    char invocation[4096 + 64];
    if (c->demo) {
        int n = snprintf(invocation, sizeof invocation, "satstat demo%s%s",
                         c->demo_dir_given ? " " : "", c->demo_dir_given ? c->plots : "");
        if (c->plot_size_given && n > 0 && (size_t)n < sizeof invocation)
            snprintf(invocation + n, sizeof invocation - (size_t)n, " --plot-size %ux%u",
                     c->plot.width, c->plot.height);
        c->plot.invocation = invocation;
    }
    const char *opt = c->demo ? "demo" : "--plots";
    int rc = satstat_plot_write_dir(report, c->plots, &c->plot, msg, sizeof msg);
    if (rc != SATSTAT_OK) {
        usage_error(opt, msg);
        return rc == SATSTAT_EINVAL ? EXIT_USAGE : EXIT_RUNTIME;
    }
    if (c->render == SATSTAT_RENDER_NONE) {
        if (!have_gnuplot && !c->render_given && !c->quiet)
            fprintf(stderr,
                    "satstat: note: gnuplot is not on PATH, so the figure scripts in '%s' were "
                    "written but not rendered; install gnuplot (e.g. apt-get install gnuplot-nox) "
                    "and run: cd '%s' && for f in *.gp; do gnuplot \"$f\"; done\n",
                    c->plots, c->plots);
        return -1;
    }
    rc = satstat_plot_render_dir(report, c->plots, c->render, NULL, msg, sizeof msg);
    if (rc != SATSTAT_OK) {
        if (c->render_given) {
            fprintf(stderr, "satstat: --render %s: %s; the scripts in '%s' are complete, "
                            "no image was written\n",
                    satstat_render_format_name(c->render), msg, c->plots);
            return EXIT_RUNTIME;
        }
        if (!c->quiet)
            fprintf(stderr, "satstat: note: rendering the figures failed (%s); the scripts "
                            "in '%s' are complete\n",
                    msg, c->plots);
        return -1;
    }
    if (msg[0] && !c->quiet)
        fprintf(stderr, "satstat: note: gnuplot warned: %s\n", msg);
    return -1;
}

/* ---- main ----------------------------------------------------------------*/

static int interrupted_status(void)
{
    return interrupted_by == SIGTERM ? 143 : 130;
}

int main(int argc, char **argv)
{
    /* an optional leading command word */
    cli c;
    c.demo = 0;
    if (argc > 1 && (strcmp(argv[1], "run") == 0 || strcmp(argv[1], "demo") == 0)) {
        c.demo = strcmp(argv[1], "demo") == 0;
        argv[1] = argv[0];
        argv++;
        argc--;
    }

    int status = parse(argc, argv, &c);
    if (status >= 0)
        return status;

    /* Figures: fail before the work when they cannot be written or
     * rendered as asked; decide whether to render. */
    char gnuplot[4096] = "";
    int have_gnuplot = 0;
    if (c.plots) {
        char msg[SATSTAT_ERRMSG_SIZE + 64];
        const char *opt = c.demo ? "demo" : "--plots";
        int rc = satstat_plot_check_dir(c.plots, msg, sizeof msg);
        if (rc != SATSTAT_OK) {
            usage_error(opt, msg);
            return rc == SATSTAT_EINVAL ? EXIT_USAGE : EXIT_RUNTIME;
        }
        have_gnuplot = satstat_gnuplot_find(NULL, gnuplot, sizeof gnuplot) == SATSTAT_OK;
        if (c.render_given && c.render != SATSTAT_RENDER_NONE && !have_gnuplot) {
            char line[256];
            snprintf(line, sizeof line,
                     "%s: gnuplot is not on PATH: install it (e.g. apt-get install gnuplot-nox), "
                     "or write the scripts only with --render none; nothing written",
                     satstat_render_format_name(c.render));
            usage_error("--render", line);
            return EXIT_RUNTIME;
        }
        if (!c.render_given && !have_gnuplot)
            c.render = SATSTAT_RENDER_NONE;
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    progress p = {0, 0, 0.0, {0, 0}};
    p.enabled = !c.quiet && isatty(STDERR_FILENO);
    clock_gettime(CLOCK_MONOTONIC, &p.start);

    satstat_report *report = NULL;
    int rc = satstat_report_run(&c.config, c.analytic_only, on_progress, &p, &report);
    progress_clear(&p);
    if (rc == SATSTAT_ECANCELED || interrupted_by) {
        satstat_report_free(report);
        fprintf(stderr, "satstat: interrupted; nothing written\n");
        return interrupted_status();
    }
    if (rc != SATSTAT_OK) {
        fprintf(stderr, "satstat: %s\n", satstat_strerror(rc));
        return EXIT_RUNTIME;
    }

    if (c.plots) {
        status = write_figures(&c, report, have_gnuplot);
        if (interrupted_by) {
            satstat_report_free(report);
            fprintf(stderr, "satstat: interrupted\n");
            return interrupted_status();
        }
        if (status >= 0) {
            satstat_report_free(report);
            return status;
        }
    }

    satstat_output *out = NULL;
    if (satstat_output_open(c.output, &out) != SATSTAT_OK) {
        fprintf(stderr, "satstat: --output: cannot write '%s': %s\n", c.output,
                strerror(errno));
        satstat_report_free(report);
        return EXIT_RUNTIME;
    }
    rc = satstat_report_write(report, c.format, satstat_output_stream(out));
    if (rc != SATSTAT_OK) {
        int saved = errno;
        satstat_output_abort(out);
        fprintf(stderr, "satstat: cannot write the report to '%s': %s\n",
                c.output ? c.output : "standard output", strerror(saved ? saved : EIO));
        satstat_report_free(report);
        return EXIT_RUNTIME;
    }
    if (satstat_output_commit(out) != SATSTAT_OK) {
        fprintf(stderr, "satstat: cannot write the report to '%s': %s\n",
                c.output ? c.output : "standard output", strerror(errno));
        satstat_report_free(report);
        return EXIT_RUNTIME;
    }
    status = satstat_report_pass(report) ? EXIT_PASS : EXIT_VERIFY_FAILED;
    satstat_report_free(report);
    return status;
}
