#!/usr/bin/env bash
# Operator key counts (issue 12, "operator speed"): on a fresh demo store, a console in tmux (120x40, --no-dispatch)
# does four tasks while this script counts the keys pressed. Typed data (a phone number, the ticket fields, a reason)
# is not counted; the Tabs between a form's fields are counted apart. Each task starts a fresh console (on the
# Orders view) and is checked in the store (`busops list`, `busops due --json`) and on the screen.
#
#   task                                          target
#   find an order by phone                        ≤ 2 keys
#   approve the most urgent refund, confirmed     ≤ 3 keys
#   issue tickets for the most urgent order       ≤ 4 keys besides the fields
#   stop a schedule and refund its passengers     ≤ 5 keys besides the reason
#
#   bench/keys.sh                       release build of this checkout, 2,000-order demo store
#   BUSOPS_BIN=… ORDERS=2000 bench/keys.sh
# Prints one line per task (keys, target, pass/fail); exits 1 if a task failed or took more keys than its target.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
BUSOPS_BIN=$(busops_binary)
ORDERS=${ORDERS:-2000}
dir=$(mktemp -d)
db=$dir/store.sqlite
session=bench-keys-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$dir"' EXIT
"$BUSOPS_BIN" demo --db "$db" --orders "$ORDERS" >/dev/null 2>&1

keys=0      # keys pressed in the current task
tabs=0      # Tabs between a form's fields (counted apart)
failed=0

# A key the operator presses: counted. (tmux key names: Enter, Tab, Space, Escape, or one character.)
press() { for k in "$@"; do tmux send-keys -t "$session" "$k"; keys=$((keys + 1)); sleep 0.15; done; }
# Typed data: not counted.
type_data() { tmux send-keys -t "$session" -l "$1"; sleep 0.15; }
next_field() { tmux send-keys -t "$session" Tab; tabs=$((tabs + 1)); sleep 0.15; }
screen() { tmux capture-pane -p -t "$session"; }
# Waits (up to 10 s) until the screen holds the text; the screen is left in $shown.
wait_for() {
    local i
    for i in $(seq 100); do
        shown=$(screen)
        if grep -qF -- "$1" <<<"$shown"; then return 0; fi
        sleep 0.1
    done
    echo "  (waited for “$1”; the screen:)" >&2; echo "$shown" | sed 's/^/  | /' >&2
    return 1
}
start_console() {
    tmux kill-session -t "$session" 2>/dev/null || true
    tmux new -d -s "$session" -x 120 -y 40 "env BUSOPS_OPERATOR=bench $BUSOPS_BIN --db $db --no-dispatch"
    wait_for "飞猪订单号"
    keys=0; tabs=0
}
# One line per task: name, keys, target, extra, whether it happened (0/1).
report() {
    local name=$1 target=$2 extra=$3 happened=$4 verdict=pass
    if [[ $happened != 1 || $keys -gt $target ]]; then verdict=FAIL; failed=1; fi
    printf '%-50s %d keys (target ≤ %d)%s  %s\n' "$name" "$keys" "$target" "$extra" "$verdict"
}
json() { python3 -c "import json, sys; $1" ; }
# The id of the most urgent due row of a kind (`busops due --json` is soonest first).
first_due() { "$BUSOPS_BIN" due --db "$db" --json | json "print(next(r['id'] for r in map(json.loads, sys.stdin.readlines()) if r['kind'] == '$1'))"; }
# One field of a row of `busops list KIND`, found by its id field: field refunds refund_id RF… status.
field() {
    "$BUSOPS_BIN" list "$1" --db "$db" --json --limit 100000 |
        json "print(next(r['$4'] for r in map(json.loads, sys.stdin.readlines()) if r['$2'] == '$3'))"
}
# A fresh console switched to the Due view.
due_view() { start_console; press 5; wait_for "soonest first" || true; }

