/* figure.c — the figure toolkit (figure-int.h): what every figure script of
 * run, deep and sweep shares.  Every script has the same look: the Okabe &
 * Ito (2008) colour-blind-safe palette with a dash type per series as a
 * second cue in greyscale, one font (DejaVu Sans, 16 pt at 1280 x 800,
 * scaled with the figure), thick lines, and the legend in a column right
 * of the plot so that it never covers data.  Folders of scripts are
 * written and rendered through the output transaction (satstat/io.h), the
 * one way a folder of figures is written.
 */
#include "output/figure-int.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <satstat/error.h>
#include <satstat/parse.h>

#include "base/error-int.h"
#include "satstat_version.h"

const char *const satstat__palette[SATSTAT__PALETTE_SIZE] = {
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
    "#882255", "#CC6677", "#999933", "#332288"};
const char *const satstat__palette_names[SATSTAT__PALETTE_SIZE] = {
    "blue", "vermillion", "bluish green", "reddish purple", "orange", "sky blue", "black",
    "yellow", "wine", "rose", "olive", "indigo"};
/* Filled shapes only (gnuplot has six: 5 7 9 11 13 15), repeated for the
 * spare colours: an open marker means a sampled 0 (deep-saturation,
 * sweeps), and uniform's open diamond read as one. */
const int satstat__point_types[SATSTAT__PALETTE_SIZE] = {7, 5, 9, 11, 13, 15, 7, 9, 5, 11, 13, 15};

int satstat__point_open(int filled)
{
    return filled % 2 ? filled - 1 : filled;
}

const char *satstat__open_mark(int pt, char buf[SATSTAT__OPEN_MARK_SIZE])
{
    snprintf(buf, SATSTAT__OPEN_MARK_SIZE, "pointtype %d pointsize lt_pointsize * open_size%s linewidth open_lw",
             pt, satstat__point_svg_factor(pt));
    return buf;
}

const char *satstat__cut_mark(int up)
{
    return up ? "pointtype 9 pointsize lt_pointsize"
              : "pointtype 11 pointsize lt_pointsize";
}

const char *satstat__cut_key(long by, int up, char buf[SATSTAT__LEGEND_STYLE])
{
    if (by >= 0)
        snprintf(buf, SATSTAT__LEGEND_STYLE, "with points linetype %ld %s", by + 1, satstat__cut_mark(up));
    else
        snprintf(buf, SATSTAT__LEGEND_STYLE, "with points linecolor rgb '#000000' %s", satstat__cut_mark(up));
    return buf;
}

const char *satstat__point_svg_factor(int pt)
{
    if (pt == 14 || pt == 15)
        return " * svg_pentagon";
    if (pt == 8 || pt == 10)
        return " * svg_triangle";
    return pt == 12 || pt == 13 ? " * svg_diamond" : "";
}

/* ---- options (satstat/plot.h) ---------------------------------------------------*/

void satstat_plot_options_default(satstat_plot_options *o)
{
    if (!o)
        return;
    memset(o, 0, sizeof *o);
    o->width = SATSTAT_PLOT_DEFAULT_WIDTH;
    o->height = SATSTAT_PLOT_DEFAULT_HEIGHT;
    o->dpi = SATSTAT_PLOT_DEFAULT_DPI;
}

int satstat_plot_size_parse(const char *text, unsigned *width, unsigned *height,
                            char *msg,
                            size_t msg_size)
{
    char quoted[SATSTAT_QUOTE_SIZE];
    if (!text || !width || !height)
        return SATSTAT_EINVAL;
    satstat_quote(text, quoted, sizeof quoted);
    const char *x = strchr(text, 'x');
    if (!x) {
        satstat__set_msg(msg, msg_size,
                "invalid size %s: expected WIDTHxHEIGHT in pixels, e.g. 1280x800", quoted);
        return SATSTAT_EINVAL;
    }
    char w_text[32];
    size_t w_len = (size_t)(x - text);
    if (w_len >= sizeof w_text)
        w_len = sizeof w_text - 1; /* too long to be valid; parse rejects it */
    memcpy(w_text, text, w_len);
    w_text[w_len] = '\0';
    uint64_t w, h;
    char sub[SATSTAT_ERRMSG_SIZE];
    if (satstat_parse_u64(w_text, SATSTAT_PLOT_MIN_SIDE, SATSTAT_PLOT_MAX_SIDE, &w, sub, sizeof sub)
            != SATSTAT_OK
        || (size_t)(x - text) >= sizeof w_text
        || satstat_parse_u64(x + 1, SATSTAT_PLOT_MIN_SIDE, SATSTAT_PLOT_MAX_SIDE, &h, sub, sizeof sub)
            != SATSTAT_OK) {
        satstat__set_msg(msg, msg_size,
                "invalid size %s: expected WIDTHxHEIGHT in pixels, each side from %u to %u",
                quoted, SATSTAT_PLOT_MIN_SIDE, SATSTAT_PLOT_MAX_SIDE);
        return SATSTAT_EINVAL;
    }
    *width = (unsigned)w;
    *height = (unsigned)h;
    return SATSTAT_OK;
}

static const char *const format_names[] = {"none", "png", "svg", "pdf"};

int satstat_render_format_parse(const char *text, satstat_render_format *out, char *msg,
                                size_t msg_size)
{
    const size_t n = sizeof format_names / sizeof format_names[0];
    size_t i;
    char quoted[SATSTAT_QUOTE_SIZE], hint[SATSTAT_SUGGEST_SIZE] = "";
    /* any ASCII case: PNG */
    if (text && satstat_match_name(text, strlen(text), format_names, n, &i) == 1) {
        if (out)
            *out = (satstat_render_format)i;
        return SATSTAT_OK;
    }
    if (text)
        satstat_suggest(text, strlen(text), format_names, n, hint, sizeof hint);
    satstat__set_msg(msg, msg_size, "unknown format %s (%svalid: png, svg, pdf, none)",
            satstat_quote(text, quoted, sizeof quoted), hint);
    return SATSTAT_EINVAL;
}

const char *satstat_render_format_name(satstat_render_format format)
{
    unsigned i = (unsigned)format;
    return i < sizeof format_names / sizeof format_names[0] ? format_names[i] : "?";
}

/* Physical sides: 0.5 to 100 inches. */
#define MIN_INCHES 0.5
#define MAX_INCHES 100.0

int satstat_plot_size_parse_options(const char *text, satstat_plot_options *o, char *msg,
                                    size_t msg_size)
{
    if (!text || !o)
        return SATSTAT_EINVAL;
    size_t len = strlen(text);
    double per_inch = 0;
    if (len > 2 && strcmp(text + len - 2, "in") == 0)
        per_inch = 1.0;
    else if (len > 2 && strcmp(text + len - 2, "cm") == 0)
        per_inch = 2.54;
    if (per_inch == 0) {
        unsigned w, h;
        if (satstat_plot_size_parse(text, &w, &h, NULL, 0) != SATSTAT_OK) {
            char quoted[SATSTAT_QUOTE_SIZE];
            satstat__set_msg(msg, msg_size,
                             "invalid size %s: expected WIDTHxHEIGHT in pixels, each side from "
                             "%u to %u (1280x800), or in inches or centimetres (3.5x2.5in, 9x6cm)",
                             satstat_quote(text, quoted, sizeof quoted), SATSTAT_PLOT_MIN_SIDE,
                             SATSTAT_PLOT_MAX_SIDE);
            return SATSTAT_EINVAL;
        }
        o->width = w;
        o->height = h;
        o->width_in = o->height_in = 0;
        return SATSTAT_OK;
    }
    char quoted[SATSTAT_QUOTE_SIZE], part[64], sub[SATSTAT_ERRMSG_SIZE];
    satstat_quote(text, quoted, sizeof quoted);
    const char *x = strchr(text, 'x');
    double w = NAN, h = NAN;
    if (x && (size_t)(x - text) < sizeof part && len - 2 - (size_t)(x + 1 - text) < sizeof part) {
        snprintf(part, sizeof part, "%.*s", (int)(x - text), text);
        if (satstat_parse_double(part, &w, sub, sizeof sub) != SATSTAT_OK)
            w = NAN;
        snprintf(part, sizeof part, "%.*s", (int)(len - 2 - (size_t)(x + 1 - text)), x + 1);
        if (satstat_parse_double(part, &h, sub, sizeof sub) != SATSTAT_OK)
            h = NAN;
    }
    w /= per_inch;
    h /= per_inch;
    if (!(w >= MIN_INCHES && w <= MAX_INCHES && h >= MIN_INCHES && h <= MAX_INCHES)) {
        satstat__set_msg(msg, msg_size,
                         "invalid size %s: expected WIDTHxHEIGHT in pixels (1280x800) or "
                         "inches or centimetres (3.5x2.5in, 9x6cm), each side from %g to %g in",
                         quoted, MIN_INCHES, MAX_INCHES);
        return SATSTAT_EINVAL;
    }
    o->width_in = w;
    o->height_in = h;
    return SATSTAT_OK;
}

int satstat_plot_dpi_parse(const char *text, satstat_plot_options *o, char *msg,
                           size_t msg_size)
{
    uint64_t v;
    char sub[SATSTAT_ERRMSG_SIZE];
    if (!text || !o)
        return SATSTAT_EINVAL;
    if (satstat_parse_u64(text, SATSTAT_PLOT_MIN_DPI, SATSTAT_PLOT_MAX_DPI, &v, sub, sizeof sub)
        != SATSTAT_OK) {
        char quoted[SATSTAT_QUOTE_SIZE];
        satstat__set_msg(msg, msg_size,
                         "invalid resolution %s: expected dots per inch from %u to %u",
                         satstat_quote(text, quoted, sizeof quoted), SATSTAT_PLOT_MIN_DPI,
                         SATSTAT_PLOT_MAX_DPI);
        return SATSTAT_EINVAL;
    }
    o->dpi = (unsigned)v;
    return SATSTAT_OK;
}

int satstat_plot_font_size_parse(const char *text, satstat_plot_options *o, char *msg,
                                 size_t msg_size)
{
    double v = NAN;
    char sub[SATSTAT_ERRMSG_SIZE];
    if (!text || !o)
        return SATSTAT_EINVAL;
    if (satstat_parse_double(text, &v, sub, sizeof sub) != SATSTAT_OK || !(v >= SATSTAT_PLOT_MIN_FONT)
        || !(v <= SATSTAT_PLOT_MAX_FONT)) {
        char quoted[SATSTAT_QUOTE_SIZE];
        satstat__set_msg(msg, msg_size,
                         "invalid font size %s: expected points from %g to %g",
                         satstat_quote(text, quoted, sizeof quoted),
                         (double)SATSTAT_PLOT_MIN_FONT, (double)SATSTAT_PLOT_MAX_FONT);
        return SATSTAT_EINVAL;
    }
    o->font_size = v;
    return SATSTAT_OK;
}

