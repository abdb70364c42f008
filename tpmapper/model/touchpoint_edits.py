"""Edits of the map itself, its touchpoints and its links."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tpmapper.model.edit_base import Edit
from tpmapper.model.elements import FieldError, Link, Touchpoint
from tpmapper.model.journey import JourneyMap, Position


class UpdateMap(Edit):
    """Change the map's title and/or description."""

    def __init__(self, *, title: str | None = None, description: str | None = None) -> None:
        self.title, self.description = title, description
        self._old: tuple[str, str] | None = None

    def apply(self, journey: JourneyMap) -> None:
        self._old = (journey.title, journey.description)
        journey.set_meta(title=self.title, description=self.description)

    def revert(self, journey: JourneyMap) -> None:
        assert self._old is not None
        journey.set_meta(title=self._old[0], description=self._old[1])


# ---------------------------------------------------------------------- touchpoints


class AddTouchpoint(Edit):
    """Add a touchpoint to its cell, at `index` (default: the end of the cell)."""

    def __init__(self, touchpoint: Touchpoint, index: int | None = None) -> None:
        self.touchpoint, self.index = touchpoint, index

    def apply(self, journey: JourneyMap) -> None:
        journey.insert_touchpoint(self.touchpoint, self.index)

    def revert(self, journey: JourneyMap) -> None:
        journey.delete_touchpoint(self.touchpoint.id)


class RemoveTouchpoint(Edit):
    """Remove a touchpoint together with the links into and out of it."""

    def __init__(self, touchpoint_id: str) -> None:
        self.touchpoint_id = touchpoint_id
        self._removed: tuple[Touchpoint, Position, list[Link]] | None = None

    def apply(self, journey: JourneyMap) -> None:
        tp = journey.touchpoint(self.touchpoint_id)
        position = journey.position(tp.id)
        links = journey.links_of(tp.id)
        for link in links:
            journey.delete_link(*link.key)
        journey.delete_touchpoint(tp.id)
        self._removed = (tp, position, links)

    def revert(self, journey: JourneyMap) -> None:
        assert self._removed is not None
        tp, position, links = self._removed
        journey.insert_touchpoint(tp, position.index)
        for link in links:
            journey.insert_link(link)


class UpdateTouchpoint(Edit):
    """Set some fields of a touchpoint (not its place: see `MoveTouchpoint`)."""

    def __init__(self, touchpoint_id: str, changes: Mapping[str, Any]) -> None:
        misplaced = set(changes) & Touchpoint.PLACE_FIELDS
        if misplaced:
            raise FieldError(sorted(misplaced)[0], "changes through a move, not an update")
        self.touchpoint_id = touchpoint_id
        self.changes = dict(changes)
        self._old: Touchpoint | None = None

    def apply(self, journey: JourneyMap) -> None:
        old = journey.touchpoint(self.touchpoint_id)
        journey.replace_touchpoint(old.with_changes(**self.changes))
        self._old = old

    def revert(self, journey: JourneyMap) -> None:
        assert self._old is not None
        journey.replace_touchpoint(self._old)


class MoveTouchpoint(Edit):
    """Move a touchpoint to a cell, at `index` in it (default: the end).

    `index` is the position the touchpoint has in its cell after the move.
    """

    def __init__(self, touchpoint_id: str, phase: str, lane: str, index: int | None = None) -> None:
        self.touchpoint_id, self.phase, self.lane, self.index = touchpoint_id, phase, lane, index
        self._old: Position | None = None

    def apply(self, journey: JourneyMap) -> None:
        old = journey.position(self.touchpoint_id)
        journey.place_touchpoint(self.touchpoint_id, self.phase, self.lane, self.index)
        self._old = old

    def revert(self, journey: JourneyMap) -> None:
        assert self._old is not None
        old = self._old
        journey.place_touchpoint(self.touchpoint_id, old.phase, old.lane, old.index)


