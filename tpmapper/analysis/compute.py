"""`analyze`: every finding about a map, computed once, optionally for one persona."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tpmapper.analysis import paths
from tpmapper.analysis.findings import (
    Agreement,
    BlindSpot,
    Cell,
    CurvePoint,
    Findings,
    OwnerLoad,
    Priority,
)
from tpmapper.model.elements import Persona, Touchpoint
from tpmapper.model.journey import JourneyMap
from tpmapper.model.values import RATING_MAX
from tpmapper.model.vocabulary import Moment

if TYPE_CHECKING:  # networkx is imported by the graph questions, not with this module
    import networkx as nx

#: A customer rating at or below this makes a touchpoint a weak spot.
WEAK_RATING = 2
#: Ratings this far apart (company - customer, either way) make a blind spot.
BLIND_SPOT_GAP = 2
#: Ratings at most this far apart count as agreeing.
AGREEMENT_GAP = 1
#: How many priorities are listed at most.
MAX_PRIORITIES = 7


class UnknownPersona(ValueError):
    """A persona id the map does not have; the message names the ones it has."""

    def __init__(self, persona: str, known: Sequence[Persona]) -> None:
        listed = ", ".join(f"{p.id} ({p.name})" for p in known)
        super().__init__(
            f"the map has no persona with id '{persona}'; "
            + (f"its personas are: {listed}" if known else "it has no personas")
        )
        self.persona = persona
        self.known = tuple(p.id for p in known)


def serves(touchpoint: Touchpoint, persona: str) -> bool:
    """Whether a touchpoint serves a persona: it names it, or names none (serves everyone)."""
    return not touchpoint.personas or persona in touchpoint.personas


def analyze(journey: JourneyMap, persona: str | None = None) -> Findings:
    """Every finding about `journey`; with `persona`, about the touchpoints serving that
    persona and the links between them. Raises UnknownPersona for an id the map lacks."""
    touchpoints = journey.touchpoints()
    if persona is not None:
        if persona not in journey.personas:
            raise UnknownPersona(persona, list(journey.personas))
        touchpoints = [tp for tp in touchpoints if serves(tp, persona)]
    order = [tp.id for tp in touchpoints]
    rank = {tid: index for index, tid in enumerate(order)}
    steps, link_count = _steps(journey, rank)
    phase_ids = journey.phases.ids()
    by_phase: dict[str, list[Touchpoint]] = {pid: [] for pid in phase_ids}
    for tp in touchpoints:
        by_phase[tp.phase].append(tp)
    first = [tp.id for tp in by_phase[phase_ids[0]]] if phase_ids else []
    last = [tp.id for tp in by_phase[phase_ids[-1]]] if phase_ids else []
    weak = tuple(tp.id for tp in touchpoints if is_weak_spot(tp))
    return Findings(
        title=journey.title,
        touchpoints=len(touchpoints),
        links=link_count,
        curve=_curve(journey, by_phase),
        entries=paths.entries(steps, order),
        dead_ends=paths.dead_ends(steps, order, set(last)),
        orphans=paths.orphans(steps, order),
        loops=paths.loops(steps, rank),
        # with one phase, no journey leads from a first phase to a different last one
        bottlenecks=paths.bottlenecks(steps, rank, first, last) if len(phase_ids) > 1 else (),
        weak_spots=weak,
        blind_spots=_blind_spots(touchpoints),
        agreement=_agreement(touchpoints),
        unowned=tuple(tp.id for tp in touchpoints if not tp.owner),
        owners=_owners(touchpoints, set(weak)),
        empty_cells=_empty_cells(journey, touchpoints),
        uninfluenceable_phases=tuple(
            pid
            for pid in phase_ids
            if by_phase[pid] and not any(tp.influenceable for tp in by_phase[pid])
        ),
        priorities=_priorities(touchpoints),
    )


def is_weak_spot(touchpoint: Touchpoint) -> bool:
    """Rated 2 or lower by customers, or marked as a pain point."""
    rating = touchpoint.customer_rating
    return (rating is not None and rating <= WEAK_RATING) or touchpoint.moment is Moment.PAIN_POINT


def _steps(journey: JourneyMap, rank: dict[str, int]) -> tuple[nx.DiGraph, int]:
    """The touchpoints in `rank` and the links between them (self-links left out), and
    the number of those links (self-links counted)."""
    graph = journey.graph
    if len(rank) == len(graph):
        links = list(graph.edges)
    else:
        links = [(s, t) for s, t in graph.edges if s in rank and t in rank]
    import networkx as nx

    steps = nx.DiGraph()
    steps.add_nodes_from(rank)
    steps.add_edges_from((s, t) for s, t in links if s != t)
    return steps, len(links)


def _average(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def curve(journey: JourneyMap) -> tuple[CurvePoint, ...]:
    """Just the rating curve (`analyze(journey).curve`), without the graph questions:
    cheap enough for every edit, and no networkx import (the canvas draws it at start)."""
    by_phase: dict[str, list[Touchpoint]] = {pid: [] for pid in journey.phases.ids()}
    for tp in journey.touchpoints():
        by_phase[tp.phase].append(tp)
    return _curve(journey, by_phase)


def spot_counts(journey: JourneyMap) -> tuple[int, int]:
    """(weak spots, blind spots) as `analyze` counts them, without the graph questions:
    cheap enough for the status bar after every edit."""
    touchpoints = journey.touchpoints()
    weak = sum(is_weak_spot(tp) for tp in touchpoints)
    return weak, len(_blind_spots(touchpoints))


def cell_rating(journey: JourneyMap, phase_id: str, lane_id: str) -> float | None:
    """The average customer rating of one cell's touchpoints that have one (or None):
    what the workbook's Map sheet shades each cell by."""
    ratings = [
        rating
        for tid in journey.cell(phase_id, lane_id)
        if (rating := journey.touchpoint(tid).customer_rating) is not None
    ]
    return _average(ratings)


