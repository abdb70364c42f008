"""Older format versions are lifted step by step; files of every version ever written still load."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.files.maps import DATA
from tpmapper.files import FORMAT_VERSION, MapFileError, dumps, load, loads
from tpmapper.files.migrations import MIGRATIONS, migrate
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
from tpmapper.model.elements import field_names


def format_v1_map() -> JourneyMap:
    """What tests/files/data/format-v1.tpmap holds. Never change this or that file."""
    journey = JourneyMap("Café-Kette: Journey ☕", "Every field of format version 1, once.")
    journey.personas.insert(Persona("student", "Studentin", "Kommt zwischen den Vorlesungen"))
    journey.phases.insert(Phase("before", "Vor dem Besuch", "#4e79a7", "Finds the café"))
    journey.phases.insert(Phase("visit", "Besuch"))
    journey.lanes.insert(Lane("digital", "Digital", LaneKind.TOUCHPOINT_CLASS, "Online"))
    journey.lanes.insert(Lane("counter", "Theke"))
    journey.insert_touchpoint(
        Touchpoint(
            id="app",
            name="Bestell-App 📱",
            phase="before",
            lane="digital",
            description="Order ahead\nand pick up",
            channel=Channel.APP,
            channel_detail="iOS and Android",
            ownership=Ownership.OWNED,
            directness=Directness.DIRECT,
            influenceable=True,
            medium=Medium.DIGITAL,
            owner="Digital team",
            customer_rating=2,
            company_rating=4,
            importance=5,
            moment=Moment.PAIN_POINT,
            moment_reason="Login every time",
            conversion_rate=0.18,
            satisfaction=0.55,
            roi=1.25,
            cost=48000.5,
            reach=12000,
            feedback_sources=("app store reviews", "Umfrage"),
            improvement_idea="Stay logged in",
            personas=("student",),
            tags=("app", "größte Baustelle"),
            notes="Q3 figures",
        )
    )
    journey.insert_touchpoint(
        Touchpoint(
            id="flyer",
            name="Flyer",
            phase="before",
            lane="digital",
            ownership=Ownership.PAID,
            directness=Directness.INDIRECT,
            influenceable=False,
            medium=Medium.ANALOG,
            moment=Moment.POSITIVE,
            cost=0.0,
            reach=0,
        )
    )
    journey.insert_touchpoint(Touchpoint("counter-talk", "Beratung", "visit", "counter"))
    journey.insert_link(Link("flyer", "app", "Scannt den QR-Code", 0.04))
    journey.insert_link(Link("app", "counter-talk", share=0.9))
    journey.insert_link(Link("counter-talk", "app", "Bestellt wieder"))
    return journey


def format_v2_map() -> JourneyMap:
    """What tests/files/data/format-v2.tpmap holds: version 1's map with saved views, which
    set every field of a view and of its filter. Never change this or that file."""
    journey = format_v1_map()
    journey.set_meta(description="Every field of format version 2, once.")
    journey.views.insert(
        View(
            "weak-app",
            "Schwachstellen digital 🔍",
            ColourMode.OWNER,
            ViewFilter(
                phases=("before", "removed-phase"),
                lanes=("digital",),
                owners=("Digital team", ""),
                tags=("app",),
                personas=("student",),
                moments=(Moment.PAIN_POINT,),
                rating_min=1,
                rating_max=3,
                text="login",
            ),
        )
    )
    journey.views.insert(View("all", "Alles"))
    journey.views.insert(View("gaps", "Gaps", ColourMode.GAP, ViewFilter(rating_min=2)))
    return journey


#: The map each stored file must load as. Add format-vN.tpmap with each new format version.
EXPECTED = {"format-v1.tpmap": format_v1_map, "format-v2.tpmap": format_v2_map}


def test_there_is_a_stored_file_for_every_format_version() -> None:
    for version in range(1, FORMAT_VERSION + 1):
        assert (DATA / f"format-v{version}.tpmap").is_file(), f"store a version-{version} file"
    assert sorted(p.name for p in DATA.glob("*.tpmap")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_stored_file_loads_as_it_should(name: str) -> None:
    path = DATA / name
    assert load(path) == EXPECTED[name]()
    version = json.loads(path.read_bytes())["version"]
    if version == FORMAT_VERSION:
        assert dumps(load(path)) == path.read_bytes()  # the current writer writes it unchanged


def test_the_current_version_file_uses_every_field() -> None:
    document = json.loads((DATA / f"format-v{FORMAT_VERSION}.tpmap").read_bytes())
    assert list(document) == [
        "format", "version", "title", "description", "personas", "phases", "lanes",
        "touchpoints", "links", "views",
    ]  # fmt: skip
    assert list(document["touchpoints"][0]) == list(field_names(Touchpoint))
    assert set(document["personas"][0]) == {"id", "name", "description"}
    assert set(document["phases"][0]) == {"id", "name", "colour", "description"}
    assert set(document["lanes"][0]) == {"id", "name", "kind", "description"}
    assert {"from", "to", "label", "share"} in [set(link) for link in document["links"]]
    assert list(document["views"][0]) == list(field_names(View))
    assert list(document["views"][0]["filter"]) == list(field_names(ViewFilter))


def test_every_step_from_the_first_version_is_registered() -> None:
    assert set(MIGRATIONS) == set(range(1, FORMAT_VERSION))


# ---------------------------------------------------------------------- the migration hook


def _version_0_document() -> dict[str, Any]:
    """A made-up version 0: "name" instead of "title", "rating" instead of "customer_rating"."""
    document = json.loads(dumps(format_v1_map()))
    document["version"] = 0
    del document["views"]  # came with version 2
    document["name"] = document.pop("title")
    for tp in document["touchpoints"]:
        if "customer_rating" in tp:
            tp["rating"] = tp.pop("customer_rating")
    return document


def _from_0_to_1(document: dict[str, Any]) -> dict[str, Any]:
    assert document["version"] == 0
    document["title"] = document.pop("name")
    for tp in document["touchpoints"]:
        if "rating" in tp:
            tp["customer_rating"] = tp.pop("rating")
    return document


def test_a_registered_step_lifts_a_version_0_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(MIGRATIONS, 0, _from_0_to_1)
    path = tmp_path / "old.tpmap"
    path.write_text(json.dumps(_version_0_document()), encoding="utf-8")
    loaded = load(path)
    assert loaded == format_v1_map()
    assert loaded.touchpoint("app").customer_rating == 2
    assert dumps(loaded) == dumps(format_v1_map())  # saved as the current version
    assert json.loads(dumps(loaded))["version"] == FORMAT_VERSION


def test_without_a_step_version_0_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.tpmap"
    path.write_text(json.dumps(_version_0_document()), encoding="utf-8")
    with pytest.raises(MapFileError) as caught:
        load(path)
    assert caught.value.place == "version"
    assert str(caught.value) == (
        f"{path}: version: format version 0 is not one tpmapper ever wrote"
    )


def test_a_step_that_leaves_the_document_wrong_is_refused_as_usual(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(MIGRATIONS, 0, lambda document: document)  # forgets to rename
    with pytest.raises(MapFileError) as caught:
        loads(json.dumps(_version_0_document()).encode(), "old.tpmap")
    assert str(caught.value) == "old.tpmap: name: unknown field 'name'"


def test_a_missing_step_in_the_middle_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(MIGRATIONS, 0, _from_0_to_1)
    document = _version_0_document()
    document["version"] = -1  # no step -1 -> 0
    with pytest.raises(MapFileError, match="format version -1 is not one tpmapper ever wrote"):
        loads(json.dumps(document).encode())


def test_migrate_runs_the_steps_in_order_and_stamps_each_version() -> None:
    seen: list[tuple[str, int]] = []

    def step(name: str):
        def run(document: dict[str, Any]) -> dict[str, Any]:
            seen.append((name, document["version"]))
            document[name] = True
            return document

        return run

    steps = {0: step("zero"), 1: step("one"), 2: step("two")}
    original = dict(MIGRATIONS)
    MIGRATIONS.clear()
    MIGRATIONS.update(steps)
    try:
        result = migrate({"version": 0}, 0, 3)
    finally:
        MIGRATIONS.clear()
        MIGRATIONS.update(original)
    assert seen == [("zero", 0), ("one", 1), ("two", 2)]
    assert result == {"version": 3, "zero": True, "one": True, "two": True}


def test_migrate_does_nothing_for_the_current_version() -> None:
    document = {"version": FORMAT_VERSION, "x": 1}
    assert migrate(document, FORMAT_VERSION, FORMAT_VERSION) == {"version": FORMAT_VERSION, "x": 1}


def test_a_newer_version_is_refused_even_with_steps_registered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(MIGRATIONS, FORMAT_VERSION, lambda document: document)
    document = json.loads(dumps(format_v1_map()))
    document["version"] = FORMAT_VERSION + 1
    with pytest.raises(MapFileError) as caught:
        loads(json.dumps(document).encode(), "new.tpmap")
    assert caught.value.place == "version"
    assert "saved by a newer tpmapper" in str(caught.value)
    assert "please update tpmapper" in str(caught.value)


def test_a_migration_that_fails_on_a_malformed_old_file_is_a_clear_refusal(monkeypatch):
    import json

    from tpmapper.files import migrations
    from tpmapper.files.errors import MapFileError
    from tpmapper.files.tpmap import loads

    def broken_step(document):
        return {**document, "phases": [p["name"].upper() for p in document["phases"]]}

    monkeypatch.setitem(migrations.MIGRATIONS, 0, broken_step)
    old = {"format": "tpmapper-map", "version": 0, "title": "Old", "phases": [{"id": "x"}]}
    with pytest.raises(MapFileError) as caught:
        loads(json.dumps(old).encode(), "old.tpmap")
    assert str(caught.value).startswith(
        "old.tpmap: version: cannot be upgraded from format version 0"
    )


# ---------------------------------------------------------------------- version 1 to 2


def test_version_2_is_current_and_one_step_leads_there() -> None:
    assert FORMAT_VERSION == 2
    assert sorted(MIGRATIONS) == [1]


def test_a_version_1_file_opens_without_views_and_is_saved_as_version_2() -> None:
    stored = (DATA / "format-v1.tpmap").read_bytes()
    journey = loads(stored, "format-v1.tpmap")
    assert list(journey.views) == []
    saved = json.loads(dumps(journey))
    assert saved["version"] == 2
    assert saved["views"] == []
    original = json.loads(stored)
    assert {k: v for k, v in saved.items() if k not in ("version", "views")} == {
        k: v for k, v in original.items() if k != "version"
    }  # nothing else changes


def test_the_step_from_1_to_2_adds_an_empty_list_of_views() -> None:
    document = {"format": "tpmapper-map", "version": 1, "title": "Old"}
    lifted = migrate(document, 1, 2)
    assert lifted == {"format": "tpmapper-map", "version": 2, "title": "Old", "views": []}


def test_a_version_1_file_with_views_is_refused_naming_the_place() -> None:
    document = json.loads(dumps(format_v2_map()))
    document["version"] = 1
    with pytest.raises(MapFileError) as caught:
        loads(json.dumps(document).encode(), "shop.tpmap")
    assert caught.value.place == "views"
    assert str(caught.value) == (
        "shop.tpmap: views: unknown field 'views' (views came with format version 2; "
        "the file says version 1)"
    )


def test_a_version_1_file_with_a_broken_rest_is_refused_as_usual_after_the_step() -> None:
    document = json.loads((DATA / "format-v1.tpmap").read_bytes())
    document["touchpoints"][0]["customer_rating"] = 9
    with pytest.raises(MapFileError) as caught:
        loads(json.dumps(document).encode(), "old.tpmap")
    assert str(caught.value) == (
        "old.tpmap: touchpoints[0].customer_rating: 9 is outside 1–5 (in 'Bestell-App 📱')"
    )


def test_the_stored_version_2_file_keeps_its_views_in_order() -> None:
    journey = load(DATA / "format-v2.tpmap")
    assert journey.views.ids() == ["weak-app", "all", "gaps"]
    assert journey.views["weak-app"].filter.rating_max == 3
    assert journey.views["all"].filter == ViewFilter()
