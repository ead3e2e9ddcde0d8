/* test_deep.c — `satstat deep`: the mean-field length map, χ₁ and the
 * fixed-point solver against independent values; sampled networks against
 * the map; back-propagated gradients against finite differences;
 * thread-count reproducibility; bad input at the command line.
 *
 * Reference values (doc/numerics.md, "Reference values") were computed independently
 * with mpmath 1.3.0 (30 digits, tanh-sinh quadrature of the Gaussian
 * integral split at 0 and ±5, mpmath.findroot for the fixed point):
 *
 *     import mpmath as mp; mp.mp.dps = 30
 *     E = lambda f, v: mp.quad(lambda u: f(mp.sqrt(v)*u)*mp.exp(-u*u/2),
 *                              [-mp.inf, -5, 0, 5, mp.inf]) / mp.sqrt(2*mp.pi)
 *     q = mp.findroot(lambda q: E(lambda x: mp.tanh(x)**2, q) + 1 - q, 1.46)
 *     chi1 = E(lambda x: mp.sech(x)**4, q)
 *
 * tanh, σ_w²·W = 1 (the `scaled` scheme), σ_b² = 1, seed input
 * (Σx² = 500 of n_in = 1000, so q¹ = 1.5):
 *     q* = 1.4638508911025473, χ₁ = 0.39887900654373578,
 *     q² = 1.46828821053061, q⁵ = 1.46385940550043, q¹⁰ = 1.46385089135559;
 * sigmoid, same: q* = 1.3021340363057863, χ₁ = 0.041959734636367987;
 * E[tanh(u)²], u ~ N(0, v), v = 0.01 / 1 / 100 / 1e4:
 *     0.0098054687555324058 / 0.39429449039784117 / 0.92053686343051667 /
 *     0.99202148248051304;
 * E[sech(u)⁴] at the same v:
 *     0.98067024346498152 / 0.46440290244826824 / 0.053106787748115834 /
 *     0.0053191446440146221.
 */
#define _GNU_SOURCE /* open_memstream */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include <satstat/satstat.h>

#include "report-check.h"
#include "common.h"

static const satstat_activation *act(const char *name)
{
    const satstat_activation *a = satstat_activation_find(name);
    ck_assert_ptr_nonnull(a);
    return a;
}

static satstat_config config_of(const char *schemes, const char *activation)
{
    satstat_config c = test_config(schemes, 0);
    c.activation = act(activation);
    test_config_validate(&c);
    return c;
}

#define ck_rel(x, ref, tol)                                                              \
    ck_assert_msg(fabs((x) - (ref)) <= (tol) * fabs(ref), "%s = %.17g, expected %.17g " \
                  "within %g relative", #x, (double)(x), (double)(ref), (double)(tol))

/* ---- mean field ------------------------------------------------------------*/

START_TEST(test_reference_fixed_point)
{
    satstat_deep_fixed_point fp;
    ck_assert_int_eq(satstat_deep_solve_fixed_point(act("tanh"), 1.0, 0.0, 1.0, 1.5, &fp), 0);
    ck_assert(fp.finite);
    ck_rel(fp.q, 1.4638508911025473, 1e-10);
    ck_rel(fp.chi1, 0.39887900654373578, 1e-9);
    ck_assert_int_eq(fp.regime, SATSTAT_DEEP_ORDERED);
    /* the reference values, rounded (doc/numerics.md) */
    ck_assert(fabs(fp.q - 1.4638509) < 5e-8);
    ck_assert(fabs(fp.chi1 - 0.39888) < 5e-6);

    ck_assert_int_eq(satstat_deep_solve_fixed_point(act("sigmoid"), 1.0, 0.0, 1.0, 1.5, &fp), 0);
    ck_rel(fp.q, 1.3021340363057863, 1e-10);
    ck_rel(fp.chi1, 0.041959734636367987, 1e-9);
}
END_TEST

START_TEST(test_length_map_iterates)
{
    double v = 1.5, q[11];
    q[1] = v;
    for (int l = 2; l <= 10; l++) {
        ck_assert_int_eq(satstat_deep_length_map(act("tanh"), 1.0, 0.0, 1.0, q[l - 1], &q[l]), 0);
    }
    ck_rel(q[2], 1.46828821053061, 1e-11);
    ck_rel(q[5], 1.46385940550043, 1e-11);
    ck_rel(q[10], 1.46385089135559, 1e-11);
}
END_TEST

/* The quadrature behind the map and χ: E[tanh²] and E[sech⁴] over four
 * decades of variance. */
START_TEST(test_quadrature_accuracy)
{
    static const double v[] = {0.01, 1, 100, 1e4};
    static const double e_tanh2[] = {0.0098054687555324058, 0.39429449039784117,
                                     0.92053686343051667, 0.99202148248051304};
    static const double e_sech4[] = {0.98067024346498152, 0.46440290244826824,
                                     0.053106787748115834, 0.0053191446440146221};
    for (int i = 0; i < 4; i++) {
        double m, chi;
        ck_assert_int_eq(satstat_deep_length_map(act("tanh"), 1.0, 0.0, 0.0, v[i], &m), 0);
        ck_assert_int_eq(satstat_deep_chi(act("tanh"), 1.0, 0.0, v[i], &chi), 0);
        ck_rel(m, e_tanh2[i], 1e-9);
        ck_rel(chi, e_sech4[i], 1e-9);
    }
    /* scaling: σ_w²W multiplies, σ_b² adds */
    double m;
    ck_assert_int_eq(satstat_deep_length_map(act("tanh"), 3.0, 0.0, 0.25, 1.0, &m), 0);
    ck_rel(m, 3 * 0.39429449039784117 + 0.25, 1e-9);
    /* v = 0: the map is φ(μ_b)² exactly */
    ck_assert_int_eq(satstat_deep_length_map(act("sigmoid"), 2.0, 0.0, 0.0, 0.0, &m), 0);
    ck_rel(m, 0.5, 1e-15);
    ck_assert_int_ne(satstat_deep_length_map(act("tanh"), 1.0, 0.0, 1.0, -1.0, &m), 0);
    ck_assert_int_ne(satstat_deep_length_map(act("tanh"), 1.0, 0.0, 1.0, NAN, &m), 0);
}
END_TEST

START_TEST(test_fixed_point_solver)
{
    satstat_deep_fixed_point fp;
    /* every solution is a fixed point of the map */
    static const double grid[][2] = {{0.5, 0.1}, {1.5, 0.05}, {4, 0.3}, {1000, 1}, {1, 2}};
    for (size_t i = 0; i < sizeof grid / sizeof grid[0]; i++) {
        ck_assert_int_eq(satstat_deep_solve_fixed_point(act("tanh"), grid[i][0], 0.0, grid[i][1],
                                                        1.0, &fp), 0);
        ck_assert(fp.finite);
        double m;
        ck_assert_int_eq(satstat_deep_length_map(act("tanh"), grid[i][0], 0.0, grid[i][1],
                                                 fp.q, &m), 0);
        ck_assert_msg(fabs(m - fp.q) <= 1e-10 * fp.q, "grid %zu: map(q*) = %.17g, q* = %.17g",
                      i, m, fp.q);
        ck_assert(fp.iterations < 400);
    }
    /* tanh without bias: σ_w²W < 1 collapses to q* = 0 with χ₁ = σ_w²W
     * (ordered); σ_w²W > 1 has a non-zero q* with χ₁ > 1 (chaotic) */
    ck_assert_int_eq(satstat_deep_solve_fixed_point(act("tanh"), 0.5, 0.0, 0.0, 1.0, &fp), 0);
    ck_assert(fp.finite);
    ck_assert(fp.q < 1e-9);
    ck_rel(fp.chi1, 0.5, 1e-6);
    ck_assert_int_eq(fp.regime, SATSTAT_DEEP_ORDERED);
    ck_assert_int_eq(satstat_deep_solve_fixed_point(act("tanh"), 2.0, 0.0, 0.0, 1.0, &fp), 0);
    ck_assert(fp.q > 0.1);
    ck_assert(fp.chi1 > 1.0);
    ck_assert_int_eq(fp.regime, SATSTAT_DEEP_CHAOTIC);
    /* the start does not matter for a unique stable fixed point */
    satstat_deep_fixed_point a, b;
    ck_assert_int_eq(satstat_deep_solve_fixed_point(act("tanh"), 1.0, 0.0, 1.0, 1e-3, &a), 0);
    ck_assert_int_eq(satstat_deep_solve_fixed_point(act("tanh"), 1.0, 0.0, 1.0, 1e3, &b), 0);
    ck_rel(a.q, 1.4638508911025473, 1e-10);
    ck_rel(b.q, 1.4638508911025473, 1e-10);
}
END_TEST

/* ReLU: E[relu(u)²] = v/2 and E[relu'(u)²] = 1/2, so the map is linear,
 * q* = σ_b²/(1 − σ_w²W/2) for σ_w²W < 2 and none for σ_w²W ≥ 2 (σ_b² > 0). */
START_TEST(test_relu_no_fixed_point)
{
    const satstat_activation *relu = satstat_activation_find("relu");
    if (!relu)
        return; /* not in the activation table of this build */
    satstat_deep_fixed_point fp;
    double m;
    ck_assert_int_eq(satstat_deep_length_map(relu, 1.0, 0.0, 0.0, 3.0, &m), 0);
    ck_rel(m, 1.5, 1e-9);
    ck_assert_int_eq(satstat_deep_solve_fixed_point(relu, 1.0, 0.0, 1.0, 1.0, &fp), 0);
    ck_assert(fp.finite);
    ck_rel(fp.q, 2.0, 1e-9);
    ck_rel(fp.chi1, 0.5, 1e-6);
    ck_assert_int_eq(satstat_deep_solve_fixed_point(relu, 3.0, 0.0, 1.0, 1.0, &fp), 0);
    ck_assert(!fp.finite);
    ck_assert(isnan(fp.q));
    ck_rel(fp.chi1, 1.5, 1e-6);
    ck_assert_int_eq(fp.regime, SATSTAT_DEEP_CHAOTIC);
    ck_assert_int_eq(satstat_deep_solve_fixed_point(relu, 2.0, 0.0, 1.0, 1.0, &fp), 0);
    ck_assert(!fp.finite);
    ck_assert(fp.iterations < 1000);
}
END_TEST

/* χ₁ at q* = 0 is the limit q → 0 of σ_w²W·E[φ'(√q u)²], the mean of
 * φ'² on either side of the kink, not φ'(0)² (relu' is 0 at 0 itself).
 * References: tests/ref/deep_chi1_limits.py (mpmath quadrature at
 * q = 1e-40..1e-80, φ' written out there). */
START_TEST(test_chi1_zero_limit)
{
    static const struct {
        const char *activation;
        double sw2_fan_in, chi1;
    } ref[] = {
        {"relu", 1.0, 0.5},
        {"relu", 0.5, 0.25},
        {"leaky-relu:0.1", 1.0, 0.505},
        {"selu", 0.25, 0.5243607321397203221},
        {"tanh", 0.5, 0.5},
    };
    for (size_t i = 0; i < sizeof ref / sizeof ref[0]; i++) {
        const satstat_activation *a = NULL;
        char msg[SATSTAT_ERRMSG_SIZE];
        ck_assert_int_eq(satstat_activation_parse(ref[i].activation, &a, msg, sizeof msg), 0);
        satstat_deep_fixed_point fp;
        ck_assert_int_eq(satstat_deep_solve_fixed_point(a, ref[i].sw2_fan_in, 0.0, 0.0, 1.0,
                                                        &fp), 0);
        ck_assert(fp.finite);
        ck_assert_msg(fp.q < 1e-12, "%s: q* = %g", ref[i].activation, fp.q);
        ck_rel(fp.chi1, ref[i].chi1, 1e-12);
        ck_assert_int_eq(fp.regime, SATSTAT_DEEP_ORDERED);
        /* satstat_deep_chi at v = 0 exactly: the same limit */
        double chi;
        ck_assert_int_eq(satstat_deep_chi(a, ref[i].sw2_fan_in, 0.0, 0.0, &chi), 0);
        ck_rel(chi, ref[i].chi1, 1e-12);
    }
    /* the run: relu, he-normal:1 (σ_w²W = 1), zero bias; its per-layer
     * ratio column is √χ₁ = 0.7071 and so must χ₁ be 0.5 */
    satstat_config c = config_of("he-normal:1", "relu");
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_bias_parse("zero", &c.bias, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 3;
    o.width = 50;
    o.networks = 2;
    satstat_deep_report *r = NULL;
    ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), 0);
    const satstat_deep_fixed_point *fp = satstat_deep_report_fixed_point(r, 0, NULL);
    ck_assert_double_eq(fp->q, 0.0);
    ck_rel(fp->chi1, 0.5, 1e-12);
    ck_rel(satstat_deep_report_layer(r, 0, 1)->mf_gradient_ratio, sqrt(fp->chi1), 1e-9);
    satstat_deep_report_free(r);
    /* the phase diagram's σ_b² = 0 row: χ₁ = x/2 for relu at every x */
    satstat_deep_phase *ph = NULL;
    ck_assert_int_eq(satstat_deep_phase_compute(act("relu"), 0.0, 9, 0.1, 10.0, 2, 0.0, 1.0, 1,
                                                NULL, NULL, &ph), 0);
    for (size_t i = 0; i < ph->nx; i++)
        ck_rel(ph->chi1[i], ph->x[i] / 2, 1e-9);
    satstat_deep_phase_free(ph);
}
END_TEST

/* χ₁ = 1 is the edge of chaos (Poole et al. 2016; Schoenholz et al. 2017):
 * critical, not chaotic, within SATSTAT_DEEP_CRITICAL_TOL; just off it
 * the phases. */
START_TEST(test_critical)
{
    ck_assert_int_eq(satstat_deep_regime_of(1.0), SATSTAT_DEEP_CRITICAL);
    ck_assert_int_eq(satstat_deep_regime_of(1.0 + 0.5 * SATSTAT_DEEP_CRITICAL_TOL),
                     SATSTAT_DEEP_CRITICAL);
    ck_assert_int_eq(satstat_deep_regime_of(1.0 + 2 * SATSTAT_DEEP_CRITICAL_TOL),
                     SATSTAT_DEEP_CHAOTIC);
    ck_assert_int_eq(satstat_deep_regime_of(1.0 - 2 * SATSTAT_DEEP_CRITICAL_TOL),
                     SATSTAT_DEEP_ORDERED);
    ck_assert_str_eq(satstat_deep_regime_name(SATSTAT_DEEP_CRITICAL), "critical");
    /* tanh, σ_w²W = 1, no bias: q* = 0, χ₁ = φ'(0)² = 1; relu, σ_w²W = 2:
     * the map is the identity, χ₁ = 1/2·2 (exact values, by hand) */
    satstat_deep_fixed_point fp;
    ck_assert_int_eq(satstat_deep_solve_fixed_point(act("tanh"), 1.0, 0.0, 0.0, 1.0, &fp), 0);
    ck_assert_int_eq(fp.regime, SATSTAT_DEEP_CRITICAL);
    ck_assert_int_eq(satstat_deep_solve_fixed_point(act("relu"), 2.0, 0.0, 0.0, 1.0, &fp), 0);
    ck_assert_int_eq(fp.regime, SATSTAT_DEEP_CRITICAL);
    /* 1e-4 either side of tanh's edge: χ₁ − 1 = −1e-4 (q* = 0) and
     * +3.3e-9 ((x − 1)²/3), both beyond the tolerance */
    ck_assert_int_eq(satstat_deep_solve_fixed_point(act("tanh"), 0.9999, 0.0, 0.0, 1.0, &fp), 0);
    ck_assert_int_eq(fp.regime, SATSTAT_DEEP_ORDERED);
    ck_assert_int_eq(satstat_deep_solve_fixed_point(act("tanh"), 1.0001, 0.0, 0.0, 1.0, &fp), 0);
    ck_assert_int_eq(fp.regime, SATSTAT_DEEP_CHAOTIC);
    /* the schemes at the edge, through the run and every writer */
    static const struct {
        const char *activation, *schemes;
    } edge[] = {{"tanh", "scaled,xavier-normal"}, {"relu", "he-normal"}};
    for (size_t k = 0; k < 2; k++) {
        satstat_config c = config_of(edge[k].schemes, edge[k].activation);
        char msg[SATSTAT_ERRMSG_SIZE];
        ck_assert_int_eq(satstat_bias_parse("zero", &c.bias, msg, sizeof msg), 0);
        ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
        satstat_deep_options o;
        satstat_deep_options_default(&o);
        o.layers = 2;
        o.width = 40;
        o.networks = 2;
        satstat_deep_report *r = NULL;
        ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), 0);
        for (size_t s = 0; s < c.n_schemes; s++) {
            const satstat_deep_fixed_point *f = satstat_deep_report_fixed_point(r, s, NULL);
            ck_assert_msg(f->regime == SATSTAT_DEEP_CRITICAL, "%s %s: chi1 - 1 = %g",
                          edge[k].activation, c.schemes[s].canonical, f->chi1 - 1);
        }
        static const satstat_format formats[] = {SATSTAT_FORMAT_TEXT, SATSTAT_FORMAT_JSON,
                                                 SATSTAT_FORMAT_CSV};
        static const char *const needle[] = {": critical (", "\"phase\": \"critical\"",
                                             ",,phase,critical,"};
        for (size_t f = 0; f < 3; f++) {
            char *buf = NULL;
            size_t len = 0;
            FILE *m = open_memstream(&buf, &len);
            ck_assert_int_eq(satstat_deep_report_write(r, NULL, formats[f], m), 0);
            fclose(m);
            size_t hits = 0;
            for (const char *p = buf; (p = strstr(p, needle[f])) != NULL; p++)
                hits++;
            ck_assert_msg(hits == c.n_schemes, "format %zu: %zu of %zu schemes critical", f,
                          hits, c.n_schemes);
            ck_assert_ptr_null(strstr(buf, "chaotic"));
            free(buf);
        }
        satstat_deep_report_free(r);
    }
}
END_TEST

