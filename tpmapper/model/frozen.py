"""A frozen copy of a journey map, free to take, safe to read from another thread.

The elements themselves are frozen dataclasses, and the map hands over its containers
(the touchpoints, the links and the order of each cell) instead of copying them: it copies
them itself before its next change (`JourneyMap._share`, copy on write). So taking a copy
of a 10,000-touchpoint map costs a few microseconds on the GUI thread, where copying the
containers cost 5-10 ms in the running app (its memory no longer in the cache), and the
copy is paid for by the next edit, which redraws and re-analyses the map anyway.
`FrozenMap` answers the questions the `.tpmap` writer asks (`title`, `personas`,
`touchpoints()`, `links()` …) exactly as the map it was taken from would have answered
them at that moment.

It reads the map's private containers on purpose: it is the model's own copy of itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tpmapper.model.elements import Lane, Link, Persona, Phase, Touchpoint, View
from tpmapper.model.journey import JourneyMap, in_reading_order, links_in_order


@dataclass(frozen=True)
class FrozenMap:
    """What a map held when `freeze` was called; never changes (read it, never change it)."""

    title: str
    description: str
    personas: tuple[Persona, ...]
    phases: tuple[Phase, ...]
    lanes: tuple[Lane, ...]
    views: tuple[View, ...]
    by_id: Mapping[str, Touchpoint]
    by_key: Mapping[tuple[str, str], Link]  # (source, target) -> link
    cell_orders: Mapping[tuple[str, str], Sequence[str]]

    def __len__(self) -> int:
        return len(self.by_id)

    @property
    def cells(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """The order of each cell that holds touchpoints."""
        return {cell: tuple(ids) for cell, ids in self.cell_orders.items() if ids}

    def touchpoints(self) -> list[Touchpoint]:
        """In reading order, as `JourneyMap.touchpoints`."""
        lane_ids = [lane.id for lane in self.lanes]
        phase_ids = [phase.id for phase in self.phases]
        return in_reading_order(self.by_id, self.cell_orders, phase_ids, lane_ids)

    def links(self) -> list[Link]:
        """Ordered by source and then target reading order, as `JourneyMap.links`."""
        return links_in_order(self.by_key.values(), self.touchpoints())

    def link_count(self) -> int:
        return len(self.by_key)


def freeze(journey: JourneyMap) -> FrozenMap:
    """A frozen copy of `journey` as it is now."""
    touchpoints, links, cells = journey._share()
    return FrozenMap(
        title=journey.title,
        description=journey.description,
        personas=tuple(journey.personas),
        phases=tuple(journey.phases),
        lanes=tuple(journey.lanes),
        views=tuple(journey.views),
        by_id=touchpoints,
        by_key=links,
        cell_orders=cells,
    )
