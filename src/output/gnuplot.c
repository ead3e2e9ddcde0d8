/* gnuplot.c — what every figure of the library shares with gnuplot
 * (gnuplot-int.h): the output settings each script begins with, and
 * running gnuplot on the scripts.
 *
 * Rendering runs gnuplot (posix_spawnp, found on PATH at run time) in the
 * figure folder (the transaction's folder descriptor), on the script's
 * name as "./NAME" so that no name is ever taken for an option, with its
 * standard output going to the image's temporary file and its standard
 * error captured.  Each gnuplot is the leader of its own process group, so
 * that a cancelled run stops it, and whatever it started, at once.
 */
#define _GNU_SOURCE /* posix_spawn_file_actions_addfchdir_np */
#include "output/gnuplot-int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <satstat/error.h>
#include <satstat/parse.h>
#include "base/error-int.h"

extern char **environ;

/* How often a waiting render looks at the cancel flag: a signal is acted
 * on within this time even when it arrives just before poll(). */
#define CANCEL_POLL_MS 50


void satstat__gp_output_defaults(FILE *f, const char *name, unsigned width,
                                 unsigned height)
{
    fprintf(f, "if (!exists('format')) format = 'png'\n");
    fprintf(f, "if (!exists('output')) output = '%s.' . format\n", name);
    fprintf(f, "if (!exists('width')) width = %u\n", width);
    fprintf(f, "if (!exists('height')) height = %u\n", height);
}

void satstat__gp_terminal(FILE *f)
{
    /* enhanced text on every terminal: labels are typeset (σ_{w}^{2}) the
     * same in PNG, SVG and PDF; plain text is written escaped.  The svg
     * and pdfcairo terminals' dashes at the PNG's line widths were half
     * the pngcairo's: dashtype 2 repeated every 30 px of 1050 at 3.5 in
     * against 61, a short dash where the PNG has a long one (figure review
     * 8, S5); dashlength 2 gives 61 (dashtype 3's dots 19 and 21 against
     * 16, where they were 10 and 11).  A dash pattern of the script's own
     * (dashtype (6 * dash_unit, 4 * dash_unit)) the svg terminal scales
     * by dashlength and twice the pngcairo's, pdfcairo by dashlength:
     * dash_unit keeps it the PNG's (fig3's φ′ repeated every 62 and 35 px
     * where the PNG's does every 16). */
    fputs("dash_unit = (format eq 'svg') ? 0.25 : (format eq 'pdf') ? 0.5 : 1\n"
          "if (format eq 'png') {\n"
          "    set terminal pngcairo size width, height font fontspec linewidth scale * linescale enhanced\n"
          "}\n"
          "if (format eq 'svg') {\n"
          "    set terminal svg size width * 96. / dpi, height * 96. / dpi font fontspec fontscale svg_vchar linewidth scale * linescale enhanced dashlength 2\n"
          "}\n"
          "if (format eq 'pdf') {\n"
          "    set terminal pdfcairo size width / (1. * dpi), height / (1. * dpi) font fontspec linewidth scale * linescale enhanced dashlength 2\n"
          "}\n"
          "if (format ne 'png' && format ne 'svg' && format ne 'pdf') {\n"
          "    exit error sprintf('unknown format %s: use png, svg or pdf', format)\n"
          "}\n"
          "if (output eq '') { set output } else { set output output }\n",
          f);
}

/* ======================================================================
 * Rendering
 * ====================================================================== */

int satstat_gnuplot_find(const char *program, char *buf, size_t size)
{
    if (!program)
        program = "gnuplot";
    if (!*program)
        return SATSTAT_EIO;
    if (strchr(program, '/')) {
        if (access(program, X_OK) != 0)
            return SATSTAT_EIO;
        if (buf && size)
            snprintf(buf, size, "%s", program);
        return SATSTAT_OK;
    }
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/local/bin:/usr/bin:/bin"; /* glibc's default for posix_spawnp */
    const char *p = path;
    for (;;) {
        const char *end = strchr(p, ':');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char cand[PATH_MAX];
        int n = len ? snprintf(cand, sizeof cand, "%.*s/%s", (int)len, p, program)
                    : snprintf(cand, sizeof cand, "%s", program); /* empty entry: "." */
        struct stat st;
        if (n > 0 && (size_t)n < sizeof cand && stat(cand, &st) == 0 && S_ISREG(st.st_mode)
            && access(cand, X_OK) == 0) {
            if (buf && size)
                snprintf(buf, size, "%s", cand);
            return SATSTAT_OK;
        }
        if (!end)
            break;
        p = end + 1;
    }
    return SATSTAT_EIO;
}

