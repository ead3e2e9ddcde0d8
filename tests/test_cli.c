/* test_cli.c — the satstat command as a user runs it: every bad input of
 * the core issue (exit 2, one line on stderr naming the option and the
 * value, nothing on stdout, no file), --help / --version, the JSON
 * contract of doc/output.md, same seed ⇒ same numbers for any --threads, the
 * exit codes 0 / 1 / 3, --output (atomic replace, devices and FIFOs
 * written in place, nothing half-written), and SIGINT / SIGTERM (130 /
 * 143, nothing written).
 *
 * The binary is run by tests/common's runner (fork + execv); its path
 * comes from SATSTAT_EXE (set by tests/meson.build).  Every run is bounded
 * by a timeout guard, and the binary must never exit 77 (harnesses read it
 * as "skipped").
 */
#define _GNU_SOURCE
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
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

#include <jansson.h>

#include <satstat/build.h>
#include "common.h"

#define MAX_ARGS 32
#define RUN_TIMEOUT_S TEST_RUN_TIMEOUT_S /* any single ordinary run */
#define SIGNAL_TIMEOUT_S 10.0 /* an interrupted run must end within this */

/* ---- the runner ----------------------------------------------------------*/

/* The runner, temp files and folders are tests/common's (one of each for
 * every test program); these are the short names this file's tests call
 * them by. */
typedef test_run_result run_result;
#define run(...) test_run(__VA_ARGS__)
#define result_free(r) test_result_free(r)
#define now_s() test_now()
#define sleep_s(s) test_sleep(s)
#define temp_fd() test_temp_fd()
#define slurp_fd(fd, len) test_slurp_fd(fd, len)
#define describe(args, buf, size) test_describe_args(args, buf, size)
#define wait_bounded(pid, timeout, what) test_wait(pid, timeout, what)
#define exit_status_of(st, what) test_exit_code(st, what)
#define make_temp_dir() test_temp_dir("cli-dir")
#define path_in(dir, name) test_path(dir, name)

/* Start satstat with args (NULL-terminated, argv[0] excluded); stdin from
 * /dev/null, stdout and stderr to the given descriptors. */
static pid_t spawn(const char *const *args, int out_fd, int err_fd)
{
    test_spawn_options o = {.out_fd = out_fd, .err_fd = err_fd};
    return test_spawn(&o, args);
}

static run_result run_args(const char *const *args)
{
    test_spawn_options o = {0};
    return test_run_argv(&o, args, RUN_TIMEOUT_S);
}

/* run_args with PATH pointing nowhere, so that satstat finds no gnuplot. */
static run_result run_args_without_gnuplot(const char *const *args)
{
    test_spawn_options o = {.path = "/nonexistent"};
    return test_run_argv(&o, args, RUN_TIMEOUT_S);
}

/* ---- helpers ---------------------------------------------------------------*/

static size_t count_char(const char *s, size_t len, char c)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += s[i] == c;
    return n;
}

/* stderr is exactly one line: one '\n', at the end, and something before it */
static void assert_one_line(const run_result *r, const char *what)
{
    ck_assert_msg(r->err_len > 1 && count_char(r->err, r->err_len, '\n') == 1 &&
                      r->err[r->err_len - 1] == '\n',
                  "%s: stderr is not exactly one line: [%s]", what, r->err);
}

static int is_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '_';
}

/* needle occurs in hay as a token: not glued to letters, digits or '.' on
 * either side (so the value "0" is not found inside "100000000"). */
static int contains_token(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return 1;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
        int left_ok = p == hay || !is_word_char(p[-1]) || !is_word_char(needle[0]);
        int right_ok = !is_word_char(p[n]) || !is_word_char(needle[n - 1]);
        if (left_ok && right_ok)
            return 1;
    }
    return 0;
}

/* contains_token for any of the '|'-separated alternatives */
static int contains_any(const char *hay, const char *alternatives)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", alternatives);
    char *save = NULL;
    for (char *tok = strtok_r(buf, "|", &save); tok; tok = strtok_r(NULL, "|", &save))
        if (contains_token(hay, tok))
            return 1;
    return 0;
}

/* The names in dir (without . and ..), ','-joined into buf; returns count. */
static size_t list_dir(const char *dir, char *buf, size_t size)
{
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "opendir(%s): %s", dir, strerror(errno));
    size_t n = 0, len = 0;
    buf[0] = '\0';
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (len < size)
            len += (size_t)snprintf(buf + len, size - len, "%s%s", n ? "," : "", e->d_name);
        n++;
    }
    closedir(d);
    return n;
}

/* Remove dir and the plain files / FIFOs in it. */
static void remove_dir(char *dir)
{
    test_remove_tree(dir);
    free(dir);
}

static int path_exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static char *read_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    ck_assert_msg(fd >= 0, "open(%s): %s", path, strerror(errno));
    char *s = slurp_fd(fd, len);
    close(fd);
    return s;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_msg(f != NULL, "fopen(%s): %s", path, strerror(errno));
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

static json_t *parse_json(const char *text, size_t len, const char *what)
{
    json_error_t err;
    json_t *root = json_loadb(text, len, 0, &err);
    ck_assert_msg(root != NULL, "%s: stdout is not JSON (line %d: %s): %.200s", what,
                  err.line, err.text, text);
    ck_assert_msg(json_is_object(root), "%s: JSON is not an object", what);
    return root;
}

static json_t *member(const json_t *obj, const char *key)
{
    ck_assert_msg(json_is_object(obj), "not an object where '%s' was expected", key);
    json_t *v = json_object_get(obj, key);
    ck_assert_msg(v != NULL, "missing JSON field '%s'", key);
    return v;
}

static double number(const json_t *obj, const char *key)
{
    json_t *v = member(obj, key);
    ck_assert_msg(json_is_number(v), "JSON field '%s' is not a number", key);
    return json_number_value(v);
}

static const char *string(const json_t *obj, const char *key)
{
    json_t *v = member(obj, key);
    ck_assert_msg(json_is_string(v), "JSON field '%s' is not a string", key);
    return json_string_value(v);
}

static int boolean(const json_t *obj, const char *key)
{
    json_t *v = member(obj, key);
    ck_assert_msg(json_is_boolean(v), "JSON field '%s' is not a boolean", key);
    return json_is_true(v);
}

static void interval(const json_t *obj, const char *key, double *lo, double *hi)
{
    json_t *v = member(obj, key);
    ck_assert_msg(json_is_array(v) && json_array_size(v) == 2,
                  "JSON field '%s' is not a [low, high] pair", key);
    ck_assert(json_is_number(json_array_get(v, 0)));
    ck_assert(json_is_number(json_array_get(v, 1)));
    *lo = json_number_value(json_array_get(v, 0));
    *hi = json_number_value(json_array_get(v, 1));
    ck_assert_msg(*lo <= *hi, "'%s': low %g > high %g", key, *lo, *hi);
}

/* json_dumps of a member, keys sorted: a canonical form to compare. */
static char *dump_member(const json_t *obj, const char *key)
{
    char *s = json_dumps(member(obj, key), JSON_SORT_KEYS | JSON_COMPACT |
                                               JSON_REAL_PRECISION(17));
    ck_assert_ptr_nonnull(s);
    return s;
}

static json_t *scheme_named(const json_t *root, const char *name)
{
    json_t *schemes = member(root, "schemes");
    ck_assert(json_is_array(schemes));
    for (size_t i = 0; i < json_array_size(schemes); i++) {
        json_t *s = json_array_get(schemes, i);
        if (strcmp(string(s, "scheme"), name) == 0)
            return s;
    }
    ck_abort_msg("no scheme '%s' in the report", name);
    return NULL;
}

/* ---- bad input --------------------------------------------------------------*/

typedef struct bad_case {
    const char *args[8];  /* NULL-terminated */
    const char *need[5];  /* tokens the error line must contain ('|': any of) */
} bad_case;

