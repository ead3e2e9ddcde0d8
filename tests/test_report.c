/* test_report.c — the experiment end to end through the library: the reference
 * reference values, verdicts, power against wrong claims, degenerate z,
 * and the three output formats. */
#define _GNU_SOURCE /* open_memstream */
#include <check.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <satstat/satstat.h>

#include "report-check.h"
#include "common.h"

static satstat_config config_of(const char *schemes, uint64_t samples)
{
    satstat_config c = test_config(schemes, samples);
    test_config_validate(&c);
    return c;
}

static satstat_report *run(const satstat_config *c, int analytic_only)
{
    satstat_report *r = NULL;
    ck_assert_int_eq(satstat_report_run(c, analytic_only, NULL, NULL, &r), 0);
    ck_assert_ptr_nonnull(r);
    return r;
}

static const satstat_test_result *test_named(const satstat_report *r, size_t s,
                                             const char *name)
{
    size_t n;
    const satstat_test_result *t = satstat_report_tests(r, s, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].name, name) == 0)
            return &t[i];
    ck_abort_msg("no test %s", name);
    return NULL;
}

static char *write_to_string(const satstat_report *r, satstat_format f)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    ck_assert_int_eq(satstat_report_write(r, f, m), 0);
    fclose(m);
    return buf;
}

/* The seed experiment at its default size: the reference analytic numbers, and
 * the sample agrees with them (pinned seed 1). */
START_TEST(seed_experiment)
{
    satstat_config c = config_of(NULL, 1000000);
    satstat_report *r = run(&c, 0);
    const satstat_analytic *std = satstat_report_analytic(r, 0);
    const satstat_analytic *scl = satstat_report_analytic(r, 1);
    ck_assert_double_eq(std->variance, 501.0);
    ck_assert_double_eq_tol(scl->variance, 1.5, 1e-15);
    ck_assert_double_eq_tol(std->saturated_fraction, 0.858168, 5e-7);
    ck_assert_double_eq_tol(scl->saturated_fraction, 0.0010908, 5e-8);
    ck_assert_double_eq_tol(std->mean_activation_derivative, 0.017765, 5e-7);
    ck_assert_double_eq_tol(scl->mean_activation_derivative, 0.192763, 5e-7);
    ck_assert_int_eq(std->law, SATSTAT_Z_NORMAL);
    ck_assert(satstat_report_pass(r));
    /* the sampled variance lies in its CI and near the formula */
    const satstat_moments *m = satstat_summary_z(satstat_report_summary(r, 0));
    ck_assert_uint_eq(m->n, 1000000);
    ck_assert_double_eq_tol(satstat_moments_variance(m), 501.0, 501.0 * 5 * sqrt(2e-6));
    size_t n;
    satstat_report_tests(r, 0, &n);
    ck_assert_uint_eq(n, 6);
    satstat_report_free(r);
}
END_TEST

/* Power: the classic mistakes are caught at the default sample count, and
 * the right claim passes. */
START_TEST(wrong_claims_rejected)
{
    satstat_config c = config_of("scaled", 1000000);
    c.claimed_variance = 1.0; /* forgets the bias */
    satstat_report *r = run(&c, 0);
    ck_assert(!satstat_report_pass(r));
    ck_assert_int_eq(test_named(r, 0, "variance")->state, SATSTAT_TEST_FAIL);
    ck_assert_int_eq(test_named(r, 0, "distribution")->state, SATSTAT_TEST_FAIL);
    /* the formula's value is kept beside the claim */
    ck_assert_double_eq_tol(satstat_report_analytic(r, 0)->variance, 1.5, 1e-15);
    satstat_report_free(r);

    c.claimed_variance = 1.5;
    r = run(&c, 0);
    ck_assert(satstat_report_pass(r));
    satstat_report_free(r);

    c = config_of("standard", 1000000);
    c.claimed_variance = 480;
    r = run(&c, 0);
    ck_assert(!satstat_report_pass(r));
    ck_assert_int_eq(test_named(r, 0, "variance")->state, SATSTAT_TEST_FAIL);
    satstat_report_free(r);
}
END_TEST

/* --active 0 with a constant bias: z is a constant; the distribution tests
 * are skipped, the exact checks pass. */
START_TEST(degenerate_z)
{
    satstat_config c = config_of("standard", 5000);
    c.inputs.active = 0;
    c.bias.law.family = SATSTAT_FAMILY_CONSTANT;
    c.bias.law.a = 5.0;
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    satstat_report *r = run(&c, 0);
    const satstat_analytic *a = satstat_report_analytic(r, 0);
    ck_assert_int_eq(a->law, SATSTAT_Z_CONSTANT);
    ck_assert_double_eq(a->saturated_fraction, 1.0);
    ck_assert_int_eq(test_named(r, 0, "distribution")->state, SATSTAT_TEST_SKIPPED);
    ck_assert_int_eq(test_named(r, 0, "distribution_binned")->state, SATSTAT_TEST_SKIPPED);
    ck_assert_int_eq(test_named(r, 0, "saturated_fraction")->state, SATSTAT_TEST_PASS);
    ck_assert(satstat_report_pass(r));
    ck_assert_uint_eq(satstat_summary_saturated(satstat_report_summary(r, 0)), 5000);
    char *json = write_to_string(r, SATSTAT_FORMAT_JSON);
    ck_assert_ptr_nonnull(strstr(json, "\"skipped\": true"));
    free(json);
    satstat_report_free(r);
}
END_TEST

/* Non-Gaussian z: the exact law (satstat/exact.h) is the null law, so the
 * tests are not approximate; the normal approximation is reported beside
 * it.  With a claimed variance the null law is normal again, and the tests
 * that rely on it say they are approximate. */
