"""Starting and stopping pumpserver.py from tests (the server's own and the e2e tests)."""

import os
import subprocess
import sys

SERVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pumpserver.py")


class ServerProcess:
    """pumpserver.py on 127.0.0.1 and a free port; `base` is its http://127.0.0.1:PORT."""

    def __init__(self, *args):
        self.proc = subprocess.Popen([sys.executable, SERVER, "--port", "0", *args],
                                     stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline().strip()
        assert line.startswith("pumpserver listening on http://127.0.0.1:"), line
        self.base = line.split(" on ")[1]
        self.port = int(self.base.rsplit(":", 1)[1])

    def stop(self):
        """SIGTERM, then SIGKILL if the server does not exit within 5 s; returns the exit code."""
        self.proc.terminate()
        try:
            return self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(5)
