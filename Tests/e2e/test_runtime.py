"""The terminal runtime, end to end: the real `pumptui debug-keys` in a pseudo-terminal.

The terminal-safety tests (signals, hang-up, crash) take `build_binary` and run once against
the debug and once against the release binary: the crash reset once worked only in debug."""
import os
import shutil
import signal
import subprocess
import termios
import time

import pytest

from tui import BINARY, TUI, decode_qr_on_screen, colour_sgr

pytestmark = pytest.mark.skipif(not os.path.exists(BINARY), reason=f"{BINARY} not built (swift build)")


def tput(cap):
    return subprocess.run(["tput", "-T", "xterm-256color", cap], capture_output=True).stdout


def start(**kw):
    t = TUI(["debug-keys"], **kw)
    t.wait_for("debug-keys")
    return t


def test_resize_is_delivered_with_the_new_size():
    with start() as t:
        t.wait_for("debug-keys 80x24")
        t.resize(30, 100)
        t.wait_for("resize 100x30")
        t.wait_for("debug-keys 100x30")
        t.resize(20, 60)
        t.wait_for("debug-keys 60x20")


def test_bracketed_paste_is_one_event_and_q_does_not_quit():
    with start() as t:
        t.wait_for_raw(b"\x1b[?2004h")
        t.paste("q-in-paste")
        t.wait_for('paste "q-in-paste"')
        t.wait_for("text: q-in-paste")
        assert "key char(\"q\")" not in t.text()
        assert t.child.isalive()
        t.send("q")
        assert t.wait_exit() == 0


def test_typed_keys_and_function_keys():
    with start() as t:
        t.send("ab")
        t.key("Backspace")
        t.key("Up")
        t.key("BTab")
        t.wait_for("key backTab")
        for line in ['key char("a")', 'key char("b")', "key backspace", "key up"]:
            assert line in t.text()
        assert "text: a " in t.text() + " "


def test_q_quits_and_prints_the_farewell_on_the_normal_screen():
    with start() as t:
        t.send("q")
        assert t.wait_exit() == 0
        tail = t.raw.split(tput("rmcup"))[-1]
        assert b"debug-keys: bye" in tail


def test_sigterm_restores_the_terminal_and_exits_143(build_binary):
    with start(binary=build_binary) as t:
        t.send("x")
        t.wait_for('key char("x")')
        t.signal(signal.SIGTERM)
        fd = t.child.child_fd
        # Read the terminal's modes through the master side before pexpect closes it.
        end = time.monotonic() + 5
        while not t.eof and time.monotonic() < end:
            t.pump(0.1)
        lflag = termios.tcgetattr(fd)[3]
        assert lflag & termios.ECHO and lflag & termios.ICANON, "echo/line mode not restored"
        assert t.wait_exit() == 143
        assert t.raw.endswith(b"\x1b[?2004l"), t.raw[-120:]
        tail = t.raw[-200:]
        assert tput("rmcup") in tail and tput("cnorm") in tail, tail


def test_sigint_exits_130(build_binary):
    with start(binary=build_binary) as t:
        t.child.sendintr()          # Ctrl-C through the line discipline: a real SIGINT
        assert t.wait_exit() == 130
        assert t.raw.endswith(b"\x1b[?2004l")


def test_sigquit_exits_131(build_binary):
    with start(binary=build_binary) as t:
        t.signal(signal.SIGQUIT)
        assert t.wait_exit() == 131


def test_hang_up_with_sighup_ignored_exits_quickly_without_spinning(build_binary):
    t = TUI(["debug-keys"], ignore_sighup=True, binary=build_binary)
    t.wait_for("debug-keys")
    pid = t.pid
    with open(f"/proc/{pid}/status") as f:
        ignored = int(next(l for l in f if l.startswith("SigIgn:")).split()[1], 16)
    assert ignored & (1 << (signal.SIGHUP - 1)), "wrapper did not ignore SIGHUP"
    os.close(t.child.child_fd)      # the terminal goes away, as when an SSH session drops
    start_time = time.monotonic()
    status = None
    while time.monotonic() - start_time < 2.0:
        got, status, usage = os.wait4(pid, os.WNOHANG)
        if got == pid:
            break
        time.sleep(0.05)
    else:
        ticks = open(f"/proc/{pid}/stat").read().split()[13:15]
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail(f"still running 2 s after hang-up (utime/stime ticks {ticks})")
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 129, status
    # Spinning for the time it took to notice would show as CPU time close to wall time.
    assert usage.ru_utime + usage.ru_stime < 0.8, (usage.ru_utime, usage.ru_stime)


