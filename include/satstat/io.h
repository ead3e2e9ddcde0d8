/* satstat/io.h — output that is never left half-written: one transaction
 * over every file a run writes (its report and its figure folders).
 *
 * While the run works, each file goes to a temporary file with a short,
 * unique name in its target's own folder (created with O_EXCL|O_NOFOLLOW,
 * so a link planted there is never written through, and two runs into one
 * folder never share a file).  satstat_txn_commit flushes and syncs them
 * all, then, with signals blocked, renames each over its target: a rename
 * replaces a link at the target's name, never the link's target, and a
 * reader sees the old file or the whole new one.  satstat_txn_abort
 * removes the temporary files and the folders this transaction created,
 * leaving every target as it was.
 *
 * The report's path (satstat_txn_add_file) is resolved once, up front:
 *   - "-" (or NULL) is standard output, written in place;
 *   - /dev/stdin, /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N
 *     are written in place through that descriptor, and so is a file that
 *     descriptor 0, 1 or 2 is open on, so that `>> log` keeps appending;
 *   - a device, FIFO or socket is written in place, never renamed over;
 *   - a symbolic link is followed only when it is the caller's own and in
 *     a folder no one else can write (Linux's fs.protected_symlinks rule,
 *     stricter), and never when it dangles: otherwise SATSTAT_EINVAL;
 *   - a regular file, or a name that does not exist yet, is replaced
 *     atomically; its temporary file is created right away, so a folder
 *     that does not exist or cannot be written fails before the work.
 * In a figure folder (satstat_txn_add_dir) no link at a name satstat
 * writes is ever followed.
 *
 * `cancel` (e.g. a flag a SIGINT handler sets) is checked wherever the
 * transaction waits: an interrupted write, open or child process; and once
 * more with signals blocked just before the renames, so a signal arriving
 * before the commit leaves every target as it was.
 */
#ifndef SATSTAT_IO_H
#define SATSTAT_IO_H

#include <satstat/export.h>

#include <signal.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct satstat_txn satstat_txn;
typedef struct satstat_txn_file satstat_txn_file;
typedef struct satstat_txn_dir satstat_txn_dir;

/* A new, empty transaction.  `cancel` may be NULL (never cancelled). */
SATSTAT_API int satstat_txn_new(const volatile sig_atomic_t *cancel, satstat_txn **out);

/* Whether `cancel` is set. */
SATSTAT_API int satstat_txn_cancelled(const satstat_txn *t);

/* Add the file `path` (rules above).  SATSTAT_EINVAL: a link refused or
 * dangling; SATSTAT_EIO: the system refused (errno says
 * why); a sentence naming the path in msg either way. */
SATSTAT_API int satstat_txn_add_file(satstat_txn *t, const char *path, satstat_txn_file **out,
                                     char *msg, size_t msg_size);

/* The stream to write `f` to (opening an in-place target now: a FIFO
 * waits here for its reader).  SATSTAT_ECANCELED when cancelled while
 * waiting; SATSTAT_EIO with msg otherwise. */
SATSTAT_API int satstat_txn_file_stream(satstat_txn_file *f, FILE **stream,
                                        char *msg, size_t msg_size);

/* Add the folder `dir`, creating it and its missing parents (recorded, so
 * that an abort removes them again); its last component is not followed
 * when it is a link, unless the link is trusted as above. */
SATSTAT_API int satstat_txn_add_dir(satstat_txn *t, const char *dir, satstat_txn_dir **out, char *msg,
                                    size_t msg_size);

/* A new file `name` (no slash) in the folder: a temporary file now,
 * renamed to `name` on commit. */
SATSTAT_API int satstat_txn_dir_create(satstat_txn_dir *d, const char *name, satstat_txn_file **out,
                                       FILE **stream, char *msg, size_t msg_size);

/* The transaction d belongs to. */
SATSTAT_API satstat_txn *satstat_txn_dir_txn(const satstat_txn_dir *d);

/* The folder as given, and an open descriptor of it (O_DIRECTORY). */
SATSTAT_API const char *satstat_txn_dir_path(const satstat_txn_dir *d);
SATSTAT_API int satstat_txn_dir_fd(const satstat_txn_dir *d);

/* The name, relative to the folder, under which `name` can be read now:
 * this transaction's temporary file when it writes `name`, else `name`;
 * always starting with "./" so that a program never takes it for an
 * option.  SATSTAT_ERANGE when buf is too small. */
SATSTAT_API int satstat_txn_dir_source(const satstat_txn_dir *d, const char *name, char *buf,
                                       size_t size);

/* The descriptor of a file made by satstat_txn_dir_create, for a child
 * process to write (gnuplot's standard output); the stream, unused then,
 * must not be written as well. */
SATSTAT_API int satstat_txn_file_fd(const satstat_txn_file *f);

/* The file's path as shown in messages (FOLDER/NAME for a figure file). */
SATSTAT_API const char *satstat_txn_file_name(const satstat_txn_file *f);

/* Flush a file now (its stream stays open): SATSTAT_EIO with errno when a
 * write failed (the first failure's errno, whatever ran since),
 * SATSTAT_ECANCELED when cancelled. */
SATSTAT_API int satstat_txn_file_flush(satstat_txn_file *f);

/* Drop one file of the transaction: its temporary file is removed and
 * its target left as it was. */
SATSTAT_API void satstat_txn_file_discard(satstat_txn_file *f);

/* Flush and sync every file; then, unless cancelled, rename them over
 * their targets with signals blocked.  SATSTAT_ECANCELED (everything
 * removed as by abort), SATSTAT_EIO with errno and msg, or SATSTAT_OK.
 * Frees t in every case. */
SATSTAT_API int satstat_txn_commit(satstat_txn *t, char *msg, size_t msg_size);

/* Remove every temporary file and every folder the transaction created;
 * an in-place target keeps what it already received.  Frees t.  NULL is
 * a no-op. */
SATSTAT_API void satstat_txn_abort(satstat_txn *t);

#ifdef __cplusplus
}
#endif
#endif
