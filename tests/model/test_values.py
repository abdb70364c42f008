"""Field checkers: what they accept, how they normalise, and what they refuse."""

from __future__ import annotations

import datetime
import math
import re

import pytest

from tpmapper.model import values
from tpmapper.model.vocabulary import Channel, LaneKind


@pytest.mark.parametrize(("raw", "expected"), [(1, 1), (5, 5), (3.0, 3), (None, None)])
def test_rating_accepts_whole_numbers_in_range(raw, expected):
    result = values.optional_rating(raw)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (9, "outside 1–5"),
        (0, "outside 1–5"),
        (-1, "outside 1–5"),
        (2.5, "not a whole number"),
        (True, "true/false"),
        (False, "true/false"),
        ("3", "got text"),
        (math.nan, "not a whole number"),
        (math.inf, "not a whole number"),
    ],
)
def test_rating_refuses(raw, reason):
    with pytest.raises(ValueError, match=reason):
        values.optional_rating(raw)


def test_share_bounds():
    assert values.optional_share(0) == 0.0
    assert values.optional_share(1) == 1.0
    assert values.optional_share(0.25) == 0.25
    assert values.optional_share(None) is None
    for bad, reason in [
        (1.5, "outside 0–1"),
        (-0.01, "outside 0–1"),
        (math.nan, "not a finite number"),
        (math.inf, "not a finite number"),
        (-math.inf, "not a finite number"),
        (True, "expected a number"),
        ("0.5", "expected a number"),
    ]:
        with pytest.raises(ValueError, match=reason):
            values.optional_share(bad)


def test_amount_count_and_number():
    assert values.optional_amount(0) == 0.0
    assert values.optional_amount(12.5) == 12.5
    with pytest.raises(ValueError, match="negative"):
        values.optional_amount(-0.5)
    with pytest.raises(ValueError, match="finite"):
        values.optional_amount(math.inf)
    assert values.optional_count(7.0) == 7
    assert type(values.optional_count(7.0)) is int
    for bad, reason in [(-1, "whole number of 0 or more"), (2.5, "whole"), (math.nan, "finite")]:
        with pytest.raises(ValueError, match=reason):
            values.optional_count(bad)
    assert values.optional_number(-3.5) == -3.5
    with pytest.raises(ValueError, match="finite"):
        values.optional_number(math.nan)


def test_flag():
    assert values.optional_flag(True) is True
    assert values.optional_flag(None) is None
    with pytest.raises(ValueError, match="true or false"):
        values.optional_flag(1)


def test_text_limits_and_control_characters():
    assert values.text("tab\tand\nnewline\r") == "tab\tand\nnewline\r"
    longest = "x" * values.MAX_TEXT
    assert values.text(longest) is longest
    with pytest.raises(ValueError, match="longer than 32,767"):
        values.text("x" * (values.MAX_TEXT + 1))
    for control in ("\x00", "\x07", "\x1b", "\x1f"):
        with pytest.raises(ValueError, match=f"U\\+{ord(control):04X}"):
            values.text(f"a{control}b")
    with pytest.raises(ValueError, match="expected text"):
        values.text(None)


@pytest.mark.parametrize("bad", ["", "   ", "\n\t"])
def test_name_must_say_something(bad):
    with pytest.raises(ValueError, match="must not be empty"):
        values.name(bad)


def test_identifier():
    assert values.identifier("a-b_c.d:e9") == "a-b_c.d:e9"
    assert values.identifier("x" * values.MAX_ID_LENGTH) == "x" * values.MAX_ID_LENGTH
    for bad in ("", "-lead", "with space", "ümlaut", "x" * (values.MAX_ID_LENGTH + 1), "a\n", 5):
        with pytest.raises(ValueError, match="id"):
            values.identifier(bad)


def test_colour_normalised_to_lower_case():
    assert values.colour("#AbCdEf") == "#abcdef"
    for bad in ("#abc", "abcdef", "#abcdeg", "#abcdef0", "red", None):
        with pytest.raises(ValueError, match="not a colour"):
            values.colour(bad)


