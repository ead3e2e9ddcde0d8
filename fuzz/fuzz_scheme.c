/* fuzz_scheme.c — satstat_scheme_parse(), with satstat_scheme_weight_law()
 * and satstat_scheme_describe() on what it accepts.
 *
 * Input: one weight-scheme spec, as typed after --scheme (no list).
 * Invariants: EINVAL with a one-line message, or OK with a canonical spec
 * that parses back to the same scheme; standard/scaled take no parameter,
 * normal/uniform a finite positive one; the weight law is finite with
 * variance > 0 for any fan-in; the description fits SATSTAT_SPEC_SIZE.
 */
#include "fuzz.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/config.h>
#include <satstat/error.h>
#include <satstat/parse.h>
#include <satstat/scheme.h>

static void check_law(const satstat_scheme *s)
{
    static const uint64_t fan_in[] = {1, 2, 500, 1000, SATSTAT_MAX_N_IN};
    size_t i;

    for (i = 0; i < sizeof fan_in / sizeof fan_in[0]; i++) {
        satstat_law law;
        double mean, var;
        int rc = satstat_scheme_weight_law(s, fan_in[i], 100, &law);

        FUZZ_CHECK(rc == SATSTAT_OK, "weight law of %s failed: %d",
                   s->canonical, rc);
        mean = satstat_law_mean(&law);
        var = satstat_law_variance(&law);
        /* zero-mean laws, except a trunc-normal with a MEAN */
        FUZZ_CHECK(isfinite(mean) && (mean == 0.0 || s->kind == SATSTAT_SCHEME_TRUNC_NORMAL),
                   "weight mean of %s is %g", s->canonical, mean);
        FUZZ_CHECK(isfinite(var) && var > 0.0,
                   "weight variance of %s with n_in %llu is %g",
                   s->canonical, (unsigned long long)fan_in[i], var);
    }
}

static void check_describe(const satstat_scheme *s)
{
    char full[SATSTAT_SPEC_SIZE];
    size_t len, size;

    FUZZ_CHECK(satstat_scheme_describe(s, full, sizeof full) == SATSTAT_OK,
               "describe %s does not fit SATSTAT_SPEC_SIZE", s->canonical);
    len = strlen(full);
    FUZZ_CHECK(len > 0, "empty description of %s", s->canonical);
    /* A short buffer gets a NUL-terminated prefix and SATSTAT_ERANGE. */
    for (size = 1; size <= len + 1; size++) {
        char *buf = malloc(size);
        int rc;

        FUZZ_CHECK(buf != NULL, "out of memory");
        rc = satstat_scheme_describe(s, buf, size);
        FUZZ_CHECK(rc == (size <= len ? SATSTAT_ERANGE : SATSTAT_OK),
                   "describe %s into %zu bytes returned %d", s->canonical,
                   size, rc);
        FUZZ_CHECK(strlen(buf) == (size <= len ? size - 1 : len)
                       && strncmp(buf, full, strlen(buf)) == 0,
                   "describe %s into %zu bytes: not a prefix", s->canonical,
                   size);
        free(buf);
    }
}

static void check_scheme(const char *text, const satstat_scheme *s)
{
    satstat_scheme again;
    const char *colon;
    char *msg;
    int rc;

    fuzz_check_spec(s->canonical);
    colon = strchr(s->canonical, ':');
    switch (s->kind) {
    case SATSTAT_SCHEME_STANDARD:
    case SATSTAT_SCHEME_SCALED:
        FUZZ_CHECK(s->param == 0.0 && colon == NULL,
                   "parameterless %s has param %g", s->canonical, s->param);
        FUZZ_CHECK(fuzz_same_name(text, s->canonical),
                   "%s accepted as %s", fuzz_show(text), s->canonical);
        break;
    case SATSTAT_SCHEME_NORMAL:
    case SATSTAT_SCHEME_UNIFORM: {
        double x;
        FUZZ_CHECK(isfinite(s->param) && s->param > 0.0,
                   "%s has param %g", s->canonical, s->param);
        FUZZ_CHECK(colon != NULL
                       && strncmp(s->canonical,
                                  s->kind == SATSTAT_SCHEME_NORMAL ? "normal:"
                                                                   : "uniform:",
                                  (size_t)(colon - s->canonical) + 1) == 0,
                   "canonical %s does not match the kind", s->canonical);
        FUZZ_CHECK(satstat_parse_double(colon + 1, &x, NULL, 0) == SATSTAT_OK
                       && x == s->param,
                   "canonical %s does not hold the parameter %.17g",
                   s->canonical, s->param);
        break;
    }
    default:
        /* the framework schemes (xavier, he, lecun, variance-scaling,
         * trunc-normal, torch-linear, orthogonal): the round trip below
         * and the law checks cover them */
        break;
    }

    /* Round trip: the canonical spec is a fixed point. */
    msg = fuzz_msg_new();
    rc = satstat_scheme_parse(s->canonical, &again, msg, SATSTAT_ERRMSG_SIZE);
    FUZZ_CHECK(rc == SATSTAT_OK, "canonical %s of %s does not parse: %s",
               s->canonical, fuzz_show(text), msg);
    FUZZ_CHECK(again.kind == s->kind && again.param == s->param
                   && strcmp(again.canonical, s->canonical) == 0,
               "canonical %s re-parses as %s", s->canonical, again.canonical);
    free(msg);

    check_law(s);
    check_describe(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstring(data, size), *msg;
    satstat_scheme s, quiet;
    int rc;

    if (text == NULL)
        return 0;
    msg = fuzz_msg_new();
    rc = satstat_scheme_parse(text, &s, msg, SATSTAT_ERRMSG_SIZE);
    FUZZ_CHECK(rc == SATSTAT_OK || rc == SATSTAT_EINVAL,
               "scheme_parse(%s) returned %d", fuzz_show(text), rc);
    /* Without a message buffer: the same verdict. */
    FUZZ_CHECK(satstat_scheme_parse(text, &quiet, NULL, 0) == rc,
               "scheme_parse(%s) depends on msg", fuzz_show(text));
    if (rc == SATSTAT_OK)
        check_scheme(text, &s);
    else
        fuzz_check_msg("satstat_scheme_parse", msg, text);
    free(msg);
    free(text);
    return 0;
}
