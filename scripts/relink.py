#!/usr/bin/env python3
"""Relinks pumptui from the objects of the static release build in .build-static, with the
trimmed ICU data in place of the toolchain's (docs/size.md; issue 26).

    python3 scripts/relink.py OUT          # OUT: the packaged binary, stripped (scripts/package.sh)

The linker command is the one SwiftPM ran (read from .build-static/release.yaml), so the result
is the build's binary but for the ICU data; .build-static is not touched (a few seconds).
scripts/size-report.py uses the same link (with -Map) to measure what each dependency costs.

The trimmed data: ICU's common data without the charset converters, transliterators and
break-iterator dictionaries, and of the per-locale items only root's and English ones (pumptui
formats dates only as ISO 8601 and en_US_POSIX, reads UTF-8 only, breaks lines and words itself;
with another LANG, ICU falls back to root, as for a locale it does not know). It goes in as an
object defining the data symbol (`icudt<version>_dat`, the version read from the archive with nm),
given to the linker before the toolchain's archives: the archive member that defines the symbol,
and nothing else, is then never pulled in.

Every failure stops with a message and a non-zero status: a full binary is never shipped by
mistake in place of the trimmed one (the symbol's size in the output is checked).
"""
import contextlib
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
ICU_ARCHIVE = "lib_FoundationICU.a"
# The common data's symbol: icudt<ICU major version>_dat.
ICU_SYMBOL = re.compile(r"^icudt\d+_dat$")
LOCALE_ITEM = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
# The object holding the trimmed data (size-report.py tells its bytes by this name).
TRIMMED_ICU_OBJECT = "icudt-trimmed.o"


class RelinkError(Exception):
    pass


def run(argv, **kw):
    """argv, its output captured; a failure raises RelinkError with what it printed."""
    out = subprocess.run(argv, capture_output=True, text=True, **kw)
    if out.returncode != 0:
        raise RelinkError(f"{' '.join(argv[:3])}… failed ({out.returncode}):\n{(out.stderr or out.stdout)[-3000:]}")
    return out.stdout


def link_args(output):
    """The packaged binary's link command (SwiftPM's), writing `output`."""
    if not os.path.exists(MANIFEST):
        raise RelinkError("no .build-static/release.yaml: run scripts/package.sh once")
    text = open(MANIFEST).read()
    at = text.find(LINK_DESCRIPTION)
    if at < 0:
        raise RelinkError("no pumptui link in .build-static/release.yaml: run scripts/package.sh once")
    line = text[at:].split("\n")[1].strip()
    args = json.loads(line[len("args: "):])
    args[args.index("-o") + 1] = output
    return args


def link(output, objects=(), map_file=None):
    """Links `output` (unstripped) from the build's objects, plus `objects`: given as inputs to
    the compiler driver, they come before the archives it adds for the static runtime."""
    extra = ["-Xlinker", f"-Map={map_file}"] if map_file else []
    run(link_args(output) + extra + list(objects))


def icu_archive():
    """The static Foundation's ICU archive of the toolchain that made the build."""
    swiftc = os.path.realpath(link_args("-")[0])                  # …/usr/bin/swiftc
    path = os.path.join(os.path.dirname(os.path.dirname(swiftc)), "lib", "swift_static", "linux", ICU_ARCHIVE)
    if not os.path.exists(path):
        raise RelinkError(f"no {ICU_ARCHIVE} beside {swiftc}")
    return path


def icu_data_member(archive):
    """(member, symbol): the archive member defining ICU's common data, and the symbol's name
    (icudt76_dat for ICU 76). The member must define nothing else, or leaving it out of the link
    would leave out more than the data."""
    defined = {}
    for line in run(["nm", "-A", "--defined-only", archive]).splitlines():
        m = re.match(r"^.*?:([^:]+):[0-9a-f]*\s+\S\s+(\S+)$", line)
        if m:
            defined.setdefault(m.group(1), set()).add(m.group(2))
    found = [(member, sym) for member, syms in defined.items() for sym in syms if ICU_SYMBOL.match(sym)]
    if len(found) != 1:
        raise RelinkError(f"{archive}: expected one icudtNN_dat symbol, found {found}")
    member, symbol = found[0]
    if defined[member] != {symbol}:
        raise RelinkError(f"{archive}({member}) defines more than {symbol}: {sorted(defined[member])[:5]}")
    return member, symbol


