/* test_analytic.c — the analytic law of z (src/law/analytic.c).
 *
 * Known answers and where they come from:
 *  - Saturated fractions P(|z| ≥ t): doc/numerics.md ("Reference values",
 *    tests/ref/reference_values.py), with more digits from Python's
 *    math.erfc: P = erfc((t + μ)/(σ√2))/2 + erfc((t − μ)/(σ√2))/2 —
 *    independent of GSL.
 *  - Gaussian expectations of σ'(z) = e^{−|z|}/(1 + e^{−|z|})²: doc/numerics.md
 *    gives 0.017765 / 0.192763; the 16-digit values below are a trapezoid
 *    sum with numpy 1.24 (Python 3, float64), over z ∈ [max(μ − 40σ, −80),
 *    min(μ + 40σ, 80)] with 1e6 and 2e6 steps (the two agree to ≤ 3e-16
 *    relative; the trapezoid rule converges geometrically for smooth,
 *    rapidly decaying integrands, and σ'(±80) ≈ 2e-35 bounds the cut).
 *  - Var σ'(z) the same way, as the trapezoid sum of (σ'(z) − E σ')².
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/activation.h>
#include <satstat/analytic.h>
#include <satstat/error.h>
#include "common.h"

/* Quadrature is asked for 1e-10 relative; allow a few times that. */
#define QUAD_TOL 1e-9
/* GSL's normal CDF is accurate to a few ulps; allow some slack for the
 * tails, whose relative accuracy GSL does not guarantee to the last ulp. */
#define CDF_TOL (1000 * DBL_EPSILON)

#define ck_assert_rel(got, want, tol)                                        \
    do {                                                                     \
        double got_ = (got), want_ = (want), tol_ = (tol);                   \
        ck_assert_msg(fabs(got_ - want_) <= tol_ * fabs(want_),              \
                      "%s = %.17g, expected %.17g (rel. error %.3g > %.3g)", \
                      #got, got_, want_, fabs(got_ - want_) / fabs(want_),   \
                      tol_);                                                 \
    } while (0)

