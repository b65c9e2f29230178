#!/usr/bin/env bash
# Qimen endpoint benchmark: every interface through `busops serve` on loopback, in docs/PROTOCOL.md's Qimen published
# shapes, on a demo store of the size users reach (1M orders by default); load from wrk with bench/qimen.lua,
# which signs every request like the Qimen gateway. Prints per-interface runs and medians for BENCHMARKS.md
# "## Qimen endpoint", then a mixed run (the read interfaces in turn) with each interface's server-side
# median and p99 taken from serve's access log.
#
#   bench/qimen.sh                          release build, 1M-order store, 5 runs of 10 s per interface
#   BUSOPS_BIN=path/to/busops bench/qimen.sh
#   ORDERS=2000 RUNS=3 DURATION=5 CONNECTIONS=4 MIXED_CONNECTIONS=8 CREATE_CONNECTIONS=4 WORKERS=8 bench/qimen.sh
#   STORE=/tmp/qimen-1m.sqlite bench/qimen.sh   reuse a store made by an earlier run (made there when missing)
#
# Create order runs with few connections: the seat lock is one write transaction at a time, so in wrk's closed
# loop every extra connection only waits in line (latency = connections / throughput).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

ORDERS=${ORDERS:-1000000}
RUNS=${RUNS:-5}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-4}
MIXED_CONNECTIONS=${MIXED_CONNECTIONS:-8}
CREATE_CONNECTIONS=${CREATE_CONNECTIONS:-4}
THREADS=${THREADS:-2}
WORKERS=${WORKERS:-8}
INTERFACES=${INTERFACES:-"fromcity tocity number seat query fee stopped confirm"}

install_if_missing() {  # command, Debian package
    command -v "$1" >/dev/null && return
    echo "installing $2 (apt-get)" >&2
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "$2" >/dev/null
}
install_if_missing wrk wrk
install_if_missing sqlite3 sqlite3

