/* satstat/exact.h — the exact law of z when it is not Gaussian.
 *
 * z = Σ_j w_j x_j + b is described as a sum of independent terms: groups
 * of `count` i.i.d. copies of w·x (a weight law times an input law) plus a
 * bias.  From that description this module computes, to about 1e-10
 * absolute, and in the far tails relative (always with an error bound),
 * the distribution function
 * F(z) = P(Z ≤ z), the upper tail P(Z > z), the probability of a union of
 * closed intervals (P(|z| ≥ t), or z ≤ 0 for ReLU), the density of the
 * continuous part, point masses, and E[g(z)] for a caller-supplied g —
 * beside the normal law with the same mean and variance, whose error is
 * the central limit theorem at work.
 *
 * Method (details and citations in src/law/exact.c): numerical inversion of
 * the characteristic function by the Gil-Pelaez (1951) formula, discretised
 * as in Davies (1973, 1980) — the trapezoid rule at t_k = (k + ½)Δ, whose
 * error is bounded by the tail mass beyond 2π/Δ (bounded here by Chernoff
 * bounds from the terms' cumulant generating functions) plus the neglected
 * terms beyond t_K (bounded by an envelope of |φ|).  Sums of a few uniforms
 * (Irwin–Hall and its generalisation to unequal widths, mixed over the
 * Bernoulli count of active inputs) are evaluated exactly as piecewise
 * polynomials; point masses (Bernoulli inputs with a constant bias) are
 * split off and only the continuous part is inverted.  Far tails are
 * inverted along a contour shifted to the saddlepoint (Daniels 1954,
 * Strawderman 2004), with relative accuracy down to the end of the double
 * range, for sums of constant, normal, uniform, truncated-normal (both
 * ends finite) and normal×normal terms, Bernoulli inputs included; other
 * products keep the absolute accuracy (and say so, see
 * satstat_exact_result).
 *
 * Usage:
 *     satstat_exact *e;
 *     satstat_exact_law w = satstat_exact_uniform(-0.1, 0.1);
 *     satstat_exact_law x = satstat_exact_constant(1.0);
 *     satstat_exact_law b = satstat_exact_normal(0.0, 1.0);
 *     satstat_exact_alloc(&e);
 *     satstat_exact_add_terms(e, &w, &x, 500);
 *     satstat_exact_set_bias(e, &b);
 *     satstat_exact_result r;
 *     satstat_exact_saturated_fraction(e, 4.0, &r);   // r.value ± r.abserr
 *     satstat_exact_free(e);
 *
 * Thread safety: the first query (or satstat_exact_prepare()) computes and
 * caches the inversion nodes; after a successful prepare, queries only read
 * the handle and may run concurrently.  Adding terms or setting the bias
 * drops the cache.  Nothing here prints or aborts.
 */
#ifndef SATSTAT_EXACT_H
#define SATSTAT_EXACT_H

#include <satstat/export.h>

#include <stddef.h>
#include <stdint.h>

#include <satstat/config.h>
#include <satstat/scheme.h>
#include <satstat/stats.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- laws of weights, inputs and bias ----------------------------------- */

/* A law's family is the library's one satstat_family (satstat/scheme.h).
 * The exact law takes
 *   SATSTAT_FAMILY_CONSTANT      the value a
 *   SATSTAT_FAMILY_NORMAL        N(a, b²): mean a, standard deviation b ≥ 0
 *   SATSTAT_FAMILY_UNIFORM       U(a, b), a ≤ b
 *   SATSTAT_FAMILY_TRUNC_NORMAL  N(a, b²), b > 0, conditioned on [lo, hi]:
 *                                lo < hi, either may be infinite; [lo, hi]
 *                                must reach within 35 b of a
 *   SATSTAT_FAMILY_BERNOULLI     1 with probability p, else 0 (inputs)
 * and not SATSTAT_FAMILY_ORTHOGONAL (satstat_exact_set_sphere instead). */

