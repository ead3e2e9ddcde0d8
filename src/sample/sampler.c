/* sampler.c — streamed Monte Carlo of z, deterministic for any thread count.
 *
 * Neurons are cut into blocks of SATSTAT_BLOCK_NEURONS.  A block's partial
 * summary is a function of the block index alone.  Blocks are computed in
 * rounds (round_size), and the
 * partials are pushed in block order onto a binary-counter stack that merges
 * equal-sized neighbours: the merge tree is the one a binary counter gives
 * for the number of blocks, whoever computed what.  A process that owns an
 * aligned power-of-two range of blocks computes exactly one node of that
 * tree, which is what a later split across processes needs.
 */
#include <satstat/sampler.h>

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <satstat/error.h>
#include <satstat/rng.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>

#include "base/partition-int.h"
#include "sample/kernel-int.h"
#include "base/gsl-int.h"
#include "sample/transform-int.h"

/* A round: the blocks computed between two pushes onto the merge tree.
 * Its size does not change the tree, only when the partials are pushed
 * onto it, so it may follow the thread count (round_size): ROUND_PER_THREAD
 * blocks a worker keep the idle tail of a round small, and the slots few
 * (each a histogram and tail counts, fresh memory the first time: at
 * ROUND_BLOCKS for any thread count, their page faults were 5 % of a
 * one-thread seed job). */
enum { ROUND_BLOCKS = 256, ROUND_PER_THREAD = 32, STACK_DEPTH = 64 };

struct satstat_summary {
    satstat_moments z, dphi;
    uint64_t saturated;
    gsl_histogram *hist;
    uint64_t underflow, overflow;
    uint64_t *abs_counts;
    size_t abs_bins;
    double abs_step;
    double *sub;   /* only in the final summary: z of the first neurons */
    size_t n_sub;
    /* orthogonal (unit_size = n_out rows a matrix): statistics per unit,
     * and the histogram of each unit's first row (independent draws) */
    uint64_t unit_size;
    satstat_unit_moments units;
    gsl_histogram *hist_unit;
    uint64_t unit_underflow, unit_overflow;
};

void satstat_layout_default(double mean, double variance, double threshold,
                            uint64_t samples, satstat_layout *out)
{
    double sd = variance > 0 ? sqrt(variance) : 0.0;
    double half = sd > 0 ? 8.0 * sd : 1.0;
    out->hist_lo = mean - half;
    out->hist_hi = mean + half;
    out->hist_bins = 400;
    out->abs_step = threshold / 16.0;
    double reach = fabs(mean) + half;
    double bins = ceil(reach / out->abs_step) + 1.0;
    out->abs_bins = bins > 100000.0 ? 100000u : (size_t)bins;
    out->subsample = samples < 5000 ? (size_t)samples : 5000u;
}

/* ---- partial summaries ---------------------------------------------------*/

static void summary_free_parts(satstat_summary *s)
{
    if (!s)
        return;
    if (s->hist)
        gsl_histogram_free(s->hist);
    if (s->hist_unit)
        gsl_histogram_free(s->hist_unit);
    free(s->abs_counts);
    free(s->sub);
}

void satstat_summary_free(satstat_summary *s)
{
    summary_free_parts(s);
    free(s);
}

static void units_init(satstat_unit_moments *u, double center)
{
    u->center = center;
    satstat_moments_init(&u->mean);
    satstat_moments_init(&u->square);
    satstat_moments_init(&u->mean_plus_square);
    satstat_moments_init(&u->saturated);
    satstat_moments_init(&u->dphi);
    u->first_saturated = 0;
}

static void units_merge(satstat_unit_moments *a, const satstat_unit_moments *b)
{
    satstat_moments_merge(&a->mean, &b->mean);
    satstat_moments_merge(&a->square, &b->square);
    satstat_moments_merge(&a->mean_plus_square, &b->mean_plus_square);
    satstat_moments_merge(&a->saturated, &b->saturated);
    satstat_moments_merge(&a->dphi, &b->dphi);
    a->first_saturated += b->first_saturated;
}

/* unit_size > 1: a unit is a matrix of unit_size rows (orthogonal). */
static int partial_init(satstat_summary *s, const satstat_layout *layout,
                        uint64_t unit_size)
{
    memset(s, 0, sizeof *s);
    s->hist = gsl_histogram_alloc(layout->hist_bins);
    s->abs_counts = calloc(layout->abs_bins, sizeof *s->abs_counts);
    s->unit_size = unit_size;
    if (unit_size > 1 && s->hist)
        s->hist_unit = gsl_histogram_alloc(layout->hist_bins);
    if (!s->hist || !s->abs_counts || (unit_size > 1 && !s->hist_unit)) {
        summary_free_parts(s);
        memset(s, 0, sizeof *s);
        return SATSTAT_ENOMEM;
    }
    gsl_histogram_set_ranges_uniform(s->hist, layout->hist_lo, layout->hist_hi);
    if (s->hist_unit)
        gsl_histogram_set_ranges_uniform(s->hist_unit, layout->hist_lo,
                                         layout->hist_hi);
    units_init(&s->units, 0.5 * (layout->hist_lo + layout->hist_hi));
    s->abs_bins = layout->abs_bins;
    s->abs_step = layout->abs_step;
    satstat_moments_init(&s->z);
    satstat_moments_init(&s->dphi);
    return SATSTAT_OK;
}

static void partial_reset(satstat_summary *s)
{
    satstat_moments_init(&s->z);
    satstat_moments_init(&s->dphi);
    s->saturated = s->underflow = s->overflow = 0;
    gsl_histogram_reset(s->hist);
    if (s->hist_unit)
        gsl_histogram_reset(s->hist_unit);
    s->unit_underflow = s->unit_overflow = 0;
    units_init(&s->units, s->units.center);
    memset(s->abs_counts, 0, s->abs_bins * sizeof *s->abs_counts);
}

/* a ← a ∪ b, where b's neurons follow a's. */
static void partial_merge(satstat_summary *a, const satstat_summary *b)
{
    satstat_moments_merge(&a->z, &b->z);
    satstat_moments_merge(&a->dphi, &b->dphi);
    a->saturated += b->saturated;
    a->underflow += b->underflow;
    a->overflow += b->overflow;
    gsl_histogram_add(a->hist, b->hist);
    if (a->hist_unit)
        gsl_histogram_add(a->hist_unit, b->hist_unit);
    a->unit_underflow += b->unit_underflow;
    a->unit_overflow += b->unit_overflow;
    units_merge(&a->units, &b->units);
    for (size_t i = 0; i < a->abs_bins; i++)
        a->abs_counts[i] += b->abs_counts[i];
}

static void partial_copy(satstat_summary *dst, const satstat_summary *src)
{
    dst->z = src->z;
    dst->dphi = src->dphi;
    dst->saturated = src->saturated;
    dst->underflow = src->underflow;
    dst->overflow = src->overflow;
    gsl_histogram_memcpy(dst->hist, src->hist);
    if (dst->hist_unit)
        gsl_histogram_memcpy(dst->hist_unit, src->hist_unit);
    dst->units = src->units;
    dst->unit_underflow = src->unit_underflow;
    dst->unit_overflow = src->unit_overflow;
    memcpy(dst->abs_counts, src->abs_counts,
           src->abs_bins * sizeof *src->abs_counts);
}

/* ---- the run --------------------------------------------------------------*/

/* A worker's scratch for orthogonal units (below, with ortho_unit). */
typedef struct ortho_ws {
    gsl_matrix *g, *t;  /* G, then its QR; T of the blocked QR (n_out ≤ n_in) */
    gsl_vector *tau;    /* Householder scalars (n_out > n_in)               */
    gsl_vector *v, *work;
    float *normals;     /* one row of G at a time                          */
    double *z;          /* the unit's n_out rows                            */
} ortho_ws;

