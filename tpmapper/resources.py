"""Finds the data folders (resources/, icons/) from a source tree, a wheel or a bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    """The folder that holds `resources/` and `icons/`.

    Installed wheel: tpmapper/_data (see pyproject's force-include); PyInstaller bundle:
    the unpacked bundle's tpmapper/_data; source checkout: the repository root.
    """
    candidates = [_PACKAGE / "_data"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "tpmapper" / "_data")
    candidates.append(_PACKAGE.parent)
    for candidate in candidates:
        if (candidate / "resources").is_dir():
            return candidate
    raise FileNotFoundError("tpmapper's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    """A path below `resources/`, e.g. `resource_path("templates")`."""
    return data_root().joinpath("resources", *parts)


def icon_path(name: str) -> Path:
    return data_root() / "icons" / name
