"""The router: the routes of every link of a map, kept up to date as cards move.

Each link weighs a few ways (out of a card's facing side or straight up or down through
empty slots; along the gutter between the rows or a lane's edge) by length, bends and
how crowded their gutters already are, and takes the cheapest. Links sharing a side of
a card are spread along it; legs sharing a gutter take tracks side by side.

A map of up to THOROUGH_UP_TO links is routed afresh whenever a card moved: it then
looks the same however it got there (after an undo, and in every export). A larger map
is routed again only where an edit touched it: the links of cards that moved, whose
label or width changed or that crossed an empty slot a card moved into, and the links
sharing a side of a card with them (the ports along that side are spread anew); labels
a card moved onto are placed again. When the slot grid itself changed (a phase got
wider, a lane taller) every gutter moved, and everything is routed afresh. Plain Python
without Qt (see routing.py).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping

from tpmapper.render.layout import MapLayout, Rect
from tpmapper.render.routing import (
    LABEL_GAP,
    BoxIndex,
    Channel,
    ChannelKey,
    Leg,
    LinkKey,
    LinkSpec,
    Plan,
    Point,
    Route,
    Side,
    SideKey,
    SlotGrid,
    Tracks,
    arrow_points,
    grown,
    label_spots,
    length_and_bends,
    marker_point,
    simplify,
    slot_grid,
)

LOOP_FIRST, LOOP_LAST = -1e18, 1e18  # where a loop's ports sort among a side's ports
BEND = 40.0  # what a bend costs, in scene units of length
CROWDED = 60.0  # what each leg beyond a gutter's room costs
REACH = 3  # how many gutters up or down a link may look through empty slots
THOROUGH_UP_TO = 2_000  # links; a larger map weighs fewer ways and label spots (time)
LARGE_MAP_SPOTS = 5
LOAD_BUCKET = 128.0  # the stretch of a channel whose legs are counted together
Ports = dict[SideKey, dict[LinkKey, Point]]


class LinkRouter:
    """Routes of the links of one map, kept up to date by `update`."""

    def __init__(self, thorough_up_to: int = THOROUGH_UP_TO) -> None:
        """`thorough_up_to`: links up to which a map is routed afresh after each move,
        weighing every way (beyond: only what moved, weighing fewer)."""
        self._thorough_up_to = thorough_up_to
        self._clear(None)

    def _clear(self, grid: SlotGrid | None) -> None:
        self._grid = grid
        self._cards: dict[str, Rect] = {}
        self._slots: dict[str, tuple[int, int]] = {}
        self._occupied: set[tuple[int, int]] = set()
        self._specs: dict[LinkKey, LinkSpec] = {}
        self._plans: dict[LinkKey, Plan] = {}
        self._routes: dict[LinkKey, Route] = {}
        self._sides: dict[SideKey, set[LinkKey]] = {}
        self._crossing: dict[tuple[int, int], set[LinkKey]] = {}  # empty slot: links over it
        self._load: dict[ChannelKey, dict[int, int]] = {}  # legs per stretch of a channel
        self._counted: dict[LinkKey, list[tuple[ChannelKey, int, int]]] = {}  # into _load
        self._rank: dict[LinkKey, int] = {}  # the map's order of links
        self._thorough = True  # a map small enough to weigh every way a link may take
        self._tracks: dict[ChannelKey, Tracks] = {}
        self._labels = BoxIndex()

    @property
    def routes(self) -> Mapping[LinkKey, Route]:
        return self._routes

    def route(self, key: LinkKey) -> Route:
        return self._routes[key]

    # ------------------------------------------------------------------ updating
    def update(
        self, layout: MapLayout, specs: Mapping[LinkKey, LinkSpec]
    ) -> tuple[set[LinkKey], set[LinkKey]]:
        """Route the links `specs` names (in the map's order) over `layout`; returns the
        links whose route changed and those that are gone.

        A map of up to THOROUGH_UP_TO links is routed afresh whenever anything moved, so
        it looks the same however it got there (after an undo, in an export); a larger
        one only where something moved."""
        grid, cards = slot_grid(layout), layout.cards
        removed = {key for key in self._specs if key not in specs}
        same = (
            grid is not None and self._grid is not None and grid.signature == self._grid.signature
        )
        moved = [t for t, rect in cards.items() if self._cards.get(t) != rect]
        shifted = {*moved, *(t for t in self._cards if t not in cards)}
        if same and not shifted and not removed and specs == self._specs:
            return set(), set()
        if not same or len(specs) <= self._thorough_up_to:
            before = self._routes
            self._clear(grid)
            self._start(specs)
            self._place_cards(cards, list(cards))
            if grid is None:
                return set(), removed
            self._lay_labels(self._reroute(set(specs)))
            return {key for key, route in self._routes.items() if before.get(key) != route}, removed
        dirty = {
            key
            for key, spec in specs.items()
            if key[0] in shifted or key[1] in shifted or self._specs.get(key) != spec
        }
        self._place_cards(cards, moved)
        relabel: set[LinkKey] = set()
        for tid in moved:
            dirty |= self._crossing.get(self._slots[tid], set())
            relabel |= self._labels.overlapping(grown(cards[tid], LABEL_GAP))
        for key in removed:
            self._release(key)
            self._unplan(key)
            self._routes.pop(key, None)
        self._start(specs)
        again = self._reroute({key for key in dirty if key[0] in cards and key[1] in cards})
        relabel = {key for key in relabel if key in self._routes} - again
        for key in relabel:
            self._labels.remove(key)
        self._lay_labels(again | relabel)
        return again | relabel, removed

    def _start(self, specs: Mapping[LinkKey, LinkSpec]) -> None:
        if specs.keys() != self._specs.keys() or not self._rank:
            self._rank = {key: i for i, key in enumerate(specs)}
            self._thorough = len(specs) <= self._thorough_up_to
        self._specs = dict(specs)

    def _lay_labels(self, keys: set[LinkKey]) -> None:
        for key in self._in_order(keys):
            self._routes[key] = self._labelled(key, self._routes[key])

    def _place_cards(self, cards: Mapping[str, Rect], moved: list[str]) -> None:
        for tid in [t for t in self._cards if t not in cards]:
            del self._cards[tid]
            self._occupied.discard(self._slots.pop(tid))
        for tid in moved:
            if tid in self._slots:
                self._occupied.discard(self._slots[tid])
        for tid in moved:
            rect = self._cards[tid] = cards[tid]
            if self._grid is not None:
                self._slots[tid] = self._grid.slot(rect)
                self._occupied.add(self._slots[tid])

    def _in_order(self, keys: set[LinkKey]) -> list[LinkKey]:
        return sorted(keys, key=self._rank.__getitem__)

    def _reroute(self, dirty: set[LinkKey]) -> set[LinkKey]:
        """Plan the dirty links anew; lay them and the links sharing a side with them."""
        sides: set[SideKey] = set()
        for key in dirty:
            old = self._plans.get(key)
            if old is not None:
                sides |= {old.start, old.end}
                self._release(key)
                self._unplan(key)
        for key in self._in_order(dirty):
            self._plans[key] = plan = self._plan(key)
            if self._thorough:
                self._count(key, plan)
            sides |= {plan.start, plan.end}
        again = set(dirty)
        for side in sides:
            for key in list(self._sides.get(side, ())):
                if key not in again:
                    again.add(key)
                    self._release(key)
        for key in again:
            plan = self._plans[key]
            for side in (plan.start, plan.end):
                self._sides.setdefault(side, set()).add(key)
            for slot in plan.through:
                self._crossing.setdefault(slot, set()).add(key)
        order = self._in_order(again)
        ports: Ports = {}
        legs = {key: self._legs(key, ports) for key in order}
        if len(again) == len(self._specs):  # all at once: each channel filled in one sweep
            spans: dict[ChannelKey, list[tuple[float, float, Leg]]] = {}
            for key, runs in legs.items():
                for i, (channel, lo, hi) in enumerate(runs):
                    spans.setdefault(channel, []).append((lo, hi, (key, i)))
            taken: dict[Leg, int] = {}
            for channel, items in spans.items():
                self._tracks[channel] = tracks = Tracks()
                taken.update(tracks.fill(items))
            for key in order:
                tracks = [taken[(key, i)] for i in range(len(legs[key]))]
                self._routes[key] = self._lay(key, ports, tracks)
        else:
            for key in order:
                tracks = []
                for i, (channel, lo, hi) in enumerate(legs[key]):
                    if channel not in self._tracks:
                        self._tracks[channel] = Tracks()
                    tracks.append(self._tracks[channel].take((key, i), lo, hi))
                self._routes[key] = self._lay(key, ports, tracks)
        return again

    def _release(self, key: LinkKey) -> None:
        """Give up the tracks, the label's place, the ports and the slots a link holds."""
        plan = self._plans.get(key)
        self._labels.remove(key)
        if plan is None:
            return
        for i, channel in enumerate(plan.legs):
            self._tracks[channel].release((key, i))
        for side in (plan.start, plan.end):
            self._sides.get(side, set()).discard(key)
        for slot in plan.through:
            self._crossing.get(slot, set()).discard(key)

    def _unplan(self, key: LinkKey) -> None:
        self._plans.pop(key, None)
        for channel, first, last in self._counted.pop(key, ()):
            load = self._load[channel]
            for bucket in range(first, last + 1):
                load[bucket] -= 1

    # ------------------------------------------------------------------ planning
    def _plan(self, key: LinkKey) -> Plan:
        """Which sides a link leaves and enters by and which gutters it runs along."""
        source, target = key
        (ca, ra), (cb, rb) = self._slots[source], self._slots[target]
        if source == target:  # a loop: out of the top, round the corner, into the right
            return Plan((source, Side.TOP), (source, Side.RIGHT), (("h", ra), ("v", ca + 1)))
        choices = self._choices(source, target, ca, ra, cb, rb)
        if not self._thorough:  # a large map: the first two ways, no counting of legs
            return min(itertools.islice(choices, 2), key=self._cost)
        return min(choices, key=self._cost)

    def _choices(  # noqa: PLR0917 - the two slots, spelled out
        self, source: str, target: str, ca: int, ra: int, cb: int, rb: int
    ) -> Iterator[Plan]:
        """The ways a link may take, the plainest first."""
        down = rb > ra
        if ca == cb:  # one above the other
            start = (source, Side.BOTTOM if down else Side.TOP)
            end = (target, Side.TOP if down else Side.BOTTOM)
            between = tuple((ca, r) for r in range(min(ra, rb) + 1, max(ra, rb)))
            if not any(slot in self._occupied for slot in between):
                yield Plan(start, end, (("h", ra + 1 if down else ra),), between)
            yield Plan((source, Side.RIGHT), (target, Side.RIGHT), (("v", ca + 1),))
            yield Plan((source, Side.LEFT), (target, Side.LEFT), (("v", ca),))
            return
        forward = cb > ca
        first, last = (ca + 1, cb) if forward else (ca, cb + 1)
        start = (source, Side.RIGHT if forward else Side.LEFT)
        end = (target, Side.LEFT if forward else Side.RIGHT)
        if first == last:  # neighbouring columns: along the gutter between them
            yield Plan(start, end, (("v", first),))
        else:
            row = tuple((c, ra) for c in range(min(ca, cb) + 1, max(ca, cb)))
            if ra == rb and not any(slot in self._occupied for slot in row):
                yield Plan(start, end, (("v", last),), row)  # straight past empty slots
            yield Plan(start, end, (("v", first), ("h", self._between(ra, rb)), ("v", last)))
        for up in [True, False] if ra == rb else [not down]:
            # straight up or down out of the source, or into the target, or both
            out_of = (source, Side.TOP if up else Side.BOTTOM)
            b_up = up if ra == rb else not up  # which way from the target toward the source
            into = (target, Side.TOP if b_up else Side.BOTTOM)
            reach_a = dict(self._reach(ca, ra, up))
            reach_b = dict(self._reach(cb, rb, b_up))
            for k, through in reach_a.items():
                if k in reach_b:
                    yield Plan(out_of, into, (("h", k),), through + reach_b[k])
                yield Plan(out_of, end, (("h", k), ("v", last)), through)
            for k, through in reach_b.items():
                yield Plan(start, into, (("v", first), ("h", k)), through)

    def _reach(self, column: int, row: int, up: bool) -> Iterator[tuple[int, tuple]]:
        """The gutters straight above (or below) a card, with the empty slots on the way."""
        passed: tuple[tuple[int, int], ...] = ()
        k = row if up else row + 1
        for _ in range(REACH):
            yield k, passed
            slot = (column, k - 1) if up else (column, k)
            if not 0 <= slot[1] < len(self._grid.rows) or slot in self._occupied:  # type: ignore[union-attr]
                return
            passed += (slot,)
            k += -1 if up else 1

    def _between(self, ra: int, rb: int) -> int:
        """The gutter between two rows to cross along: a lane's edge if there is one
        between them (it has room for labels), the one nearest the source."""
        wide = self._grid.wide_rows  # type: ignore[union-attr]
        if ra < rb:
            found = [k for k in wide if ra < k <= rb]
            return found[0] if found else ra + 1
        if ra > rb:
            found = [k for k in wide if rb < k <= ra]
            return found[-1] if found else ra
        return ra + 1

    def _sketch(
        self, plan: Plan, start: Point | None = None, end: Point | None = None
    ) -> list[Point]:
        """A plan's points through the middles of its gutters, from the middle of its
        start side (or `start`) to the middle of its end side (or `end`); not simplified:
        one point per leg between the first and the last two."""
        grid = self._grid
        assert grid is not None
        if start is None:
            start = _middle(self._cards[plan.start[0]], plan.start[1])
        if end is None:
            end = _middle(self._cards[plan.end[0]], plan.end[1])
        x, y = start
        points = [start]
        v_centres, h_centres = grid.v_centres, grid.h_centres
        for axis, index in plan.legs:
            if axis == "v":
                x = v_centres[index]
            else:
                y = h_centres[index]
            points.append((x, y))
        points.append((x, end[1]) if plan.legs[-1][0] == "v" else (end[0], y))
        points.append(end)
        return points

    def _cost(self, plan: Plan) -> float:
        """Length, bends, and the legs already in the gutters it would run along."""
        sketch = self._sketch(plan)
        length, bends = length_and_bends(sketch)
        cost = length + BEND * bends
        grid = self._grid
        assert grid is not None
        for i, channel in enumerate(plan.legs):
            load = self._load.get(channel)
            if not load:
                continue
            along = 1 if channel[0] == "v" else 0
            a, b = sketch[i][along], sketch[i + 2][along]
            crowd = max(
                load.get(int(a // LOAD_BUCKET), 0),
                load.get(int((a + b) / 2 // LOAD_BUCKET), 0),
                load.get(int(b // LOAD_BUCKET), 0),
            )
            room = (grid.v_capacity if along else grid.h_capacity)[channel[1]] // 2 + 1
            if crowd >= room:  # (a gutter half full of lines already looks crowded)
                cost += CROWDED * (crowd + 1 - room)
        return cost

    def _spans(self, plan: Plan, points: list[Point]) -> Iterator[tuple[ChannelKey, float, float]]:
        """Each leg's channel and where along it the leg runs, given the unsimplified
        points of the plan (one more than legs at each end)."""
        for i, channel in enumerate(plan.legs):
            along = 1 if channel[0] == "v" else 0
            a, b = points[i][along], points[i + 2][along]
            yield channel, min(a, b), max(a, b)

    def _count(self, key: LinkKey, plan: Plan) -> None:
        """Add a planned link's legs to the load of their channels."""
        counted = self._counted[key] = []
        for channel, lo, hi in self._spans(plan, self._sketch(plan)):
            load = self._load.setdefault(channel, {})
            first, last = int(lo // LOAD_BUCKET), int(hi // LOAD_BUCKET)
            for bucket in range(first, last + 1):
                load[bucket] = load.get(bucket, 0) + 1
            counted.append((channel, first, last))

    def _channel(self, channel: ChannelKey) -> Channel:
        grid = self._grid
        assert grid is not None
        return (grid.vertical if channel[0] == "v" else grid.horizontal)[channel[1]]

    # ------------------------------------------------------------------ laying
    def _port(self, side: SideKey, key: LinkKey, ports: Ports) -> Point:
        """Where a link meets a card's side: the side's links spread evenly along it, in
        the order of where they lead, so that they cross as little as possible."""
        spread = ports.get(side)
        if spread is None:
            card, which = side
            rect = self._cards[card]
            along = which in (Side.LEFT, Side.RIGHT)

            def order(link: LinkKey) -> tuple[float, float, LinkKey]:
                if link[0] == link[1]:
                    return (LOOP_FIRST if along else LOOP_LAST, 0.0, link)
                cx, cy = self._cards[link[1] if link[0] == card else link[0]].center
                return (cy, cx, link) if along else (cx, cy, link)

            members = sorted(self._sides[side], key=order)
            length = rect.height if along else rect.width
            margin, count = length * 0.15, len(members)
            spread = ports[side] = {}
            for index, link in enumerate(members):
                offset = margin + (length - 2 * margin) * (index + 1) / (count + 1)
                spread[link] = _at(rect, which, offset)
        return spread[key]

    def _legs(self, key: LinkKey, ports: Ports) -> list[tuple[ChannelKey, float, float]]:
        """Each leg's channel and span, from port to port."""
        plan = self._plans[key]
        start, end = self._port(plan.start, key, ports), self._port(plan.end, key, ports)
        return list(self._spans(plan, self._sketch(plan, start, end)))

    def _lay(self, key: LinkKey, ports: Ports, tracks: list[int]) -> Route:
        """The route's points: from port to port along the tracks taken."""
        plan = self._plans[key]
        start, end = self._port(plan.start, key, ports), self._port(plan.end, key, ports)
        points = [start]
        x, y = start
        for channel, track in zip(plan.legs, tracks, strict=True):
            gutter = self._channel(channel)
            if channel[0] == "v":
                x = gutter.centre + gutter.offset(track)
            else:
                y = gutter.centre + gutter.offset(track)
            points.append((x, y))
        points.append((x, end[1]) if plan.legs[-1][0] == "v" else (end[0], y))
        points.append(end)
        route = simplify(points)
        width = self._specs[key].width
        return Route(route, arrow_points(route, width), width)

    # ------------------------------------------------------------------ labels
    def _labelled(self, key: LinkKey, route: Route) -> Route:
        """The route with its label placed, or with a marker where it found no room."""
        size = self._specs[key].label
        if size is None:
            return Route(route.points, route.arrow, route.width)
        spots = label_spots(route.points, *size)
        for box in spots if self._thorough else itertools.islice(spots, LARGE_MAP_SPOTS):
            if self._free(box):
                self._labels.add(key, box)
                return Route(route.points, route.arrow, route.width, label_box=box)
        return Route(route.points, route.arrow, route.width, marker=marker_point(route.points))

    def _free(self, box: Rect) -> bool:
        grid = self._grid
        assert grid is not None
        area = grid.area
        if box.x < area.x or box.y < area.y or box.right > area.right or box.bottom > area.bottom:
            return False
        occupied = self._occupied
        rows = grid.rows_over(box.y - LABEL_GAP, box.bottom + LABEL_GAP)
        for column in grid.columns_over(box.x - LABEL_GAP, box.right + LABEL_GAP):
            for row in rows:
                if (column, row) in occupied:
                    return False
        return not self._labels.hits(grown(box, LABEL_GAP))


def _middle(rect: Rect, side: str) -> Point:
    if side == Side.RIGHT:
        return (rect.x + rect.width, rect.y + rect.height / 2)
    if side == Side.LEFT:
        return (rect.x, rect.y + rect.height / 2)
    if side == Side.TOP:
        return (rect.x + rect.width / 2, rect.y)
    return (rect.x + rect.width / 2, rect.y + rect.height)


def _at(rect: Rect, side: str, offset: float) -> Point:
    """The point `offset` along a side of a card (from its top or left end)."""
    if side == Side.LEFT:
        return (rect.x, rect.y + offset)
    if side == Side.RIGHT:
        return (rect.right, rect.y + offset)
    if side == Side.TOP:
        return (rect.x + offset, rect.y)
    return (rect.x + offset, rect.bottom)


def route_links(layout: MapLayout, specs: Mapping[LinkKey, LinkSpec]) -> dict[LinkKey, Route]:
    """Every link of a map routed at once (for exports)."""
    router = LinkRouter()
    router.update(layout, specs)
    return dict(router.routes)