/* The phase diagram's χ₁ = 1 line: solved, not interpolated.  tanh at
 * σ_b² = 0 crosses at σ_w²·fan_in = 1 exactly (q* = 0 and χ₁ = x to its
 * left); linear interpolation in log x across that kink gave 1.029.
 * relu crosses at 2 for every σ_b².  Elsewhere χ₁ at the line is 1. */
START_TEST(test_phase_edge)
{
    satstat_deep_phase *ph = NULL;
    /* the grid of `deep --phase` (cmd_deep.c), fewer rows */
    ck_assert_int_eq(satstat_deep_phase_compute(act("tanh"), 0.0, 81, 0.1, 3162.2776601683795,
                                                5, 0.0, 2.0, 2, NULL, NULL, &ph), 0);
    ck_assert_msg(fabs(ph->critical[0] - 1.0) <= 1e-8, "tanh edge at sigma_b2 = 0: %.17g",
                  ph->critical[0]);
    for (size_t k = 1; k < ph->ny; k++) {
        ck_assert(isfinite(ph->critical[k]) && ph->critical[k] > 1.0);
        satstat_deep_fixed_point fp;
        ck_assert_int_eq(satstat_deep_solve_fixed_point(act("tanh"), ph->critical[k], 0.0,
                                                        ph->y[k], 1.0, &fp), 0);
        ck_assert_msg(fabs(fp.chi1 - 1) <= 1e-9, "row %zu: chi1 - 1 = %g at %.17g", k,
                      fp.chi1 - 1, ph->critical[k]);
    }
    satstat_deep_phase_free(ph);
    ck_assert_int_eq(satstat_deep_phase_compute(act("relu"), 0.0, 81, 0.1, 3162.2776601683795,
                                                5, 0.0, 2.0, 1, NULL, NULL, &ph), 0);
    for (size_t k = 0; k < ph->ny; k++)
        ck_assert_msg(fabs(ph->critical[k] - 2.0) <= 2e-8, "relu row %zu: %.17g", k,
                      ph->critical[k]);
    satstat_deep_phase_free(ph);
}
END_TEST

/* ---- sampling ----------------------------------------------------------------*/

/* Wide layers: the sampled Var z of every layer lies within its interval
 * of the map, up to the O(1/W) finite-width correction (pinned seed). */
/* c*, χ_c, ξ_q, ξ_c against tests/ref/deep_corr.py (scipy nested
 * QUADPACK, TOMS 748, φ'' written out; erf and relu also closed forms):
 * five activations, ordered and chaotic points, and two points on either
 * side of the tanh edge of chaos at σ_b² = 0.05 (χ₁ − 1 = +1.9e-3 and
 * −2.0e-4), where ξ_c is 524 and 4912 and c* amplifies an error of the
 * map by 1/(1 − χ_c) = 525, and two large q* (tanh at σ_w²W = 1000, q* =
 * 974, a step of width 1 in a normal of sd 31; selu with σ_b² = 100).
 * Measured worst: c* 2.3e-14, χ_c 1.5e-13, ξ_q 4.5e-13 and ξ_c 3.7e-12
 * relative.  At χ₁ = 1 exactly (tanh, σ_w²W = 1, no bias) both scales
 * are reported infinite. */
START_TEST(test_depth_scales_reference)
{
    static const struct {
        const char *act;
        double a, sb2, q, c, chi_c, xi_q, xi_c;
    } ref[] = {
        /* /usr/bin/python3 tests/ref/deep_corr.py, copied */
        {"tanh", 2.5, 0.05, 1.0639583774168122, 0.44680423234426647, 0.91871677491377246,
         1.1798729164795165, 11.795597515877517},
        {"tanh", 1.5, 0, 0.28689422937999098, 0, 0.9810837404743773,
         2.7537817306359513, 52.362982475557011},
        {"tanh", 0.8, 0.1, 0.23112501861528723, 1, 0.58440724817795109,
         1.1385105296577558, 1.8616524300074544},
        {"tanh", 1.77, 0.05, 0.57560039587109357, 0.98819736296395588, 0.99809430823665801,
         1.5156751240035577, 524.24367382433979},
        {"tanh", 1.76, 0.05, 0.5694628398517767, 1, 0.99979642420373482,
         1.5216711719171239, 4911.6752924078655},
        {"erf", 2, 0.01, 0.89827026279498479, 0.12590143142388233, 0.91357495272348999,
         1.1682966395359291, 11.06318827107981},
        {"relu", 1.5, 0.1, 0.40000000000000013, 1, 0.75,
         3.4760594967822072, 3.4760594967822072},
        {"selu", 1.5, 0.1, 9.3215034202733396, 0.53449585923145382, 0.92743964215843322,
         6.8235704946712614, 13.2753532355052},
        {"sigmoid", 16, 0.5, 6.4225297578817298, 1, 0.3838150346212727,
         0.45809836482913485, 1.0442833327289083},
        {"tanh", 1000, 0, 974.45082135471102, 0, 0.6527605294488954,
         0.23066670938768338, 2.3444188519269793},
        {"selu", 1, 100, 226.38412652303586, 1, 0.59291853300195096,
         1.6842153954983414, 1.9131496245102788},
    };
    for (size_t k = 0; k < sizeof ref / sizeof ref[0]; k++) {
        satstat_deep_fixed_point fp;
        satstat_deep_depth d;
        ck_assert_int_eq(satstat_deep_solve_fixed_point(act(ref[k].act), ref[k].a, 0.0,
                                                        ref[k].sb2, 1.0, &fp), SATSTAT_OK);
        ck_assert_int_eq(satstat_deep_depth_scales(act(ref[k].act), ref[k].a, 0.0, ref[k].sb2,
                                                   &fp, &d), SATSTAT_OK);
        ck_assert_msg(fabs(fp.q - ref[k].q) <= 1e-11 * ref[k].q, "%s q* %.17g", ref[k].act,
                      fp.q);
        ck_assert_msg(fabs(d.c_star - ref[k].c) <= 1e-10, "%s %g c* %.17g vs %.17g",
                      ref[k].act, ref[k].a, d.c_star, ref[k].c);
        ck_assert_msg(fabs(d.chi_c - ref[k].chi_c) <= 1e-10, "%s chi_c %.17g", ref[k].act,
                      d.chi_c);
        ck_assert_msg(fabs(d.xi_q / ref[k].xi_q - 1) <= 1e-9, "%s xi_q %.17g", ref[k].act,
                      d.xi_q);
        ck_assert_msg(fabs(d.xi_c / ref[k].xi_c - 1) <= 1e-8, "%s xi_c %.17g", ref[k].act,
                      d.xi_c);
    }
    /* the edge itself: both scales diverge, reported as +inf */
    satstat_deep_fixed_point fp;
    satstat_deep_depth d;
    ck_assert_int_eq(satstat_deep_solve_fixed_point(act("tanh"), 1.0, 0.0, 0.0, 1.0, &fp),
                     SATSTAT_OK);
    ck_assert_int_eq(fp.regime, SATSTAT_DEEP_CRITICAL);
    ck_assert_int_eq(satstat_deep_depth_scales(act("tanh"), 1.0, 0.0, 0.0, &fp, &d),
                     SATSTAT_OK);
    ck_assert(d.c_star == 1.0 && isinf(d.xi_c) && isinf(d.xi_q));
    /* the map fixes c = 1 at q*, and its slope there is χ₁ */
    double qn, cn, chi;
    ck_assert_int_eq(satstat_deep_solve_fixed_point(act("tanh"), 2.5, 0.0, 0.05, 1.0, &fp),
                     SATSTAT_OK);
    ck_assert_int_eq(satstat_deep_correlation_map(act("tanh"), 2.5, 0.0, 0.05, fp.q, 1.0, &qn,
                                                  &cn), SATSTAT_OK);
    ck_assert(fabs(cn - 1.0) <= 1e-12);
    ck_assert_int_eq(satstat_deep_chi_c(act("tanh"), 2.5, 0.0, fp.q, 1.0, &chi), SATSTAT_OK);
    ck_assert(fabs(chi - fp.chi1) <= 1e-12);
}
END_TEST

/* --pair-correlation: tanh at σ_w²W = 2.5, σ_b² = 0.05 (chaotic, c* =
 * 0.4468): every layer's mean-field cˡ lies in the sampled interval, the
 * correlations fall from C0 = 0.95 towards c*, the fitted ξ_c interval
 * holds the same fit to the mean-field cˡ, and the numbers do not depend
 * on the thread count.  W = 250, R = 12, L = 10 (pinned seed 1). */
START_TEST(test_pair_correlation)
{
    satstat_config c = config_of("normal:0.1", "tanh");
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_bias_parse("normal:0.22360679774997896", &c.bias, msg, sizeof msg), 0);
    c.n_in = 250;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 10;
    o.width = 250;
    o.networks = 12;
    o.input = SATSTAT_DEEP_INPUT_NORMAL;
    o.pair = 1;
    o.pair_correlation = 0.95;
    satstat_deep_report *r[2];
    for (int t = 0; t < 2; t++) {
        c.threads = (unsigned)t + 1;
        ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r[t]), SATSTAT_OK);
    }
    const satstat_deep_depth *d = satstat_deep_report_depth(r[0], 0, NULL);
    ck_assert(fabs(d->c_star - 0.44680423234426681) < 1e-6);
    for (uint64_t l = 1; l <= o.layers; l++) {
        const satstat_deep_layer *ly = satstat_deep_report_layer(r[0], 0, l);
        const satstat_deep_layer *l2 = satstat_deep_report_layer(r[1], 0, l);
        ck_assert_msg(ly->correlation.lo <= ly->mf_correlation
                          && ly->mf_correlation <= ly->correlation.hi,
                      "layer %d: c %g not in [%g, %g]", (int)l, ly->mf_correlation,
                      ly->correlation.lo, ly->correlation.hi);
        ck_assert(memcmp(&ly->correlation, &l2->correlation, sizeof ly->correlation) == 0);
        if (l > 1) {
            const satstat_deep_layer *prev = satstat_deep_report_layer(r[0], 0, l - 1);
            ck_assert(ly->mf_correlation < prev->mf_correlation);
            ck_assert(ly->mf_correlation > d->c_star);
        }
    }
    /* the sampled ξ_c fit holds the same fit to the mean-field cˡ */
    satstat_deep_estimate xs;
    satstat_deep_report_depth(r[0], 0, &xs);
    double fit = NAN;
    size_t n;
    satstat_quantity q[SATSTAT_DEEP_MODEL_MAX];
    ck_assert_int_eq(satstat_deep_report_model(r[0], 0, 0, q, SATSTAT_DEEP_MODEL_MAX, &n), 0);
    const satstat_quantity *f = satstat_quantity_find(q, n, "xi_c_fit", SATSTAT_QUANTITY_FORMULA);
    ck_assert_ptr_nonnull(f);
    fit = f->value;
    ck_assert_msg(xs.lo <= fit && fit <= xs.hi, "xi_c fit %g not in [%g, %g]", fit, xs.lo,
                  xs.hi);
    satstat_deep_report_free(r[0]);
    satstat_deep_report_free(r[1]);
}
END_TEST

/* The phase diagram's ξ_c map (a coarser 16-node rule) against the
 * report's full rule at every grid point of a small tanh grid, and its
 * divergence at the critical line: ξ_c is +inf only where χ₁ is
 * critical, finite elsewhere where q* exists, and grows towards the line
 * from both sides. */
START_TEST(test_phase_xi_c)
{
    satstat_deep_phase *ph;
    ck_assert_int_eq(satstat_deep_phase_compute(act("tanh"), 0.0, 9, 0.5, 8.0, 3, 0.0, 0.2, 2,
                                                NULL, NULL, &ph), SATSTAT_OK);
    double worst = 0;
    for (size_t k = 0; k < ph->ny; k++)
        for (size_t i = 0; i < ph->nx; i++) {
            satstat_deep_fixed_point fp;
            satstat_deep_depth d;
            ck_assert_int_eq(satstat_deep_solve_fixed_point(act("tanh"), ph->x[i], 0.0,
                                                            ph->y[k], 1.0, &fp), SATSTAT_OK);
            ck_assert_int_eq(satstat_deep_depth_scales(act("tanh"), ph->x[i], 0.0, ph->y[k],
                                                       &fp, &d), SATSTAT_OK);
            double xi = ph->xi_c[k * ph->nx + i];
            if (isinf(d.xi_c)) {
                ck_assert(isinf(xi));
                continue;
            }
            ck_assert(isfinite(xi) && xi > 0);
            double rel = fabs(xi / d.xi_c - 1);
            worst = rel > worst ? rel : worst;
        }
    ck_assert_msg(worst <= 1e-6, "phase xi_c off by %g relative", worst);
    /* σ_b² = 0: χ₁ = x for x ≤ 1, the edge at x = 1 (grid point 2 of
     * 0.5·2^(i/2)): ξ_c infinite there, rising towards it from both sides */
    ck_assert(fabs(ph->x[2] - 1.0) < 1e-12);
    ck_assert(isinf(ph->xi_c[2]));
    ck_assert(ph->xi_c[0] < ph->xi_c[1] && ph->xi_c[4] < ph->xi_c[3]);
    satstat_deep_phase_free(ph);
}
END_TEST

/* The options of a --jacobian run: L layers of width W, R networks. */
static satstat_deep_options jacobian_options(uint64_t layers, uint64_t width, uint64_t networks)
{
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = layers;
    o.width = width;
    o.networks = networks;
    o.jacobian = 1;
    return o;
}

/* --jacobian, orthogonal linear networks: J = gain^L times a product of
 * square orthogonal matrices, so every singular value is gain^L — here
 * 1.1⁴ = 1.4641 to 1e-10, from the raw values of two networks and from the
 * report's extremes over three. */
