"""People end to end (issue 14): followers and follow state, profiles by nick@host, person lists
and a post to a list that reaches its members only. Three accounts (alice, bob, carol), each with
its own config directory, against the local test server."""
import json
import urllib.request

import pytest

from conftest import PumpServer, log_in_each, run_pumptui
from test_client import state, wait_until
from tui import TUI


def control(server, name, data):
    req = urllib.request.Request(f"{server.base}/_test/{name}", data=json.dumps(data).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.load(r)


@pytest.fixture
def accounts(pumpserver, pumptui_bin, tmp_path):
    return pumpserver, log_in_each(pumptui_bin, pumpserver, tmp_path, ("alice", "bob", "carol"))


def client(server, dirs, nick):
    return TUI([server.account(nick), "--config-dir", dirs[nick]], rows=24, cols=80)


def open_profile(t, account):
    t.send("P")
    t.wait_for("Profile (nick@host)")
    t.send(account)
    t.key("Enter")


def test_followers_of_bob_show_alice_and_the_follow_state(accounts):
    server, dirs = accounts
    with client(server, dirs, "alice") as t:
        t.wait_for("Logged in as", timeout=15)
        open_profile(t, server.account("bob"))
        t.wait_for("Profile · Bob", timeout=10)
        t.wait_for("You do not follow them · Does not follow you (f follows)", timeout=10)
        t.send("f")
        t.wait_for("Following Bob.", timeout=10)
        t.wait_for("You follow them · Does not follow you (f unfollows)")
        t.send("w")
        t.wait_for("Followers · Bob", timeout=10)
        t.wait_for("Alice  " + server.account("alice"), timeout=10)
        t.wait_for("Followers · Bob: 1 of 1 person")
        t.key("Enter")                                   # a person in the list opens their profile
        t.wait_for("Profile · Alice", timeout=10)
        t.send("q")
        t.wait_for("Followers · Bob")
        t.send("q")
        t.wait_for("Profile · Bob")
        t.send("qq")
        assert t.wait_exit() == 0
    # bob sees that alice follows him before he presses f.
    with client(server, dirs, "bob") as t:
        t.wait_for("Logged in as", timeout=15)
        open_profile(t, "@" + server.account("alice"))
        t.wait_for("Profile · Alice", timeout=10)
        t.wait_for("You do not follow them · Follows you (f follows)", timeout=10)
        t.send("W")                                      # whom alice follows: bob
        t.wait_for("Following · Alice", timeout=10)
        t.wait_for("Bob  " + server.account("bob"), timeout=10)
        t.send("qqq")
        assert t.wait_exit() == 0


def test_a_post_to_a_list_reaches_its_members_only(accounts):
    server, dirs = accounts
    control(server, "follow", {"follower": "carol", "followed": "alice"})   # a follower outside the list
    control(server, "follow", {"follower": "alice", "followed": "bob"})     # for the editor's completion
    name = "Amis proches — ü"
    note = "Nur für die Liste ✓"
    with client(server, dirs, "alice") as t:
        t.wait_for("Logged in as", timeout=15)
        t.send("M")
        t.wait_for("Your lists", timeout=10)
        t.wait_for("You have no lists yet. n makes one.", timeout=10)
        t.send("n")
        t.wait_for("New list")
        t.send(name)
        t.key("Enter")
        t.wait_for("Made the list " + name + ".", timeout=10)
        t.wait_for("0 members", timeout=10)
        t.key("Enter")
        t.wait_for("List · " + name, timeout=10)
        t.wait_for("Nobody on this list yet", timeout=10)
        t.send("a")
        t.wait_for("Add (nick@host)")
        t.send(server.account("bob"))
        t.key("Enter")
        t.wait_for("Added Bob to " + name + ".", timeout=10)
        t.wait_for("Bob  " + server.account("bob"), timeout=10)
        t.send("q")
        t.wait_for("1 member", timeout=10)
        t.send("q")
        t.wait_for("[1 Inbox]")
        # The editor: write, Tab to "To:", Enter opens the picker, the list is the third choice.
        t.send("n")
        t.wait_for("New note · to Public", timeout=10)
        t.send(note + " @bo")
        t.send("\x0e")                                   # ^N completes @bo → @bob@host
        t.wait_for("@" + server.account("bob") + " ", timeout=5)
        t.key("Tab")
        t.key("Enter")
        t.wait_for("Who sees it? Enter chooses", timeout=5)
        t.wait_for("List: " + name, timeout=10)
        t.send("jj")
        t.key("Enter")
        t.wait_for("New note · to List: " + name)
        t.send("\x04")
        wait_until(lambda: any(note in (o.get("content") or "") for o in state(server)["objects"]), "the note on the server")
        t.send("q")
        assert t.wait_exit() == 0
    bob = run_pumptui("inbox", "--count", "50", "--config-dir", dirs["bob"])
    carol = run_pumptui("inbox", "--count", "50", "--config-dir", dirs["carol"])
    assert bob.returncode == 0 and carol.returncode == 0, bob.stderr + carol.stderr
    assert note in bob.stdout
    assert note not in carol.stdout


def test_open_profile_by_nick_at_host(accounts):
    server, dirs = accounts
    other = PumpServer()
    try:
        with client(server, dirs, "carol") as t:
            t.wait_for("Logged in as", timeout=15)
            open_profile(t, "bob@" + f"127.0.0.1:{other.port}")      # another server: WebFinger
            t.wait_for("Profile · bob", timeout=10)
            t.wait_for("Their posts are on their own server; pumptui reads only yours.", timeout=10)
            t.send("q")
            t.wait_for("[1 Inbox]")
            open_profile(t, "nobody@127.0.0.1:1")                      # a host that does not answer
            t.wait_for("Could not connect to 127.0.0.1:1: connection refused", timeout=10)
            open_profile(t, "ghost@" + f"127.0.0.1:{other.port}")    # a server without that person
            t.wait_for("knows no acct:ghost@127.0.0.1:" + str(other.port), timeout=10)
            open_profile(t, "not an account")
            t.wait_for("is not of the form nick@host", timeout=10)
            t.send("q")
            assert t.wait_exit() == 0
    finally:
        other.stop()
