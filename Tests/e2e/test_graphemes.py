"""Grapheme clusters end to end in tmux 3.3a (issue 10, "The terminal shows what people wrote").

bob sends alice notes holding 👍🏽 (thumbs up + skin tone), 👨‍👩‍👧 (a ZWJ family) and 🇫🇷 (a flag);
alice's real `pumptui` timeline runs in a tmux pane and the rows `tmux capture-pane -p` gives back
are compared byte for byte with what was written.

What tmux 3.3a does with them (measured with printf and `display -p '#{cursor_x}'`, and pinned by
test_tmux_widths_are_what_the_layout_assumes): the cursor advances by each scalar's wcwidth,
except for zero-width scalars and a scalar after a ZWJ, which join the cell before. So
👍🏽 is 4 columns (two cells), 👨‍👩‍👧 is 2 (one cell), 🇫🇷 is 2 (two cells of 1). pumptui lays out
with the same widths (Render/Grapheme.swift), so a row that fills the pane to its last column
only comes back intact when both agree.
"""
import os
import shlex
import shutil
import itertools
import subprocess
import time

import pytest

from test_hostile import Server, login, signed
from tui import BINARY

pytestmark = [
    pytest.mark.skipif(not os.path.exists(BINARY), reason=f"{BINARY} not built (swift build)"),
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux not installed"),
]

THUMB, FAMILY, FLAG = "👍🏽", "👨‍👩‍👧", "🇫🇷"
CLUSTERS = f"{THUMB} {FAMILY} {FLAG} café"
# Columns tmux 3.3a gives each (see the module docstring).
WIDTH = {THUMB: 4, FAMILY: 2, FLAG: 2, "café": 4}
COLS, ROWS = 80, 50
SERVERS = itertools.count()


class TmuxPane:
    """One detached tmux server (own socket, no config) running `argv` in a COLS x ROWS pane."""

    def __init__(self, tmp_path, argv, name="g", cols=COLS, rows=ROWS, env=None):
        self.sock = str(tmp_path / f"tmux-{name}.sock")
        env = dict(os.environ, LANG="C.UTF-8", **(env or {}))
        env.pop("TMUX", None)
        self.env = env
        # The pane's shell line keeps LANG, so pumptui and tmux agree on UTF-8.
        command = "LANG=C.UTF-8 exec " + shlex.join(argv)
        self.tmux("new-session", "-d", "-x", str(cols), "-y", str(rows), command)

    def tmux(self, *args):
        return subprocess.run(["tmux", "-S", self.sock, "-f", "/dev/null", *args], env=self.env,
                              capture_output=True, text=True, timeout=10)

    def rows(self):
        out = self.tmux("capture-pane", "-p").stdout
        return out.split("\n")

    def wait_for(self, text, timeout=15.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            rows = self.rows()
            if any(text in r for r in rows):
                time.sleep(0.3)       # let the frame finish
                return self.rows()
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not in the pane after {timeout}s:\n" + "\n".join(self.rows()))

    def close(self):
        self.tmux("kill-server")


def tmux_width(tmp_path, text):
    """Columns tmux advances the cursor for `text` printed at the start of an empty pane."""
    script = tmp_path / "print.sh"
    script.write_text("printf '%s' \"$1\"; sleep 5\n")
    pane = TmuxPane(tmp_path, ["sh", str(script), text], name=f"w{next(SERVERS)}")   # a fresh server each
    try:
        end = time.monotonic() + 10
        while time.monotonic() < end:
            time.sleep(0.2)
            if text in "".join(pane.rows()):
                # The cursor moves with the same write that shows the text.
                return int(pane.tmux("display", "-p", "#{cursor_x}").stdout.strip())
        raise AssertionError(f"{text!r} never appeared in tmux")
    finally:
        pane.close()


@pytest.fixture
def alice_and_bob(tmp_path):
    server = Server()
    alice_dir, bob_dir = tmp_path / "alice", tmp_path / "bob"
    try:
        login(server, "alice", alice_dir)
        login(server, "bob", bob_dir)
        alice_id = signed(server, "bob", bob_dir, "GET", "/api/user/alice/profile")["id"]

        def send(text):
            signed(server, "bob", bob_dir, "POST", "/api/user/bob/feed", {
                "verb": "post", "to": [{"objectType": "person", "id": alice_id}],
                "object": {"objectType": "note", "content": f"<p>{text}</p>"}})
        yield server, alice_dir, send
    finally:
        server.stop()


def timeline(tmp_path, server, alice_dir, marker):
    pane = TmuxPane(tmp_path, [BINARY, server.account("alice"), "--config-dir", str(alice_dir)])
    try:
        return pane.wait_for(marker)
    finally:
        pane.close()


def text_width(text):
    return sum(WIDTH.get(part, len(part)) for part in text.split(" ")) + text.count(" ")


def test_tmux_widths_are_what_the_layout_assumes(tmp_path):
    for cluster in (THUMB, FAMILY, FLAG, "café"):
        assert tmux_width(tmp_path, cluster) == WIDTH[cluster], cluster


def test_clusters_are_shown_whole_and_the_text_after_them_lines_up(alice_and_bob, tmp_path):
    server, alice_dir, send = alice_and_bob
    # The content column and width: a long word is broken exactly at the pane's edge.
    send("0123456789" * 20)
    rows = timeline(tmp_path, server, alice_dir, "0123456789")
    first = next(r for r in rows if "0123456789" in r)
    left = first.index("0")
    width = len(first.rstrip()) - left
    assert width > 30 and first.rstrip().endswith(("0123456789" * 20)[:width][-10:]), first

    # Clusters, then x up to the very last column, then a word that wraps: the row ends at the
    # pane's edge only if tmux and pumptui agree on every cluster's width.
    head = CLUSTERS + " "
    filler = "x" * (width - text_width(head))
    send(head + filler + " tail")
    # A cluster that does not fit at the edge starts the next row whole; no ZWJ leaks.
    send("y" * (width - 1) + FAMILY + "y" * (width - 5) + THUMB + "z")
    # "z" + ZWJ ends a row: tmux would glue the next row's first emoji into that cell.
    send("w" * (width - 1) + "z\u200d👩 end")
    rows = timeline(tmp_path, server, alice_dir, "café")
    pad = " " * left

    i = next(n for n, r in enumerate(rows) if "café" in r)
    assert rows[i] == pad + head + filler, (rows[i], pad + head + filler)
    assert rows[i + 1].rstrip() == pad + "tail"

    j = next(n for n, r in enumerate(rows) if r.startswith(pad + "y"))
    assert rows[j] == pad + "y" * (width - 1)
    assert rows[j + 1].rstrip() == pad + FAMILY + "y" * (width - 5)
    assert rows[j + 2].rstrip() == pad + THUMB + "z"
    k = next(n for n, r in enumerate(rows) if r.startswith(pad + "w"))
    assert rows[k] == pad + "w" * (width - 1) + "z"
    assert rows[k + 1].rstrip() == pad + "👩 end"
    # The only ZWJs on screen are the two inside whole families.
    screen = "\n".join(rows)
    assert screen.count("\u200d") == screen.count(FAMILY) * 2, screen
    assert screen.count("\U0001F3FD") == screen.count(THUMB), screen
