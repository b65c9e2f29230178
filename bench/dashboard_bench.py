#!/usr/bin/env python3
"""The Dashboard on a store (issue 13), through tmux with the console's own frame trace (BUSOPS_TRACE_FRAMES):
- first frame: a fresh console, key 6 (Tab.swift: 5 is Due) → the dashboard drawn (its one read of migration 6's tables, render, draw);
- refresh: another process commits an order (`busops demo --tick 1`) → the console sees data_version move → the
  dashboard re-read and drawn (the trace's clock starts when the change is seen, so inotify's wake-up is not in it);
- idle: CPU ticks of the console over IDLE seconds on the dashboard with nothing changing.
Medians of RUNS runs; prints one line per measurement."""
import os, statistics, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(__file__))
from console_bench import Tmux, trace_lines, cpu_ticks, console

def main():
    binary, db = sys.argv[1], sys.argv[2]
    runs = int(os.environ.get("RUNS", "5")); idle_s = int(os.environ.get("IDLE_SECONDS", "10"))
    work = tempfile.mkdtemp(prefix="busops-bench-dash.")
    t = Tmux(work)
    class A: pass
    args = A(); args.bin = binary
    first, refresh, idle = [], [], []
    try:
        for _ in range(runs):
            trace = os.path.join(work, "trace")
            if os.path.exists(trace): os.remove(trace)
            wid = t.window(console(args, db, f"BUSOPS_TRACE_FRAMES={trace}"))
            t.wait_for(wid, "Orders")
            time.sleep(1.0)
            n0 = len(trace_lines(trace))
            t.keys(wid, "6")
            t.wait_for(wid, "orders/h")
            time.sleep(0.2)
            a, b = trace_lines(trace)[n0]
            first.append((b - a) / 1e6)
            for _ in range(3):
                n0 = len(trace_lines(trace))
                subprocess.run([binary, "demo", "--db", db, "--tick", "1"], capture_output=True, timeout=60)
                deadline = time.time() + 10
                while len(trace_lines(trace)) <= n0 and time.time() < deadline: time.sleep(0.005)
                got = trace_lines(trace)[n0:]
                if got: refresh.append((got[0][1] - got[0][0]) / 1e6)
                time.sleep(0.3)
            pid = int(t.tmux("display-message", "-p", "-t", wid, "#{pane_pid}").strip())
            c0 = cpu_ticks(pid); time.sleep(idle_s); idle.append(cpu_ticks(pid) - c0)
            t.kill(wid)
    finally:
        t.close()
    print(f"dashboard first frame (key 6 → drawn): median {statistics.median(first):.2f} ms  runs {[round(x, 2) for x in first]}")
    print(f"dashboard refresh after an outside commit (seen → drawn): median {statistics.median(refresh):.2f} ms  runs {[round(x, 2) for x in refresh]}")
    print(f"dashboard idle: CPU ticks over {idle_s} s per run {idle} (clock ticks of 10 ms)")

if __name__ == "__main__":
    main()
