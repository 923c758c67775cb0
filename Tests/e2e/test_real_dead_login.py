"""Issue 25 ("Dead logins recover in place") the way it really happens: the real pump.io 5.1.4
keeps its database in memory, so a restart forgets every client registration, token, user and
item. pumptui, started again for alice, draws her cached timeline, is refused ("Invalid / expired
Token": pump.io checks the token first; the forgotten client shows only at the login's request
token, "Invalid Consumer Key", where the login registers again) and offers the login screen for
alice in place. After the new login the inbox loads, `R` works (the cached paging anchors are
ids the restarted server never had), the unsent draft is kept, and the credentials file is
replaced only once the new login succeeded.

Before: on 7cf9234 and on 8af55e0 (the relogin handoff already there) the login screen came back
after the new login, again and again: the performer kept the account's worker, which signed with
the refused token (AppPerformer.retireWorker). Both failed waiting for the inbox after the new
login (`[1 Inbox`, or bob's new note when the inbox flashed up before the login screen).

The test restarts a server of its own (the session's `real_pump` keeps its database for the
other tests) from that one's runnable tree; its file name puts it with the other real-server
tests (conftest.py's xdist group).
"""
import json
import signal
import urllib.error
import urllib.request

import pytest
from oauthlib import oauth1

from realpump import RealPump
from test_login import screen_url, start_login
from tui import TUI

OLD_NOTE = "Before the restart: bob's note with a real id"
NEW_NOTE = "After the restart: bob's new note"
DRAFT = "alice's unsent words, kept through the restart"


@pytest.fixture
def own_pump(real_pump, tmp_path):
    pump = RealPump(tmp_path / "pumpio", tree=real_pump.tree)
    try:
        yield pump
    finally:
        pump.stop()


def people(pump, note):
    """alice and bob on the server, alice following bob, bob's public note posted."""
    for nick in ("alice", "bob"):
        pump.add_user(nick)
    alice, bob = pump.client("alice"), pump.client("bob")
    alice.activity("follow", bob.me())
    bob.note(note)


def files(config):
    """The account's credentials file and the client registration's (text), by kind."""
    return {kind: {p.name: p.read_text() for p in (config / kind).glob("*.json")} for kind in ("accounts", "clients")}


def log_in_on_screen(t, pump):
    """The login screen's URL through authorize.py (the browser), the verifier pasted."""
    url = screen_url(t)
    t.paste(pump.authorize(url, "alice"))
    t.wait_for("Verifier: ")
    t.key("Enter")
    t.wait_for("Logged in as", timeout=15)


def answer_to(pump, creds, method, path, token=True):
    """pump.io's answer (status, body) to a request signed with stored credentials (`files`):
    the client's, and the account's token unless `token` is false."""
    account = json.loads(next(iter(creds["accounts"].values())))
    client = json.loads(next(iter(creds["clients"].values())))
    signer = oauth1.Client(client["clientID"], client_secret=client["clientSecret"],
                           **(dict(resource_owner_key=account["token"], resource_owner_secret=account["tokenSecret"])
                              if token else dict(callback_uri="oob")))
    url, headers, _ = signer.sign(pump.base + path, method)
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers, method=method), timeout=15) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def test_a_restarted_server_sends_alice_to_log_in_again_in_place(own_pump, tmp_path):
    pump, config = own_pump, tmp_path / "config"
    people(pump, OLD_NOTE)

    # 1. alice logs in on the full screen; the inbox loads bob's note (the cache's paging anchors
    # are real ids); a draft is in the editor when pumptui ends (SIGTERM keeps it, as a quit or a
    # hang-up does; Esc would ask to discard it).
    with start_login(pump, config, cols=100, user="alice") as t:
        log_in_on_screen(t, pump)
        t.wait_for("[1 Inbox", timeout=10)
        t.wait_for(OLD_NOTE, timeout=15)
        t.send("n")
        t.wait_for("^D send")
        t.send(DRAFT)
        t.wait_for(DRAFT)
        t.signal(signal.SIGTERM)
        assert t.wait_exit() == 143
    before = files(config)
    assert len(before["accounts"]) == 1 and len(before["clients"]) == 1, before

    # 2. The server restarts on the same port and has forgotten everything. alice and bob sign up
    # again with the same passwords, and bob posts a new note.
    pump.restart()
    people(pump, NEW_NOTE)
    # What pump.io 5.1.4 answers the old client and token (pump.log has no bodies): a 400
    # "Invalid / expired Token" for a timeline, "Invalid Consumer Key" for a request token.
    status, said = answer_to(pump, before, "GET", "/api/user/alice/inbox/major")
    assert status == 400 and "Invalid / expired Token" in said, (status, said)
    status, said = answer_to(pump, before, "POST", "/oauth/request_token", token=False)
    assert status == 400 and "Invalid Consumer Key" in said, (status, said)

    # 3. pumptui again: the cached timeline first, then the login screen for alice, in place.
    with TUI([pump.account("alice"), "--config-dir", str(config)], rows=30, cols=100) as t:
        t.wait_for("Please authorize pumptui", timeout=15)
        # The cached rows were drawn first (for the moment the refresh took on loopback).
        assert OLD_NOTE.encode() in t.raw.split(b"Please authorize")[0]
        t.wait_for("[ Submit ]")
        screen = t.text()
        assert "pumptui — log in" in screen and pump.account("alice") in screen, screen
        assert "rejected the access token (Invalid / expired Token); log in again" in screen, screen
        # Nothing was deleted before the new login succeeded.
        assert files(config)["accounts"] == before["accounts"]

        log_in_on_screen(t, pump)
        # The inbox as the restarted server has it: bob's new note and its welcome note. The old
        # items are gone from it: the first page replaced them, since the old anchor is unknown
        # (pump.log: "id '…' not found in stream 'user:alice:inbox:major'") and their ids name
        # nothing on this server any more.
        t.wait_for("[1 Inbox", timeout=10)
        t.wait_for(NEW_NOTE, timeout=15)
        t.wait_for("End of Inbox.", timeout=5)
        screen = t.text()
        assert "Welcome to pump.io local test" in screen and OLD_NOTE not in screen, screen
        assert "Please authorize" not in screen
        t.send("R")
        t.wait_for("No new items.", timeout=10)
        screen = t.text()
        assert "not found in stream" not in screen and "not in stream" not in screen, screen
        # The old anchor was tried once, and pump.io refused it: the reset was needed.
        assert "not found in stream 'user:alice:inbox:major'" in pump.log.read_text()

        # The unsent draft is still offered.
        t.send("n")
        t.wait_for("Restored your unsent draft", timeout=10)
        t.wait_for(DRAFT)
        t.signal(signal.SIGTERM)
        assert t.wait_exit() == 143

    # 4. The credentials file was replaced by the new login's, as was the forgotten client.
    after = files(config)
    assert list(after["accounts"]) == list(before["accounts"])
    assert after["accounts"] != before["accounts"], "the credentials file still holds the dead token"
    assert after["clients"] != before["clients"], "the client registration the server forgot is kept"
    assert answer_to(pump, after, "GET", "/api/user/alice/inbox/major")[0] == 200
