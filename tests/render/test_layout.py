"""The swimlane layout: cells grow to fit, cards never overlap, drops find their slot."""

from __future__ import annotations

import itertools

import pytest

from tpmapper.files.templates import load_template, sample_path
from tpmapper.files.tpmap import load
from tpmapper.model import Touchpoint
from tpmapper.render.layout import Metrics, Rect, layout_map


def overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def test_sample_cards_sit_inside_their_cells_without_overlapping():
    journey = load(sample_path("en"))
    layout = layout_map(journey)
    assert set(layout.cards) == {tp.id for tp in journey.touchpoints()}
    for tp in journey.touchpoints():
        card = layout.cards[tp.id]
        cell = layout.cell_rect(layout.phase_ids.index(tp.phase), layout.lane_ids.index(tp.lane))
        assert cell.x <= card.x
        assert card.right <= cell.right
        assert cell.y <= card.y
        assert card.bottom <= cell.bottom
    for a, b in itertools.combinations(layout.cards.values(), 2):
        assert not overlaps(a, b)


def test_cells_grow_with_their_cards():
    journey = load_template("three-phase")
    empty = layout_map(journey)
    for i in range(30):
        journey.insert_touchpoint(Touchpoint(f"t{i}", f"T{i}", "purchase", "paid"))
    full = layout_map(journey)
    assert full.card_columns[1] == 6  # ceil(sqrt(30))
    assert full.columns[1].width > empty.columns[1].width
    assert full.rows[1].height > empty.rows[1].height
    assert full.columns[0].width == empty.columns[0].width
    assert full.bounds.width > empty.bounds.width


def test_cards_fill_a_cell_row_by_row_in_order():
    journey = load_template("three-phase")
    for i in range(5):
        journey.insert_touchpoint(Touchpoint(f"t{i}", f"T{i}", "before", "owned"))
    layout = layout_map(journey)
    m = layout.metrics
    rects = [layout.cards[f"t{i}"] for i in range(5)]
    assert layout.card_columns[0] == 3
    assert rects[0].y == rects[1].y == rects[2].y
    assert rects[3].y == rects[0].y + m.card_height + m.gap
    assert rects[1].x == rects[0].x + m.card_width + m.gap


def test_cell_at_and_drop_index():
    journey = load_template("three-phase")
    for i in range(4):
        journey.insert_touchpoint(Touchpoint(f"t{i}", f"T{i}", "after", "earned"))
    layout = layout_map(journey)
    first, second = layout.cards["t0"], layout.cards["t1"]
    assert layout.cell_at(*first.center) == ("after", "earned")
    assert layout.cell_at(-5, -5) is None
    assert layout.cell_at(10, 10) is None  # the corner above the lane headers
    order = [f"t{i}" for i in range(4)]
    at = layout.drop_index
    assert at("after", "earned", first.x + 5, first.y + 5, order=order, moving=set()) == 0
    assert at("after", "earned", second.right - 5, second.y + 5, order=order, moving=set()) == 2
    assert at("after", "earned", 1e6, 1e6, order=order, moving=set()) == 4
    # dragging t0: over itself stays put; over t1's right half lands after t1
    assert at("after", "earned", first.x + 5, first.y + 5, order=order, moving={"t0"}) is None
    assert at("after", "earned", second.right - 5, second.y + 5, order=order, moving={"t0"}) == 1


@pytest.mark.parametrize("phases", [1, 5])
def test_bounds_cover_headers_and_cells(phases):
    journey = load_template("five-phase")
    for phase_id in journey.phases.ids()[phases:]:
        journey.phases.delete(phase_id)
    layout = layout_map(journey, Metrics(card_width=100))
    assert len(layout.columns) == phases
    assert layout.bounds.width == layout.columns[-1].right
    assert layout.bounds.height == layout.rows[-1].bottom
    assert layout.phase_header(0).bottom == layout.rows[0].y
