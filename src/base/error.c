/* error.c — descriptions of the satstat status codes (satstat/error.h). */
#include <satstat/error.h>

const char *satstat_strerror(int status)
{
    switch (status) {
    case SATSTAT_OK:
        return "success";
    case SATSTAT_EINVAL:
        return "invalid argument";
    case SATSTAT_ENOMEM:
        return "out of memory";
    case SATSTAT_EIO:
        return "input/output error";
    case SATSTAT_ENUMERIC:
        return "numerical routine failed";
    case SATSTAT_ECANCELED:
        return "canceled";
    case SATSTAT_ERANGE:
        return "size out of range";
    case SATSTAT_EPLATFORM:
        return "the processes run on different kinds of machine";
    default:
        return "unknown error";
    }
}

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>

#include <gsl/gsl_errno.h>

#include "base/error-int.h"
#include "base/gsl-int.h"

static pthread_once_t gsl_quiet_once = PTHREAD_ONCE_INIT;

static void gsl_quiet_now(void)
{
    gsl_set_error_handler_off();
}

void satstat__gsl_quiet(void)
{
    pthread_once(&gsl_quiet_once, gsl_quiet_now);
}

void satstat__set_msg(char *msg, size_t size, const char *fmt, ...)
{
    if (!msg || !size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, size, fmt, ap);
    va_end(ap);
}
