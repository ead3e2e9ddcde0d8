/* fuzz_config.c — satstat_config_validate() on configs built from fuzzed
 * option strings, the way the command line builds them.
 *
 * Input: argv-like fields separated by NUL bytes, each "--NAME=VALUE", or
 * "--NAME" with the value in the next field (getopt_long's two forms).
 * NAME is one of the options in `options` below; other fields are ignored.
 * Starting from satstat_config_default(), each value goes through the
 * library parser the CLI uses for that option (--format included, although
 * it is not part of the config).  A rejected value must come with a
 * one-line message; unlike the CLI, which stops at the first bad value,
 * the harness then goes on with the next field (the config keeps its
 * previous value), so that satstat_config_validate() sees more configs.
 * Whole numbers are read over wider ranges than the CLI's (0..UINT64_MAX,
 * --threads up to UINT_MAX) so that validation's own range checks run.
 *
 * Invariants: validation returns OK or EINVAL with a one-line message; on
 * OK every field is in its documented range, the inputs are resolved
 * against n_in, each scheme's weight law is finite with variance > 0, and
 * Var z = σ_w²·Σx² + σ_b² is finite and ≥ 0; when the one-layer rules
 * (satstat_config_validate_layer) accept it too, an orthogonal scheme has
 * fixed inputs and an n_out × n_in matrix of 2 to 2^24 entries; validating
 * again changes nothing.
 */
#include "fuzz.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/activation.h>
#include <satstat/config.h>
#include <satstat/error.h>
#include <satstat/parse.h>
#include <satstat/report.h>
#include <satstat/scheme.h>

typedef struct run {
    satstat_config config;
    satstat_format format;
} run;

/* Each setter parses `v` into the run and returns the parser's status. */
typedef int (*setter)(run *r, const char *v, char *msg);

static int set_u64(const char *v, uint64_t max, uint64_t *out, char *msg)
{
    return satstat_parse_u64(v, 0, max, out, msg);
}

static int set_scheme(run *r, const char *v, char *msg)
{
    satstat_scheme list[SATSTAT_MAX_SCHEMES];
    size_t n = 0;
    int rc = satstat_scheme_parse_list(v, list, SATSTAT_MAX_SCHEMES, &n, msg);

    if (rc == SATSTAT_OK) {
        memcpy(r->config.schemes, list, n * sizeof list[0]);
        r->config.n_schemes = n;
    }
    return rc;
}

static int set_n_in(run *r, const char *v, char *msg)
{
    return set_u64(v, UINT64_MAX, &r->config.n_in, msg);
}

static int set_n_out(run *r, const char *v, char *msg)
{
    return set_u64(v, UINT64_MAX, &r->config.n_out, msg);
}

static int set_active(run *r, const char *v, char *msg)
{
    uint64_t u;
    int rc = set_u64(v, UINT64_MAX, &u, msg);

    if (rc == SATSTAT_OK) {
        r->config.inputs.active = u;
        r->config.inputs.active_given = 1;
    }
    return rc;
}

static int set_inputs(run *r, const char *v, char *msg)
{
    /* --active and --inputs may come in any order (as in the CLI). */
    uint64_t active = r->config.inputs.active;
    int given = r->config.inputs.active_given;
    satstat_inputs in;
    int rc = satstat_inputs_parse(v, &in, msg);

    if (rc == SATSTAT_OK && in.kind == SATSTAT_INPUTS_FILE
        && !fuzz_inputs_path_safe(in.path))
        return rc; /* not read here: see fuzz_inputs_path_safe */
    if (rc == SATSTAT_OK) {
        r->config.inputs = in;
        r->config.inputs.active = active;
        r->config.inputs.active_given = given;
    }
    return rc;
}

static int set_bias(run *r, const char *v, char *msg)
{
    satstat_bias b;
    int rc = satstat_bias_parse(v, &b, msg);

    if (rc == SATSTAT_OK)
        r->config.bias = b;
    return rc;
}

static int set_activation(run *r, const char *v, char *msg)
{
    (void)msg; /* satstat_activation_find() has no message */
    r->config.activation = satstat_activation_find(v);
    return SATSTAT_OK; /* NULL is left for validation to reject */
}

static int set_double(const char *v, double *out, char *msg)
{
    double x;
    int rc = satstat_parse_double(v, &x, msg);

    if (rc == SATSTAT_OK) {
        FUZZ_CHECK(isfinite(x), "parse_double(%s) = %g", fuzz_show(v), x);
        *out = x;
    }
    return rc;
}

static int set_threshold(run *r, const char *v, char *msg)
{
    return set_double(v, &r->config.threshold, msg);
}

static int set_samples(run *r, const char *v, char *msg)
{
    return set_u64(v, UINT64_MAX, &r->config.samples, msg);
}

