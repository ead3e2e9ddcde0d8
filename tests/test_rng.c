/* test_rng.c — the random streams: Philox known answers, the Box–Muller
 * transform at its extremes and against libm, the ziggurat on every SIMD
 * path against its scalar reference, and the raw draws' law. */
#include <check.h>
#include <gsl/gsl_math.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include <satstat/error.h>
#include <satstat/rng.h>
#include <satstat/stats.h>
#include "common.h"

/* Known answers from doc/numerics.md (Random123's kat_vectors). */
START_TEST(philox_known_answers)
{
    uint32_t out[4];
    const uint32_t c0[4] = {0, 0, 0, 0}, k0[2] = {0, 0};
    satstat_philox4x32(c0, k0, out);
    ck_assert_uint_eq(out[0], 0x6627e8d5u);
    ck_assert_uint_eq(out[1], 0xe169c58du);
    ck_assert_uint_eq(out[2], 0xbc57ac4cu);
    ck_assert_uint_eq(out[3], 0x9b00dbd8u);
    const uint32_t c1[4] = {0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u};
    const uint32_t k1[2] = {0xa4093822u, 0x299f31d0u};
    satstat_philox4x32(c1, k1, out);
    ck_assert_uint_eq(out[0], 0xd16cfe09u);
    ck_assert_uint_eq(out[1], 0x94fdccebu);
    ck_assert_uint_eq(out[2], 0x5001e420u);
    ck_assert_uint_eq(out[3], 0x24126ea1u);
}
END_TEST

/* The stream layout of satstat/rng.h: word j of a stream is word j mod 4
 * of the Philox block with counter {j/4, neuron lo, neuron hi, stream}. */
START_TEST(stream_layout)
{
    uint64_t seed = UINT64_C(0x0123456789abcdef), neuron = UINT64_C(0x500000007);
    uint32_t stream = satstat_stream_id("scaled", SATSTAT_DOMAIN_WEIGHTS);
    uint32_t words[12];
    satstat_stream_words(seed, stream, neuron, 4, 12, words);
    for (int b = 0; b < 3; b++) {
        uint32_t ctr[4] = {(uint32_t)(b + 1), 7u, 5u, stream};
        uint32_t key[2] = {0x89abcdefu, 0x01234567u}, out[4];
        satstat_philox4x32(ctr, key, out);
        for (int k = 0; k < 4; k++)
            ck_assert_uint_eq(words[4 * b + k], out[k]);
    }
}
END_TEST

START_TEST(stream_ids)
{
    uint32_t a = satstat_stream_id("standard", SATSTAT_DOMAIN_WEIGHTS);
    uint32_t b = satstat_stream_id("scaled", SATSTAT_DOMAIN_WEIGHTS);
    uint32_t c = satstat_stream_id("standard", SATSTAT_DOMAIN_BIAS);
    ck_assert_uint_ne(a, b);
    ck_assert_uint_ne(a, c);
    ck_assert_uint_eq(a & 3u, 0u);
    ck_assert_uint_eq(c & 3u, 1u);
    ck_assert_uint_eq(satstat_stream_id("standard", SATSTAT_DOMAIN_INPUTS) & 3u, 2u);
    /* a pure function of the text */
    ck_assert_uint_eq(a, satstat_stream_id("standard", SATSTAT_DOMAIN_WEIGHTS));
}
END_TEST

/* The largest radius: k1 = 0 gives u = 2^-32, r = √(64 ln 2) = 6.6604; the
 * angle word 0x20000000 is α = 0 in quadrant 0, so the cosine branch is r. */
START_TEST(box_muller_extremes)
{
    double rmax = sqrt(64.0 * log(2.0));
    float n = satstat_box_muller(0u, 0x20000000u, 0);
    ck_assert_double_eq_tol(n, rmax, 2e-5 * rmax);
    ck_assert(n >= 6.6f);
    ck_assert(fabsf(satstat_box_muller(0u, 0x20000000u, 1)) < 1e-6f);
    /* quadrants 1..3 rotate the point by π/2 each */
    ck_assert_double_eq_tol(satstat_box_muller(0u, 0x60000000u, 1), rmax, 2e-5 * rmax);
    ck_assert_double_eq_tol(satstat_box_muller(0u, 0xa0000000u, 0), -rmax, 2e-5 * rmax);
    ck_assert_double_eq_tol(satstat_box_muller(0u, 0xe0000000u, 1), -rmax, 2e-5 * rmax);
    /* u rounds to 1 at the top: radius 0, never NaN */
    for (uint32_t k = 0xffffff00u; k != 0; k++) {
        float v = satstat_box_muller(k, 0x12345678u, (int)(k & 1u));
        ck_assert(isfinite(v));
        ck_assert(fabsf(v) < 1e-3f);
    }
}
END_TEST

