"""Excel exchange with a 10,000-touchpoint map (12,000 links, every field filled).

(a) Export: `excel_export.workbook_bytes` (all sheets: Map, Touchpoints, Journey,
    Phases, Lanes, Personas, Summary with a chart, About, Lists; drop-downs, styles).
    Baseline: openpyxl in write-only mode writing the same Touchpoints cells bare (one
    sheet, the same values, no styles) into memory. RATIO = export / baseline.
    Target: at most 1.5.
(b) Import: `excel_import.import_workbook_bytes` of that workbook (checks, reads the
    sheets, builds and checks the map). Baseline: openpyxl's read-only values pass over
    the same workbook (load_workbook(read_only=True, data_only=True), then
    iter_rows(values_only=True) over every sheet). RATIO = import / baseline.
    Target: at most 1.5.

Each figure is the median of REPEATS runs after one warm-up. BENCH_PROFILE=1 runs
cProfile over one export and one import.
"""

from __future__ import annotations

import io
import os
import sys

from _support import generate_map, header, line, median, profile, spread, timed, verdict

from tpmapper.files.excel_columns import TOUCHPOINT_COLUMNS
from tpmapper.files.excel_export import touchpoint_cells, workbook_bytes
from tpmapper.files.excel_import import import_workbook_bytes

TOUCHPOINTS, LINKS = 10_000, 12_000
REPEATS = 5
TARGET_RATIO = 1.5


def bare_write(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Touchpoints")
    sheet.append([column.english for column in TOUCHPOINT_COLUMNS])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def values_pass(data: bytes) -> int:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    count = 0
    for sheet in book.worksheets:
        for _row in sheet.iter_rows(values_only=True):
            count += 1
    book.close()
    return count


def main() -> int:
    header(f"Excel export and import, {TOUCHPOINTS:,} touchpoints ({LINKS:,} links)")
    journey = generate_map(TOUCHPOINTS, LINKS)
    rows = touchpoint_cells(journey)
    data = workbook_bytes(journey)
    line("workbook", f"{len(data) / 2**20:.1f} MiB")
    imported = import_workbook_bytes(data, "generated.xlsx").journey
    line("round trip gives the same map", "yes" if imported == journey else "NO")

    if os.environ.get("BENCH_PROFILE"):
        profile(lambda: workbook_bytes(journey))
        profile(lambda: import_workbook_bytes(data, "generated.xlsx"))

    bare_write(rows), values_pass(data)  # warm-up
    bare, exports, reads, imports = [], [], [], []
    for _ in range(REPEATS):
        bare.append(timed(lambda: bare_write(rows)))
        exports.append(timed(lambda: workbook_bytes(journey)))
        reads.append(timed(lambda: values_pass(data)))
        imports.append(timed(lambda: import_workbook_bytes(data, "generated.xlsx")))

    line("baseline: write-only, bare cells", spread(bare, 1, "s"))
    line("export_workbook (all sheets)", spread(exports, 1, "s"))
    export_ratio = median(exports) / median(bare)
    print(
        f"  RATIO export/bare = {export_ratio:.2f}  target <= {TARGET_RATIO}  "
        f"{verdict(export_ratio <= TARGET_RATIO)}",
        flush=True,
    )
    line("baseline: read-only values pass", spread(reads, 1, "s"))
    line("import_workbook (checked map)", spread(imports, 1, "s"))
    import_ratio = median(imports) / median(reads)
    print(
        f"  RATIO import/values pass = {import_ratio:.2f}  target <= {TARGET_RATIO}  "
        f"{verdict(import_ratio <= TARGET_RATIO)}",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
