/* figure.c — the figure toolkit (figure-int.h): what every figure script of
 * run, deep and sweep shares.  Every script has the same look: the Okabe &
 * Ito (2008) colour-blind-safe palette with a dash type per series as a
 * second cue in greyscale, one font (DejaVu Sans, 16 pt at 1280 x 800,
 * scaled with the figure), thick lines, and the legend in a column right
 * of the plot so that it never covers data.  Folders of scripts are
 * written and rendered through the output transaction (satstat/io.h), the
 * one way a folder of figures is written.
 */
#include "figure-int.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/error.h>
#include <satstat/parse.h>

#include "error-int.h"
#include "satstat_version.h"

const char *const satstat__palette[SATSTAT__PALETTE_SIZE] = {
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"};
const char *const satstat__palette_names[SATSTAT__PALETTE_SIZE] = {
    "blue", "vermillion", "bluish green", "reddish purple", "orange", "sky blue", "black",
    "yellow"};
const int satstat__point_types[SATSTAT__PALETTE_SIZE] = {7, 5, 9, 11, 13, 15, 6, 4};

/* ---- writing ---------------------------------------------------------------*/

void satstat__fig_out(satstat__fig *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(g->f, fmt, ap);
    va_end(ap);
}

void satstat__fig_fail(satstat__fig *g, int rc)
{
    if (g->err == SATSTAT_OK)
        g->err = rc;
}

void satstat__fig_qstr(satstat__fig *g, const char *text)
{
    if (strpbrk(text, "\n\r")) {
        satstat__fig_fail(g, SATSTAT_EINVAL);
        return;
    }
    fputc('\'', g->f);
    for (const char *p = text; *p; p++) {
        if (*p == '\'')
            fputc('\'', g->f);
        fputc(*p, g->f);
    }
    fputc('\'', g->f);
}

void satstat__fig_rule(satstat__fig *g, const char *title)
{
    size_t n = satstat__utf8_length(title);
    satstat__fig_out(g, "\n# ---- %s ", title);
    for (size_t i = n; i < 70; i++)
        fputc('-', g->f);
    satstat__fig_out(g, "\n");
}

/* ---- sections ---------------------------------------------------------------*/

void satstat__fig_header(satstat__fig *g, const char *headline, const char *about,
                         const char *cmd)
{
    char full[8192];
    size_t n = (size_t)snprintf(full, sizeof full, "%s", cmd);
    if (g->dir && n < sizeof full) {
        char word[PATH_MAX + 64];
        satstat__shell_word(g->dir, word, sizeof word);
        n += (size_t)snprintf(full + n, sizeof full - n, " --plots %s", word);
    }
    if (n < sizeof full)
        n += (size_t)snprintf(full + n, sizeof full - n, " --plot-size %ux%u", g->o.width,
                              g->o.height);
    if (n >= sizeof full) {
        satstat__fig_fail(g, SATSTAT_ERANGE);
        return;
    }
    if (strpbrk(full, "\n\r") || strpbrk(headline, "\n\r")
        || (g->o.invocation && strpbrk(g->o.invocation, "\n\r"))) {
        satstat__fig_fail(g, SATSTAT_EINVAL); /* a newline would end the comment */
        return;
    }
    satstat__fig_out(g, "# %s.gp: %s\n#\n", g->name, headline);
    for (const char *p = about; *p;) {
        const char *nl = strchr(p, '\n');
        int len = nl ? (int)(nl - p) : (int)strlen(p);
        satstat__fig_out(g, "#%s%.*s\n", len ? " " : "", len, p);
        p += len + (nl != NULL);
    }
    satstat__fig_out(g, "#\n");
    if (g->o.invocation) {
        satstat__fig_out(g, "# Made by:  %s\n", g->o.invocation);
        satstat__fig_out(g, "#           (the same as: %s)\n", full);
    } else {
        satstat__fig_out(g, "# Made by:  %s\n", full);
    }
    satstat__fig_out(g, "#           satstat %s\n", SATSTAT_VERSION);
    satstat__fig_out(g, "# Run:      gnuplot %s.gp\n", g->name);
    satstat__fig_out(g, "#           from any directory (the data are inline): writes %s.png\n",
                     g->name);
    satstat__fig_out(g,
                     "#           into the current directory; see \"output\" for other formats.\n");
    satstat__fig_out(g, "\nset encoding utf8\n");
}

void satstat__fig_output_section(satstat__fig *g)
{
    satstat__fig_rule(g, "output");
    satstat__fig_out(
        g,
        "# Choose another format, file or size on the command line, e.g.\n"
        "#   gnuplot -e \"format='svg'; output='figure.svg'\" %s.gp\n"
        "# format: 'png' (pngcairo), 'svg' or 'pdf' (pdfcairo); output '' writes\n"
        "# to standard output (satstat --render does that); width and height in\n"
        "# pixels (PDF: the same proportions at 144 pixels per inch).\n",
        g->name);
    satstat__gp_output_defaults(g->f, g->name, g->o.width, g->o.height);
    satstat__fig_out(
        g, "# Text and lines scale with the figure: 16 pt text at 1280 x 800 (pdfcairo\n"
           "# draws a unit line twice as wide at this page size: halved to match).\n"
           "scale = (width / 1280. < height / 800.) ? width / 1280. : height / 800.\n"
           "fontspec = sprintf('DejaVu Sans,%%.3g', 16 * scale)\n");
    satstat__gp_terminal(g->f);
}

void satstat__fig_style_begin(satstat__fig *g, size_t styled, const char *const *series)
{
    satstat__fig_rule(g, "style");
    satstat__fig_out(
        g, "# One colour per scheme from the Okabe & Ito (2008) colour-blind-safe\n"
           "# palette, and a dash type per scheme as a second cue in greyscale print.\n"
           "# Lines 3 to 4 pixels wide (at 1280 x 800) and large points survive a projector.\n");
    for (size_t i = 0; i < styled; i++) {
        size_t k = i % SATSTAT__PALETTE_SIZE;
        satstat__fig_out(
            g, "set linetype %zu linecolor rgb '%s' linewidth 3 dashtype %zu pointtype %d pointsize 1.3",
            i + 1, satstat__palette[k], i % SATSTAT__DASH_TYPES + 1, satstat__point_types[k]);
        if (series && series[i])
            satstat__fig_out(g, "   # %s: %s\n", satstat__palette_names[k], series[i]);
        else
            satstat__fig_out(g, "   # %s\n", satstat__palette_names[k]);
    }
}

void satstat__fig_style_end(satstat__fig *g)
{
    satstat__fig_out(g, "set border 3 linewidth 1.5                       # axes left and bottom only\n"
                        "set tics nomirror out\n"
                        "set grid linecolor rgb '#E5E5E5' linewidth 1 dashtype 1   # a faint grid\n");
}

void satstat__fig_layout_column(satstat__fig *g, size_t key_chars, int right_axis)
{
    char kc[64];
    snprintf(kc, sizeof kc, "key_chars = %zu", key_chars);
    satstat__fig_out(g, "%-47s # the longest legend row, in characters\n", kc);
    satstat__fig_out(
        g, "char_width = 0.0097 * scale * 1280. / width     # one character of the font (digits are widest)\n"
           "sample_width = 0.07 * scale * 1280. / width     # a legend sample and the gap after it\n"
           "column = 0.985 - sample_width - key_chars * char_width\n"
           "column = (column < 0.55) ? 0.55 : column        # the plot keeps at least half the width\n"
           "plot_left = 0.11                                # room for the y tick labels and label\n");
    satstat__fig_out(g, "plot_right = column - %s                      # %s\n",
                     right_axis ? "0.1 " : "0.03",
                     right_axis ? "room for the right-hand axis" : "a gap before the legend");
}

/* ---- the legend ---------------------------------------------------------------*/

void satstat__legend_row(satstat__legend *l, const char *style, const char *fmt, ...)
{
    if (l->n >= SATSTAT__LEGEND_ROWS)
        return;
    snprintf(l->style[l->n], sizeof l->style[0], "%s", style);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->title[l->n], sizeof l->title[0], fmt, ap);
    va_end(ap);
    l->n++;
}

