/* deep_sample.c — the networks of one scheme run on worker threads and
 * reduced into intervals.
 *
 * A network is the unit of work and of independence.  Worker threads take
 * whole networks (an atomic counter hands them out) and write each
 * network's per-layer statistics into its own slot; the slots are reduced
 * in network order afterwards, and the histograms are integer counts, so
 * the result does not depend on the thread count.
 */
#include <satstat/deep.h>

#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_cdf.h>

#include <satstat/build.h>
#include <satstat/error.h>

#include "base/partition-int.h"
#include "studies/deep-int.h"

typedef struct pool {
    const plan *p;
    worker *workers;
    netstat *stats;      /* R × L */
    double *sv, *jm;     /* options->jacobian: R × n_sv, R × 3 */
    size_t n_sv;
    uint64_t R, total, base;
    uint64_t first, end; /* this process's networks (satstat/partition.h) */
    atomic_uint_fast64_t next, done;
    atomic_int cancel, err;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    unsigned running;
} pool;

typedef struct wargs {
    pool *pl;
    worker *w;
} wargs;

static void *work(void *arg)
{
    wargs *a = arg;
    pool *pl = a->pl;
    satstat_blas_single_thread();
    for (;;) {
        if (atomic_load(&pl->cancel) || atomic_load(&pl->err))
            break;
        uint64_t r = pl->first + atomic_fetch_add(&pl->next, 1);
        if (r >= pl->end)
            break;
        int rc = satstat__deep_run_network(a->w, r, pl->stats + r * pl->p->o->layers, NULL,
                                           pl->sv ? pl->sv + r * pl->n_sv : NULL,
                                           pl->jm ? pl->jm + 3 * r : NULL);
        if (rc != SATSTAT_OK) {
            int zero = 0;
            atomic_compare_exchange_strong(&pl->err, &zero, rc);
            break;
        }
        atomic_fetch_add(&pl->done, 1);
    }
    pthread_mutex_lock(&pl->lock);
    pl->running--;
    pthread_cond_signal(&pl->cond);
    pthread_mutex_unlock(&pl->lock);
    return NULL;
}

/* Intervals across networks: a network is the unit of independence (its
 * units share the layer below, so they are not), and each per-network
 * value is one observation.  Student t for quantities of either sign. */
static void estimate(const satstat_moments *m, double alpha, satstat_deep_estimate *e)
{
    e->value = m->n ? m->mean : NAN;
    e->lo = e->hi = NAN;
    satstat_interval ci;
    if (m->n >= 2 && satstat_mean_interval(m, alpha, &ci) == SATSTAT_OK) {
        e->lo = ci.lo;
        e->hi = ci.hi;
    }
}

/* A correlation: the t interval of estimate() within [−1, 1].  The mean
 * correlation over networks lies there, so the cut keeps the interval's
 * coverage; near c = 1 (two inputs 0.99 apart, layer 1) the t interval's
 * upper end passed 1 (figure review 12). */
static void estimate_correlation(const satstat_moments *m, double alpha, satstat_deep_estimate *e)
{
    estimate(m, alpha, e);
    if (isfinite(e->lo))
        e->lo = fmax(e->lo, -1.0);
    if (isfinite(e->hi))
        e->hi = fmin(e->hi, 1.0);
}

/* A positive quantity (a variance, a norm): the mean over networks, and
 * an interval for it on the log scale, which stays above 0 — the
 * modified Cox interval for the mean of a log-normal sample (Armstrong
 * 1992; Olsson 2005, J. Stat. Educ. 13(1)): with y = ln x, mean ȳ and
 * variance s² over the R networks, E x = exp(μ_y + σ_y²/2) and
 *     exp(ȳ + s²/2 ± t_{1−α/2, R−1}·√(s²/R + s⁴/(2(R − 1)))).
 * A Student t interval on x itself leaves (0, ∞) at R = 5 when the
 * networks spread widely; this one keeps its coverage there
 * (tests/test_deep.c, test_interval_coverage).  A network whose value is
 * 0 (every unit dead) has no logarithm: then the t interval, its lower
 * end clipped at 0, the value observed. */
