#!/bin/bash
# blas.sh — the program loads OpenBLAS only for the jobs that multiply
# matrices (src/cli/blas.h), and then every BLAS call GSL makes reaches it.
#   blas.sh SATSTAT
# (Registered only when the build found OpenBLAS.)  That the numbers are
# OpenBLAS's, bit for bit as through libsatstat.so, is the Python package's
# identity test (orthogonal runs and deep, library against program).
set -u
exe=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad() { echo "FAIL: $*"; fail=1; }
# what the dynamic loader prints (LD_DEBUG=libs) when it loads OpenBLAS
loaded='calling init: .*libopenblas'

# 1. not linked: no NEEDED entry
if readelf -d "$exe" | grep -q 'NEEDED.*openblas'; then
    bad "the program links OpenBLAS: $(readelf -d "$exe" | grep 'NEEDED.*openblas')"
fi

# 2. not loaded by a job without matrix products (the seed run, a sweep)
for job in "--samples 2000" "sweep --vary n-in=10:100:2 --samples 1000"; do
    # shellcheck disable=SC2086
    LD_DEBUG=libs "$exe" $job --quiet --format json >"$tmp/out" 2>"$tmp/ld" ||
        bad "satstat $job failed"
    grep -q -E "$loaded" "$tmp/ld" && bad "satstat $job loaded OpenBLAS"
done

# 3. loaded by deep and by an orthogonal scheme, and named in deep's report
LD_DEBUG=libs "$exe" deep --layers 2 --width 40 --networks 2 --n-in 40 --quiet \
    --format json >"$tmp/deep.json" 2>"$tmp/ld" || bad "deep failed"
grep -q -E "$loaded" "$tmp/ld" || bad "deep did not load OpenBLAS"
grep -q '"blas": "openblas"' "$tmp/deep.json" || bad "deep's report does not name openblas"
LD_DEBUG=libs "$exe" --scheme orthogonal --n-in 40 --n-out 20 --samples 200 --quiet \
    --format json >"$tmp/orth.json" 2>"$tmp/ld" || bad "orthogonal run failed"
grep -q -E "$loaded" "$tmp/ld" || bad "an orthogonal run did not load OpenBLAS"

# 4. every real double-precision CBLAS function libgsl calls is the
#    program's (else that call would go to GSL's reference CBLAS and mix
#    two BLAS; the complex ones, cblas_dz*, satstat never reaches)
gsl=$(ldd "$exe" | awk '/libgsl\.so/ { print $3 }')
if [ -z "$gsl" ]; then
    bad "no libgsl in ldd $exe"
else
    nm -D --undefined-only "$gsl" | awk '{ print $2 }' |
        grep -E '^cblas_(d[a-y][a-z0-9]*|idamax)$' | sort >"$tmp/wanted"
    nm -D --defined-only "$exe" | awk '{ print $3 }' | grep '^cblas_' | sort >"$tmp/given"
    [ -s "$tmp/wanted" ] || bad "libgsl imports no double CBLAS function (nm failed?)"
    missing=$(comm -23 "$tmp/wanted" "$tmp/given" | tr '\n' ' ')
    [ -z "$missing" ] || bad "libgsl calls CBLAS functions the program does not forward: $missing"
fi

# 5. SATSTAT_BLAS=gslcblas: GSL's reference CBLAS, said in the report and,
#    for an orthogonal scheme, in the note; OpenBLAS never loaded
SATSTAT_BLAS=gslcblas LD_DEBUG=libs "$exe" deep --layers 2 --width 40 --networks 2 \
    --n-in 40 --quiet --format json >"$tmp/deep.json" 2>"$tmp/ld" || bad "deep on gslcblas failed"
grep -q -E "$loaded" "$tmp/ld" && bad "SATSTAT_BLAS=gslcblas loaded OpenBLAS"
grep -q '"blas": "gslcblas"' "$tmp/deep.json" || bad "deep on gslcblas does not say so"
SATSTAT_BLAS=gslcblas "$exe" --scheme orthogonal --n-in 40 --n-out 20 --samples 200 \
    --format json >"$tmp/orth.json" 2>"$tmp/err" || bad "orthogonal run on gslcblas failed"
grep -q "^satstat: note: this build uses GSL's reference BLAS" "$tmp/err" ||
    bad "no reference-BLAS note: $(cat "$tmp/err")"
"$exe" --scheme orthogonal --n-in 40 --n-out 20 --samples 200 --format json \
    >"$tmp/orth.json" 2>"$tmp/err" || bad "orthogonal run failed"
[ -s "$tmp/err" ] && bad "an orthogonal run on OpenBLAS printed: $(cat "$tmp/err")"

[ $fail = 0 ] && echo "blas: all checks passed"
exit $fail
