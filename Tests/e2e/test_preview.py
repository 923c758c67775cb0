"""Issue 14's inline preview end to end: `i` `v` on an image post.

In tmux (which answers DA1 itself, without sixel) it draws half blocks in 256 colours and Esc
gives the timeline back. With pexpect playing a kitty terminal (or a sixel one) the probe's
query is answered and the image goes out in that protocol. The replies never act as keys:
keys typed in the same burst still do, and a pasted "reply" is text.
"""
import contextlib
import re
import sys
import time
from pathlib import Path

import pytest

from test_graphemes import TmuxPane
from test_links_config import logged_in_as, png, post_image, server  # noqa: F401 (server: the fixture)
from tui import BINARY, TUI

QUERY = b"\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\"
DA1_QUERY = b"\x1b[c"


def post_image_in_tui(t, path, shows="[image] 8×6"):
    """The composer, ^T, the file, ^D: the post with its `[image]` line on the timeline."""
    t.wait_for("Inbox:", timeout=15)
    t.send("n")
    t.wait_for("Send")
    t.send("\x14")
    t.wait_for("File")
    t.send(str(path))
    t.send("\r")
    t.wait_for("Attached", timeout=10)
    t.send("\x04")
    t.wait_for(shows, timeout=15)


def wait_gone(t, text, timeout=5.0):
    """Pumps until `text` has left the screen (or the time is up)."""
    end = time.monotonic() + timeout
    while text in t.text() and time.monotonic() < end:
        t.pump(0.1)


@contextlib.contextmanager
def previewing(server, tmp_path, image):
    """pumptui in a pty with an image post, `i` `v` pressed in one burst: yields once the
    probe's query (ending in DA1) was written, for the test to answer as its terminal would."""
    alice = logged_in_as(server, tmp_path, "alice")
    with TUI(["--config-dir", alice]) as t:
        post_image_in_tui(t, image)
        assert QUERY not in t.raw, "never asked at start-up"
        t.send("iv")
        t.wait_for_raw(QUERY, timeout=10)
        t.wait_for_raw(DA1_QUERY, timeout=5)
        yield t


@pytest.fixture
def image(tmp_path):
    path = tmp_path / "red.png"
    path.write_bytes(png(8, 6))
    return path


def test_in_tmux_half_blocks_in_colour_and_esc_gives_the_timeline_back(server, tmp_path, image):
    alice = logged_in_as(server, tmp_path, "alice")
    pane = TmuxPane(tmp_path, ["env", "TERM=tmux-256color", BINARY, "--config-dir", alice], name="preview")
    pane.tmux("set-option", "-g", "set-clipboard", "on")
    try:
        post_image(pane, image, "[image] 8×6 · ")
        before = pane.rows()
        pane.tmux("send-keys", "i", "v")
        rows = pane.wait_for("▀")
        assert any("Image · " in r for r in rows) and any("Esc closes · o opens" in r for r in rows), rows
        coloured = pane.tmux("capture-pane", "-p", "-e").stdout
        # Pure red pixels: palette 196 in front and behind the upper half block.
        assert "\x1b[38;5;196m\x1b[48;5;196m▀▀▀" in coloured, coloured
        # The picture keeps the image's 4:3 (a cell holds two pixels): 8×6 → w cells × w·3/8 rows.
        picture = [r for r in rows if "▀" in r]
        width = max(r.count("▀") for r in picture)
        assert abs(len(picture) - width * 6 / 8 / 2) <= 1, (len(picture), width)
        pane.tmux("send-keys", "Escape")
        end = time.monotonic() + 10
        while "▀" in "".join(pane.rows()) and time.monotonic() < end:
            time.sleep(0.1)
        after = pane.rows()
        assert "▀" not in "".join(after)
        assert [r for r in after if "[image]" in r] == [r for r in before if "[image]" in r]
    finally:
        pane.close()


def test_a_kitty_terminal_gets_the_image_as_kitty_graphics(server, tmp_path, image):
    with previewing(server, tmp_path, image) as t:
        t.send("\x1b_Gi=31;OK\x1b\\" + "\x1b[?62;22c")
        t.wait_for_raw(b"\x1b_Ga=T,f=100,", timeout=10)
        tail = t.raw[t.raw.index(b"\x1b_Ga=T"):]
        assert b"m=0;" in tail and b",q=2" in tail
        mark = len(t.raw)
        t.send("\x1b")
        end = time.monotonic() + 5
        while b"\x1b_Ga=d" not in t.raw[mark:] and time.monotonic() < end:
            t.pump(0.1)
        assert b"\x1b_Ga=d,d=I,i=" in t.raw[mark:], "the image is deleted when the preview closes"
        # A second preview asks nothing more: the finding is kept for the session.
        mark = len(t.raw)
        t.send("iv")
        t.wait_for_raw(b"\x1b_Ga=T,f=100,", timeout=10)
        assert QUERY not in t.raw[mark:]


def test_a_terminal_answering_da1_with_4_gets_sixel(server, tmp_path, image):
    with previewing(server, tmp_path, image) as t:
        t.send("\x1b[6;20;10t\x1b[?62;4;22c")
        end = time.monotonic() + 10
        while not re.search(rb"\x1bP0;1;0q\"1;1;\d+;\d+#", t.raw) and time.monotonic() < end:
            t.pump(0.1)
        m = re.search(rb"\x1bP0;1;0q\"1;1;(\d+);(\d+)#.*?\x1b\\", t.raw, re.S)
        assert m, t.raw[-400:]
        # 8×6 pixels fitted into the frame with 10×20-pixel cells keep their 4:3.
        w, h = int(m.group(1)), int(m.group(2))
        assert abs(w / h - 8 / 6) < 0.05, (w, h)
        # Planned in the 20-pixel rows the terminal reported (CSI 16 t), not the 8×16 guess.
        assert h % 20 == 0, (w, h)
        assert b"\x1b_Ga=T" not in t.raw


