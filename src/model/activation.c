/* activation.c — the activation table and the saturation rules
 * (satstat/activation.h).
 *
 * Each φ and φ' is written so that no intermediate overflows or cancels
 * for large |z|: only exp(−|z|) (or exp(−2|z|), exp(−z²), erfc of a
 * positive argument) is ever formed, which lies in (0, 1] and underflows
 * harmlessly to 0, so φ'(±800) is 0, never NaN; products z·(something
 * that underflows) are guarded at z = ±inf, where inf·0 would be NaN.
 *
 * Saturation rules are resolved to a region of z by closed forms where the
 * row has them (the `boundary` hook) and otherwise by a bracketing scan and
 * GSL's Brent solver (Brent 1973, "Algorithms for Minimization without
 * Derivatives", ch. 4; gsl_root_fsolver_brent), which needs nothing but a
 * sign change and converges superlinearly on a smooth crossing.
 */
#include <satstat/activation.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_roots.h>

#include <satstat/error.h>
#include <satstat/parse.h>

#include "base/gsl-int.h"

/* SELU's constants (Klambauer et al. 2017, eq. 2 and the fixed point of
 * their Theorem 1), to 35 digits as in PyTorch and TensorFlow. */
#define SELU_ALPHA 1.6732632423543772848170429916717
#define SELU_LAMBDA 1.0507009873554804934193349852946
#define SELU_LA (SELU_LAMBDA * SELU_ALPHA) /* 1.7580993408473768... */

/* sup gelu' = gelu'(√2) = Φ(√2) + √2 φ(√2) = (1 + erf 1)/2 + e^{-1}/√π
 * (gelu'' = φ(z)(2 − z²) vanishes at ±√2), from mpmath at 30 digits.  By
 * the symmetry gelu'(z) + gelu'(−z) = 1 its minimum is 1 − this, at −√2. */
#define GELU_DPHI_MAX 1.1289041451851547863407444422

/* PyTorch's default negative slope of nn.LeakyReLU. */
#define LEAKY_DEFAULT_SLOPE 0.01

/* ---- sigmoid and tanh -----------------------------------------------------*/

/* σ(z) = 1/(1 + e^{−z}).  For z < 0 the same value as e^{z}/(1 + e^{z}),
 * which keeps e^{z} ≤ 1 and gives full relative accuracy as σ → 0. */
static double sigmoid(double z)
{
    double e;

    if (z >= 0.0)
        return 1.0 / (1.0 + exp(-z));
    e = exp(z);
    return e / (1.0 + e);
}

/* σ'(z) = σ(z)(1 − σ(z)) = e^{−|z|}/(1 + e^{−|z|})², even in z.  The
 * product form would cancel in 1 − σ(z) for large z (σ rounds to 1). */
static double sigmoid_d(double z)
{
    double e = exp(-fabs(z)), d = 1.0 + e;

    return e / (d * d);
}

/* tanh'(z) = 1 − tanh²(z) = sech²(z) = 4e^{−2|z|}/(1 + e^{−2|z|})²; the
 * 1 − tanh² form cancels to 0 long before sech² underflows. */
static double tanh_d(double z)
{
    double e = exp(-2.0 * fabs(z)), d = 1.0 + e;

    return 4.0 * e / (d * d);
}

static double tanh_phi(double z)
{
    return tanh(z);
}

/* ---- softsign and erf ----------------------------------------------------*/

/* z/(1 + |z|); ±1 at ±inf (inf/inf would be NaN). */
static double softsign(double z)
{
    if (isinf(z))
        return copysign(1.0, z);
    return z / (1.0 + fabs(z));
}

/* 1/(1 + |z|)²: (1 + |z|)² may overflow to inf, and 1/inf is 0. */
static double softsign_d(double z)
{
    double d = 1.0 + fabs(z);

    return 1.0 / (d * d);
}

static double erf_phi(double z)
{
    return erf(z);
}

/* (2/√π) e^{−z²}; z² overflows to inf for |z| > 1.3e154 and e^{−inf} = 0. */
static double erf_d(double z)
{
    return M_2_SQRTPI * exp(-z * z);
}

/* ---- the ReLU family -----------------------------------------------------*/

static double relu(double z)
{
    return z > 0.0 ? z : 0.0;
}

/* 0 at the kink z = 0, as PyTorch's threshold_backward. */
static double relu_d(double z)
{
    return z > 0.0 ? 1.0 : 0.0;
}

static double leaky_phi_s(double z, double slope)
{
    if (z > 0.0)
        return z;
    return slope == 0.0 ? 0.0 : slope * z; /* 0·(−inf) would be NaN */
}

/* the slope at z = 0, as PyTorch's leaky_relu_backward */
static double leaky_dphi_s(double z, double slope)
{
    return z > 0.0 ? 1.0 : slope;
}

static double leaky_phi(double z)
{
    return leaky_phi_s(z, LEAKY_DEFAULT_SLOPE);
}

static double leaky_d(double z)
{
    return leaky_dphi_s(z, LEAKY_DEFAULT_SLOPE);
}

/* λz for z > 0, λα(e^z − 1) for z ≤ 0 (expm1: no cancellation near 0). */
static double selu(double z)
{
    return z > 0.0 ? SELU_LAMBDA * z : SELU_LA * expm1(z);
}

/* λ for z > 0, λα e^z for z ≤ 0 (PyTorch's elu_backward takes the left
 * branch at 0, so sup φ' = λα is attained there). */
static double selu_d(double z)
{
    return z > 0.0 ? SELU_LAMBDA : SELU_LA * exp(z);
}

/* ---- GELU, the exact erf form ----------------------------------------------*/

/* z Φ(z), Φ(z) = erfc(−z/√2)/2: erfc keeps full relative accuracy in the
 * left tail, where Φ underflows (z < −38.5) and gelu → −0. */
static double gelu(double z)
{
    if (isinf(z))
        return z > 0.0 ? z : 0.0;
    return z * 0.5 * erfc(-z * M_SQRT1_2);
}

/* Φ(z) + z φ(z).  For z → −∞ the two terms do not cancel to leading
 * order (Φ(z) ≈ φ(z)/|z|, z φ(z) = −|z| φ(z)); both underflow together. */
