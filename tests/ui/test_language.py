"""German users get a German window: menus, docks and vocabulary labels."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.model import Channel
from tpmapper.ui import labels
from tpmapper.ui.app import install_translators
from tpmapper.ui.document import Document
from tpmapper.ui.main_window import MainWindow


def test_english_needs_no_catalogue(qapp):
    assert install_translators(qapp, "en") == []


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