START_TEST(approximate_laws_labelled)
{
    satstat_config c = config_of("uniform:0.1,normal:0.2", 20000);
    c.inputs.kind = SATSTAT_INPUTS_BERNOULLI;
    c.inputs.p = 0.5;
    satstat_report *r = run(&c, 0);
    for (size_t s = 0; s < 2; s++) {
        const satstat_analytic *a = satstat_report_analytic(r, s);
        ck_assert_int_eq(a->law, SATSTAT_Z_EXACT);
        ck_assert(isfinite(a->normal_saturated_fraction));
        ck_assert(!test_named(r, s, "distribution")->approximate);
        ck_assert(!test_named(r, s, "distribution_binned")->approximate);
        ck_assert(!test_named(r, s, "saturated_fraction")->approximate);
        ck_assert(!test_named(r, s, "variance")->approximate);
        ck_assert_ptr_nonnull(strstr(test_named(r, s, "distribution")->method, "exact law"));
    }
    char *json = write_to_string(r, SATSTAT_FORMAT_JSON);
    ck_assert_ptr_nonnull(strstr(json, "\"normal_approximation\""));
    ck_assert_ptr_nonnull(strstr(json, "exact (characteristic-function inversion)"));
    free(json);
    ck_assert(satstat_report_pass(r));
    satstat_report_free(r);
    c.claimed_variance = 0.01 / 3 * 1000 * 0.5 + 1;
    r = run(&c, 0);
    ck_assert(test_named(r, 0, "distribution")->approximate);
    /* random inputs: Var z = σ_w² n p + σ_b² */
    ck_assert_double_eq_tol(satstat_report_analytic(r, 1)->variance,
                            0.04 * 1000 * 0.5 + 1, 1e-12);
    satstat_report_free(r);
}
END_TEST

/* Down to one neuron the report completes; tests that cannot apply at that
 * size are skipped, not failed. */
START_TEST(tiny_samples)
{
    for (uint64_t n = 1; n <= 12; n++) {
        satstat_config c = config_of(NULL, n);
        satstat_report *r = run(&c, 0);
        ck_assert_uint_eq(satstat_summary_z(satstat_report_summary(r, 1))->n, n);
        if (n < 10)
            ck_assert_int_eq(test_named(r, 0, "distribution_binned")->state,
                             SATSTAT_TEST_SKIPPED);
        if (n < 2)
            ck_assert_int_eq(test_named(r, 0, "variance")->state, SATSTAT_TEST_SKIPPED);
        satstat_report_free(r);
    }
}
END_TEST

START_TEST(analytic_only)
{
    satstat_config c = config_of(NULL, 1000000);
    satstat_report *r = run(&c, 1);
    ck_assert_ptr_null(satstat_report_summary(r, 0));
    ck_assert(satstat_report_pass(r));
    char *text = write_to_string(r, SATSTAT_FORMAT_TEXT);
    ck_assert_ptr_nonnull(strstr(text, "501"));
    ck_assert_ptr_nonnull(strstr(text, "analytic only"));
    free(text);
    satstat_report_free(r);
}
END_TEST

/* JSON has the contract's fields with their names (doc/report.schema.json). */
START_TEST(json_fields)
{
    satstat_config c = config_of(NULL, 20000);
    satstat_report *r = run(&c, 0);
    char *text = write_to_string(r, SATSTAT_FORMAT_JSON);
    json_error_t err;
    json_t *root = json_loads(text, 0, &err);
    ck_assert_msg(root != NULL, "JSON does not parse: %s", err.text);
    ck_assert_str_eq(json_string_value(json_object_get(root, "version")), "0.1.0");
    json_t *cfg = json_object_get(root, "config");
    const char *keys[] = {"n_in", "active", "samples", "seed", "threshold", "activation",
                          "alpha", "generator", "simd", "transform", "command"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        ck_assert_msg(json_object_get(cfg, keys[i]), "config.%s missing", keys[i]);
    ck_assert_int_eq(json_integer_value(json_object_get(cfg, "active")), 500);
    json_t *schemes = json_object_get(root, "schemes");
    ck_assert_uint_eq(json_array_size(schemes), 2);
    json_t *s0 = json_array_get(schemes, 0);
    ck_assert_str_eq(json_string_value(json_object_get(s0, "scheme")), "standard");
    ck_assert_double_eq(json_real_value(json_object_get(s0, "weight_variance")), 1.0);
    json_t *an = json_object_get(s0, "analytic");
    ck_assert_double_eq(json_real_value(json_object_get(an, "variance")), 501.0);
    ck_assert(json_object_get(an, "saturated_fraction"));
    ck_assert(json_object_get(an, "mean_activation_derivative"));
    json_t *em = json_object_get(s0, "empirical");
    const char *ekeys[] = {"samples", "mean", "variance", "variance_ci",
                           "saturated_fraction", "saturated_fraction_ci",
                           "mean_activation_derivative"};
    for (size_t i = 0; i < sizeof ekeys / sizeof *ekeys; i++)
        ck_assert_msg(json_object_get(em, ekeys[i]), "empirical.%s missing", ekeys[i]);
    ck_assert_uint_eq(json_array_size(json_object_get(em, "variance_ci")), 2);
    json_t *tests = json_object_get(s0, "tests");
    const char *names[] = {"mean", "variance", "saturated_fraction", "distribution"};
    for (size_t k = 0; k < 4; k++) {
        int found = 0;
        for (size_t i = 0; i < json_array_size(tests); i++) {
            json_t *t = json_array_get(tests, i);
            if (strcmp(json_string_value(json_object_get(t, "name")), names[k]) == 0) {
                found = 1;
                ck_assert(json_is_number(json_object_get(t, "statistic")));
                ck_assert(json_is_number(json_object_get(t, "p_value")));
                ck_assert(json_is_boolean(json_object_get(t, "pass")));
            }
        }
        ck_assert_msg(found, "test %s missing", names[k]);
    }
    ck_assert(json_is_boolean(json_object_get(s0, "pass")));
    ck_assert(json_is_true(json_object_get(root, "pass")));
    json_decref(root);
    free(text);
    satstat_report_free(r);
}
END_TEST

START_TEST(csv_layout)
{
    satstat_config c = config_of("scaled", 5000);
    satstat_report *r = run(&c, 0);
    char *text = write_to_string(r, SATSTAT_FORMAT_CSV);
    /* the first ten columns as ever; new ones only at the end */
    const char *header = SATSTAT_REPORT_CSV_HEADER "\n";
    ck_assert(strncmp(header, "scheme,quantity,analytic,sampled,ci_low,ci_high,statistic,"
                              "p_value,p_adjusted,verdict,", 83) == 0);
    ck_assert(strncmp(text, header, strlen(header)) == 0);
    ck_assert_ptr_nonnull(strstr(text, "\nscaled,variance,1.5"));
    ck_assert_ptr_nonnull(strstr(text, "\nscaled,verdict,"));
    /* every row has 13 fields */
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        int commas = 0;
        for (char *p = line; *p; p++)
            commas += *p == ',';
        ck_assert_int_eq(commas, 12);
    }
    free(text);
    satstat_report_free(r);
}
END_TEST

