"""Any text the model accepts survives every export: the workbook imports back to the same
map, and the SVG is well-formed XML holding the text (the model refuses what XML cannot
hold, so no map can be made that saves into a file no one can read)."""

from __future__ import annotations

import defusedxml.ElementTree as ET
from hypothesis import HealthCheck, example, given, settings
from hypothesis import Phase as Stage
from hypothesis import strategies as st

from tpmapper.files.excel_export import workbook_bytes
from tpmapper.files.excel_import import import_workbook_bytes
from tpmapper.model import JourneyMap, Lane, Phase, Touchpoint, values
from tpmapper.render.image_export import ImageOptions, svg_bytes

SVG = "{http://www.w3.org/2000/svg}"

# Characters near every edge the files care about: XML's excluded ranges, Excel's escapes,
# list separators, spaces at either end, formula signs, bidi controls, astral planes.
EDGES = [
    *"\t\n\r \x7f\x85\xa0;,\"'=+-@#_x0D5F&<>\u2028\u202e\ud7ff\ue000\ufdd0\ufffd",
    *"\U00010000\U0001f680\U0001fffe\U0010ffff",
    *["_x000D_", "_x005F_", "x005F_", "_x0041_", "_xFFFE_", "_xD800_", "]]>"],
]

# Everything except what `values.text` refuses: the test draws from the whole of Unicode
# and keeps what the model accepts, so it covers exactly "any text the model accepts".
characters = st.characters(blacklist_categories=("Cs",))
texts = st.lists(st.one_of(characters, st.sampled_from(EDGES)), max_size=12).map("".join)


def accepted(check, text: str) -> bool:
    try:
        check(text)
    except ValueError:
        return False
    return True


names = texts.filter(lambda t: accepted(values.name, t))
free_texts = texts.filter(lambda t: accepted(values.text, t))
tag_lists = st.lists(names, max_size=3, unique=True)


def build(
    *, title: str, description: str, phase: str, name: str, notes: str, tags: list[str]
) -> JourneyMap:
    journey = JourneyMap(title, description)
    journey.phases.insert(Phase("p1", phase))
    journey.lanes.insert(Lane("l1", "Lane"))
    journey.insert_touchpoint(
        Touchpoint("t1", name, "p1", "l1", notes=notes, owner=notes, tags=tuple(tags))
    )
    return journey


maps = st.fixed_dictionaries(
    {
        "title": names,
        "description": free_texts,
        "phase": names,
        "name": names,
        "notes": free_texts,
        "tags": tag_lists,
    }
)


@settings(
    max_examples=40,
    deadline=None,
    # each example exports twice: shrinking a failure would take minutes, and the example
    # as found is readable enough
    phases=[Stage.explicit, Stage.reuse, Stage.generate, Stage.target],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(texts=maps)
@example(
    texts={
        "title": " =1+2 ",
        "description": "\r\n_x000D_",
        "phase": "x005F_",
        "name": "\u202eevil",
        "notes": "_x005F_x005F_",
        "tags": ["a; b", '"q"', " s "],
    }
)
def test_any_accepted_text_survives_xlsx_and_svg(qapp, texts: dict) -> None:
    journey = build(**texts)

    imported = import_workbook_bytes(workbook_bytes(journey), "map.xlsx").journey
    assert imported == journey

    root = ET.fromstring(svg_bytes(journey, ImageOptions(scale=1, legend=False)))
    # XML reads a line break as LF however it was written (CR LF, CR): that is not a loss
    title = texts["title"].replace("\r\n", "\n").replace("\r", "\n")
    assert root.findtext(f"{SVG}title") == title
