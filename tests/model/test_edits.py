"""Every edit: apply does what it says, revert gives back the map, redo repeats the apply."""

from __future__ import annotations

import re

import pytest

from tests.model.support import cells, copy_map, link_keys, round_trip, tp
from tpmapper.model import FieldError, JourneyMap, Lane, LaneKind, Link, Persona, Phase, Position
from tpmapper.model.edits import (
    AddLane,
    AddLink,
    AddPersona,
    AddPhase,
    AddTouchpoint,
    CompositeEdit,
    Consequences,
    Edit,
    MoveLane,
    MovePersona,
    MovePhase,
    MoveTouchpoint,
    MoveTouchpoints,
    RemoveLane,
    RemoveLink,
    RemovePersona,
    RemovePhase,
    RemoveTouchpoint,
    ReorderCell,
    UpdateLane,
    UpdateLink,
    UpdateMap,
    UpdatePersona,
    UpdatePhase,
    UpdateTouchpoint,
)


def refused(journey: JourneyMap, edit: Edit, error: type[Exception] = ValueError, match=None):
    before = journey.snapshot()
    with pytest.raises(error, match=match):
        edit.apply(journey)
    assert journey.snapshot() == before


# ---------------------------------------------------------------------- the map


def test_update_map(small):
    def check(m: JourneyMap) -> None:
        assert (m.title, m.description) == ("New title", "for tests")

    round_trip(small, UpdateMap(title="New title"), check)

    def check_both(m: JourneyMap) -> None:
        assert (m.title, m.description) == ("T", "")

    round_trip(small, UpdateMap(title="T", description=""), check_both)


def test_update_map_refused_is_not_half_applied(small):
    refused(small, UpdateMap(title="Fine", description="\x00"), match="control character")
    refused(small, UpdateMap(title=""), match="must not be empty")
    assert small.title == "Small map"


# ---------------------------------------------------------------------- touchpoints


@pytest.mark.parametrize(
    ("index", "expected"),
    [(None, ("a", "b", "c", "x")), (0, ("x", "a", "b", "c")), (2, ("a", "b", "x", "c"))],
)
def test_add_touchpoint(small, index, expected):
    new = tp("x", "p1", "l1", personas=("pb",), cost=3)

    def check(m: JourneyMap) -> None:
        assert m.cell("p1", "l1") == expected
        assert m.touchpoint("x") == new
        assert m.links_of("x") == []

    round_trip(small, AddTouchpoint(new, index), check)


def test_add_touchpoint_refusals(small):
    refused(small, AddTouchpoint(tp("x", "p9", "l1")), match="no phase")
    refused(small, AddTouchpoint(tp("x", "p1", "l9")), match="no lane")
    refused(small, AddTouchpoint(tp("x", "p1", "l1", personas=("zz",))), match="no persona")
    refused(small, AddTouchpoint(tp("a", "p2", "l2")), match="exists already")


def test_remove_touchpoint_with_links_in_out_and_loop_restores_index_and_links(small):
    # b: in the middle of (p1, l1), with links a→b, d→b in and b→e, b→d out
    def check_b(m: JourneyMap) -> None:
        assert "b" not in m
        assert m.cell("p1", "l1") == ("a", "c")
        assert link_keys(m) == {("a", "c"), ("e", "a"), ("c", "c"), ("f", "g")}

    round_trip(small, RemoveTouchpoint("b"), check_b)
    assert small.position("b") == Position("p1", "l1", 1)
    assert small.link("a", "b").label == "next"

    # c: at the end of its cell, with a loop on itself and a link in
    def check_c(m: JourneyMap) -> None:
        assert m.cell("p1", "l1") == ("a", "b")
        assert not any("c" in key for key in link_keys(m))
        assert len(m.links()) == 6

    round_trip(small, RemoveTouchpoint("c"), check_c)
    assert small.link("c", "c").label == "again"
    assert small.position("c") == Position("p1", "l1", 2)


def test_remove_every_touchpoint_one_by_one_then_undo_all(sample):
    original = copy_map(sample)
    done = []
    for tid in [t.id for t in sample.touchpoints()][::-1][::2] + [
        t.id for t in sample.touchpoints()
    ]:
        if tid in sample:
            edit = RemoveTouchpoint(tid)
            edit.apply(sample)
            done.append(edit)
    assert len(sample) == 0
    assert sample.links() == []
    for edit in reversed(done):
        edit.revert(sample)
    assert sample == original
    assert cells(sample) == cells(original)


