/* exact.c — the exact law of z = Σ w_j x_j + b (satstat/exact.h).
 *
 * ---- Description -----------------------------------------------------------
 * z is a sum of independent components, each `n` i.i.d. copies of one term:
 *     term = (1 − p)·δ0 + p·B,   B ∈ {constant, normal, uniform, truncated
 *            normal, product of two independent laws},
 * p < 1 for Bernoulli inputs, p = 1 otherwise (a fixed input x scales the
 * weight law; x·w with x and w both random is a product); the bias is one
 * more component with n = 1.
 *
 * ---- Method ----------------------------------------------------------------
 * 1. Characteristic function.  φ_Z(t) = Π_i φ_i(t)^{n_i}.  Each φ_i is
 *    written around its mean, φ_i(t) = e^{itμ_i} ψ_i(t), and what is
 *    computed is δ_i = ψ_i − 1 to full *relative* accuracy (expm1,
 *    sin x/x − 1 and e^{ix} − 1 − ix by series near 0, quadrature of those
 *    functions rather than of e^{ix}): with n up to 1e9 copies, ψ^n =
 *    exp(n log1p(δ)) amplifies any absolute error of ψ by n.  Integer powers
 *    have no branch-cut problem (e^{n(log|ψ| + i(arg ψ + 2πk))} is the same
 *    for every k); the argument is reduced mod 2π, and a real negative ψ
 *    (sin x/x between its zeros) is raised by the parity of n.  Closed forms:
 *    normal, uniform (sin x/x), normal × normal (Gaussian integral:
 *    (1 + s_w² s_x² t²)^{−1/2} with the mean terms).  By quadrature (GSL
 *    QAG): the truncated normal, E[e^{itY} − 1 − it(Y − EY)] over its
 *    interval (at high frequency an integration-by-parts series with a
 *    proven remainder bound, or QAWO), and products w·x where one factor
 *    ("outer") is bounded (uniform or truncated normal) and the other
 *    ("inner") normal or uniform with a closed-form CF:
 *    E_outer[ψ_inner(t·outer)·e^{iθ} − 1], with breakpoints clustering at
 *    outer = 0 where ψ_inner(t·outer) peaks.  Quadrature error estimates are
 *    carried through ψ^n into the reported errors.
 *    Bernoulli mixtures: ψ − 1 = (1 − p) g(−tpμ_B) + p(e^{itd} δ_B + g(td)),
 *    g(x) = e^{ix} − 1 − ix, d = (1 − p) μ_B — no cancellation.
 *
 * 2. Inversion.  Gil-Pelaez (1951, Biometrika 38:481):
 *        F(z) = 1/2 − (1/π) ∫_0^∞ Im[e^{−itz} φ(t)]/t dt,
 *        f(z) = (1/π) ∫_0^∞ Re[e^{−itz} φ(t)] dt,
 *    discretised as in Davies (1973, Biometrika 60:415; 1980, Appl. Statist.
 *    29:323, Algorithm AS 155 — the sum of independent terms is exactly his
 *    setting, after Imhof 1961): the midpoint trapezoid rule at
 *    t_k = (k + ½)Δ.  Its discretisation error is exactly the alternating
 *    sum of the law's mass beyond z ± 2πj/Δ ("aliasing": the rule inverts
 *    the law wrapped onto a circle of length 2π/Δ), so it is bounded by the
 *    mass outside [μ − L₋, μ + L₊] when 2π/Δ ≥ L₋ + L₊; L± come from
 *    Chernoff bounds P(Z − μ ≥ L) ≤ exp(K(λ) − λL), K = Σ n_i K_i the
 *    cumulant generating function (closed forms or quadrature per term),
 *    minimised over λ, and from the support when it is bounded.  The
 *    truncation error after K nodes is bounded by an envelope e(t) ≥ |φ(t)|
 *    (closed-form bounds per term: e^{−s²t²/2}, |sin x/x| ≤ e^{−x²/6} or
 *    1/x, integration by parts for the truncated normal, and near t = 0
 *    the moment bound exp(−σ²t²/2 + ρ|t|³/6) that makes n = 1e9 copies
 *    affordable): Σ_{k≥K} e(t_k)/(π(k + ½)) ≤ (1/π) ∫_{t_{K−1}}^∞ e(t)/t dt.  The trapezoid rule needs far fewer
 *    nodes than adaptive quadrature of an oscillating integrand (≈ 30 for a
 *    near-normal law), and the nodes do not depend on z: φ is computed once
 *    per handle, and each F(z) is one short sum.  Both tails come out of
 *    the sum directly (P(Z > z) = mass/2 + S/π), never as 1 − F.
 *
 * 3. Exact pieces.  Point masses cannot be inverted (φ does not decay): they
 *    are split off, and only the rest — the CF minus the pieces' CFs — is
 *    inverted.  With no normal or product part and only uniform terms, the
 *    configurations with at most 12 uniforms (over the Bernoulli counts of
 *    active inputs) are evaluated in closed form — the Irwin–Hall law
 *    (Irwin 1927, Hall 1927) for unequal widths, i.e. the B-spline formula
 *        F(y) = Σ_q (−1)^{|q|} Π_j C(k_j, q_j) (y − Σ_j 2h_j q_j)_+^m
 *               / (m! Π_j (2h_j)^{k_j})
 *    for y = z − (lowest point), evaluated on the lower half and mirrored
 *    (the law is symmetric) so that the alternating sum stays small; a
 *    piece whose terms could exceed 1e5 (very unequal widths) is left to
 *    the inversion instead.  A sum of 1 or 2 uniforms has |φ| ~ t^{−1},
 *    t^{−2}: no truncation of the series could reach 1e-10 there.
 *
 * 4. E[g(z)]: point masses times g, plus adaptive Gauss–Kronrod quadrature
 *    (QUADPACK, Piessens et al. 1983, through GSL) of g times the density,
 *    on panels split at μ + kσ, at 0 and at the knots of the exact pieces.
 *    When the density converges slowly (many nodes, or the direct engine),
 *    Parseval's identity on the nodes instead, with g smoothly windowed and
 *    its Fourier transform by FFT (see gexp_parseval()).
 *
 * 5. Direct engine.  A law whose |φ| decays like t^{−1} or t^{−2} and that
 *    is not a uniform sum (a single normal×normal product: the K0 density
 *    of the variance-gamma law) would need millions of nodes.  When every
 *    term's CF has a closed form, each query integrates instead: QAG on
 *    [0, T0] and QAWF (QUADPACK's Fourier integral, cycle by cycle with
 *    Wynn's epsilon extrapolation) on [T0, ∞).
 *
 * 6. Far tails.  Where the inversion's absolute error is more than 1e-9 of
 *    a tail, the tail is inverted again along the line Re s = θ through
 *    the saddlepoint of its moment generating function, which has relative
 *    accuracy (Daniels 1954/1987, Strawderman 2004; see tilt_tail()).
 *
 * ---- Limitations -------------------------------------------------------------
 *  - Laws that are not uniform sums and whose CF decays only like t^{−1} or
 *    t^{−2}: one or two truncated-normal terms (weights with fixed inputs,
 *    or a truncated-normal bias) with nothing smooth beside them, or such
 *    a term next to point masses.  The series is cut at 2^16 (2^13 when a
 *    term needs quadrature per node) nodes and the error estimate says how
 *    far from 1e-10 that may be: 3.5e-6 for one N(0, 1) on [−2, 2] alone
 *    (whose actual error is 4e-12: the envelope bound ignores the
 *    cancellation of the oscillating tail), 8e-11 for two, 2e-14 for
 *    three; more with a truncated-normal bias and nothing smooth.  Products w·x
 *    with a normal or centred-uniform factor have closed-form CFs and go to
 *    the direct engine instead, which stays at ~1e-13.
 *  - Several point masses (constant weights × Bernoulli inputs) with no
 *    continuous part are supported only when they can be enumerated in 4096
 *    pieces; otherwise SATSTAT_EINVAL.
 *  - Accuracy is absolute (about 1e-13) except in the far tails of laws
 *    whose terms all have closed-form moment generating functions
 *    (constants, normals, uniforms, truncated normals with both ends
 *    finite, normal × normal, Bernoulli mixtures of these, one of them
 *    continuous, or a single point mass where all Bernoulli inputs are 0):
 *    there a tail comes from the shifted contour (6.) with relative
 *    accuracy.  Other products (uniform or truncated normal times a random
 *    input), one-sided truncations and laws whose tilted CF decays too
 *    slowly (e.g. a few products alone) keep the absolute error, and a tail below it is reported as
 *    a bound (digits 0 in satstat_exact_result).  Near the end of a bounded
 *    support the relative error grows like ε·θz (θ the saddlepoint), the
 *    conditioning of the tail itself: 1e-8 at 1e-85 for 20 uniforms.
 *    E[g] assumes g finite on the range of z; by Parseval
 *    (rough laws) it also assumes g smooth, and its error estimate (from
 *    doubling the FFT size) grows where g has kinks or jumps.
 */
#include <satstat/error.h>
#include <satstat/exact.h>

#include "gsl-int.h"

#include <complex.h>

/* glibc defines CMPLX only for GCC ≥ 4.7 and clang reports itself as GCC
 * 4.2: give clang the builtin the C11 macro stands for. */
#ifndef CMPLX
#define CMPLX(x, y) __builtin_complex((double)(x), (double)(y))
#endif
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fft_complex.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_expint.h>

/* ---- tuning ------------------------------------------------------------------ */

#define TAIL_EPS 1e-16       /* Chernoff target for the mass outside each side */
#define PERIOD_MARGIN 1.25   /* 2π/Δ = margin · (L₋ + L₊)                       */
#define TRUNC_TOL_CDF 1e-13  /* target truncation bound of F                    */
#define TRUNC_TOL_PDF 1e-12  /* ... of the density, times sd                    */
#define KMAX_CHEAP (1u << 16)  /* node cap, closed-form terms only            */
#define KMAX_COSTLY (1u << 13) /* node cap with quadrature terms              */
#define MEXACT 12            /* most uniforms in one exact piece                */
#define PIECES_MAX 4096
#define PIECE_TERMS_MAX (1u << 18)
#define PIECE_STAB_MAX 1e5   /* largest term of the alternating sum allowed   */
#define PIECE_WMIN 1e-30     /* configurations lighter than this are skipped  */
#define MERGE_LOOKBACK 64
#define QUAD_LIMIT 1000
#define TN_CLIP 40.0         /* standardised range kept of a truncated normal */
#define TN_REACH 35.0        /* [lo, hi] must reach within this many sd       */
#define GAP_POINTS 1601

/* ---- small functions with full relative accuracy ----------------------------- */

/* sin(x)/x − 1 */
static double sincm1(double x)
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
static double complex gfun(double x)
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
static void clog1p_(double complex d, double *lr, double *ph)
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
static double logaddexp(double a, double b)
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
static double phase_times(uint64_t n, double ph)
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

static int quad(double (*f)(double, void *), void *ctx, double lo, double hi,
                double epsabs, double epsrel, gsl_integration_workspace *ws,
                double *res, double *err)
{
    return quad_ex(f, ctx, lo, hi, epsabs, epsrel, QUAD_LIMIT, 0, ws, res, err);
}

/* ---- simple laws ------------------------------------------------------------------ */

enum { F_CONST, F_NORMAL, F_UNIFORM, F_TRUNC };

typedef struct slaw {
    int fam;
    double mean, var;
    double a, b;        /* CONST: a.  NORMAL: mean a, sd b.  UNIFORM: centre
                           a, half-width b.  TRUNC: parent mean a, sd b.     */
    double alpha, beta; /* TRUNC: standardised bounds (may be infinite)     */
    double ulo, uhi;    /* TRUNC: the standardised range integrated over     */
    double lz;          /* TRUNC: log Z, Z = Φ(β) − Φ(α)                     */
    double zc;          /* TRUNC: 1 − Z                                      */
    double ubar;        /* TRUNC: E[(Y − a)/b]                               */
    double lo, hi;      /* support                                           */
    double fmax;        /* largest density (UNIFORM, TRUNC)                  */
    double c3, c4;      /* third and fourth central moments                  */
} slaw;

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

static int slaw_make(const satstat_exact_law *L, slaw *s,
                     gsl_integration_workspace *ws)
{
    memset(s, 0, sizeof *s);
    switch (L->family) {
    case SATSTAT_EXACT_CONSTANT:
        s->fam = F_CONST;
        s->a = s->mean = s->lo = s->hi = L->a;
        return SATSTAT_OK;
    case SATSTAT_EXACT_NORMAL:
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
    case SATSTAT_EXACT_UNIFORM:
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
    case SATSTAT_EXACT_TRUNCNORMAL: {
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
        int rc = quad(tn_moment_integrand, &c, s->ulo, s->uhi, 1e-15, 1e-13,
                      ws, &r, NULL);
        if (rc != SATSTAT_OK)
            return rc;
        s->ubar = r;
        c.what = 1;
        rc = quad(tn_moment_integrand, &c, s->ulo, s->uhi, 1e-16, 1e-13, ws,
                  &r, NULL);
        if (rc != SATSTAT_OK)
            return rc;
        if (!(r > 0.0))
            return SATSTAT_EINVAL;
        s->mean = L->a + L->b * s->ubar;
        s->var = L->b * L->b * r;
        c.what = 2;
        rc = quad(tn_moment_integrand, &c, s->ulo, s->uhi, 1e-16, 1e-12, ws,
                  &r, NULL);
        if (rc != SATSTAT_OK)
            return rc;
        s->c3 = r * L->b * L->b * L->b;
        c.what = 3;
        rc = quad(tn_moment_integrand, &c, s->ulo, s->uhi, 1e-16, 1e-12, ws,
                  &r, NULL);
        if (rc != SATSTAT_OK)
            return rc;
        s->c4 = r * L->b * L->b * L->b * L->b;
        s->lo = L->lo;
        s->hi = L->hi;
        double umode = al > 0.0 ? al : (be < 0.0 ? be : 0.0);
        s->fmax = tn_density_u(s, umode) / L->b;
        return SATSTAT_OK;
    }
    case SATSTAT_EXACT_BERNOULLI:
        break;
    }
    return SATSTAT_EINVAL;
}

/* Φ(b) − Φ(a), a ≤ b, from whichever tails keep the digits. */
static double phi_diff(double a, double b)
{
    if (a >= 0.0)
        return gsl_cdf_ugaussian_Q(a) - gsl_cdf_ugaussian_Q(b);
    if (b <= 0.0)
        return gsl_cdf_ugaussian_P(b) - gsl_cdf_ugaussian_P(a);
    return 1.0 - gsl_cdf_ugaussian_P(a) - gsl_cdf_ugaussian_Q(b);
}

/* E[O^k] for O ~ U(c, d): (d^{k+1} − c^{k+1})/((k + 1)(d − c)) as the sum
 * Σ_i d^i c^{k−i}/(k + 1), free of cancellation when c and d share a sign. */
static double unif_moment(double c, double d, int k)
{
    double s = 0.0;
    for (int i = 0; i <= k; i++)
        s += pow(d, i) * pow(c, k - i);
    return s / (k + 1);
}

/* E_O[e^{−a²O²/2}] for O uniform or truncated normal, in closed form. */
static double gauss_outer(const slaw *o, double a)
{
    if (o->fam == F_UNIFORM) {
        double R = fabs(o->lo) > fabs(o->hi) ? fabs(o->lo) : fabs(o->hi);
        if (a * R < 0.3) {
            /* Σ_j (−a²/2)^j E[O^{2j}]/j! */
            double x = -0.5 * a * a, term = 1.0, s = 1.0;
            for (int j = 1; j <= 12; j++) {
                term *= x / j;
                s += term * unif_moment(o->lo, o->hi, 2 * j);
            }
            return s;
        }
        return sqrt(2.0 * M_PI) / (a * (o->hi - o->lo)) *
               phi_diff(a * o->lo, a * o->hi);
    }
    double sg = o->b, m = o->a;
    double A = 1.0 + a * a * sg * sg;
    double us = -a * a * m * sg / A;
    double rA = sqrt(A);
    return exp(-0.5 * a * a * m * m / A - o->lz) / rA *
           phi_diff(rA * (o->alpha - us), rA * (o->beta - us));
}

/* ---- components ------------------------------------------------------------------ */

enum { K_SIMPLE, K_PROD_NN, K_PROD };

