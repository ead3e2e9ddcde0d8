/* test_plot.c — the figures: script text (structure, labels, quoting), the
 * data inside (histograms integrate to 1, densities match the formula, the
 * shaded region is ±T, figure 4 follows the rule: P(z <= t) for relu),
 * real gnuplot runs in png, svg and pdf with nothing
 * on stderr, the PNG size, the CLI's error cases, and the committed gallery
 * in plots/ against what the current code writes.
 *
 * gnuplot must be installed: a missing gnuplot fails these tests (CI
 * installs gnuplot-nox); it is never a skip.
 */
#define _GNU_SOURCE /* open_memstream, mkdtemp */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>

#include <satstat/satstat.h>
#include "common.h"

/* ---- helpers ---------------------------------------------------------------*/

static satstat_config config_of(const char *const *args)
{
    /* args: pairs of (option, value) as the CLI would take them */
    satstat_config c = test_config(NULL, 100000);
    char msg[SATSTAT_ERRMSG_SIZE];
    for (size_t i = 0; args && args[i]; i += 2) {
        const char *o = args[i], *v = args[i + 1];
        if (strcmp(o, "scheme") == 0)
            ck_assert_int_eq(satstat_scheme_parse_list(v, c.schemes, SATSTAT_MAX_SCHEMES,
                                                       &c.n_schemes, msg, sizeof msg), 0);
        else if (strcmp(o, "bias") == 0)
            ck_assert_int_eq(satstat_bias_parse(v, &c.bias, msg, sizeof msg), 0);
        else if (strcmp(o, "inputs") == 0)
            ck_assert_int_eq(satstat_inputs_parse(v, &c.inputs, msg, sizeof msg), 0);
        else if (strcmp(o, "active") == 0) {
            c.inputs.active = strtoull(v, NULL, 10);
        } else if (strcmp(o, "threshold") == 0)
            c.threshold = strtod(v, NULL);
        else if (strcmp(o, "samples") == 0)
            c.samples = strtoull(v, NULL, 10);
        else if (strcmp(o, "n-in") == 0)
            c.n_in = strtoull(v, NULL, 10);
        else if (strcmp(o, "n-out") == 0)
            c.n_out = strtoull(v, NULL, 10);
        else if (strcmp(o, "activation") == 0)
            ck_assert_int_eq(satstat_activation_parse(v, &c.activation, msg, sizeof msg), 0);
        else if (strcmp(o, "saturation") == 0)
            ck_assert_int_eq(satstat_saturation_parse(v, &c.saturation, msg, sizeof msg), 0);
        else
            ck_abort_msg("unknown option %s", o);
    }
    test_config_validate(&c);
    return c;
}

static satstat_report *report_of(const char *const *args, int analytic_only)
{
    satstat_config c = config_of(args);
    satstat_report *r = NULL;
    ck_assert_int_eq(satstat_report_run(&c, analytic_only, NULL, NULL, &r), 0);
    return r;
}

/* Figure i as text; dir is recorded in the header. */
static char *script_of(const satstat_report *r, size_t i, const satstat_plot_options *o,
                       const char *dir)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(satstat_plot_write(r, i, o, dir, m), 0);
    fclose(m);
    return buf;
}

/* The index of the figure named `name`. */
static size_t figure_index(const satstat_report *r, const char *name)
{
    for (size_t i = 0; i < satstat_plot_count(r); i++) {
        char n[SATSTAT_PLOT_NAME_SIZE];
        ck_assert_int_eq(satstat_plot_figure(r, i, NULL, NULL, n, sizeof n), 0);
        if (strcmp(n, name) == 0)
            return i;
    }
    ck_abort_msg("no figure %s", name);
    return 0;
}

static char *script_named(const satstat_report *r, const char *name)
{
    return script_of(r, figure_index(r, name), NULL, NULL);
}

/* The rows of datablock $name: a malloc'd array of doubles, `cols` per row. */
static double *datablock(const char *script, const char *name, size_t cols, size_t *rows)
{
    char head[64];
    snprintf(head, sizeof head, "\n$%s << EOD\n", name);
    const char *p = strstr(script, head);
    ck_assert_msg(p != NULL, "no datablock $%s", name);
    p += strlen(head);
    const char *end = strstr(p, "\nEOD\n");
    ck_assert_ptr_nonnull(end);
    size_t cap = 64, n = 0;
    double *v = malloc(cap * cols * sizeof *v);
    while (p < end) {
        if (n == cap) {
            cap *= 2;
            v = realloc(v, cap * cols * sizeof *v);
        }
        for (size_t k = 0; k < cols; k++) {
            char *e;
            v[n * cols + k] = strtod(p, &e);
            ck_assert_msg(e != p, "bad number in $%s near %.40s", name, p);
            p = e;
        }
        while (*p == ' ')
            p++;
        ck_assert_msg(*p == '\n', "more than %zu columns in $%s near %.40s", cols, name, p);
        p++;
        n++;
    }
    *rows = n;
    return v;
}

/* The value of a `name = value` line of a script. */
static double script_number(const char *script, const char *name)
{
    char head[64];
    snprintf(head, sizeof head, "\n%s = ", name);
    const char *p = strstr(script, head);
    ck_assert_msg(p != NULL, "no %s = in the script", name);
    return strtod(p + strlen(head), NULL);
}

static int has(const char *text, const char *needle)
{
    return strstr(text, needle) != NULL;
}

/* tests/common's, by the names this file's tests use */
#define make_temp_dir() test_temp_dir("plot")
#define path_join(a, b) test_path(a, b)
#define remove_tree(path) test_remove_tree(path)

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* Entries of a directory, sorted, newline-separated (without . and ..). */
static char *listing(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return strdup("(no directory)");
    char *names[256];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 256)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            names[n++] = strdup(e->d_name);
    closedir(d);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (strcmp(names[j], names[i]) < 0) {
                char *t = names[i];
                names[i] = names[j];
                names[j] = t;
            }
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(names[i]) + 1;
    char *out = malloc(len);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        strcat(out, names[i]);
        strcat(out, "\n");
        free(names[i]);
    }
    return out;
}

static int exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* Width and height from a PNG's IHDR chunk (bytes 16..23, big-endian). */
static void png_size(const char *path, unsigned *w, unsigned *h)
{
    size_t len;
    char *b = read_file(path, &len);
    ck_assert_msg(b != NULL, "no image %s", path);
    ck_assert_uint_ge(len, 24);
    const unsigned char *u = (const unsigned char *)b;
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    ck_assert_msg(memcmp(u, sig, 8) == 0, "%s is not a PNG", path);
    ck_assert(memcmp(u + 12, "IHDR", 4) == 0);
    *w = (unsigned)u[16] << 24 | (unsigned)u[17] << 16 | (unsigned)u[18] << 8 | u[19];
    *h = (unsigned)u[20] << 24 | (unsigned)u[21] << 16 | (unsigned)u[22] << 8 | u[23];
    free(b);
}

/* gnuplot must be here: the suite fails (never skips) without it. */
static void require_gnuplot(void)
{
    char path[4096];
    ck_assert_msg(satstat_gnuplot_find(NULL, path, sizeof path) == SATSTAT_OK,
                  "gnuplot is not on PATH: install gnuplot-nox (the figure tests need it)");
}

/* ---- the CLI -----------------------------------------------------------------*/

/* A run of satstat with demo's figures rendered ends within this. */
#define CLI_TIMEOUT_S 300.0

typedef test_run_result cli_result;
#define cli_free(r) test_result_free(r)

/* Run SATSTAT_EXE with args (NULL-terminated) in cwd (NULL: here), with
 * PATH set to `path` when non-NULL: tests/common's runner. */
static cli_result cli_in(const char *cwd, const char *path, const char *const *args)
{
    test_spawn_options o = {.exe = test_exe("SATSTAT_EXE"), .dir = cwd, .path = path};
    o.argv0 = o.exe;
    return test_run_argv(&o, args, CLI_TIMEOUT_S);
}

static cli_result cli(const char *first, ...)
{
    const char *args[64];
    size_t n = 0;
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a && n < 63; a = va_arg(ap, const char *))
        args[n++] = a;
    va_end(ap);
    args[n] = NULL;
    return cli_in(NULL, NULL, args);
}

/* ======================================================================
 * Script text
 * ====================================================================== */

static const char *const seed_names[] = {
    "fig1-density-standard", "fig1-density-scaled", "fig2-compare",
    "fig3-activation", "fig4-saturated-fraction", "fig5-standard-normal",
};

START_TEST(figure_list)
{
    satstat_report *r = report_of(NULL, 1);
    ck_assert_uint_eq(satstat_plot_count(r), 6);
    for (size_t i = 0; i < 6; i++) {
        char n[SATSTAT_PLOT_NAME_SIZE];
        satstat_figure kind;
        size_t scheme;
        ck_assert_int_eq(satstat_plot_figure(r, i, &kind, &scheme, n, sizeof n), 0);
        ck_assert_str_eq(n, seed_names[i]);
        if (i < 2) {
            ck_assert_int_eq(kind, SATSTAT_FIGURE_DENSITY);
            ck_assert_uint_eq(scheme, i);
        }
    }
    char small[8];
    ck_assert_int_eq(satstat_plot_figure(r, 0, NULL, NULL, small, sizeof small),
                     SATSTAT_ERANGE);
    ck_assert_int_eq(satstat_plot_figure(r, 6, NULL, NULL, NULL, 0), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_plot_write(r, 6, NULL, NULL, stdout), SATSTAT_EINVAL);
    satstat_report_free(r);

    const char *args[] = {"scheme", "normal:0.5,uniform:0.1", NULL};
    r = report_of(args, 1);
    char n[SATSTAT_PLOT_NAME_SIZE];
    ck_assert_int_eq(satstat_plot_figure(r, 0, NULL, NULL, n, sizeof n), 0);
    ck_assert_str_eq(n, "fig1-density-normal_0.5");
    ck_assert_int_eq(satstat_plot_figure(r, 1, NULL, NULL, n, sizeof n), 0);
    ck_assert_str_eq(n, "fig1-density-uniform_0.1");
    satstat_report_free(r);
}
END_TEST

/* Every script: a header naming itself, what it shows and the command that
 * made it; the sections in order; one multiplot closed at the end. */
START_TEST(structure)
{
    satstat_report *r = report_of(NULL, 0);
    satstat_plot_options o;
    satstat_plot_options_default(&o);
    for (size_t i = 0; i < satstat_plot_count(r); i++) {
        char *s = script_of(r, i, &o, "plots");
        char head[128];
        snprintf(head, sizeof head, "# %s.gp: ", seed_names[i]);
        ck_assert_msg(strncmp(s, head, strlen(head)) == 0, "header of %s: %.80s",
                      seed_names[i], s);
        ck_assert(has(s, "\n# Made by:  satstat run --scheme standard,scaled --n-in 1000"));
        ck_assert(has(s, " --seed 1 --alpha 0.001 --plots plots --plot-size 1280x800\n"));
        const char *sections[] = {"\n# ---- output ", "\n# ---- style ", "\n# ---- layout ",
                                  "\n# ---- numbers ", "\n# ---- title and axes ",
                                  "\n# ---- the legend and the numbers "};
        const char *at = s;
        for (size_t k = 0; k < sizeof sections / sizeof sections[0]; k++) {
            const char *p = strstr(at, sections[k]);
            ck_assert_msg(p != NULL, "%s: section %s missing or out of order", seed_names[i],
                          sections[k] + 1);
            at = p + 1;
        }
        ck_assert(has(s, "\nif (!exists('width')) width = 1280\n"));
        ck_assert(has(s, "\nif (!exists('height')) height = 800\n"));
        ck_assert(has(s, "\nset multiplot title "));
        size_t len = strlen(s);
        ck_assert_msg(len > 16 && strcmp(s + len - 16, "unset multiplot\n") == 0,
                      "%s does not end the multiplot", seed_names[i]);
        /* Outside comments and data: no double quotes and no backquotes
         * (gnuplot runs `commands` inside double-quoted strings). */
        int in_data = 0;
        for (char *line = s; *line;) {
            char *nl = strchr(line, '\n');
            size_t n = nl ? (size_t)(nl - line) : strlen(line);
            if (in_data) {
                if (n == 3 && strncmp(line, "EOD", 3) == 0)
                    in_data = 0;
            } else if (line[0] != '#') {
                ck_assert_msg(memchr(line, '"', n) == NULL && memchr(line, '`', n) == NULL,
                              "%s: quote in %.*s", seed_names[i], (int)n, line);
                if (n >= 6 && strncmp(line + n - 6, "<< EOD", 6) == 0)
                    in_data = 1;
            }
            line += n + (nl != NULL);
        }
        free(s);
    }
    satstat_report_free(r);
}
END_TEST

/* A scheme keeps its colour by its name whatever else a run shows (the
 * critique: normal:0.01 blue alone but pink beside three others, and
 * uniform:0.05 in scaled's vermillion): the same linetype colour in
 * fig2 of both runs, and never a common scheme's. */
START_TEST(colour_by_name)
{
    const char *alone[] = {"scheme", "normal:0.01", NULL};
    const char *many[] = {"scheme", "normal:1,scaled,he-normal,normal:0.01,uniform:0.05", NULL};
    satstat_report *r1 = report_of(alone, 1), *r2 = report_of(many, 1);
    char *s1 = script_named(r1, "fig2-compare"), *s2 = script_named(r2, "fig2-compare");
    const char *l1 = strstr(s1, "# "), *p1 = strstr(s1, ": normal:0.01\n");
    const char *p2 = strstr(s2, ": normal:0.01\n"), *u2 = strstr(s2, ": uniform:0.05\n");
    ck_assert(l1 && p1 && p2 && u2);
    /* the colour's name stands before ": normal:0.01" ("# rose: normal:0.01") */
    char c1[32], c2[32], cu[32];
    const char *b1 = p1, *b2 = p2, *bu = u2;
    while (b1[-1] != '#') b1--;
    while (b2[-1] != '#') b2--;
    while (bu[-1] != '#') bu--;
    snprintf(c1, sizeof c1, "%.*s", (int)(p1 - b1), b1);
    snprintf(c2, sizeof c2, "%.*s", (int)(p2 - b2), b2);
    snprintf(cu, sizeof cu, "%.*s", (int)(u2 - bu), bu);
    ck_assert_str_eq(c1, c2);
    const char *common[] = {" blue", " vermillion", " bluish green", " reddish purple",
                            " orange", " sky blue"};
    for (size_t k = 0; k < sizeof common / sizeof common[0]; k++) {
        ck_assert_str_ne(c1, common[k]);
        ck_assert_str_ne(cu, common[k]);
    }
    ck_assert_str_ne(c1, cu);
    free(s1);
    free(s2);
    satstat_report_free(r1);
    satstat_report_free(r2);
}
END_TEST

