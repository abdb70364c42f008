"""The map fits the view on open and when the window or a dock changes size, until the
user zooms; Ctrl+0 shows 100 % with the map's top-left corner in view."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from tests.ui.driving import press
from tpmapper.render.painters import qrect


def map_in_view(window) -> bool:
    view = window.view
    bounds = view.mapFromScene(qrect(view.map_scene().layout.bounds)).boundingRect()
    return view.viewport().rect().contains(bounds)


def test_a_smaller_window_refits_the_map_until_the_user_zooms(window, qtbot):
    press(qtbot, window, "Ctrl+9")
    window.resize(1100, 700)
    qtbot.waitUntil(lambda: window.width() == 1100)
    qtbot.waitUntil(lambda: map_in_view(window))
    fitted = window.view.zoom
    press(qtbot, window, "Ctrl++")
    zoomed = window.view.zoom
    assert zoomed > fitted
    window.resize(1500, 900)
    qtbot.waitUntil(lambda: window.width() == 1500)
    assert window.view.zoom == zoomed  # the user's zoom is kept


def test_hiding_a_dock_gives_the_map_more_room_while_it_fits(window, qtbot):
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    press(qtbot, window, "Ctrl+9")
    before = window.view.zoom
    window.palette_dock.hide()
    window.inspector_dock.hide()
    window.findings_dock.hide()
    qtbot.waitUntil(lambda: window.view.zoom > before)
    assert map_in_view(window)


def test_actual_size_keeps_the_maps_top_left_corner_in_view(window, qtbot):
    press(qtbot, window, "Ctrl+9")
    press(qtbot, window, "Ctrl+0")
    view = window.view
    assert view.zoom == 1.0
    bounds = view.map_scene().layout.bounds
    corner = view.mapFromScene(QPointF(bounds.x, bounds.y))
    assert abs(corner.x() - 20) <= 2
    assert abs(corner.y() - 20) <= 2
