"""Shared helpers for the benchmarks: generated maps, timing and the report lines.

Not a benchmark itself (the runner only starts `bench_*.py`). Each benchmark prints its
measurements, a RATIO against a baseline measured in the same run, the target and
PASS/FAIL, and always exits 0: the machines that run them are too noisy for asserts.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from tpmapper.model.elements import Lane, Link, Persona, Phase, Touchpoint
from tpmapper.model.journey import JourneyMap
from tpmapper.model.vocabulary import (
    Channel,
    Directness,
    LaneKind,
    Medium,
    Moment,
    Ownership,
)

if TYPE_CHECKING:
    from tpmapper.ui.main_window import MainWindow

PHASES = [
    ("awareness", "Awareness", "#4e79a7"),
    ("consideration", "Consideration", "#f28e2b"),
    ("purchase", "Purchase", "#e15759"),
    ("service", "Service", "#76b7b2"),
    ("loyalty", "Loyalty", "#59a14f"),
]
LANES = [
    ("owned", "Owned media", LaneKind.TOUCHPOINT_CLASS),
    ("paid", "Paid media", LaneKind.TOUCHPOINT_CLASS),
    ("earned", "Earned media", LaneKind.TOUCHPOINT_CLASS),
    ("frontstage", "Frontstage staff", LaneKind.ACTOR),
    ("backstage", "Backstage processes", LaneKind.BLUEPRINT_LAYER),
    ("partners", "Partners", LaneKind.ACTOR),
]
PERSONAS = [
    ("bargain-hunter", "Bargain hunter"),
    ("busy-professional", "Busy professional"),
    ("first-time-buyer", "First-time buyer"),
    ("loyal-regular", "Loyal regular"),
]
OWNERS = [
    "Marketing",
    "Social media team",
    "E-commerce",
    "Customer service",
    "Logistics",
    "Sales",
    "CRM team",
    "Brand & PR",
    "Store operations",
    "Product management",
    "IT / Platform",
    "Finance",
]
ADJECTIVES = ["Mobile", "Personal", "Express", "Seasonal", "Premium", "Regional", "Weekly"]
NOUNS = [
    "product page",
    "checkout",
    "newsletter",
    "price comparison",
    "delivery notice",
    "return portal",
    "store visit",
    "hotline call",
    "review request",
    "loyalty app",
    "chatbot answer",
    "search ad",
    "unboxing",
    "invoice",
    "size advice",
    "influencer post",
]
WORDS = [
    "customers",
    "compare",
    "offers",
    "read",
    "reviews",
    "expect",
    "quick",
    "answers",
    "clear",
    "prices",
    "friendly",
    "staff",
    "reliable",
    "delivery",
    "simple",
    "returns",
    "helpful",
    "advice",
    "transparent",
    "costs",
    "waiting",
    "time",
    "the",
    "team",
    "measures",
    "satisfaction",
    "monthly",
    "and",
    "follows",
    "up",
    "on",
    "complaints",
    "within",
    "two",
    "days",
]
TAGS = ["quick-win", "mobile", "omnichannel", "q3", "accessibility", "nps", "pilot", "legacy"]
SOURCES = [
    "NPS survey",
    "App store reviews",
    "Call-centre log",
    "Social listening",
    "Web analytics",
]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _touchpoint(rng: random.Random, index: int, phase: str, lane: str) -> Touchpoint:
    moment = rng.choice(list(Moment))
    return Touchpoint(
        id=f"tp-{index:06d}",
        name=f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} #{index}",
        phase=phase,
        lane=lane,
        description=_sentence(rng, rng.randint(12, 30)),
        channel=rng.choice(list(Channel)),
        channel_detail=rng.choice(["Instagram, TikTok", "Hotline 0800", "Shop app iOS/Android"]),
        ownership=rng.choice(list(Ownership)),
        directness=rng.choice(list(Directness)),
        influenceable=rng.random() < 0.7,
        medium=rng.choice(list(Medium)),
        owner=rng.choice(OWNERS),
        customer_rating=rng.randint(1, 5),
        company_rating=rng.randint(1, 5),
        importance=rng.randint(1, 5),
        moment=moment,
        moment_reason=_sentence(rng, rng.randint(5, 12)),
        conversion_rate=round(rng.random() * 0.3, 4),
        satisfaction=round(rng.uniform(0.3, 1.0), 3),
        roi=round(rng.uniform(-0.5, 4.0), 2),
        cost=float(rng.randrange(500, 250_000, 50)),
        reach=rng.randrange(100, 2_000_000),
        feedback_sources=tuple(rng.sample(SOURCES, rng.randint(1, 3))),
        improvement_idea=_sentence(rng, rng.randint(8, 20)),
        personas=tuple(rng.sample([p for p, _ in PERSONAS], rng.randint(1, 3))),
        tags=tuple(rng.sample(TAGS, rng.randint(1, 3))),
        notes=_sentence(rng, rng.randint(4, 16)),
    )


def generate_map(touchpoints: int, links: int, seed: int = 20240601) -> JourneyMap:
    """A realistic map: 5 phases x 6 lanes, cards in random cells, every field filled.

    Links mostly lead to a card of the same or the next phase (as journeys do); one in
    five goes anywhere in the map.
    """
    rng = random.Random(seed)
    journey = JourneyMap(
        f"Generated map: {touchpoints:,} touchpoints", _sentence(rng, 25).rstrip(".")
    )
    for pid, name in PERSONAS:
        journey.personas.insert(Persona(pid, name, _sentence(rng, 10)))
    for pid, name, colour in PHASES:
        journey.phases.insert(Phase(pid, name, colour, _sentence(rng, 12)))
    for lid, name, kind in LANES:
        journey.lanes.insert(Lane(lid, name, kind, _sentence(rng, 8)))
    by_phase: dict[str, list[str]] = {pid: [] for pid, _n, _c in PHASES}
    phase_ids = [pid for pid, _n, _c in PHASES]
    lane_ids = [lid for lid, _n, _k in LANES]
    for index in range(touchpoints):
        phase, lane = rng.choice(phase_ids), rng.choice(lane_ids)
        touchpoint = _touchpoint(rng, index, phase, lane)
        journey.insert_touchpoint(touchpoint)
        by_phase[phase].append(touchpoint.id)
    all_ids = [tid for ids in by_phase.values() for tid in ids]
    labels = ["", "", "", "clicks through", "calls", "comes back", "pays", "asks"]
    made: set[tuple[str, str]] = set()
    while len(made) < links:
        source = rng.choice(all_ids)
        phase_index = phase_ids.index(journey.touchpoint(source).phase)
        if rng.random() < 0.8:
            target_phase = phase_ids[min(phase_index + rng.randint(0, 1), len(phase_ids) - 1)]
            target = rng.choice(by_phase[target_phase])
        else:
            target = rng.choice(all_ids)
        if source == target or (source, target) in made:
            continue
        made.add((source, target))
        share = round(rng.uniform(0.05, 0.9), 2)
        journey.insert_link(Link(source, target, rng.choice(labels), share))
    return journey


def write_map(path: Path, touchpoints: int, links: int, seed: int = 20240601) -> JourneyMap:
    from tpmapper.files.tpmap import save

    journey = generate_map(touchpoints, links, seed)
    save(journey, path)
    return journey


# ---------------------------------------------------------------------- timing and reports


def timed(function: Callable[[], object]) -> float:
    """Seconds one call of `function` takes."""
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    return statistics.median(values)


def spread(values: list[float], scale: float = 1000.0, unit: str = "ms") -> str:
    """'median 12.3 ms (min 11.0, max 15.2, n=9)'."""
    return (
        f"median {median(values) * scale:.2f} {unit} (min {min(values) * scale:.2f}, "
        f"max {max(values) * scale:.2f}, n={len(values)})"
    )


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def quiet_offscreen_notice() -> None:
    """Drop the offscreen platform's "does not support propagateSizeHints" line, which
    it prints on every show() (real platforms do not); keep every other Qt message."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr, flush=True)

    qInstallMessageHandler(handler)


