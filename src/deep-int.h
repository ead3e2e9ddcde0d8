/* deep-int.h — what the deep modules share inside the library. */
#ifndef SATSTAT_DEEP_INT_H
#define SATSTAT_DEEP_INT_H

#include <satstat/deep.h>

/* satstat_deep_depth_scales with the quadrature's node count chosen:
 * coarse = 0 the full rule (32 Gauss–Legendre nodes a piece), 1 a 10-node
 * rule for the phase diagram's ξ_c map, where a figure's colour needs far
 * fewer digits than the 1e-12 of the report (deep_corr.c). */
int satstat__deep_depth_scales(const satstat_activation *act, double sw2_fan_in, double mu_b,
                               double sigma_b2, const satstat_deep_fixed_point *fp, int coarse,
                               satstat_deep_depth *out);

#endif
