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
 *    its Fourier transform by FFT (see gexp_parseval() in exact_expect.c).
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
 *    accuracy (Daniels 1954/1987, Strawderman 2004; exact_tails.c).
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
 *
 * ---- Files -------------------------------------------------------------------
 * This file holds the handle, the laws and the queries; the stages above are
 * in exact_*.c, listed in exact-int.h with what they share.
 */
#include "law/exact-int.h"

/* ---- laws: constructors and validation ------------------------------------------- */

satstat_exact_law satstat_exact_constant(double value)
{
    satstat_exact_law l = {SATSTAT_FAMILY_CONSTANT, value, 0.0, 0.0, 0.0, 0.0};
    return l;
}

satstat_exact_law satstat_exact_normal(double mean, double sd)
{
    satstat_exact_law l = {SATSTAT_FAMILY_NORMAL, mean, sd, 0.0, 0.0, 0.0};
    return l;
}

satstat_exact_law satstat_exact_uniform(double lo, double hi)
{
    satstat_exact_law l = {SATSTAT_FAMILY_UNIFORM, lo, hi, 0.0, 0.0, 0.0};
    return l;
}

satstat_exact_law satstat_exact_truncnormal(double mean, double sd, double lo,
                                            double hi)
{
    satstat_exact_law l = {SATSTAT_FAMILY_TRUNC_NORMAL, mean, sd, lo, hi, 0.0};
    return l;
}

satstat_exact_law satstat_exact_bernoulli(double p)
{
    satstat_exact_law l = {SATSTAT_FAMILY_BERNOULLI, 0.0, 0.0, 0.0, 0.0, p};
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
    case SATSTAT_FAMILY_CONSTANT:
        return isfinite(l->a);
    case SATSTAT_FAMILY_NORMAL:
        return isfinite(l->a) && isfinite(l->b) && l->b >= 0.0;
    case SATSTAT_FAMILY_UNIFORM:
        return isfinite(l->a) && isfinite(l->b) && l->a <= l->b;
    case SATSTAT_FAMILY_TRUNC_NORMAL:
        return isfinite(l->a) && isfinite(l->b) && l->b > 0.0 &&
               !isnan(l->lo) && !isnan(l->hi) && l->lo < l->hi &&
               l->lo != INFINITY && l->hi != -INFINITY;
    case SATSTAT_FAMILY_BERNOULLI:
        return l->p >= 0.0 && l->p <= 1.0;
    case SATSTAT_FAMILY_ORTHOGONAL: /* satstat_exact_set_sphere instead */
        break;
    }
    return 0;
}

/* Degenerate laws become constants; a truncated normal with both bounds
 * infinite becomes normal. */
static satstat_exact_law law_normalize(satstat_exact_law l)
{
    if (l.family == SATSTAT_FAMILY_NORMAL && l.b == 0.0)
        return satstat_exact_constant(l.a);
    if (l.family == SATSTAT_FAMILY_UNIFORM && l.a == l.b)
        return satstat_exact_constant(l.a);
    if (l.family == SATSTAT_FAMILY_TRUNC_NORMAL && isinf(l.lo) && isinf(l.hi))
        return satstat_exact_normal(l.a, l.b);
    if (l.family == SATSTAT_FAMILY_BERNOULLI && l.p == 1.0)
        return satstat_exact_constant(1.0);
    if (l.family == SATSTAT_FAMILY_BERNOULLI && l.p == 0.0)
        return satstat_exact_constant(0.0);
    return l;
}

