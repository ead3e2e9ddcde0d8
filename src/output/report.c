/* report.c — analytic side, sampling, verification and serialisation. */
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

enum { MAX_TESTS = 6 };

typedef struct entry {
    satstat_analytic a;
    satstat_layout layout;
    satstat_summary *summary;
    double null_variance;        /* V of the null law N(E z, V)            */
    double null_saturated;       /* P(|z| ≥ T) under the null law          */
    double null_dphi;            /* E[φ'(z)] under the null law            */
    satstat_test_result tests[MAX_TESTS];
    size_t n_tests;
    int pass;
} entry;

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

/* ---- verification -------------------------------------------------------*/

typedef struct normal_law {
    double mean, sd;
} normal_law;

static double normal_cdf(double x, void *ctx)
{
    const normal_law *n = ctx;
    return gsl_cdf_gaussian_P(x - n->mean, n->sd);
}

/* The exact law of z (satstat/exact.h) as the null law: F(x) for the KS
 * test; bin probabilities from P(z < x) = F(x) − P(z = x) below the mean
 * and P(z ≥ x) = S(x) + P(z = x) above it, so each tail keeps its digits
 * and a point mass on a bin edge goes to the bin it falls in ([lo, hi)). */
static double exact_cdf(double x, void *ctx)
{
    satstat_exact_result r;
    return satstat_exact_cdf(ctx, x, &r) == SATSTAT_OK ? r.value : NAN;
}

static double exact_below(satstat_exact *e, double x)
{
    satstat_exact_result r;
    double m = 0.0;
    if (satstat_exact_cdf(e, x, &r) != SATSTAT_OK ||
        satstat_exact_point_mass(e, x, &m) != SATSTAT_OK)
        return NAN;
    return r.value - m;
}

static double exact_at_or_above(satstat_exact *e, double x)
{
    satstat_exact_result r;
    double m = 0.0;
    if (satstat_exact_sf(e, x, &r) != SATSTAT_OK ||
        satstat_exact_point_mass(e, x, &m) != SATSTAT_OK)
        return NAN;
    return r.value + m;
}

/* The histogram the binned test reads: of every z, or for orthogonal
 * (a unit of several dependent rows) of each unit's first row. */
static const gsl_histogram *test_histogram(const satstat_summary *s,
                                           uint64_t *under, uint64_t *over)
{
    const gsl_histogram *h = satstat_summary_unit_histogram(s, under, over);
    return h ? h : satstat_summary_histogram(s, under, over);
}

static int binned_test_exact(const satstat_summary *s, satstat_exact *e, double mean,
                             satstat_test *out, size_t *dof)
{
    uint64_t under, over;
    const gsl_histogram *h = test_histogram(s, &under, &over);
    size_t bins = gsl_histogram_bins(h) + 2;
    uint64_t *obs = malloc(bins * sizeof *obs);
    double *prob = malloc(bins * sizeof *prob);
    int rc = SATSTAT_ENOMEM;
    if (obs && prob) {
        obs[0] = under;
        obs[bins - 1] = over;
        prob[0] = exact_below(e, h->range[0]);
        for (size_t i = 0; i + 2 < bins; i++) {
            double lo = h->range[i], hi = h->range[i + 1];
            obs[i + 1] = (uint64_t)gsl_histogram_get(h, i);
            prob[i + 1] = hi <= mean ? exact_below(e, hi) - exact_below(e, lo)
                                     : exact_at_or_above(e, lo) - exact_at_or_above(e, hi);
            if (prob[i + 1] < 0.0)
                prob[i + 1] = 0.0; /* rounding of two nearly equal tails */
        }
        prob[bins - 1] = exact_at_or_above(e, h->range[bins - 2]);
        rc = SATSTAT_OK;
        for (size_t i = 0; i < bins; i++)
            if (!isfinite(prob[i]))
                rc = SATSTAT_ENUMERIC;
        if (rc == SATSTAT_OK)
            rc = satstat_chisq_gof(obs, prob, bins, out, dof);
    }
    free(obs);
    free(prob);
    return rc;
}

static double dphi_of(double z, void *ctx)
{
    const satstat_activation *act = ctx;
    return act->dphi(z);
}

