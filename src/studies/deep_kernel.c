/* deep_kernel.c — the two products of a deep network's layer with normal
 * weights kept as the stream's floats (deep_network.c): z_i += Σ_j w_ij x_j
 * for a row, and y += w_i· δ_i for the backward pass, with w = a + b·f.
 *
 * Compiled once per SIMD path, like sample/kernel.c, and chosen at run
 * time with the sampling kernel's path (satstat_simd_path).  Every loop is
 * over 16 lanes with no dependence between lanes, which GCC turns into
 * vector code at -O3 without reordering any floating-point operation, and
 * with -ffp-contract=off nothing is fused: the same bits on every path.
 */
#include <stddef.h>

#include "studies/deep-int.h"

#ifndef SATSTAT_KERNEL_SUFFIX
#error "build deep_kernel.c with -DSATSTAT_KERNEL_SUFFIX=<path>"
#endif
#define SATSTAT__CAT2(a, b) a##b
#define SATSTAT__CAT(a, b) SATSTAT__CAT2(a, b)
#define DOT_NAME SATSTAT__CAT(satstat__deep_dot_, SATSTAT_KERNEL_SUFFIX)
#define AXPY_NAME SATSTAT__CAT(satstat__deep_axpy_, SATSTAT_KERNEL_SUFFIX)

enum { LANES = 16 };

/* Σ_j (a + b·f_j)·x_j, j < n: each weight exactly as deep_network.c's
 * draw_law makes it; lane k sums the j ≡ k (mod 16), and the 16 lane sums
 * are added in a fixed tree. */
double DOT_NAME(double a, double b, const float *f, const double *x, size_t n)
{
    double acc[LANES] = {0};
    size_t j = 0;
    for (; j + LANES <= n; j += LANES)
        for (size_t k = 0; k < LANES; k++)
            acc[k] += (a + b * (double)f[j + k]) * x[j + k];
    for (size_t k = 0; j < n; j++, k++)
        acc[k] += (a + b * (double)f[j]) * x[j];
    for (size_t half = LANES / 2; half > 0; half /= 2)
        for (size_t k = 0; k < half; k++)
            acc[k] += acc[k + half];
    return acc[0];
}

/* y_j += (a + b·f_j)·s, j < n: one row's share of Wᵀδ (every y_j its own
 * sum, over the rows in order). */
void AXPY_NAME(double a, double b, const float *f, double s, double *y, size_t n)
{
    for (size_t j = 0; j < n; j++)
        y[j] += (a + b * (double)f[j]) * s;
}
