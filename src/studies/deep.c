/* deep.c — random networks of many layers beside the mean-field theory of
 * signal propagation (satstat/deep.h).
 *
 * Sampling: a network is the unit of work and of independence.  Worker
 * threads take whole networks (an atomic counter hands them out) and write
 * each network's per-layer statistics into its own slot; the slots are
 * reduced in network order afterwards, and the histograms are integer
 * counts, so the result does not depend on the thread count.  Weights are
 * generated a row at a time straight from the counter-based streams
 * (satstat_fill_normals) into a gsl_matrix and multiplied with
 * gsl_blas_dgemv; the backward pass regenerates the same rows instead of
 * keeping every layer's matrix, so memory is one matrix per worker.
 *
 * Mean field: Poole et al. (2016), "Exponential expressivity in deep
 * neural networks through transient chaos", eq. (3) (the length map) and
 * eq. (7) (χ₁); Schoenholz et al. (2017), "Deep Information
 * Propagation", eqs. (2)–(5) and (12) (gradients scale as χ₁ per layer in
 * squared norm).
 */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE (weight_cache_alloc) */
#include <satstat/deep.h>
#include <satstat/html.h>

#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_vector.h>
#include <jansson.h>

#include <satstat/analytic.h>
#include <satstat/error.h>
#include <satstat/parse.h>
#include <satstat/rng.h>

#include "studies/deep-int.h"
#include "output/figure-int.h"
#include "base/gsl-int.h"
#include "base/locale-int.h"
#include "output/report-int.h"
#include "satstat_version.h"

/* OpenBLAS may split a product over its own threads, which changes the
 * summation order with the machine; we parallelise over networks
 * ourselves and keep OpenBLAS on one thread.  A weak reference: with the
 * reference gslcblas the symbol is absent (NULL) and nothing is called. */
#if defined(__GNUC__) && !defined(_WIN32)
extern void openblas_set_num_threads(int) __attribute__((weak));
#define HAVE_WEAK_OPENBLAS 1
#endif

static void blas_single_thread(void)
{
#ifdef HAVE_WEAK_OPENBLAS
    if (openblas_set_num_threads)
        openblas_set_num_threads(1);
#endif
}

/* ======================================================================
 * Options
 * ====================================================================== */

void satstat_deep_options_default(satstat_deep_options *o)
{
    if (!o)
        return;
    memset(o, 0, sizeof *o);
    o->layers = 10;
    o->width = 1000;
    o->networks = 20;
    o->input = SATSTAT_DEEP_INPUT_CONFIG;
    o->max_memory = 0;
}

uint64_t satstat_deep_default_max_memory(void)
{
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    if (pages <= 0 || size <= 0)
        return UINT64_C(1) << 30;
    return (uint64_t)pages / 4 * (uint64_t)size;
}

static unsigned online_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1u;
}

/* Inputs that can be non-zero in layer 1: the columns of W¹ drawn. */
static uint64_t layer1_support(const satstat_config *c, const satstat_deep_options *o)
{
    if (o->pair || o->jacobian)
        return c->n_in; /* x₂ is not 0 where x₁ is; J has every column */
    return o->input == SATSTAT_DEEP_INPUT_NORMAL ? c->n_in
                                                 : satstat_inputs_support(&c->inputs, c->n_in);
}

/* Saturating arithmetic for the memory estimate: sizes beyond 2^64 are
 * simply "too much". */
static uint64_t mul_sat(uint64_t a, uint64_t b)
{
    if (a && b > UINT64_MAX / a)
        return UINT64_MAX;
    return a * b;
}

static uint64_t add_sat(uint64_t a, uint64_t b)
{
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

/* Orthogonal weights: the largest Gaussian matrix any layer needs
 * (max(W, fan) × min(W, fan)), its Householder scalars and one vector of
 * max(W, fan) (ortho_apply). */
static void ortho_shape(const satstat_config *c, const satstat_deep_options *o, uint64_t *rows,
                        uint64_t *cols)
{
    uint64_t W = o->width, n = c->n_in;
    *rows = W > n ? W : n;
    *cols = W < n ? W : n;
    if (o->layers > 1 && W > *cols)
        *cols = W;
}

/* A worker's kept weights: tens of MiB touched once per run.  On Linux,
 * 2 MiB-aligned and advised as huge pages (transparent huge pages in
 * "madvise" mode), which cuts the page faults of the first touch 512-fold
 * and the TLB misses of every pass; the values are the same either way. */
static double *weight_cache_alloc(size_t bytes)
{
    void *p = NULL;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const size_t huge = (size_t)2 << 20;
    size_t rounded = (bytes + huge - 1) / huge * huge;
    if (posix_memalign(&p, huge, rounded) != 0)
        return NULL;
    (void)madvise(p, rounded, MADV_HUGEPAGE); /* advice: failure is harmless */
#else
    p = malloc(bytes);
#endif
    return p;
}

static int has_only_orthogonal(const satstat_config *c)
{
    for (size_t s = 0; s < c->n_schemes; s++)
        if (c->schemes[s].kind != SATSTAT_SCHEME_ORTHOGONAL)
            return 0;
    return 1;
}

static int has_orthogonal(const satstat_config *c)
{
    for (size_t s = 0; s < c->n_schemes; s++)
        if (c->schemes[s].kind == SATSTAT_SCHEME_ORTHOGONAL)
            return 1;
    return 0;
}

static uint64_t ortho_bytes(const satstat_config *c, const satstat_deep_options *o)
{
    if (!has_orthogonal(c))
        return 0;
    uint64_t rows, cols;
    ortho_shape(c, o, &rows, &cols);
    return mul_sat(add_sat(mul_sat(rows, cols), add_sat(rows, cols)), sizeof(double));
}

/* One worker: a weight matrix of W rows by the widest fan-in, the row
 * scratch (floats and doubles), the inputs, z of every layer, and the
 * vectors of the backward pass; its histograms. */
static uint64_t worker_bytes(const satstat_config *c, const satstat_deep_options *o)
{
    uint64_t W = o->width, L = o->layers;
    uint64_t cols = layer1_support(c, o);
    if (L > 1 && W > cols)
        cols = W;
    if (cols == 0)
        cols = 1;
    uint64_t b = mul_sat(mul_sat(W, cols), sizeof(double));
    b = add_sat(b, mul_sat(cols, sizeof(float) + sizeof(double)));
    b = add_sat(b, mul_sat(c->n_in, sizeof(double)));
    b = add_sat(b, mul_sat(mul_sat(L, W), sizeof(double)));
    b = add_sat(b, mul_sat(W, 5 * sizeof(double)));
    if (o->pair) /* x₂, z₂, φ(z₂) */
        b = add_sat(b, mul_sat(add_sat(c->n_in, mul_sat(W, 2)), sizeof(double)));
    if (o->jacobian) /* J, its scratch and SVD; φ'(zˡ), a column in and out */
        b = add_sat(add_sat(b, satstat__jacobian_bytes(W, c->n_in)),
                    mul_sat(add_sat(W, mul_sat(2, W > c->n_in ? W : c->n_in)), sizeof(double)));
    b = add_sat(b, mul_sat(L, 4 * SATSTAT_DEEP_HIST_BINS * sizeof(uint64_t)));
    return add_sat(b, ortho_bytes(c, o));
}

/* Per-network statistics kept until the reduction: R × L slots. */
typedef struct netstat {
    double mean, var, sat, dphi, gnorm, amean, avar, corr;
} netstat;

static uint64_t shared_bytes(const satstat_config *c, const satstat_deep_options *o)
{
    uint64_t b = mul_sat(mul_sat(o->networks, o->layers), sizeof(netstat));
    if (o->jacobian) /* per network its singular values and 3 moments */
        b = add_sat(b, mul_sat(mul_sat(o->networks,
                                       add_sat(o->width < c->n_in ? o->width : c->n_in, 3)),
                               sizeof(double)));
    return add_sat(b, mul_sat(o->layers, sizeof(satstat_deep_layer) * SATSTAT_MAX_SCHEMES));
}

static unsigned resolve_threads(const satstat_config *c, const satstat_deep_options *o,
                                unsigned threads)
{
    unsigned t = threads ? threads : online_cores();
    if (t > SATSTAT_MAX_THREADS)
        t = SATSTAT_MAX_THREADS;
    if ((uint64_t)t > o->networks)
        t = (unsigned)o->networks;
    (void)c;
    return t ? t : 1;
}

uint64_t satstat_deep_memory(const satstat_config *config, const satstat_deep_options *o,
                             unsigned threads)
{
    if (!config || !o)
        return 0;
    unsigned t = resolve_threads(config, o, threads);
    return add_sat(shared_bytes(config, o), mul_sat(worker_bytes(config, o), t));
}

static uint64_t cap_of(const satstat_deep_options *o)
{
    return o->max_memory ? o->max_memory : satstat_deep_default_max_memory();
}

int satstat_deep_options_validate(const satstat_config *config, const satstat_deep_options *o,
                                  char *msg)
{
    char tmp[SATSTAT_ERRMSG_SIZE];
    if (!msg)
        msg = tmp;
    if (!config || !o) {
        snprintf(msg, SATSTAT_ERRMSG_SIZE, "no configuration given");
        return SATSTAT_EINVAL;
    }
    if (o->layers < 1 || o->layers > SATSTAT_DEEP_MAX_LAYERS) {
        snprintf(msg, SATSTAT_ERRMSG_SIZE, "--layers must be between 1 and %" PRIu64 ", got %" PRIu64,
                 SATSTAT_DEEP_MAX_LAYERS, o->layers);
        return SATSTAT_EINVAL;
    }
    if (o->width < 1 || o->width > SATSTAT_DEEP_MAX_WIDTH) {
        snprintf(msg, SATSTAT_ERRMSG_SIZE, "--width must be between 1 and %" PRIu64 ", got %" PRIu64,
                 SATSTAT_DEEP_MAX_WIDTH, o->width);
        return SATSTAT_EINVAL;
    }
    if (o->networks < 1 || o->networks > SATSTAT_DEEP_MAX_NETWORKS) {
        snprintf(msg, SATSTAT_ERRMSG_SIZE,
                 "--networks must be between 1 and %" PRIu64 ", got %" PRIu64,
                 SATSTAT_DEEP_MAX_NETWORKS, o->networks);
        return SATSTAT_EINVAL;
    }
    /* The Philox neuron counter (network·L + layer)·W + neuron must fit
     * in 64 bits: it does by the limits above (1e7·1e5·1e7 < 2^64 fails,
     * so check the product). */
    if (mul_sat(mul_sat(o->networks, o->layers), o->width) == UINT64_MAX) {
        snprintf(msg, SATSTAT_ERRMSG_SIZE,
                 "--networks × --layers × --width is beyond 2^64 units");
        return SATSTAT_ERANGE;
    }
    if (o->pair && !(o->pair_correlation >= -1.0 && o->pair_correlation <= 1.0)) {
        snprintf(msg, SATSTAT_ERRMSG_SIZE,
                 "--pair-correlation must be between -1 and 1, got %g", o->pair_correlation);
        return SATSTAT_EINVAL;
    }
    for (size_t s = 0; s < config->n_schemes; s++) {
        satstat_law w;
        if (satstat_scheme_weight_law(&config->schemes[s], config->n_in, o->width, &w)
                == SATSTAT_OK
            && w.family != SATSTAT_FAMILY_CONSTANT && w.family != SATSTAT_FAMILY_NORMAL
            && w.family != SATSTAT_FAMILY_UNIFORM && w.family != SATSTAT_FAMILY_TRUNC_NORMAL
            && w.family != SATSTAT_FAMILY_ORTHOGONAL) {
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
                     "--scheme '%s': deep draws every weight independently; this scheme's "
                     "rows are dependent (not supported by deep yet)",
                     config->schemes[s].canonical);
            return SATSTAT_EINVAL;
        }
        if (satstat_scheme_weight_law(&config->schemes[s], config->n_in, o->width, &w)
                != SATSTAT_OK
            || satstat_law_mean(&w) != 0.0) {
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
                     "--scheme '%s': the mean-field theory here needs zero-mean weights",
                     config->schemes[s].canonical);
            return SATSTAT_EINVAL;
        }
    }
    uint64_t one = add_sat(shared_bytes(config, o), worker_bytes(config, o));
    uint64_t cap = cap_of(o);
    if (one > cap) {
        snprintf(msg, SATSTAT_ERRMSG_SIZE,
                 "--max-memory: one network of --width %" PRIu64 " (layer 1 fan-in %" PRIu64
                 ", %" PRIu64 " layers) needs %" PRIu64 " bytes, more than the cap of %" PRIu64
                 " bytes%s; lower --width or --n-in, or raise --max-memory",
                 o->width, config->n_in, o->layers, one, cap,
                 o->max_memory ? "" : " (a quarter of physical memory)");
        return SATSTAT_ERANGE;
    }
    return SATSTAT_OK;
}

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
 * The draws
 * ====================================================================== */

typedef struct streams {
    uint32_t weights, bias, gradient, pair;
} streams;

