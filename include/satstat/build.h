/* satstat/build.h — what this build of the library is: its version and the
 * BLAS it was linked with.  Bindings and the program report these; results
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
 * QR factorisations of the orthogonal scheme). */
SATSTAT_API const char *satstat_blas_name(void);

/* Non-zero when the BLAS is GSL's slow reference one. */
SATSTAT_API int satstat_blas_is_reference(void);

#ifdef __cplusplus
}
#endif
#endif
