/* satstat/build.h — what this build of the library is: its version, and
 * the BLAS the process uses.  Bindings and the program report these; results
 * that go through BLAS (orthogonal schemes, deep) are bit-identical only
 * between builds with the same BLAS on the same kind of CPU. */
#ifndef SATSTAT_BUILD_H
#define SATSTAT_BUILD_H

#include <satstat/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version, "MAJOR.MINOR.PATCH" (the project's version). */
SATSTAT_API const char *satstat_version(void);

/* The CBLAS behind GSL's BLAS calls: "openblas" (optimised) or "gslcblas"
 * (GSL's reference implementation, about a thousand times slower on the
 * QR factorisations of the orthogonal scheme).  Asked of the process at
 * the call: "openblas" when OpenBLAS is loaded (libsatstat.so links it; a
 * program built from the library's objects may load it later, as the
 * satstat program does for the jobs that multiply matrices). */
SATSTAT_API const char *satstat_blas_name(void);

/* Non-zero when the BLAS is GSL's slow reference one. */
SATSTAT_API int satstat_blas_is_reference(void);

/* Keep OpenBLAS on one thread and stop its idle thread pool.  A BLAS that
 * splits a product over its own threads changes the summation order with
 * the machine and the load, so the same seed would not give the same
 * numbers; satstat parallelises over matrices and networks itself.  Every
 * entry point that multiplies matrices (orthogonal schemes, deep
 * networks) calls this first.  It sets the whole process's OpenBLAS, which
 * other code in the process shares.  A program calls it first thing to
 * spare the pool's idle spinning after start-up (about 0.1 s of a core).
 * A no-op with GSL's reference CBLAS, and when OpenBLAS is already on one
 * thread. */
SATSTAT_API void satstat_blas_single_thread(void);

#ifdef __cplusplus
}
#endif
#endif
