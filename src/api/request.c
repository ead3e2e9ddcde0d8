/* request.c — a command as JSON in, its report as JSON out
 * (satstat/request.h).  The options go through the one table
 * (satstat/options.h) and the checks `satstat` makes
 * (satstat_options_finish); the work and the JSON are the library calls
 * the commands make, so the report is the command's. */
#include <satstat/request.h>

#include <gsl/gsl_histogram.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/deep.h>
#include <satstat/options.h>
#include <satstat/parse.h>
#include <satstat/plot.h>
#include <satstat/report.h>
#include <satstat/sampler.h>
#include <satstat/sweep.h>
#include <satstat/deep_plot.h>
#include <satstat/sweep_plot.h>

#include "base/error-int.h"

typedef struct request {
    satstat_config config;
    satstat_deep_options deep;
    satstat_sweep_spec spec;
    satstat_options options;
    /* the option values as text: satstat_options keeps them by pointer */
    char *values[SATSTAT_OPTIONS_MAX];
    size_t n_values;
    int histograms; /* "histograms": true */
    /* "figures" */
    const char *figures_dir;
    satstat_render_format render;
    satstat_plot_options plot;
} request;

static void request_free(request *r)
{
    for (size_t i = 0; i < r->n_values; i++)
        free(r->values[i]);
    satstat_config_free(&r->config);
}

/* ---- reading the request -----------------------------------------------------*/

/* One element of a value as `satstat` would read it, appended to buf:
 * integers in decimal, other numbers in the shortest form that reads back
 * to the same double (satstat_format_double). */
static int append_scalar(const json_t *v, char *buf, size_t size)
{
    size_t len = strlen(buf);
    char num[SATSTAT_DOUBLE_SIZE];
    const char *text;
    if (json_is_string(v)) {
        text = json_string_value(v);
    } else if (json_is_integer(v)) {
        snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        text = num;
    } else if (json_is_real(v)) {
        if (satstat_format_double(json_real_value(v), num, sizeof num) != SATSTAT_OK)
            return SATSTAT_EINVAL;
        text = num;
    } else {
        return SATSTAT_EINVAL;
    }
    if (strlen(text) >= size - len)
        return SATSTAT_ERANGE;
    memcpy(buf + len, text, strlen(text) + 1);
    return SATSTAT_OK;
}

/* The value of option `name` as its command-line text, malloc'd into
 * *out; NULL (and OK) for false and null, which mean "not given". */
static int value_text(const satstat_option *opt, const char *name, const json_t *v, char **out,
                      char *msg, size_t size)
{
    *out = NULL;
    if (json_is_null(v) || json_is_false(v))
        return SATSTAT_OK;
    int flag = opt && !opt->arg;
    if (json_is_true(v)) {
        if (opt && !flag) {
            satstat__set_msg(msg, size, "--%s: takes a value, not true", name);
            return SATSTAT_EINVAL;
        }
        *out = strdup("");
        return *out ? SATSTAT_OK : SATSTAT_ENOMEM;
    }
    if (flag) {
        satstat__set_msg(msg, size, "--%s: takes no value: give true or false", name);
        return SATSTAT_EINVAL;
    }
    /* room for any command line (SATSTAT_MAX_SCHEMES specs and more) */
    enum { TEXT_SIZE = 8192 };
    char *text = calloc(1, TEXT_SIZE);
    if (!text)
        return SATSTAT_ENOMEM;
    int rc = SATSTAT_OK;
    if (json_is_array(v)) {
        size_t i;
        const json_t *e;
        json_array_foreach(v, i, e) {
            size_t len = strlen(text);
            if (i && len + 1 < TEXT_SIZE)
                memcpy(text + len, ",", 2);
            if ((rc = append_scalar(e, text, TEXT_SIZE)) != SATSTAT_OK)
                break;
        }
    } else {
        rc = append_scalar(v, text, TEXT_SIZE);
    }
    if (rc != SATSTAT_OK) {
        free(text);
        if (rc == SATSTAT_ERANGE)
            satstat__set_msg(msg, size, "--%s: the value is too long", name);
        else
            satstat__set_msg(msg, size, "--%s: a string, a number or a list of them, not an "
                                        "object or a list of lists", name);
        return SATSTAT_EINVAL;
    }
    *out = text;
    return SATSTAT_OK;
}