static double gelu_d(double z)
{
    if (isinf(z))
        return z > 0.0 ? 1.0 : 0.0;
    /* 1/√(2π) = (1/√2)(2/√π)/2 */
    return 0.5 * erfc(-z * M_SQRT1_2)
           + z * exp(-0.5 * z * z) * (M_SQRT1_2 * M_2_SQRTPI * 0.5);
}

/* ---- closed-form rule boundaries -------------------------------------------
 * Each returns the boundary on `side` of a deriv: (value R) or output:
 * (value E) rule in *z, or SATSTAT_EINVAL with a sentence in msg.  The
 * symmetric rows compute the outward distance u and give −u or u. */

/* "<rule> for <name> needs <need>; got <value>" */
static int rule_error(char *msg, size_t msg_size, const char *rule, const char *name,
                      const char *need, double value)
{
    char num[SATSTAT_DOUBLE_SIZE];

    satstat_format_double(value, num, sizeof num);
    if (msg != NULL)
        snprintf(msg, msg_size, "%s for %s needs %s; got %s", rule,
                 name, need, num);
    return SATSTAT_EINVAL;
}

static double signed_side(unsigned side, double u)
{
    return side == SATSTAT_SIDE_BELOW ? -u : u;
}

/* σ' = 1/(4 cosh²(z/2)) ≤ R/4 ⇔ |z| ≥ 2 acosh(1/√R);
 * σ within E of 0 or 1 ⇔ |z| ≥ ln((1 − E)/E), for E < 1/2. */
static int sigmoid_boundary(const satstat_activation *a, int kind,
                            double value, unsigned side, double *z, char *msg, size_t msg_size)
{
    if (kind == SATSTAT_SATURATION_DERIV) {
        *z = signed_side(side, 2.0 * acosh(1.0 / sqrt(value)));
        return SATSTAT_OK;
    }
    if (value >= 0.5)
        return rule_error(msg, msg_size, "output:E", a->name,
                          "E < 0.5 (half its range), else every z would count",
                          value);
    *z = signed_side(side, log((1.0 - value) / value));
    return SATSTAT_OK;
}

/* sech² z ≤ R ⇔ |z| ≥ acosh(1/√R); tanh within E of ±1 ⇔
 * |z| ≥ atanh(1 − E) = ln((2 − E)/E)/2 (the form without 1 − E, which
 * rounds for tiny E), for E < 1. */
static int tanh_boundary(const satstat_activation *a, int kind, double value,
                         unsigned side, double *z, char *msg, size_t msg_size)
{
    if (kind == SATSTAT_SATURATION_DERIV) {
        *z = signed_side(side, acosh(1.0 / sqrt(value)));
        return SATSTAT_OK;
    }
    if (value >= 1.0)
        return rule_error(msg, msg_size, "output:E", a->name,
                          "E < 1 (half its range), else every z would count",
                          value);
    *z = signed_side(side, 0.5 * log((2.0 - value) / value));
    return SATSTAT_OK;
}

/* 1/(1 + |z|)² ≤ R ⇔ |z| ≥ 1/√R − 1; 1 − |z|/(1 + |z|) = 1/(1 + |z|) ≤ E
 * ⇔ |z| ≥ 1/E − 1, for E < 1. */
static int softsign_boundary(const satstat_activation *a, int kind,
                             double value, unsigned side, double *z,
                             char *msg, size_t msg_size)
{
    if (kind == SATSTAT_SATURATION_DERIV) {
        *z = signed_side(side, 1.0 / sqrt(value) - 1.0);
        return SATSTAT_OK;
    }
    if (value >= 1.0)
        return rule_error(msg, msg_size, "output:E", a->name,
                          "E < 1 (half its range), else every z would count",
                          value);
    *z = signed_side(side, 1.0 / value - 1.0);
    return SATSTAT_OK;
}

/* e^{−z²} ≤ R ⇔ |z| ≥ √(−ln R); erfc|z| ≤ E ⇔ |z| ≥ erfc⁻¹(E) =
 * Q⁻¹(E/2)/√2 (erfc(x) = 2Q(x√2)), for E < 1. */
static int erf_boundary(const satstat_activation *a, int kind, double value,
                        unsigned side, double *z, char *msg, size_t msg_size)
{
    if (kind == SATSTAT_SATURATION_DERIV) {
        *z = signed_side(side, sqrt(-log(value)));
        return SATSTAT_OK;
    }
    if (value >= 1.0)
        return rule_error(msg, msg_size, "output:E", a->name,
                          "E < 1 (half its range), else every z would count",
                          value);
    satstat__gsl_quiet();
    *z = signed_side(side, gsl_cdf_ugaussian_Qinv(0.5 * value) * M_SQRT1_2);
    return SATSTAT_OK;
}

/* relu and leaky-relu: φ' is the slope s (0 for relu) on z ≤ 0 and 1
 * above, so deriv:R holds exactly on z ≤ 0 when s ≤ R and nowhere
 * otherwise.  output:E does not apply: relu's flat side is not approached
 * but reached (φ = 0 exactly on z ≤ 0, where "within E of 0" would also
 * count the live units with 0 < z ≤ E), it has no upper asymptote, and
 * leaky-relu has no finite limit at all.  Use the default (dead) rule or
 * deriv:R. */
static int relu_boundary(const satstat_activation *a, int kind, double value,
                         unsigned side, double *z, char *msg, size_t msg_size)
{
    if (kind == SATSTAT_SATURATION_DERIV && side == SATSTAT_SIDE_ABOVE) {
        *z = INFINITY; /* φ' = 1 > R sup φ' on z > 0 */
        return SATSTAT_OK;
    }
    if (kind == SATSTAT_SATURATION_OUTPUT) {
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "output:E does not apply to %s: it has no asymptote to "
                     "approach (its flat side is exactly %s for z <= 0, and it "
                     "is unbounded above); use deriv:R or the default rule",
                     a->name, a->param == 0.0 ? "0" : "linear");
        return SATSTAT_EINVAL;
    }
    if (a->param > value * a->dphi_max) {
        char slope[SATSTAT_DOUBLE_SIZE], r[SATSTAT_DOUBLE_SIZE];
        satstat_format_double(a->param, slope, sizeof slope);
        satstat_format_double(value, r, sizeof r);
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "deriv:R for %s needs R >= its negative slope %s (phi' "
                     "never drops below it, so no unit would count); got %s",
                     a->name, slope, r);
        return SATSTAT_EINVAL;
    }
    *z = 0.0;
    return SATSTAT_OK;
}

