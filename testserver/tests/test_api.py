"""Feeds, paging, verbs, delivery and objects."""

from conftest import PUBLIC, Signer, login

PUBLIC_TO = {"to": [{"objectType": "collection", "id": PUBLIC}]}


def note(api, nick, content, **addr):
    return api.feed_post(nick, {"verb": "post", "object": {"objectType": "note", "content": content},
                                **(addr or PUBLIC_TO)})


def person_ref(server, nick):
    return {"objectType": "person", "id": f"{server.base}/api/user/{nick}/profile"}


def test_profile_and_user(server):
    alice = login(server)
    p = alice.get("/api/user/bob/profile").json()
    assert p["id"] == f"{server.base}/api/user/bob/profile"
    assert p["followers"]["url"].endswith("/api/user/bob/followers")
    assert p["links"]["activity-outbox"]["href"].endswith("/api/user/bob/feed")
    assert p["pump_io"]["followed"] is False
    u = alice.get("/api/user/bob").json()
    assert u["nickname"] == "bob" and u["profile"]["preferredUsername"] == "bob"


def test_nicknames_are_case_sensitive_as_on_pump_io(server):
    # pump.io 5.1.4 answers /api/user/Alice/... for user alice with this 404 (issue 24).
    alice = login(server)
    r = alice.get("/api/user/Alice/profile")
    assert (r.status, r.json()["error"]) == (404, "No such 'user' with id 'Alice'")


def test_post_returns_full_activity_with_generator_and_sentence(server):
    alice = login(server)
    act = note(alice, "alice", "<p>hello</p>")
    assert act["verb"] == "post" and act["object"]["content"] == "<p>hello</p>"
    assert act["generator"]["displayName"] == "pytest"
    assert "posted" in act["content"] and "a note" in act["content"]
    assert act["actor"]["id"] == f"{server.base}/api/user/alice/profile"
    got = alice.get(act["object"]["id"]).json()
    assert got["content"] == "<p>hello</p>" and got["liked"] is False


def test_invalid_actor_and_feed_of_other_user(server):
    alice = login(server)
    r = alice.post("/api/user/alice/feed", {"verb": "post", "actor": person_ref(server, "bob"),
                                             "object": {"objectType": "note", "content": "x"}})
    assert (r.status, r.json()["error"]) == (400, "Invalid actor")
    r = alice.post("/api/user/bob/feed", {"verb": "post", "object": {"objectType": "note", "content": "x"}})
    assert (r.status, r.json()["error"]) == (401, "Not authorized")   # pump.io's sameUser
    r = alice.get("/api/user/bob/inbox")
    assert (r.status, r.json()["error"]) == (401, "Not authorized")


def test_follow_delivers_future_posts_and_stop_following_ends_it(server):
    alice, bob = login(server, "alice"), login(server, "bob")
    before = note(bob, "bob", "before follow")
    r = alice.post("/api/user/alice/following", person_ref(server, "bob"))
    assert r.status == 200 and r.json()["pump_io"]["followed"] is True
    after = note(bob, "bob", "after follow")
    inbox = [a["id"] for a in alice.get("/api/user/alice/inbox").json()["items"]]
    assert after["id"] in inbox and before["id"] not in inbox
    state = server.control("state")
    assert "bob" in state["follows"]["alice"]
    followers = alice.get("/api/user/bob/followers").json()
    assert f"{server.base}/api/user/alice/profile" in [p["id"] for p in followers["items"]]
    alice.feed_post("alice", {"verb": "stop-following", "object": person_ref(server, "bob")})
    later = note(bob, "bob", "after unfollow")
    inbox = [a["id"] for a in alice.get("/api/user/alice/inbox").json()["items"]]
    assert later["id"] not in inbox


def test_direct_addressing_lands_in_direct_inbox(server):
    alice, carol = login(server, "alice"), login(server, "carol")
    act = note(carol, "carol", "psst", to=[person_ref(server, "alice")])
    direct = [a["id"] for a in alice.get("/api/user/alice/inbox/direct").json()["items"]]
    assert act["id"] in direct
    bob = login(server, "bob")
    assert bob.get(act["object"]["id"]).status == 403


