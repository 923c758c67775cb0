#!/usr/bin/env bash
# Builds the binary to copy to any x86_64 Linux host: a release build with the Swift runtime
# linked in (--static-swift-stdlib), stripped, and writes
#   dist/pumptui-VERSION-linux-x86_64.tar.gz
# holding bin/pumptui, the man page, shell completions, the themes and an INSTALL note that lists
# the shared libraries it still needs (with their Debian packages) and the oldest glibc it runs on.
#
# Uses its own scratch directory (.build-static): a static-stdlib build shares no objects with
# .build, and switching one directory between the two would recompile everything each time.
# The test command runs this; the release-binary tests use the packaged binary.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/install-deps.sh

scratch="$root/.build-static"
version=$(sed -n 's/^ *static let version = "\(.*\)"$/\1/p' Sources/PumpTUI/CLI/Version.swift)
[ -n "$version" ] || { echo "package: no version in Sources/PumpTUI/CLI/Version.swift" >&2; exit 1; }
arch=$(uname -m)
name="pumptui-$version-linux-$arch"
stage="$root/dist/$name"

# Build facts for --version, as a header in the scratch directory (never in the source tree):
# the commit, the resolved Swift packages, the compiler. Rewritten only when it changes, so a
# repeated run relinks nothing.
swift package --scratch-path "$scratch" resolve >/dev/null
commit=$(git describe --always --dirty --abbrev=12 2>/dev/null || echo unknown)
packages=$(python3 - <<'PY'
import json
pins = json.load(open("Package.resolved")).get("pins", [])
want = ["swift-nio", "async-http-client", "swift-argument-parser", "swift-nio-ssl", "swift-crypto", "swift-log"]
found = {p["identity"]: p.get("state", {}).get("version") or p.get("state", {}).get("revision", "?")[:12] for p in pins}
print("\\n".join(f"{n} {found[n]}" for n in want if n in found))
PY
)
swift_version=$(swift --version 2>/dev/null | sed -n 's/^\(.*Swift version [^ ]*\).*/\1/p' | head -1)
mkdir -p "$scratch/buildinfo"
header="$scratch/buildinfo/pumptui_build_info.h"
{
  echo "#define PUMPTUI_BUILD_COMMIT \"$commit\""
  echo "#define PUMPTUI_BUILD_PACKAGES \"$packages\""
  echo "#define PUMPTUI_BUILD_SWIFT \"$swift_version\""
} > "$header.new"
if cmp -s "$header.new" "$header"; then rm "$header.new"; else mv "$header.new" "$header"; fi

echo "package: building $name (release, --static-swift-stdlib, in .build-static)"
start=$(date +%s)
build=(swift build -c release --static-swift-stdlib --scratch-path "$scratch" -Xcc -I"$scratch/buildinfo")
# SwiftPM's [n/m] progress lines are left out of the log; the status is the build's (pipefail).
if ! "${build[@]}" --product pumptui 2>&1 | { grep -v '^\[' || true; }; then
  echo "package: build failed" >&2; exit 1
fi
# The man page generator of swift-argument-parser (what its generate-manual plugin runs), built
# with the same flags so it reuses the ArgumentParser objects just built.
if ! "${build[@]}" --product generate-manual 2>&1 | { grep -v '^\[' || true; }; then
  echo "package: generate-manual build failed" >&2; exit 1
fi
echo "package: built in $(( $(date +%s) - start )) s"
bin="$scratch/release/pumptui"

rm -rf "$stage" "$root/dist/$name.tar.gz"
mkdir -p "$stage/bin" "$stage/man/man1" "$stage/completions" "$stage/themes"
strip -o "$stage/bin/pumptui" "$bin"
chmod 0755 "$stage/bin/pumptui"

# Man page: the generated NAME/SYNOPSIS/DESCRIPTION (from the same parser as --help), then the
# hand-written KEYS, ENVIRONMENT, FILES, EXIT STATUS and EXAMPLES (man/pumptui-extra.mdoc)
# in place of the generator's generic EXIT STATUS.
gen=$(mktemp -d)
trap 'rm -rf "$gen"' EXIT
"$scratch/release/generate-manual" "$bin" --output-directory "$gen" \
  --authors "the pumptui authors" --date "$(git log -1 --format=%cs 2>/dev/null || date +%F)"
