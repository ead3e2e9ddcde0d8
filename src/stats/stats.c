/* stats.c — streaming moments, confidence intervals and hypothesis tests
 * (satstat/stats.h).
 *
 * Conventions shared by every function here:
 *  - The library never prints and never aborts.  GSL's default error
 *    handler calls abort(), so every entry point that reaches GSL first
 *    switches it off (gsl_quiet(); idempotent) and checks isfinite() of
 *    every CDF value GSL returns (doc/numerics.md, "GSL, measured limits").
 *  - Functions returning a status write their outputs only on success.
 *  - Functions returning a bare double give NaN for invalid arguments.
 *
 * Where GSL is known to fail at Monte Carlo sizes (binomial CDF, beta
 * quantiles, chi-square at large ν; doc/numerics.md) we use our own sums or
 * classical transforms instead, and say why at the place we do it.
 */
#include <satstat/stats.h>
#include <satstat/error.h>

#include "base/gsl-int.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

/* π, ln(2π) and √(2π) (M_PI is not ISO C). */
#define PI 3.141592653589793238462643383280
#define LN_2PI 1.837877066409345483560659472811
#define SQRT_2PI 2.506628274631000502415765284811

/* Switch GSL's abort-on-error handler off (once per process). */
static void gsl_quiet(void)
{
    satstat__gsl_quiet();
}

static double clamp01(double p)
{
    if (p < 0.0)
        return 0.0;
    if (p > 1.0)
        return 1.0;
    return p;
}

/* ======================================================================
 * Streaming moments
 * ====================================================================== */

void satstat_moments_init(satstat_moments *m)
{
    if (m == NULL)
        return;
    m->n = 0;
    m->mean = 0.0;
    m->m2 = 0.0;
    m->m3 = 0.0;
    m->m4 = 0.0;
}

/* One-pass update of the central sums (Welford 1962 for M2; Terriberry's
 * extension to M3, M4, as written in Pébay 2008, eq. 1.5 with n_B = 1).
 * M4 and M3 use the old M2, M3, so they are updated first. */
void satstat_moments_push(satstat_moments *m, double x)
{
    if (m == NULL)
        return;
    double n1 = (double)m->n;
    m->n += 1;
    double n = (double)m->n;
    double delta = x - m->mean;
    double delta_n = delta / n;
    double delta_n2 = delta_n * delta_n;
    double term1 = delta * delta_n * n1;
    m->mean += delta_n;
    m->m4 += term1 * delta_n2 * (n * n - 3.0 * n + 3.0)
             + 6.0 * delta_n2 * m->m2 - 4.0 * delta_n * m->m3;
    m->m3 += term1 * delta_n * (n - 2.0) - 3.0 * delta_n * m->m2;
    m->m2 += term1;
}

/* Pairwise merge (Chan, Golub & LeVeque 1979 for M2; Pébay 2008, eqs.
 * 2.1–2.3 for M3, M4), exactly as in doc/numerics.md.  An empty operand makes
 * the merge exact: a ← b when a is empty, a unchanged when b is.  b is
 * copied first so that merge(a, a) is well defined. */
void satstat_moments_merge(satstat_moments *a, const satstat_moments *b)
{
    if (a == NULL || b == NULL || b->n == 0)
        return;
    satstat_moments B = *b;
    if (a->n == 0) {
        *a = B;
        return;
    }
    double na = (double)a->n;
    double nb = (double)B.n;
    double n = (double)(a->n + B.n);
    double d = B.mean - a->mean;
    double d2 = d * d;
    double nanb = na * nb;

    double m2 = a->m2 + B.m2 + d2 * nanb / n;
    double m3 = a->m3 + B.m3 + d2 * d * nanb * (na - nb) / (n * n)
                + 3.0 * d * (na * B.m2 - nb * a->m2) / n;
    double m4 = a->m4 + B.m4
                + d2 * d2 * nanb * (na * na - nanb + nb * nb) / (n * n * n)
                + 6.0 * d2 * (na * na * B.m2 + nb * nb * a->m2) / (n * n)
                + 4.0 * d * (na * B.m3 - nb * a->m3) / n;

    a->n += B.n;
    a->mean += d * nb / n;
    a->m2 = m2;
    a->m3 = m3;
    a->m4 = m4;
}

/* Two passes over a block (Chan, Golub & LeVeque 1983, "Algorithms for
 * computing the sample variance", the corrected two-pass algorithm): the
 * mean m̄ = Σx/n, then S_k = Σ(x − m̄)^k for k = 1..4.  S_1 is the rounding
 * error of m̄ times n; with c = S_1/n the sums about the corrected mean
 * m̄ + c follow from the binomial expansion:
 *   M2 = S2 − n c²,  M3 = S3 − 3c S2 + 2n c³,  M4 = S4 − 4c S3 + 6c² S2 − 3n c⁴.
 * Each sum keeps LANES partial sums, added in a fixed order, so the compiler
 * may vectorise the loops without changing a bit. */
enum { MOMENT_LANES = 8 };

void satstat_moments_push_array(satstat_moments *m, const double *x, size_t n)
{
    if (m == NULL || x == NULL || n == 0)
        return;
    size_t whole = n - n % MOMENT_LANES;
    double part[MOMENT_LANES] = {0};
    for (size_t i = 0; i < whole; i += MOMENT_LANES)
        for (int j = 0; j < MOMENT_LANES; j++)
            part[j] += x[i + j];
    double sum = 0.0;
    for (int j = 0; j < MOMENT_LANES; j++)
        sum += part[j];
    for (size_t i = whole; i < n; i++)
        sum += x[i];
    double nn = (double)n, mean = sum / nn;

    double p1[MOMENT_LANES] = {0}, p2[MOMENT_LANES] = {0}, p3[MOMENT_LANES] = {0},
           p4[MOMENT_LANES] = {0};
    for (size_t i = 0; i < whole; i += MOMENT_LANES)
        for (int j = 0; j < MOMENT_LANES; j++) {
            double d = x[i + j] - mean, d2 = d * d;
            p1[j] += d;
            p2[j] += d2;
            p3[j] += d2 * d;
            p4[j] += d2 * d2;
        }
    double s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0;
    for (int j = 0; j < MOMENT_LANES; j++) {
        s1 += p1[j];
        s2 += p2[j];
        s3 += p3[j];
        s4 += p4[j];
    }
    for (size_t i = whole; i < n; i++) {
        double d = x[i] - mean, d2 = d * d;
        s1 += d;
        s2 += d2;
        s3 += d2 * d;
        s4 += d2 * d2;
    }
    double c = s1 / nn, c2 = c * c;
    satstat_moments block = {
        .n = n,
        .mean = mean + c,
        .m2 = s2 - nn * c2,
        .m3 = s3 - 3.0 * c * s2 + 2.0 * nn * c2 * c,
        .m4 = s4 - 4.0 * c * s3 + 6.0 * c2 * s2 - 3.0 * nn * c2 * c2,
    };
    if (block.m2 < 0.0) /* all values equal up to rounding */
        block.m2 = 0.0;
    if (block.m4 < 0.0)
        block.m4 = 0.0;
    satstat_moments_merge(m, &block);
}

