/* satstat/sweep.h — (being written) */
#ifndef SATSTAT_SWEEP_H
#define SATSTAT_SWEEP_H
#endif