def test_like_unlike_share_unshare(server):
    alice, bob = login(server, "alice"), login(server, "bob")
    post = note(bob, "bob", "like me")
    ref = {"id": post["object"]["id"], "objectType": "note"}
    alice.feed_post("alice", {"verb": "favorite", "object": ref})
    r = alice.post("/api/user/alice/feed", {"verb": "like", "object": ref})
    assert r.status == 400 and "error" in r.json()
    got = alice.get(ref["id"]).json()
    assert got["liked"] is True and got["likes"]["totalItems"] == 1
    favs = alice.get("/api/user/alice/favorites").json()
    assert ref["id"] in [o["id"] for o in favs["items"]]
    likes = alice.get(ref["id"] + "/likes").json()
    assert likes["items"][0]["preferredUsername"] == "alice"
    alice.feed_post("alice", {"verb": "unfavorite", "object": ref})
    assert alice.get(ref["id"]).json()["liked"] is False
    share = alice.feed_post("alice", {"verb": "share", "object": ref})
    assert alice.get(ref["id"]).json()["pump_io"]["shared"] is True
    major = [a["id"] for a in alice.get("/api/user/alice/feed/major").json()["items"]]
    assert share["id"] in major
    alice.feed_post("alice", {"verb": "unshare", "object": ref})
    assert alice.get(ref["id"] + "/shares").json()["totalItems"] == 0


def test_reply_goes_to_author_and_replies_collection(server):
    alice, bob = login(server, "alice"), login(server, "bob")
    post = note(bob, "bob", "reply to me")
    reply = alice.feed_post("alice", {"verb": "post", "object": {
        "objectType": "comment", "content": "a reply",
        "inReplyTo": {"id": post["object"]["id"], "objectType": "note"}}})
    assert "in reply to" in reply["content"]
    bob_inbox = [a["id"] for a in bob.get("/api/user/bob/inbox").json()["items"]]
    assert reply["id"] in bob_inbox
    replies = bob.get(post["object"]["id"] + "/replies").json()
    assert replies["items"][0]["id"] == reply["object"]["id"]
    minor = [a["id"] for a in alice.get("/api/user/alice/feed/minor").json()["items"]]
    assert reply["id"] in minor


def test_replies_by_id_route_pages_like_the_real_server(server):
    # pump.io's /api/<type>/replies?id=ID, which pumptui uses for remote objects (issue 24).
    import urllib.parse
    alice, bob = login(server, "alice"), login(server, "bob")
    post = note(bob, "bob", "reply to me")
    oid = post["object"]["id"]
    for n in range(3):
        alice.feed_post("alice", {"verb": "post", "object": {
            "objectType": "comment", "content": f"reply {n}", "inReplyTo": {"id": oid, "objectType": "note"}}})
    q = urllib.parse.quote(oid, safe="")
    first = bob.get(f"/api/note/replies?id={q}&count=2&offset=0").json()
    second = bob.get(f"/api/note/replies?id={q}&count=2&offset=2").json()
    assert first["totalItems"] == 3 and len(first["items"]) == 2 and len(second["items"]) == 1
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    assert bob.get("/api/note/replies").status == 400
    assert bob.get(f"/api/note/replies?id={urllib.parse.quote(oid + 'x', safe='')}").status == 404


def test_update_author_only_and_delete_gives_410(server):
    alice, bob = login(server, "alice"), login(server, "bob")
    post = note(alice, "alice", "original")
    oid = post["object"]["id"]
    r = bob.post("/api/user/bob/feed", {"verb": "update", "object": {"id": oid, "objectType": "note",
                                                                     "content": "hacked"}})
    assert r.status == 400
    alice.feed_post("alice", {"verb": "update", "object": {"id": oid, "objectType": "note",
                                                           "content": "edited"}})
    assert alice.get(oid).json()["content"] == "edited"
    r = bob.post("/api/user/bob/feed", {"verb": "delete", "object": {"id": oid, "objectType": "note"}})
    assert r.status == 400 and "not author" in r.json()["error"]
    assert alice.call("DELETE", oid).status == 200
    assert alice.get(oid).status == 410
    outbox = alice.get("/api/user/alice/feed").json()["items"]
    shell = next(a["object"] for a in outbox if a["id"] == post["id"])
    assert "deleted" in shell and "content" not in shell
    assert next(o for o in server.control("state")["objects"] if o["id"] == oid)["deleted"] is True


