"""View ▸ Present (F5): the map full screen, one phase at a time; the keys a presenter (or a
clicker) uses step through the phases, and leaving gives the window back exactly as it was,
with nothing edited."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar

from tests.ui.conftest import click, drag
from tests.ui.driving import LEFT, choose, press
from tests.ui.test_views import tick
from tpmapper.model.elements import ViewFilter
from tpmapper.model.vocabulary import ColourMode
from tpmapper.render.painters import qrect
from tpmapper.ui.canvas.scene import DIMMED
from tpmapper.ui.presentation import PresentationView, phase_filter, presenter_of

PHASES = ["Before purchase", "Purchase", "After purchase"]


def presenting(qtbot, window) -> PresentationView:
    """The presentation, once it is full screen and takes the keys."""
    qtbot.waitUntil(lambda: presenter_of(window) is not None)
    shown = presenter_of(window)
    qtbot.waitUntil(shown.isFullScreen, timeout=2000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown, timeout=2000)
    return shown


def left(qtbot, window) -> None:
    qtbot.waitUntil(lambda: presenter_of(window) is None, timeout=2000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def standing_out(window) -> set[str]:
    """The cards shown in full (not dimmed), by name."""
    journey = window.document.journey
    return {tp.name for tp in journey.touchpoints() if window.scene.card(tp.id).opacity() == 1.0}


def dimmed(window) -> set[str]:
    journey = window.document.journey
    return {tp.name for tp in journey.touchpoints() if window.scene.card(tp.id).opacity() == DIMMED}


def in_phase(window, name: str) -> set[str]:
    journey = window.document.journey
    phase = next(p for p in journey.phases if p.name == name)
    return {journey.touchpoint(t).name for t in journey.in_phase(phase.id)}


def every_card(window) -> set[str]:
    return {tp.name for tp in window.document.journey.touchpoints()}


def window_state(window) -> dict:
    """What leaving the presentation must give back."""
    view = window.view
    return {
        "geometry": window.geometry(),
        "maximised": window.isMaximized(),
        "full screen": window.isFullScreen(),
        "docks": {d.objectName(): d.isVisible() for d in window.findChildren(QDockWidget)},
        "toolbars": {t.objectName(): t.isVisible() for t in window.findChildren(QToolBar)},
        "menu bar": window.menuBar().isVisible(),
        "status bar": window.statusBar().isVisible(),
        "zoom": view.zoom,
        "scroll": (view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
        "filter": window.scene.view_filter,
        "dimmed": window.scene.dimmed,
        "colours": window.colour_menu.mode,
        "selection": window.scene.selected_touchpoint_ids(),
        "overview": window.scene.overview.isVisible(),
        "hint in empty cells": window.scene.empty_hint,
        "undo": (window.document.undo_stack.count(), window.document.undo_stack.index()),
        "modified": window.document.is_modified,
    }


def caption(shown: PresentationView) -> str:
    return shown.caption.text() if shown.caption.isVisible() else ""


def on_screen(shown: PresentationView, name: str) -> QRectF:
    """Where the phase's column and header are on the screen."""
    layout = shown.map_scene().layout
    index = PHASES.index(name)
    area = qrect(layout.columns[index]).united(qrect(layout.phase_header(index)))
    return QRectF(shown.mapFromScene(area).boundingRect())


def test_present_steps_through_the_phases_and_escape_gives_the_window_back(window, qtbot):
    window.view.set_zoom(0.8)
    window.view.centerOn(500, 300)
    before = window_state(window)
    assert before["docks"]["inspector"]  # there is something to hide
    assert standing_out(window) == every_card(window)

    choose(qtbot, window, "View", "Present")
    shown = presenting(qtbot, window)
    assert shown.geometry() == window.screen().geometry()  # the whole screen: no docks,
    assert shown.isFullScreen()  # toolbars, menu bar or status bar of the window show
    assert not shown.findChildren(QDockWidget)
    assert not shown.findChildren(QToolBar)
    assert caption(shown) == "Phase 1 of 3 · Before purchase"
    assert standing_out(window) == in_phase(window, "Before purchase")
    assert dimmed(window) == every_card(window) - in_phase(window, "Before purchase")
    assert shown.zoom > before["zoom"]  # larger type
    assert window.scene.empty_hint == ""  # no "Drop a touchpoint here" on the slides
    screen = QRectF(shown.viewport().rect())
    assert screen.contains(on_screen(shown, "Before purchase"))
    # the phase fills the screen's height (or its width)
    filled = on_screen(shown, "Before purchase")
    assert filled.height() > 0.6 * screen.height() or filled.width() > 0.6 * screen.width()

    press(qtbot, shown, "Right")
    assert caption(shown) == "Phase 2 of 3 · Purchase"
    assert standing_out(window) == in_phase(window, "Purchase")
    assert screen.contains(on_screen(shown, "Purchase"))
    press(qtbot, shown, "End")
    assert caption(shown) == "Phase 3 of 3 · After purchase"
    assert standing_out(window) == in_phase(window, "After purchase")
    assert screen.contains(on_screen(shown, "After purchase"))
    press(qtbot, shown, "Right")  # past the last phase: it stays
    assert caption(shown) == "Phase 3 of 3 · After purchase"
    press(qtbot, shown, "Home")
    assert caption(shown) == "Phase 1 of 3 · Before purchase"
    press(qtbot, shown, "Left")  # before the first: it stays
    assert standing_out(window) == in_phase(window, "Before purchase")

    press(qtbot, shown, "Escape")
    left(qtbot, window)
    assert window_state(window) == before
    assert standing_out(window) == every_card(window)


