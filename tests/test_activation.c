/* test_activation.c — the activation table (satstat/activation.h): values
 * and derivatives against closed forms, stability at large |z|, and φ'
 * against a central finite difference of φ. */
#include <check.h>

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/activation.h>

/* Relative tolerance for a handful of correctly rounded operations. */
#define REL_TOL (8 * DBL_EPSILON)

static void assert_rel(double got, double want, double tol, const char *what,
                       double z)
{
    ck_assert_msg(isfinite(got), "%s(%g) = %g is not finite", what, z, got);
    ck_assert_msg(fabs(got - want) <= tol * fabs(want),
                  "%s(%g) = %.17g, want %.17g", what, z, got, want);
}

static const double points[] = {
    -800.0, -100.0, -40.0, -20.0, -10.0, -4.0, -2.0, -1.0, -0.5,
    -1e-8,  0.0,    1e-8,  0.5,   1.0,   2.0,  4.0,  10.0, 20.0,
    40.0,   100.0,  800.0,
};
#define N_POINTS (sizeof points / sizeof points[0])

/* ---- the table ----------------------------------------------------------- */

START_TEST(test_table)
{
    size_t n = 0, i, j;
    const satstat_activation *t = satstat_activation_table(&n);

    ck_assert_ptr_nonnull(t);
    ck_assert_uint_ge(n, 2);
    ck_assert_ptr_eq(satstat_activation_table(NULL), t);
    for (i = 0; i < n; i++) {
        ck_assert_ptr_nonnull(t[i].name);
        ck_assert(t[i].phi != NULL);
        ck_assert(t[i].dphi != NULL);
        ck_assert_ptr_nonnull(t[i].saturation);
        ck_assert_uint_gt(strlen(t[i].saturation), 0);
        ck_assert(t[i].dphi_max > 0.0 && isfinite(t[i].dphi_max));
        ck_assert_ptr_eq(satstat_activation_find(t[i].name), &t[i]);
        for (j = 0; j < i; j++)
            ck_assert_str_ne(t[i].name, t[j].name);
    }
}
END_TEST

START_TEST(test_find)
{
    const satstat_activation *a;

    a = satstat_activation_find("sigmoid");
    ck_assert_ptr_nonnull(a);
    ck_assert_str_eq(a->name, "sigmoid");
    ck_assert(a->dphi_max == 0.25);
    a = satstat_activation_find("tanh");
    ck_assert_ptr_nonnull(a);
    ck_assert_str_eq(a->name, "tanh");
    ck_assert(a->dphi_max == 1.0);

    ck_assert_ptr_null(satstat_activation_find("nope"));
    ck_assert_ptr_null(satstat_activation_find("Sigmoid"));
    ck_assert_ptr_null(satstat_activation_find("sigmoid "));
    ck_assert_ptr_null(satstat_activation_find("sig"));
    ck_assert_ptr_null(satstat_activation_find(""));
    ck_assert_ptr_null(satstat_activation_find(NULL));
}
END_TEST

/* ---- sigmoid --------------------------------------------------------------*/

