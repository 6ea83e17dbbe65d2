#!/usr/bin/env python3
"""Draws the app's icons (192 and 512 px, maskable: the mark sits in the safe middle 80%)
as PNG files, with nothing but the standard library. Run once; the PNGs are committed."""
import struct
import zlib

NAVY = (0x12, 0x36, 0x5F)
WHITE = (0xFF, 0xFF, 0xFF)
YELLOW = (0xFF, 0xDD, 0x00)


def pixel(x, y, size):
    u, v = x / size, y / size
    # A page with three lines of text, and a yellow dot: a record being kept.
    if 0.30 <= u <= 0.66 and 0.26 <= v <= 0.74:
        for top in (0.38, 0.50, 0.62):
            if top <= v <= top + 0.04 and 0.36 <= u <= (0.60 if top < 0.6 else 0.52):
                return NAVY
        return WHITE
    if (u - 0.68) ** 2 + (v - 0.30) ** 2 <= 0.085 ** 2:
        return YELLOW
    return NAVY


def png(size):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size)
    )
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


for size in (192, 512):
    with open(f"public/icons/icon-{size}.png", "wb") as out:
        out.write(png(size))
