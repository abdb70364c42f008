"""ReplaceContent (recovered work, a reload from disk) and the frozen copy it is made of: after
any edits, replacing the original with the edited map gives exactly the edited map, and
undo gives exactly the original."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.model.support import copy_map, small_map, tp
from tests.model.test_random_edits import MAX_EDITS, EditMaker, check_consistent, sample_copy
from tpmapper.model import JourneyMap, Link
from tpmapper.model.edits import UpdateTouchpoint
from tpmapper.model.frozen import freeze
from tpmapper.model.replace import ReplaceContent


def edit_randomly(data: st.DataObject, journey: JourneyMap) -> JourneyMap:
    maker = EditMaker(data, journey)
    for _ in range(data.draw(st.integers(0, MAX_EDITS))):
        edit = maker.edit()
        if edit is None:
            continue
        with contextlib.suppress(ValueError):  # refused: nothing changed
            edit.apply(journey)
    return journey


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_replacing_a_map_with_an_edited_copy_and_back(data):
    original = sample_copy()
    edited = edit_randomly(data, copy_map(original))
    journey = copy_map(original)
    replace = ReplaceContent(edited)
    replace.apply(journey)
    assert journey.snapshot() == edited.snapshot()
    check_consistent(journey)
    replace.revert(journey)
    assert journey.snapshot() == original.snapshot()
    replace.apply(journey)  # redo
    assert journey.snapshot() == edited.snapshot()


def reading(journey) -> tuple:
    """What a map or a frozen copy answers, cells included."""
    cells = {
        (phase.id, lane.id): tuple(journey.cell(phase.id, lane.id))
        if isinstance(journey, JourneyMap)
        else journey.cells.get((phase.id, lane.id), ())
        for phase in journey.phases
        for lane in journey.lanes
    }
    return (journey.touchpoints(), journey.links(), journey.title, journey.link_count(), cells)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_frozen_copies_read_as_the_map_did_and_never_change(data):
    """Copies are taken between random edits (the map hands its containers over and
    copies them before its next change): each keeps what the map held at its moment."""
    journey = sample_copy()
    taken = []
    for _ in range(data.draw(st.integers(1, 4))):
        edit_randomly(data, journey)
        frozen = freeze(journey)
        assert len(frozen) == len(journey)
        taken.append((frozen, reading(journey)))
        if data.draw(st.booleans()):
            taken.append((freeze(journey), reading(journey)))  # twice without an edit
    edit_randomly(data, journey)  # whatever happens to the map later …
    for frozen, then in taken:
        assert reading(frozen) == then  # … not to the copies
    check_consistent(journey)


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m.insert_touchpoint(tp("new", "p2", "l2")),
        lambda m: m.delete_touchpoint("lone"),
        lambda m: m.replace_touchpoint(m.touchpoint("a").with_changes(name="Renamed")),
        lambda m: m.place_touchpoint("a", "p3", "l2", 0),
        lambda m: m.reorder_cell("p1", "l1", ["c", "b", "a"]),
        lambda m: m.insert_link(Link("g", "a", "new")),
        lambda m: m.delete_link("a", "b"),
        lambda m: m.replace_link(Link("a", "b", "relabelled")),
    ],
    ids=["insert", "delete", "replace", "place", "reorder", "link", "unlink", "relink"],
)
def test_each_primitive_leaves_a_frozen_copy_as_it_was(change):
    journey = small_map()
    journey.insert_touchpoint(tp("lone", "p2", "l2"))  # without links: one to delete
    frozen = freeze(journey)
    before = reading(journey)
    change(journey)
    assert reading(journey) != before
    assert reading(frozen) == before
    check_consistent(journey)


def test_a_frozen_copy_costs_the_map_one_copy_at_its_next_change():
    journey = small_map()
    frozen = freeze(journey)
    assert frozen.by_id is journey._touchpoints  # handed over, not copied
    UpdateTouchpoint("a", {"name": "Renamed"}).apply(journey)
    assert frozen.by_id is not journey._touchpoints
    assert frozen.by_id["a"].name != "Renamed"
    containers = journey._touchpoints
    UpdateTouchpoint("a", {"name": "Again"}).apply(journey)
    assert journey._touchpoints is containers  # no copy while nobody holds them


def test_replacing_with_the_same_content_changes_nothing_and_tells_no_one():
    journey = small_map()
    heard = []
    journey.add_listener(heard.append)
    ReplaceContent(small_map()).apply(journey)
    assert heard == []


def test_only_what_differs_is_changed():
    journey = small_map()
    other = small_map()
    UpdateTouchpoint("a", {"name": "Renamed"}).apply(other)
    heard = []
    journey.add_listener(heard.append)
    ReplaceContent(other).apply(journey)
    assert [(c.target.value, c.action.value, c.key) for c in heard] == [
        ("touchpoint", "changed", "a")
    ]


def test_a_replace_into_an_empty_map_and_back():
    empty = JourneyMap("Empty")
    full = small_map()
    full.insert_touchpoint(tp("h", "p3", "l1"))
    replace = ReplaceContent(full)
    replace.apply(empty)
    assert empty == full
    replace.revert(empty)
    assert empty == JourneyMap("Empty")
