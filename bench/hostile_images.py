"""Issue 23's hostile images, for the hostile-input benchmark (bench/hostile.py) and the
end-to-end preview tests (Tests/e2e/test_preview.py). Standard library only.

`hostile_images()` returns (name, bytes, content_type) for each case:
- High 1, "PNG text bombs": compressed text chunks before the image data. libpng inflates each
  zTXt/iTXt (up to 8 MB) and keeps up to 1000 of them, so a file of N KB used to cost ~N MB.
  Variants: zTXt, iTXt, the chunks after IDAT, an iCCP profile bomb, a private chunk flood.
- Medium 4, "JPEG coefficient bombs": an 8192×8192 progressive JPEG (and one whose components
  come in separate baseline scans) is decoded from a buffer of every DCT coefficient, full
  size (402 MB at 4:4:4) even though the preview decodes it at 1/8.
"""
import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Under libpng's default chunk limit (8 000 000 bytes inflated): each chunk is inflated in full.
TEXT_INFLATED = 7_900_000


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_ihdr(width, height):
    return png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))


def png_idat(width, height, rgb=(255, 0, 0)):
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return png_chunk(b"IDAT", zlib.compress(rows))


def _text_deflated(count):
    """Not zeros: libpng keeps text up to its first NUL, so zeros would be kept as nothing."""
    return zlib.compress(b"A" * count, 9)


def text_bomb_png(chunks=100, kind=b"zTXt", after_idat=False, width=8, height=6):
    """`chunks` compressed text chunks of TEXT_INFLATED bytes each (~7.7 KB apiece on disk)."""
    packed = _text_deflated(TEXT_INFLATED)
    if kind == b"zTXt":
        body = b"Comment\0\0" + packed
    else:  # iTXt: keyword, compression flag 1, method 0, no language, no translated keyword
        body = b"Comment\0\1\0\0\0" + packed
    text = png_chunk(kind, body) * chunks
    image = png_idat(width, height)
    middle = image + text if after_idat else text + image
    return PNG_SIGNATURE + png_ihdr(width, height) + middle + png_chunk(b"IEND", b"")


def iccp_bomb_png(width=8, height=6):
    """One iCCP profile of TEXT_INFLATED bytes whose header claims that length (libpng checks the
    profile's header once it has the first bytes, then inflates the rest)."""
    header = struct.pack(">I", TEXT_INFLATED) + b"\0" * 124
    profile = zlib.compress(header + b"\0" * (TEXT_INFLATED - len(header)), 9)
    return (PNG_SIGNATURE + png_ihdr(width, height) + png_chunk(b"iCCP", b"bomb\0\0" + profile)
            + png_idat(width, height) + png_chunk(b"IEND", b""))


def private_chunk_flood_png(chunks=200_000, width=8, height=6):
    """Many small private ancillary chunks: each must cost its bytes, no more."""
    flood = png_chunk(b"prVt", b"x" * 16) * chunks
    return PNG_SIGNATURE + png_ihdr(width, height) + flood + png_idat(width, height) + png_chunk(b"IEND", b"")


# ---- JPEG --------------------------------------------------------------------------------------

def _segment(marker, payload):
    return b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload


def _entropy(bits):
    """`bits` ("0"/"1" string) as entropy-coded bytes: padded with ones, 0xFF stuffed."""
    bits += "1" * (-len(bits) % 8)
    out = bytearray()
    for i in range(0, len(bits), 8):
        byte = int(bits[i:i + 8], 2)
        out.append(byte)
        if byte == 0xFF:
            out.append(0)
    return bytes(out)


def _one_code_table(table_class, table_id):
    """A Huffman table with one symbol (0: DC difference 0, or AC end-of-block) coded as `0`."""
    return bytes([table_class << 4 | table_id]) + bytes([1] + [0] * 15) + b"\0"


def coefficient_bomb_jpeg(width=8192, height=8192, components=3, progressive=True):
    """A flat grey picture whose decoding needs a full-size coefficient buffer (width × height ×
    components × 2 bytes). Progressive: one interleaved DC scan, no AC scans (libjpeg leaves the
    AC coefficients zero). Not progressive: one baseline scan per component (non-interleaved,
    which also makes libjpeg buffer the whole image). One bit a block (two when baseline)."""
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    ids = range(1, components + 1)
    out = b"\xff\xd8" + _segment(0xDB, b"\0" + b"\1" * 64)
    sof = struct.pack(">BHHB", 8, height, width, components) + b"".join(bytes([i, 0x11, 0]) for i in ids)
    out += _segment(0xC2 if progressive else 0xC0, sof)
    if progressive:
        out += _segment(0xC4, _one_code_table(0, 0))
        sos = bytes([components]) + b"".join(bytes([i, 0x00]) for i in ids) + b"\x00\x00\x00"
        out += _segment(0xDA, sos) + _entropy("0" * blocks * components)
    else:
        out += _segment(0xC4, _one_code_table(0, 0) + _one_code_table(1, 0))
        for i in ids:
            out += _segment(0xDA, bytes([1, i, 0x00]) + b"\x00\x3f\x00") + _entropy("00" * blocks)
    return out + b"\xff\xd9"


def hostile_images():
    """(name, bytes, content_type) for each hostile image case of issue 23."""
    return [
        ("png-ztxt-100", text_bomb_png(100), "image/png"),
        ("png-itxt-100", text_bomb_png(100, kind=b"iTXt"), "image/png"),
        ("png-ztxt-after-idat-100", text_bomb_png(100, after_idat=True), "image/png"),
        ("png-iccp-bomb", iccp_bomb_png(), "image/png"),
        ("png-private-chunks-200k", private_chunk_flood_png(), "image/png"),
        ("jpeg-progressive-8192", coefficient_bomb_jpeg(), "image/jpeg"),
        ("jpeg-progressive-8192-grey", coefficient_bomb_jpeg(components=1), "image/jpeg"),
        ("jpeg-multiscan-baseline-8192", coefficient_bomb_jpeg(progressive=False), "image/jpeg"),
    ]


if __name__ == "__main__":
    for name, data, ctype in hostile_images():
        print(f"{name:32} {len(data) / 1024:9.1f} KB  {ctype}")