/* A legend below the plot (3.5 x 2.4 in, 8 pt, 300 dpi) is drawn column
 * by column, each column a key of its own, every row with a sample once
 * and in one column: gnuplot's own 'horizontal maxcols' columns, sized by
 * its wider estimate of the text, were fewer than the height kept room
 * for, and it dropped the rows that did not fit. */
/* fig2's whole-axis panel draws a density under an eighth of the panel's
 * peak magnified, and says so in the panel; the zoom draws it as it is.
 * Standard's N(0, 501) peaked at 0.018 beside scaled's 0.33, 27 px on a
 * slide, its sampled band not to be told from its formula (figure review
 * 19, S1). */
START_TEST(compare_magnifies_small_density)
{
    const char *args[] = {"scheme", "standard,scaled", "samples", "20000", NULL};
    satstat_report *r = report_of(args, 0);
    char *s = script_of(r, figure_index(r, "fig2-compare"), NULL, NULL);
    ck_assert(has(s, "\ndrawn_times1 = 10 "));
    ck_assert(has(s, "\ndrawn_times2 = 1 "));
    ck_assert(has(s, "$pdf1 using 1:($2 * drawn_times1)"));
    ck_assert(has(s, "using (band_at($1, $0, hist1_width)):($2 * drawn_times1)"));
    const char *label = strstr(s, "set label 21 '×10' at graph 0.03, graph 0.95 offset 0, -1 left front textcolor linetype 1");
    ck_assert(has(s, "set label 20 'standard' at graph 0.03, graph 0.95 offset 0, 0 left front textcolor linetype 1"));
    const char *zoom = strstr(s, "drawn_times1 = 1   # the zoom");
    ck_assert(label != NULL && zoom != NULL && label < zoom);
    ck_assert(has(s, "unset label 21\n"));
    /* and in the key's rows of text (figure review 20, S1) */
    ck_assert(has(s, "standard: drawn ×10 on the whole z axis"));
    ck_assert(!has(s, "scaled: drawn ×"));
    free(s);
    satstat_report_free(r);
}
END_TEST

START_TEST(legend_below_by_column)
{
    const char *args[] = {"scheme", "standard,scaled,he-normal", "activation", "relu",
                          "samples", "2000", NULL};
    satstat_report *r = report_of(args, 0);
    satstat_plot_options o = test_paper_options();
    char *s = script_of(r, figure_index(r, "fig2-compare"), &o, NULL);
    ck_assert(!has(s, "maxcols legend_cols"));
    ck_assert(has(s, "\n    do for [legend_col = 0:legend_cols - 1] {\n"));
    ck_assert(has(s, "\n    legend_rows = ceil(1. * key_rows / legend_cols)\n"));
    ck_assert(has(s, "\nkey_rows = 7 "));
    /* three sampled, three formula rows and the region in the columns,
     * rows 0 to 6, each once; the fractions P(region) (figure review 17,
     * S6) in three rows of text under them, across the width (figure
     * review 18, S4) */
    for (int k = 0; k <= 7; k++) {
        char row[64];
        snprintf(row, sizeof row, "title (int(%d / legend_rows) == legend_col ? '", k);
        const char *first = strstr(s, row);
        ck_assert_msg((first != NULL) == (k < 7), "row %d", k);
        ck_assert(first == NULL || strstr(first + 1, row) == NULL);
    }
    /* (and a fourth: standard's density, drawn ×10 on the whole axis,
     * said so in the key: figure review 20, S1) */
    ck_assert(has(s, "\ntext_rows = 4 "));
    ck_assert(has(s, "'standard: drawn ×10 on the whole z axis'"));
    ck_assert(has(s, "\n    legend_height = ") || has(s, "((ceil(1. * key_rows / legend_cols) + text_rows) * "));
    ck_assert(has(s, "title (int(6 / legend_rows) == legend_col ? 'inactive (z ≤ 0)' : '')"));
    /* side by side: one y label; the zoom named on its axis at every size
     * ('z' on the slide beside 'z (zoom)' in print: figure review 17, N14) */
    ck_assert(has(s, "\nif (side_by_side) { unset ylabel }\n"));
    ck_assert(has(s, "\nset xlabel 'z (zoom)'\n"));
    ck_assert(!has(s, "if (side_by_side) { set xlabel 'z (zoom)' }"));
    free(s);
    /* fig4's dotted line is the rule's cut, not the region it bounds */
    s = script_of(r, figure_index(r, "fig4-saturated-fraction"), &o, NULL);
    ck_assert(has(s, "linewidth 2 dashtype 3 title 'cut at 0 (dead)'"));
    ck_assert(!has(s, "dashtype 3 title 'inactive"));
    free(s);
    satstat_report_free(r);
}
END_TEST

/* Numbers on the figures: a law's variance as exact as it is (1.005, not
 * "1.00"), small fractions typeset m×10^{n}, the numbers of figure 1 kept
 * in two rows for a legend below a small plot, and its tail in a log
 * inset when it holds under 5 %. */
START_TEST(numbers_typeset)
{
    /* one input on, weights N(0, 0.1^2), bias N(0, 1): z ~ N(0, 1.01) */
    const char *args[] = {"scheme", "normal:0.1", "active", "1", "n-in", "10",
                          "samples", "20000", NULL};
    satstat_report *r = report_of(args, 0);
    char *s = script_named(r, "fig1-density-normal_0.1");
    /* Var z = 1 * 0.01 + 1 = 1.01 */
    ck_assert(has(s, "σ² = 1.01)'"));
    ck_assert(has(s, "'Var z = 1.01, sampled "));
    /* erfc(4/sqrt(2.02)) = 6.8872e-05 (mpmath, 20 digits) */
    ck_assert(has(s, "'P(|z| ≥ 4) = 6.89×10^{−5}, sampled "));
    ck_assert(has(s, "inset: the upper tail on a log axis"));
    free(s);
    satstat_report_free(r);

    const char *wide[] = {"scheme", "standard", NULL};
    r = report_of(wide, 1);
    s = script_named(r, "fig1-density-standard");
    ck_assert(!has(s, "inset: the upper tail")); /* 0.858 saturated: in view already */
    free(s);
    satstat_report_free(r);
}
END_TEST

/* Titles, axis labels and legend rows (golden strings). */
START_TEST(labels)
{
    satstat_report *r = report_of(NULL, 0);
    char *s = script_named(r, "fig1-density-standard");
    /* the activation named: tanh and sigmoid figures were otherwise identical */
    ck_assert(has(s, "\ntitle_whole = 'Density of z, sigmoid, scheme standard: weights N(0, 1)'\n"));
    /* a small figure keeps the head of a long title, never a title cut at the edges */
    ck_assert(has(s, "\ntitle_head = 'Density of z, sigmoid, scheme standard'"));
    ck_assert(has(s, "\nset xlabel 'z'\nset ylabel 'density of z'\n"));
    ck_assert(has(s, "title 'sampled, n = 100\u2009000'")); /* grouped, a thin space */
    ck_assert(has(s, "title 'formula N(0, σ² = 501)'")); /* the variance named */
    ck_assert(has(s, "title 'saturated |z| ≥ 4'"));
    ck_assert(has(s, "title 'P(|z| ≥ 4)'"));
    ck_assert(has(s, "title '   formula  0.858'"));
    ck_assert(has(s, "title '   99.9 % CI:'"));
    ck_assert(has(s, "   # blue: standard\n"));
    ck_assert(has(s, "set linetype 1 linecolor rgb '#0072B2'"));
    free(s);

    s = script_named(r, "fig1-density-scaled");
    ck_assert(has(s, "title 'formula N(0, σ² = 1.5)'")); /* as exact as it is */
    /* the weights typeset: n_{in}, no literal underscore */
    ck_assert(has(s, "\ntitle_whole = 'Density of z, sigmoid, scheme scaled: weights N(0, 1/n_{in})'\n"));
    ck_assert(has(s, "\nzmax = 6 "));   /* ±1.5 T: the narrow case keeps its region */
    free(s);

    s = script_named(r, "fig2-compare");
    ck_assert(has(s, "\ntitle_whole = 'Density of z under every scheme; the second panel zoomed on [−5, 5]'\n"));
    /* fig1's word for the same law (figure review 8, S8); the law and
     * P(|z| ≥ 4) in a row of text under the legend's columns, a scheme's
     * rows short (two columns at 3.5 in: figure review 18, S4) */
    ck_assert(has(s, "title (int(1 / legend_rows) == legend_col ? 'standard: formula' : '')"));
    ck_assert(has(s, "title (int(3 / legend_rows) == legend_col ? 'scaled: formula' : '')"));
    ck_assert(has(s, "title (0 == legend_col ? 'standard: N(0, σ² = 501), P(|z| ≥ 4) = 0.858' : '')"));
    ck_assert(has(s, "title (0 == legend_col ? 'scaled: N(0, σ² = 1.5), P(|z| ≥ 4) = 0.00109' : '')"));
    ck_assert(!has(s, ": exact N("));
    /* the sampled histograms as outlines with swatches of their own (no
     * translucent fills whose overlaps match no swatch), drawn before
     * every formula line so that no fill covers a line */
    /* wide and pale (40 % of vermillion on white) under the formula's line */
    ck_assert(has(s, "keyentry with lines linecolor rgb '#EEBF99' linewidth 6 dashtype 1 title 'scaled: sampled'"));
    ck_assert(!has(s, "filledcurves y1=0 linetype"));
    {
        /* a bin the panel's end cuts drawn up to band_x, not left out
         * (figure review 16, M2: standard's band stopped at 4.5 of 5) */
        ck_assert(has(s, "\nhist2_width = "));
        ck_assert(has(s, "\nband_at(z, row, w) = (band_hi(z, row, w) < -band_x || band_lo(z, row, w) > band_x) ? NaN : "
                         "(z < -band_x ? -band_x : (z > band_x ? band_x : z))\n"));
        const char *h2 = strstr(s, "$hist2 using (band_at($1, $0, hist2_width)):($2 * drawn_times2) with lines"),
                   *p1 = strstr(s, "$pdf1 using 1:($2 * drawn_times1) with lines");
        ck_assert(h2 && p1 && h2 < p1);
    }
    /* the band (6 units wide) kept inside each panel: the y axis starts
     * its width and a pixel below 0 (its steps' mitred corners), the band
     * half its width left of the frame: it lay half under the axis and
     * past the zoom's frame (figure review 7, S9); every value drawn
     * where it is, none lifted to a floor (review 15, M5.1) */
    ck_assert(has(s, "\nband_x = (zmax) * (1 - 2 * 6 * scale / width / panel_w)"));
    ck_assert(has(s, "\nband_y = (ymax) * (6 * scale + 1) / height / panel_h   #"));
    ck_assert(has(s, "\nset yrange [-band_y:ymax]\n"));
    ck_assert(has(s, "\nband_x = (zoom) * (1 - 2 * 6 * scale / width / panel_w)"));
    ck_assert(has(s, "\nband_y = (ymax_zoom) * (6 * scale + 1) / height / panel_h   #"));
    ck_assert(has(s, "\nset yrange [-band_y:ymax_zoom]\n"));
    ck_assert(!has(s, "band_y ? $2 : band_y"));
    ck_assert(has(s, "\nzoom = 5 "));
    ck_assert(has(s, "\nzmax = 100 "));
    free(s);

    s = script_named(r, "fig3-activation");
    /* the title, and the width that fits it (satstat__fig_multiplot_title) */
    ck_assert(has(s, "\ntitle_whole = 'Where z sits against where sigmoid has slope'\n"));
    /* (0.94: at 0.97 a shrunk title ended 11 px from the edge, review 16 S7) */
    ck_assert(has(s, "\ntitle_room = 0.94 "));
    ck_assert(has(s, "\nset multiplot title (title_chars * char_width < title_room ? title_whole : title_head) "
                     "font font_at(title_fit)\n"));
    ck_assert(has(s, "title 'φ(z) = sigmoid(z)'"));
    ck_assert(has(s, "title 'φ′(z)'"));
    ck_assert(has(s, "\nset ylabel 'φ(z), φ′(z)'\n"));
    /* short, for two columns below the panels (figure review 18, S4); the
     * right-hand axis said once */
    ck_assert(has(s, "title (int(1 / legend_rows) == legend_col ? 'scaled: density' : '')"));
    ck_assert(has(s, "title (0 == legend_col ? 'densities, both panels: right panel''s axis' : '')"));
    ck_assert(has(s, "title 'mean slope E[sigmoid′(z)]'"));
    ck_assert(has(s, "title 'scaled 0.193, ")); /* one space, as below a small plot (review 17, N15) */
    ck_assert(!has(s, "title 'scaled  0.193"));
    free(s);

    s = script_named(r, "fig4-saturated-fraction");
    ck_assert(has(s, "\nset xlabel 't'\nset ylabel 'P(|z| ≥ t)'\n"));
    /* the zoom's axis named so at every size (review 15 N6.4: "t" at
     * 1280 x 800, "t (zoom)" at 3.5 in) */
    if (has(s, "\nset xrange [0:zoom]\n"))
        ck_assert(has(s, "\nset xlabel 't (zoom)'\nset xrange [0:zoom]\n"));
    /* the key to the marks: rows with a sample, kept below a small plot */
    ck_assert(has(s, "keyentry with lines linecolor rgb ink linewidth 3 dashtype 1 title 'formula'"));
    ck_assert(has(s, "keyentry with yerrorbars linecolor rgb ink linewidth 2 dashtype 1 pointtype 7 pointsize 1.3 * pointscale title 'sampled, 99.9 % CI'"));
    ck_assert(!has(s, "lines: formula"));
    /* gnuplot 5.4 draws a disc of the background colour and the default
     * point size under each yerrorbars point: the default no larger than
     * the points (at 1, in SVG it erased the bars).  The SVG's text is
     * spaced as the PNG's: the svg terminal's font svg_vchar times smaller
     * and drawn as much larger (its fontscale), its points too; the y label
     * as far from the axis as the PNG's by the svg terminal's narrower
     * character (svg_hchar) */
    ck_assert(has(s, "\nset pointsize pointscale\n"));
    ck_assert(has(s, "set linetype 1 linecolor rgb "));
    ck_assert(has(s, "pointsize lt_pointsize"));
    ck_assert(has(s, "\nlt_pointsize = 1.3 * pointscale * ((format eq 'svg') ? 1.15 : 1)\n"));
    ck_assert(has(s, "\nsvg_vchar = (format eq 'svg') ? 1.29 : 1\n"));
    ck_assert(has(s, "\nfontscale = (format eq 'svg') ? 128. / dpi / svg_vchar : "));
    ck_assert(has(s, "font fontspec fontscale svg_vchar linewidth"));
    ck_assert(has(s, "\npointscale = (format eq 'svg') ? 0.378 * svg_vchar : "));
    /* the SVG's dash type 3 dotted as the cairo terminals' (its own is
     * dashed); the grid solid in every terminal (gnuplot's grid is its
     * dotted axis line type unless given one) */
    ck_assert(has(s, "\nif (format eq 'svg') set dashtype 3 (4 * dash_unit, 16 * dash_unit)\n"));
    ck_assert(has(s, "\nset grid linetype 1 linecolor rgb '#E5E5E5' linewidth 1 dashtype solid\n"));
    ck_assert(has(s, "\n    set ylabel offset -(svg_hchar - 1) * 3, 0\n"));
    ck_assert(!has(s, "svg_line"));
    /* each scheme's swatch is its line and its point, as drawn */
    ck_assert(has(s, "keyentry with linespoints linetype 2 title 'scaled'"));
    /* scaled's 0.00109 at T is under 5 % of the axis top: a log axis, 10^{n} ticks */
    ck_assert(has(s, "\nset logscale y 10\nset format y '10^{%T}'\n"));
    ck_assert(has(s, "title 'threshold T = 4'"));
    free(s);

    s = script_named(r, "fig5-standard-normal");
    ck_assert(has(s, "\nphi(z) = exp(-z**2 / 2) / sqrt(2 * pi)\n"));
    ck_assert(has(s, "title '68.27 % within ±1σ'"));
    ck_assert(has(s, "\nset xlabel 'x = (z − μ)/σ'\n")); /* standardised, not z */
    free(s);
    satstat_report_free(r);

    /* the activation is the report's: its name labels the curves */
    const char *args[] = {"activation", "tanh", "threshold", "2", NULL};
    r = report_of(args, 1);
    s = script_named(r, "fig3-activation");
    ck_assert(has(s, "title 'φ(z) = tanh(z)'"));
    /* tanh's whole range: the left axis goes below -1 */
    ck_assert(script_number(s, "ymin") <= -1 && script_number(s, "ymax") >= 1);
    ck_assert(has(s, "where tanh has slope"));
    ck_assert(!has(s, "sigmoid"));
    free(s);
    satstat_report_free(r);
}
END_TEST