def test_put_object_updates(server):
    alice = login(server)
    oid = note(alice, "alice", "v1")["object"]["id"]
    r = alice.call("PUT", oid, {"content": "v2"})
    assert r.status == 200 and r.json()["content"] == "v2"


def test_upload_is_private_until_posted_and_title_dropped(server):
    alice, bob = login(server, "alice"), login(server, "bob")
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (40).to_bytes(4, "big") + (30).to_bytes(4, "big") + b"rest"
    r = alice.call("POST", "/api/user/alice/uploads", raw=png, ctype="image/png")
    img = r.json()
    assert r.status == 200 and img["objectType"] == "image"
    assert img["fullImage"]["width"] == 40 and img["fullImage"]["height"] == 30
    url = img["fullImage"]["url"]
    assert bob.get(url).status == 403
    assert alice.get(url).body == png
    act = alice.feed_post("alice", {"verb": "post", "object": {**img, "displayName": "Title"}, **PUBLIC_TO})
    assert "displayName" not in act["object"]
    assert bob.get(url).status == 200
    alice.feed_post("alice", {"verb": "update", "object": {"id": img["id"], "objectType": "image",
                                                           "displayName": "Title"}})
    assert alice.get(img["id"]).json()["displayName"] == "Title"


def test_an_upload_type_outside_pumpios_mime_map_is_stored_but_never_served(server):
    # pump.io stores a WebP as .bin and answers 500 to every fetch of it (issue 24 item 3).
    alice = login(server, "alice")
    webp = b"RIFF\x1a\x00\x00\x00WEBPVP8 " + b"\x00" * 14
    img = alice.call("POST", "/api/user/alice/uploads", raw=webp, ctype="image/webp").json()
    url = img["fullImage"]["url"]
    assert url.endswith(".bin")
    assert alice.get(url).status == 500


def test_two_legged_sees_only_public_outbox(server):
    alice = login(server)
    public = note(alice, "alice", "for everyone")
    private = note(alice, "alice", "followers only",
                   cc=[{"objectType": "collection", "id": f"{server.base}/api/user/alice/followers"}])
    two = Signer(server, server.register())
    ids = [a["id"] for a in two.get("/api/user/alice/feed?count=200").json()["items"]]
    assert public["id"] in ids and private["id"] not in ids


def test_custom_verb_is_accepted_without_side_effects(server):
    alice = login(server)
    oid = note(alice, "alice", "checkin here")["object"]["id"]
    act = alice.feed_post("alice", {"verb": "http://example.org/verb/ponder",
                                    "object": {"id": oid, "objectType": "note"}})
    assert act["verb"] == "http://example.org/verb/ponder" and act["object"]["id"] == oid


def test_chunked_request_body(server):
    import http.client
    import json as _json
    alice = login(server)
    url = f"{server.base}/api/user/alice/feed"
    uri, headers, _ = alice.oauth().sign(url, "POST")
    body = _json.dumps({"verb": "post", "object": {"objectType": "note", "content": "chunky"}}).encode()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    conn.request("POST", "/api/user/alice/feed", body=iter([body[:10], body[10:]]),
                 headers={**headers, "Content-Type": "application/json"}, encode_chunked=True)
    r = conn.getresponse()
    assert r.status == 200 and _json.loads(r.read())["object"]["content"] == "chunky"


def test_an_update_addressed_to_its_author_reaches_nobody_else(server):
    # pumptui sends an image's title in such an update before posting it (issue 24, item 3).
    alice, bob = login(server, "alice"), login(server, "bob")
    bob.feed_post("bob", {"verb": "follow", "object": person_ref(server, "alice")})
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (4).to_bytes(4, "big") + (3).to_bytes(4, "big") + b"rest"
    img = alice.call("POST", "/api/user/alice/uploads", raw=png, ctype="image/png").json()
    alice.feed_post("alice", {"verb": "update", "to": [person_ref(server, "alice")],
                              "object": {"id": img["id"], "objectType": "image", "displayName": "Title"}})
    act = alice.feed_post("alice", {"verb": "post", "object": img, **PUBLIC_TO})
    assert act["object"]["displayName"] == "Title"
    verbs = [i["verb"] for i in bob.get("/api/user/bob/inbox").json()["items"]]
    assert "post" in verbs and "update" not in verbs
