/* model.c — a run report as a list of quantities (satstat/model.h). */
#include <satstat/model.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <satstat/error.h>
#include <satstat/exact.h>

const char *satstat_quantity_kind_name(satstat_quantity_kind kind)
{
    switch (kind) {
    case SATSTAT_QUANTITY_FORMULA:
        return "formula";
    case SATSTAT_QUANTITY_CLAIM:
        return "claim";
    case SATSTAT_QUANTITY_SAMPLED:
        return "sampled";
    case SATSTAT_QUANTITY_INTERVAL:
        return "interval";
    case SATSTAT_QUANTITY_TEST:
        return "test";
    }
    return "?";
}

typedef satstat_model_builder model_builder;

satstat_quantity *satstat_model_add(satstat_model_builder *b, const char *name,
                                    const char *json, const char *label,
                                    satstat_quantity_kind kind, int digits)
{
    if (!b || b->count >= b->capacity) {
        if (b)
            b->overflow = 1;
        return NULL;
    }
    satstat_quantity *q = &b->out[b->count++];
    memset(q, 0, sizeof *q);
    q->name = name;
    q->json = json;
    snprintf(q->label, sizeof q->label, "%s", label);
    q->kind = kind;
    q->digits = digits;
    q->value = NAN;
    q->abserr = NAN;
    q->interval.lo = q->interval.hi = NAN;
    return q;
}

static satstat_quantity *add(model_builder *b, const char *name, const char *json,
                             const char *label, satstat_quantity_kind kind, int digits)
{
    return satstat_model_add(b, name, json, label, kind, digits);
}

/* A value with the digits it has; one of an exact law that has none (a
 * far tail beyond the inversion's floor, a moment that is 0 to within its
 * quadrature) is shown by its bound instead: "<= v + e" for a probability
 * that may be 0, "0 +- e" for a signed value within e of 0, "v +- e"
 * else — never as if it were exact. */
void satstat_quantity_text(const satstat_quantity *q, char *buf, size_t size)
{
    if (!isfinite(q->value))
        snprintf(buf, size, "-");
    else if (q->count)
        snprintf(buf, size, "%.0f", q->value);
    else if (q->percent)
        snprintf(buf, size, "%.*g%%", q->digits > 0 ? q->digits : 6, 100.0 * q->value);
    else if (q->digits > 0 || !isfinite(q->abserr))
        snprintf(buf, size, "%.*g", q->digits > 0 ? q->digits : 6, q->value);
    else if (q->nonnegative && q->value - q->abserr <= 0)
        snprintf(buf, size, "<= %.2g", q->value + q->abserr);
    else if (fabs(q->value) <= q->abserr)
        snprintf(buf, size, "0 +- %.2g", q->abserr);
    else
        snprintf(buf, size, "%.2g +- %.2g", q->value, q->abserr);
}

static void value(model_builder *b, const char *name, const char *json, const char *label,
                  satstat_quantity_kind kind, int digits, double x)
{
    satstat_quantity *q = add(b, name, json, label, kind, digits);
    if (q)
        q->value = x;
}

/* A formula value of the exact law with its error bound: printed with the
 * digits it has (at most `digits`), its bound beside it as a quantity of
 * its own (NAME_abserr) so that every format carries both. */
static void exact_value(model_builder *b, const char *name, const char *json,
                        const char *label, int digits, double x, double abserr)
{
    satstat_quantity *q = add(b, name, json, label, SATSTAT_QUANTITY_FORMULA, digits);
    if (!q)
        return;
    q->value = x;
    q->nonnegative = strcmp(name, "saturated_fraction") == 0;
    if (isfinite(x) && isfinite(abserr)) {
        q->abserr = abserr;
        int have = satstat_exact_digits(x, abserr);
        if (have < q->digits)
            q->digits = have;
    }
}

/* The error bound of an exact formula value, a quantity of its own
 * (NAME_abserr), after every quantity of NAME (they form one CSV row). */