/* Against libm in double over a grid of words: the polynomial log, sin and
 * cos keep each normal within 2e-6 absolute (a few float ulps at 6). */
START_TEST(box_muller_accuracy)
{
    double worst = 0;
    for (uint32_t i = 0; i < 200000; i++) {
        uint32_t k1 = i * 21475u + (i >> 3), k2 = i * 2654435761u;
        /* u as the transform rounds it to float: near u = 1 that rounding
         * (not the polynomials) sets the radius, by design */
        double u = (double)((float)(int32_t)(k1 >> 1) * 0x1p-31f + 0x1p-32f);
        double r = sqrt(-2.0 * log(u));
        uint32_t q = k2 >> 30;
        double a = ((double)((int32_t)(k2 & 0x3fffffffu) - 0x20000000)) * (M_PI / 2) * 0x1p-30;
        double theta = q * (M_PI / 2) + a;
        double c = r * cos(theta), s = r * sin(theta);
        double e1 = fabs(satstat_box_muller(k1, k2, 0) - c);
        double e2 = fabs(satstat_box_muller(k1, k2, 1) - s);
        worst = fmax(worst, fmax(e1, e2));
    }
    ck_assert_msg(worst < 2e-6, "worst error %g", worst);
}
END_TEST

START_TEST(uniform_open_interval)
{
    ck_assert(satstat_uniform_from_bits(0) > 0.0);
    ck_assert(satstat_uniform_from_bits(0xffffffffu) < 1.0);
    ck_assert_double_eq(satstat_uniform_from_bits(0x80000000u), 0.5 + 0x1p-33);
}
END_TEST

/* Raw draws of the normal stream: moments through kurtosis, tails beyond
 * 3σ and 4σ, and a chi-square over 100 equiprobable bins.  Pinned seed;
 * every check is a test at level 1e-6 so it does not flake. */
START_TEST(normal_draws_law)
{
    enum { N = 2000000, NEURONS = 1000, PER = N / NEURONS, BINS = 100 };
    float *v = malloc(PER * sizeof *v);
    uint64_t bins[BINS] = {0};
    double prob[BINS];
    uint64_t beyond3 = 0, beyond4 = 0;
    satstat_moments m;
    satstat_moments_init(&m);
    uint32_t stream = satstat_stream_id("standard", SATSTAT_DOMAIN_WEIGHTS);
    for (uint64_t neuron = 0; neuron < NEURONS; neuron++) {
        satstat_stream_normals(42, stream, neuron, 0, PER, v);
        for (int i = 0; i < PER; i++) {
            double x = v[i];
            satstat_moments_push(&m, x);
            beyond3 += fabs(x) > 3;
            beyond4 += fabs(x) > 4;
            int b = (int)(gsl_cdf_ugaussian_P(x) * BINS);
            bins[b < BINS ? b : BINS - 1]++;
        }
    }
    free(v);
    double n = (double)m.n;
    /* mean, variance, skewness, excess kurtosis: standard errors
     * 1/√n, √(2/n), √(6/n), √(24/n); 5 sigma */
    ck_assert_double_le(fabs(m.mean), 5 / sqrt(n));
    ck_assert_double_le(fabs(satstat_moments_variance(&m) - 1), 5 * sqrt(2 / n));
    ck_assert_double_le(fabs(satstat_moments_skewness(&m)), 5 * sqrt(6 / n));
    ck_assert_double_le(fabs(satstat_moments_excess_kurtosis(&m)), 5 * sqrt(24 / n));
    satstat_test t;
    ck_assert_int_eq(satstat_binomial_test(beyond3, m.n, 2 * gsl_cdf_ugaussian_Q(3), &t), 0);
    ck_assert_msg(t.p_value > 1e-6, "P(|x|>3) off: %llu, p %g", (unsigned long long)beyond3, t.p_value);
    ck_assert_int_eq(satstat_binomial_test(beyond4, m.n, 2 * gsl_cdf_ugaussian_Q(4), &t), 0);
    ck_assert_msg(t.p_value > 1e-6, "P(|x|>4) off: %llu, p %g", (unsigned long long)beyond4, t.p_value);
    for (int b = 0; b < BINS; b++)
        prob[b] = 1.0 / BINS;
    size_t dof;
    ck_assert_int_eq(satstat_chisq_gof(bins, prob, BINS, &t, &dof), 0);
    ck_assert_msg(t.p_value > 1e-6, "chi-square p %g", t.p_value);
}
END_TEST