def test_remove_touchpoint_unknown(small):
    refused(small, RemoveTouchpoint("ghost"), KeyError)


def test_update_touchpoint(small):
    changes = {"name": "Renamed", "customer_rating": 4, "tags": ["x"], "personas": ["pb"]}

    def check(m: JourneyMap) -> None:
        t = m.touchpoint("a")
        assert (t.name, t.customer_rating, t.tags, t.personas) == ("Renamed", 4, ("x",), ("pb",))
        assert m.position("a") == Position("p1", "l1", 0)
        assert m.has_link("e", "a")

    round_trip(small, UpdateTouchpoint("a", changes), check)

    def unset(m: JourneyMap) -> None:
        assert m.touchpoint("a").customer_rating is None

    round_trip(small, UpdateTouchpoint("a", {"customer_rating": None}), unset)


@pytest.mark.parametrize("field", ["phase", "lane", "id"])
def test_update_touchpoint_refuses_place_fields(field):
    with pytest.raises(FieldError) as caught:
        UpdateTouchpoint("a", {field: "p2", "name": "x"})
    assert caught.value.field == field


def test_update_touchpoint_refuses_invalid_values(small):
    for changes, field in [
        ({"customer_rating": 9}, "customer_rating"),
        ({"importance": 0}, "importance"),
        ({"company_rating": 2.5}, "company_rating"),
        ({"customer_rating": True}, "customer_rating"),
        ({"conversion_rate": 1.5}, "conversion_rate"),
        ({"cost": -1}, "cost"),
        ({"name": ""}, "name"),
        ({"notes": "x" * 32_768}, "notes"),
        ({"tags": ["t", "t"]}, "tags"),
        ({"medium": "telepathy"}, "medium"),
        ({"wings": 2}, "wings"),
    ]:
        before = small.snapshot()
        with pytest.raises(FieldError) as caught:
            UpdateTouchpoint("a", changes).apply(small)
        assert caught.value.field == field
        assert small.snapshot() == before
    refused(small, UpdateTouchpoint("a", {"personas": ["zz"]}), match="no persona")
    refused(small, UpdateTouchpoint("ghost", {"name": "x"}), KeyError)


@pytest.mark.parametrize(
    ("index", "expected"),
    [(None, ("b", "c", "a")), (0, ("a", "b", "c")), (1, ("b", "a", "c")), (2, ("b", "c", "a"))],
)
def test_move_touchpoint_within_cell(small, index, expected):
    edit = MoveTouchpoint("a", "p1", "l1", index)
    if expected == small.cell("p1", "l1"):
        # a move to where it is: changes nothing and reverts to nothing
        before = small.snapshot()
        edit.apply(small)
        assert small.snapshot() == before
        edit.revert(small)
        assert small.snapshot() == before
        return

    def check(m: JourneyMap) -> None:
        assert m.cell("p1", "l1") == expected
        assert m.position("a").index == expected.index("a")

    round_trip(small, edit, check)


def test_move_touchpoint_within_cell_backwards(small):
    def check(m: JourneyMap) -> None:
        assert m.cell("p1", "l1") == ("c", "a", "b")

    round_trip(small, MoveTouchpoint("c", "p1", "l1", 0), check)


@pytest.mark.parametrize(
    ("index", "expected"), [(None, ("e", "f", "b")), (0, ("b", "e", "f")), (1, ("e", "b", "f"))]
)
def test_move_touchpoint_between_cells(small, index, expected):
    def check(m: JourneyMap) -> None:
        assert m.cell("p1", "l1") == ("a", "c")
        assert m.cell("p2", "l1") == expected
        moved = m.touchpoint("b")
        assert (moved.phase, moved.lane, moved.personas) == ("p2", "l1", ("pa", "pb"))
        assert {("a", "b"), ("b", "e"), ("d", "b"), ("b", "d")} <= link_keys(m)

    round_trip(small, MoveTouchpoint("b", "p2", "l1", index), check)


def test_move_touchpoint_to_an_empty_cell(small):
    def check(m: JourneyMap) -> None:
        assert m.cell("p3", "l1") == ("c",)
        assert m.touchpoint("c").phase == "p3"
        assert m.has_link("c", "c")

    round_trip(small, MoveTouchpoint("c", "p3", "l1", 5), check)


