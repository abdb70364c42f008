"""PNG export of a 1,000-touchpoint map (1,200 links) at scale 2, in memory.

Timed: `image_export.png_bytes` (lay out, paint every card and link at full detail,
encode). Baseline, measured in the same run: a blank image of the same size and format,
filled white and saved as PNG into a QBuffer by Qt (QImage.save), i.e. what producing a
picture that size costs at the least. RATIO = export / blank. Target: at most 1.5.

For context (no target): the paint and encode parts of the export, the same painted
image saved by Qt's own PNG writer instead of tpmapper's encoder, and the file sizes.
BENCH_PROFILE=1 runs cProfile over one export and prints where the time goes.
"""

from __future__ import annotations

import os
import sys
import time

from _support import generate_map, header, line, median, profile, spread, verdict
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage

from tpmapper.render import image_export
from tpmapper.render.image_export import ImageOptions, encode_png, png_bytes, png_image

TOUCHPOINTS, LINKS = 1_000, 1_200
SCALE = 2.0
REPEATS = 5
TARGET_RATIO = 1.5


def qt_png(image: QImage) -> int:
    """Bytes of `image` saved as PNG by Qt's writer, in memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return data.size()


def blank(width: int, height: int) -> float:
    start = time.perf_counter()
    image = QImage(width, height, QImage.Format.Format_RGB32)  # what an opaque export paints
    image.fill(Qt.GlobalColor.white)
    qt_png(image)
    return time.perf_counter() - start


def main() -> int:
    header(f"PNG export of {TOUCHPOINTS:,} touchpoints ({LINKS:,} links) at scale {SCALE:g}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the app is made
    image_export.ensure_gui_application()
    begin = time.perf_counter()
    journey = generate_map(TOUCHPOINTS, LINKS)
    line("generate the map (not a target)", f"{time.perf_counter() - begin:.2f} s")
    options = ImageOptions(scale=SCALE)

    image = png_image(journey, options)
    width, height = image.width(), image.height()
    line("picture", f"{width:,} x {height:,} pixels ({width * height * 4 / 2**20:,.0f} MB)")
    blank(width, height), png_bytes(journey, options)  # warm-up
    baseline, exports, paints, encodes = [], [], [], []
    size = 0
    for _ in range(REPEATS):
        baseline.append(blank(width, height))
        start = time.perf_counter()
        size = len(png_bytes(journey, options))
        exports.append(time.perf_counter() - start)
        start = time.perf_counter()
        image = png_image(journey, options)
        painted = time.perf_counter()
        encode_png(image)
        paints.append(painted - start)
        encodes.append(time.perf_counter() - painted)
        del image
    start = time.perf_counter()
    qt_size = qt_png(png_image(journey, options))
    qt_total = time.perf_counter() - start
    start = time.perf_counter()
    white = QImage(width, height, QImage.Format.Format_RGB32)
    white.fill(Qt.GlobalColor.white)
    encode_png(white)
    own_blank = time.perf_counter() - start

    base, total = median(baseline), median(exports)
    line("baseline: blank image, Qt PNG", spread(baseline, 1, "s"))
    line("export: png_bytes", spread(exports, 1, "s"))
    line("  lay out and paint", spread(paints, 1, "s"))
    line("  encode (tpmapper's encoder)", spread(encodes, 1, "s"))
    line("  paint + Qt's PNG writer instead", f"{qt_total:.2f} s (one run, context only)")
    line("file size", f"{size / 2**20:.1f} MB (Qt's writer: {qt_size / 2**20:.1f} MB)")
    line(
        "  blank image, tpmapper's encoder",
        f"{own_blank:.2f} s (one run; export / this = {total / own_blank:.1f}, context only)",
    )
    ratio = total / base
    print(
        f"  RATIO export/blank = {ratio:.2f}  target <= {TARGET_RATIO:.1f}  "
        f"{verdict(ratio <= TARGET_RATIO)}",
        flush=True,
    )
    if os.environ.get("BENCH_PROFILE"):
        header("profile: one export")
        profile(lambda: png_bytes(journey, options))
    return 0


if __name__ == "__main__":
    sys.exit(main())
