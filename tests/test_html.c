/* test_html.c — the HTML page (satstat/html.h): it carries every quantity
 * of the report model as the text prints it, escapes what it is given,
 * embeds figures with ids unique in the page and refuses active SVG. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/satstat.h>
#include "common.h"

/* The page of `report` with `options`, as a string (caller frees). */
static char *page_of(const satstat_report *report, const satstat_html_options *o, int *rc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    *rc = satstat_report_write_html(report, o, f);
    fclose(f);
    return buf;
}

static satstat_report *small_report(const char *schemes, int analytic_only)
{
    satstat_config c;
    satstat_config_default(&c);
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_scheme_parse_list(schemes, c.schemes, SATSTAT_MAX_SCHEMES,
                                               &c.n_schemes, msg, sizeof msg), SATSTAT_OK);
    c.samples = 20000;
    c.threads = 1;
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), SATSTAT_OK);
    satstat_report *r = NULL;
    ck_assert_int_eq(satstat_report_run(&c, analytic_only, NULL, NULL, &r), SATSTAT_OK);
    satstat_config_free(&c);
    return r;
}

/* Every FORMULA, SAMPLED and INTERVAL quantity of every scheme is on the
 * page as the text report prints it, and so is each test's verdict. */
START_TEST(page_carries_the_model)
{
    satstat_report *r = small_report("standard,scaled,uniform:0.05", 0);
    int rc;
    char *page = page_of(r, NULL, &rc);
    ck_assert_int_eq(rc, SATSTAT_OK);
    ck_assert_msg(strncmp(page, "<!DOCTYPE html>", 15) == 0, "starts %.20s", page);
    size_t checked = 0;
    for (size_t i = 0; i < satstat_report_scheme_count(r); i++) {
        satstat_quantity q[SATSTAT_MODEL_MAX];
        size_t n = 0;
        ck_assert_int_eq(satstat_report_model(r, i, q, SATSTAT_MODEL_MAX, &n), SATSTAT_OK);
        for (size_t k = 0; k < n; k++) {
            char text[128];
            if (q[k].kind == SATSTAT_QUANTITY_TEST)
                continue;
            if (q[k].kind == SATSTAT_QUANTITY_INTERVAL)
                snprintf(text, sizeof text, "[%.*g, %.*g]", q[k].digits, q[k].interval.lo,
                         q[k].digits, q[k].interval.hi);
            else
                satstat_quantity_text(&q[k], text, sizeof text);
            char cell[160];
            snprintf(cell, sizeof cell, ">%s</td>", text);
            ck_assert_msg(strstr(page, cell), "scheme %zu: %s (%s) missing: %s", i, q[k].name,
                          satstat_quantity_kind_name(q[k].kind), cell);
            checked++;
        }
        ck_assert_ptr_nonnull(strstr(page, satstat_report_config(r)->schemes[i].canonical));
    }
    ck_assert_uint_gt(checked, 30);
    ck_assert_ptr_nonnull(strstr(page, "<pre><code>satstat run --scheme standard,scaled"));
    ck_assert_ptr_null(strstr(page, "<script"));
    ck_assert_ptr_nonnull(strstr(page, "</html>\n"));
    free(page);
    satstat_report_free(r);
}
END_TEST

/* The invocation is escaped; the seed's argument cites the report's own
 * numbers. */
START_TEST(page_escapes_and_explains)
{
    satstat_report *r = small_report("standard,scaled", 1);
    satstat_html_options o = {NULL, 0, 1, "satstat <script>alert('x')</script> & more"};
    int rc;
    char *page = page_of(r, &o, &rc);
    ck_assert_int_eq(rc, SATSTAT_OK);
    ck_assert_ptr_null(strstr(page, "<script"));
    ck_assert_ptr_nonnull(strstr(page, "satstat &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
                                       "&amp; more"));
    ck_assert_ptr_nonnull(strstr(page, "What this shows"));
    ck_assert_ptr_nonnull(strstr(page, "Var z = 501"));
    ck_assert_ptr_nonnull(strstr(page, "Var z = 1.5"));
    free(page);
    satstat_report_free(r);
}
END_TEST

