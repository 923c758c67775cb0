"""Drive the real pumptui binary in a pseudo-terminal and look at it through pyte.

    with TUI(["debug-keys"], rows=24, cols=80) as t:
        t.wait_for("debug-keys 80x24")
        t.key("F2"); t.paste("verifier"); t.resize(30, 100)
        print(t.rows())      # the screen as text
        t.raw               # every byte the program wrote (escape sequences included)

Keys are sent the way xterm-256color sends them in keypad mode (tui-notes C7: Up is ESC O A,
not ESC [ A). Reused by every end-to-end test.
"""
import os
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

import pexpect
import pyte

ROOT = Path(__file__).resolve().parents[2]
# The build the tests run: PUMPTUI_BUILD_BIN, else the debug build. The test command
# (scripts/test.sh) sets it to its one build, the release one in .build-static that also made the
# unit tests and the archive; the fixtures (conftest.py: logins, run_pumptui) always use it.
BUILD_BINARY = os.environ.get("PUMPTUI_BUILD_BIN") or str(ROOT / ".build" / "debug" / "pumptui")
# The binary under test: PUMPTUI_BIN=/path runs the tests against another one (the old code's, to
# show a test fails there) while the fixtures still use the build's.
BINARY = os.environ.get("PUMPTUI_BIN") or BUILD_BINARY
# The terminal-safety tests (signals, hang-up, crash) also run against the binary users install:
# the packaged release build (scripts/test.sh runs scripts/package.sh).
def _built(config):
    """SwiftPM's `.build/<config>` link can be missing after builds of the other configuration;
    the binary itself is under `.build/<triple>/<config>`."""
    link = ROOT / ".build" / config / "pumptui"
    if link.exists():
        return str(link)
    found = sorted(ROOT.glob(f".build/*/{config}/pumptui"))
    return str(found[0]) if found else str(link)


def _release():
    """The release binary users install: the packaged one (scripts/package.sh, which the test
    command runs), else a plain `swift build -c release`."""
    packaged = sorted(ROOT.glob("dist/pumptui-*-linux-*/bin/pumptui"))
    return str(packaged[-1]) if packaged else _built("release")


RELEASE_BINARY = os.environ.get("PUMPTUI_RELEASE_BIN") or _release()
# The build under test, then the packaged binary (stripped): with the test command both come from
# one release build, elsewhere the first is the debug build. One entry when they are one file.
BUILDS = {"build": BINARY}
if os.path.realpath(RELEASE_BINARY) != os.path.realpath(BINARY):
    BUILDS["package"] = RELEASE_BINARY


def dynamic_swift_binary():
    """A program of this build that loads the toolchain's shared Swift runtime (test_package.py
    proves with it that the toolchain is hidden): the debug build, or, beside the test command's
    static release build, its unit-test executable (SwiftPM links tests with the shared runtime).
    None if neither is there."""
    for path in (BUILD_BINARY, *sorted(Path(BUILD_BINARY).parent.glob("*PackageTests.xctest"))):
        try:
            dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        if re.search(r"\(NEEDED\).*\[libswiftCore\.so", dynamic):
            return str(path)
    return None


# xterm-256color in keypad (application) mode.
KEYS = {
    "Up": "\x1bOA", "Down": "\x1bOB", "Right": "\x1bOC", "Left": "\x1bOD",
    "Home": "\x1bOH", "End": "\x1bOF", "PageUp": "\x1b[5~", "PageDown": "\x1b[6~",
    "Delete": "\x1b[3~", "Insert": "\x1b[2~", "Enter": "\r", "Tab": "\t", "BTab": "\x1b[Z",
    "Backspace": "\x7f", "Escape": "\x1b",
    "F1": "\x1bOP", "F2": "\x1bOQ", "F3": "\x1bOR", "F4": "\x1bOS", "F5": "\x1b[15~",
    "F6": "\x1b[17~", "F7": "\x1b[18~", "F8": "\x1b[19~", "F9": "\x1b[20~", "F10": "\x1b[21~", "F11": "\x1b[23~", "F12": "\x1b[24~",
}

# Sets SIGHUP to SIG_IGN and execs the program (same pid), like nohup or a shell that
# does not forward hang-ups.
IGNORE_SIGHUP = ["python3", "-c",
                 "import os,signal,sys; signal.signal(signal.SIGHUP, signal.SIG_IGN); "
                 "os.execv(sys.argv[1], sys.argv[1:])"]


class RepScreen(pyte.Screen):
    """pyte 0.8 lacks REP (CSI n b, "repeat the last character"), which ncurses uses with
    xterm-256color's terminfo; without it the test screen keeps stale cells."""

    def draw(self, data):
        super().draw(data)
        if data:
            self._last_char = data[-1]

    def repeat_last(self, count=1, *args, **kwargs):
        last = getattr(self, "_last_char", None)
        if last:
            super().draw(last * max(1, count))


    # pyte 0.8 also lacks SU/SD (CSI n S / CSI n T, "scroll the region up/down"), which ncurses
    # uses when a block of rows moves (a paragraph that grows by a line): without them the rows
    # below keep their old text. Same effect as pyte's own index/reverse_index, n times.
    def scroll_up(self, count=1, *args, **kwargs):
        self._scroll(count, up=True, private=kwargs.get("private"))

    def scroll_down(self, count=1, *args, **kwargs):
        self._scroll(count, up=False, private=kwargs.get("private"))

    def _scroll(self, count, up, private):
        if private:
            return
        top, bottom = self.margins or pyte.screens.Margins(0, self.lines - 1)
        rows = list(range(top, bottom + 1))
        order = rows if up else rows[::-1]
        self.dirty.update(range(self.lines))
        for _ in range(max(1, count)):
            for y, source in zip(order, order[1:]):
                self.buffer[y] = self.buffer[source]
            self.buffer.pop(order[-1], None)


