/* exact_cf.c — one term of the exact law (exact-int.h): functions with full
 * relative accuracy, quadrature, the simple laws (constant, normal, uniform,
 * truncated normal) and the components built from them — each term's
 * centred characteristic function ψ − 1, cumulant generating function and
 * envelope |φ| ≤ e(t) (method: exact.c, 1. and 2.). */
#include "law/exact-int.h"

/* ---- small functions with full relative accuracy ----------------------------- */

/* sin(x)/x − 1 */
double satstat__exact_sincm1(double x)
{
    double x2 = x * x;
    if (fabs(x) < 0.5) {
        /* Taylor: Σ_{k≥1} (−1)^k x^{2k}/(2k+1)!; the next term at x = 0.5 is
         * 0.5^16/17! ≈ 4e-20 relative to x²/6 ≈ 0.04. */
        return x2 * (-1.0 / 6 +
               x2 * (1.0 / 120 +
               x2 * (-1.0 / 5040 +
               x2 * (1.0 / 362880 +
               x2 * (-1.0 / 39916800 +
               x2 * (1.0 / 6227020800.0 +
               x2 * (-1.0 / 1307674368000.0)))))));
    }
    return sin(x) / x - 1.0;
}

/* sin(x) − x */
static double sinmx(double x)
{
    if (fabs(x) < 0.5) {
        double x2 = x * x;
        return x * x2 * (-1.0 / 6 +
               x2 * (1.0 / 120 +
               x2 * (-1.0 / 5040 +
               x2 * (1.0 / 362880 +
               x2 * (-1.0 / 39916800 +
               x2 * (1.0 / 6227020800.0 +
               x2 * (-1.0 / 1307674368000.0)))))));
    }
    return sin(x) - x;
}

/* cos(x) − 1 */
static double cosm1(double x)
{
    double s = sin(0.5 * x);
    return -2.0 * s * s;
}

/* g(x) = e^{ix} − 1 − ix */
double complex satstat__exact_gfun(double x)
{
    return CMPLX(cosm1(x), sinmx(x));
}

/* e^z − 1 for complex z */
static double complex cexpm1_(double complex z)
{
    double a = creal(z), b = cimag(z);
    double em = expm1(a);
    return CMPLX(em * cos(b) + cosm1(b), (em + 1.0) * sin(b));
}

/* log(1 + d) for complex d: log|1 + d| in *lr (via log1p near 0), the
 * argument in (−π, π] in *ph. */
void satstat__exact_clog1p(double complex d, double *lr, double *ph)
{
    double a = creal(d), b = cimag(d);
    double re1 = 1.0 + a;
    if (fabs(a) < 0.5 && fabs(b) < 0.5)
        *lr = 0.5 * log1p(a * (2.0 + a) + b * b);
    else
        *lr = log(hypot(re1, b));
    if (b == 0.0)
        *ph = re1 < 0.0 ? M_PI : 0.0;
    else
        *ph = atan2(b, re1);
}

/* log(sinh(x)/x) */
static double lsinhc(double x)
{
    double ax = fabs(x);
    if (ax < 1e-2) {
        double x2 = x * x;
        return x2 * (1.0 / 6 + x2 * (-1.0 / 180 + x2 * (1.0 / 2835)));
    }
    return ax + log1p(-exp(-2.0 * ax)) - log(2.0 * ax);
}

/* log(e^a + e^b) */
double satstat__exact_logaddexp(double a, double b)
{
    if (a == -INFINITY)
        return b;
    if (b == -INFINITY)
        return a;
    double m = a > b ? a : b;
    return m + log1p(exp(-fabs(a - b)));
}

/* n·θ reduced to (−π, π]; θ = π exactly (a real negative factor) is raised
 * by the parity of n, without rounding n·π. */
double satstat__exact_phase_times(uint64_t n, double ph)
{
    if (ph == 0.0)
        return 0.0;
    if (ph == M_PI)
        return (n & 1u) ? M_PI : 0.0;
    double v = fmod((double)n * ph, 2.0 * M_PI);
    if (v > M_PI)
        v -= 2.0 * M_PI;
    else if (v <= -M_PI)
        v += 2.0 * M_PI;
    return v;
}

/* ---- quadrature ----------------------------------------------------------------- */

/* GSL QAG (Gauss–Kronrod 31) on [lo, hi].  Success, or a result GSL flags
 * (roundoff, iteration limit) whose own error estimate is still below
 * max(1000·epsabs, 1e-9·|result|), is accepted: the tolerances asked for
 * are at the rounding level, which GSL cannot always certify.  Lenient:
 * any finite result, with GSL's error estimate (which the caller carries
 * into its own). */
static int quad_ex(double (*f)(double, void *), void *ctx, double lo,
                   double hi, double epsabs, double epsrel, size_t limit,
                   int lenient, gsl_integration_workspace *ws, double *res,
                   double *err)
{
    gsl_function F = {f, ctx};
    double r = 0.0, e = 0.0;
    if (!(hi > lo)) {
        *res = 0.0;
        if (err)
            *err = 0.0;
        return SATSTAT_OK;
    }
    int st = gsl_integration_qag(&F, lo, hi, epsabs, epsrel, limit,
                                 GSL_INTEG_GAUSS31, ws, &r, &e);
    if (!isfinite(r) || !isfinite(e))
        return SATSTAT_ENUMERIC;
    if (!lenient && st != GSL_SUCCESS &&
        !(e <= 1000.0 * epsabs || e <= 1e-9 * fabs(r)))
        return SATSTAT_ENUMERIC;
    *res = r;
    if (err)
        *err = e;
    return SATSTAT_OK;
}

