/* sweep_write.c — a sweep's report as text, JSON and CSV
 * (satstat_sweep_write, satstat/sweep.h), and the numbers of each
 * (point, scheme) its writers and its figures (sweep_plot.c) read.
 *
 * The writers only read the reports: the JSON of a point is the run's own
 * JSON (parsed back and embedded), the text and CSV use the same interval
 * functions as the run report.  The plan and the run are sweep.c's.
 */
#include <satstat/sweep.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <satstat/analytic.h>
#include <satstat/error.h>
#include <satstat/io.h>
#include <satstat/parse.h>
#include <satstat/stats.h>

#include "studies/sweep-int.h"
#include <satstat/html.h>
#include <satstat/model.h>
#include "base/locale-int.h"
#include "output/report-int.h"
#include "satstat_version.h"
#include "base/error-int.h"

/* ======================================================================
 * The numbers of one (point, scheme)
 * ====================================================================== */

typedef satstat__sweep_quantity quantity;
typedef satstat__sweep_cell cell;

static double model_value(const satstat_quantity *q, size_t n, const char *name,
                          satstat_quantity_kind kind)
{
    const satstat_quantity *x = satstat_quantity_find(q, n, name, kind);
    return x ? x->value : NAN;
}

static void model_quantity(const satstat_quantity *q, size_t n, const char *name, quantity *out)
{
    const satstat_quantity *ci = satstat_quantity_find(q, n, name, SATSTAT_QUANTITY_INTERVAL);
    out->analytic = model_value(q, n, name, SATSTAT_QUANTITY_FORMULA);
    out->sampled = model_value(q, n, name, SATSTAT_QUANTITY_SAMPLED);
    out->lo = ci ? ci->interval.lo : NAN;
    out->hi = ci ? ci->interval.hi : NAN;
}

static void cell_of(const satstat_report *r, size_t i, cell *c)
{
    satstat_quantity q[SATSTAT_MODEL_MAX];
    size_t n = 0;
    memset(c, 0, sizeof *c);
    if (satstat_report_model(r, i, q, SATSTAT_MODEL_MAX, &n) != SATSTAT_OK)
        n = 0;
    c->weight_variance = model_value(q, n, "weight_variance", SATSTAT_QUANTITY_FORMULA);
    model_quantity(q, n, "mean", &c->mean);
    model_quantity(q, n, "variance", &c->var);
    model_quantity(q, n, "saturated_fraction", &c->sat);
    model_quantity(q, n, "mean_activation_derivative", &c->dphi);
    model_quantity(q, n, "skewness", &c->skewness);
    model_quantity(q, n, "excess_kurtosis", &c->kurtosis);
    c->saturated_count = model_value(q, n, "saturated_count", SATSTAT_QUANTITY_SAMPLED);
    c->claimed_variance = model_value(q, n, "claimed_variance", SATSTAT_QUANTITY_CLAIM);
    c->claimed_sat = model_value(q, n, "claimed_saturated_fraction", SATSTAT_QUANTITY_CLAIM);
    c->claimed_dphi =
        model_value(q, n, "claimed_mean_activation_derivative", SATSTAT_QUANTITY_CLAIM);
    double samples = model_value(q, n, "samples", SATSTAT_QUANTITY_SAMPLED);
    c->sampled = isfinite(samples);
    c->n = c->sampled ? (uint64_t)samples : 0;
}

/* ======================================================================
 * Text, JSON, CSV
 * ====================================================================== */

static const char *g4(double x, char buf[SATSTAT_DOUBLE_SIZE])
{
    if (!isfinite(x))
        snprintf(buf, SATSTAT_DOUBLE_SIZE, "-");
    else
        snprintf(buf, SATSTAT_DOUBLE_SIZE, "%.4g", x == 0 ? 0.0 : x);
    return buf;
}

/* A parameter value: whole numbers for n-in, else %.4g. */
static const char *val_text(const satstat_sweep *s, double x, char buf[SATSTAT_DOUBLE_SIZE])
{
    if (s->spec.param == SATSTAT_SWEEP_N_IN && isfinite(x))
        snprintf(buf, SATSTAT_DOUBLE_SIZE, "%.0f", x);
    else
        g4(x, buf);
    return buf;
}