int satstat_plot_options_check(satstat_plot_options *o, char *msg,
                               size_t msg_size)
{
    if (!o)
        return SATSTAT_EINVAL;
    if (o->dpi < SATSTAT_PLOT_MIN_DPI || o->dpi > SATSTAT_PLOT_MAX_DPI) {
        satstat__set_msg(msg, msg_size, "resolution %u dpi out of range %u to %u",
                         o->dpi, SATSTAT_PLOT_MIN_DPI, SATSTAT_PLOT_MAX_DPI);
        return SATSTAT_EINVAL;
    }
    if (o->font_size != 0
        && !(o->font_size >= SATSTAT_PLOT_MIN_FONT && o->font_size <= SATSTAT_PLOT_MAX_FONT)) {
        satstat__set_msg(msg, msg_size, "font size %g out of range %g to %g",
                         o->font_size, (double)SATSTAT_PLOT_MIN_FONT,
                         (double)SATSTAT_PLOT_MAX_FONT);
        return SATSTAT_EINVAL;
    }
    if (o->width_in > 0 || o->height_in > 0) {
        double w = round(o->width_in * o->dpi), h = round(o->height_in * o->dpi);
        if (!(w >= SATSTAT_PLOT_MIN_SIDE && w <= SATSTAT_PLOT_MAX_SIDE
              && h >= SATSTAT_PLOT_MIN_SIDE && h <= SATSTAT_PLOT_MAX_SIDE)) {
            satstat__set_msg(msg, msg_size,
                             "%gx%gin at %u dpi is %.0fx%.0f pixels: each side must be from "
                             "%u to %u",
                             o->width_in, o->height_in, o->dpi, w, h, SATSTAT_PLOT_MIN_SIDE,
                             SATSTAT_PLOT_MAX_SIDE);
            return SATSTAT_EINVAL;
        }
        o->width = (unsigned)w;
        o->height = (unsigned)h;
    }
    if (o->width < SATSTAT_PLOT_MIN_SIDE || o->width > SATSTAT_PLOT_MAX_SIDE
        || o->height < SATSTAT_PLOT_MIN_SIDE || o->height > SATSTAT_PLOT_MAX_SIDE) {
        satstat__set_msg(msg, msg_size, "size %ux%u out of range: each side from %u to %u",
                         o->width, o->height, SATSTAT_PLOT_MIN_SIDE, SATSTAT_PLOT_MAX_SIDE);
        return SATSTAT_EINVAL;
    }
    /* the text must fit: lines of it (satstat__fig_canvas's line) down
     * the height, characters (the layout's char_width) across the width */
    double fontpt, line_px;
    satstat__fig_canvas(o, &fontpt, &line_px);
    double dpi = o->dpi ? o->dpi : 96;
    double char_px = 0.0097 * 1280 * fontpt * dpi / 96. / 16;
    double lines = o->height / line_px, chars = o->width / char_px;
    if (lines < SATSTAT_PLOT_MIN_LINES || chars < SATSTAT_PLOT_MIN_CHARS) {
        double fit = fontpt * fmin(lines / SATSTAT_PLOT_MIN_LINES, chars / SATSTAT_PLOT_MIN_CHARS);
        char size[96];
        if (o->width_in > 0)
            snprintf(size, sizeof size, "%gx%gin at %u dpi (%ux%u pixels)", o->width_in,
                     o->height_in, (unsigned)dpi, o->width, o->height);
        else
            snprintf(size, sizeof size, "%ux%u pixels at %u dpi", o->width, o->height,
                     (unsigned)dpi);
        satstat__set_msg(msg, msg_size,
                         "%s %s has room for %.1f lines of %.3g pt text and %.0f characters "
                         "across, the figures need %g and %d: at most %.2g pt at this size, or "
                         "a larger size",
                         o->font_size > 0 ? "text too large:" : "figure too small:", size, lines,
                         fontpt, chars, SATSTAT_PLOT_MIN_LINES, SATSTAT_PLOT_MIN_CHARS,
                         floor(fit * 10) / 10);
        return SATSTAT_ERANGE;
    }
    if (o->figures && strpbrk(o->figures, "\n\r")) {
        satstat__set_msg(msg, msg_size, "a figure list holds a newline");
        return SATSTAT_EINVAL;
    }
    return SATSTAT_OK;
}

int satstat_plot_figures_check(const char *list, const char *const *names, size_t n, char *msg,
                               size_t msg_size)
{
    if (!list)
        return SATSTAT_OK;
    for (const char *p = list;;) {
        size_t len = strcspn(p, ",");
        size_t k;
        int found = 0;
        for (k = 0; k < n && !found; k++)
            found = strlen(names[k]) == len && strncmp(names[k], p, len) == 0;
        if (!found) {
            char word[SATSTAT_PLOT_NAME_SIZE], quoted[SATSTAT_QUOTE_SIZE],
                hint[SATSTAT_SUGGEST_SIZE + SATSTAT_PLOT_NAME_SIZE];
            snprintf(word, sizeof word, "%.*s", (int)len, p);
            satstat_suggest(word, strlen(word), names, n, hint, sizeof hint);
            char valid[256] = "";
            for (size_t i = 0, m = 0; i < n && m < sizeof valid; i++)
                m += (size_t)snprintf(valid + m, sizeof valid - m, "%s%s", i ? ", " : "",
                                      names[i]);
            if (len == 0)
                satstat__set_msg(msg, msg_size,
                                 "empty figure name in the list (valid: %s)", valid);
            else
                satstat__set_msg(msg, msg_size, "unknown figure %s (%svalid: %s)",
                                 satstat_quote(word, quoted, sizeof quoted), hint, valid);
            return SATSTAT_EINVAL;
        }
        if (!p[len])
            break;
        p += len + 1;
    }
    return SATSTAT_OK;
}

int satstat_plot_figure_chosen(const satstat_plot_options *o, const char *name)
{
    if (!o || !o->figures)
        return 1;
    size_t nl = strlen(name);
    for (const char *p = o->figures;;) {
        size_t len = strcspn(p, ",");
        if (len == nl && strncmp(p, name, len) == 0)
            return 1;
        if (!p[len])
            return 0;
        p += len + 1;
    }
}

int satstat__fig_options(const satstat_plot_options *in, satstat_plot_options *out)
{
    if (!in) {
        satstat_plot_options_default(out);
        return SATSTAT_OK;
    }
    *out = *in;
    if (out->dpi == 0) /* a caller's struct from before --dpi: the default */
        out->dpi = SATSTAT_PLOT_DEFAULT_DPI;
    return satstat_plot_options_check(out, NULL, 0);
}

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

/* gnuplot's enhanced text (the cairo terminals' typesetting) reads these
 * as markup: _ and ^ sub- and superscript, {} group, @ stacks, & spaces,
 * ~ overprints, \ escapes.  A backslash before one prints it as is. */
#define ENHANCED_MARKUP "_^{}@&~\\"

/* Where a sub- or superscript of enhanced text ends: after its {group}
 * (groups nest) or after its single (UTF-8) character; NULL when `p`
 * does not start one. */
static const char *script_end(const char *p)
{
    if ((*p != '_' && *p != '^') || !p[1])
        return NULL;
    p++;
    if (*p == '{') {
        int depth = 0;
        for (; *p; p++) {
            if (*p == '\\' && p[1])
                p++;
            else if (*p == '{')
                depth++;
            else if (*p == '}' && --depth == 0)
                return p + 1;
        }
        return NULL;
    }
    p++; /* one character: its UTF-8 continuation bytes too */
    while ((*p & 0xC0) == 0x80)
        p++;
    return p;
}

/* A gnuplot string literal: single-quoted, ' doubled; markup characters
 * escaped when `plain`.  In enhanced text a space right after a sub- or
 * superscript becomes SATSTAT__FIG_SCRIPT_SPACE (figure-int.h says why):
 * in the script, so that it holds for whoever renders it. */
static void quoted_text(satstat__fig *g, const char *text, int plain)
{
    if (strpbrk(text, "\n\r")) {
        satstat__fig_fail(g, SATSTAT_EINVAL);
        return;
    }
    fputc('\'', g->f);
    const char *script_done = text;
    for (const char *p = text; *p; p++) {
        if (!plain && p == script_done && p > text && *p == ' ') {
            fputs(SATSTAT__FIG_SCRIPT_SPACE, g->f);
            continue;
        }
        if (!plain && *p == '\\' && p[1]) {
            fputc(*p++, g->f); /* an escaped character starts no script */
        } else if (!plain) {
            const char *end = script_end(p);
            if (end && end > script_done) /* a script inside a script ends earlier */
                script_done = end;
        }
        if (*p == '\'')
            fputc('\'', g->f);
        else if (plain && strchr(ENHANCED_MARKUP, *p))
            fputc('\\', g->f);
        fputc(*p, g->f);
    }
    fputc('\'', g->f);
}

void satstat__fig_qstr(satstat__fig *g, const char *text)
{
    quoted_text(g, text, 1);
}

void satstat__fig_qtex(satstat__fig *g, const char *text)
{
    quoted_text(g, text, 0);
}

void satstat__tex_escape(const char *text, char *buf, size_t size)
{
    size_t n = 0;
    if (size == 0)
        return;
    for (const char *p = text; *p && n + 2 < size; p++) {
        if (strchr(ENHANCED_MARKUP, *p))
            buf[n++] = '\\';
        buf[n++] = *p;
    }
    buf[n] = '\0';
}

