"""Issue 11 end to end: hostile bodies stay bounded in the real binary's memory (peak RSS of the
child, from wait4), a 429 is not hammered, and line-mode errors that quote a host name taken from
host-meta reach the terminal sanitized."""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_hostile import BINARY, Server, assert_terminal_safe, login

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import hostile  # noqa: E402
import peakrss  # noqa: E402

pytestmark = pytest.mark.skipif(not os.path.exists(BINARY), reason=f"{BINARY} not built (swift build)")

MAX_RSS_KB = 100 * 1024


@pytest.fixture
def session(tmp_path):
    server = Server(users="alice")
    config = tmp_path / "alice"
    try:
        login(server, "alice", config)
        yield server, config
    finally:
        server.stop()


def run_measured(args, config, timeout=60):
    """(exit status, output bytes, peak RSS in KiB) of one pumptui run."""
    p = subprocess.Popen(peakrss.argv([BINARY, *args, "--config-dir", str(config)]), stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                         env=dict(os.environ, LANG="C.UTF-8"))
    deadline = time.time() + timeout
    while time.time() < deadline:
        pid, status, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            return os.waitstatus_to_exitcode(status), p.stdout.read(), hostile.own_peak(p.pid, usage) * 1024
        time.sleep(0.05)
    p.kill()
    raise AssertionError(f"pumptui {args} did not finish in {timeout} s")


@pytest.mark.parametrize("mode", ["gzipbomb", "endless"])
def test_hostile_bodies_stay_under_100_mb(session, mode):
    server, config = session
    server.control("/_test/fault", {"mode": mode, "path_prefix": "/api/", "count": 1})
    code, out, rss = run_measured(["inbox"], config)
    assert code == 1, out
    assert b"larger than 8 MiB" in out, out
    assert rss < MAX_RSS_KB, f"{mode}: peak RSS {rss // 1024} MB"


def test_retry_after_is_not_hammered(session):
    server, config = session
    server.control("/_test/fault", {"mode": "ratelimit", "path_prefix": "/api/"})
    server.control("/_test/reset-log")
    code, out, _ = run_measured(["inbox"], config)
    assert code == 1 and b"asked for a pause" in out, out
    api = [e for e in server.control("/_test/requests") if e["path"].startswith("/api/")]
    assert len(api) == 1, api


def test_line_mode_error_with_a_hostile_host_name_is_sanitized(tmp_path):
    server = Server(users="alice")
    try:
        server.control("/_test/fault", {"mode": "hostile-host-meta", "path_prefix": "/.well-known/"})
        code, out, _ = run_measured(["login", "--no-tui", server.account("alice")], tmp_path / "cfg", timeout=30)
    finally:
        server.stop()
    assert code == 1, out
    assert b"evil.example" in out, out  # the message is there, only its controls are gone
    assert_terminal_safe(out, "a line-mode error")
