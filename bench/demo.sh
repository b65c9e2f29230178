#!/usr/bin/env bash
# Demo store generation time: `busops demo --orders N` (release build), RUNS times, median in seconds.
# Keeps the last store (KEEP=path) so the console benchmark can reuse it.
#
#   bench/demo.sh                          # builds busops in release mode first
#   BUSOPS_BIN=path/to/busops bench/demo.sh
#   ORDERS=1000000 RUNS=5 KEEP=/tmp/busops-1m.sqlite bench/demo.sh
set -euo pipefail

ORDERS=${ORDERS:-1000000}
RUNS=${RUNS:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/lib.sh"
BUSOPS_BIN=$(busops_binary)

WORK=$(mktemp -d /tmp/busops-bench-demo.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

times=()
for run in $(seq 1 "$RUNS"); do
    rm -f "$WORK"/store.sqlite*
    start=$(date +%s.%N)
    "$BUSOPS_BIN" demo --db "$WORK/store.sqlite" --orders "$ORDERS" --seed "$run" > /dev/null
    end=$(date +%s.%N)
    t=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    size=$(du -m "$WORK/store.sqlite" | cut -f1)
    echo "run $run: $t s ($size MB)"
    times+=("$t")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "median of $RUNS runs: $median s for $ORDERS orders (target <= 20 s)"
if [[ -n "${KEEP:-}" ]]; then
    rm -f "$KEEP" "$KEEP-wal" "$KEEP-shm"
    for f in "$WORK"/store.sqlite*; do mv "$f" "$KEEP${f#"$WORK"/store.sqlite}"; done
    echo "kept the last store at $KEEP"
fi
