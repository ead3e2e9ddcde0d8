#!/bin/sh
# tests/install-check.sh BUILD — what a user installs works on its own:
# `meson install --destdir` into a temporary root, then a small C program is
# compiled and linked against the *installed* headers and library through the
# installed satstat.pc (never the build tree), and run: it must find the
# seed experiment's Var z = 501 and 1.5.  Also checks that the man pages and
# the shell completions were installed, and that the program records the
# versioned SONAME.  CI runs it (.ci/run).
set -eu
build=${1:-build}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
meson install -C "$build" --destdir "$root" --quiet >/dev/null

pc=$(find "$root" -name satstat.pc | head -1)
[ -n "$pc" ] || { echo "install-check: no satstat.pc installed" >&2; exit 1; }
export PKG_CONFIG_PATH="$(dirname "$pc")"
export PKG_CONFIG_SYSROOT_DIR="$root"

cat >"$root/probe.c" <<'C'
#include <math.h>
#include <stdio.h>
#include <satstat/satstat.h>

int main(void)
{
    satstat_config c;
    char msg[SATSTAT_ERRMSG_SIZE] = "";
    satstat_config_default(&c);
    if (satstat_config_validate(&c, msg) != SATSTAT_OK) {
        fprintf(stderr, "validate: %s\n", msg);
        return 1;
    }
    const double want[] = {501.0, 1.5};
    for (size_t i = 0; i < c.n_schemes; i++) {
        satstat_analytic a;
        if (satstat_analytic_compute(&c, &c.schemes[i], &a) != SATSTAT_OK)
            return 1;
        printf("%s %.17g\n", c.schemes[i].canonical, a.variance);
        if (i >= 2 || fabs(a.variance - want[i]) > 1e-12 * want[i])
            return 1;
    }
    return 0;
}
C
# shellcheck disable=SC2046
${CC:-cc} -std=c11 -Wall -Wextra -Werror -o "$root/probe" "$root/probe.c" \
    $(pkg-config --cflags --libs satstat) -lm
libdir=$(dirname "$(find "$root" -name 'libsatstat.so.0' | head -1)")
readelf -d "$root/probe" | grep -q 'NEEDED.*\[libsatstat.so.0\]' ||
    { echo "install-check: the program does not record libsatstat.so.0" >&2; exit 1; }
LD_LIBRARY_PATH="$libdir" "$root/probe"

for f in man1/satstat.1 man1/satstat-deep.1 man1/satstat-sweep.1 \
         bash-completion/completions/satstat zsh/site-functions/_satstat; do
    [ -n "$(find "$root" -path "*/$f" | head -1)" ] ||
        { echo "install-check: $f was not installed" >&2; exit 1; }
done
echo "install-check: installed library, header, satstat.pc, man pages and completions work"