/* λα e^z ≤ R λα ⇔ z ≤ ln R; the linear branch, φ' = λ on z > 0 (λα at
 * z = 0, the left value), is a second component z ≥ 0 when λ ≤ R λα, i.e.
 * R ≥ 1/α ≈ 0.598; λα e^z = φ(z) + λα ≤ E ⇔ z ≤ ln(E/(λα)) for E < λα,
 * and on the linear branch λz + λα ≤ E ⇔ z ≤ (E − λα)/λ for E ≥ λα. */
static int selu_boundary(const satstat_activation *a, int kind, double value,
                         unsigned side, double *z, char *msg, size_t msg_size)
{
    (void)a;
    (void)msg;
    (void)msg_size;
    if (kind == SATSTAT_SATURATION_DERIV && side == SATSTAT_SIDE_ABOVE)
        *z = SELU_LAMBDA <= value * SELU_LA ? 0.0 : INFINITY;
    else if (kind == SATSTAT_SATURATION_DERIV)
        *z = log(value);
    else
        *z = value < SELU_LA ? log(value / SELU_LA)
                             : (value - SELU_LA) / SELU_LAMBDA;
    return SATSTAT_OK;
}

/* ---- linear ----------------------------------------------------------------
 * φ(z) = z, the identity: the network is a product of matrices (with the
 * biases), the reference case of the Jacobian's spectrum (products of
 * Gaussian matrices, Fuss–Catalan; orthogonal products, every singular
 * value gain^L).  It never saturates: φ' = 1 everywhere, so no region of z
 * is saturated — the z:T rule (the default) resolves to the empty region
 * ("nowhere", a saturated fraction of exactly 0), and deriv:, output: and
 * dead, which would each need φ to flatten somewhere, are errors. */
static double linear_phi(double z)
{
    return z;
}

static double linear_d(double z)
{
    (void)z;
    return 1.0;
}

/* ---- the table -------------------------------------------------------------*/

#define BOTH (SATSTAT_SIDE_BELOW | SATSTAT_SIDE_ABOVE)

static const satstat_activation table[] = {
    {"sigmoid", sigmoid, sigmoid_d, 0.25,
     "|z| \xE2\x89\xA5 T: \xCF\x83(z) within 1/(1+e^T) of 0 or 1",
     "1/(1+exp(-z))", BOTH, 0.0, 1.0, 0.0, 0, sigmoid_boundary},
    {"tanh", tanh_phi, tanh_d, 1.0,
     "|z| \xE2\x89\xA5 T: tanh(z) within 2/(1+e^{2T}) of -1 or 1",
     "tanh(z)", BOTH, -1.0, 1.0, 0.0, 0, tanh_boundary},
    {"softsign", softsign, softsign_d, 1.0,
     "|z| \xE2\x89\xA5 T: softsign(z) within 1/(1+T) of -1 or 1 (slowly: "
     "\xCF\x86' = 1/(1+|z|)\xC2\xB2)",
     "z/(1+|z|)", BOTH, -1.0, 1.0, 0.0, 0, softsign_boundary},
    {"erf", erf_phi, erf_d, M_2_SQRTPI,
     "|z| \xE2\x89\xA5 T: erf(z) within erfc(T) of -1 or 1",
     "erf(z)", BOTH, -1.0, 1.0, 0.0, 0, erf_boundary},
    {"relu", relu, relu_d, 1.0,
     "dead unit: z \xE2\x89\xA4 0, where relu(z) = 0 and \xCF\x86' = 0 "
     "(no gradient flows)",
     "max(0, z)", SATSTAT_SIDE_BELOW, 0.0, INFINITY, 0.0, 1, relu_boundary},
    {"leaky-relu", leaky_phi, leaky_d, 1.0,
     "z \xE2\x89\xA4 -T: on the leaky side (slope 0.01), far out; never dead",
     "z if z > 0, else 0.01 z", SATSTAT_SIDE_BELOW, -INFINITY, INFINITY,
     LEAKY_DEFAULT_SLOPE, 0, relu_boundary},
    {"gelu", gelu, gelu_d, GELU_DPHI_MAX,
     "z \xE2\x89\xA4 -T: gelu(z) = z\xCE\xA6(z) within T\xCE\xA6(-T) of 0 "
     "(one-sided; \xCF\x86' dips below 0 near z = -\xE2\x88\x9A" "2)",
     "z Phi(z) = z (1 + erf(z/sqrt 2))/2", SATSTAT_SIDE_BELOW, 0.0, INFINITY,
     0.0, 0, NULL},
    {"selu", selu, selu_d, SELU_LA,
     "z \xE2\x89\xA4 -T: selu(z) within \xCE\xBB\xCE\xB1 e^{-T} of "
     "-\xCE\xBB\xCE\xB1 \xE2\x89\x88 -1.7581 (one-sided)",
     "1.0507 z if z > 0, else 1.7581 (exp(z) - 1)", SATSTAT_SIDE_BELOW,
     -SELU_LA, INFINITY, 0.0, 0, selu_boundary},
    {"linear", linear_phi, linear_d, 1.0,
     "never: linear(z) = z has \xCF\x86' = 1 everywhere, so no unit counts as "
     "saturated",
     "z", SATSTAT_SIDE_NEVER, -INFINITY, INFINITY, 0.0, 0, NULL},
};

#define TABLE_SIZE (sizeof table / sizeof table[0])

const satstat_activation *satstat_activation_find(const char *name)
{
    size_t i;

    if (name == NULL)
        return NULL;
    for (i = 0; i < TABLE_SIZE; i++) {
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    }
    return NULL;
}

const satstat_activation *satstat_activation_table(size_t *count)
{
    if (count != NULL)
        *count = TABLE_SIZE;
    return table;
}

/* ---- parameterised instances: leaky-relu:SLOPE ----------------------------
 * An instance must be a satstat_activation like any row, whose φ and φ'
 * take z alone (the sampler, the plots and the quadratures call them so).
 * C has no closures, so each of a fixed number of slots has its own pair of
 * functions reading that slot's slope.  A slot is filled under the lock
 * and never changes afterwards; the pointer handed out is published by the
 * same lock. */

