/* report.c — analytic side, sampling, verification and serialisation. */
#define _GNU_SOURCE /* uselocale, newlocale: '.' as decimal point always */
#include <satstat/report.h>

#include <locale.h>
#include <math.h>
#include <unistd.h>
#include <stdatomic.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_cdf.h>
#include <jansson.h>

#include <satstat/error.h>
#include <satstat/exact.h>
#include <satstat/parse.h>
#include <satstat/rng.h>
#include <satstat/stats.h>
#include "gsl-int.h"

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

int satstat_format_parse(const char *text, satstat_format *out, char *msg)
{
    static const char *names[] = {"text", "json", "csv"};
    if (!text || !out) {
        if (msg)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "no format given");
        return SATSTAT_EINVAL;
    }
    for (int i = 0; i < 3; i++) {
        if (strcmp(text, names[i]) == 0) {
            *out = (satstat_format)i;
            return SATSTAT_OK;
        }
    }
    if (msg) {
        char q[SATSTAT_QUOTE_SIZE];
        snprintf(msg, SATSTAT_ERRMSG_SIZE, "unknown format %s (valid: text, json, csv)",
                 satstat_quote(text, q, sizeof q));
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
                             satstat_test *out)
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
        if (rc == SATSTAT_OK) {
            size_t dof;
            rc = satstat_chisq_gof(obs, prob, bins, out, &dof);
        }
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
    t->statistic = observed - expected;
    t->p_value = fabs(observed - expected) <= tol ? 1.0 : 0.0;
}

/* Pearson chi-square of the fine histogram (plus the two open tails)
 * against the null law: uses every sample, in bounded memory. */
static int binned_test(const satstat_summary *s, const normal_law *law,
                       satstat_test *out)
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
        size_t dof;
        rc = satstat_chisq_gof(obs, prob, bins, out, &dof);
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
        t[1].statistic = (ybar - e->null_variance) / sqrt(vy / M);
        t[1].p_value = 2.0 * gsl_cdf_tdist_Q(fabs(t[1].statistic), M - 1.0);
    } else {
        /* every matrix gives the same mean (z − μ0)², up to rounding */
        t[1].method = "exact (every matrix has the same sum of squares)";
        t[1].statistic = ybar - e->null_variance;
        t[1].p_value = fabs(ybar - e->null_variance) <= 1e-9 * e->null_variance ? 1.0 : 0.0;
    }
    if ((rc = satstat_mean_test(&u->dphi, e->null_dphi, &tr)) != SATSTAT_OK)
        return rc;
    t[3].statistic = tr.statistic;
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