/* The caller's progress calls while it works as worker 0: between its
 * chunks of neurons, at most about ten a second; the clock is read once
 * per WATCH_DRAWS weight draws (a millisecond or so), not per chunk. */
enum { WATCH_DRAWS = 1u << 20 };
typedef struct watch {
    satstat_progress_fn fn;  /* NULL: no progress, and a pool worker  */
    void *ctx;
    uint64_t draws;          /* draws since the clock was last read    */
    struct timespec due;     /* when the next call is due              */
} watch;

typedef struct run {
    const satstat_config *config;
    satstat__kernel_job job;
    satstat__kernel_fn kernel;
    uint64_t samples;
    uint64_t round_first_block;  /* first block of the current round     */
    uint64_t round_blocks;       /* blocks in the current round          */
    uint64_t next;               /* next block offset to take (locked)   */
    unsigned running;            /* workers still busy (locked)          */
    pthread_mutex_t lock;
    pthread_cond_t idle;         /* signalled when `running` drops to 0  */
    /* The calling thread is worker 0, and threads − 1 more are started
     * by the first round and kept to the run's end (pool_stop).  A
     * thread a round, the caller waiting, cost each round a creation, a
     * fresh stack (glibc gives a finished thread's stack back to the
     * kernel: page faults) and a cold cache: 5 to 9 % of the one-thread
     * seed job.  Which thread takes a block changes no bit. */
    pthread_t pool[ROUND_BLOCKS];
    unsigned pool_size;
    uint64_t round_gen;          /* rounds started (locked)              */
    int quitting;                /* the pool is to end (locked)          */
    pthread_cond_t go;           /* broadcast at a round's start and end */
    ortho_ws caller_ws;          /* worker 0's, for orthogonal           */
    watch caller_watch;          /* worker 0's look at the progress      */
    atomic_int cancel;           /* set by the caller's progress callback */
    atomic_uint_fast64_t done;   /* neurons finished, for progress only  */
    satstat_summary slots[ROUND_BLOCKS];
    double *sub;
    size_t n_sub;
    int lock_ready, cond_ready, go_ready;
    satstat_region region;       /* where a unit counts as saturated     */
    /* orthogonal: a block is `units_per_block` matrices of n_out rows */
    int ortho;
    uint64_t units, units_per_block;
    double gain;
    double *x_plain;             /* the fixed inputs, in input order     */
    const satstat_layout *layout;
    uint64_t unit_size;
} run;

/* Neurons computed between two looks at the cancel flag: a few
 * milliseconds of work at n_in = 1000, about 0.1 s at n_in = 10^8. */
enum { CANCEL_CHUNK = 8 };

/* t plus a tenth of a second: the progress callback's period. */
static struct timespec tenth_later(struct timespec t)
{
    t.tv_nsec += 100000000L;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    return t;
}

/* After `draws` more weight draws by worker 0 (w; NULL for the pool's
 * workers): the progress call when one is due, a non-zero answer
 * raising the cancel flag. */
static void watch_work(run *r, watch *w, uint64_t draws)
{
    if (!w || !w->fn)
        return;
    w->draws += draws;
    if (w->draws < WATCH_DRAWS)
        return;
    w->draws = 0;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (now.tv_sec < w->due.tv_sec ||
        (now.tv_sec == w->due.tv_sec && now.tv_nsec < w->due.tv_nsec))
        return;
    w->due = tenth_later(now);
    uint64_t done = atomic_load_explicit(&r->done, memory_order_relaxed);
    if (w->fn(w->ctx, done, r->samples) != 0)
        atomic_store(&r->cancel, 1);
}

/* Returns 0, or 1 when cancelled part-way (the partial is then unused). */
static int block_compute(run *r, uint64_t block, satstat_summary *out, watch *w)
{
    double z[SATSTAT_BLOCK_NEURONS];
    uint64_t first = block * SATSTAT_BLOCK_NEURONS;
    uint64_t left = r->samples - first;
    size_t count = left < SATSTAT_BLOCK_NEURONS ? (size_t)left
                                                : SATSTAT_BLOCK_NEURONS;
    for (size_t i = 0; i < count; i += CANCEL_CHUNK) {
        if (atomic_load_explicit(&r->cancel, memory_order_relaxed))
            return 1;
        size_t n = count - i < CANCEL_CHUNK ? count - i : CANCEL_CHUNK;
        r->kernel(&r->job, first + i, n, z + i);
        atomic_fetch_add_explicit(&r->done, n, memory_order_relaxed);
        watch_work(r, w, n * r->config->n_in);
    }

    const satstat_config *c = r->config;
    const satstat_region *region = &r->region;
    double (*dphi)(double) = c->activation->dphi;
    const gsl_histogram *h = out->hist;
    double lo = h->range[0], hi = h->range[h->n];
    double slope[SATSTAT_BLOCK_NEURONS];
    partial_reset(out);
    for (size_t i = 0; i < count; i++) {
        double zi = z[i];
        slope[i] = dphi(zi);
        double a = fabs(zi);
        out->saturated += satstat_region_contains(region, zi);
        if (zi < lo)
            out->underflow++;
        else if (zi >= hi)
            out->overflow++;
        else
            gsl_histogram_increment(out->hist, zi);
        double k = floor(a / out->abs_step);
        size_t bin = k < (double)(out->abs_bins - 1) ? (size_t)k : out->abs_bins - 1;
        out->abs_counts[bin]++;
        uint64_t neuron = first + i;
        if (neuron < r->n_sub)
            r->sub[neuron] = zi;
    }
    /* The block's moments in two passes: a push per value costs a division
     * each, about a third of this loop's time.  The transform of earlier
     * builds keeps their push per value, so that their reports come back
     * bit for bit (the two ways differ in the last places). */
    if (c->transform == SATSTAT_TRANSFORM_BOX_MULLER) {
        for (size_t i = 0; i < count; i++) {
            satstat_moments_push(&out->z, z[i]);
            satstat_moments_push(&out->dphi, slope[i]);
        }
    } else {
        satstat_moments_push_array(&out->z, z, count);
        satstat_moments_push_array(&out->dphi, slope, count);
    }
    return 0;
}

/* ---- orthogonal layers -----------------------------------------------------
 *
 * A unit is one n_out × n_in matrix W = gain·Q·D, as PyTorch's
 * nn.init.orthogonal_ and Saxe et al. (2014, ICLR, "Exact solutions to the
 * nonlinear dynamics of learning in deep linear neural networks") make it:
 * the QR decomposition G = QR of a Gaussian matrix G (max(n_in, n_out) ×
 * min(n_in, n_out)), Q thin, and D = diag(sign R_ii), the sign correction
 * that makes Q Haar-distributed (Mezzadri 2007, Notices AMS 54:592).
 * With n_out ≤ n_in, W = gain·D·Qᵀ has orthonormal rows and z = W x +
 * b is gain·D·(Qᵀx) + b; with n_out > n_in, W = gain·Q·D has orthonormal
 * columns and z = gain·Q·[Dx; 0] + b.  Q is applied through its Householder
 * reflectors (GSL), never formed.  Entry (i, j) of G is draw i·cols + j of
 * the unit's weight stream, the bias of row i is neuron k·n_out + i's. */

/* Bytes of one worker's ortho_ws: G, T or tau, two vectors, a row of
 * floats, the unit's z. */
static double ortho_ws_bytes(const satstat_config *c)
{
    double n_in = (double)c->n_in, n_out = (double)c->n_out;
    double rows = n_in > n_out ? n_in : n_out, cols = n_in > n_out ? n_out : n_in;
    return 8.0 * (rows * cols + cols * cols + rows + 2.0 * cols + n_out) + 4.0 * cols;
}

