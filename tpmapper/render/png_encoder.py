"""PNG encoding for image exports: unfiltered rows, compressed in bands by threads side by side.

Apart from `image_export` because it knows nothing of maps: it turns any QImage into PNG bytes,
faster than Qt's own PNG writer for large pictures.
"""

from __future__ import annotations

import itertools
import math
import os
import struct
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtGui import QImage

PNG_LEVEL = 6  # zlib's default: a third smaller than level 1, and as fast with two threads
PNG_BAND_BYTES = 8 * 2**20  # rows compressed together, by one thread
PNG_THREADS = max(1, min(4, os.cpu_count() or 1))


def _band_rows(width: int, channels: int) -> int:
    return max(1, PNG_BAND_BYTES // (width * channels + 1))


def png_bands(width: int, height: int, transparent: bool) -> int:
    """How many bands `encode_png` makes of an image this size: it calls `advance` after each."""
    return math.ceil(height / _band_rows(width, 4 if transparent else 3))


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(data, zlib.crc32(kind))
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of two pieces of data from the checksums of each (zlib's
    adler32_combine, which Python's zlib does not offer)."""
    base = 65521
    rem = second_length % base
    sum1 = first & 0xFFFF
    sum2 = (rem * sum1) % base
    sum1 = (sum1 + (second & 0xFFFF) + base - 1) % base
    sum2 = (sum2 + ((first >> 16) & 0xFFFF) + ((second >> 16) & 0xFFFF) + base - rem) % base
    return sum1 | (sum2 << 16)


def _zlib_header(level: int) -> bytes:
    cmf = 0x78  # deflate, 32 KiB window
    flags = (0 if level < 2 else 1 if level < 6 else 2 if level == 6 else 3) << 6
    flags += 31 - (cmf * 256 + flags) % 31
    return bytes((cmf, flags))


def encode_png(
    image: QImage, level: int = PNG_LEVEL, advance: Callable[[], None] | None = None
) -> bytes:
    """A QImage as PNG bytes: 8-bit RGB, or RGBA when it has an alpha channel, with the
    image's resolution (pHYs) and its text entries (iTXt, so any language fits).

    Written here rather than by Qt's PNG plug-in, which spends ~3 s of a 13,000 x 7,000
    picture on converting and filtering rows (measured by benchmarks/bench_images.py):
    rows go in unfiltered (the flat colours of a map compress as well as with filters)
    and zlib compresses bands of rows in threads side by side (it lets go of the GIL);
    the bands' deflate streams are joined as pigz does. `advance` is called after each
    band; it may raise to stop.
    """
    alpha = image.hasAlphaChannel()
    pixels = image.convertToFormat(
        QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888
    )
    width, height = pixels.width(), pixels.height()
    channels = 4 if alpha else 3
    row, stride = width * channels, pixels.bytesPerLine()
    bits = pixels.constBits()
    rows_per_band = _band_rows(width, channels)
    bands = [(top, min(height, top + rows_per_band)) for top in range(0, height, rows_per_band)]
    no_filter = b"\0"

    def compress(index: int) -> tuple[bytes, int, int]:
        top, bottom = bands[index]
        raw = b"".join(
            itertools.chain.from_iterable(
                (no_filter, bits[y * stride : y * stride + row]) for y in range(top, bottom)
            )
        )
        deflate = zlib.compressobj(level, zlib.DEFLATED, -15)
        last = index == len(bands) - 1
        packed = deflate.compress(raw) + deflate.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)
        return packed, zlib.adler32(raw), len(raw)

    header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    parts = [b"\x89PNG\r\n\x1a\n", _png_chunk(b"IHDR", header)]
    if image.dotsPerMeterX() > 0 and image.dotsPerMeterY() > 0:
        density = struct.pack(">IIB", image.dotsPerMeterX(), image.dotsPerMeterY(), 1)
        parts.append(_png_chunk(b"pHYs", density))
    for key in image.textKeys():
        entry = key.encode("latin-1", "replace")[:79] + b"\0\0\0\0\0" + image.text(key).encode()
        parts.append(_png_chunk(b"iTXt", entry))
    checksum = 1
    pool = ThreadPoolExecutor(max_workers=PNG_THREADS)
    try:
        for index, (packed, adler, length) in enumerate(pool.map(compress, range(len(bands)))):
            checksum = _adler32_combine(checksum, adler, length)
            if index == 0:
                packed = _zlib_header(level) + packed
            if index == len(bands) - 1:
                packed += struct.pack(">I", checksum)
            parts.append(_png_chunk(b"IDAT", packed))
            if advance is not None:
                advance()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    parts.append(_png_chunk(b"IEND", b""))
    return b"".join(parts)
