/* scheme.c — weight schemes, bias laws and input models (satstat/scheme.h).
 *
 * Every spec has the form NAME or NAME:NUMBER.  One small table per kind of
 * spec says which names exist and what their parameter must be; the parsing,
 * the messages and the canonical strings are shared.  The canonical number
 * is the shortest round-trip form (satstat_format_double), so "normal:0.50"
 * and "normal:0.5" are one scheme with one random stream.
 *
 * Weight laws: `standard` is N(0, 1), Nielsen's large_weight_initializer;
 * `scaled` is N(0, 1/n_in), his default_weight_initializer
 * (np.random.randn(y, x)/np.sqrt(x)), the fan-in scaling of LeCun et al.
 * 1998, "Efficient BackProp", §4.6.
 */
#include <satstat/scheme.h>

#include <errno.h>
#include <inttypes.h>
#include <float.h>

/* The largest fan the config accepts (SATSTAT_MAX_N_IN in config.h). */
#define SATSTAT_SCHEME_MAX_FAN UINT64_C(100000000)
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>

#include <satstat/error.h>
#include <satstat/parse.h>

#ifndef M_SQRT2
#define M_SQRT2 1.41421356237309504880
#endif

/* ---- laws ----------------------------------------------------------------*/

/* Raw moments m_1..m_4 of the standard normal truncated to [α, β] and its
 * mass Z: m_0 = 1, m_1 = (φ(α) − φ(β))/Z, m_k = (k−1)·m_{k−2} +
 * (α^{k−1}φ(α) − β^{k−1}φ(β))/Z (integration by parts; Johnson, Kotz &
 * Balakrishnan, Continuous Univariate Distributions 1, §10.1).  Z from
 * the tail on the side away from the mass, so it keeps its digits far out
 * (trunc-normal:0,1,5,6). */
static double trunc_mass(double alpha, double beta)
{
    if (alpha > 0.0)
        return gsl_cdf_ugaussian_Q(alpha) - gsl_cdf_ugaussian_Q(beta);
    return gsl_cdf_ugaussian_P(beta) - gsl_cdf_ugaussian_P(alpha);
}

static double edge_term(double x, int power)
{
    /* x^power·φ(x), 0 at ±∞ */
    if (isinf(x))
        return 0.0;
    return pow(x, power) * gsl_ran_ugaussian_pdf(x);
}

static int trunc_central(const satstat_law *law, double c[5])
{
    double alpha = (law->lo - law->a) / law->b;
    double beta = (law->hi - law->a) / law->b;
    double z = trunc_mass(alpha, beta);
    double m[5];

    if (!(law->b > 0.0) || !(law->lo < law->hi) || !(z > 0.0))
        return -1;
    m[0] = 1.0;
    m[1] = (edge_term(alpha, 0) - edge_term(beta, 0)) / z;
    for (int k = 2; k <= 4; k++)
        m[k] = (k - 1) * m[k - 2]
               + (edge_term(alpha, k - 1) - edge_term(beta, k - 1)) / z;
    /* central moments of the standardised law, then scaled by b */
    double mu = m[1];
    c[0] = law->a + law->b * mu; /* the mean */
    c[2] = (m[2] - mu * mu) * law->b * law->b;
    c[3] = (m[3] - 3.0 * mu * m[2] + 2.0 * mu * mu * mu) * pow(law->b, 3);
    c[4] = (m[4] - 4.0 * mu * m[3] + 6.0 * mu * mu * m[2]
            - 3.0 * mu * mu * mu * mu)
           * pow(law->b, 4);
    c[1] = 0.0;
    return 0;
}

double satstat_law_mean(const satstat_law *law)
{
    double c[5];

    if (law == NULL)
        return (double)NAN;
    switch (law->family) {
    case SATSTAT_FAMILY_CONSTANT:
    case SATSTAT_FAMILY_NORMAL:
        return law->a;
    case SATSTAT_FAMILY_UNIFORM:
        return 0.5 * (law->a + law->b);
    case SATSTAT_FAMILY_TRUNC_NORMAL:
        return trunc_central(law, c) == 0 ? c[0] : (double)NAN;
    case SATSTAT_FAMILY_ORTHOGONAL:
        return 0.0;
    }
    return (double)NAN;
}

double satstat_law_variance(const satstat_law *law)
{
    double w, c[5];

    if (law == NULL)
        return (double)NAN;
    switch (law->family) {
    case SATSTAT_FAMILY_CONSTANT:
        return 0.0;
    case SATSTAT_FAMILY_NORMAL:
    case SATSTAT_FAMILY_ORTHOGONAL:
        return law->b * law->b;
    case SATSTAT_FAMILY_UNIFORM:
        w = law->b - law->a;
        return w * w / 12.0;
    case SATSTAT_FAMILY_TRUNC_NORMAL:
        return trunc_central(law, c) == 0 ? c[2] : (double)NAN;
    }
    return (double)NAN;
}

double satstat_law_skewness(const satstat_law *law)
{
    double c[5];

    if (law == NULL)
        return (double)NAN;
    switch (law->family) {
    case SATSTAT_FAMILY_NORMAL:
    case SATSTAT_FAMILY_UNIFORM:
        return 0.0;
    case SATSTAT_FAMILY_TRUNC_NORMAL:
        return trunc_central(law, c) == 0 ? c[3] / pow(c[2], 1.5)
                                          : (double)NAN;
    case SATSTAT_FAMILY_CONSTANT:
    case SATSTAT_FAMILY_ORTHOGONAL:
        break;
    }
    return (double)NAN;
}

double satstat_law_kurtosis(const satstat_law *law)
{
    double c[5];

    if (law == NULL)
        return (double)NAN;
    switch (law->family) {
    case SATSTAT_FAMILY_NORMAL:
        return 3.0;
    case SATSTAT_FAMILY_UNIFORM:
        return 9.0 / 5.0;
    case SATSTAT_FAMILY_TRUNC_NORMAL:
        return trunc_central(law, c) == 0 ? c[4] / (c[2] * c[2])
                                          : (double)NAN;
    case SATSTAT_FAMILY_CONSTANT:
    case SATSTAT_FAMILY_ORTHOGONAL:
        break;
    }
    return (double)NAN;
}

double satstat_law_cdf(const satstat_law *law, double w)
{
    if (law == NULL || isnan(w))
        return (double)NAN;
    switch (law->family) {
    case SATSTAT_FAMILY_CONSTANT:
        return w >= law->a ? 1.0 : 0.0;
    case SATSTAT_FAMILY_NORMAL:
        return gsl_cdf_gaussian_P(w - law->a, law->b);
    case SATSTAT_FAMILY_UNIFORM:
        return w <= law->a ? 0.0
               : w >= law->b ? 1.0
                             : (w - law->a) / (law->b - law->a);
    case SATSTAT_FAMILY_TRUNC_NORMAL: {
        if (w <= law->lo)
            return 0.0;
        if (w >= law->hi)
            return 1.0;
        double alpha = (law->lo - law->a) / law->b;
        double x = (w - law->a) / law->b;
        double beta = (law->hi - law->a) / law->b;
        return trunc_mass(alpha, x) / trunc_mass(alpha, beta);
    }
    case SATSTAT_FAMILY_ORTHOGONAL:
        break;
    }
    return (double)NAN;
}

/* ---- shared spec parsing -------------------------------------------------*/

typedef enum param_kind {
    PARAM_NONE,     /* NAME alone                                        */
    PARAM_SCALE,    /* > 0, finite, and a law built on it has a finite,
                       non-zero variance: (2x)² finite, x² > 0            */
    PARAM_FINITE,   /* any finite number                                 */
    PARAM_PROB      /* 0 ≤ p ≤ 1                                         */
} param_kind;

typedef struct spec_entry {
    const char *name;  /* "normal"                                     */
    param_kind param;
    int id;            /* the kind enum of the object being parsed      */
} spec_entry;

/* The "valid: ..." list for a message. */
static void join_names(const char *const *names, char *buf, size_t size)
{
    size_t i, n = 0;

    buf[0] = '\0';
    for (i = 0; names[i] != NULL; i++) {
        int w = snprintf(buf + n, size - n, "%s%s", i > 0 ? ", " : "",
                         names[i]);
        if (w < 0 || (size_t)w >= size - n)
            return;
        n += (size_t)w;
    }
}

/* msg += text, cut to SATSTAT_ERRMSG_SIZE. */
static void append(char *msg, const char *text)
{
    size_t n = strlen(msg), m = strlen(text);
    if (n + 1 >= SATSTAT_ERRMSG_SIZE)
        return;
    if (m > SATSTAT_ERRMSG_SIZE - 1 - n)
        m = SATSTAT_ERRMSG_SIZE - 1 - n;
    memcpy(msg + n, text, m);
    msg[n + m] = '\0';
}

/* The most entries a spec_entry table has (bias: 5). */
#define SPEC_TABLE_MAX 8

/* Match `text` against `table` (n entries, in any ASCII case) and read its parameter.  `what`
 * names the kind of spec for messages ("scheme"); `names` is its
 * user-facing list, in the order of `table` ("normal:SIGMA" for "normal").  On success *id, *param and canonical are set. */
static int spec_parse(const spec_entry *table, size_t n, const char *what,
                      const char *const *names, const char *text, int *id,
                      double *param, char *canonical, char *msg)
{
    char q[SATSTAT_QUOTE_SIZE], valid[128], num[SATSTAT_DOUBLE_SIZE];
    char hint[SATSTAT_SUGGEST_SIZE];
    const char *table_names[SPEC_TABLE_MAX];
    const spec_entry *e = NULL;
    const char *colon;
    size_t name_len, i;
    double x = 0.0;

    join_names(names, valid, sizeof valid);
    if (text == NULL || text[0] == '\0') {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
                     "expected a %s, got an empty string (valid: %s)", what,
                     valid);
        return SATSTAT_EINVAL;
    }
    colon = strchr(text, ':');
    name_len = colon != NULL ? (size_t)(colon - text) : strlen(text);
    for (i = 0; i < n && i < SPEC_TABLE_MAX; i++)
        table_names[i] = table[i].name;
    if (satstat_match_name(text, name_len, table_names, i, &i) == 1)
        e = &table[i];
    if (e == NULL) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "unknown %s %s (%svalid: %s)",
                     what, satstat_quote(text, q, sizeof q),
                     satstat_suggest(text, name_len, table_names,
                                     n < SPEC_TABLE_MAX ? n : SPEC_TABLE_MAX,
                                     hint, sizeof hint),
                     valid);
        return SATSTAT_EINVAL;
    }
    if (e->param == PARAM_NONE) {
        if (colon != NULL) {
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "%s '%s' takes no parameter, got %s", what, e->name,
                         satstat_quote(text, q, sizeof q));
            return SATSTAT_EINVAL;
        }
        *id = e->id;
        *param = 0.0;
        snprintf(canonical, SATSTAT_SPEC_SIZE, "%s", e->name);
        return SATSTAT_OK;
    }
    if (colon == NULL) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
                     "%s '%s' needs a parameter (%s), got %s", what, e->name,
                     names[e - table], satstat_quote(text, q, sizeof q));
        return SATSTAT_EINVAL;
    }

    {
        const char *arg = colon + 1;
        int ok = satstat_parse_double(arg, &x, NULL) == SATSTAT_OK;
        const char *expected = "a finite number";

        switch (e->param) {
        case PARAM_SCALE:
            expected = "a positive finite number";
            ok = ok && x > 0.0;
            /* the law's variance, up to (2x)²/12 for U(−x, x), must be a
             * normal positive number: a variance that underflows to 0
             * would turn a random z into a "constant" one */
            if (ok && !(isfinite(4.0 * x * x) && 4.0 * x * x / 12.0 >= DBL_MIN)) {
                if (msg != NULL)
                    snprintf(msg, SATSTAT_ERRMSG_SIZE,
                             "number %s after '%s:' is too %s: its square "
                             "is not representable",
                             satstat_quote(arg, q, sizeof q), e->name,
                             x > 1.0 ? "large" : "small");
                return SATSTAT_EINVAL;
            }
            break;
        case PARAM_PROB:
            expected = "a probability in [0, 1]";
            ok = ok && x >= 0.0 && x <= 1.0;
            break;
        case PARAM_FINITE:
        case PARAM_NONE:
            break;
        }
        if (!ok) {
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "expected %s after '%s:', got %s", expected, e->name,
                         satstat_quote(arg, q, sizeof q));
            return SATSTAT_EINVAL;
        }
    }

    if (x == 0.0)
        x = 0.0; /* -0 and 0 are one spec: canonical "const:0" */
    satstat_format_double(x, num, sizeof num);
    *id = e->id;
    *param = x;
    snprintf(canonical, SATSTAT_SPEC_SIZE, "%s:%s", e->name, num);
    return SATSTAT_OK;
}

