"""Issue 23's hostile-input benchmark: peak RSS and CPU time of pumptui against each hostile case,
on the local test server (testserver/pumphostile.py: pumpserver.py plus "body" and "feed" faults).
Loopback only. Importable by run.py the way bounded.py is (`measure_all`), and runnable alone:

    .venv/bin/python bench/hostile.py --binary PATH [--timeout S] [--only NAME…] [--json FILE]

Cases of its own (items 6 and 7 and the out-of-range number):
- flood-20x360KB-12-refreshes: the full screen while a server sends 20 new ~360 KB items at each
  of 12 refreshes (R); also the offline cache's size afterwards;
- catch-up-storm: one refresh (R) against a server whose every `prev` page is new (7 MB each):
  before, a refresh followed 25 of them;
- page-30000-tiny-items: one 6.6 MB page of 30 000 small items, in `inbox` and in the full screen;
- page-1e400: a page whose numbers are out of range (Python writes 1e400 as Infinity): read or not;
- post-stdin-64MB-zeros: `head -c 64M /dev/zero | pumptui post -`;
- config-1000-unknown-keys: `inbox` with a config.toml of 1 000 unknown keys.
And, when the other helpers' case files are present (each optional):
- bench/hostile_text.py: each hostile note in `inbox`, and the hostile threads in the full screen
  (its own `measure`);
- bench/hostile_images.py: each hostile image posted, then previewed (`i` `v`) in the full screen.

Every child runs under a 4 GB address-space limit (`ulimit -v`), so an old binary's blow-up ends
as a failed case instead of taking the machine's memory: "killed/failed" then means it needed more.
CPU time is the process's user + system seconds; peak RSS is VmHWM (or wait4's ru_maxrss).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import peakrss  # noqa: E402
try:
    import hostile_text
except ImportError:  # the case file of another helper: optional
    hostile_text = None
try:
    import hostile_images
except ImportError:
    hostile_images = None

ADDRESS_SPACE_KB = 4 * 1024 * 1024
OWN_CASES = ("flood-20x360KB-12-refreshes", "catch-up-storm", "page-30000-tiny-items-inbox",
             "page-30000-tiny-items-screen", "page-1e400", "post-stdin-64MB-zeros", "config-1000-unknown-keys")


def capped(binary, workdir):
    """A wrapper that execs the binary under the address-space limit (same pid, same arguments)."""
    wrapper = Path(workdir) / "pumptui-capped"
    wrapper.write_text(f'#!/bin/sh\nulimit -v {ADDRESS_SPACE_KB}\nexec "{binary}" "$@"\n')
    wrapper.chmod(0o755)
    return str(wrapper)


def wait4(p, timeout):
    """(exit status or None when it overran, wall s, CPU s, peak RSS MB) of a child."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        pid, status, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            return (os.waitstatus_to_exitcode(status), time.monotonic() - start,
                    usage.ru_utime + usage.ru_stime, own_peak(p.pid, usage))
        time.sleep(0.02)
    p.kill()
    _, status, usage = os.wait4(p.pid, 0)
    return None, timeout, usage.ru_utime + usage.ru_stime, own_peak(p.pid, usage)


def own_peak(pid, usage):
    """The peak RSS (MB) peakrss's launcher recorded for its command, else wait4's (which
    counts the memory of whoever forked the child: see bench/peakrss.py)."""
    peak = peakrss.peak_mb(pid)
    return peak if peak is not None else usage.ru_maxrss / 1024


def proc(pid):
    """(CPU s, peak RSS MB) of a running process."""
    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
    hwm = re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return cpu, int(hwm.group(1)) / 1024


def result(code, wall, cpu, rss, **extra):
    out = {"exit": code, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "maxrss_mb": round(rss, 1)}
    out.update(extra)
    return out


