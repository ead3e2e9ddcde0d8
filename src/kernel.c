/* kernel.c — z = Σ_j w_j x_j + b for a run of neurons, as fast as the
 * instruction set allows and with the same bits on every instruction set.
 *
 * Work is laid out as 16 lanes: one Philox4x32 call per lane gives four
 * words, i.e. two Box–Muller pairs, i.e. four normals, so a batch of 16
 * calls yields 64 weights.  Normal number j of a neuron is word pair
 * (j mod 4) / 2, branch j mod 2, of Philox block j / 4 (satstat/rng.h);
 * lane l of batch b is block 16b + l.  Each lane accumulates its weights in
 * double; the 16 lane sums are added in a fixed tree at the end.  Every loop
 * is over the 16 lanes with no dependence between lanes, which GCC turns
 * into vector code at -O3 without reordering any floating-point operation.
 */
#include <math.h>

#include "kernel-int.h"
#include "transform-int.h"

#ifndef SATSTAT_KERNEL_SUFFIX
#error "build kernel.c with -DSATSTAT_KERNEL_SUFFIX=<path>"
#endif
#define SATSTAT__CAT2(a, b) a##b
#define SATSTAT__CAT(a, b) SATSTAT__CAT2(a, b)
#define KERNEL_NAME SATSTAT__CAT(satstat__kernel_, SATSTAT_KERNEL_SUFFIX)
#define FILL_NAME SATSTAT__CAT(satstat__fill_, SATSTAT_KERNEL_SUFFIX)

enum { LANES = 16, PER_BATCH = 4 * LANES };

/* The four words of Philox blocks base .. base+15 of one stream.
 *
 * GCC vectorises the scalar round (transform-int.h) with 64-bit multiplies
 * (vpmullq) and lane shuffles; the hand-written versions below use the
 * 32×32→64 unsigned multiply on even and odd lanes and two blends, which
 * is what Philox was designed for (Salmon et al. 2011, section 4).  They
 * compute the same integers, so every path gives the same words; test_rng
 * and test_sampler check it against Random123. */
#if defined(__AVX512F__)
#include <immintrin.h>

/* hi and lo halves of the 16 products m·x (unsigned 32×32→64) */
static inline void mulhilo16(__m512i x, __m512i m, __m512i *hi, __m512i *lo)
{
    __m512i even = _mm512_mul_epu32(x, m);
    __m512i odd = _mm512_mul_epu32(_mm512_srli_epi64(x, 32), m);
    *hi = _mm512_mask_blend_epi32(0xAAAA, _mm512_srli_epi64(even, 32), odd);
    *lo = _mm512_mask_blend_epi32(0xAAAA, even, _mm512_slli_epi64(odd, 32));
}

static inline void philox_lanes(const satstat__kernel_job *job, uint32_t stream,
                                uint64_t neuron, uint32_t base,
                                uint32_t w0[LANES], uint32_t w1[LANES],
                                uint32_t w2[LANES], uint32_t w3[LANES])
{
    const __m512i m0 = _mm512_set1_epi32((int)PHILOX_M4x32_0);
    const __m512i m1 = _mm512_set1_epi32((int)PHILOX_M4x32_1);
    __m512i x0 = _mm512_add_epi32(_mm512_set1_epi32((int)base),
                                  _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
                                                    10, 11, 12, 13, 14, 15));
    __m512i x1 = _mm512_set1_epi32((int)(uint32_t)neuron);
    __m512i x2 = _mm512_set1_epi32((int)(uint32_t)(neuron >> 32));
    __m512i x3 = _mm512_set1_epi32((int)stream);
    uint32_t k0 = job->key[0], k1 = job->key[1];
    for (int r = 0; r < 10; r++) {
        __m512i hi0, lo0, hi1, lo1;
        mulhilo16(x0, m0, &hi0, &lo0);
        mulhilo16(x2, m1, &hi1, &lo1);
        /* x0' = hi1 ^ x1 ^ k0, x2' = hi0 ^ x3 ^ k1 (0x96: three-way xor) */
        x0 = _mm512_ternarylogic_epi32(hi1, x1, _mm512_set1_epi32((int)k0), 0x96);
        x2 = _mm512_ternarylogic_epi32(hi0, x3, _mm512_set1_epi32((int)k1), 0x96);
        x1 = lo1;
        x3 = lo0;
        k0 += PHILOX_W32_0;
        k1 += PHILOX_W32_1;
    }
    _mm512_storeu_si512((void *)w0, x0);
    _mm512_storeu_si512((void *)w1, x1);
    _mm512_storeu_si512((void *)w2, x2);
    _mm512_storeu_si512((void *)w3, x3);
}