static void param_label(const satstat_sweep *s, char *buf, size_t size)
{
    switch (s->spec.param) {
    case SATSTAT_SWEEP_N_IN:
        snprintf(buf, size, "n_in");
        break;
    case SATSTAT_SWEEP_SIGMA:
        snprintf(buf, size, "sigma");
        break;
    case SATSTAT_SWEEP_P:
        snprintf(buf, size, "p");
        break;
    case SATSTAT_SWEEP_THRESHOLD:
        snprintf(buf, size, "T");
        break;
    case SATSTAT_SWEEP_GAIN:
        snprintf(buf, size, "gain");
        break;
    }
}

/* "p = fraction of inputs on" and the like, for headers. */
static const char *param_meaning(const satstat_sweep *s)
{
    switch (s->spec.param) {
    case SATSTAT_SWEEP_N_IN:
        return s->base.inputs.kind == SATSTAT_INPUTS_HALF && s->base.inputs.active == SATSTAT_ACTIVE_UNSET
                   ? "the fan-in n_in (half inputs: active = n_in/2 at each point)"
                   : "the fan-in n_in";
    case SATSTAT_SWEEP_SIGMA:
        return "the weight standard deviation of the normal:SIGMA scheme";
    case SATSTAT_SWEEP_P:
        return s->base.inputs.kind == SATSTAT_INPUTS_HALF
                   ? "the fraction p of inputs that are 1 (half inputs, active = round(p n_in))"
                   : "the input density p (inputs Bernoulli(p), fresh per neuron)";
    case SATSTAT_SWEEP_THRESHOLD:
        return "the saturation threshold T (saturated when |z| >= T)";
    case SATSTAT_SWEEP_GAIN:
        return "the gain of the schemes";
    }
    return "";
}

/* One scheme's table: the parameter column, then per quantity (Var z, the
 * saturated fraction, E phi') its formula, sampled and interval columns,
 * and the tests' verdict.  Columns are as wide as their cells, two spaces
 * apart; the quantities wrap into blocks (each repeating the parameter
 * column) so that no line exceeds the width. */
enum { SWEEP_COLS = 1 + 3 * 3 + 1, SWEEP_CELL = 2 * SATSTAT_DOUBLE_SIZE + 8 };

typedef struct sweep_table {
    size_t rows; /* header + points */
    char (*cell)[SWEEP_COLS][SWEEP_CELL];
    size_t width[SWEEP_COLS];
    int group[SWEEP_COLS]; /* 0 the parameter, 1..3 a quantity, 4 tests */
    int used[SWEEP_COLS];
} sweep_table;

static void table_put(sweep_table *t, size_t row, size_t col, const char *text)
{
    snprintf(t->cell[row][col], SWEEP_CELL, "%s", text);
    size_t len = strlen(t->cell[row][col]);
    if (len > t->width[col])
        t->width[col] = len;
}

static void table_lines(const sweep_table *t, const int *cols, size_t n, FILE *f)
{
    for (size_t r = 0; r < t->rows; r++) {
        char line[1024];
        size_t len = 0;
        for (size_t j = 0; j < n && len < sizeof line; j++) {
            size_t c = (size_t)cols[j];
            /* the parameter column right-aligned, the others left */
            int w = (int)t->width[c];
            len += (size_t)snprintf(line + len, sizeof line - len, j ? "  %-*s" : "%*s", w,
                                    t->cell[r][c]);
        }
        if (len >= sizeof line)
            len = sizeof line - 1;
        while (len > 0 && line[len - 1] == ' ')
            len--;
        fprintf(f, "%.*s\n", (int)len, line);
    }
}

