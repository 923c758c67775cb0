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

BINARY = os.environ.get("PUMPTUI_BIN", BINARY)  # the binary under test (an older one to compare)

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


# Issue 26: the main form (`pumptui [ACCOUNT] [options]`, the default subcommand's), option
# values and `help` complete in every shell, and bash keeps ACCOUNT one word despite the @ and :
# in COMP_WORDBREAKS.

def shell_session(shell, tmp_path):
    """argv and the setup line that loads the generated script into an interactive shell."""
    path = script(shell, tmp_path)
    if shell == "bash":
        return ["bash", "--norc", "--noprofile", "-i"], f"source {path}; bind 'set show-all-if-ambiguous on'"
    if shell == "zsh":
        return ["zsh", "-f", "-i"], f"fpath=({path.parent} $fpath); autoload -U compinit; compinit -u -D"
    return ["fish", "--no-config", "-i"], f"source {path}"


SHELLS = [pytest.param(s, marks=pytest.mark.skipif(not shutil.which(s), reason=f"{s} not installed"))
          for s in ("bash", "zsh", "fish")]


@pytest.fixture
def user_theme(shell_env):
    themes = os.path.join(shell_env["XDG_CONFIG_HOME"], "pumptui", "themes")
    os.makedirs(themes, mode=0o700)
    with open(os.path.join(themes, "mytheme.theme"), "w") as f:
        f.write("[colors]\n")
    return shell_env


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("typed,want", [
    ("pumptui al", ["alice@pump.example"]),                        # the main form's ACCOUNT
    ("pumptui ", ["login", "logout", "alice@pump.example"]),     # subcommands and ACCOUNT
    ("pumptui --th", ["--theme"]),                                 # the main form's options
    ("pumptui --theme ", ["dark", "high-contrast", "mytheme"]),    # built-in and user themes
    ("pumptui post --to ", ["public", "followers"]),
    ("pumptui help ", ["login", "inbox"]),
])
def test_main_form_option_values_and_help_complete(shell, typed, want, user_theme, tmp_path):
    argv, setup = shell_session(shell, tmp_path)
    drawn = tab_complete(argv, setup, typed, user_theme, want=want)
    assert all(w in drawn for w in want), (typed, drawn)
    assert "SECRET" not in drawn


def accepted_line(argv, setup, typed, env):
    """Types `typed`, Tab, then quotes the whole line into an echo (Ctrl-A, Ctrl-E): what the
    shell inserted, backslashes and all."""
    sh = pexpect.spawn(argv[0], argv[1:], env=env, encoding="utf-8", dimensions=(24, 200), timeout=20)
    try:
        sh.sendline(setup + "; echo SET''UP-DONE")
        sh.expect("SETUP-DONE")
        sh.send(typed + "\t")
        time.sleep(1.5)  # the completion runs the binary
        sh.send("\x01echo 'LI''NE=\x05'\r")
        sh.expect(r"LINE=([^\r\n]*)")
        return sh.match.group(1)
    finally:
        sh.close(force=True)


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("typed", ["pumptui logout bob@1", "pumptui logout bob@127.0.0.1:", "pumptui bo"])
def test_an_account_is_inserted_whole_and_unescaped(shell, typed, shell_env, tmp_path):
    argv, setup = shell_session(shell, tmp_path)
    line = accepted_line(argv, setup, typed, shell_env)
    assert line.rstrip() == typed.rsplit(" ", 1)[0] + " bob@127.0.0.1:8000", line
