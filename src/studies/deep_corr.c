/* deep_corr.c — the mean-field correlation map of two inputs and the depth
 * scales (satstat/deep.h, "the correlation map").
 *
 * Two inputs whose layer-l pre-activations have the common variance qˡ
 * and correlation cˡ: unit i sees (u₁, u₂) jointly normal with mean
 * (μ_b, μ_b) and covariance qˡ·[[1, cˡ], [cˡ, 1]], and
 *     cˡ⁺¹ = (σ_w²W·E[φ(u₁)φ(u₂)] + σ_b²)/qˡ⁺¹
 * (Poole et al. 2016, eq. 5; the covariance of z₁ and z₂ over the weights
 * and the bias, the bias mean taken out — what the sampled Pearson
 * correlation across units estimates).  At q* the map fixes c = 1; its
 * slope there is χ₁, and at any fixed point c* it is, by Price's theorem
 * (∂/∂Σ₁₂ E[f(u₁)g(u₂)] = E[f'(u₁)g'(u₂)]),
 *     χ_c = σ_w²W·E[φ'(u₁)φ'(u₂)],  (u₁, u₂) at (q*, c*).
 * Schoenholz et al. 2017 (eqs. 6–9): qˡ − q* ∝ e^{−l/ξ_q} and
 * cˡ − c* ∝ e^{−l/ξ_c} with
 *     ξ_q⁻¹ = −ln(dq⁺/dq at q*),   ξ_c⁻¹ = −ln χ_c,
 * where dq⁺/dq = χ₁ + σ_w²W·E[φ(u)φ''(u)]; we take it by Stein's lemma
 * as σ_w²W·E[φ(u)φ'(u)(u − μ_b)]/q*, which needs no φ'' (relu, selu have
 * none at 0); at q* = 0, where φ(μ_b) = 0 and σ_b² = 0, it is χ₁.
 *
 * The 2-D expectations are iterated 1-D ones: u₁ = μ + √q·z₁ outside,
 * and given u₁, u₂ ~ N(μ + c(u₁ − μ), q(1 − c²)) inside — exact at
 * c = ±1 (the inner normal of width 0 is its one-sided-limit mean, as for
 * the length map).  Each 1-D rule is a composite Gauss–Legendre rule cut
 * at the kinks (normal_fixed below): a product Gauss–Hermite rule
 * converges only algebraically across the kink of relu or selu (a kink
 * line crosses the plane obliquely), and nested adaptive quadrature
 * (satstat_normal_expectation inside and out) took 5 s for one c*.
 */
#include <satstat/deep.h>

#include <math.h>
#include <pthread.h>
#include <string.h>

#include <gsl/gsl_integration.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include <satstat/analytic.h>
#include <satstat/error.h>

#include "studies/deep-int.h"
#include "base/gsl-int.h"

/* E[g(u)], u ~ N(m, s²), s > 0, by fixed Gauss–Legendre rules (GSL's
 * gsl_integration_glfixed, GL_NODES nodes) on the pieces of
 * [m − 10s, m + 10s] cut at m, m ± 2.5s, m ± 5s, and at 0, ±1, ±2.5, ±5 —
 * 0 where every kink of the table's activations lies (relu, leaky-relu,
 * selu: φ' jumps; softsign: φ'' jumps), the others where the smooth ones
 * bend: on each piece the integrand g·(normal density) is analytic and
 * varies on the scale of the piece, so the rule converges geometrically.  Beyond 10 s the normal mass is
 * 1.5e-23, times a g that grows at most linearly.  Checked against
 * independent mpmath quadrature (tests/ref/deep_corr.py). */
#define GL_NODES 32
#define GL_NODES_COARSE 10
#define GL_REACH 10.0

/* The tables for the process (read-only after they are made): the full
 * rule, and the coarse one of the phase diagram's ξ_c map (coarse = 1;
 * 10 nodes: 1e-6 relative in ξ_c against the full rule, test_phase_xi_c,
 * where 8 gave 1.7e-6; c* there to 1e-10).
 * Both node counts are among those GSL tabulates to full precision (2–20,
 * 32, 64, 96, …); for others it computes the nodes by iteration, and 48
 * nodes gave c* 3e-11 off where 32 give 1e-16. */
