#!/usr/bin/env bash
# Replication cost and lag (issue 14, docs/REPLICATION.md): serve under `simulate --rate 50`, once alone and once
# beside `litestream replicate` (file replica, sync-interval 1s). Reports serve's CPU, Litestream's CPU, the
# latency of writing requests (from serve's access log) and the replication lag seen by `busops status`.
# Usage: bench/replication.sh [SECONDS]   (BUSOPS_BIN to measure a given binary; loopback only)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
BIN=$(busops_binary)
LS=${BUSOPS_LITESTREAM:-.build-tools/litestream/bin/litestream}
[[ -x "$LS" ]] || { echo "litestream not installed: run .ci/run" >&2; exit 1; }
SECS=${1:-30}
OUT=bench/out/replication; rm -rf "$OUT"; mkdir -p "$OUT"
export BUSOPS_QIMEN_SECRET=bench-secret
TCK=$(getconf CLK_TCK)

cpu() { awk -v t="$TCK" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }

# Writing requests (order create, pay/issue, cancel, refund): p50/p99 of their durations in serve's access log.
write_latency() {
  grep -E 'method=[^ ]*(create|pay|issue|cancel|refund|close)' "$1" | grep -o ' [0-9.]*ms ' | tr -d ' ms' | sort -n |
    awk '{ a[NR] = $1 } END { if (NR == 0) { print "no writes"; exit } printf "%d writes, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", NR, a[int(NR*0.5)+1], a[int(NR*0.99)+1], a[NR] }'
}

run() {   # $1 = alone | litestream
  local dir="$OUT/$1" db; mkdir -p "$dir"; db="$dir/store.sqlite"
  "$BIN" demo --db "$db" --orders 20000 --seed 1 >/dev/null
  local lspid=""
  if [[ $1 == litestream ]]; then
    printf 'dbs:\n  - path: %s\n    replica:\n      type: file\n      path: %s\n      sync-interval: 1s\n' "$PWD/$db" "$PWD/$dir/replica" > "$dir/ls.yml"
    "$LS" replicate -config "$dir/ls.yml" > "$dir/litestream.log" 2>&1 & lspid=$!
    for _ in $(seq 50); do [[ -d "$dir/replica/ltx" ]] && break; sleep 0.2; done
  fi
  "$BIN" serve --db "$db" --listen 127.0.0.1:0 > "$dir/serve.out" 2> "$dir/serve.log" & local spid=$!
  for _ in $(seq 50); do grep -q http "$dir/serve.out" 2>/dev/null && break; sleep 0.1; done
  local url; url=$(grep -o 'http://[0-9.:]*/' "$dir/serve.out")
  local s0 l0=0; s0=$(cpu $spid); [[ -n $lspid ]] && l0=$(cpu $lspid)
  "$BIN" simulate --qimen "$url" --rate 50 --duration "$SECS" --seed 3 > "$dir/simulate.out" 2>&1 & local simpid=$!
  : > "$dir/lag.txt"
  while kill -0 $simpid 2>/dev/null; do
    [[ -n $lspid ]] && "$BIN" status --db "$db" --replica-dir "$dir/replica" --max-lag 3600 --json 2>/dev/null |
      python3 -c 'import json,sys; o=json.load(sys.stdin); print(o["lag_s"])' >> "$dir/lag.txt"
    sleep 0.5
  done
  local s1 l1=0; s1=$(cpu $spid); [[ -n $lspid ]] && l1=$(cpu $lspid)
  echo "== $1: serve CPU $(echo "$s1 - $s0" | bc) s over ${SECS} s; litestream CPU $(echo "$l1 - $l0" | bc) s"
  echo "   writing requests: $(write_latency "$dir/serve.log")"
  echo "   WAL at the end: $(stat -c %s "$db-wal" 2>/dev/null || echo 0) bytes; $(grep -c ' 200 ' "$dir/serve.log") requests answered"
  if [[ -n $lspid ]]; then
    sort -n "$dir/lag.txt" | awk '{ a[NR] = $1 } END { printf "   replication lag (busops status, every 0.5 s): %d samples, median %.2f s, max %.2f s\n", NR, a[int(NR/2)+1], a[NR] }'
    kill $lspid; wait $lspid 2>/dev/null || true
  fi
  kill $spid; wait $spid 2>/dev/null || true
}

run alone
run litestream
