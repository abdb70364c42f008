"""View ▸ Insights opens the charts (pyqtgraph, loaded then); a click selects on the canvas."""

from __future__ import annotations

from tests.ui.driving import choose
from tests.ui.test_insights_dock import OWNERS, click_plot, open_tab
from tpmapper.analysis import analyze


def test_insights_from_the_view_menu_and_a_bar_selects_its_cards(window, qtbot):
    assert not window.insights_dock.isVisible()
    choose(qtbot, window, "View", "Insights")
    assert window.insights_dock.isVisible()
    dock = window.insights_dock.widget()
    assert type(dock).__name__ == "InsightsDock"
    window.insights_dock.resize(900, 420)
    open_tab(qtbot, dock, OWNERS)
    owners = [load.owner for load in analyze(window.document.journey).owners]
    click_plot(qtbot, dock.owner_bars, 1.5, owners.index("CRM"))
    journey = window.document.journey
    names = {journey.touchpoint(t).name for t in window.scene.selected_touchpoint_ids()}
    assert names == {"Order confirmation", "Loyalty programme"}
    choose(qtbot, window, "View", "Insights")
    assert not window.insights_dock.isVisible()
