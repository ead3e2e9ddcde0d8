/* figure-int.h — the one figure toolkit that run (plot*.c), deep
 * (deep_plot.c) and sweep (sweep_plot.c) figures are written with: the
 * look every script shares (palette, fonts, axes, the legend panel), the
 * quoting of names and words, writing a folder of scripts through the
 * output transaction (satstat/io.h) and rendering it (gnuplot.c, the
 * layer below, through gnuplot-int.h).  Each figure module then says only
 * what its figures show.  Private to the library. */
#ifndef SATSTAT_FIGURE_INT_H
#define SATSTAT_FIGURE_INT_H

#include <locale.h>
#include <stddef.h>
#include <stdio.h>

#include <satstat/io.h>
#include <satstat/plot.h>

#include "output/gnuplot-int.h"
#include "base/locale-int.h"

/* Internal to the library: not exported from the shared object. */

#if defined(__GNUC__)
#define SATSTAT__PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define SATSTAT__PRINTF_LIKE(f, a)
#endif

/* ---- style ---------------------------------------------------------------*/

/* The wording every figure follows:
 * - Titles in sentence case, no full stop: the first word capitalised, the
 *   rest lower case but for names and symbols ("Saturated fraction
 *   P(|z| ≥ t) against the threshold t").
 * - Symbols typeset (enhanced text, satstat__fig_qtex): σ_{w}^{2}, χ_{1},
 *   ≥ and ≤ (never >=), a true minus in tick labels (set minussign, in
 *   satstat__fig_style_end), 10^{n} on log axes (satstat__fig_log_axis).
 * - A normal law with its variance named: N(0, σ^{2} = 1.5).
 * - "formula" for a law computed in closed form or by quadrature,
 *   "exact" only where the law is exact, "sampled" for the sampler's.
 * - Percentages with a space: "99.9 %". */

/* The Okabe & Ito (2008) "Color Universal Design" palette, in an order that
 * keeps the first series far apart, yellow (the weakest on white) last,
 * then four of Paul Tol's colour-blind-safe "muted" colours (wine, rose,
 * olive, indigo; rose where Tol's teal stood beside Okabe & Ito's bluish
 * green as two of one hue, figure review 8) for the schemes without a
 * slot of their own; its
 * colours' names; a point type per colour; dash types 1..5 cycle beside. */
#define SATSTAT__PALETTE_SIZE 12u
#define SATSTAT__DASH_TYPES 5u
extern const char *const satstat__palette[SATSTAT__PALETTE_SIZE];
extern const char *const satstat__palette_names[SATSTAT__PALETTE_SIZE];
extern const int satstat__point_types[SATSTAT__PALETTE_SIZE];
/* The open twin of a filled point type (gnuplot's 5 7 9 11 13 15: 4 6 8
 * ...): a sampled 0 drawn at an axis's foot, keyed with the same mark. */
int satstat__point_open(int filled);
/* " * svg_pentagon" for gnuplot's pentagons (14, 15), " * svg_triangle"
 * for its open triangles (8, 10), " * svg_diamond" for its diamonds (12, 13),
 * else "": appended to a point's size, it draws the svg terminal's larger
 * marks of those shapes the size of the cairo terminals' (the prologue's
 * factors). */
const char *satstat__point_svg_factor(int pt);
/* The style of an open mark of point type pt (4, 6, 8, ...) as large as
 * the line types' filled marks, "pointtype 6 pointsize lt_pointsize *
 * open_size linewidth open_lw": a sampled 0, an open twin; written into
 * buf, returned.  Its outline is thinner than a filled mark's, so the
 * cairo terminals draw it at a larger size (open_size). */
/* The mark at a confidence bar's end that an axis or the quantity's own
 * limit cut (▲ at the top when up, else ▼): filled, at the line types'
 * size, in the series' colour over the bar's end, whose cap it hides (an
 * open ▵ over deep-correlation's bar left its cap showing through, and
 * deep-saturation drew a filled ▼: figure review 16, S2); black in the
 * legend's row "bar cut at ...". */
