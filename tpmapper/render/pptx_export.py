"""PowerPoint export: a 16:9 deck a presenter can edit, made with python-pptx.

The slides, in order:

1. the title slide: the map's title, description and date, and how many touchpoints,
   phases and lanes it has (pptx_slides);
2. the whole map (pptx_map): up to `MAX_NATIVE_TOUCHPOINTS` cards every phase header,
   lane label and card is a native shape and every link a connector glued to its cards,
   so they stay joined when a card is moved in PowerPoint or Impress; a larger map is a
   picture, as the PNG export paints it; the colour mode's legend below;
3. one slide per phase (more for a phase with many cards), its cards larger, by lane;
4. the experience curve, when shown (as the picture exports decide: for a rated map);
5. the findings (`tpmapper.analysis.analyze`): weak spots, blind spots, priorities and
   bottlenecks, each as a readable list; only those there are.

The options are the picture exports' `ImageOptions` (colour mode, dimmed cards, curve,
legend, selection, date, and `labels` for the words they share); the deck's own words
are `PptxLabels`. Only a `QGuiApplication` is needed (offscreen is fine), for measuring
text and painting pictures; one is made for headless callers.

Everything is made in memory and written with `atomic_write`: a refused, cancelled or
failed export leaves whatever was at the path untouched.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

from tpmapper import __version__
from tpmapper.files.atomic import atomic_write
from tpmapper.files.errors import MapFileError
from tpmapper.model.journey import JourneyMap
from tpmapper.progress import ExportCancelled, Progress, Steps
from tpmapper.render.colour_modes import colouring
from tpmapper.render.image_export import ImageOptions, ensure_gui_application, selection_map
from tpmapper.render.pptx_deck import Deck, PptxLabels
from tpmapper.render.pptx_findings import (
    add_curve_slide,
    add_findings_slide,
    findings_of,
    has_curve,
)
from tpmapper.render.pptx_map import MAX_NATIVE_TOUCHPOINTS, add_map_slide, map_steps
from tpmapper.render.pptx_shapes import (
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    PptxTextError,
    one_line,
    storable,
)
from tpmapper.render.pptx_slides import add_phase_slides, add_title_slide, phase_steps

__all__ = [
    "MAX_NATIVE_TOUCHPOINTS",
    "SUFFIX",
    "ExportCancelled",
    "PptxLabels",
    "PptxTextError",
    "export_pptx",
    "pptx_bytes",
]

SUFFIX = ".pptx"


def _texts(
    journey: JourneyMap, options: ImageOptions, labels: PptxLabels
) -> Iterator[tuple[str, str]]:
    """Every text the deck shows, with what it is (for a refusal's message)."""
    yield journey.title, "the map's title"
    yield journey.description, "the map's description"
    for phase in journey.phases:
        yield phase.name, f"the name of phase '{phase.id}'"
    for lane in journey.lanes:
        yield lane.name, f"the name of lane '{lane.id}'"
    words = options.labels.colour_words
    for touchpoint in journey.touchpoints():
        yield touchpoint.name, f"the name of touchpoint '{touchpoint.id}'"
        yield touchpoint.owner, f"the owner of touchpoint '{touchpoint.id}'"
        if touchpoint.channel is not None:
            yield words.name(touchpoint.channel), f"the word for {touchpoint.channel.value}"
    for link in journey.links():
        yield link.label, f"the label of the link '{link.source}' → '{link.target}'"
    for field in fields(labels):
        yield getattr(labels, field.name), f"the deck's word {field.name}"
    shared = options.labels
    yield from (
        (shared.legend_title, "the legend's title"),
        (shared.unrated, "the word for not rated"),
        (shared.pain_point, "the word for a pain point"),
        (shared.positive, "the word for a positive moment"),
        (shared.curve.heading, "the curve's heading"),
    )
    for rating, word in enumerate(shared.ratings, 1):
        yield word, f"the word for rating {rating}"
    for mode, title in shared.colour_titles:
        yield title, f"the legend's title for {mode}"
    for word in (*words.gaps, words.not_set, words.other):
        yield word, "a word of the legend"


#: python-pptx refuses a document property longer than this (the deck's own title is not cut)
MAX_PROPERTY = 255


def _property(text: str) -> str:
    """`text` on one line, cut to what a document property holds."""
    text = one_line(text)
    return text if len(text) <= MAX_PROPERTY else text[: MAX_PROPERTY - 1].rstrip() + "…"


def _refuse_unstorable(journey: JourneyMap, options: ImageOptions, labels: PptxLabels) -> None:
    for text, what in _texts(journey, options, labels):
        storable(text, what)


def pptx_bytes(
    journey: JourneyMap,
    options: ImageOptions | None = None,
    progress: Progress | None = None,
    *,
    labels: PptxLabels | None = None,
) -> bytes:
    """The map as a PowerPoint deck (.pptx). Raises `PptxTextError` (a ValueError) for a
    text a deck cannot hold, `ExportCancelled` when `progress` returns False, ValueError
    for a selection naming touchpoints the map lacks."""
    options = options or ImageOptions()
    labels = labels or PptxLabels()
    ensure_gui_application()
    part = journey if options.selection is None else selection_map(journey, options.selection)
    _refuse_unstorable(part, options, labels)
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Emu(SLIDE_WIDTH), Emu(SLIDE_HEIGHT)
    properties = presentation.core_properties
    properties.title = _property(journey.title)
    properties.last_modified_by = f"tpmapper {__version__}"  # not the template's
    properties.comments = f"Made with tpmapper {__version__}"
    properties.created = properties.modified = datetime.datetime.now(datetime.UTC).replace(
        tzinfo=None  # python-pptx writes it as UTC
    )
    # the colours of the whole map (as on the canvas), even of a selection
    colours = colouring(journey, options.colour_mode, options.labels.colour_words)
    deck = Deck(presentation, part, journey, options, labels, colours, Steps(None, 1), progress)
    curve, found = has_curve(deck), findings_of(deck)
    total = 2 + map_steps(part) + phase_steps(deck) + int(curve) + int(bool(found.sections))
    deck.steps = steps = Steps(progress, total)
    steps.report()
    add_title_slide(deck)
    add_map_slide(deck)
    for phase in part.phases:
        add_phase_slides(deck, phase)
    if curve:
        add_curve_slide(deck)
    if found.sections:
        add_findings_slide(deck, found)
    buffer = io.BytesIO()
    presentation.save(buffer)
    steps.finish()
    return buffer.getvalue()


def export_pptx(
    journey: JourneyMap,
    path: str | Path,
    options: ImageOptions | None = None,
    progress: Progress | None = None,
    *,
    labels: PptxLabels | None = None,
) -> None:
    """Write the map as a PowerPoint deck to `path` (which must end in .pptx), atomically:
    a refusal, a cancel or a failure leaves whatever was at `path` untouched. Raises
    `MapFileError` naming the file for what it cannot write, `ExportCancelled` when
    `progress` returns False."""
    path = Path(path)
    if path.suffix.lower() != SUFFIX:
        shown = f"'{path.suffix}'" if path.suffix else "no suffix"
        raise ValueError(
            f"{path}: cannot export a PowerPoint deck with {shown}; the file name must end "
            f"in {SUFFIX}"
        )
    folder = path.parent
    if not folder.is_dir():  # say so before making a deck for nothing
        raise MapFileError(path, f"cannot save: the folder {folder} does not exist")
    try:
        data = pptx_bytes(journey, options, progress, labels=labels)
    except PptxTextError as error:
        raise MapFileError(path, f"cannot export: {error}") from None
    except MemoryError as error:
        raise MapFileError(path, f"cannot export: {error or 'not enough memory'}") from None
    atomic_write(path, data)
