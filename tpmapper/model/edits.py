"""Edits: every change to a journey map, each with `apply` and `revert`.

An edit records what it needs to undo itself when it is applied, so
`edit.apply(m); edit.revert(m)` gives back exactly the map that was there before
(positions within cells included), and `apply` may run again after `revert` (redo).
Undo/redo, autosave, diff and merge all speak this one language.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from tpmapper.model.elements import FieldError, Lane, Link, Persona, Phase, Touchpoint, View
from tpmapper.model.journey import JourneyMap, OrderedItems, Position


class Edit(ABC):
    """One undoable change."""

    @abstractmethod
    def apply(self, journey: JourneyMap) -> None: ...

    @abstractmethod
    def revert(self, journey: JourneyMap) -> None: ...


class CompositeEdit(Edit):
    """Several edits as one step (a drag of many cards, a paste, a removal with consequences).

    If one part fails, the parts already applied are reverted before the error goes on,
    so the map is never left half-changed.
    """

    def __init__(self, parts: Iterable[Edit]) -> None:
        self.parts: list[Edit] = list(parts)

    def apply(self, journey: JourneyMap) -> None:
        done: list[Edit] = []
        try:
            for part in self.parts:
                part.apply(journey)
                done.append(part)
        except Exception:
            for part in reversed(done):
                part.revert(journey)
            raise

    def revert(self, journey: JourneyMap) -> None:
        for part in reversed(self.parts):
            part.revert(journey)


# ---------------------------------------------------------------------- the map itself


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


# ---------------------------------------------------------------------- phases, lanes, personas


class _ItemEdit(Edit):
    """Base of the edits on one of the map's ordered collections."""

    collection: ClassVar[str]  # "phases", "lanes", "personas" or "views"

    def items(self, journey: JourneyMap) -> OrderedItems:
        return getattr(journey, self.collection)


class _AddItem(_ItemEdit):
    def __init__(self, item: Phase | Lane | Persona | View, index: int | None = None) -> None:
        self.item, self.index = item, index

    def apply(self, journey: JourneyMap) -> None:
        self.items(journey).insert(self.item, self.index)

    def revert(self, journey: JourneyMap) -> None:
        self.items(journey).delete(self.item.id)


class _UpdateItem(_ItemEdit):
    def __init__(self, item_id: str, changes: Mapping[str, Any]) -> None:
        if "id" in changes:
            raise FieldError("id", "an id never changes")
        self.item_id, self.changes = item_id, dict(changes)
        self._old: Any = None

    def apply(self, journey: JourneyMap) -> None:
        old = self.items(journey)[self.item_id]
        self.items(journey).replace(old.with_changes(**self.changes))
        self._old = old

    def revert(self, journey: JourneyMap) -> None:
        self.items(journey).replace(self._old)


class _MoveItem(_ItemEdit):
    """Move an item to `index` in its collection (its position after the move)."""

    def __init__(self, item_id: str, index: int) -> None:
        self.item_id, self.index = item_id, index
        self._old_index: int | None = None

    def apply(self, journey: JourneyMap) -> None:
        old_index = self.items(journey).index(self.item_id)
        self.items(journey).move(self.item_id, self.index)
        self._old_index = old_index

    def revert(self, journey: JourneyMap) -> None:
        assert self._old_index is not None
        self.items(journey).move(self.item_id, self._old_index)


class _DeleteItem(_ItemEdit):
    """Delete an item nothing refers to any more; restores it at its old index."""

    def __init__(self, item_id: str) -> None:
        self.item_id = item_id
        self._old: tuple[Any, int] | None = None

    def apply(self, journey: JourneyMap) -> None:
        items = self.items(journey)
        old = (items[self.item_id], items.index(self.item_id))
        items.delete(self.item_id)
        self._old = old

    def revert(self, journey: JourneyMap) -> None:
        assert self._old is not None
        self.items(journey).insert(*self._old)


@dataclass(frozen=True)
class Consequences:
    """What removing a phase, lane or persona does to the touchpoints, said before it is done."""

    touchpoints_removed: int = 0
    links_removed: int = 0
    touchpoints_moved: int = 0
    touchpoints_changed: int = 0


