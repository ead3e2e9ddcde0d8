#!/bin/sh
# tests/man3-complete.sh LIBRARY SOURCE_ROOT
# Every function the shared library exports (satstat_*, not the satstat__
# internals) is declared in a public header, so the API reference
# (doc/man3.py) has its page; and every function a header declares is
# exported (a declaration without a definition would be a dead page).
set -u
lib=$1 root=$2
tmp=${TMPDIR:-/tmp}/satstat-man3.$$
trap 'rm -f "$tmp".*' EXIT
nm -D --defined-only "$lib" | awk '$2 == "T" {print $3}' | grep '^satstat_' |
    grep -v '^satstat__' | sort -u > "$tmp.exported"
for h in "$root"/include/satstat/*.h; do
    /usr/bin/python3 "$root/doc/man3.py" names "$h"
done | sort -u > "$tmp.documented"
status=0
missing=$(comm -23 "$tmp.exported" "$tmp.documented")
if [ -n "$missing" ]; then
    echo "FAIL: exported but in no public header's page:"; echo "$missing"; status=1
fi
dead=$(comm -13 "$tmp.exported" "$tmp.documented")
if [ -n "$dead" ]; then
    echo "FAIL: declared in a header but not exported:"; echo "$dead"; status=1
fi
[ $status = 0 ] && echo "ok: $(wc -l < "$tmp.exported") exported functions, each on its page"
exit $status
