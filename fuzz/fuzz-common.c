/* fuzz-common.c — helpers shared by the fuzz harnesses (fuzz.h). */
#include "fuzz.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/error.h>
#include <satstat/parse.h>
#include <satstat/scheme.h>

#define MSG_FILL 'Z'

void fuzz_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "\nFUZZ INVARIANT VIOLATED at %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fflush(stderr);
    abort();
}

void fuzz_fail_check(const char *file, int line, const char *cond,
                     const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "\nFUZZ INVARIANT VIOLATED at %s:%d: check failed: %s\n  ",
            file, line, cond);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fflush(stderr);
    abort();
}

char *fuzz_cstring(const uint8_t *data, size_t size)
{
    char *s;

    if (size > 0 && memchr(data, '\0', size) != NULL)
        return NULL;
    s = malloc(size + 1);
    if (s == NULL) {
        fprintf(stderr, "fuzz: out of memory\n");
        abort();
    }
    if (size > 0)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

char *fuzz_msg_new(void)
{
    char *msg = malloc(SATSTAT_ERRMSG_SIZE);

    if (msg == NULL) {
        fprintf(stderr, "fuzz: out of memory\n");
        abort();
    }
    fuzz_msg_reset(msg);
    return msg;
}

void fuzz_msg_reset(char *msg)
{
    memset(msg, MSG_FILL, SATSTAT_ERRMSG_SIZE);
}

int fuzz_skip_open(void)
{
    static int skip = -1;

    if (skip < 0) {
        const char *v = getenv("FUZZ_SKIP_OPEN");
        skip = v != NULL && strcmp(v, "1") == 0;
    }
    return skip;
}

const char *fuzz_show(const char *text)
{
    /* A few buffers, so that one report can show several texts. */
    static char buf[4][SATSTAT_QUOTE_SIZE];
    static unsigned next;

    next = (next + 1) % 4;
    return satstat_quote(text, buf[next], sizeof buf[next]);
}

int fuzz_same_name(const char *a, const char *b)
{
    for (;; a++, b++) {
        int x = *a >= 'A' && *a <= 'Z' ? *a - 'A' + 'a' : *a;
        int y = *b >= 'A' && *b <= 'Z' ? *b - 'A' + 'a' : *b;
        if (x != y)
            return 0;
        if (x == '\0')
            return 1;
    }
}

int fuzz_utf8_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    while (*p != '\0') {
        unsigned c = *p, n, k;
        unsigned long cp;

        if (c < 0x80u) {
            p++;
            continue;
        }
        if (c >= 0xC2u && c <= 0xDFu) {
            n = 1;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0u && c <= 0xEFu) {
            n = 2;
            cp = c & 0x0Fu;
        } else if (c >= 0xF0u && c <= 0xF4u) {
            n = 3;
            cp = c & 0x07u;
        } else {
            return 0;
        }
        for (k = 1; k <= n; k++) {
            if ((p[k] & 0xC0u) != 0x80u)
                return 0;
            cp = (cp << 6) | (p[k] & 0x3Fu);
        }
        if ((n == 2 && cp < 0x800u) || (n == 3 && cp < 0x10000u)
            || (cp >= 0xD800u && cp <= 0xDFFFu) || cp > 0x10FFFFu)
            return 0;
        p += n + 1;
    }
    return 1;
}

void fuzz_check_msg_at(const char *file, int line, const char *what,
                       const char *msg, const char *input)
{
    const char *nul = memchr(msg, '\0', SATSTAT_ERRMSG_SIZE);
    size_t i, len;

    if (nul == NULL)
        fuzz_fail(file, line, "message not NUL-terminated\n  %s: not within "
                  "%d bytes", what, SATSTAT_ERRMSG_SIZE);
    len = (size_t)(nul - msg);
    if (len == 0)
        fuzz_fail(file, line, "empty message\n  %s", what);
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)msg[i];
        if (c < 0x20u || c == 0x7Fu)
            fuzz_fail(file, line,
                      "message has a control byte (not one printable "
                      "line)\n  %s: byte 0x%02x at offset %zu: %s",
                      what, c, i, fuzz_show(msg));
    }
    if (input != NULL && fuzz_utf8_valid(input) && !fuzz_utf8_valid(msg))
        fuzz_fail(file, line,
                  "message is not valid UTF-8 (for valid UTF-8 input)\n"
                  "  %s: input %s, message %s",
                  what, fuzz_show(input), fuzz_show(msg));
}

void fuzz_check_spec_at(const char *file, int line, const char *canonical)
{
    const char *nul = memchr(canonical, '\0', SATSTAT_SPEC_SIZE);

    if (nul == NULL)
        fuzz_fail(file, line, "canonical spec not NUL-terminated\n  not "
                  "within %d bytes", SATSTAT_SPEC_SIZE);
    if (nul == canonical)
        fuzz_fail(file, line, "empty canonical spec\n  (no details)");
}

int fuzz_inputs_path_safe(const char *path)
{
    return strcmp(path, "/dev/null") == 0 || strcmp(path, "/dev/zero") == 0;
}
