"""Field checkers: what they accept, how they normalise, and what they refuse."""

from __future__ import annotations

import math

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
