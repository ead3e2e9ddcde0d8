/* fuzz_scheme_list.c — satstat_scheme_parse_list().
 *
 * Input: a comma-separated scheme list, as typed after --scheme.
 * Invariants: EINVAL (one-line message) or OK with 1..max schemes whose
 * canonical specs are distinct, each equal to satstat_scheme_parse() of its
 * item; the canonical list (canonical specs joined by ',') parses back to
 * the same list.  The list is parsed with max = SATSTAT_MAX_SCHEMES and
 * again with smaller maxima, which must fail exactly when count > max.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/config.h>
#include <satstat/error.h>
#include <satstat/scheme.h>

static void check_list(const char *text, const satstat_scheme *list,
                       size_t count)
{
    satstat_scheme again[SATSTAT_MAX_SCHEMES], one;
    char joined[SATSTAT_MAX_SCHEMES * SATSTAT_SPEC_SIZE];
    const char *item = text;
    size_t i, j, n = 0, count2 = 99;
    char *msg = fuzz_msg_new();
    int rc;

    FUZZ_CHECK(count >= 1 && count <= SATSTAT_MAX_SCHEMES,
               "list %s gave %zu schemes", fuzz_show(text), count);
    (void)item;
    joined[0] = '\0';
    /* Items are not simply the comma-separated words of the text: a scheme
     * may carry comma-separated parameters (trunc-normal:0,1,-2,2).  Each
     * item's canonical spec must parse alone to the same scheme, and the
     * joined canonical specs must parse back to the same list. */
    for (i = 0; i < count; i++) {
        FUZZ_CHECK(satstat_scheme_parse(list[i].canonical, &one, NULL, 0) == SATSTAT_OK
                       && one.kind == list[i].kind
                       && one.param == list[i].param
                       && strcmp(one.canonical, list[i].canonical) == 0,
                   "item %zu %s of %s differs from its single parse", i,
                   list[i].canonical, fuzz_show(text));
        fuzz_check_spec(list[i].canonical);
        for (j = 0; j < i; j++)
            FUZZ_CHECK(strcmp(list[i].canonical, list[j].canonical) != 0,
                       "list %s holds %s twice", fuzz_show(text),
                       list[i].canonical);
        n += (size_t)snprintf(joined + n, sizeof joined - n, "%s%s",
                              i > 0 ? "," : "", list[i].canonical);
    }

    /* Round trip of the canonical list. */
    rc = satstat_scheme_parse_list(joined, again, SATSTAT_MAX_SCHEMES,
                                   &count2, msg, SATSTAT_ERRMSG_SIZE);
    FUZZ_CHECK(rc == SATSTAT_OK && count2 == count,
               "canonical list of %s does not parse back (%d, %zu): %s",
               fuzz_show(text), rc, count2, msg);
    for (i = 0; i < count; i++)
        FUZZ_CHECK(strcmp(again[i].canonical, list[i].canonical) == 0,
                   "canonical list of %s: item %zu re-parses as %s",
                   fuzz_show(text), i, again[i].canonical);
    free(msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    satstat_scheme list[SATSTAT_MAX_SCHEMES];
    char *text = fuzz_cstring(data, size), *msg;
    size_t count = 99, max;
    int rc;

    if (text == NULL)
        return 0;
    msg = fuzz_msg_new();
    rc = satstat_scheme_parse_list(text, list, SATSTAT_MAX_SCHEMES, &count,
                                   msg, SATSTAT_ERRMSG_SIZE);
    FUZZ_CHECK(rc == SATSTAT_OK || rc == SATSTAT_EINVAL,
               "parse_list(%s) returned %d", fuzz_show(text), rc);
    if (rc == SATSTAT_OK) {
        check_list(text, list, count);
    } else {
        FUZZ_CHECK(count == 0, "failed parse_list(%s) set count %zu",
                   fuzz_show(text), count);
        fuzz_check_msg("satstat_scheme_parse_list", msg, text);
    }

    /* Smaller maxima (0 included, with out == NULL). */
    for (max = 0; max < SATSTAT_MAX_SCHEMES && max <= count; max++) {
        size_t count_m = 99;
        int rc_m;

        fuzz_msg_reset(msg);
        rc_m = satstat_scheme_parse_list(text, max > 0 ? list : NULL, max,
                                         &count_m, msg, SATSTAT_ERRMSG_SIZE);
        if (rc == SATSTAT_OK) {
            FUZZ_CHECK((rc_m == SATSTAT_OK) == (count <= max),
                       "parse_list(%s) with max %zu returned %d (count %zu)",
                       fuzz_show(text), max, rc_m, count);
        } else {
            FUZZ_CHECK(rc_m == SATSTAT_EINVAL,
                       "parse_list(%s) with max %zu returned %d",
                       fuzz_show(text), max, rc_m);
        }
        if (rc_m != SATSTAT_OK) {
            FUZZ_CHECK(count_m == 0, "failed parse_list set count");
            fuzz_check_msg("satstat_scheme_parse_list (small max, SATSTAT_ERRMSG_SIZE)", msg,
                           text);
        }
        if (rc != SATSTAT_OK)
            break; /* one small max is enough for an invalid list */
    }

    /* Without a message buffer: the same verdict. */
    FUZZ_CHECK(satstat_scheme_parse_list(text, list, SATSTAT_MAX_SCHEMES,
                                         &count, NULL, 0) == rc,
               "parse_list(%s) depends on msg", fuzz_show(text));
    free(msg);
    free(text);
    return 0;
}