static const bad_case bad_cases[] = {
    {{"--n-in", "0"}, {"--n-in", "0"}},
    {{"--n-in", "-5"}, {"--n-in", "-5"}},
    {{"--n-in", "1e30"}, {"--n-in", "1e30"}},
    {{"--n-in", "12abc"}, {"--n-in", "12abc"}},
    {{"--n-in=0"}, {"--n-in", "0"}},
    {{"--samples", "abc"}, {"--samples", "abc"}},
    {{"--samples", "0"}, {"--samples", "0"}},
    {{"--samples", "-1"}, {"--samples", "-1"}},
    {{"--samples", "1.5"}, {"--samples", "1.5"}},
    {{"--samples", "1e6x"}, {"--samples", "1e6x"}},
    {{"--scheme", "nope"}, {"--scheme", "nope", "standard", "scaled"}},
    {{"--scheme=nope"}, {"--scheme", "nope", "standard", "scaled"}},
    {{"--scheme", "normal:-1"}, {"--scheme", "normal:-1"}},
    {{"--scheme", "normal:nan"}, {"--scheme", "normal:nan"}},
    {{"--scheme", "normal:"}, {"--scheme", "normal:"}},
    {{"--scheme", ""}, {"--scheme", "''|\"\""}},
    {{"--scheme", "uniform:0"}, {"--scheme", "uniform:0"}},
    {{"--scheme", "standard,,scaled"}, {"--scheme", "standard,,scaled"}},
    {{"--threshold", "inf"}, {"--threshold", "inf"}},
    {{"--threshold", "-1"}, {"--threshold", "-1"}},
    {{"--threshold", "nan"}, {"--threshold", "nan"}},
    {{"--active", "2000", "--n-in", "1000"}, {"--active", "2000"}},
    {{"--n-in", "1000", "--active", "2000"}, {"--active", "2000"}},
    {{"--active", "-1"}, {"--active", "-1"}},
    {{"--inputs", "bernoulli:1.5"}, {"--inputs", "bernoulli:1.5"}},
    {{"--inputs", "bern"}, {"--inputs", "bern"}},
    {{"--bias", "normal:-2"}, {"--bias", "normal:-2"}},
    {{"--bias", "const:inf"}, {"--bias", "const:inf"}},
    {{"--activation", "nope"}, {"--activation", "nope", "sigmoid"}},
    {{"--alpha", "0"}, {"--alpha", "0"}},
    {{"--alpha", "1"}, {"--alpha", "1"}},
    {{"--expect-variance", "0"}, {"--expect-variance", "0"}},
    {{"--expect-variance", "nan"}, {"--expect-variance", "nan"}},
    {{"--format", "xml"}, {"--format", "xml"}},
    {{"--threads", "0"}, {"--threads", "0"}},
    {{"--threads", "1.5"}, {"--threads", "1.5"}},
    {{"--seed", "-3x"}, {"--seed", "-3x"}},
    {{"--seed", "9223372036854775808"}, {"--seed", "9223372036854775808"}},
    {{"--n-out", "0"}, {"--n-out", "0"}},
    {{"--bogus"}, {"--bogus"}},
    {{"--bogus=3"}, {"--bogus"}},
    {{"--n-in"}, {"--n-in"}},
    {{"--scheme"}, {"--scheme"}},
    {{"stray"}, {"stray"}},
    {{"run", "stray"}, {"stray"}},
    {{"run", "--n-in", "0"}, {"--n-in", "0"}},
    {{"--scheme", "orthogonal", "--inputs", "bernoulli:0.5"},
     {"--scheme", "orthogonal", "fixed", "inputs"}},
    {{"--scheme", "orthogonal:2", "--n-in", "1", "--n-out", "1"},
     {"--scheme", "orthogonal:2", "1", "x", "1"}},
    {{"--scheme", "orthogonal", "--n-in", "10000", "--n-out", "5000"},
     {"--scheme", "orthogonal", "n_in", "n_out"}},
    {{"--scheme", "orthogonal:-1"}, {"--scheme", "orthogonal:-1"}},
    {{"--inputs", "normal:1e100"}, {"--scheme", "Var", "1e100"}},
    {{"--bias", "normal:1e60"}, {"--scheme", "Var", "1e100"}},
};

#define N_BAD_CASES ((int)(sizeof bad_cases / sizeof bad_cases[0]))

static void check_bad(const bad_case *c, const run_result *r, const char *what)
{
    ck_assert_msg(r->status == 2, "%s: exit %d, expected 2 (stderr: %s)", what, r->status,
                  r->err);
    ck_assert_msg(r->out_len == 0, "%s: wrote to stdout: %.200s", what, r->out);
    assert_one_line(r, what);
    for (size_t i = 0; i < 5 && c->need[i]; i++)
        ck_assert_msg(contains_any(r->err, c->need[i]),
                      "%s: error line does not name %s: %s", what, c->need[i], r->err);
}

/* Each bad input: exit 2, one line naming the option and the value, empty
 * stdout; and with --output, the file is not created (nor an existing one
 * touched). */
START_TEST(bad_input)
{
    const bad_case *c = &bad_cases[_i];
    char what[512];
    describe(c->args, what, sizeof what);

    run_result r = run_args(c->args);
    check_bad(c, &r, what);
    result_free(&r);

    /* again with --output first ("run" must stay the first word) */
    char *dir = make_temp_dir();
    char *file = path_in(dir, "report.json");
    const char *args[12];
    size_t n = 0, k = 0;
    if (c->args[0] && strcmp(c->args[0], "run") == 0)
        args[n++] = c->args[k++];
    args[n++] = "--output";
    args[n++] = file;
    for (; c->args[k]; k++)
        args[n++] = c->args[k];
    args[n] = NULL;
    r = run_args(args);
    check_bad(c, &r, what);
    ck_assert_msg(!path_exists(file), "%s: --output file created on bad input", what);
    char names[1024];
    ck_assert_msg(list_dir(dir, names, sizeof names) == 0, "%s: left files: %s", what,
                  names);
    result_free(&r);

    /* an existing file is left as it was */
    write_file(file, "old\n");
    r = run_args(args);
    check_bad(c, &r, what);
    size_t len;
    char *text = read_file(file, &len);
    ck_assert_str_eq(text, "old\n");
    ck_assert_uint_eq(list_dir(dir, names, sizeof names), 1);
    free(text);
    result_free(&r);

    free(file);
    remove_dir(dir);
}
END_TEST

/* --output into a directory that does not exist: exit 3, one line naming
 * the path, nothing created. */
START_TEST(output_missing_dir)
{
    char *dir = make_temp_dir();
    char *file = path_in(dir, "no/such/dir/report.json");
    run_result r = run("--samples", "2000", "--quiet", "--output", file, NULL);
    ck_assert_int_eq(r.status, 3);
    ck_assert_uint_eq(r.out_len, 0);
    assert_one_line(&r, "--output into a missing directory");
    ck_assert_msg(strstr(r.err, file) != NULL, "error does not name %s: %s", file, r.err);
    char names[1024];
    ck_assert_msg(list_dir(dir, names, sizeof names) == 0, "left: %s", names);
    result_free(&r);

    /* --output naming an existing directory: exit 3, the directory unchanged */
    r = run("--samples", "2000", "--quiet", "--output", dir, NULL);
    ck_assert_int_eq(r.status, 3);
    ck_assert_uint_eq(r.out_len, 0);
    assert_one_line(&r, "--output naming a directory");
    ck_assert_msg(list_dir(dir, names, sizeof names) == 0, "left: %s", names);
    result_free(&r);
    free(file);
    remove_dir(dir);
}
END_TEST

/* ---- help and version -------------------------------------------------------*/

START_TEST(help)
{
    const char *forms[][3] = {{"--help", NULL, NULL}, {"run", "--help", NULL}};
    for (size_t i = 0; i < 2; i++) {
        run_result r = run_args(forms[i]);
        ck_assert_int_eq(r.status, 0);
        ck_assert_msg(strstr(r.out, "Usage") != NULL, "no Usage in: %.200s", r.out);
        ck_assert_ptr_nonnull(strstr(r.out, "--scheme"));
        ck_assert_ptr_nonnull(strstr(r.out, "--expect-variance"));
        ck_assert_ptr_nonnull(strstr(r.out, "--output"));
        ck_assert_ptr_nonnull(strstr(r.out, "--samples"));
        ck_assert_uint_eq(r.err_len, 0);
        result_free(&r);
    }
    /* --help wins over other (valid) options */
    run_result r = run("--scheme", "scaled", "--help", NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "Usage"));
    result_free(&r);
}
END_TEST

/* The top-level help lists every command; `help [COMMAND]` and -h are
 * --help; a wrong command word after help is bad usage. */
START_TEST(help_commands)
{
    run_result r = run("--help", NULL);
    ck_assert_int_eq(r.status, 0);
    const char *commands = strstr(r.out, "Commands:");
    ck_assert_msg(commands != NULL, "no Commands: section in %.300s", r.out);
    const char *words[] = {"\n  run ", "\n  demo ", "\n  deep ", "\n  sweep ", "\n  help "};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        ck_assert_msg(strstr(commands, words[i]) != NULL, "command%s not listed", words[i]);
    char *top = strdup(r.out);
    result_free(&r);

    const char *same_as_top[][3] = {{"help", NULL, NULL}, {"-h", NULL, NULL},
                                    {"help", "help", NULL}, {"help", "run", NULL}};
    for (size_t i = 0; i < sizeof same_as_top / sizeof same_as_top[0]; i++) {
        r = run_args(same_as_top[i]);
        ck_assert_int_eq(r.status, 0);
        ck_assert_msg(strcmp(r.out, top) == 0, "'%s %s' differs from --help", same_as_top[i][0],
                      same_as_top[i][1] ? same_as_top[i][1] : "");
        result_free(&r);
    }
    free(top);

    const char *cmds[] = {"deep", "sweep"};
    for (size_t i = 0; i < 2; i++) {
        run_result a = run("help", cmds[i], NULL);
        run_result b = run(cmds[i], "-h", NULL);
        run_result c = run(cmds[i], "--help", NULL);
        ck_assert_int_eq(a.status, 0);
        ck_assert_int_eq(b.status, 0);
        ck_assert_msg(strstr(c.out, "Usage: satstat ") != NULL && strstr(c.out, cmds[i]) != NULL,
                      "%s --help: %.100s", cmds[i], c.out);
        ck_assert_str_eq(a.out, c.out);
        ck_assert_str_eq(b.out, c.out);
        result_free(&a);
        result_free(&b);
        result_free(&c);
    }

    r = run("help", "bogus", NULL);
    ck_assert_int_eq(r.status, 2);
    ck_assert_uint_eq(r.out_len, 0);
    ck_assert_msg(strstr(r.err, "unknown command 'bogus'") != NULL, "stderr: %s", r.err);
    result_free(&r);
    r = run("help", "run", "deep", NULL);
    ck_assert_int_eq(r.status, 2);
    result_free(&r);
    /* a misspelt command word gets the nearest one */
    r = run("swep", "--vary", "n-in=10:20", NULL);
    ck_assert_int_eq(r.status, 2);
    ck_assert_msg(strstr(r.err, "unknown command 'swep' (did you mean 'sweep'? valid:") != NULL,
                  "stderr: %s", r.err);
    result_free(&r);
}
END_TEST

