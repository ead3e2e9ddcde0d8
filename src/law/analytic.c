/* analytic.c — the law of z by formula (satstat/analytic.h).
 *
 * Moments (doc/numerics.md, "The moments of z"): with weights i.i.d. of mean μ_w
 * and variance σ_w², independent of the bias (mean μ_b, variance σ_b²),
 *     E z   = μ_w Σ E[x_j] + μ_b,
 *     Var z = σ_w² Σ E[x_j²] + σ_b² + μ_w² Σ Var x_j,
 * the last term from Var(w x) = E[w²] E[x²] − μ_w² E[x]² = σ_w² E[x²] +
 * μ_w² Var x for w independent of x; it vanishes for fixed inputs.  With
 * fixed inputs, z is a linear combination of independent normal (or
 * constant) variables when the weights and bias are normal or constant,
 * hence exactly normal; otherwise the normal law with these moments is the
 * central-limit approximation and the result is labelled as such.
 *
 * Gaussian expectations E[f(z)], z ~ N(μ, σ²), are computed as
 * ∫ f(z) φ((z − μ)/σ) dz / σ (or ∫ f(μ + σu) φ(u) du for very narrow
 * laws) with GSL's adaptive Gauss–Kronrod quadrature (Piessens et al.,
 * QUADPACK, 1983), split at breakpoints so that a narrow feature of f is
 * never missed; see choose_variable() and normal_breakpoints() below.
 */
#include <satstat/analytic.h>
#include <satstat/error.h>
#include <satstat/exact.h>

#include "base/gsl-int.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>

/* Relative tolerance of every quadrature, and the number of subintervals
 * GSL may bisect into (its workspace size). */
#define EXPECT_EPSREL 1e-10
#define EXPECT_LIMIT 1000

/* The finite middle range of u = (z − μ)/σ: φ(u) < 2e-322 beyond
 * |u| = 38.5, so for any f of less than astronomical growth the tails
 * beyond ±40 vanish in double precision.  They are still integrated
 * (QAGIL/QAGIU), for safety. */
#define U_RANGE 40.0

/* Room for the breakpoints: U_RANGE ends, the u grid, the z grid. */
#define MAX_POINTS 48

const char *satstat_law_kind_name(satstat_law_kind kind)
{
    switch (kind) {
    case SATSTAT_Z_NORMAL:
        return "normal";
    case SATSTAT_Z_NORMAL_APPROX:
        return "normal (approximation)";
    case SATSTAT_Z_CONSTANT:
        return "constant";
    case SATSTAT_Z_EXACT:
        return "exact (characteristic-function inversion)";
    }
    return "unknown";
}

/* P(|z| ≥ t) = Φ((−t − μ)/σ) + Q((t − μ)/σ): both terms are tails computed
 * directly by GSL, so small fractions keep their relative accuracy (no
 * 1 − Φ cancellation).  Invalid arguments (NaN, sd < 0, t < 0) give NaN. */
double satstat_normal_saturated_fraction(double mean, double sd, double t)
{
    if (isnan(mean) || isnan(sd) || isnan(t) || sd < 0.0 || t < 0.0 ||
        isinf(sd) || isinf(mean))
        return NAN;
    if (sd == 0.0)
        return fabs(mean) >= t ? 1.0 : 0.0;
    if (isinf(t))
        return 0.0;
    satstat__gsl_quiet();
    double lo = gsl_cdf_gaussian_P(-t - mean, sd);
    double hi = gsl_cdf_gaussian_Q(t - mean, sd);
    double p = lo + hi;
    if (!isfinite(p))
        return NAN;
    return p > 1.0 ? 1.0 : p;
}

/* ---- Gaussian expectations --------------------------------------------- */

/* The variable of integration.
 *
 * In u (z = μ + σu) the Gaussian weight is exact, but z is only known to
 * ulp(max(|μ|, σ|u|)): at μ = −1e8, σ = 1e8 the bump of tanh'(z) near
 * z = 0 is sampled on a 1.5e-8 grid, the integrand is a staircase and
 * GSL (rightly) reports that 1e-10 cannot be reached.  In z, f is
 * evaluated exactly where the rule asks; the price is that a node near
 * z ≈ μ is placed to ulp(μ), which moves the weight φ((z − μ)/σ) by a
 * relative |u| ulp(μ)/σ ≈ 1e-14 |μ|/σ.  Hence: z when |μ| ≤ 100 σ (that
 * error ≤ 1e-12), else u, where the whole law lies within 40 % of μ, the
 * grid of z-breakpoints falls outside |u| ≤ 40, and z's relative rounding
 * is harmless.  u also for σ < 1e-100 (σ E f, the z-integral, would near
 * the subnormals) and when μ ± 40σ overflows. */
