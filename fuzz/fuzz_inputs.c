/* fuzz_inputs.c — satstat_inputs_parse() and satstat_inputs_resolve().
 *
 * Input: one input-model spec, as typed after --inputs.
 * Invariants: EINVAL with a one-line message, or OK with a canonical spec
 * that parses back to the same model, active = SATSTAT_ACTIVE_UNSET, and
 * 0 ≤ p ≤ 1 for bernoulli.  Then satstat_inputs_resolve() against a table
 * of (n_in, --active) cases, edge values included: `half` takes n_in/2
 * without --active and K when 0 ≤ K ≤ n_in, rejects K > n_in; `ones` and
 * `bernoulli` reject any --active; an error has a one-line message; the
 * derived sums are finite and within [0, n_in].  A `file:` spec is read
 * only for /dev/null and /dev/zero (fuzz_inputs_path_safe): refused but
 * for n_in 0 and /dev/null (no numbers, as many as n_in).
 */
#include "fuzz.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/config.h>
#include <satstat/error.h>
#include <satstat/scheme.h>

typedef struct resolve_case {
    uint64_t n_in;
    int given;
    uint64_t active;
} resolve_case;

static const resolve_case cases[] = {
    {0, 0, 0},
    {1, 0, 0},
    {1000, 0, 0},
    {1001, 0, 0},
    {UINT64_MAX, 0, 0},
    {0, 1, 0},
    {0, 1, 1},
    {1000, 1, 0},
    {1000, 1, 500},
    {1000, 1, 1000},
    {1000, 1, 1001},
    {SATSTAT_MAX_N_IN, 1, SATSTAT_MAX_N_IN},
    /* UINT64_MAX is SATSTAT_ACTIVE_UNSET: the largest count is one less */
    {SATSTAT_MAX_N_IN, 1, UINT64_MAX - 1},
    {UINT64_MAX, 1, UINT64_MAX - 1},
};

static void check_resolve(const satstat_inputs *parsed, char *msg)
{
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const resolve_case *c = &cases[i];
        satstat_inputs in = *parsed;
        int expect_ok, rc;

        in.active = c->given ? c->active : SATSTAT_ACTIVE_UNSET;
        if (in.kind == SATSTAT_INPUTS_FILE && !fuzz_inputs_path_safe(in.path))
            return; /* not read here: see fuzz_inputs_path_safe */
        if (in.kind == SATSTAT_INPUTS_FILE) /* /dev/zero: NUL bytes */
            expect_ok = !c->given && c->n_in == 0
                        && strcmp(in.path, "/dev/null") == 0;
        else if (in.kind != SATSTAT_INPUTS_HALF)
            expect_ok = !c->given;
        else
            expect_ok = !c->given || c->active <= c->n_in;
        fuzz_msg_reset(msg);
        rc = satstat_inputs_resolve(&in, c->n_in, msg, SATSTAT_ERRMSG_SIZE);
        FUZZ_CHECK(rc == (expect_ok ? SATSTAT_OK : SATSTAT_EINVAL),
                   "resolve %s, n_in %llu, active %llu (given %d): %d",
                   parsed->canonical, (unsigned long long)c->n_in,
                   (unsigned long long)c->active, c->given, rc);
        if (rc != SATSTAT_OK) {
            fuzz_check_msg("satstat_inputs_resolve", msg, NULL);
            continue;
        }
        if (in.kind == SATSTAT_INPUTS_HALF)
            FUZZ_CHECK(satstat_inputs_support(&in, c->n_in)
                           == (c->given ? c->active : c->n_in / 2),
                       "resolve half: active %llu",
                       (unsigned long long)satstat_inputs_support(&in, c->n_in));
        else
            FUZZ_CHECK(in.active == SATSTAT_ACTIVE_UNSET, "resolve %s: active %llu",
                       in.canonical, (unsigned long long)in.active);
        {
            double sum = satstat_inputs_sum(&in, c->n_in);
            double sum_sq = satstat_inputs_sum_sq(&in, c->n_in);
            uint64_t support = satstat_inputs_support(&in, c->n_in);

            /* 0/1 inputs bound both sums by n_in; for normal, uniform and
             * file inputs n_in·E[x²] may overflow at the absurd n_in used
             * here (up to 2^64; satstat_config_validate refuses a Var z
             * that is not finite): never NaN, never negative */
            int zero_one = in.kind == SATSTAT_INPUTS_HALF || in.kind == SATSTAT_INPUTS_ONES
                           || in.kind == SATSTAT_INPUTS_BERNOULLI;
            FUZZ_CHECK(!isnan(sum) && !isnan(sum_sq) && sum_sq >= 0.0
                           && (!zero_one || (isfinite(sum) && isfinite(sum_sq)
                                             && sum >= 0.0 && sum <= (double)c->n_in
                                             && sum_sq <= (double)c->n_in)),
                       "%s with n_in %llu: sum %g, sum_sq %g", in.canonical,
                       (unsigned long long)c->n_in, sum, sum_sq);
            FUZZ_CHECK(support <= c->n_in, "%s: support %llu > n_in",
                       in.canonical, (unsigned long long)support);
            FUZZ_CHECK(satstat_inputs_is_random(&in)
                           == (in.kind == SATSTAT_INPUTS_BERNOULLI
                               || in.kind == SATSTAT_INPUTS_NORMAL
                               || in.kind == SATSTAT_INPUTS_UNIFORM),
                       "%s: is_random is wrong", in.canonical);
        }
        satstat_inputs_free(&in);
    }
}