def _curve(journey: JourneyMap, by_phase: dict[str, list[Touchpoint]]) -> tuple[CurvePoint, ...]:
    return tuple(_curve_point(journey, pid, members) for pid, members in by_phase.items())


def _curve_point(journey: JourneyMap, phase_id: str, members: list[Touchpoint]) -> CurvePoint:
    return CurvePoint(
        phase=phase_id,
        name=journey.phases[phase_id].name,
        touchpoints=len(members),
        customer=_average([tp.customer_rating for tp in members if tp.customer_rating is not None]),
        company=_average([tp.company_rating for tp in members if tp.company_rating is not None]),
    )


def _both_rated(touchpoints: list[Touchpoint]) -> list[tuple[Touchpoint, int]]:
    """(touchpoint, company - customer) for the touchpoints rated by both sides."""
    return [(tp, tp.rating_gap) for tp in touchpoints if tp.rating_gap is not None]


def _blind_spots(touchpoints: list[Touchpoint]) -> tuple[BlindSpot, ...]:
    spots = [
        BlindSpot(tp.id, tp.customer_rating, tp.company_rating, gap)  # type: ignore[arg-type]
        for tp, gap in _both_rated(touchpoints)
        if abs(gap) >= BLIND_SPOT_GAP
    ]
    return tuple(sorted(spots, key=lambda spot: -abs(spot.gap)))  # stable: then map order


def _agreement(touchpoints: list[Touchpoint]) -> Agreement:
    gaps = [gap for _tp, gap in _both_rated(touchpoints)]
    agree = sum(1 for gap in gaps if abs(gap) <= AGREEMENT_GAP)
    return Agreement(len(gaps), agree, agree / len(gaps) if gaps else None)


def _owners(touchpoints: list[Touchpoint], weak: set[str]) -> tuple[OwnerLoad, ...]:
    counts = Counter(tp.owner for tp in touchpoints if tp.owner)
    weak_counts = Counter(tp.owner for tp in touchpoints if tp.owner and tp.id in weak)
    loads = [OwnerLoad(owner, count, weak_counts[owner]) for owner, count in counts.items()]
    return tuple(
        sorted(loads, key=lambda load: (-load.touchpoints, load.owner.casefold(), load.owner))
    )


def _empty_cells(journey: JourneyMap, touchpoints: list[Touchpoint]) -> tuple[Cell, ...]:
    filled = {(tp.phase, tp.lane) for tp in touchpoints}
    return tuple(
        Cell(phase, lane)
        for phase in journey.phases.ids()
        for lane in journey.lanes.ids()
        if (phase, lane) not in filled
    )


def _priorities(touchpoints: list[Touchpoint]) -> tuple[Priority, ...]:
    scored = [
        (tp.importance * (RATING_MAX - tp.customer_rating), tp.importance, index, tp.id)
        for index, tp in enumerate(touchpoints)
        if tp.importance is not None and tp.customer_rating is not None
    ]
    ranked = sorted(
        (item for item in scored if item[0] > 0), key=lambda item: (-item[0], -item[1], item[2])
    )
    return tuple(Priority(tid, score) for score, _imp, _i, tid in ranked[:MAX_PRIORITIES])
