"""The README's screenshots, rendered offscreen:
`.venv/bin/python docs/screenshots/make_screenshots.py`.

The windows are the app's own (the sample map, fitted, at 1600×1000), so the pictures
show exactly what a user sees; run it again after a visible change.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent


def main() -> int:
    from PySide6.QtCore import QSettings

    from tpmapper.exporting import export
    from tpmapper.files.templates import sample_path
    from tpmapper.files.tpmap import load
    from tpmapper.render.colour_modes import ColourMode
    from tpmapper.render.words import install_translators
    from tpmapper.ui.app import make_application
    from tpmapper.ui.document import Document
    from tpmapper.ui.main_window import MainWindow

    app = make_application()
    folder = Path(tempfile.mkdtemp())

    def shoot(name: str, language: str, colour: ColourMode | None = None) -> None:
        settings = QSettings(str(folder / f"{name}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Document(load(sample_path(language))), settings)
        window.resize(1600, 1000)
        window.show()
        window.findings_dock.raise_()
        if colour is not None:
            window.colour_menu.set_mode(colour)
        for _ in range(50):  # let the docks settle and the findings refresh
            app.processEvents()
            window.thread().msleep(20)
        window.grab().save(str(HERE / f"{name}.png"))
        window.document.undo_stack.setClean()
        window.close()

    shoot("main-window", "en")
    export(load(sample_path("en")), HERE / "export.png")
    shoot("colour-by-owner", "en", ColourMode.OWNER)
    os.environ["TPMAPPER_LANGUAGE"] = "de"  # the palette's touchpoints too
    install_translators(app, "de")
    shoot("main-window-de", "de")
    return 0


if __name__ == "__main__":
    sys.exit(main())
