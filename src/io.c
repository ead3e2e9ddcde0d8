/* io.c — temp-file-and-rename output (satstat/io.h). */
#define _XOPEN_SOURCE 700 /* realpath */
#include <satstat/io.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <satstat/error.h>

struct satstat_output {
    FILE *f;
    char *final_path; /* rename target; NULL when written in place      */
    char *temp_path;  /* NULL when written in place                     */
    int is_stdout;
};

static char *dup_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* The file a rename must replace: the target of a symlink to a regular
 * file, else the path itself. */
static char *rename_target(const char *path, const struct stat *lst)
{
    if (S_ISLNK(lst->st_mode)) {
        char *real = realpath(path, NULL);
        if (real)
            return real;
    }
    return dup_string(path);
}

static int open_temp(satstat_output *o, const char *target)
{
    const char *slash = strrchr(target, '/');
    size_t dir_len = slash ? (size_t)(slash - target) + 1 : 0;
    const char *base = slash ? slash + 1 : target;
    size_t n = dir_len + strlen(base) + 16;
    o->temp_path = malloc(n);
    if (!o->temp_path)
        return SATSTAT_ENOMEM;
    snprintf(o->temp_path, n, "%.*s.%s.XXXXXX", (int)dir_len, target, base);
    int fd = mkstemp(o->temp_path);
    if (fd < 0) {
        free(o->temp_path);
        o->temp_path = NULL;
        return SATSTAT_EIO;
    }
    /* mkstemp makes 0600; give the file the mode a plain open would */
    mode_t mask = umask(0);
    umask(mask);
    struct stat st;
    mode_t mode = stat(target, &st) == 0 ? (st.st_mode & 07777) : (0666 & ~mask);
    if (fchmod(fd, mode) != 0 || !(o->f = fdopen(fd, "w"))) {
        int saved = errno;
        close(fd);
        unlink(o->temp_path);
        free(o->temp_path);
        o->temp_path = NULL;
        errno = saved;
        return SATSTAT_EIO;
    }
    return SATSTAT_OK;
}

int satstat_output_open(const char *path, satstat_output **out)
{
    if (!out)
        return SATSTAT_EINVAL;
    *out = NULL;
    satstat_output *o = calloc(1, sizeof *o);
    if (!o)
        return SATSTAT_ENOMEM;
    if (!path || strcmp(path, "-") == 0) {
        o->f = stdout;
        o->is_stdout = 1;
        *out = o;
        return SATSTAT_OK;
    }
    if (!*path) {
        free(o);
        errno = ENOENT;
        return SATSTAT_EIO;
    }
    struct stat lst, st;
    int exists = lstat(path, &lst) == 0;
    int in_place = 0;
    if (exists) {
        int target_ok = stat(path, &st) == 0;
        if (target_ok && S_ISDIR(st.st_mode)) {
            free(o);
            errno = EISDIR;
            return SATSTAT_EIO;
        }
        /* devices, FIFOs, sockets: write in place, never rename over */
        in_place = target_ok && !S_ISREG(st.st_mode);
    }
    int rc;
    if (in_place) {
        o->f = fopen(path, "w");
        rc = o->f ? SATSTAT_OK : SATSTAT_EIO;
    } else {
        o->final_path = exists ? rename_target(path, &lst) : dup_string(path);
        rc = o->final_path ? open_temp(o, o->final_path) : SATSTAT_ENOMEM;
    }
    if (rc != SATSTAT_OK) {
        int saved = errno;
        free(o->final_path);
        free(o);
        errno = saved;
        return rc;
    }
    *out = o;
    return SATSTAT_OK;
}

FILE *satstat_output_stream(satstat_output *o)
{
    return o ? o->f : NULL;
}

static void release(satstat_output *o)
{
    free(o->final_path);
    free(o->temp_path);
    free(o);
}

int satstat_output_commit(satstat_output *o)
{
    if (!o)
        return SATSTAT_EINVAL;
    int rc = SATSTAT_OK, saved = 0;
    if (fflush(o->f) != 0 || ferror(o->f)) {
        rc = SATSTAT_EIO;
        saved = errno ? errno : EIO;
    }
    if (o->is_stdout) {
        release(o);
        errno = saved;
        return rc;
    }
    if (rc == SATSTAT_OK && o->temp_path && fsync(fileno(o->f)) != 0) {
        rc = SATSTAT_EIO;
        saved = errno;
    }
    if (fclose(o->f) != 0 && rc == SATSTAT_OK) {
        rc = SATSTAT_EIO;
        saved = errno;
    }
    if (o->temp_path) {
        if (rc == SATSTAT_OK && rename(o->temp_path, o->final_path) != 0) {
            rc = SATSTAT_EIO;
            saved = errno;
        }
        if (rc != SATSTAT_OK)
            unlink(o->temp_path);
    }
    release(o);
    errno = saved;
    return rc;
}

void satstat_output_abort(satstat_output *o)
{
    if (!o)
        return;
    if (!o->is_stdout) {
        fclose(o->f);
        if (o->temp_path)
            unlink(o->temp_path);
    }
    release(o);
}