python3 scripts/man-merge.py "$gen/pumptui.1" man/pumptui-extra.mdoc > "$stage/man/man1/pumptui.1"

"$stage/bin/pumptui" --generate-completion-script bash > "$stage/completions/pumptui.bash"
"$stage/bin/pumptui" --generate-completion-script zsh > "$stage/completions/_pumptui"
"$stage/bin/pumptui" --generate-completion-script fish > "$stage/completions/pumptui.fish"
cp themes/*.theme "$stage/themes/"

# What it links dynamically, and the newest glibc symbol version it needs (= the oldest glibc
# it runs on).
needed=$(readelf -d "$stage/bin/pumptui" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
glibc=$(objdump -T "$stage/bin/pumptui" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
# Which common distributions ship at least that glibc (their release glibc versions).
distros_with_glibc() {
  local out="" d v
  for d in "Debian 10:2.28" "RHEL 8:2.28" "Debian 11:2.31" "Ubuntu 20.04:2.31" "RHEL 9:2.34" \
           "Ubuntu 22.04:2.35" "Debian 12:2.36" "Ubuntu 24.04:2.39" "Debian 13:2.41"; do
    v=${d##*:}
    if [ "$(printf '%s\n%s\n' "$1" "$v" | sort -V | head -1)" = "$1" ]; then out+="${out:+, }${d%%:*}"; fi
  done
  # The first two (the oldest that qualify) say enough: "Ubuntu 22.04, Debian 12 or later".
  echo "$(echo "${out:-a distribution newer than Debian 13}" | cut -d, -f1-2) or later"
}
packages_needed=""
for lib in $needed; do
  # (awk reads to the end: an early exit would kill ldconfig with SIGPIPE, fatal under pipefail)
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ && !found { print $NF; found = 1 }')
  pkg=""
  if [ -n "$path" ]; then
    # Debian 12 is usr-merged, but dpkg knows most libraries by their /lib path: try both.
    for p in "$(readlink -f "$path")" "$path"; do
      [ -n "$pkg" ] || pkg=$(dpkg -S "$p" 2>/dev/null | awk -F: 'NR == 1 { print $1 }' || true)
    done
  fi
  packages_needed+="  $lib${pkg:+  ($pkg)}"$'\n'
done
debs=$(printf '%s' "$packages_needed" | sed -n 's/.*(\(.*\))/\1/p' | sort -u | tr '\n' ' ')

cat > "$stage/INSTALL" <<TXT
pumptui $version ($commit), linux $arch

Copy and run; no Swift toolchain needed (the Swift runtime is linked in):

  install -m 0755 bin/pumptui ~/.local/bin/pumptui            # or /usr/local/bin
  install -m 0644 man/man1/pumptui.1 ~/.local/share/man/man1/   # or /usr/local/share/man/man1
  # shell completion (completes options and stored account names):
  install -m 0644 completions/pumptui.bash ~/.local/share/bash-completion/completions/pumptui
  install -m 0644 completions/_pumptui ~/.zfunc/_pumptui          # a directory in \$fpath
  install -m 0644 completions/pumptui.fish ~/.config/fish/completions/pumptui.fish
  # themes are built in; themes/ holds the same text, to copy into ~/.config/pumptui/themes/ and edit

Runtime requirements: glibc $glibc or newer ($(distros_with_glibc "$glibc")), and these
shared libraries (their Debian packages in brackets):
$packages_needed
On Debian/Ubuntu: apt-get install $debs

TLS uses the system trust store (/etc/ssl/certs; Debian's ca-certificates).
TXT

mkdir -p "$root/dist"
tar -C "$root/dist" -czf "$root/dist/$name.tar.gz" --owner=0 --group=0 "$name"
size=$(stat -c %s "$root/dist/$name.tar.gz")
echo "package: dist/$name.tar.gz ($(( size / 1024 )) KiB; binary $(( $(stat -c %s "$stage/bin/pumptui") / 1024 )) KiB stripped)"
echo "package: NEEDED: $(echo $needed)"
echo "package: oldest glibc: $glibc"
