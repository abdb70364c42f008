"""Copy and paste at the model level: a selection becomes a small map, pasting adds copies."""

from __future__ import annotations

import itertools

import pytest

from tpmapper.files.templates import load_template
from tpmapper.model import Touchpoint, transfer


def test_extract_keeps_touchpoints_links_and_what_they_refer_to(sample):
    cart = next(tp for tp in sample.touchpoints() if tp.name == "Shopping cart")
    reviews = next(tp for tp in sample.touchpoints() if tp.name == "Product reviews")
    part = transfer.extract(sample, [cart.id, reviews.id])
    assert {tp.id for tp in part.touchpoints()} == {cart.id, reviews.id}
    assert [link.key for link in part.links()] == [(cart.id, reviews.id)]
    assert set(part.phases.ids()) == {cart.phase, reviews.phase}
    assert set(part.personas.ids()) == set(cart.personas) | set(reviews.personas)


def test_paste_into_the_same_map_adds_copies_with_new_ids_and_undoes(sample):
    before = sample.snapshot()
    ids = [tp.id for tp in sample.touchpoints()][:3]
    part = transfer.extract(sample, ids)
    counter = itertools.count()
    edit, new_ids = transfer.paste_edit(part, sample, lambda: f"copy-{next(counter)}")
    edit.apply(sample)
    assert new_ids == ["copy-0", "copy-1", "copy-2"]
    for old, new in zip(ids, new_ids, strict=True):
        original, copy = sample.touchpoint(old), sample.touchpoint(new)
        assert copy.with_changes(id=old) == original
    edit.revert(sample)
    assert sample.snapshot() == before


def test_paste_into_another_map_matches_phases_by_name_or_falls_back(sample):
    target = load_template("three-phase")
    target.phases.replace(target.phases["purchase"].with_changes(name="Purchase"))
    target.phases.insert(target.phases["purchase"].with_changes(id="kauf", name="Kauf"))
    cart = next(tp for tp in sample.touchpoints() if tp.name == "Shopping cart")
    edit, (new,) = transfer.paste_edit(transfer.extract(sample, [cart.id]), target)
    edit.apply(target)
    copy = target.touchpoint(new)
    assert (copy.phase, copy.lane) == ("purchase", "owned")
    assert copy.personas == ()  # the target map has no such personas


def test_paste_by_name_when_ids_differ():
    from tpmapper.model import JourneyMap, Lane, Phase

    source = JourneyMap("copied from a colleague's map")
    source.phases.insert(Phase("their-phase", "after purchase"))
    source.lanes.insert(Lane("their-lane", "Nothing alike"))
    source.insert_touchpoint(Touchpoint("t", "Returns", "their-phase", "their-lane"))
    target = load_template("three-phase", "en")
    edit, (new,) = transfer.paste_edit(source, target)
    edit.apply(target)
    copy = target.touchpoint(new)
    assert copy.phase == "after"  # matched by name, case-insensitively
    assert copy.lane == target.lanes.at(0).id  # no match: the first lane


def test_paste_needs_a_phase_and_a_lane():
    from tpmapper.model import JourneyMap, Lane, Phase

    source = JourneyMap("s")
    source.phases.insert(Phase("p", "P"))
    source.lanes.insert(Lane("l", "L"))
    source.insert_touchpoint(Touchpoint("t", "T", "p", "l"))
    with pytest.raises(ValueError, match="at least one phase"):
        transfer.paste_edit(source, JourneyMap("empty"))
