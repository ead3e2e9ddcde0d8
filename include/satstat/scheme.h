/* satstat/scheme.h — what a neuron is made of: the weight scheme, the bias
 * law and the input model, parsed from the specs users type.
 *
 * z = Σ_j w_j x_j + b.  Specs (SPEC.md, "Command line"):
 *   weights  standard | scaled | normal:SIGMA | uniform:A
 *   bias     normal:SIGMA | zero | const:C | uniform:A
 *   inputs   half | ones | bernoulli:P          (with --active K for half)
 *
 * Every parsed object carries a canonical spec string.  The canonical weight
 * spec keys the scheme's random stream (satstat/rng.h), so "scaled" gives the
 * same bits alone and inside a list, and "normal:0.50" equals "normal:0.5".
 */
#ifndef SATSTAT_SCHEME_H
#define SATSTAT_SCHEME_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Room for a canonical spec, terminating NUL included. */
#define SATSTAT_SPEC_SIZE 64

/* A one-dimensional law. */
typedef enum satstat_family {
    SATSTAT_FAMILY_CONSTANT, /* the constant a                      */
    SATSTAT_FAMILY_NORMAL,   /* N(a, b²): mean a, standard deviation b */
    SATSTAT_FAMILY_UNIFORM   /* U(a, b), a < b                        */
} satstat_family;

typedef struct satstat_law {
    satstat_family family;
    double a, b;
} satstat_law;

double satstat_law_mean(const satstat_law *law);
double satstat_law_variance(const satstat_law *law);

/* ---- weight schemes ---------------------------------------------------- */

typedef enum satstat_scheme_kind {
    SATSTAT_SCHEME_STANDARD, /* N(0, 1): Nielsen's large_weight_initializer */
    SATSTAT_SCHEME_SCALED,   /* N(0, 1/n_in): default_weight_initializer    */
    SATSTAT_SCHEME_NORMAL,   /* N(0, SIGMA²)                                */
    SATSTAT_SCHEME_UNIFORM   /* U(-A, A)                                    */
} satstat_scheme_kind;

typedef struct satstat_scheme {
    satstat_scheme_kind kind;
    double param;                     /* SIGMA or A; 0 for standard/scaled */
    char canonical[SATSTAT_SPEC_SIZE]; /* "standard", "normal:0.5", ...    */
} satstat_scheme;

/* Parse one weight-scheme spec.  An unknown name gives SATSTAT_EINVAL and
 * a message listing the valid names. */
int satstat_scheme_parse(const char *text, satstat_scheme *out, char *msg);

/* Parse a comma-separated list into out[0..max-1]; *count gets the number
 * parsed.  Empty items, more than `max` items and duplicates (same
 * canonical spec) are errors. */
int satstat_scheme_parse_list(const char *text, satstat_scheme *out,
                              size_t max, size_t *count, char *msg);

/* The law of one weight in a layer with the given fan-in and fan-out. */
int satstat_scheme_weight_law(const satstat_scheme *scheme, uint64_t n_in,
                              uint64_t n_out, satstat_law *out);

/* A short formula for reports, e.g. "N(0, 1/n_in)", "N(0, 0.5²)" (UTF-8),
 * "U(-0.1, 0.1)".  SATSTAT_ERANGE when `size` is too small (buf then holds
 * a truncated, NUL-terminated prefix); SATSTAT_SPEC_SIZE always suffices. */
int satstat_scheme_describe(const satstat_scheme *scheme, char *buf,
                            size_t size);

/* NULL-terminated list of the scheme names a user can type (for --help). */
const char *const *satstat_scheme_names(void);

/* ---- bias ----------------------------------------------------------------*/

typedef struct satstat_bias {
    satstat_law law;
    char canonical[SATSTAT_SPEC_SIZE]; /* "normal:1", "zero", "const:0.5" */
} satstat_bias;

int satstat_bias_parse(const char *text, satstat_bias *out, char *msg);

/* NULL-terminated list of the bias specs a user can type (for --help). */
const char *const *satstat_bias_names(void);

/* ---- inputs ----------------------------------------------------------------*/

typedef enum satstat_inputs_kind {
    SATSTAT_INPUTS_HALF,     /* x_j = 1 for j < active, else 0 (fixed)     */
    SATSTAT_INPUTS_ONES,     /* x_j = 1 for every j (fixed)                */
    SATSTAT_INPUTS_BERNOULLI /* x_j ~ Bernoulli(p), fresh for every neuron */
} satstat_inputs_kind;

typedef struct satstat_inputs {
    satstat_inputs_kind kind;
    double p;                          /* BERNOULLI only                 */
    uint64_t active;                   /* HALF only; resolved by
                                          satstat_inputs_resolve         */
    int active_given;                  /* --active was given explicitly   */
    char canonical[SATSTAT_SPEC_SIZE]; /* "half", "ones", "bernoulli:0.3" */
} satstat_inputs;

/* Writes every field of *out: `active` and `active_given` are set to 0.
 * A caller that reads --active (options may come in any order) sets them
 * after parsing --inputs, then calls satstat_inputs_resolve(). */
int satstat_inputs_parse(const char *text, satstat_inputs *out, char *msg);

/* NULL-terminated list of the input specs a user can type (for --help). */
const char *const *satstat_inputs_names(void);

/* Fix `active` for fan-in n_in: the explicit --active K when active_given
 * (0 ≤ K ≤ n_in, else SATSTAT_EINVAL), else n_in/2 rounded down.  For
 * `ones` and `bernoulli`, an explicit --active is an error (it would be
 * silently ignored otherwise). */
int satstat_inputs_resolve(satstat_inputs *inputs, uint64_t n_in, char *msg);

/* 1 when inputs are drawn afresh for every neuron. */
int satstat_inputs_is_random(const satstat_inputs *inputs);

/* Σ_j x_j² for fixed inputs; n_in·E[x²] for random ones. */
double satstat_inputs_sum_sq(const satstat_inputs *inputs, uint64_t n_in);

/* Σ_j E[x_j] (used for the mean of z when weights have a non-zero mean). */
double satstat_inputs_sum(const satstat_inputs *inputs, uint64_t n_in);

/* Number of inputs that can be non-zero: the weights that must be drawn. */
uint64_t satstat_inputs_support(const satstat_inputs *inputs, uint64_t n_in);

#ifdef __cplusplus
}
#endif
#endif
