"""Files that once made tpmapper use gigabytes, and a large real map to compare with.

Used by tests/files/test_memory_caps.py and benchmarks/bench_memory.py (no test functions
here, no Qt, no openpyxl): each is written straight to disk in a second or two. And
`run_tpmapper`, which measures what reading one costs.
"""

from __future__ import annotations

import json
import os
import random
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MiB = 2**20
TPMAP_BYTES = 64 * MiB - 4096  # just under the file cap: the parser, not the cap, is tested

_HEAD = (
    '{"format": "tpmapper-map", "version": 2, "title": "Tiny values",'
    ' "phases": [{"id": "p", "name": "P", "colour": "#000000"}],'
    ' "lanes": [{"id": "l", "name": "L", "kind": "touchpoint_class"}],'
)
_TOUCHPOINT = '{"id": "t", "name": "a", "phase": "p", "lane": "l", '
_TINY = '{"id":"t","name":"a","phase":"p","lane":"l"}'

# What fills the 64 MiB: (text before, one item, text after); items joined by commas.
TINY_VALUES: dict[str, tuple[str, str, str]] = {
    "tiny touchpoints": (_HEAD + '"touchpoints": [', _TINY, "]}"),
    "tags": (_HEAD + '"touchpoints": [' + _TOUCHPOINT + '"tags": [', '"ab"', "]}]}"),
    "numbers": (_HEAD + '"touchpoints": [' + _TOUCHPOINT + '"tags": [', "0", "]}]}"),
    "empty lists": (_HEAD + '"touchpoints": [', "[]", "]}"),
    "one-key objects": (_HEAD + '"links": [', '{"":0}', "]}"),
}  # fmt: skip


def write_tiny_values(path: Path, kind: str, size: int = TPMAP_BYTES) -> int:
    """A `size`-byte .tpmap whose bulk is millions of one `TINY_VALUES` item; their count."""
    before, item, after = TINY_VALUES[kind]
    count = (size - len(before) - len(after) + 1) // (len(item) + 1)
    with path.open("w", encoding="utf-8") as stream:
        stream.write(before)
        block = ",".join([item] * 10_000)
        for start in range(0, count, 10_000):
            stream.write("," if start else "")
            stream.write(block if count - start >= 10_000 else ",".join([item] * (count - start)))
        stream.write(after)
    return count


# ---------------------------------------------------------------------- a real map

_WORDS = [
    *("customers", "compare", "offers", "read", "reviews", "expect", "quick", "answers"),
    *("clear", "prices", "friendly", "staff", "reliable", "delivery", "simple", "returns"),
    *("helpful", "advice", "transparent", "costs", "waiting"),
]


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def real_map_document(touchpoints: int, links: int, seed: int = 7) -> dict:
    """A map as people fill them: 5 phases, 4 lanes, names, texts, ratings, tags, links."""
    rng = random.Random(seed)
    phases = [{"id": f"ph{i}", "name": f"Phase {i}", "colour": "#4e79a7"} for i in range(5)]
    lanes = [{"id": f"la{i}", "name": f"Lane {i}", "kind": "touchpoint_class"} for i in range(4)]
    items = []
    for index in range(touchpoints):
        items.append(
            {
                "id": f"tp-{index:06d}",
                "name": f"{rng.choice(_WORDS).capitalize()} touchpoint {index}",
                "phase": rng.choice(phases)["id"],
                "lane": rng.choice(lanes)["id"],
                "description": _sentence(rng, rng.randint(8, 24)),
                "channel": rng.choice(["website", "email", "phone", "online_shop"]),
                "owner": rng.choice(["Marketing", "Sales", "Service", "Logistics"]),
                "customer_rating": rng.randint(1, 5),
                "company_rating": rng.randint(1, 5),
                "importance": rng.randint(1, 5),
                "cost": float(rng.randrange(500, 50_000, 50)),
                "reach": rng.randrange(100, 200_000),
                "improvement_idea": _sentence(rng, rng.randint(4, 12)),
                "tags": rng.sample(["quick-win", "mobile", "q3", "nps", "pilot"], 2),
                "notes": _sentence(rng, rng.randint(3, 10)),
            }
        )
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < links:
        source = rng.randrange(touchpoints)
        target = min(touchpoints - 1, source + rng.randint(1, 40))
        if source != target:
            pairs.add((source, target))
    steps = [{"from": f"tp-{a:06d}", "to": f"tp-{b:06d}"} for a, b in sorted(pairs)]
    return {
        "format": "tpmapper-map",
        "version": 2,
        "title": f"Real map of {touchpoints:,} touchpoints",
        "phases": phases,
        "lanes": lanes,
        "touchpoints": items,
        "links": steps,
    }


