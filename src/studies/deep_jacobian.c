/* deep_jacobian.c — the input–output Jacobian of a sampled network and the
 * theory of its spectrum (satstat/deep.h, --jacobian).
 *
 * J = D_L W_L ⋯ D_1 W_1, D_l = diag φ'(zˡ), is built layer by layer as the
 * forward pass goes (J ← D_l·(W_l·J), one W × W by W × n_in product a
 * layer), then its singular values come from GSL's SVD (Golub–Kahan,
 * gsl_linalg_SV_decomp) of J, or of Jᵀ when W < n_in (GSL needs at least
 * as many rows as columns).  The moments reported are those of the
 * squared singular values, m_k = (1/n_in)·Σ σᵢ^{2k} = tr((JᵀJ)^k)/n_in.
 *
 * Theory, as the width goes to infinity (free probability; Pennington,
 * Schoenholz & Ganguli 2017, "Resurrecting the sigmoid in deep learning
 * through dynamical isometry", and 2018, "The emergence of spectral
 * universality in deep networks"): JᵀJ is a free multiplicative
 * convolution of the layers' W_lᵀW_l and D_l², so its S-transform is the
 * product of theirs.  With S(z) = (1/m₁)(1 − v·z + O(z²)), v = m₂/m₁² − 1
 * the normalized variance, the product gives
 *     m₁ = Π_l σ_{w,l}²·W·μ₁ˡ,   m₂/m₁² − 1 = Σ_l (v_W + μ₂ˡ/(μ₁ˡ)² − 1),
 * with μ_kˡ = E[φ'(zˡ)^{2k}] under the mean field and v_W = 1 for i.i.d.
 * weights of a square layer (Marchenko–Pastur), 0 for orthogonal ones.
 * At criticality (m₁ = 1) this is Pennington et al.'s σ²_{JJᵀ} =
 * L(μ₂/μ₁² − 1 − s₁), s₁ = 0 Gaussian, −1 orthogonal.  For linear units
 * and i.i.d. square layers the whole spectrum is known: JᵀJ is a product
 * of L Wishart-like factors whose moments are the Fuss–Catalan numbers,
 * m_k = m₁^k·C((L + 1)k, k)/(Lk + 1) (m₂ = m₁²(L + 1)); with orthogonal
 * square layers every singular value is gain^L.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_vector.h>

#include <satstat/activation.h>
#include <satstat/analytic.h>
#include <satstat/error.h>

#include "studies/deep-int.h"

uint64_t satstat__jacobian_bytes(uint64_t width, uint64_t n_in)
{
    uint64_t big = width > n_in ? width : n_in, small = width < n_in ? width : n_in;
    /* J and the product T (W × n_in each), V (small²), S and work (small) */
    long double b = (long double)width * (long double)n_in * 2 + (long double)small * small
                    + 2 * (long double)small + (long double)big;
    b *= sizeof(double);
    return b >= 1.8e19L ? UINT64_MAX : (uint64_t)b;
}

void satstat__jacobian_free(satstat__jacobian *js)
{
    if (!js)
        return;
    free(js->j);
    free(js->t);
    free(js->v);
    free(js->s);
    free(js->work);
    memset(js, 0, sizeof *js);
}

int satstat__jacobian_alloc(satstat__jacobian *js, size_t width, size_t n_in)
{
    memset(js, 0, sizeof *js);
    size_t small = width < n_in ? width : n_in, big = width > n_in ? width : n_in;
    js->rows = width;
    js->cols = n_in;
    js->j = malloc(width * n_in * sizeof(double));
    js->t = malloc(width * n_in * sizeof(double));
    js->v = malloc(small * small * sizeof(double));
    js->s = malloc(small * sizeof(double));
    js->work = malloc((big > small ? big : small) * sizeof(double));
    if (!js->j || !js->t || !js->v || !js->s || !js->work) {
        satstat__jacobian_free(js);
        return SATSTAT_ENOMEM;
    }
    return SATSTAT_OK;
}

void satstat__jacobian_first(satstat__jacobian *js, const double *w1, const double *dphi)
{
    for (size_t i = 0; i < js->rows; i++)
        for (size_t j = 0; j < js->cols; j++)
            js->j[i * js->cols + j] = dphi[i] * w1[i * js->cols + j];
}

int satstat__jacobian_product(satstat__jacobian *js, const double *w)
{
    gsl_matrix_const_view m = gsl_matrix_const_view_array(w, js->rows, js->rows);
    gsl_matrix_const_view a = gsl_matrix_const_view_array(js->j, js->rows, js->cols);
    gsl_matrix_view t = gsl_matrix_view_array(js->t, js->rows, js->cols);
    return gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1.0, &m.matrix, &a.matrix, 0.0,
                          &t.matrix) == GSL_SUCCESS ? SATSTAT_OK : SATSTAT_ENUMERIC;
}

