/* scheme.c — weight schemes, bias laws and input models (satstat/scheme.h):
 * laws, shared spec parsing and bias.
 *
 * Every spec has the form NAME or NAME:NUMBER.  One small table per kind of
 * spec says which names exist and what their parameter must be; the parsing,
 * the messages and the canonical strings are shared.  The canonical number
 * is the shortest round-trip form (satstat_format_double), so "normal:0.50"
 * and "normal:0.5" are one scheme with one random stream.
 *
 * This file holds the laws (satstat_law_*), the spec parsing shared by all
 * kinds and the bias laws; the weight schemes are in scheme_weights.c, the
 * inputs in inputs.c (scheme-int.h holds what they share).
 */
#include "model/scheme-int.h"

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
    case SATSTAT_FAMILY_BERNOULLI: /* an input's law, not a satstat_law */
        break;
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
    case SATSTAT_FAMILY_BERNOULLI: /* an input's law, not a satstat_law */
        break;
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
    case SATSTAT_FAMILY_BERNOULLI: /* an input's law, not a satstat_law */
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
    case SATSTAT_FAMILY_BERNOULLI: /* an input's law, not a satstat_law */
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
    case SATSTAT_FAMILY_BERNOULLI: /* an input's law, not a satstat_law */
        break;
    }
    return (double)NAN;
}

/* ---- shared spec parsing -------------------------------------------------*/

/* The "valid: ..." list for a message. */
void satstat__spec_join_names(const char *const *names, char *buf, size_t size)
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

/* msg += text, cut to msg_size bytes (msg holds a string). */
void satstat__spec_append(char *msg, size_t msg_size, const char *text)
{
    if (msg == NULL || msg_size == 0)
        return;
    size_t n = strlen(msg), m = strlen(text);
    if (n + 1 >= msg_size)
        return;
    if (m > msg_size - 1 - n)
        m = msg_size - 1 - n;
    memcpy(msg + n, text, m);
    msg[n + m] = '\0';
}

/* The most entries a spec_entry table has (bias: 5). */
#define SPEC_TABLE_MAX 8

/* Match `text` against `table` (n entries, in any ASCII case) and read its parameter.  `what`
 * names the kind of spec for messages ("scheme"); `names` is its
 * user-facing list, in the order of `table` ("normal:SIGMA" for "normal").  On success *id, *param and canonical are set. */
int satstat__spec_parse(const spec_entry *table, size_t n, const char *what,
                        const char *const *names, const char *text, int *id,
                        double *param, char *canonical, char *msg, size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE], valid[128], num[SATSTAT_DOUBLE_SIZE];
    char hint[SATSTAT_SUGGEST_SIZE];
    const char *table_names[SPEC_TABLE_MAX];
    const spec_entry *e = NULL;
    const char *colon;
    size_t name_len, i;
    double x = 0.0;

    satstat__spec_join_names(names, valid, sizeof valid);
    if (text == NULL || text[0] == '\0') {
        if (msg != NULL)
            snprintf(msg, msg_size,
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
            snprintf(msg, msg_size, "unknown %s %s (%svalid: %s)",
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
                snprintf(msg, msg_size,
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
            snprintf(msg, msg_size,
                     "%s '%s' needs a parameter (%s), got %s", what, e->name,
                     names[e - table], satstat_quote(text, q, sizeof q));
        return SATSTAT_EINVAL;
    }

    {
        const char *arg = colon + 1;
        int ok = satstat_parse_double(arg, &x, NULL, 0) == SATSTAT_OK;
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
                    snprintf(msg, msg_size,
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
                snprintf(msg, msg_size,
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

int satstat_bias_parse(const char *text, satstat_bias *out, char *msg, size_t msg_size)
{
    satstat_bias b;
    double x = 0.0;
    int id = 0, rc;

    if (out == NULL) {
        if (msg != NULL)
            snprintf(msg, msg_size, "no place to store the bias");
        return SATSTAT_EINVAL;
    }
    memset(&b, 0, sizeof b);
    rc = satstat__spec_parse(bias_table, sizeof bias_table / sizeof bias_table[0],
                             "bias", bias_names, text, &id, &x, b.canonical, msg, msg_size);
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
