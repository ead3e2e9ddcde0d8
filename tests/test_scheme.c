/* test_scheme.c — weight schemes, bias and input specs, and the run
 * configuration (satstat/scheme.h, satstat/config.h). */
#include <check.h>

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>

#include <satstat/activation.h>
#include <satstat/config.h>
#include <satstat/error.h>
#include <satstat/options.h>
#include <satstat/parse.h>
#include <satstat/report.h>
#include <satstat/scheme.h>
#include "common.h"

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
    satstat_law c = {SATSTAT_FAMILY_CONSTANT, 0.5, 0.0, 0.0, 0.0};
    satstat_law n = {SATSTAT_FAMILY_NORMAL, -1.0, 0.5, 0.0, 0.0};
    satstat_law u = {SATSTAT_FAMILY_UNIFORM, -0.1, 0.1, 0.0, 0.0};
    satstat_law u2 = {SATSTAT_FAMILY_UNIFORM, 1.0, 4.0, 0.0, 0.0};

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
        int rc = satstat_scheme_parse(valid_schemes[i].text, &s, msg, sizeof msg);
        ck_assert_msg(rc == SATSTAT_OK, "'%s' rejected: %s",
                      valid_schemes[i].text, msg);
        ck_assert_int_eq(s.kind, valid_schemes[i].kind);
        ck_assert(s.param == valid_schemes[i].param);
        ck_assert_str_eq(s.canonical, valid_schemes[i].canonical);
        /* The canonical spec is itself a spec with the same canonical. */
        ck_assert_int_eq(satstat_scheme_parse(s.canonical, &again, msg, sizeof msg),
                         SATSTAT_OK);
        ck_assert_str_eq(again.canonical, s.canonical);
        ck_assert(again.param == s.param);
    }
}
END_TEST

START_TEST(test_scheme_unknown)
{
    static const char *const unknown[] = {"nope", "Stnadard", "SCLAED",
                                          "gaussian:1", "scaled ", " scaled",
                                          "he", "normal1"};
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_scheme s;
    size_t i;

    ck_assert_int_eq(satstat_scheme_parse("nope", &s, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "unknown scheme 'nope' (valid: standard, scaled, "
                          "normal:SIGMA, uniform:A, xavier-normal, "
                          "xavier-uniform, he-normal, he-uniform, "
                          "lecun-normal, lecun-uniform, torch-linear, "
                          "variance-scaling, trunc-normal, orthogonal; or "
                          "an alias such as glorot_normal)");
    for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        ck_assert_int_eq(satstat_scheme_parse(unknown[i], &s, msg, sizeof msg),
                         SATSTAT_EINVAL);
        ck_assert_msg_has(msg, unknown[i]);
        ck_assert_msg_has(msg, "valid: standard, scaled, normal:SIGMA, "
                               "uniform:A, xavier-normal");
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
        ck_assert_msg(satstat_scheme_parse(bad[i].text, &s, msg, sizeof msg)
                          == SATSTAT_EINVAL,
                      "'%s' accepted", bad[i].text);
        ck_assert_msg_has(msg, bad[i].part);
    }
    ck_assert_int_eq(satstat_scheme_parse("normal:-1", &s, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg,
                     "expected a positive finite number after 'normal:', "
                     "got '-1'");
    ck_assert_int_eq(satstat_scheme_parse("", &s, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "empty");
    ck_assert_msg_has(msg, "normal:SIGMA");
    ck_assert_int_eq(satstat_scheme_parse(NULL, &s, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_scheme_parse("scaled", NULL, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_scheme_parse("nope", &s, NULL, 0), SATSTAT_EINVAL);
}
END_TEST

/* ---- scheme lists -------------------------------------------------------- */

START_TEST(test_scheme_list_valid)
{
    satstat_scheme s[SATSTAT_MAX_SCHEMES];
    char msg[SATSTAT_ERRMSG_SIZE] = "", text[512];
    size_t n = 99, i, len = 0;

    ck_assert_int_eq(satstat_scheme_parse_list("standard,scaled", s,
                                               SATSTAT_MAX_SCHEMES, &n, msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(s[0].canonical, "standard");
    ck_assert_str_eq(s[1].canonical, "scaled");

    ck_assert_int_eq(satstat_scheme_parse_list("scaled", s, 1, &n, msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(s[0].canonical, "scaled");

    ck_assert_int_eq(satstat_scheme_parse_list("normal:0.50,uniform:1e-1", s,
                                               4, &n, msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(s[0].canonical, "normal:0.5");
    ck_assert_str_eq(s[1].canonical, "uniform:0.1");

    /* Exactly SATSTAT_MAX_SCHEMES items fit. */
    for (i = 0; i < SATSTAT_MAX_SCHEMES; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, "%snormal:%zu",
                                i > 0 ? "," : "", i + 1);
    ck_assert_int_eq(satstat_scheme_parse_list(text, s, SATSTAT_MAX_SCHEMES,
                                               &n, msg, sizeof msg),
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
        {"standard ,scaled", "'standard '"},
    };
    satstat_scheme s[4];
    char msg[SATSTAT_ERRMSG_SIZE];
    size_t n, i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        n = 99;
        msg[0] = '\0';
        ck_assert_msg(satstat_scheme_parse_list(bad[i].text, s, 4, &n, msg, sizeof msg)
                          == SATSTAT_EINVAL,
                      "'%s' accepted", bad[i].text);
        ck_assert_uint_eq(n, 0);
        ck_assert_msg_has(msg, bad[i].part);
    }

    ck_assert_int_eq(satstat_scheme_parse_list("", s, 4, &n, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "empty");
    ck_assert_int_eq(satstat_scheme_parse_list(NULL, s, 4, &n, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_scheme_parse_list("scaled", s, 4, NULL, msg, sizeof msg),
                     SATSTAT_EINVAL);

    ck_assert_int_eq(satstat_scheme_parse_list("normal:0.5,normal:0.50", s, 4,
                                               &n, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "twice");
    ck_assert_msg_has(msg, "'normal:0.5'");

    /* More than max. */
    ck_assert_int_eq(satstat_scheme_parse_list("standard,scaled,normal:1", s,
                                               2, &n, msg, sizeof msg),
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

    ck_assert_int_eq(satstat_scheme_parse("standard", &s, NULL, 0), SATSTAT_OK);
    ck_assert_int_eq(satstat_scheme_weight_law(&s, 1000, 100, &w), SATSTAT_OK);
    ck_assert_int_eq(w.family, SATSTAT_FAMILY_NORMAL);
    ck_assert(w.a == 0.0 && w.b == 1.0);

    ck_assert_int_eq(satstat_scheme_parse("scaled", &s, NULL, 0), SATSTAT_OK);
    ck_assert_int_eq(satstat_scheme_weight_law(&s, 1000, 100, &w), SATSTAT_OK);
    ck_assert_int_eq(w.family, SATSTAT_FAMILY_NORMAL);
    ck_assert(w.a == 0.0);
    assert_close(w.b, 1.0 / sqrt(1000.0));
    assert_close(satstat_law_variance(&w), 1e-3);
    ck_assert_int_eq(satstat_scheme_weight_law(&s, 4, 100, &w), SATSTAT_OK);
    ck_assert(w.b == 0.5);
    ck_assert_int_eq(satstat_scheme_weight_law(&s, 0, 100, &w),
                     SATSTAT_EINVAL);

    ck_assert_int_eq(satstat_scheme_parse("normal:0.5", &s, NULL, 0), SATSTAT_OK);
    ck_assert_int_eq(satstat_scheme_weight_law(&s, 1000, 100, &w), SATSTAT_OK);
    ck_assert_int_eq(w.family, SATSTAT_FAMILY_NORMAL);
    ck_assert(w.a == 0.0 && w.b == 0.5);

    ck_assert_int_eq(satstat_scheme_parse("uniform:0.1", &s, NULL, 0),
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
        ck_assert_int_eq(satstat_scheme_parse(cases[i].spec, &s, NULL, 0),
                         SATSTAT_OK);
        ck_assert_int_eq(satstat_scheme_describe(&s, buf, sizeof buf),
                         SATSTAT_OK);
        ck_assert_str_eq(buf, cases[i].text);
    }
    /* The longest parameter still fits in SATSTAT_SPEC_SIZE. */
    ck_assert_int_eq(satstat_scheme_parse("uniform:1.2345678901234567e-100",
                                          &s, NULL, 0),
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
    static const char *const schemes[] = {
        "standard", "scaled", "normal:SIGMA", "uniform:A",
        "xavier-normal[:GAIN]", "xavier-uniform[:GAIN]",
        "he-normal[:GAIN][,MODE]", "he-uniform[:GAIN][,MODE]",
        "lecun-normal", "lecun-uniform", "torch-linear",
        "variance-scaling:SCALE,MODE,DIST", "trunc-normal[:MEAN,STD,A,B]",
        "orthogonal[:GAIN]", NULL};
    static const char *const biases[] = {"normal:SIGMA", "zero", "const:C",
                                         "uniform:A", "torch", NULL};
    static const char *const inputs[] = {"half", "ones", "bernoulli:P",
                                         "normal:S", "uniform:A,B",
                                         "file:PATH", NULL};

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
        ck_assert_msg(satstat_bias_parse(cases[i].text, &b, msg, sizeof msg)
                          == SATSTAT_OK,
                      "'%s' rejected: %s", cases[i].text, msg);
        ck_assert_int_eq(b.law.family, cases[i].family);
        ck_assert(b.law.a == cases[i].a);
        ck_assert(b.law.b == cases[i].b);
        ck_assert_str_eq(b.canonical, cases[i].canonical);
    }
    ck_assert_int_eq(satstat_bias_parse("normal:1", &b, NULL, 0), SATSTAT_OK);
    ck_assert(satstat_law_mean(&b.law) == 0.0);
    ck_assert(satstat_law_variance(&b.law) == 1.0);
    ck_assert_int_eq(satstat_bias_parse("const:0.5", &b, NULL, 0), SATSTAT_OK);
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
        {"Zeor", "'Zeor'"},
    };
    satstat_bias b;
    char msg[SATSTAT_ERRMSG_SIZE];
    size_t i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        msg[0] = '\0';
        ck_assert_msg(satstat_bias_parse(bad[i].text, &b, msg, sizeof msg)
                          == SATSTAT_EINVAL,
                      "'%s' accepted", bad[i].text);
        ck_assert_msg_has(msg, bad[i].part);
    }
    ck_assert_int_eq(satstat_bias_parse("normal:-2", &b, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "expected a positive finite number after "
                          "'normal:', got '-2'");
    ck_assert_int_eq(satstat_bias_parse("nope", &b, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "normal:SIGMA, zero, const:C, uniform:A");
    ck_assert_int_eq(satstat_bias_parse("", &b, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_bias_parse(NULL, &b, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_bias_parse("zero", NULL, msg, sizeof msg), SATSTAT_EINVAL);
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
        {"x", "'x'"},                {"Hlaf", "'Hlaf'"},
    };
    satstat_inputs in;
    char msg[SATSTAT_ERRMSG_SIZE];
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        memset(&in, 0xA5, sizeof in);
        msg[0] = '\0';
        ck_assert_msg(satstat_inputs_parse(cases[i].text, &in, msg, sizeof msg)
                          == SATSTAT_OK,
                      "'%s' rejected: %s", cases[i].text, msg);
        ck_assert_int_eq(in.kind, cases[i].kind);
        ck_assert(in.p == cases[i].p);
        ck_assert_uint_eq(in.active, SATSTAT_ACTIVE_UNSET);
        ck_assert_str_eq(in.canonical, cases[i].canonical);
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        msg[0] = '\0';
        ck_assert_msg(satstat_inputs_parse(bad[i].text, &in, msg, sizeof msg)
                          == SATSTAT_EINVAL,
                      "'%s' accepted", bad[i].text);
        ck_assert_msg_has(msg, bad[i].part);
    }
    ck_assert_int_eq(satstat_inputs_parse("bernoulli:1.5", &in, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "expected a probability in [0, 1] after "
                          "'bernoulli:', got '1.5'");
}
END_TEST

START_TEST(test_inputs_resolve)
{
    satstat_inputs in;
    char msg[SATSTAT_ERRMSG_SIZE];

    /* unset: n_in/2 of each n_in, rounded down, and `active` stays unset */
    ck_assert_int_eq(satstat_inputs_parse("half", &in, NULL, 0), SATSTAT_OK);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, msg, sizeof msg), SATSTAT_OK);
    ck_assert_uint_eq(satstat_inputs_support(&in, 1000), 500);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1001, msg, sizeof msg), SATSTAT_OK);
    ck_assert_uint_eq(satstat_inputs_support(&in, 1001), 500);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1, msg, sizeof msg), SATSTAT_OK);
    ck_assert_uint_eq(satstat_inputs_support(&in, 1), 0);
    ck_assert_uint_eq(in.active, SATSTAT_ACTIVE_UNSET);

    in.active = 2000;
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "inputs.active 2000 exceeds n_in 1000");
    in.active = 1000;
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, msg, sizeof msg), SATSTAT_OK);
    ck_assert_uint_eq(satstat_inputs_support(&in, 1000), 1000);
    in.active = 0;
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, msg, sizeof msg), SATSTAT_OK);
    ck_assert_uint_eq(satstat_inputs_support(&in, 1000), 0);

    /* --active with a model that ignores it is an error, not ignored. */
    ck_assert_int_eq(satstat_inputs_parse("ones", &in, NULL, 0), SATSTAT_OK);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, msg, sizeof msg), SATSTAT_OK);
    in.active = 10;
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "inputs.active");
    ck_assert_msg_has(msg, "'ones'");
    ck_assert_int_eq(satstat_inputs_parse("bernoulli:0.3", &in, NULL, 0),
                     SATSTAT_OK);
    in.active = 0;
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "'bernoulli:0.3'");

    ck_assert_int_eq(satstat_inputs_resolve(NULL, 1000, msg, sizeof msg), SATSTAT_EINVAL);
}
END_TEST

