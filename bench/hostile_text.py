"""Issue 23's hostile text and threads, for the hostile-input benchmark (bench/hostile.py) and the
end-to-end tests (Tests/e2e/test_hostile_scale.py). Standard library only.

`hostile_notes()` returns (name, html) for each note content:
- High 2, "link scanning": a URL followed by 100 000 `)` (trimming recounted the whole URL per
  `)`), 40 000 plain URLs and 150 000 `<a href>` links (each new link searched the list of the
  ones before), and shapes of our own: `(` instead of `)`, balanced parentheses, anchors whose
  text is their URL (both scanners), images, bare schemes, blockquotes and lists nested 20 000
  deep (each line drew every level's "> " or indent: 400 MB of text), 4 MB of words, 7.5 MB of
  decomposed accents.
`hostile_threads()` returns (name, fault spec) for testserver/pumpfaults.py's "hostile-thread"
mode:
- High 3, "nested replies": every replies collection answers with `size` replies, each claiming
  5 of its own; the client's 30 nested fetches once put 744 000 posts in the thread's pane.

Run alone it measures `pumptui inbox` (CPU seconds and peak RSS from wait4) with each note as the
newest item of alice's inbox, and the full screen on the threads (seconds until the thread shows,
a key's answer, CPU and peak RSS from /proc):

    .venv/bin/python bench/hostile_text.py [--binary PATH] [--timeout S] [--only NAME…]
"""
import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parents[1]


def url_then_closers(n=100_000):
    return "https://x.example/a" + ")" * n


def url_then_openers(n=100_000):
    return "https://x.example/a" + "(" * n + " end"


def url_balanced(n=50_000):
    return "https://x.example/" + "(" * n + ")" * (n + 1) + " end"


def plain_urls(n=40_000):
    return " ".join(f"https://x.example/{i}" for i in range(n))


def anchors(n=150_000):
    return "".join(f'<a href="https://x.example/{i}">l</a>' for i in range(n))


def anchors_with_url_text(n=60_000):
    return " ".join(f'<a href="https://x.example/{i}">https://x.example/{i}</a>' for i in range(n))


def images(n=100_000):
    return "".join(f'<img src="https://x.example/{i}.png">' for i in range(n))


def bare_schemes(n=400_000):
    return "https://" * n


def nested_quotes(n=20_000):
    return "<blockquote>q<br>" * n


def nested_lists(n=20_000):
    return "<ul><li>i" * n


def long_text(words=800_000):
    return "<p>" + "word " * words + "</p>"


def decomposed_accents(n=1_500_000):
    """7.5 MB of letters with combining accents: text that is costly to hash and compare as
    Strings (normalised), as the layout cache's key once did on every frame."""
    return "e\u0301x " * n


def hostile_notes():
    return [
        ("url+100k-close-parens", url_then_closers()),
        ("url+100k-open-parens", url_then_openers()),
        ("url+balanced-100k-parens", url_balanced()),
        ("40k-plain-urls", plain_urls()),
        ("150k-anchors", anchors()),
        ("60k-anchors-url-text", anchors_with_url_text()),
        ("100k-images", images()),
        ("400k-bare-schemes", bare_schemes()),
        ("20k-nested-quotes", nested_quotes()),
        ("20k-nested-lists", nested_lists()),
        ("4mb-words", long_text()),
        ("7mb-decomposed-accents", decomposed_accents()),
    ]


def hostile_threads():
    """Fault specs for POST /_test/fault (every replies URL answers with `size` new replies)."""
    return [
        ("thread-5000-per-fetch", {"mode": "hostile-thread", "path_prefix": "/api/", "size": 5000}),
        ("thread-16000-per-fetch", {"mode": "hostile-thread", "path_prefix": "/api/", "size": 16000}),
    ]


# --- measuring (only when run as a script) ---------------------------------------------------

def _proc(pid):
    """(CPU s, peak RSS MB) of a running process (bench/hostile.py reads /proc for all cases)."""
    from hostile import proc
    return proc(pid)