static const char *const command_names[] = {"run", "deep", "sweep"};
static const satstat_command command_codes[] = {SATSTAT_COMMAND_RUN, SATSTAT_COMMAND_DEEP,
                                                SATSTAT_COMMAND_SWEEP};

static int read_command(const json_t *root, satstat_command *out, char *msg, size_t size)
{
    const char *name = json_string_value(json_object_get(root, "command"));
    if (!name) {
        satstat__set_msg(msg, size,
                         "request: \"command\" must be a string: run, deep or sweep");
        return SATSTAT_EINVAL;
    }
    for (size_t i = 0; i < 3; i++)
        if (strcmp(name, command_names[i]) == 0) {
            *out = command_codes[i];
            return SATSTAT_OK;
        }
    char q[SATSTAT_QUOTE_SIZE], hint[SATSTAT_SUGGEST_SIZE];
    satstat_suggest(name, strlen(name), command_names, 3, hint, sizeof hint);
    satstat__set_msg(msg, size, "request: unknown command %s (%svalid: run, deep, sweep)",
                     satstat_quote(name, q, sizeof q), hint);
    return SATSTAT_EINVAL;
}

static int read_figures(request *r, const json_t *figures, char *msg, size_t size)
{
    satstat_plot_options_default(&r->plot);
    r->render = SATSTAT_RENDER_NONE;
    if (!figures || json_is_null(figures))
        return SATSTAT_OK;
    const char *dir = json_string_value(json_object_get(figures, "dir"));
    if (!json_is_object(figures) || !dir || !*dir) {
        satstat__set_msg(msg, size, "request: \"figures\" must be an object with a \"dir\"");
        return SATSTAT_EINVAL;
    }
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)figures, key, v) {
        char reason[SATSTAT_ERRMSG_SIZE] = "", line[SATSTAT_OPTION_MSG_SIZE];
        const char *text = json_string_value(v);
        int rc = SATSTAT_OK;
        if (strcmp(key, "dir") == 0)
            continue;
        if (!text) {
            satstat__set_msg(msg, size, "request: figures: \"%s\" must be a string", key);
            return SATSTAT_EINVAL;
        }
        if (strcmp(key, "render") == 0)
            rc = satstat_render_format_parse(text, &r->render, reason, sizeof reason);
        else if (strcmp(key, "size") == 0)
            rc = satstat_plot_size_parse(text, &r->plot.width, &r->plot.height, reason, sizeof reason);
        else {
            satstat__set_msg(msg, size,
                             "request: figures: unknown key \"%s\" (valid: dir, render, size)",
                             key);
            return SATSTAT_EINVAL;
        }
        if (rc != SATSTAT_OK) {
            satstat__set_msg(msg, size, "--%s: %s", strcmp(key, "size") == 0 ? "plot-size" : key,
                             satstat_bad_value_message(text, reason, line, sizeof line));
            return SATSTAT_EINVAL;
        }
    }
    r->figures_dir = dir;
    return SATSTAT_OK;
}

/* The command's defaults, then every option through the table, then the
 * command's checks across options. */
