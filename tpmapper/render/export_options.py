"""What a picture export is asked for (`ImageOptions`) and the words it prints besides the
map's own (`ExportLabels`), with the sizes every picture format shares.

Plain values, so the command line and the export dialog can build options without
painting anything; `tpmapper.render.image_export` re-exports all of it.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtGui import QPageSize

from tpmapper.render.colour_modes import ColourMode, ColourWords
from tpmapper.render.curve import CurveLabels

#: Dots per inch of an export at scale 1: one layout unit is one pixel, as on a 96-dpi screen.
#: Fixed (not the screen's) so an export looks the same on every machine.
EXPORT_DPI = 96
MARGIN = 24.0  # around a PNG or SVG picture
TITLE_HEIGHT = 30.0
TITLE_GAP = 12.0
PAGE_SIZES = {
    "A3": QPageSize.PageSizeId.A3,
    "A4": QPageSize.PageSizeId.A4,
    "A5": QPageSize.PageSizeId.A5,
    "Letter": QPageSize.PageSizeId.Letter,
    "Legal": QPageSize.PageSizeId.Legal,
    "Tabloid": QPageSize.PageSizeId.Tabloid,
}
PAGE_MODES = ("fit", "split")
SUFFIXES = (".png", ".svg", ".pdf")  # what `export_image` writes, for file dialogs


@dataclass(frozen=True)
class ExportLabels:
    """The words an export prints besides the map's own, in English by default.

    The app and the command line pass translated ones (`tpmapper.render.words.export_labels`).

    A page of a split PDF says which part of the map it shows, e.g. "Part 2 of 6 · Phases:
    Purchase – Retention · Lanes: Owned – Paid": `part`, then `phases` (or `phase` when it
    shows one), then `lanes` (or `lane`); each keeps its {placeholders} when translated.
    """

    legend_title: str = "Customer rating"
    ratings: tuple[str, str, str, str, str] = ColourWords.ratings  # the same words
    unrated: str = ColourWords.unrated
    pain_point: str = "Pain point"
    positive: str = "Positive moment"
    part: str = "Part {part} of {parts}"
    phases: str = "Phases: {first} – {last}"
    phase: str = "Phase: {name}"
    lanes: str = "Lanes: {first} – {last}"
    lane: str = "Lane: {name}"
    curve: CurveLabels = field(default_factory=CurveLabels)
    colour_words: ColourWords = field(default_factory=ColourWords)
    #: The legend's heading for each colour mode but the rating (that is `legend_title`).
    colour_titles: tuple[tuple[str, str], ...] = (
        ("gap", "Rating gap (company − customer)"),
        ("owner", "Owner"),
        ("ownership", "Owned / paid / earned"),
        ("channel", "Channel"),
        ("medium", "Digital / analog"),
    )

    @classmethod
    def translated(cls, tr: Callable[[str], str]) -> ExportLabels:
        """Every English default passed through `tr`."""
        english = cls()
        return cls(
            legend_title=tr(english.legend_title),
            ratings=tuple(tr(text) for text in english.ratings),  # type: ignore[arg-type]
            unrated=tr(english.unrated),
            pain_point=tr(english.pain_point),
            positive=tr(english.positive),
            part=tr(english.part),
            phases=tr(english.phases),
            phase=tr(english.phase),
            lanes=tr(english.lanes),
            lane=tr(english.lane),
            curve=CurveLabels(
                heading=tr(english.curve.heading),
                customer=tr(english.curve.customer),
                company=tr(english.curve.company),
            ),
            colour_words=ColourWords(
                ratings=tuple(tr(text) for text in english.ratings),  # type: ignore[arg-type]
                unrated=tr(english.unrated),
                not_set=tr(english.colour_words.not_set),
                other=tr(english.colour_words.other),
                gaps=tuple(tr(text) for text in english.colour_words.gaps),  # type: ignore[arg-type]
            ),
            colour_titles=tuple((mode, tr(title)) for mode, title in english.colour_titles),
        )

    def part_of_map(
        self, part: int, parts: int, phases: list[str], lanes: list[str], curve: bool
    ) -> str:
        """What a page of a split PDF shows: "Part 2 of 6 · Phases: Purchase – Retention ·
        Lanes: Owned – Paid" (and the curve's heading when it shows the curve)."""
        said = [self.part.format(part=part, parts=parts)]
        for names, one, several in (
            (phases, self.phase, self.phases),
            (lanes, self.lane, self.lanes),
        ):
            if len(names) == 1:
                said.append(one.format(name=names[0]))
            elif names:
                said.append(several.format(first=names[0], last=names[-1]))
        if curve:
            said.append(self.curve.heading)
        return " · ".join(said)


@dataclass(frozen=True)
class ImageOptions:
    """How to export a map as a picture.

    The defaults are the app's export dialog's, which the command line shares.

    scale: PNG only; 2 (the default) gives an image twice the layout's size, sharp on a
        slide (SVG and PDF are vectors).
    transparent: PNG and SVG; the background around and beside the map stays clear, the
        map's own cells, headers and cards are drawn as on screen.
    legend: rating colours and moment markers below the map (the picture grows to hold it).
    curve: the experience curve under the grid (render/curve.py); by default for a map with
        any rating, as the command line draws it; the app passes what the canvas shows.
    colour_mode: what the cards' stripes and the legend show (render/colour_modes.py).
    dimmed: touchpoint ids drawn faint, as a filter leaves them out on the canvas.
    selection: touchpoint ids; export only those cards, the links among them, and the
        phases and lanes they sit in.
    title: the map's title and the date above the map (on every page of a PDF).
    date: the date printed beside the title; today when None.
    pages, page_size: PDF only; "fit" scales the whole map onto one landscape page,
        "split" prints it at 100 % over as many pages as it needs, each repeating the
        headers of the phases and lanes it shows.
    """

    scale: float = 2.0
    transparent: bool = False
    legend: bool = True
    curve: bool | None = None  # None: shown for a map with ratings
    colour_mode: ColourMode = ColourMode.RATING
    dimmed: frozenset[str] = frozenset()
    selection: frozenset[str] | None = None
    title: bool = True
    date: datetime.date | None = None
    pages: str = "fit"
    page_size: str = "A4"
    labels: ExportLabels = field(default_factory=ExportLabels)

    def __post_init__(self) -> None:
        if not (isinstance(self.scale, int | float) and math.isfinite(self.scale)):
            raise ValueError(f"the scale must be a number, not {self.scale!r}")
        if self.scale <= 0:
            raise ValueError(f"the scale must be more than 0, not {self.scale:g}")
        if self.pages not in PAGE_MODES:
            raise ValueError(f"pages must be 'fit' or 'split', not {self.pages!r}")
        if self.page_size not in PAGE_SIZES:
            raise ValueError(
                f"unknown page size {self.page_size!r}; choose one of {', '.join(PAGE_SIZES)}"
            )
        if self.selection is not None and not isinstance(self.selection, frozenset):
            object.__setattr__(self, "selection", frozenset(self.selection))

    @property
    def printed_date(self) -> str:
        return (self.date or datetime.date.today()).isoformat()
