#!/usr/bin/env bash
# Creates .venv at the repository root with what the test server and e2e tests need.
# Idempotent: a venv whose requirements stamp matches is left alone.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv"
stamp="$venv/.requirements.sha"
want=$(sha256sum "$root/requirements-test.txt" | cut -d' ' -f1)
if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then exit 0; fi
python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check -r "$root/requirements-test.txt"
echo "$want" > "$stamp"
