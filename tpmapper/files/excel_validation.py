"""Drop-downs and checks that keep a colleague's edits valid (see `excel_export` for the
whole book).

The vocabularies the drop-downs offer are columns of the hidden Lists sheet; phases and
lanes are offered from their own sheets, touchpoint names (for the Journey's From and To)
from the Touchpoints sheet. A word not in a list is refused, except a phase, lane,
channel or touchpoint name: the import creates those, so Excel only warns. Ratings take
whole numbers 1 to 5, shares 0 % to 100 %, amounts and counts 0 or more. Every check
covers its column down to Excel's last row, so rows added later are checked too.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from tpmapper.files.excel_columns import TOUCHPOINT_COLUMNS, Kind
from tpmapper.files.excel_styles import column_letter
from tpmapper.files.vocabulary_words import NO, YES, label, word_in
from tpmapper.model.vocabulary import Channel, Directness, LaneKind, Medium, Moment, Ownership

if TYPE_CHECKING:
    from tpmapper.files.excel_book import BookWriter

MAX_VALIDATED_ROW = 1_048_576  # Excel's last row: drop-downs cover rows added later too

_WORDS = {
    "choose": ("Choose from the list", "Bitte aus der Liste wählen"),
    "new_ok": (
        "Not in the list. Keep it to create a new one on import?",
        "Nicht in der Liste. Behalten, um beim Import neu anzulegen?",
    ),
    "whole_1_5": ("A whole number from 1 to 5", "Eine ganze Zahl von 1 bis 5"),
    "share": ("A share from 0 % to 100 %", "Ein Anteil von 0 % bis 100 %"),
    "not_negative": ("A number of 0 or more", "Eine Zahl ab 0"),
    "whole_not_negative": ("A whole number of 0 or more", "Eine ganze Zahl ab 0"),
}

# The vocabularies offered by drop-downs, one column each on the hidden Lists sheet.
LISTS: tuple[tuple[str, type[Enum] | None], ...] = (
    ("channel", Channel),
    ("ownership", Ownership),
    ("directness", Directness),
    ("medium", Medium),
    ("moment", Moment),
    ("kind", LaneKind),
    ("flag", None),
)


def write_lists(w: BookWriter) -> None:
    """The hidden Lists sheet; remembers each list's range in `w.list_ranges`."""
    sheet = w.sheets["lists"]
    sheet.sheet_state = "hidden"
    title = sheet.title
    columns: list[list[str]] = []
    for index, (key, kind) in enumerate(LISTS, 1):
        words = (
            [label(member, w.language) for member in kind]
            if kind is not None
            else [YES[w.language], NO[w.language]]
        )
        columns.append([key, *words])
        letter = column_letter(index)
        w.list_ranges[key] = f"'{title}'!${letter}$2:${letter}${len(words) + 1}"
    for row in range(max(len(c) for c in columns)):
        sheet.append([c[row] if row < len(c) else None for c in columns])


def validate(sheet: Any, column: int, **settings: Any) -> None:
    """A check on one column below its header; `settings` as DataValidation takes them."""
    from openpyxl.worksheet.datavalidation import DataValidation

    settings.setdefault("allow_blank", True)
    settings.setdefault("showErrorMessage", True)
    settings.setdefault("errorStyle", "stop")
    validation = DataValidation(**settings)
    letter = column_letter(column)
    validation.add(f"{letter}2:{letter}{MAX_VALIDATED_ROW}")
    sheet.data_validations.append(validation)


def list_validation(
    w: BookWriter, sheet: Any, column: int, source: str, new_ok: bool = False
) -> None:
    """A drop-down of the cells `source` names; `new_ok` only warns about other words."""
    validate(
        sheet,
        column,
        type="list",
        formula1=source,
        errorStyle="warning" if new_ok else "stop",
        error=word_in(_WORDS, "new_ok" if new_ok else "choose", w.language),
    )


def rating_validation(w: BookWriter, sheet: Any, column: int) -> None:
    _between(w, sheet, column, kind="whole", bounds=(1, 5), word="whole_1_5")


def share_validation(w: BookWriter, sheet: Any, column: int) -> None:
    _between(w, sheet, column, kind="decimal", bounds=(0, 1), word="share")


def _between(
    w: BookWriter, sheet: Any, column: int, *, kind: str, bounds: tuple[int, int], word: str
) -> None:
    low, high = bounds
    validate(
        sheet,
        column,
        type=kind,
        operator="between",
        formula1=str(low),
        formula2=str(high),
        error=word_in(_WORDS, word, w.language),
    )


def at_least_zero(w: BookWriter, sheet: Any, column: int, whole: bool) -> None:
    validate(
        sheet,
        column,
        type="whole" if whole else "decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        error=word_in(_WORDS, "whole_not_negative" if whole else "not_negative", w.language),
    )


def touchpoint_validations(w: BookWriter, sheet: Any) -> None:
    """Each column of the Touchpoints sheet checked by its kind."""
    phases_sheet = w.sheets["phases"].title
    lanes_sheet = w.sheets["lanes"].title
    lists = w.list_ranges
    for index, column in enumerate(TOUCHPOINT_COLUMNS, 1):
        kind = column.kind
        if kind is Kind.PHASE and len(w.journey.phases):
            last = len(w.journey.phases) + 1
            list_validation(w, sheet, index, f"'{phases_sheet}'!$B$2:$B${last}", True)
        elif kind is Kind.LANE and len(w.journey.lanes):
            last = len(w.journey.lanes) + 1
            list_validation(w, sheet, index, f"'{lanes_sheet}'!$B$2:$B${last}", True)
        elif kind is Kind.CHANNEL:
            list_validation(w, sheet, index, lists["channel"], new_ok=True)
        elif kind is Kind.ENUM:
            list_validation(w, sheet, index, lists[column.key])
        elif kind is Kind.FLAG:
            list_validation(w, sheet, index, lists["flag"])
        elif kind is Kind.RATING:
            rating_validation(w, sheet, index)
        elif kind is Kind.SHARE:
            share_validation(w, sheet, index)
        elif kind is Kind.AMOUNT:
            at_least_zero(w, sheet, index, whole=False)
        elif kind is Kind.COUNT:
            at_least_zero(w, sheet, index, whole=True)


def journey_validations(w: BookWriter, sheet: Any) -> None:
    """From and To offer the touchpoints' names (a new name only warns); Share 0–100 %."""
    if w.touchpoints:
        title, last = w.sheets["touchpoints"].title, len(w.touchpoints) + 1
        names_range = f"'{title}'!$A$2:$A${last}"
        list_validation(w, sheet, 1, names_range, new_ok=True)
        list_validation(w, sheet, 2, names_range, new_ok=True)
    share_validation(w, sheet, 4)
