/* kernel.c — z = Σ_j w_j x_j + b for a run of neurons, as fast as the
 * instruction set allows and with the same bits on every instruction set.
 *
 * Work is laid out as 16 lanes: one Philox4x32 call per lane gives four
 * words, i.e. two Box–Muller pairs or four ziggurat words, i.e. four
 * normals, so a batch of 16 calls yields 64 weights.  Normal number j of a
 * neuron comes from Philox block j / 4 (satstat/rng.h gives which words);
 * lane l of batch b is block 16b + l.  Each lane accumulates its weights in
 * double; the 16 lane sums are added in a fixed tree at the end.  Every loop
 * is over the 16 lanes with no dependence between lanes, which GCC turns
 * into vector code at -O3 without reordering any floating-point operation.
 */
#include <math.h>

#include "sample/kernel-int.h"
#include "sample/transform-int.h"

#ifndef SATSTAT_KERNEL_SUFFIX
#error "build kernel.c with -DSATSTAT_KERNEL_SUFFIX=<path>"
#endif
#define SATSTAT__CAT2(a, b) a##b
#define SATSTAT__CAT(a, b) SATSTAT__CAT2(a, b)
#define KERNEL_NAME SATSTAT__CAT(satstat__kernel_, SATSTAT_KERNEL_SUFFIX)
#define FILL_NAME SATSTAT__CAT(satstat__fill_, SATSTAT_KERNEL_SUFFIX)
#define FILL_ROWS_NAME SATSTAT__CAT(satstat__fill_rows_, SATSTAT_KERNEL_SUFFIX)

enum { LANES = 16, PER_BATCH = 4 * LANES };
/* Philox batches computed side by side by philox_chains (4 measured
 * best on AVX-512: 2 gave 1.21e9 ziggurat normals per CPU second, 3 1.18e9,
 * 4 1.29e9, 8 1.1e9, register spills) */
enum { ZIG_CHAINS = 4 };

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

/* hi and lo halves of the 16 products m·x (unsigned 32×32→64).  The
 * halves are put in place by a masked swap of each 64-bit product's two
 * words (vpshufd), one instruction where a shift and a blend took two:
 * 12 vector instructions a Philox round instead of 14. */
static inline void mulhilo16(__m512i x, __m512i m, __m512i *hi, __m512i *lo)
{
    __m512i even = _mm512_mul_epu32(x, m);
    __m512i odd = _mm512_mul_epu32(_mm512_srli_epi64(x, 32), m);
    *hi = _mm512_mask_shuffle_epi32(odd, 0x5555, even, _MM_PERM_CDAB);
    *lo = _mm512_mask_shuffle_epi32(even, 0xAAAA, odd, _MM_PERM_CDAB);
}

/* Rounds 0 and 1 of blocks whose counter words x1, x2, x3 (the neuron's
 * two words and the stream) are the same in every lane, x0 = base + lane:
 * in round 0 the product x2·M1, and so the new x0 and x1, are one scalar
 * each; in round 1 the product of that x0 with M0 is too (the new x3, and
 * the high half in x2).  Two of a block's twenty vector multiplies become
 * scalar ones, the same integers as satstat__philox10.  Rounds 2 to 9 follow with the keys k0, k1 of
 * round 2. */
typedef struct philox_head {
    uint32_t k0, k1;    /* round 2's keys */
    __m512i x3;         /* after round 1: lo(x0·M0) of round 1, broadcast */
    __m512i key_r0;     /* x3 ^ k1 of round 0, broadcast */
    __m512i key_r1_x0;  /* x1 ^ k0 of round 1 */
    __m512i key_r1_x2;  /* hi(x0·M0) ^ k1 of round 1 */
} philox_head;

static inline philox_head philox_head_of(const satstat__kernel_job *job, uint32_t stream,
                                         uint64_t neuron)
{
    uint32_t k0 = job->key[0], k1 = job->key[1];
    uint64_t p1 = (uint64_t)PHILOX_M4x32_1 * (uint32_t)(neuron >> 32);
    uint32_t x0 = (uint32_t)(p1 >> 32) ^ (uint32_t)neuron ^ k0, x1 = (uint32_t)p1;
    philox_head h;
    h.key_r0 = _mm512_set1_epi32((int)(stream ^ k1));
    k0 += PHILOX_W32_0;
    k1 += PHILOX_W32_1;
    uint64_t p0 = (uint64_t)PHILOX_M4x32_0 * x0;
    h.key_r1_x0 = _mm512_set1_epi32((int)(x1 ^ k0));
    h.key_r1_x2 = _mm512_set1_epi32((int)((uint32_t)(p0 >> 32) ^ k1));
    h.x3 = _mm512_set1_epi32((int)(uint32_t)p0);
    h.k0 = k0 + PHILOX_W32_0;
    h.k1 = k1 + PHILOX_W32_1;
    return h;
}

