#!/usr/bin/env python3
"""The writer of bench/consoles.sh: commits RATE times a second for SECONDS, then (latency phase) measures how long a
new order takes to show on the consoles' screens.

  consoles_writer.py STORE RATE SECONDS WRITER [SAMPLES SESSION...]

WRITER `orders`: every commit is one new order (the newest copied under a new id, agent order id BO + 10 digits,
created now), so the Orders view every console shows really changes 40 times a second. WRITER `meta`: every commit
updates one `meta` row, which nothing on screen shows (the bench before issue 12's second pass).

With SAMPLES and tmux SESSIONs: after the CPU window the writer goes on at the same rate while, SAMPLES times, it notes
the commit of the newest order and polls `tmux capture-pane` of one console (in turn) until its id is on screen, the
writer going on meanwhile. Prints `latency_ms` with each sample, median and max. The CPU window runs without polling.
"""
import sqlite3, statistics, subprocess, sys, threading, time

store, rate, seconds, writer = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
samples = int(sys.argv[5]) if len(sys.argv) > 5 else 0
sessions = sys.argv[6:]
db = sqlite3.connect(store, isolation_level=None, timeout=5, check_same_thread=False)
db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('bench_tick', '0')")
columns = [r[1] for r in db.execute("PRAGMA table_info(orders)")]
copied = [c for c in columns if c not in ("id", "agent_order_id", "main_biz_order_id", "created_at", "updated_at")]
insert = (f"INSERT INTO orders (id, agent_order_id, main_biz_order_id, created_at, updated_at, {', '.join(copied)}) "
          f"SELECT ?, ?, ?, ?, ?, {', '.join(copied)} FROM orders WHERE id = ?")
n = 0


def commit():
    """One commit; returns the agent order id of the new order (or None for the meta writer)."""
    global n
    n += 1
    if writer == "meta":
        db.execute("UPDATE meta SET value = ? WHERE key = 'bench_tick'", (str(n),))
        return None
    last = db.execute("SELECT max(id) FROM orders").fetchone()[0]
    new, now = last + 1, int(time.time())
    agent = "BO%010d" % new
    db.execute(insert, (new, agent, "rbench%012d" % new, now, now, last))
    return agent


latest = None   # (agent order id, time its commit returned), for the latency phase


def run(until):
    """Commits RATE times a second (on a fixed schedule, so a slow commit does not lower the rate) until `until`."""
    global latest
    next_at = time.time()
    while time.time() < until:
        agent = commit()
        latest = (agent, time.time())
        next_at += 1 / rate
        time.sleep(max(0, next_at - time.time()))


run(time.time() + seconds)
print(f"writer: {n} commits in {seconds:.0f} s ({writer})", file=sys.stderr)
if samples and sessions and writer == "orders":
    # The writer goes on at its rate on its own thread (sqlite3 and the tmux calls release the GIL) while this one
    # takes the newest order's commit time and polls one console's screen for its id.
    w = threading.Thread(target=run, args=(time.time() + samples * 1.5 + 5,), daemon=True)
    w.start()
    lat = []
    for i in range(samples):
        time.sleep(0.3 + (i % 7) * 0.013)   # not in step with the consoles' 100 ms coalescing
        agent, committed = latest
        session = sessions[i % len(sessions)]
        seen = None
        while time.time() - committed < 1.0:
            out = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            if agent in out:
                seen = (time.time() - committed) * 1000
                break
        lat.append(seen if seen is not None else float("inf"))
    shown = [x for x in lat if x != float("inf")]
    print("latency_ms " + " ".join("%.0f" % x for x in lat))
    print("latency median %.0f ms, max %.0f ms, %d of %d on screen within 1 s"
          % (statistics.median(lat), max(lat), len(shown), len(lat)))
