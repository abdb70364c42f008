"""The journey map: phases x lanes, the touchpoints in their cells, and the links between them.

Touchpoints and links form a directed graph (node = touchpoint id, edge = a step a
customer takes). The map keeps it in plain adjacency dicts and hands analyses a
`networkx.DiGraph` of it (`graph`), built on first use after a change: importing networkx
costs about 0.2 s, which the app's start-up cannot afford (measured in
benchmarks/bench_startup.py). Phases, lanes, personas and views are ordered collections.
The order of touchpoints inside a cell is kept in `_cells`.

The mutating methods here are the *primitives* that edits (`tpmapper.model.edits`) are
built from. Anything else (widgets, importers) changes a map by applying edits, so every
change can be reverted and every listener hears of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from tpmapper.model.elements import Lane, Link, Persona, Phase, Touchpoint, View
from tpmapper.model.values import name as check_name
from tpmapper.model.values import text as check_text

if TYPE_CHECKING:
    import networkx as nx


class Target(Enum):
    MAP = "map"
    PERSONA = "persona"
    PHASE = "phase"
    LANE = "lane"
    TOUCHPOINT = "touchpoint"
    CELL = "cell"
    LINK = "link"
    VIEW = "view"


class Action(Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"


@dataclass(frozen=True)
class Change:
    """What a listener is told: which kind of element, what happened, and its key."""

    target: Target
    action: Action
    key: Any = None  # an id; (source, target) for links; (phase, lane) for cells


Listener = Callable[[Change], None]
IdPair = tuple[str, str]  # a link's (source, target), a cell's (phase, lane)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


class OrderedItems(Generic[T]):
    """An ordered collection of elements with unique ids (phases, lanes, personas, views)."""

    def __init__(
        self,
        target: Target,
        notify: Listener,
        deletable: Callable[[str], str | None] = lambda _id: None,
    ) -> None:
        self._target = target
        self._notify = notify
        self._deletable = deletable
        self._items: list[T] = []
        self._by_id: dict[str, T] = {}

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._by_id

    def __getitem__(self, item_id: str) -> T:
        try:
            return self._by_id[item_id]
        except KeyError:
            raise KeyError(f"no {self._target.value} with id '{item_id}'") from None

    def get(self, item_id: str) -> T | None:
        return self._by_id.get(item_id)

    def at(self, index: int) -> T:
        return self._items[index]

    def ids(self) -> list[str]:
        return [item.id for item in self._items]

    def index(self, item_id: str) -> int:
        return self._items.index(self[item_id])

    # primitives
    def insert(self, item: T, index: int | None = None) -> None:
        if item.id in self._by_id:
            raise ValueError(f"a {self._target.value} with id '{item.id}' exists already")
        position = len(self._items) if index is None else max(0, min(index, len(self._items)))
        self._items.insert(position, item)
        self._by_id[item.id] = item
        self._notify(Change(self._target, Action.ADDED, item.id))

    def delete(self, item_id: str) -> None:
        item = self[item_id]
        refusal = self._deletable(item_id)
        if refusal:
            raise ValueError(refusal)
        self._items.remove(item)
        del self._by_id[item_id]
        self._notify(Change(self._target, Action.REMOVED, item_id))

    def replace(self, item: T) -> None:
        old = self[item.id]
        self._items[self._items.index(old)] = item
        self._by_id[item.id] = item
        self._notify(Change(self._target, Action.CHANGED, item.id))

    def move(self, item_id: str, index: int) -> None:
        item = self[item_id]
        self._items.remove(item)
        self._items.insert(max(0, min(index, len(self._items))), item)
        self._notify(Change(self._target, Action.MOVED, item_id))


@dataclass(frozen=True)
class Position:
    """Where a touchpoint sits: its cell and its index within the cell."""

    phase: str
    lane: str
    index: int


def in_reading_order(
    by_id: Mapping[str, Touchpoint],
    cells: Mapping[IdPair, Sequence[str]],
    phase_ids: Iterable[str],
    lane_ids: Sequence[str],
) -> list[Touchpoint]:
    """The touchpoints phase by phase, lane by lane, then in their cell's order."""
    return [
        by_id[tid]
        for phase_id in phase_ids
        for lane_id in lane_ids
        for tid in cells.get((phase_id, lane_id), ())
    ]