void satstat__tex_names(const char *text, char *buf, size_t size)
{
    size_t n = 0;
    if (size == 0)
        return;
    for (const char *p = text; *p && n + 4 < size; p++) {
        int letter_before = p > text && ((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z'));
        if (*p == '_' && letter_before && p[1] >= 'a' && p[1] <= 'z') {
            size_t len = 0;
            while (p[1 + len] >= 'a' && p[1 + len] <= 'z')
                len++;
            if (n + len + 4 >= size)
                break;
            buf[n++] = '_';
            buf[n++] = '{';
            memcpy(buf + n, p + 1, len);
            n += len;
            buf[n++] = '}';
            p += len;
            continue;
        }
        if (strchr(ENHANCED_MARKUP, *p))
            buf[n++] = '\\';
        buf[n++] = *p;
    }
    buf[n] = '\0';
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
    /* the figure options, after the command and its --plots (or after
     * the invocation given, satstat demo's) */
    char opts[2048];
    size_t k = (size_t)snprintf(opts, sizeof opts, " --plot-size %ux%u", g->o.width, g->o.height);
    if (k < sizeof opts && g->o.dpi && g->o.dpi != SATSTAT_PLOT_DEFAULT_DPI)
        k += (size_t)snprintf(opts + k, sizeof opts - k, " --dpi %u", g->o.dpi);
    if (k < sizeof opts && g->o.font_size > 0)
        k += (size_t)snprintf(opts + k, sizeof opts - k, " --font-size %.6g", g->o.font_size);
    if (k < sizeof opts && g->o.figures) {
        char word[1024];
        satstat__shell_word(g->o.figures, word, sizeof word);
        k += (size_t)snprintf(opts + k, sizeof opts - k, " --figures %s", word);
    }
    if (k < sizeof opts && g->o.log_y)
        k += (size_t)snprintf(opts + k, sizeof opts - k, " --log-y");
    char full[8192];
    size_t n = (size_t)snprintf(full, sizeof full, "%s", cmd);
    if (g->dir && n < sizeof full) {
        char word[PATH_MAX + 64];
        satstat__shell_word(g->dir, word, sizeof word);
        n += (size_t)snprintf(full + n, sizeof full - n, " --plots %s", word);
    }
    if (n < sizeof full)
        n += (size_t)snprintf(full + n, sizeof full - n, "%s", opts);
    if (k >= sizeof opts || n >= sizeof full) {
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
        char word[PATH_MAX + 64] = "";
        if (g->dir)
            satstat__shell_word(g->dir, word, sizeof word);
        satstat__fig_out(g, "# Made by:  %s%s%s%s\n", g->o.invocation, *word ? " " : "", word,
                         opts);
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
        "# pixels of the PNG at dpi dots per inch: SVG and PDF get the physical size,\n"
        "# width/dpi x height/dpi inches, with the same layout.  Text, lines and\n"
        "# margins follow a new size; which panels, rows and legend columns there\n"
        "# are was chosen for the size the figure was made at (\"Made by\"): for a\n"
        "# very different size or font, make it again with that command's\n"
        "# --plot-size, --dpi and --font-size.\n",
        g->name);
    satstat__gp_output_defaults(g->f, g->name, g->o.width, g->o.height);
    satstat__fig_out(g, "if (!exists('dpi')) dpi = %u\n", g->o.dpi ? g->o.dpi : 96u);
    if (g->o.font_size > 0)
        satstat__fig_out(g, "if (!exists('fontpt')) fontpt = %.6g   # --font-size: points at dpi\n",
                         g->o.font_size);
    else
        satstat__fig_out(
            g, "# Text in points at dpi: 16 pt at 1280 x 800 pixels at 96 dpi, growing with the\n"
               "# square root of the physical size (8 pt at 3.5 in wide), so that text does\n"
               "# not shrink as fast as the figure), and never under 7 pt: smaller is\n"
               "# hard to read in print.\n"
               "if (!exists('fontpt')) fontpt = 16 * sqrt((width / 1280. < height / 800. ? width / 1280. : height / 800.) * 96. / dpi)\n"
               "if (fontpt < 7) fontpt = 7\n");
    satstat__fig_out(
        g, "# The layout unit: 1 at 16 pt text in a 96 dpi PNG.  Text and lines scale with\n"
           "# it; per terminal a font or line unit is a different length (pngcairo sets\n"
           "# text at 96 dpi and lines in pixels, svg both in its px of 1/96 in, pdfcairo\n"
           "# text at 2/3 of its size in points and lines in 1/144 in, as measured on\n"
           "# their rasterised output), so each gets its own factor.\n"
           "scale = fontpt * dpi / 96. / 16\n"
           "# The svg terminal spaces its text (its v_char: legend rows, tick labels\n"
           "# from the axis, the x label under them, a title over the plot, an offset\n"
           "# in characters) by 1.5 times the font's size, pngcairo and pdfcairo by\n"
           "# about 1.17 (GPVAL_TERM_VCHAR): svg_vchar times less.  Its own fontscale\n"
           "# scales the text it draws and not that spacing, so the SVG's font is\n"
           "# given svg_vchar times smaller and drawn svg_vchar times larger: the text\n"
           "# as large as the PNG's, spaced as the PNG's (the plot's boxes, at screen\n"
           "# coordinates, are the same in every format).\n"
           "svg_vchar = (format eq 'svg') ? %.3g : 1\n"
           "# Its character (h_char: a legend's sample, the room gnuplot keeps for\n"
           "# the tick labels before an axis label) is then 0.54 of the font's size,\n"
           "# pngcairo's 0.60-0.63: svg_hchar times less (1.16 at 300 dpi, 1.21 at 96).\n"
           "svg_hchar = (format eq 'svg') ? %.3g : 1\n"
           "fontscale = (format eq 'svg') ? 128. / dpi / svg_vchar : (format eq 'pdf') ? 144. / dpi : 1\n"
           "linescale = (format eq 'svg') ? 96. / dpi : (format eq 'pdf') ? 144. / dpi : 1\n"
           "# Point markers scale with the text (a point of a fixed size swamps a\n"
           "# small figure); a point's unit is its own per terminal (pngcairo about\n"
           "# 6 pixels, pdfcairo 1/12 in), whatever the lines'; the svg terminal's is\n"
           "# 16 px of 1/96 in times its linewidth, which carries scale already, so a\n"
           "# constant matches the PNG's: 0.378 at the font's size (a font svg_vchar\n"
           "# times smaller drew points as much smaller) gives discs and squares\n"
           "# 0.95 to 1.04 times the PNG's across 1280 x 800 to 3.5 in at 300 dpi, as\n"
           "# measured by their ink (0.45 drew them 1.13 to 1.23 times as wide).\n"
           "pointscale = (format eq 'svg') ? 0.378 * svg_vchar : scale * ((format eq 'pdf') ? 72. / dpi : 1)\n"
           "# A point drawn at the line types' width (3, or 2 with bars) is outlined\n"
           "# by that width in pngcairo and pdfcairo, 1.13 to 1.2 times its size at\n"
           "# 3.5 in (a disc of 14 px drawn 17), and the svg terminal's points by a\n"
           "# hairline whatever the width: there they are drawn 1.15 times larger\n"
           "# (figure review 13, M5).  An open mark is drawn at open_lw (its outline\n"
           "# at the line types' 3 was 2.5 times the svg terminal's hairline).\n"
           "lt_pointsize = 1.3 * pointscale * ((format eq 'svg') ? 1.15 : 1)\n"
           "open_lw = 1.5\n"
           "# The svg terminal draws its pentagon 1.35 times as large as its other\n"
           "# points (as wide as their bounding circle), the cairo terminals do not\n"
           "# (figure review 14: 20 px against the PNG's 15 at 3.5 in).\n"
           "svg_pentagon = (format eq 'svg') ? 0.74 : 1\n"
           "# The default point size, in that unit too (marks given no size of their\n"
           "# own).  gnuplot 5.4 also draws a disc of the background colour and of the\n"
           "# default size under every point of `with yerrorbars` (pointtype -1 too);\n"
           "# at size 1 it spread past the svg's points, 1.3 * pointscale, and erased\n"
           "# their confidence bars and the curves under them.\n"
           "set pointsize pointscale\n"
           "# Error bars' caps half as wide as gnuplot's: as wide as a disc, a\n"
           "# bar shorter than the disc closed round it into a square, the mark of\n"
           "# another series (figure review 15, S6.1).\n"
           "set bars 0.5\n"
           "# The font at f times the text's size (a title, a legend or a note set\n"
           "# smaller to fit)\n"
           "font_at(f) = sprintf('DejaVu Sans,%%.3g', 16 * scale * fontscale * f)\n"
           "fontspec = font_at(1)\n"
           "# Small text (panel titles, small tick labels): 3/4 of the text, but never\n"
           "# under 7 pt (smaller is hard to read in print) unless the text is.\n"
           "smallpt = (fontpt * 0.75 > 7) ? fontpt * 0.75 : (fontpt < 7 ? fontpt : 7)\n"
           "smallfont = font_at(1. * smallpt / fontpt)   # (1.: integer points divide as integers)\n",
        SATSTAT__FIG_SVG_LINE, SATSTAT__FIG_SVG_CHAR);
    satstat__fig_out(
        g,
           "# Its open triangles (▵ ▿: 1.33 wide and 1 high where the cairo\n"
           "# terminals' are as wide as high) and its diamonds likewise: at the same\n"
           "# size an open ▵ of 3 * pointscale was 46 px wide against the PNG's 31\n"
           "# and 35 high against 31, a ◆ 22 px against 19, at 3.5 in (figure review\n"
           "# 15).  (A filled ▲ the cairo terminals outline at the line types' width,\n"
           "# its tips mitred: as large as the svg terminal's.)  An open mark\n"
           "# (satstat__open_mark) as large as a filled one: the cairo terminals\n"
           "# outline it at open_lw, not the line types' width, and drew its square\n"
           "# 15 px against the filled 17 at 3.5 in and 9 against 11 at 1280 x 800,\n"
           "# 1.15 times larger 17 and 11; the svg terminal's outline is its own,\n"
           "# whatever the width, and at lt_pointsize its open mark is the filled\n"
           "# one's size (at 0.91 of it the SVG's squares were 2 px smaller and\n"
           "# their outlines thinner still: figure review 16, S1).\n"
           "open_size = (format eq 'svg') ? 1 : 1.15\n"
           "svg_triangle = (format eq 'svg') ? 0.78 : 1\n"
           "svg_diamond = (format eq 'svg') ? 0.86 : 1\n");
    satstat__gp_terminal(g->f);
}

/* Slots of the common schemes (satstat__series_slot). */
static const struct {
    const char *name;
    size_t slot;
} named_slots[] = {
    {"standard", 0}, {"scaled", 1}, {"he-normal", 2}, {"xavier-normal", 3},
    /* orthogonal sky blue: orange beside scaled's vermillion (the
     * Jacobian and isometry figures compare the two) read as one hue */
    {"orthogonal", 5}, {"lecun-normal", 4},
};

static int named_slot(const char *series, size_t *slot)
{
    size_t len = series ? strcspn(series, ":,") : 0;
    for (size_t k = 0; k < sizeof named_slots / sizeof named_slots[0]; k++)
        if (strlen(named_slots[k].name) == len && strncmp(series, named_slots[k].name, len) == 0) {
            *slot = named_slots[k].slot;
            return 1;
        }
    return 0;
}

/* The slots of schemes without one of their own: Tol's four; yellow; and
 * black, the formulas' ink, taken last. */
#define FIRST_SPARE 8u
#define SPARE_SLOTS 4u
#define YELLOW_SLOT 7u
#define INK_SLOT 6u

size_t satstat__series_slot(const char *const *series, size_t n, size_t i)
{
    enum { MAX_SERIES = 256 };
    if (!series || i >= n || n > MAX_SERIES)
        return i % SATSTAT__PALETTE_SIZE;
    size_t slot[MAX_SERIES];
    unsigned char has[MAX_SERIES] = {0}, used[SATSTAT__PALETTE_SIZE] = {0};
    /* the common schemes first, each name once */
    for (size_t j = 0; j < n; j++) {
        size_t s;
        if (named_slot(series[j], &s) && !used[s]) {
            slot[j] = s;
            has[j] = used[s] = 1;
        }
    }
    /* the others: Tol's four by the name's hash, then yellow, then any
     * free slot (cycling once all are taken) */
    for (size_t j = 0; j <= i; j++) {
        if (has[j])
            continue;
        uint32_t hash = 2166136261u; /* FNV-1a */
        for (const char *p = series[j] ? series[j] : ""; *p; p++)
            hash = (hash ^ (unsigned char)*p) * 16777619u;
        size_t found = SATSTAT__PALETTE_SIZE;
        for (size_t k = 0; k < SPARE_SLOTS && found == SATSTAT__PALETTE_SIZE; k++) {
            size_t s = FIRST_SPARE + (hash + k) % SPARE_SLOTS;
            if (!used[s])
                found = s;
        }
        if (found == SATSTAT__PALETTE_SIZE && !used[YELLOW_SLOT])
            found = YELLOW_SLOT;
        for (size_t s = 0; s < SATSTAT__PALETTE_SIZE && found == SATSTAT__PALETTE_SIZE; s++)
            if (!used[s] && s != INK_SLOT)
                found = s;
        if (found < SATSTAT__PALETTE_SIZE) {
            slot[j] = found;
            used[found] = 1;
        } else {
            slot[j] = j % SATSTAT__PALETTE_SIZE;
        }
    }
    return slot[i];
}

void satstat__fig_style_begin(satstat__fig *g, size_t styled, const char *const *series)
{
    satstat__fig_rule(g, "style");
    satstat__fig_out(
        g, "# One colour per scheme from the Okabe & Ito (2008) colour-blind-safe\n"
           "# palette, and a dash type per scheme as a second cue in greyscale print.\n"
           "# Lines 3 to 4 pixels wide (at 1280 x 800) and large points survive a projector.\n"
           "# The svg terminal's dash type 3 is dashed (2 and 4 line widths), where the\n"
           "# cairo terminals' is dotted (1 and 4): dotted in the SVG too (dash_unit:\n"
           "# the svg terminal's unit is 4 times pngcairo's).  Types 2, 4 and 5 agree.\n"
           "if (format eq 'svg') set dashtype 3 (4 * dash_unit, 16 * dash_unit)\n");
    for (size_t i = 0; i < styled; i++) {
        size_t k = satstat__series_slot(series, styled, i);
        satstat__fig_out(
            g, "set linetype %zu linecolor rgb '%s' linewidth 3 dashtype %zu pointtype %d pointsize lt_pointsize%s",
            i + 1, satstat__palette[k], k % SATSTAT__DASH_TYPES + 1, satstat__point_types[k],
            satstat__point_svg_factor(satstat__point_types[k]));
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
                        "set minussign                                    # tick labels with a true minus (U+2212)\n"
                        "# A tick step: 1, 2 or 5 times a power of ten, at most n ticks over a\n"
                        "# range r, at least 2 (satstat__fig_ticks: n from the panel's size, so that tick\n"
                        "# labels never run into each other on a small figure); but the next smaller\n"
                        "# step when that one would leave fewer than two steps in the range (a\n"
                        "# range of +-112 with steps of 200 showed the tick 0 alone: no scale).\n"
                        "tick_step(r, n) = (tick_n = (n < 2 ? 2. : 1. * floor(n)), tick_p = 10.**floor(log10(r / tick_n)), tick_m = r / tick_n / tick_p, tick_k = (tick_m <= 1.0001 ? 1 : tick_m <= 2.0001 ? 2 : tick_m <= 5.0001 ? 5 : 10), (r / (tick_k * tick_p) < 1.9999 ? (tick_k == 1 ? 0.5 : tick_k == 2 ? 1 : tick_k == 5 ? 2 : 5) : tick_k) * tick_p)\n"
                        "# A faint solid grid: gnuplot draws a grid in its dotted axis line type\n"
                        "# (sparse dots in pngcairo, dense in svg) unless given a line type.\n"
                        "set grid linetype 1 linecolor rgb '#E5E5E5' linewidth 1 dashtype solid\n");
}

/* A legend below the plot: its rows this many lines apart (gnuplot's
 * key spacing, in its v_char, which is less than line_height: the room
 * kept is the more); closer than the column's 1.15, for the plot's
 * height on a small figure. */
#define BELOW_SPACING "1.0"

/* Where layout_lines puts a legend of rows with a sample: beside the plot
 * unless that leaves it under half the width (a small figure), beside a
 * map unless its rows take a third of the height or less, or always below. */
enum legend_rule { LEGEND_BESIDE, LEGEND_MAP, LEGEND_BELOW };

/* A gnuplot expression of a legend below the plot by its run-time count
 * of columns (cols_choice): a choice for each count, up to
 * SATSTAT__LEGEND_ROWS of them */
#define LEGEND_EXPR_SIZE (48 * SATSTAT__LEGEND_ROWS)

/* The layout lines; key_rows and below_chars: the legend rows with a
 * sample and the longest of them, text_rows and text_chars: its rows of
 * text drawn across the width under them, all below the plot where rule
 * says (0 rows: never below). */
static void layout_lines(satstat__fig *g, size_t key_chars, size_t key_rows, size_t below_chars,
                         size_t text_rows, size_t text_chars, const char *rows_expr, int right_axis,
                         enum legend_rule rule)
{
    char kc[64];
    snprintf(kc, sizeof kc, "key_chars = %zu", key_chars);
    satstat__fig_out(g, "%-47s # the longest legend row, in characters\n", kc);
    satstat__fig_out(
        g, "char_width = 0.0097 * scale * 1280. / width     # one character of the font (digits are widest)\n"
           "sample_width = 0.07 * scale * 1280. / width     # a legend sample and the gap after it\n"
           "line_height = 16 * scale * 4 / 3. * 1.25 / height   # a line of text (the PNG's 96 dpi; the SVG's too: svg_vchar)\n"
           "line_width = line_height * height / width        # ... the same length across\n"
           "column = 0.985 - sample_width - key_chars * char_width\n");
    if (key_rows + text_rows > 0) {
        snprintf(kc, sizeof kc, "key_rows = %zu", key_rows);
        satstat__fig_out(g, "%-47s # legend rows with a sample\n", kc);
        snprintf(kc, sizeof kc, "below_chars = %zu", below_chars);
        satstat__fig_out(g, "%-47s # ... the longest of them\n", kc);
        snprintf(kc, sizeof kc, "text_rows = %zu", text_rows);
        satstat__fig_out(g, "%-47s # rows of text for a legend below the plot\n", kc);
        snprintf(kc, sizeof kc, "text_chars = %zu", text_chars);
        satstat__fig_out(g, "%-47s # ... the longest of them\n", kc);
        satstat__fig_out(
            g, "# When the column would leave the plot less than half the width (a\n"
               "# small figure), the legend goes below the plot: its rows with a sample\n"
               "# in as many columns as fit, then its rows of text (the figure's\n"
               "# numbers, short) across the width; the column's notes are in the\n"
               "# header and the numbers in full in the report.\n"
               "small_figure = (column < 0.55) ? 1 : 0\n"
               "legend_below = small_figure\n");
        if (rule == LEGEND_BELOW)
            satstat__fig_out(
                g, "# (below at every size: beside it, a 1280 x 800 slide's legend left a\n"
                   "# quarter of the slide blank under it, figure review 18, S6)\n"
                   "legend_below = 1\n");
        if (rule == LEGEND_MAP)
            satstat__fig_out(
                g, "# (a map's legend: below it too when its rows take a third of the height\n"
                   "# or less, the map the whole width; beside it, a 1280 x 800 map was 500 px\n"
                   "# wide and 29 %% of the canvas blank under the legend: figure review 15, S1.8)\n"
                   "legend_below = (key_rows * 1.15 * line_height <= 0.34) ? 1 : legend_below\n");
        char max_cols[128] = "";
        if (g->legend_max_cols > 0)
            snprintf(max_cols, sizeof max_cols,
                     "legend_cols = (legend_cols > %u) ? %u : legend_cols   # at most, as the figure asks\n",
                     g->legend_max_cols, g->legend_max_cols);
        satstat__fig_out(
            g, "# (below_chars: the longest row's advance width in DejaVu Sans, in\n"
               "# char_width, an upper bound; a column is that, its sample and a gap)\n"
               "legend_cols = floor(0.97 / (sample_width + (below_chars + 1) * char_width))\n"
               "legend_cols = (legend_cols < 1) ? 1 : legend_cols\n"
               "%s"
               "# (and a quarter line under the last row: a subscript there, χ_{1}, came\n"
               "# within 3 px of the canvas's edge at 3.5 in)\n"
               "legend_height = legend_below ? ((%s + text_rows) * " BELOW_SPACING " + 0.25) * line_height + 0.01 : 0\n"
               "column = legend_below ? 0.985 : column\n",
            max_cols, rows_expr);
    } else {
        satstat__fig_out(g, "column = (column < 0.55) ? 0.55 : column        # the plot keeps at least half the width\n"
                            "small_figure = 0\n"
                            "legend_below = 0\n"
                            "legend_height = 0\n");
    }
    satstat__fig_out(
        g, "plot_left = 0.01 + 6 * char_width + 2.2 * line_width   # room for the y tick labels and label\n"
           "# gnuplot sets an axis label off the axis by its estimate of the tick\n"
           "# labels' width, in h_char: the SVG's narrower one brought it nearer (the\n"
           "# colour bar's label sat on its tick labels), by (characters + 2) / 2 of\n"
           "# them times svg_hchar - 1 (measured); tick labels of 4 characters here\n"
           "# (satstat__fig_ylabel_room counts a y axis's)\n"
           "if (format eq 'svg') {\n"
           "    set ylabel offset -(svg_hchar - 1) * 3, 0\n"
           "    set y2label offset (svg_hchar - 1) * 3, 0\n"
           "    set cblabel offset (svg_hchar - 1) * 3, 0\n"
           "}\n"
           "# room for the title above, and for the x tick labels and label below;\n"
           "# tighter over a legend below the plot (a small figure), whose rows took\n"
           "# the plot's height (fig4 at 3.5 x 2.4 in kept 0.88 in)\n"
           "top = 0.98 - (legend_below ? 1.7 : 2.4) * line_height\n"
           "bottom = 0.02 + (legend_below ? 2.7 : 3.1) * line_height + legend_height\n");
    satstat__fig_out(g, "plot_right = column - %s   # %s\n",
                     right_axis ? "(0.01 + 5 * char_width + 2.6 * line_width)" : "0.03",
                     right_axis ? "room for the right-hand axis" : "a gap before the legend");
}

void satstat__fig_layout_column(satstat__fig *g, size_t key_chars, int right_axis)
{
    layout_lines(g, key_chars, 0, 0, 0, 0, NULL, right_axis, LEGEND_BESIDE);
}

/* A legend row that is text only (no sample): left out below the plot,
 * but for the rows given for below only. */
static int text_only(const satstat__legend *l, size_t i)
{
    return strstr(l->style[i], "nodraw") != NULL && !l->below_only[i];
}

/* A row of text for below the plot only: drawn there across the width,
 * under the columns of rows with a sample (in a column, a row of numbers
 * as long as the figure is wide made the legend one column of rows: at
 * 3.5 in sweep-variance's plot was 37 % of the height, figure review 18,
 * S4). */
static int text_below(const satstat__legend *l, size_t i)
{
    if (strstr(l->style[i], "nodraw") == NULL || !l->below_only[i])
        return 0;
    /* (only rows after the last row with a sample: a row of text between
     * two, deep-jacobian's numbers under their scheme's row, stays there) */
    for (size_t j = i + 1; j < l->n; j++)
        if (strstr(l->style[j], "nodraw") == NULL)
            return 0;
    return 1;
}

/* The rows with a sample a legend below the plot draws in its columns,
 * and the longest of them in char_width (its measured advance width: the
 * columns are placed by it, and a row wider than its column runs into
 * the next); its rows of text across the width, and their longest. */
typedef struct below_rows {
    size_t rows, longest, text_rows, text_longest;
} below_rows;

static below_rows rows_below(const satstat__legend *l)
{
    below_rows b = {0, 0, 0, 0};
    for (size_t i = 0; i < l->n; i++) {
        size_t n = (size_t)ceil(satstat__text_chars(l->title[i], l->tex[i]));
        if (text_only(l, i))
            continue;
        size_t *rows = text_below(l, i) ? &b.text_rows : &b.rows;
        size_t *longest = text_below(l, i) ? &b.text_longest : &b.longest;
        (*rows)++;
        if (n > *longest)
            *longest = n;
    }
    return b;
}

/* Whether row i of l is drawn in the columns of a legend below the plot
 * (a row with a sample, or a row of text between two). */
static int column_row(const satstat__legend *l, size_t i)
{
    return !text_only(l, i) && !text_below(l, i);
}

/* The rows a column of a legend below the plot holds at cols columns:
 * ceil(rows / cols), or more where rows kept together
 * (satstat__legend_keep) would otherwise be split, the least height at
 * which the groups, in order, fill at most cols columns; in col_of (when
 * not NULL) each column row's column, in order. */
static size_t column_height(const satstat__legend *l, size_t cols, size_t *col_of)
{
    size_t n = rows_below(l).rows, group[SATSTAT__LEGEND_ROWS], groups = 0;
    if (n == 0 || cols == 0)
        return 0;
    for (size_t i = 0; i < l->n; i++)
        if (column_row(l, i)) {
            if (groups == 0 || !l->keep[i])
                group[groups++] = 0;
            group[groups - 1]++;
        }
    for (size_t h = (n + cols - 1) / cols;; h++) {
        size_t col = 0, used = 0, k = 0, fits = 1;
        for (size_t j = 0; j < groups && fits; j++) {
            if (group[j] > h) {
                fits = 0;
                break;
            }
            if (used + group[j] > h)
                col++, used = 0;
            for (size_t r = 0; r < group[j]; r++, k++)
                if (col_of)
                    col_of[k] = col;
            used += group[j];
            fits = col < cols;
        }
        if (fits)
            return h;
    }
}

/* Whether l keeps some rows together in a legend below the plot. */
static int keeps_rows(const satstat__legend *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->keep[i] && column_row(l, i))
            return 1;
    return 0;
}

/* The gnuplot expression "((legend_cols <= 1) ? v[1] : ... : v[n])": the
 * value v[cols] at the run's count of columns legend_cols (n at n or
 * more). */
static void cols_choice(const size_t *v, size_t n, char *buf, size_t size)
{
    size_t used = (size_t)snprintf(buf, size, "(");
    for (size_t cols = 1; cols < n && used < size; cols++)
        used += (size_t)snprintf(buf + used, size - used, "(legend_cols <= %zu) ? %zu : ", cols, v[cols]);
    if (used < size)
        snprintf(buf + used, size - used, "%zu)", v[n]);
}

/* The gnuplot expression of a legend below the plot's rows a column
 * (legend_rows): ceil(key_rows / legend_cols), or where l keeps rows
 * together the heights column_height gives, one for each count of
 * columns. */
static void column_height_expr(const satstat__legend *l, char *buf, size_t size)
{
    size_t n = rows_below(l).rows, h[SATSTAT__LEGEND_ROWS + 1] = {0};
    if (!keeps_rows(l) || n == 0) {
        snprintf(buf, size, "ceil(1. * key_rows / legend_cols)");
        return;
    }
    for (size_t cols = 1; cols <= n; cols++)
        h[cols] = column_height(l, cols, NULL);
    cols_choice(h, n, buf, size);
}

static void layout_legend(satstat__fig *g, const satstat__legend *l, int right_axis,
                          enum legend_rule rule)
{
    below_rows b = rows_below(l);
    char rows_expr[LEGEND_EXPR_SIZE];
    column_height_expr(l, rows_expr, sizeof rows_expr);
    layout_lines(g, satstat__legend_chars(l), b.rows, b.longest, b.text_rows, b.text_longest,
                 rows_expr, right_axis, rule);
}

void satstat__fig_layout_legend(satstat__fig *g, const satstat__legend *l, int right_axis)
{
    layout_legend(g, l, right_axis, LEGEND_BESIDE);
}

void satstat__fig_layout_legend_map(satstat__fig *g, const satstat__legend *l, int right_axis)
{
    layout_legend(g, l, right_axis, LEGEND_MAP);
}

void satstat__fig_legend_max_cols(satstat__fig *g, unsigned n)
{
    g->legend_max_cols = n;
}

void satstat__fig_legend_below(satstat__fig *g)
{
    g->legend_below = 1;
}

void satstat__fig_layout_legend_below(satstat__fig *g, const satstat__legend *l, int right_axis)
{
    satstat__fig_legend_below(g);
    layout_legend(g, l, right_axis, LEGEND_BELOW);
}

void satstat__fig_xlabel_near(satstat__fig *g)
{
    satstat__fig_out(g, "# the x label half a line nearer its tick labels than gnuplot sets it\n"
                        "# (0.8 lines apart at 3.5 in, 33 px at 300 dpi: figure review 18, N12),\n"
                        "# and the plot 0.4 lines taller for it\n"
                        "set xlabel offset 0, 0.5\n"
                        "bottom = bottom - 0.4 * line_height\n");
}

void satstat__fig_taller_note(satstat__fig *g, unsigned asked_height, const char *why)
{
    double dpi = g->o.dpi ? g->o.dpi : 96;
    satstat__fig_out(g, "# taller than asked (the header says why): said on gnuplot's standard error\n"
                        "if (height == %u) print sprintf('note: drawn %%.3g x %%.3g in, taller than the %.3g in "
                        "asked: %s', width / (1. * dpi), height / (1. * dpi))\n",
                     g->o.height, asked_height / dpi, why);
}

/* The script's own numbers (satstat__fig_output_section, layout_lines),
 * in C: a figure that must choose its canvas before it writes needs them. */
void satstat__fig_canvas(const satstat_plot_options *o, double *fontpt, double *line_px)
{
    double w = o->width ? o->width : 1280, h = o->height ? o->height : 800;
    double dpi = o->dpi ? o->dpi : 96;
    *fontpt = o->font_size > 0 ? o->font_size : fmax(7, 16 * sqrt(fmin(w / 1280., h / 800.) * 96. / dpi));
    /* line_height = 16 * scale * 4 / 3 * 1.25 / height, scale = fontpt * dpi / 96 / 16 */
    *line_px = 16 * (*fontpt * dpi / 96. / 16) * 4 / 3. * 1.25;
}

void satstat__fig_text_room(const satstat_plot_options *o, double *chars_across, double *lines_down)
{
    double fontpt, line_px;
    satstat__fig_canvas(o, &fontpt, &line_px);
    double w = o->width ? o->width : 1280, h = o->height ? o->height : 800;
    double scale = fontpt * (o->dpi ? o->dpi : 96) / 96. / 16;
    /* (the script's char_width = 0.0097 * scale * 1280 / width) */
    *chars_across = w / (0.0097 * scale * 1280.);
    *lines_down = h / line_px;
}

/* The legend l below the plot at g's size (satstat__fig_layout_legend's
 * rule, as layout_lines writes it): its rows' height in pixels, and the
 * canvas's line of text; 0 when it stands right of the plot. */
static double legend_below_px(const satstat__fig *g, const satstat__legend *l, double *line_px)
{
    double fontpt;
    satstat__fig_canvas(&g->o, &fontpt, line_px);
    double w = g->o.width ? g->o.width : 1280;
    double dpi = g->o.dpi ? g->o.dpi : 96;
    double scale = fontpt * dpi / 96. / 16;
    double char_width = 0.0097 * scale * 1280. / w, sample_width = 0.07 * scale * 1280. / w;
    below_rows b = rows_below(l);
    double column = 0.985 - sample_width - (double)satstat__legend_chars(l) * char_width;
    if (b.rows + b.text_rows == 0 || (column >= 0.55 && !g->legend_below))
        return 0; /* the legend stands right of the plot */
    double cols = floor(0.97 / (sample_width + ((double)b.longest + 1) * char_width)); /* as layout_lines */
    if (cols < 1)
        cols = 1;
    if (g->legend_max_cols > 0 && cols > g->legend_max_cols)
        cols = g->legend_max_cols;
    /* (the rows of text under the columns, and the quarter line under the
     * last row, as layout_lines) */
    return (((double)column_height(l, (size_t)cols, NULL) + (double)b.text_rows) * atof(BELOW_SPACING) + 0.25)
           * *line_px;
}

double satstat__fig_legend_below_in(const satstat__fig *g, const satstat__legend *l)
{
    double line_px;
    return legend_below_px(g, l, &line_px) / (g->o.dpi ? g->o.dpi : 96);
}

unsigned satstat__fig_height_for_legend(const satstat__fig *g, const satstat__legend *l, double min_in)
{
    double line_px;
    double legend_px = legend_below_px(g, l, &line_px);
    if (legend_px == 0)
        return 0; /* the legend stands right of the plot: the plot keeps the height */
    double h = g->o.height ? g->o.height : 800;
    double dpi = g->o.dpi ? g->o.dpi : 96;
    /* (the legend below) top = 0.98 - 1.7 lines, bottom = 0.02 + 2.7
     * lines + legend_height, legend_height = ((ceil(rows / cols) +
     * text_rows) * BELOW_SPACING + 0.25) lines + 0.01 */
    double fixed_px = (1.7 + 2.7) * line_px + legend_px;
    double box_px = 0.95 * h - fixed_px;
    if (box_px >= min_in * dpi)
        return 0;
    return (unsigned)ceil((min_in * dpi + fixed_px) / 0.95);
}

unsigned satstat__fig_fit_height(satstat__fig *g, const satstat__legend *l, double min_in, char *note,
                                 size_t size)
{
    note[0] = '\0';
    unsigned tall = satstat__fig_height_for_legend(g, l, min_in);
    if (tall == 0)
        return 0;
    double fontpt, line_px;
    satstat__fig_canvas(&g->o, &fontpt, &line_px);
    double dpi = g->o.dpi ? g->o.dpi : 96;
    unsigned asked = g->o.height ? g->o.height : 800;
    snprintf(note, size,
             "Taller than asked: at %ux%u pixels the legend below the plot would leave\n"
             "it under %.2g in high; so this figure is %u pixels high (%.2g in), the\n"
             "width and the text (%.3g pt) as asked.",
             g->o.width, g->o.height, min_in, tall, tall / dpi, fontpt);
    g->o.height = tall;
    g->o.font_size = fontpt;
    return asked;
}

unsigned satstat__fig_fit_to_legend(satstat__fig *g, const satstat__legend *l, double min_in, char *note,
                                    size_t size)
{
    /* (1.05 times: the legend's panel starts 0.01 of the height above its
     * rows, 3 % of them at 3.5 in) */
    return satstat__fig_fit_height(g, l, fmax(min_in, 1.05 * satstat__fig_legend_below_in(g, l)), note,
                                   size);
}

double satstat__fig_half_in(const satstat__fig *g, const satstat__legend *l, double text_lines)
{
    double line_px, legend_px = legend_below_px(g, l, &line_px);
    if (legend_px == 0)
        return 0;
    /* the box is 0.95 of the height h less the text_lines and the legend's
     * rows, and legend_height's 0.01 of h: at least h / 2 when 0.94 h -
     * fixed >= h / 2, h >= fixed / 0.44; satstat__fig_fit_height, which
     * counts 4.4 lines, gives h for the box it asks for, 0.95 h less its
     * 4.4 lines and the rows */
    double dpi = g->o.dpi ? g->o.dpi : 96;
    double h = (text_lines * line_px + legend_px) / 0.44;
    return (0.95 * h - 4.4 * line_px - legend_px) / dpi;
}

unsigned satstat__fig_fit_half(satstat__fig *g, const satstat__legend *l, char *note, size_t size)
{
    /* 4.0 lines: top 1.7, bottom 2.7 less satstat__fig_xlabel_near's 0.4 */
    return satstat__fig_fit_height(g, l, satstat__fig_half_in(g, l, 4.0), note, size);
}

int satstat__fig_body_begin(satstat__fig *g, satstat__fig_body *b)
{
    b->text = NULL;
    b->size = 0;
    b->file = g->f;
    FILE *m = open_memstream(&b->text, &b->size);
    if (!m) {
        satstat__fig_fail(g, SATSTAT_ENOMEM);
        return SATSTAT_ENOMEM;
    }
    g->f = m;
    return SATSTAT_OK;
}

void satstat__fig_body_hold(satstat__fig *g, satstat__fig_body *b)
{
    if (g->f != b->file) {
        if (fclose(g->f) != 0)
            satstat__fig_fail(g, SATSTAT_ENOMEM);
        g->f = b->file;
    }
}

void satstat__fig_body_write(satstat__fig *g, satstat__fig_body *b)
{
    satstat__fig_body_hold(g, b);
    if (b->text && b->size && fwrite(b->text, 1, b->size, g->f) != b->size)
        satstat__fig_fail(g, SATSTAT_EIO);
    free(b->text);
    b->text = NULL;
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
    l->tex[l->n] = 0;
    l->below_only[l->n] = 0;
    l->keep[l->n] = 0;
    l->when[l->n][0] = '\0';
    l->n++;
}

void satstat__legend_when(satstat__legend *l, const char *cond)
{
    if (l->n > 0)
        snprintf(l->when[l->n - 1], sizeof l->when[0], "%s", cond);
}

/* A blank row at position at of the legend l (a space for its title:
 * gnuplot leaves an empty title out), the rows from there one down. */
void satstat__legend_insert_blank(satstat__legend *l, size_t at)
{
    if (at > l->n || l->n >= SATSTAT__LEGEND_ROWS)
        return;
    for (size_t i = l->n; i > at; i--) {
        memcpy(l->style[i], l->style[i - 1], sizeof l->style[i]);
        memcpy(l->title[i], l->title[i - 1], sizeof l->title[i]);
        memcpy(l->when[i], l->when[i - 1], sizeof l->when[i]);
        l->tex[i] = l->tex[i - 1];
        l->below_only[i] = l->below_only[i - 1];
        l->keep[i] = l->keep[i - 1];
    }
    snprintf(l->style[at], sizeof l->style[at], "with lines linetype nodraw");
    snprintf(l->title[at], sizeof l->title[at], " ");
    l->when[at][0] = '\0';
    l->tex[at] = 0;
    l->below_only[at] = 0;
    l->keep[at] = 0;
    l->n++;
}

void satstat__legend_keep(satstat__legend *l)
{
    if (l->n > 1)
        l->keep[l->n - 1] = 1;
}

void satstat__legend_below_only(satstat__legend *l)
{
    if (l->n > 0)
        l->below_only[l->n - 1] = 1;
}

void satstat__legend_tex(satstat__legend *l)
{
    if (l->n > 0)
        l->tex[l->n - 1] = 1;
}

/* Advance widths of DejaVu Sans (the figures' font), in 1/2048 em, of
 * the printable ASCII characters from ' ' on (read from DejaVuSans.ttf
 * with PIL's ImageFont.getlength at 2048 px, as are the symbols'); a
 * digit is 1303. */
static const unsigned short dejavu_sans_width[95] = {
    651,  821,  942,  1716, 1303, 1946, 1597, 563,  799,  799,  1024, 1716, 651,  739,  651,  690,
    1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690,  690,  1716, 1716, 1716, 1087,
    2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604,  604,  1343, 1141, 1767, 1532, 1612,
    1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799,  690,  799,  1716, 1024,
    1024, 1255, 1300, 1126, 1300, 1260, 721,  1300, 1298, 569,  569,  1186, 569,  1995, 1298, 1253,
    1300, 1300, 842,  1067, 803,  1298, 1212, 1675, 1212, 1212, 1075, 1303, 690,  1303, 1716};

double satstat__text_chars(const char *s, int tex)
{
    double w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) == 0x80)
            continue; /* a UTF-8 continuation byte */
        /* enhanced text's markup prints nothing; a sub- or superscript
         * is about as wide as the character it follows (upper bound) */
        if (tex && (*p == '_' || *p == '^' || *p == '{' || *p == '}' || *p == '@' || *p == '&'))
            continue;
        if (*p >= 0x20 && *p < 0x7F) {
            w += dejavu_sans_width[*p - 0x20];
            continue;
        }
        /* the symbols the legends use, and an operator's width (the
         * widest of them) for any other: a row too long is cut at the
         * canvas's edge, one too short only leaves a gap */
        static const struct { const char *utf8; unsigned short width; } symbols[] = {
            {"σ", 1298}, {"χ", 1183}, {"μ", 1303}, {"δ", 1253}, {"φ", 1351}, {"‖", 1024},
            {"′", 465},  {"▼", 1575}, {"·", 651}, {"ℓ", 846},
            {"\xE2\x81\xA0", 0}}; /* the word joiner of SATSTAT__FIG_SCRIPT_SPACE */
        unsigned short sw = 1716; /* ≥ ≤ × → ± − */
        for (size_t k = 0; k < sizeof symbols / sizeof symbols[0]; k++)
            if (strncmp((const char *)p, symbols[k].utf8, strlen(symbols[k].utf8)) == 0)
                sw = symbols[k].width;
        w += sw;
    }
    /* in the layout's char_width, 0.0097 of 1280 px at 16 pt (scale 1):
     * an em of the 16 pt font is 16 * 4/3 px at 96 dpi, so a digit (0.636
     * em) is 13.6 px, 1.09 char_width; the count of characters the
     * layout used before overestimated text and underestimated numbers */
    return w / 2048.0 * (16 * 4 / 3.0) / (0.0097 * 1280);
}

