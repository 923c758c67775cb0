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
# core would idle (much of it compiles one module at a time), and so do the test server's own
# tests; the unit tests run beside the end-to-end tests. No debug build is made here:
# scripts/dev-test.sh is the quick loop on the debug build, where debug-only assertions run.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_PROXY="127.0.0.1,localhost,::1" no_proxy="127.0.0.1,localhost,::1"
# The real pump.io, for install-deps.sh and the end-to-end tests (also in a clone made elsewhere).
PUMPIO_DIR=$(bash scripts/pumpio-dir.sh); export PUMPIO_DIR
t0=$(date +%s)
step() { echo "test.sh: $1 ($(( $(date +%s) - t0 )) s since start)"; }
bash scripts/install-deps.sh
bash scripts/setup-python.sh
# Resolved once, before the two builds start, so that they never both write Package.resolved.
swift package --scratch-path .build-static resolve
# Work that needs no Swift build runs beside it, its output shown when it has ended (`later`):
# a short libFuzzer smoke of every fuzz target (scripts/fuzz.sh runs them longer), and the test
# server's own tests (Python only).
logs=$(mktemp -d)
pids=()
# Each in a process group of its own, ended whole when the run stops early (a failed build):
# killing pytest alone left its test server running.
trap 'for p in "${pids[@]}"; do kill -- "-$p" 2>/dev/null || true; done; rm -rf "$logs"' EXIT
later() { local name=$1; shift; setsid "$@" >"$logs/$name" 2>&1 & pids+=($!); }
status=0
collect() {   # waits for every `later` job, shows its output; a failure fails the run
  local i=0 name
  for name in "$@"; do
    wait "${pids[$i]}" || status=1
    cat "$logs/$name"; step "$name done"; i=$((i + 1))
  done
  pids=()
}
later "fuzz smoke" bash scripts/fuzz.sh --quick-build --seconds 8
# Two runs: each suite has its own conftest.py, imported by module name.
later "test server's tests" .venv/bin/python -m pytest -q -p no:cacheprovider testserver/tests
bash scripts/package.sh --with-tests
step "built and packaged"
collect "fuzz smoke" "test server's tests"
# The end-to-end tests run the build's own binary (unstripped) and the packaged one; the fixtures
# and scripts/demo.sh use the build's (PUMPTUI_BUILD_BIN).
export PUMPTUI_BUILD_BIN="$PWD/.build-static/release/pumptui" PUMPTUI_RELEASE_BIN
PUMPTUI_RELEASE_BIN=$(ls "$PWD"/dist/pumptui-*-linux-*/bin/pumptui | tail -1)
# The unit tests (mostly waiting on their local servers) run beside the end-to-end tests.
later "unit tests" swift test -c release --skip-build --scratch-path .build-static
# Three workers (pytest-xdist) on the two cores: the tests mostly wait on a terminal or a server
# (on a quiet machine: 113 s with three, 136 s with two); the real pump.io's tests stay in one
# (conftest.py groups them). Here the real server must run: its absence is a failure, not a skip.
export PUMPTUI_REAL_PUMPIO=required
.venv/bin/python -m pytest -q -p no:cacheprovider -n 3 --dist loadgroup Tests/e2e || status=1
step "end-to-end tests done"
collect "unit tests"
exit $status
