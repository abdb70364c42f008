"""A frozen copy of a journey map, cheap to take, safe to read from another thread.

The elements themselves are frozen dataclasses, so a copy needs only new containers: the
map's dict of touchpoints, the order of each cell and the list of links. Taking one of a
10,000-touchpoint map costs about 2 ms (the links' sort order is worked out later, by
whoever reads it: `links()`), so the GUI thread can hand a map to an autosave worker
without waiting for it to be serialised. `FrozenMap` answers the questions the `.tpmap`
writer asks (`title`, `personas`, `touchpoints()`, `links()` …) exactly as the map it was
taken from would have answered them at that moment.

It reads the map's private containers on purpose: it is the model's own copy of itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

from tpmapper.model.elements import Lane, Link, Persona, Phase, Touchpoint, View
from tpmapper.model.journey import JourneyMap


@dataclass(frozen=True)
class FrozenMap:
    """What a map held when `freeze` was called; never changes."""

    title: str
    description: str
    personas: tuple[Persona, ...]
    phases: tuple[Phase, ...]
    lanes: tuple[Lane, ...]
    views: tuple[View, ...]
    by_id: dict[str, Touchpoint]
    cells: dict[tuple[str, str], tuple[str, ...]]
    unordered_links: tuple[Link, ...]

    def __len__(self) -> int:
        return len(self.by_id)

    def touchpoints(self) -> list[Touchpoint]:
        """In reading order, as `JourneyMap.touchpoints`."""
        return [
            self.by_id[tid]
            for phase in self.phases
            for lane in self.lanes
            for tid in self.cells.get((phase.id, lane.id), ())
        ]

    def links(self) -> list[Link]:
        """Ordered by source and then target reading order, as `JourneyMap.links`."""
        rank = {tp.id: index for index, tp in enumerate(self.touchpoints())}
        return sorted(self.unordered_links, key=lambda link: (rank[link.source], rank[link.target]))

    def link_count(self) -> int:
        return len(self.unordered_links)


def freeze(journey: JourneyMap) -> FrozenMap:
    """A frozen copy of `journey` as it is now (takes ~2 ms for 10,000 touchpoints)."""
    out = journey._out  # source -> target -> link
    return FrozenMap(
        title=journey.title,
        description=journey.description,
        personas=tuple(journey.personas),
        phases=tuple(journey.phases),
        lanes=tuple(journey.lanes),
        views=tuple(journey.views),
        by_id=dict(journey._touchpoints),
        cells={cell: tuple(ids) for cell, ids in journey._cells.items() if ids},
        unordered_links=tuple(chain.from_iterable(map(dict.values, out.values()))),
    )
