"""Faults and secrets end to end (issue 6): every CLI command, in success and under each server
fault, ends with a clear message and never prints a token or secret; neither does the login in a
pseudo-terminal."""
import json
import re
import time
from pathlib import Path

import pytest

from test_hostile import BINARY, Server, credentials, login, run  # noqa: F401 (BINARY: skip marker)
from tui import TUI

pytestmark = pytest.mark.skipif(not Path(BINARY).exists(), reason=f"{BINARY} not built (swift build)")


@pytest.fixture
def session(tmp_path):
    server = Server(users="alice")
    config = tmp_path / "alice"
    try:
        out = login(server, "alice", config)
        yield server, config, out
    finally:
        server.stop()


def secrets_of(server, config):
    _, client_secret, token, token_secret = credentials(server, "alice", config)
    return {"client secret": client_secret, "token": token, "token secret": token_secret}


def assert_no_secret(out: bytes, secrets, what):
    for name, value in secrets.items():
        assert value.encode() not in out, f"the {name} appears in the output of {what}"


def fault(server, mode, count=1):
    server.control("/_test/fault", {"mode": mode, "path_prefix": "/api/", "count": count})


def test_every_command_keeps_secrets_out_of_its_output(session):
    server, config, login_out = session
    secrets = secrets_of(server, config)
    assert_no_secret(login_out, secrets, "login")
    account = server.account("alice")
    outputs = {
        "accounts": run(["accounts"], config),
        "inbox": run(["inbox"], config),
        "post": run(["post", "hello from the secrets test"], config),
        "inbox --account": run(["inbox", "--account", account], config),
        "login (no verifier)": run(["login", "--no-tui", account], config, input=b""),
        "bad account": run(["inbox", "--account", "nobody@127.0.0.1:1"], config),
        "tui without a terminal": run([account], config),
    }
    for what, (_, out) in outputs.items():
        assert_no_secret(out, secrets, what)
    assert outputs["accounts"][0] == 0 and account.encode() in outputs["accounts"][1]
    assert outputs["post"][0] == 0
    # Logout last: it removes the credentials (read above).
    status, out = run(["logout", account], config)
    assert_no_secret(out, secrets, "logout")


# mode -> a word the message must contain (clear, distinct messages).
FAULT_MESSAGES = {
    "html500": "HTTP 500",
    "badjson": "malformed or truncated JSON",
    "truncated": "malformed or truncated JSON",
    "wrongtype": "Expected JSON",
    "huge": "larger than 8 MiB",
    "redirectloop": "too many redirects",
    "redirect-other-host": "redirect to another host",
}


@pytest.mark.parametrize("mode", sorted(FAULT_MESSAGES))
def test_inbox_under_a_fault_fails_clearly_without_secrets(session, mode):
    server, config, _ = session
    secrets = secrets_of(server, config)
    fault(server, mode, count=None if mode == "redirectloop" else 1)
    status, out = run(["inbox"], config, timeout=60)
    assert status != 0
    assert FAULT_MESSAGES[mode].lower().encode() in out.lower(), out.decode(errors="replace")
    assert_no_secret(out, secrets, f"inbox under {mode}")
    assert b"\x1b" not in out
    server.control("/_test/fault", {"mode": "none"})
    # The stored login is untouched: the next call works.
    status, out = run(["inbox"], config)
    assert status == 0, out.decode(errors="replace")


def test_revoked_token_says_log_in_again_and_keeps_the_files(session):
    server, config, _ = session
    secrets = secrets_of(server, config)
    before = {p: p.read_bytes() for p in Path(config).rglob("*.json")}
    server.control("/_test/revoke-access-tokens")
    status, out = run(["inbox"], config)
    assert status != 0
    assert b"log in again" in out, out.decode(errors="replace")
    assert_no_secret(out, secrets, "inbox with a revoked token")
    after = {p: p.read_bytes() for p in Path(config).rglob("*.json")}
    assert after == before


def test_server_gone_says_connection_refused(session):
    server, config, _ = session
    server.stop()
    status, out = run(["inbox"], config)
    assert status != 0
    assert b"connection refused" in out, out.decode(errors="replace")


def test_login_in_a_terminal_never_shows_the_secrets(tmp_path):
    """The login (full-screen when it exists, else line mode) in a pty: its bytes never carry
    the access token, token secret or client secret it ends up storing."""
    server = Server(users="alice")
    config = tmp_path / "alice"
    try:
        with TUI(["login", server.account("alice"), "--config-dir", str(config)], rows=40, cols=200) as t:
            deadline = time.time() + 20
            url = None
            while url is None and time.time() < deadline and not t.eof:
                t.pump(0.2)
                m = re.search(rb"http://127\.0\.0\.1:\d+/oauth/authorize\?oauth_token=[A-Za-z0-9%._~-]+", t.raw)
                url = m.group(0).decode() if m else None
            assert url, "no authorize URL written:\n" + t.text()
            import subprocess
            from test_hostile import PYTHON, ROOT
            verifier = subprocess.run([PYTHON, str(ROOT / "testserver/approve.py"), url, "--user", "alice"],
                                      capture_output=True, text=True, check=True).stdout.strip()
            t.send(verifier + "\r")
            deadline = time.time() + 20
            while not (Path(config) / "accounts" / f"{server.account('alice')}.json").exists() and time.time() < deadline:
                t.pump(0.2)
            t.pump(1.0)
            secrets = secrets_of(server, config)
            assert_no_secret(t.raw, secrets, "the login in a terminal")
    finally:
        server.stop()