static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;
static size_t slots_used;
static double slot_slope[SATSTAT_ACTIVATION_MAX_INSTANCES];
static char slot_name[SATSTAT_ACTIVATION_MAX_INSTANCES]
                     [SATSTAT_ACTIVATION_NAME_SIZE];
static char slot_formula[SATSTAT_ACTIVATION_MAX_INSTANCES][80];
static char slot_meaning[SATSTAT_ACTIVATION_MAX_INSTANCES][96];
static satstat_activation slot[SATSTAT_ACTIVATION_MAX_INSTANCES];

#define SLOT_FUNCTIONS(i)                                                    \
    static double slot_phi_##i(double z)                                     \
    {                                                                        \
        return leaky_phi_s(z, slot_slope[i]);                                \
    }                                                                        \
    static double slot_dphi_##i(double z)                                    \
    {                                                                        \
        return leaky_dphi_s(z, slot_slope[i]);                               \
    }
#define SLOTS(X)                                                             \
    X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12)      \
    X(13) X(14) X(15) X(16) X(17) X(18) X(19) X(20) X(21) X(22) X(23) X(24) \
    X(25) X(26) X(27) X(28) X(29) X(30) X(31)
SLOTS(SLOT_FUNCTIONS)
#define SLOT_PHI(i) slot_phi_##i,
#define SLOT_DPHI(i) slot_dphi_##i,
static double (*const slot_phis[])(double) = {SLOTS(SLOT_PHI)};
static double (*const slot_dphis[])(double) = {SLOTS(SLOT_DPHI)};

/* compile-time check: one function pair per slot */
typedef char slots_match[(sizeof slot_phis / sizeof slot_phis[0]
                          == SATSTAT_ACTIVATION_MAX_INSTANCES) ? 1 : -1];

/* The table's names, for satstat_match_name and satstat_closest_name. */
static void table_names(const char *names[TABLE_SIZE])
{
    for (size_t i = 0; i < TABLE_SIZE; i++)
        names[i] = table[i].name;
}

static int unknown_activation(const char *text, size_t name_len, char *msg, size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE], hint[SATSTAT_SUGGEST_SIZE];
    const char *names[TABLE_SIZE];
    size_t i, len;

    if (msg == NULL || msg_size == 0)
        return SATSTAT_EINVAL;
    table_names(names);
    len = (size_t)snprintf(msg, msg_size,
                           "unknown activation %s (%svalid:",
                           satstat_quote(text, q, sizeof q),
                           satstat_suggest(text, name_len, names, TABLE_SIZE,
                                           hint, sizeof hint));
    for (i = 0; i < TABLE_SIZE && len < msg_size; i++)
        len += (size_t)snprintf(msg + len, msg_size - len, "%s %s",
                                i ? "," : "", table[i].name);
    if (len < msg_size)
        snprintf(msg + len, msg_size - len,
                 ", leaky-relu:SLOPE)");
    return SATSTAT_EINVAL;
}

int satstat_activation_parse(const char *text, const satstat_activation **out,
                             char *msg, size_t msg_size)
{
    static const char leaky[] = "leaky-relu";
    const char *names[TABLE_SIZE];
    const char *colon;
    char num[SATSTAT_DOUBLE_SIZE];
    double slope;
    size_t i, name_len;

    if (text == NULL || out == NULL) {
        if (msg != NULL)
            snprintf(msg, msg_size, "no activation given");
        return SATSTAT_EINVAL;
    }
    /* any ASCII case: no two rows differ only in case */
    colon = strchr(text, ':');
    name_len = colon != NULL ? (size_t)(colon - text) : strlen(text);
    table_names(names);
    if (colon == NULL
        && satstat_match_name(text, name_len, names, TABLE_SIZE, &i) == 1) {
        *out = &table[i];
        return SATSTAT_OK;
    }
    if (colon == NULL
        || satstat_match_name(text, name_len, (const char *const[]){leaky}, 1,
                              NULL) != 1) {
        char q[SATSTAT_QUOTE_SIZE];
        if (colon == NULL
            || satstat_match_name(text, name_len, names, TABLE_SIZE, &i) != 1)
            return unknown_activation(text, name_len, msg, msg_size);
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "activation '%s' takes no parameter, got %s",
                     table[i].name, satstat_quote(text, q, sizeof q));
        return SATSTAT_EINVAL;
    }
    if (satstat_parse_double(colon + 1, &slope, msg, msg_size)
        != SATSTAT_OK)
        return SATSTAT_EINVAL;
    if (!(slope >= 0.0 && slope < 1.0)) {
        satstat_format_double(slope, num, sizeof num);
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "the slope of leaky-relu:SLOPE must be in [0, 1), got %s",
                     num);
        return SATSTAT_EINVAL;
    }
    slope += 0.0; /* −0 → +0: one instance per value */
    if (slope == LEAKY_DEFAULT_SLOPE) {
        *out = satstat_activation_find("leaky-relu");
        return SATSTAT_OK;
    }

    pthread_mutex_lock(&slots_lock);
    for (i = 0; i < slots_used; i++) {
        if (slot_slope[i] == slope) {
            *out = &slot[i];
            pthread_mutex_unlock(&slots_lock);
            return SATSTAT_OK;
        }
    }
    if (slots_used == SATSTAT_ACTIVATION_MAX_INSTANCES) {
        pthread_mutex_unlock(&slots_lock);
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "too many distinct leaky-relu slopes in one process "
                     "(at most %d)", SATSTAT_ACTIVATION_MAX_INSTANCES);
        return SATSTAT_ERANGE;
    }
    i = slots_used;
    satstat_format_double(slope, num, sizeof num);
    slot_slope[i] = slope;
    snprintf(slot_name[i], sizeof slot_name[i], "leaky-relu:%s", num);
    snprintf(slot_formula[i], sizeof slot_formula[i],
             "z if z > 0, else %s z", num);
    if (slope == 0.0)
        snprintf(slot_meaning[i], sizeof slot_meaning[i],
                 "dead unit: z \xE2\x89\xA4 0 (slope 0: the same as relu)");
    else
        snprintf(slot_meaning[i], sizeof slot_meaning[i],
                 "z \xE2\x89\xA4 -T: on the leaky side (slope %s), far out; "
                 "never dead", num);
    slot[i] = table[5]; /* the leaky-relu row */
    slot[i].name = slot_name[i];
    slot[i].phi = slot_phis[i];
    slot[i].dphi = slot_dphis[i];
    slot[i].saturation = slot_meaning[i];
    slot[i].formula = slot_formula[i];
    slot[i].param = slope;
    slot[i].dead = slope == 0.0;
    slot[i].limit_below = slope == 0.0 ? 0.0 : -INFINITY;
    slots_used++;
    *out = &slot[i];
    pthread_mutex_unlock(&slots_lock);
    return SATSTAT_OK;
}

