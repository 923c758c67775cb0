"""Resize latency (issue 22): how long from the window's new size (TIOCSWINSZ on the pty, which
sends SIGWINCH) to the first repaint at that size, idle and with both cores kept busy.

    .venv/bin/python bench/resize.py --binary dist/pumptui-*/bin/pumptui [--resizes 20]

Runs `pumptui debug-keys` (the full-screen runtime with a trivial screen, no server) in a pty,
20 resizes alternating between sizes; the repaint is seen when a terminal emulator (pyte, fed
every byte as it arrives) shows the new size's header ("debug-keys 100x30") on its first row. Prints median and worst per condition. A benchmark, not
a test: the figures move with the machine.
"""
import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import time

import pexpect
import pyte

SIZES = [(30, 100), (20, 60), (24, 80)]


@contextlib.contextmanager
def cores_busy(n):
    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]
    try:
        time.sleep(0.3)
        yield
    finally:
        for b in burners:
            b.kill()
            b.wait()


def resize_latencies(binary, resizes):
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
    child = pexpect.spawn(binary, ["debug-keys"], dimensions=(24, 80), env=env)
    screen = pyte.Screen(80, 24)
    stream = pyte.ByteStream(screen)

    def until_header(text, timeout=10.0):
        end = time.monotonic() + timeout
        while text not in screen.display[0]:
            if time.monotonic() > end:
                raise TimeoutError(f"{text!r} not shown: {screen.display[0]!r}")
            try:
                stream.feed(child.read_nonblocking(65536, timeout=0.005))
            except pexpect.TIMEOUT:
                pass

    try:
        until_header("debug-keys 80x24")
        out = []
        for i in range(resizes):
            rows, cols = SIZES[i % len(SIZES)]
            time.sleep(0.1)   # the previous frame is finished
            try:
                stream.feed(child.read_nonblocking(65536, timeout=0.01))
            except pexpect.TIMEOUT:
                pass
            screen.resize(rows, cols)
            start = time.monotonic()
            child.setwinsize(rows, cols)
            until_header(f"debug-keys {cols}x{rows}")
            out.append((time.monotonic() - start) * 1000)
        return out
    finally:
        child.close(force=True)


def describe(ms):
    return f"median {statistics.median(ms):6.1f} ms, worst {max(ms):6.1f} ms"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", action="append", required=True, help="one or more binaries to compare")
    ap.add_argument("--resizes", type=int, default=20)
    args = ap.parse_args()
    for binary in args.binary:
        idle = resize_latencies(binary, args.resizes)
        with cores_busy(2):
            busy = resize_latencies(binary, args.resizes)
        print(f"{binary}\n  idle:            {describe(idle)}\n  both cores busy: {describe(busy)}")


if __name__ == "__main__":
    main()