/* rounds 0 and 1 of one vector of blocks x0 (philox_head) */
static inline void philox_head_rounds(const philox_head *h, __m512i *x0, __m512i *x1,
                                      __m512i *x2, __m512i *x3)
{
    __m512i hi, lo;
    mulhilo16(*x0, _mm512_set1_epi32((int)PHILOX_M4x32_0), &hi, &lo);
    __m512i y2 = _mm512_xor_si512(hi, h->key_r0); /* round 0's x2; its x3 is lo */
    mulhilo16(y2, _mm512_set1_epi32((int)PHILOX_M4x32_1), &hi, x1);
    *x0 = _mm512_xor_si512(hi, h->key_r1_x0);
    *x2 = _mm512_xor_si512(lo, h->key_r1_x2);
    *x3 = h->x3;
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
    __m512i x1, x2, x3;
    philox_head h = philox_head_of(job, stream, neuron);
    philox_head_rounds(&h, &x0, &x1, &x2, &x3);
    uint32_t k0 = h.k0, k1 = h.k1;
    for (int r = 2; r < 10; r++) {
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

/* Batches base/16 .. base/16 + ZIG_CHAINS − 1 as independent chains,
 * round by round: one chain of 10 rounds is a dependent sequence of
 * multiplies and shuffles that leaves most of the vector units idle
 * (latency-bound); chains side by side fill them.  The same integers as
 * ZIG_CHAINS calls of philox_lanes. */
static inline void philox_chains(const satstat__kernel_job *job, uint32_t stream,
                                 uint64_t neuron, uint32_t base, uint32_t w[][4][LANES])
{
    enum { NC = ZIG_CHAINS };
    const __m512i m0 = _mm512_set1_epi32((int)PHILOX_M4x32_0);
    const __m512i m1 = _mm512_set1_epi32((int)PHILOX_M4x32_1);
    const __m512i lane = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    __m512i x0[NC], x1[NC], x2[NC], x3[NC];
    philox_head h = philox_head_of(job, stream, neuron);
    for (int c = 0; c < NC; c++) {
        x0[c] = _mm512_add_epi32(_mm512_set1_epi32((int)(base + (uint32_t)c * LANES)), lane);
        philox_head_rounds(&h, &x0[c], &x1[c], &x2[c], &x3[c]);
    }
    uint32_t k0 = h.k0, k1 = h.k1;
    for (int r = 2; r < 10; r++) {
        __m512i key0 = _mm512_set1_epi32((int)k0), key1 = _mm512_set1_epi32((int)k1);
        __m512i hi0[NC], lo0[NC], hi1[NC], lo1[NC];
        for (int c = 0; c < NC; c++)
            mulhilo16(x0[c], m0, &hi0[c], &lo0[c]);
        for (int c = 0; c < NC; c++)
            mulhilo16(x2[c], m1, &hi1[c], &lo1[c]);
        for (int c = 0; c < NC; c++) {
            x0[c] = _mm512_ternarylogic_epi32(hi1[c], x1[c], key0, 0x96);
            x2[c] = _mm512_ternarylogic_epi32(hi0[c], x3[c], key1, 0x96);
            x1[c] = lo1[c];
            x3[c] = lo0[c];
        }
        k0 += PHILOX_W32_0;
        k1 += PHILOX_W32_1;
    }
    for (int c = 0; c < NC; c++) {
        _mm512_storeu_si512((void *)w[c][0], x0[c]);
        _mm512_storeu_si512((void *)w[c][1], x1[c]);
        _mm512_storeu_si512((void *)w[c][2], x2[c]);
        _mm512_storeu_si512((void *)w[c][3], x3[c]);
    }
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
    /* the two halves of 8 lanes as two chains side by side, round by
     * round (one chain alone is latency-bound; see philox_chains) */
    const __m256i m0 = _mm256_set1_epi32((int)PHILOX_M4x32_0);
    const __m256i m1 = _mm256_set1_epi32((int)PHILOX_M4x32_1);
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    __m256i a0 = _mm256_add_epi32(_mm256_set1_epi32((int)base), lane);
    __m256i b0 = _mm256_add_epi32(_mm256_set1_epi32((int)(base + 8u)), lane);
    __m256i a1 = _mm256_set1_epi32((int)(uint32_t)neuron), b1 = a1;
    __m256i a2 = _mm256_set1_epi32((int)(uint32_t)(neuron >> 32)), b2 = a2;
    __m256i a3 = _mm256_set1_epi32((int)stream), b3 = a3;
    uint32_t k0 = job->key[0], k1 = job->key[1];
    for (int r = 0; r < 10; r++) {
        __m256i ahi0, alo0, ahi1, alo1, bhi0, blo0, bhi1, blo1;
        __m256i key0 = _mm256_set1_epi32((int)k0), key1 = _mm256_set1_epi32((int)k1);
        mulhilo8(a0, m0, &ahi0, &alo0);
        mulhilo8(b0, m0, &bhi0, &blo0);
        mulhilo8(a2, m1, &ahi1, &alo1);
        mulhilo8(b2, m1, &bhi1, &blo1);
        a0 = _mm256_xor_si256(_mm256_xor_si256(ahi1, a1), key0);
        b0 = _mm256_xor_si256(_mm256_xor_si256(bhi1, b1), key0);
        a2 = _mm256_xor_si256(_mm256_xor_si256(ahi0, a3), key1);
        b2 = _mm256_xor_si256(_mm256_xor_si256(bhi0, b3), key1);
        a1 = alo1;
        b1 = blo1;
        a3 = alo0;
        b3 = blo0;
        k0 += PHILOX_W32_0;
        k1 += PHILOX_W32_1;
    }
    _mm256_storeu_si256((__m256i *)(void *)w0, a0);
    _mm256_storeu_si256((__m256i *)(void *)w1, a1);
    _mm256_storeu_si256((__m256i *)(void *)w2, a2);
    _mm256_storeu_si256((__m256i *)(void *)w3, a3);
    _mm256_storeu_si256((__m256i *)(void *)(w0 + 8), b0);
    _mm256_storeu_si256((__m256i *)(void *)(w1 + 8), b1);
    _mm256_storeu_si256((__m256i *)(void *)(w2 + 8), b2);
    _mm256_storeu_si256((__m256i *)(void *)(w3 + 8), b3);
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

#if defined(__AVX2__) && !defined(__AVX512F__)
/* ZIG_CHAINS batches, two at a time as four 8-lane chains side by side,
 * round by round (philox_lanes runs one batch as two chains) */
static inline void philox_chains(const satstat__kernel_job *job, uint32_t stream,
                                 uint64_t neuron, uint32_t base, uint32_t w[][4][LANES])
{
    enum { NC = 4 };
    const __m256i m0 = _mm256_set1_epi32((int)PHILOX_M4x32_0);
    const __m256i m1 = _mm256_set1_epi32((int)PHILOX_M4x32_1);
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    /* rounds 0 and 1 as on AVX-512 (philox_head_of): of a block's
     * counter only x0 differs between lanes, so round 0's product x2·M1
     * and round 1's x0·M0 are scalars */
    uint32_t k0 = job->key[0], k1 = job->key[1];
    uint64_t p1 = (uint64_t)PHILOX_M4x32_1 * (uint32_t)(neuron >> 32);
    uint32_t y0 = (uint32_t)(p1 >> 32) ^ (uint32_t)neuron ^ k0, y1 = (uint32_t)p1;
    const __m256i key_r0 = _mm256_set1_epi32((int)(stream ^ k1));
    k0 += PHILOX_W32_0;
    k1 += PHILOX_W32_1;
    uint64_t p0 = (uint64_t)PHILOX_M4x32_0 * y0;
    const __m256i key_r1_x0 = _mm256_set1_epi32((int)(y1 ^ k0));
    const __m256i key_r1_x2 = _mm256_set1_epi32((int)((uint32_t)(p0 >> 32) ^ k1));
    const __m256i x3_r1 = _mm256_set1_epi32((int)(uint32_t)p0);
    const uint32_t k0_r2 = k0 + PHILOX_W32_0, k1_r2 = k1 + PHILOX_W32_1;
    for (int pair = 0; pair < ZIG_CHAINS; pair += 2) {
        __m256i x0[NC], x1[NC], x2[NC], x3[NC];
        for (int c = 0; c < NC; c++) {
            __m256i hi, lo, y2;
            x0[c] = _mm256_add_epi32(_mm256_set1_epi32((int)(base + (uint32_t)(pair * LANES + 8 * c))), lane);
            mulhilo8(x0[c], m0, &hi, &lo);
            y2 = _mm256_xor_si256(hi, key_r0); /* round 0's x2; its x3 is lo */
            mulhilo8(y2, m1, &hi, &x1[c]);
            x0[c] = _mm256_xor_si256(hi, key_r1_x0);
            x2[c] = _mm256_xor_si256(lo, key_r1_x2);
            x3[c] = x3_r1;
        }
        k0 = k0_r2;
        k1 = k1_r2;
        for (int r = 2; r < 10; r++) {
            const __m256i key0 = _mm256_set1_epi32((int)k0), key1 = _mm256_set1_epi32((int)k1);
            for (int c = 0; c < NC; c++) {
                __m256i hi0, lo0, hi1, lo1;
                mulhilo8(x0[c], m0, &hi0, &lo0);
                mulhilo8(x2[c], m1, &hi1, &lo1);
                x0[c] = _mm256_xor_si256(_mm256_xor_si256(hi1, x1[c]), key0);
                x2[c] = _mm256_xor_si256(_mm256_xor_si256(hi0, x3[c]), key1);
                x1[c] = lo1;
                x3[c] = lo0;
            }
            k0 += PHILOX_W32_0;
            k1 += PHILOX_W32_1;
        }
        for (int c = 0; c < NC; c++) {
            uint32_t(*o)[LANES] = w[pair + c / 2];
            int h = 8 * (c % 2);
            _mm256_storeu_si256((__m256i *)(void *)(o[0] + h), x0[c]);
            _mm256_storeu_si256((__m256i *)(void *)(o[1] + h), x1[c]);
            _mm256_storeu_si256((__m256i *)(void *)(o[2] + h), x2[c]);
            _mm256_storeu_si256((__m256i *)(void *)(o[3] + h), x3[c]);
        }
    }
}
#elif !defined(__AVX512F__)
static inline void philox_chains(const satstat__kernel_job *job, uint32_t stream,
                                 uint64_t neuron, uint32_t base, uint32_t w[][4][LANES])
{
    for (int h = 0; h < ZIG_CHAINS; h++)
        philox_lanes(job, stream, neuron, base + (uint32_t)h * LANES, w[h][0], w[h][1], w[h][2],
                     w[h][3]);
}
#endif

/* ---- ziggurat (transform-int.h) ----------------------------------------
 * The fast path runs over whole batches in vector code and lists the
 * words outside it (1.5 %); the list is finished afterwards, 16 draws at
 * a time through the same attempt steps as the scalar reference, so that
 * the Philox blocks and logarithms of the rejection steps run as vector
 * code too.  Which draws are pending changes nothing: each is a function
 * of its own (seed, stream, neuron, index). */
enum { CHUNK_BATCHES = 16, CHUNK = CHUNK_BATCHES * PER_BATCH };

/* The draws the fast path leaves, of one chunk or of the chunks of up to
 * ZIG_GROUP neurons side by side (the kernel's ziggurat path: a neuron of
 * 500 weights leaves about 8, and finishing 8 at a time was a
 * latency-bound pass per neuron, a third of its time).  Slot
 * s = g·CHUNK + t is slot t of the chunk of neuron first_neuron + g, and
 * slot t of a chunk starting at batch b0 holds draw
 * 4·(16(b0 + t/64) + t mod 16) + (t mod 64)/16 (the order v[k·16 + l] of
 * each batch).  slot and word point to the caller's arrays, with room
 * for every word of the chunks and one 16-lane store more. */
enum { ZIG_GROUP = SATSTAT__FILL_ROWS };
_Static_assert((int)CHUNK_BATCHES == (int)SATSTAT__FILL_ROW_BATCHES, "a fill of rows: one chunk a row");
typedef struct zig_pending {
    uint32_t n;
    uint32_t first_batch;   /* b0                                   */
    uint64_t first_neuron;
    uint32_t *slot;         /* where the draw goes;                 */
    uint32_t *word;         /* its word                             */
} zig_pending;

static inline uint64_t zig_slot_index(const zig_pending *pend, uint32_t slot)
{
    uint32_t t = slot % CHUNK;
    uint64_t block = (uint64_t)(pend->first_batch + t / PER_BATCH) * LANES + t % LANES;
    return 4u * block + (t % PER_BATCH) / LANES;
}

static inline uint64_t zig_slot_neuron(const zig_pending *pend, uint32_t slot)
{
    return pend->first_neuron + slot / CHUNK;
}

/* Where slot s's value goes: s itself, or with draw_order (v a fill's
 * output, already put in draw order by to_draw_order) 64b + 4l + k for
 * slot 64b + 16k + l. */
static inline uint32_t zig_slot_at(uint32_t s, const int draw_order)
{
    return draw_order ? (s & ~63u) | (s & 15u) << 2 | (s >> 4 & 3u) : s;
}

#if defined(__AVX512F__)
/* Table t (256 16-bit entries) at 32 word lanes of layer numbers idx
 * (bits 0–7 of each word; bits 8–15 ignored): one two-register word
 * permute (vpermt2w) per 64 entries, then bits 6 and 7 pick.  A float
 * permute holds 32 entries, so the float table xs costs as much by its
 * two 16-bit halves (two planes) as by floats, and the halves serve 32
 * lanes where the floats serve 16: half the permutes and blends. */
static inline __m512i zig_lookup_w32(const uint16_t *t, __m512i idx, __mmask32 m6, __mmask32 m7)
{
    __m512i r[4];
    for (int p = 0; p < 4; p++)
        r[p] = _mm512_permutex2var_epi16(_mm512_loadu_si512((const void *)(t + 64 * p)), idx,
                                         _mm512_loadu_si512((const void *)(t + 64 * p + 32)));
    __m512i lo = _mm512_mask_blend_epi16(m6, r[0], r[1]);
    __m512i hi = _mm512_mask_blend_epi16(m6, r[2], r[3]);
    return _mm512_mask_blend_epi16(m7, lo, hi);
}

/* The bits of a 32-bit mask at positions 8L + q (L, q < 4) in bit 4L + q:
 * _pext_u32(m, 0x0f0f0f0f) without BMI2. */
static inline uint32_t zig_nibbles(uint32_t m)
{
    m &= 0x0f0f0f0fu;
    m = (m | (m >> 4)) & 0x00ff00ffu;
    return (m | (m >> 8)) & 0x0000ffffu;
}

/* t[w mod 256] for 16 dword lanes w, in the low half of each lane (the
 * high half is garbage: the odd word lanes look up w's high halves) */
static inline __m512i zig_lookup_d16(const uint16_t *t, __m512i w)
{
    return zig_lookup_w32(t, w, _mm512_test_epi16_mask(w, _mm512_set1_epi16(64)),
                          _mm512_test_epi16_mask(w, _mm512_set1_epi16(128)));
}

/* satstat__zig_xs[w mod 256] for 16 lanes, from its two 16-bit planes */
static inline __m512 zig_xs_d16(__m512i w)
{
    __m512i lo = zig_lookup_d16(satstat__zig_xs_lo16, w);
    __m512i hi = zig_lookup_d16(satstat__zig_xs_hi16, w);
    return _mm512_castsi512_ps(_mm512_mask_blend_epi16(0x55555555u, _mm512_slli_epi32(hi, 16), lo));
}

/* satstat__zig_k16[w mod 256] for 16 lanes */
static inline __m512i zig_k16_d16(__m512i w)
{
    return _mm512_and_si512(zig_lookup_d16(satstat__zig_k16, w), _mm512_set1_epi32(0xffff));
}
#endif

#if defined(__AVX512VBMI__)
/* Byte plane p of the tables (satstat__zig_planes: k16's two bytes, xs's
 * four) at 64 layer numbers B: two-register byte permutes (vpermt2b) of
 * 128 entries each, bit 7 of B picking between them.  A word permute
 * serves 32 lanes where this serves 64, and six planes cost what three
 * word tables did (zig_lookup_w32) for half the draws. */
static inline __m512i zig_lookup_b64(int p, __m512i B, __mmask64 m7)
{
    const uint8_t *t = satstat__zig_planes[p];
    __m512i lo = _mm512_permutex2var_epi8(_mm512_loadu_si512((const void *)t), B,
                                          _mm512_loadu_si512((const void *)(t + 64)));
    __m512i hi = _mm512_permutex2var_epi8(_mm512_loadu_si512((const void *)(t + 128)), B,
                                          _mm512_loadu_si512((const void *)(t + 192)));
    return _mm512_mask_blend_epi8(m7, lo, hi);
}
#endif

#if defined(__AVX512F__)
/* Words k and k+1 (vectors A and B) as 32 word lanes, in the order that
 * vpunpcklwd / vpunpckhwd undo: word position 8L + q (L the 128-bit lane,
 * q < 8) holds lane 4L + q of A for q < 4, lane 4L + q − 4 of B for
 * q ≥ 4; half 0 takes each dword's low half (the layer in bits 0–7),
 * half 1 its high half (the fast test's a >> 8). */
static inline __m512i zig_pair_halves(__m512i A, __m512i B, int half)
{
    const __m512i low = _mm512_set_epi16(
        32 + 30, 32 + 28, 32 + 26, 32 + 24, 30, 28, 26, 24, 32 + 22, 32 + 20, 32 + 18, 32 + 16,
        22, 20, 18, 16, 32 + 14, 32 + 12, 32 + 10, 32 + 8, 14, 12, 10, 8, 32 + 6, 32 + 4, 32 + 2,
        32 + 0, 6, 4, 2, 0);
    return _mm512_permutex2var_epi16(A, _mm512_add_epi16(low, _mm512_set1_epi16((short)half)), B);
}

/* One word vector w of a batch (16 lanes, word k = row of v) with its xs
 * and its fast-test failures: the candidates a·xs (satstat__zig_candidate)
 * into v, the outside ones appended to *pend without a branch (compressed
 * in a register, all 16 lanes stored: the list has room; then counted),
 * with slots slot .. slot + 15. */
static inline void zig_fast_16(__m512i w, __m512i xs, __mmask16 outside, float *v,
                               zig_pending *pend, uint32_t slot)
{
    const __m512i lane = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    __m512i a = _mm512_or_si512(_mm512_srli_epi32(w, 8), _mm512_set1_epi32(1));
    __m512 x = _mm512_mul_ps(_mm512_cvtepi32_ps(a), _mm512_castsi512_ps(xs));
    /* x | (w << 23 & sign bit) in one ternary op (0xf8: A | B & C) */
    x = _mm512_castsi512_ps(_mm512_ternarylogic_epi32(_mm512_castps_si512(x),
                                                      _mm512_slli_epi32(w, 23),
                                                      _mm512_set1_epi32((int)0x80000000u), 0xf8));
    _mm512_storeu_ps(v, x);
    __m512i slots = _mm512_add_epi32(_mm512_set1_epi32((int)slot), lane);
    _mm512_storeu_si512((void *)(pend->slot + pend->n), _mm512_maskz_compress_epi32(outside, slots));
    _mm512_storeu_si512((void *)(pend->word + pend->n), _mm512_maskz_compress_epi32(outside, w));
    pend->n += (uint32_t)__builtin_popcount((unsigned)outside);
}
#endif

#if defined(__AVX2__) && !defined(__AVX512F__)
/* xs[i] and k[i] of the eight words at w (i = w mod 256): one scalar load
 * of satstat__zig_xk each, by the word's low byte read from memory, two
 * unpacks into place, then two float shuffles split the pairs.  Gathers
 * (two of eight, or two of four pairs) made the fill 13–20 % slower. */
static inline void zig_xk8(const uint32_t *w, __m256 *xs, __m256i *k)
{
    const unsigned char *byte = (const unsigned char *)(const void *)w;
#define XK(l) _mm_loadl_epi64((const __m128i *)(const void *)(satstat__zig_xk + byte[4 * (l)]))
    __m128i p01 = _mm_unpacklo_epi64(XK(0), XK(1)), p23 = _mm_unpacklo_epi64(XK(2), XK(3));
    __m128i p45 = _mm_unpacklo_epi64(XK(4), XK(5)), p67 = _mm_unpacklo_epi64(XK(6), XK(7));
#undef XK
    /* lanes xs0 k0 xs1 k1 | xs4 k4 xs5 k5 and xs2 k2 xs3 k3 | xs6 k6 xs7 k7 */
    __m256 a = _mm256_castsi256_ps(_mm256_inserti128_si256(_mm256_castsi128_si256(p01), p45, 1));
    __m256 b = _mm256_castsi256_ps(_mm256_inserti128_si256(_mm256_castsi128_si256(p23), p67, 1));
    *xs = _mm256_shuffle_ps(a, b, _MM_SHUFFLE(2, 0, 2, 0));
    *k = _mm256_castps_si256(_mm256_shuffle_ps(a, b, _MM_SHUFFLE(3, 1, 3, 1)));
}

/* zig_compress8[m]: the numbers of m's set bits, lowest first, one a
 * byte (the rest 0): the permute that moves a mask's lanes to the front.
 * ZC_AT(m, i) is lane i's byte in place: i shifted to the byte its rank
 * among the set bits gives, if bit i is set. */
#define ZC_BIT(m, i) (((m) >> (i)) & 1)
#define ZC_RANK(m, i) ((((m) & ((1 << (i)) - 1)) & 1) + ((((m) & ((1 << (i)) - 1)) >> 1) & 1) + \
                       ((((m) & ((1 << (i)) - 1)) >> 2) & 1) + ((((m) & ((1 << (i)) - 1)) >> 3) & 1) + \
                       ((((m) & ((1 << (i)) - 1)) >> 4) & 1) + ((((m) & ((1 << (i)) - 1)) >> 5) & 1) + \
                       ((((m) & ((1 << (i)) - 1)) >> 6) & 1))
#define ZC_AT(m, i) ((uint64_t)(ZC_BIT(m, i) * (i)) << (8 * ZC_RANK(m, i)))
#define ZC(m) (ZC_AT(m, 1) | ZC_AT(m, 2) | ZC_AT(m, 3) | ZC_AT(m, 4) | ZC_AT(m, 5) | \
               ZC_AT(m, 6) | ZC_AT(m, 7))
#define ZC4(m) ZC(m), ZC((m) + 1), ZC((m) + 2), ZC((m) + 3)
#define ZC16(m) ZC4(m), ZC4((m) + 4), ZC4((m) + 8), ZC4((m) + 12)
#define ZC64(m) ZC16(m), ZC16((m) + 16), ZC16((m) + 32), ZC16((m) + 48)
static const uint64_t zig_compress8[256] = {ZC64(0), ZC64(64), ZC64(128), ZC64(192)};
#undef ZC64
#undef ZC16
#undef ZC4
#undef ZC
#undef ZC_AT
#undef ZC_RANK
#undef ZC_BIT

/* f_lo[l] = f(X[i]) and f_hi[l] = f(X[i+1]) for the eight layers i of
 * idx: one 16-byte load of the pair a lane, then unpacks.  Four gathers
 * of four doubles took 12 % of the whole fill.  (The AVX-512 fix-up
 * keeps its gathers of eight: this way made its fill 11 % slower.) */
static inline void zig_f8(__m256i idx, double f_lo[8], double f_hi[8])
{
    uint32_t i[8];
    _mm256_storeu_si256((__m256i *)(void *)i, idx);
    for (int h = 0; h < 8; h += 4) {
        __m128d p0 = _mm_loadu_pd(satstat__zig_f + i[h]), p1 = _mm_loadu_pd(satstat__zig_f + i[h + 1]);
        __m128d p2 = _mm_loadu_pd(satstat__zig_f + i[h + 2]), p3 = _mm_loadu_pd(satstat__zig_f + i[h + 3]);
        _mm256_storeu_pd(f_lo + h, _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_unpacklo_pd(p0, p1)),
                                                        _mm_unpacklo_pd(p2, p3), 1));
        _mm256_storeu_pd(f_hi + h, _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_unpackhi_pd(p0, p1)),
                                                        _mm_unpackhi_pd(p2, p3), 1));
    }
}

