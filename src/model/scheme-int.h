/* scheme-int.h — inside the scheme module (satstat/scheme.h): the spec
 * parsing that scheme.c shares with scheme_weights.c (weight schemes) and
 * inputs.c (input models). */
#ifndef SATSTAT_SCHEME_INT_H
#define SATSTAT_SCHEME_INT_H

#include <satstat/scheme.h>

#include <errno.h>
#include <inttypes.h>
#include <float.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>

#include <satstat/error.h>
#include <satstat/parse.h>

typedef enum param_kind {
    PARAM_NONE,     /* NAME alone                                        */
    PARAM_SCALE,    /* > 0, finite, and a law built on it has a finite,
                       non-zero variance: (2x)² finite, x² > 0            */
    PARAM_FINITE,   /* any finite number                                 */
    PARAM_PROB      /* 0 ≤ p ≤ 1                                         */
} param_kind;

typedef struct spec_entry {
    const char *name;  /* "normal"                                     */
    param_kind param;
    int id;            /* the kind enum of the object being parsed      */
} spec_entry;

/* Spec parsing, in scheme.c (their contracts are there); not
 * exported: they carry no SATSTAT_API (satstat/export.h). */
void satstat__spec_join_names(const char *const *names, char *buf, size_t size);
void satstat__spec_append(char *msg, size_t msg_size, const char *text);
int satstat__spec_parse(const spec_entry *table, size_t n, const char *what,
                        const char *const *names, const char *text, int *id,
                        double *param, char *canonical, char *msg, size_t msg_size);


#endif
