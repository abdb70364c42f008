"""Link routing (Qt-free): routes run in the gutters, never under a card; arrow heads end
on the target's side; labels cover no card and no other label; an edit re-routes only
what it moved."""

from __future__ import annotations

import random
from itertools import combinations, pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.model.edits import MoveTouchpoints
from tpmapper.model.elements import Lane, Link, Phase, Touchpoint
from tpmapper.model.journey import JourneyMap
from tpmapper.render.layout import MapLayout, Metrics, Rect, layout_map
from tpmapper.render.link_router import LinkRouter, route_links
from tpmapper.render.routing import (
    DEFAULT_WIDTH,
    MAX_WIDTH,
    MIN_WIDTH,
    LinkSpec,
    Route,
    direct_route,
    slot_grid,
    width_for_share,
)

LABELS = ["", "", "pays", "asks a question", "comes back after a long and winding detour"]
EPSILON = 0.01


def specs_of(journey: JourneyMap) -> dict[tuple[str, str], LinkSpec]:
    """Label boxes measured as if every character were 6 units wide (no Qt here)."""
    return {
        link.key: LinkSpec(
            (6.0 * len(link.label) + 10, 15.0) if link.label else None,
            width_for_share(link.share),
        )
        for link in journey.links()
    }


@st.composite
def journeys(draw: st.DrawFn) -> JourneyMap:
    """A random grid: 1-4 phases, 1-3 lanes, up to 30 cards, links of every kind (loops,
    both directions, far jumps), some with labels and shares."""
    journey = JourneyMap("random")
    phases, lanes = draw(st.integers(1, 4)), draw(st.integers(1, 3))
    for p in range(phases):
        journey.phases.insert(Phase(f"p{p}", f"Phase {p}"))
    for lane in range(lanes):
        journey.lanes.insert(Lane(f"l{lane}", f"Lane {lane}"))
    cells = draw(
        st.lists(st.tuples(st.integers(0, phases - 1), st.integers(0, lanes - 1)), max_size=30)
    )
    for i, (p, lane) in enumerate(cells):
        journey.insert_touchpoint(Touchpoint(f"t{i}", f"Card {i}", f"p{p}", f"l{lane}"))
    if cells:
        ends = st.integers(0, len(cells) - 1)
        links = draw(
            st.lists(
                st.tuples(ends, ends, st.sampled_from(LABELS), st.none() | st.floats(0, 1)),
                max_size=45,
                unique_by=lambda link: link[:2],
            )
        )
        for source, target, label, share in links:
            journey.insert_link(Link(f"t{source}", f"t{target}", label, share))
    return journey


def inside(rect: Rect, x: float, y: float) -> bool:
    """Strictly within a card, not on its edge."""
    return (
        rect.x + EPSILON < x < rect.right - EPSILON and rect.y + EPSILON < y < rect.bottom - EPSILON
    )


def crosses(rect: Rect, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether an axis-parallel segment runs through a card's inside."""
    (x0, y0), (x1, y1) = a, b
    if abs(y0 - y1) < EPSILON:  # horizontal
        lo, hi = sorted((x0, x1))
        return (
            rect.y + EPSILON < y0 < rect.bottom - EPSILON
            and lo < rect.right - EPSILON
            and hi > rect.x + EPSILON
        )
    lo, hi = sorted((y0, y1))
    return (
        rect.x + EPSILON < x0 < rect.right - EPSILON
        and lo < rect.bottom - EPSILON
        and hi > rect.y + EPSILON
    )


def on_edge(rect: Rect, x: float, y: float) -> bool:
    on_x = rect.x - EPSILON <= x <= rect.right + EPSILON
    on_y = rect.y - EPSILON <= y <= rect.bottom + EPSILON
    at_side = min(abs(x - rect.x), abs(x - rect.right)) < EPSILON
    at_end = min(abs(y - rect.y), abs(y - rect.bottom)) < EPSILON
    return on_x and on_y and (at_side or at_end)


def overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def check(layout: MapLayout, journey: JourneyMap, routes: dict[tuple[str, str], Route]) -> None:
    """Every property a routed map must have."""
    cards = layout.cards
    specs = specs_of(journey)
    assert set(routes) == set(specs)
    grid = slot_grid(layout)
    for key, route in routes.items():
        source, target = cards[key[0]], cards[key[1]]
        points = route.points
        assert len(points) >= 2, key
        assert on_edge(source, *points[0]), (key, points)
        assert on_edge(target, *points[-1]), (key, points)  # the arrow's tip
        for a, b in pairwise(points):
            assert abs(a[0] - b[0]) < EPSILON or abs(a[1] - b[1]) < EPSILON, (key, points)
            for rect in cards.values():  # under no card, not even its own ends
                assert not crosses(rect, a, b), (key, points, rect)
        if grid is not None:
            area = grid.area
            for x, y in points:
                assert area.x - EPSILON <= x <= area.right + EPSILON, (key, points)
                assert area.y - EPSILON <= y <= area.bottom + EPSILON, (key, points)
        tip, left, right = route.arrow
        assert tip == points[-1]
        for corner in (left, right, ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2)):
            assert not any(inside(rect, *corner) for rect in cards.values()), (key, route.arrow)
        assert route.width == specs[key].width
        if specs[key].label is None:
            assert route.label_box is None
            assert route.marker is None
        else:
            assert (route.label_box is None) != (route.marker is None), key
        if route.label_box is not None:
            assert (route.label_box.width, route.label_box.height) == specs[key].label
            for rect in cards.values():
                assert not overlap(route.label_box, rect), (key, route.label_box, rect)
    boxes = [route.label_box for route in routes.values() if route.label_box is not None]
    for a, b in combinations(boxes, 2):
        assert not overlap(a, b), (a, b)


