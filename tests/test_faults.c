/* test_faults.c — satstat on a failing disk: every write, fsync, rename,
 * mkdir and temporary-file open of a run's outputs fails in turn.
 *
 * satstat-faults is satstat linked with -Wl,--wrap wrappers
 * (faults_wrap.c) that fail the N-th call of one system call with ENOSPC,
 * EIO or EINTR.  For each call and each N from 1 until N passes the run's
 * last call, the run is repeated in a fresh folder holding an old report,
 * and the test checks:
 *   - ENOSPC / EIO: exit 3 and one line on stderr naming the error; the
 *     old report either untouched or replaced by the whole new one; every
 *     figure file present equal to the reference run's (none half-written);
 *     no temporary file left; and no folder left that the run created and
 *     did not fill;
 *   - EINTR (a write or fsync interrupted with no signal pending): retried,
 *     so the run ends exactly as the reference run, outputs and all;
 *   - N past the last call: the reference run, exactly.
 * The totals (calls injected, outcomes) are printed to the test log.
 *
 * Rendering uses a stand-in gnuplot (a shell script writing a checksum of
 * the script it was given) so that the hundreds of runs stay fast; what is
 * tested is satstat's handling of the files, not gnuplot.
 */
#define _GNU_SOURCE
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common.h"

static const char *faults_exe;
static char *base; /* the test's folder */

/* tests/common's, by the names this file's tests use */
#define path2(a, b) test_path(a, b) /* "a/b", allocated */
#define remove_tree(path) test_remove_tree(path)

/* One run of satstat-faults ends within this (each takes a few seconds). */
#define FAULT_RUN_TIMEOUT_S 300.0

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static void spit(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

/* The sorted names in dir, newline-separated ("" when absent). */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *listing(const char *dir)
{
    char *names[256];
    size_t n = 0, total = 1;
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) && n < 256)
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
                names[n] = strdup(e->d_name);
                total += strlen(names[n++]) + 1;
            }
        closedir(d);
    }
    qsort(names, n, sizeof *names, cmp_str);
    char *out = malloc(total);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        strcat(out, names[i]);
        strcat(out, "\n");
        free(names[i]);
    }
    return out;
}

typedef struct outcome {
    int status;
    char *err;
    long calls; /* calls of the wrapped function in the run */
    int fired;
} outcome;

/* Run satstat-faults in `dir` with argv (argv[0] included), PATH led by
 * base/bin (the stand-in gnuplot), SATSTAT_FAULT=spec (NULL: none). */
static outcome run_in(const char *dir, char *const *argv, const char *spec)
{
    outcome o = {0, NULL, 0, 0};
    char *log = path2(base, "fault.log");
    char *err = path2(base, "stderr");
    char *bin = path2(base, "bin");
    unlink(log);
    int err_fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ck_assert_msg(err_fd >= 0, "%s: %s", err, strerror(errno));
    char log_env[4200], fault_env[256];
    snprintf(log_env, sizeof log_env, "SATSTAT_FAULT_LOG=%s", log);
    if (spec)
        snprintf(fault_env, sizeof fault_env, "SATSTAT_FAULT=%s", spec);
    else
        snprintf(fault_env, sizeof fault_env, "SATSTAT_FAULT"); /* unset */
    const char *env[] = {log_env, fault_env, NULL};
    test_spawn_options opts = {.exe = faults_exe, .argv0 = argv[0], .dir = dir,
                               .path_first = bin, .env = env, .err_fd = err_fd};
    pid_t pid = test_spawn(&opts, (const char *const *)argv + 1);
    close(err_fd);
    free(bin);
    const char *what = spec ? spec : "no fault";
    o.status = test_exit_code(test_wait(pid, FAULT_RUN_TIMEOUT_S, what), what);
    o.err = slurp(err, NULL);
    char *l = slurp(log, NULL);
    if (l)
        sscanf(l, "%ld %d", &o.calls, &o.fired);
    free(l);
    free(log);
    free(err);
    return o;
}

/* A fresh case folder: out/report.txt holding the old report; no new/. */
static char *fresh_case(void)
{
    char *dir = path2(base, "case");
    remove_tree(dir);
    ck_assert_int_eq(mkdir(dir, 0755), 0);
    char *out = path2(dir, "out");
    ck_assert_int_eq(mkdir(out, 0755), 0);
    char *report = path2(out, "report.txt");
    spit(report, "OLD\n");
    free(report);
    free(out);
    return dir;
}

