/* fill.c — the fill rate of satstat's own normal generator, without the
 * dot product: the ceiling the sampler is measured against.
 * Usage: fill [NORMALS]  (default 4e8); prints normals per second. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <satstat/rng.h>

int main(int argc, char **argv)
{
    double total = argc > 1 ? atof(argv[1]) : 4e8;
    enum { PER = 512 };
    static float buf[PER];
    uint32_t stream = satstat_stream_id("standard", SATSTAT_DOMAIN_WEIGHTS);
    uint64_t neurons = (uint64_t)(total / PER);
    double sink = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (uint64_t i = 0; i < neurons; i++) {
        satstat_fill_normals(1, stream, i, 0, PER, buf);
        sink += buf[i % PER];
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    printf("{\"normals_per_second\": %.6g, \"simd\": \"%s\", \"sink\": %g}\n",
           (double)neurons * PER / s, satstat_simd_path(), sink);
    return 0;
}
