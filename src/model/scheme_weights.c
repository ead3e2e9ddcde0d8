/* scheme_weights.c — weight schemes (satstat/scheme.h, scheme-int.h): the
 * plain ones and the frameworks' (Keras/JAX, PyTorch) with their gains, fan
 * modes and distributions; parsing, canonical specs, laws, descriptions.
 *
 * Weight laws: `standard` is N(0, 1), Nielsen's large_weight_initializer;
 * `scaled` is N(0, 1/n_in), his default_weight_initializer
 * (np.random.randn(y, x)/np.sqrt(x)), the fan-in scaling of LeCun et al.
 * 1998, "Efficient BackProp", §4.6.
 */
#include "model/scheme-int.h"

/* The largest fan the config accepts (SATSTAT_MAX_N_IN in config.h). */
#define SATSTAT_SCHEME_MAX_FAN UINT64_C(100000000)

#ifndef M_SQRT2
#define M_SQRT2 1.41421356237309504880
#endif

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

int satstat_gain_parse(const char *text, double *gain, char *msg, size_t msg_size)
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
            snprintf(msg, msg_size, "no gain given");
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
            && (satstat_parse_double(colon + 1, &slope, NULL, 0) != SATSTAT_OK
                || !(slope >= 0.0) || !isfinite(slope * slope))) {
            if (msg != NULL)
                snprintf(msg, msg_size,
                         "expected a gain leaky_relu:SLOPE with a "
                         "non-negative SLOPE, got %s",
                         satstat_quote(colon + 1, q, sizeof q));
            return SATSTAT_EINVAL;
        }
        *gain = sqrt(2.0 / (1.0 + slope * slope));
        return SATSTAT_OK;
    }
    if (satstat_parse_double(text, &x, NULL, 0) == SATSTAT_OK && x > 0.0
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
        snprintf(msg, msg_size,
                 "expected a gain (a positive number, or linear, sigmoid, "
                 "tanh, relu, leaky_relu[:SLOPE], selu, conv1d..3d), got %s%s",
                 satstat_quote(text, q, sizeof q), hint);
    }
    return SATSTAT_EINVAL;
}

static const char *const mode_names[] = {"fan_in", "fan_out", "fan_avg"};
static const char *const dist_names[] = {"truncated_normal",
                                         "untruncated_normal", "uniform"};

int satstat_fan_mode_parse(const char *text, satstat_fan_mode *out, char *msg, size_t msg_size)
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
        snprintf(msg, msg_size,
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

static int dist_parse(const char *text, satstat_dist *out, char *msg, size_t msg_size)
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
        snprintf(msg, msg_size,
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
    case SATSTAT_FAN_MODE_UNSET:
        break;
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

int satstat_scheme_set_gain(satstat_scheme *s, double gain, char *msg, size_t msg_size)
{
    char num[SATSTAT_DOUBLE_SIZE];

    if (s == NULL || !satstat_scheme_takes_gain(s)) {
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "scheme '%s' takes no gain (only xavier-*, he-*, "
                     "orthogonal do)",
                     s != NULL ? s->canonical : "");
        return SATSTAT_EINVAL;
    }
    if (!(gain > 0.0) || !isfinite(6.0 * gain * gain) || !(gain * gain > 0.0)) {
        satstat_format_double(gain, num, sizeof num);
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "a gain must be a positive finite number, got %s", num);
        return SATSTAT_EINVAL;
    }
    s->gain = gain;
    return canonicalise(s);
}

