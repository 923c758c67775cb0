"""Hostile content end to end (issue 6): bob posts every payload of the fixture corpus (escape
sequences, C1 controls, bidi overrides, a 10 000-character name) and sets them as his display name;
alice's `pumptui inbox` and full-screen timeline must write none of them to the terminal.

Also home of the e2e server/login helpers that test_faults.py reuses."""
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from oauthlib import oauth1

from tui import BINARY, TUI

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PAYLOADS = json.loads((ROOT / "Tests/PumpCoreTests/Fixtures/payloads.json").read_text())

pytestmark = pytest.mark.skipif(not os.path.exists(BINARY), reason=f"{BINARY} not built (swift build)")

# Bytes a terminal would act on. UTF-8 encodings of C1 controls are \xc2\x80-\xc2\x9f.
FORBIDDEN = {
    "ESC": b"\x1b", "BEL": b"\x07", "C1 CSI": "\u009b".encode(), "C1 OSC": "\u009d".encode(),
    "C1 DCS": "\u0090".encode(), "RLO": "\u202e".encode(), "LRO": "\u202d".encode(),
    "LRE": "\u202a".encode(), "RLE": "\u202b".encode(), "PDF": "\u202c".encode(),
    "LRI": "\u2066".encode(), "RLI": "\u2067".encode(), "FSI": "\u2068".encode(), "PDI": "\u2069".encode(),
    "DEL": b"\x7f", "NUL": b"\x00", "BS": b"\x08",
}
C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
C0_EXCEPT_NEWLINE = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]")


