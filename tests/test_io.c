/* test_io.c — output safety and signals: the output transaction
 * (satstat/io.h) directly, and the satstat command writing its report and
 * figures through it.
 *
 * Planted symbolic links are never written through; /dev/stdout and the
 * descriptors stdout is redirected to are written in place; a link that is
 * not the user's own, or dangles, is refused; --output is checked before
 * the work; long names fit; a signal before the commit leaves every target
 * as it was and exits 130 / 143, and stops gnuplot at once; deep --phase
 * notices a cancel at once; figure folders starting with '-' are never
 * gnuplot options.  The figures are rendered by stand-in gnuplots (shell
 * scripts) on PATH: what is tested is satstat's handling of files and
 * processes.
 */
#define _GNU_SOURCE
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <satstat/satstat.h>

#include "common.h"

static const char *exe;
static char *base;

/* ---- helpers ---------------------------------------------------------------*/

/* tests/common's, by the names this file's tests use */
#define path2(a, b) test_path(a, b)
#define now_s() test_now()
#define sleep_s(s) test_sleep(s)
#define remove_tree(path) test_remove_tree(path)

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0, got;
    char *buf = malloc(cap + 1);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0)
        if ((n += got) == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static void spit(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

static int file_is(const char *path, const char *text)
{
    char *got = slurp(path);
    int same = got && strcmp(got, text) == 0;
    free(got);
    return same;
}

/* Names in dir starting with ".satstat-" (temporary files). */
static int temps_in(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += strncmp(e->d_name, ".satstat-", 9) == 0;
    if (d)
        closedir(d);
    return n;
}

static int count_entries(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    if (d)
        closedir(d);
    return n;
}

/* A stand-in gnuplot in base/NAME/gnuplot with the given shell body
 * (argv: -e SETTINGS SCRIPT); returns the folder, for PATH. */
static char *fake_gnuplot(const char *name, const char *body)
{
    char *bin = path2(base, name);
    mkdir(bin, 0755);
    char *gp = path2(bin, "gnuplot");
    char *text = malloc(strlen(body) + 32);
    sprintf(text, "#!/bin/sh\n%s\n", body);
    spit(gp, text);
    ck_assert_int_eq(chmod(gp, 0755), 0);
    free(text);
    free(gp);
    return bin;
}

typedef struct child {
    pid_t pid;
    double started;
} child;

/* Start satstat in base with PATH led by `bin` (NULL: unchanged), stderr
 * into base/stderr.txt; stdout to out_path (NULL: /dev/null;
 * "-append:PATH" appends), or closed when close_stdout.  argv[0] included. */
static child start(const char *bin, const char *out_path, int close_stdout, char *const *argv)
{
    char *err_path = path2(base, "stderr.txt");
    int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ck_assert_msg(err >= 0, "%s: %s", err_path, strerror(errno));
    free(err_path);
    int out = close_stdout ? TEST_FD_CLOSED : TEST_FD_NULL;
    if (!close_stdout && out_path && strncmp(out_path, "-append:", 8) == 0)
        out = open(out_path + 8, O_WRONLY | O_APPEND);
    else if (!close_stdout && out_path)
        out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ck_assert_msg(out != -1 || close_stdout, "%s: %s", out_path, strerror(errno));
    test_spawn_options o = {.exe = exe, .argv0 = argv[0], .dir = base, .path_first = bin,
                            .out_fd = out, .err_fd = err};
    child c;
    c.started = now_s();
    c.pid = test_spawn(&o, (const char *const *)argv + 1);
    close(err);
    if (out > 0)
        close(out);
    return c;
}

/* Wait for c (at most `limit` seconds, then kill it and fail); its exit
 * code. */
static int finish(child c, double limit, double *seconds)
{
    int status = test_wait(c.pid, limit, "satstat");
    if (seconds)
        *seconds = now_s() - c.started;
    return test_exit_code(status, "satstat");
}

static int run(const char *bin, char *const *argv)
{
    return finish(start(bin, NULL, 0, argv), 120, NULL);
}

static char *stderr_text(void)
{
    char *p = path2(base, "stderr.txt");
    char *t = slurp(p);
    free(p);
    return t ? t : strdup("");
}

static void setup(void)
{
    exe = test_exe("SATSTAT_EXE");
    base = test_temp_dir("io");
    chmod(base, 0755); /* a folder no one else can write */
}

static void teardown(void)
{
    remove_tree(base);
    free(base);
}

/* ---- the transaction itself ------------------------------------------------*/

/* A cancel (a signal's flag) before the commit: every target as it was,
 * no temporary file, the folder made for the figures gone. */
START_TEST(txn_cancel_before_commit_leaves_targets)
{
    volatile sig_atomic_t flag = 0;
    char *report = path2(base, "report.txt");
    spit(report, "OLD\n");
    char *figs = path2(base, "new/figs");
    satstat_txn *t;
    satstat_txn_file *rf, *ff;
    satstat_txn_dir *d;
    FILE *s;
    char msg[512];
    ck_assert_int_eq(satstat_txn_new(&flag, &t), SATSTAT_OK);
    ck_assert_int_eq(satstat_txn_add_file(t, report, &rf, msg, sizeof msg), SATSTAT_OK);
    ck_assert_int_eq(satstat_txn_add_dir(t, figs, &d, msg, sizeof msg), SATSTAT_OK);
    ck_assert_int_eq(satstat_txn_dir_create(d, "a.gp", &ff, &s, msg, sizeof msg), SATSTAT_OK);
    fputs("plot x\n", s);
    ck_assert_int_eq(satstat_txn_file_stream(rf, &s, msg, sizeof msg), SATSTAT_OK);
    fputs("NEW\n", s);
    flag = SIGTERM; /* the signal comes while the report is written */
    ck_assert_int_eq(satstat_txn_commit(t, msg, sizeof msg), SATSTAT_ECANCELED);
    ck_assert(file_is(report, "OLD\n"));
    ck_assert_int_eq(temps_in(base), 0);
    char *new_dir = path2(base, "new");
    struct stat st;
    ck_assert_msg(stat(new_dir, &st) != 0, "the folder the run made is left");

    /* not cancelled: committed */
    flag = 0;
    ck_assert_int_eq(satstat_txn_new(&flag, &t), SATSTAT_OK);
    ck_assert_int_eq(satstat_txn_add_file(t, report, &rf, msg, sizeof msg), SATSTAT_OK);
    ck_assert_int_eq(satstat_txn_file_stream(rf, &s, msg, sizeof msg), SATSTAT_OK);
    fputs("NEW\n", s);
    ck_assert_int_eq(satstat_txn_commit(t, msg, sizeof msg), SATSTAT_OK);
    ck_assert(file_is(report, "NEW\n"));
    ck_assert_int_eq(temps_in(base), 0);
    free(new_dir);
    free(figs);
    free(report);
}
END_TEST

/* In a figure folder a link at a name the run writes is replaced, its
 * target untouched; gnuplot would read the transaction's temporary script
 * under a name that is no option. */
START_TEST(txn_folder_links_replaced_not_followed)
{
    char *target = path2(base, "precious");
    spit(target, "precious\n");
    char *figs = path2(base, "-figs");
    ck_assert_int_eq(mkdir(figs, 0755), 0);
    char *link = path2(figs, "a.gp");
    ck_assert_int_eq(symlink(target, link), 0);
    satstat_txn *t;
    satstat_txn_dir *d;
    satstat_txn_file *f;
    FILE *s;
    char msg[512], src[256];
    ck_assert_int_eq(satstat_txn_new(NULL, &t), SATSTAT_OK);
    ck_assert_int_eq(satstat_txn_add_dir(t, figs, &d, msg, sizeof msg), SATSTAT_OK);
    ck_assert_int_eq(satstat_txn_dir_create(d, "a.gp", &f, &s, msg, sizeof msg), SATSTAT_OK);
    fputs("plot x\n", s);
    ck_assert_int_eq(satstat_txn_dir_source(d, "a.gp", src, sizeof src), SATSTAT_OK);
    ck_assert_msg(strncmp(src, "./.satstat-", 11) == 0, "source %s", src);
    ck_assert_int_eq(satstat_txn_dir_source(d, "b.gp", src, sizeof src), SATSTAT_OK);
    ck_assert_str_eq(src, "./b.gp");
    ck_assert_int_eq(satstat_txn_commit(t, msg, sizeof msg), SATSTAT_OK);
    struct stat st;
    ck_assert_int_eq(lstat(link, &st), 0);
    ck_assert_msg(S_ISREG(st.st_mode), "the link was written through, not replaced");
    ck_assert(file_is(link, "plot x\n"));
    ck_assert(file_is(target, "precious\n"));
    free(link);
    free(figs);
    free(target);
}
END_TEST

/* deep --phase's computation stops at the first cancel, not after the
 * whole grid (the CLI's callback returns non-zero once a signal came). */
static int cancel_after_calls;
static int phase_calls;
static uint64_t phase_last_done;
static int cancel_phase(void *ctx, uint64_t done, uint64_t total)
{
    (void)ctx;
    ck_assert_uint_le(done, total);
    ck_assert_uint_ge(done, phase_last_done); /* the count never goes back */
    phase_last_done = done;
    return ++phase_calls >= cancel_after_calls;
}

START_TEST(phase_compute_cancels_at_once)
{
    const satstat_activation *act = satstat_activation_find("tanh");
    ck_assert_ptr_nonnull(act);
    satstat_deep_phase *ph = NULL;
    cancel_after_calls = 5;
    phase_calls = 0;
    phase_last_done = 0;
    int rc = satstat_deep_phase_compute(act, 0.0, 81, 0.1, 3162.3, 41, 0.0, 2.0, 1,
                                        cancel_phase, NULL, &ph);
    ck_assert_int_eq(rc, SATSTAT_ECANCELED);
    ck_assert_ptr_null(ph);
    ck_assert_int_eq(phase_calls, 5); /* the 5th asked to stop: nothing after it */
    /* without a cancel: the whole grid, a call after every point (and more
     * while a row's chi1 = 1 crossing is solved, with the same count) */
    cancel_after_calls = 1 << 30;
    phase_calls = 0;
    phase_last_done = 0;
    rc = satstat_deep_phase_compute(act, 0.0, 9, 0.1, 10.0, 5, 0.0, 2.0, 1, cancel_phase, NULL,
                                    &ph);
    ck_assert_int_eq(rc, SATSTAT_OK);
    ck_assert_int_ge(phase_calls, 45);
    ck_assert_uint_eq(phase_last_done, 45);
    satstat_deep_phase_free(ph);
}
END_TEST

/* ---- the command -----------------------------------------------------------*/

/* Item: planted links at the old fixed temp name and at final names, in
 * deep's, run's and sweep's figure folders: nothing written through. */
START_TEST(figures_never_write_through_planted_links)
{
    char *bin = fake_gnuplot("gp-ok", "cksum < \"$3\"");
    char *target = path2(base, "important");
    spit(target, "important\n");
    static const char *const plants[][3] = {
        {"deep-gradient.png.tmp", "deep-gradient.png", "deep-variance.gp"},
        {"fig2-compare.png", "fig2-compare.gp", "fig5-standard-normal.png"},
        {"sweep-variance.gp", "sweep-variance.png", "sweep-saturated-fraction.png"},
    };
    char *const deep[] = {"satstat", "deep", "--layers", "2", "--width", "8", "--networks", "4",
                          "--quiet", "--plots", "figs0", "--render", "png", NULL};
    char *const runv[] = {"satstat", "--samples", "2000", "--quiet", "--plots", "figs1",
                          "--render", "png", NULL};
    char *const sweep[] = {"satstat", "sweep", "--vary", "n-in=10:20:2", "--samples", "1000",
                           "--quiet", "--plots", "figs2", "--render", "png", NULL};
    char *const *cmds[] = {deep, runv, sweep};
    for (int k = 0; k < 3; k++) {
        char name[16];
        snprintf(name, sizeof name, "figs%d", k);
        char *figs = path2(base, name);
        ck_assert_int_eq(mkdir(figs, 0755), 0);
        for (int j = 0; j < 3; j++) {
            char *l = path2(figs, plants[k][j]);
            ck_assert_int_eq(symlink(target, l), 0);
            free(l);
        }
        int status = run(bin, cmds[k]);
        char *err = stderr_text();
        ck_assert_msg(status == 0, "%s: exit %d: %s", name, status, err);
        free(err);
        ck_assert_msg(file_is(target, "important\n"), "%s: a planted link was written through",
                      name);
        for (int j = 0; j < 3; j++) {
            char *l = path2(figs, plants[k][j]);
            struct stat st;
            ck_assert_int_eq(lstat(l, &st), 0);
            /* a final name is now a file; the old temp name is not ours */
            if (strstr(plants[k][j], ".tmp") == NULL)
                ck_assert_msg(S_ISREG(st.st_mode), "%s: %s still a link", name, plants[k][j]);
            free(l);
        }
        ck_assert_int_eq(temps_in(figs), 0);
        free(figs);
    }
    free(target);
    free(bin);
}
END_TEST

/* Item: two deep runs into one folder at once: both succeed, and every
 * script is one run's whole script. */
START_TEST(concurrent_deep_runs_never_mix)
{
    char *bin = fake_gnuplot("gp-ok", "cksum < \"$3\"");
    char *a[] = {"satstat", "deep", "--layers", "2", "--width", "8", "--networks", "4", "--seed",
                 "1", "--quiet", "--plots", "figs", "--render", "png", NULL};
    char *b[] = {"satstat", "deep", "--layers", "2", "--width", "8", "--networks", "4", "--seed",
                 "2", "--quiet", "--plots", "figs", "--render", "png", NULL};
    /* each run alone: the references */
    char *figs = path2(base, "figs");
    const char *names[] = {"deep-density-scaled.gp", "deep-density-standard.gp",
                           "deep-variance.gp", "deep-saturation.gp", "deep-gradient.gp",
                           "deep-density-scaled.png", "deep-density-standard.png",
                           "deep-variance.png", "deep-saturation.png", "deep-gradient.png"};
    char *ref[2][10];
    for (int r = 0; r < 2; r++) {
        ck_assert_int_eq(run(bin, r ? b : a), 0);
        for (int i = 0; i < 10; i++) {
            char *p = path2(figs, names[i]);
            ref[r][i] = slurp(p);
            ck_assert_ptr_nonnull(ref[r][i]);
            free(p);
        }
        remove_tree(figs);
    }
    ck_assert_str_ne(ref[0][2], ref[1][2]);
    for (int round = 0; round < 6; round++) {
        child ca = start(bin, NULL, 0, a), cb = start(bin, NULL, 0, b);
        ck_assert_int_eq(finish(ca, 120, NULL), 0);
        ck_assert_int_eq(finish(cb, 120, NULL), 0);
        for (int i = 0; i < 10; i++) {
            char *p = path2(figs, names[i]);
            char *got = slurp(p);
            ck_assert_msg(got && (!strcmp(got, ref[0][i]) || !strcmp(got, ref[1][i])),
                          "round %d: %s is not one run's whole file", round, names[i]);
            free(got);
            free(p);
        }
        ck_assert_int_eq(temps_in(figs), 0);
        remove_tree(figs);
    }
    for (int r = 0; r < 2; r++)
        for (int i = 0; i < 10; i++)
            free(ref[r][i]);
    free(figs);
    free(bin);
}
END_TEST

/* Item: --output /dev/stdout appends where stdout appends; a closed stdout
 * fails without touching /dev/stdout; "-" is stdout. */
START_TEST(output_dev_stdout_written_in_place)
{
    char *log = path2(base, "log");
    spit(log, "KEEP\n");
    char *const argv[] = {"satstat", "--analytic-only", "--output", "/dev/stdout", NULL};
    char spec[4200];
    snprintf(spec, sizeof spec, "-append:%s", log);
    ck_assert_int_eq(finish(start(NULL, spec, 0, argv), 60, NULL), 0);
    char *text = slurp(log);
    ck_assert_msg(strncmp(text, "KEEP\nsatstat ", 13) == 0, "log lost KEEP: %.60s", text);
    free(text);

    /* /proc/self/fd/1 likewise */
    spit(log, "KEEP\n");
    char *const argv2[] = {"satstat", "--analytic-only", "--output", "/proc/self/fd/1", NULL};
    ck_assert_int_eq(finish(start(NULL, spec, 0, argv2), 60, NULL), 0);
    text = slurp(log);
    ck_assert_msg(strncmp(text, "KEEP\nsatstat ", 13) == 0, "log lost KEEP: %.60s", text);
    free(text);

    /* stdout closed: an error, and /dev/stdout still the system's link */
    struct stat before, after;
    ck_assert_int_eq(lstat("/dev/stdout", &before), 0);
    int status = finish(start(NULL, NULL, 1, argv), 60, NULL);
    ck_assert_msg(status == 3 || status == 2, "stdout closed: exit %d", status);
    ck_assert_int_eq(lstat("/dev/stdout", &after), 0);
    ck_assert(S_ISLNK(before.st_mode) == S_ISLNK(after.st_mode));
    ck_assert(before.st_ino == after.st_ino);

    /* "-" */
    char *out = path2(base, "stdout.txt");
    char *const argv3[] = {"satstat", "--analytic-only", "--output", "-", NULL};
    ck_assert_int_eq(finish(start(NULL, out, 0, argv3), 60, NULL), 0);
    text = slurp(out);
    ck_assert_msg(strncmp(text, "satstat ", 8) == 0, "'-' did not write stdout");
    free(text);
    free(out);
    free(log);
}
END_TEST

/* Item: a link the user owns in a folder only they can write is followed
 * (its target replaced, the link kept); one in a folder others can write,
 * or a dangling one, is refused with exit 2 and nothing changed. */
START_TEST(output_links_followed_only_when_trusted)
{
    char *target = path2(base, "target.txt");
    spit(target, "OLD\n");
    char *link = path2(base, "mine");
    ck_assert_int_eq(symlink("target.txt", link), 0);
    char *const argv[] = {"satstat", "--analytic-only", "--output", "mine", NULL};
    ck_assert_int_eq(run(NULL, argv), 0);
    struct stat st;
    ck_assert_int_eq(lstat(link, &st), 0);
    ck_assert(S_ISLNK(st.st_mode));
    char *text = slurp(target);
    ck_assert_msg(strncmp(text, "satstat ", 8) == 0, "the link's target was not replaced");
    free(text);

    char *open_dir = path2(base, "shared");
    ck_assert_int_eq(mkdir(open_dir, 0777), 0);
    ck_assert_int_eq(chmod(open_dir, 01777), 0); /* like /tmp */
    char *planted = path2(open_dir, "report");
    spit(target, "OLD\n");
    ck_assert_int_eq(symlink(target, planted), 0);
    char *const argv2[] = {"satstat", "--analytic-only", "--output", "shared/report", NULL};
    ck_assert_int_eq(run(NULL, argv2), 2);
    char *err = stderr_text();
    ck_assert_msg(strstr(err, "--output") && strstr(err, "symbolic link"), "stderr: %s", err);
    free(err);
    ck_assert(file_is(target, "OLD\n"));

    char *dangling = path2(base, "dangling");
    ck_assert_int_eq(symlink("no-such-file", dangling), 0);
    char *const argv3[] = {"satstat", "--analytic-only", "--output", "dangling", NULL};
    ck_assert_int_eq(run(NULL, argv3), 2);
    ck_assert_int_eq(lstat(dangling, &st), 0);
    ck_assert_msg(S_ISLNK(st.st_mode), "the dangling link was replaced by a file");
    char *nothing = path2(base, "no-such-file");
    ck_assert_int_ne(lstat(nothing, &st), 0);
    free(nothing);
    free(dangling);
    free(planted);
    free(open_dir);
    free(link);
    free(target);
}
END_TEST

/* Item: --output into a folder that does not exist fails before the work
 * (1e8 samples would take minutes). */
START_TEST(output_checked_before_the_work)
{
    char *const argv[] = {"satstat", "--samples", "1e8", "--quiet", "--output",
                          "no/such/folder/x", NULL};
    double seconds;
    int status = finish(start(NULL, NULL, 0, argv), 120, &seconds);
    ck_assert_int_eq(status, 3);
    ck_assert_msg(seconds < 5.0, "--output failed only after %.1f s", seconds);
    char *err = stderr_text();
    ck_assert_msg(strstr(err, "no/such/folder/x") != NULL, "stderr: %s", err);
    free(err);
}
END_TEST

/* Item: names of 248-255 bytes (the temporary name is short). */
START_TEST(output_long_names)
{
    for (size_t len = 248; len <= 255; len++) {
        char name[256];
        memset(name, 'r', len);
        name[len] = '\0';
        char *const argv[] = {"satstat", "--analytic-only", "--output", name, NULL};
        int status = run(NULL, argv);
        char *err = stderr_text();
        ck_assert_msg(status == 0, "a %zu-byte name: exit %d: %s", len, status, err);
        free(err);
        char *p = path2(base, name);
        char *text = slurp(p);
        ck_assert_msg(text && strncmp(text, "satstat ", 8) == 0, "%zu: no report", len);
        free(text);
        unlink(p);
        free(p);
        ck_assert_int_eq(temps_in(base), 0);
    }
}
END_TEST

/* Items: a signal while gnuplot renders: exit 130 / 143 at once (the
 * stand-in sleeps 30 s), gnuplot stopped, no script or image left, the
 * old report and an existing figure untouched. */
static void signal_during_render(int sig, int expected)
{
    char *pidfile = path2(base, "gnuplot.pid");
    unlink(pidfile);
    char body[4400];
    snprintf(body, sizeof body, "echo $$ >> '%s'\nexec sleep 30", pidfile);
    char *bin = fake_gnuplot("gp-slow", body);
    char *report = path2(base, "report.txt");
    spit(report, "OLD\n");
    char *figs = path2(base, "figs");
    mkdir(figs, 0755);
    char *old_fig = path2(figs, "fig2-compare.gp");
    spit(old_fig, "old script\n");
    char *const argv[] = {"satstat", "--samples", "2000", "--quiet", "--output", "report.txt",
                          "--plots", "figs", "--render", "png", NULL};
    child c = start(bin, NULL, 0, argv);
    /* wait until a gnuplot runs */
    struct stat st;
    while (stat(pidfile, &st) != 0 || st.st_size == 0) {
        ck_assert_msg(now_s() - c.started < 60, "gnuplot never started");
        sleep_s(0.005);
    }
    sleep_s(0.1);
    double t0 = now_s();
    kill(c.pid, sig);
    int status = finish(c, 60, NULL);
    double latency = now_s() - t0;
    ck_assert_int_eq(status, expected);
    printf("io: %s during rendering: exit %d after %.3f s\n", sig == SIGINT ? "SIGINT" : "SIGTERM",
           status, latency);
    fflush(stdout);
    /* 0.2 s is the aim; 1 s leaves room for a loaded machine, and the
     * stand-in would hold the old code for 30 s */
    ck_assert_msg(latency < 1.0, "exit %.2f s after the signal", latency);
    ck_assert(file_is(report, "OLD\n"));
    ck_assert(file_is(old_fig, "old script\n"));
    ck_assert_int_eq(count_entries(figs), 1);
    ck_assert_int_eq(temps_in(base), 0);
    char *pids = slurp(pidfile);
    for (char *p = pids; p && *p;) {
        long pid = strtol(p, &p, 10);
        if (pid > 0)
            ck_assert_msg(kill((pid_t)pid, 0) != 0 && errno == ESRCH, "gnuplot %ld still runs",
                          pid);
        while (*p == '\n')
            p++;
    }
    free(pids);
    free(old_fig);
    free(figs);
    free(report);
    free(bin);
    free(pidfile);
}

START_TEST(sigterm_during_render)
{
    signal_during_render(SIGTERM, 143);
}
END_TEST

START_TEST(sigint_during_render)
{
    signal_during_render(SIGINT, 130);
}
END_TEST

/* Item: a signal while the figure folder is new: the folder goes too. */
START_TEST(signal_removes_new_figure_folder)
{
    char *bin = fake_gnuplot("gp-slow2", "exec sleep 30");
    char *const argv[] = {"satstat", "deep", "--layers", "2", "--width", "8", "--networks", "4",
                          "--quiet", "--plots", "new/figs", "--render", "png", NULL};
    child c = start(bin, NULL, 0, argv);
    char *figs = path2(base, "new/figs");
    struct stat st;
    while (stat(figs, &st) != 0) {
        ck_assert_msg(now_s() - c.started < 60, "the folder never appeared");
        sleep_s(0.005);
    }
    sleep_s(0.3);
    kill(c.pid, SIGTERM);
    ck_assert_int_eq(finish(c, 60, NULL), 143);
    char *made = path2(base, "new");
    ck_assert_msg(stat(made, &st) != 0, "the folder the run made is left");
    free(made);
    free(figs);
    free(bin);
}
END_TEST

/* Item: a FIFO with no reader, then SIGINT or SIGTERM: 130 / 143, not an
 * I/O error. */
START_TEST(fifo_without_reader_interrupted)
{
    char *fifo = path2(base, "fifo");
    ck_assert_int_eq(mkfifo(fifo, 0644), 0);
    int sigs[] = {SIGINT, SIGTERM}, codes[] = {130, 143};
    for (int k = 0; k < 2; k++) {
        char *const argv[] = {"satstat", "--analytic-only", "--output", "fifo", NULL};
        child c = start(NULL, NULL, 0, argv);
        sleep_s(0.5);
        kill(c.pid, sigs[k]);
        ck_assert_int_eq(finish(c, 30, NULL), codes[k]);
    }
    free(fifo);
}
END_TEST

/* Item: a signal while the report's write is blocked (a reader that does
 * not read; the report is larger than the pipe's buffer): 143, not an I/O
 * error and not a report claimed written.  Two report lengths (the
 * transform's name is 5 characters shorter): where the pipe fills decides
 * whether the signal ends a write with EINTR or with a partial count, and
 * both must stop. */
START_TEST(signal_during_blocked_report_write)
{
    const char *transforms[] = {"box-muller-f32-cephes/1", "ziggurat-256-f32/1"};
    for (size_t k = 0; k < 2; k++) {
        char *fifo = path2(base, "slow-reader");
        ck_assert_int_eq(mkfifo(fifo, 0644), 0);
        int reader = open(fifo, O_RDONLY | O_NONBLOCK); /* opened, never read */
        ck_assert_int_ge(reader, 0);
        char *const argv[] = {"satstat", "sweep", "--vary", "n-in=10:1000:200",
                              "--analytic-only", "--transform", (char *)transforms[k],
                              "--format", "json", "--quiet", "--output", "slow-reader", NULL};
        child c = start(NULL, NULL, 0, argv);
        sleep_s(1.0);
        double t0 = now_s();
        kill(c.pid, SIGTERM);
        int status = finish(c, 30, NULL);
        double latency = now_s() - t0;
        ck_assert_msg(status == 143, "%s: status %d", transforms[k], status);
        ck_assert_msg(latency < 1.0, "%s: exit %.2f s after the signal", transforms[k], latency);
        close(reader);
        unlink(fifo);
        free(fifo);
    }
}
END_TEST

/* Item: deep --phase stops within a moment of the signal. */
START_TEST(deep_phase_interrupted_quickly)
{
    char *const argv[] = {"satstat", "deep", "--layers", "2", "--width", "4", "--networks", "2",
                          "--quiet", "--phase", "--activation", "tanh", NULL};
    child c = start(NULL, NULL, 0, argv);
    sleep_s(0.4); /* the networks take a few ms; the grid about 2 s */
    double t0 = now_s();
    kill(c.pid, SIGTERM);
    int status = finish(c, 60, NULL);
    double latency = now_s() - t0;
    printf("io: SIGTERM during deep --phase: exit %d after %.3f s\n", status, latency);
    fflush(stdout);
    ck_assert_int_eq(status, 143);
    ck_assert_msg(latency < 0.5, "exit %.2f s after the signal", latency);
}
END_TEST

/* Item: a figure folder named like an option: rendered, with or without
 * --render (the stand-in fails on an argument starting with '-'). */
START_TEST(figure_folder_named_like_an_option)
{
    char *bin = fake_gnuplot("gp-strict", "case \"$3\" in -*) echo \"unrecognized option $3\" >&2; "
                                          "exit 9;; esac\ncksum < \"$3\"");
    char *const with[] = {"satstat", "--samples", "2000", "--quiet", "--plots", "-1",
                          "--render", "png", NULL};
    char *const without[] = {"satstat", "--samples", "2000", "--quiet", "--plots", "-2", NULL};
    char *const *cmds[] = {with, without};
    const char *dirs[] = {"-1", "-2"};
    for (int k = 0; k < 2; k++) {
        int status = run(bin, cmds[k]);
        char *err = stderr_text();
        ck_assert_msg(status == 0, "--plots %s: exit %d: %s", dirs[k], status, err);
        free(err);
        char *d = path2(base, dirs[k]);
        char *png = path2(d, "fig2-compare.png");
        struct stat st;
        ck_assert_msg(stat(png, &st) == 0 && st.st_size > 0, "--plots %s: no image", dirs[k]);
        free(png);
        free(d);
    }
    free(bin);
}
END_TEST

static Suite *io_suite(void)
{
    Suite *s = suite_create("io");
    TCase *lib = tcase_create("transaction");
    tcase_add_checked_fixture(lib, setup, teardown);
    tcase_add_test(lib, txn_cancel_before_commit_leaves_targets);
    tcase_add_test(lib, txn_folder_links_replaced_not_followed);
    tcase_add_test(lib, phase_compute_cancels_at_once);
    suite_add_tcase(s, lib);
    TCase *cmd = tcase_create("command");
    tcase_add_checked_fixture(cmd, setup, teardown);
    tcase_set_timeout(cmd, 300);
    tcase_add_test(cmd, figures_never_write_through_planted_links);
    tcase_add_test(cmd, concurrent_deep_runs_never_mix);
    tcase_add_test(cmd, output_dev_stdout_written_in_place);
    tcase_add_test(cmd, output_links_followed_only_when_trusted);
    tcase_add_test(cmd, output_checked_before_the_work);
    tcase_add_test(cmd, output_long_names);
    tcase_add_test(cmd, sigterm_during_render);
    tcase_add_test(cmd, sigint_during_render);
    tcase_add_test(cmd, signal_removes_new_figure_folder);
    tcase_add_test(cmd, fifo_without_reader_interrupted);
    tcase_add_test(cmd, signal_during_blocked_report_write);
    tcase_add_test(cmd, deep_phase_interrupted_quickly);
    tcase_add_test(cmd, figure_folder_named_like_an_option);
    suite_add_tcase(s, cmd);
    return s;
}

TEST_MAIN(io_suite)
