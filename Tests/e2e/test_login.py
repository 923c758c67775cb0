"""The full-screen login (issue 4), end to end: the real binary in a pty against testserver."""
import base64
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time

import pytest

from conftest import PumpServer, approve
from tui import BINARY, ROOT, TUI, decode_qr_on_screen, colour_sgr

pytestmark = pytest.mark.skipif(not os.path.exists(BINARY), reason=f"{BINARY} not built (swift build)")


@pytest.fixture
def server():
    s = PumpServer()
    yield s
    s.stop()


def screen_url(t):
    """Joins the URL rows: the row starting with http:// and the full-width rows continuing it."""
    rows = t.rows()
    for i, row in enumerate(rows):
        if row.startswith("http://"):
            url = row.rstrip(" ")
            j = i
            while len(rows[j].rstrip(" ")) == t.screen.columns and j + 1 < len(rows) and rows[j + 1].strip():
                j += 1
                url += rows[j].rstrip(" ")
            assert " " not in url
            return url
    raise AssertionError("no URL on screen:\n" + t.text())


def start_login(server, config, rows=24, cols=80, env=None, user="alice"):
    t = TUI([server.account(user), "--config-dir", str(config)], rows=rows, cols=cols, env=env)
    t.wait_for("Please authorize pumptui", timeout=15)
    t.wait_for("[ Submit ]")
    return t


def finish_login(t, url, user="alice"):
    t.paste(approve(url, user))
    t.wait_for("Verifier: ")
    t.key("Enter")
    t.wait_for("Logged in as", timeout=15)


def assert_private(config):
    st = os.stat(config)
    assert stat.S_IMODE(st.st_mode) == 0o700
    files = []
    for dirpath, dirnames, filenames in os.walk(config):
        for d in dirnames:
            assert stat.S_IMODE(os.stat(os.path.join(dirpath, d)).st_mode) == 0o700
        for f in filenames:
            files.append(f)
            assert stat.S_IMODE(os.stat(os.path.join(dirpath, f)).st_mode) == 0o600, f
    assert files


def test_login_paste_submit_and_stored_credentials(server, tmp_path):
    config = tmp_path / "config"
    with start_login(server, config) as t:
        url = screen_url(t)
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/oauth/authorize\?oauth_token=\S+", url), url
        finish_login(t, url)
        assert "alice@127.0.0.1" in t.text()
        t.wait_for("q quit", timeout=5)       # continued into the home/client screen
        t.send("q")
        assert t.wait_exit() == 0
    assert_private(config)
    # A second start with stored credentials goes straight to the client.
    with TUI([server.account(), "--config-dir", str(config)]) as t:
        t.wait_for("Logged in as", timeout=10)
        assert "Please authorize" not in t.text()
        t.send("q")
        assert t.wait_exit() == 0


def test_a_guess_before_approving_does_not_lock_the_login(strict_server, tmp_path):
    server = strict_server
    # Issue 10: a wrong verifier typed before the browser step made the test server answer
    # "expired or was used", and the right verifier was refused after approving.
    with start_login(server, tmp_path / "c") as t:
        url = screen_url(t)
        t.paste("GuessGuessGuessGuess__")
        t.key("Enter")
        t.wait_for("Wrong verifier", timeout=10)
        right = approve(url)
        for _ in range(22):
            t.key("Backspace")
        t.paste(right)
        t.key("Enter")
        t.wait_for("Logged in as", timeout=15)
        t.wait_for("Enter continue")                 # the footer of this step, not the login's
        assert "F2 copy" not in t.rows()[-1]
        t.send("n")                                  # a key here goes on to the client: the editor
        t.wait_for("^D send", timeout=10)


def test_wrong_verifier_keeps_the_text_then_the_right_one_works(strict_server, tmp_path):
    server = strict_server
    with start_login(server, tmp_path / "c") as t:
        url = screen_url(t)
        right = approve(url)                   # approved: now a wrong verifier is "wrong", not "expired"
        t.paste("WrongWrongWrongWrong__")
        t.key("Enter")
        t.wait_for("Wrong verifier", timeout=10)
        assert "Verifier: WrongWrongWrongWrong__" in t.text()
        for _ in range(22):
            t.key("Backspace")
        t.paste(right)
        t.key("Enter")
        t.wait_for("Logged in as", timeout=15)


def test_f2_copies_the_url_with_osc52(server, tmp_path):
    with start_login(server, tmp_path / "c") as t:
        url = screen_url(t)
        t.key("F2")
        payload = base64.b64encode(url.encode()).decode()
        t.wait_for_raw(b"\x1b]52;c;" + payload.encode())
        t.wait_for("Sent the URL to the terminal")


def test_no_color_emits_no_colour(server, tmp_path):
    with start_login(server, tmp_path / "c", env={"NO_COLOR": "1"}) as t:
        t.key("Escape")
        t.wait_for("Cancel the login?")
        t.send("y")
        t.wait_exit()
        assert colour_sgr(t.raw) == []


def test_sixty_columns(server, tmp_path):
    with start_login(server, tmp_path / "c", rows=20, cols=60) as t:
        url = screen_url(t)
        assert len(url) > 60                  # really wrapped at the edge
        finish_login(t, url)


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg missing (Debian zbar-tools)")
def test_f5_qr_code_decodes_to_the_url(server, tmp_path):
    with start_login(server, tmp_path / "c", rows=50, cols=110) as t:
        url = screen_url(t)
        t.key("F5")
        t.wait_for("Any key closes")
        t.pump(0.3)
        assert decode_qr_on_screen(t.rows(), tmp_path) == url
        t.send("x")                            # any key closes
        t.wait_for("[ Submit ]")


