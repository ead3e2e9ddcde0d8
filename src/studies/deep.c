/* deep.c — random networks of many layers beside the mean-field theory of
 * signal propagation (satstat/deep.h): the options, the memory plan and
 * the run.
 *
 * The parts: deep_network.c draws one network's weights, biases and
 * inputs and runs it forward and backward; deep_sample.c runs the
 * networks on worker threads and reduces them into intervals;
 * deep_meanfield.c holds the length map, its fixed point, the per-layer
 * predictions and the phase diagram; deep_corr.c the correlation map and
 * depth scales; deep_jacobian.c the input–output Jacobian; deep_write.c
 * the report model and its text, JSON and CSV writers.
 *
 * Memory: every worker keeps the weights of as many deep layers as the
 * rest of --max-memory holds (as the stream's floats when they are
 * normal), so that the backward pass reads them instead of drawing them
 * again (the same numbers either way).
 */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE (weight_cache_alloc) */
#include <satstat/deep.h>

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <satstat/build.h>
#include <satstat/error.h>
#include <satstat/rng.h>

#include "base/error-int.h"
#include "model/config-int.h"
#include "studies/deep-int.h"
#include "base/gsl-int.h"

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

unsigned satstat__deep_online_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1u;
}

/* Inputs that can be non-zero in layer 1: the columns of W¹ drawn. */
uint64_t satstat__deep_layer1_support(const satstat_config *c,
                                      const satstat_deep_options *o)
{
    if (o->pair || o->jacobian)
        return c->n_in; /* x₂ is not 0 where x₁ is; J has every column */
    return o->input == SATSTAT_DEEP_INPUT_NORMAL ? c->n_in
                                                 : satstat_inputs_support(&c->inputs, c->n_in);
}

/* Orthogonal weights: the largest Gaussian matrix any layer needs
 * (max(W, fan) × min(W, fan)), its Householder scalars and one vector of
 * max(W, fan) (ortho_apply). */
