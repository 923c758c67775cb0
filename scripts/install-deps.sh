#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, only when one is missing, so
# a machine that has them (or has no network) is not touched. Needs root (CI runs as root).
set -euo pipefail
# The real pump.io server the end-to-end tests start (issue 24; Tests/e2e/realpump.py) lies
# beside the repository (scripts/pumpio-dir.sh finds it); its own install.sh adds the Debian
# node packages it lacks, and does nothing when none is missing.
pumpio=$(bash "$(dirname "$0")/pumpio-dir.sh")
if [ -x "$pumpio/install.sh" ]; then bash "$pumpio/install.sh" </dev/null; fi
pkgs=(curl libncurses-dev libqrencode-dev libsqlite3-dev libpng-dev libjpeg62-turbo-dev zbar-tools tmux python3-venv zsh fish)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