/* Sample variance M2/(n−1); NaN when n < 2. */
double satstat_moments_variance(const satstat_moments *m)
{
    if (m == NULL || m->n < 2)
        return NAN;
    return m->m2 / ((double)m->n - 1.0);
}

/* g1 = √n·M3/M2^{3/2}; NaN when n = 0 or M2 = 0 (undefined). */
double satstat_moments_skewness(const satstat_moments *m)
{
    if (m == NULL || m->n == 0 || !(m->m2 > 0.0))
        return NAN;
    return sqrt((double)m->n) * m->m3 / (m->m2 * sqrt(m->m2));
}

/* g2 = n·M4/M2² − 3; NaN when n = 0 or M2 = 0 (undefined). */
double satstat_moments_excess_kurtosis(const satstat_moments *m)
{
    if (m == NULL || m->n == 0 || !(m->m2 > 0.0))
        return NAN;
    return (double)m->n * m->m4 / (m->m2 * m->m2) - 3.0;
}

/* Moments usable by a test: at least nmin values, finite mean and M2. */
static int moments_usable(const satstat_moments *m, uint64_t nmin)
{
    return m != NULL && m->n >= nmin && isfinite(m->mean)
           && isfinite(m->m2) && m->m2 >= 0.0;
}

static int alpha_valid(double alpha)
{
    return alpha > 0.0 && alpha < 1.0; /* false for NaN */
}

/* ======================================================================
 * Mean
 * ====================================================================== */

/* t = (x̄ − μ0)/(s/√n) with n − 1 d.f.; needs n ≥ 2.  The two-sided p is
 * 2·Q(|t|): the upper tail of |t| is the smaller one, computed directly
 * (no 1 − P cancellation).  A zero sample variance has no t law: then the
 * statistic is 0 and p = 1 when x̄ == μ0 exactly, else ±∞ and p = 0. */
int satstat_mean_test(const satstat_moments *m, double mu0, satstat_test *t)
{
    gsl_quiet();
    if (!moments_usable(m, 2) || t == NULL || !isfinite(mu0))
        return SATSTAT_EINVAL;
    double n = (double)m->n;
    double var = m->m2 / (n - 1.0);
    double diff = m->mean - mu0;
    if (var == 0.0) {
        t->statistic = diff == 0.0 ? 0.0 : copysign(INFINITY, diff);
        t->p_value = diff == 0.0 ? 1.0 : 0.0;
        return SATSTAT_OK;
    }
    double stat = diff / sqrt(var / n);
    if (isnan(stat))
        return SATSTAT_ENUMERIC;
    double q = gsl_cdf_tdist_Q(fabs(stat), n - 1.0);
    if (!isfinite(q))
        return SATSTAT_ENUMERIC;
    t->statistic = stat;
    t->p_value = clamp01(2.0 * q);
    return SATSTAT_OK;
}

/* x̄ ± t_{1−α/2, n−1}·s/√n; needs n ≥ 2 and 0 < α < 1.  A zero variance
 * gives the degenerate interval [x̄, x̄]. */
int satstat_mean_interval(const satstat_moments *m, double alpha,
                          satstat_interval *ci)
{
    gsl_quiet();
    if (!moments_usable(m, 2) || ci == NULL || !alpha_valid(alpha))
        return SATSTAT_EINVAL;
    double n = (double)m->n;
    double tq = gsl_cdf_tdist_Qinv(alpha / 2.0, n - 1.0);
    if (!isfinite(tq))
        return SATSTAT_ENUMERIC;
    double half = tq * sqrt(m->m2 / (n - 1.0) / n);
    ci->lo = m->mean - half;
    ci->hi = m->mean + half;
    return SATSTAT_OK;
}

/* ======================================================================
 * Variance (fourth-moment standard error)
 * ====================================================================== */

/* s² and SE² = [m4 − s⁴(n−3)/(n−1)]/n, m4 = M4/n (Mood, Graybill & Boes,
 * p. 229; doc/numerics.md).  This does not assume normality: the chi-square
 * variance test is exact only for Gaussian data and badly miscalibrated
 * otherwise.  In exact arithmetic SE² > 0 whenever M2 > 0 (the sample
 * kurtosis m4/m2² ≥ 1 and n²(n−3) < (n−1)³); SE² ≤ 0 can only come from
 * a zero M2 or rounding, and callers treat it as a degenerate sample. */
static int variance_se2(const satstat_moments *m, double *s2, double *se2)
{
    if (!moments_usable(m, 2) || !isfinite(m->m4) || m->m4 < 0.0)
        return SATSTAT_EINVAL;
    double n = (double)m->n;
    double v = m->m2 / (n - 1.0);
    double m4 = m->m4 / n;
    double e = (m4 - v * v * (n - 3.0) / (n - 1.0)) / n;
    if (!isfinite(e))
        return SATSTAT_ENUMERIC;
    *s2 = v;
    *se2 = e;
    return SATSTAT_OK;
}

/* z = (s² − σ0²)/SE, two-sided normal p = 2·Q(|z|) (the smaller tail,
 * computed directly).  Needs n ≥ 2 (the SE is asymptotic: meaningful for
 * large n) and a finite σ0² ≥ 0.  Degenerate SE² ≤ 0 (all values equal):
 * statistic 0 and p = 1 if s² == σ0², else ±∞ and p = 0. */
int satstat_variance_test(const satstat_moments *m, double sigma0_sq,
                          satstat_test *t)
{
    gsl_quiet();
    if (t == NULL || !isfinite(sigma0_sq) || sigma0_sq < 0.0)
        return SATSTAT_EINVAL;
    double s2, se2;
    int rc = variance_se2(m, &s2, &se2);
    if (rc != SATSTAT_OK)
        return rc;
    double diff = s2 - sigma0_sq;
    if (!(se2 > 0.0)) {
        t->statistic = diff == 0.0 ? 0.0 : copysign(INFINITY, diff);
        t->p_value = diff == 0.0 ? 1.0 : 0.0;
        return SATSTAT_OK;
    }
    double z = diff / sqrt(se2);
    if (isnan(z))
        return SATSTAT_ENUMERIC;
    double q = gsl_cdf_ugaussian_Q(fabs(z));
    if (!isfinite(q))
        return SATSTAT_ENUMERIC;
    t->statistic = z;
    t->p_value = clamp01(2.0 * q);
    return SATSTAT_OK;
}

/* s² ± z_{1−α/2}·SE, the lower end clipped at 0.  SE² ≤ 0 gives the
 * degenerate interval [s², s²]. */
int satstat_variance_interval(const satstat_moments *m, double alpha,
                              satstat_interval *ci)
{
    gsl_quiet();
    if (ci == NULL || !alpha_valid(alpha))
        return SATSTAT_EINVAL;
    double s2, se2;
    int rc = variance_se2(m, &s2, &se2);
    if (rc != SATSTAT_OK)
        return rc;
    double zq = gsl_cdf_ugaussian_Qinv(alpha / 2.0);
    if (!isfinite(zq))
        return SATSTAT_ENUMERIC;
    double half = se2 > 0.0 ? zq * sqrt(se2) : 0.0;
    ci->lo = fmax(0.0, s2 - half);
    ci->hi = s2 + half;
    return SATSTAT_OK;
}