/* The slow reference BLAS is named once on stderr when an orthogonal
 * scheme is sampled, never under --quiet, never otherwise. */
START_TEST(reference_blas_note)
{
    const char *note = "reference BLAS";
    run_result r = run("--scheme", "orthogonal", "--n-out", "8", "--samples", "400", NULL);
    ck_assert_msg(r.status == 0 || r.status == 1, "status %d: %s", r.status, r.err);
    const char *at = strstr(r.err, note);
    if (satstat_blas_is_reference())
        ck_assert_msg(at != NULL && strstr(at + 1, note) == NULL,
                      "gslcblas build: expected the note once in: %s", r.err);
    else
        ck_assert_msg(at == NULL, "%s build: unexpected note: %s", satstat_blas_name(), r.err);
    result_free(&r);
    r = run("--scheme", "orthogonal", "--n-out", "8", "--samples", "400", "--quiet", NULL);
    ck_assert_ptr_null(strstr(r.err, note));
    result_free(&r);
    r = run("--samples", "400", NULL);
    ck_assert_ptr_null(strstr(r.err, note));
    result_free(&r);
}
END_TEST

/* Without --format, --output's extension chooses the format; --format
 * wins. */
START_TEST(output_extension_format)
{
    char *dir = make_temp_dir();
    const struct {
        const char *name, *format, *starts;
    } cases[] = {
        {"r.json", NULL, "{"},
        {"R.CSV", NULL, "scheme,quantity,"},
        {"r.txt", NULL, "satstat "},
        {"r.dat", NULL, "satstat "},
        {"r.json", "csv", "scheme,quantity,"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dir, cases[i].name);
        run_result r = cases[i].format
                           ? run("--analytic-only", "--output", path, "--format", cases[i].format, NULL)
                           : run("--analytic-only", "--output", path, NULL);
        ck_assert_msg(r.status == 0, "%s: status %d: %s", cases[i].name, r.status, r.err);
        result_free(&r);
        size_t len = 0;
        char *text = read_file(path, &len);
        ck_assert_msg(strncmp(text, cases[i].starts, strlen(cases[i].starts)) == 0,
                      "%s (--format %s): starts %.40s", cases[i].name,
                      cases[i].format ? cases[i].format : "-", text);
        free(text);
        unlink(path);
    }
    const char *commands[][8] = {
        {"deep", "--networks", "2", "--layers", "2", "--width", "4", NULL},
        {"sweep", "--vary", "n-in=10:20:2", "--analytic-only", NULL},
    };
    for (size_t i = 0; i < 2; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/out.json", dir);
        const char *args[16];
        size_t n = 0;
        for (; commands[i][n]; n++)
            args[n] = commands[i][n];
        args[n++] = "--quiet";
        args[n++] = "--output";
        args[n++] = path;
        args[n] = NULL;
        run_result r = run_args(args);
        ck_assert_msg(r.status == 0, "%s: status %d: %s", commands[i][0], r.status, r.err);
        result_free(&r);
        size_t len = 0;
        char *text = read_file(path, &len);
        ck_assert_msg(text[0] == '{', "%s --output out.json wrote %.40s", commands[i][0], text);
        free(text);
        unlink(path);
    }
    remove_dir(dir);
}
END_TEST

/* --format html, or --output NAME.html: one self-contained page per
 * command, figures inline; without gnuplot, exit 3 naming it and nothing
 * written, before any work.  (demo's page, whose 2 x 10^6 neurons are
 * too slow under the sanitizers for this runner's 60 s, is checked by
 * tests/browser.sh.) */
START_TEST(html_pages)
{
    char *dir = make_temp_dir();
    const char *commands[][14] = {
        {"--samples", "2000", NULL},
        {"deep", "--networks", "2", "--layers", "2", "--width", "8", "--n-in", "8", NULL},
        {"sweep", "--vary", "n-in=10:20:2", "--samples", "500", NULL},
        {"deep", "--preset", "activations", "--networks", "2", "--layers", "2", "--width", "8",
         "--n-in", "8", NULL},
        {"deep", "--networks", "2", "--layers", "2", "--width", "8", "--n-in", "8", "--phase", NULL},
    };
    const char *h1[] = {"<h1>satstat: the law", "<h1>satstat deep", "<h1>satstat sweep",
                        "<h1>satstat deep", "<h1>satstat deep"};
    /* the page's command makes the page: the preset's and --phase with it
     * (the report's own command has neither), the preset's without the
     * one activation of its first report */
    const char *says[] = {NULL, NULL, NULL, "satstat deep --preset activations --layers 2 ",
                          " --seed 1 --phase"};
    for (size_t i = 0; i < 5; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/page.HTML", dir);
        const char *args[20];
        size_t n = 0;
        for (; commands[i][n]; n++)
            args[n] = commands[i][n];
        args[n++] = "--quiet";
        args[n++] = "--output";
        args[n++] = path;
        args[n] = NULL;
        run_result r = run_args(args);
        ck_assert_msg(r.status == 0, "%s: status %d: %s", args[0], r.status, r.err);
        result_free(&r);
        size_t len = 0;
        char *text = read_file(path, &len);
        ck_assert_msg(strncmp(text, "<!DOCTYPE html>", 15) == 0, "%s wrote %.40s", args[0], text);
        ck_assert_msg(strstr(text, h1[i]), "%s: no '%s'", args[0], h1[i]);
        ck_assert_msg(!says[i] || strstr(text, says[i]), "page %zu: no '%s'", i, says[i]);
        if (i == 3)
            ck_assert_msg(!strstr(text, " --activation "), "the preset's page names one activation");
        ck_assert_msg(strstr(text, "<figure>\n<svg"), "%s: no inline figure", args[0]);
        ck_assert_msg(!strstr(text, "<script") && !strstr(text, "src=\"http"),
                      "%s: not self-contained", args[0]);
        free(text);
        unlink(path);

        /* no gnuplot: exit 3 before the work, the line names it */
        r = run_args_without_gnuplot(args);
        ck_assert_msg(r.status == 3, "%s without gnuplot: status %d", args[0], r.status);
        ck_assert_msg(strstr(r.err, "satstat: --format: html:") && strstr(r.err, "gnuplot"),
                      "stderr: %s", r.err);
        ck_assert_msg(strchr(r.err, '\n') == r.err + r.err_len - 1, "one line: %s", r.err);
        ck_assert_int_ne(access(path, F_OK), 0);
        result_free(&r);
    }
    remove_dir(dir);
}
END_TEST

/* The part of a page from its first figure to the end of its last. */
static char *page_figures(const char *page, const char *what)
{
    const char *first = strstr(page, "<figure>");
    const char *last = NULL;
    for (const char *p = first; p; p = strstr(p + 1, "</figure>"))
        last = p;
    ck_assert_msg(first && last && last > first, "%s: no figures", what);
    char *part = strndup(first, (size_t)(last - first));
    ck_assert_ptr_nonnull(part);
    return part;
}

/* --format html with --plots DIR --render svg: the page takes the SVG
 * documents --plots rendered (the figures are drawn once) and shows the
 * very figures the page draws without --plots; the folder keeps its
 * scripts and images. */
START_TEST(html_figures_from_plots)
{
    char *plots = make_temp_dir();
    const char *base[] = {"deep", "--networks", "2", "--layers", "2", "--width", "8",
                          "--n-in", "8", "--format", "html", "--quiet", NULL, NULL, NULL,
                          NULL, NULL};
    run_result alone = run_args(base);
    ck_assert_msg(alone.status == 0, "status %d: %s", alone.status, alone.err);
    base[12] = "--plots";
    base[13] = plots;
    base[14] = "--render";
    base[15] = "svg";
    run_result with = run_args(base);
    ck_assert_msg(with.status == 0, "--plots: status %d: %s", with.status, with.err);
    char *a = page_figures(alone.out, "without --plots");
    char *b = page_figures(with.out, "with --plots");
    ck_assert_msg(strcmp(a, b) == 0, "the pages' figures differ with --plots DIR --render svg");
    char names[4096];
    list_dir(plots, names, sizeof names);
    ck_assert_msg(strstr(names, "deep-variance.svg") && strstr(names, "deep-variance.gp"),
                  "the folder holds: %s", names);
    free(a);
    free(b);
    result_free(&alone);
    result_free(&with);
    remove_dir(plots);
}
END_TEST

/* Notes about the figure folder show its name quoted and escaped, never
 * raw (an escape sequence in a name must not reach the terminal). */
START_TEST(figure_notes_quote_the_folder)
{
    char *dir = make_temp_dir();
    char plots[4200];
    snprintf(plots, sizeof plots, "%s/a\033[2Jb", dir);
    /* no gnuplot: the note is printed */
    const char *args[] = {"--analytic-only", "--plots", plots, NULL};
    run_result r = run_args_without_gnuplot(args);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    ck_assert_msg(strstr(r.err, "gnuplot is not on PATH") != NULL, "stderr: %s", r.err);
    ck_assert_msg(strchr(r.err, '\033') == NULL, "a raw escape in: %s", r.err);
    ck_assert_msg(strstr(r.err, "a\\x1b[2Jb'") != NULL, "not quoted: %s", r.err);
    result_free(&r);
    remove_dir(dir);
}
END_TEST

