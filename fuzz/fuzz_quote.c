/* fuzz_quote.c — satstat_quote().
 *
 * Input: any text (what a user may type as an option value).
 * Invariants, with a buffer of SATSTAT_QUOTE_SIZE bytes: the result is
 * '...' with at most SATSTAT_QUOTE_MAX bytes between the quotes and no
 * control byte; between the quotes is the text with each control byte
 * written \xNN (the "shown form") when that fits in SATSTAT_QUOTE_MAX
 * bytes, else a prefix of the shown form, cut neither inside an escape nor
 * inside a lead byte's continuation run (a lead byte 0xC0..0xFF owns up to
 * three following 0x80..0xBF bytes), no shorter than needed, then "...".
 * Any smaller buffer holds a NUL-terminated prefix of that result; size 0
 * writes nothing; NULL text is shown as ''.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include <satstat/parse.h>

static int is_control(unsigned char c)
{
    return c < 0x20u || c == 0x7Fu;
}

/* The shown form of `text`; *unit_start[i] is 1 when a unit (an escape,
 * or a byte with the continuation bytes it owns) starts at shown[i]. */
static char *shown_form(const char *text, size_t *len, char **unit_start)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = strlen(text), i, k = 0;
    char *s = malloc(4 * n + 1), *start = calloc(4 * n + 2, 1);

    FUZZ_CHECK(s != NULL && start != NULL, "out of memory");
    for (i = 0; i < n;) {
        unsigned char c = (unsigned char)text[i];
        start[k] = 1;
        if (is_control(c)) {
            s[k++] = '\\';
            s[k++] = 'x';
            s[k++] = hex[c >> 4];
            s[k++] = hex[c & 0xFu];
            i++;
        } else {
            size_t run = 1;
            if (c >= 0xC0u)
                while (run < 4 && i + run < n
                       && ((unsigned char)text[i + run] & 0xC0u) == 0x80u)
                    run++;
            memcpy(s + k, text + i, run);
            k += run;
            i += run;
        }
    }
    start[k] = 1;
    s[k] = '\0';
    *len = k;
    *unit_start = start;
    return s;
}

static void check_small_buffers(const char *text, const char *full,
                                size_t full_len)
{
    size_t size;

    /* size 0: nothing written. */
    {
        char guard = '#';
        FUZZ_CHECK(satstat_quote(text, &guard, 0) == &guard && guard == '#',
                   "quote into 0 bytes wrote");
    }
    for (size = 1; size <= full_len; size++) {
        char *buf = malloc(size);
        FUZZ_CHECK(buf != NULL, "out of memory");
        FUZZ_CHECK(satstat_quote(text, buf, size) == buf,
                   "quote does not return buf");
        FUZZ_CHECK(strlen(buf) == size - 1
                       && memcmp(buf, full, size - 1) == 0,
                   "quote(%s) into %zu bytes is not a prefix",
                   fuzz_show(text), size);
        free(buf);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstring(data, size), *shown, *unit_start;
    char *out = malloc(SATSTAT_QUOTE_SIZE);
    size_t shown_len, out_len, inner_len, i;
    const char *inner;

    FUZZ_CHECK(out != NULL, "out of memory");
    if (text == NULL) {
        free(out);
        return 0;
    }
    memset(out, 'Z', SATSTAT_QUOTE_SIZE);
    FUZZ_CHECK(satstat_quote(text, out, SATSTAT_QUOTE_SIZE) == out,
               "quote does not return buf");
    FUZZ_CHECK(memchr(out, '\0', SATSTAT_QUOTE_SIZE) != NULL,
               "quote: not NUL-terminated");
    out_len = strlen(out);
    FUZZ_CHECK(out_len >= 2 && out_len <= SATSTAT_QUOTE_MAX + 2
                   && out[0] == '\'' && out[out_len - 1] == '\'',
               "quote: bad frame (%zu bytes)", out_len);
    for (i = 0; i < out_len; i++)
        FUZZ_CHECK(!is_control((unsigned char)out[i]),
                   "quote: control byte 0x%02x in the result",
                   (unsigned char)out[i]);

    shown = shown_form(text, &shown_len, &unit_start);
    inner = out + 1;
    inner_len = out_len - 2;
    if (shown_len <= SATSTAT_QUOTE_MAX) {
        FUZZ_CHECK(inner_len == shown_len
                       && memcmp(inner, shown, shown_len) == 0,
                   "quote: %zu shown bytes fit but the result differs",
                   shown_len);
    } else {
        size_t cut;
        FUZZ_CHECK(inner_len >= 3
                       && memcmp(inner + inner_len - 3, "...", 3) == 0,
                   "quote: long text (%zu shown bytes) without \"...\"",
                   shown_len);
        cut = inner_len - 3;
        FUZZ_CHECK(cut <= SATSTAT_QUOTE_MAX - 3
                       && memcmp(inner, shown, cut) == 0,
                   "quote: long text, result is not a prefix (cut %zu)",
                   cut);
        FUZZ_CHECK(unit_start[cut],
                   "quote: cut at %zu inside an escape or a UTF-8 "
                   "character", cut);
        /* No shorter than needed: the next unit would not have fit. */
        {
            size_t next = cut + 1;
            while (!unit_start[next])
                next++;
            FUZZ_CHECK(next > SATSTAT_QUOTE_MAX - 3,
                       "quote: cut at %zu, but the unit up to %zu fits",
                       cut, next);
        }
    }

    check_small_buffers(text, out, out_len);

    {
        char empty[3];
        FUZZ_CHECK(strcmp(satstat_quote(NULL, empty, sizeof empty), "''")
                       == 0,
                   "quote(NULL) is not ''");
    }
    free(unit_start);
    free(shown);
    free(out);
    free(text);
    return 0;
}
