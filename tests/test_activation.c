/* test_activation.c — the activation table (satstat/activation.h): values
 * and derivatives against closed forms, stability at large |z|, and φ'
 * against a central finite difference of φ. */
#include <check.h>

#include <float.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/activation.h>
#include <satstat/error.h>
#include "common.h"

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

/* ---- the other rows against closed forms -----------------------------------*/

/* Closed forms written independently of src/model/activation.c (different
 * expressions where possible), at points where they do not lose digits. */
START_TEST(test_other_values)
{
    const satstat_activation *ss = satstat_activation_find("softsign");
    const satstat_activation *ef = satstat_activation_find("erf");
    const satstat_activation *re = satstat_activation_find("relu");
    const satstat_activation *lr = satstat_activation_find("leaky-relu");
    const satstat_activation *ge = satstat_activation_find("gelu");
    const satstat_activation *se = satstat_activation_find("selu");
    const double lambda = 1.0507009873554804934, alpha = 1.6732632423543772848;
    double z;

    ck_assert(ss && ef && re && lr && ge && se);
    for (z = -10.0; z <= 10.0; z += 0.37) {
        double Phi = 0.5 * (1.0 + erf(z / sqrt(2.0)));
        double pdf = exp(-0.5 * z * z) / sqrt(2.0 * 3.14159265358979323846);

        assert_rel(ss->phi(z), z / (1.0 + fabs(z)), REL_TOL, "softsign", z);
        assert_rel(ss->dphi(z), pow(1.0 + fabs(z), -2.0), REL_TOL,
                   "softsign'", z);
        ck_assert(ef->phi(z) == erf(z));
        assert_rel(ef->dphi(z), 2.0 / sqrt(3.14159265358979323846) * exp(-z * z),
                   REL_TOL, "erf'", z);
        ck_assert(re->phi(z) == fmax(z, 0.0));
        ck_assert(re->dphi(z) == (z > 0.0 ? 1.0 : 0.0));
        ck_assert(lr->phi(z) == (z > 0.0 ? z : 0.01 * z));
        ck_assert(lr->dphi(z) == (z > 0.0 ? 1.0 : 0.01));
        /* gelu = z Φ(z), gelu' = Φ + z φ (Hendrycks & Gimpel 2016); in
         * the left tail only absolutely (Φ = (1 + erf)/2 cancels). */
        ck_assert_msg(fabs(ge->phi(z) - z * Phi) <= 1e-15 * (1.0 + fabs(z)),
                      "gelu(%g) = %.17g", z, ge->phi(z));
        ck_assert_msg(fabs(ge->dphi(z) - (Phi + z * pdf)) <= 1e-15,
                      "gelu'(%g) = %.17g", z, ge->dphi(z));
        /* gelu'(z) + gelu'(−z) = 1 */
        ck_assert(fabs(ge->dphi(z) + ge->dphi(-z) - 1.0) <= 4 * DBL_EPSILON);
        if (z > 0.0) {
            assert_rel(se->phi(z), lambda * z, REL_TOL, "selu", z);
            assert_rel(se->dphi(z), lambda, REL_TOL, "selu'", z);
        } else {
            ck_assert(fabs(se->phi(z) - lambda * alpha * (exp(z) - 1.0))
                      <= 1e-15);
            assert_rel(se->dphi(z), lambda * alpha * exp(z), REL_TOL,
                       "selu'", z);
        }
    }
    /* the kinks: the left value, as PyTorch's backward functions */
    ck_assert(re->dphi(0.0) == 0.0);
    ck_assert(lr->dphi(0.0) == 0.01);
    assert_rel(se->dphi(0.0), lambda * alpha, REL_TOL, "selu'", 0.0);
    /* known values: gelu(1) = Φ(1) = 0.8413447460685429 (R: pnorm(1)),
     * sup gelu' = gelu'(√2) = 1.1289041451851548 (mpmath) */
    assert_rel(ge->phi(1.0), 0.8413447460685429, 4 * DBL_EPSILON, "gelu", 1.0);
    assert_rel(ge->dphi(sqrt(2.0)), 1.1289041451851548, 4 * DBL_EPSILON,
               "gelu'", sqrt(2.0));
    /* left-tail relative accuracy: gelu(−30) = −30 Φ(−30), Φ(−30) =
     * 4.906713927148187e-198 (R: pnorm(-30)) */
    assert_rel(ge->phi(-30.0), -30.0 * 4.906713927148187e-198, 1e-13, "gelu",
               -30.0);
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
            unsigned side = z < 0 ? SATSTAT_SIDE_BELOW : SATSTAT_SIDE_ABOVE;

            ck_assert_msg(!isnan(phi) && !isnan(dphi), "%s at %g: %g, %g",
                          t[k].name, z, phi, dphi);
            ck_assert_msg(isfinite(dphi) && fabs(dphi) <= t[k].dphi_max,
                          "%s'(%g) = %g", t[k].name, z, dphi);
            if (!(t[k].sides & side)
                || !isfinite(side == SATSTAT_SIDE_BELOW ? t[k].limit_below
                                                        : t[k].limit_above))
                continue; /* leaky-relu: unbounded, φ' = slope */
            /* on a saturating side: φ finite, at its limit far out, and
             * φ' → 0 (softsign only polynomially: 1/(1+|z|)²) */
            ck_assert_msg(isfinite(phi), "%s(%g) = %g", t[k].name, z, phi);
            if (fabs(z) >= 1e300) {
                ck_assert_msg(fabs(dphi) < 1e-300, "%s'(%g) = %g", t[k].name,
                              z, dphi);
                ck_assert(phi == (z < 0 ? t[k].limit_below
                                        : t[k].limit_above));
            } else {
                ck_assert_msg(fabs(dphi) <= pow(1.0 + fabs(z), -2.0),
                              "%s'(%g) = %g", t[k].name, z, dphi);
            }
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
    ck_assert(satstat_activation_find("gelu")->dphi(-800.0) == 0.0);
    ck_assert(satstat_activation_find("gelu")->dphi(800.0) == 1.0);
    ck_assert(satstat_activation_find("gelu")->phi(800.0) == 800.0);
    ck_assert(satstat_activation_find("selu")->dphi(-800.0) == 0.0);
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
    /* relu's saturation is a dead unit, and says so */
    ck_assert_ptr_nonnull(strstr(satstat_activation_find("relu")->saturation,
                                 "dead"));
    ck_assert(satstat_activation_find("relu")->dead);
}
END_TEST

