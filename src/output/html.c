/* html.c — a report as one self-contained HTML page (satstat/html.h).
 *
 * The run page shows what the text report shows, from the same internal
 * functions (report-int.h: the facts, the table, the comparison, the
 * notes); deep and sweep pages walk the same report models as their text,
 * JSON and CSV writers.  Every text that comes from the user (scheme
 * specs, file names, the invocation) is escaped; figures are checked and
 * their ids made unique before they go in. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/activation.h>
#include <satstat/error.h>
#include <satstat/html.h>
#include <satstat/model.h>
#include <satstat/sampler.h>
#include <satstat/scheme.h>

#include "base/locale-int.h"
#include "output/report-int.h"
#include "studies/deep-int.h"
#include "satstat_version.h"

/* ---- writing -------------------------------------------------------------*/

/* Text as HTML character data or attribute value. */
static void esc(FILE *f, const char *text)
{
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*p, f);
        }
    }
}

/* printf, then escaped. */
static void escf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void escf(FILE *f, const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    esc(f, buf);
}

/* The style sheet: light, readable, tables with aligned digits, figures
 * as wide as the page allows. */
static const char style[] =
    ":root{color-scheme:light}"
    "body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;"
    "color:#1a1a1a;background:#fff;max-width:72rem;margin:2rem auto;padding:0 1rem}"
    "h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2.2rem;"
    "border-bottom:1px solid #ddd}h3{font-size:1.1rem;margin-top:1.6rem}"
    "code,pre{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:.9rem}"
    "pre{background:#f5f5f5;padding:.6rem .8rem;white-space:pre-wrap;overflow-wrap:anywhere}"
    "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}"
    "dl.facts dt{font-weight:600}dl.facts dd{margin:0}"
    ".scroll{overflow-x:auto}"
    "table{border-collapse:collapse;font-variant-numeric:tabular-nums;margin:.5rem 0}"
    "td{white-space:nowrap}th,td{padding:.2rem .6rem;border-bottom:1px solid #e3e3e3;text-align:right;"
    "vertical-align:top}"
    "th:first-child,td:first-child{text-align:left}thead th{border-bottom:2px solid #999}"
    "td.ci{color:#555}"
    ".pass{color:#1b6e35;font-weight:600}.fail{color:#b00020;font-weight:700}"
    ".muted{color:#666}"
    "figure{margin:1.5rem 0}figure svg{display:block;width:100%;height:auto}"
    "figcaption{color:#444;font-size:.95rem}";

static void page_begin(FILE *f, const char *title)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"satstat ",
          f);
    esc(f, SATSTAT_VERSION);
    fputs("\">\n<title>", f);
    esc(f, title);
    fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", style);
    esc(f, title);
    fputs("</h1>\n", f);
}

static void page_end(FILE *f)
{
    fprintf(f, "<p class=\"muted\">Written by satstat %s.</p>\n</body>\n</html>\n",
            SATSTAT_VERSION);
}

static void verdict(FILE *f, int pass)
{
    fprintf(f, "<span class=\"%s\">%s</span>", pass ? "pass" : "fail", pass ? "pass" : "FAIL");
}

static void commands(FILE *f, const satstat_html_options *o, const char *reproduce)
{
    fputs("<h2>Reproduce</h2>\n", f);
    if (o && o->invocation) {
        fputs("<p>Run as</p>\n<pre><code>", f);
        esc(f, o->invocation);
        fputs("</code></pre>\n", f);
    }
    fputs("<p>The same numbers, bit for bit, on any machine and thread count:</p>\n"
          "<pre><code>",
          f);
    esc(f, reproduce);
    fputs("</code></pre>\n", f);
}

/* ---- figures -------------------------------------------------------------*/

/* What a figure shows, by its file stem (satstat/plot.h, satstat/deep.h,
 * satstat/sweep.h); an unknown stem is its own caption. */
