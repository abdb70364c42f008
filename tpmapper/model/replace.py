"""One edit that makes a map hold another map's content: recovered work, a reload from disk.

`ReplaceContent(other).apply(m)` leaves `m == other`; `revert` brings back exactly what `m`
held before, so the whole replacement is one undo step. Only what differs is changed (a
touchpoint that is the same in both stays put), so a canvas redraws only that.
"""

from __future__ import annotations

from typing import Any

from tpmapper.model.edit_base import Edit
from tpmapper.model.frozen import FrozenMap, freeze
from tpmapper.model.journey import JourneyMap, OrderedItems


class ReplaceContent(Edit):
    def __init__(self, content: JourneyMap | FrozenMap) -> None:
        self._new = content if isinstance(content, FrozenMap) else freeze(content)
        self._old: FrozenMap | None = None

    def apply(self, journey: JourneyMap) -> None:
        self._old = freeze(journey)
        _become(journey, self._new, self._old)

    def revert(self, journey: JourneyMap) -> None:
        assert self._old is not None, "revert before apply"
        _become(journey, self._old, self._new)


def _become(journey: JourneyMap, target: FrozenMap, before: FrozenMap) -> None:
    """Change `journey` (which holds `before`) until it holds `target`; all or nothing."""
    try:
        _change(journey, target)
    except Exception:
        _change(journey, before)  # both are sound maps: this cannot fail the same way
        raise


def _change(journey: JourneyMap, target: FrozenMap) -> None:
    if (journey.title, journey.description) != (target.title, target.description):
        journey.set_meta(title=target.title, description=target.description)
    # What new touchpoints need first: their personas, phases and lanes.
    for items, wanted in (
        (journey.personas, target.personas),
        (journey.phases, target.phases),
        (journey.lanes, target.lanes),
    ):
        _put(items, wanted)
    # Links that go or change; then the touchpoints that go, move, change or come.
    wanted_links = target.by_key
    for link in journey.links():
        if link.key not in wanted_links:
            journey.delete_link(*link.key)
    for tid in [tid for tid in _ids(journey) if tid not in target.by_id]:
        journey.delete_touchpoint(tid)
    for tp in target.touchpoints():
        if tp.id not in journey:
            journey.insert_touchpoint(tp)
            continue
        current = journey.touchpoint(tp.id)
        if (current.phase, current.lane) != (tp.phase, tp.lane):
            journey.place_touchpoint(tp.id, tp.phase, tp.lane)
            current = journey.touchpoint(tp.id)
        if current != tp:
            journey.replace_touchpoint(tp)
    for key, link in wanted_links.items():
        if not journey.has_link(*key):
            journey.insert_link(link)
        elif journey.link(*key) != link:
            journey.replace_link(link)
    for (phase, lane), order in target.cells.items():
        if journey.cell(phase, lane) != order:
            journey.reorder_cell(phase, lane, list(order))
    # Now nothing refers to what goes: personas, phases and lanes; the views; the order.
    for items, wanted in (
        (journey.personas, target.personas),
        (journey.phases, target.phases),
        (journey.lanes, target.lanes),
    ):
        _drop_and_order(items, wanted)
    _put(journey.views, target.views)
    _drop_and_order(journey.views, target.views)


def _ids(journey: JourneyMap) -> list[str]:
    return [tp.id for tp in journey.touchpoints()]


def _put(items: OrderedItems[Any], wanted: tuple[Any, ...]) -> None:
    """Add the elements `items` lacks (at the end) and replace those that differ."""
    for element in wanted:
        current = items.get(element.id)
        if current is None:
            items.insert(element)
        elif current != element:
            items.replace(element)


def _drop_and_order(items: OrderedItems[Any], wanted: tuple[Any, ...]) -> None:
    keep = {element.id for element in wanted}
    for item_id in [i for i in items.ids() if i not in keep]:
        items.delete(item_id)
    for index, element in enumerate(wanted):
        if items.index(element.id) != index:
            items.move(element.id, index)