/* Numbers keep '.' under a locale whose decimal point is ',', when the
 * machine has one. */
START_TEST(locale_independent)
{
    const char *names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", NULL};
    const char *got = NULL;
    for (int i = 0; names[i] && !got; i++)
        got = setlocale(LC_NUMERIC, names[i]);
    if (!got)
        return; /* no such locale installed: nothing to check */
    satstat_config c = config_of("scaled", 2000);
    satstat_report *r = run(&c, 0);
    char *text = write_to_string(r, SATSTAT_FORMAT_CSV);
    ck_assert_ptr_nonnull(strstr(text, "scaled,variance,1.5,"));
    free(text);
    setlocale(LC_NUMERIC, "C");
    satstat_report_free(r);
}
END_TEST

START_TEST(errors)
{
    satstat_report *r = NULL;
    ck_assert_int_eq(satstat_report_run(NULL, 0, NULL, NULL, &r), SATSTAT_EINVAL);
    satstat_config c = config_of(NULL, 10);
    ck_assert_int_eq(satstat_report_run(&c, 0, NULL, NULL, NULL), SATSTAT_EINVAL);
    c.n_schemes = 0;
    ck_assert_int_eq(satstat_report_run(&c, 0, NULL, NULL, &r), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_report_write(NULL, SATSTAT_FORMAT_TEXT, stdout), SATSTAT_EINVAL);
    satstat_format f;
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_format_parse("xml", &f, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_ptr_nonnull(strstr(msg, "xml"));
    ck_assert_int_eq(satstat_format_parse("csv", &f, msg, sizeof msg), 0);
    ck_assert_int_eq(f, SATSTAT_FORMAT_CSV);
    satstat_report_free(NULL);
}
END_TEST

/* The exact law against sampling (pinned seed 1, N = 1e6): z = w1 + w2,
 * w ~ U(−1, 1) (two inputs on, no bias), is triangular on [−2, 2].  The
 * distribution tests against the exact law pass; a KS test of the same
 * neurons against the normal approximation N(0, 2/3) fails. */
static double normal_cdf_var(double x, void *ctx)
{
    return 0.5 * erfc(-x / sqrt(2.0 * *(const double *)ctx));
}

START_TEST(exact_law_vs_sampling)
{
    satstat_config c = config_of("uniform:1", 1000000);
    char msg[SATSTAT_ERRMSG_SIZE];
    c.n_in = 4;
    c.inputs.active = 2;
    ck_assert_int_eq(satstat_bias_parse("zero", &c.bias, msg, sizeof msg), 0);
    c.threshold = 1.5;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    satstat_report *r = run(&c, 0);
    const satstat_analytic *a = satstat_report_analytic(r, 0);
    ck_assert_int_eq(a->law, SATSTAT_Z_EXACT);
    /* triangular: P(|z| ≥ 1.5) = (2 − 1.5)²/4 = 1/16 */
    ck_assert_msg(fabs(a->saturated_fraction - 0.0625) <= 1e-9, "%.17g",
                  a->saturated_fraction);
    const char *names[] = {"distribution", "distribution_binned", "saturated_fraction",
                           "mean_activation_derivative", "mean", "variance"};
    for (size_t i = 0; i < 6; i++) {
        const satstat_test_result *t = test_named(r, 0, names[i]);
        ck_assert_msg(t->state == SATSTAT_TEST_PASS, "%s: p = %g", names[i], t->p_value);
        ck_assert(!t->approximate);
    }
    ck_assert(satstat_report_pass(r));
    /* the normal approximation fails on the same neurons: the binned
     * chi-square of the full histogram against N(0, 2/3) */
    double var = 2.0 / 3.0;
    uint64_t under, over;
    const gsl_histogram *h =
        satstat_summary_histogram(satstat_report_summary(r, 0), &under, &over);
    size_t bins = gsl_histogram_bins(h) + 2;
    uint64_t *obs = malloc(bins * sizeof *obs);
    double *prob = malloc(bins * sizeof *prob);
    obs[0] = under;
    obs[bins - 1] = over;
    prob[0] = normal_cdf_var(h->range[0], &var);
    prob[bins - 1] = 1.0 - normal_cdf_var(h->range[bins - 2], &var);
    for (size_t i = 0; i + 2 < bins; i++) {
        obs[i + 1] = (uint64_t)gsl_histogram_get(h, i);
        prob[i + 1] = normal_cdf_var(h->range[i + 1], &var) - normal_cdf_var(h->range[i], &var);
    }
    satstat_test t;
    size_t dof;
    ck_assert_int_eq(satstat_chisq_gof(obs, prob, bins, &t, &dof), 0);
    ck_assert_msg(t.p_value < 1e-12, "normal approximation chi-square p = %g", t.p_value);
    free(obs);
    free(prob);
    /* JSON: the exact value with the normal approximation's error beside it */
    char *json = write_to_string(r, SATSTAT_FORMAT_JSON);
    json_t *root = json_loads(json, 0, NULL);
    json_t *an = json_object_get(json_array_get(json_object_get(root, "schemes"), 0), "analytic");
    ck_assert_str_eq(json_string_value(json_object_get(an, "law")),
                     "exact (characteristic-function inversion)");
    json_t *na = json_object_get(an, "normal_approximation");
    ck_assert_ptr_nonnull(na);
    double pn = json_real_value(json_object_get(na, "saturated_fraction"));
    ck_assert_double_eq_tol(pn, erfc(1.5 / sqrt(2.0 * var)), 1e-12);
    ck_assert_double_eq_tol(json_real_value(json_object_get(na, "error")), pn - 0.0625, 1e-9);
    json_decref(root);
    free(json);
    satstat_report_free(r);
}
END_TEST

/* relu: "saturated" means dead, z ≤ 0, and P(z ≤ 0) = 1/2 for zero-mean z. */
START_TEST(relu_dead_units)
{
    satstat_config c = config_of(NULL, 100000);
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_activation_parse("relu", &c.activation, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    satstat_report *r = run(&c, 0);
    for (size_t s = 0; s < 2; s++) {
        ck_assert_double_eq(satstat_report_analytic(r, s)->saturated_fraction, 0.5);
        ck_assert_int_eq(test_named(r, s, "saturated_fraction")->state, SATSTAT_TEST_PASS);
    }
    ck_assert(satstat_report_pass(r));
    char *text = write_to_string(r, SATSTAT_FORMAT_TEXT);
    ck_assert_ptr_nonnull(strstr(text, "saturated when z <= 0 (rule dead: dead units)"));
    ck_assert_ptr_nonnull(strstr(text, "dead P(z <= 0)"));
    free(text);
    char *json = write_to_string(r, SATSTAT_FORMAT_JSON);
    json_t *root = json_loads(json, 0, NULL);
    json_t *sat = json_object_get(json_object_get(root, "config"), "saturation");
    ck_assert_str_eq(json_string_value(json_object_get(sat, "rule")), "dead");
    ck_assert_str_eq(json_string_value(json_object_get(sat, "region")), "z <= 0");
    ck_assert(json_is_null(json_object_get(sat, "above")));
    json_decref(root);
    free(json);
    satstat_report_free(r);
}
END_TEST

/* A rule states its region; the command line reproduces it. */
START_TEST(saturation_rule_reported)
{
    satstat_config c = config_of("scaled", 1000);
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_saturation_parse("deriv:0.1", &c.saturation, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    satstat_report *r = run(&c, 1);
    double t = 2.0 * acosh(sqrt(10.0));
    ck_assert_double_eq_tol(satstat_report_analytic(r, 0)->region.above, t, 1e-13);
    char *text = write_to_string(r, SATSTAT_FORMAT_TEXT);
    ck_assert_ptr_nonnull(strstr(text, "saturated when |z| >= 3.63689 (rule deriv:0.1)"));
    free(text);
    char *json = write_to_string(r, SATSTAT_FORMAT_JSON);
    json_t *root = json_loads(json, 0, NULL);
    json_t *cfg = json_object_get(root, "config");
    json_t *sat = json_object_get(cfg, "saturation");
    ck_assert_str_eq(json_string_value(json_object_get(sat, "rule")), "deriv:0.1");
    ck_assert_str_eq(json_string_value(json_object_get(sat, "region")), "|z| >= 3.63689");
    ck_assert_double_eq_tol(json_real_value(json_object_get(sat, "above")), t, 1e-13);
    ck_assert_ptr_null(json_object_get(sat, "bands")); /* a region without bands */
    ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(cfg, "command")),
                                 "--saturation deriv:0.1"));
    json_decref(root);
    free(json);
    satstat_report_free(r);
}
END_TEST

