/* satstat/parse.h — strict number parsing for options and specs.
 *
 * glibc's strto* accept "", leading blanks, "nan", "inf", hex floats and
 * (for unsigned types) a leading '-'.  These wrappers accept a value only
 * when the whole string is consumed and the value is in range, and explain
 * a rejection in `msg` (SATSTAT_ERRMSG_SIZE bytes, may be NULL).
 */
#ifndef SATSTAT_PARSE_H
#define SATSTAT_PARSE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A finite double (decimal or scientific notation; no nan/inf, no hex). */
int satstat_parse_double(const char *text, double *out, char *msg);

/* A whole number in [min, max].  Scientific notation is accepted when it
 * denotes an integer exactly ("1e6"), since users type sample counts so. */
int satstat_parse_u64(const char *text, uint64_t min, uint64_t max,
                      uint64_t *out, char *msg);

#ifdef __cplusplus
}
#endif
#endif
