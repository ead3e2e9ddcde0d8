/* deep_meanfield.c — the mean-field theory of signal propagation in deep
 * random networks: the length map, its fixed point q* and χ₁, the
 * per-layer predictions beside which the networks are sampled, and the
 * phase diagram over (σ_w²·fan_in, σ_b²).
 *
 * Poole et al. (2016), "Exponential expressivity in deep neural networks
 * through transient chaos", eq. (3) (the length map) and eq. (7) (χ₁);
 * Schoenholz et al. (2017), "Deep Information Propagation", eqs. (2)–(5)
 * and (12) (gradients scale as χ₁ per layer in squared norm).
 */
#include <satstat/deep.h>

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include <satstat/analytic.h>
#include <satstat/error.h>

#include "studies/deep-int.h"
#include "base/gsl-int.h"

/* ======================================================================
 * Mean field
 * ====================================================================== */

/* E[g(z)] for z ~ N(mu, v), v ≥ 0.  At v = 0 it is the limit v → 0⁺, not
 * g(mu): the normal of vanishing width puts half its mass on either side
 * of mu, so E g → (g(mu⁻) + g(mu⁺))/2, the mean of the one-sided limits.
 * Where g is continuous at mu that is g(mu); at a kink of φ it is not —
 * relu' at 0 is 0 on the left and 1 on the right, so χ₁ at q* = 0 is
 * σ_w²W/2 (satstat's relu' takes the left value, 0, at the kink itself).
 * The one-sided limits are g at mu ∓ h with h = 1e-12·|mu| (1e-300 at
 * mu = 0): beyond every kink of the table's activations (all at 0) and
 * close enough that the error of a smooth g, O(h²) for the symmetric
 * pair, and of a one-sided one (selu's λα·e^z), O(h), are far below the
 * quadrature's 1e-10. */
static int expect_limit(double (*g)(double, void *), void *ctx, double mu, double v,
                        double *out)
{
    if (!(v >= 0) || !isfinite(v) || !isfinite(mu))
        return SATSTAT_ENUMERIC;
    if (v > 0)
        return satstat_normal_expectation(g, ctx, mu, sqrt(v), out);
    double h = mu != 0 ? 1e-12 * fabs(mu) : 1e-300;
    *out = 0.5 * (g(mu - h, ctx) + g(mu + h, ctx));
    return isfinite(*out) ? SATSTAT_OK : SATSTAT_ENUMERIC;
}

/* f(z) or f(z)² (power 1 or 2), for expect_limit. */
typedef struct fpow_ctx {
    double (*f)(double);
    int power;
} fpow_ctx;

static double f_pow(double z, void *ctx)
{
    const fpow_ctx *c = ctx;
    double v = c->f(z);
    return c->power == 1 ? v : v * v;
}

static int expect_sq(double (*f)(double), double mu, double v, double *out)
{
    fpow_ctx c = {f, 2};
    return expect_limit(f_pow, &c, mu, v, out);
}

int satstat_deep_length_map(const satstat_activation *act, double sw2_fan_in, double mu_b,
                            double sigma_b2, double v, double *out)
{
    if (!act || !out || !(sw2_fan_in >= 0) || !isfinite(sw2_fan_in) || !isfinite(mu_b)
        || !(sigma_b2 >= 0) || !isfinite(sigma_b2) || !(v >= 0) || !isfinite(v))
        return SATSTAT_EINVAL;
    satstat__gsl_quiet();
    double e;
    int rc = expect_sq(act->phi, mu_b, v, &e);
    if (rc != SATSTAT_OK)
        return rc;
    *out = sw2_fan_in * e + sigma_b2;
    return isfinite(*out) ? SATSTAT_OK : SATSTAT_ENUMERIC;
}

int satstat_deep_chi(const satstat_activation *act, double sw2_fan_in, double mu_b, double v,
                     double *out)
{
    if (!act || !out || !(sw2_fan_in >= 0) || !isfinite(sw2_fan_in) || !isfinite(mu_b)
        || !(v >= 0) || !isfinite(v))
        return SATSTAT_EINVAL;
    satstat__gsl_quiet();
    double e;
    int rc = expect_sq(act->dphi, mu_b, v, &e);
    if (rc != SATSTAT_OK)
        return rc;
    *out = sw2_fan_in * e;
    return isfinite(*out) ? SATSTAT_OK : SATSTAT_ENUMERIC;
}

