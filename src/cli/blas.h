/* blas.h — OpenBLAS, loaded by the program only for the jobs that multiply
 * matrices (deep networks, orthogonal schemes).
 *
 * The program carries the library's code itself and links GSL's reference
 * CBLAS, not OpenBLAS: loading OpenBLAS's DYNAMIC_ARCH build costs about
 * 6 ms of symbol relocations and page faults, 4 % of the one-thread seed
 * job, which never multiplies a matrix.  The program defines and exports
 * the double-precision cblas_* functions (blas.c, blas.dynlist); GSL's
 * BLAS calls bind to them, since the program comes first in the lookup
 * scope, and they call OpenBLAS's, loaded at the first call.  Part of the
 * program, not of the library: libsatstat.so links OpenBLAS as before. */
#ifndef SATSTAT_CLI_BLAS_H
#define SATSTAT_CLI_BLAS_H

/* Load OpenBLAS now (once; later calls return at once) and keep it on one
 * thread (satstat_blas_single_thread).  Called before a job that multiplies
 * matrices, so that what the program says of its BLAS (the reference-BLAS
 * note, the deep report's "blas") is what the job uses.  Without OpenBLAS
 * (not installed, or -Dblas=gsl) GSL's reference CBLAS does the work, and
 * satstat_blas_name() says so; SATSTAT_BLAS=gslcblas in the environment
 * asks for GSL's reference CBLAS. */
void cli_blas_load(void);

#endif