static int verify(const satstat_config *c, const satstat_scheme *scheme, entry *e)
{
    const satstat_summary *s = e->summary;
    const satstat_moments *z = satstat_summary_z(s);
    const satstat_moments *d = satstat_summary_dphi(s);
    uint64_t n = z->n;
    int approx = e->a.law == SATSTAT_Z_NORMAL_APPROX ||
                 (e->a.law == SATSTAT_Z_EXACT && c->has_claimed_variance);
    normal_law law = {e->a.mean, sqrt(e->null_variance)};
    satstat_test tr;
    int rc;
    /* the exact law is the null law when z is not normal (and no claimed
     * variance replaces it); if it cannot be built here after all, the
     * distribution tests fall back to the normal approximation */
    satstat_exact *ex = NULL;
    if (e->a.law == SATSTAT_Z_EXACT && !c->has_claimed_variance &&
        (satstat_exact_from_config(c, scheme, &ex) != SATSTAT_OK ||
         satstat_exact_prepare(ex) != SATSTAT_OK)) {
        satstat_exact_free(ex);
        ex = NULL;
    }
    int dist_approx = approx || (e->a.law == SATSTAT_Z_EXACT && !ex);

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
             ex ? "Kolmogorov-Smirnov on the first neurons, against the exact law"
                : "Kolmogorov-Smirnov on the first neurons",
             dist_approx);
    set_test(&t[5], "distribution_binned",
             ex ? "Pearson chi-square over the z histogram, against the exact law"
                : "Pearson chi-square over the z histogram",
             dist_approx);

    if (law.sd == 0.0) {
        /* z is a constant: every sample must equal it exactly */
        const char *m = "exact (z is constant)";
        t[0].method = t[1].method = t[2].method = t[3].method = m;
        exact_check(&t[0], z->mean, e->a.mean);
        exact_check(&t[1], satstat_moments_variance(z), 0.0);
        exact_check(&t[2], (double)satstat_summary_saturated(s),
                    e->null_saturated * (double)n);
        exact_check(&t[3], d->mean, e->null_dphi);
        if (n < 2)
            t[1].p_value = 1.0;
        skip(&t[4], "skipped: z is constant");
        skip(&t[5], "skipped: z is constant");
        satstat_exact_free(ex);
        ex = NULL;
    } else {
        uint64_t unit_size = 1;
        const satstat_unit_moments *units = satstat_summary_units(s, &unit_size);
        if (units) {
            if ((rc = verify_units(s, e, units, t)) != SATSTAT_OK) {
                satstat_exact_free(ex);
                return rc;
            }
            t[4].method = ex ? "Kolmogorov-Smirnov on the first matrices' first rows, "
                               "against the exact law"
                             : "Kolmogorov-Smirnov on the first matrices' first rows";
            t[5].method = ex ? "Pearson chi-square over the histogram of every matrix's "
                               "first row, against the exact law"
                             : "Pearson chi-square over the histogram of every matrix's "
                               "first row";
        } else if (n < 2) {
            skip(&t[0], "skipped: needs 2 samples");
            skip(&t[1], "skipped: needs 2 samples");
            skip(&t[3], "skipped: needs 2 samples");
        } else {
            if ((rc = satstat_mean_test(z, e->a.mean, &tr)) != SATSTAT_OK) {
                satstat_exact_free(ex);
                return rc;
            }
            t[0].statistic = tr.statistic;
            t[0].p_value = tr.p_value;
            /* exact chi-square when z is exactly normal; otherwise the
             * fourth-moment test, which does not assume normality */
            rc = e->a.law == SATSTAT_Z_NORMAL
                     ? satstat_variance_test_normal(z, e->null_variance, &tr)
                     : satstat_variance_test(z, e->null_variance, &tr);
            if (rc != SATSTAT_OK) {
                satstat_exact_free(ex);
                return rc;
            }
            t[1].statistic = tr.statistic;
            t[1].p_value = tr.p_value;
            if ((rc = satstat_mean_test(d, e->null_dphi, &tr)) != SATSTAT_OK) {
                satstat_exact_free(ex);
                return rc;
            }
            t[3].statistic = tr.statistic;
            t[3].p_value = tr.p_value;
        }
        uint64_t k = satstat_summary_saturated(s);
        double p0 = e->null_saturated;
        if (units) {
            /* done in verify_units */
        } else if (p0 <= 0.0 || p0 >= 1.0) {
            t[2].method = "exact (the null law puts no mass on one side)";
            exact_check(&t[2], (double)k, p0 * (double)n);
        } else {
            double var = (double)n * p0 * (1.0 - p0);
            t[2].method = var < 1e4 ? "exact binomial, two-sided" : "binomial score z";
            if ((rc = satstat_binomial_test(k, n, p0, &tr)) != SATSTAT_OK) {
                satstat_exact_free(ex);
                return rc;
            }
            t[2].statistic = tr.statistic;
            t[2].p_value = tr.p_value;
        }
        size_t m;
        const double *sub = satstat_summary_subsample(s, &m);
        double *copy = malloc((m ? m : 1) * sizeof *copy);
        if (!copy) {
            satstat_exact_free(ex);
            return SATSTAT_ENOMEM;
        }
        memcpy(copy, sub, m * sizeof *copy);
        rc = ex ? satstat_ks_test(copy, m, exact_cdf, ex, &tr)
                : satstat_ks_test(copy, m, normal_cdf, &law, &tr);
        free(copy);
        if (rc != SATSTAT_OK) {
            satstat_exact_free(ex);
            return rc;
        }
        t[4].statistic = tr.statistic;
        t[4].p_value = tr.p_value;
        rc = ex ? binned_test_exact(s, ex, e->a.mean, &tr) : binned_test(s, &law, &tr);
        satstat_exact_free(ex);
        ex = NULL;
        if (rc == SATSTAT_EINVAL) {
            /* fewer than two pools expecting 5 each: too few samples */
            skip(&t[5], "skipped: too few samples for two bins of 5 expected");
        } else if (rc != SATSTAT_OK) {
            return rc;
        } else {
            t[5].statistic = tr.statistic;
            t[5].p_value = tr.p_value;
        }
    }

    /* Holm over the tests that ran */
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
    if (!config || !out || config->n_schemes == 0 ||
        config->n_schemes > SATSTAT_MAX_SCHEMES ||
        satstat_config_validate_layer(config, NULL) != SATSTAT_OK)
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
        e->null_variance = config->has_claimed_variance ? config->claimed_variance
                                                        : e->a.variance;
        e->null_saturated = e->a.saturated_fraction;
        e->null_dphi = e->a.mean_activation_derivative;
        if (config->has_claimed_variance) {
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
        satstat_layout_default(&e->a, config->samples, &e->layout);
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
                 (unsigned long long)c->inputs.active);
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
    if (c->has_claimed_variance)
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

