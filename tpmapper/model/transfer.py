"""Copying touchpoints between maps (or within one): a selection becomes a small map of
its own, and pasting turns such a map into one edit on the target.

The small map carries the phases, lanes and personas its touchpoints refer to, so a
paste into another map can place each touchpoint sensibly: in the phase (and lane) with
the same id, else with the same name, else in the first one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tpmapper.model.edits import AddLink, AddTouchpoint, CompositeEdit, Edit
from tpmapper.model.elements import Link, new_id
from tpmapper.model.journey import JourneyMap, OrderedItems


def extract(journey: JourneyMap, touchpoint_ids: Iterable[str]) -> JourneyMap:
    """The chosen touchpoints, the links among them, and what they refer to."""
    chosen = set(touchpoint_ids)
    touchpoints = [tp for tp in journey.touchpoints() if tp.id in chosen]
    part = JourneyMap(journey.title)
    for persona in journey.personas:
        if any(persona.id in tp.personas for tp in touchpoints):
            part.personas.insert(persona)
    for phase in journey.phases:
        if any(tp.phase == phase.id for tp in touchpoints):
            part.phases.insert(phase)
    for lane in journey.lanes:
        if any(tp.lane == lane.id for tp in touchpoints):
            part.lanes.insert(lane)
    for tp in touchpoints:
        part.insert_touchpoint(tp)
    for link in journey.links():
        if link.source in chosen and link.target in chosen:
            part.insert_link(link)
    return part


def _match(source: OrderedItems, target: OrderedItems, item_id: str) -> str:
    if item_id in target:
        return item_id
    name = source[item_id].name.casefold()
    for item in target:
        if item.name.casefold() == name:
            return item.id
    return target.at(0).id


def paste_edit(
    part: JourneyMap, target: JourneyMap, make_id: Callable[[], str] = new_id
) -> tuple[Edit, list[str]]:
    """One edit that adds copies of `part`'s touchpoints and links to `target`, with new
    ids; returns it with the new ids. Raises ValueError when `target` has no phase or lane."""
    if not len(target.phases) or not len(target.lanes):
        raise ValueError("the map needs at least one phase and one lane to paste into")
    new_ids: dict[str, str] = {}
    parts: list[Edit] = []
    for tp in part.touchpoints():
        new_ids[tp.id] = make_id()
        personas = tuple(p for p in tp.personas if p in target.personas)
        copy = tp.with_changes(
            id=new_ids[tp.id],
            phase=_match(part.phases, target.phases, tp.phase),
            lane=_match(part.lanes, target.lanes, tp.lane),
            personas=personas,
        )
        parts.append(AddTouchpoint(copy))
    for link in part.links():
        parts.append(
            AddLink(Link(new_ids[link.source], new_ids[link.target], link.label, link.share))
        )
    return CompositeEdit(parts), list(new_ids.values())