/* Deprecated: the exact law's former enum and its spellings, kept so that
 * existing code compiles; use satstat_family and SATSTAT_FAMILY_*. */
typedef satstat_family satstat_exact_family;
#define SATSTAT_EXACT_CONSTANT SATSTAT_FAMILY_CONSTANT
#define SATSTAT_EXACT_NORMAL SATSTAT_FAMILY_NORMAL
#define SATSTAT_EXACT_UNIFORM SATSTAT_FAMILY_UNIFORM
#define SATSTAT_EXACT_TRUNCNORMAL SATSTAT_FAMILY_TRUNC_NORMAL
#define SATSTAT_EXACT_BERNOULLI SATSTAT_FAMILY_BERNOULLI

typedef struct satstat_exact_law {
    satstat_family family;
    double a, b;   /* CONSTANT: a; NORMAL, TRUNCNORMAL: mean a, sd b;
                      UNIFORM: bounds a, b                                 */
    double lo, hi; /* TRUNCNORMAL only: the truncation interval            */
    double p;      /* BERNOULLI only: P(x = 1), 0 ≤ p ≤ 1                  */
} satstat_exact_law;

/* Constructors (no validation here: satstat_exact_add_terms() and
 * satstat_exact_set_bias() validate). */
SATSTAT_API satstat_exact_law satstat_exact_constant(double value);
SATSTAT_API satstat_exact_law satstat_exact_normal(double mean, double sd);
SATSTAT_API satstat_exact_law satstat_exact_uniform(double lo, double hi);
SATSTAT_API satstat_exact_law satstat_exact_truncnormal(double mean, double sd,
                                                        double lo, double hi);
SATSTAT_API satstat_exact_law satstat_exact_bernoulli(double p);

/* The same law as a scheme.h law (constant, normal, uniform, truncated
 * normal); any other family (orthogonal) gives SATSTAT_EINVAL. */
SATSTAT_API int satstat_exact_law_from(const satstat_law *law, satstat_exact_law *out);

/* ---- building z ---------------------------------------------------------- */

typedef struct satstat_exact satstat_exact;

/* Most copies in one call, and in total (beyond: SATSTAT_ERANGE). */
#define SATSTAT_EXACT_MAX_COUNT UINT64_C(1000000000)

/* A new, empty description (z = 0, bias the constant 0).  Free with
 * satstat_exact_free().  SATSTAT_ENOMEM, SATSTAT_EINVAL (out NULL). */
SATSTAT_API int satstat_exact_alloc(satstat_exact **out);

/* NULL is a no-op. */
SATSTAT_API void satstat_exact_free(satstat_exact *e);

/* Add `count` i.i.d. terms w·x, w from `weight`, x from `input`, all
 * independent.  Accepted pairs:
 *   - either factor CONSTANT (a fixed input x scales the weight law: x·w);
 *   - either factor BERNOULLI(p) (the term is (1 − p)·δ0 + p·law(other));
 *   - both random among NORMAL, UNIFORM, TRUNCNORMAL (the product of two
 *     independent variables), except TRUNCNORMAL × TRUNCNORMAL.
 * count = 0 adds nothing.  SATSTAT_EINVAL for NULL or invalid parameters
 * (non-finite values, sd < 0, a > b, p outside [0, 1], ...), SATSTAT_ERANGE
 * for counts beyond SATSTAT_EXACT_MAX_COUNT, SATSTAT_ENOMEM. */
SATSTAT_API int satstat_exact_add_terms(satstat_exact *e, const satstat_exact_law *weight,
                                        const satstat_exact_law *input, uint64_t count);

/* Set (replace) the bias law: CONSTANT, NORMAL, UNIFORM or TRUNCNORMAL. */
SATSTAT_API int satstat_exact_set_bias(satstat_exact *e, const satstat_exact_law *bias);

