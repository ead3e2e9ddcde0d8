/* build-int.h — what this process's BLAS is, inside the library. */
#ifndef SATSTAT_BUILD_INT_H
#define SATSTAT_BUILD_INT_H

/* Internal to the library: not exported from the shared object. */

/* OpenBLAS's function `name` (openblas_get_corename, ...) if OpenBLAS is
 * in the process now, else NULL (GSL's reference CBLAS). */
void *satstat__openblas_function(const char *name);

#endif