/* A wrong transform is caught: the same checks reject uniform draws with
 * the right variance (what checks on z alone would let through). */
START_TEST(law_checks_have_power)
{
    enum { N = 200000 };
    satstat_moments m;
    satstat_moments_init(&m);
    uint32_t stream = satstat_stream_id("uniform:1", SATSTAT_DOMAIN_WEIGHTS);
    double *u = malloc(N * sizeof *u);
    satstat_stream_uniforms(7, stream, 0, 0, N, u);
    for (int i = 0; i < N; i++)
        satstat_moments_push(&m, sqrt(3.0) * (2 * u[i] - 1));
    free(u);
    double n = (double)m.n;
    ck_assert_double_le(fabs(satstat_moments_variance(&m) - 1), 5 * sqrt(2 / n));
    /* excess kurtosis of a uniform is −1.2: far outside 5√(24/n) */
    ck_assert_double_gt(fabs(satstat_moments_excess_kurtosis(&m)), 5 * sqrt(24 / n));
}
END_TEST

START_TEST(uniform_draws_law)
{
    enum { N = 1000000, BINS = 64 };
    double *u = malloc(N * sizeof *u);
    uint64_t bins[BINS] = {0};
    double prob[BINS];
    satstat_moments m;
    satstat_moments_init(&m);
    satstat_stream_uniforms(3, satstat_stream_id("uniform:0.1", SATSTAT_DOMAIN_WEIGHTS),
                            9, 0, N, u);
    for (int i = 0; i < N; i++) {
        ck_assert(u[i] > 0 && u[i] < 1);
        satstat_moments_push(&m, u[i]);
        bins[(int)(u[i] * BINS)]++;
    }
    free(u);
    double n = (double)m.n;
    ck_assert_double_le(fabs(m.mean - 0.5), 5 * sqrt(1.0 / 12 / n));
    ck_assert_double_le(fabs(satstat_moments_variance(&m) - 1.0 / 12), 5 * sqrt(1.0 / 180 / n));
    for (int b = 0; b < BINS; b++)
        prob[b] = 1.0 / BINS;
    satstat_test t;
    size_t dof;
    ck_assert_int_eq(satstat_chisq_gof(bins, prob, BINS, &t, &dof), 0);
    ck_assert_msg(t.p_value > 1e-6, "chi-square p %g", t.p_value);
}
END_TEST

/* The truncated normal's Φ⁻¹ (Acklam, with our own branch-free log)
 * against GSL's, over the whole open interval the kernel can reach:
 * relative error within Acklam's 1.15e-9 (plus a little for the log). */
START_TEST(normal_quantile_accuracy)
{
    double worst = 0.0;
    for (int i = 1; i < 200000; i++) {
        double p = i / 200000.0;
        double want = gsl_cdf_ugaussian_Pinv(p), got = satstat_normal_quantile(p);
        double err = fabs(got - want) / (fabs(want) > 1e-3 ? fabs(want) : 1e-3);
        worst = err > worst ? err : worst;
    }
    /* the tails, down to the smallest uniform (2^-33) and below */
    for (double p = 0x1p-40; p < 0.03; p *= 1.1) {
        double want = gsl_cdf_ugaussian_Pinv(p), got = satstat_normal_quantile(p);
        double err = fabs(got - want) / fabs(want);
        worst = err > worst ? err : worst;
        double up = satstat_normal_quantile(1.0 - p);
        ck_assert_msg(fabs(up + got) <= 1e-9 * fabs(got) + 1e-15 * fabs(want) / p,
                      "asymmetric at %g: %.17g vs %.17g", p, up, got);
    }
    ck_assert_msg(worst < 1.2e-9, "worst relative error %g", worst);
    ck_assert(satstat_normal_quantile(0.5) == 0.0);
    ck_assert(isinf(satstat_normal_quantile(0.0)) && satstat_normal_quantile(0.0) < 0);
    ck_assert(isnan(satstat_normal_quantile(1.5)));
}
END_TEST


