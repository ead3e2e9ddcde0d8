/* satstat/report.h — the experiment end to end: analytic law, sampling,
 * verification tests, and the report in text, JSON or CSV.
 *
 * For each scheme of a config the report holds the analytic side
 * (satstat/analytic.h), the sampled summary (satstat/sampler.h) and a
 * family of tests of the sample against the null law N(E z, V), where V is
 * the formula's Var z or the claimed one (--expect-variance).  The family is
 * held to config->alpha with Holm's step-down adjustment.
 */
#ifndef SATSTAT_REPORT_H
#define SATSTAT_REPORT_H

#include <satstat/export.h>

#include <stdio.h>

#include <satstat/analytic.h>
#include <satstat/config.h>
#include <satstat/sampler.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum satstat_format {
    SATSTAT_FORMAT_TEXT,
    SATSTAT_FORMAT_JSON,
    SATSTAT_FORMAT_CSV,
    SATSTAT_FORMAT_HTML /* one self-contained page (satstat/html.h)  */
} satstat_format;

SATSTAT_API int satstat_format_parse(const char *text, satstat_format *out,
                                     char *msg, size_t msg_size);

typedef enum satstat_test_state {
    SATSTAT_TEST_PASS,
    SATSTAT_TEST_FAIL,
    SATSTAT_TEST_SKIPPED /* cannot apply (z is constant), not in the family */
} satstat_test_state;

typedef struct satstat_test_result {
    const char *name;      /* mean, variance, saturated_fraction,
                              mean_activation_derivative, distribution,
                              distribution_binned                        */
    const char *method;    /* how the p-value is computed               */
    const char *statistic_name; /* what `statistic` is: t, z, chi2, D,
                              difference (an exact check: observed −
                              expected)                                   */
    double statistic;
    double dof;            /* degrees of freedom of t and chi2, else NaN  */
    double p_value;        /* raw                                        */
    double p_adjusted;     /* Holm within the scheme's family            */
    int approximate;       /* the null law is a normal approximation     */
    satstat_test_state state;
} satstat_test_result;

typedef struct satstat_report satstat_report;

/* Run every scheme of a validated config.  analytic_only skips sampling
 * (and the tests).  progress may be NULL; it sees done/total over all
 * schemes and may cancel (SATSTAT_ECANCELED). */
SATSTAT_API int satstat_report_run(const satstat_config *config, int analytic_only,
                                   satstat_progress_fn progress, void *progress_ctx,
                                   satstat_report **out);
SATSTAT_API void satstat_report_free(satstat_report *report);

/* 1 when every non-skipped test of every scheme passed (or analytic only). */
SATSTAT_API int satstat_report_pass(const satstat_report *report);
SATSTAT_API size_t satstat_report_scheme_count(const satstat_report *report);
SATSTAT_API const satstat_analytic *satstat_report_analytic(const satstat_report *report,
                                                            size_t scheme);
/* NULL for an analytic-only report. */
SATSTAT_API const satstat_summary *satstat_report_summary(const satstat_report *report,
                                                          size_t scheme);
SATSTAT_API const satstat_test_result *satstat_report_tests(const satstat_report *report,
                                                            size_t scheme, size_t *count);
/* The sampled side of a scheme as the report prints it: point estimates
 * from every neuron and 1 − alpha intervals (Student t for the mean and
 * E φ', χ²-based or fourth-moment for Var z, Clopper–Pearson / Wilson for
 * the saturated fraction; for orthogonal, over the matrices:
 * satstat/sampler.h).  SATSTAT_EINVAL for an analytic-only report. */
typedef struct satstat_sampled {
    uint64_t n;  /* neurons (rows) sampled */
    double mean, variance, skewness, kurtosis, saturated, dphi;
    satstat_interval mean_ci, variance_ci, saturated_ci, dphi_ci;
} satstat_sampled;

SATSTAT_API int satstat_report_sampled(const satstat_report *r, size_t scheme,
                                       satstat_sampled *out);

/* The null law the tests check, N(E z, V): V is the formula's Var z, or
 * the claimed one under --expect-variance (claimed = 1), and its saturated
 * fraction and E φ'(z) (under a claim, of the normal law with variance V). */
typedef struct satstat_null_law {
    int claimed;
    double variance, saturated_fraction, mean_activation_derivative;
} satstat_null_law;

SATSTAT_API int satstat_report_null_law(const satstat_report *r, size_t scheme,
                                        satstat_null_law *out);

/* 1 for a report of the analytic side only (nothing sampled or tested). */
SATSTAT_API int satstat_report_analytic_only(const satstat_report *r);

/* Scheme verdict: 1 pass, 0 fail. */
SATSTAT_API int satstat_report_scheme_pass(const satstat_report *report, size_t scheme);
SATSTAT_API const satstat_config *satstat_report_config(const satstat_report *report);

/* Serialise the report's model (satstat/model.h).  Numbers use '.'
 * whatever the locale.  The CSV layout is one row per (scheme, quantity),
 * documented in README and satstat(1); RFC 4180 quoting.  The JSON follows
 * doc/report.schema.json (schema_version SATSTAT_SCHEMA_VERSION).  The
 * text fits SATSTAT_TEXT_WIDTH columns (satstat_report_write_text for
 * another width, e.g. a terminal's), wrapping schemes into blocks. */
#define SATSTAT_SCHEMA_VERSION 1
/* analytic_kind: formula or claim (what the analytic column holds);
 * statistic_name, dof: what the statistic column holds. */
#define SATSTAT_REPORT_CSV_HEADER                                                  \
    "scheme,quantity,analytic,sampled,ci_low,ci_high,statistic,p_value,p_adjusted," \
    "verdict,analytic_kind,statistic_name,dof"
enum { SATSTAT_TEXT_WIDTH = 100 };

SATSTAT_API int satstat_report_write(const satstat_report *report, satstat_format format,
                                     FILE *out);
/* The text report in at most `width` columns (at least 60 are used). */
SATSTAT_API int satstat_report_write_text(const satstat_report *report, unsigned width, FILE *out);

/* The command line that reproduces this report (for headers and plots). */
SATSTAT_API int satstat_report_command(const satstat_report *report, char *buf,
                                       size_t size);

#ifdef __cplusplus
}
#endif
#endif
