/* gnuplot-int.h — the layer below the figure toolkit (figure-int.h)
 * that talks to gnuplot: the output settings every figure script begins with
 * (defaults a user may override with
 * `gnuplot -e "format='svg'; output='f.svg'; width=1920"`, and the cairo
 * terminal for the chosen format), and rendering a folder of scripts
 * through the output transaction (satstat/io.h).  Private to the library. */
#ifndef SATSTAT_GNUPLOT_INT_H
#define SATSTAT_GNUPLOT_INT_H

#include <stdio.h>

#include <satstat/io.h>
#include <satstat/plot.h>

/* Internal to the library: not exported from the shared object. */

/* format, output (NAME.FORMAT), width and height, unless already set. */
void satstat__gp_output_defaults(FILE *f, const char *name, unsigned width,
                                 unsigned height);

/* The terminal for `format` (png, svg or pdf, sized by width, height and
 * dpi, with fontspec, scale and linescale, which the script has defined),
 * an error for any other format, and the output file ('' is standard
 * output). */
void satstat__gp_terminal(FILE *f);

/* Render the scripts NAME.gp of folder d (this transaction's temporary
 * files, or the files already there) to NAME.<format>, up to one gnuplot
 * per online processor (at most 8) at a time, each in the folder.  The
 * images join the transaction when every one rendered, else none does.
 * SATSTAT_ECANCELED when d's transaction is cancelled (the gnuplots killed at once);
 * SATSTAT_EIO with msg when gnuplot cannot run, fails, is killed or writes
 * no image; on success msg holds the first warning ("NAME: ..."), if any. */
int satstat__gp_render_dir(satstat_txn_dir *d, const char *const *names, size_t n,
                           satstat_render_format format, const char *program, char *msg,
                           size_t msg_size);

/* After a figure writer returned rc into file's stream: flush it, and on
 * failure put "cannot write FILE: REASON" in msg, the reason being the
 * stream's own errno (ENOSPC, EIO) rather than whatever errno the writer's
 * later calls left.  Returns the status. */
int satstat__gp_finish_file(int rc, satstat_txn_file *file, char *msg, size_t msg_size);

/* The path-based satstat_*_plot_write_dir / _render_dir: fn (a module's
 * write or render of its figures into a folder) run in a transaction of
 * its own over `dir`, committed when fn succeeds, else aborted. */
typedef int (*satstat__gp_dir_fn)(void *ctx, satstat_txn_dir *dir, char *msg, size_t msg_size);
int satstat__gp_dir_once(const char *dir, satstat__gp_dir_fn fn, void *ctx, char *msg,
                         size_t msg_size);

/* The colour '#RRGGBB' that `hex` ('#RRGGBB') takes painted at `opacity`
 * (0..1) over white, into out (8 bytes): an opaque fill that looks like the
 * transparent one on white, so that nothing behind it (a shaded region)
 * tints it and it stays the colour of its legend swatch. */
void satstat__gp_over_white(const char *hex, double opacity, char out[8]);


#endif