typedef struct comp {
    int kind;
    slaw base;          /* K_SIMPLE                                          */
    slaw outer, inner;  /* K_PROD: outer UNIFORM/TRUNC, inner NORMAL/UNIFORM;
                           K_PROD_NN: outer = x, inner = w, both NORMAL      */
    int has_inner;      /* inner law used (products)                         */
    double p;           /* (1 − p)·δ0 + p·base                               */
    uint64_t n;
    double bmean, bvar; /* of the base (product)                             */
    double mean, var;   /* of one term                                       */
    double ext_lo, ext_hi; /* one term's support relative to its mean        */
    int costly;         /* its CF needs quadrature                           */
    double bc3, bc4;    /* base: third, fourth central moments               */
    double c3, c4;      /* one term: the same                                */
    double brho, rho;   /* bounds of E|Y − EY|³, base and term               */
} comp;

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
    return sincm1(in->b * u);
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
static void prodnn_logpsi(const comp *c, double t, double *lr, double *ph)
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
            *d = sincm1(c->base.b * t);
            return SATSTAT_OK;
        default:
            return outer_delta(&c->base, NULL, 1.0, t, c->bvar, ws, d, err);
        }
    case K_PROD_NN: {
        double lr, ph;
        prodnn_logpsi(c, t, &lr, &ph);
        *d = cexpm1_(CMPLX(lr, ph));
        return SATSTAT_OK;
    }
    default:
        return outer_delta(&c->outer, &c->inner, c->inner.mean, t, c->bvar,
                           ws, d, err);
    }
}

/* log ψ of one term (centred at the term's mean): modulus and argument. */
static int comp_logpsi(const comp *c, double t, gsl_integration_workspace *ws,
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
                    *lr = log1p(sincm1(x));
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
            prodnn_logpsi(c, t, lr, ph);
            return SATSTAT_OK;
        }
        double complex d;
        int rc = base_delta(c, t, ws, &d, err);
        if (rc != SATSTAT_OK)
            return rc;
        clog1p_(d, lr, ph);
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
        d = (1.0 - p) * gfun(-t * p * mb) +
            p * (CMPLX(cos(t * dd), sin(t * dd)) * db + gfun(t * dd));
    }
    clog1p_(d, lr, ph);
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
static int comp_cgf(const comp *c, double lam, gsl_integration_workspace *ws,
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
    *k = logaddexp(log1p(-p) - lam * p * mb,
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
    double g = gauss_outer(o, k / sqrt(3.0));
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

static double base_envelope(const comp *c, double t)
{
    double r = base_envelope_raw(c, t);
    if (!(c->brho > 0.0))
        return r;
    double ts = 2.0 * c->bvar / c->brho;
    return combine_env(r, base_envelope_raw(c, ts), c->bvar, c->brho, t);
}

/* The term's envelope (mixture included). */
static double comp_envelope(const comp *c, double t)
{
    double be = base_envelope(c, t);
    if (c->p == 1.0)
        return be;
    double r = (1.0 - c->p) + c->p * be;
    if (!(c->rho > 0.0))
        return r;
    double ts = 2.0 * c->var / c->rho;
    double rs = (1.0 - c->p) + c->p * base_envelope(c, ts);
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
        prodnn_logpsi(c, t, &lr, &ph);
        return exp(lr);
    }
    default: {
        /* |E_O[φ_I(tO)]| ≤ E_O[|φ_I(tO)|]: e^{−s²t²O²/2} for a normal
         * inner law (in closed form), sinc_env(htO) for a uniform one. */
        double e;
        if (c->inner.fam == F_NORMAL) {
            e = gauss_outer(&c->outer, c->inner.b * t);
        } else {
            e = outer_sinc_env(&c->outer, c->inner.b, t);
        }
        return e < 1.0 ? (e > 0.0 ? e : 0.0) : 1.0;
    }
    }
}

/* ---- pieces (exact, closed form) --------------------------------------------------- */

typedef struct piece {
    double w;       /* probability                                          */
    double loc;     /* centre of the piece (the point mass when m = 0)      */
    double dshift;  /* loc − μ, computed without cancellation                */
    int m;          /* number of uniforms                                   */
    double H;       /* half-span Σ k_j h_j                                  */
    double lognorm; /* Σ k_j log(2h_j)                                       */
    double stab;    /* largest term of the alternating sum (rounding scale) */
    size_t koff;    /* counts of the uniform groups in e->pk[koff ..]       */
} piece;

/* ---- the handle ------------------------------------------------------------------- */

struct satstat_exact {
    comp *comps;
    size_t ncomp, capcomp;
    uint64_t total;
    comp bias;

    /* prepared state */
    int prepared;
    double mean, var, sd;
    piece *pieces;
    size_t npieces;
    uint16_t *pk;      /* counts per uniform group, per piece              */
    size_t nug;        /* uniform groups                                   */
    double *ug_h;      /* their half-widths                                */
    double exact_mass; /* Σ piece weights                                  */
    double piece_round;/* rounding allowance of the pieces                 */
    double neglected;  /* mass of configurations skipped                    */
    double mass_rem;   /* mass of the inverted remainder                   */
    double Lm, Lp;     /* inversion range [μ − L₋, μ + L₊]                  */
    double tail;       /* Chernoff bound of the mass outside it            */
    double delta;      /* node spacing                                     */
    size_t K;
    double complex *psi; /* centred CF of the remainder at t_k            */
    double absF, absf;   /* Σ|ψ_k|/(k + ½), Σ|ψ_k|: rounding scales       */
    double truncF, truncf;
    double nodeF, nodef; /* quadrature errors of the nodes, in F and f     */
    int direct;          /* remainder by QAG + QAWF per query             */
    int direct_real;     /* ... and its centred CF is real                */
    double T0;           /* end of the QAG head of the direct integrals    */
    int tilt_ok;         /* far tails by the shifted contour (tilt_tail)   */
    double tilt_max;     /* ... for 0 < θ < tilt_max                       */
    double atom_at, log_atom; /* its point mass (log 0 = −inf: none)     */

    /* sphere mode (satstat_exact_set_sphere): z = sph_c·T + bias, T a
     * coordinate of a point uniform on S^{m−1}; no components then */
    int sphere;
    double sph_c, sph_m;
    double sph_lnb;      /* log B(½, (m−1)/2)                             */
    double sph_tmax;     /* θ integrated over [−tmax, tmax]               */
};

/* ---- laws: constructors and validation ------------------------------------------- */

satstat_exact_law satstat_exact_constant(double value)
{
    satstat_exact_law l = {SATSTAT_EXACT_CONSTANT, value, 0.0, 0.0, 0.0, 0.0};
    return l;
}

satstat_exact_law satstat_exact_normal(double mean, double sd)
{
    satstat_exact_law l = {SATSTAT_EXACT_NORMAL, mean, sd, 0.0, 0.0, 0.0};
    return l;
}

satstat_exact_law satstat_exact_uniform(double lo, double hi)
{
    satstat_exact_law l = {SATSTAT_EXACT_UNIFORM, lo, hi, 0.0, 0.0, 0.0};
    return l;
}

satstat_exact_law satstat_exact_truncnormal(double mean, double sd, double lo,
                                            double hi)
{
    satstat_exact_law l = {SATSTAT_EXACT_TRUNCNORMAL, mean, sd, lo, hi, 0.0};
    return l;
}

satstat_exact_law satstat_exact_bernoulli(double p)
{
    satstat_exact_law l = {SATSTAT_EXACT_BERNOULLI, 0.0, 0.0, 0.0, 0.0, p};
    return l;
}

int satstat_exact_law_from(const satstat_law *law, satstat_exact_law *out)
{
    if (law == NULL || out == NULL)
        return SATSTAT_EINVAL;
    switch (law->family) {
    case SATSTAT_FAMILY_CONSTANT:
        *out = satstat_exact_constant(law->a);
        return SATSTAT_OK;
    case SATSTAT_FAMILY_NORMAL:
        *out = satstat_exact_normal(law->a, law->b);
        return SATSTAT_OK;
    case SATSTAT_FAMILY_UNIFORM:
        *out = satstat_exact_uniform(law->a, law->b);
        return SATSTAT_OK;
    case SATSTAT_FAMILY_TRUNC_NORMAL:
        *out = satstat_exact_truncnormal(law->a, law->b, law->lo, law->hi);
        return SATSTAT_OK;
    default: /* orthogonal entries are not independent */
        return SATSTAT_EINVAL;
    }
}

static int law_valid(const satstat_exact_law *l)
{
    switch (l->family) {
    case SATSTAT_EXACT_CONSTANT:
        return isfinite(l->a);
    case SATSTAT_EXACT_NORMAL:
        return isfinite(l->a) && isfinite(l->b) && l->b >= 0.0;
    case SATSTAT_EXACT_UNIFORM:
        return isfinite(l->a) && isfinite(l->b) && l->a <= l->b;
    case SATSTAT_EXACT_TRUNCNORMAL:
        return isfinite(l->a) && isfinite(l->b) && l->b > 0.0 &&
               !isnan(l->lo) && !isnan(l->hi) && l->lo < l->hi &&
               l->lo != INFINITY && l->hi != -INFINITY;
    case SATSTAT_EXACT_BERNOULLI:
        return l->p >= 0.0 && l->p <= 1.0;
    }
    return 0;
}

/* Degenerate laws become constants; a truncated normal with both bounds
 * infinite becomes normal. */
static satstat_exact_law law_normalize(satstat_exact_law l)
{
    if (l.family == SATSTAT_EXACT_NORMAL && l.b == 0.0)
        return satstat_exact_constant(l.a);
    if (l.family == SATSTAT_EXACT_UNIFORM && l.a == l.b)
        return satstat_exact_constant(l.a);
    if (l.family == SATSTAT_EXACT_TRUNCNORMAL && isinf(l.lo) && isinf(l.hi))
        return satstat_exact_normal(l.a, l.b);
    if (l.family == SATSTAT_EXACT_BERNOULLI && l.p == 1.0)
        return satstat_exact_constant(1.0);
    if (l.family == SATSTAT_EXACT_BERNOULLI && l.p == 0.0)
        return satstat_exact_constant(0.0);
    return l;
}

/* x·law for a constant x ≠ 0. */
static int law_scale(const satstat_exact_law *l, double x,
                     satstat_exact_law *out)
{
    switch (l->family) {
    case SATSTAT_EXACT_CONSTANT:
        *out = satstat_exact_constant(x * l->a);
        break;
    case SATSTAT_EXACT_NORMAL:
        *out = satstat_exact_normal(x * l->a, fabs(x) * l->b);
        break;
    case SATSTAT_EXACT_UNIFORM:
        *out = x > 0.0 ? satstat_exact_uniform(x * l->a, x * l->b)
                       : satstat_exact_uniform(x * l->b, x * l->a);
        break;
    case SATSTAT_EXACT_TRUNCNORMAL:
        *out = x > 0.0
                   ? satstat_exact_truncnormal(x * l->a, x * l->b, x * l->lo,
                                               x * l->hi)
                   : satstat_exact_truncnormal(x * l->a, -x * l->b,
                                               x * l->hi, x * l->lo);
        break;
    default:
        return SATSTAT_EINVAL;
    }
    if (!law_valid(out) || !isfinite(out->a) || !isfinite(out->b))
        return SATSTAT_ERANGE;
    *out = law_normalize(*out);
    return SATSTAT_OK;
}

static double ext_hi_of(const slaw *s) { return s->hi; }
static double ext_lo_of(const slaw *s) { return s->lo; }

/* Fill moments, support extents and cost of a component whose kind, laws
 * and p are set. */
static double binom_small(int k, int j)
{
    static const double C[5][5] = {{1, 0, 0, 0, 0},
                                   {1, 1, 0, 0, 0},
                                   {1, 2, 1, 0, 0},
                                   {1, 3, 3, 1, 0},
                                   {1, 4, 6, 4, 1}};
    return C[k][j];
}

/* Central moments c[0..4] of a simple law. */
static void slaw_central(const slaw *s, double *c)
{
    c[0] = 1.0;
    c[1] = 0.0;
    c[2] = s->var;
    c[3] = s->c3;
    c[4] = s->c4;
}

/* Central moments of the product O·I of independent laws, written
 * Y − EY = A·I + E[O]·B' (A = O − EO, B' = I − EI), so that only central
 * moments enter and nothing cancels:
 *   E(Y − EY)^k = Σ_j C(k,j) E[A^j] EO^{k−j} E[I^j B'^{k−j}],
 *   E[I^j B'^m] = Σ_l C(j,l) EI^{j−l} E[B'^{l+m}]. */
static void product_central(const slaw *o, const slaw *in, double *c)
{
    double a[5], b[5];
    slaw_central(o, a);
    slaw_central(in, b);
    double mo = o->mean, mi = in->mean;
    for (int k = 0; k <= 4; k++) {
        double sum = 0.0;
        for (int j = 0; j <= k; j++) {
            int m = k - j;
            double eib = 0.0;
            for (int l = 0; l <= j; l++)
                eib += binom_small(j, l) * pow(mi, j - l) * b[l + m];
            sum += binom_small(k, j) * a[j] * pow(mo, m) * eib;
        }
        c[k] = sum;
    }
}

static void comp_finish(comp *c)
{
    double lo, hi;
    if (c->kind == K_SIMPLE) {
        c->bmean = c->base.mean;
        c->bvar = c->base.var;
        lo = ext_lo_of(&c->base);
        hi = ext_hi_of(&c->base);
        c->costly = 0; /* the truncated normal's CF is cheap past ω ≈ 30 */
    } else {
        double mo = c->outer.mean, mi = c->inner.mean;
        double vo = c->outer.var, vi = c->inner.var;
        c->bmean = mo * mi;
        c->bvar = (vo + mo * mo) * (vi + mi * mi) - mo * mo * mi * mi;
        if (c->bvar < 0.0)
            c->bvar = 0.0;
        double a[2] = {c->outer.lo, c->outer.hi};
        double b[2] = {c->inner.lo, c->inner.hi};
        if (isinf(a[0]) || isinf(a[1]) || isinf(b[0]) || isinf(b[1])) {
            lo = -INFINITY;
            hi = INFINITY;
        } else {
            lo = INFINITY;
            hi = -INFINITY;
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 2; j++) {
                    double v = a[i] * b[j];
                    lo = v < lo ? v : lo;
                    hi = v > hi ? v : hi;
                }
        }
        c->costly = c->kind == K_PROD;
    }
    double p = c->p;
    c->mean = p * c->bmean;
    c->var = p * c->bvar + p * (1.0 - p) * c->bmean * c->bmean;
    if (p < 1.0) {
        lo = lo < 0.0 ? lo : 0.0;
        hi = hi > 0.0 ? hi : 0.0;
    }
    c->ext_lo = c->mean - lo;
    c->ext_hi = hi - c->mean;
    if (c->ext_lo < 0.0)
        c->ext_lo = 0.0;
    if (c->ext_hi < 0.0)
        c->ext_hi = 0.0;

    /* Central moments up to 4 of the base and of the term, for the bound
     * E|Y − EY|³ ≤ (E(Y − EY)^4)^{3/4} (Lyapunov) used by the envelope
     * near t = 0; for a bounded term also ≤ R·Var. */
    double bc[5], tc[5];
    if (c->kind == K_SIMPLE)
        slaw_central(&c->base, bc);
    else
        product_central(&c->outer, &c->inner, bc);
    c->bc3 = bc[3];
    c->bc4 = bc[4] > 0.0 ? bc[4] : 0.0;
    double d = (1.0 - p) * c->bmean, mq = -p * c->bmean;
    for (int k = 2; k <= 4; k++) {
        double eb = 0.0; /* E[(B − pμ_B)^k], B − pμ_B = B̃ + d */
        for (int j = 0; j <= k; j++)
            eb += binom_small(k, j) * bc[j] * pow(d, k - j);
        tc[k] = (1.0 - p) * pow(mq, k) + p * eb;
    }
    c->c3 = tc[3];
    c->c4 = tc[4] > 0.0 ? tc[4] : 0.0;
    c->brho = pow(c->bc4, 0.75);
    c->rho = pow(c->c4, 0.75);
    double R = c->ext_lo > c->ext_hi ? c->ext_lo : c->ext_hi;
    if (isfinite(R) && R * c->var < c->rho)
        c->rho = R * c->var;
}

/* The component for x·w (either may be Bernoulli, constant or random).
 * *zero is set when the term is identically 0. */
