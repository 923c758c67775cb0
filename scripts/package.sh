#!/usr/bin/env bash
# Builds the binary to copy to any x86_64 Linux host: a release build with the Swift runtime,
# libjpeg, libpng and SQLite linked in (--static-swift-stdlib, their .a archives), relinked with
# the trimmed ICU data (scripts/relink.py, docs/size.md), stripped, no RUNPATH, and writes
#   dist/pumptui-VERSION-linux-x86_64.tar.gz  and  dist/SHA256SUMS     (--dist DIR: elsewhere)
# laid out as a prefix (bin/, share/man/man1, share/bash-completion/completions,
# share/zsh/site-functions, share/fish/vendor_completions.d, share/pumptui/themes) with LICENSE,
# THIRD-PARTY-NOTICES and an INSTALL note that lists the shared libraries it still needs (with
# their Debian packages and what each is for) and the oldest glibc it runs on.
#
# Uses its own scratch directory (.build-static): a static-stdlib build shares no objects with
# .build, and switching one directory between the two would recompile everything each time.
#
# --with-tests also builds the test targets in the same directory with the same flags: the test
# command (scripts/test.sh) builds the dependency graph once, here, and runs the unit tests
# (swift test -c release --skip-build --scratch-path .build-static), the end-to-end tests and the
# archive from it. So that a package made with or without --with-tests is the same binary (and
# the objects are shared), every build here compiles with -enable-testing (@testable imports
# need it; it keeps internal symbols visible, which costs the binary little: docs/size.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
caller=$PWD
cd "$root"
with_tests=false
skip_build=false
dist="$root/dist"
usage="usage: scripts/package.sh [--with-tests | --skip-build] [--dist DIR]"
while [ $# -gt 0 ]; do
  case "$1" in
    --with-tests) with_tests=true ;;
    # Only the steps after the build, on the objects .build-static holds (the version and commit
    # are then the built binary's): to remake the archive, or try a change to these steps,
    # without compiling.
    --skip-build) skip_build=true ;;
    --dist) dist=$(cd "$caller" && mkdir -p "${2:?$usage}" && cd "$2" && pwd); shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
  shift
done
if $with_tests && $skip_build; then echo "$usage" >&2; exit 2; fi

scratch="$root/.build-static"
bin="$scratch/release/pumptui"
arch=$(uname -m)
if ! $skip_build; then   # the build, down to its "else" (not indented: it holds a heredoc)
bash scripts/install-deps.sh
version=$(sed -n 's/^ *static let version = "\(.*\)"$/\1/p' Sources/PumpTUI/CLI/Version.swift)
[ -n "$version" ] || { echo "package: no version in Sources/PumpTUI/CLI/Version.swift" >&2; exit 1; }

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

# libjpeg, libpng and SQLite go in statically (issue 26: on a host without libjpeg.so.62, stock
# Ubuntu, the binary did not start at all): a directory holding only their archives comes first
# in the linker's search path, so -ljpeg, -lpng and -lsqlite3 find the .a files there.
# libqrencode has no archive in Debian: pumptui opens it at run time; only the QR code needs it.
static_libs="$scratch/static-libs"
multiarch=$(gcc -print-multiarch)
mkdir -p "$static_libs"
for lib in jpeg png sqlite3; do ln -sf "$(readlink -f "/usr/lib/$multiarch/lib$lib.a")" "$static_libs/lib$lib.a"; done

# The test targets import Testing and XCTest, which the toolchain has only beside its shared
# runtime (lib/swift/linux), not in lib/swift_static, where --static-swift-stdlib makes the
# compiler look: a directory with just those modules goes on the search path. (The test
# executable itself links the shared runtime, as SwiftPM always links tests; only pumptui and
# generate-manual get the static one.) Given in every build here, so that a build with and
# without --with-tests compile with one set of flags.
testing_modules="$scratch/testing-modules"
swift_lib="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")/lib/swift/linux"
mkdir -p "$testing_modules"
for m in "$swift_lib"/Testing.swift* "$swift_lib"/XCTest.swiftmodule "$swift_lib"/_Test*.swiftmodule; do
  ln -sfn "$m" "$testing_modules/$(basename "$m")"
