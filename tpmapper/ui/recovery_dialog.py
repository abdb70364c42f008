"""Recover Unsaved Work: at start, the recovery copies that a crashed or killed tpmapper
left behind, offered back (Recover), thrown away (Discard) or kept for the next start
(Later).

A recovered map opens as unsaved changes to its own file: the file is opened as it is on
disk and the recovered content replaces it as one undo step ("Recovered changes"), so
Ctrl+S writes it where it belongs and Ctrl+Z shows the file's version. A map that was
never saved (or whose file is gone) opens as an unsaved map. The copy stays until the
recovered map is saved or closed: a crash meanwhile loses nothing either.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from tpmapper.files.errors import MapFileError
from tpmapper.files.recovery import RecoveryCopy, RecoveryStore
from tpmapper.ui.dialog_icon import message_layout
from tpmapper.ui.document import Document
from tpmapper.ui.file_lock import open_document
from tpmapper.ui.user_folders import recovery_folder

if TYPE_CHECKING:
    from tpmapper.ui.main_window import MainWindow


VISIBLE_ROWS = 6  # the list grows up to this many rows, then scrolls


def autosaved_text(seconds: float) -> str:
    """When a copy was written, as the user's locale writes a date and time (ISO 8601 in
    the C locale, whose own format is "29 11 2026 18:04")."""
    moment = QDateTime.fromSecsSinceEpoch(int(seconds))
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return moment.toString("yyyy-MM-dd HH:mm")
    return locale.toString(moment, QLocale.FormatType.ShortFormat)


class Choice(Enum):
    RECOVER = "recover"
    DISCARD = "discard"
    LATER = "later"


class RecoveryDialog(QDialog):
    """Lists the copies (each checked), and asks what to do with the checked ones."""

    def __init__(self, copies: list[RecoveryCopy], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.copies = copies
        self.choice = Choice.LATER
        self.setWindowTitle(self.tr("Recover Unsaved Work"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

        heading = QLabel(
            self.tr("tpmapper closed before %n map(s) were saved.", "", len(copies)), self
        )
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        explain = QLabel(
            self.tr(
                "Recover opens the checked maps with their unsaved changes, ready to be saved. "
                "Discard deletes them. Later asks again the next time tpmapper starts."
            ),
            self,
        )
        explain.setWordWrap(True)

        self.table = self._table(copies)
        buttons = self._buttons()

        layout = message_layout(
            self, QStyle.StandardPixmap.SP_MessageBoxInformation, [heading, explain]
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, self.sizeHint().height())
        self.recover_button.setFocus()  # Enter recovers; Tab reaches the list

    def _table(self, copies: list[RecoveryCopy]) -> QTreeWidget:
        table = QTreeWidget(self)
        table.setObjectName("recovery_copies")
        table.setRootIsDecorated(False)
        table.setUniformRowHeights(True)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setHeaderLabels(
            [self.tr("Map"), self.tr("File"), self.tr("Autosaved"), self.tr("Changes")]
        )
        for copy in copies:
            table.addTopLevelItem(self._row(copy))
        header = table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        rows = max(1, min(len(copies), VISIBLE_ROWS))
        row_height = table.sizeHintForRow(0) if copies else header.sizeHint().height()
        height = header.sizeHint().height() + row_height * rows + 2 * table.frameWidth() + 2
        table.setMinimumHeight(height)
        if len(copies) <= VISIBLE_ROWS:
            table.setMaximumHeight(height)
        table.itemChanged.connect(self._update_buttons)
        return table

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.recover_button = buttons.addButton(
            self.tr("&Recover"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.recover_button.setObjectName("recover")
        self.discard_button = buttons.addButton(
            self.tr("&Discard"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.discard_button.setObjectName("discard")
        self.later_button = buttons.addButton(
            self.tr("&Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.later_button.setObjectName("later")
        self.recover_button.setDefault(True)
        self.recover_button.clicked.connect(lambda: self._done(Choice.RECOVER))
        self.discard_button.clicked.connect(lambda: self._done(Choice.DISCARD))
        self.later_button.clicked.connect(lambda: self._done(Choice.LATER))
        return buttons

    def _row(self, copy: RecoveryCopy) -> QTreeWidgetItem:
        info = copy.info
        where = info.file if info.file is not None else self.tr("unsaved map")
        when = autosaved_text(info.saved_at.timestamp())
        item = QTreeWidgetItem([info.title, where, when, str(info.changes)])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked)
        item.setToolTip(1, where)
        item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def checked(self) -> list[RecoveryCopy]:
        return [
            copy
            for index, copy in enumerate(self.copies)
            if self.table.topLevelItem(index).checkState(0) == Qt.CheckState.Checked
        ]

    def _update_buttons(self) -> None:
        some = bool(self.checked())
        self.recover_button.setEnabled(some)
        self.discard_button.setEnabled(some)

    def _done(self, choice: Choice) -> None:
        self.choice = choice
        if choice is Choice.LATER:
            self.reject()
        else:
            self.accept()


def offer_recovery(window: MainWindow, store: RecoveryStore | None = None) -> list[MainWindow]:
    """At start: ask about the copies no running tpmapper owns; the windows recovered into."""
    store = store or RecoveryStore(recovery_folder())
    copies = store.orphans()
    if not copies:
        return []
    dialog = RecoveryDialog(copies, window)
    dialog.exec()
    choice, chosen = dialog.choice, dialog.checked()
    dialog.deleteLater()
    if choice is Choice.DISCARD:
        for copy in chosen:
            store.remove(copy.info.id, leftovers=True)
        return []
    if choice is not Choice.RECOVER:
        return []
    windows = [recover(window, copy) for copy in chosen]
    return [w for w in windows if w is not None]


def recover(window: MainWindow, copy: RecoveryCopy) -> MainWindow | None:
    """Open one copy's map as unsaved changes to its file; None when it cannot be (said)."""
    from tpmapper.ui.main_window import OPEN_WINDOWS

    text = QCoreApplication.translate("RecoveryDialog", "Recovered changes")
    try:
        journey = copy.load()
    except MapFileError as error:
        title = QCoreApplication.translate("RecoveryDialog", "Cannot recover the map")
        QMessageBox.warning(window, title, str(error))
        return None
    path = Path(copy.info.file) if copy.info.file is not None else None
    for other in OPEN_WINDOWS if path is not None else []:
        shown = other.document.path
        if shown is not None and shown.resolve() == path.resolve():  # opened already (FILE)
            other.document.replace_content(journey, text)
            other.trust.autosaver.adopt(copy.info.id)
            other.view.fit()  # the recovered map, whole (it may have grown)
            return other
    document: Document | None = None
    if path is not None and path.is_file():
        try:
            document = open_document(window, path)
        except MapFileError:
            document = None  # unreadable now: the recovered map will replace it on saving
        else:
            if document is None:  # the user cancelled (another tpmapper has it open)
                return None
            document.replace_content(journey, text)
    if document is None:  # never saved, or its file is gone
        document = Document(journey, path)
        document.undo_stack.resetClean()
    document.recovery_id = copy.info.id
    return window.show_document(document)