START_TEST(version)
{
    const char *forms[][3] = {{"--version", NULL, NULL}, {"run", "--version", NULL}};
    for (size_t i = 0; i < 2; i++) {
        run_result r = run_args(forms[i]);
        ck_assert_int_eq(r.status, 0);
        ck_assert_msg(strncmp(r.out, "satstat 0.1.0", 13) == 0, "version output: %s", r.out);
        ck_assert_uint_eq(r.err_len, 0);
        result_free(&r);
    }
}
END_TEST

/* ---- the JSON contract ----------------------------------------------------*/

static void check_test_entry(const json_t *t)
{
    const char *name = string(t, "name");
    ck_assert(strlen(name) > 0);
    json_t *st = member(t, "statistic");
    json_t *p = member(t, "p_value");
    ck_assert_msg(json_is_number(st) || json_is_null(st), "test %s: statistic", name);
    ck_assert_msg(json_is_number(p) || json_is_null(p), "test %s: p_value", name);
    if (json_is_number(p)) {
        double pv = json_number_value(p);
        ck_assert_msg(pv >= 0.0 && pv <= 1.0, "test %s: p_value %g", name, pv);
    }
    boolean(t, "pass");
}

/* The contract's fields (doc/report.schema.json); returns the top-level pass. */
static int check_report_shape(const json_t *root, double samples, int analytic_only)
{
    ck_assert_str_eq(string(root, "version"), "0.1.0");
    json_t *cfg = member(root, "config");
    ck_assert_double_eq(number(cfg, "n_in"), 1000);
    ck_assert_double_eq(number(cfg, "active"), 500);
    ck_assert_double_eq(number(cfg, "samples"), samples);
    ck_assert(json_is_integer(member(cfg, "seed")));
    ck_assert_double_eq(number(cfg, "threshold"), 4);
    ck_assert_str_eq(string(cfg, "activation"), "sigmoid");
    ck_assert_double_eq_tol(number(cfg, "alpha"), 0.001, 1e-15);
    ck_assert(strlen(string(cfg, "generator")) > 0);
    ck_assert(strlen(string(cfg, "simd")) > 0);

    json_t *schemes = member(root, "schemes");
    ck_assert(json_is_array(schemes));
    ck_assert_uint_ge(json_array_size(schemes), 1);
    int all_pass = 1;
    for (size_t i = 0; i < json_array_size(schemes); i++) {
        json_t *s = json_array_get(schemes, i);
        string(s, "scheme");
        ck_assert(number(s, "weight_variance") > 0);
        json_t *a = member(s, "analytic");
        number(a, "mean");
        ck_assert(number(a, "variance") > 0);
        double sf = number(a, "saturated_fraction");
        ck_assert(sf >= 0 && sf <= 1);
        number(a, "mean_activation_derivative");
        if (analytic_only) {
            /* nothing sampled or tested: pass null, no empirical, no tests */
            ck_assert(json_is_null(member(s, "pass")));
            ck_assert_ptr_null(json_object_get(s, "empirical"));
            ck_assert_ptr_null(json_object_get(s, "tests"));
            continue;
        }
        int pass = boolean(s, "pass");
        all_pass &= pass;
        json_t *e = member(s, "empirical");
        ck_assert_double_eq(number(e, "samples"), samples);
        double lo, hi;
        number(e, "mean");
        double v = number(e, "variance");
        interval(e, "variance_ci", &lo, &hi);
        ck_assert_msg(lo <= v && v <= hi, "variance %g outside its CI [%g, %g]", v, lo, hi);
        double f = number(e, "saturated_fraction");
        interval(e, "saturated_fraction_ci", &lo, &hi);
        ck_assert_msg(lo <= f && f <= hi && lo >= 0 && hi <= 1,
                      "saturated fraction %g, CI [%g, %g]", f, lo, hi);
        number(e, "mean_activation_derivative");
        json_t *tests = member(s, "tests");
        ck_assert(json_is_array(tests));
        const char *needed[] = {"mean", "variance", "saturated_fraction", "distribution"};
        for (size_t k = 0; k < 4; k++) {
            int found = 0;
            for (size_t j = 0; j < json_array_size(tests); j++)
                found |= strcmp(string(json_array_get(tests, j), "name"), needed[k]) == 0;
            ck_assert_msg(found, "scheme %zu: no test named %s", i, needed[k]);
        }
        int tests_pass = 1;
        for (size_t j = 0; j < json_array_size(tests); j++) {
            json_t *t = json_array_get(tests, j);
            check_test_entry(t);
            tests_pass &= boolean(t, "pass");
        }
        /* a scheme passes only if its tests do (skipped tests count as
         * passing in the report) */
        if (pass)
            ck_assert_msg(tests_pass, "scheme %zu passes with a failing test", i);
    }
    if (analytic_only) {
        ck_assert(json_is_null(member(root, "pass")));
        return 1;
    }
    int top = boolean(root, "pass");
    ck_assert_int_eq(top, all_pass);
    return top;
}

START_TEST(json_report)
{
    run_result r = run("--samples", "20000", "--format", "json", "--quiet", NULL);
    ck_assert_msg(r.status == 0, "exit %d: %s", r.status, r.err);
    ck_assert_uint_eq(r.err_len, 0);
    json_t *root = parse_json(r.out, r.out_len, "default run");
    ck_assert(check_report_shape(root, 20000, 0));
    json_t *schemes = member(root, "schemes");
    ck_assert_uint_eq(json_array_size(schemes), 2);
    json_t *std = json_array_get(schemes, 0), *scl = json_array_get(schemes, 1);
    ck_assert_str_eq(string(std, "scheme"), "standard");
    ck_assert_str_eq(string(scl, "scheme"), "scaled");
    ck_assert_double_eq_tol(number(member(std, "analytic"), "variance"), 501.0, 1e-9);
    ck_assert_double_eq_tol(number(member(scl, "analytic"), "variance"), 1.5, 1e-12);
    ck_assert_double_eq_tol(number(std, "weight_variance"), 1.0, 1e-15);
    ck_assert_double_eq_tol(number(scl, "weight_variance"), 1e-3, 1e-15);
    ck_assert_double_eq_tol(number(member(std, "analytic"), "saturated_fraction"),
                            0.858168, 5e-7);
    ck_assert_double_eq_tol(number(member(scl, "analytic"), "saturated_fraction"),
                            0.0010908, 5e-8);
    ck_assert_double_eq_tol(number(member(std, "analytic"), "mean_activation_derivative"),
                            0.017765, 5e-7);
    ck_assert_double_eq_tol(number(member(scl, "analytic"), "mean_activation_derivative"),
                            0.192763, 5e-7);
    char *plain = dump_member(root, "schemes");

    /* with the command word, and with --name=value: the same numbers */
    const char *const with_run[] = {"run", "--samples", "20000", "--format", "json",
                                    "--quiet", NULL};
    const char *const with_eq[] = {"--samples=20000", "--format=json", "--quiet", NULL};
    const char *const *forms[] = {with_run, with_eq};
    for (size_t i = 0; i < 2; i++) {
        run_result r2 = run_args(forms[i]);
        ck_assert_int_eq(r2.status, 0);
        json_t *root2 = parse_json(r2.out, r2.out_len, "second form");
        check_report_shape(root2, 20000, 0);
        char *other = dump_member(root2, "schemes");
        ck_assert_msg(strcmp(plain, other) == 0, "form %zu gives different schemes", i);
        free(other);
        json_decref(root2);
        result_free(&r2);
    }
    free(plain);
    json_decref(root);
    result_free(&r);
}
END_TEST

/* Same seed, same numbers, whatever the thread count; another seed differs. */
START_TEST(threads_reproducible)
{
    char *dumps[3];
    const char *threads[] = {"1", "2", "3"};
    for (size_t i = 0; i < 3; i++) {
        run_result r = run("--samples", "50000", "--format", "json", "--quiet", "--threads",
                           threads[i], NULL);
        ck_assert_msg(r.status == 0 || r.status == 1, "exit %d: %s", r.status, r.err);
        json_t *root = parse_json(r.out, r.out_len, "threads run");
        check_report_shape(root, 50000, 0);
        dumps[i] = dump_member(root, "schemes");
        json_decref(root);
        result_free(&r);
    }
    ck_assert_msg(strcmp(dumps[0], dumps[1]) == 0, "--threads 1 and 2 differ");
    ck_assert_msg(strcmp(dumps[0], dumps[2]) == 0, "--threads 1 and 3 differ");

    run_result r = run("--samples", "50000", "--format", "json", "--quiet", "--threads", "2",
                       "--seed", "2", NULL);
    ck_assert(r.status == 0 || r.status == 1);
    json_t *root = parse_json(r.out, r.out_len, "seed 2");
    char *other = dump_member(root, "schemes");
    ck_assert_msg(strcmp(dumps[0], other) != 0, "--seed 2 gives the numbers of seed 1");
    free(other);
    json_decref(root);
    result_free(&r);
    for (size_t i = 0; i < 3; i++)
        free(dumps[i]);
}
END_TEST