def measure(binary, timeout, only):
    os.environ["PUMPTUI_BIN"] = binary
    sys.path.insert(0, str(ROOT / "Tests" / "e2e"))
    import tempfile
    import peakrss
    from hostile import wait4
    from test_hostile import alice_and_bob_logged_in, signed  # noqa: E402 (needs PUMPTUI_BIN first)
    from tui import TUI

    results = {}
    tmp = Path(tempfile.mkdtemp(prefix="pumptui-hostile-text-"))

    def fresh(tag):
        """A new server for each part (an inbox page of every note would pass the 8 MiB limit)."""
        return alice_and_bob_logged_in(tmp / tag)

    def send(server, bob, alice_id, html):
        signed(server, "bob", bob, "POST", "/api/user/bob/feed", {
            "verb": "post", "to": [{"objectType": "person", "id": alice_id}],
            "object": {"objectType": "note", "content": html}})

    server, alice, bob, alice_id = fresh("notes")
    try:
        env = dict(os.environ, LANG="C.UTF-8")
        for name, html in hostile_notes():
            if only and name not in only:
                continue
            send(server, bob, alice_id, html)
            p = subprocess.Popen(peakrss.argv([binary, "inbox", "--count", "1", "--config-dir", str(alice)]),
                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            code, wall, cpu, rss = wait4(p, timeout)
            results[name] = {"exit": code, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "maxrss_mb": round(rss, 1),
                             "content_bytes": len(html.encode())}
            print(f"{name:28} inbox: exit {code}, {wall:6.2f} s wall, {cpu:6.2f} s CPU, {rss:7.1f} MB peak", flush=True)
    finally:
        server.stop()
    # The full screen's start with the two smaller notes in the inbox, then again from
    # the cache (which kept the old build blank for 10-20 s on every start).
    if not only or "full-screen-start" in only:
        server, alice, bob, alice_id = fresh("start")
        try:
            send(server, bob, alice_id, url_then_closers())
            send(server, bob, alice_id, plain_urls())
            send(server, bob, alice_id, "<p>Newest plain note</p>")
            results["full-screen-start"] = {run: _start_run(TUI, binary, server, alice, timeout) for run in ("first", "cached")}
            print(f"{'full-screen-start':28} {results['full-screen-start']}", flush=True)
        finally:
            server.stop()
    for name, spec in hostile_threads():
        if only and name not in only:
            continue
        server, alice, bob, alice_id = fresh(name)
        try:
            send(server, bob, alice_id, f"Thread root {name}")
            server.control("/_test/fault", spec)
            results[name] = _thread_run(TUI, binary, server, alice, name, timeout)
            print(f"{name:28} full screen: {results[name]}", flush=True)
        finally:
            server.stop()
    return results


def _start_run(TUI, binary, server, alice, timeout):
    """Seconds until the timeline shows the notes (below the newest), and one key's answer."""
    started = time.monotonic()
    with TUI([server.account("alice"), "--config-dir", str(alice)], rows=40, cols=100, binary=binary) as t:
        out = {"shown_s": None, "key_answer_s": None}
        try:
            t.wait_for("Newest plain note", timeout=timeout)
            out["shown_s"] = round(time.monotonic() - started, 2)
            t.pump(0.5)
            _key_answer(t, out, timeout)
        except AssertionError:
            pass
        return _cost(t, out)


def _thread_run(TUI, binary, server, alice, name, timeout):
    """Opens the thread of the newest inbox item; times its arrival and one key's answer."""
    with TUI([server.account("alice"), "--config-dir", str(alice)], rows=40, cols=100, binary=binary) as t:
        t.wait_for(f"Thread root {name}", timeout=30)
        started = time.monotonic()
        t.key("Enter")
        out = {"thread_shown_s": None, "key_answer_s": None}
        try:
            t.wait_for("hostile reply", timeout=timeout)
            out["thread_shown_s"] = round(time.monotonic() - started, 2)
            t.pump(1.0)                       # idle: what does it cost doing nothing?
            cpu0, _ = _proc(t.pid)
            t.pump(3.0)
            cpu1, _ = _proc(t.pid)
            out["idle_cpu_pct"] = round((cpu1 - cpu0) / 3.0 * 100)
            _key_answer(t, out, timeout)
        except AssertionError:
            pass
        return _cost(t, out)


def _key_answer(t, out, timeout):
    """Seconds until the help overlay (one key, one frame) is on the screen. pexpect waits 50 ms
    before each send and TUI.wait_for reads in 50 ms windows: neither is used for this figure."""
    t.pump(0.2)                      # whatever was still coming is drawn first
    t.child.delaybeforesend = None
    pressed = time.monotonic()
    t.child.send("?")
    end = pressed + timeout
    while "Help — ? or Esc closes" not in t.text() and time.monotonic() < end:
        try:
            data = t.child.read_nonblocking(65536, timeout=0.002)
        except pexpect.TIMEOUT:
            continue
        t.raw += data
        t.stream.feed(data)
    out["key_answer_s"] = round(time.monotonic() - pressed, 3)


def _cost(t, out):
    cpu, rss = _proc(t.pid)
    out.update({"cpu_s": round(cpu, 2), "maxrss_mb": round(rss, 1)})
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default=str(ROOT / ".build" / "debug" / "pumptui"))
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--json", help="write the results here too")
    ap.add_argument("--only", nargs="*", default=[])
    args = ap.parse_args(argv)
    results = measure(args.binary, args.timeout, set(args.only))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
