"""Issue 7's benchmark: pumptui (release build) side by side with PyPump 0.7. Run by scripts/bench.sh.

Prints a table and writes the same figures to bench/out/results.json (and the table as Markdown
to bench/out/table.md). Everything talks to the local test server on 127.0.0.1 only.
"""
import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pexpect
import pyte

import bounded

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
PY = sys.executable
SIDE = str(ROOT / "bench" / "pypump_side.py")
APPROVE = [PY, str(ROOT / "testserver" / "approve.py"), "--user", "alice"]
URL_RE = re.compile(r"http://127\.0\.0\.1:\d+/oauth/authorize\?oauth_token=[A-Za-z0-9_\-%.~]+")
ENV = {**os.environ, "NO_PROXY": "127.0.0.1,localhost,::1", "no_proxy": "127.0.0.1,localhost,::1"}


# --- the test server ------------------------------------------------------------------------------
class Server:
    def __init__(self, *extra):
        self.proc = subprocess.Popen([PY, str(ROOT / "testserver" / "pumpserver.py"), "--port", "0", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=ENV)
        line = self.proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        if not m:
            self.stop()
            sys.exit(f"test server did not start: {line!r}")
        self.port = int(m.group(1))
        self.base = f"http://127.0.0.1:{self.port}"
        self.account = f"alice@127.0.0.1:{self.port}"

    def control(self, path, method="GET"):
        import urllib.request
        req = urllib.request.Request(self.base + path, method=method, data=b"" if method == "POST" else None)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(req, timeout=10) as r:
            return json.loads(r.read() or b"null")

    def control_json(self, path, payload):
        import urllib.request
        req = urllib.request.Request(self.base + path, method="POST", data=json.dumps(payload).encode(),
                                     headers={"Content-Type": "application/json"})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(req, timeout=10) as r:
            return json.loads(r.read() or b"null")

    def reset_log(self):
        self.control("/_test/reset-log", "POST")

    def requests(self):
        return self.control("/_test/requests")

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


# --- pumptui in a pty -----------------------------------------------------------------------------
class Pty:
    """The release binary in a pseudo-terminal, its output fed to pyte (Tests/e2e/tui.py's idea,
    with a tighter read loop: start-up is timed to the millisecond)."""

    def __init__(self, binary, args, rows=40, cols=200):
        env = {k: v for k, v in ENV.items() if k not in ("TMUX", "NO_COLOR")}
        env.update({"TERM": "xterm-256color", "LANG": "C.UTF-8"})
        self.t0 = time.monotonic()
        self.child = pexpect.spawn(binary, list(args), dimensions=(rows, cols), env=env)
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = b""
        self.eof = False

    def read(self, timeout):
        try:
            data = self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            return b""
        except pexpect.EOF:
            self.eof = True
            return b""
        self.raw += data
        self.stream.feed(data)
        return data

    def text(self):
        return "\n".join(self.screen.display)

    def wait_regex(self, regex, timeout=20.0):
        """Returns (match, seconds since spawn) the moment the screen shows `regex`."""
        end = time.monotonic() + timeout
        m = regex.search(self.text())
        while not m and time.monotonic() < end and not self.eof:
            if self.read(0.002):
                m = regex.search(self.text())
        if m:
            return m, time.monotonic() - self.t0
        raise RuntimeError(f"{regex.pattern!r} not on screen:\n{self.text()}")

    def time_to_screen(self, regex, hint, timeout=20.0, after=0.15):
        """Seconds from spawn until the program had written the output that puts `regex` on the
        screen. While waiting it only reads (with the arrival time of each chunk); pyte parses the
        chunks afterwards, one by one, to find the one that completed the match. wait_regex parses
        as it reads, which charges pyte's Python time (a few ms per full-screen frame) to the
        program under test. `hint`: bytes that appear once the match is near (then `after`
        seconds more are read, in case the rest comes in a later chunk)."""
        chunks, end, seen = [], time.monotonic() + timeout, None
        while not self.eof and time.monotonic() < (seen + after if seen else end):
            try:
                data = self.child.read_nonblocking(65536, timeout=0.002)
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                self.eof = True
                break
            chunks.append((time.monotonic(), data))
            if seen is None and hint in b"".join(d for _, d in chunks[-2:]):
                seen = time.monotonic()
        found = None
        for at, data in chunks:
            self.raw += data
            self.stream.feed(data)
            if found is None and regex.search(self.text()):
                found = at - self.t0
        if found is None:
            raise RuntimeError(f"{regex.pattern!r} not on screen:\n{self.text()}")
        return found

    def settle(self, quiet=0.08, limit=3.0):
        """Reads until nothing arrives for `quiet` seconds."""
        end = time.monotonic() + limit
        last = time.monotonic()
        while time.monotonic() < end and not self.eof:
            if self.read(0.01):
                last = time.monotonic()
            elif time.monotonic() - last >= quiet:
                return

    def close(self):
        if self.child.isalive():
            self.child.kill(signal.SIGTERM)
        self.child.close(force=True)


def login_args(server, config_dir, full_screen):
    """Full screen: `pumptui ACCOUNT` as a user starts it; line mode: `login ACCOUNT --no-tui`."""
    if full_screen:
        return [server.account, "--config-dir", config_dir]
    return ["login", server.account, "--config-dir", config_dir, "--no-tui"]


# --- start-up -------------------------------------------------------------------------------------
def startup_pumptui(binary, server, runs, full_screen):
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cfg:
            t = Pty(binary, login_args(server, cfg, full_screen))
            try:
                seconds = t.time_to_screen(URL_RE, b"oauth_token=")
            finally:
                t.close()
            times.append(seconds)
    return times


def startup_pypump(server, runs):
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as d:
            t0 = time.monotonic()
            out = subprocess.run([PY, SIDE, "login-time", server.account, os.path.join(d, "store.json")],
                                 capture_output=True, text=True, env=ENV, timeout=60)
            m = re.search(r"CALLBACK ([0-9.]+)", out.stdout)
            if not m:
                sys.exit(f"PyPump did not reach its callback:\n{out.stdout}\n{out.stderr}")
            times.append(float(m.group(1)) - t0)  # CLOCK_MONOTONIC is system-wide on Linux
    return times


# --- round trips + bytes per keystroke ------------------------------------------------------------
BROWSER_PATHS = ("/oauth/authorize",)  # the human's browser (approve.py), not the client


def summarize(log):
    client = [e for e in log if e["path"] not in BROWSER_PATHS]
    listed = [f'{e["method"]} {e["path"]}{"?" + e["query"] if e["query"] else ""} -> {e["status"]}' for e in client]
    keys = [(e["method"], e["path"], e["query"]) for e in client]
    dups = sorted({f"{m} {p}" for (m, p, q) in keys if keys.count((m, p, q)) > 1})
    failed = [x for x, e in zip(listed, client) if not 200 <= (e["status"] or 0) < 400]
    return {"count": len(client), "requests": listed, "duplicates": dups, "failed": failed}


TIMELINE_RE = re.compile(r"Benchmark post number")


def key_bytes(t, keys):
    """Bytes the program writes for each key, waiting for the output to go quiet after each."""
    t.settle()
    out = []
    for k in keys:
        before = len(t.raw)
        t.child.send(k)
        t.settle(quiet=0.05)
        out.append(len(t.raw) - before)
    return out


def scroll_bytes(t, steps=30):
    """j presses on the timeline, if the client shows one; None otherwise."""
    try:
        t.wait_regex(TIMELINE_RE, timeout=8)
    except RuntimeError:
        return None
    return key_bytes(t, ["j"] * steps)


def first_login_pumptui(binary, server, config_dir, full_screen):
    """A whole first login in the pty: URL, approval in the 'browser', the verifier typed one
    character at a time (bytes written per character), Enter, success; then the client."""
    server.reset_log()
    # Each control call is one urllib connection itself (the "- 1"s); approve.py's are left out.
    c0 = bounded.connections(server)
    t = Pty(binary, login_args(server, config_dir, full_screen), rows=24, cols=200)
    scroll = None
    try:
        m, _ = t.wait_regex(URL_RE)
        if full_screen:
            t.wait_regex(re.compile(re.escape("[ Submit ]")))
        c1 = bounded.connections(server)
        verifier = subprocess.run(APPROVE + [m.group(0)], capture_output=True, text=True, check=True,
                                  env=ENV).stdout.strip()
        c2 = bounded.connections(server)
        per_char = key_bytes(t, list(verifier))
        t.child.send("\r")
        t.wait_regex(re.compile(r"Logged in as"), timeout=20)
        c3 = bounded.connections(server)
        login_log = server.requests()
        if full_screen:
            scroll = scroll_bytes(t)
            t.settle(quiet=0.5)
            t.child.send("q")
            t.settle(quiet=0.3)
    finally:
        t.close()
    after = server.requests()[len(login_log):]
    first = summarize(login_log)
    first["connections"] = (c1 - c0 - 1) + (c3 - c2 - 1)
    return per_char, first, summarize(after), scroll


def second_start_pumptui(binary, server, config_dir, full_screen):
    """Stored credentials: the full-screen app until it shows the account (and the timeline, if
    the client is wired), or the line-mode `inbox`."""
    server.reset_log()
    if full_screen:
        t = Pty(binary, [server.account, "--config-dir", config_dir], rows=24, cols=80)
        try:
            t.wait_regex(re.compile(r"Logged in as|" + TIMELINE_RE.pattern), timeout=20)
            t.settle(quiet=0.5)
            t.child.send("q")
            t.settle(quiet=0.3)
        finally:
            t.close()
    else:
        out = subprocess.run([binary, "inbox", "--account", server.account, "--config-dir", config_dir],
                             capture_output=True, text=True, env=ENV, timeout=60)
        if out.returncode != 0:
            sys.exit(f"pumptui inbox failed: {out.stderr}")
    return summarize(server.requests())


def round_trips_pypump(server):
    with tempfile.TemporaryDirectory() as d:
        store = os.path.join(d, "store.json")
        server.reset_log()
        subprocess.run([PY, SIDE, "login", server.account, store, *APPROVE], check=True, env=ENV,
                       capture_output=True, timeout=60)
        first = summarize(server.requests())
        server.reset_log()
        subprocess.run([PY, SIDE, "second", server.account, store], check=True, env=ENV,
                       capture_output=True, timeout=60)
        return first, summarize(server.requests())


# --- offline cache (issue 13) ----------------------------------------------------------------------
def cached_start_pumptui(binary, server, config_dir, runs):
    """Stored login and a filled cache (the earlier starts stored the inbox): time from exec to
    the first timeline row on screen. The client reads its cache before it asks the network, so
    the first row drawn is the cached one."""
    times = []
    for _ in range(runs):
        t = Pty(binary, [server.account, "--config-dir", config_dir, "--refresh", "0"], rows=24, cols=80)
        try:
            # Everything written in the first 0.5 s is replayed afterwards (see time_to_screen).
            seconds = t.time_to_screen(TIMELINE_RE, b"", timeout=20, after=0.5)
            t.settle(quiet=0.3)
            t.child.send("q")
            t.settle(quiet=0.2)
        finally:
            t.close()
        times.append(seconds)
    return times


def pypump_login(server, store):
    """A whole PyPump login into `store`, for its stored-credentials starts."""
    subprocess.run([PY, SIDE, "login", server.account, store, *APPROVE], check=True, env=ENV,
                   capture_output=True, timeout=60)


def first_page_pypump(server, runs, store=None):
    """PyPump with stored credentials to its first inbox page (`pypump_side.py second`)."""
    with tempfile.TemporaryDirectory() as d:
        if store is None:
            store = os.path.join(d, "store.json")
            pypump_login(server, store)
        times = []
        for _ in range(runs):
            t0 = time.monotonic()
            subprocess.run([PY, SIDE, "second", server.account, store], check=True, env=ENV,
                           capture_output=True, timeout=60)
            times.append(time.monotonic() - t0)
        return times


def interleaved(runs, ours, theirs):
    """Both sides in turn, run by run (ours first on even runs, theirs first on odd ones): the
    host's speed drifts over minutes (bench/README-performance.md), and measured one side after
    the other, a slow half-minute on either side moved the ratio by 20–30 %."""
    a, b = [], []
    for i in range(runs):
        if i % 2 == 0:
            a += ours(); b += theirs()
        else:
            b += theirs(); a += ours()
    return a, b


def cache_size_and_search(binary, pages_dir):
    """`pumptui bench-cache`: the saved pages into a cache; its size, searches, first-page read."""
    with tempfile.TemporaryDirectory() as d:
        return json.loads(subprocess.run([binary, "bench-cache", "--pages", str(pages_dir), "--dir", d,
                                          "--account", "bench@127.0.0.1:1"], check=True,
                                         capture_output=True, text=True, timeout=600).stdout)


# --- large feed -----------------------------------------------------------------------------------
def large_feed(binary, inbox_size, pages_dir):
    server = Server("--inbox-size", str(inbox_size))
    try:
        with tempfile.TemporaryDirectory() as d:
            store = os.path.join(d, "store.json")
            subprocess.run([PY, SIDE, "login", server.account, store, *APPROVE], check=True, env=ENV,
                           capture_output=True, timeout=120)
            shutil.rmtree(pages_dir, ignore_errors=True)
            subprocess.run([PY, SIDE, "save-pages", server.account, store, str(pages_dir)], check=True,
                           env=ENV, capture_output=True, timeout=600)
    finally:
        server.stop()
    ours = json.loads(subprocess.run([binary, "bench-feed", "--pages", str(pages_dir)], check=True,
                                     capture_output=True, text=True, timeout=600).stdout)
    theirs = json.loads(subprocess.run([PY, SIDE, "decode", str(pages_dir)], check=True,
                                       capture_output=True, text=True, timeout=1200).stdout)
    return ours, theirs


# --- report ---------------------------------------------------------------------------------------
def fmt_ms(s):
    return f"{s * 1000:.0f} ms"


def table(r):
    rows = []
    s = r["startup"]
    rows.append(("Start-up to authorize URL (median of %d)" % s["runs"],
                 f'{fmt_ms(s["pumptui_median_s"])} ({s["pumptui_mode"]})',
                 fmt_ms(s["pypump_median_s"]) + " (to verifier callback)",
                 f'{s["ratio"]:.1f}× faster', "≥ 5×", s["ratio"] >= 5))
    b = r["startup_busy"]
    rows.append(("Same, one core kept busy by another process",
                 fmt_ms(b["pumptui_median_s"]), fmt_ms(b["pypump_median_s"]),
                 f'{b["ratio"]:.1f}× faster', "≥ 5×", b["ratio"] >= 5))
    k = r["bytes_per_keystroke"]
    rows.append(("Bytes written per verifier character (avg of %d)" % k["chars"],
                 f'{k["verifier_avg"]:.1f} ({k["mode"]})', "n/a (no UI)", "", "≤ 12",
                 k["verifier_avg"] <= 12))
    rows.append(("Bytes written per timeline step (j)", k["scroll"], "n/a (no UI)", "", "", None))
    rt = r["round_trips"]
    rows.append(("Requests, first login", f'{rt["pumptui_first"]["count"]}', f'{rt["pypump_first"]["count"]}',
                 "dups: " + (", ".join(rt["pumptui_first"]["duplicates"]) or "none"), "minimum",
                 not rt["pumptui_first"]["duplicates"] and not rt["pumptui_first"]["failed"]))
    rows.append((f'Requests, second start ({rt["second_mode"]})', f'{rt["pumptui_second"]["count"]}',
                 f'{rt["pypump_second"]["count"]}',
                 "dups: " + (", ".join(rt["pumptui_second"]["duplicates"]) or "none"), "minimum",
                 not rt["pumptui_second"]["duplicates"] and not rt["pumptui_second"]["failed"]))
    rows.append(("TCP connections, first login", f'{rt["pumptui_first"]["connections"]}', "", "one origin",
                 "1 per origin", rt["pumptui_first"]["connections"] <= 1))
    c = r.get("cached_start")
    if c:
        rows.append(("Start-up with a stored login to the first cached timeline row (median of %d)" % c["runs"],
                     fmt_ms(c["pumptui_median_s"]), fmt_ms(c["pypump_median_s"]) + " (first inbox page)",
                     f'{c["ratio"]:.1f}× faster', "< 50 ms and ≥ 10×",
                     c["pumptui_median_s"] < 0.05 and c["ratio"] >= 10))
    for mode, h in r["hostile"].items():
        rss = "did not finish" if h["maxrss_mb"] is None else f'{h["maxrss_mb"]:.1f} MB'
        rows.append((f"Peak RSS, inbox against {mode} body", f'{rss} in {h["seconds"]:.1f} s (exit {h["exit"]})',
                     "", "", "< 100 MB", h["maxrss_mb"] is not None and h["maxrss_mb"] < 100))
    if "large_feed" not in r:
        return rows
    f = r["large_feed"]
    o, p = f["pumptui"], f["pypump"]
    rows.append((f'Decode + layout, {o["items"]} activities ({o["pages"]} pages of 200), CPU time',
                 f'{o["decode_layout_cpu_s"]:.2f} s', f'{p["decode_cpu_s"]:.2f} s (models only)',
                 f'{f["ratio"]:.0f}× faster', "≥ 10×", f["ratio"] >= 10))
    rows.append(("Same, wall-clock time", f'{o["decode_layout_s"]:.2f} s', f'{p["decode_s"]:.2f} s',
                 f'{f["ratio_wall"]:.0f}× faster', "", None))
    rows.append(("Peak memory (maxrss)", f'{o["maxrss_peak_mb"]:.1f} MB', f'{p["maxrss_peak_mb"]:.1f} MB',
                 f'baseline {o["maxrss_baseline_mb"]:.1f} / {p["maxrss_baseline_mb"]:.1f} MB', "< 60 MB",
                 o["maxrss_peak_mb"] < 60))
    ca = r.get("cache")
    if ca:
        worst = max(ca["search_ms"].values())
        rows.append((f'Search over {ca["items"]} cached activities (median per query, worst of {len(ca["search_ms"])})',
                     f'{worst:.2f} ms', "n/a (no cache)", "", "< 20 ms", worst < 20))
        rows.append((f'Cache size for {ca["items"]} activities', f'{ca["file_bytes"] / 1e6:.1f} MB', "", "", "", None))
    fr = o["frame_ms"]
    rows.append(("Frame 80×24: top / middle / end",
                 f'{fr["top"]:.3f} / {fr["middle"]:.3f} / {fr["end"]:.3f} ms', "n/a",
                 f'end/top {f["end_over_top"]:.2f}', "end ≤ 1.2× top", f["end_over_top"] <= 1.2))
    return rows


def markdown(rows):
    out = ["| measure | pumptui | PyPump 0.7 | comparison | target | met |", "|---|---|---|---|---|---|"]
    for name, a, b, c, target, ok in rows:
        out.append(f"| {name} | {a} | {b} | {c} | {target} | {'' if ok is None else ('yes' if ok else 'NO')} |")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--inbox-size", type=int, default=10000)
    ap.add_argument("--line-mode", action="store_true",
                    help="measure `login --no-tui` instead of the full-screen login")
    ap.add_argument("--skip-feed", action="store_true", help="leave out the large feed (quick runs)")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    full = not args.line_mode
    mode = "full-screen login" if full else "login --no-tui (line mode)"
    results = {"machine": os.uname().nodename, "cpus": os.cpu_count(),
               "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}

    server = Server("--inbox-size", "300")  # something for the timeline to show
    try:
        print("start-up ...", file=sys.stderr)
        ours, theirs = interleaved(args.runs, lambda: startup_pumptui(args.binary, server, 1, full),
                                   lambda: startup_pypump(server, 1))
        results["startup"] = {"runs": args.runs, "pumptui_mode": mode, "pumptui_s": ours, "pypump_s": theirs,
                              "pumptui_median_s": statistics.median(ours),
                              "pypump_median_s": statistics.median(theirs),
                              "ratio": statistics.median(theirs) / statistics.median(ours)}
        print("start-up with one core busy ...", file=sys.stderr)
        with bounded.one_core_busy():
            ours_b, theirs_b = interleaved(args.runs, lambda: startup_pumptui(args.binary, server, 1, full),
                                           lambda: startup_pypump(server, 1))
        results["startup_busy"] = {"runs": args.runs, "pumptui_s": ours_b, "pypump_s": theirs_b,
                                   "pumptui_median_s": statistics.median(ours_b),
                                   "pypump_median_s": statistics.median(theirs_b),
                                   "ratio": statistics.median(theirs_b) / statistics.median(ours_b)}
        print("first login, keystrokes, round trips ...", file=sys.stderr)
        with tempfile.TemporaryDirectory() as cfg:
            per_char, first, client_start, scroll = first_login_pumptui(args.binary, server, cfg, full)
            second = second_start_pumptui(args.binary, server, cfg, full)
            print("hostile bodies ...", file=sys.stderr)
            results["hostile"] = bounded.hostile_rss(args.binary, server, cfg, ENV)
            print("cached start ...", file=sys.stderr)
            with tempfile.TemporaryDirectory() as d:
                store = os.path.join(d, "store.json")
                pypump_login(server, store)
                ours_c, theirs_c = interleaved(args.runs, lambda: cached_start_pumptui(args.binary, server, cfg, 1),
                                               lambda: first_page_pypump(server, 1, store))
            results["cached_start"] = {"runs": args.runs, "pumptui_s": ours_c, "pypump_first_page_s": theirs_c,
                                       "pumptui_median_s": statistics.median(ours_c),
                                       "pypump_median_s": statistics.median(theirs_c),
                                       "ratio": statistics.median(theirs_c) / statistics.median(ours_c)}
        chars = per_char[:22]
        results["bytes_per_keystroke"] = {
            "mode": mode, "chars": len(chars), "per_char": chars,
            "verifier_avg": sum(chars) / max(1, len(chars)),
            "scroll_per_step": scroll,
            "scroll": (f"{sum(scroll) / len(scroll):.0f} (avg of {len(scroll)})" if scroll
                       else "n/a (no timeline on screen: the client is not wired in yet)")}
        p_first, p_second = round_trips_pypump(server)
        results["round_trips"] = {"pumptui_first": first, "pumptui_after_login": client_start,
                                  "pumptui_second": second,
                                  "second_mode": "full-screen start" if full else "pumptui inbox, line mode",
                                  "pypump_first": p_first, "pypump_second": p_second}
    finally:
        server.stop()

    if not args.skip_feed:
        print(f"large feed ({args.inbox_size} activities) ...", file=sys.stderr)
        ours, theirs = large_feed(args.binary, args.inbox_size, OUT / "pages")
        results["large_feed"] = {"pumptui": ours, "pypump": theirs,
            "ratio": theirs["decode_cpu_s"] / ours["decode_layout_cpu_s"],
            "ratio_wall": theirs["decode_s"] / ours["decode_layout_s"],
            "end_over_top": ours["frame_ms"]["end"] / ours["frame_ms"]["top"]}
        print("cache: size and search ...", file=sys.stderr)
        results["cache"] = cache_size_and_search(args.binary, OUT / "pages")

    rows = table(results)
    md = markdown(rows)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (OUT / "table.md").write_text(md + "\n")
    print(md)
    for label, key in (("pumptui, first login", "pumptui_first"),
                       ("pumptui, after the login in the same run", "pumptui_after_login"),
                       ("pumptui, second start", "pumptui_second"), ("PyPump, first login", "pypump_first"),
                       ("PyPump, second start", "pypump_second")):
        print(f"\nrequests the server saw, {label}:")
        for line in results["round_trips"][key]["requests"]:
            print("  " + line)
    print(f"\nwritten: {OUT / 'results.json'}, {OUT / 'table.md'}")


if __name__ == "__main__":
    main()
