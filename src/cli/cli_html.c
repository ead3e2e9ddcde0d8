/* cli_html.c — `--format html`: the page's figures, drawn as SVG in a
 * private temporary folder and read back, then removed.  Part of the
 * program, not of the library (the page itself is satstat/html.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

int cli_html_prepare(void)
{
    char gnuplot[4096];
    if (satstat_gnuplot_find(NULL, gnuplot, sizeof gnuplot) == SATSTAT_OK)
        return CLI_GO_ON;
    cli_usage_error("--format", "html: the page's figures need gnuplot, which is not on "
                                "PATH: install it (e.g. apt-get install gnuplot-nox), or "
                                "choose --format text, json or csv; nothing written");
    return CLI_EXIT_RUNTIME;
}

/* Remove the folder's files, then the folder (it holds no subfolder). */
static void remove_tree(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
        DIR *d = fdopendir(fd);
        if (d) {
            struct dirent *e;
            while ((e = readdir(d)))
                if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
                    unlinkat(dirfd(d), e->d_name, 0);
            closedir(d);
        } else {
            close(fd);
        }
    }
    rmdir(dir);
}

/* The whole of `name` in the folder `dfd`, NUL-terminated. */
static int read_file(int dfd, const char *name, char **text, size_t *size)
{
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return SATSTAT_EIO;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return SATSTAT_EIO;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    size_t got = 0;
    while (buf && got < (size_t)st.st_size) {
        ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    if (!buf || got != (size_t)st.st_size) {
        free(buf);
        return buf ? SATSTAT_EIO : SATSTAT_ENOMEM;
    }
    buf[got] = '\0';
    *text = buf;
    *size = got;
    return SATSTAT_OK;
}

/* The rank of a figure in the command's order: its place in `order`, or
 * n (after every listed one). */
static size_t rank_of(const char *name, const char *const *order, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(order[i], name) == 0)
            return i;
    return n;
}

/* The figures in the command's order: `order`'s names first, as listed,
 * then the rest by name (an insertion sort: a page has a few figures). */
static void sort_figures(satstat_html_figure *f, size_t n, const char *const *order,
                         size_t n_order)
{
    for (size_t i = 1; i < n; i++) {
        satstat_html_figure x = f[i];
        size_t rx = rank_of(x.name, order, n_order), j = i;
        for (; j > 0; j--) {
            size_t ry = rank_of(f[j - 1].name, order, n_order);
            if (ry < rx || (ry == rx && strcmp(f[j - 1].name, x.name) <= 0))
                break;
            f[j] = f[j - 1];
        }
        f[j] = x;
    }
}

void cli_html_figures_free(cli_html_figures *h)
{
    for (size_t i = 0; i < h->n; i++) {
        free((char *)h->figures[i].name);
        free((char *)h->figures[i].svg);
    }
    free(h->figures);
    h->figures = NULL;
    h->n = 0;
}

/* One more figure: its name and SVG document (read from `name` in the
 * folder dfd). */
static int add_figure(cli_html_figures *out, size_t *cap, int dfd, const char *file,
                      const char *stem, size_t stem_len, char *msg, size_t msg_size)
{
    if (out->n == *cap) {
        size_t more = *cap ? 2 * *cap : 16;
        satstat_html_figure *grown = realloc(out->figures, more * sizeof *grown);
        if (!grown)
            return SATSTAT_ENOMEM;
        out->figures = grown;
        *cap = more;
    }
    satstat_html_figure *fig = &out->figures[out->n];
    char *text = NULL;
    size_t size = 0;
    char *name = strndup(stem, stem_len);
    int rc = name ? read_file(dfd, file, &text, &size) : SATSTAT_ENOMEM;
    if (rc != SATSTAT_OK) {
        free(name);
        snprintf(msg, msg_size, "cannot read the figure %.*s.svg", (int)stem_len, stem);
        return rc;
    }
    fig->name = name;
    fig->svg = text;
    fig->size = size;
    out->n++;
    return SATSTAT_OK;
}

/* The SVG documents this transaction rendered in the --plots folder: a
 * name the transaction did not write (satstat_txn_dir_source gives the
 * name itself) is an older file of the folder, not one of this run's. */