/* a = (w >> 8) | 1 of satstat__zig_candidate */
static inline __m256i zig_a8(__m256i w)
{
    return _mm256_or_si256(_mm256_srli_epi32(w, 8), _mm256_set1_epi32(1));
}

/* satstat__zig_candidate of eight words: ±a·xs, the sign from bit 8 */
static inline __m256 zig_value8(__m256i w, __m256i a, __m256 xs)
{
    __m256 x = _mm256_mul_ps(_mm256_cvtepi32_ps(a), xs);
    __m256i sign = _mm256_and_si256(_mm256_slli_epi32(w, 23), _mm256_set1_epi32((int)0x80000000u));
    return _mm256_or_ps(x, _mm256_castsi256_ps(sign));
}
#endif

/* The fast-path values of batch b's words into v[k·16 + l] (draw
 * 4·(16b + l) + k), the others listed in *pend with slots slot0 + k·16 + l. */
static inline void zig_fast_batch(const uint32_t w0[LANES],
                                  const uint32_t w1[LANES], const uint32_t w2[LANES],
                                  const uint32_t w3[LANES], float v[PER_BATCH],
                                  zig_pending *pend, uint32_t slot0)
{
    const uint32_t *const words[4] = {w0, w1, w2, w3};
#if defined(__AVX512VBMI__)
    /* The AVX-512 steps below with the look-ups of all 64 draws at once
     * in byte planes.  B's byte 16L + 4k + i (L the 128-bit lane, k the
     * word, i < 4) is the layer number of word k's lane 4L + i: the order
     * in which the byte unpacks below give k16 as 16-bit words (word
     * 8L + q of pair k/2, q = 4(k mod 2) + i: the `high` order) and xs
     * as floats in lane order (4L + i).  5 % of the kernel's time here
     * (AMD EPYC, AVX-512 VBMI), the same bits. */
    /* byte 16L + 4k + i of B: byte 0 of lane 4L + i of word k (of the
     * first register of a pair for even k, of the second, +64, for odd) */
    static const uint8_t pick[64] = {
#define P(L, k, i) (uint8_t)(((k) & 1) * 64 + 4 * (4 * (L) + (i)))
#define ROW(L) P(L, 0, 0), P(L, 0, 1), P(L, 0, 2), P(L, 0, 3), P(L, 1, 0), P(L, 1, 1), \
               P(L, 1, 2), P(L, 1, 3), P(L, 2, 0), P(L, 2, 1), P(L, 2, 2), P(L, 2, 3), \
               P(L, 3, 0), P(L, 3, 1), P(L, 3, 2), P(L, 3, 3)
        ROW(0), ROW(1), ROW(2), ROW(3)
#undef ROW
#undef P
    };
    __m512i W[4];
    for (int k = 0; k < 4; k++)
        W[k] = _mm512_loadu_si512((const void *)words[k]);
    const __m512i pk = _mm512_loadu_si512((const void *)pick);
    /* bytes 8-15 of each 16 (words 2 and 3) from the second permute */
    __m512i B = _mm512_mask_blend_epi8((__mmask64)0xff00ff00ff00ff00ull,
                                       _mm512_permutex2var_epi8(W[0], pk, W[1]),
                                       _mm512_permutex2var_epi8(W[2], pk, W[3]));
    __mmask64 m7 = _mm512_movepi8_mask(B);
    __m512i klo = zig_lookup_b64(0, B, m7), khi = zig_lookup_b64(1, B, m7);
    __m512i x0 = zig_lookup_b64(2, B, m7), x1 = zig_lookup_b64(3, B, m7);
    __m512i x2 = zig_lookup_b64(4, B, m7), x3 = zig_lookup_b64(5, B, m7);
    const __m512i lim2[2] = {_mm512_unpacklo_epi8(klo, khi), _mm512_unpackhi_epi8(klo, khi)};
    const __m512i xa[2] = {_mm512_unpacklo_epi8(x0, x1), _mm512_unpackhi_epi8(x0, x1)};
    const __m512i xb[2] = {_mm512_unpacklo_epi8(x2, x3), _mm512_unpackhi_epi8(x2, x3)};
    for (int k = 0; k < 4; k += 2) {
        __m512i top = zig_pair_halves(W[k], W[k + 1], 1);
        /* satstat__zig_inside, 32 at a time: a >> 8 = w >> 16 < k16[i] */
        uint32_t out32 = (uint32_t)_mm512_cmp_epu16_mask(top, lim2[k / 2], _MM_CMPINT_NLT);
        const __m512i xs2[2] = {_mm512_unpacklo_epi16(xa[k / 2], xb[k / 2]),
                                _mm512_unpackhi_epi16(xa[k / 2], xb[k / 2])};
        for (int h = 0; h < 2; h++)
            zig_fast_16(W[k + h], xs2[h], (__mmask16)zig_nibbles(out32 >> (4 * h)),
                        v + (k + h) * LANES, pend, slot0 + (uint32_t)(k + h) * LANES);
    }
#elif defined(__AVX512F__)
    for (int k = 0; k < 4; k += 2) {
        __m512i wa = _mm512_loadu_si512((const void *)words[k]);
        __m512i wb = _mm512_loadu_si512((const void *)words[k + 1]);
        __m512i idx = zig_pair_halves(wa, wb, 0);
        __m512i top = zig_pair_halves(wa, wb, 1);
        __mmask32 m6 = _mm512_test_epi16_mask(idx, _mm512_set1_epi16(64));
        __mmask32 m7 = _mm512_test_epi16_mask(idx, _mm512_set1_epi16(128));
        __m512i xs_lo = zig_lookup_w32(satstat__zig_xs_lo16, idx, m6, m7);
        __m512i xs_hi = zig_lookup_w32(satstat__zig_xs_hi16, idx, m6, m7);
        __m512i lim = zig_lookup_w32(satstat__zig_k16, idx, m6, m7);
        /* satstat__zig_inside, 32 at a time: a >> 8 = w >> 16 < k16[i] */
        uint32_t out32 = (uint32_t)_mm512_cmp_epu16_mask(top, lim, _MM_CMPINT_NLT);
        const __m512i xs2[2] = {_mm512_unpacklo_epi16(xs_lo, xs_hi),
                                _mm512_unpackhi_epi16(xs_lo, xs_hi)};
        const __m512i pair[2] = {wa, wb};
        for (int h = 0; h < 2; h++)
            zig_fast_16(pair[h], xs2[h], (__mmask16)zig_nibbles(out32 >> (4 * h)),
                        v + (k + h) * LANES, pend, slot0 + (uint32_t)(k + h) * LANES);
    }
#elif defined(__AVX2__)
    /* eight lanes at a time, the exact core test a < k[i] as the fast
     * test (as below); the few words outside (one vector in 9 has one)
     * listed without a branch: a branch on the mask was mispredicted for
     * each of them */
    uint32_t n = pend->n, *restrict slot = pend->slot, *restrict word = pend->word;
    for (int k = 0; k < 4; k++)
        for (int h = 0; h < LANES; h += 8) {
            const uint32_t *src = words[k] + h;
            __m256i w = _mm256_loadu_si256((const __m256i *)(const void *)src);
            __m256 xs;
            __m256i lim;
            zig_xk8(src, &xs, &lim);
            __m256i a = zig_a8(w);
            _mm256_storeu_ps(v + k * LANES + h, zig_value8(w, a, xs));
            unsigned outside = ~(unsigned)_mm256_movemask_ps(
                                   _mm256_castsi256_ps(_mm256_cmpgt_epi32(lim, a))) & 0xffu;
            /* the outside lanes moved to the front (zig_compress8), both
             * vectors stored whole, the count advanced: no branch */
            __m256i to_front = _mm256_cvtepu8_epi32(_mm_loadl_epi64(
                (const __m128i *)(const void *)&zig_compress8[outside]));
            __m256i slots = _mm256_add_epi32(_mm256_set1_epi32((int)(slot0 + (uint32_t)(k * LANES + h))),
                                             _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
            _mm256_storeu_si256((__m256i *)(void *)(slot + n),
                                _mm256_permutevar8x32_epi32(slots, to_front));
            _mm256_storeu_si256((__m256i *)(void *)(word + n),
                                _mm256_permutevar8x32_epi32(w, to_front));
            n += (uint32_t)__builtin_popcount(outside);
        }
    pend->n = n;
#else
    /* the table look-ups as scalar loads into arrays (a gather costs more
     * here), then the arithmetic as a vector loop; the exact core test
     * a < k[i] as the fast test: a word it passes and satstat__zig_inside
     * fails gets the same value either way (zig_finish starts with it) */
    float xs[PER_BATCH];
    uint32_t lim[PER_BATCH];
    for (int k = 0; k < 4; k++)
        for (int l = 0; l < LANES; l++) {
            /* both from one load (satstat__zig_xk) */
            uint64_t xk = satstat__zig_xk[words[k][l] & 255u];
            xs[k * LANES + l] = satstat__u2f((uint32_t)xk);
            lim[k * LANES + l] = (uint32_t)(xk >> 32);
        }
    unsigned char outside[PER_BATCH];
    for (int k = 0; k < 4; k++)
        for (int l = 0; l < LANES; l++) {
            uint32_t w = words[k][l];
            int32_t a = (int32_t)((w >> 8) | 1u);
            float x = (float)a * xs[k * LANES + l];
            v[k * LANES + l] = satstat__u2f(satstat__f2u(x) | ((w << 23) & 0x80000000u));
            outside[k * LANES + l] = (unsigned char)(a >= (int32_t)lim[k * LANES + l]);
        }
    for (int q = 0; q < PER_BATCH; q += 8) {
        uint64_t bits;
        memcpy(&bits, outside + q, sizeof bits);
        while (bits) {
            int byte = __builtin_ctzll(bits) / 8;
            bits &= ~(UINT64_C(0xff) << (8 * byte));
            int kl = q + byte, k = kl / LANES, l = kl % LANES;
            pend->slot[pend->n] = slot0 + (uint32_t)kl;
            pend->word[pend->n] = words[k][l];
            pend->n++;
        }
    }
#endif
}

#if !defined(__AVX2__)
/* Attempt 0 (satstat__zig_attempt_words with t = 0) of n = 8 or 16
 * draws: words 0 and 1 of the Philox blocks at counters (block[l],
 * neuron[l], stream | 3) under keys (k0, k1[l]).  n is a constant at each
 * call: eight lanes take half the work (256-bit registers) when at most
 * eight draws wait, as in most fills of a row. */
static inline void zig_attempt0_lanes(uint32_t k0, const uint32_t k1[LANES],
                                      const uint32_t block[LANES], const uint64_t neuron[LANES],
                                      uint32_t stream, uint32_t u[LANES], uint32_t next[LANES],
                                      const int n)
{
    for (int l = 0; l < n; l++) {
        uint32_t x0 = block[l], x1 = (uint32_t)neuron[l], x2 = (uint32_t)(neuron[l] >> 32);
        uint32_t x3 = stream | 3u;
        satstat__philox10(&x0, &x1, &x2, &x3, k0, k1[l]);
        u[l] = x0;
        next[l] = x1;
    }
}

/* One wedge step of zig_finish on m ≤ n listed draws, n = 8 or 16 lanes
 * (a constant at each call, so each gets its own vector code). */
static inline void zig_wedge_step(uint32_t k0, uint32_t k1, uint32_t stream,
                                  const zig_pending *pend, const uint32_t slot[LANES],
                                  uint32_t w[LANES], uint32_t block[LANES],
                                  uint32_t key1[LANES], uint64_t neuron[LANES], uint32_t m,
                                  float *v, const int n)
{
    for (uint32_t l = m; l < (uint32_t)n; l++) { /* idle lanes: a dummy wedge word */
        w[l] = 0xffffff01u;
        block[l] = 0;
        key1[l] = 0;
        neuron[l] = 0;
    }
    uint32_t u[LANES], next[LANES], accept[LANES];
    float xs[LANES];
    double f_lo[LANES], f_hi[LANES];
    zig_attempt0_lanes(k0, key1, block, neuron, stream, u, next, n);
    for (int l = 0; l < n; l++) { /* look-ups: no gathers in the vector loop */
        uint32_t i = w[l] & 255u;
        xs[l] = satstat__zig_xs[i];
        f_lo[l] = satstat__zig_f[i];
        f_hi[l] = satstat__zig_f[i + 1];
    }
    for (int l = 0; l < n; l++)
        accept[l] = (uint32_t)satstat__zig_wedge_accept(w[l], u[l], xs[l], f_lo[l], f_hi[l]);
    /* accepted, or the fresh word in the core: no branch on which (it
     * is a coin toss, and a mispredicted branch per draw cost more
     * than the rest); the rare others after */
    uint32_t again = 0;
    for (uint32_t l = 0; l < m; l++) {
        /* by a mask, not `accept ? w : next`, which GCC compiles as a
         * branch mispredicted half the time (13 % of the fill) */
        uint32_t keep = next[l] ^ ((w[l] ^ next[l]) & (0u - accept[l]));
        v[slot[l]] = satstat__zig_candidate(keep);
        again |= (uint32_t)!(accept[l] | (uint32_t)satstat__zig_core(next[l])) << l;
    }
    while (again) {
        uint32_t l = (uint32_t)__builtin_ctz(again);
        again &= again - 1u;
        v[slot[l]] = satstat__zig_slow_from(next[l], 1, k0, k1, stream, neuron[l],
                                             zig_slot_index(pend, slot[l]));
    }
}

#endif

#if defined(__AVX512F__)
/* Words 0 and 1 of attempt 0 (satstat__zig_attempt_words, t = 0) of the
 * listed draws first .. first + 16·nv − 1 into u and next: the Philox
 * block at counter (j/4, neuron, stream | 3), with t = slot mod CHUNK:
 * j/4 = 16·(first_batch + t/64) + t mod 16, j mod 4 = (t mod 64)/16
 * (zig_slot_index), and neuron first_neuron + slot/CHUNK
 * (zig_slot_neuron).  nv vectors side by side, round by round: one
 * 10-round chain per pass of zig_finish_lanes was most of its latency.
 * Lanes past the list compute garbage that nobody reads.  (AVX2 has the
 * same in 8-lane registers: zig_attempt0_x8.) */
static inline void zig_attempt0_x16(uint32_t k0, const __m512i tweaks, uint32_t stream,
                                    const zig_pending *pend, uint32_t first, uint32_t *u,
                                    uint32_t *next, const int nv)
{
    const __m512i m0 = _mm512_set1_epi32((int)PHILOX_M4x32_0);
    const __m512i m1 = _mm512_set1_epi32((int)PHILOX_M4x32_1);
    const __m512i n_lo = _mm512_set1_epi32((int)(uint32_t)pend->first_neuron);
    const __m512i n_hi = _mm512_set1_epi32((int)(uint32_t)(pend->first_neuron >> 32));
    __m512i x0[4], x1[4], x2[4], x3[4], key1[4];
    for (int c = 0; c < nv; c++) {
        __m512i s = _mm512_loadu_si512((const void *)(pend->slot + first + 16u * (uint32_t)c));
        __m512i t = _mm512_and_si512(s, _mm512_set1_epi32(CHUNK - 1));
        x0[c] = _mm512_add_epi32(
            _mm512_slli_epi32(_mm512_add_epi32(_mm512_set1_epi32((int)pend->first_batch),
                                               _mm512_srli_epi32(t, 6)),
                              4),
            _mm512_and_si512(t, _mm512_set1_epi32(15)));
        /* permutexvar reads bits 0–3 of the index: (t/16) mod 16 */
        key1[c] = _mm512_permutexvar_epi32(_mm512_srli_epi32(t, 4), tweaks);
        x1[c] = _mm512_add_epi32(n_lo, _mm512_srli_epi32(s, 10));
        /* the carry into the neuron's high word */
        x2[c] = _mm512_mask_add_epi32(n_hi, _mm512_cmplt_epu32_mask(x1[c], n_lo), n_hi,
                                      _mm512_set1_epi32(1));
        x3[c] = _mm512_set1_epi32((int)(stream | 3u));
    }
    __m512i key0 = _mm512_set1_epi32((int)k0);
    for (int r = 0; r < 10; r++) {
        for (int c = 0; c < nv; c++) {
            __m512i hi0, lo0, hi1, lo1;
            mulhilo16(x0[c], m0, &hi0, &lo0);
            mulhilo16(x2[c], m1, &hi1, &lo1);
            x0[c] = _mm512_ternarylogic_epi32(hi1, x1[c], key0, 0x96);
            x2[c] = _mm512_ternarylogic_epi32(hi0, x3[c], key1[c], 0x96);
            x1[c] = lo1;
            x3[c] = lo0;
            key1[c] = _mm512_add_epi32(key1[c], _mm512_set1_epi32((int)PHILOX_W32_1));
        }
        key0 = _mm512_add_epi32(key0, _mm512_set1_epi32((int)PHILOX_W32_0));
    }
    for (int c = 0; c < nv; c++) {
        _mm512_storeu_si512((void *)(u + 16 * c), x0[c]);
        _mm512_storeu_si512((void *)(next + 16 * c), x1[c]);
    }
}

/* zig_finish on AVX-512: sixteen listed draws at a time, wholly in
 * registers.  The pass is one dependent chain (a Philox block, then a
 * double logarithm) run once per fill of a row for about 8 draws, so
 * what it costs is latency: here the lanes are loaded whole, k16 and xs
 * read by word permutes, f by gathers and the results written by a
 * scatter, where the portable version below builds its lanes by scalar
 * stores that the vector loads then wait for (a store-forwarding stall
 * per array).  draw_order: v is a fill's output, already transposed
 * (slot 64b + 16k + l at 64b + 4l + k), so that the transpose need not
 * wait for the scattered stores.  Same steps, same bits. */
static void zig_finish_lanes(const satstat__kernel_job *job, uint32_t stream,
                             const zig_pending *pend, float *v, const int draw_order)
{
    const uint32_t k0 = job->key[0], k1 = job->key[1];
    const __m512i low8 = _mm512_set1_epi32(255), ones = _mm512_set1_epi32(1);
    const __m512i signbit = _mm512_set1_epi32((int)0x80000000u);
    /* the key of satstat__zig_attempt_words at t = 0 for j mod 4 = q */
    uint32_t tweak[LANES];
    for (int q = 0; q < LANES; q++)
        tweak[q] = k1 ^ (0x9E3779B9u * (4u * (uint32_t)(q % 4) + (stream & 3u) + 1u));
    const __m512i tweaks = _mm512_loadu_si512((const void *)tweak);
    uint32_t att_u[4 * LANES], att_next[4 * LANES];
    for (uint32_t first = 0; first < pend->n; first += LANES) {
        uint32_t count = pend->n - first < LANES ? pend->n - first : LANES;
        uint32_t seg = first % (4 * LANES);
        if (seg == 0) {
            /* attempt 0 of the next 64 listed draws at once */
            /* (no slot read past the list's last 16-lane store) */
            uint32_t left = pend->n - first;
            if (left > 3 * LANES)
                zig_attempt0_x16(k0, tweaks, stream, pend, first, att_u, att_next, 4);
            else if (left > 2 * LANES)
                zig_attempt0_x16(k0, tweaks, stream, pend, first, att_u, att_next, 3);
            else if (left > LANES)
                zig_attempt0_x16(k0, tweaks, stream, pend, first, att_u, att_next, 2);
            else
                zig_attempt0_x16(k0, tweaks, stream, pend, first, att_u, att_next, 1);
        }
        __mmask16 valid = (__mmask16)((1u << count) - 1u);
        __m512i w = _mm512_maskz_loadu_epi32(valid, pend->word + first);
        __m512i s = _mm512_maskz_loadu_epi32(valid, pend->slot + first);
        __m512i i = _mm512_and_si512(w, low8);
        /* the listed words failed the fast test, w >> 16 ≥ k16[i]; the
         * exact core test a < k[i] can pass only when w >> 16 = k16[i]
         * (rare: those go to the scalar steps, which start with it).
         * Tables by permutes (zig_lookup_w32), not gathers: 16-lane
         * gathers and the scatter were most of this pass's time. */
        __mmask16 maybe_core = _mm512_mask_cmpeq_epi32_mask(valid, _mm512_srli_epi32(w, 16),
                                                            zig_k16_d16(w));
        __mmask16 tail = _mm512_mask_cmpeq_epi32_mask((__mmask16)(valid & ~maybe_core), i,
                                                      _mm512_setzero_si512());
        __mmask16 from_w = (__mmask16)(maybe_core | tail);
        __mmask16 wedge = (__mmask16)(valid & ~from_w);
        __m512i keep = w;
        __mmask16 again = 0;
        /* xs of w (layer i), and later of the word kept */
        const __m512 xs_w = zig_xs_d16(w);
        __m512 xs_keep = xs_w;
        __m512i next = w;
        if (wedge) {
            /* attempt 0's words (zig_attempt0_x16) */
            __m512i x0 = _mm512_loadu_si512((const void *)(att_u + seg));
            next = _mm512_loadu_si512((const void *)(att_next + seg));
            /* what the refused draws need, gathered while the logarithm
             * below runs (off its chain): next's core bound and factor */
            __m512i k16next = zig_k16_d16(next);
            xs_keep = zig_xs_d16(next);
            /* satstat__zig_wedge_accept lane by lane from arrays written
             * by whole-vector stores (GCC vectorises the loop) */
            uint32_t wl[LANES], ul[LANES], acc[LANES];
            float xs[LANES];
            double f_lo[LANES], f_hi[LANES];
            _mm512_storeu_si512((void *)wl, _mm512_mask_mov_epi32(_mm512_set1_epi32((int)0xffffff01u),
                                                                 wedge, w));
            __m512i iw = _mm512_mask_mov_epi32(ones, wedge, i);
            _mm512_storeu_si512((void *)ul, x0);
            _mm512_storeu_ps(xs, xs_w);
            _mm512_storeu_pd(f_lo, _mm512_i32gather_pd(_mm512_castsi512_si256(iw), satstat__zig_f, 8));
            _mm512_storeu_pd(f_lo + 8, _mm512_i32gather_pd(_mm512_extracti64x4_epi64(iw, 1),
                                                           satstat__zig_f, 8));
            _mm512_storeu_pd(f_hi, _mm512_i32gather_pd(_mm512_castsi512_si256(iw),
                                                       satstat__zig_f + 1, 8));
            _mm512_storeu_pd(f_hi + 8, _mm512_i32gather_pd(_mm512_extracti64x4_epi64(iw, 1),
                                                           satstat__zig_f + 1, 8));
            for (int l = 0; l < LANES; l++)
                acc[l] = (uint32_t)satstat__zig_wedge_accept(wl[l], ul[l], xs[l], f_lo[l], f_hi[l]);
            __mmask16 accept = _mm512_test_epi32_mask(_mm512_loadu_si512((const void *)acc),
                                                      _mm512_set1_epi32(-1));
            __mmask16 refused = (__mmask16)(wedge & ~accept);
            keep = _mm512_mask_mov_epi32(w, refused, next);
            /* a refused draw goes on with `next`: done if next passes
             * the fast test (then it is in the exact core), else to the
             * scalar steps from attempt 1, which start with the exact
             * core test */
            again = (__mmask16)(refused & ~_mm512_mask_cmplt_epu32_mask(
                                              refused, _mm512_srli_epi32(next, 16), k16next));
            xs_keep = _mm512_mask_mov_ps(xs_w, refused, xs_keep);
        }
        /* satstat__zig_candidate of the kept word, scattered to its slot */
        __mmask16 done = (__mmask16)(valid & ~from_w & ~again);
        __m512 x = _mm512_mul_ps(
            _mm512_cvtepi32_ps(_mm512_or_si512(_mm512_srli_epi32(keep, 8), ones)), xs_keep);
        __m512i sign = _mm512_and_si512(_mm512_slli_epi32(keep, 23), signbit);
        x = _mm512_castsi512_ps(_mm512_or_si512(_mm512_castps_si512(x), sign));
        /* draw_order: v is the chunk already in draw order, slot
         * 64b + 16k + l at 64b + 4l + k (to_draw_order) */
        __m512i at = s;
        if (draw_order)
            at = _mm512_ternarylogic_epi32(
                _mm512_andnot_si512(_mm512_set1_epi32(63), s),
                _mm512_slli_epi32(_mm512_and_si512(s, _mm512_set1_epi32(15)), 2),
                _mm512_and_si512(_mm512_srli_epi32(s, 4), _mm512_set1_epi32(3)), 0xfe);
        _mm512_mask_i32scatter_ps(v, done, at, x, 4);
        /* the rare rest (tail draws; refused draws whose new word is
         * outside the core too) through the scalar steps */
        uint32_t rest = (uint32_t)(from_w | again);
        if (rest) {
            uint32_t sl[LANES], wk[LANES], atl[LANES];
            _mm512_storeu_si512((void *)sl, s);
            _mm512_storeu_si512((void *)atl, at);
            _mm512_storeu_si512((void *)wk, keep);
            while (rest) {
                uint32_t l = (uint32_t)__builtin_ctz(rest);
                rest &= rest - 1u;
                v[atl[l]] = satstat__zig_slow_from(wk[l], (from_w >> l) & 1u ? 0u : 1u, k0, k1,
                                                  stream, zig_slot_neuron(pend, sl[l]),
                                                  zig_slot_index(pend, sl[l]));
            }
        }
    }
}
static void zig_finish(const satstat__kernel_job *job, uint32_t stream,
                       const zig_pending *pend, float *v)
{
    zig_finish_lanes(job, stream, pend, v, 0);
}
#elif defined(__AVX2__)
/* Words 0 and 1 of attempt 0 of the listed draws first .. first + 8·nv − 1
 * into u and next: zig_attempt0_x16 eight lanes at a time, nv vectors
 * side by side.  Lanes past the list compute garbage nobody reads. */
static inline void zig_attempt0_x8(uint32_t k0, const __m256i tweaks, uint32_t stream,
                                   const zig_pending *pend, uint32_t first, uint32_t *u,
                                   uint32_t *next, const int nv)
{
    const __m256i m0 = _mm256_set1_epi32((int)PHILOX_M4x32_0);
    const __m256i m1 = _mm256_set1_epi32((int)PHILOX_M4x32_1);
    const __m256i n_lo = _mm256_set1_epi32((int)(uint32_t)pend->first_neuron);
    const __m256i n_hi = _mm256_set1_epi32((int)(uint32_t)(pend->first_neuron >> 32));
    const __m256i flip = _mm256_set1_epi32((int)0x80000000u);
    __m256i x0[4], x1[4], x2[4], x3[4], key1[4];
    for (int c = 0; c < nv; c++) {
        __m256i s = _mm256_loadu_si256(
            (const __m256i *)(const void *)(pend->slot + first + 8u * (uint32_t)c));
        __m256i t = _mm256_and_si256(s, _mm256_set1_epi32(CHUNK - 1));
        x0[c] = _mm256_add_epi32(
            _mm256_slli_epi32(_mm256_add_epi32(_mm256_set1_epi32((int)pend->first_batch),
                                               _mm256_srli_epi32(t, 6)),
                              4),
            _mm256_and_si256(t, _mm256_set1_epi32(15)));
        /* the tweaked key for j mod 4 = (t / 16) mod 4 */
        key1[c] = _mm256_permutevar8x32_epi32(
            tweaks, _mm256_and_si256(_mm256_srli_epi32(t, 4), _mm256_set1_epi32(3)));
        x1[c] = _mm256_add_epi32(n_lo, _mm256_srli_epi32(s, 10));
        /* the carry into the neuron's high word: x1 < n_lo, unsigned */
        x2[c] = _mm256_sub_epi32(n_hi, _mm256_cmpgt_epi32(_mm256_xor_si256(n_lo, flip),
                                                          _mm256_xor_si256(x1[c], flip)));
        x3[c] = _mm256_set1_epi32((int)(stream | 3u));
    }
    uint32_t kr0 = k0;
    for (int r = 0; r < 10; r++) {
        const __m256i key0 = _mm256_set1_epi32((int)kr0);
        for (int c = 0; c < nv; c++) {
            __m256i hi0, lo0, hi1, lo1;
            mulhilo8(x0[c], m0, &hi0, &lo0);
            mulhilo8(x2[c], m1, &hi1, &lo1);
            x0[c] = _mm256_xor_si256(_mm256_xor_si256(hi1, x1[c]), key0);
            x2[c] = _mm256_xor_si256(_mm256_xor_si256(hi0, x3[c]), key1[c]);
            x1[c] = lo1;
            x3[c] = lo0;
            key1[c] = _mm256_add_epi32(key1[c], _mm256_set1_epi32((int)PHILOX_W32_1));
        }
        kr0 += PHILOX_W32_0;
    }
    for (int c = 0; c < nv; c++) {
        _mm256_storeu_si256((__m256i *)(void *)(u + 8 * c), x0[c]);
        _mm256_storeu_si256((__m256i *)(void *)(next + 8 * c), x1[c]);
    }
}

/* zig_finish on AVX2: the AVX-512 pass (zig_finish_lanes) eight draws at
 * a time.  The listed words failed the exact core test (zig_fast_batch),
 * so each is a tail draw (layer 0: the scalar steps) or a wedge draw:
 * attempt 0's wedge test in vector code; a refused draw whose new word
 * is in the core is done, the rest (0.7 %) go on in the scalar steps from
 * attempt 1.  Arrays for the lane-by-lane loops are written by whole
 * vector stores: built by scalar stores, each vector load waited for them
 * (a store-forwarding stall), which made the generic pass below 3× slower
 * a draw than AVX-512's.  Same steps, same bits. */
static void zig_finish_lanes(const satstat__kernel_job *job, uint32_t stream,
                             const zig_pending *pend, float *v, const int draw_order)
{
    const uint32_t k0 = job->key[0], k1 = job->key[1];
    const __m256i low8 = _mm256_set1_epi32(255), lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    uint32_t tweak[8];
    for (int q = 0; q < 8; q++)
        tweak[q] = k1 ^ (0x9E3779B9u * (4u * (uint32_t)(q % 4) + (stream & 3u) + 1u));
    const __m256i tweaks = _mm256_loadu_si256((const __m256i *)(const void *)tweak);
    uint32_t att_u[32], att_next[32];
    /* the list's last vector padded with zeros: its lanes past the end
     * reach table addresses (zig_xk8) and must be defined words */
    _mm256_storeu_si256((__m256i *)(void *)(pend->word + pend->n), _mm256_setzero_si256());
    _mm256_storeu_si256((__m256i *)(void *)(pend->slot + pend->n), _mm256_setzero_si256());
    for (uint32_t first = 0; first < pend->n; first += 8) {
        uint32_t left = pend->n - first, seg = first % 32;
        if (seg == 0) { /* attempt 0 of the next 32 listed draws at once */
            if (left > 24)
                zig_attempt0_x8(k0, tweaks, stream, pend, first, att_u, att_next, 4);
            else if (left > 16)
                zig_attempt0_x8(k0, tweaks, stream, pend, first, att_u, att_next, 3);
            else if (left > 8)
                zig_attempt0_x8(k0, tweaks, stream, pend, first, att_u, att_next, 2);
            else
                zig_attempt0_x8(k0, tweaks, stream, pend, first, att_u, att_next, 1);
        }
        const __m256i valid = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)(left < 8 ? left : 8)), lane);
        const uint32_t *wp = pend->word + first;
        __m256i w = _mm256_loadu_si256((const __m256i *)(const void *)wp);
        __m256i i = _mm256_and_si256(w, low8);
        __m256i tail = _mm256_and_si256(valid, _mm256_cmpeq_epi32(i, _mm256_setzero_si256()));
        __m256i wedge = _mm256_andnot_si256(tail, valid);
        __m256 xs_w;
        __m256i unused_k;
        zig_xk8(wp, &xs_w, &unused_k);
        /* attempt 0's words, and what a refused draw needs of its next */
        __m256i x0 = _mm256_loadu_si256((const __m256i *)(const void *)(att_u + seg));
        __m256i next = _mm256_loadu_si256((const __m256i *)(const void *)(att_next + seg));
        __m256 xs_next;
        __m256i k_next;
        zig_xk8(att_next + seg, &xs_next, &k_next);
        /* satstat__zig_wedge_accept lane by lane (GCC vectorises the
         * loop); idle and tail lanes take a dummy wedge word of layer 1 */
        uint32_t wl[8], ul[8], acc[8];
        float xs[8];
        double f_lo[8], f_hi[8];
        __m256i iw = _mm256_blendv_epi8(_mm256_set1_epi32(1), i, wedge);
        _mm256_storeu_si256((__m256i *)(void *)wl,
                            _mm256_blendv_epi8(_mm256_set1_epi32((int)0xffffff01u), w, wedge));
        _mm256_storeu_si256((__m256i *)(void *)ul, x0);
        _mm256_storeu_ps(xs, xs_w);
        zig_f8(iw, f_lo, f_hi);
        for (int l = 0; l < 8; l++)
            acc[l] = (uint32_t)satstat__zig_wedge_accept(wl[l], ul[l], xs[l], f_lo[l], f_hi[l]);
        __m256i refused = _mm256_and_si256(
            wedge, _mm256_cmpeq_epi32(_mm256_loadu_si256((const __m256i *)(const void *)acc),
                                      _mm256_setzero_si256()));
        __m256i keep = _mm256_blendv_epi8(w, next, refused);
        /* a refused draw whose next word is in the exact core is done */
        __m256i again = _mm256_andnot_si256(_mm256_cmpgt_epi32(k_next, zig_a8(next)), refused);
        __m256 xs_keep = _mm256_blendv_ps(xs_w, xs_next, _mm256_castsi256_ps(refused));
        float x[8];
        uint32_t wk[8];
        _mm256_storeu_ps(x, zig_value8(keep, zig_a8(keep), xs_keep));
        _mm256_storeu_si256((__m256i *)(void *)wk, keep);
        unsigned done = (unsigned)_mm256_movemask_ps(
            _mm256_castsi256_ps(_mm256_andnot_si256(again, wedge)));
        unsigned rest = (unsigned)_mm256_movemask_ps(
            _mm256_castsi256_ps(_mm256_or_si256(tail, again)));
        const uint32_t *sl = pend->slot + first;
        while (done) {
            int l = __builtin_ctz(done);
            done &= done - 1u;
            v[zig_slot_at(sl[l], draw_order)] = x[l];
        }
        /* tail draws from attempt 0, refused ones from attempt 1 */
        unsigned from_attempt1 = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(again));
        while (rest) {
            int l = __builtin_ctz(rest);
            rest &= rest - 1u;
            v[zig_slot_at(sl[l], draw_order)] = satstat__zig_slow_from(
                wk[l], (from_attempt1 >> l) & 1u, k0, k1, stream, zig_slot_neuron(pend, sl[l]),
                zig_slot_index(pend, sl[l]));
        }
    }
}

