"""PowerPoint decks: read back with python-pptx (slides, native cards, connectors glued to
the right cards, text, colours), and converted by LibreOffice Impress to PDF (a page per
slide, every card's name in the text).

The LibreOffice test needs `soffice` with Impress (and pdftotext/pdfinfo from poppler);
without them it fails saying so, rather than being skipped unseen.
"""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
import zipfile

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from tpmapper.files.errors import MapFileError
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.model import JourneyMap, Lane, Phase, Touchpoint
from tpmapper.model.elements import Link
from tpmapper.model.vocabulary import Channel, ColourMode, Moment
from tpmapper.progress import ExportCancelled
from tpmapper.render.colour_modes import colouring
from tpmapper.render.image_export import ImageOptions
from tpmapper.render.pptx_export import (
    MAX_NATIVE_TOUCHPOINTS,
    PptxLabels,
    PptxTextError,
    export_pptx,
    pptx_bytes,
)
from tpmapper.render.pptx_shapes import blend
from tpmapper.render.style import RATING_COLOURS

TIMEOUT = 180
CHANNELS = [Channel.WEBSITE, Channel.EMAIL, Channel.PHONE, Channel.STORE, Channel.APP]
OWNERS = ["Marketing", "Customer service", "E-commerce", "CRM", ""]
NOUNS = ["product page", "checkout", "newsletter", "hotline call", "store visit", "invoice"]


def generated_map(count: int) -> JourneyMap:
    """`count` touchpoints over 5 phases x 4 lanes, rated, owned, linked into journeys."""
    journey = JourneyMap(f"Generated: {count} touchpoints", "A map made by the test.")
    colours = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f"]
    for index, colour in enumerate(colours):
        journey.phases.insert(Phase(f"p{index}", f"Phase {index + 1}", colour))
    for index in range(4):
        journey.lanes.insert(Lane(f"l{index}", f"Lane {index + 1}"))
    ids = []
    for index in range(count):
        ids.append(f"tp{index:04d}")
        journey.insert_touchpoint(
            Touchpoint(
                ids[-1],
                f"{NOUNS[index % len(NOUNS)].capitalize()} {index}",
                f"p{(index * 5) // count}",
                f"l{(index * 7) % 4}",
                channel=CHANNELS[index % len(CHANNELS)],
                owner=OWNERS[index % len(OWNERS)],
                customer_rating=None if index % 9 == 0 else 1 + index % 5,
                company_rating=1 + (index * 3) % 5,
                importance=1 + index % 5,
                moment=[None, Moment.PAIN_POINT, Moment.POSITIVE][index % 3],
            )
        )
    for source, target in itertools.pairwise(ids):
        journey.insert_link(Link(source, target, "clicks" if int(source[2:]) % 7 == 0 else ""))
    for index in range(0, count - 5, 6):
        journey.insert_link(Link(ids[index + 5], ids[index]))
    return journey


@pytest.fixture(scope="module")
def sample() -> JourneyMap:
    return load(sample_path())


@pytest.fixture(scope="module")
def sample_deck(sample: JourneyMap):
    return Presentation(io.BytesIO(pptx_bytes(sample)))


@pytest.fixture(scope="module")
def map40() -> JourneyMap:
    return generated_map(40)


@pytest.fixture(scope="module")
def map200() -> JourneyMap:
    return generated_map(200)


# ---------------------------------------------------------------------- reading decks


def title_of(slide) -> str:
    return slide.shapes.title.text_frame.text


def cards_on(slide) -> dict[str, object]:
    """The card shapes of a slide by name (cards carry alternative text; nothing else)."""
    found = {}
    for shape in slide.shapes:
        if shape.shape_type != MSO_SHAPE_TYPE.AUTO_SHAPE:
            continue
        if shape._element.find(f".//{qn('p:cNvPr')}").get("descr"):
            assert shape.name not in found, f"two cards named {shape.name!r}"
            found[shape.name] = shape
    return found


def connectors_on(slide) -> list[tuple[int, int, object]]:
    """(begin shape id, end shape id, connector) of each connector glued at both ends."""
    glued = []
    for shape in slide.shapes:
        if shape.shape_type != MSO_SHAPE_TYPE.LINE:
            continue
        begin = shape._element.find(f".//{qn('a:stCxn')}")
        end = shape._element.find(f".//{qn('a:endCxn')}")
        assert begin is not None, "a connector not glued to a card at its start"
        assert end is not None, "a connector not glued to a card at its end"
        glued.append((int(begin.get("id")), int(end.get("id")), shape))
    return glued


