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

#include <inttypes.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/error.h>
#include <satstat/parse.h>

/* ---- laws ----------------------------------------------------------------*/

double satstat_law_mean(const satstat_law *law)
{
    if (law == NULL)
        return (double)NAN;
    switch (law->family) {
    case SATSTAT_FAMILY_CONSTANT:
    case SATSTAT_FAMILY_NORMAL:
        return law->a;
    case SATSTAT_FAMILY_UNIFORM:
        return 0.5 * (law->a + law->b);
    }
    return (double)NAN;
}

double satstat_law_variance(const satstat_law *law)
{
    double w;

    if (law == NULL)
        return (double)NAN;
    switch (law->family) {
    case SATSTAT_FAMILY_CONSTANT:
        return 0.0;
    case SATSTAT_FAMILY_NORMAL:
        return law->b * law->b;
    case SATSTAT_FAMILY_UNIFORM:
        w = law->b - law->a;
        return w * w / 12.0;
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

/* Match `text` against `table` (n entries) and read its parameter.  `what`
 * names the kind of spec for messages ("scheme"); `names` is its
 * user-facing list, in the order of `table` ("normal:SIGMA" for "normal").  On success *id, *param and canonical are set. */
static int spec_parse(const spec_entry *table, size_t n, const char *what,
                      const char *const *names, const char *text, int *id,
                      double *param, char *canonical, char *msg)
{
    char q[SATSTAT_QUOTE_SIZE], valid[128], num[SATSTAT_DOUBLE_SIZE];
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
    for (i = 0; i < n; i++) {
        if (strlen(table[i].name) == name_len
            && strncmp(table[i].name, text, name_len) == 0) {
            e = &table[i];
            break;
        }
    }
    if (e == NULL) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "unknown %s %s (valid: %s)",
                     what, satstat_quote(text, q, sizeof q), valid);
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

static const spec_entry scheme_table[] = {
    {"standard", PARAM_NONE, SATSTAT_SCHEME_STANDARD},
    {"scaled", PARAM_NONE, SATSTAT_SCHEME_SCALED},
    {"normal", PARAM_SCALE, SATSTAT_SCHEME_NORMAL},
    {"uniform", PARAM_SCALE, SATSTAT_SCHEME_UNIFORM},
};

static const char *const scheme_names[] = {
    "standard", "scaled", "normal:SIGMA", "uniform:A", NULL,
};

const char *const *satstat_scheme_names(void)
{
    return scheme_names;
}

int satstat_scheme_parse(const char *text, satstat_scheme *out, char *msg)
{
    satstat_scheme s;
    int id = 0, rc;

    if (out == NULL) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "no place to store the scheme");
        return SATSTAT_EINVAL;
    }
    memset(&s, 0, sizeof s);
    rc = spec_parse(scheme_table, sizeof scheme_table / sizeof scheme_table[0],
                    "scheme", scheme_names, text, &id, &s.param, s.canonical,
                    msg);
    if (rc != SATSTAT_OK)
        return rc;
    s.kind = (satstat_scheme_kind)id;
    *out = s;
    return SATSTAT_OK;
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
    memcpy(copy, text, len + 1);

    for (item = copy; item != NULL; item = next) {
        next = strchr(item, ',');
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

int satstat_scheme_weight_law(const satstat_scheme *scheme, uint64_t n_in,
                              uint64_t n_out, satstat_law *out)
{
    (void)n_out; /* no scheme uses the fan-out yet (Glorot's would) */
    if (scheme == NULL || out == NULL)
        return SATSTAT_EINVAL;
    switch (scheme->kind) {
    case SATSTAT_SCHEME_STANDARD:
        out->family = SATSTAT_FAMILY_NORMAL;
        out->a = 0.0;
        out->b = 1.0;
        return SATSTAT_OK;
    case SATSTAT_SCHEME_SCALED:
        if (n_in == 0)
            return SATSTAT_EINVAL;
        out->family = SATSTAT_FAMILY_NORMAL;
        out->a = 0.0;
        out->b = 1.0 / sqrt((double)n_in);
        return SATSTAT_OK;
    case SATSTAT_SCHEME_NORMAL:
        if (!(scheme->param > 0.0) || !isfinite(scheme->param))
            return SATSTAT_EINVAL;
        out->family = SATSTAT_FAMILY_NORMAL;
        out->a = 0.0;
        out->b = scheme->param;
        return SATSTAT_OK;
    case SATSTAT_SCHEME_UNIFORM:
        if (!(scheme->param > 0.0) || !isfinite(scheme->param))
            return SATSTAT_EINVAL;
        out->family = SATSTAT_FAMILY_UNIFORM;
        out->a = -scheme->param;
        out->b = scheme->param;
        return SATSTAT_OK;
    }
    return SATSTAT_EINVAL;
}

int satstat_scheme_describe(const satstat_scheme *scheme, char *buf,
                            size_t size)
{
    char num[SATSTAT_DOUBLE_SIZE];
    int w;

    if (scheme == NULL || buf == NULL || size == 0)
        return SATSTAT_EINVAL;
    satstat_format_double(scheme->param, num, sizeof num);
    switch (scheme->kind) {
    case SATSTAT_SCHEME_STANDARD:
        w = snprintf(buf, size, "N(0, 1)");
        break;
    case SATSTAT_SCHEME_SCALED:
        w = snprintf(buf, size, "N(0, 1/n_in)");
        break;
    case SATSTAT_SCHEME_NORMAL:
        w = snprintf(buf, size, "N(0, %s\xC2\xB2)", num); /* ² */
        break;
    case SATSTAT_SCHEME_UNIFORM:
        w = snprintf(buf, size, "U(-%s, %s)", num, num);
        break;
    default:
        buf[0] = '\0';
        return SATSTAT_EINVAL;
    }
    return (w < 0 || (size_t)w >= size) ? SATSTAT_ERANGE : SATSTAT_OK;
}

/* ---- bias ----------------------------------------------------------------*/

enum bias_id { BIAS_NORMAL, BIAS_ZERO, BIAS_CONST, BIAS_UNIFORM };

static const spec_entry bias_table[] = {
    {"normal", PARAM_SCALE, BIAS_NORMAL},
    {"zero", PARAM_NONE, BIAS_ZERO},
    {"const", PARAM_FINITE, BIAS_CONST},
    {"uniform", PARAM_SCALE, BIAS_UNIFORM},
};

static const char *const bias_names[] = {
    "normal:SIGMA", "zero", "const:C", "uniform:A", NULL,
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
    }
    *out = b;
    return SATSTAT_OK;
}

/* ---- inputs ----------------------------------------------------------------*/

static const spec_entry inputs_table[] = {
    {"half", PARAM_NONE, SATSTAT_INPUTS_HALF},
    {"ones", PARAM_NONE, SATSTAT_INPUTS_ONES},
    {"bernoulli", PARAM_PROB, SATSTAT_INPUTS_BERNOULLI},
};

static const char *const inputs_names[] = {
    "half", "ones", "bernoulli:P", NULL,
};

const char *const *satstat_inputs_names(void)
{
    return inputs_names;
}

int satstat_inputs_parse(const char *text, satstat_inputs *out, char *msg)
{
    satstat_inputs in;
    int id = 0, rc;

    if (out == NULL) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE, "no place to store the inputs");
        return SATSTAT_EINVAL;
    }
    memset(&in, 0, sizeof in);
    rc = spec_parse(inputs_table, sizeof inputs_table / sizeof inputs_table[0],
                    "input model", inputs_names, text, &id, &in.p,
                    in.canonical, msg);
    if (rc != SATSTAT_OK)
        return rc;
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
            if (msg != NULL)
                snprintf(msg, SATSTAT_ERRMSG_SIZE,
                         "--active applies only to --inputs half, not '%s'",
                         inputs->canonical);
            return SATSTAT_EINVAL;
        }
        inputs->active = 0;
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

int satstat_inputs_is_random(const satstat_inputs *inputs)
{
    return inputs != NULL && inputs->kind == SATSTAT_INPUTS_BERNOULLI;
}

/* All input models take values in {0, 1}, so x² = x: Σ x_j² = Σ x_j. */
double satstat_inputs_sum_sq(const satstat_inputs *inputs, uint64_t n_in)
{
    return satstat_inputs_sum(inputs, n_in);
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
        return n_in;
    case SATSTAT_INPUTS_BERNOULLI:
        return inputs->p > 0.0 ? n_in : 0;
    }
    return 0;
}