/* ---- weight schemes ------------------------------------------------------*/

/* The four original schemes keep the shared NAME[:NUMBER] parser and its
 * messages; the framework schemes below take lists of parameters. */
static const spec_entry scheme_table[] = {
    {"standard", PARAM_NONE, SATSTAT_SCHEME_STANDARD},
    {"scaled", PARAM_NONE, SATSTAT_SCHEME_SCALED},
    {"normal", PARAM_SCALE, SATSTAT_SCHEME_NORMAL},
    {"uniform", PARAM_SCALE, SATSTAT_SCHEME_UNIFORM},
};

/* What a user can type; the first four in the order of scheme_table. */
static const char *const scheme_names[] = {
    "standard", "scaled", "normal:SIGMA", "uniform:A",
    "xavier-normal[:GAIN]", "xavier-uniform[:GAIN]",
    "he-normal[:GAIN][,MODE]", "he-uniform[:GAIN][,MODE]",
    "lecun-normal", "lecun-uniform", "torch-linear",
    "variance-scaling:SCALE,MODE,DIST", "trunc-normal[:MEAN,STD,A,B]",
    "orthogonal[:GAIN]", NULL,
};

/* The same, short, for "valid: ..." in messages (256 bytes in all). */
static const char *const scheme_short_names[] = {
    "standard", "scaled", "normal:SIGMA", "uniform:A", "xavier-normal",
    "xavier-uniform", "he-normal", "he-uniform", "lecun-normal",
    "lecun-uniform", "torch-linear", "variance-scaling", "trunc-normal",
    "orthogonal", NULL,
};

const char *const *satstat_scheme_names(void)
{
    return scheme_names;
}

/* Framework schemes: their spelled-out names. */
typedef struct framework_entry {
    const char *name;
    satstat_scheme_kind kind;
} framework_entry;

static const framework_entry framework_table[] = {
    {"xavier-normal", SATSTAT_SCHEME_XAVIER_NORMAL},
    {"xavier-uniform", SATSTAT_SCHEME_XAVIER_UNIFORM},
    {"he-normal", SATSTAT_SCHEME_HE_NORMAL},
    {"he-uniform", SATSTAT_SCHEME_HE_UNIFORM},
    {"lecun-normal", SATSTAT_SCHEME_LECUN_NORMAL},
    {"lecun-uniform", SATSTAT_SCHEME_LECUN_UNIFORM},
    {"variance-scaling", SATSTAT_SCHEME_VARIANCE_SCALING},
    {"trunc-normal", SATSTAT_SCHEME_TRUNC_NORMAL},
    {"torch-linear", SATSTAT_SCHEME_TORCH_LINEAR},
    {"orthogonal", SATSTAT_SCHEME_ORTHOGONAL},
};

/* Aliases: the names users type in their framework, with its semantics.
 * Keras and JAX normals are truncated (VarianceScaling with
 * distribution="truncated_normal"); PyTorch's are not. */
typedef struct alias_entry {
    const char *name;
    satstat_scheme_kind kind;
    int takes_args;        /* the target's parameters may follow          */
    double scale;          /* variance-scaling only                       */
    satstat_fan_mode mode; /* variance-scaling only                       */
    satstat_dist dist;     /* variance-scaling only                       */
} alias_entry;

#define VS(n, s, m, d) {n, SATSTAT_SCHEME_VARIANCE_SCALING, 0, s, m, d}
#define PLAIN(n, k, args) {n, k, args, 0.0, SATSTAT_FAN_IN, SATSTAT_DIST_UNIFORM}
static const alias_entry alias_table[] = {
    /* Keras (tf.keras.initializers) and JAX (jax.nn.initializers) */
    VS("glorot_normal", 1.0, SATSTAT_FAN_AVG, SATSTAT_DIST_TRUNCATED_NORMAL),
    VS("GlorotNormal", 1.0, SATSTAT_FAN_AVG, SATSTAT_DIST_TRUNCATED_NORMAL),
    VS("he_normal", 2.0, SATSTAT_FAN_IN, SATSTAT_DIST_TRUNCATED_NORMAL),
    VS("HeNormal", 2.0, SATSTAT_FAN_IN, SATSTAT_DIST_TRUNCATED_NORMAL),
    VS("lecun_normal", 1.0, SATSTAT_FAN_IN, SATSTAT_DIST_TRUNCATED_NORMAL),
    VS("LecunNormal", 1.0, SATSTAT_FAN_IN, SATSTAT_DIST_TRUNCATED_NORMAL),
    PLAIN("glorot_uniform", SATSTAT_SCHEME_XAVIER_UNIFORM, 0),
    PLAIN("GlorotUniform", SATSTAT_SCHEME_XAVIER_UNIFORM, 0),
    PLAIN("he_uniform", SATSTAT_SCHEME_HE_UNIFORM, 0),
    PLAIN("HeUniform", SATSTAT_SCHEME_HE_UNIFORM, 0),
    PLAIN("lecun_uniform", SATSTAT_SCHEME_LECUN_UNIFORM, 0),
    PLAIN("LecunUniform", SATSTAT_SCHEME_LECUN_UNIFORM, 0),
    PLAIN("variance_scaling", SATSTAT_SCHEME_VARIANCE_SCALING, 1),
    PLAIN("VarianceScaling", SATSTAT_SCHEME_VARIANCE_SCALING, 1),
    PLAIN("Orthogonal", SATSTAT_SCHEME_ORTHOGONAL, 1),
    /* PyTorch (torch.nn.init) */
    PLAIN("xavier_normal_", SATSTAT_SCHEME_XAVIER_NORMAL, 1),
    PLAIN("xavier_uniform_", SATSTAT_SCHEME_XAVIER_UNIFORM, 1),
    PLAIN("xavier_uniform", SATSTAT_SCHEME_XAVIER_UNIFORM, 1),
    PLAIN("kaiming_normal_", SATSTAT_SCHEME_HE_NORMAL, 1),
    PLAIN("kaiming_uniform_", SATSTAT_SCHEME_HE_UNIFORM, 1),
    PLAIN("kaiming_uniform", SATSTAT_SCHEME_HE_UNIFORM, 1),
    PLAIN("trunc_normal_", SATSTAT_SCHEME_TRUNC_NORMAL, 1),
    PLAIN("orthogonal_", SATSTAT_SCHEME_ORTHOGONAL, 1),
    PLAIN("nn.Linear", SATSTAT_SCHEME_TORCH_LINEAR, 0),
};
#undef VS
#undef PLAIN

static const char *const alias_names[] = {
    "glorot_normal", "GlorotNormal", "he_normal", "HeNormal", "lecun_normal",
    "LecunNormal", "glorot_uniform", "GlorotUniform", "he_uniform",
    "HeUniform", "lecun_uniform", "LecunUniform", "variance_scaling",
    "VarianceScaling", "Orthogonal", "xavier_normal_", "xavier_uniform_",
    "xavier_uniform", "kaiming_normal_", "kaiming_uniform_",
    "kaiming_uniform", "trunc_normal_", "orthogonal_", "nn.Linear", NULL,
};

const char *const *satstat_scheme_aliases(void)
{
    return alias_names;
}

/* Names that mean different laws in different frameworks: refused with
 * the two readings, rather than guessed. */
static const struct {
    const char *name, *why;
} ambiguous_names[] = {
    {"xavier_normal", "PyTorch's xavier_normal_ is untruncated "
                      "(xavier-normal), JAX's xavier_normal is truncated "
                      "(glorot_normal)"},
    {"kaiming_normal", "PyTorch's kaiming_normal_ is untruncated "
                       "(he-normal), JAX's kaiming_normal is truncated "
                       "(he_normal)"},
};

/* ---- gains and modes -------------------------------------------------- */

int satstat_gain_parse(const char *text, double *gain, char *msg)
{
    /* torch.nn.init.calculate_gain (PyTorch 2.x) */
    static const struct {
        const char *name;
        double gain;
    } table[] = {
        {"linear", 1.0},      {"identity", 1.0},  {"conv1d", 1.0},
        {"conv2d", 1.0},      {"conv3d", 1.0},    {"conv_transpose1d", 1.0},
        {"conv_transpose2d", 1.0}, {"conv_transpose3d", 1.0},
        {"sigmoid", 1.0},     {"tanh", 5.0 / 3.0}, {"relu", M_SQRT2},
        {"selu", 0.75},
    };
    char q[SATSTAT_QUOTE_SIZE];
    double x;

    if (text == NULL || gain == NULL) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "no gain given");
        return SATSTAT_EINVAL;
    }
    enum { N_GAINS = sizeof table / sizeof table[0] };
    const char *names[N_GAINS + 1];
    char hint[SATSTAT_SUGGEST_SIZE];
    const char *colon = strchr(text, ':');
    size_t word_len = colon != NULL ? (size_t)(colon - text) : strlen(text);
    size_t k;

    for (k = 0; k < N_GAINS; k++)
        names[k] = table[k].name;
    names[N_GAINS] = "leaky_relu";
    if (colon == NULL && satstat_match_name(text, word_len, names, N_GAINS, &k) == 1) {
        *gain = table[k].gain;
        return SATSTAT_OK;
    }
    if (satstat_match_name(text, word_len, names + N_GAINS, 1, NULL) == 1) {
        double slope = 0.01; /* PyTorch's default negative slope */
        if (colon != NULL
            && (satstat_parse_double(colon + 1, &slope, NULL) != SATSTAT_OK
                || !(slope >= 0.0) || !isfinite(slope * slope))) {
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "expected a gain leaky_relu:SLOPE with a "
                         "non-negative SLOPE, got %s",
                         satstat_quote(colon + 1, q, sizeof q));
            return SATSTAT_EINVAL;
        }
        *gain = sqrt(2.0 / (1.0 + slope * slope));
        return SATSTAT_OK;
    }
    if (satstat_parse_double(text, &x, NULL) == SATSTAT_OK && x > 0.0
        && isfinite(x * x * 6.0) && x * x > 0.0) {
        *gain = x;
        return SATSTAT_OK;
    }
    if (msg != NULL) {
        const char *near =
            satstat_closest_name(text, word_len, names, N_GAINS + 1, NULL);
        if (near != NULL)
            snprintf(hint, sizeof hint, " (did you mean '%s'?)", near);
        else
            hint[0] = '\0';
        snprintf(msg, SATSTAT_ERRMSG_SIZE,
                 "expected a gain (a positive number, or linear, sigmoid, "
                 "tanh, relu, leaky_relu[:SLOPE], selu, conv1d..3d), got %s%s",
                 satstat_quote(text, q, sizeof q), hint);
    }
    return SATSTAT_EINVAL;
}

