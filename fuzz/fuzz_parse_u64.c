/* fuzz_parse_u64.c — satstat_parse_u64().
 *
 * Input: a whole number as typed after --n-in, --samples, --seed, ...
 * The text is parsed against a table of [min, max] ranges: the full
 * uint64_t range, the option ranges of the CLI, a one-value range and an
 * empty one (min > max).
 * Invariants: EINVAL with a one-line message, or OK with min ≤ value ≤
 * max; every range agrees with the full-range parse (OK exactly when that
 * value lies in the range, and then the same value); an accepted text is
 * also a decimal number for satstat_parse_double(), whose value is the
 * correctly rounded (double)value; a plain digit string agrees with
 * strtoull().
 */
#include "fuzz.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/config.h>
#include <satstat/error.h>
#include <satstat/parse.h>

typedef struct range {
    uint64_t min, max;
} range;

static const range ranges[] = {
    {0, UINT64_MAX},
    {1, SATSTAT_MAX_N_IN},            /* --n-in, --n-out */
    {0, SATSTAT_MAX_N_IN},            /* --active        */
    {1, SATSTAT_MAX_SAMPLES},         /* --samples       */
    {0, (UINT64_C(1) << 63) - 1},     /* --seed          */
    {1, SATSTAT_MAX_THREADS},         /* --threads       */
    {UINT64_MAX, UINT64_MAX},
    {7, 7},
    {10, 3},                          /* empty           */
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstring(data, size), *msg;
    uint64_t full = 0;
    int rc_full;
    size_t i;

    if (text == NULL)
        return 0;
    msg = fuzz_msg_new();
    rc_full = satstat_parse_u64(text, 0, UINT64_MAX, &full, msg, SATSTAT_ERRMSG_SIZE);
    FUZZ_CHECK(rc_full == SATSTAT_OK || rc_full == SATSTAT_EINVAL,
               "parse_u64(%s) returned %d", fuzz_show(text), rc_full);
    if (rc_full != SATSTAT_OK)
        fuzz_check_msg("satstat_parse_u64", msg, text);

    for (i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        const range *r = &ranges[i];
        uint64_t v = 0;
        int rc, expect_ok;

        fuzz_msg_reset(msg);
        rc = satstat_parse_u64(text, r->min, r->max, &v, msg, SATSTAT_ERRMSG_SIZE);
        expect_ok = rc_full == SATSTAT_OK && full >= r->min && full <= r->max;
        FUZZ_CHECK(rc == (expect_ok ? SATSTAT_OK : SATSTAT_EINVAL),
                   "parse_u64(%s) in [%llu, %llu] returned %d (full-range "
                   "parse: %d, %llu)",
                   fuzz_show(text), (unsigned long long)r->min,
                   (unsigned long long)r->max, rc, rc_full,
                   (unsigned long long)full);
        if (rc == SATSTAT_OK)
            FUZZ_CHECK(v >= r->min && v <= r->max && v == full,
                       "parse_u64(%s) in [%llu, %llu] = %llu",
                       fuzz_show(text), (unsigned long long)r->min,
                       (unsigned long long)r->max, (unsigned long long)v);
        else
            fuzz_check_msg("satstat_parse_u64 (range, SATSTAT_ERRMSG_SIZE)", msg, text);
        FUZZ_CHECK(satstat_parse_u64(text, r->min, r->max, NULL, NULL, 0) == rc,
                   "parse_u64(%s) depends on out/msg", fuzz_show(text));
    }

    if (rc_full == SATSTAT_OK) {
        double d = -1.0;
        const char *p = text;

        FUZZ_CHECK(satstat_parse_double(text, &d, NULL, 0) == SATSTAT_OK
                       && d == (double)full,
                   "parse_u64(%s) = %llu but parse_double gives %.17g",
                   fuzz_show(text), (unsigned long long)full, d);
        while (*p >= '0' && *p <= '9')
            p++;
        if (*p == '\0') {
            char *end;
            unsigned long long ref;
            errno = 0;
            ref = strtoull(text, &end, 10);
            FUZZ_CHECK(errno == 0 && *end == '\0' && ref == full,
                       "parse_u64(%s) = %llu, strtoull = %llu",
                       fuzz_show(text), (unsigned long long)full, ref);
        }
    }
    free(msg);
    free(text);
    return 0;
}