/* ---- text ------------------------------------------------------------------*/

static const char *state_name(satstat_test_state s)
{
    return s == SATSTAT_TEST_PASS ? "pass" : s == SATSTAT_TEST_FAIL ? "FAIL" : "skipped";
}

/* Text columns: a label, then per scheme an analytic and a sampled cell. */
enum { LABEL_W = 30, ANALYTIC_W = 13, SAMPLED_W = 24 };

/* One row of the table, right-trimmed when it ends. */
typedef struct text_row {
    char s[LABEL_W + SATSTAT_MAX_SCHEMES * (ANALYTIC_W + SAMPLED_W) + 64];
    size_t len;
} text_row;

static void row_add(text_row *row, int width, const char *text)
{
    if (row->len >= sizeof row->s)
        return;
    int n = snprintf(row->s + row->len, sizeof row->s - row->len, "%-*s", width, text);
    if (n > 0)
        row->len += (size_t)n;
    if (row->len >= sizeof row->s)
        row->len = sizeof row->s - 1;
}

static void row_label(text_row *row, const char *label)
{
    row->len = 0;
    row->s[0] = '\0';
    row_add(row, LABEL_W, label);
}

static void pair_cells(text_row *row, const char *analytic, const char *sampled)
{
    row_add(row, ANALYTIC_W, analytic);
    row_add(row, SAMPLED_W, sampled);
}

static void wide_cell(text_row *row, const char *text)
{
    row_add(row, ANALYTIC_W + SAMPLED_W, text);
}

static void end_row(FILE *f, text_row *row)
{
    while (row->len > 0 && row->s[row->len - 1] == ' ')
        row->len--;
    fprintf(f, "%.*s\n", (int)row->len, row->s);
}