void satstat__fig_multiplot_title(satstat__fig *g, const char *title, int tex)
{
    const char *cut = NULL;
    for (const char *p = title; (p = strstr(p, "; ")) != NULL; p++)
        cut = p;
    if (!cut)
        for (const char *p = title; (p = strstr(p, ": ")) != NULL; p++)
            cut = p;
    char head[512];
    snprintf(head, sizeof head, "%.*s", cut ? (int)(cut - title) : (int)strlen(title), title);
    void (*quote)(satstat__fig *, const char *) = tex ? satstat__fig_qtex : satstat__fig_qstr;
    satstat__fig_out(g, "title_whole = ");
    quote(g, title);
    satstat__fig_out(g, "\ntitle_head = ");
    quote(g, head);
    /* widths measured (strlen counted bytes: UTF-8 and markup made a
     * title that fitted, 'scheme he-normal: weights N(0, 2/n_{in})', lose
     * its weights at 3.5 in), and a size that fits when even the head is
     * too long (at 9 pt in 3.5 in, deep-jacobian's title ran off both
     * edges) */
    /* within 0.94 of the width: the drawn text is about 1 % wider than
     * the advance widths add up to, and at 0.97 a title shrunk to fit
     * (deep-activations-tanh's at 3.5 in) ended 11 px, 0.9 mm, from the
     * canvas's edge (figure review 16, S7) */
    satstat__fig_out(g,
                     "   # without its tail, for a small figure\n"
                     "title_chars = %.1f   # the whole title's width in char_width (DejaVu Sans advance widths)\n"
                     "head_chars = %.1f    # ... and the head's\n"
                     "title_room = 0.94    # the share of the width a title may take\n"
                     "title_fit = (title_chars * char_width < title_room || head_chars * char_width < title_room) ? 1 : title_room / (head_chars * char_width)\n"
                     "set multiplot title (title_chars * char_width < title_room ? title_whole : title_head) "
                     "font font_at(title_fit)\n",
                     satstat__text_chars(title, tex), satstat__text_chars(head, tex));
}