/* ======================================================================
 * Binomial probabilities (Loader 2000)
 * ====================================================================== */

/* Binomial log-probabilities by Loader's saddle-point expansion ("Fast and
 * accurate computation of binomial probabilities", 2000), the method of
 * R's dbinom.  Differences of lgamma lose about log10(n) digits at the
 * sizes we meet (n up to 2^53 with tiny p0); Loader's form stays accurate
 * to a few ulps because it never subtracts large logarithms. */

/* Stirling's error δ(n) = ln n! − [(n + ½) ln n − n + ½ ln 2π], n ≥ 1 an
 * integer.  For n ≤ 15, ln n! comes from the exact product (15! < 2^53);
 * above, from the asymptotic series (Loader's cut-offs). */
static double stirlerr(double n)
{
    static const double S0 = 1.0 / 12.0;
    static const double S1 = 1.0 / 360.0;
    static const double S2 = 1.0 / 1260.0;
    static const double S3 = 1.0 / 1680.0;
    static const double S4 = 1.0 / 1188.0;
    if (n <= 15.0) {
        double fact = 1.0;
        for (double i = 2.0; i <= n; i += 1.0)
            fact *= i;
        return log(fact) - (n + 0.5) * log(n) + n - 0.5 * LN_2PI;
    }
    double nn = n * n;
    if (n > 500.0)
        return (S0 - S1 / nn) / n;
    if (n > 80.0)
        return (S0 - (S1 - S2 / nn) / nn) / n;
    if (n > 35.0)
        return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
    return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/* Deviance term bd0(x, np) = x ln(x/np) + np − x, by its series when x is
 * close to np (where the direct form cancels). */
static double bd0(double x, double np)
{
    if (fabs(x - np) < 0.1 * (x + np)) {
        double v = (x - np) / (x + np);
        double s = (x - np) * v;
        double ej = 2.0 * x * v;
        v *= v;
        for (int j = 1; j < 1000; j++) {
            ej *= v;
            double s1 = s + ej / (double)(2 * j + 1);
            if (s1 == s)
                return s1;
            s = s1;
        }
        return s;
    }
    return x * log(x / np) + np - x;
}

/* ln P(X = x), X ~ Bin(n, p), q = 1 − p; x, n integers, 0 ≤ x ≤ n. */
static double binom_logpmf(double x, double n, double p, double q)
{
    if (x == 0.0)
        return n * (p < 0.5 ? log1p(-p) : log(q));
    if (x == n)
        return n * (q < 0.5 ? log1p(-q) : log(p));
    double lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x)
                - bd0(x, n * p) - bd0(n - x, n * q);
    double lf = LN_2PI + log(x) + log1p(-x / n);
    return lc - 0.5 * lf;
}

/* Relative size below which a further term no longer changes a tail sum. */
#define TAIL_REL_EPS 1e-17

/* P(X ≤ a) = P(a)·Σ_{i≥0} Π ratios, walking down from a with
 * P(j−1)/P(j) = j q / ((n − j + 1) p).  Only called with a below the mode,
 * where the ratios are < 1 and fall, so the walk stops after the terms
 * become negligible (≲ 9σ + a few steps; σ ≤ 100 where it is used). */
static double binom_lower_tail_from(double a, double n, double p, double q)
{
    double sum = 1.0, term = 1.0;
    for (double j = a; j > 0.0; j -= 1.0) {
        term *= (j * q) / ((n - j + 1.0) * p);
        sum += term;
        if (term < TAIL_REL_EPS * sum)
            break;
    }
    return exp(binom_logpmf(a, n, p, q)) * sum;
}

/* P(X ≥ b), walking up from b (above the mode) with
 * P(j+1)/P(j) = (n − j) p / ((j + 1) q). */
static double binom_upper_tail_from(double b, double n, double p, double q)
{
    double sum = 1.0, term = 1.0;
    for (double j = b; j < n; j += 1.0) {
        term *= ((n - j) * p) / ((j + 1.0) * q);
        sum += term;
        if (term < TAIL_REL_EPS * sum)
            break;
    }
    return exp(binom_logpmf(b, n, p, q)) * sum;
}

/* Exact two-sided "minlike" p-value: Σ P(X = j) over the j with
 * P(X = j) ≤ P(X = k)(1 + 1e−7) (the tolerance absorbs rounding in ties,
 * as in R's binom.test).  The pmf is unimodal with mode M = ⌊(n+1)p⌋, so
 * that set is [0, a] ∪ [b, n] with a < M < b; a and b are found by
 * bisection on the log-pmf, and each tail is summed outward from its end,
 * visiting only the non-negligible terms. */
static double binom_minlike(double k, double n, double p)
{
    double q = 1.0 - p;
    double thr = binom_logpmf(k, n, p, q) + log1p(1e-7);
    double mode = floor((n + 1.0) * p);
    if (mode > n)
        mode = n;
    if (binom_logpmf(mode, n, p, q) <= thr)
        return 1.0; /* k is (as likely as) the mode: every outcome counts */

    double pv = 0.0;
    /* lower set [0, a]: pmf non-decreasing on [0, M] */
    if (mode > 0.0 && binom_logpmf(0.0, n, p, q) <= thr) {
        double lo = 0.0, hi = mode; /* pmf(lo) ≤ thr < pmf(hi) */
        while (hi - lo > 1.0) {
            double mid = floor(lo + (hi - lo) / 2.0);
            if (binom_logpmf(mid, n, p, q) <= thr)
                lo = mid;
            else
                hi = mid;
        }
        pv += binom_lower_tail_from(lo, n, p, q);
    }
    /* upper set [b, n]: pmf non-increasing on [M, n] */
    if (mode < n && binom_logpmf(n, n, p, q) <= thr) {
        double lo = mode, hi = n; /* pmf(lo) > thr ≥ pmf(hi) */
        while (hi - lo > 1.0) {
            double mid = floor(lo + (hi - lo) / 2.0);
            if (binom_logpmf(mid, n, p, q) <= thr)
                hi = mid;
            else
                lo = mid;
        }
        pv += binom_upper_tail_from(hi, n, p, q);
    }
    return clamp01(pv);
}

/* Largest n we accept: counts must convert to double exactly. */
#define BINOM_N_MAX 9007199254740992.0 /* 2^53 */

/* The exact test while n·p0·(1−p0) < 1e4 — GSL's binomial CDF returns NaN
 * near n·p·(1−p) ≈ 5e5 (doc/numerics.md), so it is not used; above, the score
 * z-test with continuity correction, z_cc = (|k − n p0| − ½)/√(n p0 q0),
 * p = 2·Q(z_cc) (1 when z_cc ≤ 0).  The reported statistic is always the
 * uncorrected signed score z = (k − n p0)/√(n p0 q0).  n > 2^53 (not
 * representable exactly) gives SATSTAT_ERANGE. */
