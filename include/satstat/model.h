/* satstat/model.h — one model of a run report, rendered by every format.
 *
 * A scheme's report is a list of quantities.  Each quantity has a name (the
 * CSV `quantity` row and the last part of its JSON key), a kind (what kind
 * of number it is, below), a text label and the number of significant
 * digits the text prints (JSON and CSV print every quantity with 17).  The
 * text, JSON and CSV writers of satstat/report.h and satstat/sweep.h walk
 * this list, so a quantity is in every format or in none; the tests walk it
 * and check each format carries each quantity.  `satstat deep` has a model
 * of the same quantities per scheme and layer (satstat_deep_report_model,
 * satstat/deep.h).
 *
 * Where each kind goes:
 *   FORMULA   analytic law of z  text: "analytic" column   CSV: analytic
 *   CLAIM     --expect-variance  text: "analytic" column   CSV: analytic
 *   SAMPLED   point estimate     text: "sampled" column    CSV: sampled
 *   INTERVAL  1 − alpha interval text: the "CI" row below  CSV: ci_low, ci_high
 *   TEST      verification test  text: "verification"      CSV: statistic ..
 *                                                               verdict
 * and in JSON at `json`, a dotted path inside the scheme's object
 * ("analytic.variance", "empirical.variance_ci", "weight_variance"); a TEST
 * is an entry of the scheme's "tests" array.  The quantities of one name
 * come together, in the order of the CSV rows.
 *
 * Descriptive strings (the weights, the law's kind, the unit of the tests)
 * are not quantities: every writer prints them from the report itself.
 */
#ifndef SATSTAT_MODEL_H
#define SATSTAT_MODEL_H

#include <satstat/export.h>

#include <stddef.h>

#include <satstat/report.h>
#include <satstat/stats.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum satstat_quantity_kind {
    SATSTAT_QUANTITY_FORMULA,  /* computed from the law of z, nothing sampled  */
    SATSTAT_QUANTITY_CLAIM,    /* the claimed law N(E z, V) of --expect-variance */
    SATSTAT_QUANTITY_SAMPLED,  /* a point estimate from the sampled neurons     */
    SATSTAT_QUANTITY_INTERVAL, /* its 1 − alpha confidence interval             */
    SATSTAT_QUANTITY_TEST      /* a verification test of the sample             */
} satstat_quantity_kind;

SATSTAT_API const char *satstat_quantity_kind_name(satstat_quantity_kind kind);

enum { SATSTAT_LABEL_SIZE = 64, SATSTAT_MODEL_MAX = 64 };

typedef struct satstat_quantity {
    const char *name;  /* "variance": the CSV row                          */
    const char *json;  /* "analytic.variance"; "tests" for a TEST          */
    char label[SATSTAT_LABEL_SIZE]; /* the text row: "Var z"            */
    satstat_quantity_kind kind;
    int digits;        /* significant digits in the text: at most the
                          digits the value has (an exact law's far tail
                          may have none: then the text prints the bound) */
    double abserr;     /* bound of |value − truth|: FORMULA of an exact
                          law (satstat/exact.h), the Jacobian's smallest
                          singular value (the SVD's); NaN otherwise        */
    int nonnegative;   /* never below 0 (a probability, a singular value):
                          unresolved, the text prints "<= bound"          */
    int count;         /* a whole number (printed without exponent)       */
    int percent;       /* a fraction the text prints as 100·value "%"     */
    double value;      /* FORMULA, CLAIM, SAMPLED (NaN: unknown)          */
    satstat_interval interval;       /* INTERVAL                          */
    const satstat_test_result *test; /* TEST: points into the report     */
} satstat_quantity;

/* The quantities of one scheme of a report, in order, into out[0..count−1]
 * (capacity SATSTAT_MODEL_MAX always suffices).  An analytic-only report
 * has FORMULA and CLAIM quantities only.  SATSTAT_EINVAL for a bad
 * argument, SATSTAT_ERANGE when capacity is too small. */
SATSTAT_API int satstat_report_model(const satstat_report *report, size_t scheme,
                                     satstat_quantity *out, size_t capacity, size_t *count);

/* Building a model: quantities appended to out[0..capacity−1]; overflow
 * is set when one more did not fit (the builder's caller returns
 * SATSTAT_ERANGE).  Used by satstat_report_model and by the deep report's
 * model (satstat/deep.h). */
typedef struct satstat_model_builder {
    satstat_quantity *out;
    size_t capacity, count;
    int overflow;
} satstat_model_builder;

/* The next quantity, its number fields NaN (value, abserr, interval) and
 * its flags 0; NULL (and overflow set) when full.  name and json are kept
 * as pointers (string literals), label is copied. */
SATSTAT_API satstat_quantity *satstat_model_add(satstat_model_builder *b, const char *name,
                                                const char *json, const char *label,
                                                satstat_quantity_kind kind, int digits);

/* The text of a FORMULA, CLAIM or SAMPLED quantity's value, as every text
 * writer prints it: "-" when unknown, a count without exponent, a
 * percentage as 100·value "%", else the digits it has; an exact law's
 * value without a digit by its bound ("<= 2.5e-13", "0 +- 3.5e-09"). */
SATSTAT_API void satstat_quantity_text(const satstat_quantity *q, char *buf, size_t size);

/* The quantity of this name and kind among q[0..n−1], or NULL. */
SATSTAT_API const satstat_quantity *satstat_quantity_find(const satstat_quantity *q, size_t n,
                                                          const char *name, satstat_quantity_kind kind);

#ifdef __cplusplus
}
#endif
#endif