static const char *const mode_names[] = {"fan_in", "fan_out", "fan_avg"};
static const char *const dist_names[] = {"truncated_normal",
                                         "untruncated_normal", "uniform"};

int satstat_fan_mode_parse(const char *text, satstat_fan_mode *out, char *msg)
{
    char q[SATSTAT_QUOTE_SIZE], hint[SATSTAT_SUGGEST_SIZE] = "";
    size_t i;

    if (text != NULL
        && satstat_match_name(text, strlen(text), mode_names, 3, &i) == 1) {
        if (out != NULL)
            *out = (satstat_fan_mode)i;
        return SATSTAT_OK;
    }
    if (msg != NULL)
        snprintf(msg, SATSTAT_ERRMSG_SIZE,
                 "unknown fan mode %s (%svalid: fan_in, fan_out, fan_avg)",
                 satstat_quote(text, q, sizeof q),
                 text != NULL ? satstat_suggest(text, strlen(text), mode_names,
                                                3, hint, sizeof hint)
                              : "");
    return SATSTAT_EINVAL;
}

const char *satstat_fan_mode_name(satstat_fan_mode mode)
{
    return (unsigned)mode < 3 ? mode_names[mode] : "?";
}

const char *satstat_dist_name(satstat_dist dist)
{
    return (unsigned)dist < 3 ? dist_names[dist] : "?";
}

static int dist_parse(const char *text, satstat_dist *out, char *msg)
{
    /* Keras 2 spelled the truncated one "normal" */
    static const char *const names[] = {"truncated_normal",
                                        "untruncated_normal", "uniform",
                                        "normal"};
    static const satstat_dist dists[] = {
        SATSTAT_DIST_TRUNCATED_NORMAL, SATSTAT_DIST_UNTRUNCATED_NORMAL,
        SATSTAT_DIST_UNIFORM, SATSTAT_DIST_TRUNCATED_NORMAL};
    char q[SATSTAT_QUOTE_SIZE], hint[SATSTAT_SUGGEST_SIZE];
    size_t i, len = strlen(text);

    if (satstat_match_name(text, len, names, 4, &i) == 1) {
        *out = dists[i];
        return SATSTAT_OK;
    }
    if (msg != NULL)
        snprintf(msg, SATSTAT_ERRMSG_SIZE,
                 "unknown distribution %s (%svalid: truncated_normal, "
                 "untruncated_normal, uniform)",
                 satstat_quote(text, q, sizeof q),
                 satstat_suggest(text, len, names, 4, hint, sizeof hint));
    return SATSTAT_EINVAL;
}

double satstat_fan(satstat_fan_mode mode, uint64_t n_in, uint64_t n_out)
{
    switch (mode) {
    case SATSTAT_FAN_IN:
        return (double)n_in;
    case SATSTAT_FAN_OUT:
        return (double)n_out;
    case SATSTAT_FAN_AVG:
        return 0.5 * ((double)n_in + (double)n_out);
    }
    return (double)NAN;
}

/* ---- framework schemes: defaults, canonical specs ------------------------*/

/* Keras and JAX divide the truncated normal's std by the sd of a standard
 * normal cut at ±2, so the variance is the intended scale/fan (Keras
 * initializers/initializers.py, VarianceScaling). */
#define TRUNC_CORRECTION 0.87962566103423978

static double default_gain(satstat_scheme_kind kind)
{
    /* He et al. 2015 (eq. 10) for ReLU: √2, PyTorch's calculate_gain('relu')
     * and kaiming_*_'s default (a = 0) */
    return kind == SATSTAT_SCHEME_HE_NORMAL || kind == SATSTAT_SCHEME_HE_UNIFORM
               ? M_SQRT2
               : 1.0;
}

int satstat_scheme_takes_gain(const satstat_scheme *s)
{
    if (s == NULL)
        return 0;
    switch (s->kind) {
    case SATSTAT_SCHEME_XAVIER_NORMAL:
    case SATSTAT_SCHEME_XAVIER_UNIFORM:
    case SATSTAT_SCHEME_HE_NORMAL:
    case SATSTAT_SCHEME_HE_UNIFORM:
    case SATSTAT_SCHEME_ORTHOGONAL:
        return 1;
    default:
        return 0;
    }
}

int satstat_scheme_takes_mode(const satstat_scheme *s)
{
    return s != NULL
           && (s->kind == SATSTAT_SCHEME_HE_NORMAL
               || s->kind == SATSTAT_SCHEME_HE_UNIFORM);
}

static const char *kind_name(satstat_scheme_kind kind)
{
    for (size_t i = 0; i < sizeof framework_table / sizeof framework_table[0];
         i++)
        if (framework_table[i].kind == kind)
            return framework_table[i].name;
    return "?";
}

/* Write s->canonical from the fields, leaving defaults out. */
static int canonicalise(satstat_scheme *s)
{
    char g[SATSTAT_DOUBLE_SIZE], n1[SATSTAT_DOUBLE_SIZE],
        n2[SATSTAT_DOUBLE_SIZE], n3[SATSTAT_DOUBLE_SIZE],
        n4[SATSTAT_DOUBLE_SIZE];
    const char *name = kind_name(s->kind);
    char *c = s->canonical;
    int w = 0;

    satstat_format_double(s->gain, g, sizeof g);
    switch (s->kind) {
    case SATSTAT_SCHEME_XAVIER_NORMAL:
    case SATSTAT_SCHEME_XAVIER_UNIFORM:
    case SATSTAT_SCHEME_ORTHOGONAL:
        w = s->gain == 1.0 ? snprintf(c, SATSTAT_SPEC_SIZE, "%s", name)
                           : snprintf(c, SATSTAT_SPEC_SIZE, "%s:%s", name, g);
        break;
    case SATSTAT_SCHEME_HE_NORMAL:
    case SATSTAT_SCHEME_HE_UNIFORM: {
        int dg = s->gain == M_SQRT2, dm = s->mode == SATSTAT_FAN_IN;
        if (dg && dm)
            w = snprintf(c, SATSTAT_SPEC_SIZE, "%s", name);
        else if (dm)
            w = snprintf(c, SATSTAT_SPEC_SIZE, "%s:%s", name, g);
        else if (dg)
            w = snprintf(c, SATSTAT_SPEC_SIZE, "%s:%s", name,
                         satstat_fan_mode_name(s->mode));
        else
            w = snprintf(c, SATSTAT_SPEC_SIZE, "%s:%s,%s", name, g,
                         satstat_fan_mode_name(s->mode));
        break;
    }
    case SATSTAT_SCHEME_VARIANCE_SCALING:
        satstat_format_double(s->param, n1, sizeof n1);
        w = snprintf(c, SATSTAT_SPEC_SIZE, "%s:%s,%s,%s", name, n1,
                     satstat_fan_mode_name(s->mode),
                     satstat_dist_name(s->dist));
        break;
    case SATSTAT_SCHEME_TRUNC_NORMAL:
        satstat_format_double(s->mean == 0.0 ? 0.0 : s->mean, n1, sizeof n1);
        satstat_format_double(s->std, n2, sizeof n2);
        satstat_format_double(s->lo == 0.0 ? 0.0 : s->lo, n3, sizeof n3);
        satstat_format_double(s->hi == 0.0 ? 0.0 : s->hi, n4, sizeof n4);
        w = snprintf(c, SATSTAT_SPEC_SIZE, "%s:%s,%s,%s,%s", name, n1, n2, n3,
                     n4);
        break;
    default:
        w = snprintf(c, SATSTAT_SPEC_SIZE, "%s", name);
        break;
    }
    return (w < 0 || w >= SATSTAT_SPEC_SIZE) ? SATSTAT_ERANGE : SATSTAT_OK;
}

int satstat_scheme_set_gain(satstat_scheme *s, double gain, char *msg)
{
    char num[SATSTAT_DOUBLE_SIZE];

    if (s == NULL || !satstat_scheme_takes_gain(s)) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
                     "scheme '%s' takes no gain (only xavier-*, he-*, "
                     "orthogonal do)",
                     s != NULL ? s->canonical : "");
        return SATSTAT_EINVAL;
    }
    if (!(gain > 0.0) || !isfinite(6.0 * gain * gain) || !(gain * gain > 0.0)) {
        satstat_format_double(gain, num, sizeof num);
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
                     "a gain must be a positive finite number, got %s", num);
        return SATSTAT_EINVAL;
    }
    s->gain = gain;
    return canonicalise(s);
}

int satstat_scheme_set_mode(satstat_scheme *s, satstat_fan_mode mode,
                            char *msg)
{
    if (s == NULL || !satstat_scheme_takes_mode(s) || (unsigned)mode > 2) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
                     "scheme '%s' takes no fan mode (only he-* do; "
                     "variance-scaling names its own)",
                     s != NULL ? s->canonical : "");
        return SATSTAT_EINVAL;
    }
    s->mode = mode;
    return canonicalise(s);
}

/* ---- framework schemes: parsing ------------------------------------------*/

enum { MAX_ARGS = 4 };

/* Split `args` (may be NULL) at commas into at most MAX_ARGS items. */
static int split_args(char *args, char *item[MAX_ARGS], int *n)
{
    *n = 0;
    if (args == NULL)
        return 0;
    for (char *p = args;;) {
        if (*n == MAX_ARGS)
            return -1;
        item[(*n)++] = p;
        char *comma = strchr(p, ',');
        if (comma == NULL)
            return 0;
        *comma = '\0';
        p = comma + 1;
        p += strspn(p, " \t"); /* "he-normal:tanh, fan_out" */
    }
}

static int bad_arg(char *msg, const char *name, const char *what,
                   const char *arg)
{
    char q[SATSTAT_QUOTE_SIZE];

    if (msg != NULL)
        snprintf(msg, SATSTAT_ERRMSG_SIZE, "expected %s in '%s:...', got %s",
                 what, name, satstat_quote(arg, q, sizeof q));
    return SATSTAT_EINVAL;
}

static int number_arg(const char *arg, double *x, char *msg, const char *name,
                      const char *what)
{
    if (satstat_parse_double(arg, x, NULL) != SATSTAT_OK)
        return bad_arg(msg, name, what, arg);
    return SATSTAT_OK;
}

/* Parameters of a framework scheme; `args` is NULL when there is no
 * colon.  s->kind and the defaults are set. */