/* gelu deriv:0.05 is two components, z <= -2.27856 and the band
 * -0.903261 <= z <= -0.633457 around the zero of gelu' (issue 11): the
 * sampler counts z in either, the formula integrates both (0.103509 for
 * the scaled scheme, z ~ N(0, 1.5): mpmath in tests/ref/regions.py; the
 * tail alone would be 0.0314), and the verification passes with them.
 * With 2e5 neurons the count's sd is 0.0007, so the band cannot be
 * missed on either side. */
START_TEST(saturation_region_with_band)
{
    satstat_config c = config_of("scaled", 200000);
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_activation_parse("gelu", &c.activation, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_saturation_parse("deriv:0.05", &c.saturation, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    satstat_report *r = run(&c, 0);
    const satstat_analytic *a = satstat_report_analytic(r, 0);
    ck_assert_double_eq_tol(a->saturated_fraction, 0.10350864285579425961, 1e-12);
    satstat_sampled sm;
    ck_assert_int_eq(satstat_report_sampled(r, 0, &sm), SATSTAT_OK);
    ck_assert_msg(sm.saturated_ci.lo <= 0.10350864285579425961
                      && 0.10350864285579425961 <= sm.saturated_ci.hi,
                  "sampled %g [%g, %g]", sm.saturated, sm.saturated_ci.lo,
                  sm.saturated_ci.hi);
    ck_assert_int_eq(test_named(r, 0, "saturated_fraction")->state, SATSTAT_TEST_PASS);
    ck_assert(satstat_report_pass(r));
    char *text = write_to_string(r, SATSTAT_FORMAT_TEXT);
    /* the header states every interval and the rule (it may wrap before
     * "(rule": the text fits 100 columns) */
    ck_assert_ptr_nonnull(strstr(text, "saturated when z <= -2.27856 or -0.903261 <= z <= "
                                       "-0.633457"));
    ck_assert_ptr_nonnull(strstr(text, "deriv:0.05)"));
    /* too long for the label column: the header above states the region */
    ck_assert_ptr_nonnull(strstr(text, "\nsaturated fraction "));
    free(text);
    char *json = write_to_string(r, SATSTAT_FORMAT_JSON);
    json_t *root = json_loads(json, 0, NULL);
    json_t *sat = json_object_get(json_object_get(root, "config"), "saturation");
    ck_assert_str_eq(json_string_value(json_object_get(sat, "region")),
                     "z <= -2.27856 or -0.903261 <= z <= -0.633457");
    ck_assert_double_eq_tol(json_real_value(json_object_get(sat, "below")),
                            -2.2785606938035556, 1e-12);
    ck_assert(json_is_null(json_object_get(sat, "above")));
    json_t *bands = json_object_get(sat, "bands");
    ck_assert_uint_eq(json_array_size(bands), 1);
    ck_assert_double_eq_tol(json_real_value(json_array_get(json_array_get(bands, 0), 0)),
                            -0.90326131905940406, 1e-12);
    ck_assert_double_eq_tol(json_real_value(json_array_get(json_array_get(bands, 0), 1)),
                            -0.63345662811112531, 1e-12);
    json_decref(root);
    free(json);
    satstat_report_free(r);
}
END_TEST

/* Bad rules through the CLI: exit 2, one line naming the option. */
START_TEST(saturation_cli_errors)
{
    if (!getenv("SATSTAT_EXE"))
        return; /* run outside meson: nothing to call */
    static const char *const bad[][5] = {
        {"--saturation", "deriv:2"},
        {"--saturation", "output:0"},
        {"--saturation", "nope"},
        {"--saturation", "deriv:1"},
        {"--activation", "relu", "--saturation", "output:0.1"},
        {"--activation", "sigmoid", "--saturation", "dead"},
        {"--threshold", "3", "--saturation", "deriv:0.1"},
        {"--activation", "leaky-relu:2"}};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *args[8];
        size_t n = 0;
        for (size_t j = 0; j < 5 && bad[i][j]; j++)
            args[n++] = bad[i][j];
        args[n++] = "--analytic-only";
        args[n++] = "--quiet";
        args[n] = NULL;
        test_spawn_options o = {0};
        test_run_result r = test_run_argv(&o, args, TEST_RUN_TIMEOUT_S);
        ck_assert_msg(r.status == 2, "%s %s: status %d", bad[i][0], bad[i][1], r.status);
        test_result_free(&r);
    }
    test_run_result r = test_run("--activation", "gelu", "--saturation", "deriv:0.1",
                                 "--analytic-only", "--quiet", NULL);
    ck_assert_int_eq(r.status, 0);
    test_result_free(&r);
}
END_TEST

/* ---- one model, every format -------------------------------------------------*/

/* A number as JSON and CSV write it (%.17g) reads back to the same double. */
static double csv_number(const char *field)
{
    return *field ? strtod(field, NULL) : NAN;
}

/* The CSV row (scheme, quantity), split into fields; 0 when absent. */
static int csv_find(const char *csv, const char *scheme, const char *name, char f[][256])
{
    for (const char *line = csv; line && *line;) {
        size_t n = csv_fields(line, f, 16);
        if (n >= 2 && strcmp(f[0], scheme) == 0 && strcmp(f[1], name) == 0)
            return (int)n;
        line = strchr(line, '\n');
        if (line)
            line++;
    }
    return 0;
}

/* The text line that starts with label (after leading spaces as given)
 * and holds cell as a whole word; 1 when found. */
static int text_has(const char *text, const char *label, const char *cell)
{
    size_t ll = strlen(label);
    for (const char *line = text; line && *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (len >= ll && strncmp(line, label, ll) == 0) {
            for (const char *p = line + ll; p < line + len; p++) {
                size_t cl = strlen(cell);
                if ((size_t)(line + len - p) >= cl && strncmp(p, cell, cl) == 0 &&
                    p[-1] == ' ' && (p + cl == line + len || p[cl] == ' '))
                    return 1;
            }
        }
        line = end ? end + 1 : NULL;
    }
    return 0;
}

/* Walk the model of each scheme: every quantity is in the JSON at its
 * path with its value, in its CSV row and column, and in the text on its
 * labelled row; every test of the report is in the model. */
static void walk_model(const satstat_report *r)
{
    char *text = write_to_string(r, SATSTAT_FORMAT_TEXT);
    char *csv = write_to_string(r, SATSTAT_FORMAT_CSV);
    char *js = write_to_string(r, SATSTAT_FORMAT_JSON);
    json_error_t err;
    json_t *root = json_loads(js, 0, &err);
    ck_assert_msg(root != NULL, "JSON: %s", err.text);
    ck_assert_int_eq(json_integer_value(json_object_get(root, "schema_version")),
                     SATSTAT_SCHEMA_VERSION);
    const satstat_config *c = satstat_report_config(r);
    for (size_t i = 0; i < c->n_schemes; i++) {
        const char *scheme = c->schemes[i].canonical;
        json_t *sj = json_array_get(json_object_get(root, "schemes"), i);
        ck_assert_str_eq(json_string_value(json_object_get(sj, "scheme")), scheme);
        satstat_quantity q[SATSTAT_MODEL_MAX];
        size_t n = 0, tests = 0, n_tests = 0;
        ck_assert_int_eq(satstat_report_model(r, i, q, SATSTAT_MODEL_MAX, &n), SATSTAT_OK);
        ck_assert_uint_gt(n, 5);
        satstat_report_tests(r, i, &n_tests);
        for (size_t k = 0; k < n; k++) {
            char f[16][256], want[96];
            int nf = csv_find(csv, scheme, q[k].name, f);
            ck_assert_msg(nf == 13, "%s: CSV row %s has %d fields", scheme, q[k].name, nf);
            const char *what = q[k].name;
            switch (q[k].kind) {
            case SATSTAT_QUANTITY_FORMULA:
            case SATSTAT_QUANTITY_CLAIM:
            case SATSTAT_QUANTITY_SAMPLED: {
                int sampled = q[k].kind == SATSTAT_QUANTITY_SAMPLED;
                json_t *v = json_path(sj, q[k].json);
                ck_assert_msg(v != NULL, "%s: JSON has no %s", scheme, q[k].json);
                ck_assert_msg(same_number(q[k].value, json_value(v)), "%s: JSON %s", scheme,
                              q[k].json);
                ck_assert_msg(same_number(q[k].value, csv_number(f[sampled ? 3 : 2])),
                              "%s: CSV %s %s", scheme, what, sampled ? "sampled" : "analytic");
                if (!sampled)
                    ck_assert_str_eq(f[10], satstat_quantity_kind_name(q[k].kind));
                if (!isfinite(q[k].value))
                    snprintf(want, sizeof want, "-");
                else if (q[k].count)
                    snprintf(want, sizeof want, "%.0f", q[k].value);
                else if (q[k].digits > 0)
                    snprintf(want, sizeof want, "%.*g", q[k].digits, q[k].value);
                else /* no digit known: the bound (far_tail_digits checks it) */
                    snprintf(want, sizeof want, "%s",
                             q[k].nonnegative && q[k].value - q[k].abserr <= 0 ? "<=" : "+-");
                ck_assert_msg(text_has(text, q[k].label, want), "%s: text has no '%s' on '%s'",
                              scheme, want, q[k].label);
                break;
            }
            case SATSTAT_QUANTITY_INTERVAL: {
                json_t *v = json_path(sj, q[k].json);
                ck_assert_msg(json_is_array(v), "%s: JSON has no %s", scheme, q[k].json);
                ck_assert(same_number(q[k].interval.lo, json_value(json_array_get(v, 0))));
                ck_assert(same_number(q[k].interval.hi, json_value(json_array_get(v, 1))));
                ck_assert(same_number(q[k].interval.lo, csv_number(f[4])));
                ck_assert(same_number(q[k].interval.hi, csv_number(f[5])));
                snprintf(want, sizeof want, "[%.*g, %.*g]", q[k].digits, q[k].interval.lo,
                         q[k].digits, q[k].interval.hi);
                ck_assert_msg(strstr(text, want) != NULL, "%s: text has no %s", scheme, want);
                break;
            }
            case SATSTAT_QUANTITY_TEST: {
                const satstat_test_result *t = q[k].test;
                tests++;
                json_t *tj = NULL, *arr = json_object_get(sj, "tests");
                for (size_t j = 0; j < json_array_size(arr); j++)
                    if (strcmp(json_string_value(json_object_get(json_array_get(arr, j), "name")),
                               t->name) == 0)
                        tj = json_array_get(arr, j);
                ck_assert_msg(tj != NULL, "%s: JSON has no test %s", scheme, t->name);
                ck_assert(same_number(t->statistic, json_value(json_object_get(tj, "statistic"))));
                ck_assert(same_number(t->p_adjusted,
                                      json_value(json_object_get(tj, "p_adjusted"))));
                ck_assert(same_number(t->dof, json_value(json_object_get(tj, "dof"))));
                ck_assert_str_eq(json_string_value(json_object_get(tj, "statistic_name")),
                                 t->statistic_name);
                ck_assert(same_number(t->statistic, csv_number(f[6])));
                ck_assert(same_number(t->p_value, csv_number(f[7])));
                ck_assert(same_number(t->p_adjusted, csv_number(f[8])));
                ck_assert_str_eq(f[11], t->statistic_name);
                ck_assert(same_number(t->dof, csv_number(f[12])));
                char label[64];
                snprintf(label, sizeof label, "    %s ", t->name);
                if (t->state == SATSTAT_TEST_SKIPPED)
                    snprintf(want, sizeof want, "%s", "skipped:");
                else
                    snprintf(want, sizeof want, "%s", t->state == SATSTAT_TEST_PASS ? "pass"
                                                                                     : "FAIL");
                ck_assert_msg(text_has(text, label, want), "%s: text has no test %s", scheme,
                              t->name);
                break;
            }
            }
        }
        ck_assert_uint_eq(tests, n_tests);
        if (satstat_report_analytic_only(r)) {
            ck_assert_ptr_null(json_object_get(sj, "empirical"));
            ck_assert_ptr_null(json_object_get(sj, "tests"));
            ck_assert(json_is_null(json_object_get(sj, "pass")));
        }
    }
    /* no line of the text wider than SATSTAT_TEXT_WIDTH */
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        ck_assert_ptr_nonnull(end);
        ck_assert_msg(end - line <= SATSTAT_TEXT_WIDTH, "text line of %d columns: %.*s",
                      (int)(end - line), (int)(end - line), line);
        line = end + 1;
    }
    json_decref(root);
    free(text);
    free(csv);
    free(js);
}

