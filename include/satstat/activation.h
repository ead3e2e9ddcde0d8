/* satstat/activation.h — activation functions as table entries.
 *
 * Each activation is one row: φ, φ', the supremum of φ' and what
 * "saturated" means for it.  Adding an activation means adding a row, not
 * an if-chain anywhere else.
 */
#ifndef SATSTAT_ACTIVATION_H
#define SATSTAT_ACTIVATION_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct satstat_activation {
    const char *name;          /* "sigmoid", "tanh"                        */
    double (*phi)(double z);   /* φ(z)                                     */
    double (*dphi)(double z);  /* φ'(z)                                    */
    double dphi_max;           /* sup_z φ'(z): 1/4 for σ, 1 for tanh       */
    const char *saturation;    /* what |z| ≥ T means for it, for reports   */
} satstat_activation;

/* The row named `name`, or NULL. */
const satstat_activation *satstat_activation_find(const char *name);

/* The whole table; *count gets its length. */
const satstat_activation *satstat_activation_table(size_t *count);

#ifdef __cplusplus
}
#endif
#endif
