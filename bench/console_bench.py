#!/usr/bin/env python3
"""Console speed and memory, measured from outside through tmux (see bench/console.sh).

Every timing that says "on screen" polls `tmux capture-pane` until a known text shows, so it includes
tmux's own floor, which is measured the same way with `printf`. Key-to-frame latency comes from the
console itself (BUSOPS_TRACE_FRAMES). Prints one line per measurement and a JSON summary at the end.
"""
import argparse, json, math, os, shutil, statistics, subprocess, sys, tempfile, time

CLK_TCK = os.sysconf("SC_CLK_TCK")


def p99(xs):
    s = sorted(xs)
    return s[max(0, math.ceil(0.99 * len(s)) - 1)]


def med(xs):
    return statistics.median(xs)


class Tmux:
    """One private tmux server (own socket, no config) whose windows run the programs measured."""

    def __init__(self, work, width=120, height=40):
        self.sock = os.path.join(work, "tmux.sock")
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLORTERM", "TMUX", "TMUX_PANE")}
        env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", HOME=work, XDG_CONFIG_HOME=work + "/config")
        self.env = env
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "bench", "-x", str(width), "-y", str(height), "sleep 1000000")

    def tmux(self, *args):
        r = subprocess.run(["tmux", "-S", self.sock, *args], env=self.env, capture_output=True, text=True, timeout=10)
        return r.stdout

    def window(self, command):
        return self.tmux("new-window", "-d", "-P", "-F", "#{window_id}", "-t", "bench:", command).strip()

    def capture(self, wid):
        return self.tmux("capture-pane", "-p", "-t", wid)

    def pid(self, wid):
        return int(self.tmux("display-message", "-p", "-t", wid, "#{pane_pid}").strip())

    def keys(self, wid, *keys, literal=False):
        self.tmux("send-keys", "-t", wid, *(["-l"] if literal else []), *keys)

    def kill(self, wid):
        self.tmux("kill-window", "-t", wid)

    def wait_for(self, wid, text, timeout=30.0):
        """Polls capture-pane as fast as tmux answers; returns the time the text was first seen."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if text in self.capture(wid):
                return time.perf_counter()
        raise TimeoutError(f"{text!r} not on screen within {timeout}s:\n{self.capture(wid)}")

    def close(self):
        subprocess.run(["tmux", "-S", self.sock, "kill-server"], capture_output=True)


def first_on_screen(t, command, marker, runs, settle=0.3):
    """Window creation to `marker` on screen, `runs` times after one warm-up (page cache, tmux)."""
    out = []
    for i in range(runs + 1):
        t0 = time.perf_counter()
        wid = t.window(command)
        t1 = t.wait_for(wid, marker)
        t.kill(wid)
        time.sleep(settle)
        if i > 0:
            out.append((t1 - t0) * 1000)
    return out


def status_kb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        rest = f.read().rsplit(")", 1)[1].split()
    return int(rest[11]) + int(rest[12])          # utime + stime


def console(args, db, extra_env=""):
    return f"exec env {extra_env} {args.bin} --db {db}"


def trace_lines(path):
    try:
        with open(path) as f:
            return [tuple(map(int, l.split())) for l in f if l.strip()]
    except FileNotFoundError:
        return []


def key_latencies(t, args, db, newest, work):
    """Navigation keys one at a time, each given time to draw; latency from the console's own trace."""
    trace = os.path.join(work, "trace")
    if os.path.exists(trace):
        os.remove(trace)
    wid = t.window(console(args, db, f"BUSOPS_TRACE_FRAMES={trace}"))
    t.wait_for(wid, newest)
    time.sleep(0.5)
    results = {}

    def press(name, key, count, gap=0.03):
        # One key at a time: wait for its frame line before the next, so a slow frame is never
        # counted under the following key.
        for _ in range(count):
            n0 = len(trace_lines(trace))
            t.keys(wid, key)
            deadline = time.time() + 30
            while len(trace_lines(trace)) <= n0 and time.time() < deadline:
                time.sleep(0.002)
            got = trace_lines(trace)[n0:]
            results.setdefault(name, []).extend((b - a) / 1e6 for a, b in got[:1])
            time.sleep(gap)

    press("j (down)", "j", 200)
    press("k (up)", "k", 100)
    press("PgDn", "NPage", 60)
    press("PgUp", "PPage", 60)
    for _ in range(10):
        press("G (last)", "G", 1, 0.1)
        press("g (first)", "g", 1, 0.1)
    for _ in range(10):
        for key, view in (("2", "Seats"), ("3", "Refunds"), ("4", "Callbacks"), ("1", "Orders")):
            press(f"{key} (switch to {view})", key, 1, 0.1)
    press("Enter (detail) / Esc", "Enter", 1, 0.1)
    for _ in range(20):
        press("Enter (detail) / Esc", "Escape", 1, 0.1)
        press("Enter (detail) / Esc", "Enter", 1, 0.1)
    press("Enter (detail) / Esc", "Escape", 1, 0.1)

    def search(kind, query):
        t.keys(wid, "g")
        time.sleep(0.1)
        t.keys(wid, "/")
        time.sleep(0.05)
        t.keys(wid, query, literal=True)
        time.sleep(0.1)
        n0 = len(trace_lines(trace))
        t.keys(wid, "Enter")
        deadline = time.time() + 30
        while len(trace_lines(trace)) <= n0 and time.time() < deadline:
            time.sleep(0.01)
        time.sleep(0.1)
        a, b = trace_lines(trace)[n0]
        results.setdefault(kind, []).append((b - a) / 1e6)

    q = lambda sql: subprocess.run(["sqlite3", db, sql], capture_output=True, text=True).stdout.split()
    total = int(q("SELECT max(id) FROM orders")[0])
    depths = [int(total * f) for f in (0.9, 0.7, 0.5, 0.3, 0.1)]
    for d in depths:
        search("search phone", q(f"SELECT contact_phone FROM orders WHERE id = {d}")[0])
        search("search order id", q(f"SELECT agent_order_id FROM orders WHERE id = {d}")[0])
        search("search Fliggy id", q(f"SELECT main_biz_order_id FROM orders WHERE id = {d}")[0])
    for name in ("欧阳", "司马", "秀兰", "浩然", "雨桐"):
        search("search name substring", name)
    for _ in range(3):
        search("search name, no match (full scan)", "无此人")
    t.kill(wid)
    return results


