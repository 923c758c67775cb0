#!/usr/bin/env bash
# The demo: starts the project's local pump.io-compatible server with demo users and posts,
# then pumptui at its login screen for alice. No outside account, no network beyond 127.0.0.1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/install-deps.sh
# PUMPTUI_PYTHON: an existing interpreter with requirements-test.txt installed (skips .venv).
py=${PUMPTUI_PYTHON:-}
if [ -z "$py" ]; then bash scripts/setup-python.sh; py=.venv/bin/python; fi
# PUMPTUI_BUILD_BIN: a pumptui already built (the test command passes its release build, and has
# no debug build for this script to update); otherwise the debug build, brought up to date.
bin=${PUMPTUI_BUILD_BIN:-}
if [ -z "$bin" ]; then
  bin="$root/.build/debug/pumptui"
  # A first build takes minutes (swift-nio, swift-crypto, AsyncHTTPClient on 2 cores): say so, and
  # show SwiftPM's progress lines instead of a blank terminal; later runs take seconds.
  if [ ! -x "$bin" ]; then
    echo "demo: building pumptui (first build: several minutes; later ones take seconds)…"
  fi
  echo "demo: swift build --product pumptui"
  if ! swift build --product pumptui 2>&1 | while IFS= read -r line; do
    case "$line" in
      *Compiling*|*Fetching*|*Computing*|*Linking*|*error:*|*"Build complete"*) printf '  %s\n' "$line" ;;
    esac
  done; then
    echo "demo: the build failed (run swift build to see why)" >&2; exit 1
  fi
fi
[ -x "$bin" ] || { echo "demo: $bin is not an executable" >&2; exit 1; }
echo "demo: starting the local test server on 127.0.0.1"

work=$(mktemp -d "${TMPDIR:-/tmp}/pumptui-demo.XXXXXX")
# setsid: its own process group, so Ctrl-Z (which stops pumptui and this script) leaves the
# server running for scripts/demo-approve.
setsid "$py" testserver/pumpserver.py --port 0 --demo >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q listening "$work/server.out" 2>/dev/null && break; sleep 0.1; done
base=$(sed -n 's/^pumpserver listening on //p' "$work/server.out")
[ -n "$base" ] || { echo "demo: the test server did not start; see $work/server.log" >&2; exit 1; }
# demo-approve finds the server through this file, so it also works from a second terminal.
echo "$base" > "${TMPDIR:-/tmp}/pumptui-demo.url"
account="alice@${base#http://}"

cat <<TXT

  pumptui demo — local server $base (users alice, bob, carol; password: NICK-pass)

  pumptui opens its login screen for $account and shows an authorize URL.
  Approve it with the keyboard alone:
    1. press Ctrl-Z to suspend pumptui,
    2. run   scripts/demo-approve   (it logs in as alice on the authorize page and
       prints the verifier),
    3. run   fg   and type or paste the verifier into the Verifier box, then Enter.
  (Or run scripts/demo-approve in a second terminal.)
  F2 copies the URL (OSC 52), F3 shows it plain, F5 as a QR code, F1 help, Esc quits.

TXT
if [ -t 0 ]; then read -r -p "  Press Enter to start pumptui… " _; fi
"$bin" "$account" --config-dir "$work/config" || true
