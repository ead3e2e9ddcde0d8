/* replay.c — run a fuzz harness on files, without libFuzzer.
 *
 *   fuzz-replay-TARGET [-m] PATH...
 *
 * Each PATH is a file (one input) or a directory (each regular file in it
 * whose name does not start with '.', in name order).  A PATH that does
 * not exist is an error, except after -m ("may be missing"), which holds
 * for the paths after it: fuzz/regressions/TARGET/ exists only once a
 * crash has been found.  At least one input must be replayed.  A violated
 * invariant aborts (fuzz_fail), which fails the test; sanitizers, when the
 * build has them, report as usual.
 *
 * Open bugs.  A reproducer whose file name starts with "open-" records a
 * library bug that is not fixed yet: it is replayed in a child process and
 * must still fail there (abort, signal or non-zero exit).  Once the library
 * is fixed it passes, and the test fails with "no longer fails": drop the
 * "open-" prefix (git mv) so that it guards the fix from then on.
 */
#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    size_t size = 0, cap = 0, n;

    if (f == NULL) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        return -1;
    }
    for (;;) {
        if (size == cap) {
            unsigned char *grown;
            cap = cap == 0 ? 4096 : 2 * cap;
            grown = realloc(data, cap);
            if (grown == NULL) {
                fprintf(stderr, "replay: %s: out of memory\n", path);
                free(data);
                fclose(f);
                return -1;
            }
            data = grown;
        }
        n = fread(data + size, 1, cap - size, f);
        size += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        fprintf(stderr, "replay: %s: read error\n", path);
        free(data);
        fclose(f);
        return -1;
    }
    fclose(f);
    /* An exact-size copy, so that AddressSanitizer sees reads past it. */
    {
        unsigned char *exact = malloc(size > 0 ? size : 1);
        if (exact == NULL) {
            free(data);
            return -1;
        }
        if (size > 0)
            memcpy(exact, data, size);
        free(data);
        LLVMFuzzerTestOneInput(exact, size);
        free(exact);
    }
    return 0;
}

static long open_bugs; /* open-* reproducers that still fail */

static int is_open_bug(const char *path)
{
    const char *base = strrchr(path, '/');

    base = base != NULL ? base + 1 : path;
    return strncmp(base, "open-", 5) == 0;
}

/* Replay one file; an open bug in a child that must fail.  0 or -1. */
static int replay_file(const char *path)
{
    pid_t pid;
    int status;

    if (!is_open_bug(path))
        return run_file(path);
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid < 0) {
        fprintf(stderr, "replay: fork: %s\n", strerror(errno));
        return -1;
    }
    if (pid == 0)
        exit(run_file(path) == 0 ? 0 : 2);
    if (waitpid(pid, &status, 0) != pid) {
        fprintf(stderr, "replay: waitpid: %s\n", strerror(errno));
        return -1;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        fprintf(stderr,
                "replay: %s no longer fails: the bug looks fixed; remove "
                "the \"open-\" prefix from its name so that it guards the "
                "fix\n",
                path);
        return -1;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 2)
        return -1; /* could not read it: reported by run_file */
    open_bugs++;
    printf("%s: open bug, still reproduces (%s %d), as expected\n", path,
           WIFSIGNALED(status) ? "signal" : "exit status",
           WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replay the files of a directory; returns the count or -1. */
static long replay_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    long done = 0;

    if (d == NULL) {
        fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **grown;
            cap = cap == 0 ? 64 : 2 * cap;
            grown = realloc(names, cap * sizeof *names);
            if (grown == NULL)
                break;
            names = grown;
        }
        names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2);
        if (names[n] == NULL)
            break;
        sprintf(names[n], "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n > 0)
        qsort(names, n, sizeof *names, by_name);
    for (i = 0; i < n; i++) {
        struct stat st;
        if (done >= 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            if (replay_file(names[i]) != 0)
                done = -1;
            else
                done++;
        }
        free(names[i]);
    }
    free(names);
    return done;
}

int main(int argc, char **argv)
{
    long total = 0;
    int may_be_missing = 0, i;

    /* Replay checks everything, open bugs included (fuzz.h). */
    unsetenv("FUZZ_SKIP_OPEN");
    for (i = 1; i < argc; i++) {
        struct stat st;
        long n;

        if (strcmp(argv[i], "-m") == 0) {
            may_be_missing = 1;
            continue;
        }
        if (stat(argv[i], &st) != 0) {
            if (errno == ENOENT && may_be_missing)
                continue;
            fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
            return 1;
        }
        if (S_ISDIR(st.st_mode)) {
            n = replay_dir(argv[i]);
        } else {
            n = replay_file(argv[i]) == 0 ? 1 : -1;
        }
        if (n < 0)
            return 1;
        printf("%s: %ld input%s\n", argv[i], n, n == 1 ? "" : "s");
        total += n;
    }
    if (total == 0) {
        fprintf(stderr, "replay: no input replayed\n");
        return 1;
    }
    printf("replayed %ld input%s: %ld open bug%s still reproduce%s, no other "
           "invariant violated\n",
           total, total == 1 ? "" : "s", open_bugs, open_bugs == 1 ? "" : "s",
           open_bugs == 1 ? "s" : "");
    return 0;
}
