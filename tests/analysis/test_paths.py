"""The graph findings on hand-built maps: entries, dead ends, orphans, loops, bottlenecks."""

from __future__ import annotations

from tests.analysis.maps import build
from tpmapper.analysis import analyze


def test_entries_dead_ends_and_orphans():
    # a starts; b goes on; c stops in the middle phase; d stops in the last phase (fine);
    # e and f touch nothing but themselves; g only receives a self-link and one link from a
    journey = build(
        "a:p1 e:p1 b:p2 c:p2 f:p2 d:p3 g:p2",
        "a>b b>c b>d e>e f>f a>g g>g",
    )
    findings = analyze(journey)
    assert findings.entries == ("a",)
    assert findings.dead_ends == ("c", "g")
    assert findings.orphans == ("e", "f")
    assert findings.links == 7  # self-links are links; only the findings ignore them


def test_a_touchpoint_in_the_last_phase_is_no_dead_end_and_map_order_is_kept():
    journey = build("x:p3 a:p1 b:p1 y:p2", "a>x b>y")
    findings = analyze(journey)
    assert findings.entries == ("a", "b")  # map order: phase by phase, not insertion order
    assert findings.dead_ends == ("y",)


def test_loops_are_groups_that_reach_each_other_and_ignore_self_links():
    journey = build(
        "a:p1 b:p1 c:p1 d:p2 e:p2 f:p3 g:p3",
        "a>b b>a c>c d>f f>e e>d g>g a>d",
    )
    assert analyze(journey).loops == (("a", "b"), ("d", "e", "f"))


def test_loop_members_are_listed_in_map_order_and_loops_by_their_first_member():
    journey = build("z:p1 y:p1 x:p2 w:p2", "x>w w>x y>z z>y")
    assert analyze(journey).loops == (("z", "y"), ("x", "w"))


def test_a_chain_makes_every_touchpoint_a_bottleneck():
    journey = build("a:p1 b:p2 c:p3", "a>b b>c")
    assert analyze(journey).bottlenecks == ("a", "b", "c")


def test_an_alternative_path_removes_the_bottlenecks_it_bypasses():
    journey = build("a:p1 b:p2 x:p2 c:p3", "a>b b>c a>x x>c")
    assert analyze(journey).bottlenecks == ("a", "c")


def test_the_only_first_phase_touchpoint_leading_on_is_a_bottleneck():
    # z is in the first phase too, but no journey from it reaches the last phase
    journey = build("a:p1 z:p1 b:p2 c:p3 d:p3", "a>b b>c b>d z>z")
    assert analyze(journey).bottlenecks == ("a", "b")


def test_the_only_last_phase_exit_is_a_bottleneck_and_two_entries_are_not():
    journey = build("a:p1 a2:p1 b:p2 c:p3", "a>b a2>b b>c")
    assert analyze(journey).bottlenecks == ("b", "c")


def test_no_bottlenecks_without_a_path_from_the_first_to_the_last_phase():
    assert analyze(build("a:p1 b:p2 c:p3", "a>b c>b")).bottlenecks == ()
    assert analyze(build("b:p2 c:p3", "b>c")).bottlenecks == ()  # first phase empty
    assert analyze(build("a:p1 b:p2", "a>b")).bottlenecks == ()  # last phase empty


def test_journeys_that_step_back_a_phase():
    # "two steps forward, one back": b leads back to x in the first phase, and only
    # from x does a journey reach c; a journey starting at x needs neither a nor b
    journey = build("a:p1 x:p1 b:p2 c:p3", "a>b b>x x>b x>c")
    assert analyze(journey).bottlenecks == ("x", "c")
    # going round a loop in the middle does not bypass its way in and out
    journey = build("a:p1 b:p2 y:p2 c:p3", "a>b b>y y>b b>c")
    assert analyze(journey).bottlenecks == ("a", "b", "c")


def test_a_one_phase_map_has_no_bottlenecks():
    journey = build("a:p1 b:p1", "a>b", phases="p1")
    assert analyze(journey).bottlenecks == ()


def test_a_map_without_links():
    journey = build("a:p1 b:p2 c:p3")
    findings = analyze(journey)
    assert findings.orphans == ("a", "b", "c")
    assert findings.entries == findings.dead_ends == findings.bottlenecks == ()
    assert findings.loops == ()
    assert findings.links == 0


def test_an_empty_map():
    findings = analyze(build([]))
    assert findings.touchpoints == findings.links == 0
    assert [point.phase for point in findings.curve] == ["p1", "p2", "p3"]
    assert all(p.touchpoints == 0 and p.customer is p.company is None for p in findings.curve)
    for name in ("entries", "dead_ends", "orphans", "loops", "bottlenecks", "weak_spots"):
        assert getattr(findings, name) == ()
    assert findings.agreement.share is None
    assert findings.priorities == findings.blind_spots == findings.owners == ()
    assert [(c.phase, c.lane) for c in findings.empty_cells] == [
        ("p1", "l1"),
        ("p2", "l1"),
        ("p3", "l1"),
    ]


def test_a_map_without_phases_or_lanes():
    findings = analyze(build([], phases="", lanes=""))
    assert findings.curve == findings.empty_cells == findings.bottlenecks == ()


def test_the_sample_map(sample):
    names = {tp.id: tp.name for tp in sample.touchpoints()}
    findings = analyze(sample)
    assert [names[t] for t in findings.entries] == ["Ads", "Influencers", "AI search"]
    assert [names[t] for t in findings.bottlenecks] == [
        "Website",
        "Sales pages",
        "Shopping cart",
        "Order confirmation",
    ]
    assert findings.dead_ends == findings.orphans == ()
    assert len(findings.loops) == 1
    assert len(findings.loops[0]) == 10
