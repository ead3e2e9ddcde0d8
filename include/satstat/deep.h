/* satstat/deep.h — many layers: sampled random networks beside the
 * mean-field theory of signal propagation.
 *
 * A network has L fully connected layers of width W.  Layer 1 has fan-in
 * n_in and takes the inputs of the `run` experiment (config->inputs; or,
 * for the classic demonstration, x_j ~ N(0, 1) drawn once per network);
 * layers 2..L have fan-in W and take φ of the layer below:
 *     z¹ = W¹x + b¹,   zˡ = Wˡ φ(zˡ⁻¹) + bˡ.
 * Every weight comes from the scheme's law for its layer's fan-in
 * (satstat_scheme_weight_law(scheme, fan_in, W)), every bias from
 * config->bias.  Back-propagated from the loss ℓ = gᵀφ(zᴸ), g a random
 * unit vector:
 *     δᴸ = φ'(zᴸ) ⊙ g,   δˡ = φ'(zˡ) ⊙ (Wˡ⁺¹)ᵀ δˡ⁺¹   (δˡ = ∂ℓ/∂zˡ).
 *
 * Randomness: every draw is a pure function of (seed, scheme's canonical
 * spec, network, layer, neuron, index) through the satstat/rng.h streams
 * "deep:<canonical>" (weights, bias and inputs domains) and
 * "deep-gradient:<canonical>" (g); the Philox neuron counter of a weight
 * row is (network·L + layer − 1)·W + neuron.  Networks are the unit of
 * work and of independence: each worker thread computes whole networks
 * into per-network results that are merged in network order, so the
 * numbers are bit-identical for any thread count.
 *
 * Mean field (Poole et al. 2016, eqs. 3–4; Schoenholz et al. 2017,
 * eqs. 2–5), for zero-mean weights with variance σ_w² (fan-in W) and a
 * bias of mean μ_b and variance σ_b²: z of layer l is treated as
 * N(μ_b, vˡ) with
 *     v¹ = σ_w1²·Σx² + σ_b²,
 *     vˡ = σ_w²·W·E_{u~N(μ_b, vˡ⁻¹)}[φ(u)²] + σ_b²,
 * (for μ_b = 0, vˡ is the length qˡ of the papers), the fixed point
 * v* = q*, and χ₁ = σ_w²·W·E_{u~N(μ_b, q*)}[φ'(u)²]: ordered when χ₁ < 1
 * (gradients shrink by √χ₁ a layer), critical at χ₁ = 1 (the edge of
 * chaos: tanh with σ_w²W = 1 and no bias, relu with σ_w²W = 2), chaotic
 * when χ₁ > 1.  Expectations are GSL adaptive quadrature
 * (satstat_normal_expectation); at v = 0 they are the limit v → 0⁺, the
 * mean of the one-sided values at μ_b (relu: χ₁ = σ_w²W/2 at q* = 0, not
 * 0).
 */
#ifndef SATSTAT_DEEP_H
#define SATSTAT_DEEP_H

#include <satstat/export.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <satstat/config.h>
#include <satstat/model.h>
#include <satstat/report.h>
#include <satstat/sampler.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Limits (checked by satstat_deep_options_validate). */
#define SATSTAT_DEEP_MAX_LAYERS   UINT64_C(100000)
#define SATSTAT_DEEP_MAX_WIDTH    UINT64_C(10000000)
#define SATSTAT_DEEP_MAX_NETWORKS UINT64_C(10000000)
/* Bins of the per-layer histograms of z and of φ(z). */
#define SATSTAT_DEEP_HIST_BINS 60u

/* Layer-1 inputs. */
typedef enum satstat_deep_input {
    SATSTAT_DEEP_INPUT_CONFIG, /* config->inputs, as in `run`; a random
                                  model (bernoulli) draws one input vector
                                  per network                            */
    SATSTAT_DEEP_INPUT_NORMAL  /* x_j ~ N(0, 1), one vector per network  */
} satstat_deep_input;

