/* satstat/scheme.h — what a neuron is made of: the weight scheme, the bias
 * law and the input model, parsed from the specs users type.
 *
 * z = Σ_j w_j x_j + b.  Specs (README, "Using it"; doc/output.md):
 *   weights  standard | scaled | normal:SIGMA | uniform:A
 *            xavier-normal[:GAIN] | xavier-uniform[:GAIN]
 *            he-normal[:GAIN][,MODE] | he-uniform[:GAIN][,MODE]
 *            lecun-normal | lecun-uniform | torch-linear
 *            variance-scaling:SCALE,MODE,DIST | trunc-normal[:MEAN,STD,A,B]
 *            orthogonal[:GAIN]
 *            and the names users type in PyTorch, Keras and JAX (aliases:
 *            glorot_normal, kaiming_normal_, ...), each canonicalised to
 *            the spelled-out scheme with its framework's semantics
 *   bias     normal:SIGMA | zero | const:C | uniform:A | torch
 *   inputs   half | ones | bernoulli:P | normal:S | uniform:A,B | file:PATH
 *            (with --active K for half)
 * GAIN is a positive number or a name of PyTorch's calculate_gain table:
 * linear, conv1d, conv2d, conv3d, sigmoid (1), tanh (5/3), relu (√2),
 * leaky_relu[:SLOPE] (√(2/(1+SLOPE²)), SLOPE 0.01 by default), selu (3/4).
 * MODE is fan_in, fan_out or fan_avg ((fan_in+fan_out)/2); fan_in is n_in,
 * fan_out is n_out (--n-out).  DIST is truncated_normal,
 * untruncated_normal or uniform.
 *
 * Every parsed object carries a canonical spec string.  The canonical weight
 * spec keys the scheme's random stream (satstat/rng.h), so "scaled" gives the
 * same bits alone and inside a list, and "normal:0.50" equals "normal:0.5".
 */
#ifndef SATSTAT_SCHEME_H
#define SATSTAT_SCHEME_H

#include <satstat/export.h>

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Room for a canonical spec, terminating NUL included. */
#define SATSTAT_SPEC_SIZE 128

/* Room for the path of a `file:` input spec, terminating NUL included. */
#define SATSTAT_PATH_SIZE 1024

/* A one-dimensional law. */
typedef enum satstat_family {
    SATSTAT_FAMILY_CONSTANT, /* the constant a                      */
    SATSTAT_FAMILY_NORMAL,   /* N(a, b²): mean a, standard deviation b */
    SATSTAT_FAMILY_UNIFORM,  /* U(a, b), a < b                        */
    SATSTAT_FAMILY_TRUNC_NORMAL, /* N(a, b²) conditioned on lo ≤ w ≤ hi,
                                    lo < hi (a, b: the parent normal's mean
                                    and sd, not the law's own)           */
    SATSTAT_FAMILY_ORTHOGONAL, /* one entry of a row of a Haar-random
                                  orthogonal matrix times a gain: mean 0,
                                  sd b (= gain/√max(n_in, n_out)); rows of
                                  one matrix are dependent (satstat/
                                  sampler.h, satstat_summary_unit_size)  */
    SATSTAT_FAMILY_BERNOULLI   /* 1 with probability p, else 0: an input
                                  of the exact law (satstat/exact.h), never
                                  a satstat_law                           */
} satstat_family;

typedef struct satstat_law {
    satstat_family family;
    double a, b;
    double lo, hi; /* TRUNC_NORMAL only: the truncation bounds          */
} satstat_law;

SATSTAT_API double satstat_law_mean(const satstat_law *law);
SATSTAT_API double satstat_law_variance(const satstat_law *law);

/* Skewness E(w−μ)³/σ³, kurtosis E(w−μ)⁴/σ⁴ (3 for a normal, not the
 * excess) and the CDF, for tests of raw draws.  NaN for the orthogonal
 * family (its entry law depends on the matrix size) and for NULL. */
