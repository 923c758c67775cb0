"""Issue 13 end to end: notifications, unread counts, the offline cache and search.

bob follows alice and replies to and likes her note from his own pumptui; alice's running client
(auto refresh every 5 s) counts it on the Notifications tab, the items say what happened, reading
clears the count. Then the server stops: alice's client starts from its cache at once, says it is
offline, and `/` finds a word of a post it loaded before.
"""
import time

from conftest import run_pumptui
from test_client import follow_in_tui, two_accounts  # noqa: F401 (a fixture)
from tui import TUI

NOTE = "Zebra crossing note from alice"


def bob_replies_and_likes(server, config):
    with TUI([server.account("bob"), "--config-dir", config], rows=24, cols=80) as t:
        t.wait_for("Logged in as", timeout=15)
        t.wait_for(NOTE, timeout=10)
        t.send("g")
        t.send("r")
        t.wait_for("^D send")
        t.send("Nice zebra, Alice")
        time.sleep(0.2)
        t.send("\x04")
        t.wait_for("Reply sent.", timeout=10)
        t.send("g")
        t.send("l")
        t.wait_for("Liked", timeout=10)
        t.send("q")
        assert t.wait_exit() == 0


def test_notifications_unread_offline_cache_and_search(two_accounts):
    server, dirs = two_accounts
    follow_in_tui(server, dirs["bob"], "alice")
    posted = run_pumptui("post", NOTE, "--config-dir", dirs["alice"])
    assert posted.returncode == 0, posted.stderr

    with TUI([server.account("alice"), "--config-dir", dirs["alice"], "--refresh", "5"], rows=24, cols=80) as t:
        t.wait_for("[1 Inbox]", timeout=15)
        t.wait_for(NOTE, timeout=10)
        t.wait_for("6 Notif. ", timeout=10)
        assert "6 Notif. 1" not in t.text() and "6 Notif. 2" not in t.text()   # the first start has read everything

        bob_replies_and_likes(server, dirs["bob"])
        # The automatic refresh brings the reply and the like: the tab counts them.
        t.wait_for("6 Notif. 2", timeout=20)
        t.send("6")
        t.wait_for("[6 Notifications 2]", timeout=5)
        t.wait_for("──── 2 new above ────", timeout=5)      # the reading position stayed put
        # u: the oldest unread item, the reply; g: up to the newest, the like. Read: no count.
        t.send("u")
        t.wait_for("Bob replied to your note", timeout=5)
        t.wait_for("[6 Notifications 1]", timeout=5)
        t.send("g")
        t.wait_for("Bob liked your note", timeout=5)
        t.wait_for("[6 Notifications]", timeout=5)
        t.send("q")
        assert t.wait_exit() == 0

    server.stop()
    started = time.monotonic()
    with TUI([server.account("alice"), "--config-dir", dirs["alice"]], rows=24, cols=80) as t:
        t.wait_for(NOTE, timeout=5)                 # from the cache
        shown = time.monotonic() - started
        t.wait_for("offline", timeout=10)
        assert shown < 3.0, shown
        t.send("/")
        t.wait_for("Search the cache")
        t.send("zebra")
        t.key("Enter")
        t.wait_for("Search · zebra", timeout=5)
        t.wait_for(NOTE, timeout=5)
        t.send("q")
        t.send("q")
        assert t.wait_exit() == 0
