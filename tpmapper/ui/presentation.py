"""View ▸ Present (F5): the map full screen, one phase at a time, for a meeting room.

A window of its own shows the main window's scene: the main window itself is left as it
was (geometry, maximised or not, docks, toolbars, zoom and scroll), so leaving restores it
exactly, and its shortcuts (undo, delete, paste …) cannot reach the map while presenting.
The view is not interactive: no drags, no selection, no renaming, no edit, no undo step.

The presented phase stands out: the cards of the other phases are dimmed through the
scene's filter (combined with the user's own filter, which stays applied, as does the
colour mode), their headers and cells are veiled, and the phase is framed. The zoom makes
the phase fill the screen's height (or width, for a wide phase). Right, Down, Page Down,
Space and Enter (what presentation clickers send) step on; Left, Up, Page Up and Backspace
step back; Home and End jump to the first and last phase; Esc or F5 leaves. A caption at
the bottom ("Phase 2 of 5 · Consideration") fades out after a moment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEasingCurve, QEvent, QPropertyAnimation, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsOpacityEffect,
    QGraphicsView,
    QLabel,
    QWidget,
)

from tpmapper.model.elements import ViewFilter, new_id
from tpmapper.render.painters import qrect
from tpmapper.ui.canvas.items import LinkItem
from tpmapper.ui.canvas.scene import MapScene
from tpmapper.ui.canvas.view import MAX_ZOOM, MIN_ZOOM, OVERVIEW_ZOOM, MapView

if TYPE_CHECKING:
    from tpmapper.ui.main_window import MainWindow

Key = Qt.Key
NEXT_KEYS = {Key.Key_Right, Key.Key_Down, Key.Key_PageDown, Key.Key_Space}
NEXT_KEYS |= {Key.Key_Return, Key.Key_Enter, Key.Key_N}
PREVIOUS_KEYS = {Key.Key_Left, Key.Key_Up, Key.Key_PageUp, Key.Key_Backspace, Key.Key_P}
LEAVE_KEYS = {Key.Key_Escape, Key.Key_F5}
MARGIN = 24  # scene units kept free around the map
WHOLE_MAP_SHARE = 0.9  # the whole map's width is shown if that keeps this much of the zoom
HEADER_VEIL = QColor(255, 255, 255, 175)  # over the other phases' headers: muted
CELL_VEIL = QColor(255, 255, 255, 120)  # over their cells (their cards are dimmed too)
FRAME_WIDTH = 4  # px, around the presented phase
CAPTION_SHOWN_MS = 2500  # then it fades out
CAPTION_FADE_MS = 900


def toggle(window: MainWindow) -> None:
    """View ▸ Present: start presenting the window's map, or stop when it is presented."""
    presenting = presenter_of(window)
    if presenting is not None:
        presenting.close()
    else:
        PresentationView(window).start()


def presenter_of(window: QWidget) -> PresentationView | None:
    """The presentation open over `window`, if any."""
    for child in window.findChildren(PresentationView):
        if child.isVisible():
            return child
    return None


def phase_filter(user_filter: ViewFilter, phase_id: str) -> ViewFilter:
    """The user's filter, narrowed to one phase: a card stands out when it is in the phase
    and the user's filter lets it through."""
    if user_filter.phases and phase_id not in user_filter.phases:
        return user_filter.with_changes(phases=(new_id(),))  # an id nothing has: all dimmed
    return user_filter.with_changes(phases=(phase_id,))