static void estimate_positive(const satstat_moments *m, const satstat_moments *logs,
                              double alpha, satstat_deep_estimate *e)
{
    estimate(m, alpha, e);
    if (m->n < 2 || logs->n != m->n) {
        if (isfinite(e->lo))
            e->lo = fmax(e->lo, 0.0);
        return;
    }
    double R = (double)logs->n, s2 = satstat_moments_variance(logs);
    double tq = gsl_cdf_tdist_Qinv(alpha / 2, R - 1);
    double centre = logs->mean + s2 / 2, half = tq * sqrt(s2 / R + s2 * s2 / (2 * (R - 1)));
    if (!isfinite(centre) || !isfinite(half))
        return;
    e->lo = exp(centre - half);
    e->hi = exp(centre + half);
}

/* A fraction of units (the saturated fraction): the mean over networks
 * of p_r = k_r/W, and the Korn–Graubard interval (Korn & Graubard 1998,
 * Survey Methodology 24, 193–201; R's survey::svyciprop, method "beta"),
 * a Clopper–Pearson interval on the effective number of units
 *     n* = p̂(1 − p̂)/v,  v = s²/R the variance of p̂ across networks,
 * shrunk by (t_{1−α/2, RW−1}/t_{1−α/2, R−1})² for the R − 1 degrees of
 * freedom v rests on.  It stays in [0, 1], also where k_r is 0 in most
 * networks (where the t interval left it), and it takes the correlation
 * of units within a network (they share the layer below, so they are not
 * the honest sample) from the spread across networks instead of assuming
 * it away.  At R = 5 it is conservative (the t-quantile shrinkage; 0.5
 * to 2 % misses at nominal 10 % in test_interval_coverage).  n* is at
 * most R·W, the units themselves: when the networks do not vary (v = 0,
 * e.g. p̂ = 0) the clustering cannot be estimated and the units are
 * taken as independent. */
/* The t with P(B ≤ t) = p (upper = 0) or P(B ≥ t) = p (upper = 1), B ~
 * Beta(a, b), by bisection on GSL's beta CDF, which is monotone in t.
 * GSL's own inverse (gsl_cdf_beta_Pinv/Qinv) returns NaN once a + b
 * reaches about 2e4 — every default deep run's saturated fraction, R·W =
 * 2e4 effective units, came out without an interval — and hangs near 1e7
 * (src/stats/stats.c says the same of its binomial use). 200 halvings of [0, 1]
 * reach 6e-61, below any end that matters. */
static double beta_quantile(double p, double a, double b, int upper)
{
    double lo = 0.0, hi = 1.0;
    for (int k = 0; k < 200; k++) {
        double mid = lo + (hi - lo) / 2;
        double f = upper ? gsl_cdf_beta_Q(mid, a, b) : gsl_cdf_beta_P(mid, a, b);
        if (!isfinite(f))
            return NAN;
        /* P rises with t, Q falls */
        if (upper ? f > p : f < p)
            lo = mid;
        else
            hi = mid;
    }
    return lo + (hi - lo) / 2;
}

static void estimate_fraction(const satstat_moments *m, uint64_t width, double alpha,
                              satstat_deep_estimate *e)
{
    e->value = m->n ? m->mean : NAN;
    e->lo = e->hi = NAN;
    if (m->n < 2)
        return;
    double R = (double)m->n, units = R * (double)width;
    double p = fmin(fmax(m->mean, 0.0), 1.0), v = satstat_moments_variance(m) / R;
    double n_eff = v > 0 ? p * (1 - p) / v : units;
    if (!(n_eff <= units))
        n_eff = units;
    double ratio = gsl_cdf_tdist_Qinv(alpha / 2, units - 1) / gsl_cdf_tdist_Qinv(alpha / 2, R - 1);
    n_eff *= ratio * ratio;
    double x = n_eff * p;
    e->lo = x > 0 ? beta_quantile(alpha / 2, x, n_eff - x + 1, 0) : 0.0;
    e->hi = n_eff - x > 0 ? beta_quantile(alpha / 2, x + 1, n_eff - x, 1) : 1.0;
    if (!isfinite(e->lo) || !isfinite(e->hi))
        e->lo = e->hi = NAN;
}

