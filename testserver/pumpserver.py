#!/usr/bin/env python3
"""A local pump.io-compatible server for pumptui's tests (loopback only, in-memory).

Usage: pumpserver.py [--port 0] [--demo] [--users alice,bob,carol] [--inbox-size N] [--verbose]
The first stdout line is `pumpserver listening on http://127.0.0.1:PORT`; everything else goes
to stderr. Runs until SIGTERM/SIGINT."""

import argparse
import json
import signal
import sys
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from pumpapi import Api, Ctx, Reply
from pumpfaults import Faults
from pumpoauth import CONTENT_TYPE_FORM, Credentials, OAuthError, OAuthGate
from pumpseed import seed_demo, seed_inbox
from pumpstore import ApiError, Store
from pumpverbs import Verbs
from pumpweb import Authorizer, host_meta, register_client, webfinger

LOOPBACK_NAMES = ("127.0.0.1", "localhost")


class App:
    """Everything one server instance holds; the handler class gets it as `app`."""

    def __init__(self, port, users, verbose):
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.verbose = verbose
        self.store = Store(self.base)
        for nick in users:
            self.store.add_user(nick)
        self.verbs = Verbs(self.store)
        self.creds = Credentials()
        self.gate = OAuthGate(self.creds)
        self.api = Api(self.store, self.verbs, self.creds)
        self.authorizer = Authorizer(self.store, self.creds)
        self.faults = Faults()
        self.log = []
        self.connections = 0  # TCP connections accepted (issue 11: the login reuses one)
        self.lock = threading.RLock()  # one request mutates the world at a time

    def state(self):
        s = self.store
        objects = [{"id": o["id"], "type": o["objectType"], "author": o["author"],
                    "content": o.get("content"), "deleted": bool(o["deleted"]),
                    "likes": list(o["likes"]), "shares": list(o["shares"]),
                    "replies": list(o["replies"])} for o in s.objects.values()]
        return {"users": sorted(s.users),
                "follows": {n: list(f) for n, f in s.following.items()},
                "objects": objects,
                "inbox": {n: list(v) for n, v in s.inbox.items()},
                "direct": {n: list(v) for n, v in s.direct.items()},
                "outbox": {n: list(v) for n, v in s.outbox.items()},
                "lists": {n: [{"id": o, "name": s.objects[o].get("displayName"),
                               "members": s.list_members(o)} for o in s.live_lists(n)]
                          for n in s.users},
                "clients": len(self.creds.clients), "tokens": len(self.creds.access_tokens)}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # TCP_NODELAY, as pump.io's node server has it: headers and body leave in two writes, and
    # with Nagle on, the body waited for the client's delayed ACK (40 ms on every reply).
    disable_nagle_algorithm = True
    server_version = "pumpserver/1.0"
    app = None  # set by main()

    def log_message(self, fmt, *args):
        if self.app.verbose:
            sys.stderr.write("pumpserver: " + (fmt % args) + "\n")

    def do_GET(self):
        self.dispatch()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_GET

    # --- plumbing --------------------------------------------------------------------------------
    def read_body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            return self.read_chunked()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def read_chunked(self):
        """Some HTTP stacks (libcurl under FoundationNetworking) may stream bodies chunked."""
        parts = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline().strip():
                    pass  # trailers
                return b"".join(parts)
            parts.append(self.rfile.read(size))
            self.rfile.readline()

    def send(self, reply):
        if reply.json is not None:
            body = json.dumps(reply.json, ensure_ascii=False).encode("utf-8")
            ctype = "application/json; charset=utf-8"
        else:
            body = reply.body or b""
            ctype = reply.content_type or "text/plain; charset=utf-8"
        self.record(reply.status)
        self.send_response(reply.status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return reply.status

    def setup(self):
        super().setup()
        with self.app.lock:
            self.app.connections += 1

    def record(self, status):
        """Log the status before the reply goes out, so /_test/requests never lags the client."""
        entry = getattr(self, "entry", None)
        if entry is not None:
            entry["status"] = status

    def host_port(self):
        host = (self.headers.get("Host") or f"127.0.0.1:{self.app.port}").lower()
        return host

    def dispatch(self):
        parts = urlsplit(self.path)
        path, raw_query = parts.path, parts.query
        query = dict(parse_qsl(raw_query, keep_blank_values=True))
        body = self.read_body()
        self.entry = None
        if path.startswith("/_test/"):
            self.send(self.control(path, body))
            return
        entry = {"method": self.command, "path": path, "query": raw_query, "status": None,
                 "authorization": bool(self.headers.get("Authorization"))}
        self.entry = entry
        with self.app.lock:
            self.app.log.append(entry)
        try:
            fault = self.app.faults.take(path, self.host_port())
            if fault is not None:
                if self.app.faults.apply(fault, self) is not None:
                    return
            with self.app.lock:
                reply = self.route(path, query, body)
        except ApiError as err:
            reply = Reply(err.status, json={"error": err.message})
        except OAuthError as err:
            reply = Reply(err.status, body=err.text.encode(), content_type="text/plain; charset=utf-8",
                          headers={"WWW-Authenticate": 'OAuth realm="OAuth"'})
        except Exception:  # a server bug must still answer (pump.io answers 500 HTML/plain)
            traceback.print_exc(file=sys.stderr)
            reply = Reply(500, body=b"Internal server error", content_type="text/plain; charset=utf-8")
        self.send(reply)

    def control(self, path, body):
        app = self.app
        with app.lock:
            if path == "/_test/requests":
                return Reply(json=list(app.log))
            if path == "/_test/connections":
                return Reply(json={"count": app.connections})
            if path == "/_test/reset-log":
                app.log.clear()
            elif path == "/_test/state":
                return Reply(json=app.state())
            elif path == "/_test/fault":
                try:
                    spec = json.loads(body.decode("utf-8") or "{}")
                    app.faults.set(spec)
                except (ValueError, TypeError) as err:
                    return Reply(400, json={"error": str(err)})
            elif path == "/_test/latest-authorize-url":
                token = app.creds.newest_pending_request_token()
                if token is None:
                    return Reply(404, json={"error": "no login is waiting for approval"})
                return Reply(json={"url": f"{app.base}/oauth/authorize?oauth_token={token}"})
            elif path == "/_test/expire-request-tokens":
                app.creds.expire_request_tokens()
            elif path == "/_test/forget-clients":
                app.creds.forget_clients()
            elif path == "/_test/revoke-access-tokens":
                app.creds.revoke_access_tokens()
            elif path == "/_test/follow":
                # Seeds follows without a login per user: {"follower": NICK, "followed": NICK}.
                try:
                    spec = json.loads(body.decode("utf-8") or "{}")
                    app.verbs.create(spec["follower"], {"verb": "follow", "object": {
                        "objectType": "person", "id": app.store.person_id(spec["followed"])}})
                except (ValueError, TypeError, KeyError, ApiError) as err:
                    return Reply(400, json={"error": str(err)})
            else:
                return Reply(404, json={"error": "unknown test endpoint"})
            return Reply(json={"ok": True})

    # --- routes ----------------------------------------------------------------------------------
    def route(self, path, query, body):
        app = self.app
        ctype = self.headers.get("Content-Type") or ""
        if path == "/.well-known/host-meta.json":
            return host_meta(app.base, "", True)
        if path == "/.well-known/host-meta":
            return host_meta(app.base, self.headers.get("Accept") or "", False)
        if path in ("/.well-known/webfinger", "/api/lrdd"):  # lrdd answered as JRD only
            return webfinger(app.store, query, f"127.0.0.1:{app.port}")
        if path == "/api/client/register":
            if self.command != "POST":
                raise ApiError(405, "Use POST")
            return register_client(app.creds, ctype, body)
        if path in ("/oauth/request_token", "/oauth/access_token"):
            uri, headers, signed_body = self.signed(ctype, body)
            if path == "/oauth/request_token":
                token, secret = app.gate.request_token(uri, self.command, signed_body, headers)
                text = f"oauth_token={token}&oauth_token_secret={secret}&oauth_callback_confirmed=true"
            else:
                token, secret = app.gate.access_token(uri, self.command, signed_body, headers)
                text = f"oauth_token={token}&oauth_token_secret={secret}"
            return Reply(body=text.encode(), content_type="text/plain; charset=utf-8")
        if path == "/oauth/authorize":
            form = dict(parse_qsl(body.decode("utf-8", "replace"))) if self.command == "POST" else {}
            return app.authorizer.handle(self.command, query, form, self.headers.get("Cookie"))
        if path.startswith("/uploads/"):
            return self.upload_file(path, ctype, body)
        if path.startswith("/api/"):
            client, user = self.authenticate(ctype, body, query)
            name = app.creds.clients.get(client, {}).get("name")
            ctx = Ctx(self.command, path, query, body, ctype, client, user, name)
            return app.api.handle(ctx)
        raise ApiError(404, f"Not found: {path}")

    def signed(self, ctype, body):
        """The pieces oauthlib verifies: URL as the client addressed us, header, form body only."""
        uri = f"http://{self.host_port()}{self.path}"
        headers, signed_body = OAuthGate.signed_inputs(self.headers, ctype, body)
        return uri, headers, signed_body

    def authenticate(self, ctype, body, query):
        uri, headers, signed_body = self.signed(ctype, body)
        form = dict(parse_qsl(signed_body)) if signed_body else {}
        three = ("oauth_token" in (self.headers.get("Authorization") or "")
                 or "oauth_token" in query or "oauth_token" in form)
        return self.app.gate.resource(uri, self.command, signed_body, headers, three)

    def upload_file(self, path, ctype, body):
        store = self.app.store
        rec = store.uploads.get(path)
        if rec is None:
            raise ApiError(404, "No such file")
        viewer = None
        if self.headers.get("Authorization"):
            try:
                viewer = self.authenticate(ctype, body, {})[1]
            except OAuthError:
                viewer = None
        obj = store.objects[rec["object"]]
        if not store.can_see_object(obj["id"], viewer):
            raise ApiError(403, "Not allowed")
        if path.endswith(".bin"):
            # What pump.io does with an upload its MIME map did not know.
            return Reply(500, body=b"<pre>Error: Unknown type</pre>", content_type="text/html; charset=utf-8")
        return Reply(body=rec["bytes"], content_type=rec["type"])


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--demo", action="store_true")
    ap.add_argument("--users", default="alice,bob,carol")
    ap.add_argument("--inbox-size", type=int, default=0)
    ap.add_argument("--verbose", action="store_true", help="log requests to stderr")
    ap.add_argument("--strict-verifier", action="store_true",
                    help="compare the verifier with the token's (pump.io only checks it is there)")
    args = ap.parse_args(argv)
    if args.host not in LOOPBACK_NAMES:
        ap.error(f"refusing to listen on non-loopback host {args.host!r}")
    return args


def main(argv=None):
    args = parse_args(argv)
    users = [u.strip() for u in args.users.split(",") if u.strip()]
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    app = App(server.server_address[1], users, args.verbose)
    app.creds.strict_verifier = args.strict_verifier
    Handler.app = app
    if (args.demo or args.inbox_size) and not {"alice", "bob", "carol"} <= set(users):
        sys.stderr.write("pumpserver: --demo/--inbox-size need users alice, bob and carol; not seeding\n")
    if args.demo and {"alice", "bob", "carol"} <= set(users):
        seed_demo(app.store, app.verbs)
    if args.inbox_size and {"alice", "bob", "carol"} <= set(users):
        seed_inbox(app.store, app.verbs, args.inbox_size)

    def stop(signum, frame):
        raise SystemExit(0)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"pumpserver listening on {app.base}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except SystemExit:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
