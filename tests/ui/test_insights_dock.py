"""The Insights dock: what each chart shows of the sample map, what a click on a bar or
point chooses, charts following edits, and pyqtgraph staying out of start-up."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF, Qt

from tpmapper.analysis import analyze
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.model.edits import UpdateTouchpoint
from tpmapper.model.vocabulary import Medium, Ownership
from tpmapper.ui.document import Document
from tpmapper.ui.insights_dock import REFRESH_DELAY_MS, InsightsDock, jittered

LEFT = Qt.MouseButton.LeftButton
RATINGS, SCATTER, MIX, OWNERS = range(4)


@pytest.fixture
def document() -> Document:
    return Document(load(sample_path("en")))


@pytest.fixture
def dock(qtbot, document) -> Iterator[InsightsDock]:
    widget = InsightsDock()
    qtbot.addWidget(widget)
    widget.resize(700, 520)
    widget.set_document(document)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.set_document(None)


def by_name(document: Document, name: str) -> str:
    (found,) = [tp.id for tp in document.journey.touchpoints() if tp.name == name]
    return found


def open_tab(qtbot, dock: InsightsDock, index: int) -> None:
    """Click the tab's title, as the user does."""
    bar = dock.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: dock.tabs.currentIndex() == index)
    qtbot.waitUntil(lambda: dock.tabs.currentWidget().isVisible())


def click_plot(qtbot, item, x: float, y: float) -> None:
    """A real left click on the plot's viewport where the chart item's point (x, y) is."""
    plot = item.getViewWidget()
    plot.getViewBox().updateMatrix()  # laid out for the plot's current size
    scene = item.mapToScene(QPointF(x, y))
    at = plot.mapFromScene(scene)
    assert plot.viewport().rect().contains(at), f"({x}, {y}) is outside the plot"
    qtbot.mouseClick(plot.viewport(), LEFT, pos=at)


def chosen_by_click(qtbot, dock, item, x: float, y: float) -> list[str]:
    with qtbot.waitSignal(dock.touchpoints_chosen, timeout=2000) as blocker:
        click_plot(qtbot, item, x, y)
    return blocker.args[0]


def heights(bars) -> list[float]:
    return [float(h) for h in bars.opts["height"]]


def widths(bars) -> list[float]:
    return [float(w) for w in bars.opts["width"]]


def ticks(plot, side: str) -> list[str]:
    return [text for _value, text in plot.getPlotItem().getAxis(side)._tickLevels[0]]


# ---------------------------------------------------------------------------- ratings per phase
def test_rating_bars_are_the_curve_averages_per_phase(dock, document):
    curve = analyze(document.journey).curve
    assert heights(dock.customer_bars) == pytest.approx([p.customer for p in curve])
    assert heights(dock.company_bars) == pytest.approx([p.company for p in curve])
    assert ticks(dock.ratings_plot, "bottom") == ["Before purchase", "Purchase", "After purchase"]
    assert dock.tabs.tabText(RATINGS) == "Ratings per phase"


def test_clicking_a_phase_bar_chooses_the_phase_touchpoints_rated_so(qtbot, dock, document):
    open_tab(qtbot, dock, RATINGS)
    journey = document.journey
    rect = dock.company_bars.rects[1]  # Purchase
    chosen = chosen_by_click(qtbot, dock, dock.company_bars, rect.center().x(), rect.center().y())
    expected = [
        tp.id
        for tp in journey.touchpoints()
        if tp.phase == "purchase" and tp.company_rating is not None
    ]
    assert chosen == expected
    assert len(chosen) == 4

    rect = dock.customer_bars.rects[0]  # Before purchase: AI search has no customer rating
    chosen = chosen_by_click(qtbot, dock, dock.customer_bars, rect.center().x(), 0.3)
    assert by_name(document, "AI search") not in chosen
    assert set(chosen) == {
        tp.id
        for tp in journey.touchpoints()
        if tp.phase == "before" and tp.customer_rating is not None
    }


# ---------------------------------------------------------------------------- company vs customer
def spots(dock) -> list:
    return [spot for points in dock.points for spot in points.points()]


def spot_of(dock, tid: str):
    (found,) = [
        (points, spot) for points in dock.points for spot in points.points() if spot.data() == tid
    ]
    return found