int satstat__exact_quad(double (*f)(double, void *), void *ctx, double lo,
                        double hi, double epsabs, double epsrel,
                        gsl_integration_workspace *ws, double *res, double *err)
{
    return quad_ex(f, ctx, lo, hi, epsabs, epsrel, QUAD_LIMIT, 0, ws, res, err);
}

/* ---- simple laws ------------------------------------------------------------------ */

typedef struct tn_ctx {
    const slaw *s;
    int what; /* 0: u·ϕ/Z, k ≥ 1: (u − ū)^{k+1}·ϕ/Z */
} tn_ctx;

static double tn_density_u(const slaw *s, double u)
{
    return exp(-0.5 * u * u - 0.5 * log(2.0 * M_PI) - s->lz);
}

static double tn_moment_integrand(double u, void *p)
{
    const tn_ctx *c = p;
    double w = tn_density_u(c->s, u);
    if (c->what == 0)
        return u * w;
    double d = u - c->s->ubar;
    return pow(d, c->what + 1) * w;
}

int satstat__exact_slaw_make(const satstat_exact_law *L, slaw *s,
                             gsl_integration_workspace *ws)
{
    memset(s, 0, sizeof *s);
    switch (L->family) {
    case SATSTAT_FAMILY_CONSTANT:
        s->fam = F_CONST;
        s->a = s->mean = s->lo = s->hi = L->a;
        return SATSTAT_OK;
    case SATSTAT_FAMILY_NORMAL:
        if (L->b == 0.0) {
            s->fam = F_CONST;
            s->a = s->mean = s->lo = s->hi = L->a;
            return SATSTAT_OK;
        }
        s->fam = F_NORMAL;
        s->a = s->mean = L->a;
        s->b = L->b;
        s->var = L->b * L->b;
        s->c4 = 3.0 * s->var * s->var;
        s->lo = -INFINITY;
        s->hi = INFINITY;
        return SATSTAT_OK;
    case SATSTAT_FAMILY_UNIFORM:
        if (L->a == L->b) {
            s->fam = F_CONST;
            s->a = s->mean = s->lo = s->hi = L->a;
            return SATSTAT_OK;
        }
        s->fam = F_UNIFORM;
        s->a = s->mean = 0.5 * L->a + 0.5 * L->b;
        s->b = 0.5 * L->b - 0.5 * L->a;
        s->var = s->b * s->b / 3.0;
        s->c4 = s->b * s->b * s->b * s->b / 5.0;
        s->lo = L->a;
        s->hi = L->b;
        s->fmax = 1.0 / (L->b - L->a);
        return SATSTAT_OK;
    case SATSTAT_FAMILY_TRUNC_NORMAL: {
        s->fam = F_TRUNC;
        s->a = L->a;
        s->b = L->b;
        s->alpha = (L->lo - L->a) / L->b;
        s->beta = (L->hi - L->a) / L->b;
        if (!(s->alpha < TN_REACH) || !(s->beta > -TN_REACH))
            return SATSTAT_EINVAL;
        double al = s->alpha, be = s->beta, z;
        if (al >= 0.0)
            z = gsl_cdf_ugaussian_Q(al) - gsl_cdf_ugaussian_Q(be);
        else if (be <= 0.0)
            z = gsl_cdf_ugaussian_P(be) - gsl_cdf_ugaussian_P(al);
        else
            z = 1.0 - gsl_cdf_ugaussian_P(al) - gsl_cdf_ugaussian_Q(be);
        if (!(z > 0.0) || !isfinite(z))
            return SATSTAT_EINVAL;
        s->lz = log(z);
        s->zc = gsl_cdf_ugaussian_P(al) + gsl_cdf_ugaussian_Q(be);
        if (s->zc > 1.0)
            s->zc = 1.0;
        s->ulo = al > -TN_CLIP ? al : -TN_CLIP;
        s->uhi = be < TN_CLIP ? be : TN_CLIP;
        if (!(s->uhi > s->ulo))
            return SATSTAT_EINVAL;
        /* Mean and variance by quadrature: the closed forms
         * (ϕ(α) − ϕ(β))/Z and 1 + (αϕ(α) − βϕ(β))/Z − ū² cancel badly
         * for intervals far in a tail. */
        tn_ctx c = {s, 0};
        double r;
        int rc = satstat__exact_quad(tn_moment_integrand, &c, s->ulo, s->uhi,
                                     1e-15, 1e-13, ws, &r, NULL);
        if (rc != SATSTAT_OK)
            return rc;
        s->ubar = r;
        c.what = 1;
        rc = satstat__exact_quad(tn_moment_integrand, &c, s->ulo, s->uhi,
                                 1e-16, 1e-13, ws, &r, NULL);
        if (rc != SATSTAT_OK)
            return rc;
        if (!(r > 0.0))
            return SATSTAT_EINVAL;
        s->mean = L->a + L->b * s->ubar;
        s->var = L->b * L->b * r;
        c.what = 2;
        rc = satstat__exact_quad(tn_moment_integrand, &c, s->ulo, s->uhi,
                                 1e-16, 1e-12, ws, &r, NULL);
        if (rc != SATSTAT_OK)
            return rc;
        s->c3 = r * L->b * L->b * L->b;
        c.what = 3;
        rc = satstat__exact_quad(tn_moment_integrand, &c, s->ulo, s->uhi,
                                 1e-16, 1e-12, ws, &r, NULL);
        if (rc != SATSTAT_OK)
            return rc;
        s->c4 = r * L->b * L->b * L->b * L->b;
        s->lo = L->lo;
        s->hi = L->hi;
        double umode = al > 0.0 ? al : (be < 0.0 ? be : 0.0);
        s->fmax = tn_density_u(s, umode) / L->b;
        return SATSTAT_OK;
    }
    case SATSTAT_FAMILY_ORTHOGONAL: /* not an exact law (law_valid) */
    case SATSTAT_FAMILY_BERNOULLI:
        break;
    }
    return SATSTAT_EINVAL;
}

