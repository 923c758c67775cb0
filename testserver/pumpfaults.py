"""Injected failures for the client's error-handling tests (set through POST /_test/fault)."""

import itertools
import json
import struct
import threading
import time
import zlib

MODES = ("none", "slow", "html500", "badjson", "truncated", "wrongtype", "huge", "redirectloop",
         "redirect-other-host", "gzipbomb", "endless", "drip", "ratelimit", "busy", "hostile-host-meta",
         "hostile-thread")
HUGE_SIZE = 64 * 1024 * 1024
SLOW_SECONDS = 15
BOMB_SIZE = 1024 * 1024 * 1024   # zeros before compression: ~1 MB on the wire
DRIP_SECONDS = 60                # one byte a second, for this long at most
RETRY_AFTER = 120
THREAD_PAGE = 5000               # replies per hostile-thread page (spec "size" overrides), whatever count asks
# A host name that decodes to OSC 52 (clipboard write), clear-screen, C1 CSI and RLO.
HOSTILE_HOST = "%1B%5D52%3Bc%3BZXZpbA%3D%3D%07%1B%5B2J%C2%9B31m%E2%80%AEevil.example"
JRD_RELS = (("registration_endpoint", "api/client/register"),
            ("http://apinamespace.org/oauth/request_token", "oauth/request_token"),
            ("http://apinamespace.org/oauth/authorize", "oauth/authorize"),
            ("http://apinamespace.org/oauth/access_token", "oauth/access_token"),
            ("http://apinamespace.org/activitypub/whoami", "api/whoami"))