const char *satstat__cut_mark(int up);
#define SATSTAT__OPEN_MARK_SIZE 96
const char *satstat__open_mark(int pt, char buf[SATSTAT__OPEN_MARK_SIZE]);

/* The palette slot of series i of n by its name, so that a scheme has the
 * same colour, dash and point type in every figure and command: the
 * common schemes have slots of their own (standard blue, scaled
 * vermillion, he-normal green, xavier-normal pink, orthogonal orange,
 * lecun-normal sky blue), matched by the name before any ':' or ','; any
 * other series (normal:0.01, uniform:0.05) one of Tol's four chosen by
 * its whole name (FNV-1a), so that it too keeps its colour from figure to
 * figure and never takes a common scheme's; when two of a figure's want
 * the same, the later one the next free of the four, then yellow, then
 * any free slot.  series may be NULL: slot i. */
size_t satstat__series_slot(const char *const *series, size_t n, size_t i);

/* The options a figure is written with: the defaults for NULL, else a copy
 * with a physical size resolved at its dpi (satstat_plot_options_check);
 * SATSTAT_EINVAL when they do not check. */
int satstat__fig_options(const satstat_plot_options *in, satstat_plot_options *out);

/* ---- one script being written -------------------------------------------*/

typedef struct satstat__fig {
    FILE *f;
    const char *name;        /* file name without extension       */
    const char *dir;         /* --plots DIR for the header; NULL: none */
    satstat_plot_options o;
    int err;                 /* first SATSTAT_* error              */
    /* the legend goes below the plot at every size (satstat__fig_legend_below,
     * satstat__fig_layout_legend_below): the heights that make room for it
     * count it below where it would fit beside */
    int legend_below;
    /* the legend below the plot in at most this many columns (0: as many
     * as fit; satstat__fig_legend_max_cols) */
    unsigned legend_max_cols;
} satstat__fig;

void satstat__fig_out(satstat__fig *g, const char *fmt, ...) SATSTAT__PRINTF_LIKE(2, 3);
/* Keep the first error. */
void satstat__fig_fail(satstat__fig *g, int rc);
/* A gnuplot string literal (satstat_plot_quote) of plain text on the
 * stream: the terminals typeset enhanced text, so its markup characters
 * (_ ^ { } @ & ~ \) are escaped and print as themselves.  A newline in
 * text is SATSTAT_EINVAL. */
void satstat__fig_qstr(satstat__fig *g, const char *text);
/* The same for enhanced-text markup, written as is ('σ_{w}^{2}'), but
 * for a space right after a sub- or superscript, which becomes
 * SATSTAT__FIG_SCRIPT_SPACE. */
void satstat__fig_qtex(satstat__fig *g, const char *text);
/* The space after a sub- or superscript in enhanced text, for strings
 * written directly with satstat__fig_out ('χ_{1}' SATSTAT__FIG_SCRIPT_SPACE
 * '= 1'): a word joiner (U+2060) before the space.  gnuplot's svg
 * terminal starts the next <tspan> with the space and gives the <text> no
 * xml:space="preserve", and librsvg (2.54) strips white space at the
 * start of a <tspan>, a no-break space or any other Unicode space too
 * ("δ^{l} by" read "δˡby"); the word joiner is no white space, so the
 * space after it is inside the run and stays, and it is invisible and of
 * zero width in every terminal (Unicode's default-ignorable class: text
 * extraction and the <title> read "χ1 = 1"). */
#define SATSTAT__FIG_SCRIPT_SPACE "\xE2\x81\xA0 "
/* Plain text escaped for use inside markup (a scheme's name in a label). */
void satstat__tex_escape(const char *text, char *buf, size_t size);
/* The same, but a name's subscript typeset: "1/n_in" becomes "1/n_{in}"
 * (an underscore between a letter and lower-case letters), so that
 * "N(0, 1/n_in)" prints with n_{in} and no literal underscore. */