static void ortho_ws_free(ortho_ws *w)
{
    if (w->g)
        gsl_matrix_free(w->g);
    if (w->t)
        gsl_matrix_free(w->t);
    if (w->tau)
        gsl_vector_free(w->tau);
    if (w->v)
        gsl_vector_free(w->v);
    if (w->work)
        gsl_vector_free(w->work);
    free(w->normals);
    free(w->z);
    memset(w, 0, sizeof *w);
}

static int ortho_ws_alloc(const satstat_config *c, ortho_ws *w)
{
    size_t n_in = (size_t)c->n_in, n_out = (size_t)c->n_out;
    size_t rows = n_in > n_out ? n_in : n_out, cols = n_in > n_out ? n_out : n_in;
    memset(w, 0, sizeof *w);
    w->g = gsl_matrix_alloc(rows, cols);
    if (n_out <= n_in)
        w->t = gsl_matrix_alloc(cols, cols);
    else
        w->tau = gsl_vector_alloc(cols);
    w->v = gsl_vector_alloc(rows);
    w->work = gsl_vector_alloc(cols);
    w->normals = malloc(cols * sizeof *w->normals);
    w->z = malloc(n_out * sizeof *w->z);
    if (!w->g || !(w->t || w->tau) || !w->v || !w->work || !w->normals || !w->z) {
        ortho_ws_free(w);
        return SATSTAT_ENOMEM;
    }
    return SATSTAT_OK;
}

/* z of the n_out rows of unit k into w->z. */
static int ortho_unit(const satstat_config *c, const satstat__kernel_job *job,
                      double gain, const double *x, uint64_t k, ortho_ws *w)
{
    size_t n_in = (size_t)c->n_in, n_out = (size_t)c->n_out;
    size_t rows = w->g->size1, cols = w->g->size2;
    for (size_t i = 0; i < rows; i++) {
        satstat_fill_normals_with(c->transform, c->seed, job->weight_stream, k,
                                  (uint64_t)i * cols, cols, w->normals);
        for (size_t j = 0; j < cols; j++)
            w->g->data[i * cols + j] = (double)w->normals[j]; /* tda = cols */
    }
    int st;
    if (n_out <= n_in) {
        st = gsl_linalg_QR_decomp_r(w->g, w->t);
        if (st == GSL_SUCCESS) {
            for (size_t j = 0; j < n_in; j++)
                gsl_vector_set(w->v, j, x[j]);
            st = gsl_linalg_QR_QTvec_r(w->g, w->t, w->v, w->work);
        }
        for (size_t i = 0; i < n_out && st == GSL_SUCCESS; i++) {
            double d = gsl_matrix_get(w->g, i, i) < 0.0 ? -1.0 : 1.0;
            w->z[i] = gain * d * gsl_vector_get(w->v, i);
        }
    } else {
        st = gsl_linalg_QR_decomp(w->g, w->tau);
        if (st == GSL_SUCCESS) {
            gsl_vector_set_zero(w->v);
            for (size_t j = 0; j < n_in; j++) {
                double d = gsl_matrix_get(w->g, j, j) < 0.0 ? -1.0 : 1.0;
                gsl_vector_set(w->v, j, d * x[j]);
            }
            st = gsl_linalg_QR_Qvec(w->g, w->tau, w->v);
        }
        for (size_t i = 0; i < n_out && st == GSL_SUCCESS; i++)
            w->z[i] = gain * gsl_vector_get(w->v, i);
    }
    if (st != GSL_SUCCESS)
        return SATSTAT_ENUMERIC;
    for (size_t i = 0; i < n_out; i++) {
        uint64_t neuron = k * (uint64_t)n_out + i;
        double b = 0.0;
        switch (job->bias_family) {
        case SATSTAT__B_CONSTANT:
            b = job->bias_loc;
            break;
        case SATSTAT__B_NORMAL: {
            float v;
            satstat_stream_normals_with(c->transform, c->seed, job->bias_stream, neuron, 0, 1,
                                        &v);
            b = job->bias_loc + job->bias_scale * (double)v;
            break;
        }
        case SATSTAT__B_UNIFORM: {
            double u;
            satstat_stream_uniforms(c->seed, job->bias_stream, neuron, 0, 1, &u);
            b = job->bias_loc + job->bias_scale * u;
            break;
        }
        }
        w->z[i] += b;
    }
    return SATSTAT_OK;
}

/* The orthogonal block: units [block·U, block·U + U) ∩ [0, units).  Every
 * row enters the moments, the saturated count and the histogram of z (the
 * marginal law, which all rows share); per-unit statistics enter the unit
 * moments; only each unit's first row enters the |z| counts, the unit
 * histogram and the sub-sample, which tests and figures treat as
 * independent draws. */
static int ortho_block(run *r, uint64_t block, ortho_ws *w, satstat_summary *out,
                       watch *watcher)
{
    const satstat_config *c = r->config;
    double (*dphi)(double) = c->activation->dphi;
    uint64_t first = block * r->units_per_block;
    uint64_t last = first + r->units_per_block;
    if (last > r->units)
        last = r->units;
    size_t n_out = (size_t)c->n_out;
    double center = out->units.center;
    const gsl_histogram *h = out->hist;
    double lo = h->range[0], hi = h->range[h->n];
    partial_reset(out);
    for (uint64_t k = first; k < last; k++) {
        if (atomic_load_explicit(&r->cancel, memory_order_relaxed))
            return 1;
        if (ortho_unit(c, &r->job, r->gain, r->x_plain, k, w) != SATSTAT_OK) {
            atomic_store(&r->cancel, 2);
            return 1;
        }
        double sm = 0.0, sq = 0.0, sd = 0.0;
        uint64_t sat = 0;
        for (size_t i = 0; i < n_out; i++) {
            double zi = w->z[i], di = dphi(zi), u = zi - center;
            int in = satstat_region_contains(&r->region, zi);
            satstat_moments_push(&out->z, zi);
            satstat_moments_push(&out->dphi, di);
            out->saturated += (uint64_t)in;
            sat += (uint64_t)in;
            sm += u;
            sq += u * u;
            sd += di;
            if (zi < lo)
                out->underflow++;
            else if (zi >= hi)
                out->overflow++;
            else
                gsl_histogram_increment(out->hist, zi);
        }
        double inv = 1.0 / (double)n_out;
        satstat_moments_push(&out->units.mean, sm * inv);
        satstat_moments_push(&out->units.square, sq * inv);
        satstat_moments_push(&out->units.mean_plus_square, (sm + sq) * inv);
        satstat_moments_push(&out->units.saturated, (double)sat * inv);
        satstat_moments_push(&out->units.dphi, sd * inv);
        double z0 = w->z[0], k0 = floor(fabs(z0) / out->abs_step);
        size_t bin = k0 < (double)(out->abs_bins - 1) ? (size_t)k0 : out->abs_bins - 1;
        out->abs_counts[bin]++;
        /* (n_out = 1: the rows are the units, and the histogram of z is
         * the histogram of first rows) */
        if (out->hist_unit == NULL)
            ;
        else if (z0 < lo)
            out->unit_underflow++;
        else if (z0 >= hi)
            out->unit_overflow++;
        else
            gsl_histogram_increment(out->hist_unit, z0);
        out->units.first_saturated +=
            (uint64_t)satstat_region_contains(&r->region, z0);
        if (k < r->n_sub)
            r->sub[k] = z0;
        atomic_fetch_add_explicit(&r->done, n_out, memory_order_relaxed);
        watch_work(r, watcher, n_out * c->n_in);
    }
    return 0;
}

/* The current round's blocks, taken one at a time until none is left,
 * by a worker of the pool (watcher NULL) or by the caller as worker 0. */