static void bound(model_builder *b, const char *name, const char *json, double abserr)
{
    value(b, name, json, "  its error bound", SATSTAT_QUANTITY_FORMULA, 2, abserr);
}

static void count(model_builder *b, const char *name, const char *json, const char *label,
                  uint64_t n)
{
    satstat_quantity *q = add(b, name, json, label, SATSTAT_QUANTITY_SAMPLED, 0);
    if (q) {
        q->value = (double)n;
        q->count = 1;
    }
}

static void interval(model_builder *b, const char *name, const char *json, const char *label,
                     const satstat_interval *ci)
{
    satstat_quantity *q = add(b, name, json, label, SATSTAT_QUANTITY_INTERVAL, 5);
    if (q)
        q->interval = *ci;
}

static void test(model_builder *b, const satstat_report *r, size_t scheme, const char *name)
{
    size_t n = 0;
    const satstat_test_result *t = satstat_report_tests(r, scheme, &n);
    for (size_t j = 0; j < n; j++)
        if (strcmp(t[j].name, name) == 0) {
            satstat_quantity *q = add(b, t[j].name, "tests", t[j].name,
                                      SATSTAT_QUANTITY_TEST, 4);
            if (q)
                q->test = &t[j];
        }
}

/* The labels naming the rule, the region and the activation. */
typedef struct model_labels {
    char sat[SATSTAT_LABEL_SIZE], dphi[SATSTAT_LABEL_SIZE], claim_sat[SATSTAT_LABEL_SIZE],
        claim_dphi[SATSTAT_LABEL_SIZE], ci[SATSTAT_LABEL_SIZE];
    int dead; /* the rule counts relu's dead units */
} model_labels;

static void model_labels_make(const satstat_config *c, model_labels *l)
{
    char rule[SATSTAT_ACTIVATION_NAME_SIZE] = "", region[SATSTAT_REGION_TEXT_SIZE] = "";
    satstat_config_rule_text(c, rule, sizeof rule, region, sizeof region);
    l->dead = c->activation->dead && strcmp(rule, "dead") == 0;
    /* a region of several intervals does not fit a row label: the report's
     * header line states it, the label names the fraction */
    int long_region = strlen(region) > 20;
    snprintf(l->sat, sizeof l->sat, long_region ? "%s fraction" : "%s P(%s)",
             l->dead ? "dead" : "saturated", region);
    snprintf(l->dphi, sizeof l->dphi, "mean slope E[%s'(z)]", c->activation->name);
    snprintf(l->claim_sat, sizeof l->claim_sat,
             long_region ? "claimed fraction" : "claimed P(%s)", region);
    snprintf(l->claim_dphi, sizeof l->claim_dphi, "claimed E[%s'(z)]", c->activation->name);
    snprintf(l->ci, sizeof l->ci, "  %g%% CI", 100.0 * (1.0 - c->alpha));
}

/* What one scheme's rows are made from. */
typedef struct model_scheme {
    const satstat_report *r;
    size_t scheme;
    const satstat_analytic *a;
    satstat_sampled s;
    int sampled, exact;
    model_labels l;
} model_scheme;

