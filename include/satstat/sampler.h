/* satstat/sampler.h — Monte Carlo z = Σ w_j x_j + b, streamed.
 *
 * For one scheme of a config, neuron i (0 ≤ i < samples) draws its weights
 * w_j for every input j that can be non-zero, its bias, and (for random
 * inputs) its inputs, all from satstat/rng.h streams; z is never drawn from
 * the law it is meant to check.  Neurons are grouped into fixed blocks of
 * SATSTAT_BLOCK_NEURONS; each block is summarised alone, and summaries are
 * merged along a fixed binary tree over block indices (a binary-counter
 * stack).  The tree depends only on the number of blocks, so any thread
 * count, and later any split of aligned block ranges across processes,
 * gives bit-identical results.  Memory does not grow with `samples`.
 */
#ifndef SATSTAT_SAMPLER_H
#define SATSTAT_SAMPLER_H

#include <satstat/export.h>

#include <stddef.h>
#include <stdint.h>

#include <gsl/gsl_histogram.h>

#include <satstat/config.h>
#include <satstat/stats.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SATSTAT_BLOCK_NEURONS 1024u

/* What the summary keeps besides moments and counts. */
typedef struct satstat_layout {
    double hist_lo, hist_hi; /* histogram of z over [lo, hi)              */
    size_t hist_bins;        /* equal-width bins; values outside counted   */
                             /* as underflow / overflow                    */
    double abs_step;         /* histogram of |z| with this bin width, so   */
    size_t abs_bins;         /* P(|z| ≥ k·step) is exact at every k ≤ bins */
    size_t subsample;        /* keep z of neurons 0 .. subsample−1         */
} satstat_layout;

/* A layout fitted to a law of z with this mean and variance (the caller's:
 * the sampler knows no formula) and the saturation threshold: histogram
 * over mean ± 8 sd with 400 bins (mean ± 1 when the variance is 0), |z|
 * steps of threshold/16, a sub-sample of min(samples, 5000). */
SATSTAT_API void satstat_layout_default(double mean, double variance, double threshold,
                                        uint64_t samples, satstat_layout *out);

typedef struct satstat_summary satstat_summary;

/* Called from the thread that called the sampler (which samples too),
 * about ten times a second and between rounds of blocks; return non-zero
 * to stop (the sampler then returns SATSTAT_ECANCELED). */
typedef int (*satstat_progress_fn)(void *ctx, uint64_t done, uint64_t total);

/* Sample config->samples neurons of `scheme`.  On success *out is a new
 * summary the caller frees with satstat_summary_free(). */
SATSTAT_API int satstat_sample(const satstat_config *config, const satstat_scheme *scheme,
                               const satstat_layout *layout,
                               satstat_progress_fn progress, void *progress_ctx,
                               satstat_summary **out);

SATSTAT_API void satstat_summary_free(satstat_summary *s);

/* The raw draws behind neuron `neuron` of `scheme`, exactly as the sampler
 * uses them: weights w_j for j = first .. first+n−1 (scaled to the
 * scheme's law), the bias, and (random input models) the inputs x_j.
 * For orthogonal, the weights are row neuron mod n_out of matrix
 * neuron / n_out, formed explicitly (O(n_in·n_out) work per weight: for
 * tests at small sizes).  For
 * testing a scheme's weight law on its own draws, and for recomputing z. */
SATSTAT_API int satstat_sample_weights(const satstat_config *config,
                                       const satstat_scheme *scheme, uint64_t neuron,
                                       uint64_t first, size_t n, double *w);
SATSTAT_API int satstat_sample_bias(const satstat_config *config,
                                    const satstat_scheme *scheme, uint64_t neuron,
                                    double *b);
SATSTAT_API int satstat_sample_inputs(const satstat_config *config,
                                      const satstat_scheme *scheme, uint64_t neuron,
                                      uint64_t first, size_t n, double *x);

/* z of neurons first .. first+count−1 straight from the kernel (no
 * statistics), for tests that recompute z from the raw draws. */