START_TEST(test_inputs_moments)
{
    satstat_inputs in;

    ck_assert_int_eq(satstat_inputs_parse("half", &in, NULL, 0), SATSTAT_OK);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1000, NULL, 0), SATSTAT_OK);
    ck_assert_int_eq(satstat_inputs_is_random(&in), 0);
    ck_assert(satstat_inputs_sum_sq(&in, 1000) == 500.0);
    ck_assert(satstat_inputs_sum(&in, 1000) == 500.0);
    ck_assert_uint_eq(satstat_inputs_support(&in, 1000), 500);

    ck_assert_int_eq(satstat_inputs_parse("ones", &in, NULL, 0), SATSTAT_OK);
    ck_assert_int_eq(satstat_inputs_is_random(&in), 0);
    ck_assert(satstat_inputs_sum_sq(&in, 1000) == 1000.0);
    ck_assert(satstat_inputs_sum(&in, 1000) == 1000.0);
    ck_assert_uint_eq(satstat_inputs_support(&in, 1000), 1000);

    ck_assert_int_eq(satstat_inputs_parse("bernoulli:0.25", &in, NULL, 0),
                     SATSTAT_OK);
    ck_assert_int_eq(satstat_inputs_is_random(&in), 1);
    ck_assert(satstat_inputs_sum_sq(&in, 1000) == 250.0);
    ck_assert(satstat_inputs_sum(&in, 1000) == 250.0);
    ck_assert_uint_eq(satstat_inputs_support(&in, 1000), 1000);

    ck_assert_int_eq(satstat_inputs_parse("bernoulli:0", &in, NULL, 0),
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
    ck_assert_uint_eq(c.inputs.active, SATSTAT_ACTIVE_UNSET);
    ck_assert_uint_eq(satstat_inputs_support(&c.inputs, c.n_in), 500);
    ck_assert_str_eq(c.bias.canonical, "normal:1");
    ck_assert_int_eq(c.bias.law.family, SATSTAT_FAMILY_NORMAL);
    ck_assert(c.bias.law.a == 0.0 && c.bias.law.b == 1.0);
    ck_assert_ptr_eq(c.activation, satstat_activation_find("sigmoid"));
    ck_assert(c.threshold == 4.0);
    ck_assert_uint_eq(c.samples, 1000000);
    ck_assert_uint_eq(c.seed, SATSTAT_DEFAULT_SEED);
    ck_assert_uint_eq(c.threads, 0);
    ck_assert(c.alpha == 0.001);
    ck_assert(isnan(c.claimed_variance));
    ck_assert_uint_eq(c.n_schemes, 2);
    ck_assert_str_eq(c.schemes[0].canonical, "standard");
    ck_assert_int_eq(c.schemes[0].kind, SATSTAT_SCHEME_STANDARD);
    ck_assert_str_eq(c.schemes[1].canonical, "scaled");
    ck_assert_int_eq(c.schemes[1].kind, SATSTAT_SCHEME_SCALED);

    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_OK);
    ck_assert_uint_eq(satstat_inputs_support(&c.inputs, c.n_in), 500);
}
END_TEST

/* Validate a default config changed by `edit`; expect failure blaming
 * `field`, a message that names it by its member name (`name`, no
 * option spelling "--") and contains `value`. */
#define EXPECT_INVALID(edit, field, name, value)                         \
    do {                                                                 \
        satstat_config c_;                                               \
        satstat_config_field f_ = SATSTAT_FIELD_COUNT;                   \
        char m_[SATSTAT_ERRMSG_SIZE] = "";                               \
        satstat_config_default(&c_);                                     \
        {                                                                \
            satstat_config *cfg = &c_;                                   \
            edit;                                                        \
        }                                                                \
        ck_assert_int_eq(satstat_config_validate(&c_, &f_, m_, sizeof m_),          \
                         SATSTAT_EINVAL);                                \
        ck_assert_int_eq(f_, field);                                     \
        ck_assert_str_eq(satstat_config_field_name(field), name);        \
        ck_assert_msg_has(m_, name);                                     \
        ck_assert_msg_has(m_, value);                                    \
        ck_assert_msg(strstr(m_, "--") == NULL, "option spelling in %s", m_); \
    } while (0)

