/* fuzz_config.c — satstat_config_validate() on configs built from fuzzed
 * option strings, the way the command line builds them.
 *
 * Input: argv-like fields separated by NUL bytes, each "--NAME=VALUE", or
 * "--NAME" with the value in the next field (getopt_long's two forms).
 * NAME is an option of `satstat run` in the library's table of options
 * (satstat/options.h), or --format; other fields are ignored.  Starting
 * from satstat_config_default(), each value goes through
 * satstat_option_set(), the very setter the CLI uses (--format through
 * satstat_format_parse, although it is not part of the config).  A
 * rejected value must come with a one-line message; unlike the CLI, which
 * stops at the first bad value, the harness then goes on with the next
 * field, so that satstat_config_validate() sees more configs: a refused
 * number is written into its field as an API user may (set_raw: whole
 * numbers over 0..UINT64_MAX, --threads up to UINT_MAX, any finite
 * double) so that validation's own range checks run; any other refused
 * value leaves the field as it was.
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
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/activation.h>
#include <satstat/config.h>
#include <satstat/error.h>
#include <satstat/options.h>
#include <satstat/parse.h>
#include <satstat/report.h>
#include <satstat/scheme.h>

typedef struct run {
    satstat_config config;
    satstat_format format;
} run;

/* A value the table refused, written into its field as an API user may
 * set any field (a whole number over 0..UINT64_MAX, --threads up to
 * UINT_MAX, any finite double), so that validation's own range checks
 * run; 0 when `name` is no such field or the value is no number. */
static int set_raw(satstat_config *c, const char *name, const char *v)
{
    static const struct {
        const char *name;
        size_t u64, dbl; /* offsetof the field + 1, or 0 */
    } fields[] = {
        {"n-in", offsetof(satstat_config, n_in) + 1, 0},
        {"n-out", offsetof(satstat_config, n_out) + 1, 0},
        {"samples", offsetof(satstat_config, samples) + 1, 0},
        {"seed", offsetof(satstat_config, seed) + 1, 0},
        {"threads", 0, 0},
        {"threshold", 0, offsetof(satstat_config, threshold) + 1},
        {"alpha", 0, offsetof(satstat_config, alpha) + 1},
        {"expect-variance", 0, offsetof(satstat_config, claimed_variance) + 1},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (strcmp(fields[i].name, name) != 0)
            continue;
        uint64_t u;
        double x;
        if (fields[i].dbl) {
            if (satstat_parse_double(v, &x, NULL, 0) != SATSTAT_OK)
                return 0;
            FUZZ_CHECK(isfinite(x), "parse_double(%s) = %g", fuzz_show(v), x);
            memcpy((char *)c + fields[i].dbl - 1, &x, sizeof x);
            if (strcmp(name, "expect-variance") == 0)
            return 1;
        }
        if (satstat_parse_u64(v, 0, fields[i].u64 ? UINT64_MAX : UINT_MAX, &u, NULL, 0)
            != SATSTAT_OK)
            return 0;
        if (fields[i].u64)
            memcpy((char *)c + fields[i].u64 - 1, &u, sizeof u);
        else
            c->threads = (unsigned)u;
        return 1;
    }
    return 0;
}

