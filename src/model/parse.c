/* parse.c — strict number parsing for options and specs (satstat/parse.h).
 *
 * glibc's strto* are too lenient for a command line: strtod accepts "",
 * leading blanks, "nan", "inf" and hex floats, strtoull accepts "-1" and
 * returns ULLONG_MAX with errno 0 (doc/numerics.md, "Platform facts").  So
 * satstat_parse_double() admits only the characters of a decimal number
 * before it calls strtod and then demands full consumption, and
 * satstat_parse_u64() does not use strtoull at all: it reads the digits and
 * the exponent itself and computes the value exactly in integers, so "1e6"
 * is accepted, "1.5" and "1e-3" are not, and "1e19" or "1e30" are reported
 * as out of range instead of being rounded through a double.
 *
 * Locale: strtod and printf("%g") follow LC_NUMERIC, which could make the
 * decimal point ','.  Each conversion runs with the calling thread switched
 * to the "C" locale by uselocale() (POSIX.1-2008, per thread, so it is safe
 * while other threads run and leaves the process locale alone).
 */
#include <satstat/parse.h>

#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/error.h>

#include "base/locale-int.h"

/* ---- "C" numeric locale for the calling thread ------------------------- */

void satstat__c_locale_enter(satstat__c_locale *scope)
{
    /* glibc returns its static C locale object for ("C", LC_ALL_MASK): no
     * allocation here. */
    scope->c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    scope->old = (locale_t)0;
    if (scope->c != (locale_t)0)
        scope->old = uselocale(scope->c);
}

void satstat__c_locale_leave(satstat__c_locale *scope)
{
    if (scope->c != (locale_t)0) {
        uselocale(scope->old);
        freelocale(scope->c);
    }
}

/* ---- messages ----------------------------------------------------------- */

/* Bytes of shown form of the character starting at text[i]: an escape for
 * a control byte, else the byte with its UTF-8 continuation bytes. */
static size_t quote_unit(const char *text, size_t i, size_t *in_len)
{
    unsigned char c = (unsigned char)text[i];
    size_t n = 1;

    if (c < 0x20u || c == 0x7Fu) {
        *in_len = 1;
        return 4;
    }
    if (c >= 0xC0u) {
        while (n < 4 && ((unsigned char)text[i + n] & 0xC0u) == 0x80u)
            n++;
    }
    *in_len = n;
    return n;
}

const char *satstat_quote(const char *text, char *buf, size_t size)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = 0, i, shown = 0, in_len, total = 0, budget;

    if (buf == NULL || size == 0)
        return buf;
    if (text == NULL)
        text = "";
    for (i = 0; text[i] != '\0'; i += in_len)
        total += quote_unit(text, i, &in_len);
    /* Everything when it fits, else whole units and then "...". */
    budget = total <= SATSTAT_QUOTE_MAX ? total : SATSTAT_QUOTE_MAX - 3;

#define QUOTE_PUT(ch)              \
    do {                           \
        if (n + 1 < size)          \
            buf[n++] = (char)(ch); \
    } while (0)

    QUOTE_PUT('\'');
    for (i = 0; text[i] != '\0'; i += in_len) {
        size_t w = quote_unit(text, i, &in_len), k;
        if (shown + w > budget)
            break;
        shown += w;
        if (w == 4 && in_len == 1) {
            unsigned char c = (unsigned char)text[i];
            QUOTE_PUT('\\');
            QUOTE_PUT('x');
            QUOTE_PUT(hex[c >> 4]);
            QUOTE_PUT(hex[c & 0xFu]);
        } else {
            for (k = 0; k < in_len; k++)
                QUOTE_PUT(text[i + k]);
        }
    }
    if (budget < total) {
        QUOTE_PUT('.');
        QUOTE_PUT('.');
        QUOTE_PUT('.');
    }
    QUOTE_PUT('\'');
#undef QUOTE_PUT
    buf[n] = '\0';
    return buf;
}

/* ---- doubles ------------------------------------------------------------ */

