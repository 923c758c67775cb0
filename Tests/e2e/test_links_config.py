"""Issue 14 (first half) end to end: plain URLs become links, image posts are reachable with `i`,
config.toml's key overrides work and show in help, and ^E / `post --editor` hand the text to a
scripted $EDITOR (one that exits non-zero and one that crashes keep the text and the terminal).
"""
import json
import os
import stat
import subprocess
import time
import struct
import urllib.request
import zlib

import pytest

from conftest import PumpServer, login_line_mode, run_pumptui
from test_tmux_clipboard import buffer, pane_for
from tui import BINARY, TUI


def state(server):
    with urllib.request.urlopen(server.base + "/_test/state", timeout=10) as r:
        return json.load(r)


def logged_in_as(server, tmp_path, nick):
    d = str(tmp_path / nick)
    child, _ = login_line_mode(BINARY, server.account(nick), d, user=nick)
    assert child.exitstatus == 0, child.before
    return d


def write_config(config_dir, text):
    os.makedirs(config_dir, mode=0o700, exist_ok=True)
    path = os.path.join(config_dir, "config.toml")
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, 0o600)
    return path


def script(tmp_path, name, body):
    path = tmp_path / name
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)
    return str(path)


def png(width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def press(pane, key, then):
    """One key in the tmux pane, then wait for what it shows."""
    pane.tmux("send-keys", key)
    pane.wait_for(then)


def post_image(pane, image, then):
    """Posts `image` from the client's editor (^T attaches it, ^D sends), then waits for `then`."""
    pane.wait_for("Inbox:")
    press(pane, "n", "Send")
    press(pane, "C-t", "File")
    pane.tmux("send-keys", "-l", str(image))
    press(pane, "Enter", "Attached")
    press(pane, "C-d", then)


@pytest.fixture
def server():
    s = PumpServer()
    yield s
    s.stop()


def test_a_plain_url_is_posted_as_a_link_that_inbox_and_the_client_show(server, tmp_path):
    bob = logged_in_as(server, tmp_path, "bob")
    out = run_pumptui("post", "--config-dir", bob, "Visit https://example.org/page now")
    assert out.returncode == 0, out.stderr
    posted = next(o for o in state(server)["objects"] if "example.org/page" in (o.get("content") or ""))
    assert '<a href="https://example.org/page">https://example.org/page</a>' in posted["content"]
    inbox = run_pumptui("inbox", "--config-dir", bob)
    # The URL as written, its number on a line of its own (issue 26: "page[1]" did not open).
    assert "  Visit https://example.org/page now\n" in inbox.stdout, inbox.stdout
    assert "  [1] https://example.org/page\n" in inbox.stdout, inbox.stdout
    pane = pane_for(tmp_path, [BINARY, "--config-dir", bob], "links")
    try:
        pane.wait_for("[1] https://example.org/page")
        press(pane, "c", "Copy which address?")
        press(pane, "1", "Sent the URL to the terminal's clipboard")
        assert buffer(pane) == "https://example.org/page"
    finally:
        pane.close()


def test_an_image_post_shows_its_line_and_its_url_is_copied_and_saved(server, tmp_path):
    alice = logged_in_as(server, tmp_path, "alice")
    downloads = tmp_path / "pics"
    write_config(alice, f'download-dir = "{downloads}"\n')
    image = tmp_path / "red.png"
    image.write_bytes(png(4, 3))
    pane = pane_for(tmp_path, [BINARY, "--config-dir", alice], "image")
    try:
        post_image(pane, image, "[image] 4×3 · ")
        press(pane, "i", "c  copy its URL")
        press(pane, "c", "Sent the URL to the terminal's clipboard")
        url = buffer(pane)
        assert url and url.startswith(server.base + "/uploads/alice/") and url.endswith(".png"), url
        press(pane, "i", "s  save it to")
        press(pane, "s", "Saved the image to")
        saved = list(downloads.iterdir())
        assert len(saved) == 1 and saved[0].read_bytes() == image.read_bytes()
        assert stat.S_IMODE(saved[0].stat().st_mode) == 0o644
        # Saving again never overwrites: a second file beside it.
        pane.tmux("send-keys", "i", "s")
        end = time.monotonic() + 10
        while len(list(downloads.iterdir())) < 2 and time.monotonic() < end:
            time.sleep(0.1)
        names = sorted(p.name for p in downloads.iterdir())
        assert len(names) == 2 and any(n.endswith("-1.png") for n in names), names
    finally:
        pane.close()


def test_a_key_override_from_config_toml_works_and_shows_in_help(logged_in):
    server, config = logged_in
    path = write_config(config, '[keys]\nhelp = "h"\nquit = "x"\nbogus-action = "z"\n')
    with TUI(["--config-dir", config], cols=200) as t:
        t.wait_for("bogus-action", timeout=15)          # the warning names the bad line's key
        assert f"{path}:4" in t.text()
        assert "h/F1 help" in t.text() or "h help" in t.text()
        t.send("h")
        t.wait_for("Help —")
        t.send("G")                                     # the config file's section ends the help
        t.wait_for("download-dir")
        assert "[keys]" in t.text() and "now help = h; quit = x" in t.text()   # the values in effect
        t.send("kkkk")                                  # its title, just above (the keys wrap)
        t.wait_for("Configuration (config.toml)")
        t.send("?")                                     # still closes help (help's own keys)
        t.send("x")
        assert t.wait_exit() == 0


def test_a_broken_config_line_is_named_and_pumptui_still_starts(logged_in):
    server, config = logged_in
    path = write_config(config, 'theme = "dark"\nrefresh = = 5\n')
    out = run_pumptui("inbox", "--config-dir", config)
    assert out.returncode == 0
    assert f"{path}:2:" in out.stderr and "that line is ignored" in out.stderr


def test_a_group_writable_config_file_is_refused_with_the_fix(logged_in):
    server, config = logged_in
    path = write_config(config, 'theme = "dark"\n')
    os.chmod(path, 0o664)
    out = run_pumptui("inbox", "--config-dir", config)
    assert out.returncode == 1
    assert path in out.stderr and "chmod go-w" in out.stderr


def test_pumptui_account_picks_among_two(server, tmp_path):
    both = str(tmp_path / "both")
    for nick in ("alice", "bob"):
        child, _ = login_line_mode(BINARY, server.account(nick), both, user=nick)
        assert child.exitstatus == 0
    env = dict(os.environ, NO_COLOR="1", PUMPTUI_ACCOUNT=server.account("bob"))
    out = subprocess.run([BINARY, "post", "--config-dir", both, "from env"], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    posted = next(o for o in state(server)["objects"] if (o.get("content") or "") == "from env")
    assert "bob" in posted["author"]


def test_ctrl_e_edits_in_a_scripted_editor(logged_in, tmp_path):
    server, config = logged_in
    editor = script(tmp_path, "ed.sh", 'stat -c %a "$1" > "$1.mode"\nprintf "edited in the editor: https://example.org/e\\n" > "$1"\n')
    with TUI(["--config-dir", config], env={"EDITOR": editor, "VISUAL": ""}) as t:
        t.wait_for("Inbox:", timeout=15)
        t.send("ndraft")
        t.wait_for("draft")
        t.send("\x05")                                   # ^E
        t.wait_for("The text from your editor is here", timeout=10)
        assert "edited in the editor" in t.text()
        t.send("\x04")                                   # ^D
        t.wait_for("Posted.", timeout=10)
    modes = [p for p in os.listdir(os.environ.get("TMPDIR", "/tmp")) if p.startswith("pumptui-draft-") and p.endswith(".mode")]
    assert modes and all(open(os.path.join(os.environ.get("TMPDIR", "/tmp"), m)).read().strip() == "600" for m in modes)
    posted = next(o for o in state(server)["objects"] if "edited in the editor" in (o.get("content") or ""))
    assert '<a href="https://example.org/e">' in posted["content"]


@pytest.mark.parametrize("body,said", [
    ('printf "lost" > "$1"\nexit 3\n', "exited with status 3"),
    ('kill -SEGV $$\n', "was killed by signal 11"),
])
def test_a_failing_or_crashing_editor_keeps_the_text_and_the_terminal(logged_in, tmp_path, body, said):
    server, config = logged_in
    editor = script(tmp_path, "bad.sh", body)
    with TUI(["--config-dir", config], env={"EDITOR": editor, "VISUAL": ""}) as t:
        t.wait_for("Inbox:", timeout=15)
        t.send("nkeep me")
        t.wait_for("keep me")
        t.send("\x05")
        t.wait_for("Text unchanged", timeout=10)
        # The status line names the editor's file first and continues over the footer row.
        words = " ".join(t.text().split())
        assert "keep me" in t.text() and said in words and "/pumptui-draft-" in words, t.text()
        t.send(" still typing")                          # the editor still takes keys: curses is back
        t.wait_for("keep me still typing")
        t.send("\x04")
        t.wait_for("Posted.", timeout=10)


def test_post_editor_in_line_mode(logged_in, tmp_path):
    server, config = logged_in
    editor = script(tmp_path, "ed.sh", 'printf "from post --editor\\n" > "$1"\n')
    env = dict(os.environ, NO_COLOR="1", EDITOR=editor, VISUAL="")
    out = subprocess.run([BINARY, "post", "--editor", "--config-dir", config], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert any((o.get("content") or "") == "from post --editor" for o in state(server)["objects"])
    failing = script(tmp_path, "no.sh", 'exit 1\n')
    env["EDITOR"] = failing
    out = subprocess.run([BINARY, "post", "--editor", "--config-dir", config], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 1 and "nothing was posted" in out.stderr


def test_the_last_account_opened_is_used_next_time(server, tmp_path):
    both = str(tmp_path / "both")
    for nick in ("alice", "bob"):
        child, _ = login_line_mode(BINARY, server.account(nick), both, user=nick)
        assert child.exitstatus == 0
    out = run_pumptui("post", "--config-dir", both, "who am i")
    assert out.returncode == 1 and "several accounts are stored" in out.stderr
    with TUI([server.account("bob"), "--config-dir", both]) as t:
        t.wait_for("Inbox:", timeout=15)
        t.send("q")
        assert t.wait_exit() == 0
    assert open(os.path.join(both, "last-account")).read().strip() == server.account("bob")
    out = run_pumptui("post", "--config-dir", both, "last used")
    assert out.returncode == 0, out.stderr
    posted = next(o for o in state(server)["objects"] if (o.get("content") or "") == "last used")
    assert "bob" in posted["author"]