/* ---- saturation rules ------------------------------------------------------*/

static const char rule_names[] = "z:T, deriv:R, output:E, dead, default";

int satstat_saturation_parse(const char *text, satstat_saturation *out,
                             char *msg, size_t msg_size)
{
    static const struct {
        const char *prefix;
        satstat_saturation_kind kind;
    } kinds[] = {
        {"z", SATSTAT_SATURATION_Z},
        {"deriv", SATSTAT_SATURATION_DERIV},
        {"output", SATSTAT_SATURATION_OUTPUT},
    };
    static const char *const plain[] = {"default", "dead"};
    /* for "did you mean": each rule as it is written */
    static const char *const words[] = {"z", "deriv", "output", "dead",
                                        "default"};
    static const char *const shown[] = {"z:T", "deriv:R", "output:E", "dead",
                                        "default"};
    char q[SATSTAT_QUOTE_SIZE], num[SATSTAT_DOUBLE_SIZE];
    char hint[SATSTAT_SUGGEST_SIZE] = "";
    const char *colon;
    size_t i, name_len;

    if (text == NULL || out == NULL) {
        if (msg != NULL)
            snprintf(msg, msg_size, "no saturation rule given");
        return SATSTAT_EINVAL;
    }
    /* any ASCII case: "Z:3", "DEAD" */
    colon = strchr(text, ':');
    name_len = colon != NULL ? (size_t)(colon - text) : strlen(text);
    if (colon == NULL
        && satstat_match_name(text, name_len, plain, 2, &i) == 1) {
        out->kind = i == 0 ? SATSTAT_SATURATION_DEFAULT
                           : SATSTAT_SATURATION_DEAD;
        out->value = 0.0;
        return SATSTAT_OK;
    }
    for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        double v;

        if (colon == NULL
            || satstat_match_name(text, name_len, &kinds[i].prefix, 1, NULL)
                   != 1)
            continue;
        if (satstat_parse_double(colon + 1, &v, msg, msg_size) != SATSTAT_OK)
            return SATSTAT_EINVAL;
        satstat_format_double(v, num, sizeof num);
        if (kinds[i].kind == SATSTAT_SATURATION_DERIV && !(v > 0.0 && v < 1.0)) {
            if (msg != NULL)
                snprintf(msg, msg_size,
                         "R in deriv:R is a fraction of sup phi' and must be "
                         "in (0, 1), got %s", num);
            return SATSTAT_EINVAL;
        }
        if (!(v > 0.0)) {
            if (msg != NULL)
                snprintf(msg, msg_size,
                         "%s in %s:%s must be positive, got %s",
                         kinds[i].kind == SATSTAT_SATURATION_Z ? "T" : "E",
                         kinds[i].prefix,
                         kinds[i].kind == SATSTAT_SATURATION_Z ? "T" : "E",
                         num);
            return SATSTAT_EINVAL;
        }
        out->kind = kinds[i].kind;
        out->value = v;
        return SATSTAT_OK;
    }
    if (msg != NULL) {
        if (satstat_closest_name(text, name_len, words, 5, &i) != NULL)
            snprintf(hint, sizeof hint, "did you mean '%s'? ", shown[i]);
        snprintf(msg, msg_size,
                 "unknown saturation rule %s (%svalid: %s)",
                 satstat_quote(text, q, sizeof q), hint, rule_names);
    }
    return SATSTAT_EINVAL;
}

satstat_saturation satstat_saturation_effective(const satstat_activation *a,
                                                const satstat_saturation *rule,
                                                double threshold)
{
    satstat_saturation r = {SATSTAT_SATURATION_DEFAULT, 0.0};

    if (rule != NULL)
        r = *rule;
    if (r.kind == SATSTAT_SATURATION_DEFAULT)
        r.kind = a != NULL && a->dead ? SATSTAT_SATURATION_DEAD
                                      : SATSTAT_SATURATION_Z;
    if (r.kind == SATSTAT_SATURATION_Z)
        r.value = threshold;
    if (r.kind == SATSTAT_SATURATION_DEAD)
        r.value = 0.0;
    return r;
}

int satstat_saturation_format(const satstat_saturation *rule, char *buf,
                              size_t size)
{
    char num[SATSTAT_DOUBLE_SIZE];
    const char *name;
    int n;

    if (rule == NULL || buf == NULL || size == 0)
        return SATSTAT_EINVAL;
    switch (rule->kind) {
    case SATSTAT_SATURATION_Z:
        name = "z:";
        break;
    case SATSTAT_SATURATION_DERIV:
        name = "deriv:";
        break;
    case SATSTAT_SATURATION_OUTPUT:
        name = "output:";
        break;
    case SATSTAT_SATURATION_DEAD:
        n = snprintf(buf, size, "dead");
        return n >= 0 && (size_t)n < size ? SATSTAT_OK : SATSTAT_ERANGE;
    default:
        n = snprintf(buf, size, "default");
        return n >= 0 && (size_t)n < size ? SATSTAT_OK : SATSTAT_ERANGE;
    }
    satstat_format_double(rule->value, num, sizeof num);
    n = snprintf(buf, size, "%s%s", name, num);
    return n >= 0 && (size_t)n < size ? SATSTAT_OK : SATSTAT_ERANGE;
}

/* ---- numerical boundaries --------------------------------------------------*/

typedef struct tail_ctx {
    const satstat_activation *a;
    int kind;
    double value, limit, sign; /* sign: −1 below, +1 above */
} tail_ctx;

/* The rule's margin at outward distance u (z = sign·u): ≤ 0 where the
 * rule holds.  The deriv: scan walks z itself, with sign +1. */
static double tail_margin(double u, void *p)
{
    const tail_ctx *c = p;
    double z = c->sign * u;

    if (c->kind == SATSTAT_SATURATION_DERIV)
        return fabs(c->a->dphi(z)) - c->value * c->a->dphi_max;
    return fabs(c->a->phi(z) - c->limit) - c->value;
}