START_TEST(test_jacobian_orthogonal_linear)
{
    satstat_config c = config_of("orthogonal:1.1", "linear");
    c.n_in = 24;
    test_config_validate(&c);
    satstat_deep_options o = jacobian_options(4, 24, 3);
    const double g4 = 1.1 * 1.1 * 1.1 * 1.1;
    double sv[24];
    for (uint64_t net = 0; net < 2; net++) {
        ck_assert_int_eq(satstat_deep_jacobian_values(&c, &o, &c.schemes[0], net, sv), 0);
        for (size_t k = 0; k < 24; k++)
            ck_assert_msg(fabs(sv[k] - g4) <= 1e-10 * g4, "network %d: s[%zu] = %.17g",
                          (int)net, k, sv[k]);
    }
    satstat_deep_report *r;
    ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), SATSTAT_OK);
    const satstat_deep_jacobian *j = satstat_deep_report_jacobian(r, 0);
    ck_assert_ptr_nonnull(j);
    ck_assert(fabs(j->sv_min - g4) <= 1e-10 * g4 && fabs(j->sv_max - g4) <= 1e-10 * g4);
    ck_assert(fabs(j->m[1].value - g4 * g4 * g4 * g4) <= 1e-9);
    ck_assert(fabs(j->theory_m2 - g4 * g4 * g4 * g4) <= 1e-12); /* v_W = 0: no spread */
    satstat_deep_report_free(r);
}
END_TEST

/* --jacobian, Gaussian linear networks with square layers (the scaled
 * scheme, σ_w²·W = 1, n_in = W = 64, L = 3, R = 30, seed 1): the sampled
 * m₂ and m₃ hold the Fuss–Catalan values 4 and 22 within their 99.9 %
 * intervals, and m₁ its 1.  The finite-width bias at W = 64, measured by
 * tests/ref/jacobian_fuss_catalan.py (20000 numpy products: +0.095 in m₂,
 * +1.39 in m₃), is a quarter and a third of the intervals' half-widths
 * (about 0.38 and 3.8).  Thread counts 1 and 2 agree
 * bit for bit. */
START_TEST(test_jacobian_fuss_catalan)
{
    satstat_config c = config_of("scaled", "linear");
    c.n_in = 64;
    test_config_validate(&c);
    satstat_deep_options o = jacobian_options(3, 64, 30);
    satstat_deep_report *r[2];
    for (int t = 0; t < 2; t++) {
        c.threads = (unsigned)t + 1;
        ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r[t]), SATSTAT_OK);
    }
    const satstat_deep_jacobian *j = satstat_deep_report_jacobian(r[0], 0);
    ck_assert(memcmp(j, satstat_deep_report_jacobian(r[1], 0), sizeof *j) == 0);
    ck_assert(fabs(j->fuss_catalan_m2 - 4.0) <= 1e-12 && fabs(j->fuss_catalan_m3 - 22.0) <= 1e-11);
    ck_assert(fabs(j->theory_m1 - 1.0) <= 1e-12 && fabs(j->theory_m2 - 4.0) <= 1e-12);
    const double truth[3] = {1.0, 4.0, 22.0};
    for (int k = 0; k < 3; k++)
        ck_assert_msg(j->m[k].lo > 0 && j->m[k].lo <= truth[k] && truth[k] <= j->m[k].hi,
                      "m%d = %g [%g, %g] misses %g", k + 1, j->m[k].value, j->m[k].lo,
                      j->m[k].hi, truth[k]);
    uint64_t pooled = 0;
    for (size_t k = 0; k < SATSTAT_DEEP_HIST_BINS; k++)
        pooled += j->hist[k];
    ck_assert_uint_eq(pooled, 30 * 64);
    satstat_deep_report_free(r[0]);
    satstat_deep_report_free(r[1]);
}
END_TEST

/* The moments' intervals stay positive where the networks spread over
 * decades: linear, L = 4 and 8, W = n_in = 16, R = 5 (a Student t
 * interval on m_k reached below 0 here: m₂ [−3.7, 11.6] at L = 4, seed
 * 1), for five seeds; each interval holds its sampled value's order of
 * magnitude (lo < value·10, hi > value/10) and, at L = 4, the Fuss–Catalan
 * m₂ = L + 1. */
START_TEST(test_jacobian_intervals_positive)
{
    for (uint64_t layers = 4; layers <= 8; layers += 4)
        for (uint64_t seed = 1; seed <= 5; seed++) {
            satstat_config c = config_of("scaled", "linear");
            c.n_in = 16;
            c.seed = seed;
            test_config_validate(&c);
            satstat_deep_options o = jacobian_options(layers, 16, 5);
            satstat_deep_report *r;
            ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), SATSTAT_OK);
            const satstat_deep_jacobian *j = satstat_deep_report_jacobian(r, 0);
            for (int k = 0; k < 3; k++)
                ck_assert_msg(j->m[k].lo > 0 && j->m[k].lo < j->m[k].hi
                                  && j->m[k].lo < 10 * j->m[k].value
                                  && j->m[k].hi > j->m[k].value / 10,
                              "L %llu seed %llu m%d = %g [%g, %g]",
                              (unsigned long long)layers, (unsigned long long)seed, k + 1,
                              j->m[k].value, j->m[k].lo, j->m[k].hi);
            if (layers == 4)
                ck_assert_msg(j->m[1].lo <= j->fuss_catalan_m2
                                  && j->fuss_catalan_m2 <= j->m[1].hi,
                              "seed %llu m2 [%g, %g] misses %g", (unsigned long long)seed,
                              j->m[1].lo, j->m[1].hi, j->fuss_catalan_m2);
            satstat_deep_report_free(r);
        }
}
END_TEST

/* --jacobian, tanh (L = 4, W = n_in = 100, R = 30, σ_b² = 0.01, N(0,1)
 * inputs): the sampled m₁ and m₂ hold the free-probability values
 * (Pennington et al. 2017/2018) within their intervals, for Gaussian and
 * for orthogonal weights, and orthogonal weights narrow the spectrum
 * (smaller m₂ at the same m₁). */
START_TEST(test_jacobian_tanh_free_probability)
{
    double m2[2];
    const char *schemes[2] = {"scaled", "orthogonal"};
    for (int s = 0; s < 2; s++) {
        satstat_config c = config_of(schemes[s], "tanh");
        char msg[SATSTAT_ERRMSG_SIZE];
        ck_assert_int_eq(satstat_bias_parse("normal:0.1", &c.bias, msg, sizeof msg), 0);
        c.n_in = 100;
        test_config_validate(&c);
        satstat_deep_options o = jacobian_options(4, 100, 30);
        o.input = SATSTAT_DEEP_INPUT_NORMAL;
        satstat_deep_report *r;
        ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), SATSTAT_OK);
        const satstat_deep_jacobian *j = satstat_deep_report_jacobian(r, 0);
        ck_assert_msg(j->m[0].lo > 0 && j->m[0].lo <= j->theory_m1
                          && j->theory_m1 <= j->m[0].hi,
                      "%s m1 %g [%g, %g] vs %g", schemes[s], j->m[0].value, j->m[0].lo,
                      j->m[0].hi, j->theory_m1);
        ck_assert_msg(j->m[1].lo > 0 && j->m[1].lo <= j->theory_m2
                          && j->theory_m2 <= j->m[1].hi,
                      "%s m2 %g [%g, %g] vs %g", schemes[s], j->m[1].value, j->m[1].lo,
                      j->m[1].hi, j->theory_m2);
        ck_assert(isnan(j->fuss_catalan_m2));
        m2[s] = j->theory_m2;
        satstat_deep_report_free(r);
    }
    ck_assert(m2[1] < m2[0] / 2);
}
END_TEST

/* The weights kept for the backward pass (satstat_deep_report_memory):
 * with room for every deep layer, for two of them, or for none (a cap of
 * exactly what the run needs without them), and with 1 or 2 threads,
 * every number of the report is the same bit for bit; the memory reported
 * grows by one W × W matrix of floats (normal weights are kept as the
 * stream's floats) per kept layer and thread. */
START_TEST(test_weight_cache)
{
    satstat_config c = config_of("standard,scaled", "tanh");
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 5;
    o.width = 40;
    o.networks = 6;
    c.n_in = 30;
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    uint64_t matrix = 40 * 40 * sizeof(float);
    satstat_deep_report *ref = NULL;
    for (int t = 1; t <= 2; t++) {
        c.threads = (unsigned)t;
        uint64_t base = satstat_deep_memory(&c, &o, (unsigned)t);
        const uint64_t caps[3] = {0, base + 2 * matrix * (uint64_t)t, base};
        const uint64_t kept[3] = {4, 2, 0};
        for (int k = 0; k < 3; k++) {
            o.max_memory = caps[k];
            satstat_deep_report *r;
            ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), SATSTAT_OK);
            ck_assert_uint_eq(satstat_deep_report_memory(r), base + kept[k] * matrix * (uint64_t)t);
            if (!ref) {
                ref = r;
                continue;
            }
            for (size_t s = 0; s < 2; s++)
                for (uint64_t l = 1; l <= o.layers; l++) {
                    const satstat_deep_layer *a = satstat_deep_report_layer(ref, s, l),
                                             *b = satstat_deep_report_layer(r, s, l);
                    ck_assert(memcmp(&a->variance, &b->variance, sizeof a->variance) == 0);
                    ck_assert(memcmp(&a->gradient_norm, &b->gradient_norm,
                                     sizeof a->gradient_norm) == 0);
                    ck_assert(a->gradient_log_ratio == b->gradient_log_ratio
                              || (isnan(a->gradient_log_ratio) && isnan(b->gradient_log_ratio)));
                    ck_assert(memcmp(a->z_hist, b->z_hist, sizeof a->z_hist) == 0);
                }
            satstat_deep_report_free(r);
        }
    }
    satstat_deep_report_free(ref);
}
END_TEST

/* Kept weights of two kinds in one run: normal weights kept as floats,
 * uniform ones as doubles, in one pool per thread sized in doubles (so the
 * normal scheme keeps twice the layers).  With every layer kept, some
 * (uniform 1, normal 2) or none, and 1, 2 or 3 threads, every layer of
 * both schemes is the same bit for bit as the run that draws every layer
 * again; the memory reported grows by one matrix of doubles per kept
 * layer and thread. */
START_TEST(test_weight_cache_mixed)
{
    satstat_config c = config_of("standard,uniform:0.2", "tanh");
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 5;
    o.width = 40;
    o.networks = 5;
    c.n_in = 30;
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    uint64_t matrix = 40 * 40 * sizeof(double);
    satstat_deep_report *ref = NULL;
    for (unsigned t = 1; t <= 3; t++) {
        c.threads = t;
        uint64_t base = satstat_deep_memory(&c, &o, t);
        const uint64_t caps[3] = {base, 0, base + matrix * t};
        const uint64_t kept[3] = {0, 4, 1};
        for (int k = 0; k < 3; k++) {
            o.max_memory = caps[k];
            satstat_deep_report *r;
            ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), SATSTAT_OK);
            ck_assert_uint_eq(satstat_deep_report_memory(r), base + kept[k] * matrix * t);
            if (!ref) {
                ref = r; /* one thread, every layer drawn twice */
                continue;
            }
            for (size_t s = 0; s < 2; s++)
                for (uint64_t l = 1; l <= o.layers; l++)
                    ck_assert(memcmp(satstat_deep_report_layer(ref, s, l),
                                     satstat_deep_report_layer(r, s, l),
                                     sizeof(satstat_deep_layer)) == 0);
            satstat_deep_report_free(r);
        }
    }
    satstat_deep_report_free(ref);
}
END_TEST

/* A deep layer's products with its float weights (deep_kernel.c) are
 * built once per SIMD path: each path this CPU has (SATSTAT_SIMD forces
 * it) gives every layer the same bits. */
START_TEST(test_simd_paths_identical)
{
    satstat_config c = config_of("standard,scaled", "tanh");
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 4;
    o.width = 37; /* ragged: 2 lanes of 16 and a tail of 5 */
    o.networks = 3;
    c.n_in = 45;
    c.threads = 1;
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    const char *paths[] = {"baseline", "avx2", "avx512", "avx512vbmi"};
    satstat_deep_report *ref = NULL;
    for (int k = 0; k < 4; k++) {
        if (!test_use_simd(paths[k]))
            continue; /* not on this CPU */
        satstat_deep_report *r;
        ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), SATSTAT_OK);
        if (!ref) {
            ref = r;
            continue;
        }
        for (size_t s = 0; s < 2; s++)
            for (uint64_t l = 1; l <= o.layers; l++)
                ck_assert(memcmp(satstat_deep_report_layer(ref, s, l),
                                 satstat_deep_report_layer(r, s, l),
                                 sizeof(satstat_deep_layer)) == 0);
        satstat_deep_report_free(r);
    }
    unsetenv("SATSTAT_SIMD");
    ck_assert_ptr_nonnull(ref);
    satstat_deep_report_free(ref);
}
END_TEST

/* The saturated fraction's Korn–Graubard interval at the default size
 * (R·W = 2e4 effective units, where GSL's beta inverse returned NaN and the
 * default report had no interval): finite, around the estimate, inside
 * [0, 1], for a fraction near 0.86 and one near 0.001. */
START_TEST(test_fraction_interval_large)
{
    satstat_config c = config_of("standard,scaled", "tanh");
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 1;
    satstat_deep_report *r;
    ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), SATSTAT_OK);
    for (size_t s = 0; s < 2; s++) {
        const satstat_deep_estimate *e = &satstat_deep_report_layer(r, s, 1)->saturated_fraction;
        ck_assert_msg(isfinite(e->lo) && isfinite(e->hi) && 0 <= e->lo && e->lo < e->value
                          && e->value < e->hi && e->hi <= 1,
                      "scheme %zu: %g [%g, %g]", s, e->value, e->lo, e->hi);
    }
    ck_assert(satstat_deep_report_layer(r, 0, 1)->saturated_fraction.value > 0.8);
    ck_assert(satstat_deep_report_layer(r, 1, 1)->saturated_fraction.value < 0.01);
    satstat_deep_report_free(r);
}
END_TEST

START_TEST(test_sampled_variance_matches_map)
{
    satstat_config c = config_of("scaled,normal:0.05", "tanh");
    c.threads = 2;
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 5;
    o.width = 1500;
    o.networks = 12;
    satstat_deep_report *r = NULL;
    ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), 0);
    for (size_t s = 0; s < 2; s++) {
        for (uint64_t l = 1; l <= o.layers; l++) {
            const satstat_deep_layer *ly = satstat_deep_report_layer(r, s, l);
            ck_assert_ptr_nonnull(ly);
            double slack = 5.0 / (double)o.width * ly->mf_variance;
            ck_assert_msg(ly->variance.lo - slack <= ly->mf_variance
                              && ly->mf_variance <= ly->variance.hi + slack,
                          "scheme %zu layer %llu: map %g, sampled %g [%g, %g]", s,
                          (unsigned long long)l, ly->mf_variance, ly->variance.value,
                          ly->variance.lo, ly->variance.hi);
            ck_assert(fabs(ly->dphi.value - ly->mf_dphi) < 0.02);
            ck_assert(fabs(ly->mean.value) < 0.2);
        }
        /* gradient norms follow √χ per layer within 15 % over 4 layers */
        const satstat_deep_layer *l1 = satstat_deep_report_layer(r, s, 1);
        ck_assert_msg(fabs(l1->gradient_norm_rms / l1->mf_gradient_norm - 1) < 0.15,
                      "scheme %zu: rms |d1| %g vs %g", s, l1->gradient_norm_rms,
                      l1->mf_gradient_norm);
    }
    /* layer 1 of `scaled` with the seed input: Var z = 1.5 exactly in law */
    ck_assert(fabs(satstat_deep_report_layer(r, 0, 1)->mf_variance - 1.5) < 1e-12);
    satstat_deep_report_free(r);
}
END_TEST

/* ℓ = gᵀφ(zᴸ); δˡ = ∂ℓ/∂zˡ by central differences, through a forward pass
 * written here from the library's raw draws. */
enum { FD_L = 3, FD_W = 11, FD_N = 5 }; /* W = 11: a group of 8 rows and one of 3 (grouped_row) */

