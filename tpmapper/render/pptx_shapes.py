"""Native PowerPoint shapes for a deck: boxes with text, pictures, connectors with arrow
heads, and the text measured so that it fits its box.

Everything is placed in EMU (English Metric Units: 914,400 an inch, 12,700 a point), as
python-pptx counts. Text is measured with Qt's metrics of DejaVu Sans, wider than the
fonts PowerPoint and Impress use (Calibri, Carlito, Arial), so a text that fits here fits
there; boxes never grow or shrink their text on their own (no autofit), so what is
measured is what is shown.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.shapes.connector import Connector
from pptx.shapes.picture import Picture
from pptx.shapes.shapetree import SlideShapes
from pptx.util import Emu, Pt
from PySide6.QtGui import QFont, QFontMetricsF, QImage

from tpmapper.render import style

SLIDE_WIDTH = 12_192_000  # 13.333 in: a 16:9 slide, PowerPoint's default
SLIDE_HEIGHT = 6_858_000  # 7.5 in
EMU_PER_PT = 12_700
EMU_PER_INCH = 914_400
LINE_HEIGHT = 1.22  # a line of text is this many times its font size high (both apps)
WIDTH_SAFETY = 1.04  # measured widths are padded a little for the apps' own layout
ELLIPSIS = "…"

#: Connection sites of a rectangle (and a rounded one), as PowerPoint numbers them.
TOP, LEFT, BOTTOM, RIGHT = 0, 1, 2, 3

# What XML 1.0 cannot hold (the model refuses it, but a title or a translated word might
# come from elsewhere), and what python-pptx would write as a visible "_x000D_" escape.
_NOT_STORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile("\r\n?")


class PptxTextError(ValueError):
    """A text a PowerPoint file cannot hold (a control character, a lone surrogate)."""


def storable(text: str, what: str) -> str:
    """`text` as a deck stores it (carriage returns become line feeds, which python-pptx
    would otherwise write as a visible "_x000D_"); refuses what a deck cannot hold."""
    found = _NOT_STORABLE.search(text)
    if found is not None:
        raise PptxTextError(
            f"{what} contains the character U+{ord(found.group()):04X}, which a PowerPoint "
            "file cannot hold"
        )
    return _NEWLINES.sub("\n", text)


def one_line(text: str) -> str:
    """Line breaks and tabs as single spaces: for names on cards and in lists."""
    return " ".join(text.split())


def pt(emu: float) -> float:
    return emu / EMU_PER_PT


def rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def blend(colour: str, amount: float, towards: str = "#ffffff") -> str:
    """`colour` moved `amount` (0 … 1) of the way to `towards`."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(towards[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = (round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))
    return "#" + "".join(f"{value:02x}" for value in mixed)


def text_on(fill: str) -> str:
    """Dark or white text, whichever reads on `fill` (as the phase headers choose)."""
    red, green, blue = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    lightness = (max(red, green, blue) + min(red, green, blue)) / 2
    return "#ffffff" if lightness < 0.62 else style.TEXT_COLOUR


# ---------------------------------------------------------------------- measuring text

_MEASURE_SIZE = 100.0  # points; widths scale linearly with the size


@cache
def _metrics(bold: bool) -> QFontMetricsF:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(_MEASURE_SIZE)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    device = QImage(1, 1, QImage.Format.Format_ARGB32)
    dots_per_metre = round(72 / 0.0254)  # one pixel is one point
    device.setDotsPerMeterX(dots_per_metre)
    device.setDotsPerMeterY(dots_per_metre)
    return QFontMetricsF(font, device)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Points `text` takes on one line at `size` points."""
    return _metrics(bold).horizontalAdvance(text) * size / _MEASURE_SIZE * WIDTH_SAFETY


def wrap(text: str, size: float, bold: bool, width: float) -> list[str]:
    """The lines `text` breaks into in a box `width` points wide: at spaces, and a word
    wider than the box anywhere (as PowerPoint and Impress do)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, size, bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            while text_width(word, size, bold) > width and len(word) > 1:
                cut = max(1, _longest_prefix(word, size, bold, width))
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _longest_prefix(word: str, size: float, bold: bool, width: float) -> int:
    low, high = 0, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(word[:middle], size, bold) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def fits(text: str, size: float, bold: bool, width: float, lines: int) -> bool:
    return len(wrap(text, size, bold, width)) <= lines


def elide(text: str, size: float, bold: bool, width: float, lines: int = 1) -> str:
    """`text` if it fits in `lines` lines of `width`, else as much of it as does, with "…"."""
    if fits(text, size, bold, width, lines):
        return text
    low, high = 0, len(text)
    while low < high:  # the longest start that fits with the ellipsis
        middle = (low + high + 1) // 2
        if fits(text[:middle].rstrip() + ELLIPSIS, size, bold, width, lines):
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS if low else ""


def text_height(lines: int, size: float) -> float:
    return lines * size * LINE_HEIGHT


# ---------------------------------------------------------------------- text in shapes


