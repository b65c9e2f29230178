#!/usr/bin/env bash
# Console speed and memory through tmux (bench/console_bench.py): first rows on screen, key → frame,
# search, another process's commit on screen, idle CPU and bytes, peak RSS, and VisiData on the same
# table. Medians of RUNS runs. Needs tmux, sqlite3 and python3; VisiData (`pip install visidata`) if present.
#
#   bench/console.sh                        # builds busops (release, static), makes 2k and 1M demo stores
#   DYNAMIC=1 bench/console.sh              # … the shared-library build instead of the static production build
#   BUSOPS_BIN=path/to/busops BIG=/tmp/busops-1m.sqlite bench/console.sh
#   RUNS=5 IDLE_SECONDS=30 ONLY=first,keys,commit,idle,rss,visidata bench/console.sh
set -euo pipefail

RUNS=${RUNS:-5}
IDLE_SECONDS=${IDLE_SECONDS:-30}
ONLY=${ONLY:-first,keys,rss,idle,visidata,commit}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/busops-bench-console.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# The production build: the Swift runtime and Foundation inside the binary (README). DYNAMIC=1 measures the
# default shared-library build instead.
source "$ROOT/bench/lib.sh"
flags=()
[[ -n "${DYNAMIC:-}" ]] || flags+=(--static-swift-stdlib)
BUSOPS_BIN=$(busops_binary "${flags[@]}")

SMALL=${SMALL:-$WORK/small.sqlite}
BIG=${BIG:-$WORK/big.sqlite}
[[ -f "$SMALL" ]] || "$BUSOPS_BIN" demo --db "$SMALL" --orders 2000 > /dev/null
[[ -f "$BIG" ]] || "$BUSOPS_BIN" demo --db "$BIG" --orders 1000000 > /dev/null

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo) RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary: $BUSOPS_BIN ($(ldd "$BUSOPS_BIN" | wc -l) shared libraries)"
python3 "$ROOT/bench/console_bench.py" --bin "$BUSOPS_BIN" --small "$SMALL" --big "$BIG" \
    --runs "$RUNS" --idle-seconds "$IDLE_SECONDS" --only "$ONLY"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