static void write_text(const satstat_report *r, FILE *f)
{
    const satstat_config *c = &r->config;
    size_t n = c->n_schemes;
    char buf[200], an[64], sv[64];
    text_row row;

    fprintf(f, "satstat %s: the law of a neuron's pre-activation z = sum_j w_j x_j + b\n",
            SATSTAT_VERSION);
    if (c->inputs.kind == SATSTAT_INPUTS_HALF)
        fprintf(f, "inputs    n_in = %llu, the first %llu equal to 1 and the rest 0\n",
                (unsigned long long)c->n_in, (unsigned long long)c->inputs.active);
    else
        fprintf(f, "inputs    n_in = %llu, %s\n", (unsigned long long)c->n_in,
                c->inputs.canonical);
    char rule_txt[SATSTAT_ACTIVATION_NAME_SIZE] = "", region_txt[64] = "";
    satstat_config_rule_text(c, rule_txt, sizeof rule_txt, region_txt, sizeof region_txt);
    if (c->saturation.kind == SATSTAT_SATURATION_DEFAULT && !c->activation->dead)
        fprintf(f, "bias      %s; %s units, saturated when %s\n", c->bias.canonical,
                c->activation->name, region_txt);
    else
        fprintf(f, "bias      %s; %s units, saturated when %s (rule %s%s)\n",
                c->bias.canonical, c->activation->name, region_txt, rule_txt,
                c->activation->dead && strcmp(rule_txt, "dead") == 0 ? ": dead units" : "");
    if (!r->analytic_only)
        fprintf(f, "sampled   %llu neurons per scheme, seed %llu, %s + %s (%s), %.2f s\n",
                (unsigned long long)c->samples, (unsigned long long)c->seed,
                satstat_generator_name(), satstat_transform_name(), r->simd, r->elapsed);
    for (size_t i = 0; i < n && !r->analytic_only; i++) {
        uint64_t unit_size = 1;
        const satstat_unit_moments *u = satstat_summary_units(r->e[i].summary, &unit_size);
        if (u)
            fprintf(f, "          %s: %llu whole %llu x %llu matrices (%llu rows), each "
                       "one unit of the intervals and tests\n",
                    c->schemes[i].canonical, (unsigned long long)u->mean.n,
                    (unsigned long long)c->n_out, (unsigned long long)c->n_in,
                    (unsigned long long)satstat_summary_z(r->e[i].summary)->n);
    }
    fputc('\n', f);

    row_label(&row, "");
    for (size_t i = 0; i < n; i++)
        wide_cell(&row, c->schemes[i].canonical);
    end_row(f, &row);
    row_label(&row, "weights");
    for (size_t i = 0; i < n; i++) {
        satstat_scheme_describe(&c->schemes[i], buf, sizeof buf);
        wide_cell(&row, buf);
    }
    end_row(f, &row);
    row_label(&row, "Var w");
    for (size_t i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "%.6g", r->e[i].a.weight_variance);
        wide_cell(&row, buf);
    }
    end_row(f, &row);
    row_label(&row, "law of z");
    for (size_t i = 0; i < n; i++)
        wide_cell(&row, r->e[i].a.law == SATSTAT_Z_NORMAL ? "normal, exact"
                        : r->e[i].a.law == SATSTAT_Z_EXACT
                            ? (c->schemes[i].kind == SATSTAT_SCHEME_ORTHOGONAL
                                   ? "exact (sphere law, quadrature)"
                                   : "exact (char. function inversion)")
                            : satstat_law_kind_name(r->e[i].a.law));
    end_row(f, &row);
    fputc('\n', f);

    row_label(&row, "");
    for (size_t i = 0; i < n; i++)
        pair_cells(&row, "analytic", r->analytic_only ? "" : "sampled");
    end_row(f, &row);

    sampled_side s[SATSTAT_MAX_SCHEMES];
    if (!r->analytic_only)
        for (size_t i = 0; i < n; i++)
            compute_sampled(r, &r->e[i], &s[i]);

    char ci_label[32], sat_label[64], dphi_label[64];
    snprintf(ci_label, sizeof ci_label, "  %g%% CI", 100.0 * (1.0 - c->alpha));
    snprintf(sat_label, sizeof sat_label, "%s P(%s)",
             c->activation->dead && strcmp(rule_txt, "dead") == 0 ? "dead" : "saturated",
             region_txt);
    snprintf(dphi_label, sizeof dphi_label, "mean slope E[%s'(z)]", c->activation->name);
    const char *labels[] = {"mean z", "Var z", "sd z", "skewness", "excess kurtosis",
                            sat_label, dphi_label};
    for (int q = 0; q < 7; q++) {
        int has_ci = 0;
        row_label(&row, labels[q]);
        for (size_t i = 0; i < n; i++) {
            const satstat_analytic *a = &r->e[i].a;
            double av[7] = {a->mean, a->variance, sqrt(a->variance), a->skewness,
                            a->excess_kurtosis, a->saturated_fraction,
                            a->mean_activation_derivative};
            /* skewness and kurtosis: 0 for a normal z, from the exact law
             * when there is one, unknown ("-") for an approximation */
            if ((q == 3 || q == 4) && !isfinite(av[q]))
                snprintf(an, sizeof an, "-");
            else
                snprintf(an, sizeof an, "%.6g", av[q]);
            sv[0] = '\0';
            if (!r->analytic_only) {
                const sampled_side *si = &s[i];
                double x[7] = {si->mean, si->variance, sqrt(si->variance), si->skewness,
                               si->kurtosis, si->saturated, si->dphi};
                snprintf(sv, sizeof sv, "%.6g", x[q]);
                has_ci |= q == 0 || q == 1 || q == 5 || q == 6;
            }
            pair_cells(&row, an, sv);
        }
        end_row(f, &row);
        if (!has_ci)
            continue;
        row_label(&row, ci_label);
        for (size_t i = 0; i < n; i++) {
            const satstat_interval *ci[7] = {&s[i].mean_ci, &s[i].variance_ci, NULL, NULL,
                                             NULL, &s[i].saturated_ci, &s[i].dphi_ci};
            snprintf(sv, sizeof sv, "[%.5g, %.5g]", ci[q]->lo, ci[q]->hi);
            pair_cells(&row, "", sv);
        }
        end_row(f, &row);
    }
    int any_exact = 0;
    for (size_t i = 0; i < n; i++)
        any_exact |= r->e[i].a.law == SATSTAT_Z_EXACT;
    if (any_exact) {
        /* the central limit theorem at work: what N(E z, Var z) would say */
        const char *what[] = {"  normal approx. P", "  normal approx. E[phi']",
                              "  |F - Phi| (Kolmogorov)"};
        for (int q = 0; q < 3; q++) {
            row_label(&row, what[q]);
            for (size_t i = 0; i < n; i++) {
                const satstat_analytic *a = &r->e[i].a;
                double v = q == 0 ? a->normal_saturated_fraction
                           : q == 1 ? a->normal_mean_activation_derivative : a->normal_gap;
                double err = q == 0 ? a->normal_saturated_fraction - a->saturated_fraction
                             : q == 1 ? a->normal_mean_activation_derivative -
                                            a->mean_activation_derivative
                                      : NAN;
                if (a->law != SATSTAT_Z_EXACT)
                    snprintf(an, sizeof an, "-");
                else
                    snprintf(an, sizeof an, "%.6g", v);
                sv[0] = '\0';
                if (a->law == SATSTAT_Z_EXACT && isfinite(err))
                    snprintf(sv, sizeof sv, "error %+.3g", err);
                pair_cells(&row, an, sv);
            }
            end_row(f, &row);
        }
    }
    for (size_t i = 0; i < n; i++)
        if (r->e[i].a.law == SATSTAT_Z_NORMAL_APPROX && r->e[i].a.exact_fallback)
            fprintf(f, "note: %s: normal approximation only (%s)\n", c->schemes[i].canonical,
                    r->e[i].a.exact_fallback);
    if (c->has_claimed_variance) {
        row_label(&row, "claimed Var z (tested)");
        for (size_t i = 0; i < n; i++) {
            snprintf(an, sizeof an, "%.6g", c->claimed_variance);
            pair_cells(&row, an, "");
        }
        end_row(f, &row);
    }
    if (r->analytic_only) {
        fprintf(f, "\n(analytic only: nothing sampled)\n");
        return;
    }

    fprintf(f, "\nverification: each scheme's tests held to alpha = %g together "
               "(Holm-adjusted p)\n", c->alpha);
    for (size_t i = 0; i < n; i++) {
        const entry *e = &r->e[i];
        fprintf(f, "  %s: %s\n", c->schemes[i].canonical, e->pass ? "pass" : "FAIL");
        for (size_t j = 0; j < e->n_tests; j++) {
            const satstat_test_result *t = &e->tests[j];
            if (t->state == SATSTAT_TEST_SKIPPED) {
                fprintf(f, "    %-27s %s\n", t->name, t->method);
                continue;
            }
            fprintf(f, "    %-27s %-4s  stat %10.4g  p %9.3g  p_adj %9.3g  %s%s\n", t->name,
                    state_name(t->state), t->statistic, t->p_value, t->p_adjusted,
                    t->method, t->approximate ? " (against the normal approximation)" : "");
        }
    }
    if (n >= 2) {
        /* the seed's argument in one line: how many more units start
         * saturated, and how much faster the others learn */
        const satstat_analytic *a0 = &r->e[0].a, *a1 = &r->e[1].a;
        if (a0->mean_activation_derivative > 0 && a1->mean_activation_derivative > 0)
            fprintf(f, "\n%s vs %s: %.4g%% vs %.4g%% of units start saturated; mean slope "
                       "E[%s'(z)] %.4g vs %.4g, %.3gx\n",
                    c->schemes[0].canonical, c->schemes[1].canonical,
                    100 * a0->saturated_fraction, 100 * a1->saturated_fraction,
                    c->activation->name, a0->mean_activation_derivative,
                    a1->mean_activation_derivative,
                    a1->mean_activation_derivative / a0->mean_activation_derivative);
    }
    fprintf(f, "verdict: %s\n", satstat_report_pass(r) ? "pass" : "FAIL");
}

