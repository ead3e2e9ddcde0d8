/* test_sampler.c — the sampler draws weights (never z), gives the same
 * bits for any thread count and SIMD path, and its streamed summary equals
 * the statistics of the z values it drew. */
#include <check.h>
#include <pthread.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_cdf.h>

#include <satstat/satstat.h>
#include "common.h"

static satstat_config small_config(const char *schemes, uint64_t n_in,
                                   uint64_t samples)
{
    satstat_config c = test_config(schemes, samples);
    c.n_in = n_in;
    test_config_validate(&c);
    return c;
}

static satstat_summary *run(const satstat_config *c, size_t scheme, unsigned threads)
{
    satstat_config copy = *c;
    copy.threads = threads;
    satstat_analytic a;
    satstat_layout l;
    ck_assert_int_eq(satstat_analytic_compute(&copy, &copy.schemes[scheme], &a), 0);
    satstat_layout_default(a.mean, a.variance, a.threshold, copy.samples, &l);
    satstat_summary *s = NULL;
    ck_assert_int_eq(satstat_sample(&copy, &copy.schemes[scheme], &l, NULL, NULL, &s), 0);
    return s;
}

static int same_bits(const satstat_summary *a, const satstat_summary *b)
{
    if (memcmp(satstat_summary_z(a), satstat_summary_z(b), sizeof(satstat_moments)) ||
        memcmp(satstat_summary_dphi(a), satstat_summary_dphi(b), sizeof(satstat_moments)) ||
        satstat_summary_saturated(a) != satstat_summary_saturated(b))
        return 0;
    uint64_t ua, oa, ub, ob;
    const gsl_histogram *ha = satstat_summary_histogram(a, &ua, &oa);
    const gsl_histogram *hb = satstat_summary_histogram(b, &ub, &ob);
    if (ua != ub || oa != ob || ha->n != hb->n ||
        memcmp(ha->bin, hb->bin, ha->n * sizeof(double)))
        return 0;
    size_t na, nb;
    const uint64_t *ca = satstat_summary_abs_counts(a, &na, NULL);
    const uint64_t *cb = satstat_summary_abs_counts(b, &nb, NULL);
    if (na != nb || memcmp(ca, cb, na * sizeof *ca))
        return 0;
    const double *sa = satstat_summary_subsample(a, &na);
    const double *sb = satstat_summary_subsample(b, &nb);
    return na == nb && memcmp(sa, sb, na * sizeof *sa) == 0;
}

/* 70 blocks: two rounds, the second partial, a merge tree of 3 nodes. */
START_TEST(thread_count_invariance)
{
    satstat_config c = small_config("standard,uniform:0.2", 200,
                                    70 * SATSTAT_BLOCK_NEURONS - 123);
    c.inputs.kind = SATSTAT_INPUTS_BERNOULLI; /* exercise the input stream */
    c.inputs.p = 0.3;
    for (size_t s = 0; s < 2; s++) {
        satstat_summary *one = run(&c, s, 1);
        satstat_summary *two = run(&c, s, 2);
        satstat_summary *three = run(&c, s, 3);
        ck_assert(same_bits(one, two));
        ck_assert(same_bits(one, three));
        satstat_summary_free(one);
        satstat_summary_free(two);
        satstat_summary_free(three);
    }
}
END_TEST

START_TEST(seeds_differ)
{
    satstat_config c = small_config("scaled", 100, 3000);
    satstat_summary *a = run(&c, 0, 1);
    c.seed = 2;
    satstat_summary *b = run(&c, 0, 1);
    ck_assert(satstat_summary_z(a)->mean != satstat_summary_z(b)->mean);
    satstat_summary_free(a);
    satstat_summary_free(b);
}
END_TEST

/* A scheme's stream is keyed by its canonical spec, not its position. */
START_TEST(scheme_keyed_by_spec)
{
    satstat_config alone = small_config("scaled", 300, 4000);
    satstat_config pair = small_config("standard,scaled", 300, 4000);
    satstat_config spelled = small_config("normal:1,scaled", 300, 4000);
    satstat_summary *a = run(&alone, 0, 2);
    satstat_summary *b = run(&pair, 1, 1);
    ck_assert(same_bits(a, b));
    satstat_summary *std = run(&pair, 0, 1);
    satstat_summary *n1 = run(&spelled, 0, 1);
    /* normal:1 has the law of standard but its own stream */
    ck_assert(!same_bits(std, n1));
    satstat_summary_free(a);
    satstat_summary_free(b);
    satstat_summary_free(std);
    satstat_summary_free(n1);
}
END_TEST

/* Every SIMD path this CPU has gives the same bits as the baseline. */
START_TEST(simd_paths_identical)
{
    satstat_config c = small_config("standard,uniform:1", 1000, 300);
    c.bias.law.family = SATSTAT_FAMILY_UNIFORM;
    c.bias.law.a = -0.5;
    c.bias.law.b = 0.5;
    static const char *paths[] = {"baseline", "avx2", "avx512", "avx512vbmi"};
    for (size_t s = 0; s < 2; s++) {
        double ref[300], z[300];
        setenv("SATSTAT_SIMD", "baseline", 1);
        ck_assert_str_eq(satstat_simd_path(), "baseline");
        ck_assert_int_eq(satstat_sample_z(&c, &c.schemes[s], 1000, 300, ref), 0);
        for (int p = 1; p < 4; p++) {
            if (!test_use_simd(paths[p]))
                continue; /* this CPU lacks it */
            ck_assert_int_eq(satstat_sample_z(&c, &c.schemes[s], 1000, 300, z), 0);
            ck_assert_msg(memcmp(z, ref, sizeof z) == 0, "%s differs", paths[p]);
        }
    }
    unsetenv("SATSTAT_SIMD");
}
END_TEST

