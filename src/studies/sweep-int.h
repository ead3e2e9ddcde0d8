/* sweep-int.h — what a sweep's figures (sweep_plot.c) read of a sweep
 * (sweep.c): its points, the numbers of each (point, scheme) and the grid
 * of a formula curve.  Private to the library. */
#ifndef SATSTAT_SWEEP_INT_H
#define SATSTAT_SWEEP_INT_H

#include <stddef.h>
#include <stdint.h>

#include <satstat/sweep.h>

/* Internal to the library: not exported from the shared object. */

struct satstat_sweep {
    satstat_config base;
    satstat_sweep_spec spec;
    int analytic_only;
    size_t varied;          /* sigma: the index of the normal: scheme */
    size_t n;               /* points                                 */
    double *values;         /* the parameter at each point            */
    satstat_config *configs;
    satstat_report **reports;
    char series[SATSTAT_MAX_SCHEMES][SATSTAT_SPEC_SIZE];
    int gain_series[SATSTAT_MAX_SCHEMES]; /* gain sweep: named "...:GAIN" */
    const char *const *names; /* how messages spell the fields (config-int.h) */
};

/* One number of a (point, scheme): formula, sampled value, interval. */
typedef struct satstat__sweep_quantity {
    double analytic, sampled, lo, hi;
} satstat__sweep_quantity;

/* The numbers of one (point, scheme), read from the run report's model
 * (satstat/model.h) like every writer's. */
typedef struct satstat__sweep_cell {
    int sampled;
    uint64_t n;
    double weight_variance;
    satstat__sweep_quantity mean, var, sat, dphi, skewness, kurtosis;
    double saturated_count;
    double claimed_variance, claimed_sat, claimed_dphi;
} satstat__sweep_cell;

/* The grid of a spec (repeats after rounding left out): at most cap values. */
size_t satstat__sweep_grid(const satstat_sweep_spec *spec, double *v, size_t cap);
/* The config of the sweep at parameter value x, and the value it takes
 * effect at (*effective). */
int satstat__sweep_point_config(const satstat_sweep *s, double x, satstat_config *c,
                                double *effective);
/* Every point has run. */
int satstat__sweep_ran(const satstat_sweep *s);
/* The numbers of scheme i of a point's report, from its model. */
void satstat__sweep_cell_of(const satstat_report *r, size_t i, satstat__sweep_cell *c);


#endif