/* Φ(b) − Φ(a), a ≤ b, from whichever tails keep the digits. */
double satstat__exact_phi_diff(double a, double b)
{
    if (a >= 0.0)
        return gsl_cdf_ugaussian_Q(a) - gsl_cdf_ugaussian_Q(b);
    if (b <= 0.0)
        return gsl_cdf_ugaussian_P(b) - gsl_cdf_ugaussian_P(a);
    return 1.0 - gsl_cdf_ugaussian_P(a) - gsl_cdf_ugaussian_Q(b);
}

/* E[O^k] for O ~ U(c, d): (d^{k+1} − c^{k+1})/((k + 1)(d − c)) as the sum
 * Σ_i d^i c^{k−i}/(k + 1), free of cancellation when c and d share a sign. */
double satstat__exact_unif_moment(double c, double d, int k)
{
    double s = 0.0;
    for (int i = 0; i <= k; i++)
        s += pow(d, i) * pow(c, k - i);
    return s / (k + 1);
}

/* E_O[e^{−a²O²/2}] for O uniform or truncated normal, in closed form. */
double satstat__exact_gauss_outer(const slaw *o, double a)
{
    if (o->fam == F_UNIFORM) {
        double R = fabs(o->lo) > fabs(o->hi) ? fabs(o->lo) : fabs(o->hi);
        if (a * R < 0.3) {
            /* Σ_j (−a²/2)^j E[O^{2j}]/j! */
            double x = -0.5 * a * a, term = 1.0, s = 1.0;
            for (int j = 1; j <= 12; j++) {
                term *= x / j;
                s += term * satstat__exact_unif_moment(o->lo, o->hi, 2 * j);
            }
            return s;
        }
        return sqrt(2.0 * M_PI) / (a * (o->hi - o->lo)) *
               satstat__exact_phi_diff(a * o->lo, a * o->hi);
    }
    double sg = o->b, m = o->a;
    double A = 1.0 + a * a * sg * sg;
    double us = -a * a * m * sg / A;
    double rA = sqrt(A);
    return exp(-0.5 * a * a * m * m / A - o->lz) / rA *
           satstat__exact_phi_diff(rA * (o->alpha - us), rA * (o->beta - us));
}

/* ---- components ------------------------------------------------------------------ */

/* The base's centred cumulant generating function and CF need the outer
 * law integrated with an exponent/phase depending on the inner law. */
typedef struct outer_ctx {
    const slaw *o;       /* outer law (UNIFORM or TRUNC)                      */
    const slaw *in;      /* inner law (NORMAL or UNIFORM) or NULL             */
    double a1;           /* phase/exponent coefficient of (O − E O)           */
    double t;            /* frequency or λ                                    */
    int part;            /* CF: 0 real, 1 imaginary; CGF: unused              */
    double hmax;         /* CGF: scaling exponent                             */
} outer_ctx;

/* The outer variable O at integration variable v, and the density weight
 * (per dv). */
static void outer_point(const slaw *o, double v, double *O, double *w)
{
    if (o->fam == F_TRUNC) {
        *O = o->a + o->b * v;
        *w = tn_density_u(o, v);
    } else {
        *O = v;
        *w = o->fmax;
    }
}

static void outer_range(const slaw *o, double *lo, double *hi)
{
    if (o->fam == F_TRUNC) {
        *lo = o->ulo;
        *hi = o->uhi;
    } else {
        *lo = o->lo;
        *hi = o->hi;
    }
}

/* Centred inner δ_I(u) = ψ_I(u) − 1 (real: normal and uniform laws are
 * symmetric about their means). */
static double inner_delta(const slaw *in, double u)
{
    if (in == NULL)
        return 0.0;
    if (in->fam == F_NORMAL)
        return expm1(-0.5 * in->b * in->b * u * u);
    return satstat__exact_sincm1(in->b * u);
}

/* Centred inner CGF K_I(λ). */
static double inner_cgf(const slaw *in, double lam)
{
    if (in == NULL)
        return 0.0;
    if (in->fam == F_NORMAL)
        return 0.5 * in->b * in->b * lam * lam;
    return lsinhc(in->b * lam);
}

