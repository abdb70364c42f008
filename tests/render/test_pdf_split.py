"""A PDF split over pages prints like a spreadsheet with frozen panes: every page repeats the
headers of the phases it shows (top) and of the lanes it shows (left), says in its header
which part of the map it is, and is cut at phase and lane edges, never through a card
where that can be avoided.

The pages are read back with poppler's `pdftotext -bbox` (words and where they are on the
page), so these tests see what a reader sees. They need `pdftotext` (poppler-utils;
`packaging/dev.py test` installs it) and fail saying so without it.
"""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as ET
import pytest

from tpmapper.model.elements import Lane, Link, Phase, Touchpoint
from tpmapper.model.journey import JourneyMap
from tpmapper.render import pdf_pages
from tpmapper.render.export_options import ExportLabels, ImageOptions
from tpmapper.render.layout import Metrics
from tpmapper.render.pdf_export import (
    PAGE_HEADER_GAP,
    PAGE_HEADER_HEIGHT,
    PDF_MARGIN_MM,
    pdf_bytes,
)

XHTML = "{http://www.w3.org/1999/xhtml}"
PT = 72 / 96  # PDF points per layout unit
MARGIN = PDF_MARGIN_MM / 25.4 * 72
HEADER_BOTTOM = MARGIN + PAGE_HEADER_HEIGHT * PT
ROOM_TOP = MARGIN + (PAGE_HEADER_HEIGHT + PAGE_HEADER_GAP) * PT
PHASES_BOTTOM = ROOM_TOP + Metrics().phase_header_height * PT
LANES_RIGHT = MARGIN + Metrics().lane_header_width * PT
PHASES = [
    "Awareness", "Research", "Comparison", "Consideration", "Purchase", "Delivery",
    "Onboarding", "Usage", "Support", "Renewal", "Retention", "Advocacy",
]  # fmt: skip
LANES = ["Owned", "Paid", "Earned", "Partners", "Service"]
DAY = datetime.date(2026, 5, 9)
PART = re.compile(
    r"Part (\d+) of (\d+)"
    r"(?: · (?:Phases: (\w+) – (\w+)|Phase: (\w+)))?"
    r"(?: · (?:Lanes: (\w+) – (\w+)|Lane: (\w+)))?"
    r"( · Experience curve)?"
)


@pytest.fixture(scope="module")
def pdftotext() -> str:
    program = shutil.which("pdftotext")
    if program is None:
        pytest.fail(
            "poppler's pdftotext is not installed; these tests read the PDF's pages with it: "
            "sudo apt-get install poppler-utils (or run python3 packaging/dev.py test)"
        )
    return program


@dataclass
class Page:
    header: str  # the words above the page's rule, joined
    phases: list[str]  # phase names in the band along the top
    lanes: list[str]  # lane names in the column down the left
    body: list[str]  # every other word


