/* test_exact.c — the exact law of z (src/law/exact*.c).
 *
 * Known answers and where they come from (none uses the library's own
 * characteristic functions):
 *  - Irwin–Hall: the alternating sum Σ_k (−1)^k C(n,k) (x − k)_+^n / n!
 *    (Irwin 1927, Hall 1927), evaluated here in long double on the lower
 *    half of the support and mirrored.
 *  - Normal: GSL's gsl_cdf_gaussian_P/Q and gsl_ran_gaussian_pdf.
 *  - Normal + uniform: density [Φ((z − a)/σ) − Φ((z − b)/σ)]/(b − a); CDF
 *    its integral [G(z − a) − G(z − b)]/(b − a), G(u) = uΦ(u/σ) + σϕ(u/σ)
 *    (G' = Φ(u/σ)).
 *  - Bernoulli(p) inputs with N(0, s²) weights: given k active inputs z is
 *    normal, so P(z ≤ c) = Σ_k Binom(n, k, p) Φ((c − b)/√(k s² + σ_b²)),
 *    the k = 0 term a point mass (1 − p)^n when the bias is constant.
 *  - n products w·x, w ~ N(0, s_w²), x ~ N(0, s_x²): the variance-gamma
 *    law, density |z|^ν K_ν(|z|/s) / (√π Γ(n/2) 2^ν s^{ν+1}), ν = (n − 1)/2,
 *    s = s_w s_x (n = 1: K0(|z|/s)/(π s); n = 2: Laplace e^{−|z|/s}/(2s));
 *    tails by GSL QAGIU of that density.
 *  - E[cos z] = Re φ_z(1), a product of one-term CFs in closed form.
 *  - Seed case, 500 weights U(−0.1, 0.1) on inputs equal to 1, N(0, 1)
 *    bias: P(|z| ≥ 4) = 0.01429446631492352, from mpmath 1.3.0 (40 digits)
 *    quadrature of 1 − (2/π)∫ (sin(0.1t)/(0.1t))^500 e^{−t²/2} sin(4t)/t dt
 *    on [0, 60] in 240 pieces (the integrand is below 1e-40 beyond).
 *  - Monte Carlo with GSL's MT19937 (seed 20240611), within 5 binomial
 *    standard deviations plus 1e-12.
 *  - Far tails of uniform sums (tests/ref/far_tails.h, made by
 *    tests/ref/far_tails.py): exact rational Irwin–Hall sums for a
 *    uniform bias, the B-spline convolved with the normal in mpmath at
 *    1000-digit fixed point for a normal bias; down to 1e-300.
 *  - Far tails of truncated-normal sums (tests/ref/trunc_tails.h, made by
 *    tests/ref/trunc_tails.py): the Bromwich integral in mpmath at 40 and
 *    50 digits, with the truncated normal's MGF through the complex erfc.
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_bessel.h>
#include <gsl/gsl_sf_gamma.h>

#include <satstat/analytic.h>
#include <satstat/config.h>
#include <satstat/error.h>
#include <satstat/exact.h>

#include "ref/far_tails.h"
#include "ref/trunc_tails.h"
#include "common.h"

#define ck_assert_abs(got, want, tol)                                        \
    do {                                                                     \
        double got_ = (got), want_ = (want), tol_ = (tol);                   \
        ck_assert_msg(fabs(got_ - want_) <= tol_,                            \
                      "%s = %.17g, expected %.17g (abs. error %.3g > %.3g)", \
                      #got, got_, want_, fabs(got_ - want_), tol_);          \
    } while (0)

/* The claimed accuracy, and the error estimates' honesty: every result
 * here must be within 1e-9 of the reference and within its own error
 * estimate (plus the reference's rounding). */
#define TOL 1e-9

#define ck_assert_result(r, want)                                            \
    do {                                                                     \
        satstat_exact_result r_ = (r);                                       \
        double w_ = (want);                                                  \
        ck_assert_msg(fabs(r_.value - w_) <= TOL,                            \
                      "%s = %.17g, expected %.17g (error %.3g)", #r,         \
                      r_.value, w_, fabs(r_.value - w_));                    \
        ck_assert_msg(fabs(r_.value - w_) <= r_.abserr + 1e-13,              \
                      "%s = %.17g, expected %.17g: error %.3g beyond its "   \
                      "estimate %.3g", #r, r_.value, w_,                     \
                      fabs(r_.value - w_), r_.abserr);                       \
        ck_assert_msg(r_.abserr <= TOL, "%s: error estimate %.3g", #r,       \
                      r_.abserr);                                            \
    } while (0)

static satstat_exact *build1(satstat_exact_law w, satstat_exact_law x,
                             uint64_t n, satstat_exact_law b)
{
    satstat_exact *e;
    ck_assert_int_eq(satstat_exact_alloc(&e), SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_add_terms(e, &w, &x, n), SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_set_bias(e, &b), SATSTAT_OK);
    return e;
}

static double std_sigmoid_prime(double z, void *ctx)
{
    (void)ctx;
    double e = exp(-fabs(z));
    return e / ((1.0 + e) * (1.0 + e));
}

static double cos_g(double z, void *ctx)
{
    (void)ctx;
    return cos(z);
}

static double sq_g(double z, void *ctx)
{
    (void)ctx;
    return z * z;
}

/* ---- Irwin–Hall ------------------------------------------------------------ */

/* CDF and density of the sum of n standard uniforms at x ∈ [0, n]. */
static long double ih_sum(int n, long double x, int pdf)
{
    int pw = pdf ? n - 1 : n;
    long double s = 0.0L, fact = 1.0L;
    for (int i = 2; i <= pw; i++)
        fact *= i;
    for (int k = 0; k <= n && k < x; k++) {
        long double c = 1.0L;
        for (int i = 1; i <= k; i++)
            c = c * (n - k + i) / i;
        long double term = c * powl(x - k, pw);
        s += (k & 1) ? -term : term;
    }
    return s / fact;
}

static double ih_cdf(int n, double x)
{
    if (x <= 0.0)
        return 0.0;
    if (x >= n)
        return 1.0;
    if (x <= 0.5 * n)
        return (double)ih_sum(n, x, 0);
    return (double)(1.0L - ih_sum(n, (long double)n - x, 0));
}

static double ih_pdf(int n, double x)
{
    if (x <= 0.0 || x >= n)
        return 0.0;
    if (x > 0.5 * n)
        x = n - x;
    return (double)ih_sum(n, x, 1);
}

START_TEST(irwin_hall)
{
    static const int ns[] = {1, 2, 3, 5, 12, 13, 20};
    /* weights U(0, 1) times x = 2, bias 0.3: z = 0.3 + 2·IH_n */
    for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
        int n = ns[i];
        satstat_exact *e =
            build1(satstat_exact_uniform(0.0, 1.0), satstat_exact_constant(2.0),
                   (uint64_t)n, satstat_exact_constant(0.3));
        for (int j = 0; j <= 200; j++) {
            double z = 0.3 - 0.5 + (2.0 * n + 1.0) * j / 200.0;
            double x = (z - 0.3) / 2.0;
            satstat_exact_result F, Q, f;
            ck_assert_int_eq(satstat_exact_cdf(e, z, &F), SATSTAT_OK);
            ck_assert_int_eq(satstat_exact_sf(e, z, &Q), SATSTAT_OK);
            ck_assert_int_eq(satstat_exact_pdf(e, z, &f), SATSTAT_OK);
            double want = ih_cdf(n, x);
            ck_assert_result(F, want);
            ck_assert_result(Q, 1.0 - want);
            /* at the two jumps of n = 1 the density is either side */
            if (!(n == 1 && (x == 0.0 || x == 1.0)))
                ck_assert_abs(f.value, ih_pdf(n, x) / 2.0, TOL);
        }
        satstat_exact_free(e);
    }
}
END_TEST

