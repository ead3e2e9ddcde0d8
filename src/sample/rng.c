/* rng.c — counter-based streams: the scalar reference of what the kernel
 * computes, the stream ids, and the choice of SIMD path. */
#include <satstat/rng.h>
#include <satstat/error.h>
#include <satstat/parse.h>

#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sample/kernel-int.h"
#include "sample/transform-int.h"

uint32_t satstat_stream_id(const char *canonical, satstat_domain domain)
{
    /* FNV-1a, 32 bits (Fowler, Noll & Vo): a fixed, documented hash, so a
     * scheme's stream does not depend on its position in a list. */
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)(canonical ? canonical : "");
         *p; p++) {
        h ^= *p;
        h *= 16777619u;
    }
    return (h & ~UINT32_C(3)) | ((uint32_t)domain & 3u);
}

void satstat_philox4x32(const uint32_t counter[4], const uint32_t key[2],
                        uint32_t out[4])
{
    philox4x32_ctr_t c = {{counter[0], counter[1], counter[2], counter[3]}};
    philox4x32_key_t k = {{key[0], key[1]}};
    philox4x32_ctr_t r = philox4x32_R(10, c, k);
    memcpy(out, r.v, sizeof r.v);
}

float satstat_box_muller(uint32_t k1, uint32_t k2, int which)
{
    float c, s;
    satstat__box_muller(k1, k2, &c, &s);
    return which ? s : c;
}

double satstat_uniform_from_bits(uint32_t k)
{
    return satstat__uniform(k);
}

double satstat_normal_quantile(double p)
{
    if (!(p > 0.0 && p < 1.0))
        return p == 0.0 ? -INFINITY : p == 1.0 ? INFINITY : NAN;
    return satstat__inv_normal(p);
}

static void block_words(uint64_t seed, uint32_t stream, uint64_t neuron,
                        uint64_t block, uint32_t out[4])
{
    uint32_t ctr[4] = {(uint32_t)block, (uint32_t)neuron,
                       (uint32_t)(neuron >> 32), stream};
    uint32_t key[2] = {(uint32_t)seed, (uint32_t)(seed >> 32)};
    satstat_philox4x32(ctr, key, out);
}

void satstat_stream_words(uint64_t seed, uint32_t stream, uint64_t neuron,
                          uint64_t first, size_t n, uint32_t *out)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t j = first + i;
        uint32_t w[4];
        block_words(seed, stream, neuron, j / 4, w);
        out[i] = w[j % 4];
    }
}

static const char *const transform_labels[SATSTAT_TRANSFORM_COUNT] = {
    [SATSTAT_TRANSFORM_BOX_MULLER] = "box-muller-f32-cephes/1",
    [SATSTAT_TRANSFORM_ZIGGURAT] = "ziggurat-256-f32/1",
};

const char *satstat_transform_label(satstat_transform transform)
{
    if ((unsigned)transform >= SATSTAT_TRANSFORM_COUNT)
        return NULL;
    return transform_labels[transform];
}

int satstat_transform_from_name(const char *name, satstat_transform *out, char *msg, size_t msg_size)
{
    for (unsigned t = 0; name && t < SATSTAT_TRANSFORM_COUNT; t++) {
        if (strcmp(name, transform_labels[t]) == 0) {
            *out = (satstat_transform)t;
            return SATSTAT_OK;
        }
    }
    if (msg) {
        char q[SATSTAT_QUOTE_SIZE], hint[SATSTAT_SUGGEST_SIZE];
        const char *text = name ? name : "";
        satstat_suggest(text, strlen(text), transform_labels, SATSTAT_TRANSFORM_COUNT, hint,
                        sizeof hint);
        /* a family name alone ("ziggurat") is too far from its label for
         * the edit distance: suggest the label it begins */
        for (unsigned t = 0; !*hint && *text && t < SATSTAT_TRANSFORM_COUNT; t++)
            if (strncmp(transform_labels[t], text, strlen(text)) == 0)
                snprintf(hint, sizeof hint, "did you mean '%s'? ", transform_labels[t]);
        snprintf(msg, msg_size, "unknown transform %s (%svalid: %s, %s)",
                 satstat_quote(text, q, sizeof q), hint, transform_labels[0],
                 transform_labels[1]);
    }
    return SATSTAT_EINVAL;
}

