"""Random sequences of valid edits on the sample map: undo all gives the original back,
redo all gives the edited map again, and the map stays consistent after every step."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.model.support import SAMPLE, cells, copy_map, small_map
from tpmapper.model import (
    ColourMode,
    JourneyMap,
    Lane,
    LaneKind,
    Link,
    Moment,
    Persona,
    Phase,
    Touchpoint,
    View,
    ViewFilter,
)
from tpmapper.model.edits import (
    AddLane,
    AddLink,
    AddPersona,
    AddPhase,
    AddTouchpoint,
    AddView,
    CompositeEdit,
    Consequences,
    Edit,
    MoveLane,
    MovePersona,
    MovePhase,
    MoveTouchpoint,
    MoveTouchpoints,
    MoveView,
    RemoveLane,
    RemoveLink,
    RemovePersona,
    RemovePhase,
    RemoveTouchpoint,
    RemoveView,
    ReorderCell,
    UpdateLane,
    UpdateLink,
    UpdateMap,
    UpdatePersona,
    UpdatePhase,
    UpdateTouchpoint,
    UpdateView,
)

MAX_EDITS = 25


@cache
def _sample() -> JourneyMap:
    from tpmapper.files.tpmap import load

    return load(SAMPLE)


def sample_copy() -> JourneyMap:
    return copy_map(_sample())


def check_consistent(m: JourneyMap) -> None:
    """Every touchpoint sits in exactly the cell its phase and lane name; links join touchpoints."""
    placed = [tid for order in cells(m).values() for tid in order]
    assert sorted(placed) == sorted(m.graph.nodes)
    assert len(placed) == len(set(placed))
    for (phase, lane), order in cells(m).items():
        for tid in order:
            touchpoint = m.touchpoint(tid)
            assert (touchpoint.phase, touchpoint.lane) == (phase, lane)
            assert set(touchpoint.personas) <= set(m.personas.ids())
    for source, target, data in m.graph.edges(data=True):
        assert data["link"].key == (source, target)
    assert sorted(link.key for link in m.links()) == sorted(m.graph.edges)


ratings = st.none() | st.integers(1, 5)
names = st.text(
    st.characters(min_codepoint=32, max_codepoint=0x2FF), min_size=1, max_size=12
).filter(str.strip)


class EditMaker:
    """Draws one valid edit for the map as it is now."""

    def __init__(self, data: st.DataObject, journey: JourneyMap) -> None:
        self.data, self.m, self.counter = data, journey, 0

    def draw(self, strategy):
        return self.data.draw(strategy)

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def index(self, length: int):
        return self.draw(st.none() | st.integers(-1, length + 1))

    def tids(self) -> list[str]:
        return [t.id for t in self.m.touchpoints()]

    def personas_subset(self) -> tuple[str, ...]:
        ids = self.m.personas.ids()
        return tuple(self.draw(st.lists(st.sampled_from(ids), unique=True))) if ids else ()

    def cell(self) -> tuple[str, str]:
        return (
            self.draw(st.sampled_from(self.m.phases.ids())),
            self.draw(st.sampled_from(self.m.lanes.ids())),
        )

    # one method per kind of edit; each returns None when the map does not allow it now
    def add_touchpoint(self) -> Edit | None:
        if not (self.m.phases and self.m.lanes):
            return None
        phase, lane = self.cell()
        new = Touchpoint(
            id=self.fresh("tp"),
            name=self.draw(names),
            phase=phase,
            lane=lane,
            customer_rating=self.draw(ratings),
            personas=self.personas_subset(),
        )
        return AddTouchpoint(new, self.index(len(self.m.cell(phase, lane))))

    def remove_touchpoint(self) -> Edit | None:
        tids = self.tids()
        return RemoveTouchpoint(self.draw(st.sampled_from(tids))) if tids else None

    def update_touchpoint(self) -> Edit | None:
        tids = self.tids()
        if not tids:
            return None
        changes = self.draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "name": names,
                    "customer_rating": ratings,
                    "company_rating": ratings,
                    "cost": st.none() | st.floats(0, 1e6),
                    "moment": st.none() | st.sampled_from(Moment),
                    "tags": st.lists(names, unique=True, max_size=3),
                },
            )
        )
        if self.draw(st.booleans()):
            changes["personas"] = self.personas_subset()
        return UpdateTouchpoint(self.draw(st.sampled_from(tids)), changes)

    def move_touchpoint(self) -> Edit | None:
        tids = self.tids()
        if not tids:
            return None
        phase, lane = self.cell()
        return MoveTouchpoint(
            self.draw(st.sampled_from(tids)), phase, lane, self.index(len(self.m.cell(phase, lane)))
        )

    def move_touchpoints(self) -> Edit | None:
        tids = self.tids()
        if not tids:
            return None
        moving = self.draw(st.lists(st.sampled_from(tids), unique=True, min_size=1, max_size=5))
        phase, lane = self.cell()
        return MoveTouchpoints(moving, phase, lane, self.index(len(self.m.cell(phase, lane))))

    def reorder_cell(self) -> Edit | None:
        full = list(cells(self.m))
        if not full:
            return None
        phase, lane = self.draw(st.sampled_from(full))
        return ReorderCell(phase, lane, self.draw(st.permutations(self.m.cell(phase, lane))))

    def add_link(self) -> Edit | None:
        tids = self.tids()
        if not tids:
            return None
        source = self.draw(st.sampled_from(tids))
        target = self.draw(st.sampled_from([source, *tids]))  # loops drawn often
        if self.m.has_link(source, target):
            return None
        share = self.draw(st.none() | st.floats(0, 1))
        return AddLink(Link(source, target, self.draw(st.sampled_from(["", "go"])), share))

    def _a_link(self) -> Link | None:
        links = self.m.links()
        return self.draw(st.sampled_from(links)) if links else None

    def remove_link(self) -> Edit | None:
        link = self._a_link()
        return RemoveLink(*link.key) if link else None

    def update_link(self) -> Edit | None:
        link = self._a_link()
        if link is None:
            return None
        return UpdateLink(
            *link.key, {"label": self.draw(names), "share": self.draw(st.none() | st.floats(0, 1))}
        )

    def add_axis(self) -> Edit | None:
        if self.draw(st.booleans()):
            item = Phase(self.fresh("ph"), self.draw(names), colour="#AA00ff")
            return AddPhase(item, self.index(len(self.m.phases)))
        lane = Lane(self.fresh("ln"), self.draw(names), kind=self.draw(st.sampled_from(LaneKind)))
        return AddLane(lane, self.index(len(self.m.lanes)))

    def update_axis(self) -> Edit | None:
        is_phase = self.draw(st.booleans())
        ids = (self.m.phases if is_phase else self.m.lanes).ids()
        if not ids:
            return None
        item_id = self.draw(st.sampled_from(ids))
        return (UpdatePhase if is_phase else UpdateLane)(item_id, {"name": self.draw(names)})

    def move_axis(self) -> Edit | None:
        is_phase = self.draw(st.booleans())
        ids = (self.m.phases if is_phase else self.m.lanes).ids()
        if not ids:
            return None
        item_id = self.draw(st.sampled_from(ids))
        return (MovePhase if is_phase else MoveLane)(item_id, self.draw(st.integers(0, len(ids))))

    def remove_phase(self) -> Edit | None:
        return self._remove_axis(is_phase=True)

    def remove_lane(self) -> Edit | None:
        return self._remove_axis(is_phase=False)

    def _remove_axis(self, is_phase: bool) -> Edit | None:
        ids = (self.m.phases if is_phase else self.m.lanes).ids()
        if not ids:
            return None
        item_id = self.draw(st.sampled_from(ids))
        others = [i for i in ids if i != item_id]
        move_to = self.draw(st.none() | st.sampled_from(others)) if others else None
        return (RemovePhase if is_phase else RemoveLane)(item_id, move_to)

    def persona(self) -> Edit | None:
        ids = self.m.personas.ids()
        choice = self.draw(st.sampled_from(["add", "update", "move", "remove"]))
        if choice == "add" or not ids:
            return AddPersona(Persona(self.fresh("pe"), self.draw(names)), self.index(len(ids)))
        persona_id = self.draw(st.sampled_from(ids))
        if choice == "update":
            return UpdatePersona(persona_id, {"name": self.draw(names), "description": "d"})
        if choice == "move":
            return MovePersona(persona_id, self.draw(st.integers(0, len(ids))))
        return RemovePersona(persona_id)

    def some(self, ids: list[str]) -> tuple[str, ...]:
        return tuple(self.draw(st.lists(st.sampled_from(ids), unique=True))) if ids else ()

    def view_filter(self) -> ViewFilter:
        """A filter naming ids of the map as it is now (which later edits may remove)."""
        low = self.draw(ratings)
        high = self.draw(st.none() if low is None else st.none() | st.integers(low, 5))
        return ViewFilter(
            phases=self.some(self.m.phases.ids()),
            personas=self.some(self.m.personas.ids()),
            owners=tuple(self.draw(st.lists(st.sampled_from(["", "Marketing"]), unique=True))),
            moments=tuple(self.draw(st.lists(st.sampled_from(Moment), unique=True))),
            rating_min=low,
            rating_max=high,
            text=self.draw(st.sampled_from(["", "shop"])),
        )

    def view(self) -> Edit | None:
        ids = self.m.views.ids()
        choice = self.draw(st.sampled_from(["add", "update", "move", "remove"]))
        if choice == "add" or not ids:
            mode = self.draw(st.sampled_from(ColourMode))
            new = View(self.fresh("vw"), self.draw(names), mode, self.view_filter())
            return AddView(new, self.index(len(ids)))
        view_id = self.draw(st.sampled_from(ids))
        if choice == "update":
            changes = self.draw(
                st.fixed_dictionaries(
                    {}, optional={"name": names, "colour_mode": st.sampled_from(ColourMode)}
                )
            )
            return UpdateView(view_id, {**changes, "filter": self.view_filter()})
        if choice == "move":
            return MoveView(view_id, self.draw(st.integers(0, len(ids))))
        return RemoveView(view_id)

    def update_map(self) -> Edit | None:
        return UpdateMap(title=self.draw(st.none() | names), description=self.draw(names))

    KINDS = (
        "add_touchpoint",
        "add_touchpoint",
        "remove_touchpoint",
        "update_touchpoint",
        "move_touchpoint",
        "move_touchpoint",
        "move_touchpoints",
        "move_touchpoints",
        "reorder_cell",
        "add_link",
        "add_link",
        "remove_link",
        "update_link",
        "add_axis",
        "update_axis",
        "move_axis",
        "remove_phase",
        "remove_lane",
        "persona",
        "view",
        "update_map",
    )

    def edit(self) -> Edit | None:
        return getattr(self, self.draw(st.sampled_from(self.KINDS)))()


def expected_consequences(edit: Edit, m: JourneyMap) -> Consequences | None:
    """What a removal of a phase/lane/persona should announce, counted independently."""
    if isinstance(edit, RemovePersona):
        users = [t for t in m.touchpoints() if edit.persona_id in t.personas]
        return Consequences(touchpoints_changed=len(users))
    if isinstance(edit, RemovePhase | RemoveLane):
        axis = "phase" if isinstance(edit, RemovePhase) else "lane"
        inside = {t.id for t in m.touchpoints() if getattr(t, axis) == edit.item_id}
        if edit.move_to is not None:
            return Consequences(touchpoints_moved=len(inside))
        links = [link for link in m.links() if inside & set(link.key)]
        return Consequences(touchpoints_removed=len(inside), links_removed=len(links))
    return None


def check_placed(edit: Edit, m: JourneyMap) -> None:
    """A moved card is where it was sent; several moved cards sit together in their order."""
    if isinstance(edit, MoveTouchpoint):
        position = m.position(edit.touchpoint_id)
        assert (position.phase, position.lane) == (edit.phase, edit.lane)
        if edit.index is None:
            assert position.index == len(m.cell(edit.phase, edit.lane)) - 1
        else:
            assert position.index == max(0, min(edit.index, len(m.cell(edit.phase, edit.lane)) - 1))
    elif isinstance(edit, MoveTouchpoints):
        order = list(m.cell(edit.phase, edit.lane))
        start = order.index(edit.touchpoint_ids[0])
        assert order[start : start + len(edit.touchpoint_ids)] == edit.touchpoint_ids
        others = len(order) - len(edit.touchpoint_ids)
        expected = others if edit.index is None else max(0, min(edit.index, others))
        assert start == expected


def run_sequence(data: st.DataObject, journey: JourneyMap) -> None:
    original = copy_map(journey)
    maker = EditMaker(data, journey)
    length = data.draw(st.integers(1, MAX_EDITS))
    applied: list[tuple[Edit, tuple, tuple]] = []
    for _ in range(length):
        edit = maker.edit()
        if edit is None:
            continue
        expected = expected_consequences(edit, journey)
        if expected is not None:
            assert edit.consequences(journey) == expected  # type: ignore[attr-defined]
        before = journey.snapshot()
        edit.apply(journey)
        check_consistent(journey)
        check_placed(edit, journey)
        applied.append((edit, before, journey.snapshot()))
    edited = copy_map(journey)
    if data.draw(st.booleans()):
        # also as one composite step: one revert undoes the lot
        whole = CompositeEdit([edit for edit, _, _ in applied])
        whole.revert(journey)
        assert journey == original
        whole.apply(journey)
        assert journey == edited
    for edit, before, _after in reversed(applied):  # undo all
        edit.revert(journey)
        assert journey.snapshot() == before
        check_consistent(journey)
    assert journey == original
    assert cells(journey) == cells(original)
    for edit, _before, after in applied:  # redo all
        edit.apply(journey)
        assert journey.snapshot() == after
    assert journey == edited
    assert cells(journey) == cells(edited)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edits_on_the_sample_undo_and_redo(data):
    run_sequence(data, sample_copy())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edits_on_a_small_map_with_loops_undo_and_redo(data):
    run_sequence(data, small_map())


def test_the_sample_is_consistent():
    journey = sample_copy()
    check_consistent(journey)
    assert len(journey) == 14
    assert journey.graph.number_of_edges() == 17
