"""The whole analysis of a 10,000-touchpoint, 12,000-link map against loading that map.

`tpmapper analyze` loads a map and analyses it; the analysis should not cost more than
the load (RATIO analyze/load, target <= 1.0). Each repeat loads the file afresh, so the
analysis also pays for building the map's networkx graph, as it does on a fresh map.
For context, the naive bottleneck search (remove each touchpoint, search again) is
estimated from a sample of removals.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from _support import header, line, median, spread, verdict, write_map

from tpmapper.analysis import analyze
from tpmapper.files.tpmap import load

TOUCHPOINTS, LINKS = 10_000, 12_000
REPEATS = 7
TARGET_RATIO = 1.0
NAIVE_SAMPLE = 20


def naive_seconds_per_removal(journey, sample: int) -> float:
    """Seconds one step of the naive search takes: drop a touchpoint, search the rest
    from the whole first phase at once."""
    succ = journey.graph.succ
    phases = journey.phases.ids()
    first, last = set(journey.in_phase(phases[0])), set(journey.in_phase(phases[-1]))
    ids = [tp.id for tp in journey.touchpoints()][:sample]
    start = time.perf_counter()
    for removed in ids:
        seen = first - {removed}
        stack = list(seen)
        while stack:
            for target in succ[stack.pop()]:
                if target not in seen and target != removed:
                    seen.add(target)
                    stack.append(target)
        _ = bool(seen & last)
    return (time.perf_counter() - start) / len(ids)


def main() -> int:
    header(f"analyse a {TOUCHPOINTS:,}-touchpoint map ({LINKS:,} links) vs loading it")
    with tempfile.TemporaryDirectory(prefix="tpmapper-bench-") as folder:
        path = Path(folder) / "generated-10k.tpmap"
        write_map(path, TOUCHPOINTS, LINKS)
        line("file", f"{path.stat().st_size / 1024 / 1024:.1f} MiB")
        analyze(load(path))  # warm-up: imports networkx, fills caches
        loads, analyses, personas = [], [], []
        for _ in range(REPEATS):
            start = time.perf_counter()
            journey = load(path)
            loaded = time.perf_counter()
            findings = analyze(journey)
            analysed = time.perf_counter()
            analyze(journey, "bargain-hunter")
            personas.append(time.perf_counter() - analysed)
            loads.append(loaded - start)
            analyses.append(analysed - loaded)
    line("baseline: tpmap.load of the file", spread(loads))
    line("analyze (graph built afresh)", spread(analyses))
    line("analyze for one persona", spread(personas))
    line(
        "found",
        f"{len(findings.entries)} entries, {len(findings.dead_ends)} dead ends, "
        f"{len(findings.orphans)} orphans, {len(findings.loops)} loops "
        f"(largest {max((len(loop) for loop in findings.loops), default=0)}), "
        f"{len(findings.bottlenecks)} bottlenecks",
    )
    per_removal = naive_seconds_per_removal(journey, NAIVE_SAMPLE)
    line(
        "naive bottleneck search (estimate)",
        f"{per_removal * 1000:.1f} ms per removal x {TOUCHPOINTS:,} = "
        f"{per_removal * TOUCHPOINTS:.0f} s",
    )
    ratio = median(analyses) / median(loads)
    print(
        f"  RATIO analyze/load = {ratio:.2f}  target <= {TARGET_RATIO:.1f}  "
        f"{verdict(ratio <= TARGET_RATIO)}",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