def commit_latency(t, args, db, newest, runs):
    """Another process commits an order (`busops demo --tick 1`); time until its id is on screen."""
    wid = t.window(console(args, db))
    t.wait_for(wid, newest)
    time.sleep(0.5)
    from_start, tick_runs = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = subprocess.run([args.bin, "demo", "--db", db, "--tick", "1"], capture_output=True, text=True, timeout=60)
        t_exit = time.perf_counter()
        new_id = r.stdout.split()[0]
        t1 = t.wait_for(wid, new_id, timeout=10)
        from_start.append((t1 - t0) * 1000)
        tick_runs.append((t_exit - t0) * 1000)
        time.sleep(0.15)
    t.kill(wid)
    return from_start, tick_runs


def idle(t, args, db, newest, work, runs, seconds):
    """`runs` consoles side by side, idle for `seconds`: CPU from /proc/PID/stat, bytes via pipe-pane."""
    sessions = []
    for i in range(runs):
        wid = t.window(console(args, db))
        t.wait_for(wid, newest)
        sessions.append((wid, t.pid(wid), os.path.join(work, f"idle-{i}.out")))
    time.sleep(3)
    start = time.time()
    before = []
    for wid, pid, out in sessions:
        t.tmux("pipe-pane", "-o", "-t", wid, f"cat >> {out}")
        before.append(cpu_ticks(pid))
    t0 = time.perf_counter()
    time.sleep(seconds)
    elapsed = time.perf_counter() - t0
    res = []
    for (wid, pid, out), b in zip(sessions, before):
        ticks = cpu_ticks(pid) - b
        t.tmux("pipe-pane", "-t", wid)
        time.sleep(0.1)
        size = os.path.getsize(out) if os.path.exists(out) else 0
        res.append({"cpu_pct": ticks / CLK_TCK / elapsed * 100, "bytes": size})
        t.kill(wid)
    minute_crossed = int(start // 60) != int(time.time() // 60)
    return res, minute_crossed


def peak_rss(t, args, db, newest, runs):
    """VmHWM after paging around every view, searching and opening a detail."""
    out = []
    for _ in range(runs):
        wid = t.window(console(args, db))
        t.wait_for(wid, newest)
        pid = t.pid(wid)
        for key, n in (("NPage", 40), ("G", 1), ("PPage", 10), ("g", 1), ("j", 30), ("Enter", 1), ("Escape", 1),
                       ("Tab", 4), ("2", 1), ("]", 3), ("3", 1), ("4", 1), ("1", 1)):
            for _ in range(n):
                t.keys(wid, key)
                time.sleep(0.01)
        t.keys(wid, "/")
        t.keys(wid, "欧阳", literal=True)
        t.keys(wid, "Enter")
        for _ in range(5):
            t.keys(wid, "n")
            time.sleep(0.02)
        time.sleep(1.0)
        out.append(status_kb(pid, "VmHWM") / 1024)
        t.kill(wid)
        time.sleep(0.3)
    return out


def visidata_rss(t, db, rows, runs):
    """VisiData loading the whole orders table: VmHWM once its row count reaches the table's."""
    out, load = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        wid = t.window(f"exec vd {db} +:orders::")
        pid = t.pid(wid)
        t.wait_for(wid, f"{rows} rows", timeout=600)
        load.append(time.perf_counter() - t0)
        time.sleep(1)
        out.append(status_kb(pid, "VmHWM") / 1024)
        t.kill(wid)
        time.sleep(1)
    return out, load


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--small", required=True, help="2,000-order demo store")
    ap.add_argument("--big", required=True, help="1,000,000-order demo store")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--idle-seconds", type=int, default=30)
    ap.add_argument("--only", default="first,keys,commit,idle,rss,visidata")
    args = ap.parse_args()
    only = set(args.only.split(","))
    work = tempfile.mkdtemp(prefix="busops-bench-console.")
    t = Tmux(work)
    summary = {}
    q = lambda db, sql: subprocess.run(["sqlite3", db, sql], capture_output=True, text=True).stdout.strip()
    newest = {db: q(db, "SELECT agent_order_id FROM orders ORDER BY id DESC LIMIT 1") for db in (args.small, args.big)}
    big_rows = q(args.big, "SELECT count(*) FROM orders")

    def report(name, xs, unit="ms"):
        summary[name] = {"runs": [round(x, 2) for x in xs], "median": round(med(xs), 2), "p99": round(p99(xs), 2)}
        print(f"{name}: median {med(xs):.2f} {unit}, p99 {p99(xs):.2f} {unit}  (n={len(xs)}; runs {', '.join(f'{x:.1f}' for x in xs[:12])}{' …' if len(xs) > 12 else ''})", flush=True)

    try:
        if "first" in only:
            marker = newest[args.big]
            report("tmux floor: printf", first_on_screen(t, f"printf '{marker}\\n'; sleep 1000", marker, args.runs))
            # The 40th row is printed last (the first has scrolled away by then on a 40-line pane).
            report("sqlite3 CLI: 40 rows of 1M", first_on_screen(
                t, f"sqlite3 {args.big} 'SELECT agent_order_id, main_biz_order_id, status, contact_name FROM orders ORDER BY id DESC LIMIT 40'; sleep 1000",
                q(args.big, "SELECT agent_order_id FROM orders ORDER BY id DESC LIMIT 1 OFFSET 39"), args.runs))
            report("busops: first rows, 2k store", first_on_screen(t, console(args, args.small), newest[args.small], args.runs))
            report("busops: first rows, 1M store", first_on_screen(t, console(args, args.big), marker, args.runs))
            if "visidata" in only and shutil.which("vd"):
                report("VisiData: first rows, 1M orders table",
                       first_on_screen(t, f"exec vd {args.big} +:orders::", "BO0000000001", args.runs, settle=1.0))
        if "keys" in only:
            for name, xs in key_latencies(t, args, args.big, newest[args.big], work).items():
                report("1M key→frame: " + name, xs)
        if "rss" in only:
            report("busops peak RSS, 2k store", peak_rss(t, args, args.small, newest[args.small], args.runs), "MB")
            report("busops peak RSS, 1M store", peak_rss(t, args, args.big, newest[args.big], args.runs), "MB")
        if "idle" in only:
            res, crossed = idle(t, args, args.big, newest[args.big], work, args.runs, args.idle_seconds)
            report(f"idle CPU % over {args.idle_seconds} s", [r["cpu_pct"] for r in res], "%")
            report(f"idle bytes to the terminal over {args.idle_seconds} s", [r["bytes"] for r in res], "bytes")
            summary["idle minute boundary crossed"] = crossed
            print(f"  (a minute boundary {'was' if crossed else 'was not'} crossed: the clock shows minutes)")
        if "visidata" in only and shutil.which("vd"):
            rss, load = visidata_rss(t, args.big, big_rows, max(3, args.runs // 2 + 1))
            report("VisiData peak RSS, 1M orders loaded", rss, "MB")
            report("VisiData: whole table loaded", [x * 1000 for x in load])
        if "commit" in only:
            copy = os.path.join(work, "tick.sqlite")
            for suffix in ("", "-wal"):
                if os.path.exists(args.big + suffix):
                    shutil.copyfile(args.big + suffix, copy + suffix)
            from_start, tick = commit_latency(t, args, copy, newest[args.big], max(20, args.runs * 4))
            report("1M: tick process start → new id on screen", from_start)
            report("1M: tick process run time (start → exit)", tick)
            # The commit happened before the tick exited, so this bounds commit → screen from above.
            report("1M: tick process exit → new id on screen", [max(0.0, a - b) for a, b in zip(from_start, tick)])
    finally:
        t.close()
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