/* Mean, variance, skewness and excess kurtosis of z. */
static void add_moments(model_builder *b, const model_scheme *m)
{
    const satstat_quantity_kind F = SATSTAT_QUANTITY_FORMULA, S = SATSTAT_QUANTITY_SAMPLED;
    const satstat_analytic *a = m->a;
    value(b, "mean", "analytic.mean", "mean z", F, 6, a->mean);
    if (m->sampled) {
        value(b, "mean", "empirical.mean", "mean z", S, 6, m->s.mean);
        interval(b, "mean", "empirical.mean_ci", m->l.ci, &m->s.mean_ci);
        test(b, m->r, m->scheme, "mean");
    }
    value(b, "variance", "analytic.variance", "Var z", F, 6, a->variance);
    if (m->sampled) {
        value(b, "variance", "empirical.variance", "Var z", S, 6, m->s.variance);
        interval(b, "variance", "empirical.variance_ci", m->l.ci, &m->s.variance_ci);
        test(b, m->r, m->scheme, "variance");
    }
    /* 0 for a normal z, from the exact law when there is one, unknown
     * (NaN: "-", null, empty) for an approximation */
    if (m->exact)
        exact_value(b, "skewness", "analytic.skewness", "skewness", 6, a->skewness,
                    a->skewness_abserr);
    else
        value(b, "skewness", "analytic.skewness", "skewness", F, 6, a->skewness);
    if (m->sampled)
        value(b, "skewness", "empirical.skewness", "skewness", S, 6, m->s.skewness);
    if (m->exact)
        bound(b, "skewness_abserr", "analytic.skewness_abserr", a->skewness_abserr);
    if (m->exact)
        exact_value(b, "excess_kurtosis", "analytic.excess_kurtosis", "excess kurtosis", 6,
                    a->excess_kurtosis, a->excess_kurtosis_abserr);
    else
        value(b, "excess_kurtosis", "analytic.excess_kurtosis", "excess kurtosis", F, 6,
              a->excess_kurtosis);
    if (m->sampled)
        value(b, "excess_kurtosis", "empirical.excess_kurtosis", "excess kurtosis", S, 6,
              m->s.kurtosis);
    if (m->exact)
        bound(b, "excess_kurtosis_abserr", "analytic.excess_kurtosis_abserr",
              a->excess_kurtosis_abserr);
}

/* The saturated fraction and the mean slope E[phi'(z)]. */
static void add_saturation(model_builder *b, const model_scheme *m)
{
    const satstat_quantity_kind F = SATSTAT_QUANTITY_FORMULA, S = SATSTAT_QUANTITY_SAMPLED;
    const satstat_analytic *a = m->a;
    if (m->exact)
        exact_value(b, "saturated_fraction", "analytic.saturated_fraction", m->l.sat, 6,
                    a->saturated_fraction, a->exact_abserr);
    else
        value(b, "saturated_fraction", "analytic.saturated_fraction", m->l.sat, F, 6,
              a->saturated_fraction);
    if (m->sampled) {
        value(b, "saturated_fraction", "empirical.saturated_fraction", m->l.sat, S, 6,
              m->s.saturated);
        interval(b, "saturated_fraction", "empirical.saturated_fraction_ci", m->l.ci,
                 &m->s.saturated_ci);
        test(b, m->r, m->scheme, "saturated_fraction");
        count(b, "saturated_count", "empirical.saturated_count",
              m->l.dead ? "  dead neurons" : "  saturated neurons",
              satstat_summary_saturated(satstat_report_summary(m->r, m->scheme)));
    }
    if (m->exact)
        value(b, "saturated_fraction_abserr", "analytic.saturated_fraction_abserr",
              "  its error bound", F, 2, a->exact_abserr);

    if (m->exact)
        exact_value(b, "mean_activation_derivative", "analytic.mean_activation_derivative",
                    m->l.dphi, 6, a->mean_activation_derivative,
                    a->mean_activation_derivative_abserr);
    else
        value(b, "mean_activation_derivative", "analytic.mean_activation_derivative",
              m->l.dphi, F, 6, a->mean_activation_derivative);
    if (m->sampled) {
        value(b, "mean_activation_derivative", "empirical.mean_activation_derivative",
              m->l.dphi, S, 6, m->s.dphi);
        interval(b, "mean_activation_derivative", "empirical.mean_activation_derivative_ci",
                 m->l.ci, &m->s.dphi_ci);
        test(b, m->r, m->scheme, "mean_activation_derivative");
    }
    if (m->exact)
        bound(b, "mean_activation_derivative_abserr",
              "analytic.mean_activation_derivative_abserr", a->mean_activation_derivative_abserr);
}