/* ---- JSON ------------------------------------------------------------------*/

static json_t *num(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

static json_t *interval(const satstat_interval *ci)
{
    return json_pack("[o o]", num(ci->lo), num(ci->hi));
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
        "active", (json_int_t)(c->inputs.kind == SATSTAT_INPUTS_HALF ? c->inputs.active
                                : satstat_inputs_support(&c->inputs, c->n_in)),
        "inputs", c->inputs.canonical, "bias", c->bias.canonical,
        "activation", c->activation->name, "threshold", c->threshold,
        /* an analytic-only report sampled nothing, whatever --samples said */
        "samples", (json_int_t)(r->analytic_only ? 0 : c->samples), "seed", (json_int_t)c->seed,
        "alpha", c->alpha,
        "expect_variance", c->has_claimed_variance ? json_real(c->claimed_variance) : json_null(),
        "schemes", schemes,
        "generator", satstat_generator_name(), "transform", satstat_transform_name(),
        "simd", r->simd, "block_neurons", (int)SATSTAT_BLOCK_NEURONS,
        "threads", (json_int_t)c->threads, "command", cmd);
    /* the saturation rule and the region of z it stands for */
    char rule[SATSTAT_ACTIVATION_NAME_SIZE] = "", region[64] = "";
    satstat_region reg = {-INFINITY, INFINITY};
    satstat_config_rule_text(c, rule, sizeof rule, region, sizeof region);
    satstat_config_region(c, &reg, NULL);
    json_object_set_new(o, "saturation",
                        json_pack("{s:s s:s s:o s:o s:s}", "rule", rule, "region", region,
                                  "below", num(reg.below), "above", num(reg.above),
                                  "meaning", c->activation->saturation));
    return o;
}

