"""The client end to end: the real binary against the local test server.

alice follows bob (F), bob posts (line-mode `pumptui post` with his own config dir), alice's inbox
shows it, she likes, shares and replies to it (the server's /_test/state shows each), then posts a
note with the editor and it reaches bob's inbox.
"""
import json
import os
import time
import urllib.request

import pytest

from conftest import log_in_each, login_line_mode, run_pumptui
from tui import TUI


def state(server):
    with urllib.request.urlopen(server.base + "/_test/state", timeout=10) as r:
        return json.load(r)


def object_with(server, text):
    for o in state(server)["objects"]:
        if text in (o.get("content") or ""):
            return o
    return None


def is_deleted(server, object_id):
    return any(o["id"] == object_id and o["deleted"] for o in state(server)["objects"])


def wait_until(check, what, timeout=10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} not true after {timeout}s")


@pytest.fixture
def two_accounts(pumpserver, pumptui_bin, tmp_path):
    return pumpserver, log_in_each(pumptui_bin, pumpserver, tmp_path, ("alice", "bob"))


def follow_in_tui(server, config, who):
    with TUI([server.account(config.rsplit("/", 1)[1]), "--config-dir", config], rows=24, cols=80) as t:
        t.wait_for("Logged in as", timeout=15)
        t.send("F")
        t.wait_for("Follow (nick@host)")
        t.send(server.account(who))
        t.key("Enter")
        t.wait_for("Following " + server.account(who) + ".", timeout=10)
        t.send("q")
        assert t.wait_exit() == 0


def test_follow_read_like_share_reply_and_post(two_accounts):
    server, dirs = two_accounts
    follow_in_tui(server, dirs["bob"], "alice")          # so alice's public note reaches bob's inbox
    with TUI([server.account("alice"), "--config-dir", dirs["alice"]], rows=24, cols=80) as t:
        t.wait_for("Logged in as", timeout=15)
        t.wait_for("[1 Inbox]")

        # alice follows bob by nick@host.
        t.send("F")
        t.wait_for("Follow (nick@host)")
        t.send(server.account("bob"))
        t.key("Enter")
        t.wait_for("Following " + server.account("bob") + ".", timeout=10)
        wait_until(lambda: any("bob" in str(f) for f in state(server)["follows"].get("alice", [])), "alice follows bob")

        # bob posts; R brings it into alice's inbox.
        marker = "Hello from bob e2e"
        posted = run_pumptui("post", marker, "--config-dir", dirs["bob"])
        assert posted.returncode == 0, posted.stderr
        t.send("R")
        t.wait_for(marker, timeout=10)
        t.send("g")

        # Like: optimistic mark, then the server has it.
        t.send("l")
        t.wait_for("Liked Bob's note · l again undoes", timeout=10)
        assert "you liked" in t.text()
        wait_until(lambda: len(object_with(server, marker)["likes"]) == 1, "the like on the server")

        t.send("s")
        t.wait_for("Shared Bob's note · s again undoes", timeout=10)
        wait_until(lambda: len(object_with(server, marker)["shares"]) == 1, "the share on the server")

        # And back: unlike, unshare (the marks go, the server agrees); like again for the thread.
        t.send("l")
        t.wait_for("Unliked Bob's note.", timeout=10)
        wait_until(lambda: len(object_with(server, marker)["likes"]) == 0, "the unlike on the server")
        t.send("s")
        t.wait_for("Unshared Bob's note.", timeout=10)
        wait_until(lambda: len(object_with(server, marker)["shares"]) == 0, "the unshare on the server")
        assert "you liked" not in t.text() and "you shared" not in t.text()

        # Reply with the editor (Ctrl-D sends).
        t.send("g")
        t.send("r")
        t.wait_for("^D send")
        t.send("A reply from alice")
        time.sleep(0.2)
        t.send("\x04")
        wait_until(lambda: len(object_with(server, marker)["replies"]) == 1, "the reply on the server")
        reply = object_with(server, "A reply from alice")
        assert reply is not None and reply["type"] == "comment"

        # The thread shows the post and the reply (paged by offset); p shows bob's profile.
        t.send("g")
        t.key("Enter")
        t.wait_for("Thread ·", timeout=10)
        t.wait_for("A reply from alice", timeout=10)
        t.send("q")
        t.wait_for("[1 Inbox]")
        t.send("p")                                   # the top item is alice's share of bob's note:
        t.wait_for("Whose profile?", timeout=10)      # sharer or author?
        t.send("j")
        t.key("Enter")
        t.wait_for("Profile · Bob", timeout=10)
        t.wait_for("You follow them", timeout=10)
        t.send("q")
        t.wait_for("[1 Inbox]")

        # A new note from the editor reaches bob (who follows alice).
        note = "A note from alice via the editor"
        t.send("n")
        t.wait_for("^D send")
        t.send(note)
        time.sleep(0.2)
        t.send("\x04")
        wait_until(lambda: object_with(server, note) is not None, "the note on the server")
        t.wait_for(note, timeout=10)                         # the refresh after posting shows it
        assert "\x1b]52" not in t.raw.decode("utf-8", "replace")   # nothing copied by accident
        t.send("q")
        assert t.wait_exit() == 0

    inbox = run_pumptui("inbox", "--count", "50", "--config-dir", dirs["bob"])
    assert inbox.returncode == 0, inbox.stderr
    assert note in inbox.stdout

    note_id = object_with(server, note)["id"]
    # Deleting her own note asks first; the server then has it deleted.
    with TUI([server.account("alice"), "--config-dir", dirs["alice"]], rows=20, cols=60) as t:
        t.wait_for(note, timeout=15)
        t.send("g")
        t.send("d")
        t.wait_for("Delete this note?")
        t.send("y")
        t.wait_for("Deleted.", timeout=10)
        wait_until(lambda: is_deleted(server, note_id), "the note deleted on the server")
        t.send("q")
        assert t.wait_exit() == 0


def test_a_revoked_token_goes_back_to_the_login(pumpserver, pumptui_bin, config_dir):
    child, _ = login_line_mode(pumptui_bin, pumpserver.account(), config_dir)
    assert child.exitstatus == 0
    with TUI([pumpserver.account(), "--config-dir", config_dir], rows=24, cols=80) as t:
        t.wait_for("Logged in as", timeout=15)
        t.wait_for("Nothing in Inbox yet", timeout=10)
        urllib.request.urlopen(urllib.request.Request(pumpserver.base + "/_test/revoke-access-tokens", method="POST"),
                               timeout=10).read()
        t.send("R")
        t.wait_for("Please authorize", timeout=15)          # the login screen, with the reason
        assert "expired" in t.text().lower() or "log in again" in t.text().lower(), t.text()
    # The old credentials stay until a new login replaces them.
    assert os.path.exists(os.path.join(config_dir, "accounts", pumpserver.account() + ".json"))
