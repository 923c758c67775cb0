#!/usr/bin/env bash
# Benchmarks pumptui against PyPump 0.7 (issues 7, 11): start-up (idle and one core busy), bytes
# per keystroke, round trips, TCP connections per first login, peak RSS against hostile bodies,
# large feed. Not part of the test command. Prints a table; writes bench/out/results.json.
# PyPump lives in its own venv (.venv-bench) so the test venv never carries it.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_PROXY="127.0.0.1,localhost,::1" no_proxy="127.0.0.1,localhost,::1"
# One venv for the whole benchmark: PyPump and its dependencies, plus what the test server and the
# pty driver need (requirements-test.txt). The test venv (.venv) is left alone.
venv=.venv-bench
stamp="$venv/.bench-reqs.sha"
want=$(cat bench/requirements-bench.txt requirements-test.txt | sha256sum | cut -d' ' -f1)
if ! [ -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r bench/requirements-bench.txt -r requirements-test.txt
  echo "$want" > "$stamp"
fi
# The binary people install: scripts/package.sh's (static Swift runtime, stripped). A dynamic
# `swift build -c release` binary spends ~40% of its start-up in the dynamic loader binding
# ~10 000 symbols of libswiftCore and Foundation (perf record), which nobody ships.
bash scripts/package.sh
mkdir -p bench/out
exec "$venv/bin/python" bench/run.py --binary "$(ls "$PWD"/dist/pumptui-*-linux-*/bin/pumptui | tail -1)" "$@"