class RepStream(pyte.ByteStream):
    csi = dict(pyte.ByteStream.csi, b="repeat_last", S="scroll_up", T="scroll_down")


class TUI:
    def __init__(self, args, rows=24, cols=80, env=None, term="xterm-256color", ignore_sighup=False,
                 binary=BINARY):
        full_env = dict(os.environ)
        full_env.pop("TMUX", None)
        full_env.pop("NO_COLOR", None)
        full_env.update({"TERM": term, "LANG": "C.UTF-8"})
        full_env.update(env or {})
        argv = [binary] + list(args)
        if ignore_sighup:
            argv = IGNORE_SIGHUP + argv
        self.child = pexpect.spawn(argv[0], argv[1:], dimensions=(rows, cols), env=full_env)
        self.screen = RepScreen(cols, rows)
        self.stream = RepStream(self.screen)
        self.raw = b""
        self.eof = False
        self.status = None

    # -- reading -----------------------------------------------------------------------------
    def pump(self, timeout=0.1):
        """Reads whatever arrives within `timeout` seconds into the screen and the raw log."""
        end = time.monotonic() + timeout
        while not self.eof:
            left = end - time.monotonic()
            try:
                data = self.child.read_nonblocking(65536, timeout=max(0.01, min(left, 0.05)))
            except pexpect.TIMEOUT:
                data = b""
            except pexpect.EOF:
                self.eof = True
                break
            if data:
                self.raw += data
                self.stream.feed(data)
            elif left <= 0:
                break

    def rows(self):
        return list(self.screen.display)

    def text(self):
        return "\n".join(self.rows())

    def wait_for(self, text, timeout=5.0):
        """Pumps until `text` is on the screen; fails the test with the screen otherwise."""
        end = time.monotonic() + timeout
        while True:
            if text in self.text():
                return
            if self.eof or time.monotonic() > end:
                raise AssertionError(f"{text!r} not on screen after {timeout}s:\n" + self.text())
            self.pump(0.05)

    def wait_for_raw(self, data: bytes, timeout=5.0):
        end = time.monotonic() + timeout
        while data not in self.raw:
            if self.eof or time.monotonic() > end:
                raise AssertionError(f"{data!r} not written after {timeout}s; tail: {self.raw[-300:]!r}")
            self.pump(0.05)

    # -- writing -----------------------------------------------------------------------------
    def send(self, text):
        """One write, as a terminal (or SSH) delivers a burst. A large one is written from a
        thread while the screen keeps being read, as a real terminal does: otherwise the
        program blocks writing its output and stops reading ours."""
        if len(text) < 2048:
            self.child.send(text)
            return
        writer = threading.Thread(target=self.child.send, args=(text,))
        writer.start()
        while writer.is_alive():
            self.pump(0.05)
        writer.join()

    def key(self, name, times=1):
        for _ in range(times):
            self.child.send(KEYS[name])

    def paste(self, text):
        """A bracketed paste, as a terminal sends it when the app enabled mode 2004."""
        self.send("\x1b[200~" + text + "\x1b[201~")

    def resize(self, rows, cols):
        self.screen.resize(rows, cols)
        self.child.setwinsize(rows, cols)

    # -- process -----------------------------------------------------------------------------
    @property
    def pid(self):
        return self.child.pid

    def signal(self, sig):
        os.kill(self.child.pid, sig)

    def wait_exit(self, timeout=5.0):
        """Reads until EOF and returns the exit code (128+n for a death by signal n)."""
        end = time.monotonic() + timeout
        while not self.eof and time.monotonic() < end:
            self.pump(0.1)
        while self.child.isalive() and time.monotonic() < end:
            time.sleep(0.02)
        if self.child.isalive():
            raise AssertionError("process still running after %ss" % timeout)
        self.child.close()
        if self.child.signalstatus is not None:
            return 128 + self.child.signalstatus
        return self.child.exitstatus

    def close(self):
        if not self.child.closed:
            try:
                self.child.close(force=True)
            except Exception:
                pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def decode_qr_on_screen(rows, workdir):
    """Turns half-block QR rows read off the screen back into an image and decodes it with
    zbarimg; returns the decoded text ("" when nothing decodes)."""
    rows = [r for r in rows if r.strip() and set(r.strip()) <= set("█▀▄ ")]
    left = min(len(r) - len(r.lstrip(" ")) for r in rows)
    rows = [r[left:] for r in rows]
    width = max(len(r.rstrip(" ")) for r in rows)
    img = []
    for r in rows:
        r = r[:width].ljust(width)
        img.append([c in "█▀" for c in r])   # upper half of the cell
        img.append([c in "█▄" for c in r])   # lower half
    scale = 4
    pgm = Path(workdir) / "qr.pgm"
    with open(pgm, "wb") as f:
        f.write(b"P5\n%d %d\n255\n" % (width * scale, len(img) * scale))
        for row in img:
            f.write(b"".join((b"\xff" if v else b"\x00") * scale for v in row) * scale)
    out = subprocess.run(["zbarimg", "--raw", "-q", str(pgm)], capture_output=True, text=True)
    return out.stdout.strip()


def colour_sgr(raw: bytes):
    """SGR sequences that set a colour (30–49, 90–107, 38;5 / 48;5): NO_COLOR must emit none."""
    found = []
    for m in re.finditer(rb"\x1b\[([0-9;:]*)m", raw):
        params = [p for p in re.split(rb"[;:]", m.group(1)) if p]
        if any(30 <= int(p) <= 49 or 90 <= int(p) <= 107 for p in params):
            found.append(m.group(0))
    return found