static int set_seed(run *r, const char *v, char *msg)
{
    return set_u64(v, UINT64_MAX, &r->config.seed, msg);
}

static int set_threads(run *r, const char *v, char *msg)
{
    uint64_t u;
    int rc = set_u64(v, UINT_MAX, &u, msg);

    if (rc == SATSTAT_OK)
        r->config.threads = (unsigned)u;
    return rc;
}

static int set_alpha(run *r, const char *v, char *msg)
{
    return set_double(v, &r->config.alpha, msg);
}

static int set_expect_variance(run *r, const char *v, char *msg)
{
    int rc = set_double(v, &r->config.claimed_variance, msg);

    if (rc == SATSTAT_OK)
        r->config.has_claimed_variance = 1;
    return rc;
}

static int set_format(run *r, const char *v, char *msg)
{
    return satstat_format_parse(v, &r->format, msg);
}

static const struct option_row {
    const char *name;
    setter set;
} options[] = {
    {"scheme", set_scheme},       {"n-in", set_n_in},
    {"n-out", set_n_out},         {"active", set_active},
    {"inputs", set_inputs},       {"bias", set_bias},
    {"activation", set_activation}, {"threshold", set_threshold},
    {"samples", set_samples},     {"seed", set_seed},
    {"threads", set_threads},     {"alpha", set_alpha},
    {"expect-variance", set_expect_variance}, {"format", set_format},
};

static const struct option_row *find_option(const char *name, size_t len)
{
    size_t i;

    for (i = 0; i < sizeof options / sizeof options[0]; i++)
        if (strlen(options[i].name) == len
            && strncmp(options[i].name, name, len) == 0)
            return &options[i];
    return NULL;
}

