/* error-int.h — messages inside the library.
 *
 * The library never prints: a function that fails writes one sentence into
 * its caller's message buffer (msg, msg_size), and the program prints it. */
#ifndef SATSTAT_ERROR_INT_H
#define SATSTAT_ERROR_INT_H

#include <stddef.h>

/* Internal to the library: not exported from the shared object. */

/* printf into msg[0..size-1] (nothing when msg is NULL or size 0); the
 * text is cut to fit and always NUL-terminated. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void satstat__set_msg(char *msg, size_t size, const char *fmt, ...);


#endif
