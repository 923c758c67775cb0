"""Discovery, registration and the OAuth 1.0a dance against the test server."""

import subprocess
import sys

from oauthlib.oauth1 import Client

from conftest import APPROVE, Signer, approve, http, login


def request_token(server, client):
    c = Client(client["client_id"], client_secret=client["client_secret"], callback_uri="oob")
    uri, headers, _ = c.sign(server.base + "/oauth/request_token", "POST")
    r = http("POST", uri, b"", headers)
    assert r.status == 200, r.body
    return dict(p.split("=", 1) for p in r.text.split("&"))


def access_call(server, client, rt, verifier):
    c = Client(client["client_id"], client_secret=client["client_secret"],
               resource_owner_key=rt["oauth_token"], resource_owner_secret=rt["oauth_token_secret"],
               verifier=verifier)
    uri, headers, _ = c.sign(server.base + "/oauth/access_token", "POST")
    return http("POST", uri, b"", headers)


def test_host_meta_json_lists_absolute_endpoints(server):
    r = server.get("/.well-known/host-meta.json")
    assert r.status == 200
    links = {l["rel"]: l.get("href") for l in r.json()["links"]}
    assert links["http://apinamespace.org/oauth/request_token"] == server.base + "/oauth/request_token"
    assert links["registration_endpoint"] == server.base + "/api/client/register"
    assert links["http://apinamespace.org/activitypub/whoami"] == server.base + "/api/whoami"


def test_host_meta_xrd_by_default_and_jrd_when_json_accepted(server):
    r = server.get("/.well-known/host-meta")
    assert r.headers["Content-Type"].startswith("application/xrd+xml")
    assert "<XRD" in r.text
    r = server.get("/.well-known/host-meta", headers={"Accept": "application/json"})
    assert "links" in r.json()


def test_webfinger(server):
    r = server.get(f"/.well-known/webfinger?resource=acct:alice@127.0.0.1:{server.port}")
    assert r.status == 200
    rels = {l["rel"] for l in r.json()["links"]}
    assert {"activity-inbox", "activity-outbox", "followers"} <= rels
    assert server.get(f"/.well-known/webfinger?resource=acct:zed@127.0.0.1:{server.port}").status == 404


def test_registration_errors(server):
    cases = [({}, "No registration type provided"),
             ({"type": "bogus"}, "Invalid registration type"),
             ({"type": "client_associate", "application_type": "desktop"}, "Unknown application_type."),
             ({"type": "client_associate", "contacts": ["a@b.c"]},
              "contacts must be a string of space-separated email addresses."),
             ({"type": "client_associate", "client_id": "x"}, "Only set client_id for update.")]
    for body, message in cases:
        r = server.post_json("/api/client/register", body)
        assert (r.status, r.json()) == (400, {"error": message})


def test_registration_form_body_and_key_shapes(server):
    r = http("POST", server.base + "/api/client/register",
             b"type=client_associate&application_type=web&application_name=Form",
             {"Content-Type": "application/x-www-form-urlencoded"})
    d = r.json()
    assert len(d["client_id"]) == 22 and len(d["client_secret"]) == 43 and d["expires_at"] == 0


def test_full_dance_then_whoami_redirects_to_profile(server):
    api = login(server, "bob")
    r = api.get("/api/whoami")
    assert r.status == 302
    assert r.headers["Location"] == f"{server.base}/api/user/bob/profile"
    profile = api.get(r.headers["Location"]).json()
    assert profile["preferredUsername"] == "bob" and profile["id"] == r.headers["Location"]


def test_reauthorizing_returns_same_access_token(server):
    client = server.register("again")
    first = login(server, "carol", client)
    second = login(server, "carol", client)
    assert (first.token, first.secret) == (second.token, second.secret)


def test_wrong_verifier_and_reused_request_token(strict):
    client = strict.register()
    rt = request_token(strict, client)
    verifier = approve(strict, rt["oauth_token"])
    r = access_call(strict, client, rt, "A" * 22)
    assert (r.status, r.text) == (401, "Invalid verifier")
    assert access_call(strict, client, rt, verifier).status == 200
    r = access_call(strict, client, rt, verifier)
    assert (r.status, r.text) == (401, "Invalid / expired Token")


def test_the_verifier_is_only_required_as_on_pumpio(server):
    # pump.io 5.1.4 (issue 24): before approval the token is "Invalid / expired Token"; after
    # it, any verifier given is taken; the token is then used up.
    client = server.register()
    rt = request_token(server, client)
    assert (lambda r: (r.status, r.text))(access_call(server, client, rt, "A" * 22)) == (401, "Invalid / expired Token")
    approve(server, rt["oauth_token"])
    assert access_call(server, client, rt, "B" * 22).status == 200
    r = access_call(server, client, rt, "B" * 22)
    assert (r.status, r.text) == (401, "Invalid / expired Token")


def test_unapproved_and_expired_request_tokens(strict):
    server = strict
    client = server.register()
    rt = request_token(server, client)
    r = access_call(server, client, rt, "A" * 22)
    # A guess before approving does not lock the token (issue 10): the right verifier still works.
    assert (r.status, r.text) == (401, "Invalid verifier")
    assert access_call(server, client, rt, approve(server, rt["oauth_token"])).status == 200
    rt = request_token(server, client)
    server.control("expire-request-tokens")
    r = http("GET", f"{server.base}/oauth/authorize?oauth_token={rt['oauth_token']}")
    assert r.status == 400


