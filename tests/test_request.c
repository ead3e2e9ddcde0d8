/* test_request.c — the JSON entry point (satstat/request.h) and the table
 * of options (satstat/options.h).  A request's report must be what the
 * library calls the commands make write (compared byte for byte with
 * those calls made here, the timing field aside); its refusals the lines
 * the program prints (test_cli.c and python/tests check the program's
 * side of them). */
#include <check.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <satstat/satstat.h>
#include "common.h"

static char msg[SATSTAT_REQUEST_MSG_SIZE];

/* The request's status; *out its report (NULL on a refusal). */
static int request(const char *text, char **out)
{
    msg[0] = '\0';
    return satstat_request_json(text, out, msg, sizeof msg);
}

static void refused(const char *text, const char *want)
{
    char *out = (char *)1;
    ck_assert_int_eq(request(text, &out), SATSTAT_EINVAL);
    ck_assert_ptr_null(out);
    ck_assert_msg(strncmp(msg, want, strlen(want)) == 0, "for %s: got \"%s\", want \"%s...\"",
                  text, msg, want);
    ck_assert_ptr_null(strchr(msg, '\n'));
}

/* The text with the line of "elapsed_seconds" removed. */
static char *without_timing(const char *text)
{
    char *copy = strdup(text);
    char *at = strstr(copy, "\"elapsed_seconds\"");
    if (at) {
        char *end = strchr(at, '\n');
        memmove(at, end ? end : at + strlen(at), strlen(end ? end : at + strlen(at)) + 1);
    }
    return copy;
}

static void assert_same_report(const char *a, const char *b)
{
    char *x = without_timing(a), *y = without_timing(b);
    ck_assert_str_eq(x, y);
    free(x);
    free(y);
}

/* ---- refusals ------------------------------------------------------------------*/

START_TEST(test_not_a_request)
{
    refused("{", "request: not JSON: ");
    refused("", "request: not JSON: ");
    refused("{\"command\": \"run\", \"command\": \"run\"}", "request: not JSON: duplicate");
    refused("[1]", "request: must be a JSON object");
    refused("{\"options\": {}}", "request: \"command\" must be a string: run, deep or sweep");
    refused("{\"command\": \"sweeep\"}",
            "request: unknown command 'sweeep' (did you mean 'sweep'? valid: run, deep, sweep)");
    refused("{\"command\": \"run\", \"seed\": 1}", "request: unknown key \"seed\"");
    refused("{\"command\": \"run\", \"options\": 3}", "request: \"options\" must be an object");
    refused("{\"command\": \"run\", \"histograms\": \"yes\"}",
            "request: \"histograms\" must be true or false");
    char *out = (char *)1;
    ck_assert_int_eq(satstat_request_json(NULL, &out, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert_ptr_null(out);
}
END_TEST

START_TEST(test_unknown_option)
{
    refused("{\"command\": \"run\", \"options\": {\"shceme\": \"scaled\"}}",
            "unknown option 'shceme' (did you mean 'scheme'?)");
    refused("{\"command\": \"deep\", \"options\": {\"layer\": 3}}",
            "unknown option 'layer' (did you mean 'layers'?)");
    /* sweep's --vary is not run's, and nothing is near it */
    refused("{\"command\": \"run\", \"options\": {\"vary\": \"n-in=1:2\"}}",
            "unknown option 'vary'");
    ck_assert_str_eq(msg, "unknown option 'vary'");
}
END_TEST

/* The lines `satstat` prints after "satstat: " for the same options. */
START_TEST(test_bad_values)
{
    refused("{\"command\": \"run\", \"options\": {\"samples\": 0}}",
            "--samples: must be between 1 and 1000000000000, got '0'");
    refused("{\"command\": \"run\", \"options\": {\"scheme\": \"standrd\"}}",
            "--scheme: unknown scheme 'standrd' (did you mean 'standard'?");
    refused("{\"command\": \"run\", \"options\": {\"alpha\": 1}}",
            "--alpha: invalid value '1': must be strictly between 0 and 1");
    refused("{\"command\": \"run\", \"options\": {\"threshold\": 3, \"saturation\": "
            "\"deriv:0.1\"}}",
            "--saturation: invalid value 'deriv:0.1': conflicts with --threshold (--threshold T "
            "is --saturation z:T)");
    refused("{\"command\": \"run\", \"options\": {\"analytic-only\": 1}}",
            "--analytic-only: takes no value: give true or false");
    refused("{\"command\": \"run\", \"options\": {\"seed\": true}}",
            "--seed: takes a value, not true");
    refused("{\"command\": \"run\", \"options\": {\"bias\": [[1]]}}",
            "--bias: a string, a number or a list of them");
    /* after the options: the command's checks across them */
    refused("{\"command\": \"sweep\", \"options\": {}}",
            "--vary: is required: PARAM=FROM:TO[:STEPS][:log]");
    refused("{\"command\": \"sweep\", \"options\": {\"vary\": \"n-in=1:10\", \"n-in\": 5}}",
            "--n-in: cannot be given with --vary n-in (the sweep sets it)");
    refused("{\"command\": \"deep\", \"options\": {\"inputs\": \"normal\", \"active\": 3}}",
            "--active: applies to --inputs half only, not to --inputs normal");
    refused("{\"command\": \"run\", \"options\": {\"n-in\": 10, \"active\": 11}}", "--active");
    refused("{\"command\": \"run\", \"figures\": {\"dir\": \"x\", \"size\": \"0x0\"}}",
            "--plot-size: ");
}
END_TEST

/* ---- the reports ---------------------------------------------------------------*/

static char *report_text(const satstat_report *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(satstat_report_write(r, SATSTAT_FORMAT_JSON, f), SATSTAT_OK);
    fclose(f);
    return buf;
}

/* What satstat_report_run and the JSON writer give for a config. */
static char *direct_run(void (*setup)(satstat_config *), int analytic_only)
{
    satstat_config c;
    char m[SATSTAT_ERRMSG_SIZE];
    satstat_config_default(&c);
    setup(&c);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, m, sizeof m), SATSTAT_OK);
    satstat_report *r = NULL;
    ck_assert_int_eq(satstat_report_run(&c, analytic_only, NULL, NULL, &r), SATSTAT_OK);
    char *text = report_text(r);
    satstat_report_free(r);
    satstat_config_free(&c);
    return text;
}