@dataclass(frozen=True)
class Run:
    text: str
    size: float  # points
    bold: bool = False
    colour: str = style.TEXT_COLOUR


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    align: PP_ALIGN = PP_ALIGN.LEFT
    space_before: float = 0.0  # points

    @classmethod
    def of(
        cls,
        text: str,
        size: float,
        *,
        bold: bool = False,
        colour: str = style.TEXT_COLOUR,
        align: PP_ALIGN = PP_ALIGN.LEFT,
        space_before: float = 0.0,
    ) -> Para:
        return cls((Run(text, size, bold, colour),), align, space_before)


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in EMU."""

    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h


def write(
    shape: Shape,
    paragraphs: list[Para],
    *,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
    insets: tuple[float, float, float, float] = (4, 3, 4, 3),
    wrap_text: bool = True,
) -> None:
    """Put `paragraphs` into `shape`; `insets`: left, top, right, bottom in points."""
    frame = shape.text_frame
    frame.word_wrap = wrap_text
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    left, top, right, bottom = insets
    frame.margin_left, frame.margin_top = Pt(left), Pt(top)
    frame.margin_right, frame.margin_bottom = Pt(right), Pt(bottom)
    for index, paragraph in enumerate(paragraphs):
        target = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        target.alignment = paragraph.align
        if paragraph.space_before:
            target.space_before = Pt(paragraph.space_before)
        for run in paragraph.runs:
            added = target.add_run()
            added.text = run.text
            font = added.font
            font.size = Pt(run.size)
            font.bold = run.bold
            font.color.rgb = rgb(run.colour)


def add_box(
    shapes: SlideShapes,
    box: Box,
    *,
    fill: str | None = None,
    line: str | None = None,
    line_width: float = 0.75,
    kind: MSO_SHAPE = MSO_SHAPE.RECTANGLE,
    corner: float | None = None,
    name: str | None = None,
) -> Shape:
    """A rectangle (or another auto shape) filled and outlined as asked, without the
    template's shadow; `corner`: a rounded rectangle's corner radius in EMU."""
    shape = shapes.add_shape(kind, Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
    if fill is None:
        shape.fill.background()
    else:
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(fill)
    if line is None:
        shape.line.fill.background()
    else:
        shape.line.color.rgb = rgb(line)
        shape.line.width = Pt(line_width)
    if corner is not None and kind is MSO_SHAPE.ROUNDED_RECTANGLE:
        shape.adjustments[0] = min(0.5, corner / max(1, min(box.w, box.h)))
    _drop_style(shape)
    if name is not None:
        shape.name = name
    return shape


class _NumberedShapes(SlideShapes):
    """A slide's shapes that number each new shape from a counter: python-pptx searches the
    whole slide for the highest id on every new shape, quadratic in a map's many shapes."""

    @property
    def _next_shape_id(self) -> int:
        last = self.__dict__.get("_last_id")
        if last is None:
            last = super()._next_shape_id - 1
        self.__dict__["_last_id"] = last + 1
        return last + 1


def numbered(shapes: SlideShapes) -> SlideShapes:
    """`shapes` (a new slide's, before anything else adds to it) numbered by a counter."""
    shapes.__class__ = _NumberedShapes
    return shapes


def _drop_style(shape: Shape | Connector) -> None:
    """Remove the template's theme style (its shadow, which Impress also casts from the
    text of a shape without fill); fill, line and text colours are all set explicitly."""
    element = shape._element
    theme_style = element.find(qn("p:style"))
    if theme_style is not None:
        element.remove(theme_style)


def add_text(
    shapes: SlideShapes,
    box: Box,
    paragraphs: list[Para],
    *,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
    insets: tuple[float, float, float, float] = (0, 0, 0, 0),
    fill: str | None = None,
    line: str | None = None,
    name: str | None = None,
) -> Shape:
    """A text box (a rectangle without fill or line unless asked)."""
    shape = add_box(shapes, box, fill=fill, line=line, name=name)
    write(shape, paragraphs, anchor=anchor, insets=insets)
    return shape


def add_picture(
    shapes: SlideShapes, data: bytes, box: Box, size: tuple[int, int], *, name: str
) -> Picture:
    """The PNG `data` (`size` in pixels) as large as fits in `box`, centred in it; `name`
    is also its alternative text."""
    width, height = size
    scale = min(box.w / width, box.h / height)
    w, h = round(width * scale), round(height * scale)
    x, y = box.x + (box.w - w) // 2, box.y + (box.h - h) // 2
    picture = shapes.add_picture(io.BytesIO(data), Emu(x), Emu(y), Emu(w), Emu(h))
    picture.name = name
    picture._element.nvPicPr.cNvPr.set("descr", name)
    return picture


def connect(
    shapes: SlideShapes,
    begin: Shape,
    begin_site: int,
    end: Shape,
    end_site: int,
    *,
    colour: str,
    width: float,
    straight: bool = True,
) -> Connector:
    """A connector glued to two shapes' connection sites, with an arrow head at `end`:
    PowerPoint and Impress keep it glued when either shape moves. Straight, as both
    draw it alike (each reroutes a curved one its own way)."""
    kind = MSO_CONNECTOR.STRAIGHT if straight else MSO_CONNECTOR.CURVE
    connector = shapes.add_connector(kind, Emu(0), Emu(0), Emu(0), Emu(0))
    _drop_style(connector)
    connector.begin_connect(begin, begin_site)
    connector.end_connect(end, end_site)
    connector.line.color.rgb = rgb(colour)
    connector.line.width = Pt(width)
    line = connector.line._get_or_add_ln()  # python-pptx has no API for arrow heads
    etree.SubElement(line, qn("a:tailEnd"), type="triangle", w="med", len="med")
    return connector


def move_behind(shapes: SlideShapes, elements: list[etree._Element], anchor: Shape) -> None:
    """Put `elements` (connectors, labels) just before `anchor` in the drawing order, so
    the shapes drawn after `anchor` (the cards) cover them."""
    tree = shapes._spTree
    position = tree.index(anchor._element)
    for offset, element in enumerate(elements):
        tree.remove(element)
        tree.insert(position + offset, element)
