#!/usr/bin/env bash
# The quick loop for a developer (issue 26): brings the debug build (.build) up to date, then runs
# the unit tests and the end-to-end tests against it, three pytest workers (as the test command:
# they mostly wait on a terminal or a server). Seconds of building
# after a small change, where the test command (scripts/test.sh) compiles everything from scratch
# in release and also packages, fuzzes and runs the test server's own tests.
#   scripts/dev-test.sh                      # all unit + end-to-end tests
#   scripts/dev-test.sh -k suspend           # arguments go to pytest (the unit tests all run)
#   PUMPTUI_DEV_UNIT=0 scripts/dev-test.sh Tests/e2e/test_cli.py   # end-to-end only
# The package test (Tests/e2e/test_package.py) needs an archive of this code: it is skipped here
# (scripts/package.sh, then run it alone). The first run builds .build from scratch (minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_PROXY="127.0.0.1,localhost,::1" no_proxy="127.0.0.1,localhost,::1"
PUMPIO_DIR=$(bash scripts/pumpio-dir.sh); export PUMPIO_DIR
bash scripts/setup-python.sh
start=$(date +%s)
swift build --build-tests 2>&1 | { grep -v '^\[' || true; }
echo "dev-test: built in $(( $(date +%s) - start )) s"
# The debug build is the build under test, and the only one: the terminal-safety tests run once.
export PUMPTUI_BUILD_BIN="$PWD/.build/debug/pumptui" PUMPTUI_RELEASE_BIN="$PWD/.build/debug/pumptui"
status=0
# The unit tests run beside the end-to-end tests (as in scripts/test.sh), their output shown after.
unit_log=$(mktemp)
unit=""
trap '[ -z "$unit" ] || kill -- "-$unit" 2>/dev/null || true; rm -f "$unit_log"' EXIT
if [ "${PUMPTUI_DEV_UNIT:-1}" != 0 ]; then
  setsid swift test --skip-build >"$unit_log" 2>&1 & unit=$!
fi
[ $# -eq 0 ] && set -- Tests/e2e
.venv/bin/python -m pytest -q -p no:cacheprovider -n 3 --dist loadgroup \
  --ignore=Tests/e2e/test_package.py "$@" || status=1
if [ -n "$unit" ]; then
  wait "$unit" || status=1
  unit=""
  cat "$unit_log"
fi
echo "dev-test: done in $(( $(date +%s) - start )) s"
exit $status
