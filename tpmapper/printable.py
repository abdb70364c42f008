"""Text from outside (file and sheet names, values) made safe to show in a one-line message.

A name may hold a newline, a control character, a right-to-left override or a lone
surrogate; shown as it is, such a name breaks the one-line message or spoofs what it says.
`printable` escapes exactly those characters and leaves every other character (umlauts,
CJK, emoji) as it is. No Qt, no other tpmapper import: every layer may use it.
"""

from __future__ import annotations

import unicodedata
from os import PathLike

#: Characters that reorder or hide text (bidi controls, zero-width marks, separators).
_INVISIBLE = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)


def _needs_escape(char: str) -> bool:
    if char in _INVISIBLE:
        return True
    category = unicodedata.category(char)
    return category in {"Cc", "Cs", "Co", "Cn", "Zl", "Zp"}


def printable(text: str | PathLike[str]) -> str:
    """`text` with control, bidi, invisible and surrogate characters written as escapes."""
    text = str(text)
    if text.isprintable() and not any(c in _INVISIBLE for c in text):
        return text
    return "".join(
        c.encode("unicode_escape").decode("ascii") if _needs_escape(c) else c for c in text
    )