int satstat_binomial_test(uint64_t k, uint64_t n, double p0, satstat_test *t)
{
    gsl_quiet();
    if (t == NULL || n == 0 || k > n || !(p0 > 0.0 && p0 < 1.0))
        return SATSTAT_EINVAL;
    if ((double)n > BINOM_N_MAX)
        return SATSTAT_ERANGE;
    double dn = (double)n, dk = (double)k;
    double q0 = 1.0 - p0;
    double var = dn * p0 * q0;
    double z = (dk - dn * p0) / sqrt(var);
    double pv;
    if (var < 1e4) {
        pv = binom_minlike(dk, dn, p0);
    } else {
        double zcc = (fabs(dk - dn * p0) - 0.5) / sqrt(var);
        if (zcc <= 0.0) {
            pv = 1.0;
        } else {
            double tail = gsl_cdf_ugaussian_Q(zcc);
            if (!isfinite(tail))
                return SATSTAT_ENUMERIC;
            pv = clamp01(2.0 * tail);
        }
    }
    if (!isfinite(pv) || !isfinite(z))
        return SATSTAT_ENUMERIC;
    t->statistic = z;
    t->p_value = pv;
    return SATSTAT_OK;
}

/* ======================================================================
 * Proportion intervals
 * ====================================================================== */

/* Wilson (1927) score interval: centre (p̂ + z²/2n)/(1 + z²/n), half-width
 * z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²) (doc/numerics.md).  Ends are clipped to
 * [0, 1]; k = 0 gives lo = 0 and k = n gives hi = 1 exactly. */
int satstat_wilson_interval(uint64_t k, uint64_t n, double alpha,
                            satstat_interval *ci)
{
    gsl_quiet();
    if (ci == NULL || n == 0 || k > n || !alpha_valid(alpha))
        return SATSTAT_EINVAL;
    double z = gsl_cdf_ugaussian_Qinv(alpha / 2.0);
    if (!isfinite(z))
        return SATSTAT_ENUMERIC;
    double dn = (double)n;
    double ph = (double)k / dn;
    double z2n = z * z / dn;
    double centre = (ph + z2n / 2.0) / (1.0 + z2n);
    double half = z / (1.0 + z2n)
                  * sqrt(ph * (1.0 - ph) / dn + z2n / (4.0 * dn));
    double lo = k == 0 ? 0.0 : clamp01(centre - half);
    double hi = k == n ? 1.0 : clamp01(centre + half);
    ci->lo = lo;
    ci->hi = hi;
    return SATSTAT_OK;
}

/* Clopper–Pearson uses at most this many pmf terms in a direct sum. */
#define CP_MAX_SMALL 50

/* P(X ≤ c | n, p), c < CP_MAX_SMALL, as a direct sum of Loader pmfs.
 * p and q = 1 − p are both passed so that whichever is the bisection
 * variable keeps its full relative precision. */
static double binom_cdf_small(double c, double n, double p, double q)
{
    double s = 0.0;
    for (double j = 0.0; j <= c; j += 1.0)
        s += exp(binom_logpmf(j, n, p, q));
    return s;
}

/* P(X ≥ k | n, p), 1 ≤ k < CP_MAX_SMALL.  With the mode at or below k the
 * terms from k upward fall, so the upper sum is cheap and keeps its
 * relative accuracy when small; otherwise the complement of the k-term
 * lower sum is used (then P(X ≥ k) is not small, so nothing is lost). */
static double binom_sf_small(double k, double n, double p, double q)
{
    if ((n + 1.0) * p <= k)
        return binom_upper_tail_from(k, n, p, q);
    return 1.0 - binom_cdf_small(k - 1.0, n, p, q);
}

/* Which tail of C ~ Bin(n, r) a Clopper–Pearson end solves for. */
enum cp_tail { CP_CDF, CP_SF };

/* Solve P(C ≤ c) = target (CP_CDF) or P(C ≥ c) = target (CP_SF) for the
 * success probability v of X, by bisection on v ∈ (0, 1) until the
 * midpoint equals an end (full double precision, also for tiny roots).
 * C is X itself (r = v) or, when flip, the failure count n − X
 * (r = 1 − v, and 1 − r = v is passed exactly).  Both tails are monotone
 * in v; `increasing` gives the direction. */
static double cp_bisect(enum cp_tail tail, double c, double n, double target,
                        int flip, int increasing)
{
    double lo = 0.0, hi = 1.0;
    for (int it = 0; it < 2200; it++) {
        double v = lo + (hi - lo) / 2.0;
        if (v <= lo || v >= hi)
            break;
        double r = flip ? 1.0 - v : v;
        double s = flip ? v : 1.0 - v;
        double f = tail == CP_SF ? binom_sf_small(c, n, r, s)
                                 : binom_cdf_small(c, n, r, s);
        if ((f < target) == (increasing != 0))
            lo = v;
        else
            hi = v;
    }
    return lo + (hi - lo) / 2.0;
}

/* Clopper–Pearson (1934) interval when min(k, n − k) < CP_MAX_SMALL:
 * lo solves P(X ≥ k | lo) = α/2 (lo = 0 when k = 0), hi solves
 * P(X ≤ k | hi) = α/2 (hi = 1 when k = n).
 *
 * The usual beta-quantile form (gsl_cdf_beta_Pinv/Qinv) returns NaN at
 * (k, n) = (109, 1e5) and hangs at n = 1e7 (doc/numerics.md); a hang cannot
 * be caught after the fact, so we never call it.  With c the smaller of
 * k and n − k, both ends are tails of a count of at most c + 1 terms —
 * short sums of accurate pmfs, monotone in p — and bisection on them is
 * robust at any n.  When c = n − k the tails are those of the failure
 * count, evaluated at r = 1 − p with p itself as the bisection variable,
 * so an end near 0 keeps its relative precision (no 1 − x reflection). */
static void clopper_pearson(uint64_t k, uint64_t n, double alpha, double *lo,
                            double *hi)
{
    double dn = (double)n, a2 = alpha / 2.0;
    if (k <= n - k) {
        double c = (double)k;
        /* P(X ≥ k | p) increases in p; P(X ≤ k | p) decreases. */
        *lo = k == 0 ? 0.0 : cp_bisect(CP_SF, c, dn, a2, 0, 1);
        *hi = k == n ? 1.0 : cp_bisect(CP_CDF, c, dn, a2, 0, 0);
    } else {
        double c = (double)(n - k);
        /* P(X ≥ k) = P(n − X ≤ c), P(X ≤ k) = P(n − X ≥ c). */
        *lo = k == 0 ? 0.0 : cp_bisect(CP_CDF, c, dn, a2, 1, 1);
        *hi = k == n ? 1.0 : cp_bisect(CP_SF, c, dn, a2, 1, 0);
    }
}

/* Clopper–Pearson when min(k, n−k) < 50 (Wilson under-covers there,
 * doc/numerics.md); Wilson otherwise. */
int satstat_proportion_interval(uint64_t k, uint64_t n, double alpha,
                                satstat_interval *ci)
{
    gsl_quiet();
    if (ci == NULL || n == 0 || k > n || !alpha_valid(alpha))
        return SATSTAT_EINVAL;
    if ((double)n > BINOM_N_MAX)
        return SATSTAT_ERANGE;
    if (k >= CP_MAX_SMALL && n - k >= CP_MAX_SMALL)
        return satstat_wilson_interval(k, n, alpha, ci);
    double lo, hi;
    clopper_pearson(k, n, alpha, &lo, &hi);
    if (!isfinite(lo) || !isfinite(hi))
        return SATSTAT_ENUMERIC;
    ci->lo = clamp01(lo);
    ci->hi = clamp01(hi);
    return SATSTAT_OK;
}

