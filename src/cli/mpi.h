/* mpi.h — the program under mpirun: one job split across processes
 * (satstat/partition.h), rank 0 the only one that writes.  Part of the
 * program, not of the library; without MPI at build time (-Dmpi=disabled)
 * every function is the one-process answer. */
#ifndef SATSTAT_CLI_MPI_H
#define SATSTAT_CLI_MPI_H

#include <satstat/satstat.h>

/* MPI_Init when launched by mpirun (OMPI_COMM_WORLD_SIZE set), never
 * otherwise: a singleton MPI_Init costs about 0.45 s, longer than the seed
 * job.  The other ranks' stdout and stderr go to /dev/null, so the job
 * prints one report and one line per error.  0, or an exit status when MPI
 * was asked for (mpirun) and cannot start, with the line printed. */
int cli_mpi_init(int *argc, char ***argv);

/* This process's part of the job: NULL when not split (one process). */
const satstat_partition *cli_mpi_partition(void);

/* 1 on ranks other than 0: they compute their share and take part in the
 * exchanges, and write nothing. */
int cli_mpi_follower(void);

/* A signal came: tell the other ranks, once, so they stop at their next
 * progress callback rather than at the end of their share. */
void cli_mpi_announce_stop(void);
/* 1 once another rank announced a stop (checked by the progress
 * callbacks, so the library cancels and the ranks meet at the exchange). */
int cli_mpi_stop_requested(void);

/* A follower's exit status from the library's status and the verdict:
 * interrupted (here, or cancelled by another rank) 130 or 143, another
 * failure 3, else 0 or 1 as `passed`. */
int cli_mpi_follower_status(int rc, int passed);

/* The point before the work: every rank says whether it goes on
 * (CLI_GO_ON) or stops with an exit status; all of them go on only if all
 * do, else all stop with the largest status.  On rank 0, when another
 * rank stopped it alone, one line says so.  One process: `status`. */
int cli_mpi_agree(int status);

/* The job's exit status: the largest of the ranks' (rank 0 writes, so its
 * I/O failure counts for all), then MPI_Finalize.  One process: status. */
int cli_mpi_finish(int status);

#endif