/* Irwin–Hall with Bernoulli inputs: a binomial mixture of Irwin–Hall laws
 * with a point mass at the bias. */
START_TEST(irwin_hall_bernoulli)
{
    const int n = 9;
    const double p = 0.4;
    satstat_exact *e =
        build1(satstat_exact_uniform(0.0, 1.0), satstat_exact_bernoulli(p),
               (uint64_t)n, satstat_exact_constant(-1.0));
    for (int j = 0; j <= 120; j++) {
        double z = -1.5 + (n + 1.0) * j / 120.0;
        double want = 0.0, dens = 0.0;
        for (int k = 0; k <= n; k++) {
            double pk = gsl_ran_binomial_pdf((unsigned)k, p, (unsigned)n);
            want += pk * (k == 0 ? (z >= -1.0 ? 1.0 : 0.0) : ih_cdf(k, z + 1.0));
            if (k > 0)
                dens += pk * ih_pdf(k, z + 1.0);
        }
        satstat_exact_result F, f;
        ck_assert_int_eq(satstat_exact_cdf(e, z, &F), SATSTAT_OK);
        ck_assert_result(F, want);
        ck_assert_int_eq(satstat_exact_pdf(e, z, &f), SATSTAT_OK);
        if (fabs(z + 1.0) > 1e-12 && fabs(z) > 1e-12)
            ck_assert_abs(f.value, dens, TOL);
    }
    double m;
    ck_assert_int_eq(satstat_exact_point_mass(e, -1.0, &m), SATSTAT_OK);
    ck_assert_abs(m, pow(1.0 - p, n), 1e-15);
    satstat_exact_free(e);
}
END_TEST

/* ---- normal ------------------------------------------------------------------ */

START_TEST(pure_normal)
{
    satstat_exact *e;
    satstat_exact_law w = satstat_exact_normal(0.0, 0.3);
    satstat_exact_law x1 = satstat_exact_constant(2.0);
    satstat_exact_law x2 = satstat_exact_constant(-1.0);
    satstat_exact_law b = satstat_exact_normal(0.5, 1.0);
    ck_assert_int_eq(satstat_exact_alloc(&e), SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_add_terms(e, &w, &x1, 50), SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_add_terms(e, &w, &x2, 30), SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_set_bias(e, &b), SATSTAT_OK);
    double sd = sqrt(50 * 4 * 0.09 + 30 * 0.09 + 1.0);
    double mean, var;
    ck_assert_int_eq(satstat_exact_moments(e, &mean, &var), SATSTAT_OK);
    ck_assert_abs(mean, 0.5, 1e-15);
    ck_assert_abs(var, sd * sd, 1e-12);
    for (int j = 0; j <= 200; j++) {
        double z = -25.0 + 50.0 * j / 200.0;
        satstat_exact_result F, Q, f;
        ck_assert_int_eq(satstat_exact_cdf(e, z, &F), SATSTAT_OK);
        ck_assert_int_eq(satstat_exact_sf(e, z, &Q), SATSTAT_OK);
        ck_assert_int_eq(satstat_exact_pdf(e, z, &f), SATSTAT_OK);
        ck_assert_abs(F.value, gsl_cdf_gaussian_P(z - 0.5, sd), 1e-10);
        ck_assert_abs(Q.value, gsl_cdf_gaussian_Q(z - 0.5, sd), 1e-10);
        ck_assert_abs(f.value, gsl_ran_gaussian_pdf(z - 0.5, sd), 1e-10);
    }
    satstat_exact_result r;
    ck_assert_int_eq(satstat_exact_saturated_fraction(e, 4.0, &r), SATSTAT_OK);
    ck_assert_abs(r.value, satstat_normal_saturated_fraction(0.5, sd, 4.0), 1e-10);
    /* E[σ'(z)] against the Gaussian quadrature of analytic.c */
    double want;
    ck_assert_int_eq(satstat_normal_expectation(std_sigmoid_prime, NULL, 0.5,
                                                sd, &want),
                     SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_expectation(e, std_sigmoid_prime, NULL, &r),
                     SATSTAT_OK);
    ck_assert_abs(r.value, want, 1e-10);
    ck_assert(r.abserr < 1e-9);
    /* the normal approximation is the law: no gap */
    satstat_exact_gap gap;
    ck_assert_int_eq(satstat_exact_normal_gap(e, &gap), SATSTAT_OK);
    ck_assert(gap.sup_cdf < 1e-12);
    satstat_exact_free(e);
}
END_TEST

/* The law of many copies stays exact: 1e8 uniform weights, Var z = 1.  The
 * normal law is then right to the first Edgeworth term, −(κ4/24) He3(x)
 * ϕ(x) with κ4 = −1.2/n: below 3e-10. */
START_TEST(huge_count)
{
    double a = sqrt(3.0) * 1e-4;
    satstat_exact *e =
        build1(satstat_exact_uniform(-a, a), satstat_exact_constant(1.0),
               100000000u, satstat_exact_constant(0.0));
    for (int j = 0; j <= 40; j++) {
        double z = -5.0 + 10.0 * j / 40.0;
        satstat_exact_result F;
        ck_assert_int_eq(satstat_exact_cdf(e, z, &F), SATSTAT_OK);
        ck_assert_abs(F.value, gsl_cdf_ugaussian_P(z), 1e-9);
    }
    satstat_exact_free(e);
    /* 1e4 uniforms: exact minus normal is the Edgeworth term to O(n^-2) */
    const int n = 10000;
    a = sqrt(3.0 / n);
    e = build1(satstat_exact_uniform(-a, a), satstat_exact_constant(1.0),
               (uint64_t)n, satstat_exact_constant(0.0));
    for (int j = 0; j <= 40; j++) {
        double x = -4.0 + 8.0 * j / 40.0;
        satstat_exact_result F;
        ck_assert_int_eq(satstat_exact_cdf(e, x, &F), SATSTAT_OK);
        double he3 = x * x * x - 3.0 * x;
        double edge = gsl_cdf_ugaussian_P(x) -
                      (-1.2 / n) / 24.0 * he3 * gsl_ran_ugaussian_pdf(x);
        ck_assert_abs(F.value, edge, 1e-8);
    }
    satstat_exact_free(e);
}
END_TEST

START_TEST(normal_plus_uniform)
{
    const double a = -1.5, b = 2.5, s = 0.7;
    satstat_exact *e =
        build1(satstat_exact_uniform(a, b), satstat_exact_constant(1.0), 1,
               satstat_exact_normal(0.0, s));
    for (int j = 0; j <= 200; j++) {
        double z = -6.0 + 14.0 * j / 200.0;
        double pdf = (gsl_cdf_gaussian_P(z - a, s) - gsl_cdf_gaussian_P(z - b, s)) /
                     (b - a);
        double ga = (z - a) * gsl_cdf_gaussian_P(z - a, s) +
                    s * s * gsl_ran_gaussian_pdf(z - a, s);
        double gb = (z - b) * gsl_cdf_gaussian_P(z - b, s) +
                    s * s * gsl_ran_gaussian_pdf(z - b, s);
        satstat_exact_result F, f;
        ck_assert_int_eq(satstat_exact_cdf(e, z, &F), SATSTAT_OK);
        ck_assert_int_eq(satstat_exact_pdf(e, z, &f), SATSTAT_OK);
        ck_assert_result(F, (ga - gb) / (b - a));
        ck_assert_abs(f.value, pdf, 1e-10);
    }
    satstat_exact_free(e);
}
END_TEST

/* ---- Bernoulli inputs --------------------------------------------------------- */

