/* test_sweep.c — satstat/sweep.h and `satstat sweep`: the grid, bad specs,
 * a sweep point against a single run (bit for bit), the JSON and CSV
 * layouts, the figure scripts under gnuplot, and the command's exits. */
#define _GNU_SOURCE /* open_memstream, mkdtemp */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include <satstat/satstat.h>
#include "common.h"

/* ---- helpers ---------------------------------------------------------------*/

static satstat_sweep_spec spec_of(const char *text)
{
    satstat_sweep_spec s;
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    ck_assert_msg(satstat_sweep_spec_parse(text, &s, msg, sizeof msg) == SATSTAT_OK, "%s: %s", text, msg);
    return s;
}

static satstat_config base_of(const char *schemes, uint64_t samples)
{
    satstat_config c = test_config(schemes, samples);
    c.threads = 2;
    return c;
}

static satstat_sweep *sweep_run(const satstat_config *base, const char *spec, int analytic_only)
{
    satstat_sweep_spec s = spec_of(spec);
    satstat_sweep *w = NULL;
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    ck_assert_msg(satstat_sweep_new(base, &s, analytic_only, &w, msg, sizeof msg) == SATSTAT_OK, "%s: %s",
                  spec, msg);
    ck_assert_int_eq(satstat_sweep_run(w, NULL, NULL), SATSTAT_OK);
    return w;
}

static char *write_to_string(const satstat_sweep *w, satstat_format f)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(satstat_sweep_write(w, f, m), SATSTAT_OK);
    fclose(m);
    return buf;
}

/* The script of figure `fig` of the sweep w at plot options o (NULL:
 * the defaults), malloc'ed. */
static char *figure_script(const satstat_sweep *w, size_t fig, const satstat_plot_options *o)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(satstat_sweep_plot_write(w, fig, o, NULL, m), SATSTAT_OK);
    fclose(m);
    return buf;
}

static int same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/* ---- the grid -----------------------------------------------------------------*/

START_TEST(grid_linear)
{
    satstat_sweep_spec s = spec_of("threshold=1:3:5");
    ck_assert_int_eq(s.param, SATSTAT_SWEEP_THRESHOLD);
    ck_assert_uint_eq(s.steps, 5);
    ck_assert(!s.log);
    double v[8];
    size_t n = 0;
    ck_assert_int_eq(satstat_sweep_grid(&s, v, 8, &n), SATSTAT_OK);
    ck_assert_uint_eq(n, 5);
    for (size_t i = 0; i < n; i++)
        ck_assert_double_eq_tol(v[i], 1.0 + 0.5 * (double)i, 1e-15);
    ck_assert(v[0] == 1.0 && v[4] == 3.0); /* ends exact */

    /* default STEPS */
    s = spec_of("p=0:1");
    ck_assert_uint_eq(s.steps, SATSTAT_SWEEP_DEFAULT_STEPS);
    double w[16];
    ck_assert_int_eq(satstat_sweep_grid(&s, w, 16, &n), SATSTAT_OK);
    ck_assert_uint_eq(n, SATSTAT_SWEEP_DEFAULT_STEPS);
    ck_assert(w[0] == 0.0 && w[n - 1] == 1.0);
    for (size_t i = 1; i < n; i++)
        ck_assert(w[i] > w[i - 1]);
}
END_TEST

START_TEST(grid_log)
{
    satstat_sweep_spec s = spec_of("n-in=10:10000:4:log");
    ck_assert(s.log);
    double v[4];
    size_t n = 0;
    ck_assert_int_eq(satstat_sweep_grid(&s, v, 4, &n), SATSTAT_OK);
    ck_assert_uint_eq(n, 4);
    ck_assert(v[0] == 10 && v[1] == 100 && v[2] == 1000 && v[3] == 10000);

    /* STEPS may be left out before :log; decades come out exact */
    s = spec_of("sigma=0.001:1:log");
    ck_assert_uint_eq(s.steps, SATSTAT_SWEEP_DEFAULT_STEPS);
    s = spec_of("sigma=0.01:100:5:log");
    double w[5];
    ck_assert_int_eq(satstat_sweep_grid(&s, w, 5, &n), SATSTAT_OK);
    ck_assert_uint_eq(n, 5);
    ck_assert_double_eq_tol(w[1], 0.1, 1e-16);
    ck_assert_double_eq_tol(w[2], 1.0, 1e-15);
    ck_assert(w[0] == 0.01 && w[4] == 100);
    /* evenly spaced in log: constant ratio */
    for (size_t i = 1; i < n; i++)
        ck_assert_double_eq_tol(w[i] / w[i - 1], 10.0, 1e-12);
}
END_TEST