done
# Objects compiled for the static runtime name three of static Foundation's archives for the
# linker (CoreFoundation, _FoundationCShims, _FoundationCollections); the shared runtime has them
# inside libFoundation*.so, so the test executable's link found none of them. Only those three,
# from lib/swift_static, go in a directory on the link path (not all of lib/swift_static: the test
# executable would take the static Foundation with the shared runtime).
foundation_parts="$scratch/foundation-parts"
mkdir -p "$foundation_parts"
for lib in CoreFoundation _FoundationCShims _FoundationCollections; do
  ln -sfn "$(dirname "$swift_lib")/../swift_static/linux/lib$lib.a" "$foundation_parts/lib$lib.a"
done

echo "package: building pumptui-$version-linux-$arch (release, --static-swift-stdlib, in .build-static$($with_tests && echo ", with the tests"))"
start=$(date +%s)
build=(swift build -c release --static-swift-stdlib --disable-local-rpath --scratch-path "$scratch"
       -Xswiftc -enable-testing -Xswiftc -I"$testing_modules"
       -Xcc -I"$scratch/buildinfo" -Xlinker -L"$static_libs" -Xlinker -L"$foundation_parts" -Xlinker -lz)
what=(--product pumptui)
$with_tests && what=(--build-tests)
# SwiftPM's [n/m] progress lines are left out of the log; the status is the build's (pipefail).
if ! "${build[@]}" "${what[@]}" 2>&1 | { grep -v '^\[' || true; }; then
  echo "package: build failed" >&2; exit 1
fi
# The man page generator of swift-argument-parser (what its generate-manual plugin runs), built
# with the same flags so it reuses the ArgumentParser objects just built.
if ! "${build[@]}" --product generate-manual 2>&1 | { grep -v '^\[' || true; }; then
  echo "package: generate-manual build failed" >&2; exit 1
fi
echo "package: built in $(( $(date +%s) - start )) s"
else
  [ -x "$bin" ] && [ -x "$scratch/release/generate-manual" ] ||
    { echo "package: --skip-build: no pumptui and generate-manual in .build-static/release" >&2; exit 1; }
  first=$("$bin" --version | sed -n 1p)              # "pumptui 0.2.0 (commit e8bee1a0227e)"
  [[ $first =~ ^pumptui\ ([^ ]+)\ \(commit\ (.+)\)$ ]] ||
    { echo "package: --skip-build: $bin --version names no version and commit: $first" >&2; exit 1; }
  version=${BASH_REMATCH[1]} commit=${BASH_REMATCH[2]}
  echo "package: --skip-build: packaging the pumptui $version ($commit) in .build-static"
fi
name="pumptui-$version-linux-$arch"
stage="$dist/$name"

rm -rf "$stage" "$dist/$name.tar.gz"
man_dir="$stage/share/man/man1"
bash_dir="$stage/share/bash-completion/completions"
zsh_dir="$stage/share/zsh/site-functions"
fish_dir="$stage/share/fish/vendor_completions.d"
theme_dir="$stage/share/pumptui/themes"
mkdir -p "$stage/bin" "$man_dir" "$bash_dir" "$zsh_dir" "$fish_dir" "$theme_dir"
# The packaged binary is the build's relinked with the trimmed ICU data (docs/size.md: 81 MB ->
# 52 MB), stripped; the build's own binary ($bin, full ICU data, unstripped) stays as it is for
# the tests. No fallback to the full binary: a failed relink fails the package.
if ! python3 scripts/relink.py "$stage/bin/pumptui"; then
  echo "package: relinking with the trimmed ICU data failed (above): no package made" >&2; exit 1
fi
chmod 0755 "$stage/bin/pumptui"

# Man page: the generated NAME/SYNOPSIS/DESCRIPTION (from the same parser as --help), then the
# hand-written KEYS, ENVIRONMENT, FILES, EXIT STATUS and EXAMPLES (man/pumptui-extra.mdoc)
# in place of the generator's generic EXIT STATUS.
gen=$(mktemp -d)
trap 'rm -rf "$gen"' EXIT
"$scratch/release/generate-manual" "$bin" --output-directory "$gen" \
  --authors "the pumptui authors" --date "$(git log -1 --format=%cs 2>/dev/null || date +%F)"
