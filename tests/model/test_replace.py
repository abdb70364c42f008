"""ReplaceContent (recovered work, a reload from disk) and the frozen copy it is made of: after
any edits, replacing the original with the edited map gives exactly the edited map, and
undo gives exactly the original."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.model.support import copy_map, small_map, tp
from tests.model.test_random_edits import MAX_EDITS, EditMaker, check_consistent, sample_copy
from tpmapper.model import JourneyMap
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


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_frozen_copy_reads_as_the_map_did_and_never_changes(data):
    journey = edit_randomly(data, sample_copy())
    frozen = freeze(journey)
    before = (journey.touchpoints(), journey.links(), journey.title)
    assert (frozen.touchpoints(), frozen.links(), frozen.title) == before
    assert len(frozen) == len(journey)
    assert frozen.link_count() == journey.link_count()
    edit_randomly(data, journey)  # whatever happens to the map later …
    assert (frozen.touchpoints(), frozen.links(), frozen.title) == before  # … not to the copy


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