static void caption(FILE *f, const char *name)
{
    static const struct {
        const char *prefix, *text;
    } known[] = {
        {"fig1-density-", "Density of z under scheme "},
        {"fig2-compare", "Every scheme's density of z on one axis, and a zoom on the centre"},
        {"fig3-activation", "The activation and its slope over each scheme's density of z"},
        {"fig4-saturated-fraction", "The saturated fraction against the rule's cut: "
                                    "formula (curves) and sample (points with intervals)"},
        {"fig5-standard-normal", "The standard normal density, for reference"},
        {"deep-density-", "Per-layer densities of z, sampled against the mean field, scheme "},
        {"deep-variance", "Var z against layer: sampled networks and the mean field"},
        {"deep-saturation", "Saturated fraction against layer"},
        {"deep-gradient", "Back-propagated gradient norm against layer"},
        {"deep-phase", "Phase diagram: the order-to-chaos transition (\xcf\x87\xe2\x82\x81 = 1) "
                       "and the fixed point q*"},
        {"deep-activations-", "Per-layer histograms of the activations, "},
        {"sweep-variance", "Var z against the swept parameter"},
        {"sweep-saturated-fraction", "Saturated fraction against the swept parameter"},
        {"sweep-activation-derivative", "Mean slope E[\xcf\x86'(z)] against the swept parameter"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        size_t n = strlen(known[i].prefix);
        if (strncmp(name, known[i].prefix, n) == 0) {
            esc(f, known[i].text);
            if (known[i].prefix[n - 1] == '-') /* the rest names the scheme */
                esc(f, name + n);
            fputs(" <span class=\"muted\">(", f);
            esc(f, name);
            fputs(")</span>", f);
            return;
        }
    }
    esc(f, name);
}

/* Case-insensitive search for `needle` in s[0..n). */
static const char *find_ci(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && (s[i + j] | 0x20) == (needle[j] | 0x20))
            j++;
        if (j == k)
            return s + i;
    }
    return NULL;
}

/* 1 when the SVG holds something that could run: a script, a foreign
 * object, a javascript: link, or inside a tag an event handler attribute
 * (on...=).  Text between tags may say anything. */