static void streams_of(const satstat_scheme *s, streams *out)
{
    char buf[SATSTAT_SPEC_SIZE + 32];
    snprintf(buf, sizeof buf, "deep:%s", s->canonical);
    out->weights = satstat_stream_id(buf, SATSTAT_DOMAIN_WEIGHTS);
    out->bias = satstat_stream_id(buf, SATSTAT_DOMAIN_BIAS);
    snprintf(buf, sizeof buf, "deep-gradient:%s", s->canonical);
    out->gradient = satstat_stream_id(buf, SATSTAT_DOMAIN_INPUTS);
    snprintf(buf, sizeof buf, "deep-pair:%s", s->canonical);
    out->pair = satstat_stream_id(buf, SATSTAT_DOMAIN_INPUTS);
}

/* n draws of a law from (stream, counter), indices 0..n−1.  fbuf holds n
 * floats, dbuf n doubles (scratch; dbuf may alias out). */
static void draw_law(const satstat_law *law, uint64_t seed, uint32_t stream, uint64_t counter,
                     size_t n, float *fbuf, double *out)
{
    switch (law->family) {
    case SATSTAT_FAMILY_CONSTANT:
        for (size_t j = 0; j < n; j++)
            out[j] = law->a;
        break;
    case SATSTAT_FAMILY_NORMAL: {
        /* a and b in locals: out may alias *law as far as the compiler
         * knows, which kept it from vectorising the loop (a quarter of
         * the default job's time); the same arithmetic, the same bits */
        const double a = law->a, b = law->b;
        satstat_fill_normals(seed, stream, counter, 0, n, fbuf);
        for (size_t j = 0; j < n; j++)
            out[j] = a + b * (double)fbuf[j];
        break;
    }
    case SATSTAT_FAMILY_UNIFORM: {
        const double a = law->a, b = law->b;
        satstat_stream_uniforms(seed, stream, counter, 0, n, out);
        for (size_t j = 0; j < n; j++)
            out[j] = a + (b - a) * out[j];
        break;
    }
    case SATSTAT_FAMILY_TRUNC_NORMAL: {
        /* inversion: a + b·Φ⁻¹(Φ(α) + u·(Φ(β) − Φ(α))), α, β the
         * standardized bounds; u in (0, 1) never reaches the ends */
        double pa = gsl_cdf_ugaussian_P((law->lo - law->a) / law->b);
        double pb = gsl_cdf_ugaussian_P((law->hi - law->a) / law->b);
        satstat_stream_uniforms(seed, stream, counter, 0, n, out);
        for (size_t j = 0; j < n; j++) {
            double w = law->a + law->b * gsl_cdf_ugaussian_Pinv(pa + out[j] * (pb - pa));
            out[j] = w < law->lo ? law->lo : w > law->hi ? law->hi : w;
        }
        break;
    }
    default:
        /* orthogonal rows are not independent draws: whole matrices come
         * from ortho_apply, never from here */
        for (size_t j = 0; j < n; j++)
            out[j] = NAN;
        break;
    }
}

/* What one network needs to know, shared by all workers. */
typedef struct plan {
    const satstat_config *c;
    const satstat_deep_options *o;
    const satstat_scheme *scheme;
    streams st;
    satstat_law law1, lawW; /* weights of layer 1 and of layers 2..L */
    uint64_t support;        /* layer-1 columns drawn                  */
    satstat_region region;
    /* histogram ranges, per layer (NULL in satstat_deep_network) */
    const satstat_deep_layer *layers;
    /* deep layers whose weights a worker keeps from the forward pass for
     * the backward one (cache_plan), 0 for orthogonal schemes */
    size_t cache_layers;
    double *const *cache_pool; /* per worker, cache_layers·W² doubles, made
                                  once per run so that the pages are
                                  touched once, not once per scheme      */
} plan;

static int plan_make(const satstat_config *c, const satstat_deep_options *o,
                     const satstat_scheme *s, plan *p)
{
    memset(p, 0, sizeof *p);
    p->c = c;
    p->o = o;
    p->scheme = s;
    streams_of(s, &p->st);
    int rc = satstat_scheme_weight_law(s, c->n_in, o->width, &p->law1);
    if (rc == SATSTAT_OK)
        rc = satstat_scheme_weight_law(s, o->width, o->width, &p->lawW);
    if (rc == SATSTAT_OK)
        rc = satstat_config_region(c, &p->region, NULL);
    p->support = layer1_support(c, o);
    return rc;
}

static uint64_t row_counter(const plan *p, uint64_t network, uint64_t layer, uint64_t i)
{
    return (network * p->o->layers + (layer - 1)) * p->o->width + i;
}

/* Row i of layer `layer` (its `cols` drawn columns) into out. */
static void weight_row(const plan *p, uint64_t network, uint64_t layer, uint64_t i, size_t cols,
                       float *fbuf, double *out)
{
    draw_law(layer == 1 ? &p->law1 : &p->lawW, p->c->seed, p->st.weights,
             row_counter(p, network, layer, i), cols, fbuf, out);
}

static void fill_matrix(const plan *p, uint64_t network, uint64_t layer, gsl_matrix *m,
                        float *fbuf)
{
    for (size_t i = 0; i < m->size1; i++)
        weight_row(p, network, layer, i, m->size2, fbuf, gsl_matrix_ptr(m, i, 0));
}

/* Scratch of ortho_apply: G (then its QR), the Householder scalars, one
 * vector, for the largest shape (ortho_shape). */
typedef struct ortho_scratch {
    double *g, *tau, *v;
} ortho_scratch;

static void ortho_scratch_free(ortho_scratch *s)
{
    free(s->g);
    free(s->tau);
    free(s->v);
    memset(s, 0, sizeof *s);
}

static int ortho_scratch_alloc(const satstat_config *c, const satstat_deep_options *o,
                               ortho_scratch *s)
{
    uint64_t rows, cols;
    ortho_shape(c, o, &rows, &cols);
    memset(s, 0, sizeof *s);
    s->g = malloc((size_t)(rows * cols) * sizeof(double));
    s->tau = malloc((size_t)cols * sizeof(double));
    s->v = malloc((size_t)rows * sizeof(double));
    if (!s->g || !s->tau || !s->v) {
        ortho_scratch_free(s);
        return SATSTAT_ENOMEM;
    }
    return SATSTAT_OK;
}

/* Layer `layer`'s W × fan orthogonal matrix (fan = n_in for layer 1, else
 * W) applied to a vector: out = M·in (transpose 0; in has fan entries, out
 * W) or out = Mᵀ·in (transpose 1; in has W, out fan).  As in the single-
 * layer sampler (sampler.c, ortho_unit) and PyTorch's orthogonal_: the QR
 * decomposition of a Gaussian max(W, fan) × min(W, fan) matrix G with the
 * sign correction D = diag(sign R_kk) (Mezzadri 2007); M = gain·D·Qᵀ (rows
 * of Q's columns) when W ≤ fan, M = gain·Q·D when W > fan, with Q thin.
 * Q is applied through its Householder reflectors (GSL), never formed.
 * Entry (i, j) of G is draw i·min + j of the stream keyed by the layer's
 * first row.  The backward pass decomposes G again rather than keeping it:
 * memory stays one matrix per worker. */
static int ortho_decompose(const plan *p, uint64_t network, uint64_t layer, float *fbuf,
                           ortho_scratch *s)
{
    size_t W = (size_t)p->o->width, fan = layer == 1 ? (size_t)p->c->n_in : W;
    size_t rows = W > fan ? W : fan, cols = W < fan ? W : fan;
    uint64_t key = row_counter(p, network, layer, 0);
    gsl_matrix_view g = gsl_matrix_view_array(s->g, rows, cols);
    gsl_vector_view tau = gsl_vector_view_array(s->tau, cols);
    for (size_t i = 0; i < rows; i++) {
        satstat_fill_normals(p->c->seed, p->st.weights, key, (uint64_t)i * cols, cols, fbuf);
        for (size_t j = 0; j < cols; j++)
            s->g[i * cols + j] = (double)fbuf[j];
    }
    return gsl_linalg_QR_decomp(&g.matrix, &tau.vector) == GSL_SUCCESS ? SATSTAT_OK
                                                                         : SATSTAT_ENUMERIC;
}

/* The decomposed matrix (ortho_decompose) applied to one vector. */
static int ortho_mul(const plan *p, uint64_t layer, int transpose, const double *in, double *out,
                     ortho_scratch *s)
{
    size_t W = (size_t)p->o->width, fan = layer == 1 ? (size_t)p->c->n_in : W;
    size_t rows = W > fan ? W : fan, cols = W < fan ? W : fan;
    gsl_matrix_view g = gsl_matrix_view_array(s->g, rows, cols);
    gsl_vector_view tau = gsl_vector_view_array(s->tau, cols);
    gsl_vector_view v = gsl_vector_view_array(s->v, rows);
    double gain = p->scheme->gain;
    /* Qᵀ·in then D (the in-vector lives in the long dimension), or D then
     * Q·[·; 0] (it lives in the short one) */
    int long_side = transpose ? W > fan : W <= fan;
    size_t n_in_vec = transpose ? W : fan;
    if (long_side) {
        memcpy(s->v, in, n_in_vec * sizeof *s->v);
        if (gsl_linalg_QR_QTvec(&g.matrix, &tau.vector, &v.vector) != GSL_SUCCESS)
            return SATSTAT_ENUMERIC;
        for (size_t k = 0; k < cols; k++)
            out[k] = (s->g[k * cols + k] < 0.0 ? -gain : gain) * s->v[k];
    } else {
        for (size_t k = 0; k < rows; k++)
            s->v[k] = k < cols ? (s->g[k * cols + k] < 0.0 ? -gain : gain) * in[k] : 0.0;
        if (gsl_linalg_QR_Qvec(&g.matrix, &tau.vector, &v.vector) != GSL_SUCCESS)
            return SATSTAT_ENUMERIC;
        memcpy(out, s->v, rows * sizeof *out);
    }
    return SATSTAT_OK;
}

static int ortho_apply(const plan *p, uint64_t network, uint64_t layer, int transpose,
                       const double *in, double *out, float *fbuf, ortho_scratch *s)
{
    int rc = ortho_decompose(p, network, layer, fbuf, s);
    return rc == SATSTAT_OK ? ortho_mul(p, layer, transpose, in, out, s) : rc;
}

static void bias_vector(const plan *p, uint64_t network, uint64_t layer, float *fbuf,
                        double *out)
{
    draw_law(&p->c->bias.law, p->c->seed, p->st.bias, network * p->o->layers + (layer - 1),
             (size_t)p->o->width, fbuf, out);
}

static int input_vector(const plan *p, uint64_t network, float *fbuf, double *x)
{
    size_t n = (size_t)p->support;
    if (p->o->input == SATSTAT_DEEP_INPUT_NORMAL) {
        satstat_law nl = {.family = SATSTAT_FAMILY_NORMAL, .a = 0.0, .b = 1.0};
        char buf[SATSTAT_SPEC_SIZE + 32];
        snprintf(buf, sizeof buf, "deep:%s", p->scheme->canonical);
        draw_law(&nl, p->c->seed, satstat_stream_id(buf, SATSTAT_DOMAIN_INPUTS), network, n,
                 fbuf, x);
        return SATSTAT_OK;
    }
    /* the `run` inputs: network r sees the inputs `run` gives neuron r */
    return satstat_sample_inputs(p->c, p->scheme, network, 0, n, x);
}

/* The pair's second input: x₂ = C0·x₁ + √(1 − C0²)·‖x₁‖·u, u the unit
 * vector along the part of a N(0, I) draw orthogonal to x₁ (so ‖x₂‖ =
 * ‖x₁‖ and x₁·x₂ = C0‖x₁‖² exactly, up to rounding, for every input
 * model, `half` included).  n = n_in entries; fbuf room for n floats. */
static void pair_vector(const plan *p, uint64_t network, const double *x1, float *fbuf,
                        double *x2)
{
    satstat_law nl = {.family = SATSTAT_FAMILY_NORMAL, .a = 0.0, .b = 1.0};
    size_t n = (size_t)p->c->n_in;
    draw_law(&nl, p->c->seed, p->st.pair, network, n, fbuf, x2);
    double xx = 0, xu = 0;
    for (size_t j = 0; j < n; j++) {
        xx += x1[j] * x1[j];
        xu += x1[j] * x2[j];
    }
    double uu = 0;
    for (size_t j = 0; j < n; j++) {
        x2[j] -= xx > 0 ? xu / xx * x1[j] : 0.0; /* Gram–Schmidt against x₁ */
        uu += x2[j] * x2[j];
    }
    double c0 = p->o->pair_correlation, norm = sqrt(xx);
    double su = uu > 0 ? sqrt(1.0 - c0 * c0) * norm / sqrt(uu) : 0.0;
    for (size_t j = 0; j < n; j++)
        x2[j] = c0 * x1[j] + su * x2[j];
}