/* The header records --plot-size, the directory (shell-quoted) and the
 * invocation with the folder and the figure options it was given; the
 * script's own size defaults follow the options. */
START_TEST(options_recorded)
{
    satstat_report *r = report_of(NULL, 1);
    satstat_plot_options o;
    satstat_plot_options_default(&o);
    o.width = 1920;
    o.height = 1080;
    o.invocation = "satstat demo";
    char *s = script_of(r, 2, &o, "my figs/it's");
    ck_assert(has(s, "\n# Made by:  satstat demo 'my figs/it'\\''s' --plot-size 1920x1080\n"
                     "#           (the same as: satstat run "));
    ck_assert(has(s, " --analytic-only --plots 'my figs/it'\\''s' --plot-size 1920x1080)\n"));
    ck_assert(has(s, "\nif (!exists('width')) width = 1920\n"));
    ck_assert(has(s, "\nif (!exists('height')) height = 1080\n"));
    free(s);

    /* a newline would end the comment: refused */
    o.invocation = "satstat demo\nsystem('rm -rf /')";
    FILE *null = fopen("/dev/null", "w");
    ck_assert_int_eq(satstat_plot_write(r, 2, &o, NULL, null), SATSTAT_EINVAL);
    o.invocation = NULL;
    ck_assert_int_eq(satstat_plot_write(r, 2, &o, "a\nb", null), SATSTAT_EINVAL);
    o.width = 10;
    ck_assert_int_eq(satstat_plot_write(r, 2, &o, NULL, null), SATSTAT_EINVAL);
    fclose(null);
    satstat_report_free(r);
}
END_TEST