static void set_test(satstat_test_result *t, const char *name,
                     const char *method, int approximate)
{
    memset(t, 0, sizeof *t);
    t->name = name;
    t->method = method;
    t->approximate = approximate;
    t->state = SATSTAT_TEST_PASS;
    t->p_value = t->p_adjusted = NAN;
    t->statistic = NAN;
    t->statistic_name = "";
    t->dof = NAN;
}

static void skip(satstat_test_result *t, const char *why)
{
    t->state = SATSTAT_TEST_SKIPPED;
    t->method = why;
}

/* Exact check of a deterministic quantity: p = 1 when it holds, else 0. */
static void exact_check(satstat_test_result *t, double observed, double expected)
{
    double tol = 1e-12 * fmax(1.0, fabs(expected));
    t->statistic_name = "difference";
    t->statistic = observed - expected;
    t->p_value = fabs(observed - expected) <= tol ? 1.0 : 0.0;
}

/* Pearson chi-square of the fine histogram (plus the two open tails)
 * against the null law: uses every sample, in bounded memory. */
static int binned_test(const satstat_summary *s, const normal_law *law,
                       satstat_test *out, size_t *dof)
{
    uint64_t under, over;
    const gsl_histogram *h = test_histogram(s, &under, &over);
    size_t bins = gsl_histogram_bins(h) + 2;
    uint64_t *obs = malloc(bins * sizeof *obs);
    double *prob = malloc(bins * sizeof *prob);
    int rc = SATSTAT_ENOMEM;
    if (obs && prob) {
        obs[0] = under;
        obs[bins - 1] = over;
        prob[0] = gsl_cdf_gaussian_P(h->range[0] - law->mean, law->sd);
        for (size_t i = 0; i + 2 < bins; i++) {
            double x = h->range[i + 1] - law->mean;
            obs[i + 1] = (uint64_t)gsl_histogram_get(h, i);
            /* differences of the tail nearer to the edge keep their digits */
            double lo = h->range[i] - law->mean;
            prob[i + 1] = x <= 0 ? gsl_cdf_gaussian_P(x, law->sd) - gsl_cdf_gaussian_P(lo, law->sd)
                                 : gsl_cdf_gaussian_Q(lo, law->sd) - gsl_cdf_gaussian_Q(x, law->sd);
        }
        prob[bins - 1] = gsl_cdf_gaussian_Q(h->range[bins - 2] - law->mean, law->sd);
        rc = satstat_chisq_gof(obs, prob, bins, out, dof);
    }
    free(obs);
    free(prob);
    return rc;
}

/* Var z from the units (orthogonal: rows of one matrix are dependent,
 * matrices are i.i.d.).  With m_k, q_k the means of z − c and (z − c)²
 * over unit k's r rows (N = Mr rows in all), V = q̄ − m̄² scaled by
 * N/(N − 1) is unbiased when rows are uncorrelated with equal variance
 * (Haar rows are: flipping a row's sign keeps the law), and by the delta
 * method Var V ≈ Var(q_k − 2m̄·m_k)/M = [Var q + 4m̄² Var m − 4m̄ Cov(q, m)]/M,
 * the covariance from Var(q + m) = Var q + Var m + 2 Cov(q, m). */
static void unit_variance(const satstat_unit_moments *u, uint64_t unit_size,
                          double *v, double *se)
{
    double M = (double)u->mean.n, N = M * (double)unit_size;
    double mb = u->mean.mean;
    double vm = satstat_moments_variance(&u->mean);
    double vq = satstat_moments_variance(&u->square);
    double vs = satstat_moments_variance(&u->mean_plus_square);
    double cov = 0.5 * (vs - vq - vm);
    double var = vq + 4.0 * mb * mb * vm - 4.0 * mb * cov;
    *v = (u->square.mean - mb * mb) * N / (N - 1.0);
    *se = var > 0.0 ? sqrt(var / M) : 0.0;
}

/* The four moment tests when the unit is a matrix: Student t over the
 * units' means (z, φ'), the delta-method z for Var z, and for the
 * saturated fraction Student t over the units' fractions, or, when those
 * are all equal or fewer than 20 rows are saturated in all (t would not
 * hold), the exact binomial test on each unit's first row. */
