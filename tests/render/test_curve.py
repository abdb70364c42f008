"""The experience curve under the grid: from the analysis, in every export of a rated map."""

from __future__ import annotations

import math

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from tests.render.test_image_export import decode, plain, svg_texts
from tpmapper.analysis import curve
from tpmapper.files.templates import load_template, sample_path
from tpmapper.files.tpmap import load
from tpmapper.model.edits import UpdateTouchpoint
from tpmapper.render.curve import CUSTOMER_COLOUR, paint_curve, plot_rect, rating_y
from tpmapper.render.image_export import ExportLabels, ImageOptions, png_bytes, svg_bytes
from tpmapper.render.layout import layout_map


@pytest.fixture
def journey():
    return load(sample_path("en"))


def band_image(journey) -> tuple[QImage, object]:
    layout = layout_map(journey, curve=True)
    band = layout.curve
    image = QImage(int(band.right) + 1, int(band.bottom) + 1, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_curve(painter, journey, layout, [(p.customer, p.company) for p in curve(journey)])
    painter.end()
    return image, layout


def test_the_band_sits_under_the_grid_and_leaves_the_cells_where_they_were(journey):
    plain_layout, with_curve = layout_map(journey), layout_map(journey, curve=True)
    assert plain_layout.curve is None
    assert with_curve.cards == plain_layout.cards
    assert with_curve.curve.y > plain_layout.bounds.bottom
    assert with_curve.bounds.bottom == with_curve.curve.bottom


def test_the_customer_line_passes_through_each_phase_average(journey):
    image, layout = band_image(journey)
    plot = plot_rect(layout)
    blue = QColor(CUSTOMER_COLOUR)
    for column, point in zip(layout.columns, curve(journey), strict=True):
        x = round(column.x + column.width / 2)
        y = round(rating_y(plot, point.customer))
        near = [image.pixelColor(x, y + dy) for dy in range(-3, 4)]
        assert any(
            abs(c.red() - blue.red()) + abs(c.green() - blue.green()) + abs(c.blue() - blue.blue())
            < 60
            for c in near
        ), f"no customer line at the average of {point.name}"


def test_an_edit_moves_the_phase_average(journey):
    before = curve(journey)[1].customer
    cart = next(tp for tp in journey.touchpoints() if tp.name == "Shopping cart")
    UpdateTouchpoint(cart.id, {"customer_rating": 5}).apply(journey)
    assert curve(journey)[1].customer > before


def test_png_and_svg_of_a_rated_map_show_the_curve(journey):
    without = decode(png_bytes(journey, plain(curve=False)))
    shown = decode(png_bytes(journey, plain()))
    band = layout_map(journey, curve=True).curve
    assert shown.height() - without.height() == math.ceil(band.bottom) - math.ceil(
        layout_map(journey).bounds.bottom
    )
    _root, text = svg_texts(svg_bytes(journey, plain()))
    assert "Experience curve" in text
    _root, text = svg_texts(svg_bytes(journey, plain(curve=False)))
    assert "Experience curve" not in text


def test_a_map_without_ratings_gets_no_curve_in_exports():
    journey = load_template("three-phase", "en")
    _root, text = svg_texts(svg_bytes(journey, ImageOptions(legend=False)))
    assert "Experience curve" not in text


def test_the_curve_words_are_translated_with_the_export_labels(journey):
    labels = ExportLabels.translated(
        lambda text: {"Experience curve": "Erlebniskurve"}.get(text, text)
    )
    _root, text = svg_texts(svg_bytes(journey, plain(labels=labels)))
    assert "Erlebniskurve" in text
