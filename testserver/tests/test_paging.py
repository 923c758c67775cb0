"""pump.io paging on a seeded inbox (--inbox-size) and the --demo seed."""

import time
from urllib.parse import unquote

import pytest

from conftest import Server, login


@pytest.fixture(scope="module")
def big():
    s = Server("--inbox-size", "450")
    yield s
    s.stop()


def test_default_page_and_links(big):
    alice = login(big)
    feed = alice.get("/api/user/alice/inbox").json()
    assert feed["totalItems"] == 450 and len(feed["items"]) == 20
    stamps = [a["published"] for a in feed["items"]]
    assert stamps == sorted(stamps, reverse=True)
    links = feed["links"]
    assert links["first"]["href"] == f"{big.base}/api/user/alice/inbox"
    assert "%3A%2F%2F" in links["next"]["href"] and "%3A%2F%2F" in links["prev"]["href"]
    assert unquote(links["next"]["href"]).endswith("before=" + feed["items"][-1]["id"])


def test_walk_next_links_visits_everything_once(big):
    alice = login(big)
    url, seen = "/api/user/alice/inbox?count=200", []
    while url:
        page = alice.get(url).json()
        seen += [a["id"] for a in page["items"]]
        url = page["links"].get("next", {}).get("href")
    assert len(seen) == 450 == len(set(seen))


def test_since_returns_items_immediately_newer(big):
    alice = login(big)
    items = alice.get("/api/user/alice/inbox?count=50").json()["items"]
    page = alice.get(f"/api/user/alice/inbox?count=5&since={items[30]['id']}").json()
    assert [a["id"] for a in page["items"]] == [a["id"] for a in items[25:30]]
    assert "next" in page["links"]
    newest = alice.get(f"/api/user/alice/inbox?since={items[0]['id']}").json()
    assert newest["items"] == [] and "prev" not in newest["links"]


def test_offset_and_errors(big):
    alice = login(big)
    items = alice.get("/api/user/alice/inbox?count=10").json()["items"]
    page = alice.get("/api/user/alice/inbox?offset=3&count=2").json()
    assert [a["id"] for a in page["items"]] == [a["id"] for a in items[3:5]]
    assert alice.get("/api/user/alice/inbox?count=201").status == 400
    assert alice.get(f"/api/user/alice/inbox?offset=1&before={items[0]['id']}").status == 400
    r = alice.get("/api/user/alice/inbox?before=http://nope/x")
    assert r.status == 400 and "error" in r.json()


def test_major_minor_split(big):
    alice = login(big)
    major = alice.get("/api/user/alice/inbox/major?count=200").json()
    minor = alice.get("/api/user/alice/inbox/minor?count=200").json()
    assert major["totalItems"] + minor["totalItems"] == 450
    assert all(a["verb"] in ("post", "share") for a in major["items"])
    assert all(a["object"]["objectType"] != "comment" for a in major["items"] if a["verb"] == "post")
    assert "liked" in major["items"][0]["object"]


def test_page_of_200_is_fast():
    s = Server("--inbox-size", "10000")
    try:
        alice = login(s)
        alice.get("/api/user/alice/inbox?count=200")
        t = time.monotonic()
        page = alice.get("/api/user/alice/inbox/major?count=200").json()
        assert time.monotonic() - t < 0.5  # brief: well under 100 ms; slack for a loaded machine
        assert len(page["items"]) == 200
    finally:
        s.stop()


def test_demo_seed(demo):
    alice = login(demo)
    state = demo.control("state")
    assert sorted(state["follows"]["alice"]) == ["bob", "carol"]
    items = alice.get("/api/user/alice/inbox?count=50").json()["items"]
    verbs = {a["verb"] for a in items}
    assert {"post", "share", "favorite"} <= verbs
    contents = " ".join(a["object"].get("content", "") for a in items)
    for needle in ("<blockquote>", "<br>", "<li>", "&amp;", "日本語", "🎉", "very-long-path-segment"):
        assert needle in contents
    assert any(a["object"].get("inReplyTo") for a in items)


def test_clean_start_alice_follows_nobody(server):
    assert server.control("state")["follows"]["alice"] == []
