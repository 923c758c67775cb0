"""The real pump.io 5.1.4 server (../shared/pumpio, issue 24) for end-to-end tests.

    pump = RealPump(workdir)          # a runnable copy if needed, then start.sh on a free port
    pump.add_user("alice")            # adduser.py; password "alice-pass-123"
    pump.account("alice")             # "alice@127.0.0.1:PORT"
    pump.authorize(url, "alice")      # authorize.py plays the browser; returns the verifier
    pump.stop()                       # stop.sh

The server folder is read-only and shared. Its two symbolic links (`src/node_modules` and
`node_modules/lodash`) can arrive as small text files naming their target (a copy that did not
keep links); node then fails to start. Then this helper runs a private copy with the links put
back; otherwise it runs the folder itself.
"""
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PUMPIO = Path(os.environ.get("PUMPIO_DIR", str(ROOT.parent / "shared" / "pumpio")))


def missing_reason():
    """Why the real server cannot run here ("" when it can)."""
    if not (PUMPIO / "start.sh").exists():
        return f"the real pump.io server is not at {PUMPIO} (see issue 24)"
    if shutil.which("node") is None:
        return "node is not installed"
    return ""


FED_ADDRESSES = ("127.0.0.2", "127.0.0.3")


def fed_missing_reason():
    """Why two federating instances cannot run here ("" when they can): they listen on port 80."""
    if os.geteuid() != 0:
        return "federating pump.io instances listen on port 80 (root only)"
    for address in FED_ADDRESSES:
        with socket.socket() as s:
            if s.connect_ex((address, 80)) == 0:
                return f"{address}:80 is busy"
    return ""


def password(nick):
    return f"{nick}-pass-123"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _flattened_links(tree):
    """Regular files that stand for a lost symbolic link: one line, no newline, naming a path
    that exists relative to the file's folder (or absolutely). Only small files are looked at."""
    found = []
    for path in tree.rglob("*"):
        try:
            st = path.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode) or not 0 < st.st_size < 256:
            continue
        text = path.read_bytes()
        if b"\n" in text or b"\0" in text or b" " in text:
            continue
        target = text.decode("utf-8", "replace")
        if (path.parent / target).exists() and (path.parent / target).resolve() != path.resolve():
            found.append((path, target))
    return found


def runnable_tree(workdir):
    """The pump.io folder itself, or a private copy in workdir with its links restored."""
    if not (PUMPIO / "src" / "node_modules").is_file() and not (PUMPIO / "node_modules" / "lodash").is_file():
        return PUMPIO
    copy = Path(workdir) / "pumpio"
    shutil.copytree(PUMPIO, copy, symlinks=True)
    for path, target in _flattened_links(copy):
        path.parent.chmod(path.parent.stat().st_mode | stat.S_IWUSR)
        path.unlink()
        path.symlink_to(target)
    return copy


class RealPump:
    """One pump.io instance. `fed=(NAME, ADDRESS)`: a federating one (start-fed.sh) that calls
    itself ADDRESS on port 80, as pump.io's discovery between servers needs; `tree`: a runnable
    tree another instance made (it stays that one's to remove)."""

    def __init__(self, workdir, fed=None, tree=None):
        self.workdir = Path(workdir)
        self.owns_tree = tree is None
        self.tree = tree or runnable_tree(self.workdir)
        self.run_dir = self.workdir / "run"
        self.env = dict(os.environ, PUMPIO_RUN=str(self.run_dir))
        self.port = self.base = self.fed = None
        self._clients = {}
        if fed:
            name, address = fed
            out = subprocess.run([str(self.tree / "start-fed.sh"), name, address, address], capture_output=True,
                                 text=True, env=self.env, timeout=90)
            if out.returncode != 0:
                raise RuntimeError(f"pump.io {name} did not start: " + out.stderr[-2000:])
            self.fed, self.port, self.base, self.address = name, 80, out.stdout.strip(), address
            return
        # start.sh exits 1 when the port was taken meanwhile: try a few.
        for _ in range(3):
            port = free_port()
            out = subprocess.run([str(self.tree / "start.sh"), str(port)], capture_output=True, text=True,
                                 env=self.env, timeout=90)
            if out.returncode == 0:
                self.port, self.base = port, out.stdout.strip()
                break
            if "busy" not in out.stderr:
                raise RuntimeError("pump.io did not start: " + out.stderr[-2000:])
        if self.base is None:
            raise RuntimeError("pump.io did not start: no free port")

    @property
    def host(self):
        return self.address if self.fed else f"127.0.0.1:{self.port}"

    def account(self, nick="alice"):
        return f"{nick}@{self.host}"

    def add_user(self, nick):
        out = subprocess.run([sys.executable, str(self.tree / "adduser.py"), self.base, nick, password(nick)],
                             capture_output=True, text=True, timeout=30)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    def authorize(self, url, nick="alice", as_nick=None):
        """The browser step: logs in as `as_nick` (default nick) and presses Authorize."""
        who = as_nick or nick
        out = subprocess.run([sys.executable, str(self.tree / "authorize.py"), url, "--user", who,
                              "--password", password(who)], capture_output=True, text=True, timeout=30)
        assert out.returncode == 0, out.stderr
        return out.stdout.strip()

    def client(self, nick):
        """A signed API client logged in as nick (the OAuth dance done in Python: test set-up
        and checks of what the server holds, independent of pumptui); one per nick."""
        if nick not in self._clients:
            self._clients[nick] = PumpClient(self, nick)
        return self._clients[nick]

    def restart(self):
        """Stops the server and starts it again on the same port: pump.io 5.1.4's memory database
        comes back empty (no client registrations, tokens, users or items), as after a real
        server's restart. The new run's files replace the old ones (start.sh clears them)."""
        assert not self.fed and self.port is not None
        subprocess.run([str(self.tree / "stop.sh"), str(self.port)], env=self.env, timeout=30, check=True)
        self._clients = {}
        out = None
        # The old socket can linger a moment after the processes end: "busy" is tried again.
        for _ in range(20):
            out = subprocess.run([str(self.tree / "start.sh"), str(self.port)], capture_output=True, text=True,
                                 env=self.env, timeout=90)
            if out.returncode == 0 or "busy" not in out.stderr:
                break
            time.sleep(0.25)
        if out.returncode != 0:
            self.port = None
            raise RuntimeError("pump.io did not start again on its port: " + out.stderr[-2000:])

    @property
    def log(self):
        """pump.log of the current run (bunyan JSON: one line per request and error)."""
        return self.run_dir / str(self.port) / "pump.log"

    def stop(self):
        if self.port is not None:
            stop = ["stop-fed.sh", self.fed] if self.fed else ["stop.sh", str(self.port)]
            subprocess.run([str(self.tree / stop[0]), stop[1]], env=self.env, timeout=30)
            self.port = None
        if self.owns_tree and self.tree != PUMPIO:
            # The copy keeps pump.io's read-only modes: make it writable to remove it.
            for dirpath, dirnames, _ in os.walk(self.tree):
                os.chmod(dirpath, 0o700)
            shutil.rmtree(self.tree, ignore_errors=True)


