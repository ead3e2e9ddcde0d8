/* locale-int.h — the "C" locale for the calling thread, inside the library.
 *
 * Numbers in reports, scripts and pages use '.' as the decimal point
 * whatever the caller's locale: a writer enters the "C" locale for its
 * thread (uselocale, POSIX 2008) and leaves it as it was. */
#ifndef SATSTAT_LOCALE_INT_H
#define SATSTAT_LOCALE_INT_H

#include <locale.h>

/* Internal to the library: not exported from the shared object. */

typedef struct satstat__c_locale {
    locale_t c;   /* the "C" locale, or (locale_t)0 when unavailable */
    locale_t old; /* the thread's locale before                      */
} satstat__c_locale;

void satstat__c_locale_enter(satstat__c_locale *scope);
void satstat__c_locale_leave(satstat__c_locale *scope);


#endif
