"""The Views toolbar: the map's saved views (a colour mode and a filter, kept in the map
file) a click away, Filter… for which touchpoints stand out, Save View… and Delete View.

Choosing a view or a filter changes how the map is shown, not the map: no undo step.
Saving or deleting a view changes the map: one undo step each.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QToolBar, QWidget

from tpmapper.model.edits import AddView, RemoveView
from tpmapper.model.elements import View, ViewFilter, new_id
from tpmapper.model.vocabulary import ColourMode
from tpmapper.ui.document import Document

NO_VIEW = ""  # the combo's first entry: no saved view chosen


class ViewBar(QToolBar):
    filter_changed = Signal(object)  # the ViewFilter now shown
    colour_mode_requested = Signal(object)  # a chosen view's ColourMode

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Views"))
        self.setObjectName("views")
        self.toggleViewAction().setVisible(False)  # always there, like the menu bar
        self.document: Document | None = None
        self.filter = ViewFilter()
        self.views = QComboBox(self)
        self.views.setMinimumContentsLength(16)
        self.views.activated.connect(self._choose)
        self.addWidget(QLabel(self.tr("View:"), self))
        self.addWidget(self.views)

    def add_actions(self, filter_action: QAction, save: QAction, delete: QAction) -> None:
        """The window's actions (also in its View menu) as buttons here."""
        self.addActions([filter_action, save, delete])
        self._delete = delete
        self._update_delete()

    def set_document(self, document: Document) -> None:
        if self.document is not None:
            self.document.edited.disconnect(self.refresh)
        self.document = document
        document.edited.connect(self.refresh)
        self.views.clear()  # another map: no view of it chosen yet
        self.refresh()
        self.set_filter(ViewFilter())

    def refresh(self) -> None:
        assert self.document is not None
        chosen = self.views.currentData()
        self.views.clear()
        self.views.addItem(self.tr("(none)"), NO_VIEW)
        for view in self.document.journey.views:
            self.views.addItem(view.name, view.id)
        index = self.views.findData(chosen)
        self.views.setCurrentIndex(max(0, index))
        self._update_delete()

    def chosen_view(self) -> View | None:
        assert self.document is not None
        view_id = self.views.currentData()
        views = self.document.journey.views
        return views[view_id] if view_id and view_id in views else None

    def _choose(self, _index: int) -> None:
        view = self.chosen_view()
        if view is not None:
            self.colour_mode_requested.emit(view.colour_mode)
            self.set_filter(view.filter)
        else:  # "(none)": every touchpoint again
            self.set_filter(ViewFilter())
        self._update_delete()

    def _update_delete(self) -> None:
        if hasattr(self, "_delete"):
            self._delete.setEnabled(self.document is not None and self.chosen_view() is not None)

    def set_filter(self, view_filter: ViewFilter) -> None:
        self.filter = view_filter
        self.filter_changed.emit(view_filter)

    def edit_filter(self) -> None:
        """Filter…: the dialog, then the map shows its choice."""
        from tpmapper.ui.filter_dialog import FilterDialog

        assert self.document is not None
        dialog = FilterDialog(self.document.journey, self.filter, self.window())
        if dialog.exec():  # OK (not WA_DeleteOnClose: exec() would delete it before this)
            self.set_filter(dialog.result_filter())
        dialog.deleteLater()

    def save_view(self, colour_mode: ColourMode) -> None:
        """Save View…: the current colours and filter under a name, in the map."""
        assert self.document is not None
        name, ok = QInputDialog.getText(self.window(), self.tr("Save View"), self.tr("Name:"))
        name = name.strip()
        if not ok or not name:
            return
        try:
            view = View(new_id(), name, colour_mode, self.filter)
        except ValueError as error:
            self.document.refuse(error)
            return
        if self.document.push(AddView(view), self.tr("Save view %1").replace("%1", name)):
            self.views.setCurrentIndex(self.views.findData(view.id))
            self._update_delete()

    def delete_view(self) -> None:
        view = self.chosen_view()
        if view is None:
            return
        assert self.document is not None
        self.document.push(RemoveView(view.id), self.tr("Delete view %1").replace("%1", view.name))