static void take_blocks(run *r, ortho_ws *ws, watch *watcher)
{
    pthread_mutex_lock(&r->lock);
    for (uint64_t k; (k = r->next++) < r->round_blocks;) {
        pthread_mutex_unlock(&r->lock);
        /* a slot is allocated by the first worker that uses it: only as
         * many as there are blocks, and in parallel */
        if (!r->slots[k].hist &&
            partial_init(&r->slots[k], r->layout, r->unit_size) != SATSTAT_OK)
            atomic_store(&r->cancel, 3);
        else if (r->ortho)
            ortho_block(r, r->round_first_block + k, ws, &r->slots[k], watcher);
        else
            block_compute(r, r->round_first_block + k, &r->slots[k], watcher);
        pthread_mutex_lock(&r->lock);
    }
    pthread_mutex_unlock(&r->lock);
}

/* A worker of the pool: each round its share of the blocks, then a wait
 * for the next round or the pool's end.  One whose orthogonal workspace
 * cannot be had raises the cancel flag (out of memory) and takes none. */
static void *worker(void *arg)
{
    run *r = arg;
    ortho_ws ws;
    memset(&ws, 0, sizeof ws);
    int ready = !r->ortho || ortho_ws_alloc(r->config, &ws) == SATSTAT_OK;
    uint64_t seen = 0;
    pthread_mutex_lock(&r->lock);
    for (;;) {
        while (r->round_gen == seen && !r->quitting)
            pthread_cond_wait(&r->go, &r->lock);
        if (r->quitting)
            break;
        seen = r->round_gen;
        pthread_mutex_unlock(&r->lock);
        if (ready)
            take_blocks(r, &ws, NULL);
        else
            atomic_store(&r->cancel, 3);
        pthread_mutex_lock(&r->lock);
        if (--r->running == 0)
            pthread_cond_signal(&r->idle);
    }
    pthread_mutex_unlock(&r->lock);
    ortho_ws_free(&ws);
    return NULL;
}

/* Wait for the round's workers, calling `progress` about ten times a
 * second; a non-zero answer raises the cancel flag the workers watch. */
static void wait_round(run *r, satstat_progress_fn progress, void *ctx)
{
    pthread_mutex_lock(&r->lock);
    while (r->running > 0) {
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        struct timespec until = tenth_later(now);
        int rc = pthread_cond_timedwait(&r->idle, &r->lock, &until);
        if (rc != 0 && r->running > 0 && progress) {
            pthread_mutex_unlock(&r->lock);
            uint64_t done = atomic_load_explicit(&r->done, memory_order_relaxed);
            if (progress(ctx, done, r->samples) != 0)
                atomic_store(&r->cancel, 1);
            pthread_mutex_lock(&r->lock);
        }
    }
    pthread_mutex_unlock(&r->lock);
}

static unsigned default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1u;
}

static void job_free(satstat__kernel_job *job)
{
    free(job->x_owned);
    job->x_owned = NULL;
    job->x = NULL;
}

/* The kernel's job for one scheme.  With need_x, fixed inputs read from a
 * file are loaded into job->x (batch order; the caller calls job_free). */
static int job_from_config(const satstat_config *c, const satstat_scheme *s,
                           satstat__kernel_job *job, int need_x)
{
    satstat_law w;
    memset(job, 0, sizeof *job);
    int rc = satstat_scheme_weight_law(s, c->n_in, c->n_out, &w);
    if (rc != SATSTAT_OK)
        return rc;
    job->key[0] = (uint32_t)c->seed;
    job->key[1] = (uint32_t)(c->seed >> 32);
    job->transform = c->transform;
    job->weight_stream = satstat_stream_id(s->canonical, SATSTAT_DOMAIN_WEIGHTS);
    job->bias_stream = satstat_stream_id(s->canonical, SATSTAT_DOMAIN_BIAS);
    job->input_stream = satstat_stream_id(s->canonical, SATSTAT_DOMAIN_INPUTS);
    switch (w.family) {
    case SATSTAT_FAMILY_NORMAL:
        if (w.a != 0.0)
            return SATSTAT_EINVAL;
        job->weight_family = SATSTAT__W_NORMAL;
        job->weight_scale = w.b;
        break;
    case SATSTAT_FAMILY_UNIFORM:
        if (w.a != -w.b)
            return SATSTAT_EINVAL;
        job->weight_family = SATSTAT__W_UNIFORM;
        job->weight_scale = w.b;
        break;
    case SATSTAT_FAMILY_TRUNC_NORMAL: {
        /* inverse CDF on the side of the mean away from most of the mass,
         * so p stays small where Φ has its digits (mirrored: scale −σ) */
        double alpha = (w.lo - w.a) / w.b, beta = (w.hi - w.a) / w.b;
        double scale = w.b;
        if (alpha + beta > 0.0) {
            double t = alpha;
            alpha = -beta;
            beta = -t;
            scale = -w.b;
        }
        satstat__gsl_quiet();
        double p0 = gsl_cdf_ugaussian_P(alpha);
        double width = gsl_cdf_ugaussian_P(beta) - p0;
        if (!(width > 0.0))
            return SATSTAT_EINVAL;
        job->weight_family = SATSTAT__W_TRUNC;
        job->weight_scale = 1.0;
        job->trunc_p0 = p0;
        job->trunc_width = width;
        job->trunc_loc = w.a;
        job->trunc_scale = scale;
        break;
    }
    case SATSTAT_FAMILY_ORTHOGONAL:
        /* whole matrices (ortho_unit), not weight by weight: the kernel
         * is never called for this job */
        job->weight_family = SATSTAT__W_NORMAL;
        job->weight_scale = w.b;
        break;
    default:
        return SATSTAT_EINVAL;
    }
    job->support = satstat_inputs_support(&c->inputs, c->n_in);
    job->x = NULL; /* half and ones: every supported input is 1 */
    switch (c->inputs.kind) {
    case SATSTAT_INPUTS_HALF:
    case SATSTAT_INPUTS_ONES:
        break;
    case SATSTAT_INPUTS_BERNOULLI:
        job->input_family = SATSTAT__X_BERNOULLI;
        /* x_j = 1 when word_j < p·2^32: probability exactly p for dyadic p,
         * within 2^-33 otherwise */
        job->bernoulli_threshold = (uint64_t)llround(c->inputs.p * 0x1p32);
        break;
    case SATSTAT_INPUTS_NORMAL:
        job->input_family = SATSTAT__X_NORMAL;
        job->input_scale = c->inputs.p;
        break;
    case SATSTAT_INPUTS_UNIFORM:
        job->input_family = SATSTAT__X_UNIFORM;
        job->input_loc = c->inputs.p;
        job->input_scale = c->inputs.q - c->inputs.p;
        break;
    case SATSTAT_INPUTS_FILE:
        if (need_x) {
            uint64_t n = c->n_in, padded = (n + 63) / 64 * 64;
            double *x = malloc((size_t)n * sizeof *x);
            double *batch = calloc((size_t)padded, sizeof *batch);
            if (x == NULL || batch == NULL) {
                free(x);
                free(batch);
                return SATSTAT_ENOMEM;
            }
            rc = satstat_inputs_values(&c->inputs, n, x, NULL, 0);
            if (rc != SATSTAT_OK) {
                free(x);
                free(batch);
                return rc;
            }
            /* batch order (kernel-int.h): x[64b + k] is input
             * 64b + 4·(k mod 16) + k/16 */
            for (uint64_t j = 0; j < n; j++) {
                uint64_t r = j % 64;
                batch[j - r + 16 * (r % 4) + r / 4] = x[j];
            }
            free(x);
            job->x_owned = batch;
            job->x = batch;
        }
        break;
    }
    const satstat_law *b = &c->bias.law;
    switch (b->family) {
    case SATSTAT_FAMILY_CONSTANT:
        job->bias_family = SATSTAT__B_CONSTANT;
        job->bias_loc = b->a;
        break;
    case SATSTAT_FAMILY_NORMAL:
        job->bias_family = SATSTAT__B_NORMAL;
        job->bias_loc = b->a;
        job->bias_scale = b->b;
        break;
    case SATSTAT_FAMILY_UNIFORM:
        job->bias_family = SATSTAT__B_UNIFORM;
        job->bias_loc = b->a;
        job->bias_scale = b->b - b->a;
        break;
    default:
        job_free(job);
        return SATSTAT_EINVAL;
    }
    return SATSTAT_OK;
}

