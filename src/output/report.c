/* report.c — a run: the analytic side, sampling, and the report model the
 * writers read (the tests are report_verify.c's). */
#include <satstat/report.h>
#include <satstat/html.h>

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <unistd.h>
#include <stdatomic.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_cdf.h>
#include <jansson.h>

#include <satstat/build.h>
#include <satstat/error.h>
#include <satstat/exact.h>
#include <satstat/parse.h>
#include <satstat/rng.h>
#include <satstat/stats.h>
#include <satstat/model.h>
#include "base/gsl-int.h"
#include "base/locale-int.h"
#include "output/report-int.h"

#include "satstat_version.h"

typedef satstat__scheme_entry entry;

struct satstat_report {
    satstat_config config;
    int analytic_only;
    const char *simd;
    unsigned threads;
    double elapsed;
    entry e[SATSTAT_MAX_SCHEMES];
};

int satstat_format_parse(const char *text, satstat_format *out, char *msg, size_t msg_size)
{
    static const char *const names[] = {"text", "json", "csv", "html"};
    if (!text || !out) {
        if (msg)
            snprintf(msg, msg_size, "no format given");
        return SATSTAT_EINVAL;
    }
    size_t i;
    /* any ASCII case: JSON */
    if (satstat_match_name(text, strlen(text), names, 4, &i) == 1) {
        *out = (satstat_format)i;
        return SATSTAT_OK;
    }
    if (msg) {
        char q[SATSTAT_QUOTE_SIZE], hint[SATSTAT_SUGGEST_SIZE];
        snprintf(msg, msg_size, "unknown format %s (%svalid: text, json, csv, html)",
                 satstat_quote(text, q, sizeof q),
                 satstat_suggest(text, strlen(text), names, 4, hint, sizeof hint));
    }
    return SATSTAT_EINVAL;
}

/* ---- running -------------------------------------------------------------*/

typedef struct progress_over_schemes {
    satstat_progress_fn fn;
    void *ctx;
    uint64_t offset, total;
    uint64_t schemes;
} progress_over_schemes;

static int forward_progress(void *ctx, uint64_t done, uint64_t total)
{
    progress_over_schemes *p = ctx;
    /* a scheme's share is its `samples`, whatever it counts in (an
     * orthogonal run rounds up to whole matrices) */
    uint64_t share = p->total / p->schemes;
    if (total != share && total > 0)
        done = (uint64_t)((double)done / (double)total * (double)share);
    return p->fn(p->ctx, p->offset + done, p->total);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static double dphi_of(double z, void *ctx)
{
    const satstat_activation *act = ctx;
    return act->dphi(z);
}

int satstat_report_run(const satstat_config *config, int analytic_only,
                       satstat_progress_fn progress, void *progress_ctx,
                       satstat_report **out)
{
    satstat__gsl_quiet();
    satstat_blas_single_thread(); /* orthogonal: the same bits, any machine */
    if (!config || !out || config->n_schemes == 0 ||
        config->n_schemes > SATSTAT_MAX_SCHEMES ||
        satstat_config_validate_layer(config, NULL, NULL, 0) != SATSTAT_OK)
        return SATSTAT_EINVAL;
    *out = NULL;
    satstat_report *r = calloc(1, sizeof *r);
    if (!r)
        return SATSTAT_ENOMEM;
    double t0 = now_seconds();
    r->config = *config;
    r->analytic_only = analytic_only;
    r->simd = satstat_simd_path();
    int rc = SATSTAT_OK;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t threads = config->threads ? config->threads : (cores > 0 ? (size_t)cores : 1);
    progress_over_schemes pos = {progress, progress_ctx, 0,
                                 config->samples * config->n_schemes, config->n_schemes};
    for (size_t i = 0; i < config->n_schemes && rc == SATSTAT_OK; i++) {
        entry *e = &r->e[i];
        const satstat_scheme *sch = &config->schemes[i];
        rc = satstat_analytic_compute(config, sch, &e->a);
        if (rc != SATSTAT_OK)
            break;
        e->null_variance = !isnan(config->claimed_variance) ? config->claimed_variance
                                                        : e->a.variance;
        e->null_saturated = e->a.saturated_fraction;
        e->null_dphi = e->a.mean_activation_derivative;
        if (!isnan(config->claimed_variance)) {
            double sd = sqrt(e->null_variance);
            e->null_saturated = satstat_normal_region_fraction(e->a.mean, sd,
                                                               &e->a.region);
            rc = satstat_normal_expectation(dphi_of, (void *)config->activation,
                                            e->a.mean, sd, &e->null_dphi);
            if (rc != SATSTAT_OK)
                break;
        }
        if (analytic_only) {
            e->pass = 1;
            continue;
        }
        satstat_layout_default(e->a.mean, e->a.variance, e->a.threshold,
                               config->samples, &e->layout);
        pos.offset = config->samples * i;
        rc = satstat_sample(config, sch, &e->layout,
                            progress ? forward_progress : NULL, &pos, &e->summary);
        if (rc != SATSTAT_OK)
            break;
    }
    if (rc == SATSTAT_OK && !analytic_only)
        rc = satstat__report_verify_all(config, r->e, threads);
    r->elapsed = now_seconds() - t0;
    if (rc != SATSTAT_OK) {
        satstat_report_free(r);
        return rc;
    }
    *out = r;
    return SATSTAT_OK;
}

void satstat_report_free(satstat_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < SATSTAT_MAX_SCHEMES; i++)
        satstat_summary_free(r->e[i].summary);
    free(r);
}