size_t satstat__legend_chars(const satstat__legend *l)
{
    size_t m = 0;
    for (size_t i = 0; i < l->n; i++) {
        size_t n = satstat__utf8_length(l->title[i]);
        if (n > m)
            m = n;
    }
    return m;
}

/* Legend rows that fit in one column at the usual spacing of 1.15 lines;
 * more are set 1.0 apart. */
#define LEGEND_FIT 22

void satstat__fig_legend_panel(satstat__fig *g, const satstat__legend *l, const char *column,
                               const char *top, const char *unsets)
{
    satstat__fig_out(g,
                     "set lmargin at screen %s\n"
                     "set rmargin at screen 0.99        # the legend's panel: the column, to the edges\n"
                     "set tmargin at screen %s   # the first row level with the top of the plot\n"
                     "set bmargin at screen 0.02\n"
                     "unset border\nunset tics\nunset grid\nunset xlabel\nunset ylabel\n%s"
                     "unset object\nunset arrow\nunset label\n"
                     "set xrange [0:1]\nset yrange [0:1]\n",
                     column, top, unsets ? unsets : "");
    const char *spacing = l->n > LEGEND_FIT ? "1.0" : "1.15";
    satstat__fig_out(g,
                     "# samples 2.5 characters long, rows %s lines apart (%zu rows)\n"
                     "set key inside left top Left reverse samplen 2.5 spacing %s\n",
                     spacing, l->n, spacing);
    satstat__fig_out(g, "# an empty plot (a line out of range) whose key is the legend\n"
                        "plot -1 with lines linetype nodraw notitle");
    for (size_t i = 0; i < l->n; i++) {
        satstat__fig_out(g, ", \\\n     keyentry %s title ", l->style[i]);
        satstat__fig_qstr(g, l->title[i]);
    }
    satstat__fig_out(g, "\nunset multiplot\n");
}

