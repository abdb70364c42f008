"""The JSON of a `.tpmap` file: told from other files, parsed strictly, never too big.

What the bytes are is checked before parsing (empty, a zip, UTF-16, not UTF-8), what the
parser would build is counted first (`json_budget`), and the parse itself refuses NaN,
numbers no float holds, a key twice in one object, and (stopping at once) thousands of
field names that no map holds, whose every one would cost memory.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tpmapper.files.errors import MapFileError, shorten
from tpmapper.files.json_budget import check_budget

MAX_UNKNOWN_NAMES = 1_000  # different field names no map holds, before parsing stops


def parse_json(data: bytes, source: str | Path, known: frozenset[str]) -> Any:
    """The JSON document of a map file's bytes; raises `MapFileError` naming the file (and
    the place) when they are no JSON a map could be: empty, a zip, not UTF-8, cut short,
    too big to build (`json_budget`), NaN or an absurd number, a key twice in one object,
    or thousands of field names not in `known`."""
    if not data.strip():
        raise MapFileError(source, "the file is empty")
    if data.startswith(b"PK\x03\x04"):
        raise MapFileError(
            source, "is a zip archive (an Excel workbook?), not a .tpmap map; import it instead"
        )
    wide = _wide_encoding(data)
    if wide:
        raise MapFileError(source, f"is {wide} encoded; tpmapper reads UTF-8 map files")
    check_budget(data, source)  # before the text is decoded: no copy of it is made
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":  # cut in the middle of a character
            raise MapFileError(source, _TRUNCATED) from None
        if b"\x00" in data[:4096]:
            raise MapFileError(
                source,
                f"is not a text file (byte {error.start + 1} is not UTF-8); not a .tpmap map",
            ) from None
        raise MapFileError(
            source,
            f"is not UTF-8 encoded (byte {error.start + 1} is not UTF-8; perhaps Latin-1 or "
            "Windows-1252); tpmapper reads UTF-8 map files",
        ) from None
    duplicates: list[bool] = []
    unknown: dict[str, None] = {}
    try:
        document = json.loads(
            text,
            object_pairs_hook=lambda pairs: _object(pairs, duplicates, known, unknown),
            parse_constant=_refuse_constant,
            parse_int=_parse_int,
        )
    except json.JSONDecodeError as error:
        # A string left open runs to the end of the file: that is a truncation too, and so
        # is a word or number cut short ("tru", "-").
        rest = text[error.pos :].strip()
        cut_short = rest in _CUT_SHORT or error.msg.startswith("Unterminated string")
        if not rest or cut_short:
            raise MapFileError(source, _TRUNCATED) from None
        raise MapFileError(
            source,
            f"not valid JSON ({error.msg.lower()})",
            f"line {error.lineno}, column {error.colno}",
        ) from None
    except _UnknownNames as error:
        raise MapFileError(source, str(error)) from None
    except RecursionError:
        raise MapFileError(source, "the JSON is nested absurdly deep; not a map file") from None
    except ValueError as error:  # NaN, integers with thousands of digits
        raise MapFileError(source, f"not valid map JSON ({error})") from None
    if duplicates:
        place, key = _first_duplicate(document)
        raise MapFileError(source, f"the key '{shorten(key)}' appears twice", place)
    return document


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 when `data` is text in one of them (by its byte order mark, or by
    the zero bytes beside the ASCII of a JSON file's first characters); else None."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:4]
    if len(head) < 4 or not all(byte == 0 or 0x09 <= byte <= 0x7E for byte in head):
        return None
    zeros = [byte == 0 for byte in head]
    if zeros in ([False, True, True, True], [True, True, True, False]):
        return "UTF-32"
    if zeros in ([False, True, False, True], [True, False, True, False]):
        return "UTF-16"
    return None


class _Duplicated(dict):
    """A JSON object in which `key` appeared more than once (the earlier value dropped)."""

    key: str


class _UnknownNames(ValueError):
    """Thousands of field names no map holds: the rest of the file is not parsed."""


def _object(
    pairs: list[tuple[str, Any]],
    duplicates: list[bool],
    known: frozenset[str],
    unknown: dict[str, None],
) -> dict[str, Any]:
    result = dict(pairs)
    if not result.keys() <= known:  # refused later, by name and place, unless thousands
        unknown.update(dict.fromkeys(key for key in result if key not in known))
        if len(unknown) > MAX_UNKNOWN_NAMES:
            first = shorten(next(iter(unknown)))
            raise _UnknownNames(
                f"unknown field '{first}' and {len(unknown) - 1:,} other field names no "
                "map holds; not a map file"
            )
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    marked = _Duplicated(result)
    for key, _value in pairs:
        if key in seen:
            marked.key = key
            break
        seen.add(key)
    duplicates.append(True)
    return marked


def _first_duplicate(value: Any, place: str = "") -> tuple[str | None, str]:
    """The place (like touchpoints[2]; None at the top) and key of the first object in
    document order that holds a key twice."""
    stack: list[tuple[Any, str]] = [(value, place)]
    while stack:
        value, place = stack.pop()
        if isinstance(value, _Duplicated):
            return place or None, value.key
        if isinstance(value, dict):
            children = [(child, f"{place}.{key}" if place else key) for key, child in value.items()]
        elif isinstance(value, list):
            children = [(child, f"{place}[{index}]") for index, child in enumerate(value)]
        else:
            continue
        stack.extend(reversed(children))
    raise AssertionError("a duplicate key was seen but not found")  # pragma: no cover


_TRUNCATED = "the file ends in the middle of the map; it may be truncated"
# What is left when a file ends inside a word or a number ("tru", "-", "0.", "1e-").
_CUT_SHORT = frozenset(
    [word[:n] for word in ("true", "false", "null") for n in range(1, len(word))]
    + ["-", ".", "e", "E", "e-", "e+", "E-", "E+"]
)


def _parse_int(digits: str) -> int:
    """A JSON integer; refused when no float can hold it (the value checks need one)."""
    size = len(digits.lstrip("-"))
    if size > _MAX_INT_DIGITS or abs(number := int(digits)) > sys.float_info.max:
        raise ValueError(f"a number of {size:,} digits is too large for a map")
    return number


_MAX_INT_DIGITS = len(str(int(sys.float_info.max)))  # 309


def _refuse_constant(word: str) -> Any:
    raise ValueError(f"{word} is not a number a map may hold")
