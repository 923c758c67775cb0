"""Person lists as pump.io has them: create, rename, delete, add/remove, members, delivery."""

from conftest import login

PERSON_LIST = {"objectType": "collection", "objectTypes": ["person"]}


def person(server, nick):
    return {"objectType": "person", "id": f"{server.base}/api/user/{nick}/profile"}


def create_list(api, name):
    act = api.feed_post("alice", {"verb": "create", "object": {**PERSON_LIST, "displayName": name}})
    return act["object"]


def change(api, verb, server, nick, lst):
    return api.post("/api/user/alice/feed", {"verb": verb, "object": person(server, nick),
                                             "target": {"objectType": "collection", "id": lst["id"]}})


def lists_of(api, nick="alice"):
    return api.get(f"/api/user/{nick}/lists/person").json()


def test_create_rename_delete_and_duplicate_names(server):
    alice = login(server, "alice")
    lst = create_list(alice, "Friends")
    assert lst["objectTypes"] == ["person"] and lst["members"]["totalItems"] == 0
    got = lists_of(alice)
    assert [x["displayName"] for x in got["items"]] == ["Friends"] and got["totalItems"] == 1
    assert alice.get("/api/user/alice/profile").json()["lists"]["totalItems"] == 1
    r = alice.post("/api/user/alice/feed", {"verb": "create", "object": {**PERSON_LIST, "displayName": "Friends"}})
    assert r.status == 400 and "already exists" in r.json()["error"]
    other = create_list(alice, "Work")
    r = alice.post("/api/user/alice/feed", {"verb": "update", "object": {"id": other["id"], "objectType": "collection",
                                                                          "displayName": "Friends"}})
    assert r.status == 400
    alice.feed_post("alice", {"verb": "update", "object": {"id": other["id"], "objectType": "collection",
                                                           "displayName": "Colleagues"}})
    assert [x["displayName"] for x in lists_of(alice)["items"]] == ["Colleagues", "Friends"]
    alice.feed_post("alice", {"verb": "delete", "object": {"id": other["id"], "objectType": "collection"}})
    assert [x["displayName"] for x in lists_of(alice)["items"]] == ["Friends"]
    alice.feed_post("alice", {"verb": "delete", "object": {"id": lst["id"], "objectType": "collection"}})
    assert lists_of(alice)["items"] == []


def test_add_remove_members_and_their_paging(server):
    alice, bob = login(server, "alice"), login(server, "bob")
    lst = create_list(alice, "Members")
    for nick in ("bob", "carol"):
        assert change(alice, "add", server, nick, lst).status == 200
    uuid_path = lst["id"][len(server.base):]
    members = alice.get(uuid_path + "/members").json()
    assert members["totalItems"] == 2 and [p["preferredUsername"] for p in members["items"]] == ["carol", "bob"]
    page2 = alice.get(uuid_path + "/members?offset=1&count=1").json()
    assert [p["preferredUsername"] for p in page2["items"]] == ["bob"]
    assert alice.get(lst["id"]).json()["members"]["totalItems"] == 2
    act = change(alice, "remove", server, "carol", lst).json()
    assert act["target"]["id"] == lst["id"] and act["verb"] == "remove"
    assert [p["preferredUsername"] for p in alice.get(uuid_path + "/members").json()["items"]] == ["bob"]
    assert change(alice, "remove", server, "carol", lst).status == 400
    # Only the author changes a list.
    r = bob.post("/api/user/bob/feed", {"verb": "add", "object": person(server, "carol"),
                                         "target": {"objectType": "collection", "id": lst["id"]}})
    assert r.status == 400 and "not author" in r.json()["error"]
    # POST to members is an add.
    r = alice.post(uuid_path + "/members", person(server, "carol"))
    assert r.status == 200 and r.json()["preferredUsername"] == "carol"
    assert alice.get(lst["id"]).json()["members"]["totalItems"] == 2


def test_post_to_a_list_reaches_its_members_only(server):
    alice, bob, carol = (login(server, n) for n in ("alice", "bob", "carol"))
    # carol follows alice: a followers-addressed post would reach her, a list post must not.
    carol.feed_post("carol", {"verb": "follow", "object": person(server, "alice")})
    lst = create_list(alice, "Only bob")
    change(alice, "add", server, "bob", lst)
    act = alice.feed_post("alice", {"verb": "post", "object": {"objectType": "note", "content": "for the list"},
                                    "to": [{"objectType": "collection", "id": lst["id"]}]})
    state = server.control("state")
    assert act["id"] in state["inbox"]["bob"] and act["id"] in state["direct"]["bob"]
    assert act["id"] not in state["inbox"]["carol"]
    assert carol.get(act["object"]["id"]).status == 403
    assert bob.get(act["object"]["id"]).status == 200
    # Someone else's list in the address expands to nobody.
    other = bob.feed_post("bob", {"verb": "post", "object": {"objectType": "note", "content": "x"},
                                  "to": [{"objectType": "collection", "id": lst["id"]}]})
    assert other["id"] not in server.control("state")["inbox"]["carol"]


def test_direct_message_to_people(server):
    alice = login(server, "alice")
    act = alice.feed_post("alice", {"verb": "post", "object": {"objectType": "note", "content": "psst"},
                                    "to": [person(server, "carol")]})
    state = server.control("state")
    assert act["id"] in state["direct"]["carol"] and act["id"] not in state["inbox"]["bob"]


def test_seeded_follow_control(server):
    assert server.control("follow", {"follower": "carol", "followed": "bob"}) == {"ok": True}
    assert "bob" in server.control("state")["follows"]["carol"]