/* The fast fill (SIMD batches, ragged ends through a scratch batch) gives
 * exactly the scalar reference's numbers for every alignment of the
 * range, on every SIMD path this CPU has. */
START_TEST(fill_matches_reference)
{
    static const char *paths[] = {"avx512vbmi", "avx512", "avx2", "baseline"};
    enum { MAX = 300 };
    float ref[MAX], fast[MAX];
    for (size_t p = 0; p < sizeof paths / sizeof paths[0]; p++) {
        if (!test_use_simd(paths[p]))
            continue; /* this CPU lacks it */
        for (uint64_t first = 0; first < 140; first += 13)
            for (size_t n = 0; n <= 200; n += 7) {
                satstat_stream_normals(42, 0x1234u, 77, first, n, ref);
                memset(fast, 0, sizeof fast);
                satstat_fill_normals(42, 0x1234u, 77, first, n, fast);
                ck_assert_int_eq(memcmp(ref, fast, n * sizeof *ref), 0);
            }
        /* near the end of the 32-bit batch index: the scalar fallback */
        uint64_t edge = (UINT64_C(1) << 38) - 100;
        satstat_stream_normals(5, 9, 1, edge, 250, ref);
        satstat_fill_normals(5, 9, 1, edge, 250, fast);
        ck_assert_int_eq(memcmp(ref, fast, 250 * sizeof *ref), 0);
    }
    unsetenv("SATSTAT_SIMD");
}
END_TEST

/* The ziggurat's r (tests/ref/ziggurat_tables.py, mpmath): the base
 * layer's edge; every draw beyond it comes from the tail steps. */
#define ZIG_R 3.6541528853610087716

/* The ziggurat through the SIMD fill equals the scalar reference on every
 * path, for every alignment, and over a range long enough to hold wedge
 * rejections, re-drawn candidates and tail draws (counted, so the test
 * knows it met them); at the 32-bit batch edge too. */
START_TEST(ziggurat_fill_matches_reference)
{
    static const char *paths[] = {"avx512vbmi", "avx512", "avx2", "baseline"};
    enum { MAX = 300, LONG = 200000 };
    float ref[MAX], fast[MAX];
    float *lref = malloc(LONG * sizeof *lref), *lfast = malloc(LONG * sizeof *lfast);
    const satstat_transform z = SATSTAT_TRANSFORM_ZIGGURAT;
    satstat_stream_normals_with(z, 42, 0x1235u, 78, 3, LONG, lref);
    size_t tail = 0;
    for (size_t i = 0; i < LONG; i++)
        tail += fabsf(lref[i]) > (float)ZIG_R;
    /* 2·Q(r)·LONG ≈ 52 expected */
    ck_assert_msg(tail >= 20, "only %zu tail draws", tail);
    for (size_t p = 0; p < sizeof paths / sizeof paths[0]; p++) {
        if (!test_use_simd(paths[p]))
            continue; /* this CPU lacks it */
        for (uint64_t first = 0; first < 140; first += 13)
            for (size_t n = 0; n <= 200; n += 7) {
                satstat_stream_normals_with(z, 42, 0x1234u, 77, first, n, ref);
                memset(fast, 0, sizeof fast);
                satstat_fill_normals_with(z, 42, 0x1234u, 77, first, n, fast);
                ck_assert_int_eq(memcmp(ref, fast, n * sizeof *ref), 0);
            }
        uint64_t edge = (UINT64_C(1) << 38) - 100;
        satstat_stream_normals_with(z, 5, 9, 1, edge, 250, ref);
        satstat_fill_normals_with(z, 5, 9, 1, edge, 250, fast);
        ck_assert_int_eq(memcmp(ref, fast, 250 * sizeof *ref), 0);
        memset(lfast, 0, LONG * sizeof *lfast);
        satstat_fill_normals_with(z, 42, 0x1235u, 78, 3, LONG, lfast);
        ck_assert_msg(memcmp(lref, lfast, LONG * sizeof *lref) == 0, "%s differs", paths[p]);
    }
    unsetenv("SATSTAT_SIMD");
    /* the default functions are the default transform's */
    satstat_stream_normals_with(SATSTAT_TRANSFORM_DEFAULT, 42, 0x1234u, 77, 0, MAX, ref);
    satstat_stream_normals(42, 0x1234u, 77, 0, MAX, fast);
    ck_assert_int_eq(memcmp(ref, fast, sizeof ref), 0);
    /* and the two transforms differ */
    satstat_stream_normals_with(SATSTAT_TRANSFORM_BOX_MULLER, 42, 0x1234u, 77, 0, MAX, ref);
    satstat_stream_normals_with(z, 42, 0x1234u, 77, 0, MAX, fast);
    ck_assert_int_ne(memcmp(ref, fast, sizeof ref), 0);
    free(lref);
    free(lfast);
}
END_TEST