START_TEST(test_sigmoid_values)
{
    const satstat_activation *a = satstat_activation_find("sigmoid");
    size_t i;

    ck_assert(a->phi(0.0) == 0.5);
    ck_assert(a->dphi(0.0) == 0.25);
    for (i = 0; i < N_POINTS; i++) {
        double z = points[i];
        /* Closed forms: σ(z) = 1/(1 + e^{−z}); for z < 0 the same as
         * e^{z}/(1 + e^{z}), the form that keeps relative accuracy. */
        double s = z >= 0 ? 1.0 / (1.0 + exp(-z)) : exp(z) / (1.0 + exp(z));
        double e = exp(-fabs(z)), ds = e / ((1.0 + e) * (1.0 + e));
        double phi = a->phi(z), dphi = a->dphi(z);

        if (s == 0.0)
            ck_assert_msg(phi == 0.0, "sigmoid(%g) = %g", z, phi);
        else
            assert_rel(phi, s, REL_TOL, "sigmoid", z);
        if (ds == 0.0)
            ck_assert_msg(dphi == 0.0, "sigmoid'(%g) = %g", z, dphi);
        else
            assert_rel(dphi, ds, REL_TOL, "sigmoid'", z);
        ck_assert(phi >= 0.0 && phi <= 1.0);
        ck_assert(dphi >= 0.0 && dphi <= a->dphi_max);
        /* σ' = σ(1 − σ) where 1 − σ does not cancel. */
        if (fabs(z) <= 4.0)
            assert_rel(dphi, phi * (1.0 - phi), 64 * DBL_EPSILON,
                       "sigmoid' vs s(1-s)", z);
        /* Symmetry: σ(−z) = 1 − σ(z), σ' even. */
        ck_assert(a->dphi(-z) == dphi);
        if (fabs(z) <= 20.0)
            ck_assert_msg(fabs(a->phi(-z) - (1.0 - phi)) <= 2 * DBL_EPSILON,
                          "sigmoid(-%g) != 1 - sigmoid(%g)", z, z);
    }
    /* Relative accuracy deep in the lower tail: σ(−30) ≈ e^{−30}. */
    assert_rel(a->phi(-30.0), exp(-30.0) / (1.0 + exp(-30.0)), REL_TOL,
               "sigmoid", -30.0);
    assert_rel(a->dphi(30.0), exp(-30.0) / ((1.0 + exp(-30.0))
                                            * (1.0 + exp(-30.0))),
               REL_TOL, "sigmoid'", 30.0);
    /* Known values: σ(4) = 0.98201379003790845 (1/(1+e^{-4})). */
    assert_rel(a->phi(4.0), 0.98201379003790845, REL_TOL, "sigmoid", 4.0);
    assert_rel(a->dphi(4.0), 0.017662706213291118, REL_TOL, "sigmoid'",
               4.0);
}
END_TEST

/* ---- tanh ------------------------------------------------------------------*/

START_TEST(test_tanh_values)
{
    const satstat_activation *a = satstat_activation_find("tanh");
    size_t i;

    ck_assert(a->phi(0.0) == 0.0);
    ck_assert(a->dphi(0.0) == 1.0);
    for (i = 0; i < N_POINTS; i++) {
        double z = points[i];
        double t = tanh(z);
        /* sech²(z) = 4e^{−2|z|}/(1 + e^{−2|z|})². */
        double e = exp(-2.0 * fabs(z)), sech2 = 4.0 * e / ((1.0 + e)
                                                          * (1.0 + e));
        double phi = a->phi(z), dphi = a->dphi(z);

        if (t == 0.0)
            ck_assert(phi == 0.0);
        else
            assert_rel(phi, t, REL_TOL, "tanh", z);
        if (sech2 == 0.0)
            ck_assert_msg(dphi == 0.0, "tanh'(%g) = %g", z, dphi);
        else
            assert_rel(dphi, sech2, REL_TOL, "tanh'", z);
        ck_assert(phi >= -1.0 && phi <= 1.0);
        ck_assert(dphi >= 0.0 && dphi <= a->dphi_max);
        /* 1 − tanh² where it does not cancel, and 1/cosh² everywhere
         * cosh is finite. */
        if (fabs(z) <= 2.0)
            assert_rel(dphi, 1.0 - t * t, 64 * DBL_EPSILON,
                       "tanh' vs 1-tanh^2", z);
        if (fabs(z) <= 300.0 && sech2 > 0.0)
            assert_rel(dphi, 1.0 / (cosh(z) * cosh(z)), 16 * DBL_EPSILON,
                       "tanh' vs 1/cosh^2", z);
        ck_assert(a->dphi(-z) == dphi);
        ck_assert(a->phi(-z) == -phi);
    }
    /* tanh'(1) = sech²(1) = 0.41997434161402606. */
    assert_rel(a->dphi(1.0), 0.41997434161402606, REL_TOL, "tanh'", 1.0);
}
END_TEST

/* ---- stability --------------------------------------------------------------*/

