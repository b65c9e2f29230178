#!/usr/bin/env bash
# The Dashboard's first frame and its refresh after another process's commit on a 1M-order store (issue 13), from
# the console's own frame trace (bench/dashboard_bench.py). Needs tmux and python3.
#
#   bench/dashboard.sh                                   # release build, makes a 1M demo store (20–80 s)
#   BUSOPS_BIN=.build/debug/busops BIG=/tmp/x.sqlite RUNS=5 IDLE_SECONDS=10 bench/dashboard.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/lib.sh"
BUSOPS_BIN=$(busops_binary --static-swift-stdlib)
BIG=${BIG:-/tmp/busops-bench-1m.sqlite}
[[ -f "$BIG" ]] || "$BUSOPS_BIN" demo --db "$BIG" --orders 1000000 > /dev/null
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); binary $BUSOPS_BIN; store $BIG"
python3 "$ROOT/bench/dashboard_bench.py" "$BUSOPS_BIN" "$BIG"
