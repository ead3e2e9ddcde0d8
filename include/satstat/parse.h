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

/* ---- helpers for messages and canonical specs ---------------------------
 * Numbers are read and written with '.' as the decimal point whatever the
 * process's LC_NUMERIC (each call switches its own thread to the "C" locale
 * with uselocale() for the duration).
 */

/* Room for any satstat_format_double() output, NUL included. */
#define SATSTAT_DOUBLE_SIZE 32

/* Write the shortest of %.15g, %.16g, %.17g that reads back (strtod) as
 * exactly `x`: 0.5 -> "0.5", 0.1 -> "0.1", 1e6 -> "1000000".  Non-finite
 * values are written "nan", "inf", "-inf".  Returns SATSTAT_OK, or
 * SATSTAT_ERANGE when `size` is too small (buf then holds a truncated,
 * NUL-terminated prefix; size >= SATSTAT_DOUBLE_SIZE always suffices). */
int satstat_format_double(double x, char *buf, size_t size);

/* Most bytes satstat_quote() writes between the quotes. */
#define SATSTAT_QUOTE_MAX 64
/* A buffer of this size never truncates satstat_quote() output. */
#define SATSTAT_QUOTE_SIZE (SATSTAT_QUOTE_MAX + 3)

/* Write `text` in single quotes for an error message: 'abc'.  Control
 * bytes are shown as \xNN; a text whose shown form is longer than
 * SATSTAT_QUOTE_MAX bytes is cut (never inside a UTF-8 character or an
 * escape) and ends in "...".  NULL is shown as ''.  Always NUL-terminates
 * when size > 0.  Returns buf. */
const char *satstat_quote(const char *text, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