class Server:
    """testserver/pumpserver.py (or `script`, a server started the same way) on a free loopback port."""

    def __init__(self, users="alice,bob", script="testserver/pumpserver.py"):
        self.proc = subprocess.Popen([PYTHON, str(ROOT / script), "--port", "0", "--users", users],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()
        m = re.match(r"pumpserver listening on (http://127\.0\.0\.1:(\d+))", line)
        assert m, f"server did not start: {line!r}"
        self.url, self.port = m.group(1), int(m.group(2))

    def account(self, nick):
        return f"{nick}@127.0.0.1:{self.port}"

    def control(self, path, payload=None):
        req = urllib.request.Request(self.url + path, data=json.dumps(payload or {}).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=5) as r:
            return json.loads(r.read() or b"null")

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def run(args, config_dir, input=None, timeout=30, env=None):
    """Runs the pumptui CLI; returns (exit status, stdout+stderr bytes)."""
    full_env = dict(os.environ, LANG="C.UTF-8", **(env or {}))
    p = subprocess.run([BINARY, *args, "--config-dir", str(config_dir)], input=input, capture_output=True,
                       timeout=timeout, env=full_env)
    return p.returncode, p.stdout + p.stderr


def login(server, nick, config_dir):
    """`pumptui login --no-tui`, approving as `nick` with testserver/approve.py."""
    p = subprocess.Popen([BINARY, "login", "--no-tui", server.account(nick), "--config-dir", str(config_dir)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = None
    deadline = time.time() + 30
    while url is None and time.time() < deadline:
        line = p.stdout.readline()
        if not line:
            break
        if line.startswith(b"http"):
            url = line.decode().strip()
    assert url, "login printed no authorize URL"
    verifier = subprocess.run([PYTHON, str(ROOT / "testserver/approve.py"), url, "--user", nick],
                              capture_output=True, text=True, check=True).stdout.strip()
    out, err = p.communicate(verifier.encode() + b"\n", timeout=30)
    assert p.returncode == 0, (out + err).decode(errors="replace")
    return out + err


def alice_and_bob_logged_in(tmp):
    """A new server with alice and bob logged in (config directories tmp/alice, tmp/bob): (server,
    alice's directory, bob's, alice's id, for notes bob sends her). The caller stops the server."""
    server = Server()
    try:
        alice, bob = Path(tmp) / "alice", Path(tmp) / "bob"
        login(server, "alice", alice)
        login(server, "bob", bob)
        return server, alice, bob, signed(server, "bob", bob, "GET", "/api/user/alice/profile")["id"]
    except BaseException:
        server.stop()
        raise


def credentials(server, nick, config_dir):
    """(client id, client secret, token, token secret) as pumptui stored them."""
    account = json.loads((Path(config_dir) / "accounts" / f"{server.account(nick)}.json").read_text())
    client = json.loads((Path(config_dir) / "clients" / f"127.0.0.1:{server.port}.json").read_text())
    return client["clientID"], client["clientSecret"], account["token"], account["tokenSecret"]


def signed(server, nick, config_dir, method, path, payload=None):
    """A signed API call as `nick` (oauthlib), bypassing pumptui: the server stores what we send verbatim."""
    ck, cs, t, ts = credentials(server, nick, config_dir)
    client = oauth1.Client(ck, client_secret=cs, resource_owner_key=t, resource_owner_secret=ts)
    body = json.dumps(payload).encode() if payload is not None else None
    headers = {"Content-Type": "application/json"} if body is not None else {}
    uri, headers, _ = client.sign(server.url + path, http_method=method, headers=headers)
    req = urllib.request.Request(uri, data=body, method=method, headers=headers)
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


def assert_terminal_safe(data: bytes, where: str):
    for name, seq in FORBIDDEN.items():
        assert seq not in data, f"{name} from server content reached {where}"
    assert not C1_UTF8.search(data), f"a C1 control reached {where}"
    assert not C0_EXCEPT_NEWLINE.search(data), f"a C0 control reached {where}"


@pytest.fixture
def hostile(tmp_path):
    """A server where bob (display name: a payload) has sent alice one note per payload."""
    server = Server()
    # alice's directory is also the default one under XDG_CONFIG_HOME=tmp/xdg, so the full-screen
    # client finds her without options.
    alice_dir, bob_dir = tmp_path / "xdg" / "pumptui", tmp_path / "bob"
    try:
        login(server, "alice", alice_dir)
        login(server, "bob", bob_dir)
        alice_id = signed(server, "bob", bob_dir, "GET", "/api/user/alice/profile")["id"]
        signed(server, "bob", bob_dir, "PUT", "/api/user/bob/profile",
               {"displayName": "Bob\u202e\x1b]0;owned\x07\x1b[2J" + "B" * 10000})
        for i, p in enumerate(PAYLOADS):
            signed(server, "bob", bob_dir, "POST", "/api/user/bob/feed", {
                "verb": "post", "to": [{"objectType": "person", "id": alice_id}],
                "object": {"objectType": "note", "content": f"<p>P{i:02}:{p['payload']}:{i:02}P</p>"}})
        yield server, alice_dir
    finally:
        server.stop()


def test_inbox_output_carries_no_control_sequences(hostile):
    server, alice_dir = hostile
    status, out = run(["inbox", "--count", "100"], alice_dir)
    assert status == 0, out.decode(errors="replace")
    # The posts are there (so the check below is not vacuous)...
    for i in range(len(PAYLOADS)):
        assert f"P{i:02}:".encode() in out, f"post {i} missing from the inbox output"
    # ...but nothing a terminal would act on.
    assert_terminal_safe(out, "`pumptui inbox`")
    # The 10 000-character name and words are cut, not dumped.
    assert b"B" * 1000 not in out
    assert b"A" * 1000 not in out


TIMELINE_FORBIDDEN = [b"\x1b]52", b"\x1b]0;owned", b"\x1b]0;pwned", b"\x1b]8;;https://evil", b"\x1bP",
                      b"\x1b[6n", b"\x1bc", "\u009b".encode(), "\u202e".encode()]


def test_timeline_screen_writes_none_of_the_payloads(hostile):
    """Raw pty bytes of the full-screen timeline contain none of the payload sequences.
    Skipped until the client screen shows a timeline (it shows bob's posts within 10 s)."""
    server, alice_dir = hostile
    with TUI([server.account("alice")], rows=40, cols=120, env={"XDG_CONFIG_HOME": str(alice_dir.parent)}) as t:
        deadline = time.time() + 10
        while time.time() < deadline and "P2" not in t.text() and not t.eof:
            t.pump(0.2)
        if "P2" not in t.text():
            pytest.skip("the full-screen client shows no timeline yet")
        t.pump(1.0)
        for seq in TIMELINE_FORBIDDEN:
            assert seq not in t.raw, f"{seq!r} from server content reached the terminal"
        t.key("Escape")