/* A scheme's draws are keyed by its spec, not its position in the list. */
START_TEST(scheme_alone_same_bits)
{
    run_result both = run("--samples", "20000", "--format", "json", "--quiet", NULL);
    run_result alone = run("--scheme", "scaled", "--samples", "20000", "--format", "json",
                           "--quiet", NULL);
    ck_assert_int_eq(both.status, 0);
    ck_assert_int_eq(alone.status, 0);
    json_t *rb = parse_json(both.out, both.out_len, "default run");
    json_t *ra = parse_json(alone.out, alone.out_len, "--scheme scaled");
    ck_assert_uint_eq(json_array_size(member(ra, "schemes")), 1);
    json_t *sb = scheme_named(rb, "scaled"), *sa = scheme_named(ra, "scaled");
    char *eb = dump_member(sb, "empirical"), *ea = dump_member(sa, "empirical");
    ck_assert_msg(strcmp(eb, ea) == 0, "scaled differs alone and in the default run:\n%s\n%s",
                  ea, eb);
    char *tb = dump_member(sb, "tests"), *ta = dump_member(sa, "tests");
    ck_assert_msg(strcmp(tb, ta) == 0, "scaled's tests differ alone and in the default run");
    free(eb);
    free(ea);
    free(tb);
    free(ta);
    json_decref(rb);
    json_decref(ra);
    result_free(&both);
    result_free(&alone);
}
END_TEST

/* ---- exit codes -----------------------------------------------------------*/

START_TEST(wrong_claim_exit_1)
{
    /* forgetting the bias: claimed 1.0, true 1.5, default 1e6 samples */
    run_result r = run("--scheme", "scaled", "--expect-variance", "1.0", "--format", "json",
                       "--quiet", NULL);
    ck_assert_msg(r.status == 1, "exit %d, expected 1: %s", r.status, r.err);
    json_t *root = parse_json(r.out, r.out_len, "wrong claim");
    ck_assert(!check_report_shape(root, 1000000, 0));
    json_t *s = scheme_named(root, "scaled");
    ck_assert(!boolean(s, "pass"));
    ck_assert_double_eq_tol(number(member(s, "analytic"), "variance"), 1.5, 1e-12);
    /* The contract: the report adds claimed_variance (somewhere in the scheme or
     * the config); the formula's value stays in analytic.variance */
    ck_assert_msg(strstr(r.out, "claimed_variance") != NULL, "no claimed_variance in report");
    json_decref(root);
    result_free(&r);

    /* the text report is also complete on exit 1 */
    r = run("--scheme", "scaled", "--expect-variance", "1.0", "--quiet", NULL);
    ck_assert_int_eq(r.status, 1);
    ck_assert_msg(r.out_len > 100, "text report missing on exit 1");
    result_free(&r);
}
END_TEST

START_TEST(right_claim_exit_0)
{
    run_result r = run("--scheme", "scaled", "--expect-variance", "1.5", "--format", "json",
                       "--quiet", NULL);
    ck_assert_msg(r.status == 0, "exit %d, expected 0: %s", r.status, r.err);
    json_t *root = parse_json(r.out, r.out_len, "right claim");
    ck_assert(check_report_shape(root, 1000000, 0));
    json_decref(root);
    result_free(&r);
}
END_TEST


/* orthogonal: whole matrices, each one unit; the same bits for any thread
 * count; the formula holds (exit 0) and a wrong claim is caught (exit 1) */
START_TEST(orthogonal_run)
{
    const char *base[] = {"--scheme", "orthogonal", "--n-in", "200", "--n-out",
                          "50", "--samples", "20000", "--format", "json", "--quiet",
                          "--threads", "1", NULL, NULL, NULL};
    run_result r1 = run_args(base);
    ck_assert_msg(r1.status == 0, "exit %d: %s", r1.status, r1.err);
    json_t *root = parse_json(r1.out, r1.out_len, "orthogonal");
    json_t *s = scheme_named(root, "orthogonal");
    ck_assert(boolean(s, "pass"));
    json_t *em = member(s, "empirical");
    json_t *unit = member(em, "unit");
    ck_assert_str_eq(string(unit, "kind"), "matrix");
    ck_assert_double_eq(number(unit, "rows"), 50.0);
    ck_assert_double_eq(number(unit, "count"), 400.0);
    ck_assert_double_eq(number(em, "samples"), 20000.0);
    ck_assert_double_eq_tol(number(member(s, "analytic"), "variance"), 1.5, 1e-12);
    ck_assert(strncmp(string(member(s, "analytic"), "law"), "exact", 5) == 0);
    const json_t *tests = member(s, "tests");
    size_t i;
    json_t *t;
    int matrix_methods = 0;
    json_array_foreach(tests, i, t) matrix_methods += strstr(string(t, "method"), "matri") != NULL;
    ck_assert_int_eq(matrix_methods, 6);
    char *emp1 = dump_member(s, "empirical");
    json_decref(root);

    base[12] = "2";
    run_result r2 = run_args(base);
    ck_assert_int_eq(r2.status, 0);
    root = parse_json(r2.out, r2.out_len, "orthogonal, 2 threads");
    char *emp2 = dump_member(scheme_named(root, "orthogonal"), "empirical");
    ck_assert_str_eq(emp1, emp2);
    json_decref(root);
    free(emp1);
    free(emp2);
    result_free(&r1);
    result_free(&r2);

    base[13] = "--expect-variance";
    base[14] = "1.0";
    r1 = run_args(base);
    ck_assert_msg(r1.status == 1, "exit %d, expected 1 for a wrong claim", r1.status);
    result_free(&r1);
}
END_TEST

START_TEST(analytic_only_fast)
{
    run_result r = run("--analytic-only", "--format", "json", NULL);
    ck_assert_msg(r.status == 0, "exit %d: %s", r.status, r.err);
    ck_assert_msg(r.seconds < 3.0, "--analytic-only took %.2f s", r.seconds);
    json_t *root = parse_json(r.out, r.out_len, "--analytic-only");
    check_report_shape(root, 0, 1); /* analytic only: nothing sampled */
    ck_assert_double_eq_tol(number(member(scheme_named(root, "standard"), "analytic"),
                                   "variance"), 501.0, 1e-9);
    json_decref(root);
    result_free(&r);

    r = run("--analytic-only", NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert(r.out_len > 0);
    ck_assert(r.seconds < 3.0);
    result_free(&r);
}
END_TEST

/* ---- formats -----------------------------------------------------------------*/

START_TEST(csv_header)
{
    /* no --quiet: stderr is not a terminal, so no progress bar either */
    run_result r = run("--samples", "20000", "--format", "csv", NULL);
    ck_assert_msg(r.status == 0, "exit %d: %s", r.status, r.err);
    ck_assert_msg(r.err_len == 0, "stderr (not a terminal): %s", r.err);
    /* the first ten columns as ever; new ones only at the end */
    const char *header =
        "scheme,quantity,analytic,sampled,ci_low,ci_high,statistic,p_value,p_adjusted,verdict,"
        "analytic_kind,statistic_name,dof\n";
    ck_assert_msg(strncmp(r.out, header, strlen(header)) == 0, "first line: %.120s", r.out);
    /* every line has the header's 13 fields */
    size_t lines = 0;
    for (const char *p = r.out; *p;) {
        const char *nl = strchr(p, '\n');
        ck_assert_msg(nl != NULL, "last line not terminated");
        size_t commas = count_char(p, (size_t)(nl - p), ',');
        ck_assert_msg(commas == 12, "line %zu has %zu fields: %.*s", lines + 1, commas + 1,
                      (int)(nl - p), p);
        lines++;
        p = nl + 1;
    }
    ck_assert_uint_gt(lines, 2);
    result_free(&r);
}
END_TEST

/* ---- --output -----------------------------------------------------------------*/

START_TEST(output_file)
{
    char *dir = make_temp_dir();
    char *file = path_in(dir, "report.json");
    char names[1024];

    run_result r = run("--samples", "20000", "--format", "json", "--quiet", "--output", file,
                       NULL);
    ck_assert_msg(r.status == 0, "exit %d: %s", r.status, r.err);
    ck_assert_uint_eq(r.out_len, 0);
    ck_assert_uint_eq(r.err_len, 0);
    ck_assert_msg(list_dir(dir, names, sizeof names) == 1, "dir holds: %s", names);
    ck_assert_str_eq(names, "report.json");
    size_t len;
    char *text = read_file(file, &len);
    json_t *root = parse_json(text, len, "--output file");
    check_report_shape(root, 20000, 0);
    ck_assert_int_eq(json_integer_value(member(member(root, "config"), "seed")), 1);
    json_decref(root);
    free(text);
    /* the mode a plain open would give (the child runs with umask 022) */
    struct stat st;
    ck_assert_int_eq(stat(file, &st), 0);
    ck_assert_msg((st.st_mode & 0777) == 0644, "mode %o", (unsigned)(st.st_mode & 0777));
    result_free(&r);

    /* rerun over an existing (longer) file: replaced whole */
    FILE *f = fopen(file, "w");
    ck_assert_ptr_nonnull(f);
    for (int i = 0; i < 20000; i++)
        fputs("junk junk junk junk\n", f);
    ck_assert_int_eq(fclose(f), 0);
    r = run("--samples", "20000", "--format", "json", "--quiet", "--seed", "2", "--output",
            file, NULL);
    ck_assert_msg(r.status == 0 || r.status == 1, "exit %d: %s", r.status, r.err);
    ck_assert_uint_eq(r.out_len, 0);
    ck_assert_msg(list_dir(dir, names, sizeof names) == 1, "dir holds: %s", names);
    text = read_file(file, &len);
    root = parse_json(text, len, "replaced --output file");
    ck_assert_int_eq(json_integer_value(member(member(root, "config"), "seed")), 2);
    json_decref(root);
    free(text);
    result_free(&r);

    /* a symlink to a regular file: the target is replaced, the link stays */
    char *link = path_in(dir, "link.json");
    ck_assert_int_eq(symlink("report.json", link), 0);
    r = run("--samples", "2000", "--format", "csv", "--quiet", "--output", link, NULL);
    ck_assert_msg(r.status == 0, "exit %d: %s", r.status, r.err);
    ck_assert_int_eq(lstat(link, &st), 0);
    ck_assert_msg(S_ISLNK(st.st_mode), "--output replaced the symlink itself");
    ck_assert_msg(list_dir(dir, names, sizeof names) == 2, "dir holds: %s", names);
    text = read_file(file, &len);
    ck_assert_msg(strncmp(text, "scheme,quantity,", 16) == 0, "target not rewritten");
    free(text);
    result_free(&r);

    free(link);
    free(file);
    remove_dir(dir);
}
END_TEST

START_TEST(output_dev_full)
{
    struct stat st;
    if (stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode)) {
        fprintf(stderr, "test_cli: no /dev/full here; output_dev_full not run\n");
        return;
    }
    const char *formats[] = {"json", "text", "csv"};
    for (size_t i = 0; i < 3; i++) {
        run_result r = run("--samples", "20000", "--quiet", "--format", formats[i],
                           "--output", "/dev/full", NULL);
        ck_assert_msg(r.status == 3, "--format %s: exit %d, expected 3", formats[i], r.status);
        ck_assert_uint_eq(r.out_len, 0);
        assert_one_line(&r, "--output /dev/full");
        ck_assert_msg(strstr(r.err, "/dev/full") != NULL, "error does not name /dev/full: %s",
                      r.err);
        ck_assert_int_eq(stat("/dev/full", &st), 0);
        ck_assert_msg(S_ISCHR(st.st_mode), "/dev/full is no longer a character device");
        result_free(&r);
    }
}
END_TEST

