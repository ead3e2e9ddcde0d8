/* satstat/activation.h — activation functions as table entries, and the
 * saturation rules that say which units count as saturated.
 *
 * Each activation is one row: φ, φ', the supremum of |φ'|, the sides on
 * which it saturates, its limits there, and what "saturated" means for it.
 * Adding an activation means adding a row, not an if-chain anywhere else.
 *
 *   name          φ(z)                       saturates    limits
 *   sigmoid       1/(1+e^{-z})               both sides   0, 1
 *   tanh          tanh z                     both sides   -1, 1
 *   softsign      z/(1+|z|)                  both sides   -1, 1
 *   erf           erf z                      both sides   -1, 1
 *   relu          max(0, z)                  z <= 0 dead  0, +inf
 *   leaky-relu    z (z>=0), s z (z<0)        below        -inf, +inf
 *   gelu          z Phi(z) (exact erf form)  below        0, +inf
 *   selu          lambda z (z>0),            below        -lambda alpha, +inf
 *                 lambda alpha (e^z-1) (z<=0)
 *   linear        z                          never        -inf, +inf
 *
 * Parameterised names.  `leaky-relu:SLOPE` (0 <= SLOPE < 1) is an
 * *instance* of the leaky-relu row with its own slope; the plain name
 * `leaky-relu` is the row itself, with PyTorch's default slope 0.01.  Every
 * activation, row or instance, is a satstat_activation whose φ and φ' take
 * z alone, so callers use them the same way (a->phi(z), a->dphi(z)).
 * Instances come from satstat_activation_parse(); it interns them (the
 * same slope gives the same pointer), and they stay valid until the process
 * exits.  At most SATSTAT_ACTIVATION_MAX_INSTANCES distinct slopes can be
 * in use in one process; satstat_activation_parse() says so beyond.
 *
 * Saturation rules (satstat_saturation) turn "saturated" into a region of
 * z (satstat_region below: a union of disjoint closed intervals):
 *   z:T       |z| >= T on the sides the row saturates on (one-sided rows:
 *             z <= -T); the same as --threshold.
 *   deriv:R   |φ'(z)| <= R sup|φ'|, 0 < R < 1: every component of that
 *             set, on both sides and between them.  For a unimodal φ'
 *             (sigmoid, tanh, softsign, erf) that is the two tails; for
 *             gelu, whose φ' dips to 1 − sup φ' ≈ −0.129 at z = −√2 and
 *             crosses 0 at z ≈ −0.75, also a band around that zero while
 *             R sup φ' < 0.129 (R < 0.1142; above, band and tail join)
 *             (deriv:0.05: z <= -2.27856 or -0.903261 <= z <= -0.633457),
 *             and an upper tail once R sup φ' >= 1 (R >= 0.8858: φ' falls
 *             to 1 beyond z = √2); for selu with R >= 1/α ≈ 0.598 also the
 *             linear branch z >= 0 (φ' = λ there).
 *   output:E  φ(z) within E of its limit on a saturating side, E > 0: the
 *             components of that set that reach the asymptote (the tail
 *             component, the longest half-line (-inf, b] or [a, +inf) on
 *             which it holds at every point); gelu's |φ| <= E around z = 0
 *             is not saturation.  The limit must be finite (relu and
 *             leaky-relu: an error).
 *   dead      φ'(z) = 0 on a whole half-line: relu's z <= 0 (leaky-relu:0
 *             likewise); an error for every other activation.
 *   default   dead for relu, z:T (T = the threshold) for the others.
 * linear never saturates (φ' = 1 everywhere): its z:T (and so its default)
 * region is empty, "nowhere", a saturated fraction of exactly 0 in every
 * view; deriv:, output: and dead are errors for it.
 * A rule whose region is empty (except linear's, above), or covers every
 * z, is an error with a message.  Intervals are closed: where φ' jumps (relu, leaky-relu, selu
 * at z = 0) the jump point is counted in, a set of measure zero.
 */
#ifndef SATSTAT_ACTIVATION_H
#define SATSTAT_ACTIVATION_H

#include <satstat/export.h>

#include <stddef.h>

#include <satstat/stats.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Sides of z on which an activation saturates (bit set). */
#define SATSTAT_SIDE_BELOW 1u /* z → −∞ */
#define SATSTAT_SIDE_ABOVE 2u /* z → +∞ */
#define SATSTAT_SIDE_NEVER 4u /* saturates nowhere (linear): z:T gives the
                                 empty region, other rules are errors     */

/* Room for an activation name or a saturation rule spec, NUL included. */
#define SATSTAT_ACTIVATION_NAME_SIZE 48

/* Distinct parameterised instances (leaky-relu slopes) per process. */
#define SATSTAT_ACTIVATION_MAX_INSTANCES 32

