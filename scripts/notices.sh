#!/usr/bin/env bash
# THIRD-PARTY-NOTICES for the packaged binary (issue 26): the licence and NOTICE files of every
# Swift package checked out for the release build (SCRATCH/checkouts), the Swift runtime's, and
# those of the C libraries linked in statically. Printed on stdout; scripts/package.sh calls it.
set -euo pipefail
scratch="$1"
rule() { printf '\n%s\n%s\n\n' "================================================================================" "$1"; }
cat <<'TXT'
Third-party software in pumptui

The pumptui binary links the following software in. Each part's licence and notices follow, as
its authors ship them. pumptui itself is under the MIT licence (LICENSE).
TXT
rule "Swift runtime, Foundation (swift-corelibs-foundation, swift-foundation): Apache License 2.0 with Runtime Library Exception"
swift_license=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")/share/swift/LICENSE.txt
if [ -f "$swift_license" ]; then cat "$swift_license"; else echo "(see https://swift.org/LICENSE.txt)"; fi
rule "ICU (linked in by static Foundation): Unicode License v3"
cat <<'TXT'
Copyright © 2016-2024 Unicode, Inc. Unicode and the Unicode Logo are registered trademarks of
Unicode, Inc. in the United States and other countries. ICU is distributed under the terms of
the UNICODE LICENSE V3 (https://www.unicode.org/license.txt): permission is granted, free of
charge, to deal in the data files and software without restriction, provided that this
copyright and permission notice appear in all copies.
TXT
rule "BoringSSL (in swift-crypto and swift-nio-ssl): OpenSSL / SSLeay and ISC licences"
echo "BoringSSL is a fork of OpenSSL; its licence terms are those of OpenSSL and SSLeay, and ISC"
echo "for the parts Google added. See the NOTICE files of swift-crypto and swift-nio-ssl below."
for dir in "$scratch"/checkouts/*/; do
  name=$(basename "$dir")
  files=$(find "$dir" -maxdepth 4 \( -iname 'LICENSE*' -o -iname 'COPYING*' -o -iname 'NOTICE*' \) \
            -not -path '*/Tests/*' -not -path '*/Benchmarks/*' -not -path '*/IntegrationTests/*' \
            -not -path '*/Documentation/*' | sort)
  [ -n "$files" ] || continue
  rule "$name"
  for f in $files; do
    echo "--- ${f#"$dir"}"
    cat "$f"
    echo
  done
done
for pkg in libjpeg62-turbo libpng16-16 libpng-dev libsqlite3-0 zlib1g; do
  f=/usr/share/doc/$pkg/copyright
  [ -f "$f" ] || continue
  rule "$pkg (Debian's copyright file)"
  cat "$f"
done
