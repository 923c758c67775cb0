"""Issue 11's additions to the benchmark (imported by run.py): start-up with one core kept busy,
peak RSS of pumptui against the hostile bodies of testserver/pumpfaults.py, and the TCP
connections a first login opens. Loopback only, like the rest."""
import contextlib
import os
import subprocess
import sys
import time

HOSTILE_MODES = ("gzipbomb", "endless", "drip")


@contextlib.contextmanager
def one_core_busy():
    """Another process spinning on one core for the duration (both sides measured under it)."""
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.3)  # let the scheduler see it
        yield
    finally:
        spinner.kill()
        spinner.wait()


def run_measured(argv, env, timeout=90):
    """(exit status, seconds, peak RSS in MB) of one child, from wait4's rusage."""
    start = time.monotonic()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env=env)
    deadline = start + timeout
    while time.monotonic() < deadline:
        pid, status, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            return os.waitstatus_to_exitcode(status), time.monotonic() - start, usage.ru_maxrss / 1024
        time.sleep(0.02)
    p.kill()
    p.wait()
    return None, timeout, None


def hostile_rss(binary, server, config_dir, env):
    """`pumptui inbox` against each hostile body (alice logged in already in config_dir)."""
    out = {}
    for mode in HOSTILE_MODES:
        server.control_json("/_test/fault", {"mode": mode, "path_prefix": "/api/", "count": 1})
        code, seconds, rss = run_measured([binary, "inbox", "--config-dir", config_dir], env)
        out[mode] = {"exit": code, "seconds": seconds, "maxrss_mb": rss}
    server.control_json("/_test/fault", {"mode": "none"})
    return out


def connections(server):
    return server.control_json("/_test/connections", {})["count"]