static double loss_from(const satstat_config *c, const double *w /* L×W×W */,
                        const double *b /* L×W */, const double *z1 /* W */,
                        const double *g, int from_layer, const double *zl, double *zout)
{
    double z[FD_W], h[FD_W];
    memcpy(z, zl ? zl : z1, sizeof z);
    for (int l = from_layer; l <= FD_L; l++) {
        if (zout)
            memcpy(zout + (l - 1) * FD_W, z, sizeof z);
        if (l == FD_L)
            break;
        for (int i = 0; i < FD_W; i++)
            h[i] = c->activation->phi(z[i]);
        for (int i = 0; i < FD_W; i++) {
            double s = 0;
            for (int j = 0; j < FD_W; j++)
                s += w[((size_t)l * FD_W + i) * FD_W + j] * h[j];
            z[i] = s + b[l * FD_W + i];
        }
    }
    double loss = 0;
    for (int i = 0; i < FD_W; i++)
        loss += g[i] * c->activation->phi(z[i]);
    return loss;
}

static void gradient_check(const char *scheme)
{
    satstat_config c = config_of(scheme, "tanh");
    char msg[SATSTAT_ERRMSG_SIZE];
    c.n_in = FD_N;
    ck_assert_int_eq(satstat_inputs_parse("ones", &c.inputs, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = FD_L;
    o.width = FD_W;
    o.networks = 3;
    const satstat_scheme *s = &c.schemes[0];
    for (uint64_t net = 0; net < o.networks; net++) {
        double z[FD_L * FD_W], d[FD_L * FD_W];
        ck_assert_int_eq(satstat_deep_network(&c, &o, s, net, z, d), 0);
        double x[FD_N], w1[FD_W * FD_N], w[FD_L * FD_W * FD_W], b[FD_L * FD_W], g[FD_W];
        ck_assert_int_eq(satstat_deep_inputs(&c, &o, s, net, x), 0);
        ck_assert_int_eq(satstat_deep_weights(&c, &o, s, net, 1, w1), 0);
        for (uint64_t l = 2; l <= FD_L; l++)
            ck_assert_int_eq(satstat_deep_weights(&c, &o, s, net, l,
                                                  w + (size_t)(l - 1) * FD_W * FD_W), 0);
        for (uint64_t l = 1; l <= FD_L; l++)
            ck_assert_int_eq(satstat_deep_biases(&c, &o, s, net, l, b + (l - 1) * FD_W), 0);
        ck_assert_int_eq(satstat_deep_direction(&c, &o, s, net, g), 0);
        double gn = 0;
        for (int i = 0; i < FD_W; i++)
            gn += g[i] * g[i];
        ck_assert(fabs(gn - 1) < 1e-12);
        /* the forward pass from the raw draws reproduces the library's z */
        double z1[FD_W], zmine[FD_L * FD_W];
        for (int i = 0; i < FD_W; i++) {
            double acc = b[i];
            for (int j = 0; j < FD_N; j++)
                acc += w1[i * FD_N + j] * x[j];
            z1[i] = acc;
        }
        (void)loss_from(&c, w, b, z1, g, 1, NULL, zmine);
        for (int k = 0; k < FD_L * FD_W; k++)
            ck_assert_msg(fabs(zmine[k] - z[k]) <= 1e-12 * (1 + fabs(z[k])),
                          "z[%d] = %.17g vs %.17g", k, zmine[k], z[k]);
        /* central differences in every pre-activation of every layer */
        const double h = 1e-6;
        for (int l = 1; l <= FD_L; l++) {
            for (int i = 0; i < FD_W; i++) {
                double zp[FD_W], zm[FD_W];
                memcpy(zp, z + (l - 1) * FD_W, sizeof zp);
                memcpy(zm, zp, sizeof zm);
                zp[i] += h;
                zm[i] -= h;
                double fd = (loss_from(&c, w, b, z1, g, l, zp, NULL)
                             - loss_from(&c, w, b, z1, g, l, zm, NULL)) / (2 * h);
                double an = d[(l - 1) * FD_W + i];
                ck_assert_msg(fabs(fd - an) <= 1e-7 + 1e-6 * fabs(an),
                              "net %llu layer %d unit %d: delta %.12g, finite difference %.12g",
                              (unsigned long long)net, l, i, an, fd);
            }
        }
    }
}

START_TEST(test_gradient_finite_difference)
{
    gradient_check("normal:0.6");
    /* orthogonal layers: whole matrices through their reflectors, forward
     * and transposed in the backward pass */
    gradient_check("orthogonal:1.3");
}
END_TEST


static char *json_of(const satstat_deep_report *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    ck_assert_int_eq(satstat_deep_report_write(r, NULL, SATSTAT_FORMAT_JSON, m), 0);
    fclose(m);
    return buf;
}

/* The numbers of the JSON report, without the fields that may differ
 * (threads, elapsed time). */
static json_t *numbers_of(const satstat_deep_report *r)
{
    char *text = json_of(r);
    json_error_t e;
    json_t *root = json_loads(text, 0, &e);
    free(text);
    ck_assert_ptr_nonnull(root);
    json_object_del(root, "elapsed_seconds");
    json_object_del(json_object_get(root, "config"), "threads");
    /* the weights kept for the backward pass grow with the threads */
    json_object_del(json_object_get(root, "config"), "memory_used");
    json_object_del(json_object_get(root, "config"), "kept_layers");
    return root;
}

/* Orthogonal deep layers: W Wᵀ = g² I for layer 1 (W < n_in: orthonormal
 * rows) and for the square layers, and the per-layer Var z of many networks
 * near the mean field (whose length map is the Gaussian one: σ_w²·fan =
 * g²). */
START_TEST(test_orthogonal_layers)
{
    satstat_config c = config_of("orthogonal:1.2", "tanh");
    char msg[SATSTAT_ERRMSG_SIZE];
    c.n_in = 30;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 3;
    o.width = 12;
    o.networks = 2;
    ck_assert_int_eq(satstat_deep_options_validate(&c, &o, NULL, msg, sizeof msg), 0);
    const satstat_scheme *s = &c.schemes[0];
    double w[12 * 30];
    for (uint64_t l = 1; l <= 3; l++) {
        size_t fan = l == 1 ? 30 : 12;
        ck_assert_int_eq(satstat_deep_weights(&c, &o, s, 1, l, w), 0);
        for (size_t a = 0; a < 12; a++)
            for (size_t b = 0; b < 12; b++) {
                double dot = 0;
                for (size_t j = 0; j < fan; j++)
                    dot += w[a * fan + j] * w[b * fan + j];
                ck_assert_msg(fabs(dot - (a == b ? 1.44 : 0.0)) < 1e-12,
                              "layer %llu rows %zu, %zu: %.17g", (unsigned long long)l, a, b,
                              dot);
            }
    }
    /* the sampled Var z of 400 networks of width 50 against the mean field */
    o.width = 50;
    o.networks = 400;
    c.n_in = 1000;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    satstat_deep_report *r = NULL;
    ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), 0);
    char *text = json_of(r);
    json_error_t e;
    json_t *root = json_loads(text, 0, &e);
    ck_assert_ptr_nonnull(root);
    json_t *layers = json_object_get(json_array_get(json_object_get(root, "schemes"), 0),
                                     "layers");
    ck_assert_uint_eq(json_array_size(layers), 3);
    for (size_t l = 0; l < 3; l++) {
        json_t *ly = json_array_get(layers, l);
        double mf = json_real_value(json_object_get(json_object_get(ly, "analytic"), "variance"));
        json_t *ci = json_object_get(json_object_get(ly, "empirical"), "variance_ci");
        double lo = json_real_value(json_array_get(ci, 0));
        double hi = json_real_value(json_array_get(ci, 1));
        /* the interval, widened by the O(1/W) finite-width term */
        ck_assert_msg(mf > 1.0 && lo - 0.05 * mf <= mf && mf <= hi + 0.05 * mf,
                      "layer %zu: mean field %g outside [%g, %g]", l + 1, mf, lo, hi);
    }
    json_decref(root);
    free(text);
    satstat_deep_report_free(r);
}
END_TEST

/* Intervals stay in the range of what they bound, at 5 networks, where
 * the Student t interval left it: a saturated fraction of 0.0004
 * ([−0.0076, 0.0096]), gradient norms of chaotic sigmoid networks
 * ([−0.40, 0.72]), Var z of relu at the edge of chaos ([−0.27, 2.51]). */
static void check_ranges(const satstat_deep_report *r)
{
    const satstat_deep_options *o = satstat_deep_report_options(r);
    for (size_t s = 0; s < satstat_deep_report_scheme_count(r); s++)
        for (uint64_t l = 1; l <= o->layers; l++) {
            const satstat_deep_layer *ly = satstat_deep_report_layer(r, s, l);
            const satstat_deep_estimate *f = &ly->saturated_fraction;
            ck_assert_msg(0.0 <= f->lo && f->lo <= f->value && f->value <= f->hi && f->hi <= 1.0,
                          "scheme %zu layer %llu: saturated fraction %g [%g, %g]", s,
                          (unsigned long long)l, f->value, f->lo, f->hi);
            const satstat_deep_estimate *pos[] = {&ly->variance, &ly->gradient_norm,
                                                  &ly->activation_variance};
            for (size_t k = 0; k < 3; k++)
                ck_assert_msg(pos[k]->lo > 0.0 && pos[k]->lo <= pos[k]->value
                                  && pos[k]->value <= pos[k]->hi && isfinite(pos[k]->hi),
                              "scheme %zu layer %llu: quantity %zu %g [%g, %g]", s,
                              (unsigned long long)l, k, pos[k]->value, pos[k]->lo, pos[k]->hi);
        }
}

START_TEST(test_interval_ranges)
{
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.width = 200;
    o.networks = 5;
    satstat_config c = config_of("standard,scaled", "sigmoid");
    satstat_deep_report *r = NULL;
    ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), 0);
    check_ranges(r);
    satstat_deep_report_free(r);
    c = config_of("he-normal,he-normal:1.2", "relu");
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_bias_parse("zero", &c.bias, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), 0);
    check_ranges(r);
    satstat_deep_report_free(r);
}
END_TEST

/* Coverage: 400 runs on pinned seeds (1000..1399) of 3 tanh layers of
 * width 16 (he-normal, bias N(0, 0.25), threshold 1, layer 1 fed the
 * half inputs of n_in = 32), at 5 and at 20 networks, 90 % intervals.
 * The true means over networks come from an independent numpy Monte
 * Carlo of 4e6 networks (tests/ref/deep_interval_truth.py; standard
 * errors ≤ 2.3e-4, a thousandth of the half-widths here; layer 1's
 * variance is 1.25 exactly in law).  Misses per quantity and layer must
 * not exceed 60, the 0.999 quantile of Binomial(400, 0.1)
 * (scipy.stats.binom.ppf(0.999, 400, 0.1); P(> 60) = 6.3e-4); every
 * interval also stays in its range.  Measured misses (R = 5 / 20):
 * variance 36, 26, 30 / 42, 34, 30; saturated fraction 2, 8, 7 /
 * 32, 22, 27; gradient norm 23, 30, 46 / 31, 34, 35. */
START_TEST(test_interval_coverage)
{
    static const double truth[3][3] = {
        {1.2497815, 1.1202779, 1.0758318}, /* Var z         */
        {0.3710284, 0.3419054, 0.3319322}, /* saturated     */
        {0.5392585, 0.6062337, 0.6641710}, /* ‖δˡ‖          */
    };
    enum { RUNS = 400, MAX_MISSES = 60 };
    satstat_config c = config_of("he-normal", "tanh");
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_bias_parse("normal:0.5", &c.bias, msg, sizeof msg), 0);
    c.threshold = 1.0;
    c.n_in = 32;
    c.alpha = 0.1;
    c.threads = 1;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    ck_assert_uint_eq(satstat_inputs_support(&c.inputs, c.n_in), 16);
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 3;
    o.width = 16;
    static const uint64_t networks[] = {5, 20};
    for (size_t n = 0; n < 2; n++) {
        o.networks = networks[n];
        unsigned misses[3][3] = {{0}};
        for (uint64_t run = 0; run < RUNS; run++) {
            c.seed = 1000 + run;
            satstat_deep_report *r = NULL;
            ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), 0);
            check_ranges(r);
            for (uint64_t l = 1; l <= 3; l++) {
                const satstat_deep_layer *ly = satstat_deep_report_layer(r, 0, l);
                const satstat_deep_estimate *e[3] = {&ly->variance, &ly->saturated_fraction,
                                                     &ly->gradient_norm};
                for (size_t k = 0; k < 3; k++)
                    misses[k][l - 1] += !(e[k]->lo <= truth[k][l - 1]
                                          && truth[k][l - 1] <= e[k]->hi);
            }
            satstat_deep_report_free(r);
        }
        for (size_t k = 0; k < 3; k++)
            for (size_t l = 0; l < 3; l++)
                ck_assert_msg(misses[k][l] <= MAX_MISSES,
                              "R = %llu, quantity %zu, layer %zu: %u of %d 90%% intervals "
                              "miss the truth",
                              (unsigned long long)o.networks, k, l + 1, misses[k][l], RUNS);
    }
}
END_TEST

/* The report states the saturation rule it counts by: relu's column
 * counts dead units (z <= 0), so the header must not say |z| >= 4. */
START_TEST(test_saturation_rule_text)
{
    static const struct {
        const char *activation, *text, *rule;
    } ref[] = {
        {"relu", "saturated when z <= 0 (rule dead: dead units)\n", "dead"},
        {"tanh", "saturated when |z| >= 4\n", "z:4"},
    };
    for (size_t k = 0; k < 2; k++) {
        satstat_config c = config_of("he-normal", ref[k].activation);
        c.threads = 1;
        satstat_deep_options o;
        satstat_deep_options_default(&o);
        o.layers = 2;
        o.width = 20;
        o.networks = 2;
        satstat_deep_report *r = NULL;
        ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), 0);
        char *buf = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&buf, &len);
        ck_assert_int_eq(satstat_deep_report_write(r, NULL, SATSTAT_FORMAT_TEXT, m), 0);
        fclose(m);
        ck_assert_msg(strstr(buf, ref[k].text) != NULL, "%s: no '%s' in\n%s",
                      ref[k].activation, ref[k].text, buf);
        /* the worker count in words: "1 thread" (c.threads is 1) */
        ck_assert_msg(strstr(buf, "sampling: 1 thread,") != NULL, "no '1 thread' in\n%s", buf);
        free(buf);
        json_t *root = numbers_of(r);
        json_t *sat = json_object_get(json_object_get(root, "config"), "saturation");
        ck_assert_str_eq(json_string_value(json_object_get(sat, "rule")), ref[k].rule);
        json_decref(root);
        /* and the column counts by that rule: about half the units of
         * relu are dead, almost no tanh unit reaches |z| >= 4 */
        const satstat_deep_layer *ly = satstat_deep_report_layer(r, 0, 2);
        if (k == 0)
            ck_assert(fabs(ly->saturated_fraction.value - 0.5) < 0.2);
        else
            ck_assert(ly->saturated_fraction.value < 0.05);
        satstat_deep_report_free(r);
    }
}
END_TEST

START_TEST(test_threads_bit_identical)
{
    satstat_config c = config_of("scaled,standard", "sigmoid");
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 4;
    o.width = 200;
    o.networks = 7;
    satstat_deep_report *r[3] = {NULL};
    json_t *j[3];
    for (unsigned t = 1; t <= 3; t++) {
        c.threads = t;
        ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r[t - 1]), 0);
        j[t - 1] = numbers_of(r[t - 1]);
    }
    for (int t = 1; t < 3; t++) {
        ck_assert(json_equal(j[0], j[t]));
        for (size_t s = 0; s < 2; s++)
            for (uint64_t l = 1; l <= o.layers; l++)
                ck_assert(memcmp(satstat_deep_report_layer(r[0], s, l),
                                 satstat_deep_report_layer(r[t], s, l),
                                 sizeof(satstat_deep_layer)) == 0);
    }
    /* a different seed gives different numbers */
    c.seed = 2;
    satstat_deep_report *r2 = NULL;
    ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r2), 0);
    ck_assert(satstat_deep_report_layer(r2, 0, 2)->variance.value
              != satstat_deep_report_layer(r[0], 0, 2)->variance.value);
    satstat_deep_report_free(r2);
    for (int t = 0; t < 3; t++) {
        json_decref(j[t]);
        satstat_deep_report_free(r[t]);
    }
}
END_TEST