static int svg_active(const char *s, size_t n)
{
    if (find_ci(s, n, "<script") || find_ci(s, n, "<foreignobject") ||
        find_ci(s, n, "javascript:"))
        return 1;
    int in_tag = 0;
    char quote = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!in_tag) {
            in_tag = ch == '<';
            continue;
        }
        if (quote) {
            quote = ch == quote ? 0 : quote;
            continue;
        }
        if (ch == '"' || ch == '\'') {
            quote = ch;
        } else if (ch == '>') {
            in_tag = 0;
        } else if ((ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') && i + 2 < n &&
                   (s[i + 1] | 0x20) == 'o' && (s[i + 2] | 0x20) == 'n') {
            size_t j = i + 3;
            while (j < n && (s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z')
                j++;
            while (j < n && (s[j] == ' ' || s[j] == '\t'))
                j++;
            if (j > i + 3 && j < n && s[j] == '=')
                return 1;
        }
    }
    return 0;
}

/* The figure's <svg> element with its ids prefixed by "f<index>-" (ids,
 * "#id" references in href and url(#id)), its prologue dropped and its
 * first <title> (the document's, "Gnuplot") naming the figure.
 * SATSTAT_EINVAL when it is not an SVG document or is active. */
static int embed_svg(FILE *f, const satstat_html_figure *fig, size_t index)
{
    const char *s = fig->svg;
    size_t n = fig->size;
    if (!s || memchr(s, '\0', n))
        return SATSTAT_EINVAL;
    const char *open = find_ci(s, n, "<svg");
    const char *close = NULL;
    for (const char *p = open; p && (p = find_ci(p, n - (size_t)(p - s), "</svg>"));
         p += 6)
        close = p;
    if (!open || !close || svg_active(s, n))
        return SATSTAT_EINVAL;
    const char *end = close + 6;
    char prefix[32];
    snprintf(prefix, sizeof prefix, "f%zu-", index);
    const char *p = open;
    int titled = 0; /* the document's own <title> renamed (the first) */
    while (p < end) {
        /* id='x' / id="x" */
        if ((p == open || p[-1] == ' ' || p[-1] == '\n' || p[-1] == '\t') &&
            strncmp(p, "id=", 3) == 0 && (p[3] == '\'' || p[3] == '"')) {
            fwrite(p, 1, 4, f);
            fputs(prefix, f);
            p += 4;
            continue;
        }
        /* href='#x' (xlink:href too) */
        if (strncmp(p, "href=", 5) == 0 && (p[5] == '\'' || p[5] == '"') && p[6] == '#') {
            fwrite(p, 1, 7, f);
            fputs(prefix, f);
            p += 7;
            continue;
        }
        /* url(#x) */
        if (strncmp(p, "url(#", 5) == 0) {
            fputs("url(#", f);
            fputs(prefix, f);
            p += 5;
            continue;
        }
        /* the document's title: the figure's name, not "Gnuplot"; the
         * titles of the plot's elements (their tooltips) stay */
        if (!titled && strncmp(p, "<title>", 7) == 0) {
            const char *t = find_ci(p, (size_t)(end - p), "</title>");
            if (t) {
                fputs("<title>", f);
                esc(f, fig->name ? fig->name : "figure");
                p = t;
                titled = 1;
                continue;
            }
        }
        fputc(*p, f);
        p++;
    }
    fputc('\n', f);
    return SATSTAT_OK;
}

static int figures(FILE *f, const satstat_html_options *o)
{
    if (!o || !o->n_figures)
        return SATSTAT_OK;
    if (!o->figures)
        return SATSTAT_EINVAL;
    fputs("<h2>Figures</h2>\n", f);
    for (size_t i = 0; i < o->n_figures; i++) {
        const satstat_html_figure *fig = &o->figures[i];
        fputs("<figure>\n", f);
        int rc = embed_svg(f, fig, i + 1);
        if (rc != SATSTAT_OK)
            return rc;
        fputs("<figcaption>", f);
        caption(f, fig->name ? fig->name : "figure");
        fputs("</figcaption>\n</figure>\n", f);
    }
    return SATSTAT_OK;
}

/* A FORMULA, CLAIM or SAMPLED quantity's cell, or its interval's. */
static void quantity_cell(FILE *f, const satstat_quantity *q)
{
    char buf[128];
    if (!q) {
        fputs("<td>-</td>", f);
        return;
    }
    if (q->kind == SATSTAT_QUANTITY_INTERVAL) {
        if (isnan(q->interval.lo) || isnan(q->interval.hi)) {
            fputs("<td class=\"ci\">-</td>", f);
            return;
        }
        snprintf(buf, sizeof buf, "[%.*g, %.*g]", q->digits, q->interval.lo, q->digits,
                 q->interval.hi);
        fputs("<td class=\"ci\">", f);
    } else {
        satstat_quantity_text(q, buf, sizeof buf);
        fputs("<td>", f);
    }
    esc(f, buf);
    fputs("</td>", f);
}

/* ---- run -----------------------------------------------------------------*/

typedef struct facts_ctx {
    FILE *f;
    int open; /* a <dd> is open */
} facts_ctx;

static void html_fact(void *ctx, const char *key, const char *text)
{
    facts_ctx *c = ctx;
    if (*key) {
        if (c->open)
            fputs("</dd>\n", c->f);
        fputs("<dt>", c->f);
        esc(c->f, key);
        fputs("</dt><dd>", c->f);
        c->open = 1;
    } else {
        fputs("<br>", c->f);
    }
    esc(c->f, text);
}

/* The seed experiment's argument, with this report's numbers. */
static void seed_story(FILE *f, const satstat_report *r)
{
    const satstat_config *c = satstat_report_config(r);
    if (c->n_schemes != 2 || c->inputs.kind != SATSTAT_INPUTS_HALF)
        return;
    const satstat_analytic *a0 = satstat_report_analytic(r, 0);
    const satstat_analytic *a1 = satstat_report_analytic(r, 1);
    char rule[SATSTAT_ACTIVATION_NAME_SIZE], region[SATSTAT_REGION_TEXT_SIZE];
    satstat_config_rule_text(c, rule, sizeof rule, region, sizeof region);
    fputs("<h2>What this shows</h2>\n<p>", f);
    escf(f,
         "Each neuron adds up n_in = %llu inputs, of which %llu are 1 and the rest 0, "
         "so z is the sum of %llu weights plus the bias, and Var z = %llu \xc2\xb7 Var w + "
         "Var b.",
         (unsigned long long)c->n_in,
         (unsigned long long)satstat_inputs_support(&c->inputs, c->n_in),
         (unsigned long long)satstat_inputs_support(&c->inputs, c->n_in),
         (unsigned long long)satstat_inputs_support(&c->inputs, c->n_in));
    fputs("</p>\n<p>", f);
    escf(f,
         "With %s weights (Var w = %.4g) that is Var z = %.4g: z has a standard deviation "
         "of %.3g, so %.3g%% of the %s units start saturated (%s), where the slope "
         "\xcf\x86'(z) is nearly zero and gradient descent barely moves them.",
         c->schemes[0].canonical, a0->weight_variance, a0->variance, sqrt(a0->variance),
         100 * a0->saturated_fraction, c->activation->name, region);
    fputs("</p>\n<p>", f);
    escf(f,
         "With %s weights (Var w = %.4g, that is 1/n_in) the same sum has Var z = %.4g "
         "(standard deviation %.3g): %.3g%% of the units start saturated, and the mean "
         "slope E[\xcf\x86'(z)] is %.4g against %.4g, %.3g times larger.",
         c->schemes[1].canonical, a1->weight_variance, a1->variance, sqrt(a1->variance),
         100 * a1->saturated_fraction, a1->mean_activation_derivative,
         a0->mean_activation_derivative,
         a1->mean_activation_derivative / a0->mean_activation_derivative);
    fputs("</p>\n", f);
    if (!satstat_report_analytic_only(r)) {
        fputs("<p>", f);
        escf(f,
             "These are the formulas' numbers.  Below, %llu neurons per scheme were drawn "
             "weight by weight, and the tests check the sample against the formula: ",
             (unsigned long long)c->samples);
        fputs(satstat_report_pass(r) ? "they agree (every test passes)."
                                     : "<strong>a test failed</strong> (see below).",
              f);
        fputs("</p>\n", f);
    }
}

static void run_table(FILE *f, const satstat_report *r, const satstat__table *t)
{
    const satstat_config *c = satstat_report_config(r);
    size_t n = c->n_schemes;
    int analytic_only = satstat_report_analytic_only(r);
    int cols = analytic_only ? 1 : 2;
    fputs("<div class=\"scroll\"><table>\n<thead>\n<tr><th></th>", f);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "<th colspan=\"%d\">", cols);
        esc(f, c->schemes[i].canonical);
        fputs("</th>", f);
    }
    fputs("</tr>\n<tr><th>weights</th>", f);
    for (size_t i = 0; i < n; i++) {
        char w[96];
        satstat_scheme_describe(&c->schemes[i], w, sizeof w);
        fprintf(f, "<td colspan=\"%d\">", cols);
        esc(f, w);
        fputs("</td>", f);
    }
    fputs("</tr>\n<tr><th>law of z</th>", f);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "<td colspan=\"%d\">", cols);
        esc(f, satstat__law_text(r, i, 1));
        fputs("</td>", f);
    }
    fputs("</tr>\n<tr><th></th>", f);
    for (size_t i = 0; i < n; i++)
        fputs(analytic_only ? "<th>analytic</th>" : "<th>analytic</th><th>sampled</th>", f);
    fputs("</tr>\n</thead>\n<tbody>\n", f);
    for (size_t j = 0; j < t->n; j++) {
        const satstat__table_row *row = &t->row[j];
        fputs("<tr><td>", f);
        esc(f, row->label);
        fputs("</td>", f);
        for (size_t i = 0; i < n; i++)
            for (int k = 0; k < cols; k++) {
                fputs(row->is_interval ? "<td class=\"ci\">" : "<td>", f);
                esc(f, row->cell[i][k]);
                fputs("</td>", f);
            }
        fputs("</tr>\n", f);
    }
    fputs("</tbody>\n</table></div>\n", f);
}