static double outer_cf_integrand(double v, void *p)
{
    const outer_ctx *c = p;
    double O, w;
    outer_point(c->o, v, &O, &w);
    double th = c->t * c->a1 * (O - c->o->mean);
    double di = inner_delta(c->in, c->t * O);
    if (c->part == 0)
        return (di * cos(th) + cosm1(th)) * w;
    return (di * sin(th) + sinmx(th)) * w;
}

/* Integrate f over consecutive breakpoints pts[0] < ... < pts[np − 1],
 * adding the error estimates to *err (may be NULL). */
static int quad_pieces(double (*f)(double, void *), void *ctx, const double *pts,
                       size_t np, double epsabs, double epsrel, int lenient,
                       gsl_integration_workspace *ws, double *res, double *err)
{
    double sum = 0.0, es = 0.0;
    for (size_t i = 0; i + 1 < np; i++) {
        double r, e;
        int rc = quad_ex(f, ctx, pts[i], pts[i + 1], epsabs, epsrel,
                         lenient ? 200 : QUAD_LIMIT, lenient, ws, &r, &e);
        if (rc != SATSTAT_OK)
            return rc;
        sum += r;
        es += e;
    }
    *res = sum;
    if (err)
        *err += es;
    return SATSTAT_OK;
}

#define MAX_BREAKS 100

/* Breakpoints in the integration variable of the outer law, clustering
 * geometrically (steps w·2^j) at v0: adaptive Gauss–Kronrod never evaluates
 * at an end point, and a peak narrower than its first rule (e^{−s²t²O²/2}
 * at O = 0 for large t, the MGF at the edge of the support for large λ)
 * would otherwise be invisible to it. */
static size_t breaks_at(double lo, double hi, double v0, double w, double *pts)
{
    size_t np = 0;
    pts[np++] = lo;
    if (v0 > lo && v0 < hi && w > 0.0 && w < 0.25 * (hi - lo)) {
        double left[48], right[48];
        size_t nl = 0, nr = 0;
        for (double d = w; nl < 48 && v0 - d > lo; d *= 2.0)
            left[nl++] = v0 - d;
        for (double d = w; nr < 48 && v0 + d < hi; d *= 2.0)
            right[nr++] = v0 + d;
        while (nl > 0)
            pts[np++] = left[--nl];
        pts[np++] = v0;
        for (size_t i = 0; i < nr; i++)
            pts[np++] = right[i];
    } else if ((v0 == lo || v0 == hi) && w > 0.0 && w < 0.25 * (hi - lo)) {
        double tmp[48];
        size_t nt = 0;
        if (v0 == lo) {
            for (double d = w; nt < 48 && lo + d < hi; d *= 2.0)
                pts[np++] = lo + d, nt++;
        } else {
            for (double d = w; nt < 48 && hi - d > lo; d *= 2.0)
                tmp[nt++] = hi - d;
            while (nt > 0)
                pts[np++] = tmp[--nt];
        }
    }
    pts[np++] = hi;
    return np;
}

/* Where O = 0 in the outer's integration variable, and the width of the
 * peak of ψ_I(tO) there. */
static void outer_zero(const slaw *o, const slaw *in, double t, double *v0,
                       double *w)
{
    double scale = in->b; /* sd of a normal, half-width of a uniform */
    double wO = 1.0 / (fabs(t) * scale);
    if (o->fam == F_TRUNC) {
        *v0 = -o->a / o->b;
        *w = wO / o->b;
    } else {
        *v0 = 0.0;
        *w = wO;
    }
}

typedef struct tnw_ctx {
    const slaw *s;
} tnw_ctx;

static double tn_weight(double u, void *p)
{
    return tn_density_u(((const tnw_ctx *)p)->s, u);
}

/* ψ − 1 of a truncated normal at a frequency too high for plain
 * Gauss–Kronrod: QAWO (Chebyshev moments of cos ωu, sin ωu; Piessens et
 * al. 1983, §2.2.2) of its density, ψ = e^{−iωū} ∫ e^{iωu} ϕ(u)/Z du. */
static int tn_delta_qawo(const slaw *o, double t, gsl_integration_workspace *ws,
                         double complex *out, double *err)
{
    double om = t * o->b, L = o->uhi - o->ulo;
    tnw_ctx c = {o};
    gsl_function F = {tn_weight, &c};
    double C, S, e1, e2;
    gsl_integration_qawo_table *tab =
        gsl_integration_qawo_table_alloc(om, L, GSL_INTEG_COSINE, 50);
    if (tab == NULL)
        return SATSTAT_ENOMEM;
    int st1 = gsl_integration_qawo(&F, o->ulo, 1e-15, 1e-12, QUAD_LIMIT, ws, tab,
                                   &C, &e1);
    gsl_integration_qawo_table_set(tab, om, L, GSL_INTEG_SINE);
    int st2 = gsl_integration_qawo(&F, o->ulo, 1e-15, 1e-12, QUAD_LIMIT, ws, tab,
                                   &S, &e2);
    gsl_integration_qawo_table_free(tab);
    (void)st1;
    (void)st2; /* a failure shows in the error estimates, carried on */
    if (!isfinite(C) || !isfinite(S) || !isfinite(e1) || !isfinite(e2))
        return SATSTAT_ENUMERIC;
    *err += e1 + e2;
    double ph = -om * o->ubar;
    *out = CMPLX(cos(ph), sin(ph)) * CMPLX(C, S) - 1.0;
    return SATSTAT_OK;
}