typedef struct satstat_deep_options {
    uint64_t layers;     /* L ≥ 1; default 10                           */
    uint64_t width;      /* W ≥ 1; default 1000                         */
    uint64_t networks;   /* R ≥ 1; default 20                           */
    satstat_deep_input input; /* default SATSTAT_DEEP_INPUT_CONFIG      */
    uint64_t max_memory; /* bytes the run may allocate; 0 = the default,
                            a quarter of physical memory                */
    /* --pair-correlation C0: a second input per network, x₂ = C0·x₁ +
     * √(1 − C0²)·‖x₁‖·u (u a unit vector orthogonal to x₁, drawn from
     * the stream "deep-pair:<canonical>", inputs domain, counter the
     * network), through the same weights and biases; per layer the
     * correlation of z₁ and z₂ across units beside the c-map.  Layer 1
     * then draws all n_in columns (x₂ is not 0 where x₁ is). */
    int pair;                /* 0: off (the default)                   */
    double pair_correlation; /* C0 in [−1, 1]                          */
    /* --jacobian: per network the singular values of the input–output
     * Jacobian J = D_L W_L ⋯ D_1 W_1 (deep_jacobian.c): L products of
     * W × W by W × n_in and an SVD per network.  Layer 1 then draws all
     * n_in columns. */
    int jacobian;
} satstat_deep_options;

SATSTAT_API void satstat_deep_options_default(satstat_deep_options *o);

/* A quarter of physical memory (sysconf), or 1 GiB when unknown. */
SATSTAT_API uint64_t satstat_deep_default_max_memory(void);

/* Bytes a run allocates with `threads` workers (0: all cores).  The
 * estimate is what satstat_deep_run checks against max_memory. */
SATSTAT_API uint64_t satstat_deep_memory(const satstat_config *config,
                                         const satstat_deep_options *o, unsigned threads);

/* Ranges, and the memory cap: SATSTAT_EINVAL / SATSTAT_ERANGE with the
 * field at fault in *field (when not NULL: SATSTAT_FIELD_LAYERS, _WIDTH,
 * _NETWORKS, _PAIR_CORRELATION, _SCHEMES, _MAX_MEMORY of satstat/config.h)
 * and a sentence in msg (msg_size bytes) naming it by its member
 * name ("layers must be between 1 and 100000, got 0"). */
SATSTAT_API int satstat_deep_options_validate(const satstat_config *config,
                                              const satstat_deep_options *o,
                                              satstat_config_field *field,
                                              char *msg, size_t msg_size);

/* ---- mean field ----------------------------------------------------------*/

/* One step of the length map: σ_w²W·E_{u~N(mu_b, v)}[φ(u)²] + sigma_b2. */
SATSTAT_API int satstat_deep_length_map(const satstat_activation *act, double sw2_fan_in,
                                        double mu_b, double sigma_b2, double v,
                                        double *out);

/* σ_w²W·E_{u~N(mu_b, v)}[φ'(u)²]: the squared-gradient gain of a layer
 * whose pre-activations have variance v (χ₁ at v = q*). */
SATSTAT_API int satstat_deep_chi(const satstat_activation *act, double sw2_fan_in,
                                 double mu_b, double v, double *out);

/* The phase of a χ₁ (Poole et al. 2016; Schoenholz et al. 2017). */
typedef enum satstat_deep_regime {
    SATSTAT_DEEP_ORDERED = -1, /* χ₁ < 1 − tol: gradients vanish         */
    SATSTAT_DEEP_CRITICAL = 0, /* |χ₁ − 1| ≤ tol: the edge of chaos      */
    SATSTAT_DEEP_CHAOTIC = 1   /* χ₁ > 1 + tol: gradients explode        */
} satstat_deep_regime;

/* tol: the error of a computed χ₁.  The quadrature is good to about
 * 1e-10 relative (satstat_normal_expectation; φ'² ≥ 0, so relative to χ₁
 * itself), q* to 1e-12 relative, σ_w²·W to rounding; 1e-9 is ten times
 * their sum.  Measured: χ₁ − 1 = 4.4e-16 for relu with he-normal and for
 * tanh with σ_w²W = 1 and no bias (whose q* = 0 the solver reaches to
 * 2e-17). */
#define SATSTAT_DEEP_CRITICAL_TOL 1e-9

/* The regime of a computed chi1 (a number: the solver never yields NaN). */
SATSTAT_API satstat_deep_regime satstat_deep_regime_of(double chi1);

/* "ordered", "critical" or "chaotic". */
SATSTAT_API const char *satstat_deep_regime_name(satstat_deep_regime regime);

