/* exact_tails.c — far tails of the exact law with relative accuracy
 * (exact-int.h; exact.c, 6.): inversion along a contour shifted to the
 * saddlepoint. */
#include "law/exact-int.h"

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

/* log(1 + d) for complex d, accurate for small d (satstat__exact_clog1p). */
static double complex clog1p_c(double complex d)
{
    double lr, ph;
    satstat__exact_clog1p(d, &lr, &ph);
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
         * integral (as in satstat__exact_prodnn_logpsi), Re(1 − A s²) > 0
         * on the strip */
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
    return satstat__exact_logaddexp(lq, lw + lb) - satstat__exact_logaddexp(lq, lw);
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
            la += (double)c->n * (lq - satstat__exact_logaddexp(lq, lw));
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
int satstat__exact_tilt_applicable(const comp *comps, size_t nc,
                                   const comp *bias, double *theta_max,
                                   double *atom_at, double *log_atom)
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

/* The saddlepoint K'(θ) = x (K' increases from the mean), 0 < θ < tmax,
 * from the first guess theta0: bracket, then bisect in log θ; any θ > 0
 * gives the exact integral, the saddlepoint only keeps its integrand from
 * oscillating. */
static double tilt_saddlepoint(const tilt *T, double x, double theta0,
                               double tmax)
{
    double lo = 0.0, hi = theta0;
    if (hi >= tmax)
        hi = 0.5 * tmax;
    for (int it = 0; it < 2100 && tilt_K1(T, hi) < x; it++) {
        lo = hi;
        hi = isfinite(tmax) ? 0.5 * (hi + tmax) : 2.0 * hi;
    }
    for (int it = 0; it < 200 && hi - lo > 1e-9 * hi; it++) {
        double theta = lo > 0.0 ? sqrt(lo * hi) : 0.5 * hi;
        if (tilt_K1(T, theta) < x)
            lo = theta;
        else
            hi = theta;
    }
    return hi;
}

/* The midpoint rule at u_k = (k + ½)h along Re s = θ, in units of
 * e^{K0 − θx}·h/π, stopped when the envelope's truncation bound *trunc is
 * below TILT_TOL of the sum; *rnd the rounding: each term's exponent is
 * off by its allowance (eK0 that of K0 = K(θ)).  The point mass at `at`,
 * if any, is taken out of the integrand.  SATSTAT_EINVAL when nodes_max
 * nodes do not reach the tolerance. */
static int tilt_rule(const tilt *T, double theta, double x, double at,
                     double K0, double eK0, double h, size_t nodes_max,
                     double *sum_out, double *rnd_out, double *trunc_out)
{
    double sum = 0.0, rnd = 0.0, trunc = INFINITY;
    size_t k;
    for (k = 0; k < nodes_max; k++) {
        double u = ((double)k + 0.5) * h, ek;
        double complex s = CMPLX(theta, u);
        double complex ex = tilt_K(T, s, &ek) - K0 - CMPLX(0.0, u * x);
        double complex g = cexp(ex) / s;
        rnd += cabs(g) * (ek + eK0 + 8.0 * DBL_EPSILON * (1.0 + u * fabs(x)));
        if (T->log_atom > -INFINITY) {
            /* the point mass at `at` < x: its own Bromwich integral is 0
             * (the contour closes to the right), and its slowly decaying
             * term is taken out of the rule; the rule's error on it, at
             * most its aliases e^{−θjP}·mass, is inside the caller's
             * `alias` */
            double complex ea = CMPLX(T->log_atom + theta * at - K0, u * (at - x));
            double complex ga = cexp(ea) / s;
            g -= ga;
            rnd += cabs(ga) * (eK0 + 16.0 * DBL_EPSILON *
                                         (fabs(T->log_atom) + (theta + u) * (fabs(at) + fabs(x)) + 1.0));
        }
        sum += creal(g);
        if ((k & 15u) == 15u && sum > 0.0) {
            trunc = tilt_trunc(T, theta, u) / (h / M_PI);
            if (trunc <= TILT_TOL * sum)
                break;
        }
    }
    if (k == nodes_max || !(sum > 0.0))
        return SATSTAT_EINVAL;
    *sum_out = sum;
    *rnd_out = rnd;
    *trunc_out = trunc;
    return SATSTAT_OK;
}

/* P(Z > z) (upper) or P(Z < z) by the shifted contour, with a bound of
 * its error (relative, plus the aliases, plus DBL_MIN below the normal
 * range, where a double has fewer digits).  SATSTAT_EINVAL when the
 * method does not apply here (law not closed-form, z not beyond the mean,
 * too many nodes). */
int satstat__exact_tilt_tail(const satstat_exact *e, double z, int upper, double *value,
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
    double tmax = e->tilt_max;
    double theta = tilt_saddlepoint(&T, x, (x - mu) / e->var, tmax);
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
    double sum, rnd, trunc;
    int rc = tilt_rule(&T, theta, x, at, K0, eK0, h, nodes_max, &sum, &rnd, &trunc);
    if (rc != SATSTAT_OK)
        return rc;
    double v = exp(lead) * (h / M_PI) * sum;
    if (!isfinite(v))
        return SATSTAT_EINVAL;
    double rel = (trunc + rnd) / sum +
                 16.0 * DBL_EPSILON * (fabs(K0) + fabs(theta * x) + 1.0) + eK0;
    *value = v;
    *abserr = rel * v + alias + (v < DBL_MIN ? DBL_MIN : 0.0);
    return SATSTAT_OK;
}