def test_a_clicker_steps_with_page_keys_and_space_and_f5_leaves(window, qtbot):
    before = window_state(window)
    press(qtbot, window, "F5")
    shown = presenting(qtbot, window)
    steps = [("PgDown", 2), ("Space", 3), ("PgUp", 2), ("Backspace", 1), ("Down", 2)]
    for key, phase in steps:
        press(qtbot, shown, key)
        assert caption(shown).startswith(f"Phase {phase} of 3"), key
        assert standing_out(window) == in_phase(window, PHASES[phase - 1]), key
    qtbot.mouseClick(shown.viewport(), LEFT)  # a click steps on, as in a slide show
    assert caption(shown) == "Phase 3 of 3 · After purchase"
    press(qtbot, shown, "F5")
    left(qtbot, window)
    assert window_state(window) == before


def test_the_caption_fades_and_comes_back_with_the_next_phase(window, qtbot):
    press(qtbot, window, "F5")
    shown = presenting(qtbot, window)
    assert shown.caption.opacity == 1.0
    qtbot.waitUntil(lambda: shown.caption.opacity == 0.0, timeout=6000)
    press(qtbot, shown, "Right")
    assert shown.caption.opacity == 1.0
    assert caption(shown) == "Phase 2 of 3 · Purchase"
    press(qtbot, shown, "Escape")
    left(qtbot, window)


def test_the_users_filter_and_colours_stay_applied_and_come_back(window, qtbot, dialogs):
    choose(qtbot, window, "View", "Colour By", "Owner")
    dialogs.answer(tick(("Owners", "Web design")))
    press(qtbot, window, "Ctrl+Shift+F")
    before = window_state(window)
    assert standing_out(window) == {"Website", "Shopping cart"}

    press(qtbot, window, "F5")
    shown = presenting(qtbot, window)
    assert standing_out(window) == {"Website"}  # the phase's cards the filter lets through
    assert window.scene.colouring.mode is ColourMode.OWNER
    press(qtbot, shown, "Right")
    assert standing_out(window) == {"Shopping cart"}
    press(qtbot, shown, "Right")
    assert standing_out(window) == set()
    press(qtbot, shown, "Escape")
    left(qtbot, window)
    assert window_state(window) == before
    assert standing_out(window) == {"Website", "Shopping cart"}


def test_phase_dimming_adds_to_a_filter_of_phases():
    user = ViewFilter(phases=("a", "b"), owners=("CRM",))
    assert phase_filter(user, "b") == ViewFilter(phases=("b",), owners=("CRM",))
    nothing = phase_filter(user, "c")  # a phase the user's filter leaves out: all dimmed
    assert nothing.phases[0] not in ("a", "b", "c")
    assert nothing.owners == ("CRM",)
    assert phase_filter(ViewFilter(), "c") == ViewFilter(phases=("c",))


def test_presenting_edits_nothing_and_starts_at_the_selected_cards_phase(window, qtbot):
    journey = window.document.journey
    cart = next(tp.id for tp in journey.touchpoints() if tp.name == "Shopping cart")
    click(window.view, QPointF(*window.scene.layout.cards[cart].center))
    assert window.scene.selected_touchpoint_ids() == [cart]
    before = window_state(window)
    places = dict(window.scene.layout.cards)

    press(qtbot, window, "F5")
    shown = presenting(qtbot, window)
    assert caption(shown) == "Phase 2 of 3 · Purchase"  # where the selected card is
    assert window.scene.selected_touchpoint_ids() == []  # no selection ring on the slide
    # a drag of a card, of a phase header, and the keys that edit the map do nothing
    x, y = window.scene.layout.cards[cart].center
    drag(shown, QPointF(x, y), QPointF(x - 400, y + 300))
    header = QPointF(*window.scene.layout.phase_header(1).center)
    drag(shown, header, QPointF(header.x() + 400, header.y()))
    qtbot.mouseDClick(shown.viewport(), LEFT, pos=shown.mapFromScene(header))
    for keys in ("Del", "Ctrl+Z", "Ctrl+V", "Ctrl+D", "Ctrl+X"):
        press(qtbot, shown, keys)
    assert shown.name_editor is None  # no renaming in place
    assert window.scene.layout.cards == places
    assert [p.name for p in journey.phases] == PHASES
    assert window.document.undo_stack.count() == before["undo"][0]

    press(qtbot, shown, "Escape")
    left(qtbot, window)
    assert window_state(window) == before  # the card is selected again
    assert window.scene.selected_touchpoint_ids() == [cart]


def test_a_maximised_window_comes_back_maximised(window, qtbot):
    window.showMaximized()
    screen = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: window.isMaximized() and screen.contains(window.geometry()))
    before = window_state(window)
    press(qtbot, window, "F5")
    shown = presenting(qtbot, window)
    press(qtbot, shown, "Right")
    press(qtbot, shown, "Escape")
    left(qtbot, window)
    assert window_state(window) == before


def test_f5_in_the_window_leaves_a_presentation_that_lost_the_keys(window, qtbot):
    """Should the main window get the keys back (a click beside a full-screen window on
    another screen), F5 there ends the presentation rather than starting a second one."""
    press(qtbot, window, "F5")
    shown = presenting(qtbot, window)
    press(qtbot, window, "F5")
    left(qtbot, window)
    assert not shown.isVisible() or presenter_of(window) is None
    assert standing_out(window) == every_card(window)
    assert window.scene.view_filter == ViewFilter()
    assert Qt.WindowState.WindowFullScreen not in window.windowState()
