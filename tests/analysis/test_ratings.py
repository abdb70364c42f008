"""The rating findings: curve, weak spots, blind spots, agreement and priorities."""

from __future__ import annotations

import pytest

from tests.analysis.maps import build
from tpmapper.analysis import Agreement, BlindSpot, CurvePoint, Priority, analyze
from tpmapper.model import Moment


def rated(*ratings: tuple[int | None, int | None], phase: str = "p1") -> list:
    """Touchpoints t0, t1, ... with (customer, company) ratings, all in one phase."""
    return [
        (f"t{i}", phase, {"customer_rating": cust, "company_rating": comp})
        for i, (cust, comp) in enumerate(ratings)
    ]


def test_the_curve_averages_each_rating_over_the_touchpoints_that_have_it():
    journey = build(
        [
            ("a", "p1", {"customer_rating": 2, "company_rating": 4}),
            ("b", "p1", {"customer_rating": 3}),
            ("c", "p1", {"customer_rating": 5, "company_rating": 5}),
            ("d", "p2", {"company_rating": 1}),
            ("e", "p2"),
        ]
    )
    assert analyze(journey).curve == (
        CurvePoint("p1", "Phase p1", 3, 10 / 3, 4.5),
        CurvePoint("p2", "Phase p2", 2, None, 1.0),
        CurvePoint("p3", "Phase p3", 0, None, None),
    )


def test_weak_spots_are_low_customer_ratings_or_pain_points():
    journey = build(
        [
            ("low", "p1", {"customer_rating": 1}),
            ("two", "p1", {"customer_rating": 2}),
            ("three", "p1", {"customer_rating": 3}),
            ("pain", "p2", {"customer_rating": 5, "moment": Moment.PAIN_POINT}),
            ("glad", "p2", {"customer_rating": 4, "moment": Moment.POSITIVE}),
            ("company", "p2", {"company_rating": 1}),
            ("unrated", "p3"),
        ]
    )
    assert analyze(journey).weak_spots == ("low", "two", "pain")


def test_blind_spots_largest_gap_first_then_map_order():
    journey = build(rated((4, 1), (2, 4), (1, 4), (5, 3), (3, 4), (2, None), (3, 3)))
    assert analyze(journey).blind_spots == (
        BlindSpot("t0", 4, 1, -3),
        BlindSpot("t2", 1, 4, 3),
        BlindSpot("t1", 2, 4, 2),
        BlindSpot("t3", 5, 3, -2),
    )


def test_agreement_six_of_ten():
    ratings = [(3, 3)] * 3 + [(2, 3), (4, 3), (5, 4)] + [(1, 3), (5, 2), (2, 5), (1, 5)]
    journey = build(rated(*ratings, (4, None), (None, 2)))
    assert analyze(journey).agreement == Agreement(rated=10, agree=6, share=0.6)


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        ([], Agreement(0, 0, None)),
        ([(3, None), (None, 3)], Agreement(0, 0, None)),
        ([(1, 5)], Agreement(1, 0, 0.0)),
        ([(1, 2), (4, 4)], Agreement(2, 2, 1.0)),
    ],
)
def test_agreement_edges(ratings, expected):
    assert analyze(build(rated(*ratings))).agreement == expected


def test_priorities_highest_score_then_importance_then_map_order_at_most_seven():
    def prio(tid: str, phase: str, importance: int | None, customer: int | None):
        return (tid, phase, {"importance": importance, "customer_rating": customer})

    journey = build(
        [
            prio("s6a", "p1", 2, 2),  # 2 x 3 = 6
            prio("s6b", "p1", 3, 3),  # 3 x 2 = 6, more important than s6a
            prio("zero", "p1", 5, 5),  # score 0: never listed
            prio("s20", "p2", 5, 1),
            prio("s8", "p2", 2, 1),
            prio("s6c", "p2", 2, 2),  # ties with s6a: map order
            prio("noimp", "p2", None, 1),
            prio("norating", "p2", 5, None),
            prio("s4", "p3", 1, 1),
            prio("s3", "p3", 3, 4),
            prio("s2", "p3", 1, 3),  # eighth: cut
            prio("s1", "p3", 1, 4),  # ninth: cut
        ]
    )
    assert analyze(journey).priorities == (
        Priority("s20", 20),
        Priority("s8", 8),
        Priority("s6b", 6),
        Priority("s6a", 6),
        Priority("s6c", 6),
        Priority("s4", 4),
        Priority("s3", 3),
    )


def test_the_sample_map(sample):
    findings = analyze(sample)
    names = {tp.id: tp.name for tp in sample.touchpoints()}
    assert [names[t] for t in findings.weak_spots] == ["Shopping cart", "Chatbot"]
    assert findings.agreement == Agreement(12, 10, 10 / 12)
    assert [(names[p.id], p.score) for p in findings.priorities][:3] == [
        ("Shopping cart", 15),
        ("Product reviews", 10),
        ("Chatbot", 9),
    ]


def test_a_cell_rating_is_the_average_of_its_rated_touchpoints():
    from tpmapper.analysis import cell_rating
    from tpmapper.files.templates import sample_path
    from tpmapper.files.tpmap import load

    journey = load(sample_path("en"))
    for phase in journey.phases:
        for lane in journey.lanes:
            rated = [
                journey.touchpoint(t).customer_rating
                for t in journey.cell(phase.id, lane.id)
                if journey.touchpoint(t).customer_rating is not None
            ]
            expected = sum(rated) / len(rated) if rated else None
            assert cell_rating(journey, phase.id, lane.id) == expected
