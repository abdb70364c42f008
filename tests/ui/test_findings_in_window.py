"""The Findings dock in the window: a tab beside the inspector; choosing a finding selects
its cards on the canvas; the status bar counts weak and blind spots from the analysis."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from tests.ui.driving import choose, press
from tpmapper.analysis import analyze

LEFT = Qt.MouseButton.LeftButton


def open_tab(qtbot, window, title: str) -> None:
    """Click the dock's tab (docks tabbed together show one at a time)."""
    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            if bar.tabText(index) == title and bar.isVisible():
                qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
                return
    raise AssertionError(f"no tab {title!r}")


def finding_rect(tree, kind_text: str, name: str):
    for top in range(tree.topLevelItemCount()):
        kind = tree.topLevelItem(top)
        if kind.text(0).startswith(kind_text):
            for index in range(kind.childCount()):
                if kind.child(index).text(0) == name:
                    return tree.visualItemRect(kind.child(index))
    raise AssertionError(f"{name!r} not listed under {kind_text!r}")


def test_choosing_a_weak_spot_selects_its_card_and_the_status_bar_counts(window, qtbot):
    findings = analyze(window.document.journey)
    status = window._findings_status.text()
    assert (
        status == f"{len(findings.weak_spots)} weak spots · {len(findings.blind_spots)} blind spots"
    )
    open_tab(qtbot, window, "Findings")
    assert window.findings_dock.isVisible()
    tree = window.findings_dock.widget().tree
    rect = finding_rect(tree, "Weak spots", "Shopping cart")
    qtbot.mouseClick(tree.viewport(), LEFT, pos=rect.center())
    names = [
        window.document.journey.touchpoint(t).name for t in window.scene.selected_touchpoint_ids()
    ]
    assert names == ["Shopping cart"]


def test_the_counts_follow_an_edit_and_the_dock_can_be_hidden(window, qtbot):
    before = window._findings_status.text()
    press(qtbot, window, "Ctrl+A")
    press(qtbot, window, "Del")
    qtbot.waitUntil(lambda: window._findings_status.text() != before, timeout=3000)
    assert window._findings_status.text() == "0 weak spots · 0 blind spots"
    open_tab(qtbot, window, "Findings")
    choose(qtbot, window, "View", "Findings")
    assert not window.findings_dock.isVisible()
    choose(qtbot, window, "View", "Findings")
    assert window.findings_dock.isVisible()


def test_clicking_a_finding_of_a_card_just_deleted_selects_nothing(window, qtbot):
    open_tab(qtbot, window, "Findings")
    tree = window.findings_dock.widget().tree
    rect = finding_rect(tree, "Weak spots", "Shopping cart")
    cart = next(tp.id for tp in window.document.journey.touchpoints() if tp.name == "Shopping cart")
    window.scene.clearSelection()
    window.scene.card(cart).setSelected(True)
    press(qtbot, window.view.viewport(), "Del")
    assert cart not in window.document.journey
    qtbot.mouseClick(tree.viewport(), LEFT, pos=rect.center())  # before the list refreshes
    assert window.scene.selected_touchpoint_ids() == []
