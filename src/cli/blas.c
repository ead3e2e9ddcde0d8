/* blas.c — the program's double-precision CBLAS: OpenBLAS's, loaded at the
 * first call (blas.h says why).
 *
 * GSL's BLAS layer (gsl_blas_*, and through it the QR and SVD of the
 * orthogonal scheme and the deep networks' products) calls cblas_*.  The
 * program exports the functions below (blas.dynlist), so those calls come
 * here before GSL's reference CBLAS; each forwards to OpenBLAS's function
 * of the same name, or, when OpenBLAS cannot be loaded, to the next
 * definition in the lookup scope (RTLD_NEXT: GSL's reference CBLAS).  The
 * choice is made once, for all functions together, so that one job never
 * mixes two BLAS.  These are all the double-precision real functions GSL
 * calls; the single-precision and complex ones, which satstat never
 * reaches, stay GSL's. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cblas.h>

#include <satstat/build.h>

#include "cli/blas.h"

#ifdef SATSTAT_OPENBLAS_SONAME

/* V(name, parameters, arguments) for the functions that return nothing,
 * R(type, name, parameters, arguments) for the others; the prototypes are
 * gsl_cblas.h's. */
#define ORDER const enum CBLAS_ORDER
#define TRANS const enum CBLAS_TRANSPOSE
#define UPLO const enum CBLAS_UPLO
#define DIAG const enum CBLAS_DIAG
#define SIDE const enum CBLAS_SIDE
#define CBLAS_DOUBLE(V, R)                                                                        \
    R(double, dasum, (const int N, const double *X, const int incX), (N, X, incX))                \
    R(double, dnrm2, (const int N, const double *X, const int incX), (N, X, incX))                \
    R(CBLAS_INDEX, idamax, (const int N, const double *X, const int incX), (N, X, incX))          \
    R(double, ddot, (const int N, const double *X, const int incX, const double *Y,              \
                     const int incY), (N, X, incX, Y, incY))                                      \
    R(double, dsdot, (const int N, const float *X, const int incX, const float *Y,               \
                      const int incY), (N, X, incX, Y, incY))                                     \
    V(daxpy, (const int N, const double alpha, const double *X, const int incX, double *Y,       \
              const int incY), (N, alpha, X, incX, Y, incY))                                      \
    V(dcopy, (const int N, const double *X, const int incX, double *Y, const int incY),          \
      (N, X, incX, Y, incY))                                                                      \
    V(dswap, (const int N, double *X, const int incX, double *Y, const int incY),                \
      (N, X, incX, Y, incY))                                                                      \
    V(dscal, (const int N, const double alpha, double *X, const int incX), (N, alpha, X, incX))  \
    V(drot, (const int N, double *X, const int incX, double *Y, const int incY, const double c,  \
             const double s), (N, X, incX, Y, incY, c, s))                                        \
    V(drotg, (double *a, double *b, double *c, double *s), (a, b, c, s))                          \
    V(drotm, (const int N, double *X, const int incX, double *Y, const int incY,                 \
              const double *P), (N, X, incX, Y, incY, P))                                         \
    V(drotmg, (double *d1, double *d2, double *b1, const double b2, double *P),                  \
      (d1, d2, b1, b2, P))                                                                        \
    V(dgemv, (ORDER order, TRANS TransA, const int M, const int N, const double alpha,           \
              const double *A, const int lda, const double *X, const int incX,                    \
              const double beta, double *Y, const int incY),                                      \
      (order, TransA, M, N, alpha, A, lda, X, incX, beta, Y, incY))                               \
    V(dgbmv, (ORDER order, TRANS TransA, const int M, const int N, const int KL, const int KU,   \
              const double alpha, const double *A, const int lda, const double *X,                \
              const int incX, const double beta, double *Y, const int incY),                      \
      (order, TransA, M, N, KL, KU, alpha, A, lda, X, incX, beta, Y, incY))                       \
    V(dtrmv, (ORDER order, UPLO Uplo, TRANS TransA, DIAG Diag, const int N, const double *A,     \
              const int lda, double *X, const int incX),                                          \
      (order, Uplo, TransA, Diag, N, A, lda, X, incX))                                            \
    V(dtbmv, (ORDER order, UPLO Uplo, TRANS TransA, DIAG Diag, const int N, const int K,         \
              const double *A, const int lda, double *X, const int incX),                         \
      (order, Uplo, TransA, Diag, N, K, A, lda, X, incX))                                         \
    V(dtpmv, (ORDER order, UPLO Uplo, TRANS TransA, DIAG Diag, const int N, const double *Ap,    \
              double *X, const int incX), (order, Uplo, TransA, Diag, N, Ap, X, incX))            \
    V(dtrsv, (ORDER order, UPLO Uplo, TRANS TransA, DIAG Diag, const int N, const double *A,     \
              const int lda, double *X, const int incX),                                          \
      (order, Uplo, TransA, Diag, N, A, lda, X, incX))                                            \
    V(dtbsv, (ORDER order, UPLO Uplo, TRANS TransA, DIAG Diag, const int N, const int K,         \
              const double *A, const int lda, double *X, const int incX),                         \
      (order, Uplo, TransA, Diag, N, K, A, lda, X, incX))                                         \
    V(dtpsv, (ORDER order, UPLO Uplo, TRANS TransA, DIAG Diag, const int N, const double *Ap,    \
              double *X, const int incX), (order, Uplo, TransA, Diag, N, Ap, X, incX))            \
    V(dsymv, (ORDER order, UPLO Uplo, const int N, const double alpha, const double *A,          \
              const int lda, const double *X, const int incX, const double beta, double *Y,       \
              const int incY), (order, Uplo, N, alpha, A, lda, X, incX, beta, Y, incY))           \
    V(dsbmv, (ORDER order, UPLO Uplo, const int N, const int K, const double alpha,              \
              const double *A, const int lda, const double *X, const int incX,                    \
              const double beta, double *Y, const int incY),                                      \
      (order, Uplo, N, K, alpha, A, lda, X, incX, beta, Y, incY))                                 \
    V(dspmv, (ORDER order, UPLO Uplo, const int N, const double alpha, const double *Ap,         \
              const double *X, const int incX, const double beta, double *Y, const int incY),     \
      (order, Uplo, N, alpha, Ap, X, incX, beta, Y, incY))                                        \
    V(dger, (ORDER order, const int M, const int N, const double alpha, const double *X,         \
             const int incX, const double *Y, const int incY, double *A, const int lda),          \
      (order, M, N, alpha, X, incX, Y, incY, A, lda))                                             \
    V(dsyr, (ORDER order, UPLO Uplo, const int N, const double alpha, const double *X,           \
             const int incX, double *A, const int lda), (order, Uplo, N, alpha, X, incX, A, lda)) \
    V(dspr, (ORDER order, UPLO Uplo, const int N, const double alpha, const double *X,           \
             const int incX, double *Ap), (order, Uplo, N, alpha, X, incX, Ap))                   \
    V(dsyr2, (ORDER order, UPLO Uplo, const int N, const double alpha, const double *X,          \
              const int incX, const double *Y, const int incY, double *A, const int lda),         \
      (order, Uplo, N, alpha, X, incX, Y, incY, A, lda))                                          \
    V(dspr2, (ORDER order, UPLO Uplo, const int N, const double alpha, const double *X,          \
              const int incX, const double *Y, const int incY, double *A),                        \
      (order, Uplo, N, alpha, X, incX, Y, incY, A))                                               \
    V(dgemm, (ORDER Order, TRANS TransA, TRANS TransB, const int M, const int N, const int K,    \
              const double alpha, const double *A, const int lda, const double *B,                \
              const int ldb, const double beta, double *C, const int ldc),                        \
      (Order, TransA, TransB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc))                      \
    V(dsymm, (ORDER Order, SIDE Side, UPLO Uplo, const int M, const int N, const double alpha,   \
              const double *A, const int lda, const double *B, const int ldb,                     \
              const double beta, double *C, const int ldc),                                       \
      (Order, Side, Uplo, M, N, alpha, A, lda, B, ldb, beta, C, ldc))                             \
    V(dsyrk, (ORDER Order, UPLO Uplo, TRANS Trans, const int N, const int K, const double alpha, \
              const double *A, const int lda, const double beta, double *C, const int ldc),       \
      (Order, Uplo, Trans, N, K, alpha, A, lda, beta, C, ldc))                                    \
    V(dsyr2k, (ORDER Order, UPLO Uplo, TRANS Trans, const int N, const int K,                    \
               const double alpha, const double *A, const int lda, const double *B,               \
               const int ldb, const double beta, double *C, const int ldc),                       \
      (Order, Uplo, Trans, N, K, alpha, A, lda, B, ldb, beta, C, ldc))                            \
    V(dtrmm, (ORDER Order, SIDE Side, UPLO Uplo, TRANS TransA, DIAG Diag, const int M,           \
              const int N, const double alpha, const double *A, const int lda, double *B,         \
              const int ldb), (Order, Side, Uplo, TransA, Diag, M, N, alpha, A, lda, B, ldb))     \
    V(dtrsm, (ORDER Order, SIDE Side, UPLO Uplo, TRANS TransA, DIAG Diag, const int M,           \
              const int N, const double alpha, const double *A, const int lda, double *B,         \
              const int ldb), (Order, Side, Uplo, TransA, Diag, M, N, alpha, A, lda, B, ldb))

