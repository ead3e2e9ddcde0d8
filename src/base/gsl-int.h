/* gsl-int.h — GSL inside the library.
 *
 * GSL's default error handler calls abort(); a library must return errors
 * instead.  Every entry point that reaches GSL calls satstat__gsl_quiet()
 * first, which switches the handler off once per process (pthread_once, so
 * concurrent callers do not race on GSL's global), and then checks every
 * status and every result with isfinite(). */
#ifndef SATSTAT_GSL_INT_H
#define SATSTAT_GSL_INT_H

/* Internal to the library: not exported from the shared object. */

void satstat__gsl_quiet(void);


#endif