/* Beside an exact law, the central limit theorem at work: what
 * N(E z, Var z) would say, and its error. */
static void add_normal_approximation(model_builder *b, const satstat_analytic *a)
{
    const satstat_quantity_kind F = SATSTAT_QUANTITY_FORMULA;
    value(b, "saturated_fraction_normal_approximation",
          "analytic.normal_approximation.saturated_fraction", "normal approx. P", F, 6,
          a->normal_saturated_fraction);
    /* an error is known only where the exact value has a digit */
    value(b, "saturated_fraction_normal_approximation_error",
          "analytic.normal_approximation.error", "  its error", F, 3,
          satstat_exact_digits(a->saturated_fraction, a->exact_abserr) > 0
              ? a->normal_saturated_fraction - a->saturated_fraction
              : NAN);
    value(b, "mean_activation_derivative_normal_approximation",
          "analytic.normal_approximation.mean_activation_derivative",
          "normal approx. E[phi']", F, 6, a->normal_mean_activation_derivative);
    value(b, "mean_activation_derivative_normal_approximation_error",
          "analytic.normal_approximation.mean_activation_derivative_error", "  its error", F,
          3,
          satstat_exact_digits(a->mean_activation_derivative,
                               a->mean_activation_derivative_abserr) > 0
              ? a->normal_mean_activation_derivative - a->mean_activation_derivative
              : NAN);
    value(b, "normal_approximation_kolmogorov_distance",
          "analytic.normal_approximation.kolmogorov_distance", "|F - Phi| (Kolmogorov)", F,
          3, a->normal_gap);
}

int satstat_report_model(const satstat_report *r, size_t scheme, satstat_quantity *out,
                         size_t capacity, size_t *n_out)
{
    if (!r || !out || !n_out || scheme >= satstat_report_scheme_count(r))
        return SATSTAT_EINVAL;
    const satstat_quantity_kind F = SATSTAT_QUANTITY_FORMULA, C = SATSTAT_QUANTITY_CLAIM;
    model_scheme m;
    memset(&m, 0, sizeof m);
    m.r = r;
    m.scheme = scheme;
    m.a = satstat_report_analytic(r, scheme);
    satstat_null_law null;
    satstat_report_null_law(r, scheme, &null);
    m.sampled = satstat_report_sampled(r, scheme, &m.s) == SATSTAT_OK;
    m.exact = m.a->law == SATSTAT_Z_EXACT;
    model_labels_make(satstat_report_config(r), &m.l);

    model_builder b = {out, capacity, 0, 0};
    value(&b, "weight_variance", "weight_variance", "Var w", F, 6, m.a->weight_variance);
    if (m.sampled)
        count(&b, "samples", "empirical.samples", "neurons sampled", m.s.n);
    add_moments(&b, &m);
    add_saturation(&b, &m);
    if (m.exact)
        add_normal_approximation(&b, m.a);
    if (null.claimed) {
        value(&b, "claimed_variance", "claimed_variance", "claimed Var z (tested)", C, 6,
              null.variance);
        value(&b, "claimed_saturated_fraction", "analytic.claimed_saturated_fraction",
              m.l.claim_sat, C, 6, null.saturated_fraction);
        value(&b, "claimed_mean_activation_derivative",
              "analytic.claimed_mean_activation_derivative", m.l.claim_dphi, C, 6,
              null.mean_activation_derivative);
    }
    if (m.sampled) {
        test(&b, r, scheme, "distribution");
        test(&b, r, scheme, "distribution_binned");
    }
    *n_out = b.count;
    return b.overflow ? SATSTAT_ERANGE : SATSTAT_OK;
}

const satstat_quantity *satstat_quantity_find(const satstat_quantity *q, size_t n,
                                              const char *name, satstat_quantity_kind kind)
{
    for (size_t k = 0; q && name && k < n; k++)
        if (q[k].kind == kind && strcmp(q[k].name, name) == 0)
            return &q[k];
    return NULL;
}
