"""The palette's library of ready-made touchpoints (resources/palette.json), per language."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from tpmapper.i18n import DEFAULT_LANGUAGE
from tpmapper.model.elements import Touchpoint
from tpmapper.resources import resource_path

#: Touchpoint fields a palette entry may preset.
PRESET_FIELDS = ("channel", "ownership", "directness", "influenceable", "medium")


@dataclass(frozen=True)
class PaletteEntry:
    name: str
    presets: dict[str, Any]  # stored words, as in a .tpmap file

    def touchpoint(self, touchpoint_id: str, phase: str, lane: str) -> Touchpoint:
        return Touchpoint(touchpoint_id, self.name, phase, lane, **self.presets)


@dataclass(frozen=True)
class PaletteGroup:
    name: str
    phase_hint: str
    entries: tuple[PaletteEntry, ...]


@cache
def _document() -> dict[str, Any]:
    return json.loads(resource_path("palette.json").read_text(encoding="utf-8"))


def palette(language: str = DEFAULT_LANGUAGE) -> list[PaletteGroup]:
    """The library grouped by phase, with names in `language` (English where missing)."""

    def local(names: dict[str, str]) -> str:
        return names.get(language) or names[DEFAULT_LANGUAGE]

    groups = []
    for group in _document()["groups"]:
        entries = tuple(
            PaletteEntry(local(e["name"]), {k: e[k] for k in PRESET_FIELDS if k in e})
            for e in group["entries"]
        )
        groups.append(PaletteGroup(local(group["name"]), group["phase_hint"], entries))
    return groups