SATSTAT_API double satstat_law_skewness(const satstat_law *law);
SATSTAT_API double satstat_law_kurtosis(const satstat_law *law);
SATSTAT_API double satstat_law_cdf(const satstat_law *law, double w);

/* ---- weight schemes ---------------------------------------------------- */

typedef enum satstat_scheme_kind {
    SATSTAT_SCHEME_STANDARD, /* N(0, 1): Nielsen's large_weight_initializer */
    SATSTAT_SCHEME_SCALED,   /* N(0, 1/n_in): default_weight_initializer    */
    SATSTAT_SCHEME_NORMAL,   /* N(0, SIGMA²)                                */
    SATSTAT_SCHEME_UNIFORM,  /* U(-A, A)                                    */
    SATSTAT_SCHEME_XAVIER_NORMAL,  /* N(0, 2·gain²/(fan_in+fan_out))        */
    SATSTAT_SCHEME_XAVIER_UNIFORM, /* U(±gain·√(6/(fan_in+fan_out)))        */
    SATSTAT_SCHEME_HE_NORMAL,      /* N(0, gain²/fan), untruncated          */
    SATSTAT_SCHEME_HE_UNIFORM,     /* U(±gain·√(3/fan))                     */
    SATSTAT_SCHEME_LECUN_NORMAL,   /* N(0, 1/fan_in), untruncated           */
    SATSTAT_SCHEME_LECUN_UNIFORM,  /* U(±√(3/fan_in))                       */
    SATSTAT_SCHEME_VARIANCE_SCALING, /* Keras/JAX: Var = scale/fan          */
    SATSTAT_SCHEME_TRUNC_NORMAL,   /* PyTorch trunc_normal_(mean,std,a,b)   */
    SATSTAT_SCHEME_TORCH_LINEAR,   /* U(±1/√fan_in): nn.Linear's default    */
    SATSTAT_SCHEME_ORTHOGONAL      /* rows of gain·Q, Q Haar orthogonal:
                                      whole n_out × n_in matrices from the
                                      QR of a Gaussian one (BLAS)          */
} satstat_scheme_kind;

/* Which fan a scheme divides by. */
typedef enum satstat_fan_mode {
    SATSTAT_FAN_IN,  /* n_in                  */
    SATSTAT_FAN_OUT, /* n_out                 */
    SATSTAT_FAN_AVG, /* (n_in + n_out) / 2    */
    SATSTAT_FAN_MODE_UNSET = -1 /* satstat_config.mode: no --mode given */
} satstat_fan_mode;

/* The distribution of variance-scaling. */
typedef enum satstat_dist {
    SATSTAT_DIST_TRUNCATED_NORMAL,   /* std/0.87962566103423978, cut at ±2 std */
    SATSTAT_DIST_UNTRUNCATED_NORMAL,
    SATSTAT_DIST_UNIFORM
} satstat_dist;

typedef struct satstat_scheme {
    satstat_scheme_kind kind;
    double param;                     /* SIGMA or A (normal, uniform); the
                                         SCALE of variance-scaling; 0 else */
    double gain;                      /* xavier, he, orthogonal: the gain
                                         (defaults 1, √2, 1); 1 for others */
    int gain_given;                   /* the spec named a gain            */
    satstat_fan_mode mode;            /* he (default fan_in) and
                                         variance-scaling                  */
    int mode_given;                   /* the spec named a mode            */
    satstat_dist dist;                /* variance-scaling only            */
    double mean, std, lo, hi;         /* trunc-normal only                */
    char canonical[SATSTAT_SPEC_SIZE]; /* "standard", "normal:0.5", ...    */
} satstat_scheme;

/* Parse one weight-scheme spec.  A name is accepted in any ASCII case when
 * it then matches one name only ("Standard", "HE-NORMAL:ReLU"); '_' and '-'
 * are never folded (Keras's he_normal is not satstat's he-normal).  Two
 * names that differ only in case (orthogonal, Keras's Orthogonal) and the
 * frameworks' ambiguous names (xavier_normal, kaiming_normal) are refused
 * as ambiguous in another case.  An unknown name gives SATSTAT_EINVAL and
 * a message with the nearest name ("did you mean ...?",
 * satstat_closest_name in satstat/parse.h) and the valid names.  The
 * same holds for the bias, inputs, gain and fan-mode parsers below.
 * Aliases (glorot_normal, he_normal,
 * kaiming_uniform_, ...) become the canonical scheme their framework
 * means; defaults (gain √2 and fan_in of he-*) are left out of the
 * canonical spec, so "he-normal:relu,fan_in" is "he-normal". */
