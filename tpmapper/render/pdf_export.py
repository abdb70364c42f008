"""The map as a vector PDF on landscape pages: scaled onto one ("fit") or at 100 % over
several ("split").

A split PDF prints like a spreadsheet with frozen panes: each page repeats the phase
headers of the phases it shows along its top and the lane headers of the lanes it shows
down its left (`pdf_pages` cuts the rest into pages), and its header says which part of
the map it is, e.g. "Part 2 of 6 · Phases: Purchase – Retention · Lanes: Owned – Paid".
A page is painted as up to four panes (corner, phase headers, lane headers, body), each
the sheet painted clipped to one region of it and moved to its place on the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QIODevice, QMarginsF, QPointF, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPainterPathStroker, QPdfWriter

from tpmapper import __version__
from tpmapper.model.journey import JourneyMap
from tpmapper.progress import Progress, Steps
from tpmapper.render import pdf_pages
from tpmapper.render.compose import Part, compose, ensure_gui_application, open_buffer, part
from tpmapper.render.export_options import EXPORT_DPI, PAGE_SIZES, ImageOptions
from tpmapper.render.sheet import Sheet
from tpmapper.render.sheet_painter import paint_page_header, paint_sheet, saved

PDF_MARGIN_MM = 10.0
PAGE_HEADER_HEIGHT = 26.0
PAGE_HEADER_GAP = 12.0
MAX_FIT_ZOOM = 2.0  # "fit" enlarges a small map onto the page, but not beyond this


@dataclass
class _Pane:
    region: QRectF  # of the sheet
    at: QPointF  # where its top left goes on the page
    part: Part
    zoom: float = 1.0


@dataclass
class _Page:
    sheet: Sheet
    panes: list[_Pane]
    shows: str = ""  # which part of the map, on a split page


def _writer(device: QIODevice, options: ImageOptions, title: str) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setResolution(EXPORT_DPI)  # one layout unit is one 96-dpi pixel at 100 %
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES[options.page_size]),
            QPageLayout.Orientation.Landscape,
            QMarginsF(PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator(f"tpmapper {__version__}")
    return writer


def _fit_page(journey: JourneyMap, options: ImageOptions, room: QRectF) -> list[_Page]:
    """The whole sheet scaled into the room, centred under the header."""
    sheet = compose(journey, options, title=False, margin=0.0)
    zoom = min(room.width() / sheet.width, room.height() / sheet.height, MAX_FIT_ZOOM)
    left = room.left() + (room.width() - sheet.width * zoom) / 2
    return [_Page(sheet, [_Pane(sheet.rect, QPointF(left, room.top()), part(sheet), zoom)])]


def _shows_something(sheet: Sheet, tile: QRectF) -> bool:
    """Whether a page would show a card, a piece of a link, the curve or the legend (not
    only empty cells)."""
    inside = part(sheet, tile)
    if inside.cards or inside.legend or inside.curve:
        return True
    stroker = QPainterPathStroker()
    stroker.setWidth(3)
    return any(stroker.createStroke(shape.path).intersects(inside.local) for shape in inside.links)


def _split_pages(journey: JourneyMap, options: ImageOptions, room: QRectF) -> list[_Page]:
    """Pages at 100 %, each with the headers of what it shows; pages that would show
    nothing but empty cells are left out."""
    sheet = compose(journey, options, title=False, margin=0.0, beside_lanes=True)
    frozen = pdf_pages.panes(sheet, room)
    if sheet.legend:  # wrap the legend to the first page's width
        first = pdf_pages.column_cuts(sheet, room.width(), frozen)[1]
        sheet = compose(
            journey,
            options,
            title=False,
            margin=0.0,
            legend_width=first - frozen.left,
            beside_lanes=True,
        )
        frozen = pdf_pages.panes(sheet, room)
    every = pdf_pages.tiles(sheet, room, frozen)
    tiles = [tile for tile in every if _shows_something(sheet, tile)] or every[:1]
    body = QPointF(room.left() + frozen.left, room.top() + frozen.top)
    pages = []
    for number, tile in enumerate(tiles, 1):
        shown = pdf_pages.shown(sheet, tile)
        headed = bool(shown.lanes or shown.curve)  # not a page of only the legend
        # (from, to, where on the page) across, then down; a page at the sheet's left or
        # top edge shows the headers in one piece with the body, as they are on the sheet
        xs = [(tile.left(), tile.right(), body.x())]
        if tile.left() <= frozen.left + 0.5:
            xs = [(0.0, tile.right(), room.left())]
        elif headed:
            xs.insert(0, (0.0, frozen.left, room.left()))
        ys = [(tile.top(), tile.bottom(), body.y())]
        if tile.top() <= frozen.top + 0.5:
            ys = [(0.0, tile.bottom(), room.top())]
        elif headed:
            ys.insert(0, (0.0, frozen.top, room.top()))
        panes = []
        for (left, right, x), (top, bottom, y) in ((x, y) for y in ys for x in xs):
            region = QRectF(QPointF(left, top), QPointF(right, bottom))
            if region.isEmpty():
                continue
            panes.append(_Pane(region, QPointF(x, y), part(sheet, region)))
        phases, lanes = sheet.journey.phases, sheet.journey.lanes  # the selection's, if any
        shows = options.labels.part_of_map(
            number,
            len(tiles),
            [phases.at(i).name for i in shown.phases],
            [lanes.at(i).name for i in shown.lanes],
            shown.curve,
        )
        pages.append(_Page(sheet, panes, shows))
    return pages


def pdf_bytes(
    journey: JourneyMap, options: ImageOptions | None = None, progress: Progress | None = None
) -> bytes:
    """The map as a vector PDF on landscape pages: scaled onto one ("fit") or at 100 % over
    several ("split"); each page headed by the title and date (and, when split, which part
    of the map it shows), a split page repeating the headers of its phases and lanes."""
    options = options or ImageOptions()
    ensure_gui_application()
    data, buffer = open_buffer()
    writer = _writer(buffer, options, journey.title)
    split = options.pages == "split"
    headed = options.title or split
    page = QRectF(0, 0, writer.width(), writer.height())
    top = PAGE_HEADER_HEIGHT + PAGE_HEADER_GAP if headed else 0.0
    room = page.adjusted(0, top, 0, 0)
    pages = (_split_pages if split else _fit_page)(journey, options, room)
    steps = Steps(progress, sum(pane.part.steps() for p in pages for pane in p.panes) + 1)
    painter = QPainter(writer)
    try:
        for number, each in enumerate(pages, 1):
            if number > 1:
                writer.newPage()
            if headed:
                said = [each.shows] if each.shows else []
                if options.title:
                    said.append(options.printed_date)
                paint_page_header(
                    painter,
                    QRectF(0, 0, page.width(), PAGE_HEADER_HEIGHT),
                    journey.title if options.title else None,
                    "   ·   ".join(said),
                )
            for pane in each.panes:
                with saved(painter):
                    painter.translate(pane.at)
                    painter.scale(pane.zoom, pane.zoom)
                    painter.translate(-pane.region.topLeft())
                    painter.setClipRect(pane.region)
                    paint_sheet(painter, each.sheet, pane.part, options, steps)
    finally:
        painter.end()
    buffer.close()
    steps.advance()
    return data.data()