static double normal_cdf(double x, void *ctx)
{
    (void)ctx;
    return gsl_cdf_ugaussian_P(x);
}

/* P(X ≤ x | X > r) for a standard normal X. */
static double tail_cdf(double x, void *ctx)
{
    (void)ctx;
    return 1.0 - gsl_cdf_ugaussian_Q(x) / gsl_cdf_ugaussian_Q(ZIG_R);
}

/* The ziggurat's normals against the exact normal law, pinned seed: moments
 * through kurtosis (5 standard errors), the counts beyond 3, 4, 5 and 6σ
 * (binomial tests at 1e-6; beyond 6σ, expected 0.02, at most 3), KS and
 * Anderson–Darling on 5e4 draws, and the tail draws (|x| > r) of 4e7
 * against the exact conditional law of the tail by KS, which checks the tail steps
 * (Marsaglia 1964) where the global tests have no power. */
START_TEST(ziggurat_draws_law)
{
    enum { N = 10000000, TAIL_N = 40000000, PER = 100000, KS_N = 50000, TAIL_MAX = 20000 };
    float *v = malloc(PER * sizeof *v);
    double *sample = malloc(KS_N * sizeof *sample), *tail = malloc(TAIL_MAX * sizeof *tail);
    uint64_t beyond[4] = {0};
    size_t n_tail = 0, n_sample = 0;
    satstat_moments m;
    satstat_moments_init(&m);
    uint32_t stream = satstat_stream_id("standard", SATSTAT_DOMAIN_WEIGHTS);
    for (uint64_t neuron = 0; neuron < TAIL_N / PER; neuron++) {
        satstat_fill_normals_with(SATSTAT_TRANSFORM_ZIGGURAT, 2024, stream, neuron, 0, PER, v);
        for (int i = 0; i < PER; i++) {
            double x = v[i], ax = fabs(x);
            if (ax > ZIG_R && n_tail < TAIL_MAX)
                tail[n_tail++] = ax;
            if (neuron >= N / PER)
                continue; /* the tail's draws only */
            satstat_moments_push(&m, x);
            for (int k = 0; k < 4; k++)
                beyond[k] += ax > 3 + k;
            if (n_sample < KS_N && i % 200 == 0)
                sample[n_sample++] = x;
        }
    }
    free(v);
    double n = (double)m.n;
    ck_assert_double_le(fabs(m.mean), 5 / sqrt(n));
    ck_assert_double_le(fabs(satstat_moments_variance(&m) - 1), 5 * sqrt(2 / n));
    ck_assert_double_le(fabs(satstat_moments_skewness(&m)), 5 * sqrt(6 / n));
    ck_assert_double_le(fabs(satstat_moments_excess_kurtosis(&m)), 5 * sqrt(24 / n));
    satstat_test t;
    for (int k = 0; k < 3; k++) {
        ck_assert_int_eq(satstat_binomial_test(beyond[k], m.n, 2 * gsl_cdf_ugaussian_Q(3 + k), &t), 0);
        ck_assert_msg(t.p_value > 1e-6, "P(|x|>%d) off: %llu, p %g", 3 + k,
                      (unsigned long long)beyond[k], t.p_value);
    }
    ck_assert_uint_le(beyond[3], 3);
    ck_assert_uint_eq(n_sample, KS_N);
    ck_assert_int_eq(satstat_ks_test(sample, KS_N, normal_cdf, NULL, &t), 0);
    ck_assert_msg(t.p_value > 1e-6, "KS p %g", t.p_value);
    ck_assert_int_eq(satstat_ad_test(sample, KS_N, normal_cdf, NULL, &t), 0);
    ck_assert_msg(t.p_value > 1e-6, "AD p %g", t.p_value);
    /* 2·Q(r)·TAIL_N ≈ 10300 tail draws: enough to see a tail without
     * its acceptance test (an exponential: 5 % off in CDF) */
    ck_assert_uint_gt(n_tail, 9000);
    ck_assert_int_eq(satstat_ks_test(tail, n_tail, tail_cdf, NULL, &t), 0);
    ck_assert_msg(t.p_value > 1e-6, "tail KS p %g (%zu draws)", t.p_value, n_tail);
    free(sample);
    free(tail);
}
END_TEST

