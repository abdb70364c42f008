"""Edits of the map's ordered collections: phases, lanes, personas and views (add,
update, move, remove; removing a phase or lane says what happens to its touchpoints)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from tpmapper.model.edit_base import CompositeEdit, Edit
from tpmapper.model.elements import FieldError, Lane, Persona, Phase, Touchpoint, View
from tpmapper.model.journey import JourneyMap, OrderedItems
from tpmapper.model.touchpoint_edits import MoveTouchpoint, RemoveTouchpoint, UpdateTouchpoint


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
