"""The words around a map (legend, curve, pages), translated once for the canvas, the
pictures, the slides and the command line alike.

Each word is a literal `QCoreApplication.translate` call in the context the app's
catalogue keeps it under, so pyside6-lupdate finds it; the command line installs the
same catalogue for `--language` (`install_translators`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from tpmapper.model.vocabulary import ColourMode, Moment
from tpmapper.render import labels
from tpmapper.render.colour_modes import ColourWords
from tpmapper.render.curve import CurveLabels

if TYPE_CHECKING:
    from tpmapper.render.image_export import ExportLabels
    from tpmapper.render.pptx_deck import PptxLabels
from tpmapper.resources import resource_path


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load tpmapper's catalogue and Qt's own (dialog buttons) for `language`. English
    has only its plurals ("1 item", "2 items"). Returns the translators installed."""
    catalogues = [(f"tpmapper_{language}", resource_path("translations"))]
    if language != "en":
        qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        catalogues.append((f"qtbase_{language}", qt_translations))
    installed = []
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """The words in `language` while the block runs (the command line's `--language`);
    the application's own translators are back afterwards."""
    app = QCoreApplication.instance()
    assert app is not None, "create the application first"
    installed = install_translators(app, language)
    try:
        yield
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def colour_title(mode: ColourMode) -> str:
    """The legend's heading for a colour mode."""
    return {
        ColourMode.RATING: QCoreApplication.translate("ColourByMenu", "Customer rating"),
        ColourMode.GAP: QCoreApplication.translate(
            "ColourByMenu", "Rating gap (company − customer)"
        ),
        ColourMode.OWNER: QCoreApplication.translate("ColourByMenu", "Owner"),
        ColourMode.OWNERSHIP: QCoreApplication.translate("ColourByMenu", "Owned / paid / earned"),
        ColourMode.CHANNEL: QCoreApplication.translate("ColourByMenu", "Channel"),
        ColourMode.MEDIUM: QCoreApplication.translate("ColourByMenu", "Digital / analog"),
    }[mode]


def colour_words() -> ColourWords:
    return ColourWords(
        ratings=(
            QCoreApplication.translate("ColourByMenu", "1 very poor"),
            QCoreApplication.translate("ColourByMenu", "2 poor"),
            QCoreApplication.translate("ColourByMenu", "3 fair"),
            QCoreApplication.translate("ColourByMenu", "4 good"),
            QCoreApplication.translate("ColourByMenu", "5 very good"),
        ),
        unrated=QCoreApplication.translate("ColourByMenu", "Not rated"),
        not_set=QCoreApplication.translate("ColourByMenu", "Not set"),
        other=QCoreApplication.translate("ColourByMenu", "Others"),
        gaps=(
            QCoreApplication.translate("ColourByMenu", "Customers rate it 2+ higher"),
            QCoreApplication.translate("ColourByMenu", "Both sides agree (±1)"),
            QCoreApplication.translate("ColourByMenu", "Company rates it 2 higher"),
            QCoreApplication.translate("ColourByMenu", "Company rates it 3+ higher"),
        ),
        name=labels.label,
    )


def curve_labels() -> CurveLabels:
    return CurveLabels(
        heading=QCoreApplication.translate("MapScene", "Experience curve"),
        customer=QCoreApplication.translate("MapScene", "Customer view"),
        company=QCoreApplication.translate("MapScene", "Company view"),
    )


def export_labels() -> ExportLabels:
    """Every word a picture or a slide prints besides the map's own."""
    from tpmapper.render.image_export import ExportLabels

    words = colour_words()
    return ExportLabels(
        legend_title=colour_title(ColourMode.RATING),
        ratings=words.ratings,
        unrated=words.unrated,
        pain_point=labels.label(Moment.PAIN_POINT),
        positive=labels.label(Moment.POSITIVE),
        part=QCoreApplication.translate("Exchange", "Part {part} of {parts}"),
        phases=QCoreApplication.translate("Exchange", "Phases: {first} – {last}"),
        phase=QCoreApplication.translate("Exchange", "Phase: {name}"),
        lanes=QCoreApplication.translate("Exchange", "Lanes: {first} – {last}"),
        lane=QCoreApplication.translate("Exchange", "Lane: {name}"),
        curve=curve_labels(),
        colour_words=words,
        colour_titles=tuple((mode.value, colour_title(mode)) for mode in ColourMode),
    )


def deck_labels() -> PptxLabels:
    """The words of a PowerPoint deck besides those of `export_labels`."""
    from tpmapper.render.pptx_deck import PptxLabels

    return PptxLabels(
        touchpoints=QCoreApplication.translate("DeckWords", "Touchpoints"),
        phases=QCoreApplication.translate("DeckWords", "Phases"),
        lanes=QCoreApplication.translate("DeckWords", "Lanes"),
        phase_count=QCoreApplication.translate("DeckWords", "Touchpoints: {count}"),
        continued=QCoreApplication.translate("DeckWords", "{name} ({page} of {pages})"),
        empty_phase=QCoreApplication.translate("DeckWords", "No touchpoints in this phase yet."),
        findings=QCoreApplication.translate("DeckWords", "Findings"),
        weak_spots=QCoreApplication.translate("DeckWords", "Weak spots"),
        blind_spots=QCoreApplication.translate("DeckWords", "Blind spots"),
        priorities=QCoreApplication.translate("DeckWords", "Priorities"),
        bottlenecks=QCoreApplication.translate("DeckWords", "Bottlenecks"),
        agreement=QCoreApplication.translate(
            "DeckWords",
            "Company and customers judge {agree} of {rated} touchpoints alike ({share}).",
        ),
        blind_spot=QCoreApplication.translate(
            "DeckWords", "company {company}, customers {customer}"
        ),
        priority=QCoreApplication.translate("DeckWords", "score {score}"),
        more=QCoreApplication.translate("DeckWords", "… and {count} more"),
    )