typedef struct satstat_deep_fixed_point {
    int finite;       /* 0: vˡ grows without bound (e.g. ReLU with
                         σ_w²W > 2, or = 2 with σ_b² > 0)               */
    double q;         /* q* (NaN when !finite)                          */
    double chi1;      /* χ₁ at q*; when !finite its limit as v → ∞     */
    satstat_deep_regime regime; /* of chi1 (satstat_deep_regime_of)     */
    unsigned iterations; /* map evaluations used                         */
} satstat_deep_fixed_point;

/* The fixed point reached by iterating the length map from v_start (the
 * stable one on that side): map iterations, then a bracket and Brent's
 * method (GSL) to 1e-12 relative.  Never loops: an unbounded map is
 * reported with finite = 0. */
SATSTAT_API int satstat_deep_solve_fixed_point(const satstat_activation *act,
                                               double sw2_fan_in, double mu_b,
                                               double sigma_b2, double v_start,
                                               satstat_deep_fixed_point *out);

/* ---- the correlation map and the depth scales (deep_corr.c) ---------------
 * Two inputs whose pre-activations have variance q and correlation c;
 * unit-wise (u₁, u₂) ~ N((μ_b, μ_b), q·[[1, c], [c, 1]]) (Poole et al.
 * 2016, eq. 5; Schoenholz et al. 2017, eqs. 6–9).  2-D expectations by
 * nested adaptive quadrature (satstat_normal_expectation inside and out,
 * about 1e-10 relative). */

/* σ_w²W·E[φ(u₁)φ(u₂)] + σ_b²: the covariance of the next layer's pair. */
SATSTAT_API int satstat_deep_covariance_map(const satstat_activation *act, double sw2_fan_in, double mu_b,
                                            double sigma_b2, double q, double c, double *out);
/* One step of both maps: q_next (the length map) and c_next = covariance/
 * q_next (1 when q_next = 0).  Either pointer may be NULL. */
SATSTAT_API int satstat_deep_correlation_map(const satstat_activation *act, double sw2_fan_in, double mu_b,
                                             double sigma_b2, double q, double c, double *q_next,
                                             double *c_next);
/* χ_c = σ_w²W·E[φ'(u₁)φ'(u₂)]: the slope of the correlation map at c
 * when q is the fixed point q* (χ₁ at c = 1). */
SATSTAT_API int satstat_deep_chi_c(const satstat_activation *act, double sw2_fan_in, double mu_b, double q,
                                   double c, double *out);

typedef struct satstat_deep_depth {
    double c_star;       /* the stable fixed point of the correlation map
                            at q*: 1 in the ordered and critical phases  */
    double chi_c;        /* its slope there (χ₁ when c* = 1)             */
    double length_slope; /* dq⁺/dq at q*                                 */
    double xi_q;         /* −1/ln(length_slope)                          */
    double xi_c;         /* −1/ln χ_c: +inf at criticality (χ₁ within
                            SATSTAT_DEEP_CRITICAL_TOL of 1); trainable to
                            about 6 ξ_c (Schoenholz et al. 2017)          */
} satstat_deep_depth;

/* c*, χ_c, ξ_q and ξ_c at a fixed point from satstat_deep_solve_fixed_point
 * (all NaN when it is not finite).  c* by Brent's method (GSL) on the
 * c-map at q* to 1e-13 relative, bracketed between 0 (where the map is
 * ≥ 0) and the first 1 − 2⁻ᵏ where it falls below c. */
SATSTAT_API int satstat_deep_depth_scales(const satstat_activation *act, double sw2_fan_in, double mu_b,
                                          double sigma_b2, const satstat_deep_fixed_point *fp,
                                          satstat_deep_depth *out);

/* ---- the run ---------------------------------------------------------------*/

/* Intervals are across networks, a network one observation (its units
 * share the layer below), NaN when R < 2: for a variance and a norm on
 * the log scale (modified Cox, lo > 0), for the saturated fraction
 * Korn–Graubard (within [0, 1]), for the rest Student t. */
typedef struct satstat_deep_estimate {
    double value;     /* mean over networks of the per-network value   */
    double lo, hi;    /* 1 − alpha interval for its expectation        */
} satstat_deep_estimate;

