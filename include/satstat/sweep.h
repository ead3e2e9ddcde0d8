/* satstat/sweep.h — one parameter swept over a grid, every point a full run.
 *
 * A sweep takes a base config (satstat/config.h) and one parameter with a
 * range, `PARAM=FROM:TO[:STEPS][:log]`:
 *   n-in       the fan-in; points are rounded to whole numbers and repeats
 *              dropped.  With `half` inputs and no explicit --active, each
 *              point has active = n_in/2 (rounded down), as `run` does.
 *   sigma      the weight standard deviation of the `normal:` scheme in the
 *              list (exactly one; other schemes stay as they are, flat
 *              references).
 *   p          the input density: P of `bernoulli:P` inputs, or for `half`
 *              inputs the fraction of inputs that are on (active =
 *              round(p·n_in); the point's value is then active/n_in, and
 *              repeats are dropped).  0 ≤ p ≤ 1; `ones` has no p.
 *   threshold  the saturation threshold T; T > 0.  Each point is `run
 *              --threshold T`, i.e. the rule z:T (|z| ≥ T; one-sided rows
 *              z ≤ −T), relu included; a base rule deriv:, output: or dead
 *              has no T and is refused.
 *   gain       the gain of every scheme that takes one (xavier-*, he-*,
 *              orthogonal: satstat_scheme_set_gain()); the others stay.
 *              Not with a base gain (--gain).
 * STEPS defaults to SATSTAT_SWEEP_DEFAULT_STEPS; `log` spaces the points
 * evenly in log(value) (FROM > 0).  Both ends are always points.
 *
 * Everything else in the base is the same at every point: --gain and
 * --mode (applied when each point validates), the saturation rule, and a
 * claimed variance (--expect-variance: one claim, tested at every point
 * as `run` tests it).
 *
 * Every point is run with satstat_report_run() on its own config with the
 * base seed, so points are comparable and a point's numbers are the very
 * bits of `satstat run` with that point's options (its report's command,
 * satstat_report_command(), says which).  Nothing here prints: errors come
 * back as satstat_status codes with one sentence in a caller-owned message
 * buffer (msg, msg_size: satstat/error.h).
 */
#ifndef SATSTAT_SWEEP_H
#define SATSTAT_SWEEP_H

#include <satstat/export.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <satstat/config.h>
#include <satstat/report.h>
#include <satstat/sampler.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SATSTAT_SWEEP_DEFAULT_STEPS 10u
#define SATSTAT_SWEEP_MAX_STEPS 1000u
/* Sampled neurons per scheme and point unless --samples says otherwise:
 * a tenth of `run`'s, so a 10-point sweep costs what one run does. */
#define SATSTAT_SWEEP_DEFAULT_SAMPLES UINT64_C(100000)

typedef enum satstat_sweep_param {
    SATSTAT_SWEEP_N_IN,
    SATSTAT_SWEEP_SIGMA,
    SATSTAT_SWEEP_P,
    SATSTAT_SWEEP_THRESHOLD,
    SATSTAT_SWEEP_GAIN
} satstat_sweep_param;

/* "n-in", "sigma", "p", "threshold", "gain"; NULL for a bad value. */
SATSTAT_API const char *satstat_sweep_param_name(satstat_sweep_param param);

typedef struct satstat_sweep_spec {
    satstat_sweep_param param;
    double from, to;  /* from < to                                   */
    unsigned steps;   /* grid points before rounding, 2 .. MAX_STEPS */
    int log;          /* log spacing (from > 0)                      */
} satstat_sweep_spec;

/* Parse `PARAM=FROM:TO[:STEPS][:log]` ("n-in=10:10000:4:log").  Checks
 * FROM < TO, 2 ≤ STEPS ≤ SATSTAT_SWEEP_MAX_STEPS, FROM > 0 with log, the
 * parameter's own range (n-in: 1 .. SATSTAT_MAX_N_IN and at least two
 * whole numbers; sigma, threshold, gain: > 0; p: in [0, 1]).  The message
 * quotes the part at fault, not the option. */
SATSTAT_API int satstat_sweep_spec_parse(const char *text, satstat_sweep_spec *out,
                                         char *msg, size_t msg_size);

/* The canonical form of a spec ("n-in=10:10000:4:log").  SATSTAT_ERANGE
 * when size is too small; 128 bytes always suffice. */
SATSTAT_API int satstat_sweep_spec_format(const satstat_sweep_spec *spec, char *buf,
                                          size_t size);

/* The grid of a spec, ascending: linear or logarithmic, both ends exact;
 * for n-in rounded to whole numbers with repeats dropped.  values has room
 * for `capacity` numbers (spec->steps always suffice); *count gets the
 * number written. */
SATSTAT_API int satstat_sweep_grid(const satstat_sweep_spec *spec, double *values,
                                   size_t capacity, size_t *count);

typedef struct satstat_sweep satstat_sweep;