typedef struct satstat_activation satstat_activation;

struct satstat_activation {
    const char *name;          /* "sigmoid", "leaky-relu:0.2" (canonical)   */
    double (*phi)(double z);   /* φ(z)                                     */
    double (*dphi)(double z);  /* φ'(z) (relu, leaky-relu: the left value
                                  at the kink z = 0, as PyTorch; selu: λ)  */
    double dphi_max;           /* sup_z |φ'(z)|: 1/4 for σ, 1 for tanh     */
    const char *saturation;    /* what saturation means for it, for reports */
    /* --- added with the rules; rows list them in this order ----------- */
    const char *formula;       /* φ in ASCII, for tables and --help         */
    unsigned sides;            /* SATSTAT_SIDE_* on which it saturates; 0
                                  (a row built without it): both sides   */
    double limit_below;        /* φ(−∞) (−inf when unbounded)              */
    double limit_above;        /* φ(+∞) (+inf when unbounded)              */
    double param;              /* leaky-relu: the slope; else 0             */
    int dead;                  /* φ' = 0 on z <= 0 (relu, leaky-relu:0)     */
    /* Closed-form boundary of a deriv:/output: rule on one side (NULL:
     * solved numerically, see satstat_saturation_resolve_numeric()): the
     * inner end of the component reaching z → −inf (side BELOW) or +inf
     * (ABOVE), or −inf / +inf when there is none on that side.  Asked on
     * both sides for deriv:, on the saturating sides for output:.  Only a
     * row whose deriv: region never has an interior component may have
     * one (the tests check each against the numerical scan). */
    int (*boundary)(const satstat_activation *a, int kind, double value,
                    unsigned side, double *z, char *msg, size_t msg_size);
};

/* The table row named `name` exactly ("leaky-relu" is the row with slope
 * 0.01; "leaky-relu:0.2" is not a row: use satstat_activation_parse()), or
 * NULL. */
SATSTAT_API const satstat_activation *satstat_activation_find(const char *name);

/* The whole table; *count gets its length. */
SATSTAT_API const satstat_activation *satstat_activation_table(size_t *count);

/* Parse an --activation value: a row name, or `leaky-relu:SLOPE` with
 * 0 <= SLOPE < 1, the name in any ASCII case ("Tanh").  On success *out is
 * a row or an interned instance (valid for the life of the process).
 * SATSTAT_EINVAL with a sentence in msg (msg_size bytes, may be NULL:
 * satstat/error.h) naming the nearest name ("did you mean 'tanh'?") and the valid ones;
 * SATSTAT_ERANGE when SATSTAT_ACTIVATION_MAX_INSTANCES distinct slopes are
 * already in use.  Thread-safe. */
SATSTAT_API int satstat_activation_parse(const char *text, const satstat_activation **out,
                                         char *msg, size_t msg_size);

/* ---- saturation rules ---------------------------------------------------*/

typedef enum satstat_saturation_kind {
    SATSTAT_SATURATION_DEFAULT = 0, /* dead for relu, else z:threshold     */
    SATSTAT_SATURATION_Z,           /* |z| >= T, T = the threshold          */
    SATSTAT_SATURATION_DERIV,       /* |φ'| <= R sup|φ'|, value = R         */
    SATSTAT_SATURATION_OUTPUT,      /* within E of the limit, value = E     */
    SATSTAT_SATURATION_DEAD         /* φ' = 0: z <= 0 for relu              */
} satstat_saturation_kind;

typedef struct satstat_saturation {
    satstat_saturation_kind kind;
    double value; /* T (z:, informational: the threshold field is used),
                     R (deriv:) or E (output:); 0 for default and dead   */
} satstat_saturation;

/* Parse a --saturation value: z:T (T > 0), deriv:R (0 < R < 1), output:E
 * (E > 0), dead, default, the name in any ASCII case ("Z:3").
 * SATSTAT_EINVAL with a sentence in msg, naming the nearest rule when one
 * is near ("did you mean 'deriv:R'?"). */
SATSTAT_API int satstat_saturation_parse(const char *text, satstat_saturation *out,
                                         char *msg, size_t msg_size);

/* The rule actually applied: DEFAULT becomes DEAD (relu) or Z with value
 * = threshold; Z gets value = threshold. */
SATSTAT_API satstat_saturation satstat_saturation_effective(const satstat_activation *a,
                                                            const satstat_saturation *rule,
                                                            double threshold);

/* The rule as a user types it: "z:4", "deriv:0.1", "output:0.01", "dead"
 * (after satstat_saturation_effective()).  SATSTAT_ERANGE if size is too
 * small (SATSTAT_ACTIVATION_NAME_SIZE suffices). */