static double bern_mixture_cdf(int n, double p, double s, double bmean,
                               double bsd, double c)
{
    double r = 0.0;
    for (int k = 0; k <= n; k++) {
        double sd = sqrt(k * s * s + bsd * bsd);
        double pk = gsl_ran_binomial_pdf((unsigned)k, p, (unsigned)n);
        r += pk * (sd > 0.0 ? gsl_cdf_gaussian_P(c - bmean, sd)
                            : (c >= bmean ? 1.0 : 0.0));
    }
    return r;
}

START_TEST(bernoulli_normal)
{
    const int n = 30;
    const double p = 0.2, s = 0.5, c0 = 0.3;
    for (int constant = 0; constant <= 1; constant++) {
        double bsd = constant ? 0.0 : 0.8;
        satstat_exact *e =
            build1(satstat_exact_normal(0.0, s), satstat_exact_bernoulli(p),
                   (uint64_t)n,
                   constant ? satstat_exact_constant(c0)
                            : satstat_exact_normal(c0, bsd));
        for (int j = 0; j <= 160; j++) {
            double z = -4.0 + 8.0 * j / 160.0;
            satstat_exact_result F, Q;
            ck_assert_int_eq(satstat_exact_cdf(e, z, &F), SATSTAT_OK);
            ck_assert_int_eq(satstat_exact_sf(e, z, &Q), SATSTAT_OK);
            double want = bern_mixture_cdf(n, p, s, c0, bsd, z);
            ck_assert_result(F, want);
            ck_assert_result(Q, 1.0 - want);
        }
        double atom = constant ? pow(1.0 - p, n) : 0.0, m;
        ck_assert_int_eq(satstat_exact_point_mass(e, c0, &m), SATSTAT_OK);
        ck_assert_abs(m, atom, 1e-15);
        /* right-continuous at the atom; the left limit lacks it */
        satstat_exact_result F, below;
        ck_assert_int_eq(satstat_exact_cdf(e, c0, &F), SATSTAT_OK);
        ck_assert_abs(F.value, 0.5 + 0.5 * atom, 1e-12);
        ck_assert_int_eq(satstat_exact_interval(e, -INFINITY, c0, &below),
                         SATSTAT_OK);
        ck_assert_abs(below.value, F.value, 1e-15);
        ck_assert_int_eq(satstat_exact_interval(e, c0, c0, &below), SATSTAT_OK);
        ck_assert_abs(below.value, atom, 1e-12);
        /* E[cos z] = cos(c0) (1 − p + p e^{−s²/2})^n e^{−σ_b²/2} */
        satstat_exact_result r;
        ck_assert_int_eq(satstat_exact_expectation(e, cos_g, NULL, &r),
                         SATSTAT_OK);
        ck_assert_result(r, cos(c0) * pow(1.0 - p + p * exp(-0.5 * s * s), n) *
                                exp(-0.5 * bsd * bsd));
        satstat_exact_free(e);
    }
}
END_TEST

/* ReLU's dead region z ≤ 0 includes the point mass at 0 (zero bias). */
START_TEST(relu_region_with_atom)
{
    satstat_exact *e =
        build1(satstat_exact_normal(0.0, 1.0), satstat_exact_bernoulli(0.3), 5,
               satstat_exact_constant(0.0));
    double atom = pow(0.7, 5);
    satstat_interval dead = {-INFINITY, 0.0};
    satstat_exact_result r;
    ck_assert_int_eq(satstat_exact_region(e, &dead, 1, &r), SATSTAT_OK);
    ck_assert_result(r, atom + 0.5 * (1.0 - atom));
    ck_assert_int_eq(satstat_exact_sf(e, 0.0, &r), SATSTAT_OK);
    ck_assert_result(r, 0.5 * (1.0 - atom));
    /* overlapping intervals are merged, not counted twice */
    satstat_interval two[3] = {{0.5, INFINITY}, {-INFINITY, -0.5}, {1.0, 2.0}};
    satstat_exact_result u, s1;
    ck_assert_int_eq(satstat_exact_region(e, two, 3, &u), SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_saturated_fraction(e, 0.5, &s1), SATSTAT_OK);
    ck_assert_abs(u.value, s1.value, 1e-15);
    ck_assert_result(s1, 2.0 * (1.0 - bern_mixture_cdf(5, 0.3, 1.0, 0.0, 0.0, 0.5)));
    ck_assert_int_eq(satstat_exact_saturated_fraction(e, 0.0, &r), SATSTAT_OK);
    ck_assert_abs(r.value, 1.0, 0.0);
    /* the gap to the normal law includes both sides of the atom */
    satstat_exact_gap gap;
    ck_assert_int_eq(satstat_exact_normal_gap(e, &gap), SATSTAT_OK);
    ck_assert(gap.sup_cdf >= 0.5 * atom - 1e-12);
    ck_assert_abs(gap.at, 0.0, 1e-12);
    satstat_exact_free(e);
}
END_TEST

/* ---- products: the variance-gamma law --------------------------------------- */

typedef struct vg_ctx {
    int n;
    double s;
} vg_ctx;

static double vg_pdf(double z, void *p)
{
    const vg_ctx *v = p;
    double nu = 0.5 * (v->n - 1), az = fabs(z);
    return pow(az, nu) * gsl_sf_bessel_Knu(nu, az / v->s) /
           (sqrt(M_PI) * gsl_sf_gamma(0.5 * v->n) * pow(2.0, nu) *
            pow(v->s, nu + 1.0));
}

START_TEST(variance_gamma)
{
    const double sw = 0.8, sx = 1.5, s = sw * sx;
    gsl_integration_workspace *ws = gsl_integration_workspace_alloc(1000);
    static const int ns[] = {1, 2, 3, 6};
    for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
        int n = ns[i];
        satstat_exact *e =
            build1(satstat_exact_normal(0.0, sw), satstat_exact_normal(0.0, sx),
                   (uint64_t)n, satstat_exact_constant(0.0));
        vg_ctx v = {n, s};
        gsl_function F = {vg_pdf, &v};
        for (int j = 1; j <= 30; j++) {
            double z = 0.27 * j;
            satstat_exact_result f, Q, Fl;
            ck_assert_int_eq(satstat_exact_pdf(e, z, &f), SATSTAT_OK);
            ck_assert_int_eq(satstat_exact_sf(e, z, &Q), SATSTAT_OK);
            ck_assert_int_eq(satstat_exact_cdf(e, -z, &Fl), SATSTAT_OK);
            double tail, terr;
            gsl_integration_qagiu(&F, z, 1e-15, 1e-13, 1000, ws, &tail, &terr);
            ck_assert_abs(f.value, vg_pdf(z, &v), TOL);
            if (n == 2) /* Laplace */
                ck_assert_abs(f.value, exp(-z / s) / (2.0 * s), 1e-12);
            ck_assert_result(Q, tail);
            ck_assert_result(Fl, tail);
        }
        /* E[cos z] = (1 + s²)^{−n/2}, E z² = n s² */
        satstat_exact_result r;
        ck_assert_int_eq(satstat_exact_expectation(e, cos_g, NULL, &r), SATSTAT_OK);
        ck_assert_result(r, pow(1.0 + s * s, -0.5 * n));
        ck_assert_int_eq(satstat_exact_expectation(e, sq_g, NULL, &r), SATSTAT_OK);
        ck_assert_abs(r.value, n * s * s, 1e-9 * n * s * s);
        satstat_exact_free(e);
    }
    gsl_integration_workspace_free(ws);
}
END_TEST

/* ---- the seed case with uniform weights --------------------------------------- */