/* x·law for a constant x ≠ 0. */
static int law_scale(const satstat_exact_law *l, double x,
                     satstat_exact_law *out)
{
    switch (l->family) {
    case SATSTAT_FAMILY_CONSTANT:
        *out = satstat_exact_constant(x * l->a);
        break;
    case SATSTAT_FAMILY_NORMAL:
        *out = satstat_exact_normal(x * l->a, fabs(x) * l->b);
        break;
    case SATSTAT_FAMILY_UNIFORM:
        *out = x > 0.0 ? satstat_exact_uniform(x * l->a, x * l->b)
                       : satstat_exact_uniform(x * l->b, x * l->a);
        break;
    case SATSTAT_FAMILY_TRUNC_NORMAL:
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
    if (w.family == SATSTAT_FAMILY_BERNOULLI && x.family != SATSTAT_FAMILY_BERNOULLI) {
        satstat_exact_law tmp = w;
        w = x;
        x = tmp;
    }
    if (x.family == SATSTAT_FAMILY_BERNOULLI) {
        if (w.family == SATSTAT_FAMILY_BERNOULLI) {
            c->p = x.p * w.p;
            w = satstat_exact_constant(1.0);
        } else {
            c->p = x.p;
        }
        x = satstat_exact_constant(1.0);
    }
    satstat_exact_law single;
    int is_single = 1;
    if (x.family == SATSTAT_FAMILY_CONSTANT) {
        if (x.a == 0.0) {
            *zero = 1;
            return SATSTAT_OK;
        }
        int rc = law_scale(&w, x.a, &single);
        if (rc != SATSTAT_OK)
            return rc;
    } else if (w.family == SATSTAT_FAMILY_CONSTANT) {
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
        if (single.family == SATSTAT_FAMILY_CONSTANT && single.a == 0.0) {
            *zero = 1;
            return SATSTAT_OK;
        }
        c->kind = K_SIMPLE;
        int rc = satstat__exact_slaw_make(&single, &c->base, ws);
        if (rc != SATSTAT_OK)
            return rc;
        comp_finish(c);
        return SATSTAT_OK;
    }
    /* Both random. */
    const satstat_exact_law *o, *in;
    if (w.family == SATSTAT_FAMILY_NORMAL && x.family == SATSTAT_FAMILY_NORMAL) {
        c->kind = K_PROD_NN;
        o = &x;
        in = &w;
    } else {
        c->kind = K_PROD;
        if (w.family == SATSTAT_FAMILY_TRUNC_NORMAL &&
            x.family == SATSTAT_FAMILY_TRUNC_NORMAL)
            return SATSTAT_EINVAL;
        if (w.family == SATSTAT_FAMILY_TRUNC_NORMAL) {
            o = &w;
            in = &x;
        } else if (x.family == SATSTAT_FAMILY_TRUNC_NORMAL) {
            o = &x;
            in = &w;
        } else if (x.family == SATSTAT_FAMILY_UNIFORM) {
            o = &x;
            in = &w;
        } else {
            o = &w;
            in = &x;
        }
    }
    int rc = satstat__exact_slaw_make(o, &c->outer, ws);
    if (rc != SATSTAT_OK)
        return rc;
    rc = satstat__exact_slaw_make(in, &c->inner, ws);
    if (rc != SATSTAT_OK)
        return rc;
    c->has_inner = 1;
    comp_finish(c);
    return SATSTAT_OK;
}

/* ---- alloc / build ----------------------------------------------------------------- */

void satstat__exact_unprepare(satstat_exact *e)
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
    satstat__exact_unprepare(e);
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
            satstat__exact_unprepare(e);
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
    satstat__exact_unprepare(e);
    return SATSTAT_OK;
}

int satstat_exact_set_bias(satstat_exact *e, const satstat_exact_law *bias)
{
    if (e == NULL || bias == NULL || !law_valid(bias) ||
        bias->family == SATSTAT_FAMILY_BERNOULLI)
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
    int rc = satstat__exact_slaw_make(&b, &c.base, ws);
    gsl_integration_workspace_free(ws);
    if (rc != SATSTAT_OK)
        return rc;
    comp_finish(&c);
    e->bias = c;
    satstat__exact_unprepare(e);
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
    satstat__exact_unprepare(e);
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
        count = satstat_inputs_support(&config->inputs, config->n_in);
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
        if (w.family == SATSTAT_FAMILY_NORMAL) {
            w = satstat_exact_normal(w.a * config->inputs.file_sum,
                                     w.b * sqrt(config->inputs.file_sum_sq));
        } else if (w.family == SATSTAT_FAMILY_CONSTANT) {
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

static double total_tail(const satstat_exact *e, double z, int upper,
                         double *err)
{
    if (e->sphere)
        return satstat__exact_sph_tail(e, z, upper, err);
    double s = satstat__exact_rem_tail(e, z, upper, err);
    for (size_t i = 0; i < e->npieces; i++)
        s += e->pieces[i].w * satstat__exact_piece_tail(e, &e->pieces[i], z, upper);
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
 * a tail, the tail is taken from the shifted contour
 * (satstat__exact_tilt_tail) if that applies and is better. */
#define TILT_WANT 1e-9

/* P(Z ≤ z) (upper 0) or P(Z > z) (upper 1) without checks (NaN on
 * failure), from whichever inversion is more accurate there; its error
 * bound is added to *err. */
static double tail_best(const satstat_exact *e, double z, int upper, double *err)
{
    double ex = 0.0, v = total_tail(e, z, upper, &ex);
    double ae = satstat__exact_err_prob(e) + ex;
    if (isfinite(v) && !e->sphere && ae > TILT_WANT * v) {
        double tv, te;
        if (satstat__exact_tilt_tail(e, z, upper, &tv, &te) == SATSTAT_OK && te < ae) {
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
    double ex = 0.0;
    double v = e->sphere ? satstat__exact_sph_pdf(e, z, &ex)
                         : satstat__exact_rem_pdf(e, z, &ex);
    if (!isfinite(v))
        return SATSTAT_ENUMERIC;
    for (size_t i = 0; i < e->npieces; i++)
        v += e->pieces[i].w * satstat__exact_piece_pdf(e, &e->pieces[i], z);
    result_set(out, v < 0.0 ? 0.0 : v, satstat__exact_err_pdf(e) + ex);
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

int satstat_exact_expectation(satstat_exact *e, double (*g)(double z, void *ctx),
                              void *ctx, satstat_exact_result *out)
{
    if (e == NULL || g == NULL || out == NULL)
        return SATSTAT_EINVAL;
    PREPARE_OR_RETURN(e);
    satstat__gsl_quiet();
    int rc = satstat__exact_expect(e, g, ctx, out);
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
    double ep = satstat__exact_err_prob(e), worst = 0.0;
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