static int framework_args(satstat_scheme *s, const char *name, char *args,
                          char *msg)
{
    char *item[MAX_ARGS];
    int n = 0;

    if (args != NULL && args[0] == '\0')
        return bad_arg(msg, name, "parameters after ':'", args);
    if (split_args(args, item, &n) != 0)
        return bad_arg(msg, name, "at most 4 parameters", "");
    for (int i = 0; i < n; i++)
        if (item[i][0] == '\0')
            return bad_arg(msg, name, "no empty parameter", "");

    switch (s->kind) {
    case SATSTAT_SCHEME_XAVIER_NORMAL:
    case SATSTAT_SCHEME_XAVIER_UNIFORM:
    case SATSTAT_SCHEME_ORTHOGONAL:
        if (n > 1)
            return bad_arg(msg, name, "one gain", item[1]);
        if (n == 1) {
            if (satstat_gain_parse(item[0], &s->gain, msg) != SATSTAT_OK)
                return SATSTAT_EINVAL;
            s->gain_given = 1;
        }
        return SATSTAT_OK;
    case SATSTAT_SCHEME_HE_NORMAL:
    case SATSTAT_SCHEME_HE_UNIFORM:
        if (n > 2)
            return bad_arg(msg, name, "GAIN[,MODE]", item[2]);
        for (int i = 0; i < n; i++) {
            satstat_fan_mode m;
            if (satstat_fan_mode_parse(item[i], &m, NULL) == SATSTAT_OK) {
                if (s->mode_given)
                    return bad_arg(msg, name, "one mode", item[i]);
                s->mode = m;
                s->mode_given = 1;
            } else if (!s->gain_given) {
                if (satstat_gain_parse(item[i], &s->gain, msg) != SATSTAT_OK)
                    return SATSTAT_EINVAL;
                s->gain_given = 1;
            } else {
                return bad_arg(msg, name,
                               "a fan mode (fan_in, fan_out, fan_avg)",
                               item[i]);
            }
        }
        return SATSTAT_OK;
    case SATSTAT_SCHEME_VARIANCE_SCALING:
        /* SCALE[,MODE[,DIST]], Keras defaults 1, fan_in, truncated_normal */
        if (n > 3)
            return bad_arg(msg, name, "SCALE,MODE,DIST", item[3]);
        if (n >= 1) {
            if (number_arg(item[0], &s->param, msg, name,
                           "a positive SCALE") != SATSTAT_OK)
                return SATSTAT_EINVAL;
            if (!(s->param >= 1e-290 && s->param <= 1e290))
                return bad_arg(msg, name, "a positive finite SCALE", item[0]);
        }
        if (n >= 2 && satstat_fan_mode_parse(item[1], &s->mode, msg))
            return SATSTAT_EINVAL;
        if (n >= 3 && dist_parse(item[2], &s->dist, msg))
            return SATSTAT_EINVAL;
        s->mode_given = n >= 2;
        return SATSTAT_OK;
    case SATSTAT_SCHEME_TRUNC_NORMAL: {
        /* MEAN,STD,A,B, PyTorch's defaults 0, 1, −2, 2 */
        double v[4] = {s->mean, s->std, s->lo, s->hi};
        static const char *const what[4] = {"a finite MEAN",
                                            "a positive finite STD",
                                            "a finite bound A",
                                            "a finite bound B"};
        char num[2][SATSTAT_DOUBLE_SIZE];
        if (n != 0 && n != 4)
            return bad_arg(msg, name, "four parameters MEAN,STD,A,B",
                           item[n - 1]);
        for (int i = 0; i < n; i++)
            if (number_arg(item[i], &v[i], msg, name, what[i]) != SATSTAT_OK)
                return SATSTAT_EINVAL;
        if (!(v[1] > 0.0) || !isfinite(v[1] * v[1]) || !(v[1] * v[1] > 0.0))
            return bad_arg(msg, name, what[1], item[1]);
        if (!(v[2] < v[3])) {
            satstat_format_double(v[2], num[0], sizeof num[0]);
            satstat_format_double(v[3], num[1], sizeof num[1]);
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "'%s' needs bounds A < B, got A = %s, B = %s", name,
                         num[0], num[1]);
            return SATSTAT_EINVAL;
        }
        satstat_law law = {SATSTAT_FAMILY_TRUNC_NORMAL, v[0], v[1], v[2], v[3]};
        double var = satstat_law_variance(&law);
        if (!(var > 0.0) || !isfinite(var)) {
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "'%s': [A, B] holds no probability of N(MEAN, STD²) "
                         "that double precision can resolve",
                         name);
            return SATSTAT_EINVAL;
        }
        s->mean = v[0];
        s->std = v[1];
        s->lo = v[2];
        s->hi = v[3];
        return SATSTAT_OK;
    }
    default:
        if (n > 0) {
            char q[SATSTAT_QUOTE_SIZE];
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "scheme '%s' takes no parameter, got %s", name,
                         satstat_quote(item[0], q, sizeof q));
            return SATSTAT_EINVAL;
        }
        return SATSTAT_OK;
    }
}

static void scheme_defaults(satstat_scheme *s, satstat_scheme_kind kind)
{
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->gain = default_gain(kind);
    s->mode = SATSTAT_FAN_IN;
    s->dist = SATSTAT_DIST_TRUNCATED_NORMAL;
    if (kind == SATSTAT_SCHEME_VARIANCE_SCALING)
        s->param = 1.0;
    s->mean = 0.0;
    s->std = 1.0;
    s->lo = -2.0;
    s->hi = 2.0;
}

/* Every scheme name a user can type, in the order of the tables:
 * satstat's own names first, so a tie in "did you mean" goes to them. */
enum {
    N_OLD_NAMES = sizeof scheme_table / sizeof scheme_table[0],
    N_FRAMEWORK_NAMES = sizeof framework_table / sizeof framework_table[0],
    N_ALIAS_NAMES = sizeof alias_table / sizeof alias_table[0],
    N_SCHEME_NAMES = N_OLD_NAMES + N_FRAMEWORK_NAMES + N_ALIAS_NAMES,
    N_AMBIGUOUS_NAMES = sizeof ambiguous_names / sizeof ambiguous_names[0]
};

static void all_scheme_names(const char *names[N_SCHEME_NAMES])
{
    size_t k = 0;
    for (size_t i = 0; i < N_OLD_NAMES; i++)
        names[k++] = scheme_table[i].name;
    for (size_t i = 0; i < N_FRAMEWORK_NAMES; i++)
        names[k++] = framework_table[i].name;
    for (size_t i = 0; i < N_ALIAS_NAMES; i++)
        names[k++] = alias_table[i].name;
}

/* How many scheme and alias names `text` (name_len bytes) matches
 * (satstat_match_name: exactly, else in another ASCII case).  When one,
 * it is *fw, *alias or an original scheme (*old), named *name. */
static size_t lookup_name(const char *text, size_t name_len,
                          const framework_entry **fw, const alias_entry **alias,
                          int *old, const char **name)
{
    const char *names[N_SCHEME_NAMES];
    size_t i = 0, count;

    *fw = NULL;
    *alias = NULL;
    *old = 0;
    all_scheme_names(names);
    count = satstat_match_name(text, name_len, names, N_SCHEME_NAMES, &i);
    if (count != 1)
        return count;
    if (name != NULL)
        *name = names[i];
    if (i < N_OLD_NAMES)
        *old = 1;
    else if (i < N_OLD_NAMES + N_FRAMEWORK_NAMES)
        *fw = &framework_table[i - N_OLD_NAMES];
    else
        *alias = &alias_table[i - N_OLD_NAMES - N_FRAMEWORK_NAMES];
    return 1;
}

/* msg = "unknown scheme TEXT (did you mean ...? valid: LIST; or an alias
 * such as glorot_normal)", the list cut at a whole name if need be so the
 * parenthesis always closes. */
static void unknown_scheme(const char *text, size_t name_len, char *msg)
{
    char q[SATSTAT_QUOTE_SIZE], hint[SATSTAT_SUGGEST_SIZE];
    char valid[SATSTAT_ERRMSG_SIZE];
    const char *names[N_SCHEME_NAMES];
    size_t room;

    all_scheme_names(names);
    join_names(scheme_short_names, valid, sizeof valid);
    if (text == NULL || text[0] == '\0')
        snprintf(msg, SATSTAT_ERRMSG_SIZE,
                 "expected a scheme, got an empty string (valid: ");
    else
        snprintf(msg, SATSTAT_ERRMSG_SIZE, "unknown scheme %s (%svalid: ",
                 satstat_quote(text, q, sizeof q),
                 satstat_suggest(text, name_len, names, N_SCHEME_NAMES, hint,
                                 sizeof hint));
    room = SATSTAT_ERRMSG_SIZE - 1 - strlen(msg);
    if (strlen(valid) + 1 > room) {
        /* ", ...)" must fit after the last whole name */
        char *cut;
        valid[room >= 6 ? room - 6 : 0] = '\0';
        cut = strrchr(valid, ',');
        if (cut != NULL)
            strcpy(cut, ", ...");
    }
    append(msg, valid);
    append(msg, strlen(msg) + 40 < SATSTAT_ERRMSG_SIZE
                    ? "; or an alias such as glorot_normal)"
                    : ")");
}

static int scheme_parse_raw(const char *text, satstat_scheme *out, char *msg)
{
    char q[SATSTAT_QUOTE_SIZE];
    satstat_scheme s;
    const framework_entry *fw = NULL;
    const alias_entry *alias = NULL;
    const char *matched = NULL;
    int id = 0, rc, old = 0;

    if (out == NULL) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "no place to store the scheme");
        return SATSTAT_EINVAL;
    }
    const char *colon = text != NULL ? strchr(text, ':') : NULL;
    size_t name_len = text == NULL ? 0
                      : colon != NULL ? (size_t)(colon - text)
                                      : strlen(text);
    size_t matches = text == NULL || text[0] == '\0'
                         ? 0
                         : lookup_name(text, name_len, &fw, &alias, &old,
                                       &matched);
    if (matches != 1) {
        const char *amb[N_AMBIGUOUS_NAMES];
        size_t i;
        for (i = 0; i < N_AMBIGUOUS_NAMES; i++)
            amb[i] = ambiguous_names[i].name;
        if (text != NULL
            && satstat_match_name(text, name_len, amb, N_AMBIGUOUS_NAMES, &i)
                   > 0) {
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "ambiguous scheme %s: %s; type one of those",
                         satstat_quote(text, q, sizeof q),
                         ambiguous_names[i].why);
            return SATSTAT_EINVAL;
        }
        if (matches > 1) {
            /* names that differ only in case: e.g. satstat's orthogonal
             * and Keras's Orthogonal */
            const char *names[N_SCHEME_NAMES];
            size_t first = 0, second = 0;
            all_scheme_names(names);
            satstat_match_name(text, name_len, names, N_SCHEME_NAMES, &first);
            satstat_match_name(text, name_len, names + first + 1,
                               N_SCHEME_NAMES - first - 1, &second);
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "ambiguous scheme %s: '%s' and '%s' differ only in "
                         "case; type one of those",
                         satstat_quote(text, q, sizeof q), names[first],
                         names[first + 1 + second]);
            return SATSTAT_EINVAL;
        }
        if (msg != NULL)
            unknown_scheme(text, name_len, msg);
        return SATSTAT_EINVAL;
    }

    if (old) {
        memset(&s, 0, sizeof s);
        rc = spec_parse(scheme_table,
                        sizeof scheme_table / sizeof scheme_table[0], "scheme",
                        scheme_names, text, &id, &s.param, s.canonical, msg);
        if (rc != SATSTAT_OK)
            return rc;
        s.kind = (satstat_scheme_kind)id;
        s.gain = 1.0;
        s.std = 1.0;
        *out = s;
        return SATSTAT_OK;
    }

    /* messages name the scheme as the table spells it */
    char name[SATSTAT_SPEC_SIZE];
    snprintf(name, sizeof name, "%s", matched);
    scheme_defaults(&s, fw != NULL ? fw->kind : alias->kind);
    if (alias != NULL && alias->kind == SATSTAT_SCHEME_VARIANCE_SCALING
        && !alias->takes_args) {
        s.param = alias->scale;
        s.mode = alias->mode;
        s.dist = alias->dist;
        s.mode_given = 1;
    }
    if (alias != NULL && !alias->takes_args && colon != NULL) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
                     "scheme '%s' takes no parameter, got %s", name,
                     satstat_quote(text, q, sizeof q));
        return SATSTAT_EINVAL;
    }
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    if (copy == NULL) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "out of memory");
        return SATSTAT_ENOMEM;
    }
    memcpy(copy, text, len + 1);
    rc = framework_args(&s, name, colon != NULL ? copy + name_len + 1 : NULL,
                        msg);
    free(copy);
    if (rc != SATSTAT_OK)
        return rc;
    if (canonicalise(&s) != SATSTAT_OK) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
                     "scheme %s is too long to record",
                     satstat_quote(text, q, sizeof q));
        return SATSTAT_EINVAL;
    }
    *out = s;
    return SATSTAT_OK;
}

