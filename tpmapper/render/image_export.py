"""Image exports for presenters: PNG at any scale, SVG and PDF as vectors.

Drawn by the painters the canvas uses (`tpmapper.render.painters` per card and link,
`tpmapper.render.map_painter` for the grid and headers) on the layout the canvas uses
(`layout_map`), so an export looks like the screen at 100 % zoom with full cards.

Everything is rendered into memory first and written with `atomic_write`, so a refused,
cancelled or failed export never leaves a partial file. Only a `QGuiApplication` is
needed (offscreen is fine); `ensure_gui_application` makes one for headless callers.

A picture ("sheet") is laid out in layout units (1 unit = 1 pixel at 100 %, 96 dpi):
a margin, the title line (title and date), the map, and optionally the legend below it.
The map's area is the grid plus whatever link arcs reach beyond it, as on the canvas.
The sheet's shape is in `sheet`, a split PDF's page cuts in `pdf_pages`, and the PNG
encoder in `png_encoder`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPathStroker,
    QPdfWriter,
    QPen,
)
from PySide6.QtSvg import QSvgGenerator

from tpmapper import __version__
from tpmapper.analysis import curve as analysis_curve
from tpmapper.files.atomic import atomic_write
from tpmapper.files.errors import MapFileError
from tpmapper.model.elements import Touchpoint
from tpmapper.model.journey import JourneyMap
from tpmapper.model.transfer import extract
from tpmapper.model.vocabulary import Moment
from tpmapper.progress import Progress, Steps
from tpmapper.render import map_painter, painters, pdf_pages, style
from tpmapper.render.colour_modes import Colouring, ColourMode, ColourWords, colouring
from tpmapper.render.curve import CurveLabels, paint_curve
from tpmapper.render.layout import layout_map
from tpmapper.render.painters import LinkShape, qrect, shared_font
from tpmapper.render.png_encoder import encode_png, png_bands
from tpmapper.render.sheet import LEGEND_ROW, LegendEntry, Sheet

#: Dots per inch of an export at scale 1: one layout unit is one pixel, as on a 96-dpi screen.
#: Fixed (not the screen's) so an export looks the same on every machine.
EXPORT_DPI = 96
MARGIN = 24.0  # around a PNG or SVG picture
TITLE_HEIGHT = 30.0
TITLE_GAP = 12.0
LEGEND_GAP = 16.0
DIMMED = style.DIMMED_OPACITY
LEGEND_MIN_WIDTH = 480.0  # a legend wraps to the map's width, but no narrower than this
SWATCH = 14.0  # a legend entry's colour square or marker
ENTRY_GAP = 18.0  # between legend entries
TITLE_FONT, DATE_FONT, LEGEND_FONT = 15.0, 9.0, 9.0  # points, at EXPORT_DPI
MAX_PNG_SIDE = 32_767  # what QImage and most viewers accept
MAX_PNG_BYTES = 512 * 1024 * 1024  # the pixels of one PNG in memory (4 bytes each)
CHUNK = 500  # cards painted between two progress reports
PDF_MARGIN_MM = 10.0
PAGE_HEADER_HEIGHT = 26.0
PAGE_HEADER_GAP = 12.0
MAX_FIT_ZOOM = 2.0  # "fit" enlarges a small map onto the page, but not beyond this
PAGE_SIZES = {
    "A3": QPageSize.PageSizeId.A3,
    "A4": QPageSize.PageSizeId.A4,
    "A5": QPageSize.PageSizeId.A5,
    "Letter": QPageSize.PageSizeId.Letter,
    "Legal": QPageSize.PageSizeId.Legal,
    "Tabloid": QPageSize.PageSizeId.Tabloid,
}
PAGE_MODES = ("fit", "split")
SUFFIXES = (".png", ".svg", ".pdf")  # what `export_image` writes, for file dialogs


@dataclass(frozen=True)
class ExportLabels:
    """The words an export prints besides the map's own, in English by default.

    The UI passes translated ones, e.g. `ExportLabels(legend_title=self.tr("Customer
    rating"), ...)` (literal `tr` calls, so lupdate finds them), or
    `ExportLabels.translated(tr)`; the command line uses the defaults.
    """

    legend_title: str = "Customer rating"
    ratings: tuple[str, str, str, str, str] = ColourWords.ratings  # the same words
    unrated: str = ColourWords.unrated
    pain_point: str = "Pain point"
    positive: str = "Positive moment"
    page: str = "Page {page} of {pages}"  # keeps its {page} and {pages} when translated
    curve: CurveLabels = field(default_factory=CurveLabels)
    colour_words: ColourWords = field(default_factory=ColourWords)
    #: The legend's heading for each colour mode but the rating (that is `legend_title`).
    colour_titles: tuple[tuple[str, str], ...] = (
        ("gap", "Rating gap (company − customer)"),
        ("owner", "Owner"),
        ("ownership", "Owned / paid / earned"),
        ("channel", "Channel"),
        ("medium", "Digital / analog"),
    )

    @classmethod
    def translated(cls, tr: Callable[[str], str]) -> ExportLabels:
        """Every English default passed through `tr`."""
        english = cls()
        return cls(
            legend_title=tr(english.legend_title),
            ratings=tuple(tr(text) for text in english.ratings),  # type: ignore[arg-type]
            unrated=tr(english.unrated),
            pain_point=tr(english.pain_point),
            positive=tr(english.positive),
            page=tr(english.page),
            curve=CurveLabels(
                heading=tr(english.curve.heading),
                customer=tr(english.curve.customer),
                company=tr(english.curve.company),
            ),
            colour_words=ColourWords(
                ratings=tuple(tr(text) for text in english.ratings),  # type: ignore[arg-type]
                unrated=tr(english.unrated),
                not_set=tr(english.colour_words.not_set),
                other=tr(english.colour_words.other),
                gaps=tuple(tr(text) for text in english.colour_words.gaps),  # type: ignore[arg-type]
            ),
            colour_titles=tuple((mode, tr(title)) for mode, title in english.colour_titles),
        )


@dataclass(frozen=True)
class ImageOptions:
    """How to export a map as a picture.

    The defaults are the app's export dialog's, which the command line shares.

    scale: PNG only; 2 (the default) gives an image twice the layout's size, sharp on a
        slide (SVG and PDF are vectors).
    transparent: PNG and SVG; the background around and beside the map stays clear, the
        map's own cells, headers and cards are drawn as on screen.
    legend: rating colours and moment markers below the map (the picture grows to hold it).
    curve: the experience curve under the grid (render/curve.py); by default for a map with
        any rating, as the command line draws it; the app passes what the canvas shows.
    colour_mode: what the cards' stripes and the legend show (render/colour_modes.py).
    dimmed: touchpoint ids drawn faint, as a filter leaves them out on the canvas.
    selection: touchpoint ids; export only those cards, the links among them, and the
        phases and lanes they sit in.
    title: the map's title and the date above the map (on every page of a PDF).
    date: the date printed beside the title; today when None.
    pages, page_size: PDF only; "fit" scales the whole map onto one landscape page,
        "split" prints it at 100 % over as many pages as it needs.
    """

    scale: float = 2.0
    transparent: bool = False
    legend: bool = True
    curve: bool | None = None  # None: shown for a map with ratings
    colour_mode: ColourMode = ColourMode.RATING
    dimmed: frozenset[str] = frozenset()
    selection: frozenset[str] | None = None
    title: bool = True
    date: datetime.date | None = None
    pages: str = "fit"
    page_size: str = "A4"
    labels: ExportLabels = field(default_factory=ExportLabels)

    def __post_init__(self) -> None:
        if not (isinstance(self.scale, int | float) and math.isfinite(self.scale)):
            raise ValueError(f"the scale must be a number, not {self.scale!r}")
        if self.scale <= 0:
            raise ValueError(f"the scale must be more than 0, not {self.scale:g}")
        if self.pages not in PAGE_MODES:
            raise ValueError(f"pages must be 'fit' or 'split', not {self.pages!r}")
        if self.page_size not in PAGE_SIZES:
            raise ValueError(
                f"unknown page size {self.page_size!r}; choose one of {', '.join(PAGE_SIZES)}"
            )
        if self.selection is not None and not isinstance(self.selection, frozenset):
            object.__setattr__(self, "selection", frozenset(self.selection))

    @property
    def printed_date(self) -> str:
        return (self.date or datetime.date.today()).isoformat()


# ---------------------------------------------------------------------- the application

_application: QGuiApplication | None = None  # kept alive for headless callers


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication (a QApplication is one), or a new one for headless use.

    On Linux without a display (no DISPLAY, no WAYLAND_DISPLAY) and no QT_QPA_PLATFORM
    chosen, the offscreen platform is used, so the command line works on servers.
    """
    global _application  # noqa: PLW0603  # one per process, by Qt's rules
    existing = QGuiApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("image export needs a QGuiApplication, not a QCoreApplication")
        return existing
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _application = QGuiApplication([sys.argv[0] if sys.argv else "tpmapper"])
    return _application