/* ξ_c from the sampled correlations (satstat_deep_report_depth): per
 * network the least-squares slope of ln|cˡ − c*| against l over the
 * layers the mean field says are above the noise, then across networks. */
static void xi_c_from_samples(scheme_result *sr, const netstat *stats, uint64_t R, size_t L,
                              double W, double alpha)
{
    double cs = sr->depth.c_star;
    if (!isfinite(cs))
        return;
    size_t used = 0;
    for (size_t l = 1; l <= L; l++) {
        double cm = sr->layers[l - 1].mf_correlation, gap = fabs(cm - cs);
        double noise = 4 * ((1 - cm * cm) / sqrt(W) + 1 / W);
        if (!(gap > noise && gap > 1e-9))
            break;
        used = l;
    }
    if (used < 2)
        return;
    double *c = malloc(used * sizeof(double));
    if (!c)
        return;
    satstat_moments rates;
    satstat_moments_init(&rates);
    for (uint64_t r = 0; r < R; r++) {
        for (size_t l = 0; l < used; l++)
            c[l] = stats[r * L + l].corr;
        double rate = satstat__decay_rate(c, used, cs);
        if (isfinite(rate))
            satstat_moments_push(&rates, rate);
    }
    /* the same fit to the mean-field cˡ: what the sampled fit estimates
     * (ξ_c itself is the asymptotic rate, reached only near c*) */
    for (size_t l = 0; l < used; l++)
        c[l] = sr->layers[l].mf_correlation;
    double mrate = satstat__decay_rate(c, used, cs);
    free(c);
    sr->xi_c_fit = mrate > 0 ? 1 / mrate : NAN;
    satstat_deep_estimate lam;
    estimate(&rates, alpha, &lam);
    sr->xi_c_sampled.value = lam.value > 0 ? 1 / lam.value : NAN;
    sr->xi_c_sampled.lo = lam.hi > 0 ? 1 / lam.hi : NAN;
    sr->xi_c_sampled.hi = lam.lo > 0 ? 1 / lam.lo : INFINITY;
    if (!isfinite(lam.lo))
        sr->xi_c_sampled.hi = NAN;
    sr->xi_c_layers = used;
}

/* The Jacobian's spectrum across networks, in network order, and its
 * theory (deep_jacobian.c). */
