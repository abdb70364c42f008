"""The main window: one open map, its canvas, menus, status bar and unsaved-changes guard."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from tpmapper.exporting import FORMATS
from tpmapper.files.errors import MapFileError
from tpmapper.files.templates import load_template, templates
from tpmapper.i18n import preferred_language
from tpmapper.model import transfer
from tpmapper.model.edits import CompositeEdit, RemoveLink, RemoveTouchpoint
from tpmapper.render.colour_modes import ColourMode
from tpmapper.ui import clipboard, heap, presentation
from tpmapper.ui.canvas.items import LinkItem, TouchpointItem
from tpmapper.ui.canvas.scene import MapScene
from tpmapper.ui.canvas.view import MapView
from tpmapper.ui.colour_menu import ColourByMenu
from tpmapper.ui.document import Document
from tpmapper.ui.find_bar import FindBar
from tpmapper.ui.keys import DUPLICATE_KEYS, delete_keys, redo_keys
from tpmapper.ui.recent_files import RecentFilesMenu
from tpmapper.ui.trust import WindowTrust
from tpmapper.ui.view_bar import ViewBar
from tpmapper.ui.window_docks import WindowDocks

if TYPE_CHECKING:  # imported when first opened: start-up stays quick
    from tpmapper.model.elements import ViewFilter
    from tpmapper.ui.axes_dialog import AxesDialog
    from tpmapper.ui.exchange import Exchange

CASCADE = 32  # px a new window is offset from the one it was opened from
FILE_FILTER = "tpmapper maps (*.tpmap)"

#: Every open main window (one map each), so windows stay alive and can find each other.
OPEN_WINDOWS: list[MainWindow] = []


class MainWindow(WindowDocks, QMainWindow):
    def __init__(
        self, document: Document, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.document: Document
        self.scene: MapScene | None = None
        self._exchange: Exchange | None = None
        self._refusal_box: QMessageBox | None = None
        self._axes_dialog: AxesDialog | None = None  # open while it edits this document
        self.view = MapView(self)
        self.setCentralWidget(self.view)
        self._counts = QLabel(self)
        self._zoom = QLabel(self)
        self.statusBar().addWidget(self._counts, 1)
        self.statusBar().addPermanentWidget(self._zoom)
        self._create_docks()
        self.find_bar = FindBar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.find_bar)
        self.view_bar = ViewBar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.view_bar)
        self.trust = WindowTrust(self)  # autosave, lock, changes on disk, preferences
        self._build_actions()
        self._build_menus()
        self.view.zoom_changed.connect(self._update_status)
        self.view.first_painted.connect(self._build_docks, Qt.ConnectionType.QueuedConnection)
        self.set_document(document)
        self._restore_layout()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        OPEN_WINDOWS.append(self)

    # ------------------------------------------------------------------ document
    def set_document(self, document: Document) -> None:
        old_document, old_scene = getattr(self, "document", None), self.scene
        if self._axes_dialog is not None:  # it edits the map that is going away
            self._axes_dialog.close()
        document.setParent(self)
        self.document = document
        self.scene = MapScene(document, self)
        self.scene.show_curve(self._curve.isChecked())
        self.scene.colour_words = self.colour_menu.words()
        self._colour_by(self.colour_menu.mode)
        self.view_bar.set_document(document)
        self.trust.attach(document)
        heap.watch(document)  # its objects frozen out of the garbage collector's way
        self.view.setScene(self.scene)
        document.modified_changed.connect(self.setWindowModified)
        document.refused.connect(self._show_refusal)
        document.edited.connect(self._update_status)
        document.edited.connect(self._update_title)
        document.edited.connect(self._show_spot_counts)
        self.scene.selectionChanged.connect(self._update_actions)
        self.scene.selectionChanged.connect(self._show_selection)
        self._show_docks_document(document)
        self.history.setStack(document.undo_stack)
        stack = document.undo_stack
        self._undo.setEnabled(stack.canUndo())
        self._redo.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(self._undo.setEnabled)
        stack.canRedoChanged.connect(self._redo.setEnabled)
        self._undo.triggered.disconnect()
        self._redo.triggered.disconnect()
        self._undo.triggered.connect(stack.undo)
        self._redo.triggered.connect(stack.redo)
        if old_document is not None:
            old_document.close()
            old_document.deleteLater()
        if old_scene is not None:
            old_scene.deleteLater()
        self.setWindowModified(document.is_modified)
        self._update_title()
        self._update_status()
        self._show_spot_counts()
        self._update_actions()
        if document.path is not None:
            self.recent.remember(document.path)

    def _update_title(self) -> None:
        document = self.document
        where = document.path.name if document.path is not None else document.origin
        parts = [f"{document.display_name}[*]", *([where] if where else []), "tpmapper"]
        self.setWindowTitle(" — ".join(parts))

    def _show_filter(self, view_filter: ViewFilter) -> None:
        self.scene.set_filter(view_filter)

    def _colour_by(self, mode: ColourMode) -> None:
        self.scene.colour_title = self.colour_menu.title(mode)
        self.scene.colour_by(mode)
        self.view.viewport().update()  # the legend in the corner

    def _show_curve(self, shown: bool) -> None:
        """View ▸ Experience Curve: the band under the grid, remembered for next time."""
        self.scene.show_curve(shown)
        self.settings.setValue("view/curve", shown)

    def _show_refusal(self, message: str) -> None:
        """A refused edit: say why, once the widget that pushed it has settled (a modal
        box opened inside a focus change would make that widget commit again)."""
        self.statusBar().showMessage(message, 8000)
        QTimer.singleShot(0, self, lambda: self._open_refusal_box(message))

    def _open_refusal_box(self, message: str) -> None:
        """One box at a time: a refusal while it is open replaces its text."""
        box = self._refusal_box
        if box is None or not box.isVisible():
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not possible"), "", parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)  # the model's words, never markup
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.setWindowModality(Qt.WindowModality.WindowModal)
            box.destroyed.connect(lambda: setattr(self, "_refusal_box", None))
            self._refusal_box = box
        box.setText(message)
        box.open()

    def _update_status(self) -> None:
        journey = self.document.journey
        self._counts.setText(
            self.tr("%1 touchpoints · %2 links · %3 phases · %4 lanes")
            .replace("%1", str(len(journey)))
            .replace("%2", str(journey.link_count()))
            .replace("%3", str(len(journey.phases)))
            .replace("%4", str(len(journey.lanes)))
        )
        self._zoom.setText(f"{round(self.view.zoom * 100)} %")

    def _update_actions(self) -> None:
        self._delete.setEnabled(bool(self.scene.selectedItems()))
        has_cards = bool(self.scene.selected_cards())
        for action in (self._cut, self._copy, self._duplicate):
            action.setEnabled(has_cards)

    # ------------------------------------------------------------------ actions
    def _action(
        self,
        text: str,
        slot,
        shortcut: QKeySequence.StandardKey | str | None = None,
        fallback: str | None = None,
    ) -> QAction:
        """An action with the platform's standard shortcuts, or `fallback` where it has none."""
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            bindings = QKeySequence.keyBindings(shortcut)
            action.setShortcuts(bindings if bindings or not fallback else [QKeySequence(fallback)])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self._new = self._action(self.tr("&New from Template…"), self.new_from_template, key.New)
        self._open = self._action(self.tr("&Open…"), self.open_dialog, key.Open)
        self._save = self._action(self.tr("&Save"), self.save, key.Save)
        self._save_as = self._action(self.tr("Save &As…"), self.save_as, key.SaveAs)
        self._close = self._action(self.tr("&Close"), self.close, key.Close)
        self._quit = self._action(self.tr("&Quit"), self.quit_all, key.Quit, "Ctrl+Q")
        self._undo = self._action(self.tr("&Undo"), lambda: None, key.Undo)
        self._redo = self._action(self.tr("&Redo"), lambda: None, key.Redo)
        self._redo.setShortcuts(redo_keys())
        self._cut = self._action(self.tr("Cu&t"), self.cut, key.Cut)
        self._copy = self._action(self.tr("&Copy"), self.copy, key.Copy)
        self._paste = self._action(self.tr("&Paste"), self.paste, key.Paste)
        self._duplicate = self._action(self.tr("D&uplicate"), self.duplicate, DUPLICATE_KEYS)
        self._delete = self._action(self.tr("&Delete"), self.delete_selection)
        self._delete.setShortcuts(delete_keys())
        self._select_all = self._action(self.tr("Select &All"), self.select_all, key.SelectAll)
        self._find = self._action(self.tr("&Find…"), self.find_bar.start, key.Find)
        self._zoom_in = self._action(self.tr("Zoom &In"), self.view.zoom_in, key.ZoomIn)
        self._zoom_out = self._action(self.tr("Zoom &Out"), self.view.zoom_out, key.ZoomOut)
        self._zoom_reset = self._action(self.tr("&Actual Size"), self.view.reset_zoom, "Ctrl+0")
        self._axes = self._action(self.tr("&Phases and Lanes…"), self.edit_axes, "Ctrl+Shift+L")
        self._properties = self._action(self.tr("Map P&roperties…"), self.edit_properties)
        self._fit = self._action(self.tr("&Fit to Window"), self.view.fit, "Ctrl+9")
        self._present = self._action(self.tr("&Present"), lambda: presentation.toggle(self), "F5")
        self._curve = self._action(self.tr("Experience &Curve"), self._show_curve)
        self._curve.setCheckable(True)
        self._curve.setChecked(self.settings.value("view/curve", True, type=bool))
        self._legend = self.view.legend_toggle(self.settings)  # View ▸ Legend, remembered
        self.colour_menu = ColourByMenu(self.settings, self)
        self.colour_menu.chosen.connect(self._colour_by)
        self._filter = self._action(self.tr("&Filter…"), self.view_bar.edit_filter, "Ctrl+Shift+F")
        self._save_view = self._action(
            self.tr("&Save View…"), lambda: self.view_bar.save_view(self.colour_menu.mode)
        )
        self._delete_view = self._action(self.tr("&Delete View"), self.view_bar.delete_view)
        self.view_bar.add_actions(self._filter, self._save_view, self._delete_view)
        self.view_bar.filter_changed.connect(self._show_filter)
        self.view_bar.colour_mode_requested.connect(self.colour_menu.set_mode)
        self._import_excel = self._action(
            self.tr("&Import Excel Workbook…"), lambda: self.exchange().import_excel()
        )
        self._exports = [  # one item per registered format
            self._action(
                QCoreApplication.translate("ExportFormat", fmt.menu_text),
                lambda _checked=False, k=fmt.kind: self.exchange().export(k),
            )
            for fmt in FORMATS
        ]

    def exchange(self) -> Exchange:
        """Import and export, set up on first use (keeps their widgets out of start-up)."""
        if self._exchange is None:
            from tpmapper.ui.exchange import Exchange

            self._exchange = Exchange(self)
        return self._exchange

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self._new, self._open])
        self.recent = RecentFilesMenu(self.tr("Open &Recent"), self.settings, file_menu)
        self.recent.chosen.connect(self.open_path)
        file_menu.addMenu(self.recent)
        file_menu.aboutToShow.connect(self.recent.update_enabled)
        file_menu.addSeparator()
        file_menu.addActions([self._save, self._save_as])
        file_menu.addSeparator()
        file_menu.addAction(self._import_excel)
        export_menu = file_menu.addMenu(self.tr("&Export"))
        export_menu.addActions(self._exports)
        file_menu.addSeparator()
        file_menu.addActions([self._close, self._quit])
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self._undo, self._redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self._cut, self._copy, self._paste, self._duplicate, self._delete])
        edit_menu.addSeparator()
        edit_menu.addActions([self._select_all, self._find])
        self.trust.add_preferences(edit_menu)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self._zoom_in, self._zoom_out, self._zoom_reset, self._fit])
        view_menu.addAction(self._present)
        view_menu.addSeparator()
        view_menu.addActions([self._curve, self._legend])
        view_menu.addMenu(self.colour_menu)
        view_menu.addActions([self._filter, self._save_view, self._delete_view])
        view_menu.addAction(self.palette_dock.toggleViewAction())
        map_menu = bar.addMenu(self.tr("&Map"))
        map_menu.addActions([self._axes, self._properties])
        view_menu.addAction(self.inspector_dock.toggleViewAction())
        view_menu.addAction(self.findings_dock.toggleViewAction())
        view_menu.addAction(self.insights_dock.toggleViewAction())
        view_menu.addAction(self.history_dock.toggleViewAction())

    # ------------------------------------------------------------------ edits
    def delete_selection(self) -> None:
        selected = self.scene.selectedItems()
        cards = [i.touchpoint_id for i in selected if isinstance(i, TouchpointItem)]
        links = [i.key for i in selected if isinstance(i, LinkItem)]
        links = [k for k in links if k[0] not in cards and k[1] not in cards]
        if not cards and not links:
            return
        edit = CompositeEdit(
            [*(RemoveLink(*k) for k in links), *(RemoveTouchpoint(t) for t in cards)]
        )
        self.document.push(edit, self.tr("Delete %n item(s)", "", len(cards) + len(links)))

    def copy(self) -> bool:
        ids = self.scene.selected_touchpoint_ids()
        if ids:
            clipboard.put(transfer.extract(self.document.journey, ids))
        return bool(ids)

    def cut(self) -> None:
        if self.copy():
            self.delete_selection()

    def paste(self) -> None:
        part = clipboard.get()
        if part is not None:
            self._insert(part, self.tr("Paste %n touchpoint(s)", "", len(part)))

    def duplicate(self) -> None:
        ids = self.scene.selected_touchpoint_ids()
        if ids:
            part = transfer.extract(self.document.journey, ids)
            self._insert(part, self.tr("Duplicate %n touchpoint(s)", "", len(ids)))

    def _insert(self, part, text: str) -> None:
        try:
            edit, new_ids = transfer.paste_edit(part, self.document.journey)
        except ValueError as error:
            self.document.refuse(error)
            return
        if self.document.push(edit, text):
            self.scene.clearSelection()
            for tid in new_ids:
                self.scene.card(tid).setSelected(True)

    def edit_axes(self) -> None:
        """Open Phases and Lanes, or bring it forward when it is open already."""
        from tpmapper.ui.axes_dialog import AxesDialog

        dialog = self._axes_dialog
        if dialog is None:
            dialog = self._axes_dialog = AxesDialog(self.document, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _result: setattr(self, "_axes_dialog", None))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def edit_properties(self) -> None:
        """Map properties live in the inspector, shown when no card is selected."""
        self.scene.clearSelection()
        self.inspector_dock.show()
        self.inspector.map_title.setFocus()

    def select_all(self) -> None:
        for item in self.scene.items():
            if isinstance(item, TouchpointItem):
                item.setSelected(True)

    # ------------------------------------------------------------------ files
    def _may_discard(self) -> bool:
        """Ask before unsaved changes would be lost; True when it is fine to go on."""
        if not self.document.is_modified:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to “%1” before closing?").replace(
                "%1", self.document.display_name
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    @property
    def is_pristine(self) -> bool:
        """An unsaved map nobody has touched yet (the sample at start, a fresh template)."""
        document = self.document
        untouched = document.undo_stack.count() == 0 and not document.is_modified
        return document.path is None and untouched

    def show_document(self, document: Document) -> MainWindow:
        """Show a map here if this window holds nothing of value, else in a new window."""
        if self.is_pristine:
            self.set_document(document)
            window = self
        else:
            window = MainWindow(document, self.settings)
            window.resize(self.size())
            window.move(self.pos() + QPoint(CASCADE, CASCADE))  # not exactly on top of this one
            window.show()
        window.view.fit()
        window.activateWindow()
        return window

    def open_path(self, path: Path) -> MainWindow | None:
        """Open a map file (or bring forward the window that has it open already)."""
        resolved = Path(path).resolve()
        for window in OPEN_WINDOWS:
            if window.document.path is not None and window.document.path.resolve() == resolved:
                window.activateWindow()
                window.raise_()
                return window
        try:
            document = self.trust.open(path)  # None: the user cancelled (in use elsewhere)
        except MapFileError as error:
            QMessageBox.warning(self, self.tr("Cannot open the map"), str(error))
            return None
        return self.show_document(document) if document is not None else None

    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Map"), self.recent.last_folder(), FILE_FILTER
        )
        if name:
            self.open_path(Path(name))

    def new_from_template(self) -> None:
        language = preferred_language()
        choices = templates(language)
        titles = [t.title for t in choices]
        title, ok = QInputDialog.getItem(
            self, self.tr("New Map"), self.tr("Template:"), titles, 0, False
        )
        if ok:
            chosen = choices[titles.index(title)]
            self.show_document(Document(load_template(chosen.name, language)))

    @staticmethod
    def quit_all() -> None:
        """Close every window; each asks about its unsaved changes, and may refuse."""
        for window in list(OPEN_WINDOWS):
            if not window.close():
                return

    def save(self) -> bool:
        return self.trust.save()  # Save As when new or read-only; asks if changed on disk

    def save_as(self) -> bool:
        suggested = str(Path(self.recent.last_folder()) / f"{self.document.display_name}.tpmap")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save Map As"), suggested, FILE_FILTER)
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".tpmap":
            path = path.with_name(path.name + ".tpmap")
        return self.trust.may_save_as(path) and self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except MapFileError as error:
            QMessageBox.critical(self, self.tr("Cannot save the map"), str(error))
            return False
        self.recent.remember(path)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 4000)
        return True

    # ------------------------------------------------------------------ settings
    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_discard():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        if self in OPEN_WINDOWS:
            OPEN_WINDOWS.remove(self)
        self.document.close()  # its recovery copy and lock go
        event.accept()