static gsl_integration_glfixed_table *gl_shared[2];

static void gl_init(void)
{
    gl_shared[0] = gsl_integration_glfixed_table_alloc(GL_NODES);
    gl_shared[1] = gsl_integration_glfixed_table_alloc(GL_NODES_COARSE);
}

static gsl_integration_glfixed_table *gl_table(int coarse)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    (void)pthread_once(&once, gl_init);
    return gl_shared[coarse ? 1 : 0];
}

static double normal_fixed(double (*g)(double, void *), void *ctx, double m, double s,
                           int coarse)
{
    /* relative cuts (the normal's shape) and absolute ones (the
     * activation's: its kinks at 0, and where a smooth one bends, within
     * a few units of 0 — tanh at q* = 3000 is a step of width 1 inside a
     * normal of sd 55), ascending, inside [m − 10s, m + 10s] */
    static const double rel[] = {-GL_REACH, -5.0, -2.5, 0.0, 2.5, 5.0, GL_REACH};
    static const double absolute[] = {-5.0, -2.5, -1.0, 0.0, 1.0, 2.5, 5.0};
    enum { N_REL = sizeof rel / sizeof rel[0], N_ABS = sizeof absolute / sizeof absolute[0] };
    double cut[N_REL + N_ABS];
    size_t n = 0, i = 0, k = 0;
    double lo = m + rel[0] * s, hi = m + rel[N_REL - 1] * s;
    while (i < N_REL || k < N_ABS) {
        double x;
        if (k >= N_ABS || (i < N_REL && m + rel[i] * s <= absolute[k]))
            x = m + rel[i++] * s;
        else
            x = absolute[k++];
        if (x < lo || x > hi || (n > 0 && !(x > cut[n - 1])))
            continue;
        cut[n++] = x;
    }
    const gsl_integration_glfixed_table *t = gl_table(coarse);
    double sum = 0.0, norm = 1.0 / (s * sqrt(2.0 * M_PI));
    for (size_t p = 0; p + 1 < n; p++) {
        double a = cut[p], b = cut[p + 1];
        if (!(b > a))
            continue;
        double piece = 0.0;
        for (size_t node = 0; node < t->n; node++) {
            double xi, wi;
            gsl_integration_glfixed_point(a, b, node, &xi, &wi, t);
            double d = (xi - m) / s;
            piece += wi * g(xi, ctx) * exp(-0.5 * d * d);
        }
        sum += piece;
    }
    return sum * norm;
}

typedef struct pair_ctx {
    double (*f)(double);  /* of u₁ */
    double (*g)(double);  /* of u₂ */
    double mu, q, c;
    int coarse;
} pair_ctx;

typedef struct inner_ctx {
    double (*g)(double);
} inner_ctx;

static double inner_g(double u, void *ctx)
{
    return ((const inner_ctx *)ctx)->g(u);
}

/* E[g(u₂) | u₁], the inner normal of variance var; at variance 0 the
 * mean of the one-sided limits (as expect_limit in deep.c: the width → 0
 * limit, not g at the point, where g jumps). */
static double inner_expect(double (*g)(double), double mean, double var, int coarse)
{
    if (var > 0) {
        inner_ctx ic = {g};
        return normal_fixed(inner_g, &ic, mean, sqrt(var), coarse);
    }
    double h = mean != 0 ? 1e-12 * fabs(mean) : 1e-300;
    return 0.5 * (g(mean - h) + g(mean + h));
}

static double outer(double u1, void *ctx)
{
    const pair_ctx *p = ctx;
    double f = p->f(u1);
    if (f == 0.0)
        return 0.0; /* relu's dead side: the inner integral is not needed */
    double var = p->q * (1.0 - p->c * p->c);
    return f * inner_expect(p->g, p->mu + p->c * (u1 - p->mu), var > 0 ? var : 0.0,
                            p->coarse);
}