static void run_tests(FILE *f, const satstat_report *r)
{
    const satstat_config *c = satstat_report_config(r);
    fputs("<h2>Verification</h2>\n<p>", f);
    escf(f, "Each scheme's tests are held to \xce\xb1 = %g together (Holm-adjusted p).",
         c->alpha);
    fputs("</p>\n", f);
    for (size_t i = 0; i < c->n_schemes; i++) {
        fputs("<h3>", f);
        esc(f, c->schemes[i].canonical);
        fputs(": ", f);
        verdict(f, satstat_report_scheme_pass(r, i));
        fputs("</h3>\n<div class=\"scroll\"><table>\n<thead><tr><th>test</th><th>verdict</th>"
              "<th>statistic</th><th>p</th><th>p adjusted</th><th>method</th></tr></thead>\n"
              "<tbody>\n",
              f);
        size_t count = 0;
        const satstat_test_result *tests = satstat_report_tests(r, i, &count);
        for (size_t k = 0; tests && k < count; k++) {
            const satstat_test_result *t = &tests[k];
            fputs("<tr><td>", f);
            esc(f, t->name);
            fputs("</td><td>", f);
            if (t->state == SATSTAT_TEST_SKIPPED) {
                fputs("skipped</td><td></td><td></td><td></td><td style=\"text-align:left\">", f);
            } else {
                char stat[64];
                satstat__statistic_text(t, stat, sizeof stat);
                verdict(f, t->state == SATSTAT_TEST_PASS);
                fputs("</td><td>", f);
                esc(f, stat);
                fprintf(f, "</td><td>%.3g</td><td>%.3g</td><td style=\"text-align:left\">",
                        t->p_value, t->p_adjusted);
            }
            esc(f, t->method);
            if (t->approximate)
                fputs(" (against the normal approximation)", f);
            fputs("</td></tr>\n", f);
        }
        fputs("</tbody>\n</table></div>\n", f);
    }
}