static int same_file(const char *a, const char *b)
{
    size_t la, lb;
    char *x = slurp(a, &la), *y = slurp(b, &lb);
    int same = x && y && la == lb && memcmp(x, y, la) == 0;
    free(x);
    free(y);
    return same;
}

/* The report with its wall time (a line ending ", 0.09 s": run's
 * "sampled" line, deep's "sampling" line) cut off: the one thing two runs
 * of the same seed do not share. */
static char *report_text(const char *path)
{
    char *text = slurp(path, NULL);
    if (!text)
        return NULL;
    char *out = text;
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        size_t keep = len;
        if (len > 2 && line[len - 1] == 's' && line[len - 2] == ' ') {
            size_t k = len - 2;
            while (k > 0 && (line[k - 1] == '.' || (line[k - 1] >= '0' && line[k - 1] <= '9')))
                k--;
            if (k >= 2 && k < len - 2 && line[k - 1] == ' ' && line[k - 2] == ',')
                keep = k - 2;
        }
        memmove(out, line, keep);
        out += keep;
        if (end)
            *out++ = '\n';
        line = end ? end + 1 : line + len;
    }
    *out = '\0';
    return text;
}

static int same_report(const char *a, const char *b)
{
    char *x = report_text(a), *y = report_text(b);
    int same = x && y && strcmp(x, y) == 0;
    free(x);
    free(y);
    return same;
}

typedef struct tally {
    long runs, injected, exit3, as_reference;
} tally;

/* The state a case folder was left in, checked against the reference
 * folder ref (a run without faults).  whole: the run must equal it. */
static void check_case(const char *dir, const char *ref, const outcome *o, const outcome *refo,
                       int expect_failure, int err, const char *spec, tally *t)
{
    char *out = path2(dir, "out");
    char *ls = listing(out);
    ck_assert_msg(strcmp(ls, "report.txt\n") == 0, "%s: out/ holds\n%s", spec, ls);
    free(ls);
    char *report = path2(dir, "out/report.txt");
    char *ref_report = path2(ref, "out/report.txt");
    char *content = slurp(report, NULL);
    int old = content && strcmp(content, "OLD\n") == 0;
    int new_whole = same_report(report, ref_report);
    ck_assert_msg(old || new_whole, "%s: the report is neither the old one nor the whole new one",
                  spec);
    free(content);

    char *figs = path2(dir, "new/figs");
    char *ref_figs = path2(ref, "new/figs");
    char *names = listing(figs);
    char *ref_names = listing(ref_figs);
    for (char *line = names, *end; *line; line = end + 1) {
        end = strchr(line, '\n');
        *end = '\0';
        ck_assert_msg(line[0] != '.', "%s: temporary file %s left in the figures", spec, line);
        char *mine = path2(figs, line), *theirs = path2(ref_figs, line);
        ck_assert_msg(same_file(mine, theirs), "%s: figure file %s half-written or wrong", spec,
                      line);
        free(mine);
        free(theirs);
        *end = '\n';
    }
    char *new_dir = path2(dir, "new");
    struct stat st;
    if (!names[0])
        ck_assert_msg(stat(new_dir, &st) != 0, "%s: an empty folder the run made is left", spec);

    if (expect_failure) {
        ck_assert_msg(o->status == 3, "%s: exit %d, expected 3; stderr: %s", spec, o->status,
                      o->err);
        const char *nl = strchr(o->err, '\n');
        ck_assert_msg(nl && nl[1] == '\0', "%s: not one line on stderr: %s", spec, o->err);
        ck_assert_msg(strstr(o->err, strerror(err)), "%s: stderr does not say %s: %s", spec,
                      strerror(err), o->err);
        t->exit3++;
    } else {
        ck_assert_msg(o->status == refo->status, "%s: exit %d, expected %d; stderr: %s", spec,
                      o->status, refo->status, o->err);
        ck_assert_msg(new_whole && strcmp(names, ref_names) == 0,
                      "%s: outputs differ from the reference run", spec);
        t->as_reference++;
    }
    free(new_dir);
    free(names);
    free(ref_names);
    free(figs);
    free(ref_figs);
    free(report);
    free(ref_report);
    free(out);
}