static void check_valid(const satstat_config *c)
{
    /* the one-layer rules: OK or EINVAL with a message, and consistent
     * with the invariants below */
    char *lmsg = fuzz_msg_new();
    int lrc = satstat_config_validate_layer(c, lmsg);
    FUZZ_CHECK(lrc == SATSTAT_OK || lrc == SATSTAT_EINVAL, "validate_layer: %d", lrc);
    if (lrc != SATSTAT_OK)
        fuzz_check_msg("satstat_config_validate_layer", lmsg, NULL);
    free(lmsg);
    int layer_ok = lrc == SATSTAT_OK;
    double var_b = satstat_law_variance(&c->bias.law);
    double mean_b = satstat_law_mean(&c->bias.law);
    double sum_sq = satstat_inputs_sum_sq(&c->inputs, c->n_in);
    size_t i, j;

    FUZZ_CHECK(c->n_in >= 1 && c->n_in <= SATSTAT_MAX_N_IN, "n_in %llu",
               (unsigned long long)c->n_in);
    FUZZ_CHECK(c->n_out >= 1 && c->n_out <= SATSTAT_MAX_N_IN, "n_out %llu",
               (unsigned long long)c->n_out);
    FUZZ_CHECK(c->samples >= 1 && c->samples <= SATSTAT_MAX_SAMPLES,
               "samples %llu", (unsigned long long)c->samples);
    FUZZ_CHECK(c->seed < (UINT64_C(1) << 63), "seed %llu",
               (unsigned long long)c->seed);
    FUZZ_CHECK(c->threads <= SATSTAT_MAX_THREADS, "threads %u", c->threads);
    FUZZ_CHECK(isfinite(c->threshold) && c->threshold > 0.0,
               "threshold %g", c->threshold);
    FUZZ_CHECK(c->alpha > 0.0 && c->alpha < 1.0, "alpha %g", c->alpha);
    FUZZ_CHECK(!c->has_claimed_variance
                   || (isfinite(c->claimed_variance)
                       && c->claimed_variance > 0.0),
               "claimed variance %g", c->claimed_variance);
    FUZZ_CHECK(c->activation != NULL, "no activation");
    FUZZ_CHECK(c->n_schemes >= 1 && c->n_schemes <= SATSTAT_MAX_SCHEMES,
               "%zu schemes", c->n_schemes);

    if (c->inputs.kind == SATSTAT_INPUTS_HALF)
        FUZZ_CHECK(c->inputs.active <= c->n_in
                       && (c->inputs.active_given
                           || c->inputs.active == c->n_in / 2),
                   "half: active %llu of %llu (given %d)",
                   (unsigned long long)c->inputs.active,
                   (unsigned long long)c->n_in, c->inputs.active_given);
    else
        FUZZ_CHECK(c->inputs.active == 0 && !c->inputs.active_given,
                   "%s with active %llu (given %d)", c->inputs.canonical,
                   (unsigned long long)c->inputs.active,
                   c->inputs.active_given);
    FUZZ_CHECK(isfinite(sum_sq) && sum_sq >= 0.0, "sum x^2 = %g", sum_sq);
    FUZZ_CHECK(isfinite(var_b) && var_b >= 0.0 && isfinite(mean_b),
               "bias %s: mean %g variance %g", c->bias.canonical, mean_b,
               var_b);

    for (i = 0; i < c->n_schemes; i++) {
        const satstat_scheme *s = &c->schemes[i];
        satstat_law w;
        double var_w, var_z;

        for (j = 0; j < i; j++)
            FUZZ_CHECK(strcmp(s->canonical, c->schemes[j].canonical) != 0,
                       "scheme %s twice", s->canonical);
        FUZZ_CHECK(satstat_scheme_weight_law(s, c->n_in, c->n_out, &w)
                       == SATSTAT_OK,
                   "no weight law for %s", s->canonical);
        var_w = satstat_law_variance(&w);
        FUZZ_CHECK(isfinite(var_w) && var_w > 0.0,
                   "scheme %s, n_in %llu: weight variance %g", s->canonical,
                   (unsigned long long)c->n_in, var_w);
        var_z = var_w * sum_sq + var_b;
        FUZZ_CHECK(isfinite(var_z) && var_z >= 0.0 && var_z <= 1.0000001 * SATSTAT_MAX_VAR_Z,
                   "scheme %s: Var z = %g", s->canonical, var_z);
        /* orthogonal, one layer: whole matrices against one fixed input
         * vector (deep has no such rule) */
        if (s->kind == SATSTAT_SCHEME_ORTHOGONAL && layer_ok) {
            FUZZ_CHECK(!satstat_inputs_is_random(&c->inputs),
                       "orthogonal accepted with random inputs %s",
                       c->inputs.canonical);
            FUZZ_CHECK(c->n_in >= 2 || c->n_out >= 2,
                       "orthogonal accepted for a 1 x 1 matrix");
            FUZZ_CHECK((double)c->n_in * (double)c->n_out
                           <= (double)SATSTAT_MAX_MATRIX_ELEMENTS,
                       "orthogonal accepted for %llu x %llu",
                       (unsigned long long)c->n_out, (unsigned long long)c->n_in);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The fields, NUL-terminated: one extra NUL after the data. */
    char *buf = malloc(size + 1), *msg = fuzz_msg_new();
    const char *field, *end;
    run r;
    int rc;

    FUZZ_CHECK(buf != NULL, "out of memory");
    if (size > 0)
        memcpy(buf, data, size);
    buf[size] = '\0';
    end = buf + size;

    satstat_config_default(&r.config);
    r.format = SATSTAT_FORMAT_TEXT;
    fuzz_msg_reset(msg);
    FUZZ_CHECK(satstat_config_validate(&r.config, msg) == SATSTAT_OK,
               "the default config is invalid: %s", msg);

    for (field = buf; field < end; field += strlen(field) + 1) {
        const struct option_row *o;
        const char *name, *eq, *value;

        if (strncmp(field, "--", 2) != 0)
            continue;
        name = field + 2;
        eq = strchr(name, '=');
        o = find_option(name, eq != NULL ? (size_t)(eq - name) : strlen(name));
        if (o == NULL)
            continue;
        if (eq != NULL) {
            value = eq + 1;
        } else {
            field += strlen(field) + 1; /* the value is the next field */
            if (field >= end)
                break;
            value = field;
        }
        fuzz_msg_reset(msg);
        rc = o->set(&r, value, msg);
        FUZZ_CHECK(rc == SATSTAT_OK || rc == SATSTAT_EINVAL,
                   "--%s %s: status %d", o->name, fuzz_show(value), rc);
        if (rc != SATSTAT_OK)
            fuzz_check_msg(o->name, msg, value);
    }

    fuzz_msg_reset(msg);
    rc = satstat_config_validate(&r.config, msg);
    FUZZ_CHECK(rc == SATSTAT_OK || rc == SATSTAT_EINVAL,
               "validate returned %d", rc);
    if (rc == SATSTAT_OK) {
        satstat_config again = r.config;

        check_valid(&r.config);
        FUZZ_CHECK(satstat_config_validate(&again, NULL) == SATSTAT_OK
                       && again.inputs.active == r.config.inputs.active
                       && again.inputs.active_given
                              == r.config.inputs.active_given,
                   "validating twice differs");
    } else {
        satstat_config again = r.config;
        fuzz_check_msg("satstat_config_validate", msg, NULL);
        FUZZ_CHECK(satstat_config_validate(&again, NULL) == rc,
                   "validate depends on msg");
    }
    satstat_config_free(&r.config); /* `again` shares what it read */
    free(msg);
    free(buf);
    return 0;
}
