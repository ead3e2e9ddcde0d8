/* test_scheme.c — weight schemes, bias and input specs, and the run
 * configuration (satstat/scheme.h, satstat/config.h). */
#include <check.h>

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/activation.h>
#include <satstat/config.h>
#include <satstat/error.h>
#include <satstat/parse.h>
#include <satstat/scheme.h>

#define ck_assert_msg_has(msg, part)                                     \
    ck_assert_msg(strstr((msg), (part)) != NULL,                         \
                  "message \"%s\" does not contain \"%s\"", (msg), (part))

/* Relative tolerance for quantities computed in a few roundings. */
#define REL_TOL (8 * DBL_EPSILON)

static void assert_close(double got, double want)
{
    ck_assert_msg(fabs(got - want) <= REL_TOL * fabs(want),
                  "got %.17g, want %.17g", got, want);
}

/* ---- laws -------------------------------------------------------------- */

START_TEST(test_law_moments)
{
    satstat_law c = {SATSTAT_FAMILY_CONSTANT, 0.5, 0.0};
    satstat_law n = {SATSTAT_FAMILY_NORMAL, -1.0, 0.5};
    satstat_law u = {SATSTAT_FAMILY_UNIFORM, -0.1, 0.1};
    satstat_law u2 = {SATSTAT_FAMILY_UNIFORM, 1.0, 4.0};

    ck_assert(satstat_law_mean(&c) == 0.5);
    ck_assert(satstat_law_variance(&c) == 0.0);
    ck_assert(satstat_law_mean(&n) == -1.0);
    ck_assert(satstat_law_variance(&n) == 0.25);
    ck_assert(satstat_law_mean(&u) == 0.0);
    assert_close(satstat_law_variance(&u), 0.04 / 12.0);
    ck_assert(satstat_law_mean(&u2) == 2.5);
    ck_assert(satstat_law_variance(&u2) == 9.0 / 12.0);
    ck_assert(isnan(satstat_law_mean(NULL)));
    ck_assert(isnan(satstat_law_variance(NULL)));
}
END_TEST

/* ---- weight schemes ------------------------------------------------------ */

static const struct {
    const char *text;
    satstat_scheme_kind kind;
    double param;
    const char *canonical;
} valid_schemes[] = {
    {"standard", SATSTAT_SCHEME_STANDARD, 0.0, "standard"},
    {"scaled", SATSTAT_SCHEME_SCALED, 0.0, "scaled"},
    {"normal:0.5", SATSTAT_SCHEME_NORMAL, 0.5, "normal:0.5"},
    {"normal:0.50", SATSTAT_SCHEME_NORMAL, 0.5, "normal:0.5"},
    {"normal:+0.5", SATSTAT_SCHEME_NORMAL, 0.5, "normal:0.5"},
    {"normal:5e-1", SATSTAT_SCHEME_NORMAL, 0.5, "normal:0.5"},
    {"normal:2", SATSTAT_SCHEME_NORMAL, 2.0, "normal:2"},
    {"normal:2.000", SATSTAT_SCHEME_NORMAL, 2.0, "normal:2"},
    {"normal:1e-3", SATSTAT_SCHEME_NORMAL, 1e-3, "normal:0.001"},
    {"normal:0.1", SATSTAT_SCHEME_NORMAL, 0.1, "normal:0.1"},
    {"normal:0.30000000000000004", SATSTAT_SCHEME_NORMAL,
     0.30000000000000004, "normal:0.30000000000000004"},
    {"uniform:0.1", SATSTAT_SCHEME_UNIFORM, 0.1, "uniform:0.1"},
    {"uniform:1e2", SATSTAT_SCHEME_UNIFORM, 100.0, "uniform:100"},
    {"uniform:.25", SATSTAT_SCHEME_UNIFORM, 0.25, "uniform:0.25"},
};

START_TEST(test_scheme_valid)
{
    size_t i;

    for (i = 0; i < sizeof valid_schemes / sizeof valid_schemes[0]; i++) {
        satstat_scheme s, again;
        char msg[SATSTAT_ERRMSG_SIZE] = "";
        int rc = satstat_scheme_parse(valid_schemes[i].text, &s, msg);
        ck_assert_msg(rc == SATSTAT_OK, "'%s' rejected: %s",
                      valid_schemes[i].text, msg);
        ck_assert_int_eq(s.kind, valid_schemes[i].kind);
        ck_assert(s.param == valid_schemes[i].param);
        ck_assert_str_eq(s.canonical, valid_schemes[i].canonical);
        /* The canonical spec is itself a spec with the same canonical. */
        ck_assert_int_eq(satstat_scheme_parse(s.canonical, &again, msg),
                         SATSTAT_OK);
        ck_assert_str_eq(again.canonical, s.canonical);
        ck_assert(again.param == s.param);
    }
}
END_TEST