static void zig_finish(const satstat__kernel_job *job, uint32_t stream,
                       const zig_pending *pend, float *v)
{
    zig_finish_lanes(job, stream, pend, v, 0);
}
#else

/* Finish the listed draws into v[slot], through the same steps as the
 * scalar reference (satstat__zig_slow_from): a draw whose word is in the
 * exact core is done; one in the tail (layer 0, 1 in 70) goes to the
 * scalar steps; the wedge draws take attempt 0 sixteen at a time (Philox
 * and the wedge test in vector code), and the few (0.7 %) that neither
 * accept nor draw a new word in the core go on in the scalar steps from
 * attempt 1. */
static void zig_finish(const satstat__kernel_job *job, uint32_t stream,
                       const zig_pending *pend, float *v)
{
    uint32_t k0 = job->key[0], k1 = job->key[1];
    uint32_t slot[LANES], w[LANES], block[LANES], key1[LANES];
    uint64_t neuron[LANES];
    uint32_t m = 0;
    for (uint32_t p = 0; p <= pend->n; p++) {
        if (p < pend->n) {
            uint32_t s = pend->slot[p], word = pend->word[p];
            if (satstat__zig_core(word)) {
                v[s] = satstat__zig_candidate(word);
                continue;
            }
            uint64_t j = zig_slot_index(pend, s);
            if ((word & 255u) == 0) {
                v[s] = satstat__zig_slow_from(word, 0, k0, k1, stream, zig_slot_neuron(pend, s),
                                              j);
                continue;
            }
            slot[m] = s;
            neuron[m] = zig_slot_neuron(pend, s);
            w[m] = word;
            block[m] = (uint32_t)(j / 4);
            /* the key of satstat__zig_attempt_words at t = 0 */
            key1[m] = k1 ^ (0x9E3779B9u * (4u * (uint32_t)(j % 4) + (stream & 3u) + 1u));
            m++;
            if (m < LANES)
                continue;
        }
        if (m == 0)
            break;
        if (m <= 8)
            zig_wedge_step(k0, k1, stream, pend, slot, w, block, key1, neuron, m, v, 8);
        else
            zig_wedge_step(k0, k1, stream, pend, slot, w, block, key1, neuron, m, v, LANES);
        m = 0;
    }
}
#endif