def test_move_touchpoint_refusals(small):
    refused(small, MoveTouchpoint("a", "p9", "l1"), match="no phase")
    refused(small, MoveTouchpoint("a", "p1", "l9"), match="no lane")
    refused(small, MoveTouchpoint("ghost", "p1", "l1"), KeyError)


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (None, ("e", "f", "g", "a", "c")),
        (0, ("g", "a", "c", "e", "f")),
        (1, ("e", "g", "a", "c", "f")),
        (99, ("e", "f", "g", "a", "c")),
    ],
)
def test_move_several_touchpoints_keeps_them_together(small, index, expected):
    # g comes from (p3, l2), a and c from (p1, l1); they land in (p2, l1) as g a c
    def check(m: JourneyMap) -> None:
        assert m.cell("p2", "l1") == expected
        assert m.cell("p1", "l1") == ("b",)
        assert m.cell("p3", "l2") == ()
        for tid in "gac":
            assert (m.touchpoint(tid).phase, m.touchpoint(tid).lane) == ("p2", "l1")
        assert link_keys(m) == link_keys(small_before)

    small_before = copy_map(small)
    round_trip(small, MoveTouchpoints(["g", "a", "c"], "p2", "l1", index), check)
    assert small.cell("p1", "l1") == ("a", "b", "c")
    assert small.cell("p3", "l2") == ("g",)
    assert small.cell("p2", "l1") == ("e", "f")


def test_move_several_including_ones_already_in_the_target_cell(small):
    # c and a are already in (p1, l1), d comes from (p1, l2); `index` counts b only
    def check(m: JourneyMap) -> None:
        assert m.cell("p1", "l1") == ("c", "d", "a", "b")
        assert m.cell("p1", "l2") == ()

    round_trip(small, MoveTouchpoints(["c", "d", "a"], "p1", "l1", 0), check)

    def reorder_only(m: JourneyMap) -> None:
        assert m.cell("p1", "l1") == ("b", "c", "a")

    round_trip(small, MoveTouchpoints(["c", "a"], "p1", "l1"), reorder_only)


def test_move_several_refusals(small):
    with pytest.raises(ValueError, match="only once"):
        MoveTouchpoints(["a", "b", "a"], "p2", "l1")
    before_cells = cells(small)
    refused(small, MoveTouchpoints(["a", "b"], "p9", "l1"), match="no phase")
    refused(small, MoveTouchpoints(["a", "ghost"], "p2", "l1"), KeyError)
    assert cells(small) == before_cells


def test_reorder_cell(small):
    def check(m: JourneyMap) -> None:
        assert m.cell("p1", "l1") == ("c", "a", "b")
        assert [t.id for t in m.touchpoints()][:3] == ["c", "a", "b"]

    round_trip(small, ReorderCell("p1", "l1", ["c", "a", "b"]), check)
    refused(small, ReorderCell("p1", "l1", ["c", "a"]), match="exactly")
    refused(small, ReorderCell("p1", "l1", ["c", "a", "b", "g"]), match="exactly")


# ---------------------------------------------------------------------- links


def test_add_link_including_loop_and_cycle(small):
    def check(m: JourneyMap) -> None:
        assert m.link("g", "a") == Link("g", "a", "round", 0.5)
        assert len(m.links()) == 9

    round_trip(small, AddLink(Link("g", "a", "round", 0.5)), check)

    def loop(m: JourneyMap) -> None:
        assert m.has_link("a", "a")
        assert m.links_of("a").count(Link("a", "a")) == 1

    round_trip(small, AddLink(Link("a", "a")), loop)

    def reverse(m: JourneyMap) -> None:  # b→a next to a→b: a two-way pair
        assert m.has_link("a", "b")
        assert m.has_link("b", "a")

    round_trip(small, AddLink(Link("b", "a")), reverse)


def test_add_link_refusals(small):
    refused(small, AddLink(Link("a", "ghost")), match="'ghost' does not")
    refused(small, AddLink(Link("ghost", "ghost")), match="does not")
    refused(small, AddLink(Link("a", "b", "dupe")), match="linked already")


def test_remove_link(small):
    def check(m: JourneyMap) -> None:
        assert not m.has_link("e", "a")
        assert len(m.links()) == 7
        assert "e" in m

    round_trip(small, RemoveLink("e", "a"), check)

    def loop(m: JourneyMap) -> None:
        assert not m.has_link("c", "c")

    round_trip(small, RemoveLink("c", "c"), loop)
    assert small.link("c", "c").label == "again"
    refused(small, RemoveLink("a", "g"), KeyError)


