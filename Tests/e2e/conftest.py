"""Shared fixtures for end-to-end tests of the real `pumptui` binary.

- `pumpserver`: testserver/pumpserver.py on a free loopback port (stopped after the test).
- `pumptui_bin`: path of the build's binary (tui.BUILD_BINARY: .build/debug/pumptui, or
  $PUMPTUI_BUILD_BIN, which the test command sets to its release build).
- `build_binary`: the build under test and then the packaged binary (one test run each), for the
  terminal-safety tests.
- `config_dir`: a fresh credential directory (its parent is private to the test).
- `approve(url, user)`: plays the human on the authorize page, returns the verifier.
- `run_pumptui(*args)`: runs the binary to completion, returns CompletedProcess (text).
- `logged_in`: a pumpserver plus a config dir where alice has logged in via the real binary.
"""

import os
import subprocess
import sys

import pexpect
import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
APPROVE = os.path.join(ROOT, "testserver", "approve.py")
sys.path.insert(0, os.path.join(ROOT, "testserver"))
from harness import ServerProcess  # noqa: E402
# The fixtures' binary ignores PUMPTUI_BIN (the binary under test, maybe an older one).
from tui import BUILD_BINARY as BINARY, BUILDS  # noqa: E402


class PumpServer(ServerProcess):
    def account(self, nick="alice"):
        return f"{nick}@127.0.0.1:{self.port}"


# tryfirst: xdist reads the group marks in its own collection hook (the nodeid's "@group"),
# which ran before this one, so the marks were never seen and real-server tests ran on both
# workers (two federating pairs for one port 80).
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """With pytest-xdist (the test command runs three workers, --dist loadgroup), every test of the
    real pump.io runs in one worker: its servers are started once per worker (session fixtures),
    and the federating pair needs port 80, which only one worker can have."""
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        # By file as well as by fixture: a test module's own fixture over `real_fed` did not
        # carry `real_pump` in its names, and its tests started a second federating pair on
        # the other worker (adduser 409 on 127.0.0.2, seen in a fresh-clone run).
        names = getattr(item, "fixturenames", ())
        if item.path.name.startswith("test_real_") or any(n.startswith("real_") for n in names):
            item.add_marker(pytest.mark.xdist_group("real-pump.io"))


@pytest.fixture(autouse=True)
def private_xdg_state(tmp_path_factory, monkeypatch):
    """Every test's own XDG state and cache directories: a run that gives XDG_CONFIG_HOME
    rather than --config-dir keeps drafts and the debug log in $XDG_STATE_HOME, which must never
    be the real ~/.local/state."""
    base = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_STATE_HOME", str(base / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))


@pytest.fixture
def pumpserver():
    server = PumpServer()
    yield server
    server.stop()


@pytest.fixture
def strict_server():
    """A test server that compares the verifier with the token's, for the client's wrong-verifier
    path (pump.io 5.1.4 only checks that one is given: the default, issue 24)."""
    s = PumpServer("--strict-verifier")
    yield s
    s.stop()


@pytest.fixture(scope="session")
def pumptui_bin():
    if not os.access(BINARY, os.X_OK):
        pytest.fail(f"{BINARY} is missing: run `swift build --build-tests` first")
    return BINARY


@pytest.fixture(params=sorted(BUILDS))
def build_binary(request):
    path = BUILDS[request.param]
    if not os.access(path, os.X_OK):
        pytest.fail(f"{path} is missing: run `swift build --build-tests` and `scripts/package.sh`")
    return path


@pytest.fixture
def config_dir(tmp_path):
    return str(tmp_path / "pumptui-config")