/* The JSON layout of the output contract (doc/report.schema.json). */
START_TEST(test_json_layout)
{
    satstat_config c = config_of("scaled", "tanh");
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 3;
    o.width = 100;
    o.networks = 4;
    satstat_deep_report *r = NULL;
    ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), 0);
    json_t *root = numbers_of(r);
    json_t *s0 = json_array_get(json_object_get(root, "schemes"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(s0, "scheme")), "scaled");
    ck_assert(fabs(json_real_value(json_object_get(s0, "fixed_point")) - 1.4638509) < 1e-6);
    ck_assert(fabs(json_real_value(json_object_get(s0, "chi1")) - 0.39888) < 1e-5);
    ck_assert_str_eq(json_string_value(json_object_get(s0, "phase")), "ordered");
    json_t *layers = json_object_get(s0, "layers");
    ck_assert_int_eq(json_array_size(layers), 3);
    json_t *l1 = json_array_get(layers, 0);
    ck_assert_int_eq(json_integer_value(json_object_get(l1, "layer")), 1);
    json_t *an = json_object_get(l1, "analytic"), *em = json_object_get(l1, "empirical");
    ck_assert(fabs(json_real_value(json_object_get(an, "variance")) - 1.5) < 1e-12);
    ck_assert_ptr_nonnull(json_object_get(an, "saturated_fraction"));
    ck_assert_ptr_nonnull(json_object_get(an, "mean_activation_derivative"));
    ck_assert(json_is_real(json_object_get(em, "variance")));
    ck_assert_int_eq(json_array_size(json_object_get(em, "variance_ci")), 2);
    ck_assert(json_is_real(json_object_get(em, "saturated_fraction")));
    ck_assert(json_is_real(json_object_get(em, "mean_activation_derivative")));
    ck_assert(json_is_real(json_object_get(em, "gradient_norm")));
    json_decref(root);
    satstat_deep_report_free(r);
}
END_TEST

START_TEST(test_options_and_memory)
{
    satstat_config c = config_of("scaled", "tanh");
    satstat_deep_options o;
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_deep_options_default(&o);
    ck_assert_int_eq(o.layers, 10);
    ck_assert_int_eq(o.width, 1000);
    ck_assert_int_eq(o.networks, 20);
    ck_assert_int_eq(satstat_deep_options_validate(&c, &o, NULL, msg, sizeof msg), 0);
    /* the library names the field (its member name, no option "--") */
    satstat_config_field field = SATSTAT_FIELD_NONE;
    o.layers = 0;
    ck_assert_int_eq(satstat_deep_options_validate(&c, &o, &field, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_int_eq(field, SATSTAT_FIELD_LAYERS);
    ck_assert_str_eq(msg, "layers must be between 1 and 100000, got 0");
    o.layers = 10;
    o.width = 0;
    ck_assert_int_eq(satstat_deep_options_validate(&c, &o, &field, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_int_eq(field, SATSTAT_FIELD_WIDTH);
    ck_assert_ptr_nonnull(strstr(msg, "width must be"));
    ck_assert_ptr_null(strstr(msg, "--"));
    o.width = 1000;
    /* normal weights are drawn and multiplied a row at a time: no matrix,
     * a 1 MB cap is room enough (the kept layers take what is left) */
    o.max_memory = 1000000;
    ck_assert_int_eq(satstat_deep_options_validate(&c, &o, NULL, msg, sizeof msg), 0);
    ck_assert(satstat_deep_memory(&c, &o, 1) < 1000000);
    /* uniform weights multiply a 1000 × 1000 matrix of doubles, 8 MB: a
     * 1 MB cap refuses */
    satstat_config cu = config_of("uniform:0.05", "tanh");
    ck_assert_int_eq(satstat_deep_options_validate(&cu, &o, &field, msg, sizeof msg), SATSTAT_ERANGE);
    ck_assert_int_eq(field, SATSTAT_FIELD_MAX_MEMORY);
    ck_assert_ptr_nonnull(strstr(msg, "max_memory: one network of width 1000"));
    ck_assert_ptr_null(strstr(msg, "--"));
    satstat_deep_report *r = NULL;
    ck_assert_int_eq(satstat_deep_run(&cu, &o, NULL, NULL, &r), SATSTAT_ERANGE);
    ck_assert_ptr_null(r);
    o.max_memory = 0;
    ck_assert(satstat_deep_memory(&cu, &o, 1) > 8000000);
    ck_assert(satstat_deep_memory(&c, &o, 2) > satstat_deep_memory(&c, &o, 1));
    ck_assert(satstat_deep_default_max_memory() > 0);
}
END_TEST

/* ---- the command line ----------------------------------------------------------*/

/* Run 'satstat deep' with args (words split at spaces) by tests/common's
 * runner; returns the exit status, stderr into err. */
static int run_cli(const char *args, char *err, size_t size)
{
    char words[4096];
    const char *argv[64] = {"deep"};
    size_t n = 1;
    snprintf(words, sizeof words, "%s", args);
    char *save = NULL;
    for (char *w = strtok_r(words, " ", &save); w && n < 63; w = strtok_r(NULL, " ", &save))
        argv[n++] = w;
    argv[n] = NULL;
    test_spawn_options o = {0};
    test_run_result r = test_run_argv(&o, argv, TEST_RUN_TIMEOUT_S);
    snprintf(err, size, "%s", r.err);
    int status = r.status;
    test_result_free(&r);
    return status;
}

static int lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* The JSON `satstat deep ARGS --format json` writes, without the fields
 * that differ between runs of one seed (elapsed, threads, memory). */
static json_t *cli_numbers(const char *args)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "%s deep %s --format json --quiet", getenv("SATSTAT_EXE"), args);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    json_error_t e;
    json_t *root = json_loadf(p, 0, &e);
    ck_assert_int_eq(pclose(p), 0);
    ck_assert_msg(root != NULL, "%s: %s", cmd, e.text);
    json_object_del(root, "elapsed_seconds");
    json_t *config = json_object_get(root, "config");
    json_object_del(config, "threads");
    json_object_del(config, "memory_used");
    json_object_del(config, "kept_layers");
    return root;
}

/* --transform reaches deep's draws: the default named explicitly gives the
 * run without the option (the command it reports aside); the other
 * transform gives other numbers, named in the report and its command,
 * the same at 1 and 2 threads.  And a weight of layer 2 is σ times the
 * other transform's normal of its row's stream (satstat_stream_normals_
 * with, the scalar reference). */
START_TEST(test_transform)
{
    const char *base = "--layers 3 --width 30 --networks 4 --n-in 20 --active 10 "
                       "--scheme standard,scaled --activation tanh";
    satstat_transform other = SATSTAT_TRANSFORM_DEFAULT == SATSTAT_TRANSFORM_BOX_MULLER
                                  ? SATSTAT_TRANSFORM_ZIGGURAT
                                  : SATSTAT_TRANSFORM_BOX_MULLER;
    const char *def_name = satstat_transform_label(SATSTAT_TRANSFORM_DEFAULT);
    const char *other_name = satstat_transform_label(other);
    if (getenv("SATSTAT_EXE")) {
        char args[1024];
        json_t *plain = cli_numbers(base);
        snprintf(args, sizeof args, "%s --transform %s", base, def_name);
        json_t *named = cli_numbers(args);
        ck_assert_str_eq(json_string_value(json_object_get(json_object_get(plain, "config"),
                                                           "transform")),
                         def_name);
        ck_assert(json_equal(plain, named));
        snprintf(args, sizeof args, "%s --transform %s --threads 1", base, other_name);
        json_t *o1 = cli_numbers(args);
        snprintf(args, sizeof args, "%s --transform %s --threads 2", base, other_name);
        json_t *o2 = cli_numbers(args);
        ck_assert(json_equal(o1, o2));
        ck_assert(!json_equal(o1, plain));
        json_t *config = json_object_get(o1, "config");
        ck_assert_str_eq(json_string_value(json_object_get(config, "transform")), other_name);
        ck_assert_ptr_nonnull(
            strstr(json_string_value(json_object_get(config, "command")), other_name));
        ck_assert_ptr_null(
            strstr(json_string_value(json_object_get(json_object_get(plain, "config"),
                                                     "command")),
                   "--transform"));
        json_decref(plain);
        json_decref(named);
        json_decref(o1);
        json_decref(o2);
    }
    satstat_config c = config_of("normal:0.5", "tanh");
    c.transform = other;
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 3;
    o.width = 12;
    o.networks = 2;
    double w[12 * 12];
    ck_assert_int_eq(satstat_deep_weights(&c, &o, &c.schemes[0], 1, 2, w), 0);
    float f[12];
    char name[SATSTAT_SPEC_SIZE + 32];
    snprintf(name, sizeof name, "deep:%s", c.schemes[0].canonical);
    /* row 0 of layer 2 of network 1: neuron (1·L + 1)·W */
    satstat_stream_normals_with(other, c.seed, satstat_stream_id(name, SATSTAT_DOMAIN_WEIGHTS),
                                (1 * 3 + 1) * 12, 0, 12, f);
    for (int j = 0; j < 12; j++)
        ck_assert_double_eq(w[j], 0.5 * (double)f[j]);
}
END_TEST

START_TEST(test_cli_bad_input)
{
    static const struct {
        const char *args, *names;
    } cases[] = {
        {"--layers 0", "--layers"},
        {"--width 0", "--width"},
        {"--networks 0", "--networks"},
        {"--layers x", "--layers"},
        {"--width 1000000 --max-memory 1e7", "--max-memory"},
        {"--max-memory 1000", "--max-memory"},
        {"--max-memory 0", "--max-memory"},
        {"--max-memory 20Q", "--max-memory"},
        {"--max-memory 1.5G", "--max-memory"},
        {"--max-memory 99999999T", "--max-memory"},
        {"--max-memory K", "--max-memory"},
        {"--activation nope", "--activation"},
        {"--scheme bogus", "--scheme"},
        {"--render png", "--render"},
        {"--preset nope", "--preset"},
        {"--pair-correlation 2", "--pair-correlation"},
        {"--pair-correlation -1.5", "--pair-correlation"},
        {"--pair-correlation nan", "--pair-correlation"},
        {"--jacobian=1", "--jacobian"},
        {"--activation linear --saturation deriv:0.5", "--saturation"},
        {"stray", "stray"},
    };
    char err[4096];
    if (!getenv("SATSTAT_EXE"))
        return;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int st = run_cli(cases[i].args, err, sizeof err);
        ck_assert_msg(st == 2, "%s: exit %d (%s)", cases[i].args, st, err);
        ck_assert_msg(lines(err) == 1, "%s: not one line: %s", cases[i].args, err);
        ck_assert_msg(strstr(err, cases[i].names), "%s: %s", cases[i].args, err);
    }
    /* a byte count takes K, M, G, T (powers of 1024): the cap the refusal
     * names is the product, and a cap in M lets the run through */
    ck_assert_int_eq(run_cli("--layers 2 --width 10 --networks 2 --max-memory 3K", err, sizeof err),
                     2);
    ck_assert_msg(strstr(err, "cap of 3072 bytes"), "%s", err);
    ck_assert_int_eq(run_cli("--layers 2 --width 10 --networks 2 --max-memory 2MiB --quiet", err,
                             sizeof err),
                     0);
    /* nothing is written on bad input */
    char path[] = "/tmp/satstat-deep-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(path));
    char args[512], file[64];
    snprintf(file, sizeof file, "%s/out.json", path);
    snprintf(args, sizeof args, "--layers 0 --output %s", file);
    ck_assert_int_eq(run_cli(args, err, sizeof err), 2);
    ck_assert_int_ne(access(file, F_OK), 0);
    /* and a small run writes its report */
    snprintf(args, sizeof args,
             "--layers 2 --width 50 --networks 3 --format json --quiet --output %s", file);
    ck_assert_int_eq(run_cli(args, err, sizeof err), 0);
    json_error_t e;
    json_t *root = json_load_file(file, 0, &e);
    ck_assert_ptr_nonnull(root);
    ck_assert_int_eq(json_array_size(json_object_get(root, "schemes")), 2);
    json_decref(root);
    unlink(file);
    rmdir(path);
}
END_TEST

/* ---- the report model in every format ----------------------------------------*/

static char *deep_text(const satstat_deep_report *r, satstat_format format, unsigned width)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(m);
    if (width)
        ck_assert_int_eq(satstat_deep_report_write_text(r, NULL, width, m), 0);
    else
        ck_assert_int_eq(satstat_deep_report_write(r, NULL, format, m), 0);
    fclose(m);
    return buf;
}

/* The CSV row (scheme, layer — "" for the scheme's —, quantity): its
 * field count, 0 when absent. */
static int csv_find(const char *csv, const char *scheme, const char *layer, const char *name,
                    char f[][256])
{
    for (const char *line = csv; line && *line;) {
        size_t n = csv_fields(line, f, 16);
        if (n >= 3 && strcmp(f[0], scheme) == 0 && strcmp(f[1], layer) == 0 &&
            strcmp(f[2], name) == 0)
            return (int)n;
        line = strchr(line, '\n');
        if (line)
            line++;
    }
    return 0;
}

static double csv_number(const char *field)
{
    return *field ? strtod(field, NULL) : NAN;
}

/* The text a quantity's value should have, formatted here from the
 * model's value and digits (not by the writer's function). */
static void expected_text(const satstat_quantity *q, char *want, size_t size)
{
    if (q->kind == SATSTAT_QUANTITY_INTERVAL) {
        if (isfinite(q->interval.lo) && isfinite(q->interval.hi))
            snprintf(want, size, "[%.*g, %.*g]", q->digits, q->interval.lo, q->digits,
                     q->interval.hi);
        else
            snprintf(want, size, "-");
    } else if (!isfinite(q->value)) {
        snprintf(want, size, "-");
    } else if (q->count) {
        snprintf(want, size, "%.0f", q->value);
    } else if (q->percent) {
        snprintf(want, size, "%.*g%%", q->digits, 100 * q->value);
    } else {
        snprintf(want, size, "%.*g", q->digits, q->value);
    }
}

/* Lines of a text, split in place. */
typedef struct text_lines {
    char *line[4096];
    size_t n;
} text_lines;

static void split_lines(char *text, text_lines *t)
{
    t->n = 0;
    for (char *p = text; *p && t->n < 4096;) {
        char *end = strchr(p, '\n');
        t->line[t->n++] = p;
        if (!end)
            break;
        *end = '\0';
        p = end + 1;
    }
}

/* Where cell starts in line as a cell of its own: two spaces (or the line
 * start) before it, two spaces (or the line end) after; -1 if nowhere at
 * or after column `from`. */
static long cell_at(const char *line, const char *cell, size_t from)
{
    size_t len = strlen(line), cl = strlen(cell);
    for (size_t p = from; p + cl <= len; p++) {
        if (strncmp(line + p, cell, cl) != 0)
            continue;
        int before = p == 0 || (p >= 2 && line[p - 1] == ' ' && line[p - 2] == ' ');
        int after = p + cl == len || (line[p + cl] == ' ' && line[p + cl + 1] == ' ') ||
                    (line[p + cl] == ' ' && p + cl + 1 == len);
        if (before && after)
            return (long)p;
    }
    return -1;
}

/* The number `want` in the scheme's prose as a number of its own: no
 * digit, '.' or '-' right before it (a sign "+" or "+-" may be), no
 * digit, '.' or exponent right after. */
