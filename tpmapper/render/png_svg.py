"""The map as one picture: a PNG at any scale (refused when it would be too large to paint)
or an SVG of vectors with its text kept as text. The PNG encoder is `png_encoder`."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from tpmapper import __version__
from tpmapper.model.journey import JourneyMap
from tpmapper.progress import Progress, Steps
from tpmapper.render.compose import (
    compose,
    ensure_gui_application,
    new_image,
    open_buffer,
    part,
)
from tpmapper.render.export_options import EXPORT_DPI, MARGIN, ImageOptions
from tpmapper.render.png_encoder import encode_png, png_bands
from tpmapper.render.sheet import Sheet
from tpmapper.render.sheet_painter import paint_sheet

MAX_PNG_SIDE = 32_767  # what QImage and most viewers accept
MAX_PNG_BYTES = 512 * 1024 * 1024  # the pixels of one PNG in memory (4 bytes each)


class PictureTooLarge(ValueError):
    """A PNG at the scale asked for would be larger than tpmapper paints."""


def _fits(width: int, height: int) -> bool:
    return max(width, height) <= MAX_PNG_SIDE and width * height * 4 <= MAX_PNG_BYTES


def _pixels(sheet: Sheet, scale: float) -> tuple[int, int]:
    return max(1, math.ceil(sheet.width * scale)), max(1, math.ceil(sheet.height * scale))


def _largest_scale(sheet: Sheet) -> float:
    exact = min(
        MAX_PNG_SIDE / sheet.width,
        MAX_PNG_SIDE / sheet.height,
        math.sqrt(MAX_PNG_BYTES / 4 / (sheet.width * sheet.height)),
    )
    for places in (1, 2, 3):
        step = 10**-places
        scale = math.floor(exact / step) * step
        while scale > 0 and not _fits(*_pixels(sheet, scale)):
            scale -= step
        if scale > 0:
            return round(scale, places)
    return 0.0


def _check_png_size(sheet: Sheet, scale: float) -> tuple[int, int]:
    width, height = _pixels(sheet, scale)
    if _fits(width, height):
        return width, height
    megabytes = width * height * 4 / 2**20
    largest = _largest_scale(sheet)
    advice = (
        f"the largest scale that fits is {largest:g}"
        if largest > 0
        else "export it as SVG or PDF instead"
    )
    raise PictureTooLarge(
        f"the map is too large for a PNG at scale {scale:g}: {width:,} × {height:,} pixels "
        f"({megabytes:,.0f} MB; the limit is {MAX_PNG_SIDE:,} pixels a side and "
        f"{MAX_PNG_BYTES // 2**20} MB); {advice}"
    )


def _render_png(
    journey: JourneyMap, options: ImageOptions, progress: Progress | None, *, encoding: bool
) -> tuple[QImage, Steps]:
    """The painted picture, and the progress steps (`encoding`: counting `encode_png`'s)."""
    ensure_gui_application()
    sheet = compose(journey, options, title=options.title, margin=MARGIN)
    width, height = _check_png_size(sheet, options.scale)
    whole = part(sheet)
    bands = png_bands(width, height, options.transparent) if encoding else 0
    steps = Steps(progress, whole.steps() + bands)
    image = new_image(width, height, transparent=options.transparent)
    if image.isNull():
        raise MemoryError(f"not enough memory for a {width:,} × {height:,} pixel image")
    image.fill(Qt.GlobalColor.transparent if options.transparent else Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.scale(options.scale, options.scale)
        paint_sheet(painter, sheet, whole, options, steps)
    finally:
        painter.end()
    # Say how large the picture is meant to be: a scale-2 image placed on a slide takes the
    # room of a scale-1 one, twice as sharp.
    dots_per_metre = round(EXPORT_DPI * options.scale / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.setText("Title", journey.title)
    image.setText("Software", f"tpmapper {__version__}")
    return image, steps


def png_image(
    journey: JourneyMap, options: ImageOptions | None = None, progress: Progress | None = None
) -> QImage:
    """The map as a QImage, as `png_bytes` would encode it (e.g. for the clipboard)."""
    image, _steps = _render_png(journey, options or ImageOptions(), progress, encoding=False)
    return image


def png_bytes(
    journey: JourneyMap, options: ImageOptions | None = None, progress: Progress | None = None
) -> bytes:
    """The map as a PNG: `options.scale` times the layout's size, white or transparent."""
    image, steps = _render_png(journey, options or ImageOptions(), progress, encoding=True)
    return encode_png(image, advance=steps.advance)


def svg_bytes(
    journey: JourneyMap, options: ImageOptions | None = None, progress: Progress | None = None
) -> bytes:
    """The map as SVG: vectors, with the text kept as text (searchable, editable)."""
    options = options or ImageOptions()
    ensure_gui_application()
    sheet = compose(journey, options, title=options.title, margin=MARGIN)
    whole = part(sheet)
    steps = Steps(progress, whole.steps() + 1)
    data, buffer = open_buffer()
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(EXPORT_DPI)
    size = QSize(math.ceil(sheet.width), math.ceil(sheet.height))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(sheet.journey.title)
    generator.setDescription(
        sheet.journey.description or f"A customer touchpoint map made with tpmapper {__version__}"
    )
    painter = QPainter(generator)
    try:
        if not options.transparent:
            painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("#ffffff"))
        paint_sheet(painter, sheet, whole, options, steps)
    finally:
        painter.end()
    buffer.close()
    steps.advance()
    return data.data()