def write_real_map(path: Path, touchpoints: int = 10_000, links: int = 12_000) -> None:
    path.write_text(json.dumps(real_map_document(touchpoints, links), indent=2), "utf-8")


def write_wide_text_map(path: Path, size: int = TPMAP_BYTES) -> int:
    """A sound map of `size` bytes, nearly all long texts that each hold an emoji (Python
    keeps such a text at 4 bytes a character, the most it takes); its touchpoints."""
    document = real_map_document(1, 0) | {"title": "Long texts", "touchpoints": []}
    text = "🚀 " + "Long notes. " * 2_600  # 31,203 characters: under the 32,767 a text may be
    count = size // (len(text) + 200)
    for index in range(count):
        document["touchpoints"].append(
            {"id": f"tp-{index}", "name": f"Touchpoint {index}", "phase": "ph0", "lane": "la0"}
            | {"description": text, "notes": text[:100]}
        )
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return count


# ---------------------------------------------------------------------- workbooks

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_OFFICE}.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        f'ContentType="{_OFFICE}.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        f'ContentType="{_OFFICE}.sharedStrings+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><sheets>'
        '<sheet name="Touchpoints" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    ),
}


def _deflated(pieces: Iterable[tuple[str, int]]) -> tuple[bytes, int, int]:
    """A raw deflate stream of each text repeated its number of times, packed once and
    copied (each piece starts afresh), with the CRC-32 and size of what it unpacks to."""
    packed, crc, size = [], 0, 0
    for text, times in pieces:
        data = text.encode("utf-8")
        packer = zlib.compressobj(1, zlib.DEFLATED, -15)
        packed.append((packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH)) * times)
        for _ in range(times):
            crc = zlib.crc32(data, crc)
        size += len(data) * times
    finisher = zlib.compressobj(1, zlib.DEFLATED, -15)
    packed.append(finisher.flush(zlib.Z_FINISH))
    return b"".join(packed), crc, size


def _write_zip(path: Path, parts: dict[str, Iterable[tuple[str, int]]]) -> None:
    """A zip archive written by hand, so that 100 MiB of repeated XML take no time to pack."""
    local, central = bytearray(), bytearray()
    for name, pieces in parts.items():
        packed, crc, size = _deflated(pieces)
        encoded = name.encode("utf-8")
        sizes = (crc, len(packed), size, len(encoded))
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, *sizes,
                               0, 0, 0, 0, 0, len(local)) + encoded  # fmt: skip
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, *sizes, 0) + encoded
        local += packed
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts), len(parts),
                      len(central), len(local), 0)  # fmt: skip
    path.write_bytes(bytes(local + central) + end)


NAMES = 1000  # distinct touchpoint names in the shared strings


def _rows(count: int, columns: int, x: str) -> str:
    """`count` rows without numbers (OOXML allows that): a name, phase Buy and costs."""
    rng = random.Random(count)
    return "".join(
        f'<{x}row><{x}c t="s"><{x}v>{rng.randrange(4, 4 + NAMES)}</{x}v></{x}c>'
        f'<{x}c t="s"><{x}v>3</{x}v></{x}c>'
        + "".join(f"<{x}c><{x}v>{rng.random() * 1e5:.2f}</{x}v></{x}c>" for _ in range(columns - 2))
        + f"</{x}row>"
        for _ in range(count)
    )


