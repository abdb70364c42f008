"""Step-by-step upgrades of older .tpmap documents to the current format version.

`MIGRATIONS[n]` turns a version-n document (a dict, as parsed from JSON) into a
version-(n + 1) one. A file of version k is lifted by running k, k+1, ... in turn,
so each step stays small and is written once. A step that finds something the older
version could not hold raises `MigrationRefusal`, naming the place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Document = dict[str, Any]


class MigrationRefusal(ValueError):
    """An old document holds what its version never could; `place` names where."""

    def __init__(self, reason: str, place: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.place = place


def _add_views(document: Document) -> Document:
    """Version 2 added saved views (a top-level "views" list); a version-1 map has none."""
    if "views" in document:
        raise MigrationRefusal(
            "unknown field 'views' (views came with format version 2; the file says version 1)",
            "views",
        )
    document["views"] = []
    return document


MIGRATIONS: dict[int, Callable[[Document], Document]] = {1: _add_views}


def migrate(document: Document, version: int, current: int) -> Document:
    """Lift `document` from `version` to `current`; KeyError names a missing step."""
    while version < current:
        step = MIGRATIONS[version]
        document = step(document)
        version += 1
        document["version"] = version
    return document
