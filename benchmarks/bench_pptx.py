"""PowerPoint export of a 150-touchpoint map (190 links), in memory.

Timed: `pptx_export.pptx_bytes` at the largest map whose slide of the whole map is still
native shapes (every card a shape, every link a connector glued to its cards): the title
slide, the map, a slide per phase (more for a full phase), the experience curve and the
findings. Baseline, measured in the same run: `image_export.png_bytes` of the same map at
its default scale 2, i.e. what the picture export a presenter would paste costs.
RATIO = deck / PNG. Target: at most 2.5.

For context (no target): a 1,000-touchpoint map, whose map slide is a picture (the PNG
export's, at a scale that keeps it under 4,000 pixels a side), against its PNG export; the
decks' sizes and slide counts. BENCH_PROFILE=1 runs cProfile over one native export.
"""

from __future__ import annotations

import io
import os
import sys
import time

from _support import generate_map, header, line, median, profile, spread, verdict

from tpmapper.render import image_export
from tpmapper.render.image_export import ImageOptions, png_bytes
from tpmapper.render.pptx_export import MAX_NATIVE_TOUCHPOINTS, pptx_bytes

TOUCHPOINTS, LINKS = MAX_NATIVE_TOUCHPOINTS, 190
LARGE, LARGE_LINKS = 1_000, 1_200
REPEATS = 5
TARGET_RATIO = 2.5


def timed_runs(function, repeats: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return times, result


def slides(data: bytes) -> int:
    from pptx import Presentation

    return len(Presentation(io.BytesIO(data)).slides)


def main() -> int:
    header(f"PowerPoint export of {TOUCHPOINTS:,} touchpoints ({LINKS:,} links), native shapes")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the app is made
    image_export.ensure_gui_application()
    begin = time.perf_counter()
    journey = generate_map(TOUCHPOINTS, LINKS)
    line("generate the map (not a target)", f"{time.perf_counter() - begin:.2f} s")
    options = ImageOptions()
    pptx_bytes(journey, options), png_bytes(journey, options)  # warm-up (fonts, imports)
    decks, pictures = [], []
    deck = b""
    for _ in range(REPEATS):  # interleaved, so both see the same machine load
        start = time.perf_counter()
        png_bytes(journey, options)
        pictures.append(time.perf_counter() - start)
        start = time.perf_counter()
        deck = pptx_bytes(journey, options)
        decks.append(time.perf_counter() - start)
    base, total = median(pictures), median(decks)
    line("baseline: png_bytes (scale 2)", spread(pictures, 1, "s"))
    line("export: pptx_bytes", spread(decks, 1, "s"))
    line("deck", f"{len(deck) / 2**20:.2f} MB, {slides(deck)} slides")
    ratio = total / base
    print(
        f"  RATIO deck/PNG = {ratio:.2f}  target <= {TARGET_RATIO:.1f}  "
        f"{verdict(ratio <= TARGET_RATIO)}",
        flush=True,
    )

    header(f"context: {LARGE:,} touchpoints ({LARGE_LINKS:,} links), the map as a picture")
    large = generate_map(LARGE, LARGE_LINKS)
    large_pictures, _ = timed_runs(lambda: png_bytes(large, options), 1)
    large_decks, large_deck = timed_runs(lambda: pptx_bytes(large, options), 1)
    line("png_bytes (scale 2)", spread(large_pictures, 1, "s"))
    line("pptx_bytes", spread(large_decks, 1, "s"))
    line("deck", f"{len(large_deck) / 2**20:.2f} MB, {slides(large_deck)} slides")
    line(
        "deck / PNG",
        f"{median(large_decks) / median(large_pictures):.2f} (context only)",
    )
    if os.environ.get("BENCH_PROFILE"):
        header("profile: one native export")
        profile(lambda: pptx_bytes(journey, options))
    return 0


if __name__ == "__main__":
    sys.exit(main())
