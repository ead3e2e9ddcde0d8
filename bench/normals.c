/* normals.c — validation of a normal transform at scale (not a unit test:
 * it takes minutes).  Draws N normals (default 1e10) of the "standard"
 * weight stream, seed 1 (or SEED), neuron by neuron (1e6 per neuron) through
 * satstat_fill_normals_with, and reports
 *   - mean, variance, skewness, excess kurtosis, each with its z-score
 *     against N(0,1) (standard errors 1/√n, √(2/n), √(6/n), √(24/n));
 *   - the counts beyond 4, 5 and 6σ (|x| > k) against n·2Q(k), Q from
 *     libm's erfc, with the Poisson z-score, and the largest |x|;
 *   - KS and Anderson–Darling on the first KS_N (default 1e8) draws,
 *     through a histogram of u = Φ(x) in 2^24 equal bins (memory 64 MiB,
 *     not an array of draws): KS's D is taken at the bin edges (within
 *     2^-24 of the exact D, which is ~1e-4 at 1e8), AD places each draw at
 *     its bin's centre except in the outermost bins, whose draws keep
 *     their own u (they are few and carry the largest weights).
 * Usage: normals [TRANSFORM [N [KS_N [SEED]]]]; prints one JSON object. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <satstat/error.h>
#include <satstat/rng.h>
#include <satstat/stats.h>

enum { PER = 1000000, KS_BITS = 24, EDGE_MAX = 1 << 20 };

static double upper(double k) /* Q(k) = P(Z > k) */
{
    return 0.5 * erfc(k / sqrt(2.0));
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    satstat_transform transform = SATSTAT_TRANSFORM_DEFAULT;
    char msg[SATSTAT_ERRMSG_SIZE];
    if (argc > 1 && satstat_transform_from_name(argv[1], &transform, msg, sizeof msg) != 0) {
        fprintf(stderr, "normals: %s\n", msg);
        return 2;
    }
    double total = argc > 2 ? atof(argv[2]) : 1e10;
    double ks_total = argc > 3 ? atof(argv[3]) : 1e8;
    uint64_t seed = argc > 4 ? strtoull(argv[4], NULL, 10) : 1;
    uint64_t neurons = (uint64_t)(total / PER), ks_neurons = (uint64_t)(ks_total / PER);
    uint32_t stream = satstat_stream_id("standard", SATSTAT_DOMAIN_WEIGHTS);
    const uint64_t bins = UINT64_C(1) << KS_BITS;
    uint32_t *hist = calloc(bins, sizeof *hist);
    double *edge = malloc(EDGE_MAX * sizeof *edge); /* u of the draws in bins 0 and last */
    float *v = malloc(PER * sizeof *v);
    if (!hist || !edge || !v)
        return 3;
    size_t n_edge = 0;
    /* sums per neuron in double, accumulated in long double */
    long double s1 = 0, s2 = 0, s3 = 0, s4 = 0;
    uint64_t beyond[3] = {0, 0, 0};
    double maxabs = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (uint64_t neuron = 0; neuron < neurons; neuron++) {
        satstat_fill_normals_with(transform, seed, stream, neuron, 0, PER, v);
        double a1 = 0, a2 = 0, a3 = 0, a4 = 0, mx = 0;
        uint64_t b4 = 0, b5 = 0, b6 = 0;
        for (int i = 0; i < PER; i++) {
            double x = v[i], x2 = x * x, ax = fabs(x);
            a1 += x;
            a2 += x2;
            a3 += x2 * x;
            a4 += x2 * x2;
            b4 += ax > 4;
            b5 += ax > 5;
            b6 += ax > 6;
            mx = ax > mx ? ax : mx;
        }
        s1 += a1;
        s2 += a2;
        s3 += a3;
        s4 += a4;
        beyond[0] += b4;
        beyond[1] += b5;
        beyond[2] += b6;
        maxabs = mx > maxabs ? mx : maxabs;
        if (neuron < ks_neurons)
            for (int i = 0; i < PER; i++) {
                double u = 0.5 * erfc(-v[i] / sqrt(2.0));
                uint64_t b = (uint64_t)(u * (double)bins);
                b = b < bins ? b : bins - 1;
                hist[b]++;
                if ((b == 0 || b == bins - 1) && n_edge < EDGE_MAX)
                    edge[n_edge++] = u;
            }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double n = (double)neurons * PER;
    double mean = (double)(s1 / n);
    double m2 = (double)(s2 / n) - mean * mean;
    double m3 = (double)(s3 / n) - 3 * mean * (double)(s2 / n) + 2 * mean * mean * mean;
    double m4 = (double)(s4 / n) - 4 * mean * (double)(s3 / n) +
                6 * mean * mean * (double)(s2 / n) - 3 * mean * mean * mean * mean;
    double skew = m3 / pow(m2, 1.5), kurt = m4 / (m2 * m2) - 3;

    /* KS and AD from the histogram */
    double kn = (double)ks_neurons * PER, d = 0, cum = 0;
    qsort(edge, n_edge, sizeof *edge, cmp_double);
    size_t lo_n = 0;
    for (size_t i = 0; i < n_edge; i++)
        lo_n += edge[i] < 0.5;
    double ad_sum = 0; /* Σ over draws of (2i−1)·ln u_(i) + (2(n−i)+1)·ln(1−u_(i)) */
    uint64_t rank = 0;
    size_t lo_i = 0, hi_i = lo_n;
    for (uint64_t b = 0; b < bins; b++) {
        double left = (double)b / (double)bins, right = (double)(b + 1) / (double)bins;
        double before = cum / kn;
        d = fmax(d, fabs(before - left));
        for (uint32_t c = 0; c < hist[b]; c++) {
            double u;
            if (b == 0)
                u = edge[lo_i++];
            else if (b == bins - 1)
                u = edge[hi_i++];
            else
                u = (b + 0.5) / (double)bins;
            rank++;
            ad_sum += (2.0 * (double)rank - 1) * log(u) + (2.0 * (kn - (double)rank) + 1) * log1p(-u);
        }
        cum += hist[b];
        d = fmax(d, fabs(cum / kn - right));
    }
    double a2 = -kn - ad_sum / kn;
    double secs = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    printf("{\"transform\": \"%s\", \"simd\": \"%s\", \"seed\": %llu, \"draws\": %.0f, "
           "\"seconds\": %.1f,\n",
           satstat_transform_label(transform), satstat_simd_path(), (unsigned long long)seed, n,
           secs);
    printf(" \"mean\": %.6g, \"mean_z\": %.3f,\n", mean, mean * sqrt(n));
    printf(" \"variance\": %.10f, \"variance_z\": %.3f,\n", m2, (m2 - 1) / sqrt(2 / n));
    printf(" \"skewness\": %.6g, \"skewness_z\": %.3f,\n", skew, skew / sqrt(6 / n));
    printf(" \"excess_kurtosis\": %.6g, \"kurtosis_z\": %.3f,\n", kurt, kurt / sqrt(24 / n));
    for (int k = 0; k < 3; k++) {
        double expect = n * 2 * upper(4 + k);
        printf(" \"beyond_%d\": %llu, \"expected_%d\": %.1f, \"beyond_%d_z\": %.3f,\n", 4 + k,
               (unsigned long long)beyond[k], 4 + k, expect, 4 + k,
               ((double)beyond[k] - expect) / sqrt(expect));
    }
    printf(" \"max_abs\": %.6f,\n", maxabs);
    printf(" \"ks_draws\": %.0f, \"ks_d\": %.6g, \"ks_p\": %.4g, \"ad_a2\": %.4f, \"ad_p\": %.4g}\n",
           kn, d, satstat_ks_pvalue((uint64_t)kn, d), a2, satstat_ad_pvalue((uint64_t)kn, a2));
    free(hist);
    free(edge);
    free(v);
    return 0;
}