START_TEST(model_in_every_format)
{
    /* normal laws, sampled */
    satstat_config c = config_of("standard,scaled", 4000);
    satstat_report *r = run(&c, 0);
    walk_model(r);
    satstat_report_free(r);
    /* exact laws (orthogonal: matrices as units), a claim */
    c = config_of("orthogonal,uniform:1,scaled", 3000);
    c.n_in = 100;
    c.n_out = 30;
    c.inputs.active = 50;
    c.claimed_variance = 1.5;
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    r = run(&c, 0);
    walk_model(r);
    satstat_report_free(r);
    /* a scheme whose name holds a comma (RFC 4180 quoting), sampled */
    c = config_of("he-normal,scaled", 2000);
    c.gain = 2.0;
    c.mode = SATSTAT_FAN_OUT;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    ck_assert_ptr_nonnull(strchr(c.schemes[0].canonical, ','));
    r = run(&c, 0);
    walk_model(r);
    satstat_report_free(r);
    /* six schemes, analytic only */
    c = config_of("standard,scaled,xavier-normal,he-normal,orthogonal,uniform:1", 1000000);
    r = run(&c, 1);
    walk_model(r);
    satstat_report_free(r);
}
END_TEST

/* A claim is a claim: the analytic column keeps the formula's numbers, the
 * claimed law has rows of its own (it used to overwrite them in CSV). */