def test_update_link(small):
    def check(m: JourneyMap) -> None:
        assert m.link("a", "b") == Link("a", "b", "changed", 0.75)

    round_trip(small, UpdateLink("a", "b", {"label": "changed", "share": 0.75}), check)
    assert small.link("a", "b") == Link("a", "b", "next")
    before = small.snapshot()
    with pytest.raises(FieldError) as caught:
        UpdateLink("a", "b", {"share": 1.5}).apply(small)
    assert caught.value.field == "share"
    assert small.snapshot() == before
    with pytest.raises(FieldError):
        UpdateLink("a", "b", {"target": "c"})
    refused(small, UpdateLink("a", "g", {"label": "x"}), KeyError)


# ---------------------------------------------------------------------- phases, lanes, personas


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (None, ["p1", "p2", "p3", "px"]),
        (0, ["px", "p1", "p2", "p3"]),
        (2, ["p1", "p2", "px", "p3"]),
    ],
)
def test_add_phase(small, index, expected):
    def check(m: JourneyMap) -> None:
        assert m.phases.ids() == expected
        assert m.phases["px"].colour == "#123456"

    round_trip(small, AddPhase(Phase("px", "New", colour="#123456"), index), check)


def test_add_lane_and_persona(small):
    def lane(m: JourneyMap) -> None:
        assert m.lanes.ids() == ["lx", "l1", "l2"]
        assert m.lanes["lx"].kind is LaneKind.ACTOR

    round_trip(small, AddLane(Lane("lx", "Actor", kind=LaneKind.ACTOR), 0), lane)

    def persona(m: JourneyMap) -> None:
        assert m.personas.ids() == ["pa", "pb", "pc"]

    round_trip(small, AddPersona(Persona("pc", "Persona C")), persona)
    refused(small, AddPhase(Phase("p1", "Dupe")), match="exists already")
    refused(small, AddLane(Lane("l2", "Dupe")), match="exists already")
    refused(small, AddPersona(Persona("pa", "Dupe")), match="exists already")


def test_update_phase_lane_persona(small):
    def phase(m: JourneyMap) -> None:
        assert m.phases["p2"] == Phase("p2", "Middle", "#ffffff", "desc")
        assert m.phases.index("p2") == 1

    round_trip(
        small,
        UpdatePhase("p2", {"name": "Middle", "colour": "#FFFFFF", "description": "desc"}),
        phase,
    )

    def lane(m: JourneyMap) -> None:
        assert m.lanes["l2"].kind is LaneKind.BLUEPRINT_LAYER

    round_trip(small, UpdateLane("l2", {"kind": "blueprint_layer"}), lane)

    def persona(m: JourneyMap) -> None:
        assert m.personas["pa"].name == "Anna"

    round_trip(small, UpdatePersona("pa", {"name": "Anna"}), persona)
    for edit_type in (UpdatePhase, UpdateLane, UpdatePersona):
        with pytest.raises(FieldError) as caught:
            edit_type("p1", {"id": "other"})
        assert caught.value.field == "id"
    before = small.snapshot()
    with pytest.raises(FieldError) as caught:
        UpdatePhase("p1", {"colour": "red"}).apply(small)
    assert caught.value.field == "colour"
    with pytest.raises(FieldError) as caught:
        UpdateLane("l1", {"name": ""}).apply(small)
    assert caught.value.field == "name"
    assert small.snapshot() == before
    refused(small, UpdatePersona("zz", {"name": "x"}), KeyError)


@pytest.mark.parametrize(
    ("edit", "attribute", "expected"),
    [
        (MovePhase("p1", 2), "phases", ["p2", "p3", "p1"]),
        (MovePhase("p3", 0), "phases", ["p3", "p1", "p2"]),
        (MovePhase("p1", 99), "phases", ["p2", "p3", "p1"]),
        (MoveLane("l2", 0), "lanes", ["l2", "l1"]),
        (MovePersona("pa", 1), "personas", ["pb", "pa"]),
    ],
)
def test_move_phase_lane_persona(small, edit, attribute, expected):
    def check(m: JourneyMap) -> None:
        assert getattr(m, attribute).ids() == expected

    after = round_trip(small, edit, check)
    if attribute == "phases":
        # touchpoints stay in their cells; reading order follows the phases
        moved = copy_map(small)
        edit.apply(moved)
        assert moved.snapshot() == after
        assert [t.id for t in moved.touchpoints()] == [
            tid for pid in expected for tid in small.in_phase(pid)
        ]