/* Scan range and step: every row is monotone beyond |z| = 8 (the bends of
 * gelu are at ±√2 and −0.75, of selu at 0), so a rule that holds at 8
 * holds all the way out; inside, the scan steps 1/256, finer than any
 * feature of the rows (all of unit width).  The output: scan walks inwards
 * from 8 and may cross to the other side (gelu's output:0.2 ends at
 * z ≈ 0.32) down to −64. */
#define SCAN_START 8.0
#define SCAN_STEP (1.0 / 256.0)
#define SCAN_END -64.0
#define SCAN_FAR 4096.0

static int brent(tail_ctx *c, double lo, double hi, double *root)
{
    gsl_function f = {tail_margin, c};
    gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    int status, iter = 0;

    if (s == NULL)
        return SATSTAT_ENOMEM;
    status = gsl_root_fsolver_set(s, &f, lo, hi);
    while (status == GSL_SUCCESS && iter++ < 200) {
        status = gsl_root_fsolver_iterate(s);
        if (status != GSL_SUCCESS)
            break;
        lo = gsl_root_fsolver_x_lower(s);
        hi = gsl_root_fsolver_x_upper(s);
        status = gsl_root_test_interval(lo, hi, 1e-14, 4 * GSL_DBL_EPSILON);
        if (status == GSL_SUCCESS)
            break;
        if (status == GSL_CONTINUE)
            status = GSL_SUCCESS;
    }
    *root = gsl_root_fsolver_root(s);
    gsl_root_fsolver_free(s);
    return status == GSL_SUCCESS && isfinite(*root) ? SATSTAT_OK
                                                    : SATSTAT_ENUMERIC;
}

static int solve_error(const satstat_activation *a, int rc, char *msg, size_t msg_size)
{
    if (msg != NULL)
        snprintf(msg, msg_size,
                 "could not solve for the boundary of the rule for %s",
                 a->name);
    return rc;
}

static const char *side_word(unsigned side)
{
    return side == SATSTAT_SIDE_BELOW ? "-inf" : "+inf";
}

/* The outward search beyond |z| = SCAN_START where the rule fails at 8:
 * double the distance until it holds (the crossing then lies between u/2
 * and u, by monotonicity).  *found 0 when it never does within SCAN_FAR;
 * else the crossing's outward distance in *root. */
static int search_outwards(tail_ctx *c, int *found, double *root)
{
    double u;

    for (u = 2.0 * SCAN_START; u <= SCAN_FAR; u *= 2.0)
        if (tail_margin(u, c) <= 0.0)
            break;
    *found = u <= SCAN_FAR;
    return *found ? brent(c, 0.5 * u, u, root) : SATSTAT_OK;
}

/* output:E: the inner end of the tail component on `side`. */
static int numeric_side(const satstat_activation *a, int kind, double value,
                        unsigned side, double *z, char *msg, size_t msg_size)
{
    tail_ctx c = {a, kind, value,
                  side == SATSTAT_SIDE_BELOW ? a->limit_below : a->limit_above,
                  side == SATSTAT_SIDE_BELOW ? -1.0 : 1.0};
    double u, root;
    int rc, found;

    satstat__gsl_quiet();
    if (tail_margin(SCAN_START, &c) > 0.0) {
        rc = search_outwards(&c, &found, &root);
        if (rc == SATSTAT_OK && !found) {
            if (msg != NULL)
                snprintf(msg, msg_size,
                         "the rule never holds for %s as z -> %s (not within "
                         "|z| <= %g)", a->name, side_word(side), SCAN_FAR);
            return SATSTAT_EINVAL;
        }
    } else {
        /* the rule holds at 8: walk inwards to the first point it fails */
        for (u = SCAN_START - SCAN_STEP; u >= SCAN_END; u -= SCAN_STEP)
            if (tail_margin(u, &c) > 0.0)
                break;
        if (u < SCAN_END) {
            if (msg != NULL)
                snprintf(msg, msg_size,
                         "the rule holds for %s at every z: every unit would "
                         "count as saturated", a->name);
            return SATSTAT_EINVAL;
        }
        rc = brent(&c, u, u + SCAN_STEP, &root);
    }
    if (rc != SATSTAT_OK)
        return solve_error(a, rc, msg, msg_size);
    *z = c.sign * root;
    return SATSTAT_OK;
}

/* The components found so far, ascending; lo = −inf / hi = +inf for the
 * tails. */
typedef struct component_list {
    size_t n;
    satstat_interval iv[SATSTAT_REGION_MAX_INTERVALS];
} component_list;

static int add_component(const satstat_activation *a, component_list *l,
                         double lo, double hi, char *msg, size_t msg_size)
{
    if (l->n == SATSTAT_REGION_MAX_INTERVALS) {
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "the rule splits z into more than %d pieces for %s",
                     SATSTAT_REGION_MAX_INTERVALS, a->name);
        return SATSTAT_EINVAL;
    }
    l->iv[l->n].lo = lo;
    l->iv[l->n].hi = hi;
    l->n++;
    return SATSTAT_OK;
}

/* deriv:R: every component of {z : |φ'(z)| ≤ R sup|φ'|}.  The margin is
 * evaluated on the grid −8, −8 + 1/256, ..., 8; a sign change between two
 * neighbours is a crossing, refined with Brent.  Beyond ±8 (monotone) the
 * set either continues to ±inf (it holds at ±8) or begins further out
 * (search_outwards()) or not at all. */