static int run_page(const satstat_report *r, const satstat_html_options *o, FILE *f)
{
    if (!r || !f)
        return SATSTAT_EINVAL;
    satstat__table *t = malloc(sizeof *t);
    if (!t)
        return SATSTAT_ENOMEM;
    int rc = satstat__report_table(r, t);
    if (rc != SATSTAT_OK) {
        free(t);
        return rc;
    }
    const satstat_config *c = satstat_report_config(r);
    page_begin(f, "satstat: the law of a neuron's pre-activation z = \xce\xa3\xe2\xb1\xbc w\xe2\xb1\xbc x\xe2\xb1\xbc + b");
    int pass = satstat_report_pass(r);
    fputs("<p>Verdict: ", f);
    if (satstat_report_analytic_only(r))
        fputs("analytic only (nothing sampled)", f);
    else
        verdict(f, pass);
    fputs("</p>\n", f);
    if (o && o->explain_seed)
        seed_story(f, r);
    fputs("<h2>The experiment</h2>\n<dl class=\"facts\">\n", f);
    facts_ctx fc = {f, 0};
    satstat__report_facts(r, html_fact, &fc);
    if (fc.open)
        fputs("</dd>\n", f);
    fputs("</dl>\n<h2>The law of z, by formula and by sampling</h2>\n", f);
    run_table(f, r, t);
    free(t);
    for (size_t i = 0; i < c->n_schemes; i++) {
        char note[512];
        if (satstat__report_note(r, i, note, sizeof note)) {
            fputs("<p class=\"muted\">Note: ", f);
            esc(f, note);
            fputs("</p>\n", f);
        }
    }
    char story[512];
    if (satstat__report_comparison(r, story, sizeof story)) {
        fputs("<p>", f);
        esc(f, story);
        fputs("</p>\n", f);
    }
    if (!satstat_report_analytic_only(r))
        run_tests(f, r);
    rc = figures(f, o);
    if (rc != SATSTAT_OK)
        return rc;
    char cmd[4096];
    if (satstat_report_command(r, cmd, sizeof cmd) != SATSTAT_OK)
        snprintf(cmd, sizeof cmd, "(the command is too long to show)");
    commands(f, o, cmd);
    page_end(f);
    return ferror(f) ? SATSTAT_EIO : SATSTAT_OK;
}

/* ---- deep ----------------------------------------------------------------*/

