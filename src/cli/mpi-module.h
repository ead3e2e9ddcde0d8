/* mpi-module.h — the program's MPI calls, in a module of their own
 * (satstat-mpi.so, built from mpi_module.c with OpenMPI) that the program
 * loads only when mpirun launched it.  A plain run then never maps libmpi
 * and its dependencies: their loading and relocation cost about 3 ms,
 * 2 % of the seed job, and a machine without OpenMPI's libraries still runs
 * every plain command.
 *
 * The module does MPI and nothing else: what the collective points mean,
 * error messages and exit statuses stay in mpi.c. */
#ifndef SATSTAT_CLI_MPI_MODULE_H
#define SATSTAT_CLI_MPI_MODULE_H

#include <stddef.h>

/* Bumped whenever the table changes: a module from another build is
 * refused rather than called through the wrong layout. */
#define CLI_MPI_MODULE_ABI 1

typedef struct cli_mpi_ops {
    int abi; /* CLI_MPI_MODULE_ABI */
    /* MPI_Init_thread (FUNNELED), then rank and size: 0, or −1 */
    int (*init)(int *argc, char ***argv, unsigned *rank, unsigned *size);
    /* satstat_partition's all-gather (satstat/partition.h); a failure
     * leaves the ranks out of step, so it ends the job (MPI_Abort with
     * `abort_status`) rather than return */
    int (*allgather)(void *ctx, const void *mine, size_t size, void **all, size_t *all_size);
    /* out = element-wise MAX of every rank's in (MPI_Allreduce); a failure
     * ends the job */
    void (*max2)(const int in[2], int out[2]);
    /* one int to rank `to`, sent eagerly: the stop announcement */
    void (*send_stop)(unsigned to);
    /* receive every pending stop announcement: 1 if there was one */
    int (*poll_stop)(void);
    void (*finalize)(void);
} cli_mpi_ops;

/* The module's one symbol: its table, with the status MPI_Abort ends the
 * job with. */
#define CLI_MPI_MODULE_SYMBOL "satstat_cli_mpi_ops"
typedef const cli_mpi_ops *cli_mpi_ops_fn(int abort_status);

#endif
