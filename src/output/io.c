/* io.c — one transaction over every output of a run (satstat/io.h).
 *
 * Every system call that can fail on a full or broken disk (write, fsync,
 * renameat, mkdirat, openat) is made here and nowhere else, so that the
 * fault-injection test (tests/test_faults.c, linked with -Wl,--wrap) can
 * fail each of them at the N-th call and check that nothing is lost or
 * left half-written.  Streams are fopencookie streams whose writes come
 * back to cookie_write for the same reason, and so that an interrupted
 * write is retried unless the run is being cancelled.
 */
#define _GNU_SOURCE /* fopencookie */
#include <satstat/io.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <satstat/error.h>
#include <satstat/parse.h>
#include "base/error-int.h"

/* ".satstat-" and 8 hex digits: short, so that a target name of up to
 * NAME_MAX bytes still has a temporary name in its folder. */
#define TEMP_NAME_SIZE 20
#define MAX_LINK_HOPS 40

struct satstat_txn_file {
    satstat_txn *t;
    satstat_txn_dir *dir;   /* the figure folder, or NULL for a report   */
    int dir_fd;             /* folder of temp and target; -1: in place   */
    char *name;             /* target's name in dir_fd                   */
    char temp[TEMP_NAME_SIZE]; /* temporary file's name; "" in place     */
    char *shown;            /* the path for messages                     */
    int fd;                 /* descriptor written; -1 before/after       */
    int in_place_fd;        /* in place: the descriptor to dup, or -1    */
    char *in_place_path;    /* in place: the path to open, or NULL       */
    int is_stdout;          /* in place on descriptor 1 itself           */
    FILE *f;
    int err;                /* first errno a write met                   */
    int discarded;
    struct satstat_txn_file *next;
};

struct satstat_txn_dir {
    satstat_txn *t;
    int fd;
    char *path;
    size_t n_created;
    char **created; /* folders made, outermost first */
    struct satstat_txn_dir *next;
};

struct satstat_txn {
    const volatile sig_atomic_t *cancel;
    satstat_txn_file *files, **files_tail;
    satstat_txn_dir *dirs;
};


static const char *quoted(const char *text, char buf[SATSTAT_QUOTE_SIZE])
{
    satstat_quote(text, buf, SATSTAT_QUOTE_SIZE);
    return buf;
}

int satstat_txn_new(const volatile sig_atomic_t *cancel, satstat_txn **out)
{
    if (!out)
        return SATSTAT_EINVAL;
    satstat_txn *t = calloc(1, sizeof *t);
    if (!t)
        return SATSTAT_ENOMEM;
    t->cancel = cancel;
    t->files_tail = &t->files;
    *out = t;
    return SATSTAT_OK;
}

int satstat_txn_cancelled(const satstat_txn *t)
{
    return t && t->cancel && *t->cancel;
}

/* ---- streams -------------------------------------------------------------*/

/* Write everything; an EINTR is retried unless the run is being cancelled
 * (the handlers are installed without SA_RESTART precisely so that a
 * blocked write to a pipe notices the signal).  glibc's cookie contract:
 * return the bytes written, 0 on error. */
static ssize_t cookie_write(void *cookie, const char *buf, size_t size)
{
    satstat_txn_file *f = cookie;
    size_t done = 0;
    while (done < size) {
        /* a cancelled run writes no more: a signal that came before this
         * write, or that cut the last one short (into a pipe or FIFO a
         * signal ends a write early with the count written so far, not
         * with EINTR), would otherwise leave the next write blocked on a
         * full pipe that nobody reads any more */
        if (satstat_txn_cancelled(f->t)) {
            if (!f->err)
                f->err = EINTR;
            errno = f->err;
            return 0;
        }
        ssize_t w = write(f->fd, buf + done, size - done);
        if (w < 0 && errno == EINTR)
            continue; /* cancelled or not: the loop's head decides */
        if (w <= 0) {
            if (!f->err)
                f->err = w < 0 ? errno : EIO;
            errno = f->err;
            return 0;
        }
        done += (size_t)w;
    }
    return (ssize_t)size;
}

static int cookie_close(void *cookie)
{
    (void)cookie; /* the descriptor is the transaction's to close */
    return 0;
}

