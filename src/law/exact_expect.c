/* exact_expect.c — E[g(z)] under the exact law (exact-int.h; exact.c, 4.):
 * point masses, adaptive quadrature of g times the density, or Parseval's
 * identity on the nodes. */
#include "law/exact-int.h"

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
    double de = 0.0, d = satstat__exact_rem_pdf(c->e, z, &de);
    if (!isfinite(d)) {
        c->bad = 1;
        return 0.0;
    }
    if (de > c->derr)
        c->derr = de;
    for (size_t i = 0; i < c->e->npieces; i++)
        d += c->e->pieces[i].w * satstat__exact_piece_pdf(c->e, &c->e->pieces[i], z);
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
            v = satstat__exact_psi_direct(e, t);
        else if (k < e->K)
            v = e->psi[k];
    }
    for (size_t i = 0; i < e->npieces; i++)
        if (e->pieces[i].m > 0)
            v += satstat__exact_piece_cf(e, &e->pieces[i], t);
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
int satstat__exact_expect(satstat_exact *e, double (*g)(double z, void *ctx),
                          void *ctx, satstat_exact_result *out)
{
    if (e->sphere)
        return satstat__exact_sph_expectation(e, g, ctx, out);
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
    qsort(pts, np, sizeof *pts, satstat__exact_cmp_double);
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
        rc = satstat__exact_quad(gexp_integrand, &c, pts[i], pts[i + 1],
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
    err += (satstat__exact_err_pdf(e) + c.derr) * gm * (hi - lo) +
           (e->tail + e->neglected) * gm;
    if (!isfinite(sum))
        return SATSTAT_ENUMERIC;
    out->value = sum;
    out->abserr = err;
    return SATSTAT_OK;
}
