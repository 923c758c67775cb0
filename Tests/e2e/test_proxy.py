"""A proxy in the environment is used or the command fails — never a direct connection, never a
local DNS lookup of the server's name (issue 26).

The server is `pump.example.invalid`: no resolver knows that name, so only the test's own proxies
(SOCKS5 and HTTP CONNECT, loopback only) can reach it, by mapping it to a loopback target that
records every connection it accepts. Each proxy records what it was asked (the SOCKS5 request's
address type and name, the CONNECT line, the credentials) and the local port of every
connection it opened to the target, so a connection the target saw that did not come from the
proxy would be a direct one."""

import base64
import os
import socket
import subprocess
import threading

import pytest

from conftest import BINARY

BIN = os.environ.get("PUMPTUI_BIN", BINARY)
TARGET_NAME = "pump.example.invalid"


def listener():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    return s


def serve(sock, handle):
    def loop():
        while True:
            try:
                conn, peer = sock.accept()
            except OSError:
                return
            threading.Thread(target=handle, args=(conn, peer), daemon=True).start()
    threading.Thread(target=loop, daemon=True).start()


def read_exactly(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def read_head(conn):
    data = b""
    while b"\r\n\r\n" not in data and len(data) < 65536:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def relay(a, b):
    def pump(src, dst):
        try:
            while chunk := src.recv(65536):
                dst.sendall(chunk)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
    threading.Thread(target=pump, args=(a, b), daemon=True).start()
    pump(b, a)


class Target:
    """The 'server': answers HTTP with 404, closes on anything else (a TLS ClientHello),
    and records each connection's peer port and first bytes."""

    def __init__(self):
        self.sock = listener()
        self.port = self.sock.getsockname()[1]
        self.seen = []  # (peer port, first bytes)
        serve(self.sock, self.handle)

    def handle(self, conn, peer):
        with conn:
            first = conn.recv(4096)
            self.seen.append((peer[1], first))
            if first[:1].isalpha():
                conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                             b"Connection: close\r\n\r\nno")


class Proxy:
    """SOCKS5 (no authentication) or HTTP CONNECT (optionally requiring Basic credentials),
    mapping TARGET_NAME, and only it, to the target."""

    def __init__(self, kind, target, credentials=None):
        self.kind, self.target, self.credentials = kind, target, credentials
        self.requests = []       # what each client asked for
        self.outgoing = set()    # local ports of our connections to the target
        self.sock = listener()
        self.port = self.sock.getsockname()[1]
        serve(self.sock, self.handle_socks if kind == "socks5" else self.handle_connect)

    def open_target(self, host):
        if host != TARGET_NAME:
            return None
        out = socket.create_connection(("127.0.0.1", self.target.port))
        self.outgoing.add(out.getsockname()[1])
        return out

    def handle_socks(self, conn, peer):
        with conn:
            ver, n = read_exactly(conn, 2)
            methods = read_exactly(conn, n)
            conn.sendall(b"\x05\x00")
            ver, cmd, _, atyp = read_exactly(conn, 4)
            if atyp == 3:
                host = read_exactly(conn, read_exactly(conn, 1)[0]).decode()
            else:
                host = socket.inet_ntop(socket.AF_INET if atyp == 1 else socket.AF_INET6,
                                        read_exactly(conn, 4 if atyp == 1 else 16))
            port = int.from_bytes(read_exactly(conn, 2), "big")
            self.requests.append({"atyp": atyp, "host": host, "port": port, "methods": methods})
            out = self.open_target(host)
            if out is None:
                conn.sendall(b"\x05\x04\x00\x01" + bytes(6))  # host unreachable
                return
            conn.sendall(b"\x05\x00\x00\x01" + bytes(6))
            with out:
                relay(conn, out)

    def handle_connect(self, conn, peer):
        with conn:
            head = read_head(conn).decode("latin-1")
            lines = head.split("\r\n")
            auth = next((l.split(":", 1)[1].strip() for l in lines[1:] if l.lower().startswith("proxy-authorization:")), None)
            self.requests.append({"line": lines[0], "auth": auth})
            if self.credentials is not None and auth != "Basic " + base64.b64encode(self.credentials.encode()).decode():
                conn.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"t\"\r\n"
                             b"Content-Length: 0\r\n\r\n")
                return
            host = lines[0].split(" ")[1].rsplit(":", 1)[0]
            out = self.open_target(host)
            if out is None:
                conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                return
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            with out:
                relay(conn, out)


def free_port():
    s = listener()
    port = s.getsockname()[1]
    s.close()
    return port