static int jacobian_reduce(const satstat_config *c, const satstat_deep_options *o,
                           const plan *p, scheme_result *sr, const double *sv, const double *jm,
                           size_t n_sv)
{
    size_t L = (size_t)o->layers;
    uint64_t R = o->networks;
    satstat_deep_jacobian *jr = &sr->jacobian;
    memset(jr, 0, sizeof *jr);
    /* m_k > 0, and across networks it is closer to log-normal than to
     * normal: a product of L random layers, whose log is a sum of L
     * terms (its spread grows with L, and with k), so that at a few
     * networks the Student t interval reached below 0.  The interval is
     * estimate_positive's: on the log scale, around the mean over
     * networks, never below 0. */
    for (int k = 0; k < 3; k++) {
        satstat_moments m, logs;
        satstat_moments_init(&m);
        satstat_moments_init(&logs);
        for (uint64_t r = 0; r < R; r++) {
            double x = jm[3 * r + (size_t)k];
            satstat_moments_push(&m, x);
            if (x > 0 && isfinite(x))
                satstat_moments_push(&logs, log(x));
        }
        estimate_positive(&m, &logs, c->alpha, &jr->m[k]);
    }
    jr->sv_min = INFINITY;
    jr->sv_max = 0;
    for (size_t i = 0; i < (size_t)R * n_sv; i++) {
        jr->sv_min = fmin(jr->sv_min, sv[i]);
        jr->sv_max = fmax(jr->sv_max, sv[i]);
    }
    size_t big = o->width > c->n_in ? (size_t)o->width : (size_t)c->n_in;
    jr->sv_resolution = DBL_EPSILON * (double)big * jr->sv_max;
    for (size_t i = 0; i < (size_t)R * n_sv; i++) {
        size_t k = jr->sv_max > 0 ? (size_t)(sv[i] / jr->sv_max * SATSTAT_DEEP_HIST_BINS) : 0;
        jr->hist[k < SATSTAT_DEEP_HIST_BINS ? k : SATSTAT_DEEP_HIST_BINS - 1]++;
    }
    double *sw = malloc(2 * L * sizeof(double));
    if (!sw)
        return SATSTAT_ENOMEM;
    for (size_t l = 0; l < L; l++) {
        sw[l] = sr->layers[l].weight_variance * (double)o->width;
        sw[L + l] = sr->layers[l].mf_variance;
    }
    satstat__jacobian_theory_out th;
    int rc = satstat__jacobian_theory(c->activation, satstat_law_mean(&c->bias.law), L, sw,
                                      sw + L, p->scheme->kind == SATSTAT_SCHEME_ORTHOGONAL,
                                      c->n_in == o->width, &th);
    free(sw);
    jr->theory_m1 = th.m1;
    jr->theory_m2 = th.m2;
    jr->fuss_catalan_m2 = th.fuss_catalan_m2;
    jr->fuss_catalan_m3 = th.fuss_catalan_m3;
    return rc;
}

/* Start the workers and wait for them, the calling thread asking the
 * progress callback every 0.1 s; the first error, or a cancel. */
static int run_pool(pool *pl, wargs *args, pthread_t *tid, unsigned threads,
                    satstat_progress_fn progress, void *progress_ctx)
{
    int rc = SATSTAT_OK;
    pthread_mutex_init(&pl->lock, NULL);
    pthread_cond_init(&pl->cond, NULL);
    unsigned started = 0;
    for (unsigned t = 0; t < threads; t++) {
        args[t].pl = pl;
        args[t].w = &pl->workers[t];
        pthread_mutex_lock(&pl->lock);
        pl->running++;
        pthread_mutex_unlock(&pl->lock);
        if (pthread_create(&tid[t], NULL, work, &args[t]) != 0) {
            pthread_mutex_lock(&pl->lock);
            pl->running--;
            pthread_mutex_unlock(&pl->lock);
            if (t == 0)
                rc = SATSTAT_ENOMEM;
            break;
        }
        started++;
    }
    if (rc != SATSTAT_OK)
        atomic_store(&pl->cancel, 1);
    /* the calling thread reports progress while the workers run */
    pthread_mutex_lock(&pl->lock);
    while (pl->running > 0) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 100000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&pl->cond, &pl->lock, &ts);
        if (progress && pl->running > 0) {
            pthread_mutex_unlock(&pl->lock);
            if (progress(progress_ctx, pl->base + atomic_load(&pl->done), pl->total) != 0)
                atomic_store(&pl->cancel, 1);
            pthread_mutex_lock(&pl->lock);
        }
    }
    pthread_mutex_unlock(&pl->lock);
    for (unsigned t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    pthread_mutex_destroy(&pl->lock);
    pthread_cond_destroy(&pl->cond);
    if (rc == SATSTAT_OK && atomic_load(&pl->err))
        rc = atomic_load(&pl->err);
    if (rc == SATSTAT_OK && atomic_load(&pl->cancel))
        rc = SATSTAT_ECANCELED;
    if (rc == SATSTAT_OK && progress
        && progress(progress_ctx, pl->base + pl->end - pl->first, pl->total) != 0)
        rc = SATSTAT_ECANCELED;
    return rc;
}

/* Layer l (0-based) across the R networks, in network order: the
 * intervals, and the workers' histograms (integer sums, any order). */