def profile(function: Callable[[], object], top: int = 18) -> None:
    """Run `function` under cProfile and print the functions that take the most time."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(function)
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("tottime").print_stats(top)
    sys.stdout.flush()


def settle(seconds: float = 0.0) -> None:
    """Let the app finish what it does after an edit (the docks redraw after a pause)."""
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + seconds
    for _ in range(5):
        QApplication.processEvents()
    while time.perf_counter() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)


def shown_window(folder: Path, touchpoints: int, links: int) -> MainWindow:
    """A 1600 x 1000 main window on a generated map, painted once and with its docks built
    (as the app has them after its first paint); recovery copies and settings in `folder`."""
    import os

    from PySide6.QtCore import QSettings

    from tpmapper.ui.app import make_application
    from tpmapper.ui.document import Document
    from tpmapper.ui.main_window import MainWindow

    os.environ["TPMAPPER_DATA_DIR"] = str(folder / "data")
    make_application()
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Document(generate_map(touchpoints, links)), settings)
    window.resize(1600, 1000)
    window.show()
    window.view.viewport().repaint()
    window.inspector  # noqa: B018 - the docks, built after the first paint in the app
    settle()
    return window


def header(title: str) -> None:
    print(f"\n=== {title} ===", flush=True)


def line(label: str, text: str) -> None:
    print(f"  {label:<34} {text}", flush=True)


class PaintCounter(QObject):
    """Counts the paint events of the widget it filters."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False