static int open_stream(satstat_txn_file *f)
{
    cookie_io_functions_t io = {NULL, cookie_write, NULL, cookie_close};
    f->f = fopencookie(f, "w", io);
    return f->f ? SATSTAT_OK : SATSTAT_ENOMEM;
}

/* ---- temporary files -----------------------------------------------------*/

/* Create a temporary file in dir_fd: O_EXCL|O_NOFOLLOW, so that neither a
 * planted link nor another run's file is ever opened; a random name, so
 * that concurrent runs do not collide. */
static int make_temp(int dir_fd, char name[TEMP_NAME_SIZE], mode_t mode)
{
    static const char hex[] = "0123456789abcdef";
    for (int attempt = 0; attempt < 100; attempt++) {
        unsigned char r[4];
        if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            uint32_t x = (uint32_t)ts.tv_nsec ^ ((uint32_t)getpid() << 12) ^ (uint32_t)attempt;
            memcpy(r, &x, sizeof r);
        }
        memcpy(name, ".satstat-", 9);
        for (int i = 0; i < 4; i++) {
            name[9 + 2 * i] = hex[r[i] >> 4];
            name[10 + 2 * i] = hex[r[i] & 15];
        }
        name[17] = '\0';
        int fd = openat(dir_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

static satstat_txn_file *new_file(satstat_txn *t, const char *shown)
{
    satstat_txn_file *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->t = t;
    f->dir_fd = -1;
    f->fd = -1;
    f->in_place_fd = -1;
    f->shown = strdup(shown);
    if (!f->shown) {
        free(f);
        return NULL;
    }
    return f;
}

static void free_file(satstat_txn_file *f)
{
    if (f->f)
        fclose(f->f);
    if (f->fd >= 0 && !f->is_stdout)
        close(f->fd);
    if (f->temp[0])
        unlinkat(f->dir_fd, f->temp, 0);
    if (f->dir_fd >= 0 && !f->dir)
        close(f->dir_fd);
    free(f->name);
    free(f->shown);
    free(f->in_place_path);
    free(f);
}

static void append_file(satstat_txn *t, satstat_txn_file *f)
{
    *t->files_tail = f;
    t->files_tail = &f->next;
}

/* A temporary file for target `name` in dir_fd, with the target's mode
 * when it is an existing regular file (a plain open would keep it). */
static int open_temp(satstat_txn_file *f, char *msg, size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE];
    struct stat st;
    int keep_mode = fstatat(f->dir_fd, f->name, &st, AT_SYMLINK_NOFOLLOW) == 0
                    && S_ISREG(st.st_mode);
    f->fd = make_temp(f->dir_fd, f->temp, 0666);
    if (f->fd < 0) {
        int saved = errno;
        f->temp[0] = '\0';
        satstat__set_msg(msg, msg_size, "cannot write %s: %s", quoted(f->shown, q), strerror(saved));
        errno = saved;
        return SATSTAT_EIO;
    }
    if (keep_mode)
        fchmod(f->fd, st.st_mode & 07777); /* best effort: the content is what matters */
    if (open_stream(f) != SATSTAT_OK) {
        satstat__set_msg(msg, msg_size, "out of memory");
        return SATSTAT_ENOMEM;
    }
    return SATSTAT_OK;
}

/* ---- resolving the report's path -------------------------------------------*/

/* fs.protected_symlinks lets a link be followed when it lies outside a
 * sticky world-writable folder or belongs to the follower; satstat, which
 * replaces what a link points to, asks for both: the link is the caller's
 * own and its folder can be written by no one else (owned by the caller or
 * root, no group or other write bit). */
static int link_trusted(int parent_fd, const char *name)
{
    struct stat link, dir;
    if (fstatat(parent_fd, name, &link, AT_SYMLINK_NOFOLLOW) != 0 || fstat(parent_fd, &dir) != 0)
        return 0;
    uid_t me = geteuid();
    return link.st_uid == me && (dir.st_uid == me || dir.st_uid == 0)
           && !(dir.st_mode & (S_IWGRP | S_IWOTH));
}

/* Split path into its folder (opened) and last component. */
static int open_parent(const char *path, int *dir_fd, char **name)
{
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/')
        len--;
    const char *end = path + len;
    const char *base = end;
    while (base > path && base[-1] != '/')
        base--;
    char *folder = base == path ? strdup(".")
                                : strndup(path, base - path == 1 ? 1 : (size_t)(base - path - 1));
    *name = strndup(base, (size_t)(end - base));
    if (!folder || !*name) {
        free(folder);
        free(*name);
        *name = NULL;
        errno = ENOMEM;
        return SATSTAT_ENOMEM;
    }
    *dir_fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int saved = errno;
    free(folder);
    if (*dir_fd < 0) {
        free(*name);
        *name = NULL;
        errno = saved;
        return SATSTAT_EIO;
    }
    return SATSTAT_OK;
}

/* The open descriptor 0, 1 or 2 that st is, or -1: a writable one first;
 * else 1 or 2 even when read-only (the program holds a closed stdout open
 * on /dev/null, read-only, so that writing to it fails as it should). */
static int standard_descriptor(const struct stat *st)
{
    int read_only = -1;
    for (int fd = 0; fd <= 2; fd++) {
        struct stat s;
        int flags = fcntl(fd, F_GETFL);
        if (flags < 0 || fstat(fd, &s) != 0 || s.st_dev != st->st_dev || s.st_ino != st->st_ino)
            continue;
        if ((flags & O_ACCMODE) != O_RDONLY)
            return fd;
        if (fd > 0 && read_only < 0)
            read_only = fd;
    }
    return read_only;
}

/* The descriptor a path names by its spelling: /dev/stdin, /dev/stdout,
 * /dev/stderr, /dev/fd/N, /proc/self/fd/N; else -1.  Matching these by
 * what they resolve to is not enough: with stdout on /dev/null and stdin
 * too, /dev/stdout "is" stdin. */
static int named_descriptor(const char *path)
{
    static const char *const std_names[] = {"/dev/stdin", "/dev/stdout", "/dev/stderr"};
    for (int fd = 0; fd <= 2; fd++)
        if (strcmp(path, std_names[fd]) == 0)
            return fd;
    static const char *const prefixes[] = {"/dev/fd/", "/proc/self/fd/"};
    for (size_t i = 0; i < 2; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(path, prefixes[i], n) == 0 && path[n] >= '0' && path[n] <= '9') {
            char *end;
            long fd = strtol(path + n, &end, 10);
            if (*end == '\0' && fd <= INT_MAX)
                return (int)fd;
        }
    }
    return -1;
}

