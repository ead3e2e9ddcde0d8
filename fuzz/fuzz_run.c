/* fuzz_run.c — whatever validation accepts runs to the end (issue 13).
 *
 * Input: the fields of fuzz_config.c (NUL-separated "--NAME=VALUE", or
 * "--NAME" with the value in the next field), read the way `satstat run`
 * reads its options: each value through the library parser the CLI uses,
 * over the CLI's ranges (--threshold sets the rule z:T, as the table of
 * options does, satstat/options.h).  A value the CLI would refuse (exit 2)
 * ends the input.
 *
 * Sizes are capped so that one input costs milliseconds, not the run a
 * user asked for: n_in and n_out at FUZZ_RUN_MAX_N (a file: input is
 * never read here: see fuzz_inputs_path_safe), samples at
 * FUZZ_RUN_MAX_SAMPLES, one thread.
 *
 * Invariants: satstat_config_validate() and _validate_layer() return OK or
 * EINVAL with a one-line message (the CLI's exit 2 before any work); on OK,
 * satstat_report_run() returns OK, analytic side only and with the
 * sampling and the tests (a runtime failure would be the CLI's exit 3:
 * "invalid argument", "numerical routine failed"), and the report writes
 * as text, JSON and CSV.  Under ASan + UBSan: no crash, no undefined
 * behaviour, no leak.
 */
#include "fuzz.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/activation.h>
#include <satstat/config.h>
#include <satstat/error.h>
#include <satstat/parse.h>
#include <satstat/report.h>
#include <satstat/scheme.h>

#define FUZZ_RUN_MAX_N UINT64_C(64)
#define FUZZ_RUN_MAX_SAMPLES UINT64_C(200)

typedef int (*setter)(satstat_config *c, const char *v, char *msg);

static int set_scheme(satstat_config *c, const char *v, char *msg)
{
    return satstat_scheme_parse_list(v, c->schemes, SATSTAT_MAX_SCHEMES,
                                     &c->n_schemes, msg);
}

static int set_n_in(satstat_config *c, const char *v, char *msg)
{
    return satstat_parse_u64(v, 1, SATSTAT_MAX_N_IN, &c->n_in, msg);
}

static int set_n_out(satstat_config *c, const char *v, char *msg)
{
    return satstat_parse_u64(v, 1, SATSTAT_MAX_N_IN, &c->n_out, msg);
}

static int set_active(satstat_config *c, const char *v, char *msg)
{
    int rc = satstat_parse_u64(v, 0, SATSTAT_MAX_N_IN, &c->inputs.active, msg);
    c->inputs.active_given = 1;
    return rc;
}

static int set_inputs(satstat_config *c, const char *v, char *msg)
{
    uint64_t active = c->inputs.active;
    int given = c->inputs.active_given;
    satstat_inputs in;
    int rc = satstat_inputs_parse(v, &in, msg);

    if (rc == SATSTAT_OK && in.kind == SATSTAT_INPUTS_FILE
        && !fuzz_inputs_path_safe(in.path))
        return SATSTAT_EINVAL; /* not read here: see fuzz_inputs_path_safe */
    if (rc == SATSTAT_OK) {
        c->inputs = in;
        c->inputs.active = active;
        c->inputs.active_given = given;
    }
    return rc;
}

static int set_bias(satstat_config *c, const char *v, char *msg)
{
    return satstat_bias_parse(v, &c->bias, msg);
}

static int set_activation(satstat_config *c, const char *v, char *msg)
{
    return satstat_activation_parse(v, &c->activation, msg);
}

static int set_positive(const char *v, double *out, char *msg)
{
    int rc = satstat_parse_double(v, out, msg);
    return rc == SATSTAT_OK && !(*out > 0.0) ? SATSTAT_EINVAL : rc;
}

static int set_threshold(satstat_config *c, const char *v, char *msg)
{
    int rc = set_positive(v, &c->threshold, msg);
    if (c->saturation.kind != SATSTAT_SATURATION_DEFAULT
        && c->saturation.kind != SATSTAT_SATURATION_Z)
        rc = SATSTAT_EINVAL; /* the CLI: conflicts with --saturation */
    c->saturation.kind = SATSTAT_SATURATION_Z;
    c->saturation.value = c->threshold;
    return rc;
}

static int set_saturation(satstat_config *c, const char *v, char *msg)
{
    satstat_saturation s;
    int rc = satstat_saturation_parse(v, &s, msg);
    if (rc != SATSTAT_OK)
        return rc;
    if (s.kind == SATSTAT_SATURATION_Z)
        c->threshold = s.value;
    c->saturation = s;
    return SATSTAT_OK;
}

static int set_gain(satstat_config *c, const char *v, char *msg)
{
    c->gain_given = 1;
    return satstat_gain_parse(v, &c->gain, msg);
}

static int set_mode(satstat_config *c, const char *v, char *msg)
{
    c->mode_given = 1;
    return satstat_fan_mode_parse(v, &c->mode, msg);
}

static int set_samples(satstat_config *c, const char *v, char *msg)
{
    return satstat_parse_u64(v, 1, SATSTAT_MAX_SAMPLES, &c->samples, msg);
}

