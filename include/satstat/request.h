/* satstat/request.h — one JSON-in, JSON-out entry point for programs that
 * cannot use the C structs (the Python package over ctypes, python/).
 *
 * A request is a JSON object:
 *   {"command": "run" | "deep" | "sweep",
 *    "options": {"scheme": "standard,scaled", "samples": 100000, ...},
 *    "figures": {"dir": "DIR", "render": "svg", "size": "640x400"}}
 * "options" holds the command's configuration options (satstat/options.h)
 * under their long names; a value is a string (what `satstat` reads after
 * --NAME), a number (written as `satstat` would read it: integers in
 * decimal, others in the shortest form that reads back to the same
 * double), an array of strings or numbers (joined with ',': "scheme":
 * ["standard", "scaled"]), or true for a flag (false or null: not given).
 * The request then does what the command does: the same option checks,
 * the same library calls (satstat_report_run, satstat_deep_run,
 * satstat_sweep_new and _run) and the same JSON writer, so the report is
 * byte for byte what `satstat COMMAND ... --format json` writes but for
 * the timing field ("elapsed_seconds").
 * "histograms": true (optional) wraps the answer as {"report": REPORT,
 * "histograms": H}, REPORT the report's bytes unchanged and H the sampled
 * histograms: for run, per scheme {"scheme", "z", "unit_z"} with "z"
 * {"edges", "counts", "underflow", "overflow"} (the sampler's bins of every
 * z; "unit_z" of each orthogonal matrix's first row, else null; null
 * without sampling); for deep, per scheme {"scheme", "layers": [{"layer",
 * "z", "activation"}]} with {"range": [lo, hi], "counts", "underflow",
 * "overflow"} (equal bins); for sweep, per point {"value", "schemes"} as
 * run's.
 * "figures" (optional) writes the command's gnuplot scripts into DIR (it
 * must exist) and, unless "render" is "none" (the default), renders them
 * with gnuplot on PATH as png, svg or pdf; "size" is --plot-size.
 * A verification that fails is a result, not an error: the report's
 * "pass" says so. */
#ifndef SATSTAT_REQUEST_H
#define SATSTAT_REQUEST_H

#include <satstat/export.h>

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Room for every message of satstat_request_json. */
#define SATSTAT_REQUEST_MSG_SIZE 1024

/* Run `request`.  SATSTAT_OK: *report_json is the report, NUL-terminated,
 * to release with satstat_request_free.  Otherwise *report_json is NULL
 * and msg (size bytes) holds one line: for a bad option the line
 * `satstat` prints after "satstat: " ("--samples: invalid value '0': ...",
 * "unknown option 'shceme' (did you mean 'scheme'?)"); for a request that
 * is not JSON, or not of the shape above, what and where.  Status
 * SATSTAT_EINVAL for a bad request, else the failing call's status
 * (SATSTAT_EIO, ENOMEM, ERANGE, ENUMERIC). */
SATSTAT_API int satstat_request_json(const char *request, char **report_json, char *msg,
                                     size_t size);

/* Release a report of satstat_request_json (NULL: nothing). */
SATSTAT_API void satstat_request_free(char *report_json);

#ifdef __cplusplus
}
#endif
#endif