SATSTAT_API int satstat_scheme_parse(const char *text, satstat_scheme *out,
                                     char *msg, size_t msg_size);

/* Parse a comma-separated list into out[0..max-1]; *count gets the number
 * parsed.  Blanks after a comma are ignored ("standard, scaled").  Empty items, more than `max` items and duplicates (same
 * canonical spec) are errors.  Commas also separate a scheme's own
 * parameters (variance-scaling:2,fan_in,uniform): an item that is not a
 * scheme name continues the previous item when that one takes a list. */
SATSTAT_API int satstat_scheme_parse_list(const char *text, satstat_scheme *out,
                                          size_t max, size_t *count, char *msg, size_t msg_size);

/* The law of one weight in a layer with the given fan-in and fan-out. */
SATSTAT_API int satstat_scheme_weight_law(const satstat_scheme *scheme, uint64_t n_in,
                                          uint64_t n_out, satstat_law *out);

/* A short formula for reports, e.g. "N(0, 1/n_in)", "N(0, 0.5²)" (UTF-8),
 * "U(-0.1, 0.1)".  SATSTAT_ERANGE when `size` is too small (buf then holds
 * a truncated, NUL-terminated prefix); SATSTAT_SPEC_SIZE always suffices. */
SATSTAT_API int satstat_scheme_describe(const satstat_scheme *scheme, char *buf,
                                        size_t size);

/* NULL-terminated list of the scheme names a user can type (for --help). */
SATSTAT_API const char *const *satstat_scheme_names(void);

/* NULL-terminated list of the framework aliases a user can type. */
SATSTAT_API const char *const *satstat_scheme_aliases(void);

/* Whose definition the scheme follows, e.g. "PyTorch nn.init.xavier_normal_
 * (Glorot & Bengio 2010, eq. 16, normal form, untruncated)" or "Keras/JAX
 * GlorotNormal = VarianceScaling(1, fan_avg, truncated_normal)".  A static
 * string; NULL for NULL. */
SATSTAT_API const char *satstat_scheme_framework(const satstat_scheme *scheme);

/* 1 when the scheme takes a gain (xavier-*, he-*, orthogonal) or a fan
 * mode (he-*). */
SATSTAT_API int satstat_scheme_takes_gain(const satstat_scheme *scheme);
SATSTAT_API int satstat_scheme_takes_mode(const satstat_scheme *scheme);

/* Set the gain (> 0, finite) or the mode of a scheme that takes it and
 * rewrite its canonical spec; SATSTAT_EINVAL (with a message) otherwise.
 * The CLI's --gain and --mode apply these to schemes whose spec named no
 * gain or mode (satstat_config_validate). */
SATSTAT_API int satstat_scheme_set_gain(satstat_scheme *scheme, double gain,
                                        char *msg, size_t msg_size);
SATSTAT_API int satstat_scheme_set_mode(satstat_scheme *scheme, satstat_fan_mode mode,
                                        char *msg, size_t msg_size);

/* A gain as users type it: a positive finite number or a name of
 * PyTorch's torch.nn.init.calculate_gain table (see the top of this
 * file); leaky_relu takes an optional :SLOPE (default 0.01). */
SATSTAT_API int satstat_gain_parse(const char *text, double *gain, char *msg, size_t msg_size);

/* "fan_in", "fan_out", "fan_avg". */
SATSTAT_API int satstat_fan_mode_parse(const char *text, satstat_fan_mode *out,
                                       char *msg, size_t msg_size);
SATSTAT_API const char *satstat_fan_mode_name(satstat_fan_mode mode);
SATSTAT_API const char *satstat_dist_name(satstat_dist dist);

