/* tests/common.c — see common.h. */
#define _GNU_SOURCE /* mkdtemp, setenv */
#include "common.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <satstat/error.h>
#include <satstat/rng.h>
#include <satstat/scheme.h>

#define MAX_ARGS 64

int main(void)
{
    SRunner *sr = srunner_create(test_main_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* ---- the runner ----------------------------------------------------------*/

const char *test_exe(const char *var)
{
    const char *exe = getenv(var);
    ck_assert_msg(exe && *exe, "%s is not set: it must hold the path of the built program "
                               "(meson test sets it)", var);
    ck_assert_msg(access(exe, X_OK) == 0, "%s=%s is not an executable file: %s", var, exe,
                  strerror(errno));
    return exe;
}

/* In the child: fd onto target (TEST_FD_NULL: /dev/null, TEST_FD_CLOSED:
 * closed); 0 on success. */
static int child_redirect(int fd, int target, int null)
{
    if (fd == TEST_FD_CLOSED)
        return close(target) == 0 || errno == EBADF ? 0 : -1;
    return dup2(fd == TEST_FD_NULL ? null : fd, target) < 0 ? -1 : 0;
}

/* In the child: PATH and the environment as o asks; 0 on success. */
static int child_environment(const test_spawn_options *o)
{
    if (o->path && setenv("PATH", o->path, 1) != 0)
        return -1;
    if (o->path_first) {
        const char *old = getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin";
        size_t n = strlen(o->path_first) + strlen(old) + 2;
        char *p = malloc(n);
        if (!p)
            return -1;
        snprintf(p, n, "%s:%s", o->path_first, old);
        int rc = setenv("PATH", p, 1);
        free(p);
        if (rc != 0)
            return -1;
    }
    for (size_t i = 0; o->env && o->env[i]; i++) {
        const char *eq = strchr(o->env[i], '=');
        if (!eq) {
            unsetenv(o->env[i]);
            continue;
        }
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(eq - o->env[i]), o->env[i]);
        if (setenv(name, eq + 1, 1) != 0)
            return -1;
    }
    return 0;
}

pid_t test_spawn(const test_spawn_options *o, const char *const *args)
{
    const char *exe = o->exe ? o->exe : test_exe("SATSTAT_EXE");
    char *argv[MAX_ARGS + 2];
    size_t n = 0;
    argv[n++] = (char *)(o->argv0 ? o->argv0 : "satstat");
    for (size_t i = 0; args && args[i]; i++) {
        ck_assert_msg(n <= MAX_ARGS, "too many arguments");
        argv[n++] = (char *)args[i];
    }
    argv[n] = NULL;
    fflush(NULL);
    pid_t pid = fork();
    ck_assert_msg(pid >= 0, "fork: %s", strerror(errno));
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        if (null < 0 || dup2(null, STDIN_FILENO) < 0 ||
            child_redirect(o->out_fd, STDOUT_FILENO, null) != 0 ||
            child_redirect(o->err_fd, STDERR_FILENO, null) != 0)
            _exit(126);
        /* the child keeps only 0, 1 and 2 of these (a FIFO's reader sees
         * its end when satstat closes it, not when we exit) */
        if (null > STDERR_FILENO)
            close(null);
        if (o->out_fd > STDERR_FILENO)
            close(o->out_fd);
        if (o->err_fd > STDERR_FILENO && o->err_fd != o->out_fd)
            close(o->err_fd);
        if ((o->dir && chdir(o->dir) != 0) || child_environment(o) != 0)
            _exit(126);
        umask(022);
        execv(exe, argv);
        _exit(127);
    }
    return pid;
}

int test_wait(pid_t pid, double timeout, const char *what)
{
    double deadline = test_now() + timeout;
    for (;;) {
        int st;
        pid_t w = waitpid(pid, &st, WNOHANG);
        if (w == pid)
            return st;
        ck_assert_msg(w == 0 || errno == EINTR, "waitpid: %s", strerror(errno));
        if (test_now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            ck_abort_msg("%s: still running after %.0f s; killed", what, timeout);
        }
        test_sleep(0.002);
    }
}

int test_exit_code(int st, const char *what)
{
    ck_assert_msg(WIFEXITED(st), "%s: killed by signal %d", what,
                  WIFSIGNALED(st) ? WTERMSIG(st) : -1);
    int code = WEXITSTATUS(st);
    ck_assert_msg(code != 126, "%s: the child could not be set up", what);
    ck_assert_msg(code != 127, "%s: could not exec the program", what);
    ck_assert_msg(code != 77, "%s: exit status 77 (read as 'skipped')", what);
    return code;
}

size_t test_split_words(const char *line, char *buf, size_t size, const char **argv,
                        size_t max)
{
    size_t n = 0, len = 0;
    const char *p = line;
    ck_assert(max >= 1 && size >= 1);
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (!*p)
            break;
        ck_assert_msg(n + 1 < max, "too many words in: %s", line);
        argv[n++] = buf + len;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n') {
            char quote = 0;
            if (*p == '\'' || *p == '"')
                quote = *p++;
            do {
                if (quote && *p == quote) {
                    p++;
                    break;
                }
                ck_assert_msg(*p || !quote, "unclosed quote in: %s", line);
                if (*p == '\\' && (quote == 0 || (quote == '"' && (p[1] == '"' || p[1] == '\\'))))
                    p++;
                ck_assert_msg(*p, "a trailing backslash in: %s", line);
                ck_assert_msg(len + 1 < size, "the words do not fit: %s", line);
                buf[len++] = *p++;
            } while (quote);
        }
        ck_assert_msg(len < size, "the words do not fit: %s", line);
        buf[len++] = '\0';
    }
    argv[n] = NULL;
    return n;
}