/* δ(t) = E_O[e^{iθ} δ_I(tO) + g(θ)], θ = t·a1·(O − E O): the centred CF of
 * O·I (a1 = E I) or of O itself (in = NULL, a1 = 1), minus 1.  Its
 * relative accuracy near t = 0 is what lets ψ^n be taken for n ~ 1e9. */
/* ψ − 1 of a truncated normal for large ω = t·sd, by repeated integration
 * by parts (ϕ^{(k)} = (−1)^k He_k ϕ):
 *     ∫_α^β e^{iωu} ϕ(u) du = Σ_{k<K} [He_k(u) ϕ(u) e^{iωu}]_α^β / (iω)^{k+1}
 *                             + R_K,   |R_K| ≤ ∫ |He_K| ϕ / ω^K ≤ √(K!)/ω^K
 * (Cauchy–Schwarz, E He_K² = K!).  Returns 0 when no K ≤ 80 makes the bound
 * small enough (then quadrature is used). */
static int tn_delta_asym(const slaw *o, double t, double complex *out)
{
    double om = fabs(t) * o->b;
    double lbound = 0.0; /* log(√(K!)/ω^K) */
    int K = -1;
    for (int k = 1; k <= 80; k++) {
        lbound += 0.5 * log((double)k) - log(om);
        if (lbound < log(1e-17) + o->lz) {
            K = k;
            break;
        }
    }
    if (K < 0)
        return 0;
    double complex sum = 0.0;
    double ends[2] = {o->alpha, o->beta};
    for (int side = 0; side < 2; side++) {
        double u = ends[side];
        if (isinf(u))
            continue;
        double f = tn_density_u(o, u); /* ϕ(u)/Z */
        double complex ph = CMPLX(cos(om * u), sin(om * u));
        double hm1 = 0.0, h = 1.0; /* He_{k−1}, He_k */
        double complex den = CMPLX(0.0, om); /* (iω)^{k+1} */
        double complex s1 = 0.0;
        for (int k = 0; k < K; k++) {
            s1 += h / den;
            double hn = u * h - k * hm1;
            hm1 = h;
            h = hn;
            den *= CMPLX(0.0, om);
        }
        sum += (side ? 1.0 : -1.0) * f * ph * s1;
    }
    double ph0 = -om * o->ubar;
    double complex psi = CMPLX(cos(ph0), sin(ph0)) * sum;
    if (t < 0.0)
        psi = conj(psi);
    *out = psi - 1.0;
    return 1;
}

static int outer_delta(const slaw *o, const slaw *in, double a1, double t,
                       double var, gsl_integration_workspace *ws,
                       double complex *out, double *err)
{
    if (in == NULL && fabs(t) * o->b * (o->uhi - o->ulo) > 30.0) {
        if (tn_delta_asym(o, t, out))
            return SATSTAT_OK;
        return tn_delta_qawo(o, t, ws, out, err);
    }
    outer_ctx c = {o, in, a1, t, 0, 0.0};
    double lo, hi, re = 0.0, im = 0.0;
    outer_range(o, &lo, &hi);
    double pts[MAX_BREAKS + 4];
    size_t np;
    if (in != NULL) {
        double v0, w;
        outer_zero(o, in, t, &v0, &w);
        np = breaks_at(lo, hi, v0, w, pts);
    } else {
        pts[0] = lo;
        pts[1] = hi;
        np = 2;
    }
    double sc = t * t * var;
    double eps_re = 1e-15 * (sc < 1.0 ? sc : 1.0);
    double eps_im = 1e-15 * (sc < 1.0 ? sc * sqrt(sc) : 1.0);
    if (eps_re < 1e-300)
        eps_re = 1e-300;
    if (eps_im < 1e-300)
        eps_im = 1e-300;
    /* Lenient at high frequency (sc > 1), where only absolute accuracy
     * matters and GSL's estimate is carried into the node's error. */
    int lenient = sc > 1.0;
    int rc = quad_pieces(outer_cf_integrand, &c, pts, np, eps_re / (double)np,
                         1e-12, lenient, ws, &re, err);
    if (rc != SATSTAT_OK)
        return rc;
    /* The imaginary part vanishes when θ ≡ 0, and for a symmetric
     * truncated normal on its own. */
    int sym = in == NULL && o->fam == F_TRUNC && o->alpha == -o->beta;
    if (a1 != 0.0 && !sym) {
        c.part = 1;
        rc = quad_pieces(outer_cf_integrand, &c, pts, np, eps_im / (double)np,
                         1e-12, lenient, ws, &im, err);
        if (rc != SATSTAT_OK)
            return rc;
    }
    *out = CMPLX(re, im);
    return SATSTAT_OK;
}

static double outer_cgf_exponent(const outer_ctx *c, double v)
{
    double O, w;
    outer_point(c->o, v, &O, &w);
    if (w <= 0.0)
        return -INFINITY;
    return c->t * c->a1 * (O - c->o->mean) + inner_cgf(c->in, c->t * O) +
           log(w);
}