class Caption(QLabel):
    """“Phase 2 of 5 · Consideration” at the bottom of the screen; fades out after a while."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(
            "QLabel { background: rgba(31, 41, 51, 200); color: white;"
            " border-radius: 10px; padding: 8px 22px; }"
        )
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.setFont(font)
        self._effect = QGraphicsOpacityEffect(self)
        self.setGraphicsEffect(self._effect)
        self._fade = QPropertyAnimation(self._effect, b"opacity", self)
        self._fade.setDuration(CAPTION_FADE_MS)
        self._fade.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._fade.setEndValue(0.0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CAPTION_SHOWN_MS)
        self._timer.timeout.connect(self._fade.start)

    def show_text(self, text: str) -> None:
        self._fade.stop()
        self._effect.setOpacity(1.0)
        self.setText(text)
        self.adjustSize()
        self.place()
        self.show()
        self.raise_()
        self._timer.start()

    @property
    def opacity(self) -> float:
        return self._effect.opacity()

    def place(self) -> None:
        """Centred at the bottom of the parent."""
        parent = self.parentWidget()
        self.move((parent.width() - self.width()) // 2, parent.height() - self.height() - 28)


class PresentationView(MapView):
    """The scene of a main window, full screen and read-only, one phase at a time."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        title = window.windowTitle().replace("[*]", "")
        self.setWindowTitle(self.tr("Presenting — %1").replace("%1", title))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setInteractive(False)  # no selection, drags, hover or renaming in the scene
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setAcceptDrops(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fitting = False  # MapView's own fitting: the presentation frames its phases
        self._window = window
        scene = window.scene
        assert scene is not None
        self._map_scene: MapScene = scene
        self._user_filter = scene.view_filter
        self._applied: ViewFilter | None = None  # the filter this presentation set
        self._selected_cards = scene.selected_touchpoint_ids()
        self._selected_links = [i.key for i in scene.selectedItems() if isinstance(i, LinkItem)]
        self._focus = QApplication.focusWidget()
        self._restored = False
        self.phase_index = 0
        self.caption = Caption(self)
        scene.clearSelection()  # no selection rings on the slides; it comes back after
        self._empty_hint, scene.empty_hint = scene.empty_hint, ""  # no "Drop … here" either
        scene.update()
        self.setScene(scene)
        scene.document.edited.connect(self._refresh)

    # ------------------------------------------------------------------ entering and leaving
    def start(self) -> None:
        """Full screen on the main window's screen, from the phase of the selected cards
        (the first phase when none is selected)."""
        journey = self._map_scene.journey
        phases = journey.phases.ids()
        chosen = [journey.touchpoint(t).phase for t in self._selected_cards]
        first = phases.index(chosen[0]) if chosen and chosen[0] in phases else 0
        screen = self._window.screen()
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.activateWindow()
        self.setFocus()
        self.show_phase(first)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._restore()
        super().closeEvent(event)

    def _restore(self) -> None:
        """Give the main window back its map as it showed it: the user's filter, the
        selection, and the overview as the main view's zoom wants it."""
        if self._restored:
            return
        self._restored = True
        scene, window = self._map_scene, self._window
        if not shiboken6.isValid(scene):  # the map was replaced meanwhile
            return
        scene.document.edited.disconnect(self._refresh)
        scene.rename_requested.disconnect(self.edit_name)
        scene.label_requested.disconnect(self.edit_label)
        scene.empty_hint = self._empty_hint
        scene.update()
        if scene.view_filter == self._applied:  # else the user chose another one meanwhile
            scene.set_filter(self._user_filter)
        for tid in self._selected_cards:
            if tid in scene.journey:
                scene.card(tid).setSelected(True)
        for source, target in self._selected_links:
            if scene.journey.has_link(source, target):
                scene.select_link(source, target)
        scene.set_overview(window.view.zoom < OVERVIEW_ZOOM)
        window.activateWindow()
        if self._focus is not None and shiboken6.isValid(self._focus):
            self._focus.setFocus()

    # ------------------------------------------------------------------ phases
    @property
    def phase_count(self) -> int:
        return len(self._map_scene.journey.phases)

    def show_phase(self, index: int) -> None:
        """Present the phase at `index` (kept within the map's phases)."""
        journey = self._map_scene.journey
        if not len(journey.phases):
            return
        index = max(0, min(len(journey.phases) - 1, index))
        self.phase_index = index
        phase = journey.phases.at(index)
        self._applied = phase_filter(self._user_filter, phase.id)
        self._map_scene.set_filter(self._applied)
        self._frame()
        self.caption.show_text(
            self.tr("Phase %1 of %2 · %3")
            .replace("%1", str(index + 1))
            .replace("%2", str(len(journey.phases)))
            .replace("%3", phase.name)
        )
        self.viewport().update()

    def _refresh(self) -> None:
        """The map changed (in a dialog left open): the same phase, laid out anew."""
        self.show_phase(self.phase_index)

    def _frame(self) -> None:
        """Zoom so the phase fills the screen's height (or its width, for a wide phase),
        with the map's other phases beside it as far as they fit."""
        layout = self._map_scene.layout
        if not layout.columns:
            return
        column = layout.columns[min(self.phase_index, len(layout.columns) - 1)]
        bounds = layout.bounds
        lanes = layout.metrics.lane_header_width
        viewport = self.viewport().rect()
        zoom = min(
            viewport.height() / (bounds.height + 2 * MARGIN),
            viewport.width() / (lanes + column.width + 2 * MARGIN),
        )
        whole = viewport.width() / (bounds.width + 2 * MARGIN)
        if whole >= WHOLE_MAP_SHARE * zoom:  # nearly fits anyway: all of it, centred
            zoom = min(zoom, whole)
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        width = viewport.width() / zoom  # scene units in view
        if bounds.width + 2 * MARGIN <= width + 1e-6:
            centre_x = bounds.x + bounds.width / 2
        else:  # the phase in the middle of what the pinned lane headers leave free
            left = column.x + column.width / 2 - lanes - (width - lanes) / 2
            left = max(bounds.x - MARGIN, min(bounds.right + MARGIN - width, left))
            centre_x = left + width / 2
        self.setTransform(QTransform.fromScale(zoom, zoom))
        self.centerOn(centre_x, bounds.y + bounds.height / 2)
        self._zoomed()

    # ------------------------------------------------------------------ input
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            event.accept()  # no shortcuts while presenting
        elif key in NEXT_KEYS:
            self.show_phase(self.phase_index + 1)
        elif key in PREVIOUS_KEYS:
            self.show_phase(self.phase_index - 1)
        elif key == Key.Key_Home:
            self.show_phase(0)
        elif key == Key.Key_End:
            self.show_phase(self.phase_count - 1)
        elif key in LEAVE_KEYS:
            self.close()
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click steps on, as in a slide show; nothing in the map is touched."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.show_phase(self.phase_index + 1)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.accept()  # the frame stays where the phase put it

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            return True  # no tooltips on the slides
        return super().viewportEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        QGraphicsView.resizeEvent(self, event)  # not MapView's fitting
        self._frame()
        self.caption.place()

    # ------------------------------------------------------------------ drawing
    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """The other phases veiled, their headers muted, and the phase framed."""
        layout = self._map_scene.layout
        current = self.phase_index
        band = layout.curve  # the experience curve under the other phases too
        for index, column in enumerate(layout.columns):
            if index != current:
                painter.fillRect(qrect(column), CELL_VEIL)
                if band is not None:
                    painter.fillRect(QRectF(column.x, band.y, column.width, band.height), CELL_VEIL)
        super().drawForeground(painter, rect)  # the pinned headers, the legend
        if current >= len(layout.columns):
            return
        top, _left = self._pinned_offsets()
        for index in range(len(layout.columns)):
            if index != current:
                painter.fillRect(qrect(layout.phase_header(index)).translated(0, top), HEADER_VEIL)
        header = qrect(layout.phase_header(current)).translated(0, top)
        frame = header.united(qrect(layout.columns[current]))
        colour = QColor(self._map_scene.journey.phases.at(current).colour).darker(130)
        pen = QPen(colour, FRAME_WIDTH)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = FRAME_WIDTH / 2 / max(self.zoom, MIN_ZOOM)
        painter.drawRect(frame.adjusted(half, half, -half, -half))
        painter.restore()