START_TEST(claims_do_not_replace_formulas)
{
    satstat_config c = config_of("scaled", 2000);
    c.claimed_variance = 2.0;
    satstat_report *r = run(&c, 0);
    char *csv = write_to_string(r, SATSTAT_FORMAT_CSV);
    char f[16][256];
    ck_assert_int_eq(csv_find(csv, "scaled", "variance", f), 13);
    ck_assert(csv_number(f[2]) == 1.5); /* 1/1000 * 500 + 1 */
    ck_assert_str_eq(f[10], "formula");
    ck_assert_int_eq(csv_find(csv, "scaled", "claimed_variance", f), 13);
    ck_assert(csv_number(f[2]) == 2.0);
    ck_assert_str_eq(f[10], "claim");
    /* Reference values from mpmath (mp.dps = 30):
     *   erfc(2) = P(|z| >= 4) under N(0, 2)            = 0.00467773498104726584
     *   erfc(4/sqrt(3)) = P(|z| >= 4) under N(0, 1.5)  = 0.00109083517612529790
     *   quad(lambda z: s(z)*(1-s(z))*exp(-z*z/4)/sqrt(4*pi), [-inf, 0, inf])
     *     = E[sigmoid'(z)] under N(0, 2)                = 0.18158092301581527 */
    ck_assert_int_eq(csv_find(csv, "scaled", "claimed_saturated_fraction", f), 13);
    ck_assert_double_eq_tol(csv_number(f[2]), 0.004677734981047266, 1e-15);
    ck_assert_int_eq(csv_find(csv, "scaled", "saturated_fraction", f), 13);
    ck_assert_double_eq_tol(csv_number(f[2]), 0.0010908351761252979, 1e-15);
    ck_assert_int_eq(csv_find(csv, "scaled", "claimed_mean_activation_derivative", f), 13);
    ck_assert_double_eq_tol(csv_number(f[2]), 0.18158092301581527, 1e-9);
    free(csv);
    char *text = write_to_string(r, SATSTAT_FORMAT_TEXT);
    ck_assert(text_has(text, "claimed Var z (tested)", "2"));
    ck_assert(text_has(text, "claimed P(|z| >= 4)", "0.00467773"));
    ck_assert(text_has(text, "claimed E[sigmoid'(z)]", "0.181581"));
    free(text);
    satstat_report_free(r);
}
END_TEST

