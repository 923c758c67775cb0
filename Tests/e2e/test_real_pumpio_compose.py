"""The editor against the real pump.io 5.1.4 (issue 24, items 2, 3 and 9): what an edit, a long
post and an image post leave on the server. Each test failed on the binary before the fix.
"""
import time

from test_client import wait_until
from test_links_config import png
from test_real_pumpio import quit_tui, start_tui

PUBLIC = [{"objectType": "collection", "id": "http://activityschema.org/collection/public"}]


def web_note(client, title, html):
    """A note as pump.io's web UI posts it (HTML from its rich editor); the server's copy."""
    posted = client.activity("post", {"objectType": "note", "displayName": title, "content": html}, to=PUBLIC)
    return client.get(posted["object"]["links"]["self"]["href"])


def new_note(t):
    """n: the editor, empty (a draft another test left in alice's config is dropped, ^X)."""
    t.send("n")
    t.wait_for("^D send")
    t.pump(0.3)
    if "Restored your unsent draft" in t.text():
        t.send("\x18")
        t.wait_for("Draft dropped")


def open_own(t, text):
    """Mine (4), the newest item (g): the note with `text` selected."""
    t.send("4")
    t.wait_for(text, timeout=10)
    t.send("g")


def edit(t, keys, then="Updated."):
    """e opens the editor on the selected note; `keys` are typed, ^D sends."""
    t.send("e")
    t.wait_for("Editing your note", timeout=10)
    for k in keys:
        t.send(k)
        time.sleep(0.1)
    t.send("\x04")
    t.wait_for(then, timeout=10)


def test_editing_keeps_the_markup_of_a_web_note(real_pump, real_logins):
    # Item 2: `e` filled the editor with the rendered text and sent it back, so a title-only
    # edit turned this note's links, bold text and paragraphs into plain text.
    alice = real_pump.client("alice")
    html = ('<p>Read <a href="https://example.org/guide?a=1&amp;b=2">the guide</a> and '
            '<strong>this</strong>.</p><p>Second paragraph.</p>')
    before = web_note(alice, "Web title", html)
    with start_tui(real_pump, "alice", real_logins["alice"], rows=30) as t:
        open_own(t, "Second paragraph")
        # The title only: BTab to the title, ^U clears it, the new one, ^D.
        edit(t, ["\x1b[Z", "\x15", "A new title"])
        after = alice.get(before["links"]["self"]["href"])
        assert after["displayName"] == "A new title"
        assert after["content"] == before["content"], after["content"]

        # The text: the link is shown as [text](URL); changing the text keeps its target and
        # the paragraphs, and the bold text is said to go before sending.
        t.send("e")
        t.wait_for("Editing your note", timeout=10)
        t.wait_for("[the guide](https://example.org/guide?a=1&b=2)")
        t.send(" (edited)")                           # at the end of the text
        t.wait_for("Bold in this post will be sent as plain text")
        t.send("\x04")
        wait_until(lambda: "(edited)" in alice.get(before["links"]["self"]["href"])["content"], "the edit on the server")
        edited = alice.get(before["links"]["self"]["href"])["content"]
        assert '<a href="https://example.org/guide?a=1&amp;b=2">the guide</a>' in edited, edited
        assert edited.count("<p>") == 2 and "Second paragraph. (edited)</p>" in edited, edited
        quit_tui(t)


def test_a_post_too_long_for_the_server_is_refused_in_the_editor(real_pump, real_logins):
    # Item 9: a JSON body over 100 kB gets 413 from pump.io. 30 000 "&" are 30 kB typed but
    # 150 kB as sent (each is "&amp;"): the editor says so and keeps the text.
    alice = real_pump.client("alice")
    sent_before = len(alice.get("/api/user/alice/feed?count=200")["items"])
    with start_tui(real_pump, "alice", real_logins["alice"]) as t:
        new_note(t)
        t.paste("&" * 30_000)
        time.sleep(0.3)
        t.send("\x04")
        t.wait_for("Too long to send", timeout=10)
        assert "413" not in t.text()
        assert "New note" in t.text() and "&&&&" in t.text()     # still in the editor, text kept
        t.send("\x1b")
        t.wait_for("Discard", timeout=5)
        t.send("y")
        quit_tui(t)
    assert len(alice.get("/api/user/alice/feed?count=200")["items"]) == sent_before


def test_an_image_post_reaches_followers_once_with_its_title(real_pump, real_logins, tmp_path):
    # Item 3: upload, post, then an update for the title and description (pump.io drops them
    # from the post): followers got a second item, "alice updated an image".
    alice, bob = real_pump.client("alice"), real_pump.client("bob")
    image = tmp_path / "pic.png"
    image.write_bytes(png(8, 6))
    with start_tui(real_pump, "alice", real_logins["alice"]) as t:
        new_note(t)
        t.send("A picture described")
        t.send("\x1b[Z")                                # to the title
        t.send("Picture title")
        t.send("\x14")                                  # ^T: the image
        t.wait_for("File")
        t.send(str(image) + "\r")
        t.wait_for("Attached", timeout=10)
        t.send("\x04")
        t.wait_for("Posted.", timeout=15)
        quit_tui(t)

    def posted_image():
        for item in bob.get("/api/user/bob/inbox?count=50")["items"]:
            if item["verb"] == "post" and item["object"].get("objectType") == "image":
                return item["object"]
        return None
    wait_until(lambda: posted_image() is not None, "the image post in bob's inbox")
    time.sleep(1.0)                                     # an update would follow within this
    shown = posted_image()
    assert shown.get("displayName") == "Picture title"
    assert "A picture described" in (shown.get("content") or "")
    verbs = [(i["verb"], i["object"].get("id")) for i in bob.get("/api/user/bob/inbox?count=50")["items"]]
    assert ("update", shown["id"]) not in verbs, verbs
    # And bob's client shows the one item with its title and text.
    with start_tui(real_pump, "bob", real_logins["bob"]) as t:
        t.wait_for("Picture title", timeout=10)
        t.wait_for("A picture described", timeout=5)
        quit_tui(t)