satstat_deep_regime satstat_deep_regime_of(double chi1)
{
    if (chi1 < 1.0 - SATSTAT_DEEP_CRITICAL_TOL)
        return SATSTAT_DEEP_ORDERED;
    if (chi1 > 1.0 + SATSTAT_DEEP_CRITICAL_TOL)
        return SATSTAT_DEEP_CHAOTIC;
    return SATSTAT_DEEP_CRITICAL;
}

const char *satstat_deep_regime_name(satstat_deep_regime regime)
{
    switch (regime) {
    case SATSTAT_DEEP_ORDERED:
        return "ordered";
    case SATSTAT_DEEP_CRITICAL:
        return "critical";
    case SATSTAT_DEEP_CHAOTIC:
        return "chaotic";
    }
    return "?";
}

/* Iterations of the map before bracketing; a bound beyond which the map
 * is taken to be unbounded (relative to the start). */
#define FP_ITERATIONS 24
#define FP_UNBOUNDED 1e30
#define FP_RELTOL 1e-12
#define FP_BRENT_MAX 200

typedef struct fp_ctx {
    const satstat_activation *act;
    double a, mu, sb2;
    int err;
    unsigned evals;
} fp_ctx;

/* F(v) = map(v) − v */
static double fp_F(double v, void *ctx)
{
    fp_ctx *c = ctx;
    double m;
    c->evals++;
    int rc = satstat_deep_length_map(c->act, c->a, c->mu, c->sb2, v, &m);
    if (rc != SATSTAT_OK) {
        if (!c->err)
            c->err = rc;
        return NAN;
    }
    return m - v;
}

static int unbounded(fp_ctx *c, double v, satstat_deep_fixed_point *out)
{
    out->finite = 0;
    out->q = NAN;
    int rc = satstat_deep_chi(c->act, c->a, c->mu, v, &out->chi1);
    if (rc != SATSTAT_OK)
        return rc;
    out->regime = satstat_deep_regime_of(out->chi1);
    out->iterations = c->evals;
    return SATSTAT_OK;
}

int satstat_deep_solve_fixed_point(const satstat_activation *act, double sw2_fan_in,
                                   double mu_b, double sigma_b2, double v_start,
                                   satstat_deep_fixed_point *out)
{
    if (!act || !out || !(v_start >= 0) || !isfinite(v_start) || !(sw2_fan_in >= 0)
        || !isfinite(sw2_fan_in) || !(sigma_b2 >= 0) || !isfinite(sigma_b2)
        || !isfinite(mu_b))
        return SATSTAT_EINVAL;
    satstat__gsl_quiet();
    fp_ctx c = {act, sw2_fan_in, mu_b, sigma_b2, 0, 0};
    double scale = fmax(1.0, v_start);
    double limit = FP_UNBOUNDED * scale;

    /* 1. Iterate the map: for a monotone map the iterates move, without
     * overshooting, towards the fixed point a deep network reaches. */
    double v = v_start, F = fp_F(v, &c);
    for (int k = 0; k < FP_ITERATIONS && !c.err; k++) {
        if (fabs(F) <= FP_RELTOL * fmax(v, 1e-300) || F == 0)
            break;
        v += F;
        if (v > limit)
            return c.err ? c.err : unbounded(&c, v, out);
        if (v < 0)
            v = 0;
        F = fp_F(v, &c);
    }
    if (c.err)
        return c.err;
    double q;
    if (fabs(F) <= FP_RELTOL * fmax(v, 1e-300) || F == 0) {
        q = v;
    } else {
        /* 2. Bracket the root on the side the iterates were moving to. */
        double lo, hi;
        if (F > 0) {
            lo = v;
            hi = fmax(2 * v, v + 1);
            double Fh;
            while ((Fh = fp_F(hi, &c)) > 0) {
                if (c.err)
                    return c.err;
                lo = hi;
                hi *= 4;
                if (hi > limit)
                    return unbounded(&c, hi, out);
            }
            if (c.err)
                return c.err;
        } else {
            hi = v;
            lo = v / 4;
            int steps = 0;
            while (fp_F(lo, &c) < 0) {
                if (c.err)
                    return c.err;
                hi = lo;
                lo /= 4;
                if (++steps > 40) {
                    lo = 0; /* F(0) = σ_w²W·φ(μ_b)² + σ_b² ≥ 0 */
                    break;
                }
            }
            if (c.err)
                return c.err;
        }
        /* 3. Brent's method on the bracket. */
        gsl_function fn = {fp_F, &c};
        gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
        if (!s)
            return SATSTAT_ENOMEM;
        if (gsl_root_fsolver_set(s, &fn, lo, hi) != GSL_SUCCESS) {
            gsl_root_fsolver_free(s);
            return c.err ? c.err : SATSTAT_ENUMERIC;
        }
        int status = GSL_CONTINUE;
        for (int it = 0; it < FP_BRENT_MAX && status == GSL_CONTINUE; it++) {
            if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS || c.err)
                break;
            status = gsl_root_test_interval(gsl_root_fsolver_x_lower(s),
                                            gsl_root_fsolver_x_upper(s),
                                            1e-300 + 1e-15 * scale, FP_RELTOL);
        }
        q = gsl_root_fsolver_root(s);
        gsl_root_fsolver_free(s);
        if (c.err)
            return c.err;
        if (status != GSL_SUCCESS)
            return SATSTAT_ENUMERIC;
    }
    out->finite = 1;
    out->q = q;
    int rc = satstat_deep_chi(act, sw2_fan_in, mu_b, q, &out->chi1);
    if (rc != SATSTAT_OK)
        return rc;
    out->regime = satstat_deep_regime_of(out->chi1);
    out->iterations = c.evals;
    return SATSTAT_OK;
}