static int deriv_components(const satstat_activation *a, double value,
                            component_list *l, char *msg, size_t msg_size)
{
    tail_ctx c = {a, SATSTAT_SATURATION_DERIV, value, 0.0, 1.0};
    const long steps = (long)(2.0 * SCAN_START / SCAN_STEP);
    double start = -INFINITY, prev = -SCAN_START, root;
    int inside, found, rc;
    long k;

    satstat__gsl_quiet();
    l->n = 0;
    inside = tail_margin(-SCAN_START, &c) <= 0.0;
    if (!inside) {
        c.sign = -1.0; /* outward distance below */
        rc = search_outwards(&c, &found, &root);
        c.sign = 1.0;
        if (rc != SATSTAT_OK)
            return solve_error(a, rc, msg, msg_size);
        if (found && (rc = add_component(a, l, -INFINITY, -root, msg, msg_size)) != SATSTAT_OK)
            return rc;
    }
    for (k = 1; k <= steps; k++) {
        double z = -SCAN_START + (double)k * SCAN_STEP;
        int in = tail_margin(z, &c) <= 0.0;

        if (in != inside) {
            rc = brent(&c, prev, z, &root);
            if (rc != SATSTAT_OK)
                return solve_error(a, rc, msg, msg_size);
            if (in)
                start = root;
            else if ((rc = add_component(a, l, start, root, msg, msg_size)) != SATSTAT_OK)
                return rc;
            inside = in;
        }
        prev = z;
    }
    if (inside)
        return add_component(a, l, start, INFINITY, msg, msg_size);
    rc = search_outwards(&c, &found, &root);
    if (rc != SATSTAT_OK)
        return solve_error(a, rc, msg, msg_size);
    return found ? add_component(a, l, root, INFINITY, msg, msg_size) : SATSTAT_OK;
}

static unsigned sides_of(const satstat_activation *a)
{
    if (a->sides & SATSTAT_SIDE_NEVER)
        return 0u;
    return a->sides ? a->sides : BOTH;
}

/* Checks shared by both resolvers for deriv: and output: rules. */
static int check_rule_value(const satstat_activation *a, int kind,
                            double value, char *msg, size_t msg_size)
{
    unsigned sides = sides_of(a);

    if (kind == SATSTAT_SATURATION_DERIV && !(value > 0.0 && value < 1.0))
        return rule_error(msg, msg_size, "deriv:R", a->name, "0 < R < 1", value);
    if (kind == SATSTAT_SATURATION_OUTPUT && !(value > 0.0 && isfinite(value)))
        return rule_error(msg, msg_size, "output:E", a->name, "E > 0", value);
    if (kind == SATSTAT_SATURATION_OUTPUT
        && (((sides & SATSTAT_SIDE_BELOW) && !isfinite(a->limit_below))
            || ((sides & SATSTAT_SIDE_ABOVE) && !isfinite(a->limit_above)))
        && a->boundary == NULL) {
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "output:E does not apply to %s: phi has no finite limit "
                     "on the side where it saturates", a->name);
        return SATSTAT_EINVAL;
    }
    return SATSTAT_OK;
}

/* The components, ascending and disjoint, as a region: the first is the
 * lower tail when it starts at −inf, the last the upper one when it ends
 * at +inf, the rest bands.  Empty, or all of z: an error. */
static int finish_region(const satstat_activation *a, const component_list *l,
                         satstat_region *out, char *msg, size_t msg_size)
{
    satstat_region r = satstat_region_tails(-INFINITY, INFINITY);
    size_t first = 0, last = l->n, i;

    for (i = 0; i < l->n; i++)
        if (isnan(l->iv[i].lo) || isnan(l->iv[i].hi))
            return SATSTAT_ENUMERIC;
    if (l->n == 0) {
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "the rule holds nowhere for %s: no unit would count as "
                     "saturated", a->name);
        return SATSTAT_EINVAL;
    }
    if ((l->iv[0].lo == -INFINITY && l->iv[0].hi == INFINITY)
        || (l->n == 2 && l->iv[0].lo == -INFINITY && l->iv[1].hi == INFINITY
            && l->iv[0].hi >= l->iv[1].lo)) {
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "the rule covers every z for %s: every unit would count "
                     "as saturated", a->name);
        return SATSTAT_EINVAL;
    }
    if (l->iv[0].lo == -INFINITY)
        r.below = l->iv[first++].hi;
    if (l->iv[l->n - 1].hi == INFINITY && last > first)
        r.above = l->iv[--last].lo;
    for (i = first; i < last; i++)
        r.band[r.n_bands++] = l->iv[i];
    *out = r;
    return SATSTAT_OK;
}

/* The tail on each side from the closed form (hook) or numeric_side(). */
static int resolve_sides(const satstat_activation *a, int kind, double value,
                         int numeric, satstat_region *out, char *msg, size_t msg_size)
{
    unsigned sides = kind == SATSTAT_SATURATION_DERIV ? BOTH : sides_of(a);
    double lo = -INFINITY, hi = INFINITY;
    component_list l = {0, {{0.0, 0.0}}};
    int rc;

    if (sides & SATSTAT_SIDE_BELOW) {
        rc = !numeric && a->boundary
                 ? a->boundary(a, kind, value, SATSTAT_SIDE_BELOW, &lo, msg, msg_size)
                 : numeric_side(a, kind, value, SATSTAT_SIDE_BELOW, &lo, msg, msg_size);
        if (rc != SATSTAT_OK)
            return rc;
    }
    if (sides & SATSTAT_SIDE_ABOVE) {
        rc = !numeric && a->boundary
                 ? a->boundary(a, kind, value, SATSTAT_SIDE_ABOVE, &hi, msg, msg_size)
                 : numeric_side(a, kind, value, SATSTAT_SIDE_ABOVE, &hi, msg, msg_size);
        if (rc != SATSTAT_OK)
            return rc;
    }
    if (lo > -INFINITY)
        add_component(a, &l, -INFINITY, lo, msg, msg_size);
    if (hi < INFINITY)
        add_component(a, &l, hi, INFINITY, msg, msg_size);
    if (l.n == 2 && lo >= hi) /* the two tails overlap */
        l.iv[0].hi = INFINITY, l.n = 1;
    return finish_region(a, &l, out, msg, msg_size);
}

static int resolve_rule(const satstat_activation *a, int kind, double value,
                        int numeric, satstat_region *out, char *msg, size_t msg_size)
{
    component_list l;
    int rc = check_rule_value(a, kind, value, msg, msg_size);

    if (rc != SATSTAT_OK)
        return rc;
    if (kind == SATSTAT_SATURATION_DERIV && (numeric || a->boundary == NULL)) {
        rc = deriv_components(a, value, &l, msg, msg_size);
        return rc != SATSTAT_OK ? rc : finish_region(a, &l, out, msg, msg_size);
    }
    return resolve_sides(a, kind, value, numeric, out, msg, msg_size);
}