/* Normals 4·(16b + l) + k of a stream into v[k·16 + l], l < 16, k < 4,
 * from the words of batch b.  Box–Muller: words 0, 1 and 2, 3 of a block
 * make two pairs.  Ziggurat: word k makes normal k. */
static inline void normal_batch(const satstat__kernel_job *job, uint32_t stream,
                                uint64_t neuron, uint32_t batch,
                                const uint32_t w0[LANES], const uint32_t w1[LANES],
                                const uint32_t w2[LANES], const uint32_t w3[LANES],
                                float v[PER_BATCH])
{
    if (job->transform == SATSTAT_TRANSFORM_ZIGGURAT) {
        uint32_t slot[PER_BATCH + LANES], word[PER_BATCH + LANES];
        zig_pending pend = {0, batch, neuron, slot, word};
        zig_fast_batch(w0, w1, w2, w3, v, &pend, 0);
        zig_finish(job, stream, &pend, v);
        return;
    }
    for (int l = 0; l < LANES; l++) {
        float a, b, c, d;
        satstat__box_muller(w0[l], w1[l], &a, &b);
        satstat__box_muller(w2[l], w3[l], &c, &d);
        v[l] = a;
        v[LANES + l] = b;
        v[2 * LANES + l] = c;
        v[3 * LANES + l] = d;
    }
}

