/* satstat/plot.h — gnuplot figures of a report. (being written) */
#ifndef SATSTAT_PLOT_H
#define SATSTAT_PLOT_H
#endif
