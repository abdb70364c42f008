"""The colour table of the map's look: hex strings shared by the canvas, the pictures and
the workbooks (Qt-free, so files/ need not import render/)."""

from __future__ import annotations

RATING_COLOURS = {
    1: "#d64541",
    2: "#f08a4b",
    3: "#f2c94c",
    4: "#9ccc65",
    5: "#43a047",
}
UNRATED_COLOUR = "#c5cad3"
PAIN_COLOUR = "#c62828"
POSITIVE_COLOUR = "#2e7d32"
SELECTION_COLOUR = "#1565c0"
HOVER_COLOUR = "#64b5f6"
CARD_FILL = "#ffffff"
CARD_BORDER = "#9aa3ad"
TEXT_COLOUR = "#1f2933"
MUTED_TEXT = "#5f6b7a"
GRID_LINE = "#d5dae1"
LANE_HEADER_FILL = "#eef1f5"
CELL_FILL = "#fbfcfd"
CELL_ALTERNATE_FILL = "#f5f7fa"
LINK_COLOUR = "#56626f"
EMPTY_HINT = "#a9b1bb"
COMPANY_COLOUR = "#8e6c8a"  # the company's (inside-out) ratings in the curve and charts
DIMMED_OPACITY = 0.22  # cards a filter leaves out, on the canvas and in exports


def rating_colour(rating: int | None) -> str:
    return UNRATED_COLOUR if rating is None else RATING_COLOURS[rating]