# ---------------------------------------------------------------------- the selection


def selection_map(
    journey: JourneyMap, ids: frozenset[str] | set[str] | Sequence[str]
) -> JourneyMap:
    """A map of just the chosen touchpoints: the links among them, and only the phases and
    lanes (and personas) they use, in the map's order. Laid out on its own, so the cells
    shrink to what the selection holds."""
    chosen = set(ids)
    if not chosen:
        raise ValueError("the selection is empty: select at least one touchpoint to export")
    unknown = sorted(tid for tid in chosen if tid not in journey)
    if unknown:
        raise ValueError(f"the selection names touchpoint '{unknown[0]}', which is not in the map")
    part = extract(journey, chosen)
    part.set_meta(description=journey.description)
    return part


# ---------------------------------------------------------------------- the sheet


def _metrics(font: QFont) -> QFontMetricsF:
    """Font metrics at the export's resolution (not the screen's), as the painter will see."""
    return QFontMetricsF(font, _reference_device())


_reference: QImage | None = None


def _reference_device() -> QImage:
    global _reference  # noqa: PLW0603  # a tiny cached paint device
    if _reference is None:
        _reference = _image(1, 1, transparent=True)
    return _reference


def _image(width: int, height: int, *, transparent: bool) -> QImage:
    image = QImage(
        width,
        height,
        QImage.Format.Format_ARGB32_Premultiplied if transparent else QImage.Format.Format_RGB32,
    )
    dots_per_metre = round(EXPORT_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def _legend_entries(labels: ExportLabels, colours: Colouring | None) -> list[LegendEntry]:
    if colours is None:  # the customer's rating
        entries = [LegendEntry("heading", labels.legend_title)]
        entries += [
            LegendEntry("rating", text, rating) for rating, text in enumerate(labels.ratings, 1)
        ]
        entries.append(LegendEntry("rating", labels.unrated, None))
    else:
        entries = [LegendEntry("heading", dict(labels.colour_titles)[colours.mode.value])]
        entries += [LegendEntry("swatch", text, colour=colour) for text, colour in colours.legend]
    entries.append(LegendEntry("pain", labels.pain_point))
    entries.append(LegendEntry("positive", labels.positive))
    return entries


def _flow_legend(
    labels: ExportLabels, colours: Colouring | None, left: float, top: float, width: float
) -> list[LegendEntry]:
    """The legend's entries placed in rows no wider than `width`."""
    text_metrics = _metrics(shared_font(LEGEND_FONT))
    heading_metrics = _metrics(shared_font(LEGEND_FONT, bold=True))
    placed: list[LegendEntry] = []
    x, y = left, top
    for entry in _legend_entries(labels, colours):
        if entry.kind == "heading":
            entry_width = heading_metrics.horizontalAdvance(entry.text) + 6
        else:
            entry_width = SWATCH + 6 + text_metrics.horizontalAdvance(entry.text)
        if x > left and x + entry_width > left + width:
            x, y = left, y + LEGEND_ROW
        placed.append(dataclasses.replace(entry, at=QPointF(x, y), width=entry_width))
        x += entry_width + ENTRY_GAP
    return placed


def _compose(
    journey: JourneyMap,
    options: ImageOptions,
    *,
    title: bool,
    margin: float,
    legend_width: float | None = None,
) -> Sheet:
    """`legend_width`: wrap the legend at this width rather than the map's."""
    colours = None  # the customer's rating, as the cards draw it themselves
    if options.colour_mode is not ColourMode.RATING:  # of the whole map, as on the canvas
        colours = colouring(journey, options.colour_mode, options.labels.colour_words)
    if options.selection is not None:
        journey = selection_map(journey, options.selection)
    curve = options.curve
    if curve is None:  # on for a map with ratings
        curve = any(tp.customer_rating or tp.company_rating for tp in journey.touchpoints())
    layout = layout_map(journey, curve=curve)
    shapes = [
        painters.link_shape(
            painters.link_path(qrect(layout.cards[link.source]), qrect(layout.cards[link.target])),
            link.label,
        )
        for link in journey.links()
    ]
    area = qrect(layout.bounds)
    for shape in shapes:
        area = area.united(shape.bounds)
    width = area.width()
    if options.legend:
        width = max(width, LEGEND_MIN_WIDTH)
    y = margin
    title_rect = None
    if title:
        title_rect = QRectF(margin, y, width, TITLE_HEIGHT)
        y += TITLE_HEIGHT + TITLE_GAP
    offset = QPointF(margin - area.x(), y - area.y())
    map_area = area.translated(offset)
    y = map_area.bottom()
    legend: list[LegendEntry] = []
    if options.legend:
        flow = width if legend_width is None else max(min(width, legend_width), SWATCH * 8)
        legend = _flow_legend(options.labels, colours, margin, y + LEGEND_GAP, flow)
        y = legend[-1].at.y() + LEGEND_ROW
    return Sheet(
        journey,
        layout,
        shapes,
        width + 2 * margin,
        y + margin,
        offset,
        map_area,
        title_rect,
        legend,
        colours.colours if colours is not None else None,
    )


# ---------------------------------------------------------------------- progress


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class _Part:
    """What of the sheet falls into one region (a PDF page), or all of it."""

    cards: list[Touchpoint]
    links: list[LinkShape]

    def steps(self, sheet: Sheet) -> int:
        """Grid, links (if any), cards by the CHUNK, headers, legend (if any)."""
        cards = math.ceil(len(self.cards) / CHUNK)
        return 2 + (1 if self.links else 0) + cards + (1 if sheet.legend else 0)


def _part(sheet: Sheet, region: QRectF | None = None) -> _Part:
    cards = sheet.journey.touchpoints()
    links = sheet.links
    if region is not None:
        cards = [tp for tp in cards if sheet.card_rect(tp.id).intersects(region)]
        local = region.translated(-sheet.map_offset)
        links = [shape for shape in links if shape.bounds.intersects(local)]
    return _Part(cards, links)


# ---------------------------------------------------------------------- painting


@contextlib.contextmanager
def _saved(painter: QPainter) -> Iterator[None]:
    painter.save()
    try:
        yield
    finally:
        painter.restore()


def _paint_title(painter: QPainter, rect: QRectF, title: str, date: str) -> None:
    with _saved(painter):
        painter.setFont(shared_font(DATE_FONT))
        date_width = _metrics(painter.font()).horizontalAdvance(date)
        painter.setPen(QColor(style.MUTED_TEXT))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, date)
        painter.setFont(shared_font(TITLE_FONT, bold=True))
        painter.setPen(QColor(style.TEXT_COLOUR))
        room = rect.adjusted(0, 0, -(date_width + 24), 0)
        text = _metrics(painter.font()).elidedText(
            title, Qt.TextElideMode.ElideRight, max(0.0, room.width())
        )
        painter.drawText(room, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


def _paint_legend(painter: QPainter, entries: list[LegendEntry]) -> None:
    with _saved(painter):
        for entry in entries:
            x, y = entry.at.x(), entry.at.y()
            row = QRectF(x, y, entry.width, LEGEND_ROW)
            if entry.kind == "heading":
                painter.setFont(shared_font(LEGEND_FONT, bold=True))
                painter.setPen(QColor(style.TEXT_COLOUR))
                painter.drawText(row, Qt.AlignmentFlag.AlignVCenter, entry.text)
                continue
            centre = QPointF(x + SWATCH / 2, y + LEGEND_ROW / 2)
            if entry.kind in ("rating", "swatch"):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(entry.colour or style.rating_colour(entry.rating)))
                painter.drawRoundedRect(QRectF(x, centre.y() - SWATCH / 2, SWATCH, SWATCH), 3, 3)
            else:
                # the card's own marker, drawn where a card of this size would have it
                moment = Moment.PAIN_POINT if entry.kind == "pain" else Moment.POSITIVE
                card = QRectF(centre.x() + 11 - 22, centre.y() - 11, 22, 22)
                painters._moment_marker(painter, card, moment)
            painter.setFont(shared_font(LEGEND_FONT))
            painter.setPen(QColor(style.TEXT_COLOUR))
            painter.drawText(
                row.adjusted(SWATCH + 6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, entry.text
            )


def _paint_map(
    painter: QPainter, sheet: Sheet, part: _Part, options: ImageOptions, steps: Steps
) -> None:
    """Back to front, as `map_painter.paint_map`: grid, links, cards, headers.

    Links and cards go through the painters the canvas's link layer and card items use:
    the links in one batch (curves, then arrow heads, then labels on top, as on screen),
    the cards in chunks, so the caller hears of progress. A PDF page paints only the
    links and cards it shows.
    """
    journey, layout = sheet.journey, sheet.layout
    with _saved(painter):
        painter.translate(sheet.map_offset)
        map_painter.paint_grid(painter, journey, layout)
        steps.advance()
        if part.links:  # faint when a filter dims cards, as on the canvas
            painter.setOpacity(DIMMED if options.dimmed else 1.0)
            painters.paint_links(painter, part.links, detail=1.0)
            painter.setOpacity(1.0)
            steps.advance()
        for chunk in _chunks(part.cards):
            for touchpoint in chunk:
                accent = sheet.accents.get(touchpoint.id) if sheet.accents else None
                rect = qrect(layout.cards[touchpoint.id])
                painter.setOpacity(DIMMED if touchpoint.id in options.dimmed else 1.0)
                painters.paint_card(painter, rect, touchpoint, detail=1.0, accent=accent)
            painter.setOpacity(1.0)
            steps.advance()
        if options.transparent:  # the corner above the lane headers stays clear, too
            map_painter.paint_phase_headers(painter, journey, layout)
            map_painter.paint_lane_headers(painter, journey, layout)
        else:
            map_painter.paint_headers(painter, journey, layout)
        if layout.curve is not None:
            averages = [(point.customer, point.company) for point in analysis_curve(journey)]
            paint_curve(painter, journey, layout, averages, options.labels.curve)
        steps.advance()


def _paint_sheet(
    painter: QPainter, sheet: Sheet, part: _Part, options: ImageOptions, steps: Steps
) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    if sheet.title_rect is not None:
        _paint_title(painter, sheet.title_rect, sheet.journey.title, options.printed_date)
    _paint_map(painter, sheet, part, options, steps)
    if sheet.legend:
        _paint_legend(painter, sheet.legend)
        steps.advance()


def _open_buffer() -> tuple[QByteArray, QBuffer]:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    return data, buffer


# ---------------------------------------------------------------------- PNG


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


class PictureTooLarge(ValueError):
    """A PNG at the scale asked for would be larger than tpmapper paints."""


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
    sheet = _compose(journey, options, title=options.title, margin=MARGIN)
    width, height = _check_png_size(sheet, options.scale)
    part = _part(sheet)
    bands = png_bands(width, height, options.transparent) if encoding else 0
    steps = Steps(progress, part.steps(sheet) + bands)
    image = _image(width, height, transparent=options.transparent)
    if image.isNull():
        raise MemoryError(f"not enough memory for a {width:,} × {height:,} pixel image")
    image.fill(Qt.GlobalColor.transparent if options.transparent else Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.scale(options.scale, options.scale)
        _paint_sheet(painter, sheet, part, options, steps)
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


# ---------------------------------------------------------------------- SVG


def svg_bytes(
    journey: JourneyMap, options: ImageOptions | None = None, progress: Progress | None = None
) -> bytes:
    """The map as SVG: vectors, with the text kept as text (searchable, editable)."""
    options = options or ImageOptions()
    ensure_gui_application()
    sheet = _compose(journey, options, title=options.title, margin=MARGIN)
    part = _part(sheet)
    steps = Steps(progress, part.steps(sheet) + 1)
    data, buffer = _open_buffer()
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
        _paint_sheet(painter, sheet, part, options, steps)
    finally:
        painter.end()
    buffer.close()
    steps.advance()
    return data.data()


# ---------------------------------------------------------------------- PDF


def _shows_something(sheet: Sheet, tile: QRectF) -> bool:
    """Whether a page would show a card, a piece of a link or of the legend (not only
    empty cells)."""
    part = _part(sheet, tile)
    if part.cards:
        return True
    local = tile.translated(-sheet.map_offset)
    stroker = QPainterPathStroker()
    stroker.setWidth(3)
    if any(stroker.createStroke(shape.path).intersects(local) for shape in part.links):
        return True
    if sheet.layout.curve is not None and qrect(sheet.layout.curve).intersects(local):
        return True
    return any(QRectF(e.at, QSizeF(e.width, LEGEND_ROW)).intersects(tile) for e in sheet.legend)


def _paint_page_header(painter: QPainter, rect: QRectF, title: str | None, right: str) -> None:
    with _saved(painter):
        painter.setFont(shared_font(DATE_FONT))
        right_width = _metrics(painter.font()).horizontalAdvance(right)
        painter.setPen(QColor(style.MUTED_TEXT))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)
        if title:
            painter.setFont(shared_font(12, bold=True))
            painter.setPen(QColor(style.TEXT_COLOUR))
            room = rect.adjusted(0, 0, -(right_width + 24), 0)
            text = _metrics(painter.font()).elidedText(
                title, Qt.TextElideMode.ElideRight, max(0.0, room.width())
            )
            painter.drawText(room, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setPen(QPen(QColor(style.GRID_LINE), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())


def pdf_bytes(
    journey: JourneyMap, options: ImageOptions | None = None, progress: Progress | None = None
) -> bytes:
    """The map as a vector PDF on landscape pages: scaled onto one ("fit") or at 100 % over
    several ("split"); each page headed by the title and date (and its number, when split)."""
    options = options or ImageOptions()
    ensure_gui_application()
    data, buffer = _open_buffer()
    writer = QPdfWriter(buffer)
    writer.setResolution(EXPORT_DPI)  # one layout unit is one 96-dpi pixel at 100 %
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES[options.page_size]),
            QPageLayout.Orientation.Landscape,
            QMarginsF(PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(journey.title)
    writer.setCreator(f"tpmapper {__version__}")
    split = options.pages == "split"
    headed = options.title or split
    page = QRectF(0, 0, writer.width(), writer.height())
    top = PAGE_HEADER_HEIGHT + PAGE_HEADER_GAP if headed else 0.0
    room = page.adjusted(0, top, 0, 0)
    sheet = _compose(journey, options, title=False, margin=0.0)
    if split and sheet.legend:  # wrap the legend to the first page's width
        first = pdf_pages.column_cuts(sheet, room.width())[1]
        sheet = _compose(journey, options, title=False, margin=0.0, legend_width=first)
    if split:
        # pages that would show nothing but empty cells are left out
        tiles = [tile for tile in pdf_pages.tiles(sheet, room) if _shows_something(sheet, tile)]
        tiles, zoom = tiles or [sheet.rect], 1.0
    else:
        tiles = [sheet.rect]
        zoom = min(room.width() / sheet.width, room.height() / sheet.height, MAX_FIT_ZOOM)
    parts = [_part(sheet, tile if split else None) for tile in tiles]
    steps = Steps(progress, sum(part.steps(sheet) for part in parts) + 1)
    painter = QPainter(writer)
    try:
        for number, (tile, part) in enumerate(zip(tiles, parts, strict=True), 1):
            if number > 1:
                writer.newPage()
            if headed:
                right = options.printed_date if options.title else ""
                if split:
                    numbering = options.labels.page.format(page=number, pages=len(tiles))
                    right = f"{right}   ·   {numbering}" if right else numbering
                _paint_page_header(
                    painter,
                    QRectF(0, 0, page.width(), PAGE_HEADER_HEIGHT),
                    sheet.journey.title if options.title else None,
                    right,
                )
            with _saved(painter):
                # a fitted map sits centred under the header; a tile at the page's top left
                left = room.left() + (room.width() - tile.width() * zoom) / 2 if not split else 0
                painter.translate(left, room.top())
                painter.scale(zoom, zoom)
                painter.translate(-tile.topLeft())
                painter.setClipRect(tile)
                _paint_sheet(painter, sheet, part, options, steps)
    finally:
        painter.end()
    buffer.close()
    steps.advance()
    return data.data()


# ---------------------------------------------------------------------- files

_RENDERERS: dict[str, Callable[[JourneyMap, ImageOptions | None, Progress | None], bytes]] = {
    ".png": png_bytes,
    ".svg": svg_bytes,
    ".pdf": pdf_bytes,
}


def export_image(
    journey: JourneyMap,
    path: str | Path,
    options: ImageOptions | None = None,
    progress: Progress | None = None,
) -> None:
    """Export to `path` as PNG, SVG or PDF, chosen by its suffix; written atomically, so a
    refusal, a cancel or a failure leaves whatever was at `path` untouched."""
    path = Path(path)
    render = _RENDERERS.get(path.suffix.lower())
    if render is None:
        shown = f"'{path.suffix}'" if path.suffix else "no suffix"
        choices = ", ".join(SUFFIXES[:-1]) + f" or {SUFFIXES[-1]}"
        raise ValueError(
            f"{path}: cannot export a picture with {shown}; the file name must end in {choices}"
        )
    folder = path.parent
    if not folder.is_dir():  # say so before rendering a large picture for nothing
        raise MapFileError(path, f"cannot save: the folder {folder} does not exist")
    try:
        data = render(journey, options, progress)
    except PictureTooLarge as error:
        raise MapFileError(path, str(error)) from None
    except MemoryError as error:
        raise MapFileError(path, f"cannot export: {error or 'not enough memory'}") from None
    atomic_write(path, data)