def test_scatter_has_a_point_per_touchpoint_rated_by_both_and_blind_spots_stand_out(dock, document):
    both = [
        tp
        for tp in document.journey.touchpoints()
        if tp.customer_rating is not None and tp.company_rating is not None
    ]
    shown = spots(dock)
    assert len(shown) == len(both) == 12
    assert sorted(spot.data() for spot in shown) == sorted(tp.id for tp in both)
    # each point where its ratings put it (give or take the jitter), none hidden by another
    for tp in both:
        _points, spot = spot_of(dock, tp.id)
        assert spot.pos().x() == pytest.approx(tp.customer_rating, abs=0.31)
        assert spot.pos().y() == pytest.approx(tp.company_rating, abs=0.31)
        # jitter runs along the diagonal: the distance from it is the ratings' gap
        assert spot.pos().y() - spot.pos().x() == pytest.approx(tp.rating_gap)
    positions = {(round(s.pos().x(), 3), round(s.pos().y(), 3)) for s in shown}
    assert len(positions) == len(shown)
    # blind spots (company 2+ above) are the warning-coloured series
    warning, _underrated, _agreeing = dock.points
    assert {spot.data() for spot in warning.points()} == {
        by_name(document, "Shopping cart"),
        by_name(document, "Chatbot"),
    }
    assert "blind spot" in dock.legends[dock.scatter_plot].text()


def test_jitter_is_deterministic_and_spreads_equal_pairs():
    pairs = [(2, 4), (3, 3), (2, 4), (2, 4)]
    points = jittered(pairs)
    assert points == jittered(pairs)
    assert points[1] == (3, 3)
    assert len({points[0], points[2], points[3]}) == 3


def test_clicking_a_point_chooses_its_touchpoint(qtbot, dock, document):
    open_tab(qtbot, dock, SCATTER)
    for name in ("Order confirmation", "Shopping cart", "Chatbot"):  # the last two: both 2/4
        tid = by_name(document, name)
        points, spot = spot_of(dock, tid)
        pos = spot.pos()
        assert chosen_by_click(qtbot, dock, points, pos.x(), pos.y()) == [tid]


# ---------------------------------------------------------------------------- channel mix
def test_channel_mix_stacks_the_counts_per_phase(dock, document):
    touchpoints = document.journey.touchpoints()
    phases = ["before", "purchase", "after"]
    for field, kinds, store in (
        ("ownership", Ownership, dock.ownership_bars),
        ("medium", Medium, dock.medium_bars),
    ):
        assert None not in store  # every touchpoint of the sample says
        for kind in kinds:
            counts = [
                sum(1 for tp in touchpoints if tp.phase == p and getattr(tp, field) is kind)
                for p in phases
            ]
            assert heights(store[kind]) == [c for c in counts if c], kind
        # stacked: each phase's column is as tall as its touchpoints
        tops = {}
        for bars in store.values():
            for rect in bars.rects:
                tops[round(rect.center().x())] = max(
                    tops.get(round(rect.center().x()), 0), rect.bottom()
                )
        assert [tops[i] for i in range(3)] == [7, 4, 3]


def test_clicking_a_mix_segment_chooses_its_touchpoints(qtbot, dock, document):
    open_tab(qtbot, dock, MIX)
    paid = dock.ownership_bars[Ownership.PAID]
    rect = paid.rects[0]  # Before purchase
    chosen = chosen_by_click(qtbot, dock, paid, 0, rect.center().y())
    assert chosen == [by_name(document, "Ads"), by_name(document, "Influencers")]

    analog = dock.medium_bars[Medium.ANALOG]
    rect = analog.rects[0]
    chosen = chosen_by_click(qtbot, dock, analog, 0.1, rect.center().y())
    assert chosen == [by_name(document, "Word of mouth")]


def test_touchpoints_without_ownership_get_their_own_segment(qtbot, dock, document):
    cart = by_name(document, "Shopping cart")
    document.push(UpdateTouchpoint(cart, {"ownership": None}), "clear")
    qtbot.waitUntil(lambda: None in dock.ownership_bars, timeout=2000)
    assert dock.ownership_bars[None].ids == [[cart]]
    assert "Not set" in dock.legends[dock.ownership_plot].text()


