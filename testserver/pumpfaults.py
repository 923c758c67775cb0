"""Injected failures for the client's error-handling tests (set through POST /_test/fault)."""

import threading
import time

MODES = ("none", "slow", "html500", "badjson", "truncated", "wrongtype", "huge", "redirectloop",
         "redirect-other-host")
HUGE_SIZE = 64 * 1024 * 1024
SLOW_SECONDS = 15


class Faults:
    def __init__(self):
        self.lock = threading.Lock()
        self.mode, self.prefix, self.count = "none", "", None

    def set(self, spec):
        mode = spec.get("mode")
        if mode not in MODES:
            raise ValueError(f"unknown fault mode {mode!r}; one of {', '.join(MODES)}")
        count = spec.get("count")
        if count is not None and (not isinstance(count, int) or count < 1):
            raise ValueError("count must be a positive integer")
        with self.lock:
            self.mode, self.prefix, self.count = mode, spec.get("path_prefix") or "", count

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
