/* build.c — what this build of the library is (satstat/build.h). */
#include <satstat/build.h>

#include "base/build-int.h"

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

/* Weak: the symbol is absent (NULL) with GSL's reference CBLAS. */
#if defined(__GNUC__) && !defined(_WIN32)
extern void openblas_set_num_threads(int) __attribute__((weak));
#define HAVE_WEAK_OPENBLAS 1
#endif

void satstat__blas_single_thread(void)
{
#ifdef HAVE_WEAK_OPENBLAS
    if (openblas_set_num_threads)
        openblas_set_num_threads(1);
#endif
}