class _RemoveAxisItem(_ItemEdit):
    """Remove a phase or lane. Its touchpoints go with it (and their links), or, when
    `move_to` names another phase/lane, they move there, to the end of their new cells."""

    def __init__(self, item_id: str, move_to: str | None = None) -> None:
        if move_to == item_id:
            raise ValueError("touchpoints cannot move to the phase or lane being removed")
        self.item_id, self.move_to = item_id, move_to
        self._done: CompositeEdit | None = None

    def _touchpoint_ids(self, journey: JourneyMap) -> list[str]:
        if self.collection == "phases":
            return journey.in_phase(self.item_id)
        return journey.in_lane(self.item_id)

    def consequences(self, journey: JourneyMap) -> Consequences:
        self.items(journey)[self.item_id]  # raises KeyError for an unknown id
        ids = self._touchpoint_ids(journey)
        if self.move_to is not None:
            return Consequences(touchpoints_moved=len(ids))
        inside = set(ids)
        links = {link.key for tid in ids for link in journey.links_of(tid)}
        return Consequences(touchpoints_removed=len(inside), links_removed=len(links))

    def _parts(self, journey: JourneyMap) -> list[Edit]:
        ids = self._touchpoint_ids(journey)
        parts: list[Edit] = []
        if self.move_to is None:
            parts = [RemoveTouchpoint(tid) for tid in ids]
        else:
            self.items(journey)[self.move_to]  # refuse an unknown target before changing anything
            for tid in ids:
                tp = journey.touchpoint(tid)
                phase, lane = tp.phase, tp.lane
                if self.collection == "phases":
                    phase = self.move_to
                else:
                    lane = self.move_to
                parts.append(MoveTouchpoint(tid, phase, lane))
        delete = _DeleteItem(self.item_id)
        delete.collection = self.collection  # type: ignore[misc]
        return [*parts, delete]

    def apply(self, journey: JourneyMap) -> None:
        done = CompositeEdit(self._parts(journey))
        done.apply(journey)
        self._done = done

    def revert(self, journey: JourneyMap) -> None:
        assert self._done is not None
        self._done.revert(journey)


class AddPhase(_AddItem):
    collection = "phases"


class UpdatePhase(_UpdateItem):
    collection = "phases"


class MovePhase(_MoveItem):
    collection = "phases"


class RemovePhase(_RemoveAxisItem):
    collection = "phases"


class AddLane(_AddItem):
    collection = "lanes"


class UpdateLane(_UpdateItem):
    collection = "lanes"


class MoveLane(_MoveItem):
    collection = "lanes"


class RemoveLane(_RemoveAxisItem):
    collection = "lanes"


class AddPersona(_AddItem):
    collection = "personas"


class UpdatePersona(_UpdateItem):
    collection = "personas"


class MovePersona(_MoveItem):
    collection = "personas"


class RemovePersona(_ItemEdit):
    """Remove a persona; the touchpoints that named it stop naming it."""

    collection = "personas"

    def __init__(self, persona_id: str) -> None:
        self.persona_id = persona_id
        self._done: CompositeEdit | None = None

    def _users(self, journey: JourneyMap) -> list[Touchpoint]:
        journey.personas[self.persona_id]  # raises KeyError for an unknown id
        return [tp for tp in journey.touchpoints() if self.persona_id in tp.personas]

    def consequences(self, journey: JourneyMap) -> Consequences:
        return Consequences(touchpoints_changed=len(self._users(journey)))

    def apply(self, journey: JourneyMap) -> None:
        parts: list[Edit] = [
            UpdateTouchpoint(
                tp.id, {"personas": tuple(p for p in tp.personas if p != self.persona_id)}
            )
            for tp in self._users(journey)
        ]
        delete = _DeleteItem(self.persona_id)
        delete.collection = "personas"  # type: ignore[misc]
        done = CompositeEdit([*parts, delete])
        done.apply(journey)
        self._done = done

    def revert(self, journey: JourneyMap) -> None:
        assert self._done is not None
        self._done.revert(journey)


# ---------------------------------------------------------------------- views


class AddView(_AddItem):
    """Add a saved view at `index` in the map's list of views (default: the end)."""

    collection = "views"


class UpdateView(_UpdateItem):
    """Change a view's `name`, `colour_mode` and/or `filter` (a whole new `ViewFilter`)."""

    collection = "views"


class MoveView(_MoveItem):
    collection = "views"


class RemoveView(_DeleteItem):
    """Remove a saved view (nothing else refers to one); revert puts it back at its index."""

    collection = "views"

    def consequences(self, journey: JourneyMap) -> Consequences:
        """Nothing but the view goes; here so that a remove action can ask any removal."""
        journey.views[self.item_id]  # raises KeyError for an unknown id
        return Consequences()
