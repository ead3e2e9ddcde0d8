/* exact_direct.c — evaluating the prepared law at a point (exact-int.h):
 * the direct engine (exact.c, 5.), the exact pieces in closed form (3.),
 * the trapezoid sums of the remainder (2.) and their error bounds. */
#include "law/exact-int.h"

static double choose_small(unsigned k, unsigned q)
{
    double r = 1.0;
    for (unsigned i = 1; i <= q; i++)
        r = r * (double)(k - q + i) / (double)i;
    return r;
}

/* CF of a piece at t, centred at μ. */
double complex satstat__exact_piece_cf(const satstat_exact *e, const piece *pc,
                                      double t)
{
    double ph = t * pc->dshift;
    double complex v = pc->w * CMPLX(cos(ph), sin(ph));
    for (size_t j = 0; j < e->nug; j++) {
        unsigned k = e->pk[pc->koff + j];
        if (k == 0)
            continue;
        double x = e->ug_h[j] * t;
        double s = fabs(x) < 0.5 ? 1.0 + satstat__exact_sincm1(x) : sin(x) / x;
        v *= pow(s, (double)k);
    }
    return v;
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
int satstat__exact_comp_direct_ok(const comp *c, int *real)
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
            return 1.0 + satstat__exact_sincm1(c->base.b * t);
        default:
            return 1.0;
        }
    case K_PROD_NN: {
        double lr, ph;
        satstat__exact_prodnn_logpsi(c, t, &lr, &ph);
        return exp(lr) * CMPLX(cos(ph), sin(ph));
    }
    default:
        break;
    }
    const slaw *o = &c->outer, *in = &c->inner;
    if (in->fam == F_NORMAL)
        return satstat__exact_gauss_outer(o, in->b * fabs(t));
    /* uniform (centred) inner times uniform outer */
    double ht = in->b * fabs(t);
    double R = fabs(o->lo) > fabs(o->hi) ? fabs(o->lo) : fabs(o->hi);
    if (ht * R < 0.3) {
        /* Σ_j (−1)^j (ht)^{2j} E[O^{2j}]/(2j + 1)! */
        double x = -ht * ht, term = 1.0, s = 1.0;
        for (int j = 1; j <= 10; j++) {
            term *= x / ((2.0 * j) * (2.0 * j + 1.0));
            s += term * satstat__exact_unif_moment(o->lo, o->hi, 2 * j);
        }
        return s;
    }
    return (gsl_sf_Si(ht * o->hi) - gsl_sf_Si(ht * o->lo)) /
           (ht * (o->hi - o->lo));
}

/* The remainder's centred CF, every factor in closed form. */
double complex satstat__exact_psi_direct(const satstat_exact *e, double t)
{
    double lr = 0.0, ph = 0.0;
    for (size_t i = 0; i <= e->ncomp; i++) {
        const comp *c = i < e->ncomp ? &e->comps[i] : &e->bias;
        if (c->kind == K_SIMPLE && c->base.fam == F_CONST && c->p == 1.0)
            continue;
        double complex pb = base_psi_direct(c, t);
        double l1, p1;
        if (c->p == 1.0) {
            satstat__exact_clog1p(pb - 1.0, &l1, &p1);
        } else {
            double p = c->p, mb = c->bmean;
            double complex d;
            if (mb == 0.0) {
                d = p * (pb - 1.0);
            } else {
                double dd = (1.0 - p) * mb;
                d = (1.0 - p) * satstat__exact_gfun(-t * p * mb) +
                    p * (CMPLX(cos(t * dd), sin(t * dd)) * (pb - 1.0) +
                         satstat__exact_gfun(t * dd));
            }
            satstat__exact_clog1p(d, &l1, &p1);
        }
        lr += (double)c->n * l1;
        ph += satstat__exact_phase_times(c->n, p1);
    }
    double complex v = exp(lr) * CMPLX(cos(ph), sin(ph));
    for (size_t j = 0; j < e->npieces; j++)
        v -= satstat__exact_piece_cf(e, &e->pieces[j], t);
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
    double complex v = satstat__exact_psi_direct(c->e, t);
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
    rc = satstat__exact_quad(direct_integrand, &c, 0.0, e->T0, 1e-14, 1e-12, ws, &r,
                             &er);
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
double satstat__exact_piece_tail(const satstat_exact *e, const piece *pc, double z,
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

double satstat__exact_piece_pdf(const satstat_exact *e, const piece *pc, double z)
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
double satstat__exact_rem_tail(const satstat_exact *e, double z, int upper, double *err)
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

double satstat__exact_rem_pdf(const satstat_exact *e, double z, double *err)
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

double satstat__exact_err_prob(const satstat_exact *e)
{
    double r = e->piece_round + e->neglected;
    if (e->K > 0)
        r += e->tail + e->truncF + e->nodeF + 16.0 * DBL_EPSILON * (1.0 + e->absF);
    else if (e->direct)
        r += e->tail;
    return r;
}

double satstat__exact_err_pdf(const satstat_exact *e)
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
