"""The frozen, checked elements: Phase, Lane, Persona, Touchpoint, Link."""

from __future__ import annotations

import dataclasses
import math

import pytest

from tpmapper.model import (
    Channel,
    FieldError,
    Lane,
    LaneKind,
    Link,
    Moment,
    Persona,
    Phase,
    Touchpoint,
    new_id,
)
from tpmapper.model.elements import defaults_of, field_names


def make(**changes) -> Touchpoint:
    fields = {"id": "t1", "name": "Shop", "phase": "p1", "lane": "l1"}
    fields.update(changes)
    return Touchpoint(**fields)


def test_touchpoint_normalises_values():
    tp = make(
        channel="email",
        moment="pain_point",
        customer_rating=2.0,
        reach=100.0,
        tags=["x", "y"],
        personas=["pa"],
    )
    assert tp.channel is Channel.EMAIL
    assert tp.moment is Moment.PAIN_POINT
    assert tp.customer_rating == 2
    assert type(tp.customer_rating) is int
    assert tp.reach == 100
    assert tp.tags == ("x", "y")
    assert tp.personas == ("pa",)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("customer_rating", 9),
        ("customer_rating", 0),
        ("company_rating", 2.5),
        ("importance", True),
        ("conversion_rate", 1.5),
        ("satisfaction", math.nan),
        ("cost", -1),
        ("cost", math.inf),
        ("roi", math.nan),
        ("roi", -math.inf),
        ("reach", -3),
        ("name", ""),
        ("name", "   "),
        ("description", "bell\x07"),
        ("notes", "x" * 32_768),
        ("tags", ["a", "a"]),
        ("feedback_sources", ["survey", "survey"]),
        ("personas", ["not an id"]),
        ("channel", "carrier_pigeon"),
        ("moment", "meh"),
        ("influenceable", "yes"),
        ("id", "has space"),
        ("phase", ""),
    ],
)
def test_touchpoint_refuses_invalid_values_naming_the_field(field, value):
    with pytest.raises(FieldError) as caught:
        make(**{field: value})
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")
    assert isinstance(caught.value, ValueError)


def test_unset_rating_is_not_a_number():
    unset = make()
    assert unset.customer_rating is None
    for number in (1, 3, 5):
        assert make(customer_rating=number) != unset
    assert make(customer_rating=None) == unset


def test_rating_gap():
    assert make(customer_rating=2, company_rating=5).rating_gap == 3
    assert make(customer_rating=5, company_rating=2).rating_gap == -3
    assert make(customer_rating=4, company_rating=4).rating_gap == 0
    assert make(customer_rating=4).rating_gap is None
    assert make(company_rating=4).rating_gap is None
    assert make().rating_gap is None


def test_with_changes_checks_and_keeps_the_original():
    tp = make(cost=10)
    changed = tp.with_changes(cost=20, tags=["t"])
    assert (changed.cost, changed.tags) == (20.0, ("t",))
    assert (tp.cost, tp.tags) == (10.0, ())
    with pytest.raises(FieldError) as caught:
        tp.with_changes(cost=-5)
    assert caught.value.field == "cost"
    with pytest.raises(FieldError) as caught:
        tp.with_changes(colour="#ffffff")
    assert caught.value.field == "colour"
    assert caught.value.reason == "no such field"


def test_elements_are_frozen():
    tp = make()
    with pytest.raises(dataclasses.FrozenInstanceError):
        tp.name = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Phase("p", "P").name = "Q"  # type: ignore[misc]


def test_phase_lane_persona():
    assert Phase("p1", "Before", colour="#AABBCC").colour == "#aabbcc"
    with pytest.raises(FieldError) as caught:
        Phase("p1", "Before", colour="blue")
    assert caught.value.field == "colour"
    assert Lane("l1", "Owned", kind="actor").kind is LaneKind.ACTOR
    assert Lane("l1", "Owned").kind is LaneKind.CHANNEL_GROUP
    with pytest.raises(FieldError) as caught:
        Lane("l1", "Owned", kind="column")
    assert caught.value.field == "kind"
    with pytest.raises(FieldError) as caught:
        Persona("x", "")
    assert caught.value.field == "name"
    with pytest.raises(FieldError) as caught:
        Persona("x", "ok", description="\x00")
    assert caught.value.field == "description"


def test_link():
    link = Link("a", "b", "go", 0.5)
    assert link.key == ("a", "b")
    assert Link("a", "a").key == ("a", "a")  # a loop is a valid link
    for bad in (1.5, -0.1, math.nan, math.inf, True):
        with pytest.raises(FieldError) as caught:
            Link("a", "b", share=bad)
        assert caught.value.field == "share"
    with pytest.raises(FieldError) as caught:
        Link("a", "b c")
    assert caught.value.field == "target"


def test_field_names_and_defaults():
    names = field_names(Touchpoint)
    assert names[:4] == ("id", "name", "phase", "lane")
    assert set(names) == set(Touchpoint.CHECKS)
    defaults = defaults_of(Touchpoint)
    assert "id" not in defaults
    assert defaults["customer_rating"] is None
    assert defaults["tags"] == ()


def test_new_id_is_fresh_and_valid():
    ids = {new_id() for _ in range(50)}
    assert len(ids) == 50
    for tid in ids:
        assert make(id=tid).id == tid
