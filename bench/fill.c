/* fill.c — the fill rate of satstat's own normal generator, without the
 * dot product: the ceiling the sampler is measured against.
 * Usage: fill [NORMALS [TRANSFORM]]  (default 4e8 and the default
 * transform); prints normals per second of wall and of CPU time.
 * SATSTAT_SIMD picks the path. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <satstat/rng.h>

int main(int argc, char **argv)
{
    double total = argc > 1 ? atof(argv[1]) : 4e8;
    satstat_transform transform = SATSTAT_TRANSFORM_DEFAULT;
    if (argc > 2 && satstat_transform_from_name(argv[2], &transform, NULL, 0) != 0) {
        fprintf(stderr, "fill: unknown transform '%s'\n", argv[2]);
        return 2;
    }
    enum { PER = 512 };
    static float buf[PER];
    uint32_t stream = satstat_stream_id("standard", SATSTAT_DOMAIN_WEIGHTS);
    uint64_t neurons = (uint64_t)(total / PER);
    double sink = 0;
    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    for (uint64_t i = 0; i < neurons; i++) {
        satstat_fill_normals_with(transform, 1, stream, i, 0, PER, buf);
        sink += buf[i % PER];
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    double cpu = (double)(c1.tv_sec - c0.tv_sec) + 1e-9 * (double)(c1.tv_nsec - c0.tv_nsec);
    /* per CPU second too: on a shared machine the wall clock counts the
     * time other processes held the core */
    printf("{\"normals_per_second\": %.6g, \"normals_per_cpu_second\": %.6g, \"simd\": \"%s\", "
           "\"transform\": \"%s\", \"sink\": %g}\n",
           (double)neurons * PER / s, (double)neurons * PER / cpu, satstat_simd_path(),
           satstat_transform_label(transform), sink);
    return 0;
}