static void direction(const plan *p, uint64_t network, float *fbuf, double *g)
{
    satstat_law nl = {.family = SATSTAT_FAMILY_NORMAL, .a = 0.0, .b = 1.0};
    size_t W = (size_t)p->o->width;
    draw_law(&nl, p->c->seed, p->st.gradient, network, W, fbuf, g);
    double s = 0;
    for (size_t i = 0; i < W; i++)
        s += g[i] * g[i];
    s = s > 0 ? 1.0 / sqrt(s) : 0.0;
    for (size_t i = 0; i < W; i++)
        g[i] *= s;
}

/* ======================================================================
 * One network
 * ====================================================================== */

typedef struct worker {
    const plan *p;
    size_t cols;
    double *wbuf, *rowd, *x, *z, *h, *b, *d, *d2, *g;
    double *x2, *z2, *h2; /* the pair's second input (options->pair) */
    satstat__jacobian js; /* options->jacobian                          */
    double *cache;        /* cache_layers matrices W × W: layers 2..K+1
                             (the run's, from plan.cache_pool)        */
    size_t cache_layers;
    double *dp, *col, *colout;
    float *rowf;
    /* histograms, L × bins each, summed over this worker's networks */
    uint64_t *zh, *ah, *zuo, *auo; /* zuo/auo: under, over pairs */
    ortho_scratch os;              /* orthogonal schemes only          */
} worker;

static void worker_free(worker *w)
{
    free(w->wbuf);
    free(w->rowd);
    free(w->rowf);
    free(w->x);
    free(w->z);
    free(w->h);
    free(w->b);
    free(w->d);
    free(w->d2);
    free(w->g);
    free(w->x2);
    free(w->z2);
    free(w->h2);
    satstat__jacobian_free(&w->js);
    free(w->dp);
    free(w->col);
    free(w->colout);
    free(w->zh);
    free(w->ah);
    free(w->zuo);
    free(w->auo);
    ortho_scratch_free(&w->os);
    memset(w, 0, sizeof *w);
}

/* slot: the worker's index into p->cache_pool. */
static int worker_init(worker *w, const plan *p, unsigned slot)
{
    memset(w, 0, sizeof *w);
    w->p = p;
    size_t W = (size_t)p->o->width, L = (size_t)p->o->layers;
    size_t cols = (size_t)p->support;
    if (L > 1 && W > cols)
        cols = W;
    if (cols == 0)
        cols = 1;
    w->cols = cols;
    w->wbuf = malloc(W * cols * sizeof(double));
    w->rowd = malloc(cols * sizeof(double));
    size_t nf = cols > W ? cols : W;
    if (p->o->pair && (size_t)p->c->n_in > nf)
        nf = (size_t)p->c->n_in;
    w->rowf = malloc(nf * sizeof(float));
    if (p->cache_layers > 0 && p->cache_pool) {
        w->cache = p->cache_pool[slot];
        w->cache_layers = p->cache_layers;
    }
    if (p->o->jacobian) {
        size_t big = W > (size_t)p->c->n_in ? W : (size_t)p->c->n_in;
        w->dp = malloc(W * sizeof(double));
        w->col = malloc(big * sizeof(double));
        w->colout = malloc(big * sizeof(double));
        if (!w->dp || !w->col || !w->colout
            || satstat__jacobian_alloc(&w->js, W, (size_t)p->c->n_in) != SATSTAT_OK) {
            worker_free(w);
            return SATSTAT_ENOMEM;
        }
    }
    if (p->o->pair) {
        w->x2 = calloc(p->c->n_in ? (size_t)p->c->n_in : 1, sizeof(double));
        w->z2 = malloc(W * sizeof(double));
        w->h2 = malloc(W * sizeof(double));
        if (!w->x2 || !w->z2 || !w->h2) {
            worker_free(w);
            return SATSTAT_ENOMEM;
        }
    }
    w->x = calloc(p->c->n_in ? (size_t)p->c->n_in : 1, sizeof(double));
    w->z = malloc(L * W * sizeof(double));
    w->h = malloc(W * sizeof(double));
    w->b = malloc(W * sizeof(double));
    w->d = malloc(W * sizeof(double));
    w->d2 = malloc(W * sizeof(double));
    w->g = malloc(W * sizeof(double));
    w->zh = calloc(L * SATSTAT_DEEP_HIST_BINS, sizeof(uint64_t));
    w->ah = calloc(L * SATSTAT_DEEP_HIST_BINS, sizeof(uint64_t));
    w->zuo = calloc(2 * L, sizeof(uint64_t));
    w->auo = calloc(2 * L, sizeof(uint64_t));
    if (!w->wbuf || !w->rowd || !w->rowf || !w->x || !w->z || !w->h || !w->b || !w->d
        || !w->d2 || !w->g || !w->zh || !w->ah || !w->zuo || !w->auo
        || (p->scheme->kind == SATSTAT_SCHEME_ORTHOGONAL &&
            ortho_scratch_alloc(p->c, p->o, &w->os) != SATSTAT_OK)) {
        worker_free(w);
        return SATSTAT_ENOMEM;
    }
    return SATSTAT_OK;
}

static void hist_add(double v, double lo, double hi, uint64_t *bins, uint64_t *uo)
{
    if (!(v >= lo)) {
        uo[0]++;
        return;
    }
    if (v > hi) {
        uo[1]++;
        return;
    }
    size_t k = (size_t)((v - lo) / (hi - lo) * SATSTAT_DEEP_HIST_BINS);
    if (k >= SATSTAT_DEEP_HIST_BINS)
        k = SATSTAT_DEEP_HIST_BINS - 1; /* hi itself: the last bin */
    bins[k]++;
}

/* J ← D_l·(M_l·J) for an orthogonal layer, column by column through its
 * decomposition (still in w->os from the forward product); layer 1 starts
 * from the identity: J = D_1·M_1. */
static int jacobian_orthogonal(worker *w, uint64_t layer)
{
    const plan *p = w->p;
    size_t W = w->js.rows, n = w->js.cols, fan = layer == 1 ? n : W;
    for (size_t j = 0; j < n; j++) {
        for (size_t k = 0; k < fan; k++)
            w->col[k] = layer == 1 ? (k == j ? 1.0 : 0.0) : w->js.j[k * n + j];
        if (ortho_mul(p, layer, 0, w->col, w->colout, &w->os) != SATSTAT_OK)
            return SATSTAT_ENUMERIC;
        for (size_t i = 0; i < W; i++)
            w->js.t[i * n + j] = w->colout[i];
    }
    satstat__jacobian_scale(&w->js, w->dp);
    return SATSTAT_OK;
}

/* Forward and backward through network r.  stats: L slots (may be NULL);
 * delta_out: L × W (may be NULL); sv, jm (options->jacobian; may be NULL):
 * the Jacobian's min(W, n_in) singular values and its 3 moments. */
static int run_network(worker *w, uint64_t r, netstat *stats, double *delta_out, double *sv,
                       double *jm)
{
    const plan *p = w->p;
    const satstat_activation *act = p->c->activation;
    size_t W = (size_t)p->o->width, L = (size_t)p->o->layers;
    int rc = input_vector(p, r, w->rowf, w->x);
    if (rc != SATSTAT_OK)
        return rc;
    if (p->o->pair)
        pair_vector(p, r, w->x, w->rowf, w->x2);

    /* forward */
    double *mat = w->wbuf; /* the matrix of the layer at hand */
    for (size_t l = 1; l <= L; l++) {
        size_t cols = l == 1 ? (size_t)p->support : W;
        double *zl = w->z + (l - 1) * W;
        bias_vector(p, r, l, w->rowf, zl);
        if (w->z2)
            memcpy(w->z2, zl, W * sizeof(double)); /* the same biases */
        if (p->scheme->kind == SATSTAT_SCHEME_ORTHOGONAL) {
            /* the whole matrix; layer 1's inputs past the support are 0 */
            if (ortho_apply(p, r, l, 0, l == 1 ? w->x : w->h, w->b, w->rowf, &w->os)
                != SATSTAT_OK)
                return SATSTAT_ENUMERIC;
            for (size_t i = 0; i < W; i++)
                zl[i] += w->b[i];
            if (w->z2) {
                if (ortho_apply(p, r, l, 0, l == 1 ? w->x2 : w->h2, w->b, w->rowf, &w->os)
                    != SATSTAT_OK)
                    return SATSTAT_ENUMERIC;
                for (size_t i = 0; i < W; i++)
                    w->z2[i] += w->b[i];
            }
        } else if (cols > 0) {
            /* layers 2..K+1 are drawn into the worker's cache and kept for
             * the backward pass; the others into the one scratch matrix */
            mat = l >= 2 && l - 2 < w->cache_layers ? w->cache + (l - 2) * W * W : w->wbuf;
            gsl_matrix_view m = gsl_matrix_view_array(mat, W, cols);
            fill_matrix(p, r, l, &m.matrix, w->rowf);
            gsl_vector_const_view in = gsl_vector_const_view_array(l == 1 ? w->x : w->h, cols);
            gsl_vector_view out = gsl_vector_view_array(zl, W);
            if (gsl_blas_dgemv(CblasNoTrans, 1.0, &m.matrix, &in.vector, 1.0, &out.vector)
                != GSL_SUCCESS)
                return SATSTAT_ENUMERIC;
            if (w->z2) {
                gsl_vector_const_view in2 =
                    gsl_vector_const_view_array(l == 1 ? w->x2 : w->h2, cols);
                gsl_vector_view out2 = gsl_vector_view_array(w->z2, W);
                if (gsl_blas_dgemv(CblasNoTrans, 1.0, &m.matrix, &in2.vector, 1.0,
                                   &out2.vector) != GSL_SUCCESS)
                    return SATSTAT_ENUMERIC;
            }
        }
        if (w->dp) {
            for (size_t i = 0; i < W; i++)
                w->dp[i] = act->dphi(zl[i]);
            if (p->scheme->kind == SATSTAT_SCHEME_ORTHOGONAL) {
                if (jacobian_orthogonal(w, l) != SATSTAT_OK)
                    return SATSTAT_ENUMERIC;
            } else if (l == 1) {
                satstat__jacobian_first(&w->js, mat, w->dp);
            } else {
                if (satstat__jacobian_product(&w->js, mat) != SATSTAT_OK)
                    return SATSTAT_ENUMERIC;
                satstat__jacobian_scale(&w->js, w->dp);
            }
        }
        if (w->z2) {
            if (stats)
                stats[l - 1].corr = satstat__pearson(zl, w->z2, W);
            for (size_t i = 0; i < W; i++)
                w->h2[i] = act->phi(w->z2[i]);
        }
        /* statistics of this layer over its W units, in unit order */
        double sz = 0, sa = 0, sd = 0;
        uint64_t sat = 0;
        for (size_t i = 0; i < W; i++) {
            double zi = zl[i];
            double a = act->phi(zi);
            w->h[i] = a;
            sz += zi;
            sa += a;
            sd += act->dphi(zi);
            sat += (uint64_t)satstat_region_contains(&p->region, zi);
        }
        if (stats) {
            netstat *ns = &stats[l - 1];
            ns->mean = sz / (double)W;
            ns->amean = sa / (double)W;
            double vz = 0, va = 0;
            for (size_t i = 0; i < W; i++) {
                double e = zl[i] - ns->mean, f = w->h[i] - ns->amean;
                vz += e * e;
                va += f * f;
            }
            ns->var = W > 1 ? vz / (double)(W - 1) : NAN;
            ns->avar = W > 1 ? va / (double)(W - 1) : NAN;
            ns->sat = (double)sat / (double)W;
            ns->dphi = sd / (double)W;
        }
        if (p->layers) {
            const satstat_deep_layer *ly = &p->layers[l - 1];
            for (size_t i = 0; i < W; i++) {
                hist_add(zl[i], ly->z_lo, ly->z_hi, w->zh + (l - 1) * SATSTAT_DEEP_HIST_BINS,
                         w->zuo + 2 * (l - 1));
                hist_add(w->h[i], ly->a_lo, ly->a_hi, w->ah + (l - 1) * SATSTAT_DEEP_HIST_BINS,
                         w->auo + 2 * (l - 1));
            }
        }
    }

    if (w->dp && sv && jm) {
        rc = satstat__jacobian_spectrum(&w->js, sv, jm);
        if (rc != SATSTAT_OK)
            return rc;
    }

    /* backward: δᴸ = φ'(zᴸ) ⊙ g, δˡ = φ'(zˡ) ⊙ (Wˡ⁺¹)ᵀ δˡ⁺¹ */
    direction(p, r, w->rowf, w->g);
    double *zl = w->z + (L - 1) * W;
    for (size_t i = 0; i < W; i++)
        w->d[i] = act->dphi(zl[i]) * w->g[i];
    for (size_t l = L;; l--) {
        if (stats) {
            double s = 0;
            for (size_t i = 0; i < W; i++)
                s += w->d[i] * w->d[i];
            stats[l - 1].gnorm = sqrt(s);
        }
        if (delta_out)
            memcpy(delta_out + (l - 1) * W, w->d, W * sizeof(double));
        if (l == 1)
            break;
        /* d2 = (Wˡ)ᵀ δˡ (l ≥ 2 here), then times φ'(zˡ⁻¹) */
        if (p->scheme->kind == SATSTAT_SCHEME_ORTHOGONAL) {
            if (ortho_apply(p, r, l, 1, w->d, w->d2, w->rowf, &w->os) != SATSTAT_OK)
                return SATSTAT_ENUMERIC;
        } else {
            /* kept from the forward pass (the same doubles, drawn once),
             * or drawn again: the same bits either way */
            int kept = l - 2 < w->cache_layers;
            gsl_matrix_view m =
                gsl_matrix_view_array(kept ? w->cache + (l - 2) * W * W : w->wbuf, W, W);
            if (!kept)
                fill_matrix(p, r, l, &m.matrix, w->rowf);
            gsl_vector_const_view in = gsl_vector_const_view_array(w->d, W);
            gsl_vector_view out = gsl_vector_view_array(w->d2, W);
            if (gsl_blas_dgemv(CblasTrans, 1.0, &m.matrix, &in.vector, 0.0, &out.vector)
                != GSL_SUCCESS)
                return SATSTAT_ENUMERIC;
        }
        const double *zb = w->z + (l - 2) * W;
        for (size_t i = 0; i < W; i++)
            w->d2[i] *= act->dphi(zb[i]);
        double *t = w->d;
        w->d = w->d2;
        w->d2 = t;
    }
    return SATSTAT_OK;
}