static json_t *report_json(const satstat_report *r)
{
    const satstat_config *c = &r->config;
    json_t *schemes = json_array();
    for (size_t i = 0; i < c->n_schemes; i++) {
        const entry *e = &r->e[i];
        const satstat_analytic *a = &e->a;
        char desc[96];
        satstat_scheme_describe(&c->schemes[i], desc, sizeof desc);
        json_t *an = json_pack("{s:o s:o s:o s:o s:o s:o s:s}",
                               "mean", num(a->mean), "variance", num(a->variance),
                               "skewness", num(a->skewness),
                               "excess_kurtosis", num(a->excess_kurtosis),
                               "saturated_fraction", num(a->saturated_fraction),
                               "mean_activation_derivative",
                               num(a->mean_activation_derivative),
                               "law",
                               a->law == SATSTAT_Z_EXACT &&
                                       c->schemes[i].kind == SATSTAT_SCHEME_ORTHOGONAL
                                   ? "exact (sphere law, quadrature)"
                                   : satstat_law_kind_name(a->law));
        /* nothing was tested in an analytic-only report: pass is null */
        json_t *o = json_pack("{s:s s:s s:o s:o s:o}", "scheme", c->schemes[i].canonical,
                              "weights", desc, "weight_variance", num(a->weight_variance),
                              "analytic", an, "pass",
                              r->analytic_only ? json_null() : json_boolean(e->pass));
        if (a->law == SATSTAT_Z_EXACT) {
            json_object_set_new(an, "saturated_fraction_abserr", num(a->exact_abserr));
            json_object_set_new(
                an, "normal_approximation",
                json_pack("{s:o s:o s:o s:o s:o}", "saturated_fraction",
                          num(a->normal_saturated_fraction), "error",
                          num(a->normal_saturated_fraction - a->saturated_fraction),
                          "mean_activation_derivative",
                          num(a->normal_mean_activation_derivative),
                          "mean_activation_derivative_error",
                          num(a->normal_mean_activation_derivative -
                              a->mean_activation_derivative),
                          "kolmogorov_distance", num(a->normal_gap)));
        } else if (a->law == SATSTAT_Z_NORMAL_APPROX && a->exact_fallback) {
            json_object_set_new(an, "exact_law_unavailable", json_string(a->exact_fallback));
        }
        if (c->has_claimed_variance) {
            json_object_set_new(o, "claimed_variance", num(c->claimed_variance));
            json_object_set_new(an, "claimed_saturated_fraction", num(e->null_saturated));
            json_object_set_new(an, "claimed_mean_activation_derivative", num(e->null_dphi));
        }
        if (!r->analytic_only) {
            sampled_side s;
            compute_sampled(r, e, &s);
            json_t *em = json_pack(
                "{s:I s:o s:o s:o s:o s:o s:o s:o s:o s:o s:o s:o}",
                "samples", (json_int_t)satstat_summary_z(e->summary)->n,
                "mean", num(s.mean), "mean_ci", interval(&s.mean_ci),
                "variance", num(s.variance), "variance_ci", interval(&s.variance_ci),
                "skewness", num(s.skewness), "excess_kurtosis", num(s.kurtosis),
                "saturated_fraction", num(s.saturated),
                "saturated_fraction_ci", interval(&s.saturated_ci),
                "saturated_count", json_integer((json_int_t)satstat_summary_saturated(e->summary)),
                "mean_activation_derivative", num(s.dphi),
                "mean_activation_derivative_ci", interval(&s.dphi_ci));
            uint64_t unit_size = 1;
            const satstat_unit_moments *u = satstat_summary_units(e->summary, &unit_size);
            json_object_set_new(
                em, "unit",
                u ? json_pack("{s:s s:I s:I}", "kind", "matrix", "rows", (json_int_t)unit_size,
                              "count", (json_int_t)u->mean.n)
                  : json_pack("{s:s s:I s:I}", "kind", "neuron", "rows", (json_int_t)1,
                              "count", (json_int_t)satstat_summary_z(e->summary)->n));
            json_object_set_new(o, "empirical", em);
            json_t *tests = json_array();
            for (size_t j = 0; j < e->n_tests; j++) {
                const satstat_test_result *t = &e->tests[j];
                json_t *tj = json_pack("{s:s s:s s:o s:o s:o s:b s:b s:b}",
                                       "name", t->name, "method", t->method,
                                       "statistic", num(t->statistic),
                                       "p_value", num(t->p_value),
                                       "p_adjusted", num(t->p_adjusted),
                                       "pass", t->state != SATSTAT_TEST_FAIL,
                                       "skipped", t->state == SATSTAT_TEST_SKIPPED,
                                       "approximate", t->approximate);
                json_array_append_new(tests, tj);
            }
            json_object_set_new(o, "tests", tests);
        }
        json_array_append_new(schemes, o);
    }
    json_t *root = json_pack("{s:s s:o s:o s:b s:o}", "version", SATSTAT_VERSION,
                             "config", config_json(r), "schemes", schemes,
                             "analytic_only", r->analytic_only, "pass",
                             r->analytic_only ? json_null()
                                              : json_boolean(satstat_report_pass(r)));
    if (!r->analytic_only)
        json_object_set_new(root, "elapsed_seconds", json_real(r->elapsed));
    return root;
}

