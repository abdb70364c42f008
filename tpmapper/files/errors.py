"""The one error type the files layer raises: a sentence naming the file and the place."""

from __future__ import annotations

from pathlib import Path

from tpmapper.printable import printable


class MapFileError(Exception):
    """A file could not be read or written.

    `str(error)` is one sentence a user can act on, e.g.
    "shop.tpmap: touchpoints[3].customer_rating: 9 is outside 1–5". The file's name, the
    place and the reason are each made printable: a newline, a control character or a
    right-to-left override in a name (or in a value quoted in the reason) is shown as an
    escape, so the message stays one line and says what it seems to say.
    """

    def __init__(self, source: str | Path, reason: str, place: str | None = None) -> None:
        self.source = printable(source)
        self.reason = printable(reason)
        self.place = None if place is None else printable(place)
        super().__init__(
            f"{self.source}: {self.place}: {self.reason}"
            if self.place
            else f"{self.source}: {self.reason}"
        )


def shorten(text: str, limit: int = 60) -> str:
    """`text` cut to `limit` characters with "…", to quote it in a sentence."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