void satstat__tex_names(const char *text, char *buf, size_t size);
/* "# ---- title -----…", 76 columns: the section rules of every script. */
void satstat__fig_rule(satstat__fig *g, const char *title);

/* The header: "# NAME.gp: headline", the lines of `about` (newline
 * separated) as comments, then who made it: `cmd` (the equivalent command
 * line, without --plots and --plot-size: they are added here from g), the
 * version and how to run the script; `set encoding utf8` last. */
void satstat__fig_header(satstat__fig *g, const char *headline, const char *about,
                         const char *cmd);

/* The output section: format, output, width and height defaults, the font
 * and line scale, and the terminal. */
void satstat__fig_output_section(satstat__fig *g);

/* The style section: a comment, one `set linetype` per series (k + 1, the
 * palette's colour, dash and point type; `series[k]` named in a comment
 * when series is not NULL); then the figure's own style lines, then
 * satstat__fig_style_end() with the axes' look. */
void satstat__fig_style_begin(satstat__fig *g, size_t styled, const char *const *series);
void satstat__fig_style_end(satstat__fig *g);

/* The layout lines of a plot with a legend column on the right: key_chars
 * from the longest row, the column, plot_left and plot_right (room for a
 * right-hand axis when right_axis), top and bottom; the room for tick
 * labels, axis labels and the title in lines of the figure's text, so
 * that they stay on the canvas at any size and font. */
void satstat__fig_layout_column(satstat__fig *g, size_t key_chars, int right_axis);

/* ---- the legend panel -----------------------------------------------------*/

#define SATSTAT__LEGEND_ROWS 96
#define SATSTAT__LEGEND_STYLE 192
#define SATSTAT__LEGEND_TITLE 128
#define SATSTAT__LEGEND_WHEN 64
typedef struct satstat__legend {
    size_t n;
    char style[SATSTAT__LEGEND_ROWS][SATSTAT__LEGEND_STYLE]; /* "with lines linetype 1" */
    char title[SATSTAT__LEGEND_ROWS][SATSTAT__LEGEND_TITLE];
    unsigned char tex[SATSTAT__LEGEND_ROWS]; /* the title is enhanced-text markup */
    unsigned char below_only[SATSTAT__LEGEND_ROWS]; /* satstat__legend_below_only */
    char when[SATSTAT__LEGEND_ROWS][SATSTAT__LEGEND_WHEN]; /* satstat__legend_when */
    unsigned char keep[SATSTAT__LEGEND_ROWS]; /* satstat__legend_keep */
} satstat__legend;

/* The style of the legend row "bar cut at ..." (satstat__cut_mark(up)):
 * in series `by`'s line type (1 + by) when one series' bars alone are
 * cut, as the plot draws them (black, the row keyed a coloured mark:
 * figure review 19, N-8; review 24, N13; review 26, N9), else (by < 0)
 * black.  Returns buf. */
const char *satstat__cut_key(long by, int up, char buf[SATSTAT__LEGEND_STYLE]);
/* Add a row (a row beyond SATSTAT__LEGEND_ROWS is dropped). */
void satstat__legend_row(satstat__legend *l, const char *style, const char *fmt, ...)
    SATSTAT__PRINTF_LIKE(3, 4);
/* The last row's title is enhanced-text markup (else plain text). */
void satstat__legend_tex(satstat__legend *l);
/* The last row is text for a legend below the plot only: a short form of
 * the numbers that the column's text-only rows give in full (those are
 * left out below), so that a small figure keeps them. */
void satstat__legend_below_only(satstat__legend *l);
/* The last row stays in the column of the row before it in a legend
 * below the plot (whose rows fill as many columns as fit, down each):
 * two rows of one scheme, split across two columns, read as two schemes
 * (figure review 23, S4).  The columns are then as tall as the groups of
 * rows need. */
void satstat__legend_keep(satstat__legend *l);
/* A blank row at position at (a column break in a legend laid out by
 * column), the rows from there one down; nothing when l is full. */
