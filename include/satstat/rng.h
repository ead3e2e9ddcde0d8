/* satstat/rng.h — counter-based random streams (Random123 Philox4x32-10).
 *
 * Every random number satstat uses is a pure function of
 *     (seed, stream, neuron, index)
 * and of nothing else: not the thread that computes it, not the order, not
 * the sample size.  The seed is the Philox key; the counter holds
 *     word 0: index / 4        (four 32-bit words per Philox block)
 *     word 1: neuron, low 32 bits
 *     word 2: neuron, high 32 bits
 *     word 3: stream id        (hash of the scheme's canonical spec | domain)
 * so `--threads 1` and `--threads 16` give the same bits, and a scheme has
 * the same stream alone and inside a list.
 *
 * Normal variates come, by default, from a 256-layer ziggurat (Marsaglia
 * & Tsang 2000, with Doornik's 2005 independent layer bits): one word per
 * normal, 98.5 % of them by one table look-up and one float multiply;
 * wedge and tail rejections take fresh words from counters keyed by the
 * draw and the attempt, so a normal is still a function of (seed, stream,
 * neuron, index); the tail (Marsaglia 1964) reaches 9.91.  Or from the
 * Box–Muller transform (Box & Muller 1958), the default before 0.1.0,
 * evaluated in single precision with branch-free polynomial log, sin and
 * cos (Cephes coefficients, Moshier 1992); its uniform is
 * (⌊k/2⌋ + 1/2)·2^-31 for a 32-bit word k, never 0 nor above 1, so the
 * largest |normal| is √(−2 ln 2^-32) ≈ 6.66.  Both compute the same
 * operations in the same order on every SIMD path and give identical
 * bits; satstat_transform selects one.
 */
#ifndef SATSTAT_RNG_H
#define SATSTAT_RNG_H

#include <satstat/export.h>

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a stream is used for; the low bits of the stream id. */
typedef enum satstat_domain {
    SATSTAT_DOMAIN_WEIGHTS = 0,
    SATSTAT_DOMAIN_BIAS = 1,
    SATSTAT_DOMAIN_INPUTS = 2
} satstat_domain;

/* FNV-1a (32-bit) of the canonical spec with the two low bits replaced by
 * the domain. */
SATSTAT_API uint32_t satstat_stream_id(const char *canonical, satstat_domain domain);

/* One Philox4x32-10 block (Salmon et al. 2011), straight from Random123. */
SATSTAT_API void satstat_philox4x32(const uint32_t counter[4], const uint32_t key[2],
                                    uint32_t out[4]);

/* How uniform words become normals; every report names the one used
 * (satstat_transform_label).  Both are exact in law to float precision. */
typedef enum satstat_transform {
    SATSTAT_TRANSFORM_BOX_MULLER, /* "box-muller-f32-cephes/1": two words
                                     per pair of normals (Box & Muller 1958) */
    SATSTAT_TRANSFORM_ZIGGURAT    /* "ziggurat-256-f32/1": one word per
                                     normal, exact wedges and tail to 9.91;
                                     speed per SIMD path in
                                     doc/rng-validation.md */
} satstat_transform;

/* The transform of a default config (satstat_config_default) and of the
 * functions below without _with: switching the default is this line.  The
 * ziggurat: the faster of the two in the kernel (doc/rng-validation.md),
 * with the longer tail. */
#define SATSTAT_TRANSFORM_DEFAULT SATSTAT_TRANSFORM_ZIGGURAT

#define SATSTAT_TRANSFORM_COUNT 2

/* "box-muller-f32-cephes/1" or "ziggurat-256-f32/1"; NULL for a value
 * outside the enum. */
SATSTAT_API const char *satstat_transform_label(satstat_transform transform);

/* The transform named `name` (its label, as --transform takes it):
 * SATSTAT_OK and *out set, or SATSTAT_EINVAL with a sentence in msg
 * (msg_size bytes; may be NULL) naming the valid ones. */
SATSTAT_API int satstat_transform_from_name(const char *name, satstat_transform *out,
                                            char *msg, size_t msg_size);

/* The standard normal made from two 32-bit words: k1 gives the radius,
 * k2 the angle; `which` 0 is the cosine branch, 1 the sine branch. */
SATSTAT_API float satstat_box_muller(uint32_t k1, uint32_t k2, int which);

/* Uniform on the open interval (0, 1): (k + 1/2)·2^-32, exact in double. */
SATSTAT_API double satstat_uniform_from_bits(uint32_t k);

/* Φ⁻¹(p), 0 < p < 1, as the kernel computes it for truncated normals:
 * Acklam's rational approximation (relative error below 1.15e-9) with a
 * branch-free double-precision logarithm, the same bits on every SIMD
 * path.  A truncated-normal weight is loc + scale·Φ⁻¹(p0 + u·width) with
 * u = satstat_uniform_from_bits(word j): one word per weight. */
SATSTAT_API double satstat_normal_quantile(double p);

/* Normal draws number first .. first+n−1 of a neuron's stream, by the
 * given transform: the scalar reference.  Box–Muller: normal j is branch
 * j mod 2 of the pair from words 2⌊(j mod 4)/2⌋, +1 of block j/4;
 * ziggurat: normal j is made from word j mod 4 of block j/4 (and, for
 * 1.5 % of draws, retry words; transform-int.h). */
SATSTAT_API void satstat_stream_normals_with(satstat_transform transform, uint64_t seed,
                                             uint32_t stream, uint64_t neuron, uint64_t first,
                                             size_t n, float *out);
/* The same numbers as satstat_stream_normals_with, computed by the SIMD
 * kernel: the fast way to fill a buffer with normals. */
SATSTAT_API void satstat_fill_normals_with(satstat_transform transform, uint64_t seed,
                                           uint32_t stream, uint64_t neuron, uint64_t first,
                                           size_t n, float *out);
/* The two above with SATSTAT_TRANSFORM_DEFAULT. */
SATSTAT_API void satstat_stream_normals(uint64_t seed, uint32_t stream, uint64_t neuron,
                                        uint64_t first, size_t n, float *out);
SATSTAT_API void satstat_fill_normals(uint64_t seed, uint32_t stream, uint64_t neuron,
                                      uint64_t first, size_t n, float *out);
SATSTAT_API void satstat_stream_uniforms(uint64_t seed, uint32_t stream, uint64_t neuron,
                                         uint64_t first, size_t n, double *out);
SATSTAT_API void satstat_stream_words(uint64_t seed, uint32_t stream, uint64_t neuron,
                                      uint64_t first, size_t n, uint32_t *out);

/* The name of the generator and transform, for reports and --version. */
SATSTAT_API const char *satstat_generator_name(void);   /* "philox4x32-10"          */
SATSTAT_API const char *satstat_transform_name(void);   /* the default's label      */

/* The SIMD path the sampler uses on this machine: "avx512vbmi" (AVX-512
 * with VBMI's byte permutes), "avx512", "avx2" or "baseline".  The environment variable SATSTAT_SIMD (same names) forces a
 * path the CPU supports, for tests that compare paths.  The library reads
 * it at its first draw and again at each call of this function (not at
 * every draw): set it, then call this, to change paths in a process. */
SATSTAT_API const char *satstat_simd_path(void);

#ifdef __cplusplus
}
#endif
#endif