int satstat_txn_add_file(satstat_txn *t, const char *path, satstat_txn_file **out,
                         char *msg, size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE], q2[SATSTAT_QUOTE_SIZE];
    satstat__set_msg(msg, msg_size, "%s", "");
    if (!t || !out)
        return SATSTAT_EINVAL;
    *out = NULL;
    int is_stdout = !path || strcmp(path, "-") == 0;
    if (!is_stdout && !*path) {
        satstat__set_msg(msg, msg_size, "empty file name");
        return SATSTAT_EINVAL;
    }
    satstat_txn_file *f = new_file(t, is_stdout ? "standard output" : path);
    if (!f) {
        satstat__set_msg(msg, msg_size, "out of memory");
        return SATSTAT_ENOMEM;
    }
    struct stat st;
    if (is_stdout) {
        f->in_place_fd = STDOUT_FILENO;
        f->is_stdout = 1;
    } else if (named_descriptor(path) >= 0) {
        f->in_place_fd = named_descriptor(path);
        f->is_stdout = f->in_place_fd == STDOUT_FILENO;
    } else if (stat(path, &st) == 0 && standard_descriptor(&st) >= 0) {
        /* /dev/stdout, or the file stdout is redirected to: written through
         * that descriptor, so an append redirection keeps appending */
        f->in_place_fd = standard_descriptor(&st);
        f->is_stdout = f->in_place_fd == STDOUT_FILENO;
    } else {
        /* follow the chain of links by hand, checking each one */
        char *cur = strdup(path);
        int rc = cur ? SATSTAT_OK : SATSTAT_ENOMEM;
        int hops = 0;
        while (rc == SATSTAT_OK) {
            int dir_fd;
            char *name;
            rc = open_parent(cur, &dir_fd, &name);
            if (rc != SATSTAT_OK) {
                satstat__set_msg(msg, msg_size, "cannot write %s: %s", quoted(path, q), strerror(errno));
                break;
            }
            struct stat lst;
            if (fstatat(dir_fd, name, &lst, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISLNK(lst.st_mode)) {
                int exists = fstatat(dir_fd, name, &lst, AT_SYMLINK_NOFOLLOW) == 0;
                if (exists && S_ISDIR(lst.st_mode)) {
                    satstat__set_msg(msg, msg_size, "cannot write %s: %s", quoted(path, q),
                            strerror(EISDIR));
                    errno = EISDIR;
                    rc = SATSTAT_EIO;
                } else if (exists && !S_ISREG(lst.st_mode)) {
                    /* a device, FIFO or socket: written in place */
                    f->in_place_path = cur;
                    cur = NULL;
                } else {
                    f->dir_fd = dir_fd;
                    f->name = name;
                    dir_fd = -1;
                    name = NULL;
                    /* created now: the folder is proved writable before the work */
                    rc = open_temp(f, msg, msg_size);
                }
                if (dir_fd >= 0)
                    close(dir_fd);
                free(name);
                break;
            }
            if (!link_trusted(dir_fd, name)) {
                satstat__set_msg(msg, msg_size,
                        "%s is a symbolic link owned by another user or in a folder others can "
                        "write; not followed (give the target's own path)",
                        quoted(cur, q));
                rc = SATSTAT_EINVAL;
            } else if (++hops > MAX_LINK_HOPS) {
                satstat__set_msg(msg, msg_size, "cannot write %s: %s", quoted(path, q), strerror(ELOOP));
                rc = SATSTAT_EINVAL;
            } else {
                char target[PATH_MAX];
                ssize_t n = readlinkat(dir_fd, name, target, sizeof target - 1);
                if (n < 0) {
                    satstat__set_msg(msg, msg_size, "cannot write %s: %s", quoted(path, q),
                            strerror(errno));
                    rc = SATSTAT_EIO;
                } else {
                    target[n] = '\0';
                    /* a relative target is relative to the link's folder */
                    size_t folder_len = (size_t)(strrchr(cur, '/') ? strrchr(cur, '/') - cur + 1 : 0);
                    size_t size = folder_len + (size_t)n + 1;
                    char *next = malloc(size);
                    if (!next) {
                        rc = SATSTAT_ENOMEM;
                    } else {
                        if (target[0] == '/')
                            snprintf(next, size, "%s", target);
                        else
                            snprintf(next, size, "%.*s%s", (int)folder_len, cur, target);
                        struct stat tst;
                        if (stat(next, &tst) != 0 && (errno == ENOENT || errno == ENOTDIR)) {
                            satstat__set_msg(msg, msg_size,
                                    "%s is a dangling symbolic link (to %s); not replaced by a "
                                    "file",
                                    quoted(cur, q), quoted(target, q2));
                            rc = SATSTAT_EINVAL;
                        }
                        free(cur);
                        cur = next;
                    }
                }
            }
            close(dir_fd);
            free(name);
        }
        free(cur);
        if (rc == SATSTAT_ENOMEM)
            satstat__set_msg(msg, msg_size, "out of memory");
        if (rc != SATSTAT_OK) {
            int saved = errno;
            free_file(f);
            errno = saved;
            return rc;
        }
    }
    append_file(t, f);
    *out = f;
    return SATSTAT_OK;
}

