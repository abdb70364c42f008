"""How much a JSON text would build, counted before `json.loads` builds it.

A 64 MiB map file of tiny values ("[[],[],…]", millions of one-letter tags) would make
Python build tens of millions of objects, gigabytes of them, before any check of the map
could refuse it. So the text is read first, a chunk at a time and in bounded memory, with
its strings left out, and refused when it holds more JSON objects and lists
(`MAX_CONTAINERS`) or values (`MAX_VALUES`: the items of lists and objects) than any real
map, an object with more than `MAX_FIELDS` fields (a map's have a few dozen; one with
millions of names used once costs the parser most), or nesting deeper than `MAX_DEPTH`.
The refusal names the top-level field (like `touchpoints`) where the text ran over.

Counting works on a chunk's marks outside strings (",:[]{}"): commas and opening brackets
are counted; lists and objects that close within the chunk are dropped, innermost first,
until only the closings of earlier ones and the openings of later ones are left, which
tells how deep the chunk goes and how many fields follow one another in one object.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from tpmapper.files.errors import MapFileError, shorten

# A map at the element limits of tpmap.LIMITS (60,000 touchpoints, each with three lists,
# and 150,000 links) holds about 400,000 objects and lists; a 64 MiB file of real
# touchpoints and links about 2,500,000 values. Parsed, an object costs up to about 200
# bytes and a value up to about 100 (json_text stops at a thousand field names no map
# holds, which cost the most): within these caps the parse stays under about 600 MB
# (measured: 591 MB for 64 MiB of texts that each hold an emoji, so that Python keeps
# them at 4 bytes a character; see benchmarks/bench_memory.py for the others).
MAX_CONTAINERS = 500_000
MAX_VALUES = 3_000_000
MAX_FIELDS = 1_000  # fields in one object; a touchpoint has 27
MAX_DEPTH = 64  # a map nests 5 deep (views[0].filter.phases[0])

CHUNK_BYTES = 2**20
_PIECE_BYTES = 4096  # where a chunk is read again, to find a refusal's place

_MARKS = b'",:[]{}'
_NOT_MARKS = bytes(byte for byte in range(256) if byte not in _MARKS)
_REST_OF_STRING = re.compile(rb'(?:[^"\\]++|\\.)*+"', re.DOTALL)  # on to its closing quote
_INNERMOST = re.compile(rb"[\[{][^\[\]{}]*+[\]}]")  # a list or object holding none
_FIELD_RUN = b":," * MAX_FIELDS  # that many fields of one object in a row
_OBJECT = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*\{")
_GROUP = re.compile(rb'[\[{](?:[^\[\]{}"]++|"(?:[^"\\]++|\\.)*+")*+[\]}]', re.DOTALL)
_TOKEN = re.compile(rb'"(?:[^"\\]++|\\.)*+"|[\[\]{}]', re.DOTALL)


@dataclass
class _Reading:
    """What has been counted so far, chunk by chunk."""

    containers: int = 0
    values: int = 0
    depth: int = 0
    tail: bytes = b""  # the end of the last chunk's marks, for a run of fields going on
    shallow: list[tuple[int, int, int]] = field(default_factory=list)  # chunks at the top

    def copy(self) -> _Reading:
        return replace(self, shallow=list(self.shallow))

    def read(self, start: int, end: int, marks: bytes) -> str | None:
        """Count one chunk's marks; why the text is refused, once it is."""
        opened = marks.count(b"[") + marks.count(b"{")
        self.containers += opened
        self.values += opened + marks.count(b",")
        left, deep, wide = _dropped(marks)
        if self.depth - (left.count(b"]") + left.count(b"}")) <= 1:
            self.shallow.append((start, end, self.depth))
        self.depth += opened - (marks.count(b"]") + marks.count(b"}"))
        joined, deeper, wider = _dropped(self.tail + left)
        self.tail = joined[-2 * MAX_FIELDS :]
        if deep or deeper or self.depth > MAX_DEPTH:
            return "the JSON is nested absurdly deep; not a map file"
        if wide or wider:
            return f"holds an object of more than {MAX_FIELDS:,} fields; not a map file"
        if self.containers > MAX_CONTAINERS:
            return f"holds more than the {MAX_CONTAINERS:,} JSON objects and lists a map may hold"
        if self.values > MAX_VALUES:
            return f"holds more than the {MAX_VALUES:,} JSON values a map may hold"
        return None


