"""House rule: small modules with one job. A module over 500 lines fails here, named."""

from __future__ import annotations

from pathlib import Path

import tpmapper

MAX_LINES = 500
PACKAGE = Path(tpmapper.__file__).parent


def test_every_module_is_at_most_500_lines():
    sizes = {
        path.relative_to(PACKAGE.parent).as_posix(): len(path.read_text("utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert len(sizes) > 50  # the walk found the package
    too_long = {name: lines for name, lines in sizes.items() if lines > MAX_LINES}
    assert not too_long, f"split by responsibility (over {MAX_LINES} lines): {too_long}"
