/* test_stats.c — Check tests of the stats module (satstat/stats.h).
 *
 * Known answers come from doc/numerics.md ("Reference values", made
 * computation)") or, where marked "mpmath", from 30-digit mpmath 1.3.0
 * evaluations of the defining formula.  Random tests use GSL's mt19937
 * with pinned seeds, so each runs the same way every time; statistical
 * thresholds are at the 0.1 % level so that a correct implementation
 * passes for essentially any seed.
 */
#include <satstat/error.h>
#include <satstat/stats.h>

#include <check.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include "common.h"

/* |a − b| ≤ rel·|b| (+ abs for values near zero). */
static int close_rel(double a, double b, double rel)
{
    return fabs(a - b) <= rel * fabs(b);
}

#define ck_close(a, b, rel)                                                  \
    do {                                                                     \
        double ck_a_ = (a), ck_b_ = (b);                                     \
        ck_assert_msg(close_rel(ck_a_, ck_b_, (rel)),                        \
                      "%s = %.17g, expected %.17g (rel tol %g)", #a, ck_a_,  \
                      ck_b_, (double)(rel));                                 \
    } while (0)

#define ck_near(a, b, abs_tol)                                               \
    do {                                                                     \
        double ck_a_ = (a), ck_b_ = (b);                                     \
        ck_assert_msg(fabs(ck_a_ - ck_b_) <= (abs_tol),                      \
                      "%s = %.17g, expected %.17g (abs tol %g)", #a, ck_a_,  \
                      ck_b_, (double)(abs_tol));                             \
    } while (0)

static double normal_cdf(double x, void *ctx)
{
    (void)ctx;
    return gsl_cdf_ugaussian_P(x);
}

static double uniform_cdf(double x, void *ctx)
{
    (void)ctx;
    return x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x);
}

static double bad_cdf(double x, void *ctx)
{
    (void)x;
    (void)ctx;
    return 1.5;
}

/* ---- moments ------------------------------------------------------------ */

#define MOM_N 1000

/* Skewed data with an offset: exponential(1) + 10. */
static void moment_data(double *x, size_t n)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 12345);
    for (size_t i = 0; i < n; i++)
        x[i] = 10.0 + gsl_ran_exponential(r, 1.0);
    gsl_rng_free(r);
}

static satstat_moments push_range(const double *x, size_t lo, size_t hi)
{
    satstat_moments m;
    satstat_moments_init(&m);
    for (size_t i = lo; i < hi; i++)
        satstat_moments_push(&m, x[i]);
    return m;
}

/* Central sums compared on the scale n·s^k, since M3 may be near 0. */
static void check_moments_match(const satstat_moments *a,
                                const satstat_moments *b, double rel)
{
    ck_assert_uint_eq(a->n, b->n);
    double n = (double)b->n;
    double s = sqrt(b->m2 / n);
    ck_close(a->mean, b->mean, rel);
    ck_close(a->m2, b->m2, rel);
    ck_near(a->m3, b->m3, rel * n * s * s * s);
    ck_close(a->m4, b->m4, rel);
}

START_TEST(test_moments_push_two_pass)
{
    static double x[MOM_N];
    moment_data(x, MOM_N);
    double sum = 0.0;
    for (size_t i = 0; i < MOM_N; i++)
        sum += x[i];
    double mean = sum / MOM_N;
    double m2 = 0.0, m3 = 0.0, m4 = 0.0;
    for (size_t i = 0; i < MOM_N; i++) {
        double d = x[i] - mean;
        m2 += d * d;
        m3 += d * d * d;
        m4 += d * d * d * d;
    }
    satstat_moments ref = {MOM_N, mean, m2, m3, m4};
    satstat_moments m = push_range(x, 0, MOM_N);
    check_moments_match(&m, &ref, 1e-12);
    ck_close(satstat_moments_variance(&m), m2 / (MOM_N - 1), 1e-12);
    ck_close(satstat_moments_skewness(&m),
             sqrt((double)MOM_N) * m3 / pow(m2, 1.5), 1e-10);
    ck_close(satstat_moments_excess_kurtosis(&m),
             MOM_N * m4 / (m2 * m2) - 3.0, 1e-10);
}
END_TEST

/* satstat_moments_push_array on an ill-conditioned block: values near 2^20
 * spread by 1e-9 of their size, against exact rational moments
 * (tests/ref/block_moments.py; run it to remake the table).  Lengths below,
 * at and above the 8 partial sums, and with a tail. */
static const struct {
    size_t n;
    double mean, m2, m3, m4;
} block_moments_exact[] = {
    {1, 1048575.51171875, 0.0, 0.0, 0.0},
    {7, 1048576.1114676339, 0.5291470118931362, -0.17690063663283173, 0.1400065287124835},
    {8, 1048576.0893554688, 0.5565280914306641, -0.14543160796165466, 0.126487936639478},
    {1023, 1048575.999529379, 81.19512311501005, -0.05787188220049186, 11.61580027916093},
};

START_TEST(test_moments_push_array_exact)
{
    static double x[1023];
    for (size_t i = 0; i < 1023; i++)
        x[i] = 1048576.0 + (double)((long)((7919 * i) % 1000) - 500) / 1024.0;
    for (size_t t = 0; t < sizeof block_moments_exact / sizeof block_moments_exact[0]; t++) {
        size_t n = block_moments_exact[t].n;
        satstat_moments m;
        satstat_moments_init(&m);
        satstat_moments_push_array(&m, x, n);
        ck_assert_uint_eq(m.n, n);
        ck_close(m.mean, block_moments_exact[t].mean, 1e-15);
        ck_near(m.m2, block_moments_exact[t].m2, 1e-12 * (block_moments_exact[t].m2 + 1e-300));
        /* M3 on the scale n·s³, M4 relative */
        double s = sqrt(block_moments_exact[t].m2 / (double)n);
        ck_near(m.m3, block_moments_exact[t].m3, 1e-11 * (double)n * s * s * s);
        ck_near(m.m4, block_moments_exact[t].m4, 1e-11 * (block_moments_exact[t].m4 + 1e-300));
    }
    /* an empty array and NULLs leave m as it was */
    satstat_moments m, before;
    satstat_moments_init(&m);
    satstat_moments_push_array(&m, x, 5);
    before = m;
    satstat_moments_push_array(&m, x, 0);
    satstat_moments_push_array(&m, NULL, 3);
    satstat_moments_push_array(NULL, x, 3);
    ck_assert(memcmp(&m, &before, sizeof m) == 0);
}
END_TEST

/* An array pushed onto moments already holding values agrees with pushing
 * them one at a time, on the skewed data. */
START_TEST(test_moments_push_array_merges)
{
    static double x[MOM_N];
    moment_data(x, MOM_N);
    satstat_moments all = push_range(x, 0, MOM_N);
    satstat_moments m = push_range(x, 0, 300);
    satstat_moments_push_array(&m, x + 300, 555);
    satstat_moments_push_array(&m, x + 855, MOM_N - 855);
    check_moments_match(&m, &all, 1e-12);
}
END_TEST