static void small_run(satstat_config *c)
{
    c->samples = 5000;
    c->seed = 17;
    c->threads = 2;
    c->n_in = 200;
    c->inputs.active = 100;
    (void)satstat_scheme_parse_list("scaled,uniform:0.1", c->schemes, SATSTAT_MAX_SCHEMES,
                                    &c->n_schemes, NULL, 0);
    (void)satstat_activation_parse("tanh", &c->activation, NULL, 0);
}

static void default_run(satstat_config *c)
{
    (void)c;
}

START_TEST(test_run_is_the_library_run)
{
    char *out = NULL;
    ck_assert_int_eq(request("{\"command\": \"run\", \"options\": {\"samples\": 5000, \"seed\": "
                             "\"17\", \"threads\": 2, \"n-in\": 200, \"scheme\": [\"scaled\", "
                             "\"uniform:0.1\"], \"activation\": \"tanh\"}}",
                             &out),
                     SATSTAT_OK);
    char *direct = direct_run(small_run, 0);
    assert_same_report(out, direct);
    free(direct);
    satstat_request_free(out);

    ck_assert_int_eq(request("{\"command\": \"run\", \"options\": {\"analytic-only\": true}}",
                             &out),
                     SATSTAT_OK);
    direct = direct_run(default_run, 1);
    assert_same_report(out, direct);
    free(direct);
    satstat_request_free(out);
}
END_TEST