void satstat__jacobian_scale(satstat__jacobian *js, const double *dphi)
{
    for (size_t i = 0; i < js->rows; i++)
        for (size_t j = 0; j < js->cols; j++)
            js->t[i * js->cols + j] *= dphi[i];
    double *x = js->j;
    js->j = js->t;
    js->t = x;
}

int satstat__jacobian_spectrum(satstat__jacobian *js, double *sv, double moments[3])
{
    size_t W = js->rows, n = js->cols, small = W < n ? W : n;
    /* A = J (W ≥ n) or Jᵀ (W < n), at least as many rows as columns,
     * into T (destroyed by the decomposition) */
    size_t ar = W >= n ? W : n, ac = small;
    if (W >= n) {
        memcpy(js->t, js->j, W * n * sizeof(double));
    } else {
        for (size_t i = 0; i < W; i++)
            for (size_t j = 0; j < n; j++)
                js->t[j * W + i] = js->j[i * n + j];
    }
    gsl_matrix_view a = gsl_matrix_view_array(js->t, ar, ac);
    gsl_matrix_view v = gsl_matrix_view_array(js->v, ac, ac);
    gsl_vector_view s = gsl_vector_view_array(js->s, ac);
    gsl_vector_view work = gsl_vector_view_array(js->work, ac);
    if (gsl_linalg_SV_decomp(&a.matrix, &v.matrix, &s.vector, &work.vector) != GSL_SUCCESS)
        return SATSTAT_ENUMERIC;
    double m1 = 0, m2 = 0, m3 = 0;
    for (size_t k = 0; k < small; k++) {
        double x = js->s[k], x2 = x * x;
        sv[k] = x;
        m1 += x2;
        m2 += x2 * x2;
        m3 += x2 * x2 * x2;
    }
    moments[0] = m1 / (double)n;
    moments[1] = m2 / (double)n;
    moments[2] = m3 / (double)n;
    return isfinite(moments[2]) ? SATSTAT_OK : SATSTAT_ENUMERIC;
}

/* ---- theory ------------------------------------------------------------------*/

typedef struct pow_ctx {
    double (*dphi)(double);
    int power;
} pow_ctx;

static double dphi_pow(double z, void *ctx)
{
    const pow_ctx *c = ctx;
    return pow(c->dphi(z), c->power);
}

/* E[φ'(z)^power], z ~ N(mu, v); v = 0: the mean of the one-sided limits
 * (as the length map takes it, deep.c expect_limit). */
static int dphi_moment(const satstat_activation *act, double mu, double v, int power,
                       double *out)
{
    pow_ctx c = {act->dphi, power};
    if (v > 0)
        return satstat_normal_expectation(dphi_pow, &c, mu, sqrt(v), out);
    double h = mu != 0 ? 1e-12 * fabs(mu) : 1e-300;
    *out = 0.5 * (dphi_pow(mu - h, &c) + dphi_pow(mu + h, &c));
    return isfinite(*out) ? SATSTAT_OK : SATSTAT_ENUMERIC;
}

int satstat__jacobian_theory(const satstat_activation *act, double mu_b, size_t layers,
                             const double *sw2_w, const double *q, int orthogonal, int square,
                             satstat__jacobian_theory_out *out)
{
    out->m1 = 1.0;
    out->m2 = out->fuss_catalan_m2 = out->fuss_catalan_m3 = NAN;
    double vsum = 0;
    for (size_t l = 0; l < layers; l++) {
        double mu1, mu2;
        if (!isfinite(q[l]))
            return out->m1 = NAN, SATSTAT_OK;
        int rc = dphi_moment(act, mu_b, q[l], 2, &mu1);
        if (rc == SATSTAT_OK)
            rc = dphi_moment(act, mu_b, q[l], 4, &mu2);
        if (rc != SATSTAT_OK)
            return rc;
        out->m1 *= sw2_w[l] * mu1;
        vsum += (orthogonal ? 0.0 : 1.0) + (mu1 > 0 ? mu2 / (mu1 * mu1) - 1.0 : NAN);
    }
    if (square) {
        out->m2 = out->m1 * out->m1 * (1.0 + vsum);
        /* linear units, i.i.d. weights: Fuss–Catalan, m_k = m₁^k·FC_L(k) */
        if (!orthogonal && act == satstat_activation_find("linear")) {
            double L = (double)layers;
            out->fuss_catalan_m2 = out->m1 * out->m1 * gsl_sf_choose((unsigned)(2 * L + 2), 2)
                                   / (2 * L + 1);
            out->fuss_catalan_m3 = out->m1 * out->m1 * out->m1
                                   * gsl_sf_choose((unsigned)(3 * L + 3), 3) / (3 * L + 1);
        }
    }
    return SATSTAT_OK;
}
