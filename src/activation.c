/* activation.c — the activation table (satstat/activation.h).
 *
 * Each φ and φ' is written so that no intermediate overflows or cancels
 * for large |z|: only exp(−|z|) (or exp(−2|z|)) is ever formed, which lies
 * in (0, 1] and underflows harmlessly to 0, so φ'(±800) is 0, never NaN.
 */
#include <satstat/activation.h>

#include <math.h>
#include <string.h>

/* σ(z) = 1/(1 + e^{−z}).  For z < 0 the same value as e^{z}/(1 + e^{z}),
 * which keeps e^{z} ≤ 1 and gives full relative accuracy as σ → 0. */
static double sigmoid(double z)
{
    double e;

    if (z >= 0.0)
        return 1.0 / (1.0 + exp(-z));
    e = exp(z);
    return e / (1.0 + e);
}

/* σ'(z) = σ(z)(1 − σ(z)) = e^{−|z|}/(1 + e^{−|z|})², even in z.  The
 * product form would cancel in 1 − σ(z) for large z (σ rounds to 1). */
static double sigmoid_d(double z)
{
    double e = exp(-fabs(z)), d = 1.0 + e;

    return e / (d * d);
}

/* tanh'(z) = 1 − tanh²(z) = sech²(z) = 4e^{−2|z|}/(1 + e^{−2|z|})²; the
 * 1 − tanh² form cancels to 0 long before sech² underflows. */
static double tanh_d(double z)
{
    double e = exp(-2.0 * fabs(z)), d = 1.0 + e;

    return 4.0 * e / (d * d);
}

static double tanh_phi(double z)
{
    return tanh(z);
}

static const satstat_activation table[] = {
    {"sigmoid", sigmoid, sigmoid_d, 0.25,
     "|z| \xE2\x89\xA5 T: \xCF\x83(z) within 1/(1+e^T) of 0 or 1"},
    {"tanh", tanh_phi, tanh_d, 1.0,
     "|z| \xE2\x89\xA5 T: tanh(z) within 2/(1+e^{2T}) of -1 or 1"},
};

const satstat_activation *satstat_activation_find(const char *name)
{
    size_t i;

    if (name == NULL)
        return NULL;
    for (i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    }
    return NULL;
}

const satstat_activation *satstat_activation_table(size_t *count)
{
    if (count != NULL)
        *count = sizeof table / sizeof table[0];
    return table;
}