/* Trim trailing newlines and blanks. */
static void trim(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

/* One gnuplot run: started, then its standard error drained and its exit
 * collected.  Several can run at once (satstat__gp_render_dir). */
typedef struct job {
    const char *program;
    char script[PATH_MAX]; /* as passed to gnuplot: never starts with '-'  */
    const char *shown;     /* the script's name in messages               */
    int cwd_fd;            /* folder gnuplot runs in; -1: ours           */
    int image_fd;
    pid_t pid;
    int err_fd;      /* read end of gnuplot's standard error; -1 when closed */
    char err[4096];  /* what gnuplot printed, as much as fits */
    size_t got;
    int rc;          /* SATSTAT_* once finished                  */
    char msg[SATSTAT_ERRMSG_SIZE * 2];
} job;

/* Spawn gnuplot on job->script with its standard output going to the
 * image and its standard error to a pipe. */
static int job_start(job *j, satstat_render_format format)
{
    char sq[SATSTAT_QUOTE_SIZE];
    satstat_quote(j->shown, sq, sizeof sq);
    j->pid = -1;
    j->err_fd = -1;
    j->got = 0;
    j->err[0] = '\0';
    int err_pipe[2];
    if (pipe2(err_pipe, O_CLOEXEC) != 0) {
        snprintf(j->msg, sizeof j->msg, "cannot run %s: %s", j->program, strerror(errno));
        return j->rc = SATSTAT_EIO;
    }
    char setting[64];
    snprintf(setting, sizeof setting, "format='%s'; output=''", satstat_render_format_name(format));
    char *argv[] = {(char *)j->program, (char *)"-e", setting, j->script, NULL};

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, j->image_fd, 1);
    posix_spawn_file_actions_adddup2(&fa, err_pipe[1], 2);
    if (j->cwd_fd >= 0)
        posix_spawn_file_actions_addfchdir_np(&fa, j->cwd_fd);
    /* its own process group: a cancelled run kills it and its children;
     * the caller's signal handlers are not inherited past exec anyway */
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);
    posix_spawnattr_setpgroup(&attr, 0);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    int sp = posix_spawnp(&j->pid, j->program, &fa, &attr, argv, environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&fa);
    close(err_pipe[1]);
    if (sp != 0) {
        close(err_pipe[0]);
        j->pid = -1;
        if (sp == ENOENT)
            snprintf(j->msg, sizeof j->msg,
                     "%s not found on PATH: install gnuplot (e.g. apt-get install gnuplot-nox)",
                     j->program);
        else
            snprintf(j->msg, sizeof j->msg, "cannot run %s: %s", j->program, strerror(sp));
        return j->rc = SATSTAT_EIO;
    }
    j->err_fd = err_pipe[0];
    return j->rc = SATSTAT_OK;
}

/* Read what is there on the job's standard error; at end of file close
 * it.  Keeps what fits, drains the rest. */
static void job_read(job *j)
{
    char chunk[1024];
    ssize_t r = read(j->err_fd, chunk, sizeof chunk);
    if (r < 0 && errno == EINTR)
        return;
    if (r <= 0) {
        close(j->err_fd);
        j->err_fd = -1;
        return;
    }
    size_t take = (size_t)r;
    if (j->got + take > sizeof j->err - 1)
        take = sizeof j->err - 1 - j->got;
    memcpy(j->err + j->got, chunk, take);
    j->got += take;
    j->err[j->got] = '\0';
}

static pid_t wait_for(pid_t pid, int *status)
{
    pid_t w;
    do
        w = waitpid(pid, status, 0);
    while (w < 0 && errno == EINTR);
    return w;
}