static const char *kind_word(satstat_quantity_kind k)
{
    switch (k) {
    case SATSTAT_QUANTITY_FORMULA: return "mean field";
    case SATSTAT_QUANTITY_CLAIM: return "claimed";
    case SATSTAT_QUANTITY_SAMPLED: return "sampled";
    case SATSTAT_QUANTITY_INTERVAL: return "interval";
    case SATSTAT_QUANTITY_TEST: return "test";
    }
    return "";
}

/* A model as a two-column table: label (kind), value. */
static void model_list(FILE *f, const satstat_quantity *q, size_t n)
{
    fputs("<div class=\"scroll\"><table>\n<tbody>\n", f);
    for (size_t k = 0; k < n; k++) {
        if (q[k].kind == SATSTAT_QUANTITY_TEST)
            continue;
        fputs("<tr><td>", f);
        esc(f, q[k].label);
        fputs(" <span class=\"muted\">(", f);
        esc(f, kind_word(q[k].kind));
        fputs(")</span></td>", f);
        quantity_cell(f, &q[k]);
        fputs("</tr>\n", f);
    }
    fputs("</tbody>\n</table></div>\n", f);
}

static int deep_scheme(FILE *f, const satstat_deep_report *r, size_t s)
{
    const satstat_deep_options *o = satstat_deep_report_options(r);
    satstat_quantity *q = malloc(2 * SATSTAT_DEEP_MODEL_MAX * sizeof *q);
    if (!q)
        return SATSTAT_ENOMEM;
    satstat_quantity *row = q + SATSTAT_DEEP_MODEL_MAX;
    size_t n = 0;
    int rc = satstat_deep_report_model(r, s, 0, q, SATSTAT_DEEP_MODEL_MAX, &n);
    if (rc == SATSTAT_OK)
        model_list(f, q, n);
    /* layers in rows; the columns are layer 1's quantities */
    size_t head_n = 0;
    if (rc == SATSTAT_OK)
        rc = satstat_deep_report_model(r, s, 1, q, SATSTAT_DEEP_MODEL_MAX, &head_n);
    if (rc == SATSTAT_OK) {
        fputs("<div class=\"scroll\"><table>\n<thead><tr><th>layer</th>", f);
        for (size_t k = 0; k < head_n; k++) {
            if (q[k].kind == SATSTAT_QUANTITY_TEST)
                continue;
            fputs("<th>", f);
            esc(f, q[k].label);
            fputs("<br><span class=\"muted\">", f);
            esc(f, kind_word(q[k].kind));
            fputs("</span></th>", f);
        }
        fputs("</tr></thead>\n<tbody>\n", f);
    }
    for (uint64_t l = 1; rc == SATSTAT_OK && l <= o->layers; l++) {
        size_t rn = 0;
        rc = satstat_deep_report_model(r, s, l, row, SATSTAT_DEEP_MODEL_MAX, &rn);
        if (rc != SATSTAT_OK)
            break;
        fprintf(f, "<tr><td>%llu</td>", (unsigned long long)l);
        for (size_t k = 0; k < head_n; k++) {
            if (q[k].kind == SATSTAT_QUANTITY_TEST)
                continue;
            quantity_cell(f, satstat_quantity_find(row, rn, q[k].name, q[k].kind));
        }
        fputs("</tr>\n", f);
    }
    if (rc == SATSTAT_OK)
        fputs("</tbody>\n</table></div>\n", f);
    free(q);
    return rc;
}