def test_remove_phase_without_move_to_removes_touchpoints_and_links(small):
    edit = RemovePhase("p1")
    # p1 holds a b c d; links touching them: a→b a→c b→e e→a c→c d→b b→d
    assert edit.consequences(small) == Consequences(touchpoints_removed=4, links_removed=7)

    def check(m: JourneyMap) -> None:
        assert m.phases.ids() == ["p2", "p3"]
        assert [t.id for t in m.touchpoints()] == ["e", "f", "g"]
        assert link_keys(m) == {("f", "g")}

    round_trip(small, edit, check)
    assert cells(small)[("p1", "l1")] == ("a", "b", "c")
    assert small.phases.index("p1") == 0


def test_remove_phase_with_move_to_moves_touchpoints_to_the_end(small):
    edit = RemovePhase("p1", move_to="p2")
    assert edit.consequences(small) == Consequences(touchpoints_moved=4)

    def check(m: JourneyMap) -> None:
        assert m.phases.ids() == ["p2", "p3"]
        assert m.cell("p2", "l1") == ("e", "f", "a", "b", "c")
        assert m.cell("p2", "l2") == ("d",)
        assert m.touchpoint("d").phase == "p2"
        assert len(m.links()) == 8

    round_trip(small, edit, check)


def test_remove_lane_without_and_with_move_to(small):
    edit = RemoveLane("l1")
    assert edit.consequences(small) == Consequences(touchpoints_removed=5, links_removed=8)

    def removed(m: JourneyMap) -> None:
        assert m.lanes.ids() == ["l2"]
        assert [t.id for t in m.touchpoints()] == ["d", "g"]
        assert m.links() == []

    round_trip(small, edit, removed)

    moving = RemoveLane("l1", move_to="l2")
    assert moving.consequences(small) == Consequences(touchpoints_moved=5)

    def moved(m: JourneyMap) -> None:
        assert m.lanes.ids() == ["l2"]
        assert m.cell("p1", "l2") == ("d", "a", "b", "c")
        assert m.cell("p2", "l2") == ("e", "f")
        assert m.cell("p3", "l2") == ("g",)
        assert len(m.links()) == 8

    round_trip(small, moving, moved)


def test_remove_empty_phase_and_lane(small):
    small.lanes.insert(Lane("l3", "Empty"), 1)
    assert RemoveLane("l3").consequences(small) == Consequences()

    def check(m: JourneyMap) -> None:
        assert m.lanes.ids() == ["l1", "l2"]

    round_trip(small, RemoveLane("l3"), check)
    assert small.lanes.index("l3") == 1


def test_remove_phase_and_lane_on_sample(sample):
    first_phase = sample.phases.ids()[0]
    edit = RemovePhase(first_phase)
    ids = sample.in_phase(first_phase)
    touching = {link.key for link in sample.links() if set(link.key) & set(ids)}
    assert edit.consequences(sample) == Consequences(
        touchpoints_removed=len(ids), links_removed=len(touching)
    )

    def check(m: JourneyMap) -> None:
        assert len(m) == 14 - len(ids)
        assert len(m.links()) == 17 - len(touching)

    round_trip(sample, edit, check)
    last_lane = sample.lanes.ids()[-1]
    round_trip(sample, RemoveLane(last_lane, move_to=sample.lanes.ids()[0]))


def test_remove_axis_refusals(small):
    with pytest.raises(ValueError, match="being removed"):
        RemovePhase("p1", move_to="p1")
    refused(small, RemovePhase("p1", move_to="p9"), KeyError)
    refused(small, RemoveLane("l1", move_to="l9"), KeyError)
    refused(small, RemovePhase("p9"), KeyError)
    refused(small, RemoveLane("l9", move_to="l1"), KeyError)
    with pytest.raises(KeyError):
        RemovePhase("p9").consequences(small)


def test_remove_persona_strips_it_from_touchpoints(small):
    edit = RemovePersona("pa")
    assert edit.consequences(small) == Consequences(touchpoints_changed=3)

    def check(m: JourneyMap) -> None:
        assert m.personas.ids() == ["pb"]
        assert m.touchpoint("a").personas == ()
        assert m.touchpoint("b").personas == ("pb",)
        assert m.touchpoint("f").personas == ()
        assert m.touchpoint("d").personas == ("pb",)

    round_trip(small, edit, check)
    assert small.touchpoint("b").personas == ("pa", "pb")
    assert small.personas.ids() == ["pa", "pb"]
    refused(small, RemovePersona("zz"), KeyError)
    with pytest.raises(KeyError):
        RemovePersona("zz").consequences(small)