/* Collect the exit of a job whose standard error is closed; set rc and
 * msg (on success msg holds the warnings, if any). */
static void job_finish(job *j)
{
    char sq[SATSTAT_QUOTE_SIZE];
    satstat_quote(j->shown, sq, sizeof sq);
    int status;
    pid_t w = wait_for(j->pid, &status);
    j->pid = -1;
    trim(j->err);
    const char *sep = j->err[0] ? ": " : "";
    j->rc = SATSTAT_EIO;
    if (w < 0) {
        snprintf(j->msg, sizeof j->msg, "cannot wait for %s: %s", j->program, strerror(errno));
    } else if (WIFSIGNALED(status)) {
        snprintf(j->msg, sizeof j->msg, "%s was killed by signal %d on %s%s%.300s", j->program,
                 WTERMSIG(status), sq, sep, j->err);
    } else if (WEXITSTATUS(status) == 127
               && satstat_gnuplot_find(j->program, NULL, 0) != SATSTAT_OK) {
        /* some C libraries report a failed exec as exit 127 of the child */
        snprintf(j->msg, sizeof j->msg,
                 "%s not found on PATH: install gnuplot (e.g. apt-get install gnuplot-nox)",
                 j->program);
    } else if (WEXITSTATUS(status) != 0) {
        snprintf(j->msg, sizeof j->msg, "%s failed on %s (exit %d)%s%.300s", j->program, sq,
                 WEXITSTATUS(status), sep, j->err);
    } else {
        struct stat st;
        if (fstat(j->image_fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0) {
            snprintf(j->msg, sizeof j->msg, "%s wrote no image for %s%s%.300s", j->program, sq,
                     sep, j->err);
        } else {
            snprintf(j->msg, sizeof j->msg, "%.300s", j->err); /* warnings, if any */
            j->rc = SATSTAT_OK;
        }
    }
}

/* Stop every running job now: its process group killed, its exit
 * collected. */
static void jobs_kill(job *jobs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        job *j = &jobs[i];
        if (j->pid > 0) {
            kill(-j->pid, SIGKILL);
            kill(j->pid, SIGKILL); /* should it not have become a group leader yet */
            int status;
            wait_for(j->pid, &status);
            j->pid = -1;
        }
        if (j->err_fd >= 0) {
            close(j->err_fd);
            j->err_fd = -1;
        }
    }
}

/* Run jobs[0..n−1], at most `parallel` at a time; after the first failure
 * no new job starts (the running ones finish).  Returns the index of the
 * first job (in order) that failed, or n; SIZE_MAX when `t` was cancelled
 * (every job killed). */
static size_t run_jobs(job *jobs, size_t n, size_t parallel, satstat_render_format format,
                       const satstat_txn *t)
{
    size_t next = 0, running = 0, failed = n;
    for (size_t i = 0; i < n; i++) {
        jobs[i].rc = 1; /* not run */
        jobs[i].pid = -1;
        jobs[i].err_fd = -1;
    }
    for (;;) {
        if (satstat_txn_cancelled(t)) {
            jobs_kill(jobs, next);
            return SIZE_MAX;
        }
        while (running < parallel && next < n && failed == n) {
            job *j = &jobs[next++];
            if (job_start(j, format) == SATSTAT_OK)
                running++;
            else if (next - 1 < failed)
                failed = next - 1;
        }
        if (running == 0)
            break;
        struct pollfd fds[64];
        size_t idx[64], nf = 0;
        for (size_t i = 0; i < next && nf < 64; i++)
            if (jobs[i].err_fd >= 0) {
                fds[nf].fd = jobs[i].err_fd;
                fds[nf].events = POLLIN;
                fds[nf].revents = 0;
                idx[nf++] = i;
            }
        /* a timeout, not -1: the cancel flag is looked at even when the
         * signal came between the look above and this call */
        int ready = poll(fds, nf, t ? CANCEL_POLL_MS : -1);
        if (ready < 0 && errno != EINTR)
            break; /* cannot happen with valid descriptors */
        for (size_t k = 0; ready > 0 && k < nf; k++) {
            if (!fds[k].revents)
                continue;
            job *j = &jobs[idx[k]];
            job_read(j);
            if (j->err_fd < 0) {
                job_finish(j);
                running--;
                if (j->rc != SATSTAT_OK && idx[k] < failed)
                    failed = idx[k];
            }
        }
    }
    return failed;
}

