/* build.c — what this build of the library is (satstat/build.h). */
#define _GNU_SOURCE /* RTLD_DEFAULT */
#include <satstat/build.h>

#include <dlfcn.h>
#include <string.h>

#include "base/build-int.h"

#include "satstat_version.h"

const char *satstat_version(void)
{
    return SATSTAT_VERSION;
}

/* OpenBLAS's own functions, by name in the whole process: a program may
 * link OpenBLAS (libsatstat.so does), load it later (the satstat program,
 * cli/blas.h), or use GSL's reference CBLAS, so what is there is asked at
 * the call, not fixed when the library is built or loaded. */
void *satstat__openblas_function(const char *name)
{
#ifdef RTLD_DEFAULT
    return dlsym(RTLD_DEFAULT, name);
#else
    (void)name;
    return NULL;
#endif
}

const char *satstat_blas_name(void)
{
    return satstat__openblas_function("openblas_get_corename") ? "openblas" : "gslcblas";
}

int satstat_blas_is_reference(void)
{
    return strcmp(satstat_blas_name(), "gslcblas") == 0;
}

/* OpenBLAS may split a product over its own threads, which changes the
 * summation order with the machine; satstat parallelises over networks
 * and neurons itself, so BLAS stays on one thread.  Its thread pool is
 * stopped too: idle, its threads spin on sched_yield for 2^28 cycles
 * (OPENBLAS_THREAD_TIMEOUT, about 0.1 s) after every start, taking a core
 * from satstat's own workers.  OpenBLAS 0.3.21's openblas_set_num_threads
 * re-creates a pool that was shut down (its lazy re-init after fork), so
 * the pool is touched only when the thread count is not already 1.
 * Without OpenBLAS in the process nothing is called. */
void satstat_blas_single_thread(void)
{
    void (*set_threads)(int);
    int (*get_threads)(void);
    int (*shutdown)(void);
    *(void **)&set_threads = satstat__openblas_function("openblas_set_num_threads");
    *(void **)&get_threads = satstat__openblas_function("openblas_get_num_threads");
    *(void **)&shutdown = satstat__openblas_function("blas_thread_shutdown_");
    if (!set_threads)
        return;
    if (get_threads && get_threads() == 1)
        return;
    set_threads(1);
    if (shutdown)
        shutdown();
}