typedef struct satstat_deep_layer {
    uint64_t layer, fan_in;
    double weight_variance;          /* σ_w² of one weight               */
    /* mean field */
    double mf_mean, mf_variance;     /* μ_b and vˡ                        */
    double mf_saturated_fraction;    /* P(z ∈ region), z ~ N(μ_b, vˡ)     */
    double mf_dphi, mf_dphi_sq;      /* E φ'(z), E φ'(z)²                 */
    double mf_gradient_ratio;        /* √(σ_w²W·E φ'(zˡ)²): predicted
                                        ‖δˡ‖/‖δˡ⁺¹‖ (NaN for l = L)        */
    double mf_gradient_norm;         /* predicted RMS ‖δˡ‖                */
    /* sampled: per network over its W units, then across networks */
    satstat_deep_estimate mean, variance, saturated_fraction, dphi,
        gradient_norm, activation_mean, activation_variance;
    double gradient_norm_rms;        /* √(mean over networks of ‖δˡ‖²)    */
    double gradient_log_ratio;       /* mean of ln(‖δˡ‖/‖δˡ⁺¹‖) (NaN at L) */
    /* options->pair only (else NaN): the c-map's cˡ, and the Pearson
     * correlation of z₁ˡ and z₂ˡ across the W units, across networks
     * (its t interval within [−1, 1]) */
    double mf_correlation;
    satstat_deep_estimate correlation;
    /* the step cˡ⁺¹ − cˡ: the mean over networks of each network's own
     * difference (the difference of the two correlations' values) with
     * the Student t interval of those differences; NaN at layer L */
    satstat_deep_estimate correlation_step;
    /* pooled histograms of z and of φ(z) over every unit of every
     * network, SATSTAT_DEEP_HIST_BINS equal bins over [lo, hi); values
     * outside counted in under/over */
    double z_lo, z_hi, a_lo, a_hi;
    uint64_t z_hist[SATSTAT_DEEP_HIST_BINS], z_under, z_over;
    uint64_t a_hist[SATSTAT_DEEP_HIST_BINS], a_under, a_over;
} satstat_deep_layer;

typedef struct satstat_deep_report satstat_deep_report;

/* Sample config->n_schemes × R networks and compute the mean field.  The
 * config must be validated (satstat_config_validate) and the options
 * valid.  progress may be NULL (done/total in networks, over all
 * schemes); it may cancel (SATSTAT_ECANCELED).  *out is freed with
 * satstat_deep_report_free. */
SATSTAT_API int satstat_deep_run(const satstat_config *config,
                                 const satstat_deep_options *o,
                                 satstat_progress_fn progress, void *progress_ctx,
                                 satstat_deep_report **out);

SATSTAT_API void satstat_deep_report_free(satstat_deep_report *r);

SATSTAT_API const satstat_config *satstat_deep_report_config(const satstat_deep_report *r);
SATSTAT_API const satstat_deep_options *satstat_deep_report_options(const satstat_deep_report *r);
SATSTAT_API size_t satstat_deep_report_scheme_count(const satstat_deep_report *r);
/* Layer l (1 ≤ l ≤ L) of scheme s; NULL when out of range. */
SATSTAT_API const satstat_deep_layer *satstat_deep_report_layer(const satstat_deep_report *r,
                                                                size_t s, uint64_t l);
/* c*, χ_c, ξ_q, ξ_c of scheme s (satstat_deep_depth_scales at its fixed
 * point), and with options->pair ξ_c estimated from the sampled
 * correlations (NaN without): per network the least-squares rate λ of
 * ln|cˡ − c*| over the layers where the mean-field |cˡ − c*| exceeds
 * 4·((1 − (cˡ)²)/√W + 1/W) (sampling noise and the O(1/W) bias of a
 * correlation of W units) and 1e-9, at least 2 of them; ξ̂_c = 1/mean λ,
 * its interval the inverted Student t interval of the mean λ.  Over the
 * first layers the decay need not yet be at its asymptotic rate 1/ξ_c: the
 * report sets beside it the same fit to the mean-field cˡ
 * (xi_c_mean_field_fit), which the sampled fit estimates. */
SATSTAT_API const satstat_deep_depth *satstat_deep_report_depth(const satstat_deep_report *r, size_t s,
                                                                satstat_deep_estimate *xi_c_sampled);
