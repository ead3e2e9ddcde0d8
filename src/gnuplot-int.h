/* gnuplot-int.h — the output settings every figure script begins with
 * (plot.c, deep_plot.c, sweep.c): defaults a user may override with
 * `gnuplot -e "format='svg'; output='f.svg'; width=1920"`, and the cairo
 * terminal for the chosen format.  Private to the library. */
#ifndef SATSTAT_GNUPLOT_INT_H
#define SATSTAT_GNUPLOT_INT_H

#include <stdio.h>

/* format, output (NAME.FORMAT), width and height, unless already set. */
void satstat__gp_output_defaults(FILE *f, const char *name, unsigned width,
                                 unsigned height);

/* The terminal for `format` (png, svg or pdf, sized by width, height,
 * fontspec and scale, which the script has defined), an error for any
 * other format, and the output file ('' is standard output). */
void satstat__gp_terminal(FILE *f);

#endif