static int comp_build(const satstat_exact_law *w0, const satstat_exact_law *x0,
                      comp *c, int *zero, gsl_integration_workspace *ws)
{
    satstat_exact_law w = law_normalize(*w0), x = law_normalize(*x0);
    memset(c, 0, sizeof *c);
    *zero = 0;
    c->p = 1.0;
    if (w.family == SATSTAT_EXACT_BERNOULLI && x.family != SATSTAT_EXACT_BERNOULLI) {
        satstat_exact_law tmp = w;
        w = x;
        x = tmp;
    }
    if (x.family == SATSTAT_EXACT_BERNOULLI) {
        if (w.family == SATSTAT_EXACT_BERNOULLI) {
            c->p = x.p * w.p;
            w = satstat_exact_constant(1.0);
        } else {
            c->p = x.p;
        }
        x = satstat_exact_constant(1.0);
    }
    satstat_exact_law single;
    int is_single = 1;
    if (x.family == SATSTAT_EXACT_CONSTANT) {
        if (x.a == 0.0) {
            *zero = 1;
            return SATSTAT_OK;
        }
        int rc = law_scale(&w, x.a, &single);
        if (rc != SATSTAT_OK)
            return rc;
    } else if (w.family == SATSTAT_EXACT_CONSTANT) {
        if (w.a == 0.0) {
            *zero = 1;
            return SATSTAT_OK;
        }
        int rc = law_scale(&x, w.a, &single);
        if (rc != SATSTAT_OK)
            return rc;
    } else {
        is_single = 0;
    }
    if (is_single) {
        if (single.family == SATSTAT_EXACT_CONSTANT && single.a == 0.0) {
            *zero = 1;
            return SATSTAT_OK;
        }
        c->kind = K_SIMPLE;
        int rc = slaw_make(&single, &c->base, ws);
        if (rc != SATSTAT_OK)
            return rc;
        comp_finish(c);
        return SATSTAT_OK;
    }
    /* Both random. */
    const satstat_exact_law *o, *in;
    if (w.family == SATSTAT_EXACT_NORMAL && x.family == SATSTAT_EXACT_NORMAL) {
        c->kind = K_PROD_NN;
        o = &x;
        in = &w;
    } else {
        c->kind = K_PROD;
        if (w.family == SATSTAT_EXACT_TRUNCNORMAL &&
            x.family == SATSTAT_EXACT_TRUNCNORMAL)
            return SATSTAT_EINVAL;
        if (w.family == SATSTAT_EXACT_TRUNCNORMAL) {
            o = &w;
            in = &x;
        } else if (x.family == SATSTAT_EXACT_TRUNCNORMAL) {
            o = &x;
            in = &w;
        } else if (x.family == SATSTAT_EXACT_UNIFORM) {
            o = &x;
            in = &w;
        } else {
            o = &w;
            in = &x;
        }
    }
    int rc = slaw_make(o, &c->outer, ws);
    if (rc != SATSTAT_OK)
        return rc;
    rc = slaw_make(in, &c->inner, ws);
    if (rc != SATSTAT_OK)
        return rc;
    c->has_inner = 1;
    comp_finish(c);
    return SATSTAT_OK;
}

/* ---- alloc / build ----------------------------------------------------------------- */

static void unprepare(satstat_exact *e)
{
    free(e->pieces);
    free(e->pk);
    free(e->ug_h);
    free(e->psi);
    e->pieces = NULL;
    e->pk = NULL;
    e->ug_h = NULL;
    e->psi = NULL;
    e->npieces = e->nug = e->K = 0;
    e->direct = e->direct_real = 0;
    e->neglected = e->tail = e->truncF = e->truncf = 0.0;
    e->nodeF = e->nodef = 0.0;
    e->exact_mass = e->piece_round = e->mass_rem = 0.0;
    e->Lm = e->Lp = 0.0;
    e->prepared = 0;
}

int satstat_exact_alloc(satstat_exact **out)
{
    if (out == NULL)
        return SATSTAT_EINVAL;
    *out = NULL;
    satstat_exact *e = calloc(1, sizeof *e);
    if (e == NULL)
        return SATSTAT_ENOMEM;
    e->bias.kind = K_SIMPLE;
    e->bias.base.fam = F_CONST;
    e->bias.p = 1.0;
    e->bias.n = 1;
    comp_finish(&e->bias);
    *out = e;
    return SATSTAT_OK;
}

void satstat_exact_free(satstat_exact *e)
{
    if (e == NULL)
        return;
    unprepare(e);
    free(e->comps);
    free(e);
}

int satstat_exact_add_terms(satstat_exact *e, const satstat_exact_law *weight,
                            const satstat_exact_law *input, uint64_t count)
{
    if (e == NULL || weight == NULL || input == NULL || e->sphere)
        return SATSTAT_EINVAL;
    if (!law_valid(weight) || !law_valid(input))
        return SATSTAT_EINVAL;
    if (count > SATSTAT_EXACT_MAX_COUNT ||
        e->total + count > SATSTAT_EXACT_MAX_COUNT)
        return SATSTAT_ERANGE;
    if (count == 0)
        return SATSTAT_OK;
    satstat__gsl_quiet();
    gsl_integration_workspace *ws = gsl_integration_workspace_alloc(QUAD_LIMIT);
    if (ws == NULL)
        return SATSTAT_ENOMEM;
    comp c;
    int zero;
    int rc = comp_build(weight, input, &c, &zero, ws);
    gsl_integration_workspace_free(ws);
    if (rc != SATSTAT_OK)
        return rc;
    if (zero)
        return SATSTAT_OK;
    /* Merge with an identical earlier group (same laws, same p). */
    size_t from = e->ncomp > MERGE_LOOKBACK ? e->ncomp - MERGE_LOOKBACK : 0;
    for (size_t i = e->ncomp; i-- > from;) {
        comp probe = c;
        probe.n = e->comps[i].n;
        if (memcmp(&probe, &e->comps[i], sizeof probe) == 0) {
            e->comps[i].n += count;
            e->total += count;
            unprepare(e);
            return SATSTAT_OK;
        }
    }
    if (e->ncomp == e->capcomp) {
        size_t cap = e->capcomp ? 2 * e->capcomp : 8;
        comp *nc = realloc(e->comps, cap * sizeof *nc);
        if (nc == NULL)
            return SATSTAT_ENOMEM;
        e->comps = nc;
        e->capcomp = cap;
    }
    c.n = count;
    e->comps[e->ncomp++] = c;
    e->total += count;
    unprepare(e);
    return SATSTAT_OK;
}

int satstat_exact_set_bias(satstat_exact *e, const satstat_exact_law *bias)
{
    if (e == NULL || bias == NULL || !law_valid(bias) ||
        bias->family == SATSTAT_EXACT_BERNOULLI)
        return SATSTAT_EINVAL;
    satstat__gsl_quiet();
    gsl_integration_workspace *ws = gsl_integration_workspace_alloc(QUAD_LIMIT);
    if (ws == NULL)
        return SATSTAT_ENOMEM;
    comp c;
    memset(&c, 0, sizeof c);
    c.kind = K_SIMPLE;
    c.p = 1.0;
    c.n = 1;
    satstat_exact_law b = law_normalize(*bias);
    int rc = slaw_make(&b, &c.base, ws);
    gsl_integration_workspace_free(ws);
    if (rc != SATSTAT_OK)
        return rc;
    comp_finish(&c);
    e->bias = c;
    unprepare(e);
    return SATSTAT_OK;
}

int satstat_exact_set_sphere(satstat_exact *e, double scale, uint64_t dim)
{
    if (e == NULL || e->ncomp > 0 || !(scale > 0.0) || !isfinite(scale) ||
        dim < 2 || dim > (UINT64_C(1) << 53))
        return SATSTAT_EINVAL;
    satstat__gsl_quiet();
    double m = (double)dim;
    e->sphere = 1;
    e->sph_c = scale;
    e->sph_m = m;
    e->sph_lnb = gsl_sf_lnbeta(0.5, 0.5 * (m - 1.0));
    /* cos^{m−2}θ ≤ e^{−(m−2)θ²/2}: past 40/√(m−2) the mass is below e^{−800} */
    e->sph_tmax = m > 2.0 ? fmin(M_PI / 2.0, 40.0 / sqrt(m - 2.0)) : M_PI / 2.0;
    unprepare(e);
    return SATSTAT_OK;
}

int satstat_exact_from_config(const satstat_config *config,
                              const satstat_scheme *scheme,
                              satstat_exact **out)
{
    if (out == NULL)
        return SATSTAT_EINVAL;
    *out = NULL;
    if (config == NULL || scheme == NULL)
        return SATSTAT_EINVAL;
    satstat_law wl;
    satstat_exact_law w, b, x;
    int rc = satstat_scheme_weight_law(scheme, config->n_in, config->n_out, &wl);
    if (rc != SATSTAT_OK)
        return rc;
    if (wl.family == SATSTAT_FAMILY_ORTHOGONAL) {
        /* a row of gain·Q, Q Haar: z = gain·‖x‖·T + b, T on S^{m−1} */
        if (satstat_inputs_is_random(&config->inputs))
            return SATSTAT_EINVAL;
        if ((rc = satstat_exact_law_from(&config->bias.law, &b)) != SATSTAT_OK)
            return rc;
        double c = scheme->gain *
                   sqrt(satstat_inputs_sum_sq(&config->inputs, config->n_in));
        uint64_t m = config->n_in > config->n_out ? config->n_in : config->n_out;
        satstat_exact *e;
        if ((rc = satstat_exact_alloc(&e)) != SATSTAT_OK)
            return rc;
        if ((c > 0.0 && (rc = satstat_exact_set_sphere(e, c, m)) != SATSTAT_OK) ||
            (rc = satstat_exact_set_bias(e, &b)) != SATSTAT_OK) {
            satstat_exact_free(e);
            return rc;
        }
        *out = e;
        return SATSTAT_OK;
    }
    if ((rc = satstat_exact_law_from(&wl, &w)) != SATSTAT_OK ||
        (rc = satstat_exact_law_from(&config->bias.law, &b)) != SATSTAT_OK)
        return rc;
    uint64_t count;
    switch (config->inputs.kind) {
    case SATSTAT_INPUTS_HALF:
        x = satstat_exact_constant(1.0);
        count = config->inputs.active;
        break;
    case SATSTAT_INPUTS_ONES:
        x = satstat_exact_constant(1.0);
        count = config->n_in;
        break;
    case SATSTAT_INPUTS_BERNOULLI:
        x = satstat_exact_bernoulli(config->inputs.p);
        count = config->n_in;
        break;
    case SATSTAT_INPUTS_NORMAL:
        x = satstat_exact_normal(0.0, config->inputs.p);
        count = config->n_in;
        break;
    case SATSTAT_INPUTS_UNIFORM:
        x = satstat_exact_uniform(config->inputs.p, config->inputs.q);
        count = config->n_in;
        break;
    case SATSTAT_INPUTS_FILE:
        /* Fixed, arbitrary x_j: with normal (or constant) weights only
         * Σx and Σx² matter, Σ w_j x_j ~ N(μ_w Σx, σ_w² Σx²); other
         * weight laws need each x_j (add one term per value instead). */
        if (w.family == SATSTAT_EXACT_NORMAL) {
            w = satstat_exact_normal(w.a * config->inputs.file_sum,
                                     w.b * sqrt(config->inputs.file_sum_sq));
        } else if (w.family == SATSTAT_EXACT_CONSTANT) {
            w = satstat_exact_constant(w.a * config->inputs.file_sum);
        } else {
            return SATSTAT_EINVAL;
        }
        x = satstat_exact_constant(1.0);
        count = 1;
        break;
    default:
        return SATSTAT_EINVAL;
    }
    satstat_exact *e;
    if ((rc = satstat_exact_alloc(&e)) != SATSTAT_OK)
        return rc;
    if ((rc = satstat_exact_add_terms(e, &w, &x, count)) != SATSTAT_OK ||
        (rc = satstat_exact_set_bias(e, &b)) != SATSTAT_OK) {
        satstat_exact_free(e);
        return rc;
    }
    *out = e;
    return SATSTAT_OK;
}

/* ---- preparation ------------------------------------------------------------------- */

typedef struct prep {
    satstat_exact *e;
    const comp *c;  /* all components, the bias last */
    size_t nc;
    gsl_integration_workspace *ws;
    /* envelope mode */
    int mode;       /* 0 product of envelopes; 1 single point mass;
                       2 uniform pieces (r-bound)                        */
    double atom_mass;
    /* uniform-family enumeration */
    size_t *ug_comp;   /* component index of each uniform group          */
    int *ug_random;    /* p < 1                                          */
    size_t nlg;
    size_t *lg_comp;   /* lattice groups (constant base, p < 1)          */
    unsigned *lg_lo, *lg_hi;
    uint16_t *cur;     /* counts of the configuration being built        */
    unsigned *lg_cur;
    size_t cap_pieces;
    size_t terms;
    int overflow;
    size_t skipped;
    /* unpeeled configurations (left to the inversion) */
    double *un_w;
    uint16_t *un_k;
    size_t nun, cap_un;
} prep;

static double binom_pmf(uint64_t k, double p, uint64_t n)
{
    if (p >= 1.0)
        return k == n ? 1.0 : 0.0;
    if (p <= 0.0)
        return k == 0 ? 1.0 : 0.0;
    return gsl_ran_binomial_pdf((unsigned)k, p, (unsigned)n);
}

static double choose_small(unsigned k, unsigned q)
{
    double r = 1.0;
    for (unsigned i = 1; i <= q; i++)
        r = r * (double)(k - q + i) / (double)i;
    return r;
}

/* Record the configuration in p->cur (and lattice counts) with weight w. */
static int add_config(prep *P, double w)
{
    satstat_exact *e = P->e;
    int m = 0;
    double H = 0.0, lognorm = 0.0, loc = 0.0, dshift = 0.0;
    double lstab = 0.0;
    for (size_t j = 0; j < e->nug; j++) {
        const comp *c = &P->c[P->ug_comp[j]];
        unsigned k = P->cur[j];
        m += (int)k;
        H += k * c->base.b;
        lognorm += k * log(2.0 * c->base.b);
        loc += k * c->base.a;
        dshift += ((double)k - (double)c->n * c->p) * c->base.a;
    }
    for (size_t j = 0; j < P->nlg; j++) {
        const comp *c = &P->c[P->lg_comp[j]];
        unsigned k = P->lg_cur[j];
        loc += k * c->base.a;
        dshift += ((double)k - (double)c->n * c->p) * c->base.a;
    }
    for (size_t i = 0; i < P->nc; i++) {
        const comp *c = &P->c[i];
        if (c->kind == K_SIMPLE && c->base.fam == F_CONST && c->p == 1.0)
            loc += (double)c->n * c->base.a;
    }
    size_t nterms = 1;
    if (m > 0) {
        /* Largest term of the alternating sum on the lower half:
         * 2^m H^m / (m! Π (2h)^k). */
        lstab = m * log(2.0 * H) - lognorm - lgamma(m + 1.0);
        for (size_t j = 0; j < e->nug; j++)
            nterms *= (size_t)P->cur[j] + 1;
    }
    if (m > 0 && lstab > log(PIECE_STAB_MAX)) {
        /* Leave it to the inversion; remember it for the envelope. */
        if (P->nun == P->cap_un) {
            size_t cap = P->cap_un ? 2 * P->cap_un : 16;
            double *nw = realloc(P->un_w, cap * sizeof *nw);
            if (nw == NULL)
                return SATSTAT_ENOMEM;
            P->un_w = nw;
            uint16_t *nk = realloc(P->un_k, cap * (e->nug ? e->nug : 1) *
                                                sizeof *nk);
            if (nk == NULL)
                return SATSTAT_ENOMEM;
            P->un_k = nk;
            P->cap_un = cap;
        }
        P->un_w[P->nun] = w;
        memcpy(P->un_k + P->nun * e->nug, P->cur, e->nug * sizeof *P->cur);
        P->nun++;
        return SATSTAT_OK;
    }
    if (e->npieces >= PIECES_MAX || P->terms + nterms > PIECE_TERMS_MAX) {
        P->overflow = 1;
        return SATSTAT_OK;
    }
    if (e->npieces == P->cap_pieces) {
        size_t cap = P->cap_pieces ? 2 * P->cap_pieces : 16;
        piece *np = realloc(e->pieces, cap * sizeof *np);
        if (np == NULL)
            return SATSTAT_ENOMEM;
        e->pieces = np;
        uint16_t *nk = realloc(e->pk, cap * (e->nug ? e->nug : 1) * sizeof *nk);
        if (nk == NULL)
            return SATSTAT_ENOMEM;
        e->pk = nk;
        P->cap_pieces = cap;
    }
    piece *pc = &e->pieces[e->npieces];
    pc->w = w;
    pc->loc = loc;
    pc->m = m;
    pc->H = H;
    pc->lognorm = lognorm;
    pc->stab = m > 0 ? exp(lstab) : 1.0;
    pc->koff = e->npieces * e->nug;
    /* loc is the centre of the piece (each uniform is centred at base.a);
     * its lowest point is loc − H. */
    pc->dshift = dshift;
    memcpy(e->pk + pc->koff, P->cur, e->nug * sizeof *P->cur);
    e->npieces++;
    P->terms += nterms;
    return SATSTAT_OK;
}

static int enumerate(prep *P, size_t gi, int m, double w)
{
    satstat_exact *e = P->e;
    if (P->overflow)
        return SATSTAT_OK;
    if (gi < e->nug) {
        const comp *c = &P->c[P->ug_comp[gi]];
        if (!P->ug_random[gi]) {
            P->cur[gi] = (uint16_t)c->n;
            return enumerate(P, gi + 1, m + (int)c->n, w);
        }
        uint64_t kmax = c->n;
        if (kmax > (uint64_t)(MEXACT - m))
            kmax = (uint64_t)(MEXACT - m);
        for (uint64_t k = 0; k <= kmax; k++) {
            double wk = w * binom_pmf(k, c->p, c->n);
            if (wk < PIECE_WMIN) {
                P->skipped++;
                continue;
            }
            P->cur[gi] = (uint16_t)k;
            int rc = enumerate(P, gi + 1, m + (int)k, wk);
            if (rc != SATSTAT_OK)
                return rc;
        }
        return SATSTAT_OK;
    }
    size_t li = gi - e->nug;
    if (li < P->nlg) {
        const comp *c = &P->c[P->lg_comp[li]];
        for (unsigned k = P->lg_lo[li]; k <= P->lg_hi[li]; k++) {
            double wk = w * binom_pmf(k, c->p, c->n);
            if (wk < PIECE_WMIN) {
                P->skipped++;
                continue;
            }
            P->lg_cur[li] = k;
            int rc = enumerate(P, gi + 1, m, wk);
            if (rc != SATSTAT_OK)
                return rc;
        }
        return SATSTAT_OK;
    }
    return add_config(P, w);
}