/* z = scale·T + bias instead of a sum of terms: T is the first coordinate
 * of a point uniform on the unit sphere S^{dim−1}, the law of a row of a
 * Haar-random orthogonal matrix against a fixed input (scale = gain·‖x‖,
 * dim = max(n_in, n_out)); density ∝ (1 − t²)^{(dim−3)/2} on [−1, 1].
 * Computed by quadrature in the angle asin T, not by inversion.  Only on
 * a handle with no terms added (and none may be added after);
 * scale > 0 finite, 2 ≤ dim ≤ 2^53, else SATSTAT_EINVAL. */
SATSTAT_API int satstat_exact_set_sphere(satstat_exact *e, double scale, uint64_t dim);

/* The description of one scheme of a validated config: weights from
 * satstat_scheme_weight_law(), inputs `half` (active inputs equal to 1),
 * `ones`, `bernoulli:P`, `normal:S`, `uniform:A,B`, and `file:PATH` when
 * the weights are normal or constant (only Σx and Σx² matter then); bias
 * from config->bias; orthogonal weights with fixed inputs (half, ones,
 * file) through satstat_exact_set_sphere().  Other cases (orthogonal
 * weights with random inputs, file inputs with non-normal weights: add
 * one term per input value instead) give SATSTAT_EINVAL.  On success *out is a new handle for the caller to
 * free; on error *out is NULL. */
SATSTAT_API int satstat_exact_from_config(const satstat_config *config,
                                          const satstat_scheme *scheme,
                                          satstat_exact **out);

/* ---- queries ------------------------------------------------------------- */

/* A value and the accuracy it has.  `abserr` bounds |value − truth|: the
 * sum of the aliasing bound (tail mass, by Chernoff bounds), the
 * truncation bound (envelope of |φ| beyond the last node), quadrature
 * error estimates and a rounding allowance.  From the main inversion that
 * is an absolute 1e-13 .. 1e-11 for probabilities (larger, and then
 * honest, for laws whose characteristic function decays slowly — see
 * "Limitations" in src/law/exact.c); far tails (P(Z > z) or P(Z < z) beyond the
 * mean, and the regions and intervals made of them) come from an inversion
 * along a shifted contour when the law allows it, with relative accuracy
 * (relerr ≈ 1e-12 down to 1e-300).
 *
 * To print a value with the digits it has: `digits` significant digits
 * (printf "%.*g" with digits), each right to ±1 in the last place; when
 * digits is 0 not even the first digit is known, and only the bound
 * value + abserr (an upper bound of the truth; the truth is also
 * ≥ max(0, value − abserr)) may be printed, never the value as if it
 * were exact.  satstat_exact_digits() gives the same count for any value
 * and error bound (e.g. a moment computed from these results). */
typedef struct satstat_exact_result {
    double value;
    double abserr; /* bound of |value − truth|                          */
    double relerr; /* abserr/|value|; +inf when value = 0 and abserr > 0 */
    int digits;    /* significant digits value carries, 0 .. 15         */
} satstat_exact_result;

/* The significant digits of `value` that an absolute error `abserr` leaves
 * right to ±1 in the last place (printed rounding included): the largest
 * d ≤ 15 with abserr ≤ ½·10^{e−d+1}, e = floor(log10 |value|); so 0 when
 * abserr is more than half the unit of the leading digit, or value is 0
 * and abserr is not.  15 for abserr = 0; 0 for a non-finite value or
 * abserr.  E.g. (−0.0006, 7e-12) → 7; (1e-7, 7e-12) → 4. */
SATSTAT_API int satstat_exact_digits(double value, double abserr);

/* Compute and cache the inversion nodes now (queries do it on first use).
 * SATSTAT_EINVAL for a law with several point masses that cannot be
 * enumerated (constant weights times Bernoulli inputs, with no continuous
 * part, in more than 4096 pieces), SATSTAT_ENUMERIC if a quadrature or a
 * bound fails, SATSTAT_ENOMEM. */
SATSTAT_API int satstat_exact_prepare(satstat_exact *e);

/* E z and Var z. */
SATSTAT_API int satstat_exact_moments(satstat_exact *e, double *mean, double *variance);

/* F(z) = P(Z ≤ z) (right-continuous: point masses at z included). */
SATSTAT_API int satstat_exact_cdf(satstat_exact *e, double z, satstat_exact_result *out);

