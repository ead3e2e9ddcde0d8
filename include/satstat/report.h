/* satstat/report.h — runs the experiment and writes the report. (draft) */
#ifndef SATSTAT_REPORT_H
#define SATSTAT_REPORT_H
#include <satstat/config.h>
#endif