/* ======================================================================
 * The predictions per layer
 * ====================================================================== */

/* Histogram ranges for layer l from the mean field: z over μ ± 5 sd, φ(z)
 * over the values φ takes there. */
static void hist_ranges(const satstat_activation *act, satstat_deep_layer *ly)
{
    double sd = ly->mf_variance > 0 && isfinite(ly->mf_variance) ? sqrt(ly->mf_variance) : 0;
    double mu = isfinite(ly->mf_mean) ? ly->mf_mean : 0;
    if (!(sd > 0) || !isfinite(sd))
        sd = 1;
    ly->z_lo = mu - 5 * sd;
    ly->z_hi = mu + 5 * sd;
    double lo = INFINITY, hi = -INFINITY;
    for (int k = 0; k <= 400; k++) {
        double v = act->phi(ly->z_lo + (ly->z_hi - ly->z_lo) * k / 400.0);
        if (isfinite(v)) {
            lo = fmin(lo, v);
            hi = fmax(hi, v);
        }
    }
    if (!(hi > lo)) {
        lo = isfinite(lo) ? lo - 0.5 : -0.5;
        hi = lo + 1;
    }
    ly->a_lo = lo;
    ly->a_hi = hi;
}

int satstat__deep_mean_field(const satstat_config *c, const satstat_deep_options *o,
                             const plan *p, scheme_result *sr)
{
    const satstat_activation *act = c->activation;
    size_t L = (size_t)o->layers;
    double mu_b = satstat_law_mean(&c->bias.law), sb2 = satstat_law_variance(&c->bias.law);
    double sw1 = satstat_law_variance(&p->law1);
    double swW = satstat_law_variance(&p->lawW) * (double)o->width;
    sr->sigma_w2_layer1 = sw1;
    sr->sw2_fan_in = swW;
    double sumsq = o->input == SATSTAT_DEEP_INPUT_NORMAL
                       ? (double)c->n_in
                       : satstat_inputs_sum_sq(&c->inputs, c->n_in);
    double v = sw1 * sumsq + sb2;
    for (size_t l = 1; l <= L; l++) {
        satstat_deep_layer *ly = &sr->layers[l - 1];
        ly->layer = l;
        ly->fan_in = l == 1 ? c->n_in : o->width;
        ly->weight_variance = satstat_law_variance(l == 1 ? &p->law1 : &p->lawW);
        if (l > 1 && isfinite(v)) {
            double nv;
            if (satstat_deep_length_map(act, swW, mu_b, sb2, v, &nv) != SATSTAT_OK)
                nv = NAN;
            v = nv;
        }
        ly->mf_mean = mu_b;
        ly->mf_variance = v;
        ly->mf_saturated_fraction = ly->mf_dphi = ly->mf_dphi_sq = NAN;
        if (isfinite(v)) {
            double sd = sqrt(v);
            ly->mf_saturated_fraction = satstat_normal_region_fraction(mu_b, sd, &p->region);
            fpow_ctx d1 = {act->dphi, 1}, d2 = {act->dphi, 2};
            if (expect_limit(f_pow, &d1, mu_b, v, &ly->mf_dphi) != SATSTAT_OK)
                ly->mf_dphi = NAN;
            if (expect_limit(f_pow, &d2, mu_b, v, &ly->mf_dphi_sq) != SATSTAT_OK)
                ly->mf_dphi_sq = NAN;
        }
        hist_ranges(act, ly);
    }
    /* the pair: c¹ = (σ_w1²·C0·Σx² + σ_b²)/(σ_w1²·Σx² + σ_b²) (x₁·x₂ =
     * C0‖x₁‖², the same bias), then the c-map at each layer's qˡ; once
     * it has settled to rounding it stays */
    for (size_t l = 1; l <= L; l++)
        sr->layers[l - 1].mf_correlation = NAN;
    if (o->pair) {
        double den = sw1 * sumsq + sb2;
        double cl = den > 0 ? (sw1 * o->pair_correlation * sumsq + sb2) / den : 1.0;
        sr->layers[0].mf_correlation = cl;
        for (size_t l = 2; l <= L; l++) {
            double ql = sr->layers[l - 2].mf_variance, cn = NAN;
            if (isfinite(ql) && isfinite(cl)
                && satstat_deep_correlation_map(act, swW, mu_b, sb2, ql, cl, NULL, &cn)
                       != SATSTAT_OK)
                cn = NAN;
            sr->layers[l - 1].mf_correlation = cn;
            if (fabs(cn - cl) <= 1e-15 && l > 2
                && fabs(ql - sr->layers[l - 1].mf_variance) <= 1e-15 * ql) {
                for (size_t k = l + 1; k <= L; k++)
                    sr->layers[k - 1].mf_correlation = cn;
                break;
            }
            cl = cn;
        }
    }
    /* E‖δᴸ‖² = E φ'(zᴸ)² (g a unit vector); E‖δˡ‖² = σ_w²W·E φ'(zˡ)²·E‖δˡ⁺¹‖²
     * (Schoenholz et al. 2017, eq. 12, with the gradient-independence
     * assumption). */
    double n2 = sr->layers[L - 1].mf_dphi_sq;
    sr->layers[L - 1].mf_gradient_ratio = NAN;
    sr->layers[L - 1].mf_gradient_norm = sqrt(n2);
    for (size_t l = L - 1; l >= 1; l--) {
        satstat_deep_layer *ly = &sr->layers[l - 1];
        double chi = swW * ly->mf_dphi_sq;
        ly->mf_gradient_ratio = sqrt(chi);
        n2 *= chi;
        ly->mf_gradient_norm = sqrt(n2);
    }
    return SATSTAT_OK;
}