int satstat_report_pass(const satstat_report *r)
{
    if (!r)
        return 0;
    for (size_t i = 0; i < r->config.n_schemes; i++)
        if (!r->e[i].pass)
            return 0;
    return 1;
}

size_t satstat_report_scheme_count(const satstat_report *r)
{
    return r ? r->config.n_schemes : 0;
}

const satstat_analytic *satstat_report_analytic(const satstat_report *r, size_t i)
{
    return r && i < r->config.n_schemes ? &r->e[i].a : NULL;
}

const satstat_summary *satstat_report_summary(const satstat_report *r, size_t i)
{
    return r && i < r->config.n_schemes ? r->e[i].summary : NULL;
}

const satstat_test_result *satstat_report_tests(const satstat_report *r,
                                                size_t i, size_t *count)
{
    if (!r || i >= r->config.n_schemes) {
        if (count)
            *count = 0;
        return NULL;
    }
    if (count)
        *count = r->e[i].n_tests;
    return r->e[i].tests;
}

int satstat_report_null_law(const satstat_report *r, size_t i, satstat_null_law *out)
{
    if (!r || !out || i >= r->config.n_schemes)
        return SATSTAT_EINVAL;
    out->claimed = !isnan(r->config.claimed_variance);
    out->variance = r->e[i].null_variance;
    out->saturated_fraction = r->e[i].null_saturated;
    out->mean_activation_derivative = r->e[i].null_dphi;
    return SATSTAT_OK;
}

int satstat_report_analytic_only(const satstat_report *r)
{
    return r ? r->analytic_only : 0;
}

int satstat_report_scheme_pass(const satstat_report *r, size_t i)
{
    return r && i < r->config.n_schemes ? r->e[i].pass : 0;
}

const satstat_config *satstat_report_config(const satstat_report *r)
{
    return r ? &r->config : NULL;
}

/* ---- derived numbers shared by the writers -------------------------------*/

typedef satstat_sampled sampled_side;

static void compute_sampled(const satstat_report *r, const entry *e, sampled_side *s)
{
    const satstat_moments *z = satstat_summary_z(e->summary);
    const satstat_moments *d = satstat_summary_dphi(e->summary);
    double alpha = r->config.alpha;
    uint64_t k = satstat_summary_saturated(e->summary);
    s->n = z->n;
    s->mean = z->mean;
    s->variance = satstat_moments_variance(z);
    s->skewness = satstat_moments_skewness(z);
    s->kurtosis = satstat_moments_excess_kurtosis(z);
    s->saturated = (double)k / (double)z->n;
    s->dphi = d->mean;
    satstat_interval nan_ci = {NAN, NAN};
    s->mean_ci = s->variance_ci = s->saturated_ci = s->dphi_ci = nan_ci;
    uint64_t unit_size = 1;
    const satstat_unit_moments *u = satstat_summary_units(e->summary, &unit_size);
    if (u) {
        /* a matrix is one unit: intervals over the matrices (verify_units) */
        satstat_summary_saturated_interval(e->summary, alpha, &s->saturated_ci, NULL);
        if (u->mean.n >= 2) {
            satstat_mean_interval(&u->mean, alpha, &s->mean_ci);
            s->mean_ci.lo += u->center;
            s->mean_ci.hi += u->center;
            satstat_mean_interval(&u->dphi, alpha, &s->dphi_ci);
            double v, se;
            satstat__unit_variance(u, unit_size, &v, &se);
            double q = gsl_cdf_tdist_Qinv(0.5 * alpha, (double)u->mean.n - 1.0);
            s->variance_ci.lo = fmax(0.0, v - q * se);
            s->variance_ci.hi = v + q * se;
        }
        return;
    }
    if (z->n >= 2) {
        satstat_mean_interval(z, alpha, &s->mean_ci);
        satstat_variance_interval(z, alpha, &s->variance_ci);
        satstat_mean_interval(d, alpha, &s->dphi_ci);
    }
    satstat_proportion_interval(k, z->n, alpha, &s->saturated_ci);
}

int satstat_report_sampled(const satstat_report *r, size_t scheme,
                           satstat_sampled *out)
{
    if (!r || !out || scheme >= r->config.n_schemes || r->analytic_only)
        return SATSTAT_EINVAL;
    compute_sampled(r, &r->e[scheme], out);
    return SATSTAT_OK;
}