static int prose_has(const char *from, const char *to, const char *want)
{
    size_t wl = strlen(want);
    for (const char *p = from; p + wl <= to; p++) {
        if (strncmp(p, want, wl) != 0)
            continue;
        char b = p > from ? p[-1] : ' ', a = p + wl < to ? p[wl] : ' ';
        int plus_minus = b == '-' && p - from >= 2 && p[-2] == '+';
        if ((b >= '0' && b <= '9') || b == '.' || (b == '-' && !plus_minus))
            continue;
        if ((a >= '0' && a <= '9') || a == '.' || a == 'e')
            continue;
        return 1;
    }
    return 0;
}

/* Walk the model of every scheme and layer: each quantity is in the JSON
 * at its path with its value, in its CSV row and column, and in the text
 * — a layer's under its label, in the column of its kind, on the layer's
 * row; the scheme's in the scheme's lines.  Every line fits `width`, and
 * the header cells stand two spaces apart. */
static void walk_deep_model(const satstat_deep_report *r, unsigned width)
{
    char *text = deep_text(r, SATSTAT_FORMAT_TEXT, width);
    char *csv = deep_text(r, SATSTAT_FORMAT_CSV, 0);
    char *js = deep_text(r, SATSTAT_FORMAT_JSON, 0);
    json_error_t err;
    json_t *root = json_loads(js, 0, &err);
    ck_assert_msg(root != NULL, "JSON: %s", err.text);
    ck_assert_int_eq(json_integer_value(json_object_get(root, "schema_version")),
                     SATSTAT_SCHEMA_VERSION);
    /* every line fits the width */
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        ck_assert_ptr_nonnull(end);
        ck_assert_msg((unsigned)(end - line) <= width, "width %u: line of %d: %.*s", width,
                      (int)(end - line), (int)(end - line), line);
        line = end + 1;
    }
    const satstat_config *c = satstat_deep_report_config(r);
    const satstat_deep_options *o = satstat_deep_report_options(r);
    char ci[32];
    snprintf(ci, sizeof ci, "%g%% CI", 100.0 * (1.0 - c->alpha));
    size_t quantities = 0;
    for (size_t s = 0; s < c->n_schemes; s++) {
        const char *scheme = c->schemes[s].canonical;
        json_t *sj = json_array_get(json_object_get(root, "schemes"), s);
        ck_assert_str_eq(json_string_value(json_object_get(sj, "scheme")), scheme);
        /* the scheme's part of the text */
        char head[128];
        snprintf(head, sizeof head, "\nscheme %s:", scheme);
        char *from = strstr(text, head);
        ck_assert_msg(from != NULL, "no '%s' in the text", head + 1);
        from++;
        char *to = strstr(from, "\nscheme ");
        if (!to)
            to = from + strlen(from);
        char *part = strndup(from, (size_t)(to - from));
        ck_assert_ptr_nonnull(part);
        text_lines t;
        split_lines(part, &t);
        for (uint64_t l = 0; l <= o->layers; l++) {
            satstat_quantity q[SATSTAT_DEEP_MODEL_MAX];
            size_t n = 0;
            ck_assert_int_eq(satstat_deep_report_model(r, s, l, q, SATSTAT_DEEP_MODEL_MAX, &n),
                             SATSTAT_OK);
            ck_assert_uint_gt(n, 5);
            json_t *obj = l ? json_array_get(json_object_get(sj, "layers"), l - 1) : sj;
            ck_assert_ptr_nonnull(obj);
            if (l)
                ck_assert_int_eq(json_integer_value(json_object_get(obj, "layer")), (int)l);
            char layer[24] = "";
            if (l)
                snprintf(layer, sizeof layer, "%u", (unsigned)l);
            for (size_t k = 0; k < n; k++, quantities++) {
                char f[16][256], want[96];
                int nf = csv_find(csv, scheme, layer, q[k].name, f);
                ck_assert_msg(nf == 7, "%s layer %s: CSV row %s has %d fields", scheme, layer,
                              q[k].name, nf);
                json_t *v = json_path(obj, q[k].json);
                ck_assert_msg(v != NULL, "%s layer %s: JSON has no %s", scheme, layer,
                              q[k].json);
                const char *kind = "";
                switch (q[k].kind) {
                case SATSTAT_QUANTITY_FORMULA:
                case SATSTAT_QUANTITY_SAMPLED: {
                    int sampled = q[k].kind == SATSTAT_QUANTITY_SAMPLED;
                    ck_assert_msg(same_number(q[k].value, json_value(v)), "%s layer %s: JSON %s",
                                  scheme, layer, q[k].json);
                    if (q[k].count)
                        ck_assert(json_is_integer(v));
                    ck_assert_msg(same_number(q[k].value, csv_number(f[sampled ? 4 : 3])),
                                  "%s layer %s: CSV %s", scheme, layer, q[k].name);
                    kind = sampled ? "sampled"
                                   : strncmp(q[k].json, "analytic.", 9) == 0 ? "mean field" : "";
                    break;
                }
                case SATSTAT_QUANTITY_INTERVAL:
                    ck_assert(json_is_array(v));
                    ck_assert(same_number(q[k].interval.lo, json_value(json_array_get(v, 0))));
                    ck_assert(same_number(q[k].interval.hi, json_value(json_array_get(v, 1))));
                    ck_assert(same_number(q[k].interval.lo, csv_number(f[5])));
                    ck_assert(same_number(q[k].interval.hi, csv_number(f[6])));
                    kind = ci;
                    break;
                default:
                    ck_abort_msg("%s: a deep quantity of kind %s", q[k].name,
                                 satstat_quantity_kind_name(q[k].kind));
                }
                expected_text(&q[k], want, sizeof want);
                if (l == 0) {
                    /* the scheme's numbers are in its prose (an unknown
                     * one, null and empty above, is not written there) */
                    if (isfinite(q[k].value))
                        ck_assert_msg(prose_has(from, to, want),
                                      "%s: text has no %s = %s", scheme, q[k].name, want);
                    continue;
                }
                /* a layer's: in a block whose label line has the label as
                 * a cell, under it and in the column its kind heads */
                int found = 0;
                for (size_t i = 0; i + 2 < t.n && !found; i++) {
                    if (strncmp(t.line[i], "  layer  ", 9) != 0)
                        continue;
                    long at = cell_at(t.line[i], q[k].label, 0);
                    if (at < 0)
                        continue;
                    /* the group ends where the next label starts */
                    size_t end = (size_t)-1, hl = strlen(t.line[i]);
                    for (size_t p = (size_t)at + strlen(q[k].label); p + 2 < hl; p++)
                        if (t.line[i][p] == ' ' && t.line[i][p + 1] == ' ' &&
                            t.line[i][p + 2] != ' ') {
                            end = p + 2;
                            break;
                        }
                    const char *kinds = t.line[i + 1];
                    for (size_t j = i + 2; j < t.n && t.line[j][0] != '\0' && !found; j++) {
                        if (strtoul(t.line[j], NULL, 10) != l)
                            continue;
                        for (long p = cell_at(t.line[j], want, (size_t)at);
                             p >= 0 && (size_t)p < end && !found;
                             p = cell_at(t.line[j], want, (size_t)p + 1)) {
                            size_t kl = strlen(kinds);
                            found = *kind ? (size_t)p < kl &&
                                                strncmp(kinds + p, kind, strlen(kind)) == 0
                                          : (size_t)p >= kl || kinds[p] == ' ';
                        }
                    }
                    ck_assert_msg(found, "%s layer %s: no %s '%s' under '%s' (%s)", scheme,
                                  layer, q[k].name, want, q[k].label, kind);
                }
                ck_assert_msg(found, "%s layer %s: no block headed '%s' with its cells apart",
                              scheme, layer, q[k].label);
            }
        }
        free(part);
    }
    ck_assert_uint_gt(quantities, 20);
    json_decref(root);
    free(text);
    free(csv);
    free(js);
}

/* One model, every format: each number of the report in the JSON, the CSV
 * and the text, and the text within 60, 100 and 140 columns. */
START_TEST(test_model_in_every_format)
{
    /* two schemes, tanh: a finite fixed point; relu he-normal, dead
     * units and none (the map grows without bound) */
    static const struct {
        const char *schemes, *activation;
        uint64_t layers;
    } cases[] = {{"scaled,he-normal:2,fan_out", "tanh", 4}, {"he-normal,standard", "relu", 3}};
    for (size_t i = 0; i < 2; i++) {
        satstat_config c = config_of(cases[i].schemes, cases[i].activation);
        satstat_deep_options o;
        satstat_deep_options_default(&o);
        o.layers = cases[i].layers;
        o.width = 30;
        o.networks = 3;
        satstat_deep_report *r = NULL;
        ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), 0);
        for (unsigned width = 60; width <= 140; width += 40)
            walk_deep_model(r, width);
        /* the default text is SATSTAT_TEXT_WIDTH wide */
        char *a = deep_text(r, SATSTAT_FORMAT_TEXT, 0),
             *b = deep_text(r, SATSTAT_FORMAT_TEXT, SATSTAT_TEXT_WIDTH);
        ck_assert_str_eq(a, b);
        free(a);
        free(b);
        /* a bad argument, and too small a capacity */
        satstat_quantity q[4];
        size_t n;
        ck_assert_int_eq(satstat_deep_report_model(r, 9, 1, q, 4, &n), SATSTAT_EINVAL);
        ck_assert_int_eq(satstat_deep_report_model(r, 0, o.layers + 1, q, 4, &n),
                         SATSTAT_EINVAL);
        ck_assert_int_eq(satstat_deep_report_model(r, 0, 1, q, 4, &n), SATSTAT_ERANGE);
        satstat_deep_report_free(r);
    }
}
END_TEST

/* ---- the depth figures (deep_plot_depth.c) ---------------------------------*/

/* The rows of datablock $name in a script: up to max rows of ncol numbers. */
static size_t depth_block(const char *text, const char *name, size_t ncol, double *v, size_t max)
{
    char head[64];
    snprintf(head, sizeof head, "\n$%s << EOD\n", name);
    const char *p = strstr(text, head);
    ck_assert_msg(p != NULL, "no datablock %s", name);
    p += strlen(head);
    size_t rows = 0;
    while (strncmp(p, "EOD\n", 4) != 0 && rows < max) {
        for (size_t k = 0; k < ncol; k++) {
            char *end;
            v[rows * ncol + k] = strtod(p, &end);
            ck_assert(end != p);
            p = end;
        }
        p = strchr(p, '\n') + 1;
        rows++;
    }
    return rows;
}

/* The deep figures of r written into dir (plot options po, or NULL). */
static void write_figures(const satstat_deep_report *r, const char *dir,
                          const satstat_plot_options *po)
{
    char msg[SATSTAT_ERRMSG_SIZE];
    const satstat_deep_report *rs[1] = {r};
    int rc = satstat_deep_plot_write_dir(rs, 1, NULL, 0, dir, po, msg, sizeof msg);
    ck_assert_msg(rc == SATSTAT_OK, "deep figures into %s: %s", dir, msg);
}

static char *depth_read(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s.gp", dir, name);
    FILE *f = fopen(path, "r");
    ck_assert_msg(f != NULL, "%s was not written", path);
    char *text = calloc(1, 1 << 20);
    ck_assert_ptr_nonnull(text);
    size_t n = fread(text, 1, (1 << 20) - 1, f);
    text[n] = '\0';
    fclose(f);
    return text;
}

/* --jacobian's smallest singular value where the SVD cannot resolve it:
 * tanh, scaled, L = 30, W = n_in = 16 shrinks J by about e^-2 a layer in
 * its smallest direction (the least Lyapunov exponent of a product of
 * 16 x 16 Gaussian layers), so the truth is far below ε·W·s_max, and the
 * value the SVD returns is rounding (its digits follow the BLAS kernels:
 * 8.3e-19 on one CPU, 7.7e-18 on another in the gallery's deep-isometry).
 * The report carries the bound beside it and prints "<= bound", the
 * figure's legend "≤ bound"; a resolved value (orthogonal, linear:
 * every s = 1.1⁴) keeps its digits. */
START_TEST(test_jacobian_unresolved_minimum)
{
    const char *schemes[2] = {"scaled", "orthogonal:1.1"};
    const char *acts[2] = {"tanh", "linear"};
    for (int k = 0; k < 2; k++) {
        satstat_config c = config_of(schemes[k], acts[k]);
        c.n_in = 16;
        test_config_validate(&c);
        satstat_deep_options o = jacobian_options(k == 0 ? 30 : 4, 16, 4);
        satstat_deep_report *r;
        ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), SATSTAT_OK);
        const satstat_deep_jacobian *j = satstat_deep_report_jacobian(r, 0);
        ck_assert(j->sv_resolution == DBL_EPSILON * 16 * j->sv_max);
        satstat_quantity q[SATSTAT_DEEP_MODEL_MAX];
        size_t n;
        ck_assert_int_eq(satstat_deep_report_model(r, 0, 0, q, SATSTAT_DEEP_MODEL_MAX, &n), 0);
        const satstat_quantity *min = NULL, *bound = NULL;
        for (size_t i = 0; i < n; i++) {
            if (strcmp(q[i].name, "jacobian_singular_value_min") == 0)
                min = &q[i];
            if (strcmp(q[i].name, "jacobian_singular_value_min_abserr") == 0)
                bound = &q[i];
        }
        ck_assert(min && bound && bound->value == j->sv_resolution);
        char text[64];
        satstat_quantity_text(min, text, sizeof text);
        if (k == 0) {
            ck_assert_msg(j->sv_min <= j->sv_resolution, "s_min %g, resolution %g", j->sv_min,
                          j->sv_resolution);
            char want[64];
            snprintf(want, sizeof want, "<= %.2g", j->sv_min + j->sv_resolution);
            ck_assert_str_eq(text, want);
            char dir[] = "/tmp/satstat-jacobian-min.XXXXXX";
            ck_assert_ptr_nonnull(mkdtemp(dir));
            satstat_plot_options po;
            satstat_plot_options_default(&po);
            po.figures = "deep-jacobian";
            write_figures(r, dir, &po);
            char *t = depth_read(dir, "deep-jacobian");
            ck_assert_msg(strstr(t, ": s from ≤ ") != NULL, "the legend gives the unresolved value");
            free(t);
            test_remove_tree(dir);
        } else {
            ck_assert_str_eq(text, "1.4641");
        }
        satstat_deep_report_free(r);
    }
}
END_TEST

/* --pair-correlation and --jacobian add deep-correlation, deep-cmap and
 * deep-jacobian (and --phase deep-phase-xi) to the figures a run names and
 * writes; their data are the run's: the sampled cˡ as in the report, the
 * c-map's curve crossing the identity at the report's c* (tanh, chaotic:
 * c* = 0.4468, the reference of test_pair_correlation), the Jacobian's
 * density integrating to 1; every script renders without a gnuplot
 * warning (when gnuplot is installed). */
