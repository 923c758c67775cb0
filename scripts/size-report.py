#!/usr/bin/env python3
"""What each dependency costs in the packaged binary (docs/size.md; issue 26).

    python3 scripts/size-report.py [--map FILE] [--markdown] [--full-icu]

Relinks the packaged binary as scripts/package.sh does (scripts/relink.py: the objects in
.build-static, SwiftPM's linker command read from .build-static/release.yaml, the trimmed ICU
data), plus -Map, into a temporary directory (a few seconds: .build-static and dist/ are not
touched), then adds up the linker map: every input section's bytes go to the component its object
file or archive belongs to. Only the sections a stripped binary keeps are counted (no debug info,
no symbol table), so the total is the size of dist/…/bin/pumptui. --full-icu measures the build's
own link instead (the toolchain's full ICU data: the binary before the trimming). --map reads a
map made before instead of linking.
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

import relink

# Output sections that strip removes or that take no file bytes.
DROPPED = re.compile(r"^\.(debug|comment|symtab|strtab|shstrtab|bss|tbss|note\.gnu\.gold-version)")

# SwiftPM module (X.build) -> component.
MODULES = [
    ("pumptui (our code)", {"PumpTUI", "PumpCore", "PumpModels", "PumpRender", "CTerminalGuard",
                            "CImageDecode", "CQRencode"}),
    ("BoringSSL, swift-crypto's copy", {"CCryptoBoringSSL", "CCryptoBoringSSLShims", "CryptoBoringWrapper"}),
    ("swift-crypto (Swift)", {"Crypto", "_CryptoExtras"}),
    ("BoringSSL, swift-nio-ssl's copy", {"CNIOBoringSSL", "CNIOBoringSSLShims"}),
    ("swift-nio-ssl (Swift)", {"NIOSSL", "NIOTLS"}),
    ("AsyncHTTPClient", {"AsyncHTTPClient"}),
    ("GRDB", {"GRDB", "GRDBSQLite"}),
    ("swift-argument-parser", {"ArgumentParser", "ArgumentParserToolInfo"}),
    ("swift-configuration, TOMLKit", {"Configuration", "TOMLKit", "CTOML"}),
]
# Static archives -> component.
ARCHIVES = [
    ("ICU data (lib_FoundationICU)", None),   # decided by section below
    ("Foundation (full: Foundation, CoreFoundation, FoundationInternationalization)",
     {"libFoundation.a", "libCoreFoundation.a", "libFoundationInternationalization.a", "lib_FoundationCShims.a",
      "libFoundationNetworking.a", "libFoundationXML.a", "libBlocksRuntime.a"}),
    ("FoundationEssentials", {"libFoundationEssentials.a", "lib_FoundationCollections.a"}),
    ("Swift runtime and stdlib", {"libswiftCore.a", "libswift_Concurrency.a", "libswiftSynchronization.a",
                                  "libswift_StringProcessing.a", "libswift_RegexParser.a", "libswiftGlibc.a",
                                  "libswiftDispatch.a", "libswift_Builtin_float.a", "libswift_math.a",
                                  "libswiftSwiftOnoneSupport.a", "libswift_Volatile.a",
                                  "libswift_Differentiation.a", "libswiftObservation.a"}),
    ("libdispatch", {"libdispatch.a"}),
    ("SQLite", {"libsqlite3.a"}),
    ("libjpeg-turbo", {"libjpeg.a"}),
    ("libpng", {"libpng.a", "libpng16.a"}),
]


def component(path, section):
    m = re.search(r"/release/([^/]+)\.build/", path)
    if m:
        module = m.group(1)
        for name, members in MODULES:
            if module in members:
                return name
        if module.startswith(("NIO", "CNIO", "_NIO")):
            return "swift-nio (NIO, HTTP/1, HTTP/2, SOCKS, …)"
        if module in {"Tracing", "Instrumentation", "ServiceContextModule", "ServiceContextModuleCompatibility"}:
            return "swift-distributed-tracing"
        if module in {"DequeModule", "InternalCollectionsUtilities", "ContainersPreview", "Algorithms",
                      "Atomics", "_AtomicsShims", "SystemPackage", "CSystem", "Logging", "RealModule",
                      "_NumericsShims"}:
            return "small Swift packages (collections, algorithms, atomics, system, log, numerics)"
        return "other Swift package: " + module
    m = re.search(r"/([^/(]+\.a)\(", path)
    if m:
        archive = m.group(1)
        if archive == "lib_FoundationICU.a":
            return "ICU data (lib_FoundationICU)" if section == ".rodata.icudt" else "ICU code (lib_FoundationICU)"
        for name, members in ARCHIVES:
            if members and archive in members:
                return name
        if archive.startswith(("libgcc", "libstdc++", "libc_nonshared")):
            return "C/C++ runtime (crt, libgcc)"
        return "other archive: " + archive
    if os.path.basename(path) == relink.TRIMMED_ICU_OBJECT:
        return "ICU data, trimmed (scripts/relink.py)"
    if re.search(r"/(crt[^/]*|Scrt1)\.o$", path) or "/gcc/" in path:
        return "C/C++ runtime (crt, libgcc)"
    return "other: " + os.path.basename(path)


def link_with_map(tmp, full_icu):
    """The packaged binary's link (or with full_icu, the build's), again, with a map."""
    output, map_file = os.path.join(tmp, "pumptui"), os.path.join(tmp, "pumptui.map")
    if full_icu:
        relink.link(output, map_file=map_file)
        subprocess.run(["strip", output], check=True)
    else:
        relink.link_trimmed_icu(output, map_file=map_file)
    return map_file, os.path.getsize(output)


def parse(map_file):
    """(component -> kind -> bytes), where kind is code, data or unwind."""
    sizes = collections.defaultdict(collections.Counter)
    out_section = None
    pending = None          # an input section whose address and size are on the next line
    memory_map = False
    entry = re.compile(r"^\s+0x[0-9a-f]+\s+0x([0-9a-f]+)(?:\s+(\S.*))?$")
    for raw in open(map_file, errors="replace"):
        line = raw.rstrip("\n")
        if not memory_map:
            memory_map = line.startswith("Memory map")
            continue
        if line and not line[0].isspace():          # an output section
            out_section = line.split()[0]
            pending = None
            continue
        if out_section is None or DROPPED.match(out_section):
            continue
        m = re.match(r"^ (\.\S+|\*\* [^0]+?)(\s+0x.*)?$", line)
        if m:
            pending = m.group(1)
            if not m.group(2):
                continue
            line = " " * 16 + m.group(2).strip()
        m = entry.match(line)
        if not m or pending is None:
            continue
        size, path = int(m.group(1), 16), m.group(2)
        name = pending
        pending = None
        kind = ("code" if out_section in (".text", ".init", ".fini", ".plt", ".plt.got")
                else "unwind" if out_section in (".eh_frame", ".eh_frame_hdr", ".gcc_except_table")
                else "data")
        if path is None:
            what = ("linker: dynamic relocations (PIE)" if name.startswith("** dynamic relocs")
                    else "linker: merged strings" if name.startswith("** merge")
                    else "linker: unwind index (.eh_frame_hdr)" if name.startswith("** eh_frame_hdr")
                    else "unwind tables (.eh_frame, merged by the linker: all components)" if name.startswith("** eh_frame")
                    else "linker: padding, headers, GOT, symbol tables")
            sizes[what][kind] += size
            continue
        section = ".rodata.icudt" if "icudt" in name or (out_section == ".rodata" and size > 10_000_000) else name
        sizes[component(path, section)][kind] += size
    return sizes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--map", help="a linker map of the packaged binary's link (else: relink now)")
    ap.add_argument("--markdown", action="store_true", help="a Markdown table (docs/size.md)")
    ap.add_argument("--full-icu", action="store_true", help="the build's link, with the toolchain's full ICU data")
    opts = ap.parse_args()
    stripped = None
    with tempfile.TemporaryDirectory() as tmp:
        map_file = opts.map
        if map_file is None:
            try:
                map_file, stripped = link_with_map(tmp, opts.full_icu)
            except relink.RelinkError as e:
                sys.exit(f"size-report: {e}")
        sizes = parse(map_file)
    rows = sorted(sizes.items(), key=lambda kv: -sum(kv[1].values()))
    total = sum(sum(k.values()) for _, k in rows)
    # Crumbs (crt files, a C shim or two) as one row.
    crumbs = [kinds for _, kinds in rows if sum(kinds.values()) < 10_000]
    rows = [(n, k) for n, k in rows if sum(k.values()) >= 10_000]
    if crumbs:
        rows.append(("the rest (C runtime start files, shims: under 10 kB each)", sum(crumbs, collections.Counter())))
    mb = lambda n: f"{n / 1e6:.2f}"
    if opts.markdown:
        print("| component | MB | code | data | unwind | share |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name, kinds in rows:
            n = sum(kinds.values())
            print(f"| {name} | {mb(n)} | {mb(kinds['code'])} | {mb(kinds['data'])} | {mb(kinds['unwind'])} | {100 * n / total:.1f}% |")
        print(f"| **total** | **{mb(total)}** | | | | |")
    else:
        for name, kinds in rows:
            n = sum(kinds.values())
            print(f"{mb(n):>8} MB  {100 * n / total:5.1f}%  code {mb(kinds['code']):>6}  data {mb(kinds['data']):>6}"
                  f"  unwind {mb(kinds['unwind']):>5}  {name}")
        print(f"{mb(total):>8} MB  total")
    if stripped:
        print(f"\n(stripped binary of this link: {stripped / 1e6:.2f} MB; the difference to the total is the"
              " alignment of its segments in the file)", file=sys.stderr)


if __name__ == "__main__":
    main()