int satstat_report_command(const satstat_report *r, char *buf, size_t size)
{
    if (!r || !buf || size == 0)
        return SATSTAT_EINVAL;
    const satstat_config *c = &r->config;
    char schemes[SATSTAT_MAX_SCHEMES * SATSTAT_SPEC_SIZE] = "";
    for (size_t i = 0; i < c->n_schemes; i++) {
        if (i)
            strcat(schemes, ",");
        strcat(schemes, c->schemes[i].canonical);
    }
    char active[48] = "";
    if (c->inputs.kind == SATSTAT_INPUTS_HALF)
        snprintf(active, sizeof active, " --active %llu",
                 (unsigned long long)satstat_inputs_support(&c->inputs, c->n_in));
    char claim[64] = "";
    /* the rule as given: --threshold T means z:T, which is not relu's
     * default rule (dead units), so that one is spelled out */
    char rule[SATSTAT_ACTIVATION_NAME_SIZE + 40] = "";
    if (c->saturation.kind == SATSTAT_SATURATION_Z ||
        (c->saturation.kind == SATSTAT_SATURATION_DEFAULT && !c->activation->dead)) {
        snprintf(rule, sizeof rule, " --threshold %.17g", c->threshold);
    } else if (c->saturation.kind == SATSTAT_SATURATION_DEFAULT) {
        snprintf(rule, sizeof rule, " --saturation dead");
    } else {
        char spec[SATSTAT_ACTIVATION_NAME_SIZE];
        satstat_saturation_format(&c->saturation, spec, sizeof spec);
        snprintf(rule, sizeof rule, " --saturation %s", spec);
    }
    if (!isnan(c->claimed_variance))
        snprintf(claim, sizeof claim, " --expect-variance %.17g",
                 c->claimed_variance);
    int n = snprintf(buf, size,
                     "satstat run --scheme %s --n-in %llu --n-out %llu --inputs %s%s"
                     " --bias %s --activation %s%s --samples %llu"
                     " --seed %llu --alpha %.17g%s%s",
                     schemes, (unsigned long long)c->n_in,
                     (unsigned long long)c->n_out, c->inputs.canonical, active,
                     c->bias.canonical, c->activation->name, rule,
                     (unsigned long long)c->samples, (unsigned long long)c->seed,
                     c->alpha, claim, r->analytic_only ? " --analytic-only" : "");
    return n >= 0 && (size_t)n < size ? SATSTAT_OK : SATSTAT_ERANGE;
}

/* ---- the model, as every writer reads it ---------------------------------*/

const char *satstat__test_state_name(satstat_test_state s)
{
    return s == SATSTAT_TEST_PASS ? "pass" : s == SATSTAT_TEST_FAIL ? "FAIL" : "skipped";
}

/* A scheme's quantities (satstat/model.h); SATSTAT_MODEL_MAX always holds
 * them (the model-walk test checks the count). */
typedef struct scheme_model {
    satstat_quantity q[SATSTAT_MODEL_MAX];
    size_t n;
} scheme_model;

static void model_of(const satstat_report *r, size_t i, scheme_model *m)
{
    if (satstat_report_model(r, i, m->q, SATSTAT_MODEL_MAX, &m->n) != SATSTAT_OK)
        m->n = 0;
}

/* The law of z in words. */
const char *satstat__law_text(const satstat_report *r, size_t i, int detailed)
{
    const satstat_analytic *a = &r->e[i].a;
    if (a->law == SATSTAT_Z_EXACT)
        return r->config.schemes[i].kind == SATSTAT_SCHEME_ORTHOGONAL
                   ? "exact (sphere law, quadrature)"
                   : detailed ? "exact (char. function inversion)"
                              : satstat_law_kind_name(a->law);
    if (a->law == SATSTAT_Z_NORMAL && detailed)
        return "normal, exact";
    return satstat_law_kind_name(a->law);
}

/* A test's statistic in words: "t(999) = 0.52", "chi2(54) = 60.1". */
void satstat__statistic_text(const satstat_test_result *t, char *buf, size_t size)
{
    /* a chi-square on 10^6 d.f. is about 10^6: one decimal, not 1.00233e+06 */
    char value[40];
    if (fabs(t->statistic) >= 1e5 && fabs(t->statistic) < 1e12)
        snprintf(value, sizeof value, "%.1f", t->statistic);
    else
        snprintf(value, sizeof value, "%.6g", t->statistic);
    if (isfinite(t->dof))
        snprintf(buf, size, "%s(%.0f) = %s", t->statistic_name, t->dof, value);
    else
        snprintf(buf, size, "%s = %s", t->statistic_name, value);
}

/* ---- text ------------------------------------------------------------------*/

void satstat__text_wrap(FILE *f, unsigned width, unsigned indent, const char *text)
{
    size_t col = 0, len = strlen(text);
    const char *p = text;
    int first = 1;
    while (len > 0) {
        size_t room = width > col ? width - col : 1;
        size_t take = len;
        if (take > room) {
            /* break at the last space that fits, else at the first after */
            size_t cut = room;
            while (cut > 0 && p[cut] != ' ')
                cut--;
            if (cut == 0) {
                cut = room;
                while (cut < len && p[cut] != ' ')
                    cut++;
            }
            take = cut;
        }
        if (!first)
            fprintf(f, "%*s", (int)indent, "");
        fprintf(f, "%.*s\n", (int)take, p);
        p += take;
        len -= take;
        while (len > 0 && *p == ' ') {
            p++;
            len--;
        }
        col = indent;
        first = 0;
    }
}

