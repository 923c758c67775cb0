"""Fault injection, the request log and the redirect-to-other-host probe."""

import json

from conftest import http, login


def test_request_log_counts_round_trips(server):
    alice = login(server)
    server.control("reset-log")
    alice.get("/api/user/alice/inbox?count=3")
    log = server.control("requests")
    assert [(e["method"], e["path"], e["query"], e["status"]) for e in log] == [
        ("GET", "/api/user/alice/inbox", "count=3", 200)]


def test_simple_faults_with_count_and_prefix(server):
    alice = login(server)
    server.control("fault", {"mode": "html500", "path_prefix": "/api/user/alice/inbox", "count": 1})
    assert alice.get("/api/user/alice/feed").status == 200  # other prefix untouched
    r = alice.get("/api/user/alice/inbox")
    assert r.status == 500 and r.headers["Content-Type"].startswith("text/html")
    assert alice.get("/api/user/alice/inbox").status == 200  # count used up
    for mode in ("badjson", "truncated"):
        server.control("fault", {"mode": mode})
        r = alice.get("/api/user/alice/inbox")
        assert r.status == 200 and r.headers["Content-Type"].startswith("application/json")
        try:
            json.loads(r.body)
            raise AssertionError(mode + " produced valid JSON")
        except ValueError:
            pass
    server.control("fault", {"mode": "wrongtype"})
    assert alice.get("/api/user/alice/inbox").headers["Content-Type"].startswith("text/html")
    server.control("fault", {"mode": "none"})
    assert alice.get("/api/user/alice/inbox").status == 200


def test_redirect_faults(server):
    alice = login(server)
    server.control("fault", {"mode": "redirectloop", "count": 1})
    r = alice.get("/api/user/alice/feed?count=2")
    assert r.status == 302 and r.headers["Location"] == f"{server.base}/api/user/alice/feed?count=2"
    server.control("fault", {"mode": "redirect-other-host"})
    r = alice.get("/api/user/alice/feed")
    other = r.headers["Location"]
    assert r.status == 302 and other == f"http://localhost:{server.port}/api/user/alice/feed"
    server.control("reset-log")
    http("GET", other)  # a careful client would not resend Authorization
    assert server.control("requests")[-1]["authorization"] is False
    server.control("fault", {"mode": "none"})


def test_huge_is_streamed_64_mib(server):
    alice = login(server)
    server.control("fault", {"mode": "huge", "count": 1})
    r = alice.get("/api/user/alice/inbox")
    assert r.status == 200 and len(r.body) == 64 * 1024 * 1024
    assert r.body.endswith(b'"end"]}')


def test_unknown_fault_mode_rejected(server):
    r = http("POST", server.base + "/_test/fault", b'{"mode":"explode"}')
    assert r.status == 400


def test_slow_fault_outlasts_a_short_client_timeout(server):
    import socket
    import urllib.error
    server.control("fault", {"mode": "slow", "count": 1})
    try:
        http("GET", server.base + "/api/user/alice/feed", timeout=0.5)
        raise AssertionError("slow fault answered quickly")
    except (socket.timeout, TimeoutError, urllib.error.URLError):
        pass


def test_hostile_modes_of_issue_11(server):
    import zlib
    alice = login(server)
    server.control("fault", {"mode": "ratelimit", "path_prefix": "/api/", "count": 1})
    r = alice.get("/api/user/alice/inbox")
    assert r.status == 429 and r.headers["Retry-After"] == "120"
    server.control("fault", {"mode": "hostile-host-meta", "path_prefix": "/.well-known/", "count": 1})
    links = server.get("/.well-known/host-meta.json").json()["links"]
    assert len(links) == 5 and all("%1B%5D52" in link["href"] for link in links)
    # The bomb is one valid gzip stream of zeros (checked on its first chunks only).
    server.control("fault", {"mode": "gzipbomb", "path_prefix": "/api/", "count": 1})
    import socket
    s = socket.create_connection(("127.0.0.1", server.port))
    s.sendall(b"GET /api/user/alice/inbox HTTP/1.1\r\nHost: x\r\n\r\n")
    data = b""
    while data.count(b"\r\n") < 40:
        data += s.recv(65536)
    s.close()
    head, _, body = data.partition(b"\r\n\r\n")
    assert b"Content-Encoding: gzip" in head
    size, _, rest = body.partition(b"\r\n")
    out = zlib.decompressobj(31).decompress(rest[:int(size, 16)])
    assert len(out) == 1024 * 1024 and out.count(0) == len(out)


def test_hostile_thread_answers_every_replies_url_with_new_replies(server):
    """Issue 23: `size` replies whatever count asks, each new and claiming replies at a URL
    answered the same way; other paths are served normally."""
    alice = login(server)
    server.control("fault", {"mode": "hostile-thread", "path_prefix": "/api/", "size": 30})
    assert alice.get("/api/user/alice/inbox").status == 200
    first = json.loads(alice.get("/api/note/x/replies?count=2").body)
    assert first["totalItems"] == 30 and len(first["items"]) == 30
    reply = first["items"][0]
    assert reply["replies"]["totalItems"] == 5 and reply["replies"]["url"] == reply["id"] + "/replies"
    nested = json.loads(alice.get(reply["replies"]["url"][len(server.base):]).body)
    assert not {i["id"] for i in nested["items"]} & {i["id"] for i in first["items"]}
    assert http("POST", server.base + "/_test/fault", b'{"mode":"hostile-thread","size":-1}').status == 400
    server.control("fault", {"mode": "none"})
