/* tests/common.h — what every test program shares (libevdev's
 * test/test-common.h is the model): one main(), one runner of programs
 * (fork + exec with a timeout), the exit-status checks in one place, temp
 * folders, and config builders.
 *
 * A test program defines its suite and ends with TEST_MAIN(its_suite);
 * common.c holds the main() that runs it. */
#ifndef SATSTAT_TESTS_COMMON_H
#define SATSTAT_TESTS_COMMON_H

#include <check.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <satstat/config.h>
#include <satstat/plot.h>

/* ---- one main() ------------------------------------------------------------*/

/* The program's suite; TEST_MAIN(fn) defines it as fn(). */
Suite *test_main_suite(void);
#define TEST_MAIN(suite_fn)                                                               \
    Suite *test_main_suite(void)                                                          \
    {                                                                                     \
        return suite_fn();                                                                \
    }

/* ---- the runner --------------------------------------------------------------*/

/* Any ordinary run of the program under test ends within this. */
#define TEST_RUN_TIMEOUT_S 60.0

/* A program the tests run: the executable file named by the environment
 * variable `var` (SATSTAT_EXE, which meson test sets; SATSTAT_FAULTS_EXE).
 * Fails the test when it is unset or not executable. */
const char *test_exe(const char *var);

/* Where a child's stdout or stderr goes besides a descriptor. */
enum { TEST_FD_NULL = 0 /* /dev/null */, TEST_FD_CLOSED = -1 };

typedef struct test_spawn_options {
    const char *exe;        /* NULL: $SATSTAT_EXE                           */
    const char *argv0;      /* NULL: "satstat"                              */
    const char *dir;        /* the child's working folder (NULL: ours)     */
    const char *path;       /* PATH replaced by this (NULL: unchanged)     */
    const char *path_first; /* a folder put first on PATH (NULL: none)     */
    const char *const *env; /* "NAME=VALUE" set, "NAME" unset; NULL-ended */
    int out_fd, err_fd;     /* stdout and stderr: a descriptor,
                               TEST_FD_NULL or TEST_FD_CLOSED; stdin is
                               always /dev/null                             */
} test_spawn_options;

/* Start the program with args (NULL-terminated, argv[0] excluded); the
 * child's umask is 022.  A child that cannot be set up exits 126, one
 * that cannot exec 127 (test_exit_code() fails on both). */
pid_t test_spawn(const test_spawn_options *o, const char *const *args);

/* Wait for pid at most timeout seconds; on timeout SIGKILL it and fail the
 * test.  Returns the raw wait status. */
int test_wait(pid_t pid, double timeout, const char *what);

/* The exit code of a run that must have exited by itself: fails on a
 * signal, on 126/127 (the child was not set up, or not exec'd) and on 77
 * (which meson would read as "skipped"). */
int test_exit_code(int status, const char *what);

typedef struct test_run_result {
    int status;     /* exit code (test_exit_code) */
    char *out;      /* captured stdout, NUL-terminated */
    size_t out_len;
    char *err;      /* captured stderr, NUL-terminated */
    size_t err_len;
    double seconds; /* wall time */
} test_run_result;

/* Run to the end (at most timeout seconds) with stdout and stderr
 * captured; o's out_fd and err_fd are ignored. */
test_run_result test_run_argv(const test_spawn_options *o, const char *const *args,
                              double timeout);
/* test_run("--n-in", "0", NULL): $SATSTAT_EXE, TEST_RUN_TIMEOUT_S. */
test_run_result test_run(const char *first, ...);
void test_result_free(test_run_result *r);

/* Split a command line the way sh splits words without expansions: blanks
 * separate words; '...' is literal, "..." literal but for \" and \\, and a
 * backslash outside quotes escapes the next character.  The words are
 * written into buf (size bytes) and pointed to from argv (NULL-ended, at
 * most max words).  Fails the test on an unclosed quote or on overflow. */
size_t test_split_words(const char *line, char *buf, size_t size, const char **argv,
                        size_t max);
/* test_run_argv with the words of `line` (test_split_words). */
test_run_result test_run_line(const test_spawn_options *o, const char *line, double timeout);

/* "'a' 'b' 'c'": args for messages. */
void test_describe_args(const char *const *args, char *buf, size_t size);

/* ---- files and time ----------------------------------------------------------*/

double test_now(void);          /* monotonic seconds */
void test_sleep(double seconds);
/* An anonymous temp file (mkstemp in $TMPDIR or /tmp, unlinked at once). */
int test_temp_fd(void);
/* All of fd from its start, NUL-terminated; *len its length. */
char *test_slurp_fd(int fd, size_t *len);
/* A new folder $TMPDIR/satstat-TAG-XXXXXX (or /tmp/...), malloc'd path. */
char *test_temp_dir(const char *tag);
/* dir/name, malloc'd. */
char *test_path(const char *dir, const char *name);
/* rm -rf path, links not followed (a link is removed, not its target). */
void test_remove_tree(const char *path);

/* ---- config builders --------------------------------------------------------*/

/* satstat_config_default() with the schemes of `schemes` (NULL: the
 * default's) and `samples` neurons (0: the default's), not validated. */
satstat_config test_config(const char *schemes, uint64_t samples);
/* satstat_config_validate(c) must pass; the message otherwise. */
void test_config_validate(satstat_config *c);

/* ---- figures -------------------------------------------------------------------*/

/* A journal's column: 3.5 x 2.4 in at 300 dpi, 8 pt text (the figure
 * reviews' paper size). */
satstat_plot_options test_paper_options(void);

/* ---- SIMD paths ----------------------------------------------------------------*/

/* Forces the kernel's SIMD path `name` (SATSTAT_SIMD) and chooses again
 * (satstat_simd_path): the library keeps the path it chose first, so a
 * setenv alone changes nothing (test_rng's fill tests had compared one
 * path only).  1 when this CPU has the path and it is now the one in use,
 * 0 when it lacks it. */
int test_use_simd(const char *name);

#endif