void satstat__deep_ortho_shape(const satstat_config *c, const satstat_deep_options *o,
                               uint64_t *rows, uint64_t *cols)
{
    uint64_t W = o->width, n = c->n_in;
    *rows = W > n ? W : n;
    *cols = W < n ? W : n;
    if (o->layers > 1 && W > *cols)
        *cols = W;
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

/* A worker's kept weights: tens of MiB touched once per run.  On Linux,
 * 2 MiB-aligned and advised as huge pages (transparent huge pages in
 * "madvise" mode), which cuts the page faults of the first touch 512-fold
 * and the TLB misses of every pass; the values are the same either way. */
static void *weight_cache_alloc(size_t bytes)
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

int satstat__deep_float_rows(const satstat_law *law, const satstat_deep_options *o)
{
    return law->family == SATSTAT_FAMILY_NORMAL && !o->jacobian;
}

/* Bytes of one kept weight: 4 when every scheme that keeps weights draws
 * them as floats, else 8 (satstat__deep_float_rows). */
static uint64_t kept_weight_bytes(const satstat_config *c, const satstat_deep_options *o)
{
    for (size_t s = 0; s < c->n_schemes; s++) {
        satstat_law w;
        if (c->schemes[s].kind != SATSTAT_SCHEME_ORTHOGONAL
            && (satstat_scheme_weight_law(&c->schemes[s], o->width, o->width, &w) != SATSTAT_OK
                || !satstat__deep_float_rows(&w, o)))
            return sizeof(double);
    }
    return sizeof(float);
}

/* Whether some scheme multiplies a whole matrix of doubles (a layer whose
 * weights are not drawn as floats). */
static int has_double_matrix(const satstat_config *c, const satstat_deep_options *o)
{
    for (size_t s = 0; s < c->n_schemes; s++) {
        satstat_law w1, ww;
        if (c->schemes[s].kind == SATSTAT_SCHEME_ORTHOGONAL)
            continue;
        if (satstat_scheme_weight_law(&c->schemes[s], c->n_in, o->width, &w1) != SATSTAT_OK
            || satstat_scheme_weight_law(&c->schemes[s], o->width, o->width, &ww) != SATSTAT_OK
            || !satstat__deep_float_rows(&w1, o)
            || (o->layers > 1 && !satstat__deep_float_rows(&ww, o)))
            return 1;
    }
    return 0;
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
    satstat__deep_ortho_shape(c, o, &rows, &cols);
    return mul_sat(add_sat(mul_sat(rows, cols), add_sat(rows, cols)), sizeof(double));
}

/* One worker: a weight matrix of W rows by the widest fan-in (where some
 * layer multiplies doubles), the row scratch (floats and doubles), the
 * inputs, z of every layer, and the vectors of the backward pass; its
 * histograms. */
static uint64_t worker_bytes(const satstat_config *c, const satstat_deep_options *o)
{
    uint64_t W = o->width, L = o->layers;
    uint64_t cols = satstat__deep_layer1_support(c, o);
    if (L > 1 && W > cols)
        cols = W;
    if (cols == 0)
        cols = 1;
    uint64_t b = has_double_matrix(c, o) ? mul_sat(mul_sat(W, cols), sizeof(double)) : 0;
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
    unsigned t = threads ? threads : satstat__deep_online_cores();
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

uint64_t satstat__deep_cap_of(const satstat_deep_options *o)
{
    return o->max_memory ? o->max_memory : satstat_deep_default_max_memory();
}

int satstat__deep_options_validate(const satstat_config *config, const satstat_deep_options *o,
                                   satstat__field_names names, satstat_config_field *field,
                                   char *msg, size_t msg_size)
{
    const char *f_layers = satstat__field(names, SATSTAT_FIELD_LAYERS);
    const char *f_width = satstat__field(names, SATSTAT_FIELD_WIDTH);
    const char *f_networks = satstat__field(names, SATSTAT_FIELD_NETWORKS);
    const char *f_schemes = satstat__field(names, SATSTAT_FIELD_SCHEMES);
    const char *f_max_memory = satstat__field(names, SATSTAT_FIELD_MAX_MEMORY);
    satstat_config_field blamed = SATSTAT_FIELD_NONE;
    int rc = SATSTAT_EINVAL;

    if (field != NULL)
        *field = SATSTAT_FIELD_NONE;
    if (!config || !o) {
        satstat__set_msg(msg, msg_size, "no configuration given");
        return SATSTAT_EINVAL;
    }
    if (o->layers < 1 || o->layers > SATSTAT_DEEP_MAX_LAYERS) {
        blamed = SATSTAT_FIELD_LAYERS;
        satstat__set_msg(msg, msg_size, "%s must be between 1 and %" PRIu64 ", got %" PRIu64,
                         f_layers, SATSTAT_DEEP_MAX_LAYERS, o->layers);
    } else if (o->width < 1 || o->width > SATSTAT_DEEP_MAX_WIDTH) {
        blamed = SATSTAT_FIELD_WIDTH;
        satstat__set_msg(msg, msg_size, "%s must be between 1 and %" PRIu64 ", got %" PRIu64,
                         f_width, SATSTAT_DEEP_MAX_WIDTH, o->width);
    } else if (o->networks < 1 || o->networks > SATSTAT_DEEP_MAX_NETWORKS) {
        blamed = SATSTAT_FIELD_NETWORKS;
        satstat__set_msg(msg, msg_size, "%s must be between 1 and %" PRIu64 ", got %" PRIu64,
                         f_networks, SATSTAT_DEEP_MAX_NETWORKS, o->networks);
    } else if (mul_sat(mul_sat(o->networks, o->layers), o->width) == UINT64_MAX) {
        /* The Philox neuron counter (network·L + layer)·W + neuron must
         * fit in 64 bits: it does by the limits above (1e7·1e5·1e7 < 2^64
         * fails, so check the product). */
        blamed = SATSTAT_FIELD_NETWORKS;
        rc = SATSTAT_ERANGE;
        satstat__set_msg(msg, msg_size, "%s × %s × %s is beyond 2^64 units", f_networks,
                         f_layers, f_width);
    } else if (o->pair && !(o->pair_correlation >= -1.0 && o->pair_correlation <= 1.0)) {
        blamed = SATSTAT_FIELD_PAIR_CORRELATION;
        satstat__set_msg(msg, msg_size, "%s must be between -1 and 1, got %g",
                         satstat__field(names, SATSTAT_FIELD_PAIR_CORRELATION),
                         o->pair_correlation);
    }
    for (size_t s = 0; s < config->n_schemes && blamed == SATSTAT_FIELD_NONE; s++) {
        satstat_law w;
        if (satstat_scheme_weight_law(&config->schemes[s], config->n_in, o->width, &w)
                == SATSTAT_OK
            && w.family != SATSTAT_FAMILY_CONSTANT && w.family != SATSTAT_FAMILY_NORMAL
            && w.family != SATSTAT_FAMILY_UNIFORM && w.family != SATSTAT_FAMILY_TRUNC_NORMAL
            && w.family != SATSTAT_FAMILY_ORTHOGONAL) {
            blamed = SATSTAT_FIELD_SCHEMES;
            satstat__set_msg(msg, msg_size,
                             "%s '%s': deep draws every weight independently; this scheme's "
                             "rows are dependent (not supported by deep yet)",
                             f_schemes, config->schemes[s].canonical);
        } else if (satstat_scheme_weight_law(&config->schemes[s], config->n_in, o->width, &w)
                       != SATSTAT_OK
                   || satstat_law_mean(&w) != 0.0) {
            blamed = SATSTAT_FIELD_SCHEMES;
            satstat__set_msg(msg, msg_size,
                             "%s '%s': the mean-field theory here needs zero-mean weights",
                             f_schemes, config->schemes[s].canonical);
        }
    }
    if (blamed == SATSTAT_FIELD_NONE) {
        uint64_t one = add_sat(shared_bytes(config, o), worker_bytes(config, o));
        uint64_t cap = satstat__deep_cap_of(o);
        if (one <= cap)
            return SATSTAT_OK;
        blamed = SATSTAT_FIELD_MAX_MEMORY;
        rc = SATSTAT_ERANGE;
        satstat__set_msg(msg, msg_size,
                         "%s: one network of %s %" PRIu64 " (layer 1 fan-in %" PRIu64
                         ", %" PRIu64 " layers) needs %" PRIu64 " bytes, more than the cap of %" PRIu64
                         " bytes%s; lower %s or %s, or raise %s",
                         f_max_memory, f_width, o->width, config->n_in, o->layers, one, cap,
                         o->max_memory ? "" : " (a quarter of physical memory)", f_width,
                         satstat__field(names, SATSTAT_FIELD_N_IN), f_max_memory);
    }
    if (field != NULL)
        *field = blamed;
    return rc;
}

int satstat_deep_options_validate(const satstat_config *config, const satstat_deep_options *o,
                                  satstat_config_field *field, char *msg, size_t msg_size)
{
    return satstat__deep_options_validate(config, o, NULL, field, msg, msg_size);
}

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

/* ======================================================================
 * The run
 * ====================================================================== */

static double seconds_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + 1e-9 * (double)(b->tv_nsec - a->tv_nsec);
}

int satstat_deep_run(const satstat_config *config, const satstat_deep_options *o,
                     satstat_progress_fn progress, void *progress_ctx,
                     satstat_deep_report **out)
{
    if (!config || !o || !out || !config->activation)
        return SATSTAT_EINVAL;
    *out = NULL;
    char msg[SATSTAT_ERRMSG_SIZE];
    int rc = satstat_deep_options_validate(config, o, NULL, msg, sizeof msg);
    if (rc != SATSTAT_OK)
        return rc;
    satstat__gsl_quiet();
    satstat_blas_single_thread();
    satstat_deep_report *r = calloc(1, sizeof *r);
    if (!r)
        return SATSTAT_ENOMEM;
    r->config = *config;
    r->options = *o;
    snprintf(r->simd, sizeof r->simd, "%s", satstat_simd_path());
    /* workers: as asked, but no more than the memory cap allows */
    unsigned threads = resolve_threads(config, o, config->threads);
    uint64_t cap = satstat__deep_cap_of(o), per = worker_bytes(config, o);
    uint64_t shared = shared_bytes(config, o);
    if (add_sat(shared, mul_sat(per, threads)) > cap) {
        uint64_t fit = (cap - shared) / per;
        threads = fit < 1 ? 1 : (unsigned)fit;
    }
    r->threads = threads;
    /* the weights kept for the backward pass: as many deep layers per
     * worker as the rest of the cap holds (none for orthogonal schemes,
     * which apply their QR factors instead); as floats where every
     * scheme's weights are normal, so twice the layers */
    uint64_t base = add_sat(shared, mul_sat(per, threads));
    uint64_t matrix = mul_sat(mul_sat(o->width, o->width), kept_weight_bytes(config, o));
    uint64_t room = cap > base ? (cap - base) / threads : 0;
    uint64_t keep = matrix ? room / matrix : 0;
    if (keep > o->layers - 1)
        keep = o->layers - 1;
    r->memory = base;
    void *pool_of[SATSTAT_MAX_THREADS] = {NULL};
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
        rc = satstat__deep_plan_make(&r->config, &r->options, &r->config.schemes[s], &p);
        if (rc == SATSTAT_OK && r->config.schemes[s].kind != SATSTAT_SCHEME_ORTHOGONAL
            && keep > 0) {
            /* a pool of doubles holds twice the layers of floats */
            uint64_t k = satstat__deep_float_rows(&p.lawW, o)
                             ? keep * matrix / mul_sat(o->width, o->width * sizeof(float))
                             : keep;
            p.cache_layers = (size_t)(k < o->layers - 1 ? k : o->layers - 1);
            if (p.cache_layers > r->kept_layers)
                r->kept_layers = p.cache_layers;
            p.cache_pool = pool_of;
            uint64_t used = add_sat(base, mul_sat(mul_sat(keep, matrix), threads));
            if (used > r->memory)
                r->memory = used;
        }
        if (rc == SATSTAT_OK)
            rc = satstat__deep_mean_field(&r->config, &r->options, &p, sr);
        if (rc != SATSTAT_OK)
            break;
        satstat__deep_depth depth;
        satstat__deep_depth_start(&depth, &r->config, sr, threads > 1);
        rc = satstat__deep_sample_scheme(&r->config, &r->options, &p, sr, &depth, threads,
                                         progress, progress_ctx, o->networks * s, total);
        int depth_rc = satstat__deep_depth_wait(&depth);
        if (rc == SATSTAT_OK)
            rc = depth_rc;
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