static void reduce_layer(const satstat_config *c, const satstat_deep_options *o,
                         const pool *pl, unsigned made, size_t l, satstat_deep_layer *ly)
{
    size_t L = (size_t)o->layers;
    uint64_t R = o->networks;
    satstat_moments mm, mv, ms, md, mg, ma, mav, mlr, lv, lg, lav, mc, mstep;
    satstat_moments_init(&mc);
    satstat_moments_init(&mstep);
    satstat_moments_init(&lv);
    satstat_moments_init(&lg);
    satstat_moments_init(&lav);
    satstat_moments_init(&mm);
    satstat_moments_init(&mv);
    satstat_moments_init(&ms);
    satstat_moments_init(&md);
    satstat_moments_init(&mg);
    satstat_moments_init(&ma);
    satstat_moments_init(&mav);
    satstat_moments_init(&mlr);
    double g2 = 0;
    for (uint64_t r = 0; r < R; r++) {
        const netstat *ns = &pl->stats[r * L + l];
        satstat_moments_push(&mm, ns->mean);
        if (isfinite(ns->var))
            satstat_moments_push(&mv, ns->var);
        if (ns->var > 0 && isfinite(ns->var))
            satstat_moments_push(&lv, log(ns->var));
        satstat_moments_push(&ms, ns->sat);
        satstat_moments_push(&md, ns->dphi);
        satstat_moments_push(&mg, ns->gnorm);
        if (ns->gnorm > 0 && isfinite(ns->gnorm))
            satstat_moments_push(&lg, log(ns->gnorm));
        satstat_moments_push(&ma, ns->amean);
        if (isfinite(ns->avar))
            satstat_moments_push(&mav, ns->avar);
        if (ns->avar > 0 && isfinite(ns->avar))
            satstat_moments_push(&lav, log(ns->avar));
        g2 += ns->gnorm * ns->gnorm;
        if (o->pair && isfinite(ns->corr))
            satstat_moments_push(&mc, ns->corr);
        if (o->pair && l + 1 < L) {
            /* (one network's two correlations, paired: their difference
             * varies far less than either, sharing the network's weights) */
            double step = pl->stats[r * L + l + 1].corr - ns->corr;
            if (isfinite(step))
                satstat_moments_push(&mstep, step);
        }
        if (l + 1 < L) {
            double lr = log(ns->gnorm / pl->stats[r * L + l + 1].gnorm);
            if (isfinite(lr))
                satstat_moments_push(&mlr, lr);
        }
    }
    estimate(&mm, c->alpha, &ly->mean);
    estimate_positive(&mv, &lv, c->alpha, &ly->variance);
    estimate_fraction(&ms, o->width, c->alpha, &ly->saturated_fraction);
    estimate(&md, c->alpha, &ly->dphi);
    estimate_positive(&mg, &lg, c->alpha, &ly->gradient_norm);
    estimate(&ma, c->alpha, &ly->activation_mean);
    estimate_positive(&mav, &lav, c->alpha, &ly->activation_variance);
    ly->gradient_norm_rms = sqrt(g2 / (double)R);
    if (o->pair)
        estimate_correlation(&mc, c->alpha, &ly->correlation);
    else
        ly->correlation.value = ly->correlation.lo = ly->correlation.hi = NAN;
    if (o->pair && l + 1 < L)
        estimate(&mstep, c->alpha, &ly->correlation_step);
    else
        ly->correlation_step.value = ly->correlation_step.lo = ly->correlation_step.hi = NAN;
    ly->gradient_log_ratio = mlr.n ? mlr.mean : NAN;
    /* histograms: integer sums, any order */
    memset(ly->z_hist, 0, sizeof ly->z_hist);
    memset(ly->a_hist, 0, sizeof ly->a_hist);
    ly->z_under = ly->z_over = ly->a_under = ly->a_over = 0;
    for (unsigned t = 0; t < made; t++) {
        const worker *w = &pl->workers[t];
        for (size_t k = 0; k < SATSTAT_DEEP_HIST_BINS; k++) {
            ly->z_hist[k] += w->zh[l * SATSTAT_DEEP_HIST_BINS + k];
            ly->a_hist[k] += w->ah[l * SATSTAT_DEEP_HIST_BINS + k];
        }
        ly->z_under += w->zuo[2 * l];
        ly->z_over += w->zuo[2 * l + 1];
        ly->a_under += w->auo[2 * l];
        ly->a_over += w->auo[2 * l + 1];
    }
}