int satstat_format_double(double x, char *buf, size_t size)
{
    char tmp[SATSTAT_DOUBLE_SIZE];
    satstat__c_locale scope;
    int prec;
    size_t len;

    if (buf == NULL || size == 0)
        return SATSTAT_EINVAL;

    if (isnan(x))
        strcpy(tmp, "nan");
    else if (isinf(x))
        strcpy(tmp, x > 0 ? "inf" : "-inf");
    else {
        satstat__c_locale_enter(&scope);
        for (prec = 15; prec <= 17; prec++) {
            snprintf(tmp, sizeof tmp, "%.*g", prec, x);
            /* %.17g always reads back exactly (IEEE 754 binary64). */
            if (prec == 17 || strtod(tmp, NULL) == x)
                break;
        }
        satstat__c_locale_leave(&scope);
    }

    len = strlen(tmp);
    if (len >= size) {
        memcpy(buf, tmp, size - 1);
        buf[size - 1] = '\0';
        return SATSTAT_ERANGE;
    }
    memcpy(buf, tmp, len + 1);
    return SATSTAT_OK;
}

int satstat_parse_double(const char *text, double *out, char *msg, size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE];
    satstat__c_locale scope;
    const char *p;
    char *end;
    double v;
    int saved_errno, range_error;

    if (text == NULL || text[0] == '\0') {
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "expected a number, got an empty string");
        return SATSTAT_EINVAL;
    }
    /* Only the characters of a decimal number: this keeps out blanks,
     * "nan", "inf"/"infinity" in any case and hex floats ("0x1p3"). */
    for (p = text; *p != '\0'; p++) {
        if (strchr("0123456789+-.eE", *p) == NULL)
            goto bad;
    }

    saved_errno = errno;
    errno = 0;
    satstat__c_locale_enter(&scope);
    v = strtod(text, &end);
    satstat__c_locale_leave(&scope);
    range_error = (errno == ERANGE);
    errno = saved_errno;

    if (end == text || *end != '\0')
        goto bad;
    if (range_error && (v == 0.0 || !isfinite(v) || fabs(v) > 1.0)) {
        /* Overflow (±HUGE_VAL), or underflow to zero of a non-zero text.
         * A subnormal result is still a faithful finite value: keep it. */
        if (msg != NULL)
            snprintf(msg, msg_size,
                     v == 0.0 ? "number %s is too close to zero to represent"
                              : "number %s is too large to represent",
                     satstat_quote(text, q, sizeof q));
        return SATSTAT_EINVAL;
    }
    if (!isfinite(v))
        goto bad;
    if (out != NULL)
        *out = v;
    return SATSTAT_OK;

bad:
    if (msg != NULL)
        snprintf(msg, msg_size,
                 "expected a finite decimal number, got %s",
                 satstat_quote(text, q, sizeof q));
    return SATSTAT_EINVAL;
}

/* ---- whole numbers ------------------------------------------------------ */

/* Exponents beyond this are clamped: the value is then either 0, a
 * fraction or far beyond UINT64_MAX, which is all that matters. */
#define EXP_CLAMP INT64_C(1000000000)

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The i-th significant digit of a number written as int_part '.' frac_part
 * (the two runs are not contiguous in the text). */
static int digit_at(const char *int_part, size_t n_int, const char *frac_part,
                    size_t i)
{
    return (i < n_int ? int_part[i] : frac_part[i - n_int]) - '0';
}

enum u64_result { U64_OK, U64_SYNTAX, U64_FRACTION, U64_OVERFLOW };

/* Read [+-] digits [. digits] [(e|E) [+-] digits] exactly into *value (the
 * magnitude) and *negative.  Every char of the text must be consumed. */