/* E[f(u₁)g(u₂)], (u₁, u₂) ~ N((μ, μ), q·[[1, c], [c, 1]]). */
static int pair_expect(double (*f)(double), double (*g)(double), double mu, double q, double c,
                       int coarse, double *out)
{
    if (!(q >= 0) || !isfinite(q) || !(c >= -1.0 && c <= 1.0) || !isfinite(mu))
        return SATSTAT_EINVAL;
    if (!gl_table(coarse))
        return SATSTAT_ENOMEM;
    pair_ctx p = {f, g, mu, q, c, coarse};
    if (q > 0) {
        *out = normal_fixed(outer, &p, mu, sqrt(q), coarse);
    } else {
        double h = mu != 0 ? 1e-12 * fabs(mu) : 1e-300;
        *out = 0.5 * (f(mu - h) * g(mu - h) + f(mu + h) * g(mu + h));
    }
    return isfinite(*out) ? SATSTAT_OK : SATSTAT_ENUMERIC;
}

static int check_common(const satstat_activation *act, double sw2_fan_in, double mu_b,
                        double q, double c, const void *out)
{
    if (!act || !out || !(sw2_fan_in >= 0) || !isfinite(sw2_fan_in) || !isfinite(mu_b)
        || !(q >= 0) || !isfinite(q) || !(c >= -1.0 && c <= 1.0))
        return SATSTAT_EINVAL;
    return SATSTAT_OK;
}

static int covariance_map(const satstat_activation *act, double sw2_fan_in, double mu_b,
                          double sigma_b2, double q, double c, int coarse, double *out)
{
    int rc = check_common(act, sw2_fan_in, mu_b, q, c, out);
    if (rc != SATSTAT_OK || !(sigma_b2 >= 0) || !isfinite(sigma_b2))
        return rc != SATSTAT_OK ? rc : SATSTAT_EINVAL;
    satstat__gsl_quiet();
    double e;
    rc = pair_expect(act->phi, act->phi, mu_b, q, c, coarse, &e);
    if (rc != SATSTAT_OK)
        return rc;
    *out = sw2_fan_in * e + sigma_b2;
    return isfinite(*out) ? SATSTAT_OK : SATSTAT_ENUMERIC;
}

int satstat_deep_covariance_map(const satstat_activation *act, double sw2_fan_in, double mu_b,
                                double sigma_b2, double q, double c, double *out)
{
    return covariance_map(act, sw2_fan_in, mu_b, sigma_b2, q, c, 0, out);
}

static int chi_c(const satstat_activation *act, double sw2_fan_in, double mu_b, double q,
                 double c, int coarse, double *out)
{
    int rc = check_common(act, sw2_fan_in, mu_b, q, c, out);
    if (rc != SATSTAT_OK)
        return rc;
    satstat__gsl_quiet();
    double e;
    rc = pair_expect(act->dphi, act->dphi, mu_b, q, c, coarse, &e);
    if (rc != SATSTAT_OK)
        return rc;
    *out = sw2_fan_in * e;
    return isfinite(*out) ? SATSTAT_OK : SATSTAT_ENUMERIC;
}

int satstat_deep_chi_c(const satstat_activation *act, double sw2_fan_in, double mu_b, double q,
                       double c, double *out)
{
    return chi_c(act, sw2_fan_in, mu_b, q, c, 0, out);
}

int satstat_deep_correlation_map(const satstat_activation *act, double sw2_fan_in, double mu_b,
                                 double sigma_b2, double q, double c, double *q_next,
                                 double *c_next)
{
    double cov, len;
    int rc = satstat_deep_covariance_map(act, sw2_fan_in, mu_b, sigma_b2, q, c, &cov);
    if (rc == SATSTAT_OK)
        rc = satstat_deep_length_map(act, sw2_fan_in, mu_b, sigma_b2, q, &len);
    if (rc != SATSTAT_OK)
        return rc;
    if (q_next)
        *q_next = len;
    if (c_next) {
        /* a vanishing length (q = 0, no bias): the two vectors are both
         * 0, equal — correlation 1 by continuity of c = 1 */
        *c_next = len > 0 ? cov / len : 1.0;
        if (*c_next > 1.0)
            *c_next = 1.0; /* rounding of the two quadratures */
        if (*c_next < -1.0)
            *c_next = -1.0;
    }
    return SATSTAT_OK;
}

