"""What every slide of a deck shares: its words (`PptxLabels`), the map and options it is
made from (`Deck`), and a new slide with its title."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

from pptx.enum.text import MSO_ANCHOR
from pptx.presentation import Presentation
from pptx.slide import Slide
from pptx.util import Emu

from tpmapper.model.elements import Touchpoint
from tpmapper.model.journey import JourneyMap
from tpmapper.progress import Progress, Steps
from tpmapper.render import style
from tpmapper.render.colour_modes import Colouring
from tpmapper.render.image_export import ImageOptions
from tpmapper.render.pptx_shapes import (
    EMU_PER_INCH,
    SLIDE_WIDTH,
    Box,
    Para,
    Run,
    elide,
    numbered,
    one_line,
    pt,
    text_width,
    write,
)

TITLE_ONLY_LAYOUT = 5  # in python-pptx's default template: a title and nothing else
MARGIN = round(0.4 * EMU_PER_INCH)  # left and right of every slide
TITLE_BOX = Box(
    MARGIN, round(0.22 * EMU_PER_INCH), SLIDE_WIDTH - 2 * MARGIN, round(0.6 * EMU_PER_INCH)
)
TITLE_SIZE = 24.0
BODY_TOP = round(0.95 * EMU_PER_INCH)  # where a slide's content starts, below the title


@dataclass(frozen=True)
class PptxLabels:
    """The words of a deck besides the map's own and those of `ExportLabels` (the rating
    words, the legend, the curve), in English by default.

    The UI passes translated ones, e.g. `PptxLabels.translated(self.tr)`; each keeps its
    `{placeholders}` when translated.
    """

    touchpoints: str = "Touchpoints"
    phases: str = "Phases"
    lanes: str = "Lanes"
    phase_count: str = "Touchpoints: {count}"
    continued: str = "{name} ({page} of {pages})"
    empty_phase: str = "No touchpoints in this phase yet."
    findings: str = "Findings"
    weak_spots: str = "Weak spots"
    blind_spots: str = "Blind spots"
    priorities: str = "Priorities"
    bottlenecks: str = "Bottlenecks"
    agreement: str = "Company and customers judge {agree} of {rated} touchpoints alike ({share})."
    blind_spot: str = "company {company}, customers {customer}"
    priority: str = "score {score}"
    more: str = "… and {count} more"

    @classmethod
    def translated(cls, tr: Callable[[str], str]) -> PptxLabels:
        """Every English default passed through `tr`."""
        english = cls()
        return cls(**{f.name: tr(getattr(english, f.name)) for f in fields(cls)})

    def say(self, word: str, /, **values: object) -> str:
        """The field `word` with its {placeholders} filled in; a translation that lost or
        misspelt one is not worth a failed export, so the English words stand in."""
        try:
            return getattr(self, word).format(**values)
        except (KeyError, IndexError, ValueError):
            return getattr(PptxLabels(), word).format(**values)


@dataclass
class Deck:
    """A deck being made: the presentation, the map (just the selection's, when the options
    choose one), the map as given (`whole`), the options, words, colours and progress."""

    presentation: Presentation
    journey: JourneyMap
    whole: JourneyMap
    options: ImageOptions
    labels: PptxLabels
    colouring: Colouring
    steps: Steps
    progress: Progress | None = None  # the caller's, for parts that report on their own

    def colour_of(self, touchpoint: Touchpoint) -> str:
        return self.colouring.colour_of(touchpoint)

    def dimmed(self, touchpoint: Touchpoint) -> bool:
        return touchpoint.id in self.options.dimmed

    def name_of(self, touchpoint: Touchpoint) -> str:
        """The touchpoint's name on one line (checked before the deck is made)."""
        return one_line(touchpoint.name)

    def add_slide(
        self,
        title: str,
        *,
        size: float = TITLE_SIZE,
        right: str = "",
        box: Box = TITLE_BOX,
        lines: int = 1,
    ) -> Slide:
        """A new slide whose title placeholder (what outlines and screen readers read)
        holds `title` in up to `lines` lines, with `right` smaller and muted after it."""
        slide = self.presentation.slides.add_slide(
            self.presentation.slide_layouts[TITLE_ONLY_LAYOUT]
        )
        numbered(slide.shapes)
        placeholder = slide.shapes.title
        placeholder.left, placeholder.top = Emu(box.x), Emu(box.y)
        placeholder.width, placeholder.height = Emu(box.w), Emu(box.h)
        room, small = pt(box.w) - 4, size * 0.6
        right = f"    {right}" if right else ""
        if right:
            room -= min(room / 2, text_width(right, small))
        text = elide(one_line(title), size, True, room, lines)
        runs = [Run(text, size, bold=True)]
        if right:
            rest = pt(box.w) - 4 - text_width(text, size, True)
            runs.append(Run(elide(right, small, False, rest), small, colour=style.MUTED_TEXT))
        write(
            placeholder,
            [Para(tuple(runs))],
            anchor=MSO_ANCHOR.MIDDLE if lines == 1 else MSO_ANCHOR.BOTTOM,
            insets=(0, 0, 0, 0),
            wrap_text=lines > 1,
        )
        return slide