class Faults:
    def __init__(self):
        self.lock = threading.Lock()
        self.mode, self.prefix, self.count = "none", "", None
        self.size = THREAD_PAGE
        self.serial = itertools.count()

    def set(self, spec):
        mode = spec.get("mode")
        if mode not in MODES:
            raise ValueError(f"unknown fault mode {mode!r}; one of {', '.join(MODES)}")
        count = spec.get("count")
        if count is not None and (not isinstance(count, int) or count < 1):
            raise ValueError("count must be a positive integer")
        size = spec.get("size", THREAD_PAGE)
        if not isinstance(size, int) or not 0 <= size <= 100000:
            raise ValueError("size must be an integer from 0 to 100000")
        with self.lock:
            self.mode, self.prefix, self.count, self.size = mode, spec.get("path_prefix") or "", count, size

    def take(self, path, host):
        """The fault to apply to this request (consuming one use), or None."""
        with self.lock:
            if self.mode == "none" or not path.startswith(self.prefix):
                return None
            # The redirected request itself (arriving as localhost) is served normally.
            if self.mode == "redirect-other-host" and host.split(":")[0] == "localhost":
                return None
            mode = self.mode
            if self.count is not None:
                self.count -= 1
                if self.count <= 0:
                    self.mode, self.prefix, self.count = "none", "", None
            return mode

    def apply(self, mode, handler):
        """Answer the request with the fault; returns the status sent, or None to continue normally."""
        if mode == "slow":
            time.sleep(SLOW_SECONDS)
            return None
        if mode == "html500":
            return raw(handler, 500, "text/html; charset=utf-8",
                       b"<html><body><h1>Internal Server Error</h1><p>Boom.</p></body></html>")
        if mode == "badjson":
            return raw(handler, 200, "application/json; charset=utf-8", b'{"items": [1, 2,, "oops"')
        if mode == "truncated":
            full = b'{"displayName": "cut", "items": [' + b", ".join(
                b'{"id": "http://127.0.0.1/api/activity/%d", "verb": "post"}' % i for i in range(20)) + b"]}"
            return raw(handler, 200, "application/json; charset=utf-8", full[:len(full) // 2])
        if mode == "wrongtype":
            return raw(handler, 200, "text/html; charset=utf-8",
                       b"<!DOCTYPE html><html><body><p>This is not JSON.</p></body></html>")
        if mode == "huge":
            return huge(handler)
        if mode == "gzipbomb":
            return gzip_bomb(handler)
        if mode == "endless":
            return endless(handler)
        if mode == "drip":
            return drip(handler)
        if mode in ("ratelimit", "busy"):
            status = 429 if mode == "ratelimit" else 503
            return raw(handler, status, "text/plain; charset=utf-8", b"Slow down", {"Retry-After": str(RETRY_AFTER)})
        if mode == "hostile-host-meta":
            links = [{"rel": rel, "href": f"http://{HOSTILE_HOST}/{path}"} for rel, path in JRD_RELS]
            return raw(handler, 200, "application/json", json.dumps({"links": links}).encode())
        if mode == "hostile-thread":
            return hostile_replies(handler, self.size, self.serial) if handler.path.split("?")[0].endswith("/replies") else None
        if mode == "redirectloop":
            return redirect(handler, f"http://{handler.host_port()}{handler.path}")
        if mode == "redirect-other-host":
            return redirect(handler, f"http://localhost:{handler.app.port}{handler.path}")
        return None


def raw(handler, status, ctype, body, extra=None):
    handler.record(status)
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (extra or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)
    return status


def hostile_replies(handler, size, serial):
    """Any replies collection answered with `size` replies (whatever `count` asked for), each new
    and each claiming 5 replies of its own, at URLs this mode answers the same way (issue 23):
    a client that follows them all holds hundreds of thousands of posts."""
    base = f"http://{handler.host_port()}"
    parent = base + handler.path.split("?")[0][:-len("/replies")]
    bob = {"objectType": "person", "id": "acct:bob@" + handler.host_port(), "displayName": "Bob",
           "preferredUsername": "bob"}
    items = []
    for _ in range(size):
        n = next(serial)
        oid = f"{base}/api/comment/hostile{n}"
        items.append({"objectType": "comment", "id": oid, "content": f"hostile reply {n}", "author": bob,
                      "published": "2026-01-01T00:00:00Z", "inReplyTo": {"id": parent, "objectType": "note"},
                      "replies": {"url": oid + "/replies", "totalItems": 5}})
    body = {"objectType": "collection", "url": parent + "/replies", "totalItems": size, "items": items}
    return raw(handler, 200, "application/json; charset=utf-8", json.dumps(body).encode())


def redirect(handler, location):
    return raw(handler, 302, "text/plain; charset=utf-8", b"Found", {"Location": location})


def huge(handler):
    """A valid 64 MiB JSON document, streamed in chunks (never built in memory)."""
    head, tail = b'{"items": [', b'"end"]}'
    chunk = b'"' + b"x" * 1020 + b'", '  # 1024 bytes
    body_len = HUGE_SIZE - len(head) - len(tail)
    n, rest = divmod(body_len, len(chunk))
    handler.record(200)
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json; charset=utf-8")
    handler.send_header("Content-Length", str(HUGE_SIZE))
    handler.end_headers()
    try:
        handler.wfile.write(head)
        block = chunk * 64
        for _ in range(n // 64):
            handler.wfile.write(block)
        handler.wfile.write(chunk * (n % 64))
        handler.wfile.write(b" " * rest + tail)
    except (BrokenPipeError, ConnectionResetError):
        handler.close_connection = True
    return 200


def stream_head(handler, ctype, extra):
    handler.record(200)
    handler.send_response(200)
    handler.send_header("Content-Type", ctype)
    for name, value in extra.items():
        handler.send_header(name, value)
    handler.end_headers()


def chunk(handler, data):
    handler.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))


def gzip_bomb(handler):
    """1 GiB of zeros as one gzip stream, sent chunked: about 1 MB on the wire. Each MiB is
    compressed once and repeated (a full flush makes the blocks identical), so the server
    does not spend half a minute in zlib."""
    stream_head(handler, "application/json", {"Content-Encoding": "gzip", "Transfer-Encoding": "chunked"})
    zeros = b"\0" * (1024 * 1024)
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)
    first = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    final = packer.flush()[:-8]  # the trailer is recomputed for the whole stream
    count = BOMB_SIZE // len(zeros)
    try:
        chunk(handler, first)
        for _ in range(count - 1):
            chunk(handler, block)
        crc = 0
        for _ in range(count):
            crc = zlib.crc32(zeros, crc)
        chunk(handler, final + struct.pack("<II", crc, BOMB_SIZE & 0xFFFFFFFF))
        handler.wfile.write(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    handler.close_connection = True
    return 200


def endless(handler):
    """A chunked body that never ends (until the client goes away)."""
    stream_head(handler, "application/json", {"Transfer-Encoding": "chunked"})
    block = b"x" * 65536
    try:
        while True:
            chunk(handler, block)
    except (BrokenPipeError, ConnectionResetError):
        pass
    handler.close_connection = True
    return 200


def drip(handler):
    """A 1 KiB JSON body sent one byte a second: every read is quick, the whole is not."""
    body = b'{"items": [' + b" " * 1000 + b"]}"
    stream_head(handler, "application/json", {"Content-Length": str(len(body))})
    try:
        for i in range(min(len(body), DRIP_SECONDS)):
            handler.wfile.write(body[i:i + 1])
            handler.wfile.flush()
            time.sleep(1)
    except (BrokenPipeError, ConnectionResetError):
        pass
    handler.close_connection = True
    return 200