/* With options->jacobian, scheme s's spectrum of JᵀJ (else NULL): the
 * moments m_k = tr((JᵀJ)^k)/n_in across networks (Student t intervals),
 * beside the width → ∞ theory (deep_jacobian.c; NaN where it does not
 * apply), the extreme singular values over every network, and their
 * density pooled over networks in SATSTAT_DEEP_HIST_BINS equal bins over
 * [0, sv_max]. */
typedef struct satstat_deep_jacobian {
    satstat_deep_estimate m[3];      /* m₁, m₂, m₃                        */
    double theory_m1, theory_m2;     /* free probability (m₂: n_in = W)   */
    double fuss_catalan_m2, fuss_catalan_m3; /* linear, i.i.d., n_in = W */
    double sv_min, sv_max;
    double sv_resolution;
    uint64_t hist[SATSTAT_DEEP_HIST_BINS];
} satstat_deep_jacobian;

SATSTAT_API const satstat_deep_jacobian *satstat_deep_report_jacobian(const satstat_deep_report *r,
                                                                      size_t s);

/* One network's min(W, n_in) Jacobian singular values, descending (for
 * tests; the options need not ask for --jacobian). */
SATSTAT_API int satstat_deep_jacobian_values(const satstat_config *config, const satstat_deep_options *o,
                                             const satstat_scheme *scheme, uint64_t network, double *sv);

/* The fixed point of the deep layers' map (fan-in W) of scheme s, and
 * σ_w²·W for those layers. */
SATSTAT_API const satstat_deep_fixed_point *satstat_deep_report_fixed_point(
                const satstat_deep_report *r, size_t s, double *sw2_fan_in);
/* Bytes the sampling allocated at most: satstat_deep_memory's, plus the
 * weights each worker kept for the backward pass — as many deep layers'
 * W × W weights as fit under max_memory (normal weights as the floats the
 * transform gave, 4 bytes each; other laws and --jacobian as the doubles
 * the forward pass multiplied); layers beyond are drawn again, giving the
 * same bits, so the numbers do not depend on the cap (test_weight_cache). */
SATSTAT_API uint64_t satstat_deep_report_memory(const satstat_deep_report *r);
/* Wall-clock seconds of the sampling. */
SATSTAT_API double satstat_deep_report_elapsed(const satstat_deep_report *r);

/* ---- the phase diagram -----------------------------------------------------*/

/* χ₁ and q* over a grid: nx values of σ_w²·fan_in spaced evenly in log
 * between x_lo and x_hi, ny values of σ_b² evenly in [y_lo, y_hi]; the
 * bias mean is config->bias's.  chi1 and q are ny×nx row-major (q NaN
 * where the map is unbounded).  critical[k]: the σ_w²·fan_in where
 * χ₁ = 1 at σ_b² = y[k] — in the first grid cell of row k where χ₁ − 1
 * changes sign, solved there by Brent's method (GSL) on χ₁(x) − 1
 * (bracket to 1e-10 relative in x), not interpolated: χ₁ has a kink where
 * q* leaves 0 (tanh at σ_b² = 0: χ₁ = x left of 1, 1 + (x − 1)²/3 right
 * of it), which a linear interpolation misplaces by 3 %.  The root is good
 * to 1e-8 relative or better: where χ₁ − 1 vanishes quadratically on one
 * side only rounding of χ₁ (1e-16) limits it, to about √1e-16 (measured
 * at tanh, σ_b² = 0: 1.3e-9).  NaN where the row has no crossing.
 * Thread-count independent.  progress (may
 * be NULL) is called from the calling thread after every grid point with
 * (points done, nx·ny), and while a row's crossing is solved with the count
 * so far; non-zero stops the work within one fixed-point solve:
 * SATSTAT_ECANCELED. */
typedef struct satstat_deep_phase {
    size_t nx, ny;
    double x_lo, x_hi, y_lo, y_hi;
    double *x, *y, *chi1, *q, *critical;
    /* ξ_c (satstat_deep_depth_scales with a 10-node rule, within 1e-6
     * relative; +inf at χ₁ = 1, NaN without q*), ny×nx like chi1 */
    double *xi_c;
} satstat_deep_phase;

SATSTAT_API int satstat_deep_phase_compute(const satstat_activation *act, double mu_b,
                                           size_t nx, double x_lo, double x_hi,
                                           size_t ny, double y_lo, double y_hi,
                                           unsigned threads, satstat_progress_fn progress,
                                           void *progress_ctx, satstat_deep_phase **out);