/* ======================================================================
 * The run
 * ====================================================================== */

typedef struct scheme_result {
    satstat_deep_layer *layers;  /* L */
    satstat_deep_fixed_point fp;
    satstat_deep_depth depth;    /* c*, χ_c, ξ_q, ξ_c at fp (deep_corr.c) */
    satstat_deep_estimate xi_c_sampled; /* options.pair only, else NaN */
    size_t xi_c_layers;          /* the layers its fit used            */
    double xi_c_fit;             /* the same fit to the mean-field cˡ   */
    satstat_deep_jacobian jacobian; /* options.jacobian only            */
    double sw2_fan_in;           /* σ_w²·W of layers 2..L */
    double sigma_w2_layer1;
} scheme_result;

struct satstat_deep_report {
    satstat_config config;
    satstat_deep_options options;
    unsigned threads;
    uint64_t memory;    /* bytes allocated for the sampling, at most   */
    uint64_t kept_layers; /* deep layers whose weights a worker kept    */
    char simd[16];
    double elapsed;
    scheme_result s[SATSTAT_MAX_SCHEMES];
};

void satstat_deep_report_free(satstat_deep_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < SATSTAT_MAX_SCHEMES; i++)
        free(r->s[i].layers);
    free(r);
}

const satstat_config *satstat_deep_report_config(const satstat_deep_report *r)
{
    return r ? &r->config : NULL;
}

const satstat_deep_options *satstat_deep_report_options(const satstat_deep_report *r)
{
    return r ? &r->options : NULL;
}

size_t satstat_deep_report_scheme_count(const satstat_deep_report *r)
{
    return r ? r->config.n_schemes : 0;
}

const satstat_deep_layer *satstat_deep_report_layer(const satstat_deep_report *r, size_t s,
                                                    uint64_t l)
{
    if (!r || s >= r->config.n_schemes || l < 1 || l > r->options.layers)
        return NULL;
    return &r->s[s].layers[l - 1];
}

const satstat_deep_fixed_point *satstat_deep_report_fixed_point(const satstat_deep_report *r,
                                                                size_t s, double *sw2_fan_in)
{
    if (!r || s >= r->config.n_schemes)
        return NULL;
    if (sw2_fan_in)
        *sw2_fan_in = r->s[s].sw2_fan_in;
    return &r->s[s].fp;
}

const satstat_deep_depth *satstat_deep_report_depth(const satstat_deep_report *r, size_t s,
                                                    satstat_deep_estimate *xi_c_sampled)
{
    if (!r || s >= r->config.n_schemes)
        return NULL;
    if (xi_c_sampled)
        *xi_c_sampled = r->s[s].xi_c_sampled;
    return &r->s[s].depth;
}

const satstat_deep_jacobian *satstat_deep_report_jacobian(const satstat_deep_report *r,
                                                          size_t s)
{
    if (!r || s >= r->config.n_schemes || !r->options.jacobian)
        return NULL;
    return &r->s[s].jacobian;
}

uint64_t satstat_deep_report_memory(const satstat_deep_report *r)
{
    return r ? r->memory : 0;
}

double satstat_deep_report_elapsed(const satstat_deep_report *r)
{
    return r ? r->elapsed : NAN;
}

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

static int mean_field(const satstat_config *c, const satstat_deep_options *o,
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
    /* the fixed point of layers 2..L, reached from layer 1 */
    double start = sr->layers[0].mf_variance;
    if (!isfinite(start))
        start = 1;
    int rc = satstat_deep_solve_fixed_point(act, swW, mu_b, sb2, start, &sr->fp);
    if (rc == SATSTAT_OK)
        rc = satstat_deep_depth_scales(act, swW, mu_b, sb2, &sr->fp, &sr->depth);
    return rc;
}

