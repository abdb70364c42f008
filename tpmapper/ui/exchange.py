"""File ▸ Import Excel and File ▸ Export: dialogs, progress with cancel, clear refusals.

The work itself is done by `tpmapper.files` (Excel, CSV) and `tpmapper.render.image_export`
(PNG, SVG, PDF), which the command line uses too. Nothing here changes an open map: an
import opens as a new, unsaved map, after the user has seen what the import noticed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from tpmapper.exporting import ExportFormat, ExportSettings, export, format_named
from tpmapper.files.errors import MapFileError
from tpmapper.i18n import preferred_language
from tpmapper.progress import ExportCancelled
from tpmapper.render import words
from tpmapper.ui.document import Document

if TYPE_CHECKING:
    from tpmapper.render.image_export import ImageOptions
    from tpmapper.ui.main_window import MainWindow

PROGRESS_AFTER_MS = 400  # quick exports finish before a progress window would flash up


@dataclass(frozen=True)
class PictureChoices:
    """What the options dialog asked for (its defaults are `ImageOptions()`'s)."""

    scale: float = 2.0
    transparent: bool = False
    legend: bool = True
    selection_only: bool = False
    split_pages: bool = False


class PictureOptionsDialog(QDialog):
    """Scale, background, legend, selection and pages: what the chosen format offers."""

    def __init__(
        self, fmt: ExportFormat, has_selection: bool, parent: QWidget | None = None
    ) -> None:
        from tpmapper.render.image_export import ImageOptions

        super().__init__(parent)
        defaults = ImageOptions()  # the command line's defaults too
        self.setWindowTitle(self.tr("Export Options"))
        form = QFormLayout(self)
        self.scale = QDoubleSpinBox(self)
        self.scale.setRange(0.25, 8.0)
        self.scale.setSingleStep(0.5)
        self.scale.setValue(defaults.scale)
        self.scale.setSuffix(" ×")
        self.transparent = QCheckBox(self.tr("Transparent background"), self)
        self.legend = QCheckBox(self.tr("Add a legend"), self)
        self.legend.setChecked(defaults.legend)
        self.transparent.setChecked(defaults.transparent)
        self.selection_only = QCheckBox(self.tr("Only the selected touchpoints"), self)
        self.selection_only.setEnabled(has_selection)
        self.pages = QComboBox(self)
        self.pages.addItem(self.tr("Fit on one page"), False)
        self.pages.addItem(self.tr("Split over pages at 100 %"), True)
        if "scale" in fmt.options:
            form.addRow(self.tr("Scale:"), self.scale)
        else:  # SVG and PDF are vectors
            self.scale.hide()
        if "transparent" in fmt.options:
            form.addRow(self.transparent)
        else:  # a PDF page is paper
            self.transparent.hide()
        if "split" in fmt.options:
            form.addRow(self.tr("Pages:"), self.pages)
        else:
            self.pages.hide()
        form.addRow(self.legend)
        form.addRow(self.selection_only)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choices(self) -> PictureChoices:
        return PictureChoices(
            scale=self.scale.value(),
            transparent=self.transparent.isChecked(),
            legend=self.legend.isChecked(),
            selection_only=self.selection_only.isChecked() and self.selection_only.isEnabled(),
            split_pages=bool(self.pages.currentData()),
        )


class Exchange(QObject):
    """The import and export actions of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def format_name(self, fmt: ExportFormat) -> str:
        """The file dialog's filter: "PNG image (*.png)"."""
        return f"{QCoreApplication.translate('ExportFormat', fmt.name)} (*{fmt.suffix})"

    # ------------------------------------------------------------------ export
    def export(self, kind: str) -> Path | None:
        """Ask where (and how, for pictures), then export; the written path, or None."""
        window = self.window
        fmt = format_named(kind)
        choices = None
        if fmt.asks_picture_options:
            choices = self._ask_picture_choices(fmt, bool(window.scene.selected_touchpoint_ids()))
            if choices is None:
                return None
        path = self._ask_save_path(fmt)
        if path is None:
            return None
        return path if self.export_to(path, choices) else None

    def export_to(self, path: Path, choices: PictureChoices | None = None) -> bool:
        """Export the map to `path` (its suffix picks the format) as the canvas shows it."""
        scene = self.window.scene
        settings = ExportSettings(
            language=preferred_language(),
            left_out=frozenset(scene.dimmed),  # faint in pictures, folded away in workbooks
            image=self._image_options(choices),
        )
        try:
            with self._progress(self.tr("Exporting %1…").replace("%1", path.name)) as progress:
                export(self.window.document.journey, path, settings, progress)
        except ExportCancelled:
            return False
        except (MapFileError, ValueError) as error:
            QMessageBox.warning(self.window, self.tr("Export failed"), str(error))
            return False
        self.window.statusBar().showMessage(
            self.tr("Exported to %1").replace("%1", str(path)), 5000
        )
        return True

    def _ask_picture_choices(self, fmt: ExportFormat, has_selection: bool) -> PictureChoices | None:
        """The user's choices for a picture, or None when they cancelled."""
        dialog = PictureOptionsDialog(fmt, has_selection, self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        choices = dialog.choices()
        dialog.deleteLater()
        return choices if accepted else None

    def _ask_save_path(self, fmt: ExportFormat) -> Path | None:
        document = self.window.document
        folder = document.path.parent if document.path else Path.home()
        stem = document.path.stem if document.path else _safe_stem(document.journey.title)
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export"),
            str(folder / f"{stem}{fmt.suffix}"),
            self.format_name(fmt),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == fmt.suffix else path.with_name(path.name + fmt.suffix)

    def _image_options(self, choices: PictureChoices | None) -> ImageOptions:
        from tpmapper.render.image_export import ImageOptions

        scene = self.window.scene
        shown = ImageOptions(  # the picture shows what the canvas shows
            colour_mode=self.window.colour_menu.mode,
            dimmed=scene.dimmed,
            curve=scene.curve_shown,
            labels=words.export_labels(),
        )
        if choices is None:  # asked for nothing: the shared defaults
            return shown
        selection = None
        if choices.selection_only:
            selection = frozenset(scene.selected_touchpoint_ids()) or None
        return dataclasses.replace(
            shown,
            scale=choices.scale,
            transparent=choices.transparent,
            legend=choices.legend,
            selection=selection,
            pages="split" if choices.split_pages else "fit",
        )

    def _progress(self, label: str) -> _ProgressWindow:
        return _ProgressWindow(label, self.tr("Cancel"), self.window)

    # ------------------------------------------------------------------ import
    def import_excel(self) -> MainWindow | None:
        """Ask for a workbook, show what the import found, open the map in a new window."""
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import Excel Workbook"),
            str(self.window.document.path.parent if self.window.document.path else Path.home()),
            self.tr("Excel workbooks (*.xlsx *.xlsm)"),
        )
        return self.import_path(Path(name)) if name else None

    def import_path(self, path: Path) -> MainWindow | None:
        from tpmapper.files.excel_import import import_workbook
        from tpmapper.files.workbook_guard import WorkbookError

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = import_workbook(path)
        except WorkbookError as error:
            QApplication.restoreOverrideCursor()
            self._show_problems(
                self.tr("Nothing was imported"),
                self.tr("%1 cannot be imported:").replace("%1", path.name),
                error.problems or [str(error)],
                QMessageBox.Icon.Warning,
            )
            return None
        except MapFileError as error:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self.window, self.tr("Nothing was imported"), str(error))
            return None
        QApplication.restoreOverrideCursor()
        if result.problems and not self._show_problems(
            self.tr("Import Excel Workbook"),
            self.tr("%1 can be imported. Please note:").replace("%1", path.name),
            result.problems,
            QMessageBox.Icon.Information,
            ask=True,
        ):
            return None
        document = Document(
            result.journey, origin=self.tr("imported from %1").replace("%1", path.name)
        )
        document.undo_stack.resetClean()  # not saved anywhere yet: closing asks first
        return self.window.show_document(document)

    def _show_problems(
        self,
        title: str,
        text: str,
        problems: list[str],
        icon: QMessageBox.Icon,
        ask: bool = False,
    ) -> bool:
        """List the problems (the first few in view, all under Details); with `ask`, the
        user chooses to go on (Open) or not."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self.window)
        shown = problems[:8]
        more = len(problems) - len(shown)
        box.setInformativeText(
            "\n".join(shown) + (("\n" + self.tr("… and %n more", "", more)) if more else "")
        )
        box.setDetailedText("\n".join(problems))
        if ask:
            box.setStandardButtons(
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel
            )
            box.setDefaultButton(QMessageBox.StandardButton.Open)
        else:
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
        answer = box.exec()
        box.deleteLater()
        return answer == QMessageBox.StandardButton.Open


def _safe_stem(title: str) -> str:
    """A file name from a map title: no path separators or characters Windows refuses."""
    stem = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in title).strip(" .")
    return stem[:80] or "map"


class _ProgressWindow:
    """A progress callback for the exporters, shown only if the work takes a while.

    Used as a context manager; calling it with (done, total) updates the window and
    returns False once the user has pressed Cancel, which the exporters take as stop
    (they raise their ExportCancelled and write nothing)."""

    def __init__(self, label: str, cancel: str, parent: QWidget) -> None:
        self._dialog = QProgressDialog(label, cancel, 0, 100, parent)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(PROGRESS_AFTER_MS)
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)

    def __enter__(self) -> _ProgressWindow:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._dialog.close()
        self._dialog.deleteLater()

    def __call__(self, done: int, total: int) -> bool:
        self._dialog.setMaximum(max(total, 1))
        self._dialog.setValue(min(done, max(total, 1)))
        QApplication.processEvents()
        return not self._dialog.wasCanceled()
