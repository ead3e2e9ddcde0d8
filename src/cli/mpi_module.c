/* mpi_module.c — satstat-mpi.so, the program's MPI calls (mpi-module.h).
 * Loaded by mpi.c under mpirun only; it links libmpi, the program does
 * not. */
#include "cli/mpi-module.h"

#include <limits.h>
#include <stdlib.h>

#include <mpi.h>

/* A stop announcement: a message with this tag, polled by every rank's
 * progress callback. */
enum { TAG_STOP = 7001 };

static int abort_status = 1;

static int init(int *argc, char ***argv, unsigned *rank, unsigned *size)
{
    int provided, r, n;
    /* the library's threads never call MPI: only the main thread does */
    if (MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
        return -1;
    MPI_Comm_rank(MPI_COMM_WORLD, &r);
    MPI_Comm_size(MPI_COMM_WORLD, &n);
    *rank = (unsigned)r;
    *size = (unsigned)n;
    return 0;
}

static int allgather(void *ctx, const void *mine, size_t size, void **all, size_t *all_size)
{
    (void)ctx;
    int ranks;
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    unsigned long long own = size, *sizes = calloc((size_t)ranks, sizeof *sizes);
    int *counts = calloc((size_t)ranks, sizeof *counts);
    int *offsets = calloc((size_t)ranks, sizeof *offsets);
    unsigned char *buf = NULL;
    int rc = -1;
    if (!sizes || !counts || !offsets)
        goto done; /* the others wait in MPI_Allgather: abort below */
    if (MPI_Allgather(&own, 1, MPI_UNSIGNED_LONG_LONG, sizes, 1, MPI_UNSIGNED_LONG_LONG,
                      MPI_COMM_WORLD) != MPI_SUCCESS)
        goto done;
    unsigned long long total = 0;
    for (int k = 0; k < ranks; k++) {
        if (sizes[k] > (unsigned long long)INT_MAX - total)
            goto done; /* MPI counts are ints: 2 GiB per exchange */
        counts[k] = (int)sizes[k];
        offsets[k] = (int)total;
        total += sizes[k];
    }
    buf = malloc(total ? (size_t)total : 1);
    if (!buf)
        goto done;
    if (MPI_Allgatherv(mine, (int)size, MPI_BYTE, buf, counts, offsets, MPI_BYTE,
                       MPI_COMM_WORLD) != MPI_SUCCESS)
        goto done;
    *all = buf;
    *all_size = (size_t)total;
    buf = NULL;
    rc = 0;
done:
    free(buf);
    free(sizes);
    free(counts);
    free(offsets);
    if (rc != 0) /* out of step with the other ranks: only the runtime can end it */
        MPI_Abort(MPI_COMM_WORLD, abort_status);
    return rc;
}

static void max2(const int in[2], int out[2])
{
    if (MPI_Allreduce(in, out, 2, MPI_INT, MPI_MAX, MPI_COMM_WORLD) != MPI_SUCCESS)
        MPI_Abort(MPI_COMM_WORLD, abort_status);
}

static void send_stop(unsigned to)
{
    int why = 1;
    MPI_Send(&why, 1, MPI_INT, (int)to, TAG_STOP, MPI_COMM_WORLD);
}

static int poll_stop(void)
{
    int flag = 0, got = 0;
    MPI_Status st;
    while (MPI_Iprobe(MPI_ANY_SOURCE, TAG_STOP, MPI_COMM_WORLD, &flag, &st) == MPI_SUCCESS &&
           flag) {
        int why;
        MPI_Recv(&why, 1, MPI_INT, st.MPI_SOURCE, TAG_STOP, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        got = 1;
    }
    return got;
}

static void finalize(void)
{
    MPI_Finalize();
}

const cli_mpi_ops *satstat_cli_mpi_ops(int status);

const cli_mpi_ops *satstat_cli_mpi_ops(int status)
{
    static const cli_mpi_ops ops = {CLI_MPI_MODULE_ABI, init, allgather, max2,
                                    send_stop, poll_stop, finalize};
    abort_status = status;
    return &ops;
}
