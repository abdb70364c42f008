"""Checks and conversions for single field values.

Each checker takes a raw value (a Python value or what JSON gives) and returns the
model's value, or raises `ValueError` with a short reason a user can act on
("9 is outside 1–5"). The model's constructors and the file readers share them, so a
value the model accepts is exactly a value a file may hold.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

from tpmapper.printable import printable

RATING_MIN = 1
RATING_MAX = 5
MAX_TEXT = 32_767  # Excel's cell limit: anything longer could not survive an Excel round trip.
MAX_LIST_ITEMS = 1_000
MAX_ID_LENGTH = 64

Checker = Callable[[Any], Any]
E = TypeVar("E", bound=Enum)

_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")
_COLOUR_PATTERN = re.compile(r"#[0-9a-fA-F]{6}")
# What XML 1.0 cannot hold (an .xlsx workbook and an SVG are XML): control characters other
# than tab, line feed and carriage return, lone surrogates, and U+FFFE and U+FFFF.
_NOT_IN_FILES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def describe(value: Any) -> str:
    """Name a raw value's kind the way a user reading a file thinks of it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, datetime.datetime):
        return "a date and time"
    if isinstance(value, datetime.date):
        return "a date"
    if isinstance(value, datetime.time):
        return "a time of day"
    if isinstance(value, datetime.timedelta):
        return "a duration"
    if isinstance(value, Decimal):
        return "a number"
    if isinstance(value, bytes | bytearray):
        return "binary data"
    return "a value of an unknown kind"


def _shorten(text: str, limit: int = 40) -> str:
    """`text` cut to `limit` characters and made safe to quote in a one-line message."""
    return printable(text if len(text) <= limit else text[: limit - 1] + "…")


def _refuse_unsavable(value: str) -> None:
    """Refuse a character no file tpmapper writes can hold (see `_NOT_IN_FILES`)."""
    found = _NOT_IN_FILES.search(value)
    if found is None:
        return
    code = ord(found.group())
    if code < 0x20:
        raise ValueError(f"text contains the control character U+{code:04X}")
    if 0xD800 <= code <= 0xDFFF:
        raise ValueError(f"text contains a lone surrogate U+{code:04X}, which files cannot hold")
    raise ValueError(f"text contains U+{code:04X}, which files cannot hold")


def text(value: Any) -> str:
    """Text up to `MAX_TEXT` characters that every file tpmapper writes can hold: no control
    characters other than tab, line feed and carriage return, no lone surrogates, no U+FFFE
    or U+FFFF (the characters XML 1.0 excludes)."""
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {describe(value)}")
    if len(value) > MAX_TEXT:
        raise ValueError(f"text of {len(value):,} characters is longer than {MAX_TEXT:,}")
    _refuse_unsavable(value)
    return value