# ---------------------------------------------------------------------------- owners
def test_owner_bars_are_the_owners_load_with_weak_spots_darker(dock, document):
    owners = analyze(document.journey).owners
    assert widths(dock.owner_bars) == [load.touchpoints for load in owners]
    assert ticks(dock.owners_plot, "left") == [load.owner for load in owners]
    assert widths(dock.weak_bars) == [load.weak_spots for load in owners if load.weak_spots]
    assert dock.weak_bars.zValue() >= dock.owner_bars.zValue()


def test_clicking_an_owner_bar_chooses_the_owner_touchpoints(qtbot, dock, document):
    open_tab(qtbot, dock, OWNERS)
    owners = [load.owner for load in analyze(document.journey).owners]
    row = owners.index("CRM")
    chosen = chosen_by_click(qtbot, dock, dock.owner_bars, 1.5, row)
    assert chosen == [
        by_name(document, "Order confirmation"),
        by_name(document, "Loyalty programme"),
    ]

    row = owners.index("Customer service")  # 3 touchpoints, the chatbot a weak spot
    chosen = chosen_by_click(qtbot, dock, dock.owner_bars, 2.5, row)
    assert len(chosen) == 3
    chosen = chosen_by_click(qtbot, dock, dock.weak_bars, 0.5, row)
    assert chosen == [by_name(document, "Chatbot")]

    with qtbot.assertNotEmitted(dock.touchpoints_chosen, wait=100):
        click_plot(qtbot, dock.owner_bars, 2.5, owners.index("CRM"))  # past it


# ---------------------------------------------------------------------------- following edits
def test_an_edit_redraws_the_charts_after_a_pause(qtbot, dock, document):
    cart = by_name(document, "Shopping cart")
    before = heights(dock.customer_bars)
    document.push(UpdateTouchpoint(cart, {"customer_rating": 5}), "rate")
    document.push(UpdateTouchpoint(cart, {"company_rating": 5}), "rate")
    assert heights(dock.customer_bars) == before  # not on every edit: after a pause
    qtbot.wait(REFRESH_DELAY_MS // 3)
    assert heights(dock.customer_bars) == before
    curve = analyze(document.journey).curve
    qtbot.waitUntil(
        lambda: heights(dock.customer_bars) == pytest.approx([p.customer for p in curve]),
        timeout=2000,
    )
    assert heights(dock.customer_bars)[1] == pytest.approx((4 + 5 + 2 + 4) / 4)
    warning = dock.points[0]
    assert cart not in {spot.data() for spot in warning.points()}  # no longer a blind spot

    document.undo_stack.undo()
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: heights(dock.customer_bars) == before, timeout=2000)


def test_a_hidden_dock_redraws_when_shown_again(qtbot, dock, document):
    owners_before = widths(dock.owner_bars)
    dock.hide()
    document.push(UpdateTouchpoint(by_name(document, "Chatbot"), {"owner": "CRM"}), "owner")
    qtbot.wait(REFRESH_DELAY_MS + 200)
    assert widths(dock.owner_bars) == owners_before
    dock.show()
    qtbot.waitUntil(lambda: widths(dock.owner_bars)[:2] == [3, 2], timeout=2000)
    assert ticks(dock.owners_plot, "left")[0] == "CRM"


def test_another_document_replaces_the_first(qtbot, dock, document, monkeypatch):
    other = Document(load(sample_path("en")))
    dock.set_document(other)
    assert len(spots(dock)) == 12
    refreshes = []
    monkeypatch.setattr(dock, "refresh", lambda real=dock.refresh: refreshes.append(real()))
    document.push(UpdateTouchpoint(by_name(document, "Website"), {"company_rating": None}), "x")
    qtbot.wait(REFRESH_DELAY_MS + 200)
    assert refreshes == []  # the old document's edits no longer redraw the charts
    assert len(spots(dock)) == 12
    other.push(UpdateTouchpoint(by_name(other, "Website"), {"company_rating": None}), "x")
    qtbot.waitUntil(lambda: len(spots(dock)) == 11, timeout=2000)


# ---------------------------------------------------------------------------- start-up
def test_the_main_window_module_does_not_import_pyqtgraph():
    code = (
        "import sys\n"
        "import tpmapper.ui.main_window\n"
        "assert 'tpmapper.ui.insights_dock' not in sys.modules, 'the dock loaded at start'\n"
        "assert 'pyqtgraph' not in sys.modules, 'pyqtgraph loaded at start'\n"
        "import tpmapper.ui.insights_dock\n"
        "assert 'pyqtgraph' in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
