/* deep-int.h — what the deep modules share inside the library. */
#ifndef SATSTAT_DEEP_INT_H
#define SATSTAT_DEEP_INT_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include <satstat/deep.h>

/* Internal to the library: not exported from the shared object. */

/* satstat_deep_depth_scales with the quadrature's node count chosen:
 * coarse = 0 the full rule (32 Gauss–Legendre nodes a piece), 1 a 10-node
 * rule for the phase diagram's ξ_c map, where a figure's colour needs far
 * fewer digits than the 1e-12 of the report (deep_corr.c). */
int satstat__deep_depth_scales(const satstat_activation *act, double sw2_fan_in, double mu_b,
                               double sigma_b2, const satstat_deep_fixed_point *fp, int coarse,
                               satstat_deep_depth *out);

/* The Pearson correlation of a and b over n entries (NaN when either is
 * constant): the sampled cˡ of a pair (deep_corr.c). */
double satstat__pearson(const double *a, const double *b, size_t n);
/* −(least-squares slope of ln|c_k − c*| against k = 1..n): the decay rate
 * whose inverse estimates ξ_c; NaN when some c_k = c* or n < 2. */
double satstat__decay_rate(const double *c, size_t n, double c_star);

/* ---- the Jacobian of a sampled network (deep_jacobian.c) ---------------- */

typedef struct satstat__jacobian {
    size_t rows, cols;     /* W, n_in                                      */
    double *j, *t;         /* J and the product's scratch, rows × cols     */
    double *v, *s, *work;  /* the SVD's                                    */
} satstat__jacobian;

/* Bytes satstat__jacobian_alloc takes (saturating). */
uint64_t satstat__jacobian_bytes(uint64_t width, uint64_t n_in);
int satstat__jacobian_alloc(satstat__jacobian *js, size_t width, size_t n_in);
void satstat__jacobian_free(satstat__jacobian *js);
/* J = diag(dphi)·W₁ (w1: W × n_in row-major). */
void satstat__jacobian_first(satstat__jacobian *js, const double *w1, const double *dphi);
/* T = W_l·J (w: W × W row-major); then satstat__jacobian_scale. */
int satstat__jacobian_product(satstat__jacobian *js, const double *w);
/* J = diag(dphi)·T (T filled by satstat__jacobian_product, or column by
 * column by the caller for orthogonal layers). */
void satstat__jacobian_scale(satstat__jacobian *js, const double *dphi);
/* The min(W, n_in) singular values of J, descending, into sv, and the
 * moments m_k = Σσ^{2k}/n_in, k = 1, 2, 3.  Destroys T. */
int satstat__jacobian_spectrum(satstat__jacobian *js, double *sv, double moments[3]);

typedef struct satstat__jacobian_theory_out {
    double m1, m2;                          /* free probability (m2: square
                                               layers only, else NaN)      */
    double fuss_catalan_m2, fuss_catalan_m3; /* linear, i.i.d., square; NaN
                                               otherwise                  */
} satstat__jacobian_theory_out;

/* The moments of JᵀJ's spectrum as the width → ∞ (deep_jacobian.c): per
 * layer sw2_w[l] = σ_{w,l}²·W and q[l] the mean-field variance of zˡ⁺¹. */
int satstat__jacobian_theory(const satstat_activation *act, double mu_b, size_t layers,
                             const double *sw2_w, const double *q, int orthogonal, int square,
                             satstat__jacobian_theory_out *out);

/* ---- the sampling engine (deep.c, deep_network.c, deep_sample.c) ------- */

/* deep_kernel.c, one per SIMD path: Σ_j (a + b·f_j)·x_j, j < n; and
 * y_j += (a + b·f_j)·s, j < n. */
typedef double (*satstat__deep_dot_fn)(double a, double b, const float *f, const double *x,
                                       size_t n);
typedef void (*satstat__deep_axpy_fn)(double a, double b, const float *f, double s, double *y,
                                      size_t n);
double satstat__deep_dot_baseline(double a, double b, const float *f, const double *x, size_t n);
double satstat__deep_dot_avx2(double a, double b, const float *f, const double *x, size_t n);
double satstat__deep_dot_avx512(double a, double b, const float *f, const double *x, size_t n);
void satstat__deep_axpy_baseline(double a, double b, const float *f, double s, double *y,
                                 size_t n);
void satstat__deep_axpy_avx2(double a, double b, const float *f, double s, double *y, size_t n);
void satstat__deep_axpy_avx512(double a, double b, const float *f, double s, double *y,
                               size_t n);

/* Per-network statistics kept until the reduction: R × L slots. */
typedef struct netstat {
    double mean, var, sat, dphi, gnorm, amean, avar, corr;
} netstat;

typedef struct streams {
    uint32_t weights, bias, gradient, pair;
} streams;