/* The fixed point of layers 2..L, reached from layer 1, and the depth
 * scales there. */
static int solve_depth(const satstat_config *c, scheme_result *sr)
{
    const satstat_activation *act = c->activation;
    double mu_b = satstat_law_mean(&c->bias.law), sb2 = satstat_law_variance(&c->bias.law);
    double start = sr->layers[0].mf_variance;
    if (!isfinite(start))
        start = 1;
    int rc = satstat_deep_solve_fixed_point(act, sr->sw2_fan_in, mu_b, sb2, start, &sr->fp);
    if (rc == SATSTAT_OK)
        rc = satstat_deep_depth_scales(act, sr->sw2_fan_in, mu_b, sb2, &sr->fp, &sr->depth);
    return rc;
}

static void *depth_thread(void *arg)
{
    satstat__deep_depth *d = arg;
    d->rc = solve_depth(d->c, d->sr);
    return NULL;
}

void satstat__deep_depth_start(satstat__deep_depth *d, const satstat_config *c,
                               scheme_result *sr, int own_thread)
{
    d->c = c;
    d->sr = sr;
    d->rc = SATSTAT_OK;
    d->threaded = own_thread && pthread_create(&d->thread, NULL, depth_thread, d) == 0;
    if (!d->threaded)
        d->rc = solve_depth(c, sr);
}

int satstat__deep_depth_wait(satstat__deep_depth *d)
{
    if (d->threaded) {
        pthread_join(d->thread, NULL);
        d->threaded = 0;
    }
    return d->rc;
}

/* ======================================================================
 * The phase diagram
 * ====================================================================== */