START_TEST(test_moments_small_exact)
{
    /* 1..5: variance 2.5, skewness 0, excess kurtosis 5·34/100 − 3. */
    satstat_moments m;
    satstat_moments_init(&m);
    for (int i = 1; i <= 5; i++)
        satstat_moments_push(&m, i);
    ck_assert_uint_eq(m.n, 5);
    ck_close(m.mean, 3.0, 1e-15);
    ck_close(satstat_moments_variance(&m), 2.5, 1e-15);
    ck_near(satstat_moments_skewness(&m), 0.0, 1e-15);
    ck_close(satstat_moments_excess_kurtosis(&m), -1.3, 1e-14);

    satstat_moments e;
    satstat_moments_init(&e);
    ck_assert(isnan(satstat_moments_variance(&e)));
    ck_assert(isnan(satstat_moments_skewness(&e)));
    ck_assert(isnan(satstat_moments_excess_kurtosis(&e)));
    satstat_moments_push(&e, 1.0);
    ck_assert(isnan(satstat_moments_variance(&e)));
    ck_assert(isnan(satstat_moments_skewness(&e))); /* M2 = 0 */
    ck_assert(isnan(satstat_moments_variance(NULL)));
    satstat_moments_push(NULL, 1.0); /* must not crash */
    satstat_moments_init(NULL);
}
END_TEST

START_TEST(test_moments_merge_splits)
{
    static double x[MOM_N];
    moment_data(x, MOM_N);
    satstat_moments all = push_range(x, 0, MOM_N);
    static const size_t splits[] = {0, 1, 2, 7, 333, 500, 998, 999, MOM_N};
    for (size_t s = 0; s < sizeof splits / sizeof splits[0]; s++) {
        size_t c = splits[s];
        satstat_moments a = push_range(x, 0, c);
        satstat_moments b = push_range(x, c, MOM_N);
        satstat_moments_merge(&a, &b);
        check_moments_match(&a, &all, 1e-12);
    }
    /* A fixed merge tree of 10 blocks of 100. */
    satstat_moments acc;
    satstat_moments_init(&acc);
    for (size_t blk = 0; blk < 10; blk++) {
        satstat_moments b = push_range(x, blk * 100, blk * 100 + 100);
        satstat_moments_merge(&acc, &b);
    }
    check_moments_match(&acc, &all, 1e-12);
}
END_TEST

START_TEST(test_moments_merge_empty_exact)
{
    static double x[MOM_N];
    moment_data(x, MOM_N);
    satstat_moments b = push_range(x, 0, 123);
    satstat_moments a;
    satstat_moments_init(&a);
    satstat_moments_merge(&a, &b); /* empty ← b: bitwise copy */
    ck_assert(memcmp(&a, &b, sizeof a) == 0);
    satstat_moments e;
    satstat_moments_init(&e);
    satstat_moments_merge(&a, &e); /* a ∪ ∅ = a, unchanged */
    ck_assert(memcmp(&a, &b, sizeof a) == 0);

    /* Deterministic: the same operands give the same bits. */
    satstat_moments c1 = push_range(x, 0, 400), c2 = c1;
    satstat_moments d = push_range(x, 400, MOM_N);
    satstat_moments_merge(&c1, &d);
    satstat_moments_merge(&c2, &d);
    ck_assert(memcmp(&c1, &c2, sizeof c1) == 0);

    /* Self-merge doubles every count. */
    satstat_moments s = push_range(x, 0, 100);
    satstat_moments twice = s;
    satstat_moments_merge(&twice, &twice);
    ck_assert_uint_eq(twice.n, 200);
    ck_close(twice.mean, s.mean, 1e-15);
    ck_close(twice.m2, 2.0 * s.m2, 1e-14);
    satstat_moments_merge(NULL, &s);
    satstat_moments_merge(&s, NULL);
}
END_TEST

/* ---- mean --------------------------------------------------------------- */

static satstat_moments one_to_five(void)
{
    satstat_moments m;
    satstat_moments_init(&m);
    for (int i = 1; i <= 5; i++)
        satstat_moments_push(&m, i);
    return m;
}

START_TEST(test_mean_test_values)
{
    satstat_moments m = one_to_five();
    satstat_test t;
    ck_assert_int_eq(satstat_mean_test(&m, 2.0, &t), SATSTAT_OK);
    ck_close(t.statistic, sqrt(2.0), 1e-14);
    ck_close(t.p_value, 0.230199641080498980654, 1e-12); /* mpmath */
    ck_assert_int_eq(satstat_mean_test(&m, 4.0, &t), SATSTAT_OK);
    ck_close(t.statistic, -sqrt(2.0), 1e-14);
    ck_close(t.p_value, 0.230199641080498980654, 1e-12);
    ck_assert_int_eq(satstat_mean_test(&m, 3.0, &t), SATSTAT_OK);
    ck_close(t.p_value, 1.0, 1e-15);

    satstat_interval ci;
    ck_assert_int_eq(satstat_mean_interval(&m, 0.05, &ci), SATSTAT_OK);
    double half = 2.7764451051977987 * sqrt(0.5); /* t_{0.975, 4} */
    ck_close(ci.lo, 3.0 - half, 1e-12);
    ck_close(ci.hi, 3.0 + half, 1e-12);
}
END_TEST

START_TEST(test_mean_zero_variance)
{
    satstat_moments m;
    satstat_moments_init(&m);
    for (int i = 0; i < 4; i++)
        satstat_moments_push(&m, 3.0);
    satstat_test t;
    ck_assert_int_eq(satstat_mean_test(&m, 3.0, &t), SATSTAT_OK);
    ck_assert(t.statistic == 0.0 && t.p_value == 1.0);
    ck_assert_int_eq(satstat_mean_test(&m, 2.0, &t), SATSTAT_OK);
    ck_assert(isinf(t.statistic) && t.statistic > 0 && t.p_value == 0.0);
    satstat_interval ci;
    ck_assert_int_eq(satstat_mean_interval(&m, 0.05, &ci), SATSTAT_OK);
    ck_assert(ci.lo == 3.0 && ci.hi == 3.0);
}
END_TEST

