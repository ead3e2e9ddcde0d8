/* fuzz_activation.c — satstat_activation_find().
 *
 * Input: an activation name, as typed after --activation.
 * Invariants: NULL, or a row of satstat_activation_table() whose name is
 * exactly the text (no prefix, case or blank slack); the row's φ and φ'
 * are finite at a few points, with |φ'| ≤ dphi_max (gelu's φ' dips below 0).
 */
#include "fuzz.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/activation.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const double z[] = {-800.0, -4.0, -1e-300, -0.0, 0.0,
                               1e-300, 1.0,  4.0,     800.0};
    char *text = fuzz_cstring(data, size);
    const satstat_activation *a, *table;
    size_t n, i, found = 0;

    if (text == NULL)
        return 0;
    table = satstat_activation_table(&n);
    FUZZ_CHECK(table != NULL && n > 0, "empty activation table");
    for (i = 0; i < n; i++)
        if (strcmp(table[i].name, text) == 0)
            found++;
    FUZZ_CHECK(found <= 1, "%s is in the table %zu times", fuzz_show(text),
               found);

    a = satstat_activation_find(text);
    if (a == NULL) {
        FUZZ_CHECK(found == 0, "%s is in the table but not found",
                   fuzz_show(text));
    } else {
        FUZZ_CHECK(a >= table && a < table + n, "find(%s) is not a row",
                   fuzz_show(text));
        FUZZ_CHECK(strcmp(a->name, text) == 0, "find(%s) returned %s",
                   fuzz_show(text), a->name);
        FUZZ_CHECK(a->phi != NULL && a->dphi != NULL && a->saturation != NULL
                       && isfinite(a->dphi_max) && a->dphi_max > 0.0,
                   "row %s is incomplete", a->name);
        for (i = 0; i < sizeof z / sizeof z[0]; i++) {
            double phi = a->phi(z[i]), dphi = a->dphi(z[i]);
            FUZZ_CHECK(isfinite(phi) && isfinite(dphi)
                           && fabs(dphi) <= a->dphi_max,
                       "%s at %g: phi %g, dphi %g", a->name, z[i], phi,
                       dphi);
        }
    }
    free(text);
    return 0;
}
