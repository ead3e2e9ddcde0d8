/* satstat/parse.h — strict number and name parsing for options and specs.
 *
 * glibc's strto* accept "", leading blanks, "nan", "inf", hex floats and
 * (for unsigned types) a leading '-'.  These wrappers accept a value only
 * when the whole string is consumed and the value is in range, and explain
 * a rejection in `msg` (msg_size bytes, may be NULL: satstat/error.h).
 */
#ifndef SATSTAT_PARSE_H
#define SATSTAT_PARSE_H

#include <satstat/export.h>

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A finite double (decimal or scientific notation; no nan/inf, no hex). */
SATSTAT_API int satstat_parse_double(const char *text, double *out, char *msg, size_t msg_size);

/* A whole number in [min, max].  Scientific notation is accepted when it
 * denotes an integer exactly ("1e6"), since users type sample counts so. */
SATSTAT_API int satstat_parse_u64(const char *text, uint64_t min, uint64_t max,
                                  uint64_t *out, char *msg, size_t msg_size);

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
SATSTAT_API int satstat_format_double(double x, char *buf, size_t size);

/* Most bytes satstat_quote() writes between the quotes. */
#define SATSTAT_QUOTE_MAX 64
/* A buffer of this size never truncates satstat_quote() output. */
#define SATSTAT_QUOTE_SIZE (SATSTAT_QUOTE_MAX + 3)

/* Write `text` in single quotes for an error message: 'abc'.  Control
 * bytes are shown as \xNN; a text whose shown form is longer than
 * SATSTAT_QUOTE_MAX bytes is cut (never inside a UTF-8 character or an
 * escape) and ends in "...".  NULL is shown as ''.  Always NUL-terminates
 * when size > 0.  Returns buf. */
SATSTAT_API const char *satstat_quote(const char *text, char *buf, size_t size);


/* ---- names: exact, case-folded and nearest ------------------------------
 * Every parser of a name (schemes, activations, formats, options...) looks
 * its word up with satstat_match_name() and, when that fails, names the
 * nearest valid name with satstat_closest_name() ("did you mean ...?").
 * Case is folded for ASCII letters only: '_' and '-' stay distinct, since
 * frameworks give he_normal and he-normal different meanings.
 */

/* Longest word or name compared; longer ones are never "close". */
#define SATSTAT_NAME_MAX 64

/* The Damerau-Levenshtein distance between a (a_len bytes) and b (b_len
 * bytes) in its optimal-string-alignment form: the fewest insertions,
 * deletions, substitutions and transpositions of two adjacent bytes, each
 * costing 1, that turn one into the other, with no substring edited twice
 * (Damerau 1964; Boytsov 2011, section 2.2).  ASCII letters compare
 * case-insensitively.  SIZE_MAX when a length exceeds SATSTAT_NAME_MAX or
 * a pointer is NULL. */
SATSTAT_API size_t satstat_name_distance(const char *a, size_t a_len, const char *b,
                                         size_t b_len);

/* How many of names[0..n-1] the word (word_len bytes, need not be
 * NUL-terminated) matches: 1 when it equals a name exactly; otherwise the
 * number of names it equals ignoring ASCII case.  *index (may be NULL) is
 * set to the exact match, else to the first case-folded match. */
SATSTAT_API size_t satstat_match_name(const char *word, size_t word_len,
                                      const char *const *names, size_t n, size_t *index);

/* The name of names[0..n-1] nearest to the word by satstat_name_distance(),
 * when that distance is at most max(1, strlen(name) / 3) -- one slip in a
 * short name, two in "sigmoid", five in "variance_scaling" -- else NULL
 * (always NULL for an empty word).  Ties go to the smaller case-sensitive
 * distance, then to the earlier name, so a table lists its preferred
 * spellings first.  *index (may be NULL) is set when a name is returned. */
SATSTAT_API const char *satstat_closest_name(const char *word, size_t word_len,
                                             const char *const *names, size_t n,
                                             size_t *index);

/* Room for satstat_suggest() output with a name of SATSTAT_NAME_MAX bytes. */
#define SATSTAT_SUGGEST_SIZE (SATSTAT_NAME_MAX + 24)

/* "did you mean 'NAME'? " for the name satstat_closest_name() finds, or ""
 * when there is none: the opening of a message's "(... valid: ...)".
 * Always NUL-terminates when size > 0.  Returns buf. */
SATSTAT_API const char *satstat_suggest(const char *word, size_t word_len,
                                        const char *const *names, size_t n, char *buf,
                                        size_t size);

#ifdef __cplusplus
}
#endif
#endif