static enum u64_result read_u64(const char *text, uint64_t *value,
                                int *negative)
{
    const char *p = text, *int_part, *frac_part = "";
    size_t n_int = 0, n_frac = 0, n, first, last, i;
    int64_t exp10 = 0, shift;
    uint64_t v;

    *negative = 0;
    if (*p == '+' || *p == '-') {
        *negative = (*p == '-');
        p++;
    }
    int_part = p;
    while (is_digit(*p)) {
        p++;
        n_int++;
    }
    if (*p == '.') {
        p++;
        frac_part = p;
        while (is_digit(*p)) {
            p++;
            n_frac++;
        }
    }
    if (n_int + n_frac == 0)
        return U64_SYNTAX;
    if (*p == 'e' || *p == 'E') {
        int exp_negative = 0;
        const char *exp_digits;
        p++;
        if (*p == '+' || *p == '-') {
            exp_negative = (*p == '-');
            p++;
        }
        exp_digits = p;
        while (is_digit(*p)) {
            if (exp10 < EXP_CLAMP)
                exp10 = exp10 * 10 + (*p - '0');
            p++;
        }
        if (p == exp_digits)
            return U64_SYNTAX;
        if (exp_negative)
            exp10 = -exp10;
    }
    if (*p != '\0')
        return U64_SYNTAX;

    /* Value = D * 10^shift with D the significant digits from the first to
     * the last non-zero one. */
    n = n_int + n_frac;
    for (first = 0; first < n; first++)
        if (digit_at(int_part, n_int, frac_part, first) != 0)
            break;
    if (first == n) {
        *value = 0;
        return U64_OK;
    }
    for (last = n - 1; last > first; last--)
        if (digit_at(int_part, n_int, frac_part, last) != 0)
            break;
    /* n, n_frac are string lengths (< 2^63); clamp before mixing. */
    if (n_frac > (size_t)EXP_CLAMP || n - 1 - last > (size_t)EXP_CLAMP)
        return n_frac > n - 1 - last ? U64_FRACTION : U64_OVERFLOW;
    shift = exp10 - (int64_t)n_frac + (int64_t)(n - 1 - last);
    if (shift < 0)
        return U64_FRACTION; /* the last non-zero digit is after the point */
    /* 10^20 > UINT64_MAX: more than 20 digits in all cannot fit. */
    if ((int64_t)(last - first + 1) + shift > 20)
        return U64_OVERFLOW;

    v = 0;
    for (i = first; i <= last; i++) {
        unsigned d = (unsigned)digit_at(int_part, n_int, frac_part, i);
        if (v > (UINT64_MAX - d) / 10u)
            return U64_OVERFLOW;
        v = v * 10u + d;
    }
    for (; shift > 0; shift--) {
        if (v > UINT64_MAX / 10u)
            return U64_OVERFLOW;
        v *= 10u;
    }
    *value = v;
    return U64_OK;
}

int satstat_parse_u64(const char *text, uint64_t min, uint64_t max,
                      uint64_t *out, char *msg, size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE];
    uint64_t v = 0;
    int negative;
    enum u64_result r;

    if (text == NULL || text[0] == '\0') {
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "expected a whole number, got an empty string");
        return SATSTAT_EINVAL;
    }

    r = read_u64(text, &v, &negative);
    /* A leading '-' is never valid: "-5" is out of range below, and "-0"
     * is refused here rather than read as 0. */
    if (r == U64_OK && negative && v == 0)
        r = U64_SYNTAX;
    if (r == U64_SYNTAX || r == U64_FRACTION) {
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "expected a whole number, got %s",
                     satstat_quote(text, q, sizeof q));
        return SATSTAT_EINVAL;
    }
    if (r == U64_OVERFLOW || negative || v < min || v > max) {
        if (msg != NULL)
            snprintf(msg, msg_size,
                     "must be between %" PRIu64 " and %" PRIu64 ", got %s",
                     min, max, satstat_quote(text, q, sizeof q));
        return SATSTAT_EINVAL;
    }
    if (out != NULL)
        *out = v;
    return SATSTAT_OK;
}

/* ---- names ------------------------------------------------------------- */

