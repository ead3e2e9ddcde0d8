/* gnuplot.c — the output settings shared by every figure script
 * (gnuplot-int.h). */
#include "gnuplot-int.h"

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
    fputs("if (format eq 'png') {\n"
          "    set terminal pngcairo size width, height font fontspec linewidth scale noenhanced\n"
          "}\n"
          "if (format eq 'svg') {\n"
          "    set terminal svg size width, height font fontspec linewidth scale noenhanced\n"
          "}\n"
          "if (format eq 'pdf') {\n"
          "    set terminal pdfcairo size width / 144., height / 144. font fontspec linewidth scale / 2 noenhanced\n"
          "}\n"
          "if (format ne 'png' && format ne 'svg' && format ne 'pdf') {\n"
          "    exit error sprintf('unknown format %s: use png, svg or pdf', format)\n"
          "}\n"
          "if (output eq '') { set output } else { set output output }\n",
          f);
}
