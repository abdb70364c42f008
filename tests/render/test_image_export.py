"""Image exports: PNG at any scale, SVG with its text as text, vector PDF; the legend, the
selection, the size guard, cancelling, and files written whole or not at all."""

from __future__ import annotations

import datetime
import math
import re
import struct
import zlib
from pathlib import Path

import defusedxml.ElementTree as ET
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from tpmapper.files.atomic import TEMP_SUFFIX
from tpmapper.files.errors import MapFileError
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.model.journey import JourneyMap
from tpmapper.progress import ExportCancelled
from tpmapper.render import compose, image_export, png_encoder, style
from tpmapper.render.image_export import (
    MARGIN,
    TITLE_GAP,
    TITLE_HEIGHT,
    ExportLabels,
    ImageOptions,
    ensure_gui_application,
    export_image,
    pdf_bytes,
    png_bytes,
    selection_map,
    svg_bytes,
)
from tpmapper.render.layout import layout_map
from tpmapper.render.map_painter import paint_map

SVG = "{http://www.w3.org/2000/svg}"
DAY = datetime.date(2026, 5, 9)


@pytest.fixture
def journey(qapp) -> JourneyMap:
    return load(sample_path("en"))


def plain(**changes) -> ImageOptions:
    """Options for a picture at the layout's size without a legend (the tests' measure;
    the defaults are scale 2 with a legend)."""
    return ImageOptions(**{"scale": 1, "legend": False, **changes})


def decode(data: bytes) -> QImage:
    image = QImage.fromData(data, "PNG")
    assert not image.isNull()
    return image


def map_origin(scale: float = 1.0) -> tuple[float, float]:
    """Where the layout's (0, 0) lands in a PNG with a title (the sample's links stay
    inside its grid, so nothing widens the map's area)."""
    return MARGIN * scale, (MARGIN + TITLE_HEIGHT + TITLE_GAP) * scale


def svg_texts(data: bytes) -> tuple[ET.Element, str]:
    root = ET.fromstring(data)
    texts = [" ".join("".join(e.itertext()).split()) for e in root.iter(f"{SVG}text")]
    return root, " ".join(texts)


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def non_white_share(image: QImage, step: int = 3) -> float:
    samples = [
        image.pixelColor(x, y)
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    ]
    return sum(1 for c in samples if c.name() != "#ffffff") / len(samples)


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


# ---------------------------------------------------------------------- PNG


def test_png_is_the_layout_plus_margins_and_title_with_real_content(journey):
    image = decode(png_bytes(journey, plain(date=DAY)))
    bounds = layout_map(journey, curve=True).bounds  # the sample has ratings: the curve too
    assert image.width() == math.ceil(bounds.width + 2 * MARGIN)
    assert image.height() == math.ceil(bounds.height + 2 * MARGIN + TITLE_HEIGHT + TITLE_GAP)
    assert non_white_share(image) > 0.3  # grid, headers and cards, not an empty canvas
    assert image.pixelColor(2, 2).name() == "#ffffff"  # a white margin


def test_png_map_is_pixel_for_pixel_what_the_canvas_painters_draw(journey):
    """The map part of an export is `paint_map` with the canvas view's render hints."""
    layout = layout_map(journey)
    bounds = layout.bounds
    reference = QImage(int(bounds.width), int(bounds.height), QImage.Format.Format_RGB32)
    reference.fill(Qt.GlobalColor.white)
    painter = QPainter(reference)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    paint_map(painter, journey, layout)
    painter.end()
    exported = decode(png_bytes(journey, plain(legend=True)))
    left, top = map_origin()
    crop = exported.copy(int(left), int(top), reference.width(), reference.height())
    assert crop.convertToFormat(QImage.Format.Format_RGB32) == reference


def test_png_cards_show_their_rating_colour_where_the_layout_puts_them(journey):
    image = decode(png_bytes(journey, plain()))
    layout = layout_map(journey)
    left, top = map_origin()
    for tp in journey.touchpoints():
        card = layout.cards[tp.id]
        pixel = image.pixelColor(int(left + card.x + 3), int(top + card.y + card.height / 2))
        assert pixel.name() == style.rating_colour(tp.customer_rating), tp.name