def test_remove_unused_persona(small):
    small.personas.insert(Persona("pc", "C"), 0)
    edit = RemovePersona("pc")
    assert edit.consequences(small) == Consequences(touchpoints_changed=0)

    def check(m: JourneyMap) -> None:
        assert m.personas.ids() == ["pa", "pb"]

    round_trip(small, edit, check)
    assert small.personas.ids() == ["pc", "pa", "pb"]


# ---------------------------------------------------------------------- composite


def test_composite_edit(small):
    edit = CompositeEdit(
        [
            AddTouchpoint(tp("x", "p3", "l1")),
            AddLink(Link("g", "x")),
            AddLink(Link("x", "x")),
            MoveTouchpoint("a", "p3", "l1", 0),
            UpdateMap(title="Composite"),
        ]
    )

    def check(m: JourneyMap) -> None:
        assert m.cell("p3", "l1") == ("a", "x")
        assert {("g", "x"), ("x", "x"), ("e", "a")} <= link_keys(m)
        assert m.title == "Composite"

    round_trip(small, edit, check)


class _Boom(Exception):
    pass


class _Fail(Edit):
    def apply(self, journey: JourneyMap) -> None:
        raise _Boom("no")

    def revert(self, journey: JourneyMap) -> None:  # pragma: no cover - never applied
        raise AssertionError("a part that failed must not be reverted")


def test_composite_failing_midway_rolls_back_and_reraises(small):
    original = copy_map(small)
    edit = CompositeEdit(
        [
            RemoveTouchpoint("b"),
            MoveTouchpoints(["a", "c"], "p2", "l2", 0),
            UpdateTouchpoint("e", {"name": "changed"}),
            RemovePhase("p3", move_to="p1"),
            _Fail(),
            UpdateMap(title="never"),
        ]
    )
    with pytest.raises(_Boom):
        edit.apply(small)
    assert small == original
    assert cells(small) == cells(original)


def test_composite_failing_on_a_refused_part_rolls_back(small):
    original = copy_map(small)
    edit = CompositeEdit(
        [
            AddTouchpoint(tp("x", "p1", "l1"), 0),
            AddLink(Link("x", "a")),
            RemoveLink("a", "b"),
            AddLink(Link("x", "a")),  # a duplicate: refused
        ]
    )
    with pytest.raises(ValueError, match="linked already"):
        edit.apply(small)
    assert small == original
    assert "x" not in small


def test_empty_composite_changes_nothing(small):
    before = small.snapshot()
    edit = CompositeEdit([])
    edit.apply(small)
    edit.revert(small)
    assert small.snapshot() == before


# ---------------------------------------------------------------------- text no file can hold

UNSAVABLE = ["\ud800", "\udcff", "\ufffe", "\uffff", "\x01"]


@pytest.mark.parametrize("char", UNSAVABLE, ids=[hex(ord(c)) for c in UNSAVABLE])
def test_edits_refuse_text_no_file_can_hold(small, char):
    """What the keyboard or a paste types reaches the map only through edits: each refuses
    such text with a ValueError and leaves the map as it was (so it can always be saved)."""
    bad = f"Shop {char}"
    reason = re.escape(
        "U+0001" if char == "\x01" else f"U+{ord(char):04X}, which files cannot hold"
    )
    refused(small, UpdateMap(title=bad), match=reason)
    refused(small, UpdateMap(title="Fine", description=bad), match=reason)
    refused(small, UpdateTouchpoint("a", {"name": bad}), FieldError, match=f"name: .*{reason}")
    refused(small, UpdateTouchpoint("a", {"tags": ["ok", bad]}), FieldError, match="entry 2")
    refused(small, UpdateTouchpoint("a", {"notes": bad}), FieldError, match=reason)
    refused(small, UpdatePhase("p1", {"name": bad}), FieldError, match=reason)
    refused(small, UpdateLane("l1", {"description": bad}), FieldError, match=reason)
    source, target = small.links()[0].key
    refused(small, UpdateLink(source, target, {"label": bad}), FieldError, match=reason)
    for make in (
        lambda: Phase("p9", bad),
        lambda: Lane("l9", bad),
        lambda: Persona("x9", bad),
        lambda: tp("t9", "p1", "l1", name=bad),
        lambda: tp("t9", "p1", "l1", tags=(bad,)),
        lambda: Link(source, target, bad),
        lambda: JourneyMap(bad),
    ):
        with pytest.raises(ValueError, match=reason):
            make()  # AddPhase, AddTouchpoint, … take only elements that exist