#elif defined(__AVX2__)
#include <immintrin.h>

static inline void mulhilo8(__m256i x, __m256i m, __m256i *hi, __m256i *lo)
{
    __m256i even = _mm256_mul_epu32(x, m);
    __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(x, 32), m);
    *hi = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
    *lo = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
}

static inline void philox_lanes(const satstat__kernel_job *job, uint32_t stream,
                                uint64_t neuron, uint32_t base,
                                uint32_t w0[LANES], uint32_t w1[LANES],
                                uint32_t w2[LANES], uint32_t w3[LANES])
{
    const __m256i m0 = _mm256_set1_epi32((int)PHILOX_M4x32_0);
    const __m256i m1 = _mm256_set1_epi32((int)PHILOX_M4x32_1);
    for (int half = 0; half < 2; half++) {
        __m256i x0 = _mm256_add_epi32(_mm256_set1_epi32((int)(base + 8u * (uint32_t)half)),
                                      _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
        __m256i x1 = _mm256_set1_epi32((int)(uint32_t)neuron);
        __m256i x2 = _mm256_set1_epi32((int)(uint32_t)(neuron >> 32));
        __m256i x3 = _mm256_set1_epi32((int)stream);
        uint32_t k0 = job->key[0], k1 = job->key[1];
        for (int r = 0; r < 10; r++) {
            __m256i hi0, lo0, hi1, lo1;
            mulhilo8(x0, m0, &hi0, &lo0);
            mulhilo8(x2, m1, &hi1, &lo1);
            x0 = _mm256_xor_si256(_mm256_xor_si256(hi1, x1), _mm256_set1_epi32((int)k0));
            x2 = _mm256_xor_si256(_mm256_xor_si256(hi0, x3), _mm256_set1_epi32((int)k1));
            x1 = lo1;
            x3 = lo0;
            k0 += PHILOX_W32_0;
            k1 += PHILOX_W32_1;
        }
        _mm256_storeu_si256((__m256i *)(void *)(w0 + 8 * half), x0);
        _mm256_storeu_si256((__m256i *)(void *)(w1 + 8 * half), x1);
        _mm256_storeu_si256((__m256i *)(void *)(w2 + 8 * half), x2);
        _mm256_storeu_si256((__m256i *)(void *)(w3 + 8 * half), x3);
    }
}

#else
static inline void philox_lanes(const satstat__kernel_job *job, uint32_t stream,
                                uint64_t neuron, uint32_t base,
                                uint32_t w0[LANES], uint32_t w1[LANES],
                                uint32_t w2[LANES], uint32_t w3[LANES])
{
    uint32_t n_lo = (uint32_t)neuron, n_hi = (uint32_t)(neuron >> 32);
    for (int l = 0; l < LANES; l++) {
        uint32_t x0 = base + (uint32_t)l, x1 = n_lo, x2 = n_hi, x3 = stream;
        satstat__philox10(&x0, &x1, &x2, &x3, job->key[0], job->key[1]);
        w0[l] = x0;
        w1[l] = x1;
        w2[l] = x2;
        w3[l] = x3;
    }
}
#endif

/* Weight draws of one batch, standardised (N(0,1) or U(−1,1)), in the
 * order v[k·16 + l] = draw number 4·(16b + l) + k. */
static inline void weight_batch(const satstat__kernel_job *job, uint64_t neuron,
                                uint32_t batch, float v[PER_BATCH],
                                double vu[PER_BATCH])
{
    uint32_t w0[LANES], w1[LANES], w2[LANES], w3[LANES];
    philox_lanes(job, job->weight_stream, neuron, batch * LANES, w0, w1, w2, w3);
    if (job->weight_family == SATSTAT__W_NORMAL) {
        for (int l = 0; l < LANES; l++) {
            float a, b, c, d;
            satstat__box_muller(w0[l], w1[l], &a, &b);
            satstat__box_muller(w2[l], w3[l], &c, &d);
            v[l] = a;
            v[LANES + l] = b;
            v[2 * LANES + l] = c;
            v[3 * LANES + l] = d;
        }
    } else if (job->weight_family == SATSTAT__W_TRUNC) {
        double p0 = job->trunc_p0, width = job->trunc_width;
        double loc = job->trunc_loc, scale = job->trunc_scale;
        for (int l = 0; l < LANES; l++) {
            vu[l] = satstat__trunc_normal(w0[l], p0, width, loc, scale);
            vu[LANES + l] = satstat__trunc_normal(w1[l], p0, width, loc, scale);
            vu[2 * LANES + l] = satstat__trunc_normal(w2[l], p0, width, loc, scale);
            vu[3 * LANES + l] = satstat__trunc_normal(w3[l], p0, width, loc, scale);
        }
    } else {
        for (int l = 0; l < LANES; l++) {
            vu[l] = 2.0 * satstat__uniform(w0[l]) - 1.0;
            vu[LANES + l] = 2.0 * satstat__uniform(w1[l]) - 1.0;
            vu[2 * LANES + l] = 2.0 * satstat__uniform(w2[l]) - 1.0;
            vu[3 * LANES + l] = 2.0 * satstat__uniform(w3[l]) - 1.0;
        }
    }
}

/* Input values of one batch, same order, for random inputs: input j is
 * word j (Bernoulli, uniform) or normal j (Box–Muller, as for weights) of
 * the input stream. */
static inline void input_batch(const satstat__kernel_job *job, uint64_t neuron,
                               uint32_t batch, double x[PER_BATCH])
{
    uint32_t w0[LANES], w1[LANES], w2[LANES], w3[LANES];
    philox_lanes(job, job->input_stream, neuron, batch * LANES, w0, w1, w2, w3);
    if (job->input_family == SATSTAT__X_NORMAL) {
        double s = job->input_scale;
        for (int l = 0; l < LANES; l++) {
            float a, b, c, d;
            satstat__box_muller(w0[l], w1[l], &a, &b);
            satstat__box_muller(w2[l], w3[l], &c, &d);
            x[l] = s * (double)a;
            x[LANES + l] = s * (double)b;
            x[2 * LANES + l] = s * (double)c;
            x[3 * LANES + l] = s * (double)d;
        }
        return;
    }
    if (job->input_family == SATSTAT__X_UNIFORM) {
        double a = job->input_loc, s = job->input_scale;
        for (int l = 0; l < LANES; l++) {
            x[l] = a + s * satstat__uniform(w0[l]);
            x[LANES + l] = a + s * satstat__uniform(w1[l]);
            x[2 * LANES + l] = a + s * satstat__uniform(w2[l]);
            x[3 * LANES + l] = a + s * satstat__uniform(w3[l]);
        }
        return;
    }
    uint64_t t = job->bernoulli_threshold;
    for (int l = 0; l < LANES; l++) {
        x[l] = (uint64_t)w0[l] < t ? 1.0 : 0.0;
        x[LANES + l] = (uint64_t)w1[l] < t ? 1.0 : 0.0;
        x[2 * LANES + l] = (uint64_t)w2[l] < t ? 1.0 : 0.0;
        x[3 * LANES + l] = (uint64_t)w3[l] < t ? 1.0 : 0.0;
    }
}

static double bias_draw(const satstat__kernel_job *job, uint64_t neuron)
{
    if (job->bias_family == SATSTAT__B_CONSTANT)
        return job->bias_loc;
    uint32_t x0 = 0, x1 = (uint32_t)neuron, x2 = (uint32_t)(neuron >> 32);
    uint32_t x3 = job->bias_stream;
    satstat__philox10(&x0, &x1, &x2, &x3, job->key[0], job->key[1]);
    if (job->bias_family == SATSTAT__B_NORMAL) {
        float c, s;
        satstat__box_muller(x0, x1, &c, &s);
        return job->bias_loc + job->bias_scale * (double)c;
    }
    return job->bias_loc + job->bias_scale * satstat__uniform(x0);
}

static double one_neuron(const satstat__kernel_job *job, uint64_t neuron)
{
    double acc[LANES];
    float v[PER_BATCH];
    double vu[PER_BATCH];
    double x[PER_BATCH];
    for (int l = 0; l < LANES; l++)
        acc[l] = 0.0;

    uint64_t support = job->support;
    uint32_t batches = (uint32_t)((support + PER_BATCH - 1) / PER_BATCH);
    for (uint32_t b = 0; b < batches; b++) {
        weight_batch(job, neuron, b, v, vu);
        if (job->weight_family == SATSTAT__W_NORMAL) {
            for (int k = 0; k < PER_BATCH; k++)
                vu[k] = (double)v[k];
        }
        uint64_t j0 = (uint64_t)b * PER_BATCH;
        int random_inputs = job->input_family != SATSTAT__X_FIXED;
        int plain = job->x == NULL && !random_inputs && j0 + PER_BATCH <= support;
        if (plain) {
            /* all inputs of this batch are 1: the hot path.  Written as
             * rows of 16 so it vectorises; the additions into each lane
             * happen in the same order as in the general loop below. */
            for (int q = 0; q < 4; q++)
                for (int l = 0; l < LANES; l++)
                    acc[l] += vu[q * LANES + l];
            continue;
        }
        /* x[k]: the input that draw k meets, i.e. input
         * j = j0 + 4·(k mod 16) + k/16, and 0 past the support */
        if (random_inputs)
            input_batch(job, neuron, b, x);
        else if (job->x)
            memcpy(x, job->x + j0, sizeof x);
        else
            for (int k = 0; k < PER_BATCH; k++)
                x[k] = 1.0;
        for (int k = 0; k < PER_BATCH; k++) {
            uint64_t j = j0 + 4u * (uint64_t)(k % LANES) + (uint64_t)(k / LANES);
            x[k] = j < support ? x[k] : 0.0;
        }
        for (int q = 0; q < 4; q++)
            for (int l = 0; l < LANES; l++)
                acc[l] += vu[q * LANES + l] * x[q * LANES + l];
    }
    /* fixed pairwise tree over the 16 lanes */
    for (int width = LANES / 2; width > 0; width /= 2)
        for (int l = 0; l < width; l++)
            acc[l] += acc[l + width];
    return job->weight_scale * acc[0] + bias_draw(job, neuron);
}

void KERNEL_NAME(const satstat__kernel_job *job, uint64_t first, size_t count,
                 double *z)
{
    for (size_t i = 0; i < count; i++)
        z[i] = one_neuron(job, first + i);
}

/* Normals 64·first_batch .. 64·(first_batch + batches) − 1 of one stream,
 * in draw order: the generator alone, without the dot product. */
void FILL_NAME(const satstat__kernel_job *job, uint64_t neuron, uint32_t first_batch,
               size_t batches, float *out)
{
    float v[PER_BATCH];
    double unused[PER_BATCH];
    for (size_t b = 0; b < batches; b++) {
        weight_batch(job, neuron, first_batch + (uint32_t)b, v, unused);
        float *o = out + b * PER_BATCH;
        for (int l = 0; l < LANES; l++)
            for (int k = 0; k < 4; k++)
                o[4 * l + k] = v[k * LANES + l];
    }
}