static int read_request(request *r, const json_t *root, char *msg, size_t size)
{
    satstat_command command;
    if (!json_is_object(root)) {
        satstat__set_msg(msg, size, "request: must be a JSON object");
        return SATSTAT_EINVAL;
    }
    int rc = read_command(root, &command, msg, size);
    if (rc != SATSTAT_OK)
        return rc;
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)root, key, v) {
        if (strcmp(key, "command") && strcmp(key, "options") && strcmp(key, "figures")
            && strcmp(key, "histograms")) {
            satstat__set_msg(msg, size,
                             "request: unknown key \"%s\" (valid: command, options, figures, "
                             "histograms)",
                             key);
            return SATSTAT_EINVAL;
        }
    }
    satstat_config_default(&r->config);
    satstat_deep_options_default(&r->deep);
    if (command == SATSTAT_COMMAND_SWEEP)
        r->config.samples = SATSTAT_SWEEP_DEFAULT_SAMPLES;
    satstat_options_init(&r->options, command, &r->config,
                         command == SATSTAT_COMMAND_DEEP ? &r->deep : NULL,
                         command == SATSTAT_COMMAND_SWEEP ? &r->spec : NULL);
    const json_t *histograms = json_object_get(root, "histograms");
    if (histograms && !json_is_boolean(histograms)) {
        satstat__set_msg(msg, size, "request: \"histograms\" must be true or false");
        return SATSTAT_EINVAL;
    }
    r->histograms = json_is_true(histograms);
    rc = read_figures(r, json_object_get(root, "figures"), msg, size);
    if (rc != SATSTAT_OK)
        return rc;

    const json_t *options = json_object_get(root, "options");
    if (options && !json_is_object(options)) {
        satstat__set_msg(msg, size, "request: \"options\" must be an object");
        return SATSTAT_EINVAL;
    }
    /* in the order given, as on a command line (jansson keeps it) */
    json_object_foreach((json_t *)options, key, v) {
        const satstat_option *opt = satstat_option_find(command, key);
        char *text = NULL;
        rc = value_text(opt, key, v, &text, msg, size);
        if (rc != SATSTAT_OK)
            return rc;
        if (!text)
            continue;
        r->values[r->n_values++] = text;
        char line[SATSTAT_OPTION_MSG_SIZE];
        rc = satstat_option_set(&r->options, key, text, line, sizeof line);
        if (rc != SATSTAT_OK) {
            if (opt)
                satstat__set_msg(msg, size, "--%s: %s", key, line);
            else
                satstat__set_msg(msg, size, "%s", line);
            return rc;
        }
        if (r->n_values == SATSTAT_OPTIONS_MAX)
            break; /* every option given: no name repeats in an object */
    }
    return satstat_options_finish(&r->options, msg, size);
}

/* ---- doing it ------------------------------------------------------------------*/

typedef struct outcome {
    satstat_report *report;
    satstat_deep_report *deep;
    satstat_sweep *sweep;
} outcome;

/* ---- histograms ----------------------------------------------------------------*/

/* {"edges": [n+1], "counts": [n], "underflow", "overflow"}: the bins the
 * sampler filled (satstat_summary_histogram), edges as GSL holds them. */
static json_t *gsl_histogram_json(const gsl_histogram *h, uint64_t under, uint64_t over)
{
    json_t *edges = json_array(), *counts = json_array();
    size_t n = gsl_histogram_bins(h);
    for (size_t i = 0; i < n; i++) {
        double lo, hi;
        gsl_histogram_get_range(h, i, &lo, &hi);
        json_array_append_new(edges, json_real(lo));
        if (i + 1 == n)
            json_array_append_new(edges, json_real(hi));
        json_array_append_new(counts, json_integer((json_int_t)gsl_histogram_get(h, i)));
    }
    return json_pack("{s:o, s:o, s:I, s:I}", "edges", edges, "counts", counts, "underflow",
                     (json_int_t)under, "overflow", (json_int_t)over);
}

/* Per scheme of a run: "z", the histogram of every z, and for orthogonal
 * "unit_z", of each matrix's first row; null for an analytic-only run. */
static json_t *report_histograms(const satstat_report *report)
{
    json_t *list = json_array();
    const satstat_config *cfg = satstat_report_config(report);
    for (size_t i = 0; i < satstat_report_scheme_count(report); i++) {
        const satstat_summary *s = satstat_report_summary(report, i);
        json_t *z = json_null(), *unit = json_null();
        uint64_t under = 0, over = 0;
        const gsl_histogram *h = s ? satstat_summary_histogram(s, &under, &over) : NULL;
        if (h)
            z = gsl_histogram_json(h, under, over);
        h = s ? satstat_summary_unit_histogram(s, &under, &over) : NULL;
        if (h)
            unit = gsl_histogram_json(h, under, over);
        json_array_append_new(list, json_pack("{s:s, s:o, s:o}", "scheme",
                                              cfg->schemes[i].canonical, "z", z, "unit_z",
                                              unit));
    }
    return list;
}