/* z of neurons first .. first+9 from the kernel equals Σ w_j x_j + b
 * recomputed from the raw draws. */
static void check_z_from_draws_at(satstat_config *c, uint64_t first)
{
    satstat_scheme *s = &c->schemes[0];
    size_t n = (size_t)c->n_in;
    double *w = malloc(n * sizeof *w), *x = malloc(n * sizeof *x), z[10];
    ck_assert_int_eq(satstat_sample_z(c, s, first, 10, z), 0);
    for (int i = 0; i < 10; i++) {
        double b, sum = 0, scale = 0;
        ck_assert_int_eq(satstat_sample_weights(c, s, first + (uint64_t)i, 0, n, w), 0);
        ck_assert_int_eq(satstat_sample_inputs(c, s, first + (uint64_t)i, 0, n, x), 0);
        ck_assert_int_eq(satstat_sample_bias(c, s, first + (uint64_t)i, &b), 0);
        for (size_t j = 0; j < n; j++) {
            sum += w[j] * x[j];
            scale += fabs(w[j] * x[j]);
        }
        ck_assert_double_eq_tol(z[i], sum + b, 1e-12 * (scale + fabs(b)) + 1e-300);
    }
    free(w);
    free(x);
}

static void check_z_from_draws(satstat_config *c)
{
    check_z_from_draws_at(c, 77);
}

START_TEST(z_is_the_sum_of_drawn_weights)
{
    satstat_config c = small_config("standard", 1000, 10);
    check_z_from_draws(&c); /* half: 500 of 1000, not a multiple of 64 */
    c = small_config("uniform:0.3", 130, 10);
    c.inputs.kind = SATSTAT_INPUTS_ONES;
    c.bias.law.family = SATSTAT_FAMILY_CONSTANT;
    c.bias.law.a = 0.25;
    check_z_from_draws(&c);
    c = small_config("scaled", 333, 10);
    c.inputs.kind = SATSTAT_INPUTS_BERNOULLI;
    c.inputs.p = 0.25;
    c.bias.law.family = SATSTAT_FAMILY_UNIFORM;
    c.bias.law.a = -2;
    c.bias.law.b = 1;
    check_z_from_draws(&c);
}
END_TEST

/* The ziggurat transform through the kernel: z is the sum of the scalar
 * reference's draws (weights, normal inputs, normal bias), every SIMD path
 * gives the same bits, and so does every thread count.  n_in 3000 with
 * half the inputs on: 24 batches per neuron, two chunks of the kernel's
 * rejection list (kernel.c). */