static double outer_cgf_integrand(double v, void *p)
{
    const outer_ctx *c = p;
    return exp(outer_cgf_exponent(c, v) - c->hmax);
}

/* log E_O[exp(λ a1 (O − E O) + K_I(λO))]: the centred CGF of O·I or O.
 * Only ever used in Chernoff bounds, so where the quadrature cannot be
 * trusted an upper bound is returned instead: the largest exponent (at an
 * end of the interval for the convex exponents of uniform outers) plus the
 * log of the interval's length. */
static int outer_cgf(const slaw *o, const slaw *in, double a1, double lam,
                     gsl_integration_workspace *ws, double *out)
{
    outer_ctx c = {o, in, a1, lam, 0, 0.0};
    double lo, hi;
    outer_range(o, &lo, &hi);
    /* Scale by the largest value on a grid so that exp() neither overflows
     * nor underflows, and cluster breakpoints where it is reached. */
    double hmax = -INFINITY, vmax = lo, hv[257];
    int imax = 0;
    for (int i = 0; i <= 256; i++) {
        double v = lo + (hi - lo) * i / 256.0;
        hv[i] = outer_cgf_exponent(&c, v);
        if (hv[i] > hmax) {
            hmax = hv[i];
            vmax = v;
            imax = i;
        }
    }
    if (!isfinite(hmax))
        return SATSTAT_ENUMERIC;
    c.hmax = hmax;
    /* A peak narrower than the grid: cluster breakpoints at it. */
    double drop = INFINITY;
    if (imax > 0)
        drop = hmax - hv[imax - 1];
    if (imax < 256 && hmax - hv[imax + 1] < drop)
        drop = hmax - hv[imax + 1];
    double pts[MAX_BREAKS + 4];
    size_t np;
    if (drop > 4.0) {
        np = breaks_at(lo, hi, vmax, (hi - lo) * 1e-12, pts);
    } else {
        pts[0] = lo;
        pts[1] = hi;
        np = 2;
    }
    double r;
    int rc = quad_pieces(outer_cgf_integrand, &c, pts, np, 0.0, 1e-10, 0, ws, &r,
                         NULL);
    double bound = hmax + log(hi - lo) + (o->fam == F_TRUNC ? 1.0 : 0.0);
    if (rc != SATSTAT_OK || !(r > 0.0)) {
        *out = bound;
        return SATSTAT_OK;
    }
    *out = hmax + log(r);
    return SATSTAT_OK;
}

/* normal × normal: log ψ (centred) in closed form.  With x ~ N(μ, σ²) and
 * w ~ N(m, s²), E_x[e^{itmx − s²t²x²/2}] is a Gaussian integral:
 *   (1 + s²σ²t²)^{−1/2} exp[(−s²t²μ²/2 + itmμ − t²m²σ²/2)/(1 + s²σ²t²)];
 * removing the mean itmμ leaves the expression below. */
void satstat__exact_prodnn_logpsi(const comp *c, double t, double *lr, double *ph)
{
    double sw = c->inner.b, mw = c->inner.mean;
    double sx = c->outer.b, mx = c->outer.mean;
    double a = sw * sw * sx * sx * t * t;
    double D = 1.0 + a;
    *lr = -0.5 * log1p(a) - t * t * (sw * sw * mx * mx + mw * mw * sx * sx) /
                                (2.0 * D);
    double im = -t * a * mw * mx / D;
    *ph = remainder(im, 2.0 * M_PI);
}

/* Centred δ = ψ − 1 of the base of a component. */
static int base_delta(const comp *c, double t, gsl_integration_workspace *ws,
                      double complex *d, double *err)
{
    switch (c->kind) {
    case K_SIMPLE:
        switch (c->base.fam) {
        case F_CONST:
            *d = 0.0;
            return SATSTAT_OK;
        case F_NORMAL:
            *d = expm1(-0.5 * c->base.b * c->base.b * t * t);
            return SATSTAT_OK;
        case F_UNIFORM:
            *d = satstat__exact_sincm1(c->base.b * t);
            return SATSTAT_OK;
        default:
            return outer_delta(&c->base, NULL, 1.0, t, c->bvar, ws, d, err);
        }
    case K_PROD_NN: {
        double lr, ph;
        satstat__exact_prodnn_logpsi(c, t, &lr, &ph);
        *d = cexpm1_(CMPLX(lr, ph));
        return SATSTAT_OK;
    }
    default:
        return outer_delta(&c->outer, &c->inner, c->inner.mean, t, c->bvar,
                           ws, d, err);
    }
}