def slide_text(slide) -> str:
    return " ".join(
        shape.text_frame.text for shape in slide.shapes if shape.has_text_frame
    ).replace("\n", " ")


def card_text(shape) -> list[str]:
    return [paragraph.text for paragraph in shape.text_frame.paragraphs]


def outline(shape) -> str:
    return f"#{shape.line.color.rgb}".lower()


def check_map_slide(journey: JourneyMap, slide) -> None:
    """Every card native, with its name, every link a connector glued to its two cards
    and ending in an arrow head, every phase and lane named."""
    cards = cards_on(slide)
    assert sorted(cards) == sorted(tp.name for tp in journey.touchpoints())
    id_of = {tp.id: cards[tp.name].shape_id for tp in journey.touchpoints()}
    expected = sorted((id_of[link.source], id_of[link.target]) for link in journey.links())
    glued = connectors_on(slide)
    assert sorted((begin, end) for begin, end, _shape in glued) == expected
    for _begin, _end, connector in glued:
        assert connector._element.find(f".//{qn('a:tailEnd')}").get("type") == "triangle"
    text = slide_text(slide)
    for phase in journey.phases:
        assert f"{phase.name}  ·  {len(journey.in_phase(phase.id))}" in text
    for lane in journey.lanes:
        assert lane.name in text
    # connectors are drawn behind the cards, over the cells
    order = list(slide.shapes)
    first_card = min(order.index(shape) for shape in cards.values())
    assert all(order.index(shape) < first_card for _b, _e, shape in glued)


# ---------------------------------------------------------------------- the sample map


def test_the_sample_deck_has_its_slides_in_order(sample, sample_deck) -> None:
    titles = [title_of(slide) for slide in sample_deck.slides]
    assert titles == [
        sample.title,
        sample.title,
        "Before purchase    Touchpoints: 7",
        "Purchase    Touchpoints: 4",
        "After purchase    Touchpoints: 3",
        "Experience curve",
        "Findings",
    ]
    assert sample_deck.slide_width * 9 == sample_deck.slide_height * 16  # 16:9
    assert sample_deck.core_properties.title == sample.title


def test_the_title_slide_names_the_map_and_counts_it(sample, sample_deck) -> None:
    text = slide_text(sample_deck.slides[0])
    assert sample.title in text
    assert re.search(r"\d{4}-\d{2}-\d{2}", text)  # the date
    for count in ("14 Touchpoints", "3 Phases", "3 Lanes"):
        assert count in text


def test_the_map_slide_is_native_cards_and_glued_connectors(sample, sample_deck) -> None:
    check_map_slide(sample, sample_deck.slides[1])


def test_a_card_shows_name_channel_and_owner_in_its_rating_colour(sample, sample_deck) -> None:
    cart = next(tp for tp in sample.touchpoints() if tp.name == "Shopping cart")
    card = cards_on(sample_deck.slides[1])["Shopping cart"]
    name, facts = card_text(card)[:2]  # the facts cut to fit the map's small card
    assert name == "Shopping cart"
    assert facts.startswith("Online shop · Web")
    assert outline(card) == RATING_COLOURS[cart.customer_rating]
    assert f"#{card.fill.fore_color.rgb}".lower() == blend(RATING_COLOURS[2], 0.8)
    assert "Online shop" in card._element.find(f".//{qn('p:cNvPr')}").get("descr")


def test_link_labels_are_on_the_map_slide(sample, sample_deck) -> None:
    text = slide_text(sample_deck.slides[1])
    for link in sample.links():
        if link.label:
            assert link.label.split(":")[0] in text


def test_each_phase_slide_shows_its_cards_larger_with_their_rating(sample, sample_deck) -> None:
    map_cards = cards_on(sample_deck.slides[1])
    for slide, phase in zip(list(sample_deck.slides)[2:5], sample.phases, strict=True):
        cards = cards_on(slide)
        assert sorted(cards) == sorted(sample.touchpoint(t).name for t in sample.in_phase(phase.id))
        for name, card in cards.items():
            assert card.width > map_cards[name].width
        for lane in sample.lanes:
            if any(sample.cell(phase.id, lane.id)):
                assert lane.name in slide_text(slide)
    cart = card_text(cards_on(sample_deck.slides[3])["Shopping cart"])
    assert cart == ["Shopping cart", "Online shop · Web design", "★★☆☆☆  Pain point"]