static int read_rendered(const cli_figures *f, satstat_txn_dir *dir, cli_html_figures *out,
                         char *msg, size_t msg_size)
{
    size_t cap = 0;
    int rc = SATSTAT_OK;
    for (size_t i = 0; rc == SATSTAT_OK && i < f->n_names; i++) {
        char file[SATSTAT_PLOT_NAME_SIZE + 8], plain[SATSTAT_PLOT_NAME_SIZE + 16],
            source[SATSTAT_PLOT_NAME_SIZE + 64];
        snprintf(file, sizeof file, "%s.svg", f->names[i]);
        snprintf(plain, sizeof plain, "./%s", file);
        rc = satstat_txn_dir_source(dir, file, source, sizeof source);
        if (rc == SATSTAT_OK && strcmp(source, plain) != 0)
            rc = add_figure(out, &cap, satstat_txn_dir_fd(dir), source, f->names[i],
                            strlen(f->names[i]), msg, msg_size);
        else if (rc != SATSTAT_OK)
            snprintf(msg, msg_size, "cannot read the figure %s", file);
    }
    return rc;
}

/* The figures drawn as SVG into `dir` (a fresh private folder) through a
 * transaction of their own, then every *.svg of it read. */
static int draw_into(const cli_figures *f, const satstat_plot_options *plot, const char *dir,
                     cli_html_figures *out, char *msg, size_t msg_size)
{
    satstat_txn *txn = NULL;
    satstat_txn_dir *d = NULL;
    int rc = satstat_txn_new(&cli_interrupted_by, &txn);
    if (rc == SATSTAT_OK)
        rc = satstat_txn_add_dir(txn, dir, &d, msg, msg_size);
    if (rc == SATSTAT_OK)
        rc = f->write(f->ctx, d, plot, msg, msg_size);
    if (rc == SATSTAT_OK)
        rc = f->render(f->ctx, d, SATSTAT_RENDER_SVG, msg, msg_size);
    if (rc == SATSTAT_OK) {
        rc = satstat_txn_commit(txn, msg, msg_size);
        txn = NULL;
    }
    satstat_txn_abort(txn);
    int dfd = rc == SATSTAT_OK ? open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
    DIR *dd = dfd >= 0 ? fdopendir(dfd) : NULL;
    if (rc == SATSTAT_OK && !dd) {
        snprintf(msg, msg_size, "cannot read the temporary folder %s", dir);
        rc = SATSTAT_EIO;
        if (dfd >= 0)
            close(dfd);
    }
    size_t cap = 0;
    struct dirent *e;
    while (rc == SATSTAT_OK && (e = readdir(dd))) {
        size_t len = strlen(e->d_name);
        if (len >= 5 && strcmp(e->d_name + len - 4, ".svg") == 0)
            rc = add_figure(out, &cap, dirfd(dd), e->d_name, e->d_name, len - 4, msg,
                            msg_size);
    }
    if (dd)
        closedir(dd);
    return rc;
}

int cli_html_figures_draw(const cli_figures *f, const satstat_plot_options *plot,
                          satstat_txn_dir *svg_dir, cli_html_figures *out, char *msg,
                          size_t msg_size)
{
    out->figures = NULL;
    out->n = 0;
    int rc;
    if (svg_dir) {
        rc = read_rendered(f, svg_dir, out, msg, msg_size);
    } else {
        const char *tmp = getenv("TMPDIR");
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/satstat-html-XXXXXX", tmp && *tmp == '/' ? tmp : "/tmp");
        if (!mkdtemp(dir)) {
            snprintf(msg, msg_size, "cannot make a temporary folder for the figures: %s",
                     strerror(errno));
            return SATSTAT_EIO;
        }
        rc = draw_into(f, plot, dir, out, msg, msg_size);
        remove_tree(dir);
    }
    if (rc != SATSTAT_OK) {
        cli_html_figures_free(out);
        return rc;
    }
    sort_figures(out->figures, out->n, f->order, f->order ? f->n_order : 0);
    return SATSTAT_OK;
}
