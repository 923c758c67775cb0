"""The packaged binary (scripts/package.sh, issue 15) on a host without the Swift toolchain.

Each run of the binary happens in a private user + mount namespace (`unshare -rm`) where an
empty directory is mounted over the toolchain, so nothing of it can be loaded: the dynamic
debug build fails there (checked, so the hiding is real), the packaged one must not. The test
server runs outside, on 127.0.0.1 (the namespace shares the network).
"""
import glob
import os
import re
import shutil
import subprocess
import tarfile

import pexpect
import pytest

from conftest import approve
from tui import BINARY, ROOT, TUI

ARCHIVES = sorted(glob.glob(os.path.join(ROOT, "dist", "pumptui-*-linux-*.tar.gz")))
pytestmark = pytest.mark.skipif(not ARCHIVES, reason="dist/pumptui-*.tar.gz not built (run scripts/package.sh)")


def toolchain_root():
    """/opt/swift for /opt/swift/usr/bin/swift (following the links to the real driver)."""
    swift = shutil.which("swift")
    if not swift:
        return None
    path = os.path.realpath(swift)              # …/usr/bin/swift-driver
    return os.path.dirname(os.path.dirname(os.path.dirname(path)))


TOOLCHAIN = toolchain_root()
# Mount an empty directory over the toolchain, check it is gone, then exec the program.
HIDE = ('mount --bind "$0" "$1" && test ! -e "$1/usr/bin/swift" '
        '&& test -z "$(ls -A "$1")" && shift && exec "$@"')


def hidden(argv, empty_dir):
    """argv run with the toolchain hidden (unshare: user + mount namespace, no root needed)."""
    return ["unshare", "-rm", "sh", "-c", HIDE, str(empty_dir), TOOLCHAIN, *argv]


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    if TOOLCHAIN is None:
        pytest.skip("no swift on PATH: nothing to hide")
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"unshare -rm does not work for this user: {probe.stderr.strip()}")
    work = tmp_path_factory.mktemp("package")
    archive = ARCHIVES[-1]
    with tarfile.open(archive) as tar:
        tar.extractall(work, filter="data")
    (top,) = os.listdir(work)
    empty = work / "empty"
    empty.mkdir()
    return {"dir": work / top, "bin": str(work / top / "bin" / "pumptui"), "empty": empty, "archive": archive}


def run_hidden(package, *args, env=None, input=None):
    return subprocess.run(hidden([package["bin"], *args], package["empty"]), capture_output=True, text=True,
                          timeout=60, input=input, env=dict(os.environ, NO_COLOR="1", **(env or {})))


def test_archive_holds_binary_man_page_completions_themes_install_note(package):
    top = package["dir"]
    for rel in ("bin/pumptui", "man/man1/pumptui.1", "completions/pumptui.bash", "completions/_pumptui",
                "completions/pumptui.fish", "themes/default.theme", "themes/mono.theme", "INSTALL"):
        assert (top / rel).is_file(), rel
    assert os.access(top / "bin" / "pumptui", os.X_OK)
    assert re.fullmatch(r"pumptui-\d+\.\d+\.\d+-linux-x86_64\.tar\.gz", os.path.basename(package["archive"]))
    needed = subprocess.run(["readelf", "-d", package["bin"]], capture_output=True, text=True).stdout
    libs = re.findall(r"\(NEEDED\).*\[(.*)\]", needed)
    assert libs and not [l for l in libs if "swift" in l.lower() or "Foundation" in l], libs
    # SwiftPM links with RUNPATH $ORIGIN (harmless); nothing may point into the toolchain.
    runpaths = re.findall(r"\((?:RUNPATH|RPATH)\).*\[(.*)\]", needed)
    assert all(p == "$ORIGIN" for r in runpaths for p in r.split(":")), runpaths
    note = (top / "INSTALL").read_text()
    assert re.search(r"glibc 2\.\d+ or newer", note), note
    for lib in libs:
        assert lib in note
    assert "libncursesw6" in note and "libqrencode4" in note


def test_the_toolchain_is_really_hidden(package):
    """The dynamic debug build needs the toolchain's libswift*.so: under the same hiding it
    cannot start. (Without this, the packaged binary passing below would prove nothing.)"""
    if not os.path.exists(BINARY):
        pytest.skip(f"{BINARY} not built")
    out = subprocess.run(hidden([BINARY, "--version"], package["empty"]), capture_output=True, text=True, timeout=30)
    assert out.returncode == 127, (out.returncode, out.stderr)
    assert re.search(r"libswift\w*\.so: cannot open shared object file", out.stderr), out.stderr


