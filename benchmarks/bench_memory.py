"""Memory and time of reading the files that once took gigabytes (issue [7]), beside a real
large map.

Each file is read by `python -m tpmapper` (`info` for a map, `import` for a workbook) in a
process of its own; its peak memory (resident set, from `os.wait4`), its CPU time and its
wall time are printed. The baseline is reading a real 10,000-touchpoint map in the same
run: RATIO = time of the file / time of the baseline. Target: every file under 1 GB (the
pathological ones refused, the real ones accepted), and each refusal cheaper than reading
the baseline three times over.

Files (written in a temporary folder, as tests/files/memory_files.py makes them): 64 MiB
maps of tiny values (1.5 million tiny touchpoints; 13 million one-letter tags; 22 million
empty lists; 33 million zeros), a workbook with 166 MiB of shared strings, and workbooks of
a million rows with and without a stated size. For the measure of what is accepted: real
maps of 10,000 and 50,000 touchpoints, 64 MiB of long texts that each hold an emoji (the
most memory a text takes), and a map at the element limits.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from _support import header, line, verdict

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.files.memory_files import (  # noqa: E402
    MiB,
    Run,
    real_map_document,
    run_tpmapper,
    write_many_shared_strings,
    write_million_rows,
    write_real_map,
    write_tiny_values,
    write_wide_text_map,
)
from tpmapper.files.tpmap import LIMITS  # noqa: E402

GB = 2**30
TARGET_BYTES = GB
TARGET_RATIO = 3.0


def report(label: str, result: Run, baseline: Run | None) -> bool:
    ratio = "" if baseline is None else f"  RATIO {result.cpu_seconds / baseline.cpu_seconds:.2f}"
    outcome = "accepted" if result.code == 0 else "refused"
    line(
        label,
        f"{outcome}, peak {result.peak_bytes / 2**20:,.0f} MB, CPU {result.cpu_seconds:.2f} s, "
        f"wall {result.wall_seconds:.2f} s{ratio}",
    )
    if result.code:
        print(f"    {result.stderr.strip()[:160]}", flush=True)
    ok = result.peak_bytes < TARGET_BYTES
    if baseline is not None and result.code:
        ok = ok and result.cpu_seconds < TARGET_RATIO * baseline.cpu_seconds + 1.0
    return ok


def main() -> int:
    header("memory and time of reading pathological files (each in a process of its own)")
    results: list[bool] = []
    with tempfile.TemporaryDirectory(prefix="tpmapper-bench-") as name:
        folder = Path(name)
        real = folder / "real-10000.tpmap"
        write_real_map(real, 10_000, 12_000)
        baseline = run_tpmapper("info", real, folder=folder)
        results.append(report("baseline: info, 10,000 touchpoints", baseline, None))
        large = folder / "real-30000.tpmap"
        large.write_text(json.dumps(real_map_document(30_000, 60_000), indent=2), "utf-8")
        result = run_tpmapper("validate", large, folder=folder)
        results.append(report("validate, 30,000 touchpoints", result, baseline))
        wide = folder / "wide-text.tpmap"
        count = write_wide_text_map(wide)
        result = run_tpmapper("info", wide, folder=folder)
        results.append(report(f"info, 64 MiB of emoji texts ({count:,} tps)", result, baseline))
        limits = folder / "limits.tpmap"
        _write_limits_map(limits)
        result = run_tpmapper("validate", limits, folder=folder)
        results.append(report("validate, map at the element limits", result, baseline))

        for kind in ("tiny touchpoints", "tags", "empty lists", "numbers", "one-key objects"):
            path = folder / "tiny.tpmap"
            count = write_tiny_values(path, kind)
            label = f"info, 64 MiB: {count / 1e6:.1f} M {kind}"
            results.append(report(label, run_tpmapper("info", path, folder=folder), baseline))
        output = folder / "out.tpmap"
        strings = folder / "strings.xlsx"
        texts = write_many_shared_strings(strings, 166 * MiB)
        label = f"import, 166 MiB shared strings ({texts / 1e6:.1f} M)"
        result = run_tpmapper("import", strings, "-o", output, folder=folder)
        results.append(report(label, result, baseline))
        for stated in (True, False):
            rows = folder / "rows.xlsx"
            write_million_rows(rows, dimension=stated)
            label = f"import, 1,000,000 rows, size {'stated' if stated else 'unstated'}"
            result = run_tpmapper("import", rows, "-o", output, folder=folder)
            results.append(report(label, result, baseline))
    print(
        f"  target: every file under {TARGET_BYTES // 2**20:,} MB, each refusal under "
        f"{TARGET_RATIO:.0f} x the baseline's CPU time + 1 s  {verdict(all(results))}",
        flush=True,
    )
    return 0


def _write_limits_map(path: Path) -> None:
    """Touchpoints and links at tpmap.LIMITS, each touchpoint with a tag (a list)."""
    touchpoints = [
        {"id": f"t{n}", "name": f"T {n}", "phase": "p", "lane": "l", "tags": ["x"]}
        for n in range(LIMITS["touchpoints"])
    ]
    count = LIMITS["touchpoints"]
    links = [
        {"from": f"t{n % count}", "to": f"t{(n * 7 + 1 + n // count) % count}"}
        for n in range(LIMITS["links"])
    ]
    document = {
        "format": "tpmapper-map",
        "version": 2,
        "title": "At the limits",
        "phases": [{"id": "p", "name": "P", "colour": "#000000"}],
        "lanes": [{"id": "l", "name": "L", "kind": "touchpoint_class"}],
        "touchpoints": touchpoints,
        "links": _unique(links),
    }
    path.write_text(json.dumps(document), "utf-8")


def _unique(links: list[dict[str, str]]) -> list[dict[str, str]]:
    seen: set[tuple[str, str]] = set()
    result = []
    for link in links:
        key = (link["from"], link["to"])
        if key not in seen and key[0] != key[1]:
            seen.add(key)
            result.append(link)
    return result


if __name__ == "__main__":
    sys.exit(main())