/* {"range": [lo, hi], "counts": [SATSTAT_DEEP_HIST_BINS equal bins],
 * "underflow", "overflow"}. */
static json_t *deep_histogram_json(double lo, double hi, const uint64_t *counts, uint64_t under,
                                   uint64_t over)
{
    json_t *c = json_array();
    for (size_t b = 0; b < SATSTAT_DEEP_HIST_BINS; b++)
        json_array_append_new(c, json_integer((json_int_t)counts[b]));
    return json_pack("{s:[f,f], s:o, s:I, s:I}", "range", lo, hi, "counts", c, "underflow",
                     (json_int_t)under, "overflow", (json_int_t)over);
}

/* Per scheme of a deep run, per layer: "z" and "activation" (φ(z)),
 * pooled over every unit of every network. */
static json_t *deep_histograms(const satstat_deep_report *r)
{
    json_t *list = json_array();
    const satstat_config *cfg = satstat_deep_report_config(r);
    uint64_t layers = satstat_deep_report_options(r)->layers;
    for (size_t s = 0; s < satstat_deep_report_scheme_count(r); s++) {
        json_t *ls = json_array();
        for (uint64_t l = 1; l <= layers; l++) {
            const satstat_deep_layer *ly = satstat_deep_report_layer(r, s, l);
            if (!ly)
                continue;
            json_array_append_new(
                ls, json_pack("{s:I, s:o, s:o}", "layer", (json_int_t)l, "z",
                              deep_histogram_json(ly->z_lo, ly->z_hi, ly->z_hist, ly->z_under,
                                                  ly->z_over),
                              "activation",
                              deep_histogram_json(ly->a_lo, ly->a_hi, ly->a_hist, ly->a_under,
                                                  ly->a_over)));
        }
        json_array_append_new(list, json_pack("{s:s, s:o}", "scheme", cfg->schemes[s].canonical,
                                              "layers", ls));
    }
    return list;
}

/* Per point of a sweep: its value and its run's histograms. */
static json_t *sweep_histograms(const satstat_sweep *sweep)
{
    json_t *list = json_array();
    for (size_t i = 0; i < satstat_sweep_point_count(sweep); i++) {
        const satstat_report *report = satstat_sweep_point_report(sweep, i);
        json_array_append_new(list, json_pack("{s:f, s:o}", "value",
                                              satstat_sweep_point_value(sweep, i), "schemes",
                                              report ? report_histograms(report) : json_null()));
    }
    return list;
}

static int write_histograms(const outcome *o, FILE *f)
{
    json_t *h = o->report ? report_histograms(o->report)
                : o->deep ? deep_histograms(o->deep)
                          : sweep_histograms(o->sweep);
    int rc = h && json_dumpf(h, f, JSON_INDENT(2) | JSON_REAL_PRECISION(17)) == 0
                 ? SATSTAT_OK
                 : SATSTAT_ENOMEM;
    json_decref(h);
    return rc;
}

static int write_json(const outcome *o, FILE *f)
{
    if (o->report)
        return satstat_report_write(o->report, SATSTAT_FORMAT_JSON, f);
    if (o->deep)
        return satstat_deep_report_write(o->deep, NULL, SATSTAT_FORMAT_JSON, f);
    return satstat_sweep_write(o->sweep, SATSTAT_FORMAT_JSON, f);
}

