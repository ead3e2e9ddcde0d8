/* report-check.h — reading a report back in the tests that walk the report
 * model (test_report.c for run, test_deep.c for deep): a JSON value at a
 * dotted path, RFC 4180 CSV fields, and number comparison with NaN as
 * "unknown".  Header-only: each test program includes it once. */
#ifndef SATSTAT_TEST_REPORT_CHECK_H
#define SATSTAT_TEST_REPORT_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

/* want and got are the same number, or both unknown (NaN, JSON null, an
 * empty CSV field). */
static int same_number(double want, double got)
{
    return isfinite(want) ? want == got : isnan(got);
}

static double json_value(const json_t *v)
{
    return json_is_number(v) ? json_number_value(v) : NAN;
}

/* The value at a dotted path inside obj, or NULL. */
static json_t *json_path(json_t *obj, const char *path)
{
    char key[128];
    const char *dot;
    while (obj && (dot = strchr(path, '.')) != NULL) {
        snprintf(key, sizeof key, "%.*s", (int)(dot - path), path);
        obj = json_object_get(obj, key);
        path = dot + 1;
    }
    return obj ? json_object_get(obj, path) : NULL;
}

/* RFC 4180 fields of one CSV line (quotes undone) into f[0..]: count. */
static size_t csv_fields(const char *line, char f[][256], size_t cap)
{
    size_t n = 0, len = 0;
    int quoted = 0;
    f[0][0] = '\0';
    for (const char *p = line; *p && *p != '\n'; p++) {
        if (quoted) {
            if (*p == '"' && p[1] == '"') {
                p++;
            } else if (*p == '"') {
                quoted = 0;
                continue;
            }
        } else if (*p == '"') {
            quoted = 1;
            continue;
        } else if (*p == ',') {
            f[n][len] = '\0';
            if (++n >= cap)
                return n;
            len = 0;
            f[n][0] = '\0';
            continue;
        }
        if (len + 1 < 256)
            f[n][len++] = *p;
    }
    f[n][len] = '\0';
    return n + 1;
}

#endif