def icu_item_kept(name):
    """Of ICU's common data, what a UTF-8-only program that formats dates only as en_US_POSIX and
    ISO 8601 can use: not the charset converters, transliterators or break dictionaries, and of
    the per-locale items (de.res, coll/de.res, zone/de.res ...) only root's and English ones."""
    short = name.split("/", 1)[1]
    base = short.rsplit("/", 1)[-1]
    if short.endswith((".cnv", ".dict")) or short.startswith("translit/"):
        return False
    return not LOCALE_ITEM.match(base) or base.split("_")[0].split(".")[0] == "en"


def trimmed_icu_data(data):
    """ICU common data ("CmnD": header, table of contents of name and data offsets from the
    table's start, names, items 16-byte aligned) with only the items `icu_item_kept` keeps, in
    their order (sorted by name: ICU looks them up by binary search).
    Returns (data, items before, items kept)."""
    header = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27":
        raise RelinkError("the archive's ICU data is not ICU common data (no 0xda27 magic)")
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
    if not any(name.endswith(b"/root.res") for name, _ in items):
        raise RelinkError("the trimmed ICU data would have no root locale")
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


@contextlib.contextmanager
def trimmed_icu_object():
    """Yields (object path, facts): an object defining the ICU data symbol with the trimmed data
    (in a temporary directory, gone afterwards)."""
    archive = icu_archive()
    member, symbol = icu_data_member(archive)
    with tempfile.TemporaryDirectory() as tmp:
        run(["ar", "x", archive, member], cwd=tmp)
        path = os.path.join(tmp, member)
        sections = run(["readelf", "-SW", path])
        m = re.search(r"\] \.rodata\s+PROGBITS\s+\S+\s+(\S+)\s+(\S+)", sections)
        if not m:
            raise RelinkError(f"{member}: no .rodata section")
        offset, size = int(m.group(1), 16), int(m.group(2), 16)
        data, before, kept = trimmed_icu_data(open(path, "rb").read()[offset:offset + size])
        dat = os.path.join(tmp, "icudt.dat")
        open(dat, "wb").write(data)
        asm = os.path.join(tmp, "icudt.S")
        open(asm, "w").write(
            f'  .section .rodata.icudt,"a",@progbits\n  .globl {symbol}\n  .type {symbol},@object\n'
            f'  .balign 16\n{symbol}:\n  .incbin "{dat}"\n  .size {symbol}, . - {symbol}\n'
            '  .section .note.GNU-stack,"",@progbits\n')
        obj = os.path.join(tmp, TRIMMED_ICU_OBJECT)
        run(["cc", "-c", asm, "-o", obj])
        yield obj, {"symbol": symbol, "items": before, "kept": kept, "bytes": len(data), "full_bytes": size}


def symbol_size(binary, symbol):
    for line in run(["nm", "-S", "--defined-only", binary]).splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3] == symbol:
            return int(parts[1], 16)
    return None


def link_trimmed_icu(output, map_file=None, strip=True):
    """Links `output` with the trimmed ICU data (stripped unless strip=False), checks that the
    data in it is the trimmed one, and returns the facts of `trimmed_icu_object`."""
    with trimmed_icu_object() as (obj, facts):
        link(output, [obj], map_file)
    size = symbol_size(output, facts["symbol"])
    if size != facts["bytes"]:
        raise RelinkError(f"{output}: {facts['symbol']} is {size} bytes, not the trimmed data's {facts['bytes']}")
    if strip:
        run(["strip", output])
    return facts


def main():
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        sys.exit("usage: python3 scripts/relink.py OUT   (OUT: pumptui with the trimmed ICU data, stripped)")
    out = sys.argv[1]
    try:
        facts = link_trimmed_icu(out)
    except RelinkError as e:
        sys.exit(f"relink: {e}")
    print(f"relink: {out}: {os.path.getsize(out)} bytes stripped; ICU data ({facts['symbol']}) "
          f"{facts['kept']} of {facts['items']} items, {facts['bytes']} of {facts['full_bytes']} bytes")


if __name__ == "__main__":
    main()