static int verify_units(const satstat_summary *s, const entry *e,
                        const satstat_unit_moments *u,
                        satstat_test_result *t)
{
    satstat_test tr;
    int rc;
    t[0].method = "Student t over the matrices' means (a matrix is one unit)";
    t[3].method = "Student t over the matrices' means (a matrix is one unit)";
    if (u->mean.n < 2) {
        skip(&t[0], "skipped: needs 2 matrices");
        skip(&t[1], "skipped: needs 2 matrices");
        skip(&t[2], "skipped: needs 2 matrices");
        skip(&t[3], "skipped: needs 2 matrices");
        return SATSTAT_OK;
    }
    if ((rc = satstat_mean_test(&u->mean, e->a.mean - u->center, &tr)) != SATSTAT_OK)
        return rc;
    t[0].statistic = tr.statistic;
    t[0].dof = (double)u->mean.n - 1.0;
    t[0].p_value = tr.p_value;
    /* The test of the null law N-free: y_k = mean over unit k of
     * (z − μ0)² = q_k − 2δ m_k + δ², δ = μ0 − c, has mean V0 under the
     * null (whatever the dependence of the rows); Student t over the
     * units.  Centring at μ0 rather than at the sample mean keeps it exact
     * when every matrix gives the same Σ z² (n_out = n_in, no bias). */
    double M = (double)u->mean.n, d = e->a.mean - u->center;
    double vm = satstat_moments_variance(&u->mean);
    double vq = satstat_moments_variance(&u->square);
    double cov = 0.5 * (satstat_moments_variance(&u->mean_plus_square) - vq - vm);
    double ybar = u->square.mean - 2.0 * d * u->mean.mean + d * d;
    double vy = vq + 4.0 * d * d * vm - 4.0 * d * cov;
    if (vy > 1e-24 * e->null_variance * e->null_variance) {
        t[1].method = "Student t over the matrices' mean (z - E z)^2";
        t[1].statistic_name = "t";
        t[1].dof = M - 1.0;
        t[1].statistic = (ybar - e->null_variance) / sqrt(vy / M);
        t[1].p_value = 2.0 * gsl_cdf_tdist_Q(fabs(t[1].statistic), M - 1.0);
    } else {
        /* every matrix gives the same mean (z − μ0)², up to rounding */
        t[1].method = "exact (every matrix has the same sum of squares)";
        t[1].statistic_name = "difference";
        t[1].statistic = ybar - e->null_variance;
        t[1].p_value = fabs(ybar - e->null_variance) <= 1e-9 * e->null_variance ? 1.0 : 0.0;
    }
    if ((rc = satstat_mean_test(&u->dphi, e->null_dphi, &tr)) != SATSTAT_OK)
        return rc;
    t[3].statistic = tr.statistic;
    t[3].dof = M - 1.0;
    t[3].p_value = tr.p_value;
    double p0 = e->null_saturated;
    uint64_t k = satstat_summary_saturated(s);
    if (p0 <= 0.0 || p0 >= 1.0) {
        t[2].method = "exact (the null law puts no mass on one side)";
        exact_check(&t[2], (double)k, p0 * (double)satstat_summary_z(s)->n);
    } else if (satstat_moments_variance(&u->saturated) > 0.0 && k >= 20 &&
               satstat_summary_z(s)->n - k >= 20) {
        t[2].method = "Student t over the matrices' fractions (a matrix is one unit)";
        if ((rc = satstat_mean_test(&u->saturated, p0, &tr)) != SATSTAT_OK)
            return rc;
        t[2].statistic_name = "t";
        t[2].dof = M - 1.0;
        t[2].statistic = tr.statistic;
        t[2].p_value = tr.p_value;
    } else {
        t[2].method = "exact binomial on each matrix's first row";
        if ((rc = satstat_binomial_test(u->first_saturated, u->mean.n, p0, &tr)) !=
            SATSTAT_OK)
            return rc;
        t[2].statistic = tr.statistic;
        t[2].p_value = tr.p_value;
    }
    return SATSTAT_OK;
}

/* The null law's exact handle when z is not normal (and no claimed
 * variance replaces it), or NULL: if it cannot be built here after all,
 * the distribution tests fall back to the normal approximation. */
static satstat_exact *verify_exact_law(const satstat_config *c,
                                       const satstat_scheme *scheme,
                                       const entry *e)
{
    satstat_exact *ex = NULL;
    if (e->a.law == SATSTAT_Z_EXACT && isnan(c->claimed_variance) &&
        (satstat_exact_from_config(c, scheme, &ex) != SATSTAT_OK ||
         satstat_exact_prepare(ex) != SATSTAT_OK)) {
        satstat_exact_free(ex);
        ex = NULL;
    }
    return ex;
}

