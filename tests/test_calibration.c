/* test_calibration.c — the verification tests themselves are honest: under
 * a true null, over 200 pinned seeds at N = 1000, each test rejects at
 * alpha = 0.05 about 5 % of the time and its p-values are uniform; and
 * Holm keeps the family's error rate at alpha.
 *
 * Bounds: the number of rejections among 200 is Binomial(200, 0.05) under a
 * calibrated test; we accept it inside the central 99.9 % range of that
 * law (computed with GSL), so a calibrated test fails this check once in a
 * thousand seeds sets, and the sets here are pinned.  Uniformity: a KS test
 * of the 200 p-values against U(0, 1) at level 0.001.  The binomial test on
 * the saturated count is discrete (its p-values are not uniform and it is
 * conservative), so only its upper bound is checked. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include <satstat/satstat.h>
#include "common.h"

enum { SEEDS = 200, TESTS = 6 };

static double uniform_cdf(double x, void *ctx)
{
    (void)ctx;
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

static void calibrate_layer(const char *scheme, uint64_t n_in, uint64_t n_out,
                            uint64_t active, double threshold, uint64_t samples,
                            uint64_t seed0)
{
    satstat_config c;
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_config_default(&c);
    ck_assert_int_eq(satstat_scheme_parse_list(scheme, c.schemes, SATSTAT_MAX_SCHEMES,
                                               &c.n_schemes, msg, sizeof msg), 0);
    c.n_in = n_in;
    c.n_out = n_out;
    c.inputs.active = active;
    c.samples = samples;
    c.threshold = threshold;
    c.alpha = 0.05;
    c.threads = 1;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);

    double p[TESTS][SEEDS];
    const char *names[TESTS];
    int family_rejections = 0;
    for (int s = 0; s < SEEDS; s++) {
        c.seed = seed0 + (uint64_t)s;
        satstat_report *r = NULL;
        ck_assert_int_eq(satstat_report_run(&c, 0, NULL, NULL, &r), 0);
        size_t n;
        const satstat_test_result *t = satstat_report_tests(r, 0, &n);
        ck_assert_uint_eq(n, TESTS);
        for (size_t i = 0; i < n; i++) {
            names[i] = t[i].name;
            ck_assert_int_ne(t[i].state, SATSTAT_TEST_SKIPPED);
            p[i][s] = t[i].p_value;
        }
        family_rejections += !satstat_report_pass(r);
        satstat_report_free(r);
    }
    /* central 99.9 % range of Binomial(200, 0.05) */
    unsigned lo = 0, hi = SEEDS;
    while (gsl_cdf_binomial_P(lo, 0.05, SEEDS) < 0.0005)
        lo++;
    while (hi > 0 && gsl_cdf_binomial_P(hi - 1, 0.05, SEEDS) > 0.9995)
        hi--;
    for (int i = 0; i < TESTS; i++) {
        int rejections = 0;
        for (int s = 0; s < SEEDS; s++)
            rejections += p[i][s] <= 0.05;
        int discrete = strcmp(names[i], "saturated_fraction") == 0;
        ck_assert_msg((unsigned)rejections <= hi, "%s %s: %d of %d rejected at 0.05 (max %u)",
                      scheme, names[i], rejections, SEEDS, hi);
        if (discrete)
            continue;
        ck_assert_msg((unsigned)rejections >= lo, "%s %s: %d of %d rejected at 0.05 (min %u)",
                      scheme, names[i], rejections, SEEDS, lo);
        satstat_test ks;
        ck_assert_int_eq(satstat_ks_test(p[i], SEEDS, uniform_cdf, NULL, &ks), 0);
        ck_assert_msg(ks.p_value > 0.001, "%s %s: p-values not uniform (KS p %g)",
                      scheme, names[i], ks.p_value);
    }
    /* Holm: the whole family wrongly fails at most alpha of the time */
    ck_assert_msg((unsigned)family_rejections <= hi, "%s: family failed %d of %d",
                  scheme, family_rejections, SEEDS);
}

static void calibrate(const char *scheme, uint64_t n_in, uint64_t active,
                      double threshold, uint64_t seed0)
{
    calibrate_layer(scheme, n_in, 100, active, threshold, 1000, seed0);
}

START_TEST(calibrated_scaled)
{
    calibrate("scaled", 1000, 500, 1.0, 1000);
}
END_TEST

START_TEST(calibrated_standard)
{
    calibrate("standard", 200, 100, 4.0, 5000);
}
END_TEST

START_TEST(calibrated_small_fan_in)
{
    /* 7 active inputs and a threshold in the far tail: n·p0 ≈ 10 */
    calibrate("normal:0.3", 20, 7, 3.0, 9000);
}
END_TEST

/* Orthogonal: a matrix is one unit.  Tests over 400 matrices of 5 rows
 * (orthonormal rows of S^19) and over 250 square 8 x 8 matrices (whose
 * rows carry exactly ‖x‖² between them) must be calibrated as well. */
START_TEST(calibrated_orthogonal_wide)
{
    calibrate_layer("orthogonal", 20, 5, 10, 2.0, 2000, 13000);
}
END_TEST

START_TEST(calibrated_orthogonal_square)
{
    calibrate_layer("orthogonal:1.3", 8, 8, 6, 1.5, 2000, 17000);
}
END_TEST

static Suite *calibration_suite(void)
{
    Suite *s = suite_create("calibration");
    TCase *tc = tcase_create("true null");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, calibrated_scaled);
    tcase_add_test(tc, calibrated_standard);
    tcase_add_test(tc, calibrated_small_fan_in);
    tcase_add_test(tc, calibrated_orthogonal_wide);
    tcase_add_test(tc, calibrated_orthogonal_square);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(calibration_suite)
