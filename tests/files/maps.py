"""Maps built in code for the file-format tests (no test functions here)."""

from __future__ import annotations

from pathlib import Path

from tpmapper.model import (
    Channel,
    ColourMode,
    Directness,
    JourneyMap,
    Lane,
    LaneKind,
    Link,
    Medium,
    Moment,
    Ownership,
    Persona,
    Phase,
    Touchpoint,
    View,
    ViewFilter,
)

REPOSITORY = Path(__file__).resolve().parents[2]
RESOURCES = REPOSITORY / "resources"
SAMPLES = sorted((RESOURCES / "samples").glob("*.tpmap"))
TEMPLATES = sorted((RESOURCES / "templates").glob("*.tpmap"))
BUNDLED = SAMPLES + TEMPLATES
DATA = Path(__file__).resolve().parent / "data"
SCHEMA = REPOSITORY / "docs" / "tpmap.schema.json"


def every_field_touchpoint(**changes: object) -> Touchpoint:
    """A touchpoint with every field set to something other than its default."""
    fields: dict[str, object] = {
        "id": "tp-cart",
        "name": "Warenkorb 🛒 (Größe prüfen)",
        "phase": "buy",
        "lane": "digital",
        "description": 'Line one\nline two\twith a tab; «quotes» and "escapes" \\ too',
        "channel": Channel.ONLINE_SHOP,
        "channel_detail": "Mobile web",
        "ownership": Ownership.OWNED,
        "directness": Directness.DIRECT,
        "influenceable": True,
        "medium": Medium.DIGITAL,
        "owner": "E-Commerce-Team",
        "customer_rating": 2,
        "company_rating": 5,
        "importance": 4,
        "moment": Moment.PAIN_POINT,
        "moment_reason": "Versandkosten erst am Ende sichtbar",
        "conversion_rate": 0.313,
        "satisfaction": 0.62,
        "roi": -0.25,
        "cost": 12500.5,
        "reach": 410000,
        "feedback_sources": ("web analytics", "Umfrage"),
        "improvement_idea": "Show shipping costs on the product page",
        "personas": ("hunter", "pro"),
        "tags": ("checkout", "ärgerlich"),
        "notes": "Measured in Q3 😀",
    }
    fields.update(changes)
    return Touchpoint(**fields)  # type: ignore[arg-type]


def every_field_map() -> JourneyMap:
    """A map in which every field of every element is set (and both values of each flag)."""
    journey = JourneyMap("Öffentlicher Shop – Journey 🚀", "Beschreibung mit Umlauten: äöüß")
    journey.personas.insert(Persona("hunter", "Schnäppchenjäger", "Vergleicht Preise"))
    journey.personas.insert(Persona("pro", "Busy professional", "Buys on the phone"))
    journey.phases.insert(Phase("see", "Awareness", "#4e79a7", "Hears of the shop"))
    journey.phases.insert(Phase("buy", "Kauf", "#F28E2B", "Choosing and paying"))
    journey.lanes.insert(Lane("digital", "Digital", LaneKind.TOUCHPOINT_CLASS, "Online"))
    journey.lanes.insert(Lane("staff", "Staff", LaneKind.ACTOR, "People"))
    journey.lanes.insert(Lane("layer", "Backstage", LaneKind.BLUEPRINT_LAYER, "Unseen"))
    journey.lanes.insert(Lane("other", "Other", LaneKind.OTHER, "Anything else"))
    journey.lanes.insert(Lane("chan", "Channels", LaneKind.CHANNEL_GROUP, "The default kind"))
    journey.insert_touchpoint(
        every_field_touchpoint(
            id="tp-ad",
            name="Search ad",
            phase="see",
            channel=Channel.PAID_SEARCH,
            ownership=Ownership.PAID,
            directness=Directness.INDIRECT,
            influenceable=False,
            medium=Medium.ANALOG,
            customer_rating=1,
            company_rating=1,
            importance=1,
            moment=Moment.POSITIVE,
            conversion_rate=0.0,
            satisfaction=1.0,
            roi=1.8,
            cost=0.0,
            reach=0,
            personas=("pro",),
        )
    )
    journey.insert_touchpoint(
        every_field_touchpoint(id="tp-review", name="Reviews", phase="see", lane="staff")
    )
    journey.insert_touchpoint(every_field_touchpoint())
    journey.insert_touchpoint(
        every_field_touchpoint(id="tp-mail", name="Mail", lane="layer", ownership=Ownership.EARNED)
    )
    journey.insert_touchpoint(
        every_field_touchpoint(id="tp-post", name="Postcard", lane="other", roi=3)
    )
    journey.insert_link(Link("tp-ad", "tp-cart", "Klickt 👉", 0.5))
    journey.insert_link(Link("tp-cart", "tp-review", "Unsure: checks reviews", 0.35))
    journey.insert_link(Link("tp-review", "tp-cart"))
    journey.insert_link(Link("tp-cart", "tp-mail", share=1.0))
    journey.insert_link(Link("tp-mail", "tp-mail", label="Reminder loop"))
    return journey