START_TEST(test_sweep_is_the_library_sweep)
{
    char *out = NULL;
    ck_assert_int_eq(request("{\"command\": \"sweep\", \"options\": {\"vary\": "
                             "\"sigma=0.1:1:3\", \"samples\": 2000, \"threads\": 2}}",
                             &out),
                     SATSTAT_OK);
    satstat_config c;
    satstat_sweep_spec spec;
    char m[SATSTAT_ERRMSG_SIZE * 2 + 64];
    satstat_config_default(&c);
    c.samples = 2000;
    c.threads = 2;
    (void)satstat_scheme_parse_list("normal:1", c.schemes, SATSTAT_MAX_SCHEMES, &c.n_schemes,
                                    NULL, 0);
    ck_assert_int_eq(satstat_sweep_spec_parse("sigma=0.1:1:3", &spec, m, sizeof m), SATSTAT_OK);
    satstat_sweep *sw = NULL;
    ck_assert_int_eq(satstat_sweep_new(&c, &spec, 0, &sw, m, sizeof m), SATSTAT_OK);
    ck_assert_int_eq(satstat_sweep_run(sw, NULL, NULL), SATSTAT_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_int_eq(satstat_sweep_write(sw, SATSTAT_FORMAT_JSON, f), SATSTAT_OK);
    fclose(f);
    ck_assert_str_eq(out, buf); /* a sweep has no timing field */
    free(buf);
    satstat_sweep_free(sw);
    satstat_config_free(&c);
    satstat_request_free(out);
}
END_TEST

START_TEST(test_deep_is_the_library_deep)
{
    char *out = NULL;
    ck_assert_int_eq(request("{\"command\": \"deep\", \"options\": {\"layers\": 3, \"width\": "
                             "30, \"networks\": 4, \"n-in\": 20, \"seed\": 5, \"threads\": 2}}",
                             &out),
                     SATSTAT_OK);
    satstat_config c;
    satstat_deep_options o;
    char m[SATSTAT_ERRMSG_SIZE];
    satstat_config_default(&c);
    satstat_deep_options_default(&o);
    o.layers = 3;
    o.width = 30;
    o.networks = 4;
    c.n_in = 20;
    c.inputs.active = 10;
    c.seed = 5;
    c.threads = 2;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, m, sizeof m), SATSTAT_OK);
    satstat_deep_report *r = NULL;
    ck_assert_int_eq(satstat_deep_run(&c, &o, NULL, NULL, &r), SATSTAT_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_int_eq(satstat_deep_report_write(r, NULL, SATSTAT_FORMAT_JSON, f), SATSTAT_OK);
    fclose(f);
    assert_same_report(out, buf);
    free(buf);
    satstat_deep_report_free(r);
    satstat_config_free(&c);
    satstat_request_free(out);
}
END_TEST

/* With "histograms": the report's bytes inside {"report": ..., "histograms":
 * ...}; every sampled z in a bin or beside them. */
START_TEST(test_histograms)
{
    char *out = NULL;
    ck_assert_int_eq(request("{\"command\": \"run\", \"histograms\": true, \"options\": "
                             "{\"samples\": 3000, \"seed\": 2}}",
                             &out),
                     SATSTAT_OK);
    json_error_t e;
    json_t *root = json_loads(out, 0, &e);
    ck_assert_ptr_nonnull(root);
    ck_assert(json_is_object(json_object_get(root, "report")));
    json_t *h = json_object_get(root, "histograms");
    ck_assert_uint_eq(json_array_size(h), 2);
    for (size_t s = 0; s < 2; s++) {
        json_t *z = json_object_get(json_array_get(h, s), "z");
        json_t *counts = json_object_get(z, "counts");
        ck_assert_uint_eq(json_array_size(json_object_get(z, "edges")),
                          json_array_size(counts) + 1);
        json_int_t total = json_integer_value(json_object_get(z, "underflow"))
                           + json_integer_value(json_object_get(z, "overflow"));
        for (size_t i = 0; i < json_array_size(counts); i++)
            total += json_integer_value(json_array_get(counts, i));
        ck_assert_int_eq(total, 3000);
    }
    json_decref(root);
    satstat_request_free(out);
}
END_TEST

/* "figures" with "render": "none" writes the scripts only. */
START_TEST(test_figure_scripts)
{
    char *dir = test_temp_dir("request"), req[4352], path[4352];
    snprintf(req, sizeof req,
             "{\"command\": \"sweep\", \"options\": {\"vary\": \"n-in=10:100:2\", \"samples\": "
             "500}, \"figures\": {\"dir\": \"%s\", \"render\": \"none\"}}",
             dir);
    char *out = NULL;
    ck_assert_int_eq(request(req, &out), SATSTAT_OK);
    satstat_request_free(out);
    for (size_t i = 0; satstat_sweep_plot_name(i); i++) {
        snprintf(path, sizeof path, "%s/%s.gp", dir, satstat_sweep_plot_name(i));
        ck_assert_msg(access(path, R_OK) == 0, "%s missing", path);
        unlink(path);
    }
    test_remove_tree(dir);
    free(dir);
}
END_TEST

