/* test_parse.c — strict number parsing, number formatting, message quoting
 * and status strings (satstat/parse.h, satstat/error.h). */
#include <check.h>

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/config.h>
#include <satstat/error.h>
#include <satstat/parse.h>
#include "common.h"

#define SEED_MAX ((UINT64_C(1) << 63) - 1)

/* The message must mention `part` (the offending text, a range, ...). */
#define ck_assert_msg_has(msg, part)                                     \
    ck_assert_msg(strstr((msg), (part)) != NULL,                         \
                  "message \"%s\" does not contain \"%s\"", (msg), (part))

/* ---- satstat_strerror ------------------------------------------------- */

START_TEST(test_strerror_codes)
{
    static const int codes[] = {SATSTAT_OK,       SATSTAT_EINVAL,
                                SATSTAT_ENOMEM,   SATSTAT_EIO,
                                SATSTAT_ENUMERIC, SATSTAT_ECANCELED,
                                SATSTAT_ERANGE, SATSTAT_EPLATFORM};
    size_t n = sizeof codes / sizeof codes[0], i, j;

    for (i = 0; i < n; i++) {
        const char *s = satstat_strerror(codes[i]);
        ck_assert_ptr_nonnull(s);
        ck_assert_uint_gt(strlen(s), 0);
        ck_assert_str_ne(s, "unknown error");
        for (j = 0; j < i; j++)
            ck_assert_str_ne(s, satstat_strerror(codes[j]));
    }
    ck_assert_str_eq(satstat_strerror(1), "unknown error");
    ck_assert_str_eq(satstat_strerror(-8), "unknown error");
    ck_assert_str_eq(satstat_strerror(-1000), "unknown error");
    ck_assert_str_eq(satstat_strerror(77), "unknown error");
}
END_TEST

/* ---- satstat_parse_double ---------------------------------------------- */

static const struct {
    const char *text;
    double value;
} valid_doubles[] = {
    {"0", 0.0},
    {"1", 1.0},
    {"+3", 3.0},
    {"-2.5", -2.5},
    {"1e6", 1e6},
    {"1E6", 1e6},
    {"2.5e-3", 2.5e-3},
    {"1e+2", 100.0},
    {".5", 0.5},
    {"5.", 5.0},
    {"0.50", 0.5},
    {"007", 7.0},
    {"1.7976931348623157e308", DBL_MAX},
    {"-1.7976931348623157e308", -DBL_MAX},
    {"2.2250738585072014e-308", DBL_MIN},
    {"4.9406564584124654e-324", 4.9406564584124654e-324}, /* subnormal */
};

START_TEST(test_double_valid)
{
    size_t i;

    for (i = 0; i < sizeof valid_doubles / sizeof valid_doubles[0]; i++) {
        char msg[SATSTAT_ERRMSG_SIZE] = "";
        double v = -12345.0;
        int rc = satstat_parse_double(valid_doubles[i].text, &v, msg, sizeof msg);
        ck_assert_msg(rc == SATSTAT_OK, "'%s' rejected: %s",
                      valid_doubles[i].text, msg);
        ck_assert_msg(v == valid_doubles[i].value, "'%s' read as %.17g",
                      valid_doubles[i].text, v);
    }
}
END_TEST

START_TEST(test_double_null_msg)
{
    double v = 0.0;

    ck_assert_int_eq(satstat_parse_double("nan", &v, NULL, 0), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_parse_double(NULL, &v, NULL, 0), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_parse_double("1.5", &v, NULL, 0), SATSTAT_OK);
    ck_assert(v == 1.5);
    ck_assert_int_eq(satstat_parse_double("2", NULL, NULL, 0), SATSTAT_OK);
}
END_TEST

/* The message convention (satstat/error.h): at most msg_size bytes, cut
 * to fit and NUL-terminated; nothing written when msg_size is 0.  Checked
 * on functions of several modules, each against its whole sentence. */