/* Uniform family: every component constant or uniform, possibly mixed with
 * δ0.  Returns 1 when the pieces were built, 0 when not applicable (or too
 * many), < 0 on error. */
static int build_uniform_pieces(prep *P, int *complete)
{
    satstat_exact *e = P->e;
    size_t nug = 0, nlg = 0;
    uint64_t m_fixed = 0, m_max = 0;
    *complete = 0;
    for (size_t i = 0; i < P->nc; i++) {
        const comp *c = &P->c[i];
        if (c->kind != K_SIMPLE ||
            (c->base.fam != F_CONST && c->base.fam != F_UNIFORM))
            return 0;
        if (c->base.fam == F_UNIFORM) {
            nug++;
            m_max += c->n;
            if (c->p == 1.0)
                m_fixed += c->n;
        } else if (c->p < 1.0) {
            nlg++;
        }
    }
    if (m_fixed > MEXACT)
        return 0;
    int rc = SATSTAT_ENOMEM;
    P->ug_comp = calloc(nug + 1, sizeof *P->ug_comp);
    P->ug_random = calloc(nug + 1, sizeof *P->ug_random);
    P->lg_comp = calloc(nlg + 1, sizeof *P->lg_comp);
    P->lg_lo = calloc(nlg + 1, sizeof *P->lg_lo);
    P->lg_hi = calloc(nlg + 1, sizeof *P->lg_hi);
    P->lg_cur = calloc(nlg + 1, sizeof *P->lg_cur);
    P->cur = calloc(nug + 1, sizeof *P->cur);
    e->ug_h = calloc(nug + 1, sizeof *e->ug_h);
    if (!P->ug_comp || !P->ug_random || !P->lg_comp || !P->lg_lo ||
        !P->lg_hi || !P->lg_cur || !P->cur || !e->ug_h)
        return rc;
    for (size_t i = 0; i < P->nc; i++) {
        const comp *c = &P->c[i];
        if (c->base.fam == F_UNIFORM) {
            P->ug_comp[e->nug] = i;
            P->ug_random[e->nug] = c->p < 1.0;
            e->ug_h[e->nug] = c->base.b;
            e->nug++;
        } else if (c->p < 1.0) {
            /* The lattice counts that matter: pmf ≥ PIECE_WMIN. */
            if (c->n > 100000)
                return 0;
            unsigned lo = 0, hi = (unsigned)c->n;
            while (lo < hi && binom_pmf(lo, c->p, c->n) < PIECE_WMIN)
                lo++;
            while (hi > lo && binom_pmf(hi, c->p, c->n) < PIECE_WMIN)
                hi--;
            P->skipped += (size_t)(c->n - (hi - lo)); /* counts left out */
            P->lg_comp[P->nlg] = i;
            P->lg_lo[P->nlg] = lo;
            P->lg_hi[P->nlg] = hi;
            P->nlg++;
        }
    }
    rc = enumerate(P, 0, 0, 1.0);
    if (rc != SATSTAT_OK)
        return rc;
    if (P->overflow) {
        e->npieces = 0;
        e->nug = 0;
        P->nun = 0;
        return 0;
    }
    /* Complete when every configuration with mass ≥ PIECE_WMIN is a piece:
     * the rest (skipped, or lattice counts outside [lo, hi]) is neglected
     * and accounted for in the error estimate. */
    *complete = m_max <= MEXACT && P->nun == 0;

    P->mode = 2;
    return 1;
}

/* ---- envelopes ---------------------------------------------------------------------- */

/* min over r ≥ 1 of Π_j (1 − p_j + p_j r e_j)^{n_j} / r^{MEXACT+1}: a bound on
 * the mass-weighted |ψ| of the configurations with more than MEXACT
 * uniforms (all coefficients of the generating function are ≥ 0). */
static double rbound_log(const prep *P, double rho, const double *ej)
{
    const satstat_exact *e = P->e;
    double s = -(MEXACT + 1) * rho;
    for (size_t j = 0; j < e->nug; j++) {
        const comp *c = &P->c[P->ug_comp[j]];
        double re = exp(rho) * ej[j];
        if (c->p == 1.0)
            s += (double)c->n * log(re);
        else
            s += (double)c->n * log1p(c->p * (re - 1.0));
    }
    return s;
}

static double envelope(const prep *P, double t)
{
    const satstat_exact *e = P->e;
    if (P->mode == 2) {
        double ej[64];
        double *ejp = e->nug <= 64 ? ej : malloc(e->nug * sizeof *ejp);
        if (ejp == NULL)
            return 1.0;
        for (size_t j = 0; j < e->nug; j++) {
            double x = e->ug_h[j] * t;
            ejp[j] = x > 1.0 ? 1.0 / x : 1.0;
        }
        /* Golden-section search of the convex function of ρ = log r. */
        double a = 0.0, b = 60.0, gr = 0.5 * (sqrt(5.0) - 1.0);
        double x1 = b - gr * (b - a), x2 = a + gr * (b - a);
        double f1 = rbound_log(P, x1, ejp), f2 = rbound_log(P, x2, ejp);
        for (int it = 0; it < 60; it++) {
            if (f1 <= f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - gr * (b - a);
                f1 = rbound_log(P, x1, ejp);
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + gr * (b - a);
                f2 = rbound_log(P, x2, ejp);
            }
        }
        double best = f1 < f2 ? f1 : f2;
        double f0 = rbound_log(P, 0.0, ejp);
        if (f0 < best)
            best = f0;
        double env = exp(best);
        for (size_t u = 0; u < P->nun; u++) {
            double v = P->un_w[u];
            for (size_t j = 0; j < e->nug; j++)
                v *= pow(ejp[j], P->un_k[u * e->nug + j]);
            env += v;
        }
        if (ejp != ej)
            free(ejp);
        return env < 1.0 ? env : 1.0;
    }
    if (P->mode == 1) {
        /* All components have a point mass a_i = 1 − p_i (or are constant):
         * |φ − M e^{itv}| ≤ M [Π (1 + p_i e_i/(1 − p_i))^{n_i} − 1]. */
        double s = 0.0;
        for (size_t i = 0; i < P->nc; i++) {
            const comp *c = &P->c[i];
            if (c->p == 1.0)
                continue;
            s += (double)c->n * log1p(c->p * base_envelope(c, t) / (1.0 - c->p));
        }
        return P->atom_mass * expm1(s);
    }
    double s = 0.0;
    for (size_t i = 0; i < P->nc; i++) {
        const comp *c = &P->c[i];
        s += (double)c->n * log(comp_envelope(c, t));
    }
    return exp(s);
}

/* Bounds of Σ_{k ≥ K} e(t_k)/(π(k + ½)) and (Δ/π) Σ_{k≥K} e(t_k), by
 * ∫_T^∞ e(t)/t dt and ∫_T^∞ e(t) dt with T = t_{K−1} (e non-increasing),
 * each integral bounded on a geometric grid T·r^j. */
static void trunc_bounds(const prep *P, double T, double *bF, double *bf)
{
    const double r = 1.189207115002721; /* 2^{1/4} */
    double sF = 0.0, sf = 0.0, t = T;
    int convF = 0, convf = 0;
    double ev_next = envelope(P, t);
    for (int j = 0; j < 2000; j++) {
        /* the larger end of the cell [t, rt]: the envelopes are
         * non-increasing, or nearly so */
        double ev = ev_next;
        ev_next = envelope(P, t * r);
        if (ev_next > ev)
            ev = ev_next;
        if (!(ev >= 0.0))
            ev = 1.0; /* NaN: assume nothing */
        double dF = ev * log(r);
        double df = ev * t * (r - 1.0);
        sF += dF;
        sf += df;
        if (dF < 1e-22 * (sF > 1e-300 ? 1.0 : 0.0) + 1e-300 ||
            (ev == 0.0)) {
            convF = 1;
            convf = 1;
            break;
        }
        if (!convF && dF < 1e-6 * sF && j > 40)
            convF = 1;
        if (!convf && df < 1e-6 * sf && j > 40)
            convf = 1;
        if (convF && convf)
            break;
        t *= r;
        if (!isfinite(t))
            break;
    }
    *bF = convF ? sF / M_PI : INFINITY;
    *bf = convf ? sf / M_PI : INFINITY;
}

/* Chernoff: the smallest L with exp(K(±λ) − λL) ≤ TAIL_EPS over λ > 0. */
typedef struct cher_ctx {
    const prep *P;
    int sign;
    int status;
} cher_ctx;

static double cher_K(cher_ctx *cc, double lam)
{
    double s = 0.0;
    for (size_t i = 0; i < cc->P->nc; i++) {
        const comp *c = &cc->P->c[i];
        if (c->kind == K_SIMPLE && c->base.fam == F_CONST)
            continue;
        double k;
        int rc = comp_cgf(c, cc->sign * lam, cc->P->ws, &k);
        if (rc != SATSTAT_OK) {
            cc->status = rc;
            return INFINITY;
        }
        s += (double)c->n * k;
    }
    return s;
}

static double cher_L(cher_ctx *cc, double u)
{
    double lam = exp(u);
    double K = cher_K(cc, lam);
    return (K - log(TAIL_EPS)) / lam;
}

static int chernoff(const prep *P, int sign, double sd, double *L)
{
    cher_ctx cc = {P, sign, SATSTAT_OK};
    double a = log(1e-6 / sd), b = log(1e6 / sd);
    double gr = 0.5 * (sqrt(5.0) - 1.0);
    double x1 = b - gr * (b - a), x2 = a + gr * (b - a);
    double f1 = cher_L(&cc, x1), f2 = cher_L(&cc, x2);
    for (int it = 0; it < 90; it++) {
        if (f1 <= f2 || (isinf(f1) && isinf(f2))) {
            b = x2;
            x2 = x1;
            f2 = f1;
            x1 = b - gr * (b - a);
            f1 = cher_L(&cc, x1);
        } else {
            a = x1;
            x1 = x2;
            f1 = f2;
            x2 = a + gr * (b - a);
            f2 = cher_L(&cc, x2);
        }
        if (cc.status != SATSTAT_OK)
            return cc.status;
    }
    *L = f1 < f2 ? f1 : f2;
    if (!(*L > 0.0) || isnan(*L))
        return SATSTAT_ENUMERIC;
    return SATSTAT_OK;
}

/* CF of a piece at t, centred at μ. */
static double complex piece_cf(const satstat_exact *e, const piece *pc, double t)
{
    double ph = t * pc->dshift;
    double complex v = pc->w * CMPLX(cos(ph), sin(ph));
    for (size_t j = 0; j < e->nug; j++) {
        unsigned k = e->pk[pc->koff + j];
        if (k == 0)
            continue;
        double x = e->ug_h[j] * t;
        double s = fabs(x) < 0.5 ? 1.0 + sincm1(x) : sin(x) / x;
        v *= pow(s, (double)k);
    }
    return v;
}

static void prep_free(prep *P)
{
    free(P->ug_comp);
    free(P->ug_random);
    free(P->lg_comp);
    free(P->lg_lo);
    free(P->lg_hi);
    free(P->lg_cur);
    free(P->cur);
    free(P->un_w);
    free(P->un_k);
    free((void *)P->c);
    if (P->ws)
        gsl_integration_workspace_free(P->ws);
}

static int comp_direct_ok(const comp *c, int *real);