typedef struct pool {
    const plan *p;
    worker *workers;
    netstat *stats;      /* R × L */
    double *sv, *jm;     /* options->jacobian: R × n_sv, R × 3 */
    size_t n_sv;
    uint64_t R, total, base;
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
    blas_single_thread();
    for (;;) {
        if (atomic_load(&pl->cancel) || atomic_load(&pl->err))
            break;
        uint64_t r = atomic_fetch_add(&pl->next, 1);
        if (r >= pl->R)
            break;
        int rc = run_network(a->w, r, pl->stats + r * pl->p->o->layers, NULL,
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

static double seconds_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + 1e-9 * (double)(b->tv_nsec - a->tv_nsec);
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
    for (int k = 0; k < 3; k++) {
        satstat_moments m;
        satstat_moments_init(&m);
        for (uint64_t r = 0; r < R; r++)
            satstat_moments_push(&m, jm[3 * r + (size_t)k]);
        estimate(&m, c->alpha, &jr->m[k]);
    }
    jr->sv_min = INFINITY;
    jr->sv_max = 0;
    for (size_t i = 0; i < (size_t)R * n_sv; i++) {
        jr->sv_min = fmin(jr->sv_min, sv[i]);
        jr->sv_max = fmax(jr->sv_max, sv[i]);
    }
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

/* Sample one scheme into sr (mean field already in sr->layers). */
static int sample_scheme(const satstat_config *c, const satstat_deep_options *o, plan *p,
                         scheme_result *sr, unsigned threads, satstat_progress_fn progress,
                         void *progress_ctx, uint64_t base, uint64_t total)
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
        rc = worker_init(&pl.workers[t], p, t);
        if (rc == SATSTAT_OK)
            made++;
    }
    if (rc == SATSTAT_OK) {
        pthread_mutex_init(&pl.lock, NULL);
        pthread_cond_init(&pl.cond, NULL);
        unsigned started = 0;
        for (unsigned t = 0; t < threads; t++) {
            args[t].pl = &pl;
            args[t].w = &pl.workers[t];
            pthread_mutex_lock(&pl.lock);
            pl.running++;
            pthread_mutex_unlock(&pl.lock);
            if (pthread_create(&tid[t], NULL, work, &args[t]) != 0) {
                pthread_mutex_lock(&pl.lock);
                pl.running--;
                pthread_mutex_unlock(&pl.lock);
                if (t == 0)
                    rc = SATSTAT_ENOMEM;
                break;
            }
            started++;
        }
        if (rc != SATSTAT_OK)
            atomic_store(&pl.cancel, 1);
        /* the calling thread reports progress while the workers run */
        pthread_mutex_lock(&pl.lock);
        while (pl.running > 0) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            ts.tv_nsec += 100000000L;
            if (ts.tv_nsec >= 1000000000L) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000L;
            }
            pthread_cond_timedwait(&pl.cond, &pl.lock, &ts);
            if (progress && pl.running > 0) {
                pthread_mutex_unlock(&pl.lock);
                if (progress(progress_ctx, base + atomic_load(&pl.done), total) != 0)
                    atomic_store(&pl.cancel, 1);
                pthread_mutex_lock(&pl.lock);
            }
        }
        pthread_mutex_unlock(&pl.lock);
        for (unsigned t = 0; t < started; t++)
            pthread_join(tid[t], NULL);
        pthread_mutex_destroy(&pl.lock);
        pthread_cond_destroy(&pl.cond);
        if (rc == SATSTAT_OK && atomic_load(&pl.err))
            rc = atomic_load(&pl.err);
        if (rc == SATSTAT_OK && atomic_load(&pl.cancel))
            rc = SATSTAT_ECANCELED;
        if (rc == SATSTAT_OK && progress
            && progress(progress_ctx, base + R, total) != 0)
            rc = SATSTAT_ECANCELED;
    }
    if (rc == SATSTAT_OK) {
        /* reduce in network order */
        for (size_t l = 0; l < L; l++) {
            satstat_deep_layer *ly = &sr->layers[l];
            satstat_moments mm, mv, ms, md, mg, ma, mav, mlr, lv, lg, lav, mc;
            satstat_moments_init(&mc);
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
                const netstat *ns = &pl.stats[r * L + l];
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
                if (l + 1 < L) {
                    double lr = log(ns->gnorm / pl.stats[r * L + l + 1].gnorm);
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
                estimate(&mc, c->alpha, &ly->correlation);
            else
                ly->correlation.value = ly->correlation.lo = ly->correlation.hi = NAN;
            ly->gradient_log_ratio = mlr.n ? mlr.mean : NAN;
            /* histograms: integer sums, any order */
            memset(ly->z_hist, 0, sizeof ly->z_hist);
            memset(ly->a_hist, 0, sizeof ly->a_hist);
            ly->z_under = ly->z_over = ly->a_under = ly->a_over = 0;
            for (unsigned t = 0; t < made; t++) {
                const worker *w = &pl.workers[t];
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
    }
    sr->xi_c_sampled.value = sr->xi_c_sampled.lo = sr->xi_c_sampled.hi = NAN;
    sr->xi_c_fit = NAN;
    if (rc == SATSTAT_OK && o->pair)
        xi_c_from_samples(sr, pl.stats, R, L, (double)o->width, c->alpha);
    if (rc == SATSTAT_OK && o->jacobian)
        rc = jacobian_reduce(c, o, p, sr, pl.sv, pl.jm, pl.n_sv);
    free(pl.sv);
    free(pl.jm);
    for (unsigned t = 0; t < made; t++)
        worker_free(&pl.workers[t]);
    free(pl.workers);
    free(pl.stats);
    free(args);
    free(tid);
    p->layers = NULL;
    return rc;
}

int satstat_deep_run(const satstat_config *config, const satstat_deep_options *o,
                     satstat_progress_fn progress, void *progress_ctx,
                     satstat_deep_report **out)
{
    if (!config || !o || !out || !config->activation)
        return SATSTAT_EINVAL;
    *out = NULL;
    char msg[SATSTAT_ERRMSG_SIZE];
    int rc = satstat_deep_options_validate(config, o, msg);
    if (rc != SATSTAT_OK)
        return rc;
    satstat__gsl_quiet();
    blas_single_thread();
    satstat_deep_report *r = calloc(1, sizeof *r);
    if (!r)
        return SATSTAT_ENOMEM;
    r->config = *config;
    r->options = *o;
    snprintf(r->simd, sizeof r->simd, "%s", satstat_simd_path());
    /* workers: as asked, but no more than the memory cap allows */
    unsigned threads = resolve_threads(config, o, config->threads);
    uint64_t cap = cap_of(o), per = worker_bytes(config, o), shared = shared_bytes(config, o);
    if (add_sat(shared, mul_sat(per, threads)) > cap) {
        uint64_t fit = (cap - shared) / per;
        threads = fit < 1 ? 1 : (unsigned)fit;
    }
    r->threads = threads;
    /* the weights kept for the backward pass: as many deep layers per
     * worker as the rest of the cap holds (none for orthogonal schemes,
     * which apply their QR factors instead) */
    uint64_t base = add_sat(shared, mul_sat(per, threads));
    uint64_t matrix = mul_sat(mul_sat(o->width, o->width), sizeof(double));
    uint64_t room = cap > base ? (cap - base) / threads : 0;
    uint64_t keep = matrix ? room / matrix : 0;
    if (keep > o->layers - 1)
        keep = o->layers - 1;
    r->memory = base;
    double *pool_of[SATSTAT_MAX_THREADS] = {NULL};
    if (keep > 0 && !has_only_orthogonal(config)) {
        for (unsigned t = 0; t < threads && keep > 0; t++)
            if (!(pool_of[t] = weight_cache_alloc((size_t)(keep * matrix))))
                keep = 0; /* no room after all: draw every layer twice */
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    uint64_t total = o->networks * config->n_schemes;
    for (size_t s = 0; s < config->n_schemes && rc == SATSTAT_OK; s++) {
        scheme_result *sr = &r->s[s];
        sr->layers = calloc((size_t)o->layers, sizeof(satstat_deep_layer));
        if (!sr->layers) {
            rc = SATSTAT_ENOMEM;
            break;
        }
        plan p;
        rc = plan_make(&r->config, &r->options, &r->config.schemes[s], &p);
        if (r->config.schemes[s].kind != SATSTAT_SCHEME_ORTHOGONAL && keep > 0) {
            p.cache_layers = (size_t)keep;
            r->kept_layers = keep;
            p.cache_pool = pool_of;
            uint64_t used = add_sat(base, mul_sat(mul_sat(keep, matrix), threads));
            if (used > r->memory)
                r->memory = used;
        }
        if (rc == SATSTAT_OK)
            rc = mean_field(&r->config, &r->options, &p, sr);
        if (rc == SATSTAT_OK)
            rc = sample_scheme(&r->config, &r->options, &p, sr, threads, progress,
                               progress_ctx, o->networks * s, total);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    for (unsigned t = 0; t < threads; t++)
        free(pool_of[t]);
    r->elapsed = seconds_between(&t0, &t1);
    if (rc != SATSTAT_OK) {
        satstat_deep_report_free(r);
        return rc;
    }
    *out = r;
    return SATSTAT_OK;
}

/* ======================================================================
 * The raw draws (tests)
 * ====================================================================== */

static int check_args(const satstat_config *c, const satstat_deep_options *o,
                      const satstat_scheme *s, uint64_t network)
{
    if (!c || !o || !s || !c->activation || o->layers < 1 || o->width < 1
        || network >= o->networks)
        return SATSTAT_EINVAL;
    return SATSTAT_OK;
}

int satstat_deep_weights(const satstat_config *config, const satstat_deep_options *o,
                         const satstat_scheme *scheme, uint64_t network, uint64_t layer,
                         double *w)
{
    int rc = check_args(config, o, scheme, network);
    if (rc != SATSTAT_OK || !w || layer < 1 || layer > o->layers)
        return rc ? rc : SATSTAT_EINVAL;
    plan p;
    if ((rc = plan_make(config, o, scheme, &p)) != SATSTAT_OK)
        return rc;
    size_t W = (size_t)o->width, fan = layer == 1 ? (size_t)config->n_in : W;
    size_t cols = layer == 1 ? (size_t)p.support : W;
    if (scheme->kind == SATSTAT_SCHEME_ORTHOGONAL) {
        /* the whole matrix, every column (layer 1 included): column j is
         * the matrix applied to e_j */
        ortho_scratch os;
        size_t big = fan > W ? fan : W;
        float *fb = malloc(big * sizeof(float));
        double *e = calloc(fan, sizeof(double)), *col = malloc(W * sizeof(double));
        if (!fb || !e || !col || ortho_scratch_alloc(config, o, &os) != SATSTAT_OK) {
            free(fb);
            free(e);
            free(col);
            return SATSTAT_ENOMEM;
        }
        for (size_t j = 0; j < fan && rc == SATSTAT_OK; j++) {
            e[j] = 1.0;
            rc = ortho_apply(&p, network, layer, 0, e, col, fb, &os);
            e[j] = 0.0;
            for (size_t i = 0; i < W; i++)
                w[i * fan + j] = col[i];
        }
        ortho_scratch_free(&os);
        free(fb);
        free(e);
        free(col);
        return rc;
    }
    float *f = malloc((cols ? cols : 1) * sizeof(float));
    if (!f)
        return SATSTAT_ENOMEM;
    for (size_t i = 0; i < W; i++) {
        weight_row(&p, network, layer, i, cols, f, w + i * fan);
        for (size_t j = cols; j < fan; j++)
            w[i * fan + j] = 0.0;
    }
    free(f);
    return SATSTAT_OK;
}

int satstat_deep_biases(const satstat_config *config, const satstat_deep_options *o,
                        const satstat_scheme *scheme, uint64_t network, uint64_t layer,
                        double *b)
{
    int rc = check_args(config, o, scheme, network);
    if (rc != SATSTAT_OK || !b || layer < 1 || layer > o->layers)
        return rc ? rc : SATSTAT_EINVAL;
    plan p;
    if ((rc = plan_make(config, o, scheme, &p)) != SATSTAT_OK)
        return rc;
    float *f = malloc((size_t)o->width * sizeof(float));
    if (!f)
        return SATSTAT_ENOMEM;
    bias_vector(&p, network, layer, f, b);
    free(f);
    return SATSTAT_OK;
}

int satstat_deep_inputs(const satstat_config *config, const satstat_deep_options *o,
                        const satstat_scheme *scheme, uint64_t network, double *x)
{
    int rc = check_args(config, o, scheme, network);
    if (rc != SATSTAT_OK || !x)
        return rc ? rc : SATSTAT_EINVAL;
    plan p;
    if ((rc = plan_make(config, o, scheme, &p)) != SATSTAT_OK)
        return rc;
    float *f = malloc((size_t)(config->n_in ? config->n_in : 1) * sizeof(float));
    if (!f)
        return SATSTAT_ENOMEM;
    memset(x, 0, (size_t)config->n_in * sizeof(double));
    rc = input_vector(&p, network, f, x);
    free(f);
    return rc;
}

int satstat_deep_direction(const satstat_config *config, const satstat_deep_options *o,
                           const satstat_scheme *scheme, uint64_t network, double *g)
{
    int rc = check_args(config, o, scheme, network);
    if (rc != SATSTAT_OK || !g)
        return rc ? rc : SATSTAT_EINVAL;
    plan p;
    if ((rc = plan_make(config, o, scheme, &p)) != SATSTAT_OK)
        return rc;
    float *f = malloc((size_t)o->width * sizeof(float));
    if (!f)
        return SATSTAT_ENOMEM;
    direction(&p, network, f, g);
    free(f);
    return SATSTAT_OK;
}

int satstat_deep_jacobian_values(const satstat_config *config, const satstat_deep_options *o,
                                 const satstat_scheme *scheme, uint64_t network, double *sv)
{
    int rc = check_args(config, o, scheme, network);
    if (rc != SATSTAT_OK || !sv)
        return rc ? rc : SATSTAT_EINVAL;
    satstat_deep_options oj = *o;
    oj.jacobian = 1;
    char msg[SATSTAT_ERRMSG_SIZE];
    if ((rc = satstat_deep_options_validate(config, &oj, msg)) != SATSTAT_OK)
        return rc;
    satstat__gsl_quiet();
    blas_single_thread();
    plan p;
    if ((rc = plan_make(config, &oj, scheme, &p)) != SATSTAT_OK)
        return rc;
    worker w;
    if ((rc = worker_init(&w, &p, 0)) != SATSTAT_OK)
        return rc;
    double jm[3];
    rc = run_network(&w, network, NULL, NULL, sv, jm);
    worker_free(&w);
    return rc;
}

int satstat_deep_network(const satstat_config *config, const satstat_deep_options *o,
                         const satstat_scheme *scheme, uint64_t network, double *z,
                         double *delta)
{
    int rc = check_args(config, o, scheme, network);
    if (rc != SATSTAT_OK || !z || !delta)
        return rc ? rc : SATSTAT_EINVAL;
    char msg[SATSTAT_ERRMSG_SIZE];
    if ((rc = satstat_deep_options_validate(config, o, msg)) != SATSTAT_OK)
        return rc;
    satstat__gsl_quiet();
    blas_single_thread();
    plan p;
    if ((rc = plan_make(config, o, scheme, &p)) != SATSTAT_OK)
        return rc;
    worker w;
    if ((rc = worker_init(&w, &p, 0)) != SATSTAT_OK)
        return rc;
    rc = run_network(&w, network, NULL, delta, NULL, NULL);
    if (rc == SATSTAT_OK)
        memcpy(z, w.z, (size_t)(o->layers * o->width) * sizeof(double));
    worker_free(&w);
    return rc;
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
    unsigned t = threads ? threads : online_cores();
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

/* ======================================================================
 * Output
 * ====================================================================== */

int satstat_deep_report_command(const satstat_deep_report *r, char *buf, size_t size)
{
    if (!r || !buf || size == 0)
        return SATSTAT_EINVAL;
    const satstat_config *c = &r->config;
    const satstat_deep_options *o = &r->options;
    char schemes[SATSTAT_MAX_SCHEMES * SATSTAT_SPEC_SIZE] = "";
    size_t n = 0;
    for (size_t i = 0; i < c->n_schemes; i++)
        n += (size_t)snprintf(schemes + n, sizeof schemes - n, "%s%s", i ? "," : "",
                              c->schemes[i].canonical);
    char th[SATSTAT_DOUBLE_SIZE], al[SATSTAT_DOUBLE_SIZE], act[96];
    satstat_format_double(c->threshold, th, sizeof th);
    satstat_format_double(c->alpha, al, sizeof al);
    satstat__shell_word(c->activation->name, act, sizeof act);
    int k;
    if (o->input == SATSTAT_DEEP_INPUT_NORMAL)
        k = snprintf(buf, size,
                     "satstat deep --layers %" PRIu64 " --width %" PRIu64 " --networks %" PRIu64
                     " --scheme %s --activation %s --bias %s --inputs normal --n-in %" PRIu64
                     " --threshold %s --alpha %s --seed %" PRIu64,
                     o->layers, o->width, o->networks, schemes, act, c->bias.canonical, c->n_in,
                     th, al, c->seed);
    else if (c->inputs.kind == SATSTAT_INPUTS_HALF)
        k = snprintf(buf, size,
                     "satstat deep --layers %" PRIu64 " --width %" PRIu64 " --networks %" PRIu64
                     " --scheme %s --activation %s --bias %s --inputs %s --active %" PRIu64
                     " --n-in %" PRIu64 " --threshold %s --alpha %s --seed %" PRIu64,
                     o->layers, o->width, o->networks, schemes, act, c->bias.canonical,
                     c->inputs.canonical, c->inputs.active, c->n_in, th, al, c->seed);
    else
        k = snprintf(buf, size,
                     "satstat deep --layers %" PRIu64 " --width %" PRIu64 " --networks %" PRIu64
                     " --scheme %s --activation %s --bias %s --inputs %s --n-in %" PRIu64
                     " --threshold %s --alpha %s --seed %" PRIu64,
                     o->layers, o->width, o->networks, schemes, act, c->bias.canonical,
                     c->inputs.canonical, c->n_in, th, al, c->seed);
    if (k >= 0 && (size_t)k < size && o->pair) {
        char pc[SATSTAT_DOUBLE_SIZE];
        satstat_format_double(o->pair_correlation, pc, sizeof pc);
        int e = snprintf(buf + k, size - (size_t)k, " --pair-correlation %s", pc);
        k = e < 0 ? e : k + e;
    }
    if (k >= 0 && (size_t)k < size && o->jacobian) {
        int e = snprintf(buf + k, size - (size_t)k, " --jacobian");
        k = e < 0 ? e : k + e;
    }
    return k < 0 || (size_t)k >= size ? SATSTAT_ERANGE : SATSTAT_OK;
}

/* ---- the model ----------------------------------------------------------------
 * Every number of the report is a quantity of satstat_deep_report_model:
 * the text, JSON and CSV writers below walk it, so a number is in every
 * format or in none (tests/test_deep.c walks it against each). */

static json_t *jnum(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

/* Relative difference of sampled and mean-field variance per layer, and
 * the relative half-width of its interval: the size of the finite-width
 * correction against what sampling alone explains. */
static void finite_width(const satstat_deep_report *r, size_t s, double *max_rel,
                         uint64_t *at, double *max_half, double *mean_rel)
{
    *max_rel = 0;
    *max_half = 0;
    *at = 0;
    double sum = 0;
    uint64_t n = 0;
    for (uint64_t l = 1; l <= r->options.layers; l++) {
        const satstat_deep_layer *ly = &r->s[s].layers[l - 1];
        double rel = (ly->variance.value - ly->mf_variance) / ly->mf_variance;
        if (!isfinite(rel))
            continue;
        sum += rel;
        n++;
        if (fabs(rel) >= fabs(*max_rel)) {
            *max_rel = rel;
            *at = l;
        }
        double half = (ly->variance.hi - ly->variance.lo) / 2 / ly->mf_variance;
        if (isfinite(half) && half > *max_half)
            *max_half = half;
    }
    *mean_rel = n ? sum / (double)n : NAN;
}

static const char *phase_name(const satstat_deep_fixed_point *fp)
{
    return satstat_deep_regime_name(fp->regime);
}

static satstat_quantity *put(satstat_model_builder *b, const char *name, const char *json,
                             const char *label, satstat_quantity_kind kind, int digits,
                             double x)
{
    satstat_quantity *q = satstat_model_add(b, name, json, label, kind, digits);
    if (q)
        q->value = x;
    return q;
}

static void put_count(satstat_model_builder *b, const char *name, const char *json,
                      const char *label, satstat_quantity_kind kind, uint64_t n)
{
    satstat_quantity *q = put(b, name, json, label, kind, 0, (double)n);
    if (q)
        q->count = 1;
}

static void put_percent(satstat_model_builder *b, const char *name, const char *json,
                        const char *label, satstat_quantity_kind kind, int digits, double x)
{
    satstat_quantity *q = put(b, name, json, label, kind, digits, x);
    if (q)
        q->percent = 1;
}

/* A quantity the mean field predicts and the networks estimate: its
 * formula, sampled and interval entries (one CSV row). */
static void put_estimate(satstat_model_builder *b, const char *name, const char *analytic,
                         const char *sampled, const char *ci, const char *label, int digits,
                         double mf, const satstat_deep_estimate *e)
{
    put(b, name, analytic, label, SATSTAT_QUANTITY_FORMULA, digits, mf);
    put(b, name, sampled, label, SATSTAT_QUANTITY_SAMPLED, digits, e->value);
    satstat_quantity *q =
        satstat_model_add(b, name, ci, label, SATSTAT_QUANTITY_INTERVAL, digits);
    if (q) {
        q->interval.lo = e->lo;
        q->interval.hi = e->hi;
    }
}

int satstat_deep_report_model(const satstat_deep_report *r, size_t s, uint64_t l,
                              satstat_quantity *out, size_t capacity, size_t *n_out)
{
    if (!r || !out || !n_out || s >= r->config.n_schemes || l > r->options.layers)
        return SATSTAT_EINVAL;
    const satstat_config *c = &r->config;
    const satstat_deep_options *o = &r->options;
    const scheme_result *sr = &r->s[s];
    const satstat_quantity_kind F = SATSTAT_QUANTITY_FORMULA, S = SATSTAT_QUANTITY_SAMPLED;
    satstat_model_builder b = {out, capacity, 0, 0};
    if (l == 0) {
        put(&b, "fixed_point", "fixed_point", "q*", F, 8, sr->fp.finite ? sr->fp.q : NAN);
        put(&b, "chi1", "chi1", "chi1", F, 6, sr->fp.chi1);
        put(&b, "sigma_w2_fan_in", "sigma_w2_fan_in", "sigma_w^2*W", F, 6, sr->sw2_fan_in);
        put(&b, "predicted_gradient_ratio", "predicted_gradient_ratio",
            "gradients x per layer", F, 4, sqrt(sr->fp.chi1));
        /* the correlation map at q* and the depth scales (Schoenholz et
         * al. 2017); +inf (JSON null, text "-") where they diverge */
        put(&b, "correlation_fixed_point", "correlation_fixed_point", "c*", F, 8,
            sr->depth.c_star);
        put(&b, "chi_c", "chi_c", "chi_c", F, 6, sr->depth.chi_c);
        put(&b, "xi_q", "xi_q", "xi_q", F, 5, sr->depth.xi_q);
        if (o->pair) {
            satstat_deep_estimate e = sr->xi_c_sampled;
            put_estimate(&b, "xi_c", "xi_c", "xi_c_sampled", "xi_c_sampled_ci", "xi_c", 5,
                         sr->depth.xi_c, &e);
            put_count(&b, "xi_c_layers", "xi_c_sampled_layers", "layers fitted", S,
                      sr->xi_c_layers);
            put(&b, "xi_c_fit", "xi_c_mean_field_fit", "xi_c fit to MF c^l", F, 5,
                sr->xi_c_fit);
        } else {
            put(&b, "xi_c", "xi_c", "xi_c", F, 5, sr->depth.xi_c);
        }
        put(&b, "trainable_depth", "trainable_depth", "6 xi_c", F, 4, 6 * sr->depth.xi_c);
        put(&b, "weight_variance", "weight_variance", "Var w", F, 6,
            sr->layers[o->layers > 1 ? 1 : 0].weight_variance);
        put(&b, "weight_variance_layer1", "weight_variance_layer1", "Var w (layer 1)", F, 6,
            sr->sigma_w2_layer1);
        if (o->jacobian) {
            /* the spectrum of JᵀJ: moments across networks beside the
             * width → ∞ theory (deep_jacobian.c) */
            const satstat_deep_jacobian *jr = &sr->jacobian;
            put_estimate(&b, "jacobian_m1", "jacobian.m1.theory", "jacobian.m1.sampled",
                         "jacobian.m1.interval", "Jacobian E s^2", 5, jr->theory_m1, &jr->m[0]);
            put_estimate(&b, "jacobian_m2", "jacobian.m2.theory", "jacobian.m2.sampled",
                         "jacobian.m2.interval", "Jacobian E s^4", 5, jr->theory_m2, &jr->m[1]);
            put_estimate(&b, "jacobian_m3", "jacobian.m3.fuss_catalan", "jacobian.m3.sampled",
                         "jacobian.m3.interval", "Jacobian E s^6", 5, jr->fuss_catalan_m3,
                         &jr->m[2]);
            put(&b, "jacobian_fuss_catalan_m2", "jacobian.m2.fuss_catalan",
                "Fuss-Catalan E s^4", F, 5, jr->fuss_catalan_m2);
            put(&b, "jacobian_singular_value_min", "jacobian.singular_value_min", "min s", S, 6,
                jr->sv_min);
            put(&b, "jacobian_singular_value_max", "jacobian.singular_value_max", "max s", S, 6,
                jr->sv_max);
        }
        /* the finite-width summary: sampled Var z against the mean field,
         * beside what sampling (√(2/(R·W)) relative) and the O(1/W)
         * correction would explain */
        double max_rel, max_half, mean_rel;
        uint64_t at;
        finite_width(r, s, &max_rel, &at, &max_half, &mean_rel);
        put_percent(&b, "max_relative_difference", "finite_width.max_relative_difference",
                    "differs by at most", S, 3, max_rel);
        put_count(&b, "at_layer", "finite_width.at_layer", "at layer", S, at);
        put_percent(&b, "mean_relative_difference", "finite_width.mean_relative_difference",
                    "on average", S, 3, mean_rel);
        put_percent(&b, "max_relative_ci_half_width",
                    "finite_width.max_relative_ci_half_width", "widest interval half-width", S,
                    2, max_half);
        put_percent(&b, "expected_sampling_error", "finite_width.expected_sampling_error",
                    "sampling alone explains", F, 2,
                    sqrt(2.0 / ((double)o->networks * (double)o->width)));
        put_percent(&b, "expected_finite_width_correction",
                    "finite_width.expected_finite_width_correction", "O(1/W)", F, 2,
                    1.0 / (double)o->width);
        *n_out = b.count;
        return b.overflow ? SATSTAT_ERANGE : SATSTAT_OK;
    }
    const satstat_deep_layer *ly = &sr->layers[l - 1];
    char rule[SATSTAT_ACTIVATION_NAME_SIZE] = "", region[SATSTAT_REGION_TEXT_SIZE] = "";
    satstat_config_rule_text(c, rule, sizeof rule, region, sizeof region);
    const char *act = c->activation->name;
    char dphi[SATSTAT_LABEL_SIZE], dphi2[SATSTAT_LABEL_SIZE], amean[SATSTAT_LABEL_SIZE],
        avar[SATSTAT_LABEL_SIZE];
    snprintf(dphi, sizeof dphi, "E[%s'(z)]", act);
    snprintf(dphi2, sizeof dphi2, "E[%s'(z)^2]", act);
    snprintf(amean, sizeof amean, "mean %s(z)", act);
    snprintf(avar, sizeof avar, "Var %s(z)", act);
    put_count(&b, "fan_in", "fan_in", "fan-in", F, ly->fan_in);
    put(&b, "weight_variance", "weight_variance", "Var w", F, 6, ly->weight_variance);
    put_estimate(&b, "mean", "analytic.mean", "empirical.mean", "empirical.mean_ci", "mean z",
                 5, ly->mf_mean, &ly->mean);
    put_estimate(&b, "variance", "analytic.variance", "empirical.variance",
                 "empirical.variance_ci", "Var z", 5, ly->mf_variance, &ly->variance);
    put(&b, "variance_relative_difference", "empirical.variance_relative_difference",
        "Var z/MF - 1", S, 4, (ly->variance.value - ly->mf_variance) / ly->mf_variance);
    put_estimate(&b, "saturated_fraction", "analytic.saturated_fraction",
                 "empirical.saturated_fraction", "empirical.saturated_fraction_ci",
                 c->activation->dead && strcmp(rule, "dead") == 0 ? "dead" : "saturated", 4,
                 ly->mf_saturated_fraction, &ly->saturated_fraction);
    put_estimate(&b, "mean_activation_derivative", "analytic.mean_activation_derivative",
                 "empirical.mean_activation_derivative",
                 "empirical.mean_activation_derivative_ci", dphi, 4, ly->mf_dphi, &ly->dphi);
    put(&b, "mean_activation_derivative_squared",
        "analytic.mean_activation_derivative_squared", dphi2, F, 5, ly->mf_dphi_sq);
    put(&b, "activation_mean", "empirical.activation_mean", amean, S, 5,
        ly->activation_mean.value);
    put(&b, "activation_variance", "empirical.activation_variance", avar, S, 5,
        ly->activation_variance.value);
    put_estimate(&b, "gradient_norm", "analytic.gradient_norm", "empirical.gradient_norm",
                 "empirical.gradient_norm_ci", "|d|", 5, ly->mf_gradient_norm,
                 &ly->gradient_norm);
    put(&b, "gradient_norm_rms", "empirical.gradient_norm_rms", "rms |d|", S, 5,
        ly->gradient_norm_rms);
    if (o->pair)
        put_estimate(&b, "correlation", "correlation.mean_field", "correlation.sampled",
                     "correlation.interval", "corr(z1, z2)", 5, ly->mf_correlation,
                     &ly->correlation);
    /* |d^l|/|d^(l+1)|: the geometric mean over networks (NaN at l = L) */
    double lr = ly->gradient_log_ratio;
    put(&b, "gradient_ratio", "analytic.gradient_ratio", "|d| ratio", F, 4,
        ly->mf_gradient_ratio);
    put(&b, "gradient_ratio", "empirical.gradient_ratio", "|d| ratio", S, 4,
        isfinite(lr) ? exp(lr) : NAN);
    *n_out = b.count;
    return b.overflow ? SATSTAT_ERANGE : SATSTAT_OK;
}

/* A layer's quantities (layer 0: the scheme's); SATSTAT_DEEP_MODEL_MAX
 * always holds them (the model-walk test checks the count). */
typedef struct deep_model {
    satstat_quantity q[SATSTAT_DEEP_MODEL_MAX];
    size_t n;
} deep_model;

static void model_of(const satstat_deep_report *r, size_t s, uint64_t l, deep_model *m)
{
    if (satstat_deep_report_model(r, s, l, m->q, SATSTAT_DEEP_MODEL_MAX, &m->n) != SATSTAT_OK)
        m->n = 0;
}

/* ---- JSON ------------------------------------------------------------------------*/

static json_t *report_json(const satstat_deep_report *r, const satstat_deep_phase *ph)
{
    const satstat_config *c = &r->config;
    const satstat_deep_options *o = &r->options;
    deep_model *m = malloc(sizeof *m);
    if (!m)
        return NULL;
    json_t *names = json_array();
    for (size_t i = 0; i < c->n_schemes; i++)
        json_array_append_new(names, json_string(c->schemes[i].canonical));
    char cmd[2048];
    satstat_deep_report_command(r, cmd, sizeof cmd);
    satstat_region reg = satstat_region_tails(-INFINITY, INFINITY);
    satstat_config_region(c, &reg, NULL);
    json_t *config = json_pack(
        "{s:s s:I s:I s:I s:I s:I s:s s:s s:s s:f s:[o o] s:I s:f s:o s:s s:s s:s s:s s:I s:I "
        "s:s}",
        "command_name", "deep", "layers", (json_int_t)o->layers, "width", (json_int_t)o->width,
        "networks", (json_int_t)o->networks, "n_in", (json_int_t)c->n_in, "active",
        (json_int_t)(o->input == SATSTAT_DEEP_INPUT_NORMAL ? c->n_in
                     : c->inputs.kind == SATSTAT_INPUTS_HALF
                         ? c->inputs.active
                         : satstat_inputs_support(&c->inputs, c->n_in)),
        "inputs", o->input == SATSTAT_DEEP_INPUT_NORMAL ? "normal" : c->inputs.canonical,
        "bias", c->bias.canonical, "activation", c->activation->name, "threshold", c->threshold,
        "saturated_region", jnum(reg.below), jnum(reg.above), "seed", (json_int_t)c->seed,
        "alpha", c->alpha, "schemes", names, "generator", satstat_generator_name(), "transform",
        satstat_transform_name(), "simd", r->simd, "blas", SATSTAT_BLAS, "threads",
        (json_int_t)r->threads, "max_memory", (json_int_t)cap_of(o), "command", cmd);
    /* the saturation rule and the region of z it stands for, as `run`
     * reports them (relu: dead units, z <= 0, not |z| >= threshold) */
    json_object_set_new(config, "saturation", satstat__saturation_json(c));
    json_object_set_new(config, "memory_used", json_integer((json_int_t)r->memory));
    json_object_set_new(config, "kept_layers", json_integer((json_int_t)r->kept_layers));
    json_t *schemes = json_array();
    for (size_t s = 0; s < c->n_schemes; s++) {
        const scheme_result *sr = &r->s[s];
        char desc[SATSTAT_SPEC_SIZE];
        satstat_scheme_describe(&c->schemes[s], desc, sizeof desc);
        json_t *layers = json_array();
        for (uint64_t l = 1; l <= o->layers; l++) {
            json_t *lo = json_pack("{s:I}", "layer", (json_int_t)l);
            model_of(r, s, l, m);
            for (size_t k = 0; k < m->n; k++)
                satstat__quantity_json(lo, &m->q[k]);
            /* R, a setting of the run, beside the estimates it made */
            json_object_set_new(json_object_get(lo, "empirical"), "networks",
                                json_integer((json_int_t)o->networks));
            json_array_append_new(layers, lo);
        }
        json_t *so = json_pack("{s:s s:s}", "scheme", c->schemes[s].canonical, "weights", desc);
        model_of(r, s, 0, m);
        for (size_t k = 0; k < m->n; k++)
            satstat__quantity_json(so, &m->q[k]);
        json_object_set_new(so, "layers", layers);
        json_object_set_new(so, "fixed_point_finite", json_boolean(sr->fp.finite));
        json_object_set_new(so, "phase", json_string(phase_name(&sr->fp)));
        json_object_set_new(
            json_object_get(so, "finite_width"), "note",
            json_string("mean field is exact as W -> infinity; at width W the sampled Var z "
                        "differs by O(1/W) (finite-width correction) plus sampling error of "
                        "about sqrt(2/(R*W)) relative"));
        if (o->jacobian) {
            /* the pooled density of the singular values (not quantities:
             * an array, like the phase diagram) */
            json_t *jo = json_object_get(so, "jacobian"), *edges = json_array(),
                   *counts = json_array();
            const satstat_deep_jacobian *jr = &sr->jacobian;
            for (size_t k = 0; k <= SATSTAT_DEEP_HIST_BINS; k++)
                json_array_append_new(edges, jnum(jr->sv_max * (double)k /
                                                  SATSTAT_DEEP_HIST_BINS));
            for (size_t k = 0; k < SATSTAT_DEEP_HIST_BINS; k++)
                json_array_append_new(counts, json_integer((json_int_t)jr->hist[k]));
            json_object_set_new(jo, "singular_value_density",
                                json_pack("{s:o s:o s:s}", "edges", edges, "counts", counts,
                                          "layout",
                                          "counts[k]: singular values in [edges[k], "
                                          "edges[k+1]), pooled over networks (the last bin "
                                          "closed)"));
            json_object_set_new(jo, "note",
                                json_string("m_k = tr((J^T J)^k)/n_in; theory: free "
                                            "probability as W -> infinity (m2 for n_in = W); "
                                            "Fuss-Catalan for linear units with i.i.d. "
                                            "square layers"));
        }
        if (isinf(sr->depth.xi_c) || isinf(sr->depth.xi_q))
            json_object_set_new(so, "depth_scales_note",
                                json_string("xi_c (and xi_q where its slope is 1) diverge "
                                            "at chi1 = 1, the edge of chaos: null here"));
        if (!sr->fp.finite)
            json_object_set_new(so, "fixed_point_note",
                                json_string("no finite fixed point: the length map grows "
                                            "without bound (e.g. ReLU with sigma_w^2*W >= 2); "
                                            "chi1 is its limit"));
        json_array_append_new(schemes, so);
    }
    free(m);
    json_t *root = json_pack("{s:i s:s s:s s:o s:o s:f}", "schema_version",
                             SATSTAT_SCHEMA_VERSION, "version", SATSTAT_VERSION, "command_name",
                             "deep", "config", config, "schemes", schemes, "elapsed_seconds",
                             r->elapsed);
    if (root && ph) {
        json_t *xs = json_array(), *ys = json_array(), *chi = json_array(), *q = json_array(),
               *xi = json_array();
        for (size_t i = 0; i < ph->nx; i++)
            json_array_append_new(xs, jnum(ph->x[i]));
        for (size_t k = 0; k < ph->ny; k++) {
            json_array_append_new(ys, jnum(ph->y[k]));
            json_t *rc = json_array(), *rq = json_array(), *rx = json_array();
            for (size_t i = 0; i < ph->nx; i++) {
                json_array_append_new(rc, jnum(ph->chi1[k * ph->nx + i]));
                json_array_append_new(rq, jnum(ph->q[k * ph->nx + i]));
                json_array_append_new(rx, jnum(ph->xi_c[k * ph->nx + i]));
            }
            json_array_append_new(chi, rc);
            json_array_append_new(q, rq);
            json_array_append_new(xi, rx);
        }
        json_t *edge = json_array();
        for (size_t k = 0; k < ph->ny; k++)
            json_array_append_new(edge, jnum(ph->critical[k]));
        json_object_set_new(root, "phase_diagram",
                            json_pack("{s:o s:o s:o s:o s:o s:o s:s}", "sigma_w2_fan_in", xs,
                                      "sigma_b2", ys, "chi1", chi, "fixed_point", q, "xi_c",
                                      xi, "critical_sigma_w2_fan_in", edge, "layout",
                                      "chi1[i][j] at sigma_b2[i], sigma_w2_fan_in[j]; "
                                      "critical_sigma_w2_fan_in[i]: chi1 = 1 at sigma_b2[i] "
                                      "(null: no crossing); xi_c likewise (null where it "
                                      "diverges, chi1 = 1, or there is no q*); networks "
                                      "train to a depth of about 6 xi_c"));
    }
    return root;
}

/* ---- text ------------------------------------------------------------------------*/

/* A scheme's table: the layer column, then per quantity name a group of
 * columns (mean field, sampled, interval) under its label.  Columns are
 * as wide as their cells and two spaces apart, so they never touch; the
 * groups wrap into blocks, each repeating the layer column, so that no
 * line exceeds the width. */
enum { DEEP_CELL = 2 * SATSTAT_DOUBLE_SIZE + 8, DEEP_INDENT = 2, DEEP_GAP = 2 };

static void cell_text(const satstat_quantity *q, char *buf, size_t size)
{
    if (q->kind != SATSTAT_QUANTITY_INTERVAL)
        satstat_quantity_text(q, buf, size);
    else if (isfinite(q->interval.lo) && isfinite(q->interval.hi))
        snprintf(buf, size, "[%.*g, %.*g]", q->digits, q->interval.lo, q->digits,
                 q->interval.hi);
    else
        snprintf(buf, size, "-");
}

/* What a column holds, under its quantity's label. */
static const char *column_kind(const satstat_quantity *q, const char *ci)
{
    switch (q->kind) {
    case SATSTAT_QUANTITY_FORMULA:
        /* the mean field's numbers, not the network's settings */
        return strncmp(q->json, "analytic.", 9) == 0 ? "mean field" : "";
    case SATSTAT_QUANTITY_SAMPLED:
        return "sampled";
    case SATSTAT_QUANTITY_INTERVAL:
        return ci;
    default:
        return "";
    }
}

static void table_line(FILE *f, const char *text)
{
    size_t len = strlen(text);
    while (len > 0 && text[len - 1] == ' ')
        len--;
    fprintf(f, "%.*s\n", (int)len, text);
}

static void write_table(const satstat_deep_report *r, size_t s, unsigned width, FILE *f)
{
    const uint64_t layers = r->options.layers;
    char ci[32], layer_text[24];
    snprintf(ci, sizeof ci, "%g%% CI", 100.0 * (1.0 - r->config.alpha));
    deep_model *m = malloc(sizeof *m);
    if (!m)
        return;
    /* the columns (every layer has the same quantities) and their widths */
    model_of(r, s, 1, m);
    size_t n = m->n, col_w[SATSTAT_DEEP_MODEL_MAX];
    snprintf(layer_text, sizeof layer_text, "%" PRIu64, layers);
    size_t layer_w = strlen(layer_text) > 5 ? strlen(layer_text) : 5;
    for (size_t k = 0; k < n; k++)
        col_w[k] = strlen(column_kind(&m->q[k], ci));
    for (uint64_t l = 1; l <= layers; l++) {
        model_of(r, s, l, m);
        for (size_t k = 0; k < n && k < m->n; k++) {
            char cell[DEEP_CELL];
            cell_text(&m->q[k], cell, sizeof cell);
            if (strlen(cell) > col_w[k])
                col_w[k] = strlen(cell);
        }
    }
    model_of(r, s, 1, m);
    /* the groups: the quantities of one name; a label wider than its
     * columns widens the last */
    size_t group_start[SATSTAT_DEEP_MODEL_MAX + 1], groups = 0, group_w[SATSTAT_DEEP_MODEL_MAX];
    for (size_t k = 0; k < n; k++)
        if (k == 0 || strcmp(m->q[k].name, m->q[k - 1].name) != 0)
            group_start[groups++] = k;
    group_start[groups] = n;
    for (size_t g = 0; g < groups; g++) {
        size_t w = 0, first = group_start[g], end = group_start[g + 1];
        for (size_t k = first; k < end; k++)
            w += (k > first ? DEEP_GAP : 0) + col_w[k];
        size_t label = strlen(m->q[first].label);
        if (label > w) {
            col_w[end - 1] += label - w;
            w = label;
        }
        group_w[g] = w;
    }
    satstat_quantity head[SATSTAT_DEEP_MODEL_MAX];
    memcpy(head, m->q, n * sizeof head[0]);
    char line[4096];
    for (size_t from = 0; from < groups;) {
        size_t to = from + 1, used = DEEP_INDENT + layer_w + DEEP_GAP + group_w[from];
        while (to < groups && used + DEEP_GAP + group_w[to] <= width) {
            used += DEEP_GAP + group_w[to];
            to++;
        }
        size_t k0 = group_start[from], k1 = group_start[to], len;
        /* two header lines: the labels over their groups, the kinds */
        len = (size_t)snprintf(line, sizeof line, "%*s%-*s", DEEP_INDENT, "", (int)layer_w,
                               "layer");
        for (size_t g = from; g < to && len < sizeof line; g++)
            len += (size_t)snprintf(line + len, sizeof line - len, "%*s%-*s", DEEP_GAP, "",
                                    (int)group_w[g], head[group_start[g]].label);
        table_line(f, line);
        len = (size_t)snprintf(line, sizeof line, "%*s%*s", DEEP_INDENT, "", (int)layer_w, "");
        for (size_t k = k0; k < k1 && len < sizeof line; k++)
            len += (size_t)snprintf(line + len, sizeof line - len, "%*s%-*s", DEEP_GAP, "",
                                    (int)col_w[k], column_kind(&head[k], ci));
        table_line(f, line);
        for (uint64_t l = 1; l <= layers; l++) {
            model_of(r, s, l, m);
            len = (size_t)snprintf(line, sizeof line, "%*s%*" PRIu64, DEEP_INDENT, "",
                                   (int)layer_w, l);
            for (size_t k = k0; k < k1 && k < m->n && len < sizeof line; k++) {
                char cell[DEEP_CELL];
                cell_text(&m->q[k], cell, sizeof cell);
                len += (size_t)snprintf(line + len, sizeof line - len, "%*s%-*s", DEEP_GAP, "",
                                        (int)col_w[k], cell);
            }
            table_line(f, line);
        }
        from = to;
        if (from < groups)
            fputc('\n', f);
    }
    free(m);
}

/* The text of the quantity `name` among the scheme's, "-" if absent. */
static const char *scheme_value(const deep_model *m, const char *name, char *buf, size_t size)
{
    const satstat_quantity *q = NULL;
    for (size_t k = 0; k < m->n && !q; k++)
        if (strcmp(m->q[k].name, name) == 0)
            q = &m->q[k];
    if (!q) {
        snprintf(buf, size, "-");
        return buf;
    }
    /* a signed relative difference says its sign */
    int sign = q->percent && q->kind == SATSTAT_QUANTITY_SAMPLED && q->value > 0 &&
               strstr(q->name, "relative_difference") != NULL;
    buf[0] = '+';
    satstat_quantity_text(q, buf + sign, size - (size_t)sign);
    return buf;
}

/* The text of the quantity of this name and kind (an interval as
 * "[lo, hi]"), "-" when there is none; buf has DEEP_CELL bytes. */
static const char *kind_value(const deep_model *m, const char *name, satstat_quantity_kind kind,
                              char *buf)
{
    const satstat_quantity *q = satstat_quantity_find(m->q, m->n, name, kind);
    if (!q)
        snprintf(buf, DEEP_CELL, "-");
    else
        cell_text(q, buf, DEEP_CELL);
    return buf;
}

static void write_text(const satstat_deep_report *r, const satstat_deep_phase *ph,
                       unsigned width, FILE *f)
{
    const satstat_config *c = &r->config;
    const satstat_deep_options *o = &r->options;
    char cmd[2048], line[4096];
    satstat_deep_report_command(r, cmd, sizeof cmd);
    snprintf(line, sizeof line,
             "satstat %s deep: %" PRIu64 " layers of width %" PRIu64 ", %" PRIu64
             " networks per scheme",
             SATSTAT_VERSION, o->layers, o->width, o->networks);
    satstat__text_wrap(f, width, 2, line);
    snprintf(line, sizeof line, "command: %s", cmd);
    satstat__text_wrap(f, width, 4, line);
    /* the rule actually applied and its region, worded as `run` does
     * (relu counts dead units, z <= 0, not |z| >= T) */
    char rule[SATSTAT_ACTIVATION_NAME_SIZE] = "", region[SATSTAT_REGION_TEXT_SIZE] = "";
    satstat_config_rule_text(c, rule, sizeof rule, region, sizeof region);
    snprintf(line, sizeof line, "activation %s, bias %s, layer-1 inputs %s (n_in %" PRIu64 ")",
             c->activation->name, c->bias.canonical,
             o->input == SATSTAT_DEEP_INPUT_NORMAL ? "normal (N(0,1), one vector per network)"
                                                   : c->inputs.canonical,
             c->n_in);
    satstat__text_wrap(f, width, 2, line);
    size_t len = (size_t)snprintf(line, sizeof line, "saturated when %s", region);
    if (len < sizeof line &&
        (c->saturation.kind != SATSTAT_SATURATION_DEFAULT || c->activation->dead))
        snprintf(line + len, sizeof line - len, " (rule %s%s)", rule,
                 c->activation->dead && strcmp(rule, "dead") == 0 ? ": dead units" : "");
    satstat__text_wrap(f, width, 2, line);
    /* the wall time last: it alone differs between runs of one seed */
    snprintf(line, sizeof line, "generator %s, SIMD %s, BLAS %s, %u thread%s, %.1f MiB, %.2f s",
             satstat_generator_name(), r->simd, SATSTAT_BLAS, r->threads,
             r->threads == 1 ? "" : "s", (double)r->memory / 1048576.0, r->elapsed);
    satstat__text_wrap(f, width, 2, line);
    snprintf(line, sizeof line,
             "intervals: %g%% across networks (a network is one observation): Var z and |d| "
             "log-normal (modified Cox), saturated fraction Korn-Graubard (effective units), "
             "the rest Student t",
             100 * (1 - c->alpha));
    satstat__text_wrap(f, width, 2, line);
    deep_model *m = malloc(sizeof *m);
    if (!m)
        return;
    for (size_t s = 0; s < c->n_schemes; s++) {
        const scheme_result *sr = &r->s[s];
        char desc[SATSTAT_SPEC_SIZE], v[6][DEEP_CELL];
        satstat_scheme_describe(&c->schemes[s], desc, sizeof desc);
        model_of(r, s, 0, m);
        snprintf(line, sizeof line,
                 "scheme %s: weights %s; sigma_w^2*W = %s (layers 2..%" PRIu64 "), Var w = %s, "
                 "%s in layer 1",
                 c->schemes[s].canonical, desc,
                 scheme_value(m, "sigma_w2_fan_in", v[0], DEEP_CELL), o->layers,
                 scheme_value(m, "weight_variance", v[1], DEEP_CELL),
                 scheme_value(m, "weight_variance_layer1", v[2], DEEP_CELL));
        fputc('\n', f);
        satstat__text_wrap(f, width, 2, line);
        if (sr->fp.finite)
            snprintf(line, sizeof line,
                     "  mean field: q* = %s, chi1 = %s: %s (gradients x%s per layer near q*)",
                     scheme_value(m, "fixed_point", v[0], DEEP_CELL),
                     scheme_value(m, "chi1", v[1], DEEP_CELL), phase_name(&sr->fp),
                     scheme_value(m, "predicted_gradient_ratio", v[2], DEEP_CELL));
        else
            snprintf(line, sizeof line,
                     "  mean field: no finite fixed point (the length map grows without "
                     "bound); chi1 -> %s: %s (gradients x%s per layer)",
                     scheme_value(m, "chi1", v[1], DEEP_CELL), phase_name(&sr->fp),
                     scheme_value(m, "predicted_gradient_ratio", v[2], DEEP_CELL));
        satstat__text_wrap(f, width, 4, line);
        if (sr->fp.finite) {
            char xq[DEEP_CELL + 32], xc[DEEP_CELL + 32];
            snprintf(xq, sizeof xq, "%s", isinf(sr->depth.xi_q)
                                              ? "diverges"
                                              : scheme_value(m, "xi_q", v[3], DEEP_CELL));
            snprintf(xc, sizeof xc, "%s", isinf(sr->depth.xi_c)
                                              ? "diverges (chi1 = 1)"
                                              : scheme_value(m, "xi_c", v[4], DEEP_CELL));
            snprintf(line, sizeof line,
                     "  correlation map: c* = %s, chi_c = %s; depth scales xi_q = %s, "
                     "xi_c = %s%s%s",
                     scheme_value(m, "correlation_fixed_point", v[0], DEEP_CELL),
                     scheme_value(m, "chi_c", v[1], DEEP_CELL), xq, xc,
                     isinf(sr->depth.xi_c) ? "" : " (trainable to about 6 xi_c = ",
                     isinf(sr->depth.xi_c) ? ""
                                           : scheme_value(m, "trainable_depth", v[5], DEEP_CELL));
            if (!isinf(sr->depth.xi_c) && strlen(line) + 2 < sizeof line)
                strcat(line, " layers)");
            satstat__text_wrap(f, width, 4, line);
        }
        if (o->jacobian) {
            char t[8][DEEP_CELL];
            const satstat_quantity_kind SK = SATSTAT_QUANTITY_SAMPLED,
                                        IK = SATSTAT_QUANTITY_INTERVAL,
                                        FK = SATSTAT_QUANTITY_FORMULA;
            snprintf(line, sizeof line,
                     "  Jacobian J = D_L W_L ... D_1 W_1, moments of its squared singular "
                     "values over n_in: E s^2 = %s %s (theory %s), E s^4 = %s %s (theory %s, "
                     "Fuss-Catalan %s), E s^6 = %s %s (Fuss-Catalan %s); s in [%s, %s] over "
                     "all networks",
                     kind_value(m, "jacobian_m1", SK, t[0]), kind_value(m, "jacobian_m1", IK, t[1]),
                     kind_value(m, "jacobian_m1", FK, t[2]), kind_value(m, "jacobian_m2", SK, t[3]),
                     kind_value(m, "jacobian_m2", IK, t[4]), kind_value(m, "jacobian_m2", FK, t[5]),
                     kind_value(m, "jacobian_fuss_catalan_m2", FK, t[6]),
                     kind_value(m, "jacobian_m3", SK, t[7]),
                     kind_value(m, "jacobian_m3", IK, v[3]),
                     kind_value(m, "jacobian_m3", FK, v[0]),
                     kind_value(m, "jacobian_singular_value_min", SK, v[1]),
                     kind_value(m, "jacobian_singular_value_max", SK, v[2]));
            satstat__text_wrap(f, width, 4, line);
        }
        write_table(r, s, width, f);
        snprintf(line, sizeof line,
                 "  finite width: sampled Var z differs from the mean field by at most %s "
                 "(layer %s), %s on average; sampling alone explains about +-%s (widest "
                 "interval half-width %s); the finite-width correction is O(1/W) = %s",
                 scheme_value(m, "max_relative_difference", v[0], DEEP_CELL),
                 scheme_value(m, "at_layer", v[1], DEEP_CELL),
                 scheme_value(m, "mean_relative_difference", v[2], DEEP_CELL),
                 scheme_value(m, "expected_sampling_error", v[3], DEEP_CELL),
                 scheme_value(m, "max_relative_ci_half_width", v[4], DEEP_CELL),
                 scheme_value(m, "expected_finite_width_correction", v[5], DEEP_CELL));
        satstat__text_wrap(f, width, 4, line);
    }
    free(m);
    fputc('\n', f);
    satstat__text_wrap(f, width, 1,
                       "(MF: mean field.  |d|: norm of the back-propagated gradient delta^l, "
                       "delta^L = phi'(z^L)*g for a unit vector g; |d| ratio: |d^l|/|d^(l+1)|, "
                       "geometric mean over networks; mean field predicts sqrt(chi) per "
                       "layer.  Var z/MF - 1: sampled over mean-field Var z, less 1.)");
    if (ph) {
        snprintf(line, sizeof line,
                 "phase diagram: %zu x %zu grid of sigma_w^2*fan_in in [%g, %g] (log) and "
                 "sigma_b^2 in [%g, %g]; see the JSON or the figure",
                 ph->nx, ph->ny, ph->x_lo, ph->x_hi, ph->y_lo, ph->y_hi);
        satstat__text_wrap(f, width, 2, line);
    }
}

/* ---- CSV -------------------------------------------------------------------------*/

static void csv_num(FILE *f, double x)
{
    if (isfinite(x))
        fprintf(f, ",%.17g", x);
    else
        fputs(",", f);
}

/* One row per (scheme, layer, quantity name): the model's quantities of
 * that name fill its columns by kind (satstat/model.h). */
static void csv_quantity_row(FILE *f, const char *scheme, uint64_t layer,
                             const satstat_quantity *q, size_t n)
{
    double analytic = NAN, sampled = NAN;
    satstat_interval ci = {NAN, NAN};
    for (size_t k = 0; k < n; k++) {
        if (q[k].kind == SATSTAT_QUANTITY_FORMULA || q[k].kind == SATSTAT_QUANTITY_CLAIM)
            analytic = q[k].value;
        else if (q[k].kind == SATSTAT_QUANTITY_SAMPLED)
            sampled = q[k].value;
        else if (q[k].kind == SATSTAT_QUANTITY_INTERVAL)
            ci = q[k].interval;
    }
    /* RFC 4180: a scheme ("he-normal:2,fan_out") may hold a comma */
    satstat__csv_field(f, scheme);
    if (layer)
        fprintf(f, ",%" PRIu64 ",", layer);
    else
        fputs(",,", f);
    satstat__csv_field(f, q[0].name);
    csv_num(f, analytic);
    csv_num(f, sampled);
    csv_num(f, ci.lo);
    csv_num(f, ci.hi);
    fputc('\n', f);
}

static void csv_model_rows(FILE *f, const char *scheme, uint64_t layer, const deep_model *m)
{
    /* the quantities of one name come together */
    for (size_t k = 0; k < m->n;) {
        size_t end = k + 1;
        while (end < m->n && strcmp(m->q[end].name, m->q[k].name) == 0)
            end++;
        csv_quantity_row(f, scheme, layer, &m->q[k], end - k);
        k = end;
    }
}

static void write_csv(const satstat_deep_report *r, FILE *f)
{
    const satstat_config *c = &r->config;
    deep_model *m = malloc(sizeof *m);
    if (!m)
        return;
    fputs("scheme,layer,quantity,analytic,sampled,ci_low,ci_high\n", f);
    for (size_t s = 0; s < c->n_schemes; s++) {
        const char *name = c->schemes[s].canonical;
        for (uint64_t l = 1; l <= r->options.layers; l++) {
            model_of(r, s, l, m);
            csv_model_rows(f, name, l, m);
        }
        model_of(r, s, 0, m);
        csv_model_rows(f, name, 0, m);
        satstat__csv_field(f, name);
        fprintf(f, ",,phase,%s,,,\n", phase_name(&r->s[s].fp));
    }
    free(m);
}

static int write_format(const satstat_deep_report *r, const satstat_deep_phase *phase,
                        satstat_format format, unsigned width, FILE *f)
{
    if (!r || !f)
        return SATSTAT_EINVAL;
    /* '.' as the decimal point whatever the caller's locale */
    satstat__c_locale scope;
    satstat__c_locale_enter(&scope);
    int rc = SATSTAT_OK;
    switch (format) {
    case SATSTAT_FORMAT_TEXT:
        write_text(r, phase, width < 60 ? 60 : width, f);
        break;
    case SATSTAT_FORMAT_CSV:
        write_csv(r, f);
        break;
    case SATSTAT_FORMAT_JSON: {
        json_t *root = report_json(r, phase);
        if (!root || json_dumpf(root, f, JSON_INDENT(2) | JSON_REAL_PRECISION(17)) != 0)
            rc = SATSTAT_EIO;
        fputc('\n', f);
        json_decref(root);
        break;
    }
    case SATSTAT_FORMAT_HTML: /* a page without figures (satstat/html.h) */
        rc = satstat_deep_report_write_html(&r, 1, phase, NULL, f);
        break;
    default:
        rc = SATSTAT_EINVAL;
    }
    satstat__c_locale_leave(&scope);
    if (ferror(f))
        rc = SATSTAT_EIO;
    return rc;
}

int satstat_deep_report_write(const satstat_deep_report *r, const satstat_deep_phase *phase,
                              satstat_format format, FILE *f)
{
    return write_format(r, phase, format, SATSTAT_TEXT_WIDTH, f);
}

int satstat_deep_report_write_text(const satstat_deep_report *r,
                                   const satstat_deep_phase *phase, unsigned width, FILE *f)
{
    return write_format(r, phase, SATSTAT_FORMAT_TEXT, width, f);
}
