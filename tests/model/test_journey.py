"""JourneyMap: queries, primitives, refusals that leave the map unchanged, and listeners."""

from __future__ import annotations

import pytest

from tests.model.support import copy_map, tp
from tpmapper.model import (
    Action,
    Change,
    FieldError,
    JourneyMap,
    Lane,
    Link,
    Persona,
    Phase,
    Position,
    Target,
    View,
)

# ---------------------------------------------------------------------- queries


def test_sample_map_shape(sample):
    assert len(sample) == 14
    assert len(sample.links()) == 17
    assert (len(sample.phases), len(sample.lanes), len(sample.personas)) == (3, 3, 2)
    assert sample.phases.ids() == ["before", "purchase", "after"]
    assert sample.lanes.ids() == ["owned", "paid", "earned"]


def test_queries(small):
    assert small.cell("p1", "l1") == ("a", "b", "c")
    assert small.cell("p3", "l1") == ()
    assert small.cell("nowhere", "l1") == ()
    assert small.position("c") == Position("p1", "l1", 2)
    assert [t.id for t in small.touchpoints()] == ["a", "b", "c", "d", "e", "f", "g"]
    assert small.in_phase("p1") == ["a", "b", "c", "d"]
    assert small.in_lane("l2") == ["d", "g"]
    assert "a" in small
    assert "zz" not in small
    assert len(small) == 7
    assert small.has_link("c", "c")
    assert not small.has_link("c", "a")
    assert small.link("a", "b").label == "next"
    # links in reading order of source, then target
    assert [link.key for link in small.links()][:3] == [("a", "b"), ("a", "c"), ("b", "d")]
    # a loop is listed once among a touchpoint's links
    assert sorted(link.key for link in small.links_of("c")) == [("a", "c"), ("c", "c")]
    assert sorted(link.key for link in small.links_of("a")) == [("a", "b"), ("a", "c"), ("e", "a")]
    with pytest.raises(KeyError, match="no touchpoint with id 'zz'"):
        small.touchpoint("zz")
    with pytest.raises(KeyError, match="no link"):
        small.link("a", "g")
    with pytest.raises(KeyError, match="no phase with id 'px'"):
        small.phases["px"]
    assert small.phases.get("px") is None
    assert small.phases.at(1).id == "p2"
    assert small.phases.index("p3") == 2


def test_owners_are_distinct_and_sorted():
    m = JourneyMap()
    m.phases.insert(Phase("p", "P"))
    m.lanes.insert(Lane("l", "L"))
    for tid, owner in [("1", "bob"), ("2", "Alice"), ("3", ""), ("4", "bob"), ("5", "carl")]:
        m.insert_touchpoint(tp(tid, "p", "l", owner=owner))
    assert m.owners() == ["Alice", "bob", "carl"]


def test_equality_and_snapshot(small):
    other = copy_map(small)
    assert other == small
    assert other is not small
    assert other.snapshot() == small.snapshot()
    other.reorder_cell("p1", "l1", ["b", "a", "c"])
    assert other != small  # the order inside a cell matters
    assert (small == "not a map") is False
    with pytest.raises(TypeError):
        hash(small)
    assert "7 touchpoints, 8 links" in repr(small)


def test_map_title_is_checked():
    with pytest.raises(ValueError, match="must not be empty"):
        JourneyMap("")
    with pytest.raises(ValueError, match="control character"):
        JourneyMap("ok", "\x01")


def test_set_meta_refuses_without_changing_anything(small):
    """A valid title with an invalid description must not be half-applied."""
    before = small.snapshot()
    heard: list[Change] = []
    small.add_listener(heard.append)
    with pytest.raises(ValueError, match="control character"):
        small.set_meta(title="New title", description="bad\x00")
    with pytest.raises(ValueError, match="must not be empty"):
        small.set_meta(title=" ", description="fine")
    assert small.title == "Small map"
    assert small.description == "for tests"
    assert small.snapshot() == before
    assert heard == []
    small.set_meta(description="changed")
    assert (small.title, small.description) == ("Small map", "changed")


