"""Ctrl-Z, resize while stopped, fg (issue 22): the terminal belongs to one thread.

Played as a person over SSH does it: an interactive bash in tmux 3.3a (tmux as shipped, no
config), the packaged binary, another process keeping both cores busy. ncurses' own SIGTSTP and
SIGWINCH handlers used to run curses on whichever thread the kernel picked, next to the loop's
thread: a segfault within a few cycles, a lost draft, and later Ctrl-Zs that no longer
suspended. Every check is read back from tmux itself (capture-pane) and from /proc.
"""
import contextlib
import json
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PumpServer, log_in_each
from test_graphemes import TmuxPane
from tui import BINARY, RELEASE_BINARY, TUI

DRAFT = "draft survives Ctrl-Z ✓ café"
SIZES = [(100, 30), (60, 20), (80, 24)]


@contextlib.contextmanager
def both_cores_busy():
    """Two spinning processes for the duration, as on the reporter's busy 2-core host."""
    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        yield
    finally:
        for b in burners:
            b.kill()
            b.wait()


def wait_until(check, timeout=20.0, what="condition", pane=None):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.05)
    screen = "\n".join(pane.rows()) if pane else ""
    raise AssertionError(f"{what} not reached after {timeout}s\n{screen}")


def proc_state(pid):
    """'T' while stopped; None once gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None


def child_pid(pane, name="pumptui"):
    shell = int(pane.tmux("display-message", "-p", "#{pane_pid}").stdout.strip())
    out = subprocess.run(["pgrep", "-P", str(shell), name], capture_output=True, text=True).stdout.split()
    return int(out[0]) if out else None


def type_line(pane, text):
    pane.tmux("send-keys", "-l", text)
    pane.tmux("send-keys", "Enter")


def editor_laid_out_for(pane, cols, rows):
    """The editor was drawn for a cols x rows window: its text box spans the whole width and the
    footer is on the last row."""
    shown = pane.rows()[:rows]
    box = any(r.startswith("┌─ Text") and r.endswith("┐") and len(r) == cols for r in shown)
    return box and len(shown) == rows and "help" in shown[-1]


def drafts_holding(text, *roots):
    found = []
    for root in roots:
        for f in Path(root).rglob("*.json"):
            try:
                if text in json.dumps(json.loads(f.read_text()), ensure_ascii=False):
                    found.append(f)
            except (ValueError, OSError):
                pass
    return found


@pytest.fixture
def alice(pumpserver, pumptui_bin, tmp_path):
    return pumpserver, log_in_each(pumptui_bin, pumpserver, tmp_path, ("alice",))["alice"]


def shell_with_client(tmp_path, server, config, editor="true"):
    pane = TmuxPane(tmp_path, ["bash", "--norc", "--noprofile", "-i"], name="sh", cols=80, rows=24,
                    env={"EDITOR": editor, "VISUAL": ""})
    type_line(pane, "PS1='$ '")
    type_line(pane, shlex.join([RELEASE_BINARY, server.account(), "--config-dir", config]))
    pane.wait_for("Inbox:", timeout=20)
    return pane


def test_thirty_ctrl_z_resize_fg_cycles_keep_the_draft_with_both_cores_busy(alice, tmp_path):
    server, config = alice
    pane = shell_with_client(tmp_path, server, config)
    try:
        pid = child_pid(pane)
        assert pid, "\n".join(pane.rows())
        pane.tmux("send-keys", "n")
        time.sleep(0.3)
        pane.tmux("send-keys", "-l", DRAFT)
        pane.wait_for(DRAFT)
        with both_cores_busy():
            for i in range(30):
                pane.tmux("send-keys", "C-z")
                # The shell reports the job stopped (its screen was cleared before the last fg):
                # every Ctrl-Z suspends.
                wait_until(lambda: proc_state(pid) == "T" and any("Stopped" in r for r in pane.rows()),
                           what=f"cycle {i}: Ctrl-Z stops the job", pane=pane)
                cols, rows = SIZES[i % len(SIZES)]
                pane.tmux("resize-window", "-x", str(cols), "-y", str(rows))
                type_line(pane, "clear; fg")
                wait_until(lambda: proc_state(pid) not in ("T", None) and any(DRAFT in r for r in pane.rows())
                           and editor_laid_out_for(pane, cols, rows),
                           what=f"cycle {i}: fg repaints at {cols}x{rows} with the text", pane=pane)
        assert proc_state(pid) not in (None, "T")
        assert sum(r.count(DRAFT) for r in pane.rows()) == 1, "\n".join(pane.rows())
        # Saved on suspend: kill -9 while stopped leaves the draft on disk.
        pane.tmux("send-keys", "-l", " +1")
        pane.wait_for(DRAFT + " +1")
        pane.tmux("send-keys", "C-z")
        wait_until(lambda: proc_state(pid) == "T", what="the last Ctrl-Z", pane=pane)
        os.kill(pid, signal.SIGKILL)
        wait_until(lambda: proc_state(pid) is None, what="kill -9")
        assert drafts_holding(DRAFT + " +1", config, os.environ["XDG_STATE_HOME"]), "no draft on disk"
    finally:
        pane.close()


def test_an_editor_that_sleeps_while_the_window_is_resized(alice, tmp_path):
    server, config = alice
    editor = tmp_path / "slow-editor.sh"
    editor.write_text("#!/bin/sh\nsleep 1.5\nprintf ' +edited' >> \"$1\"\n")
    editor.chmod(0o755)
    pane = shell_with_client(tmp_path, server, config, editor=str(editor))
    try:
        pane.tmux("send-keys", "n")
        time.sleep(0.3)
        pane.tmux("send-keys", "-l", DRAFT)
        pane.wait_for(DRAFT)
        with both_cores_busy():
            pane.tmux("send-keys", "C-e")
            time.sleep(0.5)
            pane.tmux("resize-window", "-x", "100", "-y", "30")
            wait_until(lambda: any(" +edited" in r for r in pane.rows()) and any(DRAFT in r for r in pane.rows())
                       and editor_laid_out_for(pane, 100, 30),
                       what="the editor's text at the new size", pane=pane)
        # Curses is back and Ctrl-Z still suspends.
        pid = child_pid(pane)
        pane.tmux("send-keys", "C-z")
        wait_until(lambda: proc_state(pid) == "T", what="Ctrl-Z after the editor", pane=pane)
        type_line(pane, "fg")
        wait_until(lambda: proc_state(pid) not in ("T", None), what="fg", pane=pane)
    finally:
        pane.close()


def test_a_burst_after_the_profile_prompt_reaches_the_profile(pumpserver, pumptui_bin, tmp_path):
    """`P` + nick@host + Enter + `f` in one write: the f follows on the profile it opened."""
    dirs = log_in_each(pumptui_bin, pumpserver, tmp_path, ("alice", "bob"))
    with TUI([pumpserver.account("alice"), "--config-dir", dirs["alice"]], binary=RELEASE_BINARY) as t:
        t.wait_for("Logged in as", timeout=15)
        t.send("P" + pumpserver.account("bob") + "\rf")
        t.wait_for("Profile · Bob", timeout=10)
        t.wait_for("Following Bob.", timeout=10)


def test_an_unknown_term_falls_back_to_xterm_256color_and_says_so(alice):
    server, config = alice
    with TUI([server.account(), "--config-dir", config], term="xterm-nonexistent", binary=RELEASE_BINARY) as t:
        t.wait_for("Using xterm-256color: TERM=xterm-nonexistent", timeout=15)
        t.wait_for("Inbox")
        t.send("q")
        assert t.wait_exit() == 0


@pytest.mark.parametrize("term", ["dumb", ""])
def test_a_term_that_cannot_drive_the_screen_is_an_error_that_names_term(alice, term):
    server, config = alice
    with TUI([server.account(), "--config-dir", config], term=term, binary=RELEASE_BINARY) as t:
        code = t.wait_exit(timeout=15)
        text = t.text()
    assert code == 1, text
    assert ("TERM=dumb" if term else "TERM is not set") in text and "TERM=xterm-256color" in text
    assert "logged in" not in text
