#!/usr/bin/env bash
# The project's one test command (README, .ci/run): installs what it needs, then runs
# 1) Swift unit + integration tests (swift test; integration tests start the local server),
# 2) a libFuzzer smoke of the parsers, 3) the test server's own tests and the end-to-end
# tests of the real binary in a pty.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_PROXY="127.0.0.1,localhost,::1" no_proxy="127.0.0.1,localhost,::1"
bash scripts/install-deps.sh
bash scripts/setup-python.sh
swift build --build-tests
# The one release build: scripts/package.sh (static Swift runtime, stripped, dist/*.tar.gz).
# tests/e2e/test_package.py runs that archive with the toolchain hidden, and the terminal-safety
# e2e tests (signals, hang-up, crash) run against its binary as the release build.
bash scripts/package.sh
export PUMPTUI_RELEASE_BIN
PUMPTUI_RELEASE_BIN=$(ls "$PWD"/dist/pumptui-*-linux-*/bin/pumptui | tail -1)
status=0
swift test --skip-build || status=1
# A short libFuzzer smoke of every fuzz target (scripts/fuzz.sh runs them longer).
bash scripts/fuzz.sh --quick-build --seconds 8 || status=1
# Two runs: each suite has its own conftest.py, imported by module name.
.venv/bin/python -m pytest -q -p no:cacheprovider testserver/tests || status=1
.venv/bin/python -m pytest -q -p no:cacheprovider Tests/e2e || status=1
exit $status
