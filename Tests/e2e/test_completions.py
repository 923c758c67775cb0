"""Shell completion (issue 15) in the shells people use, not only bash: the zsh and fish scripts
the binary generates complete ACCOUNT with the stored account names, asked of the binary itself,
and never show anything from inside the credential files. zsh is driven interactively (its
completion runs only inside the line editor); fish answers `complete -C` directly."""

import os
import shutil
import subprocess
import time

import pexpect
import pytest

from conftest import BINARY

NAMES = ("alice@pump.example", "bob@127.0.0.1:8000")


@pytest.fixture
def shell_env(tmp_path):
    """Two stored accounts whose files hold fake secrets; PATH finds the binary under test."""
    config = tmp_path / "xdg" / "pumptui"
    (config / "accounts").mkdir(parents=True)
    for d in (tmp_path / "xdg", config, config / "accounts"):
        os.chmod(d, 0o700)
    for name in NAMES:
        path = config / "accounts" / f"{name}.json"
        path.write_text('{"token": "SECRET-TOKEN", "tokenSecret": "SECRET-TS"}')
        os.chmod(path, 0o600)
    bindir = tmp_path / "bin"
    bindir.mkdir()
    os.symlink(BINARY, bindir / "pumptui")
    return dict(os.environ, PATH=f"{bindir}:{os.environ['PATH']}", XDG_CONFIG_HOME=str(tmp_path / "xdg"),
                HOME=str(tmp_path), TERM="xterm", LANG="C.UTF-8")


def script(shell, tmp_path):
    out = subprocess.run([BINARY, "--generate-completion-script", shell], capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    path = tmp_path / ("_pumptui" if shell == "zsh" else f"pumptui.{shell}")
    path.write_text(out.stdout)
    return path


def tab_complete(argv, setup, typed, env, want=NAMES):
    """Types `typed` and a Tab into an interactive shell (completion runs only inside the line
    editor: fish's `complete -C` cannot read the command line non-interactively) and returns
    what the shell drew, once every string in `want` is there or after 10 s."""
    sh = pexpect.spawn(argv[0], argv[1:], env=env, encoding="utf-8", dimensions=(24, 200), timeout=20)
    try:
        sh.sendline(setup + "; echo SET''UP-DONE")
        sh.expect("SETUP-DONE")
        sh.send(typed + "\t")
        drawn, end = "", time.monotonic() + 10
        while time.monotonic() < end and not all(w in drawn for w in want):
            try:
                drawn += sh.read_nonblocking(65536, timeout=0.2)
            except pexpect.TIMEOUT:
                pass
        return drawn
    finally:
        sh.close(force=True)


@pytest.mark.skipif(not shutil.which("fish"), reason="fish not installed (scripts/install-deps.sh installs it)")
def test_fish_completes_stored_accounts(shell_env, tmp_path):
    drawn = tab_complete(["fish", "--no-config", "-i"], f"source {script('fish', tmp_path)}",
                         "pumptui logout ", shell_env)
    assert all(n in drawn for n in NAMES), drawn
    assert "SECRET" not in drawn


@pytest.mark.skipif(not shutil.which("zsh"), reason="zsh not installed (scripts/install-deps.sh installs it)")
def test_zsh_completes_stored_accounts(shell_env, tmp_path):
    path = script("zsh", tmp_path)
    setup = f"fpath=({path.parent} $fpath); autoload -U compinit; compinit -u -D"
    drawn = tab_complete(["zsh", "-f", "-i"], setup, "pumptui logout ", shell_env)
    assert all(n in drawn for n in NAMES), drawn
    assert "SECRET" not in drawn
    # The one candidate is inserted whole, port included: zsh's _describe reads "host:8000" as
    # a value and a description unless the colon is escaped (it completed "bob@127.0.0.1").
    drawn = tab_complete(["zsh", "-f", "-i"], setup, "pumptui logout b", shell_env, want=["ob@127.0.0.1:8000"])
    assert "ob@127.0.0.1:8000" in drawn, drawn