/* log ψ of one term (centred at the term's mean): modulus and argument. */
int satstat__exact_comp_logpsi(const comp *c, double t, gsl_integration_workspace *ws,
                               double *lr, double *ph, double *err)
{
    *err = 0.0;
    if (c->p == 1.0) {
        if (c->kind == K_SIMPLE) {
            switch (c->base.fam) {
            case F_CONST:
                *lr = 0.0;
                *ph = 0.0;
                return SATSTAT_OK;
            case F_NORMAL:
                *lr = -0.5 * c->base.b * c->base.b * t * t;
                *ph = 0.0;
                return SATSTAT_OK;
            case F_UNIFORM: {
                double x = c->base.b * t;
                if (fabs(x) < 0.5) {
                    *lr = log1p(satstat__exact_sincm1(x));
                    *ph = 0.0;
                } else {
                    double s = sin(x) / x;
                    *lr = log(fabs(s));
                    *ph = s < 0.0 ? M_PI : 0.0;
                }
                return SATSTAT_OK;
            }
            default:
                break;
            }
        } else if (c->kind == K_PROD_NN) {
            satstat__exact_prodnn_logpsi(c, t, lr, ph);
            return SATSTAT_OK;
        }
        double complex d;
        int rc = base_delta(c, t, ws, &d, err);
        if (rc != SATSTAT_OK)
            return rc;
        satstat__exact_clog1p(d, lr, ph);
        return SATSTAT_OK;
    }
    /* Mixture (1 − p)δ0 + pB around its mean pμ_B:
     * ψ − 1 = (1 − p) g(−tpμ_B) + p (e^{itd} δ_B + g(td)), d = (1 − p)μ_B,
     * every piece small where ψ is near 1 (no cancellation). */
    double complex db;
    int rc = base_delta(c, t, ws, &db, err);
    if (rc != SATSTAT_OK)
        return rc;
    *err *= c->p;
    double p = c->p, mb = c->bmean;
    double complex d;
    if (mb == 0.0) {
        d = p * db;
    } else {
        double dd = (1.0 - p) * mb;
        d = (1.0 - p) * satstat__exact_gfun(-t * p * mb) +
            p * (CMPLX(cos(t * dd), sin(t * dd)) * db + satstat__exact_gfun(t * dd));
    }
    satstat__exact_clog1p(d, lr, ph);
    return SATSTAT_OK;
}

/* Centred CGF of the base. */
static int base_cgf(const comp *c, double lam, gsl_integration_workspace *ws,
                    double *k)
{
    switch (c->kind) {
    case K_SIMPLE:
        switch (c->base.fam) {
        case F_CONST:
            *k = 0.0;
            return SATSTAT_OK;
        case F_NORMAL:
            *k = 0.5 * c->base.b * c->base.b * lam * lam;
            return SATSTAT_OK;
        case F_UNIFORM:
            *k = lsinhc(c->base.b * lam);
            return SATSTAT_OK;
        default:
            return outer_cgf(&c->base, NULL, 1.0, lam, ws, k);
        }
    case K_PROD_NN: {
        /* E_x[exp(λmx + s²λ²x²/2)], x ~ N(μ, σ²): finite for s²σ²λ² < 1. */
        double sw = c->inner.b, mw = c->inner.mean;
        double sx = c->outer.b, mx = c->outer.mean;
        double a = sw * sw * sx * sx * lam * lam;
        if (!(a < 1.0)) {
            *k = INFINITY;
            return SATSTAT_OK;
        }
        double D = 1.0 - a;
        *k = -0.5 * log1p(-a) +
             (0.5 * sw * sw * lam * lam * mx * mx + lam * mw * mx +
              0.5 * lam * lam * mw * mw * sx * sx) / D -
             lam * mw * mx;
        return SATSTAT_OK;
    }
    default:
        return outer_cgf(&c->outer, &c->inner, c->inner.mean, lam, ws, k);
    }
}

/* Centred CGF of one term. */
int satstat__exact_comp_cgf(const comp *c, double lam, gsl_integration_workspace *ws,
                            double *k)
{
    double kb;
    int rc = base_cgf(c, lam, ws, &kb);
    if (rc != SATSTAT_OK)
        return rc;
    if (c->p == 1.0) {
        *k = kb;
        return SATSTAT_OK;
    }
    double p = c->p, mb = c->bmean;
    *k = satstat__exact_logaddexp(log1p(-p) - lam * p * mb,
                                  log(p) + lam * (1.0 - p) * mb + kb);
    return SATSTAT_OK;
}

/* |ψ(t)| ≤ 1 − σ²t²/2 + ρ|t|³/6 ≤ exp(−σ²t²/2 + ρ|t|³/6) for a law with
 * variance σ² and E|Y − EY|³ ≤ ρ (Taylor with the remainder bounded by
 * E|tY|³/6): the envelope near t = 0, where some others are 1.  It
 * decreases only up to t* = 2σ²/ρ; with a non-increasing raw envelope r,
 *     e(t) = max(min(r(t), m(t)), r(t*))  (t < t*),   r(t)  (t ≥ t*)
 * is a non-increasing bound, as the truncation bounds need. */
static double moment_envelope(double var, double rho, double t)
{
    double at = fabs(t);
    double x = -0.5 * var * at * at + rho * at * at * at / 6.0;
    return x < 0.0 ? exp(x) : 1.0;
}

/* |sin x / x| ≤ e^{−x²/6} for |x| < π (log(sin x/x) = −x²/6 − x⁴/180 − …,
 * every term negative), ≤ 1/|x| always; the two cross at x0 ≈ 2.1300. */
#define SINC_X0 2.1300
static double sinc_env(double x)
{
    double ax = fabs(x);
    return ax <= SINC_X0 ? exp(-ax * ax / 6.0) : 1.0 / ax;
}