SATSTAT_API int satstat_saturation_format(const satstat_saturation *rule, char *buf,
                                          size_t size);

/* ---- regions ------------------------------------------------------------*/

/* Interior components a region can hold beside its two tails: gelu's
 * deriv: needs one; a rule with more is refused. */
#define SATSTAT_REGION_MAX_BANDS 4
/* Every component of a region: the two tails and the bands. */
#define SATSTAT_REGION_MAX_INTERVALS (SATSTAT_REGION_MAX_BANDS + 2)
/* Room for satstat_region_format()'s words, NUL included. */
#define SATSTAT_REGION_TEXT_SIZE 256

/* The set of z where a unit counts as saturated, a union of disjoint
 * closed intervals: the tails z <= below and z >= above (−inf or +inf
 * switches a side off) and n_bands interior intervals band[i] =
 * [lo, hi], ascending, each strictly between below and above.  |z| >= T
 * is {−T, T}; a ReLU's dead units, z <= 0, are {0, +inf}.  Test
 * membership with satstat_region_contains(), take probabilities with
 * satstat_region_probability() and list the components with
 * satstat_region_intervals(): reading below and above alone misses the
 * bands. */
typedef struct satstat_region {
    double below, above;
    size_t n_bands;
    satstat_interval band[SATSTAT_REGION_MAX_BANDS];
} satstat_region;

/* The region z <= below or z >= above, with no band. */
static inline satstat_region satstat_region_tails(double below, double above)
{
    satstat_region r = {below, above, 0, {{0.0, 0.0}}};
    return r;
}

/* 1 when z lies in the region (the tails first: a sampler's hot loop on a
 * region without bands pays one extra, always-false test). */
static inline int satstat_region_contains(const satstat_region *r, double z)
{
    size_t i;

    if (z <= r->below || z >= r->above)
        return 1;
    for (i = 0; i < r->n_bands; i++)
        if (z >= r->band[i].lo && z <= r->band[i].hi)
            return 1;
    return 0;
}

/* Every component of the region, ascending, into out (room for
 * SATSTAT_REGION_MAX_INTERVALS): (−inf, below], the bands, [above, +inf).
 * Returns how many. */
SATSTAT_API size_t satstat_region_intervals(const satstat_region *r,
                                            satstat_interval *out);

/* P(z in region) for a continuous law given by its CDF, cdf(x) = P(z <= x),
 * and survival function, sf(x) = P(z >= x): cdf(below) + Σ P(band) +
 * sf(above), a band from whichever of cdf and sf is below 1/2 at its far
 * end so no term loses digits to cancellation; clipped to [0, 1].  NaN
 * when an end is NaN.  Without bands, exactly cdf(below) + sf(above). */
SATSTAT_API double satstat_region_probability(const satstat_region *r,
                                              double (*cdf)(double x, void *ctx),
                                              double (*sf)(double x, void *ctx),
                                              void *ctx);

/* The region of z where `rule` holds for `a`, into *out.  Closed forms
 * where the row has them, else satstat_saturation_resolve_numeric().
 * SATSTAT_EINVAL with a sentence in msg when the rule does not apply
 * (output: without a finite limit, dead for a unit that never has φ' = 0,
 * a region that is empty or covers every z, threshold not positive). */
SATSTAT_API int satstat_saturation_resolve(const satstat_activation *a,
                                           const satstat_saturation *rule,
                                           double threshold, satstat_region *out,
                                           char *msg, size_t msg_size);

/* The same region for deriv: and output: rules, always numerically,
 * refined with GSL's Brent solver to ~1e-13.  deriv:R: every crossing of
 * |φ'| = R sup|φ'| bracketed on a grid of step 1/256 over [−8, 8], and
 * beyond ±8 by doubling outwards to ±4096.  output:E: the tail component
 * on each saturating side, bracketed by a scan from |z| = 8 inwards (step
 * 1/256) or doubling outwards from 8.  Assumes, as holds for every row,
 * that φ and φ' are monotone beyond |z| = 8 and that no component or gap
 * is narrower than the step.  Used for gelu and by the tests as a check of
 * the closed forms. */
SATSTAT_API int satstat_saturation_resolve_numeric(const satstat_activation *a,
                                                   const satstat_saturation *rule,
                                                   satstat_region *out, char *msg, size_t msg_size);

/* The region in words, ASCII, its components ascending and joined by
 * " or ": "|z| >= 3.63689", "z <= 0", "z <= -4", "z <= -1.5 or z >= 2",
 * "z <= -2.27856 or -0.903261 <= z <= -0.633457", "nowhere" (6
 * significant digits).  SATSTAT_ERANGE if size is too small
 * (SATSTAT_REGION_TEXT_SIZE suffices). */
SATSTAT_API int satstat_region_format(const satstat_region *r, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