/* The fan that `mode` picks for a layer n_in → n_out. */
SATSTAT_API double satstat_fan(satstat_fan_mode mode, uint64_t n_in, uint64_t n_out);

/* ---- bias ----------------------------------------------------------------*/

typedef struct satstat_bias {
    satstat_law law;
    int fan_in_scaled;                 /* `torch`: U(±1/√n_in), fixed by
                                          satstat_bias_resolve            */
    char canonical[SATSTAT_SPEC_SIZE]; /* "normal:1", "zero", "const:0.5" */
} satstat_bias;

SATSTAT_API int satstat_bias_parse(const char *text, satstat_bias *out, char *msg, size_t msg_size);

/* Fix a fan-in-scaled bias (`torch`: PyTorch nn.Linear's bias,
 * U(±1/√fan_in)) for n_in ≥ 1; other biases are left as they are. */
SATSTAT_API int satstat_bias_resolve(satstat_bias *bias, uint64_t n_in);

/* Whose definition the bias follows ("PyTorch nn.Linear bias
 * default ..."), or NULL when it is a plain law. */
SATSTAT_API const char *satstat_bias_framework(const satstat_bias *bias);

/* NULL-terminated list of the bias specs a user can type (for --help). */
SATSTAT_API const char *const *satstat_bias_names(void);

/* ---- inputs ----------------------------------------------------------------*/

typedef enum satstat_inputs_kind {
    SATSTAT_INPUTS_HALF,     /* x_j = 1 for j < active, else 0 (fixed)     */
    SATSTAT_INPUTS_ONES,     /* x_j = 1 for every j (fixed)                */
    SATSTAT_INPUTS_BERNOULLI, /* x_j ~ Bernoulli(p), fresh for every neuron */
    SATSTAT_INPUTS_NORMAL,   /* x_j ~ N(0, S²), fresh for every neuron     */
    SATSTAT_INPUTS_UNIFORM,  /* x_j ~ U(A, B), fresh for every neuron      */
    SATSTAT_INPUTS_FILE      /* x_j read from a file (fixed)               */
} satstat_inputs_kind;

/* satstat_inputs.active when no count was given: half's inputs on are
 * n_in/2 of whatever n_in the run has.  n_in is at most SATSTAT_MAX_N_IN
 * (satstat/config.h), so no count given can be this. */
#define SATSTAT_ACTIVE_UNSET UINT64_MAX

typedef struct satstat_inputs {
    satstat_inputs_kind kind;
    double p;                          /* BERNOULLI: p; NORMAL: S;
                                          UNIFORM: A                      */
    double q;                          /* UNIFORM: B                      */
    uint64_t active;                   /* HALF only: the inputs on, K of
                                          --active K; SATSTAT_ACTIVE_UNSET
                                          (the default): n_in/2 for the
                                          n_in of the run
                                          (satstat_inputs_support)       */
    /* FILE only: the path, and what satstat_inputs_resolve read there
     * (once: the file is never opened again, so a pipe or a FIFO works
     * and what the run uses is what was checked): the numbers themselves
     * (file_values, owned: satstat_inputs_free(); NULL until resolved),
     * their count, Σx, Σx², and the support (1 + the index of the last
     * non-zero number; weights past it are never drawn).  A copy of the
     * struct shares file_values: free only the original. */
    char path[SATSTAT_PATH_SIZE];
    double *file_values;
    uint64_t file_count, file_support;
    double file_sum, file_sum_sq;
    char canonical[SATSTAT_SPEC_SIZE]; /* "half", "ones", "bernoulli:0.3",
                                          "file:PATH" (PATH cut to fit; the
                                          whole path is in `path`)        */
} satstat_inputs;

/* Writes every field of *out: `active` is set to SATSTAT_ACTIVE_UNSET.
 * A caller that reads --active (options may come in any order) sets it
 * after parsing --inputs, then calls satstat_inputs_resolve().  `file:PATH`
 * only checks the path here (1 to SATSTAT_PATH_SIZE−1 bytes, no control
 * characters: the path is written into reports and figure scripts); the
 * file is read by satstat_inputs_resolve(), which knows n_in.  Parsing
 * over a resolved `file:` struct does not free its values: call
 * satstat_inputs_free() first. */
