"""pumptui against the real pump.io 5.1.4 (issue 24): ../shared/pumpio, started once per run
(conftest.py `real_pump`), with the binary under test (tui.BINARY: PUMPTUI_BIN honoured).

The login in both modes, then every verb from the full screen (post, reply, like, share,
follow), each checked on the server through its API (realpump.PumpClient, OAuth in Python),
and what the second account sees. Then the issue's numbered items that the real server shows.
"""
import re
import time

from realpump import login_line, run_pumptui, wait_until
from tui import BINARY, TUI


def start_tui(pump, nick, config_dir, rows=24, cols=100):
    t = TUI([pump.account(nick), "--config-dir", str(config_dir)], rows=rows, cols=cols)
    t.wait_for("Logged in as", timeout=15)
    t.wait_for("[1 Inbox]", timeout=10)
    return t


def screen_url(t):
    """The authorize URL read off the screen: the row starting with http:// and the full-width
    rows that continue it."""
    rows = t.rows()
    for i, row in enumerate(rows):
        if row.startswith("http://"):
            url, j = row.rstrip(" "), i
            while len(rows[j].rstrip(" ")) == t.screen.columns and j + 1 < len(rows) and rows[j + 1].strip():
                j += 1
                url += rows[j].rstrip(" ")
            return url
    raise AssertionError("no URL on screen:\n" + t.text())


def own_note(client, text):
    """The note with `text` in the client's own outbox, as the server has it now."""
    for item in client.get(f"/api/user/{client.nick}/feed")["items"]:
        o = item.get("object") or {}
        if o.get("objectType") == "note" and text in (o.get("content") or ""):
            return client.get(o["links"]["self"]["href"]) if "links" in o else o
    return None


def note_of(client, text):
    """Polls for the note with `text` in the client's outbox."""
    found = []
    wait_until(lambda: found.append(own_note(client, text)) or found[-1] is not None, f"the note {text!r}")
    return found[-1]


def counts(client, note_id, which):
    """totalItems of the note's likes/shares/replies as the server has it now."""
    return client.get(note_id if note_id.startswith("http") else client.pump.base + note_id)[which]["totalItems"]


# -- Login -------------------------------------------------------------------------------------

def test_line_mode_login(real_pump, tmp_path):
    status, out = login_line(BINARY, real_pump, real_pump.account("carol"), tmp_path / "c", "carol")
    assert status == 0, out
    assert f"Logged in as carol@{real_pump.host}" in out
    inbox = run_pumptui(BINARY, "inbox", "--config-dir", str(tmp_path / "c"))
    assert inbox.returncode == 0, inbox.stderr


def test_full_screen_login(real_pump, tmp_path):
    config = tmp_path / "config"
    with TUI([real_pump.account("carol"), "--config-dir", str(config)], rows=24, cols=100) as t:
        t.wait_for("Please authorize pumptui", timeout=15)
        t.wait_for("[ Submit ]")
        url = screen_url(t)
        assert re.fullmatch(rf"{re.escape(real_pump.base)}/oauth/authorize\?oauth_token=\S+", url), url
        t.paste(real_pump.authorize(url, "carol"))
        t.key("Enter")
        t.wait_for("Logged in as", timeout=15)
        t.wait_for("[1 Inbox]", timeout=10)
        # The welcome note pump.io posts to every new user arrives in the inbox.
        t.wait_for("Welcome to", timeout=10)
        t.send("q")
        assert t.wait_exit() == 0


# -- Every verb, checked on the server, seen from the other account ---------------------------

def test_follow_post_like_share_reply(real_pump, real_logins):
    alice, bob = real_pump.client("alice"), real_pump.client("bob")
    with start_tui(real_pump, "alice", real_logins["alice"]) as t:
        # alice follows bob by nick@host.
        t.send("F")
        t.wait_for("Follow (nick@host)")
        t.send(real_pump.account("bob"))
        t.key("Enter")
        t.wait_for("Following " + real_pump.account("bob") + ".", timeout=10)
        wait_until(lambda: any(p["id"] == alice.me()["id"] for p in bob.get("/api/user/bob/followers")["items"]),
                   "alice among bob's followers")

        # bob posts from the line mode; R brings it into alice's inbox.
        marker = "Hello from bob on the real server"
        posted = run_pumptui(BINARY, "post", marker, "--config-dir", real_logins["bob"])
        assert posted.returncode == 0, posted.stderr
        note = note_of(bob, marker)
        t.send("R")
        t.wait_for("1 new", timeout=10)
        t.send("g")                                    # the new item is above the one in view
        t.wait_for(marker, timeout=10)

        t.send("l")
        t.wait_for("Liked bob's note · l again undoes", timeout=10)
        wait_until(lambda: counts(bob, note["id"], "likes") == 1, "the like on the server")
        t.send("s")
        t.wait_for("Shared bob's note · s again undoes", timeout=10)
        wait_until(lambda: counts(bob, note["id"], "shares") == 1, "the share on the server")

        # The reply, with the editor (Ctrl-D sends).
        t.send("R")
        time.sleep(0.5)
        t.send("g")
        t.send("r")
        t.wait_for("^D send")
        t.send("A reply from alice")
        time.sleep(0.2)
        t.send("\x04")
        wait_until(lambda: counts(bob, note["id"], "replies") == 1, "the reply on the server")

        # A note from the editor; bob follows alice (real_logins), so it reaches him.
        mine = "A note from alice on the real server"
        t.send("n")
        t.wait_for("^D send")
        t.send(mine)
        time.sleep(0.2)
        t.send("\x04")
        t.wait_for(mine, timeout=10)
        note_of(alice, mine)
        t.send("q")
        assert t.wait_exit() == 0

    # Seen from bob's account: alice's note in his inbox, her reply in his thread.
    inbox = run_pumptui(BINARY, "inbox", "--count", "50", "--config-dir", real_logins["bob"])
    assert inbox.returncode == 0, inbox.stderr
    assert mine in inbox.stdout
    with start_tui(real_pump, "bob", real_logins["bob"]) as t:
        t.wait_for(mine, timeout=10)
        t.send("4")                                    # Mine: his own note
        t.wait_for(marker, timeout=10)
        t.send("g")
        t.key("Enter")
        t.wait_for("Thread ·", timeout=10)
        t.wait_for("A reply from alice", timeout=10)
        t.send("q")
        t.send("q")
        assert t.wait_exit() == 0