/* 1 when the item parsed as `prev` may continue with more parameters. */
static int continues(const char *prev, const char *item)
{
    const framework_entry *fw;
    const alias_entry *alias;
    int old;
    const char *colon = strchr(prev, ':');
    const char *ic = strchr(item, ':');
    size_t ilen = ic != NULL ? (size_t)(ic - item) : strlen(item);

    if (colon == NULL || item[0] == '\0')
        return 0;
    if (lookup_name(prev, (size_t)(colon - prev), &fw, &alias, &old, NULL) != 1
        || old)
        return 0;
    satstat_scheme_kind k = fw != NULL ? fw->kind : alias->kind;
    if (alias != NULL && !alias->takes_args)
        return 0;
    if (k != SATSTAT_SCHEME_HE_NORMAL && k != SATSTAT_SCHEME_HE_UNIFORM
        && k != SATSTAT_SCHEME_VARIANCE_SCALING
        && k != SATSTAT_SCHEME_TRUNC_NORMAL)
        return 0;
    /* a parameter word of that scheme: a number, a gain, a mode or a
     * distribution ("uniform" is also a scheme, but never alone) */
    satstat_dist dist;
    double x;
    if (satstat_fan_mode_parse(item, NULL, NULL) == SATSTAT_OK
        || dist_parse(item, &dist, NULL) == SATSTAT_OK
        || satstat_parse_double(item, &x, NULL) == SATSTAT_OK)
        return 1;
    if (lookup_name(item, ilen, &fw, &alias, &old, NULL) > 0)
        return 0; /* a scheme of its own */
    return satstat_gain_parse(item, &x, NULL) == SATSTAT_OK;
}

int satstat_scheme_parse_list(const char *text, satstat_scheme *out,
                              size_t max, size_t *count, char *msg)
{
    char q[SATSTAT_QUOTE_SIZE], q2[SATSTAT_QUOTE_SIZE];
    char *copy, *item, *next;
    size_t n = 0, len, i;
    int rc = SATSTAT_OK;

    if (count != NULL)
        *count = 0;
    if (count == NULL || (out == NULL && max > 0)) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "no place to store the schemes");
        return SATSTAT_EINVAL;
    }
    if (text == NULL || text[0] == '\0') {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
                     "expected at least one scheme, got an empty list");
        return SATSTAT_EINVAL;
    }

    len = strlen(text);
    copy = malloc(len + 1);
    if (copy == NULL) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "out of memory");
        return SATSTAT_ENOMEM;
    }
    /* "standard, scaled": blanks after a comma are a list's layout, not
     * part of the next name (a name never starts with one) */
    for (i = 0, n = 0; i <= len; i++) {
        if ((text[i] == ' ' || text[i] == '\t') && n > 0 && copy[n - 1] == ',')
            continue;
        copy[n++] = text[i];
    }
    n = 0;

    for (item = copy; item != NULL; item = next) {
        next = strchr(item, ',');
        /* a scheme's own parameters: he-normal:tanh,fan_out */
        while (next != NULL) {
            char *after = next + 1, *end = strchr(after, ',');
            char save = 0;
            if (end != NULL) {
                save = *end;
                *end = '\0';
            }
            *next = '\0';
            int more = continues(item, after);
            *next = ',';
            if (end != NULL)
                *end = save;
            if (!more)
                break;
            next = end;
        }
        if (next != NULL)
            *next++ = '\0';
        if (item[0] == '\0') {
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "empty item in scheme list %s",
                         satstat_quote(text, q, sizeof q));
            rc = SATSTAT_EINVAL;
            break;
        }
        if (n == max) {
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "at most %zu schemes allowed, got more in %s", max,
                         satstat_quote(text, q, sizeof q));
            rc = SATSTAT_EINVAL;
            break;
        }
        rc = satstat_scheme_parse(item, &out[n], msg);
        if (rc != SATSTAT_OK)
            break;
        for (i = 0; i < n; i++) {
            if (strcmp(out[i].canonical, out[n].canonical) == 0)
                break;
        }
        if (i < n) {
            if (msg != NULL) {
                if (strcmp(item, out[n].canonical) == 0)
                    snprintf(msg, SATSTAT_ERRMSG_SIZE,
                             "scheme %s is listed twice",
                             satstat_quote(item, q, sizeof q));
                else
                    snprintf(msg, SATSTAT_ERRMSG_SIZE,
                             "scheme %s is listed twice (as %s)",
                             satstat_quote(out[n].canonical, q2, sizeof q2),
                             satstat_quote(item, q, sizeof q));
            }
            rc = SATSTAT_EINVAL;
            break;
        }
        n++;
    }
    free(copy);
    if (rc == SATSTAT_OK)
        *count = n;
    return rc;
}

static int set_normal(satstat_law *out, double sd)
{
    if (!(sd > 0.0) || !isfinite(sd))
        return SATSTAT_EINVAL;
    out->family = SATSTAT_FAMILY_NORMAL;
    out->a = 0.0;
    out->b = sd;
    out->lo = out->hi = 0.0;
    return SATSTAT_OK;
}

static int set_uniform(satstat_law *out, double limit)
{
    if (!(limit > 0.0) || !isfinite(limit))
        return SATSTAT_EINVAL;
    out->family = SATSTAT_FAMILY_UNIFORM;
    out->a = -limit;
    out->b = limit;
    out->lo = out->hi = 0.0;
    return SATSTAT_OK;
}

int satstat_scheme_weight_law(const satstat_scheme *scheme, uint64_t n_in,
                              uint64_t n_out, satstat_law *out)
{
    if (scheme == NULL || out == NULL)
        return SATSTAT_EINVAL;
    double fan_sum = (double)n_in + (double)n_out;
    switch (scheme->kind) {
    case SATSTAT_SCHEME_STANDARD:
        return set_normal(out, 1.0);
    case SATSTAT_SCHEME_SCALED:
        if (n_in == 0)
            return SATSTAT_EINVAL;
        return set_normal(out, 1.0 / sqrt((double)n_in));
    case SATSTAT_SCHEME_NORMAL:
        return set_normal(out, scheme->param);
    case SATSTAT_SCHEME_UNIFORM:
        return set_uniform(out, scheme->param);
    /* Glorot & Bengio 2010, eq. 16 (uniform) and its normal form: Var =
     * 2/(fan_in + fan_out); PyTorch multiplies by gain² */
    case SATSTAT_SCHEME_XAVIER_NORMAL:
        if (n_in == 0 || n_out == 0)
            return SATSTAT_EINVAL;
        return set_normal(out, scheme->gain * sqrt(2.0 / fan_sum));
    case SATSTAT_SCHEME_XAVIER_UNIFORM:
        if (n_in == 0 || n_out == 0)
            return SATSTAT_EINVAL;
        return set_uniform(out, scheme->gain * sqrt(6.0 / fan_sum));
    /* He et al. 2015, eq. 10 (fan_in) and eq. 14 (fan_out): Var = gain²/fan */
    case SATSTAT_SCHEME_HE_NORMAL:
    case SATSTAT_SCHEME_HE_UNIFORM: {
        double fan = satstat_fan(scheme->mode, n_in, n_out);
        if (!(fan > 0.0))
            return SATSTAT_EINVAL;
        return scheme->kind == SATSTAT_SCHEME_HE_NORMAL
                   ? set_normal(out, scheme->gain / sqrt(fan))
                   : set_uniform(out, scheme->gain * sqrt(3.0 / fan));
    }
    /* LeCun et al. 1998, "Efficient BackProp", §4.6: Var = 1/fan_in */
    case SATSTAT_SCHEME_LECUN_NORMAL:
        if (n_in == 0)
            return SATSTAT_EINVAL;
        return set_normal(out, 1.0 / sqrt((double)n_in));
    case SATSTAT_SCHEME_LECUN_UNIFORM:
        if (n_in == 0)
            return SATSTAT_EINVAL;
        return set_uniform(out, sqrt(3.0 / (double)n_in));
    case SATSTAT_SCHEME_VARIANCE_SCALING: {
        double fan = satstat_fan(scheme->mode, n_in, n_out);
        if (!(fan > 0.0) || !(scheme->param > 0.0))
            return SATSTAT_EINVAL;
        double var = scheme->param / fan;
        switch (scheme->dist) {
        case SATSTAT_DIST_UNTRUNCATED_NORMAL:
            return set_normal(out, sqrt(var));
        case SATSTAT_DIST_UNIFORM:
            return set_uniform(out, sqrt(3.0 * var));
        case SATSTAT_DIST_TRUNCATED_NORMAL: {
            double sd = sqrt(var) / TRUNC_CORRECTION;
            if (!(sd > 0.0) || !isfinite(2.0 * sd))
                return SATSTAT_EINVAL;
            out->family = SATSTAT_FAMILY_TRUNC_NORMAL;
            out->a = 0.0;
            out->b = sd;
            out->lo = -2.0 * sd;
            out->hi = 2.0 * sd;
            return SATSTAT_OK;
        }
        }
        return SATSTAT_EINVAL;
    }
    case SATSTAT_SCHEME_TRUNC_NORMAL:
        if (!(scheme->std > 0.0) || !(scheme->lo < scheme->hi))
            return SATSTAT_EINVAL;
        out->family = SATSTAT_FAMILY_TRUNC_NORMAL;
        out->a = scheme->mean;
        out->b = scheme->std;
        out->lo = scheme->lo;
        out->hi = scheme->hi;
        return SATSTAT_OK;
    /* PyTorch nn.Linear.reset_parameters: kaiming_uniform_(a=√5), gain
     * √(2/(1+5)) = √(1/3), limit gain·√(3/fan_in) = 1/√fan_in */
    case SATSTAT_SCHEME_TORCH_LINEAR:
        if (n_in == 0)
            return SATSTAT_EINVAL;
        return set_uniform(out, 1.0 / sqrt((double)n_in));
    /* Saxe et al. 2013: the rows (n_out ≤ n_in) or columns of an orthogonal
     * matrix have unit norm, so an entry has Var gain²/max(n_in, n_out) */
    case SATSTAT_SCHEME_ORTHOGONAL: {
        double big = n_in > n_out ? (double)n_in : (double)n_out;
        if (!(big > 0.0) || !(scheme->gain > 0.0))
            return SATSTAT_EINVAL;
        out->family = SATSTAT_FAMILY_ORTHOGONAL;
        out->a = 0.0;
        out->b = scheme->gain / sqrt(big);
        out->lo = out->hi = 0.0;
        return SATSTAT_OK;
    }
    }
    return SATSTAT_EINVAL;
}

/* "²" and "√" in UTF-8 */
#define SQ "\xC2\xB2"
#define ROOT "\xE2\x88\x9A"
#define PM "\xC2\xB1"