typedef enum expect_var { VAR_U, VAR_Z } expect_var;

typedef struct expect_ctx {
    double (*f)(double z, void *ctx);
    void *fctx;
    double mean, sd;
    expect_var var;
    int absolute; /* integrate |f| instead of f */
} expect_ctx;

static expect_var choose_variable(double mean, double sd)
{
    if (fabs(mean) > 100.0 * sd || sd < 1e-100 ||
        !isfinite(fabs(mean) + U_RANGE * sd))
        return VAR_U;
    return VAR_Z;
}

/* In u: f(μ + σu) φ(u).  In z: f(z) φ((z − μ)/σ), whose integral is
 * σ E f (the 1/σ is applied once, at the end).  Where the weight
 * underflows to 0, f is not evaluated: far out in the tails f may be ±inf
 * (and inf · 0 would be NaN). */
static double expect_integrand(double x, void *p)
{
    const expect_ctx *c = p;
    double u = c->var == VAR_U ? x : (x - c->mean) / c->sd;
    double z = c->var == VAR_U ? c->mean + c->sd * x : x;
    /* 1/√(2π) = (1/√2)(2/√π)/2 from GSL's constants */
    double w = exp(-0.5 * u * u) * (M_SQRT1_2 * M_2_SQRTPI * 0.5);
    if (w == 0.0)
        return 0.0;
    double v = c->f(z, c->fctx);
    if (c->absolute)
        v = fabs(v);
    return v * w;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Breakpoints on u ∈ [−U_RANGE, U_RANGE] (in the chosen variable), sorted
 * and distinct.
 *
 * Two grids are merged.  (1) The scale of φ(u): u = 0, ±1, ±2, ±4, …, ±32,
 * so that the Gaussian weight is resolved whatever f is.  (2) The scale
 * of f, which for the activation derivatives lives near z = 0 with unit
 * width whatever μ and σ are (σ'(z) ≈ e^{−|z|}): z = 0, ±1, ±2, ±4, …,
 * ±32.  Under `standard` (σ ≈ 22.4) that bump is 1/22 of σ wide; under
 * σ = 1e4 it is 1e-4 of σ, and a plain QAGI on the whole line (whose
 * first Kronrod rule has no node there) can return a confident wrong
 * answer.  With the breakpoints the bump always starts out resolved by
 * subintervals of its own width. */
static size_t normal_breakpoints(double mean, double sd, expect_var var,
                                 double *pts)
{
    static const double grid[] = {0.0,  1.0,  -1.0,  2.0,  -2.0,
                                  4.0,  -4.0, 8.0,   -8.0, 16.0,
                                  -16.0, 32.0, -32.0};
    const size_t ngrid = sizeof grid / sizeof grid[0];
    double lo, hi;
    size_t n = 0;
    if (var == VAR_U) {
        lo = -U_RANGE;
        hi = U_RANGE;
        for (size_t i = 0; i < ngrid; i++)
            pts[n++] = grid[i];                /* u grid */
        for (size_t i = 0; i < ngrid; i++)
            pts[n++] = (grid[i] - mean) / sd;  /* z grid */
    } else {
        lo = mean - U_RANGE * sd;
        hi = mean + U_RANGE * sd;
        for (size_t i = 0; i < ngrid; i++)
            pts[n++] = mean + sd * grid[i];    /* u grid */
        for (size_t i = 0; i < ngrid; i++)
            pts[n++] = grid[i];                /* z grid */
    }
    /* keep the points strictly inside (lo, hi), then add the ends */
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(pts[i]) && pts[i] > lo && pts[i] < hi)
            pts[m++] = pts[i];
    pts[m++] = lo;
    pts[m++] = hi;
    qsort(pts, m, sizeof pts[0], cmp_double);
    n = 1;
    for (size_t i = 1; i < m; i++)
        if (pts[i] > pts[n - 1])
            pts[n++] = pts[i];
    return n;
}

/* One piece of the line: k = 0 is (−∞, pts[0]] (QAGIL), k = npts is
 * [pts[npts−1], ∞) (QAGIU), else [pts[k−1], pts[k]] (QAG, 61-point
 * Gauss–Kronrod: the integrand is smooth inside a piece, so no
 * extrapolation is needed — QAGP's epsilon algorithm was seen to report
 * GSL_EROUND on tiny but perfectly resolved integrals, e.g. E σ'(z) at
 * μ = 88.8, σ = 2.9, ≈ 1.9e-37). */
static int integrate_piece(gsl_function *fn, const double *pts, size_t npts,
                           size_t k, double epsabs, double epsrel,
                           gsl_integration_workspace *ws, double *result,
                           double *abserr)
{
    if (k == 0)
        return gsl_integration_qagil(fn, pts[0], epsabs, epsrel,
                                     EXPECT_LIMIT, ws, result, abserr);
    if (k == npts)
        return gsl_integration_qagiu(fn, pts[npts - 1], epsabs, epsrel,
                                     EXPECT_LIMIT, ws, result, abserr);
    return gsl_integration_qag(fn, pts[k - 1], pts[k], epsabs, epsrel,
                               EXPECT_LIMIT, GSL_INTEG_GAUSS61, ws, result,
                               abserr);
}

/* Two passes over the npts + 1 pieces of the line.
 *
 * Pass 1 estimates A_k = ∫_k |f| φ on each piece to 1e-3 (these are only
 * scales; a GSL_EROUND there is accepted, since it means the piece is
 * down at the level of rounding noise).  Pass 2 integrates f on piece k
 * to |error| ≤ EXPECT_EPSREL · (A_k + 1e-6 · A / (npts + 1)), A = Σ A_k:
 * relative 1e-10 on every piece where f keeps its sign, an error of at
 * most ~1e-10 · E|f| in total, and no chase after a relative accuracy of
 * 0 when E f vanishes by symmetry (E[z] at μ = 0, E[tanh z] at μ = 0) or
 * a piece is negligible. */
static int integrate_line(expect_ctx *c, const double *pts, size_t npts,
                          gsl_integration_workspace *ws, double *out)
{
    gsl_function fn = {expect_integrand, c};
    double scale[MAX_POINTS + 1];
    double total = 0.0, r, err;
    int s;

    c->absolute = 1;
    for (size_t k = 0; k <= npts; k++) {
        s = integrate_piece(&fn, pts, npts, k, 0.0, 1e-3, ws, &r, &err);
        if ((s != GSL_SUCCESS && s != GSL_EROUND) || !isfinite(r))
            return SATSTAT_ENUMERIC;
        scale[k] = r;
        total += r;
    }
    if (!isfinite(total))
        return SATSTAT_ENUMERIC;
    if (total == 0.0) {
        *out = 0.0;
        return SATSTAT_OK;
    }

    c->absolute = 0;
    double sum = 0.0;
    double slack = 1e-6 * total / (double)(npts + 1);
    for (size_t k = 0; k <= npts; k++) {
        if (scale[k] == 0.0)
            continue; /* f φ is 0 (or below the underflow) on the piece */
        double epsabs = EXPECT_EPSREL * (scale[k] + slack);
        s = integrate_piece(&fn, pts, npts, k, epsabs, EXPECT_EPSREL, ws,
                            &r, &err);
        if (s != GSL_SUCCESS || !isfinite(r))
            return SATSTAT_ENUMERIC;
        sum += r;
    }
    if (!isfinite(sum))
        return SATSTAT_ENUMERIC;
    *out = sum;
    return SATSTAT_OK;
}

int satstat_normal_expectation(double (*f)(double z, void *ctx), void *ctx,
                               double mean, double sd, double *out)
{
    if (f == NULL || out == NULL || !isfinite(mean) || !isfinite(sd) ||
        sd < 0.0)
        return SATSTAT_EINVAL;
    if (sd == 0.0) {
        double v = f(mean, ctx);
        if (!isfinite(v))
            return SATSTAT_ENUMERIC;
        *out = v;
        return SATSTAT_OK;
    }

    satstat__gsl_quiet();
    gsl_integration_workspace *ws =
        gsl_integration_workspace_alloc(EXPECT_LIMIT);
    if (ws == NULL)
        return SATSTAT_ENOMEM;

    double pts[MAX_POINTS];
    expect_var var = choose_variable(mean, sd);
    size_t npts = normal_breakpoints(mean, sd, var, pts);
    expect_ctx c = {f, ctx, mean, sd, var, 1};
    double result = 0.0;
    int rc = integrate_line(&c, pts, npts, ws, &result);
    gsl_integration_workspace_free(ws);
    if (rc != SATSTAT_OK)
        return rc;
    if (var == VAR_Z)
        result /= sd;
    if (!isfinite(result))
        return SATSTAT_ENUMERIC;
    *out = result;
    return SATSTAT_OK;
}

/* ---- the analytic side of one scheme ------------------------------------- */

typedef struct dphi_ctx {
    double (*dphi)(double z);
    double centre; /* subtracted before squaring (power 2) */
    int power;
} dphi_ctx;

static double dphi_moment(double z, void *p)
{
    const dphi_ctx *c = p;
    double v = c->dphi(z);
    if (c->power == 1)
        return v;
    v -= c->centre;
    return v * v;
}

/* Σ_j Var x_j: 0 for fixed inputs, n_in p (1 − p) for Bernoulli(p).  No
 * default case: a new input kind must say its variance here (-Wswitch). */
static int inputs_variance_sum(const satstat_inputs *in, uint64_t n_in,
                               double *out)
{
    switch (in->kind) {
    case SATSTAT_INPUTS_HALF:
    case SATSTAT_INPUTS_ONES:
        *out = 0.0;
        return SATSTAT_OK;
    case SATSTAT_INPUTS_BERNOULLI:
        *out = (double)n_in * in->p * (1.0 - in->p);
        return SATSTAT_OK;
    case SATSTAT_INPUTS_NORMAL:  /* n_in S²                             */
    case SATSTAT_INPUTS_UNIFORM: /* n_in (B − A)²/12                     */
    case SATSTAT_INPUTS_FILE:    /* fixed: 0                             */
        *out = satstat_inputs_variance_sum(in, n_in);
        return SATSTAT_OK;
    }
    return SATSTAT_EINVAL;
}

/* ---- the exact law when z is not normal ----------------------------------
 * z is a sum of independent terms w·x plus a bias; satstat/exact.h inverts
 * its characteristic function (Gil-Pelaez, as discretised by Davies) to
 * ~1e-10 absolute.  The normal approximation's values are kept beside the
 * exact ones: their difference is the central limit theorem at work.  Any
 * failure (an input or weight family exact.h does not describe, a
 * quadrature that does not converge, an error estimate above 1e-8) keeps
 * the normal approximation, labelled so, with the reason. */

/* The accuracy the issue asks of P(z ∈ region); beyond it, fall back. */
#define EXACT_MAX_ABSERR 1e-8

typedef struct exact_dphi_ctx {
    double (*dphi)(double z);
    double centre;
    int power;
} exact_dphi_ctx;

static double exact_dphi_moment(double z, void *p)
{
    const exact_dphi_ctx *c = p;
    double v = c->dphi(z);
    if (c->power == 1)
        return v;
    v -= c->centre;
    return v * v;
}

typedef struct standard_power_ctx {
    double mean, sd;
    int power;
} standard_power_ctx;

static double standard_power(double z, void *p)
{
    const standard_power_ctx *c = p;
    double u = (z - c->mean) / c->sd;
    return c->power == 3 ? u * u * u : u * u * u * u;
}

static void exact_side(const satstat_config *config,
                       const satstat_scheme *scheme, satstat_analytic *a)
{
    satstat_exact *e = NULL;
    satstat_exact_result sat, d1, d2;
    satstat_exact_gap gap;
    satstat_interval parts[SATSTAT_REGION_MAX_INTERVALS];
    size_t n = satstat_region_intervals(&a->region, parts);

    if (satstat_exact_from_config(config, scheme, &e) != SATSTAT_OK) {
        a->exact_fallback = "the exact law does not cover these weights or inputs";
        return;
    }
    exact_dphi_ctx c = {config->activation->dphi, 0.0, 1};
    int ok = satstat_exact_prepare(e) == SATSTAT_OK &&
             (n == 0 ? (sat.value = 0.0, sat.abserr = 0.0, 1)
                     : satstat_exact_region(e, parts, n, &sat) == SATSTAT_OK) &&
             satstat_exact_expectation(e, exact_dphi_moment, &c, &d1) == SATSTAT_OK;
    if (ok) {
        c.centre = d1.value;
        c.power = 2;
        ok = satstat_exact_expectation(e, exact_dphi_moment, &c, &d2) == SATSTAT_OK;
    }
    ok = ok && isfinite(sat.value) && isfinite(d1.value) && isfinite(d2.value) &&
         sat.abserr <= EXACT_MAX_ABSERR;
    if (ok && satstat_exact_normal_gap(e, &gap) != SATSTAT_OK)
        gap.sup_cdf = NAN;
    /* skewness E u³ and kurtosis E u⁴ − 3 of u = (z − μ)/σ, each to 1e-6
     * (their error bounds scale with the largest u⁴ over the range, not
     * with the density there) or left unknown; a value inside its error is
     * 0 */
    satstat_exact_result m3, m4;
    standard_power_ctx pc = {a->mean, sqrt(a->variance), 3};
    double skew = NAN, kurt = NAN;
    if (ok && pc.sd > 0.0 &&
        satstat_exact_expectation(e, standard_power, &pc, &m3) == SATSTAT_OK &&
        m3.abserr <= 1e-6)
        skew = fabs(m3.value) <= m3.abserr ? 0.0 : m3.value;
    pc.power = 4;
    if (ok && pc.sd > 0.0 &&
        satstat_exact_expectation(e, standard_power, &pc, &m4) == SATSTAT_OK &&
        m4.abserr <= 1e-6)
        kurt = fabs(m4.value - 3.0) <= m4.abserr ? 0.0 : m4.value - 3.0;
    satstat_exact_free(e);
    if (!ok) {
        a->exact_fallback = "the exact law could not be computed to 1e-8";
        return;
    }
    a->normal_saturated_fraction = a->saturated_fraction;
    a->normal_mean_activation_derivative = a->mean_activation_derivative;
    a->saturated_fraction = sat.value < 0.0 ? 0.0 : sat.value > 1.0 ? 1.0 : sat.value;
    a->mean_activation_derivative = d1.value;
    a->activation_derivative_variance = d2.value < 0.0 ? 0.0 : d2.value;
    a->exact_abserr = sat.abserr;
    a->normal_gap = gap.sup_cdf;
    a->skewness = skew;
    a->excess_kurtosis = kurt;
    a->mean_activation_derivative_abserr = d1.abserr;
    a->skewness_abserr = isnan(skew) ? NAN : m3.abserr;
    a->excess_kurtosis_abserr = isnan(kurt) ? NAN : m4.abserr;
    a->law = SATSTAT_Z_EXACT;
}

/* Normal or constant: the families whose linear combinations stay normal. */
static int family_is_gaussian(satstat_family family)
{
    return family == SATSTAT_FAMILY_NORMAL ||
           family == SATSTAT_FAMILY_CONSTANT;
}

int satstat_analytic_compute(const satstat_config *config,
                             const satstat_scheme *scheme,
                             satstat_analytic *out)
{
    if (config == NULL || scheme == NULL || out == NULL ||
        config->activation == NULL || config->activation->dphi == NULL ||
        isnan(config->threshold) || config->threshold < 0.0)
        return SATSTAT_EINVAL;

    satstat_analytic a = {0};
    satstat_law wlaw;
    int rc = satstat_scheme_weight_law(scheme, config->n_in, config->n_out,
                                       &wlaw);
    if (rc != SATSTAT_OK)
        return rc;
    const satstat_law *blaw = &config->bias.law;
    const satstat_inputs *in = &config->inputs;

    a.weight_mean = satstat_law_mean(&wlaw);
    a.weight_variance = satstat_law_variance(&wlaw);
    a.sum_sq_inputs = satstat_inputs_sum_sq(in, config->n_in);
    double sum_inputs = satstat_inputs_sum(in, config->n_in);
    double var_inputs = 0.0;
    rc = inputs_variance_sum(in, config->n_in, &var_inputs);
    if (rc != SATSTAT_OK)
        return rc;
    double bias_mean = satstat_law_mean(blaw);
    double bias_var = satstat_law_variance(blaw);

    a.mean = a.weight_mean * sum_inputs + bias_mean;
    a.variance = a.weight_variance * a.sum_sq_inputs + bias_var;
    if (a.weight_mean != 0.0)
        a.variance += a.weight_mean * a.weight_mean * var_inputs;
    if (!isfinite(a.mean) || !isfinite(a.variance) || a.variance < 0.0)
        return SATSTAT_ENUMERIC;

    /* Bernoulli(0) and Bernoulli(1) inputs are random in name only: with
     * no input variance they are as good as fixed, and z stays exact. */
    int fixed_inputs = !satstat_inputs_is_random(in) || var_inputs == 0.0;
    int weights_matter = satstat_inputs_support(in, config->n_in) > 0;
    if (a.variance == 0.0)
        a.law = SATSTAT_Z_CONSTANT;
    else if (fixed_inputs &&
             (!weights_matter || family_is_gaussian(wlaw.family)) &&
             family_is_gaussian(blaw->family))
        a.law = SATSTAT_Z_NORMAL;
    else
        a.law = SATSTAT_Z_NORMAL_APPROX;

    a.threshold = config->threshold;
    rc = satstat_config_region(config, &a.region, NULL, 0);
    if (rc != SATSTAT_OK)
        return rc;
    double (*dphi)(double) = config->activation->dphi;

    if (a.law == SATSTAT_Z_CONSTANT) {
        a.saturated_fraction = satstat_region_contains(&a.region, a.mean) ? 1.0 : 0.0;
        a.mean_activation_derivative = dphi(a.mean);
        a.activation_derivative_variance = 0.0;
    } else {
        double sd = sqrt(a.variance);
        a.saturated_fraction =
            satstat_normal_region_fraction(a.mean, sd, &a.region);
        /* Var φ' as E[(φ' − E φ')²], a second integral, rather than
         * E[φ'²] − (E φ')²: no cancellation when σ is small and φ' nearly
         * constant over the law. */
        dphi_ctx c = {dphi, 0.0, 1};
        rc = satstat_normal_expectation(dphi_moment, &c, a.mean, sd,
                                        &a.mean_activation_derivative);
        if (rc != SATSTAT_OK)
            return rc;
        c.centre = a.mean_activation_derivative;
        c.power = 2;
        rc = satstat_normal_expectation(dphi_moment, &c, a.mean, sd,
                                        &a.activation_derivative_variance);
        if (rc != SATSTAT_OK)
            return rc;
    }
    a.skewness = a.law == SATSTAT_Z_NORMAL ? 0.0 : NAN;
    a.excess_kurtosis = a.law == SATSTAT_Z_NORMAL ? 0.0 : NAN;
    a.normal_saturated_fraction = NAN;
    a.normal_mean_activation_derivative = NAN;
    a.exact_abserr = NAN;
    a.mean_activation_derivative_abserr = NAN;
    a.skewness_abserr = a.excess_kurtosis_abserr = NAN;
    a.normal_gap = NAN;
    a.exact_fallback = NULL;
    if (a.law == SATSTAT_Z_NORMAL_APPROX)
        exact_side(config, scheme, &a);
    if (!isfinite(a.saturated_fraction) ||
        !isfinite(a.mean_activation_derivative) ||
        !isfinite(a.activation_derivative_variance))
        return SATSTAT_ENUMERIC;

    *out = a;
    return SATSTAT_OK;
}

/* ---- CDF and density of z's law ------------------------------------------ */

/* Normal (exact or approximate): Φ((z − μ)/σ).  Constant: the step at the
 * mean, 1 for z ≥ mean (right-continuous, like every CDF).  NULL or NaN
 * gives NaN. */
double satstat_analytic_cdf(const satstat_analytic *a, double z)
{
    if (a == NULL || isnan(z))
        return NAN;
    if (a->law == SATSTAT_Z_CONSTANT || a->variance == 0.0)
        return z >= a->mean ? 1.0 : 0.0;
    satstat__gsl_quiet();
    return gsl_cdf_gaussian_P(z - a->mean, sqrt(a->variance));
}

/* Normal: the Gaussian density.  Constant: a point mass has no density;
 * this returns 0 everywhere (callers plotting a constant law should draw
 * the atom themselves).  NULL or NaN gives NaN. */
double satstat_analytic_pdf(const satstat_analytic *a, double z)
{
    if (a == NULL || isnan(z))
        return NAN;
    if (a->law == SATSTAT_Z_CONSTANT || a->variance == 0.0)
        return 0.0;
    satstat__gsl_quiet();
    return gsl_ran_gaussian_pdf(z - a->mean, sqrt(a->variance));
}

/* Φ and its complement of N(mean, sd²), for satstat_region_probability() */
static double normal_cdf(double x, void *p)
{
    const double *mean_sd = p;
    return gsl_cdf_gaussian_P(x - mean_sd[0], mean_sd[1]);
}

static double normal_sf(double x, void *p)
{
    const double *mean_sd = p;
    return gsl_cdf_gaussian_Q(x - mean_sd[0], mean_sd[1]);
}

double satstat_normal_region_fraction(double mean, double sd,
                                      const satstat_region *region)
{
    if (region == NULL || isnan(mean) || isnan(sd) || sd < 0.0 ||
        isnan(region->below) || isnan(region->above))
        return NAN;
    if (sd == 0.0)
        return satstat_region_contains(region, mean) ? 1.0 : 0.0;
    satstat__gsl_quiet();
    double mean_sd[2] = {mean, sd};
    return satstat_region_probability(region, normal_cdf, normal_sf, mean_sd);
}