def test_approve_wrong_password_fails_cleanly(server):
    rt = request_token(server, server.register())
    p = subprocess.run([sys.executable, APPROVE,
                        f"{server.base}/oauth/authorize?oauth_token={rt['oauth_token']}",
                        "--password", "nope"], capture_output=True, text=True, timeout=20)
    assert p.returncode == 1 and p.stdout == "" and "incorrect" in p.stderr


def test_authorize_page_escapes_application_name(server):
    client = server.register("<script>x</script>")
    rt = request_token(server, client)
    url = f"{server.base}/oauth/authorize?oauth_token={rt['oauth_token']}"
    r = http("POST", url, f"oauth_token={rt['oauth_token']}&username=alice&password=alice-pass".encode(),
             {"Content-Type": "application/x-www-form-urlencoded"})
    assert "&lt;script&gt;" in r.text and "<script>" not in r.text


def test_bad_signature_unknown_key_and_replayed_nonce(server):
    api = login(server)
    bad = Signer(server, {**api.client, "client_secret": "wrong"}, api.token, api.secret)
    r = bad.get("/api/user/alice/inbox")
    assert (r.status, r.text) == (400, "Invalid signature")
    stranger = Signer(server, {"client_id": "X" * 22, "client_secret": "y"})
    assert stranger.get("/api/user/alice/feed").text == "Invalid Consumer Key"
    c = api.oauth(nonce="fixednonce123", timestamp=None)
    uri, headers, _ = c.sign(server.base + "/api/user/alice/inbox", "GET")
    assert http("GET", uri, None, headers).status == 200
    r = http("GET", uri, None, headers)
    assert (r.status, r.text) == (401, "Invalid / used nonce")


def test_unsigned_api_call_is_rejected(server):
    r = server.get("/api/user/alice/feed")
    assert r.status == 400 and r.text == "Missing required parameter"


def test_two_legged_reads_outbox_but_not_inbox(server):
    two = Signer(server, server.register())
    assert two.get("/api/user/alice/feed").status == 200
    assert two.get("/api/user/alice/inbox").status == 401


def test_forgotten_client_and_revoked_tokens(server):
    api = login(server)
    server.control("revoke-access-tokens")
    r = api.get("/api/user/alice/inbox")
    assert r.text == "Invalid / expired Token"
    server.control("forget-clients")
    assert api.get("/api/user/alice/feed").text == "Invalid Consumer Key"


def test_state_never_contains_secrets(server):
    api = login(server)
    text = server.get("/_test/state").text
    assert api.secret not in text and api.token not in text and api.client["client_secret"] not in text


def test_callback_rules_and_redirect_after_authorize(server):
    client = server.register()
    c = Client(client["client_id"], client_secret=client["client_secret"], callback_uri="myapp://cb")
    uri, headers, _ = c.sign(server.base + "/oauth/request_token", "POST")
    r = http("POST", uri, b"", headers)
    assert (r.status, r.text) == (400, "Invalid callback URL")
    c = Client(client["client_id"], client_secret=client["client_secret"],
               callback_uri="http://127.0.0.1:9/cb")
    uri, headers, _ = c.sign(server.base + "/oauth/request_token", "POST")
    token = dict(p.split("=", 1) for p in http("POST", uri, b"", headers).text.split("&"))["oauth_token"]
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    r = http("POST", server.base + "/oauth/authorize",
             f"oauth_token={token}&username=alice&password=alice-pass".encode(), form)
    cookie = r.headers["Set-Cookie"].split(";")[0]
    r = http("POST", server.base + "/oauth/authorize", f"oauth_token={token}&authorize=1".encode(),
             {**form, "Cookie": cookie})
    assert r.status == 303
    assert r.headers["Location"].startswith(f"http://127.0.0.1:9/cb?oauth_token={token}&oauth_verifier=")


def test_bad_request_token_signature_is_401(server):
    client = server.register()
    c = Client(client["client_id"], client_secret="wrong", callback_uri="oob")
    uri, headers, _ = c.sign(server.base + "/oauth/request_token", "POST")
    r = http("POST", uri, b"", headers)
    assert (r.status, r.text) == (401, "Invalid signature")


def test_only_exact_form_content_type_is_signed(server):
    api = login(server)
    url = server.base + "/api/user/alice/feed"
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    uri, headers, body = api.oauth().sign(url, "POST", "verb=post&x=1", form)
    r = http("POST", uri, body.encode(), headers)
    assert (r.status, r.json()["error"]) == (400, "Expected application/json body")  # signature ok
    uri, headers2, body = api.oauth().sign(url, "POST", "verb=post&x=1", form)
    headers2["Content-Type"] = "application/x-www-form-urlencoded; charset=UTF-8"
    r = http("POST", uri, body.encode(), headers2)
    assert (r.status, r.text) == (400, "Invalid signature")


def test_approve_latest_finds_the_pending_login(server):
    """The demo approves from the keyboard alone: no URL to copy, only the server address."""
    client = server.register()
    server.control("expire-request-tokens")
    none_yet = subprocess.run([sys.executable, APPROVE, "--latest", server.base],
                              capture_output=True, text=True, timeout=20)
    rt = request_token(server, client)
    p = subprocess.run([sys.executable, APPROVE, "--latest", server.base, "--user", "bob"],
                       capture_output=True, text=True, timeout=20)
    assert p.returncode == 0, p.stderr
    assert access_call(server, client, rt, p.stdout.strip()).status == 200
    assert none_yet.returncode == 1 and "no login is waiting" in none_yet.stderr