void satstat__legend_insert_blank(satstat__legend *l, size_t at);
/* The last row is drawn only where the gnuplot expression `cond` is true
 * when the legend is drawn: it keys what the script itself may or may not
 * draw at the size it is rendered at (a band its layout widens the range
 * for).  Its row's room is kept either way (an empty row at the end). */
void satstat__legend_when(satstat__legend *l, const char *cond);
/* The printed width of the longest row (of the column's rows), in the
 * layout's char_width, rounded up (satstat__text_chars). */
size_t satstat__legend_chars(const satstat__legend *l);
/* The legend: a panel of its own from `column` (a gnuplot expression) to
 * the right edge, its first row at `top` (an expression), the settings of
 * the data panels undone (`unsets`, e.g. "unset logscale\n", added to the
 * common ones), and an empty plot whose key holds the rows.  Ends the
 * multiplot. */
void satstat__fig_legend_panel(satstat__fig *g, const satstat__legend *l, const char *column,
                               const char *top, const char *unsets);
/* satstat__fig_layout_column for the legend l (built before the layout):
 * when the column would leave the plot less than half the width (a small
 * figure), the variable legend_below is 1 and l's rows with a sample go
 * below the plot, in columns (bottom makes room: legend_height), and
 * satstat__fig_legend_panel draws them there; its text-only rows (style
 * "... nodraw": numbers) are left out, so say them in the report, but
 * for those marked satstat__legend_below_only, drawn across the width
 * under the columns.  Use
 * this in place of satstat__fig_layout_column so that no legend is cut. */
void satstat__fig_layout_legend(satstat__fig *g, const satstat__legend *l, int right_axis);
/* The same with the legend below the plot at every size: a slide's
 * legend beside it left a quarter of the slide blank under the legend
 * (figure review 18, S6).  small_figure says whether the column would
 * have left the plot under half the width (what legend_below said). */
void satstat__fig_layout_legend_below(satstat__fig *g, const satstat__legend *l, int right_axis);
/* Say, before its canvas is sized (satstat__fig_fit_half and the others),
 * that the figure will lay its legend out with
 * satstat__fig_layout_legend_below: sized as if beside the plot, a legend
 * that fits there got no room below it at a wide canvas. */
void satstat__fig_legend_below(satstat__fig *g);
/* The same for a map (a colour scale over two axes, which wants the
 * width): its legend goes below it at every size when its rows with a
 * sample take a third of the height or less. */
void satstat__fig_layout_legend_map(satstat__fig *g, const satstat__legend *l, int right_axis);
/* Say, before the layout and before the canvas is sized, that a legend
 * below the plot takes at most n columns, whatever its rows' length: a
 * map's in one, so that consecutive slides lay theirs out alike
 * (deep-phase-xi had one column for one run and two for another at
 * 1280 x 800: figure review 18, S7). */
void satstat__fig_legend_max_cols(satstat__fig *g, unsigned n);

/* After the layout: the x label half a line nearer its tick labels than
 * gnuplot sets it, and bottom 0.4 lines lower.  For a figure whose x
 * labels keep that offset: `unset xlabel` resets it, and a label set
 * again after it sat 0.4 lines lower, on a legend below the plot. */
void satstat__fig_xlabel_near(satstat__fig *g);
/* A figure drawn taller than the asked_height pixels it was asked for
 * (g->o.height now, after satstat__fig_output_section): the script says
 * so on gnuplot's standard error when rendered at that height, "note:
 * drawn 3.5 x 4.46 in, taller than the 2.4 in asked: why", which the
 * program passes on unless --quiet (the library prints nothing); the
 * canvas grown silently was found by measuring it (figure review 15,
 * S5.3). */
void satstat__fig_taller_note(satstat__fig *g, unsigned asked_height, const char *why);
/* The font size in points the script uses at options o (--font-size, or
 * its default for the canvas) and a line of text's height in pixels (the
 * layout's line_height): for a figure that sizes its canvas in C. */
