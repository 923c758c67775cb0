"""The debug log (issue 26): capped, and --log-file never makes directories."""

import os
import subprocess

from conftest import BINARY

BIN = os.environ.get("PUMPTUI_BIN", BINARY)
CAP = 10 * 1024 * 1024


def accounts(tmp_path, log):
    return subprocess.run([BIN, "accounts", "--log-file", str(log), "--config-dir", str(tmp_path / "cfg")],
                          capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)


def test_log_file_in_a_missing_directory_is_refused(tmp_path):
    log = tmp_path / "no" / "such" / "debug.log"
    out = accounts(tmp_path, log)
    assert out.returncode == 1, out
    assert f"the log file's directory {log.parent} does not exist; create it first" in out.stderr, out.stderr
    assert not (tmp_path / "no").exists()


def test_a_full_log_is_rotated(tmp_path):
    log = tmp_path / "debug.log"
    with open(log, "wb") as f:
        f.truncate(CAP)          # a log already at the cap (sparse: no disk needed)
    os.chmod(log, 0o600)
    out = accounts(tmp_path, log)
    assert out.returncode == 0, out.stderr
    assert os.path.getsize(tmp_path / "debug.log.1") == CAP     # the old one kept once
    assert 0 < os.path.getsize(log) < 4096                       # a new one started
    assert "pumptui" in log.read_text()
