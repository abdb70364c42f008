"""Saved views: the filter's criteria one by one and together, their checks, the map's list
of views with its notifications, and the view edits with apply, revert and redo."""

from __future__ import annotations

import dataclasses

import pytest

from tests.model.support import copy_map, round_trip, tp
from tpmapper.model import (
    Action,
    Change,
    ColourMode,
    FieldError,
    JourneyMap,
    Lane,
    Moment,
    Persona,
    Phase,
    Target,
    Touchpoint,
    View,
    ViewFilter,
)
from tpmapper.model.edits import (
    AddView,
    CompositeEdit,
    Consequences,
    MoveView,
    RemovePersona,
    RemovePhase,
    RemoveView,
    UpdateView,
)

# ---------------------------------------------------------------------- hand-built touchpoints

CART = tp(
    "cart",
    "buy",
    "web",
    name="Shopping Cart",
    description="Shipping costs shown late",
    owner="E-Commerce",
    channel_detail="Mobile web",
    customer_rating=2,
    moment=Moment.PAIN_POINT,
    personas=("hunter",),
    tags=("checkout", "Ärger"),
    notes="Q3 numbers",
)
STORE = tp(
    "store",
    "buy",
    "shop",
    name="Store visit",
    owner="Retail",
    customer_rating=5,
    moment=Moment.POSITIVE,
    personas=("pro",),
    tags=("store",),
)
AD = tp("ad", "see", "web", name="Search ad", customer_rating=3)  # no owner, personas, moment
UNRATED = tp("post", "after", "shop", name="Postcard", owner="Retail", tags=("checkout",))
ALL = (CART, STORE, AD, UNRATED)


def shown(view_filter: ViewFilter) -> list[str]:
    return [t.id for t in ALL if view_filter.matches(t)]


# ---------------------------------------------------------------------- each criterion


def test_an_empty_filter_shows_everything() -> None:
    assert ViewFilter().is_empty
    assert shown(ViewFilter()) == ["cart", "store", "ad", "post"]


@pytest.mark.parametrize(
    ("view_filter", "expected"),
    [
        (ViewFilter(phases=("buy",)), ["cart", "store"]),
        (ViewFilter(phases=("see", "after")), ["ad", "post"]),
        (ViewFilter(lanes=("web",)), ["cart", "ad"]),
        (ViewFilter(lanes=("shop", "web")), ["cart", "store", "ad", "post"]),
        (ViewFilter(owners=("Retail",)), ["store", "post"]),
        (ViewFilter(owners=("",)), ["ad"]),  # "" is "without owner"
        (ViewFilter(owners=("E-Commerce", "")), ["cart", "ad"]),
        (ViewFilter(owners=("retail",)), []),  # owners are matched exactly
        (ViewFilter(tags=("checkout",)), ["cart", "post"]),
        (ViewFilter(tags=("store", "Ärger")), ["cart", "store"]),
        (ViewFilter(tags=("Checkout",)), []),  # tags are matched exactly
        (ViewFilter(personas=("hunter",)), ["cart", "ad", "post"]),  # no persona serves all
        (ViewFilter(personas=("hunter", "pro")), ["cart", "store", "ad", "post"]),
        (ViewFilter(moments=(Moment.PAIN_POINT,)), ["cart"]),
        (ViewFilter(moments=(Moment.PAIN_POINT, Moment.POSITIVE)), ["cart", "store"]),
        (ViewFilter(rating_min=3), ["store", "ad"]),  # unrated does not match a bound
        (ViewFilter(rating_max=3), ["cart", "ad"]),
        (ViewFilter(rating_min=2, rating_max=3), ["cart", "ad"]),
        (ViewFilter(rating_min=5, rating_max=5), ["store"]),
        (ViewFilter(rating_min=1, rating_max=5), ["cart", "store", "ad"]),
    ],
    ids=repr,
)
def test_each_criterion(view_filter: ViewFilter, expected: list[str]) -> None:
    assert shown(view_filter) == expected
    assert not view_filter.is_empty


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cart", ["cart"]),  # name, any case
        ("SHIPPING", ["cart"]),  # description
        ("e-commerce", ["cart"]),  # owner
        ("mobile", ["cart"]),  # channel detail
        ("ärger", ["cart"]),  # a tag
        ("q3", ["cart"]),  # notes
        ("retail", ["store", "post"]),
        ("  store  ", ["store"]),  # surrounding white space is ignored
        ("s", ["cart", "store", "ad", "post"]),
        ("nowhere", []),
    ],
)
def test_text_is_found_case_insensitively_in_the_searched_fields(
    text: str, expected: list[str]
) -> None:
    assert shown(ViewFilter(text=text)) == expected


