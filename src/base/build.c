/* build.c — what this build of the library is (satstat/build.h). */
#include <satstat/build.h>


#include <string.h>

#include "satstat_version.h"

const char *satstat_version(void)
{
    return SATSTAT_VERSION;
}

const char *satstat_blas_name(void)
{
    return SATSTAT_BLAS;
}

int satstat_blas_is_reference(void)
{
    return strcmp(SATSTAT_BLAS, "gslcblas") == 0;
}

/* OpenBLAS may split a product over its own threads, which changes the
 * summation order with the machine; satstat parallelises over networks
 * and neurons itself, so BLAS stays on one thread.  Its thread pool is
 * stopped too: idle, its threads spin on sched_yield for 2^28 cycles
 * (OPENBLAS_THREAD_TIMEOUT, about 0.1 s) after every start, taking a core
 * from satstat's own workers.  OpenBLAS 0.3.21's openblas_set_num_threads
 * re-creates a pool that was shut down (its lazy re-init after fork), so
 * the pool is touched only when the thread count is not already 1.
 * Weak references: with GSL's reference CBLAS the symbols are absent (NULL)
 * and nothing is called. */
#if defined(__GNUC__) && !defined(_WIN32)
extern void openblas_set_num_threads(int) __attribute__((weak));
extern int openblas_get_num_threads(void) __attribute__((weak));
extern int blas_thread_shutdown_(void) __attribute__((weak));
#define HAVE_WEAK_OPENBLAS 1
#endif

void satstat_blas_single_thread(void)
{
#ifdef HAVE_WEAK_OPENBLAS
    if (!openblas_set_num_threads)
        return;
    if (openblas_get_num_threads && openblas_get_num_threads() == 1)
        return;
    openblas_set_num_threads(1);
    if (blas_thread_shutdown_)
        blas_thread_shutdown_();
#endif
}
