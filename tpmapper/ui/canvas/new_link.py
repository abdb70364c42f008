"""The "new link" gesture: drag from a card's handle to another card to connect them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from tpmapper.model.edits import AddLink
from tpmapper.model.elements import Link
from tpmapper.render import painters, style

if TYPE_CHECKING:
    from tpmapper.ui.canvas.scene import MapScene


class NewLinkInteraction:
    """Shows a rubber arrow from the source card while dragging; finishing over a card
    pushes one AddLink edit. Releasing over the source card itself adds a loop only when
    the pointer left the card on the way; elsewhere it cancels."""

    def __init__(self, scene: MapScene, source_id: str) -> None:
        self.scene = scene
        self.source_id = source_id
        self._left_source = False
        self._line = QGraphicsPathItem()
        self._line.setPen(QPen(QColor(style.SELECTION_COLOUR), 2, Qt.PenStyle.DashLine))
        self._line.setZValue(50)
        scene.addItem(self._line)

    def _card_rect(self):
        return painters.qrect(self.scene.layout.cards[self.source_id])

    def move(self, point: QPointF) -> None:
        rect = self._card_rect()
        if not rect.contains(point):
            self._left_source = True
        start = QPointF(rect.right(), rect.center().y())
        path = QPainterPath(start)
        path.cubicTo(start + QPointF(40, 0), point - QPointF(40, 0), point)
        self._line.setPath(path)

    def finish(self, point: QPointF) -> bool:
        """True when a link was added."""
        self.cancel()
        target = self.scene.touchpoint_at(point)
        if target is None or (target == self.source_id and not self._left_source):
            return False
        if self.scene.journey.has_link(self.source_id, target):
            return False
        text = QCoreApplication.translate("NewLinkInteraction", "Connect touchpoints")
        return self.scene.document.push(AddLink(Link(self.source_id, target)), text)

    def cancel(self) -> None:
        if self._line.scene() is not None:
            self.scene.removeItem(self._line)