def test_quitting_prints_the_url_on_the_normal_screen(server, tmp_path):
    rmcup = subprocess.run(["tput", "-T", "xterm-256color", "rmcup"], capture_output=True).stdout
    with start_login(server, tmp_path / "c") as t:
        url = screen_url(t)
        t.key("Tab")                           # off the text box: q is a key, not text
        t.send("q")
        t.wait_for("Cancel the login?")
        t.send("y")
        assert t.wait_exit() == 1
        tail = t.raw.split(rmcup)[-1]
        assert url.encode() in tail


def test_login_subcommand_uses_the_full_screen(server, tmp_path):
    config = tmp_path / "c"
    with TUI(["login", server.account(), "--config-dir", str(config)]) as t:
        t.wait_for("Please authorize pumptui", timeout=15)
        finish_login(t, screen_url(t))
        assert t.wait_exit(10) == 0
        assert b"Logged in as alice@127.0.0.1" in t.raw
    assert_private(config)


def test_demo_approve_prints_the_verifier_for_the_waiting_login(server, tmp_path):
    # scripts/demo.sh writes the server URL where scripts/demo-approve finds it ($TMPDIR).
    (tmp_path / "pumptui-demo.url").write_text(server.base + "\n")
    with start_login(server, tmp_path / "c") as t:
        out = subprocess.run(["bash", os.path.join(ROOT, "scripts", "demo-approve")],
                             capture_output=True, text=True, timeout=30, env=dict(os.environ, TMPDIR=str(tmp_path), PUMPTUI_PYTHON=sys.executable))
        assert out.returncode == 0, out.stderr
        verifier = out.stdout.strip().removeprefix("Verifier: ")
        assert re.fullmatch(r"[A-Za-z0-9_-]{22}", verifier), out.stdout
        t.send(verifier)                       # typed, as after Ctrl-Z / fg (no bracketed paste)
        t.key("Enter")
        t.wait_for("Logged in as", timeout=15)


def test_no_account_asks_for_one_then_logs_in(server, tmp_path):
    with TUI(["--config-dir", str(tmp_path / "c"), "--theme", "no-such-theme"]) as t:
        t.wait_for("Account:")
        t.wait_for("Unknown theme 'no-such-theme'")          # the theme warning on the status line
        t.send("alice@")
        t.wait_for("the host after '@' is empty")            # validated as typed
        t.send(f"127.0.0.1:{server.port}")
        t.wait_for(": press Enter to log in.")
        t.key("Enter")
        t.wait_for("Please authorize pumptui", timeout=15)
        finish_login(t, screen_url(t))


def test_no_tui_with_stored_credentials_points_to_line_mode_commands(server, tmp_path):
    config = tmp_path / "c"
    with start_login(server, config) as t:
        finish_login(t, screen_url(t))
    out = subprocess.run([BINARY, server.account(), "--config-dir", str(config), "--no-tui"],
                         capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert out.returncode == 0, out.stderr
    assert "is logged in" in out.stdout and "pumptui inbox" in out.stdout


def test_after_stop_and_continue_paste_is_bracketed_again(server, tmp_path):
    with start_login(server, tmp_path / "c") as t:
        url = screen_url(t)
        before = t.raw.count(b"\x1b[?2004h")
        t.signal(signal.SIGTSTP)               # Ctrl-Z (ncurses leaves full-screen mode)
        t.pump(0.5)
        t.signal(signal.SIGCONT)               # fg
        end = time.monotonic() + 5
        while t.raw.count(b"\x1b[?2004h") <= before and time.monotonic() < end:
            t.pump(0.1)
        assert t.raw.count(b"\x1b[?2004h") > before
        t.wait_for("[ Submit ]")
        finish_login(t, url)


def test_demo_script_reaches_the_login_screen_and_logs_in(tmp_path):
    env = {"PUMPTUI_PYTHON": sys.executable, "TMPDIR": str(tmp_path)}
    with TUI([os.path.join(ROOT, "scripts", "demo.sh")], rows=30, cols=100, env=env,
             binary="/bin/bash") as t:
        t.wait_for("Press Enter to start pumptui", timeout=180)
        t.key("Enter")
        t.wait_for("Please authorize pumptui", timeout=15)
        out = subprocess.run(["bash", os.path.join(ROOT, "scripts", "demo-approve")], capture_output=True,
                             text=True, timeout=30, env=dict(os.environ, **env))
        assert out.returncode == 0, out.stderr
        t.paste(out.stdout.strip().removeprefix("Verifier: "))
        t.key("Enter")
        t.wait_for("Logged in as", timeout=15)
        t.wait_for("alice@127.0.0.1")


def test_ctrl_c_prints_the_url_on_the_normal_screen(server, tmp_path):
    rmcup = subprocess.run(["tput", "-T", "xterm-256color", "rmcup"], capture_output=True).stdout
    with start_login(server, tmp_path / "c") as t:
        url = screen_url(t)
        t.send("\x03")
        assert t.wait_exit() == 130
        assert url.encode() in t.raw.split(rmcup)[-1]
