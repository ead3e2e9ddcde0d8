/* satstat/analytic.h — the law of z by formula.
 *
 * Inputs fixed, weights i.i.d. with mean μ_w and variance σ_w², bias with
 * mean μ_b and variance σ_b² (doc/numerics.md):
 *     E z = μ_w Σ x_j + μ_b,     Var z = σ_w² Σ x_j² + σ_b².
 * With random inputs independent of the weights, Σ x_j² → n_in E[x²] (and,
 * for μ_w ≠ 0, the variance gains μ_w² n_in Var x).  With Gaussian weights
 * and bias and fixed inputs z is exactly N(E z, Var z); otherwise the
 * normal law with these moments is only an approximation (CLT), and the
 * result says so.
 */
#ifndef SATSTAT_ANALYTIC_H
#define SATSTAT_ANALYTIC_H

#include <satstat/export.h>

#include <satstat/config.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum satstat_law_kind {
    SATSTAT_Z_NORMAL,        /* z is exactly normal                          */
    SATSTAT_Z_NORMAL_APPROX, /* normal with the right moments, approximately */
    SATSTAT_Z_CONSTANT,      /* Var z = 0: z is the constant `mean`          */
    SATSTAT_Z_EXACT          /* not normal: the exact law (satstat/exact.h,
                                characteristic-function inversion), with the
                                normal approximation's values beside it     */
} satstat_law_kind;

typedef struct satstat_analytic {
    double weight_mean, weight_variance; /* of one weight                   */
    double sum_sq_inputs;                /* Σ x² (or n_in E[x²])            */
    double mean, variance;               /* of z                            */
    satstat_law_kind law;
    double threshold;                    /* T of the saturation rule        */
    satstat_region region;               /* where a unit is saturated       */
    double saturated_fraction;           /* P(z ∈ region) under `law`       */
    double mean_activation_derivative;   /* E[φ'(z)] under `law`            */
    double activation_derivative_variance; /* Var[φ'(z)] under `law`        */
    double skewness, excess_kurtosis;    /* of z under `law`: 0 for a
                                            normal, from the exact law for
                                            SATSTAT_Z_EXACT, NAN when unknown
                                            (approximation, constant z)     */
    /* law SATSTAT_Z_EXACT only (else NAN / 0): the normal approximation
     * N(mean, variance) beside the exact values, the error bound of the
     * exact saturated fraction, and sup_z |F(z) − Φ((z − mean)/sd)|. */
    double normal_saturated_fraction;
    double normal_mean_activation_derivative;
    double exact_abserr;
    double normal_gap;
    /* law SATSTAT_Z_EXACT only (else NAN): error bounds of the other exact
     * values (and of the saturated fraction: exact_abserr).  Print each
     * value v with satstat_exact_digits(v, abserr) significant digits
     * (satstat/exact.h); when that is 0 (e.g. a far tail the exact law
     * could only bound, or a kurtosis set to 0 inside its error) only the
     * bound: the truth is in [v − abserr, v + abserr] (a probability:
     * ≤ v + abserr). */
    double mean_activation_derivative_abserr;
    double skewness_abserr, excess_kurtosis_abserr;
    /* law SATSTAT_Z_NORMAL_APPROX: why the exact law was not used (a static
     * sentence), or NULL. */
    const char *exact_fallback;
} satstat_analytic;

/* The analytic side for one scheme of a validated config. */
SATSTAT_API int satstat_analytic_compute(const satstat_config *config,
                                         const satstat_scheme *scheme,
                                         satstat_analytic *out);

/* Short name of a law kind: "normal", "normal (approximation)", "constant",
 * "exact (characteristic-function inversion)". */
SATSTAT_API const char *satstat_law_kind_name(satstat_law_kind kind);

/* P(|z| ≥ t) for z ~ N(mean, sd²), sd ≥ 0 (sd = 0: the constant mean):
 * Φ((−t − μ)/σ) + 1 − Φ((t − μ)/σ), each tail through gsl_cdf_gaussian_P/Q
 * so neither loses digits to cancellation. */
SATSTAT_API double satstat_normal_saturated_fraction(double mean, double sd, double t);

/* P(z in region) for z ~ N(mean, sd²) (satstat_region_probability() with
 * gsl_cdf_gaussian_P / Q: each tail and band from its own small tail);
 * sd = 0: the indicator of the mean. */
SATSTAT_API double satstat_normal_region_fraction(double mean, double sd,
                                                  const satstat_region *region);

/* E[f(z)] for z ~ N(mean, sd²) by GSL adaptive Gauss–Kronrod quadrature:
 * QAG on pieces split where z and (z − mean)/sd cross whole numbers (so a
 * narrow bump of f near z = 0 is never stepped over), QAGIL/QAGIU for the
 * tails; about 1e-10 relative to E|f|.  sd = 0 gives f(mean). */
SATSTAT_API int satstat_normal_expectation(double (*f)(double z, void *ctx), void *ctx,
                                           double mean, double sd, double *out);

/* CDF and density of z's law (normal or constant) for tests and plots.
 * For SATSTAT_Z_EXACT these give the normal approximation: the exact law
 * needs its handle (satstat_exact_from_config(), satstat/exact.h). */
SATSTAT_API double satstat_analytic_cdf(const satstat_analytic *a, double z);
SATSTAT_API double satstat_analytic_pdf(const satstat_analytic *a, double z);

#ifdef __cplusplus
}
#endif
#endif
