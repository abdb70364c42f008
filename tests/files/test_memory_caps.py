"""No file makes tpmapper use more than 1 GB: what would is refused first, quickly, in one
sentence naming the file and the place; real large maps still open.

The pathological files are those measured in issue [7]: a 64 MiB map of tiny values (it
took 0.5-2.2 GB), a workbook with 166 MiB of shared strings (accepted after minutes, at a
gigabyte) and one with a million rows (refused after 36 s when it states no size). Each is
read by `python -m tpmapper` in a process of its own, whose peak memory is asked of the
system (`os.wait4`); its time is compared with reading a real 10,000-touchpoint map in the
same run, never with a fixed number of seconds.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from tests.files.memory_files import (
    MiB,
    Run,
    real_map_document,
    run_tpmapper,
    write_many_shared_strings,
    write_million_rows,
    write_real_map,
    write_tiny_values,
    write_workbook,
)
from tpmapper.files import MapFileError, json_budget, loads
from tpmapper.files.excel_import import WorkbookError, import_workbook
from tpmapper.files.tpmap import LIMITS
from tpmapper.files.workbook_census import MAX_SHARED_STRINGS, MAX_SHEET_CELLS

GB = 2**30


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """Reading a real map of 10,000 touchpoints and 12,000 links: accepted, and the measure
    of what a refusal may cost."""
    folder = tmp_path_factory.mktemp("baseline")
    path = folder / "real.tpmap"
    write_real_map(path, 10_000, 12_000)
    run = run_tpmapper("info", path, folder=folder)
    assert run.code == 0, run.stderr
    assert "10000 touchpoints, 12000 links" in run.stdout
    return run


def assert_refused_cheaply(run: Run, baseline: Run, path: Path, words: str) -> None:
    lines = run.stderr.splitlines()
    assert run.code == 1, run.stderr
    assert len(lines) == 1, run.stderr  # one sentence
    assert lines[0].startswith(f"tpmapper: {path}: "), lines[0]
    assert words in lines[0], lines[0]
    assert run.peak_bytes < GB, f"{run.peak_bytes / 2**20:.0f} MB"
    # Generous: reading the real map costs about 1 s; the pathological files took 2-140 s.
    assert run.cpu_seconds < 3 * baseline.cpu_seconds + 1.0, (run.cpu_seconds, baseline)


def test_a_real_map_of_10000_touchpoints_opens(baseline: Run) -> None:
    assert baseline.peak_bytes < GB / 4, f"{baseline.peak_bytes / 2**20:.0f} MB"


# ---------------------------------------------------------------------- map files


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("tiny touchpoints", "touchpoints: holds more than the 500,000 JSON objects and lists"),
        ("tags", "touchpoints: holds more than the 3,000,000 JSON values"),
        ("empty lists", "touchpoints: holds more than the 500,000 JSON objects and lists"),
    ],
)
def test_a_64_mib_map_of_tiny_values_is_refused_in_bounded_memory(
    tmp_path: Path, baseline: Run, kind: str, words: str
) -> None:
    path = tmp_path / "tiny.tpmap"
    count = write_tiny_values(path, kind)
    assert path.stat().st_size > 63 * MiB
    assert count > 1_000_000
    run = run_tpmapper("info", path, folder=tmp_path)
    assert_refused_cheaply(run, baseline, path, words)


@pytest.mark.parametrize("kind", ["numbers", "one-key objects"])
def test_other_tiny_values_are_refused_before_parsing(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "tiny.tpmap"
    write_tiny_values(path, kind)
    field = "links" if kind == "one-key objects" else "touchpoints"
    with pytest.raises(MapFileError) as caught:
        json_budget.check_budget(path.read_bytes(), path)  # refused without json.loads
    assert caught.value.place == field


def test_a_map_at_the_element_limits_is_within_the_json_budget() -> None:
    lists = '"tags": ["a"], "personas": [], "feedback_sources": []'
    touchpoint = '{"id": "t%d", "name": "n", "phase": "p", "lane": "l", ' + lists + "}"
    text = (
        '{"format": "tpmapper-map", "version": 2, "title": "x", "touchpoints": ['
        + ", ".join(touchpoint % n for n in range(LIMITS["touchpoints"]))
        + '], "links": ['
        + ", ".join('{"from": "t1", "to": "t2"}' for _ in range(LIMITS["links"]))
        + "]}"
    )
    data = text.encode()
    json_budget.check_budget(data, "limits.tpmap")
    containers, _values = json_budget.count(data)
    assert containers < json_budget.MAX_CONTAINERS


def test_a_real_map_of_30000_touchpoints_is_within_the_json_budget() -> None:
    data = json.dumps(real_map_document(30_000, 60_000), indent=2).encode()
    json_budget.check_budget(data, "large.tpmap")
    containers, values = json_budget.count(data)
    assert containers < json_budget.MAX_CONTAINERS / 2
    assert values < json_budget.MAX_VALUES / 2


# ---------------------------------------------------------------------- workbooks


def test_a_workbook_of_166_mib_of_shared_strings_is_refused(tmp_path: Path, baseline: Run) -> None:
    path = tmp_path / "strings.xlsx"
    write_many_shared_strings(path, 166 * MiB)
    run = run_tpmapper("import", path, "-o", tmp_path / "out.tpmap", folder=tmp_path)
    words = "its shared strings (xl/sharedStrings.xml) unpack to 166 MiB, more than the 64 MiB"
    assert_refused_cheaply(run, baseline, path, words)
    assert not (tmp_path / "out.tpmap").exists()


@pytest.mark.parametrize("dimension", [True, False], ids=["stated", "unstated"])
def test_a_workbook_of_a_million_rows_is_refused(
    tmp_path: Path, baseline: Run, dimension: bool
) -> None:
    path = tmp_path / "rows.xlsx"
    write_million_rows(path, dimension=dimension)
    run = run_tpmapper("import", path, "-o", tmp_path / "out.tpmap", folder=tmp_path)
    cap = LIMITS["touchpoints"] + 1_000
    words = f"its sheet 'Touchpoints' has 1,000,001 rows, more than the {cap:,} tpmapper reads"
    assert_refused_cheaply(run, baseline, path, words)


def test_many_short_shared_strings_are_refused_by_their_number(tmp_path: Path) -> None:
    path = tmp_path / "strings.xlsx"
    texts = write_many_shared_strings(path, 20 * MiB, length=2)
    assert texts > MAX_SHARED_STRINGS
    with pytest.raises(WorkbookError, match=rf"hold {texts + 1004:,} texts, more than the"):
        import_workbook(path)


def test_shared_strings_under_another_name_are_counted_too(tmp_path: Path) -> None:
    path = tmp_path / "moved.xlsx"
    block = "".join(f"<si><t>{n}</t></si>" for n in range(50_000))
    write_workbook(path, 1, strings=(block, 11), strings_part="xl/texts/all.xml")
    with pytest.raises(WorkbookError, match=r"its shared strings \(xl/texts/all.xml\) hold"):
        import_workbook(path)
    write_workbook(path, 1, strings=(block, 1), strings_part="xl/texts/all.xml")
    assert len(import_workbook(path).journey) == 1  # openpyxl finds them there too


def test_the_counts_are_made_before_openpyxl_reads_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    def load_workbook(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("openpyxl was asked to read the workbook")

    monkeypatch.setattr(openpyxl, "load_workbook", load_workbook)
    for write in (write_million_rows, write_many_shared_strings):
        path = tmp_path / f"{write.__name__}.xlsx"
        write(path)
        with pytest.raises(WorkbookError, match="tpmapper reads"):
            import_workbook(path)


def test_rows_with_a_namespace_prefix_are_counted_too(tmp_path: Path) -> None:
    path = tmp_path / "prefixed.xlsx"
    write_workbook(path, 200_000, dimension=False, prefix="x")
    with pytest.raises(WorkbookError, match="'Touchpoints' has 200,001 rows"):
        import_workbook(path)


def test_a_sheet_of_too_many_cells_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.xlsx"
    rows = 20_000  # fewer than the rows any sheet may have
    columns = MAX_SHEET_CELLS // rows + 2
    write_workbook(path, rows, dimension=False, columns=columns)
    with pytest.raises(WorkbookError, match=r"sheet 'Touchpoints' has [0-9,]+ cells, more than"):
        import_workbook(path)


def test_a_workbook_below_the_caps_imports(tmp_path: Path) -> None:
    path = tmp_path / "fine.xlsx"
    write_workbook(path, 2_000, dimension=False)
    result = import_workbook(path)
    assert len(result.journey) == 2_000
    assert re.fullmatch(r"Touchpoint \d+", result.journey.touchpoints()[0].name)


# ---------------------------------------------------------------------- in-process checks


def test_the_refusals_name_the_field_and_the_file(tmp_path: Path) -> None:
    path = tmp_path / "tiny.tpmap"
    write_tiny_values(path, "tags", size=24 * MiB)
    with pytest.raises(MapFileError) as caught:
        loads(path.read_bytes(), path)
    assert str(caught.value) == (
        f"{path}: touchpoints: holds more than the 3,000,000 JSON values a map may hold"
    )


# ---------------------------------------------------------------------- counting before parsing

_TRICKY_TEXTS = [
    "a,b",
    "[{x}]",
    'say "hi"',
    "back\\slash\\",
    "\\",
    '\\"',
    ":,:,",
    "ü 🚀",
    "\n\t",
    "",
]


def _random_json(rng: random.Random, depth: int = 0) -> object:
    kind = rng.random()
    if depth > 4 or kind < 0.35:
        return rng.choice([*_TRICKY_TEXTS, 0, -1.5e3, True, None, "plain"])
    if kind < 0.65:
        return [_random_json(rng, depth + 1) for _ in range(rng.randint(0, 5))]
    return {
        rng.choice(_TRICKY_TEXTS) + str(n): _random_json(rng, depth + 1)
        for n in range(rng.randint(0, 5))
    }


def _expected(value: object) -> tuple[int, int]:
    """(objects and lists, values) as json_budget counts them: each list and object, and
    each item after the first in one."""
    if isinstance(value, dict):
        items = list(value.values())
    elif isinstance(value, list):
        items = value
    else:
        return 0, 0
    containers, values = 1, 1 + max(len(items) - 1, 0)
    for item in items:
        more_containers, more_values = _expected(item)
        containers += more_containers
        values += more_values
    return containers, values


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 2**20])
def test_counting_leaves_strings_out_whatever_the_chunks(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(json_budget, "CHUNK_BYTES", chunk)
    rng = random.Random(chunk)
    for _ in range(60):
        document = _random_json(rng)
        for ascii_only in (True, False):
            data = json.dumps(
                document, ensure_ascii=ascii_only, indent=rng.choice([None, 1])
            ).encode()
            assert json_budget.count(data) == _expected(document), data


def test_a_string_longer_than_a_chunk_is_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_budget, "CHUNK_BYTES", 16)
    data = json.dumps({"a": "[{,:" * 100 + '\\"' * 50, "b": [1, 2]}).encode()
    assert json_budget.count(data) == (2, 4)


@pytest.mark.parametrize("chunk", [64, 2**20])
def test_an_object_of_too_many_fields_is_refused(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(json_budget, "CHUNK_BYTES", chunk)
    fields = json_budget.MAX_FIELDS

    def document(count: int) -> bytes:  # fields with lists between them, dropped as done
        inner = {f"field {n}": [n] if n % 7 == 0 else n for n in range(count)}
        return json.dumps({"format": "x", "touchpoints": [inner]}).encode()

    json_budget.check_budget(document(fields), "fine.tpmap")
    with pytest.raises(MapFileError) as caught:
        json_budget.check_budget(document(fields + 1), "wide.tpmap")
    assert str(caught.value) == (
        f"wide.tpmap: touchpoints: holds an object of more than {fields:,} fields; not a map file"
    )


def test_nesting_deeper_than_a_map_ever_does_is_refused_before_parsing() -> None:
    depth = json_budget.MAX_DEPTH
    json_budget.check_budget(b"[" * depth + b"]" * depth, "deep.tpmap")
    with pytest.raises(MapFileError, match="nested absurdly deep"):
        json_budget.check_budget(b"[" * (depth + 1) + b"]" * (depth + 1), "deeper.tpmap")
    with pytest.raises(MapFileError, match="nested absurdly deep"):
        json_budget.check_budget(b'{"views": ' + b"[" * 5000, "open.tpmap")


def test_thousands_of_unknown_field_names_stop_the_parse() -> None:
    names = iter(range(10**6))
    touchpoints = [{f"name {next(names)}": 0 for _ in range(600)} for _ in range(3)]
    data = json.dumps({"format": "tpmapper-map", "touchpoints": touchpoints}).encode()
    with pytest.raises(MapFileError) as caught:
        loads(data, "names.tpmap")
    assert str(caught.value) == (
        "names.tpmap: unknown field 'name 0' and 1,199 other field names no map holds; "
        "not a map file"
    )