def test_the_curve_slide_is_a_picture_under_the_phases(sample, sample_deck) -> None:
    slide = sample_deck.slides[5]
    pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    assert pictures[0].image.content_type == "image/png"
    text = slide_text(slide)
    assert all(phase.name in text for phase in sample.phases)


def test_the_findings_slide_lists_weak_and_blind_spots_priorities_and_bottlenecks(
    sample_deck,
) -> None:
    text = slide_text(sample_deck.slides[6])
    assert "judge 10 of 12 touchpoints alike (83%)" in text
    for heading, count in (("Weak spots", 2), ("Blind spots", 2), ("Priorities", 7)):
        assert f"{heading}   {count}" in text
    assert "Bottlenecks   4" in text
    assert "Shopping cart  ·  Purchase · 2 poor · Pain point" in text
    assert "Chatbot  ·  company 4, customers 2" in text
    assert "Shopping cart  ·  Purchase · score 15" in text
    assert "Website  ·  Before purchase" in text


# ---------------------------------------------------------------------- options


def test_the_colour_mode_colours_the_cards_and_the_legend(sample) -> None:
    deck = Presentation(io.BytesIO(pptx_bytes(sample, ImageOptions(colour_mode=ColourMode.OWNER))))
    colours = colouring(sample, ColourMode.OWNER)
    cards = cards_on(deck.slides[1])
    for touchpoint in sample.touchpoints():
        assert outline(cards[touchpoint.name]) == colours.colour_of(touchpoint)
    text = slide_text(deck.slides[1])
    assert "Owner" in text
    assert "Customer service" in text


def test_dimmed_cards_are_faint_and_curve_false_leaves_the_curve_out(sample) -> None:
    cart = next(tp for tp in sample.touchpoints() if tp.name == "Shopping cart")
    options = ImageOptions(dimmed=frozenset({cart.id}), curve=False)
    deck = Presentation(io.BytesIO(pptx_bytes(sample, options)))
    assert "Experience curve" not in [title_of(slide) for slide in deck.slides]
    cards = cards_on(deck.slides[1])
    assert outline(cards["Shopping cart"]) == blend(RATING_COLOURS[2], 0.55)
    assert outline(cards["Chatbot"]) == RATING_COLOURS[2]


def test_a_selection_exports_just_its_cards(sample) -> None:
    chosen = [tp for tp in sample.touchpoints() if tp.phase == "purchase"]
    options = ImageOptions(selection=frozenset(tp.id for tp in chosen))
    deck = Presentation(io.BytesIO(pptx_bytes(sample, options)))
    assert sorted(cards_on(deck.slides[1])) == sorted(tp.name for tp in chosen)
    assert [title_of(slide) for slide in deck.slides][2] == "Purchase    Touchpoints: 4"


def shout(text: str) -> str:
    """A "translation": upper case, the {placeholders} kept."""
    return re.sub(r"\{[^}]*\}|[^{]+", lambda m: m[0] if m[0][0] == "{" else m[0].upper(), text)


def test_the_deck_speaks_the_words_it_is_given(sample) -> None:
    labels = PptxLabels.translated(shout)
    deck = Presentation(io.BytesIO(pptx_bytes(sample, labels=labels)))
    assert title_of(deck.slides[-1]) == "FINDINGS"
    findings = slide_text(deck.slides[-1])
    assert "WEAK SPOTS" in findings
    assert "COMPANY 4, CUSTOMERS 2" in findings
    assert "TOUCHPOINTS" in slide_text(deck.slides[0])
    assert title_of(deck.slides[3]) == "Purchase    TOUCHPOINTS: 4"


def test_a_translation_that_lost_a_placeholder_falls_back_to_english(sample) -> None:
    labels = PptxLabels(priority="Punkte {punkte}", phase_count="{count")
    deck = Presentation(io.BytesIO(pptx_bytes(sample, labels=labels)))
    assert title_of(deck.slides[3]) == "Purchase    Touchpoints: 4"
    assert "score 15" in slide_text(deck.slides[-1])