size_t satstat__legend_chars(const satstat__legend *l)
{
    size_t m = 0;
    for (size_t i = 0; i < l->n; i++) {
        size_t n = (size_t)ceil(satstat__text_chars(l->title[i], l->tex[i]));
        if (n > m && !l->below_only[i])
            m = n;
    }
    return m;
}

/* Legend rows that fit in one column at the usual spacing of 1.15 lines;
 * more are set 1.0 apart. */
#define LEGEND_FIT 22

/* Blank rows at the foot of a legend's first column below the plot, up to
 * the columns' height, where rows kept together (satstat__legend_keep)
 * left it shorter than the others: the rows of text go under it, and
 * after two rows of its own they ran through the third row of the next
 * column (figure review 24). */
static void first_column_pad(satstat__fig *g, const satstat__legend *l)
{
    size_t n = rows_below(l).rows, col_of[SATSTAT__LEGEND_ROWS], pad[SATSTAT__LEGEND_ROWS + 1] = {0},
           most = 0;
    for (size_t cols = 1; cols <= n; cols++) {
        size_t h = column_height(l, cols, col_of), first = 0;
        for (size_t k = 0; k < n; k++)
            first += col_of[k] == 0;
        pad[cols] = h - first;
        most = pad[cols] > most ? pad[cols] : most;
    }
    char choice[LEGEND_EXPR_SIZE];
    cols_choice(pad, n, choice, sizeof choice);
    for (size_t j = 0; j < most; j++)
        satstat__fig_out(g, ", \\\n     keyentry with lines linetype nodraw title ((0 == legend_col && %zu < %s) ? ' ' : '')",
                         j, choice);
}

