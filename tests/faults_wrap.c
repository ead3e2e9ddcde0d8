/* faults_wrap.c — the failing system calls of the fault-injection test
 * (test_faults.c).  Linked into satstat-faults, a satstat built from the
 * same objects with -Wl,--wrap=write,... (tests/meson.build): every call
 * src/output/io.c makes to write, fsync, renameat, mkdirat and openat(64) comes here
 * first.  (An LD_PRELOAD shim would clash with ASan, which wants to be
 * first in the preload list.)
 *
 * SATSTAT_FAULT="CALL:N:ERRNO" (e.g. "write:12:ENOSPC") fails the N-th call
 * of CALL with ERRNO, once; at exit the number of calls of CALL and
 * whether the fault fired are written to the file SATSTAT_FAULT_LOG, so
 * the test knows when N has passed the last call.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t __real_write(int fd, const void *buf, size_t n);
int __real_fsync(int fd);
int __real_renameat(int from_dir, const char *from, int to_dir, const char *to);
int __real_mkdirat(int dir, const char *path, mode_t mode);
int __real_openat64(int dir, const char *path, int flags, ...);

ssize_t __wrap_write(int fd, const void *buf, size_t n);
int __wrap_fsync(int fd);
int __wrap_renameat(int from_dir, const char *from, int to_dir, const char *to);
int __wrap_mkdirat(int dir, const char *path, mode_t mode);
int __wrap_openat64(int dir, const char *path, int flags, ...);

static struct {
    int loaded;
    char call[16];
    long n;     /* fail the n-th call (1-based) */
    int err;
    long calls; /* calls of `call` so far */
    int fired;
} plan;

static int errno_named(const char *name)
{
    static const struct {
        const char *name;
        int value;
    } known[] = {{"ENOSPC", ENOSPC}, {"EIO", EIO}, {"EINTR", EINTR}, {"EDQUOT", EDQUOT}};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(name, known[i].name) == 0)
            return known[i].value;
    return 0;
}

static void load_plan(void)
{
    if (plan.loaded)
        return;
    plan.loaded = 1;
    const char *spec = getenv("SATSTAT_FAULT");
    char name[16];
    if (spec && sscanf(spec, "%15[a-z]:%ld:%15[A-Z]", plan.call, &plan.n, name) == 3)
        plan.err = errno_named(name);
    if (!plan.err)
        plan.call[0] = '\0';
}

/* Whether this call of `call` is the one to fail (errno then set). */
static int inject(const char *call)
{
    load_plan();
    if (!plan.call[0] || strcmp(call, plan.call) != 0)
        return 0;
    if (++plan.calls != plan.n)
        return 0;
    plan.fired = 1;
    errno = plan.err;
    return 1;
}

__attribute__((destructor)) static void write_log(void)
{
    const char *log = getenv("SATSTAT_FAULT_LOG");
    load_plan();
    if (!log || !plan.call[0])
        return;
    int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    char line[64];
    int len = snprintf(line, sizeof line, "%ld %d\n", plan.calls, plan.fired);
    if (len > 0)
        __real_write(fd, line, (size_t)len);
    close(fd);
}

ssize_t __wrap_write(int fd, const void *buf, size_t n)
{
    return inject("write") ? -1 : __real_write(fd, buf, n);
}

int __wrap_fsync(int fd)
{
    return inject("fsync") ? -1 : __real_fsync(fd);
}

int __wrap_renameat(int from_dir, const char *from, int to_dir, const char *to)
{
    return inject("renameat") ? -1 : __real_renameat(from_dir, from, to_dir, to);
}

int __wrap_mkdirat(int dir, const char *path, mode_t mode)
{
    return inject("mkdirat") ? -1 : __real_mkdirat(dir, path, mode);
}

/* openat: <fcntl.h> names it openat64 under _FILE_OFFSET_BITS=64, the
 * project's setting. */
int __wrap_openat64(int dir, const char *path, int flags, ...)
{
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    return inject("openat") ? -1 : __real_openat64(dir, path, flags, mode);
}
