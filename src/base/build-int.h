/* build-int.h — what the library needs of its build's BLAS, inside it. */
#ifndef SATSTAT_BUILD_INT_H
#define SATSTAT_BUILD_INT_H

/* Internal to the library: not exported from the shared object. */

/* Keep OpenBLAS on one thread.  A BLAS that splits a product over its own
 * threads changes the summation order with the machine and the load, so
 * the same seed would not give the same numbers; satstat parallelises over
 * matrices and networks itself.  Every entry point that multiplies
 * matrices (orthogonal schemes, deep networks) calls this first, so a
 * program calling the library directly gets the program's numbers.  A
 * no-op with GSL's reference CBLAS. */
void satstat__blas_single_thread(void);


#endif