static const char *fan_text(satstat_fan_mode mode)
{
    switch (mode) {
    case SATSTAT_FAN_IN:
        return "n_in";
    case SATSTAT_FAN_OUT:
        return "n_out";
    case SATSTAT_FAN_AVG:
        return "((n_in+n_out)/2)";
    }
    return "?";
}

int satstat_scheme_describe(const satstat_scheme *scheme, char *buf,
                            size_t size)
{
    char num[SATSTAT_DOUBLE_SIZE], g[SATSTAT_DOUBLE_SIZE];
    char n2[SATSTAT_DOUBLE_SIZE], n3[SATSTAT_DOUBLE_SIZE],
        n4[SATSTAT_DOUBLE_SIZE];
    int w;

    if (scheme == NULL || buf == NULL || size == 0)
        return SATSTAT_EINVAL;
    satstat_format_double(scheme->param, num, sizeof num);
    satstat_format_double(scheme->gain, g, sizeof g);
    switch (scheme->kind) {
    case SATSTAT_SCHEME_STANDARD:
        w = snprintf(buf, size, "N(0, 1)");
        break;
    case SATSTAT_SCHEME_SCALED:
        w = snprintf(buf, size, "N(0, 1/n_in)");
        break;
    case SATSTAT_SCHEME_NORMAL:
        w = snprintf(buf, size, "N(0, %s" SQ ")", num);
        break;
    case SATSTAT_SCHEME_UNIFORM:
        w = snprintf(buf, size, "U(-%s, %s)", num, num);
        break;
    case SATSTAT_SCHEME_XAVIER_NORMAL:
        w = scheme->gain == 1.0
                ? snprintf(buf, size, "N(0, 2/(n_in+n_out))")
                : snprintf(buf, size, "N(0, 2" "\xC2\xB7" "%s" SQ
                                      "/(n_in+n_out))", g);
        break;
    case SATSTAT_SCHEME_XAVIER_UNIFORM:
        w = scheme->gain == 1.0
                ? snprintf(buf, size, "U(" PM ROOT "(6/(n_in+n_out)))")
                : snprintf(buf, size, "U(" PM "%s" "\xC2\xB7" ROOT
                                      "(6/(n_in+n_out)))", g);
        break;
    case SATSTAT_SCHEME_HE_NORMAL:
        w = scheme->gain == M_SQRT2
                ? snprintf(buf, size, "N(0, 2/%s)", fan_text(scheme->mode))
                : snprintf(buf, size, "N(0, %s" SQ "/%s)", g,
                           fan_text(scheme->mode));
        break;
    case SATSTAT_SCHEME_HE_UNIFORM:
        w = scheme->gain == M_SQRT2
                ? snprintf(buf, size, "U(" PM ROOT "(6/%s))",
                           fan_text(scheme->mode))
                : snprintf(buf, size, "U(" PM "%s" "\xC2\xB7" ROOT "(3/%s))",
                           g, fan_text(scheme->mode));
        break;
    case SATSTAT_SCHEME_LECUN_NORMAL:
        w = snprintf(buf, size, "N(0, 1/n_in)");
        break;
    case SATSTAT_SCHEME_LECUN_UNIFORM:
        w = snprintf(buf, size, "U(" PM ROOT "(3/n_in))");
        break;
    case SATSTAT_SCHEME_TORCH_LINEAR:
        w = snprintf(buf, size, "U(" PM "1/" ROOT "n_in)");
        break;
    case SATSTAT_SCHEME_VARIANCE_SCALING:
        switch (scheme->dist) {
        case SATSTAT_DIST_UNTRUNCATED_NORMAL:
            w = snprintf(buf, size, "N(0, %s/%s)", num,
                         fan_text(scheme->mode));
            break;
        case SATSTAT_DIST_UNIFORM:
            w = snprintf(buf, size, "U(" PM ROOT "(3" "\xC2\xB7" "%s/%s))",
                         num, fan_text(scheme->mode));
            break;
        default:
            /* s = √(scale/fan)/0.8796, cut at ±2s: Var = scale/fan */
            w = snprintf(buf, size,
                         "N(0, s" SQ ") cut at " PM "2s, s=" ROOT
                         "(%s/%s)/0.8796",
                         num, scheme->mode == SATSTAT_FAN_AVG
                                  ? "fan_avg"
                                  : fan_text(scheme->mode));
            break;
        }
        break;
    case SATSTAT_SCHEME_TRUNC_NORMAL:
        satstat_format_double(scheme->mean, num, sizeof num);
        satstat_format_double(scheme->std, n2, sizeof n2);
        satstat_format_double(scheme->lo, n3, sizeof n3);
        satstat_format_double(scheme->hi, n4, sizeof n4);
        w = snprintf(buf, size, "N(%s, %s" SQ ") cut to [%s, %s]", num, n2,
                     n3, n4);
        break;
    case SATSTAT_SCHEME_ORTHOGONAL:
        w = scheme->gain == 1.0
                ? snprintf(buf, size, "Haar rows, Var 1/max(n_in,n_out)")
                : snprintf(buf, size, "%s" "\xC2\xB7" "Haar rows, Var %s"
                                      SQ "/max(n_in,n_out)", g, g);
        break;
    default:
        buf[0] = '\0';
        return SATSTAT_EINVAL;
    }
    return (w < 0 || (size_t)w >= size) ? SATSTAT_ERANGE : SATSTAT_OK;
}

const char *satstat_scheme_framework(const satstat_scheme *s)
{
    if (s == NULL)
        return NULL;
    switch (s->kind) {
    case SATSTAT_SCHEME_STANDARD:
        return "Nielsen's large_weight_initializer (np.random.randn)";
    case SATSTAT_SCHEME_SCALED:
        return "Nielsen's default_weight_initializer "
               "(np.random.randn(y, x)/np.sqrt(x); LeCun et al. 1998)";
    case SATSTAT_SCHEME_NORMAL:
        return "a normal law of the given standard deviation";
    case SATSTAT_SCHEME_UNIFORM:
        return "a uniform law on the given interval";
    case SATSTAT_SCHEME_XAVIER_NORMAL:
        return "PyTorch nn.init.xavier_normal_ (untruncated; Glorot & Bengio "
               "2010, normal form of eq. 16, Var = 2 gain^2/(fan_in+fan_out))";
    case SATSTAT_SCHEME_XAVIER_UNIFORM:
        return "PyTorch nn.init.xavier_uniform_ = Keras/JAX GlorotUniform "
               "(Glorot & Bengio 2010, eq. 16)";
    case SATSTAT_SCHEME_HE_NORMAL:
        return "PyTorch nn.init.kaiming_normal_ (untruncated; He et al. 2015, "
               "eq. 10, Var = gain^2/fan)";
    case SATSTAT_SCHEME_HE_UNIFORM:
        return "PyTorch nn.init.kaiming_uniform_ = Keras/JAX HeUniform "
               "(He et al. 2015, Var = gain^2/fan)";
    case SATSTAT_SCHEME_LECUN_NORMAL:
        return "LeCun et al. 1998, Var = 1/fan_in, untruncated (Keras/JAX "
               "lecun_normal is truncated: variance-scaling:1,fan_in,"
               "truncated_normal)";
    case SATSTAT_SCHEME_LECUN_UNIFORM:
        return "Keras/JAX LecunUniform (LeCun et al. 1998, Var = 1/fan_in)";
    case SATSTAT_SCHEME_VARIANCE_SCALING:
        if (s->dist == SATSTAT_DIST_TRUNCATED_NORMAL) {
            if (s->param == 1.0 && s->mode == SATSTAT_FAN_AVG)
                return "Keras/JAX GlorotNormal = VarianceScaling(1, fan_avg, "
                       "truncated_normal): std/0.87962566103423978, cut at "
                       "+-2 std";
            if (s->param == 2.0 && s->mode == SATSTAT_FAN_IN)
                return "Keras/JAX HeNormal = VarianceScaling(2, fan_in, "
                       "truncated_normal): std/0.87962566103423978, cut at "
                       "+-2 std";
            if (s->param == 1.0 && s->mode == SATSTAT_FAN_IN)
                return "Keras/JAX LecunNormal = VarianceScaling(1, fan_in, "
                       "truncated_normal): std/0.87962566103423978, cut at "
                       "+-2 std";
            return "Keras/JAX VarianceScaling(scale, mode, truncated_normal): "
                   "std/0.87962566103423978, cut at +-2 std, Var = scale/fan";
        }
        return s->dist == SATSTAT_DIST_UNIFORM
                   ? "Keras/JAX VarianceScaling(scale, mode, uniform), "
                     "Var = scale/fan"
                   : "Keras/JAX VarianceScaling(scale, mode, "
                     "untruncated_normal), Var = scale/fan";
    case SATSTAT_SCHEME_TRUNC_NORMAL:
        return "PyTorch nn.init.trunc_normal_(mean, std, a, b): absolute "
               "bounds, no variance correction";
    case SATSTAT_SCHEME_TORCH_LINEAR:
        return "PyTorch nn.Linear default: kaiming_uniform_(a=sqrt(5)) = "
               "U(+-1/sqrt(fan_in))";
    case SATSTAT_SCHEME_ORTHOGONAL:
        return "PyTorch nn.init.orthogonal_ / Keras Orthogonal (Saxe et al. "
               "2013): QR of a Gaussian matrix, signs fixed by diag(R)";
    }
    return NULL;
}

/* ---- bias ----------------------------------------------------------------*/

enum bias_id { BIAS_NORMAL, BIAS_ZERO, BIAS_CONST, BIAS_UNIFORM, BIAS_TORCH };

static const spec_entry bias_table[] = {
    {"normal", PARAM_SCALE, BIAS_NORMAL},
    {"zero", PARAM_NONE, BIAS_ZERO},
    {"const", PARAM_FINITE, BIAS_CONST},
    {"uniform", PARAM_SCALE, BIAS_UNIFORM},
    {"torch", PARAM_NONE, BIAS_TORCH},
};

static const char *const bias_names[] = {
    "normal:SIGMA", "zero", "const:C", "uniform:A", "torch", NULL,
};

const char *const *satstat_bias_names(void)
{
    return bias_names;
}

int satstat_bias_parse(const char *text, satstat_bias *out, char *msg)
{
    satstat_bias b;
    double x = 0.0;
    int id = 0, rc;

    if (out == NULL) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "no place to store the bias");
        return SATSTAT_EINVAL;
    }
    memset(&b, 0, sizeof b);
    rc = spec_parse(bias_table, sizeof bias_table / sizeof bias_table[0],
                    "bias", bias_names, text, &id, &x, b.canonical, msg);
    if (rc != SATSTAT_OK)
        return rc;
    switch ((enum bias_id)id) {
    case BIAS_NORMAL:
        b.law.family = SATSTAT_FAMILY_NORMAL;
        b.law.a = 0.0;
        b.law.b = x;
        break;
    case BIAS_ZERO:
    case BIAS_CONST:
        b.law.family = SATSTAT_FAMILY_CONSTANT;
        b.law.a = x;
        b.law.b = 0.0;
        break;
    case BIAS_UNIFORM:
        b.law.family = SATSTAT_FAMILY_UNIFORM;
        b.law.a = -x;
        b.law.b = x;
        break;
    case BIAS_TORCH:
        /* U(±1/√fan_in) once n_in is known (satstat_bias_resolve); until
         * then the law of n_in = 1 */
        b.fan_in_scaled = 1;
        b.law.family = SATSTAT_FAMILY_UNIFORM;
        b.law.a = -1.0;
        b.law.b = 1.0;
        break;
    }
    *out = b;
    return SATSTAT_OK;
}