def test_a_map_without_ratings_or_findings_has_no_curve_or_findings_slide() -> None:
    journey = JourneyMap("Plain")
    journey.phases.insert(Phase("a", "Only phase"))
    journey.lanes.insert(Lane("l", "Lane"))
    journey.insert_touchpoint(Touchpoint("t", "Lonely", "a", "l"))
    deck = Presentation(io.BytesIO(pptx_bytes(journey)))
    assert [title_of(slide) for slide in deck.slides] == [
        "Plain",
        "Plain",
        "Only phase    Touchpoints: 1",
    ]


def test_a_loop_on_one_card_is_a_curved_connector_glued_to_it_at_both_ends() -> None:
    journey = JourneyMap("Loop")
    journey.phases.insert(Phase("a", "Phase"))
    journey.lanes.insert(Lane("l", "Lane"))
    journey.insert_touchpoint(Touchpoint("t", "Hotline", "a", "l"))
    journey.insert_link(Link("t", "t", "calls again"))
    deck = Presentation(io.BytesIO(pptx_bytes(journey)))
    for slide in list(deck.slides)[1:3]:  # the map and the phase
        card = cards_on(slide)["Hotline"]
        ((begin, end, connector),) = connectors_on(slide)
        assert begin == end == card.shape_id
        assert connector._element.find(f".//{qn('a:prstGeom')}").get("prst") == "curvedConnector3"


def test_an_empty_phase_gets_a_slide_that_says_so() -> None:
    journey = JourneyMap("Gaps")
    journey.phases.insert(Phase("a", "Full"))
    journey.phases.insert(Phase("b", "Empty"))
    journey.lanes.insert(Lane("l", "Lane"))
    journey.insert_touchpoint(Touchpoint("t", "Card", "a", "l"))
    deck = Presentation(io.BytesIO(pptx_bytes(journey)))
    assert "No touchpoints in this phase yet." in slide_text(deck.slides[3])


def test_long_texts_are_cut_to_fit_and_the_title_to_what_a_property_holds() -> None:
    journey = JourneyMap("Title " * 60, "Description " * 200)
    journey.phases.insert(Phase("a", "Phase " * 40))
    journey.lanes.insert(Lane("l", "Lane " * 40))
    journey.insert_touchpoint(Touchpoint("t", "W" * 300, "a", "l", owner="Owner " * 50))
    deck = Presentation(io.BytesIO(pptx_bytes(journey)))
    assert len(deck.core_properties.title) == 255
    assert deck.core_properties.title.endswith("…")
    assert title_of(deck.slides[0]).endswith("…")
    (card,) = cards_on(deck.slides[1]).values()
    assert card_text(card)[0].endswith("…")


def test_a_carriage_return_is_stored_as_a_line_break_not_an_escape() -> None:
    journey = JourneyMap("Title", "First line\r\nsecond line\rthird")
    journey.phases.insert(Phase("a", "Phase"))
    journey.lanes.insert(Lane("l", "Lane"))
    journey.insert_touchpoint(Touchpoint("t", "Two\r\nlines", "a", "l", owner="Team\rA"))
    data = pptx_bytes(journey)
    with zipfile.ZipFile(io.BytesIO(data)) as parts:
        slides = [parts.read(n) for n in parts.namelist() if n.startswith("ppt/slides/slide")]
    assert slides
    assert not any(b"_x000D_" in xml or b"\r" in xml for xml in slides)
    deck = Presentation(io.BytesIO(data))
    assert card_text(cards_on(deck.slides[1])["Two lines"])[0] == "Two lines"


# ---------------------------------------------------------------------- sizes


def test_a_40_touchpoint_map_is_native_and_every_connector_is_glued(map40) -> None:
    deck = Presentation(io.BytesIO(pptx_bytes(map40)))
    slide = deck.slides[1]
    check_map_slide(map40, slide)
    cards = cards_on(slide)
    for begin, end, connector in connectors_on(slide):
        source = next(card for card in cards.values() if card.shape_id == begin)
        target = next(card for card in cards.values() if card.shape_id == end)
        # the ends sit on the cards' edges, where they are glued
        assert source.left <= connector.begin_x <= source.left + source.width
        assert source.top <= connector.begin_y <= source.top + source.height
        assert target.left <= connector.end_x <= target.left + target.width
        assert target.top <= connector.end_y <= target.top + target.height


