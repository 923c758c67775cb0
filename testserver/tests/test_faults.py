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
