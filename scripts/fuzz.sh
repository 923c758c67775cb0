#!/usr/bin/env bash
# libFuzzer runs of pumptui's parsers (issue 6). Usage:
#   scripts/fuzz.sh [--seconds N] [--quick-build] [TARGET...]
#   N seconds per target (default 60); all targets by default. --quick-build compiles without
#   optimisation (about half the build time, fewer executions per second): for the test smoke.
# Targets: json html sanitizer token hostmeta theme links image (sources in Fuzz/Targets/, the
# PumpFuzz product of Package.swift, linking PumpModels, PumpRender and CImageDecode only: no
# swift-crypto, no NIO).
# SwiftPM builds it in .build-fuzz with `-sanitize=fuzzer,address -DFUZZING`. Seeds come from the
# test fixtures, themes/ and Fuzz/seeds/; the growing corpus is kept in .fuzz/corpus/TARGET, crashes
# go to .fuzz/crashes/ (both gitignored); `PUMPTUI_FUZZ_TARGET=T .build/debug/PumpFuzz FILE`
# replays one. Exits non-zero if any target crashed.
# Long runs:  nice -n 19 scripts/fuzz.sh --seconds 600 json
set -euo pipefail
cd "$(dirname "$0")/.."

ALL_TARGETS=(json html sanitizer token hostmeta theme links image)
seconds=60
config=release
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --seconds=*) seconds="${1#*=}"; shift ;;
        --quick-build) config=debug; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -eq 0 ] && targets=("${ALL_TARGETS[@]}")
for t in "${targets[@]}"; do
    [[ " ${ALL_TARGETS[*]} " == *" $t "* ]] || { echo "fuzz.sh: unknown target '$t' (${ALL_TARGETS[*]})" >&2; exit 2; }
done

mkdir -p .fuzz/crashes
echo "fuzz: building PumpFuzz ($config)"
start=$(date +%s)
swift build --scratch-path .build-fuzz -c "$config" --product PumpFuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld \
    -Xcc -fsanitize=fuzzer-no-link,address
binary=$(swift build --scratch-path .build-fuzz -c "$config" --show-bin-path)/PumpFuzz
# (lld: gold crashed on this link, "internal error in format_file_lineno", hiding the real message)
# (-Xcc: the image target's C wrapper over libpng/libjpeg is instrumented too.)
echo "fuzz: built in $(( $(date +%s) - start )) s"

# Seed corpora: read-only inputs libFuzzer starts from (it writes new units to .fuzz/corpus/TARGET).
seed_dirs() {
    case "$1" in
        json) echo Tests/PumpCoreTests/Fixtures ;;
        image) echo .fuzz/seeds/image Fuzz/seeds/image ;;
        html) echo Fuzz/seeds/html .fuzz/seeds/payloads ;;
        sanitizer) echo .fuzz/seeds/payloads ;;
        token) echo Fuzz/seeds/token ;;
        hostmeta) echo Fuzz/seeds/hostmeta ;;
        theme) echo themes ;;
        links) echo Fuzz/seeds/links ;;
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
# The image target's seeds: issue 23's hostile images (bench/hostile_images.py) that fit its
# -max_len, and small good PNG and JPEG files of each kind.
mkdir -p .fuzz/seeds/image
if [ bench/hostile_images.py -nt .fuzz/seeds/image ] || [ -z "$(ls -A .fuzz/seeds/image)" ]; then
    python3 - <<'PY'
import pathlib, sys
sys.path.insert(0, "bench")
import hostile_images as h
out = pathlib.Path(".fuzz/seeds/image")
seeds = h.hostile_images() + [
    ("png-small", h.text_bomb_png(0), ""), ("png-small-text", h.text_bomb_png(2), ""),
    ("png-small-after", h.text_bomb_png(1, kind=b"iTXt", after_idat=True), ""),
    ("jpeg-small-progressive", h.coefficient_bomb_jpeg(64, 48), ""),
    ("jpeg-small-multiscan", h.coefficient_bomb_jpeg(64, 48, progressive=False), ""),
    ("jpeg-small-grey", h.coefficient_bomb_jpeg(40, 24, components=1), "")]
for name, data, _ in seeds:
    if len(data) <= 1 << 20:
        (out / name).write_bytes(data)
PY
    touch .fuzz/seeds/image
fi

# Limits of one target beyond the common ones (later flags win). The image decoders must stay
# within what the preview allows (issue 23): no allocation over 96 MB (the largest they make is
# 48 MB of JPEG coefficients or 36 MB of pixels), the process under 512 MB with
# AddressSanitizer's overhead, 10 s an input; their inputs are whole files, up to 1 MB.
# The link scanner's inputs are amplified (FuzzLinks.swift) to 2 MiB, 128 KiB unoptimised, where
# linear scanning takes under 3 s a unit with AddressSanitizer and the old quadratic passes 25 s
# to minutes: its timeout makes a quadratic blow-up a failure (issue 23).
# AddressSanitizer's quarantine keeps freed memory for 256 MB by default, and it counts in the
# RSS limit: an allowed decode (a 2496x1840 progressive JPEG, 28 MB of coefficients, in
# Fuzz/seeds/image) went past 512 MB after some thousand runs. 16 MB keeps the limit about the
# decoder's own memory.
target_asan() {
    case "$1" in
        image) echo ":quarantine_size_mb=16" ;;
    esac
}
target_limits() {
    case "$1" in
        image) echo -rss_limit_mb=512 -malloc_limit_mb=96 -max_len=1048576 -timeout=10 ;;
        links) if [ "$config" = debug ]; then echo -timeout=15; else echo -timeout=10; fi ;;
    esac
}
[ "$config" = debug ] && export PUMPTUI_FUZZ_AMPLIFY=131072

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
    ASAN_OPTIONS="detect_leaks=0$(target_asan "$t")" PUMPTUI_FUZZ_TARGET=$t "$binary" -max_total_time="$seconds" -print_final_stats=1 -timeout=30 -detect_leaks=0 \
        -rss_limit_mb=2048 -max_len=65536 -artifact_prefix=".fuzz/crashes/$t-" $(target_limits "$t") \
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