/* ======================================================================
 * Kolmogorov–Smirnov
 * ====================================================================== */

/* C = A·B, m×m, row-major.  Each C[i][j] is summed over l in ascending
 * order (the order of MTW's mMultiply), one multiply and one add per term
 * (-ffp-contract=off: no FMA), so the AVX-512 and AVX2 clones give the
 * bits of the baseline one.  The KS p-value of 5000 neurons is about 18
 * products of matrices of about 117×117 at the median D.
 *
 * Tiles of 4 rows × 16 columns of C are summed in registers, each B row
 * read once for four rows of A.  A row at a time, with every term loading
 * and storing its row of C, and with the columns past the last whole tile
 * summed one by one, the p-value took 1.7× as long (3.4 ms against 2.0 at
 * n = 5000, D = 0.012; 13.8 against 7.9 at D = 0.02).  A term
 * whose four A[i][l] are 0 is skipped: adding a zero leaves every finite
 * sum's bits as they were (x + ±0 = x; C starts at +0 and +0 + −0 = +0),
 * and H and its early powers are mostly zeros above the band j ≤ i +
 * power (H is lower Hessenberg).  Rows are ld ≥ m apart, ld a multiple of
 * the tile's width, with zeros past column m (which stay zero in C), so
 * every tile is whole; the rows past the last group of four take a plain
 * loop that sums in the same order. */
enum { TILE_ROWS = 4, TILE_COLS = 16 };

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define MAT_MUL_CLONES \
    __attribute__((target_clones("avx512f", "avx2", "default"), optimize("tree-vectorize")))
#else
#define MAT_MUL_CLONES
#endif

MAT_MUL_CLONES
static void mat_mul(const double *restrict A, const double *restrict B,
                    double *restrict C, size_t m, size_t ld)
{
    size_t rows = m - m % TILE_ROWS;
    for (size_t i = 0; i < rows; i += TILE_ROWS) {
        const double *a = A + i * ld;
        for (size_t j0 = 0; j0 < ld; j0 += TILE_COLS) {
            double acc[TILE_ROWS][TILE_COLS] = {{0.0}};
            for (size_t l = 0; l < m; l++) {
                double a0 = a[l], a1 = a[ld + l], a2 = a[2 * ld + l], a3 = a[3 * ld + l];
                if (a0 == 0.0 && a1 == 0.0 && a2 == 0.0 && a3 == 0.0)
                    continue;
                const double *b = B + l * ld + j0;
                for (int j = 0; j < TILE_COLS; j++) {
                    acc[0][j] += a0 * b[j];
                    acc[1][j] += a1 * b[j];
                    acc[2][j] += a2 * b[j];
                    acc[3][j] += a3 * b[j];
                }
            }
            for (int r = 0; r < TILE_ROWS; r++)
                memcpy(C + (i + (size_t)r) * ld + j0, acc[r], sizeof acc[r]);
        }
    }
    /* the rows past the last group of four */
    for (size_t i = rows; i < m; i++) {
        double *c = C + i * ld;
        for (size_t j = 0; j < ld; j++)
            c[j] = 0.0;
        for (size_t l = 0; l < m; l++) {
            double a = A[i * ld + l];
            if (a == 0.0)
                continue;
            const double *b = B + l * ld;
            for (size_t j = 0; j < ld; j++)
                c[j] += a * b[j];
        }
    }
}

/* K(n, d) = P(D_n < d) by Marsaglia, Tsang & Wang, "Evaluating
 * Kolmogorov's distribution", J. Stat. Software 8(18), 2003: with
 * k = ⌊nd⌋ + 1, m = 2k − 1, h = k − nd, K = n!/nⁿ · (Hⁿ)_{kk} for the
 * m×m matrix H of their eq. (5).  Hⁿ is formed by repeated squaring
 * (most significant bit first, which is the order of their recursive
 * mPower), with the decimal exponent tracked separately: whenever the
 * centre element exceeds 1e140 the matrix is scaled by 1e−140.  Requires
 * 1/(2n) < d < 1.  Cost O(m³ log n), memory 3m² doubles: m is capped at
 * KS_M_MAX (ERANGE beyond) so that no call runs for minutes; the p-value
 * path never needs more than m = 389 (n = 10000, nd² = 3.76). */
#define KS_M_MAX 1001

static int ks_mtw(int n, double d, double *out)
{
    double nd = (double)n * d;
    if (nd >= (KS_M_MAX + 1) / 2)
        return SATSTAT_ERANGE;
    int k = (int)nd + 1;
    size_t m = 2 * (size_t)k - 1;
    /* rows ld apart, zeros past column m: mat_mul's tiles are whole */
    size_t ld = (m + TILE_COLS - 1) / TILE_COLS * TILE_COLS;
    double h = (double)k - nd;
    double *H = calloc(m * ld, sizeof *H);
    double *V = calloc(m * ld, sizeof *V);
    double *T = calloc(m * ld, sizeof *T);
    if (H == NULL || V == NULL || T == NULL) {
        free(H);
        free(V);
        free(T);
        return SATSTAT_ENOMEM;
    }
    /* H[i][j] = 1 for i − j + 1 ≥ 0 ... */
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < m; j++)
            H[i * ld + j] = (i + 1 >= j) ? 1.0 : 0.0;
    /* ... minus h^{i+1} down the first column and h^{m−i} along the last
     * row, plus (2h − 1)^m in the corner when 2h > 1 ... */
    for (size_t i = 0; i < m; i++) {
        H[i * ld] -= pow(h, (double)(i + 1));
        H[(m - 1) * ld + i] -= pow(h, (double)(m - i));
    }
    if (2.0 * h - 1.0 > 0.0)
        H[(m - 1) * ld] += pow(2.0 * h - 1.0, (double)m);
    /* ... each divided by (i − j + 1)! (by successive division, as MTW).
     * Entries still equal to 1 give the same quotient along a diagonal:
     * computed once per diagonal (the same bits, O(m²) instead of O(m³)). */
    double *unit = T; /* unit[L − 1] = 1/1/2/…/L, scratch until the power */
    double q = 1.0;
    for (size_t L = 1; L <= m; L++) {
        q /= (double)L;
        unit[L - 1] = q;
    }
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j <= i; j++) {
            size_t L = i - j + 1;
            if (H[i * ld + j] == 1.0) {
                H[i * ld + j] = unit[L - 1];
                continue;
            }
            for (size_t g = 1; g <= L; g++)
                H[i * ld + j] /= (double)g;
        }

    /* V = Hⁿ with V·10^eV the true value. */
    memcpy(V, H, m * ld * sizeof *V);
    int ev = 0;
    int top = 0;
    while ((n >> (top + 1)) != 0)
        top++;
    for (int bit = top - 1; bit >= 0; bit--) {
        mat_mul(V, V, T, m, ld); /* T = V² */
        ev *= 2;
        if ((n >> bit) & 1) {
            mat_mul(H, T, V, m, ld); /* V = H·V² */
        } else {
            double *swap = V;
            V = T;
            T = swap;
        }
        if (V[(m / 2) * ld + m / 2] > 1e140) {
            for (size_t i = 0; i < m * ld; i++)
                V[i] *= 1e-140;
            ev += 140;
        }
    }
    double s = V[((size_t)k - 1) * ld + (size_t)k - 1];
    /* times n!/nⁿ, keeping s away from underflow */
    for (int i = 1; i <= n; i++) {
        s = s * (double)i / (double)n;
        if (s < 1e-140) {
            s *= 1e140;
            ev -= 140;
        }
    }
    s *= pow(10.0, (double)ev);
    free(H);
    free(V);
    free(T);
    *out = s;
    return SATSTAT_OK;
}

