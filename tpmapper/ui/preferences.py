"""Edit ▸ Preferences: how often unsaved work is copied aside, and whether a save keeps the
previous version of the file."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tpmapper.ui import autosave

BACKUP_KEY = "save/keep_backup"


def keeps_backup(settings: QSettings) -> bool:
    return settings.value(BACKUP_KEY, False, type=bool)


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.interval = QSpinBox(self)
        self.interval.setObjectName("autosave_interval")
        self.interval.setRange(int(autosave.MIN_INTERVAL_S), autosave.MAX_INTERVAL_S)
        self.interval.setSuffix(self.tr(" s"))
        self.interval.setValue(round(autosave.interval_seconds(settings)))
        self.interval.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        explain = QLabel(
            self.tr(
                "Unsaved changes are copied aside this often (and when you switch to another "
                "window). After a crash, tpmapper offers them when it starts again."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.backup = QCheckBox(self.tr("Keep the previous version as NAME.tpmap~"), self)
        self.backup.setObjectName("keep_backup")
        self.backup.setChecked(keeps_backup(settings))

        form = QFormLayout()
        form.addRow(self.tr("Autosave every:"), self.interval)
        form.addRow("", explain)
        form.addRow(self.tr("When saving:"), self.backup)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def accept(self) -> None:
        self.settings.setValue(autosave.INTERVAL_KEY, self.interval.value())
        self.settings.setValue(BACKUP_KEY, self.backup.isChecked())
        super().accept()