/* The six tests' names, methods and statistics, before any runs. */
static void verify_describe(entry *e, int approx, int dist_approx, int exact)
{
    satstat_test_result *t = e->tests;
    e->n_tests = MAX_TESTS;
    set_test(&t[0], "mean", "Student t, sample variance", 0);
    set_test(&t[1], "variance",
             e->a.law == SATSTAT_Z_NORMAL ? "chi-square, exact for normal z"
                                          : "z, standard error from the sampled fourth moment",
             0);
    set_test(&t[2], "saturated_fraction", NULL, approx);
    set_test(&t[3], "mean_activation_derivative", "Student t (CLT)", approx);
    set_test(&t[4], "distribution",
             exact ? "Kolmogorov-Smirnov on the first neurons, against the exact law"
                   : "Kolmogorov-Smirnov on the first neurons",
             dist_approx);
    set_test(&t[5], "distribution_binned",
             exact ? "Pearson chi-square over the z histogram, against the exact law"
                   : "Pearson chi-square over the z histogram",
             dist_approx);
    /* what each statistic is (exact checks say "difference") */
    t[0].statistic_name = t[3].statistic_name = "t";
    t[1].statistic_name = e->a.law == SATSTAT_Z_NORMAL ? "chi2" : "z";
    t[2].statistic_name = "z"; /* the binomial score z, also beside the exact p */
    t[4].statistic_name = "D";
    t[5].statistic_name = "chi2";
}

/* z is a constant: every sample must equal it exactly. */
static void verify_constant(const satstat_summary *s, entry *e)
{
    satstat_test_result *t = e->tests;
    const satstat_moments *z = satstat_summary_z(s);
    uint64_t n = z->n;
    const char *m = "exact (z is constant)";
    t[0].method = t[1].method = t[2].method = t[3].method = m;
    exact_check(&t[0], z->mean, e->a.mean);
    exact_check(&t[1], satstat_moments_variance(z), 0.0);
    exact_check(&t[2], (double)satstat_summary_saturated(s),
                e->null_saturated * (double)n);
    exact_check(&t[3], satstat_summary_dphi(s)->mean, e->null_dphi);
    if (n < 2)
        t[1].p_value = 1.0;
    skip(&t[4], "skipped: z is constant");
    skip(&t[5], "skipped: z is constant");
}

/* Independent neurons: the mean, variance and E[φ'] tests over all of
 * them, and the saturated count against the binomial law. */
static int verify_neurons(const satstat_summary *s, entry *e)
{
    satstat_test_result *t = e->tests;
    const satstat_moments *z = satstat_summary_z(s);
    const satstat_moments *d = satstat_summary_dphi(s);
    uint64_t n = z->n;
    satstat_test tr;
    int rc;
    if (n < 2) {
        skip(&t[0], "skipped: needs 2 samples");
        skip(&t[1], "skipped: needs 2 samples");
        skip(&t[3], "skipped: needs 2 samples");
    } else {
        if ((rc = satstat_mean_test(z, e->a.mean, &tr)) != SATSTAT_OK)
            return rc;
        t[0].statistic = tr.statistic;
        t[0].dof = (double)n - 1.0;
        t[0].p_value = tr.p_value;
        /* exact chi-square when z is exactly normal; otherwise the
         * fourth-moment test, which does not assume normality */
        rc = e->a.law == SATSTAT_Z_NORMAL
                 ? satstat_variance_test_normal(z, e->null_variance, &tr)
                 : satstat_variance_test(z, e->null_variance, &tr);
        if (rc != SATSTAT_OK)
            return rc;
        t[1].statistic = tr.statistic;
        t[1].p_value = tr.p_value;
        if (e->a.law == SATSTAT_Z_NORMAL) {
            /* the chi-square itself, (n - 1) s^2 / V on n - 1 d.f., not
             * the standardized (X/nu - 1) sqrt(nu/2) the test returns */
            t[1].dof = (double)n - 1.0;
            t[1].statistic = t[1].dof * satstat_moments_variance(z) / e->null_variance;
        }
        if ((rc = satstat_mean_test(d, e->null_dphi, &tr)) != SATSTAT_OK)
            return rc;
        t[3].statistic = tr.statistic;
        t[3].dof = (double)n - 1.0;
        t[3].p_value = tr.p_value;
    }
    uint64_t k = satstat_summary_saturated(s);
    double p0 = e->null_saturated;
    if (p0 <= 0.0 || p0 >= 1.0) {
        t[2].method = "exact (the null law puts no mass on one side)";
        exact_check(&t[2], (double)k, p0 * (double)n);
    } else {
        double var = (double)n * p0 * (1.0 - p0);
        t[2].method = var < 1e4 ? "exact binomial, two-sided" : "binomial score z";
        if ((rc = satstat_binomial_test(k, n, p0, &tr)) != SATSTAT_OK)
            return rc;
        t[2].statistic = tr.statistic;
        t[2].p_value = tr.p_value;
    }
    return SATSTAT_OK;
}