/* ---- the table -----------------------------------------------------------------*/

START_TEST(test_table)
{
    size_t n;
    const satstat_option *t = satstat_options_table(&n);
    ck_assert_uint_le(n, SATSTAT_OPTIONS_MAX);
    const satstat_command commands[] = {SATSTAT_COMMAND_RUN, SATSTAT_COMMAND_DEEP,
                                        SATSTAT_COMMAND_SWEEP};
    for (size_t i = 0; i < n; i++) {
        ck_assert(t[i].set != NULL);
        ck_assert_uint_ne(t[i].commands, 0);
        /* one entry per name and command */
        for (size_t c = 0; c < 3; c++)
            if (t[i].commands & (unsigned)commands[c])
                ck_assert_ptr_eq(satstat_option_find(commands[c], t[i].name), &t[i]);
    }
    ck_assert_ptr_null(satstat_option_find(SATSTAT_COMMAND_RUN, "layers"));
    ck_assert_ptr_null(satstat_option_find(SATSTAT_COMMAND_DEEP, "vary"));
    ck_assert_ptr_null(satstat_option_find(SATSTAT_COMMAND_RUN, "--scheme"));
    ck_assert_ptr_nonnull(satstat_option_find(SATSTAT_COMMAND_SWEEP, "analytic-only"));
    ck_assert_ptr_null(satstat_option_find(SATSTAT_COMMAND_SWEEP, "analytic-only")->arg);
    /* deep's --inputs and --threshold are its own */
    ck_assert_ptr_ne(satstat_option_find(SATSTAT_COMMAND_DEEP, "inputs"),
                     satstat_option_find(SATSTAT_COMMAND_RUN, "inputs"));

    /* setting records the value and reads it as the program does */
    satstat_config c;
    satstat_options o;
    char m[SATSTAT_OPTION_MSG_SIZE];
    satstat_config_default(&c);
    satstat_options_init(&o, SATSTAT_COMMAND_RUN, &c, NULL, NULL);
    ck_assert_int_eq(satstat_option_set(&o, "samples", "1e4", m, sizeof m), SATSTAT_OK);
    ck_assert_uint_eq(c.samples, 10000);
    ck_assert_str_eq(satstat_option_given(&o, "samples"), "1e4");
    ck_assert_ptr_null(satstat_option_given(&o, "seed"));
    ck_assert_int_eq(satstat_option_set(&o, "threshold", "2.5", m, sizeof m), SATSTAT_OK);
    ck_assert(c.threshold == 2.5 && c.saturation.kind == SATSTAT_SATURATION_Z);
    /* an option of deep needs deep's struct */
    satstat_options_init(&o, SATSTAT_COMMAND_DEEP, &c, NULL, NULL);
    ck_assert_int_eq(satstat_option_set(&o, "layers", "3", m, sizeof m), SATSTAT_EINVAL);
    satstat_config_free(&c);

    char line[SATSTAT_OPTION_MSG_SIZE];
    ck_assert_str_eq(satstat_bad_value_message(" x", "bad", line, sizeof line),
                     "invalid value ' x': bad");
    ck_assert_str_eq(satstat_bad_value_message("x", "got 'x'", line, sizeof line), "got 'x'");
    ck_assert_str_eq(satstat_bad_value_message("", NULL, line, sizeof line), "invalid value ''");
}
END_TEST

static Suite *request_suite(void)
{
    Suite *s = suite_create("request");
    TCase *tc = tcase_create("refusals");
    tcase_add_test(tc, test_not_a_request);
    tcase_add_test(tc, test_unknown_option);
    tcase_add_test(tc, test_bad_values);
    suite_add_tcase(s, tc);

    tc = tcase_create("reports");
    tcase_add_test(tc, test_run_is_the_library_run);
    tcase_add_test(tc, test_sweep_is_the_library_sweep);
    tcase_add_test(tc, test_deep_is_the_library_deep);
    tcase_add_test(tc, test_histograms);
    tcase_add_test(tc, test_figure_scripts);
    suite_add_tcase(s, tc);

    tc = tcase_create("table");
    tcase_add_test(tc, test_table);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(request_suite)