class Bench:
    """One server, alice logged in (bob too, for the notes), the capped binary."""

    def __init__(self, binary, timeout, tmp):
        os.environ["PUMPTUI_BIN"] = binary
        sys.path.insert(0, str(ROOT / "Tests" / "e2e"))
        from test_hostile import login  # noqa: E402 (reads PUMPTUI_BIN)
        from test_hostile_bytes import HostileServer  # noqa: E402
        self.binary, self.timeout, self.tmp = binary, timeout, Path(tmp)
        self.run_binary = capped(binary, tmp)
        self.server = HostileServer()
        self.alice = self.tmp / "alice"
        login(self.server, "alice", self.alice)

    def stop(self):
        self.server.stop()

    def fault(self, spec):
        self.server.control("/_test/fault", spec)

    def line(self, args, stdin=subprocess.DEVNULL):
        # Through peakrss's launcher: wait4 then gives the binary's own peak RSS (full-screen runs
        # read /proc of the binary itself, started through the wrapper alone).
        p = subprocess.Popen(peakrss.argv([self.run_binary, *args, "--config-dir", str(self.alice)]), stdin=stdin,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        out = wait4(p, self.timeout)
        err = p.stderr.read().decode(errors="replace").strip().splitlines()
        return out, (err[-1][:120] if err else "")

    def screen(self):
        from tui import TUI
        return TUI([self.server.account("alice"), "--config-dir", str(self.alice)], rows=30, cols=100,
                   binary=self.run_binary)

    def inbox_requests(self):
        return sum(1 for e in self.server.control("/_test/requests") if "/inbox" in e["path"])

    def cache_mb(self):
        return round(sum(f.stat().st_size for f in (self.alice / "cache").glob("*.sqlite*")) / 1048576, 1)

    def reset_cache(self):
        for f in (self.alice / "cache").glob("*.sqlite*"):
            f.unlink()

    def page_file(self, name, items):
        path = self.tmp / name
        path.write_text(json.dumps({"items": items}))
        return str(path)

    # --- the cases ---------------------------------------------------------------------------

    def flood(self, refreshes=12):
        self.reset_cache()
        self.fault({"mode": "feed", "path_prefix": "/api/user/alice/inbox", "items": 20, "item_bytes": 360_000,
                    "every": 0.2})
        start = time.monotonic()
        try:
            with self.screen() as t:
                t.wait_for("flood", timeout=self.timeout)
                for _ in range(refreshes):
                    t.pump(0.3)
                    before = self.inbox_requests()
                    t.send("R")
                    end = time.monotonic() + self.timeout
                    while self.inbox_requests() == before and time.monotonic() < end:
                        t.pump(0.1)
                    t.pump(0.4)
                cpu, rss = proc(t.pid)
            return result(0, time.monotonic() - start, cpu, rss, cache_mb=self.cache_mb())
        finally:
            self.fault({"mode": "none"})

    def storm(self):
        self.reset_cache()
        self.fault({"mode": "feed", "path_prefix": "/api/user/alice/inbox", "items": 20, "item_bytes": 360_000,
                    "every": 0})
        start = time.monotonic()
        try:
            with self.screen() as t:
                t.wait_for("flood", timeout=self.timeout)
                t.pump(1.0)
                t.send("R")
                # Until the requests stop (the catch-up ended) or the timeout.
                last, quiet = self.inbox_requests(), time.monotonic()
                while time.monotonic() - quiet < 2.0 and time.monotonic() - start < self.timeout:
                    t.pump(0.2)
                    now = self.inbox_requests()
                    if now != last:
                        last, quiet = now, time.monotonic()
                cpu, rss = proc(t.pid)
            return result(0, time.monotonic() - start, cpu, rss, requests=last, cache_mb=self.cache_mb())
        finally:
            self.fault({"mode": "none"})

    def tiny_items(self, screen):
        items = [{"id": f"http://127.0.0.1/api/activity/t{i}", "verb": "post",
                  "object": {"objectType": "note", "id": f"http://127.0.0.1/api/note/t{i}", "content": "tiny"},
                  "actor": {"objectType": "person", "id": "acct:bob@127.0.0.1"}} for i in range(30_000)]
        self.fault({"mode": "body", "path_prefix": "/api/user/alice/inbox", "file": self.page_file("tiny.json", items)})
        try:
            if not screen:
                (code, wall, cpu, rss), err = self.line(["inbox"])
                return result(code, wall, cpu, rss, stderr=err)
            self.reset_cache()
            start = time.monotonic()
            with self.screen() as t:
                t.wait_for("tiny", timeout=self.timeout)
                t.pump(2.0)
                cpu, rss = proc(t.pid)
            return result(0, time.monotonic() - start, cpu, rss)
        finally:
            self.fault({"mode": "none"})

    def out_of_range(self):
        items = [{"id": f"http://127.0.0.1/api/activity/n{i}", "verb": "post",
                  "object": {"objectType": "note", "id": f"http://127.0.0.1/api/note/n{i}", "content": f"note {i}",
                             "likes": {"totalItems": "@NUM@"}}} for i in range(20)]
        path = self.page_file("inf.json", items)
        Path(path).write_text(Path(path).read_text().replace('"@NUM@"', "Infinity").replace('{"items"', '{"totalItems": 1e400, "items"'))
        self.fault({"mode": "body", "path_prefix": "/api/user/alice/inbox", "file": path})
        try:
            (code, wall, cpu, rss), err = self.line(["inbox"])
            return result(code, wall, cpu, rss, stderr=err)
        finally:
            self.fault({"mode": "none"})

    def post_zeros(self):
        zeros = subprocess.Popen(["head", "-c", "64M", "/dev/zero"], stdout=subprocess.PIPE)
        try:
            (code, wall, cpu, rss), err = self.line(["post", "-"], stdin=zeros.stdout)
        finally:
            zeros.stdout.close()
            zeros.kill()
            zeros.wait()
        posted = [e for e in self.server.control("/_test/requests") if e["method"] == "POST" and e["path"].endswith("/feed")]
        return result(code, wall, cpu, rss, stderr=err, posted=len(posted))

    def config_keys(self):
        cfg = self.alice / "config.toml"
        cfg.write_text("\n".join(f"unknown-key-{i} = {i}" for i in range(1000)) + "\n")
        cfg.chmod(0o600)
        try:
            (code, wall, cpu, rss), err = self.line(["inbox"])
            return result(code, wall, cpu, rss)
        finally:
            cfg.unlink()

    def image(self, name, data):
        from test_preview import DA1_QUERY, post_image_in_tui  # noqa: E402
        path = self.tmp / name
        path.write_bytes(data)
        self.reset_cache()                 # a start that says "Inbox:" as a first start does
        start = time.monotonic()
        with self.screen() as t:
            post_image_in_tui(t, path, shows="[image]")
            cpu0, _ = proc(t.pid)
            t.send("iv")
            shown = None
            try:
                t.wait_for_raw(DA1_QUERY, timeout=10)
                t.send("\x1b[?62;22c")     # a terminal without graphics: half blocks
                end = time.monotonic() + self.timeout
                while time.monotonic() < end:
                    text = t.text()
                    shown = next((w for w in ("▀", "too large", "cannot", "could not") if w in text), None)
                    if shown:
                        break
                    t.pump(0.1)
            except AssertionError:
                pass
            cpu, rss = proc(t.pid)
        return result(0, time.monotonic() - start, cpu - cpu0, rss, shown=shown)


def measure_all(binary, timeout=60, only=()):
    """name → {exit, wall_s, cpu_s, maxrss_mb, …} for every case (or those in `only`)."""
    results = {}
    tmp = tempfile.mkdtemp(prefix="pumptui-hostile-")
    bench = Bench(binary, timeout, tmp)
    own = {"flood-20x360KB-12-refreshes": bench.flood, "catch-up-storm": bench.storm,
           "page-30000-tiny-items-inbox": lambda: bench.tiny_items(False),
           "page-30000-tiny-items-screen": lambda: bench.tiny_items(True),
           "page-1e400": bench.out_of_range, "post-stdin-64MB-zeros": bench.post_zeros,
           "config-1000-unknown-keys": bench.config_keys}
    try:
        for name, run in own.items():
            if only and name not in only:
                continue
            results[name] = attempt(run)
            report(name, results[name])
        if hostile_images is not None:
            for name, data, _ in hostile_images.hostile_images():
                if only and name not in only:
                    continue
                results[name] = attempt(lambda: bench.image(name + (".png" if data[:4] == b"\x89PNG" else ".jpg"), data))
                report(name, results[name])
    finally:
        bench.stop()
    if hostile_text is not None and (not only or any(n in only for n, _ in hostile_text.hostile_notes())
                                     or any(n in only for n, _ in hostile_text.hostile_threads())):
        text_only = set(only) if only else set()
        for name, r in hostile_text.measure(capped(binary, tmp), timeout, text_only).items():
            results[name] = r
    return results


def attempt(run):
    try:
        return run()
    except Exception as e:  # a case that could not finish is a result too
        return {"exit": None, "error": f"{type(e).__name__}: {str(e).splitlines()[0][:100] if str(e) else ''}"}


def report(name, r):
    print(f"{name:32} " + ", ".join(f"{k} {v}" for k, v in r.items()), flush=True)


def table(before, after, labels=("old", "new")):
    """A Markdown table of peak RSS and CPU per case, before and after."""
    def flat(results):
        """Cases measured in parts ({"first": {…}, "cached": {…}}) as one row per part."""
        out = {}
        for name, r in results.items():
            parts = {k: v for k, v in r.items() if isinstance(v, dict)}
            out.update({f"{name}/{k}": v for k, v in parts.items()} if parts else {name: r})
        return out

    before, after = flat(before), flat(after)
    rows = [f"| case | {labels[0]} peak RSS MB | {labels[0]} CPU s | {labels[1]} peak RSS MB | {labels[1]} CPU s | notes |",
            "|---|---:|---:|---:|---:|---|"]
    for name in list(dict.fromkeys(list(before) + list(after))):
        b, a = before.get(name, {}), after.get(name, {})

        def cell(r, k):
            return "–" if r.get(k) is None else str(r[k])

        notes = []
        for label, r in zip(labels, (b, a)):
            extra = {k: v for k, v in r.items() if k not in ("wall_s", "cpu_s", "maxrss_mb", "content_bytes") and v not in (None, "", 0)}
            if "exit" in r and r["exit"] is None and "error" not in r:
                extra["exit"] = "timeout"
            if extra:
                notes.append(f"{label}: " + ", ".join(f"{k}={v}" for k, v in extra.items()))
        rows.append(f"| {name} | {cell(b, 'maxrss_mb')} | {cell(b, 'cpu_s')} | {cell(a, 'maxrss_mb')} | {cell(a, 'cpu_s')} | {'; '.join(notes)} |")
    return "\n".join(rows)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default=str(ROOT / ".build" / "debug" / "pumptui"))
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--only", nargs="*", default=[])
    ap.add_argument("--json", help="write the results here too")
    ap.add_argument("--compare", nargs=2, metavar=("BEFORE_JSON", "AFTER_JSON"),
                    help="print the before/after table of two --json files and exit")
    args = ap.parse_args(argv)
    if args.compare:
        print(table(*(json.loads(Path(p).read_text()) for p in args.compare)))
        return 0
    results = measure_all(args.binary, args.timeout, set(args.only))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