START_TEST(test_extremes)
{
    static const double far[] = {-INFINITY, -DBL_MAX, -1e300, -800.0, -745.0,
                                 -710.0,    710.0,    745.0,  800.0,  1e300,
                                 DBL_MAX,   INFINITY};
    size_t n = 0, i, k;
    const satstat_activation *t = satstat_activation_table(&n);

    for (k = 0; k < n; k++) {
        for (i = 0; i < sizeof far / sizeof far[0]; i++) {
            double z = far[i], phi = t[k].phi(z), dphi = t[k].dphi(z);
            ck_assert_msg(isfinite(phi), "%s(%g) = %g", t[k].name, z, phi);
            ck_assert_msg(isfinite(dphi) && dphi >= 0.0
                              && dphi < 1e-300,
                          "%s'(%g) = %g", t[k].name, z, dphi);
        }
    }
    ck_assert(satstat_activation_find("sigmoid")->phi(800.0) == 1.0);
    ck_assert(satstat_activation_find("sigmoid")->phi(-800.0) == 0.0);
    ck_assert(satstat_activation_find("sigmoid")->dphi(800.0) == 0.0);
    ck_assert(satstat_activation_find("sigmoid")->dphi(-800.0) == 0.0);
    ck_assert(satstat_activation_find("tanh")->phi(800.0) == 1.0);
    ck_assert(satstat_activation_find("tanh")->phi(-800.0) == -1.0);
    ck_assert(satstat_activation_find("tanh")->dphi(800.0) == 0.0);
    ck_assert(satstat_activation_find("tanh")->dphi(-800.0) == 0.0);
}
END_TEST

START_TEST(test_saturation_meaning)
{
    /* "|z| ≥ T: σ within 1/(1+e^T) of 0 or 1": at T = 4 exactly. */
    const satstat_activation *s = satstat_activation_find("sigmoid");
    const satstat_activation *t = satstat_activation_find("tanh");
    double T = 4.0;

    assert_rel(1.0 - s->phi(T), 1.0 / (1.0 + exp(T)), 64 * DBL_EPSILON,
               "1 - sigmoid", T);
    assert_rel(s->phi(-T), 1.0 / (1.0 + exp(T)), REL_TOL, "sigmoid", -T);
    assert_rel(1.0 - t->phi(T), 2.0 / (1.0 + exp(2 * T)), 1e-12, "1 - tanh",
               T);
    ck_assert_ptr_nonnull(strstr(s->saturation, "1/(1+e^T)"));
    ck_assert_ptr_nonnull(strstr(t->saturation, "2/(1+e^{2T})"));
}
END_TEST

/* ---- φ' against a central difference of φ --------------------------------*/

START_TEST(test_finite_difference)
{
    /* (φ(z+h) − φ(z−h))/2h = φ'(z) + h²φ'''(z)/6 + O(ε/h): with h = 1e-5
     * both terms are ~1e-11, and |φ'''| ≤ 2 for σ and tanh. */
    const double h = 1e-5, tol = 1e-9;
    size_t n = 0, i;
    const satstat_activation *t = satstat_activation_table(&n);
    double z;

    for (i = 0; i < n; i++) {
        for (z = -12.0; z <= 12.0; z += 0.173) {
            double fd = (t[i].phi(z + h) - t[i].phi(z - h)) / (2.0 * h);
            double d = t[i].dphi(z);
            ck_assert_msg(fabs(fd - d) <= tol, "%s'(%g) = %.12g, difference "
                          "quotient %.12g", t[i].name, z, d, fd);
        }
        /* sup φ' is attained at 0 and never exceeded. */
        ck_assert(t[i].dphi(0.0) == t[i].dphi_max);
        for (z = -12.0; z <= 12.0; z += 0.0173)
            ck_assert(t[i].dphi(z) <= t[i].dphi_max);
    }
}
END_TEST

static Suite *activation_suite(void)
{
    Suite *s = suite_create("activation");
    TCase *tc;

    tc = tcase_create("table");
    tcase_add_test(tc, test_table);
    tcase_add_test(tc, test_find);
    suite_add_tcase(s, tc);

    tc = tcase_create("sigmoid");
    tcase_add_test(tc, test_sigmoid_values);
    suite_add_tcase(s, tc);

    tc = tcase_create("tanh");
    tcase_add_test(tc, test_tanh_values);
    suite_add_tcase(s, tc);

    tc = tcase_create("stability");
    tcase_add_test(tc, test_extremes);
    tcase_add_test(tc, test_saturation_meaning);
    suite_add_tcase(s, tc);

    tc = tcase_create("finite_difference");
    tcase_add_test(tc, test_finite_difference);
    suite_add_tcase(s, tc);

    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(activation_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