/* ---- axes, words ------------------------------------------------------------*/

double satstat__nice_ceil(double x)
{
    static const double steps[] = {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
    if (!(x > 0) || !isfinite(x))
        return 1.0;
    double p = pow(10.0, floor(log10(x)));
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (steps[i] * p >= x * (1 - 1e-12))
            return steps[i] * p;
    return 10 * p;
}

size_t satstat__utf8_length(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

void satstat__shell_word(const char *text, char *buf, size_t size)
{
    static const char safe[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                               "0123456789_./,:=+-@%";
    if (size == 0)
        return;
    if (*text && strspn(text, safe) == strlen(text)) {
        snprintf(buf, size, "%s", text);
        return;
    }
    if (size < 3) {
        buf[0] = '\0';
        return;
    }
    size_t n = 0;
    buf[n++] = '\'';
    for (const char *p = text; *p && n + 5 < size; p++) {
        if (*p == '\'') {
            memcpy(buf + n, "'\\''", 4);
            n += 4;
        } else {
            buf[n++] = *p;
        }
    }
    buf[n++] = '\'';
    buf[n] = '\0';
}

void satstat__file_word(const char *spec, char *buf, size_t size)
{
    size_t n = 0;
    if (size == 0)
        return;
    for (const char *p = spec; *p && n + 1 < size; p++) {
        char ch = *p;
        int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                 || ch == '.' || ch == '+' || ch == '-';
        buf[n++] = ok ? ch : '_';
    }
    buf[n] = '\0';
}

void satstat__c_numeric_begin(satstat__c_numeric *l)
{
    l->c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    l->old = l->c ? uselocale(l->c) : (locale_t)0;
}

void satstat__c_numeric_end(satstat__c_numeric *l)
{
    if (l->c) {
        uselocale(l->old);
        freelocale(l->c);
    }
}

/* ---- folders ---------------------------------------------------------------------*/

int satstat__fig_write_set(const satstat__figure_set *set, satstat_txn_dir *d, char *msg,
                           size_t msg_size)
{
    satstat__set_msg(msg, msg_size, "%s", "");
    if (!set || !d)
        return SATSTAT_EINVAL;
    const char *path = satstat_txn_dir_path(d);
    if (strpbrk(path, "\n\r")) {
        char quoted[SATSTAT_QUOTE_SIZE];
        satstat__set_msg(msg, msg_size, "directory name %s holds a newline",
                         satstat_quote(path, quoted, sizeof quoted));
        return SATSTAT_EINVAL;
    }
    int rc = SATSTAT_OK;
    for (size_t i = 0; i < set->n && rc == SATSTAT_OK; i++) {
        char name[SATSTAT_PLOT_NAME_SIZE + 4];
        if (!set->name(set->ctx, i, name, SATSTAT_PLOT_NAME_SIZE))
            continue; /* not chosen */
        strcat(name, ".gp");
        satstat_txn_file *file;
        FILE *f;
        rc = satstat_txn_dir_create(d, name, &file, &f, msg, msg_size);
        if (rc != SATSTAT_OK)
            break;
        rc = satstat__gp_finish_file(set->write(set->ctx, i, path, f), file, msg, msg_size);
    }
    return rc;
}

int satstat__fig_render_set(const satstat__figure_set *set, satstat_txn_dir *d,
                            satstat_render_format format, const char *program, char *msg,
                            size_t msg_size)
{
    satstat__set_msg(msg, msg_size, "%s", "");
    if (!set || !d || !satstat_render_format_name(format))
        return SATSTAT_EINVAL;
    if (format == SATSTAT_RENDER_NONE)
        return SATSTAT_OK;
    char (*names)[SATSTAT_PLOT_NAME_SIZE] = calloc(set->n ? set->n : 1, sizeof *names);
    const char **list = calloc(set->n ? set->n : 1, sizeof *list);
    int rc = names && list ? SATSTAT_OK : SATSTAT_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < set->n && rc == SATSTAT_OK; i++)
        if (set->name(set->ctx, i, names[k], sizeof names[k]))
            list[k] = names[k], k++;
    if (rc == SATSTAT_OK)
        rc = satstat__gp_render_dir(d, list, k, format, program, msg, msg_size);
    else
        satstat__set_msg(msg, msg_size, "out of memory");
    free(list);
    free(names);
    return rc;
}

typedef struct set_call {
    const satstat__figure_set *set;
    satstat_render_format format;
    const char *program;
} set_call;

static int write_set_fn(void *arg, satstat_txn_dir *d, char *msg, size_t msg_size)
{
    const set_call *a = arg;
    return satstat__fig_write_set(a->set, d, msg, msg_size);
}

static int render_set_fn(void *arg, satstat_txn_dir *d, char *msg, size_t msg_size)
{
    const set_call *a = arg;
    return satstat__fig_render_set(a->set, d, a->format, a->program, msg, msg_size);
}

int satstat__fig_write_set_dir(const satstat__figure_set *set, const char *dir, char *msg,
                               size_t msg_size)
{
    satstat__set_msg(msg, msg_size, "%s", "");
    if (!set || !dir || !*dir)
        return SATSTAT_EINVAL;
    set_call a = {set, SATSTAT_RENDER_NONE, NULL};
    return satstat__gp_dir_once(dir, write_set_fn, &a, msg, msg_size);
}

int satstat__fig_render_set_dir(const satstat__figure_set *set, const char *dir,
                                satstat_render_format format, const char *program, char *msg,
                                size_t msg_size)
{
    satstat__set_msg(msg, msg_size, "%s", "");
    if (!set || !dir || !*dir || !satstat_render_format_name(format))
        return SATSTAT_EINVAL;
    if (format == SATSTAT_RENDER_NONE)
        return SATSTAT_OK;
    set_call a = {set, format, program};
    return satstat__gp_dir_once(dir, render_set_fn, &a, msg, msg_size);
}
