/* satstat/io.h — output files that are never left half-written.
 *
 * A regular file (or a path that does not exist yet) is written to a
 * temporary file in the same directory and renamed over the target on
 * commit, so readers see the old content or the whole new one.  A device,
 * a FIFO, or a symlink to one is written in place: renaming over /dev/full
 * as root would replace the device node.  A symlink to a regular file is
 * followed, so the link survives.
 */
#ifndef SATSTAT_IO_H
#define SATSTAT_IO_H

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct satstat_output satstat_output;

/* Open `path` for writing; NULL or "-" is standard output.  On failure
 * returns SATSTAT_EIO (errno says why) or SATSTAT_ENOMEM. */
int satstat_output_open(const char *path, satstat_output **out);

/* The stream to write to; valid until commit or abort. */
FILE *satstat_output_stream(satstat_output *o);

/* Flush, sync and close; for a temporary file, rename it over the target.
 * On failure the temporary file is removed, errno says why, and
 * SATSTAT_EIO is returned.  Frees o in every case. */
int satstat_output_commit(satstat_output *o);

/* Drop everything written: remove the temporary file (a device or FIFO
 * keeps what it already received).  Frees o.  NULL is a no-op. */
void satstat_output_abort(satstat_output *o);

#ifdef __cplusplus
}
#endif
#endif
