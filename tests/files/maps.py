"""Maps built in code for the file-format tests (no test functions here)."""

from __future__ import annotations

from pathlib import Path

from tpmapper.model import (
    Channel,
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


def minimal_map() -> JourneyMap:
    """A map with every optional value unset."""
    journey = JourneyMap("Minimal")
    journey.phases.insert(Phase("p", "Phase"))
    journey.lanes.insert(Lane("l", "Lane"))
    journey.insert_touchpoint(Touchpoint("t1", "One", "p", "l"))
    journey.insert_touchpoint(Touchpoint("t2", "Two", "p", "l"))
    journey.insert_link(Link("t1", "t2"))
    return journey
