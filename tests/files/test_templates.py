"""The bundled templates and the sample map: present in English and German, sound, as described."""

from __future__ import annotations

import networkx as nx
import pytest

from tpmapper.files import dumps, load
from tpmapper.files.templates import (
    TEMPLATE_ORDER,
    load_template,
    sample_path,
    template_names,
    templates,
)
from tpmapper.i18n import LANGUAGES
from tpmapper.model import LaneKind, Moment

LANGUAGE_CASES = [(name, language) for name in TEMPLATE_ORDER for language in LANGUAGES]


def test_template_names_are_the_four_in_order() -> None:
    assert template_names() == ["three-phase", "four-phase", "five-phase", "service-blueprint"]


def test_languages_are_english_and_german() -> None:
    assert LANGUAGES == ("en", "de")


@pytest.mark.parametrize(("name", "language"), LANGUAGE_CASES, ids=lambda x: x)
def test_every_template_loads_in_each_language(name: str, language: str) -> None:
    journey = load_template(name, language)
    path = next(t.path for t in templates(language) if t.name == name)
    assert path.name == f"{name}.{language}.tpmap"  # a real translation, not the fallback
    assert journey.title
    assert len(journey.phases) >= 3
    assert len(journey.lanes) >= 3
    assert len(journey) == 0  # templates are empty maps
    assert dumps(journey) == path.read_bytes()


@pytest.mark.parametrize("language", LANGUAGES)
def test_templates_list_titles_and_descriptions(language: str) -> None:
    listed = templates(language)
    assert [t.name for t in listed] == template_names()
    for template in listed:
        assert template.title == load(template.path).title
        assert template.description


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sample_loads_in_each_language(language: str) -> None:
    path = sample_path(language)
    assert path.name == f"online-shop.{language}.tpmap"
    journey = load(path)
    assert len(journey) == 14
    assert dumps(journey) == path.read_bytes()


def test_english_and_german_maps_have_the_same_shape() -> None:
    for name in template_names():
        english, german = load_template(name, "en"), load_template(name, "de")
        assert english.phases.ids() == german.phases.ids()
        assert english.lanes.ids() == german.lanes.ids()
        assert [lane.kind for lane in english.lanes] == [lane.kind for lane in german.lanes]
    english, german = load(sample_path("en")), load(sample_path("de"))
    assert [tp.id for tp in english.touchpoints()] == [tp.id for tp in german.touchpoints()]
    assert [link.key for link in english.links()] == [link.key for link in german.links()]


GERMAN_PHASES = {
    "three-phase": ["Vor dem Kauf", "Kauf", "Nach dem Kauf"],
    "four-phase": ["Aufmerksamkeit", "Erwägung", "Entscheidung", "Kundenbindung"],
    "service-blueprint": ["Vor dem Kauf", "Kauf", "Nach dem Kauf"],
}


@pytest.mark.parametrize("name", template_names())
def test_german_files_have_german_phase_names(name: str) -> None:
    german = [phase.name for phase in load_template(name, "de").phases]
    english = [phase.name for phase in load_template(name, "en").phases]
    assert all(g != e for g, e in zip(german, english, strict=True))
    if name in GERMAN_PHASES:
        assert german == GERMAN_PHASES[name]
    assert [phase.name for phase in load(sample_path("de")).phases] == GERMAN_PHASES["three-phase"]


def test_the_four_phase_template() -> None:
    phases = [phase.name for phase in load_template("four-phase", "en").phases]
    assert phases == ["Awareness", "Consideration", "Decision", "Retention"]


def test_the_five_phase_template_ends_with_advocacy() -> None:
    phases = [phase.name for phase in load_template("five-phase", "en").phases]
    assert len(phases) == 5
    assert phases[0] == "Awareness"
    assert phases[-1] == "Advocacy"


def test_the_three_phase_template() -> None:
    phases = [phase.name for phase in load_template("three-phase", "en").phases]
    assert phases == ["Before purchase", "Purchase", "After purchase"]


def test_the_service_blueprint_lanes() -> None:
    lanes = list(load_template("service-blueprint", "en").lanes)
    assert [lane.name.lower() for lane in lanes] == [
        "customer actions",
        "frontstage",
        "backstage",
        "support processes",
    ]
    assert [lane.kind for lane in lanes] == [LaneKind.ACTOR, *[LaneKind.BLUEPRINT_LAYER] * 3]


def test_unknown_template_and_language() -> None:
    with pytest.raises(KeyError, match="no template 'six-phase'; choose one of: three-phase"):
        load_template("six-phase")
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        load_template("three-phase", "fr")


# ---------------------------------------------------------------------- the sample's content


@pytest.fixture(scope="module")
def sample():
    return load(sample_path("en"))


def _id_of(journey, name: str) -> str:
    (match,) = [tp.id for tp in journey.touchpoints() if tp.name == name]
    return match


def test_the_sample_loops_from_the_cart_back_to_the_reviews(sample) -> None:
    cart, reviews = _id_of(sample, "Shopping cart"), _id_of(sample, "Product reviews")
    assert sample.has_link(cart, reviews)
    assert sample.link(cart, reviews).label == "Unsure: checks the reviews again"
    cycle = nx.find_cycle(sample.graph, source=cart)
    assert (cart, reviews) in [(edge[0], edge[1]) for edge in cycle]
    assert nx.has_path(sample.graph, reviews, cart)
    assert not nx.is_directed_acyclic_graph(sample.graph)
    cycles = [c for c in nx.simple_cycles(sample.graph) if cart in c and reviews in c]
    assert cycles


def test_the_sample_has_owners_ratings_kpis_and_a_pain_point(sample) -> None:
    tps = sample.touchpoints()
    assert len(sample.owners()) >= 5
    assert "Customer service" in sample.owners()
    assert any(tp.customer_rating is not None and tp.company_rating is not None for tp in tps)
    assert any(tp.rating_gap for tp in tps)  # the two ratings differ somewhere
    assert any(tp.conversion_rate is not None for tp in tps)
    assert any(tp.reach is not None for tp in tps)
    assert any(tp.cost is not None for tp in tps)
    assert any(tp.roi is not None for tp in tps)
    assert any(link.share is not None for link in sample.links())
    pain_points = [tp.name for tp in tps if tp.moment is Moment.PAIN_POINT]
    assert "Shopping cart" in pain_points
    assert len(sample.personas) == 2


def test_every_sample_touchpoint_is_reachable_and_linked(sample) -> None:
    graph = sample.graph
    assert nx.is_weakly_connected(graph)
    assert graph.number_of_edges() == len(sample.links()) == 17
