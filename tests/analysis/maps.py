"""Small hand-built maps for the analysis tests."""

from __future__ import annotations

from tpmapper.model import JourneyMap, Lane, Link, Persona, Phase, Touchpoint


def build(
    touchpoints: str | list[tuple[str, str]] | list[tuple[str, str, dict]],
    links: str = "",
    *,
    phases: str = "p1 p2 p3",
    lanes: str = "l1",
    personas: str = "",
) -> JourneyMap:
    """A map from short descriptions.

    `touchpoints`: "a:p1 b:p2" (each in the first lane), or a list of (id, phase) or
    (id, phase, fields) tuples; fields may name a "lane". `links`: "a>b b>c c>c".
    Touchpoints are inserted in the order given, so within a cell that is map order.
    """
    journey = JourneyMap("Test map")
    for pid in personas.split():
        journey.personas.insert(Persona(pid, f"Persona {pid}"))
    for pid in phases.split():
        journey.phases.insert(Phase(pid, f"Phase {pid}"))
    lane_ids = lanes.split()
    for lid in lane_ids:
        journey.lanes.insert(Lane(lid, f"Lane {lid}"))
    first_lane = lane_ids[0] if lane_ids else "l1"
    if isinstance(touchpoints, str):
        touchpoints = [tuple(item.split(":")) for item in touchpoints.split()]  # type: ignore[misc]
    for item in touchpoints:
        tid, phase = item[0], item[1]
        fields = dict(item[2]) if len(item) > 2 else {}  # type: ignore[misc]
        lane = fields.pop("lane", first_lane)
        name = fields.pop("name", f"TP {tid}")
        journey.insert_touchpoint(Touchpoint(id=tid, name=name, phase=phase, lane=lane, **fields))
    for pair in links.split():
        source, target = pair.split(">")
        journey.insert_link(Link(source, target))
    return journey
