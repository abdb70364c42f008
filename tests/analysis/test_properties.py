"""Random small maps: the fast answers against their definitions, checked the slow way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tpmapper.analysis import analyze
from tpmapper.model import JourneyMap, Lane, Link, Phase, Touchpoint


@st.composite
def journeys(draw: st.DrawFn) -> JourneyMap:
    """Up to 9 touchpoints in 1 to 4 phases, any links (self-links and loops included)."""
    phase_count = draw(st.integers(1, 4))
    size = draw(st.integers(0, 9))
    phases = draw(st.lists(st.integers(0, phase_count - 1), min_size=size, max_size=size))
    pairs = st.tuples(st.integers(0, max(size - 1, 0)), st.integers(0, max(size - 1, 0)))
    links = draw(st.sets(pairs, max_size=size * 3)) if size else set()
    journey = JourneyMap("Random")
    for index in range(phase_count):
        journey.phases.insert(Phase(f"p{index}", f"Phase {index}"))
    journey.lanes.insert(Lane("l", "Lane"))
    for index, phase in enumerate(phases):
        journey.insert_touchpoint(Touchpoint(f"t{index}", f"T{index}", f"p{phase}", "l"))
    for source, target in sorted(links):
        journey.insert_link(Link(f"t{source}", f"t{target}"))
    return journey


def _successors(journey: JourneyMap, removed: str | None = None) -> dict[str, set[str]]:
    nodes = [tp.id for tp in journey.touchpoints() if tp.id != removed]
    succ: dict[str, set[str]] = {tid: set() for tid in nodes}
    for link in journey.links():
        if link.source in succ and link.target in succ and link.source != link.target:
            succ[link.source].add(link.target)
    return succ


def _connects(succ: dict[str, set[str]], sources: set[str], targets: set[str]) -> bool:
    """Whether a path leads from one of `sources` to one of `targets`."""
    seen = set(sources) & set(succ)
    stack = list(seen)
    while stack:
        node = stack.pop()
        if node in targets:
            return True
        for nxt in succ[node] - seen:
            seen.add(nxt)
            stack.append(nxt)
    return False


def naive_bottlenecks(journey: JourneyMap) -> tuple[str, ...]:
    """Remove each touchpoint in turn and search again: the definition, O(n * (n + m))."""
    phases = journey.phases.ids()
    if len(phases) < 2:
        return ()
    first, last = set(journey.in_phase(phases[0])), set(journey.in_phase(phases[-1]))
    if not _connects(_successors(journey), first, last):
        return ()
    return tuple(
        tp.id
        for tp in journey.touchpoints()
        if not _connects(_successors(journey, tp.id), first - {tp.id}, last - {tp.id})
    )


@settings(max_examples=400, deadline=None)
@given(journeys())
def test_bottlenecks_match_the_naive_definition(journey):
    assert analyze(journey).bottlenecks == naive_bottlenecks(journey)


@settings(max_examples=200, deadline=None)
@given(journeys())
def test_entries_dead_ends_orphans_and_loops_match_their_definitions(journey):
    succ = _successors(journey)
    pred: dict[str, set[str]] = {tid: set() for tid in succ}
    for source, targets in succ.items():
        for target in targets:
            pred[target].add(source)
    order = [tp.id for tp in journey.touchpoints()]
    last = set(journey.in_phase(journey.phases.ids()[-1]))
    findings = analyze(journey)
    assert findings.entries == tuple(t for t in order if succ[t] and not pred[t])
    assert findings.dead_ends == tuple(
        t for t in order if pred[t] and not succ[t] and t not in last
    )
    assert findings.orphans == tuple(t for t in order if not succ[t] and not pred[t])
    # a loop: all members reach each other, and no touchpoint outside reaches in and back
    members = [t for loop in findings.loops for t in loop]
    assert len(members) == len(set(members))
    for loop in findings.loops:
        assert len(loop) >= 2
        assert list(loop) == sorted(loop, key=order.index)
        for a in loop:
            for b in loop:
                assert a == b or _connects(succ, {a}, {b})
    for t in order:
        if t not in members:
            assert not any(
                _connects(succ, {t}, {other}) and _connects(succ, {other}, {t})
                for other in order
                if other != t
            )
