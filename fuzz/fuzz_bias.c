/* fuzz_bias.c — satstat_bias_parse().
 *
 * Input: one bias spec, as typed after --bias.
 * Invariants: EINVAL with a one-line message, or OK with a canonical spec
 * that parses back to the same law; the law's mean and variance are
 * finite; normal and uniform laws have variance > 0 (their parameter is a
 * positive scale), `zero` and `const` a variance of 0.
 */
#include "fuzz.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/error.h>
#include <satstat/parse.h>
#include <satstat/scheme.h>

static void check_bias(const char *text, const satstat_bias *b)
{
    const satstat_law *law = &b->law;
    double mean = satstat_law_mean(law), var = satstat_law_variance(law);
    satstat_bias again;
    char *msg;
    int rc;

    fuzz_check_spec(b->canonical);
    FUZZ_CHECK(isfinite(law->a) && isfinite(law->b),
               "bias %s has law (%g, %g)", b->canonical, law->a, law->b);
    FUZZ_CHECK(isfinite(mean) && isfinite(var) && var >= 0.0,
               "bias %s has mean %g, variance %g", b->canonical, mean, var);
    switch (law->family) {
    case SATSTAT_FAMILY_CONSTANT:
        FUZZ_CHECK(var == 0.0 && mean == law->a,
                   "constant bias %s: mean %g variance %g", b->canonical,
                   mean, var);
        FUZZ_CHECK(strncmp(b->canonical, "const:", 6) == 0
                       || strcmp(b->canonical, "zero") == 0,
                   "constant bias with canonical %s", b->canonical);
        break;
    case SATSTAT_FAMILY_NORMAL:
        FUZZ_CHECK(law->a == 0.0 && law->b > 0.0,
                   "normal bias %s: N(%g, %g²)", b->canonical, law->a,
                   law->b);
        FUZZ_CHECK(var > 0.0, "normal bias %s: variance %g", b->canonical,
                   var);
        break;
    case SATSTAT_FAMILY_UNIFORM:
        FUZZ_CHECK(law->a < law->b && law->a == -law->b && mean == 0.0,
                   "uniform bias %s: U(%g, %g)", b->canonical, law->a,
                   law->b);
        /* regressions/bias/uniform-variance-underflow: a tiny A once
         * gave a variance that underflowed to 0 */
        FUZZ_CHECK(var > 0.0,
                   "uniform bias %s: variance %g", b->canonical, var);
        break;
    default:
        FUZZ_CHECK(0, "bias %s has family %d", b->canonical,
                   (int)law->family);
    }
    if (strcmp(b->canonical, "zero") == 0)
        FUZZ_CHECK(fuzz_same_name(text, "zero") && law->a == 0.0,
                   "%s accepted as zero", fuzz_show(text));

    msg = fuzz_msg_new();
    rc = satstat_bias_parse(b->canonical, &again, msg, SATSTAT_ERRMSG_SIZE);
    FUZZ_CHECK(rc == SATSTAT_OK, "canonical %s of %s does not parse: %s",
               b->canonical, fuzz_show(text), msg);
    FUZZ_CHECK(again.law.family == law->family && again.law.a == law->a
                   && again.law.b == law->b
                   && strcmp(again.canonical, b->canonical) == 0,
               "canonical %s re-parses as %s", b->canonical, again.canonical);
    free(msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstring(data, size), *msg;
    satstat_bias b, quiet;
    int rc;

    if (text == NULL)
        return 0;
    msg = fuzz_msg_new();
    rc = satstat_bias_parse(text, &b, msg, SATSTAT_ERRMSG_SIZE);
    FUZZ_CHECK(rc == SATSTAT_OK || rc == SATSTAT_EINVAL,
               "bias_parse(%s) returned %d", fuzz_show(text), rc);
    FUZZ_CHECK(satstat_bias_parse(text, &quiet, NULL, 0) == rc,
               "bias_parse(%s) depends on msg", fuzz_show(text));
    if (rc == SATSTAT_OK)
        check_bias(text, &b);
    else
        fuzz_check_msg("satstat_bias_parse", msg, text);
    free(msg);
    free(text);
    return 0;
}
