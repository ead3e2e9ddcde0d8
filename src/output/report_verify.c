/* report_verify.c — a run's tests: each scheme's sampled z against its
 * exact (or normal null) law — moments, the saturated fraction, the mean
 * slope, the distribution — with Holm's correction over a scheme's tests,
 * the schemes side by side on threads. */
#include <satstat/report.h>

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include <satstat/error.h>
#include <satstat/exact.h>
#include <satstat/stats.h>
#include "output/report-int.h"

typedef satstat__scheme_entry entry;

/* ---- verification -------------------------------------------------------*/

typedef struct normal_law {
    double mean, sd;
} normal_law;

static double normal_cdf(double x, void *ctx)
{
    const normal_law *n = ctx;
    return gsl_cdf_gaussian_P(x - n->mean, n->sd);
}

static double normal_at_or_above(double x, void *ctx)
{
    const normal_law *n = ctx;
    return gsl_cdf_gaussian_Q(x - n->mean, n->sd);
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

static double exact_below(double x, void *e)
{
    satstat_exact_result r;
    double m = 0.0;
    if (satstat_exact_cdf(e, x, &r) != SATSTAT_OK ||
        satstat_exact_point_mass(e, x, &m) != SATSTAT_OK)
        return NAN;
    return r.value - m;
}

static double exact_at_or_above(double x, void *e)
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

/* A null law for the binned test: P(z < x) and P(z ≥ x), and the point
 * where bin probabilities switch from differences of the first to
 * differences of the second, so each tail keeps its digits. */
typedef struct binned_law {
    double (*below)(double x, void *ctx);      /* as the KS test's CDF */
    double (*at_or_above)(double x, void *ctx);
    void *ctx;
    double mean;
} binned_law;

/* Pearson chi-square of the fine histogram (plus the two open tails)
 * against the null law: uses every sample, in bounded memory. */
static int binned_test(const satstat_summary *s, const binned_law *law, satstat_test *out,
                       size_t *dof)
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
        prob[0] = law->below(h->range[0], law->ctx);
        for (size_t i = 0; i + 2 < bins; i++) {
            double lo = h->range[i], hi = h->range[i + 1];
            obs[i + 1] = (uint64_t)gsl_histogram_get(h, i);
            prob[i + 1] = hi <= law->mean
                              ? law->below(hi, law->ctx) - law->below(lo, law->ctx)
                              : law->at_or_above(lo, law->ctx) - law->at_or_above(hi, law->ctx);
            if (prob[i + 1] < 0.0)
                prob[i + 1] = 0.0; /* rounding of two nearly equal tails */
        }
        prob[bins - 1] = law->at_or_above(h->range[bins - 2], law->ctx);
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

/* Var z from the units (orthogonal: rows of one matrix are dependent,
 * matrices are i.i.d.).  With m_k, q_k the means of z − c and (z − c)²
 * over unit k's r rows (N = Mr rows in all), V = q̄ − m̄² scaled by
 * N/(N − 1) is unbiased when rows are uncorrelated with equal variance
 * (Haar rows are: flipping a row's sign keeps the law), and by the delta
 * method Var V ≈ Var(q_k − 2m̄·m_k)/M = [Var q + 4m̄² Var m − 4m̄ Cov(q, m)]/M,
 * the covariance from Var(q + m) = Var q + Var m + 2 Cov(q, m). */
void satstat__unit_variance(const satstat_unit_moments *u, uint64_t unit_size, double *v,
                           double *se)
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
    e->n_tests = SATSTAT__MAX_TESTS;
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
    binned_law bl = ex ? (binned_law){exact_below, exact_at_or_above, ex, e->a.mean}
                       : (binned_law){normal_cdf, normal_at_or_above, (void *)law, law->mean};
    rc = binned_test(s, &bl, &tr, &dof);
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
    double p[SATSTAT__MAX_TESTS], adj[SATSTAT__MAX_TESTS];
    size_t idx[SATSTAT__MAX_TESTS], m = 0;
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

/* A scheme's tests need only its own summary and build their own exact
 * law: the schemes' tests run side by side on up to `threads` threads
 * (the caller's included), instead of adding their time end to end. */
typedef struct verify_pool {
    const satstat_config *config;
    entry *e;
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
        int rc = verify(v->config, &v->config->schemes[i], &v->e[i]);
        if (rc != SATSTAT_OK) {
            int ok = SATSTAT_OK;
            atomic_compare_exchange_strong(&v->rc, &ok, rc);
        }
    }
}

int satstat__report_verify_all(const satstat_config *config, entry *e, size_t threads)
{
    verify_pool v = {.config = config, .e = e, .n = config->n_schemes};
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

