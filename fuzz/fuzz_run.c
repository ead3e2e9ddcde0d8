/* fuzz_run.c — whatever validation accepts runs to the end (issue 13).
 *
 * Input: the fields of fuzz_config.c (NUL-separated "--NAME=VALUE", or
 * "--NAME" with the value in the next field), read the way `satstat run`
 * reads its options: through the library's table of options
 * (satstat_option_set, satstat/options.h), the very setters, ranges and
 * cross-option rules of the CLI.  A value the CLI would refuse (exit 2)
 * ends the input.
 *
 * Sizes are capped so that one input costs milliseconds, not the run a
 * user asked for: n_in and n_out at FUZZ_RUN_MAX_N (a file: input is
 * never read here: see fuzz_inputs_path_safe), samples at
 * FUZZ_RUN_MAX_SAMPLES, one thread.
 *
 * Invariants: satstat_options_finish() (satstat_config_validate() and
 * _validate_layer()) returns OK or
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
#include <satstat/options.h>
#include <satstat/parse.h>
#include <satstat/report.h>
#include <satstat/scheme.h>

#define FUZZ_RUN_MAX_N UINT64_C(64)
#define FUZZ_RUN_MAX_SAMPLES UINT64_C(200)

/* Read the fields into *c through the library's table of options
 * (satstat_option_set, as `satstat run` reads its command line); fields
 * that are no option of run are skipped.  0 when a value is refused (the
 * CLI stops there, exit 2) or a `file:` input names a path not to read
 * here (fuzz_inputs_path_safe). */
static int read_fields(char *buf, size_t size, satstat_options *o)
{
    char msg[SATSTAT_OPTION_MSG_SIZE], name[SATSTAT_NAME_MAX + 1];
    const char *end = buf + size;

    for (const char *field = buf; field < end; field += strlen(field) + 1) {
        const char *eq, *value = NULL;
        size_t len;

        if (strncmp(field, "--", 2) != 0)
            continue;
        eq = strchr(field + 2, '=');
        len = eq ? (size_t)(eq - field - 2) : strlen(field + 2);
        if (len > SATSTAT_NAME_MAX)
            continue;
        memcpy(name, field + 2, len);
        name[len] = '\0';
        const satstat_option *opt = satstat_option_find(o->command, name);
        if (opt == NULL)
            continue;
        if (eq != NULL) {
            value = eq + 1;
        } else if (opt->arg != NULL) {
            field += strlen(field) + 1;
            if (field >= end)
                return 0;
            value = field;
        }
        if (satstat_option_set(o, name, value, msg, sizeof msg) != SATSTAT_OK)
            return 0;
        if (o->config->inputs.kind == SATSTAT_INPUTS_FILE
            && !fuzz_inputs_path_safe(o->config->inputs.path))
            return 0; /* not read here: see fuzz_inputs_path_safe */
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
    satstat_options o;
    satstat_options_init(&o, SATSTAT_COMMAND_RUN, &c, NULL, NULL);
    if (read_fields(buf, size, &o)) {
        if (c.n_in > FUZZ_RUN_MAX_N)
            c.n_in = FUZZ_RUN_MAX_N;
        if (c.n_out > FUZZ_RUN_MAX_N)
            c.n_out = FUZZ_RUN_MAX_N;
        if (c.samples > FUZZ_RUN_MAX_SAMPLES)
            c.samples = FUZZ_RUN_MAX_SAMPLES;
        c.threads = 1;

        /* the checks the CLI does before any work: satstat_config_validate
         * and _validate_layer */
        fuzz_msg_reset(msg);
        rc = satstat_options_finish(&o, msg, SATSTAT_ERRMSG_SIZE);
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