START_TEST(test_mean_errors)
{
    satstat_moments m = one_to_five();
    satstat_moments one;
    satstat_moments_init(&one);
    satstat_moments_push(&one, 1.0);
    satstat_test t;
    satstat_interval ci;
    ck_assert_int_eq(satstat_mean_test(NULL, 0.0, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_mean_test(&m, 0.0, NULL), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_mean_test(&one, 0.0, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_mean_test(&m, NAN, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_mean_interval(&one, 0.05, &ci), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_mean_interval(&m, 0.0, &ci), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_mean_interval(&m, 1.0, &ci), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_mean_interval(&m, NAN, &ci), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_mean_interval(&m, 0.05, NULL), SATSTAT_EINVAL);
    satstat_moments bad = m;
    bad.mean = NAN;
    ck_assert_int_eq(satstat_mean_test(&bad, 0.0, &t), SATSTAT_EINVAL);
}
END_TEST

/* ---- variance ----------------------------------------------------------- */

START_TEST(test_variance_values)
{
    /* 1..5: s² = 2.5, m4 = 34/5, SE² = (6.8 − 6.25·2/4)/5 = 0.735. */
    satstat_moments m = one_to_five();
    satstat_test t;
    ck_assert_int_eq(satstat_variance_test(&m, 1.0, &t), SATSTAT_OK);
    ck_close(t.statistic, 1.74963553055941292728, 1e-13);     /* mpmath */
    ck_close(t.p_value, 0.0801812246793443659367, 1e-11);     /* mpmath */
    ck_assert_int_eq(satstat_variance_test(&m, 4.0, &t), SATSTAT_OK);
    ck_close(t.statistic, -1.74963553055941292728, 1e-13);
    ck_close(t.p_value, 0.0801812246793443659367, 1e-11);

    satstat_interval ci;
    ck_assert_int_eq(satstat_variance_interval(&m, 0.05, &ci), SATSTAT_OK);
    double half = 1.959963984540054 * sqrt(0.735);
    ck_close(ci.lo, 2.5 - half, 1e-13);
    ck_close(ci.hi, 2.5 + half, 1e-13);

    /* Heavy outlier: the lower end is clipped at 0. */
    satstat_moments h;
    satstat_moments_init(&h);
    for (int i = 0; i < 4; i++)
        satstat_moments_push(&h, 0.0);
    satstat_moments_push(&h, 10.0);
    ck_assert_int_eq(satstat_variance_interval(&h, 0.05, &ci), SATSTAT_OK);
    ck_assert(ci.lo == 0.0);
    ck_assert(ci.hi > satstat_moments_variance(&h));
}
END_TEST

START_TEST(test_variance_degenerate_and_errors)
{
    satstat_moments c;
    satstat_moments_init(&c);
    for (int i = 0; i < 10; i++)
        satstat_moments_push(&c, 2.0);
    satstat_test t;
    ck_assert_int_eq(satstat_variance_test(&c, 0.0, &t), SATSTAT_OK);
    ck_assert(t.statistic == 0.0 && t.p_value == 1.0);
    ck_assert_int_eq(satstat_variance_test(&c, 1.0, &t), SATSTAT_OK);
    ck_assert(isinf(t.statistic) && t.statistic < 0 && t.p_value == 0.0);
    satstat_interval ci;
    ck_assert_int_eq(satstat_variance_interval(&c, 0.05, &ci), SATSTAT_OK);
    ck_assert(ci.lo == 0.0 && ci.hi == 0.0);

    satstat_moments m = one_to_five();
    satstat_moments one;
    satstat_moments_init(&one);
    satstat_moments_push(&one, 1.0);
    ck_assert_int_eq(satstat_variance_test(NULL, 1.0, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_variance_test(&m, 1.0, NULL), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_variance_test(&one, 1.0, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_variance_test(&m, -1.0, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_variance_test(&m, NAN, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_variance_test(&m, INFINITY, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_variance_interval(&m, 1.5, &ci), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_variance_interval(&one, 0.05, &ci),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_variance_interval(NULL, 0.05, &ci),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_variance_interval(&m, 0.05, NULL),
                     SATSTAT_EINVAL);
}
END_TEST

/* ---- binomial test ------------------------------------------------------ */

/* The definition, summed over every outcome with GSL's pmf. */
static double brute_minlike(unsigned k, unsigned n, double p)
{
    double d = gsl_ran_binomial_pdf(k, p, n) * (1.0 + 1e-7);
    double s = 0.0;
    for (unsigned j = 0; j <= n; j++) {
        double pj = gsl_ran_binomial_pdf(j, p, n);
        if (pj <= d)
            s += pj;
    }
    return s > 1.0 ? 1.0 : s;
}

START_TEST(test_binomial_brute_force)
{
    static const unsigned ns[] = {1, 2, 5, 10, 20, 37, 100, 250};
    static const double ps[] = {0.01, 0.1, 0.3, 0.5, 0.77, 0.999};
    for (size_t a = 0; a < sizeof ns / sizeof ns[0]; a++)
        for (size_t b = 0; b < sizeof ps / sizeof ps[0]; b++)
            for (unsigned k = 0; k <= ns[a]; k++) {
                satstat_test t;
                int rc = satstat_binomial_test(k, ns[a], ps[b], &t);
                ck_assert_int_eq(rc, SATSTAT_OK);
                double ref = brute_minlike(k, ns[a], ps[b]);
                ck_assert_msg(fabs(t.p_value - ref) <= 1e-10 * ref + 1e-300,
                              "k=%u n=%u p0=%g: p=%.17g brute=%.17g", k,
                              ns[a], ps[b], t.p_value, ref);
                double z = (k - ns[a] * ps[b])
                           / sqrt(ns[a] * ps[b] * (1.0 - ps[b]));
                ck_close(t.statistic, z, 1e-12);
            }
}
END_TEST

START_TEST(test_binomial_references)
{
    satstat_test t;
    /* R's binom.test(682, 925, p = 0.75) example; mpmath minlike sum. */
    ck_assert_int_eq(satstat_binomial_test(682, 925, 0.75, &t), SATSTAT_OK);
    ck_close(t.p_value, 0.382491559574851681317, 1e-11);
    /* Far tail, exact: k = 0 of 1000 fair coins, p = 2·2^−1000. */
    ck_assert_int_eq(satstat_binomial_test(0, 1000, 0.5, &t), SATSTAT_OK);
    ck_close(t.p_value, ldexp(1.0, -999), 1e-10);
    /* The mode itself: every outcome is at most as likely. */
    ck_assert_int_eq(satstat_binomial_test(50, 100, 0.5, &t), SATSTAT_OK);
    ck_close(t.p_value, 1.0, 1e-15);
}
END_TEST

/* n huge, n·p0 small: the exact branch must stay fast and match the
 * Poisson limit (which differs by O(p0) = 2e−8). */
START_TEST(test_binomial_large_n_small_p)
{
    const double lam = 2.0;
    const uint64_t n = 100000000;
    for (unsigned k = 0; k <= 12; k++) {
        satstat_test t;
        ck_assert_int_eq(satstat_binomial_test(k, n, lam / (double)n, &t),
                         SATSTAT_OK);
        double d = gsl_ran_poisson_pdf(k, lam) * (1.0 + 1e-7);
        double s = 0.0;
        for (unsigned j = 0; j < 200; j++) {
            double pj = gsl_ran_poisson_pdf(j, lam);
            if (pj <= d)
                s += pj;
        }
        ck_close(t.p_value, s > 1.0 ? 1.0 : s, 1e-6);
    }
}
END_TEST

START_TEST(test_binomial_score_branch)
{
    /* n p0 q0 = 250000 ≥ 1e4: z = 2, z_cc = 999.5/500. */
    satstat_test t;
    ck_assert_int_eq(satstat_binomial_test(501000, 1000000, 0.5, &t),
                     SATSTAT_OK);
    ck_close(t.statistic, 2.0, 1e-14);
    ck_close(t.p_value, 2.0 * gsl_cdf_ugaussian_Q(999.5 / 500.0), 1e-14);
    ck_assert_int_eq(satstat_binomial_test(499000, 1000000, 0.5, &t),
                     SATSTAT_OK);
    ck_close(t.statistic, -2.0, 1e-14);
    ck_close(t.p_value, 2.0 * gsl_cdf_ugaussian_Q(999.5 / 500.0), 1e-14);
    ck_assert_int_eq(satstat_binomial_test(500000, 1000000, 0.5, &t),
                     SATSTAT_OK);
    ck_assert(t.p_value == 1.0 && t.statistic == 0.0);
    /* Near the switch the two branches agree to a few per cent. */
    satstat_test e, s;
    ck_assert_int_eq(satstat_binomial_test(20300, 40000, 0.5, &s), SATSTAT_OK);
    ck_assert_int_eq(satstat_binomial_test(20300, 39999, 0.5, &e), SATSTAT_OK);
    ck_close(e.p_value, s.p_value, 0.05);
}
END_TEST

START_TEST(test_binomial_errors)
{
    satstat_test t;
    ck_assert_int_eq(satstat_binomial_test(1, 10, 0.5, NULL), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_binomial_test(0, 0, 0.5, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_binomial_test(11, 10, 0.5, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_binomial_test(1, 10, 0.0, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_binomial_test(1, 10, 1.0, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_binomial_test(1, 10, -0.5, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_binomial_test(1, 10, NAN, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_binomial_test(1, UINT64_MAX, 0.5, &t),
                     SATSTAT_ERANGE);
}
END_TEST

/* ---- proportion intervals ----------------------------------------------- */

START_TEST(test_wilson_reference)
{
    satstat_interval ci;
    ck_assert_int_eq(satstat_wilson_interval(5, 1000, 0.05, &ci), SATSTAT_OK);
    ck_near(ci.lo, 0.0021375355, 6e-11); /* doc/numerics.md */
    ck_near(ci.hi, 0.0116509554, 6e-11);
    ck_assert_int_eq(satstat_wilson_interval(0, 20, 0.05, &ci), SATSTAT_OK);
    ck_assert(ci.lo == 0.0 && ci.hi > 0.0 && ci.hi < 1.0);
    ck_assert_int_eq(satstat_wilson_interval(20, 20, 0.05, &ci), SATSTAT_OK);
    ck_assert(ci.hi == 1.0 && ci.lo > 0.0 && ci.lo < 1.0);

    ck_assert_int_eq(satstat_wilson_interval(0, 0, 0.05, &ci), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_wilson_interval(3, 2, 0.05, &ci), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_wilson_interval(1, 2, 0.0, &ci), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_wilson_interval(1, 2, 1.0, &ci), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_wilson_interval(1, 2, NAN, &ci), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_wilson_interval(1, 2, 0.05, NULL),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_proportion_interval(1, 0, 0.05, &ci),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_proportion_interval(1, 2, 2.0, &ci),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_proportion_interval(1, 2, 0.05, NULL),
                     SATSTAT_EINVAL);
}
END_TEST

/* The Clopper–Pearson ends solve P(X ≥ k | lo) = α/2 and
 * P(X ≤ k | hi) = α/2; checked with GSL's binomial CDF at small n. */
START_TEST(test_clopper_pearson_equations)
{
    static const unsigned ns[] = {1, 2, 10, 30, 99, 100, 1000, 5000};
    static const double alphas[] = {0.05, 0.01, 1e-4};
    for (size_t a = 0; a < sizeof ns / sizeof ns[0]; a++)
        for (size_t b = 0; b < sizeof alphas / sizeof alphas[0]; b++)
            for (unsigned k = 0; k <= ns[a]; k++) {
                unsigned n = ns[a];
                if (k >= 50 && n - k >= 50)
                    continue; /* Wilson there */
                double al = alphas[b];
                satstat_interval ci;
                ck_assert_int_eq(satstat_proportion_interval(k, n, al, &ci),
                                 SATSTAT_OK);
                ck_assert(ci.lo <= (double)k / n && (double)k / n <= ci.hi);
                if (k == 0) {
                    ck_assert(ci.lo == 0.0);
                    ck_close(ci.hi, -expm1(log(al / 2.0) / n), 1e-12);
                } else {
                    ck_close(gsl_cdf_binomial_Q(k - 1, ci.lo, n), al / 2.0,
                             1e-8);
                }
                if (k == n) {
                    ck_assert(ci.hi == 1.0);
                    ck_close(ci.lo, exp(log(al / 2.0) / n), 1e-12);
                } else {
                    ck_close(gsl_cdf_binomial_P(k, ci.hi, n), al / 2.0, 1e-8);
                }
            }
}
END_TEST

START_TEST(test_proportion_interval_switch_and_symmetry)
{
    satstat_interval a, b;
    /* min(k, n−k) ≥ 50: exactly Wilson. */
    ck_assert_int_eq(satstat_proportion_interval(60, 200, 0.05, &a),
                     SATSTAT_OK);
    ck_assert_int_eq(satstat_wilson_interval(60, 200, 0.05, &b), SATSTAT_OK);
    ck_assert(a.lo == b.lo && a.hi == b.hi);
    /* Reflection: CI(n − k) = 1 − CI(k). */
    static const unsigned ks[] = {0, 1, 3, 17, 49};
    for (size_t i = 0; i < sizeof ks / sizeof ks[0]; i++) {
        ck_assert_int_eq(satstat_proportion_interval(ks[i], 300, 0.01, &a),
                         SATSTAT_OK);
        ck_assert_int_eq(
            satstat_proportion_interval(300 - ks[i], 300, 0.01, &b),
            SATSTAT_OK);
        ck_near(a.lo, 1.0 - b.hi, 1e-15);
        ck_near(a.hi, 1.0 - b.lo, 1e-15);
    }
}
END_TEST

/* P(X ≤ c | n, p) for small c by direct summation, with
 * ln C(n, j) = Σ_{i<j} ln((n − i)/(i + 1)) (no lgamma(n) cancellation). */
static double binom_cdf_direct(unsigned c, double n, double p)
{
    double s = 0.0, lchoose = 0.0;
    for (unsigned j = 0; j <= c; j++) {
        if (j > 0)
            lchoose += log((n - (j - 1)) / j);
        s += exp(lchoose + j * log(p) + (n - j) * log1p(-p));
    }
    return s;
}

/* Sizes where gsl_cdf_beta_Pinv returns NaN or hangs (doc/numerics.md): the
 * ends must be finite and solve the defining equations. */
START_TEST(test_clopper_pearson_large_n)
{
    static const uint64_t ns[] = {100000, 10000000, 1000000000,
                                  4503599627370496ULL /* 2^52 */};
    static const unsigned ks[] = {1, 5, 10, 49};
    for (size_t a = 0; a < sizeof ns / sizeof ns[0]; a++)
        for (size_t b = 0; b < sizeof ks / sizeof ks[0]; b++) {
            satstat_interval ci;
            unsigned k = ks[b];
            double n = (double)ns[a];
            ck_assert_int_eq(satstat_proportion_interval(k, ns[a], 0.05, &ci),
                             SATSTAT_OK);
            ck_assert(isfinite(ci.lo) && isfinite(ci.hi));
            ck_assert(ci.lo < k / n && k / n < ci.hi);
            ck_close(1.0 - binom_cdf_direct(k - 1, n, ci.lo), 0.025, 1e-9);
            ck_close(binom_cdf_direct(k, n, ci.hi), 0.025, 1e-9);
        }
}
END_TEST

/* ---- Kolmogorov–Smirnov ------------------------------------------------- */

START_TEST(test_ks_references)
{
    double x[10] = {-1.23, 0.06, -0.60, 0.17, 0.66,
                    -0.17, -0.08, 0.27, -0.98, -0.99};
    satstat_test t;
    ck_assert_int_eq(satstat_ks_test(x, 10, normal_cdf, NULL, &t), SATSTAT_OK);
    ck_close(t.statistic, 0.293580126801961, 1e-12); /* doc/numerics.md */
    ck_close(t.p_value, 0.293408463684361, 1e-12);
    for (int i = 1; i < 10; i++)
        ck_assert(x[i - 1] <= x[i]); /* sorted in place */

    double y[9];
    for (int i = 0; i < 9; i++)
        y[8 - i] = -1.0 + 0.25 * i; /* reversed on purpose */
    ck_assert_int_eq(satstat_ks_test(y, 9, normal_cdf, NULL, &t), SATSTAT_OK);
    ck_close(t.statistic, 0.15865525393145705, 1e-12);
    ck_close(t.p_value, 0.95164069201518386, 1e-12);

    /* K(n, d) = P(D_n < d) in MTW's convention: n = 32, d = 1/8. */
    ck_close(satstat_ks_cdf_exact(32, 0.125), 0.34624229979775223, 1e-13);

    /* Matrices over several of mat_mul's tiles, with rows past the last
     * group of four: scipy's exact method (tests/ref/ks_tiles.py). */
    static const struct {
        int n;
        double d, k;
    } tiles[] = {
        {129, 0.1, 0.8584773683930629},  /* m = 25 */
        {140, 0.15, 0.9967504395584899}, /* m = 43 */
        {137, 0.2, 0.9999719949022783},  /* m = 55 */
    };
    for (size_t i = 0; i < sizeof tiles / sizeof tiles[0]; i++)
        ck_close(satstat_ks_cdf_exact(tiles[i].n, tiles[i].d), tiles[i].k, 1e-13);
}
END_TEST

/* Closed forms of K(n, d) at the ends of its support. */
START_TEST(test_ks_closed_forms)
{
    /* n = 1: D_1 = max(U, 1 − U), K = 2d − 1. */
    for (double d = 0.55; d < 1.0; d += 0.1)
        ck_close(satstat_ks_cdf_exact(1, d), 2.0 * d - 1.0, 1e-13);
    /* 1/(2n) ≤ d ≤ 1/n: K = n!(2d − 1/n)^n. */
    static const int ns[] = {2, 3, 5, 10, 20};
    for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
        int n = ns[i];
        double d = 0.8 / n;
        ck_close(satstat_ks_cdf_exact(n, d),
                 exp(lgamma(n + 1.0)) * pow(2.0 * d - 1.0 / n, n), 1e-11);
        /* 1 − 1/n ≤ d < 1: K = 1 − 2(1 − d)^n. */
        d = 1.0 - 0.7 / n;
        ck_close(satstat_ks_cdf_exact(n, d), 1.0 - 2.0 * pow(1.0 - d, n),
                 1e-12);
        ck_assert(satstat_ks_cdf_exact(n, 0.5 / n) == 0.0);
        ck_assert(satstat_ks_cdf_exact(n, 1.0) == 1.0);
    }
    ck_assert(satstat_ks_cdf_exact(10, 0.0) == 0.0);
    ck_assert(satstat_ks_cdf_exact(10, -1.0) == 0.0);
    ck_assert(isnan(satstat_ks_cdf_exact(0, 0.5)));
    ck_assert(isnan(satstat_ks_cdf_exact(10, NAN)));
    /* Beyond the Massart bound K rounds to 1. */
    ck_assert(satstat_ks_cdf_exact(1000, 0.2) == 1.0);
    /* A matrix beyond 1001×1001 is refused, not computed for minutes. */
    ck_assert(isnan(satstat_ks_cdf_exact(1000000, 0.001)));
}
END_TEST

START_TEST(test_ks_pvalue_branches)
{
    ck_assert(satstat_ks_pvalue(10, 0.0) == 1.0);
    ck_assert(satstat_ks_pvalue(10, 1.0) == 0.0);
    ck_assert(isnan(satstat_ks_pvalue(0, 0.5)));
    ck_assert(isnan(satstat_ks_pvalue(10, NAN)));

    /* MTW's quick right-tail formula vs the exact value at its switch
     * (n = 100, nd² = 3.76): agree to their stated ~7 digits absolute. */
    double d = sqrt(3.76 / 100.0);
    double exact = 1.0 - satstat_ks_cdf_exact(100, d * (1.0 + 1e-9));
    ck_near(satstat_ks_pvalue(100, d * (1.0 + 1e-9)), exact, 2e-7);
    ck_close(satstat_ks_pvalue(100, d * (1.0 - 1e-9)), exact, 1e-6);
    /* n ≤ 99 switches at 7.24. */
    d = sqrt(7.24 / 50.0) * (1.0 + 1e-9);
    ck_near(satstat_ks_pvalue(50, d), 1.0 - satstat_ks_cdf_exact(50, d), 1e-7);

    /* Limiting law: Q(1) = 0.2699996716773545212 (mpmath).  With
     * n = 1e6, λ = (1000 + 0.12 + 0.11/1000)·d. */
    double c = 1000.0 + 0.12 + 0.11 / 1000.0;
    ck_close(satstat_ks_pvalue(1000000, 1.0 / c), 0.2699996716773545212,
             1e-12);
    /* The two series (split at λ = 1) join continuously. */
    ck_close(satstat_ks_pvalue(1000000, (1.0 - 1e-9) / c),
             satstat_ks_pvalue(1000000, (1.0 + 1e-9) / c), 1e-8);
    ck_assert(satstat_ks_pvalue(1000000, 0.1 / c) == 1.0);
    ck_assert(satstat_ks_pvalue(1000000, 10.0 / c) < 1e-80);

    /* Exact (n = 10000) vs asymptotic (n = 10001) at the switch. */
    d = 0.012; /* λ ≈ 1.2, nd² = 1.44: the exact matrix branch */
    ck_close(satstat_ks_pvalue(10000, d), satstat_ks_pvalue(10001, d), 0.01);
}
END_TEST

START_TEST(test_ks_errors)
{
    double x[3] = {0.1, 0.5, 0.2};
    satstat_test t;
    ck_assert_int_eq(satstat_ks_test(NULL, 3, normal_cdf, NULL, &t),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_ks_test(x, 0, normal_cdf, NULL, &t),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_ks_test(x, 3, NULL, NULL, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_ks_test(x, 3, normal_cdf, NULL, NULL),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_ks_test(x, 3, bad_cdf, NULL, &t),
                     SATSTAT_ENUMERIC);
    x[1] = NAN;
    ck_assert_int_eq(satstat_ks_test(x, 3, normal_cdf, NULL, &t),
                     SATSTAT_EINVAL);
}
END_TEST

/* ---- Anderson–Darling --------------------------------------------------- */

START_TEST(test_ad_limit_references)
{
    /* doc/numerics.md: limiting CDF 0.9000 / 0.9500 / 0.9898; n = 1e9 makes
     * the finite-n correction negligible (≤ 1e−9). */
    const uint64_t big = 1000000000;
    ck_near(1.0 - satstat_ad_pvalue(big, 1.933), 0.9000, 1e-4);
    ck_near(1.0 - satstat_ad_pvalue(big, 2.492), 0.9500, 1e-4);
    ck_near(1.0 - satstat_ad_pvalue(big, 3.857), 0.9898, 1e-4);
    ck_assert(satstat_ad_pvalue(10, 0.0) == 1.0);
    ck_assert(satstat_ad_pvalue(10, -1.0) == 1.0);
    ck_assert(isnan(satstat_ad_pvalue(0, 1.0)));
    ck_assert(isnan(satstat_ad_pvalue(10, NAN)));
    /* p decreases in A² and stays in [0, 1] for every n. */
    static const uint64_t ns[] = {1, 2, 5, 50, 1000};
    for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
        double prev = 1.0;
        for (double z = 0.05; z < 40.0; z += 0.05) {
            double p = satstat_ad_pvalue(ns[i], z);
            ck_assert(p >= 0.0 && p <= 1.0);
            ck_assert_msg(p <= prev + 1e-6, "n=%u z=%g", (unsigned)ns[i], z);
            prev = p;
        }
    }
}
END_TEST

START_TEST(test_ad_statistic)
{
    /* A² from the textbook double sum, on a small normal sample. */
    double x[7] = {0.3, -1.2, 2.1, 0.05, -0.4, 0.9, -2.5};
    double s[7];
    memcpy(s, x, sizeof x);
    for (int i = 0; i < 7; i++)
        for (int j = i + 1; j < 7; j++)
            if (s[j] < s[i]) {
                double tmp = s[i];
                s[i] = s[j];
                s[j] = tmp;
            }
    double sum = 0.0;
    for (int i = 1; i <= 7; i++)
        sum += (2 * i - 1) * (log(gsl_cdf_ugaussian_P(s[i - 1]))
                              + log(gsl_cdf_ugaussian_Q(s[7 - i])));
    double a2 = -7.0 - sum / 7.0;
    satstat_test t;
    ck_assert_int_eq(satstat_ad_test(x, 7, normal_cdf, NULL, &t), SATSTAT_OK);
    ck_close(t.statistic, a2, 1e-12);
    ck_close(t.p_value, satstat_ad_pvalue(7, a2), 1e-11);
    for (int i = 0; i < 7; i++)
        ck_assert(x[i] == s[i]);

    /* A point where F rounds to 1 (or 0): finite large A², tiny p. */
    double far[3] = {0.0, 0.5, 40.0};
    ck_assert_int_eq(satstat_ad_test(far, 3, normal_cdf, NULL, &t),
                     SATSTAT_OK);
    ck_assert(isfinite(t.statistic) && t.statistic > 10.0);
    ck_assert(t.p_value < 1e-4);
    double farther[3] = {-40.0, 0.0, 40.0};
    ck_assert_int_eq(satstat_ad_test(farther, 3, normal_cdf, NULL, &t),
                     SATSTAT_OK);
    ck_assert(isfinite(t.statistic) && t.statistic > 100.0);
    ck_assert(t.p_value < 1e-30);
}
END_TEST

START_TEST(test_ad_errors)
{
    double x[3] = {0.1, 0.5, 0.2};
    satstat_test t;
    ck_assert_int_eq(satstat_ad_test(NULL, 3, uniform_cdf, NULL, &t),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_ad_test(x, 0, uniform_cdf, NULL, &t),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_ad_test(x, 3, NULL, NULL, &t), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_ad_test(x, 3, uniform_cdf, NULL, NULL),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_ad_test(x, 3, bad_cdf, NULL, &t),
                     SATSTAT_ENUMERIC);
    x[0] = NAN;
    ck_assert_int_eq(satstat_ad_test(x, 3, uniform_cdf, NULL, &t),
                     SATSTAT_EINVAL);
}
END_TEST

/* ---- chi-square ---------------------------------------------------------- */

START_TEST(test_chisq_Q_references)
{
    /* doc/numerics.md (independent computation). */
    ck_close(satstat_chisq_Q(101000.0, 1e5), 0.012868840377233648, 1e-6);
    ck_close(1.0 - satstat_chisq_Q(998586.0, 1e6), 0.15869175077237513, 1e-5);
    ck_close(satstat_chisq_Q(46.0, 3.0), 5.67148595991243534162e-10, 1e-10);
    ck_close(satstat_chisq_Q(1.44, 1.0), 0.230139340443416536044, 1e-12);
    /* GSL territory: identical to GSL. */
    ck_assert(satstat_chisq_Q(7.3, 5.0) == gsl_cdf_chisq_Q(7.3, 5.0));
    /* Wilson–Hilferty near ν = 1e7, where GSL may abort. */
    double q = satstat_chisq_Q(10010401.0, 1e7);
    ck_assert(isfinite(q) && q > 0.0 && q < 1.0);
    ck_assert(satstat_chisq_Q(0.0, 3.0) == 1.0);
    ck_assert(satstat_chisq_Q(-1.0, 3.0) == 1.0);
    ck_assert(satstat_chisq_Q(INFINITY, 3.0) == 0.0);
    ck_assert(isnan(satstat_chisq_Q(1.0, 0.0)));
    ck_assert(isnan(satstat_chisq_Q(NAN, 3.0)));
    ck_assert(isnan(satstat_chisq_Q(1.0, NAN)));
}
END_TEST

START_TEST(test_chisq_gof_values)
{
    satstat_test t;
    size_t dof = 99;
    const uint64_t o1[4] = {10, 20, 30, 40};
    const double p1[4] = {0.1, 0.2, 0.3, 0.4};
    ck_assert_int_eq(satstat_chisq_gof(o1, p1, 4, &t, &dof), SATSTAT_OK);
    ck_assert_uint_eq(dof, 3);
    ck_near(t.statistic, 0.0, 1e-12);
    ck_close(t.p_value, 1.0, 1e-12);

    const uint64_t o2[4] = {5, 15, 30, 50};
    const double p2[4] = {0.25, 0.25, 0.25, 0.25};
    ck_assert_int_eq(satstat_chisq_gof(o2, p2, 4, &t, &dof), SATSTAT_OK);
    ck_assert_uint_eq(dof, 3);
    ck_close(t.statistic, 46.0, 1e-14);
    ck_close(t.p_value, 5.67148595991243534162e-10, 1e-10); /* mpmath */

    /* Pooling: E = 1, 2, 47 | 47, 2, 1 → pools {0,1,2} and {3,4,5} (the
     * right remainder 2 + 1 < 5 joins the last pool): O = 44, 56 against
     * E = 50, 50 → X² = 1.44 on 1 d.f. */
    const uint64_t o3[6] = {3, 1, 40, 50, 4, 2};
    const double p3[6] = {0.01, 0.02, 0.47, 0.47, 0.02, 0.01};
    ck_assert_int_eq(satstat_chisq_gof(o3, p3, 6, &t, &dof), SATSTAT_OK);
    ck_assert_uint_eq(dof, 1);
    ck_close(t.statistic, 1.44, 1e-12);
    ck_close(t.p_value, 0.230139340443416536044, 1e-11); /* mpmath */
    ck_assert_int_eq(satstat_chisq_gof(o3, p3, 6, &t, NULL), SATSTAT_OK);
}
END_TEST

START_TEST(test_chisq_gof_errors)
{
    satstat_test t;
    size_t dof;
    const uint64_t o[3] = {10, 20, 30};
    const double p[3] = {0.2, 0.3, 0.5};
    const double bad_sum[3] = {0.2, 0.3, 0.4};
    const double neg[3] = {-0.1, 0.6, 0.5};
    const double nanp[3] = {NAN, 0.5, 0.5};
    const uint64_t zero[3] = {0, 0, 0};
    const uint64_t few[3] = {2, 2, 2}; /* E = 1.2, 1.8, 3: one pool */
    ck_assert_int_eq(satstat_chisq_gof(NULL, p, 3, &t, &dof), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_chisq_gof(o, NULL, 3, &t, &dof), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_chisq_gof(o, p, 3, NULL, &dof), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_chisq_gof(o, p, 1, &t, &dof), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_chisq_gof(o, bad_sum, 3, &t, &dof),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_chisq_gof(o, neg, 3, &t, &dof), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_chisq_gof(o, nanp, 3, &t, &dof), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_chisq_gof(zero, p, 3, &t, &dof), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_chisq_gof(few, p, 3, &t, &dof), SATSTAT_EINVAL);
}
END_TEST

/* ---- Holm ---------------------------------------------------------------- */

START_TEST(test_holm_hand)
{
    /* sorted 0.005, 0.01, 0.03, 0.04 × 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04
     * → running max 0.02, 0.03, 0.06, 0.06. */
    const double p[4] = {0.01, 0.04, 0.03, 0.005};
    double copy[4];
    memcpy(copy, p, sizeof p);
    double adj[4];
    satstat_holm(p, 4, adj);
    ck_assert(memcmp(copy, p, sizeof p) == 0);
    ck_close(adj[0], 0.03, 1e-15);
    ck_close(adj[1], 0.06, 1e-15);
    ck_close(adj[2], 0.06, 1e-15);
    ck_close(adj[3], 0.02, 1e-15);

    /* Ties: sorted 0.01, 0.02, 0.02, 0.04 × 4, 3, 2, 1. */
    const double q[4] = {0.02, 0.01, 0.02, 0.04};
    satstat_holm(q, 4, adj);
    ck_close(adj[0], 0.06, 1e-15);
    ck_close(adj[1], 0.04, 1e-15);
    ck_close(adj[2], 0.06, 1e-15);
    ck_close(adj[3], 0.06, 1e-15);

    /* Cap at 1. */
    const double r[2] = {0.6, 0.5};
    satstat_holm(r, 2, adj);
    ck_assert(adj[0] == 1.0 && adj[1] == 1.0);

    /* One p-value is its own adjustment; NaN propagates. */
    const double s[1] = {0.3};
    satstat_holm(s, 1, adj);
    ck_assert(adj[0] == 0.3);
    const double u[3] = {0.01, NAN, 0.02};
    satstat_holm(u, 3, adj);
    ck_close(adj[0], 0.03, 1e-15);
    ck_assert(isnan(adj[1]));
    ck_close(adj[2], 0.04, 1e-15); /* the NaN still counts in m = 3 */
    satstat_holm(NULL, 3, adj); /* no crash */
}
END_TEST

/* Reference Holm by an index sort done here, on sizes that exercise both
 * implementations (quadratic below 64, sorting above). */
static const double *holm_ref_p;
static int holm_ref_cmp(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    if (holm_ref_p[i] != holm_ref_p[j])
        return holm_ref_p[i] < holm_ref_p[j] ? -1 : 1;
    return (i > j) - (i < j);
}

START_TEST(test_holm_random)
{
    static const size_t ms[] = {2, 10, 63, 64, 65, 500};
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 777);
    for (size_t a = 0; a < sizeof ms / sizeof ms[0]; a++) {
        size_t m = ms[a];
        double *p = malloc(m * sizeof *p);
        double *adj = malloc(m * sizeof *adj);
        double *ref = malloc(m * sizeof *ref);
        size_t *idx = malloc(m * sizeof *idx);
        ck_assert(p && adj && ref && idx);
        for (size_t i = 0; i < m; i++) {
            /* rounded to 2 digits, cubed: many ties, some tiny values */
            double u = round(100.0 * gsl_rng_uniform(r)) / 100.0;
            p[i] = u * u * u;
            idx[i] = i;
        }
        holm_ref_p = p;
        qsort(idx, m, sizeof *idx, holm_ref_cmp);
        double run = 0.0;
        for (size_t k = 0; k < m; k++) {
            double v = (double)(m - k) * p[idx[k]];
            run = v > run ? v : run;
            ref[idx[k]] = run < 1.0 ? run : 1.0;
        }
        satstat_holm(p, m, adj);
        for (size_t i = 0; i < m; i++) {
            ck_assert_msg(adj[i] == ref[i], "m=%zu i=%zu %.17g vs %.17g", m,
                          i, adj[i], ref[i]);
            ck_assert(adj[i] >= p[i]);
        }
        free(p);
        free(adj);
        free(ref);
        free(idx);
    }
    gsl_rng_free(r);
}
END_TEST

/* ---- calibration (Monte Carlo) ------------------------------------------ */

/* Under H0 the p-values are uniform: the number below 0.05 must pass an
 * exact binomial test, and their histogram a chi-square and KS test, all
 * at the 0.1 % level. */
static void check_uniform_pvalues(const char *what, double *pv, size_t reps)
{
    size_t reject = 0;
    uint64_t counts[10] = {0};
    double probs[10];
    for (size_t i = 0; i < reps; i++) {
        ck_assert(pv[i] >= 0.0 && pv[i] <= 1.0);
        if (pv[i] < 0.05)
            reject++;
        size_t b = (size_t)(pv[i] * 10.0);
        counts[b > 9 ? 9 : b]++;
    }
    for (int b = 0; b < 10; b++)
        probs[b] = 0.1;
    satstat_test t;
    ck_assert_int_eq(satstat_binomial_test(reject, reps, 0.05, &t),
                     SATSTAT_OK);
    ck_assert_msg(t.p_value > 0.001, "%s: %zu/%zu rejections at 0.05", what,
                  reject, reps);
    ck_assert_int_eq(satstat_chisq_gof(counts, probs, 10, &t, NULL),
                     SATSTAT_OK);
    ck_assert_msg(t.p_value > 0.001, "%s: chi-square p = %g", what,
                  t.p_value);
    ck_assert_int_eq(satstat_ks_test(pv, reps, uniform_cdf, NULL, &t),
                     SATSTAT_OK);
    ck_assert_msg(t.p_value > 0.001, "%s: KS of p-values p = %g", what,
                  t.p_value);
}

START_TEST(test_calibration_normal)
{
    enum { REPS = 400, N = 200 };
    static double x[N], y[N], pks[REPS], pad[REPS];
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 20240601);
    for (size_t rep = 0; rep < REPS; rep++) {
        for (size_t i = 0; i < N; i++)
            x[i] = y[i] = gsl_ran_gaussian(r, 1.0);
        satstat_test t;
        ck_assert_int_eq(satstat_ks_test(x, N, normal_cdf, NULL, &t),
                         SATSTAT_OK);
        pks[rep] = t.p_value;
        ck_assert_int_eq(satstat_ad_test(y, N, normal_cdf, NULL, &t),
                         SATSTAT_OK);
        pad[rep] = t.p_value;
    }
    gsl_rng_free(r);
    check_uniform_pvalues("KS, n = 200", pks, REPS);
    check_uniform_pvalues("AD, n = 200", pad, REPS);
}
END_TEST

/* Small n, where MTW's exact law and Marsaglia's errfix matter most. */
START_TEST(test_calibration_small_n)
{
    enum { REPS = 2000 };
    static const size_t ns[] = {5, 10, 50};
    static double x[50], y[50], pks[REPS], pad[REPS];
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 4242);
    for (size_t a = 0; a < sizeof ns / sizeof ns[0]; a++) {
        size_t n = ns[a];
        for (size_t rep = 0; rep < REPS; rep++) {
            for (size_t i = 0; i < n; i++)
                x[i] = y[i] = gsl_rng_uniform_pos(r);
            satstat_test t;
            ck_assert_int_eq(satstat_ks_test(x, n, uniform_cdf, NULL, &t),
                             SATSTAT_OK);
            pks[rep] = t.p_value;
            ck_assert_int_eq(satstat_ad_test(y, n, uniform_cdf, NULL, &t),
                             SATSTAT_OK);
            pad[rep] = t.p_value;
        }
        /* For a continuous F the law of D_n is continuous, so exact KS
         * p-values are uniform at every n. */
        check_uniform_pvalues("KS, small n", pks, REPS);
        check_uniform_pvalues("AD, small n", pad, REPS);
    }
    gsl_rng_free(r);
}
END_TEST

/* ---- suite ---------------------------------------------------------------- */

static TCase *tcase(const char *name)
{
    TCase *tc = tcase_create(name);
    tcase_set_timeout(tc, 60);
    return tc;
}

static Suite *stats_suite(void)
{
    /* The tests call GSL directly too: never let it abort the runner (set
     * here, before the tests are forked from this process). */
    gsl_set_error_handler_off();
    Suite *s = suite_create("stats");
    TCase *tc;

    tc = tcase("moments");
    tcase_add_test(tc, test_moments_push_two_pass);
    tcase_add_test(tc, test_moments_small_exact);
    tcase_add_test(tc, test_moments_push_array_exact);
    tcase_add_test(tc, test_moments_push_array_merges);
    tcase_add_test(tc, test_moments_merge_splits);
    tcase_add_test(tc, test_moments_merge_empty_exact);
    suite_add_tcase(s, tc);

    tc = tcase("mean");
    tcase_add_test(tc, test_mean_test_values);
    tcase_add_test(tc, test_mean_zero_variance);
    tcase_add_test(tc, test_mean_errors);
    suite_add_tcase(s, tc);

    tc = tcase("variance");
    tcase_add_test(tc, test_variance_values);
    tcase_add_test(tc, test_variance_degenerate_and_errors);
    suite_add_tcase(s, tc);

    tc = tcase("binomial");
    tcase_add_test(tc, test_binomial_brute_force);
    tcase_add_test(tc, test_binomial_references);
    tcase_add_test(tc, test_binomial_large_n_small_p);
    tcase_add_test(tc, test_binomial_score_branch);
    tcase_add_test(tc, test_binomial_errors);
    suite_add_tcase(s, tc);

    tc = tcase("proportion");
    tcase_add_test(tc, test_wilson_reference);
    tcase_add_test(tc, test_clopper_pearson_equations);
    tcase_add_test(tc, test_proportion_interval_switch_and_symmetry);
    tcase_add_test(tc, test_clopper_pearson_large_n);
    suite_add_tcase(s, tc);

    tc = tcase("ks");
    tcase_add_test(tc, test_ks_references);
    tcase_add_test(tc, test_ks_closed_forms);
    tcase_add_test(tc, test_ks_pvalue_branches);
    tcase_add_test(tc, test_ks_errors);
    suite_add_tcase(s, tc);

    tc = tcase("ad");
    tcase_add_test(tc, test_ad_limit_references);
    tcase_add_test(tc, test_ad_statistic);
    tcase_add_test(tc, test_ad_errors);
    suite_add_tcase(s, tc);

    tc = tcase("chisq");
    tcase_add_test(tc, test_chisq_Q_references);
    tcase_add_test(tc, test_chisq_gof_values);
    tcase_add_test(tc, test_chisq_gof_errors);
    suite_add_tcase(s, tc);

    tc = tcase("holm");
    tcase_add_test(tc, test_holm_hand);
    tcase_add_test(tc, test_holm_random);
    suite_add_tcase(s, tc);

    tc = tcase("calibration");
    tcase_add_test(tc, test_calibration_normal);
    tcase_add_test(tc, test_calibration_small_n);
    suite_add_tcase(s, tc);

    return s;
}

TEST_MAIN(stats_suite)