/* --analytic-only: nothing sampled or tested, so JSON says so. */
START_TEST(analytic_only_json)
{
    satstat_config c = config_of("scaled", 1000000);
    satstat_report *r = run(&c, 1);
    char *js = write_to_string(r, SATSTAT_FORMAT_JSON);
    json_t *root = json_loads(js, 0, NULL);
    ck_assert_ptr_nonnull(root);
    ck_assert(json_is_null(json_object_get(root, "pass")));
    ck_assert(json_is_true(json_object_get(root, "analytic_only")));
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(root, "config"),
                                                        "samples")), 0);
    ck_assert_ptr_null(json_object_get(root, "elapsed_seconds"));
    json_decref(root);
    free(js);
    char *csv = write_to_string(r, SATSTAT_FORMAT_CSV);
    ck_assert_ptr_null(strstr(csv, "\nscaled,verdict,"));
    ck_assert_ptr_nonnull(strstr(csv, "\nscaled,variance,1.5"));
    free(csv);
    satstat_report_free(r);
}
END_TEST

/* Text in a narrower terminal: every line fits, schemes wrap into blocks,
 * and cells never touch (two spaces at least between columns). */
START_TEST(text_width)
{
    satstat_config c = config_of("standard,scaled,orthogonal", 3000);
    c.n_in = 100;
    c.n_out = 30;
    c.inputs.active = 50;
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    satstat_report *r = run(&c, 0);
    for (unsigned width = 60; width <= 140; width += 40) {
        char *buf = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&buf, &len);
        ck_assert_int_eq(satstat_report_write_text(r, width, m), 0);
        fclose(m);
        size_t lines = 0;
        for (const char *line = buf; *line; lines++) {
            const char *end = strchr(line, '\n');
            ck_assert_ptr_nonnull(end);
            /* a single scheme's block may exceed a very narrow width */
            ck_assert_msg((unsigned)(end - line) <= (width < 80 ? 80 : width),
                          "width %u: line of %d: %.*s", width, (int)(end - line),
                          (int)(end - line), line);
            line = end + 1;
        }
        ck_assert_uint_gt(lines, 30);
        /* the mean row: label, then analytic and sampled cells apart */
        ck_assert(text_has(buf, "mean z", "0"));
        free(buf);
    }
    satstat_report_free(r);
}
END_TEST