void satstat__fig_canvas(const satstat_plot_options *o, double *fontpt, double *line_px);
/* Characters (the layout's char_width) across and lines of text down the
 * canvas at options o, as the script measures them. */
void satstat__fig_text_room(const satstat_plot_options *o, double *chars_across, double *lines_down);
/* The canvas height, in pixels, at which the plot keeps a box at least
 * min_in inches high when satstat__fig_layout_legend puts the legend l
 * below it (a small figure); 0 when the height asked for does (or the
 * legend stands right of the plot).  The width and the text stay. */
unsigned satstat__fig_height_for_legend(const satstat__fig *g, const satstat__legend *l, double min_in);
/* The height in inches of the legend l's rows below the plot at g's size
 * (0 when satstat__fig_layout_legend puts it right of the plot). */
double satstat__fig_legend_below_in(const satstat__fig *g, const satstat__legend *l);
/* A small figure whose legend goes below the plot and would leave it less
 * than min_in inches high grows taller (satstat__fig_height_for_legend; the
 * width and the text as asked): g->o changed, and note says so for the
 * header.  Returns the height asked for (for satstat__fig_taller_note), 0
 * (note "") when the canvas stays as asked.  Call before the header. */
unsigned satstat__fig_fit_height(satstat__fig *g, const satstat__legend *l, double min_in, char *note,
                                 size_t size);
/* satstat__fig_fit_height with the plot at least as tall as the legend l
 * below it (a legend taller than its plot left the data a third of a
 * small figure: figure reviews 16, S8, and 17, S10), and at least min_in
 * inches when that is more (0: the legend alone). */
unsigned satstat__fig_fit_to_legend(satstat__fig *g, const satstat__legend *l, double min_in, char *note,
                                    size_t size);
/* The least plot box, in inches, that keeps the plot at least half the
 * figure's height with the legend l below it (0 when it stands right of
 * the plot), for text_lines lines of title and x axis above and below
 * the box (4.4 as layout_lines sets them, 4.0 after
 * satstat__fig_xlabel_near): the minimum for satstat__fig_fit_height. */
double satstat__fig_half_in(const satstat__fig *g, const satstat__legend *l, double text_lines);
/* satstat__fig_fit_height with the plot at least half the figure's height
 * (a legend below it as tall as the plot left the data 37 % of a 3.5 x
 * 2.4 in figure: figure review 18, S4): for a figure that shows one plot
 * or a row of them, whose rows of text are short, and that calls
 * satstat__fig_xlabel_near. */
unsigned satstat__fig_fit_half(satstat__fig *g, const satstat__legend *l, char *note, size_t size);
/* A figure's body written before its header, which can then depend on
 * what the body found (its legend's height: satstat__fig_fit_height):
 * satstat__fig_body_begin sends the stream to memory, satstat__fig_body_hold
 * gives the figure's file back (the header goes there), and
 * satstat__fig_body_write then appends the body and frees it. */
typedef struct satstat__fig_body {
    FILE *file;
    char *text;
    size_t size;
} satstat__fig_body;
int satstat__fig_body_begin(satstat__fig *g, satstat__fig_body *b);
void satstat__fig_body_hold(satstat__fig *g, satstat__fig_body *b);
void satstat__fig_body_write(satstat__fig *g, satstat__fig_body *b);

/* ---- axes, words ----------------------------------------------------------*/

/* The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten
 * that is >= x: axis limits a reader takes in at a glance (1 for x <= 0). */
double satstat__nice_ceil(double x);
/* The largest of those that is <= x (1 for x <= 0): the top label of an
 * axis that keeps two. */
double satstat__nice_floor(double x);
/* The largest 1, 2 or 5 times a power of ten at most x > 0 (up = 0), or
 * the smallest at least x (up = 1): the ends of a log axis, a foot at a
 * tick step. */
double satstat__step125(double x, int up);
/* The svg terminal's line of text (its v_char) in pngcairo's at the same
 * font size: gnuplot 5.4's svg v_char is 1.5 times the font's size,
 * pngcairo's and pdfcairo's about 1.17 (GPVAL_TERM_VCHAR).  The scripts
 * give the svg terminal a font this much smaller and its fontscale this
 * much larger (svg_vchar, satstat__fig_output_section): the text drawn
 * as large, spaced as the PNG's. */
