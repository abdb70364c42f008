"""The one error type the files layer raises: a sentence naming the file and the place."""

from __future__ import annotations

from pathlib import Path


class MapFileError(Exception):
    """A file could not be read or written.

    `str(error)` is one sentence a user can act on, e.g.
    "shop.tpmap: touchpoints[3].customer_rating: 9 is outside 1–5".
    """

    def __init__(self, source: str | Path, reason: str, place: str | None = None) -> None:
        self.source = str(source)
        self.reason = reason
        self.place = place
        super().__init__(
            f"{self.source}: {place}: {reason}" if place else f"{self.source}: {reason}"
        )