int satstat_txn_file_stream(satstat_txn_file *f, FILE **stream, char *msg, size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE];
    if (!f || !stream)
        return SATSTAT_EINVAL;
    *stream = NULL;
    if (!f->f) {
        if (f->is_stdout) {
            fflush(stdout); /* what the program printed before comes first */
            f->fd = STDOUT_FILENO;
        } else if (f->in_place_fd >= 0) {
            f->fd = fcntl(f->in_place_fd, F_DUPFD_CLOEXEC, 3);
        } else if (f->in_place_path) {
            /* a FIFO blocks here until it has a reader; the signal handlers
             * have no SA_RESTART, so a signal ends the wait */
            do
                f->fd = open(f->in_place_path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
            while (f->fd < 0 && errno == EINTR && !satstat_txn_cancelled(f->t));
        }
        if (f->fd < 0) {
            int saved = errno;
            if (satstat_txn_cancelled(f->t))
                return SATSTAT_ECANCELED;
            satstat__set_msg(msg, msg_size, "cannot write %s: %s", quoted(f->shown, q), strerror(saved));
            errno = saved;
            return SATSTAT_EIO;
        }
        if (open_stream(f) != SATSTAT_OK) {
            satstat__set_msg(msg, msg_size, "out of memory");
            return SATSTAT_ENOMEM;
        }
    }
    *stream = f->f;
    return SATSTAT_OK;
}