/* Weights j = first .. first+n−1 of row neuron mod n_out of unit
 * neuron / n_out: column j of W through the reflectors, one at a time. */
static int ortho_weights(const satstat_config *c, const satstat_scheme *scheme,
                         const satstat__kernel_job *job, uint64_t neuron,
                         uint64_t first, size_t n, double *out)
{
    if (first > c->n_in || n > c->n_in - first)
        return SATSTAT_EINVAL;
    uint64_t k = neuron / c->n_out;
    size_t i = (size_t)(neuron % c->n_out);
    size_t n_in = (size_t)c->n_in;
    ortho_ws w;
    int rc = ortho_ws_alloc(c, &w);
    if (rc != SATSTAT_OK)
        return rc;
    double *x = calloc(n_in, sizeof *x);
    if (!x) {
        ortho_ws_free(&w);
        return SATSTAT_ENOMEM;
    }
    /* W e_j = z of the unit with input e_j and no bias */
    satstat__kernel_job nobias = *job;
    nobias.bias_family = SATSTAT__B_CONSTANT;
    nobias.bias_loc = 0.0;
    for (size_t jj = 0; jj < n && rc == SATSTAT_OK; jj++) {
        size_t j = (size_t)first + jj;
        x[j] = 1.0;
        rc = ortho_unit(c, &nobias, scheme->gain, x, k, &w);
        x[j] = 0.0;
        if (rc == SATSTAT_OK)
            out[jj] = w.z[i];
    }
    free(x);
    ortho_ws_free(&w);
    return rc;
}

/* z of rows first .. first+count−1 (their units computed whole). */
static int ortho_z(const satstat_config *c, const satstat_scheme *scheme,
                   const satstat__kernel_job *job, uint64_t first, size_t count,
                   double *z)
{
    ortho_ws w;
    int rc = ortho_ws_alloc(c, &w);
    if (rc != SATSTAT_OK)
        return rc;
    double *x = malloc((size_t)c->n_in * sizeof *x);
    rc = x ? satstat_inputs_values(&c->inputs, c->n_in, x, NULL, 0) : SATSTAT_ENOMEM;
    uint64_t done = 0;
    while (rc == SATSTAT_OK && done < count) {
        uint64_t row = first + done, k = row / c->n_out;
        rc = ortho_unit(c, job, scheme->gain, x, k, &w);
        for (uint64_t i = row % c->n_out; rc == SATSTAT_OK && i < c->n_out && done < count; i++)
            z[done++] = w.z[i];
    }
    free(x);
    ortho_ws_free(&w);
    return rc;
}

int satstat_sample_weights(const satstat_config *config,
                           const satstat_scheme *scheme, uint64_t neuron,
                           uint64_t first, size_t n, double *w)
{
    satstat__kernel_job job;
    if (!config || !scheme || (!w && n))
        return SATSTAT_EINVAL;
    int rc = job_from_config(config, scheme, &job, 0);
    if (rc != SATSTAT_OK)
        return rc;
    if (scheme->kind == SATSTAT_SCHEME_ORTHOGONAL)
        return ortho_weights(config, scheme, &job, neuron, first, n, w);
    uint64_t seed = config->seed;
    for (size_t i = 0; i < n; i++) {
        if (job.weight_family == SATSTAT__W_NORMAL) {
            float v;
            satstat_stream_normals_with(config->transform, seed, job.weight_stream, neuron,
                                        first + i, 1, &v);
            w[i] = job.weight_scale * (double)v;
        } else if (job.weight_family == SATSTAT__W_TRUNC) {
            uint32_t k;
            satstat_stream_words(seed, job.weight_stream, neuron, first + i, 1, &k);
            w[i] = job.weight_scale
                   * satstat__trunc_normal(k, job.trunc_p0, job.trunc_width,
                                           job.trunc_loc, job.trunc_scale);
        } else {
            double u;
            satstat_stream_uniforms(seed, job.weight_stream, neuron, first + i, 1, &u);
            w[i] = job.weight_scale * (2.0 * u - 1.0);
        }
    }
    return SATSTAT_OK;
}

int satstat_sample_bias(const satstat_config *config,
                        const satstat_scheme *scheme, uint64_t neuron, double *b)
{
    satstat__kernel_job job;
    if (!config || !scheme || !b)
        return SATSTAT_EINVAL;
    int rc = job_from_config(config, scheme, &job, 0);
    if (rc != SATSTAT_OK)
        return rc;
    switch (job.bias_family) {
    case SATSTAT__B_CONSTANT:
        *b = job.bias_loc;
        break;
    case SATSTAT__B_NORMAL: {
        float v;
        satstat_stream_normals_with(config->transform, config->seed, job.bias_stream, neuron, 0,
                                    1, &v);
        *b = job.bias_loc + job.bias_scale * (double)v;
        break;
    }
    case SATSTAT__B_UNIFORM: {
        double u;
        satstat_stream_uniforms(config->seed, job.bias_stream, neuron, 0, 1, &u);
        *b = job.bias_loc + job.bias_scale * u;
        break;
    }
    }
    return SATSTAT_OK;
}

int satstat_sample_inputs(const satstat_config *config,
                          const satstat_scheme *scheme, uint64_t neuron,
                          uint64_t first, size_t n, double *x)
{
    satstat__kernel_job job;
    if (!config || !scheme || (!x && n))
        return SATSTAT_EINVAL;
    int rc = job_from_config(config, scheme, &job, 1);
    if (rc != SATSTAT_OK)
        return rc;
    for (size_t i = 0; i < n; i++) {
        uint64_t j = first + i;
        if (j >= job.support) {
            x[i] = 0.0;
        } else if (job.input_family == SATSTAT__X_BERNOULLI) {
            uint32_t word;
            satstat_stream_words(config->seed, job.input_stream, neuron, j, 1, &word);
            x[i] = (uint64_t)word < job.bernoulli_threshold ? 1.0 : 0.0;
        } else if (job.input_family == SATSTAT__X_NORMAL) {
            float v;
            satstat_stream_normals_with(config->transform, config->seed, job.input_stream,
                                        neuron, j, 1, &v);
            x[i] = job.input_scale * (double)v;
        } else if (job.input_family == SATSTAT__X_UNIFORM) {
            double u;
            satstat_stream_uniforms(config->seed, job.input_stream, neuron, j, 1, &u);
            x[i] = job.input_loc + job.input_scale * u;
        } else {
            /* job.x is in the kernel's batch order (kernel-int.h) */
            uint64_t r = j % 64;
            x[i] = job.x ? job.x[j - r + 16 * (r % 4) + r / 4] : 1.0;
        }
    }
    job_free(&job);
    return SATSTAT_OK;
}

int satstat_sample_z(const satstat_config *config, const satstat_scheme *scheme,
                     uint64_t first, size_t count, double *z)
{
    satstat__kernel_job job;
    if (!config || !scheme || (!z && count))
        return SATSTAT_EINVAL;
    int rc = job_from_config(config, scheme, &job, 1);
    if (rc != SATSTAT_OK)
        return rc;
    if (scheme->kind == SATSTAT_SCHEME_ORTHOGONAL)
        rc = ortho_z(config, scheme, &job, first, count, z);
    else
        satstat__kernel_select(NULL)(&job, first, count, z);
    job_free(&job);
    return rc;
}

