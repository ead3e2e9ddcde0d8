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
