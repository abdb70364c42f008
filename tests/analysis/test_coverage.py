"""Who answers for what, the empty cells and the phases beyond the company's influence."""

from __future__ import annotations

from tests.analysis.maps import build
from tpmapper.analysis import Cell, OwnerLoad, analyze
from tpmapper.model import Moment


def test_unowned_and_owners_most_touchpoints_first_then_by_name():
    journey = build(
        [
            ("a", "p1", {"owner": "Web", "customer_rating": 1}),
            ("b", "p1", {"owner": "Service"}),
            ("c", "p1"),
            ("d", "p2", {"owner": "Web", "moment": Moment.PAIN_POINT}),
            ("e", "p2", {"owner": "CRM"}),
            ("f", "p3", {"owner": "Service", "customer_rating": 4}),
            ("g", "p3", {"owner": "Web"}),
            ("h", "p3", {"owner": "", "customer_rating": 1}),
            ("i", "p3", {"owner": "apps"}),
        ]
    )
    findings = analyze(journey)
    assert findings.unowned == ("c", "h")
    assert findings.owners == (
        OwnerLoad("Web", 3, 2),
        OwnerLoad("Service", 2, 0),
        OwnerLoad("apps", 1, 0),
        OwnerLoad("CRM", 1, 0),
    )


def test_empty_cells_phase_by_phase_then_lane_by_lane():
    journey = build(
        [("a", "p1", {"lane": "l2"}), ("b", "p2", {"lane": "l1"}), ("c", "p2", {"lane": "l2"})],
        phases="p1 p2 p3",
        lanes="l1 l2",
    )
    assert analyze(journey).empty_cells == (
        Cell("p1", "l1"),
        Cell("p3", "l1"),
        Cell("p3", "l2"),
    )


def test_uninfluenceable_phases_have_touchpoints_but_none_marked_influenceable():
    journey = build(
        [
            ("a", "p1", {"influenceable": False}),
            ("b", "p1"),  # not said: not marked influenceable
            ("c", "p2", {"influenceable": False}),
            ("d", "p2", {"influenceable": True}),
        ],
        phases="p1 p2 p3",
    )
    assert analyze(journey).uninfluenceable_phases == ("p1",)  # p3 is empty: not listed
