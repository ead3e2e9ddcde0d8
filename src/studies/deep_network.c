/* deep_network.c — one sampled network: its weights, biases and inputs
 * drawn from the counter-based streams, and its forward and backward
 * passes.
 *
 * Weights are generated a row at a time straight from the streams
 * (satstat_fill_normals_with, the config's transform) and multiplied:
 * normal weights as the stream's floats (deep_kernel.c), other laws
 * and the Jacobian's products as a matrix of doubles (gsl_blas_dgemv).
 * The backward pass reads the layers the worker kept (plan.cache_layers)
 * and draws the others again: the same numbers either way, and memory
 * bounded by --max-memory.
 */
#include <satstat/deep.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include <satstat/build.h>
#include <satstat/error.h>
#include <satstat/rng.h>

#include "studies/deep-int.h"
#include "base/gsl-int.h"
#include "sample/kernel-int.h"

/* ======================================================================
 * The draws
 * ====================================================================== */

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

/* n draws of a law from (stream, counter), indices 0..n−1, by c's seed
 * and transform.  fbuf holds n
 * floats, dbuf n doubles (scratch; dbuf may alias out). */
static void draw_law(const satstat_law *law, const satstat_config *c, uint32_t stream,
                     uint64_t counter, size_t n, float *fbuf, double *out)
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
        satstat_fill_normals_with(c->transform, c->seed, stream, counter, 0, n, fbuf);
        for (size_t j = 0; j < n; j++)
            out[j] = a + b * (double)fbuf[j];
        break;
    }
    case SATSTAT_FAMILY_UNIFORM: {
        const double a = law->a, b = law->b;
        satstat_stream_uniforms(c->seed, stream, counter, 0, n, out);
        for (size_t j = 0; j < n; j++)
            out[j] = a + (b - a) * out[j];
        break;
    }
    case SATSTAT_FAMILY_TRUNC_NORMAL: {
        /* inversion: a + b·Φ⁻¹(Φ(α) + u·(Φ(β) − Φ(α))), α, β the
         * standardized bounds; u in (0, 1) never reaches the ends */
        double pa = gsl_cdf_ugaussian_P((law->lo - law->a) / law->b);
        double pb = gsl_cdf_ugaussian_P((law->hi - law->a) / law->b);
        satstat_stream_uniforms(c->seed, stream, counter, 0, n, out);
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

/* deep_kernel.c's products for the SIMD path the sampling kernel takes
 * (the same bits on every path). */
static void kernels_of(plan *p)
{
    p->dot = satstat__deep_dot_baseline;
    p->axpy = satstat__deep_axpy_baseline;
#if defined(__x86_64__) /* the AVX paths are built for x86-64 only */
    const char *path = satstat_simd_path();
    if (strncmp(path, "avx512", 6) == 0) { /* avx512 and avx512vbmi */
        p->dot = satstat__deep_dot_avx512;
        p->axpy = satstat__deep_axpy_avx512;
    } else if (strcmp(path, "avx2") == 0) {
        p->dot = satstat__deep_dot_avx2;
        p->axpy = satstat__deep_axpy_avx2;
    }
#endif
}

int satstat__deep_plan_make(const satstat_config *c, const satstat_deep_options *o,
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
        rc = satstat_config_region(c, &p->region, NULL, 0);
    p->support = satstat__deep_layer1_support(c, o);
    kernels_of(p);
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
    draw_law(layer == 1 ? &p->law1 : &p->lawW, p->c, p->st.weights,
             row_counter(p, network, layer, i), cols, fbuf, out);
}

static void fill_matrix(const plan *p, uint64_t network, uint64_t layer, gsl_matrix *m,
                        float *fbuf)
{
    for (size_t i = 0; i < m->size1; i++)
        weight_row(p, network, layer, i, m->size2, fbuf, gsl_matrix_ptr(m, i, 0));
}

/* ---- normal weights kept as the stream's floats ------------------------
 * A normal weight is a + b·f, f the float the stream gives (draw_law).  A
 * layer of normal weights is drawn a row at a time and multiplied while
 * the row is in cache (deep_kernel.c), and kept (plan.cache_layers) as its
 * floats: half the bytes of doubles, so half the memory traffic of the
 * backward pass and twice the layers under --max-memory.  Kept or drawn
 * again, a row holds the same floats and goes through the same arithmetic:
 * the same numbers either way, whatever the thread count. */

/* The floats of row i of layer `layer` (cols of them) into row. */
static void float_row(const plan *p, uint64_t network, uint64_t layer, uint64_t i, size_t cols,
                      float *row)
{
    satstat_fill_normals_with(p->c->transform, p->c->seed, p->st.weights,
                              row_counter(p, network, layer, i), 0, cols, row);
}

/* Rows of at most GROUP_COLS floats are drawn SATSTAT__FILL_ROWS at a time
 * (satstat__fill_normal_rows: the same floats as float_row, made
 * together); a group's scratch is on the stack. */
enum { GROUP_COLS = 64 * SATSTAT__FILL_ROW_BATCHES };

/* Row i of layer `layer` drawn in groups: when i starts a group, its rows
 * are drawn into kept (the layer's kept rows, W apart) or into scratch
 * (cols apart); returns row i. */
static const float *grouped_row(const plan *p, uint64_t network, uint64_t layer, size_t i,
                                size_t cols, float *kept, float scratch[])
{
    size_t W = (size_t)p->o->width, g = i % SATSTAT__FILL_ROWS;
    size_t stride = kept ? W : cols;
    float *base = kept ? kept + (i - g) * W : scratch;
    if (g == 0) {
        size_t rows = W - i < SATSTAT__FILL_ROWS ? W - i : SATSTAT__FILL_ROWS;
        satstat__fill_normal_rows(p->c->transform, p->c->seed, p->st.weights,
                                  row_counter(p, network, layer, i), rows, cols, base, stride);
    }
    return base + g * stride;
}

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
    satstat__deep_ortho_shape(c, o, &rows, &cols);
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
        satstat_fill_normals_with(p->c->transform, p->c->seed, p->st.weights, key,
                                  (uint64_t)i * cols, cols, fbuf);
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
    draw_law(&p->c->bias.law, p->c, p->st.bias, network * p->o->layers + (layer - 1),
             (size_t)p->o->width, fbuf, out);
}