START_TEST(seed_uniform)
{
    satstat_exact *e =
        build1(satstat_exact_uniform(-0.1, 0.1), satstat_exact_constant(1.0),
               500, satstat_exact_normal(0.0, 1.0));
    satstat_exact_result r;
    ck_assert_int_eq(satstat_exact_saturated_fraction(e, 4.0, &r), SATSTAT_OK);
    ck_assert_result(r, 0.01429446631492352);
    double mean, var;
    ck_assert_int_eq(satstat_exact_moments(e, &mean, &var), SATSTAT_OK);
    ck_assert_abs(var, 500 * 0.01 / 3.0 + 1.0, 1e-12);
    double normal = satstat_normal_saturated_fraction(mean, sqrt(var), 4.0);
    /* the CLT's error, far above the exact law's: the uniform sum has
     * lighter tails than its normal approximation */
    ck_assert(normal - r.value > 1e-5 && normal - r.value < 2e-5);
    printf("seed case, uniform:0.1 on 500 active inputs, N(0,1) bias: "
           "P(|z| >= 4) exact %.12f (± %.1e), normal approximation %.12f\n",
           r.value, r.abserr, normal);
    satstat_exact_result es;
    ck_assert_int_eq(satstat_exact_expectation(e, std_sigmoid_prime, NULL, &es),
                     SATSTAT_OK);
    ck_assert(es.abserr < 1e-9);
    double en;
    ck_assert_int_eq(satstat_normal_expectation(std_sigmoid_prime, NULL, mean,
                                                sqrt(var), &en),
                     SATSTAT_OK);
    ck_assert(fabs(es.value - en) > 1e-6 && fabs(es.value - en) < 1e-4);
    satstat_exact_gap gap;
    ck_assert_int_eq(satstat_exact_normal_gap(e, &gap), SATSTAT_OK);
    ck_assert(gap.sup_cdf > 1e-5 && gap.sup_cdf < 1e-4);
    satstat_exact_free(e);

    /* the same through the config helper */
    satstat_config cfg;
    satstat_config_default(&cfg);
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_config_validate(&cfg, NULL, msg, sizeof msg), SATSTAT_OK);
    satstat_scheme sch;
    ck_assert_int_eq(satstat_scheme_parse("uniform:0.1", &sch, msg, sizeof msg), SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_from_config(&cfg, &sch, &e), SATSTAT_OK);
    satstat_exact_result r2;
    ck_assert_int_eq(satstat_exact_saturated_fraction(e, 4.0, &r2), SATSTAT_OK);
    ck_assert_abs(r2.value, r.value, 1e-14);
    satstat_exact_free(e);

    /* normal:0.7 inputs on all 1000: products w·x */
    ck_assert_int_eq(satstat_inputs_parse("normal:0.7", &cfg.inputs, msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_int_eq(satstat_config_validate(&cfg, NULL, msg, sizeof msg), SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_from_config(&cfg, &sch, &e), SATSTAT_OK);
    satstat_exact *d =
        build1(satstat_exact_uniform(-0.1, 0.1), satstat_exact_normal(0.0, 0.7),
               1000, satstat_exact_normal(0.0, 1.0));
    ck_assert_int_eq(satstat_exact_saturated_fraction(e, 4.0, &r), SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_saturated_fraction(d, 4.0, &r2), SATSTAT_OK);
    ck_assert_abs(r.value, r2.value, 1e-14);
    ck_assert(r.abserr < 1e-9);
    satstat_exact_free(d);
    satstat_exact_free(e);
}
END_TEST

/* ---- truncated normal ------------------------------------------------------------ */

START_TEST(truncated_normal_single)
{
    /* one weight N(0.2, 1.3²) on [−1, 2.5] times x = −2, zero bias:
     * z = −2w, P(z ≤ c) = P(w ≥ −c/2) in closed form */
    const double m = 0.2, s = 1.3, lo = -1.0, hi = 2.5;
    satstat_exact *e = build1(satstat_exact_truncnormal(m, s, lo, hi),
                              satstat_exact_constant(-2.0), 1,
                              satstat_exact_constant(0.0));
    double Z = gsl_cdf_gaussian_P(hi - m, s) - gsl_cdf_gaussian_P(lo - m, s);
    for (int j = 1; j < 40; j++) {
        double c = -5.0 + 7.0 * j / 40.0; /* z ∈ (−5, 2) */
        double w = -c / 2.0;
        double want = (gsl_cdf_gaussian_P(hi - m, s) - gsl_cdf_gaussian_P(w - m, s)) / Z;
        satstat_exact_result F;
        ck_assert_int_eq(satstat_exact_cdf(e, c, &F), SATSTAT_OK);
        /* |φ| ~ 1/t: the error estimate is a loose 1e-6 or so, the error
         * itself far smaller */
        ck_assert_abs(F.value, want, TOL);
        ck_assert(fabs(F.value - want) <= F.abserr + 1e-13);
    }
    satstat_exact_free(e);
}
END_TEST

/* ---- Monte Carlo ------------------------------------------------------------------- */

static double draw(const gsl_rng *r, const satstat_exact_law *l)
{
    switch (l->family) {
    case SATSTAT_EXACT_CONSTANT:
        return l->a;
    case SATSTAT_EXACT_NORMAL:
        return l->a + gsl_ran_gaussian(r, l->b);
    case SATSTAT_EXACT_UNIFORM:
        return gsl_ran_flat(r, l->a, l->b);
    case SATSTAT_EXACT_BERNOULLI:
        return gsl_rng_uniform(r) < l->p ? 1.0 : 0.0;
    case SATSTAT_EXACT_TRUNCNORMAL:
        for (;;) {
            double v = l->a + gsl_ran_gaussian(r, l->b);
            if (v >= l->lo && v <= l->hi)
                return v;
        }
    case SATSTAT_FAMILY_ORTHOGONAL: /* not an exact law */
        break;
    }
    return NAN;
}

START_TEST(monte_carlo_mixed)
{
    struct {
        satstat_exact_law w, x;
        unsigned n;
    } g[] = {
        {{SATSTAT_EXACT_TRUNCNORMAL, 0.1, 0.4, -0.5, 0.9, 0.0},
         {SATSTAT_EXACT_BERNOULLI, 0, 0, 0, 0, 0.3}, 12},
        {{SATSTAT_EXACT_UNIFORM, -0.5, 0.5, 0, 0, 0},
         {SATSTAT_EXACT_NORMAL, 0.0, 1.0, 0, 0, 0}, 3},
        {{SATSTAT_EXACT_NORMAL, 0.0, 0.6, 0, 0, 0},
         {SATSTAT_EXACT_UNIFORM, 0.0, 1.0, 0, 0, 0}, 2},
    };
    satstat_exact_law b = satstat_exact_uniform(-0.2, 0.3);
    satstat_exact *e;
    ck_assert_int_eq(satstat_exact_alloc(&e), SATSTAT_OK);
    for (size_t i = 0; i < 3; i++)
        ck_assert_int_eq(satstat_exact_add_terms(e, &g[i].w, &g[i].x, g[i].n),
                         SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_set_bias(e, &b), SATSTAT_OK);
    const double t = 1.0;
    satstat_exact_result p, es;
    ck_assert_int_eq(satstat_exact_saturated_fraction(e, t, &p), SATSTAT_OK);
    ck_assert(p.abserr < 1e-9);
    ck_assert_int_eq(satstat_exact_expectation(e, std_sigmoid_prime, NULL, &es),
                     SATSTAT_OK);
    ck_assert(es.abserr < 1e-9);

    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 20240611u);
    const long N = 400000;
    long k = 0;
    double sum = 0.0, sum2 = 0.0;
    for (long i = 0; i < N; i++) {
        double z = draw(r, &b);
        for (size_t j = 0; j < 3; j++)
            for (unsigned c = 0; c < g[j].n; c++)
                z += draw(r, &g[j].w) * draw(r, &g[j].x);
        k += fabs(z) >= t;
        double d = std_sigmoid_prime(z, NULL);
        sum += d;
        sum2 += d * d;
    }
    gsl_rng_free(r);
    double phat = (double)k / N;
    double sig = sqrt(p.value * (1.0 - p.value) / N);
    ck_assert_msg(fabs(phat - p.value) <= 5.0 * sig + 1e-12,
                  "P(|z| >= 1): exact %.8f, sampled %.8f (%.2f sigma)", p.value,
                  phat, (phat - p.value) / sig);
    double mean = sum / N, sd = sqrt((sum2 / N - mean * mean) / N);
    ck_assert_msg(fabs(mean - es.value) <= 5.0 * sd + 1e-12,
                  "E[s'(z)]: exact %.8f, sampled %.8f (%.2f sigma)", es.value,
                  mean, (mean - es.value) / sd);
    satstat_exact_free(e);
}
END_TEST

