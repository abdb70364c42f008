"""German users get a German window: menus, docks and vocabulary labels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from tests.ui.driving import press
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.model import Channel
from tpmapper.render import labels
from tpmapper.ui.app import install_translators
from tpmapper.ui.document import Document
from tpmapper.ui.main_window import MainWindow


def test_english_says_one_item_and_two_items(window, qtbot):
    """The menus stay as written; plurals come from the English catalogue."""
    app = QApplication.instance()
    translators = install_translators(app, "en")
    try:
        assert len(translators) == 1, "the English plural catalogue did not load"
        translate = QCoreApplication.translate
        assert translate("MainWindow", "Delete %n item(s)", "", 1) == "Delete 1 item"
        assert translate("MainWindow", "Delete %n item(s)", "", 2) == "Delete 2 items"
        window.scene.clearSelection()
        press(qtbot, window, "Ctrl+A")
        press(qtbot, window, "Ctrl+D")
        assert window.document.undo_stack.undoText() == "Duplicate 14 touchpoints"
        press(qtbot, window, "Ctrl+Z")
        first = window.document.journey.touchpoints()[0].id
        window.scene.clearSelection()
        window.scene.card(first).setSelected(True)
        press(qtbot, window, "Ctrl+D")
        assert window.document.undo_stack.undoText() == "Duplicate 1 touchpoint"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_a_german_window(qtbot, settings):
    app = QApplication.instance()
    translators = install_translators(app, "de")
    try:
        assert translators, "the German catalogue did not load"
        window = MainWindow(Document(load(sample_path("de"))), settings)
        qtbot.addWidget(window)
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["&Datei", "&Bearbeiten", "&Ansicht", "&Karte"]
        assert (
            window.palette_dock.windowTitle() != "Palette"
            or window.inspector_dock.windowTitle() != "Inspector"
        )
        assert "Touchpoints" in window._counts.text()
        assert labels.label(Channel.WORD_OF_MOUTH) == "Mundpropaganda"
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert labels.label(Channel.WORD_OF_MOUTH) == "Word of mouth"