START_TEST(test_scheme_unknown)
{
    static const char *const unknown[] = {"nope", "Standard", "SCALED",
                                          "gaussian:1", "scaled ", " scaled",
                                          "he", "normal1"};
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_scheme s;
    size_t i;

    ck_assert_int_eq(satstat_scheme_parse("nope", &s, msg), SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "unknown scheme 'nope' (valid: standard, scaled, "
                          "normal:SIGMA, uniform:A)");
    for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        ck_assert_int_eq(satstat_scheme_parse(unknown[i], &s, msg),
                         SATSTAT_EINVAL);
        ck_assert_msg_has(msg, unknown[i]);
        ck_assert_msg_has(msg, "valid: standard, scaled, normal:SIGMA, "
                               "uniform:A");
    }
}
END_TEST

START_TEST(test_scheme_bad_param)
{
    static const struct {
        const char *text, *part;
    } bad[] = {
        {"normal:-1", "'-1'"},     {"normal:nan", "'nan'"},
        {"normal:", "''"},         {"normal:0", "'0'"},
        {"normal:-0", "'-0'"},     {"normal:inf", "'inf'"},
        {"normal: 1", "' 1'"},     {"normal:1 ", "'1 '"},
        {"normal:0x1", "'0x1'"},   {"normal:1e400", "'1e400'"},
        {"normal:1e200", "'1e200'"}, {"normal:1e-200", "'1e-200'"},
        {"normal:1:2", "'1:2'"},   {"uniform:-0.1", "'-0.1'"},
        {"uniform:0", "'0'"},      {"uniform:", "''"},
        {"uniform:abc", "'abc'"},  {"normal", "'normal'"},
        {"uniform", "'uniform'"},  {"standard:1", "'standard:1'"},
        {"scaled:", "'scaled:'"},
    };
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_scheme s;
    size_t i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        msg[0] = '\0';
        ck_assert_msg(satstat_scheme_parse(bad[i].text, &s, msg)
                          == SATSTAT_EINVAL,
                      "'%s' accepted", bad[i].text);
        ck_assert_msg_has(msg, bad[i].part);
    }
    ck_assert_int_eq(satstat_scheme_parse("normal:-1", &s, msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg,
                     "expected a positive finite number after 'normal:', "
                     "got '-1'");
    ck_assert_int_eq(satstat_scheme_parse("", &s, msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "empty");
    ck_assert_msg_has(msg, "normal:SIGMA");
    ck_assert_int_eq(satstat_scheme_parse(NULL, &s, msg), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_scheme_parse("scaled", NULL, msg),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_scheme_parse("nope", &s, NULL), SATSTAT_EINVAL);
}
END_TEST

/* ---- scheme lists -------------------------------------------------------- */

START_TEST(test_scheme_list_valid)
{
    satstat_scheme s[SATSTAT_MAX_SCHEMES];
    char msg[SATSTAT_ERRMSG_SIZE] = "", text[512];
    size_t n = 99, i, len = 0;

    ck_assert_int_eq(satstat_scheme_parse_list("standard,scaled", s,
                                               SATSTAT_MAX_SCHEMES, &n, msg),
                     SATSTAT_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(s[0].canonical, "standard");
    ck_assert_str_eq(s[1].canonical, "scaled");

    ck_assert_int_eq(satstat_scheme_parse_list("scaled", s, 1, &n, msg),
                     SATSTAT_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(s[0].canonical, "scaled");

    ck_assert_int_eq(satstat_scheme_parse_list("normal:0.50,uniform:1e-1", s,
                                               4, &n, msg),
                     SATSTAT_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(s[0].canonical, "normal:0.5");
    ck_assert_str_eq(s[1].canonical, "uniform:0.1");

    /* Exactly SATSTAT_MAX_SCHEMES items fit. */
    for (i = 0; i < SATSTAT_MAX_SCHEMES; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, "%snormal:%zu",
                                i > 0 ? "," : "", i + 1);
    ck_assert_int_eq(satstat_scheme_parse_list(text, s, SATSTAT_MAX_SCHEMES,
                                               &n, msg),
                     SATSTAT_OK);
    ck_assert_uint_eq(n, SATSTAT_MAX_SCHEMES);
    ck_assert_str_eq(s[15].canonical, "normal:16");
}
END_TEST

START_TEST(test_scheme_list_invalid)
{
    static const struct {
        const char *text, *part;
    } bad[] = {
        {"scaled,,standard", "'scaled,,standard'"},
        {"scaled,", "'scaled,'"},
        {",scaled", "',scaled'"},
        {",", "','"},
        {"scaled,scaled", "'scaled'"},
        {"normal:0.5,normal:0.50", "'normal:0.50'"},
        {"standard,nope", "'nope'"},
        {"standard,normal:-1", "'-1'"},
        {"standard, scaled", "' scaled'"},
    };
    satstat_scheme s[4];
    char msg[SATSTAT_ERRMSG_SIZE];
    size_t n, i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        n = 99;
        msg[0] = '\0';
        ck_assert_msg(satstat_scheme_parse_list(bad[i].text, s, 4, &n, msg)
                          == SATSTAT_EINVAL,
                      "'%s' accepted", bad[i].text);
        ck_assert_uint_eq(n, 0);
        ck_assert_msg_has(msg, bad[i].part);
    }

    ck_assert_int_eq(satstat_scheme_parse_list("", s, 4, &n, msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "empty");
    ck_assert_int_eq(satstat_scheme_parse_list(NULL, s, 4, &n, msg),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_scheme_parse_list("scaled", s, 4, NULL, msg),
                     SATSTAT_EINVAL);

    ck_assert_int_eq(satstat_scheme_parse_list("normal:0.5,normal:0.50", s, 4,
                                               &n, msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "twice");
    ck_assert_msg_has(msg, "'normal:0.5'");

    /* More than max. */
    ck_assert_int_eq(satstat_scheme_parse_list("standard,scaled,normal:1", s,
                                               2, &n, msg),
                     SATSTAT_EINVAL);
    ck_assert_uint_eq(n, 0);
    ck_assert_msg_has(msg, "at most 2");
}
END_TEST

/* ---- weight laws, descriptions, names ------------------------------------ */

START_TEST(test_weight_law)
{
    satstat_scheme s;
    satstat_law w;

    ck_assert_int_eq(satstat_scheme_parse("standard", &s, NULL), SATSTAT_OK);
    ck_assert_int_eq(satstat_scheme_weight_law(&s, 1000, 100, &w), SATSTAT_OK);
    ck_assert_int_eq(w.family, SATSTAT_FAMILY_NORMAL);
    ck_assert(w.a == 0.0 && w.b == 1.0);

    ck_assert_int_eq(satstat_scheme_parse("scaled", &s, NULL), SATSTAT_OK);
    ck_assert_int_eq(satstat_scheme_weight_law(&s, 1000, 100, &w), SATSTAT_OK);
    ck_assert_int_eq(w.family, SATSTAT_FAMILY_NORMAL);
    ck_assert(w.a == 0.0);
    assert_close(w.b, 1.0 / sqrt(1000.0));
    assert_close(satstat_law_variance(&w), 1e-3);
    ck_assert_int_eq(satstat_scheme_weight_law(&s, 4, 100, &w), SATSTAT_OK);
    ck_assert(w.b == 0.5);
    ck_assert_int_eq(satstat_scheme_weight_law(&s, 0, 100, &w),
                     SATSTAT_EINVAL);

    ck_assert_int_eq(satstat_scheme_parse("normal:0.5", &s, NULL), SATSTAT_OK);
    ck_assert_int_eq(satstat_scheme_weight_law(&s, 1000, 100, &w), SATSTAT_OK);
    ck_assert_int_eq(w.family, SATSTAT_FAMILY_NORMAL);
    ck_assert(w.a == 0.0 && w.b == 0.5);

    ck_assert_int_eq(satstat_scheme_parse("uniform:0.1", &s, NULL),
                     SATSTAT_OK);
    ck_assert_int_eq(satstat_scheme_weight_law(&s, 1000, 100, &w), SATSTAT_OK);
    ck_assert_int_eq(w.family, SATSTAT_FAMILY_UNIFORM);
    ck_assert(w.a == -0.1 && w.b == 0.1);
    assert_close(satstat_law_variance(&w), 0.01 / 3.0);
    ck_assert(satstat_law_mean(&w) == 0.0);

    ck_assert_int_eq(satstat_scheme_weight_law(NULL, 1000, 100, &w),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_scheme_weight_law(&s, 1000, 100, NULL),
                     SATSTAT_EINVAL);
}
END_TEST

START_TEST(test_scheme_describe)
{
    static const struct {
        const char *spec, *text;
    } cases[] = {
        {"standard", "N(0, 1)"},
        {"scaled", "N(0, 1/n_in)"},
        {"normal:0.5", "N(0, 0.5\xc2\xb2)"},
        {"normal:2.50", "N(0, 2.5\xc2\xb2)"},
        {"uniform:0.1", "U(-0.1, 0.1)"},
    };
    char buf[SATSTAT_SPEC_SIZE], tiny[4];
    satstat_scheme s;
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert_int_eq(satstat_scheme_parse(cases[i].spec, &s, NULL),
                         SATSTAT_OK);
        ck_assert_int_eq(satstat_scheme_describe(&s, buf, sizeof buf),
                         SATSTAT_OK);
        ck_assert_str_eq(buf, cases[i].text);
    }
    /* The longest parameter still fits in SATSTAT_SPEC_SIZE. */
    ck_assert_int_eq(satstat_scheme_parse("uniform:1.2345678901234567e-100",
                                          &s, NULL),
                     SATSTAT_OK);
    ck_assert_int_eq(satstat_scheme_describe(&s, buf, sizeof buf),
                     SATSTAT_OK);
    ck_assert_str_eq(buf,
                     "U(-1.2345678901234567e-100, 1.2345678901234567e-100)");
    ck_assert_int_eq(satstat_scheme_describe(&s, tiny, sizeof tiny),
                     SATSTAT_ERANGE);
    ck_assert_str_eq(tiny, "U(-");
    ck_assert_int_eq(satstat_scheme_describe(NULL, buf, sizeof buf),
                     SATSTAT_EINVAL);
}
END_TEST

static void assert_names(const char *const *got, const char *const *want)
{
    size_t i;

    ck_assert_ptr_nonnull(got);
    for (i = 0; want[i] != NULL; i++) {
        ck_assert_ptr_nonnull(got[i]);
        ck_assert_str_eq(got[i], want[i]);
    }
    ck_assert_ptr_null(got[i]);
}

START_TEST(test_names)
{
    static const char *const schemes[] = {"standard", "scaled",
                                          "normal:SIGMA", "uniform:A", NULL};
    static const char *const biases[] = {"normal:SIGMA", "zero", "const:C",
                                         "uniform:A", NULL};
    static const char *const inputs[] = {"half", "ones", "bernoulli:P",
                                         NULL};

    assert_names(satstat_scheme_names(), schemes);
    assert_names(satstat_bias_names(), biases);
    assert_names(satstat_inputs_names(), inputs);
}
END_TEST

/* ---- bias ----------------------------------------------------------------*/

START_TEST(test_bias_valid)
{
    static const struct {
        const char *text;
        satstat_family family;
        double a, b;
        const char *canonical;
    } cases[] = {
        {"normal:1", SATSTAT_FAMILY_NORMAL, 0.0, 1.0, "normal:1"},
        {"normal:0.50", SATSTAT_FAMILY_NORMAL, 0.0, 0.5, "normal:0.5"},
        {"zero", SATSTAT_FAMILY_CONSTANT, 0.0, 0.0, "zero"},
        {"const:0.5", SATSTAT_FAMILY_CONSTANT, 0.5, 0.0, "const:0.5"},
        {"const:-2", SATSTAT_FAMILY_CONSTANT, -2.0, 0.0, "const:-2"},
        {"const:0", SATSTAT_FAMILY_CONSTANT, 0.0, 0.0, "const:0"},
        {"const:-0", SATSTAT_FAMILY_CONSTANT, 0.0, 0.0, "const:0"},
        {"const:1e300", SATSTAT_FAMILY_CONSTANT, 1e300, 0.0, "const:1e+300"},
        {"uniform:0.1", SATSTAT_FAMILY_UNIFORM, -0.1, 0.1, "uniform:0.1"},
    };
    satstat_bias b;
    char msg[SATSTAT_ERRMSG_SIZE];
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        msg[0] = '\0';
        ck_assert_msg(satstat_bias_parse(cases[i].text, &b, msg)
                          == SATSTAT_OK,
                      "'%s' rejected: %s", cases[i].text, msg);
        ck_assert_int_eq(b.law.family, cases[i].family);
        ck_assert(b.law.a == cases[i].a);
        ck_assert(b.law.b == cases[i].b);
        ck_assert_str_eq(b.canonical, cases[i].canonical);
    }
    ck_assert_int_eq(satstat_bias_parse("normal:1", &b, NULL), SATSTAT_OK);
    ck_assert(satstat_law_mean(&b.law) == 0.0);
    ck_assert(satstat_law_variance(&b.law) == 1.0);
    ck_assert_int_eq(satstat_bias_parse("const:0.5", &b, NULL), SATSTAT_OK);
    ck_assert(satstat_law_mean(&b.law) == 0.5);
    ck_assert(satstat_law_variance(&b.law) == 0.0);
}
END_TEST

START_TEST(test_bias_invalid)
{
    static const struct {
        const char *text, *part;
    } bad[] = {
        {"normal:-2", "'-2'"},   {"normal:0", "'0'"},
        {"normal:", "''"},       {"normal", "'normal'"},
        {"const:nan", "'nan'"},  {"const:inf", "'inf'"},
        {"const:", "''"},        {"const", "'const'"},
        {"uniform:0", "'0'"},    {"uniform:-1", "'-1'"},
        {"zero:1", "'zero:1'"},  {"nope", "'nope'"},
        {"Zero", "'Zero'"},
    };
    satstat_bias b;
    char msg[SATSTAT_ERRMSG_SIZE];
    size_t i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        msg[0] = '\0';
        ck_assert_msg(satstat_bias_parse(bad[i].text, &b, msg)
                          == SATSTAT_EINVAL,
                      "'%s' accepted", bad[i].text);
        ck_assert_msg_has(msg, bad[i].part);
    }
    ck_assert_int_eq(satstat_bias_parse("normal:-2", &b, msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "expected a positive finite number after "
                          "'normal:', got '-2'");
    ck_assert_int_eq(satstat_bias_parse("nope", &b, msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "normal:SIGMA, zero, const:C, uniform:A");
    ck_assert_int_eq(satstat_bias_parse("", &b, msg), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_bias_parse(NULL, &b, msg), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_bias_parse("zero", NULL, msg), SATSTAT_EINVAL);
}
END_TEST

/* ---- inputs ----------------------------------------------------------------*/

START_TEST(test_inputs_parse)
{
    static const struct {
        const char *text;
        satstat_inputs_kind kind;
        double p;
        const char *canonical;
    } cases[] = {
        {"half", SATSTAT_INPUTS_HALF, 0.0, "half"},
        {"ones", SATSTAT_INPUTS_ONES, 0.0, "ones"},
        {"bernoulli:0.3", SATSTAT_INPUTS_BERNOULLI, 0.3, "bernoulli:0.3"},
        {"bernoulli:0.50", SATSTAT_INPUTS_BERNOULLI, 0.5, "bernoulli:0.5"},
        {"bernoulli:0", SATSTAT_INPUTS_BERNOULLI, 0.0, "bernoulli:0"},
        {"bernoulli:1", SATSTAT_INPUTS_BERNOULLI, 1.0, "bernoulli:1"},
    };
    static const struct {
        const char *text, *part;
    } bad[] = {
        {"bernoulli:1.5", "'1.5'"},  {"bernoulli:-0.1", "'-0.1'"},
        {"bernoulli:", "''"},        {"bernoulli", "'bernoulli'"},
        {"bernoulli:nan", "'nan'"},  {"half:3", "'half:3'"},
        {"x", "'x'"},                {"Half", "'Half'"},
    };
    satstat_inputs in;
    char msg[SATSTAT_ERRMSG_SIZE];
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        memset(&in, 0xA5, sizeof in);
        msg[0] = '\0';
        ck_assert_msg(satstat_inputs_parse(cases[i].text, &in, msg)
                          == SATSTAT_OK,
                      "'%s' rejected: %s", cases[i].text, msg);
        ck_assert_int_eq(in.kind, cases[i].kind);
        ck_assert(in.p == cases[i].p);
        ck_assert_uint_eq(in.active, 0);
        ck_assert_int_eq(in.active_given, 0);
        ck_assert_str_eq(in.canonical, cases[i].canonical);
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        msg[0] = '\0';
        ck_assert_msg(satstat_inputs_parse(bad[i].text, &in, msg)
                          == SATSTAT_EINVAL,
                      "'%s' accepted", bad[i].text);
        ck_assert_msg_has(msg, bad[i].part);
    }
    ck_assert_int_eq(satstat_inputs_parse("bernoulli:1.5", &in, msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "expected a probability in [0, 1] after "
                          "'bernoulli:', got '1.5'");
}
END_TEST

START_TEST(test_inputs_resolve)
{
    satstat_inputs in;
    char msg[SATSTAT_ERRMSG_SIZE];

    ck_assert_int_eq(satstat_inputs_parse("half", &in, NULL), SATSTAT_OK);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, msg), SATSTAT_OK);
    ck_assert_uint_eq(in.active, 500);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1001, msg), SATSTAT_OK);
    ck_assert_uint_eq(in.active, 500); /* n_in/2 rounded down */
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1, msg), SATSTAT_OK);
    ck_assert_uint_eq(in.active, 0);

    in.active = 2000;
    in.active_given = 1;
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, msg), SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "--active 2000 exceeds --n-in 1000");
    in.active = 1000;
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, msg), SATSTAT_OK);
    ck_assert_uint_eq(in.active, 1000);
    in.active = 0;
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, msg), SATSTAT_OK);
    ck_assert_uint_eq(in.active, 0);

    /* --active with a model that ignores it is an error, not ignored. */
    ck_assert_int_eq(satstat_inputs_parse("ones", &in, NULL), SATSTAT_OK);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, msg), SATSTAT_OK);
    in.active = 10;
    in.active_given = 1;
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "--active");
    ck_assert_msg_has(msg, "'ones'");
    ck_assert_int_eq(satstat_inputs_parse("bernoulli:0.3", &in, NULL),
                     SATSTAT_OK);
    in.active_given = 1;
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "'bernoulli:0.3'");

    ck_assert_int_eq(satstat_inputs_resolve(NULL, 1000, msg), SATSTAT_EINVAL);
}
END_TEST

