"""The graph questions: where journeys start and stop, which touchpoints they skip, where
they circle, and which touchpoints every journey through the map must pass.

All work on `steps`: a DiGraph of the touchpoints analysed and the links between them,
without links from a touchpoint to itself (those change none of these answers).
`order` is the touchpoints' reading order; every answer is listed in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where a question needs it, so `tpmapper.analysis` loads fast
    import networkx as nx

#: The super-source and super-sink of the bottleneck search: tuples, so that no
#: touchpoint id (a string) can be mistaken for them.
_START, _FINISH = ("start",), ("finish",)


def entries(steps: nx.DiGraph, order: Sequence[str]) -> tuple[str, ...]:
    """Touchpoints with a link to another touchpoint and none from another."""
    succ, pred = steps.succ, steps.pred
    return tuple(tid for tid in order if succ[tid] and not pred[tid])


def dead_ends(steps: nx.DiGraph, order: Sequence[str], last_phase: set[str]) -> tuple[str, ...]:
    """Touchpoints reached from another one that lead nowhere, outside the last phase.
    `last_phase` holds the ids of the last phase's touchpoints."""
    succ, pred = steps.succ, steps.pred
    return tuple(tid for tid in order if pred[tid] and not succ[tid] and tid not in last_phase)


def orphans(steps: nx.DiGraph, order: Sequence[str]) -> tuple[str, ...]:
    """Touchpoints no link leads to or from (besides one to themselves)."""
    succ, pred = steps.succ, steps.pred
    return tuple(tid for tid in order if not succ[tid] and not pred[tid])


def loops(steps: nx.DiGraph, rank: dict[str, int]) -> tuple[tuple[str, ...], ...]:
    """Each group of two or more touchpoints that can all reach each other, as ids in
    reading order; the groups ordered by their first touchpoint."""
    import networkx as nx

    groups = [
        tuple(sorted(component, key=rank.__getitem__))
        for component in nx.strongly_connected_components(steps)
        if len(component) > 1
    ]
    return tuple(sorted(groups, key=lambda group: rank[group[0]]))


def bottlenecks(
    steps: nx.DiGraph, rank: dict[str, int], first: Iterable[str], last: Iterable[str]
) -> tuple[str, ...]:
    """The touchpoints without which no path leads from the first phase to the last.

    A super-source is linked to every first-phase touchpoint (`first`) and every
    last-phase touchpoint (`last`) to a super-sink; a touchpoint lies on every path
    between the two phases exactly when it dominates the sink. Dominators come from
    networkx (Cooper, Harvey and Kennedy) on the part of the map that lies on some such
    path, so the whole search is about linear in the map's size, not quadratic as
    removing each touchpoint in turn and searching again would be.
    """
    first, last = list(first), list(last)
    if not first or not last:
        return ()
    ahead = _reachable(steps.succ, first)
    behind = _reachable(steps.pred, last)
    on_a_path = ahead & behind
    if not on_a_path:
        return ()
    import networkx as nx

    flow = nx.DiGraph()
    flow.add_edges_from((_START, tid) for tid in first if tid in on_a_path)
    flow.add_edges_from((tid, _FINISH) for tid in last if tid in on_a_path)
    succ = steps.succ
    flow.add_edges_from(
        (source, target) for source in on_a_path for target in succ[source] if target in on_a_path
    )
    dominator = nx.immediate_dominators(flow, _START)
    found = []
    node = dominator.get(_FINISH)
    while node is not None and node != _START:  # networkx < 3.5 maps the start to itself
        found.append(node)
        node = dominator.get(node)
    return tuple(sorted(found, key=rank.__getitem__))


def _reachable(adjacency: Mapping[str, Any], sources: list[str]) -> set[str]:
    """Every node reachable from `sources` (themselves included) along `adjacency`."""
    seen = set(sources)
    stack = list(seen)
    while stack:
        for neighbour in adjacency[stack.pop()]:
            if neighbour not in seen:
                seen.add(neighbour)
                stack.append(neighbour)
    return seen
