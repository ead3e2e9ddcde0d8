/* exact_prepare.c — preparing a handle for queries (exact-int.h): the exact
 * pieces split off the law (exact.c, 3.), the envelope of the remainder's
 * CF, the Chernoff range and the trapezoid nodes of the inversion (2.),
 * or the choice of the direct engine (5.). */
#include "law/exact-int.h"

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
            s += (double)c->n *
                 log1p(c->p * satstat__exact_base_envelope(c, t) / (1.0 - c->p));
        }
        return P->atom_mass * expm1(s);
    }
    double s = 0.0;
    for (size_t i = 0; i < P->nc; i++) {
        const comp *c = &P->c[i];
        s += (double)c->n * log(satstat__exact_comp_envelope(c, t));
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
        int rc = satstat__exact_comp_cgf(c, cc->sign * lam, cc->P->ws, &k);
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

/* What preparation needs to know of the components as a whole. */
typedef struct law_summary {
    int costly;      /* some term's CF needs quadrature per node             */
    int all_atomic;  /* no continuous term: z takes finitely many values     */
    int multi_atom;  /* a constant behind a Bernoulli input (several atoms)  */
    double atom_loc; /* Σ of the constant terms                              */
    double log_atom; /* log P(every Bernoulli term is 0)                     */
} law_summary;

/* Stage 1: the components in one array (the bias last), a workspace, the
 * mean and variance of z and the summary. */
static int gather_components(satstat_exact *e, prep *P, law_summary *s)
{
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
    *s = (law_summary){0, 1, 0, 0.0, 0.0};
    for (size_t i = 0; i < P->nc; i++) {
        const comp *c = &P->c[i];
        mean += (double)c->n * c->mean;
        var += (double)c->n * c->var;
        s->costly |= c->costly;
        int is_const = c->kind == K_SIMPLE && c->base.fam == F_CONST;
        if (is_const && c->p == 1.0) {
            s->atom_loc += (double)c->n * c->base.a;
        } else if (c->p < 1.0) {
            if (is_const)
                s->multi_atom = 1;
            s->log_atom += (double)c->n * log1p(-c->p);
        } else {
            s->all_atomic = 0;
        }
    }
    e->mean = mean;
    e->var = var;
    e->sd = sqrt(var);
    return SATSTAT_OK;
}

/* Stage 2: the exact pieces split off the law — the uniform configurations
 * in closed form, or the single point mass of an all-atomic law — and the
 * mass left to the inversion.  *complete: the pieces are the whole law. */
static int split_pieces(satstat_exact *e, prep *P, law_summary *s,
                        int *complete)
{
    *complete = 0;
    int built = build_uniform_pieces(P, complete);
    if (built < 0)
        return built;
    if (!built) {
        e->npieces = 0;
        e->nug = 0;
        if (s->all_atomic && s->multi_atom)
            return SATSTAT_EINVAL;
        /* A point mass below 1e-300 is neglected (counted in the error):
         * the remainder's CF still decays through the mixtures' bases. */
        if (s->all_atomic && s->log_atom < log(1e-300)) {
            s->all_atomic = 0;
            e->neglected += exp(s->log_atom);
        }
        if (s->all_atomic) {
            double M = exp(s->log_atom);
            P->mode = 1;
            P->atom_mass = M;
            if (M > 0.0) {
                e->pieces = calloc(1, sizeof *e->pieces);
                if (e->pieces == NULL)
                    return SATSTAT_ENOMEM;
                piece *pc = &e->pieces[0];
                pc->w = M;
                pc->loc = s->atom_loc;
                /* v − μ = Σ n_i (atom_i − μ_i): 0 for the constants,
                 * −n_i μ_i for the mixtures (their atom is at 0). */
                double ds = 0.0;
                for (size_t i = 0; i < P->nc; i++)
                    if (P->c[i].p < 1.0)
                        ds -= (double)P->c[i].n * P->c[i].mean;
                pc->dshift = ds;
                pc->stab = 1.0;
                e->npieces = 1;
                *complete = M == 1.0;
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
    e->mass_rem = *complete ? 0.0 : 1.0 - wsum;
    if (e->mass_rem < 0.0)
        e->mass_rem = 0.0;
    return SATSTAT_OK;
}

/* Stage 3: the range of the inversion [μ − L₋, μ + L₊] (Chernoff, and the
 * support when bounded) and the node spacing Δ = 2π/(margin·(L₋ + L₊)). */
static int inversion_range(satstat_exact *e, const prep *P)
{
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
    return SATSTAT_OK;
}

/* Is the truncation bound at T below its target: of F (density 0) or of
 * the density times sd (density 1)? */
static int trunc_within(const prep *P, double T, int density)
{
    double bF, bf;
    trunc_bounds(P, T, &bF, &bf);
    return density ? bf * P->e->sd <= TRUNC_TOL_PDF : bF <= TRUNC_TOL_CDF;
}

/* The smallest cut within 0.1% (by bisection: the bounds are monotone),
 * given a cut T that meets the target and T/2 that may not. */
static double trunc_refine(const prep *P, double T, int density)
{
    double lo = T / 2.0, hi = T;
    for (int i = 0; i < 30 && hi - lo > 1e-3 * hi; i++) {
        double mid = 0.5 * (lo + hi);
        if (trunc_within(P, mid, density))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* Stage 4: the number of nodes K, from the truncation bounds of F and of
 * the density (doubling the cut from 1/sd, then bisection), at most kmax;
 * the bounds at the chosen K are stored. */
static size_t node_count(satstat_exact *e, const prep *P, int costly)
{
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
    if (TF < 0.0)
        TF = tmax;
    else if (TF > 1.0 / e->sd)
        TF = trunc_refine(P, TF, 0);
    if (Tf < 0.0)
        Tf = tmax;
    else if (Tf > 1.0 / e->sd)
        Tf = trunc_refine(P, Tf, 1);
    double Tsel = TF > Tf ? TF : Tf;
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
    return K;
}

/* Stage 5: too slow a decay for the trapezoid rule (truncation bounds far
 * above target): integrate per query if every factor has a closed form.
 * Returns 1 when the direct engine is chosen. */
static int choose_direct(satstat_exact *e, const prep *P)
{
    if (!(e->truncF > 10.0 * TRUNC_TOL_CDF ||
          e->truncf * e->sd > 1e3 * TRUNC_TOL_PDF))
        return 0;
    int ok = 1, real = 1;
    for (size_t i = 0; i < P->nc && ok; i++) {
        int r1;
        ok = satstat__exact_comp_direct_ok(&P->c[i], &r1);
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
    if (!(ok && terms <= 10000))
        return 0;
    e->direct = 1;
    e->direct_real = real;
    e->T0 = 8.0 / e->sd;
    e->K = 0;
    return 1;
}

/* The centred CF of the whole law at t, as log-modulus *lr and phase *ph,
 * and the error *node_err the terms' quadrature errors ε_i make in it
 * (nerr: scratch, one per component). */
static int node_psi(const prep *P, double t, double *nerr, double *lr_out,
                    double *ph_out, double *node_err)
{
    double lr = 0.0, ph = 0.0, la = 0.0;
    int any_err = 0;
    for (size_t i = 0; i < P->nc; i++) {
        const comp *c = &P->c[i];
        if (c->kind == K_SIMPLE && c->base.fam == F_CONST && c->p == 1.0)
            continue;
        double l1, p1, e1;
        int rc = satstat__exact_comp_logpsi(c, t, P->ws, &l1, &p1, &e1);
        if (rc != SATSTAT_OK)
            return rc;
        lr += (double)c->n * l1;
        ph += satstat__exact_phase_times(c->n, p1);
        nerr[i] = e1;
        any_err |= e1 > 0.0;
        la += (double)c->n * log(exp(l1) + e1);
    }
    /* Error of the product from the terms' quadrature errors ε_i:
     * Σ_i n_i ε_i (|ψ_i| + ε_i)^{n_i − 1} Π_{j≠i} (|ψ_j| + ε_j)^{n_j}. */
    double err = 0.0;
    if (any_err) {
        for (size_t i = 0; i < P->nc; i++) {
            const comp *c = &P->c[i];
            if (c->kind == K_SIMPLE && c->base.fam == F_CONST && c->p == 1.0)
                continue;
            if (nerr[i] > 0.0) {
                double l1, p1, e1;
                int rc = satstat__exact_comp_logpsi(c, t, P->ws, &l1, &p1, &e1);
                if (rc != SATSTAT_OK)
                    return rc;
                err += (double)c->n * nerr[i] * exp(la - log(exp(l1) + nerr[i]));
            }
        }
    }
    if (!isfinite(err))
        return SATSTAT_ENUMERIC;
    *lr_out = lr;
    *ph_out = ph;
    *node_err = err;
    return SATSTAT_OK;
}

/* Stage 6: the nodes ψ_k, the remainder's centred CF (the law's minus the
 * pieces') at t_k = (k + ½)Δ, with the rounding scales and the quadrature
 * errors they carry into F and f. */
static int compute_nodes(satstat_exact *e, const prep *P, size_t K)
{
    e->psi = malloc(K * sizeof *e->psi);
    if (e->psi == NULL)
        return SATSTAT_ENOMEM;
    e->K = K;
    double absF = 0.0, absf = 0.0, errF = 0.0, errf = 0.0;
    double *nerr = calloc(P->nc, sizeof *nerr);
    if (nerr == NULL)
        return SATSTAT_ENOMEM;
    int rc = SATSTAT_OK;
    for (size_t k = 0; k < K; k++) {
        double t = ((double)k + 0.5) * e->delta;
        double lr, ph, node_err;
        rc = node_psi(P, t, nerr, &lr, &ph, &node_err);
        if (rc != SATSTAT_OK)
            break;
        errF += node_err / (M_PI * ((double)k + 0.5));
        errf += node_err * e->delta / M_PI;
        double complex v = exp(lr) * CMPLX(cos(ph), sin(ph));
        for (size_t j = 0; j < e->npieces; j++)
            v -= satstat__exact_piece_cf(e, &e->pieces[j], t);
        if (!isfinite(creal(v)) || !isfinite(cimag(v))) {
            rc = SATSTAT_ENUMERIC;
            break;
        }
        e->psi[k] = v;
        absF += cabs(v) / ((double)k + 0.5);
        absf += cabs(v);
    }
    free(nerr);
    if (rc != SATSTAT_OK)
        return rc;
    e->absF = absF;
    e->absf = absf;
    e->nodeF = errF;
    e->nodef = errf;
    return SATSTAT_OK;
}

/* The stages in order; P is freed by the caller whatever happens. */
static int do_prepare(satstat_exact *e, prep *P)
{
    law_summary s;
    int rc = gather_components(e, P, &s);
    if (rc != SATSTAT_OK)
        return rc;
    int complete;
    rc = split_pieces(e, P, &s, &complete);
    if (rc != SATSTAT_OK)
        return rc;
    if (complete || !(e->sd > 0.0)) {
        e->K = 0;
        e->Lm = e->Lp = 0.0;
        e->tail = 0.0;
        return SATSTAT_OK;
    }
    rc = inversion_range(e, P);
    if (rc != SATSTAT_OK)
        return rc;
    size_t K = node_count(e, P, s.costly);
    if (choose_direct(e, P))
        return SATSTAT_OK;
    return compute_nodes(e, P, K);
}

int satstat_exact_prepare(satstat_exact *e)
{
    if (e == NULL)
        return SATSTAT_EINVAL;
    if (e->prepared)
        return SATSTAT_OK;
    satstat__gsl_quiet();
    satstat__exact_unprepare(e);
    if (e->sphere) {
        satstat__exact_sph_prepare(e);
        e->prepared = 1;
        return SATSTAT_OK;
    }
    prep P;
    memset(&P, 0, sizeof P);
    P.e = e;
    int rc = do_prepare(e, &P);
    prep_free(&P);
    if (rc != SATSTAT_OK) {
        satstat__exact_unprepare(e);
        return rc;
    }
    e->tilt_ok = satstat__exact_tilt_applicable(e->comps, e->ncomp, &e->bias,
                                                &e->tilt_max, &e->atom_at,
                                                &e->log_atom);
    e->prepared = 1;
    return SATSTAT_OK;
}