/* Fail each call in turn, for every call the run makes. */
static void sweep_faults(const char *label, char *const *argv)
{
    char *ref = path2(base, "ref");
    remove_tree(ref);
    char *c = fresh_case();
    ck_assert_int_eq(rename(c, ref), 0);
    free(c);
    outcome refo = run_in(ref, argv, NULL);
    ck_assert_msg(refo.status == 0 || refo.status == 1, "%s: reference run exit %d: %s", label,
                  refo.status, refo.err);
    char *refreport = path2(ref, "out/report.txt");
    char *content = slurp(refreport, NULL);
    ck_assert_msg(content && strcmp(content, "OLD\n") != 0, "%s: no reference report", label);
    free(content);
    free(refreport);
    free(refo.err);

    static const struct {
        const char *call;
        const char *err_name;
        int err;
    } plans[] = {
        {"write", "ENOSPC", ENOSPC},   {"write", "EIO", EIO},       {"write", "EINTR", EINTR},
        {"fsync", "ENOSPC", ENOSPC},   {"fsync", "EIO", EIO},       {"fsync", "EINTR", EINTR},
        {"renameat", "ENOSPC", ENOSPC}, {"renameat", "EIO", EIO},
        {"mkdirat", "ENOSPC", ENOSPC}, {"mkdirat", "EIO", EIO},
        {"openat", "ENOSPC", ENOSPC},  {"openat", "EIO", EIO},
    };
    tally total = {0, 0, 0, 0};
    for (size_t p = 0; p < sizeof plans / sizeof plans[0]; p++) {
        tally t = {0, 0, 0, 0};
        long calls = 0;
        for (long n = 1;; n++) {
            char spec[64];
            snprintf(spec, sizeof spec, "%s:%ld:%s", plans[p].call, n, plans[p].err_name);
            char *dir = fresh_case();
            outcome o = run_in(dir, argv, spec);
            char where[128];
            snprintf(where, sizeof where, "%s %s", label, spec);
            t.runs++;
            t.injected += o.fired;
            check_case(dir, ref, &o, &refo, o.fired && plans[p].err != EINTR, plans[p].err,
                       where, &t);
            calls = o.calls;
            free(o.err);
            free(dir);
            if (!o.fired)
                break;
        }
        printf("faults: %-6s %-9s %-7s %3ld calls: %3ld runs, %3ld injected, %3ld exit 3 with "
               "nothing lost or half-written, %3ld as the reference run\n",
               label, plans[p].call, plans[p].err_name, calls, t.runs, t.injected, t.exit3,
               t.as_reference);
        ck_assert_msg(calls > 0 || strcmp(plans[p].call, "mkdirat") != 0,
                      "%s: the run made no %s call: the wrapper is not in place", label,
                      plans[p].call);
        total.runs += t.runs;
        total.injected += t.injected;
        total.exit3 += t.exit3;
        total.as_reference += t.as_reference;
    }
    printf("faults: %s total: %ld runs, %ld faults injected, %ld exit 3, %ld as the reference\n",
           label, total.runs, total.injected, total.exit3, total.as_reference);
    fflush(stdout);
    remove_tree(ref);
    free(ref);
}

static void setup(void)
{
    faults_exe = test_exe("SATSTAT_FAULTS_EXE");
    base = test_temp_dir("faults");
    char *bin = path2(base, "bin");
    ck_assert_int_eq(mkdir(bin, 0755), 0);
    char *gp = path2(bin, "gnuplot");
    /* argv: gnuplot -e SETTINGS ./SCRIPT: the image is a checksum of the
     * script, the same for the same script */
    spit(gp, "#!/bin/sh\ncksum < \"$3\"\n");
    ck_assert_int_eq(chmod(gp, 0755), 0);
    free(gp);
    free(bin);
}

static void teardown(void)
{
    remove_tree(base);
    free(base);
}

/* The single-neuron run: the report and its figures, rendered. */
START_TEST(run_report_and_figures)
{
    char *argv[] = {"satstat", "--samples", "2000", "--seed", "5", "--quiet",
                    "--output", "out/report.txt", "--plots", "new/figs",
                    "--render", "png", NULL};
    sweep_faults("run", argv);
}
END_TEST

/* deep: its report and figure scripts. */
START_TEST(deep_report_and_figures)
{
    char *argv[] = {"satstat", "deep", "--layers", "3", "--width", "16", "--networks", "8",
                    "--quiet", "--output", "out/report.txt", "--plots", "new/figs",
                    "--render", "none", NULL};
    sweep_faults("deep", argv);
}
END_TEST

static Suite *faults_suite(void)
{
    Suite *s = suite_create("faults");
    TCase *tc = tcase_create("faults");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 900);
    tcase_add_test(tc, run_report_and_figures);
    tcase_add_test(tc, deep_report_and_figures);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(faults_suite)
