/* satstat/deep.h — (being written) */
#ifndef SATSTAT_DEEP_H
#define SATSTAT_DEEP_H
#endif