START_TEST(test_inputs_moments)
{
    satstat_inputs in;

    ck_assert_int_eq(satstat_inputs_parse("half", &in, NULL), SATSTAT_OK);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, NULL), SATSTAT_OK);
    ck_assert_int_eq(satstat_inputs_is_random(&in), 0);
    ck_assert(satstat_inputs_sum_sq(&in, 1000) == 500.0);
    ck_assert(satstat_inputs_sum(&in, 1000) == 500.0);
    ck_assert_uint_eq(satstat_inputs_support(&in, 1000), 500);

    ck_assert_int_eq(satstat_inputs_parse("ones", &in, NULL), SATSTAT_OK);
    ck_assert_int_eq(satstat_inputs_is_random(&in), 0);
    ck_assert(satstat_inputs_sum_sq(&in, 1000) == 1000.0);
    ck_assert(satstat_inputs_sum(&in, 1000) == 1000.0);
    ck_assert_uint_eq(satstat_inputs_support(&in, 1000), 1000);

    ck_assert_int_eq(satstat_inputs_parse("bernoulli:0.25", &in, NULL),
                     SATSTAT_OK);
    ck_assert_int_eq(satstat_inputs_is_random(&in), 1);
    ck_assert(satstat_inputs_sum_sq(&in, 1000) == 250.0);
    ck_assert(satstat_inputs_sum(&in, 1000) == 250.0);
    ck_assert_uint_eq(satstat_inputs_support(&in, 1000), 1000);

    ck_assert_int_eq(satstat_inputs_parse("bernoulli:0", &in, NULL),
                     SATSTAT_OK);
    ck_assert(satstat_inputs_sum_sq(&in, 1000) == 0.0);
    ck_assert_uint_eq(satstat_inputs_support(&in, 1000), 0);

    ck_assert_int_eq(satstat_inputs_is_random(NULL), 0);
}
END_TEST