/* The law of z against the sub-sample (Kolmogorov–Smirnov) and the
 * histogram (Pearson chi-square): the exact law when ex is set, else the
 * normal one. */
static int verify_distribution(const satstat_summary *s, entry *e,
                               satstat_exact *ex, normal_law *law)
{
    satstat_test_result *t = e->tests;
    satstat_test tr;
    size_t m;
    const double *sub = satstat_summary_subsample(s, &m);
    double *copy = malloc((m ? m : 1) * sizeof *copy);
    if (!copy)
        return SATSTAT_ENOMEM;
    memcpy(copy, sub, m * sizeof *copy);
    int rc = ex ? satstat_ks_test(copy, m, exact_cdf, ex, &tr)
                : satstat_ks_test(copy, m, normal_cdf, law, &tr);
    free(copy);
    if (rc != SATSTAT_OK)
        return rc;
    t[4].statistic = tr.statistic; /* sup |F_n - F| */
    t[4].p_value = tr.p_value;
    size_t dof = 0;
    rc = ex ? binned_test_exact(s, ex, e->a.mean, &tr, &dof)
            : binned_test(s, law, &tr, &dof);
    if (rc == SATSTAT_EINVAL) {
        /* fewer than two pools expecting 5 each: too few samples */
        skip(&t[5], "skipped: too few samples for two bins of 5 expected");
    } else if (rc != SATSTAT_OK) {
        return rc;
    } else {
        t[5].statistic = tr.statistic; /* Pearson's X^2 */
        t[5].dof = (double)dof;
        t[5].p_value = tr.p_value;
    }
    return SATSTAT_OK;
}

/* A sampled (non-constant) z: per matrix for orthogonal, per neuron
 * otherwise, then its law. */
static int verify_sampled(const satstat_summary *s, entry *e, satstat_exact *ex,
                          normal_law *law)
{
    satstat_test_result *t = e->tests;
    uint64_t unit_size = 1;
    const satstat_unit_moments *units = satstat_summary_units(s, &unit_size);
    int rc;
    if (units) {
        if ((rc = verify_units(s, e, units, t)) != SATSTAT_OK)
            return rc;
        t[4].method = ex ? "Kolmogorov-Smirnov on the first matrices' first rows, "
                           "against the exact law"
                         : "Kolmogorov-Smirnov on the first matrices' first rows";
        t[5].method = ex ? "Pearson chi-square over the histogram of every matrix's "
                           "first row, against the exact law"
                         : "Pearson chi-square over the histogram of every matrix's "
                           "first row";
    } else if ((rc = verify_neurons(s, e)) != SATSTAT_OK) {
        return rc;
    }
    return verify_distribution(s, e, ex, law);
}

/* Holm over the tests that ran; the entry passes when none fails. */
static void verify_decide(const satstat_config *c, entry *e)
{
    satstat_test_result *t = e->tests;
    double p[MAX_TESTS], adj[MAX_TESTS];
    size_t idx[MAX_TESTS], m = 0;
    for (size_t i = 0; i < e->n_tests; i++)
        if (t[i].state != SATSTAT_TEST_SKIPPED) {
            idx[m] = i;
            p[m++] = t[i].p_value;
        }
    satstat_holm(p, m, adj);
    e->pass = 1;
    for (size_t j = 0; j < m; j++) {
        satstat_test_result *ti = &t[idx[j]];
        ti->p_adjusted = adj[j];
        ti->state = adj[j] > c->alpha ? SATSTAT_TEST_PASS : SATSTAT_TEST_FAIL;
        if (ti->state == SATSTAT_TEST_FAIL)
            e->pass = 0;
    }
}

