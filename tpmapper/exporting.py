"""Every export format in one registry, and the one `export()` the command line and the
File ▸ Export menu both call.

Qt-free to import: an exporter (and Qt, for pictures and slides) is loaded only when a
map is exported in its format, so parsing a command stays light.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tpmapper.model.journey import JourneyMap
    from tpmapper.progress import Progress
    from tpmapper.render.image_export import ImageOptions


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:
    """Marks `text` for translation in the app (lupdate finds it); returns it unchanged."""
    return text


#: The picture options (tpmapper.render.image_export.ImageOptions) and who uses them.
IMAGE_OPTIONS = frozenset({"legend", "curve", "colour_by", "language"})


@dataclass(frozen=True)
class ExportFormat:
    """One kind of file tpmapper writes."""

    kind: str  # the suffix without its dot: "xlsx"
    name: str  # for file dialogs, translated by the app in the context "ExportFormat"
    menu_text: str  # File ▸ Export's item, translated likewise
    options: frozenset[str]  # the options of `tpmapper export` this format uses
    drawn: bool = False  # a picture or slides: ImageOptions apply
    asks_picture_options: bool = False  # the app asks for scale, legend, … first

    @property
    def suffix(self) -> str:
        return f".{self.kind}"


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        "xlsx",
        QT_TRANSLATE_NOOP("ExportFormat", "Excel workbook"),
        QT_TRANSLATE_NOOP("ExportFormat", "&Excel Workbook…"),
        frozenset({"view", "language"}),
    ),
    ExportFormat(
        "png",
        QT_TRANSLATE_NOOP("ExportFormat", "PNG image"),
        QT_TRANSLATE_NOOP("ExportFormat", "&PNG Image…"),
        IMAGE_OPTIONS | {"view", "scale", "transparent"},
        drawn=True,
        asks_picture_options=True,
    ),
    ExportFormat(
        "svg",
        QT_TRANSLATE_NOOP("ExportFormat", "SVG drawing"),
        QT_TRANSLATE_NOOP("ExportFormat", "&SVG Drawing…"),
        IMAGE_OPTIONS | {"view", "transparent"},
        drawn=True,
        asks_picture_options=True,
    ),
    ExportFormat(
        "pdf",
        QT_TRANSLATE_NOOP("ExportFormat", "PDF document"),
        QT_TRANSLATE_NOOP("ExportFormat", "P&DF Document…"),
        IMAGE_OPTIONS | {"view", "split"},
        drawn=True,
        asks_picture_options=True,
    ),
    ExportFormat(
        "pptx",
        QT_TRANSLATE_NOOP("ExportFormat", "PowerPoint presentation"),
        QT_TRANSLATE_NOOP("ExportFormat", "P&owerPoint Presentation…"),
        frozenset({"view", "curve", "colour_by", "language"}),
        drawn=True,
    ),
    ExportFormat(
        "csv",
        QT_TRANSLATE_NOOP("ExportFormat", "CSV table"),
        QT_TRANSLATE_NOOP("ExportFormat", "&CSV Table…"),
        frozenset({"language"}),
    ),
)
SUFFIXES = tuple(fmt.suffix for fmt in FORMATS)
_BY_SUFFIX = {fmt.suffix: fmt for fmt in FORMATS}


def format_of(path: str | Path) -> ExportFormat | None:
    """The format a file name's suffix picks, or None."""
    return _BY_SUFFIX.get(Path(path).suffix.lower())


def format_named(kind: str) -> ExportFormat:
    """The format of a kind ("png"); KeyError for one tpmapper does not write."""
    return _BY_SUFFIX[f".{kind}"]


def formats_using(option: str) -> tuple[ExportFormat, ...]:
    return tuple(fmt for fmt in FORMATS if option in fmt.options)


@dataclass(frozen=True)
class ExportSettings:
    """What an export shows besides the map itself.

    `left_out`: the touchpoints the current view's filter leaves out (faint in pictures
    and slides, folded away in workbooks). `image`: pictures' and slides' options; None
    takes the app's defaults (`ImageOptions()`), with `left_out` drawn faint. Pictures
    and slides take their words from the installed translation (`render.words.speaking`).
    """

    language: str = "en"
    left_out: frozenset[str] = frozenset()
    image: ImageOptions | None = None


def export(
    journey: JourneyMap,
    path: Path,
    settings: ExportSettings | None = None,
    progress: Progress | None = None,
) -> None:
    """Write `journey` to `path` in the format its suffix picks, atomically.

    Raises ValueError (one sentence) for a map the format cannot hold or an unknown
    suffix, and `tpmapper.progress.ExportCancelled` when `progress` says stop.
    """
    settings = settings or ExportSettings()
    fmt = format_of(path)
    if fmt is None:
        raise ValueError(f"{path.name}: tpmapper exports {', '.join(SUFFIXES)}")
    if fmt.kind == "xlsx":
        from tpmapper.files.excel_export import export_workbook

        export_workbook(
            journey, path, progress=progress, language=settings.language, hidden=settings.left_out
        )
    elif fmt.kind == "csv":
        from tpmapper.files.csv_export import export_csv

        export_csv(journey, path, language=settings.language)
    elif fmt.kind == "pptx":
        from tpmapper.render.pptx_export import export_pptx
        from tpmapper.render.words import deck_labels

        export_pptx(journey, path, _image_options(settings), progress, labels=deck_labels())
    else:
        from tpmapper.render.image_export import export_image

        export_image(journey, path, _image_options(settings), progress)


def _image_options(settings: ExportSettings) -> ImageOptions:
    if settings.image is not None:
        return settings.image
    from tpmapper.render.image_export import ImageOptions, ensure_gui_application
    from tpmapper.render.words import export_labels

    ensure_gui_application()
    return ImageOptions(dimmed=settings.left_out, labels=export_labels())