def read_pages(data: bytes, folder: Path, program: str) -> list[Page]:
    path = folder / "split.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        [program, "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    )
    pages = []
    for page in ET.fromstring(done.stdout).iter(f"{XHTML}page"):
        header, phases, lanes, body = [], [], [], []
        for word in page.iter(f"{XHTML}word"):
            x0, y0, x1, y1 = (float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            text = word.text or ""
            if y1 <= HEADER_BOTTOM + 1:
                header.append(text)
            elif y0 >= ROOM_TOP - 1 and y1 <= PHASES_BOTTOM + 1 and x0 >= LANES_RIGHT - 1:
                phases.append(text)
            elif x1 <= LANES_RIGHT + 1 and y0 >= PHASES_BOTTOM - 1:
                lanes.append(text)
            else:
                body.append(text)
        pages.append(Page(" ".join(header), phases, lanes, body))
    return pages


def span(names: list[str], first: str | None, last: str | None, one: str | None) -> list[str]:
    """The names a page's header says it shows: first – last, or just one, or none."""
    if one:
        return [one]
    if first is None:
        return []
    return names[names.index(first) : names.index(last) + 1]


def wide_map() -> JourneyMap:
    """12 phases x 5 lanes, 0 to 4 cards a cell (so phases and lanes differ in size and
    some cells are empty), rated (so the curve shows), a journey of links through them."""
    journey = JourneyMap("Wide journey")
    for index, name in enumerate(PHASES):
        journey.phases.insert(Phase(f"p{index}", name))
    for index, name in enumerate(LANES):
        journey.lanes.insert(Lane(f"l{index}", name))
    previous = None
    for p in range(len(PHASES)):
        for lane in range(len(LANES)):
            for k in range((p + 2 * lane) % 4 + (p % 3 == 0)):
                tid = f"t{p}-{lane}-{k}"
                rating = (p + lane + k) % 5 + 1
                journey.insert_touchpoint(
                    Touchpoint(
                        tid, f"Card{p:02d}{lane}{k}", f"p{p}", f"l{lane}", customer_rating=rating
                    )
                )
                if previous is not None and k == 0:
                    journey.insert_link(Link(previous, tid))
                previous = tid
    return journey


def cards_in(journey: JourneyMap, phases: list[str], lanes: list[str]) -> set[str]:
    phase_ids = {p.id for p in journey.phases if p.name in phases}
    lane_ids = {lane.id for lane in journey.lanes if lane.name in lanes}
    return {
        tp.name for tp in journey.touchpoints() if tp.phase in phase_ids and tp.lane in lane_ids
    }


def test_every_page_shows_the_headers_of_its_phases_and_lanes_and_says_which_part(
    qapp, tmp_path, pdftotext
):
    journey = wide_map()
    pages = read_pages(
        pdf_bytes(journey, ImageOptions(pages="split", date=DAY)), tmp_path, pdftotext
    )
    assert len(pages) > 4
    seen_cells, seen_cards = set(), []
    rows_of_pages = set()
    for number, page in enumerate(pages, 1):
        said = PART.search(page.header)
        assert said, page.header
        assert (int(said[1]), int(said[2])) == (number, len(pages))
        assert page.header.startswith("Wide journey")
        assert page.header.endswith("2026-05-09")
        phases = span(PHASES, said[3], said[4], said[5])
        lanes = span(LANES, said[6], said[7], said[8])
        # the headers along the top and down the left are exactly those the header names
        assert [w for w in page.phases if w in PHASES] == phases, (number, page.header)
        assert [w for w in page.lanes if w in LANES] == lanes, (number, page.header)
        assert not {*PHASES, *LANES} & set(page.body), number  # no stray header, no cut one
        # and the page shows every card of those cells, whole (no card is on two pages)
        cards = [w for w in page.body if w.startswith("Card")]
        assert set(cards) == cards_in(journey, phases, lanes), (number, page.header)
        seen_cards += cards
        seen_cells |= {(p, lane) for p in phases for lane in lanes}
        rows_of_pages.add(tuple(lanes))
    assert sorted(seen_cards) == sorted(tp.name for tp in journey.touchpoints())
    assert seen_cells == {(p, lane) for p in PHASES for lane in LANES}
    assert len(rows_of_pages) > 1  # the map is cut down as well as across
    assert any("Experience curve" in page.header for page in pages)


def test_a_cell_larger_than_a_page_is_cut_between_cards_and_keeps_its_headers(
    qapp, tmp_path, pdftotext
):
    journey = JourneyMap("Crowded")
    journey.phases.insert(Phase("p0", "Onboarding"))
    journey.phases.insert(Phase("p1", "Usage"))
    journey.lanes.insert(Lane("l0", "Owned"))
    journey.lanes.insert(Lane("l1", "Paid"))
    for k in range(64):  # 8 x 8 cards: wider and taller than an A4 page holds
        journey.insert_touchpoint(Touchpoint(f"a{k}", f"Card{k:03d}", "p0", "l0"))
    journey.insert_touchpoint(Touchpoint("b", "Card900", "p1", "l1"))
    options = ImageOptions(pages="split", legend=False, curve=False, date=DAY)
    pages = read_pages(pdf_bytes(journey, options), tmp_path, pdftotext)
    assert len(pages) >= 4
    seen = []
    for page in pages:
        said = PART.search(page.header)
        assert said, page.header
        phases = span(["Onboarding", "Usage"], said[3], said[4], said[5])
        lanes = span(["Owned", "Paid"], said[6], said[7], said[8])
        # a page showing only the right or lower part of the crowded cell still names
        # its phase and lane, where the headers are
        assert [w for w in page.phases if w in ("Onboarding", "Usage")] == phases
        assert [w for w in page.lanes if w in ("Owned", "Paid")] == lanes
        seen += [w for w in page.body if w.startswith("Card")]
    assert sorted(seen) == sorted(tp.name for tp in journey.touchpoints())  # each once, whole


def test_the_page_header_speaks_the_labels_it_is_given(qapp, tmp_path, pdftotext):
    words = {
        "Part {part} of {parts}": "Teil {part} von {parts}",
        "Phases: {first} – {last}": "Phasen: {first} bis {last}",
        "Phase: {name}": "Phase: {name}",
        "Lanes: {first} – {last}": "Ebenen: {first} bis {last}",
        "Lane: {name}": "Ebene: {name}",
        "Experience curve": "Erlebniskurve",
    }
    german = ExportLabels.translated(lambda text: words.get(text, text))
    options = ImageOptions(pages="split", labels=german, date=DAY)
    pages = read_pages(pdf_bytes(wide_map(), options), tmp_path, pdftotext)
    assert "Teil 1 von" in pages[0].header
    assert re.search(r"Phasen: \w+ bis \w+ · Ebenen: \w+ bis \w+", pages[0].header)
    assert any("Erlebniskurve" in page.header for page in pages)
    assert not any(re.search(r"\bPart \d|Lanes:", page.header) for page in pages)


def test_a_phase_that_fits_a_page_is_not_cut_to_fill_the_page_before():
    # phases end at 150, 500 and 900; a page holds 400. Cutting at 400 would halve the
    # phase from 150 to 500, which fits a page whole: cut at its start instead.
    assert pdf_pages._cuts(0, 1000, 400, [150, 500, 900], []) == [0, 150, 500, 900, 1000]
    # a phase wider than a page is cut anyway, then short of the card at the page's end
    assert pdf_pages._cuts(0, 1000, 400, [100], [(300, 450)]) == [0, 300, 700, 1000]


def test_a_split_pdf_reports_progress_up_to_its_total(qapp):
    calls: list[tuple[int, int]] = []
    options = ImageOptions(pages="split", page_size="A5")
    pdf_bytes(wide_map(), options, lambda done, total: calls.append((done, total)))
    assert {total for _done, total in calls} == {len(calls)}
    assert [done for done, _total in calls] == list(range(1, len(calls) + 1))
