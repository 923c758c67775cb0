"""End-to-end (issue 15): the line-mode tools for scripts (--json, paging), the debug log and
the XDG state directory, with the real binary against the local test server."""

import json
import os
import re
import stat
import subprocess

from conftest import BINARY, run_pumptui
from test_cli import secrets_in


def test_json_output_of_accounts_post_and_inbox(logged_in):
    server, config_dir = logged_in
    accounts = run_pumptui("accounts", "--json", "--config-dir", config_dir)
    assert accounts.returncode == 0, accounts.stderr
    assert [a["account"] for a in json.loads(accounts.stdout)["accounts"]] == [server.account()]
    posted = run_pumptui("post", "--json", "json <b>note</b>", "--config-dir", config_dir)
    assert posted.returncode == 0, posted.stderr
    note = json.loads(posted.stdout)["item"]["object"]
    assert re.match(r"http://127\.0\.0\.1:\d+/", note["url"]) and note["id"]
    inbox = run_pumptui("inbox", "--json", "--count", "5", "--config-dir", config_dir)
    assert inbox.returncode == 0, inbox.stderr
    items = json.loads(inbox.stdout)["items"]
    assert items[0]["verb"] == "post" and items[0]["object"]["id"] == note["id"]
    assert "json <b>note</b>" in items[0]["object"]["text"]
    assert items[0]["object"]["url"] == note["url"]
    for secret in secrets_in(config_dir):
        assert all(secret not in out.stdout + out.stderr for out in (accounts, posted, inbox))


def test_accounts_json_with_none_stored_is_an_empty_array(tmp_path):
    """Issue 26: `[]`, not a pretty-printed "[\\n\\n]", in the versioned document; the hint goes
    to stderr."""
    out = run_pumptui("accounts", "--json", "--config-dir", str(tmp_path / "none"))
    assert out.returncode == 0, out.stderr
    assert out.stdout == '{\n  "accounts" : [],\n  "version" : 1\n}\n' and "pumptui login" in out.stderr


def test_inbox_pages_with_before_and_since(logged_in):
    _, config_dir = logged_in
    for i in range(5):
        assert run_pumptui("post", f"page note {i}", "--config-dir", config_dir).returncode == 0
    first = json.loads(run_pumptui("inbox", "--json", "--count", "2", "--config-dir", config_dir).stdout)["items"]
    assert [a["object"]["text"] for a in first] == ["page note 4", "page note 3"]
    older = json.loads(run_pumptui("inbox", "--json", "--count", "2", "--before", first[-1]["id"],
                                   "--config-dir", config_dir).stdout)["items"]
    assert [a["object"]["text"] for a in older] == ["page note 2", "page note 1"]
    newer = run_pumptui("inbox", "--count", "5", "--since", older[0]["id"], "--config-dir", config_dir)
    assert newer.returncode == 0, newer.stderr
    assert "page note 4" in newer.stdout and "page note 3" in newer.stdout and "page note 2" not in newer.stdout
    # Text output carries each item's URL on its own line.
    assert re.search(r"^  http://127\.0\.0\.1:\d+/\S+$", newer.stdout, re.M), newer.stdout
    future = run_pumptui("inbox", "--since", "2999-01-01", "--config-dir", config_dir)
    assert future.returncode == 0 and future.stdout.strip() == "(inbox is empty)"
    both = run_pumptui("inbox", "--since", "x", "--before", "y", "--config-dir", config_dir)
    assert both.returncode == 2


def test_debug_log_in_line_mode_is_on_stderr_and_hides_secrets(logged_in):
    _, config_dir = logged_in
    out = run_pumptui("inbox", "--debug", "--config-dir", config_dir)
    assert out.returncode == 0, out.stderr
    http = [l for l in out.stderr.splitlines() if "pumptui.http:" in l]
    assert http and re.search(r"debug pumptui\.http: GET http://127\.0\.0\.1:\d+/api/user/alice/inbox/major\?… 200 \d+ bytes \d+ ms", http[0]), out.stderr
    assert "\x1b" not in out.stderr
    for secret in secrets_in(config_dir):
        assert secret not in out.stderr


