/* satstat/exact.h — exact law of z (being written) */
#ifndef SATSTAT_EXACT_H
#define SATSTAT_EXACT_H
#endif