static int layout_valid(const satstat_layout *l)
{
    return l && l->hist_bins > 0 && isfinite(l->hist_lo) &&
           isfinite(l->hist_hi) && l->hist_lo < l->hist_hi &&
           l->abs_bins > 0 && l->abs_bins <= 100000 && isfinite(l->abs_step) &&
           l->abs_step > 0 && l->subsample <= 1000000 && l->hist_bins <= 1000000;
}

/* Everything the workers read, set up from the config: the kernel job,
 * the saturated region, the units of orthogonal (whole matrices: the
 * samples rounded up to n_out rows), the sub-sample buffer and the lock.
 * *blocks is the number of blocks to compute. */
static int run_prepare(run *r, const satstat_config *config,
                       const satstat_scheme *scheme,
                       const satstat_layout *layout, uint64_t *blocks)
{
    r->config = config;
    r->samples = config->samples;
    r->layout = layout;
    r->unit_size = 1;
    int rc = job_from_config(config, scheme, &r->job, 1);
    if (rc == SATSTAT_OK)
        rc = satstat_config_region(config, &r->region, NULL, 0);
    if (rc != SATSTAT_OK)
        return rc;
    r->kernel = satstat__kernel_select(NULL);
    if (scheme->kind == SATSTAT_SCHEME_ORTHOGONAL) {
        /* whole matrices: config->samples rows rounded up to units */
        r->ortho = 1;
        r->gain = scheme->gain;
        r->unit_size = config->n_out;
        r->units = (config->samples + r->unit_size - 1) / r->unit_size;
        r->samples = r->units * r->unit_size;
        r->units_per_block = SATSTAT_BLOCK_NEURONS / r->unit_size;
        if (r->units_per_block == 0)
            r->units_per_block = 1;
        *blocks = (r->units + r->units_per_block - 1) / r->units_per_block;
        if (!(r->x_plain = malloc((size_t)config->n_in * sizeof *r->x_plain)))
            return SATSTAT_ENOMEM;
        rc = satstat_inputs_values(&config->inputs, config->n_in, r->x_plain, NULL, 0);
        if (rc != SATSTAT_OK)
            return rc;
        r->n_sub = layout->subsample < r->units ? layout->subsample : (size_t)r->units;
    } else {
        *blocks = (config->samples + SATSTAT_BLOCK_NEURONS - 1) /
                  SATSTAT_BLOCK_NEURONS;
        r->n_sub = layout->subsample < config->samples ? layout->subsample
                                                       : (size_t)config->samples;
    }
    if (r->n_sub && !(r->sub = malloc(r->n_sub * sizeof *r->sub)))
        return SATSTAT_ENOMEM;
    if (pthread_mutex_init(&r->lock, NULL) != 0)
        return SATSTAT_ENOMEM;
    r->lock_ready = 1;
    if (pthread_cond_init(&r->idle, NULL) != 0)
        return SATSTAT_ENOMEM;
    r->cond_ready = 1;
    if (pthread_cond_init(&r->go, NULL) != 0)
        return SATSTAT_ENOMEM;
    r->go_ready = 1;
    atomic_init(&r->cancel, 0);
    atomic_init(&r->done, 0);
    return SATSTAT_OK;
}

/* End the pool's workers (between rounds) and wait for them. */
static void pool_stop(run *r)
{
    if (r->pool_size == 0)
        return;
    pthread_mutex_lock(&r->lock);
    r->quitting = 1;
    pthread_cond_broadcast(&r->go);
    pthread_mutex_unlock(&r->lock);
    for (unsigned t = 0; t < r->pool_size; t++)
        pthread_join(r->pool[t], NULL);
    r->pool_size = 0;
}

static void run_free(run *r)
{
    if (!r)
        return;
    pool_stop(r);
    ortho_ws_free(&r->caller_ws);
    job_free(&r->job);
    free(r->x_plain);
    for (size_t i = 0; i < ROUND_BLOCKS; i++)
        summary_free_parts(&r->slots[i]);
    free(r->sub);
    if (r->lock_ready)
        pthread_mutex_destroy(&r->lock);
    if (r->cond_ready)
        pthread_cond_destroy(&r->idle);
    if (r->go_ready)
        pthread_cond_destroy(&r->go);
    free(r);
}

/* The worker count: config->threads (0: the cores), at most a round's
 * blocks; orthogonal's workers each hold a matrix and its QR, so no more
 * of them than a quarter of physical memory holds (fewer threads, same
 * bits). */
static unsigned run_threads(const run *r)
{
    unsigned threads = r->config->threads ? r->config->threads : default_threads();
    if (threads > ROUND_BLOCKS)
        threads = ROUND_BLOCKS;
    if (r->ortho) {
        long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
        double budget = pages > 0 && page > 0 ? 0.25 * (double)pages * (double)page : 1e30;
        double fit = floor(budget / ortho_ws_bytes(r->config));
        if (fit < (double)threads)
            threads = fit >= 1.0 ? (unsigned)fit : 1u;
    }
    return threads;
}

/* Blocks in a full round for `threads` workers (at most ROUND_BLOCKS). */
static uint64_t round_size(unsigned threads)
{
    uint64_t size = (uint64_t)ROUND_PER_THREAD * threads;
    return size < ROUND_BLOCKS ? size : ROUND_BLOCKS;
}

/* One round: blocks first .. first+round_blocks−1 into r->slots by the
 * caller and the pool's workers (threads in all; the pool is started by
 * the first round), then the wait for the pool (with progress).  Returns
 * SATSTAT_OK, or why the round stopped. */
static int run_round(run *r, uint64_t first, uint64_t blocks, unsigned threads,
                     satstat_progress_fn progress, void *progress_ctx)
{
    uint64_t size = round_size(threads);
    uint64_t round_blocks = blocks - first < size ? blocks - first : size;
    if (r->round_gen == 0) {
        unsigned want = threads < round_blocks ? threads : (unsigned)round_blocks;
        while (r->pool_size + 1 < want &&
               pthread_create(&r->pool[r->pool_size], NULL, worker, r) == 0)
            r->pool_size++; /* fewer threads: same blocks, same bits */
        if (r->ortho && ortho_ws_alloc(r->config, &r->caller_ws) != SATSTAT_OK)
            return SATSTAT_ENOMEM;
    }
    pthread_mutex_lock(&r->lock);
    r->round_first_block = first;
    r->round_blocks = round_blocks;
    r->next = 0;
    r->running = r->pool_size;
    r->round_gen++;
    pthread_cond_broadcast(&r->go);
    pthread_mutex_unlock(&r->lock);
    r->caller_watch.fn = progress;
    r->caller_watch.ctx = progress_ctx;
    take_blocks(r, &r->caller_ws, &r->caller_watch);
    wait_round(r, progress, progress_ctx);
    int why = atomic_load(&r->cancel);
    if (why)
        return why == 2 ? SATSTAT_ENUMERIC
                        : why == 3 ? SATSTAT_ENOMEM : SATSTAT_ECANCELED;
    return SATSTAT_OK;
}

/* The binary-counter stack of partial summaries: pushing merges equal
 * levels, so the merge tree depends on the number of blocks only. */
typedef struct merge_tree {
    satstat_summary *stack;
    unsigned levels[STACK_DEPTH];
    size_t depth;
} merge_tree;

