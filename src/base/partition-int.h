/* partition-int.h — a job's share on this rank, and the exchange of the
 * ranks' partial results (satstat/partition.h), inside the library. */
#ifndef SATSTAT_PARTITION_INT_H
#define SATSTAT_PARTITION_INT_H

#include <stddef.h>
#include <stdint.h>

#include <satstat/partition.h>

/* Internal to the library: not exported from the shared object. */

/* A growable byte buffer the partial results are packed into.  A failed
 * allocation sets `failed` and later puts do nothing, so a packer checks
 * once at the end. */
typedef struct satstat__bytes {
    unsigned char *data;
    size_t size, cap;
    int failed;
} satstat__bytes;

void satstat__bytes_put(satstat__bytes *b, const void *p, size_t n);
void satstat__bytes_free(satstat__bytes *b);

/* Reads packed bytes back: 0, or −1 (nothing read) when fewer than n are
 * left. */
typedef struct satstat__reader {
    const unsigned char *p;
    size_t left;
} satstat__reader;

int satstat__read(satstat__reader *r, void *out, size_t n);

/* 1 when p splits the job over more than one rank. */
int satstat__partition_active(const satstat_partition *p);

/* This rank's share of `count` items cut into aligned units of `unit`
 * items (the last unit may be short): units are dealt in contiguous runs,
 * rank k taking units ⌊U·k/K⌋ .. ⌊U·(k+1)/K⌋ − 1 of U.  Sets *first and
 * *end (items, end exclusive, *first == *end for an empty share). */
void satstat__partition_share(const satstat_partition *p, uint64_t count,
                              uint64_t unit, uint64_t *first, uint64_t *end);

/* The unit 2^m of the sampler's merge tree for `blocks` blocks over
 * p->size ranks: the largest power of two that still gives every rank
 * about four units (for balance), 1 when there are few blocks.  Aligned
 * units of 2^m blocks are whole subtrees of the binary-counter tree, so a
 * rank's subtrees pushed in order rebuild the one-process tree. */
uint64_t satstat__partition_block_unit(const satstat_partition *p, uint64_t blocks);

/* Every rank's payload to every rank.  `status` is this rank's outcome so
 * far (SATSTAT_OK or an error: a failed rank still calls this, with an
 * empty payload, so no rank waits for it).  With `same_platform`, the
 * results depend on BLAS kernels, which differ by CPU: ranks whose
 * platform differs are refused (SATSTAT_EPLATFORM).  On SATSTAT_OK,
 * pieces[k] (p->size entries) reads rank k's payload out of *all, which
 * the caller frees (a NULL pieces, when the caller could not allocate it,
 * counts as this rank's SATSTAT_ENOMEM).  Otherwise the first failed rank's status, the same on
 * every rank. */
int satstat__partition_exchange(const satstat_partition *p, int status,
                                const satstat__bytes *mine, int same_platform,
                                void **all, satstat__reader *pieces);


#endif
