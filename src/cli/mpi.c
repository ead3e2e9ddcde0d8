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
 * waits for one that gave up.
 *
 * The MPI calls themselves live in a module (mpi-module.h), loaded here
 * under mpirun only. */
#include "cli/mpi.h"

#include "cli/cli.h"
#include "cli/mpi-module.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef SATSTAT_MPI_MODULE_DIR
#include <dlfcn.h>
#include <limits.h>
#include <sys/stat.h>
#endif

int cli_mpi_follower_status(int rc, int passed)
{
    if (rc == SATSTAT_ECANCELED || cli_interrupted_by)
        return cli_interrupted_status();
    if (rc != SATSTAT_OK)
        return CLI_EXIT_RUNTIME;
    return passed ? CLI_EXIT_PASS : CLI_EXIT_VERIFY_FAILED;
}

static struct {
    const cli_mpi_ops *mpi; /* the module's table: NULL for one process */
    int finished;  /* a rank's "finish" has been met: no more     */
    int announced; /* this rank told the others it stopped        */
    int stopped;   /* another rank told this one                  */
    satstat_partition partition;
} world;

enum { POINT_AGREE = 1, POINT_FINISH = 2 };

#ifdef SATSTAT_MPI_MODULE_DIR
#define MODULE_FILE "satstat-mpi.so"

/* The module beside the program (the build tree), else in the installed
 * library folder.  The path to the first that exists, in `path`. */
static int module_path(char *path, size_t size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    struct stat st;
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            if (snprintf(path, size, "%s/%s", exe, MODULE_FILE) < (int)size &&
                stat(path, &st) == 0)
                return 0;
        }
    }
    if (snprintf(path, size, "%s/%s", SATSTAT_MPI_MODULE_DIR, MODULE_FILE) >= (int)size)
        return -1;
    return 0;
}

static const cli_mpi_ops *load_module(char *why, size_t size)
{
    char path[PATH_MAX];
    if (module_path(path, sizeof path) != 0) {
        snprintf(why, size, "mpirun: the MPI module's path is too long");
        return NULL;
    }
    /* global: OpenMPI's own components, loaded by MPI_Init, look for
     * libmpi's symbols in the global scope */
    void *h = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
    if (!h) {
        snprintf(why, size, "mpirun: cannot load the MPI module: %s", dlerror());
        return NULL;
    }
    cli_mpi_ops_fn *get;
    *(void **)&get = dlsym(h, CLI_MPI_MODULE_SYMBOL);
    const cli_mpi_ops *ops = get ? get(CLI_EXIT_RUNTIME) : NULL;
    if (!ops || ops->abi != CLI_MPI_MODULE_ABI) {
        snprintf(why, size, "mpirun: %s is not this satstat's MPI module", path);
        return NULL;
    }
    return ops; /* kept loaded to the end of the process */
}

int cli_mpi_init(int *argc, char ***argv)
{
    const char *size = getenv("OMPI_COMM_WORLD_SIZE");
    if (!size || !*size)
        return 0;
    char why[PATH_MAX + 160];
    const cli_mpi_ops *mpi = load_module(why, sizeof why);
    if (!mpi) {
        /* every rank fails alike: rank 0 alone says so */
        const char *rank = getenv("OMPI_COMM_WORLD_RANK");
        if (!rank || strcmp(rank, "0") == 0)
            cli_usage_error(NULL, why);
        return CLI_EXIT_RUNTIME;
    }
    unsigned rank, ranks;
    if (mpi->init(argc, argv, &rank, &ranks) != 0) {
        cli_usage_error(NULL, "mpirun: MPI_Init failed");
        return CLI_EXIT_RUNTIME;
    }
    world.mpi = mpi;
    world.partition = (satstat_partition){rank, ranks, mpi->allgather, NULL};
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
#else /* built without MPI: under mpirun each process runs the whole job */
int cli_mpi_init(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}
#endif

const satstat_partition *cli_mpi_partition(void)
{
    return world.mpi && world.partition.size > 1 ? &world.partition : NULL;
}

int cli_mpi_follower(void)
{
    return world.mpi && world.partition.rank != 0;
}

/* One collective point: {point, status} reduced by MAX. */
static int meet(int point, int status, int *seen_point)
{
    int in[2] = {point, status}, out[2];
    world.mpi->max2(in, out);
    *seen_point = out[0];
    return out[1];
}

void cli_mpi_announce_stop(void)
{
    if (!world.mpi || world.announced || world.partition.size < 2)
        return;
    world.announced = 1;
    for (unsigned k = 0; k < world.partition.size; k++)
        if (k != world.partition.rank)
            world.mpi->send_stop(k);
}

int cli_mpi_stop_requested(void)
{
    if (!world.mpi || world.partition.size < 2)
        return 0;
    if (world.mpi->poll_stop())
        world.stopped = 1;
    return world.stopped;
}

int cli_mpi_agree(int status)
{
    if (!world.mpi || world.finished)
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
    if (!world.mpi)
        return status;
    if (!world.finished) {
        int seen;
        status = meet(POINT_FINISH, status, &seen);
    }
    cli_mpi_stop_requested(); /* receive what is left before finalising */
    world.mpi->finalize();
    return status;
}