static int do_prepare(satstat_exact *e, prep *P)
{
    /* All components, the bias last. */
    comp *all = malloc((e->ncomp + 1) * sizeof *all);
    if (all == NULL)
        return SATSTAT_ENOMEM;
    if (e->ncomp > 0) /* no weight reaches z (n_in 1, half: no input on):
                         comps is NULL, and memcpy's source must not be */
        memcpy(all, e->comps, e->ncomp * sizeof *all);
    all[e->ncomp] = e->bias;
    P->c = all;
    P->nc = e->ncomp + 1;
    P->ws = gsl_integration_workspace_alloc(QUAD_LIMIT);
    if (P->ws == NULL)
        return SATSTAT_ENOMEM;

    double mean = 0.0, var = 0.0;
    int costly = 0, all_atomic = 1, multi_atom = 0;
    double atom_loc = 0.0, log_atom = 0.0;
    for (size_t i = 0; i < P->nc; i++) {
        const comp *c = &P->c[i];
        mean += (double)c->n * c->mean;
        var += (double)c->n * c->var;
        costly |= c->costly;
        int is_const = c->kind == K_SIMPLE && c->base.fam == F_CONST;
        if (is_const && c->p == 1.0) {
            atom_loc += (double)c->n * c->base.a;
        } else if (c->p < 1.0) {
            if (is_const)
                multi_atom = 1;
            log_atom += (double)c->n * log1p(-c->p);
        } else {
            all_atomic = 0;
        }
    }
    e->mean = mean;
    e->var = var;
    e->sd = sqrt(var);

    int complete = 0, built = 0;
    built = build_uniform_pieces(P, &complete);
    if (built < 0)
        return built;
    if (!built) {
        e->npieces = 0;
        e->nug = 0;
        if (all_atomic && multi_atom)
            return SATSTAT_EINVAL;
        /* A point mass below 1e-300 is neglected (counted in the error):
         * the remainder's CF still decays through the mixtures' bases. */
        if (all_atomic && log_atom < log(1e-300)) {
            all_atomic = 0;
            e->neglected += exp(log_atom);
        }
        if (all_atomic) {
            double M = exp(log_atom);
            P->mode = 1;
            P->atom_mass = M;
            if (M > 0.0) {
                e->pieces = calloc(1, sizeof *e->pieces);
                if (e->pieces == NULL)
                    return SATSTAT_ENOMEM;
                piece *pc = &e->pieces[0];
                pc->w = M;
                pc->loc = atom_loc;
                /* v − μ = Σ n_i (atom_i − μ_i): 0 for the constants,
                 * −n_i μ_i for the mixtures (their atom is at 0). */
                double ds = 0.0;
                for (size_t i = 0; i < P->nc; i++)
                    if (P->c[i].p < 1.0)
                        ds -= (double)P->c[i].n * P->c[i].mean;
                pc->dshift = ds;
                pc->stab = 1.0;
                e->npieces = 1;
                complete = M == 1.0;
            }
        } else {
            P->mode = 0;
        }
    }
    double wsum = 0.0, stab = 0.0;
    for (size_t i = 0; i < e->npieces; i++) {
        wsum += e->pieces[i].w;
        stab += e->pieces[i].w * e->pieces[i].stab;
    }
    e->exact_mass = wsum;
    e->piece_round = 4.0 * DBL_EPSILON * (stab + 1.0) * (e->npieces ? 1.0 : 0.0);
    e->neglected += (double)P->skipped * PIECE_WMIN;
    e->mass_rem = complete ? 0.0 : 1.0 - wsum;
    if (e->mass_rem < 0.0)
        e->mass_rem = 0.0;
    if (complete || !(e->sd > 0.0)) {
        e->K = 0;
        e->Lm = e->Lp = 0.0;
        e->tail = 0.0;
        return SATSTAT_OK;
    }

    /* Range of the inversion: Chernoff, and the support when bounded. */
    double ext_lo = 0.0, ext_hi = 0.0;
    for (size_t i = 0; i < P->nc; i++) {
        ext_lo += (double)P->c[i].n * P->c[i].ext_lo;
        ext_hi += (double)P->c[i].n * P->c[i].ext_hi;
    }
    double Lp, Lm;
    int rc = chernoff(P, 1, e->sd, &Lp);
    if (rc != SATSTAT_OK)
        return rc;
    rc = chernoff(P, -1, e->sd, &Lm);
    if (rc != SATSTAT_OK)
        return rc;
    e->tail = 2.0 * TAIL_EPS;
    if (ext_hi <= Lp) {
        Lp = ext_hi;
    }
    if (ext_lo <= Lm) {
        Lm = ext_lo;
    }
    /* Guard against a numerical failure of the bound: never less than
     * 6 sd unless the support is narrower. */
    if (Lp < 6.0 * e->sd && ext_hi > Lp)
        Lp = ext_hi < 6.0 * e->sd ? ext_hi : 6.0 * e->sd;
    if (Lm < 6.0 * e->sd && ext_lo > Lm)
        Lm = ext_lo < 6.0 * e->sd ? ext_lo : 6.0 * e->sd;
    double span = Lp + Lm;
    if (!(span > 0.0))
        span = e->sd;
    e->Lp = Lp;
    e->Lm = Lm;
    e->delta = 2.0 * M_PI / (PERIOD_MARGIN * span);

    /* Number of nodes: the truncation bounds. */
    size_t kmax = costly ? KMAX_COSTLY : KMAX_CHEAP;
    double tmax = ((double)kmax - 0.5) * e->delta;
    double bF, bf;
    double T = 1.0 / e->sd;
    double TF = -1.0, Tf = -1.0;
    for (;;) {
        trunc_bounds(P, T, &bF, &bf);
        if (TF < 0.0 && bF <= TRUNC_TOL_CDF)
            TF = T;
        if (Tf < 0.0 && bf * e->sd <= TRUNC_TOL_PDF)
            Tf = T;
        if ((TF >= 0.0 && Tf >= 0.0) || T >= tmax)
            break;
        T *= 2.0;
        if (T > tmax)
            T = tmax;
    }
    /* Refine each threshold by bisection (the bounds are monotone). */
    double Tsel;
    if (TF < 0.0)
        TF = tmax;
    else if (TF > 1.0 / e->sd) {
        double lo = TF / 2.0, hi = TF;
        for (int i = 0; i < 30 && hi - lo > 1e-3 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            trunc_bounds(P, mid, &bF, &bf);
            if (bF <= TRUNC_TOL_CDF)
                hi = mid;
            else
                lo = mid;
        }
        TF = hi;
    }
    if (Tf < 0.0)
        Tf = tmax;
    else if (Tf > 1.0 / e->sd) {
        double lo = Tf / 2.0, hi = Tf;
        for (int i = 0; i < 30 && hi - lo > 1e-3 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            trunc_bounds(P, mid, &bF, &bf);
            if (bf * e->sd <= TRUNC_TOL_PDF)
                hi = mid;
            else
                lo = mid;
        }
        Tf = hi;
    }
    Tsel = TF > Tf ? TF : Tf;
    if (Tsel > tmax)
        Tsel = tmax;
    size_t K = (size_t)ceil(Tsel / e->delta - 0.5) + 1;
    if (K > kmax)
        K = kmax;
    if (K < 8)
        K = 8;
    trunc_bounds(P, ((double)K - 0.5) * e->delta, &bF, &bf);
    e->truncF = bF;
    e->truncf = bf;

    /* Too slow a decay for the trapezoid rule: integrate per query if every
     * factor has a closed form. */
    if (bF > 10.0 * TRUNC_TOL_CDF || bf * e->sd > 1e3 * TRUNC_TOL_PDF) {
        int ok = 1, real = 1;
        for (size_t i = 0; i < P->nc && ok; i++) {
            int r1;
            ok = comp_direct_ok(&P->c[i], &r1);
            real &= r1;
        }
        for (size_t j = 0; j < e->npieces; j++)
            real &= e->pieces[j].dshift == 0.0;
        /* Only a few terms make a law this rough; the closed forms lose
         * the relative accuracy ψ^n needs for many copies. */
        uint64_t terms = 0;
        for (size_t i = 0; i < P->nc; i++)
            if (!(P->c[i].kind == K_SIMPLE && P->c[i].base.fam == F_CONST))
                terms += P->c[i].n;
        if (ok && terms <= 10000) {
            e->direct = 1;
            e->direct_real = real;
            e->T0 = 8.0 / e->sd;
            e->K = 0;
            return SATSTAT_OK;
        }
    }

    /* The nodes. */
    e->psi = malloc(K * sizeof *e->psi);
    if (e->psi == NULL)
        return SATSTAT_ENOMEM;
    e->K = K;
    double absF = 0.0, absf = 0.0, errF = 0.0, errf = 0.0;
    double *nerr = calloc(P->nc, sizeof *nerr);
    if (nerr == NULL)
        return SATSTAT_ENOMEM;
    for (size_t k = 0; k < K; k++) {
        double t = ((double)k + 0.5) * e->delta;
        double lr = 0.0, ph = 0.0, la = 0.0;
        int any_err = 0;
        for (size_t i = 0; i < P->nc; i++) {
            const comp *c = &P->c[i];
            if (c->kind == K_SIMPLE && c->base.fam == F_CONST && c->p == 1.0)
                continue;
            double l1, p1, e1;
            rc = comp_logpsi(c, t, P->ws, &l1, &p1, &e1);
            if (rc != SATSTAT_OK)
                goto node_fail;
            lr += (double)c->n * l1;
            ph += phase_times(c->n, p1);
            nerr[i] = e1;
            any_err |= e1 > 0.0;
            la += (double)c->n * log(exp(l1) + e1);
        }
        /* Error of the product from the terms' quadrature errors ε_i:
         * Σ_i n_i ε_i (|ψ_i| + ε_i)^{n_i − 1} Π_{j≠i} (|ψ_j| + ε_j)^{n_j}. */
        double node_err = 0.0;
        if (any_err) {
            for (size_t i = 0; i < P->nc; i++) {
                const comp *c = &P->c[i];
                if (c->kind == K_SIMPLE && c->base.fam == F_CONST && c->p == 1.0)
                    continue;
                if (nerr[i] > 0.0) {
                    double l1, p1, e1;
                    rc = comp_logpsi(c, t, P->ws, &l1, &p1, &e1);
                    if (rc != SATSTAT_OK)
                        goto node_fail;
                    node_err += (double)c->n * nerr[i] *
                                exp(la - log(exp(l1) + nerr[i]));
                }
            }
        }
        if (!isfinite(node_err)) {
            rc = SATSTAT_ENUMERIC;
            goto node_fail;
        }
        errF += node_err / (M_PI * ((double)k + 0.5));
        errf += node_err * e->delta / M_PI;
        double complex v = exp(lr) * CMPLX(cos(ph), sin(ph));
        for (size_t j = 0; j < e->npieces; j++)
            v -= piece_cf(e, &e->pieces[j], t);
        if (!isfinite(creal(v)) || !isfinite(cimag(v))) {
            rc = SATSTAT_ENUMERIC;
            goto node_fail;
        }
        e->psi[k] = v;
        absF += cabs(v) / ((double)k + 0.5);
        absf += cabs(v);
    }
    e->absF = absF;
    e->absf = absf;
    e->nodeF = errF;
    e->nodef = errf;
    free(nerr);
    return SATSTAT_OK;
node_fail:
    free(nerr);
    return rc;
}

static void sph_prepare(satstat_exact *e);
static int tilt_applicable(const comp *comps, size_t nc, const comp *bias,
                           double *theta_max, double *atom_at, double *log_atom);

int satstat_exact_prepare(satstat_exact *e)
{
    if (e == NULL)
        return SATSTAT_EINVAL;
    if (e->prepared)
        return SATSTAT_OK;
    satstat__gsl_quiet();
    unprepare(e);
    if (e->sphere) {
        sph_prepare(e);
        e->prepared = 1;
        return SATSTAT_OK;
    }
    prep P;
    memset(&P, 0, sizeof P);
    P.e = e;
    int rc = do_prepare(e, &P);
    prep_free(&P);
    if (rc != SATSTAT_OK) {
        unprepare(e);
        return rc;
    }
    e->tilt_ok = tilt_applicable(e->comps, e->ncomp, &e->bias, &e->tilt_max,
                                 &e->atom_at, &e->log_atom);
    e->prepared = 1;
    return SATSTAT_OK;
}

/* ---- the direct engine ------------------------------------------------------------
 *
 * When |φ| decays like t^{−1} or t^{−2} (one or two product terms w·x and
 * nothing smooth beside them: the variance-gamma law of a normal×normal
 * product, for instance), no affordable number of trapezoid nodes reaches
 * 1e-10.  If every component's CF has a closed form, each query integrates
 * instead: GSL QAG on [0, T0], then QAWF — QUADPACK's Fourier integral over
 * [T0, ∞), integrating cycle by cycle and extrapolating the series with
 * Wynn's epsilon algorithm (Piessens et al. 1983, §2.2.2) — on
 *     ∫ Im[e^{−itx} ψ(t)]/t dt = ∫ (Im ψ/t) cos tx dt − ∫ (Re ψ/t) sin tx dt
 * (and Re[·] without 1/t for the density), x = z − μ.  The closed forms
 * beyond those of the trapezoid path: for w ~ N(0, s²) times o ~ U(c, d),
 *     E e^{−s²t²o²/2} = √(2π)/(st(d − c)) [Φ(std) − Φ(stc)];
 * times a truncated normal o = m + σu, u ∈ [α, β], completing the square,
 *     E e^{−s²t²o²/2} = e^{−s²t²m²/(2A)} A^{−1/2}
 *                       [Φ(√A(β − u*)) − Φ(√A(α − u*))]/Z,
 *     A = 1 + s²t²σ², u* = −s²t²mσ/A;
 * and for w ~ U(−h, h) times o ~ U(c, d), E sin(hto)/(hto) =
 *     [Si(htd) − Si(htc)]/(ht(d − c)).  Near t = 0 their Taylor series are
 * used (no cancellation against 1). */

/* Is the component's CF available in closed form for the direct engine? */
static int comp_direct_ok(const comp *c, int *real)
{
    int ok = 0, re = 0;
    switch (c->kind) {
    case K_SIMPLE:
        ok = c->base.fam != F_TRUNC;
        re = 1;
        break;
    case K_PROD_NN:
        ok = 1;
        re = c->inner.mean * c->outer.mean == 0.0;
        break;
    default:
        if (c->inner.fam == F_NORMAL && c->inner.mean == 0.0)
            ok = 1;
        else if (c->inner.fam == F_UNIFORM && c->inner.a == 0.0 &&
                 c->outer.fam == F_UNIFORM)
            ok = 1;
        re = 1;
        break;
    }
    if (c->p < 1.0 && c->bmean != 0.0)
        re = 0;
    *real = re;
    return ok;
}

/* ψ of the base, centred at its mean, in closed form. */
static double complex base_psi_direct(const comp *c, double t)
{
    switch (c->kind) {
    case K_SIMPLE:
        switch (c->base.fam) {
        case F_NORMAL:
            return exp(-0.5 * c->base.b * c->base.b * t * t);
        case F_UNIFORM:
            return 1.0 + sincm1(c->base.b * t);
        default:
            return 1.0;
        }
    case K_PROD_NN: {
        double lr, ph;
        prodnn_logpsi(c, t, &lr, &ph);
        return exp(lr) * CMPLX(cos(ph), sin(ph));
    }
    default:
        break;
    }
    const slaw *o = &c->outer, *in = &c->inner;
    if (in->fam == F_NORMAL)
        return gauss_outer(o, in->b * fabs(t));
    /* uniform (centred) inner times uniform outer */
    double ht = in->b * fabs(t);
    double R = fabs(o->lo) > fabs(o->hi) ? fabs(o->lo) : fabs(o->hi);
    if (ht * R < 0.3) {
        /* Σ_j (−1)^j (ht)^{2j} E[O^{2j}]/(2j + 1)! */
        double x = -ht * ht, term = 1.0, s = 1.0;
        for (int j = 1; j <= 10; j++) {
            term *= x / ((2.0 * j) * (2.0 * j + 1.0));
            s += term * unif_moment(o->lo, o->hi, 2 * j);
        }
        return s;
    }
    return (gsl_sf_Si(ht * o->hi) - gsl_sf_Si(ht * o->lo)) /
           (ht * (o->hi - o->lo));
}

/* The remainder's centred CF, every factor in closed form. */
static double complex psi_direct(const satstat_exact *e, double t)
{
    double lr = 0.0, ph = 0.0;
    for (size_t i = 0; i <= e->ncomp; i++) {
        const comp *c = i < e->ncomp ? &e->comps[i] : &e->bias;
        if (c->kind == K_SIMPLE && c->base.fam == F_CONST && c->p == 1.0)
            continue;
        double complex pb = base_psi_direct(c, t);
        double l1, p1;
        if (c->p == 1.0) {
            clog1p_(pb - 1.0, &l1, &p1);
        } else {
            double p = c->p, mb = c->bmean;
            double complex d;
            if (mb == 0.0) {
                d = p * (pb - 1.0);
            } else {
                double dd = (1.0 - p) * mb;
                d = (1.0 - p) * gfun(-t * p * mb) +
                    p * (CMPLX(cos(t * dd), sin(t * dd)) * (pb - 1.0) +
                         gfun(t * dd));
            }
            clog1p_(d, &l1, &p1);
        }
        lr += (double)c->n * l1;
        ph += phase_times(c->n, p1);
    }
    double complex v = exp(lr) * CMPLX(cos(ph), sin(ph));
    for (size_t j = 0; j < e->npieces; j++)
        v -= piece_cf(e, &e->pieces[j], t);
    return v;
}

typedef struct direct_ctx {
    const satstat_exact *e;
    double x;
    int dens;  /* 0: Im[e^{−itx}ψ]/t, 1: Re[e^{−itx}ψ]                     */
    int part;  /* head: 0 whole integrand; tail: 1 cos factor, 2 sin factor */
    int bad;
} direct_ctx;

static double direct_integrand(double t, void *p)
{
    direct_ctx *c = p;
    double complex v = psi_direct(c->e, t);
    if (!isfinite(creal(v)) || !isfinite(cimag(v))) {
        c->bad = 1;
        return 0.0;
    }
    double r;
    if (c->part == 0) {
        double complex w = v * CMPLX(cos(t * c->x), -sin(t * c->x));
        r = c->dens ? creal(w) : cimag(w) / t;
    } else if (c->part == 1) {
        r = c->dens ? creal(v) : cimag(v) / t;
    } else {
        r = c->dens ? cimag(v) : -creal(v) / t;
    }
    return r;
}

/* ∫_0^∞ of the Gil-Pelaez integrand (dens = 0) or the density's. */
static int direct_integral(const satstat_exact *e, double x, int dens,
                           double *res, double *err)
{
    gsl_integration_workspace *ws = gsl_integration_workspace_alloc(QUAD_LIMIT);
    gsl_integration_workspace *cw = gsl_integration_workspace_alloc(QUAD_LIMIT);
    gsl_integration_qawo_table *tab = NULL;
    int rc = SATSTAT_ENOMEM;
    double total = 0.0, terr = 0.0;
    if (ws == NULL || cw == NULL)
        goto out;
    direct_ctx c = {e, x, dens, 0, 0};
    gsl_function F = {direct_integrand, &c};
    double r, er;
    rc = quad(direct_integrand, &c, 0.0, e->T0, 1e-14, 1e-12, ws, &r, &er);
    if (rc != SATSTAT_OK)
        goto out;
    total += r;
    terr += er;
    double om = fabs(x);
    for (int part = 1; part <= 2; part++) {
        /* cos part: Im ψ (F) or Re ψ (density); sin part: the other. */
        int needs_im = (part == 1) != (dens != 0);
        if (needs_im && e->direct_real)
            continue;
        if (part == 2 && om == 0.0)
            continue;
        c.part = part;
        int st;
        if (om == 0.0) {
            st = gsl_integration_qagiu(&F, e->T0, 1e-14, 1e-12, QUAD_LIMIT, ws,
                                       &r, &er);
        } else {
            tab = gsl_integration_qawo_table_alloc(
                om, 1.0, part == 1 ? GSL_INTEG_COSINE : GSL_INTEG_SINE, 50);
            if (tab == NULL) {
                rc = SATSTAT_ENOMEM;
                goto out;
            }
            st = gsl_integration_qawf(&F, e->T0, 1e-13, QUAD_LIMIT, ws, cw, tab,
                                      &r, &er);
            gsl_integration_qawo_table_free(tab);
            tab = NULL;
        }
        if (!isfinite(r) || !isfinite(er) || c.bad) {
            rc = SATSTAT_ENUMERIC;
            goto out;
        }
        (void)st; /* a failed extrapolation shows in er */
        if (part == 2 && x < 0.0)
            r = -r;
        total += r;
        terr += er;
    }
    if (c.bad) {
        rc = SATSTAT_ENUMERIC;
        goto out;
    }
    *res = total;
    *err = terr;
    rc = SATSTAT_OK;
out:
    if (ws)
        gsl_integration_workspace_free(ws);
    if (cw)
        gsl_integration_workspace_free(cw);
    return rc;
}

/* ---- evaluation ---------------------------------------------------------------------- */

/* The alternating B-spline sum of a piece at y ∈ [0, H] (distance from its
 * lowest point): power m (CDF) or m − 1 (density). */
static double piece_spline(const satstat_exact *e, const piece *pc, double y,
                           int pdf)
{
    unsigned q[64];
    unsigned kk[64];
    double hh[64];
    size_t g = 0;
    for (size_t j = 0; j < e->nug && g < 64; j++) {
        unsigned k = e->pk[pc->koff + j];
        if (k == 0)
            continue;
        kk[g] = k;
        hh[g] = e->ug_h[j];
        q[g] = 0;
        g++;
    }
    int pw = pdf ? pc->m - 1 : pc->m;
    double lfact = lgamma(pw + 1.0);
    double sum = 0.0;
    for (;;) {
        double s = 0.0, coef = 1.0;
        unsigned qs = 0;
        for (size_t j = 0; j < g; j++) {
            s += 2.0 * hh[j] * q[j];
            coef *= choose_small(kk[j], q[j]);
            qs += q[j];
        }
        double d = y - s;
        if (d > 0.0) {
            double v = pw == 0 ? exp(-pc->lognorm)
                               : exp(pw * log(d) - pc->lognorm - lfact);
            sum += (qs & 1u) ? -coef * v : coef * v;
        }
        /* odometer */
        size_t j = 0;
        while (j < g) {
            if (q[j] < kk[j]) {
                q[j]++;
                break;
            }
            q[j] = 0;
            j++;
        }
        if (j == g)
            break;
    }
    return sum;
}

