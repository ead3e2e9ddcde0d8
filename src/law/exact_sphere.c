/* exact_sphere.c — sphere mode of the exact law (exact-int.h,
 * satstat_exact_set_sphere): z = c·T + b, T a coordinate of a point uniform
 * on a sphere. */
#include "law/exact-int.h"

/* ---- sphere mode: a row of a Haar-random orthogonal matrix ---------------------------
 *
 * For an orthogonal layer (satstat_exact_set_sphere) z = c·T + b with
 * c = gain·‖x‖ and T the first coordinate of a point uniform on the unit
 * sphere S^{m−1}, m = max(n_in, n_out): a row of a Haar orthogonal matrix
 * (or the first n_in entries of one, when n_out > n_in) is uniform on its
 * sphere, and by rotation invariance ⟨u, x⟩ has the law of ‖x‖·u_1.  T has
 * the density (1 − t²)^{(m−3)/2}/B(½, (m−1)/2) on [−1, 1] (T² ~ Beta(½,
 * (m−1)/2); Muirhead 1982, Aspects of Multivariate Statistical Theory,
 * Thm 1.5.7), E T = 0, E T² = 1/m.  Everything is computed in the angle
 * θ = asin T, whose density cos^{m−2}θ/B(½, (m−1)/2) on [−π/2, π/2] is
 * smooth for every m ≥ 2 (m = 2: the arcsine law of T becomes uniform in
 * θ), by GSL adaptive quadrature against the bias law:
 *     P(Z > z) = ∫ f_θ(θ) P(b > z − c sin θ) dθ,
 *     f_Z(z)   = ∫ f_θ(θ) f_b(z − c sin θ) dθ,
 *     E g(Z)   = ∫ f_θ(θ) E_b[g(c sin θ + b)] dθ.
 * cos^{m−2}θ ≤ e^{−(m−2)θ²/2}, so θ beyond 40/√(m−2) carries less than
 * e^{−800} and is left out.  No characteristic function is inverted. */

static double sph_theta_density(const satstat_exact *e, double th)
{
    if (e->sph_m == 2.0)
        return 1.0 / M_PI;
    if (!(fabs(th) < M_PI / 2.0))
        return 0.0;
    /* log cos θ = ½ log1p(−sin²θ): full relative accuracy near θ = 0, where
     * the mass is, even when (m − 2) multiplies it by 2^24 */
    double sn = sin(th);
    return exp(0.5 * (e->sph_m - 2.0) * log1p(-sn * sn) - e->sph_lnb);
}

/* P(b > y) (upper) or P(b ≤ y) of a continuous bias law. */
static double sph_bias_tail(const slaw *b, double y, int upper)
{
    switch (b->fam) {
    case F_NORMAL: {
        double u = (y - b->a) / b->b;
        return upper ? gsl_cdf_ugaussian_Q(u) : gsl_cdf_ugaussian_P(u);
    }
    case F_UNIFORM: {
        double lo = b->a - b->b, hi = b->a + b->b;
        double f = y <= lo ? 0.0 : (y >= hi ? 1.0 : (y - lo) / (hi - lo));
        if (upper)
            f = y <= lo ? 1.0 : (y >= hi ? 0.0 : (hi - y) / (hi - lo));
        return f;
    }
    case F_TRUNC: {
        double u = (y - b->a) / b->b;
        if (u <= b->alpha)
            return upper ? 1.0 : 0.0;
        if (u >= b->beta)
            return upper ? 0.0 : 1.0;
        double z = exp(b->lz);
        return (upper ? satstat__exact_phi_diff(u, b->beta)
                      : satstat__exact_phi_diff(b->alpha, u)) / z;
    }
    default:
        return y >= b->a ? (upper ? 0.0 : 1.0) : (upper ? 1.0 : 0.0);
    }
}

static double sph_bias_density(const slaw *b, double y)
{
    switch (b->fam) {
    case F_NORMAL:
        return gsl_ran_ugaussian_pdf((y - b->a) / b->b) / b->b;
    case F_UNIFORM:
        return fabs(y - b->a) <= b->b ? 0.5 / b->b : 0.0;
    case F_TRUNC: {
        double u = (y - b->a) / b->b;
        if (u < b->alpha || u > b->beta)
            return 0.0;
        return gsl_ran_ugaussian_pdf(u) / (b->b * exp(b->lz));
    }
    default:
        return 0.0;
    }
}