# ---------------------------------------------------------------------- primitives


def test_insert_touchpoint_at_index_clamped(small):
    small.insert_touchpoint(tp("x", "p1", "l1"), 1)
    assert small.cell("p1", "l1") == ("a", "x", "b", "c")
    small.insert_touchpoint(tp("y", "p1", "l1"), 99)
    assert small.cell("p1", "l1") == ("a", "x", "b", "c", "y")
    small.insert_touchpoint(tp("z", "p1", "l1"), -5)
    assert small.cell("p1", "l1")[0] == "z"
    small.insert_touchpoint(tp("w", "p3", "l1"))
    assert small.cell("p3", "l1") == ("w",)
    assert small.touchpoint("w").name == "Touchpoint w"


def test_place_touchpoint(small):
    small.place_touchpoint("a", "p2", "l1", 1)
    assert small.cell("p1", "l1") == ("b", "c")
    assert small.cell("p2", "l1") == ("e", "a", "f")
    assert small.touchpoint("a").phase == "p2"
    assert small.position("a") == Position("p2", "l1", 1)
    assert small.has_link("e", "a")  # links follow the touchpoint
    small.place_touchpoint("a", "p2", "l1")
    assert small.cell("p2", "l1") == ("e", "f", "a")


def test_axis_item_primitives(small):
    small.phases.insert(Phase("p0", "Zero"), 0)
    assert small.phases.ids() == ["p0", "p1", "p2", "p3"]
    small.phases.move("p0", 10)
    assert small.phases.ids() == ["p1", "p2", "p3", "p0"]
    small.phases.move("p0", 1)
    assert small.phases.ids() == ["p1", "p0", "p2", "p3"]
    small.phases.replace(Phase("p0", "Renamed", colour="#000000"))
    assert small.phases["p0"].name == "Renamed"
    assert small.phases.index("p0") == 1
    small.phases.delete("p0")
    assert "p0" not in small.phases
    assert small.phases.ids() == ["p1", "p2", "p3"]


# ---------------------------------------------------------------------- refusals


def _refused(journey: JourneyMap, action, error=ValueError, match=None) -> None:
    """`action` must raise and leave the map, and every listener, untouched."""
    before = journey.snapshot()
    heard: list[Change] = []
    journey.add_listener(heard.append)
    with pytest.raises(error, match=match):
        action()
    journey.remove_listener(heard.append)
    assert journey.snapshot() == before
    assert heard == []