static int deep_page(const satstat_deep_report *const *reports, size_t n,
                     const satstat_deep_phase *phase, const satstat_html_options *o, FILE *f)
{
    if (!reports || n == 0 || !f)
        return SATSTAT_EINVAL;
    page_begin(f, "satstat deep: initialization through many layers");
    for (size_t i = 0; i < n; i++) {
        const satstat_deep_report *r = reports[i];
        const satstat_config *c = satstat_deep_report_config(r);
        const satstat_deep_options *d = satstat_deep_report_options(r);
        if (n > 1) {
            fputs("<h2>", f);
            escf(f, "%s units", c->activation->name);
            fputs("</h2>\n", f);
        }
        fputs("<dl class=\"facts\">\n<dt>network</dt><dd>", f);
        escf(f,
             "%llu layers of width %llu, n_in = %llu, %s units, bias %s; %llu sampled "
             "networks per scheme, seed %llu",
             (unsigned long long)d->layers, (unsigned long long)d->width,
             (unsigned long long)c->n_in, c->activation->name, c->bias.canonical,
             (unsigned long long)d->networks, (unsigned long long)c->seed);
        fputs("</dd>\n<dt>inputs</dt><dd>", f);
        esc(f, c->inputs.canonical);
        fputs("</dd>\n</dl>\n", f);
        for (size_t s = 0; s < satstat_deep_report_scheme_count(r); s++) {
            fputs(n > 1 ? "<h3>" : "<h2>", f);
            escf(f, "scheme %s", c->schemes[s].canonical);
            fputs(n > 1 ? "</h3>\n" : "</h2>\n", f);
            int rc = deep_scheme(f, r, s);
            if (rc != SATSTAT_OK)
                return rc;
        }
    }
    if (phase) {
        fputs("<h2>Phase diagram</h2>\n<p>", f);
        escf(f,
             "\xcf\x87\xe2\x82\x81 and the fixed point q* over \xcf\x83_w\xc2\xb2\xc2\xb7" "fan_in "
             "from %g to %g and \xcf\x83_b\xc2\xb2 from %g to %g (%zu \xc3\x97 %zu points); "
             "\xcf\x87\xe2\x82\x81 < 1 is ordered, > 1 chaotic.",
             phase->x_lo, phase->x_hi, phase->y_lo, phase->y_hi, phase->nx, phase->ny);
        fputs("</p>\n", f);
    }
    int rc = figures(f, o);
    if (rc != SATSTAT_OK)
        return rc;
    char cmd[4096];
    /* for the preset's runs (one report per activation) the preset's
     * command, its activation left out */
    if (satstat__deep_command(reports[0], n > 1, n > 1, phase != NULL, cmd, sizeof cmd)
        != SATSTAT_OK)
        snprintf(cmd, sizeof cmd, "(the command is too long to show)");
    commands(f, o, cmd);
    page_end(f);
    return ferror(f) ? SATSTAT_EIO : SATSTAT_OK;
}

/* ---- sweep ---------------------------------------------------------------*/

static const char *const sweep_quantities[] = {"variance", "saturated_fraction",
                                               "mean_activation_derivative"};

