/* satstat/config.h — everything that defines one run, with its defaults.
 *
 * Fill with satstat_config_default(), change fields, then call
 * satstat_config_validate() before handing it to the sampler or the report.
 */
#ifndef SATSTAT_CONFIG_H
#define SATSTAT_CONFIG_H

#include <satstat/export.h>

#include <stddef.h>
#include <stdint.h>

#include <satstat/activation.h>
#include <satstat/rng.h>
#include <satstat/partition.h>
#include <satstat/scheme.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SATSTAT_MAX_SCHEMES 16

/* Sizes beyond these are refused before anything is allocated. */
#define SATSTAT_MAX_N_IN     UINT64_C(100000000)       /* 1e8 inputs   */
#define SATSTAT_MAX_SAMPLES  UINT64_C(1000000000000)   /* 1e12 neurons */
#define SATSTAT_MAX_THREADS  1024u
#define SATSTAT_MAX_MATRIX_ELEMENTS (UINT64_C(1) << 24) /* orthogonal run: n_in·n_out */
#define SATSTAT_MAX_VAR_Z    1e100                      /* Var z: z⁴ sums stay finite */
#define SATSTAT_DEFAULT_SEED UINT64_C(1)
/* The smallest --threshold: the sampler counts |z| in bins of T/16, which
 * must not round to 0 (subnormal T did). */
#define SATSTAT_MIN_THRESHOLD 1e-300
/* --expect-variance V must be at least Var z / this: the variance test's
 * (n−1)s²/V, n ≤ 1e12, then stays below 1e112 (V = 1e-320 overflowed). */
#define SATSTAT_MAX_VARIANCE_CLAIM_RATIO 1e100

/* The field a validation refused (satstat_config_validate() and
 * satstat_config_validate_layer(); satstat_deep_options_validate() for the
 * fields of satstat_deep_options, satstat/deep.h).  The library's
 * messages spell a field by its C member name, satstat_config_field_name()
 * ("n_in must be between 1 and 100000000, got 0"); the program's table of
 * options (satstat/options.h) spells it as its option ("--n-in ..."). */
typedef enum satstat_config_field {
    SATSTAT_FIELD_NONE = 0,        /* no field in particular (NULL config) */
    SATSTAT_FIELD_N_IN,
    SATSTAT_FIELD_N_OUT,
    SATSTAT_FIELD_INPUTS,
    SATSTAT_FIELD_ACTIVE,          /* inputs.active                        */
    SATSTAT_FIELD_BIAS,
    SATSTAT_FIELD_ACTIVATION,
    SATSTAT_FIELD_THRESHOLD,
    SATSTAT_FIELD_SATURATION,
    SATSTAT_FIELD_SAMPLES,
    SATSTAT_FIELD_SEED,
    SATSTAT_FIELD_TRANSFORM,
    SATSTAT_FIELD_THREADS,
    SATSTAT_FIELD_ALPHA,
    SATSTAT_FIELD_CLAIMED_VARIANCE,
    SATSTAT_FIELD_GAIN,
    SATSTAT_FIELD_MODE,
    SATSTAT_FIELD_SCHEMES,         /* schemes[] and n_schemes              */
    SATSTAT_FIELD_LAYERS,          /* satstat_deep_options from here on    */
    SATSTAT_FIELD_WIDTH,
    SATSTAT_FIELD_NETWORKS,
    SATSTAT_FIELD_PAIR_CORRELATION,
    SATSTAT_FIELD_MAX_MEMORY,
    SATSTAT_FIELD_COUNT
} satstat_config_field;

/* The C member name of a field ("n_in", "inputs.active", "schemes",
 * "max_memory"); "" for SATSTAT_FIELD_NONE, NULL out of range. */
SATSTAT_API const char *satstat_config_field_name(satstat_config_field field);

/* The saturated region of z, satstat_region, is defined in
 * satstat/activation.h with the rules that make it. */