/* P(piece ≤ z) (upper = 0) or P(piece > z) (upper = 1). */
static double piece_tail(const satstat_exact *e, const piece *pc, double z,
                         int upper)
{
    if (pc->m == 0) {
        int le = z >= pc->loc;
        return upper ? (le ? 0.0 : 1.0) : (le ? 1.0 : 0.0);
    }
    double y = z - pc->loc + pc->H; /* from the lowest point */
    if (y <= 0.0)
        return upper ? 1.0 : 0.0;
    if (y >= 2.0 * pc->H)
        return upper ? 0.0 : 1.0;
    double v;
    if (y <= pc->H) {
        double lower = piece_spline(e, pc, y, 0);
        v = upper ? 1.0 - lower : lower;
    } else {
        double up = piece_spline(e, pc, 2.0 * pc->H - y, 0);
        v = upper ? up : 1.0 - up;
    }
    return v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v);
}

static double piece_pdf(const satstat_exact *e, const piece *pc, double z)
{
    if (pc->m == 0)
        return 0.0;
    double y = z - pc->loc + pc->H;
    if (y <= 0.0 || y >= 2.0 * pc->H)
        return 0.0;
    if (y > pc->H)
        y = 2.0 * pc->H - y;
    double v = piece_spline(e, pc, y, 1);
    return v < 0.0 ? 0.0 : v;
}

/* Σ_k ψ_k e^{−i t_k x} · c_k, with c_k = 1/(k + ½) (which = 0) or 1
 * (which = 1); the rotation e^{−iΔx} is applied by multiplication and the
 * exact value reseeded every 64 nodes. */
static double complex rem_sum(const satstat_exact *e, double x, int which)
{
    double complex acc = 0.0;
    double complex rot = CMPLX(cos(e->delta * x), -sin(e->delta * x));
    double complex cur = 1.0;
    for (size_t k = 0; k < e->K; k++) {
        if ((k & 63u) == 0) {
            double a = ((double)k + 0.5) * e->delta * x;
            cur = CMPLX(cos(a), -sin(a));
        }
        double complex term = e->psi[k] * cur;
        acc += which == 0 ? term / ((double)k + 0.5) : term;
        cur *= rot;
    }
    return acc;
}

/* Remainder: P(R ≤ z) or P(R > z).  A per-call error (direct engine) is
 * added to *err; NaN on failure. */
static double rem_tail(const satstat_exact *e, double z, int upper, double *err)
{
    if ((e->K == 0 && !e->direct) || e->mass_rem == 0.0)
        return 0.0;
    double x = z - e->mean;
    if (x < -e->Lm)
        return upper ? e->mass_rem : 0.0;
    if (x > e->Lp)
        return upper ? 0.0 : e->mass_rem;
    double s;
    if (e->direct) {
        double r, er;
        if (direct_integral(e, x, 0, &r, &er) != SATSTAT_OK)
            return NAN;
        s = r / M_PI;
        *err += er / M_PI;
    } else {
        s = cimag(rem_sum(e, x, 0)) / M_PI;
    }
    return upper ? 0.5 * e->mass_rem + s : 0.5 * e->mass_rem - s;
}

static double rem_pdf(const satstat_exact *e, double z, double *err)
{
    if ((e->K == 0 && !e->direct) || e->mass_rem == 0.0)
        return 0.0;
    double x = z - e->mean;
    if (x < -e->Lm || x > e->Lp)
        return 0.0;
    if (e->direct) {
        double r, er;
        if (direct_integral(e, x, 1, &r, &er) != SATSTAT_OK)
            return NAN;
        *err += er / M_PI;
        return r / M_PI;
    }
    return e->delta / M_PI * creal(rem_sum(e, x, 1));
}

static double err_prob(const satstat_exact *e)
{
    double r = e->piece_round + e->neglected;
    if (e->K > 0)
        r += e->tail + e->truncF + e->nodeF + 16.0 * DBL_EPSILON * (1.0 + e->absF);
    else if (e->direct)
        r += e->tail;
    return r;
}

static double err_pdf(const satstat_exact *e)
{
    double sd = e->sd > 0.0 ? e->sd : 1.0;
    if (e->K == 0)
        return e->piece_round / sd +
               (e->direct ? e->tail / (0.125 * (e->Lm + e->Lp)) : 0.0);
    double P = 2.0 * M_PI / e->delta;
    /* aliasing: the density beyond the range, bounded by the tail mass
     * spread over the margin (tails monotone there) */
    return e->truncf + e->nodef +
           16.0 * DBL_EPSILON * e->delta / M_PI * (1.0 + e->absf) +
           e->tail / (0.125 * P) + e->piece_round / sd;
}

