"""`pumptui inbox` offline (issue 26): like the full-screen client, it shows what the cache holds,
saying on stderr that it is offline and why; an id to page from, or no cache, is still the error."""

import os
import subprocess

from conftest import BINARY, run_pumptui
from tui import TUI

NOTE = "Offline-readable note from alice"
NEW_BIN = BINARY
BIN = os.environ.get("PUMPTUI_BIN", BINARY)   # the binary whose inbox command is tested


def inbox(config, *args):
    return subprocess.run([BIN, "inbox", "--config-dir", config, *args], capture_output=True, text=True,
                          timeout=30, env=dict(os.environ, NO_COLOR="1"), stdin=subprocess.DEVNULL)


def test_inbox_offline_reads_the_cache(logged_in):
    server, config = logged_in
    assert run_pumptui("post", NOTE, "--config-dir", config).returncode == 0
    # The full-screen client (the new build: same cache either way) saves the inbox.
    with TUI([server.account(), "--config-dir", config], rows=24, cols=80, binary=NEW_BIN) as t:
        t.wait_for(NOTE, timeout=15)
        t.send("q")
        assert t.wait_exit() == 0
    online = inbox(config)
    assert online.returncode == 0 and NOTE in online.stdout and online.stderr == "", online
    server.stop()

    out = inbox(config)
    assert out.returncode == 0, out.stderr
    assert NOTE in out.stdout
    assert out.stderr.startswith(f"pumptui: offline (could not connect to 127.0.0.1:{server.port}: connection refused"), out.stderr
    assert "showing the cached inbox (" in out.stderr
    assert NOTE in inbox(config, "--since", "2000-01-01").stdout
    # An activity id to page from is the server's to answer.
    paged = inbox(config, "--before", "https://x.example/activity/1")
    assert paged.returncode == 1 and "could not connect" in paged.stderr and paged.stdout == ""


def test_inbox_offline_without_a_cache_is_the_error(logged_in):
    server, config = logged_in
    server.stop()
    out = inbox(config)
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.startswith("pumptui: could not connect to"), out.stderr