/* A FIFO is written in place, not renamed over. */
START_TEST(output_fifo)
{
    char *dir = make_temp_dir();
    char *fifo = path_in(dir, "pipe");
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    int rd = open(fifo, O_RDONLY | O_NONBLOCK);
    ck_assert_msg(rd >= 0, "open fifo: %s", strerror(errno));
    int out_fd = temp_fd(), err_fd = temp_fd();
    const char *args[] = {"--samples", "2000", "--format", "csv", "--quiet", "--output", fifo,
                          NULL};
    pid_t pid = spawn(args, out_fd, err_fd);
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap + 1);
    ck_assert_ptr_nonnull(buf);
    double deadline = now_s() + RUN_TIMEOUT_S;
    int st = 0, done = 0;
    for (;;) {
        ssize_t n = read(rd, buf + len, cap - len);
        if (n > 0) {
            len += (size_t)n;
            if (len == cap) {
                cap *= 2;
                buf = realloc(buf, cap + 1);
                ck_assert_ptr_nonnull(buf);
            }
            continue;
        }
        if (done)
            break; /* drained after the writer exited */
        if (waitpid(pid, &st, WNOHANG) == pid) {
            done = 1;
            continue;
        }
        if (now_s() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            ck_abort_msg("satstat writing to a FIFO did not finish");
        }
        sleep_s(0.005);
    }
    buf[len] = '\0';
    close(rd);
    int code = exit_status_of(st, "--output FIFO");
    ck_assert_int_eq(code, 0);
    ck_assert_msg(strncmp(buf, "scheme,quantity,", 16) == 0, "FIFO got: %.80s", buf);
    struct stat s;
    ck_assert_int_eq(lstat(fifo, &s), 0);
    ck_assert_msg(S_ISFIFO(s.st_mode), "the FIFO was replaced");
    char names[1024];
    ck_assert_msg(list_dir(dir, names, sizeof names) == 1, "dir holds: %s", names);
    free(buf);
    close(out_fd);
    close(err_fd);
    free(fifo);
    remove_dir(dir);
}
END_TEST

/* ---- signals --------------------------------------------------------------------*/

static void interrupted_run(int sig, int expected)
{
    char *dir = make_temp_dir();
    char *file = path_in(dir, "report.json");
    int out_fd = temp_fd(), err_fd = temp_fd();
    const char *args[] = {"--samples", "1e9", "--quiet", "--output", file, NULL};
    pid_t pid = spawn(args, out_fd, err_fd);
    sleep_s(0.5);
    ck_assert_int_eq(kill(pid, sig), 0);
    int st = wait_bounded(pid, SIGNAL_TIMEOUT_S, "interrupted");
    int code = exit_status_of(st, "interrupted");
    size_t len;
    char *err = slurp_fd(err_fd, &len);
    ck_assert_msg(code == expected, "signal %d: exit %d, expected %d (stderr: %s)", sig, code,
                  expected, err);
    ck_assert_msg(!path_exists(file), "signal %d: %s was created", sig, file);
    char names[1024];
    ck_assert_msg(list_dir(dir, names, sizeof names) == 0, "signal %d: left %s", sig, names);
    char *out = slurp_fd(out_fd, &len);
    ck_assert_uint_eq(len, 0);
    free(out);
    free(err);
    close(out_fd);
    close(err_fd);
    free(file);
    remove_dir(dir);
}

START_TEST(sigint)
{
    interrupted_run(SIGINT, 130);
}
END_TEST

START_TEST(sigterm)
{
    interrupted_run(SIGTERM, 143);
}
END_TEST

/* interrupted with the report going to stdout: nothing printed there */
START_TEST(sigint_stdout)
{
    int out_fd = temp_fd(), err_fd = temp_fd();
    const char *args[] = {"--samples", "1e9", "--format", "json", NULL};
    pid_t pid = spawn(args, out_fd, err_fd);
    sleep_s(0.5);
    ck_assert_int_eq(kill(pid, SIGINT), 0);
    int code = exit_status_of(wait_bounded(pid, SIGNAL_TIMEOUT_S, "interrupted"),
                              "interrupted");
    ck_assert_int_eq(code, 130);
    size_t len;
    char *out = slurp_fd(out_fd, &len);
    ck_assert_msg(len == 0, "stdout after SIGINT: %.200s", out);
    free(out);
    close(out_fd);
    close(err_fd);
}
END_TEST

/* ---- issue 13: the inputs file, validation up front, quoted names ---------------*/

/* A usage error: exit 2, nothing on stdout, one line of printable text
 * (no escape codes), not longer than `max_len`, naming each of `need`. */
static void check_usage(const run_result *r, const char *what, size_t max_len,
                        const char *const *need)
{
    ck_assert_msg(r->status == 2, "%s: exit %d, expected 2 (stderr: %.300s)", what, r->status,
                  r->err);
    ck_assert_msg(r->out_len == 0, "%s: wrote to stdout: %.200s", what, r->out);
    assert_one_line(r, what);
    ck_assert_msg(r->err_len <= max_len, "%s: a %zu-byte error line", what, r->err_len);
    for (size_t i = 0; i + 1 < r->err_len; i++)
        ck_assert_msg((unsigned char)r->err[i] >= 0x20 && r->err[i] != 0x7f,
                      "%s: byte %zu of the error line is \\x%02x", what, i,
                      (unsigned char)r->err[i]);
    for (size_t i = 0; need && need[i]; i++)
        ck_assert_msg(strstr(r->err, need[i]) != NULL, "%s: error line does not name %s: %s",
                      what, need[i], r->err);
}

/* A pipe whose read end satstat inherits ("file:/dev/fd/N" in *spec) and
 * whose write end it does not. */
static int inputs_pipe(int fds[2], char *spec, size_t size)
{
    ck_assert_int_eq(pipe(fds), 0);
    ck_assert_int_eq(fcntl(fds[1], F_SETFD, FD_CLOEXEC), 0);
    snprintf(spec, size, "file:/dev/fd/%d", fds[0]);
    return fds[0];
}

/* A child that writes `chunk` to fds[1] until the readers go away. */
static pid_t endless_writer(const int fds[2], const char *chunk)
{
    fflush(NULL);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        int fd = fds[1];
        close(fds[0]);
        signal(SIGPIPE, SIG_DFL);
        size_t n = strlen(chunk);
        for (;;)
            if (write(fd, chunk, n) < 0)
                _exit(0);
    }
    return pid;
}

static void reap(pid_t pid)
{
    int st;
    ck_assert_int_eq(waitpid(pid, &st, 0), pid);
}

/* /dev/zero, a stream of numbers without end and one of blanks without end:
 * exit 2 at once (it spun at full CPU), naming --inputs. */