def test_a_200_touchpoint_map_is_a_picture_and_its_phases_are_native(map200) -> None:
    assert len(map200) > MAX_NATIVE_TOUCHPOINTS
    deck = Presentation(io.BytesIO(pptx_bytes(map200)))
    slide = deck.slides[1]
    assert not cards_on(slide)
    assert not connectors_on(slide)
    pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    assert pictures[0].width > deck.slide_width * 0.8
    phase_slides = [s for s in deck.slides if "Touchpoints: " in title_of(s)]
    names = [name for s in phase_slides for name in cards_on(s)]
    assert sorted(names) == sorted(tp.name for tp in map200.touchpoints())  # each once
    assert all(len(cards_on(s)) <= 32 for s in phase_slides)
    assert "Phase 1 (1 of 2)" in title_of(phase_slides[0])


# ---------------------------------------------------------------------- files, progress


def test_export_writes_the_deck_and_reports_progress_to_the_end(tmp_path, sample) -> None:
    seen: list[tuple[int, int]] = []
    path = tmp_path / "deck.pptx"
    export_pptx(sample, path, progress=lambda done, total: seen.append((done, total)))
    assert len(Presentation(str(path)).slides) == 7
    assert seen[0][0] == 0
    assert seen[-1][0] == seen[-1][1]
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)
    assert len({total for _done, total in seen}) == 1


@pytest.mark.parametrize("stop_at", [0, 3])
def test_a_cancelled_export_leaves_the_old_file(tmp_path, map200, stop_at) -> None:
    path = tmp_path / "deck.pptx"
    path.write_bytes(b"old")
    with pytest.raises(ExportCancelled):
        export_pptx(map200, path, progress=lambda done, _total: done < stop_at)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_text_a_deck_cannot_hold_is_refused_and_nothing_is_written(tmp_path, sample) -> None:
    labels = PptxLabels(findings="Find\x01ings")
    with pytest.raises(PptxTextError, match="U\\+0001"):
        pptx_bytes(sample, labels=labels)
    path = tmp_path / "deck.pptx"
    with pytest.raises(MapFileError, match=r"deck\.pptx: cannot export: .*findings"):
        export_pptx(sample, path, labels=labels)
    assert not path.exists()


def test_a_wrong_suffix_or_a_missing_folder_is_refused(tmp_path, sample) -> None:
    with pytest.raises(ValueError, match=r"must end in \.pptx"):
        export_pptx(sample, tmp_path / "deck.ppt")
    with pytest.raises(MapFileError, match="does not exist"):
        export_pptx(sample, tmp_path / "nowhere" / "deck.pptx")


# ---------------------------------------------------------------------- LibreOffice


def _program(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"'{name}' is not installed; this test needs it (apt-get install {package})")
    return found


def test_libreoffice_shows_every_slide_and_every_card(tmp_path, sample, map40, map200) -> None:
    soffice = shutil.which("soffice") or _program("libreoffice", "libreoffice-impress-nogui")
    pdftotext = _program("pdftotext", "poppler-utils")
    pdfinfo = _program("pdfinfo", "poppler-utils")
    maps = {"sample": sample, "map40": map40, "map200": map200}
    decks = []
    for name, journey in maps.items():
        decks.append(tmp_path / f"{name}.pptx")
        export_pptx(journey, decks[-1])
    out = tmp_path / "pdf"
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, decks),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 0, done.stderr
    for name, journey in maps.items():
        pdf = out / f"{name}.pdf"
        assert pdf.exists(), (
            f"soffice made no {pdf.name} (is Impress installed? apt-get install "
            f"libreoffice-impress-nogui): {done.stdout} {done.stderr}"
        )
        info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True)
        pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))
        assert pages == len(Presentation(str(tmp_path / f"{name}.pptx")).slides)
        text = subprocess.run(
            [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        words = " ".join(text.split())
        missing = [tp.name for tp in journey.touchpoints() if tp.name not in words]
        assert not missing, f"{name}: not in the PDF: {missing[:5]}"
        assert journey.title in words