START_TEST(grid_integer_rounding)
{
    /* 20 points over 1..10: rounded to whole numbers, repeats dropped */
    satstat_sweep_spec s = spec_of("n-in=1:10:20");
    double v[20];
    size_t n = 0;
    ck_assert_int_eq(satstat_sweep_grid(&s, v, 20, &n), SATSTAT_OK);
    ck_assert_uint_eq(n, 10);
    for (size_t i = 0; i < n; i++)
        ck_assert(v[i] == (double)(i + 1));
    /* log n-in: whole numbers, ascending, no repeats */
    s = spec_of("n-in=1:30:25:log");
    double w[25];
    ck_assert_int_eq(satstat_sweep_grid(&s, w, 25, &n), SATSTAT_OK);
    ck_assert(n < 25 && n >= 10);
    ck_assert(w[0] == 1 && w[n - 1] == 30);
    for (size_t i = 0; i < n; i++) {
        ck_assert(w[i] == round(w[i]));
        if (i)
            ck_assert(w[i] > w[i - 1]);
    }
    /* a fractional n-in range holding one whole number is refused */
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    ck_assert_int_eq(satstat_sweep_spec_parse("n-in=1:1.4:5", &s, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_ptr_nonnull(strstr(msg, "only one"));
    /* the canonical form reads back */
    char f[128];
    s = spec_of("n-in=10:1e4:4:log");
    ck_assert_int_eq(satstat_sweep_spec_format(&s, f, sizeof f), SATSTAT_OK);
    ck_assert_str_eq(f, "n-in=10:10000:4:log");
}
END_TEST

START_TEST(grid_p_with_half_inputs)
{
    /* p with `half` inputs is the fraction on: active = round(p n_in), the
     * point's value active/n_in, and repeats are dropped */
    satstat_config b = base_of("scaled", 100);
    b.n_in = 10;
    satstat_sweep_spec s = spec_of("p=0:1:21");
    satstat_sweep *w = NULL;
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    ck_assert_int_eq(satstat_sweep_new(&b, &s, 1, &w, msg, sizeof msg), SATSTAT_OK);
    ck_assert_uint_eq(satstat_sweep_point_count(w), 11);
    for (size_t i = 0; i < 11; i++) {
        const satstat_config *c = satstat_sweep_point_config(w, i);
        ck_assert_uint_eq(c->inputs.active, i);
        ck_assert_double_eq_tol(satstat_sweep_point_value(w, i), (double)i / 10, 1e-15);
    }
    satstat_sweep_free(w);
}
END_TEST

/* ---- bad specs ------------------------------------------------------------*/

START_TEST(bad_specs)
{
    static const char *const bad[] = {
        "", "n-in", "n-in=", "n-in=10", "foo=1:2", "=1:2", "n_in=1:2",
        "n-in=5:1", "n-in=5:5", "n-in=1:10:1", "n-in=1:10:0", "n-in=1:10:x",
        "n-in=1:10:1001", "n-in=1:10:2.5", "n-in=a:10", "n-in=1:b", "n-in=0:10",
        "n-in=1:1e9", "sigma=0:1:log", "sigma=-1:1", "sigma=0:1", "p=0:2",
        "p=-0.1:0.5", "threshold=0:4", "threshold=1:2:3:4", "n-in=1:2:3:lin",
        "n-in=1:2:log:3", "p=nan:1", "threshold=1:inf", "gain=0:2",
        "n-in=10:100:5:log:log",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        satstat_sweep_spec s;
        char msg[SATSTAT_ERRMSG_SIZE] = "";
        ck_assert_msg(satstat_sweep_spec_parse(bad[i], &s, msg, sizeof msg) == SATSTAT_EINVAL,
                      "'%s' was accepted", bad[i]);
        ck_assert_msg(msg[0] != '\0' && !strchr(msg, '\n'), "'%s': no one-line message",
                      bad[i]);
    }
    ck_assert_int_eq(satstat_sweep_spec_parse(NULL, NULL, NULL, 0), SATSTAT_EINVAL);
}
END_TEST

START_TEST(bad_combinations)
{
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_sweep *w = NULL;
    /* sigma needs exactly one normal: scheme */
    satstat_config b = base_of("standard,scaled", 100);
    satstat_sweep_spec s = spec_of("sigma=0.1:1");
    ck_assert_int_eq(satstat_sweep_new(&b, &s, 1, &w, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_ptr_null(w);
    ck_assert_ptr_nonnull(strstr(msg, "normal"));
    b = base_of("normal:1,normal:2", 100);
    ck_assert_int_eq(satstat_sweep_new(&b, &s, 1, &w, msg, sizeof msg), SATSTAT_EINVAL);
    /* p: not with ones; not with an explicit --active */
    b = base_of("scaled", 100);
    ck_assert_int_eq(satstat_inputs_parse("ones", &b.inputs, NULL, 0), SATSTAT_OK);
    s = spec_of("p=0:1");
    ck_assert_int_eq(satstat_sweep_new(&b, &s, 1, &w, msg, sizeof msg), SATSTAT_EINVAL);
    b = base_of("scaled", 100);
    b.inputs.active = 10;
    ck_assert_int_eq(satstat_sweep_new(&b, &s, 1, &w, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "p sets the fraction of inputs on (active = p n_in): leave out "
                          "inputs.active");
    /* gain: only schemes that take one */
    b = base_of("standard,scaled,normal:0.1", 100);
    s = spec_of("gain=0.5:2");
    ck_assert_int_eq(satstat_sweep_new(&b, &s, 1, &w, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_ptr_nonnull(strstr(msg, "not supported by these schemes"));
    /* a point that does not validate: --active 50 with n_in from 10 */
    b = base_of("scaled", 100);
    b.inputs.active = 50;
    s = spec_of("n-in=10:1000:3:log");
    ck_assert_int_eq(satstat_sweep_new(&b, &s, 1, &w, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_str_eq(msg, "at n-in=10: inputs.active 50 exceeds n_in 10");
    /* threshold is T of z:T: a deriv:, output: or dead rule has none */
    static const char *const no_t[] = {"deriv:0.1", "output:0.01", "dead"};
    for (size_t i = 0; i < 3; i++) {
        b = base_of("scaled", 100);
        if (strcmp(no_t[i], "dead") == 0)
            b.activation = satstat_activation_find("relu");
        ck_assert_int_eq(satstat_saturation_parse(no_t[i], &b.saturation, NULL, 0), SATSTAT_OK);
        s = spec_of("threshold=1:3");
        w = NULL;
        ck_assert_int_eq(satstat_sweep_new(&b, &s, 1, &w, msg, sizeof msg), SATSTAT_EINVAL);
        ck_assert_ptr_null(w);
        ck_assert_ptr_nonnull(strstr(msg, no_t[i]));
    }
    /* ... while z:T is replaced by the point's T */
    b = base_of("scaled", 100);
    ck_assert_int_eq(satstat_saturation_parse("z:9", &b.saturation, NULL, 0), SATSTAT_OK);
    b.threshold = 9;
    ck_assert_int_eq(satstat_sweep_new(&b, &s, 1, &w, msg, sizeof msg), SATSTAT_OK);
    ck_assert(satstat_sweep_point_config(w, 0)->threshold == 1.0);
    satstat_sweep_free(w);
    /* gain varied and a base --gain: the base would win at validation */
    b = base_of("he-normal,scaled", 100);
    b.gain = 2;
    s = spec_of("gain=0.5:2");
    w = NULL;
    ck_assert_int_eq(satstat_sweep_new(&b, &s, 1, &w, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_ptr_null(w);
    ck_assert_str_eq(msg, "gain is set at every point by the sweep: gain cannot be given too");
}
END_TEST

/* ---- a point is a single run --------------------------------------------------*/

static void assert_same_report(const satstat_report *a, const satstat_report *b)
{
    size_t ns = satstat_report_scheme_count(a);
    ck_assert_uint_eq(ns, satstat_report_scheme_count(b));
    for (size_t k = 0; k < ns; k++) {
        const satstat_analytic *x = satstat_report_analytic(a, k), *y = satstat_report_analytic(b, k);
        ck_assert(same_bits(x->variance, y->variance));
        ck_assert(same_bits(x->mean, y->mean));
        ck_assert(same_bits(x->saturated_fraction, y->saturated_fraction));
        ck_assert(same_bits(x->mean_activation_derivative, y->mean_activation_derivative));
        const satstat_summary *p = satstat_report_summary(a, k), *q = satstat_report_summary(b, k);
        ck_assert_ptr_nonnull(p);
        ck_assert_ptr_nonnull(q);
        ck_assert(memcmp(satstat_summary_z(p), satstat_summary_z(q), sizeof(satstat_moments)) == 0);
        ck_assert(memcmp(satstat_summary_dphi(p), satstat_summary_dphi(q),
                         sizeof(satstat_moments)) == 0);
        ck_assert_uint_eq(satstat_summary_saturated(p), satstat_summary_saturated(q));
        size_t n1, n2;
        const satstat_test_result *t1 = satstat_report_tests(a, k, &n1);
        const satstat_test_result *t2 = satstat_report_tests(b, k, &n2);
        ck_assert_uint_eq(n1, n2);
        for (size_t j = 0; j < n1; j++) {
            ck_assert(same_bits(t1[j].p_value, t2[j].p_value) || (isnan(t1[j].p_value) && isnan(t2[j].p_value)));
            ck_assert_int_eq(t1[j].state, t2[j].state);
        }
        ck_assert_int_eq(satstat_report_scheme_pass(a, k), satstat_report_scheme_pass(b, k));
    }
}

static satstat_report *single_run(satstat_config *c)
{
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    ck_assert_msg(satstat_config_validate(c, NULL, msg, sizeof msg) == SATSTAT_OK, "%s", msg);
    satstat_report *r = NULL;
    ck_assert_int_eq(satstat_report_run(c, 0, NULL, NULL, &r), SATSTAT_OK);
    return r;
}

START_TEST(point_equals_run_n_in)
{
    satstat_config b = base_of("standard,normal:0.1", 4000);
    satstat_sweep *w = sweep_run(&b, "n-in=10:1000:3:log", 0);
    ck_assert_uint_eq(satstat_sweep_point_count(w), 3);
    for (size_t i = 0; i < 3; i++) {
        /* the config a user would give `satstat run --n-in N` */
        satstat_config c = base_of("standard,normal:0.1", 4000);
        c.n_in = (uint64_t)satstat_sweep_point_value(w, i);
        satstat_report *r = single_run(&c);
        const satstat_config *pc = satstat_sweep_point_config(w, i);
        ck_assert_uint_eq(pc->inputs.active, SATSTAT_ACTIVE_UNSET);
        ck_assert_uint_eq(satstat_inputs_support(&pc->inputs, pc->n_in), c.n_in / 2);
        assert_same_report(satstat_sweep_point_report(w, i), r);
        satstat_report_free(r);
    }
    satstat_sweep_free(w);
}
END_TEST

START_TEST(point_equals_run_other_params)
{
    /* threshold */
    satstat_config b = base_of("scaled", 3000);
    satstat_sweep *w = sweep_run(&b, "threshold=1:3:3", 0);
    satstat_config c = base_of("scaled", 3000);
    c.threshold = 2;
    satstat_report *r = single_run(&c);
    assert_same_report(satstat_sweep_point_report(w, 1), r);
    satstat_report_free(r);
    satstat_sweep_free(w);

    /* sigma: the normal: scheme's SIGMA replaced; the other scheme kept */
    b = base_of("normal:1,scaled", 3000);
    w = sweep_run(&b, "sigma=0.01:1:3:log", 0);
    ck_assert_str_eq(satstat_sweep_series_name(w, 0), "normal:SIGMA");
    ck_assert_str_eq(satstat_sweep_series_name(w, 1), "scaled");
    c = base_of("normal:0.1,scaled", 3000);
    r = single_run(&c);
    assert_same_report(satstat_sweep_point_report(w, 1), r);
    ck_assert_double_eq_tol(satstat_report_analytic(r, 0)->variance, 0.01 * 500 + 1, 1e-12);
    satstat_report_free(r);
    satstat_sweep_free(w);

    /* p with bernoulli inputs */
    b = base_of("scaled", 3000);
    ck_assert_int_eq(satstat_inputs_parse("bernoulli:0.9", &b.inputs, NULL, 0), SATSTAT_OK);
    w = sweep_run(&b, "p=0.2:0.6:3", 0);
    c = base_of("scaled", 3000);
    ck_assert_int_eq(satstat_inputs_parse("bernoulli:0.4", &c.inputs, NULL, 0), SATSTAT_OK);
    r = single_run(&c);
    assert_same_report(satstat_sweep_point_report(w, 1), r);
    satstat_report_free(r);
    satstat_sweep_free(w);
}
END_TEST

/* --gain, --mode, --saturation, --expect-variance: the same at every
 * point, and each point is the run with those options. */
START_TEST(point_equals_run_run_options)
{
    satstat_config b = base_of("he-normal,scaled,xavier-uniform:3", 3000);
    ck_assert_int_eq(satstat_gain_parse("tanh", &b.gain, NULL, 0), SATSTAT_OK);
    ck_assert_int_eq(satstat_fan_mode_parse("fan_avg", &b.mode, NULL, 0), SATSTAT_OK);
    ck_assert_int_eq(satstat_saturation_parse("deriv:0.1", &b.saturation, NULL, 0), SATSTAT_OK);
    b.claimed_variance = 1.5;
    satstat_sweep *w = sweep_run(&b, "n-in=10:1000:3:log", 0);
    /* the series are named as the points have them: --gain and --mode
     * applied, a spec's own gain kept (5/3 is tanh's gain) */
    ck_assert_str_eq(satstat_sweep_series_name(w, 0), "he-normal:1.6666666666666667,fan_avg");
    ck_assert_str_eq(satstat_sweep_series_name(w, 2), "xavier-uniform:3");
    for (size_t i = 0; i < 3; i++) {
        satstat_config c = base_of("he-normal,scaled,xavier-uniform:3", 3000);
        c.n_in = (uint64_t)satstat_sweep_point_value(w, i);
        c.gain = 5.0 / 3.0;
        c.mode = SATSTAT_FAN_AVG;
        ck_assert_int_eq(satstat_saturation_parse("deriv:0.1", &c.saturation, NULL, 0), SATSTAT_OK);
        c.claimed_variance = 1.5;
        satstat_report *r = single_run(&c);
        const satstat_report *p = satstat_sweep_point_report(w, i);
        assert_same_report(p, r);
        const satstat_config *pc = satstat_sweep_point_config(w, i);
        ck_assert(pc->claimed_variance == 1.5);
        ck_assert_int_eq(pc->saturation.kind, SATSTAT_SATURATION_DERIV);
        /* he-normal, fan_avg, gain 5/3: Var z = g^2/((n_in + n_out)/2) n_in/2 + 1 */
        double n = (double)c.n_in, g2 = 25.0 / 9.0;
        ck_assert_double_eq_tol(satstat_report_analytic(p, 0)->variance,
                                g2 / ((n + 100) / 2) * floor(n / 2) + 1, 1e-12);
        /* deriv:0.1 for the sigmoid is |z| >= 3.63689, not the default |z| >= 4 */
        ck_assert_double_eq_tol(satstat_report_analytic(p, 1)->region.above, 3.63689, 1e-5);
        satstat_report_free(r);
    }
    /* the text names the rule and the claim; the command replays them
     * (read back as a shell would: " \\\n" continues the line) */
    char *text = write_to_string(w, SATSTAT_FORMAT_TEXT);
    for (char *cont; (cont = strstr(text, " \\\n")) != NULL;) {
        size_t skip = 3;
        while (cont[skip] == ' ')
            skip++;
        memmove(cont + 1, cont + skip, strlen(cont + skip) + 1);
    }
    ck_assert_ptr_nonnull(strstr(text, "saturated (deriv:0.1)"));
    ck_assert_ptr_nonnull(strstr(text, "claimed Var z = 1.5"));
    ck_assert_ptr_nonnull(strstr(text, " --gain 1.6666666666666667 --mode fan_avg"));
    ck_assert_ptr_nonnull(strstr(text, " --saturation deriv:0.1"));
    ck_assert_ptr_nonnull(strstr(text, " --expect-variance 1.5"));
    ck_assert_ptr_null(strstr(text, " --threshold"));
    free(text);
    /* the variance figure draws the claim as a level line */
    char *buf = figure_script(w, 0, NULL);
    ck_assert_ptr_nonnull(strstr(buf, "claimed_variance = 1.5"));
    ck_assert_ptr_nonnull(strstr(buf, "claimed_variance with lines"));
    free(buf);
    satstat_sweep_free(w);
}
END_TEST

/* A threshold sweep's point is `run --threshold T`, i.e. z:T: for relu
 * too, whose default rule (dead units, z <= 0) has no T. */
START_TEST(threshold_sweep_is_z_rule)
{
    satstat_config b = base_of("scaled", 3000);
    b.activation = satstat_activation_find("relu");
    satstat_sweep *w = sweep_run(&b, "threshold=1:3:3", 0);
    double last = 2;
    for (size_t i = 0; i < 3; i++) {
        const satstat_config *pc = satstat_sweep_point_config(w, i);
        ck_assert_int_eq(pc->saturation.kind, SATSTAT_SATURATION_Z);
        satstat_config c = base_of("scaled", 3000);
        c.activation = satstat_activation_find("relu");
        c.threshold = satstat_sweep_point_value(w, i);
        c.saturation.kind = SATSTAT_SATURATION_Z; /* what run's --threshold sets */
        c.saturation.value = c.threshold;
        satstat_report *r = single_run(&c);
        assert_same_report(satstat_sweep_point_report(w, i), r);
        /* relu's z:T is z <= -T: the fraction falls with T */
        double f = satstat_report_analytic(r, 0)->saturated_fraction;
        ck_assert(f < last && f > 0);
        last = f;
        satstat_report_free(r);
    }
    satstat_sweep_free(w);

    /* outside a threshold sweep relu keeps its default rule: the command
     * says --saturation dead, since --threshold would make it z:T */
    w = sweep_run(&b, "n-in=10:100:2", 1);
    char cmd[4096];
    ck_assert_int_eq(satstat_sweep_command(w, cmd, sizeof cmd), SATSTAT_OK);
    ck_assert_ptr_nonnull(strstr(cmd, " --saturation dead"));
    ck_assert_ptr_null(strstr(cmd, " --threshold"));
    satstat_sweep_free(w);
}
END_TEST

START_TEST(gain_when_supported)
{
    /* gain-using schemes (xavier-*, he-*, orthogonal) exist in this build
     * when he-normal parses; the others stay fixed */
    satstat_scheme he;
    if (satstat_scheme_parse("he-normal", &he, NULL, 0) != SATSTAT_OK)
        return;
    satstat_config b = base_of("he-normal,scaled", 1000);
    satstat_sweep *w = sweep_run(&b, "gain=0.5:2:3:log", 1);
    ck_assert_str_eq(satstat_sweep_series_name(w, 0), "he-normal:GAIN");
    /* he-normal, fan_in: Var w = gain²/n_in, so Var z = gain²·500/1000 + 1 */
    for (size_t i = 0; i < 3; i++) {
        double g = satstat_sweep_point_value(w, i);
        const satstat_analytic *a = satstat_report_analytic(satstat_sweep_point_report(w, i), 0);
        ck_assert_double_eq_tol(a->variance, g * g * 0.5 + 1, 1e-12);
        const satstat_analytic *s = satstat_report_analytic(satstat_sweep_point_report(w, i), 1);
        ck_assert_double_eq_tol(s->variance, 1.5, 1e-12);
    }
    satstat_sweep_free(w);
}
END_TEST

/* ---- JSON, CSV, text ----------------------------------------------------------*/

START_TEST(json_layout)
{
    satstat_config b = base_of("standard,scaled", 2000);
    satstat_sweep *w = sweep_run(&b, "n-in=10:1000:3:log", 0);
    char *text = write_to_string(w, SATSTAT_FORMAT_JSON);
    json_error_t err;
    json_t *root = json_loads(text, 0, &err);
    ck_assert_msg(root != NULL, "JSON does not parse: %s (line %d)", err.text, err.line);
    ck_assert_str_eq(json_string_value(json_object_get(root, "command")), "sweep");
    json_t *vary = json_object_get(root, "vary");
    ck_assert_str_eq(json_string_value(json_object_get(vary, "parameter")), "n-in");
    ck_assert(json_is_true(json_object_get(vary, "log")));
    ck_assert_uint_eq(json_array_size(json_object_get(vary, "values")), 3);
    ck_assert_uint_eq(json_array_size(json_object_get(root, "schemes")), 2);
    ck_assert(json_is_boolean(json_object_get(root, "pass")));
    json_t *points = json_object_get(root, "points");
    ck_assert_uint_eq(json_array_size(points), 3);
    for (size_t i = 0; i < 3; i++) {
        json_t *p = json_array_get(points, i);
        ck_assert(json_number_value(json_object_get(p, "value"))
                  == satstat_sweep_point_value(w, i));
        ck_assert(json_is_boolean(json_object_get(p, "pass")));
        json_t *cfg = json_object_get(p, "config");
        ck_assert_int_eq(json_integer_value(json_object_get(cfg, "n_in")),
                         (json_int_t)satstat_sweep_point_value(w, i));
        ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(cfg, "command")),
                                     "satstat run"));
        json_t *schemes = json_object_get(p, "schemes");
        ck_assert_uint_eq(json_array_size(schemes), 2);
        const satstat_report *r = satstat_sweep_point_report(w, i);
        for (size_t k = 0; k < 2; k++) {
            json_t *s = json_array_get(schemes, k);
            json_t *an = json_object_get(s, "analytic");
            json_t *em = json_object_get(s, "empirical");
            ck_assert_ptr_nonnull(an);
            ck_assert_ptr_nonnull(em);
            /* the numbers read back bit for bit */
            ck_assert(same_bits(json_real_value(json_object_get(an, "variance")),
                                satstat_report_analytic(r, k)->variance));
            ck_assert(json_is_number(json_object_get(an, "saturated_fraction")));
            ck_assert(json_is_number(json_object_get(an, "mean_activation_derivative")));
            ck_assert(same_bits(json_real_value(json_object_get(em, "variance")),
                                satstat_moments_variance(
                                    satstat_summary_z(satstat_report_summary(r, k)))));
            ck_assert_uint_eq(json_array_size(json_object_get(em, "variance_ci")), 2);
            ck_assert_uint_eq(json_array_size(json_object_get(em, "saturated_fraction_ci")), 2);
            ck_assert_uint_eq(
                json_array_size(json_object_get(em, "mean_activation_derivative_ci")), 2);
            ck_assert(json_is_number(json_object_get(em, "saturated_fraction")));
            ck_assert(json_is_array(json_object_get(s, "tests")));
        }
    }
    json_decref(root);
    free(text);
    satstat_sweep_free(w);
}
END_TEST

START_TEST(csv_layout)
{
    satstat_config b = base_of("standard,scaled,normal:0.1", 1000);
    satstat_sweep *w = sweep_run(&b, "threshold=1:5:4", 0);
    char *text = write_to_string(w, SATSTAT_FORMAT_CSV);
    char *nl = strchr(text, '\n');
    ck_assert_ptr_nonnull(nl);
    *nl = '\0';
    ck_assert_str_eq(text, SATSTAT_SWEEP_CSV_HEADER);
    size_t commas = 0;
    for (const char *p = text; *p; p++)
        commas += *p == ',';
    size_t rows = 0;
    for (char *line = nl + 1; *line;) {
        char *end = strchr(line, '\n');
        ck_assert_ptr_nonnull(end);
        *end = '\0';
        size_t c = 0;
        for (const char *p = line; *p; p++)
            c += *p == ',';
        ck_assert_uint_eq(c, commas);
        ck_assert(strncmp(line, "threshold,", 10) == 0);
        rows++;
        line = end + 1;
    }
    ck_assert_uint_eq(rows, 4 * 3);
    free(text);

    /* the text table names every scheme and ends with a verdict */
    text = write_to_string(w, SATSTAT_FORMAT_TEXT);
    ck_assert_ptr_nonnull(strstr(text, "scheme 'normal:0.1'"));
    ck_assert_ptr_nonnull(strstr(text, "verdict: "));
    free(text);
    satstat_sweep_free(w);
}
END_TEST

/* Text fits the width: 100 columns by default, narrower on request; the
 * quantities wrap into blocks that repeat the parameter column, and every
 * point's verdict is there. */
START_TEST(text_fits_width)
{
    satstat_config b = base_of("scaled,orthogonal,normal:0.1", 1000);
    b.n_in = 200;
    b.inputs.active = 100;
    satstat_sweep *w = sweep_run(&b, "threshold=1:5:3", 0);
    for (unsigned width = 60; width <= 100; width += 20) {
        char *buf = NULL;
        size_t len = 0, pass_lines = 0;
        FILE *m = open_memstream(&buf, &len);
        ck_assert_ptr_nonnull(m);
        if (width == 100)
            ck_assert_int_eq(satstat_sweep_write(w, SATSTAT_FORMAT_TEXT, m), SATSTAT_OK);
        else
            ck_assert_int_eq(satstat_sweep_write_text(w, width, m), SATSTAT_OK);
        fclose(m);
        for (const char *line = buf; *line;) {
            const char *end = strchr(line, '\n');
            ck_assert_ptr_nonnull(end);
            ck_assert_msg((unsigned)(end - line) <= width, "width %u: line of %d: %.*s", width,
                          (int)(end - line), (int)(end - line), line);
            /* a point's row ends with its verdict */
            pass_lines += end - line > 6 && (strncmp(end - 4, "pass", 4) == 0 ||
                                             strncmp(end - 4, "FAIL", 4) == 0);
            line = end + 1;
        }
        ck_assert_uint_eq(pass_lines, 3 * 3);
        free(buf);
    }
    satstat_sweep_free(w);
}
END_TEST

/* Progress counts work, not neurons: after each point of an n-in sweep
 * the fraction done is that point's share of sum (n_in + 1), so the
 * estimate of the time left is not fooled by the cheap small fan-ins. */
typedef struct progress_log {
    double frac[4096];
    size_t n;
} progress_log;

static int log_progress(void *ctx, uint64_t done, uint64_t total)
{
    progress_log *l = ctx;
    ck_assert_uint_le(done, total);
    if (l->n < 4096)
        l->frac[l->n++] = (double)done / (double)total;
    return 0;
}

START_TEST(progress_weighs_work)
{
    satstat_config b = base_of("scaled", 20000);
    satstat_sweep_spec spec = spec_of("n-in=10:1000:3:log");
    satstat_sweep *w = NULL;
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    ck_assert_int_eq(satstat_sweep_new(&b, &spec, 0, &w, msg, sizeof msg), SATSTAT_OK);
    static progress_log l;
    l.n = 0;
    ck_assert_int_eq(satstat_sweep_run(w, log_progress, &l), SATSTAT_OK);
    ck_assert_uint_gt(l.n, 3);
    for (size_t i = 1; i < l.n; i++)
        ck_assert_msg(l.frac[i] >= l.frac[i - 1], "progress went back at call %zu", i);
    ck_assert(l.frac[l.n - 1] == 1.0);
    /* the fan-ins are 10, 100, 1000: work shares 11, 101, 1001 of 1113;
     * counted in neurons the first point alone would say 1/3 */
    double first = 11.0 / 1113.0, second = 112.0 / 1113.0;
    int saw_first = 0, saw_second = 0;
    for (size_t i = 0; i < l.n; i++) {
        saw_first |= fabs(l.frac[i] - first) < 1e-6;
        saw_second |= fabs(l.frac[i] - second) < 1e-6;
        /* counted in neurons, 1/3 and 2/3 would be reported */
        ck_assert(fabs(l.frac[i] - 1.0 / 3.0) > 1e-6 && fabs(l.frac[i] - 2.0 / 3.0) > 1e-6);
    }
    ck_assert(saw_first && saw_second);
    satstat_sweep_free(w);
}
END_TEST

/* ---- figures ----------------------------------------------------------------*/

static int have_gnuplot(void)
{
    return satstat_gnuplot_find(NULL, NULL, 0) == SATSTAT_OK;
}

static void render_all(const satstat_sweep *w, const char *tag)
{
    char dir[] = "/tmp/satstat-sweep-test-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char sub[sizeof dir + 16];
    snprintf(sub, sizeof sub, "%s/figs", dir);
    char msg[SATSTAT_ERRMSG_SIZE * 2] = "";
    ck_assert_msg(satstat_sweep_plot_write_dir(w, sub, NULL, msg, sizeof msg) == SATSTAT_OK, "%s",
                  msg);
    for (size_t i = 0; i < SATSTAT_SWEEP_FIGURES; i++) {
        char cmd[512], err[256], img[256];
        snprintf(err, sizeof err, "%s/%s.err", dir, satstat_sweep_plot_name(i));
        snprintf(img, sizeof img, "%s/%s.png", sub, satstat_sweep_plot_name(i));
        snprintf(cmd, sizeof cmd, "cd '%s' && gnuplot '%s.gp' 2>'%s'", sub,
                 satstat_sweep_plot_name(i), err);
        int st = system(cmd);
        ck_assert_msg(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s: %s failed", tag,
                      cmd);
        struct stat sb;
        ck_assert_int_eq(stat(err, &sb), 0);
        if (sb.st_size != 0) {
            char buf[512] = "";
            FILE *f = fopen(err, "r");
            if (f) {
                size_t n = fread(buf, 1, sizeof buf - 1, f);
                buf[n] = '\0';
                fclose(f);
            }
            ck_abort_msg("%s: gnuplot wrote to stderr on %s: %s", tag,
                         satstat_sweep_plot_name(i), buf);
        }
        ck_assert_int_eq(stat(img, &sb), 0);
        ck_assert(sb.st_size > 1000);
        remove(img);
        remove(err);
        snprintf(img, sizeof img, "%s/%s.gp", sub, satstat_sweep_plot_name(i));
        remove(img);
    }
    rmdir(sub);
    rmdir(dir);
}

START_TEST(figures_render_quietly)
{
    /* gnuplot is part of the test set-up (tools/setup, CI): its absence
     * is a failure, never a silent pass */
    ck_assert_msg(have_gnuplot(), "gnuplot is not on PATH: install gnuplot-nox");
    /* the issue's example shape: log n-in over several schemes */
    satstat_config b = base_of("standard,scaled,normal:0.1,uniform:0.1", 2000);
    satstat_sweep *w = sweep_run(&b, "n-in=10:10000:4:log", 0);
    render_all(w, "n-in log");
    /* Var z spans decades: a log y axis; log x for a log sweep */
    char *buf = figure_script(w, 0, NULL);
    ck_assert_ptr_nonnull(strstr(buf, "set logscale y"));
    ck_assert_ptr_nonnull(strstr(buf, "set logscale x"));
    ck_assert_ptr_nonnull(strstr(buf, "DejaVu Sans"));
    ck_assert_ptr_nonnull(strstr(buf, "#0072B2"));
    free(buf);
    satstat_sweep_free(w);

    /* linear, analytic only */
    b = base_of("scaled,normal:0.05", 1000);
    w = sweep_run(&b, "threshold=0.5:6:6", 1);
    render_all(w, "threshold, analytic only");
    satstat_sweep_free(w);

    /* p with bernoulli inputs, sampled zeros at p = 0 */
    b = base_of("standard,scaled", 1000);
    ck_assert_int_eq(satstat_inputs_parse("bernoulli:0.5", &b.inputs, NULL, 0), SATSTAT_OK);
    b.bias = (satstat_bias){0};
    ck_assert_int_eq(satstat_bias_parse("zero", &b.bias, NULL, 0), SATSTAT_OK);
    w = sweep_run(&b, "p=0:1:5", 0);
    render_all(w, "p from 0");
    satstat_sweep_free(w);
}
END_TEST

/* The script of `figure` for a threshold sweep 1:6:6 of `schemes` over
 * `samples` neurons (malloc'ed). */
static char *threshold_script_of(const char *schemes, const char *figure, uint64_t samples)
{
    satstat_config b = base_of(schemes, samples);
    satstat_sweep *w = sweep_run(&b, "threshold=1:6:6", 0);
    size_t fig = SATSTAT_SWEEP_FIGURES;
    for (size_t i = 0; i < SATSTAT_SWEEP_FIGURES; i++)
        if (strcmp(satstat_sweep_plot_name(i), figure) == 0)
            fig = i;
    ck_assert_uint_lt(fig, SATSTAT_SWEEP_FIGURES);
    char *buf = figure_script(w, fig, NULL);
    satstat_sweep_free(w);
    return buf;
}

/* ... over 2000 neurons. */
static char *threshold_script(const char *schemes, const char *figure)
{
    return threshold_script_of(schemes, figure, 2000);
}

/* ... its saturated-fraction figure. */
static char *saturated_script(const char *schemes)
{
    return threshold_script(schemes, "sweep-saturated-fraction");
}

/* The point type of scheme k's sampled-0 mark in the script (-1: none). */
/* Where scheme k's drawn zero marks are: the "with points ..." of its
 * "$sampleK using X:($2 > 0 ? NaN : yzero)" element, up to its line's end
 * (*eol, NULL at the buffer's end); NULL when none is drawn. */
static const char *zero_mark_style(const char *buf, size_t k, const char **eol)
{
    char drawn[96];
    snprintf(drawn, sizeof drawn, "$sample%zu using ", k);
    for (const char *p = buf; (p = strstr(p, drawn)) != NULL; p++) {
        *eol = strchr(p, '\n');
        const char *at = strstr(p, ":($2 > 0 ? NaN : yzero) with points ");
        if (at && (!*eol || at < *eol))
            return strstr(at, "with points ");
    }
    return NULL;
}

static int zero_mark(const char *buf, size_t k)
{
    const char *eol, *style = zero_mark_style(buf, k, &eol);
    const char *pt = style ? strstr(style, "pointtype ") : NULL;
    return pt ? atoi(pt + strlen("pointtype ")) : -1;
}

/* The key row that shows scheme k's drawn zero mark as drawn: "keyentry"
 * and the drawn line's whole style ("with points linetype k pointtype P
 * pointsize ... linewidth open_lw"), into key; 0 when no mark is drawn. */
static int zero_mark_key(const char *buf, size_t k, char *key, size_t size)
{
    const char *eol, *style = zero_mark_style(buf, k, &eol);
    const char *end = style ? strstr(style, " notitle") : NULL;
    if (!end || (eol && end > eol))
        return 0;
    snprintf(key, size, "keyentry %.*s title ", (int)(end - style), style);
    return 1;
}

/* A sampled 0 on a log axis is drawn open in its scheme's colour and
 * mark; the key shows that same mark (figure review 9: a ring keyed a
 * drawn square), for every scheme with a 0 (review 10 S3: with two, the
 * words "open marker" keyed neither). */
START_TEST(open_zero_key_is_drawn_mark)
{
    char *buf = saturated_script("standard,scaled");
    /* scaled (linetype 2) has no unit beyond 6 in 2000 (P = 9.4e-7) */
    int pt = zero_mark(buf, 2);
    ck_assert_msg(pt >= 0, "no open mark drawn for scaled's sampled 0");
    ck_assert_int_eq(pt % 2, 0); /* an open mark */
    char key[256];
    snprintf(key, sizeof key, "with points linetype 2 pointtype %d", pt);
    const char *row = strstr(buf, key);
    ck_assert_msg(row != NULL, "the key does not show the drawn mark (%s)", key);
    ck_assert_ptr_nonnull(strstr(row, "open: sampled 0"));
    ck_assert_ptr_null(strstr(buf, "with points linecolor rgb ink pointtype 6"));
    ck_assert_int_lt(zero_mark(buf, 1), 0); /* standard has no 0 */
    free(buf);

    /* two schemes' zeros: two rows, each with its scheme's drawn mark */
    buf = saturated_script("scaled,normal:0.01");
    for (size_t k = 1; k <= 2; k++) {
        pt = zero_mark(buf, k);
        ck_assert_msg(pt >= 0 && pt % 2 == 0, "scheme %zu: no open mark drawn", k);
        ck_assert(zero_mark_key(buf, k, key, sizeof key));
        row = strstr(buf, key);
        ck_assert_msg(row != NULL, "scheme %zu: its mark not in the key (%s)", k, key);
        ck_assert_ptr_nonnull(strstr(row, k == 1 ? "scaled: sampled 0" : "normal, σ = 0.01: sampled 0"));
    }
    free(buf);
}
END_TEST

/* The rows of scheme k's $sampleK block: x, y, lo, hi and the x drawn
 * (column 5, written where points are set apart); rows read. */
static size_t sample_rows(const char *buf, size_t k, double (*row)[5], size_t max)
{
    char head[48];
    snprintf(head, sizeof head, "$sample%zu << EOD\n", k);
    const char *p = strstr(buf, head);
    ck_assert_ptr_nonnull(p);
    p += strlen(head);
    size_t n = 0;
    while (n < max && strncmp(p, "EOD", 3) != 0) {
        int got = sscanf(p, "%lf %lf %lf %lf %lf", &row[n][0], &row[n][1], &row[n][2], &row[n][3], &row[n][4]);
        ck_assert_msg(got == 5, "scheme %zu row %zu: %d columns", k, n, got);
        n++;
        p = strchr(p, '\n') + 1;
    }
    return n;
}

/* Schemes' points at one x are set apart sideways, so that one bar does
 * not hide another (figure review 11: at T = 6 normal:0.01's bar covered
 * scaled's): two whose bars overlap are drawn a mark's width apart or
 * more, within half the step, and the x range holds them.  Only at the x
 * where two schemes' points meet: set
 * apart at every T beside a curve falling 1.3 decades a unit of T, a point
 * on its formula looked 1.75 times off it (figure review 23, S6); and only
 * the schemes that meet (figure review 24, M2). */
START_TEST(schemes_dodged_at_shared_x)
{
    /* three schemes over 2000 neurons: they meet at every T; two over
     * 100 000 (scaled, normal:0.01), whose intervals at T = 3 and 4 are
     * far apart: set apart at some T only */
    for (int pair = 0; pair < 2; pair++) {
        size_t ns = pair ? 2 : 3;
        char *buf = pair ? threshold_script_of("scaled,normal:0.01", "sweep-saturated-fraction", 100000)
                         : saturated_script("standard,scaled,normal:0.01");
        double row[3][8][5];
        size_t n = 0, apart = 0, together = 0;
        for (size_t k = 1; k <= ns; k++) {
            char head[48];
            snprintf(head, sizeof head, "$sample%zu using 5:", k);
            ck_assert_msg(strstr(buf, head) != NULL, "scheme %zu: not drawn at column 5", k);
            n = sample_rows(buf, k, row[k - 1], 8);
            ck_assert_uint_eq(n, 6);
        }
        double least = INFINITY;
        for (size_t i = 0; i < n; i++) {
            int moved = 0;
            for (size_t k = 0; k < ns; k++) {
                double off = row[k][i][4] - row[k][i][0];
                moved |= off != 0;
                /* within half the step between points either side */
                ck_assert(fabs(off) <= 0.5);
                least = fmin(least, off);
                for (size_t j = 0; j < k; j++) {
                    int overlap = row[k][i][2] <= row[j][i][3] && row[j][i][2] <= row[k][i][3];
                    /* two bars that overlap are drawn apart by more than a
                     * mark's width at 1280 px (the step is 1 over 0.9 of
                     * 800 px: 0.1 is 72 px) */
                    if (overlap)
                        ck_assert_msg(fabs(row[k][i][4] - row[j][i][4]) >= 0.05,
                                      "T = %g: schemes %zu and %zu overlap %g apart", row[0][i][0], j, k,
                                      fabs(row[k][i][4] - row[j][i][4]));
                }
            }
            apart += moved;
            together += !moved;
        }
        ck_assert_uint_gt(apart, 0);
        if (pair)
            ck_assert_uint_gt(together, 0);
        const char *xmin = strstr(buf, "\nxmin = ");
        ck_assert_ptr_nonnull(xmin);
        ck_assert(strtod(xmin + 8, NULL) < 1 + fmin(least, 0));
        free(buf);
    }
}
END_TEST

/* ... and only where two schemes' points meet: standard's and scaled's
 * mean slopes over a threshold sweep are far apart (0.018 and 0.19 at
 * 2000 neurons), so neither is set apart, and a point set apart on a
 * sloped curve no longer sits off its own formula (figure review 22). */
START_TEST(schemes_apart_not_dodged)
{
    char *buf = threshold_script("standard,scaled", "sweep-activation-derivative");
    for (size_t k = 1; k <= 2; k++) {
        char head[48];
        snprintf(head, sizeof head, "$sample%zu using 1:", k);
        ck_assert_msg(strstr(buf, head) != NULL, "scheme %zu's points set apart", k);
    }
    ck_assert_ptr_null(strstr(buf, "set apart sideways"));
    free(buf);
}
END_TEST

/* A sampled 0 on the log axis sits in a strip of its own labelled 0 below
 * the data's foot, its bar starting above the mark: drawn at the foot it
 * straddled the bottom spine with the stem through it, and read as a
 * value (figure review 9 S2, S12; review 11).  The formula curves end at
 * the foot; the decades' labels start at it. */
START_TEST(zero_in_strip_below_foot)
{
    char *buf = saturated_script("scaled,normal:0.01");
    ck_assert_ptr_nonnull(strstr(buf, "set yrange [yfoot:yhi]"));
    ck_assert_ptr_nonnull(strstr(buf, "set ytics add ('0' yzero)"));
    ck_assert_ptr_null(strstr(buf, "NaN : ylo):(ylo)")); /* no mark at the foot */
    ck_assert_ptr_nonnull(strstr(buf, "$sample1 using 5:"));
    ck_assert_ptr_nonnull(strstr(buf, ":($2 > 0 ? NaN : yzero):(zero_bar):4 with yerrorbars"));
    ck_assert_ptr_nonnull(strstr(buf, "$formula2 using 1:($2 >= ylo ? $2 : NaN)"));
    /* the strip's numbers, run in gnuplot: yfoot < yzero < zero_bar < ylo */
    const char *a = strstr(buf, "zero_line = ");
    ck_assert_ptr_nonnull(a);
    double ylo = strtod(strstr(buf, "\nylo = ") + 7, NULL);
    double yhi = strtod(strstr(buf, "\nyhi = ") + 7, NULL);
    /* (the script's formulas at a line of 1/20 of the plot's height) */
    double zl = 0.05, strip = 1.2 * zl;
    double yfoot = ylo / pow(yhi / ylo, strip / (1 - strip));
    double dec = log10(yhi / yfoot);
    double yzero = yfoot * pow(10, 0.45 * zl * dec), bar = yzero * pow(10, 0.3 * zl * dec);
    ck_assert(yfoot < yzero && yzero < bar && bar < ylo);
    ck_assert_ptr_nonnull(strstr(a, "zero_strip = 1.2 * zero_line"));
    ck_assert_ptr_nonnull(strstr(a, "yzero = yfoot * 10**(0.45 * zero_line * zero_decades)"));
    ck_assert_ptr_nonnull(strstr(a, "zero_bar = yzero * 10**(0.3 * zero_line * zero_decades)"));
    free(buf);
}
END_TEST

/* The plot's box (top - bottom, in the canvas's height) and legend_below
 * as gnuplot computes them for sweep figure `fig` of w at options o (the
 * script run with its output thrown away, then its variables printed). */
static void sweep_layout(const satstat_sweep *w, size_t fig, const satstat_plot_options *o,
                         double *box, int *below)
{
    char dir[] = "/tmp/satstat-sweep-layout-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char script[sizeof dir + 16], cmd[512];
    snprintf(script, sizeof script, "%s/fig.gp", dir);
    FILE *f = fopen(script, "w");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(satstat_sweep_plot_write(w, fig, o, NULL, f), SATSTAT_OK);
    fputs("set print '-'\nprint sprintf('LAYOUT %.6f %d', top - bottom, legend_below)\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "gnuplot -e \"format='png'; output='/dev/null'\" '%s' 2>/dev/null", script);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    char line[256];
    *box = NAN;
    while (fgets(line, sizeof line, p))
        if (sscanf(line, "LAYOUT %lf %d", box, below) == 2)
            break;
    pclose(p);
    remove(script);
    rmdir(dir);
    ck_assert_msg(!isnan(*box), "%s: no layout printed", satstat_sweep_plot_name(fig));
}

/* Every sweep figure's legend is below the plot, at 1280 x 800 too
 * (beside it, the area under it was blank: figure review 18, S6), and at
 * 3.5 x 2.4 in, 8 pt, the plot keeps half the height (its legend's rows
 * of text left it 37 %: S4). */
START_TEST(plot_keeps_half_the_height)
{
    if (!have_gnuplot())
        ck_abort_msg("gnuplot is not on PATH: install gnuplot-nox (the figure tests need it)");
    satstat_config b = base_of("standard,scaled", 2000);
    b.inputs.kind = SATSTAT_INPUTS_HALF;
    satstat_sweep *w = sweep_run(&b, "n-in=10:10000:8:log", 0);
    satstat_plot_options paper = test_paper_options(), slide;
    satstat_plot_options_default(&slide);
    for (size_t i = 0; i < SATSTAT_SWEEP_FIGURES; i++) {
        double box;
        int below;
        sweep_layout(w, i, &paper, &box, &below);
        ck_assert_msg(box >= 0.5, "%s at 3.5 x 2.4 in: the plot %.0f %% of the height",
                      satstat_sweep_plot_name(i), 100 * box);
        sweep_layout(w, i, &slide, &box, &below);
        ck_assert_msg(below == 1, "%s at 1280 x 800: the legend beside the plot", satstat_sweep_plot_name(i));
    }
    satstat_sweep_free(w);
}
END_TEST

/* On a small figure a log y axis of three decades or fewer that labels
 * one value a decade labels the decades (0.01, 0.1), not every tenth value
 * from its top down (0.005, 0.05, 0.5 left the decades' ticks bare: figure
 * review 18, N10): every label given by log_every is a power of ten. */
START_TEST(short_log_axis_labels_decades)
{
    satstat_config b = base_of("standard,scaled", 2000);
    satstat_sweep *w = sweep_run(&b, "n-in=10:10000:8:log", 0);
    size_t labelled = 0;
    for (size_t fig = 0; fig < SATSTAT_SWEEP_FIGURES; fig++) {
        char *buf = figure_script(w, fig, NULL);
        for (const char *p = buf; (p = strstr(p, " % log_every == 0) { set ytics ")) != NULL; p++) {
            const char *open = strchr(p, '(');
            double x = open ? strtod(open + 1, NULL) : NAN;
            ck_assert_msg(fabs(log10(x) - round(log10(x))) < 1e-9, "%s: a label a decade at %g",
                          satstat_sweep_plot_name(fig), x);
            labelled++;
        }
        free(buf);
    }
    ck_assert_uint_gt(labelled, 0);
    satstat_sweep_free(w);
}
END_TEST

/* The figure of `figure` for an n_in sweep 10:10000:8:log (odd n_in
 * among its points: 27, 193, 1389) of `schemes` over 2000 neurons, at
 * plot options o (NULL: the default), malloc'ed. */
static char *n_in_script(const char *schemes, const satstat_plot_options *o)
{
    satstat_config b = base_of(schemes, 2000);
    satstat_sweep *w = sweep_run(&b, "n-in=10:10000:8:log", 0);
    char *buf = figure_script(w, 0, o);
    satstat_sweep_free(w);
    return buf;
}

/* The column expression of the legend-below row titled `title` (the text
 * between "title ((" and "== legend_col"), into col. */
static void below_column(const char *buf, const char *title, char *col, size_t size)
{
    const char *below = strstr(buf, "if (exists('legend_below') && legend_below) {");
    ck_assert_ptr_nonnull(below);
    const char *t = strstr(below, title);
    ck_assert_msg(t != NULL, "no row %s below the plot", title);
    const char *line = t;
    while (line > below && line[-1] != '\n')
        line--;
    const char *a = strstr(line, "title (");
    const char *b = strstr(line, "== legend_col");
    ck_assert(a && b && a < t && b < t);
    snprintf(col, size, "%.*s", (int)(b - a), a);
}

/* Whether text is in the legend below the plot of the script buf. */
static int said_below(const char *buf, const char *text)
{
    const char *below = strstr(buf, "if (exists('legend_below') && legend_below) {");
    const char *end = below ? strstr(below, "} else {") : NULL;
    const char *t = below ? strstr(below, text) : NULL;
    return t != NULL && end != NULL && t < end;
}

/* A scheme's two rows (its formula at even and at odd n_in) stay in one
 * column of the legend below the plot at any count of columns (split 3 +
 * 2 at 3.5 in, scaled's second row read as a scheme of its own: figure
 * review 23, S4), each says which n_in its line is at (S3), and what is
 * fixed is said below the plot, where the column's rows are left out
 * (S7). */
START_TEST(parity_rows_kept_together)
{
    satstat_plot_options o = test_paper_options();
    for (int paper = 0; paper < 2; paper++) {
        char *buf = n_in_script("standard,scaled", paper ? &o : NULL);
        for (size_t k = 0; k < 2; k++) {
            const char *name = k ? "scaled" : "standard";
            char even[64], odd[64], ce[512], co[512];
            snprintf(even, sizeof even, "'%s: even n_{in}", name);
            snprintf(odd, sizeof odd, "'%s: odd n_{in}", name);
            below_column(buf, even, ce, sizeof ce);
            below_column(buf, odd, co, sizeof co);
            ck_assert_msg(strcmp(ce, co) == 0, "%s's rows in columns %s and %s", name, ce, co);
            ck_assert_msg(strstr(ce, "legend_cols <=") != NULL, "%s: %s", name, ce);
        }
        /* the points at odd n_in open, in the scheme's colour, keyed by
         * the odd row's mark (figure review 24, M1; review 25, S2), and
         * the pale lines said */
        ck_assert_ptr_nonnull(strstr(buf, "int($1) % 2 ? $2 : NaN) with points linetype 1 pointtype 6 "));
        ck_assert(said_below(buf, "keyentry with points linetype 1 pointtype 6 "));
        ck_assert(said_below(buf, "pale lines: the formula at odd n_{in}"));
        /* the fixed settings, below the plot */
        ck_assert_msg(said_below(buf, "⌊n_{in}/2⌋ inputs 1") && said_below(buf, "b ∼ N(0, 1^{2})"),
                      "the inputs and the bias not said below the plot");
        ck_assert(said_below(buf, "2000 neurons, seed 1 at every point"));
        free(buf);
    }
}
END_TEST

/* A σ sweep of normal:σ beside two schemes that σ does not enter (scaled,
 * he-normal; tanh's mean slope, 20 000 neurons): where points meet, the
 * flat schemes move and normal:σ stays at its σ (moved, its point sat off
 * its own curve, outside its interval: figure review 24, M2); the flat
 * schemes' points are said to be one sample drawn at every σ (M4). */
START_TEST(varying_scheme_stays_flat_ones_move)
{
    satstat_config b = base_of("normal:0.01,scaled,he-normal", 20000);
    b.activation = satstat_activation_find("tanh");
    satstat_sweep *w = sweep_run(&b, "sigma=0.005:0.2:7", 0);
    char *buf = figure_script(w, 2, NULL);
    satstat_sweep_free(w);
    double row[3][8][5];
    size_t moved = 0;
    for (size_t k = 1; k <= 3; k++)
        ck_assert_uint_eq(sample_rows(buf, k, row[k - 1], 8), 7);
    for (size_t i = 0; i < 7; i++) {
        ck_assert_msg(row[0][i][4] == row[0][i][0], "normal:σ moved at σ = %g", row[0][i][0]);
        moved += row[1][i][4] != row[1][i][0] || row[2][i][4] != row[2][i][0];
    }
    ck_assert_uint_gt(moved, 0);
    ck_assert(said_below(buf, "flat in σ: scaled, he-normal"));
    ck_assert(said_below(buf, "one sample of each, drawn at every σ"));
    ck_assert(said_below(buf, "'normal, σ varied'"));
    free(buf);
}
END_TEST

/* The rows for lines and points say what they are in words: a black solid
 * line and a black ● matched no curve and no point drawn (figure review
 * 11); below the plot one row keeps both. */
START_TEST(proxy_rows_match_drawn)
{
    char *buf = saturated_script("standard,scaled");
    ck_assert_ptr_null(strstr(buf, "with yerrorbars linecolor rgb ink pointtype 7"));
    ck_assert_ptr_null(strstr(buf, "with lines linecolor rgb ink linewidth 3 dashtype 1 title 'lines: formula'"));
    ck_assert_ptr_nonnull(strstr(buf, "keyentry with lines linetype nodraw title 'lines: formula'"));
    /* the dodge said below the plot too, where its own row is left out
     * (figure review 16, S9): in the points' row of text, after the
     * lines' (joined to the figure's width: one row at 1280 px) */
    if (strstr(buf, "'(set apart sideways)'"))
        ck_assert_ptr_nonnull(strstr(buf, "'lines: formula; points: sampled, 99.9 % CI, set apart sideways where they meet"));
    else
        ck_assert_ptr_nonnull(strstr(buf, "'lines: formula; points: sampled, 99.9 % CI"));
    free(buf);
}
END_TEST

/* ---- the command --------------------------------------------------------------*/

/* Runs of the program are tests/common's; these are the names this file's
 * tests use. */
typedef test_run_result cmd_result;
#define cmd_free(r) test_result_free(r)

/* A sweep through the program ends within this. */
#define CLI_TIMEOUT_S 300.0

/* Run the satstat program with these arguments (split into words as sh
 * would: test_split_words). */
static cmd_result run_cli(const char *args)
{
    test_spawn_options o = {0};
    return test_run_line(&o, args, CLI_TIMEOUT_S);
}

/* RFC 4180: a field with a comma (an inputs path, a he-normal scheme with
 * its mode) is quoted, so every row has the header's fields and the field
 * reads back whole. */
static size_t csv_split(const char *line, char f[][512], size_t cap)
{
    size_t n = 0, len = 0;
    int quoted = 0;
    f[0][0] = '\0';
    for (const char *p = line; *p && *p != '\n'; p++) {
        if (quoted) {
            if (*p == '"' && p[1] == '"')
                p++;
            else if (*p == '"') {
                quoted = 0;
                continue;
            }
        } else if (*p == '"') {
            quoted = 1;
            continue;
        } else if (*p == ',') {
            f[n][len] = '\0';
            if (++n >= cap)
                return n;
            len = 0;
            continue;
        }
        if (len + 1 < 512)
            f[n][len++] = *p;
    }
    f[n][len] = '\0';
    return n + 1;
}

/* The CSV's columns added at the end carry the point's run report: its
 * mean interval, skewness, kurtosis, saturated count and the claim. */
START_TEST(csv_carries_model)
{
    satstat_config b = base_of("scaled,uniform:0.1", 2000);
    b.claimed_variance = 1.5;
    satstat_sweep *w = sweep_run(&b, "threshold=2:4:2", 0);
    char *text = write_to_string(w, SATSTAT_FORMAT_CSV);
    static char f[64][512];
    size_t header = csv_split(text, f, 64);
    ck_assert_uint_eq(header, 35);
    ck_assert_str_eq(f[25], "mean_ci_low");
    ck_assert_str_eq(f[34], "claimed_mean_activation_derivative");
    const char *line = strchr(text, '\n') + 1;
    for (size_t i = 0; i < 2; i++)
        for (size_t k = 0; k < 2; k++) {
            ck_assert_uint_eq(csv_split(line, f, 64), 35);
            const satstat_report *r = satstat_sweep_point_report(w, i);
            satstat_sampled sp;
            ck_assert_int_eq(satstat_report_sampled(r, k, &sp), SATSTAT_OK);
            const satstat_analytic *a = satstat_report_analytic(r, k);
            satstat_null_law null;
            ck_assert_int_eq(satstat_report_null_law(r, k, &null), SATSTAT_OK);
            ck_assert(strtod(f[25], NULL) == sp.mean_ci.lo);
            ck_assert(strtod(f[26], NULL) == sp.mean_ci.hi);
            ck_assert(strtod(f[28], NULL) == sp.skewness);
            ck_assert(strtod(f[30], NULL) == sp.kurtosis);
            ck_assert(strtod(f[31], NULL) ==
                      (double)satstat_summary_saturated(satstat_report_summary(r, k)));
            if (isfinite(a->excess_kurtosis))
                ck_assert(strtod(f[29], NULL) == a->excess_kurtosis);
            else
                ck_assert_str_eq(f[29], "");
            ck_assert(strtod(f[32], NULL) == 1.5);
            ck_assert(strtod(f[33], NULL) == null.saturated_fraction);
            ck_assert(strtod(f[34], NULL) == null.mean_activation_derivative);
            line = strchr(line, '\n') + 1;
        }
    free(text);
    satstat_sweep_free(w);
}
END_TEST

START_TEST(csv_quotes_commas)
{
    char dir[] = "/tmp/satstat-sweep-csv-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char sub[sizeof dir + 8], path[sizeof dir + 16], args[1024];
    snprintf(sub, sizeof sub, "%s/a,b", dir);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    snprintf(path, sizeof path, "%s/x.txt", sub);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("1 0 1 1 0\n", f);
    fclose(f);
    snprintf(args, sizeof args,
             "sweep --vary sigma=0.5:1:2 --scheme normal:1,he-normal --gain 2 --mode fan_out "
             "--inputs 'file:%s' --n-in 5 --samples 500 --format csv --quiet",
             path);
    cmd_result r = run_cli(args);
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    static char fields[32][512];
    size_t header = csv_split(r.out, fields, 32), rows = 0;
    char want[600];
    snprintf(want, sizeof want, "file:%s", path);
    for (const char *line = strchr(r.out, '\n') + 1; *line; rows++) {
        size_t n = csv_split(line, fields, 32);
        ck_assert_msg(n == header, "row of %zu fields, header %zu: %.200s", n, header, line);
        ck_assert_str_eq(fields[6], want);
        if (rows % 2)
            ck_assert_str_eq(fields[3], "he-normal:2,fan_out");
        line = strchr(line, '\n') + 1;
    }
    ck_assert_uint_eq(rows, 4);
    cmd_free(&r);
    remove(path);
    rmdir(sub);
    rmdir(dir);
}
END_TEST

START_TEST(cli_bad_usage)
{
    /* the command, then what stderr must name (one or two strings) */
    static const char *const cases[][4] = {
        {"sweep --vary n-in=5:1", "--vary"},
        {"sweep --vary n-in=10:100:1", "--vary"},
        {"sweep --vary sigma=0:1:log", "--vary"},
        {"sweep --vary bogus=1:2", "--vary"},
        {"sweep --vary gain=0.5:2 --scheme standard,scaled", "not supported"},
        {"sweep --vary sigma=0.1:1 --scheme standard", "--vary"},
        {"sweep", "--vary"},
        {"sweep --vary n-in=10:100 --n-in 50", "--n-in"},
        {"sweep --vary threshold=1:2 --threshold 3", "--threshold"},
        {"sweep --vary n-in=10:100 --samples 0", "--samples"},
        {"sweep --vary n-in=10:100 --render png", "--render"},
        {"sweep --vary n-in=10:100 extra", "extra"},
        /* the options of run: conflicts with the swept parameter */
        {"sweep --vary gain=0.5:2 --scheme he-normal --gain 2", "--gain", "--vary gain"},
        {"sweep --vary gain=0.5:2 --gain 2 --scheme he-normal", "--gain", "--vary gain"},
        {"sweep --vary threshold=1:2 --saturation deriv:0.1", "--saturation", "'deriv:0.1'",
         "--vary threshold"},
        {"sweep --vary threshold=1:2 --saturation output:0.01", "--saturation", "'output:0.01'",
         "--vary threshold"},
        {"sweep --vary threshold=1:2 --activation relu --saturation dead", "--saturation",
         "'dead'", "--vary threshold"},
        /* ... their bad values, named with the value */
        {"sweep --vary n-in=10:100 --gain bogus", "--gain", "'bogus'"},
        {"sweep --vary n-in=10:100 --scheme he-normal --mode fan_sideways", "--mode",
         "'fan_sideways'"},
        {"sweep --vary n-in=10:100 --saturation deriv:2", "--saturation", "'deriv:2'"},
        {"sweep --vary n-in=10:100 --saturation sometimes", "--saturation", "'sometimes'"},
        {"sweep --vary n-in=10:100 --expect-variance 0", "--expect-variance", "'0'"},
        {"sweep --vary n-in=10:100 --expect-variance nan", "--expect-variance", "'nan'"},
        {"sweep --vary n-in=10:100 --expect-variance -1.5", "--expect-variance", "'-1.5'"},
        {"sweep --vary n-in=10:100 --threshold 3 --saturation output:0.1", "--saturation",
         "conflicts with --threshold"},
        {"sweep --vary n-in=10:100 --saturation deriv:0.1 --threshold 3", "--threshold",
         "conflicts with --saturation"},
        {"sweep --vary n-in=10:100 --inputs normal:-1", "--inputs", "'normal:-1'"},
        {"sweep --vary n-in=10:100 --inputs uniform:1,0", "--inputs", "'uniform:1,0'"},
        {"sweep --vary n-in=10:100 --inputs file:/nonexistent/x", "--inputs",
         "/nonexistent/x"},
        {"sweep --vary n-in=10:100 --bias uniform:-1", "--bias", "'uniform:-1'"},
        {"sweep --vary n-in=10:100 --bias torch:2", "--bias", "'torch:2'"},
        /* ... and the ones that do not apply, as run says it */
        {"sweep --vary n-in=10:100 --gain 2", "--gain", "'2'"},
        {"sweep --vary n-in=10:100 --mode fan_out --scheme scaled", "--mode", "'fan_out'"},
        {"sweep --vary n-in=10:100 --saturation dead", "--saturation dead", "sigmoid"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cmd_result r = run_cli(cases[i][0]);
        ck_assert_msg(r.status == 2, "%s: exit %d, stderr %s", cases[i][0], r.status, r.err);
        ck_assert_msg(r.out[0] == '\0', "%s: wrote a report", cases[i][0]);
        for (int j = 1; j < 4 && cases[i][j]; j++)
            ck_assert_msg(strstr(r.err, cases[i][j]) != NULL, "%s: stderr '%s' does not name %s",
                          cases[i][0], r.err, cases[i][j]);
        char *nl = strchr(r.err, '\n');
        ck_assert_msg(nl && nl[1] == '\0', "%s: not one line: %s", cases[i][0], r.err);
        cmd_free(&r);
    }
    /* the bad value is quoted */
    cmd_result r = run_cli("sweep --vary n-in=5:1");
    ck_assert_ptr_nonnull(strstr(r.err, "'n-in=5:1'"));
    cmd_free(&r);
    /* nothing written: not even an --output file */
    char dir[] = "/tmp/satstat-sweep-usage-XXXXXX", args[512], path[128];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/report.json", dir);
    snprintf(args, sizeof args,
             "sweep --vary gain=1:2 --scheme he-normal --gain relu --output %s --format json",
             path);
    r = run_cli(args);
    ck_assert_int_eq(r.status, 2);
    ck_assert_int_eq(access(path, F_OK), -1);
    cmd_free(&r);
    rmdir(dir);
    r = run_cli("sweep --help");
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "--vary"));
    /* every option of run that changes the experiment, with every spec */
    static const char *const listed[] = {
        "--gain G", "--mode M", "--saturation RULE", "--expect-variance V", "--threshold T",
        "--activation NAME", "--inputs SPEC", "--bias SPEC", "--seed S", "--threads N",
        "--alpha A", "--samples N", "file:PATH", "normal:S", "uniform:A,B", "torch",
        "bernoulli:P", "deriv:R", "output:E", "fan_avg", "leaky-relu", "gelu",
    };
    for (size_t i = 0; i < sizeof listed / sizeof listed[0]; i++)
        ck_assert_msg(strstr(r.out, listed[i]) != NULL, "sweep --help does not list %s",
                      listed[i]);
    cmd_free(&r);
}
END_TEST

/* `satstat sweep` at a point writes the very numbers of `satstat run`. */
START_TEST(cli_point_equals_run)
{
    cmd_result s = run_cli("sweep --vary n-in=10:100:2 --scheme scaled,normal:0.1 --samples 3000 "
                           "--format json --quiet");
    cmd_result r = run_cli("run --n-in 100 --scheme scaled,normal:0.1 --samples 3000 "
                           "--format json --quiet");
    ck_assert_msg(s.status == 0 || s.status == 1, "sweep: %d %s", s.status, s.err);
    ck_assert_msg(r.status == 0 || r.status == 1, "run: %d %s", r.status, r.err);
    json_t *sj = json_loads(s.out, 0, NULL), *rj = json_loads(r.out, 0, NULL);
    ck_assert_ptr_nonnull(sj);
    ck_assert_ptr_nonnull(rj);
    json_t *point = json_array_get(json_object_get(sj, "points"), 1);
    ck_assert(json_number_value(json_object_get(point, "value")) == 100);
    ck_assert_msg(json_equal(json_object_get(point, "schemes"), json_object_get(rj, "schemes")),
                  "the sweep's point differs from the single run");
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(point, "config"), "command")),
                     json_string_value(json_object_get(json_object_get(rj, "config"), "command")));
    json_decref(sj);
    json_decref(rj);
    cmd_free(&s);
    cmd_free(&r);

    /* CSV and text through the command; exit 0 when every point passes */
    s = run_cli("sweep --vary threshold=2:4:3 --scheme scaled --samples 2000 --format csv --quiet");
    ck_assert_msg(s.status == 0 || s.status == 1, "%d %s", s.status, s.err);
    ck_assert(strncmp(s.out, SATSTAT_SWEEP_CSV_HEADER "\n", strlen(SATSTAT_SWEEP_CSV_HEADER) + 1)
              == 0);
    cmd_free(&s);
    s = run_cli("sweep --vary n-in=10:1000:3:log --analytic-only");
    ck_assert_int_eq(s.status, 0);
    ck_assert_ptr_nonnull(strstr(s.out, "verdict: analytic only"));
    cmd_free(&s);
}
END_TEST

/* Compare point `index` of a JSON sweep with a JSON run: the same schemes,
 * tests included, and the same reproducing command. */
static void assert_point_is_run(const char *sweep_args, size_t index, const char *run_args)
{
    cmd_result s = run_cli(sweep_args);
    cmd_result r = run_cli(run_args);
    ck_assert_msg(s.status == 0 || s.status == 1, "%s: %d %s", sweep_args, s.status, s.err);
    ck_assert_msg(r.status == 0 || r.status == 1, "%s: %d %s", run_args, r.status, r.err);
    json_t *sj = json_loads(s.out, 0, NULL), *rj = json_loads(r.out, 0, NULL);
    ck_assert_ptr_nonnull(sj);
    ck_assert_ptr_nonnull(rj);
    json_t *point = json_array_get(json_object_get(sj, "points"), index);
    ck_assert_ptr_nonnull(point);
    ck_assert_msg(json_equal(json_object_get(point, "schemes"), json_object_get(rj, "schemes")),
                  "%s: point %zu differs from %s", sweep_args, index, run_args);
    json_t *pc = json_object_get(point, "config"), *rc = json_object_get(rj, "config");
    ck_assert_str_eq(json_string_value(json_object_get(pc, "command")),
                     json_string_value(json_object_get(rc, "command")));
    ck_assert_msg(json_equal(json_object_get(pc, "saturation"), json_object_get(rc, "saturation")),
                  "%s: the saturation rule differs", sweep_args);
    ck_assert_msg(json_equal(json_object_get(pc, "expect_variance"),
                             json_object_get(rc, "expect_variance")),
                  "%s: the claimed variance differs", sweep_args);
    json_decref(sj);
    json_decref(rj);
    cmd_free(&s);
    cmd_free(&r);
}

START_TEST(cli_run_options_at_every_point)
{
    /* --gain, --mode, --saturation, --expect-variance along n-in */
    assert_point_is_run("sweep --vary n-in=10:100:2 --scheme he-normal,xavier-uniform,scaled "
                        "--gain tanh --mode fan_avg --saturation deriv:0.1 --expect-variance 1.5 "
                        "--samples 3000 --threads 2 --format json --quiet",
                        1,
                        "run --n-in 100 --scheme he-normal,xavier-uniform,scaled --gain tanh "
                        "--mode fan_avg --saturation deriv:0.1 --expect-variance 1.5 "
                        "--samples 3000 --threads 2 --format json --quiet");
    /* a gain sweep with --mode and a claim that holds at gain 1 only:
     * he-normal, fan_out, n_in 100: Var z = gain^2/100 * 50 + 1 */
    assert_point_is_run("sweep --vary gain=1:2:2 --scheme he-normal,scaled --mode fan_out "
                        "--expect-variance 1.5 --n-in 100 --samples 3000 --format json --quiet",
                        1,
                        "run --scheme he-normal:2,scaled --mode fan_out --expect-variance 1.5 "
                        "--n-in 100 --samples 3000 --format json --quiet");
    /* a threshold sweep over relu: each point is run --threshold T
     * (z <= -T), not relu's dead units; --saturation z:T has its T
     * replaced */
    assert_point_is_run("sweep --vary threshold=1:3:3 --activation relu "
                        "--scheme scaled --samples 3000 --format json --quiet",
                        1,
                        "run --threshold 2 --activation relu --scheme scaled --samples 3000 "
                        "--format json --quiet");
    assert_point_is_run("sweep --vary threshold=1:3:3 --saturation z:9 --scheme scaled "
                        "--samples 3000 --format json --quiet",
                        2,
                        "run --saturation z:3 --scheme scaled --samples 3000 "
                        "--format json --quiet");
    /* the other input and bias specs: normal:S, uniform:A,B and torch */
    assert_point_is_run("sweep --vary sigma=0.1:1:2 --scheme normal:1 --inputs uniform:-1,2 "
                        "--bias torch --n-in 50 --samples 3000 --format json --quiet",
                        0,
                        "run --scheme normal:0.1 --inputs uniform:-1,2 --bias torch --n-in 50 "
                        "--samples 3000 --format json --quiet");
    assert_point_is_run("sweep --vary n-in=10:40:2 --inputs normal:0.5 --bias uniform:0.5 "
                        "--scheme scaled --activation tanh --samples 3000 --format json --quiet",
                        1,
                        "run --n-in 40 --inputs normal:0.5 --bias uniform:0.5 --scheme scaled "
                        "--activation tanh --samples 3000 --format json --quiet");
    /* file:PATH inputs */
    char path[] = "/tmp/satstat-sweep-inputs-XXXXXX";
    int fd = mkstemp(path);
    ck_assert(fd >= 0);
    FILE *f = fdopen(fd, "w");
    ck_assert_ptr_nonnull(f);
    fputs("1 -0.5 2 0 0.25\n", f);
    fclose(f);
    char sa[512], ra[512];
    snprintf(sa, sizeof sa,
             "sweep --vary sigma=0.5:2:2 --scheme normal:1,scaled --inputs file:%s --n-in 5 "
             "--samples 3000 --format json --quiet",
             path);
    snprintf(ra, sizeof ra,
             "run --scheme normal:2,scaled --inputs file:%s --n-in 5 --samples 3000 "
             "--format json --quiet",
             path);
    assert_point_is_run(sa, 1, ra);
    remove(path);

    /* the sweep's JSON config records the options, and its command line
     * replays the same sweep */
    cmd_result s = run_cli("sweep --vary n-in=10:100:2 --scheme he-normal --gain 2 --mode fan_out "
                           "--saturation deriv:0.2 --expect-variance 1.5 --analytic-only "
                           "--format json");
    ck_assert_msg(s.status == 0, "%d %s", s.status, s.err);
    json_t *j = json_loads(s.out, 0, NULL);
    ck_assert_ptr_nonnull(j);
    json_t *cfg = json_object_get(j, "config");
    ck_assert_str_eq(json_string_value(json_object_get(cfg, "saturation")), "deriv:0.2");
    ck_assert(json_number_value(json_object_get(cfg, "expect_variance")) == 1.5);
    ck_assert(json_number_value(json_object_get(cfg, "gain")) == 2);
    ck_assert_str_eq(json_string_value(json_object_get(cfg, "mode")), "fan_out");
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(j, "schemes"), 0)),
                     "he-normal:2,fan_out");
    const char *line = json_string_value(json_object_get(j, "command_line"));
    ck_assert_ptr_nonnull(line);
    ck_assert(strncmp(line, "satstat ", 8) == 0);
    char again[1200];
    snprintf(again, sizeof again, "%s --format json", line + 8);
    cmd_result t = run_cli(again);
    ck_assert_msg(t.status == 0, "%s: %d %s", again, t.status, t.err);
    json_t *k = json_loads(t.out, 0, NULL);
    ck_assert_ptr_nonnull(k);
    ck_assert(json_equal(json_object_get(j, "points"), json_object_get(k, "points")));
    json_decref(k);
    json_decref(j);
    cmd_free(&t);
    cmd_free(&s);
}
END_TEST

static Suite *sweep_suite(void)
{
    Suite *s = suite_create("sweep");
    TCase *t = tcase_create("grid");
    tcase_add_test(t, grid_linear);
    tcase_add_test(t, grid_log);
    tcase_add_test(t, grid_integer_rounding);
    tcase_add_test(t, grid_p_with_half_inputs);
    suite_add_tcase(s, t);
    t = tcase_create("bad specs");
    tcase_add_test(t, bad_specs);
    tcase_add_test(t, bad_combinations);
    suite_add_tcase(s, t);
    t = tcase_create("point is a run");
    tcase_set_timeout(t, 120);
    tcase_add_test(t, point_equals_run_n_in);
    tcase_add_test(t, point_equals_run_other_params);
    tcase_add_test(t, gain_when_supported);
    tcase_add_test(t, point_equals_run_run_options);
    tcase_add_test(t, threshold_sweep_is_z_rule);
    suite_add_tcase(s, t);
    t = tcase_create("formats");
    tcase_set_timeout(t, 120);
    tcase_add_test(t, json_layout);
    tcase_add_test(t, csv_layout);
    tcase_add_test(t, text_fits_width);
    tcase_add_test(t, progress_weighs_work);
    suite_add_tcase(s, t);
    t = tcase_create("figures");
    tcase_set_timeout(t, 120);
    tcase_add_test(t, figures_render_quietly);
    tcase_add_test(t, open_zero_key_is_drawn_mark);
    tcase_add_test(t, schemes_dodged_at_shared_x);
    tcase_add_test(t, parity_rows_kept_together);
    tcase_add_test(t, varying_scheme_stays_flat_ones_move);
    tcase_add_test(t, schemes_apart_not_dodged);
    tcase_add_test(t, zero_in_strip_below_foot);
    tcase_add_test(t, proxy_rows_match_drawn);
    tcase_add_test(t, plot_keeps_half_the_height);
    tcase_add_test(t, short_log_axis_labels_decades);
    suite_add_tcase(s, t);
    t = tcase_create("command");
    tcase_set_timeout(t, 120);
    tcase_add_test(t, cli_bad_usage);
    tcase_add_test(t, cli_point_equals_run);
    tcase_add_test(t, cli_run_options_at_every_point);
    tcase_add_test(t, csv_quotes_commas);
    tcase_add_test(t, csv_carries_model);
    suite_add_tcase(s, t);
    return s;
}

TEST_MAIN(sweep_suite)
