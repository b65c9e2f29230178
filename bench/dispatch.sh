#!/usr/bin/env bash
# Dispatcher throughput: signed TOP callbacks per second from `busops dispatch --once` to a
# local `busops fake-top` on loopback. Median of RUNS runs, each on a fresh copy of one demo
# store (the demo leaves a few percent of its callbacks pending: ~2,800 with 100,000 orders).
#
#   bench/dispatch.sh                 # builds busops in release mode first
#   BUSOPS_BIN=path/to/busops bench/dispatch.sh
#   ORDERS=50000 RUNS=5 bench/dispatch.sh
set -euo pipefail

ORDERS=${ORDERS:-100000}
RUNS=${RUNS:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/lib.sh"
BUSOPS_BIN=$(busops_binary)

WORK=$(mktemp -d /tmp/busops-bench-dispatch.XXXXXX)
FAKE_PID=""
cleanup() {
    if [[ -n "$FAKE_PID" ]]; then kill "$FAKE_PID" 2>/dev/null || true; wait "$FAKE_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# One secret for both sides, in an owner-only file as the dispatcher requires.
umask 077
head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$WORK/secret"
export BUSOPS_TOP_APP_KEY=bench-app BUSOPS_TOP_SECRET_FILE="$WORK/secret"
unset BUSOPS_TOP_SECRET BUSOPS_TOP_SESSION

"$BUSOPS_BIN" demo --db "$WORK/base.sqlite" --orders "$ORDERS" 2>/dev/null

"$BUSOPS_BIN" fake-top --listen 127.0.0.1:0 > "$WORK/fake-top.out" 2> "$WORK/fake-top.err" &
FAKE_PID=$!
for _ in $(seq 1 100); do
    grep -q "listening on" "$WORK/fake-top.out" 2>/dev/null && break
    sleep 0.05
done
URL=$(awk '/listening on/ {print $4}' "$WORK/fake-top.out")
[[ -n "$URL" ]] || { echo "fake-top did not start: $(cat "$WORK/fake-top.err")" >&2; exit 1; }
export BUSOPS_TOP_GATEWAY="$URL"

rates=()
for run in $(seq 1 "$RUNS"); do
    cp "$WORK/base.sqlite" "$WORK/run.sqlite"
    rm -f "$WORK/run.sqlite-wal" "$WORK/run.sqlite-shm"
    start=$(date +%s.%N)
    summary=$("$BUSOPS_BIN" dispatch --db "$WORK/run.sqlite" --once)
    end=$(date +%s.%N)
    sent=$(sed -n 's/^sent \([0-9]*\),.*/\1/p' <<< "$summary")
    rate=$(awk -v n="$sent" -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", n / (b - a) }')
    printf 'run %d: %s in %.2f s = %s callbacks/s\n' "$run" "$summary" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "$rate"
    rates+=("$rate")
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "median of $RUNS runs: $median callbacks/s (target >= 300)"