SATSTAT_API int satstat_inputs_parse(const char *text, satstat_inputs *out,
                                     char *msg, size_t msg_size);

/* NULL-terminated list of the input specs a user can type (for --help). */
SATSTAT_API const char *const *satstat_inputs_names(void);

/* Most bytes a `file:` input may hold per number (--n-in), on top of
 * SATSTAT_INPUTS_FILE_SLACK bytes: room for any layout and comments, and
 * a bound on what is read from a file that never ends (/dev/zero, `yes`). */
#define SATSTAT_INPUTS_FILE_BYTES_PER_NUMBER 256
#define SATSTAT_INPUTS_FILE_SLACK (UINT64_C(1) << 20)

/* Check `active` against fan-in n_in: a count K given (not
 * SATSTAT_ACTIVE_UNSET) must be 0 ≤ K ≤ n_in, else SATSTAT_EINVAL; unset,
 * half has n_in/2 inputs on, rounded down (satstat_inputs_support).  For
 * every kind but `half`, a count given is an error (it would be silently
 * ignored otherwise).  `active` itself is not changed, so a copy resolved
 * for another n_in (a sweep's points) gets its own n_in/2.
 *
 * `file:` is read here, once, into file_values: whitespace-separated
 * finite decimals, '#' starts a comment to the end of the line.  It must
 * hold exactly n_in numbers; reading stops at the first number past n_in,
 * at a NUL byte, at a malformed number and past SATSTAT_INPUTS_FILE_SLACK
 * + n_in·SATSTAT_INPUTS_FILE_BYTES_PER_NUMBER bytes, each an
 * SATSTAT_EINVAL whose message names `inputs` and the line.  A FIFO with
 * no process writing to it is an error too (it is opened without waiting
 * for a writer).  Resolving again (a copy validated again) does not read
 * the file again: it checks the count against n_in.  SATSTAT_ENOMEM when
 * the values do not fit in memory. */
SATSTAT_API int satstat_inputs_resolve(satstat_inputs *inputs, uint64_t n_in,
                                       char *msg, size_t msg_size);

/* Release the values read for a `file:` input (nothing for other kinds);
 * the struct can be resolved again.  NULL is a no-op. */
SATSTAT_API void satstat_inputs_free(satstat_inputs *inputs);

/* 1 when inputs are drawn afresh for every neuron. */
SATSTAT_API int satstat_inputs_is_random(const satstat_inputs *inputs);

/* The fixed inputs x_0 .. x_{n_in−1} (half, ones, file) into x[0..n_in):
 * a file's values as satstat_inputs_resolve() read them (SATSTAT_EINVAL
 * when it was not resolved, or for another n_in).  Random inputs are
 * SATSTAT_EINVAL. */
SATSTAT_API int satstat_inputs_values(const satstat_inputs *inputs, uint64_t n_in,
                                      double *x, char *msg, size_t msg_size);

/* Σ_j Var x_j: 0 for fixed inputs, n_in·Var x for random ones. */
SATSTAT_API double satstat_inputs_variance_sum(const satstat_inputs *inputs,
                                               uint64_t n_in);

/* Σ_j x_j² for fixed inputs; n_in·E[x²] for random ones. */
SATSTAT_API double satstat_inputs_sum_sq(const satstat_inputs *inputs, uint64_t n_in);

/* Σ_j E[x_j] (used for the mean of z when weights have a non-zero mean). */
SATSTAT_API double satstat_inputs_sum(const satstat_inputs *inputs, uint64_t n_in);

/* Number of inputs that can be non-zero: the weights that must be drawn
 * (half: `active`, or n_in/2 when it is SATSTAT_ACTIVE_UNSET). */
SATSTAT_API uint64_t satstat_inputs_support(const satstat_inputs *inputs, uint64_t n_in);

#ifdef __cplusplus
}
#endif
#endif