def test_text_is_not_searched_in_other_fields() -> None:
    touchpoint = tp("x", "p", "l", moment_reason="needle", improvement_idea="needle")
    assert not ViewFilter(text="needle").matches(touchpoint)


def test_text_matches_within_one_field_not_across_two() -> None:
    touchpoint = tp("x", "p", "l", name="Shop", description="ping")
    assert not ViewFilter(text="shopping").matches(touchpoint)
    assert ViewFilter(text="STRASSE").matches(tp("y", "p", "l", name="Hauptstraße"))  # casefold


def test_white_space_alone_asks_nothing() -> None:
    assert ViewFilter(text="  \n").is_empty
    assert shown(ViewFilter(text="  ")) == ["cart", "store", "ad", "post"]


# ---------------------------------------------------------------------- combinations


@pytest.mark.parametrize(
    ("view_filter", "expected"),
    [
        (ViewFilter(phases=("buy",), lanes=("web",)), ["cart"]),
        (ViewFilter(phases=("buy",), rating_max=4), ["cart"]),
        (ViewFilter(owners=("Retail",), tags=("checkout",)), ["post"]),
        (ViewFilter(owners=("Retail",), rating_min=1), ["store"]),
        (ViewFilter(personas=("pro",), moments=(Moment.POSITIVE, Moment.PAIN_POINT)), ["store"]),
        (ViewFilter(lanes=("web", "shop"), text="s", rating_min=3), ["store", "ad"]),
        (ViewFilter(phases=("see",), moments=(Moment.PAIN_POINT,)), []),
        (
            ViewFilter(
                phases=("buy",),
                lanes=("web",),
                owners=("E-Commerce",),
                tags=("checkout",),
                personas=("hunter",),
                moments=(Moment.PAIN_POINT,),
                rating_min=1,
                rating_max=2,
                text="cost",
            ),
            ["cart"],
        ),
    ],
    ids=repr,
)
def test_criteria_combine_with_and(view_filter: ViewFilter, expected: list[str]) -> None:
    assert shown(view_filter) == expected


def test_ids_the_map_does_not_have_match_nothing() -> None:
    assert shown(ViewFilter(phases=("gone",))) == []
    assert shown(ViewFilter(phases=("gone", "see"))) == ["ad"]
    assert shown(ViewFilter(lanes=("gone",))) == []
    assert shown(ViewFilter(personas=("gone",))) == ["ad", "post"]  # those serve everyone


# ---------------------------------------------------------------------- values and refusals


def test_a_filter_normalises_what_it_is_given() -> None:
    view_filter = ViewFilter(
        phases=["a", "b"],  # type: ignore[arg-type]
        moments=["pain_point", Moment.POSITIVE],  # type: ignore[list-item]
        rating_min=2.0,  # type: ignore[arg-type]
    )
    assert view_filter.phases == ("a", "b")
    assert view_filter.moments == (Moment.PAIN_POINT, Moment.POSITIVE)
    assert view_filter.rating_min == 2
    assert type(view_filter.rating_min) is int
    hash(view_filter)  # frozen and hashable, like every element


@pytest.mark.parametrize(
    ("changes", "field", "reason"),
    [
        ({"phases": ("a b",)}, "phases", "entry 1: 'a b' is not a valid id"),
        ({"phases": "buy"}, "phases", "expected a list of ids, got text"),
        ({"lanes": ("x", "x")}, "lanes", "entry 2: 'x' appears twice"),
        ({"owners": ("", "")}, "owners", "entry 2: '' appears twice"),
        ({"owners": (None,)}, "owners", "entry 1: expected text, got null"),
        ({"tags": ("",)}, "tags", "entry 1: must not be empty"),
        ({"personas": (3,)}, "personas", "entry 1: expected an id (text), got a number"),
        ({"moments": ("meh",)}, "moments", "entry 1: 'meh' is not one of: pain_point, positive"),
        ({"moments": (None,)}, "moments", "entry 1: must be one of: pain_point, positive"),
        (
            {"moments": (Moment.POSITIVE, "positive")},
            "moments",
            "entry 2: 'positive' appears twice",
        ),
        ({"rating_min": 0}, "rating_min", "0 is outside 1–5"),
        ({"rating_max": 6}, "rating_max", "6 is outside 1–5"),
        ({"rating_max": 2.5}, "rating_max", "2.5 is not a whole number from 1 to 5"),
        ({"rating_min": True}, "rating_min", "expected a rating from 1 to 5, got true/false"),
        ({"rating_min": 4, "rating_max": 2}, "rating_min", "4 is above rating_max (2)"),
        ({"text": "bell\x07"}, "text", "text contains the control character U+0007"),
        ({"text": None}, "text", "expected text, got null"),
    ],
    ids=repr,
)
def test_a_filter_refuses_bad_values_naming_the_field(
    changes: dict, field: str, reason: str
) -> None:
    with pytest.raises(FieldError) as caught:
        ViewFilter(**changes)
    assert caught.value.field == field
    assert caught.value.reason.startswith(reason)
    with pytest.raises(FieldError):
        ViewFilter().with_changes(**changes)