START_TEST(test_msg_size)
{
    char whole[SATSTAT_ERRMSG_SIZE], cut[12], untouched[8];
    double v = 0.0;
    satstat_scheme scheme;
    satstat_config c;

    ck_assert_int_eq(satstat_parse_double("1e400", &v, whole, sizeof whole), SATSTAT_EINVAL);
    ck_assert_uint_gt(strlen(whole), sizeof cut - 1);
    memset(cut, 'x', sizeof cut);
    ck_assert_int_eq(satstat_parse_double("1e400", &v, cut, sizeof cut), SATSTAT_EINVAL);
    ck_assert_uint_eq(strlen(cut), sizeof cut - 1);
    ck_assert(strncmp(cut, whole, sizeof cut - 1) == 0);

    ck_assert_int_eq(satstat_scheme_parse("bogus", &scheme, whole, sizeof whole),
                     SATSTAT_EINVAL);
    memset(cut, 'x', sizeof cut);
    ck_assert_int_eq(satstat_scheme_parse("bogus", &scheme, cut, sizeof cut), SATSTAT_EINVAL);
    ck_assert_uint_eq(strlen(cut), sizeof cut - 1);
    ck_assert(strncmp(cut, whole, sizeof cut - 1) == 0);

    satstat_config_default(&c);
    c.n_in = 0;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, whole, sizeof whole), SATSTAT_EINVAL);
    memset(cut, 'x', sizeof cut);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, cut, sizeof cut), SATSTAT_EINVAL);
    ck_assert_str_eq(cut, "n_in must b");
    ck_assert(strncmp(cut, whole, sizeof cut - 1) == 0);

    /* msg_size 0: the buffer is not touched */
    memset(untouched, 'x', sizeof untouched);
    ck_assert_int_eq(satstat_parse_u64("-1", 0, 10, NULL, untouched, 0), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_scheme_parse("bogus", &scheme, untouched, 0), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, untouched, 0), SATSTAT_EINVAL);
    for (size_t i = 0; i < sizeof untouched; i++)
        ck_assert_int_eq(untouched[i], 'x');
}
END_TEST

static const char *const invalid_doubles[] = {
    " 5",     "5 ",        "\t5",      "5\n",     "nan",     "NaN",
    "NAN",    "-nan",      "inf",      "-inf",    "+inf",    "INF",
    "Inf",    "infinity",  "Infinity", "INFINITY", "0x10",   "0X10",
    "0x1p3",  "-0x1.8p1",  "1e",       "1e+",     "e5",      ".",
    "-",      "+",         "--1",      "+-1",     "1.2.3",   "1,5",
    "abc",    "12abc",     "1e5x",     "1 000",   "１",      "1e400",
    "-1e400", "1e-400",    "1e99999",
};

START_TEST(test_double_invalid)
{
    size_t i;

    for (i = 0; i < sizeof invalid_doubles / sizeof invalid_doubles[0]; i++) {
        const char *text = invalid_doubles[i];
        char msg[SATSTAT_ERRMSG_SIZE] = "";
        double v = 42.0;
        int rc = satstat_parse_double(text, &v, msg, sizeof msg);
        ck_assert_msg(rc == SATSTAT_EINVAL, "'%s' accepted as %.17g", text,
                      v);
        ck_assert_msg(v == 42.0, "'%s' wrote the output", text);
        ck_assert_uint_gt(strlen(msg), 0);
        /* Printable texts are echoed verbatim in the message. */
        if (strchr(text, '\t') == NULL && strchr(text, '\n') == NULL)
            ck_assert_msg_has(msg, text);
    }
}
END_TEST