static void write_scheme_table(const satstat_sweep *s, size_t k, unsigned width, FILE *f)
{
    const satstat_config *b = &s->base;
    char a1[SATSTAT_DOUBLE_SIZE], a2[SATSTAT_DOUBLE_SIZE], pl[16], ci[48], dphi[48];
    param_label(s, pl, sizeof pl);
    snprintf(ci, sizeof ci, "%.6g%% CI", 100.0 * (1.0 - b->alpha));
    snprintf(dphi, sizeof dphi, "E[%s'(z)]", b->activation->name);
    sweep_table t = {.rows = s->n + 1};
    t.cell = calloc(t.rows, sizeof *t.cell);
    if (!t.cell)
        return;
    const char *names[3] = {"Var z", "saturated", dphi};
    table_put(&t, 0, 0, pl);
    t.used[0] = 1;
    for (int q = 0; q < 3; q++) {
        table_put(&t, 0, 1 + 3 * (size_t)q, names[q]);
        t.group[1 + 3 * q] = t.group[2 + 3 * q] = t.group[3 + 3 * q] = q + 1;
        t.used[1 + 3 * q] = 1;
        if (!s->analytic_only) {
            table_put(&t, 0, 2 + 3 * (size_t)q, "sampled");
            table_put(&t, 0, 3 + 3 * (size_t)q, ci);
            t.used[2 + 3 * q] = t.used[3 + 3 * q] = 1;
        }
    }
    t.group[SWEEP_COLS - 1] = 4;
    if (!s->analytic_only) {
        table_put(&t, 0, SWEEP_COLS - 1, "tests");
        t.used[SWEEP_COLS - 1] = 1;
    }
    for (size_t i = 0; i < s->n; i++) {
        cell c;
        cell_of(s->reports[i], k, &c);
        table_put(&t, i + 1, 0, val_text(s, s->values[i], a1));
        const quantity *q[3] = {&c.var, &c.sat, &c.dphi};
        for (int j = 0; j < 3; j++) {
            table_put(&t, i + 1, 1 + 3 * (size_t)j, g4(q[j]->analytic, a1));
            if (s->analytic_only)
                continue;
            table_put(&t, i + 1, 2 + 3 * (size_t)j, g4(q[j]->sampled, a1));
            char iv[SWEEP_CELL];
            snprintf(iv, sizeof iv, "[%s, %s]", g4(q[j]->lo, a1), g4(q[j]->hi, a2));
            table_put(&t, i + 1, 3 + 3 * (size_t)j, iv);
        }
        if (!s->analytic_only)
            table_put(&t, i + 1, SWEEP_COLS - 1,
                      satstat_report_scheme_pass(s->reports[i], k) ? "pass" : "FAIL");
    }
    /* the quantity groups (and the tests, with the last) in blocks */
    int cols[SWEEP_COLS];
    size_t n = 0, used = t.width[0];
    cols[n++] = 0;
    for (int g = 1; g <= 4; g++) {
        size_t gw = 0;
        for (size_t c = 1; c < SWEEP_COLS; c++)
            if (t.group[c] == g && t.used[c])
                gw += 2 + t.width[c];
        if (gw == 0)
            continue;
        if (n > 1 && used + gw > width) {
            table_lines(&t, cols, n, f);
            fputc('\n', f);
            n = 1;
            used = t.width[0];
        }
        for (size_t c = 1; c < SWEEP_COLS; c++)
            if (t.group[c] == g && t.used[c])
                cols[n++] = (int)c;
        used += gw;
    }
    table_lines(&t, cols, n, f);
    free(t.cell);
}