/* Push a subtree of 2^level blocks (a block: level 0). */
static int tree_push_level(merge_tree *t, const satstat_summary *partial,
                           unsigned level, const satstat_layout *layout,
                           uint64_t unit_size)
{
    if (t->depth >= STACK_DEPTH)
        return SATSTAT_EIO; /* only from a corrupt message: a real tree of
                               2^64 blocks is 64 deep */
    satstat_summary *top = &t->stack[t->depth];
    if (!top->hist && partial_init(top, layout, unit_size) != SATSTAT_OK)
        return SATSTAT_ENOMEM;
    partial_copy(top, partial);
    t->levels[t->depth] = level;
    t->depth++;
    while (t->depth >= 2 && t->levels[t->depth - 1] == t->levels[t->depth - 2]) {
        partial_merge(&t->stack[t->depth - 2], &t->stack[t->depth - 1]);
        t->levels[t->depth - 2]++;
        t->depth--;
    }
    return SATSTAT_OK;
}

static int tree_push(merge_tree *t, const satstat_summary *partial,
                     const satstat_layout *layout, uint64_t unit_size)
{
    return tree_push_level(t, partial, 0, layout, unit_size);
}

/* Fold what is left, right to left (a fixed shape for a given count), into
 * a new summary that takes the stack's bottom and the run's sub-sample. */
static int tree_finish(merge_tree *t, run *r, satstat_summary **out)
{
    for (size_t i = t->depth - 1; i > 0; i--)
        partial_merge(&t->stack[i - 1], &t->stack[i]);
    satstat_summary *result = malloc(sizeof *result);
    if (!result)
        return SATSTAT_ENOMEM;
    *result = t->stack[0];
    memset(&t->stack[0], 0, sizeof t->stack[0]);
    result->sub = r->sub;
    result->n_sub = r->n_sub;
    r->sub = NULL;
    *out = result;
    return SATSTAT_OK;
}

/* Neurons finished after the round that ends at block `end`, for progress. */
static uint64_t run_done_neurons(const run *r, uint64_t end)
{
    uint64_t done = end * (r->ortho ? r->units_per_block * r->unit_size
                                    : SATSTAT_BLOCK_NEURONS);
    return done > r->samples ? r->samples : done;
}

/* ---- split across processes (satstat/partition.h) -------------------------
 *
 * Ranks take aligned units of 2^m blocks (satstat__partition_block_unit).
 * Each unit is run through a merge tree of its own, and its stack (one
 * subtree for a whole unit, the binary decomposition of a short last one)
 * is packed with the subtrees' levels.  Before a unit's first block the
 * one-process tree holds only subtrees of 2^m blocks or more, so pushing
 * the units' subtrees in block order, merging equal levels, rebuilds it
 * exactly: the same merges of the same operands.  The sub-sample travels
 * as the values each rank computed. */

/* One subtree: its level, then the summary's counts and bins. */
static void pack_node(satstat__bytes *b, const satstat_summary *n, unsigned level)
{
    uint32_t lv = level;
    satstat__bytes_put(b, &lv, sizeof lv);
    satstat__bytes_put(b, &n->z, sizeof n->z);
    satstat__bytes_put(b, &n->dphi, sizeof n->dphi);
    uint64_t counts[5] = {n->saturated, n->underflow, n->overflow,
                          n->unit_underflow, n->unit_overflow};
    satstat__bytes_put(b, counts, sizeof counts);
    satstat__bytes_put(b, &n->units, sizeof n->units);
    satstat__bytes_put(b, n->hist->bin, n->hist->n * sizeof *n->hist->bin);
    satstat__bytes_put(b, n->abs_counts, n->abs_bins * sizeof *n->abs_counts);
    if (n->hist_unit)
        satstat__bytes_put(b, n->hist_unit->bin, n->hist_unit->n * sizeof *n->hist_unit->bin);
}

/* Into n (allocated by partial_init for the same layout); 0 or −1. */
static int unpack_node(satstat__reader *r, satstat_summary *n, unsigned *level)
{
    uint32_t lv;
    uint64_t counts[5];
    if (satstat__read(r, &lv, sizeof lv) || satstat__read(r, &n->z, sizeof n->z) ||
        satstat__read(r, &n->dphi, sizeof n->dphi) ||
        satstat__read(r, counts, sizeof counts) ||
        satstat__read(r, &n->units, sizeof n->units) ||
        satstat__read(r, n->hist->bin, n->hist->n * sizeof *n->hist->bin) ||
        satstat__read(r, n->abs_counts, n->abs_bins * sizeof *n->abs_counts) ||
        (n->hist_unit &&
         satstat__read(r, n->hist_unit->bin, n->hist_unit->n * sizeof *n->hist_unit->bin)) ||
        lv >= STACK_DEPTH)
        return -1;
    n->saturated = counts[0];
    n->underflow = counts[1];
    n->overflow = counts[2];
    n->unit_underflow = counts[3];
    n->unit_overflow = counts[4];
    *level = lv;
    return 0;
}

/* Pack a unit's stack, bottom first, and empty it. */
static void pack_tree(satstat__bytes *b, merge_tree *t, uint64_t *nodes)
{
    for (size_t i = 0; i < t->depth; i++)
        pack_node(b, &t->stack[i], t->levels[i]);
    *nodes += t->depth;
    t->depth = 0;
}

/* Items (neurons, or orthogonal's matrices) per block: the sub-sample's
 * index unit. */
static uint64_t run_items_per_block(const run *r)
{
    return r->ortho ? r->units_per_block : SATSTAT_BLOCK_NEURONS;
}

/* This rank's units of blocks first .. end−1, packed: the number of
 * subtrees, the subtrees, then the sub-sample entries it computed. */
static int share_compute(run *r, uint64_t first, uint64_t end, uint64_t unit,
                         unsigned threads, satstat_progress_fn progress,
                         void *progress_ctx, satstat__bytes *mine)
{
    merge_tree local = {.stack = calloc(STACK_DEPTH, sizeof *local.stack)};
    satstat__bytes nodes = {0};
    uint64_t n_nodes = 0;
    int rc = local.stack ? SATSTAT_OK : SATSTAT_ENOMEM;
    for (uint64_t b = first; b < end && rc == SATSTAT_OK; b += round_size(threads)) {
        rc = run_round(r, b, end, threads, progress, progress_ctx);
        for (uint64_t k = 0; k < r->round_blocks && rc == SATSTAT_OK; k++) {
            if ((b + k) % unit == 0 && local.depth)
                pack_tree(&nodes, &local, &n_nodes);
            rc = tree_push(&local, &r->slots[k], r->layout, r->unit_size);
        }
        if (rc == SATSTAT_OK && progress &&
            progress(progress_ctx, run_done_neurons(r, b + r->round_blocks), r->samples) != 0)
            rc = SATSTAT_ECANCELED;
    }
    if (rc == SATSTAT_OK && local.depth)
        pack_tree(&nodes, &local, &n_nodes);
    uint64_t per = run_items_per_block(r);
    uint64_t sub_first = first * per < r->n_sub ? first * per : r->n_sub;
    uint64_t sub_end = end * per < r->n_sub ? end * per : r->n_sub;
    uint64_t sub[2] = {sub_first, sub_end - sub_first};
    satstat__bytes_put(mine, &n_nodes, sizeof n_nodes);
    satstat__bytes_put(mine, nodes.data, nodes.size);
    satstat__bytes_put(mine, sub, sizeof sub);
    satstat__bytes_put(mine, r->sub + sub_first, sub[1] * sizeof *r->sub);
    if (rc == SATSTAT_OK && (nodes.failed || mine->failed))
        rc = SATSTAT_ENOMEM;
    satstat__bytes_free(&nodes);
    if (local.stack)
        for (size_t i = 0; i < STACK_DEPTH; i++)
            summary_free_parts(&local.stack[i]);
    free(local.stack);
    return rc;
}

/* Every rank's subtrees onto `tree`, in rank (= block) order, and their
 * sub-sample entries into r->sub. */