/* "./NAME" for a relative name starting with '-', which gnuplot would
 * read as an option. */
static int safe_script(const char *script, char *buf, size_t size)
{
    int n = snprintf(buf, size, "%s%s", script[0] == '-' ? "./" : "", script);
    return n >= 0 && (size_t)n < size ? SATSTAT_OK : SATSTAT_ERANGE;
}

int satstat_plot_render_stream(const char *program, const char *script,
                               satstat_render_format format, FILE *image, char *msg,
                               size_t msg_size)
{
    satstat__set_msg(msg, msg_size, "%s", "");
    if (!script || !image || format == SATSTAT_RENDER_NONE || format < SATSTAT_RENDER_NONE
        || format > SATSTAT_RENDER_PDF)
        return SATSTAT_EINVAL;
    job *j = calloc(1, sizeof *j);
    if (!j)
        return SATSTAT_ENOMEM;
    j->program = program ? program : "gnuplot";
    j->shown = script;
    j->cwd_fd = -1;
    if (safe_script(script, j->script, sizeof j->script) != SATSTAT_OK) {
        free(j);
        satstat__set_msg(msg, msg_size, "script path too long");
        return SATSTAT_ERANGE;
    }
    if (fflush(image) != 0) {
        satstat__set_msg(msg, msg_size, "cannot write the image: %s", strerror(errno));
        free(j);
        return SATSTAT_EIO;
    }
    j->image_fd = fileno(image);
    run_jobs(j, 1, 1, format, NULL);
    int rc = j->rc;
    satstat__set_msg(msg, msg_size, "%s", j->msg);
    free(j);
    return rc;
}

/* How many gnuplots run at once: one per online processor, at most 8. */
static size_t parallel_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 8 ? 8 : (size_t)n;
}

int satstat__gp_render_dir(satstat_txn_dir *d, const char *const *names, size_t n,
                           satstat_render_format format, const char *program, char *msg,
                           size_t msg_size)
{
    satstat__set_msg(msg, msg_size, "%s", "");
    const char *ext = satstat_render_format_name(format);
    const satstat_txn *t = satstat_txn_dir_txn(d);
    if (!t || !d || !names || format <= SATSTAT_RENDER_NONE || format > SATSTAT_RENDER_PDF)
        return SATSTAT_EINVAL;
    /* gnuplot runs in the folder: a program named by a relative path must
     * be found from here first */
    char found[PATH_MAX], absolute[PATH_MAX];
    const char *prog = program ? program : "gnuplot";
    if (strchr(prog, '/') && prog[0] != '/' && satstat_gnuplot_find(prog, found, sizeof found) == SATSTAT_OK
        && realpath(found, absolute))
        prog = absolute;
    job *jobs = calloc(n, sizeof *jobs);
    satstat_txn_file **images = calloc(n, sizeof *images);
    if (!jobs || !images) {
        free(jobs);
        free(images);
        satstat__set_msg(msg, msg_size, "out of memory");
        return SATSTAT_ENOMEM;
    }
    int rc = SATSTAT_OK;
    char (*shown)[SATSTAT_ERRMSG_SIZE] = calloc(n, sizeof *shown);
    if (!shown)
        rc = SATSTAT_ENOMEM;
    for (size_t i = 0; i < n && rc == SATSTAT_OK; i++) {
        char script[SATSTAT_ERRMSG_SIZE], image[SATSTAT_ERRMSG_SIZE];
        snprintf(script, sizeof script, "%s.gp", names[i]);
        snprintf(image, sizeof image, "%s.%s", names[i], ext);
        snprintf(shown[i], sizeof shown[i], "%s", script);
        jobs[i].program = prog;
        jobs[i].shown = shown[i];
        jobs[i].cwd_fd = satstat_txn_dir_fd(d);
        FILE *unused;
        rc = satstat_txn_dir_source(d, script, jobs[i].script, sizeof jobs[i].script);
        if (rc == SATSTAT_OK)
            rc = satstat_txn_dir_create(d, image, &images[i], &unused, msg, msg_size);
        if (rc == SATSTAT_OK)
            jobs[i].image_fd = satstat_txn_file_fd(images[i]);
    }
    if (rc == SATSTAT_ENOMEM)
        satstat__set_msg(msg, msg_size, "out of memory");
    if (rc == SATSTAT_OK) {
        size_t failed = run_jobs(jobs, n, parallel_jobs(), format, t);
        if (failed == SIZE_MAX) {
            rc = SATSTAT_ECANCELED;
            satstat__set_msg(msg, msg_size, "interrupted");
        } else if (failed < n) {
            rc = jobs[failed].rc;
            satstat__set_msg(msg, msg_size, "%s", jobs[failed].msg);
        } else {
            /* the first warning, in figure order */
            for (size_t i = 0; i < n; i++)
                if (jobs[i].msg[0]) {
                    satstat__set_msg(msg, msg_size, "%.80s: %.300s", names[i], jobs[i].msg);
                    break;
                }
        }
    }
    /* all rendered: the images wait for the commit; else none is kept */
    if (rc != SATSTAT_OK)
        for (size_t i = 0; i < n; i++)
            satstat_txn_file_discard(images[i]);
    free(shown);
    free(images);
    free(jobs);
    return rc;
}

