"""Shared helpers for the model tests: a small hand-built map, copying, and an edit round trip."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tpmapper.model import JourneyMap, Lane, Link, Persona, Phase, Touchpoint
from tpmapper.model.edits import Edit

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "online-shop.en.tpmap"


def tp(tid: str, phase: str, lane: str, **fields: object) -> Touchpoint:
    return Touchpoint(
        id=tid, name=fields.pop("name", f"Touchpoint {tid}"), phase=phase, lane=lane, **fields
    )  # type: ignore[arg-type]


def small_map() -> JourneyMap:
    """Three phases, two lanes, two personas and seven touchpoints.

    Cells: (p1, l1) = a b c; (p1, l2) = d; (p2, l1) = e f; (p3, l2) = g.
    Links: a→b, a→c, b→e, e→a (a cycle), c→c (a loop), d→b, b→d, f→g.
    """
    m = JourneyMap("Small map", "for tests")
    m.personas.insert(Persona("pa", "Persona A"))
    m.personas.insert(Persona("pb", "Persona B"))
    for pid in ("p1", "p2", "p3"):
        m.phases.insert(Phase(pid, f"Phase {pid}"))
    m.lanes.insert(Lane("l1", "Lane 1"))
    m.lanes.insert(Lane("l2", "Lane 2"))
    m.insert_touchpoint(tp("a", "p1", "l1", personas=("pa",), customer_rating=2))
    m.insert_touchpoint(tp("b", "p1", "l1", personas=("pa", "pb")))
    m.insert_touchpoint(tp("c", "p1", "l1"))
    m.insert_touchpoint(tp("d", "p1", "l2", personas=("pb",)))
    m.insert_touchpoint(tp("e", "p2", "l1"))
    m.insert_touchpoint(tp("f", "p2", "l1", personas=("pa",)))
    m.insert_touchpoint(tp("g", "p3", "l2"))
    for source, target, label in [
        ("a", "b", "next"),
        ("a", "c", ""),
        ("b", "e", ""),
        ("e", "a", "back"),
        ("c", "c", "again"),
        ("d", "b", ""),
        ("b", "d", ""),
        ("f", "g", ""),
    ]:
        m.insert_link(Link(source, target, label))
    return m


def copy_map(journey: JourneyMap) -> JourneyMap:
    """An independent map equal to `journey` (elements are frozen, so they can be shared)."""
    copy = JourneyMap(journey.title, journey.description)
    for persona in journey.personas:
        copy.personas.insert(persona)
    for phase in journey.phases:
        copy.phases.insert(phase)
    for lane in journey.lanes:
        copy.lanes.insert(lane)
    for touchpoint in journey.touchpoints():
        copy.insert_touchpoint(touchpoint)
    for link in journey.links():
        copy.insert_link(link)
    for view in journey.views:
        copy.views.insert(view)
    assert copy == journey
    return copy


def cells(journey: JourneyMap) -> dict[tuple[str, str], tuple[str, ...]]:
    """Every non-empty cell's order."""
    return {
        (p, lane): journey.cell(p, lane)
        for p in journey.phases.ids()
        for lane in journey.lanes.ids()
        if journey.cell(p, lane)
    }


def link_keys(journey: JourneyMap) -> set[tuple[str, str]]:
    return {link.key for link in journey.links()}


def round_trip(
    journey: JourneyMap, edit: Edit, check: Callable[[JourneyMap], None] | None = None
) -> tuple:
    """Apply `edit`, run `check`, revert, redo, revert: each step must give the expected map.

    Returns the snapshot after the first apply (the map itself is left as it was).
    """
    original = copy_map(journey)
    before = journey.snapshot()
    edit.apply(journey)
    after = journey.snapshot()
    assert after != before, "the edit changed nothing"
    if check is not None:
        check(journey)
    edit.revert(journey)
    assert journey == original
    assert journey.snapshot() == before
    assert cells(journey) == cells(original)
    edit.apply(journey)  # redo
    assert journey.snapshot() == after
    if check is not None:
        check(journey)
    edit.revert(journey)
    assert journey.snapshot() == before
    return after
