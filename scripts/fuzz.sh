#!/usr/bin/env bash
# libFuzzer runs of pumptui's parsers (issue 6). Usage:
#   scripts/fuzz.sh [--seconds N] [--quick-build] [TARGET...]
#   N seconds per target (default 60); all targets by default. --quick-build compiles without
#   optimisation (about half the build time, fewer executions per second): for the test smoke.
# Targets: json html sanitizer token hostmeta theme (sources in Fuzz/Targets/).
# Builds one fuzz binary from PumpCore's sources (globbed, so new files are picked up), the theme
# parser's files and Fuzz/Targets/*.swift, with `-sanitize=fuzzer,address`; the Crypto import is
# satisfied by Fuzz/Shims/Crypto.swift (no target signs anything). Seeds come from the test fixtures,
# themes/ and Fuzz/seeds/; the growing corpus is kept in .fuzz/corpus/TARGET, crashes go to
# .fuzz/crashes/ (both gitignored). Exits non-zero if any target crashed.
# Long runs:  nice -n 19 scripts/fuzz.sh --seconds 600 json
set -euo pipefail
cd "$(dirname "$0")/.."

ALL_TARGETS=(json html sanitizer token hostmeta theme)
seconds=60
opt=-O
build=.fuzz/build
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --seconds=*) seconds="${1#*=}"; shift ;;
        --quick-build) opt=-Onone; build=.fuzz/build-quick; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -eq 0 ] && targets=("${ALL_TARGETS[@]}")
for t in "${targets[@]}"; do
    [[ " ${ALL_TARGETS[*]} " == *" $t "* ]] || { echo "fuzz.sh: unknown target '$t' (${ALL_TARGETS[*]})" >&2; exit 2; }
done

binary=$build/pumptui-fuzz
mkdir -p "$build" .fuzz/crashes

# The theme parser lives in PumpTUI; only the files it needs are compiled in.
theme_sources=(Sources/PumpTUI/Theme/Theme.swift Sources/PumpTUI/Theme/ThemeParser.swift
               Sources/PumpTUI/Render/CellBuffer.swift Sources/PumpTUI/Render/TextWidth.swift
               Sources/PumpTUI/Render/Grapheme.swift)
# Files on AsyncHTTPClient/swift-nio stay out (no target does network I/O; compiling NIO with the
# fuzzer sanitizer would cost minutes): Fuzz/Shims/HTTPClient.swift stands in for them. So do
# the swift-log loggers (Logging/PumpLog.swift; only the HTTP transport writes to them).
mapfile -t core_sources < <(find Sources/PumpCore -name '*.swift' | sort | xargs grep -L -E '^import (AsyncHTTPClient|NIO|Logging)')
mapfile -t fuzz_sources < <(find Fuzz/Targets -name '*.swift' | sort)
all_sources=("${core_sources[@]}" "${theme_sources[@]}" "${fuzz_sources[@]}" Fuzz/Shims/Crypto.swift Fuzz/Shims/HTTPClient.swift)

needs_build=0
if [ ! -x "$binary" ]; then needs_build=1
else
    for f in "${all_sources[@]}"; do [ "$f" -nt "$binary" ] && { needs_build=1; break; }; done
fi
if [ $needs_build -eq 1 ]; then
    echo "fuzz: building $binary"
    start=$(date +%s)
    swiftc -parse-as-library -module-name Crypto -emit-module -emit-module-path "$build/Crypto.swiftmodule" \
        -c -o "$build/Crypto.o" Fuzz/Shims/Crypto.swift
    swiftc -sanitize=fuzzer,address -parse-as-library "$opt" -suppress-warnings -module-name PumpFuzz -I "$build" \
        "${core_sources[@]}" "${theme_sources[@]}" "${fuzz_sources[@]}" Fuzz/Shims/HTTPClient.swift \
        "$build/Crypto.o" -o "$binary" \
        2> >(grep -v "Cannot export local symbol" >&2)
    echo "fuzz: built in $(( $(date +%s) - start )) s"
fi

# Seed corpora: read-only inputs libFuzzer starts from (it writes new units to .fuzz/corpus/TARGET).
seed_dirs() {
    case "$1" in
        json) echo Tests/PumpCoreTests/Fixtures ;;
        html) echo Fuzz/seeds/html .fuzz/seeds/payloads ;;
        sanitizer) echo .fuzz/seeds/payloads ;;
        token) echo Fuzz/seeds/token ;;
        hostmeta) echo Fuzz/seeds/hostmeta ;;
        theme) echo themes ;;
    esac
}
# The hostile payloads (a JSON array of {payload}) become one seed file each.
mkdir -p .fuzz/seeds/payloads
if [ Tests/PumpCoreTests/Fixtures/payloads.json -nt .fuzz/seeds/payloads ] || [ -z "$(ls -A .fuzz/seeds/payloads)" ]; then
    python3 - <<'PY'
import json, pathlib
out = pathlib.Path(".fuzz/seeds/payloads")
for i, p in enumerate(json.loads(pathlib.Path("Tests/PumpCoreTests/Fixtures/payloads.json").read_text())):
    (out / f"payload-{i:03}").write_text(p["payload"], encoding="utf-8", errors="surrogatepass")
PY
    touch .fuzz/seeds/payloads
fi

status=0
for t in "${targets[@]}"; do
    corpus=.fuzz/corpus/$t
    mkdir -p "$corpus"
    mkdir -p .fuzz/logs
    log=.fuzz/logs/$t-$$.log   # per run: parallel runs of one target must not share a log
    set +e
    # -detect_leaks=0: LeakSanitizer misreads Swift values whose enum tag lives in a pointer's
    # spare bits (it reported the models' boxed URL maps as leaked, though immutable boxes cannot
    # form cycles); AddressSanitizer's checks for memory errors stay on.
    # shellcheck disable=SC2046
    ASAN_OPTIONS=detect_leaks=0 PUMPTUI_FUZZ_TARGET=$t "$binary" -max_total_time="$seconds" -print_final_stats=1 -timeout=30 -detect_leaks=0 \
        -rss_limit_mb=2048 -max_len=65536 -artifact_prefix=".fuzz/crashes/$t-" \
        "$corpus" $(seed_dirs "$t") >"$log" 2>&1
    rc=$?
    set -e
    execs=$(grep -ao 'number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2}')
    if [ $rc -eq 0 ]; then
        echo "fuzz $t: ${execs:-?} executions in ${seconds} s, no crash"
        rm -f "$log"
    else
        status=1
        artifact=$(grep -ao "Test unit written to [^ ]*" "$log" | tail -1 | sed 's/Test unit written to //')
        echo "fuzz $t: CRASH (exit $rc) after ${execs:-?} executions; input: ${artifact:-see $log}"
        grep -a -m3 -E "invariant broken|Fatal error|ERROR: AddressSanitizer|ERROR: libFuzzer" "$log" | cut -c1-400 || true
    fi
done
exit $status
