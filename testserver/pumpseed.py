"""Seed data: --demo (a small, varied inbox for alice) and --inbox-size N (benchmarks)."""

import time

from pumpstore import PUBLIC

PUBLIC_ADDR = {"to": [{"objectType": "collection", "id": PUBLIC}]}
SEED_APP = {"objectType": "application", "displayName": "Seeder", "id": "urn:uuid:seed"}

DEMO_POSTS = [
    ("bob", "<p>Hello from <b>Bob</b>! First post on this test server.</p>"),
    ("carol", "<p>Line one<br>Line two<br>Line three</p>"),
    ("bob", "<p>Read <a href=\"http://example.org/article\">this article</a> &amp; tell me.</p>"),
    ("carol", "<blockquote>To be, or not to be.</blockquote><p>Discuss.</p>"),
    ("bob", "<ul><li>milk</li><li>eggs &amp; flour</li><li>coffee</li></ul>"),
    ("carol", "<p>日本語のテキストです。中文也可以。한국어도.</p>"),
    ("bob", "<p>Emoji time 🎉🐘👍🏽 done</p>"),
    ("carol", "<p>Long link: <a href=\"http://example.org/" + "very-long-path-segment/" * 12
     + "end?query=1&amp;more=2\">http://example.org/" + "very-long-path-segment/" * 12
     + "end?query=1&amp;more=2</a></p>"),
    ("bob", "<p>Quotes \"double\" and 'single' &lt;not a tag&gt;</p>"),
]


def seed_demo(store, verbs):
    for nick in ("bob", "carol"):
        verbs.create("alice", {"verb": "follow",
                               "object": {"objectType": "person", "id": store.person_id(nick)}},
                     SEED_APP)
    notes = []
    for author, content in DEMO_POSTS:
        aid = verbs.create(author, {"verb": "post", **PUBLIC_ADDR,
                                    "object": {"objectType": "note", "content": content}}, SEED_APP)
        notes.append(store.activities[aid]["object_id"])
    verbs.create("bob", {"verb": "post", "object": {"objectType": "note", "displayName": "A titled note",
                                                    "content": "<p>This note has a title.</p>"},
                         **PUBLIC_ADDR}, SEED_APP)
    verbs.create("carol", {"verb": "post", "object": {
        "objectType": "comment", "content": "<p>Nice one, Bob!</p>",
        "inReplyTo": {"id": notes[0], "objectType": "note"}}}, SEED_APP)
    verbs.create("carol", {"verb": "favorite", "object": {"id": notes[0], "objectType": "note"}},
                 SEED_APP)
    verbs.create("bob", {"verb": "share", "object": {"id": notes[1], "objectType": "note"},
                         **PUBLIC_ADDR}, SEED_APP)


def seed_inbox(store, verbs, n):
    """N activities into alice's inbox, written straight to the store (fast for N=10000)."""
    start = time.time() - n - 10
    notes = []
    for i in range(n):
        author = "bob" if i % 2 == 0 else "carol"
        ts = start + i
        kind = i % 10
        if kind == 7 and notes:
            body = {"verb": "share", "object": {"id": notes[-1], "objectType": "note"}}
        elif kind == 8 and notes:
            target = notes[-1]
            if "alice" in store.objects[target]["likes"] or author in store.objects[target]["likes"]:
                body = {"verb": "post", "object": {"objectType": "note", "content": f"<p>Post {i}</p>"}}
            else:
                body = {"verb": "favorite", "object": {"id": target, "objectType": "note"}}
        elif kind == 9 and notes:
            body = {"verb": "post", "object": {"objectType": "comment", "content": f"<p>Reply {i}</p>",
                                               "inReplyTo": {"id": notes[-1], "objectType": "note"}}}
        else:
            body = {"verb": "post", "object": {"objectType": "note",
                                               "content": f"<p>Benchmark post number {i} by {author}</p>"}}
        if body["verb"] in ("share", "favorite") and author in store.objects[notes[-1]][
                "shares" if body["verb"] == "share" else "likes"]:
            body = {"verb": "post", "object": {"objectType": "note", "content": f"<p>Post {i}</p>"}}
        body["to"] = PUBLIC_ADDR["to"]
        body["cc"] = [{"objectType": "person", "id": store.person_id("alice")}]
        aid = verbs.create(author, body, SEED_APP, published=ts)
        act = store.activities[aid]
        if act["verb"] == "post" and act["object_type"] == "note":
            notes.append(act["object_id"])