static const char svg_doc[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"  standalone=\"no\"?>\n"
    "<svg width=\"100\" height=\"80\" viewBox=\"0 0 100 80\"\n"
    " xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"
    "<title>Gnuplot</title>\n<g id=\"gnuplot_canvas\">\n<defs>\n"
    "\t<path id='gpPt0' d='M-1,0 h2'/>\n</defs>\n"
    "<use xlink:href='#gpPt0' x='10' y='10'/>\n"
    "<rect x='0' y='0' width='5' height='5' style='filter:url(#textbox)'/>\n"
    "<text>one = on = onion=</text>\n</g>\n</svg>\n";

/* Two figures from the same gnuplot get distinct ids, their references
 * follow, the prologue goes, the title names the figure. */
START_TEST(figures_get_unique_ids)
{
    satstat_report *r = small_report("scaled", 1);
    satstat_html_figure figs[2] = {{"fig2-compare", svg_doc, sizeof svg_doc - 1},
                                   {"fig5-standard-normal", svg_doc, sizeof svg_doc - 1}};
    satstat_html_options o = {figs, 2, 0, NULL};
    int rc;
    char *page = page_of(r, &o, &rc);
    ck_assert_int_eq(rc, SATSTAT_OK);
    ck_assert_ptr_nonnull(strstr(page, "id=\"f1-gnuplot_canvas\""));
    ck_assert_ptr_nonnull(strstr(page, "id=\"f2-gnuplot_canvas\""));
    ck_assert_ptr_nonnull(strstr(page, "id='f1-gpPt0'"));
    ck_assert_ptr_nonnull(strstr(page, "xlink:href='#f2-gpPt0'"));
    ck_assert_ptr_nonnull(strstr(page, "url(#f1-textbox)"));
    ck_assert_ptr_nonnull(strstr(page, "<title>fig5-standard-normal</title>"));
    ck_assert_ptr_null(strstr(page, "<?xml"));
    ck_assert_ptr_null(strstr(page, "id='gpPt0'"));
    ck_assert_ptr_nonnull(strstr(page, "Every scheme&#39;s density of z on one axis"));
    free(page);
    satstat_report_free(r);
}
END_TEST

/* An SVG with a script, an event handler, a javascript: link or no <svg>
 * at all is refused. */
START_TEST(active_svg_refused)
{
    satstat_report *r = small_report("scaled", 1);
    const char *bad[] = {
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=\"alert(1)\"><g/></svg>",
        "<svg><g\n  OnClick = 'x()'/></svg>",
        "<svg><a xlink:href='javascript:alert(1)'>x</a></svg>",
        "<svg><foreignObject><div/></foreignObject></svg>",
        "<html>no svg here</html>",
        "<svg><g/>",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        satstat_html_figure fig = {"bad", bad[i], strlen(bad[i])};
        satstat_html_options o = {&fig, 1, 0, NULL};
        int rc;
        char *page = page_of(r, &o, &rc);
        ck_assert_msg(rc == SATSTAT_EINVAL, "accepted: %s", bad[i]);
        free(page);
    }
    satstat_report_free(r);
}
END_TEST

/* The generic writer gives the same page without figures. */
START_TEST(format_html_is_the_page)
{
    satstat_report *r = small_report("standard,scaled", 1);
    int rc;
    char *page = page_of(r, NULL, &rc);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_int_eq(satstat_report_write(r, SATSTAT_FORMAT_HTML, f), SATSTAT_OK);
    fclose(f);
    ck_assert_str_eq(buf, page);
    satstat_format fmt;
    ck_assert_int_eq(satstat_format_parse("HTML", &fmt, NULL, 0), SATSTAT_OK);
    ck_assert_int_eq(fmt, SATSTAT_FORMAT_HTML);
    free(buf);
    free(page);
    satstat_report_free(r);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_create("page");
    tcase_add_test(tc, page_carries_the_model);
    tcase_add_test(tc, page_escapes_and_explains);
    tcase_add_test(tc, figures_get_unique_ids);
    tcase_add_test(tc, active_svg_refused);
    tcase_add_test(tc, format_html_is_the_page);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
