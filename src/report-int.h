/* report-int.h — the report's writers inside the library.
 *
 * sweep.c embeds each point's run report in its JSON as the run writes it
 * (one function, no round trip through text), and every CSV writer (run,
 * sweep, deep) quotes its text fields the same way. */
#ifndef SATSTAT_REPORT_INT_H
#define SATSTAT_REPORT_INT_H

#include <stdio.h>

#include <jansson.h>

#include <satstat/model.h>
#include <satstat/report.h>

/* The run report's JSON object (NULL when out of memory). */
json_t *satstat__report_json(const satstat_report *report);

/* The saturation rule of a config as run and deep report it (config.
 * saturation): the rule, the region in words, its tails and its bands. */
json_t *satstat__saturation_json(const satstat_config *config);

/* A quantity (not a TEST) at its dotted path `json` inside obj, making
 * the objects on the way: an interval as [low, high], a count as an
 * integer, a number or null (run's, sweep's and deep's JSON). */
void satstat__quantity_json(json_t *obj, const satstat_quantity *q);

/* One CSV field per RFC 4180: as is, or in double quotes (inner quotes
 * doubled) when it holds a comma, a quote, CR or LF. */
void satstat__csv_field(FILE *f, const char *text);

/* Free text wrapped at spaces to `width` columns, continuation lines
 * indented by `indent` spaces (a word longer than a line stays whole). */
void satstat__text_wrap(FILE *f, unsigned width, unsigned indent, const char *text);

#endif
