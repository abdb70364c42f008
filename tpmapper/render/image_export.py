"""Image exports for presenters: PNG at any scale, SVG and PDF as vectors.

Drawn by the painters the canvas uses on the layout the canvas uses (`layout_map`), so an
export looks like the screen at 100 % zoom with full cards.

Everything is rendered into memory first and written with `atomic_write`, so a refused,
cancelled or failed export never leaves a partial file. Only a `QGuiApplication` is
needed (offscreen is fine); `ensure_gui_application` makes one for headless callers.

This module is the exports' front door: `export_image` and everything callers use. The
work is done by
- `export_options`: `ImageOptions`, `ExportLabels` and the sizes the formats share;
- `compose`: the sheet (title, map, legend) a picture is drawn on, and what of it one
  region shows; `sheet` holds its shape;
- `sheet_painter`: painting a sheet, or a region of it, onto any QPainter;
- `png_svg`: PNG (encoded by `png_encoder`) and SVG;
- `pdf_export`: PDF pages, fitted or split; `pdf_pages` cuts a split PDF's pages.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tpmapper.files.atomic import atomic_write
from tpmapper.files.errors import MapFileError
from tpmapper.model.journey import JourneyMap
from tpmapper.progress import Progress
from tpmapper.render.compose import LEGEND_MIN_WIDTH, ensure_gui_application, selection_map
from tpmapper.render.export_options import (
    EXPORT_DPI,
    MARGIN,
    PAGE_MODES,
    PAGE_SIZES,
    SUFFIXES,
    TITLE_GAP,
    TITLE_HEIGHT,
    ExportLabels,
    ImageOptions,
)
from tpmapper.render.pdf_export import pdf_bytes
from tpmapper.render.png_encoder import encode_png
from tpmapper.render.png_svg import PictureTooLarge, png_bytes, png_image, svg_bytes

__all__ = [
    "EXPORT_DPI",
    "LEGEND_MIN_WIDTH",
    "MARGIN",
    "PAGE_MODES",
    "PAGE_SIZES",
    "SUFFIXES",
    "TITLE_GAP",
    "TITLE_HEIGHT",
    "ExportLabels",
    "ImageOptions",
    "PictureTooLarge",
    "encode_png",
    "ensure_gui_application",
    "export_image",
    "pdf_bytes",
    "png_bytes",
    "png_image",
    "selection_map",
    "svg_bytes",
]

_RENDERERS: dict[str, Callable[[JourneyMap, ImageOptions | None, Progress | None], bytes]] = {
    ".png": png_bytes,
    ".svg": svg_bytes,
    ".pdf": pdf_bytes,
}


def export_image(
    journey: JourneyMap,
    path: str | Path,
    options: ImageOptions | None = None,
    progress: Progress | None = None,
) -> None:
    """Export to `path` as PNG, SVG or PDF, chosen by its suffix; written atomically, so a
    refusal, a cancel or a failure leaves whatever was at `path` untouched."""
    path = Path(path)
    render = _RENDERERS.get(path.suffix.lower())
    if render is None:
        shown = f"'{path.suffix}'" if path.suffix else "no suffix"
        choices = ", ".join(SUFFIXES[:-1]) + f" or {SUFFIXES[-1]}"
        raise ValueError(
            f"{path}: cannot export a picture with {shown}; the file name must end in {choices}"
        )
    folder = path.parent
    if not folder.is_dir():  # say so before rendering a large picture for nothing
        raise MapFileError(path, f"cannot save: the folder {folder} does not exist")
    try:
        data = render(journey, options, progress)
    except PictureTooLarge as error:
        raise MapFileError(path, str(error)) from None
    except MemoryError as error:
        raise MapFileError(path, f"cannot export: {error or 'not enough memory'}") from None
    atomic_write(path, data)
