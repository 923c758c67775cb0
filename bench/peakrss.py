"""A command's own peak RSS, as a child of this small process.

Linux keeps a process's peak RSS (ru_maxrss) across exec, and a forked child starts with the
memory of the process that forked it: a pumptui started from pytest late in a run (100+ MB)
reported pytest's peak, 107 MB for a NUL post, instead of its own. Started through this
launcher (~10 MB), the figure is the command's.

    python3 -S bench/peakrss.py CMD [ARGS...]     # exit status as the command's

It writes the command's ru_maxrss (kB) to peak_file(its own pid); a caller that ran it with
Popen reads `peak_mb(p.pid)` after waiting. The command dies with the launcher (PDEATHSIG), so
a caller's kill on a timeout ends both.
"""
import ctypes
import os
import signal
import sys
import tempfile
from pathlib import Path

LAUNCHER = os.path.abspath(__file__)


def argv(cmd):
    """`cmd` run through the launcher."""
    return [sys.executable, "-S", LAUNCHER, *cmd]


def peak_file(pid):
    return Path(tempfile.gettempdir()) / f"pumptui-peakrss-{pid}"


def peak_mb(pid):
    """The peak RSS (MB) the launcher with this pid recorded; None if it recorded none."""
    path = peak_file(pid)
    try:
        return int(path.read_text()) / 1024
    except (OSError, ValueError):
        return None
    finally:
        path.unlink(missing_ok=True)


def main():
    cmd = sys.argv[1:]
    pid = os.fork()
    if pid == 0:
        try:
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)   # PR_SET_PDEATHSIG
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda s, _f: os.kill(pid, s))
    while True:
        try:
            _, status, usage = os.wait4(pid, 0)
            break
        except InterruptedError:
            continue
    peak_file(os.getpid()).write_text(str(usage.ru_maxrss))
    code = os.waitstatus_to_exitcode(status)
    sys.exit(code if code >= 0 else 128 - code)


if __name__ == "__main__":
    main()