START_TEST(inputs_never_ending)
{
    run_result r = run("run", "--inputs", "file:/dev/zero", "--n-in", "10", NULL);
    check_usage(&r, "file:/dev/zero", 400,
                (const char *const[]){"--inputs", "'/dev/zero'", "line 1: a NUL byte", NULL});
    ck_assert_msg(r.seconds < 10.0, "/dev/zero took %.1f s", r.seconds);
    result_free(&r);

    static const char *const chunks[] = {"1\n", "   \n"};
    static const char *const why[] = {"more than the 10 numbers of --n-in",
                                      "does the file end?"};
    for (size_t k = 0; k < 2; k++) {
        int fds[2];
        char spec[64];
        inputs_pipe(fds, spec, sizeof spec);
        pid_t writer = endless_writer(fds, chunks[k]);
        close(fds[1]);
        r = run("run", "--inputs", spec, "--n-in", "10", "--samples", "1000", NULL);
        close(fds[0]); /* the writer gets EPIPE */
        reap(writer);
        check_usage(&r, spec, 400, (const char *const[]){"--inputs", why[k], NULL});
        result_free(&r);
    }
}
END_TEST

/* A pipe, as file:<(...) gives: read once, so run and deep work (exit 3
 * before: the second open found it drained). */
START_TEST(inputs_pipe_read_once)
{
    static const char *const commands[][10] = {
        {"run", "--n-in", "1000", "--samples", "2000", "--quiet", NULL},
        {"deep", "--n-in", "1000", "--networks", "20", "--layers", "2", "--width", "10",
         "--quiet"},
    };
    for (size_t c = 0; c < 2; c++) {
        int fds[2];
        char spec[64];
        inputs_pipe(fds, spec, sizeof spec);
        for (int j = 0; j < 1000; j++)
            ck_assert_int_eq(write(fds[1], j % 3 ? "1\n" : "0.5\n", j % 3 ? 2 : 4),
                             j % 3 ? 2 : 4);
        close(fds[1]);
        const char *args[16];
        size_t n = 0;
        for (size_t i = 0; i < 10 && commands[c][i]; i++)
            args[n++] = commands[c][i];
        args[n++] = "--inputs";
        args[n++] = spec;
        args[n] = NULL;
        run_result r = run_args(args);
        close(fds[0]);
        ck_assert_msg(r.status == 0 || r.status == 1, "%s from a pipe: exit %d: %s",
                      commands[c][0], r.status, r.err);
        ck_assert_msg(r.out_len > 0, "%s from a pipe: no report", commands[c][0]);
        result_free(&r);
    }
}
END_TEST

/* A FIFO: with no writer, exit 2 at once (it blocked in open); written
 * once, read once (the second open hung). */
START_TEST(inputs_fifo)
{
    char *dir = make_temp_dir();
    char *fifo = path_in(dir, "inputs");
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    char spec[4200];
    snprintf(spec, sizeof spec, "file:%s", fifo);
    run_result r = run("run", "--inputs", spec, "--n-in", "5", NULL);
    check_usage(&r, "FIFO without a writer", 400,
                (const char *const[]){"--inputs", "FIFO", NULL});
    ck_assert_msg(r.seconds < 10.0, "a FIFO without a writer took %.1f s", r.seconds);
    result_free(&r);

    fflush(NULL);
    pid_t writer = fork();
    ck_assert_int_ge(writer, 0);
    if (writer == 0) {
        int fd = open(fifo, O_WRONLY); /* waits for satstat */
        _exit(fd >= 0 && write(fd, "1 2 3\n4 5\n", 10) == 10 ? 0 : 1);
    }
    /* the writer is waiting in open() when satstat starts: it sleeps
     * there, and does nothing else that sleeps */
    double deadline = now_s() + RUN_TIMEOUT_S;
    for (;;) {
        char stat_path[64], stat_text[512] = "";
        snprintf(stat_path, sizeof stat_path, "/proc/%d/stat", (int)writer);
        FILE *f = fopen(stat_path, "r");
        ck_assert_ptr_nonnull(f);
        size_t got = fread(stat_text, 1, sizeof stat_text - 1, f);
        fclose(f);
        stat_text[got] = '\0';
        const char *paren = strrchr(stat_text, ')');
        if (paren && paren[1] == ' ' && paren[2] == 'S')
            break;
        ck_assert_msg(now_s() < deadline, "the FIFO writer never waited in open()");
        sleep_s(0.01);
    }
    r = run("deep", "--inputs", spec, "--n-in", "5", "--networks", "10", "--layers", "2",
            "--width", "8", "--quiet", NULL);
    int st;
    ck_assert_int_eq(waitpid(writer, &st, 0), writer);
    ck_assert_msg(r.status == 0, "deep from a FIFO written once: exit %d: %s", r.status, r.err);
    ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the FIFO writer failed");
    result_free(&r);
    free(fifo);
    remove_dir(dir);
}
END_TEST

/* A NUL byte inside a number is refused, naming the line (7\0009999 was
 * read as 7). */
START_TEST(inputs_nul_byte)
{
    char *dir = make_temp_dir();
    char *file = path_in(dir, "x.txt");
    static const char text[] = "1\n2\n7\0009999\n";
    FILE *f = fopen(file, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(text, 1, sizeof text - 1, f), sizeof text - 1);
    ck_assert_int_eq(fclose(f), 0);
    char spec[4200];
    snprintf(spec, sizeof spec, "file:%s", file);
    run_result r = run("run", "--inputs", spec, "--n-in", "3", NULL);
    check_usage(&r, "NUL in a number", 400,
                (const char *const[]){"--inputs", "line 3", "NUL byte", NULL});
    result_free(&r);
    free(file);
    remove_dir(dir);
}
END_TEST

/* A line break in the inputs path: exit 2 naming --inputs before any work
 * (it was caught after sampling, blaming --plots; deep left an empty
 * folder). */
START_TEST(inputs_path_line_break)
{
    char *dir = make_temp_dir();
    char *plots = path_in(dir, "figs");
    char *file = path_in(dir, "in\nputs.txt"); /* exists: the path is the fault */
    write_file(file, "1 0 1\n");
    char spec[4200];
    snprintf(spec, sizeof spec, "file:%s", file);
    static const char *const commands[] = {"run", "deep", "sweep"};
    for (size_t c = 0; c < 3; c++) {
        run_result r = c == 2 ? run("sweep", "--vary", "sigma=0.5:2:3", "--inputs", spec,
                                    "--n-in", "3", "--samples", "1000", "--plots", plots, NULL)
                              : run(commands[c], "--inputs", spec, "--n-in", "3", "--plots",
                                    plots, NULL);
        check_usage(&r, commands[c], 400,
                    (const char *const[]){"--inputs", "in\\x0aputs.txt'", NULL});
        ck_assert_msg(!path_exists(plots), "%s: created the --plots folder", commands[c]);
        ck_assert_msg(r.seconds < 10.0, "%s: %.1f s before the error", commands[c], r.seconds);
        result_free(&r);
    }
    unlink(file);
    free(file);
    free(plots);
    remove_dir(dir);
}
END_TEST

/* Values that passed validation and failed mid-run with exit 3 and a
 * vague message: now exit 2 up front, naming the option (issue 13, 8). */