/* linear never saturates: z:T (its default) is the empty region, the
 * fraction P(z in region) is exactly 0, and the rules that need φ to
 * flatten somewhere are refused with a message naming linear. */
START_TEST(test_linear_never_saturates)
{
    const satstat_activation *a = satstat_activation_find("linear");
    ck_assert_ptr_nonnull(a);
    ck_assert(a->phi(-3.5) == -3.5 && a->phi(1e300) == 1e300);
    ck_assert(a->dphi(-7.0) == 1.0 && a->dphi(0.0) == 1.0);
    satstat_region r;
    char msg[SATSTAT_ERRMSG_SIZE], text[SATSTAT_REGION_TEXT_SIZE];
    satstat_saturation def = {SATSTAT_SATURATION_DEFAULT, 0.0};
    ck_assert_int_eq(satstat_saturation_resolve(a, &def, 4.0, &r, msg, sizeof msg), SATSTAT_OK);
    ck_assert(r.below == -INFINITY && r.above == INFINITY && r.n_bands == 0);
    ck_assert(!satstat_region_contains(&r, 1e308) && !satstat_region_contains(&r, -1e308));
    ck_assert_int_eq(satstat_region_format(&r, text, sizeof text), SATSTAT_OK);
    ck_assert_str_eq(text, "nowhere");
    const satstat_saturation refused[] = {{SATSTAT_SATURATION_DERIV, 0.5},
                                          {SATSTAT_SATURATION_OUTPUT, 0.1},
                                          {SATSTAT_SATURATION_DEAD, 0.0}};
    for (size_t k = 0; k < sizeof refused / sizeof refused[0]; k++) {
        msg[0] = '\0';
        ck_assert_int_eq(satstat_saturation_resolve(a, &refused[k], 4.0, &r, msg, sizeof msg),
                         SATSTAT_EINVAL);
        ck_assert_ptr_nonnull(strstr(msg, "linear"));
        ck_assert_ptr_nonnull(strstr(msg, "never saturates"));
    }
    ck_assert_ptr_nonnull(strstr(a->saturation, "never"));
}
END_TEST

/* ---- φ' against a central difference of φ --------------------------------*/

START_TEST(test_finite_difference)
{
    /* (φ(z+h) − φ(z−h))/2h = φ'(z) + h² φ'''(z)/6 + O(ε|φ|/h): with
     * h = 1e-5 both terms are below 1e-10 for every row (|φ'''| ≤ 6,
     * |φ| ≤ 13 on the grid), which never lands within h of a kink at 0. */
    const double h = 1e-5, tol = 2e-9;
    size_t n = 0, i;
    const satstat_activation *t = satstat_activation_table(&n);
    double z, peak;

    for (i = 0; i < n; i++) {
        for (z = -12.0; z <= 12.0; z += 0.173) {
            double fd = (t[i].phi(z + h) - t[i].phi(z - h)) / (2.0 * h);
            double d = t[i].dphi(z);
            ck_assert_msg(fabs(fd - d) <= tol * fmax(1.0, fabs(z)),
                          "%s'(%g) = %.12g, difference quotient %.12g",
                          t[i].name, z, d, fd);
        }
        /* sup |φ'| is attained (at 0, or at √2 for gelu) and never
         * exceeded */
        peak = strcmp(t[i].name, "gelu") == 0 ? sqrt(2.0)
               : strstr(t[i].name, "relu") != NULL && strcmp(t[i].name, "selu") != 0
                   ? 1.0 /* the relu family: φ' = 1 on z > 0 */
                   : 0.0;
        ck_assert_msg(fabs(t[i].dphi(peak) - t[i].dphi_max)
                          <= 4 * DBL_EPSILON * t[i].dphi_max,
                      "%s'(%g) = %.17g, sup %.17g", t[i].name, peak,
                      t[i].dphi(peak), t[i].dphi_max);
        for (z = -12.0; z <= 12.0; z += 0.0173)
            ck_assert(fabs(t[i].dphi(z)) <= t[i].dphi_max);
    }
}
END_TEST

/* ---- parameterised names ---------------------------------------------------*/