def test_f2_copies_hello_with_osc52():
    with start() as t:
        t.key("F2")
        t.wait_for("notice copied")
        assert b"\x1b]52;c;aGVsbG8=\x07" in t.raw


def test_f2_inside_tmux_is_plain_osc52():
    # tmux drops the DCS passthrough wrapper unless allow-passthrough is on (it is off by default).
    with start(env={"TMUX": "/tmp/tmux-test/default,1,0"}) as t:
        t.key("F2")
        t.wait_for("notice copied")
        assert b"\x1b]52;c;aGVsbG8=\x07" in t.raw
        assert b"\x1bPtmux;" not in t.raw


def test_f3_shows_plain_text_and_returns_on_enter():
    with start() as t:
        t.key("F3")
        t.wait_for("Press Enter to return")
        assert "https://pump.example/oauth/authorize?oauth_token=AbCdEfGhIjKlMnOpQrStUv" in t.text()
        t.key("Enter")
        t.wait_for("notice plainShown")
        t.wait_for("debug-keys 80x24")
        t.paste("still-bracketed")
        t.wait_for('paste "still-bracketed"')


def test_no_color_emits_no_colour_sgr():
    with start(env={"NO_COLOR": "1"}) as t:
        t.send("abc")
        t.key("F5")
        t.wait_for("█")
        t.send("q")
        assert t.wait_exit() == 0
        assert colour_sgr(t.raw) == []
        assert b"\x1b[1m" in t.raw or b";1m" in t.raw, "attributes (bold title) should remain"


def test_colour_is_emitted_without_no_color():
    # The check above must be able to fail: the same run in colour does emit colour SGR.
    with start() as t:
        t.send("q")
        assert t.wait_exit() == 0
        assert colour_sgr(t.raw) != []


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg missing (Debian zbar-tools)")
def test_f5_qr_code_on_screen_decodes(tmp_path):
    with start(rows=40, cols=100) as t:
        t.key("F5")
        t.wait_for("█████")
        t.pump(0.3)
        assert decode_qr_on_screen(t.rows(), tmp_path) == "https://pump.example/oauth/authorize?oauth_token=AbCdEfGhIjKlMnOpQrStUv"


def test_dumb_terminal_and_pipes_are_refused():
    with TUI(["debug-keys"], term="dumb") as t:
        assert t.wait_exit() == 2
    r = subprocess.run([BINARY, "debug-keys"], stdin=subprocess.DEVNULL, capture_output=True, timeout=10)
    assert r.returncode == 2 and b"needs a terminal" in r.stderr


def test_crash_restores_the_terminal(build_binary):
    with TUI(["debug-keys", "--crash-on-f12"], binary=build_binary) as t:
        t.wait_for("debug-keys")
        t.key("F12")
        fd = t.child.child_fd
        end = time.monotonic() + 20
        while not t.eof and time.monotonic() < end:
            t.pump(0.1)
        lflag = termios.tcgetattr(fd)[3]
        assert lflag & termios.ECHO and lflag & termios.ICANON, "echo/line mode not restored"
        code = t.wait_exit(timeout=20)
        assert code in (128 + signal.SIGILL, 128 + signal.SIGTRAP), code
        assert b"\x1b[?2004l" in t.raw.split(b"Fatal error")[-1], t.raw[-300:]


def test_typing_in_a_text_line_costs_few_bytes():
    with TUI(["debug-keys", "--text-only"]) as t:
        t.wait_for("text:")
        t.pump(0.3)
        before = len(t.raw)
        word = "verifier-ABCDEFGHIJ"
        for ch in word:
            t.send(ch)
            t.pump(0.03)
        t.wait_for("text: " + word)
        t.pump(0.2)
        per_char = (len(t.raw) - before) / len(word)
        assert per_char <= 12, (per_char, t.raw[before:])


def test_utf8_works_even_without_a_locale():
    with start(env={"LANG": "", "LC_ALL": "", "LC_CTYPE": ""}) as t:
        t.paste("日本é")
        t.wait_for('paste "日本é"')
        t.send("ü")
        t.wait_for('key char("ü")')
        t.wait_for("text: 日本éü")


def test_hang_up_with_sighup_handled_exits_129(build_binary):
    t = TUI(["debug-keys"], binary=build_binary)
    t.wait_for("debug-keys")
    pid = t.pid
    os.close(t.child.child_fd)      # the kernel sends SIGHUP to the session
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        got, status, usage = os.wait4(pid, os.WNOHANG)
        if got == pid:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("still running 2 s after hang-up")
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 129, status