def test_refusals_leave_the_map_unchanged(small):
    m = small
    _refused(m, lambda: m.insert_touchpoint(tp("x", "p9", "l1")), match="no phase with id 'p9'")
    _refused(m, lambda: m.insert_touchpoint(tp("x", "p1", "l9")), match="no lane with id 'l9'")
    _refused(
        m,
        lambda: m.insert_touchpoint(tp("x", "p1", "l1", personas=("p-none",))),
        match="no persona with id 'p-none'",
    )
    _refused(m, lambda: m.insert_touchpoint(tp("a", "p2", "l2")), match="exists already")
    _refused(m, lambda: m.insert_link(Link("a", "ghost")), match="'ghost' does not")
    _refused(m, lambda: m.insert_link(Link("ghost", "a")), match="'ghost' does not")
    _refused(m, lambda: m.insert_link(Link("a", "b", "again")), match="linked already")
    _refused(m, lambda: m.insert_link(Link("c", "c")), match="linked already")
    _refused(m, lambda: m.delete_link("b", "a"), KeyError)
    _refused(m, lambda: m.replace_link(Link("b", "a")), KeyError)
    _refused(m, lambda: m.delete_touchpoint("a"), match="still has links")
    _refused(m, lambda: m.delete_touchpoint("ghost"), KeyError)
    _refused(m, lambda: m.phases.delete("p1"), match="the phase still holds 4 touchpoints")
    _refused(m, lambda: m.lanes.delete("l2"), match="the lane still holds 2 touchpoints")
    _refused(m, lambda: m.personas.delete("pb"), match="still named by 2 touchpoints")
    _refused(m, lambda: m.phases.delete("p9"), KeyError)
    _refused(m, lambda: m.phases.insert(Phase("p1", "Again")), match="exists already")
    _refused(m, lambda: m.lanes.insert(Lane("l1", "Again")), match="exists already")
    _refused(m, lambda: m.personas.insert(Persona("pa", "Again")), match="exists already")
    _refused(m, lambda: m.phases.replace(Phase("p9", "Nope")), KeyError)
    _refused(m, lambda: m.phases.move("p9", 0), KeyError)
    _refused(m, lambda: m.place_touchpoint("a", "p9", "l1"), match="no phase")
    _refused(m, lambda: m.place_touchpoint("a", "p1", "l9"), match="no lane")
    _refused(m, lambda: m.place_touchpoint("a", "bad id", "l1"), FieldError)
    _refused(m, lambda: m.place_touchpoint("ghost", "p1", "l1"), KeyError)
    _refused(m, lambda: m.replace_touchpoint(tp("a", "p2", "l1")), match="by a move, not a replace")
    _refused(
        m,
        lambda: m.replace_touchpoint(tp("a", "p1", "l1", personas=("p-none",))),
        match="no persona",
    )
    _refused(m, lambda: m.replace_touchpoint(tp("ghost", "p1", "l1")), KeyError)
    _refused(m, lambda: m.reorder_cell("p1", "l1", ["a", "b"]), match="exactly the touchpoints")
    _refused(m, lambda: m.reorder_cell("p1", "l1", ["a", "b", "b"]), match="exactly")
    _refused(m, lambda: m.reorder_cell("p1", "l1", ["a", "b", "c", "d"]), match="exactly")
    _refused(m, lambda: m.set_meta(title=""), match="must not be empty")


def test_a_touchpoint_without_links_can_be_deleted(small):
    small.delete_link("f", "g")
    small.delete_touchpoint("g")
    assert "g" not in small
    assert small.cell("p3", "l2") == ()
    small.phases.delete("p3")  # now empty, so allowed
    assert small.phases.ids() == ["p1", "p2"]


# ---------------------------------------------------------------------- listeners


def _one_change(journey: JourneyMap, action) -> Change:
    heard: list[Change] = []
    journey.add_listener(heard.append)
    action()
    journey.remove_listener(heard.append)
    assert len(heard) == 1, heard
    return heard[0]


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        (lambda m: m.set_meta(title="T"), Change(Target.MAP, Action.CHANGED, None)),
        (lambda m: m.phases.insert(Phase("p9", "P")), Change(Target.PHASE, Action.ADDED, "p9")),
        (lambda m: m.phases.replace(Phase("p2", "X")), Change(Target.PHASE, Action.CHANGED, "p2")),
        (lambda m: m.phases.move("p2", 0), Change(Target.PHASE, Action.MOVED, "p2")),
        (lambda m: m.lanes.insert(Lane("l9", "L")), Change(Target.LANE, Action.ADDED, "l9")),
        (lambda m: m.lanes.move("l2", 0), Change(Target.LANE, Action.MOVED, "l2")),
        (lambda m: m.lanes.replace(Lane("l1", "X")), Change(Target.LANE, Action.CHANGED, "l1")),
        (
            lambda m: m.personas.insert(Persona("px", "X")),
            Change(Target.PERSONA, Action.ADDED, "px"),
        ),
        (
            lambda m: m.personas.replace(Persona("pa", "X")),
            Change(Target.PERSONA, Action.CHANGED, "pa"),
        ),
        (lambda m: m.personas.move("pb", 0), Change(Target.PERSONA, Action.MOVED, "pb")),
        (lambda m: m.views.insert(View("v9", "V")), Change(Target.VIEW, Action.ADDED, "v9")),
        (
            lambda m: m.insert_touchpoint(tp("x", "p1", "l1")),
            Change(Target.TOUCHPOINT, Action.ADDED, "x"),
        ),
        (
            lambda m: m.replace_touchpoint(tp("a", "p1", "l1", name="New")),
            Change(Target.TOUCHPOINT, Action.CHANGED, "a"),
        ),
        (
            lambda m: m.place_touchpoint("a", "p2", "l2", 0),
            Change(Target.TOUCHPOINT, Action.MOVED, "a"),
        ),
        (
            lambda m: m.reorder_cell("p1", "l1", ["c", "b", "a"]),
            Change(Target.CELL, Action.MOVED, ("p1", "l1")),
        ),
        (lambda m: m.insert_link(Link("g", "a")), Change(Target.LINK, Action.ADDED, ("g", "a"))),
        (
            lambda m: m.replace_link(Link("a", "b", "x")),
            Change(Target.LINK, Action.CHANGED, ("a", "b")),
        ),
        (lambda m: m.delete_link("c", "c"), Change(Target.LINK, Action.REMOVED, ("c", "c"))),
    ],
)
def test_each_primitive_notifies_once(small, action, expected):
    assert _one_change(small, lambda: action(small)) == expected


