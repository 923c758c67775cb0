"""Issue 26: `--json` is a documented, versioned schema (docs/json-schema.json, pumptui(1) JSON
OUTPUT). The real binary's output of `inbox`, `post` and `accounts` is validated against the
schema file with jsonschema; the inbox carries a reply, a picture, an audience, counts, links and
escape sequences, so every optional part of the schema is exercised. The text output lists the
links apart from the URLs ("[1]" glued onto a URL broke it when copied)."""
import json
import re
from pathlib import Path

import jsonschema
import pytest

from test_hostile import alice_and_bob_logged_in, run, signed

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "json-schema.json").read_text())
PUBLIC = "http://activityschema.org/collection/public"


def validate(document, kind):
    """Checks `document` against the schema's definition `kind` (inbox, posted, accounts) and the
    whole schema (one of the three)."""
    jsonschema.validate(document, {**SCHEMA, "$ref": f"#/$defs/{kind}"}, cls=jsonschema.Draft202012Validator)
    jsonschema.validate(document, SCHEMA, cls=jsonschema.Draft202012Validator)


def json_of(args, config_dir):
    status, out = run([*args, "--json"], config_dir)
    assert status == 0, out.decode(errors="replace")
    return json.loads(out)


@pytest.fixture
def exchange(tmp_path):
    """alice posts a note with a URL (pumptui post --json); bob answers it (and shares his answer
    with her), sends her a picture (public, cc her) with escape sequences in its title and text,
    and likes her note."""
    server, alice, bob, alice_id = alice_and_bob_logged_in(tmp_path)
    try:
        posted = json_of(["post", "see http://example.org/x now"], alice)
        note = posted["item"]["object"]
        to_alice = [{"objectType": "person", "id": alice_id}]
        reply = signed(server, "bob", bob, "POST", "/api/user/bob/feed", {
            "verb": "post", "to": to_alice,
            "object": {"objectType": "comment", "content": "<p>a reply</p>",
                       "inReplyTo": {"id": note["id"], "objectType": "note"}}})
        # A comment is a "minor" activity, not in the (major) inbox; its share is.
        signed(server, "bob", bob, "POST", "/api/user/bob/feed", {
            "verb": "share", "to": to_alice, "object": {"id": reply["object"]["id"], "objectType": "comment"}})
        signed(server, "bob", bob, "POST", "/api/user/bob/feed", {
            "verb": "post", "to": [{"objectType": "collection", "id": PUBLIC}], "cc": to_alice,
            "object": {"objectType": "image", "displayName": "A \x1b[31mpicture",
                       "content": "<p>look <a href=\"http://example.org/a\">http://example.org/a</a> "
                                  "and http://example.org/b \x1b]0;owned\x07</p>",
                       "image": {"url": "http://example.org/p_thumb.jpg", "width": 320, "height": 240},
                       "fullImage": {"url": "http://example.org/p.jpg"}}})
        signed(server, "bob", bob, "POST", "/api/user/bob/feed", {
            "verb": "favorite", "object": {"id": note["id"], "objectType": "note"}})
        yield server, alice, posted
    finally:
        server.stop()


def test_inbox_post_and_accounts_json_match_the_schema(exchange):
    server, alice, posted = exchange
    validate(posted, "posted")
    note = posted["item"]["object"]
    assert note["text"] == "see http://example.org/x now" and note["links"] == ["http://example.org/x"]
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/alice/note/\S+", note["url"]), note["url"]

    inbox = json_of(["inbox", "--count", "20"], alice)
    validate(inbox, "inbox")
    assert inbox["version"] == 1
    by_text = {item["object"]["text"].split()[0]: item for item in inbox["items"] if item["verb"] in ("post", "share")}
    picture = by_text["look"]["object"]
    assert picture["type"] == "image"
    assert picture["title"] == "A picture"
    assert picture["text"].startswith("look http://example.org/a and http://example.org/b")
    assert picture["links"] == ["http://example.org/a", "http://example.org/b"]
    assert picture["image"] == {"url": "http://example.org/p_thumb.jpg", "width": 320, "height": 240,
                                "fullImage": "http://example.org/p.jpg"}
    assert picture["audience"]["public"] is True
    assert [r["id"] for r in picture["audience"]["to"]] == [PUBLIC]
    assert by_text["look"]["actor"]["webfinger"] == server.account("bob")
    assert by_text["a"]["verb"] == "share" and "shared" in by_text["a"]["summary"]
    reply = by_text["a"]["object"]
    assert reply["type"] == "comment" and reply["author"]["webfinger"] == server.account("bob")
    # The server embeds only the parent's id: its url is that id (documented), not a link number.
    assert reply["inReplyTo"] == {"id": note["id"], "url": note["id"]}
    assert reply["audience"]["public"] is False
    mine = by_text["see"]["object"]
    assert mine["id"] == note["id"] and mine["likes"] == 1 and mine["replies"] == 1

    accounts = json_of(["accounts"], alice)
    validate(accounts, "accounts")
    assert [a["account"] for a in accounts["accounts"]] == [server.account("alice")]


def test_accounts_json_with_none_stored_matches_the_schema(tmp_path):
    status, out = run(["accounts", "--json"], tmp_path / "none")
    assert status == 0
    document = json.loads(out[:out.rindex(b"}") + 1])      # stderr's hint follows (run() joins them)
    validate(document, "accounts")
    assert document == {"version": 1, "accounts": []}


def test_inbox_text_lists_links_apart_from_urls(exchange):
    _, alice, posted = exchange
    status, out = run(["inbox", "--count", "20"], alice)
    assert status == 0
    lines = out.decode().splitlines()
    assert "  see http://example.org/x now" in lines
    assert "  " + posted["item"]["object"]["url"] in lines
    assert "  [1] http://example.org/x" in lines
    assert "  [1] http://example.org/a" in lines and "  [2] http://example.org/b" in lines
    assert not [l for l in lines if re.search(r"\S\[\d+\]", l)], out.decode()


def test_the_man_page_documents_every_field_of_the_schema():
    """pumptui(1)'s JSON OUTPUT and docs/json-schema.json name the same fields: each `.Ss` part
    lists (`.It Ic NAME`) exactly the properties of its schema definition."""
    mdoc = (Path(__file__).resolve().parents[2] / "man" / "pumptui-extra.mdoc").read_text()
    section = mdoc.split(".Sh JSON OUTPUT\n", 1)[1].split("\n.Sh ", 1)[0]
    documented = {}
    for part in section.split("\n.Ss ")[1:]:
        title, body = part.split("\n", 1)
        names = re.findall(r"\bIc (\w+)", "\n".join(l for l in body.splitlines() if l.startswith(".It ")))
        documented[title.split()[0]] = set(names)
    assert set(documented) == {"item", "object", "person", "image", "reference", "audience"}
    for name, fields in documented.items():
        assert fields == set(SCHEMA["$defs"][name]["properties"]), name
