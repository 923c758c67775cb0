#!/usr/bin/env python3
"""What each dependency costs in the packaged binary (docs/size.md; issue 26).

    python3 scripts/size-report.py [--map FILE] [--markdown]
    python3 scripts/size-report.py --trimmed-icu OUT     # the ICU experiment of docs/size.md

Relinks the packaged binary from the objects scripts/package.sh left in .build-static (the same
linker command SwiftPM ran, read from .build-static/release.yaml, plus -Map; a few seconds, into
a temporary directory: .build-static and dist/ are not touched), then adds up the linker map:
every input section's bytes go to the component its object file or archive belongs to. Only the
sections a stripped binary keeps are counted (no debug info, no symbol table), so the total is the
size of dist/…/bin/pumptui. --map reads a map made before instead of linking.

--trimmed-icu OUT links the same objects with a smaller ICU data file in place of the toolchain's
(its archive member icu_packaged_data.cpp.o defines nothing but `icudt76_dat`, so an object that
defines the symbol first keeps the member out): no charset converters, no transliterators, no
break-iterator dictionaries, and of the per-locale data only root and English. OUT is stripped;
run the end-to-end tests on it with PUMPTUI_BIN=OUT PUMPTUI_RELEASE_BIN=OUT.
"""
import argparse
import collections
import json
import os
import re
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
MANIFEST = os.path.join(ROOT, ".build-static", "release.yaml")
LINK_DESCRIPTION = 'description: "Linking ./.build-static/x86_64-unknown-linux-gnu/release/pumptui"'

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
    if re.search(r"/(crt[^/]*|Scrt1)\.o$", path) or "/gcc/" in path:
        return "C/C++ runtime (crt, libgcc)"
    return "other: " + os.path.basename(path)


def link_args(output):
    """The packaged binary's link command, writing `output`."""
    text = open(MANIFEST).read()
    at = text.find(LINK_DESCRIPTION)
    if at < 0:
        sys.exit("size-report: no pumptui link in .build-static/release.yaml: run scripts/package.sh once")
    line = text[at:].split("\n")[1].strip()
    args = json.loads(line[len("args: "):])
    args[args.index("-o") + 1] = output
    return args


def link_with_map(tmp):
    """The packaged binary's link, again, with a map (a few seconds)."""
    args = link_args(os.path.join(tmp, "pumptui"))
    map_file = os.path.join(tmp, "pumptui.map")
    subprocess.run(args + ["-Xlinker", f"-Map={map_file}"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    subprocess.run(["strip", os.path.join(tmp, "pumptui")], check=True)
    return map_file, os.path.getsize(os.path.join(tmp, "pumptui"))


ICU_ARCHIVE = "lib_FoundationICU.a"
ICU_MEMBER = "icu_packaged_data.cpp.o"
LOCALE_ITEM = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")


def icu_item_kept(name):
    """Of ICU's common data, what a UTF-8-only program that formats dates only as en_US_POSIX and
    ISO 8601 can use: not the charset converters, transliterators or break dictionaries, and of
    the per-locale items (DE.res, coll/DE.res, zone/DE.res ...) only root's and English ones."""
    short = name.split("/", 1)[1]
    base = short.rsplit("/", 1)[-1]
    if short.endswith((".cnv", ".dict")) or short.startswith("translit/"):
        return False
    return not LOCALE_ITEM.match(base) or base.split("_")[0].split(".")[0] == "en"


def trimmed_icu_data(data):
    """ICU common data ("CmnD": header, table of contents of name and data offsets from the
    table's start, names, items 16-byte aligned) with only the items `icu_item_kept` keeps."""
    header = struct.unpack_from("<H", data, 0)[0]
    assert data[2:4] == b"\xda\x27", "not ICU data"
    count = struct.unpack_from("<I", data, header)[0]
    entries = [struct.unpack_from("<II", data, header + 4 + 8 * i) for i in range(count)]
    starts = sorted(header + offset for _, offset in entries) + [len(data)]
    end = dict(zip(starts, starts[1:]))
    items = []
    for name_offset, offset in entries:
        at = header + name_offset
        name = data[at:data.index(b"\0", at)]
        if icu_item_kept(name.decode()):
            items.append((name, data[header + offset:end[header + offset]]))
    table = 4 + 8 * len(items)
    names = b"".join(name + b"\0" for name, _ in items)
    position = (table + len(names) + 15) & ~15
    offsets, blobs, name_at = [], [], table
    for name, blob in items:
        offsets.append(struct.pack("<II", name_at, position))
        name_at += len(name) + 1
        blob += b"\0" * (-len(blob) % 16)
        blobs.append(blob)
        position += len(blob)
    toc = struct.pack("<I", len(items)) + b"".join(offsets) + names
    toc += b"\0" * (((table + len(names) + 15) & ~15) - len(toc))
    return data[:header] + toc + b"".join(blobs), count, len(items)


def link_trimmed_icu(output):
    """Links `output` (stripped) with the trimmed ICU data; returns (items before, items kept)."""
    archive = next(os.path.join(d, ICU_ARCHIVE) for d in ("/opt/swift/usr/lib/swift_static/linux",)
                   if os.path.exists(os.path.join(d, ICU_ARCHIVE)))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["ar", "x", archive, ICU_MEMBER], cwd=tmp, check=True)
        member = os.path.join(tmp, ICU_MEMBER)
        sections = subprocess.run(["readelf", "-SW", member], capture_output=True, text=True, check=True).stdout
        m = re.search(r"\] \.rodata\s+PROGBITS\s+\S+\s+(\S+)\s+(\S+)", sections)
        offset, size = int(m.group(1), 16), int(m.group(2), 16)
        data, before, kept = trimmed_icu_data(open(member, "rb").read()[offset:offset + size])
        dat = os.path.join(tmp, "icudt.dat")
        open(dat, "wb").write(data)
        asm = os.path.join(tmp, "icudt.S")
        open(asm, "w").write(
            '  .section .rodata.icudt,"a",@progbits\n  .globl icudt76_dat\n  .type icudt76_dat,@object\n'
            f'  .balign 16\nicudt76_dat:\n  .incbin "{dat}"\n  .size icudt76_dat, . - icudt76_dat\n'
            '  .section .note.GNU-stack,"",@progbits\n')
        obj = os.path.join(tmp, "icudt.o")
        subprocess.run(["cc", "-c", asm, "-o", obj], check=True)
        subprocess.run(link_args(output) + [obj], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["strip", output], check=True)
    return before, kept, len(data), size


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
    ap.add_argument("--trimmed-icu", metavar="OUT", help="link OUT with the trimmed ICU data instead")
    opts = ap.parse_args()
    if opts.trimmed_icu:
        before, kept, size, original = link_trimmed_icu(opts.trimmed_icu)
        print(f"ICU data: {kept} of {before} items, {size} of {original} bytes; "
              f"{opts.trimmed_icu}: {os.path.getsize(opts.trimmed_icu)} bytes stripped")
        return
    stripped = None
    with tempfile.TemporaryDirectory() as tmp:
        map_file = opts.map
        if map_file is None:
            map_file, stripped = link_with_map(tmp)
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