const char *satstat_txn_file_name(const satstat_txn_file *f)
{
    return f ? f->shown : NULL;
}

int satstat_txn_file_fd(const satstat_txn_file *f)
{
    return f ? f->fd : -1;
}

int satstat_txn_file_flush(satstat_txn_file *f)
{
    if (!f || !f->f)
        return SATSTAT_EINVAL;
    int failed = fflush(f->f) != 0 || ferror(f->f) || f->err;
    if (satstat_txn_cancelled(f->t))
        return SATSTAT_ECANCELED;
    if (failed) {
        errno = f->err ? f->err : EIO;
        return SATSTAT_EIO;
    }
    return SATSTAT_OK;
}

void satstat_txn_file_discard(satstat_txn_file *f)
{
    if (!f || f->discarded)
        return;
    if (f->f)
        fclose(f->f);
    f->f = NULL;
    if (f->fd >= 0 && !f->is_stdout)
        close(f->fd);
    f->fd = -1;
    if (f->temp[0])
        unlinkat(f->dir_fd, f->temp, 0);
    f->temp[0] = '\0';
    f->discarded = 1;
}

/* ---- figure folders ------------------------------------------------------*/

static void free_dir(satstat_txn_dir *d, int remove_created)
{
    if (d->fd >= 0)
        close(d->fd);
    for (size_t i = d->n_created; i-- > 0;) {
        if (remove_created)
            rmdir(d->created[i]); /* fails, harmlessly, if another run wrote there */
        free(d->created[i]);
    }
    free(d->created);
    free(d->path);
    free(d);
}

/* Open the folder `name` in parent_fd: not following a link unless it is
 * trusted. */