def test_delete_primitives_notify_once(small):
    small.delete_link("f", "g")
    assert _one_change(small, lambda: small.delete_touchpoint("g")) == Change(
        Target.TOUCHPOINT, Action.REMOVED, "g"
    )
    assert _one_change(small, lambda: small.phases.delete("p3")) == Change(
        Target.PHASE, Action.REMOVED, "p3"
    )
    small.lanes.insert(Lane("l3", "Empty"))
    assert _one_change(small, lambda: small.lanes.delete("l3")) == Change(
        Target.LANE, Action.REMOVED, "l3"
    )
    small.personas.insert(Persona("pc", "Unused"))
    assert _one_change(small, lambda: small.personas.delete("pc")) == Change(
        Target.PERSONA, Action.REMOVED, "pc"
    )


def test_listeners_are_called_in_order_and_can_be_removed(small):
    calls: list[tuple[str, Change]] = []

    def first(change: Change) -> None:
        calls.append(("first", change))

    def second(change: Change) -> None:
        calls.append(("second", change))

    small.add_listener(first)
    small.add_listener(second)
    small.set_meta(title="One")
    assert [name for name, _ in calls] == ["first", "second"]
    small.remove_listener(first)
    calls.clear()
    small.set_meta(title="Two")
    assert [name for name, _ in calls] == ["second"]
    small.remove_listener(second)
    calls.clear()
    small.set_meta(title="Three")
    assert calls == []
    with pytest.raises(ValueError, match="not in list"):
        small.remove_listener(second)


def test_a_listener_may_remove_itself_while_being_told(small):
    heard: list[str] = []

    def once(change: Change) -> None:
        heard.append("once")
        small.remove_listener(once)

    def always(change: Change) -> None:
        heard.append("always")

    small.add_listener(once)
    small.add_listener(always)
    small.set_meta(title="A")
    small.set_meta(title="B")
    assert heard == ["once", "always", "always"]


def test_graph_is_a_networkx_view_rebuilt_after_every_change(small):
    graph = small.graph
    assert sorted(graph.nodes) == sorted(tp.id for tp in small.touchpoints())
    assert {(s, t): d["link"] for s, t, d in graph.edges(data=True)} == {
        link.key: link for link in small.links()
    }
    assert small.graph is graph  # kept while nothing changes
    first = small.touchpoints()[0]
    small.replace_touchpoint(first.with_changes(name="Renamed"))
    assert small.graph is not graph
    assert small.graph.nodes[first.id]["touchpoint"].name == "Renamed"
    assert small.link_count() == small.graph.number_of_edges()


def test_loading_a_map_does_not_import_networkx():
    """networkx costs ~0.2 s to import: only analyses may pay for it, not start-up."""
    import subprocess
    import sys

    code = (
        "import sys; from tpmapper.files.templates import sample_path; "
        "from tpmapper.files.tpmap import load; m = load(sample_path('en')); "
        "assert m.link_count() > 0; print('networkx' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
