/* mpi.c — the program under mpirun (mpi.h).
 *
 * Two collective points keep the ranks in step whatever happens: "agree"
 * before the work (rank 0 alone checks the figure folder and the report's
 * target) and "finish" at exit.  Both are one MPI_Allreduce(MAX) of
 * {point, status}, so a rank that stops early (bad input read only on its
 * node) meets the others' "agree" with its "finish": they see the later
 * point, stop with its status, and skip their own "finish".  The work
 * between them exchanges through the library's all-gather
 * (satstat/partition.h), whose failures are collective too: no rank ever
 * waits for one that gave up. */
#include "cli/mpi.h"

#include "cli/cli.h"

int cli_mpi_follower_status(int rc, int passed)
{
    if (rc == SATSTAT_ECANCELED || cli_interrupted_by)
        return cli_interrupted_status();
    if (rc != SATSTAT_OK)
        return CLI_EXIT_RUNTIME;
    return passed ? CLI_EXIT_PASS : CLI_EXIT_VERIFY_FAILED;
}

#ifdef SATSTAT_WITH_MPI

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mpi.h>

static struct {
    int active;        /* MPI_Init was called                         */
    int finished;      /* a rank's "finish" has been met: no more     */
    int announced;     /* this rank told the others it stopped        */
    int stopped;       /* another rank told this one                  */
    satstat_partition partition;
} world;

enum { POINT_AGREE = 1, POINT_FINISH = 2 };

/* A rank interrupted by a signal tells the others at once (a message with
 * this tag, polled by every rank's progress callback), so that they stop
 * at their next look instead of at the end of their share. */
enum { TAG_STOP = 7001 };

static int allgather(void *ctx, const void *mine, size_t size, void **all, size_t *all_size)
{
    (void)ctx;
    int ranks = (int)world.partition.size;
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
    if (rc != 0) {
        /* out of step with the other ranks: only the runtime can end it */
        MPI_Abort(MPI_COMM_WORLD, CLI_EXIT_RUNTIME);
    }
    return rc;
}

int cli_mpi_init(int *argc, char ***argv)
{
    const char *size = getenv("OMPI_COMM_WORLD_SIZE");
    if (!size || !*size)
        return 0;
    int provided;
    /* the library's threads never call MPI: only the main thread does */
    if (MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
        cli_usage_error(NULL, "mpirun: MPI_Init failed");
        return CLI_EXIT_RUNTIME;
    }
    world.active = 1;
    int rank, ranks;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    world.partition = (satstat_partition){(unsigned)rank, (unsigned)ranks, allgather, NULL};
    if (rank != 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
            close(null);
        }
    }
    return 0;
}

const satstat_partition *cli_mpi_partition(void)
{
    return world.active && world.partition.size > 1 ? &world.partition : NULL;
}

int cli_mpi_follower(void)
{
    return world.active && world.partition.rank != 0;
}

/* One collective point: {point, status} reduced by MAX. */
static int meet(int point, int status, int *seen_point)
{
    int in[2] = {point, status}, out[2];
    if (MPI_Allreduce(in, out, 2, MPI_INT, MPI_MAX, MPI_COMM_WORLD) != MPI_SUCCESS)
        MPI_Abort(MPI_COMM_WORLD, CLI_EXIT_RUNTIME);
    *seen_point = out[0];
    return out[1];
}

void cli_mpi_announce_stop(void)
{
    if (!world.active || world.announced || world.partition.size < 2)
        return;
    world.announced = 1;
    int why = 1;
    for (unsigned k = 0; k < world.partition.size; k++)
        if (k != world.partition.rank) /* one int: sent eagerly, no wait */
            MPI_Send(&why, 1, MPI_INT, (int)k, TAG_STOP, MPI_COMM_WORLD);
}

int cli_mpi_stop_requested(void)
{
    if (!world.active || world.partition.size < 2)
        return 0;
    int flag = 0;
    MPI_Status st;
    while (MPI_Iprobe(MPI_ANY_SOURCE, TAG_STOP, MPI_COMM_WORLD, &flag, &st) == MPI_SUCCESS &&
           flag) {
        int why;
        MPI_Recv(&why, 1, MPI_INT, st.MPI_SOURCE, TAG_STOP, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        world.stopped = 1;
    }
    return world.stopped;
}

int cli_mpi_agree(int status)
{
    if (!world.active || world.finished)
        return status;
    int seen;
    int all = meet(POINT_AGREE, status, &seen);
    if (seen == POINT_FINISH)
        world.finished = 1; /* a rank stopped before the work */
    if (status == CLI_GO_ON && all != CLI_GO_ON && world.partition.rank == 0)
    {
        char line[160];
        snprintf(line, sizeof line,
                 "another process of the mpirun job stopped before the work (exit %d): "
                 "its input differs from this one's",
                 all);
        cli_usage_error(NULL, line);
    }
    return all;
}

int cli_mpi_finish(int status)
{
    if (!world.active)
        return status;
    if (!world.finished) {
        int seen;
        status = meet(POINT_FINISH, status, &seen);
    }
    cli_mpi_stop_requested(); /* receive what is left before finalising */
    MPI_Finalize();
    return status;
}

#else /* without MPI: one process */

int cli_mpi_init(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}

const satstat_partition *cli_mpi_partition(void)
{
    return NULL;
}

int cli_mpi_follower(void)
{
    return 0;
}

void cli_mpi_announce_stop(void)
{
}

int cli_mpi_stop_requested(void)
{
    return 0;
}

int cli_mpi_agree(int status)
{
    return status;
}

int cli_mpi_finish(int status)
{
    return status;
}

#endif