def check_budget(data: bytes, source: str | Path) -> None:
    """Refuse JSON `data` (UTF-8) that would build more than a map may (see the module's
    notes); raises `MapFileError` naming the top-level field where it ran over."""
    reading = _Reading()
    for start, end, marks in _outside_strings(data, 0, len(data), CHUNK_BYTES):
        before = reading.copy()
        reason = reading.read(start, end, marks)
        if reason is None:
            continue
        # Read that chunk again in small pieces, to find where in it the text ran over:
        # in the field being read where that piece starts (or, at the top level, ends).
        for piece in _outside_strings(data, start, end, _PIECE_BYTES):
            at = before.copy()
            if before.read(*piece):
                break
        at = at if at.depth >= 2 else before
        place = _field(data, at.shallow, at.depth) if _OBJECT.match(data) else None
        raise MapFileError(source, reason, place)


def count(data: bytes) -> tuple[int, int]:
    """The JSON objects and lists, and the values, of JSON `data` (for tests and reports)."""
    chunks = _outside_strings(data, 0, len(data), CHUNK_BYTES)
    marks = b"".join(marks for _start, _end, marks in chunks)
    containers = marks.count(b"[") + marks.count(b"{")
    return containers, containers + marks.count(b",")


def _dropped(marks: bytes) -> tuple[bytes, bool, bool]:
    """`marks` without the lists and objects that close within them; whether those nest
    deeper than `MAX_DEPTH` (then some are left); and whether an object holds more than
    `MAX_FIELDS` fields in a row (seen before it is dropped, its own lists and objects
    dropped already)."""
    for _ in range(MAX_DEPTH):
        if _FIELD_RUN in marks:
            return marks, False, True
        marks, dropped = _INNERMOST.subn(b"", marks)
        if not dropped:
            return marks, False, False
    return marks, _INNERMOST.search(marks) is not None, _FIELD_RUN in marks


def _outside_strings(
    data: bytes, start: int, stop: int, size: int
) -> Iterator[tuple[int, int, bytes]]:
    """(start, end, the marks of data[start:end] outside strings) for chunks of about
    `size` bytes from `start` (outside any string) to `stop` that start and end outside
    any string, in order. Exact for valid JSON; for anything else, up to its first error
    (where the parser stops)."""
    while start < stop:
        end = min(start + size, stop)
        chunk = _unescaped(data, start, end)
        if chunk.endswith(b"\\"):  # an escape cut in two
            end += 1
            chunk = _unescaped(data, start, end)
        if chunk.count(b'"') % 2:  # the chunk ends inside a string: run on to its end
            end = _end_of_string(data, end)
            chunk = _unescaped(data, start, end)
        marks = chunk.translate(None, _NOT_MARKS).replace(b'""', b"")  # keeps who is inside
        if b'"' in marks:
            marks = b"".join(marks.split(b'"')[0::2])
        yield start, end, marks
        start = end


def _unescaped(data: bytes, start: int, end: int) -> bytes:
    """data[start:end] without its escaped backslashes and quotes (the pairs of backslashes
    first: three backslashes and a quote are a backslash, then a quote); other escapes
    hold no mark and stay."""
    chunk = data[start:end]
    if b"\\" in chunk:
        chunk = chunk.replace(b"\\\\", b"").replace(b'\\"', b"")
    return chunk


def _end_of_string(data: bytes, position: int) -> int:
    """Just after the quote that ends the string `position` is in (not in the middle of
    an escape); the end of `data` if the string never ends."""
    found = _REST_OF_STRING.match(data, position)
    return len(data) if found is None else found.end()


def _field(data: bytes, shallow: list[tuple[int, int, int]], depth: int) -> str | None:
    """The name of the top-level field being read at the end of the last chunk of
    `shallow` (or deeper, at `depth`, since): the chunks that reach the top level are read
    token by token, each from the depth it starts at, after dropping what they close."""
    if depth < 2:
        return None
    field = last_text = b""
    for start, end, level in shallow:
        depth = level
        for token in _TOKEN.finditer(_innermost_dropped(data[start:end])):
            text = token.group()
            if text[0] == 0x22:  # a string; at depth 1, a field's name or value
                if depth == 1:
                    last_text = text
            elif text in (b"[", b"{"):
                depth += 1
                if depth == 2:
                    field = last_text
            else:
                depth -= 1
    try:
        name = json.loads(field)
    except ValueError:
        return None
    if not isinstance(name, str):
        return None
    return shorten(name)


def _innermost_dropped(chunk: bytes) -> bytes:
    """`chunk` with the lists and objects that close within it replaced by 0, a few levels
    deep: what is left to read token by token is mostly the top level."""
    for _ in range(8):
        chunk, dropped = _GROUP.subn(b"0", chunk)
        if not dropped:
            break
    return chunk