START_TEST(test_double_empty)
{
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    double v = 0.0;

    ck_assert_int_eq(satstat_parse_double("", &v, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "empty");
    msg[0] = '\0';
    ck_assert_int_eq(satstat_parse_double(NULL, &v, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "empty");
}
END_TEST

START_TEST(test_double_messages)
{
    char msg[SATSTAT_ERRMSG_SIZE];
    double v;

    ck_assert_int_eq(satstat_parse_double("nan", &v, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "'nan'");
    ck_assert_int_eq(satstat_parse_double("1e400", &v, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "'1e400'");
    ck_assert_msg_has(msg, "large");
    ck_assert_int_eq(satstat_parse_double("1e-400", &v, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "'1e-400'");
    ck_assert_msg_has(msg, "zero");
    /* Control characters are escaped, so the message stays one line. */
    ck_assert_int_eq(satstat_parse_double("5\n", &v, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "'5\\x0a'");
    ck_assert_ptr_null(strchr(msg, '\n'));
}
END_TEST

/* ---- satstat_parse_u64 ------------------------------------------------- */

static const struct {
    const char *text;
    uint64_t value;
} valid_u64[] = {
    {"0", 0},
    {"1", 1},
    {"+5", 5},
    {"007", 7},
    {"1000", 1000},
    {"1e6", UINT64_C(1000000)},
    {"1E6", UINT64_C(1000000)},
    {"1e+6", UINT64_C(1000000)},
    {"2.5e3", 2500},
    {"1.0", 1},
    {"1.", 1},
    {"1000e-3", 1},
    {"0.000", 0},
    {"0e5", 0},
    {"0.0e-7", 0},
    {".5e1", 5},
    {"1e0", 1},
    {"1e12", UINT64_C(1000000000000)},
    /* Above 2^53 every digit counts: no rounding through a double. */
    {"9007199254740993", UINT64_C(9007199254740993)},
    {"9.007199254740993e15", UINT64_C(9007199254740993)},
    {"9223372036854775807", UINT64_C(9223372036854775807)},
    {"18446744073709551615", UINT64_MAX},
    {"1.8446744073709551615e19", UINT64_MAX},
    {"18446744073709551615000e-3", UINT64_MAX},
    {"1e19", UINT64_C(10000000000000000000)},
};

START_TEST(test_u64_valid)
{
    size_t i;

    for (i = 0; i < sizeof valid_u64 / sizeof valid_u64[0]; i++) {
        char msg[SATSTAT_ERRMSG_SIZE] = "";
        uint64_t v = 12345;
        int rc = satstat_parse_u64(valid_u64[i].text, 0, UINT64_MAX, &v, msg, sizeof msg);
        ck_assert_msg(rc == SATSTAT_OK, "'%s' rejected: %s",
                      valid_u64[i].text, msg);
        ck_assert_msg(v == valid_u64[i].value, "'%s' read as %llu",
                      valid_u64[i].text, (unsigned long long)v);
    }
}
END_TEST

/* Not whole numbers at all: the message says so and echoes the text. */
static const char *const invalid_u64[] = {
    " 5",   "5 ",   "\t5",    "0x10", "0X10", "1.5",    "12abc", "abc",
    "-3x",  "-0",   "1e",     "e6",   "1e-3", "+",      "-",     ".",
    "1..5", "1e+",  "1,000",  "nan",  "inf",  "1e6.5",  "2.55e1", "0.1",
    "1_000", "++1", "1e--3",
};

START_TEST(test_u64_invalid)
{
    size_t i;

    for (i = 0; i < sizeof invalid_u64 / sizeof invalid_u64[0]; i++) {
        const char *text = invalid_u64[i];
        char msg[SATSTAT_ERRMSG_SIZE] = "";
        uint64_t v = 12345;
        int rc = satstat_parse_u64(text, 0, UINT64_MAX, &v, msg, sizeof msg);
        ck_assert_msg(rc == SATSTAT_EINVAL, "'%s' accepted as %llu", text,
                      (unsigned long long)v);
        ck_assert_msg(v == 12345, "'%s' wrote the output", text);
        ck_assert_msg_has(msg, "whole number");
        if (strchr(text, '\t') == NULL)
            ck_assert_msg_has(msg, text);
    }
    ck_assert_int_eq(satstat_parse_u64("", 0, 10, NULL, NULL, 0), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_parse_u64(NULL, 0, 10, NULL, NULL, 0),
                     SATSTAT_EINVAL);
}
END_TEST

START_TEST(test_u64_range)
{
    char msg[SATSTAT_ERRMSG_SIZE];
    uint64_t v = 7;

    ck_assert_int_eq(satstat_parse_u64("1", 1, 100, &v, msg, sizeof msg), SATSTAT_OK);
    ck_assert_uint_eq(v, 1);
    ck_assert_int_eq(satstat_parse_u64("100", 1, 100, &v, msg, sizeof msg), SATSTAT_OK);
    ck_assert_uint_eq(v, 100);
    ck_assert_int_eq(satstat_parse_u64("1e2", 1, 100, &v, msg, sizeof msg), SATSTAT_OK);
    ck_assert_uint_eq(v, 100);

    v = 7;
    ck_assert_int_eq(satstat_parse_u64("101", 1, 100, &v, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_uint_eq(v, 7);
    ck_assert_str_eq(msg, "must be between 1 and 100, got '101'");
    ck_assert_int_eq(satstat_parse_u64("0", 1, 100, &v, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "must be between 1 and 100, got '0'");
    ck_assert_int_eq(satstat_parse_u64("-5", 1, 100, &v, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "must be between 1 and 100, got '-5'");

    /* Beyond 2^64: out of range, not wrapped and not rounded. */
    ck_assert_int_eq(satstat_parse_u64("18446744073709551616", 0, UINT64_MAX,
                                       &v, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "between 0 and 18446744073709551615");
    ck_assert_msg_has(msg, "'18446744073709551616'");
    ck_assert_int_eq(satstat_parse_u64("1e20", 0, UINT64_MAX, &v, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "'1e20'");
    ck_assert_int_eq(satstat_parse_u64("1e1000000000000", 0, UINT64_MAX, &v,
                                       msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "between");
    ck_assert_int_eq(satstat_parse_u64("99999999999999999999999999", 0,
                                       UINT64_MAX, &v, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "between");
    ck_assert_uint_eq(v, 7);
}
END_TEST

/* The option values of the CLI contract, read with the CLI's ranges. */
START_TEST(test_u64_cli_values)
{
    static const char *const bad_n_in[] = {"0", "-5", "1e30", "12abc"};
    static const char *const bad_samples[] = {"abc", "0", "-1", "1e19"};
    char msg[SATSTAT_ERRMSG_SIZE];
    uint64_t v = 3;
    size_t i;

    for (i = 0; i < 4; i++) {
        ck_assert_int_eq(satstat_parse_u64(bad_n_in[i], 1, SATSTAT_MAX_N_IN,
                                           &v, msg, sizeof msg),
                         SATSTAT_EINVAL);
        ck_assert_msg_has(msg, bad_n_in[i]);
    }
    ck_assert_int_eq(satstat_parse_u64("0", 1, SATSTAT_MAX_N_IN, &v, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "must be between 1 and 100000000, got '0'");
    ck_assert_int_eq(satstat_parse_u64("1e30", 1, SATSTAT_MAX_N_IN, &v, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "must be between 1 and 100000000, got '1e30'");

    for (i = 0; i < 4; i++) {
        ck_assert_int_eq(satstat_parse_u64(bad_samples[i], 1,
                                           SATSTAT_MAX_SAMPLES, &v, msg, sizeof msg),
                         SATSTAT_EINVAL);
        ck_assert_msg_has(msg, bad_samples[i]);
    }
    ck_assert_int_eq(satstat_parse_u64("1e19", 1, SATSTAT_MAX_SAMPLES, &v,
                                       msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "must be between 1 and 1000000000000, got '1e19'");
    ck_assert_int_eq(satstat_parse_u64("1e6", 1, SATSTAT_MAX_SAMPLES, &v,
                                       msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_uint_eq(v, 1000000);
    ck_assert_int_eq(satstat_parse_u64("1e12", 1, SATSTAT_MAX_SAMPLES, &v,
                                       msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_uint_eq(v, SATSTAT_MAX_SAMPLES);

    ck_assert_int_eq(satstat_parse_u64("-3x", 0, SEED_MAX, &v, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "'-3x'");
    ck_assert_int_eq(satstat_parse_u64("9223372036854775808", 0, SEED_MAX, &v,
                                       msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "9223372036854775807");
    ck_assert_int_eq(satstat_parse_u64("9223372036854775807", 0, SEED_MAX, &v,
                                       msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_uint_eq(v, SEED_MAX);
}
END_TEST

/* ---- satstat_format_double --------------------------------------------- */

START_TEST(test_format_shortest)
{
    static const struct {
        double x;
        const char *text;
    } cases[] = {
        {0.5, "0.5"},
        {0.1, "0.1"},
        {1.0, "1"},
        {-2.5, "-2.5"},
        {1e6, "1000000"},
        {1e-3, "0.001"},
        {0.30000000000000004, "0.30000000000000004"},
        {1e20, "1e+20"},
        {DBL_MAX, "1.7976931348623157e+308"},
        {0.0, "0"},
    };
    char buf[SATSTAT_DOUBLE_SIZE];
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert_int_eq(satstat_format_double(cases[i].x, buf, sizeof buf),
                         SATSTAT_OK);
        ck_assert_str_eq(buf, cases[i].text);
    }
    ck_assert_int_eq(satstat_format_double(NAN, buf, sizeof buf), SATSTAT_OK);
    ck_assert_str_eq(buf, "nan");
    ck_assert_int_eq(satstat_format_double(INFINITY, buf, sizeof buf),
                     SATSTAT_OK);
    ck_assert_str_eq(buf, "inf");
    ck_assert_int_eq(satstat_format_double(-INFINITY, buf, sizeof buf),
                     SATSTAT_OK);
    ck_assert_str_eq(buf, "-inf");
}
END_TEST

START_TEST(test_format_round_trip)
{
    /* Doubles from many bit patterns (a 64-bit LCG, Knuth's MMIX
     * constants) read back exactly through satstat_parse_double. */
    uint64_t s = UINT64_C(0x9E3779B97F4A7C15);
    char buf[SATSTAT_DOUBLE_SIZE], msg[SATSTAT_ERRMSG_SIZE];
    int i;

    for (i = 0; i < 20000; i++) {
        double x, y = 0.0;
        s = s * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
        memcpy(&x, &s, sizeof x);
        if (!isfinite(x))
            continue;
        ck_assert_int_eq(satstat_format_double(x, buf, sizeof buf),
                         SATSTAT_OK);
        ck_assert_msg(satstat_parse_double(buf, &y, msg, sizeof msg) == SATSTAT_OK,
                      "'%s' does not parse: %s", buf, msg);
        ck_assert_msg(memcmp(&x, &y, sizeof x) == 0,
                      "%.17g written as '%s'", x, buf);
    }
}
END_TEST

START_TEST(test_format_small_buffer)
{
    char buf[4];

    ck_assert_int_eq(satstat_format_double(0.125, buf, sizeof buf),
                     SATSTAT_ERANGE);
    ck_assert_str_eq(buf, "0.1");
    ck_assert_int_eq(satstat_format_double(0.5, buf, sizeof buf), SATSTAT_OK);
    ck_assert_str_eq(buf, "0.5");
    ck_assert_int_eq(satstat_format_double(0.5, NULL, 8), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_format_double(0.5, buf, 0), SATSTAT_EINVAL);
}
END_TEST

/* ---- satstat_quote ----------------------------------------------------- */

START_TEST(test_quote)
{
    char buf[SATSTAT_QUOTE_SIZE], small[6], longtext[200];
    size_t len, i;

    ck_assert_str_eq(satstat_quote("abc", buf, sizeof buf), "'abc'");
    ck_assert_str_eq(satstat_quote("", buf, sizeof buf), "''");
    ck_assert_str_eq(satstat_quote(NULL, buf, sizeof buf), "''");
    ck_assert_str_eq(satstat_quote("a\nb\x7f", buf, sizeof buf),
                     "'a\\x0ab\\x7f'");
    ck_assert_str_eq(satstat_quote("\xcf\x83", buf, sizeof buf),
                     "'\xcf\x83'");
    ck_assert_str_eq(satstat_quote("abcdefgh", small, sizeof small), "'abcd");
    ck_assert_ptr_null(satstat_quote("x", NULL, 4));

    /* Exactly SATSTAT_QUOTE_MAX bytes are shown whole. */
    memset(longtext, 'x', SATSTAT_QUOTE_MAX);
    longtext[SATSTAT_QUOTE_MAX] = '\0';
    satstat_quote(longtext, buf, sizeof buf);
    ck_assert_uint_eq(strlen(buf), SATSTAT_QUOTE_MAX + 2);
    ck_assert_ptr_null(strstr(buf, "..."));

    /* Longer: cut, with "...", within SATSTAT_QUOTE_SIZE. */
    memset(longtext, 'x', sizeof longtext - 1);
    longtext[sizeof longtext - 1] = '\0';
    satstat_quote(longtext, buf, sizeof buf);
    len = strlen(buf);
    ck_assert_uint_eq(len, SATSTAT_QUOTE_MAX + 2);
    ck_assert_str_eq(buf + len - 4, "...'");

    /* A cut never splits a UTF-8 character: 'σ' is 2 bytes. */
    memset(longtext, 'x', sizeof longtext - 1);
    longtext[SATSTAT_QUOTE_MAX - 4] = '\xcf';
    longtext[SATSTAT_QUOTE_MAX - 3] = '\x83';
    satstat_quote(longtext, buf, sizeof buf);
    len = strlen(buf);
    ck_assert_uint_eq(len, SATSTAT_QUOTE_MAX - 4 + 5);
    ck_assert_str_eq(buf + len - 5, "x...'");

    /* Nor an escape. */
    for (i = 0; i < 40; i++)
        longtext[i] = '\n';
    longtext[40] = '\0';
    satstat_quote(longtext, buf, sizeof buf);
    len = strlen(buf);
    ck_assert_uint_eq(len, 15 * 4 + 5);
    ck_assert_str_eq(buf + len - 8, "\\x0a...'");
}
END_TEST

/* ---- locale independence ------------------------------------------------ */

START_TEST(test_locale_independent)
{
    /* Whatever LC_NUMERIC the process runs in, '.' stays the decimal
     * point.  Locales with a decimal comma are tried when installed. */
    static const char *const locales[] = {"de_DE.UTF-8", "de_DE.utf8",
                                          "fr_FR.UTF-8", "ru_RU.UTF-8",
                                          "C.UTF-8",     "C"};
    char buf[SATSTAT_DOUBLE_SIZE], msg[SATSTAT_ERRMSG_SIZE];
    double v;
    uint64_t u;
    size_t i;
    int tried = 0;

    for (i = 0; i < sizeof locales / sizeof locales[0]; i++) {
        if (setlocale(LC_NUMERIC, locales[i]) == NULL)
            continue;
        tried++;
        ck_assert_int_eq(satstat_parse_double("2.5", &v, msg, sizeof msg), SATSTAT_OK);
        ck_assert(v == 2.5);
        ck_assert_int_eq(satstat_parse_double("2,5", &v, msg, sizeof msg),
                         SATSTAT_EINVAL);
        ck_assert_int_eq(satstat_format_double(0.5, buf, sizeof buf),
                         SATSTAT_OK);
        ck_assert_str_eq(buf, "0.5");
        ck_assert_int_eq(satstat_parse_u64("2.5e3", 0, 10000, &u, msg, sizeof msg),
                         SATSTAT_OK);
        ck_assert_uint_eq(u, 2500);
    }
    setlocale(LC_NUMERIC, "C");
    ck_assert_int_gt(tried, 0);
}
END_TEST

/* ---- names: distance, match, nearest ---------------------------------- */

START_TEST(test_name_distance)
{
    /* made by tests/ref/name_distance.py (the recursive definition) */
    static const struct {
        const char *a, *b;
        size_t d;
    } pairs[] = {
        {"tanh", "tanh", 0}, /* unrestricted DL 0 */
        {"Tanh", "tanh", 0}, /* unrestricted DL 0 */
        {"tnah", "tanh", 1}, /* unrestricted DL 1 */
        {"tahn", "tanh", 1}, /* unrestricted DL 1 */
        {"tan", "tanh", 1}, /* unrestricted DL 1 */
        {"tanhh", "tanh", 1}, /* unrestricted DL 1 */
        {"sigmiod", "sigmoid", 1}, /* unrestricted DL 1 */
        {"he_normal", "he-normal", 1}, /* unrestricted DL 1 */
        {"HeNormal", "he-normal", 1}, /* unrestricted DL 1 */
        {"", "abc", 3}, /* unrestricted DL 3 */
        {"abc", "", 3}, /* unrestricted DL 3 */
        {"ca", "abc", 3}, /* unrestricted DL 2 */
        {"kitten", "sitting", 3}, /* unrestricted DL 3 */
        {"shceme", "scheme", 1}, /* unrestricted DL 1 */
        {"fan-in", "fan_in", 1}, /* unrestricted DL 1 */
        {"JSNO", "json", 1}, /* unrestricted DL 1 */
        {"variance_scaling", "variance-scaling", 1}, /* unrestricted DL 1 */
        {"glorotnormal", "glorot_normal", 1}, /* unrestricted DL 1 */
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        size_t d = satstat_name_distance(pairs[i].a, strlen(pairs[i].a),
                                         pairs[i].b, strlen(pairs[i].b));
        ck_assert_msg(d == pairs[i].d, "d('%s', '%s') = %zu, expected %zu",
                      pairs[i].a, pairs[i].b, d, pairs[i].d);
        /* symmetric */
        ck_assert_uint_eq(satstat_name_distance(pairs[i].b, strlen(pairs[i].b),
                                                pairs[i].a, strlen(pairs[i].a)),
                          d);
    }
    /* only the given bytes count: "tanh:2" read as its first 4 */
    ck_assert_uint_eq(satstat_name_distance("tanh:2", 4, "tanh", 4), 0);
    /* beyond SATSTAT_NAME_MAX, or NULL: never close */
    char long_word[SATSTAT_NAME_MAX + 2];
    memset(long_word, 'a', sizeof long_word - 1);
    long_word[sizeof long_word - 1] = '\0';
    ck_assert_uint_eq(satstat_name_distance(long_word, strlen(long_word),
                                            long_word, strlen(long_word)),
                      SIZE_MAX);
    ck_assert_uint_eq(satstat_name_distance(long_word, SATSTAT_NAME_MAX,
                                            long_word, SATSTAT_NAME_MAX),
                      0);
    ck_assert_uint_eq(satstat_name_distance(NULL, 0, "a", 1), SIZE_MAX);
}
END_TEST

START_TEST(test_name_match)
{
    static const char *const names[] = {"orthogonal", "he-normal", "he_normal",
                                        "HeNormal", "Orthogonal"};
    size_t i = 99;

    /* exact beats case-folded, whatever the order */
    ck_assert_uint_eq(satstat_match_name("Orthogonal", 10, names, 5, &i), 1);
    ck_assert_uint_eq(i, 4);
    ck_assert_uint_eq(satstat_match_name("orthogonal", 10, names, 5, &i), 1);
    ck_assert_uint_eq(i, 0);
    /* two names differ only in case: both counted, the first given */
    ck_assert_uint_eq(satstat_match_name("ORTHOGONAL", 10, names, 5, &i), 2);
    ck_assert_uint_eq(i, 0);
    /* one case-folded match: accepted */
    ck_assert_uint_eq(satstat_match_name("HE-NORMAL", 9, names, 5, &i), 1);
    ck_assert_uint_eq(i, 1);
    ck_assert_uint_eq(satstat_match_name("He_Normal", 9, names, 5, &i), 1);
    ck_assert_uint_eq(i, 2);
    ck_assert_uint_eq(satstat_match_name("henormal", 8, names, 5, &i), 1);
    ck_assert_uint_eq(i, 3);
    /* folding is of letters only: '-' and '_' stay apart */
    ck_assert_uint_eq(satstat_match_name("he normal", 9, names, 5, &i), 0);
    /* a prefix of the given length, and no prefix matching */
    ck_assert_uint_eq(satstat_match_name("he-normal:2", 9, names, 5, &i), 1);
    ck_assert_uint_eq(i, 1);
    ck_assert_uint_eq(satstat_match_name("he-norma", 8, names, 5, &i), 0);
    ck_assert_uint_eq(satstat_match_name("", 0, names, 5, &i), 0);
    ck_assert_uint_eq(satstat_match_name(NULL, 0, names, 5, &i), 0);
}
END_TEST

START_TEST(test_name_closest)
{
    static const char *const acts[] = {"sigmoid", "tanh", "softsign", "erf",
                                       "relu", "leaky-relu", "gelu", "selu"};
    static const char *const tie[] = {"png", "svg", "pdf"};
    static const char *const cased[] = {"Orthogonal", "orthogonal"};
    char buf[SATSTAT_SUGGEST_SIZE];
    size_t i = 99;

    ck_assert_str_eq(satstat_closest_name("tnah", 4, acts, 8, &i), "tanh");
    ck_assert_uint_eq(i, 1);
    ck_assert_str_eq(satstat_closest_name("TNAH", 4, acts, 8, NULL), "tanh");
    ck_assert_str_eq(satstat_closest_name("sigmiod", 7, acts, 8, NULL),
                     "sigmoid");
    /* thresholds max(1, len/3): "sigmoid" (7) allows 2, "tanh" (4) 1 */
    ck_assert_str_eq(satstat_closest_name("sgmiod", 6, acts, 8, NULL),
                     "sigmoid");
    ck_assert_ptr_null(satstat_closest_name("sgmd", 4, acts, 8, NULL));
    ck_assert_ptr_null(satstat_closest_name("tnh_", 4, acts, 8, NULL));
    ck_assert_str_eq(satstat_closest_name("leaky_relu", 10, acts, 8, NULL),
                     "leaky-relu");
    /* "erf" (3) still allows one slip; nothing is near "softmax" */
    ck_assert_str_eq(satstat_closest_name("erg", 3, acts, 8, NULL), "erf");
    ck_assert_ptr_null(satstat_closest_name("softmax", 7, acts, 8, NULL));
    /* ties: "reul" is 1 from relu; "elu" is 1 from gelu, relu and selu:
     * the first listed wins */
    ck_assert_str_eq(satstat_closest_name("reul", 4, acts, 8, NULL), "relu");
    ck_assert_str_eq(satstat_closest_name("elu", 3, acts, 8, &i), "relu");
    ck_assert_uint_eq(i, 4);
    ck_assert_str_eq(satstat_closest_name("pxf", 3, tie, 3, NULL), "pdf");
    ck_assert_str_eq(satstat_closest_name("pvg", 3, tie, 3, NULL), "png");
    /* a tie in folded distance goes to the nearer case */
    ck_assert_str_eq(satstat_closest_name("orthogonl", 9, cased, 2, NULL),
                     "orthogonal");
    ck_assert_str_eq(satstat_closest_name("Orthogonl", 9, cased, 2, NULL),
                     "Orthogonal");
    /* an empty word suggests nothing */
    ck_assert_ptr_null(satstat_closest_name("", 0, acts, 8, NULL));

    ck_assert_str_eq(satstat_suggest("tnah", 4, acts, 8, buf, sizeof buf),
                     "did you mean 'tanh'? ");
    ck_assert_str_eq(satstat_suggest("zzz", 3, acts, 8, buf, sizeof buf), "");
}
END_TEST

static Suite *parse_suite(void)
{
    Suite *s = suite_create("parse");
    TCase *tc;

    tc = tcase_create("strerror");
    tcase_add_test(tc, test_strerror_codes);
    suite_add_tcase(s, tc);

    tc = tcase_create("double_valid");
    tcase_add_test(tc, test_double_valid);
    tcase_add_test(tc, test_double_null_msg);
    tcase_add_test(tc, test_msg_size);
    suite_add_tcase(s, tc);

    tc = tcase_create("double_invalid");
    tcase_add_test(tc, test_double_invalid);
    tcase_add_test(tc, test_double_empty);
    tcase_add_test(tc, test_double_messages);
    suite_add_tcase(s, tc);

    tc = tcase_create("u64_valid");
    tcase_add_test(tc, test_u64_valid);
    suite_add_tcase(s, tc);

    tc = tcase_create("u64_invalid");
    tcase_add_test(tc, test_u64_invalid);
    suite_add_tcase(s, tc);

    tc = tcase_create("u64_range");
    tcase_add_test(tc, test_u64_range);
    tcase_add_test(tc, test_u64_cli_values);
    suite_add_tcase(s, tc);

    tc = tcase_create("format_double");
    tcase_add_test(tc, test_format_shortest);
    tcase_add_test(tc, test_format_round_trip);
    tcase_add_test(tc, test_format_small_buffer);
    suite_add_tcase(s, tc);

    tc = tcase_create("quote");
    tcase_add_test(tc, test_quote);
    suite_add_tcase(s, tc);

    tc = tcase_create("names");
    tcase_add_test(tc, test_name_distance);
    tcase_add_test(tc, test_name_match);
    tcase_add_test(tc, test_name_closest);
    suite_add_tcase(s, tc);

    tc = tcase_create("locale");
    tcase_add_test(tc, test_locale_independent);
    suite_add_tcase(s, tc);

    return s;
}

TEST_MAIN(parse_suite)