/* Exact far tails print the digits they have: the cases, which
 * printed 1.11e-16 and 0 before, and a law whose far tail is only a bound
 * (its value is never printed as if exact, and no error of the normal
 * approximation is claimed beside it). */
START_TEST(far_tail_digits)
{
    const struct {
        const char *scheme, *bias;
        double threshold;
        const char *want; /* on the saturated-fraction line */
    } cases[] = {
        {"he-uniform", "normal:1", 12, " 1.89713e-17"},
        {"torch-linear", "torch", 4, " 4.97263e-23"},
        {"torch-linear", "torch", 10, " 1.91899e-153"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        satstat_config c;
        satstat_config_default(&c);
        char msg[SATSTAT_ERRMSG_SIZE] = "";
        ck_assert_int_eq(satstat_scheme_parse_list(cases[i].scheme, c.schemes, SATSTAT_MAX_SCHEMES,
                                                   &c.n_schemes, msg, sizeof msg), SATSTAT_OK);
        ck_assert_int_eq(satstat_bias_parse(cases[i].bias, &c.bias, msg, sizeof msg), SATSTAT_OK);
        c.threshold = cases[i].threshold;
        c.saturation.kind = SATSTAT_SATURATION_Z;
        c.saturation.value = cases[i].threshold;
        ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_OK);
        satstat_report *r = NULL;
        ck_assert_int_eq(satstat_report_run(&c, 1, NULL, NULL, &r), SATSTAT_OK);
        char *text = write_to_string(r, SATSTAT_FORMAT_TEXT);
        const char *line = strstr(text, "\nsaturated P(");
        ck_assert_msg(line && strstr(line, cases[i].want) &&
                          strstr(line, cases[i].want) < strchr(line + 1, '\n'),
                      "%s --threshold %g: want%s in\n%s", cases[i].scheme, cases[i].threshold,
                      cases[i].want, text);
        free(text);
        satstat_report_free(r);
        satstat_config_free(&c);
    }
    /* uniform weights on random inputs: the far tail is a bound only */
    satstat_config c;
    satstat_config_default(&c);
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    ck_assert_int_eq(satstat_scheme_parse_list("xavier-uniform", c.schemes, SATSTAT_MAX_SCHEMES,
                                               &c.n_schemes, msg, sizeof msg), SATSTAT_OK);
    ck_assert_int_eq(satstat_inputs_parse("normal:1", &c.inputs, msg, sizeof msg), SATSTAT_OK);
    c.threshold = 12;
    c.saturation.kind = SATSTAT_SATURATION_Z;
    c.saturation.value = 12;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_OK);
    satstat_report *r = NULL;
    ck_assert_int_eq(satstat_report_run(&c, 1, NULL, NULL, &r), SATSTAT_OK);
    const satstat_analytic *a = satstat_report_analytic(r, 0);
    ck_assert_int_eq(satstat_exact_digits(a->saturated_fraction, a->exact_abserr), 0);
    char *text = write_to_string(r, SATSTAT_FORMAT_TEXT);
    const char *line = strstr(text, "\nsaturated P(");
    ck_assert_ptr_nonnull(line);
    const char *eol = strchr(line + 1, '\n');
    const char *form = strstr(line, " +- ") ? strstr(line, " +- ") : strstr(line, " <= ");
    ck_assert_msg(form && form < eol, "no bound on the line in\n%s", text);
    const char *err = strstr(text, "normal approx. P");
    ck_assert_ptr_nonnull(err);
    err = strstr(err, "its error");
    ck_assert_msg(err && strstr(err, "-") && strstr(err, "-") < strchr(err, '\n'),
                  "the normal approximation's error is claimed:\n%s", text);
    free(text);
    satstat_report_free(r);
    satstat_config_free(&c);
}
END_TEST

static Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("end to end");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, seed_experiment);
    tcase_add_test(tc, wrong_claims_rejected);
    tcase_add_test(tc, degenerate_z);
    tcase_add_test(tc, approximate_laws_labelled);
    tcase_add_test(tc, analytic_only);
    tcase_add_test(tc, tiny_samples);
    tcase_add_test(tc, exact_law_vs_sampling);
    tcase_add_test(tc, relu_dead_units);
    tcase_add_test(tc, saturation_rule_reported);
    tcase_add_test(tc, saturation_region_with_band);
    tcase_add_test(tc, saturation_cli_errors);
    suite_add_tcase(s, tc);
    tc = tcase_create("formats");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, json_fields);
    tcase_add_test(tc, csv_layout);
    tcase_add_test(tc, locale_independent);
    tcase_add_test(tc, errors);
    tcase_add_test(tc, model_in_every_format);
    tcase_add_test(tc, far_tail_digits);
    tcase_add_test(tc, claims_do_not_replace_formulas);
    tcase_add_test(tc, analytic_only_json);
    tcase_add_test(tc, text_width);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(report_suite)