/* Points of the bias law where its distribution changes fast or has a
 * kink: its bounds, and its mean ± k sd. */
static size_t sph_bias_points(const slaw *b, double *q)
{
    size_t n = 0;
    static const double ks[] = {-8, -4, -2, -1, 0, 1, 2, 4, 8};
    if (b->fam == F_UNIFORM) {
        q[n++] = b->a - b->b;
        q[n++] = b->a;
        q[n++] = b->a + b->b;
        return n;
    }
    if (b->fam == F_CONST) {
        q[n++] = b->a;
        return n;
    }
    for (size_t i = 0; i < sizeof ks / sizeof *ks; i++)
        q[n++] = b->a + ks[i] * b->b;
    if (b->fam == F_TRUNC) {
        if (isfinite(b->lo))
            q[n++] = b->lo;
        if (isfinite(b->hi))
            q[n++] = b->hi;
    }
    return n;
}

enum { SPH_POINTS = 64 };

/* The θ breakpoints: the ends, 0, ±k/√(m−2), and the θ where c sin θ
 * meets z − q for the bias points q (nz = 0: none). */
static size_t sph_breaks(const satstat_exact *e, double z, int with_z,
                         double *pts)
{
    static const double ks[] = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32};
    double tm = e->sph_tmax;
    size_t n = 0;
    pts[n++] = -tm;
    pts[n++] = tm;
    pts[n++] = 0.0;
    if (e->sph_m > 2.0)
        for (size_t i = 0; i < sizeof ks / sizeof *ks; i++) {
            double t = ks[i] / sqrt(e->sph_m - 2.0);
            if (t < tm) {
                pts[n++] = t;
                pts[n++] = -t;
            }
        }
    if (with_z) {
        double q[16];
        size_t nq = sph_bias_points(&e->bias.base, q);
        for (size_t i = 0; i < nq; i++) {
            double s = (z - q[i]) / e->sph_c;
            if (s > -1.0 && s < 1.0) {
                double t = asin(s);
                if (t > -tm && t < tm)
                    pts[n++] = t;
            }
        }
    }
    qsort(pts, n, sizeof *pts, satstat__exact_cmp_double);
    return n;
}

typedef struct sph_ctx {
    const satstat_exact *e;
    double z;
    int what;  /* 0: P(Z ≤ z), 1: P(Z > z), 2: density, 3: E g */
    double (*g)(double, void *);
    void *gctx;
    gsl_integration_workspace *inner;
    double inner_err, gmax;
    int bad;
} sph_ctx;

/* Sum of QAG over the panels between consecutive points. */
static int sph_integrate(double (*f)(double, void *), void *ctx,
                         const double *pts, size_t n, double epsabs,
                         gsl_integration_workspace *ws, double *res, double *err)
{
    double s = 0.0, er = 0.0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (!(pts[i + 1] > pts[i]))
            continue;
        double r, e1;
        int rc = satstat__exact_quad(f, ctx, pts[i], pts[i + 1], epsabs, 1e-12, ws,
                                     &r, &e1);
        if (rc != SATSTAT_OK)
            return rc;
        s += r;
        er += e1;
    }
    *res = s;
    *err = er;
    return SATSTAT_OK;
}

static double sph_inner_integrand(double b, void *p)
{
    sph_ctx *c = p;
    const slaw *bl = &c->e->bias.base;
    double v = c->g(c->z + b, c->gctx);
    if (!isfinite(v)) {
        c->bad = 1;
        return 0.0;
    }
    if (fabs(v) > c->gmax)
        c->gmax = fabs(v);
    return v * sph_bias_density(bl, b);
}