/* ---- networks split across processes (satstat/partition.h) ----------------
 *
 * A rank runs networks first .. end−1 (a contiguous share); it sends their
 * per-layer statistics (and, with --jacobian, singular values and
 * moments) and its workers' histogram counts.  Every rank then holds every
 * network's values in network order, which is all the reduction reads,
 * and the histograms' integer sums (any order).  Deep's products go
 * through BLAS and per-path kernels, so ranks whose BLAS kernel differs
 * are refused rather than mixed. */

static void pack_share(const pool *pl, size_t L, unsigned made, satstat__bytes *b)
{
    uint64_t range[2] = {pl->first, pl->end};
    satstat__bytes_put(b, range, sizeof range);
    uint64_t n = pl->end - pl->first;
    satstat__bytes_put(b, pl->stats + pl->first * L, (size_t)(n * L) * sizeof *pl->stats);
    if (pl->sv) {
        satstat__bytes_put(b, pl->sv + pl->first * pl->n_sv, (size_t)n * pl->n_sv * sizeof *pl->sv);
        satstat__bytes_put(b, pl->jm + 3 * pl->first, (size_t)n * 3 * sizeof *pl->jm);
    }
    size_t bins = L * SATSTAT_DEEP_HIST_BINS;
    for (int part = 0; part < 4; part++) {
        size_t count = part < 2 ? bins : 2 * L;
        for (size_t i = 0; i < count; i++) {
            uint64_t sum = 0;
            for (unsigned t = 0; t < made; t++) {
                const worker *w = &pl->workers[t];
                const uint64_t *a = part == 0 ? w->zh : part == 1 ? w->ah
                                  : part == 2 ? w->zuo : w->auo;
                sum += a[i];
            }
            satstat__bytes_put(b, &sum, sizeof sum);
        }
    }
}

/* Another rank's share into the pool: its networks' values in place, its
 * counts added to worker 0's (integer sums). */
static int unpack_share(pool *pl, size_t L, satstat__reader *in)
{
    uint64_t range[2];
    if (satstat__read(in, range, sizeof range) || range[0] > range[1] || range[1] > pl->R)
        return SATSTAT_EIO;
    uint64_t n = range[1] - range[0];
    if (satstat__read(in, pl->stats + range[0] * L, (size_t)(n * L) * sizeof *pl->stats))
        return SATSTAT_EIO;
    if (pl->sv &&
        (satstat__read(in, pl->sv + range[0] * pl->n_sv, (size_t)n * pl->n_sv * sizeof *pl->sv) ||
         satstat__read(in, pl->jm + 3 * range[0], (size_t)n * 3 * sizeof *pl->jm)))
        return SATSTAT_EIO;
    worker *w = &pl->workers[0];
    size_t bins = L * SATSTAT_DEEP_HIST_BINS;
    for (int part = 0; part < 4; part++) {
        size_t count = part < 2 ? bins : 2 * L;
        uint64_t *a = part == 0 ? w->zh : part == 1 ? w->ah : part == 2 ? w->zuo : w->auo;
        for (size_t i = 0; i < count; i++) {
            uint64_t x;
            if (satstat__read(in, &x, sizeof x))
                return SATSTAT_EIO;
            a[i] += x;
        }
    }
    return SATSTAT_OK;
}