/* ---- c*, χ_c and the depth scales -------------------------------------------*/

typedef struct cfp_ctx {
    const satstat_activation *act;
    double a, mu, sb2, q;
    int coarse, err;
} cfp_ctx;

/* cmap(c) − c at q = q* */
static double cfp_F(double c, void *ctx)
{
    cfp_ctx *x = ctx;
    double cov;
    int rc = covariance_map(x->act, x->a, x->mu, x->sb2, x->q, c, x->coarse, &cov);
    if (rc != SATSTAT_OK) {
        if (!x->err)
            x->err = rc;
        return NAN;
    }
    return cov / x->q - c;
}

/* φ(u)φ'(u)(u − μ): by Stein's lemma σ_w²W·E[this]/q is d/dq of
 * σ_w²W·E[φ(u)²], the slope of the length map at q (head of the file). */
typedef struct slope_ctx {
    const satstat_activation *act;
    double mu;
} slope_ctx;

static double slope_f(double u, void *ctx)
{
    const slope_ctx *s = ctx;
    return s->act->phi(u) * s->act->dphi(u) * (u - s->mu);
}

#define CFP_RELTOL 1e-13
#define CFP_BRENT_MAX 200

int satstat__deep_depth_scales(const satstat_activation *act, double sw2_fan_in, double mu_b,
                               double sigma_b2, const satstat_deep_fixed_point *fp, int coarse,
                               satstat_deep_depth *out)
{
    if (!act || !fp || !out || !(sw2_fan_in >= 0) || !isfinite(sw2_fan_in) || !isfinite(mu_b)
        || !(sigma_b2 >= 0) || !isfinite(sigma_b2))
        return SATSTAT_EINVAL;
    out->c_star = out->chi_c = out->length_slope = out->xi_q = out->xi_c = NAN;
    if (!fp->finite)
        return SATSTAT_OK; /* no q*: no c-map at q*, no depth scale */
    satstat__gsl_quiet();
    double q = fp->q;
    int rc;
    /* ξ_q: the slope of the length map at q* */
    if (q > 0) {
        slope_ctx sc = {act, mu_b};
        double e;
        rc = satstat_normal_expectation(slope_f, &sc, mu_b, sqrt(q), &e);
        if (rc != SATSTAT_OK)
            return rc;
        out->length_slope = sw2_fan_in * e / q;
    } else {
        out->length_slope = fp->chi1;
    }
    /* c*: 1 unless the map pulls c away from 1 (χ₁ > 1, chaotic) */
    if (fp->regime != SATSTAT_DEEP_CHAOTIC || q == 0) {
        out->c_star = 1.0;
        out->chi_c = fp->chi1;
    } else {
        cfp_ctx x = {act, sw2_fan_in, mu_b, sigma_b2, q, coarse, 0};
        /* F(0) = (σ_w²W·E[φ(u)]² + σ_b²)/q* ≥ 0; just below 1, F ≈ (1 −
         * χ₁)(c − 1)·(−1) < 0.  Walk down from 1 to a sign change. */
        double lo = 0.0, Flo = cfp_F(0.0, &x);
        if (x.err)
            return x.err;
        double hi = NAN;
        if (Flo <= 0) {
            out->c_star = 0.0; /* F(0) = 0: odd φ, no bias */
        } else {
            for (double d = 0.5; d > 1e-9; d /= 2) {
                double Fc = cfp_F(1.0 - d, &x);
                if (x.err)
                    return x.err;
                if (Fc < 0) {
                    hi = 1.0 - d;
                    break;
                }
                lo = 1.0 - d;
            }
            if (isnan(hi)) {
                out->c_star = 1.0; /* no pull measurable: within 1e-9 of 1 */
            } else {
                gsl_function fn = {cfp_F, &x};
                gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
                if (!s)
                    return SATSTAT_ENOMEM;
                if (gsl_root_fsolver_set(s, &fn, lo, hi) != GSL_SUCCESS) {
                    gsl_root_fsolver_free(s);
                    return x.err ? x.err : SATSTAT_ENUMERIC;
                }
                int status = GSL_CONTINUE;
                for (int it = 0; it < CFP_BRENT_MAX && status == GSL_CONTINUE; it++) {
                    if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS || x.err)
                        break;
                    status = gsl_root_test_interval(gsl_root_fsolver_x_lower(s),
                                                    gsl_root_fsolver_x_upper(s), 1e-15,
                                                    coarse ? 1e-10 : CFP_RELTOL);
                }
                out->c_star = gsl_root_fsolver_root(s);
                gsl_root_fsolver_free(s);
                if (x.err)
                    return x.err;
                if (status != GSL_SUCCESS)
                    return SATSTAT_ENUMERIC;
            }
        }
        rc = chi_c(act, sw2_fan_in, mu_b, q, out->c_star, coarse, &out->chi_c);
        if (rc != SATSTAT_OK)
            return rc;
    }
    /* the depth scales: a slope of 1 (criticality) makes them infinite,
     * reported as +inf (JSON null, text "inf"); a slope ≤ 0 has no
     * exponential rate (not met for the table's activations) */
    out->xi_q = out->length_slope > 0 && out->length_slope < 1 ? -1.0 / log(out->length_slope)
                : out->length_slope >= 1 ? INFINITY : NAN;
    out->xi_c = out->chi_c > 0 && out->chi_c < 1 ? -1.0 / log(out->chi_c)
                : out->chi_c >= 1 ? INFINITY : NAN;
    /* within the tolerance of χ₁ = 1 the computed χ_c (= χ₁ there) and
     * the slope are 1 up to their quadrature error: the scales diverge */
    if (fp->regime == SATSTAT_DEEP_CRITICAL) {
        out->xi_c = INFINITY;
        if (fabs(out->length_slope - 1.0) <= SATSTAT_DEEP_CRITICAL_TOL)
            out->xi_q = INFINITY;
    }
    return SATSTAT_OK;
}