/* ∫_0^y sinc_env = √(3π/2) erf(y/√6) up to x0, + log(y/x0) beyond. */
static double sinc_env_int(double y)
{
    if (y <= SINC_X0)
        return sqrt(1.5 * M_PI) * erf(y / sqrt(6.0));
    return sqrt(1.5 * M_PI) * erf(SINC_X0 / sqrt(6.0)) + log(y / SINC_X0);
}

/* E_O[e^{−s²t²O²/2}] for O uniform or truncated normal (closed forms; see
 * the direct engine) and E_O[sinc_env(htO)] or a bound of it. */
static double outer_sinc_env(const slaw *o, double h, double t)
{
    double k = h * fabs(t);
    if (k == 0.0)
        return 1.0;
    if (o->fam == F_UNIFORM) {
        double lo = o->lo, hi = o->hi, r;
        if (lo >= 0.0)
            r = sinc_env_int(k * hi) - sinc_env_int(k * lo);
        else if (hi <= 0.0)
            r = sinc_env_int(-k * lo) - sinc_env_int(-k * hi);
        else
            r = sinc_env_int(-k * lo) + sinc_env_int(k * hi);
        return r / (k * (hi - lo));
    }
    /* sinc_env(k|o|) ≤ e^{−k²o²/6} + 1{k|o| > x0}/(k|o|): the first in
     * closed form, the second ≤ f_max ∫_{x0/k < |o| < R} do/(k|o|). */
    double r1 = fabs(o->a + o->b * o->ulo), r2 = fabs(o->a + o->b * o->uhi);
    double R = r1 > r2 ? r1 : r2;
    double g = satstat__exact_gauss_outer(o, k / sqrt(3.0));
    double y = k * R / SINC_X0;
    if (y > 1.0)
        g += 2.0 * o->fmax * log(y) / k;
    return g;
}

static double base_envelope_raw(const comp *c, double t);
static double tn_envelope_raw(const slaw *s, double t);

/* r(t) of the base and of the term, and the combination with the moment
 * bound. */
static double combine_env(double r, double rstar, double var, double rho,
                          double t)
{
    if (!(rho > 0.0) || !(var > 0.0))
        return r;
    double ts = 2.0 * var / rho;
    if (fabs(t) >= ts)
        return r;
    double m = moment_envelope(var, rho, t);
    double v = m < r ? m : r;
    return v > rstar ? v : rstar;
}

double satstat__exact_base_envelope(const comp *c, double t)
{
    double r = base_envelope_raw(c, t);
    if (!(c->brho > 0.0))
        return r;
    double ts = 2.0 * c->bvar / c->brho;
    return combine_env(r, base_envelope_raw(c, ts), c->bvar, c->brho, t);
}

/* The term's envelope (mixture included). */
double satstat__exact_comp_envelope(const comp *c, double t)
{
    double be = satstat__exact_base_envelope(c, t);
    if (c->p == 1.0)
        return be;
    double r = (1.0 - c->p) + c->p * be;
    if (!(c->rho > 0.0))
        return r;
    double ts = 2.0 * c->var / c->rho;
    double rs = (1.0 - c->p) + c->p * satstat__exact_base_envelope(c, ts);
    return combine_env(r, rs, c->var, c->rho, t);
}

static double tn_envelope_raw(const slaw *s, double t)
{
    /* φ_N = Z φ_TN + (1 − Z) φ_out gives |φ_TN| ≤ (e^{−s²t²/2} + 1 − Z)/Z;
     * integration by parts, |φ_TN(t)| ≤ (f(lo) + f(hi) + TV(f))/t =
     * 2 f_max/t for the unimodal density f. */
    double e1 = (exp(-0.5 * s->b * s->b * t * t) + s->zc) / exp(s->lz);
    double e2 = t > 0.0 ? 2.0 * s->fmax / t : INFINITY;
    double e = e1 < e2 ? e1 : e2;
    return e < 1.0 ? e : 1.0;
}

/* Raw envelope r(t) ≥ |ψ_base(t)|, non-increasing in t ≥ 0. */
static double base_envelope_raw(const comp *c, double t)
{
    t = fabs(t);
    switch (c->kind) {
    case K_SIMPLE: {
        const slaw *s = &c->base;
        switch (s->fam) {
        case F_CONST:
            return 1.0;
        case F_NORMAL:
            return exp(-0.5 * s->b * s->b * t * t);
        case F_UNIFORM:
            return sinc_env(s->b * t);
        default:
            return tn_envelope_raw(s, t);
        }
    }
    case K_PROD_NN: {
        double lr, ph;
        satstat__exact_prodnn_logpsi(c, t, &lr, &ph);
        return exp(lr);
    }
    default: {
        /* |E_O[φ_I(tO)]| ≤ E_O[|φ_I(tO)|]: e^{−s²t²O²/2} for a normal
         * inner law (in closed form), sinc_env(htO) for a uniform one. */
        double e;
        if (c->inner.fam == F_NORMAL) {
            e = satstat__exact_gauss_outer(&c->outer, c->inner.b * t);
        } else {
            e = outer_sinc_env(&c->outer, c->inner.b, t);
        }
        return e < 1.0 ? (e > 0.0 ? e : 0.0) : 1.0;
    }
    }
}

int satstat__exact_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}