def test_lists_keep_order_and_refuse_repeats():
    assert values.text_list(["b", "a"]) == ("b", "a")
    assert values.id_list(("p1", "p2")) == ("p1", "p2")
    with pytest.raises(ValueError, match="entry 2: 'a' appears twice"):
        values.text_list(["a", "a"])
    with pytest.raises(ValueError, match="entry 1: must not be empty"):
        values.text_list([""])
    with pytest.raises(ValueError, match="expected a list"):
        values.text_list("a")
    with pytest.raises(ValueError, match="more than"):
        values.text_list([str(i) for i in range(values.MAX_LIST_ITEMS + 1)])


def test_enums():
    check = values.optional_enum(Channel)
    assert check("email") is Channel.EMAIL
    assert check(Channel.PHONE) is Channel.PHONE
    assert check(None) is None
    with pytest.raises(ValueError, match="'carrier pigeon' is not one of"):
        check("carrier pigeon")
    with pytest.raises(ValueError, match="expected one of"):
        check(3)
    required = values.enum_member(LaneKind)
    assert required("actor") is LaneKind.ACTOR
    with pytest.raises(ValueError, match="must be one of"):
        required(None)


@pytest.mark.parametrize(
    ("raw", "word"),
    [(None, "null"), (True, "true/false"), (1.5, "a number"), ([], "a list"), ({}, "an object")],
)
def test_describe(raw, word):
    assert values.describe(raw) == word


# Characters XML 1.0 excludes (an .xlsx workbook and an SVG are XML), with a reason each.
UNSAVABLE = [
    ("\ud800", "text contains a lone surrogate U+D800, which files cannot hold"),
    ("\udcff", "lone surrogate U+DCFF"),  # what surrogateescape makes of the byte 0xFF
    ("\udfff", "lone surrogate U+DFFF"),
    ("\ufffe", "text contains U+FFFE, which files cannot hold"),
    ("\uffff", "U+FFFF, which files cannot hold"),
    ("\x01", "the control character U+0001"),
    ("\x0b", "the control character U+000B"),
]


@pytest.mark.parametrize(("char", "reason"), UNSAVABLE, ids=[hex(ord(c)) for c, _ in UNSAVABLE])
def test_text_refuses_what_xml_cannot_hold(char, reason):
    for where in (char, f"a{char}", f"{char}b", f"long {'x' * 1000}{char} text"):
        with pytest.raises(ValueError, match=re.escape(reason)):
            values.text(where)
        with pytest.raises(ValueError, match=re.escape(reason)):
            values.name(where)
        with pytest.raises(ValueError, match=re.escape("entry 2: text contains ")):
            values.text_list(["fine", where])
    for checker in (values.identifier, values.colour, values.optional_enum(Channel)):
        with pytest.raises(ValueError, match="not") as caught:
            checker(f"a{char}")
        assert str(caught.value).isprintable(), caught.value  # the bad value quoted escaped


def test_text_keeps_every_character_xml_can_hold():
    edges = "\t\n\r \x7f\x85\xa0\u2028\u202e\ud7ff\ue000\ufdd0\ufffd\U00010000\U0001fffe\U0010ffff"
    assert values.text(edges) == edges
    assert values.name("🚀 Ümlaut 中文 \u200b") == "🚀 Ümlaut 中文 \u200b"


def test_a_quoted_value_cannot_break_or_reverse_the_message():
    with pytest.raises(ValueError, match="appears twice") as caught:
        values.text_list(["line\nbreak \u202eevil", "line\nbreak \u202eevil"])
    assert str(caught.value) == "entry 2: 'line\\nbreak \\u202eevil' appears twice"


@pytest.mark.parametrize(
    ("raw", "word"),
    [
        (datetime.datetime(2026, 5, 9, 8, 30), "a date and time"),
        (datetime.date(2026, 5, 9), "a date"),
        (datetime.time(8, 30), "a time of day"),
        (datetime.timedelta(hours=2), "a duration"),
        (b"\x00", "binary data"),
        (object(), "a value of an unknown kind"),
    ],
)
def test_describe_names_dates_and_times_in_user_words(raw, word):
    assert values.describe(raw) == word
    with pytest.raises(ValueError, match=f"expected text, got {word}$"):
        values.text(raw)
