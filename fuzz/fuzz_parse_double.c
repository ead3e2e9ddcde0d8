/* fuzz_parse_double.c — satstat_parse_double() and, on what it accepts,
 * satstat_format_double().
 *
 * Input: a number as typed after --threshold, --alpha, --expect-variance.
 * Invariants: EINVAL with a one-line message, or OK with a finite value
 * that is exactly strtod()'s in the "C" locale, from a text made only of
 * the characters of a decimal number; satstat_format_double() of the value
 * fits SATSTAT_DOUBLE_SIZE and parses back to the same bits (also through a
 * too-small buffer: a NUL-terminated prefix and SATSTAT_ERANGE).
 */
#include "fuzz.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/error.h>
#include <satstat/parse.h>

static void check_format(const char *text, double v)
{
    char full[SATSTAT_DOUBLE_SIZE];
    double back = 0.0;
    size_t len, size;

    FUZZ_CHECK(satstat_format_double(v, full, sizeof full) == SATSTAT_OK,
               "format_double(%.17g) does not fit", v);
    len = strlen(full);
    FUZZ_CHECK(satstat_parse_double(full, &back, NULL, 0) == SATSTAT_OK
                   && memcmp(&back, &v, sizeof v) == 0,
               "%s -> %.17g formats as %s, which reads back as %.17g",
               fuzz_show(text), v, full, back);
    for (size = 1; size <= len; size++) {
        char *buf = malloc(size);
        FUZZ_CHECK(buf != NULL, "out of memory");
        FUZZ_CHECK(satstat_format_double(v, buf, size) == SATSTAT_ERANGE
                       && strlen(buf) == size - 1
                       && strncmp(buf, full, size - 1) == 0,
                   "format_double(%.17g) into %zu bytes", v, size);
        free(buf);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstring(data, size), *msg;
    double v = 0.0, quiet;
    const char *p;
    int rc;

    if (text == NULL)
        return 0;
    msg = fuzz_msg_new();
    rc = satstat_parse_double(text, &v, msg, SATSTAT_ERRMSG_SIZE);
    FUZZ_CHECK(rc == SATSTAT_OK || rc == SATSTAT_EINVAL,
               "parse_double(%s) returned %d", fuzz_show(text), rc);
    FUZZ_CHECK(satstat_parse_double(text, &quiet, NULL, 0) == rc,
               "parse_double(%s) depends on msg", fuzz_show(text));
    FUZZ_CHECK(satstat_parse_double(text, NULL, NULL, 0) == rc,
               "parse_double(%s) depends on out", fuzz_show(text));
    if (rc == SATSTAT_OK) {
        char *end;
        double ref;

        FUZZ_CHECK(isfinite(v), "parse_double(%s) = %g", fuzz_show(text), v);
        for (p = text; *p != '\0'; p++)
            FUZZ_CHECK(strchr("0123456789+-.eE", *p) != NULL,
                       "parse_double accepted %s", fuzz_show(text));
        /* The harness runs in the "C" locale (no setlocale call). */
        ref = strtod(text, &end);
        FUZZ_CHECK(*end == '\0' && memcmp(&ref, &v, sizeof v) == 0,
                   "parse_double(%s) = %.17g, strtod = %.17g",
                   fuzz_show(text), v, ref);
        check_format(text, v);
    } else {
        fuzz_check_msg("satstat_parse_double", msg, text);
    }
    free(msg);
    free(text);
    return 0;
}