/* Products with non-zero means and a uniform input: E z, E z² from the
 * expectation against the moments, and E[cos z] in closed form. */
START_TEST(products_with_means)
{
    satstat_exact *e;
    satstat_exact_law w1 = satstat_exact_normal(0.2, 0.5);
    satstat_exact_law x1 = satstat_exact_normal(1.0, 0.5);
    satstat_exact_law w2 = satstat_exact_uniform(-1.0, 1.0);
    satstat_exact_law x2 = satstat_exact_uniform(0.0, 2.0);
    satstat_exact_law b = satstat_exact_normal(0.0, 0.3);
    ck_assert_int_eq(satstat_exact_alloc(&e), SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_add_terms(e, &w1, &x1, 4), SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_add_terms(e, &w2, &x2, 2), SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_set_bias(e, &b), SATSTAT_OK);
    double mean, var;
    ck_assert_int_eq(satstat_exact_moments(e, &mean, &var), SATSTAT_OK);
    /* E(wx) = 0.2; Var(wx) = (0.25 + 0.04)(0.25 + 1) − 0.04 = 0.3225;
     * U(−1,1)·U(0,2): E = 0, Var = (1/3)(4/3) = 4/9 */
    ck_assert_abs(mean, 0.8, 1e-15);
    ck_assert_abs(var, 4 * 0.3225 + 2 * 4.0 / 9.0 + 0.09, 1e-12);
    satstat_exact_result r;
    ck_assert_int_eq(satstat_exact_expectation(e, sq_g, NULL, &r), SATSTAT_OK);
    ck_assert_abs(r.value, var + mean * mean, 1e-9);
    /* E[cos z]: with x ~ N(1, 0.25), w ~ N(0.2, 0.25):
     * E e^{iwx} = (1 + s_w²s_x²)^{−1/2} exp[(−s_w²μ_x²/2 + i m μ_x −
     * m² s_x²/2)/(1 + s_w² s_x²)]; E e^{iwx} for the uniforms =
     * E_x[sin(x)/x] = Si(2)/2. */
    double D = 1.0 + 0.25 * 0.25;
    double mod = pow(D, -0.5) * exp((-0.25 * 1.0 / 2 - 0.04 * 0.25 / 2) / D);
    double ph = 0.2 * 1.0 / D;
    double re4 = pow(mod, 4.0) * cos(4.0 * ph); /* Re (mod e^{iph})^4 */
    double si2 = 1.6054129768026948; /* Si(2), Abramowitz & Stegun table 5.1 */
    double u = pow(si2 / 2.0, 2.0) * exp(-0.5 * 0.09);
    ck_assert_int_eq(satstat_exact_expectation(e, cos_g, NULL, &r), SATSTAT_OK);
    ck_assert_result(r, re4 * u);
    satstat_exact_free(e);
}
END_TEST

/* ---- errors -------------------------------------------------------------------------- */

START_TEST(errors)
{
    satstat_exact *e = NULL;
    satstat_exact_result r;
    satstat_exact_law ok = satstat_exact_normal(0.0, 1.0);
    satstat_exact_law one = satstat_exact_constant(1.0);
    ck_assert_int_eq(satstat_exact_alloc(NULL), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_alloc(&e), SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_add_terms(NULL, &ok, &one, 1), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_add_terms(e, NULL, &one, 1), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_add_terms(e, &ok, NULL, 1), SATSTAT_EINVAL);
    satstat_exact_law bad[] = {
        satstat_exact_normal(0.0, -1.0),
        satstat_exact_normal(NAN, 1.0),
        satstat_exact_normal(0.0, INFINITY),
        satstat_exact_uniform(1.0, -1.0),
        satstat_exact_uniform(0.0, NAN),
        satstat_exact_truncnormal(0.0, 1.0, 2.0, 1.0),
        satstat_exact_truncnormal(0.0, 0.0, -1.0, 1.0),
        satstat_exact_truncnormal(0.0, 1.0, 50.0, 60.0), /* beyond 35 sd */
        satstat_exact_bernoulli(1.5),
        satstat_exact_bernoulli(-0.1),
        satstat_exact_constant(INFINITY),
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_int_eq(satstat_exact_add_terms(e, &bad[i], &one, 1),
                         SATSTAT_EINVAL);
        ck_assert_int_eq(satstat_exact_add_terms(e, &ok, &bad[i], 1),
                         SATSTAT_EINVAL);
        ck_assert_int_eq(satstat_exact_set_bias(e, &bad[i]), SATSTAT_EINVAL);
    }
    satstat_exact_law tn = satstat_exact_truncnormal(0.0, 1.0, -2.0, 2.0);
    ck_assert_int_eq(satstat_exact_add_terms(e, &tn, &tn, 1), SATSTAT_EINVAL);
    satstat_exact_law bern = satstat_exact_bernoulli(0.5);
    ck_assert_int_eq(satstat_exact_set_bias(e, &bern), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_add_terms(e, &ok, &one,
                                             SATSTAT_EXACT_MAX_COUNT + 1),
                     SATSTAT_ERANGE);
    ck_assert_int_eq(satstat_exact_add_terms(e, &ok, &one, 0), SATSTAT_OK);
    ck_assert_int_eq(satstat_exact_cdf(NULL, 0.0, &r), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_cdf(e, 0.0, NULL), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_cdf(e, NAN, &r), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_sf(e, NAN, &r), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_pdf(e, NAN, &r), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_interval(e, NAN, 1.0, &r), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_saturated_fraction(e, -1.0, &r), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_saturated_fraction(e, NAN, &r), SATSTAT_EINVAL);
    satstat_interval rev = {1.0, -1.0};
    ck_assert_int_eq(satstat_exact_region(e, &rev, 1, &r), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_region(e, NULL, 1, &r), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_expectation(e, NULL, NULL, &r), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_moments(e, NULL, NULL), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_normal_gap(e, NULL), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_get_info(NULL, NULL), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_point_mass(e, 0.0, NULL), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_law_from(NULL, &ok), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_from_config(NULL, NULL, NULL), SATSTAT_EINVAL);
    satstat_exact_free(e);
    satstat_exact_free(NULL);

    /* several point masses and nothing continuous, too many to enumerate:
     * constant weights times Bernoulli inputs with a constant bias */
    satstat_exact_law half = satstat_exact_constant(0.5);
    e = build1(half, bern, 200000, satstat_exact_constant(0.0));
    ck_assert_int_eq(satstat_exact_prepare(e), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_cdf(e, 0.0, &r), SATSTAT_EINVAL);
    satstat_exact_free(e);
}
END_TEST