BUSOPS_BIN=$(busops_binary)
work=$(mktemp -d)
serve_pid=""
cleanup() {
    if [ -n "$serve_pid" ]; then kill -TERM "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

db=${STORE:-$work/bench.sqlite}
if [ ! -f "$db" ]; then
    echo "making a $ORDERS-order demo store at $db" >&2
    "$BUSOPS_BIN" demo --db "$db" --orders "$ORDERS" >/dev/null
fi
# The demo's ANALYZE saw seat_holds with 2 rows, so the planner scans it for expired locks on every create; here
# unpaid holds pile up by the ten thousand (a real store holds a quarter hour's worth). Any realistic row count
# makes it use the expiry index again.
sqlite3 "$db" "UPDATE sqlite_stat1 SET stat = '1000 1' WHERE tbl = 'seat_holds'"
# The request parameters, as Fliggy would have them from earlier answers: an on-sale Hangzhou → Shanghai schedule
# leaving at least a day from now, and an issued order that has not departed.
params="$work/params"
sqlite3 -separator '=' "$db" "
    SELECT 'schedule', schedule_id FROM schedules s WHERE on_sale = 1 AND from_city_code = '330100' AND to_city_code = '310100'
      AND departs_at > strftime('%s', 'now') + 86400 ORDER BY departs_at LIMIT 1;" >"$params"
schedule=$(sed -n 's/^schedule=//p' "$params")
[ -n "$schedule" ] || { echo "no schedule to book in the store" >&2; exit 1; }
# Bench fixture only: a million more seats on that schedule, so create order measures the seat lock itself rather
# than sold-out refusals after the first few dozen orders.
sqlite3 "$db" "UPDATE schedules SET seats_total = seats_total + 1000000 WHERE schedule_id = '$schedule'"
sqlite3 -separator '=' "$db" "
    SELECT 'line', line_id FROM schedules WHERE schedule_id = '$schedule'
    UNION ALL SELECT 'date', from_date FROM schedules WHERE schedule_id = '$schedule'
    UNION ALL SELECT 'time', strftime('%H:%M', departs_at + 28800, 'unixepoch') FROM schedules WHERE schedule_id = '$schedule'
    UNION ALL SELECT 'price', price_fen FROM schedules WHERE schedule_id = '$schedule'
    UNION ALL SELECT 'amount', price_fen + service_fee_fen FROM schedules WHERE schedule_id = '$schedule'
    UNION ALL SELECT 'from_city', coalesce(full_name, name) FROM cities WHERE code = '330100'
    UNION ALL SELECT 'to_city', coalesce(full_name, name) FROM cities WHERE code = '310100';
    SELECT 'agent_order', agent_order_id FROM orders WHERE status = 3 AND departs_at > strftime('%s', 'now') + 86400 LIMIT 1;
    SELECT 'alitrip_order', main_biz_order_id FROM orders WHERE status = 3 AND departs_at > strftime('%s', 'now') + 86400 LIMIT 1;" >>"$params"

export BUSOPS_QIMEN_SECRET="bench-$RANDOM-secret"
"$BUSOPS_BIN" serve --db "$db" --listen 127.0.0.1:0 --workers "$WORKERS" >"$work/serve.out" 2>"$work/access.log" &
serve_pid=$!
# Opening a store an older busops made may migrate it first (minutes on a 1M-order store).
for _ in $(seq 3000); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.out")
[ -n "$port" ] || { echo "serve did not start:" >&2; cat "$work/access.log" >&2; exit 1; }
url="http://127.0.0.1:$port"
# serve checks the store (PRAGMA quick_check, docs/STORE-SAFETY.md) on a thread of its own at start: minutes of one
# core on a 1M-order store. Measure after it, not beside it.
for _ in $(seq 3000); do grep -q "store check" "$work/access.log" 2>/dev/null && break; sleep 0.1; done
grep -h "store check" "$work/access.log" >&2 || true
echo "serve on $url ($WORKERS workers), $(wc -l <"$params") parameters: $(tr '\n' ' ' <"$params"); wrk -t$THREADS, ${DURATION}s x $RUNS" >&2

# One wrk run; prints "rps p50_ms p99_ms refused" where refused counts answers whose retCode was not 0.
run() {
    local mode=$1 seconds=$2 connections=$3 prefix=${4:-}
    local before; before=$(wc -l <"$work/access.log")
    local line
    line=$(wrk -t"$THREADS" -c"$connections" -d"${seconds}s" --timeout 5s -s bench/qimen.lua "$url" -- "$mode" \
        "$BUSOPS_QIMEN_SECRET" "$params" "$prefix" | grep '^RESULT')
    sleep 0.2  # let the last access lines land
    tail -n +"$((before + 1))" "$work/access.log" >"$work/last.log"
    local refused; refused=$(grep -c -v 'retCode=0$' "$work/last.log" || true)
    local rps p50 p99 errors
    rps=$(sed -n 's/.*rps=\([0-9]*\).*/\1/p' <<<"$line")
    p50=$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<<"$line")
    p99=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$line")
    errors=$(sed -n 's/.*errors=\([0-9]*\).*/\1/p' <<<"$line")
    echo "$rps $p50 $p99 $((refused + errors))"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

bench() {
    local label=$1 mode=$2 connections=$3
    run "$mode" 2 "$connections" "w$RANDOM" >/dev/null  # warm-up
    local rates=() p50s=() p99s=() bad=0
    for i in $(seq "$RUNS"); do
        read -r rps p50 p99 refused < <(run "$mode" "$DURATION" "$connections" "r$RANDOM$i")
        echo "$label run $i: $rps req/s, p50 $p50 ms, p99 $p99 ms, refused or failed $refused" >&2
        rates+=("$rps"); p50s+=("$p50"); p99s+=("$p99"); bad=$((bad + refused))
    done
    echo "| $label | $connections | **$(printf '%s\n' "${rates[@]}" | median) req/s** | ${p50s[*]} | **$(printf '%s\n' "${p50s[@]}" | median) ms** | ${p99s[*]} | **$(printf '%s\n' "${p99s[@]}" | median) ms** | $bad |"
}

echo "Each interface alone (wrk's latency, client side):"
echo
echo "| interface | wrk connections | median rate | runs p50 (ms) | median p50 | runs p99 (ms) | median p99 | refused |"
echo "|---|---|---|---|---|---|---|---|"
for i in $INTERFACES; do bench "$i" "$i" "$CONNECTIONS"; done
bench "create" create "$CREATE_CONNECTIONS"

# Mixed load: the read interfaces in turn on every connection; per interface, serve's own time (access log).
echo
echo "Mixed load ($MIXED_CONNECTIONS connections, the read interfaces in turn), serve's time per interface, all runs pooled:"
echo
run mixed 2 "$MIXED_CONNECTIONS" >/dev/null
: >"$work/mixed.log"
for i in $(seq "$RUNS"); do
    read -r rps p50 p99 refused < <(run mixed "$DURATION" "$MIXED_CONNECTIONS")
    echo "mixed run $i: $rps req/s, p50 $p50 ms, p99 $p99 ms, refused or failed $refused" >&2
    cat "$work/last.log" >>"$work/mixed.log"
done
echo "| interface | requests | median (ms) | p99 (ms) | refused |"
echo "|---|---|---|---|---|"
# Access lines: DATE TIME ADDR POST PATH STATUS 1.25ms method=qimen....seat.query retCode=0
awk '{ ms = $7; sub(/ms$/, "", ms); n = split($8, m, "."); code = $9; sub(/^retCode=/, "", code)
       print m[n - 2] "." m[n - 1] "." m[n], ms, code }' "$work/mixed.log" \
  | sort -k1,1 -k2,2n | awk '
    { n[$1]++; v[$1, n[$1]] = $2; if ($3 != "0") bad[$1]++ }
    END { for (k in n) { c = n[k]; med = v[k, int((c + 1) / 2)]; p = v[k, int(c * 0.99 + 0.999)];
          printf "| %s | %d | %.2f | %.2f | %d |\n", k, c, med, p, bad[k] + 0 } }' | sort
