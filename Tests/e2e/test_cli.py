"""End-to-end: the real pumptui binary against the local test server."""

import json
import os
import re
import stat

import pexpect

from conftest import approve, login_line_mode, run_pumptui


def secrets_in(config_dir):
    """Every token and secret stored on disk (to prove none reaches any output)."""
    found = []
    for dirpath, _, files in os.walk(config_dir):
        for name in files:
            with open(os.path.join(dirpath, name)) as f:
                data = json.load(f)
            for key in ("token", "tokenSecret", "clientSecret"):
                if data.get(key):
                    found.append(data[key])
    return found


def test_login_line_mode(pumpserver, pumptui_bin, config_dir):
    account = pumpserver.account()
    child = pexpect.spawn(pumptui_bin, ["login", account, "--no-tui", "--config-dir", config_dir],
                          encoding="utf-8", timeout=30)
    child.expect(r"\r\n(http://127\.0\.0\.1:\d+/oauth/authorize\?oauth_token=[A-Za-z0-9_-]+)\r\n")
    url = child.match.group(1)
    child.expect_exact("Verifier: ")
    child.sendline("  " + approve(url) + "  ")
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 0, output
    assert f"Logged in as {account}" in output

    # Files 0600 in a 0700 directory tree.
    assert stat.S_IMODE(os.stat(config_dir).st_mode) == 0o700
    files = []
    for dirpath, dirs, names in os.walk(config_dir):
        for d in dirs:
            assert stat.S_IMODE(os.stat(os.path.join(dirpath, d)).st_mode) == 0o700
        for n in names:
            path = os.path.join(dirpath, n)
            files.append(path)
            assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
    assert any(p.endswith(f"accounts/{account}.json") for p in files)
    for secret in secrets_in(config_dir):
        assert secret not in output


def test_post_and_inbox(logged_in):
    server, config_dir = logged_in
    marker = "e2e <note> & friends"
    posted = run_pumptui("post", marker, "--config-dir", config_dir)
    assert posted.returncode == 0, posted.stderr
    assert re.match(r"^http://127\.0\.0\.1:\d+/\S+$", posted.stdout.strip()), posted.stdout
    inbox = run_pumptui("inbox", "--count", "5", "--config-dir", config_dir)
    assert inbox.returncode == 0, inbox.stderr
    assert marker in inbox.stdout
    assert "\x1b" not in inbox.stdout
    accounts = run_pumptui("accounts", "--config-dir", config_dir)
    assert accounts.stdout.splitlines()[0].startswith(server.account())
    for secret in secrets_in(config_dir):
        for out in (posted, inbox, accounts):
            assert secret not in out.stdout and secret not in out.stderr


def test_post_from_stdin_followers(logged_in):
    server, config_dir = logged_in
    posted = run_pumptui("post", "--to", "followers", "--account", server.account(), "-",
                         "--config-dir", config_dir, input="line one\nline two\n")
    assert posted.returncode == 0, posted.stderr
    inbox = run_pumptui("inbox", "--config-dir", config_dir)
    assert "line one\n  line two" in inbox.stdout


def test_wrong_verifier_exits_1(strict_server, pumptui_bin, config_dir):
    # On a server that compares the verifier (pump.io only checks that one is given).
    child = pexpect.spawn(pumptui_bin, ["login", strict_server.account(), "--no-tui", "--config-dir", config_dir],
                          encoding="utf-8", timeout=30)
    child.expect(r"(http://\S+/oauth/authorize\?oauth_token=\S+)\r\n")
    approve(child.match.group(1))  # approved in the browser, but the user pastes something else
    child.expect_exact("Verifier: ")
    child.sendline("NOTtheVERIFIERatALL123")
    child.expect(pexpect.EOF)
    out = child.before
    child.close()
    assert child.exitstatus == 1
    assert "pumptui: the verifier was not accepted" in out


def test_line_mode_through_pipes(pumpserver, pumptui_bin, config_dir):
    """stdin not a tty: line mode even without --no-tui; EOF instead of a verifier fails cleanly."""
    out = run_pumptui("login", pumpserver.account(), "--config-dir", config_dir, input="")
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert any(re.fullmatch(r"http://127\.0\.0\.1:\d+/oauth/authorize\?oauth_token=\S+", l) for l in lines)
    assert "pumptui: no verifier given" in out.stderr


def test_server_not_running(pumptui_bin, config_dir):
    out = run_pumptui("login", "alice@127.0.0.1:9", "--no-tui", "--config-dir", config_dir)
    assert out.returncode == 1
    assert "pumptui: could not connect to 127.0.0.1:9: connection refused" in out.stderr


def test_bad_account_and_logout(logged_in):
    server, config_dir = logged_in
    bad = run_pumptui("login", "not-an-account", "--config-dir", config_dir)
    assert bad.returncode == 2 and "invalid account" in bad.stderr   # a usage error (issue 15)
    out = run_pumptui("logout", server.account(), "--config-dir", config_dir)
    assert out.returncode == 0
    assert run_pumptui("accounts", "--config-dir", config_dir).stdout == ""
    post = run_pumptui("post", "hi", "--config-dir", config_dir)
    assert post.returncode == 1 and "no account is logged in" in post.stderr


def test_usage_errors_exit_2_and_empty_store_says_so(pumptui_bin, config_dir):
    """Exit codes are documented as 0 ok, 1 failure, 2 usage (ArgumentParser alone gives 64)."""
    import subprocess
    bad = subprocess.run([pumptui_bin, "login"], capture_output=True, text=True, timeout=20)
    assert bad.returncode == 2 and "Missing expected argument" in bad.stderr
    bad = subprocess.run([pumptui_bin, "--no-such-flag"], capture_output=True, text=True, timeout=20)
    assert bad.returncode == 2
    empty = subprocess.run([pumptui_bin, "accounts", "--config-dir", config_dir],
                           capture_output=True, text=True, timeout=20)
    assert empty.returncode == 0 and empty.stdout == "" and "No accounts stored" in empty.stderr


def test_an_escape_delay_out_of_range_is_a_usage_error(pumptui_bin, config_dir):
    """--escape-delay 2147483648 trapped (exit 132) before the crash handler was armed."""
    import subprocess
    for value in ("2147483648", "-1", "5001"):
        bad = subprocess.run([pumptui_bin, "--escape-delay", value, "--config-dir", config_dir],
                             capture_output=True, text=True, timeout=20)
        assert bad.returncode == 2, (value, bad.returncode, bad.stderr)
        assert "--escape-delay" in bad.stderr