/* The fast path of the ziggurat weights of batches pend->first_batch ..
 * + count − 1 (count ≤ CHUNK_BATCHES) of neuron pend->first_neuron + g
 * into v[64·b + k·16 + l], the others appended to *pend. */
static void zig_fast_chunk(const satstat__kernel_job *job, uint32_t g, uint32_t count, float *v,
                           zig_pending *pend)
{
    uint64_t neuron = pend->first_neuron + g;
    uint32_t first = pend->first_batch, slot0 = g * CHUNK;
    uint32_t b = 0;
    for (; b + ZIG_CHAINS <= count; b += ZIG_CHAINS) {
        uint32_t w[ZIG_CHAINS][4][LANES];
        philox_chains(job, job->weight_stream, neuron, (first + b) * LANES, w);
        for (uint32_t h = 0; h < ZIG_CHAINS; h++)
            zig_fast_batch(w[h][0], w[h][1], w[h][2], w[h][3], v + (b + h) * PER_BATCH, pend,
                           slot0 + (b + h) * PER_BATCH);
    }
    for (; b < count; b++) {
        uint32_t w0[LANES], w1[LANES], w2[LANES], w3[LANES];
        philox_lanes(job, job->weight_stream, neuron, (first + b) * LANES, w0, w1, w2, w3);
        zig_fast_batch(w0, w1, w2, w3, v + b * PER_BATCH, pend, slot0 + b * PER_BATCH);
    }
}

