/* fill.c — the fill rate of satstat's own normal generator, without the
 * dot product: the ceiling the sampler is measured against.
 * Usage: fill [NORMALS [TRANSFORM]]  (default 4e8 and the default
 * transform); prints normals per second of wall and of CPU time, and the
 * 90th percentile of the rates of slices of 1000 rows (512 000 normals)
 * in thread CPU time: on a shared machine other processes slow some
 * slices (caches, interrupts) and leave others alone, so a high
 * percentile moves less with the load than the whole run's rate.
 * SATSTAT_SIMD picks the path. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <satstat/build.h>
#include <satstat/rng.h>

static double seconds_between(struct timespec a, struct timespec b)
{
    return (double)(b.tv_sec - a.tv_sec) + 1e-9 * (double)(b.tv_nsec - a.tv_nsec);
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    /* OpenBLAS's pool, started when the library loads, spins on the other
     * core for about 0.1 s and then sleeps: stopped first, as the program
     * does, or it counts in the CPU time and, on a core's second hardware
     * thread, slows the fill it measures */
    satstat_blas_single_thread();
    double total = argc > 1 ? atof(argv[1]) : 4e8;
    satstat_transform transform = SATSTAT_TRANSFORM_DEFAULT;
    if (argc > 2 && satstat_transform_from_name(argv[2], &transform, NULL, 0) != 0) {
        fprintf(stderr, "fill: unknown transform '%s'\n", argv[2]);
        return 2;
    }
    enum { PER = 512, SLICE = 1000 };
    static float buf[PER];
    uint32_t stream = satstat_stream_id("standard", SATSTAT_DOMAIN_WEIGHTS);
    uint64_t neurons = (uint64_t)(total / PER);
    size_t slices = (size_t)(neurons / SLICE);
    double *slice_rate = malloc((slices + 1) * sizeof *slice_rate);
    if (!slice_rate)
        return 1;
    double sink = 0;
    struct timespec t0, t1, c0, c1, s0, s1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &s0);
    for (uint64_t i = 0; i < neurons; i++) {
        satstat_fill_normals_with(transform, 1, stream, i, 0, PER, buf);
        sink += buf[i % PER];
        if ((i + 1) % SLICE == 0) {
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &s1);
            slice_rate[(i + 1) / SLICE - 1] = (double)SLICE * PER / seconds_between(s0, s1);
            s0 = s1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    double s = seconds_between(t0, t1), cpu = seconds_between(c0, c1);
    double p90 = 0;
    if (slices > 0) {
        qsort(slice_rate, slices, sizeof *slice_rate, by_value);
        p90 = slice_rate[slices * 9 / 10];
    }
    free(slice_rate);
    /* per CPU second too: on a shared machine the wall clock counts the
     * time other processes held the core */
    printf("{\"normals_per_second\": %.6g, \"normals_per_cpu_second\": %.6g, "
           "\"normals_per_cpu_second_p90_slices\": %.6g, \"simd\": \"%s\", "
           "\"transform\": \"%s\", \"sink\": %g}\n",
           (double)neurons * PER / s, (double)neurons * PER / cpu, p90, satstat_simd_path(),
           satstat_transform_label(transform), sink);
    return 0;
}