int satstat__gp_dir_once(const char *dir, satstat__gp_dir_fn fn, void *ctx, char *msg,
                         size_t msg_size)
{
    satstat__set_msg(msg, msg_size, "%s", "");
    if (!dir || !*dir) {
        satstat__set_msg(msg, msg_size, "no directory given");
        return SATSTAT_EINVAL;
    }
    satstat_txn *t;
    satstat_txn_dir *d;
    int rc = satstat_txn_new(NULL, &t);
    if (rc != SATSTAT_OK) {
        satstat__set_msg(msg, msg_size, "out of memory");
        return rc;
    }
    rc = satstat_txn_add_dir(t, dir, &d, msg, msg_size);
    if (rc == SATSTAT_OK)
        rc = fn(ctx, d, msg, msg_size);
    if (rc != SATSTAT_OK) {
        satstat_txn_abort(t);
        return rc;
    }
    /* keep a warning fn handed back through a successful commit */
    char commit_msg[SATSTAT_ERRMSG_SIZE * 2];
    rc = satstat_txn_commit(t, commit_msg, sizeof commit_msg);
    if (rc != SATSTAT_OK)
        satstat__set_msg(msg, msg_size, "%s", commit_msg);
    return rc;
}

int satstat__gp_finish_file(int rc, satstat_txn_file *file, char *msg, size_t msg_size)
{
    int err = EIO;
    if (rc == SATSTAT_OK || rc == SATSTAT_EIO) {
        int flushed = satstat_txn_file_flush(file);
        if (flushed != SATSTAT_OK) {
            rc = flushed;
            err = errno;
        }
    }
    if (rc != SATSTAT_OK) {
        char q[SATSTAT_QUOTE_SIZE];
        satstat_quote(satstat_txn_file_name(file), q, sizeof q);
        satstat__set_msg(msg, msg_size, "cannot write %s: %s", q,
                rc == SATSTAT_EIO ? strerror(err) : satstat_strerror(rc));
    }
    return rc;
}

void satstat__gp_over_white(const char *hex, double opacity, char out[8])
{
    unsigned rgb = 0;
    if (!hex || sscanf(hex, "#%6x", &rgb) != 1)
        rgb = 0;
    if (!(opacity >= 0))
        opacity = 0;
    if (opacity > 1)
        opacity = 1;
    unsigned ch[3];
    for (int k = 0; k < 3; k++) {
        double v = (double)((rgb >> (16 - 8 * k)) & 0xFFu);
        ch[k] = (unsigned)lround(255 - opacity * (255 - v));
    }
    snprintf(out, 8, "#%02X%02X%02X", ch[0], ch[1], ch[2]);
}