/* The command's figures into r->figures_dir, rendered unless "none". */
static int write_figures(const request *r, const outcome *o, char *msg, size_t size)
{
    const char *dir = r->figures_dir;
    const satstat_deep_report *const deeps[1] = {o->deep};
    int rc;
    if (o->report)
        rc = satstat_plot_write_dir(o->report, dir, &r->plot, msg, size);
    else if (o->deep)
        rc = satstat_deep_plot_write_dir(deeps, 1, NULL, 0, dir, &r->plot, msg, size);
    else
        rc = satstat_sweep_plot_write_dir(o->sweep, dir, &r->plot, msg, size);
    if (rc != SATSTAT_OK || r->render == SATSTAT_RENDER_NONE)
        return rc;
    if (o->report)
        rc = satstat_plot_render_dir(o->report, dir, r->render, NULL, msg, size);
    else if (o->deep)
        rc = satstat_deep_plot_render_dir(deeps, 1, NULL, 0, dir, r->render, NULL, msg, size);
    else
        rc = satstat_sweep_plot_render_dir(o->sweep, dir, r->render, NULL, msg, size);
    if (rc == SATSTAT_OK)
        msg[0] = '\0'; /* gnuplot's warning, if any, is not an error */
    return rc;
}

static int run_request(request *r, outcome *o, char *msg, size_t size)
{
    const satstat_options *opts = &r->options;
    int rc;
    switch (opts->command) {
    case SATSTAT_COMMAND_RUN:
        rc = satstat_report_run(&r->config, opts->analytic_only, NULL, NULL, &o->report);
        break;
    case SATSTAT_COMMAND_DEEP:
        rc = satstat_deep_run(&r->config, &r->deep, NULL, NULL, &o->deep);
        break;
    default:
        rc = satstat_options_sweep_new(&r->config, &r->spec, satstat_option_given(opts, "vary"),
                                       opts->analytic_only, &o->sweep, msg, size);
        if (rc != SATSTAT_OK)
            return rc;
        rc = satstat_sweep_run(o->sweep, NULL, NULL);
        break;
    }
    if (rc != SATSTAT_OK)
        satstat__set_msg(msg, size, "%s%s", opts->command == SATSTAT_COMMAND_DEEP ? "deep: " : "",
                         satstat_strerror(rc));
    return rc;
}

int satstat_request_json(const char *text, char **report_json, char *msg, size_t size)
{
    if (report_json)
        *report_json = NULL;
    if (!text || !report_json) {
        satstat__set_msg(msg, size, "request: no request or no place for the report");
        return SATSTAT_EINVAL;
    }
    json_error_t error;
    json_t *root = json_loads(text, JSON_REJECT_DUPLICATES, &error);
    if (!root) {
        satstat__set_msg(msg, size, "request: not JSON: %s (line %d, column %d)", error.text,
                         error.line, error.column);
        return SATSTAT_EINVAL;
    }
    request r;
    memset(&r, 0, sizeof r);
    outcome o = {NULL, NULL, NULL};
    int rc = read_request(&r, root, msg, size);
    if (rc == SATSTAT_OK)
        rc = run_request(&r, &o, msg, size);
    if (rc == SATSTAT_OK && r.figures_dir)
        rc = write_figures(&r, &o, msg, size);
    if (rc == SATSTAT_OK) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        if (!f) {
            rc = SATSTAT_ENOMEM;
        } else {
            /* with histograms, the report's bytes inside an object */
            if (r.histograms)
                fputs("{\"report\": ", f);
            rc = write_json(&o, f);
            if (rc == SATSTAT_OK && r.histograms) {
                fputs(", \"histograms\": ", f);
                rc = write_histograms(&o, f);
                fputs("}\n", f);
            }
            if (fclose(f) != 0 && rc == SATSTAT_OK)
                rc = SATSTAT_ENOMEM;
        }
        if (rc == SATSTAT_OK)
            *report_json = buf;
        else {
            free(buf);
            satstat__set_msg(msg, size, "cannot write the report: %s", satstat_strerror(rc));
        }
    }
    satstat_report_free(o.report);
    satstat_deep_report_free(o.deep);
    satstat_sweep_free(o.sweep);
    request_free(&r);
    json_decref(root);
    return rc;
}

void satstat_request_free(char *report_json)
{
    free(report_json);
}