/* E_b[g(y + b)] over the bias law. */
static double sph_bias_expect(sph_ctx *c, double y)
{
    const slaw *b = &c->e->bias.base;
    if (b->fam == F_CONST) {
        double v = c->g(y + b->a, c->gctx);
        if (!isfinite(v))
            c->bad = 1;
        else if (fabs(v) > c->gmax)
            c->gmax = fabs(v);
        return isfinite(v) ? v : 0.0;
    }
    double q[16], pts[20];
    size_t nq = sph_bias_points(b, q), n = 0;
    double lo = b->fam == F_UNIFORM ? b->a - b->b : b->a - 40.0 * b->b;
    double hi = b->fam == F_UNIFORM ? b->a + b->b : b->a + 40.0 * b->b;
    if (b->fam == F_TRUNC) {
        lo = fmax(lo, b->lo);
        hi = fmin(hi, b->hi);
    }
    pts[n++] = lo;
    pts[n++] = hi;
    for (size_t i = 0; i < nq; i++)
        if (q[i] > lo && q[i] < hi)
            pts[n++] = q[i];
    if (-y > lo && -y < hi)
        pts[n++] = -y; /* g's kink at z = 0 (relu, leaky relu) */
    qsort(pts, n, sizeof *pts, satstat__exact_cmp_double);
    sph_ctx inner = *c;
    inner.z = y;
    inner.gmax = 0.0;
    double r, er;
    if (sph_integrate(sph_inner_integrand, &inner, pts, n, 1e-14, c->inner,
                      &r, &er) != SATSTAT_OK || inner.bad) {
        c->bad = 1;
        return 0.0;
    }
    if (er > c->inner_err)
        c->inner_err = er;
    if (inner.gmax > c->gmax)
        c->gmax = inner.gmax;
    return r;
}

static double sph_density_integrand(double th, void *p)
{
    const sph_ctx *c = p;
    return sph_theta_density(c->e, th);
}

static double sph_integrand(double th, void *p)
{
    sph_ctx *c = p;
    const satstat_exact *e = c->e;
    double d = sph_theta_density(e, th);
    if (d == 0.0)
        return 0.0;
    double y = e->sph_c * sin(th);
    switch (c->what) {
    case 0:
    case 1:
        return d * sph_bias_tail(&e->bias.base, c->z - y, c->what == 1);
    case 2:
        return d * sph_bias_density(&e->bias.base, c->z - y);
    default:
        return d * sph_bias_expect(c, y);
    }
}

/* P(Z ≤ z) (upper 0) or P(Z > z) (upper 1); the quadrature error is added
 * to *err; NaN on failure. */
double satstat__exact_sph_tail(const satstat_exact *e, double z, int upper, double *err)
{
    const slaw *b = &e->bias.base;
    double pts[SPH_POINTS];
    size_t n;
    if (b->fam == F_CONST) {
        /* c sin θ > z − b0: θ above asin s */
        double s = (z - b->a) / e->sph_c;
        if (s >= 1.0)
            return upper ? 0.0 : 1.0;
        if (s <= -1.0)
            return upper ? 1.0 : 0.0;
        /* the smaller side directly, by symmetry of θ */
        double t0 = asin(fabs(s));
        n = sph_breaks(e, 0.0, 0, pts);
        double q[SPH_POINTS];
        size_t m = 0;
        q[m++] = t0;
        for (size_t i = 0; i < n; i++)
            if (pts[i] > t0)
                q[m++] = pts[i];
        gsl_integration_workspace *ws = gsl_integration_workspace_alloc(QUAD_LIMIT);
        if (ws == NULL)
            return NAN;
        sph_ctx cc = {e, 0.0, 0, NULL, NULL, NULL, 0.0, 0.0, 0};
        double r = 0.0, er = 0.0;
        int rc = m >= 2 ? sph_integrate(sph_density_integrand, &cc, q, m, 1e-16,
                                        ws, &r, &er)
                        : SATSTAT_OK;
        gsl_integration_workspace_free(ws);
        if (rc != SATSTAT_OK)
            return NAN;
        *err += er;
        /* r = P(T > |s|) */
        int small_side = (s >= 0.0) == (upper != 0);
        return small_side ? r : 1.0 - r;
    }
    n = sph_breaks(e, z, 1, pts);
    gsl_integration_workspace *ws = gsl_integration_workspace_alloc(QUAD_LIMIT);
    if (ws == NULL)
        return NAN;
    sph_ctx c = {e, z, upper ? 1 : 0, NULL, NULL, NULL, 0.0, 0.0, 0};
    double r, er;
    int rc = sph_integrate(sph_integrand, &c, pts, n, 1e-16, ws, &r, &er);
    gsl_integration_workspace_free(ws);
    if (rc != SATSTAT_OK)
        return NAN;
    *err += er;
    return r;
}