/* The legend's plot: in the column (with_text), or below the plot, where
 * the loop over the columns (legend_col) draws the k-th row in column
 * k / legend_rows, down each column as gnuplot's own columns went (the
 * others' titles empty: no key entry). */
static void legend_plot(satstat__fig *g, const satstat__legend *l, int with_text)
{
    satstat__fig_out(g, "%splot -1 with lines linetype nodraw notitle", with_text ? "" : "    ");
    size_t k = 0, keeps = keeps_rows(l), n = rows_below(l).rows;
    size_t col_of[SATSTAT__LEGEND_ROWS]; /* (the column rows' columns: keeps_rows) */
    /* (below: the rows with a sample, then the rows of text, in the first
     * column under its rows, the longest there; they run on across the
     * others, whose rows end above them) */
    for (int text_pass = 0; text_pass <= !with_text; text_pass++) {
        if (text_pass && keeps && rows_below(l).text_rows > 0)
            first_column_pad(g, l);
        for (size_t i = 0; i < l->n; i++) {
            if (with_text ? l->below_only[i] : text_only(l, i) || text_below(l, i) != text_pass)
                continue;
            const char *when = l->when[i];
            satstat__fig_out(g, ", \\\n     keyentry %s title ", l->style[i]);
            /* (an empty title: no key entry, the row left out) */
            if (!with_text && text_pass)
                satstat__fig_out(g, "(0 == legend_col%s%s%s ? ", *when ? " && (" : "", when,
                                 *when ? ")" : "");
            else if (!with_text && keeps) {
                /* (row k's column at each count of columns) */
                size_t col[SATSTAT__LEGEND_ROWS + 1] = {0};
                char choice[LEGEND_EXPR_SIZE];
                for (size_t cols = 1; cols <= n; cols++) {
                    column_height(l, cols, col_of);
                    col[cols] = col_of[k];
                }
                cols_choice(col, n, choice, sizeof choice);
                satstat__fig_out(g, "(%s == legend_col%s%s%s ? ", choice, *when ? " && (" : "", when,
                                 *when ? ")" : "");
                k++;
            } else if (!with_text)
                satstat__fig_out(g, "(int(%zu / legend_rows) == legend_col%s%s%s ? ", k++,
                                 *when ? " && (" : "", when, *when ? ")" : "");
            else if (*when)
                satstat__fig_out(g, "((%s) ? ", when);
            quoted_text(g, l->title[i], !l->tex[i]);
            if (!with_text || *when)
                satstat__fig_out(g, " : '')");
        }
    }
    satstat__fig_out(g, "\n");
}