SATSTAT_API int satstat_sample_z(const satstat_config *config, const satstat_scheme *scheme,
                                 uint64_t first, size_t count, double *z);

/* Statistics per unit of independence.  For every scheme but orthogonal
 * the unit is one neuron and this is NULL (*unit_size 1): use the moments
 * and counts below.  For orthogonal[:GAIN] the unit is one n_out × n_in
 * matrix, whose rows are dependent (for n_out = n_in, Σ_i (z_i − b_i)² =
 * gain²‖x‖² exactly): the sample has ceil(samples/n_out) matrices, every
 * row enters the moments, the saturated count and the histogram of z, and
 * each matrix gives one observation of each of these per-unit means, the
 * i.i.d. data of tests and intervals (*unit_size = n_out).  The |z|
 * counts, the sub-sample and satstat_summary_unit_histogram() then hold
 * each matrix's first row only, an i.i.d. sample of the marginal law.
 * Each sampling thread holds one matrix and its QR factors (about
 * 8·n_in·n_out + 8·min(n_in, n_out)² bytes); the thread count is lowered,
 * with the same bits, so that they fit in a quarter of physical memory. */
typedef struct satstat_unit_moments {
    double center;             /* c: the middle of the layout's histogram */
    satstat_moments mean;      /* per unit: mean of z − c over its rows    */
    satstat_moments square;    /* per unit: mean of (z − c)²               */
    satstat_moments mean_plus_square; /* their sum, for their covariance   */
    satstat_moments saturated; /* per unit: fraction of rows saturated     */
    satstat_moments dphi;      /* per unit: mean of φ'(z)                  */
    uint64_t first_saturated;  /* units whose first row is saturated       */
} satstat_unit_moments;

SATSTAT_API const satstat_unit_moments *satstat_summary_units(const satstat_summary *s,
                                                              uint64_t *unit_size);
/* Histogram of the first row of every unit (same bins as the histogram of
 * z), with its own underflow and overflow; NULL when the unit is one
 * neuron. */
SATSTAT_API const gsl_histogram *satstat_summary_unit_histogram(const satstat_summary *s,
                                                                uint64_t *underflow,
                                                                uint64_t *overflow);

/* The 1 − alpha interval of the saturated fraction, the one the report
 * prints: for independent neurons satstat_proportion_interval() of
 * (saturated, n); for orthogonal matrices Student t over the matrices'
 * fractions (clipped to [0, 1]) when at least 20 rows are saturated and
 * 20 are not and the fractions vary, otherwise the exact interval of each
 * matrix's first row (valid, wider).  *first_rows (may be NULL) is set to
 * 1 in that last case. */
SATSTAT_API int satstat_summary_saturated_interval(const satstat_summary *s, double alpha,
                                                   satstat_interval *ci, int *first_rows);

/* Moments of z and of φ'(z); the pointers live as long as the summary. */
SATSTAT_API const satstat_moments *satstat_summary_z(const satstat_summary *s);
SATSTAT_API const satstat_moments *satstat_summary_dphi(const satstat_summary *s);
/* Neurons with z in the saturated region (satstat_config_region). */
SATSTAT_API uint64_t satstat_summary_saturated(const satstat_summary *s);
/* Histogram of z; underflow and overflow counts beside it. */
SATSTAT_API const gsl_histogram *satstat_summary_histogram(const satstat_summary *s,
                                                           uint64_t *underflow,
                                                           uint64_t *overflow);
/* counts[k] = #{ k·step ≤ |z| < (k+1)·step }, the last bin open above. */
SATSTAT_API const uint64_t *satstat_summary_abs_counts(const satstat_summary *s,
                                                       size_t *bins, double *step);
/* z of neurons 0 .. *n−1, in neuron order. */
SATSTAT_API const double *satstat_summary_subsample(const satstat_summary *s, size_t *n);

#ifdef __cplusplus
}
#endif
#endif