def test_equal_bounds_are_a_range_of_one() -> None:
    assert ViewFilter(rating_min=3, rating_max=3).rating_max == 3


def test_a_view_has_defaults_and_normalises_its_colour_mode() -> None:
    view = View("v", "Everything")
    assert view.colour_mode is ColourMode.RATING
    assert view.filter == ViewFilter()
    assert View("v", "V", "owner").colour_mode is ColourMode.OWNER  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.name = "Other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "field", "reason"),
    [
        ({"id": "my view"}, "id", "'my view' is not a valid id"),
        ({"name": "  "}, "name", "must not be empty"),
        ({"colour_mode": "mood"}, "colour_mode", "'mood' is not one of: rating, gap, owner"),
        ({"colour_mode": None}, "colour_mode", "must be one of: rating, gap"),
        ({"filter": {"phases": ["a"]}}, "filter", "expected a view filter, got an object"),
        ({"filter": None}, "filter", "expected a view filter, got null"),
    ],
    ids=repr,
)
def test_a_view_refuses_bad_values_naming_the_field(changes: dict, field: str, reason: str) -> None:
    arguments = {"id": "v", "name": "View", **changes}
    with pytest.raises(FieldError) as caught:
        View(**arguments)
    assert caught.value.field == field
    assert caught.value.reason.startswith(reason)


def test_colour_mode_lives_in_the_model_and_render_uses_it() -> None:
    from tpmapper.model.vocabulary import ColourMode as InVocabulary
    from tpmapper.render.colour_modes import ColourMode as InRender

    assert InRender is InVocabulary is ColourMode
    assert [m.value for m in ColourMode] == [
        "rating", "gap", "owner", "ownership", "channel", "medium",
    ]  # fmt: skip


# ---------------------------------------------------------------------- the map's views


def _map() -> JourneyMap:
    journey = JourneyMap("Views")
    journey.personas.insert(Persona("hunter", "Hunter"))
    journey.phases.insert(Phase("see", "See"))
    journey.phases.insert(Phase("buy", "Buy"))
    journey.lanes.insert(Lane("web", "Web"))
    journey.insert_touchpoint(Touchpoint("ad", "Ad", "see", "web", personas=("hunter",)))
    journey.insert_touchpoint(Touchpoint("cart", "Cart", "buy", "web"))
    journey.views.insert(View("v1", "Buying", filter=ViewFilter(phases=("buy",))))
    journey.views.insert(View("v2", "Owners", ColourMode.OWNER))
    journey.views.insert(View("v3", "Hunters", filter=ViewFilter(personas=("hunter",))))
    return journey


def test_views_are_part_of_what_makes_a_map_equal() -> None:
    journey = _map()
    other = copy_map(journey)
    assert other == journey
    assert other.snapshot() == journey.snapshot()
    other.views.move("v3", 0)
    assert other != journey  # the order matters
    other.views.move("v3", 2)
    assert other == journey
    other.views.replace(View("v2", "Owners", ColourMode.GAP))
    assert other != journey


def test_view_ids_are_unique_and_independent_of_other_ids() -> None:
    journey = _map()
    with pytest.raises(ValueError, match="a view with id 'v1' exists already"):
        journey.views.insert(View("v1", "Again"))
    journey.views.insert(View("buy", "Same id as a phase"))  # another collection
    with pytest.raises(KeyError, match="no view with id 'nope'"):
        journey.views["nope"]


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        (lambda m: m.views.insert(View("v9", "V"), 0), Change(Target.VIEW, Action.ADDED, "v9")),
        (lambda m: m.views.replace(View("v2", "X")), Change(Target.VIEW, Action.CHANGED, "v2")),
        (lambda m: m.views.move("v2", 0), Change(Target.VIEW, Action.MOVED, "v2")),
        (lambda m: m.views.delete("v1"), Change(Target.VIEW, Action.REMOVED, "v1")),
    ],
)
def test_each_view_primitive_notifies_once(action, expected: Change) -> None:
    journey = _map()
    heard: list[Change] = []
    journey.add_listener(heard.append)
    action(journey)
    assert heard == [expected]


