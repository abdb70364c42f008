"""View ▸ Legend: a box in the view's bottom-left corner explains the cards' colours (the
colour mode's) and the symbols on the map (channel badge, gap badge, stars, counts, pain
point, positive moment); it stays in the corner while the map scrolls, and is remembered."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.ui.driving import choose, plain
from tpmapper.render import style
from tpmapper.render.colour_modes import CATEGORY_COLOURS
from tpmapper.render.legend_box import COUNT_FILL
from tpmapper.render.painters import GAP_BADGE_FILL
from tpmapper.ui.document import Document
from tpmapper.ui.main_window import MainWindow

AMBER = GAP_BADGE_FILL.name()  # the gap badge's "+2"


def corner(window) -> QRect:
    """The viewport's bottom-left corner, where the legend goes."""
    viewport = window.view.viewport().rect()
    return QRect(0, viewport.height() - 260, 560, 260)


def pixels(image: QImage, area: QRect, colour: str) -> int:
    return sum(
        image.pixelColor(x, y).name() == colour
        for x in range(max(0, area.left()), min(image.width(), area.right()))
        for y in range(max(0, area.top()), min(image.height(), area.bottom()))
    )


def seen(window, colour: str) -> int:
    """Pixels of exactly this colour in the view's bottom-left corner, as on the screen."""
    return pixels(window.view.viewport().grab().toImage(), corner(window), colour)


def scroll(window, dx: int, dy: int) -> None:
    """Turn the mouse wheel over the map (no Ctrl: it scrolls)."""
    viewport = window.view.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(dx, dy),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)


def test_the_legend_explains_colours_and_symbols_in_the_corner(window, qtbot, settings):
    assert seen(window, AMBER) == 0  # off at first: nothing in the corner
    assert seen(window, style.RATING_COLOURS[5]) == 0
    choose(qtbot, window, "View", "Legend")
    assert settings.value("view/legend", type=bool) is True
    # the rating colours' swatches (the default colour mode) and the symbols
    for colour in (*style.RATING_COLOURS.values(), style.UNRATED_COLOUR):
        assert seen(window, colour) > 20, f"no swatch of {colour}"
    assert seen(window, AMBER) > 40, "no gap badge"
    assert seen(window, style.PAIN_COLOUR) > 15, "no pain point triangle"
    assert seen(window, style.POSITIVE_COLOUR) > 15, "no positive moment's plus"
    assert seen(window, COUNT_FILL) > 100, "no count"
    assert seen(window, "#f5b400") > 15, "no stars"
    choose(qtbot, window, "View", "Legend")
    assert seen(window, AMBER) == 0
    assert settings.value("view/legend", type=bool) is False


def test_the_legend_shows_the_colour_modes_colours(window, qtbot):
    choose(qtbot, window, "View", "Legend")
    owner_colour = CATEGORY_COLOURS[1]  # the second owner's: no rating's, no symbol's
    assert seen(window, owner_colour) == 0
    choose(qtbot, window, "View", "Colour By", "Owner")
    assert seen(window, owner_colour) > 20
    assert seen(window, AMBER) > 40  # the symbols stay
    choose(qtbot, window, "View", "Colour By", "Customer Rating")
    assert seen(window, owner_colour) == 0
    assert seen(window, style.RATING_COLOURS[1]) > 20


def test_the_legend_stays_in_the_corner_while_the_map_scrolls(window, qtbot):
    choose(qtbot, window, "View", "Legend")
    window.resize(1100, 700)  # the map wider and taller than the view: it scrolls
    qtbot.waitUntil(lambda: window.width() == 1100)
    QApplication.processEvents()
    before = seen(window, AMBER)
    assert before > 40
    bars = window.view.horizontalScrollBar(), window.view.verticalScrollBar()
    start = [bar.value() for bar in bars]
    scroll(window, 0, -360)  # three notches down
    scroll(window, -240, 0)  # two notches right
    assert [bar.value() for bar in bars] != start, "nothing scrolled: the test shows nothing"
    QApplication.processEvents()
    assert seen(window, AMBER) == before


def test_the_legend_is_remembered_for_the_next_window(window, qtbot, settings):
    choose(qtbot, window, "View", "Legend")
    other = MainWindow(Document(window.document.journey), settings)
    other.resize(1200, 800)
    other.show()
    qtbot.waitExposed(other)
    view_menu = next(a.menu() for a in other.menuBar().actions() if plain(a.text()) == "View")
    legend = next(a for a in view_menu.actions() if plain(a.text()) == "Legend")
    assert legend.isChecked()
    assert pixels(other.view.viewport().grab().toImage(), corner(other), AMBER) > 40