START_TEST(ziggurat_through_the_kernel)
{
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_config c = small_config("standard", 3000, 10);
    c.transform = SATSTAT_TRANSFORM_ZIGGURAT;
    check_z_from_draws(&c);
    /* n_in 1000, 500 on: the kernel makes the weights of 8 neurons and
     * then finishes their rejections together (zig_group), here across
     * neuron 2^32, where the neuron's high counter word changes */
    c = small_config("standard", 1000, 10);
    c.transform = SATSTAT_TRANSFORM_ZIGGURAT;
    check_z_from_draws_at(&c, (UINT64_C(1) << 32) - 5);
    c = small_config("scaled", 700, 10);
    c.transform = SATSTAT_TRANSFORM_ZIGGURAT;
    ck_assert_int_eq(satstat_inputs_parse("normal:2", &c.inputs, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    check_z_from_draws(&c);

    satstat_config d = small_config("standard,he-normal", 3000, 600);
    d.transform = SATSTAT_TRANSFORM_ZIGGURAT;
    ck_assert_int_eq(satstat_inputs_parse("normal:1", &d.inputs, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&d, NULL, msg, sizeof msg), 0);
    static const char *paths[] = {"baseline", "avx2", "avx512", "avx512vbmi"};
    static double ref[300], z[300];
    for (size_t s = 0; s < 2; s++) {
        setenv("SATSTAT_SIMD", "baseline", 1);
        ck_assert_int_eq(satstat_sample_z(&d, &d.schemes[s], 1000, 300, ref), 0);
        for (int p = 1; p < 4; p++) {
            if (!test_use_simd(paths[p]))
                continue; /* this CPU lacks it */
            ck_assert_int_eq(satstat_sample_z(&d, &d.schemes[s], 1000, 300, z), 0);
            ck_assert_msg(memcmp(z, ref, sizeof z) == 0, "%s differs", paths[p]);
        }
        unsetenv("SATSTAT_SIMD");
        satstat_summary *one = run(&d, s, 1);
        satstat_summary *two = run(&d, s, 2);
        ck_assert(same_bits(one, two));
        /* and the transform matters: Box–Muller gives other numbers */
        satstat_config e = d;
        e.transform = SATSTAT_TRANSFORM_BOX_MULLER;
        satstat_summary *bm = run(&e, s, 1);
        ck_assert(!same_bits(one, bm));
        satstat_summary_free(one);
        satstat_summary_free(two);
        satstat_summary_free(bm);
    }
    /* the grouped path (n_in 1000, 500 on) on every SIMD path, 300
     * neurons from 2^32 − 100: groups of 8 that cross the high word */
    satstat_config g = small_config("standard", 1000, 300);
    g.transform = SATSTAT_TRANSFORM_ZIGGURAT;
    uint64_t first = (UINT64_C(1) << 32) - 100;
    setenv("SATSTAT_SIMD", "baseline", 1);
    ck_assert_int_eq(satstat_sample_z(&g, &g.schemes[0], first, 300, ref), 0);
    for (int p = 1; p < 4; p++) {
        if (!test_use_simd(paths[p]))
            continue;
        ck_assert_int_eq(satstat_sample_z(&g, &g.schemes[0], first, 300, z), 0);
        ck_assert_msg(memcmp(z, ref, sizeof z) == 0, "%s differs (grouped)", paths[p]);
    }
    unsetenv("SATSTAT_SIMD");
    satstat_config_free(&g);
    satstat_config_free(&d);
    satstat_config_free(&c);
}
END_TEST

/* The streamed summary is the statistics of the z values drawn. */
START_TEST(summary_matches_direct)
{
    satstat_config c = small_config("standard", 200, 2 * SATSTAT_BLOCK_NEURONS + 500);
    satstat_summary *s = run(&c, 0, 2);
    size_t n = (size_t)c.samples;
    double *z = malloc(n * sizeof *z);
    ck_assert_int_eq(satstat_sample_z(&c, &c.schemes[0], 0, n, z), 0);
    satstat_moments m;
    satstat_moments_init(&m);
    uint64_t sat = 0;
    for (size_t i = 0; i < n; i++) {
        satstat_moments_push(&m, z[i]);
        sat += fabs(z[i]) >= c.threshold;
    }
    const satstat_moments *ms = satstat_summary_z(s);
    ck_assert_uint_eq(ms->n, n);
    ck_assert_double_eq_tol(ms->mean, m.mean, 1e-12 * sqrt(m.m2 / n));
    ck_assert_double_eq_tol(ms->m2, m.m2, 1e-10 * m.m2);
    ck_assert_double_eq_tol(ms->m4, m.m4, 1e-9 * m.m4);
    ck_assert_uint_eq(satstat_summary_saturated(s), sat);
    size_t ns;
    const double *sub = satstat_summary_subsample(s, &ns);
    ck_assert_uint_eq(ns, n < 5000 ? n : 5000);
    ck_assert(memcmp(sub, z, ns * sizeof *z) == 0);
    uint64_t under, over;
    const gsl_histogram *h = satstat_summary_histogram(s, &under, &over);
    ck_assert_double_eq(gsl_histogram_sum(h) + (double)(under + over), (double)n);
    size_t bins;
    double step;
    const uint64_t *abs_counts = satstat_summary_abs_counts(s, &bins, &step);
    uint64_t tail = 0;
    size_t k_t = (size_t)llround(c.threshold / step);
    for (size_t k = k_t; k < bins; k++)
        tail += abs_counts[k];
    ck_assert_uint_eq(tail, sat);
    free(z);
    satstat_summary_free(s);
}
END_TEST

/* One block: its moments are the two-pass ones of its z
 * (satstat_moments_push_array), bit for bit; with the transform of earlier
 * builds, the push per value those builds made, bit for bit, so that their
 * reports come back unchanged. */
START_TEST(block_moments_by_transform)
{
    for (int legacy = 0; legacy < 2; legacy++) {
        satstat_config c = small_config("standard", 200, SATSTAT_BLOCK_NEURONS - 3);
        c.transform = legacy ? SATSTAT_TRANSFORM_BOX_MULLER : SATSTAT_TRANSFORM_ZIGGURAT;
        satstat_summary *s = run(&c, 0, 1);
        size_t n = (size_t)c.samples;
        double z[SATSTAT_BLOCK_NEURONS];
        ck_assert_int_eq(satstat_sample_z(&c, &c.schemes[0], 0, n, z), 0);
        satstat_moments m;
        satstat_moments_init(&m);
        if (legacy)
            for (size_t i = 0; i < n; i++)
                satstat_moments_push(&m, z[i]);
        else
            satstat_moments_push_array(&m, z, n);
        ck_assert_msg(memcmp(satstat_summary_z(s), &m, sizeof m) == 0,
                      "legacy %d: the summary's moments are not the block's", legacy);
        satstat_summary_free(s);
    }
}
END_TEST

static int cancel_now(void *ctx, uint64_t done, uint64_t total)
{
    (void)done;
    (void)total;
    ++*(int *)ctx;
    return 1;
}

START_TEST(cancel_and_errors)
{
    satstat_config c = small_config("scaled", 50, 100000);
    satstat_analytic a;
    satstat_layout l;
    ck_assert_int_eq(satstat_analytic_compute(&c, &c.schemes[0], &a), 0);
    satstat_layout_default(a.mean, a.variance, a.threshold, c.samples, &l);
    satstat_summary *s = NULL;
    int calls = 0;
    ck_assert_int_eq(satstat_sample(&c, &c.schemes[0], &l, cancel_now, &calls, &s),
                     SATSTAT_ECANCELED);
    ck_assert_int_eq(calls, 1);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(satstat_sample(NULL, &c.schemes[0], &l, NULL, NULL, &s), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_sample(&c, NULL, &l, NULL, NULL, &s), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_sample(&c, &c.schemes[0], NULL, NULL, NULL, &s), SATSTAT_EINVAL);
    satstat_layout bad = l;
    bad.hist_hi = bad.hist_lo;
    ck_assert_int_eq(satstat_sample(&c, &c.schemes[0], &bad, NULL, NULL, &s), SATSTAT_EINVAL);
    bad = l;
    bad.abs_step = NAN;
    ck_assert_int_eq(satstat_sample(&c, &c.schemes[0], &bad, NULL, NULL, &s), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_sample_z(&c, &c.schemes[0], 0, 1, NULL), SATSTAT_EINVAL);
}
END_TEST

/* The caller samples too, and looks at the progress inside a round, not
 * only between rounds: a cancel on the first call comes from the calling
 * thread, long before the first round (32 blocks a thread) is done, for
 * any thread count. */
typedef struct first_call {
    pthread_t caller;
    int calls, same_thread;
    uint64_t done;
} first_call;

static int cancel_first(void *ctx, uint64_t done, uint64_t total)
{
    (void)total;
    first_call *f = ctx;
    if (f->calls++ == 0) {
        f->same_thread = pthread_equal(pthread_self(), f->caller);
        f->done = done;
    }
    return 1;
}

START_TEST(cancel_inside_a_round)
{
    for (unsigned threads = 1; threads <= 3; threads++) {
        satstat_config c = small_config("scaled", 1000, 4000000);
        c.threads = threads;
        satstat_analytic a;
        satstat_layout l;
        ck_assert_int_eq(satstat_analytic_compute(&c, &c.schemes[0], &a), 0);
        satstat_layout_default(a.mean, a.variance, a.threshold, c.samples, &l);
        first_call f = {.caller = pthread_self()};
        satstat_summary *s = NULL;
        ck_assert_int_eq(satstat_sample(&c, &c.schemes[0], &l, cancel_first, &f, &s),
                         SATSTAT_ECANCELED);
        ck_assert_ptr_null(s);
        ck_assert_int_eq(f.calls, 1);
        ck_assert_msg(f.same_thread, "%u threads: progress called from another thread", threads);
        ck_assert_msg(f.done < 32u * SATSTAT_BLOCK_NEURONS * threads,
                      "%u threads: the first progress call came after %llu neurons, "
                      "not inside the first round", threads, (unsigned long long)f.done);
    }
}
END_TEST

/* ---- each scheme's weight law, on its raw draws --------------------------*/

static void check_weight_law(const char *spec, uint64_t n_in)
{
    enum { NEURONS = 400, PER = 500, BINS = 50 };
    satstat_config c = small_config(spec, n_in, 10);
    satstat_law law;
    ck_assert_int_eq(satstat_scheme_weight_law(&c.schemes[0], c.n_in, c.n_out, &law), 0);
    /* the law the report states: mean, variance, shape and CDF */
    double mu = satstat_law_mean(&law), var = satstat_law_variance(&law), sd = sqrt(var);
    double skew = satstat_law_skewness(&law), kurt = satstat_law_kurtosis(&law) - 3.0;
    static const double tails[3] = {1.5, 3.0, 4.0};
    double w[PER];
    uint64_t bins[BINS] = {0}, beyond[3] = {0};
    satstat_moments m;
    satstat_moments_init(&m);
    for (uint64_t neuron = 0; neuron < NEURONS; neuron++) {
        ck_assert_int_eq(satstat_sample_weights(&c, &c.schemes[0], neuron, 0, PER, w), 0);
        for (int i = 0; i < PER; i++) {
            satstat_moments_push(&m, w[i]);
            for (int k = 0; k < 3; k++)
                beyond[k] += fabs(w[i] - mu) > tails[k] * sd;
            double u = satstat_law_cdf(&law, w[i]);
            int b = (int)(u * BINS);
            bins[b < 0 ? 0 : b < BINS ? b : BINS - 1]++;
        }
    }
    double n = (double)m.n;
    /* 6-sigma bounds: moments standard errors for the law at hand */
    double mu4 = (kurt + 3) * var * var;
    ck_assert_msg(fabs(m.mean - mu) < 6 * sd / sqrt(n), "%s mean %g vs %g", spec, m.mean, mu);
    ck_assert_msg(fabs(satstat_moments_variance(&m) - var) < 6 * sqrt((mu4 - var * var) / n),
                  "%s variance %g vs %g", spec, satstat_moments_variance(&m), var);
    ck_assert_msg(fabs(satstat_moments_skewness(&m) - skew) < 6 * sqrt(6 / n),
                  "%s skew %g vs %g", spec, satstat_moments_skewness(&m), skew);
    ck_assert_msg(fabs(satstat_moments_excess_kurtosis(&m) - kurt) < 6 * sqrt(24 / n),
                  "%s kurtosis %g vs %g", spec, satstat_moments_excess_kurtosis(&m), kurt);
    satstat_test t;
    for (int k = 0; k < 3; k++) {
        double p = satstat_law_cdf(&law, mu - tails[k] * sd) + 1.0 -
                   satstat_law_cdf(&law, mu + tails[k] * sd);
        if (p <= 0.0) {
            /* a uniform has no mass beyond √3 sd, a ±2 std cut none
             * beyond 2/0.88 sd */
            ck_assert_msg(beyond[k] == 0, "%s: %g sd tail not empty", spec, tails[k]);
            continue;
        }
        ck_assert_int_eq(satstat_binomial_test(beyond[k], m.n, p, &t), 0);
        ck_assert_msg(t.p_value > 1e-6, "%s tail %g sd: p %g", spec, tails[k], t.p_value);
    }
    double prob[BINS];
    for (int b = 0; b < BINS; b++)
        prob[b] = 1.0 / BINS;
    size_t dof;
    ck_assert_int_eq(satstat_chisq_gof(bins, prob, BINS, &t, &dof), 0);
    ck_assert_msg(t.p_value > 1e-6, "%s chi-square p %g", spec, t.p_value);
}

START_TEST(weight_laws)
{
    check_weight_law("standard", 1000);
    check_weight_law("scaled", 1000);
    check_weight_law("scaled", 37);
    check_weight_law("normal:0.05", 1000);
    check_weight_law("uniform:0.1", 1000);
    check_weight_law("uniform:3", 1000);
}
END_TEST

/* Every framework scheme: the raw draws have the variance (and law) the
 * report states. */
START_TEST(framework_weight_laws)
{
    static const char *const specs[] = {
        "xavier-normal", "xavier-normal:tanh", "xavier-uniform",
        "xavier-uniform:0.5", "he-normal", "he-normal:selu,fan_out",
        "he-uniform", "he-uniform:1,fan_avg", "lecun-normal", "lecun-uniform",
        "torch-linear", "variance-scaling:3,fan_out,uniform",
        "variance-scaling:0.5,fan_avg,untruncated_normal",
        "glorot_normal", "he_normal", "lecun_normal", "glorot_uniform",
        "kaiming_normal_", "kaiming_uniform_",
        "trunc-normal", "trunc-normal:0,0.02,-0.04,0.04",
        "trunc-normal:1,2,0,3", "trunc-normal:0,1,1.5,6",
        "trunc-normal:-1,0.5,-9,-1.2", "trunc-normal:0,1,-0.1,0.05",
    };
    for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++)
        check_weight_law(specs[i], 1000);
    check_weight_law("he-normal:fan_out", 37);
}
END_TEST

/* Random inputs: the raw inputs have the law of their spec. */
START_TEST(input_laws)
{
    static const char *const specs[] = {"normal:0.5", "uniform:-1,3"};
    for (size_t i = 0; i < 2; i++) {
        satstat_config c = small_config("standard", 1000, 10);
        char msg[SATSTAT_ERRMSG_SIZE];
        ck_assert_int_eq(satstat_inputs_parse(specs[i], &c.inputs, msg, sizeof msg), 0);
        ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
        double x[1000], n = 0;
        satstat_moments m;
        satstat_moments_init(&m);
        for (uint64_t neuron = 0; neuron < 200; neuron++) {
            ck_assert_int_eq(satstat_sample_inputs(&c, &c.schemes[0], neuron, 0, 1000, x), 0);
            for (int j = 0; j < 1000; j++)
                satstat_moments_push(&m, x[j]);
        }
        n = (double)m.n;
        double mean = satstat_inputs_sum(&c.inputs, 1) ;
        double ex2 = satstat_inputs_sum_sq(&c.inputs, 1);
        double var = ex2 - mean * mean;
        ck_assert_msg(fabs(m.mean - mean) < 6 * sqrt(var / n), "%s mean %g", specs[i], m.mean);
        ck_assert_msg(fabs(satstat_moments_variance(&m) - var) < 6 * sqrt(2 * var * var / n),
                      "%s variance %g vs %g", specs[i], satstat_moments_variance(&m), var);
    }
}
END_TEST

/* New weight and input families through the kernel: z is Σ w x + b of the
 * raw draws, on every SIMD path. */
START_TEST(framework_z_from_draws)
{
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_config c = small_config("glorot_normal", 1000, 10);
    ck_assert_int_eq(satstat_inputs_parse("normal:0.7", &c.inputs, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    check_z_from_draws(&c);
    c = small_config("trunc-normal:0.1,0.3,-0.2,0.5", 333, 10);
    ck_assert_int_eq(satstat_inputs_parse("uniform:-0.5,2", &c.inputs, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_bias_parse("torch", &c.bias, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    check_z_from_draws(&c);
    c = small_config("he-uniform", 200, 10);
    ck_assert_int_eq(satstat_inputs_parse("uniform:0,1", &c.inputs, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    check_z_from_draws(&c);

    /* file inputs: fixed, in batch order inside the kernel */
    char path[] = "/tmp/satstat-test-sampler-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    for (int j = 0; j < 150; j++)
        fprintf(f, "%.17g%s", j % 7 == 3 ? 0.0 : sin(j + 1.0), j % 10 == 9 ? "\n" : " ");
    fprintf(f, "0 0 0\n"); /* trailing zeros: support 150 of 153 */
    fclose(f);
    char spec[128];
    snprintf(spec, sizeof spec, "file:%s", path);
    c = small_config("xavier-normal", 153, 10);
    ck_assert_int_eq(satstat_inputs_parse(spec, &c.inputs, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    ck_assert_uint_eq(satstat_inputs_support(&c.inputs, 153), 150);
    check_z_from_draws(&c);
    /* the analytic law: exact normal (fixed inputs, normal weights) */
    satstat_analytic a;
    ck_assert_int_eq(satstat_analytic_compute(&c, &c.schemes[0], &a), 0);
    double sumsq = 0;
    for (int j = 0; j < 150; j++)
        sumsq += j % 7 == 3 ? 0.0 : sin(j + 1.0) * sin(j + 1.0);
    ck_assert(fabs(a.sum_sq_inputs - sumsq) < 1e-12 * sumsq);
    ck_assert(fabs(a.variance - (2.0 / 253.0 * sumsq + 1.0)) < 1e-12);
    /* and every SIMD path gives the same bits */
    static const char *paths[] = {"baseline", "avx2", "avx512", "avx512vbmi"};
    static const char *const specs[] = {"glorot_normal", "trunc-normal:0,1,1.5,6"};
    for (size_t s = 0; s < 2; s++) {
        satstat_config d = small_config(specs[s], 1000, 100);
        ck_assert_int_eq(satstat_inputs_parse(s ? "uniform:-1,1" : "normal:2", &d.inputs, msg, sizeof msg), 0);
        ck_assert_int_eq(satstat_config_validate(&d, NULL, msg, sizeof msg), 0);
        double ref[100], z[100];
        setenv("SATSTAT_SIMD", "baseline", 1);
        ck_assert_int_eq(satstat_sample_z(&d, &d.schemes[0], 5000, 100, ref), 0);
        for (int p = 1; p < 4; p++) {
            if (!test_use_simd(paths[p]))
                continue;
            ck_assert_int_eq(satstat_sample_z(&d, &d.schemes[0], 5000, 100, z), 0);
            ck_assert_msg(memcmp(z, ref, sizeof z) == 0, "%s differs", paths[p]);
        }
    }
    unsetenv("SATSTAT_SIMD");
    /* the file is read once, by satstat_config_validate: one that changes
     * under the run changes nothing (the run uses what was checked) */
    double z0, z1;
    ck_assert_int_eq(satstat_sample_z(&c, &c.schemes[0], 0, 1, &z0), 0);
    f = fopen(path, "w");
    fprintf(f, "1 2 3\n");
    fclose(f);
    ck_assert_int_eq(satstat_sample_z(&c, &c.schemes[0], 0, 1, &z1), 0);
    ck_assert(z0 == z1);
    satstat_config_free(&c);
    remove(path);
}
END_TEST


/* ---- orthogonal ----------------------------------------------------------- */

static satstat_config ortho_config(const char *scheme, uint64_t n_in, uint64_t n_out,
                                   const char *inputs, const char *bias,
                                   uint64_t samples)
{
    satstat_config c = test_config(scheme, samples);
    char msg[SATSTAT_ERRMSG_SIZE];
    c.n_in = n_in;
    c.n_out = n_out;
    ck_assert_int_eq(satstat_inputs_parse(inputs, &c.inputs, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_bias_parse(bias, &c.bias, msg, sizeof msg), 0);
    test_config_validate(&c);
    return c;
}

/* The explicit matrix behind unit 3: W Wᵀ = gain² I (n_out ≤ n_in) or
 * Wᵀ W = gain² I (n_out > n_in) to rounding, and its z = W x + b is what
 * the sampler reports for those rows. */
static void check_orthogonal_matrix(uint64_t n_in, uint64_t n_out)
{
    satstat_config c = ortho_config("orthogonal:1.5", n_in, n_out, "half",
                                    "normal:1", 10 * n_out);
    const satstat_scheme *s = &c.schemes[0];
    double *w = malloc(n_in * n_out * sizeof *w);
    double *x = malloc(n_in * sizeof *x);
    double *z = malloc(n_out * sizeof *z);
    ck_assert_ptr_nonnull(w);
    uint64_t unit = 3;
    for (uint64_t i = 0; i < n_out; i++)
        ck_assert_int_eq(satstat_sample_weights(&c, s, unit * n_out + i, 0, n_in,
                                                w + i * n_in), 0);
    uint64_t small = n_in < n_out ? n_in : n_out;
    for (uint64_t a = 0; a < small; a++)
        for (uint64_t b = 0; b < small; b++) {
            double dot = 0.0;
            if (n_out <= n_in)
                for (uint64_t j = 0; j < n_in; j++)
                    dot += w[a * n_in + j] * w[b * n_in + j];
            else
                for (uint64_t i = 0; i < n_out; i++)
                    dot += w[i * n_in + a] * w[i * n_in + b];
            ck_assert_double_eq_tol(dot, a == b ? 2.25 : 0.0, 1e-12);
        }
    ck_assert_int_eq(satstat_sample_inputs(&c, s, 0, 0, n_in, x), 0);
    ck_assert_int_eq(satstat_sample_z(&c, s, unit * n_out, n_out, z), 0);
    for (uint64_t i = 0; i < n_out; i++) {
        double b, sum = 0.0;
        ck_assert_int_eq(satstat_sample_bias(&c, s, unit * n_out + i, &b), 0);
        for (uint64_t j = 0; j < n_in; j++)
            sum += w[i * n_in + j] * x[j];
        ck_assert_double_eq_tol(z[i], sum + b, 1e-12);
    }
    free(w);
    free(x);
    free(z);
}

START_TEST(orthogonal_rows_are_orthonormal)
{
    check_orthogonal_matrix(12, 5);  /* wide: orthonormal rows    */
    check_orthogonal_matrix(9, 9);   /* square                    */
    check_orthogonal_matrix(4, 11);  /* tall: orthonormal columns */
}
END_TEST

/* For a square layer with no bias, ‖W x‖ = gain·‖x‖ in every matrix: the
 * rows' z are dependent, and the summary's per-unit mean square says so. */
START_TEST(orthogonal_square_keeps_norm)
{
    satstat_config c = ortho_config("orthogonal:2", 30, 30, "ones", "zero", 30 * 200);
    double z[30];
    for (uint64_t k = 0; k < 200; k += 37) {
        ck_assert_int_eq(satstat_sample_z(&c, &c.schemes[0], k * 30, 30, z), 0);
        double ss = 0.0;
        for (int i = 0; i < 30; i++)
            ss += z[i] * z[i];
        ck_assert_double_eq_tol(ss, 4.0 * 30.0, 1e-10);
    }
    satstat_summary *s = run(&c, 0, 2);
    uint64_t unit_size = 0;
    const satstat_unit_moments *u = satstat_summary_units(s, &unit_size);
    ck_assert_ptr_nonnull(u);
    ck_assert_uint_eq(unit_size, 30);
    ck_assert_uint_eq(u->mean.n, 200);
    ck_assert_uint_eq(satstat_summary_z(s)->n, 6000);
    ck_assert_double_eq_tol(u->square.mean, 4.0, 1e-12);
    ck_assert(satstat_moments_variance(&u->square) < 1e-24);
    ck_assert(satstat_moments_variance(&u->mean) > 0.0);
    satstat_summary_free(s);
}
END_TEST

/* Whole matrices for any thread count, the same bits; samples are rounded
 * up to whole matrices; the sub-sample and unit histogram hold first rows. */
START_TEST(orthogonal_threads_and_units)
{
    satstat_config c = ortho_config("orthogonal", 40, 7, "half", "normal:1", 3000);
    satstat_summary *a = run(&c, 0, 1), *b = run(&c, 0, 2), *d = run(&c, 0, 3);
    ck_assert(same_bits(a, b));
    ck_assert(same_bits(a, d));
    uint64_t us;
    const satstat_unit_moments *ua = satstat_summary_units(a, &us);
    const satstat_unit_moments *ub = satstat_summary_units(b, &us);
    ck_assert_int_eq(memcmp(ua, ub, sizeof *ua), 0);
    ck_assert_uint_eq(ua->mean.n, 429); /* ceil(3000 / 7) */
    ck_assert_uint_eq(satstat_summary_z(a)->n, 429 * 7);
    size_t n;
    const double *sub = satstat_summary_subsample(a, &n);
    ck_assert_uint_eq(n, 429);
    double z[7];
    ck_assert_int_eq(satstat_sample_z(&c, &c.schemes[0], 7 * 100, 7, z), 0);
    ck_assert(sub[100] == z[0]);
    uint64_t under, over;
    const gsl_histogram *h = satstat_summary_unit_histogram(a, &under, &over);
    ck_assert_ptr_nonnull(h);
    ck_assert(gsl_histogram_sum(h) + (double)(under + over) == 429.0);
    satstat_summary_free(a);
    satstat_summary_free(b);
    satstat_summary_free(d);
}
END_TEST


/* ---- a job split across processes (satstat/partition.h) -------------------
 *
 * K "ranks" as threads of this test, exchanging through an all-gather on a
 * barrier: each rank samples its share, and every rank must end with the
 * one-process summary, bit for bit. */

#include <pthread.h>

typedef struct fake_world {
    unsigned size;
    pthread_barrier_t barrier;
    const void *bytes[8];
    size_t sizes[8];
} fake_world;

typedef struct fake_rank {
    fake_world *world;
    satstat_partition partition;
    satstat_config config;
    size_t scheme;
    int cancel_at_once; /* this rank's progress callback cancels        */
    int cancels;        /* how often it was asked                        */
    int rc;
    satstat_summary *summary;
} fake_rank;

static int fake_allgather(void *ctx, const void *mine, size_t size, void **all,
                          size_t *all_size)
{
    fake_rank *me = ctx;
    fake_world *w = me->world;
    w->bytes[me->partition.rank] = mine;
    w->sizes[me->partition.rank] = size;
    pthread_barrier_wait(&w->barrier);
    size_t total = 0;
    for (unsigned k = 0; k < w->size; k++)
        total += w->sizes[k];
    unsigned char *buf = malloc(total ? total : 1);
    size_t at = 0;
    for (unsigned k = 0; k < w->size; k++) {
        memcpy(buf + at, w->bytes[k], w->sizes[k]);
        at += w->sizes[k];
    }
    pthread_barrier_wait(&w->barrier); /* every rank has copied */
    *all = buf;
    *all_size = total;
    return 0;
}

static void *fake_rank_main(void *arg)
{
    fake_rank *me = arg;
    me->config.partition = &me->partition;
    satstat_analytic a;
    satstat_layout l;
    if (satstat_analytic_compute(&me->config, &me->config.schemes[me->scheme], &a) != 0)
        me->rc = -100;
    satstat_layout_default(a.mean, a.variance, a.threshold, me->config.samples, &l);
    me->rc = satstat_sample(&me->config, &me->config.schemes[me->scheme], &l,
                            me->cancel_at_once ? cancel_now : NULL, &me->cancels, &me->summary);
    return NULL;
}

/* Runs scheme `scheme` of c on `ranks` fake ranks of `threads` threads;
 * rank `canceling` (or none: ranks) cancels.  Returns each rank's status in
 * rc[], summaries in out[]. */
static void run_split(const satstat_config *c, size_t scheme, unsigned ranks,
                      unsigned threads, unsigned canceling, int *rc,
                      satstat_summary **out)
{
    fake_world w = {.size = ranks};
    fake_rank r[8];
    pthread_t tid[8];
    ck_assert_uint_le(ranks, 8);
    ck_assert_int_eq(pthread_barrier_init(&w.barrier, NULL, ranks), 0);
    for (unsigned k = 0; k < ranks; k++) {
        r[k] = (fake_rank){.world = &w, .config = *c, .scheme = scheme,
                           .cancel_at_once = k == canceling};
        r[k].config.threads = threads;
        r[k].partition = (satstat_partition){k, ranks, fake_allgather, &r[k]};
        ck_assert_int_eq(pthread_create(&tid[k], NULL, fake_rank_main, &r[k]), 0);
    }
    for (unsigned k = 0; k < ranks; k++) {
        pthread_join(tid[k], NULL);
        rc[k] = r[k].rc;
        out[k] = r[k].summary;
    }
    pthread_barrier_destroy(&w.barrier);
}

/* 70 blocks over 1..5 ranks of 1 or 2 threads: units of 16, 8, 4 and 2
 * blocks, shares of different sizes and a short last unit; then few blocks
 * (3) over more ranks than blocks, so some ranks have nothing to do. */
START_TEST(ranks_give_the_one_process_bits)
{
    satstat_config c = small_config("standard,uniform:0.2", 200,
                                    70 * SATSTAT_BLOCK_NEURONS - 123);
    c.inputs.kind = SATSTAT_INPUTS_BERNOULLI;
    c.inputs.p = 0.3;
    for (size_t s = 0; s < 2; s++) {
        satstat_summary *one = run(&c, s, 1);
        for (unsigned ranks = 1; ranks <= 5; ranks++) {
            int rc[8];
            satstat_summary *got[8];
            run_split(&c, s, ranks, 1 + ranks % 2, ranks, rc, got);
            for (unsigned k = 0; k < ranks; k++) {
                ck_assert_int_eq(rc[k], 0);
                ck_assert_msg(same_bits(one, got[k]), "scheme %zu, %u ranks: rank %u differs",
                              s, ranks, k);
                satstat_summary_free(got[k]);
            }
        }
        satstat_summary_free(one);
    }
    satstat_config few = small_config("standard", 50, 3 * SATSTAT_BLOCK_NEURONS - 7);
    satstat_summary *one = run(&few, 0, 1);
    int rc[8];
    satstat_summary *got[8];
    run_split(&few, 0, 5, 1, 5, rc, got);
    for (unsigned k = 0; k < 5; k++) {
        ck_assert_int_eq(rc[k], 0);
        ck_assert(same_bits(one, got[k]));
        satstat_summary_free(got[k]);
    }
    satstat_summary_free(one);
}
END_TEST

/* Orthogonal: whole matrices per block, their unit moments and first-row
 * histogram, across 3 ranks. */
START_TEST(ranks_give_the_one_process_bits_orthogonal)
{
    satstat_config c = ortho_config("orthogonal", 40, 7, "half", "normal:1", 30000);
    satstat_summary *one = run(&c, 0, 1);
    int rc[8];
    satstat_summary *got[8];
    run_split(&c, 0, 3, 1, 3, rc, got);
    uint64_t us;
    for (unsigned k = 0; k < 3; k++) {
        ck_assert_int_eq(rc[k], 0);
        ck_assert(same_bits(one, got[k]));
        ck_assert_int_eq(memcmp(satstat_summary_units(one, &us),
                                satstat_summary_units(got[k], &us),
                                sizeof(satstat_unit_moments)), 0);
        uint64_t u1, o1, u2, o2;
        const gsl_histogram *h1 = satstat_summary_unit_histogram(one, &u1, &o1);
        const gsl_histogram *h2 = satstat_summary_unit_histogram(got[k], &u2, &o2);
        ck_assert(u1 == u2 && o1 == o2);
        ck_assert_int_eq(memcmp(h1->bin, h2->bin, h1->n * sizeof(double)), 0);
        satstat_summary_free(got[k]);
    }
    satstat_summary_free(one);
}
END_TEST

/* One rank cancels: every rank returns SATSTAT_ECANCELED, none hangs,
 * none returns a summary. */
START_TEST(a_failed_rank_fails_every_rank)
{
    satstat_config c = small_config("standard", 100, 40 * SATSTAT_BLOCK_NEURONS);
    int rc[8];
    satstat_summary *got[8];
    run_split(&c, 0, 3, 1, 1, rc, got);
    for (unsigned k = 0; k < 3; k++) {
        ck_assert_int_eq(rc[k], SATSTAT_ECANCELED);
        ck_assert_ptr_null(got[k]);
    }
}
END_TEST

static Suite *sampler_suite(void)
{
    Suite *s = suite_create("sampler");
    TCase *tc = tcase_create("determinism");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, thread_count_invariance);
    tcase_add_test(tc, seeds_differ);
    tcase_add_test(tc, scheme_keyed_by_spec);
    tcase_add_test(tc, simd_paths_identical);
    suite_add_tcase(s, tc);
    tc = tcase_create("what is drawn");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, z_is_the_sum_of_drawn_weights);
    tcase_add_test(tc, ziggurat_through_the_kernel);
    tcase_add_test(tc, summary_matches_direct);
    tcase_add_test(tc, block_moments_by_transform);
    tcase_add_test(tc, weight_laws);
    tcase_add_test(tc, framework_weight_laws);
    tcase_add_test(tc, input_laws);
    tcase_add_test(tc, framework_z_from_draws);
    tcase_add_test(tc, orthogonal_rows_are_orthonormal);
    tcase_add_test(tc, orthogonal_square_keeps_norm);
    tcase_add_test(tc, orthogonal_threads_and_units);
    suite_add_tcase(s, tc);
    tc = tcase_create("split across processes");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, ranks_give_the_one_process_bits);
    tcase_add_test(tc, ranks_give_the_one_process_bits_orthogonal);
    tcase_add_test(tc, a_failed_rank_fails_every_rank);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, cancel_and_errors);
    tcase_add_test(tc, cancel_inside_a_round);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(sampler_suite)
