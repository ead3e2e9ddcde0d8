/* satstat/satstat.h — the whole public API in one include. */
#ifndef SATSTAT_SATSTAT_H
#define SATSTAT_SATSTAT_H

#include <satstat/export.h>
#include <satstat/build.h>
#include <satstat/error.h>
#include <satstat/parse.h>
#include <satstat/scheme.h>
#include <satstat/activation.h>
#include <satstat/config.h>
#include <satstat/analytic.h>
#include <satstat/stats.h>
#include <satstat/rng.h>
#include <satstat/sampler.h>
#include <satstat/report.h>
#include <satstat/model.h>
#include <satstat/io.h>
#include <satstat/plot.h>
#include <satstat/exact.h>
#include <satstat/deep.h>
#include <satstat/sweep.h>
#include <satstat/deep_plot.h>
#include <satstat/sweep_plot.h>
#include <satstat/html.h>
#include <satstat/options.h>
#include <satstat/partition.h>
#include <satstat/request.h>
#endif