#define SATSTAT__FIG_SVG_LINE 1.29
/* ... and then pngcairo's character (h_char, 0.60-0.63 of the font's size
 * by pango's metrics at 300 and 96 dpi) in the svg terminal's (0.7 / 1.29):
 * svg_hchar, for what gnuplot measures in characters across. */
#define SATSTAT__FIG_SVG_CHAR 1.18
/* A fraction or density axis goes on a log scale when its positive values
 * [lo, hi] span more than this factor, i.e. the smallest is under 5 % of
 * the largest, or of the axis top when hi is that top (on a linear one
 * 0.001 beside 0.9 sits on zero with its interval unseen), or always with --log-y
 * (o.log_y).  satstat__fig_log_y: the choice for g (never without a
 * positive value to show). */
#define SATSTAT__LOG_Y_SPAN 20.0
int satstat__fig_log_y(const satstat__fig *g, double lo, double hi);
/* The lines of a log axis (axis 'x' or 'y') from lo to hi (gnuplot
 * expressions, after the layout section): tick labels 10^{n} (typeset),
 * every decade or every k-th so that they stay 1.6 lines apart over
 * `span` (the panel's height in screen units, an expression). */
void satstat__fig_log_axis(satstat__fig *g, char axis, const char *lo, const char *hi,
                           const char *span);
/* On a log y axis from ylo to yhi (gnuplot variables, after the layout
 * section and the axis's ticks), sampled 0s in a strip of their own below
 * the foot ylo, its tick labelled 0, the y axis broken between it and the
 * data's decades: drawn at the foot itself an open mark straddled the spine
 * with its bar's stem through it, and read as a value of the axis (figure
 * reviews 9, 11, 12).  The strip is 1.2 lines of `span` (the panel's
 * height, an expression; the mark, 1.3 points, is 0.3 of a line); it sets
 * the y range [yfoot:yhi], the marks' height yzero and their bars' foot
 * zero_bar, and draws the break at plot_left (satstat__fig_zero_break). */
void satstat__fig_zero_strip(satstat__fig *g, const char *span);
/* The break of satstat__fig_zero_strip's axis, at screen x = left (an
 * expression: a panel's left axis), in object 101 and arrows 101 and 102:
 * a second panel sets it again at its own axis before its plot. */
void satstat__fig_zero_break(satstat__fig *g, const char *left);
/* The tick step of an axis ("x", "y", "y2") over [lo, hi] (gnuplot
 * expressions, after the layout section): 1, 2 or 5 times a power of ten,
 * as many ticks as fit over span (the panel's width or height in screen
 * units, an expression): labels of label_chars characters two apart
 * across, 1.8 lines apart up.  Use it for every linear axis of a panel
 * whose size depends on the figure's. */
void satstat__fig_ticks(satstat__fig *g, const char *axis, const char *lo, const char *hi,
                        const char *span, int label_chars);
/* The step satstat__fig_ticks sets on an up axis over [lo, hi] in span, as
 * a gnuplot expression into buf: for a script that needs the step itself
 * (the widest of its labels, plot.c). */
void satstat__fig_up_tick_step(const char *lo, const char *hi, const char *span, char *buf,
                               size_t size);
/* After the y ticks of satstat__fig_ticks over [lo, hi] on an axis span
 * long: the y label's offset from the widest tick label (ytick_chars),
 * one character nearer past four, and the SVG's where the PNG's is. */
void satstat__fig_ylabel_room(satstat__fig *g, const char *lo, const char *hi, const char *span);
/* A number printed on a figure, as enhanced-text markup (a legend row or
 * label set with satstat__fig_qtex or satstat__legend_tex): `digits`
 * significant digits; where %g would write e-notation, m×10^{n} typeset
 * ("6.61×10^{−5}"); whole numbers of five digits and more grouped by
 * thousands with a thin space ("1 000 000").  NaN: "n/a"; ±∞: "∞", "−∞". */
