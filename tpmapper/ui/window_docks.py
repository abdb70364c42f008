"""The main window's docks: palette, inspector and findings (made once the map has been
painted, or when first asked for: the map appears sooner), insights (charts; made when
first shown, pyqtgraph takes ~0.3 s to import) and the undo history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QUndoView, QWidget

from tpmapper.analysis import spot_counts
from tpmapper.i18n import preferred_language
from tpmapper.ui.document import Document

if TYPE_CHECKING:
    from tpmapper.ui.findings_dock import FindingsDock
    from tpmapper.ui.insights_dock import InsightsDock
    from tpmapper.ui.inspector import Inspector
    from tpmapper.ui.palette import PaletteWidget


INSIGHTS_HEIGHT = 300  # px when first shown: the charts beside the map, not instead of it


class WindowDocks:
    """Mixed into `MainWindow` (a QMainWindow with `document`, `scene`, `view`). Its
    words are translated in the window's context ("MainWindow"), as before the split."""

    def _create_docks(self) -> None:
        # The palette and the inspector are built once the map has been painted (or when
        # first asked for): the map appears about 40 ms sooner (benchmarks/bench_startup.py).
        self._palette: PaletteWidget | None = None
        self._inspector: Inspector | None = None
        self.palette_dock = self._dock(
            QCoreApplication.translate("MainWindow", "Palette"),
            "palette",
            QWidget(self),
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self.inspector_dock = self._dock(
            QCoreApplication.translate("MainWindow", "Inspector"),
            "inspector",
            QWidget(self),
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self._findings: FindingsDock | None = None
        self.findings_dock = self._dock(
            QCoreApplication.translate("MainWindow", "Findings"),
            "findings",
            QWidget(self),
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.tabifyDockWidget(self.inspector_dock, self.findings_dock)
        self.inspector_dock.raise_()
        # Insights (charts, pyqtgraph: ~0.3 s to import) is made when first shown.
        self._insights: InsightsDock | None = None
        self.insights_dock = self._dock(
            QCoreApplication.translate("MainWindow", "Insights"),
            "insights",
            QWidget(self),
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.insights_dock.hide()
        self.insights_dock.visibilityChanged.connect(self._build_insights)
        self._findings_status = QLabel(self)
        self.statusBar().addPermanentWidget(self._findings_status)
        self.history = QUndoView(self)
        self.history.setEmptyLabel(QCoreApplication.translate("MainWindow", "<opened>"))
        self.history_dock = self._dock(
            QCoreApplication.translate("MainWindow", "Undo History"),
            "history",
            self.history,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.history_dock.hide()

    @property
    def palette(self) -> PaletteWidget:  # type: ignore[override]  # the dock's, not QWidget's
        self._build_docks()
        assert self._palette is not None
        return self._palette

    @property
    def inspector(self) -> Inspector:
        self._build_docks()
        assert self._inspector is not None
        return self._inspector

    def _build_docks(self) -> None:
        if self._inspector is not None:
            return
        from tpmapper.ui.findings_dock import FindingsDock
        from tpmapper.ui.inspector import Inspector
        from tpmapper.ui.palette import PaletteWidget

        for dock in (self.palette_dock, self.inspector_dock, self.findings_dock):
            dock.widget().deleteLater()  # the placeholder
        self._palette = PaletteWidget(preferred_language(), self)
        self.palette_dock.setWidget(self._palette)
        self._inspector = Inspector(self)
        self.inspector_dock.setWidget(self._inspector)
        self._inspector.set_document(self.document)
        self._findings = FindingsDock(self)
        self._findings.touchpoints_chosen.connect(self.select_touchpoints)
        self.findings_dock.setWidget(self._findings)
        self._findings.set_document(self.document)
        self._show_selection()

    def _build_insights(self, visible: bool) -> None:
        if not visible or self._insights is not None:
            return
        from tpmapper.ui.insights_dock import InsightsDock

        self.insights_dock.widget().deleteLater()  # the placeholder
        self._insights = InsightsDock(self)
        self._insights.touchpoints_chosen.connect(self.select_touchpoints)
        self.insights_dock.setWidget(self._insights)
        self.resizeDocks([self.insights_dock], [INSIGHTS_HEIGHT], Qt.Orientation.Vertical)
        self._insights.set_document(self.document)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState() needs it to restore the layout
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _show_docks_document(self, document: Document) -> None:
        for dock in (self._inspector, self._findings, self._insights):
            if dock is not None:
                dock.set_document(document)

    def _show_selection(self) -> None:
        if self._inspector is not None:
            self._inspector.show_touchpoints(self.scene.selected_touchpoint_ids())

    def _show_spot_counts(self) -> None:
        """The status bar's weak and blind spots (cheap: no graph questions)."""
        weak, blind = spot_counts(self.document.journey)
        self._findings_status.setText(
            QCoreApplication.translate("MainWindow", "%1 weak spots · %2 blind spots")
            .replace("%1", str(weak))
            .replace("%2", str(blind))
        )

    def select_touchpoints(self, ids: list[str]) -> None:
        """Select these cards (and nothing else) and scroll them into view. A dock may
        name a card deleted a moment ago (it refreshes after a pause): that one is skipped."""
        self.scene.clearSelection()
        area = None
        for tid in ids:
            if tid not in self.document.journey:
                continue
            card = self.scene.card(tid)
            card.setSelected(True)
            rect = card.sceneBoundingRect()
            area = rect if area is None else area.united(rect)
        if area is not None:
            self.view.ensureVisible(area, 40, 40)
