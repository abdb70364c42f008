"""What an analysis finds: plain frozen dataclasses, and their JSON (docs/analysis.md).

The field names of `Findings` are the keys of `tpmapper analyze --json`, in that order;
every id list is in the map's reading order (phase by phase, lane by lane, then within
the cell). Everything that shows a finding (the command line, the Excel summary, the
status bar) reads it from here and computes nothing itself.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class CurvePoint:
    """One phase of the rating curve: its touchpoints and their average ratings."""

    phase: str
    name: str
    touchpoints: int
    customer: float | None  # average customer rating of the phase's rated touchpoints
    company: float | None  # average company rating, likewise


@dataclass(frozen=True)
class BlindSpot:
    """A touchpoint the company judges at least 2 points apart from its customers."""

    id: str
    customer: int
    company: int
    gap: int  # company - customer: positive where the company sees itself better


@dataclass(frozen=True)
class Agreement:
    """How many touchpoints rated by both sides are judged alike (differ by at most 1)."""

    rated: int
    agree: int
    share: float | None  # agree / rated; None when nothing is rated by both


@dataclass(frozen=True)
class OwnerLoad:
    """What one owner answers for."""

    owner: str
    touchpoints: int
    weak_spots: int


@dataclass(frozen=True)
class Cell:
    """A cell of the grid, by phase id and lane id."""

    phase: str
    lane: str


@dataclass(frozen=True)
class Priority:
    """A touchpoint worth fixing first: importance x (5 - customer rating)."""

    id: str
    score: int


@dataclass(frozen=True)
class Findings:
    """Every finding about one map (or one persona's part of it)."""

    title: str
    touchpoints: int
    links: int
    curve: tuple[CurvePoint, ...]
    entries: tuple[str, ...]
    dead_ends: tuple[str, ...]
    orphans: tuple[str, ...]
    loops: tuple[tuple[str, ...], ...]
    bottlenecks: tuple[str, ...]
    weak_spots: tuple[str, ...]
    blind_spots: tuple[BlindSpot, ...]
    agreement: Agreement
    unowned: tuple[str, ...]
    owners: tuple[OwnerLoad, ...]
    empty_cells: tuple[Cell, ...]
    uninfluenceable_phases: tuple[str, ...]
    priorities: tuple[Priority, ...]

    def to_json(self) -> dict[str, Any]:
        """The findings as JSON-ready values: dicts, lists, str, int, float and None."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value
