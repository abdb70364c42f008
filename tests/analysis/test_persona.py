"""Findings for one persona: the touchpoints serving it and the links between them."""

from __future__ import annotations

import pytest

from tests.analysis.maps import build
from tpmapper.analysis import UnknownPersona, analyze, serves


def persona_map():
    return build(
        [
            ("a", "p1", {"personas": ("pa",), "customer_rating": 1}),
            ("b", "p1", {"personas": ("pb",)}),
            ("all", "p2"),  # names no persona: serves everyone
            ("both", "p2", {"personas": ("pa", "pb"), "owner": "Web"}),
            ("c", "p3", {"personas": ("pb",)}),
            ("d", "p3", {"personas": ("pa",)}),
        ],
        "a>all b>all all>c all>d b>both both>both",
        personas="pa pb pc",
    )


def test_only_the_touchpoints_serving_the_persona_and_the_links_between_them():
    findings = analyze(persona_map(), "pa")
    assert findings.touchpoints == 4  # a, all, both, d
    assert findings.links == 3  # a>all, all>d, both>both
    assert [point.touchpoints for point in findings.curve] == [1, 2, 1]
    assert findings.entries == ("a",)
    assert findings.orphans == ("both",)  # its link from b does not serve pa
    assert findings.bottlenecks == ("a", "all", "d")
    assert findings.weak_spots == ("a",)
    assert findings.unowned == ("a", "all", "d")


def test_the_whole_map_without_a_persona():
    findings = analyze(persona_map())
    assert findings.touchpoints == 6
    assert findings.links == 6
    assert findings.entries == ("a", "b")
    assert findings.bottlenecks == ("all",)


def test_a_persona_no_touchpoint_names_gets_the_shared_touchpoints():
    findings = analyze(persona_map(), "pc")
    assert findings.touchpoints == 1
    assert findings.orphans == ("all",)


def test_serves():
    journey = persona_map()
    assert serves(journey.touchpoint("all"), "pa")
    assert serves(journey.touchpoint("both"), "pb")
    assert not serves(journey.touchpoint("b"), "pa")


def test_an_unknown_persona_is_refused_naming_the_known_ones():
    with pytest.raises(UnknownPersona) as refusal:
        analyze(persona_map(), "px")
    assert refusal.value.known == ("pa", "pb", "pc")
    assert "'px'" in str(refusal.value)
    assert "pa (Persona pa), pb (Persona pb), pc (Persona pc)" in str(refusal.value)
    with pytest.raises(UnknownPersona, match="has no personas"):
        analyze(build("a:p1"), "pa")