/* P(Z > z), computed directly (not as 1 − F): both tails have the same
 * absolute accuracy. */
SATSTAT_API int satstat_exact_sf(satstat_exact *e, double z, satstat_exact_result *out);

/* P(a ≤ Z ≤ b), closed (point masses at a and b included); a may be
 * −inf, b +inf; a > b gives 0. */
SATSTAT_API int satstat_exact_interval(satstat_exact *e, double a, double b,
                                       satstat_exact_result *out);

/* P(Z ∈ ∪ [lo_i, hi_i]) for n closed intervals (±inf allowed, lo ≤ hi,
 * in any order; overlaps are merged, not counted twice). */
SATSTAT_API int satstat_exact_region(satstat_exact *e, const satstat_interval *intervals,
                                     size_t n, satstat_exact_result *out);

/* P(|Z| ≥ t), t ≥ 0: the saturated fraction. */
SATSTAT_API int satstat_exact_saturated_fraction(satstat_exact *e, double t,
                                                 satstat_exact_result *out);

/* Density of the continuous part of the law at z (point masses excluded:
 * see satstat_exact_point_mass()).  Its error estimate is infinite when
 * |φ| decays too slowly for the density to be recovered (e.g. a single
 * normal×normal product and nothing smooth beside it). */
SATSTAT_API int satstat_exact_pdf(satstat_exact *e, double z, satstat_exact_result *out);

/* P(Z = z) (0 for a continuous law). */
SATSTAT_API int satstat_exact_point_mass(satstat_exact *e, double z, double *mass);

/* E[g(Z)] for a caller-supplied g, finite and smooth (or piecewise smooth
 * with its kinks at 0) on the range of Z: point masses times g there, plus
 * adaptive Gauss–Kronrod quadrature of g times the density, split into
 * panels (at μ + kσ, at 0, at the knots of the exact pieces).  A non-finite
 * g(z) gives SATSTAT_ENUMERIC. */
SATSTAT_API int satstat_exact_expectation(satstat_exact *e, double (*g)(double z, void *ctx),
                                          void *ctx, satstat_exact_result *out);

/* ---- against the normal approximation ------------------------------------ */

typedef struct satstat_exact_gap {
    double mean, sd;  /* of Z: the normal approximation N(mean, sd²)       */
    double sup_cdf;   /* sup_z |F(z) − Φ((z − mean)/sd)| over the grid      */
    double at;        /* the z where it is reached                          */
    double abserr;    /* largest error estimate of F on the grid            */
} satstat_exact_gap;

/* The Kolmogorov distance between the exact law and its normal
 * approximation, on a grid of 1601 points over mean ± 8 sd (both sides of
 * each point mass included).  sd = 0 gives 0. */
SATSTAT_API int satstat_exact_normal_gap(satstat_exact *e, satstat_exact_gap *out);

/* ---- introspection -------------------------------------------------------- */

typedef struct satstat_exact_info {
    size_t pieces;        /* closed-form pieces (point masses, uniform sums)  */
    double exact_mass;    /* their total probability                          */
    size_t nodes;         /* trapezoid nodes of the inverted remainder (0:
                             none, the law is all pieces)                     */
    double step;          /* Δ of the nodes                                   */
    double range_lo, range_hi; /* where the remainder is inverted; outside,
                             it is taken as 0 or its whole mass               */
    double tail_bound;    /* Chernoff bound of the mass outside the range     */
    double trunc_cdf;     /* truncation bound of F's series                   */
    double trunc_pdf;     /* truncation bound of the density's series        */
    int direct;           /* 1: |φ| decays too slowly for the nodes, and the
                             remainder is integrated per query instead (QAG
                             then QAWF, closed-form CFs only): `nodes` is 0 */
} satstat_exact_info;

SATSTAT_API int satstat_exact_get_info(satstat_exact *e, satstat_exact_info *out);

#ifdef __cplusplus
}
#endif
#endif