#define ck_assert_abs(got, want, tol)                                        \
    do {                                                                     \
        double got_ = (got), want_ = (want), tol_ = (tol);                   \
        ck_assert_msg(fabs(got_ - want_) <= tol_,                            \
                      "%s = %.17g, expected %.17g (abs. error %.3g > %.3g)", \
                      #got, got_, want_, fabs(got_ - want_), tol_);          \
    } while (0)

/* ---- a test-local activation row (independent of activation.c) ---------- */

static double t_sigmoid(double z) { return 1.0 / (1.0 + exp(-z)); }

/* σ'(z) = σ(z)(1 − σ(z)) = e^{−|z|}/(1 + e^{−|z|})², even, no overflow. */
static double t_dsigmoid(double z)
{
    double e = exp(-fabs(z));
    return e / ((1.0 + e) * (1.0 + e));
}

static const satstat_activation t_sigmoid_row = {
    .name = "sigmoid", .phi = t_sigmoid, .dphi = t_dsigmoid, .dphi_max = 0.25,
    .saturation = "|z| >= T"};

/* ---- hand-built configurations ------------------------------------------ */

/* The seed experiment (README, doc/numerics.md): n_in 1000, the first 500 inputs 1, bias
 * N(0, 1), sigmoid, T = 4. */
static void seed_config(satstat_config *c)
{
    memset(c, 0, sizeof *c);
    c->n_in = 1000;
    c->n_out = 100;
    c->inputs.kind = SATSTAT_INPUTS_HALF;
    c->inputs.active = 500;
    strcpy(c->inputs.canonical, "half");
    c->bias.law.family = SATSTAT_FAMILY_NORMAL;
    c->bias.law.a = 0.0;
    c->bias.law.b = 1.0;
    strcpy(c->bias.canonical, "normal:1");
    c->activation = &t_sigmoid_row;
    c->threshold = 4.0;
    c->samples = 1000000;
    c->seed = 1;
    c->alpha = 0.001;
}

static satstat_scheme make_scheme(satstat_scheme_kind kind, double param,
                                  const char *canonical)
{
    satstat_scheme s;
    memset(&s, 0, sizeof s);
    s.kind = kind;
    s.param = param;
    strcpy(s.canonical, canonical);
    return s;
}

static void set_bias(satstat_config *c, satstat_family family, double a,
                     double b)
{
    c->bias.law.family = family;
    c->bias.law.a = a;
    c->bias.law.b = b;
}

/* ---- satstat_normal_saturated_fraction ----------------------------------- */

START_TEST(fraction_reference)
{
    double s501 = sqrt(501.0), s15 = sqrt(1.5);
    /* doc/numerics.md: 0.858168 / 0.0010908 at T = 4. */
    ck_assert_abs(satstat_normal_saturated_fraction(0, s501, 4), 0.858168,
                  5e-7);
    ck_assert_abs(satstat_normal_saturated_fraction(0, s15, 4), 0.0010908,
                  5e-8);
    /* Python math.erfc (see the header comment); doc/numerics.md gives the
     * first 10 digits of the T = 2 and T = 5 values. */
    ck_assert_rel(satstat_normal_saturated_fraction(0, s501, 4),
                  0.8581679133042235, CDF_TOL);
    ck_assert_rel(satstat_normal_saturated_fraction(0, s15, 4),
                  0.0010908351761252963, CDF_TOL);
    ck_assert_rel(satstat_normal_saturated_fraction(0, s501, 2),
                  0.9288010484804026, CDF_TOL);
    ck_assert_rel(satstat_normal_saturated_fraction(0, s15, 2),
                  0.10247043485974938, CDF_TOL);
    ck_assert_rel(satstat_normal_saturated_fraction(0, s501, 5),
                  0.8232370249105614, CDF_TOL);
    ck_assert_rel(satstat_normal_saturated_fraction(0, s15, 5),
                  4.455709060405608e-05, CDF_TOL);
}
END_TEST

START_TEST(fraction_tails_and_shift)
{
    /* Both tails are computed directly: a fraction of 1.5e-23 keeps its
     * digits.  2 Q(10) = erfc(10/√2) = 1.5239706048321186e-23 (Python). */
    ck_assert_rel(satstat_normal_saturated_fraction(0, 1, 10),
                  1.5239706048321186e-23, CDF_TOL);
    /* Off-centre: μ = 3, σ = 2, t = 4:
     * erfc(7/(2√2))/2 + erfc(1/(2√2))/2 = 0.3087701678050224 (Python). */
    ck_assert_rel(satstat_normal_saturated_fraction(3, 2, 4),
                  0.3087701678050224, CDF_TOL);
    /* Symmetric in the mean. */
    ck_assert_rel(satstat_normal_saturated_fraction(-3, 2, 4),
                  satstat_normal_saturated_fraction(3, 2, 4), CDF_TOL);
    /* t = 0: every unit is saturated. */
    ck_assert_rel(satstat_normal_saturated_fraction(0.5, 2, 0), 1.0, CDF_TOL);
}
END_TEST

START_TEST(fraction_degenerate)
{
    /* sd = 0: the indicator of |mean| ≥ t. */
    ck_assert_double_eq(satstat_normal_saturated_fraction(3, 0, 4), 0.0);
    ck_assert_double_eq(satstat_normal_saturated_fraction(5, 0, 4), 1.0);
    ck_assert_double_eq(satstat_normal_saturated_fraction(-4, 0, 4), 1.0);
    ck_assert_double_eq(satstat_normal_saturated_fraction(0, 1, INFINITY),
                        0.0);
    /* Invalid arguments give NaN, never an abort. */
    ck_assert(isnan(satstat_normal_saturated_fraction(NAN, 1, 4)));
    ck_assert(isnan(satstat_normal_saturated_fraction(0, -1, 4)));
    ck_assert(isnan(satstat_normal_saturated_fraction(0, NAN, 4)));
    ck_assert(isnan(satstat_normal_saturated_fraction(0, 1, -1)));
    ck_assert(isnan(satstat_normal_saturated_fraction(0, 1, NAN)));
    ck_assert(isnan(satstat_normal_saturated_fraction(0, INFINITY, 4)));
}
END_TEST

/* ---- satstat_normal_expectation ------------------------------------------ */

static double f_square(double z, void *ctx)
{
    (void)ctx;
    return z * z;
}

static double f_identity(double z, void *ctx)
{
    (void)ctx;
    return z;
}

static double f_one(double z, void *ctx)
{
    (void)ctx;
    (void)z;
    return 1.0;
}

static double f_dsigmoid(double z, void *ctx)
{
    (void)ctx;
    return t_dsigmoid(z);
}

static double f_nan(double z, void *ctx)
{
    (void)ctx;
    (void)z;
    return NAN;
}

/* Counts calls through ctx, to check that ctx is passed through. */
static double f_counting(double z, void *ctx)
{
    ++*(long *)ctx;
    return z;
}

START_TEST(expectation_moments)
{
    static const double cases[][2] = {
        {0, 1}, {0, 22.38302928559939}, {0, 1.224744871391589}, {3, 0.5},
        {-7, 22.4},
        {100, 1e-3}, {0, 1e4}, {1e3, 10}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double mu = cases[i][0], sd = cases[i][1], r = -1;
        ck_assert_int_eq(satstat_normal_expectation(f_square, NULL, mu, sd,
                                                    &r),
                         SATSTAT_OK);
        ck_assert_rel(r, mu * mu + sd * sd, 1e-10);
        ck_assert_int_eq(satstat_normal_expectation(f_one, NULL, mu, sd, &r),
                         SATSTAT_OK);
        ck_assert_rel(r, 1.0, 1e-10);
        ck_assert_int_eq(satstat_normal_expectation(f_identity, NULL, mu, sd,
                                                    &r),
                         SATSTAT_OK);
        /* E z = μ; at μ = 0 the answer is 0, reached to ~1e-10 σ. */
        ck_assert_abs(r, mu, 1e-10 * (fabs(mu) + sd));
    }
}
END_TEST

/* E[σ'(z)] against the numpy trapezoid sums (header comment). */
START_TEST(expectation_sigmoid_prime)
{
    static const double cases[][3] = {
        /* μ, σ, E σ'(z) */
        {0, 22.38302928559939, 0.017765306310576098}, /* Var 501 */
        {0, 1.224744871391589, 0.19276269841939384},  /* Var 1.5 */
        {100, 22.4, 8.912094243607959e-07},
        {0, 1e4, 3.989422738390957e-05},
        {3, 1e-3, 0.04517667619644961},
        {-50, 1e3, 0.0003984432603215838},
        {30, 2.0, 6.914400106418151e-13},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double r = -1;
        ck_assert_int_eq(satstat_normal_expectation(f_dsigmoid, NULL,
                                                    cases[i][0], cases[i][1],
                                                    &r),
                         SATSTAT_OK);
        ck_assert_rel(r, cases[i][2], QUAD_TOL);
    }
    /* Var 501 and 1.5 exactly, against the reference values' digits. */
    double r = -1;
    ck_assert_int_eq(satstat_normal_expectation(f_dsigmoid, NULL, 0,
                                                sqrt(501.0), &r),
                     SATSTAT_OK);
    ck_assert_abs(r, 0.017765, 5e-7);
    ck_assert_int_eq(satstat_normal_expectation(f_dsigmoid, NULL, 0,
                                                sqrt(1.5), &r),
                     SATSTAT_OK);
    ck_assert_abs(r, 0.192763, 5e-7);
    /* Deep in the tail of σ': E σ'(z) at μ = 88.83, σ = 2.91881 is about
     * e^{−μ + σ²/2}; numpy trapezoid over [−200, 200], 4e6 steps. */
    ck_assert_int_eq(satstat_normal_expectation(f_dsigmoid, NULL, 88.83,
                                                2.91881, &r),
                     SATSTAT_OK);
    ck_assert_rel(r, 1.868945464041537e-37, QUAD_TOL);
    /* Far from the bump: e^{-1e6} underflows, the answer is 0. */
    ck_assert_int_eq(satstat_normal_expectation(f_dsigmoid, NULL, 1e6, 1.0,
                                                &r),
                     SATSTAT_OK);
    ck_assert_abs(r, 0.0, 1e-300);
}
END_TEST

/* A unit-wide bump far out in a very wide law: at μ = −1e8, σ = 1e8 the
 * law's density is flat across the bump, so E σ'(z) = φ(1)/σ ∫σ' =
 * φ(1)/σ and E sech²(z) = 2 φ(1)/σ, to relative O(σ^-2) (Taylor
 * expansion of the density; φ(1) = e^{-1/2}/√(2π) by Python).  Writing
 * z = μ + σu, z near 0 is only known to ulp(1e8) = 1.5e-8 and the
 * quadrature cannot converge; this checks that the sum is done in z. */
static double f_dtanh(double z, void *ctx)
{
    (void)ctx;
    double e = exp(-2.0 * fabs(z));
    return 4.0 * e / ((1.0 + e) * (1.0 + e));
}

START_TEST(expectation_wide_law)
{
    double r = -1;
    ck_assert_int_eq(satstat_normal_expectation(f_dsigmoid, NULL, -1e8, 1e8,
                                                &r),
                     SATSTAT_OK);
    ck_assert_rel(r, 2.4197072451914337e-09, QUAD_TOL);
    ck_assert_int_eq(satstat_normal_expectation(f_dtanh, NULL, -1e8, 1e8,
                                                &r),
                     SATSTAT_OK);
    ck_assert_rel(r, 4.8394144903828675e-09, QUAD_TOL);
    ck_assert_int_eq(satstat_normal_expectation(f_dtanh, NULL, 1e8, 1e8,
                                                &r),
                     SATSTAT_OK);
    ck_assert_rel(r, 4.8394144903828675e-09, QUAD_TOL);
}
END_TEST

START_TEST(expectation_degenerate_and_errors)
{
    double r = -1;
    long calls = 0;
    /* sd = 0: f(mean), ctx passed through. */
    ck_assert_int_eq(satstat_normal_expectation(f_square, NULL, 3, 0, &r),
                     SATSTAT_OK);
    ck_assert_double_eq(r, 9.0);
    ck_assert_int_eq(satstat_normal_expectation(f_counting, &calls, 3, 0, &r),
                     SATSTAT_OK);
    ck_assert_int_eq(calls, 1);
    ck_assert_int_eq(satstat_normal_expectation(f_counting, &calls, 0, 1, &r),
                     SATSTAT_OK);
    ck_assert(calls > 1);

    r = -1;
    ck_assert_int_eq(satstat_normal_expectation(NULL, NULL, 0, 1, &r),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_normal_expectation(f_square, NULL, 0, 1, NULL),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_normal_expectation(f_square, NULL, 0, -1, &r),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_normal_expectation(f_square, NULL, NAN, 1, &r),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_normal_expectation(f_square, NULL, 0, INFINITY,
                                                &r),
                     SATSTAT_EINVAL);
    ck_assert_double_eq(r, -1.0); /* untouched on error */
    /* A non-finite integrand is a numerical failure, not a crash. */
    ck_assert_int_eq(satstat_normal_expectation(f_nan, NULL, 0, 1, &r),
                     SATSTAT_ENUMERIC);
    ck_assert_int_eq(satstat_normal_expectation(f_nan, NULL, 0, 0, &r),
                     SATSTAT_ENUMERIC);
    ck_assert_double_eq(r, -1.0);
}
END_TEST

/* ---- satstat_analytic_compute --------------------------------------------- */

START_TEST(compute_seed_standard)
{
    satstat_config c;
    seed_config(&c);
    satstat_scheme s = make_scheme(SATSTAT_SCHEME_STANDARD, 0, "standard");
    satstat_analytic a;
    ck_assert_int_eq(satstat_analytic_compute(&c, &s, &a), SATSTAT_OK);
    ck_assert_double_eq(a.weight_mean, 0.0);
    ck_assert_rel(a.weight_variance, 1.0, 4 * DBL_EPSILON);
    ck_assert_rel(a.sum_sq_inputs, 500.0, 4 * DBL_EPSILON);
    ck_assert_double_eq(a.mean, 0.0);
    ck_assert_rel(a.variance, 501.0, 4 * DBL_EPSILON); /* doc/numerics.md */
    ck_assert_int_eq(a.law, SATSTAT_Z_NORMAL);
    ck_assert_double_eq(a.threshold, 4.0);
    ck_assert_rel(a.saturated_fraction, 0.8581679133042235, CDF_TOL);
    ck_assert_rel(a.mean_activation_derivative, 0.017765306310576098,
                  QUAD_TOL);
    ck_assert_rel(a.activation_derivative_variance, 0.0026511498191092034,
                  QUAD_TOL);
}
END_TEST

START_TEST(compute_seed_scaled)
{
    satstat_config c;
    seed_config(&c);
    satstat_scheme s = make_scheme(SATSTAT_SCHEME_SCALED, 0, "scaled");
    satstat_analytic a;
    ck_assert_int_eq(satstat_analytic_compute(&c, &s, &a), SATSTAT_OK);
    ck_assert_rel(a.weight_variance, 1e-3, 4 * DBL_EPSILON);
    ck_assert_double_eq(a.mean, 0.0);
    ck_assert_rel(a.variance, 1.5, 4 * DBL_EPSILON); /* doc/numerics.md */
    ck_assert_int_eq(a.law, SATSTAT_Z_NORMAL);
    ck_assert_rel(a.saturated_fraction, 0.0010908351761252963, 1e-12);
    ck_assert_rel(a.mean_activation_derivative, 0.19276269841939384,
                  QUAD_TOL);
    ck_assert_rel(a.activation_derivative_variance, 0.003201680314896621,
                  QUAD_TOL);
}
END_TEST

START_TEST(compute_threshold)
{
    /* doc/numerics.md: thresholds 2 and 5 under both schemes. */
    static const struct {
        satstat_scheme_kind kind;
        const char *name;
        double t, want;
    } cases[] = {
        {SATSTAT_SCHEME_STANDARD, "standard", 2, 0.9288010484804026},
        {SATSTAT_SCHEME_STANDARD, "standard", 5, 0.8232370249105614},
        {SATSTAT_SCHEME_SCALED, "scaled", 2, 0.10247043485974938},
        {SATSTAT_SCHEME_SCALED, "scaled", 5, 4.455709060405608e-05},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        satstat_config c;
        seed_config(&c);
        c.threshold = cases[i].t;
        satstat_scheme s = make_scheme(cases[i].kind, 0, cases[i].name);
        satstat_analytic a;
        ck_assert_int_eq(satstat_analytic_compute(&c, &s, &a), SATSTAT_OK);
        ck_assert_double_eq(a.threshold, cases[i].t);
        /* 1e-12: the scheme module may round 1/n_in by an ulp. */
        ck_assert_rel(a.saturated_fraction, cases[i].want, 1e-12);
    }
}
END_TEST

START_TEST(compute_constant_law)
{
    satstat_config c;
    seed_config(&c);
    satstat_scheme s = make_scheme(SATSTAT_SCHEME_STANDARD, 0, "standard");
    satstat_analytic a;

    /* No input on, bias const 3: z ≡ 3, below T = 4. */
    c.inputs.active = 0;
    set_bias(&c, SATSTAT_FAMILY_CONSTANT, 3.0, 0.0);
    ck_assert_int_eq(satstat_analytic_compute(&c, &s, &a), SATSTAT_OK);
    ck_assert_int_eq(a.law, SATSTAT_Z_CONSTANT);
    ck_assert_double_eq(a.mean, 3.0);
    ck_assert_double_eq(a.variance, 0.0);
    ck_assert_double_eq(a.saturated_fraction, 0.0);
    ck_assert_double_eq(a.mean_activation_derivative, t_dsigmoid(3.0));
    ck_assert_double_eq(a.activation_derivative_variance, 0.0);

    /* const 5: saturated. */
    set_bias(&c, SATSTAT_FAMILY_CONSTANT, 5.0, 0.0);
    ck_assert_int_eq(satstat_analytic_compute(&c, &s, &a), SATSTAT_OK);
    ck_assert_int_eq(a.law, SATSTAT_Z_CONSTANT);
    ck_assert_double_eq(a.saturated_fraction, 1.0);
    ck_assert_double_eq(a.mean_activation_derivative, t_dsigmoid(5.0));

    /* const −4: |z| = T counts as saturated (|z| ≥ T). */
    set_bias(&c, SATSTAT_FAMILY_CONSTANT, -4.0, 0.0);
    ck_assert_int_eq(satstat_analytic_compute(&c, &s, &a), SATSTAT_OK);
    ck_assert_double_eq(a.saturated_fraction, 1.0);

    /* Zero bias (a constant 0): z ≡ 0, φ'(0) = 1/4. */
    set_bias(&c, SATSTAT_FAMILY_CONSTANT, 0.0, 0.0);
    ck_assert_int_eq(satstat_analytic_compute(&c, &s, &a), SATSTAT_OK);
    ck_assert_int_eq(a.law, SATSTAT_Z_CONSTANT);
    ck_assert_double_eq(a.mean, 0.0);
    ck_assert_double_eq(a.saturated_fraction, 0.0);
    ck_assert_double_eq(a.mean_activation_derivative, 0.25);
}
END_TEST

START_TEST(compute_law_kinds)
{
    satstat_config c;
    satstat_analytic a;
    satstat_scheme normal = make_scheme(SATSTAT_SCHEME_NORMAL, 0.5,
                                        "normal:0.5");
    satstat_scheme uniform = make_scheme(SATSTAT_SCHEME_UNIFORM, 0.1,
                                         "uniform:0.1");

    /* normal:SIGMA weights, half inputs, normal bias: exactly normal,
     * Var z = 0.25 · 500 + 1. */
    seed_config(&c);
    ck_assert_int_eq(satstat_analytic_compute(&c, &normal, &a), SATSTAT_OK);
    ck_assert_int_eq(a.law, SATSTAT_Z_NORMAL);
    ck_assert_rel(a.variance, 126.0, 4 * DBL_EPSILON);

    /* normal weights with a constant bias: still exact. */
    set_bias(&c, SATSTAT_FAMILY_CONSTANT, 0.5, 0.0);
    ck_assert_int_eq(satstat_analytic_compute(&c, &normal, &a), SATSTAT_OK);
    ck_assert_int_eq(a.law, SATSTAT_Z_NORMAL);
    ck_assert_double_eq(a.mean, 0.5);
    ck_assert_rel(a.variance, 125.0, 4 * DBL_EPSILON);

    /* uniform weights: a sum of uniforms is not normal; its exact law is
     * used (satstat/exact.h), with the normal approximation beside it.
     * Var U(−A, A) = A²/3, so Var z = 0.01/3 · 500 + 1. */
    seed_config(&c);
    ck_assert_int_eq(satstat_analytic_compute(&c, &uniform, &a), SATSTAT_OK);
    ck_assert_int_eq(a.law, SATSTAT_Z_EXACT);
    ck_assert(isfinite(a.normal_saturated_fraction));
    ck_assert(a.exact_abserr <= 1e-8);
    ck_assert_rel(a.variance, 0.01 / 3.0 * 500.0 + 1.0, 1e-14);

    /* uniform weights, but no input on: z = b is exactly normal. */
    c.inputs.active = 0;
    ck_assert_int_eq(satstat_analytic_compute(&c, &uniform, &a), SATSTAT_OK);
    ck_assert_int_eq(a.law, SATSTAT_Z_NORMAL);
    ck_assert_rel(a.variance, 1.0, 4 * DBL_EPSILON);

    /* normal weights, uniform bias U(−1, 1): approximation. */
    seed_config(&c);
    set_bias(&c, SATSTAT_FAMILY_UNIFORM, -1.0, 1.0);
    ck_assert_int_eq(satstat_analytic_compute(&c, &normal, &a), SATSTAT_OK);
    ck_assert_int_eq(a.law, SATSTAT_Z_EXACT);
    ck_assert_rel(a.variance, 125.0 + 1.0 / 3.0, 1e-14);

    /* Bernoulli inputs: z is a normal mixture, approximation. */
    seed_config(&c);
    c.inputs.kind = SATSTAT_INPUTS_BERNOULLI;
    c.inputs.p = 0.3;
    c.inputs.active = 0;
    strcpy(c.inputs.canonical, "bernoulli:0.3");
    ck_assert_int_eq(satstat_analytic_compute(&c, &normal, &a), SATSTAT_OK);
    ck_assert_int_eq(a.law, SATSTAT_Z_EXACT);

    /* bernoulli:1 inputs are always 1 and bernoulli:0 always 0: no input
     * variance, so z is exactly normal again. */
    c.inputs.p = 1.0;
    strcpy(c.inputs.canonical, "bernoulli:1");
    ck_assert_int_eq(satstat_analytic_compute(&c, &normal, &a), SATSTAT_OK);
    ck_assert_int_eq(a.law, SATSTAT_Z_NORMAL);
    ck_assert_rel(a.variance, 0.25 * 1000.0 + 1.0, 4 * DBL_EPSILON);
    c.inputs.p = 0.0;
    strcpy(c.inputs.canonical, "bernoulli:0");
    ck_assert_int_eq(satstat_analytic_compute(&c, &uniform, &a), SATSTAT_OK);
    ck_assert_int_eq(a.law, SATSTAT_Z_NORMAL);
    ck_assert_rel(a.variance, 1.0, 4 * DBL_EPSILON);
}
END_TEST

START_TEST(compute_random_inputs)
{
    /* bernoulli:0.3, n_in 1000, normal:1 weights, N(0,1) bias:
     * Σ E[x²] = 1000 · 0.3 = 300, Var z = 1 · 300 + 1 = 301 (the moments formula of doc/numerics.md:
     * "Σ x_j² becomes n_in · E[x²]"; μ_w = 0, so no μ_w² n_in Var x term). */
    satstat_config c;
    seed_config(&c);
    c.inputs.kind = SATSTAT_INPUTS_BERNOULLI;
    c.inputs.p = 0.3;
    c.inputs.active = 0;
    strcpy(c.inputs.canonical, "bernoulli:0.3");
    satstat_scheme s = make_scheme(SATSTAT_SCHEME_NORMAL, 1.0, "normal:1");
    satstat_analytic a;
    ck_assert_int_eq(satstat_analytic_compute(&c, &s, &a), SATSTAT_OK);
    ck_assert_rel(a.sum_sq_inputs, 300.0, 1e-14);
    ck_assert_double_eq(a.mean, 0.0);
    ck_assert_rel(a.variance, 301.0, 1e-14);
    ck_assert_int_eq(a.law, SATSTAT_Z_EXACT);
    /* The normal approximation's fraction is that of N(0, 301); the
     * exact one, of the mixture over the Binomial(1000, 0.3) count K of
     * active inputs of N(0, K + 1), is close to it. */
    ck_assert_rel(a.normal_saturated_fraction,
                  satstat_normal_saturated_fraction(0, sqrt(301.0), 4),
                  1e-12);
    ck_assert(fabs(a.saturated_fraction - a.normal_saturated_fraction) < 1e-3);
}
END_TEST

/* The library's own activation rows (activation.c) give the same answers
 * as the test-local sigmoid; tanh'(z) = sech²(z) against numpy trapezoid
 * sums computed as in the header comment but over z ∈ [−200, 200] (agreeing
 * to 1e-16 at 2e6 and 4e6 steps).  the mean-field reference gives E[tanh'] ≈ 0.53 at Var 1.5. */
START_TEST(compute_library_activations)
{
    static const struct {
        const char *act;
        satstat_scheme_kind kind;
        const char *name;
        double mean_d, var_d;
    } cases[] = {
        {"sigmoid", SATSTAT_SCHEME_STANDARD, "standard",
         0.017765306310576098, 0.0026511498191092034},
        {"sigmoid", SATSTAT_SCHEME_SCALED, "scaled",
         0.19276269841939384, 0.003201680314896621},
        {"tanh", SATSTAT_SCHEME_STANDARD, "standard",
         0.03561764373909259, 0.022488308729977174},
        {"tanh", SATSTAT_SCHEME_SCALED, "scaled",
         0.5317117894693862, 0.11215215587362866},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        satstat_config c;
        seed_config(&c);
        c.activation = satstat_activation_find(cases[i].act);
        ck_assert_ptr_nonnull(c.activation);
        satstat_scheme s = make_scheme(cases[i].kind, 0, cases[i].name);
        satstat_analytic a;
        ck_assert_int_eq(satstat_analytic_compute(&c, &s, &a), SATSTAT_OK);
        ck_assert_rel(a.mean_activation_derivative, cases[i].mean_d,
                      QUAD_TOL);
        ck_assert_rel(a.activation_derivative_variance, cases[i].var_d,
                      QUAD_TOL);
    }
}
END_TEST

/* Saturation rules: the analytic fraction integrates the rule's region. */
START_TEST(compute_saturation_rules)
{
    satstat_config c;
    satstat_analytic a;
    satstat_scheme scaled = make_scheme(SATSTAT_SCHEME_SCALED, 0, "scaled");
    satstat_scheme standard = make_scheme(SATSTAT_SCHEME_STANDARD, 0, "standard");
    double sd = sqrt(1.5), t;

    /* sigmoid deriv:0.1: σ' ≤ 0.1/4 ⇔ |z| ≥ 2 acosh(√10) */
    seed_config(&c);
    c.activation = satstat_activation_find("sigmoid");
    ck_assert_int_eq(satstat_saturation_parse("deriv:0.1", &c.saturation, NULL, 0), 0);
    ck_assert_int_eq(satstat_analytic_compute(&c, &scaled, &a), SATSTAT_OK);
    t = 2.0 * acosh(sqrt(10.0));
    ck_assert_rel(a.region.above, t, 1e-13);
    ck_assert_rel(a.region.below, -t, 1e-13);
    ck_assert_rel(a.saturated_fraction, satstat_normal_saturated_fraction(0.0, sd, t),
                  1e-13);

    /* tanh output:0.01: |z| ≥ atanh(0.99) */
    c.activation = satstat_activation_find("tanh");
    ck_assert_int_eq(satstat_saturation_parse("output:0.01", &c.saturation, NULL, 0), 0);
    ck_assert_int_eq(satstat_analytic_compute(&c, &scaled, &a), SATSTAT_OK);
    t = atanh(0.99);
    ck_assert_rel(a.region.above, t, 1e-13);
    ck_assert_rel(a.saturated_fraction, satstat_normal_saturated_fraction(0.0, sd, t),
                  1e-12);

    /* relu: the dead fraction P(z ≤ 0) is 1/2 for zero-mean z, whatever
     * its variance */
    c.activation = satstat_activation_find("relu");
    c.saturation.kind = SATSTAT_SATURATION_DEFAULT;
    ck_assert_int_eq(satstat_analytic_compute(&c, &scaled, &a), SATSTAT_OK);
    ck_assert(a.region.below == 0.0 && a.region.above == INFINITY);
    ck_assert_double_eq(a.saturated_fraction, 0.5);
    ck_assert_int_eq(satstat_analytic_compute(&c, &standard, &a), SATSTAT_OK);
    ck_assert_double_eq(a.saturated_fraction, 0.5);
    /* ... and Φ(−μ/σ) with a mean: const:0.5 bias */
    set_bias(&c, SATSTAT_FAMILY_CONSTANT, 0.5, 0.0);
    ck_assert_int_eq(satstat_analytic_compute(&c, &scaled, &a), SATSTAT_OK);
    ck_assert_rel(a.saturated_fraction, 0.5 * erfc(0.5 / sqrt(0.5) / 1.4142135623730950488), 1e-13);

    /* gelu deriv:R: |gelu'| ≤ R sup gelu' holds on a lower tail and on a
     * band around the zero of gelu' at z ≈ −0.75; with the scaled scheme
     * (z ~ N(0, 1.5)) the band holds more units than the tail.  Regions
     * and P(z in region) from tests/ref/regions.py (mpmath scan, and
     * mpmath.quad of the normal density over each interval):
     *   deriv:0.1   z ≤ −1.7281919779294481 or −1.1582954023453620 ≤ z ≤
     *               −0.53240560761534189: 0.23886094394383370147
     *   deriv:0.05  z ≤ −2.2785606938035556 or −0.90326131905940406 ≤ z ≤
     *               −0.63345662811112531: 0.10350864285579425961
     * (the tails alone, the region before issue 11, give 0.0791 and
     * 0.0314) */
    static const struct {
        const char *rule;
        double below, lo, hi, fraction;
    } gelu[] = {
        {"deriv:0.1", -1.7281919779294480996, -1.1582954023453619995, -0.53240560761534189381,
         0.23886094394383370147},
        {"deriv:0.05", -2.2785606938035556178, -0.90326131905940406459, -0.63345662811112531061,
         0.10350864285579425961},
    };
    for (size_t i = 0; i < sizeof gelu / sizeof gelu[0]; i++) {
        seed_config(&c);
        c.activation = satstat_activation_find("gelu");
        ck_assert_int_eq(satstat_saturation_parse(gelu[i].rule, &c.saturation, NULL, 0), 0);
        ck_assert_int_eq(satstat_analytic_compute(&c, &scaled, &a), SATSTAT_OK);
        ck_assert(fabs(a.region.below - gelu[i].below) < 1e-12);
        ck_assert(a.region.above == INFINITY);
        ck_assert_uint_eq(a.region.n_bands, 1);
        ck_assert(fabs(a.region.band[0].lo - gelu[i].lo) < 1e-12);
        ck_assert(fabs(a.region.band[0].hi - gelu[i].hi) < 1e-12);
        ck_assert_rel(a.saturated_fraction, gelu[i].fraction, 1e-12);
    }

    /* the default rule is still |z| ≥ T, and the reference numbers do not move */
    seed_config(&c);
    ck_assert_int_eq(satstat_analytic_compute(&c, &standard, &a), SATSTAT_OK);
    ck_assert(a.region.below == -4.0 && a.region.above == 4.0);
    ck_assert_rel(a.saturated_fraction, 0.8581679, 1e-7);
}
END_TEST

/* The exact law (satstat/exact.h) when z is not normal: a sum of three
 * U(−1, 1) weights (three inputs on, no bias) is 2·IH₃ − 3, IH₃ the
 * Irwin–Hall sum of three U(0, 1), whose upper tail beyond 2.5 is
 * (3 − 2.5)³/6 = 1/48 (Irwin 1927; Hall 1927).  So P(|z| ≥ 2) = 1/24
 * exactly, where the normal approximation N(0, 1) says 0.0455. */
START_TEST(compute_exact_irwin_hall)
{
    satstat_config c;
    satstat_analytic a;
    satstat_scheme u = make_scheme(SATSTAT_SCHEME_UNIFORM, 1.0, "uniform:1");

    seed_config(&c);
    c.n_in = 4;
    c.inputs.active = 3;
    set_bias(&c, SATSTAT_FAMILY_CONSTANT, 0.0, 0.0);
    c.threshold = 2.0;
    ck_assert_int_eq(satstat_analytic_compute(&c, &u, &a), SATSTAT_OK);
    ck_assert_int_eq(a.law, SATSTAT_Z_EXACT);
    ck_assert_rel(a.variance, 1.0, 1e-15);
    ck_assert_msg(fabs(a.saturated_fraction - 1.0 / 24.0) <= 1e-9,
                  "P(|z| >= 2) = %.17g, want 1/24", a.saturated_fraction);
    ck_assert(a.exact_abserr <= 1e-8);
    ck_assert_rel(a.normal_saturated_fraction,
                  satstat_normal_saturated_fraction(0.0, 1.0, 2.0), 1e-14);
    ck_assert(a.normal_gap > 0.0 && a.normal_gap < 0.05);
    ck_assert_ptr_null(a.exact_fallback);
    /* E[σ'(z)] lies between σ'(0)·P(|z| < 2)... and sup σ' */
    ck_assert(a.mean_activation_derivative > 0.15 && a.mean_activation_derivative < 0.25);
    ck_assert(fabs(a.mean_activation_derivative - a.normal_mean_activation_derivative) < 0.01);

    /* A region of two components under the exact law: gelu deriv:0.05,
     * z ≤ −2.27856 or −0.903261 ≤ z ≤ −0.633457; the Irwin–Hall CDF over
     * both gives 0.088884138947678795834 (tests/ref/regions.py), the
     * normal approximation the same sum of Φ differences. */
    c.activation = satstat_activation_find("gelu");
    ck_assert_int_eq(satstat_saturation_parse("deriv:0.05", &c.saturation, NULL, 0), 0);
    ck_assert_int_eq(satstat_analytic_compute(&c, &u, &a), SATSTAT_OK);
    ck_assert_int_eq(a.law, SATSTAT_Z_EXACT);
    ck_assert_uint_eq(a.region.n_bands, 1);
    ck_assert_msg(fabs(a.saturated_fraction - 0.088884138947678795834) <= 1e-9,
                  "P(z in region) = %.17g", a.saturated_fraction);
    ck_assert_rel(a.normal_saturated_fraction,
                  0.5 * erfc(-a.region.below / 1.4142135623730950488)
                      + 0.5 * (erfc(-a.region.band[0].hi / 1.4142135623730950488)
                               - erfc(-a.region.band[0].lo / 1.4142135623730950488)),
                  1e-13);
}
END_TEST

START_TEST(compute_errors)
{
    satstat_config c;
    seed_config(&c);
    satstat_scheme s = make_scheme(SATSTAT_SCHEME_STANDARD, 0, "standard");
    satstat_analytic a, before;
    memset(&a, 0x5a, sizeof a);
    before = a;
    ck_assert_int_eq(satstat_analytic_compute(NULL, &s, &a), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_analytic_compute(&c, NULL, &a), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_analytic_compute(&c, &s, NULL), SATSTAT_EINVAL);
    c.activation = NULL;
    ck_assert_int_eq(satstat_analytic_compute(&c, &s, &a), SATSTAT_EINVAL);
    seed_config(&c);
    c.threshold = NAN;
    ck_assert_int_eq(satstat_analytic_compute(&c, &s, &a), SATSTAT_EINVAL);
    /* Nothing written on error. */
    ck_assert_mem_eq(&a, &before, sizeof a);
}
END_TEST

/* ---- CDF, density, names ---------------------------------------------------- */

START_TEST(cdf_pdf)
{
    satstat_analytic a;
    memset(&a, 0, sizeof a);
    a.law = SATSTAT_Z_NORMAL;
    a.mean = 2.0;
    a.variance = 4.0;
    ck_assert_rel(satstat_analytic_cdf(&a, 2.0), 0.5, CDF_TOL);
    /* Φ(1) = 0.8413447460685429 (Python: 1 − erfc(1/√2)/2). */
    ck_assert_rel(satstat_analytic_cdf(&a, 4.0), 0.8413447460685429,
                  CDF_TOL);
    ck_assert_rel(satstat_analytic_cdf(&a, 0.0), 0.15865525393145707,
                  CDF_TOL);
    /* Density at the mean, 1/(σ√(2π)), and one σ out, e^{−1/2}/(σ√(2π))
     * (Python, σ = 2). */
    ck_assert_rel(satstat_analytic_pdf(&a, 2.0), 0.19947114020071635,
                  CDF_TOL);
    ck_assert_rel(satstat_analytic_pdf(&a, 4.0), 0.12098536225957168,
                  CDF_TOL);
    a.law = SATSTAT_Z_NORMAL_APPROX;
    ck_assert_rel(satstat_analytic_cdf(&a, 4.0), 0.8413447460685429,
                  CDF_TOL);

    /* Constant law: right-continuous step at the mean; no density. */
    a.law = SATSTAT_Z_CONSTANT;
    a.mean = 3.0;
    a.variance = 0.0;
    ck_assert_double_eq(satstat_analytic_cdf(&a, 2.999), 0.0);
    ck_assert_double_eq(satstat_analytic_cdf(&a, 3.0), 1.0);
    ck_assert_double_eq(satstat_analytic_cdf(&a, 10.0), 1.0);
    ck_assert_double_eq(satstat_analytic_pdf(&a, 3.0), 0.0);
    ck_assert_double_eq(satstat_analytic_pdf(&a, 0.0), 0.0);

    ck_assert(isnan(satstat_analytic_cdf(NULL, 0.0)));
    ck_assert(isnan(satstat_analytic_pdf(NULL, 0.0)));
    ck_assert(isnan(satstat_analytic_cdf(&a, NAN)));
}
END_TEST

START_TEST(law_names)
{
    ck_assert_str_eq(satstat_law_kind_name(SATSTAT_Z_NORMAL), "normal");
    ck_assert_str_eq(satstat_law_kind_name(SATSTAT_Z_NORMAL_APPROX),
                     "normal (approximation)");
    ck_assert_str_eq(satstat_law_kind_name(SATSTAT_Z_CONSTANT), "constant");
    ck_assert_str_eq(satstat_law_kind_name(SATSTAT_Z_EXACT),
                     "exact (characteristic-function inversion)");
    ck_assert_ptr_nonnull(satstat_law_kind_name((satstat_law_kind)99));
}
END_TEST


/* Skewness and excess kurtosis of z: 0 for a normal z; for the exact law,
 * from cumulants, which add over independent terms: U(−h, h) has κ4 =
 * −2h⁴/15, and a coordinate T of S^{m−1} has κ4 = 3/(m(m + 2)) − 3/m²
 * (E T² = 1/m, E T⁴ = 3/(m(m + 2))); odd cumulants vanish by symmetry. */
START_TEST(shape_of_z)
{
    satstat_config c;
    satstat_analytic a;
    seed_config(&c);
    satstat_scheme s = make_scheme(SATSTAT_SCHEME_SCALED, 0.0, "scaled");
    ck_assert_int_eq(satstat_analytic_compute(&c, &s, &a), 0);
    ck_assert(a.skewness == 0.0 && a.excess_kurtosis == 0.0);

    s = make_scheme(SATSTAT_SCHEME_UNIFORM, 0.1, "uniform:0.1");
    ck_assert_int_eq(satstat_analytic_compute(&c, &s, &a), 0);
    ck_assert_int_eq(a.law, SATSTAT_Z_EXACT);
    double var = 500.0 * 0.01 / 3.0 + 1.0;
    ck_assert_double_eq_tol(a.excess_kurtosis, 500.0 * (-2.0 * 1e-4 / 15.0) / (var * var),
                            1e-9);
    ck_assert_double_eq_tol(a.skewness, 0.0, 1e-9);

    s = make_scheme(SATSTAT_SCHEME_ORTHOGONAL, 0.0, "orthogonal:1.5");
    s.gain = 1.5;
    ck_assert_int_eq(satstat_analytic_compute(&c, &s, &a), 0);
    ck_assert_int_eq(a.law, SATSTAT_Z_EXACT);
    double m = 1000.0, c2 = 2.25 * 500.0;
    double k4 = c2 * c2 * (3.0 / (m * (m + 2.0)) - 3.0 / (m * m));
    var = c2 / m + 1.0;
    ck_assert_double_eq_tol(a.variance, var, 1e-12);
    ck_assert_double_eq_tol(a.excess_kurtosis, k4 / (var * var), 1e-9);
}
END_TEST

static Suite *analytic_suite(void)
{
    Suite *s = suite_create("analytic");
    TCase *tc;

    tc = tcase_create("saturated_fraction");
    tcase_add_test(tc, fraction_reference);
    tcase_add_test(tc, fraction_tails_and_shift);
    tcase_add_test(tc, fraction_degenerate);
    suite_add_tcase(s, tc);

    tc = tcase_create("expectation");
    tcase_add_test(tc, expectation_moments);
    tcase_add_test(tc, expectation_sigmoid_prime);
    tcase_add_test(tc, expectation_wide_law);
    tcase_add_test(tc, expectation_degenerate_and_errors);
    suite_add_tcase(s, tc);

    tc = tcase_create("compute");
    tcase_add_test(tc, compute_seed_standard);
    tcase_add_test(tc, compute_seed_scaled);
    tcase_add_test(tc, compute_threshold);
    tcase_add_test(tc, compute_constant_law);
    tcase_add_test(tc, compute_law_kinds);
    tcase_add_test(tc, compute_random_inputs);
    tcase_add_test(tc, compute_library_activations);
    tcase_add_test(tc, compute_saturation_rules);
    tcase_add_test(tc, compute_exact_irwin_hall);
    tcase_add_test(tc, compute_errors);
    suite_add_tcase(s, tc);

    tc = tcase_create("law");
    tcase_add_test(tc, cdf_pdf);
    tcase_add_test(tc, law_names);
    tcase_add_test(tc, shape_of_z);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(analytic_suite)
