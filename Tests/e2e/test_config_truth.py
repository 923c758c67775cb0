"""Issue 25: `--theme nosuch` for a logged-in account was silently ignored (the warning went
only to the login and account screens); now the client's first status line says it, and help
(?) lists it with the config file's warnings, each with its line."""
from pathlib import Path

import pytest

from test_hostile import BINARY, Server, login
from tui import TUI

pytestmark = pytest.mark.skipif(not Path(BINARY).exists(), reason=f"{BINARY} not built (swift build)")


def test_an_unknown_theme_and_config_warnings_are_shown(tmp_path):
    server = Server(users="alice")
    try:
        config = tmp_path / "alice"
        login(server, "alice", config)
        (config / "config.toml").write_text("refresh = 60\n\n# a comment\n[unknown-section]\nx = 1\n")
        (config / "config.toml").chmod(0o600)
        with TUI([server.account("alice"), "--config-dir", str(config), "--theme", "nosuch"], rows=30, cols=100) as t:
            t.wait_for("[1 Inbox", timeout=15)
            t.wait_for("Unknown theme 'nosuch'", timeout=5)
            t.send("?")
            t.wait_for("Warnings (2)", timeout=5)
            t.wait_for("config.toml:4: unknown key", timeout=5)
            assert "'unknown-section' (ignored)" in t.text()
            t.key("Escape")
            t.send("q")
            assert t.wait_exit() == 0
    finally:
        server.stop()