static void check_valid(const satstat_config *c)
{
    /* the one-layer rules: OK or EINVAL with a message, and consistent
     * with the invariants below */
    char *lmsg = fuzz_msg_new();
    int lrc = satstat_config_validate_layer(c, NULL, lmsg, SATSTAT_ERRMSG_SIZE);
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
    FUZZ_CHECK(isnan(c->claimed_variance)
                   || (isfinite(c->claimed_variance)
                       && c->claimed_variance > 0.0),
               "claimed variance %g", c->claimed_variance);
    FUZZ_CHECK(c->activation != NULL, "no activation");
    FUZZ_CHECK(c->n_schemes >= 1 && c->n_schemes <= SATSTAT_MAX_SCHEMES,
               "%zu schemes", c->n_schemes);

    if (c->inputs.kind == SATSTAT_INPUTS_HALF)
        FUZZ_CHECK(satstat_inputs_support(&c->inputs, c->n_in) <= c->n_in
                       && (c->inputs.active != SATSTAT_ACTIVE_UNSET
                           || satstat_inputs_support(&c->inputs, c->n_in) == c->n_in / 2),
                   "half: active %llu of %llu",
                   (unsigned long long)c->inputs.active, (unsigned long long)c->n_in);
    else
        FUZZ_CHECK(c->inputs.active == SATSTAT_ACTIVE_UNSET, "%s with active %llu",
                   c->inputs.canonical, (unsigned long long)c->inputs.active);
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
    fuzz_msg_reset(msg);
    FUZZ_CHECK(satstat_config_validate(&r.config, NULL, msg, SATSTAT_ERRMSG_SIZE) == SATSTAT_OK,
               "the default config is invalid: %s", msg);
    satstat_options o;
    satstat_options_init(&o, SATSTAT_COMMAND_RUN, &r.config, NULL, NULL);

    for (field = buf; field < end; field += strlen(field) + 1) {
        char name[SATSTAT_NAME_MAX + 1];
        const char *eq, *value = NULL;
        size_t len;

        if (strncmp(field, "--", 2) != 0)
            continue;
        eq = strchr(field + 2, '=');
        len = eq != NULL ? (size_t)(eq - field - 2) : strlen(field + 2);
        if (len > SATSTAT_NAME_MAX)
            continue;
        memcpy(name, field + 2, len);
        name[len] = '\0';
        const satstat_option *opt = satstat_option_find(SATSTAT_COMMAND_RUN, name);
        int is_format = strcmp(name, "format") == 0;
        if (opt == NULL && !is_format)
            continue;
        if (eq != NULL) {
            value = eq + 1;
        } else if (is_format || opt->arg != NULL) {
            field += strlen(field) + 1; /* the value is the next field */
            if (field >= end)
                break;
            value = field;
        }
        /* a `file:` input is read only where fuzz_inputs_path_safe allows */
        satstat_inputs before = r.config.inputs;
        fuzz_msg_reset(msg);
        rc = is_format ? satstat_format_parse(value, &r.format, msg, SATSTAT_ERRMSG_SIZE)
                       : satstat_option_set(&o, name, value, msg, SATSTAT_ERRMSG_SIZE);
        FUZZ_CHECK(rc == SATSTAT_OK || rc == SATSTAT_EINVAL,
                   "--%s %s: status %d", name, fuzz_show(value ? value : ""), rc);
        if (rc != SATSTAT_OK) {
            fuzz_check_msg(name, msg, value);
            (void)set_raw(&r.config, name, value);
        } else if (r.config.inputs.kind == SATSTAT_INPUTS_FILE
                   && !fuzz_inputs_path_safe(r.config.inputs.path)) {
            r.config.inputs = before;
        }
    }

    fuzz_msg_reset(msg);
    rc = satstat_config_validate(&r.config, NULL, msg, SATSTAT_ERRMSG_SIZE);
    FUZZ_CHECK(rc == SATSTAT_OK || rc == SATSTAT_EINVAL,
               "validate returned %d", rc);
    if (rc == SATSTAT_OK) {
        satstat_config again = r.config;

        check_valid(&r.config);
        FUZZ_CHECK(satstat_config_validate(&again, NULL, NULL, 0) == SATSTAT_OK
                       && again.inputs.active == r.config.inputs.active,
                   "validating twice differs");
    } else {
        satstat_config again = r.config;
        fuzz_check_msg("satstat_config_validate", msg, NULL);
        FUZZ_CHECK(satstat_config_validate(&again, NULL, NULL, 0) == rc,
                   "validate depends on msg");
    }
    satstat_config_free(&r.config); /* `again` shares what it read */
    free(msg);
    free(buf);
    return 0;
}