class MoveTouchpoints(Edit):
    """Move several touchpoints into one cell together, keeping their given order.

    `index` is where the first of them lands among the cell's *other* touchpoints
    (default: after them all). Revert restores every affected cell's exact order.
    """

    def __init__(
        self, touchpoint_ids: Sequence[str], phase: str, lane: str, index: int | None = None
    ) -> None:
        if len(set(touchpoint_ids)) != len(touchpoint_ids):
            raise ValueError("each touchpoint can be moved only once")
        self.touchpoint_ids = list(touchpoint_ids)
        self.phase, self.lane, self.index = phase, lane, index
        self._old: tuple[dict[str, Position], dict[tuple[str, str], tuple[str, ...]]] | None = None

    def apply(self, journey: JourneyMap) -> None:
        positions = {tid: journey.position(tid) for tid in self.touchpoint_ids}
        cells = {(p.phase, p.lane) for p in positions.values()} | {(self.phase, self.lane)}
        orders = {cell: journey.cell(*cell) for cell in cells}
        moving = set(self.touchpoint_ids)
        others = [tid for tid in journey.cell(self.phase, self.lane) if tid not in moving]
        at = len(others) if self.index is None else max(0, min(self.index, len(others)))
        done: list[str] = []
        try:
            for tid in self.touchpoint_ids:
                journey.place_touchpoint(tid, self.phase, self.lane)
                done.append(tid)
            journey.reorder_cell(
                self.phase, self.lane, [*others[:at], *self.touchpoint_ids, *others[at:]]
            )
        except Exception:
            self._restore(journey, {tid: positions[tid] for tid in done}, orders)
            raise
        self._old = (positions, orders)

    def revert(self, journey: JourneyMap) -> None:
        assert self._old is not None
        self._restore(journey, *self._old)

    @staticmethod
    def _restore(
        journey: JourneyMap,
        positions: Mapping[str, Position],
        orders: Mapping[tuple[str, str], tuple[str, ...]],
    ) -> None:
        for tid, old in positions.items():
            journey.place_touchpoint(tid, old.phase, old.lane)
        for (phase, lane), order in orders.items():
            journey.reorder_cell(phase, lane, list(order))


class ReorderCell(Edit):
    """Put the touchpoints of one cell in a new order."""

    def __init__(self, phase: str, lane: str, order: Sequence[str]) -> None:
        self.phase, self.lane, self.order = phase, lane, list(order)
        self._old: tuple[str, ...] | None = None

    def apply(self, journey: JourneyMap) -> None:
        old = journey.cell(self.phase, self.lane)
        journey.reorder_cell(self.phase, self.lane, self.order)
        self._old = old

    def revert(self, journey: JourneyMap) -> None:
        assert self._old is not None
        journey.reorder_cell(self.phase, self.lane, list(self._old))


# ---------------------------------------------------------------------- links


class AddLink(Edit):
    def __init__(self, link: Link) -> None:
        self.link = link

    def apply(self, journey: JourneyMap) -> None:
        journey.insert_link(self.link)

    def revert(self, journey: JourneyMap) -> None:
        journey.delete_link(*self.link.key)


class RemoveLink(Edit):
    def __init__(self, source: str, target: str) -> None:
        self.key = (source, target)
        self._old: Link | None = None

    def apply(self, journey: JourneyMap) -> None:
        old = journey.link(*self.key)
        journey.delete_link(*self.key)
        self._old = old

    def revert(self, journey: JourneyMap) -> None:
        assert self._old is not None
        journey.insert_link(self._old)


class UpdateLink(Edit):
    """Set the label and/or share of a link (its ends define it and do not change)."""

    def __init__(self, source: str, target: str, changes: Mapping[str, Any]) -> None:
        if {"source", "target"} & set(changes):
            raise FieldError("source", "a link's ends do not change; remove it and add another")
        self.key = (source, target)
        self.changes = dict(changes)
        self._old: Link | None = None

    def apply(self, journey: JourneyMap) -> None:
        old = journey.link(*self.key)
        journey.replace_link(old.with_changes(**self.changes))
        self._old = old

    def revert(self, journey: JourneyMap) -> None:
        assert self._old is not None
        journey.replace_link(self._old)