def test_removing_a_phase_or_persona_leaves_the_views_naming_them() -> None:
    journey = _map()
    views = list(journey.views)
    RemovePhase("buy").apply(journey)
    RemovePersona("hunter").apply(journey)
    assert list(journey.views) == views
    assert not any(journey.views["v1"].filter.matches(t) for t in journey.touchpoints())
    assert all(journey.views["v3"].filter.matches(t) for t in journey.touchpoints())


# ---------------------------------------------------------------------- edits


def _views_are(expected: list[str]):
    def check(journey: JourneyMap) -> None:
        assert journey.views.ids() == expected

    return check


@pytest.mark.parametrize(
    ("index", "expected"), [(None, ["v1", "v2", "v3", "new"]), (0, ["new", "v1", "v2", "v3"])]
)
def test_add_view(index, expected) -> None:
    journey = _map()
    view = View("new", "New", ColourMode.MEDIUM, ViewFilter(text="x"))
    round_trip(journey, AddView(view, index), _views_are(expected))
    AddView(view, index).apply(journey)
    assert journey.views["new"] == view


def test_update_view_name_colour_mode_and_filter() -> None:
    journey = _map()
    new_filter = ViewFilter(moments=(Moment.POSITIVE,), rating_min=4)
    edit = UpdateView("v2", {"name": "Good ones", "colour_mode": "gap", "filter": new_filter})

    def check(m: JourneyMap) -> None:
        view = m.views["v2"]
        assert (view.name, view.colour_mode, view.filter) == (
            "Good ones",
            ColourMode.GAP,
            new_filter,
        )
        assert m.views.ids() == ["v1", "v2", "v3"]  # in its place

    round_trip(journey, edit, check)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"colour_mode": "mood"}, "colour_mode"),
        ({"filter": "buy"}, "filter"),
        ({"zoom": 2}, "zoom"),
    ],
)
def test_update_view_refuses_bad_values_and_leaves_the_map(changes: dict, field: str) -> None:
    journey = _map()
    before = journey.snapshot()
    with pytest.raises(FieldError) as caught:
        UpdateView("v2", changes).apply(journey)
    assert caught.value.field == field
    assert journey.snapshot() == before


def test_update_view_never_changes_an_id() -> None:
    with pytest.raises(FieldError) as caught:
        UpdateView("v2", {"id": "other"})
    assert caught.value.field == "id"


@pytest.mark.parametrize(
    ("view_id", "index", "expected"),
    [("v3", 0, ["v3", "v1", "v2"]), ("v1", 2, ["v2", "v3", "v1"]), ("v1", 99, ["v2", "v3", "v1"])],
)
def test_move_view(view_id: str, index: int, expected: list[str]) -> None:
    journey = _map()
    round_trip(journey, MoveView(view_id, index), _views_are(expected))


@pytest.mark.parametrize("view_id", ["v1", "v2", "v3"])
def test_remove_view_and_undo_puts_it_back_in_its_place(view_id: str) -> None:
    journey = _map()
    edit = RemoveView(view_id)
    assert edit.consequences(journey) == Consequences()
    rest = [v for v in ("v1", "v2", "v3") if v != view_id]
    round_trip(journey, edit, _views_are(rest))


def test_view_edits_refuse_unknown_ids() -> None:
    journey = _map()
    for edit in (UpdateView("nope", {"name": "x"}), MoveView("nope", 0), RemoveView("nope")):
        with pytest.raises(KeyError, match="no view with id 'nope'"):
            edit.apply(journey)
    with pytest.raises(KeyError):
        RemoveView("nope").consequences(journey)
    with pytest.raises(ValueError, match="exists already"):
        AddView(View("v1", "Twin")).apply(journey)


def test_view_edits_undo_and_redo_as_one_step() -> None:
    journey = _map()
    original = copy_map(journey)
    whole = CompositeEdit(
        [
            AddView(View("v4", "Fourth"), 1),
            UpdateView("v1", {"filter": ViewFilter()}),
            MoveView("v3", 0),
            RemoveView("v2"),
        ]
    )
    whole.apply(journey)
    edited = copy_map(journey)
    assert journey.views.ids() == ["v3", "v1", "v4"]
    whole.revert(journey)
    assert journey == original
    whole.apply(journey)
    assert journey == edited


def test_left_out_names_the_touchpoints_a_filter_does_not_match():
    from tpmapper.files.templates import sample_path
    from tpmapper.files.tpmap import load
    from tpmapper.model.elements import ViewFilter

    journey = load(sample_path("en"))
    assert ViewFilter().left_out(journey.touchpoints()) == frozenset()
    left = ViewFilter(owners=("Web design",)).left_out(journey.touchpoints())
    kept = {tp.id for tp in journey.touchpoints() if tp.owner == "Web design"}
    assert left == {tp.id for tp in journey.touchpoints()} - kept