class PumpClient:
    """OAuth 1.0a as PyPump does it, with oauthlib (the test venv has it)."""

    def __init__(self, pump, nick):
        from oauthlib import oauth1
        self.pump, self.nick, self._oauth1 = pump, nick, oauth1
        reg = self._send("POST", "/api/client/register", body=json.dumps(
            {"type": "client_associate", "application_type": "native", "application_name": "e2e-check"}).encode(),
            headers={"Content-Type": "application/json"}, signed=False)
        self.key, self.secret = reg["client_id"], reg["client_secret"]
        c = oauth1.Client(self.key, client_secret=self.secret, callback_uri="oob")
        token = dict(_form(self._raw(c, "POST", "/oauth/request_token")))
        verifier = pump.authorize(f"{pump.base}/oauth/authorize?oauth_token={token['oauth_token']}", nick)
        c = oauth1.Client(self.key, client_secret=self.secret, resource_owner_key=token["oauth_token"],
                          resource_owner_secret=token["oauth_token_secret"], verifier=verifier)
        access = dict(_form(self._raw(c, "POST", "/oauth/access_token")))
        self.oauth = oauth1.Client(self.key, client_secret=self.secret, resource_owner_key=access["oauth_token"],
                                   resource_owner_secret=access["oauth_token_secret"])

    def _raw(self, client, method, path, body=None, headers=None):
        url = path if path.startswith("http") else self.pump.base + path
        headers = dict(headers or {})
        if client is not None:
            # A JSON body is not signed (pump.io signs form bodies only).
            url, signed_headers, _ = client.sign(url, method, None, {k: v for k, v in headers.items()})
            headers.update(signed_headers)
        req = urllib.request.Request(url, data=body, method=method, headers=headers)
        with urllib.request.urlopen(req, timeout=15) as r:
            return r.read()

    def _send(self, method, path, body=None, headers=None, signed=True):
        return json.loads(self._raw(self.oauth if signed else None, method, path, body, headers))

    def get(self, path):
        return self._send("GET", path, headers={"Accept": "application/json"})

    def me(self):
        """The user's person object (whoami redirects, and urllib would not re-sign the hop)."""
        return self.get(f"/api/user/{self.nick}/profile")

    def post(self, path, doc):
        return self._send("POST", path, body=json.dumps(doc).encode(),
                          headers={"Content-Type": "application/json", "Accept": "application/json"})

    def activity(self, verb, obj, **extra):
        """POSTs an activity to the user's own outbox (feed); returns the server's copy."""
        return self.post(f"/api/user/{self.nick}/feed", dict(extra, verb=verb, object=obj))

    def note(self, text, public=True):
        to = [{"objectType": "collection", "id": "http://activityschema.org/collection/public"}] if public else []
        return self.activity("post", {"objectType": "note", "content": text}, to=to)


def _form(body):
    return urllib.parse.parse_qsl(body.decode())


def login_line(binary, pump, typed, config_dir, nick, timeout=30):
    """`pumptui login TYPED --no-tui` in a pty, the browser step as nick; (exit status, output)."""
    import io
    import pexpect
    out = io.StringIO()
    child = pexpect.spawn(binary, ["login", typed, "--no-tui", "--config-dir", str(config_dir)],
                          encoding="utf-8", timeout=timeout, env=dict(os.environ, NO_COLOR="1"))
    child.logfile_read = out
    child.expect(r"(http://\S+/oauth/authorize\?oauth_token=\S+)\r?\n")
    url = child.match.group(1)
    child.expect_exact("Verifier: ")
    child.sendline(pump.authorize(url, nick))
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, out.getvalue()


def run_pumptui(binary, *args, input=None, timeout=60):
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([binary, *args], capture_output=True, text=True, input=input, timeout=timeout, env=env)