def test_phase_headers_carry_their_colour_in_the_png(journey):
    image = decode(png_bytes(journey, plain()))
    layout = layout_map(journey)
    left, top = map_origin()
    for index, phase in enumerate(journey.phases):
        header = layout.phase_header(index)
        pixel = image.pixelColor(int(left + header.right - 4), int(top + header.y + 4))
        assert pixel.name() == phase.colour


def test_scale_two_doubles_the_size_and_keeps_the_picture(journey):
    once = decode(png_bytes(journey, plain()))
    twice = decode(png_bytes(journey, plain(scale=2)))
    assert abs(twice.width() - 2 * once.width()) <= 1
    assert abs(twice.height() - 2 * once.height()) <= 1
    layout = layout_map(journey)
    left, top = map_origin(2)
    tp = journey.touchpoints()[0]
    card = layout.cards[tp.id]
    pixel = twice.pixelColor(int(left + 2 * (card.x + 3)), int(top + 2 * card.center[1]))
    assert pixel.name() == style.rating_colour(tp.customer_rating)
    # the file says it is a 2x picture: 192 dpi, so it is placed at the 1x size
    assert round(twice.dotsPerMeterX() * 0.0254) == 192


def test_transparent_png_keeps_the_map_but_not_the_background(journey):
    image = decode(png_bytes(journey, plain(transparent=True, legend=True)))
    assert image.hasAlphaChannel()
    w, h = image.width(), image.height()
    for x, y in ((0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1)):
        assert image.pixelColor(x, y).alpha() == 0, (x, y)
    left, top = map_origin()
    # the corner above the lane headers is background too, not a white patch
    assert image.pixelColor(int(left + 20), int(top + 20)).alpha() == 0
    layout = layout_map(journey)
    cell = layout.cell_rect(1, 2)  # an empty cell: drawn opaque, as on screen
    centre = image.pixelColor(int(left + cell.center[0]), int(top + cell.center[1]))
    assert centre.alpha() == 255
    assert centre.name() in (style.CELL_FILL, style.CELL_ALTERNATE_FILL)


def test_legend_enlarges_the_png_and_shows_the_rating_colours(journey):
    bare = decode(png_bytes(journey, plain()))
    with_legend = decode(png_bytes(journey, plain(legend=True)))
    assert with_legend.width() == bare.width()
    assert with_legend.height() > bare.height() + 20
    band = {
        with_legend.pixelColor(x, y).name()
        for x in range(0, with_legend.width(), 2)
        for y in range(bare.height() - int(MARGIN), with_legend.height())
    }
    for colour in (*style.RATING_COLOURS.values(), style.UNRATED_COLOUR, style.PAIN_COLOUR):
        assert colour in band, colour


def test_legend_widens_a_picture_narrower_than_itself(journey):
    website = next(tp.id for tp in journey.touchpoints() if tp.name == "Website")
    narrow = plain(selection=frozenset({website}))
    bare = decode(png_bytes(journey, narrow))
    with_legend = decode(png_bytes(journey, plain(selection=narrow.selection, legend=True)))
    assert with_legend.width() >= image_export.LEGEND_MIN_WIDTH + 2 * MARGIN > bare.width()


def test_too_large_a_scale_is_refused_with_the_largest_that_fits(journey):
    calls = []
    with pytest.raises(ValueError, match="too large for a PNG at scale 40") as refusal:
        png_bytes(journey, plain(scale=40), lambda done, total: calls.append(done))
    assert calls == []  # refused before painting anything
    suggested = float(re.search(r"largest scale that fits is ([\d.]+)", str(refusal.value))[1])
    assert 1 < suggested < 40
    once = decode(png_bytes(journey, plain()))  # the sheet's size at scale 1 (whole units)

    def fits(scale: float) -> bool:
        width, height = math.ceil(once.width() * scale), math.ceil(once.height() * scale)
        return max(width, height) <= 32_767 and width * height * 4 <= 512 * 2**20

    assert fits(suggested)
    assert not fits(suggested + 0.1)  # the largest, to one decimal


@pytest.mark.parametrize("scale", [0, -1, float("nan")])
def test_a_scale_that_is_no_size_is_refused(scale):
    with pytest.raises(ValueError, match="scale"):
        ImageOptions(scale=scale)


