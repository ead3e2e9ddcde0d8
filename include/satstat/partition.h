/* satstat/partition.h — one job split across processes, with the bits of
 * one process.
 *
 * The sampler's fixed blocks of neurons (satstat/sampler.h) and deep's
 * networks are cut into contiguous shares, one per process ("rank").  Each
 * rank computes its share; the partial results travel as bytes through an
 * all-gather the caller supplies, and every rank merges all of them along
 * the one fixed tree (or in the one fixed order) a single process uses.
 * So every rank ends with the same numbers, bit for bit, as a one-process
 * run with the same seed: any number of ranks, any threads per rank.
 *
 * The library knows nothing of MPI.  The satstat program supplies the
 * all-gather over MPI_Allgatherv when it runs under mpirun; a caller with
 * another transport (sockets, files) supplies its own.
 *
 * Failures are collective: a rank that fails still takes part in the
 * all-gather, carrying its status, so every rank returns the same error
 * and none waits for a partner that gave up.
 */
#ifndef SATSTAT_PARTITION_H
#define SATSTAT_PARTITION_H

#include <satstat/export.h>

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Every rank calls it with its own bytes (`size` may differ between
 * ranks).  On success it returns 0 and sets *all to a malloc'd buffer
 * holding every rank's bytes, rank 0's first, and *all_size to its
 * length; the library frees it with free().  Non-zero: the transport
 * failed (the library returns SATSTAT_EIO). */
typedef int (*satstat_allgather_fn)(void *ctx, const void *mine, size_t size,
                                    void **all, size_t *all_size);

typedef struct satstat_partition {
    unsigned rank;                  /* this process, 0 .. size − 1        */
    unsigned size;                  /* the processes, at least 1          */
    satstat_allgather_fn allgather; /* required when size > 1             */
    void *ctx;                      /* passed to allgather                */
} satstat_partition;

#ifdef __cplusplus
}
#endif
#endif