int satstat_bias_resolve(satstat_bias *bias, uint64_t n_in)
{
    if (bias == NULL || n_in == 0)
        return SATSTAT_EINVAL;
    if (bias->fan_in_scaled) {
        /* PyTorch nn.Linear.reset_parameters: bound = 1/√fan_in */
        double bound = 1.0 / sqrt((double)n_in);
        bias->law.family = SATSTAT_FAMILY_UNIFORM;
        bias->law.a = -bound;
        bias->law.b = bound;
    }
    return SATSTAT_OK;
}

const char *satstat_bias_framework(const satstat_bias *bias)
{
    if (bias == NULL || !bias->fan_in_scaled)
        return NULL;
    return "PyTorch nn.Linear bias default: U(+-1/sqrt(fan_in))";
}

/* ---- inputs ----------------------------------------------------------------*/

static const spec_entry inputs_table[] = {
    {"half", PARAM_NONE, SATSTAT_INPUTS_HALF},
    {"ones", PARAM_NONE, SATSTAT_INPUTS_ONES},
    {"bernoulli", PARAM_PROB, SATSTAT_INPUTS_BERNOULLI},
    {"normal", PARAM_SCALE, SATSTAT_INPUTS_NORMAL},
};

static const char *const inputs_names[] = {
    "half", "ones", "bernoulli:P", "normal:S", "uniform:A,B", "file:PATH",
    NULL,
};

const char *const *satstat_inputs_names(void)
{
    return inputs_names;
}

/* A `file:` input being read: the file descriptor, a buffer, and what
 * bounds the read (satstat_inputs_resolve in satstat/scheme.h). */
typedef struct inputs_reader {
    int fd;
    int is_fifo;      /* read without blocking in open(): see reader_open */
    uint64_t total;   /* bytes read so far */
    uint64_t max_bytes;
    size_t pos, len;
    int err;          /* errno of a failed read, 0 else */
    unsigned char buf[16384];
} inputs_reader;

/* Open `path` for reading.  O_NONBLOCK keeps open() from waiting for a
 * writer when the path is a FIFO (POSIX open(2): "O_NONBLOCK ... an open()
 * for reading-only shall return without delay"); a FIFO stays
 * non-blocking and reader_fill waits with poll() for data, any other file
 * goes back to blocking reads. */
static int reader_open(inputs_reader *r, const char *path, char *msg)
{
    char q[SATSTAT_QUOTE_SIZE];
    struct stat st;

    r->fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (r->fd < 0 || fstat(r->fd, &st) != 0) {
        int e = errno;
        if (r->fd >= 0)
            close(r->fd);
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "--inputs: cannot open %s: %s",
                     satstat_quote(path, q, sizeof q), strerror(e));
        return SATSTAT_EINVAL;
    }
    if (S_ISDIR(st.st_mode)) {
        close(r->fd);
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "--inputs: %s is a directory",
                     satstat_quote(path, q, sizeof q));
        return SATSTAT_EINVAL;
    }
    r->is_fifo = S_ISFIFO(st.st_mode);
    if (!r->is_fifo) {
        int flags = fcntl(r->fd, F_GETFL);
        if (flags >= 0)
            (void)fcntl(r->fd, F_SETFL, flags & ~O_NONBLOCK);
    }
    r->total = 0;
    r->pos = r->len = 0;
    r->err = 0;
    return SATSTAT_OK;
}

/* The next byte, or -1 at the end of the file (r->err set on an error). */
static int reader_get(inputs_reader *r)
{
    if (r->pos < r->len)
        return r->buf[r->pos++];
    for (;;) {
        ssize_t n = read(r->fd, r->buf, sizeof r->buf);
        if (n > 0) {
            r->len = (size_t)n;
            r->pos = 1;
            r->total += (uint64_t)n;
            return r->buf[0];
        }
        if (n == 0)
            return -1;
        if (errno == EINTR)
            continue;
        if (r->is_fifo && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            /* a writer is there but has not written yet: wait for it */
            struct pollfd p = {r->fd, POLLIN, 0};
            (void)poll(&p, 1, -1);
            continue;
        }
        r->err = errno;
        return -1;
    }
}

static int is_blank(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Read the numbers of a `file:` input into x[0..n_in) (see
 * satstat_inputs_resolve in satstat/scheme.h for the format and bounds).
 * Messages name --inputs, the path and the line. */
static int read_inputs_file(const char *path, uint64_t n_in, double **values,
                            uint64_t *count, double *sum, double *sum_sq,
                            uint64_t *support, char *msg)
{
    char q[SATSTAT_QUOTE_SIZE], tok[SATSTAT_QUOTE_SIZE];
    char buf[512];
    inputs_reader *r;
    double *x = NULL;
    uint64_t n = 0, line = 1, last = 0, cap = 0;
    double s = 0.0, s2 = 0.0;
    int c, rc = SATSTAT_OK;

    r = malloc(sizeof *r);
    if (r == NULL)
        return SATSTAT_ENOMEM;
    rc = reader_open(r, path, msg);
    if (rc != SATSTAT_OK) {
        free(r);
        return rc;
    }
    r->max_bytes = n_in < (UINT64_MAX - SATSTAT_INPUTS_FILE_SLACK)
                              / SATSTAT_INPUTS_FILE_BYTES_PER_NUMBER
                       ? SATSTAT_INPUTS_FILE_SLACK
                             + n_in * SATSTAT_INPUTS_FILE_BYTES_PER_NUMBER
                       : UINT64_MAX;
    satstat_quote(path, q, sizeof q);
#define FILE_FAIL(...)                                                     \
    do {                                                                   \
        if (msg != NULL) {                                                 \
            int k_ = snprintf(msg, SATSTAT_ERRMSG_SIZE, "--inputs: %s: ", q); \
            if (k_ > 0 && k_ < SATSTAT_ERRMSG_SIZE)                        \
                snprintf(msg + k_, SATSTAT_ERRMSG_SIZE - (size_t)k_,       \
                         __VA_ARGS__);                                     \
        }                                                                  \
        rc = SATSTAT_EINVAL;                                               \
    } while (0)
    c = reader_get(r);
    for (;;) {
        size_t len = 0;

        if (r->total > r->max_bytes) {
            FILE_FAIL("more than %" PRIu64 " bytes for %" PRIu64
                      " numbers (--n-in); does the file end?",
                      r->max_bytes, n_in);
            break;
        }
        if (c < 0)
            break;
        if (c == '\n') {
            line++;
            c = reader_get(r);
            continue;
        }
        if (is_blank(c)) {
            c = reader_get(r);
            continue;
        }
        if (c == '#') {
            while (c >= 0 && c != '\n' && r->total <= r->max_bytes)
                c = reader_get(r);
            continue;
        }
        if (n == n_in && c != 0) {
            FILE_FAIL("line %" PRIu64 ": more than the %" PRIu64
                      " numbers of --n-in",
                      line, n_in);
            break;
        }
        while (c > 0 && c != '\n' && c != '#' && !is_blank(c)
               && len + 1 < sizeof buf) {
            buf[len++] = (char)c;
            c = reader_get(r);
        }
        buf[len] = '\0';
        if (c == 0) {
            /* argv-style strings end at a NUL: "7\0" "9999" would be read
             * as 7 */
            FILE_FAIL("line %" PRIu64 ": a NUL byte%s%s", line,
                      len > 0 ? " after " : "",
                      len > 0 ? satstat_quote(buf, tok, sizeof tok) : "");
            break;
        }
        if (len + 1 >= sizeof buf) {
            FILE_FAIL("line %" PRIu64 ": a word longer than %zu bytes, "
                      "starting %s",
                      line, sizeof buf - 2, satstat_quote(buf, tok, sizeof tok));
            break;
        }
        double v;
        if (satstat_parse_double(buf, &v, NULL) != SATSTAT_OK) {
            FILE_FAIL("line %" PRIu64 ": expected a finite number, got %s",
                      line, satstat_quote(buf, tok, sizeof tok));
            break;
        }
        if (n == cap) {
            /* grow as the numbers come: a short file of a large --n-in
             * costs only what it holds */
            uint64_t more = cap == 0 ? 1024 : 2 * cap;
            double *bigger;
            if (more > n_in)
                more = n_in;
            bigger = realloc(x, (size_t)more * sizeof *x);
            if (bigger == NULL) {
                rc = SATSTAT_ENOMEM;
                if (msg != NULL)
                    snprintf(msg, SATSTAT_ERRMSG_SIZE,
                             "--inputs: %s: out of memory for %" PRIu64
                             " numbers", q, more);
                break;
            }
            x = bigger;
            cap = more;
        }
        x[n] = v;
        s += v;
        s2 += v * v;
        n++;
        if (v != 0.0)
            last = n;
        if (!isfinite(s2)) {
            FILE_FAIL("line %" PRIu64 ": the sum of squares overflows", line);
            break;
        }
    }
    if (rc == SATSTAT_OK && r->err != 0)
        FILE_FAIL("cannot read: %s", strerror(r->err));
    if (rc == SATSTAT_OK && n == 0 && r->total == 0 && r->is_fifo)
        FILE_FAIL("nothing to read: a FIFO needs a process writing to it "
                  "when satstat starts");
    else if (rc == SATSTAT_OK && n != n_in)
        FILE_FAIL("expected %" PRIu64 " numbers (--n-in), got %" PRIu64,
                  n_in, n);
#undef FILE_FAIL
    close(r->fd);
    free(r);
    if (rc != SATSTAT_OK) {
        free(x);
        return rc;
    }
    *values = x;
    *count = n;
    *sum = s;
    *sum_sq = s2;
    *support = last;
    return SATSTAT_OK;
}

int satstat_inputs_parse(const char *text, satstat_inputs *out, char *msg)
{
    char q[SATSTAT_QUOTE_SIZE], valid[SATSTAT_ERRMSG_SIZE];
    char n1[SATSTAT_DOUBLE_SIZE], n2[SATSTAT_DOUBLE_SIZE];
    satstat_inputs in;
    int id = 0, rc;

    if (out == NULL) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "no place to store the inputs");
        return SATSTAT_EINVAL;
    }
    /* every model's name, in the order of inputs_names */
    static const char *const model_names[] = {"half", "ones", "bernoulli",
                                              "normal", "uniform", "file"};
    const char *colon = text != NULL ? strchr(text, ':') : NULL;
    size_t name_len = text == NULL ? 0
                      : colon != NULL ? (size_t)(colon - text)
                                      : strlen(text);
    memset(&in, 0, sizeof in);
    join_names(inputs_names, valid, sizeof valid);
    if (text != NULL
        && satstat_match_name(text, name_len, model_names + 4, 1, NULL) == 1) {
        /* uniform:A,B, A < B */
        const char *arg = colon != NULL ? colon + 1 : NULL;
        const char *comma = arg != NULL ? strchr(arg, ',') : NULL;
        char a_txt[SATSTAT_SPEC_SIZE];
        double a = 0.0, b = 0.0;
        int ok = comma != NULL && (size_t)(comma - arg) < sizeof a_txt;
        if (ok) {
            snprintf(a_txt, sizeof a_txt, "%.*s", (int)(comma - arg), arg);
            ok = satstat_parse_double(a_txt, &a, NULL) == SATSTAT_OK
                 && satstat_parse_double(comma + 1 + strspn(comma + 1, " \t"),
                                         &b, NULL) == SATSTAT_OK
                 && a < b && isfinite(a * a + b * b + a * b);
        }
        if (!ok) {
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "expected 'uniform:A,B' with finite A < B, got %s",
                         satstat_quote(text, q, sizeof q));
            return SATSTAT_EINVAL;
        }
        in.kind = SATSTAT_INPUTS_UNIFORM;
        in.p = a == 0.0 ? 0.0 : a;
        in.q = b == 0.0 ? 0.0 : b;
        satstat_format_double(in.p, n1, sizeof n1);
        satstat_format_double(in.q, n2, sizeof n2);
        snprintf(in.canonical, sizeof in.canonical, "uniform:%s,%s", n1, n2);
        *out = in;
        return SATSTAT_OK;
    }
    if (text != NULL
        && satstat_match_name(text, name_len, model_names + 5, 1, NULL) == 1) {
        const char *path = colon != NULL ? colon + 1 : "";
        size_t len = strlen(path);
        if (len == 0 || len >= sizeof in.path) {
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "expected 'file:PATH' with a path of 1 to %d bytes, "
                         "got %s",
                         SATSTAT_PATH_SIZE - 1,
                         satstat_quote(text, q, sizeof q));
            return SATSTAT_EINVAL;
        }
        /* the path goes into reports (one line of text) and into the
         * figure scripts' comments: a line break would end them */
        for (size_t i = 0; i < len; i++) {
            unsigned char ch = (unsigned char)path[i];
            if (ch < 0x20 || ch == 0x7f) {
                if (msg != NULL)
                    snprintf(msg, SATSTAT_ERRMSG_SIZE,
                             "a path with a control character (byte %zu is "
                             "\\x%02X) cannot be recorded in the report: %s",
                             i + 1, ch, satstat_quote(text, q, sizeof q));
                return SATSTAT_EINVAL;
            }
        }
        in.kind = SATSTAT_INPUTS_FILE;
        snprintf(in.path, sizeof in.path, "%s", path);
        /* read by satstat_inputs_resolve, which knows n_in; the canonical
         * spec keeps the start of a long path */
        snprintf(in.canonical, sizeof in.canonical, "file:%s", path);
        *out = in;
        return SATSTAT_OK;
    }
    rc = spec_parse(inputs_table, sizeof inputs_table / sizeof inputs_table[0],
                    "input model", inputs_names, text, &id, &in.p,
                    in.canonical, msg);
    if (rc != SATSTAT_OK) {
        /* spec_parse lists only its own table: name all the models */
        if (msg != NULL && strstr(msg, "(valid: ") != NULL
            && strncmp(msg, "unknown", 7) == 0)
        {
            char hint[SATSTAT_SUGGEST_SIZE];
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
                     "unknown input model %s (%svalid: ",
                     satstat_quote(text, q, sizeof q),
                     satstat_suggest(text, name_len, model_names,
                                     sizeof model_names / sizeof model_names[0],
                                     hint, sizeof hint));
            append(msg, valid);
            append(msg, ")");
        }
        return rc;
    }
    in.kind = (satstat_inputs_kind)id;
    in.active = 0;
    in.active_given = 0;
    *out = in;
    return SATSTAT_OK;
}

