"""Composing a picture's sheet: where its title, map and legend go, and what of it falls into
one region (a PDF page's pane, or the whole picture).

A sheet is laid out in layout units (1 unit = 1 pixel at 100 %, 96 dpi): a margin, the
title line (title and date), the map, and optionally the legend below it. The map's area
is the grid plus whatever link arcs reach beyond it, as on the canvas. Also here: the
application headless callers need, and the selection a picture may be limited to.
"""

from __future__ import annotations

import dataclasses
import math
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSizeF
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication, QImage

from tpmapper.model.elements import Touchpoint
from tpmapper.model.journey import JourneyMap
from tpmapper.model.transfer import extract
from tpmapper.render.colour_modes import Colouring, ColourMode, colouring
from tpmapper.render.curve import wants_curve
from tpmapper.render.export_options import (
    EXPORT_DPI,
    TITLE_GAP,
    TITLE_HEIGHT,
    ExportLabels,
    ImageOptions,
)
from tpmapper.render.layout import layout_map
from tpmapper.render.map_painter import link_shapes
from tpmapper.render.painters import LinkShape, qrect, shared_font
from tpmapper.render.sheet import LEGEND_ROW, LegendEntry, Sheet, overlaps

LEGEND_GAP = 16.0
LEGEND_MIN_WIDTH = 480.0  # a legend wraps to the map's width, but no narrower than this
SWATCH = 14.0  # a legend entry's colour square or marker
ENTRY_GAP = 18.0  # between legend entries
TITLE_FONT, DATE_FONT, LEGEND_FONT = 15.0, 9.0, 9.0  # points, at EXPORT_DPI
CHUNK = 500  # cards painted between two progress reports

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


def open_buffer() -> tuple[QByteArray, QBuffer]:
    """An in-memory device to paint a file into (written whole, or not at all, later)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    return data, buffer


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


def metrics(font: QFont) -> QFontMetricsF:
    """Font metrics at the export's resolution (not the screen's), as the painter will see."""
    return QFontMetricsF(font, _reference_device())


_reference: QImage | None = None


def _reference_device() -> QImage:
    global _reference  # noqa: PLW0603  # a tiny cached paint device
    if _reference is None:
        _reference = new_image(1, 1, transparent=True)
    return _reference


def new_image(width: int, height: int, *, transparent: bool) -> QImage:
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
    text_metrics = metrics(shared_font(LEGEND_FONT))
    heading_metrics = metrics(shared_font(LEGEND_FONT, bold=True))
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


def compose(
    journey: JourneyMap,
    options: ImageOptions,
    *,
    title: bool,
    margin: float,
    legend_width: float | None = None,
    beside_lanes: bool = False,
) -> Sheet:
    """`legend_width`: wrap the legend at this width rather than the map's.
    `beside_lanes`: start the legend right of the lane headers' column rather than at the
    margin (a split PDF repeats that column on every page, over whatever is below it)."""
    colours = None  # the customer's rating, as the cards draw it themselves
    if options.colour_mode is not ColourMode.RATING:  # of the whole map, as on the canvas
        colours = colouring(journey, options.colour_mode, options.labels.colour_words)
    if options.selection is not None:
        journey = selection_map(journey, options.selection)
    layout = layout_map(journey, curve=wants_curve(options.curve, journey))
    shapes = link_shapes(journey, layout)
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
        left = offset.x() + layout.metrics.lane_header_width if beside_lanes else margin
        room = width - (left - margin)
        flow = room if legend_width is None else max(min(room, legend_width), SWATCH * 8)
        legend = _flow_legend(options.labels, colours, left, y + LEGEND_GAP, flow)
        y = legend[-1].at.y() + LEGEND_ROW
        width = max(width, max(e.at.x() + e.width for e in legend) - margin)
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


# ---------------------------------------------------------------------- regions


def chunks(items: list, size: int | None = None) -> Iterator[list]:
    size = size or CHUNK  # read when called, so a test can make it smaller
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class Part:
    """What of the sheet falls into one region (a pane of a PDF page), or all of it.

    `phases` and `lanes` are the indices of the headers drawn, None for all; `within` the
    part of the map's height shown, so a lane header cut by it keeps its name in sight;
    `label_from` where phase headers start their names at the earliest (layout units).
    """

    cards: list[Touchpoint]
    links: list[LinkShape]
    legend: list[LegendEntry]
    phases: list[int] | None = None
    lanes: list[int] | None = None
    within: tuple[float, float] | None = None
    label_from: float = 0.0
    curve: bool = True
    corner: bool = True
    local: QRectF | None = None  # the region in layout units; None: everything

    def steps(self) -> int:
        """Grid, links (if any), cards by the CHUNK, headers, legend (if any)."""
        cards = math.ceil(len(self.cards) / CHUNK)
        return 2 + (1 if self.links else 0) + cards + (1 if self.legend else 0)


def part(sheet: Sheet, region: QRectF | None = None) -> Part:
    """What to paint of `region` (sheet units): the cards, links, headers and legend entries
    it shows, or of the whole sheet."""
    if region is None:
        return Part(sheet.journey.touchpoints(), sheet.links, sheet.legend)
    layout = sheet.layout
    local = region.translated(-sheet.map_offset)
    left, right, top, bottom = local.left(), local.right(), local.top(), local.bottom()
    m = layout.metrics
    heads = overlaps(0.0, m.phase_header_height, top, bottom)
    sides = overlaps(0.0, m.lane_header_width, left, right)
    return Part(
        [tp for tp in sheet.journey.touchpoints() if sheet.card_rect(tp.id).intersects(region)],
        [shape for shape in sheet.links if shape.bounds.intersects(local)],
        [e for e in sheet.legend if QRectF(e.at, QSizeF(e.width, LEGEND_ROW)).intersects(region)],
        phases=[
            index
            for index, column in enumerate(layout.columns)
            if heads and overlaps(column.x, column.right, left, right)
        ],
        lanes=[
            index
            for index, row in enumerate(layout.rows)
            if sides and overlaps(row.y, row.bottom, top, bottom)
        ],
        within=(top, bottom),
        label_from=left,
        curve=layout.curve is not None and qrect(layout.curve).intersects(local),
        corner=heads and sides,
        local=local,
    )