static int sweep_page(const satstat_sweep *s, const satstat_html_options *o, FILE *f)
{
    if (!s || !f)
        return SATSTAT_EINVAL;
    size_t points = satstat_sweep_point_count(s);
    const satstat_report *first = points ? satstat_sweep_point_report(s, 0) : NULL;
    if (!first)
        return SATSTAT_EINVAL;
    const satstat_sweep_spec *spec = satstat_sweep_get_spec(s);
    char vary[256];
    if (satstat_sweep_spec_format(spec, vary, sizeof vary) != SATSTAT_OK)
        snprintf(vary, sizeof vary, "%s", satstat_sweep_param_name(spec->param));
    page_begin(f, "satstat sweep: the law of z over a grid");
    fputs("<p>Verdict: ", f);
    if (satstat_report_analytic_only(first))
        fputs("analytic only (nothing sampled)", f);
    else
        verdict(f, satstat_sweep_pass(s));
    fputs("</p>\n<dl class=\"facts\">\n<dt>varied</dt><dd>", f);
    esc(f, vary);
    escf(f, " (%zu points)", points);
    fputs("</dd>\n", f);
    facts_ctx fc = {f, 0};
    satstat__report_facts(first, html_fact, &fc);
    if (fc.open)
        fputs("</dd>\n", f);
    fputs("</dl>\n<p class=\"muted\">The facts above are the first point's; each point "
          "differs only in the varied parameter.</p>\n",
          f);
    satstat_quantity q[SATSTAT_MODEL_MAX];
    size_t nq = 0;
    size_t n_series = satstat_report_config(first)->n_schemes;
    for (size_t sc = 0; sc < n_series; sc++) {
        fputs("<h2>", f);
        escf(f, "scheme %s", satstat_sweep_series_name(s, sc));
        fputs("</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>", f);
        esc(f, satstat_sweep_param_name(spec->param));
        fputs("</th>", f);
        /* the columns: the quantities' labels from the first point's model */
        if (satstat_report_model(first, sc, q, SATSTAT_MODEL_MAX, &nq) != SATSTAT_OK)
            return SATSTAT_EINVAL;
        for (size_t k = 0; k < sizeof sweep_quantities / sizeof sweep_quantities[0]; k++)
            for (int kind = SATSTAT_QUANTITY_FORMULA; kind <= SATSTAT_QUANTITY_INTERVAL; kind++) {
                const satstat_quantity *x =
                    satstat_quantity_find(q, nq, sweep_quantities[k], (satstat_quantity_kind)kind);
                if (!x)
                    continue;
                fputs("<th>", f);
                esc(f, x->label);
                fputs("<br><span class=\"muted\">", f);
                esc(f, kind == SATSTAT_QUANTITY_FORMULA ? "analytic" : kind_word(x->kind));
                fputs("</span></th>", f);
            }
        fputs("<th>verdict</th></tr></thead>\n<tbody>\n", f);
        for (size_t p = 0; p < points; p++) {
            const satstat_report *r = satstat_sweep_point_report(s, p);
            if (!r || satstat_report_model(r, sc, q, SATSTAT_MODEL_MAX, &nq) != SATSTAT_OK)
                return SATSTAT_EINVAL;
            satstat_quantity hq[SATSTAT_MODEL_MAX];
            size_t hn = 0;
            if (satstat_report_model(first, sc, hq, SATSTAT_MODEL_MAX, &hn) != SATSTAT_OK)
                return SATSTAT_EINVAL;
            fprintf(f, "<tr><td>%.6g</td>", satstat_sweep_point_value(s, p));
            for (size_t k = 0; k < sizeof sweep_quantities / sizeof sweep_quantities[0]; k++)
                for (int kind = SATSTAT_QUANTITY_FORMULA; kind <= SATSTAT_QUANTITY_INTERVAL;
                     kind++) {
                    if (!satstat_quantity_find(hq, hn, sweep_quantities[k],
                                               (satstat_quantity_kind)kind))
                        continue;
                    quantity_cell(f, satstat_quantity_find(q, nq, sweep_quantities[k],
                                                           (satstat_quantity_kind)kind));
                }
            fputs("<td>", f);
            if (satstat_report_analytic_only(r))
                fputs("-", f);
            else
                verdict(f, satstat_report_scheme_pass(r, sc));
            fputs("</td></tr>\n", f);
        }
        fputs("</tbody>\n</table></div>\n", f);
    }
    int rc = figures(f, o);
    if (rc != SATSTAT_OK)
        return rc;
    char cmd[4096];
    if (satstat_sweep_command(s, cmd, sizeof cmd) != SATSTAT_OK)
        snprintf(cmd, sizeof cmd, "(the command is too long to show)");
    commands(f, o, cmd);
    page_end(f);
    return ferror(f) ? SATSTAT_EIO : SATSTAT_OK;
}

/* ---- the pages, numbers with '.' whatever the locale ----------------------*/

int satstat_report_write_html(const satstat_report *r, const satstat_html_options *o,
                              FILE *f)
{
    satstat__c_locale scope;
    satstat__c_locale_enter(&scope);
    int rc = run_page(r, o, f);
    satstat__c_locale_leave(&scope);
    return rc;
}

int satstat_deep_report_write_html(const satstat_deep_report *const *reports, size_t n,
                                   const satstat_deep_phase *phase,
                                   const satstat_html_options *o, FILE *f)
{
    satstat__c_locale scope;
    satstat__c_locale_enter(&scope);
    int rc = deep_page(reports, n, phase, o, f);
    satstat__c_locale_leave(&scope);
    return rc;
}

int satstat_sweep_write_html(const satstat_sweep *s, const satstat_html_options *o, FILE *f)
{
    satstat__c_locale scope;
    satstat__c_locale_enter(&scope);
    int rc = sweep_page(s, o, f);
    satstat__c_locale_leave(&scope);
    return rc;
}