/* What one network needs to know, shared by all workers. */
typedef struct plan {
    const satstat_config *c;
    const satstat_deep_options *o;
    const satstat_scheme *scheme;
    streams st;
    satstat_law law1, lawW; /* weights of layer 1 and of layers 2..L */
    uint64_t support;        /* layer-1 columns drawn                  */
    satstat_region region;
    satstat__deep_dot_fn dot;   /* deep_kernel.c's, for the SIMD path      */
    satstat__deep_axpy_fn axpy;
    /* histogram ranges, per layer (NULL in satstat_deep_network) */
    const satstat_deep_layer *layers;
    /* deep layers whose weights a worker keeps from the forward pass for
     * the backward one (satstat_deep_run), 0 for orthogonal schemes */
    size_t cache_layers;
    void *const *cache_pool; /* per worker, cache_layers·W² floats (normal
                                weights, satstat__deep_float_rows) or
                                doubles, made once per run so that the
                                pages are touched once, not per scheme  */
} plan;

/* Scratch of ortho_apply: G (then its QR), the Householder scalars, one
 * vector, for the largest shape (ortho_shape). */
typedef struct ortho_scratch {
    double *g, *tau, *v;
} ortho_scratch;

/* One worker thread's buffers: the matrix at hand, the layer vectors, the
 * backward pass's and the histograms it adds its networks into. */
typedef struct worker {
    const plan *p;
    size_t cols;
    double *wbuf, *rowd, *x, *z, *h, *b, *d, *d2, *g;
    double *x2, *z2, *h2; /* the pair's second input (options->pair) */
    satstat__jacobian js; /* options->jacobian                          */
    void *cache;          /* cache_layers matrices W × W: layers 2..K+1
                             (the run's, from plan.cache_pool), floats
                             or doubles as satstat__deep_float_rows  */
    size_t cache_layers;
    double *dp, *col, *colout;
    float *rowf;
    /* histograms, L × bins each, summed over this worker's networks */
    uint64_t *zh, *ah, *zuo, *auo; /* zuo/auo: under, over pairs */
    ortho_scratch os;              /* orthogonal schemes only          */
} worker;

/* One scheme's results: the mean field and what its networks gave. */
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

/* deep.c */
unsigned satstat__deep_online_cores(void);
/* Inputs that can be non-zero in layer 1: the columns of W¹ drawn. */
uint64_t satstat__deep_layer1_support(const satstat_config *c, const satstat_deep_options *o);
/* The largest Gaussian matrix an orthogonal layer decomposes. */
void satstat__deep_ortho_shape(const satstat_config *c, const satstat_deep_options *o,
                               uint64_t *rows, uint64_t *cols);
/* Whether a layer whose weights follow `law` is drawn, multiplied and
 * kept as the stream's floats (normal weights a + b·f; deep_network.c)
 * rather than as a matrix of doubles (other laws; the Jacobian, whose
 * products take whole double matrices). */
int satstat__deep_float_rows(const satstat_law *law, const satstat_deep_options *o);
/* --max-memory, or its default. */
uint64_t satstat__deep_cap_of(const satstat_deep_options *o);

/* deep_meanfield.c: the mean field of every layer into sr->layers. */
int satstat__deep_mean_field(const satstat_config *c, const satstat_deep_options *o,
                             const plan *p, scheme_result *sr);

/* The fixed point and depth scales of one scheme into sr->fp and
 * sr->depth, after satstat__deep_mean_field.  Sampling does not need them
 * (only the pair's sampled ξ_c, at the end), so a run with more than one
 * worker solves them on a thread of their own while its networks are
 * sampled (own_thread), sparing about 10 ms of a one-thread stretch per
 * scheme; otherwise, or when no thread can be made, in place.  wait joins
 * the thread (once) and gives the solve's status. */
typedef struct satstat__deep_depth {
    const satstat_config *c;
    scheme_result *sr;
    int rc;
    int threaded;
    pthread_t thread;
} satstat__deep_depth;
void satstat__deep_depth_start(satstat__deep_depth *d, const satstat_config *c,
                               scheme_result *sr, int own_thread);
int satstat__deep_depth_wait(satstat__deep_depth *d);

/* deep_write.c: the report's command for deep's figures and page, with
 * " --preset activations" (preset), without " --activation NAME"
 * (every_activation) and with " --phase" (phase); SATSTAT_ERANGE when it
 * does not fit in size. */
int satstat__deep_command(const satstat_deep_report *r, int preset, int every_activation,
                          int phase, char *buf, size_t size);

/* deep_network.c */
int satstat__deep_plan_make(const satstat_config *c, const satstat_deep_options *o,
                            const satstat_scheme *s, plan *p);
/* slot: the worker's index into p->cache_pool. */
int satstat__deep_worker_init(worker *w, const plan *p, unsigned slot);
void satstat__deep_worker_free(worker *w);
/* Forward and backward through network r.  stats: L slots (may be NULL);
 * delta_out: L × W (may be NULL); sv, jm (options->jacobian; may be NULL):
 * the Jacobian's min(W, n_in) singular values and its 3 moments. */
int satstat__deep_run_network(worker *w, uint64_t r, netstat *stats, double *delta_out,
                              double *sv, double *jm);

/* deep_sample.c: sample one scheme into sr (mean field already in
 * sr->layers); progress counts networks from base of total. */
int satstat__deep_sample_scheme(const satstat_config *c, const satstat_deep_options *o,
                                plan *p, scheme_result *sr, satstat__deep_depth *depth,
                                unsigned threads,
                                satstat_progress_fn progress, void *progress_ctx,
                                uint64_t base, uint64_t total);


#endif