START_TEST(test_depth_figures)
{
    satstat_config c = config_of("normal:0.1", "tanh");
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_bias_parse("normal:0.22360679774997896", &c.bias, msg, sizeof msg), 0);
    c.n_in = 250;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 5;
    o.width = 250;
    o.networks = 4;
    o.input = SATSTAT_DEEP_INPUT_NORMAL;
    o.pair = 1;
    o.pair_correlation = 0.95;
    o.jacobian = 1;
    char names[SATSTAT_MAX_SCHEMES + 8][SATSTAT_PLOT_NAME_SIZE];
    const satstat_config *cfgs[1] = {&c};
    size_t plain = satstat_deep_plot_names(cfgs, 1, 0, 0, NULL, names, SATSTAT_MAX_SCHEMES + 8);
    size_t nf = satstat_deep_plot_names(cfgs, 1, 1, 0, &o, names, SATSTAT_MAX_SCHEMES + 8);
    ck_assert_uint_eq(nf, plain + 5);
    static const char *const want[] = {"deep-correlation", "deep-cmap", "deep-jacobian",
                                       "deep-phase", "deep-phase-xi"};
    for (size_t k = 0; k < 5; k++)
        ck_assert_str_eq(names[plain + k], want[k]);

    satstat_deep_report *r;
    ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), SATSTAT_OK);
    char dir[] = "/tmp/satstat-depth-figs.XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    write_figures(r, dir, NULL);
    double v[400 * 5];

    char *t = depth_read(dir, "deep-correlation");
    size_t rows = depth_block(t, "s1", 5, v, 400);
    ck_assert_uint_eq(rows, o.layers + 1);
    ck_assert(v[4] == o.pair_correlation); /* layer 0: the inputs' c0 */
    for (uint64_t l = 1; l <= o.layers; l++) {
        const satstat_deep_layer *ly = satstat_deep_report_layer(r, 0, l);
        ck_rel(v[l * 5 + 1], ly->correlation.value, 1e-8);
        ck_rel(v[l * 5 + 4], ly->mf_correlation, 1e-8);
    }
    free(t);

    t = depth_read(dir, "deep-cmap");
    rows = depth_block(t, "map1", 2, v, 400);
    ck_assert_uint_ge(rows, 20);
    const satstat_deep_depth *d = satstat_deep_report_depth(r, 0, NULL);
    ck_assert(fabs(d->c_star - 0.44680423234426681) < 1e-6);
    int crossed = 0;
    for (size_t i = 0; i + 1 < rows; i++) {
        /* the block's second column is the step c_next - c (the figure
         * plots the step about a zero line) */
        double a = v[2 * i + 1], b = v[2 * i + 3];
        if (a > 0 && b <= 0 && v[2 * i + 2] < 0.999) {
            crossed = 1;
            ck_assert_msg(v[2 * i] <= d->c_star && d->c_star <= v[2 * i + 2],
                          "the step crosses zero in [%g, %g], c* = %g", v[2 * i],
                          v[2 * i + 2], d->c_star);
        }
    }
    ck_assert(crossed);
    ck_assert(fabs(v[2 * rows - 2] - 1) < 1e-12 && fabs(v[2 * rows - 1]) < 1e-6);
    /* the negative lobe (c* < c < 1) reaches a labelled tick: the axis's
     * foot at or under the least step, at 1, 2 or 5 times a power of ten */
    double least = 0;
    for (size_t i = 0; i < rows; i++)
        least = fmin(least, v[2 * i + 1]);
    ck_assert(least < 0);
    const char *yr = strstr(t, "set yrange [");
    ck_assert_ptr_nonnull(yr);
    double foot = atof(yr + strlen("set yrange ["));
    ck_assert_msg(foot <= least, "foot %g above the least step %g", foot, least);
    double mant = -foot / pow(10, floor(log10(-foot)));
    ck_assert_msg(fabs(mant - 1) < 1e-9 || fabs(mant - 2) < 1e-9 || fabs(mant - 5) < 1e-9,
                  "foot %g", foot);
    /* normal:0.1 at W = 250 named by σ_w² · fan-in = 0.01 · 250 = 2.5, and
     * χ_c defined in the legend */
    ck_assert_msg(strstr(t, "'normal, σ_{w}² · fan-in = 2.5: c* = ") != NULL,
                  "normal:0.1 not named by σ_w² · fan-in = 2.5");
    /* (a word joiner after each subscript: SATSTAT__FIG_SCRIPT_SPACE) */
    ck_assert_ptr_nonnull(strstr(t, "χ_{c}\xE2\x81\xA0 = dc^{ℓ+1}/dc^{ℓ}\xE2\x81\xA0 there"));
    free(t);

    /* deep-jacobian on a log density axis (tanh's spectrum spans more
     * than 20x): outlines only, steps from the bins' left edges, in the
     * scheme's dash; its bins from the first filled one to the last, and
     * an empty one each side, whose step leaves the plot under its foot;
     * the drawn bins integrate to 1 */
    t = depth_read(dir, "deep-jacobian");
    ck_assert_ptr_nonnull(strstr(t, "set logscale y\n"));
    rows = depth_block(t, "j1", 3, v, 400);
    ck_assert(rows >= 3 && rows <= SATSTAT_DEEP_HIST_BINS + 1);
    const char *yr_j = strstr(t, "set yrange [");
    ck_assert_ptr_nonnull(yr_j);
    double jfoot = atof(yr_j + strlen("set yrange ["));
    double mass = 0;
    for (size_t i = 0; i < rows; i++) {
        if (i > 0) /* (consecutive bins) */
            ck_rel(v[3 * i] - v[3 * (i - 1)], v[3 * i + 2], 1e-6);
        if (v[3 * i + 1] >= jfoot)
            mass += v[3 * i + 1] * v[3 * i + 2];
        else
            ck_assert(v[3 * i + 1] > 0 && v[3 * i + 1] < jfoot);
    }
    ck_assert_msg(fabs(mass - 1) < 1e-6, "density integrates to %g", mass);
    ck_assert_ptr_null(strstr(t, "with boxes fillcolor"));
    ck_assert_ptr_nonnull(strstr(t, "$j1 using ($1 - $3 / 2):2 with steps linetype 1 linewidth 2"));
    ck_assert_ptr_nonnull(strstr(t, "keyentry with lines linetype 1 linewidth 2 dashtype 1 title"));
    /* the sizes in the figure (figure review 23, N4) */
    ck_assert_ptr_nonnull(strstr(t, "W = 250, n_{in}"));
    free(t);

    if (system("command -v gnuplot >/dev/null 2>&1") == 0)
        for (size_t k = 0; k < 3; k++) {
            char cmd[1024];
            snprintf(cmd, sizeof cmd,
                     "cd %s && gnuplot -e \"output='/dev/null'\" %s.gp 2>&1", dir, want[k]);
            FILE *p = popen(cmd, "r");
            ck_assert_ptr_nonnull(p);
            char line[512] = "";
            int said = fgets(line, sizeof line, p) != NULL;
            pclose(p);
            ck_assert_msg(!said, "%s: gnuplot said: %s", want[k], line);
        }
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
    satstat_deep_report_free(r);
}
END_TEST

/* deep-jacobian on a linear density axis: orthogonal linear networks have
 * every singular value gain^L, one bin.  Filled with an opaque tint, the
 * scheme's colour at 30 % on white (a 'solid 0.3' fill is an opacity in
 * SVG: two spectra over each other mixed into a grey), the colour read
 * off the script's linetype 1, and outlined. */
START_TEST(test_jacobian_figure_linear_fill)
{
    satstat_config c = config_of("orthogonal:1.1", "linear");
    c.n_in = 24;
    test_config_validate(&c);
    satstat_deep_options o = jacobian_options(4, 24, 3);
    satstat_deep_report *r;
    ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), SATSTAT_OK);
    char dir[] = "/tmp/satstat-jacobian-fill.XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    write_figures(r, dir, NULL);
    char *t = depth_read(dir, "deep-jacobian");
    ck_assert_ptr_null(strstr(t, "set logscale y"));
    double v[SATSTAT_DEEP_HIST_BINS * 3];
    ck_assert_uint_eq(depth_block(t, "j1", 3, v, SATSTAT_DEEP_HIST_BINS), SATSTAT_DEEP_HIST_BINS);
    const char *lt = strstr(t, "set linetype 1 linecolor rgb '#");
    ck_assert_ptr_nonnull(lt);
    unsigned colour = (unsigned)strtoul(lt + strlen("set linetype 1 linecolor rgb '#"), NULL, 16);
    const char *fill = strstr(t, "$j1 using 1:2:3 with boxes fillcolor rgb '#");
    ck_assert_msg(fill != NULL, "deep-jacobian's fill is not an opaque colour");
    unsigned tint = (unsigned)strtoul(fill + strlen("$j1 using 1:2:3 with boxes fillcolor rgb '#"), NULL, 16);
    for (int shift = 0; shift <= 16; shift += 8) {
        double tinted = 0.3 * ((colour >> shift) & 0xFF) + 0.7 * 255;
        ck_assert_msg(fabs(((tint >> shift) & 0xFF) - tinted) <= 0.5, "tint %06X of %06X", tint, colour);
    }
    ck_assert_ptr_null(strstr(t, "fillstyle solid 0.3"));
    ck_assert_ptr_nonnull(strstr(t, "$j1 using 1:2 with histeps linetype 1"));
    free(t);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
    satstat_deep_report_free(r);
}
END_TEST

/* deep-variance's legend says what a mean-field line without a fixed
 * point does, in words: relu's length map with weights of variance
 * sigma_w^2 per unit and no bias is q^{l+1} = sigma_w^2 W q^l / 2 (He et
 * al. 2015, eq. 10; Poole et al. 2016), a factor W/2 = 20 a layer for
 * standard N(0, 1) weights at W = 40, with no fixed point: the row reads
 * "standard, ×20 a layer" (in place of "mean field, no q*").  he-normal's
 * 2/W keeps q^l = q^0 = 1, a fixed point with chi_1 = sigma_w^2 W
 * E[relu'(z)^2] = 2 * 1/2 = 1: "he-normal, χ_{1} = 1". */
START_TEST(test_variance_figure_growth_words)
{
    satstat_config c = config_of("standard,he-normal", "relu");
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_bias_parse("zero", &c.bias, msg, sizeof msg), 0);
    c.n_in = 40;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 3;
    o.width = 40;
    o.networks = 3;
    o.input = SATSTAT_DEEP_INPUT_NORMAL;
    satstat_deep_report *r;
    ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), SATSTAT_OK);
    char dir[] = "/tmp/satstat-variance-words.XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    write_figures(r, dir, NULL);
    char *t = depth_read(dir, "deep-variance");
    ck_assert_msg(strstr(t, "title 'standard, ×20 a layer'") != NULL, "no 'standard, ×20 a layer'");
    /* the space after a subscript follows a word joiner (U+2060,
     * SATSTAT__FIG_SCRIPT_SPACE: librsvg drops a space there) */
    ck_assert_msg(strstr(t, "title 'he-normal, χ_{1}\xE2\x81\xA0 = 1'") != NULL,
                  "no 'he-normal, χ_{1} = 1'");
    ck_assert_ptr_null(strstr(t, "no q*"));
    double v[8 * 5];
    ck_assert_uint_eq(depth_block(t, "s1", 5, v, 8), o.layers);
    for (uint64_t l = 2; l <= o.layers; l++)
        ck_rel(v[(l - 1) * 5 + 4] / v[(l - 2) * 5 + 4], 20.0, 1e-9);
    free(t);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
    satstat_deep_report_free(r);
}
END_TEST

/* The significant digits of a number as printed ("14.0": 3, "0.143": 3,
 * "2.25×10^{6}": 3). */
static int significant_digits(const char *num)
{
    int n = 0, leading = 1;
    for (const char *p = num; *p && strncmp(p, "×", strlen("×")) != 0; p++) {
        if (*p < '0' || *p > '9')
            continue;
        if (*p == '0' && leading)
            continue;
        leading = 0;
        n++;
    }
    return n;
}

/* Review 7's words and marks of deep-density and deep-saturation, read off
 * the scripts against the run's own report:
 * - deep-density's SVG keeps the height asked, at 1280 x 800 and at a
 *   journal's column width (3.5 x 2.4 in, 8 pt, 300 dpi), where it grew
 *   while the svg terminal's taller text left its panels 0.22 in (its text
 *   now spaced as the PNG's: tests/figure_checks.py measures the raster);
 * - every panel's sd_l is the layer's sampled sd to 3 significant digits,
 *   trailing zeros kept ("14.0" beside "13.6");
 * - tanh near the origin (zero bias, 4 active inputs of 200: sd_l about
 *   0.14) shades nothing, and its legend says the region |z| ≥ 4 is off
 *   the axis, at 4 / sd_l of the widest panel shown (μ_b = 0);
 * - deep-saturation's key for a sampled 0 is the marker drawn at the
 *   axis's foot for it (a black ○ stood for the scheme's open squares). */
START_TEST(test_density_and_saturation_figure_words)
{
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_config c = config_of("scaled", "tanh");
    ck_assert_int_eq(satstat_bias_parse("zero", &c.bias, msg, sizeof msg), 0);
    c.n_in = 200;
    c.inputs.active = 4;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 3;
    o.width = 60;
    o.networks = 4;
    satstat_deep_report *r;
    ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), SATSTAT_OK);
    char dir[] = "/tmp/satstat-density-words.XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    write_figures(r, dir, NULL);
    char *t = depth_read(dir, "deep-density-scaled");
    ck_assert_ptr_null(strstr(t, "format eq 'svg' && !exists('height')) height ="));
    double widest = 0;
    for (uint64_t l = 1; l <= o.layers; l++) {
        double sd = sqrt(satstat_deep_report_layer(r, 0, l)->variance.value);
        widest = fmax(widest, sd);
        /* the panel's title: "layer l\nsd_{ℓ}⁠ = X" (a word joiner before
         * the space after the subscript, SATSTAT__FIG_SCRIPT_SPACE) */
        char head[64];
        snprintf(head, sizeof head, "set title \"layer %llu\\nsd_{ℓ}\xE2\x81\xA0 = ", (unsigned long long)l);
        const char *p = strstr(t, head);
        ck_assert_msg(p != NULL, "no title of layer %llu", (unsigned long long)l);
        p += strlen(head);
        char num[32];
        size_t k = 0;
        while (k + 1 < sizeof num && p[k] && p[k] != '"' && p[k] != '\\')
            num[k] = p[k], k++;
        num[k] = '\0';
        ck_assert_ptr_null(strstr(num, "×")); /* (0.1 < sd < 1 here) */
        ck_rel(atof(num), sd, 0.005);
        ck_assert_msg(significant_digits(num) == 3, "sd_l printed as '%s'", num);
    }
    ck_assert_ptr_null(strstr(t, "set object 10 rectangle")); /* nothing shaded */
    /* the bound true in every panel (review 8 S3: "off the axis (±28)"
     * was one layer's): at most the least 4 / sd_l, rounded down to two
     * digits, and said of all the panels */
    const char *row = strstr(t, "title 'saturated |z| ≥ 4: beyond ±");
    ck_assert_msg(row != NULL, "no legend row for the region off the axis");
    row += strlen("title 'saturated |z| ≥ 4: beyond ±");
    double least = 4 / widest, bound = atof(row);
    ck_assert_msg(bound <= least * (1 + 1e-9) && bound > least - pow(10, floor(log10(least)) - 1),
                  "bound %g for the least 4 / sd_l = %g", bound, least);
    ck_assert_msg(strncmp(strchr(row, ' '), " in all'", 8) == 0, "row '%.40s'", row);
    free(t);

    /* the same figure at 3.5 x 2.4 in, 8 pt, 300 dpi: the SVG as high as
     * asked (its text spaced as the PNG's, it no longer grows) */
    satstat_plot_options po = test_paper_options();
    write_figures(r, dir, &po);
    t = depth_read(dir, "deep-density-scaled");
    ck_assert_ptr_null(strstr(t, "format eq 'svg' && !exists('height')) height ="));
    ck_assert_ptr_nonnull(strstr(t, "if (!exists('height')) height = 720"));
    free(t);
    satstat_deep_report_free(r);

    /* sigmoid, standard and scaled, 240 units a layer: scaled saturates
     * no unit in some layers (its mean field 5e-4), standard most */
    satstat_config c2 = config_of("standard,scaled", "sigmoid");
    satstat_deep_options o2;
    satstat_deep_options_default(&o2);
    o2.layers = 4;
    o2.width = 60;
    o2.networks = 4;
    ck_assert_int_eq(satstat_deep_run(&c2, &o2, NULL, NULL, &r), SATSTAT_OK);
    int zero = 0;
    for (uint64_t l = 1; l <= o2.layers; l++)
        zero |= satstat_deep_report_layer(r, 1, l)->saturated_fraction.value == 0;
    ck_assert_msg(zero, "scaled saturated a unit in every layer: no open marker to check");
    write_figures(r, dir, NULL);
    t = depth_read(dir, "deep-saturation");
    /* the drawn zeros, in the strip below the axis's foot: "$s2 using
     * (...):($2 > 0 ? NaN : yzero) with points linetype 2 pointtype P" */
    const char *mark = "($2 > 0 ? NaN : yzero) with points linetype 2 pointtype ";
    const char *drawn = strstr(t, mark);
    ck_assert_msg(drawn != NULL, "no open markers drawn for scaled's zeros");
    int pt = atoi(drawn + strlen(mark));
    ck_assert_msg(pt % 2 == 0, "scaled's zeros drawn with a filled mark (%d)", pt);
    /* the key row: the drawn line's whole style (mark, size, outline) */
    const char *style = strstr(drawn, "with points ");
    const char *end = strstr(drawn, " notitle");
    ck_assert_msg(style != NULL && end != NULL && style < end, "the drawn marker has no style");
    char key[256];
    snprintf(key, sizeof key, "keyentry %.*s title 'open: 0 of %llu'", (int)(end - style), style,
             (unsigned long long)(o2.width * o2.networks));
    ck_assert_msg(strstr(t, key) != NULL, "the key is not the drawn marker: no \"%s\"", key);
    free(t);
    satstat_deep_report_free(r);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* ---- the depth figures' layout (figure reviews 9 and 10) -------------------*/

