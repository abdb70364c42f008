"""Step-by-step upgrades of older .tpmap documents to the current format version.

`MIGRATIONS[n]` turns a version-n document (a dict, as parsed from JSON) into a
version-(n + 1) one. A file of version k is lifted by running k, k+1, ... in turn,
so each step stays small and is written once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Document = dict[str, Any]

MIGRATIONS: dict[int, Callable[[Document], Document]] = {}


def migrate(document: Document, version: int, current: int) -> Document:
    """Lift `document` from `version` to `current`; KeyError names a missing step."""
    while version < current:
        step = MIGRATIONS[version]
        document = step(document)
        version += 1
        document["version"] = version
    return document