/* A lattice that can be enumerated is exact; a constant law is a step. */
START_TEST(discrete_laws)
{
    satstat_exact_law bern = satstat_exact_bernoulli(0.25);
    satstat_exact *e = build1(satstat_exact_constant(0.5), bern, 8,
                              satstat_exact_constant(-1.0));
    for (int k = 0; k <= 8; k++) {
        double z = -1.0 + 0.5 * k, m;
        ck_assert_int_eq(satstat_exact_point_mass(e, z, &m), SATSTAT_OK);
        ck_assert_abs(m, gsl_ran_binomial_pdf((unsigned)k, 0.25, 8), 1e-15);
        satstat_exact_result F;
        ck_assert_int_eq(satstat_exact_cdf(e, z, &F), SATSTAT_OK);
        ck_assert_abs(F.value, gsl_cdf_binomial_P((unsigned)k, 0.25, 8), 1e-14);
    }
    satstat_exact_free(e);

    e = build1(satstat_exact_constant(2.0), satstat_exact_constant(3.0), 4,
               satstat_exact_constant(1.0));
    satstat_exact_result F;
    ck_assert_int_eq(satstat_exact_cdf(e, 24.999, &F), SATSTAT_OK);
    ck_assert_abs(F.value, 0.0, 0.0);
    ck_assert_int_eq(satstat_exact_cdf(e, 25.0, &F), SATSTAT_OK);
    ck_assert_abs(F.value, 1.0, 0.0);
    satstat_exact_gap gap;
    ck_assert_int_eq(satstat_exact_normal_gap(e, &gap), SATSTAT_OK);
    ck_assert_abs(gap.sup_cdf, 0.0, 0.0);
    satstat_exact_info info;
    ck_assert_int_eq(satstat_exact_get_info(e, &info), SATSTAT_OK);
    ck_assert_uint_eq(info.nodes, 0);
    ck_assert_abs(info.exact_mass, 1.0, 0.0);
    satstat_exact_free(e);
}
END_TEST


/* ---- the sphere law of an orthogonal row --------------------------------- */

static double sph_G(double y)
{
    return y * gsl_cdf_ugaussian_P(y) + gsl_ran_ugaussian_pdf(y);
}

static double square_g(double z, void *ctx)
{
    (void)ctx;
    return z * z;
}

static double fourth_g(double z, void *ctx)
{
    (void)ctx;
    return z * z * z * z;
}

/* Known answers not from the library's own formulas:
 *  - m = 3: T is uniform on [−1, 1] (Archimedes' hat-box theorem), so with
 *    a N(0, 1) bias z = c·U + b has the normal + uniform CDF above,
 *    F(z) = [G(z + c) − G(z − c)]/(2c), density [Φ(z + c) − Φ(z − c)]/(2c);
 *  - no bias: T² ~ Beta(½, (m − 1)/2), so P(|z| ≥ t) = I_{1−(t/c)²}((m−1)/2, ½)
 *    (GSL's regularized incomplete beta);
 *  - m = 2: the arcsine law, P(|T| ≥ s) = 1 − (2/π) asin s;
 *  - moments: E T² = 1/m, E T⁴ = 3/(m(m + 2)). */
START_TEST(sphere_law)
{
    satstat_exact *e;
    satstat_exact_result r;
    satstat_exact_law b = satstat_exact_normal(0.0, 1.0);
    ck_assert_int_eq(satstat_exact_alloc(&e), 0);
    ck_assert_int_eq(satstat_exact_set_sphere(e, 2.0, 3), 0);
    ck_assert_int_eq(satstat_exact_set_bias(e, &b), 0);
    for (double z = -6.0; z <= 6.0; z += 0.75) {
        ck_assert_int_eq(satstat_exact_cdf(e, z, &r), 0);
        ck_assert_double_eq_tol(r.value, (sph_G(z + 2.0) - sph_G(z - 2.0)) / 4.0, 1e-12);
        ck_assert(r.abserr < 1e-10);
        ck_assert_int_eq(satstat_exact_sf(e, z, &r), 0);
        ck_assert_double_eq_tol(r.value, (sph_G(-z + 2.0) - sph_G(-z - 2.0)) / 4.0, 1e-12);
        ck_assert_int_eq(satstat_exact_pdf(e, z, &r), 0);
        ck_assert_double_eq_tol(r.value,
                                (gsl_cdf_ugaussian_P(z + 2.0) - gsl_cdf_ugaussian_P(z - 2.0)) / 4.0,
                                1e-12);
    }
    ck_assert_int_eq(satstat_exact_expectation(e, square_g, NULL, &r), 0);
    ck_assert_double_eq_tol(r.value, 4.0 / 3.0 + 1.0, 1e-10);
    /* no terms may be added to a sphere law */
    satstat_exact_law one = satstat_exact_constant(1.0);
    ck_assert_int_eq(satstat_exact_add_terms(e, &b, &one, 3), SATSTAT_EINVAL);
    satstat_exact_free(e);

    static const uint64_t dims[] = {3, 4, 10, 50, 500, 1000, 100000};
    for (size_t i = 0; i < sizeof dims / sizeof *dims; i++) {
        double m = (double)dims[i], c = sqrt(m) * 0.9;
        ck_assert_int_eq(satstat_exact_alloc(&e), 0);
        ck_assert_int_eq(satstat_exact_set_sphere(e, c, dims[i]), 0);
        for (double t = 0.25; t < c; t += c / 7.0) {
            double s = t / c;
            ck_assert_int_eq(satstat_exact_saturated_fraction(e, t, &r), 0);
            ck_assert_double_eq_tol(r.value, gsl_sf_beta_inc(0.5 * (m - 1.0), 0.5, 1.0 - s * s),
                                    1e-12);
        }
        double mean, var;
        ck_assert_int_eq(satstat_exact_moments(e, &mean, &var), 0);
        ck_assert_double_eq_tol(var, c * c / m, 1e-14 * c * c);
        ck_assert_int_eq(satstat_exact_expectation(e, square_g, NULL, &r), 0);
        ck_assert_double_eq_tol(r.value, c * c / m, 1e-10 * c * c);
        ck_assert_int_eq(satstat_exact_expectation(e, fourth_g, NULL, &r), 0);
        ck_assert_double_eq_tol(r.value, 3.0 * pow(c, 4) / (m * (m + 2.0)), 1e-9 * pow(c, 4) / (m * m));
        satstat_exact_free(e);
    }

    ck_assert_int_eq(satstat_exact_alloc(&e), 0);
    ck_assert_int_eq(satstat_exact_set_sphere(e, 1.0, 2), 0);
    for (double s = 0.1; s < 1.0; s += 0.2) {
        ck_assert_int_eq(satstat_exact_saturated_fraction(e, s, &r), 0);
        ck_assert_double_eq_tol(r.value, 1.0 - 2.0 / M_PI * asin(s), 1e-12);
    }
    ck_assert_int_eq(satstat_exact_set_sphere(e, 1.0, 1), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_set_sphere(e, 0.0, 5), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_exact_set_sphere(e, NAN, 5), SATSTAT_EINVAL);
    satstat_exact_free(e);
}
END_TEST

/* The seed layer, orthogonal: 500 inputs on of 1000, n_out 100, N(0, 1)
 * bias: z = ‖x‖T + b with ‖x‖ = √500 and T on S^999; Var z = 1.5.  The
 * config route gives the same law as the direct one, with uniform and
 * constant biases too. */