/* ---- CSV -------------------------------------------------------------------*/

static void csv_num(FILE *f, double x)
{
    if (isfinite(x))
        fprintf(f, ",%.17g", x);
    else
        fputs(",", f);
}

static void csv_row(FILE *f, const char *scheme, const char *quantity, double an,
                    double sv, const satstat_interval *ci,
                    const satstat_test_result *t)
{
    fprintf(f, "%s,%s", scheme, quantity);
    csv_num(f, an);
    csv_num(f, sv);
    csv_num(f, ci ? ci->lo : NAN);
    csv_num(f, ci ? ci->hi : NAN);
    csv_num(f, t ? t->statistic : NAN);
    csv_num(f, t ? t->p_value : NAN);
    csv_num(f, t ? t->p_adjusted : NAN);
    fprintf(f, ",%s\n", t ? state_name(t->state) : "");
}

static const satstat_test_result *find_test(const entry *e, const char *name)
{
    for (size_t j = 0; j < e->n_tests; j++)
        if (strcmp(e->tests[j].name, name) == 0)
            return &e->tests[j];
    return NULL;
}

static void write_csv(const satstat_report *r, FILE *f)
{
    const satstat_config *c = &r->config;
    fputs("scheme,quantity,analytic,sampled,ci_low,ci_high,statistic,p_value,"
          "p_adjusted,verdict\n", f);
    for (size_t i = 0; i < c->n_schemes; i++) {
        const entry *e = &r->e[i];
        const satstat_analytic *a = &e->a;
        const char *name = c->schemes[i].canonical;
        if (r->analytic_only) {
            csv_row(f, name, "weight_variance", a->weight_variance, NAN, NULL, NULL);
            csv_row(f, name, "mean", a->mean, NAN, NULL, NULL);
            csv_row(f, name, "variance", a->variance, NAN, NULL, NULL);
            csv_row(f, name, "saturated_fraction", a->saturated_fraction, NAN, NULL, NULL);
            csv_row(f, name, "mean_activation_derivative",
                    a->mean_activation_derivative, NAN, NULL, NULL);
            continue;
        }
        sampled_side s;
        compute_sampled(r, e, &s);
        csv_row(f, name, "weight_variance", a->weight_variance, NAN, NULL, NULL);
        csv_row(f, name, "mean", a->mean, s.mean, &s.mean_ci, find_test(e, "mean"));
        csv_row(f, name, "variance", e->null_variance, s.variance, &s.variance_ci,
                find_test(e, "variance"));
        csv_row(f, name, "skewness", NAN, s.skewness, NULL, NULL);
        csv_row(f, name, "excess_kurtosis", NAN, s.kurtosis, NULL, NULL);
        csv_row(f, name, "saturated_fraction", e->null_saturated, s.saturated,
                &s.saturated_ci, find_test(e, "saturated_fraction"));
        csv_row(f, name, "mean_activation_derivative", e->null_dphi, s.dphi,
                &s.dphi_ci, find_test(e, "mean_activation_derivative"));
        if (a->law == SATSTAT_Z_EXACT) {
            csv_row(f, name, "saturated_fraction_normal_approximation",
                    a->normal_saturated_fraction, NAN, NULL, NULL);
            csv_row(f, name, "mean_activation_derivative_normal_approximation",
                    a->normal_mean_activation_derivative, NAN, NULL, NULL);
        }
        csv_row(f, name, "distribution", NAN, NAN, NULL, find_test(e, "distribution"));
        csv_row(f, name, "distribution_binned", NAN, NAN, NULL,
                find_test(e, "distribution_binned"));
        fprintf(f, "%s,verdict,,,,,,,,%s\n", name, e->pass ? "pass" : "FAIL");
    }
}

int satstat_report_write(const satstat_report *r, satstat_format format, FILE *f)
{
    if (!r || !f)
        return SATSTAT_EINVAL;
    /* '.' as the decimal point whatever the caller's locale */
    locale_t c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    locale_t old = c_locale ? uselocale(c_locale) : (locale_t)0;
    int rc = SATSTAT_OK;
    switch (format) {
    case SATSTAT_FORMAT_TEXT:
        write_text(r, f);
        break;
    case SATSTAT_FORMAT_CSV:
        write_csv(r, f);
        break;
    case SATSTAT_FORMAT_JSON: {
        json_t *root = report_json(r);
        if (!root || json_dumpf(root, f, JSON_INDENT(2) | JSON_REAL_PRECISION(17)) != 0)
            rc = SATSTAT_EIO;
        fputc('\n', f);
        json_decref(root);
        break;
    }
    default:
        rc = SATSTAT_EINVAL;
    }
    if (c_locale) {
        uselocale(old);
        freelocale(c_locale);
    }
    if (ferror(f))
        rc = SATSTAT_EIO;
    return rc;
}