static int set_seed(satstat_config *c, const char *v, char *msg)
{
    return satstat_parse_u64(v, 0, (UINT64_C(1) << 63) - 1, &c->seed, msg);
}

static int set_alpha(satstat_config *c, const char *v, char *msg)
{
    int rc = satstat_parse_double(v, &c->alpha, msg);
    return rc == SATSTAT_OK && !(c->alpha > 0.0 && c->alpha < 1.0)
               ? SATSTAT_EINVAL
               : rc;
}

static int set_expect_variance(satstat_config *c, const char *v, char *msg)
{
    c->has_claimed_variance = 1;
    return set_positive(v, &c->claimed_variance, msg);
}

static const struct option_row {
    const char *name;
    setter set;
} options[] = {
    {"scheme", set_scheme},         {"n-in", set_n_in},
    {"n-out", set_n_out},           {"active", set_active},
    {"inputs", set_inputs},         {"bias", set_bias},
    {"activation", set_activation}, {"threshold", set_threshold},
    {"saturation", set_saturation}, {"gain", set_gain},
    {"mode", set_mode},             {"samples", set_samples},
    {"seed", set_seed},             {"alpha", set_alpha},
    {"expect-variance", set_expect_variance},
};

static const struct option_row *find_option(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
        if (strlen(options[i].name) == len
            && strncmp(options[i].name, name, len) == 0)
            return &options[i];
    return NULL;
}

/* Read the fields into *c; 0 when one is refused (the CLI stops there). */
static int read_fields(char *buf, size_t size, satstat_config *c, char *msg)
{
    const char *end = buf + size;

    for (const char *field = buf; field < end; field += strlen(field) + 1) {
        const char *name, *eq, *value;
        const struct option_row *o;

        if (strncmp(field, "--", 2) != 0)
            continue;
        name = field + 2;
        eq = strchr(name, '=');
        o = find_option(name, eq ? (size_t)(eq - name) : strlen(name));
        if (o == NULL)
            continue;
        if (eq != NULL) {
            value = eq + 1;
        } else {
            field += strlen(field) + 1;
            if (field >= end)
                return 0;
            value = field;
        }
        fuzz_msg_reset(msg);
        if (o->set(c, value, msg) != SATSTAT_OK)
            return 0;
    }
    return 1;
}

static void write_all(const satstat_report *r, const satstat_config *c)
{
    static const satstat_format formats[] = {
        SATSTAT_FORMAT_TEXT, SATSTAT_FORMAT_JSON, SATSTAT_FORMAT_CSV};
    FILE *f = fopen("/dev/null", "w");
    FUZZ_CHECK(f != NULL, "cannot open /dev/null");
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        int rc = satstat_report_write(r, formats[i], f);
        FUZZ_CHECK(rc == SATSTAT_OK, "writing the report (format %zu) of %s, "
                   "bias %s, inputs %s: %s", i, c->schemes[0].canonical,
                   c->bias.canonical, c->inputs.canonical,
                   satstat_strerror(rc));
    }
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1), *msg = fuzz_msg_new();
    satstat_config c;
    int rc;

    FUZZ_CHECK(buf != NULL, "out of memory");
    if (size > 0)
        memcpy(buf, data, size);
    buf[size] = '\0';

    satstat_config_default(&c);
    if (read_fields(buf, size, &c, msg)) {
        if (c.n_in > FUZZ_RUN_MAX_N)
            c.n_in = FUZZ_RUN_MAX_N;
        if (c.n_out > FUZZ_RUN_MAX_N)
            c.n_out = FUZZ_RUN_MAX_N;
        if (c.samples > FUZZ_RUN_MAX_SAMPLES)
            c.samples = FUZZ_RUN_MAX_SAMPLES;
        c.threads = 1;

        fuzz_msg_reset(msg);
        rc = satstat_config_validate(&c, msg);
        if (rc == SATSTAT_OK) {
            fuzz_msg_reset(msg);
            rc = satstat_config_validate_layer(&c, msg);
        }
        FUZZ_CHECK(rc == SATSTAT_OK || rc == SATSTAT_EINVAL,
                   "validation returned %d", rc);
        if (rc != SATSTAT_OK) {
            fuzz_check_msg("validation", msg, NULL);
        } else {
            for (int analytic_only = 1; analytic_only >= 0; analytic_only--) {
                satstat_report *r = NULL;
                rc = satstat_report_run(&c, analytic_only, NULL, NULL, &r);
                FUZZ_CHECK(rc == SATSTAT_OK,
                           "accepted config fails at run time "
                           "(analytic_only %d): %s; first scheme %s, bias "
                           "%s, inputs %s, n_in %llu, threshold %g",
                           analytic_only, satstat_strerror(rc),
                           c.schemes[0].canonical, c.bias.canonical,
                           c.inputs.canonical, (unsigned long long)c.n_in,
                           c.threshold);
                write_all(r, &c);
                satstat_report_free(r);
            }
        }
    }
    satstat_config_free(&c);
    free(msg);
    free(buf);
    return 0;
}
