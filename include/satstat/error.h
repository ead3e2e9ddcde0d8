/* satstat/error.h — status codes shared by every satstat module.
 *
 * Every library function that can fail returns 0 (SATSTAT_OK) or one of the
 * negative codes below; the library never prints and never aborts.  A
 * function that explains a failure takes a caller-owned buffer as its last
 * two parameters, (char *msg, size_t msg_size), and writes one
 * human-readable sentence into it with snprintf's rules: at most msg_size
 * bytes, cut to fit and always NUL-terminated; nothing when msg is NULL or
 * msg_size is 0.  SATSTAT_ERRMSG_SIZE bytes hold any sentence whole.  The
 * sentence names no option (only the caller knows them): a configuration
 * field is named by its member (satstat/config.h).
 */
#ifndef SATSTAT_ERROR_H
#define SATSTAT_ERROR_H

#include <satstat/export.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum satstat_status {
    SATSTAT_OK = 0,
    SATSTAT_EINVAL = -1,   /* an argument or a spec is invalid */
    SATSTAT_ENOMEM = -2,   /* allocation failed */
    SATSTAT_EIO = -3,      /* reading or writing a file failed */
    SATSTAT_ENUMERIC = -4, /* a numerical routine failed (quadrature, CDF) */
    SATSTAT_ECANCELED = -5, /* the caller's progress callback asked to stop */
    SATSTAT_ERANGE = -6,   /* a size is beyond what can be represented or run */
    SATSTAT_EPLATFORM = -7 /* processes of one split job (satstat/partition.h)
                              run on machines whose BLAS gives other bits */
} satstat_status;

/* A static English description of a status code; never NULL. */
SATSTAT_API const char *satstat_strerror(int status);

/* A message buffer that holds any of the library's sentences whole. */
#define SATSTAT_ERRMSG_SIZE 256

#ifdef __cplusplus
}
#endif
#endif