typedef struct phase_job {
    satstat_deep_phase *ph;
    const satstat_activation *act;
    double mu;
    atomic_size_t next;
    atomic_size_t done; /* grid points solved                           */
    atomic_int err;
    atomic_int cancel;  /* the progress callback asked to stop          */
    satstat_progress_fn progress;
    void *progress_ctx;
} phase_job;

/* χ₁(x) − 1 at σ_b² = sb2, x = σ_w²·fan_in, for Brent; the fixed point
 * from the grid's start (v = 1). */
typedef struct edge_ctx {
    const satstat_activation *act;
    double mu, sb2;
    int err;
    phase_job *job;   /* its cancel flag, polled on every evaluation      */
    int reporter;     /* this thread asks the progress callback           */
} edge_ctx;

/* A cancel is seen within one fixed-point solve here too: the Brent
 * search of a row costs up to EDGE_BRENT_MAX solves. */
static int edge_cancelled(edge_ctx *e)
{
    phase_job *j = e->job;
    if (e->reporter && j->progress
        && j->progress(j->progress_ctx, atomic_load(&j->done), j->ph->nx * j->ph->ny) != 0)
        atomic_store(&j->cancel, 1);
    return atomic_load(&j->cancel);
}

static double edge_F(double x, void *arg)
{
    edge_ctx *e = arg;
    if (edge_cancelled(e)) {
        e->err = SATSTAT_ECANCELED;
        return NAN;
    }
    satstat_deep_fixed_point fp;
    int rc = satstat_deep_solve_fixed_point(e->act, x, e->mu, e->sb2, 1.0, &fp);
    if (rc != SATSTAT_OK) {
        e->err = rc;
        return NAN;
    }
    return fp.chi1 - 1.0;
}

#define EDGE_RELTOL 1e-10
#define EDGE_BRENT_MAX 200

/* The χ₁ = 1 crossing of row `row` (NaN when none, or when the solver
 * fails inside the cell). */
static double phase_edge(phase_job *j, size_t row, int reporter)
{
    const satstat_deep_phase *ph = j->ph;
    const double *chi = ph->chi1 + row * ph->nx;
    size_t i = 0;
    while (i + 1 < ph->nx
           && !(isfinite(chi[i]) && isfinite(chi[i + 1]) && (chi[i] - 1) * (chi[i + 1] - 1) <= 0
                && chi[i] != chi[i + 1]))
        i++;
    if (i + 1 >= ph->nx)
        return NAN;
    if (chi[i] == 1.0)
        return ph->x[i];
    if (chi[i + 1] == 1.0)
        return ph->x[i + 1];
    edge_ctx e = {j->act, j->mu, ph->y[row], 0, j, reporter};
    gsl_function fn = {edge_F, &e};
    gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    if (!s)
        return NAN;
    double root = NAN;
    if (gsl_root_fsolver_set(s, &fn, ph->x[i], ph->x[i + 1]) == GSL_SUCCESS && !e.err) {
        int status = GSL_CONTINUE;
        for (int it = 0; it < EDGE_BRENT_MAX && status == GSL_CONTINUE; it++) {
            if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS || e.err)
                break;
            status = gsl_root_test_interval(gsl_root_fsolver_x_lower(s),
                                            gsl_root_fsolver_x_upper(s), 0.0, EDGE_RELTOL);
        }
        if (status == GSL_SUCCESS && !e.err)
            root = gsl_root_fsolver_root(s);
    }
    gsl_root_fsolver_free(s);
    return root;
}

/* Solve rows until none is left or the run is cancelled.  The calling
 * thread (reporter) asks the progress callback after every point, so a
 * cancel is seen within one fixed-point solve (about half a millisecond),
 * not after the whole grid. */
