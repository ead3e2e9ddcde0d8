#!/bin/sh
# tests/install-check.sh BUILD — what a user installs works on its own:
# `meson install --destdir` into a temporary root, then a small C program is
# compiled and linked against the *installed* headers and library through the
# installed satstat.pc (never the build tree), and run: it must find the
# seed experiment's Var z = 501 and 1.5.  Also checks that the man pages and
# the shell completions were installed, and that the program records the
# versioned SONAME.  Then the Python package as the README installs it: a
# virtual environment with the system's packages (numpy), `pip install
# --no-build-isolation` of python/ (no network: --no-index), importing it
# and running a small job against the *installed* library, found by the
# system loader (LD_LIBRARY_PATH; the package carries no library).
# CI runs it (.ci/run).
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
    if (satstat_config_validate(&c, NULL, msg, sizeof msg) != SATSTAT_OK) {
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
         man3/satstat-report.3 man3/satstat_report_run.3 man3/satstat-deep.3 \
         bash-completion/completions/satstat zsh/site-functions/_satstat; do
    [ -n "$(find "$root" -path "*/$f" | head -1)" ] ||
        { echo "install-check: $f was not installed" >&2; exit 1; }
done
# The MPI module (built when OpenMPI was found) goes to LIBDIR/satstat, where
# the installed program looks for it under mpirun.
if [ -e "$build/src/satstat-mpi.so" ]; then
    [ -n "$(find "$root" -path '*/satstat/satstat-mpi.so' | head -1)" ] ||
        { echo "install-check: satstat-mpi.so was not installed in LIBDIR/satstat" >&2; exit 1; }
fi
# The Python package: a copy of python/ (pip builds in the tree it is given)
src=$(cd "$(dirname "$0")/.." && pwd)
cp -r "$src/python" "$root/python"
rm -rf "$root/python/build" "$root/python"/*.egg-info
/usr/bin/python3 -m venv --system-site-packages "$root/venv"
"$root/venv/bin/pip" install --quiet --no-index --no-build-isolation "$root/python" ||
    { echo "install-check: pip could not install python/" >&2; exit 1; }
(cd "$root" && env -u SATSTAT_LIBRARY LD_LIBRARY_PATH="$libdir" "$root/venv/bin/python" - <<'PY'
import satstat
assert satstat.library_path() == "libsatstat.so.0", satstat.library_path()
assert "site-packages" in satstat.__file__, satstat.__file__
r = satstat.run(samples=2000, seed=1, threads=1)
v = [s["analytic"]["variance"] for s in r["schemes"]]
assert v == [501.0, 1.5], v
assert r.histograms[0]["z"].total() == 2000
try:
    satstat.run(samples=0)
    raise SystemExit("samples=0 was accepted")
except satstat.Error as e:
    assert str(e).startswith("--samples: "), e
print("install-check: python: satstat.run in a venv over the installed library:", v)
PY
) || { echo "install-check: the Python package failed over the installed library" >&2; exit 1; }

# The README's way from the source tree: the package carries the library
# tools/setup built, and works from any folder with nothing installed.
if [ -e "$src/build/src/libsatstat.so.0" ]; then
    /usr/bin/python3 -m venv --system-site-packages "$root/venv2"
    "$root/venv2/bin/pip" install --quiet --no-index --no-build-isolation "$src/python" ||
        { echo "install-check: pip could not install python/ from the tree" >&2; exit 1; }
    (cd / && env -u SATSTAT_LIBRARY -u LD_LIBRARY_PATH "$root/venv2/bin/python" - <<'PY'
import satstat
p = satstat.library_path()
assert p.endswith("site-packages/satstat/libsatstat.so.0"), p
r = satstat.run(samples=2000, seed=1, threads=1)
assert [s["analytic"]["variance"] for s in r["schemes"]] == [501.0, 1.5]
print("install-check: python: the venv carries", p)
PY
    ) || { echo "install-check: the package did not carry the built library" >&2; exit 1; }
fi

echo "install-check: installed library, header, satstat.pc, man pages, completions and the Python package work"