test_run_result test_run_line(const test_spawn_options *o, const char *line, double timeout)
{
    size_t size = strlen(line) + 1;
    char *buf = malloc(size);
    ck_assert_ptr_nonnull(buf);
    const char *argv[MAX_ARGS + 1];
    test_split_words(line, buf, size, argv, MAX_ARGS + 1);
    test_run_result r = test_run_argv(o, argv, timeout);
    free(buf);
    return r;
}

void test_describe_args(const char *const *args, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; args[i] && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s'%s'", i ? " " : "", args[i]);
}

test_run_result test_run_argv(const test_spawn_options *o, const char *const *args,
                              double timeout)
{
    char what[1024];
    test_describe_args(args, what, sizeof what);
    test_spawn_options captured = *o;
    captured.out_fd = test_temp_fd();
    captured.err_fd = test_temp_fd();
    double t0 = test_now();
    pid_t pid = test_spawn(&captured, args);
    int st = test_wait(pid, timeout, what);
    test_run_result r;
    r.seconds = test_now() - t0;
    r.status = test_exit_code(st, what);
    r.out = test_slurp_fd(captured.out_fd, &r.out_len);
    r.err = test_slurp_fd(captured.err_fd, &r.err_len);
    close(captured.out_fd);
    close(captured.err_fd);
    return r;
}

test_run_result test_run(const char *first, ...)
{
    const char *args[MAX_ARGS + 1];
    size_t n = 0;
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a; a = va_arg(ap, const char *)) {
        ck_assert_msg(n < MAX_ARGS, "too many arguments");
        args[n++] = a;
    }
    va_end(ap);
    args[n] = NULL;
    test_spawn_options o = {0};
    return test_run_argv(&o, args, TEST_RUN_TIMEOUT_S);
}

void test_result_free(test_run_result *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

/* ---- files and time ------------------------------------------------------*/

double test_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

void test_sleep(double s)
{
    struct timespec t;
    t.tv_sec = (time_t)s;
    t.tv_nsec = (long)((s - (double)t.tv_sec) * 1e9);
    while (nanosleep(&t, &t) != 0 && errno == EINTR)
        ;
}

static const char *temp_root(void)
{
    const char *dir = getenv("TMPDIR");
    return dir && *dir ? dir : "/tmp";
}

int test_temp_fd(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/satstat-test-XXXXXX", temp_root());
    int fd = mkstemp(path);
    ck_assert_msg(fd >= 0, "mkstemp(%s): %s", path, strerror(errno));
    unlink(path);
    return fd;
}

char *test_slurp_fd(int fd, size_t *len)
{
    off_t size = lseek(fd, 0, SEEK_END);
    ck_assert_msg(size >= 0, "lseek: %s", strerror(errno));
    ck_assert_int_eq(lseek(fd, 0, SEEK_SET), 0);
    char *buf = malloc((size_t)size + 1);
    ck_assert_ptr_nonnull(buf);
    size_t got = 0;
    while (got < (size_t)size) {
        ssize_t n = read(fd, buf + got, (size_t)size - got);
        if (n < 0 && errno == EINTR)
            continue;
        ck_assert_msg(n > 0, "read: %s", n < 0 ? strerror(errno) : "short read");
        got += (size_t)n;
    }
    buf[got] = '\0';
    if (len)
        *len = got;
    return buf;
}

char *test_temp_dir(const char *tag)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/satstat-%s-XXXXXX", temp_root(), tag);
    ck_assert_msg(mkdtemp(path) != NULL, "mkdtemp(%s): %s", path, strerror(errno));
    char *copy = strdup(path);
    ck_assert_ptr_nonnull(copy);
    return copy;
}

char *test_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    ck_assert_ptr_nonnull(p);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

void test_remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        unlink(path);
        return;
    }
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            char *sub = test_path(path, e->d_name);
            test_remove_tree(sub);
            free(sub);
        }
    if (d)
        closedir(d);
    rmdir(path);
}

/* ---- config builders -----------------------------------------------------*/

satstat_config test_config(const char *schemes, uint64_t samples)
{
    satstat_config c;
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    satstat_config_default(&c);
    if (schemes)
        ck_assert_msg(satstat_scheme_parse_list(schemes, c.schemes, SATSTAT_MAX_SCHEMES,
                                                &c.n_schemes, msg, sizeof msg) == SATSTAT_OK,
                      "--scheme %s: %s", schemes, msg);
    if (samples)
        c.samples = samples;
    return c;
}

void test_config_validate(satstat_config *c)
{
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    ck_assert_msg(satstat_config_validate(c, NULL, msg, sizeof msg) == SATSTAT_OK, "invalid config: %s", msg);
}

satstat_plot_options test_paper_options(void)
{
    satstat_plot_options o;
    satstat_plot_options_default(&o);
    o.width = 1050;
    o.height = 720;
    o.dpi = 300;
    o.font_size = 8;
    return o;
}

int test_use_simd(const char *name)
{
    setenv("SATSTAT_SIMD", name, 1);
    return strcmp(satstat_simd_path(), name) == 0;
}