static void phase_rows(phase_job *j, int reporter)
{
    satstat_deep_phase *ph = j->ph;
    size_t total = ph->nx * ph->ny;
    for (;;) {
        size_t row = atomic_fetch_add(&j->next, 1);
        if (row >= ph->ny || atomic_load(&j->err) || atomic_load(&j->cancel))
            break;
        for (size_t i = 0; i < ph->nx; i++) {
            if (atomic_load(&j->cancel))
                return;
            satstat_deep_fixed_point fp;
            int rc = satstat_deep_solve_fixed_point(j->act, ph->x[i], j->mu, ph->y[row], 1.0,
                                                    &fp);
            satstat_deep_depth d;
            if (rc == SATSTAT_OK)
                rc = satstat__deep_depth_scales(j->act, ph->x[i], j->mu, ph->y[row], &fp, 1,
                                                &d);
            if (rc != SATSTAT_OK) {
                ph->chi1[row * ph->nx + i] = NAN;
                ph->q[row * ph->nx + i] = NAN;
                ph->xi_c[row * ph->nx + i] = NAN;
            } else {
                ph->chi1[row * ph->nx + i] = fp.chi1;
                ph->q[row * ph->nx + i] = fp.finite ? fp.q : NAN;
                ph->xi_c[row * ph->nx + i] = d.xi_c;
            }
            size_t done = atomic_fetch_add(&j->done, 1) + 1;
            if (reporter && j->progress && j->progress(j->progress_ctx, done, total) != 0)
                atomic_store(&j->cancel, 1);
        }
        ph->critical[row] = phase_edge(j, row, reporter);
    }
}

static void *phase_work(void *arg)
{
    phase_rows(arg, 0);
    return NULL;
}

void satstat_deep_phase_free(satstat_deep_phase *p)
{
    if (!p)
        return;
    free(p->x);
    free(p->y);
    free(p->chi1);
    free(p->q);
    free(p->critical);
    free(p->xi_c);
    free(p);
}

int satstat_deep_phase_compute(const satstat_activation *act, double mu_b, size_t nx,
                               double x_lo, double x_hi, size_t ny, double y_lo, double y_hi,
                               unsigned threads, satstat_progress_fn progress,
                               void *progress_ctx, satstat_deep_phase **out)
{
    if (!act || !out || nx < 2 || ny < 2 || nx > 10000 || ny > 10000 || !(x_lo > 0)
        || !(x_hi > x_lo) || !isfinite(x_hi) || !(y_lo >= 0) || !(y_hi > y_lo)
        || !isfinite(y_hi) || !isfinite(mu_b))
        return SATSTAT_EINVAL;
    *out = NULL;
    satstat__gsl_quiet();
    satstat_deep_phase *ph = calloc(1, sizeof *ph);
    if (!ph)
        return SATSTAT_ENOMEM;
    ph->nx = nx;
    ph->ny = ny;
    ph->x_lo = x_lo;
    ph->x_hi = x_hi;
    ph->y_lo = y_lo;
    ph->y_hi = y_hi;
    ph->x = malloc(nx * sizeof(double));
    ph->y = malloc(ny * sizeof(double));
    ph->chi1 = malloc(nx * ny * sizeof(double));
    ph->q = malloc(nx * ny * sizeof(double));
    ph->critical = malloc(ny * sizeof(double));
    ph->xi_c = malloc(nx * ny * sizeof(double));
    if (!ph->x || !ph->y || !ph->chi1 || !ph->q || !ph->critical || !ph->xi_c) {
        satstat_deep_phase_free(ph);
        return SATSTAT_ENOMEM;
    }
    for (size_t i = 0; i < nx; i++)
        ph->x[i] = exp(log(x_lo) + (log(x_hi) - log(x_lo)) * (double)i / (double)(nx - 1));
    for (size_t k = 0; k < ny; k++)
        ph->y[k] = y_lo + (y_hi - y_lo) * (double)k / (double)(ny - 1);
    phase_job j;
    j.ph = ph;
    j.act = act;
    j.mu = mu_b;
    atomic_init(&j.next, 0);
    atomic_init(&j.done, 0);
    atomic_init(&j.err, 0);
    atomic_init(&j.cancel, 0);
    j.progress = progress;
    j.progress_ctx = progress_ctx;
    unsigned t = threads ? threads : satstat__deep_online_cores();
    if (t > ny)
        t = (unsigned)ny;
    if (t > 64)
        t = 64;
    pthread_t tid[64];
    unsigned started = 0;
    for (unsigned k = 1; k < t; k++) {
        if (pthread_create(&tid[started], NULL, phase_work, &j) != 0)
            break;
        started++;
    }
    phase_rows(&j, 1);
    for (unsigned k = 0; k < started; k++)
        pthread_join(tid[k], NULL);
    if (atomic_load(&j.cancel)) {
        satstat_deep_phase_free(ph);
        return SATSTAT_ECANCELED;
    }
    if (atomic_load(&j.err)) {
        satstat_deep_phase_free(ph);
        return SATSTAT_ENUMERIC;
    }
    *out = ph;
    return SATSTAT_OK;
}