def test_unknown_page_choices_are_refused():
    with pytest.raises(ValueError, match="'fit' or 'split'"):
        ImageOptions(pages="poster")
    with pytest.raises(ValueError, match="A4"):
        ImageOptions(page_size="B7")


# ---------------------------------------------------------------------- SVG


def test_svg_parses_and_keeps_every_name_as_text(journey):
    data = svg_bytes(journey, ImageOptions(date=DAY))
    assert b"<image" not in data  # vectors and text, no embedded picture
    root, text = svg_texts(data)
    for tp in journey.touchpoints():
        assert tp.name in text, tp.name
    for phase in journey.phases:
        assert phase.name in text
    assert journey.title in text
    assert "2026-05-09" in text
    assert root.findtext(f"{SVG}title") == journey.title
    assert root.findtext(f"{SVG}desc") == journey.description
    layout = layout_map(journey)
    width, height = (float(v) for v in root.get("viewBox").split()[2:])
    assert width == math.ceil(layout.bounds.width + 2 * MARGIN)
    assert height > layout.bounds.height
    assert root.get("width").endswith("mm")


def test_svg_legend_speaks_the_labels_it_is_given(journey):
    words = {"Customer rating": "Kundenbewertung", "Pain point": "Schmerzpunkt"}
    german = ExportLabels.translated(lambda text: words.get(text, text))
    _root, text = svg_texts(svg_bytes(journey, ImageOptions(legend=True, labels=german)))
    assert "Kundenbewertung" in text
    assert "Schmerzpunkt" in text
    assert "Customer rating" not in text
    _root, english = svg_texts(svg_bytes(journey, ImageOptions(legend=True)))
    assert "Customer rating" in english
    assert "Positive moment" in english
    assert "1 very poor" in english


def test_transparent_svg_has_no_background_rectangle(journey):
    opaque = svg_bytes(journey)
    clear = svg_bytes(journey, ImageOptions(transparent=True))
    assert len(clear) < len(opaque)
    assert b'fill="#ffffff"' in opaque


# ---------------------------------------------------------------------- PDF


def test_pdf_fit_is_one_vector_page(journey):
    data = pdf_bytes(journey, ImageOptions(legend=True, date=DAY))
    assert data.startswith(b"%PDF")
    assert pdf_pages(data) == 1
    assert b"/Subtype /Image" not in data  # the map is vectors, not a picture of it
    assert len(data) < 200_000
    assert re.search(rb"/MediaBox \[0 0 842(\.0+)? 595(\.0+)?\]", data)  # A4 landscape


def test_pdf_split_tiles_the_map_at_full_size(journey):
    # the sample is 1,344 units wide and 508 high: an A4 landscape page holds ~1,047 x 680
    a4 = pdf_bytes(journey, ImageOptions(pages="split", curve=False))
    assert pdf_pages(a4) == 2
    a3 = pdf_bytes(journey, ImageOptions(pages="split", page_size="A3", curve=False))
    assert pdf_pages(a3) == 1
    assert b"/Subtype /Image" not in a4


def test_pdf_split_leaves_out_pages_with_only_empty_cells(journey):
    # A5: three phase columns x two lane bands; "after purchase" x "earned" is empty
    data = pdf_bytes(journey, ImageOptions(pages="split", page_size="A5", curve=False))
    assert pdf_pages(data) == 5
    with_curve = pdf_bytes(journey, ImageOptions(pages="split", page_size="A5", curve=True))
    # the band under the grid adds pages; one of them shows only the curve, and is kept
    # (a check that ignored the band printed 6)
    assert pdf_pages(with_curve) == 7


def test_pdf_is_titled_with_the_map_title(journey):
    data = pdf_bytes(journey)
    title = b"\xfe\xff" + journey.title.encode("utf-16-be")  # a PDF text string in UTF-16
    assert b"/Title (" + title + b")" in data


# ---------------------------------------------------------------------- the selection


def _ids(journey: JourneyMap, *names: str) -> frozenset[str]:
    return frozenset(tp.id for tp in journey.touchpoints() if tp.name in names)