static int cmp_double(const void *a, const void *b);

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
        return (upper ? phi_diff(u, b->beta) : phi_diff(b->alpha, u)) / z;
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
    qsort(pts, n, sizeof *pts, cmp_double);
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
        int rc = quad(f, ctx, pts[i], pts[i + 1], epsabs, 1e-12, ws, &r, &e1);
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
    qsort(pts, n, sizeof *pts, cmp_double);
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
static double sph_tail(const satstat_exact *e, double z, int upper, double *err)
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
static double sph_pdf(const satstat_exact *e, double z, double *err)
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
static int sph_expectation(const satstat_exact *e, double (*g)(double, void *),
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
            qsort(pts, n, sizeof *pts, cmp_double);
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

static void sph_prepare(satstat_exact *e)
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

/* ---- far tails: inversion along a shifted contour ------------------------------------
 *
 * The inversion above has an absolute accuracy (about 1e-13): a tail of
 * 1e-20 comes out as rounding noise.  For the far tails, when every
 * component has a moment generating function we can evaluate on the
 * contour (constants, normals, uniforms, normal × normal products in
 * closed form, truncated normals with both ends finite by Gauss–Legendre
 * quadrature, and Bernoulli mixtures of these) and one of them is continuous (or the only point mass is where
 * every Bernoulli input is 0, and it is not in the tail: its term, whose
 * integral is 0, is subtracted from the integrand), the tail is inverted
 * along the line Re s = θ > 0 instead (the Bromwich integral with the
 * contour shifted to the saddlepoint: Daniels 1954, Ann. Math. Statist. 25:631 and 1987,
 * Int. Statist. Rev. 55:37; its numerical use with a trapezoid rule and
 * these error terms: Strawderman 2004, Statist. Sinica 14:175):
 *     P(Z > z) = e^{K(θ) − θz} · (1/π) ∫_0^∞ Re[e^{K(θ+iu) − K(θ) − iuz}/(θ + iu)] du,
 * K the cumulant generating function of Z and θ the root of K'(θ) = z, so
 * that the integrand is positive near u = 0 with no oscillation and
 * the integral is of order 1/(θ√K''(θ)): the factor in front carries the
 * whole size of the tail, and the result has relative, not absolute,
 * accuracy.  The lower tail is the upper tail of −Z.
 * The integral is the midpoint rule at u_k = (k + ½)h, cut at the node N
 * after which a non-increasing envelope of the integrand has a negligible
 * integral.  Why the rule is exact up to aliasing: e^{K(s) − sz}/s is the
 * Fourier transform (in u) of q(v) = e^{θv} P(Z > z + v), so by Poisson
 * summation the rule returns Σ_j (−1)^j q(jP), P = 2π/h, i.e. the tail
 * plus the aliases
 *     |Σ_{j≥1} (−1)^j e^{−θjP} P(Z > z − jP)| ≤ e^{−θP}/(1 − e^{−θP}),
 *     |Σ_{j≥1} (−1)^j e^{θjP} P(Z > z + jP)| ≤ e^{K(θ₂) − θ₂z − (θ₂−θ)P}/(1 − e^{−(θ₂−θ)P})
 * (Chernoff at any θ₂ > θ; zero when z + P is beyond the support), and
 * P is chosen so that both are below 1e-13 of the tail.  The envelope of
 * |e^{K(θ+iu) − K(θ)}|, one factor per term (the tilted law's |CF|):
 * normal e^{−b²u²/2}; uniform of half-width b, with a = bθ, c = bu:
 * |sinh(a + ic)/(a + ic)|·a/sinh a ≤ a coth a/√(a² + c²) (|sinh(a + ic)|
 * ≤ cosh a); truncated normal 2 max g/|u| (g the tilted density: by
 * parts, for a unimodal density on an interval), and ≤ 1 for any law
 * (|E e^{sY}| ≤ E e^{θY}); a Bernoulli
 * mixture ((1 − p) + p M_B(θ) r_B(u))/((1 − p) + p M_B(θ)).  The reported
 * relative error is the sum of the two aliasing bounds, the truncation
 * bound and a rounding allowance proportional to the size of the
 * exponents, over the computed integral. */

#define TILT_TOL 1e-13        /* target of each error term, relative        */
#define TILT_NODES (1u << 17) /* most nodes; beyond, the absolute result    */
#define TILT_NODES_COSTLY (1u << 12) /* ... with truncated normals (quadrature) */

/* log(sinh(w)/w) for complex w, even in w: its Taylor series
 * Σ 2^{2n} B_{2n} w^{2n}/(2n (2n)!) for |w| < 1/4 (radius π: the next term
 * is below 1e-16 relative), else w − log 2w + log(1 − e^{−2w}), Re w ≥ 0. */
static double complex clsinhc(double complex w)
{
    if (creal(w) < 0.0)
        w = -w;
    if (cabs(w) < 0.25) {
        double complex w2 = w * w;
        return w2 * (1.0 / 6 +
               w2 * (-1.0 / 180 +
               w2 * (1.0 / 2835 +
               w2 * (-1.0 / 37800 +
               w2 * (1.0 / 467775 +
               w2 * (-691.0 / 3831077250.0 +
               w2 * (2.0 / 127702575.0)))))));
    }
    return w - clog(2.0 * w) + clog(1.0 - cexp(-2.0 * w));
}

/* log(1 + d) for complex d, accurate for small d (clog1p_). */
static double complex clog1p_c(double complex d)
{
    double lr, ph;
    clog1p_(d, &lr, &ph);
    return CMPLX(lr, ph);
}

/* log ∫_{ulo}^{uhi} e^{wv − v²/2 − m} dv for a truncated normal's
 * standardised range and complex w, with m = max over the range of
 * Re(w)v − v²/2 (so the integral is at most the range's width): composite
 * 10-point Gauss–Legendre on panels of width ≤ 1 and ≤ 1 radian of e^{iv Im w},
 * over the part of the range within 10 of the maximum (beyond, the
 * integrand is below e^{−50} of it).  *cond (if not NULL) is Σ|terms|/|sum|,
 * the factor by which the sum's rounding error exceeds ε relatively. */
static double complex tn_logint(const slaw *s, double complex w, double *m,
                                double *cond)
{
    static const double gx[5] = {0.1488743389816312, 0.4333953941292472,
                                 0.6794095682990244, 0.8650633666889845,
                                 0.9739065285171717};
    static const double gw[5] = {0.2955242247147529, 0.2692667193099963,
                                 0.2190863625159820, 0.1494513491505806,
                                 0.0666713443086881};
    double wr = creal(w);
    double vs = wr < s->ulo ? s->ulo : wr > s->uhi ? s->uhi : wr;
    *m = wr * vs - 0.5 * vs * vs;
    double lo = vs - 10.0 > s->ulo ? vs - 10.0 : s->ulo;
    double hi = vs + 10.0 < s->uhi ? vs + 10.0 : s->uhi;
    double np = ceil((hi - lo) * (1.0 + fabs(cimag(w))));
    if (np > 4096.0)
        np = 4096.0;
    double half = 0.5 * (hi - lo) / np;
    double complex sum = 0.0;
    double mag = 0.0;
    for (int k = 0; k < (int)np; k++) {
        double c = lo + (2.0 * k + 1.0) * half;
        for (int j = 0; j < 10; j++) {
            double v = c + (j < 5 ? -gx[j] : gx[j - 5]) * half;
            double complex t = gw[j % 5] * half * cexp(w * v - 0.5 * v * v - *m);
            sum += t;
            mag += cabs(t);
        }
    }
    if (cond != NULL)
        *cond = mag / cabs(sum);
    return clog(sum);
}

/* The uncentred cumulant generating function log E e^{sY} of the base of
 * a closed-form component, for complex s in its strip of convergence. */
static double complex base_ccgf(const comp *c, double complex s)
{
    if (c->kind == K_PROD_NN) {
        /* E_x[exp(s m_w x + s² s_w² x²/2)], x ~ N(m_x, s_x²): a Gaussian
         * integral (as in prodnn_logpsi), Re(1 − A s²) > 0 on the strip */
        double sw = c->inner.b, mw = c->inner.mean;
        double sx = c->outer.b, mx = c->outer.mean;
        double A = sw * sw * sx * sx;
        double complex s2 = s * s;
        double complex D = 1.0 - A * s2;
        return -0.5 * clog1p_c(-A * s2) +
               (s * mw * mx + 0.5 * s2 * (sw * sw * mx * mx + mw * mw * sx * sx)) / D;
    }
    switch (c->base.fam) {
    case F_NORMAL:
        return s * c->base.a + 0.5 * c->base.b * c->base.b * s * s;
    case F_UNIFORM:
        return s * c->base.a + clsinhc(c->base.b * s);
    case F_TRUNC: { /* E e^{s(a + bV)}, V standard normal on [α, β] */
        double m;
        double complex li = tn_logint(&c->base, c->base.b * s, &m, NULL);
        return s * c->base.a + m + li - 0.5 * log(2.0 * M_PI) - c->base.lz;
    }
    default: /* F_CONST */
        return s * c->base.a;
    }
}

/* log E e^{sY} of one term: the base, or log(1 − p + p e^{K_B(s)}). */
static double complex term_ccgf(const comp *c, double complex s)
{
    double complex kb = base_ccgf(c, s);
    if (c->p == 1.0)
        return kb;
    double l0 = log1p(-c->p);
    double complex l1 = kb + log(c->p);
    if (creal(l1) > l0)
        return l1 + clog1p_c(cexp(l0 - l1));
    return l0 + clog1p_c(cexp(l1 - l0));
}

/* log of the envelope of |E e^{(θ+iu)Y}|/E e^{θY} of one term (above);
 * θ of either sign. */
static double term_log_env(const comp *c, double theta, double u)
{
    double lb = 0.0; /* the base's */
    if (c->kind == K_SIMPLE && c->base.fam == F_NORMAL) {
        lb = -0.5 * c->base.b * c->base.b * u * u;
    } else if (c->kind == K_SIMPLE && c->base.fam == F_UNIFORM) {
        double a = fabs(c->base.b * theta), cc = c->base.b * u;
        double r = (a < 1e-8 ? 1.0 : a / tanh(a)) / hypot(a, cc);
        lb = r < 1.0 ? log(r) : 0.0;
    } else if (c->kind == K_SIMPLE && c->base.fam == F_TRUNC) {
        /* the tilted law is a unimodal density g on an interval: by parts,
         * |∫ e^{iuy} g| ≤ (total variation of g, its jumps at the ends
         * included)/|u| = 2 max g/|u|, and max g = 1/(b ∫ e^{θbv − v²/2 − m}) */
        double m;
        double li = creal(tn_logint(&c->base, c->base.b * theta, &m, NULL));
        double r = 2.0 / (c->base.b * exp(li) * fabs(u));
        lb = r < 1.0 ? log(r) : 0.0;
    } else if (c->kind == K_PROD_NN && c->inner.mean == 0.0 &&
               c->outer.mean == 0.0) {
        /* |1 − A s²| ≥ 1 − Aθ² + Au² */
        double A = c->inner.b * c->inner.b * c->outer.b * c->outer.b;
        double d0 = 1.0 - A * theta * theta;
        lb = -0.5 * log1p(A * u * u / d0);
    }
    if (c->p == 1.0)
        return lb;
    /* log[(q + w e^{lb})/(q + w)], q = 1 − p, w = p M_B(θ), in logs */
    double lq = log1p(-c->p), lw = log(c->p) + creal(base_ccgf(c, theta));
    return logaddexp(lq, lw + lb) - logaddexp(lq, lw);
}

typedef struct tilt {
    const comp *c;    /* the components ...                             */
    size_t nc;
    const comp *bias; /* ... and the bias                               */
    int sign;         /* +1: upper tail of Z, −1: upper tail of −Z      */
    double log_atom;  /* log of the law's point mass (−inf: none)       */
} tilt;

static const comp *tilt_comp(const tilt *T, size_t i)
{
    return i < T->nc ? &T->c[i] : T->bias;
}

/* The size of the numbers summed in term_ccgf(c, s) (whose rounding
 * errors are a few ε of it): the mean's s·μ, and the base's exponent —
 * b²|s|²/2 (normal), |bs| + |log 2bs| (uniform, the w and log 2w of
 * clsinhc), |K| (products) — besides log p for a mixture. */
static double term_scale(const comp *c, double complex s, double complex k)
{
    double as = cabs(s), r = cabs(k) + as * fabs(c->bmean) + 2.0;
    if (c->kind == K_SIMPLE && c->base.fam == F_NORMAL)
        r += 0.5 * c->base.b * c->base.b * as * as;
    else if (c->kind == K_SIMPLE && c->base.fam == F_UNIFORM)
        r += c->base.b * as + fabs(log(2.0 * c->base.b * as + 1e-300));
    else if (c->kind == K_SIMPLE && c->base.fam == F_TRUNC) {
        double m, cond;
        (void)tn_logint(&c->base, c->base.b * s, &m, &cond);
        r += fabs(m) + fabs(c->base.lz) + 4.0 + (isfinite(cond) ? cond : 1e300);
    }
    if (c->p < 1.0)
        r += fabs(log(c->p)) + fabs(log1p(-c->p));
    return r;
}

/* K(s) of sign·Z, and an allowance for its rounding error in *err (the
 * size of the numbers summed, times a few ε). */
static double complex tilt_K(const tilt *T, double complex s, double *err)
{
    double complex k = 0.0;
    double scale = 0.0;
    for (size_t i = 0; i <= T->nc; i++) {
        const comp *c = tilt_comp(T, i);
        double complex ki = term_ccgf(c, T->sign * s);
        double n = (double)c->n;
        k += n * ki;
        if (err != NULL)
            scale += n * term_scale(c, s, ki);
    }
    if (err != NULL)
        *err = 16.0 * DBL_EPSILON * scale;
    return k;
}

/* K'(θ) by the complex step (Squire & Trapp 1998, SIAM Rev. 40:110):
 * Im K(θ + iη)/η, with no cancellation. */
static double tilt_K1(const tilt *T, double theta)
{
    double eta = 1e-20 * theta;
    return cimag(tilt_K(T, CMPLX(theta, eta), NULL)) / eta;
}

/* log of the envelope of the tilted CF of sign·Z, its point mass removed:
 * with each mixture term a + bφ (a = (1 − p)/M(θ), a + b = 1, |φ| ≤ r),
 * |Π(a + bφ)^n − Π a^n| ≤ Π(a + br)^n − Π a^n (expand both products). */
static double tilt_log_env(const tilt *T, double theta, double u)
{
    double l = 0.0, la = 0.0;
    for (size_t i = 0; i <= T->nc; i++) {
        const comp *c = tilt_comp(T, i);
        l += (double)c->n * term_log_env(c, T->sign * theta, u);
        if (T->log_atom > -INFINITY && c->p < 1.0) {
            double lq = log1p(-c->p);
            double lw = log(c->p) + creal(base_ccgf(c, T->sign * theta));
            la += (double)c->n * (lq - logaddexp(lq, lw));
        }
    }
    if (T->log_atom == -INFINITY)
        return l;
    return la < l ? l + log(-expm1(la - l)) : -INFINITY;
}

/* (1/π) ∫_u^∞ env(v)/v dv ≤ (ln 2/π) Σ_j env(u 2^j), env non-increasing */
static double tilt_trunc(const tilt *T, double theta, double u)
{
    double s = 0.0;
    for (int j = 0; j < 200; j++) {
        double t = exp(tilt_log_env(T, theta, u));
        s += t;
        if (t <= 1e-30 * s)
            break;
        if (j == 199 || !isfinite(u))
            return INFINITY;
        u *= 2.0;
    }
    return M_LN2 / M_PI * s;
}

/* Whether the handle's law qualifies: every component closed-form, one of
 * them continuous (so that the envelope decays and the law has no point
 * masses).  *theta_max is the end of the strip where the MGF is finite. */
/* Whether the handle's law qualifies: every component closed-form, and
 * one of them continuous (the law has no point mass) or, failing that, one
 * Bernoulli mixture with a continuous base (one point mass, where every
 * input is 0: at *atom_at, of mass e^{*log_atom}, taken out of the
 * integrand).  *theta_max is the end of the strip where the MGF is finite. */
static int tilt_applicable(const comp *comps, size_t nc, const comp *bias,
                           double *theta_max, double *atom_at, double *log_atom)
{
    int continuous = 0, mixed = 0;
    double tmax = INFINITY, at = 0.0, la = 0.0;
    for (size_t i = 0; i <= nc; i++) {
        const comp *c = i < nc ? &comps[i] : bias;
        int smooth;
        if (c->kind == K_PROD) {
            return 0;
        } else if (c->kind == K_PROD_NN) {
            double A = c->inner.b * c->inner.b * c->outer.b * c->outer.b;
            double r = 1.0 / sqrt(A);
            tmax = r < tmax ? r : tmax;
            smooth = 1;
        } else if (c->base.fam == F_TRUNC) {
            /* both ends finite: the quadrature covers the whole range */
            if (!(isfinite(c->base.alpha) && isfinite(c->base.beta) &&
                  c->base.ulo == c->base.alpha && c->base.uhi == c->base.beta))
                return 0;
            smooth = 1;
        } else {
            smooth = c->base.fam != F_CONST && c->base.b > 0.0;
        }
        if (c->p == 1.0) {
            continuous |= smooth;
            if (c->kind == K_SIMPLE && c->base.fam == F_CONST)
                at += (double)c->n * c->base.a;
        } else {
            mixed |= smooth;
            la += (double)c->n * log1p(-c->p);
        }
    }
    *theta_max = tmax;
    *atom_at = at;
    *log_atom = continuous ? -INFINITY : la;
    return continuous || mixed;
}

/* P(Z > z) (upper) or P(Z < z) by the shifted contour, with a bound of
 * its error (relative, plus the aliases, plus DBL_MIN below the normal
 * range, where a double has fewer digits).  SATSTAT_EINVAL when the
 * method does not apply here (law not closed-form, z not beyond the mean,
 * too many nodes). */
static int tilt_tail(const satstat_exact *e, double z, int upper, double *value,
                     double *abserr)
{
    if (!e->tilt_ok || !(e->sd > 0.0))
        return SATSTAT_EINVAL;
    tilt T = {e->comps, e->ncomp, &e->bias, upper ? 1 : -1, e->log_atom};
    double mu = T.sign * e->mean, x = T.sign * z, at = T.sign * e->atom_at;
    /* a point mass beyond z is part of the tail: not here */
    if (!(x > mu) || (T.log_atom > -INFINITY && !(x > at)))
        return SATSTAT_EINVAL;
    /* the support's end on this side: at and beyond it the tail is 0 */
    double reach = 0.0;
    for (size_t i = 0; i <= T.nc; i++) {
        const comp *c = tilt_comp(&T, i);
        reach += (double)c->n * (upper ? c->ext_hi : c->ext_lo);
    }
    double room = mu + reach - x; /* distance to that end */
    if (!(room > 0.0)) {
        *value = 0.0;
        *abserr = 0.0;
        return SATSTAT_OK;
    }
    /* the saddlepoint K'(θ) = x (K' increases from the mean): bracket,
     * then bisect in log θ; any θ > 0 gives the exact integral, the
     * saddlepoint only keeps its integrand from oscillating */
    double tmax = e->tilt_max;
    double lo = 0.0, hi = (x - mu) / e->var;
    if (hi >= tmax)
        hi = 0.5 * tmax;
    for (int it = 0; it < 2100 && tilt_K1(&T, hi) < x; it++) {
        lo = hi;
        hi = isfinite(tmax) ? 0.5 * (hi + tmax) : 2.0 * hi;
    }
    double theta = hi;
    for (int it = 0; it < 200 && hi - lo > 1e-9 * hi; it++) {
        theta = lo > 0.0 ? sqrt(lo * hi) : 0.5 * hi;
        if (tilt_K1(&T, theta) < x)
            lo = theta;
        else
            hi = theta;
    }
    theta = hi;
    double eK0;
    double K0 = creal(tilt_K(&T, theta, &eK0));
    double lead = K0 - theta * x; /* log of the factor in front */
    double d = 1e-4 * theta;
    if (theta + d >= tmax)
        d = 0.5 * (tmax - theta);
    double K2 = (tilt_K1(&T, theta + d) - tilt_K1(&T, theta - d)) / (2.0 * d);
    if (!isfinite(lead) || !isfinite(theta) || !(K2 > 0.0))
        return SATSTAT_EINVAL;
    /* the period P: the log of the tail, roughly (the leading term of
     * Lugannani–Rice, 1980, Adv. Appl. Probab. 12:475), tells how far the
     * aliases must be pushed */
    double sv = theta * sqrt(2.0 * M_PI * K2);
    double ltail = lead - log(sv > 1.0 ? sv : 1.0) - M_LN2;
    double need = -log(TILT_TOL) - ltail;
    double period = need / theta;
    double theta2 = isfinite(tmax) ? 0.5 * (theta + tmax) : 2.0 * theta;
    if (theta2 > 2.0 * theta)
        theta2 = 2.0 * theta;
    double K2a = creal(tilt_K(&T, theta2, NULL));
    double p2 = (K2a - theta2 * x + need) / (theta2 - theta);
    if (room < p2)
        p2 = room; /* no alias from beyond the support */
    if (p2 > period)
        period = p2;
    double h = 2.0 * M_PI / period;
    /* both aliases, absolute (probability units) */
    double alias = exp(-theta * period) / -expm1(-theta * period);
    if (period < room)
        alias += exp(K2a - theta2 * x - (theta2 - theta) * period) /
                 -expm1(-(theta2 - theta) * period);
    /* a law whose tilted CF decays slowly (a single truncated normal, a
     * few products) would need more nodes than allowed: find out from the
     * envelope first, with the integral's rough size e^{ltail − lead} */
    size_t nodes_max = TILT_NODES;
    for (size_t i = 0; i <= T.nc; i++)
        if (tilt_comp(&T, i)->kind == K_SIMPLE && tilt_comp(&T, i)->base.fam == F_TRUNC)
            nodes_max = TILT_NODES_COSTLY;
    double reach_u = 16.0 * h;
    while (tilt_trunc(&T, theta, reach_u) > 0.1 * TILT_TOL * exp(ltail - lead)) {
        reach_u *= 2.0;
        if (reach_u > 64.0 * (double)nodes_max * h) /* the size is only rough */
            return SATSTAT_EINVAL;
    }
    /* the rule, in units of e^{lead}·h/π; rounding: each term's exponent
     * is off by its allowance */
    double sum = 0.0, rnd = 0.0, trunc = INFINITY;
    size_t k;
    for (k = 0; k < nodes_max; k++) {
        double u = ((double)k + 0.5) * h, ek;
        double complex s = CMPLX(theta, u);
        double complex ex = tilt_K(&T, s, &ek) - K0 - CMPLX(0.0, u * x);
        double complex g = cexp(ex) / s;
        rnd += cabs(g) * (ek + eK0 + 8.0 * DBL_EPSILON * (1.0 + u * fabs(x)));
        if (T.log_atom > -INFINITY) {
            /* the point mass at `at` < x: its own Bromwich integral is 0
             * (the contour closes to the right), and its slowly decaying
             * term is taken out of the rule; the rule's error on it, at
             * most its aliases e^{−θjP}·mass, is inside `alias` */
            double complex ea = CMPLX(T.log_atom + theta * at - K0, u * (at - x));
            double complex ga = cexp(ea) / s;
            g -= ga;
            rnd += cabs(ga) * (eK0 + 16.0 * DBL_EPSILON *
                                         (fabs(T.log_atom) + (theta + u) * (fabs(at) + fabs(x)) + 1.0));
        }
        sum += creal(g);
        if ((k & 15u) == 15u && sum > 0.0) {
            trunc = tilt_trunc(&T, theta, u) / (h / M_PI);
            if (trunc <= TILT_TOL * sum)
                break;
        }
    }
    if (k == nodes_max || !(sum > 0.0))
        return SATSTAT_EINVAL;
    double v = exp(lead) * (h / M_PI) * sum;
    if (!isfinite(v))
        return SATSTAT_EINVAL;
    double rel = (trunc + rnd) / sum +
                 16.0 * DBL_EPSILON * (fabs(K0) + fabs(theta * x) + 1.0) + eK0;
    *value = v;
    *abserr = rel * v + alias + (v < DBL_MIN ? DBL_MIN : 0.0);
    return SATSTAT_OK;
}

static double total_tail(const satstat_exact *e, double z, int upper,
                         double *err)
{
    if (e->sphere)
        return sph_tail(e, z, upper, err);
    double s = rem_tail(e, z, upper, err);
    for (size_t i = 0; i < e->npieces; i++)
        s += e->pieces[i].w * piece_tail(e, &e->pieces[i], z, upper);
    return s;
}

static double total_point_mass(const satstat_exact *e, double z)
{
    double s = 0.0;
    for (size_t i = 0; i < e->npieces; i++)
        if (e->pieces[i].m == 0 && e->pieces[i].loc == z)
            s += e->pieces[i].w;
    return s;
}

static double clamp01(double v)
{
    return v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v);
}

int satstat_exact_digits(double value, double abserr)
{
    if (!isfinite(value) || !isfinite(abserr) || abserr < 0.0)
        return 0;
    if (abserr == 0.0)
        return 15;
    if (value == 0.0)
        return 0;
    /* the last of d digits has the unit 10^{ex − d + 1}: d ≤ ex + 1 −
     * log10(2·abserr) */
    double ex = floor(log10(fabs(value)));
    double d = floor(ex + 1.0 - log10(2.0 * abserr));
    return d < 0.0 ? 0 : d > 15.0 ? 15 : (int)d;
}

/* value and abserr set: the accuracy fields from them */
static void result_finish(satstat_exact_result *r)
{
    r->relerr = r->abserr == 0.0 ? 0.0
                : r->value != 0.0 ? r->abserr / fabs(r->value) : INFINITY;
    r->digits = satstat_exact_digits(r->value, r->abserr);
}

static void result_set(satstat_exact_result *r, double value, double abserr)
{
    r->value = value;
    r->abserr = abserr;
    result_finish(r);
}

/* Where the main inversion's absolute error is more than this fraction of
 * a tail, the tail is taken from the shifted contour (tilt_tail) if that
 * applies and is better. */
#define TILT_WANT 1e-9

/* P(Z ≤ z) (upper 0) or P(Z > z) (upper 1) without checks (NaN on
 * failure), from whichever inversion is more accurate there; its error
 * bound is added to *err. */
static double tail_best(const satstat_exact *e, double z, int upper, double *err)
{
    double ex = 0.0, v = total_tail(e, z, upper, &ex);
    double ae = err_prob(e) + ex;
    if (isfinite(v) && !e->sphere && ae > TILT_WANT * v) {
        double tv, te;
        if (tilt_tail(e, z, upper, &tv, &te) == SATSTAT_OK && te < ae) {
            *err += te;
            return tv;
        }
    }
    *err += ae;
    return v;
}

#define PREPARE_OR_RETURN(e)                          \
    do {                                              \
        int rc_ = satstat_exact_prepare(e);           \
        if (rc_ != SATSTAT_OK)                        \
            return rc_;                               \
    } while (0)

int satstat_exact_moments(satstat_exact *e, double *mean, double *variance)
{
    if (e == NULL || mean == NULL || variance == NULL)
        return SATSTAT_EINVAL;
    PREPARE_OR_RETURN(e);
    *mean = e->mean;
    *variance = e->var;
    return SATSTAT_OK;
}

/* P(Z ≤ z) (upper 0) or P(Z > z) (upper 1), checked, with its error. */
static int tail_query(satstat_exact *e, double z, int upper, satstat_exact_result *out)
{
    if (e == NULL || out == NULL || isnan(z))
        return SATSTAT_EINVAL;
    PREPARE_OR_RETURN(e);
    double err = 0.0, v = tail_best(e, z, upper, &err);
    if (!isfinite(v))
        return SATSTAT_ENUMERIC;
    result_set(out, clamp01(v), err);
    return SATSTAT_OK;
}

int satstat_exact_cdf(satstat_exact *e, double z, satstat_exact_result *out)
{
    return tail_query(e, z, 0, out);
}

int satstat_exact_sf(satstat_exact *e, double z, satstat_exact_result *out)
{
    return tail_query(e, z, 1, out);
}

/* P(a ≤ Z ≤ b) without checks (NaN on failure); its error bound is added
 * to *err. */
static double interval_prob(const satstat_exact *e, double a, double b,
                            double *err)
{
    if (a > b)
        return 0.0;
    if (a == -INFINITY && b == INFINITY)
        return 1.0;
    if (a == -INFINITY)
        return tail_best(e, b, 0, err);
    if (b == INFINITY)
        return tail_best(e, a, 1, err) + total_point_mass(e, a);
    /* Each side from whichever tail is smaller: the exact pieces and the
     * shifted contour keep their digits there. */
    double v;
    if (a > e->mean)
        v = tail_best(e, a, 1, err) - tail_best(e, b, 1, err);
    else
        v = tail_best(e, b, 0, err) - tail_best(e, a, 0, err);
    return v + total_point_mass(e, a);
}

