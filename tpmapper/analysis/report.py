"""The readable report of `tpmapper analyze`: a heading per finding, its count, and the
touchpoints by name. Names come from the map and are escaped with `printable`."""

from __future__ import annotations

from collections.abc import Iterable

from tpmapper.analysis.findings import Findings
from tpmapper.model.journey import JourneyMap
from tpmapper.printable import printable


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _rating(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _table(rows: Iterable[tuple[str, str]]) -> list[str]:
    """'  name   detail' lines, the details aligned."""
    rows = list(rows)
    width = max((len(name) for name, _detail in rows), default=0)
    return [f"  {name:<{width}}  {detail}".rstrip() for name, detail in rows]


def report(journey: JourneyMap, findings: Findings, persona: str | None = None) -> list[str]:
    """The report's lines. `journey` is the whole map (for names); `persona` the id the
    findings were made for, if any."""

    def name(tid: str) -> str:
        return printable(journey.touchpoint(tid).name)

    lines = [printable(findings.title)]
    lines.append(
        f"  {_count(findings.touchpoints, 'touchpoint')}, {_count(findings.links, 'link')}"
    )
    if persona is not None:
        lines.append(
            f"  for persona {printable(journey.personas[persona].name)} ({printable(persona)})"
        )

    def section(heading: str, items: list[str], note: str = "") -> None:
        if not items:
            lines.append(f"{heading}: none")
            return
        lines.append(f"{heading}: {len(items)}{f' ({note})' if note else ''}")
        lines.extend(f"  {item}" for item in items)

    def table(heading: str, rows: list[tuple[str, str]], note: str = "") -> None:
        if not rows:
            lines.append(f"{heading}: none")
            return
        lines.append(f"{heading}: {len(rows)}{f' ({note})' if note else ''}")
        lines.extend(_table(rows))

    lines.append("")
    lines.append("rating curve (average customer and company rating per phase):")
    if not findings.curve:
        lines.append("  no phases")
    lines.extend(
        _table(
            (
                printable(point.name),
                f"{_count(point.touchpoints, 'touchpoint'):>15}  "
                f"customer {_rating(point.customer)}  company {_rating(point.company)}",
            )
            for point in findings.curve
        )
    )
    section("entries", [name(t) for t in findings.entries], "where journeys start")
    section("dead ends", [name(t) for t in findings.dead_ends], "journeys stop before the end")
    section("orphans", [name(t) for t in findings.orphans], "no link to or from them")
    section(
        "loops",
        [", ".join(name(t) for t in loop) for loop in findings.loops],
        "touchpoints customers can circle between",
    )
    section(
        "bottlenecks",
        [name(t) for t in findings.bottlenecks],
        "every path from the first phase to the last passes them",
    )
    section(
        "weak spots",
        [name(t) for t in findings.weak_spots],
        "customer rating 2 or less, or a pain point",
    )
    table(
        "blind spots",
        [
            (name(s.id), f"customer {s.customer}, company {s.company}, gap {s.gap:+d}")
            for s in findings.blind_spots
        ],
        "company and customers 2 or more points apart",
    )
    agreement = findings.agreement
    if agreement.share is None:
        lines.append("agreement: no touchpoint is rated by both customers and company")
    else:
        lines.append(
            f"agreement: {agreement.agree} of {_count(agreement.rated, 'touchpoint')} rated by "
            f"both are judged alike ({agreement.share:.0%})"
        )
    section("without owner", [name(t) for t in findings.unowned])
    table(
        "owners",
        [
            (
                printable(load.owner),
                f"{_count(load.touchpoints, 'touchpoint')}, {_count(load.weak_spots, 'weak spot')}",
            )
            for load in findings.owners
        ],
    )
    section(
        "empty cells",
        [
            f"{printable(journey.phases[c.phase].name)} / {printable(journey.lanes[c.lane].name)}"
            for c in findings.empty_cells
        ],
    )
    section(
        "phases beyond influence",
        [printable(journey.phases[p].name) for p in findings.uninfluenceable_phases],
        "no touchpoint in them is influenceable",
    )
    table(
        "priorities",
        [(name(p.id), f"score {p.score}") for p in findings.priorities],
        "importance x (5 - customer rating)",
    )
    return lines
