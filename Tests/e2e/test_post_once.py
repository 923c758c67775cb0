"""Issue 25: posting is idempotent from the user's view. The test server holds the post 15 s
(fault "slow", then it is stored); Esc while "Sending…" stops waiting with the text kept, the
late answer is announced, and ^D then finds the post in the outbox instead of posting it again.
Before: Esc did nothing while sending, and a second send posted the note twice."""
import time
from pathlib import Path

import pytest

from test_hostile import BINARY, Server, login, run
from tui import TUI

pytestmark = pytest.mark.skipif(not Path(BINARY).exists(), reason=f"{BINARY} not built (swift build)")

TEXT = "Posted once through a slow server"


def test_esc_while_sending_then_send_again_posts_once(tmp_path):
    server = Server(users="alice")
    try:
        config = tmp_path / "alice"
        login(server, "alice", config)
        with TUI([server.account("alice"), "--config-dir", str(config)], rows=24, cols=100) as t:
            t.wait_for("[1 Inbox", timeout=15)
            t.send("n")
            t.wait_for("^D send")
            t.send(TEXT)
            time.sleep(0.2)
            server.control("/_test/fault", {"mode": "slow", "path_prefix": "/api/user/alice/feed", "count": 1})
            t.send("\x04")
            t.wait_for("Sending", timeout=5)
            t.key("Escape")
            t.wait_for("Stopped waiting", timeout=5)
            assert TEXT in t.text()                      # the text is kept
            t.wait_for("has arrived", timeout=25)        # the server stored it after 15 s
            t.send("\x04")
            t.wait_for("It had been posted", timeout=10)
            t.send("q")
            assert t.wait_exit() == 0
        # Exactly one such note on the server (her inbox holds her own posts).
        status, out = run(["inbox", "--count", "50"], config)
        assert status == 0 and out.decode().count(TEXT) == 1, out.decode()
    finally:
        server.stop()