START_TEST(test_config_ranges)
{
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_config c;

    EXPECT_INVALID(cfg->n_in = 0, SATSTAT_FIELD_N_IN, "n_in", "got 0");
    EXPECT_INVALID(cfg->n_in = SATSTAT_MAX_N_IN + 1, SATSTAT_FIELD_N_IN, "n_in", "100000001");
    EXPECT_INVALID(cfg->n_out = 0, SATSTAT_FIELD_N_OUT, "n_out", "got 0");
    EXPECT_INVALID(cfg->samples = 0, SATSTAT_FIELD_SAMPLES, "samples", "got 0");
    EXPECT_INVALID(cfg->samples = SATSTAT_MAX_SAMPLES + 1, SATSTAT_FIELD_SAMPLES, "samples",
                   "1000000000001");
    EXPECT_INVALID(cfg->seed = UINT64_C(1) << 63, SATSTAT_FIELD_SEED, "seed",
                   "got 9223372036854775808");
    EXPECT_INVALID(cfg->seed = UINT64_MAX, SATSTAT_FIELD_SEED, "seed", "18446744073709551615");
    EXPECT_INVALID(cfg->threads = SATSTAT_MAX_THREADS + 1, SATSTAT_FIELD_THREADS, "threads",
                   "1025");
    EXPECT_INVALID(cfg->threshold = INFINITY, SATSTAT_FIELD_THRESHOLD, "threshold", "inf");
    EXPECT_INVALID(cfg->threshold = -1.0, SATSTAT_FIELD_THRESHOLD, "threshold", "got -1");
    EXPECT_INVALID(cfg->threshold = 0.0, SATSTAT_FIELD_THRESHOLD, "threshold", "got 0");
    EXPECT_INVALID(cfg->threshold = NAN, SATSTAT_FIELD_THRESHOLD, "threshold", "nan");
    EXPECT_INVALID(cfg->alpha = 0.0, SATSTAT_FIELD_ALPHA, "alpha", "got 0");
    EXPECT_INVALID(cfg->alpha = 1.0, SATSTAT_FIELD_ALPHA, "alpha", "got 1");
    EXPECT_INVALID(cfg->alpha = -0.5, SATSTAT_FIELD_ALPHA, "alpha", "-0.5");
    EXPECT_INVALID(cfg->alpha = NAN, SATSTAT_FIELD_ALPHA, "alpha", "nan");
    EXPECT_INVALID((cfg->claimed_variance = 0.0),
                   SATSTAT_FIELD_CLAIMED_VARIANCE, "claimed_variance", "got 0");
    EXPECT_INVALID((cfg->claimed_variance = -3.0),
                   SATSTAT_FIELD_CLAIMED_VARIANCE, "claimed_variance", "-3");
    EXPECT_INVALID((cfg->claimed_variance = INFINITY),
                   SATSTAT_FIELD_CLAIMED_VARIANCE, "claimed_variance", "inf");
    EXPECT_INVALID(cfg->n_schemes = 0, SATSTAT_FIELD_SCHEMES, "schemes", "got 0");
    EXPECT_INVALID(cfg->n_schemes = SATSTAT_MAX_SCHEMES + 1, SATSTAT_FIELD_SCHEMES, "schemes", "17");
    EXPECT_INVALID(cfg->schemes[1] = cfg->schemes[0], SATSTAT_FIELD_SCHEMES, "schemes", "'standard'");
    EXPECT_INVALID(cfg->activation = NULL, SATSTAT_FIELD_ACTIVATION, "activation", "not set");
    EXPECT_INVALID((cfg->inputs.active = 2000),
                   SATSTAT_FIELD_ACTIVE, "inputs.active", "inputs.active 2000 exceeds n_in 1000");
    EXPECT_INVALID((cfg->gain = 2.0), SATSTAT_FIELD_GAIN, "gain", "schemes lists none");
    EXPECT_INVALID(ck_assert_int_eq(satstat_scheme_parse("normal:1e153", &cfg->schemes[0], NULL, 0),
                                    0),
                   SATSTAT_FIELD_SCHEMES, "schemes", "Var z overflow with n_in 1000");
    EXPECT_INVALID((cfg->saturation.kind = SATSTAT_SATURATION_DEAD), SATSTAT_FIELD_SATURATION,
                   "saturation", "saturation dead: dead does not apply to sigmoid");

    /* The exact wording of a few: the library's, naming the member, and
     * the program's, the same sentence with the option in its place
     * (satstat_options_finish, the table of satstat/options.h). */
    satstat_config_default(&c);
    c.alpha = 1.0;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "alpha must be in (0, 1), got 1");
    satstat_config_default(&c);
    c.n_in = 0;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "n_in must be between 1 and 100000000, got 0");
    {
        satstat_options o;
        char line[SATSTAT_OPTION_MSG_SIZE];
        satstat_config_default(&c);
        satstat_options_init(&o, SATSTAT_COMMAND_RUN, &c, NULL, NULL);
        ck_assert_int_eq(satstat_option_set(&o, "n-in", "4", line, sizeof line), 0);
        ck_assert_int_eq(satstat_option_set(&o, "active", "5", line, sizeof line), 0);
        ck_assert_int_eq(satstat_options_finish(&o, line, sizeof line), SATSTAT_EINVAL);
        ck_assert_str_eq(line, "--active 5 exceeds --n-in 4");
        satstat_config_free(&c);
    }
    /* every field has a member name and an option */
    for (int f = SATSTAT_FIELD_N_IN; f < SATSTAT_FIELD_COUNT; f++) {
        const char *name = satstat_config_field_name((satstat_config_field)f);
        const char *option = satstat_option_of_field((satstat_config_field)f);
        ck_assert_msg(name != NULL && name[0] != '\0' && strstr(name, "-") == NULL,
                      "field %d: %s", f, name ? name : "(null)");
        ck_assert_msg(option != NULL && strncmp(option, "--", 2) == 0
                          && satstat_option_find(SATSTAT_COMMAND_RUN | SATSTAT_COMMAND_DEEP
                                                     | SATSTAT_COMMAND_SWEEP,
                                                 option + 2) != NULL,
                      "field %d (%s): option %s", f, name, option ? option : "(null)");
    }
    ck_assert_ptr_null(satstat_config_field_name(SATSTAT_FIELD_COUNT));
    ck_assert_ptr_null(satstat_option_of_field(SATSTAT_FIELD_COUNT));

    /* Var z overflowing a double is refused up front. */
    satstat_config_default(&c);
    ck_assert_int_eq(satstat_scheme_parse("normal:1e153", &c.schemes[0],
                                          NULL, 0),
                     SATSTAT_OK);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "'normal:1e+153'");

    /* Boundaries that are valid. */
    satstat_config_default(&c);
    c.n_in = SATSTAT_MAX_N_IN;
    c.samples = SATSTAT_MAX_SAMPLES;
    c.seed = (UINT64_C(1) << 63) - 1;
    c.threads = SATSTAT_MAX_THREADS;
    c.threshold = 1e-300;
    c.alpha = 0.999;
    c.claimed_variance = 1.5;
    c.inputs.active = SATSTAT_MAX_N_IN;
    ck_assert_msg(satstat_config_validate(&c, NULL, msg, sizeof msg) == SATSTAT_OK, "%s", msg);
    ck_assert_uint_eq(c.inputs.active, SATSTAT_MAX_N_IN);

    /* Resolution follows n_in when --active was not given. */
    satstat_config_default(&c);
    c.n_in = 31;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_OK);
    ck_assert_uint_eq(satstat_inputs_support(&c.inputs, c.n_in), 15);
    ck_assert_uint_eq(c.inputs.active, SATSTAT_ACTIVE_UNSET);

    ck_assert_int_eq(satstat_config_validate(NULL, NULL, msg, sizeof msg), SATSTAT_EINVAL);
    satstat_config_default(&c);
    c.n_in = 0;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, NULL, 0), SATSTAT_EINVAL);
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

    ck_assert_int_eq(satstat_parse_u64("-5", 1, SATSTAT_MAX_N_IN, &u, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "-5");
    ck_assert_int_eq(satstat_parse_u64("12abc", 1, SATSTAT_MAX_N_IN, &u, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "12abc");
    ck_assert_int_eq(satstat_parse_u64("abc", 1, SATSTAT_MAX_SAMPLES, &u,
                                       msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "abc");

    ck_assert_int_eq(satstat_scheme_parse_list("nope", s, SATSTAT_MAX_SCHEMES,
                                               &n, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "unknown scheme 'nope' (valid: standard, scaled, "
                          "normal:SIGMA, uniform:A, xavier-normal, "
                          "xavier-uniform, he-normal, he-uniform, "
                          "lecun-normal, lecun-uniform, torch-linear, "
                          "variance-scaling, trunc-normal, orthogonal; or "
                          "an alias such as glorot_normal)");
    ck_assert_int_eq(satstat_scheme_parse_list("normal:-1", s,
                                               SATSTAT_MAX_SCHEMES, &n, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "-1");
    ck_assert_int_eq(satstat_scheme_parse_list("normal:nan", s,
                                               SATSTAT_MAX_SCHEMES, &n, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "nan");
    ck_assert_int_eq(satstat_scheme_parse_list("normal:", s,
                                               SATSTAT_MAX_SCHEMES, &n, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "normal:");
    ck_assert_int_eq(satstat_scheme_parse_list("", s, SATSTAT_MAX_SCHEMES, &n,
                                               msg, sizeof msg),
                     SATSTAT_EINVAL);

    ck_assert_int_eq(satstat_parse_double("inf", &d, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "inf");
    ck_assert_int_eq(satstat_parse_double("-1", &d, msg, sizeof msg), SATSTAT_OK);
    satstat_config_default(&c);
    c.threshold = d;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "-1");

    satstat_config_default(&c);
    c.inputs.active = 2000;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "2000");

    ck_assert_int_eq(satstat_inputs_parse("bernoulli:1.5", &in, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "1.5");
    ck_assert_int_eq(satstat_bias_parse("normal:-2", &b, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "-2");

    satstat_config_default(&c);
    c.alpha = 0.0;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "got 0");
    c.alpha = 1.0;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "got 1");

    ck_assert_int_eq(satstat_parse_u64("-3x", 0, (UINT64_C(1) << 63) - 1, &u,
                                       msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "-3x");
}
END_TEST


/* ---- framework schemes (issue 4) ------------------------------------------ */

#define SQRT2 1.41421356237309504880

/* Var w at n_in = 1000, n_out = 100 by the formula of the paper or
 * framework the scheme follows. */
static const struct {
    const char *text, *canonical, *framework;
    double variance;
} framework_schemes[] = {
    {"xavier-normal", "xavier-normal", "xavier_normal_", 2.0 / 1100.0},
    {"xavier-normal:1", "xavier-normal", "Glorot", 2.0 / 1100.0},
    {"xavier-normal:tanh", "xavier-normal:1.6666666666666667", "PyTorch",
     2.0 * (25.0 / 9.0) / 1100.0},
    {"xavier-uniform", "xavier-uniform", "xavier_uniform_", 2.0 / 1100.0},
    {"xavier-uniform:2", "xavier-uniform:2", "Glorot", 8.0 / 1100.0},
    {"he-normal", "he-normal", "kaiming_normal_", 2.0 / 1000.0},
    {"he-normal:relu", "he-normal", "He et al. 2015", 2.0 / 1000.0},
    {"he-normal:relu,fan_in", "he-normal", "untruncated", 2.0 / 1000.0},
    {"he-normal:fan_out", "he-normal:fan_out", "He", 2.0 / 100.0},
    {"he-normal:1,fan_out", "he-normal:1,fan_out", "He", 1.0 / 100.0},
    {"he-normal:fan_avg,selu", "he-normal:0.75,fan_avg", "He",
     0.5625 / 550.0},
    {"he-normal:leaky_relu", "he-normal:1.4141428569978354", "He",
     2.0 / (1.0 + 1e-4) / 1000.0},
    {"he-normal:leaky_relu:0.2", "he-normal:1.3867504905630728", "He",
     2.0 / 1.04 / 1000.0},
    {"he-uniform", "he-uniform", "kaiming_uniform_", 2.0 / 1000.0},
    {"he-uniform:sigmoid", "he-uniform:1", "HeUniform", 1.0 / 1000.0},
    {"lecun-normal", "lecun-normal", "LeCun", 1.0 / 1000.0},
    {"lecun-uniform", "lecun-uniform", "LecunUniform", 1.0 / 1000.0},
    {"torch-linear", "torch-linear", "nn.Linear", 1.0 / 3000.0},
    {"variance-scaling", "variance-scaling:1,fan_in,truncated_normal",
     "LecunNormal", 1.0 / 1000.0},
    {"variance-scaling:2", "variance-scaling:2,fan_in,truncated_normal",
     "HeNormal", 2.0 / 1000.0},
    {"variance-scaling:3,fan_out,uniform",
     "variance-scaling:3,fan_out,uniform", "VarianceScaling", 3.0 / 100.0},
    {"variance-scaling:0.5,fan_avg,untruncated_normal",
     "variance-scaling:0.5,fan_avg,untruncated_normal", "untruncated_normal",
     0.5 / 550.0},
    {"trunc-normal", "trunc-normal:0,1,-2,2", "trunc_normal_",
     (0.87962566103423978 * 0.87962566103423978)},
    {"trunc-normal:0,0.02,-0.04,0.04", "trunc-normal:0,0.02,-0.04,0.04",
     "absolute", 0.0004 * (0.87962566103423978 * 0.87962566103423978)},
    {"orthogonal", "orthogonal", "Saxe", 1.0 / 1000.0},
    {"orthogonal:2", "orthogonal:2", "orthogonal_", 4.0 / 1000.0},
    /* aliases, with their framework's semantics */
    {"glorot_normal", "variance-scaling:1,fan_avg,truncated_normal",
     "GlorotNormal", 2.0 / 1100.0},
    {"GlorotNormal", "variance-scaling:1,fan_avg,truncated_normal",
     "Keras", 2.0 / 1100.0},
    {"he_normal", "variance-scaling:2,fan_in,truncated_normal", "HeNormal",
     2.0 / 1000.0},
    {"lecun_normal", "variance-scaling:1,fan_in,truncated_normal",
     "LecunNormal", 1.0 / 1000.0},
    {"glorot_uniform", "xavier-uniform", "GlorotUniform", 2.0 / 1100.0},
    {"he_uniform", "he-uniform", "HeUniform", 2.0 / 1000.0},
    {"lecun_uniform", "lecun-uniform", "LecunUniform", 1.0 / 1000.0},
    {"xavier_normal_", "xavier-normal", "untruncated", 2.0 / 1100.0},
    {"xavier_normal_:relu", "xavier-normal:1.4142135623730951", "PyTorch",
     4.0 / 1100.0},
    {"xavier_uniform_", "xavier-uniform", "PyTorch", 2.0 / 1100.0},
    {"kaiming_normal_", "he-normal", "untruncated", 2.0 / 1000.0},
    {"kaiming_normal_:fan_out", "he-normal:fan_out", "PyTorch",
     2.0 / 100.0},
    {"kaiming_uniform_", "he-uniform", "kaiming_uniform_", 2.0 / 1000.0},
    {"kaiming_uniform", "he-uniform", "kaiming_uniform_", 2.0 / 1000.0},
    {"trunc_normal_:0,1,-1,1", "trunc-normal:0,1,-1,1", "PyTorch",
     0.29112509477279312},
    {"VarianceScaling:2,fan_in,uniform", "variance-scaling:2,fan_in,uniform",
     "Keras", 2.0 / 1000.0},
    {"orthogonal_", "orthogonal", "orthogonal_", 1.0 / 1000.0},
};

START_TEST(test_framework_schemes)
{
    for (size_t i = 0; i < sizeof framework_schemes / sizeof framework_schemes[0];
         i++) {
        satstat_scheme s, again;
        satstat_law w;
        char msg[SATSTAT_ERRMSG_SIZE] = "", buf[SATSTAT_SPEC_SIZE];
        const char *text = framework_schemes[i].text;

        ck_assert_msg(satstat_scheme_parse(text, &s, msg, sizeof msg) == SATSTAT_OK,
                      "'%s' rejected: %s", text, msg);
        ck_assert_str_eq(s.canonical, framework_schemes[i].canonical);
        /* the canonical spec parses to itself, with the same law */
        ck_assert_int_eq(satstat_scheme_parse(s.canonical, &again, msg, sizeof msg),
                         SATSTAT_OK);
        ck_assert_str_eq(again.canonical, s.canonical);
        ck_assert_int_eq(satstat_scheme_weight_law(&s, 1000, 100, &w),
                         SATSTAT_OK);
        double want = framework_schemes[i].variance;
        double got = satstat_law_variance(&w);
        ck_assert_msg(fabs(got - want) <= 1e-8 * want,
                      "%s: Var w %.17g, want %.17g", text, got, want);
        ck_assert(satstat_law_mean(&w) == 0.0);
        ck_assert_ptr_nonnull(satstat_scheme_framework(&s));
        ck_assert_msg(strstr(satstat_scheme_framework(&s),
                             framework_schemes[i].framework) != NULL,
                      "%s: framework '%s' lacks '%s'", text,
                      satstat_scheme_framework(&s),
                      framework_schemes[i].framework);
        ck_assert_int_eq(satstat_scheme_describe(&s, buf, sizeof buf),
                         SATSTAT_OK);
        ck_assert(buf[0] != '\0');
    }
}
END_TEST

/* Keras/JAX truncated normal: std/0.8796…, cut at ±2 std, Var scale/fan. */
START_TEST(test_truncated_conventions)
{
    satstat_scheme s;
    satstat_law w;

    ck_assert_int_eq(satstat_scheme_parse("glorot_normal", &s, NULL, 0), 0);
    ck_assert_int_eq(satstat_scheme_weight_law(&s, 300, 100, &w), 0);
    ck_assert_int_eq(w.family, SATSTAT_FAMILY_TRUNC_NORMAL);
    assert_close(w.b, sqrt(1.0 / 200.0) / 0.87962566103423978);
    assert_close(w.hi, 2.0 * w.b);
    assert_close(w.lo, -2.0 * w.b);
    ck_assert_msg(fabs(satstat_law_variance(&w) - 1.0 / 200.0) < 1e-12,
                  "Var %.17g", satstat_law_variance(&w));

    /* PyTorch trunc_normal_: absolute bounds, the variance shrinks */
    ck_assert_int_eq(satstat_scheme_parse("trunc-normal:1,2,0,3", &s, NULL, 0),
                     0);
    ck_assert_int_eq(satstat_scheme_weight_law(&s, 10, 10, &w), 0);
    ck_assert(w.a == 1.0 && w.b == 2.0 && w.lo == 0.0 && w.hi == 3.0);
    /* N(1, 4) on [0, 3]: α = −0.5, β = 1, by the formulas of Johnson,
     * Kotz & Balakrishnan with GSL's Φ and φ; midpoint quadrature with
     * 200000 cells gives mean 1.41326243612, var 0.69109303635) */
    double a = -0.5, b = 1.0;
    double z = gsl_cdf_ugaussian_P(b) - gsl_cdf_ugaussian_P(a);
    double pa = gsl_ran_ugaussian_pdf(a), pb = gsl_ran_ugaussian_pdf(b);
    double mean = 1.0 + 2.0 * (pa - pb) / z;
    double var = 4.0 * (1.0 + (a * pa - b * pb) / z
                        - ((pa - pb) / z) * ((pa - pb) / z));
    ck_assert(fabs(satstat_law_mean(&w) - mean) < 1e-12);
    ck_assert(fabs(satstat_law_variance(&w) - var) < 1e-12);
    ck_assert(fabs(mean - 1.41326243612) < 1e-9 && fabs(var - 0.69109303635) < 1e-9);
    /* kurtosis of the untruncated limit and of a narrow cut (→ uniform) */
    satstat_law wide = {SATSTAT_FAMILY_TRUNC_NORMAL, 0, 1, -40, 40};
    satstat_law narrow = {SATSTAT_FAMILY_TRUNC_NORMAL, 0, 1, -0.1, 0.1};
    ck_assert(fabs(satstat_law_kurtosis(&wide) - 3.0) < 1e-9);
    ck_assert(fabs(satstat_law_skewness(&wide)) < 1e-9);
    /* nearly flat over ±0.1: nearly uniform, kurtosis 9/5 */
    ck_assert(fabs(satstat_law_kurtosis(&narrow) - 1.8) < 1e-2);
    ck_assert(fabs(satstat_law_cdf(&wide, 0.5) - gsl_cdf_ugaussian_P(0.5))
              < 1e-15);
    ck_assert(satstat_law_cdf(&narrow, -1.0) == 0.0);
    ck_assert(satstat_law_cdf(&narrow, 1.0) == 1.0);
    /* far in a tail: the mass keeps its digits */
    satstat_law tail = {SATSTAT_FAMILY_TRUNC_NORMAL, 0, 1, 8, 9};
    ck_assert(satstat_law_mean(&tail) > 8.0 && satstat_law_mean(&tail) < 8.2);
}
END_TEST

START_TEST(test_gains)
{
    static const struct {
        const char *text;
        double gain;
    } ok[] = {
        {"linear", 1.0},     {"sigmoid", 1.0},         {"conv2d", 1.0},
        {"tanh", 5.0 / 3.0}, {"relu", SQRT2},          {"selu", 0.75},
        {"leaky_relu", 1.4141428569978354},            {"leaky_relu:0", SQRT2},
        {"leaky_relu:1", 1.0}, {"2.5", 2.5},           {"1e-3", 1e-3},
    };
    static const char *const bad[] = {"-1", "0", "nan", "inf", "", "gelu",
                                      "leaky_relu:-0.1", "leaky_relu:",
                                      "leaky_relu:x", "1e200", "Tnah"};
    char msg[SATSTAT_ERRMSG_SIZE];
    double g;

    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        ck_assert_msg(satstat_gain_parse(ok[i].text, &g, msg, sizeof msg) == SATSTAT_OK,
                      "%s: %s", ok[i].text, msg);
        ck_assert_msg(fabs(g - ok[i].gain) <= 4 * DBL_EPSILON * ok[i].gain,
                      "%s: %.17g", ok[i].text, g);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        msg[0] = '\0';
        ck_assert_msg(satstat_gain_parse(bad[i], &g, msg, sizeof msg) == SATSTAT_EINVAL,
                      "gain '%s' accepted", bad[i]);
        ck_assert_msg_has(msg, "gain");
    }
    /* negative gains in a spec */
    satstat_scheme s;
    ck_assert_int_eq(satstat_scheme_parse("xavier-normal:-1", &s, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "'-1'");
    ck_assert_int_eq(satstat_scheme_parse("he-uniform:-2,fan_in", &s, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "gain");
    ck_assert_int_eq(satstat_scheme_parse("orthogonal:0", &s, msg, sizeof msg),
                     SATSTAT_EINVAL);

    /* --gain and --mode through the config, for schemes naming none */
    satstat_config c;
    satstat_config_default(&c);
    ck_assert_int_eq(satstat_scheme_parse_list(
                         "he-normal,he-uniform:1,xavier-normal,standard",
                         c.schemes, SATSTAT_MAX_SCHEMES, &c.n_schemes, msg, sizeof msg),
                     0);
    c.gain = 5.0 / 3.0;
    c.mode = SATSTAT_FAN_OUT;
    ck_assert_msg(satstat_config_validate(&c, NULL, msg, sizeof msg) == 0, "%s", msg);
    ck_assert_str_eq(c.schemes[0].canonical,
                     "he-normal:1.6666666666666667,fan_out");
    ck_assert_str_eq(c.schemes[1].canonical, "he-uniform:1,fan_out");
    ck_assert_str_eq(c.schemes[2].canonical,
                     "xavier-normal:1.6666666666666667");
    ck_assert_str_eq(c.schemes[3].canonical, "standard");
    /* validating twice changes nothing */
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    ck_assert_str_eq(c.schemes[1].canonical, "he-uniform:1,fan_out");

    satstat_config_default(&c);
    c.gain = 2.0;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "gain applies");
    satstat_config_default(&c);
    ck_assert_int_eq(c.mode, SATSTAT_FAN_MODE_UNSET);
    ck_assert(isnan(c.gain));
    c.mode = SATSTAT_FAN_IN;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "mode applies");
    /* --gain makes two listed schemes one: a duplicate */
    satstat_config_default(&c);
    ck_assert_int_eq(satstat_scheme_parse_list("xavier-normal,xavier-normal:2",
                                               c.schemes, SATSTAT_MAX_SCHEMES,
                                               &c.n_schemes, msg, sizeof msg),
                     0);
    c.gain = 2.0;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "twice");

    /* orthogonal: accepted with fixed inputs; refused with random ones
     * (rows would share each input draw), for a 1 x 1 matrix, and past
     * SATSTAT_MAX_MATRIX_ELEMENTS */
    satstat_config_default(&c);
    ck_assert_int_eq(satstat_scheme_parse_list("scaled,orthogonal:2", c.schemes,
                                               SATSTAT_MAX_SCHEMES, &c.n_schemes,
                                               msg, sizeof msg),
                     0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate_layer(&c, NULL, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_inputs_parse("bernoulli:0.5", &c.inputs, msg, sizeof msg), 0);
    /* fine for deep (one input vector per network), not for one layer */
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate_layer(&c, NULL, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "'orthogonal:2'");
    ck_assert_msg_has(msg, "fixed inputs");
    satstat_config_default(&c);
    ck_assert_int_eq(satstat_scheme_parse_list("orthogonal", c.schemes,
                                               SATSTAT_MAX_SCHEMES, &c.n_schemes,
                                               msg, sizeof msg),
                     0);
    c.n_in = 1;
    c.n_out = 1;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate_layer(&c, NULL, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "1 x 1");
    c.n_in = 2;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate_layer(&c, NULL, msg, sizeof msg), 0);
    c.n_in = 5000;
    c.n_out = 5000;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate_layer(&c, NULL, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "n_in * n_out");
    c.n_out = 3355; /* 5000 * 3355 = 16 775 000 <= 2^24 */
    ck_assert_int_eq(satstat_config_validate_layer(&c, NULL, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate_layer(NULL, NULL, msg, sizeof msg), SATSTAT_EINVAL);

    ck_assert_int_eq(satstat_scheme_parse("standard", &s, NULL, 0), 0);
    ck_assert_int_eq(satstat_scheme_set_gain(&s, 2.0, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_scheme_set_mode(&s, SATSTAT_FAN_OUT, msg, sizeof msg),
                     SATSTAT_EINVAL);
    satstat_fan_mode m;
    ck_assert_int_eq(satstat_fan_mode_parse("fan_sum", &m, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "fan_in, fan_out, fan_avg");
}
END_TEST

START_TEST(test_framework_bad_specs)
{
    static const struct {
        const char *text, *part;
    } bad[] = {
        {"trunc-normal:0,1,2,-2", "A < B"},
        {"trunc-normal:0,1,1,1", "A < B"},
        {"trunc-normal:0,1,-2", "MEAN,STD,A,B"},
        {"trunc-normal:0,-1,-2,2", "STD"},
        {"trunc-normal:0,1,40,41", "no probability"},
        {"trunc-normal:", "parameters"},
        {"variance-scaling:0,fan_in,uniform", "SCALE"},
        {"variance-scaling:-1", "SCALE"},
        {"variance-scaling:1,fan_sum", "fan_in, fan_out, fan_avg"},
        {"variance-scaling:1,fan_in,gauss", "truncated_normal"},
        {"he-normal:fan_in,fan_out", "mode"},
        {"he-normal:1,2", "fan mode"},
        {"xavier-normal:1,fan_in", "gain"},
        {"lecun-normal:2", "no parameter"},
        {"torch-linear:1", "no parameter"},
        {"glorot_normal:2", "no parameter"},
        {"xavier_normal", "ambiguous"},
        {"kaiming_normal", "untruncated"},
        {"he_norml", "valid: standard"},
        {"Xavier-nromal", "valid: standard"},
    };
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_scheme s;

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        msg[0] = '\0';
        ck_assert_msg(satstat_scheme_parse(bad[i].text, &s, msg, sizeof msg)
                          == SATSTAT_EINVAL,
                      "'%s' accepted", bad[i].text);
        ck_assert_msg(strstr(msg, bad[i].part) != NULL,
                      "'%s': message \"%s\" lacks \"%s\"", bad[i].text, msg,
                      bad[i].part);
    }
}
END_TEST

/* Commas separate schemes and a scheme's own parameters. */
START_TEST(test_framework_lists)
{
    satstat_scheme s[SATSTAT_MAX_SCHEMES];
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    size_t n;

    ck_assert_msg(satstat_scheme_parse_list(
                      "he-normal:tanh,fan_out,variance-scaling:2,fan_in,"
                      "uniform,trunc-normal:0,1,-1,1,scaled,glorot_normal",
                      s, SATSTAT_MAX_SCHEMES, &n, msg, sizeof msg)
                      == SATSTAT_OK,
                  "%s", msg);
    ck_assert_uint_eq(n, 5);
    ck_assert_str_eq(s[0].canonical, "he-normal:1.6666666666666667,fan_out");
    ck_assert_str_eq(s[1].canonical, "variance-scaling:2,fan_in,uniform");
    ck_assert_str_eq(s[2].canonical, "trunc-normal:0,1,-1,1");
    ck_assert_str_eq(s[3].canonical, "scaled");
    ck_assert_str_eq(
        s[4].canonical, "variance-scaling:1,fan_avg,truncated_normal");
    /* an alias and its canonical spec are one scheme */
    ck_assert_int_eq(satstat_scheme_parse_list("kaiming_uniform_,he-uniform", s,
                                               SATSTAT_MAX_SCHEMES, &n, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "twice");
    ck_assert_int_eq(satstat_scheme_parse_list("he_normal,variance-scaling:2",
                                               s, SATSTAT_MAX_SCHEMES, &n,
                                               msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_scheme_parse_list("standard,fan_out", s,
                                               SATSTAT_MAX_SCHEMES, &n, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "'fan_out'");
    ck_assert_int_eq(satstat_scheme_parse_list("he-normal:1,nope", s,
                                               SATSTAT_MAX_SCHEMES, &n, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "'nope'");
}
END_TEST

START_TEST(test_bias_torch)
{
    satstat_bias b;
    satstat_config c;
    char msg[SATSTAT_ERRMSG_SIZE];

    ck_assert_int_eq(satstat_bias_parse("torch", &b, msg, sizeof msg), SATSTAT_OK);
    ck_assert_str_eq(b.canonical, "torch");
    ck_assert(b.fan_in_scaled);
    ck_assert_ptr_nonnull(satstat_bias_framework(&b));
    ck_assert_int_eq(satstat_bias_parse("torch:1", &b, msg, sizeof msg), SATSTAT_EINVAL);
    satstat_config_default(&c);
    ck_assert_int_eq(satstat_bias_parse("torch", &c.bias, msg, sizeof msg), SATSTAT_OK);
    c.n_in = 400;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_OK);
    ck_assert_int_eq(c.bias.law.family, SATSTAT_FAMILY_UNIFORM);
    ck_assert(c.bias.law.a == -0.05 && c.bias.law.b == 0.05);
    /* Var b = 1/(3 fan_in), as torch-linear's weights */
    assert_close(satstat_law_variance(&c.bias.law), 1.0 / 1200.0);
    ck_assert_ptr_null(satstat_bias_framework(&(satstat_bias){0}));
}
END_TEST

static char *write_temp(const char *text)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/satstat-test-inputs-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    return path;
}

START_TEST(test_inputs_random_models)
{
    satstat_inputs in;
    char msg[SATSTAT_ERRMSG_SIZE];

    ck_assert_int_eq(satstat_inputs_parse("normal:0.5", &in, msg, sizeof msg), 0);
    ck_assert_str_eq(in.canonical, "normal:0.5");
    ck_assert(satstat_inputs_is_random(&in));
    assert_close(satstat_inputs_sum_sq(&in, 100), 25.0);
    ck_assert(satstat_inputs_sum(&in, 100) == 0.0);
    assert_close(satstat_inputs_variance_sum(&in, 100), 25.0);
    ck_assert_uint_eq(satstat_inputs_support(&in, 100), 100);

    ck_assert_int_eq(satstat_inputs_parse("uniform:-1,3", &in, msg, sizeof msg), 0);
    ck_assert_str_eq(in.canonical, "uniform:-1,3");
    ck_assert(satstat_inputs_is_random(&in));
    /* E x² = (A² + AB + B²)/3 = 7/3, E x = 1, Var x = 16/12 */
    assert_close(satstat_inputs_sum_sq(&in, 30), 70.0);
    assert_close(satstat_inputs_sum(&in, 30), 30.0);
    assert_close(satstat_inputs_variance_sum(&in, 30), 40.0);
    ck_assert_int_eq(satstat_inputs_parse("uniform:0.0,1.00", &in, msg, sizeof msg), 0);
    ck_assert_str_eq(in.canonical, "uniform:0,1");

    static const char *const bad[] = {"normal:0", "normal:-1", "uniform:1,1",
                                      "uniform:2,1", "uniform:1",
                                      "uniform:", "uniform", "uniform:a,b",
                                      "normal", "gauss:1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        msg[0] = '\0';
        ck_assert_msg(satstat_inputs_parse(bad[i], &in, msg, sizeof msg) == SATSTAT_EINVAL,
                      "'%s' accepted", bad[i]);
        ck_assert(msg[0] != '\0');
    }
    ck_assert_int_eq(satstat_inputs_parse("gauss:1", &in, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "file:PATH");
    /* --active is only for half */
    ck_assert_int_eq(satstat_inputs_parse("normal:1", &in, msg, sizeof msg), 0);
    in.active = 3;
    ck_assert_int_eq(satstat_inputs_resolve(&in, 10, msg, sizeof msg), SATSTAT_EINVAL);
    double x[4];
    ck_assert_int_eq(satstat_inputs_values(&in, 4, x, msg, sizeof msg), SATSTAT_EINVAL);
}
END_TEST

START_TEST(test_inputs_file)
{
    satstat_inputs in;
    char msg[SATSTAT_ERRMSG_SIZE], spec[128];
    double x[6];

    char *path = write_temp("# inputs\n1 2.5\n\n-3   0 # comment\n0\n0\n");
    snprintf(spec, sizeof spec, "file:%s", path);
    ck_assert_msg(satstat_inputs_parse(spec, &in, msg, sizeof msg) == 0, "%s", msg);
    ck_assert_str_eq(in.canonical, spec);
    ck_assert(!satstat_inputs_is_random(&in));
    /* parsing only checks the path: resolve reads, knowing n_in */
    ck_assert_ptr_null(in.file_values);
    ck_assert_int_eq(satstat_inputs_values(&in, 6, x, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 6, msg, sizeof msg), 0);
    ck_assert_uint_eq(in.file_count, 6);
    ck_assert(satstat_inputs_sum(&in, 6) == 0.5);
    ck_assert(satstat_inputs_sum_sq(&in, 6) == 16.25);
    ck_assert(satstat_inputs_variance_sum(&in, 6) == 0.0);
    ck_assert_uint_eq(satstat_inputs_support(&in, 6), 3);
    ck_assert_int_eq(satstat_inputs_values(&in, 6, x, msg, sizeof msg), 0);
    ck_assert(x[0] == 1 && x[1] == 2.5 && x[2] == -3 && x[3] == 0);
    /* read once: the file gone, the values stay */
    remove(path);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 6, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_inputs_values(&in, 6, x, msg, sizeof msg), 0);
    ck_assert(x[1] == 2.5);
    /* wrong count: expected vs got */
    ck_assert_int_eq(satstat_inputs_resolve(&in, 7, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "expected 7");
    ck_assert_msg_has(msg, "got 6");
    satstat_inputs_free(&in);
    ck_assert_ptr_null(in.file_values);

    satstat_config c;
    satstat_config_default(&c);
    path = write_temp("1 2.5 -3 0 0 0\n");
    snprintf(spec, sizeof spec, "file:%s", path);
    ck_assert_int_eq(satstat_inputs_parse(spec, &c.inputs, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "inputs: ");
    ck_assert_msg_has(msg, "expected 1000");
    ck_assert_msg_has(msg, "got 6");
    ck_assert_ptr_null(c.inputs.file_values);
    c.n_in = 6;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_OK);
    /* a validated copy validates again without reading the file */
    satstat_config copy = c;
    remove(path);
    ck_assert_int_eq(satstat_config_validate(&copy, NULL, msg, sizeof msg), SATSTAT_OK);
    ck_assert_ptr_eq(copy.inputs.file_values, c.inputs.file_values);
    satstat_config_free(&c);

    /* a bad number names its line */
    path = write_temp("1 2\n3\n4 x5 6\n");
    snprintf(spec, sizeof spec, "file:%s", path);
    ck_assert_int_eq(satstat_inputs_parse(spec, &in, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 6, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "inputs: ");
    ck_assert_msg_has(msg, "line 3");
    ck_assert_msg_has(msg, "'x5'");
    ck_assert_ptr_null(in.file_values);
    remove(path);
    path = write_temp("1\nnan\n");
    snprintf(spec, sizeof spec, "file:%s", path);
    ck_assert_int_eq(satstat_inputs_parse(spec, &in, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 2, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "line 2");
    remove(path);
    path = write_temp("# nothing\n");
    snprintf(spec, sizeof spec, "file:%s", path);
    ck_assert_int_eq(satstat_inputs_parse(spec, &in, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 3, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "expected 3 numbers (n_in), got 0");
    remove(path);
    ck_assert_int_eq(satstat_inputs_parse("file:/nonexistent/satstat", &in,
                                          msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 3, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "cannot open");
    ck_assert_msg_has(msg, "'/nonexistent/satstat'");
    ck_assert_int_eq(satstat_inputs_parse("file:", &in, msg, sizeof msg), SATSTAT_EINVAL);
}
END_TEST

/* Issue 13, item 8: values validation used to accept and the run then
 * failed on (exit 3): refused by satstat_config_validate_layer, naming the
 * option; values at the edges pass and run to the end. */
START_TEST(test_config_run_sizes)
{
    static const struct {
        const char *option, *value, *need;
    } bad[] = {
        {"bias", "const:1e20", "bias 'const:1e+20'"},
        {"threshold", "4.9e-324", "threshold must be at least 1e-300"},
        {"expect-variance", "1e-320", "claimed_variance must be at least"},
        {"scheme", "trunc-normal:1e300,1,1e300,1.0000000000001e300",
         "the weights' mean 1e+300 overflows"},
        {"scheme", "trunc-normal:1e150,1,1e150,1.0000000000001e150", "no width"},
        {"bias", "const:1e16", "bias 'const:1e+16'"}, /* with --active 0 */
    };
    char msg[SATSTAT_ERRMSG_SIZE];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        satstat_config c;
        satstat_config_default(&c);
        c.n_in = 10;
        if (strcmp(bad[i].option, "bias") == 0)
            ck_assert_int_eq(satstat_bias_parse(bad[i].value, &c.bias, NULL, 0), 0);
        else if (strcmp(bad[i].option, "threshold") == 0)
            c.threshold = c.saturation.value = strtod(bad[i].value, NULL);
        else if (strcmp(bad[i].option, "expect-variance") == 0) {
            c.claimed_variance = strtod(bad[i].value, NULL);
        } else
            ck_assert_int_eq(satstat_scheme_parse_list(bad[i].value, c.schemes, 16,
                                                       &c.n_schemes, NULL, 0), 0);
        if (i == 5) { /* Var z = 0: the histogram spans E z ± 1 */
            c.inputs.active = 0;
            ck_assert_int_eq(satstat_bias_parse("const:1e16", &c.bias, NULL, 0), 0);
        }
        ck_assert_msg(satstat_config_validate(&c, NULL, msg, sizeof msg) == 0, "%s: %s", bad[i].value, msg);
        ck_assert_int_eq(satstat_config_validate_layer(&c, NULL, msg, sizeof msg), SATSTAT_EINVAL);
        ck_assert_msg_has(msg, bad[i].need);
        ck_assert_ptr_null(strchr(msg, '\n'));
        satstat_report *r = NULL;
        ck_assert_int_eq(satstat_report_run(&c, 1, NULL, NULL, &r), SATSTAT_EINVAL);
        ck_assert_ptr_null(r);
    }
    /* the edges: accepted, and the run (analytic side, sampling, tests)
     * ends with a report */
    satstat_config c;
    satstat_config_default(&c);
    c.n_in = 10;
    c.samples = 2000;
    c.threads = 1;
    ck_assert_int_eq(satstat_bias_parse("const:1e10", &c.bias, NULL, 0), 0);
    c.threshold = c.saturation.value = 1e-300;
    c.saturation.kind = SATSTAT_SATURATION_Z;
    c.claimed_variance = 1e-99; /* Var z: 6 (standard), 1.5 (scaled) */
    ck_assert_msg(satstat_config_validate(&c, NULL, msg, sizeof msg) == 0, "%s", msg);
    ck_assert_msg(satstat_config_validate_layer(&c, NULL, msg, sizeof msg) == 0, "%s", msg);
    satstat_report *r = NULL;
    ck_assert_int_eq(satstat_report_run(&c, 0, NULL, NULL, &r), SATSTAT_OK);
    satstat_report_free(r);
}
END_TEST

/* Issue 13: a file that never ends, a NUL byte, a FIFO, a pipe read once,
 * a line break in the path. */
START_TEST(test_inputs_file_bounds)
{
    satstat_inputs in;
    char msg[SATSTAT_ERRMSG_SIZE], spec[4200];
    double x[3];

    /* /dev/zero: a NUL byte on line 1, at once (it used to spin) */
    ck_assert_int_eq(satstat_inputs_parse("file:/dev/zero", &in, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 10, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "inputs: ");
    ck_assert_msg_has(msg, "line 1: a NUL byte");

    /* a NUL inside a number is not the end of it: "7\0009999" is not 7 */
    static const char nul_text[] = "1\n2\n7\0009999\n";
    char *path = write_temp("");
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fwrite(nul_text, 1, sizeof nul_text - 1, f);
    fclose(f);
    snprintf(spec, sizeof spec, "file:%s", path);
    ck_assert_int_eq(satstat_inputs_parse(spec, &in, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 3, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "line 3: a NUL byte after '7'");
    ck_assert_ptr_null(in.file_values);
    remove(path);

    /* more numbers than n_in: stops at the first one past n_in */
    path = write_temp("1 2\n3\n4\n");
    snprintf(spec, sizeof spec, "file:%s", path);
    ck_assert_int_eq(satstat_inputs_parse(spec, &in, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 3, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "line 3: more than the 3 numbers of n_in");
    remove(path);

    /* blanks without end: the byte bound (1 MiB + 256 per number) */
    uint64_t limit = SATSTAT_INPUTS_FILE_SLACK + SATSTAT_INPUTS_FILE_BYTES_PER_NUMBER;
    path = write_temp("5");
    f = fopen(path, "ab");
    for (uint64_t k = 0; k < limit; k++)
        fputc(k % 80 == 79 ? '\n' : ' ', f);
    fclose(f);
    snprintf(spec, sizeof spec, "file:%s", path);
    ck_assert_int_eq(satstat_inputs_parse(spec, &in, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 1, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "bytes for 1 numbers");
    /* one byte less is a file that ends */
    ck_assert_int_eq(truncate(path, (off_t)limit), 0);
    ck_assert_int_eq(satstat_inputs_parse(spec, &in, msg, sizeof msg), 0);
    ck_assert_msg(satstat_inputs_resolve(&in, 1, msg, sizeof msg) == 0, "%s", msg);
    satstat_inputs_free(&in);
    remove(path);

    /* a FIFO with no writer: an error at once, not a wait in open() */
    char *fifo = test_temp_dir("test-fifo");
    char *fifo_path = test_path(fifo, "f");
    ck_assert_int_eq(mkfifo(fifo_path, 0600), 0);
    snprintf(spec, sizeof spec, "file:%s", fifo_path);
    ck_assert_int_eq(satstat_inputs_parse(spec, &in, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 3, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "FIFO");
    test_remove_tree(fifo);
    free(fifo_path);
    free(fifo);

    /* a pipe (what <(...) gives) is read once; the values stay */
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    ck_assert_int_eq(write(fds[1], "1 2\n3\n", 6), 6);
    close(fds[1]);
    snprintf(spec, sizeof spec, "file:/proc/self/fd/%d", fds[0]);
    ck_assert_int_eq(satstat_inputs_parse(spec, &in, msg, sizeof msg), 0);
    ck_assert_msg(satstat_inputs_resolve(&in, 3, msg, sizeof msg) == 0, "%s", msg);
    close(fds[0]);
    ck_assert_int_eq(satstat_inputs_resolve(&in, 3, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_inputs_values(&in, 3, x, msg, sizeof msg), 0);
    ck_assert(x[0] == 1 && x[1] == 2 && x[2] == 3);
    satstat_inputs_free(&in);

    /* a line break in the path: refused when parsed, quoted */
    ck_assert_int_eq(satstat_inputs_parse("file:a\nb", &in, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "control character");
    ck_assert_msg_has(msg, "'file:a\\x0ab'");
    ck_assert_ptr_null(strchr(msg, '\n'));
    ck_assert_int_eq(satstat_inputs_parse("file:a\033[31mb", &in, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_ptr_null(strchr(msg, '\033'));
}
END_TEST

/* ---- names forgive: any case, "did you mean", blanks after commas ------*/

#define ck_assert_parses_as(text, canonical_text)                           \
    do {                                                                    \
        satstat_scheme s_;                                                  \
        char m_[SATSTAT_ERRMSG_SIZE] = "";                                  \
        ck_assert_msg(satstat_scheme_parse((text), &s_, m_, sizeof m_) == SATSTAT_OK,  \
                      "'%s' refused: %s", (text), m_);                      \
        ck_assert_str_eq(s_.canonical, (canonical_text));                   \
    } while (0)

START_TEST(test_scheme_case)
{
    satstat_scheme a, b;
    char msg[SATSTAT_ERRMSG_SIZE];

    ck_assert_parses_as("Standard", "standard");
    ck_assert_parses_as("SCALED", "scaled");
    ck_assert_parses_as("Normal:0.5", "normal:0.5");
    ck_assert_parses_as("Xavier-Normal:2", "xavier-normal:2");
    ck_assert_parses_as("HE-NORMAL:ReLU,FAN_OUT", "he-normal:fan_out");
    ck_assert_parses_as("Torch-Linear", "torch-linear");
    ck_assert_parses_as("variance-scaling:2,FAN_IN,Uniform",
                        "variance-scaling:2,fan_in,uniform");
    /* folding letters never joins '_' and '-': Keras's he_normal is
     * truncated, satstat's he-normal is not, in any case */
    ck_assert_int_eq(satstat_scheme_parse("HE_NORMAL", &a, msg, sizeof msg), SATSTAT_OK);
    ck_assert_int_eq(satstat_scheme_parse("he_normal", &b, msg, sizeof msg), SATSTAT_OK);
    ck_assert_str_eq(a.canonical, b.canonical);
    ck_assert_int_eq(a.kind, SATSTAT_SCHEME_VARIANCE_SCALING);
    ck_assert_int_eq(a.dist, SATSTAT_DIST_TRUNCATED_NORMAL);
    ck_assert_int_eq(satstat_scheme_parse("He-Normal", &b, msg, sizeof msg), SATSTAT_OK);
    ck_assert_int_eq(b.kind, SATSTAT_SCHEME_HE_NORMAL);
    ck_assert_str_ne(a.canonical, b.canonical);
    /* satstat's orthogonal and Keras's Orthogonal differ only in case:
     * each spelling is itself, another case is refused */
    ck_assert_parses_as("orthogonal", "orthogonal");
    ck_assert_parses_as("Orthogonal", "orthogonal");
    ck_assert_int_eq(satstat_scheme_parse("ORTHOGONAL", &a, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "ambiguous scheme 'ORTHOGONAL': 'orthogonal' and "
                          "'Orthogonal' differ only in case; type one of "
                          "those");
    /* the frameworks' ambiguous names stay ambiguous in any case */
    ck_assert_int_eq(satstat_scheme_parse("Kaiming_Normal", &a, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "ambiguous scheme 'Kaiming_Normal': PyTorch's "
                           "kaiming_normal_ is untruncated");
    ck_assert_int_eq(satstat_scheme_parse("XAVIER_NORMAL", &a, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "ambiguous");
}
END_TEST

START_TEST(test_scheme_suggestions)
{
    static const struct {
        const char *text, *hint;
    } cases[] = {
        {"he-normla", "(did you mean 'he-normal'? valid: standard, "},
        {"stnadard", "(did you mean 'standard'? valid: "},
        {"glorot_nromal", "(did you mean 'glorot_normal'? valid: "},
        {"xavier_uniform_x:2", "(did you mean 'xavier_uniform_'? valid: "},
        {"torch_linear", "(did you mean 'torch-linear'? valid: "},
        {"nromal:1", "(did you mean 'normal'? valid: "},
    };
    char msg[SATSTAT_ERRMSG_SIZE], text[200];
    satstat_scheme s;

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert_int_eq(satstat_scheme_parse(cases[i].text, &s, msg, sizeof msg),
                         SATSTAT_EINVAL);
        ck_assert_msg(strncmp(msg, "unknown scheme '", 16) == 0, "%s", msg);
        ck_assert_msg_has(msg, cases[i].hint);
        ck_assert_msg(msg[strlen(msg) - 1] == ')', "%s", msg);
    }
    /* nothing near: no hint, the message as before */
    ck_assert_int_eq(satstat_scheme_parse("nope", &s, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_ptr_null(strstr(msg, "did you mean"));
    /* a long word: the quote is cut, the list ends in ", ...)" */
    snprintf(text, sizeof text, "xavier-uniforn:%0120d", 7);
    ck_assert_int_eq(satstat_scheme_parse(text, &s, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "(did you mean 'xavier-uniform'? valid: standard");
    ck_assert_msg(msg[strlen(msg) - 1] == ')', "%s", msg);
    ck_assert_uint_lt(strlen(msg), SATSTAT_ERRMSG_SIZE - 1);
    ck_assert_msg_has(msg, ", ...)");

    /* the other names of this module */
    satstat_fan_mode mode;
    satstat_bias b;
    satstat_inputs in;
    double g;
    ck_assert_int_eq(satstat_fan_mode_parse("FAN_OUT", &mode, msg, sizeof msg), SATSTAT_OK);
    ck_assert_int_eq(mode, SATSTAT_FAN_OUT);
    ck_assert_int_eq(satstat_fan_mode_parse("fan-out", &mode, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "unknown fan mode 'fan-out' (did you mean "
                          "'fan_out'? valid: fan_in, fan_out, fan_avg)");
    ck_assert_int_eq(satstat_gain_parse("ReLU", &g, msg, sizeof msg), SATSTAT_OK);
    ck_assert(g == sqrt(2.0));
    ck_assert_int_eq(satstat_gain_parse("Leaky_ReLU:0", &g, msg, sizeof msg), SATSTAT_OK);
    ck_assert(g == sqrt(2.0));
    ck_assert_int_eq(satstat_gain_parse("tahn", &g, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "got 'tahn' (did you mean 'tanh'?)");
    ck_assert_int_eq(satstat_gain_parse("leaky_rleu:0.1", &g, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "(did you mean 'leaky_relu'?)");
    ck_assert_int_eq(satstat_scheme_parse("variance-scaling:2,fan_in,unifrm",
                                          &s, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "unknown distribution 'unifrm' (did you mean "
                           "'uniform'? valid: ");
    ck_assert_int_eq(satstat_bias_parse("TORCH", &b, msg, sizeof msg), SATSTAT_OK);
    ck_assert_str_eq(b.canonical, "torch");
    ck_assert_int_eq(satstat_bias_parse("Const:2", &b, msg, sizeof msg), SATSTAT_OK);
    ck_assert_str_eq(b.canonical, "const:2");
    ck_assert_int_eq(satstat_bias_parse("zeor", &b, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "unknown bias 'zeor' (did you mean 'zero'? valid: "
                          "normal:SIGMA, zero, const:C, uniform:A, torch)");
    ck_assert_int_eq(satstat_inputs_parse("Half", &in, msg, sizeof msg), SATSTAT_OK);
    ck_assert_str_eq(in.canonical, "half");
    ck_assert_int_eq(satstat_inputs_parse("BERNOULLI:0.25", &in, msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_str_eq(in.canonical, "bernoulli:0.25");
    ck_assert_int_eq(satstat_inputs_parse("Uniform:-1, 2", &in, msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_str_eq(in.canonical, "uniform:-1,2");
    ck_assert_int_eq(satstat_inputs_parse("bernouli:0.5", &in, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "unknown input model 'bernouli:0.5' (did you mean "
                           "'bernoulli'? valid: half, ones, bernoulli:P");
    ck_assert_int_eq(satstat_inputs_parse("unifrom:0,1", &in, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "(did you mean 'uniform'? valid: ");
}
END_TEST

START_TEST(test_scheme_list_blanks)
{
    satstat_scheme a[SATSTAT_MAX_SCHEMES], b[SATSTAT_MAX_SCHEMES];
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    size_t na, nb;
    static const struct {
        const char *spaced, *plain;
    } lists[] = {
        {"standard, scaled", "standard,scaled"},
        {"Standard,  SCALED,\the-normal", "standard,scaled,he-normal"},
        {"he-normal:tanh, fan_out, scaled", "he-normal:tanh,fan_out,scaled"},
        {"trunc-normal:0, 1, -1, 1, glorot_normal",
         "trunc-normal:0,1,-1,1,glorot_normal"},
    };

    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        ck_assert_msg(satstat_scheme_parse_list(lists[i].spaced, a,
                                                SATSTAT_MAX_SCHEMES, &na, msg, sizeof msg)
                          == SATSTAT_OK,
                      "'%s': %s", lists[i].spaced, msg);
        ck_assert_int_eq(satstat_scheme_parse_list(lists[i].plain, b,
                                                   SATSTAT_MAX_SCHEMES, &nb,
                                                   msg, sizeof msg),
                         SATSTAT_OK);
        ck_assert_uint_eq(na, nb);
        for (size_t k = 0; k < na; k++)
            ck_assert_str_eq(a[k].canonical, b[k].canonical);
    }
    /* a scheme's own parameters, parsed alone */
    ck_assert_parses_as("he-normal:tanh, fan_out",
                        "he-normal:1.6666666666666667,fan_out");
    /* only after a comma: a blank before one, or leading, is refused */
    ck_assert_int_eq(satstat_scheme_parse_list("standard ,scaled", a,
                                               SATSTAT_MAX_SCHEMES, &na, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_scheme_parse_list(" standard", a,
                                               SATSTAT_MAX_SCHEMES, &na, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_scheme_parse_list("standard, ", a,
                                               SATSTAT_MAX_SCHEMES, &na, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "empty item");
    /* listed twice in two cases is listed twice */
    ck_assert_int_eq(satstat_scheme_parse_list("scaled, Scaled", a,
                                               SATSTAT_MAX_SCHEMES, &na, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_msg_has(msg, "listed twice");
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

    tc = tcase_create("frameworks");
    tcase_add_test(tc, test_framework_schemes);
    tcase_add_test(tc, test_truncated_conventions);
    tcase_add_test(tc, test_gains);
    tcase_add_test(tc, test_framework_bad_specs);
    tcase_add_test(tc, test_framework_lists);
    tcase_add_test(tc, test_bias_torch);
    tcase_add_test(tc, test_inputs_random_models);
    tcase_add_test(tc, test_inputs_file);
    tcase_add_test(tc, test_inputs_file_bounds);
    tcase_add_test(tc, test_config_run_sizes);
    suite_add_tcase(s, tc);

    tc = tcase_create("names");
    tcase_add_test(tc, test_scheme_case);
    tcase_add_test(tc, test_scheme_suggestions);
    tcase_add_test(tc, test_scheme_list_blanks);
    suite_add_tcase(s, tc);

    tc = tcase_create("cli_bad_values");
    tcase_add_test(tc, test_cli_bad_values);
    suite_add_tcase(s, tc);

    return s;
}

TEST_MAIN(scheme_suite)