START_TEST(transform_names)
{
    satstat_transform t;
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_str_eq(satstat_transform_label(SATSTAT_TRANSFORM_BOX_MULLER),
                     "box-muller-f32-cephes/1");
    ck_assert_str_eq(satstat_transform_label(SATSTAT_TRANSFORM_ZIGGURAT), "ziggurat-256-f32/1");
    ck_assert_ptr_null(satstat_transform_label((satstat_transform)7));
    ck_assert_str_eq(satstat_transform_name(), satstat_transform_label(SATSTAT_TRANSFORM_DEFAULT));
    for (int k = 0; k < SATSTAT_TRANSFORM_COUNT; k++) {
        ck_assert_int_eq(satstat_transform_from_name(
                             satstat_transform_label((satstat_transform)k), &t, msg, sizeof msg), 0);
        ck_assert_int_eq(t, k);
    }
    ck_assert_int_eq(satstat_transform_from_name("ziggurat", &t, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_ptr_nonnull(strstr(msg, "did you mean 'ziggurat-256-f32/1'"));
    ck_assert_int_eq(satstat_transform_from_name("box-muller-f32-cephes/2", &t, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_ptr_nonnull(strstr(msg, "did you mean 'box-muller-f32-cephes/1'"));
}
END_TEST

START_TEST(names)
{
    ck_assert_str_eq(satstat_generator_name(), "philox4x32-10");
    const char *p = satstat_simd_path();
    ck_assert(strcmp(p, "avx512vbmi") == 0 || strcmp(p, "avx512") == 0 || strcmp(p, "avx2") == 0 ||
              strcmp(p, "baseline") == 0);
}
END_TEST

/* The SIMD path a forced SATSTAT_SIMD gets: the forced one when this CPU
 * has it, the best otherwise; off x86-64 only the baseline is built
 * (src/meson.build), whatever is asked.  On x86-64 it checks that an
 * unknown name falls back to the best path. */
START_TEST(simd_path_forced)
{
    static const char *asked[] = {"avx512vbmi", "avx512", "avx2", "baseline", "neon", ""};
    unsetenv("SATSTAT_SIMD");
    const char *best = satstat_simd_path();
#if !defined(__x86_64__)
    ck_assert_str_eq(best, "baseline");
#endif
    for (size_t a = 0; a < sizeof asked / sizeof asked[0]; a++) {
        setenv("SATSTAT_SIMD", asked[a], 1);
        const char *got = satstat_simd_path();
#if defined(__x86_64__)
        int known = a < 4;
        ck_assert_msg(known ? (strcmp(got, asked[a]) == 0 || strcmp(got, best) == 0)
                            : strcmp(got, best) == 0,
                      "SATSTAT_SIMD=%s gave %s (best %s)", asked[a], got, best);
#else
        ck_assert_msg(strcmp(got, "baseline") == 0, "SATSTAT_SIMD=%s gave %s off x86-64",
                      asked[a], got);
#endif
    }
    /* baseline is always there */
    setenv("SATSTAT_SIMD", "baseline", 1);
    ck_assert_str_eq(satstat_simd_path(), "baseline");
    unsetenv("SATSTAT_SIMD");
}
END_TEST

static Suite *rng_suite(void)
{
    Suite *s = suite_create("rng");
    TCase *tc = tcase_create("philox");
    tcase_add_test(tc, philox_known_answers);
    tcase_add_test(tc, stream_layout);
    tcase_add_test(tc, stream_ids);
    suite_add_tcase(s, tc);
    tc = tcase_create("transform");
    tcase_add_test(tc, box_muller_extremes);
    tcase_add_test(tc, box_muller_accuracy);
    tcase_add_test(tc, uniform_open_interval);
    tcase_add_test(tc, normal_quantile_accuracy);
    tcase_add_test(tc, names);
    tcase_add_test(tc, simd_path_forced);
    tcase_add_test(tc, fill_matches_reference);
    tcase_add_test(tc, ziggurat_fill_matches_reference);
    tcase_add_test(tc, transform_names);
    suite_add_tcase(s, tc);
    tc = tcase_create("law of the raw draws");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, normal_draws_law);
    tcase_add_test(tc, uniform_draws_law);
    tcase_add_test(tc, law_checks_have_power);
    tcase_add_test(tc, ziggurat_draws_law);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(rng_suite)
