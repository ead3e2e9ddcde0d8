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
 * z, z <= below or z >= above (±inf switches a side off), on the sides the
 * row saturates on:
 *   z:T       |z| >= T (one-sided rows: z <= -T); the same as --threshold.
 *   deriv:R   |φ'(z)| <= R sup|φ'|, 0 < R < 1.
 *   output:E  φ(z) within E of its limit on a saturating side, E > 0; the
 *             limit must be finite (relu and leaky-relu: an error).
 *   dead      φ'(z) = 0 on a whole half-line: relu's z <= 0 (leaky-relu:0
 *             likewise); an error for every other activation.
 *   default   dead for relu, z:T (T = the threshold) for the others.
 * The region of deriv: and output: is the *tail component*: the longest
 * half-line (-inf, b] (or [a, +inf)) on which the condition holds at every
 * point.  For monotone tails that is simply where the condition holds; for
 * gelu, whose φ' is not monotone (it dips to 1 − sup φ' ≈ −0.129 at
 * z = −√2 before rising), it is the part reached from −inf without
 * crossing a point where the condition fails.  A rule whose tail component
 * is empty, or that would cover every z, is an error with a message.
 */
#ifndef SATSTAT_ACTIVATION_H
#define SATSTAT_ACTIVATION_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Sides of z on which an activation saturates (bit set). */
#define SATSTAT_SIDE_BELOW 1u /* z → −∞ */
#define SATSTAT_SIDE_ABOVE 2u /* z → +∞ */

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
     * solved numerically, see satstat_saturation_resolve_numeric()). */
    int (*boundary)(const satstat_activation *a, int kind, double value,
                    unsigned side, double *z, char *msg);
};

/* The table row named `name` exactly ("leaky-relu" is the row with slope
 * 0.01; "leaky-relu:0.2" is not a row: use satstat_activation_parse()), or
 * NULL. */
const satstat_activation *satstat_activation_find(const char *name);

/* The whole table; *count gets its length. */
const satstat_activation *satstat_activation_table(size_t *count);

/* Parse an --activation value: a row name, or `leaky-relu:SLOPE` with
 * 0 <= SLOPE < 1.  On success *out is a row or an interned instance (valid
 * for the life of the process).  SATSTAT_EINVAL with a sentence in msg
 * (SATSTAT_ERRMSG_SIZE bytes, may be NULL) listing the valid names;
 * SATSTAT_ERANGE when SATSTAT_ACTIVATION_MAX_INSTANCES distinct slopes are
 * already in use.  Thread-safe. */
int satstat_activation_parse(const char *text, const satstat_activation **out,
                             char *msg);

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
 * (E > 0), dead, default.  SATSTAT_EINVAL with a sentence in msg. */
int satstat_saturation_parse(const char *text, satstat_saturation *out,
                             char *msg);

/* The rule actually applied: DEFAULT becomes DEAD (relu) or Z with value
 * = threshold; Z gets value = threshold. */
satstat_saturation satstat_saturation_effective(const satstat_activation *a,
                                                const satstat_saturation *rule,
                                                double threshold);

/* The rule as a user types it: "z:4", "deriv:0.1", "output:0.01", "dead"
 * (after satstat_saturation_effective()).  SATSTAT_ERANGE if size is too
 * small (SATSTAT_ACTIVATION_NAME_SIZE suffices). */
int satstat_saturation_format(const satstat_saturation *rule, char *buf,
                              size_t size);

/* The region of z where `rule` holds for `a`: *below and *above as in
 * satstat_region (satstat/config.h).  Closed forms where the row has them,
 * else satstat_saturation_resolve_numeric().  SATSTAT_EINVAL with a
 * sentence in msg when the rule does not apply (output: without a finite
 * limit, dead for a unit that never has φ' = 0, a tail component that is
 * empty or covers every z, threshold not positive). */
int satstat_saturation_resolve(const satstat_activation *a,
                               const satstat_saturation *rule,
                               double threshold, double *below, double *above,
                               char *msg);

/* The same region for deriv: and output: rules, always numerically: the
 * tail component of {z : condition} on each saturating side, bracketed by
 * a scan (step 1/256 from |z| = 8 inwards, or doubling outwards from 8)
 * and refined with GSL's Brent solver to ~1e-13.  Assumes, as holds for
 * every row, that φ and φ' are monotone beyond |z| = 8.  Used for gelu and
 * by the tests as a check of the closed forms. */
int satstat_saturation_resolve_numeric(const satstat_activation *a,
                                       const satstat_saturation *rule,
                                       double *below, double *above,
                                       char *msg);

/* The region in words, ASCII: "|z| >= 3.63689", "z <= 0", "z <= -4",
 * "z <= -1.5 or z >= 2", "nowhere" (6 significant digits).  SATSTAT_ERANGE
 * if size is too small (64 bytes suffice). */
int satstat_region_format(double below, double above, char *buf,
                          size_t size);

#ifdef __cplusplus
}
#endif
#endif