void satstat__fig_legend_panel(satstat__fig *g, const satstat__legend *l, const char *column,
                               const char *top, const char *unsets)
{
    /* from `column`, or nearer the left edge when its longest row would
     * run past the right one (a legend under the panels, at plot_left: at
     * 9 pt in 3.5 in deep-activations' last row was cut at the edge), and
     * in smaller text when even from the edge it is too long */
    const char *spacing = l->n > LEGEND_FIT ? "1.0" : "1.15";
    satstat__fig_out(g,
                     "legend_chars = %zu   # the legend's longest row, in char_width\n"
                     "legend_left = %s\n"
                     "legend_left = (legend_left + sample_width + legend_chars * char_width > 0.99) ? "
                     "0.99 - sample_width - legend_chars * char_width : legend_left\n"
                     "legend_left = (legend_left < 0.01) ? 0.01 : legend_left\n"
                     "legend_fit = (legend_left + sample_width + legend_chars * char_width > 0.99) ? "
                     "(0.98 - sample_width) / (legend_chars * char_width) : 1\n"
                     "set lmargin at screen legend_left\n"
                     "set rmargin at screen 0.99        # the legend's panel: the column, to the edges\n"
                     "set tmargin at screen %s   # the first row level with the top of the plot\n"
                     "set bmargin at screen 0.02\n"
                     "unset border\nunset tics\nunset grid\nunset xlabel\nunset ylabel\n%s"
                     "unset object\nunset arrow\nunset label\n"
                     "set xrange [0:1]\nset yrange [0:1]\n",
                     satstat__legend_chars(l), column, top, unsets ? unsets : "");
    satstat__fig_out(g,
                     "# samples 2.5 characters long, rows %s lines apart (%zu rows)\n"
                     "legend_font = font_at(legend_fit)   # (set key takes a string, not an expression)\n"
                     "set key inside left top Left reverse samplen 2.5 * svg_hchar spacing %s "
                     "font legend_font\n",
                     spacing, l->n, spacing);
    satstat__fig_out(g, "# an empty plot (a line out of range) whose key is the legend\n");
    char rows_expr[LEGEND_EXPR_SIZE];
    column_height_expr(l, rows_expr, sizeof rows_expr);
    satstat__fig_out(g, "if (exists('legend_below') && legend_below) {\n"
                        "    # below the plot, across the figure: the rows with a sample, in\n"
                        "    # legend_cols columns spread over the width, each a key of its own\n"
                        "    # (gnuplot's 'horizontal maxcols' sized its columns by its own\n"
                        "    # estimate of the text, made fewer when that was wider, and dropped\n"
                        "    # the rows that no longer fitted the height); a column holds\n"
                        "    # legend_rows rows, the height legend_height keeps\n"
                        "    legend_rows = %s\n"
                        "    set tmargin at screen 0.01 + legend_height\n"
                        "    set bmargin at screen 0.005\n"
                        "    set rmargin at screen 0.99\n"
                        "    # one column whose longest row is wider than the figure, or a row of\n"
                        "    # text that is: its text smaller\n"
                        "    legend_fit = (sample_width + below_chars * char_width > 0.98) ? "
                        "(0.98 - sample_width) / (below_chars * char_width) : 1\n"
                        "    text_fit = (sample_width + text_chars * char_width > 0.98) ? "
                        "(0.98 - sample_width) / (text_chars * char_width) : 1\n"
                        "    legend_fit = (text_fit < legend_fit) ? text_fit : legend_fit\n"
                        "    legend_font = font_at(legend_fit)\n"
                        "    set key inside left top Left reverse samplen 2.5 * svg_hchar spacing " BELOW_SPACING " vertical "
                        "font legend_font\n"
                        "    do for [legend_col = 0:legend_cols - 1] {\n"
                        "    set lmargin at screen 0.01 + legend_col * 0.97 / legend_cols\n",
                     rows_expr);
    legend_plot(g, l, 0);
    satstat__fig_out(g, "    }\n} else {\n");
    legend_plot(g, l, 1);
    satstat__fig_out(g, "}\nunset multiplot\n");
}

/* ---- axes, words ------------------------------------------------------------*/