static int share_merge(run *r, merge_tree *tree, const satstat__reader *pieces,
                       unsigned ranks)
{
    satstat_summary node;
    if (partial_init(&node, r->layout, r->unit_size) != SATSTAT_OK)
        return SATSTAT_ENOMEM;
    int rc = SATSTAT_OK;
    for (unsigned k = 0; k < ranks && rc == SATSTAT_OK; k++) {
        satstat__reader in = pieces[k];
        uint64_t n_nodes, sub[2];
        if (satstat__read(&in, &n_nodes, sizeof n_nodes) != 0)
            rc = SATSTAT_EIO;
        for (uint64_t i = 0; i < n_nodes && rc == SATSTAT_OK; i++) {
            unsigned level;
            rc = unpack_node(&in, &node, &level) != 0
                     ? SATSTAT_EIO
                     : tree_push_level(tree, &node, level, r->layout, r->unit_size);
        }
        if (rc == SATSTAT_OK &&
            (satstat__read(&in, sub, sizeof sub) != 0 || sub[0] > r->n_sub ||
             sub[1] > r->n_sub - sub[0] ||
             satstat__read(&in, r->sub + sub[0], sub[1] * sizeof *r->sub) != 0))
            rc = SATSTAT_EIO;
    }
    summary_free_parts(&node);
    return rc;
}

/* The split run: this rank's share, the exchange, and every rank's
 * subtrees merged onto `tree` (a failed rank's error on every rank). */
static int run_split(const satstat_partition *p, int rc, run *r, merge_tree *tree,
                     uint64_t blocks, unsigned threads,
                     satstat_progress_fn progress, void *progress_ctx)
{
    satstat__bytes mine = {0};
    if (rc == SATSTAT_OK) {
        uint64_t unit = satstat__partition_block_unit(p, blocks), first, end;
        satstat__partition_share(p, blocks, unit, &first, &end);
        rc = share_compute(r, first, end, unit, threads, progress, progress_ctx, &mine);
    }
    satstat__reader *pieces = calloc(p->size, sizeof *pieces);
    void *all = NULL;
    /* orthogonal matrices come from BLAS-backed QR: same kernels only */
    rc = satstat__partition_exchange(p, rc, &mine, r && r->ortho, &all, pieces);
    satstat__bytes_free(&mine);
    if (rc == SATSTAT_OK)
        rc = share_merge(r, tree, pieces, p->size);
    free(all);
    free(pieces);
    return rc;
}

int satstat_sample(const satstat_config *config, const satstat_scheme *scheme,
                   const satstat_layout *layout, satstat_progress_fn progress,
                   void *progress_ctx, satstat_summary **out)
{
    satstat__gsl_quiet();
    if (!config || !scheme || !out)
        return SATSTAT_EINVAL;
    *out = NULL;
    int refused = !config->activation || !layout_valid(layout) ? SATSTAT_EINVAL
                  : config->samples == 0 || config->samples > SATSTAT_MAX_SAMPLES ||
                          config->threads > SATSTAT_MAX_THREADS
                      ? SATSTAT_ERANGE
                      : SATSTAT_OK;
    if (refused != SATSTAT_OK) {
        /* a split job's other ranks are waiting at the exchange */
        if (satstat__partition_active(config->partition)) {
            void *all = NULL;
            satstat__bytes none = {0};
            refused = satstat__partition_exchange(config->partition, refused, &none, 0,
                                                  &all, NULL);
            free(all);
        }
        return refused;
    }

    run *r = calloc(1, sizeof *r);
    merge_tree tree = { .stack = calloc(STACK_DEPTH, sizeof *tree.stack) };
    uint64_t blocks = 0;
    int rc = SATSTAT_ENOMEM;
    if (r && tree.stack)
        rc = run_prepare(r, config, scheme, layout, &blocks);
    unsigned threads = rc == SATSTAT_OK ? run_threads(r) : 0;
    if (satstat__partition_active(config->partition)) {
        /* every rank reaches the exchange, even one that failed here */
        rc = run_split(config->partition, rc, r, &tree, blocks, threads, progress,
                       progress_ctx);
        blocks = 0;
    }
    for (uint64_t first = 0; first < blocks && rc == SATSTAT_OK; first += round_size(threads)) {
        rc = run_round(r, first, blocks, threads, progress, progress_ctx);
        /* push the round's partials in block order */
        for (uint64_t k = 0; k < r->round_blocks && rc == SATSTAT_OK; k++)
            rc = tree_push(&tree, &r->slots[k], layout, r->unit_size);
        if (rc == SATSTAT_OK && progress &&
            progress(progress_ctx, run_done_neurons(r, first + r->round_blocks),
                     r->samples) != 0)
            rc = SATSTAT_ECANCELED;
    }
    if (rc == SATSTAT_OK)
        rc = tree_finish(&tree, r, out);

    run_free(r);
    if (tree.stack)
        for (size_t i = 0; i < STACK_DEPTH; i++)
            summary_free_parts(&tree.stack[i]);
    free(tree.stack);
    return rc;
}

const satstat_moments *satstat_summary_z(const satstat_summary *s)
{
    return s ? &s->z : NULL;
}

const satstat_moments *satstat_summary_dphi(const satstat_summary *s)
{
    return s ? &s->dphi : NULL;
}

uint64_t satstat_summary_saturated(const satstat_summary *s)
{
    return s ? s->saturated : 0;
}

const gsl_histogram *satstat_summary_histogram(const satstat_summary *s,
                                               uint64_t *underflow,
                                               uint64_t *overflow)
{
    if (!s)
        return NULL;
    if (underflow)
        *underflow = s->underflow;
    if (overflow)
        *overflow = s->overflow;
    return s->hist;
}

const uint64_t *satstat_summary_abs_counts(const satstat_summary *s,
                                           size_t *bins, double *step)
{
    if (!s)
        return NULL;
    if (bins)
        *bins = s->abs_bins;
    if (step)
        *step = s->abs_step;
    return s->abs_counts;
}

const double *satstat_summary_subsample(const satstat_summary *s, size_t *n)
{
    if (!s)
        return NULL;
    if (n)
        *n = s->n_sub;
    return s->sub;
}

const satstat_unit_moments *satstat_summary_units(const satstat_summary *s,
                                                  uint64_t *unit_size)
{
    if (!s)
        return NULL;
    if (unit_size)
        *unit_size = s->unit_size;
    return s->unit_size > 1 ? &s->units : NULL;
}

const gsl_histogram *satstat_summary_unit_histogram(const satstat_summary *s,
                                                    uint64_t *underflow,
                                                    uint64_t *overflow)
{
    if (!s || !s->hist_unit)
        return NULL;
    if (underflow)
        *underflow = s->unit_underflow;
    if (overflow)
        *overflow = s->unit_overflow;
    return s->hist_unit;
}

int satstat_summary_saturated_interval(const satstat_summary *s, double alpha,
                                       satstat_interval *ci, int *first_rows)
{
    if (!s || !ci)
        return SATSTAT_EINVAL;
    if (first_rows)
        *first_rows = 0;
    uint64_t k = s->saturated, n = s->z.n;
    if (s->unit_size <= 1)
        return satstat_proportion_interval(k, n, alpha, ci);
    const satstat_unit_moments *u = &s->units;
    if (u->saturated.n >= 2 && satstat_moments_variance(&u->saturated) > 0.0 &&
        k >= 20 && n - k >= 20) {
        int rc = satstat_mean_interval(&u->saturated, alpha, ci);
        if (rc == SATSTAT_OK) {
            ci->lo = fmax(0.0, ci->lo);
            ci->hi = fmin(1.0, ci->hi);
        }
        return rc;
    }
    if (first_rows)
        *first_rows = 1;
    return satstat_proportion_interval(u->first_saturated, u->saturated.n, alpha, ci);
}
