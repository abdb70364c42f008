"""Writes generated maps for looking at link routing: `python benchmarks/routing_maps.py DIR`.

Not a benchmark (the runner only starts `bench_*.py`): it saves a 40- and a 200-touchpoint
map (`routing-40.tpmap`, `routing-200.tpmap`) to DIR, to export and view as pictures.
"""

from __future__ import annotations

import sys
from pathlib import Path

from _support import write_map

SIZES = {40: 50, 200: 260}  # touchpoints: links


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    folder.mkdir(parents=True, exist_ok=True)
    for touchpoints, links in SIZES.items():
        path = folder / f"routing-{touchpoints}.tpmap"
        write_map(path, touchpoints, links, seed=touchpoints)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
