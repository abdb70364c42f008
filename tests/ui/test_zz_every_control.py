"""Every action and push button of the app is exercised by some test, the way a user
reaches it (menu, shortcut, click). Runs last (its name), over what the session recorded.

A control added without a test that drives it fails here, by name.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.driving import controls
from tpmapper.exporting import format_named
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.ui.axes_dialog import AxesDialog
from tpmapper.ui.document import Document
from tpmapper.ui.exchange import PictureOptionsDialog
from tpmapper.ui.main_window import MainWindow
from tpmapper.ui.preferences import PreferencesDialog
from tpmapper.ui.recovery_dialog import RecoveryDialog

UI_TESTS = Path(__file__).parent


def all_ui_tests_ran(session) -> bool:
    ran = {Path(str(item.path)).name for item in session.items}
    return all(test.name in ran for test in UI_TESTS.glob("test_*.py"))


def every_control(settings) -> set[str]:
    window = MainWindow(Document(load(sample_path("en"))), settings)
    window.inspector  # the docks, built after the first paint in the app  # noqa: B018
    dialogs = [
        AxesDialog(window.document, window),
        PictureOptionsDialog(format_named("png"), True, window),
        PictureOptionsDialog(format_named("pdf"), True, window),
        PreferencesDialog(settings, window),
        RecoveryDialog([], window),
    ]
    keys = {key for widget in [window, *dialogs] for _control, key in controls(widget)}
    for dialog in dialogs:
        dialog.deleteLater()
    window.document.undo_stack.setClean()
    window.close()
    QApplication.processEvents()
    return keys


#: Ways to fire a control without the mouse or keyboard: they would count as driven.
SHORTCUTS_PAST_THE_USER = re.compile(r"\.(trigger|click|animateClick|toggle)\(\)")


def test_no_ui_test_fires_a_control_without_a_user_input():
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(UI_TESTS.glob("test_*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SHORTCUTS_PAST_THE_USER.search(line) and "SHORTCUTS_PAST_THE_USER" not in line
    ]
    assert not found, "click, choose or press instead:\n" + "\n".join(found)


def test_every_action_and_button_is_driven_by_some_test(request, settings, control_recorder):
    if not all_ui_tests_ran(request.session):
        pytest.skip("counts only when the whole UI suite runs (python3 packaging/dev.py test)")
    missing = sorted(every_control(settings) - control_recorder.used)
    assert not missing, "no test clicks, chooses or types these:\n" + "\n".join(missing)