/* By Massart's (1990) tight Dvoretzky–Kiefer–Wolfowitz bound,
 * P(D_n ≥ d) ≤ 2·exp(−2nd²).  Beyond nd² = 19.1 that is below 2^−54, half
 * an ulp of 1, so K(n, d) rounds to exactly 1 and the matrix power (whose
 * size grows like nd) is not needed. */
#define KS_S_ONE 19.1

/* K(n, d), exact (no right-tail shortcut).  K = 0 for d ≤ 1/(2n), since
 * D_n ≥ 1/(2n) always; K = 1 for d ≥ 1 and (to double precision, see
 * above) for nd² > 19.1.  The public function gives NaN for n < 1, NaN d,
 * nd ≥ 501 with nd² ≤ 19.1 (matrix beyond KS_M_MAX; only n > 13000 can
 * get there), or when the matrices cannot be allocated. */
static int ks_cdf(int n, double d, double *out)
{
    if (n < 1 || isnan(d))
        return SATSTAT_EINVAL;
    if (d * 2.0 * (double)n <= 1.0) {
        *out = 0.0;
        return SATSTAT_OK;
    }
    if (d >= 1.0 || (double)n * d * d > KS_S_ONE) {
        *out = 1.0;
        return SATSTAT_OK;
    }
    return ks_mtw(n, d, out);
}

double satstat_ks_cdf_exact(int n, double d)
{
    double k;
    if (ks_cdf(n, d, &k) != SATSTAT_OK)
        return NAN;
    return k;
}

/* Largest n for the exact (MTW) p-value. */
#define KS_EXACT_N_MAX 10000

/* Limiting Kolmogorov upper tail Q(λ) = 1 − K(λ).  For λ ≥ 1 the
 * alternating series 2 Σ_{j≥1} (−1)^{j−1} e^{−2j²λ²} converges in a few
 * terms; for small λ it converges slowly, and the equivalent Jacobi theta
 * form K(λ) = (√(2π)/λ) Σ_{j≥1} e^{−(2j−1)²π²/(8λ²)} is used instead. */
static double kolmogorov_Q(double lambda)
{
    if (!(lambda > 0.0))
        return 1.0;
    if (lambda < 1.0) {
        double f = -PI * PI / (8.0 * lambda * lambda);
        double sum = 0.0;
        for (int j = 1; j < 100; j++) {
            double o = (double)(2 * j - 1);
            double term = exp(o * o * f);
            sum += term;
            if (term <= TAIL_REL_EPS * sum)
                break;
        }
        return 1.0 - SQRT_2PI / lambda * sum;
    }
    double sum = 0.0, sign = 1.0;
    for (int j = 1; j < 100; j++) {
        double term = exp(-2.0 * (double)j * (double)j * lambda * lambda);
        sum += sign * term;
        if (term <= TAIL_REL_EPS * fabs(sum))
            break;
        sign = -sign;
    }
    return 2.0 * sum;
}

/* P(D_n ≥ d), with a status for allocation failure. */
static int ks_pvalue_status(uint64_t n, double d, double *out)
{
    if (n == 0 || isnan(d))
        return SATSTAT_EINVAL;
    if (d <= 0.0) {
        *out = 1.0;
        return SATSTAT_OK;
    }
    if (d >= 1.0) {
        *out = 0.0;
        return SATSTAT_OK;
    }
    double dn = (double)n;
    double p;
    if (n <= KS_EXACT_N_MAX) {
        /* MTW's quick right-tail approximation (their code, "omit if you
         * require > 7 digit accuracy in the right tail"): there the exact
         * 1 − K would lose relative accuracy to cancellation anyway. */
        double s = d * d * dn;
        if (s > 7.24 || (s > 3.76 && n > 99)) {
            p = 2.0 * exp(-(2.000071 + 0.331 / sqrt(dn) + 1.409 / dn) * s);
        } else {
            double k;
            int rc = ks_cdf((int)n, d, &k);
            if (rc != SATSTAT_OK)
                return rc;
            p = 1.0 - k;
        }
    } else {
        /* Stephens' (1970) finite-n correction of the limiting law. */
        double rn = sqrt(dn);
        p = kolmogorov_Q((rn + 0.12 + 0.11 / rn) * d);
    }
    if (isnan(p))
        return SATSTAT_ENUMERIC;
    *out = clamp01(p);
    return SATSTAT_OK;
}