def test_iterm2_by_its_xtversion_gets_the_file_inline(server, tmp_path, image):
    with previewing(server, tmp_path, image) as t:
        t.send("\x1bP>|iTerm2 3.5.0\x1b\\" + "\x1b[?62;22c")
        t.wait_for_raw(b"\x1b]1337;File=inline=1;size=", timeout=10)
        assert re.search(rb"\x1b]1337;File=inline=1;size=\d+;width=\d+;height=\d+;preserveAspectRatio=1:iVBORw0KGgo[A-Za-z0-9+/=]+\x07",
                         t.raw)
        mark = len(t.raw)
        t.send("q")
        wait_gone(t, "Esc closes")
        assert b"\x1b_Ga=d" not in t.raw[mark:]
        assert b"\x1b[2J" in t.raw[mark:], "a full repaint takes the picture's pixels away"


def test_keys_in_the_same_burst_as_the_reply_still_act_and_the_reply_does_not(server, tmp_path, image):
    with previewing(server, tmp_path, image) as t:
        # q closes the preview, / opens the search box; inside a paste a fake "reply" (with 4,
        # which would mean sixel) is text; the real DA1 arrives among typed keys.
        t.send("q/" + "\x1b[200~ab\x1b[?6;4c\x1b[201~" + "xy" + "\x1b[?62;22c" + "z")
        t.wait_for("ab[?6;4cxyz", timeout=10)
        assert "62;22" not in t.text()
        # The real reply decided: half blocks, not sixel.
        t.send("\x1b")
        wait_gone(t, "ab[?6;4cxyz")
        t.send("iv")
        t.wait_for("▀", timeout=10)
        assert b"\x1bP0;1;0q" not in t.raw


def test_no_answer_means_half_blocks_after_a_second(server, tmp_path, image):
    with previewing(server, tmp_path, image) as t:
        started = time.monotonic()
        t.wait_for("▀", timeout=5)
        assert time.monotonic() - started >= 0.8, "half blocks only once the probe timed out"
        t.send("q")
        wait_gone(t, "▀")
        assert "▀" not in t.text() and "[image] 8×6" in t.text()


# ---- Issue 23: hostile images cost bounded memory -------------------------------------------------

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from hostile_images import coefficient_bomb_jpeg, text_bomb_png  # noqa: E402

PEAK_RSS_LIMIT_MB = 100


def peak_rss_mb(pid):
    """The process's peak resident memory so far (VmHWM), in MB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


# High 1: 40 zTXt chunks of 7.9 MB each (~310 KB of file) took ~320 MB; Medium 4: an 8192×8192
# progressive JPEG (384 KB) took ~400 MB for its coefficient buffer, though decoded at 1/8.
@pytest.mark.parametrize("name, data, shows", [
    ("text-bomb.png", lambda: text_bomb_png(40), "▀"),
    ("coefficients.jpg", coefficient_bomb_jpeg, "8192×8192, too large to preview"),
])
def test_a_hostile_image_previews_within_100_mb(server, tmp_path, name, data, shows):
    path = tmp_path / name
    path.write_bytes(data())
    alice = logged_in_as(server, tmp_path, "alice")
    with TUI(["--config-dir", alice], rows=30, cols=100) as t:
        post_image_in_tui(t, path, shows="[image]")
        t.send("iv")
        t.wait_for_raw(DA1_QUERY, timeout=10)
        t.send("\x1b[?62;22c")   # DA1 without graphics: half blocks
        # Decoded (a picture) or refused: then the memory is measured, then what it showed.
        end = time.monotonic() + 60
        while not any(done in t.text() for done in ("▀", "too large")) and time.monotonic() < end:
            t.pump(0.1)
        peak = peak_rss_mb(t.pid)
        print(f"{name}: peak RSS {peak:.0f} MB")
        assert peak < PEAK_RSS_LIMIT_MB, f"peak RSS {peak:.0f} MB previewing {name}"
        assert shows in t.text()


def test_repeated_preview_and_esc_decode_one_image_at_a_time_within_100_mb(server, tmp_path):
    """`i v Esc` three times then `i v`: each closed preview's decode stops, a new one waits for
    the last to end (before: every one ran to the end at once, 1.4 GB for two of the issue's)."""
    path = tmp_path / "text-bomb.png"
    path.write_bytes(text_bomb_png(40))
    alice = logged_in_as(server, tmp_path, "alice")
    with TUI(["--config-dir", alice], rows=30, cols=100) as t:
        post_image_in_tui(t, path, shows="[image]")
        t.send("iv")
        t.wait_for_raw(DA1_QUERY, timeout=10)
        t.send("\x1b[?62;22c")
        for _ in range(3):
            t.send("\x1b")
            t.pump(0.2)
            t.send("iv")
            t.pump(0.2)
        t.wait_for("▀", timeout=60)
        peak = peak_rss_mb(t.pid)
        assert peak < PEAK_RSS_LIMIT_MB, f"peak RSS {peak:.0f} MB"
