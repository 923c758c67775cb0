#!/usr/bin/env bash
# Prints where the real pump.io server (issue 24) is: $PUMPIO_DIR when set, else `shared/pumpio`
# beside the repository, else beside the repository this one was cloned from (a clone made
# elsewhere, `git clone . /tmp/x/p`, has no shared/ beside it). With none there it prints the
# first place looked at, for the tests' message.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
candidates=("$root/../shared/pumpio")
origin=$(git -C "$root" config --get remote.origin.url 2>/dev/null || true)
origin=${origin#file://}
if [ -n "$origin" ] && [ -d "$origin" ]; then candidates+=("$(cd "$origin" && pwd)/../shared/pumpio"); fi
if [ -n "${PUMPIO_DIR:-}" ]; then candidates=("$PUMPIO_DIR"); fi
for c in "${candidates[@]}"; do
  if [ -f "$c/start.sh" ]; then (cd "$c" && pwd); exit 0; fi
done
echo "${candidates[0]}"