# 1. Find an order by phone: / PHONE Enter. A phone that only one order has, so the match is that order.
read -r phone order < <("$BUSOPS_BIN" list orders --db "$db" --json --limit 100000 | json '
rows = [json.loads(l) for l in sys.stdin]
count = {}
for r in rows: count[r["contact_phone"]] = count.get(r["contact_phone"], 0) + 1
r = next(r for r in rows[len(rows) // 2:] if count[r["contact_phone"]] == 1)
print(r["contact_phone"], r["agent_order_id"])')
start_console
press /
type_data "$phone"
press Enter
ok=0; wait_for "match: $order" && ok=1
report "find an order by phone" 2 "" "$ok"

# 2. Approve the most urgent refund with its confirmation: 5 (Due) A (that refund, previewed at once) y (confirm).
refund=$(first_due refund)
due_view
press A
ok=0
if wait_for "Approve refund $refund" && wait_for "[ Confirm ]"; then
    press y
    wait_for "refund $refund approved" && [[ $(field refunds refund_id "$refund" status) == approved ]] && ok=1
fi
report "approve the most urgent refund ($refund)" 3 "" "$ok"

# 3. Issue tickets for the most urgent order awaiting them: 5 I (its form) fields Enter (preview) y (confirm).
ticket_order=$(first_due ticket)
due_view
press I
ok=0
if wait_for "Issue tickets for order $ticket_order"; then
    type_data "T-7001"; next_field; type_data "5678"; next_field; type_data "A2"
    press Enter
    if wait_for "[ Confirm ]"; then
        press y
        wait_for "order $ticket_order issued" && [[ $(field orders agent_order_id "$ticket_order" status) == 3 ]] && ok=1
    fi
fi
report "issue tickets, most urgent order ($ticket_order)" 4 " + $tabs Tab between fields" "$ok"

# 4. Stop a schedule and refund its passengers: 2 (Seats, on the next departure) [j to the first with passengers]
#    S (the form, on the reason) reason Enter (preview) y (confirm). After today's last departure: ] for tomorrow.
read -r day_keys moves schedule < <("$BUSOPS_BIN" list schedules --db "$db" --json --limit 100000 | json '
import time
rows = [json.loads(l) for l in sys.stdin]
now = time.time()
today = time.strftime("%Y-%m-%d", time.gmtime(now + 8 * 3600))
tomorrow = time.strftime("%Y-%m-%d", time.gmtime(now + 8 * 3600 + 86400))
for day, extra in ((today, 0), (tomorrow, 1)):
    day_rows = sorted((r for r in rows if r["from_date"] == day), key=lambda r: (r["departs_at"], r["schedule_id"]))
    start = sum(1 for r in day_rows if r["departs_at"] <= now) if extra == 0 else 0
    if start == len(day_rows): continue
    i = next(i for i in range(start, len(day_rows)) if day_rows[i]["seats_sold"] > 0 and day_rows[i]["on_sale"])
    print(extra, i - start, day_rows[i]["schedule_id"])
    break')
start_console
press 2
wait_for "prev/next day" || true
if [[ $day_keys == 1 ]]; then press "]"; sleep 0.3; fi
for _ in $(seq "$moves"); do press j; done
press S
ok=0
if wait_for "Stop schedule $schedule"; then
    type_data "bench: road closed"
    press Enter
    if wait_for "[ Confirm ]"; then
        press y
        if wait_for "schedule $schedule stopped"; then
            ok=$("$BUSOPS_BIN" list orders --db "$db" --json --limit 100000 | json "
rows = [json.loads(l) for l in sys.stdin if json.loads(l)['schedule_id'] == '$schedule']
paid = [r for r in rows if r['status'] in (2, 3, 9)]
print(1 if rows and not paid and any(r['status'] == 11 for r in rows) else 0)")
            [[ $(field schedules schedule_id "$schedule" on_sale) == 0 ]] || ok=0
        fi
    fi
fi
report "stop a schedule, refund its passengers" 5 "" "$ok"

tmux kill-session -t "$session" 2>/dev/null || true
exit "$failed"