int satstat_scheme_set_mode(satstat_scheme *s, satstat_fan_mode mode,
                            char *msg, size_t msg_size)
{
    if (s == NULL || !satstat_scheme_takes_mode(s) || (unsigned)mode > 2) {
        if (msg != NULL)
            snprintf(msg, msg_size,
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

static int bad_arg(char *msg, size_t msg_size, const char *name, const char *what,
                   const char *arg)
{
    char q[SATSTAT_QUOTE_SIZE];

    if (msg != NULL)
        snprintf(msg, msg_size, "expected %s in '%s:...', got %s",
                 what, name, satstat_quote(arg, q, sizeof q));
    return SATSTAT_EINVAL;
}

static int number_arg(const char *arg, double *x, char *msg, size_t msg_size, const char *name,
                      const char *what)
{
    if (satstat_parse_double(arg, x, NULL, 0) != SATSTAT_OK)
        return bad_arg(msg, msg_size, name, what, arg);
    return SATSTAT_OK;
}

/* xavier-*, orthogonal: [GAIN] */
static int gain_args(satstat_scheme *s, const char *name, char **item,
                     int n, char *msg, size_t msg_size)
{
    if (n > 1)
        return bad_arg(msg, msg_size, name, "one gain", item[1]);
    if (n == 1) {
        if (satstat_gain_parse(item[0], &s->gain, msg, msg_size) != SATSTAT_OK)
            return SATSTAT_EINVAL;
        s->gain_given = 1;
    }
    return SATSTAT_OK;
}

/* he-*: [GAIN][,MODE], either first */
static int he_args(satstat_scheme *s, const char *name, char **item,
                   int n, char *msg, size_t msg_size)
{
    if (n > 2)
        return bad_arg(msg, msg_size, name, "GAIN[,MODE]", item[2]);
    for (int i = 0; i < n; i++) {
        satstat_fan_mode m;
        if (satstat_fan_mode_parse(item[i], &m, NULL, 0) == SATSTAT_OK) {
            if (s->mode_given)
                return bad_arg(msg, msg_size, name, "one mode", item[i]);
            s->mode = m;
            s->mode_given = 1;
        } else if (!s->gain_given) {
            if (satstat_gain_parse(item[i], &s->gain, msg, msg_size) != SATSTAT_OK)
                return SATSTAT_EINVAL;
            s->gain_given = 1;
        } else {
            return bad_arg(msg, msg_size, name,
                           "a fan mode (fan_in, fan_out, fan_avg)",
                           item[i]);
        }
    }
    return SATSTAT_OK;
}

/* variance-scaling: SCALE[,MODE[,DIST]], Keras defaults 1, fan_in,
 * truncated_normal */
static int variance_scaling_args(satstat_scheme *s, const char *name, char **item,
                                 int n, char *msg, size_t msg_size)
{
    if (n > 3)
        return bad_arg(msg, msg_size, name, "SCALE,MODE,DIST", item[3]);
    if (n >= 1) {
        if (number_arg(item[0], &s->param, msg, msg_size, name,
                       "a positive SCALE") != SATSTAT_OK)
            return SATSTAT_EINVAL;
        if (!(s->param >= 1e-290 && s->param <= 1e290))
            return bad_arg(msg, msg_size, name, "a positive finite SCALE", item[0]);
    }
    if (n >= 2 && satstat_fan_mode_parse(item[1], &s->mode, msg, msg_size))
        return SATSTAT_EINVAL;
    if (n >= 3 && dist_parse(item[2], &s->dist, msg, msg_size))
        return SATSTAT_EINVAL;
    s->mode_given = n >= 2;
    return SATSTAT_OK;
}

/* trunc-normal: MEAN,STD,A,B, PyTorch's defaults 0, 1, −2, 2 */
static int trunc_normal_args(satstat_scheme *s, const char *name, char **item,
                             int n, char *msg, size_t msg_size)
{
    double v[4] = {s->mean, s->std, s->lo, s->hi};
    static const char *const what[4] = {"a finite MEAN",
                                        "a positive finite STD",
                                        "a finite bound A",
                                        "a finite bound B"};
    char num[2][SATSTAT_DOUBLE_SIZE];
    if (n != 0 && n != 4)
        return bad_arg(msg, msg_size, name, "four parameters MEAN,STD,A,B",
                       item[n - 1]);
    for (int i = 0; i < n; i++)
        if (number_arg(item[i], &v[i], msg, msg_size, name, what[i]) != SATSTAT_OK)
            return SATSTAT_EINVAL;
    if (!(v[1] > 0.0) || !isfinite(v[1] * v[1]) || !(v[1] * v[1] > 0.0))
        return bad_arg(msg, msg_size, name, what[1], item[1]);
    if (!(v[2] < v[3])) {
        satstat_format_double(v[2], num[0], sizeof num[0]);
        satstat_format_double(v[3], num[1], sizeof num[1]);
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "'%s' needs bounds A < B, got A = %s, B = %s", name,
                     num[0], num[1]);
        return SATSTAT_EINVAL;
}
satstat_law law = {SATSTAT_FAMILY_TRUNC_NORMAL, v[0], v[1], v[2], v[3]};
double var = satstat_law_variance(&law);
if (!(var > 0.0) || !isfinite(var)) {
    if (msg != NULL)
        snprintf(msg, msg_size,
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

/* the other schemes: no parameter */
static int no_args(const char *name, char **item, int n, char *msg, size_t msg_size)
{
    if (n > 0) {
        char q[SATSTAT_QUOTE_SIZE];
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "scheme '%s' takes no parameter, got %s", name,
                     satstat_quote(item[0], q, sizeof q));
        return SATSTAT_EINVAL;
    }
    return SATSTAT_OK;
}

/* Parameters of a framework scheme; `args` is NULL when there is no
 * colon.  s->kind and the defaults are set. */
static int framework_args(satstat_scheme *s, const char *name, char *args,
                          char *msg, size_t msg_size)
{
    char *item[MAX_ARGS];
    int n = 0;

    if (args != NULL && args[0] == '\0')
        return bad_arg(msg, msg_size, name, "parameters after ':'", args);
    if (split_args(args, item, &n) != 0)
        return bad_arg(msg, msg_size, name, "at most 4 parameters", "");
    for (int i = 0; i < n; i++)
        if (item[i][0] == '\0')
            return bad_arg(msg, msg_size, name, "no empty parameter", "");

    switch (s->kind) {
    case SATSTAT_SCHEME_XAVIER_NORMAL:
    case SATSTAT_SCHEME_XAVIER_UNIFORM:
    case SATSTAT_SCHEME_ORTHOGONAL:
        return gain_args(s, name, item, n, msg, msg_size);
    case SATSTAT_SCHEME_HE_NORMAL:
    case SATSTAT_SCHEME_HE_UNIFORM:
        return he_args(s, name, item, n, msg, msg_size);
    case SATSTAT_SCHEME_VARIANCE_SCALING:
        return variance_scaling_args(s, name, item, n, msg, msg_size);
    case SATSTAT_SCHEME_TRUNC_NORMAL:
        return trunc_normal_args(s, name, item, n, msg, msg_size);
    default:
        return no_args(name, item, n, msg, msg_size);
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
static void unknown_scheme(const char *text, size_t name_len, char *msg, size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE], hint[SATSTAT_SUGGEST_SIZE];
    char valid[SATSTAT_ERRMSG_SIZE];
    const char *names[N_SCHEME_NAMES];
    size_t room;

    if (msg == NULL || msg_size == 0)
        return;

    all_scheme_names(names);
    satstat__spec_join_names(scheme_short_names, valid, sizeof valid);
    if (text == NULL || text[0] == '\0')
        snprintf(msg, msg_size,
                 "expected a scheme, got an empty string (valid: ");
    else
        snprintf(msg, msg_size, "unknown scheme %s (%svalid: ",
                 satstat_quote(text, q, sizeof q),
                 satstat_suggest(text, name_len, names, N_SCHEME_NAMES, hint,
                                 sizeof hint));
    room = msg_size - 1 - strlen(msg);
    if (strlen(valid) + 1 > room) {
        /* ", ...)" must fit after the last whole name */
        char *cut;
        valid[room >= 6 ? room - 6 : 0] = '\0';
        cut = strrchr(valid, ',');
        if (cut != NULL)
            strcpy(cut, ", ...");
    }
    satstat__spec_append(msg, msg_size, valid);
    satstat__spec_append(msg, msg_size, strlen(msg) + 40 < msg_size
                    ? "; or an alias such as glorot_normal)"
                    : ")");
}

static int scheme_parse_raw(const char *text, satstat_scheme *out, char *msg, size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE];
    satstat_scheme s;
    const framework_entry *fw = NULL;
    const alias_entry *alias = NULL;
    const char *matched = NULL;
    int id = 0, rc, old = 0;

    if (out == NULL) {
        if (msg != NULL)
            snprintf(msg, msg_size, "no place to store the scheme");
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
                snprintf(msg, msg_size,
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
                snprintf(msg, msg_size,
                         "ambiguous scheme %s: '%s' and '%s' differ only in "
                         "case; type one of those",
                         satstat_quote(text, q, sizeof q), names[first],
                         names[first + 1 + second]);
            return SATSTAT_EINVAL;
        }
        if (msg != NULL)
            unknown_scheme(text, name_len, msg, msg_size);
        return SATSTAT_EINVAL;
    }

    if (old) {
        memset(&s, 0, sizeof s);
        rc = satstat__spec_parse(scheme_table,
                                 sizeof scheme_table / sizeof scheme_table[0], "scheme",
                                 scheme_names, text, &id, &s.param, s.canonical, msg, msg_size);
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
            snprintf(msg, msg_size,
                     "scheme '%s' takes no parameter, got %s", name,
                     satstat_quote(text, q, sizeof q));
        return SATSTAT_EINVAL;
    }
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    if (copy == NULL) {
        if (msg != NULL)
            snprintf(msg, msg_size, "out of memory");
        return SATSTAT_ENOMEM;
    }
    memcpy(copy, text, len + 1);
    rc = framework_args(&s, name, colon != NULL ? copy + name_len + 1 : NULL,
                        msg, msg_size);
    free(copy);
    if (rc != SATSTAT_OK)
        return rc;
    if (canonicalise(&s) != SATSTAT_OK) {
        if (msg != NULL)
            snprintf(msg, msg_size,
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
    if (satstat_fan_mode_parse(item, NULL, NULL, 0) == SATSTAT_OK
        || dist_parse(item, &dist, NULL, 0) == SATSTAT_OK
        || satstat_parse_double(item, &x, NULL, 0) == SATSTAT_OK)
        return 1;
    if (lookup_name(item, ilen, &fw, &alias, &old, NULL) > 0)
        return 0; /* a scheme of its own */
    return satstat_gain_parse(item, &x, NULL, 0) == SATSTAT_OK;
}

int satstat_scheme_parse_list(const char *text, satstat_scheme *out,
                              size_t max, size_t *count, char *msg, size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE], q2[SATSTAT_QUOTE_SIZE];
    char *copy, *item, *next;
    size_t n = 0, len, i;
    int rc = SATSTAT_OK;

    if (count != NULL)
        *count = 0;
    if (count == NULL || (out == NULL && max > 0)) {
        if (msg != NULL)
            snprintf(msg, msg_size, "no place to store the schemes");
        return SATSTAT_EINVAL;
    }
    if (text == NULL || text[0] == '\0') {
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "expected at least one scheme, got an empty list");
        return SATSTAT_EINVAL;
    }

    len = strlen(text);
    copy = malloc(len + 1);
    if (copy == NULL) {
        if (msg != NULL)
            snprintf(msg, msg_size, "out of memory");
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
                snprintf(msg, msg_size,
                         "empty item in scheme list %s",
                         satstat_quote(text, q, sizeof q));
            rc = SATSTAT_EINVAL;
            break;
        }
        if (n == max) {
            if (msg != NULL)
                snprintf(msg, msg_size,
                         "at most %zu schemes allowed, got more in %s", max,
                         satstat_quote(text, q, sizeof q));
            rc = SATSTAT_EINVAL;
            break;
        }
        rc = satstat_scheme_parse(item, &out[n], msg, msg_size);
        if (rc != SATSTAT_OK)
            break;
        for (i = 0; i < n; i++) {
            if (strcmp(out[i].canonical, out[n].canonical) == 0)
                break;
        }
        if (i < n) {
            if (msg != NULL) {
                if (strcmp(item, out[n].canonical) == 0)
                    snprintf(msg, msg_size,
                             "scheme %s is listed twice",
                             satstat_quote(item, q, sizeof q));
                else
                    snprintf(msg, msg_size,
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
    case SATSTAT_FAN_MODE_UNSET:
        break;
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

/* A parsed scheme is accepted only when its weight variance is a normal,
 * finite double at every fan the config allows: a tiny gain, scale or std
 * would otherwise underflow to Var w = 0 and turn a random z "constant". */
int satstat_scheme_parse(const char *text, satstat_scheme *out, char *msg, size_t msg_size)
{
    static const uint64_t fans[] = {1, SATSTAT_SCHEME_MAX_FAN};
    satstat_scheme s;
    int rc = scheme_parse_raw(text, out != NULL ? &s : NULL, msg, msg_size);
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
                    snprintf(msg, msg_size,
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