static int input_vector(const plan *p, uint64_t network, float *fbuf, double *x)
{
    size_t n = (size_t)p->support;
    if (p->o->input == SATSTAT_DEEP_INPUT_NORMAL) {
        satstat_law nl = {.family = SATSTAT_FAMILY_NORMAL, .a = 0.0, .b = 1.0};
        char buf[SATSTAT_SPEC_SIZE + 32];
        snprintf(buf, sizeof buf, "deep:%s", p->scheme->canonical);
        draw_law(&nl, p->c, satstat_stream_id(buf, SATSTAT_DOMAIN_INPUTS), network, n,
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
    draw_law(&nl, p->c, p->st.pair, network, n, fbuf, x2);
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
    draw_law(&nl, p->c, p->st.gradient, network, W, fbuf, g);
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

void satstat__deep_worker_free(worker *w)
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

/* --jacobian's scratch: D·W products column by column, and the SVD. */
static int worker_alloc_jacobian(worker *w, size_t W)
{
    size_t n_in = (size_t)w->p->c->n_in, big = W > n_in ? W : n_in;
    w->dp = malloc(W * sizeof(double));
    w->col = malloc(big * sizeof(double));
    w->colout = malloc(big * sizeof(double));
    if (!w->dp || !w->col || !w->colout)
        return SATSTAT_ENOMEM;
    return satstat__jacobian_alloc(&w->js, W, n_in);
}

/* --pair-correlation's second input and its layer. */
static int worker_alloc_pair(worker *w, size_t W)
{
    size_t n_in = (size_t)w->p->c->n_in;
    w->x2 = calloc(n_in ? n_in : 1, sizeof(double));
    w->z2 = malloc(W * sizeof(double));
    w->h2 = malloc(W * sizeof(double));
    return w->x2 && w->z2 && w->h2 ? SATSTAT_OK : SATSTAT_ENOMEM;
}

/* slot: the worker's index into p->cache_pool. */
int satstat__deep_worker_init(worker *w, const plan *p, unsigned slot)
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
    /* the double path's matrix (non-normal laws, the Jacobian) */
    int doubles = p->scheme->kind != SATSTAT_SCHEME_ORTHOGONAL
                  && (!satstat__deep_float_rows(&p->law1, p->o)
                      || (L > 1 && !satstat__deep_float_rows(&p->lawW, p->o)));
    w->wbuf = doubles ? malloc(W * cols * sizeof(double)) : NULL;
    w->rowd = malloc(cols * sizeof(double));
    size_t nf = cols > W ? cols : W;
    if (p->o->pair && (size_t)p->c->n_in > nf)
        nf = (size_t)p->c->n_in;
    w->rowf = malloc(nf * sizeof(float));
    if (p->cache_layers > 0 && p->cache_pool) {
        w->cache = p->cache_pool[slot];
        w->cache_layers = p->cache_layers;
    }
    if ((p->o->jacobian && worker_alloc_jacobian(w, W) != SATSTAT_OK)
        || (p->o->pair && worker_alloc_pair(w, W) != SATSTAT_OK)) {
        satstat__deep_worker_free(w);
        return SATSTAT_ENOMEM;
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
    if ((doubles && !w->wbuf) || !w->rowd || !w->rowf || !w->x || !w->z || !w->h || !w->b || !w->d
        || !w->d2 || !w->g || !w->zh || !w->ah || !w->zuo || !w->auo
        || (p->scheme->kind == SATSTAT_SCHEME_ORTHOGONAL &&
            ortho_scratch_alloc(p->c, p->o, &w->os) != SATSTAT_OK)) {
        satstat__deep_worker_free(w);
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

/* Layer l's pre-activations zˡ = Wˡ·hˡ⁻¹ + bˡ into w->z (and the pair's
 * into w->z2), and the Jacobian's product with layer l.  *mat: the
 * matrix of the layer, when it was drawn into memory. */
static int forward_layer(worker *w, uint64_t r, size_t l, double **mat)
{
    const plan *p = w->p;
    const satstat_activation *act = p->c->activation;
    size_t W = (size_t)p->o->width;
    size_t cols = l == 1 ? (size_t)p->support : W;
    const satstat_law *law = l == 1 ? &p->law1 : &p->lawW;
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
    } else if (cols > 0 && satstat__deep_float_rows(law, p->o)) {
        /* layers 2..K+1 are kept for the backward pass, row by row as
         * they are drawn; the others pass through one row of scratch */
        float *kept = l >= 2 && l - 2 < w->cache_layers ? (float *)w->cache + (l - 2) * W * W
                                                        : NULL;
        const double *in = l == 1 ? w->x : w->h, *in2 = l == 1 ? w->x2 : w->h2;
        float group[SATSTAT__FILL_ROWS * GROUP_COLS];
        for (size_t i = 0; i < W; i++) {
            const float *row;
            if (cols <= GROUP_COLS) {
                row = grouped_row(p, r, l, i, cols, kept, group);
            } else {
                float *one = kept ? kept + i * W : w->rowf;
                float_row(p, r, l, i, cols, one);
                row = one;
            }
            zl[i] += p->dot(law->a, law->b, row, in, cols);
            if (w->z2)
                w->z2[i] += p->dot(law->a, law->b, row, in2, cols);
        }
    } else if (cols > 0) {
        /* layers 2..K+1 are drawn into the worker's cache and kept for
         * the backward pass; the others into the one scratch matrix */
        *mat = l >= 2 && l - 2 < w->cache_layers ? (double *)w->cache + (l - 2) * W * W
                                                 : w->wbuf;
        gsl_matrix_view m = gsl_matrix_view_array(*mat, W, cols);
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
            satstat__jacobian_first(&w->js, *mat, w->dp);
        } else {
            if (satstat__jacobian_product(&w->js, *mat) != SATSTAT_OK)
                return SATSTAT_ENUMERIC;
            satstat__jacobian_scale(&w->js, w->dp);
        }
    }
    return SATSTAT_OK;
}

/* φ(zˡ) into w->h, the layer's statistics over its W units (in unit
 * order) into ns (may be NULL), and its histograms. */
static void layer_stats(worker *w, size_t l, netstat *ns)
{
    const plan *p = w->p;
    const satstat_activation *act = p->c->activation;
    size_t W = (size_t)p->o->width;
    const double *zl = w->z + (l - 1) * W;
    if (w->z2) {
        if (ns)
            ns->corr = satstat__pearson(zl, w->z2, W);
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
    if (ns) {
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

/* δᴸ = φ'(zᴸ) ⊙ g, δˡ = φ'(zˡ) ⊙ (Wˡ⁺¹)ᵀ δˡ⁺¹, g a unit direction drawn
 * per network; ‖δˡ‖ into stats (may be NULL), δˡ into delta_out (may be
 * NULL). */
static int backward(worker *w, uint64_t r, netstat *stats, double *delta_out)
{
    const plan *p = w->p;
    const satstat_activation *act = p->c->activation;
    size_t W = (size_t)p->o->width, L = (size_t)p->o->layers;
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
        } else if (satstat__deep_float_rows(&p->lawW, p->o)) {
            /* kept from the forward pass (the same floats, drawn once),
             * or drawn again a row at a time: the same bits either way */
            const float *kept =
                l - 2 < w->cache_layers ? (const float *)w->cache + (l - 2) * W * W : NULL;
            memset(w->d2, 0, W * sizeof(double));
            float group[SATSTAT__FILL_ROWS * GROUP_COLS];
            for (size_t i = 0; i < W; i++) {
                const float *row = kept ? kept + i * W : w->rowf;
                if (!kept && W <= GROUP_COLS)
                    row = grouped_row(p, r, l, i, W, NULL, group);
                else if (!kept)
                    float_row(p, r, l, i, W, w->rowf);
                p->axpy(p->lawW.a, p->lawW.b, row, w->d[i], w->d2, W);
            }
        } else {
            /* kept from the forward pass (the same doubles, drawn once),
             * or drawn again: the same bits either way */
            int kept = l - 2 < w->cache_layers;
            gsl_matrix_view m = gsl_matrix_view_array(
                kept ? (double *)w->cache + (l - 2) * W * W : w->wbuf, W, W);
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

/* Forward and backward through network r.  stats: L slots (may be NULL);
 * delta_out: L × W (may be NULL); sv, jm (options->jacobian; may be NULL):
 * the Jacobian's min(W, n_in) singular values and its 3 moments. */
int satstat__deep_run_network(worker *w, uint64_t r, netstat *stats, double *delta_out,
                              double *sv, double *jm)
{
    const plan *p = w->p;
    size_t L = (size_t)p->o->layers;
    int rc = input_vector(p, r, w->rowf, w->x);
    if (rc != SATSTAT_OK)
        return rc;
    if (p->o->pair)
        pair_vector(p, r, w->x, w->rowf, w->x2);
    double *mat = w->wbuf; /* the matrix of the layer at hand */
    for (size_t l = 1; l <= L; l++) {
        rc = forward_layer(w, r, l, &mat);
        if (rc != SATSTAT_OK)
            return rc;
        layer_stats(w, l, stats ? &stats[l - 1] : NULL);
    }
    if (w->dp && sv && jm) {
        rc = satstat__jacobian_spectrum(&w->js, sv, jm);
        if (rc != SATSTAT_OK)
            return rc;
    }
    return backward(w, r, stats, delta_out);
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
    if ((rc = satstat__deep_plan_make(config, o, scheme, &p)) != SATSTAT_OK)
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
    if ((rc = satstat__deep_plan_make(config, o, scheme, &p)) != SATSTAT_OK)
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
    if ((rc = satstat__deep_plan_make(config, o, scheme, &p)) != SATSTAT_OK)
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
    if ((rc = satstat__deep_plan_make(config, o, scheme, &p)) != SATSTAT_OK)
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
    if ((rc = satstat_deep_options_validate(config, &oj, NULL, msg, sizeof msg)) != SATSTAT_OK)
        return rc;
    satstat__gsl_quiet();
    satstat_blas_single_thread();
    plan p;
    if ((rc = satstat__deep_plan_make(config, &oj, scheme, &p)) != SATSTAT_OK)
        return rc;
    worker w;
    if ((rc = satstat__deep_worker_init(&w, &p, 0)) != SATSTAT_OK)
        return rc;
    double jm[3];
    rc = satstat__deep_run_network(&w, network, NULL, NULL, sv, jm);
    satstat__deep_worker_free(&w);
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
    if ((rc = satstat_deep_options_validate(config, o, NULL, msg, sizeof msg)) != SATSTAT_OK)
        return rc;
    satstat__gsl_quiet();
    satstat_blas_single_thread();
    plan p;
    if ((rc = satstat__deep_plan_make(config, o, scheme, &p)) != SATSTAT_OK)
        return rc;
    worker w;
    if ((rc = satstat__deep_worker_init(&w, &p, 0)) != SATSTAT_OK)
        return rc;
    rc = satstat__deep_run_network(&w, network, NULL, delta, NULL, NULL);
    if (rc == SATSTAT_OK)
        memcpy(z, w.z, (size_t)(o->layers * o->width) * sizeof(double));
    satstat__deep_worker_free(&w);
    return rc;
}