/* Density of Z at z; NaN on failure. */
double satstat__exact_sph_pdf(const satstat_exact *e, double z, double *err)
{
    const slaw *b = &e->bias.base;
    if (b->fam == F_CONST) {
        /* f_T(s)/c, f_T(s) = (1 − s²)^{(m−3)/2}/B(½, (m−1)/2) */
        double s = (z - b->a) / e->sph_c;
        if (!(fabs(s) < 1.0))
            return 0.0;
        double l = log1p(-s) + log1p(s);
        return exp(0.5 * (e->sph_m - 3.0) * l - e->sph_lnb) / e->sph_c;
    }
    double pts[SPH_POINTS];
    size_t n = sph_breaks(e, z, 1, pts);
    gsl_integration_workspace *ws = gsl_integration_workspace_alloc(QUAD_LIMIT);
    if (ws == NULL)
        return NAN;
    sph_ctx c = {e, z, 2, NULL, NULL, NULL, 0.0, 0.0, 0};
    double r, er;
    int rc = sph_integrate(sph_integrand, &c, pts, n, 1e-15, ws, &r, &er);
    gsl_integration_workspace_free(ws);
    if (rc != SATSTAT_OK)
        return NAN;
    *err += er;
    return r;
}

/* E[g(Z)] = ∫ f_θ(θ) E_b[g(c sin θ + b)] dθ. */
int satstat__exact_sph_expectation(const satstat_exact *e, double (*g)(double, void *),
                                   void *ctx, satstat_exact_result *out)
{
    double pts[SPH_POINTS];
    size_t n = sph_breaks(e, 0.0, 0, pts);
    const slaw *b = &e->bias.base;
    if (b->fam == F_CONST) {
        /* g's kink at z = 0: c sin θ = −b0 */
        double s = -b->a / e->sph_c;
        if (s > -1.0 && s < 1.0 && fabs(asin(s)) < e->sph_tmax && n < SPH_POINTS) {
            pts[n++] = asin(s);
            qsort(pts, n, sizeof *pts, satstat__exact_cmp_double);
        }
    }
    gsl_integration_workspace *ws = gsl_integration_workspace_alloc(QUAD_LIMIT);
    gsl_integration_workspace *inner = gsl_integration_workspace_alloc(QUAD_LIMIT);
    if (ws == NULL || inner == NULL) {
        gsl_integration_workspace_free(ws);
        gsl_integration_workspace_free(inner);
        return SATSTAT_ENOMEM;
    }
    sph_ctx c = {e, 0.0, 3, g, ctx, inner, 0.0, 0.0, 0};
    double r, er;
    int rc = sph_integrate(sph_integrand, &c, pts, n, 1e-13, ws, &r, &er);
    gsl_integration_workspace_free(ws);
    gsl_integration_workspace_free(inner);
    if (c.bad)
        return SATSTAT_ENUMERIC;
    if (rc != SATSTAT_OK)
        return rc;
    out->value = r;
    out->abserr = er + c.inner_err;
    return SATSTAT_OK;
}

void satstat__exact_sph_prepare(satstat_exact *e)
{
    const slaw *b = &e->bias.base;
    e->mean = b->mean;
    e->var = e->sph_c * e->sph_c / e->sph_m + b->var;
    e->sd = sqrt(e->var);
    /* the support, or 40 sd of a normal bias beside it (for E g) */
    double lo = b->fam == F_NORMAL ? b->a - 40.0 * b->b : b->lo;
    double hi = b->fam == F_NORMAL ? b->a + 40.0 * b->b : b->hi;
    if (b->fam == F_CONST)
        lo = hi = b->a;
    e->Lm = e->mean - (lo - e->sph_c);
    e->Lp = (hi + e->sph_c) - e->mean;
    e->mass_rem = 1.0;
}
