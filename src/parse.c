/* parse.c — strict number parsing for options and specs (satstat/parse.h).
 *
 * glibc's strto* are too lenient for a command line: strtod accepts "",
 * leading blanks, "nan", "inf" and hex floats, strtoull accepts "-1" and
 * returns ULLONG_MAX with errno 0 (NUMERICS.md, "Platform behaviour").  So
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

/* ---- "C" numeric locale for the calling thread ------------------------- */

typedef struct c_locale_scope {
    locale_t c;   /* the "C" locale, or (locale_t)0 when unavailable */
    locale_t old; /* the thread's locale before                      */
} c_locale_scope;

static void c_locale_enter(c_locale_scope *scope)
{
    /* glibc returns its static C locale object for ("C", LC_ALL_MASK): no
     * allocation here. */
    scope->c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    scope->old = (locale_t)0;
    if (scope->c != (locale_t)0)
        scope->old = uselocale(scope->c);
}

static void c_locale_leave(c_locale_scope *scope)
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
    c_locale_scope scope;
    int prec;
    size_t len;

    if (buf == NULL || size == 0)
        return SATSTAT_EINVAL;

    if (isnan(x))
        strcpy(tmp, "nan");
    else if (isinf(x))
        strcpy(tmp, x > 0 ? "inf" : "-inf");
    else {
        c_locale_enter(&scope);
        for (prec = 15; prec <= 17; prec++) {
            snprintf(tmp, sizeof tmp, "%.*g", prec, x);
            /* %.17g always reads back exactly (IEEE 754 binary64). */
            if (prec == 17 || strtod(tmp, NULL) == x)
                break;
        }
        c_locale_leave(&scope);
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

int satstat_parse_double(const char *text, double *out, char *msg)
{
    char q[SATSTAT_QUOTE_SIZE];
    c_locale_scope scope;
    const char *p;
    char *end;
    double v;
    int saved_errno, range_error;

    if (text == NULL || text[0] == '\0') {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
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
    c_locale_enter(&scope);
    v = strtod(text, &end);
    c_locale_leave(&scope);
    range_error = (errno == ERANGE);
    errno = saved_errno;

    if (end == text || *end != '\0')
        goto bad;
    if (range_error && (v == 0.0 || !isfinite(v) || fabs(v) > 1.0)) {
        /* Overflow (±HUGE_VAL), or underflow to zero of a non-zero text.
         * A subnormal result is still a faithful finite value: keep it. */
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
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
        snprintf(msg, SATSTAT_ERRMSG_SIZE,
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
                      uint64_t *out, char *msg)
{
    char q[SATSTAT_QUOTE_SIZE];
    uint64_t v = 0;
    int negative;
    enum u64_result r;

    if (text == NULL || text[0] == '\0') {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
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
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
                     "expected a whole number, got %s",
                     satstat_quote(text, q, sizeof q));
        return SATSTAT_EINVAL;
    }
    if (r == U64_OVERFLOW || negative || v < min || v > max) {
        if (msg != NULL)
            snprintf(msg, SATSTAT_ERRMSG_SIZE,
                     "must be between %" PRIu64 " and %" PRIu64 ", got %s",
                     min, max, satstat_quote(text, q, sizeof q));
        return SATSTAT_EINVAL;
    }
    if (out != NULL)
        *out = v;
    return SATSTAT_OK;
}