/* ---- configuration -------------------------------------------------------*/

START_TEST(test_config_default)
{
    satstat_config c;
    char msg[SATSTAT_ERRMSG_SIZE] = "";

    memset(&c, 0xA5, sizeof c);
    satstat_config_default(&c);
    ck_assert_uint_eq(c.n_in, 1000);
    ck_assert_uint_eq(c.n_out, 100);
    ck_assert_int_eq(c.inputs.kind, SATSTAT_INPUTS_HALF);
    ck_assert_str_eq(c.inputs.canonical, "half");
    ck_assert_int_eq(c.inputs.active_given, 0);
    ck_assert_uint_eq(c.inputs.active, 500);
    ck_assert_str_eq(c.bias.canonical, "normal:1");
    ck_assert_int_eq(c.bias.law.family, SATSTAT_FAMILY_NORMAL);
    ck_assert(c.bias.law.a == 0.0 && c.bias.law.b == 1.0);
    ck_assert_ptr_eq(c.activation, satstat_activation_find("sigmoid"));
    ck_assert(c.threshold == 4.0);
    ck_assert_uint_eq(c.samples, 1000000);
    ck_assert_uint_eq(c.seed, SATSTAT_DEFAULT_SEED);
    ck_assert_uint_eq(c.threads, 0);
    ck_assert(c.alpha == 0.001);
    ck_assert_int_eq(c.has_claimed_variance, 0);
    ck_assert_uint_eq(c.n_schemes, 2);
    ck_assert_str_eq(c.schemes[0].canonical, "standard");
    ck_assert_int_eq(c.schemes[0].kind, SATSTAT_SCHEME_STANDARD);
    ck_assert_str_eq(c.schemes[1].canonical, "scaled");
    ck_assert_int_eq(c.schemes[1].kind, SATSTAT_SCHEME_SCALED);

    ck_assert_int_eq(satstat_config_validate(&c, msg), SATSTAT_OK);
    ck_assert_uint_eq(c.inputs.active, 500);
}
END_TEST