START_TEST(sphere_from_config)
{
    satstat_config c;
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_config_default(&c);
    ck_assert_int_eq(satstat_scheme_parse_list("orthogonal:1.5", c.schemes, SATSTAT_MAX_SCHEMES,
                                               &c.n_schemes, msg, sizeof msg), 0);
    static const char *biases[] = {"normal:1", "uniform:0.7", "const:0.3", "zero"};
    for (size_t i = 0; i < 4; i++) {
        ck_assert_int_eq(satstat_bias_parse(biases[i], &c.bias, msg, sizeof msg), 0);
        ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
        satstat_exact *e, *d;
        ck_assert_int_eq(satstat_exact_from_config(&c, &c.schemes[0], &e), 0);
        ck_assert_int_eq(satstat_exact_alloc(&d), 0);
        ck_assert_int_eq(satstat_exact_set_sphere(d, 1.5 * sqrt(500.0), 1000), 0);
        satstat_exact_law bl;
        ck_assert_int_eq(satstat_exact_law_from(&c.bias.law, &bl), 0);
        ck_assert_int_eq(satstat_exact_set_bias(d, &bl), 0);
        double m1, v1, m2, v2;
        ck_assert_int_eq(satstat_exact_moments(e, &m1, &v1), 0);
        ck_assert_int_eq(satstat_exact_moments(d, &m2, &v2), 0);
        ck_assert(m1 == m2 && v1 == v2);
        ck_assert_double_eq_tol(v1, 2.25 * 0.5 + satstat_law_variance(&c.bias.law), 1e-14);
        for (double z = -5.0; z <= 5.0; z += 1.1) {
            satstat_exact_result r1, r2;
            ck_assert_int_eq(satstat_exact_cdf(e, z, &r1), 0);
            ck_assert_int_eq(satstat_exact_cdf(d, z, &r2), 0);
            ck_assert(r1.value == r2.value);
            ck_assert(r1.abserr < 1e-10);
            ck_assert_int_eq(satstat_exact_sf(e, z, &r2), 0);
            ck_assert_double_eq_tol(r1.value + r2.value, 1.0, 1e-12);
        }
        satstat_exact_free(e);
        satstat_exact_free(d);
    }
    /* random inputs: no sphere law (the rows share each input draw) */
    ck_assert_int_eq(satstat_inputs_parse("normal:1", &c.inputs, msg, sizeof msg), 0);
    satstat_exact *e = (satstat_exact *)&c; /* must be reset to NULL */
    ck_assert_int_eq(satstat_exact_from_config(&c, &c.schemes[0], &e), SATSTAT_EINVAL);
    ck_assert_ptr_null(e);
}
END_TEST


/* ---- far tails: relative accuracy ----------------------------------------------- */

/* value within `rel` of want, relatively, and within its own bound */
#define ck_assert_rel(r, want, rel)                                          \
    do {                                                                     \
        satstat_exact_result r_ = (r);                                       \
        double w_ = (want);                                                  \
        ck_assert_msg(fabs(r_.value - w_) <= (rel) * w_,                     \
                      "%s = %.17g, expected %.17g (rel. error %.3g)", #r,    \
                      r_.value, w_, fabs(r_.value - w_) / w_);               \
        ck_assert_msg(fabs(r_.value - w_) <= r_.abserr,                      \
                      "%s = %.17g, expected %.17g: error %.3g beyond its "   \
                      "bound %.3g", #r, r_.value, w_, fabs(r_.value - w_),   \
                      r_.abserr);                                            \
        ck_assert_msg(r_.relerr <= (rel) && r_.digits >= 8,                  \
                      "%s: relative bound %.3g, %d digits", #r, r_.relerr,   \
                      r_.digits);                                            \
    } while (0)

START_TEST(far_tails_uniform)
{
    size_t nref = sizeof far_tail_refs / sizeof far_tail_refs[0];
    double smallest = 1.0;
    for (size_t i = 0; i < nref; i++) {
        const struct far_tail_ref *f = &far_tail_refs[i];
        satstat_exact_law bias = f->bias == 'U' ? satstat_exact_uniform(-f->h, f->h)
                                                : satstat_exact_normal(0.0, f->s);
        satstat_exact *e = build1(satstat_exact_uniform(-f->h, f->h),
                                  satstat_exact_constant(1.0), f->m, bias);
        satstat_exact_result r;
        ck_assert_int_eq(satstat_exact_sf(e, f->t, &r), SATSTAT_OK);
        ck_assert_rel(r, f->p, 1e-8);
        /* the law is symmetric: the lower tail through the CDF, and both
         * in the saturated fraction */
        ck_assert_int_eq(satstat_exact_cdf(e, -f->t, &r), SATSTAT_OK);
        ck_assert_rel(r, f->p, 1e-8);
        if (f->p < 0.25) {
            ck_assert_int_eq(satstat_exact_saturated_fraction(e, f->t, &r), SATSTAT_OK);
            ck_assert_rel(r, 2.0 * f->p, 1e-8);
        }
        smallest = f->p < smallest ? f->p : smallest;
        satstat_exact_free(e);
    }
    /* the references reach the end of the double range */
    ck_assert(smallest < 1e-280);

    /* the same law as the program builds it, --scheme he-uniform
     * --threshold 12 (n_in 1000, 500 active inputs, N(0, 1) bias): the
     * analytic side carries the far tail with its digits and bound */
    const struct far_tail_ref *he = NULL;
    for (size_t i = 0; i < nref; i++)
        if (far_tail_refs[i].bias == 'N' && far_tail_refs[i].t == 12.0 &&
            far_tail_refs[i].h == sqrt(6.0 / 1000.0))
            he = &far_tail_refs[i];
    ck_assert_ptr_nonnull(he);
    satstat_config cfg;
    satstat_config_default(&cfg);
    cfg.threshold = 12.0;
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_config_validate(&cfg, NULL, msg, sizeof msg), SATSTAT_OK);
    satstat_scheme sch;
    ck_assert_int_eq(satstat_scheme_parse("he-uniform", &sch, msg, sizeof msg), SATSTAT_OK);
    satstat_analytic a;
    ck_assert_int_eq(satstat_analytic_compute(&cfg, &sch, &a), SATSTAT_OK);
    ck_assert_int_eq(a.law, SATSTAT_Z_EXACT);
    ck_assert_msg(fabs(a.saturated_fraction - 2.0 * he->p) <= 1e-8 * 2.0 * he->p,
                  "he-uniform P(|z| >= 12) = %.17g, expected %.17g",
                  a.saturated_fraction, 2.0 * he->p);
    ck_assert(a.exact_abserr <= 1e-8 * a.saturated_fraction);
    ck_assert(satstat_exact_digits(a.saturated_fraction, a.exact_abserr) >= 8);
    /* the normal approximation overestimates this tail (issue: the sign
     * of its error came out wrong when the tail was rounding noise) */
    ck_assert(a.normal_saturated_fraction > a.saturated_fraction);
    ck_assert(a.mean_activation_derivative_abserr > 0.0 &&
              a.mean_activation_derivative_abserr < 1e-8);
    ck_assert(a.excess_kurtosis_abserr > 0.0 && a.excess_kurtosis_abserr < 1e-6);
    ck_assert(satstat_exact_digits(a.excess_kurtosis, a.excess_kurtosis_abserr) < 15);
}
END_TEST

