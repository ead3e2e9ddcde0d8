/* transform-int.h — the random-number core shared by the scalar reference
 * (rng.c) and every SIMD build of the sampling kernel (kernel.c).
 *
 * Everything here is plain C on scalars, written so that GCC vectorises the
 * loops that call it without changing a single operation: no libm calls, no
 * reassociation, no FMA (the build sets -ffp-contract=off).  IEEE single and
 * double arithmetic is exactly rounded, so the scalar path and the SSE2,
 * AVX2 and AVX-512 paths give the same bits.
 */
#ifndef SATSTAT_TRANSFORM_INT_H
#define SATSTAT_TRANSFORM_INT_H

#include <stdint.h>
#include <string.h>

#include <Random123/philox.h>

#include "sample/ziggurat-tables.h"

/* Internal to the library: not exported from the shared object. */

/* ---- Philox4x32-10 (Salmon, Moraes, Dror & Shaw, SC'11), one round ----
 * Identical to Random123's _philox4x32round; written out on scalars so the
 * caller's lane loop vectorises (32×32→64 multiplies).  test_rng checks the
 * result against Random123 itself and the published known answers. */
static inline void satstat__philox_round(uint32_t *x0, uint32_t *x1,
                                         uint32_t *x2, uint32_t *x3,
                                         uint32_t k0, uint32_t k1)
{
    uint64_t p0 = (uint64_t)PHILOX_M4x32_0 * *x0;
    uint64_t p1 = (uint64_t)PHILOX_M4x32_1 * *x2;
    uint32_t y0 = (uint32_t)(p1 >> 32) ^ *x1 ^ k0;
    uint32_t y2 = (uint32_t)(p0 >> 32) ^ *x3 ^ k1;
    *x1 = (uint32_t)p1;
    *x3 = (uint32_t)p0;
    *x0 = y0;
    *x2 = y2;
}

static inline void satstat__philox10(uint32_t *x0, uint32_t *x1, uint32_t *x2,
                                     uint32_t *x3, uint32_t k0, uint32_t k1)
{
    for (int r = 0; r < 10; r++) {
        satstat__philox_round(x0, x1, x2, x3, k0, k1);
        k0 += PHILOX_W32_0;
        k1 += PHILOX_W32_1;
    }
}