def test_version_and_help_without_the_toolchain(package):
    out = run_hidden(package, "--version")
    assert out.returncode == 0, out.stderr
    first = out.stdout.splitlines()[0]
    assert re.fullmatch(r"pumptui \d+\.\d+\.\d+ \(commit [0-9a-f]{7,}(-dirty)?\)", first), first
    for name in ("swift-nio ", "async-http-client ", "swift-argument-parser ", "ncurses ", "libqrencode ", "glibc "):
        assert name in out.stdout, (name, out.stdout)
    help = run_hidden(package, "--help")
    assert help.returncode == 0, help.stderr
    assert "pumptui [ACCOUNT]" in help.stdout and "--theme" in help.stdout and "SUBCOMMANDS" in help.stdout


def test_line_mode_login_without_the_toolchain(package, pumpserver, tmp_path):
    config = str(tmp_path / "config")
    account = pumpserver.account()
    argv = hidden([package["bin"], "login", account, "--no-tui", "--config-dir", config], package["empty"])
    child = pexpect.spawn(argv[0], argv[1:], encoding="utf-8", timeout=30, env=dict(os.environ, NO_COLOR="1"))
    child.expect(r"(http://127\.0\.0\.1:\d+/oauth/authorize\?oauth_token=\S+)\r?\n")
    url = child.match.group(1)
    child.expect_exact("Verifier: ")
    child.sendline(approve(url))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert f"Logged in as {account}" in child.before
    inbox = run_hidden(package, "inbox", "--json", "--config-dir", config)
    assert inbox.returncode == 0, inbox.stderr
    assert inbox.stdout.lstrip().startswith("[")


def test_full_screen_login_screen_without_the_toolchain(package, pumpserver, tmp_path):
    argv = hidden([package["bin"], pumpserver.account(), "--config-dir", str(tmp_path / "config")], package["empty"])
    with TUI(argv[1:], binary=argv[0]) as t:
        t.wait_for("Please authorize pumptui", timeout=15)
        t.wait_for("/oauth/authorize?oauth_token=", timeout=10)


def test_man_page_reads_well(package):
    page = package["dir"] / "man" / "man1" / "pumptui.1"
    text = page.read_text()
    for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "KEYS", "ENVIRONMENT", "FILES", "EXIT STATUS"):
        assert re.search(rf"^\.Sh \"?{section}\"?$", text, re.M), section
    assert text.count(".Sh EXIT STATUS") + text.count('.Sh "EXIT STATUS"') == 1
    if not shutil.which("groff"):
        pytest.skip("groff not installed: the page was checked for its sections only")
    out = subprocess.run(["groff", "-mandoc", "-Tutf8", "-ww", str(page)], capture_output=True, text=True,
                         env=dict(os.environ, LANG="C.UTF-8"))
    assert out.returncode == 0 and not out.stderr.strip(), out.stderr
    rendered = re.sub(r".\x08", "", out.stdout)
    assert "pumptui [ACCOUNT]" in rendered or "pumptui [account]" in rendered.lower()
    assert "XDG_CONFIG_HOME" in rendered and "SIGTERM" in rendered and "Ctrl-D" in rendered


def test_bash_completion_lists_stored_accounts_only(package, tmp_path):
    """The completion script asks the binary for ACCOUNT candidates: stored account names, and
    never anything from inside the credential files."""
    config = tmp_path / "xdg" / "pumptui"
    (config / "accounts").mkdir(parents=True)
    os.chmod(tmp_path / "xdg", 0o700)
    os.chmod(config, 0o700)
    os.chmod(config / "accounts", 0o700)
    for name in ("alice@pump.example", "bob@127.0.0.1:8000"):
        path = config / "accounts" / f"{name}.json"
        path.write_text('{"token": "SECRET-TOKEN", "tokenSecret": "SECRET-TS"}')
        os.chmod(path, 0o600)
    script = (f'source {package["dir"] / "completions" / "pumptui.bash"}; '
              'COMP_WORDS=(pumptui logout ""); COMP_CWORD=2; COMP_LINE="pumptui logout "; '
              'COMP_POINT=${#COMP_LINE}; _pumptui; printf "%s\\n" "${COMPREPLY[@]}"')
    env = dict(os.environ, PATH=f'{package["dir"] / "bin"}:{os.environ["PATH"]}', XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=30, env=env)
    assert out.returncode == 0, out.stderr
    words = set(out.stdout.split())
    assert {"alice@pump.example", "bob@127.0.0.1:8000"} <= words, out.stdout
    assert "SECRET" not in out.stdout + out.stderr