int satstat_deep_depth_scales(const satstat_activation *act, double sw2_fan_in, double mu_b,
                              double sigma_b2, const satstat_deep_fixed_point *fp,
                              satstat_deep_depth *out)
{
    return satstat__deep_depth_scales(act, sw2_fan_in, mu_b, sigma_b2, fp, 0, out);
}

/* ---- the sampled side -----------------------------------------------------*/

/* The Pearson correlation of a and b over n entries (NaN when either is
 * constant). */
double satstat__pearson(const double *a, const double *b, size_t n)
{
    double ma = 0, mb = 0;
    for (size_t i = 0; i < n; i++) {
        ma += a[i];
        mb += b[i];
    }
    ma /= (double)n;
    mb /= (double)n;
    double saa = 0, sbb = 0, sab = 0;
    for (size_t i = 0; i < n; i++) {
        double da = a[i] - ma, db = b[i] - mb;
        saa += da * da;
        sbb += db * db;
        sab += da * db;
    }
    return saa > 0 && sbb > 0 ? sab / sqrt(saa * sbb) : NAN;
}

double satstat__decay_rate(const double *c, size_t n, double c_star)
{
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t k = 0; k < n; k++) {
        double l = (double)(k + 1), y = log(fabs(c[k] - c_star));
        if (!isfinite(y))
            return NAN;
        sx += l;
        sy += y;
        sxx += l * l;
        sxy += l * y;
    }
    double dn = (double)n, den = dn * sxx - sx * sx;
    return den > 0 ? -(dn * sxy - sx * sy) / den : NAN;
}