static inline uint32_t satstat__f2u(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static inline float satstat__u2f(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

/* ln(u) for a positive normal float u ≤ 1: Cephes logf (Moshier 1992):
 * u = m·2^e with m in [√½, √2), ln m = x − x²/2 + x³·P(x) with x = m − 1,
 * ln 2 split into 0.693359375 − 2.12194440e-4 so e·ln 2 is exact enough.
 * Relative error about 1e-7 on the whole range. */
static inline float satstat__logf(float u)
{
    uint32_t bits = satstat__f2u(u);
    /* exponent and select kept in float: mixed int/float selects leave
     * GCC's AVX2 loop scalar */
    float fe = (float)(int32_t)(bits >> 23) - 126.0f;
    float m = satstat__u2f((bits & 0x007fffffu) | 0x3f000000u); /* [½, 1) */
    int below = m < 0.707106781186547524f;
    fe = below ? fe - 1.0f : fe;
    float x = below ? m + m - 1.0f : m - 1.0f;
    float z = x * x;
    float y = 7.0376836292E-2f;
    y = y * x - 1.1514610310E-1f;
    y = y * x + 1.1676998740E-1f;
    y = y * x - 1.2420140846E-1f;
    y = y * x + 1.4249322787E-1f;
    y = y * x - 1.6668057665E-1f;
    y = y * x + 2.0000714765E-1f;
    y = y * x - 2.4999993993E-1f;
    y = y * x + 3.3333331174E-1f;
    y = y * x * z;
    y = y + -2.12194440e-4f * fe;
    y = y + -0.5f * z;
    return (x + y) + 0.693359375f * fe;
}

/* sin and cos on [−π/4, π/4]: Cephes sinf/cosf minimax polynomials,
 * about 1 ulp there; the caller maps quadrants by symmetry. */
static inline float satstat__sinf_reduced(float x)
{
    float z = x * x;
    float y = -1.9515295891E-4f;
    y = y * z + 8.3321608736E-3f;
    y = y * z - 1.6666654611E-1f;
    return y * z * x + x;
}

static inline float satstat__cosf_reduced(float x)
{
    float z = x * x;
    float y = 2.443315711809948E-5f;
    y = y * z - 1.388731625493765E-3f;
    y = y * z + 4.166664568298827E-2f;
    return y * z * z - 0.5f * z + 1.0f;
}

/* Box–Muller (Box & Muller 1958): from words k1 (radius) and k2 (angle),
 * the pair (r cos θ, r sin θ) of independent standard normals.
 *  - u = (⌊k1/2⌋ + ½)·2^-31 rounded to float lies in [2^-32, 1]: never 0,
 *    so the largest radius is √(64 ln 2) ≈ 6.66 (P(|N| > 6.66) ≈ 3e-11);
 *    u rounding to 1 gives r = 0, harmless.  The top 31 bits go through a
 *    signed conversion, which every SIMD level has (unsigned → float needs
 *    AVX-512 and would leave the AVX2 loop scalar).
 *  - θ = q·π/2 + α with q the top two bits of k2 and α uniform on
 *    [−π/4, π/4) from the other 30: a uniform angle, reduced without any
 *    floating-point range reduction. */
static inline void satstat__box_muller(uint32_t k1, uint32_t k2,
                                       float *n_cos, float *n_sin)
{
    float u = (float)(int32_t)(k1 >> 1) * 0x1p-31f + 0x1p-32f;
    float t = -2.0f * satstat__logf(u);
    t = t > 0.0f ? t : 0.0f;
    float r = __builtin_sqrtf(t);

    uint32_t q = k2 >> 30;
    int32_t centred = (int32_t)(k2 & 0x3fffffffu) - (int32_t)0x20000000;
    float a = (float)centred * (1.57079632679489662f * 0x1p-30f);
    float s = satstat__sinf_reduced(a);
    float c = satstat__cosf_reduced(a);
    int swap = (int)(q & 1u);
    float cq = swap ? s : c;
    float sq = swap ? c : s;
    cq = (((q + 1u) & 2u) != 0u) ? -cq : cq;
    sq = ((q & 2u) != 0u) ? -sq : sq;
    *n_cos = r * cq;
    *n_sin = r * sq;
}


/* (k + ½)·2^-32: uniform on (0, 1), exact in double. */
static inline double satstat__uniform(uint32_t k)
{
    return ((double)k + 0.5) * 0x1p-32;
}

/* ---- double precision, for the truncated normal and the ziggurat ------ */

static inline uint64_t satstat__d2u(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static inline double satstat__u2d(uint64_t u)
{
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

/* ln x for a positive normal double: x = m·2^e, m in [√½, √2),
 * ln m = 2 atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.1716, summed to
 * s^23 (the next term is below 2^-56 relative); e·ln 2 in two parts
 * (fdlibm's ln2_hi, ln2_lo).  About 1 ulp, no branches, no libm: the
 * exponent becomes a double through the 2^52 trick, which needs no
 * int64 → double conversion (AVX2 has none). */
static inline double satstat__log(double x)
{
    uint64_t bits = satstat__d2u(x);
    double e = satstat__u2d(UINT64_C(0x4330000000000000) | (bits >> 52))
               - (4503599627370496.0 + 1022.0);
    double m = satstat__u2d((bits & UINT64_C(0x000fffffffffffff))
                            | UINT64_C(0x3fe0000000000000)); /* [½, 1) */
    int below = m < 0.70710678118654752440;
    e = below ? e - 1.0 : e;
    m = below ? m + m : m;
    double f = m - 1.0;
    double s = f / (2.0 + f);
    double z = s * s;
    double p = 1.0 / 23.0;
    p = p * z + 1.0 / 21.0;
    p = p * z + 1.0 / 19.0;
    p = p * z + 1.0 / 17.0;
    p = p * z + 1.0 / 15.0;
    p = p * z + 1.0 / 13.0;
    p = p * z + 1.0 / 11.0;
    p = p * z + 1.0 / 9.0;
    p = p * z + 1.0 / 7.0;
    p = p * z + 1.0 / 5.0;
    p = p * z + 1.0 / 3.0;
    double r = 2.0 * s * z * p;
    return e * 6.93147180369123816490e-01
           + ((2.0 * s + r) + e * 1.90821492927058770002e-10);
}


/* ---- ziggurat (Marsaglia & Tsang 2000, in Doornik's 2005 layout) ------
 * One 32-bit word w per normal: bits 0–7 choose one of 256 layers of equal
 * area (ziggurat-tables.h), bit 8 the sign, bits 9–31 the magnitude's
 * uniform u = a·2^-24 with a = (w >> 8) | 1 odd, so u is the midpoint of
 * one of 2^23 equal cells and never 0.  Layer, sign and magnitude come
 * from disjoint bits: the original algorithm took the layer from the low
 * bits of the same integer that scaled the value, which correlates them
 * (Doornik 2005, section 2); here they are independent.
 *
 * Fast path (98.5 % of words): x = a·xs[i] lies under the curve when
 * a < k[i] (satstat__zig_inside checks this on 16 bits); one float multiply, exactly rounded, so every SIMD path gives
 * the same bits.  The rest (wedges, the tail beyond r) takes fresh words
 * from counters keyed by the draw and the attempt
 * (satstat__zig_attempt_words): a draw stays a function of (seed, stream,
 * neuron, index) alone, whatever the blocks and threads. */

/* The fast test: a >> 8 < k16[i], i.e. x under the curve, in the core
 * [0, X[i+1]) of layer i, tested on 16 bits (ziggurat-tables.h). */
static inline int satstat__zig_inside(uint32_t w)
{
    return (w >> 16) < satstat__zig_k16[w & 255u];
}

/* The exact core test a < k[i], for the words the fast test leaves. */
static inline int satstat__zig_core(uint32_t w)
{
    return ((w >> 8) | 1u) < satstat__zig_k[w & 255u];
}

/* The fast-path value of w: ±a·xs[i], the sign from bit 8. */
static inline float satstat__zig_candidate(uint32_t w)
{
    float x = (float)(int32_t)((w >> 8) | 1u) * satstat__zig_xs[w & 255u];
    return satstat__u2f(satstat__f2u(x) | ((w << 23) & 0x80000000u));
}

/* Attempt t of normal j of a stream: the Philox4x32-10 block at counter
 * (j/4, neuron, stream | 3) — domain 3 belongs to no stream id
 * (satstat_stream_id), so these counters never meet a draw's own — under
 * the key with its second word xored with 0x9E3779B9·(16t + 4(j mod 4) +
 * domain + 1): an odd multiple, distinct for every attempt, word of the
 * block and domain.  Word 0 is the wedge's uniform, word 1 the next
 * candidate, words 2 and 3 the tail's two uniforms. */
static inline void satstat__zig_attempt_words(uint32_t k0, uint32_t k1, uint32_t stream,
                                              uint64_t neuron, uint64_t j, uint32_t t,
                                              uint32_t x[4])
{
    uint32_t x0 = (uint32_t)(j / 4), x1 = (uint32_t)neuron, x2 = (uint32_t)(neuron >> 32);
    uint32_t x3 = stream | 3u;
    uint32_t tweak = 0x9E3779B9u * (16u * t + 4u * (uint32_t)(j % 4) + (stream & 3u) + 1u);
    satstat__philox10(&x0, &x1, &x2, &x3, k0, k1 ^ tweak);
    x[0] = x0;
    x[1] = x1;
    x[2] = x2;
    x[3] = x3;
}

/* The wedge test for a word w of layer i ≥ 1 outside the fast region,
 * given xs = xs[i], f_lo = f(X[i]) and f_hi = f(X[i+1]) (the kernel looks
 * them up outside its vector loop): x = a·xs in [X[i+1], X[i]) is
 * accepted when a uniform point y in [f_lo, f_hi] lies under
 * f(x) = e^{−x²/2}, tested as ln y < −x²/2 (satstat__log, double).  On
 * refusal the ziggurat starts again from a fresh word. */
static inline int satstat__zig_wedge_accept(uint32_t w, uint32_t uniform, float xs, double f_lo,
                                            double f_hi)
{
    double x = (double)(int32_t)((w >> 8) | 1u) * (double)xs;
    double y = f_lo + satstat__uniform(uniform) * (f_hi - f_lo);
    return satstat__log(y) < -0.5 * x * x;
}

/* The tail step for a word w of layer 0 beyond r, by Marsaglia's method
 * (Marsaglia 1964): e1 = −ln(u1)/r, e2 = −ln(u2); r + e1 is accepted when
 * 2·e2 > e1², with the sign of w; else another attempt, w unchanged (the
 * tail's own loop: restarting the whole ziggurat would be wrong, the
 * tail's acceptance rate is not the wedges').  u from one word is at
 * least 2^-33, so the tail reaches r + 33·ln 2/r = 9.91. */
static inline int satstat__zig_tail(uint32_t w, uint32_t u1, uint32_t u2, float *out)
{
    double e1 = -satstat__log(satstat__uniform(u1)) * SATSTAT__ZIG_INV_R;
    double e2 = -satstat__log(satstat__uniform(u2));
    float x = (float)(SATSTAT__ZIG_R + e1);
    *out = satstat__u2f(satstat__f2u(x) | ((w << 23) & 0x80000000u));
    return e2 + e2 > e1 * e1;
}

/* Normal j of a stream, from candidate w (outside the fast region) at
 * attempt t: the exact rejection steps, attempt after attempt. */
static inline float satstat__zig_slow_from(uint32_t w, uint32_t t, uint32_t k0, uint32_t k1,
                                           uint32_t stream, uint64_t neuron, uint64_t j)
{
    for (;; t++) {
        uint32_t x[4];
        float out;
        if (satstat__zig_core(w))
            return satstat__zig_candidate(w);
        satstat__zig_attempt_words(k0, k1, stream, neuron, j, t, x);
        uint32_t i = w & 255u;
        if (i == 0) {
            if (satstat__zig_tail(w, x[2], x[3], &out))
                return out;
            continue;
        }
        if (satstat__zig_wedge_accept(w, x[0], satstat__zig_xs[i], satstat__zig_f[i],
                                      satstat__zig_f[i + 1]))
            return satstat__zig_candidate(w);
        w = x[1];
    }
}

/* Normal j of a stream from its word w: the whole ziggurat, scalar. */
static inline float satstat__ziggurat(uint32_t w, uint32_t k0, uint32_t k1, uint32_t stream,
                                      uint64_t neuron, uint64_t j)
{
    return satstat__zig_inside(w) ? satstat__zig_candidate(w)
                                  : satstat__zig_slow_from(w, 0, k0, k1, stream, neuron, j);
}

/* Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximations (P. J. Acklam,
 * "An algorithm for computing the inverse normal cumulative distribution
 * function", 2003; relative error below 1.15e-9, far under what any
 * sample can see): a central one for 0.02425 ≤ p ≤ 0.97575 and a tail
 * one in q = √(−2 ln min(p, 1−p)).  Both are computed and one selected,
 * so the lane loop has no branch. */
static inline double satstat__inv_normal(double p)
{
    double q = p - 0.5;
    double r = q * q;
    double num = -3.969683028665376e+01;
    num = num * r + 2.209460984245205e+02;
    num = num * r - 2.759285104469687e+02;
    num = num * r + 1.383577518672690e+02;
    num = num * r - 3.066479806614716e+01;
    num = num * r + 2.506628277459239e+00;
    double den = -5.447609879822406e+01;
    den = den * r + 1.615858368580409e+02;
    den = den * r - 1.556989798598866e+02;
    den = den * r + 6.680131188771972e+01;
    den = den * r - 1.328068155288572e+01;
    den = den * r + 1.0;
    double central = num * q / den;

    double t = p < 0.5 ? p : 1.0 - p; /* exact for p ≥ ½ (Sterbenz) */
    t = t > 0x1p-1000 ? t : 0x1p-1000;
    double v = -2.0 * satstat__log(t);
    double u = __builtin_sqrt(v);
    double tn = -7.784894002430293e-03;
    tn = tn * u - 3.223964580411365e-01;
    tn = tn * u - 2.400758277161838e+00;
    tn = tn * u - 2.549732539343734e+00;
    tn = tn * u + 4.374664141464968e+00;
    tn = tn * u + 2.938163982698783e+00;
    double td = 7.784695709041462e-03;
    td = td * u + 3.224671290700398e-01;
    td = td * u + 2.445134137142996e+00;
    td = td * u + 3.754408661907416e+00;
    td = td * u + 1.0;
    double tail = tn / td; /* the lower tail: negative */
    tail = p < 0.5 ? tail : -tail;
    return t < 0.02425 ? tail : central;
}

/* A truncated-normal draw from word k: loc + scale·Φ⁻¹(p0 + u·width). */
static inline double satstat__trunc_normal(uint32_t k, double p0, double width,
                                           double loc, double scale)
{
    double p = p0 + satstat__uniform(k) * width;
    return loc + scale * satstat__inv_normal(p);
}


#endif