slow = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@slow
@given(journeys())
def test_routes_run_between_cards_and_labels_take_free_room(journey):
    layout = layout_map(journey)
    check(layout, journey, route_links(layout, specs_of(journey)))


@slow
@given(journeys(), st.data(), st.sampled_from([0, 2_000]))
def test_after_a_move_the_router_updates_only_what_moved_and_stays_sound(journey, data, up_to):
    """Also as a large map is routed: only what moved, the rest kept (`up_to` 0)."""
    layout = layout_map(journey)
    router = LinkRouter(thorough_up_to=up_to)
    router.update(layout, specs_of(journey))
    touchpoints = journey.touchpoints()
    if not touchpoints:
        return
    moving = data.draw(st.sampled_from(touchpoints))
    phase = data.draw(st.sampled_from(journey.phases.ids()))
    lane = data.draw(st.sampled_from(journey.lanes.ids()))
    MoveTouchpoints([moving.id], phase, lane).apply(journey)
    after = layout_map(journey)
    changed, gone = router.update(after, specs_of(journey))
    assert not gone
    check(after, journey, dict(router.routes))
    if slot_grid(after).signature == slot_grid(layout).signature:  # no gutter moved
        moved = {t for t, rect in after.cards.items() if layout.cards[t] != rect}
        assert {link.key for link in journey.links() if {*link.key} & moved} <= changed


def test_an_update_without_changes_changes_nothing():
    journey = load(sample_path("en"))
    layout = layout_map(journey)
    router = LinkRouter()
    changed, _gone = router.update(layout, specs_of(journey))
    assert changed == {link.key for link in journey.links()}
    assert router.update(layout, specs_of(journey)) == (set(), set())


@pytest.mark.parametrize("up_to", [0, 2_000])
def test_moving_one_card_reroutes_its_links_and_few_others(up_to):
    journey = load(sample_path("en"))
    router = LinkRouter(thorough_up_to=up_to)
    router.update(layout_map(journey), specs_of(journey))
    ads = next(tp.id for tp in journey.touchpoints() if tp.name == "Ads")
    before = dict(router.routes)
    MoveTouchpoints([ads], "before", "earned").apply(journey)  # into a free slot: same grid
    changed, _gone = router.update(layout_map(journey), specs_of(journey))
    own = {link.key for link in journey.links_of(ads)}
    assert own <= changed
    assert len(changed) < len(journey.links())
    unchanged = set(before) - changed
    assert unchanged
    assert all(router.route(key) == before[key] for key in unchanged)


def test_the_sample_routes_no_link_under_an_unrelated_card():
    """The bug that started this: "Website" looked linked to "Customer service"."""
    journey = load(sample_path("en"))
    layout = layout_map(journey)
    check(layout, journey, route_links(layout, specs_of(journey)))


def test_links_both_ways_between_neighbours_fan_out():
    journey = JourneyMap("pair")
    journey.phases.insert(Phase("a", "A"))
    journey.phases.insert(Phase("b", "B"))
    journey.lanes.insert(Lane("l", "L"))
    for tid, phase in (("x", "a"), ("y", "b"), ("z", "b")):
        journey.insert_touchpoint(Touchpoint(tid, tid, phase, "l"))
    for source, target in (("x", "y"), ("y", "x"), ("x", "z"), ("z", "x")):
        journey.insert_link(Link(source, target))
    layout = layout_map(journey)
    routes = route_links(layout, specs_of(journey))
    check(layout, journey, routes)
    segments = [
        (key, a, b) for key, route in routes.items() for a, b in pairwise(route.points[1:-1])
    ]
    for (key_a, a0, a1), (key_b, b0, b1) in combinations(segments, 2):
        if key_a == key_b:
            continue
        same_line = abs(a0[0] - a1[0]) < EPSILON and abs(b0[0] - b1[0]) < EPSILON
        if same_line and abs(a0[0] - b0[0]) < EPSILON:  # on one vertical: must not overlap
            lo_a, hi_a = sorted((a0[1], a1[1]))
            lo_b, hi_b = sorted((b0[1], b1[1]))
            assert hi_a <= lo_b or hi_b <= lo_a, (key_a, key_b)
    ends = [route.points[-1] for route in routes.values()]
    assert len(set(ends)) == len(ends)  # no two arrow heads on one spot