double satstat_ks_pvalue(uint64_t n, double d)
{
    double p;
    if (ks_pvalue_status(n, d, &p) != SATSTAT_OK)
        return NAN;
    return p;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Shared argument checks of the EDF tests; sorts x (no NaN allowed). */
static int edf_prepare(double *x, size_t n, double (*cdf)(double, void *),
                       const satstat_test *t)
{
    if (x == NULL || n == 0 || cdf == NULL || t == NULL)
        return SATSTAT_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (isnan(x[i]))
            return SATSTAT_EINVAL;
    qsort(x, n, sizeof *x, cmp_double);
    return SATSTAT_OK;
}

/* D = max_i max(i/n − F(x_(i)), F(x_(i)) − (i−1)/n) over the sorted
 * sample.  A cdf value outside [0, 1] (or NaN) gives SATSTAT_ENUMERIC. */
int satstat_ks_test(double *x, size_t n, double (*cdf)(double, void *),
                    void *ctx, satstat_test *t)
{
    gsl_quiet();
    int rc = edf_prepare(x, n, cdf, t);
    if (rc != SATSTAT_OK)
        return rc;
    double dn = (double)n;
    double dmax = 0.0;
    for (size_t i = 0; i < n; i++) {
        double F = cdf(x[i], ctx);
        if (!(F >= 0.0 && F <= 1.0))
            return SATSTAT_ENUMERIC;
        double dplus = (double)(i + 1) / dn - F;
        double dminus = F - (double)i / dn;
        if (dplus > dmax)
            dmax = dplus;
        if (dminus > dmax)
            dmax = dminus;
    }
    double p;
    rc = ks_pvalue_status((uint64_t)n, dmax, &p);
    if (rc != SATSTAT_OK)
        return rc == SATSTAT_EINVAL ? SATSTAT_ENUMERIC : rc;
    t->statistic = dmax;
    t->p_value = p;
    return SATSTAT_OK;
}

/* ======================================================================
 * Anderson–Darling
 * ====================================================================== */

/* Limiting CDF of A² by the short approximation of Marsaglia & Marsaglia,
 * "Evaluating the Anderson–Darling distribution", J. Stat. Software 9(2),
 * 2004 (|error| < 2e−6 for z < 2, < 8e−7 for z > 4).  Also returns the
 * upper tail 1 − ADinf, computed with expm1 in the z ≥ 2 branch so that
 * small p-values keep their relative accuracy. */
static double adinf(double z, double *upper)
{
    double x;
    if (!(z > 0.0)) {
        x = 0.0;
        *upper = 1.0;
    } else if (z < 2.0) {
        x = exp(-1.2337141 / z) / sqrt(z)
            * (2.00012
               + (0.247105
                  - (0.0649821
                     - (0.0347962 - (0.011672 - 0.00168691 * z) * z) * z)
                        * z)
                     * z);
        *upper = 1.0 - x;
    } else {
        double e = exp(1.0776
                       - (2.30695
                          - (0.43424
                             - (0.082433 - (0.008056 - 0.0003146 * z) * z)
                                   * z)
                                * z)
                             * z);
        x = exp(-e);
        *upper = -expm1(-e);
    }
    return x;
}

/* Marsaglia & Marsaglia's errfix(n, x): the finite-n correction, so that
 * AD(n, z) = x + errfix(n, x), x = ADinf(z), is accurate to about the 5th
 * digit for every n. */
static double ad_errfix(double n, double x)
{
    if (x > 0.8)
        return (-130.2137
                + (745.2337
                   - (1705.091 - (1950.646 - (1116.360 - 255.7844 * x) * x) * x)
                         * x)
                      * x)
               / n;
    double c = 0.01265 + 0.1757 / n;
    if (x < c) {
        double t = x / c;
        t = sqrt(t) * (1.0 - t) * (49.0 * t - 102.0);
        return t * (0.0037 / (n * n) + 0.00078 / n + 0.00006) / n;
    }
    double t = (x - c) / (0.8 - c);
    t = -0.00022633
        + (6.54034 - (14.6538 - (14.458 - (8.259 - 1.91864 * t) * t) * t) * t)
              * t;
    return t * (0.04213 + 0.01365 / n) / n;
}

/* Below this limiting tail 1 − x the finite-n correction is tapered. */
#define AD_TAPER_TAIL 1e-3

/* p = 1 − AD(n, A²), clamped to [0, 1]; NaN for n = 0 or NaN A².
 *
 * One deliberate departure from Marsaglia & Marsaglia: their errfix
 * polynomial for x > 0.8 does not vanish at x = 1 (it ends at −0.0006/n),
 * so 1 − AD(n, z) never falls below ≈ 6e−4/n, however large A² is (at
 * n = 1, where the exact law is known, 1 − AD is 6e−4 against an exact
 * 3e−5 at z = 10).  Their stated accuracy is absolute, ~1e−5, so nothing
 * is resolved at those sizes anyway; to let p go to 0 with A² we scale the
 * correction by (1 − x)/1e−3 once the limiting tail 1 − x is below 1e−3,
 * and use the published formula unchanged above. */
double satstat_ad_pvalue(uint64_t n, double a2)
{
    if (n == 0 || isnan(a2))
        return NAN;
    if (!(a2 > 0.0))
        return 1.0;
    double upper;
    double x = adinf(a2, &upper);
    double fix = ad_errfix((double)n, x);
    if (upper < AD_TAPER_TAIL)
        fix *= upper / AD_TAPER_TAIL;
    return clamp01(upper - fix);
}

/* Bounds that keep ln F and ln(1 − F) finite.  The API takes only F, so
 * 1 − F cannot be more accurate than F itself near 1: a caller whose law
 * has heavy upper tails should supply an accurate cdf.  A value that hits
 * a bound lies so far in a tail that A² is large and p tiny either way. */
#define AD_F_MIN DBL_MIN
#define AD_F_MAX (1.0 - DBL_EPSILON / 2.0)

/* A² = −n − (1/n) Σ_{i=1}^{n} (2i − 1)[ln F_i + ln(1 − F_{n+1−i})]
 * (Anderson & Darling 1954; doc/numerics.md), regrouped per order statistic
 * as Σ_j [(2j − 1) ln F_j + (2n − 2j + 1) ln(1 − F_j)] so that one pass
 * with no storage suffices; ln(1 − F) = log1p(−F). */
int satstat_ad_test(double *x, size_t n, double (*cdf)(double, void *),
                    void *ctx, satstat_test *t)
{
    gsl_quiet();
    int rc = edf_prepare(x, n, cdf, t);
    if (rc != SATSTAT_OK)
        return rc;
    double dn = (double)n;
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        double F = cdf(x[i], ctx);
        if (!(F >= 0.0 && F <= 1.0))
            return SATSTAT_ENUMERIC;
        F = fmin(fmax(F, AD_F_MIN), AD_F_MAX);
        double j = (double)(i + 1);
        sum += (2.0 * j - 1.0) * log(F) + (2.0 * dn - 2.0 * j + 1.0) * log1p(-F);
    }
    double a2 = -dn - sum / dn;
    double p = satstat_ad_pvalue((uint64_t)n, a2);
    if (!isfinite(a2) || !isfinite(p))
        return SATSTAT_ENUMERIC;
    t->statistic = a2;
    t->p_value = p;
    return SATSTAT_OK;
}

/* ======================================================================
 * Chi-square
 * ====================================================================== */

/* GSL's chi-square tails are accurate to 2e−8 at ν = 1e5 but degrade to
 * 1e−2 at ν = 1e6 and can abort above (doc/numerics.md).  Up to and including
 * ν = 1e5 we use GSL (there Wilson–Hilferty is the less accurate of the
 * two: 2e−6 relative at ν = 1e5, x = 101000); above, Wilson & Hilferty
 * (1931): (T/ν)^{1/3} is nearly normal with mean
 * 1 − 2/(9ν) and variance 2/(9ν) (relative error ≤ 3e−7 at ν = 1e6 within
 * ±2.3σ, doc/numerics.md).  NaN for NaN x or ν ≤ 0. */
#define CHISQ_WH_NU 1e5

/* One tail of χ²(ν) at x: GSL up to ν = 1e5, Wilson–Hilferty above
 * (doc/numerics.md: GSL loses digits there).  upper selects Q, else P. */
static double chisq_tail(double x, double nu, int upper)
{
    gsl_quiet();
    if (isnan(x) || !(nu > 0.0) || !isfinite(nu))
        return NAN;
    if (x <= 0.0)
        return upper ? 1.0 : 0.0;
    if (isinf(x))
        return upper ? 0.0 : 1.0;
    double p;
    if (nu <= CHISQ_WH_NU) {
        p = upper ? gsl_cdf_chisq_Q(x, nu) : gsl_cdf_chisq_P(x, nu);
    } else {
        double v = 2.0 / (9.0 * nu);
        double z = (cbrt(x / nu) - (1.0 - v)) / sqrt(v);
        p = upper ? gsl_cdf_ugaussian_Q(z) : gsl_cdf_ugaussian_P(z);
    }
    if (!isfinite(p))
        return NAN;
    return clamp01(p);
}

double satstat_chisq_Q(double x, double nu)
{
    return chisq_tail(x, nu, 1);
}

double satstat_chisq_P(double x, double nu)
{
    return chisq_tail(x, nu, 0);
}