def write_workbook(
    path: Path,
    rows: int,
    *,
    dimension: bool = True,
    columns: int = 3,
    prefix: str = "",
    strings: tuple[str, int] = ("", 0),
    strings_part: str = "xl/sharedStrings.xml",
) -> None:
    """Sheet Touchpoints: a Name / Phase header and `rows` rows of `columns` cells below
    it (1,000 distinct ones, repeated); every tag with `prefix` ("x:") if given; its text
    in the shared strings (the part `strings_part`), with `strings` (XML, times) added."""
    x = f"{prefix}:" if prefix else ""
    namespace = f"xmlns:{prefix}" if prefix else "xmlns"
    head = f'<?xml version="1.0" encoding="UTF-8"?><{x}worksheet {namespace}="{_MAIN}">'
    if dimension:
        head += f'<{x}dimension ref="A1:B{rows + 1}"/>'
    head += (
        f'<{x}sheetData><{x}row r="1"><{x}c r="A1" t="s"><{x}v>0</{x}v></{x}c>'
        f'<{x}c r="B1" t="s"><{x}v>1</{x}v></{x}c></{x}row>'
    )
    block = _rows(1000, columns, x)
    sheet = [(head, 1), (block, rows // 1000), (_rows(rows % 1000, columns, x), 1)]
    sst = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}"><si><t>Name</t></si>'
        "<si><t>Phase</t></si><si><t>Web shop</t></si><si><t>Buy</t></si>"
        + "".join(f"<si><t>Touchpoint {n}</t></si>" for n in range(NAMES))
    )
    moved = strings_part.removeprefix("xl/")
    parts = {name: [(text.replace("sharedStrings.xml", moved), 1)] for name, text in _PARTS.items()}
    parts["xl/worksheets/sheet1.xml"] = [*sheet, (f"</{x}sheetData></{x}worksheet>", 1)]
    parts[strings_part] = [(sst, 1), strings, ("</sst>", 1)]
    _write_zip(path, parts)


def write_million_rows(path: Path, rows: int = 1_000_000, dimension: bool = True) -> None:
    """A typed sheet (Name, Phase, Cost) with `rows` real rows; its dimension says so or not."""
    write_workbook(path, rows, dimension=dimension)


def write_many_shared_strings(path: Path, size: int = 166 * MiB, length: int = 8) -> int:
    """A small typed sheet whose shared strings part holds `size` bytes of short texts of
    `length` letters and a number (a block of distinct ones, repeated farther apart than
    deflate looks back: they pack only a few times smaller, no zip bomb); their number."""
    rng = random.Random(3)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["".join(rng.choices(letters, k=length)) for _ in range(40_000)]
    block = "".join(f"<si><t>{word} {n}</t></si>" for n, word in enumerate(words))
    repeats = max(1, size // len(block))
    write_workbook(path, 1, strings=(block, repeats))
    return repeats * len(words)


# ---------------------------------------------------------------------- measuring

REPOSITORY = Path(__file__).resolve().parents[2]

# Run in a small process of its own, which starts tpmapper and asks the system what that
# cost: a process started straight from a big one (pytest, a benchmark holding a large
# map) inherits its parent's peak memory as its own starting peak (Linux counts the pages
# it shares until it execs), which would hide the figure measured.
_LAUNCHER = """
import json, os, subprocess, sys
process = subprocess.Popen(sys.argv[2:])
_pid, status, usage = os.wait4(process.pid, 0)
cost = [os.waitstatus_to_exitcode(status), usage.ru_maxrss, usage.ru_utime + usage.ru_stime]
with open(sys.argv[1], "w") as report:
    json.dump(cost, report)
"""


@dataclass
class Run:
    """What one run of `python -m tpmapper` cost."""

    code: int
    peak_bytes: int  # the most memory the process held (its resident set)
    cpu_seconds: float
    wall_seconds: float
    stdout: str
    stderr: str


def run_tpmapper(*args: str | Path, folder: Path) -> Run:
    """`python -m tpmapper ARGS` in a process of its own (offscreen), with what it cost;
    `folder` holds its output."""
    out, err, report = folder / "stdout.txt", folder / "stderr.txt", folder / "cost.json"
    command = [sys.executable, "-m", "tpmapper", *map(str, args)]
    start = time.perf_counter()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        subprocess.run(
            [sys.executable, "-c", _LAUNCHER, str(report), *command],
            stdout=stdout,
            stderr=stderr,
            cwd=REPOSITORY,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            check=True,
        )
    wall = time.perf_counter() - start
    code, peak, cpu = json.loads(report.read_text("utf-8"))
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes there, KiB on Linux
    return Run(
        code,
        peak * scale,
        cpu,
        wall,
        out.read_text("utf-8", "replace"),
        err.read_text("utf-8", "replace"),
    )