START_TEST(validation_up_front)
{
    static const struct {
        const char *option, *value, *need;
    } cases[] = {
        {"--bias", "const:1e20", "'const:1e+20'"},
        {"--threshold", "4.9e-324", "at least 1e-300"},
        {"--expect-variance", "1e-320", "at least 1e-100 times Var z"},
        {"--scheme", "trunc-normal:1e300,1,1e300,1.0000000000001e300", "overflows"},
        {"--scheme", "trunc-normal:1e150,1,1e150,1.0000000000001e150", "no width"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (int analytic = 0; analytic < 2; analytic++) {
            run_result r = run("run", cases[i].option, cases[i].value, "--n-in", "10",
                               "--samples", "2000", analytic ? "--analytic-only" : "--quiet",
                               NULL);
            check_usage(&r, cases[i].value, 400,
                        (const char *const[]){cases[i].option, cases[i].need, NULL});
            result_free(&r);
        }
    /* near the edges, accepted and run to the end */
    run_result r = run("run", "--bias", "const:1e10", "--threshold", "1e-300",
                       "--expect-variance", "1e-90", "--n-in", "10", "--samples", "2000",
                       "--quiet", NULL);
    ck_assert_msg(r.status == 0 || r.status == 1, "edge values: exit %d: %s", r.status, r.err);
    result_free(&r);
}
END_TEST

/* Names from the command line are quoted and shortened: no escape codes,
 * no second line, no 131 000-byte line. */
START_TEST(messages_quote_names)
{
    size_t long_len = 131000;
    char *name = malloc(long_len + 3);
    ck_assert_ptr_nonnull(name);
    memcpy(name, "--", 2);
    memset(name + 2, 'a', long_len);
    name[long_len + 2] = '\0';
    const char *const bad[][3] = {
        {"run", "--bo\033[31mgus", NULL},
        {"run", "--bo\ngus", NULL},
        {"run", name, NULL},
        {"run", "stray\n\033[2J", NULL},
        {"run", name + 2, NULL},
        {"sweep", "--vary", "sigma=0.5:2:3"},
        {"cmd\033[31m\nx", NULL, NULL},
        {name + 2, NULL, NULL},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *args[6];
        size_t n = 0;
        for (size_t k = 0; k < 3 && bad[i][k]; k++)
            args[n++] = bad[i][k];
        if (i == 5)
            args[n++] = "x\033y"; /* an unexpected argument of sweep */
        args[n] = NULL;
        run_result r = run_args(args);
        char what[64];
        snprintf(what, sizeof what, "name %zu", i);
        check_usage(&r, what, 300, NULL);
        ck_assert_msg(strstr(r.err, "\\x1b") || strstr(r.err, "\\x0a") || strstr(r.err, "..."),
                      "%s: the name is not shown quoted: %s", what, r.err);
        result_free(&r);
    }
    /* (--output's path: quoted by the output transaction on main) */
    free(name);
}
END_TEST

/* ---- issue 14: names forgive ------------------------------------------------*/

/* A misspelt name or option: exit 2, nothing on stdout, one line that
 * names the option and the value and suggests the nearest name. */
START_TEST(names_did_you_mean)
{
    static const struct {
        const char *args[5];
        const char *line; /* the whole line, or (prefix '~') a part of it */
    } cases[] = {
        {{"--shceme", "standard"},
         "satstat: unknown option '--shceme' (did you mean '--scheme'?; try "
         "'satstat --help')\n"},
        {{"--n_in=5"},
         "satstat: unknown option '--n_in=5' (did you mean '--n-in'?; try "
         "'satstat --help')\n"},
        {{"sweep", "--vray", "n-in=1:2"},
         "satstat: unknown option '--vray' (did you mean '--vary'?; try "
         "'satstat sweep --help')\n"},
        {{"deep", "--layres", "2"},
         "~(did you mean '--layers'?; try 'satstat deep --help')"},
        {{"--bogus"}, "satstat: unknown option '--bogus' (try 'satstat --help')\n"},
        /* an abbreviation of two of the library's options is ambiguous
         * (each has its own getopt code), not the first of them */
        {{"--activ", "3"},
         "satstat: unknown option '--activ' (did you mean '--active'?; try "
         "'satstat --help')\n"},
        {{"deep", "--n", "3"}, "~unknown option '--n' (try 'satstat deep --help')"},
        {{"--quiet=1"}, "satstat: --quiet: takes no value, got '--quiet=1'\n"},
        {{"--activation", "tnah"},
         "satstat: --activation: unknown activation 'tnah' (did you mean "
         "'tanh'? valid: sigmoid, tanh, softsign, erf, relu, leaky-relu, "
         "gelu, selu, linear, leaky-relu:SLOPE)\n"},
        {{"--format", "jsno"},
         "satstat: --format: unknown format 'jsno' (did you mean 'json'? "
         "valid: text, json, csv, html)\n"},
        {{"--render", "PGN"},
         "satstat: --render: unknown format 'PGN' (did you mean 'png'? valid: "
         "png, svg, pdf, none)\n"},
        {{"--scheme", "he-normla"},
         "~satstat: --scheme: unknown scheme 'he-normla' (did you mean "
         "'he-normal'? valid: standard, scaled,"},
        {{"--scheme", "standard, scalde"},
         "~unknown scheme 'scalde' (did you mean 'scaled'? valid: "},
        {{"--mode", "fan-out"}, "~(did you mean 'fan_out'? valid: "},
        {{"--saturation", "dervi:0.5"}, "~(did you mean 'deriv:R'? valid: "},
        {{"sweep", "--vary", "sgima=0.5:2:3"},
         "~unknown parameter 'sgima' in 'sgima=0.5:2:3' (did you mean "
         "'sigma'? valid: "},
        {{"--scheme", "ORTHOGONAL"},
         "satstat: --scheme: ambiguous scheme 'ORTHOGONAL': 'orthogonal' and "
         "'Orthogonal' differ only in case; type one of those\n"},
        {{"--scheme", "Kaiming_Normal"},
         "~ambiguous scheme 'Kaiming_Normal': PyTorch's kaiming_normal_ is "
         "untruncated"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char what[256];
        describe(cases[i].args, what, sizeof what);
        run_result r = run_args(cases[i].args);
        ck_assert_msg(r.status == 2, "%s: exit %d (stderr: %s)", what, r.status, r.err);
        ck_assert_msg(r.out_len == 0, "%s: wrote to stdout", what);
        assert_one_line(&r, what);
        if (cases[i].line[0] == '~')
            ck_assert_msg(strstr(r.err, cases[i].line + 1) != NULL,
                          "%s: [%s] lacks [%s]", what, r.err, cases[i].line + 1);
        else
            ck_assert_msg(strcmp(r.err, cases[i].line) == 0, "%s: [%s], expected [%s]",
                          what, r.err, cases[i].line);
        result_free(&r);
    }
}
END_TEST

/* Another case, blanks after commas: accepted, and the report is the one
 * the canonical spelling gives (JSON: but for its elapsed_seconds). */
START_TEST(names_forgiven_same_report)
{
    static const struct {
        const char *forgiven, *canonical;
    } names[][2] = {
        {{"--format", "JSON"}, {"--format", "json"}},
        {{"--activation", "Tanh"}, {"--activation", "tanh"}},
        {{"--scheme", "standard, scaled"}, {"--scheme", "standard,scaled"}},
        {{"--scheme", "He_Normal, XAVIER-UNIFORM:ReLU"},
         {"--scheme", "he_normal,xavier-uniform:relu"}},
        {{"--saturation", "Deriv:0.25"}, {"--saturation", "deriv:0.25"}},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        run_result r[2];
        for (int k = 0; k < 2; k++) {
            const char *args[] = {"--samples", "4000", "--n-in", "40", "--seed", "7",
                                  "--format", "json", names[i][k].forgiven,
                                  names[i][k].canonical, NULL};
            r[k] = run_args(args);
            ck_assert_msg(r[k].status == 0, "%s %s: exit %d (%s)", names[i][k].forgiven,
                          names[i][k].canonical, r[k].status, r[k].err);
        }
        json_t *a = parse_json(r[0].out, r[0].out_len, names[i][0].canonical);
        json_t *b = parse_json(r[1].out, r[1].out_len, names[i][1].canonical);
        ck_assert(json_object_del(a, "elapsed_seconds") == 0);
        ck_assert(json_object_del(b, "elapsed_seconds") == 0);
        ck_assert_msg(json_equal(a, b), "%s %s: a different report", names[i][0].forgiven,
                      names[i][0].canonical);
        json_decref(a);
        json_decref(b);
        result_free(&r[0]);
        result_free(&r[1]);
    }
    /* the CSV report (no timing in it), byte for byte */
    run_result t[2];
    t[0] = run("--samples", "4000", "--n-in", "40", "--seed", "7", "--activation", "Tanh",
               "--scheme", "standard, scaled", "--format", "CSV", NULL);
    t[1] = run("--samples", "4000", "--n-in", "40", "--seed", "7", "--activation", "tanh",
               "--scheme", "standard,scaled", "--format", "csv", NULL);
    ck_assert_int_eq(t[0].status, 0);
    ck_assert_int_eq(t[1].status, 0);
    ck_assert_uint_eq(t[0].out_len, t[1].out_len);
    ck_assert(memcmp(t[0].out, t[1].out, t[0].out_len) == 0);
    result_free(&t[0]);
    result_free(&t[1]);
}
END_TEST

/* ---- the suite -------------------------------------------------------------------*/

static TCase *tcase(Suite *s, const char *name)
{
    TCase *tc = tcase_create(name);
    tcase_set_timeout(tc, 120);
    suite_add_tcase(s, tc);
    return tc;
}

static Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase(s, "bad input");
    tcase_add_loop_test(tc, bad_input, 0, N_BAD_CASES);
    tcase_add_test(tc, output_missing_dir);
    tc = tcase(s, "help and version");
    tcase_add_test(tc, help);
    tcase_add_test(tc, help_commands);
    tcase_add_test(tc, reference_blas_note);
    tcase_add_test(tc, output_extension_format);
    tcase_add_test(tc, html_pages);
    tcase_add_test(tc, html_figures_from_plots);
    tcase_add_test(tc, figure_notes_quote_the_folder);
    tcase_add_test(tc, version);
    tc = tcase(s, "json");
    tcase_add_test(tc, json_report);
    tc = tcase(s, "reproducible");
    tcase_add_test(tc, threads_reproducible);
    tcase_add_test(tc, scheme_alone_same_bits);
    tc = tcase(s, "exit codes");
    tcase_add_test(tc, wrong_claim_exit_1);
    tcase_add_test(tc, right_claim_exit_0);
    tcase_add_test(tc, orthogonal_run);
    tcase_add_test(tc, analytic_only_fast);
    tc = tcase(s, "csv");
    tcase_add_test(tc, csv_header);
    tc = tcase(s, "output");
    tcase_add_test(tc, output_file);
    tcase_add_test(tc, output_dev_full);
    tcase_add_test(tc, output_fifo);
    tc = tcase(s, "signals");
    tcase_add_test(tc, sigint);
    tcase_add_test(tc, sigterm);
    tcase_add_test(tc, sigint_stdout);
    tc = tcase(s, "issue 13: inputs file, validation, messages");
    tcase_add_test(tc, inputs_never_ending);
    tcase_add_test(tc, inputs_pipe_read_once);
    tcase_add_test(tc, inputs_fifo);
    tcase_add_test(tc, inputs_nul_byte);
    tcase_add_test(tc, inputs_path_line_break);
    tcase_add_test(tc, validation_up_front);
    tcase_add_test(tc, messages_quote_names);
    tc = tcase(s, "issue 14: names forgive");
    tcase_add_test(tc, names_did_you_mean);
    tcase_add_test(tc, names_forgiven_same_report);
    return s;
}

TEST_MAIN(cli_suite)