typedef struct satstat_config {
    uint64_t n_in;             /* fan-in; default 1000                     */
    uint64_t n_out;            /* fan-out (schemes that need it); 100      */
    satstat_inputs inputs;     /* default `half`, active unset: n_in/2     */
    satstat_bias bias;         /* default normal:1                         */
    const satstat_activation *activation; /* default sigmoid               */
    double threshold;          /* saturated when |z| ≥ threshold; 4        */
    satstat_saturation saturation; /* --saturation: which units count as
                                  saturated (satstat/activation.h); default
                                  SATSTAT_SATURATION_DEFAULT: |z| ≥ threshold,
                                  relu's dead units z ≤ 0.  A z:T rule uses
                                  `threshold` as its T.                    */
    uint64_t samples;          /* neurons per scheme; 1e6                  */
    uint64_t seed;             /* 0 ≤ seed < 2^63; SATSTAT_DEFAULT_SEED    */
    satstat_transform transform; /* how words become normals (--transform);
                                  SATSTAT_TRANSFORM_DEFAULT (satstat/rng.h) */
    unsigned threads;          /* worker threads; 0 = all online cores     */
    const satstat_partition *partition; /* this process's part of a job
                                  split across processes, the same bits as
                                  one (satstat/partition.h); NULL: all of it */
    double alpha;              /* family-wise significance level; 0.001    */
    double claimed_variance;   /* --expect-variance: the claimed Var z;    */
                               /* NAN (the default) when not given         */
    double gain;               /* --gain G: the gain of every scheme that  */
                               /* takes one (xavier-*, he-*, orthogonal)   */
                               /* and whose spec named none; NAN (the      */
                               /* default) when not given                  */
    satstat_fan_mode mode;     /* --mode M: the fan mode of he-* schemes   */
                               /* whose spec named none;                   */
                               /* SATSTAT_FAN_MODE_UNSET when not given    */
    size_t n_schemes;          /* default 2: standard, scaled              */
    satstat_scheme schemes[SATSTAT_MAX_SCHEMES];
} satstat_config;

/* The seed experiment: n_in 1000, 500 inputs on, standard and scaled,
 * N(0,1) bias, sigmoid, |z| ≥ 4, 1e6 samples, alpha 0.001. */
SATSTAT_API void satstat_config_default(satstat_config *config);

/* The saturated region of z for this config: config->saturation resolved
 * for config->activation (satstat_saturation_resolve()); the default rule
 * gives {−threshold, threshold} (relu: {0, +∞}, dead units).  On a rule
 * that does not apply, SATSTAT_EINVAL with a sentence in msg naming
 * `saturation` (or `threshold`, not a positive finite number). */
SATSTAT_API int satstat_config_region(const satstat_config *config, satstat_region *out,
                                      char *msg, size_t msg_size);

/* The rule applied (after satstat_saturation_effective()) and the region
 * in words (satstat_region_format()): "deriv:0.1" and "|z| >= 3.63689".
 * Either buffer may be NULL; SATSTAT_ACTIVATION_NAME_SIZE and
 * SATSTAT_REGION_TEXT_SIZE bytes suffice. */
SATSTAT_API int satstat_config_rule_text(const satstat_config *config, char *rule,
                                         size_t rule_size, char *region,
                                         size_t region_size);

/* Check ranges and cross-field rules (resolves inputs.active against n_in).
 * On error, *field (when field is not NULL) gets the field at fault and
 * `msg` a sentence naming it by its member name ("inputs.active 5 exceeds
 * n_in 4"); *field is SATSTAT_FIELD_NONE on success.
 * A `file:` input is read here, once (satstat_inputs_resolve()); release
 * it with satstat_config_free(). */
SATSTAT_API int satstat_config_validate(satstat_config *config, satstat_config_field *field,
                                        char *msg, size_t msg_size);

/* What one layer of n_out × n_in (`satstat run`, `sweep`; not `deep`, whose
 * layers have their own sizes) adds to satstat_config_validate(): an
 * orthogonal scheme needs fixed inputs (its rows share the input vector),
 * n_in or n_out of at least 2, and n_in·n_out ≤ SATSTAT_MAX_MATRIX_ELEMENTS.
 * SATSTAT_EINVAL with a message naming `schemes` otherwise.
 * satstat_report_run() checks it too.  And what the one-layer run computes
 * must be computable, so that a config accepted here runs to the end:
 * E z and Var z finite, the sampler's histogram over E z ± 8 sd with a
 * width in doubles (--bias const:1e20 had none), --threshold at least
 * SATSTAT_MIN_THRESHOLD and --expect-variance at least Var z /
 * SATSTAT_MAX_VARIANCE_CLAIM_RATIO; each refusal names its field, in
 * *field and in msg, as satstat_config_validate() does. */
SATSTAT_API int satstat_config_validate_layer(const satstat_config *config,
                                              satstat_config_field *field,
                                              char *msg, size_t msg_size);

/* Release what satstat_config_validate() read into the config (the
 * values of a `file:` input, satstat_inputs_free()).  Copies of a
 * validated config share those values: free only the original, after the
 * last copy is used.  NULL is a no-op. */
SATSTAT_API void satstat_config_free(satstat_config *config);

#ifdef __cplusplus
}
#endif
#endif
