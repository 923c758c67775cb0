"""A mistyped subcommand (issue 26): `pumptui logni a@b` names the command it is near, in the
usage-error style of every other usage error (exit 2, the usage after it), instead of
"invalid account: 'logni'"."""

import os
import subprocess

import pytest

from conftest import BINARY

BIN = os.environ.get("PUMPTUI_BIN", BINARY)


def run(tmp_path, *args):
    return subprocess.run([BIN, *args, "--config-dir", str(tmp_path / "cfg")], capture_output=True, text=True,
                          timeout=30, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("args,message", [
    (["logni", "a@b"], "Error: unknown command 'logni' (did you mean: login?)"),
    (["inbx"], "Error: unknown command 'inbx' (did you mean: inbox?)"),
    (["log"], "Error: unknown command 'log' (did you mean: login, logout?)"),
    (["--debug", "acounts"], "Error: unknown command 'acounts' (did you mean: accounts?)"),
    (["frobnicate"], "Error: 'frobnicate' is neither a command (tui, login, accounts, logout, post, inbox, help)"
                     " nor an account (nick@host)"),
])
def test_a_mistyped_command_is_named(tmp_path, args, message):
    out = run(tmp_path, *args)
    assert out.returncode == 2, out
    lines = out.stderr.splitlines()
    assert lines[0] == message, out.stderr
    assert lines[1].startswith("Usage: pumptui"), out.stderr
    assert "invalid account" not in out.stderr and out.stdout == ""