START_TEST(test_parse)
{
    const satstat_activation *a = NULL, *b = NULL;
    char msg[SATSTAT_ERRMSG_SIZE];

    ck_assert_int_eq(satstat_activation_parse("tanh", &a, msg, sizeof msg), SATSTAT_OK);
    ck_assert_ptr_eq(a, satstat_activation_find("tanh"));
    ck_assert_int_eq(satstat_activation_parse("leaky-relu:0.2", &a, msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_str_eq(a->name, "leaky-relu:0.2");
    ck_assert(a->param == 0.2);
    ck_assert(a->phi(-1.0) == -0.2 && a->phi(3.0) == 3.0);
    ck_assert(a->dphi(-1.0) == 0.2 && a->dphi(3.0) == 1.0);
    ck_assert(!a->dead);
    /* interned: the same slope, however written, is the same instance */
    ck_assert_int_eq(satstat_activation_parse("leaky-relu:0.20", &b, msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_ptr_eq(a, b);
    ck_assert_int_eq(satstat_activation_parse("leaky-relu:0.3", &b, msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_ptr_ne(a, b);
    ck_assert(a->phi(-1.0) == -0.2 && b->phi(-1.0) == -0.3);
    /* PyTorch's default slope is the row itself */
    ck_assert_int_eq(satstat_activation_parse("leaky-relu:0.01", &b, msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_ptr_eq(b, satstat_activation_find("leaky-relu"));
    /* slope 0 is relu: dead units */
    ck_assert_int_eq(satstat_activation_parse("leaky-relu:0", &b, msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert(b->dead && b->phi(-5.0) == 0.0 && b->phi(-INFINITY) == 0.0);

    static const char *bad[] = {"leaky-relu:1", "leaky-relu:-0.1",
                                "leaky-relu:", "leaky-relu:x", "leaky-relu:nan",
                                "leaky", "Gleu", "", "relu:0.1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        msg[0] = '\0';
        ck_assert_int_eq(satstat_activation_parse(bad[i], &b, msg, sizeof msg),
                         SATSTAT_EINVAL);
        ck_assert_msg(msg[0] != '\0', "no message for '%s'", bad[i]);
    }
    ck_assert_int_eq(satstat_activation_parse("softmax", &b, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_ptr_nonnull(strstr(msg, "gelu"));
    ck_assert_ptr_nonnull(strstr(msg, "leaky-relu:SLOPE"));
}
END_TEST

/* ---- names forgive: any case, "did you mean" -----------------------------*/

START_TEST(test_parse_names)
{
    const satstat_activation *a = NULL, *b = NULL;
    satstat_saturation r;
    char msg[SATSTAT_ERRMSG_SIZE];

    /* any ASCII case names the row itself (no two rows differ by case) */
    ck_assert_int_eq(satstat_activation_parse("Tanh", &a, msg, sizeof msg), SATSTAT_OK);
    ck_assert_ptr_eq(a, satstat_activation_find("tanh"));
    ck_assert_int_eq(satstat_activation_parse("GELU", &a, msg, sizeof msg), SATSTAT_OK);
    ck_assert_ptr_eq(a, satstat_activation_find("gelu"));
    ck_assert_int_eq(satstat_activation_parse("Leaky-ReLU", &a, msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_ptr_eq(a, satstat_activation_find("leaky-relu"));
    ck_assert_int_eq(satstat_activation_parse("LEAKY-RELU:0.125", &a, msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_int_eq(satstat_activation_parse("leaky-relu:0.125", &b, msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_ptr_eq(a, b);
    ck_assert_str_eq(a->name, "leaky-relu:0.125");
    /* the lookup by canonical name stays exact */
    ck_assert_ptr_null(satstat_activation_find("Tanh"));

    ck_assert_int_eq(satstat_activation_parse("tnah", &a, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "unknown activation 'tnah' (did you mean 'tanh'? "
                          "valid: sigmoid, tanh, softsign, erf, relu, "
                          "leaky-relu, gelu, selu, linear, leaky-relu:SLOPE)");
    ck_assert_int_eq(satstat_activation_parse("sigmiod", &a, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_ptr_nonnull(strstr(msg, "(did you mean 'sigmoid'? valid: "));
    ck_assert_int_eq(satstat_activation_parse("leaky_relu:0.2", &a, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_ptr_nonnull(strstr(msg, "unknown activation 'leaky_relu:0.2' "
                                      "(did you mean 'leaky-relu'? valid: "));
    ck_assert_int_eq(satstat_activation_parse("softmax", &a, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_ptr_null(strstr(msg, "did you mean"));
    ck_assert_int_eq(satstat_activation_parse("Relu:0.1", &a, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "activation 'relu' takes no parameter, got "
                          "'Relu:0.1'");

    ck_assert_int_eq(satstat_saturation_parse("Z:3", &r, msg, sizeof msg), SATSTAT_OK);
    ck_assert_int_eq(r.kind, SATSTAT_SATURATION_Z);
    ck_assert(r.value == 3.0);
    ck_assert_int_eq(satstat_saturation_parse("DERIV:0.25", &r, msg, sizeof msg),
                     SATSTAT_OK);
    ck_assert_int_eq(r.kind, SATSTAT_SATURATION_DERIV);
    ck_assert(r.value == 0.25);
    ck_assert_int_eq(satstat_saturation_parse("Dead", &r, msg, sizeof msg), SATSTAT_OK);
    ck_assert_int_eq(r.kind, SATSTAT_SATURATION_DEAD);
    ck_assert_int_eq(satstat_saturation_parse("DEFAULT", &r, msg, sizeof msg), SATSTAT_OK);
    ck_assert_int_eq(r.kind, SATSTAT_SATURATION_DEFAULT);
    ck_assert_int_eq(satstat_saturation_parse("dervi:0.5", &r, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "unknown saturation rule 'dervi:0.5' (did you mean "
                          "'deriv:R'? valid: z:T, deriv:R, output:E, dead, "
                          "default)");
    ck_assert_int_eq(satstat_saturation_parse("deaf", &r, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_ptr_nonnull(strstr(msg, "(did you mean 'dead'? valid: "));
    ck_assert_int_eq(satstat_saturation_parse("foo", &r, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_ptr_null(strstr(msg, "did you mean"));
    ck_assert_int_eq(satstat_saturation_parse("z:-4", &r, msg, sizeof msg),
                     SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "T in z:T must be positive, got -4");
}
END_TEST

/* ---- saturation rules --------------------------------------------------------*/

/* The whole region of `rule` for `act` (numeric: always the numerical
 * solver), or the status when it does not resolve. */
static int resolve_region(const char *act, const char *rule, double T,
                          int numeric, satstat_region *out, char *msg)
{
    const satstat_activation *a = NULL;
    satstat_saturation r;

    ck_assert_int_eq(satstat_activation_parse(act, &a, msg, SATSTAT_ERRMSG_SIZE), SATSTAT_OK);
    ck_assert_int_eq(satstat_saturation_parse(rule, &r, msg, SATSTAT_ERRMSG_SIZE), SATSTAT_OK);
    return numeric ? satstat_saturation_resolve_numeric(a, &r, out, msg, SATSTAT_ERRMSG_SIZE)
                   : satstat_saturation_resolve(a, &r, T, out, msg, SATSTAT_ERRMSG_SIZE);
}

/* The tails of the region; the tests of the bands look at the whole. */
static void region_of(const char *act, const char *rule, double T,
                      double *below, double *above)
{
    satstat_region reg;
    char msg[SATSTAT_ERRMSG_SIZE] = "";

    ck_assert_msg(resolve_region(act, rule, T, 0, &reg, msg) == SATSTAT_OK,
                  "%s %s: %s", act, rule, msg);
    *below = reg.below;
    *above = reg.above;
}

/* a and b equal, or within tol relative to max(1, |a|) */
static int close_to(double a, double b, double tol)
{
    return a == b || fabs(a - b) <= tol * fmax(1.0, fabs(a));
}

/* Every component of the region, ascending, as "[lo, hi] ..." for
 * messages. */
static const char *region_words(const satstat_region *r, char *buf,
                                size_t size)
{
    satstat_interval iv[SATSTAT_REGION_MAX_INTERVALS];
    size_t n = satstat_region_intervals(r, iv), i, len = 0;

    buf[0] = '\0';
    for (i = 0; i < n && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "[%.17g, %.17g] ",
                                iv[i].lo, iv[i].hi);
    return buf;
}

/* The numerical solver agrees with the closed form, component by
 * component. */
static void check_numeric(const char *act, const char *rule)
{
    satstat_region closed, numeric;
    satstat_interval c[SATSTAT_REGION_MAX_INTERVALS],
        n[SATSTAT_REGION_MAX_INTERVALS];
    char msg[SATSTAT_ERRMSG_SIZE] = "", w1[512], w2[512];
    size_t nc, nn, i;
    int same;

    ck_assert_msg(resolve_region(act, rule, 4.0, 0, &closed, msg)
                      == SATSTAT_OK, "%s %s: %s", act, rule, msg);
    ck_assert_msg(resolve_region(act, rule, 4.0, 1, &numeric, msg)
                      == SATSTAT_OK, "%s %s: %s", act, rule, msg);
    nc = satstat_region_intervals(&closed, c);
    nn = satstat_region_intervals(&numeric, n);
    same = nc == nn;
    for (i = 0; same && i < nc; i++)
        same = close_to(c[i].lo, n[i].lo, 1e-10)
               && close_to(c[i].hi, n[i].hi, 1e-10);
    ck_assert_msg(same, "%s %s: closed form %s, numeric %s", act, rule,
                  region_words(&closed, w1, sizeof w1),
                  region_words(&numeric, w2, sizeof w2));
}

START_TEST(test_rule_thresholds)
{
    static const double R[] = {0.9, 0.5, 0.1, 0.01, 1e-6, 1e-12};
    static const double E[] = {0.4, 0.1, 0.01, 1e-6, 1e-12};
    char rule[64];
    double lo, hi, want;
    size_t i;

    for (i = 0; i < sizeof R / sizeof R[0]; i++) {
        snprintf(rule, sizeof rule, "deriv:%.17g", R[i]);
        /* σ'(z) = 1/(4 cosh²(z/2)) ≤ R·(1/4) ⇔ |z| ≥ 2 acosh(1/√R) */
        region_of("sigmoid", rule, 4.0, &lo, &hi);
        want = 2.0 * acosh(1.0 / sqrt(R[i]));
        ck_assert(fabs(hi - want) <= 1e-13 * want && lo == -hi);
        /* tanh' = sech² ≤ R ⇔ |z| ≥ acosh(1/√R) */
        region_of("tanh", rule, 4.0, &lo, &hi);
        want = acosh(1.0 / sqrt(R[i]));
        ck_assert(fabs(hi - want) <= 1e-13 * want && lo == -hi);
        /* softsign' = (1+|z|)^−2 ≤ R ⇔ |z| ≥ 1/√R − 1 */
        region_of("softsign", rule, 4.0, &lo, &hi);
        want = 1.0 / sqrt(R[i]) - 1.0;
        ck_assert(fabs(hi - want) <= 1e-13 * want && lo == -hi);
        /* erf' = (2/√π) e^{−z²} ≤ R (2/√π) ⇔ |z| ≥ √(−ln R) */
        region_of("erf", rule, 4.0, &lo, &hi);
        want = sqrt(-log(R[i]));
        ck_assert(fabs(hi - want) <= 1e-13 * want && lo == -hi);
        /* selu' = λα e^z ≤ R λα ⇔ z ≤ ln R; and λ ≤ R λα on the linear
         * branch z ≥ 0 once R ≥ 1/α ≈ 0.598 */
        region_of("selu", rule, 4.0, &lo, &hi);
        ck_assert(fabs(lo - log(R[i])) <= 1e-13 * fabs(log(R[i])));
        ck_assert(hi == (R[i] >= 1.0 / 1.6732632423543772 ? 0.0 : INFINITY));
        /* relu: φ' = 0 exactly on z ≤ 0, whatever R */
        region_of("relu", rule, 4.0, &lo, &hi);
        ck_assert(lo == 0.0 && hi == INFINITY);
        if (R[i] > 1e-10) {
            check_numeric("sigmoid", rule);
            check_numeric("tanh", rule);
            check_numeric("erf", rule);
            check_numeric("selu", rule);
            if (R[i] > 1e-6)
                check_numeric("softsign", rule);
        }
    }
    for (i = 0; i < sizeof E / sizeof E[0]; i++) {
        snprintf(rule, sizeof rule, "output:%.17g", E[i]);
        /* tanh within E of ±1 ⇔ |z| ≥ atanh(1 − E) (1 − E rounds: the
         * closed form itself is good to ~1e-16/E) */
        region_of("tanh", rule, 4.0, &lo, &hi);
        want = atanh(1.0 - E[i]);
        ck_assert_msg(fabs(hi - want) <= 1e-15 / E[i] + 1e-13 * want,
                      "tanh output:%g: %.17g, atanh(1-E) %.17g", E[i], hi,
                      want);
        ck_assert(lo == -hi);
        /* σ within E of 0 or 1 ⇔ |z| ≥ ln((1 − E)/E) */
        region_of("sigmoid", rule, 4.0, &lo, &hi);
        want = log((1.0 - E[i]) / E[i]);
        ck_assert(fabs(hi - want) <= 1e-13 * want && lo == -hi);
        /* erfc|z| ≤ E */
        region_of("erf", rule, 4.0, &lo, &hi);
        ck_assert(fabs(erfc(hi) - E[i]) <= 1e-12 * E[i]);
        /* selu within E of −λα ⇔ z ≤ ln(E/λα) */
        region_of("selu", rule, 4.0, &lo, &hi);
        ck_assert(fabs(lo - log(E[i] / 1.7580993408473766))
                  <= 1e-13 * fabs(lo));
        if (E[i] > 1e-10) {
            check_numeric("tanh", rule);
            check_numeric("sigmoid", rule);
            check_numeric("erf", rule);
            check_numeric("selu", rule);
        }
    }

    /* gelu, numerically only.  |gelu'| rises from 0 to 1 − sup = −0.129
     * at −√2 (the dip), falls to 0 at −0.752 and rises again.  The tail
     * component (−∞, b] ends before the dip when R·sup < 0.129 and on the
     * rising branch past it otherwise.  deriv:0.2 (0.226 > 0.129): b in
     * (−0.752, 0) where gelu' = 0.2·sup; deriv:0.05 (0.056): b before the
     * dip; output:0.01: |z Φ(z)| ≤ 0.01.  Known values from mpmath
     * (findroot at 30 digits). */
    region_of("gelu", "deriv:0.2", 4.0, &lo, &hi);
    ck_assert(hi == INFINITY && lo > -0.76 && lo < 0.0);
    ck_assert(fabs(fabs(satstat_activation_find("gelu")->dphi(lo))
                   - 0.2 * 1.1289041451851548) <= 1e-12);
    region_of("gelu", "deriv:0.1", 4.0, &lo, &hi);
    ck_assert(fabs(lo - -1.72819197792944803) <= 1e-12 && hi == INFINITY);
    region_of("gelu", "deriv:0.05", 4.0, &lo, &hi);
    ck_assert(fabs(lo - -2.27856069380355558) <= 1e-12 && hi == INFINITY);
    /* (the band around gelu's zero: test_rule_regions_brute_force) */
    region_of("gelu", "output:0.01", 4.0, &lo, &hi);
    ck_assert(fabs(lo - -2.67480972566729126) <= 1e-12 && hi == INFINITY);

    /* leaky-relu: slope s ≤ R counts z ≤ 0 */
    region_of("leaky-relu:0.05", "deriv:0.1", 4.0, &lo, &hi);
    ck_assert(lo == 0.0 && hi == INFINITY);

    /* z:T and the defaults */
    region_of("sigmoid", "z:4", 99.0, &lo, &hi);
    ck_assert(lo == -99.0 && hi == 99.0); /* z:T is the threshold field */
    region_of("sigmoid", "default", 4.0, &lo, &hi);
    ck_assert(lo == -4.0 && hi == 4.0);
    region_of("gelu", "default", 3.0, &lo, &hi);
    ck_assert(lo == -3.0 && hi == INFINITY);
    region_of("relu", "default", 4.0, &lo, &hi);
    ck_assert(lo == 0.0 && hi == INFINITY); /* dead units */
    region_of("relu", "z:2", 2.0, &lo, &hi);
    ck_assert(lo == -2.0 && hi == INFINITY);
    region_of("leaky-relu:0", "dead", 4.0, &lo, &hi);
    ck_assert(lo == 0.0 && hi == INFINITY);
}
END_TEST

START_TEST(test_rule_errors)
{
    static const char *bad_specs[] = {"deriv:2", "deriv:1", "deriv:0",
                                      "deriv:-0.1", "output:0", "output:-1",
                                      "z:0", "z:-4", "z:", "foo", "deriv",
                                      "Dreiv:0.1", "z:inf", ""};
    static const struct {
        const char *act, *rule;
    } no_apply[] = {
        {"relu", "output:0.1"},          /* no asymptote: error, documented */
        {"leaky-relu:0.2", "output:0.1"},
        {"leaky-relu:0.2", "deriv:0.1"}, /* φ' ≥ 0.2 everywhere */
        {"sigmoid", "output:0.5"},       /* would cover every z */
        {"tanh", "output:1"},
        {"softsign", "output:2"},
        {"sigmoid", "dead"},
        {"gelu", "dead"},
    };
    const satstat_activation *a = NULL;
    satstat_saturation r;
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_region reg;
    size_t i;

    for (i = 0; i < sizeof bad_specs / sizeof bad_specs[0]; i++) {
        msg[0] = '\0';
        ck_assert_msg(satstat_saturation_parse(bad_specs[i], &r, msg, sizeof msg)
                          == SATSTAT_EINVAL, "'%s' parsed", bad_specs[i]);
        ck_assert(msg[0] != '\0');
    }
    for (i = 0; i < sizeof no_apply / sizeof no_apply[0]; i++) {
        msg[0] = '\0';
        ck_assert_int_eq(satstat_activation_parse(no_apply[i].act, &a, msg, sizeof msg),
                         SATSTAT_OK);
        ck_assert_int_eq(satstat_saturation_parse(no_apply[i].rule, &r, msg, sizeof msg),
                         SATSTAT_OK);
        ck_assert_msg(satstat_saturation_resolve(a, &r, 4.0, &reg, msg, sizeof msg)
                          == SATSTAT_EINVAL,
                      "%s %s resolved", no_apply[i].act, no_apply[i].rule);
        ck_assert_msg(strstr(msg, a->name) != NULL, "message '%s'", msg);
    }
}
END_TEST

/* ---- regions against a brute-force scan ----------------------------------
 * tests/ref/regions.py writes φ and φ' of every row again in mpmath (30
 * digits), scans them on a grid of step 1/64 and bisects every crossing to
 * 1e-25; these are its components ({lo, hi}, ±INFINITY for a tail).  n = 0:
 * empty or all of z, where satstat must refuse the rule. */
static const struct {
    const char *act, *rule;
    size_t n;
    satstat_interval iv[4];
} brute_force[] = {
    {"sigmoid", "deriv:0.9", 2, {{-INFINITY, -0.65490030047451688665}, {0.65490030047451688665, INFINITY}}},
    {"sigmoid", "deriv:0.886", 2, {{-INFINITY, -0.7028503587791037088}, {0.7028503587791037088, INFINITY}}},
    {"sigmoid", "deriv:0.885", 2, {{-INFINITY, -0.70618776901823249597}, {0.70618776901823249597, INFINITY}}},
    {"sigmoid", "deriv:0.5", 2, {{-INFINITY, -1.7627471740390860505}, {1.7627471740390860505, INFINITY}}},
    {"sigmoid", "deriv:0.2", 2, {{-INFINITY, -2.887270950357620685}, {2.887270950357620685, INFINITY}}},
    {"sigmoid", "deriv:0.115", 2, {{-INFINITY, -3.4889663579403177597}, {3.4889663579403177597, INFINITY}}},
    {"sigmoid", "deriv:0.114", 2, {{-INFINITY, -3.4982475301281602236}, {3.4982475301281602236, INFINITY}}},
    {"sigmoid", "deriv:0.1", 2, {{-INFINITY, -3.636892918464133647}, {3.636892918464133647, INFINITY}}},
    {"sigmoid", "deriv:0.05", 2, {{-INFINITY, -4.3565444206017521922}, {4.3565444206017521922, INFINITY}}},
    {"sigmoid", "deriv:0.01", 2, {{-INFINITY, -5.9864456922527617958}, {5.9864456922527617958, INFINITY}}},
    {"sigmoid", "output:0.5", 0, {{0, 0}}},
    {"sigmoid", "output:0.1", 2, {{-INFINITY, -2.1972245773362193828}, {2.1972245773362193828, INFINITY}}},
    {"sigmoid", "output:0.01", 2, {{-INFINITY, -4.5951198501345899269}, {4.5951198501345899269, INFINITY}}},
    {"tanh", "deriv:0.9", 2, {{-INFINITY, -0.32745015023725844332}, {0.32745015023725844332, INFINITY}}},
    {"tanh", "deriv:0.886", 2, {{-INFINITY, -0.3514251793895518544}, {0.3514251793895518544, INFINITY}}},
    {"tanh", "deriv:0.885", 2, {{-INFINITY, -0.35309388450911624799}, {0.35309388450911624799, INFINITY}}},
    {"tanh", "deriv:0.5", 2, {{-INFINITY, -0.88137358701954302523}, {0.88137358701954302523, INFINITY}}},
    {"tanh", "deriv:0.2", 2, {{-INFINITY, -1.4436354751788103425}, {1.4436354751788103425, INFINITY}}},
    {"tanh", "deriv:0.115", 2, {{-INFINITY, -1.7444831789701588799}, {1.7444831789701588799, INFINITY}}},
    {"tanh", "deriv:0.114", 2, {{-INFINITY, -1.7491237650640801118}, {1.7491237650640801118, INFINITY}}},
    {"tanh", "deriv:0.1", 2, {{-INFINITY, -1.8184464592320668235}, {1.8184464592320668235, INFINITY}}},
    {"tanh", "deriv:0.05", 2, {{-INFINITY, -2.1782722103008760961}, {2.1782722103008760961, INFINITY}}},
    {"tanh", "deriv:0.01", 2, {{-INFINITY, -2.9932228461263808979}, {2.9932228461263808979, INFINITY}}},
    {"tanh", "output:0.5", 2, {{-INFINITY, -0.5493061443340548457}, {0.5493061443340548457, INFINITY}}},
    {"tanh", "output:0.1", 2, {{-INFINITY, -1.47221948958322023}, {1.47221948958322023, INFINITY}}},
    {"tanh", "output:0.01", 2, {{-INFINITY, -2.6466524123622461977}, {2.6466524123622461977, INFINITY}}},
    {"softsign", "deriv:0.9", 2, {{-INFINITY, -0.054092553389459777333}, {0.054092553389459777333, INFINITY}}},
    {"softsign", "deriv:0.886", 2, {{-INFINITY, -0.062387957178337972123}, {0.062387957178337972123, INFINITY}}},
    {"softsign", "deriv:0.885", 2, {{-INFINITY, -0.06298800690546775193}, {0.06298800690546775193, INFINITY}}},
    {"softsign", "deriv:0.5", 2, {{-INFINITY, -0.4142135623730950488}, {0.4142135623730950488, INFINITY}}},
    {"softsign", "deriv:0.2", 2, {{-INFINITY, -1.2360679774997896964}, {1.2360679774997896964, INFINITY}}},
    {"softsign", "deriv:0.115", 2, {{-INFINITY, -1.9488391230979426692}, {1.9488391230979426692, INFINITY}}},
    {"softsign", "deriv:0.114", 2, {{-INFINITY, -1.9617443887954617865}, {1.9617443887954617865, INFINITY}}},
    {"softsign", "deriv:0.1", 2, {{-INFINITY, -2.162277660168379332}, {2.162277660168379332, INFINITY}}},
    {"softsign", "deriv:0.05", 2, {{-INFINITY, -3.4721359549995793928}, {3.4721359549995793928, INFINITY}}},
    {"softsign", "deriv:0.01", 2, {{-INFINITY, -9.0}, {9.0, INFINITY}}},
    {"softsign", "output:0.5", 2, {{-INFINITY, -1.0}, {1.0, INFINITY}}},
    {"softsign", "output:0.1", 2, {{-INFINITY, -9.0}, {9.0, INFINITY}}},
    {"softsign", "output:0.01", 2, {{-INFINITY, -99.0}, {99.0, INFINITY}}},
    {"erf", "deriv:0.9", 2, {{-INFINITY, -0.3245928459745012637}, {0.3245928459745012637, INFINITY}}},
    {"erf", "deriv:0.886", 2, {{-INFINITY, -0.3479056314247530322}, {0.3479056314247530322, INFINITY}}},
    {"erf", "deriv:0.885", 2, {{-INFINITY, -0.34952486889234009903}, {0.34952486889234009903, INFINITY}}},
    {"erf", "deriv:0.5", 2, {{-INFINITY, -0.83255461115769775635}, {0.83255461115769775635, INFINITY}}},
    {"erf", "deriv:0.2", 2, {{-INFINITY, -1.2686362411795196601}, {1.2686362411795196601, INFINITY}}},
    {"erf", "deriv:0.115", 2, {{-INFINITY, -1.4706539873875455503}, {1.4706539873875455503, INFINITY}}},
    {"erf", "deriv:0.114", 2, {{-INFINITY, -1.4736203142558946114}, {1.4736203142558946114, INFINITY}}},
    {"erf", "deriv:0.1", 2, {{-INFINITY, -1.5174271293851463509}, {1.5174271293851463509, INFINITY}}},
    {"erf", "deriv:0.05", 2, {{-INFINITY, -1.7308183826022853382}, {1.7308183826022853382, INFINITY}}},
    {"erf", "deriv:0.01", 2, {{-INFINITY, -2.1459660262893472396}, {2.1459660262893472396, INFINITY}}},
    {"erf", "output:0.5", 2, {{-INFINITY, -0.47693627620446987338}, {0.47693627620446987338, INFINITY}}},
    {"erf", "output:0.1", 2, {{-INFINITY, -1.1630871536766740867}, {1.1630871536766740867, INFINITY}}},
    {"erf", "output:0.01", 2, {{-INFINITY, -1.821386367718449673}, {1.821386367718449673, INFINITY}}},
    {"relu", "deriv:0.9", 1, {{-INFINITY, 0.0}}},
    {"relu", "deriv:0.886", 1, {{-INFINITY, 0.0}}},
    {"relu", "deriv:0.885", 1, {{-INFINITY, 0.0}}},
    {"relu", "deriv:0.5", 1, {{-INFINITY, 0.0}}},
    {"relu", "deriv:0.2", 1, {{-INFINITY, 0.0}}},
    {"relu", "deriv:0.115", 1, {{-INFINITY, 0.0}}},
    {"relu", "deriv:0.114", 1, {{-INFINITY, 0.0}}},
    {"relu", "deriv:0.1", 1, {{-INFINITY, 0.0}}},
    {"relu", "deriv:0.05", 1, {{-INFINITY, 0.0}}},
    {"relu", "deriv:0.01", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu", "deriv:0.9", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu", "deriv:0.886", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu", "deriv:0.885", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu", "deriv:0.5", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu", "deriv:0.2", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu", "deriv:0.115", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu", "deriv:0.114", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu", "deriv:0.1", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu", "deriv:0.05", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu", "deriv:0.01", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu:0.05", "deriv:0.9", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu:0.05", "deriv:0.886", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu:0.05", "deriv:0.885", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu:0.05", "deriv:0.5", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu:0.05", "deriv:0.2", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu:0.05", "deriv:0.115", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu:0.05", "deriv:0.114", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu:0.05", "deriv:0.1", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu:0.05", "deriv:0.05", 1, {{-INFINITY, 0.0}}},
    {"leaky-relu:0.05", "deriv:0.01", 0, {{0, 0}}},
    {"gelu", "deriv:0.9", 2, {{-INFINITY, 0.79023558524579183031}, {2.8840787217684678132, INFINITY}}},
    {"gelu", "deriv:0.886", 2, {{-INFINITY, 0.75227626811424499576}, {4.2287385203515772667, INFINITY}}},
    {"gelu", "deriv:0.885", 1, {{-INFINITY, 0.74966386137044012674}}},
    {"gelu", "deriv:0.5", 1, {{-INFINITY, 0.08095528704299006451}}},
    {"gelu", "deriv:0.2", 1, {{-INFINITY, -0.3586207648994936124}}},
    {"gelu", "deriv:0.115", 1, {{-INFINITY, -0.50436150962179256275}}},
    {"gelu", "deriv:0.114", 2, {{-INFINITY, -1.4463182517831385892}, {-1.382821705014970312, -0.50620427075970884737}}},
    {"gelu", "deriv:0.1", 2, {{-INFINITY, -1.7281919779294480996}, {-1.1582954023453619995, -0.53240560761534189381}}},
    {"gelu", "deriv:0.05", 2, {{-INFINITY, -2.2785606938035556178}, {-0.90326131905940406459, -0.63345662811112531061}}},
    {"gelu", "deriv:0.01", 2, {{-INFINITY, -3.0216626340984039027}, {-0.77860169396235935461, -0.72621659938342303915}}},
    {"gelu", "output:0.5", 1, {{-INFINITY, 0.66839597054216010301}}},
    {"gelu", "output:0.1", 1, {{-INFINITY, -1.5016540973658447621}}},
    {"gelu", "output:0.01", 1, {{-INFINITY, -2.6748097256672912699}}},
    {"selu", "deriv:0.9", 2, {{-INFINITY, -0.10536051565782630123}, {0.0, INFINITY}}},
    {"selu", "deriv:0.886", 2, {{-INFINITY, -0.12103832837705610455}, {0.0, INFINITY}}},
    {"selu", "deriv:0.885", 2, {{-INFINITY, -0.12216763397420753544}, {0.0, INFINITY}}},
    {"selu", "deriv:0.5", 1, {{-INFINITY, -0.69314718055994530942}}},
    {"selu", "deriv:0.2", 1, {{-INFINITY, -1.6094379124341003746}}},
    {"selu", "deriv:0.115", 1, {{-INFINITY, -2.1628231506188869866}}},
    {"selu", "deriv:0.114", 1, {{-INFINITY, -2.1715568305876415912}}},
    {"selu", "deriv:0.1", 1, {{-INFINITY, -2.302585092994045684}}},
    {"selu", "deriv:0.05", 1, {{-INFINITY, -2.9957322735539909934}}},
    {"selu", "deriv:0.01", 1, {{-INFINITY, -4.605170185988091368}}},
    {"selu", "output:0.5", 1, {{-INFINITY, -1.2573804861031992846}}},
    {"selu", "output:0.1", 1, {{-INFINITY, -2.8668183985372996592}}},
    {"selu", "output:0.01", 1, {{-INFINITY, -5.1694034915313453432}}},
};

/* The region satstat resolves (closed forms where the row has them) and
 * the numerical solver's, both against the scan: every component, to
 * 1e-10.  gelu's deriv:0.05 is z <= -2.27856 and the band
 * [-0.903261, -0.633457] around the zero of gelu' (issue 11). */
START_TEST(test_rule_regions_brute_force)
{
    size_t i, k, numeric;

    for (i = 0; i < sizeof brute_force / sizeof brute_force[0]; i++) {
        for (numeric = 0; numeric < 2; numeric++) {
            satstat_region reg;
            satstat_interval iv[SATSTAT_REGION_MAX_INTERVALS];
            char msg[SATSTAT_ERRMSG_SIZE] = "", w[512];
            int rc = resolve_region(brute_force[i].act, brute_force[i].rule,
                                    4.0, (int)numeric, &reg, msg);
            size_t n;

            if (brute_force[i].n == 0) {
                ck_assert_msg(rc == SATSTAT_EINVAL && msg[0] != '\0',
                              "%s %s (numeric %zu) resolved",
                              brute_force[i].act, brute_force[i].rule,
                              numeric);
                continue;
            }
            ck_assert_msg(rc == SATSTAT_OK, "%s %s: %s", brute_force[i].act,
                          brute_force[i].rule, msg);
            n = satstat_region_intervals(&reg, iv);
            ck_assert_msg(n == brute_force[i].n,
                          "%s %s (numeric %zu): %zu components %s, scan %zu",
                          brute_force[i].act, brute_force[i].rule, numeric, n,
                          region_words(&reg, w, sizeof w), brute_force[i].n);
            for (k = 0; k < n; k++)
                ck_assert_msg(close_to(iv[k].lo, brute_force[i].iv[k].lo, 1e-10)
                                  && close_to(iv[k].hi, brute_force[i].iv[k].hi,
                                              1e-10),
                              "%s %s (numeric %zu): component %zu [%.17g, "
                              "%.17g], scan [%.17g, %.17g]",
                              brute_force[i].act, brute_force[i].rule,
                              numeric, k, iv[k].lo, iv[k].hi,
                              brute_force[i].iv[k].lo, brute_force[i].iv[k].hi);
        }
    }
}
END_TEST

/* satstat_region_contains() is the rule itself, pointwise: for gelu's
 * deriv:0.05 (two components) and deriv:0.9 (two tails) at z away from
 * the boundaries, in the region exactly when |φ'(z)| <= R sup|φ'|. */
START_TEST(test_region_contains_rule)
{
    static const double R[] = {0.05, 0.9};
    const satstat_activation *g = satstat_activation_find("gelu");
    size_t i;

    for (i = 0; i < sizeof R / sizeof R[0]; i++) {
        char rule[32], msg[SATSTAT_ERRMSG_SIZE] = "";
        satstat_region reg;
        double z;

        snprintf(rule, sizeof rule, "deriv:%g", R[i]);
        ck_assert_int_eq(resolve_region("gelu", rule, 4.0, 0, &reg, msg),
                         SATSTAT_OK);
        for (z = -12.0; z <= 12.0; z += 1.0 / 1024.0) {
            double margin = fabs(g->dphi(z)) - R[i] * g->dphi_max;

            if (fabs(margin) < 1e-9)
                continue; /* at a boundary */
            ck_assert_msg(satstat_region_contains(&reg, z) == (margin < 0.0),
                          "%s at z = %.17g: margin %g", rule, z, margin);
        }
    }
}
END_TEST

/* satstat_region_probability() sums the components' probabilities: with
 * the uniform law on [0, 1] (F(x) = x clipped, S = 1 − F) the region
 * z <= 0.1, 0.3 <= z <= 0.35, 0.8 <= z <= 0.9, z >= 0.95 has 0.1 + 0.05 +
 * 0.1 + 0.05 = 0.3; a band right of the median is taken from S. */
static double uniform_cdf(double x, void *ctx)
{
    (void)ctx;
    return x <= 0.0 ? 0.0 : x >= 1.0 ? 1.0 : x;
}

static double uniform_sf(double x, void *ctx)
{
    return 1.0 - uniform_cdf(x, ctx);
}

START_TEST(test_region_probability)
{
    satstat_region reg = satstat_region_tails(0.1, 0.95);

    ck_assert_double_eq_tol(
        satstat_region_probability(&reg, uniform_cdf, uniform_sf, NULL),
        0.15, 1e-15);
    reg.band[reg.n_bands++] = (satstat_interval){0.3, 0.35};
    reg.band[reg.n_bands++] = (satstat_interval){0.8, 0.9};
    ck_assert_double_eq_tol(
        satstat_region_probability(&reg, uniform_cdf, uniform_sf, NULL), 0.3,
        1e-15);
    reg.band[0].lo = NAN;
    ck_assert(isnan(
        satstat_region_probability(&reg, uniform_cdf, uniform_sf, NULL)));
    reg = satstat_region_tails(-INFINITY, INFINITY);
    ck_assert_double_eq(
        satstat_region_probability(&reg, uniform_cdf, uniform_sf, NULL), 0.0);
}
END_TEST

START_TEST(test_rule_text)
{
    satstat_saturation r, eff;
    satstat_region reg;
    char buf[64];

    ck_assert_int_eq(satstat_saturation_parse("deriv:0.1", &r, NULL, 0),
                     SATSTAT_OK);
    ck_assert_int_eq(satstat_saturation_format(&r, buf, sizeof buf),
                     SATSTAT_OK);
    ck_assert_str_eq(buf, "deriv:0.1");
    r.kind = SATSTAT_SATURATION_DEFAULT;
    eff = satstat_saturation_effective(satstat_activation_find("relu"), &r,
                                       4.0);
    satstat_saturation_format(&eff, buf, sizeof buf);
    ck_assert_str_eq(buf, "dead");
    eff = satstat_saturation_effective(satstat_activation_find("sigmoid"), &r,
                                       4.0);
    satstat_saturation_format(&eff, buf, sizeof buf);
    ck_assert_str_eq(buf, "z:4");

    reg = satstat_region_tails(-3.6368929184641336, 3.6368929184641336);
    satstat_region_format(&reg, buf, sizeof buf);
    ck_assert_str_eq(buf, "|z| >= 3.63689");
    reg = satstat_region_tails(0.0, INFINITY);
    satstat_region_format(&reg, buf, sizeof buf);
    ck_assert_str_eq(buf, "z <= 0");
    reg = satstat_region_tails(-4.0, INFINITY);
    satstat_region_format(&reg, buf, sizeof buf);
    ck_assert_str_eq(buf, "z <= -4");
    reg = satstat_region_tails(-1.5, 2.0);
    satstat_region_format(&reg, buf, sizeof buf);
    ck_assert_str_eq(buf, "z <= -1.5 or z >= 2");
    reg = satstat_region_tails(-INFINITY, INFINITY);
    satstat_region_format(&reg, buf, sizeof buf);
    ck_assert_str_eq(buf, "nowhere");
    reg = satstat_region_tails(-4.0, 4.0);
    ck_assert_int_eq(satstat_region_format(&reg, buf, 4), SATSTAT_ERANGE);
    /* every component, ascending; a band is "lo <= z <= hi" */
    reg = satstat_region_tails(-2.2785606938035556, INFINITY);
    reg.band[reg.n_bands++] = (satstat_interval){-0.90326131905940406, -0.63345662811112531};
    satstat_region_format(&reg, buf, sizeof buf);
    ck_assert_str_eq(buf, "z <= -2.27856 or -0.903261 <= z <= -0.633457");
    reg.above = 3.0;
    satstat_region_format(&reg, buf, sizeof buf);
    ck_assert_str_eq(buf, "z <= -2.27856 or -0.903261 <= z <= -0.633457 or z >= 3");
    ck_assert_int_eq(satstat_region_format(&reg, buf, 40), SATSTAT_ERANGE);
    reg = satstat_region_tails(-3.0, 3.0); /* symmetric, with a band: no |z| */
    reg.band[reg.n_bands++] = (satstat_interval){-0.5, 0.5};
    satstat_region_format(&reg, buf, sizeof buf);
    ck_assert_str_eq(buf, "z <= -3 or -0.5 <= z <= 0.5 or z >= 3");
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

    tc = tcase_create("other_rows");
    tcase_add_test(tc, test_other_values);
    tcase_add_test(tc, test_parse);
    tcase_add_test(tc, test_parse_names);
    suite_add_tcase(s, tc);

    tc = tcase_create("rules");
    tcase_add_test(tc, test_rule_thresholds);
    tcase_add_test(tc, test_rule_errors);
    tcase_add_test(tc, test_rule_text);
    tcase_add_test(tc, test_rule_regions_brute_force);
    tcase_add_test(tc, test_region_contains_rule);
    tcase_add_test(tc, test_region_probability);
    suite_add_tcase(s, tc);

    tc = tcase_create("stability");
    tcase_add_test(tc, test_extremes);
    tcase_add_test(tc, test_saturation_meaning);
    tcase_add_test(tc, test_linear_never_saturates);
    suite_add_tcase(s, tc);

    tc = tcase_create("finite_difference");
    tcase_add_test(tc, test_finite_difference);
    suite_add_tcase(s, tc);

    return s;
}

TEST_MAIN(activation_suite)
