#!/bin/sh
# tests/browser.sh SATSTAT_EXE SOURCE_ROOT
# The HTML pages of run, demo, deep and sweep in a real headless browser
# (Debian's chromium driven by puppeteer-core, tests/browser/): each loads
# with no console error and fetches nothing, every figure is an inline SVG
# that is laid out and visible (tests/browser/check-page.mjs), and a
# screenshot of each is left in the build folder to look at.  A page built
# to fail (tests/browser/bad-page.html) must fail, or the checks prove
# nothing.  Skipped (77) where chromium or the node modules are missing:
# .ci/run installs them (apt-get install chromium; npm ci in tests/browser).
set -u
exe=$1 root=$2
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ] || ! command -v node >/dev/null 2>&1 ||
    [ ! -d "$root/tests/browser/node_modules/puppeteer-core" ]; then
    echo "skip: needs $chromium, node and tests/browser/node_modules (npm ci)"
    exit 77
fi
out=$(pwd)/browser-pages
rm -rf "$out" && mkdir -p "$out" || exit 1
check() { # PAGE MIN_FIGURES [SCREENSHOT]
    node "$root/tests/browser/check-page.mjs" "$1" "${3:-${1%.html}.png}" "$2"
}
status=0
cd "$out" || exit 1
"$exe" --samples 20000 --scheme standard,scaled,orthogonal --n-in 100 --n-out 50 \
    --output run.html --quiet || status=1
"$exe" demo gallery --format html --render none --quiet > demo.html || status=1
"$exe" deep --layers 4 --width 64 --networks 3 --phase --output deep.html --quiet || status=1
"$exe" deep --preset activations --layers 3 --width 32 --networks 4 --output preset.html \
    --quiet || status=1
"$exe" sweep --vary sigma=0.01:1:5:log --samples 2000 --output sweep.html --quiet || status=1
for page in run:5 demo:6 deep:5 preset:2 sweep:3; do
    check "$out/${page%%:*}.html" "${page#*:}" || status=1
done
# demo's page tells the seed's story with its numbers
grep -q "What this shows" demo.html && grep -q "Var z = 501" demo.html ||
    { echo "FAIL: demo.html lacks the seed's argument"; status=1; }
if check "$root/tests/browser/bad-page.html" 2 "$out/bad-page.png" > bad.log 2>&1; then
    echo "FAIL: the negative control passed the checks"
    status=1
else
    for what in "console error" "page error" "fetches from elsewhere" "not visible" \
        "no inline svg" "duplicate ids"; do
        grep -q "$what" bad.log || { echo "FAIL: the control's '$what' was not caught"; status=1; }
    done
fi
[ $status = 0 ] && echo "ok: every page passes; screenshots in $out"
exit $status
