/* fuzz.h — shared helpers for the fuzz harnesses in fuzz/.
 *
 * Each harness fuzz_<target>.c defines LLVMFuzzerTestOneInput() and nothing
 * else that is global.  It is linked either with libFuzzer (fuzz/run, clang
 * -fsanitize=fuzzer,address,undefined) or with replay.c, a main() that feeds
 * it files (the `fuzz-replay-<target>` meson tests).  A harness asserts its
 * invariants with FUZZ_CHECK, which prints the failed condition and aborts:
 * libFuzzer reports the abort as a crash and saves the input; the replay
 * test fails.
 *
 * Input convention.  The library parses C strings, and the strings come
 * from argv, which cannot hold a NUL byte.  So single-string targets turn
 * the fuzz data into a NUL-terminated copy and skip (return at once) inputs
 * that contain a NUL byte; fuzz_config uses NUL as its field separator, the
 * way argv strings lie in memory.
 */
#ifndef SATSTAT_FUZZ_H
#define SATSTAT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* The libFuzzer entry point every harness defines. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#if defined(__GNUC__) || defined(__clang__)
#define FUZZ_NORETURN __attribute__((noreturn))
#define FUZZ_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define FUZZ_NORETURN
#define FUZZ_PRINTF(f, a)
#endif

/* Report a violated invariant and abort().  The first line of the report
 * ("FUZZ INVARIANT VIOLATED at FILE:LINE: KIND") is the crash's signature
 * for fuzz/run: KIND must not vary with the input, details go on the
 * following lines. */
FUZZ_NORETURN FUZZ_PRINTF(3, 4) void fuzz_fail(const char *file, int line,
                                               const char *fmt, ...);

/* fuzz_fail() for FUZZ_CHECK: KIND is "check failed: COND". */
FUZZ_NORETURN FUZZ_PRINTF(4, 5) void fuzz_fail_check(const char *file,
                                                     int line,
                                                     const char *cond,
                                                     const char *fmt, ...);

/* Abort unless `cond`; the rest is a printf format and its arguments
 * describing the case (at least the format is required). */
#define FUZZ_CHECK(cond, ...)                                         \
    do {                                                              \
        if (!(cond))                                                  \
            fuzz_fail_check(__FILE__, __LINE__, #cond, __VA_ARGS__);  \
    } while (0)

/* A malloc'd NUL-terminated copy of data[0..size), or NULL when the data
 * holds a NUL byte (the input is then skipped).  Free with free(). */
char *fuzz_cstring(const uint8_t *data, size_t size);

/* A malloc'd message buffer of exactly SATSTAT_ERRMSG_SIZE bytes (so that
 * AddressSanitizer sees any write past it), filled with a non-NUL byte (so
 * that a missing terminator is seen). */
char *fuzz_msg_new(void);

/* Refill a message buffer with the non-NUL byte before the next call. */
void fuzz_msg_reset(char *msg);

/* The invariants of an error message: NUL-terminated within
 * SATSTAT_ERRMSG_SIZE bytes, non-empty, one line of printable text (no
 * '\n', '\r' or other control byte: user text inside a message must be
 * shown through satstat_quote(), which escapes control bytes), and valid
 * UTF-8 when the user's text `input` is (satstat_quote() never cuts a
 * character; `input` may be NULL).  `what` names the call for the report. */
void fuzz_check_msg_at(const char *file, int line, const char *what,
                       const char *msg, const char *input);
#define fuzz_check_msg(what, msg, input) \
    fuzz_check_msg_at(__FILE__, __LINE__, what, msg, input)

/* 1 when a harness may let the library read the `file:` input at `path`:
 * only /dev/null and /dev/zero (a fuzzed path could name /dev/stdin, a
 * FIFO or a huge file, and the harness must not block or read the
 * machine's files). */
int fuzz_inputs_path_safe(const char *path);

/* 1 when a and b are equal but for the case of ASCII letters (names are
 * accepted in any case, satstat/parse.h satstat_match_name; written out
 * here so the oracle does not call the code it checks). */
int fuzz_same_name(const char *a, const char *b);

/* 1 when `s` is valid UTF-8 (RFC 3629: no overlong forms, surrogates or
 * code points beyond U+10FFFF). */
int fuzz_utf8_valid(const char *s);

/* `canonical` (a canonical spec buffer of SATSTAT_SPEC_SIZE bytes) is
 * NUL-terminated inside the buffer and non-empty. */
void fuzz_check_spec_at(const char *file, int line, const char *canonical);
#define fuzz_check_spec(c) fuzz_check_spec_at(__FILE__, __LINE__, c)

/* 1 when the environment has FUZZ_SKIP_OPEN=1.  A harness then skips
 * inputs that would hit a known open library bug (one with an open-*
 * reproducer in fuzz/regressions/), so that a long run can look for other
 * bugs instead of stopping at the known one in its first seconds.  Each
 * skip sits next to the check it bypasses and goes when the bug is fixed.
 * The replay tests never skip. */
int fuzz_skip_open(void);

/* The text shown in failure reports: the input through satstat_quote(). */
const char *fuzz_show(const char *text);

#endif