START_TEST(quoting)
{
    char buf[64];
    ck_assert_int_eq(satstat_plot_quote("it's", buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "'it''s'");
    ck_assert_int_eq(satstat_plot_quote("a`rm -rf`b\\n", buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "'a`rm -rf`b\\n'"); /* single quotes: taken literally */
    ck_assert_int_eq(satstat_plot_quote("", buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "''");
    ck_assert_int_eq(satstat_plot_quote("two\nlines", buf, sizeof buf), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_plot_quote("cr\r", buf, sizeof buf), SATSTAT_EINVAL);
    ck_assert_int_eq(satstat_plot_quote("abcdef", buf, 5), SATSTAT_ERANGE);
    ck_assert_uint_lt(strlen(buf), 5);
    ck_assert_int_eq(satstat_plot_quote(NULL, buf, sizeof buf), SATSTAT_EINVAL);
}
END_TEST

/* Numbers use '.' whatever the locale; a full disk is an error. */
START_TEST(locale_and_write_errors)
{
    satstat_report *r = report_of(NULL, 0);
    char *plain = script_of(r, 0, NULL, NULL);
    const char *comma[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", NULL};
    for (size_t i = 0; comma[i]; i++) {
        if (!setlocale(LC_NUMERIC, comma[i]))
            continue;
        char *s = script_of(r, 0, NULL, NULL);
        ck_assert_msg(strcmp(s, plain) == 0, "the script changes under %s", comma[i]);
        free(s);
        setlocale(LC_NUMERIC, "C");
        break;
    }
    free(plain);
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        ck_assert_int_eq(satstat_plot_write(r, 2, NULL, NULL, full), SATSTAT_EIO);
        fclose(full);
    }
    satstat_report_free(r);
}
END_TEST

START_TEST(option_parsing)
{
    unsigned w, h;
    char msg[SATSTAT_ERRMSG_SIZE];
    ck_assert_int_eq(satstat_plot_size_parse("1920x1200", &w, &h, msg, sizeof msg), 0);
    ck_assert_uint_eq(w, 1920);
    ck_assert_uint_eq(h, 1200);
    const char *bad[] = {"", "1280", "x800", "1280x", "1280x800x2", "0x0", "100x800",
                         "1280x100000", "-1280x800", "1280 x 800", "1e3x800.5", "axb"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        msg[0] = '\0';
        ck_assert_msg(satstat_plot_size_parse(bad[i], &w, &h, msg, sizeof msg) == SATSTAT_EINVAL,
                      "accepted %s", bad[i]);
        ck_assert(msg[0] != '\0');
    }
    satstat_render_format f;
    const char *names[] = {"none", "png", "svg", "pdf"};
    for (int i = 0; i < 4; i++) {
        ck_assert_int_eq(satstat_render_format_parse(names[i], &f, msg, sizeof msg), 0);
        ck_assert_str_eq(satstat_render_format_name(f), names[i]);
    }
    ck_assert_int_eq(satstat_render_format_parse("xyz", &f, msg, sizeof msg), SATSTAT_EINVAL);
    ck_assert(has(msg, "'xyz'") && has(msg, "png"));
}
END_TEST

/* ======================================================================
 * The data in the scripts
 * ====================================================================== */

/* Each sampled histogram integrates to 1 (less what fell outside its
 * range), its counts add up, and the bins tile the range. */
START_TEST(histogram_integrates_to_one)
{
    const char *const cases[][7] = {
        {NULL},
        {"scheme", "uniform:0.1", "inputs", "bernoulli:0.3", NULL},
        {"scheme", "scaled", "samples", "1000", NULL},
        {"scheme", "normal:0.2", "samples", "37", NULL},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        satstat_report *r = report_of(cases[c][0] ? cases[c] : NULL, 0);
        for (size_t i = 0; i < satstat_report_scheme_count(r); i++) {
            char *s = script_of(r, i, NULL, NULL);
            size_t rows;
            char name[32];
            snprintf(name, sizeof name, "hist%zu", i + 1);
            double *v = datablock(s, name, 3, &rows);
            ck_assert_uint_eq(rows % 2, 0);
            uint64_t under, over;
            satstat_summary_histogram(satstat_report_summary(r, i), &under, &over);
            uint64_t n = satstat_summary_z(satstat_report_summary(r, i))->n;
            double area = 0, count = 0;
            for (size_t k = 0; k < rows; k += 2) {
                double lo = v[3 * k], hi = v[3 * k + 3];
                ck_assert(hi > lo);
                ck_assert_double_eq(v[3 * k + 1], v[3 * k + 4]); /* one height per bin */
                ck_assert_double_eq(v[3 * k + 2], v[3 * k + 5]);
                if (k > 0)
                    ck_assert_double_eq_tol(lo, v[3 * k - 3], 1e-9 * fabs(hi - lo));
                area += v[3 * k + 1] * (hi - lo);
                count += v[3 * k + 2];
            }
            ck_assert_double_eq(count, (double)(n - under - over));
            /* densities carry 7 significant digits */
            ck_assert_double_eq_tol(area, 1.0 - (double)(under + over) / (double)n, 1e-6);
            ck_assert_double_eq_tol(area, 1.0, 1e-6 + (double)(under + over) / (double)n);
            free(v);
            free(s);
        }
        satstat_report_free(r);
    }
}
END_TEST

/* The analytic columns are the formula: the normal density of the
 * analytic law, the saturated fraction, φ and φ'. */
START_TEST(analytic_columns_match_formula)
{
    const char *args[] = {"scheme", "standard,scaled,uniform:0.05", NULL};
    satstat_report *r = report_of(args, 0);
    for (size_t i = 0; i < 3; i++) {
        const satstat_analytic *a = satstat_report_analytic(r, i);
        double sd = sqrt(a->variance);
        char *s = script_of(r, i, NULL, NULL);
        size_t rows;
        char name[32];
        snprintf(name, sizeof name, "pdf%zu", i + 1);
        double *v = datablock(s, name, 2, &rows);
        ck_assert_uint_ge(rows, 401);
        for (size_t k = 0; k < rows; k++) {
            double z = v[2 * k], want = gsl_ran_gaussian_pdf(z - a->mean, sd);
            ck_assert_msg(fabs(v[2 * k + 1] - want) <= 1e-6 * want + 1e-300,
                          "pdf(%g) = %g, formula %g", z, v[2 * k + 1], want);
        }
        /* the curve reaches the axis ends */
        double zmax = script_number(s, "zmax");
        ck_assert(v[0] <= -zmax && v[2 * rows - 2] >= zmax);
        free(v);
        free(s);
    }
    char *s = script_named(r, "fig4-saturated-fraction");
    for (size_t i = 0; i < 3; i++) {
        const satstat_analytic *a = satstat_report_analytic(r, i);
        char name[32];
        snprintf(name, sizeof name, "formula%zu", i + 1);
        size_t rows;
        double *v = datablock(s, name, 2, &rows);
        for (size_t k = 0; k < rows; k++) {
            double want = satstat_normal_saturated_fraction(a->mean, sqrt(a->variance), v[2 * k]);
            ck_assert(fabs(v[2 * k + 1] - want) <= 1e-6 * want + 1e-300);
        }
        free(v);
        /* sampled points: at t = T the report's saturated count, exactly;
         * the bars hold the point */
        snprintf(name, sizeof name, "sample%zu", i + 1);
        v = datablock(s, name, 4, &rows);
        const satstat_summary *sum = satstat_report_summary(r, i);
        double at_t = (double)satstat_summary_saturated(sum) / (double)satstat_summary_z(sum)->n;
        ck_assert_uint_gt(rows, 16);
        ck_assert_double_eq(v[4 * 16], 4.0);
        ck_assert_double_eq_tol(v[4 * 16 + 1], at_t, 1e-6 * at_t + 1e-12);
        ck_assert_double_eq(v[1], 1.0);
        for (size_t k = 0; k < rows; k++) {
            ck_assert(v[4 * k + 2] <= v[4 * k + 1] + 1e-12);
            ck_assert(v[4 * k + 3] >= v[4 * k + 1] - 1e-12);
            if (k)
                ck_assert(v[4 * k + 1] <= v[4 * k - 3]); /* non-increasing */
        }
        free(v);
    }
    free(s);
    s = script_named(r, "fig3-activation");
    size_t rows;
    double *v = datablock(s, "act", 3, &rows);
    const satstat_activation *act = satstat_activation_find("sigmoid");
    for (size_t k = 0; k < rows; k++) {
        ck_assert(fabs(v[3 * k + 1] - act->phi(v[3 * k])) <= 1e-6 * act->phi(v[3 * k]) + 1e-300);
        ck_assert(fabs(v[3 * k + 2] - act->dphi(v[3 * k])) <= 1e-6 * act->dphi(v[3 * k]) + 1e-300);
    }
    free(v);
    free(s);
    satstat_report_free(r);
}
END_TEST

/* The shaded region is |z| ≥ T: both rectangles end at ∓T, T read from
 * the script equals the report's, in every figure with a z axis. */
START_TEST(shaded_region_is_T)
{
    const char *thresholds[] = {"4", "2.5", "12"};
    for (size_t t = 0; t < 3; t++) {
        const char *args[] = {"threshold", thresholds[t], NULL};
        satstat_report *r = report_of(args, 1);
        const char *figs[] = {"fig1-density-standard", "fig1-density-scaled", "fig2-compare"};
        for (size_t f = 0; f < 3; f++) {
            char *s = script_named(r, figs[f]);
            ck_assert_double_eq(script_number(s, "T"), strtod(thresholds[t], NULL));
            ck_assert(has(s, "\nset object 1 rectangle from graph 0, graph 0 to first -T, graph 1 "));
            ck_assert(has(s, "\nset object 2 rectangle from first T, graph 0 to graph 1, graph 1 "));
            /* the region shows: the axis reaches past T on both sides */
            ck_assert(script_number(s, "zmax") >= 1.5 * strtod(thresholds[t], NULL));
            free(s);
        }
        char *s = script_named(r, "fig4-saturated-fraction");
        ck_assert(has(s, "\nset arrow 1 from first T, graph 0 to first T, graph 1 nohead"));
        free(s);
        satstat_report_free(r);
    }
}
END_TEST

/* Figure 1: the sampled density is opaque, in the colour its 35 % fill has
 * on white (Okabe-Ito blue #0072B2 and vermillion #D55E00 at 0.35 over
 * white, worked by hand: 255 - 0.35 (255 - c) per channel), in the plot and
 * in its legend swatch alike, so the grey saturated region behind it cannot
 * tint it away from the swatch. */
START_TEST(fig1_fill_matches_swatch)
{
    const char *args[] = {"samples", "2000", NULL};
    satstat_report *r = report_of(args, 0);
    const char *figs[] = {"fig1-density-standard", "fig1-density-scaled"};
    const char *fills[] = {"#A6CEE4", "#F0C7A6"};
    for (size_t f = 0; f < 2; f++) {
        char *s = script_named(r, figs[f]);
        char style[160];
        snprintf(style, sizeof style,
                 "with filledcurves y1=0 fillcolor rgb '%s' fillstyle solid 1.0 noborder", fills[f]);
        char plotted[200], swatch[200];
        snprintf(plotted, sizeof plotted, "using 1:2 %s notitle", style);
        snprintf(swatch, sizeof swatch, "keyentry %s title 'sampled", style);
        ck_assert_msg(has(s, plotted), "%s: the histogram is not drawn %s", figs[f], style);
        ck_assert_msg(has(s, swatch), "%s: the swatch is not %s", figs[f], style);
        ck_assert(has(s, "graph 1 behind fillcolor rgb shade fillstyle solid 1.0"));
        free(s);
    }
    satstat_report_free(r);
}
END_TEST

/* Figure 3: the densities on the right axis are the true ones (not each
 * scaled to its own peak, which made `scaled`'s 18 x higher peak and
 * `standard`'s flat one the same height), the axis reaches the highest of
 * them with at most 1.1 x headroom (rounded up), and they are outlines in
 * the colour of their swatch: no fill whose overlaps mix colours. */
START_TEST(fig3_true_densities)
{
    const char *args[] = {"samples", "20000", NULL};
    satstat_report *r = report_of(args, 0);
    char *s = script_named(r, "fig3-activation");
    double peak = 0, peaks[2];
    for (size_t i = 0; i < 2; i++) {
        char name[16];
        snprintf(name, sizeof name, "hist%zu", i + 1);
        size_t rows;
        double *v = datablock(s, name, 3, &rows);
        peaks[i] = 0;
        for (size_t k = 0; k < rows; k++)
            peaks[i] = fmax(peaks[i], v[3 * k + 1]);
        peak = fmax(peak, peaks[i]);
        free(v);
        char plotted[128], swatch[128];
        snprintf(plotted, sizeof plotted,
                 "$hist%zu using 1:2 axes x1y2 with lines linetype %zu linewidth 2.5 dashtype 1 notitle",
                 i + 1, i + 1);
        snprintf(swatch, sizeof swatch,
                 "keyentry with lines linetype %zu linewidth 2.5 dashtype 1 title '", i + 1);
        ck_assert_msg(has(s, plotted), "no %s", plotted);
        ck_assert_msg(has(s, swatch), "no %s", swatch);
    }
    /* standard (Var z 501) against scaled (1.5): peaks about sqrt(501/1.5) apart */
    ck_assert(peaks[1] / peaks[0] > 12 && peaks[1] / peaks[0] < 25);
    double top = script_number(s, "y2max");
    ck_assert(top >= peak && top <= 1.1 * peak * 1.01);
    ck_assert(has(s, "\nset y2label 'density of z'\n"));
    ck_assert(has(s, "\ny2top = y2max\n"));
    /* the densities' 0 level with phi's: the right axis starts below 0 in
     * the share the left one does, its ticks from 0 up */
    ck_assert(has(s, "\ny2bottom = (ymin < 0) ? y2top * ymin / ymax : 0\nset y2range [y2bottom:y2top]\n"));
    ck_assert(has(s, "\nset y2tics 0, tick_step("));
    ck_assert(!has(s, "filledcurves"));
    /* side by side (a small figure) one density scale for both panels,
     * numbered on the right panel's right axis only: the left panel's
     * numbers beside the right panel's φ numbers read as a table (figure
     * review 7, S10), nor ticks there, which unnumbered read as a scale
     * of their own (figure review 8, S9), nor a right spine, which
     * still read as one (figure review 26, S5); the right panel's
     * restored */
    ck_assert(has(s, "\n    y2max = (y2zoom > y2max) ? y2zoom : y2max\n    y2zoom = y2max\n"));
    ck_assert(has(s, "\nif (side_by_side) { unset y2label; set format y2 ''; set y2tics scale 0; set border 3 linewidth 1.5 }"));
    ck_assert(has(s, "\nset xlabel 'z (zoom)'\nif (side_by_side) { unset ylabel; set y2label 'density of z'; set format y2; set y2tics scale default;"
                     " set border 11 linewidth 1.5 }\n"));
    /* the legend below a small plot keeps the figure's result, the mean
     * slopes (the column's text rows are left out there: at 3.5 in fig3
     * had none, figure review 15, S4.2) */
    const char *below = strstr(s, "if (exists('legend_below') && legend_below) {");
    ck_assert(below != NULL);
    const char *column = strstr(below, "} else {");
    ck_assert(column != NULL);
    const char *slope = strstr(below, "'mean slope E[sigmoid′(z)], formula, sampled:'");
    ck_assert_msg(slope != NULL && slope < column, "no mean slope below the plot");
    const char *pairs = strstr(slope, "? 'standard 0.0");
    ck_assert_msg(pairs != NULL && pairs < column && strstr(pairs, "; scaled 0.") < column,
                  "the schemes' mean slopes not below the plot");
    free(s);
    satstat_report_free(r);
}
END_TEST

/* Figure 4: fractions at T that span more than 100 x get a log y axis (the
 * default: standard 0.858 beside scaled 0.00109, which sat on zero on a
 * linear one), from the decade below the smallest down-halved fraction, a
 * sampled 0 drawn open at the foot; fractions within 100 x keep the linear
 * axis from 0. */
START_TEST(fig4_log_axis_when_fractions_span_decades)
{
    const char *wide[] = {"samples", "20000", NULL};
    satstat_report *r = report_of(wide, 0);
    char *s = script_named(r, "fig4-saturated-fraction");
    ck_assert(has(s, "\nset logscale y 10\n"));
    ck_assert(has(s, "\nset yrange [ylo:ymax]\n"));
    double ylo = script_number(s, "ylo");
    /* the smallest fraction the sample can show is one neuron in 20000,
     * 5e-5, under scaled's 0.00109 at T: ylo is its decade, 1e-5, so that
     * the points past the cut stay on the axis */
    ck_assert_double_eq_tol(ylo, 1e-5, 1e-15);
    ck_assert(has(s, "\nunset logscale y\n"));
    for (size_t i = 0; i < 2; i++) {
        char name[16];
        size_t rows;
        snprintf(name, sizeof name, "formula%zu", i + 1);
        double *v = datablock(s, name, 2, &rows);
        ck_assert_uint_gt(rows, 10);
        for (size_t k = 0; k < rows; k++)
            ck_assert(v[2 * k + 1] > 0);
        free(v);
        snprintf(name, sizeof name, "sample%zu", i + 1);
        v = datablock(s, name, 4, &rows);
        ck_assert_uint_gt(rows, 10);
        /* every row with an upper end above 0; a sampled 0 (kept: drawn
         * open in the strip below the axis's foot, not left out) with its
         * plot elements, the strip and its tick 0 */
        for (size_t k = 0; k < rows; k++) {
            ck_assert(v[4 * k + 3] > 0 && v[4 * k + 2] >= 0);
            if (v[4 * k + 1] == 0) {
                ck_assert(has(s, "using 1:($2 > 0 ? NaN : yzero):(zero_bar):4 with yerrorbars"));
                ck_assert(has(s, "using 1:($2 > 0 ? NaN : yzero) with points"));
                ck_assert(has(s, "\nset ytics add ('0' yzero)\n"));
            }
        }
        free(v);
    }
    free(s);
    satstat_report_free(r);

    const char *narrow[] = {"samples", "20000", "threshold", "0.5", NULL};
    r = report_of(narrow, 0);
    s = script_named(r, "fig4-saturated-fraction");
    ck_assert(!has(s, "logscale"));
    ck_assert(has(s, "\nset yrange [0:ymax]\n"));
    free(s);
    satstat_report_free(r);
}
END_TEST

/* A saturation rule shades its own region: one side for relu's dead units,
 * |z| >= 2 acosh(√10) for sigmoid deriv:0.1, and the legend names it. */
START_TEST(shaded_region_follows_rule)
{
    satstat_config c = config_of(NULL);
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_report *r = NULL;
    ck_assert_int_eq(satstat_activation_parse("relu", &c.activation, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_report_run(&c, 1, NULL, NULL, &r), 0);
    const char *figs[] = {"fig1-density-standard", "fig1-density-scaled", "fig2-compare"};
    for (size_t f = 0; f < 3; f++) {
        char *s = script_named(r, figs[f]);
        ck_assert_double_eq(script_number(s, "zbelow"), 0.0);
        ck_assert(has(s, "\nset object 1 rectangle from graph 0, graph 0 to first zbelow, graph 1 "));
        ck_assert(!has(s, "\nset object 2 rectangle"));   /* one-sided */
        ck_assert(!has(s, "first -T"));
        ck_assert(has(s, "inactive (z ≤ 0)"));
        free(s);
    }
    satstat_report_free(r);

    c = config_of(NULL);
    ck_assert_int_eq(satstat_saturation_parse("deriv:0.1", &c.saturation, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_report_run(&c, 1, NULL, NULL, &r), 0);
    double t = 2.0 * acosh(sqrt(10.0));
    for (size_t f = 0; f < 3; f++) {
        char *s = script_named(r, figs[f]);
        ck_assert_double_eq_tol(script_number(s, "zbelow"), -t, 1e-12);
        ck_assert_double_eq_tol(script_number(s, "zabove"), t, 1e-12);
        ck_assert(has(s, "\nset object 1 rectangle from graph 0, graph 0 to first zbelow, graph 1 "));
        ck_assert(has(s, "\nset object 2 rectangle from first zabove, graph 0 to graph 1, graph 1 "));
        ck_assert(has(s, "saturated |z| ≥ 3.63689 (deriv:0.1)"));
        free(s);
    }
    /* figure 4 keeps P(|z| >= t) (the region is symmetric) but marks and
     * names the rule's cut, not T */
    char *s = script_named(r, "fig4-saturated-fraction");
    ck_assert_double_eq_tol(script_number(s, "tcut"), t, 1e-12);
    ck_assert(has(s, "\nset arrow 1 from first tcut, graph 0 to first tcut, graph 1 nohead"));
    ck_assert(!has(s, "first T,"));
    ck_assert(!has(s, "threshold T = 4"));
    ck_assert(has(s, "title 'P(|z| ≥ 3.63689)'"));
    ck_assert(has(s, "set ylabel 'P(|z| ≥ t)'"));
    free(s);
    satstat_report_free(r);

    /* gelu deriv:0.05 is z <= -2.27856 and a band around the zero of
     * gelu' (tests/ref/regions.py): both are shaded, the band between its
     * own numbers, and figure 4 (the tail P(z <= t)) adds the band's
     * probability in words */
    c = config_of(NULL);
    ck_assert_int_eq(satstat_activation_parse("gelu", &c.activation, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_saturation_parse("deriv:0.05", &c.saturation, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_report_run(&c, 1, NULL, NULL, &r), 0);
    for (size_t f = 0; f < 3; f++) {
        s = script_named(r, figs[f]);
        ck_assert_double_eq_tol(script_number(s, "zbelow"), -2.2785606938035556, 1e-12);
        ck_assert_double_eq_tol(script_number(s, "zband1lo"), -0.90326131905940406, 1e-12);
        ck_assert_double_eq_tol(script_number(s, "zband1hi"), -0.63345662811112531, 1e-12);
        ck_assert(has(s, "\nset object 1 rectangle from graph 0, graph 0 to first zbelow, graph 1 "));
        ck_assert(!has(s, "\nset object 2 rectangle"));
        ck_assert(has(s, "\nset object 3 rectangle from first zband1lo, graph 0 to first zband1hi, "
                         "graph 1 "));
        ck_assert(has(s, "the saturated region z <= -2.27856 or -0.903261 <= z <= -0.633457 "
                         "(rule deriv:0.05)"));
        ck_assert(has(s, "title 'saturated (deriv:0.05)'")); /* the legend row */
        /* the number panel: one interval a line; below fig2's panels,
         * at every size, a scheme's row names the region in a word */
        if (strcmp(figs[f], "fig2-compare") == 0) {
            ck_assert(has(s, "title (0 == legend_col ? 'standard: N(0, σ² = 501), P(saturated) = 0.464' : '')"));
        } else {
            ck_assert(has(s, "title 'P(z ≤ -2.27856'"));
            ck_assert(has(s, "title '   or -0.903261 ≤ z ≤ -0.633457)"));
        }
        free(s);
    }
    s = script_named(r, "fig4-saturated-fraction");
    ck_assert(has(s, "at t = -2.27856 it counts the saturated units of the tail (deriv:0.05)"));
    ck_assert(has(s, "   + P(-0.903261 ≤ z ≤ -0.633457)"));
    free(s);
    satstat_report_free(r);
}
END_TEST

/* Figure 4 of a one-sided rule plots the rule's own tail: for relu's dead
 * units P(z <= t) against t.  The curve is checked against GSL's normal
 * CDF, and every sampled point against a recount of z <= t over the very
 * neurons the sampler drew (satstat_sample_z), not its histogram. */
START_TEST(fig4_follows_one_sided_rule)
{
    const char *args[] = {"activation", "relu", NULL};
    satstat_report *r = report_of(args, 0);
    const satstat_config *cfg = satstat_report_config(r);
    char *s = script_named(r, "fig4-saturated-fraction");
    ck_assert_double_eq(script_number(s, "zbelow"), 0.0);
    ck_assert(has(s, "\nset arrow 1 from first zbelow, graph 0 to first zbelow, graph 1 nohead"));
    ck_assert(!has(s, "set arrow 2"));
    ck_assert(has(s, "\nset ylabel 'P(z ≤ t)'\n"));
    ck_assert(has(s, "Fraction P(z ≤ t) against t (a CDF); at t = 0 it counts the inactive units (relu)"));
    ck_assert(has(s, "title 'inactive P(z ≤ 0)'"));
    ck_assert(!has(s, "P(|z| ≥") && !has(s, "first T,")); /* no two-sided words left */
    for (size_t i = 0; i < 2; i++) {
        const satstat_analytic *a = satstat_report_analytic(r, i);
        const satstat_summary *sum = satstat_report_summary(r, i);
        double sd = sqrt(a->variance);
        char name[32];
        size_t rows;
        snprintf(name, sizeof name, "formula%zu", i + 1);
        double *v = datablock(s, name, 2, &rows);
        ck_assert_uint_gt(rows, 800);
        int at_zero = 0;
        for (size_t k = 0; k < rows; k++) {
            double want = gsl_cdf_gaussian_P(v[2 * k] - a->mean, sd);
            ck_assert_msg(fabs(v[2 * k + 1] - want) <= 1e-6 * want + 1e-300,
                          "P(z <= %g) = %g, GSL %g", v[2 * k], v[2 * k + 1], want);
            if (v[2 * k] == 0.0) {
                at_zero = 1; /* the cut is on the curve, at the report's value */
                ck_assert_double_eq_tol(v[2 * k + 1], a->saturated_fraction, 1e-7);
            }
            if (k)
                ck_assert(v[2 * k] > v[2 * k - 2] && v[2 * k + 1] >= v[2 * k - 1]);
        }
        ck_assert(at_zero);
        free(v);

        /* every z the sampler drew, recounted */
        uint64_t n = satstat_summary_z(sum)->n;
        double *z = malloc(n * sizeof *z);
        ck_assert_ptr_nonnull(z);
        ck_assert_int_eq(satstat_sample_z(cfg, &cfg->schemes[i], 0, n, z), 0);
        snprintf(name, sizeof name, "sample%zu", i + 1);
        v = datablock(s, name, 4, &rows);
        ck_assert_uint_gt(rows, 30);
        size_t zero_row = rows;
        for (size_t k = 0; k < rows; k++) {
            double t = v[4 * k];
            uint64_t count = 0;
            for (uint64_t j = 0; j < n; j++)
                count += z[j] <= t;
            double want = (double)count / (double)n;
            ck_assert_msg(fabs(v[4 * k + 1] - want) <= 1e-6 * want + 1e-12,
                          "'%s': sampled P(z <= %g) = %.10g, recount %.10g", cfg->schemes[i].canonical,
                          t, v[4 * k + 1], want);
            ck_assert(v[4 * k + 2] <= v[4 * k + 1] + 1e-12);
            ck_assert(v[4 * k + 3] >= v[4 * k + 1] - 1e-12);
            if (t == 0.0)
                zero_row = k;
        }
        free(z);
        /* mean 0: t = 0 is a bin edge; there the point is the report's dead
         * fraction, and it is among the points plotted on both panels */
        ck_assert_uint_lt(zero_row, rows);
        double dead = (double)satstat_summary_saturated(sum) / (double)n;
        ck_assert_double_eq_tol(v[4 * zero_row + 1], dead, 1e-6 * dead);
        snprintf(name, sizeof name, "stride%zu", i + 1);
        double stride = script_number(s, name);
        snprintf(name, sizeof name, "start%zu", i + 1);
        double start = script_number(s, name);
        ck_assert_double_eq(fmod((double)zero_row, stride), start);
        free(v);
    }
    free(s);
    satstat_report_free(r);

    /* the other side: z:T on gelu is z <= -T */
    const char *gelu[] = {"activation", "gelu", "scheme", "scaled", NULL};
    r = report_of(gelu, 0);
    s = script_named(r, "fig4-saturated-fraction");
    ck_assert_double_eq(script_number(s, "zbelow"), -4.0);
    ck_assert(has(s, "at t = -4 it counts the saturated units (z:4)"));
    ck_assert(script_number(s, "tmax") >= 6.0);
    size_t rows;
    double *v = datablock(s, "formula1", 2, &rows);
    const satstat_analytic *a = satstat_report_analytic(r, 0);
    for (size_t k = 0; k < rows; k++)
        if (v[2 * k] == -4.0)
            ck_assert_double_eq_tol(v[2 * k + 1], a->saturated_fraction, 1e-6 * a->saturated_fraction);
    free(v);
    free(s);
    satstat_report_free(r);
}
END_TEST

/* z constant (no weights reach z): a point mass, no density columns. */

/* Orthogonal: the rows of a matrix are dependent, so figure 4's sampled
 * points and intervals come from each matrix's first row: n is the number
 * of matrices, and each point is a recount of those rows' z. */
START_TEST(fig4_orthogonal_first_rows)
{
    const char *args[] = {"scheme", "orthogonal", "n-in", "40", "n-out", "8",
                          "samples", "8000", "threshold", "1", NULL};
    satstat_report *r = report_of(args, 0);
    const satstat_config *cfg = satstat_report_config(r);
    char *s = script_named(r, "fig4-saturated-fraction");
    ck_assert(has(s, "n = 1000 (the first row of each matrix)"));
    size_t rows;
    double *d = datablock(s, "sample1", 4, &rows);
    ck_assert(rows > 10);
    double *z = malloc(8000 * sizeof *z);
    ck_assert_int_eq(satstat_sample_z(cfg, &cfg->schemes[0], 0, 8000, z), 0);
    for (size_t k = 0; k < rows; k++) {
        double t = d[4 * k];
        unsigned cnt = 0;
        for (size_t m = 0; m < 1000; m++)
            cnt += fabs(z[8 * m]) >= t - 1e-12;
        ck_assert_double_eq_tol(d[4 * k + 1], cnt / 1000.0, 1e-7);
        ck_assert(d[4 * k + 2] <= d[4 * k + 1] && d[4 * k + 1] <= d[4 * k + 3]);
    }
    free(z);
    free(d);
    free(s);
    satstat_report_free(r);
}
END_TEST

START_TEST(point_mass)
{
    const char *args[] = {"active", "0", "bias", "const:3", "samples", "1000", NULL};
    satstat_report *r = report_of(args, 0);
    char *s = script_named(r, "fig1-density-standard");
    size_t rows;
    double *v = datablock(s, "mass1", 3, &rows);
    ck_assert_uint_eq(rows, 1);
    ck_assert_double_eq(v[0], 3.0);
    ck_assert_double_eq(v[1], 1.0);
    ck_assert_double_eq(v[2], 1.0);
    free(v);
    ck_assert(!has(s, "$pdf1") && !has(s, "$hist1"));
    ck_assert(has(s, "\nset ylabel 'probability'\n"));
    ck_assert(has(s, "title 'formula: z = 3'"));
    /* its marker scales with the others (an SVG's unit is not the PNG's) */
    ck_assert(has(s, "with points pointtype 7 pointsize 2.5 * pointscale linecolor rgb ink"));
    free(s);
    s = script_named(r, "fig4-saturated-fraction");
    v = datablock(s, "formula1", 2, &rows);
    ck_assert_uint_eq(rows, 4); /* a step at t = 3 */
    ck_assert_double_eq(v[2], 3.0);
    ck_assert_double_eq(v[3], 1.0);
    ck_assert_double_eq(v[5], 0.0);
    free(v);
    free(s);
    satstat_report_free(r);
}
END_TEST

/* ======================================================================
 * gnuplot
 * ====================================================================== */

/* Write the figures of a report into a fresh directory, render them in
 * `format`: every render clean (no warning), every image there. */
static void render_all(const satstat_report *r, const satstat_plot_options *o,
                       satstat_render_format format, const char *what)
{
    char *dir = make_temp_dir();
    char *plots = path_join(dir, "figs");
    char msg[1024];
    int rc = satstat_plot_write_dir(r, plots, o, msg, sizeof msg);
    ck_assert_msg(rc == 0, "%s: writing: %s", what, msg);
    rc = satstat_plot_render_dir(r, plots, format, NULL, msg, sizeof msg);
    ck_assert_msg(rc == 0, "%s: rendering %s: %s", what, satstat_render_format_name(format), msg);
    ck_assert_msg(msg[0] == '\0', "%s: gnuplot printed on stderr (%s): %s", what,
                  satstat_render_format_name(format), msg);
    for (size_t i = 0; i < satstat_plot_count(r); i++) {
        char name[SATSTAT_PLOT_NAME_SIZE], file[SATSTAT_PLOT_NAME_SIZE + 8];
        satstat_plot_figure(r, i, NULL, NULL, name, sizeof name);
        snprintf(file, sizeof file, "%s.%s", name, satstat_render_format_name(format));
        char *path = path_join(plots, file);
        struct stat st;
        ck_assert_msg(stat(path, &st) == 0 && st.st_size > 0, "%s: no %s", what, file);
        if (format == SATSTAT_RENDER_PNG) {
            unsigned w, h;
            png_size(path, &w, &h);
            ck_assert_uint_eq(w, o ? o->width : SATSTAT_PLOT_DEFAULT_WIDTH);
            ck_assert_uint_eq(h, o ? o->height : SATSTAT_PLOT_DEFAULT_HEIGHT);
        }
        free(path);
    }
    /* nothing else: no temporary files left */
    char *ls = listing(plots);
    ck_assert_msg(!has(ls, "\n.") && ls[0] != '.', "%s: leftovers in %s", what, ls);
    free(ls);
    free(plots);
    remove_tree(dir);
    free(dir);
}

/* Render the figures of a report one by one (render_stream) in PNG: each
 * clean and of the size asked for.  Figures 1 of schemes beyond the
 * second are left out (the same plot of another scheme), and so is
 * figure 5 (the same in every report), to keep the suite fast. */
static void render_some(const satstat_report *r, const satstat_plot_options *o,
                        const char *what)
{
    char *dir = make_temp_dir();
    char msg[1024];
    int rc = satstat_plot_write_dir(r, dir, o, msg, sizeof msg);
    ck_assert_msg(rc == 0, "%s: writing: %s", what, msg);
    size_t ns = satstat_report_scheme_count(r);
    for (size_t i = 0; i < satstat_plot_count(r); i++) {
        satstat_figure kind;
        size_t scheme;
        char name[SATSTAT_PLOT_NAME_SIZE], file[SATSTAT_PLOT_NAME_SIZE + 8];
        satstat_plot_figure(r, i, &kind, &scheme, name, sizeof name);
        if ((kind == SATSTAT_FIGURE_DENSITY && scheme >= 2 && ns > 2)
            || kind == SATSTAT_FIGURE_NORMAL)
            continue;
        snprintf(file, sizeof file, "%s.gp", name);
        char *script = path_join(dir, file);
        snprintf(file, sizeof file, "%s.png", name);
        char *png = path_join(dir, file);
        FILE *img = fopen(png, "w");
        rc = satstat_plot_render_stream(NULL, script, SATSTAT_RENDER_PNG, img, msg, sizeof msg);
        fclose(img);
        ck_assert_msg(rc == 0, "%s: %s: %s", what, name, msg);
        /* (a canvas grown for a legend below the plot says so on standard
         * error, and only that: fig4 with its fractions below the plot,
         * figure review 17, S6) */
        int taller = strncmp(msg, "note: drawn ", 12) == 0 && has(msg, "taller than the")
                     && has(msg, "asked: its legend below the plot needs it") && !strchr(msg, '\n');
        ck_assert_msg(msg[0] == '\0' || taller, "%s: %s: gnuplot printed on stderr: %s", what, name, msg);
        unsigned w, h;
        png_size(png, &w, &h);
        ck_assert_uint_eq(w, o ? o->width : SATSTAT_PLOT_DEFAULT_WIDTH);
        if (taller)
            ck_assert_uint_gt(h, o ? o->height : SATSTAT_PLOT_DEFAULT_HEIGHT);
        else
            ck_assert_uint_eq(h, o ? o->height : SATSTAT_PLOT_DEFAULT_HEIGHT);
        free(png);
        free(script);
    }
    remove_tree(dir);
    free(dir);
}

/* No row of the table saturates on two sides at different distances, so
 * a unit that does: tanh on the right, tanh(z/2) on the left; output:E
 * gives z <= b or z >= a with b = -2a. */
static double asym_phi(double z)
{
    return z >= 0 ? tanh(z) : tanh(z / 2);
}
static double asym_dphi(double z)
{
    double t = asym_phi(z);
    return z >= 0 ? 1 - t * t : 0.5 * (1 - t * t);
}
static const satstat_activation asym_unit = {
    "asym", asym_phi, asym_dphi, 1.0, "test unit", "asym", SATSTAT_SIDE_BELOW | SATSTAT_SIDE_ABOVE,
    -1.0, 1.0, 0.0, 0, NULL};

/* Figure 4 of an asymmetric two-sided region: P(z <= t) left of the
 * midpoint of the cuts, P(z >= t) from it on, both cuts marked; it
 * renders cleanly. */
START_TEST(fig4_asymmetric_rule)
{
    require_gnuplot();
    satstat_config c = config_of(NULL);
    char msg[SATSTAT_ERRMSG_SIZE];
    satstat_report *r = NULL;
    c.activation = &asym_unit;
    c.samples = 20000;
    ck_assert_int_eq(satstat_saturation_parse("output:0.01", &c.saturation, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_config_validate(&c, NULL, msg, sizeof msg), 0);
    ck_assert_int_eq(satstat_report_run(&c, 0, NULL, NULL, &r), 0);
    char *s = script_named(r, "fig4-saturated-fraction");
    double b = script_number(s, "zbelow"), a = script_number(s, "zabove");
    double split = script_number(s, "split");
    ck_assert_double_eq_tol(a, atanh(0.99), 1e-9);
    ck_assert_double_eq_tol(b, -2 * atanh(0.99), 1e-9);
    ck_assert_double_eq_tol(split, (a + b) / 2, 1e-12);
    ck_assert(has(s, "\nset arrow 1 from first zbelow,") && has(s, "\nset arrow 2 from first zabove,"));
    const satstat_analytic *an = satstat_report_analytic(r, 1);
    double sd = sqrt(an->variance);
    size_t rows;
    double *v = datablock(s, "formula2", 2, &rows);
    double at_b = NAN, at_a = NAN;
    for (size_t k = 0; k < rows; k++) {
        double t = v[2 * k], want = t < split ? gsl_cdf_gaussian_P(t - an->mean, sd)
                                              : gsl_cdf_gaussian_Q(t - an->mean, sd);
        ck_assert_msg(fabs(v[2 * k + 1] - want) <= 1e-6 * want + 1e-300, "tail at %g: %g, GSL %g",
                      t, v[2 * k + 1], want);
        if (fabs(t - b) < 1e-9) /* the rows have 10 digits */
            at_b = v[2 * k + 1];
        if (fabs(t - a) < 1e-9)
            at_a = v[2 * k + 1];
    }
    /* the rule's fraction is the lower curve at b plus the upper one at a */
    ck_assert_double_eq_tol(at_b + at_a, an->saturated_fraction, 1e-6);
    free(v);
    free(s);
    render_some(r, NULL, "asymmetric rule");
    satstat_report_free(r);
}
END_TEST

/* Figure `name` of r at options o run by gnuplot (its output thrown away),
 * then the gnuplot commands `probe`, which print what a test reads (set
 * print '-'): their standard output, malloc'd. */
static char *gnuplot_probe(const satstat_report *r, const char *name, const satstat_plot_options *o,
                           const char *probe_text)
{
    char gp[4096];
    ck_assert_int_eq(satstat_gnuplot_find(NULL, gp, sizeof gp), SATSTAT_OK);
    char *dir = make_temp_dir();
    char *script = path_join(dir, "fig.gp"), *probe = path_join(dir, "probe.gp");
    char *text = script_of(r, figure_index(r, name), o, NULL);
    FILE *f = fopen(script, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    f = fopen(probe, "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "set print '-'\n%s\n", probe_text);
    fclose(f);
    const char *args[] = {"-e", "format='png'; output='/dev/null'", script, probe, NULL};
    test_spawn_options so = {.exe = gp, .argv0 = "gnuplot"};
    test_run_result run = test_run_argv(&so, args, 60);
    char *out = strdup(run.out ? run.out : "");
    ck_assert_msg(out[0] != '\0', "%s: the probe printed nothing (%s)", name, run.err ? run.err : "");
    test_result_free(&run);
    free(text);
    test_remove_tree(dir);
    free(script);
    free(probe);
    free(dir);
    return out;
}

/* The layout figure `name` of r chose at options o, as gnuplot computes
 * it: the plot's box (top - bottom, in the canvas's height) and whether
 * the legend went below the plot. */
typedef struct layout_seen {
    double box, legend_below, height;
} layout_seen;

static layout_seen layout_of(const satstat_report *r, const char *name, const satstat_plot_options *o)
{
    char *out = gnuplot_probe(r, name, o, "print sprintf('%.6f %d %d', top - bottom, legend_below, height)");
    layout_seen seen = {NAN, NAN, NAN};
    ck_assert_msg(sscanf(out, "%lf %lf %lf", &seen.box, &seen.legend_below, &seen.height) == 3,
                  "%s: no layout printed (%s)", name, out);
    free(out);
    return seen;
}

/* The tail inset's tick labels are the figure's text size, not 3/4 of
 * it (10 px high on a slide: figure review 18, N13). */
START_TEST(inset_labels_text_size)
{
    satstat_report *r = report_of(NULL, 0);
    char *s = script_named(r, "fig1-density-scaled");
    const char *inset = strstr(s, "inset: the upper tail on a log axis");
    ck_assert_ptr_nonnull(inset);
    ck_assert_ptr_null(strstr(inset, "font smallfont"));
    ck_assert_ptr_nonnull(strstr(inset, "set ytics font fontspec"));
    free(s);
    satstat_report_free(r);
}
END_TEST

/* At 3.5 x 2.4 in, 8 pt, the panels of figures 2 to 4 take at least half
 * the figure's height (the legend below them, in rows of text as long as
 * the figure is wide, left fig3 37 % and fig2 40 %: figure review 18,
 * S4); at 1280 x 800 their legend is below the panels too, side by side
 * (beside them it left a quarter of the slide blank: S6). */
START_TEST(panels_keep_half_the_height)
{
    require_gnuplot();
    satstat_report *r = report_of(NULL, 0);
    const char *names[] = {"fig2-compare", "fig3-activation", "fig4-saturated-fraction"};
    satstat_plot_options paper = test_paper_options(), slide;
    satstat_plot_options_default(&slide);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        layout_seen p = layout_of(r, names[i], &paper);
        ck_assert_msg(p.box >= 0.5, "%s at 3.5 x 2.4 in: the panels %.0f %% of the height", names[i],
                      100 * p.box);
        ck_assert_msg(p.legend_below == 1, "%s at 3.5 x 2.4 in: legend beside", names[i]);
        layout_seen big = layout_of(r, names[i], &slide);
        ck_assert_msg(big.legend_below == 1 && big.height == 800,
                      "%s at 1280 x 800: legend beside the panels, or %g px high", names[i], big.height);
    }
    satstat_report_free(r);
}
END_TEST

START_TEST(renders_png_svg_pdf)
{
    require_gnuplot();
    satstat_report *r = report_of(NULL, 0);
    render_all(r, NULL, SATSTAT_RENDER_PNG, "seed");
    render_all(r, NULL, SATSTAT_RENDER_SVG, "seed");
    render_all(r, NULL, SATSTAT_RENDER_PDF, "seed");
    satstat_report_free(r);
    /* other sizes: the PNG is the size asked for, still without warnings */
    const char *args[] = {"scheme", "scaled", "samples", "10000", NULL};
    r = report_of(args, 0);
    satstat_plot_options o;
    satstat_plot_options_default(&o);
    o.width = 1000;
    o.height = 700;
    render_some(r, &o, "1000x700");
    o.width = 2560;
    o.height = 1600;
    render_some(r, &o, "2560x1600");
    o.width = 400;
    o.height = 300;
    render_some(r, &o, "400x300");
    satstat_report_free(r);
}
END_TEST

/* Every scheme, bias and input the report supports, 1 to 8 schemes,
 * degenerate and analytic-only reports, small and large T. */
START_TEST(renders_every_kind_of_report)
{
    require_gnuplot();
    static const struct {
        const char *what;
        int analytic_only;
        const char *args[9];
    } cases[] = {
        {"uniform weights, bernoulli inputs", 0,
         {"scheme", "uniform:0.1,normal:0.05", "inputs", "bernoulli:0.3", NULL}},
        {"constant z", 0, {"active", "0", "bias", "const:3", "samples", "1000", NULL}},
        {"one scheme, few samples", 0, {"scheme", "scaled", "samples", "50", NULL}},
        {"eight schemes", 0,
         {"scheme", "standard,scaled,normal:0.1,normal:0.3,uniform:0.05,uniform:0.2,"
                    "normal:0.02,normal:0.5", "samples", "20000", NULL}},
        {"tanh", 0, {"activation", "tanh", "threshold", "2", "samples", "20000", NULL}},
        {"analytic only", 1, {NULL}},
        {"shifted mean, uniform bias", 0,
         {"bias", "const:10", "scheme", "scaled,standard", "samples", "20000", NULL}},
        {"uniform bias, ones", 0,
         {"bias", "uniform:2", "inputs", "ones", "scheme", "uniform:0.01", NULL}},
        {"small T", 0, {"threshold", "0.5", "samples", "20000", NULL}},
        {"large T", 0, {"threshold", "30", "samples", "20000", NULL}},
        {"zero bias", 0, {"bias", "zero", "scheme", "normal:0.001", "samples", "20000", NULL}},
        {"relu, dead units", 0, {"activation", "relu", "samples", "20000", NULL}},
        {"gelu, z <= -T", 0, {"activation", "gelu", "samples", "20000", NULL}},
        {"selu output:0.05, exact law", 0,
         {"activation", "selu", "saturation", "output:0.05", "scheme", "uniform:0.05,scaled",
          NULL}},
        {"sigmoid output:0.05", 0, {"saturation", "output:0.05", "samples", "20000", NULL}},
        {"relu, constant z", 0,
         {"activation", "relu", "active", "0", "bias", "const:3", "samples", "1000", NULL}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        satstat_report *r = report_of(cases[i].args[0] ? cases[i].args : NULL,
                                      cases[i].analytic_only);
        render_some(r, NULL, cases[i].what);
        satstat_report_free(r);
    }
}
END_TEST

/* 16 schemes (the most a config holds) still render cleanly. */
START_TEST(renders_sixteen_schemes)
{
    require_gnuplot();
    const char *args[] = {"scheme",
                          "standard,scaled,normal:0.1,normal:0.3,uniform:0.05,uniform:0.2,"
                          "normal:0.02,normal:0.5,normal:1.5,normal:2,normal:3,uniform:1,"
                          "uniform:2,uniform:3,normal:0.7,normal:0.9",
                          "samples", "5000", NULL};
    satstat_report *r = report_of(args, 0);
    render_some(r, NULL, "sixteen schemes");
    satstat_report_free(r);
}
END_TEST

/* A fake gnuplot: its stderr is captured and reported; a failure leaves
 * no image and no temporary file behind. */
static char *fake_gnuplot(const char *dir, const char *body)
{
    char *bin = path_join(dir, "bin");
    ck_assert_int_eq(mkdir(bin, 0755), 0);
    char *prog = path_join(bin, "gnuplot");
    FILE *f = fopen(prog, "w");
    fprintf(f, "#!/bin/sh\n%s\n", body);
    fclose(f);
    ck_assert_int_eq(chmod(prog, 0755), 0);
    free(prog);
    return bin;
}

START_TEST(gnuplot_failures_captured)
{
    satstat_report *r = report_of(NULL, 1);
    char *dir = make_temp_dir();
    char *plots = path_join(dir, "figs");
    char msg[1024];
    ck_assert_int_eq(satstat_plot_write_dir(r, plots, NULL, msg, sizeof msg), 0);
    char *before = listing(plots);

    char *bin = fake_gnuplot(dir, "echo \"fake: line 7: no such thing\" >&2\nexit 1");
    char *prog = path_join(bin, "gnuplot");
    int rc = satstat_plot_render_dir(r, plots, SATSTAT_RENDER_PNG, prog, msg, sizeof msg);
    ck_assert_int_eq(rc, SATSTAT_EIO);
    ck_assert_msg(has(msg, "fake: line 7: no such thing") && has(msg, "exit 1"), "msg: %s", msg);
    char *after = listing(plots);
    ck_assert_str_eq(after, before); /* no image, no temporary file */
    free(after);

    /* exit 0 with a warning: success, the warning handed back */
    FILE *f = fopen(prog, "w");
    fprintf(f, "#!/bin/sh\necho 'warning: careful' >&2\nprintf 'image'\n");
    fclose(f);
    FILE *img = tmpfile();
    char *script = path_join(plots, "fig2-compare.gp");
    rc = satstat_plot_render_stream(prog, script, SATSTAT_RENDER_PNG, img, msg, sizeof msg);
    ck_assert_int_eq(rc, 0);
    ck_assert_str_eq(msg, "warning: careful");
    fclose(img);

    /* exit 0 and no image: a failure */
    f = fopen(prog, "w");
    fprintf(f, "#!/bin/sh\nexit 0\n");
    fclose(f);
    img = tmpfile();
    rc = satstat_plot_render_stream(prog, script, SATSTAT_RENDER_PNG, img, msg, sizeof msg);
    ck_assert_int_eq(rc, SATSTAT_EIO);
    ck_assert(has(msg, "no image"));
    fclose(img);

    /* not there at all */
    img = tmpfile();
    rc = satstat_plot_render_stream("satstat-no-such-gnuplot", script, SATSTAT_RENDER_PNG, img,
                                    msg, sizeof msg);
    ck_assert_int_eq(rc, SATSTAT_EIO);
    ck_assert(has(msg, "not found"));
    fclose(img);
    char found[256];
    ck_assert_int_eq(satstat_gnuplot_find("satstat-no-such-gnuplot", found, sizeof found),
                     SATSTAT_EIO);

    free(script);
    free(prog);
    free(bin);
    free(before);
    free(plots);
    remove_tree(dir);
    free(dir);
    satstat_report_free(r);
}
END_TEST

/* The scripts run as they are, from any directory: `gnuplot fig.gp` with
 * no variables writes fig.png at the recorded size into the current one. */
START_TEST(scripts_run_plainly)
{
    require_gnuplot();
    satstat_report *r = report_of(NULL, 1);
    char *dir = make_temp_dir();
    char *plots = path_join(dir, "figs");
    char msg[1024];
    satstat_plot_options o;
    satstat_plot_options_default(&o);
    o.width = 640;
    o.height = 400;
    ck_assert_int_eq(satstat_plot_write_dir(r, plots, &o, msg, sizeof msg), 0);
    char *elsewhere = path_join(dir, "elsewhere");
    ck_assert_int_eq(mkdir(elsewhere, 0755), 0);
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "cd '%s' && gnuplot ../figs/fig2-compare.gp 2>stderr.txt", elsewhere);
    ck_assert_int_eq(system(cmd), 0);
    char *png = path_join(elsewhere, "fig2-compare.png");
    unsigned w, h;
    png_size(png, &w, &h);
    ck_assert_uint_eq(w, 640);
    ck_assert_uint_eq(h, 400);
    char *errp = path_join(elsewhere, "stderr.txt");
    size_t len;
    char *err = read_file(errp, &len);
    ck_assert_msg(len == 0, "gnuplot stderr: %s", err);
    free(err);
    free(errp);
    free(png);
    free(elsewhere);
    free(plots);
    remove_tree(dir);
    free(dir);
    satstat_report_free(r);
}
END_TEST

/* ======================================================================
 * Directories and the CLI
 * ====================================================================== */

/* One file cannot be written: none is (the others' temporary files are
 * removed), and the directories created for them are removed too. */
START_TEST(write_dir_all_or_nothing)
{
    satstat_report *r = report_of(NULL, 1);
    char *dir = make_temp_dir();
    char *blocker = path_join(dir, "fig3-activation.gp");
    ck_assert_int_eq(mkdir(blocker, 0755), 0); /* a directory where a script goes */
    char msg[1024];
    int rc = satstat_plot_write_dir(r, dir, NULL, msg, sizeof msg);
    ck_assert_int_eq(rc, SATSTAT_EIO);
    ck_assert_msg(has(msg, "fig3-activation.gp"), "msg: %s", msg);
    char *ls = listing(dir);
    ck_assert_str_eq(ls, "fig3-activation.gp\n");
    free(ls);

    char *deep = path_join(dir, "new/deeper/figs");
    ck_assert_int_eq(satstat_plot_write_dir(r, deep, NULL, msg, sizeof msg), 0);
    ck_assert(exists(deep));
    free(deep);

    /* a path under a regular file */
    char *file = path_join(dir, "file");
    FILE *f = fopen(file, "w");
    fputs("keep", f);
    fclose(f);
    char *under = path_join(file, "figs");
    ck_assert_int_eq(satstat_plot_check_dir(under, msg, sizeof msg), SATSTAT_EIO);
    ck_assert(has(msg, "not a directory"));
    ck_assert_int_eq(satstat_plot_write_dir(r, under, NULL, msg, sizeof msg), SATSTAT_EIO);
    ck_assert_int_eq(satstat_plot_check_dir(file, msg, sizeof msg), SATSTAT_EIO);
    ck_assert(has(msg, "exists and is not a directory"));
    ck_assert_int_eq(satstat_plot_check_dir(dir, msg, sizeof msg), 0);
    free(under);
    free(file);
    free(blocker);
    remove_tree(dir);
    free(dir);
    satstat_report_free(r);
}
END_TEST

START_TEST(cli_bad_usage)
{
    cli_result r = cli("--plots", "/tmp/x", "--render", "xyz", NULL);
    ck_assert_int_eq(r.status, 2);
    ck_assert_msg(has(r.err, "--render") && has(r.err, "'xyz'"), "stderr: %s", r.err);
    ck_assert_str_eq(r.out, "");
    cli_free(&r);

    r = cli("--render", "png", "--samples", "10", NULL); /* no --plots */
    ck_assert_int_eq(r.status, 2);
    ck_assert(has(r.err, "--render") && has(r.err, "--plots"));
    cli_free(&r);

    const char *sizes[] = {"1280", "0x800", "1280x800px", "big"};
    for (size_t i = 0; i < 4; i++) {
        r = cli("--plots", "/tmp/satstat-never", "--plot-size", sizes[i], NULL);
        ck_assert_int_eq(r.status, 2);
        ck_assert(has(r.err, "--plot-size") && has(r.err, sizes[i]));
        cli_free(&r);
    }
    ck_assert(!exists("/tmp/satstat-never"));

    r = cli("--plots", "", NULL);
    ck_assert_int_eq(r.status, 2);
    cli_free(&r);

    r = cli("demo", "--scheme", "scaled", NULL);
    ck_assert_int_eq(r.status, 2);
    ck_assert(has(r.err, "--scheme") && has(r.err, "demo"));
    cli_free(&r);

    r = cli("demo", "a", "b", NULL);
    ck_assert_int_eq(r.status, 2);
    cli_free(&r);

    r = cli("--help", NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert(has(r.out, "--plots DIR") && has(r.out, "--render FMT") &&
              has(r.out, "--plot-size SIZE") && has(r.out, "--dpi N")
              && has(r.out, "--font-size PT") && has(r.out, "--figures LIST")
              && has(r.out, "--log-y") && has(r.out, "satstat demo"));
    cli_free(&r);
}
END_TEST

/* Unwritable places: exit 3, a clear message, nothing written. */
START_TEST(cli_unwritable)
{
    char *dir = make_temp_dir();
    char *file = path_join(dir, "report.txt");
    FILE *f = fopen(file, "w");
    fputs("keep me", f);
    fclose(f);

    /* a path that is a regular file */
    cli_result r = cli("--samples", "1000", "--plots", file, NULL);
    ck_assert_int_eq(r.status, 3);
    ck_assert_msg(has(r.err, "--plots") && has(r.err, "not a directory"), "stderr: %s", r.err);
    ck_assert_str_eq(r.out, "");
    cli_free(&r);
    size_t len;
    char *text = read_file(file, &len);
    ck_assert_str_eq(text, "keep me");
    free(text);

    /* a path below a regular file */
    char *under = path_join(file, "figs");
    r = cli("--samples", "1000", "--plots", under, NULL);
    ck_assert_int_eq(r.status, 3);
    ck_assert(has(r.err, "not a directory"));
    cli_free(&r);
    free(under);

    /* a file system that takes no new directories (root may write anywhere
     * else) */
    r = cli("--samples", "1000", "--plots", "/proc/satstat-nope/figs", "--render", "none", NULL);
    ck_assert_int_eq(r.status, 3);
    ck_assert(has(r.err, "/proc/satstat-nope"));
    ck_assert_str_eq(r.out, "");
    cli_free(&r);
    ck_assert(!exists("/proc/satstat-nope"));

    /* one script cannot be written: no script is */
    char *plots = path_join(dir, "figs");
    ck_assert_int_eq(mkdir(plots, 0755), 0);
    char *blocker = path_join(plots, "fig2-compare.gp");
    ck_assert_int_eq(mkdir(blocker, 0755), 0);
    r = cli("--samples", "1000", "--plots", plots, "--render", "none", NULL);
    ck_assert_int_eq(r.status, 3);
    ck_assert(has(r.err, "fig2-compare.gp"));
    cli_free(&r);
    char *ls = listing(plots);
    ck_assert_str_eq(ls, "fig2-compare.gp\n");
    free(ls);
    free(blocker);
    free(plots);

    free(file);
    remove_tree(dir);
    free(dir);
}
END_TEST

/* gnuplot missing: with --render, exit 3 and nothing written; without,
 * the scripts and a note saying how to render them. */
START_TEST(cli_without_gnuplot)
{
    char *dir = make_temp_dir();
    char *plots = path_join(dir, "figs");
    const char *explicit_args[] = {"--samples", "1000", "--plots", plots, "--render", "svg", NULL};
    cli_result r = cli_in(NULL, "/nonexistent", explicit_args);
    ck_assert_int_eq(r.status, 3);
    ck_assert_msg(has(r.err, "gnuplot") && has(r.err, "--render"), "stderr: %s", r.err);
    ck_assert_str_eq(r.out, "");
    ck_assert(!exists(plots));
    cli_free(&r);

    const char *implicit_args[] = {"--samples", "1000", "--plots", plots, NULL};
    r = cli_in(NULL, "/nonexistent", implicit_args);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(has(r.err, "gnuplot") && has(r.err, "gnuplot-nox") && has(r.err, "*.gp"),
                  "stderr: %s", r.err);
    ck_assert(has(r.out, "verdict"));
    char *ls = listing(plots);
    ck_assert_str_eq(ls, "fig1-density-scaled.gp\nfig1-density-standard.gp\nfig2-compare.gp\n"
                         "fig3-activation.gp\nfig4-saturated-fraction.gp\n"
                         "fig5-standard-normal.gp\n");
    free(ls);
    cli_free(&r);

    /* --quiet silences the note */
    const char *quiet_args[] = {"--samples", "1000", "--plots", plots, "--quiet", NULL};
    r = cli_in(NULL, "/nonexistent", quiet_args);
    ck_assert_int_eq(r.status, 0);
    ck_assert_str_eq(r.err, "");
    cli_free(&r);

    /* a gnuplot that fails, asked for: exit 3, no image left */
    char *bin = fake_gnuplot(dir, "echo 'broken gnuplot' >&2\nexit 2");
    char path[4096];
    snprintf(path, sizeof path, "%s:/usr/bin:/bin", bin);
    const char *failing_args[] = {"--samples", "1000", "--plots", plots, "--render", "png", NULL};
    r = cli_in(NULL, path, failing_args);
    ck_assert_int_eq(r.status, 3);
    ck_assert_msg(has(r.err, "broken gnuplot"), "stderr: %s", r.err);
    cli_free(&r);
    ls = listing(plots);
    ck_assert(!has(ls, ".png") && !has(ls, "\n."));
    free(ls);
    free(bin);
    free(plots);
    remove_tree(dir);
    free(dir);
}
END_TEST

START_TEST(cli_renders)
{
    require_gnuplot();
    char *dir = make_temp_dir();
    char *plots = path_join(dir, "figs");
    cli_result r = cli("--samples", "1000", "--scheme", "scaled", "--plots", plots,
                       "--plot-size", "800x500", "--render", "png", NULL);
    ck_assert_msg(r.status == 0, "exit %d: %s", r.status, r.err);
    ck_assert_str_eq(r.err, "");
    cli_free(&r);
    char *png = path_join(plots, "fig1-density-scaled.png");
    unsigned w, h;
    png_size(png, &w, &h);
    ck_assert_uint_eq(w, 800);
    ck_assert_uint_eq(h, 500);
    free(png);
    char *gp = path_join(plots, "fig3-activation.gp");
    char *text = read_file(gp, NULL);
    ck_assert(has(text, " --plot-size 800x500\n"));
    free(text);
    free(gp);
    free(plots);
    remove_tree(dir);
    free(dir);
}
END_TEST

/* The figure options for papers and slides: each bad value is exit 2 with
 * one line naming the option and the value, before any work (nothing
 * written); a physical size gives size x dpi pixels; --figures writes and
 * renders only the named figures; every option is recorded in the header. */
START_TEST(cli_figure_options)
{
    static const struct {
        const char *option, *value, *shown;
    } bad[] = {
        {"--plot-size", "3x2ft", "'3x2ft'"},     {"--plot-size", "0.2x2in", "'0.2x2in'"},
        {"--plot-size", "1x1in", "1x1in"},       {"--dpi", "20", "'20'"},
        {"--dpi", "96.5", "'96.5'"},             {"--font-size", "0", "'0'"},
        {"--font-size", "big", "'big'"},         {"--figures", "fig2-compar", "'fig2-compar'"},
        {"--figures", "fig2-compare,,fig3-activation", "empty"},
        {"--figures", "", "''"},
    };
    char *dir = make_temp_dir();
    char *plots = path_join(dir, "figs");
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cli_result r = cli("--samples", "1000", "--plots", plots, "--render", "none",
                           bad[i].option, bad[i].value, NULL);
        ck_assert_msg(r.status == 2, "%s %s: exit %d", bad[i].option, bad[i].value, r.status);
        ck_assert_msg(has(r.err, bad[i].option) && has(r.err, bad[i].shown)
                          && strchr(r.err, '\n') == r.err + strlen(r.err) - 1,
                      "%s %s: stderr: %s", bad[i].option, bad[i].value, r.err);
        ck_assert_str_eq(r.out, "");
        ck_assert(!exists(plots));
        cli_free(&r);
    }
    cli_result r = cli("--samples", "1000", "--plots", plots, "--figures", "fig2-compar", NULL);
    ck_assert(has(r.err, "did you mean 'fig2-compare'"));
    cli_free(&r);
    /* text that the canvas has no room for (at 3.5 x 2.4 in, 10 pt ran
     * legends and labels off the canvas): exit 2 naming the option and
     * the value, with the size that fits; 9 pt fits */
    r = cli("--samples", "1000", "--plots", plots, "--render", "none", "--plot-size", "3.5x2.4in",
            "--dpi", "300", "--font-size", "10", NULL);
    ck_assert_int_eq(r.status, 2);
    ck_assert_msg(has(r.err, "--font-size") && has(r.err, " 10 pt") && has(r.err, "3.5x2.4in")
                      && has(r.err, "at most 9.5 pt")
                      && strchr(r.err, '\n') == r.err + strlen(r.err) - 1, "%s", r.err);
    ck_assert(!exists(plots));
    cli_free(&r);
    r = cli("deep", "--plots", plots, "--render", "none", "--plot-size", "200x200", NULL);
    ck_assert_int_eq(r.status, 2);
    ck_assert_msg(has(r.err, "--plot-size") && has(r.err, "200x200"), "%s", r.err);
    ck_assert(!exists(plots));
    cli_free(&r);
    char *plots9 = path_join(dir, "figs9");
    r = cli("--samples", "1000", "--plots", plots9, "--render", "none", "--plot-size", "3.5x2.4in",
            "--dpi", "300", "--font-size", "9", "--quiet", NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert(exists(plots9));
    cli_free(&r);
    free(plots9);
    r = cli("--samples", "1000", "--font-size", "8", NULL); /* no --plots */
    ck_assert_int_eq(r.status, 2);
    ck_assert(has(r.err, "--font-size") && has(r.err, "--plots"));
    cli_free(&r);
    r = cli("deep", "--dpi", "5000", "--plots", plots, NULL);
    ck_assert_int_eq(r.status, 2);
    ck_assert(has(r.err, "--dpi") && has(r.err, "'5000'"));
    cli_free(&r);
    r = cli("sweep", "--vary", "n-in=10:20:2", "--figures", "deep-variance", "--plots", plots,
            NULL);
    ck_assert_int_eq(r.status, 2);
    ck_assert(has(r.err, "--figures") && has(r.err, "sweep-variance"));
    cli_free(&r);

    require_gnuplot();
    r = cli("--samples", "1000", "--plots", plots, "--plot-size", "3.5x2.5in", "--dpi", "150",
            "--font-size", "8", "--figures", "fig2-compare,fig4-saturated-fraction", "--log-y",
            "--render", "png", NULL);
    ck_assert_msg(r.status == 0, "exit %d: %s", r.status, r.err);
    /* fig2 grows taller (below): said on standard error, not found by
     * measuring the image (figure review 15, S5.3) */
    ck_assert_msg(has(r.err, "fig2-compare: note: drawn 3.5 x ") && has(r.err, " in, taller than the 2.5 in asked: "),
                  "no note of the taller canvas: %s", r.err);
    cli_free(&r);
    char *ls = listing(plots);
    ck_assert_str_eq(ls, "fig2-compare.gp\nfig2-compare.png\nfig4-saturated-fraction.gp\n"
                         "fig4-saturated-fraction.png\n");
    free(ls);
    char *png = path_join(plots, "fig4-saturated-fraction.png");
    unsigned w, h;
    png_size(png, &w, &h);
    ck_assert_uint_eq(w, 525); /* 3.5 in x 150 dpi */
    /* (taller: its fractions below the plot too, figure review 17, S6) */
    ck_assert_uint_gt(h, 375);
    unsigned h4 = h;
    free(png);
    /* fig2's legend below the plot (two rows a scheme) would leave the
     * plot under 1.2 in: the canvas grows, the width as asked, and the
     * script says so */
    png = path_join(plots, "fig2-compare.png");
    png_size(png, &w, &h);
    ck_assert_uint_eq(w, 525);
    ck_assert_uint_gt(h, 375);
    free(png);
    char *fig2 = path_join(plots, "fig2-compare.gp");
    char *fig2_text = read_file(fig2, NULL);
    ck_assert(has(fig2_text, "Taller than asked"));
    free(fig2_text);
    free(fig2);
    char *fig4 = path_join(plots, "fig4-saturated-fraction.gp");
    char *header_of_fig4 = read_file(fig4, NULL);
    ck_assert(has(header_of_fig4, "Taller than asked"));
    free(fig4);
    free(plots);
    remove_tree(dir); /* the script is in hand: the folder can go */
    free(dir);
    const char *text = header_of_fig4;
    /* (the size it was made at: grown for its legend, as fig2's) */
    char made[128];
    snprintf(made, sizeof made, " --plot-size 525x%u --dpi 150 --font-size 8 --figures "
                                "fig2-compare,fig4-saturated-fraction --log-y\n", h4);
    ck_assert_msg(has(text, made), "no '%s'", made);
    ck_assert(has(text, "if (!exists('dpi')) dpi = 150\n"));
    ck_assert(has(text, "fontpt = 8 "));
    free(header_of_fig4);
}
END_TEST

/* --log-y forces the log axis of fig4 where the automatic choice is
 * linear: one scheme, so its fractions span no decades. */
START_TEST(log_y_forced)
{
    const char *args[] = {"scheme", "standard", "samples", "20000", NULL};
    satstat_report *r = report_of(args, 0);
    size_t i = figure_index(r, "fig4-saturated-fraction");
    satstat_plot_options o;
    satstat_plot_options_default(&o);
    char *linear = script_of(r, i, &o, NULL);
    o.log_y = 1;
    char *logarithmic = script_of(r, i, &o, NULL);
    ck_assert(!has(linear, "set logscale y"));
    ck_assert(has(logarithmic, "set logscale y 10"));
    free(linear);
    free(logarithmic);
    satstat_report_free(r);
}
END_TEST

/* The committed gallery is what the current code writes: `satstat demo`
 * (run in a scratch directory, so its DIR is the same "plots") gives the
 * committed scripts byte for byte, and each has its PNG. */
/* The preset's histograms (satstat deep --preset activations): each display
 * bin is a union of whole fine bins, so no comb.  Regrouping 60 fine bins
 * into 40 display bins by their centres made neighbours alternate about 2:1:
 * the successive differences then change sign at nearly every bin (a share
 * of 0.95-0.97 in the tanh rows of scaled and he-normal), where sampling
 * noise on a smooth density changes sign at about 2/3 of them (at most 0.82
 * here).  Also: the density times the width sums to the fraction inside the
 * sampled range, all but a sliver of the units (to the 9 digits printed). */
START_TEST(preset_histograms_have_no_comb)
{
    char *dir = make_temp_dir();
    char *plots = path_join(dir, "act");
    cli_result r = cli("deep", "--preset", "activations", "--plots", plots, "--render", "none",
                       "--quiet", NULL);
    ck_assert_msg(r.status == 0, "exit %d: %s", r.status, r.err);
    static const char *const acts[] = {"sigmoid", "tanh", "relu"};
    size_t blocks = 0, long_blocks = 0;
    for (size_t i = 0; i < 3; i++) {
        char name[64];
        snprintf(name, sizeof name, "deep-activations-%s.gp", acts[i]);
        char *path = path_join(plots, name);
        char *text = read_file(path, NULL);
        ck_assert_ptr_nonnull(text);
        for (char *p = strstr(text, "\n$h"); p; p = strstr(p + 1, "\n$h")) {
            char *line = strchr(p + 1, '\n') + 1;
            double y[128], mass = 0;
            size_t n = 0;
            while (strncmp(line, "EOD", 3) != 0) {
                double x, d, w;
                ck_assert_int_eq(sscanf(line, "%lf %lf %lf", &x, &d, &w), 3);
                ck_assert(d >= 0 && w > 0);
                ck_assert_uint_lt(n, 128);
                y[n++] = d;
                mass += d * w;
                line = strchr(line, '\n') + 1;
            }
            blocks++;
            /* relu's point mass at 0 is a block $zeroS_K of its own (0, P) */
            char zname[32];
            int zlen = 0;
            sscanf(p + 3, "%*[0-9_]%n", &zlen);
            snprintf(zname, sizeof zname, "\n$zero%.*s << EOD\n", zlen, p + 3);
            const char *zero = strstr(text, zname);
            double atom = 0;
            if (zero)
                ck_assert_int_eq(sscanf(strchr(zero + 1, '\n') + 1, "%*f %lf", &atom), 1);
            ck_assert_msg(mass + atom > 0.99 && mass + atom < 1 + 1e-7,
                          "%s block %zu: mass %g + point mass %g", acts[i], blocks, mass, atom);
            size_t changes = 0, pairs = 0;
            double prev = 0;
            for (size_t b = 1; b < n; b++) {
                double d = y[b] - y[b - 1];
                if (d == 0)
                    continue;
                if (prev != 0) {
                    pairs++;
                    changes += (d > 0) != (prev > 0);
                }
                prev = d;
            }
            if (pairs >= 10) {
                long_blocks++;
                ck_assert_msg((double)changes / (double)pairs < 0.9,
                              "%s block %zu: comb, %zu sign changes in %zu", acts[i], blocks,
                              changes, pairs);
            }
        }
        free(text);
        free(path);
    }
    /* activations x schemes x layers: 1, 3 and 5 of 5 at 1280 x 800 (at
     * most three across: figure review 17, S9) */
    ck_assert_uint_eq(blocks, 3 * 4 * 3);
    ck_assert_uint_ge(long_blocks, 24);
    cli_free(&r);
    remove_tree(dir);
    free(plots);
    free(dir);
}
END_TEST

/* deep-saturation: the saturated fraction against layer gets a log axis
 * when its positive values span more than 100 x (standard ~0.86 beside
 * scaled ~5e-4, which sat on zero of the linear axis), with every positive
 * value and bar end inside the range; one scheme alone keeps the linear
 * axis from 0. */
static char *deep_saturation_script(const char *schemes)
{
    char *dir = make_temp_dir();
    char *plots = path_join(dir, "deep");
    cli_result r = cli("deep", "--layers", "4", "--width", "300", "--networks", "10", "--scheme",
                       schemes, "--plots", plots, "--render", "none", "--quiet", NULL);
    ck_assert_msg(r.status == 0, "exit %d: %s", r.status, r.err);
    cli_free(&r);
    char *path = path_join(plots, "deep-saturation.gp");
    char *text = read_file(path, NULL);
    ck_assert_ptr_nonnull(text);
    free(path);
    remove_tree(dir);
    free(plots);
    free(dir);
    return text;
}

START_TEST(deep_saturation_log_axis)
{
    char *s = deep_saturation_script("standard,scaled");
    double lo = INFINITY, hi = 0;
    for (size_t i = 0; i < 2; i++) {
        char name[8];
        size_t rows;
        snprintf(name, sizeof name, "s%zu", i + 1);
        double *v = datablock(s, name, 5, &rows);
        ck_assert_uint_eq(rows, 4);
        for (size_t k = 0; k < rows * 5; k++)
            if (k % 5 && v[k] > 0) {
                lo = fmin(lo, v[k]);
                hi = fmax(hi, v[k]);
            }
        free(v);
    }
    ck_assert(hi > 100 * lo);
    ck_assert(has(s, "\nset logscale y\n"));
    const char *yr = strstr(s, "\nset yrange [");
    ck_assert_ptr_nonnull(yr);
    double a, b;
    ck_assert_int_eq(sscanf(yr, "\nset yrange [%lf:%lf]", &a, &b), 2);
    ck_assert(a > 0 && a <= lo && b >= hi);
    free(s);

    s = deep_saturation_script("standard");
    ck_assert(!has(s, "logscale y"));
    ck_assert(has(s, "\nset yrange [0:"));
    free(s);
}
END_TEST

START_TEST(gallery_is_current)
{
    const char *root = getenv("SATSTAT_SOURCE_ROOT");
    ck_assert_msg(root != NULL, "SATSTAT_SOURCE_ROOT is not set");
    char *committed = path_join(root, "plots");
    char *dir = make_temp_dir();
    const char *args[] = {"demo", "--render", "none", NULL};
    cli_result r = cli_in(dir, NULL, args);
    ck_assert_msg(r.status == 0, "demo: exit %d: %s", r.status, r.err);
    ck_assert(has(r.out, "satstat ") && has(r.out, "standard") && has(r.out, "verdict"));
    cli_free(&r);
    char *fresh = path_join(dir, "plots");
    char *ls = listing(fresh);
    /* the same scripts, no more, no fewer */
    char *lc = listing(committed);
    for (char *line = ls; *line;) {
        char *nl = strchr(line, '\n');
        *nl = '\0';
        ck_assert_msg(strlen(line) > 3 && strcmp(line + strlen(line) - 3, ".gp") == 0,
                      "demo --render none wrote %s", line);
        char *a = path_join(fresh, line), *b = path_join(committed, line);
        size_t la = 0, lb = 0;
        char *ta = read_file(a, &la), *tb = read_file(b, &lb);
        ck_assert_msg(tb != NULL, "plots/%s is not committed: run `satstat demo` in the source "
                                  "root", line);
        ck_assert_msg(la == lb && memcmp(ta, tb, la) == 0,
                      "plots/%s differs from what satstat demo writes now: run `satstat demo` "
                      "in the source root and commit plots/", line);
        char png_name[256];
        snprintf(png_name, sizeof png_name, "%.*s.png", (int)strlen(line) - 3, line);
        char *png = path_join(committed, png_name);
        unsigned w, h;
        png_size(png, &w, &h);
        ck_assert_uint_eq(w, 1280);
        ck_assert_uint_eq(h, 800);
        free(png);
        free(ta);
        free(tb);
        free(a);
        free(b);
        line = nl + 1;
    }
    for (char *line = lc; *line;) {
        char *nl = strchr(line, '\n');
        *nl = '\0';
        if (strlen(line) > 3 && strcmp(line + strlen(line) - 3, ".gp") == 0) {
            char *a = path_join(fresh, line);
            ck_assert_msg(exists(a), "plots/%s is no longer written by satstat demo", line);
            free(a);
        }
        line = nl + 1;
    }
    free(ls);
    free(lc);
    free(fresh);
    free(committed);
    remove_tree(dir);
    free(dir);
}
END_TEST

static Suite *plot_suite(void)
{
    Suite *s = suite_create("plot");
    TCase *tc = tcase_create("script text");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, figure_list);
    tcase_add_test(tc, structure);
    tcase_add_test(tc, compare_magnifies_small_density);
    tcase_add_test(tc, labels);
    tcase_add_test(tc, colour_by_name);
    tcase_add_test(tc, numbers_typeset);
    tcase_add_test(tc, options_recorded);
    tcase_add_test(tc, quoting);
    tcase_add_test(tc, option_parsing);
    tcase_add_test(tc, locale_and_write_errors);
    suite_add_tcase(s, tc);

    tc = tcase_create("data");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, histogram_integrates_to_one);
    tcase_add_test(tc, analytic_columns_match_formula);
    tcase_add_test(tc, shaded_region_is_T);
    tcase_add_test(tc, fig1_fill_matches_swatch);
    tcase_add_test(tc, fig3_true_densities);
    tcase_add_test(tc, fig4_log_axis_when_fractions_span_decades);
    tcase_add_test(tc, log_y_forced);
    tcase_add_test(tc, legend_below_by_column);
    tcase_add_test(tc, shaded_region_follows_rule);
    tcase_add_test(tc, fig4_follows_one_sided_rule);
    tcase_add_test(tc, fig4_orthogonal_first_rows);
    tcase_add_test(tc, point_mass);
    suite_add_tcase(s, tc);

    tc = tcase_create("gnuplot");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, panels_keep_half_the_height);
    tcase_add_test(tc, inset_labels_text_size);
    tcase_add_test(tc, renders_png_svg_pdf);
    tcase_add_test(tc, renders_every_kind_of_report);
    tcase_add_test(tc, renders_sixteen_schemes);
    tcase_add_test(tc, fig4_asymmetric_rule);
    tcase_add_test(tc, gnuplot_failures_captured);
    tcase_add_test(tc, scripts_run_plainly);
    suite_add_tcase(s, tc);

    tc = tcase_create("files and CLI");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, write_dir_all_or_nothing);
    tcase_add_test(tc, cli_bad_usage);
    tcase_add_test(tc, cli_unwritable);
    tcase_add_test(tc, cli_without_gnuplot);
    tcase_add_test(tc, cli_renders);
    tcase_add_test(tc, cli_figure_options);
    tcase_add_test(tc, preset_histograms_have_no_comb);
    tcase_add_test(tc, deep_saturation_log_axis);
    tcase_add_test(tc, gallery_is_current);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(plot_suite)