static void write_text(const satstat_sweep *s, unsigned width, FILE *f)
{
    const satstat_config *b = &s->base;
    char a1[SATSTAT_DOUBLE_SIZE], a2[SATSTAT_DOUBLE_SIZE], pl[16], cmd[4096], lv[32];
    char line[8192];
    size_t len = 0;
    param_label(s, pl, sizeof pl);
    snprintf(lv, sizeof lv, "%.6g%%", 100.0 * (1.0 - b->alpha));
    snprintf(line, sizeof line, "satstat %s sweep: %s", SATSTAT_VERSION, param_meaning(s));
    satstat__text_wrap(f, width, 2, line);
    snprintf(line, sizeof line, "  %s from %s to %s, %zu points%s", pl,
             val_text(s, s->values[0], a1), val_text(s, s->values[s->n - 1], a2), s->n,
             s->spec.log ? ", log spacing" : "");
    satstat__text_wrap(f, width, 4, line);
    const satstat_config *c0 = &s->configs[0];
    len = (size_t)snprintf(line, sizeof line, "  inputs %s", b->inputs.canonical);
    if (s->spec.param != SATSTAT_SWEEP_N_IN)
        len += (size_t)snprintf(line + len, sizeof line - len, ", n_in %llu",
                                (unsigned long long)c0->n_in);
    if (b->inputs.kind == SATSTAT_INPUTS_HALF && s->spec.param != SATSTAT_SWEEP_P)
        len += (size_t)snprintf(line + len, sizeof line - len, ", %s",
                                b->inputs.active != SATSTAT_ACTIVE_UNSET ? "active fixed" : "active = n_in/2");
    len += (size_t)snprintf(line + len, sizeof line - len, "; bias %s; %s", b->bias.canonical,
                            b->activation->name);
    char region[SATSTAT_REGION_TEXT_SIZE], rule[SATSTAT_ACTIVATION_NAME_SIZE];
    if (s->spec.param != SATSTAT_SWEEP_THRESHOLD
        && satstat_config_rule_text(c0, rule, sizeof rule, region, sizeof region)
               == SATSTAT_OK) {
        /* name a rule other than z:T, whose region alone would not say why */
        if (strncmp(rule, "z:", 2) != 0)
            snprintf(line + len, sizeof line - len, ", saturated (%s) when %s", rule, region);
        else
            snprintf(line + len, sizeof line - len, ", saturated when %s", region);
    }
    satstat__text_wrap(f, width, 4, line);
    if (!isnan(b->claimed_variance)) {
        snprintf(line, sizeof line,
                 "  claimed Var z = %.6g at every point: the tests check N(mean, %.6g), as "
                 "'satstat run --expect-variance' does",
                 b->claimed_variance, b->claimed_variance);
        satstat__text_wrap(f, width, 4, line);
    }
    if (s->analytic_only) {
        fprintf(f, "  analytic only\n");
    } else {
        snprintf(line, sizeof line,
                 "  %llu neurons per scheme and point, seed %llu (the same at every point), "
                 "%s intervals",
                 (unsigned long long)b->samples, (unsigned long long)b->seed, lv);
        satstat__text_wrap(f, width, 4, line);
    }
    if (satstat_sweep_command(s, cmd, sizeof cmd) == SATSTAT_OK) {
        /* wrapped as a shell would read it back: " \" ends a broken line */
        fputs("  command:", f);
        size_t col = 10;
        int quoted = 0; /* inside '...': a path with spaces stays on its line */
        for (char *w = strtok(cmd, " "); w; w = strtok(NULL, " ")) {
            size_t wl = strlen(w);
            if (!quoted && col > 10 && col + 1 + wl + 2 > width) {
                fputs(" \\\n     ", f);
                col = 5;
            }
            fprintf(f, " %s", w);
            col += 1 + wl;
            for (const char *p = w; *p; p++)
                quoted ^= *p == '\'';
        }
        fputc('\n', f);
    }

    size_t fails = 0, families = 0;
    for (size_t k = 0; k < b->n_schemes; k++) {
        char desc[SATSTAT_SPEC_SIZE];
        satstat_scheme_describe(&c0->schemes[k], desc, sizeof desc);
        if (s->spec.param == SATSTAT_SWEEP_SIGMA && k == s->varied)
            snprintf(line, sizeof line, "scheme '%s': weights N(0, sigma^2)", s->series[k]);
        else if (s->spec.param == SATSTAT_SWEEP_GAIN &&
                 satstat_scheme_takes_gain(&c0->schemes[k]))
            snprintf(line, sizeof line, "scheme '%s': weights %s at the first point",
                     s->series[k], desc);
        else
            snprintf(line, sizeof line, "scheme '%s': weights %s", s->series[k], desc);
        fputc('\n', f);
        satstat__text_wrap(f, width, 2, line);
        write_scheme_table(s, k, width, f);
        for (size_t i = 0; i < s->n && !s->analytic_only; i++) {
            families++;
            fails += !satstat_report_scheme_pass(s->reports[i], k);
        }
    }
    if (s->analytic_only)
        snprintf(line, sizeof line, "verdict: analytic only");
    else if (fails)
        snprintf(line, sizeof line,
                 "verdict: FAIL (%zu of %zu point and scheme families failed at alpha %g)", fails,
                 families, b->alpha);
    else
        snprintf(line, sizeof line,
                 "verdict: pass (%zu point and scheme families, each at alpha %g)", families,
                 b->alpha);
    fputc('\n', f);
    satstat__text_wrap(f, width, 2, line);
}

