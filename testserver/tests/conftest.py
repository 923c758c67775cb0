"""Fixtures: a pumpserver subprocess on port 0 and a small signed-request client (oauthlib)."""

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from oauthlib.oauth1 import Client

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from harness import ServerProcess  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
APPROVE = os.path.join(HERE, "..", "approve.py")
PUBLIC = "http://activityschema.org/collection/public"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


class Resp:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8")

    def json(self):
        return json.loads(self.body)


def http(method, url, body=None, headers=None, timeout=10):
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with OPENER.open(req, timeout=timeout) as r:
            return Resp(r.status, r.headers, r.read())
    except urllib.error.HTTPError as e:
        return Resp(e.code, e.headers, e.read())


class Server(ServerProcess):
    def get(self, path, **kw):
        return http("GET", self.base + path, **kw)

    def post_json(self, path, data):
        return http("POST", self.base + path, json.dumps(data).encode(),
                    {"Content-Type": "application/json"})

    def control(self, name, data=None):
        """GET for the read endpoints (state, requests), POST with a JSON body otherwise."""
        if name in ("state", "requests"):
            r = http("GET", f"{self.base}/_test/{name}")
        else:
            r = http("POST", f"{self.base}/_test/{name}", json.dumps(data or {}).encode(),
                     {"Content-Type": "application/json"})
        assert r.status == 200, r.body
        return r.json()

    def register(self, name="pytest"):
        r = self.post_json("/api/client/register", {"type": "client_associate",
                                                    "application_type": "native",
                                                    "application_name": name})
        assert r.status == 200, r.body
        return r.json()


class Signer:
    """A logged-in (or 2-legged) API client built on oauthlib.oauth1.Client."""

    def __init__(self, server, client, token=None, secret=None):
        self.server, self.client, self.token, self.secret = server, client, token, secret

    def oauth(self, **extra):
        return Client(self.client["client_id"], client_secret=self.client["client_secret"],
                      resource_owner_key=self.token, resource_owner_secret=self.secret, **extra)

    def call(self, method, path, data=None, raw=None, ctype=None, **kw):
        url = path if path.startswith("http") else self.server.base + path
        headers = {}
        body = None
        if data is not None:
            body, headers["Content-Type"] = json.dumps(data).encode(), "application/json"
        elif raw is not None:
            body, headers["Content-Type"] = raw, ctype
        uri, signed, _ = self.oauth(**kw).sign(url, method)
        headers.update(signed)
        return http(method, uri, body, headers)

    def get(self, path, **kw):
        return self.call("GET", path, **kw)

    def post(self, path, data):
        return self.call("POST", path, data)

    def feed_post(self, nick, activity):
        r = self.post(f"/api/user/{nick}/feed", activity)
        assert r.status == 200, r.body
        return r.json()


def login(server, nick="alice", client=None):
    client = client or server.register()
    c = Client(client["client_id"], client_secret=client["client_secret"], callback_uri="oob")
    uri, headers, _ = c.sign(server.base + "/oauth/request_token", "POST")
    r = http("POST", uri, b"", headers)
    assert r.status == 200, r.body
    assert r.headers["Content-Type"].startswith("text/plain")
    fields = dict(p.split("=", 1) for p in r.text.split("&"))
    assert fields["oauth_callback_confirmed"] == "true"
    verifier = approve(server, fields["oauth_token"], nick)
    c = Client(client["client_id"], client_secret=client["client_secret"],
               resource_owner_key=fields["oauth_token"],
               resource_owner_secret=fields["oauth_token_secret"], verifier=verifier)
    uri, headers, _ = c.sign(server.base + "/oauth/access_token", "POST")
    r = http("POST", uri, b"", headers)
    assert r.status == 200, r.body
    acc = dict(p.split("=", 1) for p in r.text.split("&"))
    assert set(acc) == {"oauth_token", "oauth_token_secret"}
    return Signer(server, client, acc["oauth_token"], acc["oauth_token_secret"])


def approve(server, token, nick="alice", password=None):
    args = [sys.executable, APPROVE, f"{server.base}/oauth/authorize?oauth_token={token}",
            "--user", nick]
    if password:
        args += ["--password", password]
    p = subprocess.run(args, capture_output=True, text=True, timeout=20)
    assert p.returncode == 0, p.stderr
    return p.stdout.strip()


@pytest.fixture(scope="module")
def server():
    s = Server()
    yield s
    assert s.stop() == 0


@pytest.fixture(scope="module")
def strict():
    """A server that compares the verifier with the token's (pump.io does not)."""
    s = Server("--strict-verifier")
    yield s
    assert s.stop() == 0


@pytest.fixture(scope="module")
def demo():
    s = Server("--demo")
    yield s
    s.stop()
