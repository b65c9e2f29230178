#!/usr/bin/env bash
# Many consoles, one store (issue 12): N consoles (tmux, 120x40, --no-dispatch) on one store while a writer commits
# RATE times a second; the consoles' CPU together over SECONDS, from /proc; then how long a new order takes to show on
# their screens (bench/consoles_writer.py). Target: ten consoles on the 1M-order store under 40 commits/s use ≤ 25 % of
# one core together, each showing a new order within 150 ms.
#
#   STORE=/tmp/qimen-1m.sqlite bench/consoles.sh          release build, 10 consoles, 40 commits/s, 20 s, 3 runs
#   BUSOPS_BIN=… CONSOLES=10 RATE=40 SECONDS_=20 RUNS=3 WRITER=orders|meta SAMPLES=20 bench/consoles.sh
# The writer commits new orders (WRITER=orders, the default) or a meta row nothing on screen shows (WRITER=meta).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
CONSOLES=${CONSOLES:-10}
RATE=${RATE:-40}
SECONDS_=${SECONDS_:-20}
RUNS=${RUNS:-3}
WRITER=${WRITER:-orders}   # orders: each commit is a new order on every console's screen; meta: a row nothing shows
SAMPLES=${SAMPLES:-20}     # new orders whose time to reach the screen is measured after each CPU window (orders only)
BUSOPS_BIN=$(busops_binary)
store=${STORE:?set STORE to a demo store (busops demo --db PATH --orders 1000000)}
# CPU ticks of a tmux pane's process and its children (the console).
ticks() {
    local total=0 p
    for p in "$1" $(pgrep -P "$1" || true); do
        total=$((total + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
}
hz=$(getconf CLK_TCK)
for run in $(seq "$RUNS"); do
    pids=()
    for i in $(seq "$CONSOLES"); do
        tmux kill-session -t "bench-console-$i" 2>/dev/null || true
        tmux new -d -s "bench-console-$i" -x 120 -y 40 "$BUSOPS_BIN --db $store --no-dispatch"
    done
    sleep 5   # first frames drawn
    for i in $(seq "$CONSOLES"); do pids+=("$(tmux list-panes -t "bench-console-$i" -F '#{pane_pid}')"); done
    before=0; for p in "${pids[@]}"; do before=$((before + $(ticks "$p"))); done
    sessions=(); for i in $(seq "$CONSOLES"); do sessions+=("bench-console-$i"); done
    # CPU window: the writer alone. Then the latency phase (not counted): SAMPLES new orders looked for on screen.
    python3 bench/consoles_writer.py "$store" "$RATE" "$SECONDS_" "$WRITER" 0
    after=0; for p in "${pids[@]}"; do after=$((after + $(ticks "$p"))); done
    awk -v t=$((after - before)) -v hz="$hz" -v s="$SECONDS_" -v n="$CONSOLES" -v run="$run" -v w="$WRITER" \
        'BEGIN { printf "run %d: %d consoles used %.1f %% of one core together (%.2f %% each), writer %s\n", run, n, t / hz / s * 100, t / hz / s * 100 / n, w }'
    if [[ "$WRITER" == orders && "$SAMPLES" -gt 0 ]]; then
        python3 bench/consoles_writer.py "$store" "$RATE" 0 "$WRITER" "$SAMPLES" "${sessions[@]}" | sed "s/^/run $run: /"
    fi
    for i in $(seq "$CONSOLES"); do tmux kill-session -t "bench-console-$i" 2>/dev/null || true; done
done