/* Validate a default config changed by `edit`; expect failure naming
 * `option` and containing `value`. */
#define EXPECT_INVALID(edit, option, value)                              \
    do {                                                                 \
        satstat_config c_;                                               \
        char m_[SATSTAT_ERRMSG_SIZE] = "";                               \
        satstat_config_default(&c_);                                     \
        {                                                                \
            satstat_config *cfg = &c_;                                   \
            edit;                                                        \
        }                                                                \
        ck_assert_int_eq(satstat_config_validate(&c_, m_),               \
                         SATSTAT_EINVAL);                                \
        ck_assert_msg_has(m_, option);                                   \
        ck_assert_msg_has(m_, value);                                    \
    } while (0)

START_TEST(test_config_ranges)
{
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_config c;

    EXPECT_INVALID(cfg->n_in = 0, "--n-in", "got 0");
    EXPECT_INVALID(cfg->n_in = SATSTAT_MAX_N_IN + 1, "--n-in", "100000001");
    EXPECT_INVALID(cfg->n_out = 0, "--n-out", "got 0");
    EXPECT_INVALID(cfg->samples = 0, "--samples", "got 0");
    EXPECT_INVALID(cfg->samples = SATSTAT_MAX_SAMPLES + 1, "--samples",
                   "1000000000001");
    EXPECT_INVALID(cfg->seed = UINT64_C(1) << 63, "--seed",
                   "got 9223372036854775808");
    EXPECT_INVALID(cfg->seed = UINT64_MAX, "--seed", "18446744073709551615");
    EXPECT_INVALID(cfg->threads = SATSTAT_MAX_THREADS + 1, "--threads",
                   "1025");
    EXPECT_INVALID(cfg->threshold = INFINITY, "--threshold", "inf");
    EXPECT_INVALID(cfg->threshold = -1.0, "--threshold", "got -1");
    EXPECT_INVALID(cfg->threshold = 0.0, "--threshold", "got 0");
    EXPECT_INVALID(cfg->threshold = NAN, "--threshold", "nan");
    EXPECT_INVALID(cfg->alpha = 0.0, "--alpha", "got 0");
    EXPECT_INVALID(cfg->alpha = 1.0, "--alpha", "got 1");
    EXPECT_INVALID(cfg->alpha = -0.5, "--alpha", "-0.5");
    EXPECT_INVALID(cfg->alpha = NAN, "--alpha", "nan");
    EXPECT_INVALID((cfg->has_claimed_variance = 1, cfg->claimed_variance = 0.0),
                   "--expect-variance", "got 0");
    EXPECT_INVALID((cfg->has_claimed_variance = 1, cfg->claimed_variance = -3.0),
                   "--expect-variance", "-3");
    EXPECT_INVALID((cfg->has_claimed_variance = 1,
                    cfg->claimed_variance = INFINITY),
                   "--expect-variance", "inf");
    EXPECT_INVALID(cfg->n_schemes = 0, "--scheme", "got 0");
    EXPECT_INVALID(cfg->n_schemes = SATSTAT_MAX_SCHEMES + 1, "--scheme", "17");
    EXPECT_INVALID(cfg->schemes[1] = cfg->schemes[0], "--scheme", "'standard'");
    EXPECT_INVALID(cfg->activation = NULL, "--activation", "not set");
    EXPECT_INVALID((cfg->inputs.active = 2000, cfg->inputs.active_given = 1),
                   "--active 2000", "--n-in 1000");

    /* The exact wording of a few, as the CLI prints them after
     * "satstat: ". */
    satstat_config_default(&c);
    c.alpha = 1.0;
    ck_assert_int_eq(satstat_config_validate(&c, msg), SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "--alpha must be in (0, 1), got 1");
    satstat_config_default(&c);
    c.n_in = 0;
    ck_assert_int_eq(satstat_config_validate(&c, msg), SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "--n-in must be between 1 and 100000000, got 0");

    /* Var z overflowing a double is refused up front. */
    satstat_config_default(&c);
    ck_assert_int_eq(satstat_scheme_parse("normal:1e153", &c.schemes[0],
                                          NULL),
                     SATSTAT_OK);
    ck_assert_int_eq(satstat_config_validate(&c, msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "'normal:1e+153'");

    /* Boundaries that are valid. */
    satstat_config_default(&c);
    c.n_in = SATSTAT_MAX_N_IN;
    c.samples = SATSTAT_MAX_SAMPLES;
    c.seed = (UINT64_C(1) << 63) - 1;
    c.threads = SATSTAT_MAX_THREADS;
    c.threshold = 1e-300;
    c.alpha = 0.999;
    c.has_claimed_variance = 1;
    c.claimed_variance = 1.5;
    c.inputs.active = SATSTAT_MAX_N_IN;
    c.inputs.active_given = 1;
    ck_assert_msg(satstat_config_validate(&c, msg) == SATSTAT_OK, "%s", msg);
    ck_assert_uint_eq(c.inputs.active, SATSTAT_MAX_N_IN);

    /* Resolution follows n_in when --active was not given. */
    satstat_config_default(&c);
    c.n_in = 31;
    ck_assert_int_eq(satstat_config_validate(&c, msg), SATSTAT_OK);
    ck_assert_uint_eq(c.inputs.active, 15);

    ck_assert_int_eq(satstat_config_validate(NULL, msg), SATSTAT_EINVAL);
    satstat_config_default(&c);
    c.n_in = 0;
    ck_assert_int_eq(satstat_config_validate(&c, NULL), SATSTAT_EINVAL);
}
END_TEST

/* Every bad value of the CLI contract, through the function the CLI uses
 * for it: SATSTAT_EINVAL and a message that shows the value. */
START_TEST(test_cli_bad_values)
{
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_config c;
    satstat_scheme s[SATSTAT_MAX_SCHEMES];
    satstat_inputs in;
    satstat_bias b;
    double d;
    uint64_t u;
    size_t n;

    ck_assert_int_eq(satstat_parse_u64("-5", 1, SATSTAT_MAX_N_IN, &u, msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "-5");
    ck_assert_int_eq(satstat_parse_u64("12abc", 1, SATSTAT_MAX_N_IN, &u, msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "12abc");
    ck_assert_int_eq(satstat_parse_u64("abc", 1, SATSTAT_MAX_SAMPLES, &u,
                                       msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "abc");

    ck_assert_int_eq(satstat_scheme_parse_list("nope", s, SATSTAT_MAX_SCHEMES,
                                               &n, msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "unknown scheme 'nope' (valid: standard, scaled, "
                          "normal:SIGMA, uniform:A)");
    ck_assert_int_eq(satstat_scheme_parse_list("normal:-1", s,
                                               SATSTAT_MAX_SCHEMES, &n, msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "-1");
    ck_assert_int_eq(satstat_scheme_parse_list("normal:nan", s,
                                               SATSTAT_MAX_SCHEMES, &n, msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "nan");
    ck_assert_int_eq(satstat_scheme_parse_list("normal:", s,
                                               SATSTAT_MAX_SCHEMES, &n, msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "normal:");
    ck_assert_int_eq(satstat_scheme_parse_list("", s, SATSTAT_MAX_SCHEMES, &n,
                                               msg),
                     SATSTAT_EINVAL);

    ck_assert_int_eq(satstat_parse_double("inf", &d, msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "inf");
    ck_assert_int_eq(satstat_parse_double("-1", &d, msg), SATSTAT_OK);
    satstat_config_default(&c);
    c.threshold = d;
    ck_assert_int_eq(satstat_config_validate(&c, msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "-1");

    satstat_config_default(&c);
    c.inputs.active = 2000;
    c.inputs.active_given = 1;
    ck_assert_int_eq(satstat_config_validate(&c, msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "2000");

    ck_assert_int_eq(satstat_inputs_parse("bernoulli:1.5", &in, msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "1.5");
    ck_assert_int_eq(satstat_bias_parse("normal:-2", &b, msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "-2");

    satstat_config_default(&c);
    c.alpha = 0.0;
    ck_assert_int_eq(satstat_config_validate(&c, msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "got 0");
    c.alpha = 1.0;
    ck_assert_int_eq(satstat_config_validate(&c, msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "got 1");

    ck_assert_int_eq(satstat_parse_u64("-3x", 0, (UINT64_C(1) << 63) - 1, &u,
                                       msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "-3x");
}
END_TEST

static Suite *scheme_suite(void)
{
    Suite *s = suite_create("scheme");
    TCase *tc;

    tc = tcase_create("law");
    tcase_add_test(tc, test_law_moments);
    suite_add_tcase(s, tc);

    tc = tcase_create("scheme_parse");
    tcase_add_test(tc, test_scheme_valid);
    tcase_add_test(tc, test_scheme_unknown);
    tcase_add_test(tc, test_scheme_bad_param);
    suite_add_tcase(s, tc);

    tc = tcase_create("scheme_list");
    tcase_add_test(tc, test_scheme_list_valid);
    tcase_add_test(tc, test_scheme_list_invalid);
    suite_add_tcase(s, tc);

    tc = tcase_create("weight_law");
    tcase_add_test(tc, test_weight_law);
    tcase_add_test(tc, test_scheme_describe);
    tcase_add_test(tc, test_names);
    suite_add_tcase(s, tc);

    tc = tcase_create("bias");
    tcase_add_test(tc, test_bias_valid);
    tcase_add_test(tc, test_bias_invalid);
    suite_add_tcase(s, tc);

    tc = tcase_create("inputs");
    tcase_add_test(tc, test_inputs_parse);
    tcase_add_test(tc, test_inputs_resolve);
    tcase_add_test(tc, test_inputs_moments);
    suite_add_tcase(s, tc);

    tc = tcase_create("config");
    tcase_add_test(tc, test_config_default);
    tcase_add_test(tc, test_config_ranges);
    suite_add_tcase(s, tc);

    tc = tcase_create("cli_bad_values");
    tcase_add_test(tc, test_cli_bad_values);
    suite_add_tcase(s, tc);

    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(scheme_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