static void check_inputs(const char *text, const satstat_inputs *in,
                         char *msg)
{
    satstat_inputs again;
    int rc;

    fuzz_check_spec(in->canonical);
    FUZZ_CHECK(in->active == SATSTAT_ACTIVE_UNSET, "parse(%s) left active %llu",
               fuzz_show(text), (unsigned long long)in->active);
    switch (in->kind) {
    case SATSTAT_INPUTS_HALF:
    case SATSTAT_INPUTS_ONES:
        FUZZ_CHECK(fuzz_same_name(text, in->canonical),
                   "%s accepted as %s", fuzz_show(text), in->canonical);
        break;
    case SATSTAT_INPUTS_BERNOULLI:
        FUZZ_CHECK(isfinite(in->p) && in->p >= 0.0 && in->p <= 1.0,
                   "%s: p = %g", in->canonical, in->p);
        FUZZ_CHECK(strncmp(in->canonical, "bernoulli:", 10) == 0,
                   "bernoulli with canonical %s", in->canonical);
        break;
    default:
        /* normal:S, uniform:A,B, file:PATH: the round trip below */
        break;
    }

    fuzz_msg_reset(msg);
    rc = satstat_inputs_parse(in->canonical, &again, msg, SATSTAT_ERRMSG_SIZE);
    FUZZ_CHECK(rc == SATSTAT_OK, "canonical %s of %s does not parse: %s",
               in->canonical, fuzz_show(text), msg);
    FUZZ_CHECK(again.kind == in->kind && again.p == in->p
                   && strcmp(again.canonical, in->canonical) == 0,
               "canonical %s re-parses as %s", in->canonical,
               again.canonical);

    check_resolve(in, msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstring(data, size), *msg;
    satstat_inputs in, quiet;
    int rc;

    if (text == NULL)
        return 0;
    msg = fuzz_msg_new();
    /* The parse must write every field, whatever was there before. */
    memset(&in, 0xA5, sizeof in);
    rc = satstat_inputs_parse(text, &in, msg, SATSTAT_ERRMSG_SIZE);
    FUZZ_CHECK(rc == SATSTAT_OK || rc == SATSTAT_EINVAL,
               "inputs_parse(%s) returned %d", fuzz_show(text), rc);
    FUZZ_CHECK(satstat_inputs_parse(text, &quiet, NULL, 0) == rc,
               "inputs_parse(%s) depends on msg", fuzz_show(text));
    if (rc == SATSTAT_OK)
        check_inputs(text, &in, msg);
    else
        fuzz_check_msg("satstat_inputs_parse", msg, text);
    free(msg);
    free(text);
    return 0;
}