def every_field_views() -> list[View]:
    """Views that together set every field of a view and of its filter (and name an id the
    map does not have, which is allowed)."""
    return [
        View(
            "v-pain",
            "Schmerzpunkte im Kauf 🔥",
            ColourMode.OWNER,
            ViewFilter(
                phases=("buy", "gone-phase"),
                lanes=("digital",),
                owners=("E-Commerce-Team", ""),
                tags=("checkout",),
                personas=("hunter",),
                moments=(Moment.PAIN_POINT, Moment.POSITIVE),
                rating_min=2,
                rating_max=4,
                text="Versand",
            ),
        ),
        View("v-all", "Everything"),  # the default colour mode and no filter
        View("v-gap", "Gap", ColourMode.GAP, ViewFilter(rating_max=3)),
    ]


def map_with_views() -> JourneyMap:
    """`every_field_map()` with `every_field_views()` saved in it."""
    journey = every_field_map()
    for view in every_field_views():
        journey.views.insert(view)
    return journey


def minimal_map() -> JourneyMap:
    """A map with every optional value unset."""
    journey = JourneyMap("Minimal")
    journey.phases.insert(Phase("p", "Phase"))
    journey.lanes.insert(Lane("l", "Lane"))
    journey.insert_touchpoint(Touchpoint("t1", "One", "p", "l"))
    journey.insert_touchpoint(Touchpoint("t2", "Two", "p", "l"))
    journey.insert_link(Link("t1", "t2"))
    return journey


def findings_map() -> JourneyMap:
    """A map with one of each kind of finding (and a few of two), in reading order
    a, a2 | b, d | c, e, f:

    - entries a and a2 (Vorher) both lead to b (Kauf), the one bottleneck; b leads to d,
      c and e; c and e (Nachher) form a loop; d leads nowhere (a dead end) and has no
      owner; f has no link at all (an orphan).
    - weak spots: b (customer rating 2) and d (a pain point, unrated).
    - blind spots: b (company 5, customer 2: +3), c (company 2, customer 4: -2); a (4, 4)
      and e (3, 3) are rated alike: 2 of 4 agree. Nachher averages 3.5 and 2.5.
    - priorities: b (importance 5 x (5 - 2) = 15), a (2 x (5 - 4) = 2).
    - the cell Vorher x Persönlich is empty; nothing in Vorher can be influenced.
    """
    journey = JourneyMap("Befunde", "Eine Karte mit je einem Befund")
    journey.phases.insert(Phase("p1", "Vorher"))
    journey.phases.insert(Phase("p2", "Kauf"))
    journey.phases.insert(Phase("p3", "Nachher"))
    journey.lanes.insert(Lane("l1", "Digital"))
    journey.lanes.insert(Lane("l2", "Persönlich"))
    add = journey.insert_touchpoint
    add(
        Touchpoint(
            "a", "Anzeige", "p1", "l1", owner="Marketing", customer_rating=4,
            company_rating=4, importance=2, influenceable=False,
        )
    )  # fmt: skip
    add(Touchpoint("a2", "Suchmaschine", "p1", "l1", owner="Marketing"))
    add(
        Touchpoint(
            "b", "Shop", "p2", "l1", owner="E-Commerce", customer_rating=2, company_rating=5,
            importance=5, influenceable=True,
        )
    )  # fmt: skip
    add(Touchpoint("d", "Beschwerde", "p2", "l2", moment=Moment.PAIN_POINT))
    add(
        Touchpoint(
            "c", "Service", "p3", "l1", owner="Service-Team", customer_rating=4,
            company_rating=2, influenceable=True,
        )
    )  # fmt: skip
    add(
        Touchpoint(
            "e", "Newsletter", "p3", "l1", owner="Marketing", customer_rating=3, company_rating=3
        )
    )
    add(Touchpoint("f", "Brief", "p3", "l2", owner="Vertrieb"))
    for source, target in (
        ("a", "b"),
        ("a2", "b"),
        ("b", "d"),
        ("b", "c"),
        ("b", "e"),
        ("c", "e"),
        ("e", "c"),
    ):
        journey.insert_link(Link(source, target))
    return journey
