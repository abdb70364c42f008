"""What a user sees while working: the drop target during a drag, a new map laid out in
view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import _send
from tests.ui.driving import choose, pick_item, press
from tpmapper.render import style
from tpmapper.render.painters import qrect

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


def cell_rect(window, phase: str, lane: str) -> QRect:
    layout = window.view.map_scene().layout
    cell = layout.cell_rect(layout.phase_ids.index(phase), layout.lane_ids.index(lane))
    return window.view.mapFromScene(qrect(cell)).boundingRect()


def marked_pixels(image: QImage, area: QRect) -> int:
    """Pixels of the selection blue along the inside of the cell's left edge."""
    blue = QColor(style.SELECTION_COLOUR)
    x = area.left() + 3  # the middle of the dashed pen
    found = 0
    for y in range(area.top() + 8, area.bottom() - 8):
        pixel = image.pixelColor(x, y)
        if abs(pixel.red() - blue.red()) + abs(pixel.green() - blue.green()) < 60:
            found += pixel.blue() > 150
    return found


def test_the_cell_under_a_dragged_card_is_highlighted_on_screen(window):
    scene = window.view.map_scene()
    cart = next(tp.id for tp in window.document.journey.touchpoints() if tp.name == "Shopping cart")
    target = cell_rect(window, "after", "earned")
    assert marked_pixels(window.view.viewport().grab().toImage(), target) == 0
    start = window.view.mapFromScene(QPointF(*scene.layout.cards[cart].center))
    end = target.center()
    _send(window.view, QEvent.Type.MouseButtonPress, start, LEFT, LEFT, NO_KEYS)
    for i in range(1, 6):
        _send(
            window.view, QEvent.Type.MouseMove, start + (end - start) * (i / 5), NONE, LEFT, NO_KEYS
        )
    QApplication.processEvents()
    assert marked_pixels(window.view.viewport().grab().toImage(), target) > 10
    _send(window.view, QEvent.Type.MouseButtonRelease, end, LEFT, NONE, NO_KEYS)
    QApplication.processEvents()
    assert marked_pixels(window.view.viewport().grab().toImage(), target) == 0


def test_a_new_map_in_the_default_window_shows_its_first_column(window, qtbot, dialogs):
    window.resize(1280, 800)  # the size a first start has
    qtbot.waitUntil(lambda: window.width() == 1280)
    window.document.undo_stack.setClean()  # pristine: the new map replaces the sample
    dialogs.answer(pick_item("Customer journey in three phases"))
    press(qtbot, window, "Ctrl+N")
    assert [p.name for p in window.document.journey.phases] == [
        "Before purchase",
        "Purchase",
        "After purchase",
    ]
    view = window.view
    layout = view.map_scene().layout
    first = view.mapFromScene(qrect(layout.phase_header(0))).boundingRect()
    lanes_right = view.mapFromScene(QPointF(layout.metrics.lane_header_width, 0)).x()
    assert first.left() >= lanes_right - 1, "the lane headers cover the first column"
    bounds = view.mapFromScene(qrect(layout.bounds)).boundingRect()
    assert view.viewport().rect().contains(bounds), "the new map is not all in view"


def test_the_cell_under_a_palette_drag_is_highlighted_until_it_leaves(window):
    from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent

    from tpmapper.ui.palette import palette_mime

    target = cell_rect(window, "purchase", "paid")
    data = palette_mime("Coupon", {})
    for kind in (QDragEnterEvent, QDragMoveEvent):  # what Qt sends while a drag passes by
        event = kind(target.center(), Qt.DropAction.CopyAction, data, LEFT, NO_KEYS)
        QApplication.sendEvent(window.view.viewport(), event)
    QApplication.processEvents()
    assert marked_pixels(window.view.viewport().grab().toImage(), target) > 10
    QApplication.sendEvent(window.view.viewport(), QDragLeaveEvent())
    QApplication.processEvents()
    assert marked_pixels(window.view.viewport().grab().toImage(), target) == 0


def test_the_experience_curve_is_shown_under_the_grid_and_toggled_from_the_view_menu(
    window, qtbot, settings
):
    scene = window.view.map_scene()
    assert scene.layout.curve is not None  # on by default
    band = window.view.mapFromScene(qrect(scene.layout.curve)).boundingRect()
    image = window.view.viewport().grab().toImage()
    blue = QColor("#1565c0")  # the customer line (render/curve.py)
    line = sum(
        abs(image.pixelColor(x, y).blue() - blue.blue()) < 30
        and abs(image.pixelColor(x, y).red() - blue.red()) < 30
        for x in range(band.left() + 160, band.right(), 3)
        for y in range(band.top(), band.bottom(), 2)
    )
    assert line > 20, "no customer line in the curve's band"
    choose(qtbot, window, "View", "Experience Curve")
    assert scene.layout.curve is None
    assert settings.value("view/curve", type=bool) is False
    choose(qtbot, window, "View", "Experience Curve")
    assert scene.layout.curve is not None


def test_the_curve_follows_a_rating_edit(window, qtbot):
    scene = window.view.map_scene()
    before = scene.curve_averages[1][0]  # Purchase, customer
    cart = next(tp.id for tp in window.document.journey.touchpoints() if tp.name == "Shopping cart")
    window.scene.card(cart).setSelected(True)
    combo = window.inspector.fields["customer_rating"].widget
    combo.setFocus()
    press(qtbot, combo, "End")  # the last entry: five stars
    assert window.document.journey.touchpoint(cart).customer_rating == 5
    assert scene.curve_averages[1][0] > before