/* The review's depth case, smaller: tanh, bias N(0, 0.05), normal and
 * orthogonal at σ_w² · fan-in = 2.5 (W = 200), two inputs at correlation
 * pc, with the phase diagram; its figures written into a new folder (dir,
 * at least 40 bytes) at po. */
static satstat_deep_report *depth_case(double pc, const satstat_plot_options *po, char *dir)
{
    satstat_config c = config_of("normal:0.1118034,orthogonal:1.5811388", "tanh");
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_bias_parse("normal:0.2236068", &c.bias, msg, sizeof msg), 0);
    c.n_in = 200;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    satstat_deep_options o;
    satstat_deep_options_default(&o);
    o.layers = 10;
    o.width = 200;
    o.networks = 4;
    o.pair = 1;
    o.pair_correlation = pc;
    satstat_deep_report *r;
    ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), SATSTAT_OK);
    /* the phase diagram over the program's grid (cmd_deep.c) */
    satstat_deep_phase *ph;
    ck_assert_int_eq(satstat_deep_phase_compute(c.activation, 0.0, 81, 0.1, 3162.2776601683795, 41,
                                                0.0, 2.0, 1, NULL, NULL, &ph),
                     SATSTAT_OK);
    strcpy(dir, "/tmp/satstat-depth-room.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    const satstat_deep_report *rs[1] = {r};
    int rc = satstat_deep_plot_write_dir(rs, 1, ph, 0, dir, po, msg, sizeof msg);
    ck_assert_msg(rc == SATSTAT_OK, "deep figures into %s: %s", dir, msg);
    satstat_deep_phase_free(ph);
    return r;
}

static void remove_dir(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* The last "set NAME [a:b]" in text before `end`: *a, *b. */
static void range_before(const char *text, const char *end, const char *name, double *a, double *b)
{
    char head[32];
    snprintf(head, sizeof head, "set %s [", name);
    const char *last = NULL;
    for (const char *p = text; (p = strstr(p, head)) != NULL && p < end; p++)
        last = p;
    ck_assert_msg(last != NULL, "no %s before the points", head);
    char *e;
    *a = strtod(last + strlen(head), &e);
    ck_assert(*e == ':');
    *b = strtod(e + 1, NULL);
}

/* deep-cmap's sampled points are readable (figure review 10 S1: at c0 =
 * 0.99 the 18 were one 28 x 32 px clump at the right end of [0, 1]): the
 * panel that draws them spans under half the c axis, holds every point,
 * and the points fill at least half its width and a third of its height,
 * at c0 = 0.99 and at 0.2 (spread over c from 0.2 to 0.45); the maps are
 * drawn over the whole axis beside it.  And the legend keys each scheme's
 * points with its mark as drawn. */
START_TEST(test_cmap_points_readable)
{
    static const double pcs[] = {0.99, 0.2};
    for (size_t k = 0; k < sizeof pcs / sizeof pcs[0]; k++) {
        char dir[64];
        satstat_deep_report *r = depth_case(pcs[k], NULL, dir);
        char *t = depth_read(dir, "deep-cmap");
        /* (c^l, the step, its interval's ends: the panel holds the bars,
         * and they, not the points alone, fill a third of its height) */
        double v[64 * 4], cmin = INFINITY, cmax = -INFINITY, smin = INFINITY, smax = -INFINITY;
        size_t all = 0;
        for (size_t s = 1; s <= 2; s++) {
            char name[16];
            snprintf(name, sizeof name, "pairs%zu", s);
            size_t rows = depth_block(t, name, 4, v, 64);
            ck_assert_uint_eq(rows, 9);
            for (size_t i = 0; i < rows; i++) {
                const double *row = v + 4 * i;
                /* the step as the report gives it, inside its interval,
                 * and the difference of the two layers' correlations */
                const satstat_deep_layer *ly = satstat_deep_report_layer(r, s - 1, i + 1);
                ck_assert(row[2] < row[1] && row[1] < row[3]);
                ck_assert(fabs(row[1] - (satstat_deep_report_layer(r, s - 1, i + 2)->correlation.value
                                         - ly->correlation.value)) < 1e-8);
                cmin = fmin(cmin, row[0]);
                cmax = fmax(cmax, row[0]);
                smin = fmin(smin, row[2]);
                smax = fmax(smax, row[3]);
                all++;
            }
        }
        ck_assert_ptr_nonnull(strstr(t, "$pairs1 using 1:2:3:4 with yerrorbars linetype 1 linewidth 1.5 dashtype 1 "
                                        "pointtype -1 notitle"));
        /* joined in layer order by a thin line (figure review 23, S1) */
        ck_assert_ptr_nonnull(strstr(t, "$pairs1 using 1:2 with lines linecolor rgb '#"));
        const char *drawn = strstr(t, "$pairs1 using 1:2 with points");
        ck_assert_ptr_nonnull(drawn);
        double x0, x1, y0, y1;
        range_before(t, drawn, "xrange", &x0, &x1);
        range_before(t, drawn, "yrange", &y0, &y1);
        ck_assert_msg(x1 - x0 < 0.5, "c0 = %g: the points' panel spans c %g to %g", pcs[k], x0, x1);
        ck_assert(x0 <= cmin && cmax <= x1 && y0 <= smin && smax <= y1);
        ck_assert_msg(cmax - cmin >= 0.5 * (x1 - x0), "c0 = %g: points over c %g..%g of %g..%g",
                      pcs[k], cmin, cmax, x0, x1);
        ck_assert_msg(smax - smin >= (y1 - y0) / 3, "c0 = %g: steps %g..%g of %g..%g", pcs[k],
                      smin, smax, y0, y1);
        ck_assert_ptr_null(strstr(drawn + 1, "$pairs1 using")); /* drawn once */
        /* the maps over the whole axis, in the other panel */
        const char *map = strstr(t, "$map1 using 1:2 with lines");
        ck_assert_ptr_nonnull(map);
        range_before(t, map, "xrange", &x0, &x1);
        ck_assert(x0 <= 0 && x1 == 1);
        /* the legend keys each scheme's points with its mark as drawn, in
         * its colour (S2: a black □ keyed a sky-blue ⬠ too; review 20, S4:
         * the marks named in words were black) */
        for (size_t s = 1; s <= 2; s++) {
            char head[64], key[512];
            snprintf(head, sizeof head, "$pairs%zu using 1:2 with points linetype %zu pointtype ", s, s);
            const char *p = strstr(t, head);
            ck_assert_ptr_nonnull(p);
            int pt = atoi(p + strlen(head));
            ck_assert_msg(pt >= 4 && pt <= 14 && pt % 2 == 0, "point type %d", pt);
            const char *style = p + strlen("$pairs1 using 1:2 "), *end = strstr(style, " notitle");
            ck_assert_ptr_nonnull(end);
            snprintf(key, sizeof key, "keyentry %.*s title", (int)(end - style), style);
            ck_assert_msg(strstr(t, key) != NULL, "no legend row '%s'", key);
        }
        ck_assert_ptr_null(strstr(t, "'points ("));
        ck_assert_uint_eq(all, 18);
        free(t);
        remove_dir(dir);
        satstat_deep_report_free(r);
    }
}
END_TEST

/* NAME's numbers as gnuplot evaluates the script dir/FIG.gp (format
 * fmt, output to /dev/null): v[i] for the expressions in `exprs` (comma
 * separated, at most 8); 0 when gnuplot is not installed. */
static int gnuplot_numbers(const char *dir, const char *fig, const char *fmt, const char *exprs,
                           double *v, size_t n)
{
    if (system("command -v gnuplot >/dev/null 2>&1") != 0)
        return 0;
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "cd %s && gnuplot -e \"format='%s'; output='/dev/null'\" %s.gp -e \"print %s\" 2>&1",
             dir, fmt, fig, exprs);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    char line[1024] = "", last[1024] = "";
    while (fgets(line, sizeof line, p))
        strcpy(last, line);
    pclose(p);
    char *q = last;
    for (size_t i = 0; i < n; i++) {
        char *e;
        v[i] = strtod(q, &e);
        ck_assert_msg(e != q, "gnuplot printed: %s", last);
        q = e;
    }
    return 1;
}

/* deep-phase-xi's map starts at σ_b² = 0 at every size, its marks' centre
 * inside it: at 3.5 in the range was widened below 0 for the run's mark
 * at σ_b² = 0.05 (figure review 9 S2: the □ of 40 px sat on the x axis),
 * drawn as a grey band keyed "σ_b² < 0, not a variance" that the
 * 1280 x 800 figure had not (review 17, S4); the marks are 18 px now
 * (review 16, S3) and at 1280 x 800 stand clear of the axis, at least
 * half a mark above it (the SVG's 1.29 of it), as gnuplot evaluates the
 * range, the plot's height and the line's.  And deep-phase's map at 3.5 in is at least
 * half the canvas wide, at 1280 x 800 each map at least 0.18 of the
 * canvas (S11: 255 px of 1050, and 490 px of 800 with the lower right
 * third empty; review 16 S10: 0.15 each, beside a legend column with
 * 270 x 440 px of it empty). */
START_TEST(test_phase_marks_inside_and_maps_use_room)
{
    satstat_plot_options po = test_paper_options();
    for (int size = 0; size < 2; size++) {
        char dir[64];
        satstat_deep_report *r = depth_case(0.99, size ? NULL : &po, dir);
        unsigned height = size ? 800 : 720;
        char *t = depth_read(dir, "deep-phase-xi");
        const char *marks = strstr(t, "$schemes << EOD\n");
        ck_assert_ptr_nonnull(marks);
        double mark_y = strtod(strchr(marks + strlen("$schemes << EOD\n"), ' '), NULL);
        ck_rel(mark_y, 0.05, 1e-6);
        ck_assert_ptr_null(strstr(t, "set object 11"));
        ck_assert_ptr_null(strstr(t, "not a variance"));
        /* the script up to its legend, so that GPVAL_Y_* are the map's range */
        char *cut = strstr(t, "# ---- legend");
        ck_assert_ptr_nonnull(cut);
        strcpy(cut, "unset multiplot\n");
        char path[128];
        snprintf(path, sizeof path, "%s/xi-map.gp", dir);
        FILE *out = fopen(path, "w");
        ck_assert_ptr_nonnull(out);
        fputs(t, out);
        fclose(out);
        free(t);
        static const char *const formats[] = {"png", "svg", "pdf"};
        for (size_t f = 0; f < 3; f++) {
            double w[4];
            if (!gnuplot_numbers(dir, "xi-map", formats[f], "GPVAL_Y_MIN, GPVAL_Y_MAX, top - bottom, line_height",
                                 w, 4))
                break;
            ck_assert_msg(w[0] == 0, "%s at %u px: the map from sigma_b^2 = %g", formats[f], height, w[0]);
            double plot_px = w[2] * height;
            /* (a mark of 1.8 pointscale is 0.43 of a line of text high: 18 px
             * of a 42 px line at 3.5 in, 300 dpi) */
            double ring_px = 0.43 * w[3] * height * (f == 1 ? 1.29 : 1);
            double above = (mark_y - w[0]) / (w[1] - w[0]) * plot_px;
            ck_assert_msg(above > 0 && (!size || above >= ring_px / 2 + 2),
                          "%s at %u px: the mark's centre %.1f px above the axis, ring %g", formats[f], height,
                          above, ring_px);
        }
        remove_dir(dir);
        satstat_deep_report_free(r);
    }
    char dir[64];
    satstat_deep_report *r = depth_case(0.99, &po, dir);
    double m[2];
    if (gnuplot_numbers(dir, "deep-phase", "png", "panel_w, panel_h", m, 2))
        ck_assert_msg(m[0] >= 0.5, "deep-phase's map %.0f px wide of 1050", m[0] * 1050);
    remove_dir(dir);
    satstat_deep_report_free(r);

    r = depth_case(0.99, NULL, dir);
    if (gnuplot_numbers(dir, "deep-phase", "png", "panel_w, panel_h", m, 2))
        ck_assert_msg(m[0] * m[1] >= 0.18, "deep-phase's maps %.0f x %.0f px of 1280 x 800", m[0] * 1280,
                      m[1] * 800);
    remove_dir(dir);
    satstat_deep_report_free(r);
}
END_TEST

static Suite *deep_suite(void)
{
    Suite *s = suite_create("deep");
    TCase *mf = tcase_create("mean_field");
    tcase_add_test(mf, test_reference_fixed_point);
    tcase_add_test(mf, test_length_map_iterates);
    tcase_add_test(mf, test_quadrature_accuracy);
    tcase_add_test(mf, test_fixed_point_solver);
    tcase_add_test(mf, test_relu_no_fixed_point);
    tcase_add_test(mf, test_chi1_zero_limit);
    tcase_add_test(mf, test_critical);
    tcase_add_test(mf, test_phase_edge);
    tcase_add_test(mf, test_depth_scales_reference);
    tcase_add_test(mf, test_phase_xi_c);
    suite_add_tcase(s, mf);
    TCase *sm = tcase_create("sampling");
    tcase_set_timeout(sm, 120);
    tcase_add_test(sm, test_sampled_variance_matches_map);
    tcase_add_test(sm, test_gradient_finite_difference);
    tcase_add_test(sm, test_pair_correlation);
    tcase_add_test(sm, test_jacobian_orthogonal_linear);
    tcase_add_test(sm, test_jacobian_figure_linear_fill);
    tcase_add_test(sm, test_jacobian_unresolved_minimum);
    tcase_add_test(sm, test_jacobian_fuss_catalan);
    tcase_add_test(sm, test_jacobian_intervals_positive);
    tcase_add_test(sm, test_jacobian_tanh_free_probability);
    tcase_add_test(sm, test_orthogonal_layers);
    tcase_add_test(sm, test_threads_bit_identical);
    tcase_add_test(sm, test_weight_cache);
    tcase_add_test(sm, test_weight_cache_mixed);
    tcase_add_test(sm, test_simd_paths_identical);
    tcase_add_test(sm, test_fraction_interval_large);
    tcase_add_test(sm, test_interval_ranges);
    tcase_add_test(sm, test_saturation_rule_text);
    tcase_add_test(sm, test_interval_coverage);
    tcase_add_test(sm, test_json_layout);
    tcase_add_test(sm, test_options_and_memory);
    suite_add_tcase(s, sm);
    TCase *md = tcase_create("model");
    /* (a guard against a hang, not a speed test: the phase diagrams' runs
     * took 60-130 s a test on this 2-core machine under a load of 3-8) */
    tcase_set_timeout(md, 240);
    tcase_add_test(md, test_model_in_every_format);
    tcase_add_test(md, test_depth_figures);
    tcase_add_test(md, test_cmap_points_readable);
    tcase_add_test(md, test_phase_marks_inside_and_maps_use_room);
    tcase_add_test(md, test_variance_figure_growth_words);
    tcase_add_test(md, test_density_and_saturation_figure_words);
    suite_add_tcase(s, md);
    TCase *cl = tcase_create("cli");
    tcase_set_timeout(cl, 120);
    tcase_add_test(cl, test_cli_bad_input);
    tcase_add_test(cl, test_transform);
    suite_add_tcase(s, cl);
    return s;
}

TEST_MAIN(deep_suite)
