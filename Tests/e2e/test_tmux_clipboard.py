"""Copying inside tmux as people ship it (issue 10): `set-clipboard on`, passthrough off.

pumptui used to wrap OSC 52 in tmux's DCS passthrough, which tmux drops unless
`allow-passthrough on`, while the screen said "Copied". The check is in tmux itself: the copy
must become a tmux paste buffer (`show-buffer`), which tmux also forwards to the outer terminal.
"""
import pytest

from conftest import PumpServer, login_line_mode
from test_graphemes import TmuxPane
from tui import BINARY


def buffer(pane):
    out = pane.tmux("show-buffer")
    return out.stdout if out.returncode == 0 else None


@pytest.fixture
def server():
    s = PumpServer("--demo")
    yield s
    s.stop()


def pane_for(tmp_path, argv, name):
    pane = TmuxPane(tmp_path, argv, name=name)
    pane.tmux("set-option", "-g", "set-clipboard", "on")
    return pane


def test_f2_on_the_login_screen_puts_the_url_in_a_tmux_buffer(server, tmp_path):
    pane = pane_for(tmp_path, [BINARY, server.account("alice"), "--config-dir", str(tmp_path / "c")], "login")
    try:
        rows = pane.wait_for("[ Submit ]")
        url = next(r.strip() for r in rows if "/oauth/authorize?oauth_token=" in r)
        assert buffer(pane) is None
        pane.tmux("send-keys", "F2")
        pane.wait_for("Sent the URL to the terminal's clipboard")
        assert buffer(pane) == url
    finally:
        pane.close()


def test_c_in_the_client_copies_the_items_url(server, tmp_path):
    config = str(tmp_path / "c")
    child, _ = login_line_mode(BINARY, server.account("alice"), config)
    assert child.exitstatus == 0
    pane = pane_for(tmp_path, [BINARY, server.account("alice"), "--config-dir", config], "client")
    try:
        pane.wait_for("Inbox:")
        pane.tmux("send-keys", "c")
        pane.wait_for("Sent the URL to the terminal's clipboard")
        copied = buffer(pane)
        assert copied and copied.startswith(server.base + "/") and "/note/" in copied, copied
    finally:
        pane.close()


def test_with_set_clipboard_off_nothing_is_sent_and_the_fix_is_named(server, tmp_path):
    pane = TmuxPane(tmp_path, [BINARY, server.account("alice"), "--config-dir", str(tmp_path / "c")], name="off")
    pane.tmux("set-option", "-g", "set-clipboard", "off")
    try:
        pane.wait_for("[ Submit ]")
        pane.tmux("send-keys", "F2")
        pane.wait_for("set -g set-clipboard on")
        assert buffer(pane) is None
    finally:
        pane.close()