/* Plan a sweep: build and validate the config of every grid point from
 * `base` (which need not be validated; the varied field's value in it is
 * ignored).  Errors (SATSTAT_EINVAL): sigma without exactly one `normal:`
 * scheme; p with `ones` inputs, or with `half` and an explicit --active;
 * gain when no scheme of the list takes a gain ("not supported by these
 * schemes") or with a base gain (not NAN); threshold with a base saturation
 * rule other than default or z:T; a
 * point whose config does not validate (the message names the point and
 * the option, e.g. "at n-in=10: --active must be ...").  *out is freed
 * with satstat_sweep_free().  Validate the base first
 * (satstat_config_validate): that reads a `file:` input once, and every
 * point then shares its numbers instead of reading the file again. */
SATSTAT_API int satstat_sweep_new(const satstat_config *base,
                                  const satstat_sweep_spec *spec, int analytic_only,
                                  satstat_sweep **out, char *msg, size_t msg_size);
SATSTAT_API void satstat_sweep_free(satstat_sweep *sweep);

/* Run every point (satstat_report_run, same seed).  progress may be NULL;
 * it sees done/total over all points and schemes, in work (a point weighs
 * samples x schemes x (n_in + 1), the cost of its dot products) and may
 * cancel (SATSTAT_ECANCELED; the sweep can then only be freed). */
SATSTAT_API int satstat_sweep_run(satstat_sweep *sweep, satstat_progress_fn progress,
                                  void *progress_ctx);

SATSTAT_API const satstat_sweep_spec *satstat_sweep_get_spec(const satstat_sweep *sweep);
SATSTAT_API size_t satstat_sweep_point_count(const satstat_sweep *sweep);
/* The parameter at point i (after rounding: n_in, active/n_in, ...). */
SATSTAT_API double satstat_sweep_point_value(const satstat_sweep *sweep, size_t i);
/* The validated config of point i; valid as long as the sweep. */
SATSTAT_API const satstat_config *satstat_sweep_point_config(const satstat_sweep *sweep,
                                                             size_t i);
/* The report of point i once run, else NULL. */
SATSTAT_API const satstat_report *satstat_sweep_point_report(const satstat_sweep *sweep,
                                                             size_t i);
/* The name of scheme s across the points: its canonical spec at the
 * points (with --gain and --mode applied), or for the scheme whose
 * parameter varies "normal:SIGMA" or "he-normal:GAIN" (",fan_out" added
 * for a fan mode other than fan_in). */
SATSTAT_API const char *satstat_sweep_series_name(const satstat_sweep *sweep, size_t s);
/* 1 when every point's report passed (or analytic only), else 0. */
SATSTAT_API int satstat_sweep_pass(const satstat_sweep *sweep);

/* The command that reproduces the sweep ("satstat sweep --vary ..."). */
SATSTAT_API int satstat_sweep_command(const satstat_sweep *sweep, char *buf, size_t size);

/* Serialise a run sweep.  Numbers use '.' whatever the locale.
 *   text  one table per scheme, a row per point: the formula's and the
 *         sample's Var z, saturated fraction and E[φ'(z)], each sample
 *         with its 1 − alpha interval, and the verdict;
 *   json  {"schema_version", "version", "command": "sweep", "vary": {parameter, from, to,
 *         steps, log, values}, "config" (the base, with its "saturation"
 *         rule, "expect_variance", "gain" and "mode", null when not
 *         given), "schemes" (series
 *         names), "points": [{"value", "config", "schemes", "pass"}],
 *         "pass"}: each point's "config" and "schemes" are exactly what
 *         `satstat run --format json` writes for that point;
 *   csv   one row per (point, scheme); the header is
 *         SATSTAT_SWEEP_CSV_HEADER. */
SATSTAT_API int satstat_sweep_write(const satstat_sweep *sweep, satstat_format format,
                                    FILE *out);
/* The text in at most `width` columns (at least 60 are used);
 * satstat_sweep_write's text fits SATSTAT_TEXT_WIDTH. */
SATSTAT_API int satstat_sweep_write_text(const satstat_sweep *sweep, unsigned width, FILE *out);

#define SATSTAT_SWEEP_CSV_HEADER                                              \
    "parameter,value,series,scheme,n_in,active,inputs,threshold,samples,"     \
    "weight_variance,mean_analytic,mean_sampled,"                             \
    "variance_analytic,variance_sampled,variance_ci_low,variance_ci_high,"    \
    "saturated_fraction_analytic,saturated_fraction_sampled,"                 \
    "saturated_fraction_ci_low,saturated_fraction_ci_high,"                   \
    "mean_activation_derivative_analytic,mean_activation_derivative_sampled," \
    "mean_activation_derivative_ci_low,mean_activation_derivative_ci_high,"   \
    "pass,mean_ci_low,mean_ci_high,skewness_analytic,skewness_sampled,"       \
    "excess_kurtosis_analytic,excess_kurtosis_sampled,saturated_count,"       \
    "claimed_variance,claimed_saturated_fraction,"                            \
    "claimed_mean_activation_derivative"

#ifdef __cplusplus
}
#endif
#endif