def links_in_order(links: Iterable[Link], touchpoints: list[Touchpoint]) -> list[Link]:
    """`links` ordered by their source's and then their target's place in `touchpoints`."""
    rank = {tp.id: index for index, tp in enumerate(touchpoints)}
    return sorted(links, key=lambda link: (rank[link.source], rank[link.target]))


class JourneyMap:
    """A customer journey: its phases, lanes, personas, touchpoints and links, and the
    views saved with it."""

    def __init__(self, title: str = "Untitled map", description: str = "") -> None:
        self._title = check_name(title)
        self._description = check_text(description)
        self._listeners: list[Listener] = []
        self.phases: OrderedItems[Phase] = OrderedItems(
            Target.PHASE, self._notify, lambda pid: self._refuse_delete_axis("phase", pid)
        )
        self.lanes: OrderedItems[Lane] = OrderedItems(
            Target.LANE, self._notify, lambda lid: self._refuse_delete_axis("lane", lid)
        )
        self.personas: OrderedItems[Persona] = OrderedItems(
            Target.PERSONA, self._notify, self._refuse_delete_persona
        )
        # Views may name ids the map lacks (they match nothing), so nothing refers to them
        # in a way that stops a phase, lane or persona from going, nor them from going.
        self.views: OrderedItems[View] = OrderedItems(Target.VIEW, self._notify)
        self._touchpoints: dict[str, Touchpoint] = {}
        self._out: dict[str, dict[str, Link]] = {}  # source -> target -> link
        self._in: dict[str, dict[str, Link]] = {}  # target -> source -> link
        self._links: dict[IdPair, Link] = {}  # link.key -> link
        self._graph: nx.DiGraph | None = None  # built by `graph`, dropped on every change
        self._cells: dict[IdPair, list[str]] = {}  # (phase, lane) -> ids in order
        self._shared = False  # a frozen copy holds _touchpoints, _links, _cells: copy on write

    # ----------------------------------------------------------------- listeners
    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _notify(self, change: Change) -> None:
        self._graph = None
        for listener in tuple(self._listeners):
            listener(change)

    # ----------------------------------------------------------------- map fields
    @property
    def title(self) -> str:
        return self._title

    @property
    def description(self) -> str:
        return self._description

    def set_meta(self, *, title: str | None = None, description: str | None = None) -> None:
        """Primitive: change the title and/or description."""
        # check both before changing either, so a refused value leaves the map as it was
        new_title = self._title if title is None else check_name(title)
        new_description = self._description if description is None else check_text(description)
        self._title, self._description = new_title, new_description
        self._notify(Change(Target.MAP, Action.CHANGED))

    # ----------------------------------------------------------------- queries
    @property
    def graph(self) -> nx.DiGraph:
        """The journey as a networkx DiGraph: node attribute "touchpoint", edge attribute
        "link". Built on first use after a change; read it, never change it (use edits)."""
        if self._graph is None:
            import networkx as nx

            graph = nx.DiGraph()
            graph.add_nodes_from((tid, {"touchpoint": tp}) for tid, tp in self._touchpoints.items())
            graph.add_edges_from(
                (source, target, {"link": link})
                for source, targets in self._out.items()
                for target, link in targets.items()
            )
            self._graph = graph
        return self._graph

    def __len__(self) -> int:
        return len(self._touchpoints)

    def __contains__(self, touchpoint_id: object) -> bool:
        return touchpoint_id in self._touchpoints

    def link_count(self) -> int:
        return len(self._links)

    def touchpoint(self, touchpoint_id: str) -> Touchpoint:
        try:
            return self._touchpoints[touchpoint_id]
        except KeyError:
            raise KeyError(f"no touchpoint with id '{touchpoint_id}'") from None

    def cell(self, phase_id: str, lane_id: str) -> tuple[str, ...]:
        """The ids of the touchpoints in a cell, in their order."""
        return tuple(self._cells.get((phase_id, lane_id), ()))

    def position(self, touchpoint_id: str) -> Position:
        tp = self.touchpoint(touchpoint_id)
        return Position(tp.phase, tp.lane, self._cells[(tp.phase, tp.lane)].index(tp.id))

    def touchpoints(self) -> list[Touchpoint]:
        """All touchpoints in reading order: phase by phase, lane by lane, then within the cell."""
        return in_reading_order(self._touchpoints, self._cells, self.phases.ids(), self.lanes.ids())

    def link(self, source: str, target: str) -> Link:
        try:
            return self._out[source][target]
        except KeyError:
            raise KeyError(f"no link from '{source}' to '{target}'") from None

    def has_link(self, source: str, target: str) -> bool:
        return target in self._out.get(source, ())

    def links(self) -> list[Link]:
        """All links, ordered by their source's and then their target's reading order."""
        return links_in_order(self._links.values(), self.touchpoints())

    def links_of(self, touchpoint_id: str) -> list[Link]:
        """Links into or out of a touchpoint (a loop on itself once)."""
        out = list(self._out.get(touchpoint_id, {}).values())
        into = [
            link
            for source, link in self._in.get(touchpoint_id, {}).items()
            if source != touchpoint_id
        ]
        return out + into

    def in_phase(self, phase_id: str) -> list[str]:
        return [tid for lane_id in self.lanes.ids() for tid in self.cell(phase_id, lane_id)]

    def in_lane(self, lane_id: str) -> list[str]:
        return [tid for phase_id in self.phases.ids() for tid in self.cell(phase_id, lane_id)]

    def owners(self) -> list[str]:
        """The distinct owners named in the map, sorted case-insensitively."""
        return sorted({tp.owner for tp in self.touchpoints() if tp.owner}, key=str.casefold)

    def snapshot(self) -> tuple:
        """Everything that makes this map what it is, as one comparable value."""
        return (
            self._title,
            self._description,
            tuple(self.personas),
            tuple(self.phases),
            tuple(self.lanes),
            tuple(self.touchpoints()),
            tuple(self.links()),
            tuple(self.views),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JourneyMap):
            return NotImplemented
        return self.snapshot() == other.snapshot()

    __hash__ = None  # type: ignore[assignment]  # maps are mutable

    def __repr__(self) -> str:
        return (
            f"<JourneyMap {self._title!r}: {len(self.phases)} phases, {len(self.lanes)} lanes, "
            f"{len(self)} touchpoints, {len(self._links)} links>"
        )

    # ----------------------------------------------------------------- copy on write
    def _share(self) -> tuple[dict[str, Touchpoint], dict[IdPair, Link], dict[IdPair, list[str]]]:
        """The touchpoints, links and cells themselves, for a frozen copy (`model.frozen`):
        the map gives them away and takes copies of its own before its next change, so a
        copy costs nothing when it is taken (on the GUI thread, while the user types)."""
        self._shared = True
        return self._touchpoints, self._links, self._cells

    def _unshare(self) -> None:
        """Before a change: own containers again if a frozen copy holds these."""
        if self._shared:
            self._touchpoints = dict(self._touchpoints)
            self._links = dict(self._links)
            self._cells = {cell: list(ids) for cell, ids in self._cells.items()}
            self._shared = False

    # ----------------------------------------------------------------- primitives
    def insert_touchpoint(self, touchpoint: Touchpoint, index: int | None = None) -> None:
        """Primitive: add a touchpoint to its cell, at `index` (default: the end)."""
        if touchpoint.id in self._touchpoints:
            raise ValueError(f"a touchpoint with id '{touchpoint.id}' exists already")
        self._check_place(touchpoint)
        self._unshare()
        cell = self._cells.setdefault((touchpoint.phase, touchpoint.lane), [])
        cell.insert(len(cell) if index is None else max(0, min(index, len(cell))), touchpoint.id)
        self._touchpoints[touchpoint.id] = touchpoint
        self._out[touchpoint.id], self._in[touchpoint.id] = {}, {}
        self._notify(Change(Target.TOUCHPOINT, Action.ADDED, touchpoint.id))

    def delete_touchpoint(self, touchpoint_id: str) -> None:
        """Primitive: remove a touchpoint that no link touches any more."""
        tp = self.touchpoint(touchpoint_id)
        if self._out[touchpoint_id] or self._in[touchpoint_id]:
            raise ValueError(f"touchpoint '{tp.name}' still has links")
        self._unshare()
        self._cells[(tp.phase, tp.lane)].remove(touchpoint_id)
        del self._touchpoints[touchpoint_id], self._out[touchpoint_id], self._in[touchpoint_id]
        self._notify(Change(Target.TOUCHPOINT, Action.REMOVED, touchpoint_id))

    def replace_touchpoint(self, touchpoint: Touchpoint) -> None:
        """Primitive: put a changed touchpoint in place; its cell must stay the same."""
        old = self.touchpoint(touchpoint.id)
        if (old.phase, old.lane) != (touchpoint.phase, touchpoint.lane):
            raise ValueError("a touchpoint changes its cell by a move, not a replace")
        self._check_personas(touchpoint)
        self._unshare()
        self._touchpoints[touchpoint.id] = touchpoint
        self._notify(Change(Target.TOUCHPOINT, Action.CHANGED, touchpoint.id))

    def place_touchpoint(
        self, touchpoint_id: str, phase_id: str, lane_id: str, index: int | None = None
    ) -> None:
        """Primitive: move a touchpoint to a cell, at `index` in it (default: the end)."""
        old = self.touchpoint(touchpoint_id)
        new = old.with_changes(phase=phase_id, lane=lane_id)
        self._check_place(new)
        self._unshare()
        self._cells[(old.phase, old.lane)].remove(touchpoint_id)
        cell = self._cells.setdefault((phase_id, lane_id), [])
        cell.insert(len(cell) if index is None else max(0, min(index, len(cell))), touchpoint_id)
        self._touchpoints[touchpoint_id] = new
        self._notify(Change(Target.TOUCHPOINT, Action.MOVED, touchpoint_id))

    def reorder_cell(self, phase_id: str, lane_id: str, order: list[str]) -> None:
        """Primitive: put the touchpoints of a cell in a new order (same touchpoints)."""
        if sorted(order) != sorted(self._cells.get((phase_id, lane_id), [])):
            raise ValueError("a new order must hold exactly the touchpoints of the cell")
        self._unshare()
        self._cells[(phase_id, lane_id)] = list(order)
        self._notify(Change(Target.CELL, Action.MOVED, (phase_id, lane_id)))

    def insert_link(self, link: Link) -> None:
        """Primitive: add a link between two touchpoints of this map."""
        for end in link.key:
            if end not in self._touchpoints:
                raise ValueError(f"a link needs touchpoints that exist; '{end}' does not")
        if self.has_link(*link.key):
            raise ValueError("these touchpoints are linked already")
        self._unshare()
        self._out[link.source][link.target] = self._in[link.target][link.source] = link
        self._links[link.key] = link
        self._notify(Change(Target.LINK, Action.ADDED, link.key))

    def delete_link(self, source: str, target: str) -> None:
        self.link(source, target)
        self._unshare()
        del self._out[source][target], self._in[target][source], self._links[(source, target)]
        self._notify(Change(Target.LINK, Action.REMOVED, (source, target)))

    def replace_link(self, link: Link) -> None:
        self.link(*link.key)
        self._unshare()
        self._out[link.source][link.target] = self._in[link.target][link.source] = link
        self._links[link.key] = link
        self._notify(Change(Target.LINK, Action.CHANGED, link.key))

    # ----------------------------------------------------------------- integrity
    def _check_place(self, touchpoint: Touchpoint) -> None:
        if touchpoint.phase not in self.phases:
            raise ValueError(f"there is no phase with id '{touchpoint.phase}'")
        if touchpoint.lane not in self.lanes:
            raise ValueError(f"there is no lane with id '{touchpoint.lane}'")
        self._check_personas(touchpoint)

    def _check_personas(self, touchpoint: Touchpoint) -> None:
        for persona_id in touchpoint.personas:
            if persona_id not in self.personas:
                raise ValueError(f"there is no persona with id '{persona_id}'")

    def _refuse_delete_axis(self, axis: str, item_id: str) -> str | None:
        ids = self.in_phase(item_id) if axis == "phase" else self.in_lane(item_id)
        return f"the {axis} still holds {len(ids)} touchpoints" if ids else None

    def _refuse_delete_persona(self, persona_id: str) -> str | None:
        users = [tp.name for tp in self.touchpoints() if persona_id in tp.personas]
        return f"the persona is still named by {len(users)} touchpoints" if users else None
