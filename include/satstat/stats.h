/* satstat/stats.h — streaming moments, confidence intervals and the
 * hypothesis tests used to verify sampled z against its analytic law.
 *
 * Nothing here stores samples except the tests that take an explicit,
 * caller-owned array (KS, AD on a bounded sub-sample).  Every p-value is
 * checked finite; a CDF that GSL cannot evaluate gives SATSTAT_ENUMERIC.
 */
#ifndef SATSTAT_STATS_H
#define SATSTAT_STATS_H

#include <satstat/export.h>

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- streaming central moments ------------------------------------------
 * n, mean and the central sums M2..M4 (M_k = Σ (x − mean)^k), updated one
 * value at a time (Welford 1962; Terriberry's extension to M3, M4) and
 * merged with the pairwise formulas of Chan, Golub & LeVeque (1979) and
 * Pébay (2008).  Merging is deterministic: merge(a, b) depends only on the
 * two operands, so a fixed merge tree gives the same bits every time. */
typedef struct satstat_moments {
    uint64_t n;
    double mean, m2, m3, m4;
} satstat_moments;

SATSTAT_API void satstat_moments_init(satstat_moments *m);
SATSTAT_API void satstat_moments_push(satstat_moments *m, double x);
/* a ← a ∪ b */
SATSTAT_API void satstat_moments_merge(satstat_moments *a, const satstat_moments *b);
/* m ← m ∪ {x[0], …, x[n−1]}: the block's moments by two passes (its mean,
 * then the central sums about it, corrected by the residual sum), merged
 * into m.  No division per value, so several times faster than n pushes,
 * and at least as accurate; the bits differ from n pushes' in the last
 * places.  The result depends only on m and the array, never on the
 * machine's SIMD width: the sums run in a fixed order. */
SATSTAT_API void satstat_moments_push_array(satstat_moments *m, const double *x, size_t n);
SATSTAT_API double satstat_moments_variance(const satstat_moments *m);     /* M2/(n−1) */
SATSTAT_API double satstat_moments_skewness(const satstat_moments *m);     /* g1       */
SATSTAT_API double satstat_moments_excess_kurtosis(const satstat_moments *m); /* g2    */

typedef struct satstat_interval {
    double lo, hi;
} satstat_interval;

/* ---- tests ---------------------------------------------------------------
 * Each fills a statistic and a two-sided p-value (or one-sided where the
 * test is one-sided by nature: KS, AD, chi-square). */
typedef struct satstat_test {
    double statistic;
    double p_value;
} satstat_test;

/* Mean: z = (x̄ − μ0)/(s/√n), p from Student's t with n−1 d.f. */
SATSTAT_API int satstat_mean_test(const satstat_moments *m, double mu0, satstat_test *t);
/* 1−alpha CI for the mean (Student t). */
SATSTAT_API int satstat_mean_interval(const satstat_moments *m, double alpha,
                                      satstat_interval *ci);

/* Variance without assuming normality (doc/numerics.md, Mood, Graybill & Boes
 * p. 229): z = (s² − σ0²)/√[(m4 − s⁴(n−3)/(n−1))/n], m4 = M4/n. */
SATSTAT_API int satstat_variance_test(const satstat_moments *m, double sigma0_sq,
                                      satstat_test *t);
/* Variance of a Gaussian sample: (n−1)s²/σ0² against χ²(n−1), exact at
 * every n when the sample is normal, two-sided. */
SATSTAT_API int satstat_variance_test_normal(const satstat_moments *m, double sigma0_sq,
                                             satstat_test *t);
/* s² ± z_{1−α/2}·SE with the same fourth-moment SE, clipped at 0. */
SATSTAT_API int satstat_variance_interval(const satstat_moments *m, double alpha,
                                          satstat_interval *ci);

/* Binomial proportion k/n against p0.  Exact two-sided (sum of the
 * outcomes no more likely than k, the "minlike" rule) while
 * n·p0·(1−p0) < 1e4, else the score z-test. */
SATSTAT_API int satstat_binomial_test(uint64_t k, uint64_t n, double p0, satstat_test *t);
/* Wilson score interval (doc/numerics.md); Clopper–Pearson exact interval when
 * min(k, n−k) < 50, where Wilson under-covers. */
SATSTAT_API int satstat_proportion_interval(uint64_t k, uint64_t n, double alpha,
                                            satstat_interval *ci);
SATSTAT_API int satstat_wilson_interval(uint64_t k, uint64_t n, double alpha,
                                        satstat_interval *ci);

/* Kolmogorov–Smirnov p-value P(D_n ≥ d): exact (Marsaglia, Tsang & Wang
 * 2003) for n ≤ 10000, asymptotic (Stephens' corrected λ) above. */
SATSTAT_API double satstat_ks_pvalue(uint64_t n, double d);
/* The Kolmogorov CDF K(n, d) = P(D_n < d) of Marsaglia, Tsang & Wang. */
SATSTAT_API double satstat_ks_cdf_exact(int n, double d);
/* One-sample KS test of x[0..n−1] (sorted in place) against `cdf`. */
SATSTAT_API int satstat_ks_test(double *x, size_t n, double (*cdf)(double, void *),
                                void *ctx, satstat_test *t);

/* Anderson–Darling A² for a fully specified law; p-value from Marsaglia &
 * Marsaglia (2004) ADinf + finite-n correction.  x sorted in place. */
SATSTAT_API int satstat_ad_test(double *x, size_t n, double (*cdf)(double, void *),
                                void *ctx, satstat_test *t);
SATSTAT_API double satstat_ad_pvalue(uint64_t n, double a2);

/* Pearson chi-square over bins with observed counts and expected
 * probabilities (which must sum to 1 up to rounding); adjacent bins are
 * pooled left to right until each pool expects ≥ 5.  d.f. = pools − 1. */
SATSTAT_API int satstat_chisq_gof(const uint64_t *observed, const double *expected_prob,
                                  size_t bins, satstat_test *t, size_t *dof);
/* Upper tail Q(x; ν) and lower tail P(x; ν): GSL up to ν = 1e5,
 * Wilson–Hilferty above (doc/numerics.md: GSL loses digits there). */
SATSTAT_API double satstat_chisq_Q(double x, double nu);
SATSTAT_API double satstat_chisq_P(double x, double nu);

/* Holm's step-down adjustment of m p-values (Holm 1979); adjusted[i] is
 * monotone in the sorted order and capped at 1. */
SATSTAT_API void satstat_holm(const double *p, size_t m, double *adjusted);

#ifdef __cplusplus
}
#endif
#endif