int satstat_exact_interval(satstat_exact *e, double a, double b,
                           satstat_exact_result *out)
{
    if (e == NULL || out == NULL || isnan(a) || isnan(b))
        return SATSTAT_EINVAL;
    PREPARE_OR_RETURN(e);
    double err = 0.0, v = interval_prob(e, a, b, &err);
    if (!isfinite(v))
        return SATSTAT_ENUMERIC;
    result_set(out, clamp01(v), err);
    return SATSTAT_OK;
}

static int cmp_interval(const void *pa, const void *pb)
{
    const satstat_interval *a = pa, *b = pb;
    return (a->lo > b->lo) - (a->lo < b->lo);
}

int satstat_exact_region(satstat_exact *e, const satstat_interval *intervals,
                         size_t n, satstat_exact_result *out)
{
    if (e == NULL || out == NULL || (intervals == NULL && n > 0))
        return SATSTAT_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (isnan(intervals[i].lo) || isnan(intervals[i].hi) ||
            intervals[i].lo > intervals[i].hi)
            return SATSTAT_EINVAL;
    PREPARE_OR_RETURN(e);
    if (n == 0) {
        result_set(out, 0.0, 0.0);
        return SATSTAT_OK;
    }
    satstat_interval *iv = malloc(n * sizeof *iv);
    if (iv == NULL)
        return SATSTAT_ENOMEM;
    memcpy(iv, intervals, n * sizeof *iv);
    qsort(iv, n, sizeof *iv, cmp_interval);
    double sum = 0.0, err = 0.0;
    satstat_interval cur = iv[0];
    for (size_t i = 1; i <= n; i++) {
        if (i < n && iv[i].lo <= cur.hi) {
            if (iv[i].hi > cur.hi)
                cur.hi = iv[i].hi;
            continue;
        }
        sum += interval_prob(e, cur.lo, cur.hi, &err);
        if (i < n)
            cur = iv[i];
    }
    free(iv);
    if (!isfinite(sum))
        return SATSTAT_ENUMERIC;
    result_set(out, clamp01(sum), err);
    return SATSTAT_OK;
}

int satstat_exact_saturated_fraction(satstat_exact *e, double t,
                                     satstat_exact_result *out)
{
    if (e == NULL || out == NULL || !(t >= 0.0))
        return SATSTAT_EINVAL;
    if (t == 0.0) {
        PREPARE_OR_RETURN(e);
        result_set(out, 1.0, 0.0);
        return SATSTAT_OK;
    }
    satstat_interval iv[2] = {{-INFINITY, -t}, {t, INFINITY}};
    return satstat_exact_region(e, iv, 2, out);
}

int satstat_exact_pdf(satstat_exact *e, double z, satstat_exact_result *out)
{
    if (e == NULL || out == NULL || isnan(z))
        return SATSTAT_EINVAL;
    PREPARE_OR_RETURN(e);
    double ex = 0.0, v = e->sphere ? sph_pdf(e, z, &ex) : rem_pdf(e, z, &ex);
    if (!isfinite(v))
        return SATSTAT_ENUMERIC;
    for (size_t i = 0; i < e->npieces; i++)
        v += e->pieces[i].w * piece_pdf(e, &e->pieces[i], z);
    result_set(out, v < 0.0 ? 0.0 : v, err_pdf(e) + ex);
    return SATSTAT_OK;
}

int satstat_exact_point_mass(satstat_exact *e, double z, double *mass)
{
    if (e == NULL || mass == NULL || isnan(z))
        return SATSTAT_EINVAL;
    PREPARE_OR_RETURN(e);
    *mass = total_point_mass(e, z);
    return SATSTAT_OK;
}

/* ---- expectations --------------------------------------------------------------------- */

typedef struct gexp_ctx {
    const satstat_exact *e;
    double (*g)(double, void *);
    void *gctx;
    double gmax;
    double derr; /* largest per-point density error (direct engine) */
    int bad;
} gexp_ctx;

static double gexp_integrand(double z, void *p)
{
    gexp_ctx *c = p;
    double de = 0.0, d = rem_pdf(c->e, z, &de);
    if (!isfinite(d)) {
        c->bad = 1;
        return 0.0;
    }
    if (de > c->derr)
        c->derr = de;
    for (size_t i = 0; i < c->e->npieces; i++)
        d += c->e->pieces[i].w * piece_pdf(c->e, &c->e->pieces[i], z);
    if (d == 0.0)
        return 0.0;
    double v = c->g(z, c->gctx);
    if (!isfinite(v)) {
        c->bad = 1;
        return 0.0;
    }
    if (fabs(v) > c->gmax)
        c->gmax = fabs(v);
    return v * d;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

#define GEXP_POINTS 320
#define PARSEVAL_NMIN 1024
#define PARSEVAL_NMAX (1u << 20)
#define ZQUAD_KMAX 1024 /* beyond, E[g] by Parseval */

/* The continuous part's centred CF at t_k (remainder plus the continuous
 * pieces). */
static double complex cont_cf(const satstat_exact *e, size_t k)
{
    double t = ((double)k + 0.5) * e->delta;
    double complex v = 0.0;
    if (e->mass_rem > 0.0) {
        if (e->direct)
            v = psi_direct(e, t);
        else if (k < e->K)
            v = e->psi[k];
    }
    for (size_t i = 0; i < e->npieces; i++)
        if (e->pieces[i].m > 0)
            v += piece_cf(e, &e->pieces[i], t);
    return v;
}

/* E[g] of the continuous part by Parseval's identity on the trapezoid
 * nodes: the Davies series of the density, f̂(x) = (Δ/π) Σ_k Re[ψ_k
 * e^{−it_k x}], integrated against g̃ over one period 2π/Δ gives
 *     ∫ g̃ f̂ = (Δ/π) Σ_k Re[ψ_k Ĝ(t_k)],  Ĝ(t) = ∫ g̃(μ + x) e^{−itx} dx,
 * where g̃ = g·w and w is 1 on the range [−L₋, L₊] and falls smoothly to 0
 * in the margins (Gaussian-CDF ramps, width margin/16), so that changing g
 * there moves E by at most (tail mass)·sup|g|, g̃ vanishes at the ends of
 * the period and Ĝ decays fast: the sum converges even when ψ decays
 * like 1/t, where the density itself cannot be recovered.  Ĝ at t_k,
 * k < N/2, is the trapezoid rule on N points (spectrally accurate for the
 * smooth, compactly supported g̃), one FFT; N doubles until two results
 * agree. */
static int gexp_parseval(const satstat_exact *e, double (*g)(double, void *),
                         void *ctx, double *val, double *err, double *gmax)
{
    double span = e->Lm + e->Lp;
    double P = 2.0 * M_PI / e->delta;
    double margin = 0.5 * (P - span);
    double xs = -e->Lm - margin;
    double sr = margin / 16.0;
    double lo_edge = -e->Lm - 0.5 * margin, hi_edge = e->Lp + 0.5 * margin;
    double prev = NAN, cur = NAN, diff = INFINITY;
    double *gv = NULL;
    double *data = NULL;
    size_t ngv = 0;
    int rc = SATSTAT_OK;
    *gmax = 0.0;
    for (size_t N = PARSEVAL_NMIN; N <= PARSEVAL_NMAX; N *= 2) {
        /* g̃ on the grid; the previous grid's values are the even ones. */
        double *ng = malloc(N * sizeof *ng);
        double *nd = realloc(data, 2 * N * sizeof *nd);
        if (ng == NULL || nd == NULL) {
            free(ng);
            if (nd)
                data = nd;
            rc = SATSTAT_ENOMEM;
            break;
        }
        data = nd;
        double h = P / (double)N;
        for (size_t j = 0; j < N; j++) {
            if (ngv > 0 && (j & 1u) == 0) {
                ng[j] = gv[j / 2];
                continue;
            }
            double x = xs + (double)j * h;
            double w = gsl_cdf_ugaussian_P((x - lo_edge) / sr) *
                       gsl_cdf_ugaussian_P((hi_edge - x) / sr);
            double v = 0.0;
            if (w > 0.0) {
                v = g(e->mean + x, ctx);
                if (!isfinite(v)) {
                    free(ng);
                    rc = SATSTAT_ENUMERIC;
                    goto out;
                }
                if (fabs(v) > *gmax)
                    *gmax = fabs(v);
                v *= w;
            }
            ng[j] = v;
        }
        free(gv);
        gv = ng;
        ngv = N;
        for (size_t j = 0; j < N; j++) {
            double a = -M_PI * (double)j / (double)N;
            data[2 * j] = gv[j] * cos(a);
            data[2 * j + 1] = gv[j] * sin(a);
        }
        if (gsl_fft_complex_radix2_forward(data, 1, N) != GSL_SUCCESS) {
            rc = SATSTAT_ENUMERIC;
            break;
        }
        double sum = 0.0;
        for (size_t k = 0; k < N / 2; k++) {
            double ph = -((double)k + 0.5) * e->delta * xs;
            double complex G = h * CMPLX(cos(ph), sin(ph)) *
                               CMPLX(data[2 * k], data[2 * k + 1]);
            sum += creal(cont_cf(e, k) * G);
        }
        prev = cur;
        cur = e->delta / M_PI * sum;
        if (!isfinite(cur)) {
            rc = SATSTAT_ENUMERIC;
            break;
        }
        if (isfinite(prev)) {
            diff = fabs(cur - prev);
            if (diff <= 1e-13 * (1.0 + fabs(cur)) && N >= 4 * PARSEVAL_NMIN)
                break;
        }
    }
out:
    free(gv);
    free(data);
    if (rc != SATSTAT_OK)
        return rc;
    *val = cur;
    *err = diff + 64.0 * DBL_EPSILON * (1.0 + fabs(cur));
    return SATSTAT_OK;
}

/* E[g(Z)]: value and abserr only (satstat_exact_expectation() adds the
 * rest). */
static int expectation(satstat_exact *e, double (*g)(double z, void *ctx),
                       void *ctx, satstat_exact_result *out)
{
    if (e->sphere)
        return sph_expectation(e, g, ctx, out);
    double sum = 0.0, err = 0.0;
    /* Point masses. */
    for (size_t i = 0; i < e->npieces; i++) {
        const piece *pc = &e->pieces[i];
        if (pc->m != 0)
            continue;
        double v = g(pc->loc, ctx);
        if (!isfinite(v))
            return SATSTAT_ENUMERIC;
        sum += pc->w * v;
    }
    /* Rough laws: Parseval on the nodes. */
    if (e->direct || e->K > ZQUAD_KMAX) {
        double v, er, gm;
        int rcp = gexp_parseval(e, g, ctx, &v, &er, &gm);
        if (rcp != SATSTAT_OK)
            return rcp;
        out->value = sum + v;
        out->abserr = er + (e->tail + e->neglected + e->piece_round) * gm +
                      e->nodef * gm * 2.0 * M_PI / e->delta;
        return SATSTAT_OK;
    }
    /* The continuous part: its range and breakpoints. */
    double lo = INFINITY, hi = -INFINITY;
    if ((e->K > 0 || e->direct) && e->mass_rem > 0.0) {
        lo = e->mean - e->Lm;
        hi = e->mean + e->Lp;
    }
    for (size_t i = 0; i < e->npieces; i++) {
        const piece *pc = &e->pieces[i];
        if (pc->m == 0)
            continue;
        if (pc->loc - pc->H < lo)
            lo = pc->loc - pc->H;
        if (pc->loc + pc->H > hi)
            hi = pc->loc + pc->H;
    }
    if (!(hi > lo)) {
        out->value = sum;
        out->abserr = e->neglected;
        return SATSTAT_OK;
    }
    double pts[GEXP_POINTS + 2];
    size_t np = 0;
    pts[np++] = lo;
    pts[np++] = hi;
    if (lo < 0.0 && hi > 0.0)
        pts[np++] = 0.0;
    if (e->sd > 0.0)
        for (int k = -12; k <= 12; k++) {
            double z = e->mean + k * e->sd;
            if (z > lo && z < hi)
                pts[np++] = z;
        }
    for (size_t i = 0; i < e->npieces && np + 3 <= GEXP_POINTS; i++) {
        const piece *pc = &e->pieces[i];
        if (pc->m == 0 || pc->w < 1e-9)
            continue;
        double cand[3] = {pc->loc - pc->H, pc->loc, pc->loc + pc->H};
        for (int j = 0; j < 3; j++)
            if (cand[j] > lo && cand[j] < hi)
                pts[np++] = cand[j];
    }
    qsort(pts, np, sizeof *pts, cmp_double);
    gsl_integration_workspace *ws = gsl_integration_workspace_alloc(QUAD_LIMIT);
    if (ws == NULL)
        return SATSTAT_ENOMEM;
    gexp_ctx c = {e, g, ctx, 0.0, 0.0, 0};
    int rc = SATSTAT_OK;
    double cont = 0.0;
    for (size_t i = 0; i + 1 < np; i++) {
        if (!(pts[i + 1] > pts[i]))
            continue;
        double r, er;
        rc = quad(gexp_integrand, &c, pts[i], pts[i + 1],
                  1e-12 / (double)np, 1e-10, ws, &r, &er);
        if (rc != SATSTAT_OK || c.bad)
            break;
        cont += r;
        err += er;
    }
    gsl_integration_workspace_free(ws);
    if (c.bad)
        return SATSTAT_ENUMERIC;
    if (rc != SATSTAT_OK)
        return rc;
    sum += cont;
    /* Error: quadrature, the density's own error over the range, the mass
     * outside the range and of the skipped configurations. */
    double gm = c.gmax;
    err += (err_pdf(e) + c.derr) * gm * (hi - lo) + (e->tail + e->neglected) * gm;
    if (!isfinite(sum))
        return SATSTAT_ENUMERIC;
    out->value = sum;
    out->abserr = err;
    return SATSTAT_OK;
}

int satstat_exact_expectation(satstat_exact *e, double (*g)(double z, void *ctx),
                              void *ctx, satstat_exact_result *out)
{
    if (e == NULL || g == NULL || out == NULL)
        return SATSTAT_EINVAL;
    PREPARE_OR_RETURN(e);
    satstat__gsl_quiet();
    int rc = expectation(e, g, ctx, out);
    if (rc == SATSTAT_OK)
        result_finish(out);
    return rc;
}

/* ---- normal approximation ------------------------------------------------------------ */

int satstat_exact_normal_gap(satstat_exact *e, satstat_exact_gap *out)
{
    if (e == NULL || out == NULL)
        return SATSTAT_EINVAL;
    PREPARE_OR_RETURN(e);
    satstat__gsl_quiet();
    out->mean = e->mean;
    out->sd = e->sd;
    out->sup_cdf = 0.0;
    out->at = e->mean;
    out->abserr = 0.0;
    if (!(e->sd > 0.0))
        return SATSTAT_OK;
    double ep = err_prob(e), worst = 0.0;
    for (int i = 0; i < GAP_POINTS; i++) {
        double u = -8.0 + 16.0 * i / (GAP_POINTS - 1);
        double z = e->mean + e->sd * u;
        double ex = 0.0;
        double F = u > 0.0 ? 1.0 - total_tail(e, z, 1, &ex)
                           : total_tail(e, z, 0, &ex);
        if (!isfinite(F))
            return SATSTAT_ENUMERIC;
        if (ex > worst)
            worst = ex;
        double G = gsl_cdf_ugaussian_P(u);
        double d = fabs(F - G);
        if (d > out->sup_cdf) {
            out->sup_cdf = d;
            out->at = z;
        }
    }
    for (size_t i = 0; i < e->npieces; i++) {
        const piece *pc = &e->pieces[i];
        if (pc->m != 0)
            continue;
        double ex = 0.0;
        double F = total_tail(e, pc->loc, 0, &ex);
        if (!isfinite(F))
            return SATSTAT_ENUMERIC;
        if (ex > worst)
            worst = ex;
        double Fm = F - total_point_mass(e, pc->loc);
        double G = gsl_cdf_ugaussian_P((pc->loc - e->mean) / e->sd);
        double d = fabs(F - G) > fabs(Fm - G) ? fabs(F - G) : fabs(Fm - G);
        if (d > out->sup_cdf) {
            out->sup_cdf = d;
            out->at = pc->loc;
        }
    }
    out->abserr = ep + worst;
    return SATSTAT_OK;
}

int satstat_exact_get_info(satstat_exact *e, satstat_exact_info *out)
{
    if (e == NULL || out == NULL)
        return SATSTAT_EINVAL;
    PREPARE_OR_RETURN(e);
    out->pieces = e->npieces;
    out->exact_mass = e->exact_mass;
    out->nodes = e->K;
    out->step = e->K ? e->delta : 0.0;
    out->range_lo = e->mean - e->Lm;
    out->range_hi = e->mean + e->Lp;
    out->tail_bound = (e->K || e->direct) ? e->tail : 0.0;
    out->direct = e->direct;
    out->trunc_cdf = e->K ? e->truncF : 0.0;
    out->trunc_pdf = e->K ? e->truncf : 0.0;
    return SATSTAT_OK;
}