static int verify(const satstat_config *c, const satstat_scheme *scheme, entry *e)
{
    int approx = e->a.law == SATSTAT_Z_NORMAL_APPROX ||
                 (e->a.law == SATSTAT_Z_EXACT && !isnan(c->claimed_variance));
    normal_law law = {e->a.mean, sqrt(e->null_variance)};
    satstat_exact *ex = verify_exact_law(c, scheme, e);
    int dist_approx = approx || (e->a.law == SATSTAT_Z_EXACT && !ex);
    verify_describe(e, approx, dist_approx, ex != NULL);
    int rc = SATSTAT_OK;
    if (law.sd == 0.0)
        verify_constant(e->summary, e);
    else
        rc = verify_sampled(e->summary, e, ex, &law);
    satstat_exact_free(ex);
    if (rc != SATSTAT_OK)
        return rc;
    verify_decide(c, e);
    return SATSTAT_OK;
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

/* A scheme's tests need only its own summary and build their own exact
 * law: the schemes' tests run side by side on up to `threads` threads
 * (the caller's included), instead of adding their time end to end. */
typedef struct verify_pool {
    const satstat_config *config;
    satstat_report *r;
    size_t n;
    atomic_size_t next;
    atomic_int rc;
} verify_pool;

static void *verify_worker(void *arg)
{
    verify_pool *v = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&v->next, 1);
        if (i >= v->n)
            return NULL;
        int rc = verify(v->config, &v->config->schemes[i], &v->r->e[i]);
        if (rc != SATSTAT_OK) {
            int ok = SATSTAT_OK;
            atomic_compare_exchange_strong(&v->rc, &ok, rc);
        }
    }
}

static int verify_all(const satstat_config *config, satstat_report *r, size_t threads)
{
    verify_pool v = {.config = config, .r = r, .n = config->n_schemes};
    atomic_init(&v.next, 0);
    atomic_init(&v.rc, SATSTAT_OK);
    if (threads > v.n)
        threads = v.n;
    pthread_t tids[SATSTAT_MAX_SCHEMES];
    size_t started = 0;
    for (size_t t = 1; t < threads; t++) {
        if (pthread_create(&tids[started], NULL, verify_worker, &v) != 0)
            break; /* fewer threads: the same tests */
        started++;
    }
    verify_worker(&v);
    for (size_t t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    return atomic_load(&v.rc);
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
        rc = verify_all(config, r, threads);
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
            unit_variance(u, unit_size, &v, &se);
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

static int write_format(const satstat_report *r, satstat_format format, unsigned width, FILE *f)
{
    if (!r || !f)
        return SATSTAT_EINVAL;
    /* '.' as the decimal point whatever the caller's locale */
    satstat__c_locale scope;
    satstat__c_locale_enter(&scope);
    int rc = SATSTAT_OK;
    switch (format) {
    case SATSTAT_FORMAT_TEXT:
        write_text(r, width < 60 ? 60 : width, f);
        break;
    case SATSTAT_FORMAT_CSV:
        write_csv(r, f);
        break;
    case SATSTAT_FORMAT_JSON: {
        json_t *root = satstat__report_json(r);
        if (!root || json_dumpf(root, f, JSON_INDENT(2) | JSON_REAL_PRECISION(17)) != 0)
            rc = SATSTAT_EIO;
        fputc('\n', f);
        json_decref(root);
        break;
    }
    case SATSTAT_FORMAT_HTML: /* a page without figures */
        rc = satstat_report_write_html(r, NULL, f);
        break;
    default:
        rc = SATSTAT_EINVAL;
    }
    satstat__c_locale_leave(&scope);
    if (ferror(f))
        rc = SATSTAT_EIO;
    return rc;
}

int satstat_report_write(const satstat_report *r, satstat_format format, FILE *f)
{
    return write_format(r, format, SATSTAT_TEXT_WIDTH, f);
}

int satstat_report_write_text(const satstat_report *r, unsigned width, FILE *f)
{
    return write_format(r, SATSTAT_FORMAT_TEXT, width, f);
}
