"""Issue 11 end to end: the binary refuses a config directory another user could have planted
(world-writable, or owned by someone else), names the path and the fix, and writes nothing."""
import os

import pytest

from test_hostile import BINARY, run

pytestmark = pytest.mark.skipif(not os.path.exists(BINARY), reason=f"{BINARY} not built (swift build)")


def planted(tmp_path, mode=0o777):
    cfg = tmp_path / "shared" / "pumptui"
    cfg.mkdir(parents=True)
    os.chmod(cfg, mode)
    return cfg


@pytest.mark.parametrize("args", [["accounts"], ["login", "--no-tui", "alice@127.0.0.1:9"], ["inbox"]])
def test_world_writable_config_dir_is_refused(tmp_path, args):
    cfg = planted(tmp_path)
    code, out = run(args, cfg, input=b"")
    assert code == 1, out
    assert str(cfg).encode() in out and b"chmod go-w" in out, out
    assert os.listdir(cfg) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to another user needs root")
def test_config_dir_of_another_user_is_refused(tmp_path):
    cfg = planted(tmp_path, 0o700)
    os.chown(cfg, 65534, 65534)
    code, out = run(["login", "--no-tui", "alice@127.0.0.1:9"], cfg, input=b"")
    assert code == 1 and b"owned by uid 65534" in out, out
    assert os.listdir(cfg) == []
