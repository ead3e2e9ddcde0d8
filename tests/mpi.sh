#!/bin/bash
# mpi.sh — satstat under mpirun: the same bytes as one process, any rank
# count, and failures that end the job with one line, never a hang, and
# nothing written.
#   mpi.sh SATSTAT MPIRUN
# Every report is compared with the plain run's byte for byte, the timing
# fields (elapsed_seconds, and "elapsed" in text) aside.
set -u
exe=$1 mpirun=$2
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
bad() { echo "FAIL: $*"; fail=1; }
# satstat's lines on stderr (the MPI runtime may add its own, e.g. hwloc's
# note in a container without sysfs CPU topology: not satstat's to count)
lines() { grep -c '^satstat:' "$1"; }
# mpirun as root in CI, more ranks than cores, its own banners off (-q)
mpi() { timeout 300 "$mpirun" -q --allow-run-as-root --oversubscribe "$@"; }
# the report without its timing lines
# and the thread count with what follows from it (deep's memory per
# thread), settings echoed rather than results
untimed() {
    grep -v -E -e 'elapsed' -e '"threads"' -e '[0-9] s$' -e '^threads' \
        -e '"memory_used"' -e '"kept_layers"' "$1"
}

same() { # same NAME ARGS...: plain (1 thread) vs -np 1, 2, 3 at 2, 1, 2 threads
    local name=$1
    shift
    "$exe" "$@" --threads 1 --output "$name.plain" >/dev/null 2>&1
    local want=$?
    [ -s "$name.plain" ] || { bad "$name: the plain run wrote no report (exit $want)"; return; }
    for run in 1:2 2:1 3:2; do
        local np=${run%:*} t=${run#*:}
        {
            rm -f "$name.$np"
            mpi -np "$np" "$exe" "$@" --threads "$t" --output "$name.$np" >"$name.out" 2>&1
            local got=$?
            [ "$got" = "$want" ] || { bad "$name: -np $np --threads $t exit $got, plain $want:"; tail -5 "$name.out"; }
            if ! cmp -s <(untimed "$name.plain") <(untimed "$name.$np"); then
                bad "$name: -np $np --threads $t differs from the plain run:"
                diff <(untimed "$name.plain") <(untimed "$name.$np") | head -5
            fi
        }
    done
}

# A plain run never maps libmpi: the MPI calls are a module the program
# loads under mpirun only.
if ldd "$exe" | grep -q 'libmpi'; then
    bad "the program itself links libmpi: $(ldd "$exe" | grep libmpi)"
fi

same run-json run --samples 300000 --format json
same run-text run --samples 70000 --scheme standard,scaled,uniform:0.05 --activation tanh
same run-ortho run --samples 20000 --scheme orthogonal --n-out 50 --n-in 200 --inputs ones --format json
same run-small run --samples 1500 --format csv          # fewer blocks than ranks
same sweep sweep --vary n-in=10:1000:4:log --samples 20000 --format json
same deep deep --layers 4 --width 100 --networks 7 --scheme standard,scaled,orthogonal \
    --pair-correlation 0.5 --jacobian --format json
same deep-preset deep --layers 3 --width 60 --networks 5 --preset activations

# Figures: the same scripts from rank 0 alone, nothing from the others.
# (the same folder name, in two places: the scripts name their folder)
mkdir plain np
(cd plain && "$exe" run --samples 50000 --threads 1 --plots fig --render none --quiet >/dev/null 2>&1)
(cd np && mpi -np 3 "$exe" run --samples 50000 --threads 1 --plots fig --render none --quiet \
    >../fig.out 2>&1) || { bad "figures: mpirun -np 3 failed:"; tail -5 fig.out; }
if ! diff -r plain np >/dev/null; then
    bad "figures: -np 3 scripts differ from the plain run's"
fi

# The MPI module missing (a copy of the program alone in a folder): one
# line, exit 3, nothing written.  Skipped when an installed module is found.
mkdir lone
cp "$exe" lone/satstat
LD_LIBRARY_PATH="$(dirname "$exe")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    mpi -np 2 lone/satstat run --samples 5000 --output lone.json >lone.out 2>&1
rc=$?
if [ "$rc" != 0 ]; then
    [ "$rc" = 3 ] || bad "no MPI module: exit $rc, want 3"
    [ "$(lines lone.out)" = 1 ] || { bad "no MPI module: want one line:"; cat lone.out; }
    grep -q 'cannot load the MPI module' lone.out || { bad "no MPI module: the line does not say so:"; cat lone.out; }
    [ ! -e lone.json ] || bad "no MPI module: lone.json written"
fi

# Bad input: exit 2, one line (rank 0's), nothing written.
mpi -np 3 "$exe" run --samples 0 --output bad.json >bad.out 2>&1
rc=$?
[ "$rc" = 2 ] || bad "bad input: exit $rc, want 2"
[ "$(lines bad.out)" = 1 ] || { bad "bad input: $(lines bad.out) lines, want 1:"; cat bad.out; }
[ ! -e bad.json ] || bad "bad input: bad.json written"

# A figure folder rank 0 cannot use: every rank stops before the work.
touch not-a-dir
mpi -np 2 "$exe" run --samples 50000 --plots not-a-dir/figs --output nodir.json >nodir.out 2>&1
rc=$?
[ "$rc" = 2 ] || [ "$rc" = 3 ] || bad "unusable --plots: exit $rc, want 2 or 3"
[ "$(lines nodir.out)" = 1 ] || { bad "unusable --plots: want one line:"; cat nodir.out; }
[ ! -e nodir.json ] || bad "unusable --plots: nodir.json written"

# SIGTERM to mpirun mid-run: the ranks stop, nothing is written, no hang.
# (mpirun itself in the background, so that $! is its pid)
"$mpirun" -q --allow-run-as-root --oversubscribe -np 2 "$exe" run --samples 1e9 --threads 1 \
    --output term.json >term.out 2>&1 &
pid=$!
sleep 3
kill -TERM "$pid"
waited=0
while kill -0 "$pid" 2>/dev/null && [ $waited -lt 60 ]; do sleep 1; waited=$((waited + 1)); done
if kill -0 "$pid" 2>/dev/null; then
    bad "SIGTERM: mpirun still running after 60 s"
    kill -KILL "$pid"
fi
wait "$pid"
rc=$?
[ "$rc" != 0 ] || bad "SIGTERM: mpirun exit 0"
[ ! -e term.json ] || bad "SIGTERM: term.json written"
! ls -A | grep -q '^\.satstat' || bad "SIGTERM: temporary files left: $(ls -A | grep '^\.satstat')"
grep -q 'interrupted; nothing written' term.out || bad "SIGTERM: no line saying so: $(cat term.out)"

# SIGTERM to one rank other than 0: the cancel reaches every rank through
# the next exchange; rank 0 says so in one line and writes nothing.  The
# output's name carries this shell's PID, so that rank 1 is found among
# this job's processes only, not another test's on the same machine.
one="one-$$.json"
"$mpirun" -q --allow-run-as-root --oversubscribe -np 2 "$exe" run --samples 1e9 --threads 1 \
    --output "$one" >one.out 2>&1 &
pid=$!
follower=""
for _ in $(seq 1 100); do
    # (/proc read directly: a minimal Debian has no pgrep)
    for d in /proc/[0-9]*; do
        { tr '\0' ' ' <"$d/cmdline"; } 2>/dev/null | grep -qF -- "--output $one" &&
            grep -qz '^OMPI_COMM_WORLD_RANK=1$' "$d/environ" 2>/dev/null && follower=${d#/proc/}
    done
    [ -n "$follower" ] && break
    sleep 0.1
done
sleep 2
if [ -z "$follower" ]; then
    bad "one rank: rank 1 not found"
else
    kill -TERM "$follower"
fi
waited=0
while kill -0 "$pid" 2>/dev/null && [ $waited -lt 60 ]; do sleep 1; waited=$((waited + 1)); done
kill -0 "$pid" 2>/dev/null && { bad "one rank: mpirun still running after 60 s"; kill -KILL "$pid"; }
wait "$pid"
rc=$?
[ "$rc" != 0 ] || bad "one rank: mpirun exit 0"
[ ! -e "$one" ] || bad "one rank: $one written"
[ "$(lines one.out)" = 1 ] || { bad "one rank: want one line:"; cat one.out; }
! ls -A | grep -q '^\.satstat' || bad "one rank: temporary files left"

[ $fail = 0 ] && echo "mpi: every check passed"
exit $fail
