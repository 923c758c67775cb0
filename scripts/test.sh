#!/usr/bin/env bash
# The project's one test command (README, .ci/run): installs what it needs, then runs
# 1) Swift unit + integration tests (swift test; integration tests start the local server),
# 2) a libFuzzer smoke of the parsers, 3) the test server's own tests and the end-to-end
# tests of the real binary in a pty.
#
# It compiles the dependency graph once (issue 26, the developers' loop): scripts/package.sh
# --with-tests makes one release build in .build-static (static Swift runtime, -enable-testing)
# holding the unit tests, the binary the end-to-end tests run and the archive's binary. The fuzz
# smoke has its own small build (.build-fuzz: PumpModels, PumpRender and the image decoders with
# the sanitizers; no NIO, no crypto) and runs while the release build compiles, in the time one
# core would idle (much of it compiles one module at a time). No debug build is made here:
# scripts/dev-test.sh is the quick loop on the debug build, where debug-only assertions run.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_PROXY="127.0.0.1,localhost,::1" no_proxy="127.0.0.1,localhost,::1"
t0=$(date +%s)
step() { echo "test.sh: $1 ($(( $(date +%s) - t0 )) s since start)"; }
bash scripts/install-deps.sh
bash scripts/setup-python.sh
# Resolved once, before the two builds start, so that they never both write Package.resolved.
swift package --scratch-path .build-static resolve
# A short libFuzzer smoke of every fuzz target (scripts/fuzz.sh runs them longer); its output
# is shown when it has ended.
fuzz_log=$(mktemp)
bash scripts/fuzz.sh --quick-build --seconds 8 >"$fuzz_log" 2>&1 &
fuzz_pid=$!
trap '[ -z "$fuzz_pid" ] || kill "$fuzz_pid" 2>/dev/null || true; rm -f "$fuzz_log"' EXIT
bash scripts/package.sh --with-tests
step "built and packaged"
status=0
wait "$fuzz_pid" || status=1
fuzz_pid=""
cat "$fuzz_log"
step "fuzz smoke done"
# The end-to-end tests run the build's own binary (unstripped) and the packaged one; the fixtures
# and scripts/demo.sh use the build's (PUMPTUI_BUILD_BIN).
export PUMPTUI_BUILD_BIN="$PWD/.build-static/release/pumptui" PUMPTUI_RELEASE_BIN
PUMPTUI_RELEASE_BIN=$(ls "$PWD"/dist/pumptui-*-linux-*/bin/pumptui | tail -1)
swift test -c release --skip-build --scratch-path .build-static || status=1
step "unit tests done"
# Two runs: each suite has its own conftest.py, imported by module name.
.venv/bin/python -m pytest -q -p no:cacheprovider testserver/tests || status=1
# Two workers (pytest-xdist); the real pump.io's tests stay in one (conftest.py groups them).
# Here the real server must run: its absence is a failure, not a skip (conftest.py).
export PUMPTUI_REAL_PUMPIO=required
.venv/bin/python -m pytest -q -p no:cacheprovider -n 2 --dist loadgroup Tests/e2e || status=1
step "end-to-end tests done"
exit $status