def test_log_file_records_the_login_without_secrets(pumpserver, tmp_path):
    from conftest import login_line_mode
    config = str(tmp_path / "config")
    log = tmp_path / "logs" / "pumptui.log"
    log.parent.mkdir()   # --log-file makes no directories (issue 26)
    child, url = login_line_mode(BINARY, pumpserver.account(), config)
    assert child.exitstatus == 0
    out = run_pumptui("inbox", "--log-file", str(log), "--config-dir", config)
    assert out.returncode == 0 and out.stderr == ""          # the log went to the file only
    bad = run_pumptui("login", "alice@127.0.0.1:9", "--no-tui", "--log-file", str(log), "--config-dir", config)
    assert bad.returncode == 1
    text = log.read_text()
    assert stat.S_IMODE(os.stat(log).st_mode) == 0o600
    assert "pumptui.http: GET" in text and "pumptui.login: login alice@127.0.0.1:9: discovering" in text
    assert "connection refused" in text
    for secret in secrets_in(config):
        assert secret not in text
    assert url.split("oauth_token=")[1] not in text


def test_drafts_move_from_the_config_dir_to_xdg_state(logged_in, tmp_path):
    """An older pumptui kept drafts in the config directory; the first start moves them to
    $XDG_STATE_HOME/pumptui (here via XDG_CONFIG_HOME, as users have it: no --config-dir)."""
    server, config_dir = logged_in
    xdg_config = tmp_path / "xdg-config"
    xdg_config.mkdir(mode=0o700)
    os.rename(config_dir, xdg_config / "pumptui")
    old = xdg_config / "pumptui" / "drafts" / server.account() / "note.json"
    old.parent.mkdir(parents=True, mode=0o700)
    os.chmod(old.parent.parent, 0o700)
    old.write_text(json.dumps({"kind": {"type": "note"}, "text": "unsent words", "audience": "public",
                               "saved": "2026-11-30T10:00:00Z", "account": server.account()}))
    os.chmod(old, 0o600)
    state = tmp_path / "xdg-state"
    env = dict(os.environ, XDG_CONFIG_HOME=str(xdg_config), XDG_STATE_HOME=str(state), NO_COLOR="1")
    out = subprocess.run([BINARY, server.account(), "--no-tui"], capture_output=True, text=True, timeout=30, env=env)
    assert out.returncode == 0, out.stderr
    moved = state / "pumptui" / "drafts" / server.account() / "note.json"
    assert json.loads(moved.read_text())["text"] == "unsent words"
    assert not old.exists() and not (xdg_config / "pumptui" / "drafts").exists()
    assert stat.S_IMODE(os.stat(state / "pumptui").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(moved).st_mode) == 0o600


def test_a_state_dir_others_may_write_is_refused(logged_in, tmp_path):
    server, config_dir = logged_in
    xdg_config = tmp_path / "xdg-config"
    xdg_config.mkdir(mode=0o700)
    os.rename(config_dir, xdg_config / "pumptui")
    state = tmp_path / "xdg-state"
    (state / "pumptui").mkdir(parents=True)
    os.chmod(state, 0o700)
    os.chmod(state / "pumptui", 0o777)
    env = dict(os.environ, XDG_CONFIG_HOME=str(xdg_config), XDG_STATE_HOME=str(state), NO_COLOR="1")
    out = subprocess.run([BINARY, server.account(), "--no-tui"], capture_output=True, text=True, timeout=30, env=env)
    assert out.returncode == 1
    assert str(state / "pumptui") in out.stderr


def test_debug_in_full_screen_logs_to_the_state_dir_not_the_screen(pumpserver, tmp_path):
    """--debug with the UI on the terminal: the log goes to $XDG_STATE_HOME/pumptui/debug.log,
    and not one log line reaches the screen."""
    from tui import TUI
    state = tmp_path / "state"
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(state)}
    with TUI([pumpserver.account(), "--debug"], env=env) as t:
        t.wait_for("Please authorize pumptui", timeout=15)
        t.wait_for("/oauth/authorize?oauth_token=", timeout=10)
        token = re.search(r"oauth_token=([A-Za-z0-9_-]+)", t.text()).group(1)
        t.pump(0.3)
        assert b"pumptui.http" not in t.raw and b"debug" not in t.raw.lower().replace(b"--debug", b"")
    log = state / "pumptui" / "debug.log"
    text = log.read_text()
    assert stat.S_IMODE(os.stat(log).st_mode) == 0o600
    assert re.search(r"pumptui\.http: POST http://127\.0\.0\.1:\d+/oauth/request_token 200", text), text
    assert "pumptui.login: login alice@" in text
    assert token not in text