#define SATSTAT__FIG_NUM_SIZE 48
void satstat__fig_num(double x, int digits, char buf[SATSTAT__FIG_NUM_SIZE]);
/* A count, grouped as satstat__fig_num ("100 000"); plain text too. */
void satstat__fig_count(unsigned long long n, char buf[SATSTAT__FIG_NUM_SIZE]);
/* "99.9 %" for alpha = 0.001: a confidence level as every figure words it. */
void satstat__fig_level(double alpha, char *buf, size_t size);
/* Characters of a UTF-8 string. */
size_t satstat__utf8_length(const char *s);
/* The printed width of a UTF-8 string in the figures' font, in the
 * layout's char_width (a digit is 1.09 of them): a legend column sized by
 * the count of characters was a fifth too wide for text and too narrow for
 * numbers.  tex: the string is enhanced-text markup, whose _ ^ { } print
 * nothing. */
double satstat__text_chars(const char *s, int tex);

/* The figure's title (set multiplot title), which fits the width at any
 * size and font: the whole title when it fits; else the part before its
 * last "; " or ": " (a tail a small figure has no room for); else that
 * part at the font size that fits.  After the layout (char_width). */
void satstat__fig_multiplot_title(satstat__fig *g, const char *title, int tex);
/* A word for a POSIX shell: as is when it holds only safe characters, else
 * single-quoted with each ' written '\''. */
void satstat__shell_word(const char *text, char *buf, size_t size);
/* A scheme's spec as part of a file name: [A-Za-z0-9.+-] kept, anything
 * else '_' ("normal:0.5" -> "normal_0.5"). */
void satstat__file_word(const char *spec, char *buf, size_t size);

/* ---- folders of figures ---------------------------------------------------*/

/* A module's figures: how many, the name of figure i (without extension),
 * and writing figure i onto f (the script's folder `dir` for its header). */
typedef struct satstat__figure_set {
    size_t n;
    const char *(*name)(void *ctx, size_t i, char *buf, size_t size);
    int (*write)(void *ctx, size_t i, const char *dir, FILE *f);
    void *ctx;
    const satstat_plot_options *options; /* its --figures; NULL: all */
} satstat__figure_set;

/* Every script NAME.gp of the set (those options->figures chooses) into
 * the transaction's folder d. */
int satstat__fig_write_set(const satstat__figure_set *set, satstat_txn_dir *d, char *msg,
                           size_t msg_size);
/* Render the set's scripts in d to NAME.<format> (gnuplot.c): those the
 * transaction writes, or when it writes none those already in the folder. */
int satstat__fig_render_set(const satstat__figure_set *set, satstat_txn_dir *d,
                            satstat_render_format format, const char *program, char *msg,
                            size_t msg_size);
/* The path forms: the same in a transaction of its own over `dir`. */
int satstat__fig_write_set_dir(const satstat__figure_set *set, const char *dir, char *msg,
                               size_t msg_size);
int satstat__fig_render_set_dir(const satstat__figure_set *set, const char *dir,
                                satstat_render_format format, const char *program, char *msg,
                                size_t msg_size);

/* ---- small multiples (appended for deep_plot.c) -------------------------*/

/* A grid of cols x rows panels filling [plot_left, plot_right] x [bottom,
 * top] of satstat__fig_layout_column (written before), gap_chars
 * characters and gap_lines lines of the figure's text apart, so that tick
 * labels and panel titles keep their room at any size and font: the
 * gnuplot functions panel_l(c), panel_r(c), panel_t(r), panel_b(r). */
void satstat__fig_layout_grid(satstat__fig *g, size_t cols, size_t rows, double gap_chars,
                              double gap_lines);
/* The margins of panel (col, row) of that grid, row 0 at the top. */
void satstat__fig_grid_panel(satstat__fig *g, size_t col, size_t row);


#endif