void satstat_stream_normals_with(satstat_transform transform, uint64_t seed,
                                 uint32_t stream, uint64_t neuron, uint64_t first,
                                 size_t n, float *out)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t j = first + i;
        uint32_t w[4];
        /* the kernel keeps the block counter in 32 bits (satstat_fill_normals_with) */
        block_words(seed, stream, neuron, (uint32_t)(j / 4), w);
        if (transform == SATSTAT_TRANSFORM_ZIGGURAT) {
            out[i] = satstat__ziggurat(w[j % 4], (uint32_t)seed, (uint32_t)(seed >> 32),
                                       stream, neuron, j);
            continue;
        }
        /* normal j: pair (j mod 4)/2 of block j/4, branch j mod 2 */
        unsigned pair = (unsigned)(j % 4) / 2;
        out[i] = satstat_box_muller(w[2 * pair], w[2 * pair + 1], (int)(j % 2));
    }
}

void satstat_stream_normals(uint64_t seed, uint32_t stream, uint64_t neuron,
                            uint64_t first, size_t n, float *out)
{
    satstat_stream_normals_with(SATSTAT_TRANSFORM_DEFAULT, seed, stream, neuron, first, n,
                                out);
}

void satstat_stream_uniforms(uint64_t seed, uint32_t stream, uint64_t neuron,
                             uint64_t first, size_t n, double *out)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t w;
        satstat_stream_words(seed, stream, neuron, first + i, 1, &w);
        out[i] = satstat__uniform(w);
    }
}

const char *satstat_generator_name(void)
{
    return "philox4x32-10";
}

const char *satstat_transform_name(void)
{
    return satstat_transform_label(SATSTAT_TRANSFORM_DEFAULT);
}

/* ---- SIMD path ----------------------------------------------------------
 * The AVX2 and AVX-512 builds of kernel.c exist only on x86-64 (src/meson.build
 * builds them when the target's cpu family is x86_64, which is exactly when
 * the compiler defines __x86_64__); on any other target the baseline build is
 * the only path and the one reported. */

#if defined(__x86_64__)
static int path_supported(const char *name)
{
    __builtin_cpu_init();
    if (strcmp(name, "baseline") == 0)
        return 1;
    if (strcmp(name, "avx2") == 0)
        return __builtin_cpu_supports("avx2");
    int avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
                 __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw");
    if (strcmp(name, "avx512") == 0)
        return avx512;
    if (strcmp(name, "avx512vbmi") == 0)
        return avx512 && __builtin_cpu_supports("avx512vbmi");
    return 0;
}
#endif

#if defined(__x86_64__)
static const struct {
    const char *name;
    satstat__kernel_fn fn;
} paths[] = {
    {"avx512vbmi", satstat__kernel_avx512vbmi},
    {"avx512", satstat__kernel_avx512},
    {"avx2", satstat__kernel_avx2},
    {"baseline", satstat__kernel_baseline},
};
#define N_PATHS (sizeof paths / sizeof paths[0])

/* SATSTAT_SIMD forces a path if this CPU has it; anything else (unset,
 * unknown, unsupported) gets the best path the CPU supports. */
static size_t path_from_environment(void)
{
    const char *forced = getenv("SATSTAT_SIMD");
    for (int pass = (forced && *forced) ? 0 : 1; pass < 2; pass++)
        for (size_t i = 0; i < N_PATHS; i++) {
            if (pass == 0 && strcmp(forced, paths[i].name) != 0)
                continue;
            if (path_supported(paths[i].name))
                return i;
        }
    return N_PATHS - 1;
}

/* The path chosen, +1 (0: not chosen yet).  Chosen once, not per call:
 * deep networks fill a row of weights per call, and reading the
 * environment and the CPU's features each time cost about 5 % of the
 * fill.  satstat_simd_path() chooses again, so a test that sets
 * SATSTAT_SIMD and asks for the path gets it. */
static atomic_size_t chosen;

static size_t current_path(void)
{
    size_t c = atomic_load_explicit(&chosen, memory_order_relaxed);
    if (c == 0) {
        c = path_from_environment() + 1;
        atomic_store_explicit(&chosen, c, memory_order_relaxed);
    }
    return c - 1;
}
#endif

satstat__kernel_fn satstat__kernel_select(const char **name)
{
#if defined(__x86_64__)
    size_t i = current_path();
    if (name)
        *name = paths[i].name;
    return paths[i].fn;
#else
    if (name)
        *name = "baseline";
    return satstat__kernel_baseline;
#endif
}

satstat__fill_fn satstat__fill_select(void)
{
#if defined(__x86_64__)
    satstat__kernel_fn k = satstat__kernel_select(NULL);
    if (k == satstat__kernel_avx512vbmi)
        return satstat__fill_avx512vbmi;
    if (k == satstat__kernel_avx512)
        return satstat__fill_avx512;
    if (k == satstat__kernel_avx2)
        return satstat__fill_avx2;
#endif
    return satstat__fill_baseline;
}

