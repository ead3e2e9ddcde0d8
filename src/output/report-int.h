/* report-int.h — the report's writers inside the library.
 *
 * sweep.c embeds each point's run report in its JSON as the run writes it
 * (one function, no round trip through text), and every CSV writer (run,
 * sweep, deep) quotes its text fields the same way. */
#ifndef SATSTAT_REPORT_INT_H
#define SATSTAT_REPORT_INT_H

#include <stdio.h>

#include <jansson.h>

#include <satstat/model.h>
#include <satstat/report.h>

/* Internal to the library: not exported from the shared object. */

/* The run report's JSON object (NULL when out of memory). */
json_t *satstat__report_json(const satstat_report *report);

/* The saturation rule of a config as run and deep report it (config.
 * saturation): the rule, the region in words, its tails and its bands. */
json_t *satstat__saturation_json(const satstat_config *config);

/* A quantity (not a TEST) at its dotted path `json` inside obj, making
 * the objects on the way: an interval as [low, high], a count as an
 * integer, a number or null (run's, sweep's and deep's JSON). */
void satstat__quantity_json(json_t *obj, const satstat_quantity *q);

/* One CSV field per RFC 4180: as is, or in double quotes (inner quotes
 * doubled) when it holds a comma, a quote, CR or LF. */
void satstat__csv_field(FILE *f, const char *text);

/* Free text wrapped at spaces to `width` columns, continuation lines
 * indented by `indent` spaces (a word longer than a line stays whole). */
void satstat__text_wrap(FILE *f, unsigned width, unsigned indent, const char *text);

/* ---- what the text and the HTML page both show (report.c) ----------------*/

/* The facts above the table, in order, as (key, text) pairs: "inputs",
 * "bias", "sampled"; a key "" continues the one before. */
void satstat__report_facts(const satstat_report *r,
                           void (*fact)(void *ctx, const char *key, const char *text),
                           void *ctx);

/* The table of the text report: a label column, then per scheme an
 * analytic (formula or claim) and a sampled cell; an interval has a row of
 * its own (its cell in the sampled column).  Rows are the union of the
 * schemes' quantities in model order; cells a scheme lacks hold "-". */
enum { SATSTAT__CELL_SIZE = 48, SATSTAT__TABLE_ROWS = SATSTAT_MODEL_MAX };
typedef struct satstat__table_row {
    const char *name;
    int is_interval;
    char label[SATSTAT_LABEL_SIZE];
    char cell[SATSTAT_MAX_SCHEMES][2][SATSTAT__CELL_SIZE];
    int has[SATSTAT_MAX_SCHEMES];
} satstat__table_row;
typedef struct satstat__table {
    satstat__table_row row[SATSTAT__TABLE_ROWS];
    size_t n;
} satstat__table;
int satstat__report_table(const satstat_report *r, satstat__table *t);

/* The law of z in words ("normal", "exact (char. function inversion)"). */
const char *satstat__law_text(const satstat_report *r, size_t scheme, int detailed);
/* "pass", "FAIL", "skipped". */
const char *satstat__test_state_name(satstat_test_state s);
/* A test's statistic in words: "t(999) = 0.52", "chi2(54) = 60.1". */
void satstat__statistic_text(const satstat_test_result *t, char *buf, size_t size);
/* The seed's argument in one line (first scheme vs second); 0 when there
 * is nothing to compare. */
int satstat__report_comparison(const satstat_report *r, char *buf, size_t size);
/* A scheme's note under the table; 0 when it has none. */
int satstat__report_note(const satstat_report *r, size_t scheme, char *buf, size_t size);


/* One scheme of a run: its formulas, sampled summary, the null law its
 * tests compare with, and the tests' results (report.c runs it,
 * report_verify.c tests it). */
enum { SATSTAT__MAX_TESTS = 6 };
typedef struct satstat__scheme_entry {
    satstat_analytic a;
    satstat_layout layout;
    satstat_summary *summary;
    double null_variance;        /* V of the null law N(E z, V)            */
    double null_saturated;       /* P(|z| ≥ T) under the null law          */
    double null_dphi;            /* E[φ'(z)] under the null law            */
    satstat_test_result tests[SATSTAT__MAX_TESTS];
    size_t n_tests;
    int pass;
} satstat__scheme_entry;

/* Test every scheme's sample against its law, entries e[0..n_schemes),
 * on up to `threads` threads (report_verify.c). */
int satstat__report_verify_all(const satstat_config *config, satstat__scheme_entry *e,
                               size_t threads);

/* Var z from per-unit moments when a matrix is the unit, and its
 * standard error (report_verify.c). */
void satstat__unit_variance(const satstat_unit_moments *u, uint64_t unit_size, double *v,
                            double *se);

/* One way to write a report in a format, for run, deep and sweep: in the
 * C locale, HTML as a page without figures, SATSTAT_EIO when the stream
 * failed.  `doc` is the command's report, handed to its writers. */
typedef struct satstat__writers {
    void (*text)(const void *doc, unsigned width, FILE *f);
    void (*csv)(const void *doc, FILE *f);
    json_t *(*json)(const void *doc);
    int (*html)(const void *doc, FILE *f);
} satstat__writers;
int satstat__write_format(const satstat__writers *w, const void *doc, satstat_format format,
                          unsigned width, FILE *f);

#endif