def test_selection_map_holds_only_the_chosen_cards_their_cells_and_links(journey):
    chosen = _ids(journey, "Website", "Sales pages", "Shopping cart")
    part = selection_map(journey, chosen)
    assert {tp.id for tp in part.touchpoints()} == chosen
    assert [p.name for p in part.phases] == ["Before purchase", "Purchase"]
    assert [lane.name for lane in part.lanes] == ["Owned"]
    assert all(link.source in chosen and link.target in chosen for link in part.links())
    expected = [link for link in journey.links() if {link.source, link.target} <= chosen]
    assert part.links() == expected
    assert part.title == journey.title
    assert len(journey) == 14  # the map itself is untouched


def test_selection_map_refuses_nothing_and_strangers(journey):
    with pytest.raises(ValueError, match="empty"):
        selection_map(journey, set())
    with pytest.raises(ValueError, match="'no-such-card'"):
        selection_map(journey, {"no-such-card"})


def test_selection_export_is_smaller_and_names_only_the_selection(journey):
    chosen = _ids(journey, "Website", "Sales pages", "Chatbot")
    whole = decode(png_bytes(journey))
    part = decode(png_bytes(journey, ImageOptions(selection=chosen)))
    assert part.width() < whole.width()
    assert part.height() < whole.height()
    _root, text = svg_texts(svg_bytes(journey, ImageOptions(selection=chosen)))
    for tp in journey.touchpoints():
        if tp.id in chosen:
            assert tp.name in text
        else:
            assert tp.name not in text, tp.name
    assert "After purchase" not in text


def test_selection_as_a_plain_set_is_accepted(journey):
    options = ImageOptions(selection={journey.touchpoints()[0].id})  # type: ignore[arg-type]
    assert isinstance(options.selection, frozenset)
    assert png_bytes(journey, options).startswith(b"\x89PNG")


# ---------------------------------------------------------------------- progress and cancel


@pytest.mark.parametrize("render", [png_bytes, svg_bytes, pdf_bytes])
def test_progress_counts_up_to_its_total(journey, render):
    calls: list[tuple[int, int]] = []
    render(journey, ImageOptions(legend=True), lambda done, total: calls.append((done, total)))
    assert len(calls) >= 4  # grid, links, cards, headers, legend, finish
    totals = {total for _done, total in calls}
    assert len(totals) == 1
    assert [done for done, _total in calls] == list(range(1, len(calls) + 1))
    assert calls[-1][0] == calls[-1][1]


def test_cards_are_reported_in_chunks(journey, monkeypatch):
    monkeypatch.setattr(compose, "CHUNK", 4)
    calls: list[int] = []
    png_bytes(journey, plain(), progress=lambda done, total: calls.append(total))
    # grid, all links, 14 cards by four, headers, one band of rows to encode
    assert calls[0] == 1 + 1 + math.ceil(len(journey) / 4) + 1 + 1


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
@pytest.mark.parametrize("stop_at", [1, 3])
def test_cancelling_raises_and_writes_nothing(journey, tmp_path, suffix, stop_at):
    path = tmp_path / f"map{suffix}"
    with pytest.raises(ExportCancelled):
        export_image(journey, path, ImageOptions(), lambda done, total: done < stop_at)
    assert list(tmp_path.iterdir()) == []


def test_a_progress_that_returns_nothing_does_not_cancel(journey):
    assert png_bytes(journey, progress=lambda done, total: None).startswith(b"\x89PNG")


# ---------------------------------------------------------------------- files


@pytest.mark.parametrize(
    ("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".PDF", b"%PDF")]
)
def test_export_image_picks_the_format_by_suffix(journey, tmp_path, suffix, magic):
    path = tmp_path / f"map{suffix}"
    export_image(journey, path)
    assert path.read_bytes().startswith(magic)
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_export_image_replaces_a_file_whole(journey, tmp_path):
    path = tmp_path / "map.png"
    path.write_bytes(b"old" * 100_000)
    export_image(journey, path, ImageOptions(date=DAY))
    assert path.read_bytes() == png_bytes(journey, ImageOptions(date=DAY))
    assert temporaries(tmp_path) == []


def test_a_refused_export_leaves_the_old_file_untouched(journey, tmp_path):
    path = tmp_path / "map.png"
    path.write_bytes(b"the old picture")
    with pytest.raises(MapFileError) as refusal:
        export_image(journey, path, ImageOptions(scale=40))
    assert str(refusal.value).startswith(f"{path}: the map is too large for a PNG at scale 40: ")
    assert path.read_bytes() == b"the old picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.png"]