def test_a_loop_goes_round_its_corner_and_a_step_back_enters_from_the_right():
    journey = JourneyMap("loop")
    for pid in ("a", "b", "c"):
        journey.phases.insert(Phase(pid, pid))
    journey.lanes.insert(Lane("l", "L"))
    for pid in ("a", "b", "c"):
        journey.insert_touchpoint(Touchpoint(pid, pid, pid, "l"))
    journey.insert_link(Link("b", "b", "again"))
    journey.insert_link(Link("c", "a", "back"))
    layout = layout_map(journey)
    routes = route_links(layout, specs_of(journey))
    check(layout, journey, routes)
    card = layout.cards["b"]
    loop = routes[("b", "b")].points
    assert abs(loop[0][1] - card.y) < EPSILON  # out of the top
    assert abs(loop[-1][0] - card.right) < EPSILON  # into the right
    back = routes[("c", "a")].points
    first = layout.cards["a"]
    assert abs(back[-1][1] - first.y) < EPSILON or abs(back[-1][0] - first.right) < EPSILON


def test_a_label_without_room_becomes_a_marker_on_its_line():
    journey = JourneyMap("tight")
    journey.phases.insert(Phase("a", "A"))
    journey.lanes.insert(Lane("l", "L"))
    for i in range(4):  # 2 x 2 cards: the only gutters inside are 12 units wide
        journey.insert_touchpoint(Touchpoint(f"t{i}", f"t{i}", "a", "l"))
    journey.insert_link(Link("t0", "t2", "a label far too wide for any gutter here"))
    layout = layout_map(journey, Metrics(gap=12))
    routes = route_links(layout, specs_of(journey))
    check(layout, journey, routes)
    route = routes[("t0", "t2")]
    assert route.label_box is None
    x, y = route.marker
    assert not any(inside(rect, x, y) for rect in layout.cards.values())


def test_a_share_sets_the_line_width():
    assert width_for_share(None) == DEFAULT_WIDTH
    assert width_for_share(0.0) == MIN_WIDTH
    assert width_for_share(1.0) == MAX_WIDTH
    assert width_for_share(0.2) < width_for_share(0.5) < width_for_share(0.9)
    assert width_for_share(7.0) == MAX_WIDTH


def test_a_link_following_a_dragged_card_takes_the_short_way():
    start, end = Rect(0, 0, 176, 68), Rect(400, 200, 176, 68)
    route = direct_route(start, end, LinkSpec((40.0, 15.0)))
    assert route.points[0] == (176, 34)
    assert route.points[-1] == (400, 234)
    assert route.label_box is not None
    loop = direct_route(start, start, LinkSpec())
    assert loop.points[0][1] == 0
    assert loop.points[-1][0] == 176


def small_map(seed: int) -> JourneyMap:
    rng = random.Random(seed)
    journey = JourneyMap("small")
    for p in range(3):
        journey.phases.insert(Phase(f"p{p}", f"P{p}"))
    for lane in range(2):
        journey.lanes.insert(Lane(f"l{lane}", f"L{lane}"))
    count = rng.randint(4, 12)
    for i in range(count):
        cell = (f"p{rng.randrange(3)}", f"l{rng.randrange(2)}")
        journey.insert_touchpoint(Touchpoint(f"t{i}", f"t{i}", *cell))
    for _ in range(rng.randint(2, 10)):
        source, target = f"t{rng.randrange(count)}", f"t{rng.randrange(count)}"
        if not journey.has_link(source, target):
            journey.insert_link(Link(source, target, rng.choice(["pays", "asks a lot"])))
    return journey


@pytest.mark.parametrize("up_to", [0, 2_000])
def test_every_single_move_keeps_routes_and_labels_sound(up_to):
    """Each card moved to each cell and back, one router throughout: a card moved onto a
    label (in an empty slot) sends that label elsewhere, a card moved into the empty
    slots a link crossed re-routes that link; and after the move back a small map looks
    as it did."""
    for seed in range(16):
        journey = small_map(seed)
        router = LinkRouter(thorough_up_to=up_to)
        router.update(layout_map(journey), specs_of(journey))
        for tp in journey.touchpoints():
            for phase in journey.phases.ids():
                for lane in journey.lanes.ids():
                    move = MoveTouchpoints([tp.id], phase, lane)
                    move.apply(journey)
                    layout = layout_map(journey)
                    router.update(layout, specs_of(journey))
                    check(layout, journey, dict(router.routes))
                    move.revert(journey)
                    router.update(layout_map(journey), specs_of(journey))
                    if up_to:
                        assert router.routes == route_links(layout_map(journey), specs_of(journey))
