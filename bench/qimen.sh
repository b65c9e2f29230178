#!/usr/bin/env bash
# Qimen endpoint benchmark: seat query and create order through `busops serve` on loopback,
# load from wrk with bench/qimen.lua signing every request like the Qimen gateway.
# Prints each run and the medians (requests/s, p99) for BENCHMARKS.md "## Qimen endpoint".
#
#   bench/qimen.sh                      release build, 5 runs of 10 s per interface
#   BUSOPS_BIN=path/to/busops bench/qimen.sh
#   RUNS=3 DURATION=5 SEAT_CONNECTIONS=16 CREATE_CONNECTIONS=4 THREADS=2 WORKERS=8 bench/qimen.sh
#
# Create order runs with fewer connections: the seat lock is one write transaction at a time,
# so in wrk's closed loop every extra connection only waits in line (latency = connections /
# throughput); 4 keep the writer busy without queueing past the 10 ms budget.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
DURATION=${DURATION:-10}
SEAT_CONNECTIONS=${SEAT_CONNECTIONS:-16}
CREATE_CONNECTIONS=${CREATE_CONNECTIONS:-4}
THREADS=${THREADS:-2}
WORKERS=${WORKERS:-8}

install_if_missing() {  # command, Debian package
    command -v "$1" >/dev/null && return
    echo "installing $2 (apt-get)" >&2
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "$2" >/dev/null
}
install_if_missing wrk wrk
install_if_missing sqlite3 sqlite3

if [ -z "${BUSOPS_BIN:-}" ]; then
    scratch=${SCRATCH:-/tmp/busops-bench-build}
    swift build -c release --product busops --scratch-path "$scratch" >&2
    BUSOPS_BIN="$scratch/release/busops"
fi

work=$(mktemp -d)
serve_pid=""
cleanup() {
    if [ -n "$serve_pid" ]; then kill -TERM "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

db="$work/bench.sqlite"
"$BUSOPS_BIN" demo --db "$db" --orders 2000 >/dev/null
# Bench fixture only: a million more seats on every schedule, so create-order measures the
# seat lock itself rather than sold-out refusals after the first few thousand orders.
sqlite3 "$db" "UPDATE schedules SET seats_total = seats_total + 1000000"
# The demo's ANALYZE saw seat_holds with 2 rows, so the planner scans it for expired locks on
# every create; here unpaid holds pile up by the ten thousand (a real store holds a quarter
# hour's worth). Any realistic row count makes it use the expiry index again.
sqlite3 "$db" "UPDATE sqlite_stat1 SET stat = '1000 1' WHERE tbl = 'seat_holds'"
# An on-sale schedule leaving at least a day from now: its fare and departure as Fliggy would send them.
IFS='|' read -r schedule start amount date < <(sqlite3 "$db" "
    SELECT schedule_id, strftime('%Y-%m-%d %H:%M', departs_at + 28800, 'unixepoch'), price_fen + service_fee_fen, from_date
    FROM schedules WHERE on_sale = 1 AND departs_at > strftime('%s', 'now') + 86400 ORDER BY departs_at LIMIT 1")
[ -n "$schedule" ] || { echo "no schedule to book in the demo store" >&2; exit 1; }

export BUSOPS_QIMEN_SECRET="bench-$RANDOM-secret"
"$BUSOPS_BIN" serve --db "$db" --listen 127.0.0.1:0 --workers "$WORKERS" >"$work/serve.out" 2>"$work/access.log" &
serve_pid=$!
for _ in $(seq 100); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.out")
[ -n "$port" ] || { echo "serve did not start:" >&2; cat "$work/access.log" >&2; exit 1; }
url="http://127.0.0.1:$port"
echo "serve on $url ($WORKERS workers), schedule $schedule ($start, $amount fen); wrk -t$THREADS, ${DURATION}s x $RUNS" >&2

# One wrk run; prints "rps p99_ms refused" where refused counts answers whose retCode was not 0.
run() {
    local mode=$1 seconds=$2 connections=$3; shift 3
    local before; before=$(wc -l <"$work/access.log")
    local line
    line=$(wrk -t"$THREADS" -c"$connections" -d"${seconds}s" --timeout 5s -s bench/qimen.lua "$url" -- "$mode" \
        "$BUSOPS_QIMEN_SECRET" "$@" | grep '^RESULT')
    sleep 0.2  # let the last access lines land
    local refused; refused=$(tail -n +"$((before + 1))" "$work/access.log" | grep -c -v 'retCode=0$' || true)
    local rps p99 errors
    rps=$(sed -n 's/.*rps=\([0-9]*\).*/\1/p' <<<"$line")
    p99=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$line")
    errors=$(sed -n 's/.*errors=\([0-9]*\).*/\1/p' <<<"$line")
    echo "$rps $p99 $((refused + errors))"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

bench() {
    local label=$1 mode=$2 connections=$3; shift 3
    run "$mode" 2 "$connections" "$@" >/dev/null  # warm-up
    local rates=() p99s=() bad=0
    for i in $(seq "$RUNS"); do
        read -r rps p99 refused < <(run "$mode" "$DURATION" "$connections" "$@" "$i")
        echo "$label run $i: $rps req/s, p99 $p99 ms, refused or failed $refused" >&2
        rates+=("$rps"); p99s+=("$p99"); bad=$((bad + refused))
    done
    echo "| $label | $connections | ${rates[*]} | **$(printf '%s\n' "${rates[@]}" | median) req/s** | ${p99s[*]} | **$(printf '%s\n' "${p99s[@]}" | median) ms** | $bad |"
}

echo "| interface | wrk connections | runs (req/s) | median | runs p99 (ms) | median p99 | refused |"
echo "|---|---|---|---|---|---|---|"
bench "seat query" seat "$SEAT_CONNECTIONS" "$schedule" "$date"
bench "create order" create "$CREATE_CONNECTIONS" "$schedule" "$start" "$amount" "$((RANDOM % 90 + 10))"
