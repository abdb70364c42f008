"""Cell values to and from model values: Excel's text escaping, lists joined with "; ",
and the reading of numbers, flags and vocabulary words from cells."""

# Lists are joined with "; ". An entry that holds ";", starts with a quote or has spaces
# at either end is quoted like in CSV ("a; b" becomes "\"a; b\""), so every list survives a
# round trip. Cell text follows Excel's escaping: "_x000D_" stands for a carriage return,
# "_x005F_" protects a literal "_xHHHH_" (Excel writes and reads the same). Reading decodes
# only the escapes spreadsheets write, for the characters XML cannot hold (CR, tab, line
# feed, "_x005F_", control characters, surrogates, U+FFFE and U+FFFF): openpyxl has already
# undone "_x005F_" in shared strings, so a literal "_x0041_" must stay as it is. A decoded
# character no file may hold is then refused, with its cell, by the model's text check.

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from enum import Enum
from typing import Any

from tpmapper.files.vocabulary_words import label, parse_member
from tpmapper.model import values
from tpmapper.model.vocabulary import Channel
from tpmapper.printable import printable

EXCEL_MAX_TEXT = 32_767  # characters in one cell

_YES_WORDS = frozenset({"yes", "y", "ja", "j", "true", "wahr", "x", "1", "✓", "✔"})
_NO_WORDS = frozenset({"no", "n", "nein", "false", "falsch", "0", "-"})


# ---------------------------------------------------------------------- cell text

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Each "_" that starts an "_xHHHH_" is protected, also where two share an underscore
# ("_x005F_x0041_"): a reader undoes escapes left to right, one after the other.
_TO_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|\r")
_ESCAPED = re.compile(r"_x(005[Ff]|00[01][0-9A-Fa-f]|[Dd][89A-Fa-f][0-9A-Fa-f]{2}|[Ff]{3}[EeFf])_")


def _escape_match(match: re.Match[str]) -> str:
    return "_x000D_" if match.group() == "\r" else "_x005F_"


def excel_escape(text: str) -> str:
    """Text as an xlsx cell stores it: control characters dropped, CR and "_xHHHH_" escaped."""
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    if "\r" in text or "_x" in text:
        text = _TO_ESCAPE.sub(_escape_match, text)
    return text


def _unescape_match(match: re.Match[str]) -> str:
    return chr(int(match.group(1), 16))  # "_", or a character XML cannot hold


def clean_text(text: str) -> str:
    """Cell text as the model holds it: Excel's escapes undone (two escaped halves of a
    surrogate pair make their one character). Control characters other than tab, CR and
    line feed, and lone surrogates, are kept, for the model's check to refuse by name."""
    if "_x" in text:
        text = _ESCAPED.sub(_unescape_match, text)
        if _SURROGATE.search(text):
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")


# ---------------------------------------------------------------------- lists


def _needs_quotes(item: str) -> bool:
    return ";" in item or item.startswith('"') or item != item.strip()


def join_list(items: Iterable[str]) -> str:
    """Entries joined with "; ", quoted where needed so that `split_list` gives them back."""
    return "; ".join(
        '"' + item.replace('"', '""') + '"' if _needs_quotes(item) else item for item in items
    )


def split_list(text: str, *, loose: bool = False) -> tuple[str, ...]:
    """The entries of a joined list; `loose` (a sheet typed by a person) also splits a list
    without ";" at line breaks or, failing those, at commas."""
    if '"' not in text:
        separator = ";"
        if loose and ";" not in text:
            separator = "\n" if "\n" in text else ","
        return tuple(item for part in text.split(separator) if (item := part.strip()))
    return _split_quoted(text)


def _split_quoted(text: str) -> tuple[str, ...]:
    items: list[str] = []
    position, end = 0, len(text)
    while position < end:
        while position < end and text[position].isspace():
            position += 1
        if position >= end:
            break
        if text[position] != '"':
            stop = text.find(";", position)
            stop = end if stop < 0 else stop
            if item := text[position:stop].strip():
                items.append(item)
            position = stop + 1
            continue
        parts: list[str] = []
        position += 1
        while True:
            close = text.find('"', position)
            if close < 0:
                raise ValueError("a quoted entry is not closed")
            parts.append(text[position:close])
            if text.startswith('"', close + 1):  # a doubled quote stands for one
                parts.append('"')
                position = close + 2
                continue
            position = close + 1
            break
        items.append("".join(parts))
        stop = text.find(";", position)
        stop = end if stop < 0 else stop
        if text[position:stop].strip():
            raise ValueError("text follows a quoted entry before the next ';'")
        position = stop + 1
    return tuple(items)


# ---------------------------------------------------------------------- reading cells


def describe_cell(value: Any) -> str:
    """A cell's value as a message quotes it: text shortened and made printable, else its kind."""
    if isinstance(value, str):
        return f"'{printable(value if len(value) <= 40 else value[:39] + '…')}'"
    return values.describe(value)


def cell_to_text(value: Any, trim: bool) -> str:
    """Any cell value as text: numbers as written, text cleaned (and trimmed on request)."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = clean_text(value)
        return value.strip() if trim else value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    if hasattr(value, "isoformat"):  # dates and times
        return value.isoformat()
    return str(value)


_NUMBER_DECORATION = str.maketrans("", "", " \u00a0\u202f'€$£")


def cell_to_number(value: Any) -> float | int | None:
    """A number from a cell: numbers as they are, text like "4", "0,25", "31 %" or "1 200 €"."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {'TRUE' if value else 'FALSE'}")
    if isinstance(value, int | float):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a number, got {values.describe(value)}")
    text = value.strip().translate(_NUMBER_DECORATION)
    if not text:
        return None
    percent = text.endswith("%")
    if percent:
        text = text[:-1]
    if "," in text and "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")  # a German decimal comma
    try:
        number: float | int = int(text)
    except ValueError:
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"{describe_cell(value)} is not a number") from None
    if isinstance(number, float) and not math.isfinite(number):
        raise ValueError(f"{describe_cell(value)} is not a finite number")
    return number / 100 if percent else number


def cell_to_whole(value: Any) -> int | float | None:
    number = cell_to_number(value)
    if isinstance(number, float) and number.is_integer():
        return int(number)
    return number


def cell_to_flag(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        raise ValueError(f"{value:g} is neither yes nor no")
    if isinstance(value, str):
        key = value.strip().casefold()
        if not key:
            return None
        if key in _YES_WORDS:
            return True
        if key in _NO_WORDS:
            return False
    raise ValueError(f"{describe_cell(value)} is neither yes nor no (write yes or no, ja or nein)")


def cell_to_member(kind: type[Enum], value: Any) -> Enum | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"expected one of: {choices(kind)}; got {values.describe(value)}")
    if not value.strip():
        return None
    member = parse_member(kind, value)
    if member is None:
        raise ValueError(f"{describe_cell(value)} is not one of: {choices(kind)}")
    return member


def choices(kind: type[Enum], language: str = "en") -> str:
    return ", ".join(label(member, language) for member in kind)


def cell_to_list(value: Any, loose: bool) -> tuple[str, ...]:
    if value is None:
        return ()
    return split_list(cell_to_text(value, trim=False), loose=loose)


class UnknownChannel(ValueError):
    """A channel cell names no channel tpmapper knows; the import keeps the word as detail."""

    def __init__(self, word: str) -> None:
        super().__init__(f"'{word}' is not a channel tpmapper knows")
        self.word = word


def cell_to_channel(value: Any) -> Channel | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        member = parse_member(Channel, value)
        if member is not None:
            return member  # type: ignore[return-value]
    raise UnknownChannel(cell_to_text(value, trim=True))