START_TEST(far_tails_closed_forms)
{
    satstat_exact_result r;
    /* n products w·x, w ~ N(0, 0.5²), x ~ N(0, 2²): the variance-gamma law
     * with s = 1, whose Bessel function K_{(n−1)/2} is elementary for even
     * n: n = 6, density (z² + 3|z| + 3) e^{−|z|}/16, P(z > t) =
     * (t² + 5t + 8) e^{−t}/16; n = 4, density (1 + |z|) e^{−|z|}/4,
     * P(z > t) = (t + 2) e^{−t}/4. */
    satstat_exact *e = build1(satstat_exact_normal(0.0, 0.5), satstat_exact_normal(0.0, 2.0),
                              6, satstat_exact_constant(0.0));
    for (double t = 10.0; t <= 690.0; t += 40.0) {
        double want = (t * t + 5.0 * t + 8.0) * exp(-t) / 16.0;
        ck_assert_int_eq(satstat_exact_sf(e, t, &r), SATSTAT_OK);
        ck_assert_rel(r, want, 1e-8);
        ck_assert_int_eq(satstat_exact_cdf(e, -t, &r), SATSTAT_OK);
        ck_assert_rel(r, want, 1e-8);
    }
    satstat_exact_free(e);
    /* n = 4: |φ| ~ t^{−4}, and the saddlepoint so close to the end of the
     * strip (θ → 1) that the shifted contour would need too many nodes:
     * the tail keeps the absolute error, and says so */
    e = build1(satstat_exact_normal(0.0, 0.5), satstat_exact_normal(0.0, 2.0), 4,
               satstat_exact_constant(0.0));
    for (double t = 10.0; t <= 690.0; t += 40.0) {
        double want = (t + 2.0) * exp(-t) / 4.0;
        ck_assert_int_eq(satstat_exact_sf(e, t, &r), SATSTAT_OK);
        ck_assert_msg(fabs(r.value - want) <= r.abserr && r.abserr < 1e-12,
                      "t = %g: %.17g, expected %.17g, bound %.3g", t, r.value,
                      want, r.abserr);
        ck_assert_int_eq(r.digits, satstat_exact_digits(r.value, r.abserr));
        if (want < 1e-3 * r.abserr)
            ck_assert_int_eq(r.digits, 0);
    }
    satstat_exact_free(e);

    /* Bernoulli(0.3) inputs on 40 N(0, 0.4²) weights, N(0.5, 1) bias:
     * given k active inputs z is normal, each term's tail from GSL's Q
     * (relatively accurate in the tail) */
    e = build1(satstat_exact_normal(0.0, 0.4), satstat_exact_bernoulli(0.3), 40,
               satstat_exact_normal(0.5, 1.0));
    const double ts[] = {6.0, 12.0, 25.0, 50.0};
    for (size_t j = 0; j < sizeof ts / sizeof ts[0]; j++) {
        double up = 0.0, down = 0.0;
        for (unsigned k = 0; k <= 40; k++) {
            double w = gsl_ran_binomial_pdf(k, 0.3, 40);
            double sd = sqrt(k * 0.16 + 1.0);
            up += w * gsl_cdf_gaussian_Q(ts[j] - 0.5, sd);
            down += w * gsl_cdf_gaussian_P(-ts[j] - 0.5, sd);
        }
        ck_assert_int_eq(satstat_exact_sf(e, ts[j], &r), SATSTAT_OK);
        ck_assert_rel(r, up, 1e-8);
        ck_assert_int_eq(satstat_exact_cdf(e, -ts[j], &r), SATSTAT_OK);
        ck_assert_rel(r, down, 1e-8);
        satstat_interval iv[2] = {{-INFINITY, -ts[j]}, {ts[j], INFINITY}};
        ck_assert_int_eq(satstat_exact_region(e, iv, 2, &r), SATSTAT_OK);
        ck_assert_rel(r, up + down, 1e-8);
    }
    satstat_exact_free(e);
}
END_TEST

START_TEST(far_tails_truncated)
{
    /* 500 weights N(0, 0.05²) truncated to ±2 sd (Keras, PyTorch), N(0, 1)
     * bias: the truncated normal's MGF by quadrature on the contour */
    satstat_exact *e = build1(satstat_exact_truncnormal(0.0, TRUNC_TAIL_SD, -2.0 * TRUNC_TAIL_SD,
                                                        2.0 * TRUNC_TAIL_SD),
                              satstat_exact_constant(1.0), TRUNC_TAIL_N,
                              satstat_exact_normal(0.0, 1.0));
    satstat_exact_result r;
    size_t nref = sizeof trunc_tail_refs / sizeof trunc_tail_refs[0];
    for (size_t i = 0; i < nref; i++) {
        double t = trunc_tail_refs[i][0], p = trunc_tail_refs[i][1];
        for (int side = 0; side < 2; side++) {
            if (side == 0)
                ck_assert_int_eq(satstat_exact_sf(e, t, &r), SATSTAT_OK);
            else
                ck_assert_int_eq(satstat_exact_cdf(e, -t, &r), SATSTAT_OK);
            if (p >= DBL_MIN) {
                ck_assert_rel(r, p, 1e-8);
            } else {
                /* below the normal range: a bound, not digits */
                ck_assert(fabs(r.value - p) <= r.abserr && r.abserr <= 2.0 * DBL_MIN);
                ck_assert_int_eq(r.digits, 0);
            }
        }
    }
    ck_assert(trunc_tail_refs[nref - 2][1] < 1e-280);
    satstat_exact_free(e);
}
END_TEST

/* Where the shifted contour does not apply (uniform weights times normal
 * inputs: a product whose MGF is not in closed form here), a far tail is
 * below the main inversion's absolute error: it must say so (digits 0, a
 * bound) rather than pass for a number. */
START_TEST(far_tails_bound_only)
{
    satstat_exact *e = build1(satstat_exact_uniform(-0.1, 0.1),
                              satstat_exact_normal(0.0, 1.0), 500,
                              satstat_exact_normal(0.0, 1.0));
    satstat_exact_result r;
    /* sd = √(500·0.01/3 + 1) ≈ 1.63, so 14 is 8.6 sd out: the normal
     * approximation's tail there is 4e-18, far below the inversion's
     * absolute error (the products' tails are heavier, but not by 1e4) */
    ck_assert_int_eq(satstat_exact_sf(e, 14.0, &r), SATSTAT_OK);
    ck_assert(r.abserr > 0.0 && r.abserr < 1e-9);
    ck_assert_int_eq(r.digits, 0);
    ck_assert(r.value <= r.abserr);
    ck_assert(r.relerr >= 0.5);
    /* in the body the same law has all its digits */
    ck_assert_int_eq(satstat_exact_sf(e, 1.0, &r), SATSTAT_OK);
    ck_assert(r.digits >= 10);
    satstat_exact_free(e);
}
END_TEST

START_TEST(digits)
{
    ck_assert_int_eq(satstat_exact_digits(1.23456, 1e-3), 3);
    ck_assert_int_eq(satstat_exact_digits(-0.0006, 7e-12), 7);
    ck_assert_int_eq(satstat_exact_digits(1e-7, 7e-12), 4);
    ck_assert_int_eq(satstat_exact_digits(9.9e-7, 7e-12), 4);
    ck_assert_int_eq(satstat_exact_digits(1e-6, 7e-12), 5);
    ck_assert_int_eq(satstat_exact_digits(0.5, 0.0), 15);
    ck_assert_int_eq(satstat_exact_digits(0.0, 1e-13), 0);
    ck_assert_int_eq(satstat_exact_digits(1e-20, 1e-13), 0);
    ck_assert_int_eq(satstat_exact_digits(0.3, 1e-13), 12);
    ck_assert_int_eq(satstat_exact_digits(NAN, 1e-13), 0);
    ck_assert_int_eq(satstat_exact_digits(0.3, INFINITY), 0);
}
END_TEST

static Suite *exact_suite(void)
{
    Suite *s = suite_create("exact");
    TCase *tc;

    tc = tcase_create("closed_forms");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, irwin_hall);
    tcase_add_test(tc, irwin_hall_bernoulli);
    tcase_add_test(tc, pure_normal);
    tcase_add_test(tc, huge_count);
    tcase_add_test(tc, normal_plus_uniform);
    tcase_add_test(tc, bernoulli_normal);
    tcase_add_test(tc, relu_region_with_atom);
    tcase_add_test(tc, variance_gamma);
    tcase_add_test(tc, truncated_normal_single);
    tcase_add_test(tc, products_with_means);
    tcase_add_test(tc, discrete_laws);
    tcase_add_test(tc, sphere_law);
    tcase_add_test(tc, sphere_from_config);
    suite_add_tcase(s, tc);

    tc = tcase_create("seed_and_sampling");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, seed_uniform);
    tcase_add_test(tc, monte_carlo_mixed);
    suite_add_tcase(s, tc);

    tc = tcase_create("far_tails");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, far_tails_uniform);
    tcase_add_test(tc, far_tails_closed_forms);
    tcase_add_test(tc, far_tails_truncated);
    tcase_add_test(tc, far_tails_bound_only);
    tcase_add_test(tc, digits);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_test(tc, errors);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(exact_suite)