static json_t *num(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

static json_t *sweep_json(const satstat_sweep *s)
{
    const satstat_config *b = &s->base;
    char cmd[4096] = "";
    satstat_sweep_command(s, cmd, sizeof cmd);
    json_t *values = json_array();
    for (size_t i = 0; i < s->n; i++)
        json_array_append_new(values, num(s->values[i]));
    json_t *vary = json_pack("{s:s s:s s:o s:o s:i s:b s:o}", "parameter",
                             satstat_sweep_param_name(s->spec.param), "meaning", param_meaning(s), "from",
                             num(s->spec.from), "to", num(s->spec.to), "steps",
                             (int)s->spec.steps, "log", s->spec.log, "values", values);
    json_t *series = json_array();
    for (size_t k = 0; k < b->n_schemes; k++)
        json_array_append_new(series, json_string(s->series[k]));
    json_t *config = json_pack(
        "{s:I s:s s:b s:s s:s s:f s:I s:I s:f s:I s:o}", "n_out", (json_int_t)b->n_out,
        "inputs", b->inputs.canonical, "active_given",
        b->inputs.kind == SATSTAT_INPUTS_HALF && b->inputs.active != SATSTAT_ACTIVE_UNSET,
        "bias",
        b->bias.canonical, "activation", b->activation->name, "threshold", b->threshold,
        "samples", (json_int_t)(s->analytic_only ? 0 : b->samples), "seed",
        (json_int_t)b->seed, "alpha", b->alpha, "threads", (json_int_t)b->threads, "schemes", json_copy(series));
    if (s->spec.param != SATSTAT_SWEEP_N_IN)
        json_object_set_new(config, "n_in", json_integer((json_int_t)b->n_in));
    if (s->spec.param == SATSTAT_SWEEP_THRESHOLD)
        json_object_del(config, "threshold");
    /* the rule of the points (a threshold sweep: z:T at each), the claim
     * every point tests, and --gain / --mode as given */
    char rule[SATSTAT_ACTIVATION_NAME_SIZE];
    if (s->spec.param == SATSTAT_SWEEP_THRESHOLD)
        json_object_set_new(config, "saturation", json_string("z:T"));
    else if (satstat_config_rule_text(&s->configs[0], rule, sizeof rule, NULL, 0) == SATSTAT_OK)
        json_object_set_new(config, "saturation", json_string(rule));
    json_object_set_new(config, "expect_variance",
                        !isnan(b->claimed_variance) ? num(b->claimed_variance) : json_null());
    json_object_set_new(config, "gain", !isnan(b->gain) ? num(b->gain) : json_null());
    json_object_set_new(config, "mode",
                        b->mode != SATSTAT_FAN_MODE_UNSET ? json_string(satstat_fan_mode_name(b->mode))
                                      : json_null());
    json_t *points = json_array();
    int ok = vary && series && config && points;
    for (size_t i = 0; i < s->n && ok; i++) {
        json_t *r = satstat__report_json(s->reports[i]);
        if (!r) {
            ok = 0;
            break;
        }
        json_t *p = json_pack("{s:o s:O s:O s:O}", "value", num(s->values[i]), "config",
                              json_object_get(r, "config"), "schemes",
                              json_object_get(r, "schemes"), "pass",
                              json_object_get(r, "pass"));
        json_decref(r);
        if (!p) {
            ok = 0;
            break;
        }
        json_array_append_new(points, p);
    }
    if (!ok) {
        json_decref(vary);
        json_decref(series);
        json_decref(config);
        json_decref(points);
        return NULL;
    }
    /* pass is null when nothing was tested (analytic only), as in run's */
    return json_pack("{s:i s:s s:s s:s s:o s:o s:o s:o s:b s:o}", "schema_version",
                     SATSTAT_SCHEMA_VERSION, "version", SATSTAT_VERSION,
                     "command", "sweep", "command_line", cmd, "vary", vary, "config", config,
                     "schemes", series, "points", points, "analytic_only", s->analytic_only,
                     "pass", s->analytic_only ? json_null() : json_boolean(satstat_sweep_pass(s)));
}

static void csv_num(FILE *f, double x)
{
    if (isfinite(x))
        fprintf(f, ",%.17g", x);
    else
        fputs(",", f);
}

static void write_csv(const satstat_sweep *s, FILE *f)
{
    fputs(SATSTAT_SWEEP_CSV_HEADER "\n", f);
    for (size_t i = 0; i < s->n; i++) {
        const satstat_config *c = &s->configs[i];
        for (size_t k = 0; k < c->n_schemes; k++) {
            cell q;
            cell_of(s->reports[i], k, &q);
            /* text fields quoted per RFC 4180: a scheme ("he-normal:2,fan_out")
             * or an inputs path may hold a comma */
            satstat__csv_field(f, satstat_sweep_param_name(s->spec.param));
            csv_num(f, s->values[i]);
            fputc(',', f);
            satstat__csv_field(f, s->series[k]);
            fputc(',', f);
            satstat__csv_field(f, c->schemes[k].canonical);
            fprintf(f, ",%llu", (unsigned long long)c->n_in);
            if (c->inputs.kind == SATSTAT_INPUTS_HALF)
                fprintf(f, ",%llu",
                        (unsigned long long)satstat_inputs_support(&c->inputs, c->n_in));
            else
                fputs(",", f);
            fputc(',', f);
            satstat__csv_field(f, c->inputs.canonical);
            csv_num(f, c->threshold);
            if (q.sampled)
                fprintf(f, ",%llu", (unsigned long long)q.n);
            else
                fputs(",0", f);
            csv_num(f, q.weight_variance);
            csv_num(f, q.mean.analytic);
            csv_num(f, q.mean.sampled);
            const quantity *qs[3] = {&q.var, &q.sat, &q.dphi};
            for (int j = 0; j < 3; j++) {
                csv_num(f, qs[j]->analytic);
                csv_num(f, qs[j]->sampled);
                csv_num(f, qs[j]->lo);
                csv_num(f, qs[j]->hi);
            }
            fprintf(f, ",%s", s->analytic_only ? ""
                              : satstat_report_scheme_pass(s->reports[i], k) ? "pass"
                                                                              : "FAIL");
            /* the model's other quantities, in columns added at the end */
            double extra[] = {q.mean.lo,         q.mean.hi,          q.skewness.analytic,
                              q.skewness.sampled, q.kurtosis.analytic, q.kurtosis.sampled,
                              q.saturated_count,  q.claimed_variance,  q.claimed_sat,
                              q.claimed_dphi};
            for (size_t j = 0; j < sizeof extra / sizeof *extra; j++)
                csv_num(f, extra[j]);
            fputc('\n', f);
        }
    }
}

static void text_of(const void *doc, unsigned width, FILE *f) { write_text(doc, width, f); }
static void csv_of(const void *doc, FILE *f) { write_csv(doc, f); }
static json_t *json_of(const void *doc) { return sweep_json(doc); }
static int html_of(const void *doc, FILE *f) { return satstat_sweep_write_html(doc, NULL, f); }
static const satstat__writers sweep_writers = {text_of, csv_of, json_of, html_of};

static int write_format(const satstat_sweep *s, satstat_format format, unsigned width,
                        FILE *f)
{
    if (!s || !satstat__sweep_ran(s))
        return SATSTAT_EINVAL;
    return satstat__write_format(&sweep_writers, s, format, width, f);
}

int satstat_sweep_write(const satstat_sweep *s, satstat_format format, FILE *f)
{
    return write_format(s, format, SATSTAT_TEXT_WIDTH, f);
}

int satstat_sweep_write_text(const satstat_sweep *s, unsigned width, FILE *f)
{
    return write_format(s, SATSTAT_FORMAT_TEXT, width, f);
}

/* ======================================================================
 * For the figures (sweep_plot.c, through sweep-int.h)
 * ====================================================================== */

void satstat__sweep_cell_of(const satstat_report *r, size_t i, satstat__sweep_cell *c)
{
    cell_of(r, i, c);
}
