#!/usr/bin/env bash
# What synchronous = FULL costs (docs/STORE-SAFETY.md "Durability"): the same small write transaction committed N times
# on a WAL store with synchronous NORMAL and with FULL, and an operator action end to end (`busops refund money ...
# --yes`, process start included) on a demo store. Prints the medians for BENCHMARKS.md.
#
#   bench/durability.sh                 release build; 300 commits x 5 runs; 15 actions
#   BUSOPS_BIN=path/to/busops bench/durability.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
COMMITS=${COMMITS:-300}
RUNS=${RUNS:-5}
ACTIONS=${ACTIONS:-15}
BUSOPS_BIN=$(busops_binary)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/c.sqlite" "$COMMITS" "$RUNS" <<'PY'
import sqlite3, sys, time, statistics
path, n, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL"); db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
for mode in ("NORMAL", "FULL"):
    db.execute(f"PRAGMA synchronous={mode}")
    per = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for i in range(n):
            db.execute("BEGIN IMMEDIATE"); db.execute("INSERT INTO t (v) VALUES ('x')"); db.execute("COMMIT")
        per.append((time.perf_counter() - t0) / n * 1000)
    print(f"commit, synchronous={mode}: median {statistics.median(per):.3f} ms per commit (runs: {' '.join(f'{p:.3f}' for p in per)})")
PY

db="$work/d.sqlite"
"$BUSOPS_BIN" demo --db "$db" --orders 2000 >/dev/null
orders=$(sqlite3 "$db" "SELECT agent_order_id FROM orders WHERE status = 3 ORDER BY id LIMIT $ACTIONS")
times=()
for o in $orders; do
    t0=$(date +%s%N)
    "$BUSOPS_BIN" refund money "$o" --amount 1 --reason bench --yes --db "$db" >/dev/null
    times+=($(( ($(date +%s%N) - t0) / 1000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "refund money --yes (process start to durable commit): median %.1f ms over %d actions\n", v[int((NR + 1) / 2)] / 1000, NR }'