/* the functions the calls go to */
static struct {
#define V(name, params, args) void(*name) params;
#define R(type, name, params, args) type(*name) params;
    CBLAS_DOUBLE(V, R)
#undef V
#undef R
} target;

static pthread_once_t loaded = PTHREAD_ONCE_INIT;

/* Every function from one object: h, or (h NULL) the next definition
 * after the program's.  0 when one is missing. */
static int resolve_all(void *h)
{
    void *where = h ? h : RTLD_NEXT;
    int complete = 1;
#define V(name, params, args) \
    complete &= (*(void **)&target.name = dlsym(where, "cblas_" #name)) != NULL;
#define R(type, name, params, args) V(name, params, args)
    CBLAS_DOUBLE(V, R)
#undef V
#undef R
    return complete;
}

static void load(void)
{
    /* SATSTAT_BLAS=gslcblas: GSL's reference CBLAS, the same code on
     * every machine (to compare with, or to test this fallback).
     * RTLD_GLOBAL: the library finds OpenBLAS's own functions (its thread
     * count, its kernel's name) by name (base/build.c). */
    const char *want = getenv("SATSTAT_BLAS");
    void *h = want && strcmp(want, "gslcblas") == 0
                  ? NULL
                  : dlopen(SATSTAT_OPENBLAS_SONAME, RTLD_NOW | RTLD_GLOBAL);
    if (h && !resolve_all(h)) {
        dlclose(h);
        h = NULL;
    }
    if (!h && !resolve_all(NULL)) {
        /* GSL cannot have loaded without a CBLAS: a broken installation */
        fputs("satstat: no CBLAS (OpenBLAS or GSL's gslcblas) could be loaded\n", stderr);
        abort();
    }
    satstat_blas_single_thread();
}

void cli_blas_load(void)
{
    pthread_once(&loaded, load);
}

/* the exported functions: the prototypes of gsl_cblas.h */
#define V(name, params, args) \
    void cblas_##name params  \
    {                         \
        cli_blas_load();      \
        target.name args;     \
    }
#define R(type, name, params, args) \
    type cblas_##name params        \
    {                               \
        cli_blas_load();            \
        return target.name args;    \
    }
CBLAS_DOUBLE(V, R)
#undef V
#undef R

#else
/* -Dblas=gsl, or no OpenBLAS at build time: GSL's reference CBLAS, linked */
void cli_blas_load(void)
{
}
#endif