python3 scripts/man-merge.py "$gen/pumptui.1" man/pumptui-extra.mdoc > "$man_dir/pumptui.1"

"$stage/bin/pumptui" --generate-completion-script bash > "$bash_dir/pumptui"
"$stage/bin/pumptui" --generate-completion-script zsh > "$zsh_dir/_pumptui"
"$stage/bin/pumptui" --generate-completion-script fish > "$fish_dir/pumptui.fish"
cp themes/*.theme "$theme_dir/"
cp LICENSE "$stage/LICENSE"
bash scripts/notices.sh "$scratch" > "$stage/THIRD-PARTY-NOTICES"

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
# What each library is for (INSTALL says it: issue 26).
library_use() {
  case "$1" in
    libc.so*|libm.so*) echo "  - the C library" ;;
    ld-linux*) echo "  - the dynamic loader" ;;
    libstdc++*|libgcc_s*) echo "  - the C++ runtime the Swift runtime uses" ;;
    libz.so*) echo "  - gzip bodies (HTTP) and PNG images" ;;
    libncursesw*|libtinfo*) echo "  - the full-screen terminal UI" ;;
    *) echo "" ;;
  esac
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
  packages_needed+="  $lib${pkg:+  ($pkg)}$(library_use "$lib")"$'\n'
done
debs=$(printf '%s' "$packages_needed" | sed -n 's/^ *[^ ]*  (\([^)]*\)).*/\1/p' | sort -u | tr '\n' ' ')

cat > "$stage/INSTALL" <<TXT
pumptui $version ($commit), linux $arch

Copy and run; no Swift toolchain needed (the Swift runtime, libjpeg, libpng and SQLite are linked in).
The archive is a prefix: copy it over ~/.local (or /usr/local) as it is,

  cp -r bin share ~/.local/

or file by file (install -D makes the directories a fresh home lacks):

  install -D -m 0755 bin/pumptui ~/.local/bin/pumptui
  install -D -m 0644 share/man/man1/pumptui.1 ~/.local/share/man/man1/pumptui.1
  install -D -m 0644 share/bash-completion/completions/pumptui ~/.local/share/bash-completion/completions/pumptui
  install -D -m 0644 share/zsh/site-functions/_pumptui ~/.local/share/zsh/site-functions/_pumptui   # add to \$fpath
  install -D -m 0644 share/fish/vendor_completions.d/pumptui.fish ~/.config/fish/completions/pumptui.fish
  # themes are built in; share/pumptui/themes/ holds the same text, to copy into
  # ~/.config/pumptui/themes/ and edit

Runtime requirements: glibc $glibc or newer ($(distros_with_glibc "$glibc")), and these
shared libraries (their Debian packages in brackets, then what each is for):
$packages_needed
On Debian/Ubuntu: apt-get install $debs

Optional: libqrencode (libqrencode4) for the login's QR code; without it pumptui runs and says
how to get it. pumptui --version says whether it was found.

TLS uses the system trust store (/etc/ssl/certs; Debian's ca-certificates).
The ICU data linked in is trimmed to what pumptui uses: time zones, Unicode properties, root and
English locale data; no charset converters, transliterators, word-break dictionaries or other
locales' formats. pumptui's dates are ISO 8601 or English whatever LANG says (LANG and LC_*
choose only the terminal's character set), so no feature needs them.
LICENSE is pumptui's licence (MIT); THIRD-PARTY-NOTICES holds the licences of what is linked in.
TXT

tar -C "$dist" -czf "$dist/$name.tar.gz" --owner=0 --group=0 "$name"
(cd "$dist" && sha256sum "$name.tar.gz" > SHA256SUMS)
size=$(stat -c %s "$dist/$name.tar.gz")
echo "package: $dist/$name.tar.gz ($(( size / 1024 )) KiB; binary $(( $(stat -c %s "$stage/bin/pumptui") / 1024 )) KiB stripped)"
echo "package: NEEDED: $(echo $needed)"
echo "package: oldest glibc: $glibc"
