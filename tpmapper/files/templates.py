"""The bundled templates and the sample map, in each supported language.

A template is a `.tpmap` file named `NAME.LANG.tpmap` in resources/templates; the sample
map is resources/samples/online-shop.LANG.tpmap.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tpmapper.files.tpmap import load
from tpmapper.i18n import DEFAULT_LANGUAGE, LANGUAGES
from tpmapper.model.journey import JourneyMap
from tpmapper.resources import resource_path

SAMPLE_NAME = "online-shop"
TEMPLATE_ORDER = ("three-phase", "four-phase", "five-phase", "service-blueprint")


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    description: str
    path: Path


def _localised(folder: str, name: str, language: str) -> Path:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language '{language}' (choose {', '.join(LANGUAGES)})")
    path = resource_path(folder, f"{name}.{language}.tpmap")
    return path if path.is_file() else resource_path(folder, f"{name}.{DEFAULT_LANGUAGE}.tpmap")


def template_names() -> list[str]:
    found = {p.name.split(".")[0] for p in resource_path("templates").glob("*.tpmap")}
    ordered = [name for name in TEMPLATE_ORDER if name in found]
    return ordered + sorted(found - set(ordered))


def templates(language: str = DEFAULT_LANGUAGE) -> list[Template]:
    result = []
    for name in template_names():
        path = _localised("templates", name, language)
        journey = load(path)
        result.append(Template(name, journey.title, journey.description, path))
    return result


def load_template(name: str, language: str = DEFAULT_LANGUAGE) -> JourneyMap:
    """A new map made from a template; raises KeyError naming the known templates."""
    if name not in template_names():
        raise KeyError(f"no template '{name}'; choose one of: {', '.join(template_names())}")
    return load(_localised("templates", name, language))


def sample_path(language: str = DEFAULT_LANGUAGE) -> Path:
    return _localised("samples", SAMPLE_NAME, language)