static int open_folder(int parent_fd, const char *name)
{
    int fd = openat(parent_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && (errno == ELOOP || errno == ENOTDIR)) {
        int saved = errno;
        struct stat lst;
        if (fstatat(parent_fd, name, &lst, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(lst.st_mode)) {
            if (!link_trusted(parent_fd, name)) {
                errno = ELOOP;
                return -2;
            }
            return openat(parent_fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        }
        errno = saved;
    }
    return fd;
}

/* mkdir -p through descriptors, recording the folders made. */
static int make_folders(satstat_txn_dir *d, const char *dir)
{
    char *p = strdup(dir);
    if (!p)
        return SATSTAT_ENOMEM;
    int parent = open(*p == '/' ? "/" : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int rc = parent >= 0 ? SATSTAT_OK : SATSTAT_EIO;
    size_t len = strlen(p), start = 0;
    while (rc == SATSTAT_OK) {
        while (start < len && p[start] == '/')
            start++;
        if (start >= len)
            break;
        size_t end = start;
        while (end < len && p[end] != '/')
            end++;
        p[end] = '\0';
        const char *comp = p + start;
        int last = end >= len || strspn(p + end + 1, "/") == len - end - 1;
        if (mkdirat(parent, comp, 0777) == 0) {
            char **grown = realloc(d->created, (d->n_created + 1) * sizeof *grown);
            char *made = strdup(p);
            if (!grown || !made) {
                free(made);
                if (grown)
                    d->created = grown;
                rmdir(p);
                rc = SATSTAT_ENOMEM;
                break;
            }
            d->created = grown;
            d->created[d->n_created++] = made;
        } else if (errno != EEXIST) {
            rc = SATSTAT_EIO;
            break;
        }
        int next = last ? open_folder(parent, comp)
                        : openat(parent, comp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (next < 0) {
            rc = next == -2 ? SATSTAT_EINVAL : SATSTAT_EIO;
            break;
        }
        close(parent);
        parent = next;
        if (end < len)
            p[end] = '/';
        start = end + 1;
    }
    int saved = errno;
    if (rc == SATSTAT_OK)
        d->fd = parent;
    else if (parent >= 0)
        close(parent);
    free(p);
    errno = saved;
    return rc;
}

int satstat_txn_add_dir(satstat_txn *t, const char *dir, satstat_txn_dir **out, char *msg,
                        size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE];
    satstat__set_msg(msg, msg_size, "%s", "");
    if (!t || !out || !dir || !*dir) {
        satstat__set_msg(msg, msg_size, "no directory given");
        return SATSTAT_EINVAL;
    }
    *out = NULL;
    satstat_txn_dir *d = calloc(1, sizeof *d);
    if (!d || !(d->path = strdup(dir))) {
        free(d);
        satstat__set_msg(msg, msg_size, "out of memory");
        return SATSTAT_ENOMEM;
    }
    d->t = t;
    d->fd = -1;
    int rc = make_folders(d, dir);
    if (rc != SATSTAT_OK) {
        int saved = errno;
        if (rc == SATSTAT_EINVAL)
            satstat__set_msg(msg, msg_size,
                    "%s is a symbolic link owned by another user or in a folder others can "
                    "write; not followed",
                    quoted(dir, q));
        else
            satstat__set_msg(msg, msg_size, "cannot create directory %s: %s", quoted(dir, q),
                    strerror(rc == SATSTAT_ENOMEM ? ENOMEM : saved));
        free_dir(d, 1);
        errno = saved;
        return rc;
    }
    d->next = t->dirs;
    t->dirs = d;
    *out = d;
    return SATSTAT_OK;
}

int satstat_txn_dir_create(satstat_txn_dir *d, const char *name, satstat_txn_file **out,
                           FILE **stream, char *msg, size_t msg_size)
{
    satstat__set_msg(msg, msg_size, "%s", "");
    if (!d || !name || !*name || strchr(name, '/') || !out || !stream)
        return SATSTAT_EINVAL;
    *out = NULL;
    *stream = NULL;
    size_t n = strlen(d->path) + strlen(name) + 2;
    char *shown = malloc(n);
    if (shown)
        snprintf(shown, n, "%s%s%s", d->path, d->path[strlen(d->path) - 1] == '/' ? "" : "/",
                 name);
    satstat_txn_file *f = shown ? new_file(d->t, shown) : NULL;
    free(shown);
    if (f)
        f->name = strdup(name);
    if (!f || !f->name) {
        if (f)
            free_file(f);
        satstat__set_msg(msg, msg_size, "out of memory");
        return SATSTAT_ENOMEM;
    }
    f->dir = d;
    f->dir_fd = d->fd;
    int rc = open_temp(f, msg, msg_size);
    if (rc != SATSTAT_OK) {
        int saved = errno;
        free_file(f);
        errno = saved;
        return rc;
    }
    append_file(d->t, f);
    *out = f;
    *stream = f->f;
    return SATSTAT_OK;
}

satstat_txn *satstat_txn_dir_txn(const satstat_txn_dir *d)
{
    return d ? d->t : NULL;
}

const char *satstat_txn_dir_path(const satstat_txn_dir *d)
{
    return d ? d->path : NULL;
}

int satstat_txn_dir_fd(const satstat_txn_dir *d)
{
    return d ? d->fd : -1;
}

int satstat_txn_dir_source(const satstat_txn_dir *d, const char *name, char *buf, size_t size)
{
    if (!d || !name || !buf || !size)
        return SATSTAT_EINVAL;
    const char *now = name;
    for (const satstat_txn_file *f = d->t->files; f; f = f->next)
        if (f->dir == d && !f->discarded && f->temp[0] && strcmp(f->name, name) == 0)
            now = f->temp;
    int n = snprintf(buf, size, "./%s", now);
    return n >= 0 && (size_t)n < size ? SATSTAT_OK : SATSTAT_ERANGE;
}

/* ---- commit and abort ------------------------------------------------------*/

void satstat_txn_abort(satstat_txn *t)
{
    if (!t)
        return;
    while (t->files) {
        satstat_txn_file *f = t->files;
        t->files = f->next;
        free_file(f);
    }
    while (t->dirs) {
        satstat_txn_dir *d = t->dirs;
        t->dirs = d->next;
        free_dir(d, 1);
    }
    free(t);
}

/* Flush, sync and close one file; its temporary file stays for the
 * rename. */
static int finish_file(satstat_txn_file *f)
{
    int err = 0;
    if (f->f) {
        if ((fflush(f->f) != 0 || ferror(f->f) || f->err) && !err)
            err = f->err ? f->err : EIO;
        if (fclose(f->f) != 0 && !err)
            err = f->err ? f->err : EIO;
        f->f = NULL;
    }
    if (f->temp[0] && !err) {
        int r;
        do
            r = fsync(f->fd);
        while (r != 0 && errno == EINTR && !satstat_txn_cancelled(f->t));
        if (r != 0)
            err = errno;
    }
    if (f->fd >= 0 && !f->is_stdout && close(f->fd) != 0 && !err && errno != EINTR)
        err = errno;
    f->fd = -1;
    errno = err;
    return err ? SATSTAT_EIO : SATSTAT_OK;
}

int satstat_txn_commit(satstat_txn *t, char *msg, size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE];
    satstat__set_msg(msg, msg_size, "%s", "");
    if (!t)
        return SATSTAT_EINVAL;
    int rc = SATSTAT_OK;
    for (satstat_txn_file *f = t->files; f && rc == SATSTAT_OK; f = f->next) {
        if (f->discarded)
            continue;
        struct stat st;
        if (f->temp[0] && fstatat(f->dir_fd, f->name, &st, AT_SYMLINK_NOFOLLOW) == 0
            && S_ISDIR(st.st_mode)) {
            /* caught now, before any rename, so that it is all or none */
            rc = SATSTAT_EIO;
            satstat__set_msg(msg, msg_size, "cannot write %s: %s", quoted(f->shown, q), strerror(EISDIR));
            errno = EISDIR;
        } else if (finish_file(f) != SATSTAT_OK) {
            int saved = errno;
            rc = satstat_txn_cancelled(t) && saved == EINTR ? SATSTAT_ECANCELED : SATSTAT_EIO;
            satstat__set_msg(msg, msg_size, "cannot write %s: %s", quoted(f->shown, q), strerror(saved));
            errno = saved;
        }
    }
    if (rc != SATSTAT_OK) {
        int saved = errno;
        satstat_txn_abort(t);
        errno = saved;
        return rc;
    }
    /* The commit: renames only, with every signal blocked, after one last
     * look at the cancel flag.  A signal that came before is honoured
     * (nothing replaced); one that comes now waits until every target is
     * replaced, and the run's own exit status stands. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    if (satstat_txn_cancelled(t)) {
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        satstat_txn_abort(t);
        return SATSTAT_ECANCELED;
    }
    int saved = 0;
    for (satstat_txn_file *f = t->files; f; f = f->next) {
        if (f->discarded || !f->temp[0] || rc != SATSTAT_OK)
            continue;
        if (renameat(f->dir_fd, f->temp, f->dir_fd, f->name) != 0) {
            saved = errno;
            rc = SATSTAT_EIO;
            satstat__set_msg(msg, msg_size, "cannot write %s: %s", quoted(f->shown, q), strerror(saved));
        } else {
            f->temp[0] = '\0';
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != SATSTAT_OK) {
        /* the targets renamed so far are whole new files; the others keep
         * their old content, their temporary files go, and so do the
         * folders made for them (rmdir spares those that hold a file) */
        satstat_txn_abort(t);
        errno = saved;
        return rc;
    }
    /* the folders now hold the renamed files: they are kept */
    for (satstat_txn_dir *d = t->dirs; d; d = d->next) {
        for (size_t i = 0; i < d->n_created; i++)
            free(d->created[i]);
        d->n_created = 0;
    }
    satstat_txn_abort(t); /* only frees now: nothing temporary is left */
    return SATSTAT_OK;
}