/* The exchange after this rank's networks ran (or failed: rc). */
static int exchange_shares(const satstat_partition *part, int rc, pool *pl, size_t L,
                           unsigned made)
{
    satstat__bytes mine = {0};
    if (rc == SATSTAT_OK)
        pack_share(pl, L, made, &mine);
    satstat__reader *pieces = calloc(part->size, sizeof *pieces);
    void *all = NULL;
    rc = satstat__partition_exchange(part, rc, &mine, 1, &all, pieces);
    satstat__bytes_free(&mine);
    for (unsigned k = 0; k < part->size && rc == SATSTAT_OK; k++)
        if (k != part->rank)
            rc = unpack_share(pl, L, &pieces[k]);
    free(all);
    free(pieces);
    return rc;
}

/* Sample one scheme into sr (mean field already in sr->layers). */
int satstat__deep_sample_scheme(const satstat_config *c, const satstat_deep_options *o,
                                plan *p, scheme_result *sr, satstat__deep_depth *depth,
                                unsigned threads,
                                satstat_progress_fn progress, void *progress_ctx,
                                uint64_t base, uint64_t total)
{
    size_t L = (size_t)o->layers;
    uint64_t R = o->networks;
    int rc_alloc_failed = 0;
    p->layers = sr->layers;
    pool pl;
    memset(&pl, 0, sizeof pl);
    pl.p = p;
    pl.R = R;
    pl.base = base;
    pl.total = total;
    satstat__partition_share(c->partition, R, 1, &pl.first, &pl.end);
    atomic_init(&pl.next, 0);
    atomic_init(&pl.done, 0);
    atomic_init(&pl.cancel, 0);
    atomic_init(&pl.err, 0);
    pl.stats = calloc((size_t)(R * L), sizeof(netstat));
    if (o->jacobian) {
        pl.n_sv = (size_t)(o->width < c->n_in ? o->width : c->n_in);
        pl.sv = calloc((size_t)R * pl.n_sv, sizeof(double));
        pl.jm = calloc((size_t)R * 3, sizeof(double));
        if (!pl.sv || !pl.jm)
            rc_alloc_failed = 1;
    }
    pl.workers = calloc(threads, sizeof(worker));
    wargs *args = calloc(threads, sizeof(wargs));
    pthread_t *tid = calloc(threads, sizeof(pthread_t));
    int rc = SATSTAT_OK;
    if (!pl.stats || !pl.workers || !args || !tid || rc_alloc_failed)
        rc = SATSTAT_ENOMEM;
    unsigned made = 0;
    for (unsigned t = 0; t < threads && rc == SATSTAT_OK; t++) {
        rc = satstat__deep_worker_init(&pl.workers[t], p, t);
        if (rc == SATSTAT_OK)
            made++;
    }
    if (rc == SATSTAT_OK)
        rc = run_pool(&pl, args, tid, threads, progress, progress_ctx);
    if (satstat__partition_active(c->partition)) /* every rank, even a failed one */
        rc = exchange_shares(c->partition, rc, &pl, L, made);
    if (rc == SATSTAT_OK) /* reduce in network order */
        for (size_t l = 0; l < L; l++)
            reduce_layer(c, o, &pl, made, l, &sr->layers[l]);
    sr->xi_c_sampled.value = sr->xi_c_sampled.lo = sr->xi_c_sampled.hi = NAN;
    sr->xi_c_fit = NAN;
    if (rc == SATSTAT_OK && o->pair && (rc = satstat__deep_depth_wait(depth)) == SATSTAT_OK)
        xi_c_from_samples(sr, pl.stats, R, L, (double)o->width, c->alpha); /* needs c* */
    if (rc == SATSTAT_OK && o->jacobian)
        rc = jacobian_reduce(c, o, p, sr, pl.sv, pl.jm, pl.n_sv);
    free(pl.sv);
    free(pl.jm);
    for (unsigned t = 0; t < made; t++)
        satstat__deep_worker_free(&pl.workers[t]);
    free(pl.workers);
    free(pl.stats);
    free(args);
    free(tid);
    p->layers = NULL;
    return rc;
}