def login(tmp_path, proxy_env, *extra):
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.update(proxy_env)
    return subprocess.run([BIN, "login", f"alice@{TARGET_NAME}", "--no-tui", "--config-dir", str(tmp_path / "cfg"), *extra],
                          env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def assert_only_through(proxy, target, out):
    text = out.stdout + out.stderr
    assert "DNS lookup failed" not in text, text
    assert target.seen, f"the target was never reached: {text}"
    direct = [port for port, _ in target.seen if port not in proxy.outgoing]
    assert not direct, f"direct connections to the target from ports {direct}"


@pytest.fixture
def target():
    t = Target()
    yield t
    t.sock.close()


def test_socks5h_sends_the_name_to_the_proxy(tmp_path, target):
    proxy = Proxy("socks5", target)
    out = login(tmp_path, {"https_proxy": f"socks5h://127.0.0.1:{proxy.port}"})
    assert out.returncode != 0
    assert_only_through(proxy, target, out)
    assert proxy.requests and all(r["atyp"] == 3 and r["host"] == TARGET_NAME and r["port"] == 443
                                  for r in proxy.requests), proxy.requests
    # The tunnel carried our TLS ClientHello, naming the server (SNI); the target speaks no TLS.
    assert target.seen[0][1][:1] == b"\x16" and TARGET_NAME.encode() in target.seen[0][1]
    assert "no TLS here" in out.stderr, out.stderr


def test_http_connect_with_credentials_and_plain_http(tmp_path, target):
    secret = "s3cr:et@x"
    proxy = Proxy("http", target, credentials=f"u@corp:{secret}")
    url = f"http://u%40corp:{secret.replace(':', '%3A').replace('@', '%40')}@127.0.0.1:{proxy.port}"
    log = tmp_path / "debug.log"
    out = login(tmp_path, {"https_proxy": url, "http_proxy": url}, "--allow-http", "--debug", "--log-file", str(log))
    assert out.returncode != 0
    assert_only_through(proxy, target, out)
    lines = [r["line"] for r in proxy.requests]
    assert f"CONNECT {TARGET_NAME}:443 HTTP/1.1" in lines and f"CONNECT {TARGET_NAME}:80 HTTP/1.1" in lines, lines
    # --allow-http went on to plain http, still through the proxy's tunnel.
    assert any(first.startswith(b"GET /.well-known/host-meta") and f"host: {TARGET_NAME}".encode() in first.lower()
               for _, first in target.seen), target.seen
    # The credentials reached the proxy and nothing else: not the terminal, not the debug log.
    written = out.stdout + out.stderr + (log.read_text() if log.exists() else "")
    encoded = base64.b64encode(f"u@corp:{secret}".encode()).decode()
    for needle in (secret, "s3cr", encoded, "%3A"):
        assert needle not in written, needle
    assert all(secret.encode() not in first for _, first in target.seen)


def test_a_proxy_that_wants_credentials_is_named(tmp_path, target):
    proxy = Proxy("http", target, credentials="u:p")
    out = login(tmp_path, {"https_proxy": f"http://127.0.0.1:{proxy.port}"})
    assert out.returncode != 0
    assert f"proxy http://127.0.0.1:{proxy.port} (from https_proxy): it asks for credentials (HTTP 407)" in out.stderr, out.stderr
    assert not target.seen


@pytest.mark.parametrize("scheme", ["socks5h", "http"])
def test_a_refusing_proxy_is_named_not_the_target(tmp_path, target, scheme):
    port = free_port()
    out = login(tmp_path, {"https_proxy": f"{scheme}://u:pw@127.0.0.1:{port}" if scheme == "http"
                           else f"{scheme}://127.0.0.1:{port}"})
    assert out.returncode != 0
    assert f"proxy {scheme}://127.0.0.1:{port} (from https_proxy): connection refused" in out.stderr, out.stderr
    assert "DNS lookup failed" not in out.stderr and "pw" not in out.stderr
    assert not target.seen


@pytest.mark.parametrize("value", ["socks5h://u:secret@127.0.0.1:{port}", "socks4://127.0.0.1:{port}",
                                   "https://127.0.0.1:{port}"])
def test_a_proxy_that_cannot_be_used_is_refused_before_any_connection(tmp_path, target, value):
    proxy = Proxy("socks5", target)
    out = login(tmp_path, {"ALL_PROXY": value.format(port=proxy.port)})
    assert out.returncode != 0
    assert "refusing to connect: the proxy" in out.stderr and "(from ALL_PROXY)" in out.stderr, out.stderr
    assert "nothing was sent" in out.stderr and "secret" not in out.stderr
    assert not proxy.requests and not target.seen