def name(value: Any) -> str:
    """Text that must say something: not empty, not only spaces."""
    value = text(value)
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def identifier(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected an id (text), got {describe(value)}")
    if len(value) > MAX_ID_LENGTH or not _ID_PATTERN.fullmatch(value):
        raise ValueError(
            f"'{_shorten(value)}' is not a valid id (letters, digits, '.', '_', ':' and '-', "
            f"at most {MAX_ID_LENGTH} characters)"
        )
    return value


def colour(value: Any) -> str:
    if not isinstance(value, str) or not _COLOUR_PATTERN.fullmatch(value):
        shown = f"'{_shorten(value)}'" if isinstance(value, str) else describe(value)
        raise ValueError(f"{shown} is not a colour like #1f77b4")
    return value.lower()


def optional_rating(value: Any) -> int | None:
    """A rating on the 1–5 scale, or None for 'not rated' (which is not 0)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(
            f"expected a rating from {RATING_MIN} to {RATING_MAX}, got {describe(value)}"
        )
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(f"{value:g} is not a whole number from {RATING_MIN} to {RATING_MAX}")
    if not RATING_MIN <= value <= RATING_MAX:
        raise ValueError(f"{value:g} is outside {RATING_MIN}–{RATING_MAX}")
    return int(value)


def _finite_number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, got {describe(value)}")
    if not math.isfinite(value):
        raise ValueError(f"{value} is not a finite number")
    return float(value)


def optional_share(value: Any) -> float | None:
    """A share of customers as a fraction from 0 to 1 (0.25 is 25 %)."""
    if value is None:
        return None
    number = _finite_number(value)
    if not 0.0 <= number <= 1.0:
        raise ValueError(f"{number:g} is outside 0–1 (a share: 0.25 means 25 %)")
    return number


def optional_number(value: Any) -> float | None:
    """Any finite number, e.g. a return on investment (1.5 means 150 %)."""
    return None if value is None else _finite_number(value)


def optional_amount(value: Any) -> float | None:
    """A non-negative amount, e.g. a cost."""
    if value is None:
        return None
    number = _finite_number(value)
    if number < 0:
        raise ValueError(f"{number:g} is negative")
    return number


def optional_count(value: Any) -> int | None:
    """A whole non-negative number, e.g. a reach."""
    if value is None:
        return None
    number = _finite_number(value)
    if not number.is_integer() or number < 0:
        raise ValueError(f"{number:g} is not a whole number of 0 or more")
    return int(number)


def optional_flag(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise ValueError(f"expected true or false, got {describe(value)}")


def optional_enum(kind: type[E]) -> Callable[[Any], E | None]:
    """A checker for one member of `kind`, given as the member or its stored word."""
    words = ", ".join(member.value for member in kind)

    def check(value: Any) -> E | None:
        if value is None or isinstance(value, kind):
            return value
        if isinstance(value, str):
            try:
                return kind(value)
            except ValueError:
                raise ValueError(f"'{_shorten(value)}' is not one of: {words}") from None
        raise ValueError(f"expected one of: {words}; got {describe(value)}")

    return check


def enum_member(kind: type[E]) -> Callable[[Any], E]:
    optional = optional_enum(kind)

    def check(value: Any) -> E:
        if value is None:
            raise ValueError(f"must be one of: {', '.join(m.value for m in kind)}")
        return optional(value)

    return check


def _unique_list(value: Any, check: Checker, what: str) -> tuple[Any, ...]:
    if not isinstance(value, list | tuple):
        raise ValueError(f"expected a list of {what}, got {describe(value)}")
    if len(value) > MAX_LIST_ITEMS:
        raise ValueError(f"{len(value):,} entries are more than {MAX_LIST_ITEMS:,}")
    result: list[Any] = []
    for index, item in enumerate(value):
        try:
            item = check(item)
        except ValueError as error:
            raise ValueError(f"entry {index + 1}: {error}") from None
        if item in result:
            shown = item.value if isinstance(item, Enum) else item
            raise ValueError(f"entry {index + 1}: '{_shorten(shown)}' appears twice")
        result.append(item)
    return tuple(result)


def text_list(value: Any) -> tuple[str, ...]:
    """A list of non-empty texts without repeats, in the user's order (tags, feedback sources)."""
    return _unique_list(value, name, "texts")


def id_list(value: Any) -> tuple[str, ...]:
    """A list of ids without repeats (the personas a touchpoint serves)."""
    return _unique_list(value, identifier, "ids")


def text_or_empty_list(value: Any) -> tuple[str, ...]:
    """A list of texts without repeats, where an empty text is an entry of its own (the owners
    a view shows: "" stands for "without owner")."""
    return _unique_list(value, text, "texts")


def enum_list(kind: type[E]) -> Callable[[Any], tuple[E, ...]]:
    """A checker for a list of members of `kind` without repeats, each given as the member
    or its stored word."""
    member = enum_member(kind)

    def check(value: Any) -> tuple[E, ...]:
        return _unique_list(value, member, "words")

    return check