int satstat_saturation_resolve_numeric(const satstat_activation *a,
                                       const satstat_saturation *rule,
                                       satstat_region *out, char *msg, size_t msg_size)
{
    if (a == NULL || rule == NULL || out == NULL)
        return SATSTAT_EINVAL;
    if (rule->kind != SATSTAT_SATURATION_DERIV
        && rule->kind != SATSTAT_SATURATION_OUTPUT) {
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "only deriv: and output: rules are solved numerically");
        return SATSTAT_EINVAL;
    }
    return resolve_rule(a, rule->kind, rule->value, 1, out, msg, msg_size);
}

int satstat_saturation_resolve(const satstat_activation *a,
                               const satstat_saturation *rule,
                               double threshold, satstat_region *out,
                               char *msg, size_t msg_size)
{
    satstat_saturation r;
    unsigned sides;
    char num[SATSTAT_DOUBLE_SIZE];

    if (a == NULL || out == NULL) {
        if (msg != NULL)
            snprintf(msg, msg_size, "no activation given");
        return SATSTAT_EINVAL;
    }
    sides = sides_of(a);
    r = satstat_saturation_effective(a, rule, threshold);
    if ((a->sides & SATSTAT_SIDE_NEVER) && r.kind != SATSTAT_SATURATION_Z) {
        char spec[SATSTAT_ACTIVATION_NAME_SIZE];
        satstat_saturation_format(&r, spec, sizeof spec);
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "%s does not apply to %s: it never saturates (phi' = %g "
                     "everywhere); use the default rule, under which no unit "
                     "counts", spec, a->name, a->dphi_max);
        return SATSTAT_EINVAL;
    }
    switch (r.kind) {
    case SATSTAT_SATURATION_Z:
        if (!(r.value > 0.0) || !isfinite(r.value)) {
            satstat_format_double(r.value, num, sizeof num);
            if (msg != NULL)
                snprintf(msg, msg_size,
                         "the threshold T must be a positive finite number, "
                         "got %s", num);
            return SATSTAT_EINVAL;
        }
        *out = satstat_region_tails(
            sides & SATSTAT_SIDE_BELOW ? -r.value : -INFINITY,
            sides & SATSTAT_SIDE_ABOVE ? r.value : INFINITY);
        return SATSTAT_OK;
    case SATSTAT_SATURATION_DEAD:
        if (!a->dead) {
            if (msg != NULL)
                snprintf(msg, msg_size,
                         "dead does not apply to %s: its phi' is not 0 on a "
                         "half-line (only relu and leaky-relu:0 have dead "
                         "units); use deriv:R", a->name);
            return SATSTAT_EINVAL;
        }
        *out = satstat_region_tails(0.0, INFINITY);
        return SATSTAT_OK;
    case SATSTAT_SATURATION_DERIV:
    case SATSTAT_SATURATION_OUTPUT:
        return resolve_rule(a, r.kind, r.value, 0, out, msg, msg_size);
    default:
        return SATSTAT_EINVAL;
    }
}

/* ---- regions ---------------------------------------------------------------*/

size_t satstat_region_intervals(const satstat_region *r, satstat_interval *out)
{
    size_t n = 0, i;

    if (r == NULL || out == NULL)
        return 0;
    if (r->below > -INFINITY)
        out[n++] = (satstat_interval){-INFINITY, r->below};
    for (i = 0; i < r->n_bands && i < SATSTAT_REGION_MAX_BANDS; i++)
        out[n++] = r->band[i];
    if (r->above < INFINITY)
        out[n++] = (satstat_interval){r->above, INFINITY};
    return n;
}

double satstat_region_probability(const satstat_region *r,
                                  double (*cdf)(double x, void *ctx),
                                  double (*sf)(double x, void *ctx),
                                  void *ctx)
{
    double p = 0.0;
    size_t i;

    if (r == NULL || cdf == NULL || sf == NULL || isnan(r->below)
        || isnan(r->above))
        return NAN;
    if (r->below > -INFINITY)
        p += cdf(r->below, ctx);
    for (i = 0; i < r->n_bands; i++) {
        double lo = r->band[i].lo, hi = r->band[i].hi, up = cdf(hi, ctx);

        if (isnan(lo) || isnan(hi))
            return NAN;
        /* P(lo ≤ z ≤ hi) from the tail that is small there: F(hi) − F(lo)
         * left of the median, S(lo) − S(hi) right of it */
        p += up <= 0.5 ? up - cdf(lo, ctx) : sf(lo, ctx) - sf(hi, ctx);
    }
    if (r->above < INFINITY)
        p += sf(r->above, ctx);
    return p > 1.0 ? 1.0 : p < 0.0 ? 0.0 : p;
}

/* "<= x" with 6 significant digits, −0 printed as 0 */
static int format_number(char *buf, size_t size, double x)
{
    return snprintf(buf, size, "%.6g", x + 0.0);
}

int satstat_region_format(const satstat_region *r, char *buf, size_t size)
{
    satstat_interval iv[SATSTAT_REGION_MAX_INTERVALS];
    size_t n, i, len = 0;
    int k;

    if (r == NULL || buf == NULL || size == 0)
        return SATSTAT_EINVAL;
    n = satstat_region_intervals(r, iv);
    buf[0] = '\0';
    if (n == 0)
        k = snprintf(buf, size, "nowhere");
    else if (n == 2 && r->n_bands == 0 && r->below == -r->above
             && r->above > 0.0)
        k = snprintf(buf, size, "|z| >= %.6g", r->above);
    else
        k = 0;
    if (k != 0)
        return k > 0 && (size_t)k < size ? SATSTAT_OK : SATSTAT_ERANGE;
    for (i = 0; i < n; i++) {
        char lo[SATSTAT_DOUBLE_SIZE], hi[SATSTAT_DOUBLE_SIZE];

        format_number(lo, sizeof lo, iv[i].lo);
        format_number(hi, sizeof hi, iv[i].hi);
        if (iv[i].lo == -INFINITY)
            k = snprintf(buf + len, size - len, "%sz <= %s", i ? " or " : "", hi);
        else if (iv[i].hi == INFINITY)
            k = snprintf(buf + len, size - len, "%sz >= %s", i ? " or " : "", lo);
        else
            k = snprintf(buf + len, size - len, "%s%s <= z <= %s",
                         i ? " or " : "", lo, hi);
        if (k < 0 || (size_t)k >= size - len)
            return SATSTAT_ERANGE;
        len += (size_t)k;
    }
    return SATSTAT_OK;
}