static void wrapf(FILE *f, unsigned width, unsigned indent, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void wrapf(FILE *f, unsigned width, unsigned indent, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    satstat__text_wrap(f, width, indent, buf);
}

/* The table (report-int.h): a label column, then per scheme an analytic
 * (formula or claim) and a sampled column; an interval gets a row of its
 * own below its quantity.  Rows are the union of the schemes' quantities,
 * in model order; cells a scheme lacks print "-". */
enum { GAP = 2 };
typedef satstat__table_row text_row;
typedef satstat__table text_table;
#define CELL_SIZE SATSTAT__CELL_SIZE
#define MAX_ROWS SATSTAT__TABLE_ROWS

static text_row *table_row(text_table *t, size_t *pos, const char *name, int is_interval,
                           const char *label)
{
    for (size_t j = 0; j < t->n; j++)
        if (t->row[j].is_interval == is_interval && strcmp(t->row[j].name, name) == 0) {
            *pos = j + 1;
            return &t->row[j];
        }
    if (t->n >= MAX_ROWS)
        return NULL;
    memmove(&t->row[*pos + 1], &t->row[*pos], (t->n - *pos) * sizeof t->row[0]);
    text_row *row = &t->row[*pos];
    memset(row, 0, sizeof *row);
    row->name = name;
    row->is_interval = is_interval;
    snprintf(row->label, sizeof row->label, "%s", label);
    t->n++;
    (*pos)++;
    return row;
}

static void build_table(const satstat_report *r, const scheme_model *m, text_table *t)
{
    t->n = 0;
    for (size_t i = 0; i < r->config.n_schemes; i++) {
        size_t pos = 0;
        for (size_t k = 0; k < m[i].n; k++) {
            const satstat_quantity *q = &m[i].q[k];
            if (q->kind == SATSTAT_QUANTITY_TEST)
                continue;
            int is_interval = q->kind == SATSTAT_QUANTITY_INTERVAL;
            text_row *row = table_row(t, &pos, q->name, is_interval, q->label);
            if (!row)
                continue;
            row->has[i] = 1;
            if (is_interval)
                snprintf(row->cell[i][1], CELL_SIZE, "[%.*g, %.*g]", q->digits, q->interval.lo,
                         q->digits, q->interval.hi);
            else
                satstat_quantity_text(q, row->cell[i][q->kind == SATSTAT_QUANTITY_SAMPLED],
                                      CELL_SIZE);
        }
    }
    for (size_t j = 0; j < t->n; j++)
        for (size_t i = 0; i < r->config.n_schemes; i++)
            if (!t->row[j].has[i] && !t->row[j].is_interval)
                snprintf(t->row[j].cell[i][0], CELL_SIZE, "-");
}

int satstat__report_table(const satstat_report *r, satstat__table *t)
{
    size_t n = r->config.n_schemes;
    scheme_model *m = malloc(n * sizeof *m);
    if (!m)
        return SATSTAT_ENOMEM;
    for (size_t i = 0; i < n; i++)
        model_of(r, i, &m[i]);
    build_table(r, m, t);
    free(m);
    return SATSTAT_OK;
}

static size_t max_size(size_t a, size_t b)
{
    return a > b ? a : b;
}

static void pad(FILE *f, const char *text, size_t width)
{
    fprintf(f, "%-*s", (int)width, text);
}

/* One line: label, then per scheme either one wide cell or two cells,
 * right-trimmed. */
static void table_line(FILE *f, size_t label_w, const char *label, size_t from, size_t to,
                       const size_t *aw, const size_t *span, const char *wide[],
                       char cells[][2][CELL_SIZE])
{
    char line[2048];
    FILE *m = fmemopen(line, sizeof line, "w");
    if (!m)
        return;
    pad(m, label, label_w);
    for (size_t i = from; i < to; i++) {
        fputs("  ", m);
        if (wide) {
            pad(m, wide[i], span[i]);
        } else {
            pad(m, cells[i][0], aw[i]);
            fputs("  ", m);
            pad(m, cells[i][1], span[i] - aw[i] - 2);
        }
    }
    fputc('\0', m);
    fclose(m);
    line[sizeof line - 1] = '\0';
    size_t len = strlen(line);
    while (len > 0 && line[len - 1] == ' ')
        len--;
    fprintf(f, "%.*s\n", (int)len, line);
}

static void write_table(const satstat_report *r, const scheme_model *m, unsigned width,
                        FILE *f)
{
    const satstat_config *c = &r->config;
    size_t n = c->n_schemes;
    text_table *tp = malloc(sizeof *tp);
    if (!tp)
        return;
    build_table(r, m, tp);
    char weights[SATSTAT_MAX_SCHEMES][96];
    const char *names[SATSTAT_MAX_SCHEMES], *descs[SATSTAT_MAX_SCHEMES],
        *laws[SATSTAT_MAX_SCHEMES], *heads[SATSTAT_MAX_SCHEMES][2];
    size_t aw[SATSTAT_MAX_SCHEMES], span[SATSTAT_MAX_SCHEMES];
    size_t label_w = strlen("law of z");
    for (size_t j = 0; j < tp->n; j++)
        label_w = max_size(label_w, strlen(tp->row[j].label));
    for (size_t i = 0; i < n; i++) {
        satstat_scheme_describe(&c->schemes[i], weights[i], sizeof weights[i]);
        names[i] = c->schemes[i].canonical;
        descs[i] = weights[i];
        laws[i] = satstat__law_text(r, i, 1);
        heads[i][0] = "analytic";
        heads[i][1] = r->analytic_only ? "" : "sampled";
        size_t a = strlen(heads[i][0]), s = strlen(heads[i][1]);
        for (size_t j = 0; j < tp->n; j++) {
            a = max_size(a, strlen(tp->row[j].cell[i][0]));
            s = max_size(s, strlen(tp->row[j].cell[i][1]));
        }
        size_t wide = max_size(strlen(names[i]), max_size(strlen(descs[i]), strlen(laws[i])));
        aw[i] = a;
        span[i] = max_size(a + 2 + s, wide);
    }
    char head_cells[SATSTAT_MAX_SCHEMES][2][CELL_SIZE];
    for (size_t i = 0; i < n; i++) {
        snprintf(head_cells[i][0], CELL_SIZE, "%s", heads[i][0]);
        snprintf(head_cells[i][1], CELL_SIZE, "%s", heads[i][1]);
    }
    /* schemes in blocks that fit the width (at least one per block) */
    for (size_t from = 0; from < n;) {
        size_t to = from + 1, used = label_w + 2 + span[from];
        while (to < n && used + GAP + span[to] <= width) {
            used += GAP + span[to];
            to++;
        }
        if (from > 0)
            fputc('\n', f);
        table_line(f, label_w, "", from, to, aw, span, names, NULL);
        table_line(f, label_w, "weights", from, to, aw, span, descs, NULL);
        table_line(f, label_w, "law of z", from, to, aw, span, laws, NULL);
        fputc('\n', f);
        table_line(f, label_w, "", from, to, aw, span, NULL, head_cells);
        for (size_t j = 0; j < tp->n; j++)
            table_line(f, label_w, tp->row[j].label, from, to, aw, span, NULL,
                       tp->row[j].cell);
        from = to;
    }
    free(tp);
}

/* The facts above the table, a (key, text) pair each; key "" continues
 * the previous one. */
static void fact_printf(void (*fact)(void *, const char *, const char *), void *ctx,
                        const char *key, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void fact_printf(void (*fact)(void *, const char *, const char *), void *ctx,
                        const char *key, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fact(ctx, key, buf);
}

void satstat__report_facts(const satstat_report *r,
                           void (*fact)(void *ctx, const char *key, const char *text), void *ctx)
{
    const satstat_config *c = &r->config;
    size_t n = c->n_schemes;
    if (c->inputs.kind == SATSTAT_INPUTS_HALF)
        fact_printf(fact, ctx, "inputs", "n_in = %llu, the first %llu equal to 1 and the rest 0",
              (unsigned long long)c->n_in,
              (unsigned long long)satstat_inputs_support(&c->inputs, c->n_in));
    else
        fact_printf(fact, ctx, "inputs", "n_in = %llu, %s", (unsigned long long)c->n_in,
              c->inputs.canonical);
    char rule_txt[SATSTAT_ACTIVATION_NAME_SIZE] = "", region_txt[SATSTAT_REGION_TEXT_SIZE] = "";
    satstat_config_rule_text(c, rule_txt, sizeof rule_txt, region_txt, sizeof region_txt);
    if (c->saturation.kind == SATSTAT_SATURATION_DEFAULT && !c->activation->dead)
        fact_printf(fact, ctx, "bias", "%s; %s units, saturated when %s", c->bias.canonical,
              c->activation->name, region_txt);
    else
        fact_printf(fact, ctx, "bias", "%s; %s units, saturated when %s (rule %s%s)",
              c->bias.canonical, c->activation->name, region_txt, rule_txt,
              c->activation->dead && strcmp(rule_txt, "dead") == 0 ? ": dead units" : "");
    if (!r->analytic_only) {
        fact_printf(fact, ctx, "sampled", "%llu neurons per scheme, seed %llu, %.2f s",
              (unsigned long long)c->samples, (unsigned long long)c->seed, r->elapsed);
        fact_printf(fact, ctx, "", "%s + %s (%s)", satstat_generator_name(),
              satstat_transform_label(c->transform), r->simd);
    }
    for (size_t i = 0; i < n && !r->analytic_only; i++) {
        uint64_t unit_size = 1;
        const satstat_unit_moments *u = satstat_summary_units(r->e[i].summary, &unit_size);
        if (u)
            fact_printf(fact, ctx, "", "%s: %llu whole %llu x %llu matrices (%llu rows), each "
                                "one unit of the intervals and tests",
                  c->schemes[i].canonical, (unsigned long long)u->mean.n,
                  (unsigned long long)c->n_out, (unsigned long long)c->n_in,
                  (unsigned long long)satstat_summary_z(r->e[i].summary)->n);
    }
}

/* The seed's argument in one line: how many more units start saturated
 * under the first scheme than the second, and how much faster the others
 * learn.  0 when there is no second scheme or no slope to compare. */
int satstat__report_comparison(const satstat_report *r, char *buf, size_t size)
{
    const satstat_config *c = &r->config;
    if (c->n_schemes < 2)
        return 0;
    const satstat_analytic *a0 = &r->e[0].a, *a1 = &r->e[1].a;
    if (!(a0->mean_activation_derivative > 0 && a1->mean_activation_derivative > 0))
        return 0;
    snprintf(buf, size,
             "%s vs %s: %.4g%% vs %.4g%% of units start saturated; mean slope "
             "E[%s'(z)] %.4g vs %.4g, %.3gx",
             c->schemes[0].canonical, c->schemes[1].canonical, 100 * a0->saturated_fraction,
             100 * a1->saturated_fraction, c->activation->name, a0->mean_activation_derivative,
             a1->mean_activation_derivative,
             a1->mean_activation_derivative / a0->mean_activation_derivative);
    return 1;
}

/* A scheme's note under the table ("normal approximation only (why)"), or
 * 0 when it has none. */
int satstat__report_note(const satstat_report *r, size_t i, char *buf, size_t size)
{
    if (r->e[i].a.law != SATSTAT_Z_NORMAL_APPROX || !r->e[i].a.exact_fallback)
        return 0;
    snprintf(buf, size, "%s: normal approximation only (%s)", r->config.schemes[i].canonical,
             r->e[i].a.exact_fallback);
    return 1;
}

typedef struct text_facts {
    FILE *f;
    unsigned width;
} text_facts;

static void text_fact(void *ctx, const char *key, const char *text)
{
    const text_facts *t = ctx;
    wrapf(t->f, t->width, 10, "%-10s%s", key, text);
}

static void write_text(const satstat_report *r, unsigned width, FILE *f)
{
    const satstat_config *c = &r->config;
    size_t n = c->n_schemes;
    scheme_model *m = malloc(n * sizeof *m);
    if (!m)
        return;
    for (size_t i = 0; i < n; i++)
        model_of(r, i, &m[i]);

    wrapf(f, width, 10, "satstat %s: the law of a neuron's pre-activation z = sum_j w_j x_j + b",
          SATSTAT_VERSION);
    text_facts tf = {f, width};
    satstat__report_facts(r, text_fact, &tf);
    fputc('\n', f);
    write_table(r, m, width, f);
    for (size_t i = 0; i < n; i++) {
        char note[512];
        if (satstat__report_note(r, i, note, sizeof note))
            wrapf(f, width, 6, "note: %s", note);
    }
    if (r->analytic_only) {
        fprintf(f, "\n(analytic only: nothing sampled)\n");
        free(m);
        return;
    }

    wrapf(f, width, 2, "\nverification: each scheme's tests held to alpha = %g together "
                       "(Holm-adjusted p)", c->alpha);
    for (size_t i = 0; i < n; i++) {
        const entry *e = &r->e[i];
        fprintf(f, "  %s: %s\n", c->schemes[i].canonical, e->pass ? "pass" : "FAIL");
        for (size_t k = 0; k < m[i].n; k++) {
            const satstat_test_result *t = m[i].q[k].test;
            if (m[i].q[k].kind != SATSTAT_QUANTITY_TEST || !t)
                continue;
            if (t->state == SATSTAT_TEST_SKIPPED) {
                wrapf(f, width, 6, "    %-27s %s", t->name, t->method);
                continue;
            }
            char stat[64], line[1024];
            satstat__statistic_text(t, stat, sizeof stat);
            snprintf(line, sizeof line, "    %-26s  %-4s  %-25s  p %-9.3g  p_adj %-9.3g", t->name,
                     satstat__test_state_name(t->state), stat, t->p_value, t->p_adjusted);
            size_t len = strlen(line);
            while (len > 0 && line[len - 1] == ' ')
                line[--len] = '\0';
            if (len > width) {
                /* a narrow terminal: the same, unaligned and wrapped */
                snprintf(line, sizeof line, "    %s %s  %s  p %.3g  p_adj %.3g", t->name,
                         satstat__test_state_name(t->state), stat, t->p_value, t->p_adjusted);
                satstat__text_wrap(f, width, 8, line);
                line[0] = '\0';
                len = 0;
            }
            /* how: on the same line when it fits, else on the next */
            char how[512];
            snprintf(how, sizeof how, "%s%s", t->method,
                     t->approximate ? " (against the normal approximation)" : "");
            if (len > 0 && len + 2 + strlen(how) <= width) {
                fprintf(f, "%s  %s\n", line, how);
            } else {
                if (len > 0)
                    fprintf(f, "%s\n", line);
                wrapf(f, width, 8, "      %s", how);
            }
        }
    }
    char story[512];
    if (satstat__report_comparison(r, story, sizeof story)) {
        fputc('\n', f);
        wrapf(f, width, 2, "%s", story);
    }
    fprintf(f, "verdict: %s\n", satstat_report_pass(r) ? "pass" : "FAIL");
    free(m);
}

/* ---- JSON ------------------------------------------------------------------*/

static json_t *num(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

static json_t *config_json(const satstat_report *r)
{
    const satstat_config *c = &r->config;
    json_t *schemes = json_array();
    for (size_t i = 0; i < c->n_schemes; i++)
        json_array_append_new(schemes, json_string(c->schemes[i].canonical));
    char cmd[2048];
    satstat_report_command(r, cmd, sizeof cmd);
    json_t *o = json_pack(
        "{s:I s:I s:I s:s s:s s:s s:f s:I s:I s:f s:o s:o s:s s:s s:s s:i s:I s:s}",
        "n_in", (json_int_t)c->n_in, "n_out", (json_int_t)c->n_out,
        "active", (json_int_t)satstat_inputs_support(&c->inputs, c->n_in),
        "inputs", c->inputs.canonical, "bias", c->bias.canonical,
        "activation", c->activation->name, "threshold", c->threshold,
        /* an analytic-only report sampled nothing, whatever --samples said */
        "samples", (json_int_t)(r->analytic_only ? 0 : c->samples), "seed", (json_int_t)c->seed,
        "alpha", c->alpha,
        "expect_variance", !isnan(c->claimed_variance) ? json_real(c->claimed_variance) : json_null(),
        "schemes", schemes,
        "generator", satstat_generator_name(), "transform", satstat_transform_label(c->transform),
        "simd", r->simd, "block_neurons", (int)SATSTAT_BLOCK_NEURONS,
        "threads", (json_int_t)c->threads, "command", cmd);
    json_object_set_new(o, "saturation", satstat__saturation_json(c));
    return o;
}

json_t *satstat__saturation_json(const satstat_config *c)
{
    char rule[SATSTAT_ACTIVATION_NAME_SIZE] = "", region[SATSTAT_REGION_TEXT_SIZE] = "";
    satstat_region reg = satstat_region_tails(-INFINITY, INFINITY);
    satstat_config_rule_text(c, rule, sizeof rule, region, sizeof region);
    satstat_config_region(c, &reg, NULL, 0);
    json_t *sat = json_pack("{s:s s:s s:o s:o s:s}", "rule", rule, "region", region,
                            "below", num(reg.below), "above", num(reg.above),
                            "meaning", c->activation->saturation);
    /* the region's interior components [lo, hi] (gelu's deriv:), if any */
    if (sat && reg.n_bands > 0) {
        json_t *bands = json_array();
        for (size_t i = 0; i < reg.n_bands; i++)
            json_array_append_new(bands, json_pack("[o o]", num(reg.band[i].lo),
                                                   num(reg.band[i].hi)));
        json_object_set_new(sat, "bands", bands);
    }
    return sat;
}

/* Set a value at a dotted path ("analytic.normal_approximation.error")
 * inside obj, making the objects on the way. */
static void set_path(json_t *obj, const char *path, json_t *value)
{
    char key[128];
    const char *dot;
    while ((dot = strchr(path, '.')) != NULL) {
        snprintf(key, sizeof key, "%.*s", (int)(dot - path), path);
        json_t *next = json_object_get(obj, key);
        if (!json_is_object(next)) {
            next = json_object();
            json_object_set_new(obj, key, next);
        }
        obj = next;
        path = dot + 1;
    }
    json_object_set_new(obj, path, value);
}

void satstat__quantity_json(json_t *obj, const satstat_quantity *q)
{
    if (q->kind == SATSTAT_QUANTITY_INTERVAL)
        set_path(obj, q->json, json_pack("[o o]", num(q->interval.lo), num(q->interval.hi)));
    else if (q->count)
        set_path(obj, q->json, json_integer((json_int_t)q->value));
    else
        set_path(obj, q->json, num(q->value));
}

static json_t *test_json(const satstat_test_result *t)
{
    return json_pack("{s:s s:s s:o s:s s:o s:o s:o s:b s:b s:b}", "name", t->name, "method",
                     t->method, "statistic", num(t->statistic), "statistic_name",
                     t->statistic_name, "dof", num(t->dof), "p_value", num(t->p_value),
                     "p_adjusted", num(t->p_adjusted), "pass", t->state != SATSTAT_TEST_FAIL,
                     "skipped", t->state == SATSTAT_TEST_SKIPPED, "approximate",
                     t->approximate);
}

static json_t *scheme_json(const satstat_report *r, size_t i, const scheme_model *m)
{
    const satstat_config *c = &r->config;
    const entry *e = &r->e[i];
    char desc[96];
    satstat_scheme_describe(&c->schemes[i], desc, sizeof desc);
    json_t *o = json_pack("{s:s s:s}", "scheme", c->schemes[i].canonical, "weights", desc);
    json_t *tests = r->analytic_only ? NULL : json_array();
    for (size_t k = 0; k < m->n; k++) {
        const satstat_quantity *q = &m->q[k];
        if (q->kind == SATSTAT_QUANTITY_TEST)
            json_array_append_new(tests, test_json(q->test));
        else
            satstat__quantity_json(o, q);
    }
    /* the descriptive strings next to the numbers */
    json_t *an = json_object_get(o, "analytic");
    json_object_set_new(an, "law", json_string(satstat__law_text(r, i, 0)));
    if (e->a.law == SATSTAT_Z_NORMAL_APPROX && e->a.exact_fallback)
        json_object_set_new(an, "exact_law_unavailable", json_string(e->a.exact_fallback));
    json_t *em = json_object_get(o, "empirical");
    if (em) {
        uint64_t unit_size = 1;
        const satstat_unit_moments *u = satstat_summary_units(e->summary, &unit_size);
        json_object_set_new(
            em, "unit",
            u ? json_pack("{s:s s:I s:I}", "kind", "matrix", "rows", (json_int_t)unit_size,
                          "count", (json_int_t)u->mean.n)
              : json_pack("{s:s s:I s:I}", "kind", "neuron", "rows", (json_int_t)1, "count",
                          (json_int_t)satstat_summary_z(e->summary)->n));
    }
    if (tests)
        json_object_set_new(o, "tests", tests);
    /* nothing was tested in an analytic-only report: pass is null */
    json_object_set_new(o, "pass", r->analytic_only ? json_null() : json_boolean(e->pass));
    return o;
}

json_t *satstat__report_json(const satstat_report *r)
{
    const satstat_config *c = &r->config;
    scheme_model *m = malloc(sizeof *m);
    if (!m)
        return NULL;
    json_t *schemes = json_array();
    for (size_t i = 0; i < c->n_schemes; i++) {
        model_of(r, i, m);
        json_array_append_new(schemes, scheme_json(r, i, m));
    }
    free(m);
    json_t *root = json_pack("{s:i s:s s:o s:o s:b s:o}", "schema_version",
                             SATSTAT_SCHEMA_VERSION, "version", SATSTAT_VERSION, "config",
                             config_json(r), "schemes", schemes, "analytic_only",
                             r->analytic_only, "pass",
                             r->analytic_only ? json_null()
                                              : json_boolean(satstat_report_pass(r)));
    if (root && !r->analytic_only)
        json_object_set_new(root, "elapsed_seconds", json_real(r->elapsed));
    return root;
}

/* ---- CSV -------------------------------------------------------------------*/

void satstat__csv_field(FILE *f, const char *text)
{
    if (!text)
        text = "";
    if (!strpbrk(text, ",\"\r\n")) {
        fputs(text, f);
        return;
    }
    fputc('"', f);
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            fputc('"', f);
        fputc(*p, f);
    }
    fputc('"', f);
}

static void csv_num(FILE *f, double x)
{
    if (isfinite(x))
        fprintf(f, ",%.17g", x);
    else
        fputs(",", f);
}

/* One row per (scheme, quantity name): the model's quantities of that name
 * fill its columns by kind (satstat/model.h). */
static void csv_quantity_row(FILE *f, const char *scheme, const satstat_quantity *q,
                             size_t n)
{
    double analytic = NAN, sampled = NAN;
    satstat_quantity_kind analytic_kind = SATSTAT_QUANTITY_FORMULA;
    satstat_interval ci = {NAN, NAN};
    const satstat_test_result *t = NULL;
    for (size_t k = 0; k < n; k++) {
        switch (q[k].kind) {
        case SATSTAT_QUANTITY_FORMULA:
        case SATSTAT_QUANTITY_CLAIM:
            analytic = q[k].value;
            analytic_kind = q[k].kind;
            break;
        case SATSTAT_QUANTITY_SAMPLED:
            sampled = q[k].value;
            break;
        case SATSTAT_QUANTITY_INTERVAL:
            ci = q[k].interval;
            break;
        case SATSTAT_QUANTITY_TEST:
            t = q[k].test;
            break;
        }
    }
    satstat__csv_field(f, scheme);
    fputc(',', f);
    satstat__csv_field(f, q[0].name);
    csv_num(f, analytic);
    csv_num(f, sampled);
    csv_num(f, ci.lo);
    csv_num(f, ci.hi);
    csv_num(f, t ? t->statistic : NAN);
    csv_num(f, t ? t->p_value : NAN);
    csv_num(f, t ? t->p_adjusted : NAN);
    fprintf(f, ",%s,%s,", t ? satstat__test_state_name(t->state) : "",
            isfinite(analytic) ? satstat_quantity_kind_name(analytic_kind) : "");
    satstat__csv_field(f, t ? t->statistic_name : "");
    csv_num(f, t ? t->dof : NAN);
    fputc('\n', f);
}

static void write_csv(const satstat_report *r, FILE *f)
{
    const satstat_config *c = &r->config;
    scheme_model *m = malloc(sizeof *m);
    if (!m)
        return;
    fputs(SATSTAT_REPORT_CSV_HEADER "\n", f);
    for (size_t i = 0; i < c->n_schemes; i++) {
        const char *name = c->schemes[i].canonical;
        model_of(r, i, m);
        /* the quantities of one name come together */
        for (size_t k = 0; k < m->n;) {
            size_t end = k + 1;
            while (end < m->n && strcmp(m->q[end].name, m->q[k].name) == 0)
                end++;
            csv_quantity_row(f, name, &m->q[k], end - k);
            k = end;
        }
        if (!r->analytic_only) {
            satstat__csv_field(f, name);
            fprintf(f, ",verdict,,,,,,,,%s,,,\n", r->e[i].pass ? "pass" : "FAIL");
        }
    }
    free(m);
}

int satstat__write_format(const satstat__writers *w, const void *doc, satstat_format format,
                          unsigned width, FILE *f)
{
    if (!doc || !f)
        return SATSTAT_EINVAL;
    /* '.' as the decimal point whatever the caller's locale */
    satstat__c_locale scope;
    satstat__c_locale_enter(&scope);
    int rc = SATSTAT_OK;
    switch (format) {
    case SATSTAT_FORMAT_TEXT:
        w->text(doc, width < 60 ? 60 : width, f);
        break;
    case SATSTAT_FORMAT_CSV:
        w->csv(doc, f);
        break;
    case SATSTAT_FORMAT_JSON: {
        json_t *root = w->json(doc);
        if (!root)
            rc = SATSTAT_ENOMEM;
        else if (json_dumpf(root, f, JSON_INDENT(2) | JSON_REAL_PRECISION(17)) != 0)
            rc = SATSTAT_EIO;
        else
            fputc('\n', f);
        json_decref(root);
        break;
    }
    case SATSTAT_FORMAT_HTML: /* a page without figures (satstat/html.h) */
        rc = w->html(doc, f);
        break;
    default:
        rc = SATSTAT_EINVAL;
    }
    satstat__c_locale_leave(&scope);
    if (rc == SATSTAT_OK && (fflush(f) != 0 || ferror(f)))
        rc = SATSTAT_EIO;
    return rc;
}

static void text_of(const void *doc, unsigned width, FILE *f) { write_text(doc, width, f); }
static void csv_of(const void *doc, FILE *f) { write_csv(doc, f); }
static json_t *json_of(const void *doc) { return satstat__report_json(doc); }
static int html_of(const void *doc, FILE *f) { return satstat_report_write_html(doc, NULL, f); }
static const satstat__writers run_writers = {text_of, csv_of, json_of, html_of};

static int write_format(const satstat_report *r, satstat_format format, unsigned width, FILE *f)
{
    return satstat__write_format(&run_writers, r, format, width, f);
}

int satstat_report_write(const satstat_report *r, satstat_format format, FILE *f)
{
    return write_format(r, format, SATSTAT_TEXT_WIDTH, f);
}

int satstat_report_write_text(const satstat_report *r, unsigned width, FILE *f)
{
    return write_format(r, SATSTAT_FORMAT_TEXT, width, f);
}