SATSTAT_API void satstat_deep_phase_free(satstat_deep_phase *p);

/* ---- the report model --------------------------------------------------------*/

/* The report as quantities (satstat/model.h), which the text, JSON and CSV
 * writers walk: those of layer `layer` (1 ≤ layer ≤ L) of scheme `scheme`,
 * or with layer 0 those of the scheme as a whole (σ_w²·W, the fixed point,
 * χ₁, the finite-width summary).  Kinds: FORMULA is the mean field (JSON
 * "analytic.…") or a setting of the network (fan-in, Var w), SAMPLED an
 * estimate across networks, INTERVAL its 1 − alpha interval.  `json` is
 * the path inside the layer's object of "layers" (layer ≥ 1) or inside the
 * scheme's object (layer 0); the CSV row is (scheme, layer or empty, name).
 * A layer's quantities are at most SATSTAT_DEEP_MODEL_MAX.  SATSTAT_EINVAL
 * for a bad argument, SATSTAT_ERANGE when capacity is too small. */
enum { SATSTAT_DEEP_MODEL_MAX = 40 };

SATSTAT_API int satstat_deep_report_model(const satstat_deep_report *r, size_t scheme,
                                          uint64_t layer, satstat_quantity *out,
                                          size_t capacity, size_t *count);

/* ---- output ------------------------------------------------------------------*/

/* The report as text, JSON (doc/report.schema.json, schema_version
 * SATSTAT_SCHEMA_VERSION) or CSV (one row per scheme, layer and quantity
 * name, then the scheme's phase), all rendered from the model above.
 * phase may be NULL; a phase diagram is added to the JSON as
 * "phase_diagram".  The text fits SATSTAT_TEXT_WIDTH columns: a table per
 * scheme, layers in rows, its columns in blocks that repeat the layer
 * column.  '.' as the decimal point whatever the locale. */
SATSTAT_API int satstat_deep_report_write(const satstat_deep_report *r,
                                          const satstat_deep_phase *phase,
                                          satstat_format format, FILE *out);
/* The text in at most `width` columns (at least 60 are used; a single
 * column group wider than that stays whole), e.g. a terminal's. */
SATSTAT_API int satstat_deep_report_write_text(const satstat_deep_report *r,
                                               const satstat_deep_phase *phase,
                                               unsigned width, FILE *out);

/* The command line that reproduces the report. */
SATSTAT_API int satstat_deep_report_command(const satstat_deep_report *r, char *buf,
                                            size_t size);

/* ---- the raw draws, for tests ------------------------------------------------*/

/* Weights of layer l of network `network` of `scheme`: rows × fan_in
 * row-major, exactly those the run uses (rows = W; layer 1's fan-in is
 * n_in, of which only the first satstat_inputs_support() columns are
 * drawn for fixed inputs — the others multiply x_j = 0 and are 0 here —
 * except for orthogonal, whose whole matrix is drawn and returned). */
SATSTAT_API int satstat_deep_weights(const satstat_config *config,
                                     const satstat_deep_options *o,
                                     const satstat_scheme *scheme, uint64_t network,
                                     uint64_t layer, double *w);
SATSTAT_API int satstat_deep_biases(const satstat_config *config,
                                    const satstat_deep_options *o,
                                    const satstat_scheme *scheme, uint64_t network,
                                    uint64_t layer, double *b);
/* The n_in inputs of a network, and its unit vector g (W values). */
SATSTAT_API int satstat_deep_inputs(const satstat_config *config,
                                    const satstat_deep_options *o,
                                    const satstat_scheme *scheme, uint64_t network,
                                    double *x);
SATSTAT_API int satstat_deep_direction(const satstat_config *config,
                                       const satstat_deep_options *o,
                                       const satstat_scheme *scheme, uint64_t network,
                                       double *g);
/* One network forward and back: z and δ of every layer, L × W row-major
 * (layer l in row l − 1). */
SATSTAT_API int satstat_deep_network(const satstat_config *config,
                                     const satstat_deep_options *o,
                                     const satstat_scheme *scheme, uint64_t network,
                                     double *z, double *delta);

#ifdef __cplusplus
}
#endif
#endif
