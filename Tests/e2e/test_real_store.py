"""Issue 25 (and issue 24 item 4) on the real pump.io: what another account changes reaches every
tab, after R and after a restart, from the cache too. alice edits and deletes her notes through
the API while bob (who follows her) reads them in pumptui.

On the binary before the store (7cf9234) both tests failed: the edited note kept its old text
and the deleted one its text, after R and after the restart, and `/` still found it.
"""
import time

from test_client import wait_until
from test_real_pumpio import quit_tui, start_tui

PUBLIC = [{"objectType": "collection", "id": "http://activityschema.org/collection/public"}]


def edit(client, note, content):
    client.activity("update", {"objectType": "note", "id": note["id"], "content": content}, to=PUBLIC)


def delete(client, note):
    client.activity("delete", {"objectType": "note", "id": note["id"]}, to=PUBLIC)


def gone_from_screen(t, text, timeout=10):
    """Waits until `text` is no longer on the screen."""
    end = time.time() + timeout
    while time.time() < end:
        t.pump(0.2)
        if text not in t.text():
            return
    raise AssertionError(f"{text!r} is still on screen:\n{t.text()}")


def test_an_edit_and_a_deletion_reach_the_reader_after_r_and_after_a_restart(real_pump, real_logins):
    alice = real_pump.client("alice")
    kept = alice.note("Store test: a note alice will edit")["object"]
    doomed = alice.note("Store test: Zanzibar, a note alice will delete")["object"]
    with start_tui(real_pump, "bob", real_logins["bob"], rows=40) as t:
        t.wait_for("Zanzibar", timeout=15)
        t.wait_for("a note alice will edit", timeout=5)
        edit(alice, kept, "Store test: the note as alice edited it")
        delete(alice, doomed)
        t.send("R")
        t.wait_for("the note as alice edited it", timeout=15)
        gone_from_screen(t, "Zanzibar")
        gone_from_screen(t, "a note alice will edit")
        assert "[deleted]" in t.text()
        assert "✎ edited" in t.text()
        quit_tui(t)

    # A restart: the cached copies come first, already as the server has them now.
    with start_tui(real_pump, "bob", real_logins["bob"], rows=40) as t:
        t.wait_for("the note as alice edited it", timeout=10)
        assert "Zanzibar" not in t.text()
        assert "a note alice will edit" not in t.text()
        # `/` does not find the deleted note in the cache any more.
        t.send("/")
        t.wait_for("Search")
        t.send("Zanzibar")
        t.key("Enter")
        t.wait_for("No cached item holds", timeout=10)
        quit_tui(t, backs=1)



def test_r_at_the_top_shows_what_it_brought(real_pump, real_logins):
    """Found by hand on the packaged binary: bob, reading at the top of his Inbox, pressed R after
    alice posted twice and saw "2 new above" with both notes above the screen. Failed before the
    fix (dadbc98): 'First of two new notes' not on screen."""
    alice = real_pump.client("alice")
    # start_tui waits for "Logged in as", said with the start's first answer from the server.
    # Tall: the other tests' posts on the shared server come too, and all must fit above.
    with start_tui(real_pump, "bob", real_logins["bob"], rows=70) as t:
        alice.note("R test: First of two new notes")
        alice.note("R test: Second of two new notes")
        t.send("R")
        # Other tests' posts on the shared server may come too: "N new", N ≥ 2.
        t.wait_for(" new · ", timeout=15)
        t.wait_for("R test: First of two new notes", timeout=5)
        assert "R test: Second of two new notes" in t.text()
        assert " new above ────" in t.text()
        quit_tui(t)


def test_notifications_say_the_same_thing_in_every_order_and_after_a_restart(real_pump, real_logins):
    # Issue 25's wording bugs on the real server: bob's reply to carol's comment on alice's note
    # was "bob replied to you"; a follow read "started following you" in one session and the
    # server's "bob followed alice" after a restart; a like from the cache "favorited a note".
    alice, bob, carol = real_pump.client("alice"), real_pump.client("bob"), real_pump.client("carol")
    note = alice.note("Store test: alice's note for the thread")["object"]
    comment = carol.post(f"/api/user/carol/feed", {
        "verb": "post", "to": [alice.me()], "cc": PUBLIC,
        "object": {"objectType": "comment", "content": "carol's comment", "inReplyTo": {"id": note["id"], "objectType": "note"}}})["object"]
    bob.post(f"/api/user/bob/feed", {
        "verb": "post", "to": [carol.me()], "cc": [alice.me()],
        "object": {"objectType": "comment", "content": "bob answers carol",
                   "inReplyTo": {"id": comment["id"], "objectType": "comment"}}})
    bob.activity("favorite", {"objectType": "note", "id": note["id"]})
    carol.activity("follow", alice.me())
    for run in ("first", "restart"):
        with start_tui(real_pump, "alice", real_logins["alice"], rows=50, cols=120) as t:
            t.send("2")                                  # Meanwhile first, then Notifications
            time.sleep(1)
            t.send("6")
            t.wait_for("bob replied to carol’s comment", timeout=15)
            t.wait_for("bob liked your note", timeout=10)
            t.wait_for("carol started following you", timeout=10)
            text = t.text()
            assert "bob replied to you" not in text, run
            assert "favorited" not in text and "followed alice" not in text, run
            quit_tui(t)
