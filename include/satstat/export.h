/* satstat/export.h — SATSTAT_API marks the library's public functions.
 *
 * The library is built with hidden symbol visibility (src/meson.build,
 * gnu_symbol_visibility : 'hidden'), so only the functions declared with
 * SATSTAT_API in include/satstat/ are exported from libsatstat.so.  The
 * internals (satstat__*, declared in the private headers *-int.h under
 * src/) stay private without any per-header pragma, and no program can
 * come to depend on them.  Outside the library's own build (a program
 * including these headers), or with a compiler without the visibility
 * attribute, the mark is empty: a declaration needs nothing more to be
 * called.
 */
#ifndef SATSTAT_EXPORT_H
#define SATSTAT_EXPORT_H

#if defined(SATSTAT_BUILDING_LIBRARY) && (defined(__GNUC__) || defined(__clang__))
#define SATSTAT_API __attribute__((visibility("default")))
#else
#define SATSTAT_API
#endif

#endif