def approve(url, user="alice"):
    out = subprocess.run([sys.executable, APPROVE, url, "--user", user],
                         capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


@pytest.fixture
def approver():
    return approve


def run_pumptui(*args, input=None, timeout=60):
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([BINARY, *args], capture_output=True, text=True, input=input,
                          timeout=timeout, env=env)


@pytest.fixture
def pumptui():
    return run_pumptui


def login_line_mode(binary, account, config_dir, user="alice", timeout=30):
    """Drives `pumptui login ACCOUNT --no-tui` through a pty; returns (child, full output)."""
    child = pexpect.spawn(binary, ["login", account, "--no-tui", "--config-dir", config_dir],
                          encoding="utf-8", timeout=timeout, env=dict(os.environ, NO_COLOR="1"))
    child.expect(r"(http://\S+/oauth/authorize\?oauth_token=\S+)\r?\n")
    url = child.match.group(1)
    child.expect_exact("Verifier: ")
    child.sendline(approve(url, user))
    child.expect(pexpect.EOF)
    child.close()
    return child, url


def log_in_each(binary, server, tmp_path, nicks):
    """Each nick logged in (line mode) with a config directory of its own; nick → directory."""
    dirs = {}
    for nick in nicks:
        d = str(tmp_path / nick)
        child, _ = login_line_mode(binary, server.account(nick), d, user=nick)
        assert child.exitstatus == 0, child.before
        dirs[nick] = d
    return dirs


@pytest.fixture
def logged_in(pumpserver, pumptui_bin, config_dir):
    child, _ = login_line_mode(pumptui_bin, pumpserver.account(), config_dir)
    assert child.exitstatus == 0, child.before
    return pumpserver, config_dir


# -- The real pump.io server (issue 24; Tests/e2e/realpump.py) -------------------------------

REAL_USERS = ("alice", "bob", "carol")


@pytest.fixture(scope="session")
def real_pump(tmp_path_factory):
    """The real pump.io 5.1.4 (../shared/pumpio) on a free loopback port, started once per run,
    with alice, bob and carol. Skipped where the server is not there, unless
    PUMPTUI_REAL_PUMPIO=required (the test command sets it: there a missing server fails)."""
    from realpump import RealPump, missing_reason
    why = missing_reason()
    if why:
        if os.environ.get("PUMPTUI_REAL_PUMPIO") == "required":
            pytest.fail(why)
        pytest.skip(why)
    pump = RealPump(tmp_path_factory.mktemp("pumpio"))
    try:
        for nick in REAL_USERS:
            pump.add_user(nick)
        yield pump
    finally:
        pump.stop()


@pytest.fixture(scope="session")
def real_logins(real_pump, tmp_path_factory):
    """alice and bob logged in (line mode, the binary under test), each with a config directory of
    its own; bob follows alice (set up through the API). nick -> config directory."""
    from realpump import login_line
    from tui import BINARY as binary
    base = tmp_path_factory.mktemp("real-logins")
    dirs = {}
    for nick in ("alice", "bob"):
        dirs[nick] = str(base / nick)
        status, out = login_line(binary, real_pump, real_pump.account(nick), dirs[nick], nick)
        assert status == 0, out
    real_pump.client("bob").activity("follow", real_pump.client("alice").me())
    return dirs


@pytest.fixture(scope="session")
def real_fed(real_pump, tmp_path_factory):
    """Two real pump.io instances that federate: a at http://127.0.0.2 with alice, b at
    http://127.0.0.3 with bob (port 80: pump.io's discovery between servers tries no other).
    Skipped where port 80 cannot be had (not root, or busy)."""
    from realpump import FED_ADDRESSES, RealPump, fed_missing_reason
    why = fed_missing_reason()
    if why:
        pytest.skip(why)
    import threading
    base = tmp_path_factory.mktemp("pumpio-fed")
    servers, failures = {}, []

    def start(name, address):
        try:
            servers[name] = RealPump(base / name, fed=(name, address), tree=real_pump.tree)
        except Exception as e:  # reported below, after both attempts
            failures.append(e)

    def together(tasks):
        """Both servers at once: each start or stop waits a few seconds for its processes."""
        threads = [threading.Thread(target=task, args=args) for task, *args in tasks]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    try:
        together([(start, name, address) for name, address in zip(("a", "b"), FED_ADDRESSES)])
        if failures:
            raise failures[0]
        servers["a"].add_user("alice")
        servers["b"].add_user("bob")
        yield servers["a"], servers["b"]
    finally:
        together([(server.stop,) for server in servers.values()])
