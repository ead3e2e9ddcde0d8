/* deep-int.h — what the deep modules share inside the library. */
#ifndef SATSTAT_DEEP_INT_H
#define SATSTAT_DEEP_INT_H

#include <stdint.h>

#include <satstat/deep.h>

/* Internal to the library: not exported from the shared object. */
#pragma GCC visibility push(hidden)

/* satstat_deep_depth_scales with the quadrature's node count chosen:
 * coarse = 0 the full rule (32 Gauss–Legendre nodes a piece), 1 a 10-node
 * rule for the phase diagram's ξ_c map, where a figure's colour needs far
 * fewer digits than the 1e-12 of the report (deep_corr.c). */
int satstat__deep_depth_scales(const satstat_activation *act, double sw2_fan_in, double mu_b,
                               double sigma_b2, const satstat_deep_fixed_point *fp, int coarse,
                               satstat_deep_depth *out);

/* The Pearson correlation of a and b over n entries (NaN when either is
 * constant): the sampled cˡ of a pair (deep_corr.c). */
double satstat__pearson(const double *a, const double *b, size_t n);
/* −(least-squares slope of ln|c_k − c*| against k = 1..n): the decay rate
 * whose inverse estimates ξ_c; NaN when some c_k = c* or n < 2. */
double satstat__decay_rate(const double *c, size_t n, double c_star);

/* ---- the Jacobian of a sampled network (deep_jacobian.c) ---------------- */

typedef struct satstat__jacobian {
    size_t rows, cols;     /* W, n_in                                      */
    double *j, *t;         /* J and the product's scratch, rows × cols     */
    double *v, *s, *work;  /* the SVD's                                    */
} satstat__jacobian;

/* Bytes satstat__jacobian_alloc takes (saturating). */
uint64_t satstat__jacobian_bytes(uint64_t width, uint64_t n_in);
int satstat__jacobian_alloc(satstat__jacobian *js, size_t width, size_t n_in);
void satstat__jacobian_free(satstat__jacobian *js);
/* J = diag(dphi)·W₁ (w1: W × n_in row-major). */
void satstat__jacobian_first(satstat__jacobian *js, const double *w1, const double *dphi);
/* T = W_l·J (w: W × W row-major); then satstat__jacobian_scale. */
int satstat__jacobian_product(satstat__jacobian *js, const double *w);
/* J = diag(dphi)·T (T filled by satstat__jacobian_product, or column by
 * column by the caller for orthogonal layers). */
void satstat__jacobian_scale(satstat__jacobian *js, const double *dphi);
/* The min(W, n_in) singular values of J, descending, into sv, and the
 * moments m_k = Σσ^{2k}/n_in, k = 1, 2, 3.  Destroys T. */
int satstat__jacobian_spectrum(satstat__jacobian *js, double *sv, double moments[3]);

typedef struct satstat__jacobian_theory_out {
    double m1, m2;                          /* free probability (m2: square
                                               layers only, else NaN)      */
    double fuss_catalan_m2, fuss_catalan_m3; /* linear, i.i.d., square; NaN
                                               otherwise                  */
} satstat__jacobian_theory_out;

/* The moments of JᵀJ's spectrum as the width → ∞ (deep_jacobian.c): per
 * layer sw2_w[l] = σ_{w,l}²·W and q[l] the mean-field variance of zˡ⁺¹. */
int satstat__jacobian_theory(const satstat_activation *act, double mu_b, size_t layers,
                             const double *sw2_w, const double *q, int orthogonal, int square,
                             satstat__jacobian_theory_out *out);

#pragma GCC visibility pop

#endif
