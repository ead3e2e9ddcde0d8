/* kernel-int.h — the sampling kernel's job description and its SIMD builds.
 *
 * kernel.c is compiled once per instruction set (src/meson.build); each
 * build exports satstat__kernel_<path>.  They compute the same operations
 * in the same order, so they return the same bits. */
#ifndef SATSTAT_KERNEL_INT_H
#define SATSTAT_KERNEL_INT_H

#include <stddef.h>
#include <stdint.h>

#include <satstat/rng.h>

/* Internal to the library: not exported from the shared object. */

typedef enum satstat__weight_family {
    SATSTAT__W_NORMAL,  /* w = scale · N(0,1)        */
    SATSTAT__W_UNIFORM, /* w = scale · U(−1, 1)      */
    SATSTAT__W_TRUNC    /* w = scale · (trunc_loc + trunc_scale ·
                           Φ⁻¹(trunc_p0 + u·trunc_width)), u = U(0,1) from
                           word j: one word per weight (transform-int.h) */
} satstat__weight_family;

typedef enum satstat__input_family {
    SATSTAT__X_FIXED,     /* x = job->x (batch order), or 1 when NULL */
    SATSTAT__X_BERNOULLI, /* x = 1 when word_j < bernoulli_threshold  */
    SATSTAT__X_NORMAL,    /* x = input_scale · N(0,1), normal j of the
                             input stream (Box–Muller, as the weights)   */
    SATSTAT__X_UNIFORM    /* x = input_loc + input_scale · U(0,1), word j */
} satstat__input_family;

typedef enum satstat__bias_family {
    SATSTAT__B_CONSTANT, /* b = loc                   */
    SATSTAT__B_NORMAL,   /* b = loc + scale · N(0,1)  */
    SATSTAT__B_UNIFORM   /* b = loc + scale · U(0, 1) */
} satstat__bias_family;

typedef struct satstat__kernel_job {
    uint32_t key[2];              /* the seed, as the Philox key          */
    uint32_t weight_stream;       /* stream ids (satstat_stream_id)       */
    uint32_t bias_stream;
    uint32_t input_stream;
    satstat_transform transform;  /* normals of weights, inputs and bias */
    satstat__weight_family weight_family;
    double weight_scale;
    double trunc_p0, trunc_width; /* W_TRUNC: Φ(α) and Φ(β) − Φ(α) of the */
    double trunc_loc, trunc_scale;/* side of the mean away from the mass; */
                                  /* scale is −σ when the law is mirrored */
    uint64_t support;             /* weights drawn per neuron: j < support */
    const double *x;              /* fixed inputs in batch order, or NULL  */
                                  /* for all ones: x[64b + k] is the input */
                                  /* that draw k of batch b meets (kernel.c)*/
    satstat__input_family input_family; /* random inputs, or FIXED      */
    uint64_t bernoulli_threshold; /* BERNOULLI: x_j = 1 when word_j <      */
                                  /* threshold (= p·2^32)                  */
    double input_loc, input_scale;/* NORMAL and UNIFORM                    */
    double *x_owned;              /* job_from_config's buffer behind x     */
    satstat__bias_family bias_family;
    double bias_loc, bias_scale;
} satstat__kernel_job;

/* z of neurons first .. first+count−1 into z[0..count). */
typedef void (*satstat__kernel_fn)(const satstat__kernel_job *job,
                                   uint64_t first, size_t count, double *z);

void satstat__kernel_baseline(const satstat__kernel_job *job, uint64_t first,
                              size_t count, double *z);
#if defined(__x86_64__) /* built for x86-64 targets only (src/meson.build) */
void satstat__kernel_avx2(const satstat__kernel_job *job, uint64_t first,
                          size_t count, double *z);
void satstat__kernel_avx512(const satstat__kernel_job *job, uint64_t first,
                            size_t count, double *z);
void satstat__kernel_avx512vbmi(const satstat__kernel_job *job, uint64_t first,
                                size_t count, double *z);
#endif

/* Normals 64·first_batch .. 64·(first_batch+batches)−1 of the weight
 * stream of `neuron`, in draw order, by job->transform (job->weight_family
 * must be normal). */
typedef void (*satstat__fill_fn)(const satstat__kernel_job *job, uint64_t neuron,
                                 uint32_t first_batch, size_t batches, float *out);

void satstat__fill_baseline(const satstat__kernel_job *job, uint64_t neuron,
                            uint32_t first_batch, size_t batches, float *out);
#if defined(__x86_64__)
void satstat__fill_avx2(const satstat__kernel_job *job, uint64_t neuron,
                        uint32_t first_batch, size_t batches, float *out);
void satstat__fill_avx512(const satstat__kernel_job *job, uint64_t neuron,
                          uint32_t first_batch, size_t batches, float *out);
void satstat__fill_avx512vbmi(const satstat__kernel_job *job, uint64_t neuron,
                              uint32_t first_batch, size_t batches, float *out);
#endif

/* The fill function of the path satstat__kernel_select would choose. */
satstat__fill_fn satstat__fill_select(void);

/* Normals 0 .. 64·batches − 1 of the weight streams of neurons first ..
 * first+rows−1 (rows ≤ SATSTAT__FILL_ROWS, batches ≤
 * SATSTAT__FILL_ROW_BATCHES), row g in draw order at out + 64·batches·g:
 * the numbers of rows calls of a satstat__fill_fn, made together (the
 * ziggurat finishes the rows' rejections in one pass). */
enum { SATSTAT__FILL_ROWS = 8, SATSTAT__FILL_ROW_BATCHES = 16 };
typedef void (*satstat__fill_rows_fn)(const satstat__kernel_job *job, uint64_t first,
                                      uint32_t rows, uint32_t batches, float *out);
void satstat__fill_rows_baseline(const satstat__kernel_job *job, uint64_t first, uint32_t rows,
                                 uint32_t batches, float *out);
#if defined(__x86_64__)
void satstat__fill_rows_avx2(const satstat__kernel_job *job, uint64_t first, uint32_t rows,
                             uint32_t batches, float *out);
void satstat__fill_rows_avx512(const satstat__kernel_job *job, uint64_t first, uint32_t rows,
                               uint32_t batches, float *out);
void satstat__fill_rows_avx512vbmi(const satstat__kernel_job *job, uint64_t first,
                                   uint32_t rows, uint32_t batches, float *out);
#endif
satstat__fill_rows_fn satstat__fill_rows_select(void);

/* Rows of n normals of one stream at consecutive counters first ..
 * first+rows−1 (a deep layer's rows: row_counter), row r at out + r·stride,
 * each as satstat_fill_normals_with(transform, seed, stream, first + r, 0,
 * n, ·) gives it: SATSTAT__FILL_ROWS at a time for rows of at most
 * 64·SATSTAT__FILL_ROW_BATCHES, one by one past that. */
void satstat__fill_normal_rows(satstat_transform transform, uint64_t seed, uint32_t stream,
                               uint64_t first, size_t rows, size_t n, float *out,
                               size_t stride);

/* The kernel for a path name ("avx512vbmi", "avx512", "avx2", "baseline"), honouring the
 * CPU and SATSTAT_SIMD; *name gets the chosen path. */
satstat__kernel_fn satstat__kernel_select(const char **name);


#endif