def test_the_defaults_are_the_export_dialogs():
    options = ImageOptions()
    assert (options.scale, options.legend, options.transparent) == (2.0, True, False)


def test_png_export_by_default_is_twice_the_size_with_a_legend(journey):
    bare = decode(png_bytes(journey, plain()))
    default = decode(png_bytes(journey))
    with_legend = decode(png_bytes(journey, plain(legend=True)))
    assert with_legend.height() > bare.height()
    assert abs(default.width() - 2 * with_legend.width()) <= 1
    assert abs(default.height() - 2 * with_legend.height()) <= 1


@pytest.mark.parametrize("name", ["map.jpg", "map", "map.png.txt"])
def test_an_unknown_suffix_is_refused_in_a_sentence(journey, tmp_path, name):
    path = tmp_path / name
    with pytest.raises(ValueError, match=r"must end in \.png, \.svg or \.pdf"):
        export_image(journey, path)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_refused_before_rendering(journey, tmp_path):
    calls = []
    with pytest.raises(MapFileError, match="does not exist"):
        export_image(journey, tmp_path / "gone" / "map.png", progress=lambda d, t: calls.append(d))
    assert calls == []


def test_the_running_application_is_used(qapp):
    assert ensure_gui_application() is qapp


# ---------------------------------------------------------------------- the PNG encoder


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """(kind, data) of every chunk, each checked against its CRC."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(body, zlib.crc32(kind)), kind
        chunks.append((kind, body))
        at += 12 + length
    return chunks


@pytest.mark.parametrize("transparent", [False, True])
def test_encoded_png_holds_exactly_the_painted_pixels(journey, monkeypatch, transparent):
    monkeypatch.setattr(png_encoder, "PNG_BAND_BYTES", 50_000)  # many bands, joined
    image = image_export.png_image(journey, ImageOptions(transparent=transparent, legend=True))
    data = image_export.encode_png(image)
    kinds = [kind for kind, _body in png_chunks(data)]
    assert kinds.count(b"IDAT") > 10
    assert kinds[0] == b"IHDR"
    assert kinds[-1] == b"IEND"
    # the zlib stream is whole: Python's zlib checks its Adler-32 too
    stream = b"".join(body for kind, body in png_chunks(data) if kind == b"IDAT")
    stride = image.width() * (4 if transparent else 3) + 1
    assert len(zlib.decompress(stream)) == stride * image.height()
    back = decode(data)
    assert back.hasAlphaChannel() == transparent
    wanted = QImage.Format.Format_ARGB32 if transparent else QImage.Format.Format_RGB32
    assert back.convertToFormat(wanted) == image.convertToFormat(wanted)


def test_encoded_png_carries_its_resolution_and_title(journey):
    back = decode(png_bytes(journey, ImageOptions(scale=1.5)))
    assert round(back.dotsPerMeterX() * 0.0254) == 144
    assert back.text("Title") == journey.title
    assert back.text("Software").startswith("tpmapper")


def test_a_title_in_any_script_survives_the_png(journey):
    journey.set_meta(title="Kundenreise: Größe, 顧客の旅")
    back = decode(png_bytes(journey))
    assert back.text("Title") == "Kundenreise: Größe, 顧客の旅"


@pytest.mark.parametrize("split", [0, 1, 7, 65_521, 70_000, 199_999])
def test_adler32_of_pieces_combines_to_the_whole(split):
    data = bytes(range(256)) * 800
    first, second = data[:split], data[split:]
    combined = png_encoder._adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second))
    assert combined == zlib.adler32(data)


def test_empty_maps_export_in_every_format(qapp, tmp_path):
    empty = JourneyMap("Nothing yet")
    for suffix in (".png", ".svg", ".pdf"):
        path = tmp_path / f"empty{suffix}"
        export_image(empty, path, ImageOptions(legend=True, pages="split"))
        assert path.stat().st_size > 100