int satstat_inputs_resolve(satstat_inputs *inputs, uint64_t n_in, char *msg)
{
    if (inputs == NULL) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "no inputs to resolve");
        return SATSTAT_EINVAL;
    }
    if (inputs->kind != SATSTAT_INPUTS_HALF) {
        if (inputs->active_given) {
            char q[SATSTAT_QUOTE_SIZE];
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "--active applies only to --inputs half, not %s",
                         satstat_quote(inputs->canonical, q, sizeof q));
            return SATSTAT_EINVAL;
        }
        inputs->active = 0;
        if (inputs->kind == SATSTAT_INPUTS_FILE
            && inputs->file_values == NULL) {
            return read_inputs_file(inputs->path, n_in, &inputs->file_values,
                                    &inputs->file_count, &inputs->file_sum,
                                    &inputs->file_sum_sq,
                                    &inputs->file_support, msg);
        }
        if (inputs->kind == SATSTAT_INPUTS_FILE
            && inputs->file_count != n_in) {
            char q[SATSTAT_QUOTE_SIZE];
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "--inputs %s: expected %" PRIu64
                         " numbers (--n-in), got %" PRIu64,
                         satstat_quote(inputs->canonical, q, sizeof q), n_in,
                         inputs->file_count);
            return SATSTAT_EINVAL;
        }
        return SATSTAT_OK;
    }
    if (!inputs->active_given) {
        inputs->active = n_in / 2;
        return SATSTAT_OK;
    }
    if (inputs->active > n_in) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
                     "--active %" PRIu64 " exceeds --n-in %" PRIu64,
                     inputs->active, n_in);
        return SATSTAT_EINVAL;
    }
    return SATSTAT_OK;
}

void satstat_inputs_free(satstat_inputs *inputs)
{
    if (inputs == NULL)
        return;
    free(inputs->file_values);
    inputs->file_values = NULL;
    inputs->file_count = inputs->file_support = 0;
    inputs->file_sum = inputs->file_sum_sq = 0.0;
}

int satstat_inputs_is_random(const satstat_inputs *inputs)
{
    return inputs != NULL
           && (inputs->kind == SATSTAT_INPUTS_BERNOULLI
               || inputs->kind == SATSTAT_INPUTS_NORMAL
               || inputs->kind == SATSTAT_INPUTS_UNIFORM);
}

int satstat_inputs_values(const satstat_inputs *inputs, uint64_t n_in,
                          double *x, char *msg)
{
    if (inputs == NULL || (x == NULL && n_in > 0)) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "no inputs");
        return SATSTAT_EINVAL;
    }
    switch (inputs->kind) {
    case SATSTAT_INPUTS_HALF:
        for (uint64_t j = 0; j < n_in; j++)
            x[j] = j < inputs->active ? 1.0 : 0.0;
        return SATSTAT_OK;
    case SATSTAT_INPUTS_ONES:
        for (uint64_t j = 0; j < n_in; j++)
            x[j] = 1.0;
        return SATSTAT_OK;
    case SATSTAT_INPUTS_FILE:
        if (inputs->file_values == NULL || inputs->file_count != n_in) {
            char q[SATSTAT_QUOTE_SIZE];
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "%s: %s",
                         satstat_quote(inputs->path, q, sizeof q),
                         inputs->file_values == NULL
                             ? "not read yet (satstat_inputs_resolve)"
                             : "read for another --n-in");
            return SATSTAT_EINVAL;
        }
        memcpy(x, inputs->file_values, (size_t)n_in * sizeof *x);
        return SATSTAT_OK;
    case SATSTAT_INPUTS_BERNOULLI:
    case SATSTAT_INPUTS_NORMAL:
    case SATSTAT_INPUTS_UNIFORM:
        break;
    }
    if (msg != NULL)
        snprintf(msg, SATSTAT_ERRMSG_SIZE,
                 "inputs '%s' are random: they have no fixed values",
                 inputs->canonical);
    return SATSTAT_EINVAL;
}

double satstat_inputs_sum_sq(const satstat_inputs *inputs, uint64_t n_in)
{
    if (inputs == NULL)
        return (double)NAN;
    switch (inputs->kind) {
    case SATSTAT_INPUTS_HALF:
    case SATSTAT_INPUTS_ONES:
    case SATSTAT_INPUTS_BERNOULLI:
        /* values in {0, 1}: x² = x */
        return satstat_inputs_sum(inputs, n_in);
    case SATSTAT_INPUTS_NORMAL:
        return (double)n_in * inputs->p * inputs->p;
    case SATSTAT_INPUTS_UNIFORM: {
        /* E x² = (A² + AB + B²)/3 */
        double a = inputs->p, b = inputs->q;
        return (double)n_in * (a * a + a * b + b * b) / 3.0;
    }
    case SATSTAT_INPUTS_FILE:
        return inputs->file_sum_sq;
    }
    return (double)NAN;
}

double satstat_inputs_sum(const satstat_inputs *inputs, uint64_t n_in)
{
    if (inputs == NULL)
        return (double)NAN;
    switch (inputs->kind) {
    case SATSTAT_INPUTS_HALF:
        return (double)inputs->active;
    case SATSTAT_INPUTS_ONES:
        return (double)n_in;
    case SATSTAT_INPUTS_BERNOULLI:
        return (double)n_in * inputs->p;
    case SATSTAT_INPUTS_NORMAL:
        return 0.0;
    case SATSTAT_INPUTS_UNIFORM:
        return (double)n_in * 0.5 * (inputs->p + inputs->q);
    case SATSTAT_INPUTS_FILE:
        return inputs->file_sum;
    }
    return (double)NAN;
}

double satstat_inputs_variance_sum(const satstat_inputs *inputs,
                                   uint64_t n_in)
{
    if (inputs == NULL)
        return (double)NAN;
    switch (inputs->kind) {
    case SATSTAT_INPUTS_HALF:
    case SATSTAT_INPUTS_ONES:
    case SATSTAT_INPUTS_FILE:
        return 0.0;
    case SATSTAT_INPUTS_BERNOULLI:
        return (double)n_in * inputs->p * (1.0 - inputs->p);
    case SATSTAT_INPUTS_NORMAL:
        return (double)n_in * inputs->p * inputs->p;
    case SATSTAT_INPUTS_UNIFORM: {
        double w = inputs->q - inputs->p;
        return (double)n_in * w * w / 12.0;
    }
    }
    return (double)NAN;
}

uint64_t satstat_inputs_support(const satstat_inputs *inputs, uint64_t n_in)
{
    if (inputs == NULL)
        return 0;
    switch (inputs->kind) {
    case SATSTAT_INPUTS_HALF:
        return inputs->active;
    case SATSTAT_INPUTS_ONES:
    case SATSTAT_INPUTS_NORMAL:
    case SATSTAT_INPUTS_UNIFORM:
        return n_in;
    case SATSTAT_INPUTS_BERNOULLI:
        return inputs->p > 0.0 ? n_in : 0;
    case SATSTAT_INPUTS_FILE:
        return inputs->file_support < n_in ? inputs->file_support : n_in;
    }
    return 0;
}

/* A parsed scheme is accepted only when its weight variance is a normal,
 * finite double at every fan the config allows: a tiny gain, scale or std
 * would otherwise underflow to Var w = 0 and turn a random z "constant". */
int satstat_scheme_parse(const char *text, satstat_scheme *out, char *msg)
{
    static const uint64_t fans[] = {1, SATSTAT_SCHEME_MAX_FAN};
    satstat_scheme s;
    int rc = scheme_parse_raw(text, out != NULL ? &s : NULL, msg);
    if (rc != SATSTAT_OK)
        return rc;
    for (size_t i = 0; i < 2; i++) {
        for (size_t j = 0; j < 2; j++) {
            satstat_law w;
            if (satstat_scheme_weight_law(&s, fans[i], fans[j], &w) != SATSTAT_OK)
                continue;
            double v = satstat_law_variance(&w);
            if (!(v >= DBL_MIN) || !isfinite(v)) {
                char q[SATSTAT_QUOTE_SIZE];
                if (msg != NULL)
                    snprintf(msg, SATSTAT_ERRMSG_SIZE,
                             "scheme %s: its weight variance is not representable "
                             "(under- or overflows) for some fan-in",
                             satstat_quote(text, q, sizeof q));
                return SATSTAT_EINVAL;
            }
        }
    }
    *out = s;
    return SATSTAT_OK;
}