/* (n−1)s²/σ0² ~ χ²(n−1) exactly when the sample is Gaussian with variance
 * σ0² (Cochran's theorem); two-sided p = 2·min(P, Q), each tail computed
 * directly.  The statistic reported is the standardised
 * (s²/σ0² − 1)·√((n−1)/2), comparable with the robust test's z. */
int satstat_variance_test_normal(const satstat_moments *m, double sigma0_sq,
                                 satstat_test *t)
{
    gsl_quiet();
    if (m == NULL || t == NULL || m->n < 2 || !(sigma0_sq > 0.0) ||
        !isfinite(sigma0_sq))
        return SATSTAT_EINVAL;
    double nu = (double)(m->n - 1);
    double x = m->m2 / sigma0_sq; /* (n−1)s²/σ0² */
    double lower = satstat_chisq_P(x, nu), upper = satstat_chisq_Q(x, nu);
    if (!isfinite(lower) || !isfinite(upper) || !isfinite(x))
        return SATSTAT_ENUMERIC;
    t->statistic = (x / nu - 1.0) * sqrt(nu / 2.0);
    t->p_value = clamp01(2.0 * fmin(lower, upper));
    return SATSTAT_OK;
}

/* Tolerance on Σ expected_prob − 1 ("up to rounding"). */
#define CHISQ_PROB_TOL 1e-6
/* Smallest expected count of a pool (Cochran's rule of thumb). */
#define CHISQ_MIN_EXPECTED 5.0

/* Pearson's X² = Σ (O − E)²/E over pools, E = N·p/Σp (the probabilities
 * are renormalised so that Σ E = N exactly).  Bins are pooled left to
 * right: a pool closes once it expects ≥ 5; a remainder expecting < 5 at
 * the right end joins the last closed pool.  EINVAL for NULL arguments,
 * fewer than 2 bins, a negative or non-finite probability, Σp outside
 * 1 ± 1e−6, no observations, or fewer than 2 pools (nothing to test).
 * dof may be NULL. */
int satstat_chisq_gof(const uint64_t *observed, const double *expected_prob,
                      size_t bins, satstat_test *t, size_t *dof)
{
    gsl_quiet();
    if (observed == NULL || expected_prob == NULL || t == NULL || bins < 2)
        return SATSTAT_EINVAL;
    double psum = 0.0, total = 0.0;
    for (size_t i = 0; i < bins; i++) {
        double p = expected_prob[i];
        if (!isfinite(p) || p < 0.0)
            return SATSTAT_EINVAL;
        psum += p;
        total += (double)observed[i];
    }
    if (!(fabs(psum - 1.0) <= CHISQ_PROB_TOL) || !(total > 0.0))
        return SATSTAT_EINVAL;

    double stat = 0.0;
    size_t pools = 0;
    double po = 0.0, pe = 0.0;           /* the open pool */
    double lo = 0.0, le = 0.0;           /* the last closed pool, not yet added */
    int have_last = 0;
    for (size_t i = 0; i < bins; i++) {
        po += (double)observed[i];
        pe += total * expected_prob[i] / psum;
        if (pe >= CHISQ_MIN_EXPECTED) {
            if (have_last)
                stat += (lo - le) * (lo - le) / le;
            lo = po;
            le = pe;
            have_last = 1;
            pools++;
            po = pe = 0.0;
        }
    }
    if (po > 0.0 || pe > 0.0) {
        if (have_last) {
            lo += po;
            le += pe;
        } else {
            lo = po;
            le = pe;
            have_last = 1;
            pools++;
        }
    }
    if (pools < 2)
        return SATSTAT_EINVAL;
    stat += (lo - le) * (lo - le) / le;
    double q = satstat_chisq_Q(stat, (double)(pools - 1));
    if (!isfinite(stat) || !isfinite(q))
        return SATSTAT_ENUMERIC;
    t->statistic = stat;
    t->p_value = q;
    if (dof != NULL)
        *dof = pools - 1;
    return SATSTAT_OK;
}

/* ======================================================================
 * Holm's step-down adjustment
 * ====================================================================== */

/* Holm (1979): with the p-values sorted, p_(1) ≤ … ≤ p_(m),
 * adj_(i) = min(1, max_{j ≤ i} (m − j + 1)·p_(j)).  Tied p-values get the
 * same adjusted value (the running maximum is reached at the first of the
 * tie), so adj is a function of the value alone and ties need no rule.
 * NaN inputs give NaN outputs and still count in m.
 *
 * Two implementations with identical results: an O(m log m) one that sorts
 * a malloc'd copy, and an allocation-free O(m²) one, used for small m and
 * when malloc fails (the API returns void, so it must not fail). */

typedef struct holm_item {
    double p;
    size_t i;
} holm_item;

static int cmp_holm(const void *a, const void *b)
{
    const holm_item *x = a, *y = b;
    int xn = isnan(x->p), yn = isnan(y->p);
    if (xn != yn)
        return xn - yn; /* NaN last */
    if (!xn && x->p != y->p)
        return (x->p > y->p) - (x->p < y->p);
    return (x->i > y->i) - (x->i < y->i);
}

/* Allocation-free version.  Pass 1 stores b_i = (m − r_i + 1)·p_i, r_i the
 * first sorted position of p_i's value (1 + #{j: p_j < p_i}).  Pass 2
 * replaces each entry by the maximum over {j: p_j ≤ p_i}; in place this is
 * still right, because an entry already replaced holds a maximum over a
 * subset of the same set. */
static void holm_quadratic(const double *p, size_t m, double *adj)
{
    double dm = (double)m;
    for (size_t i = 0; i < m; i++) {
        if (isnan(p[i])) {
            adj[i] = NAN;
            continue;
        }
        size_t below = 0;
        for (size_t j = 0; j < m; j++)
            if (p[j] < p[i])
                below++;
        adj[i] = (dm - (double)below) * p[i];
    }
    for (size_t i = 0; i < m; i++) {
        if (isnan(p[i]))
            continue;
        double best = adj[i];
        for (size_t j = 0; j < m; j++)
            if (p[j] <= p[i] && adj[j] > best)
                best = adj[j];
        adj[i] = best;
    }
    for (size_t i = 0; i < m; i++)
        if (!isnan(adj[i]))
            adj[i] = fmin(1.0, adj[i]);
}

/* Below this m the quadratic version is as fast and needs no malloc. */
#define HOLM_SMALL 64

void satstat_holm(const double *p, size_t m, double *adjusted)
{
    if (p == NULL || adjusted == NULL || m == 0)
        return;
    holm_item *it = NULL;
    if (m > HOLM_SMALL && m <= SIZE_MAX / sizeof *it)
        it = malloc(m * sizeof *it);
    if (it == NULL) {
        holm_quadratic(p, m, adjusted);
        return;
    }
    for (size_t i = 0; i < m; i++) {
        it[i].p = p[i];
        it[i].i = i;
    }
    qsort(it, m, sizeof *it, cmp_holm);
    double dm = (double)m;
    double run = 0.0;
    for (size_t r = 0; r < m; r++) {
        if (isnan(it[r].p)) {
            adjusted[it[r].i] = NAN;
            continue;
        }
        double v = (dm - (double)r) * it[r].p;
        if (v > run)
            run = v;
        adjusted[it[r].i] = fmin(1.0, run);
    }
    free(it);
}
