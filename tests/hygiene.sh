#!/bin/sh
# tests/hygiene.sh CC SOURCE_ROOT LIBRARY
# Each public header compiles on its own under -std=c11 -pedantic -Werror,
# the shared library exports no symbol without the satstat_ prefix, and its
# SONAME is versioned; the internals (satstat__*) are not exported.
set -u
cc=$1 root=$2 lib=$3
status=0
for h in "$root"/include/satstat/*.h; do
    name=satstat/$(basename "$h")
    if ! printf '#include <%s>\nint satstat_hygiene_probe;\n' "$name" |
        $cc -std=c11 -pedantic -Wall -Wextra -Werror -fsyntax-only \
            -I"$root/include" -x c - 2>/tmp/satstat-hygiene.$$; then
        echo "FAIL: $name does not compile on its own:"
        cat /tmp/satstat-hygiene.$$
        status=1
    else
        echo "ok: $name compiles alone"
    fi
done
rm -f /tmp/satstat-hygiene.$$
# defined, exported symbols (functions and data) of the shared library
bad=$(nm -D --defined-only "$lib" | awk '$2 ~ /[TDBR]/ {print $3}' |
    grep -v '^satstat_' || true)
# the library's internals (satstat__*, declared in src/*/*-int.h) are hidden:
# the library is built with hidden visibility and exports only what
# include/satstat/ marks SATSTAT_API (satstat/export.h)
internal=$(nm -D --defined-only "$lib" | awk '$2 ~ /[TDBR]/ {print $3}' | grep '^satstat__' || true)
if [ -n "$internal" ]; then
    echo "FAIL: internal symbols exported (a SATSTAT_API on an internal?):"
    echo "$internal"
    status=1
else
    echo "ok: no internal satstat__ symbol is exported"
fi
if [ -n "$bad" ]; then
    echo "FAIL: exported symbols without the satstat_ prefix:"
    echo "$bad"
    status=1
else
    echo "ok: every exported symbol starts with satstat_"
fi
# the versioned SONAME programs record
soname=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
if [ "$soname" = libsatstat.so.0 ]; then
    echo "ok: SONAME $soname"
else
    echo "FAIL: SONAME is '$soname', not libsatstat.so.0"
    status=1
fi
exit $status