/* Ziggurat weights of batches first .. first+count−1 (count ≤
 * CHUNK_BATCHES) of one neuron into v[64·(b − first) + k·16 + l]: the
 * fast path for all, then the pending ones together. */
static void zig_weight_chunk(const satstat__kernel_job *job, uint64_t neuron, uint32_t first,
                             uint32_t count, float v[CHUNK])
{
    uint32_t slot[CHUNK + LANES], word[CHUNK + LANES];
    zig_pending pend = {0, first, neuron, slot, word};
    zig_fast_chunk(job, 0, count, v, &pend);
    zig_finish(job, job->weight_stream, &pend, v);
}

/* Weight draws of one batch, standardised (N(0,1) or U(−1,1)), in the
 * order v[k·16 + l] = draw number 4·(16b + l) + k. */
static inline void weight_batch(const satstat__kernel_job *job, uint64_t neuron,
                                uint32_t batch, float v[PER_BATCH],
                                double vu[PER_BATCH])
{
    uint32_t w0[LANES], w1[LANES], w2[LANES], w3[LANES];
    philox_lanes(job, job->weight_stream, neuron, batch * LANES, w0, w1, w2, w3);
    if (job->weight_family == SATSTAT__W_NORMAL) {
        normal_batch(job, job->weight_stream, neuron, batch, w0, w1, w2, w3, v);
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
        float v[PER_BATCH];
        normal_batch(job, job->input_stream, neuron, batch, w0, w1, w2, w3, v);
        for (int k = 0; k < PER_BATCH; k++)
            x[k] = s * (double)v[k];
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

/* The biases of neurons first .. first+n−1 (n ≤ LANES) into b[0..n): word 0
 * (and 1) of the Philox block at counter (0, neuron, bias stream), as a
 * uniform, a Box–Muller pair's cosine or a ziggurat word.  The blocks and
 * the transform run as one vector loop over the 16 neurons (a scalar
 * Philox block per neuron cost 13–30 ns, 3–6 % of a neuron of 500
 * weights); the ziggurat's rare rejections go on in its scalar steps.
 * The blocks are made for all 16 lanes (one vector loop either way); the
 * ziggurat, a scalar function a lane, only for the n wanted (the sampler
 * asks for 8 neurons at a time). */
static void bias_lanes(const satstat__kernel_job *job, uint64_t first, int n, double b[LANES])
{
    double loc = job->bias_loc, scale = job->bias_scale;
    if (job->bias_family == SATSTAT__B_CONSTANT) {
        for (int l = 0; l < LANES; l++)
            b[l] = loc;
        return;
    }
    uint32_t k0 = job->key[0], k1 = job->key[1], stream = job->bias_stream;
    uint32_t u0[LANES], u1[LANES];
    for (int l = 0; l < LANES; l++) {
        uint64_t neuron = first + (uint64_t)l;
        uint32_t x0 = 0, x1 = (uint32_t)neuron, x2 = (uint32_t)(neuron >> 32), x3 = stream;
        satstat__philox10(&x0, &x1, &x2, &x3, k0, k1);
        u0[l] = x0;
        u1[l] = x1;
    }
    if (job->bias_family == SATSTAT__B_UNIFORM) {
        for (int l = 0; l < LANES; l++)
            b[l] = loc + scale * satstat__uniform(u0[l]);
    } else if (job->transform == SATSTAT_TRANSFORM_ZIGGURAT) {
        for (int l = 0; l < n; l++)
            b[l] = loc + scale * (double)satstat__ziggurat(u0[l], k0, k1, stream,
                                                           first + (uint64_t)l, 0);
    } else {
        for (int l = 0; l < LANES; l++) {
            float c, sn;
            satstat__box_muller(u0[l], u1[l], &c, &sn);
            b[l] = loc + scale * (double)c;
        }
    }
}

/* The lane sums of a batch whose inputs are all 1 (the hot path):
 * acc[l] += v[q·16 + l] for q = 0 .. 3, the order of the general loop in
 * weight_sum.  Two versions of it: from a batch's values in memory (the
 * ziggurat's chunk), and from a batch's Philox words through Box–Muller
 * with the values kept in registers, which saves a float and a double
 * copy of every weight (a fifth of the one-thread seed job). */
static inline void sum_batch(const float v[PER_BATCH], double acc[LANES])
{
    for (int q = 0; q < 4; q++)
        for (int l = 0; l < LANES; l++)
            acc[l] += (double)v[q * LANES + l];
}

static inline void box_muller_sum_batch(const uint32_t w0[LANES], const uint32_t w1[LANES],
                                        const uint32_t w2[LANES], const uint32_t w3[LANES],
                                        double acc[LANES])
{
    float v[PER_BATCH];
    for (int l = 0; l < LANES; l++) {
        satstat__box_muller(w0[l], w1[l], &v[l], &v[LANES + l]);
        satstat__box_muller(w2[l], w3[l], &v[2 * LANES + l], &v[3 * LANES + l]);
    }
    sum_batch(v, acc);
}

#if defined(__AVX512F__)
/* weight_sum for NS neurons whose ziggurat values are made (zig_group:
 * neuron s's at values + s·CHUNK) and whose inputs are fixed (x, or all
 * 1 when x is NULL), into sums[s]: the same sums in the same order, with
 * each neuron's 16 lane sums held in two registers.  The general loop
 * keeps acc[] in memory, and each batch's adds then wait on the last
 * batch's stores (15 % of the one-thread seed job); one neuron's adds are
 * still one chain of 4 per batch, so NS neurons side by side run NS
 * chains at once (NS = 4: 6 % of the seed job). */
static inline void zig_values_sums(const satstat__kernel_job *job, const float *values,
                                   double *sums, const int NS)
{
    uint64_t support = job->support;
    uint32_t batches = (uint32_t)((support + PER_BATCH - 1) / PER_BATCH);
    const __m512d one = _mm512_set1_pd(1.0);
    /* lane l of row q of a batch is input j0 + 4l + q (weight_sum) */
    const __m512i four_l_lo = _mm512_setr_epi64(0, 4, 8, 12, 16, 20, 24, 28);
    const __m512i four_l_hi = _mm512_add_epi64(four_l_lo, _mm512_set1_epi64(32));
    __m512d acc_lo[4], acc_hi[4];
    for (int n = 0; n < NS; n++)
        acc_lo[n] = acc_hi[n] = _mm512_setzero_pd();
    for (uint32_t b = 0; b < batches; b++) {
        uint64_t j0 = (uint64_t)b * PER_BATCH;
        if (!job->x && j0 + PER_BATCH <= support) {
            for (int q = 0; q < 4; q++)
                for (int n = 0; n < NS; n++) {
                    const float *v = values + n * CHUNK + b * PER_BATCH + q * LANES;
                    acc_lo[n] = _mm512_add_pd(acc_lo[n], _mm512_cvtps_pd(_mm256_loadu_ps(v)));
                    acc_hi[n] = _mm512_add_pd(acc_hi[n], _mm512_cvtps_pd(_mm256_loadu_ps(v + 8)));
                }
            continue;
        }
        /* x[k] = 0 past the support, as in weight_sum; v·x, then the add */
        const __m512i left = _mm512_set1_epi64((long long)(support - j0));
        for (int q = 0; q < 4; q++) {
            const __m512i lq = _mm512_set1_epi64(q);
            __mmask8 in_lo = _mm512_cmplt_epu64_mask(_mm512_add_epi64(four_l_lo, lq), left);
            __mmask8 in_hi = _mm512_cmplt_epu64_mask(_mm512_add_epi64(four_l_hi, lq), left);
            __m512d x_lo = job->x ? _mm512_loadu_pd(job->x + j0 + q * LANES) : one;
            __m512d x_hi = job->x ? _mm512_loadu_pd(job->x + j0 + q * LANES + 8) : one;
            x_lo = _mm512_maskz_mov_pd(in_lo, x_lo);
            x_hi = _mm512_maskz_mov_pd(in_hi, x_hi);
            for (int n = 0; n < NS; n++) {
                const float *v = values + n * CHUNK + b * PER_BATCH + q * LANES;
                acc_lo[n] = _mm512_add_pd(
                    acc_lo[n], _mm512_mul_pd(_mm512_cvtps_pd(_mm256_loadu_ps(v)), x_lo));
                acc_hi[n] = _mm512_add_pd(
                    acc_hi[n], _mm512_mul_pd(_mm512_cvtps_pd(_mm256_loadu_ps(v + 8)), x_hi));
            }
        }
    }
    /* the fixed pairwise tree of weight_sum (acc[l] += acc[l + width],
     * width 8, 4, 2, 1), in registers */
    for (int n = 0; n < NS; n++) {
        __m512d s8 = _mm512_add_pd(acc_lo[n], acc_hi[n]);
        __m256d s4 = _mm256_add_pd(_mm512_castpd512_pd256(s8), _mm512_extractf64x4_pd(s8, 1));
        __m128d s2 = _mm_add_pd(_mm256_castpd256_pd128(s4), _mm256_extractf128_pd(s4, 1));
        __m128d s1 = _mm_add_sd(s2, _mm_unpackhi_pd(s2, s2));
        sums[n] = job->weight_scale * _mm_cvtsd_f64(s1);
    }
}
#endif

/* Σ_j w_j x_j of one neuron, times the weight scale (the bias apart).
 * zig_values: the neuron's ziggurat weights already made (zig_group), or
 * NULL. */
static double weight_sum(const satstat__kernel_job *job, uint64_t neuron,
                         const float *zig_values)
{
    double acc[LANES];
    float v[PER_BATCH];
    double vu[PER_BATCH];
    double x[PER_BATCH];
    for (int l = 0; l < LANES; l++)
        acc[l] = 0.0;

    uint64_t support = job->support;
    uint32_t batches = (uint32_t)((support + PER_BATCH - 1) / PER_BATCH);
    int zig = job->weight_family == SATSTAT__W_NORMAL
              && job->transform == SATSTAT_TRANSFORM_ZIGGURAT;
    int random_inputs = job->input_family != SATSTAT__X_FIXED;
    int ones = job->x == NULL && !random_inputs;
    float chunk[CHUNK];
    uint32_t words[ZIG_CHAINS][4][LANES];
    for (uint32_t b = 0; b < batches; b++) {
        uint64_t j0 = (uint64_t)b * PER_BATCH;
        /* all inputs of this batch are 1 */
        int plain = ones && j0 + PER_BATCH <= support;
        if (zig) {
            uint32_t in_chunk = b % CHUNK_BATCHES;
            if (in_chunk == 0 && !zig_values)
                zig_weight_chunk(job, neuron, b,
                                 batches - b < CHUNK_BATCHES ? batches - b : CHUNK_BATCHES,
                                 chunk);
            const float *cv = (zig_values ? zig_values : chunk) + in_chunk * PER_BATCH;
            if (plain) {
                sum_batch(cv, acc);
                continue;
            }
            for (int k = 0; k < PER_BATCH; k++)
                vu[k] = (double)cv[k];
        } else if (job->weight_family == SATSTAT__W_NORMAL) {
            /* Box–Muller: the Philox words of ZIG_CHAINS batches at once
             * (philox_chains), as weight_batch would make them one by one */
            uint32_t g = b % ZIG_CHAINS;
            if (b - g + ZIG_CHAINS <= batches) {
                if (g == 0)
                    philox_chains(job, job->weight_stream, neuron, b * LANES, words);
            } else {
                philox_lanes(job, job->weight_stream, neuron, b * LANES, words[g][0],
                             words[g][1], words[g][2], words[g][3]);
            }
            if (plain) {
                box_muller_sum_batch(words[g][0], words[g][1], words[g][2], words[g][3], acc);
                continue;
            }
            normal_batch(job, job->weight_stream, neuron, b, words[g][0], words[g][1],
                         words[g][2], words[g][3], v);
            for (int k = 0; k < PER_BATCH; k++)
                vu[k] = (double)v[k];
        } else {
            weight_batch(job, neuron, b, v, vu);
        }
        if (plain) {
            /* rows of 16 so it vectorises, in the order of the loop below */
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
    return job->weight_scale * acc[0];
}

/* The ziggurat weights of neurons first .. first+count−1 (count ≤
 * ZIG_GROUP, support ≤ CHUNK) into values[g·CHUNK ..]: the fast paths of
 * all, then one finish over the draws they leave, 16 lanes at a time
 * across neurons. */
static void zig_group(const satstat__kernel_job *job, uint64_t first, uint32_t count,
                      uint32_t batches, float *values)
{
    uint32_t slot[ZIG_GROUP * CHUNK + LANES], word[ZIG_GROUP * CHUNK + LANES];
    zig_pending pend = {0, 0, first, slot, word};
    for (uint32_t g = 0; g < count; g++)
        zig_fast_chunk(job, g, batches, values + g * CHUNK, &pend);
    zig_finish(job, job->weight_stream, &pend, values);
}

void KERNEL_NAME(const satstat__kernel_job *job, uint64_t first, size_t count,
                 double *z)
{
    double bias[LANES];
    uint32_t batches = (uint32_t)((job->support + PER_BATCH - 1) / PER_BATCH);
    int group = job->weight_family == SATSTAT__W_NORMAL
                && job->transform == SATSTAT_TRANSFORM_ZIGGURAT && batches <= CHUNK_BATCHES;
    float values[ZIG_GROUP * CHUNK];
    for (size_t i = 0; i < count; i++) {
        if (i % LANES == 0)
            bias_lanes(job, first + i, count - i < LANES ? (int)(count - i) : LANES, bias);
        if (group && i % ZIG_GROUP == 0)
            zig_group(job, first + i, count - i < ZIG_GROUP ? (uint32_t)(count - i) : ZIG_GROUP,
                      batches, values);
        const float *zig_values = group ? values + (i % ZIG_GROUP) * CHUNK : NULL;
#if defined(__AVX512F__)
        if (zig_values && job->input_family == SATSTAT__X_FIXED) {
            /* four neurons at once while four of this group and of these
             * biases are left (ZIG_GROUP and LANES are multiples of 4) */
            if (i % 4 == 0 && count - i >= 4) {
                double sums[4];
                zig_values_sums(job, zig_values, sums, 4);
                for (int n = 0; n < 4; n++)
                    z[i + (size_t)n] = sums[n] + bias[(i + (size_t)n) % LANES];
                i += 3;
                continue;
            }
            double sum;
            zig_values_sums(job, zig_values, &sum, 1);
            z[i] = sum + bias[i % LANES];
            continue;
        }
#endif
        z[i] = weight_sum(job, first + i, zig_values) + bias[i % LANES];
    }
}

/* A batch's values v[k·16 + l] (draw 4l + k of the batch) into draw
 * order o[4l + k]: a 4 × 16 transpose.  AVX-512: two rounds of
 * two-register permutes (pairs of rows interleaved, then pairs of pairs
 * as 64-bit elements), 8 permutes where GCC made 64 scalar moves of the
 * loop (3.5 % of the ziggurat fill). */
static inline void to_draw_order(const float v[PER_BATCH], float *o)
{
#if defined(__AVX512F__)
    const __m512i lo32 = _mm512_setr_epi32(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
    const __m512i hi32 = _mm512_setr_epi32(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30,
                                           15, 31);
    const __m512i lo64 = _mm512_setr_epi64(0, 8, 1, 9, 2, 10, 3, 11);
    const __m512i hi64 = _mm512_setr_epi64(4, 12, 5, 13, 6, 14, 7, 15);
    __m512 r0 = _mm512_loadu_ps(v), r1 = _mm512_loadu_ps(v + LANES);
    __m512 r2 = _mm512_loadu_ps(v + 2 * LANES), r3 = _mm512_loadu_ps(v + 3 * LANES);
    __m512d a_lo = _mm512_castps_pd(_mm512_permutex2var_ps(r0, lo32, r1)); /* l 0..7: k 0,1 */
    __m512d a_hi = _mm512_castps_pd(_mm512_permutex2var_ps(r0, hi32, r1)); /* l 8..15 */
    __m512d b_lo = _mm512_castps_pd(_mm512_permutex2var_ps(r2, lo32, r3)); /* k 2,3 */
    __m512d b_hi = _mm512_castps_pd(_mm512_permutex2var_ps(r2, hi32, r3));
    _mm512_storeu_pd((void *)o, _mm512_permutex2var_pd(a_lo, lo64, b_lo));
    _mm512_storeu_pd((void *)(o + 16), _mm512_permutex2var_pd(a_lo, hi64, b_lo));
    _mm512_storeu_pd((void *)(o + 32), _mm512_permutex2var_pd(a_hi, lo64, b_hi));
    _mm512_storeu_pd((void *)(o + 48), _mm512_permutex2var_pd(a_hi, hi64, b_hi));
#elif defined(__AVX2__)
    /* eight lanes at a time: a 4 × 8 transpose by unpacks (lanes l, l+4
     * side by side in the two 128-bit halves), then the halves swapped
     * into order; GCC had made it 64 scalar moves */
    for (int h = 0; h < LANES; h += 8) {
        __m256 r0 = _mm256_loadu_ps(v + h), r1 = _mm256_loadu_ps(v + LANES + h);
        __m256 r2 = _mm256_loadu_ps(v + 2 * LANES + h), r3 = _mm256_loadu_ps(v + 3 * LANES + h);
        __m256d t0 = _mm256_castps_pd(_mm256_unpacklo_ps(r0, r1)); /* k 0,1 of l 0,1 | 4,5 */
        __m256d t1 = _mm256_castps_pd(_mm256_unpackhi_ps(r0, r1)); /* l 2,3 | 6,7 */
        __m256d t2 = _mm256_castps_pd(_mm256_unpacklo_ps(r2, r3)); /* k 2,3 */
        __m256d t3 = _mm256_castps_pd(_mm256_unpackhi_ps(r2, r3));
        __m256d u0 = _mm256_unpacklo_pd(t0, t2), u1 = _mm256_unpackhi_pd(t0, t2); /* l 0 | 4, 1 | 5 */
        __m256d u2 = _mm256_unpacklo_pd(t1, t3), u3 = _mm256_unpackhi_pd(t1, t3); /* l 2 | 6, 3 | 7 */
        float *out = o + 4 * h;
        _mm256_storeu_pd((double *)(void *)out, _mm256_permute2f128_pd(u0, u1, 0x20));
        _mm256_storeu_pd((double *)(void *)(out + 8), _mm256_permute2f128_pd(u2, u3, 0x20));
        _mm256_storeu_pd((double *)(void *)(out + 16), _mm256_permute2f128_pd(u0, u1, 0x31));
        _mm256_storeu_pd((double *)(void *)(out + 24), _mm256_permute2f128_pd(u2, u3, 0x31));
    }
#else
    for (int l = 0; l < LANES; l++)
        for (int k = 0; k < 4; k++)
            o[4 * l + k] = v[k * LANES + l];
#endif
}

/* Normals 64·first_batch .. 64·(first_batch + batches) − 1 of one stream,
 * in draw order: the generator alone, without the dot product. */
void FILL_NAME(const satstat__kernel_job *job, uint64_t neuron, uint32_t first_batch,
               size_t batches, float *out)
{
    float v[PER_BATCH];
    double unused[PER_BATCH];
    if (job->transform == SATSTAT_TRANSFORM_ZIGGURAT) {
        float chunk[CHUNK];
        for (size_t b = 0; b < batches; b += CHUNK_BATCHES) {
            uint32_t count = batches - b < CHUNK_BATCHES ? (uint32_t)(batches - b) : CHUNK_BATCHES;
#if defined(__AVX2__)
            /* the fix-up straight into the output, in draw order: the
             * transpose does not wait for the fix-up's scattered stores */
            uint32_t slot[CHUNK + LANES], word[CHUNK + LANES];
            zig_pending pend = {0, first_batch + (uint32_t)b, neuron, slot, word};
            zig_fast_chunk(job, 0, count, chunk, &pend);
            for (uint32_t c = 0; c < count; c++)
                to_draw_order(chunk + c * PER_BATCH, out + (b + c) * PER_BATCH);
            zig_finish_lanes(job, job->weight_stream, &pend, out + b * PER_BATCH, 1);
#else
            zig_weight_chunk(job, neuron, first_batch + (uint32_t)b, count, chunk);
            for (uint32_t c = 0; c < count; c++)
                to_draw_order(chunk + c * PER_BATCH, out + (b + c) * PER_BATCH);
#endif
        }
        return;
    }
    /* Box–Muller: the Philox batches side by side too (philox_chains) */
    size_t b = 0;
    for (; b + ZIG_CHAINS <= batches; b += ZIG_CHAINS) {
        uint32_t w[ZIG_CHAINS][4][LANES];
        uint32_t batch = first_batch + (uint32_t)b;
        philox_chains(job, job->weight_stream, neuron, batch * LANES, w);
        for (uint32_t h = 0; h < ZIG_CHAINS; h++) {
            normal_batch(job, job->weight_stream, neuron, batch + h, w[h][0], w[h][1], w[h][2],
                         w[h][3], v);
            to_draw_order(v, out + (b + h) * PER_BATCH);
        }
    }
    for (; b < batches; b++) {
        weight_batch(job, neuron, first_batch + (uint32_t)b, v, unused);
        to_draw_order(v, out + b * PER_BATCH);
    }
}

/* Rows of normals, each what FILL_NAME(job, first + g, 0, batches, ·)
 * gives, row g at out + 64·batches·g (rows ≤ ZIG_GROUP, batches ≤
 * CHUNK_BATCHES): the ziggurat finishes the rows' rejections together
 * (zig_group), where a row alone finished its ~15 in a latency-bound pass
 * (a sixth of a deep run). */
void FILL_ROWS_NAME(const satstat__kernel_job *job, uint64_t first, uint32_t rows,
                    uint32_t batches, float *out)
{
    if (job->transform != SATSTAT_TRANSFORM_ZIGGURAT) {
        for (uint32_t g = 0; g < rows; g++)
            FILL_NAME(job, first + g, 0, batches, out + (size_t)g * batches * PER_BATCH);
        return;
    }
    float values[ZIG_GROUP * CHUNK];
    zig_group(job, first, rows, batches, values);
    for (uint32_t g = 0; g < rows; g++)
        for (uint32_t b = 0; b < batches; b++)
            to_draw_order(values + g * CHUNK + b * PER_BATCH,
                          out + ((size_t)g * batches + b) * PER_BATCH);
}