static const double nice_steps[] = {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
enum { NICE_STEPS = sizeof nice_steps / sizeof nice_steps[0] };

/* step i times 10^e, divided by 10^-e when e < 0: 3 / 10 is the double
 * nearest 0.3, 3 * 0.1 is not (the scripts read 0.30000000000000004) */
static double nice_value(size_t i, double e)
{
    double p = pow(10.0, fabs(e));
    return e < 0 ? nice_steps[i] / p : nice_steps[i] * p;
}

double satstat__nice_ceil(double x)
{
    if (!(x > 0) || !isfinite(x))
        return 1.0;
    double e = floor(log10(x));
    for (size_t i = 0; i < NICE_STEPS; i++)
        if (nice_value(i, e) >= x * (1 - 1e-12))
            return nice_value(i, e);
    return nice_value(NICE_STEPS - 1, e);
}

double satstat__nice_floor(double x)
{
    if (!(x > 0) || !isfinite(x))
        return 1.0;
    double e = floor(log10(x));
    for (size_t i = NICE_STEPS - 1; i-- > 0;) /* (10 itself is the next e's 1) */
        if (nice_value(i, e) <= x * (1 + 1e-12))
            return nice_value(i, e);
    return nice_value(0, e);
}

double satstat__step125(double x, int up)
{
    static const double m[] = {1, 2, 5, 10};
    double p = pow(10.0, floor(log10(x)));
    if (up) {
        for (size_t i = 0; i < 4; i++)
            if (m[i] * p >= x * (1 - 1e-12))
                return m[i] * p;
        return 10 * p;
    }
    for (size_t i = 4; i-- > 0;)
        if (m[i] * p <= x * (1 + 1e-12))
            return m[i] * p;
    return p;
}

void satstat__fig_log_axis(satstat__fig *g, char axis, const char *lo, const char *hi,
                           const char *span)
{
    /* the ticks listed one by one: gnuplot 5.4 spins for minutes on a log
     * axis over 100+ decades given a tick step ("set ytics 1e15") */
    satstat__fig_out(g,
                     "# a log axis: ticks 10^{n}, every decade or every k-th so that tick\n"
                     "# labels are at least 1.6 lines apart over the panel's height\n"
                     "set logscale %c 10\n"
                     "set format %c '10^{%%T}'\n"
                     "log_first = ceil(log10(%s) - 1e-9)\n"
                     "log_last = floor(log10(%s) + 1e-9)\n"
                     "log_step = ceil((log_last - log_first) * 1.6 * line_height / (%s))\n"
                     "log_step = (log_step < 1) ? 1 : log_step\n"
                     "set %ctics (10.**log_last)\n"
                     "do for [log_k = 1:int((log_last - log_first) / log_step)] {\n"
                     "    set %ctics add (10.**(log_last - log_k * log_step))\n"
                     "}\n",
                     axis, axis, lo, hi, span, axis, axis);
}

void satstat__fig_zero_strip(satstat__fig *g, const char *span)
{
    satstat__fig_out(
        g,
        "# sampled 0s: a strip below the data's foot ylo, 1.2 lines high, labelled 0;\n"
        "# the y axis broken (a white gap, two strokes) between it and ylo\n"
        "zero_line = line_height / (%s)   # a line of text, of the plot's height\n"
        "zero_strip = 1.2 * zero_line\n"
        "yfoot = ylo / (yhi / ylo)**(zero_strip / (1 - zero_strip))\n"
        "zero_decades = log10(yhi / yfoot)                  # decades over the plot's height\n"
        "yzero = yfoot * 10**(0.45 * zero_line * zero_decades)   # the open marks\n"
        "zero_bar = yzero * 10**(0.3 * zero_line * zero_decades) # ... their bars start above them\n"
        "zero_gap = yfoot * 10**(0.85 * zero_line * zero_decades)  # the axis's break: zero_gap to ylo\n"
        "zero_tilt = 10**(0.15 * zero_line * zero_decades) # a stroke's half height, as a factor\n"
        "set yrange [yfoot:yhi]\n"
        "set ytics add ('0' yzero)\n",
        span);
    satstat__fig_zero_break(g, "plot_left");
}

void satstat__fig_zero_break(satstat__fig *g, const char *left)
{
    satstat__fig_out(
        g,
        "# the y axis at screen x = %s broken between the strip and ylo\n"
        "set object 101 rectangle from screen %s - 0.9 * char_width, first zero_gap "
        "to screen %s + 0.003, first ylo fillcolor rgb '#FFFFFF' fillstyle solid 1.0 noborder front\n"
        "set arrow 101 from screen %s - 0.7 * char_width, first zero_gap / zero_tilt "
        "to screen %s + 0.7 * char_width, first zero_gap * zero_tilt nohead linecolor rgb '#000000' linewidth 1.5 front\n"
        "set arrow 102 from screen %s - 0.7 * char_width, first ylo / zero_tilt "
        "to screen %s + 0.7 * char_width, first ylo * zero_tilt nohead linecolor rgb '#000000' linewidth 1.5 front\n",
        left, left, left, left, left, left, left);
}

void satstat__fig_ticks(satstat__fig *g, const char *axis, const char *lo, const char *hi,
                        const char *span, int label_chars)
{
    if (axis[0] == 'x')
        satstat__fig_out(g, "set %stics tick_step((%s) - (%s), (%s) / (%d * char_width))\n", axis,
                         hi, lo, span, label_chars + 2);
    else {
        char step[512];
        satstat__fig_up_tick_step(lo, hi, span, step, sizeof step);
        satstat__fig_out(g, "set %stics %s\n", axis, step);
    }
}

void satstat__fig_up_tick_step(const char *lo, const char *hi, const char *span, char *buf,
                               size_t size)
{
    /* at least 3 up a short axis, so that it keeps two labels */
    snprintf(buf, size, "tick_step((%s) - (%s), ((%s) / (1.8 * line_height) < 3) ? 3 : (%s) / (1.8 * line_height))",
             hi, lo, span, span);
}

void satstat__fig_ylabel_room(satstat__fig *g, const char *lo, const char *hi, const char *span)
{
    /* gnuplot sets the y label left of the tick labels by its own estimate
     * of their width, a character each, wider than DejaVu's digits and
     * point: five-character labels (fig1's '0.015', step 0.005) put the
     * label's ascenders 8 px of 1050 from the left edge at 3.5 in, where
     * four left 50 (figure review 8, S13; deep-isometry's deep-variance,
     * '0.025', 9 px: review 9, S4); then the label comes one character to
     * the right.  The svg terminal's character is narrower (svg_hchar,
     * layout_lines): there the label comes less near, by (ytick_chars + 2)
     * / 2 of its characters times svg_hchar - 1 (measured: the SVG's label
     * within 3 px of the PNG's at 3.5 in with three- to five-character
     * labels).  ytick_chars: the widest label of the step
     * satstat__fig_ticks set. */
    char step[512];
    satstat__fig_up_tick_step(lo, hi, span, step, sizeof step);
    satstat__fig_out(
        g, "ytick_step = %s\n"
           "ytick_chars = 0\n"
           "do for [k = ceil((%s) / ytick_step - 1e-9) : floor((%s) / ytick_step + 1e-9)] {\n"
           "    ytick_chars = (strlen(sprintf('%%g', k * ytick_step)) > ytick_chars) ? strlen(sprintf('%%g', k * ytick_step)) : ytick_chars\n"
           "}\n"
           "set ylabel offset svg_hchar * ((ytick_chars >= 5) ? 1 : 0) - (svg_hchar - 1) * (ytick_chars + 2) / 2., 0\n",
        step, lo, hi);
}

int satstat__fig_log_y(const satstat__fig *g, double lo, double hi)
{
    if (!(lo > 0) || !isfinite(lo) || !isfinite(hi))
        return 0;
    return g->o.log_y || hi > SATSTAT__LOG_Y_SPAN * lo;
}

/* U+2009 THIN SPACE between groups of three digits (ISO 80000-1). */
#define THIN_SPACE "\xE2\x80\x89"

static void group_digits(const char *digits, char *buf, size_t size)
{
    size_t len = strlen(digits), n = 0;
    for (size_t k = 0; k < len && n + 4 < size; k++) {
        if (k > 0 && (len - k) % 3 == 0) {
            memcpy(buf + n, THIN_SPACE, 3);
            n += 3;
        }
        buf[n++] = digits[k];
    }
    buf[n] = '\0';
}

void satstat__fig_count(unsigned long long n, char buf[SATSTAT__FIG_NUM_SIZE])
{
    char digits[32];
    snprintf(digits, sizeof digits, "%llu", n);
    if (strlen(digits) < 5)
        snprintf(buf, SATSTAT__FIG_NUM_SIZE, "%s", digits);
    else
        group_digits(digits, buf, SATSTAT__FIG_NUM_SIZE);
}

void satstat__fig_num(double x, int digits, char buf[SATSTAT__FIG_NUM_SIZE])
{
    if (isnan(x)) {
        snprintf(buf, SATSTAT__FIG_NUM_SIZE, "n/a");
        return;
    }
    if (isinf(x)) { /* a true minus, as below */
        snprintf(buf, SATSTAT__FIG_NUM_SIZE, "%s∞", x < 0 ? "\xE2\x88\x92" : "");
        return;
    }
    if (x == 0)
        x = 0.0; /* no "-0" */
    const char *minus = x < 0 ? "\xE2\x88\x92" : "";
    double a = fabs(x);
    if (a >= 1e4 && a < 1e9 && a == floor(a)) {
        char grouped[SATSTAT__FIG_NUM_SIZE];
        satstat__fig_count((unsigned long long)a, grouped);
        snprintf(buf, SATSTAT__FIG_NUM_SIZE, "%s%.40s", minus, grouped);
        return;
    }
    char g[40];
    snprintf(g, sizeof g, "%.*g", digits, a);
    char *e = strchr(g, 'e');
    if (!e) {
        if (a >= 1e4 && !strchr(g, '.')) { /* 12345 at 5+ digits: grouped */
            char grouped[SATSTAT__FIG_NUM_SIZE];
            group_digits(g, grouped, sizeof grouped);
            snprintf(buf, SATSTAT__FIG_NUM_SIZE, "%s%.40s", minus, grouped);
        } else {
            snprintf(buf, SATSTAT__FIG_NUM_SIZE, "%s%.40s", minus, g);
        }
        return;
    }
    int exponent = atoi(e + 1);
    *e = '\0';
    snprintf(buf, SATSTAT__FIG_NUM_SIZE, "%s%.12s\xC3\x97" "10^{%s%d}", minus, g,
             exponent < 0 ? "\xE2\x88\x92" : "", abs(exponent));
}

void satstat__fig_level(double alpha, char *buf, size_t size)
{
    snprintf(buf, size, "%.6g %%", 100.0 * (1.0 - alpha));
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
        if (!set->name(set->ctx, i, name, SATSTAT_PLOT_NAME_SIZE)
            || !satstat_plot_figure_chosen(set->options, name))
            continue; /* not chosen (--figures) */
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

/* Whether this transaction writes NAME.gp into d (a temporary file), and
 * whether a NAME.gp is in the folder already. */
static int written_here(satstat_txn_dir *d, const char *script)
{
    char source[PATH_MAX], plain[SATSTAT_PLOT_NAME_SIZE + 8];
    snprintf(plain, sizeof plain, "./%s", script);
    return satstat_txn_dir_source(d, script, source, sizeof source) == SATSTAT_OK
           && strcmp(source, plain) != 0;
}

static int in_folder(satstat_txn_dir *d, const char *script)
{
    return faccessat(satstat_txn_dir_fd(d), script, F_OK, 0) == 0;
}

int satstat__fig_render_set(const satstat__figure_set *set, satstat_txn_dir *d,
                            satstat_render_format format, const char *program, char *msg,
                            size_t msg_size)
{
    satstat__set_msg(msg, msg_size, "%s", "");
    if (!set || !d || (unsigned)format > SATSTAT_RENDER_PDF)
        return SATSTAT_EINVAL;
    if (format == SATSTAT_RENDER_NONE)
        return SATSTAT_OK;
    size_t cap = set->n ? set->n : 1;
    char (*names)[SATSTAT_PLOT_NAME_SIZE] = calloc(cap, sizeof *names);
    const char **list = calloc(cap, sizeof *list);
    int *ours = calloc(cap, sizeof *ours);
    if (!names || !list || !ours) {
        free(ours);
        free(list);
        free(names);
        satstat__set_msg(msg, msg_size, "out of memory");
        return SATSTAT_ENOMEM;
    }
    /* the scripts this transaction writes (those --figures chose); when it
     * writes none (rendering a folder written before), the scripts there */
    size_t any_ours = 0;
    for (size_t i = 0; i < set->n; i++) {
        char script[SATSTAT_PLOT_NAME_SIZE + 4];
        if (!set->name(set->ctx, i, names[i], sizeof names[i]))
            continue;
        snprintf(script, sizeof script, "%s.gp", names[i]);
        ours[i] = written_here(d, script) ? 1 : in_folder(d, script) ? 2 : 0;
        any_ours += ours[i] == 1;
    }
    size_t k = 0;
    for (size_t i = 0; i < set->n; i++)
        if (any_ours ? ours[i] == 1 : ours[i] != 0)
            list[k++] = names[i];
    int rc = k ? satstat__gp_render_dir(d, list, k, format, program, msg, msg_size) : SATSTAT_OK;
    free(ours);
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
    if (!set || !dir || !*dir || (unsigned)format > SATSTAT_RENDER_PDF)
        return SATSTAT_EINVAL;
    if (format == SATSTAT_RENDER_NONE)
        return SATSTAT_OK;
    set_call a = {set, format, program};
    return satstat__gp_dir_once(dir, render_set_fn, &a, msg, msg_size);
}

/* ---- small multiples -------------------------------------------------------*/

void satstat__fig_layout_grid(satstat__fig *g, size_t cols, size_t rows, double gap_chars,
                              double gap_lines)
{
    satstat__fig_out(
        g,
        "grid_cols = %zu\ngrid_rows = %zu                                 # small multiples\n"
        "gap_x = %.3g * char_width                      # room for a panel's y tick labels\n"
        "gap_y = %.3g * line_height                     # ... and for its title and x tick labels\n"
        "panel_w = (plot_right - plot_left - (grid_cols - 1) * gap_x) / grid_cols\n"
        "panel_h = (top - bottom - (grid_rows - 1) * gap_y) / grid_rows\n"
        "panel_l(c) = plot_left + c * (panel_w + gap_x)\n"
        "panel_r(c) = panel_l(c) + panel_w\n"
        "panel_t(r) = top - r * (panel_h + gap_y)\n"
        "panel_b(r) = panel_t(r) - panel_h\n",
        cols, rows, gap_chars, gap_lines);
}

void satstat__fig_grid_panel(satstat__fig *g, size_t col, size_t row)
{
    satstat__fig_out(g,
                     "set lmargin at screen panel_l(%zu)\nset rmargin at screen panel_r(%zu)\n"
                     "set tmargin at screen panel_t(%zu)\nset bmargin at screen panel_b(%zu)\n",
                     col, col, row, row);
}