void satstat_fill_normals(uint64_t seed, uint32_t stream, uint64_t neuron,
                          uint64_t first, size_t n, float *out)
{
    satstat_fill_normals_with(SATSTAT_TRANSFORM_DEFAULT, seed, stream, neuron, first, n, out);
}

/* The kernel job of a fill: normal weights of one stream. */
static satstat__kernel_job fill_job(satstat_transform transform, uint64_t seed, uint32_t stream)
{
    satstat__kernel_job job;
    memset(&job, 0, sizeof job);
    job.key[0] = (uint32_t)seed;
    job.key[1] = (uint32_t)(seed >> 32);
    job.weight_stream = stream;
    job.weight_family = SATSTAT__W_NORMAL;
    job.transform = transform;
    return job;
}

satstat__fill_rows_fn satstat__fill_rows_select(void)
{
#if defined(__x86_64__)
    satstat__kernel_fn k = satstat__kernel_select(NULL);
    if (k == satstat__kernel_avx512vbmi)
        return satstat__fill_rows_avx512vbmi;
    if (k == satstat__kernel_avx512)
        return satstat__fill_rows_avx512;
    if (k == satstat__kernel_avx2)
        return satstat__fill_rows_avx2;
#endif
    return satstat__fill_rows_baseline;
}

void satstat__fill_normal_rows(satstat_transform transform, uint64_t seed, uint32_t stream,
                               uint64_t first, size_t rows, size_t n, float *out, size_t stride)
{
    enum { BATCH = 64 };
    size_t batches = (n + BATCH - 1) / BATCH;
    if (batches > SATSTAT__FILL_ROW_BATCHES || first + rows < first) {
        for (size_t r = 0; r < rows; r++)
            satstat_fill_normals_with(transform, seed, stream, first + r, 0, n,
                                      out + r * stride);
        return;
    }
    satstat__kernel_job job = fill_job(transform, seed, stream);
    satstat__fill_rows_fn fill = satstat__fill_rows_select();
    /* whole batches for each row, then a row's first n into place */
    float buf[SATSTAT__FILL_ROWS * SATSTAT__FILL_ROW_BATCHES * BATCH];
    for (size_t r = 0; r < rows; r += SATSTAT__FILL_ROWS) {
        uint32_t m = rows - r < SATSTAT__FILL_ROWS ? (uint32_t)(rows - r) : SATSTAT__FILL_ROWS;
        fill(&job, first + r, m, (uint32_t)batches, buf);
        for (uint32_t g = 0; g < m; g++)
            memcpy(out + (r + g) * stride, buf + (size_t)g * batches * BATCH, n * sizeof *out);
    }
}

void satstat_fill_normals_with(satstat_transform transform, uint64_t seed,
                               uint32_t stream, uint64_t neuron, uint64_t first,
                               size_t n, float *out)
{
    enum { BATCH = 64 };
    satstat__kernel_job job = fill_job(transform, seed, stream);
    /* Whole batches of 64 straight from the SIMD kernel; a ragged head or
     * tail from one more kernel batch into a scratch buffer (the scalar
     * reference gives the same numbers, at ~10x the cost per normal: a row
     * of 1000 would spend 40% of its time on its last 40).  Batch indices
     * past 2^32 − 1 fall back to the scalar path (which, like the kernel,
     * keeps the block counter in 32 bits: a stream holds 2^34 draws). */
    satstat__fill_fn fill = satstat__fill_select();
    float scratch[BATCH];
    while (n > 0) {
        uint64_t batch = first / BATCH;
        size_t skip = (size_t)(first % BATCH);
        if (batch > UINT32_MAX) {
            satstat_stream_normals_with(transform, seed, stream, neuron, first, n, out);
            return;
        }
        if (skip == 0 && n >= BATCH) {
            size_t batches = n / BATCH;
            if (batch + batches - 1 > UINT32_MAX)
                batches = (size_t)(UINT32_MAX - batch + 1);
            fill(&job, neuron, (uint32_t)batch, batches, out);
            first += batches * BATCH;
            out += batches * BATCH;
            n -= batches * BATCH;
            continue;
        }
        size_t take = BATCH - skip < n ? BATCH - skip : n;
        fill(&job, neuron, (uint32_t)batch, 1, scratch);
        memcpy(out, scratch + skip, take * sizeof *out);
        first += take;
        out += take;
        n -= take;
    }
}

const char *satstat_simd_path(void)
{
#if defined(__x86_64__)
    size_t i = path_from_environment();
    atomic_store_explicit(&chosen, i + 1, memory_order_relaxed);
    return paths[i].name;
#else
    return "baseline";
#endif
}