static unsigned char fold_ascii(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

static int same_byte(char x, char y, int fold)
{
    return fold ? fold_ascii((unsigned char)x) == fold_ascii((unsigned char)y)
                : x == y;
}

/* Optimal string alignment distance (Boytsov 2011, eq. 2): the
 * Wagner-Fischer recurrence with one more case, d[i][j] = d[i-2][j-2] + 1
 * when a[i-1]a[i] is b[j]b[j-1].  Three rows suffice. */
static size_t osa_distance(const char *a, size_t la, const char *b,
                           size_t lb, int fold)
{
    size_t row[3][SATSTAT_NAME_MAX + 1];
    size_t i, j;

    if (a == NULL || b == NULL || la > SATSTAT_NAME_MAX
        || lb > SATSTAT_NAME_MAX)
        return SIZE_MAX;
    for (j = 0; j <= lb; j++)
        row[0][j] = j;
    for (i = 1; i <= la; i++) {
        size_t *cur = row[i % 3], *prev = row[(i - 1) % 3],
               *prev2 = row[(i + 1) % 3]; /* (i - 2) mod 3 */
        cur[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t cost = same_byte(a[i - 1], b[j - 1], fold) ? 0 : 1;
            size_t d = prev[j] + 1;            /* delete a[i-1]   */
            if (cur[j - 1] + 1 < d)
                d = cur[j - 1] + 1;            /* insert b[j-1]   */
            if (prev[j - 1] + cost < d)
                d = prev[j - 1] + cost;        /* substitute      */
            if (i > 1 && j > 1 && same_byte(a[i - 1], b[j - 2], fold)
                && same_byte(a[i - 2], b[j - 1], fold) && prev2[j - 2] + 1 < d)
                d = prev2[j - 2] + 1;          /* transpose       */
            cur[j] = d;
        }
    }
    return row[la % 3][lb];
}

size_t satstat_name_distance(const char *a, size_t a_len, const char *b,
                             size_t b_len)
{
    return osa_distance(a, a_len, b, b_len, 1);
}

size_t satstat_match_name(const char *word, size_t word_len,
                          const char *const *names, size_t n, size_t *index)
{
    size_t i, count = 0, first = 0;

    if (word == NULL || names == NULL)
        return 0;
    for (i = 0; i < n; i++) {
        if (names[i] != NULL && strlen(names[i]) == word_len
            && memcmp(names[i], word, word_len) == 0) {
            if (index != NULL)
                *index = i;
            return 1;
        }
    }
    for (i = 0; i < n; i++) {
        size_t k;
        if (names[i] == NULL || strlen(names[i]) != word_len)
            continue;
        for (k = 0; k < word_len && same_byte(names[i][k], word[k], 1); k++)
            ;
        if (k == word_len && count++ == 0)
            first = i;
    }
    if (count > 0 && index != NULL)
        *index = first;
    return count;
}

const char *satstat_closest_name(const char *word, size_t word_len,
                                 const char *const *names, size_t n,
                                 size_t *index)
{
    size_t i, best = SIZE_MAX, best_exact = SIZE_MAX, best_i = 0;

    if (word == NULL || names == NULL || word_len == 0)
        return NULL;
    for (i = 0; i < n; i++) {
        size_t len, limit, d, d_exact;
        if (names[i] == NULL)
            continue;
        len = strlen(names[i]);
        limit = len / 3 > 1 ? len / 3 : 1;
        /* the distance is at least the difference of the lengths */
        if ((word_len > len ? word_len - len : len - word_len) > limit)
            continue;
        d = osa_distance(word, word_len, names[i], len, 1);
        if (d > limit || d > best)
            continue;
        d_exact = osa_distance(word, word_len, names[i], len, 0);
        if (d < best || d_exact < best_exact) {
            best = d;
            best_exact = d_exact;
            best_i = i;
        }
    }
    if (best == SIZE_MAX)
        return NULL;
    if (index != NULL)
        *index = best_i;
    return names[best_i];
}

const char *satstat_suggest(const char *word, size_t word_len,
                            const char *const *names, size_t n, char *buf,
                            size_t size)
{
    const char *near = satstat_closest_name(word, word_len, names, n, NULL);

    if (buf == NULL || size == 0)
        return buf;
    if (near != NULL)
        snprintf(buf, size, "did you mean '%s'? ", near);
    else
        buf[0] = '\0';
    return buf;
}
