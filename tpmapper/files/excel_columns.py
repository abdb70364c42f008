"""The columns of the exchange tables, shared by the Excel and CSV exporters and the importer.

Every Touchpoint field has a column here: its English and German header, the other
headers a person may type for it (matched ignoring case, spaces, punctuation and a
trailing "(…)"), its kind, and how a value becomes a cell and a cell a value.

Vocabulary words are written as labels in the workbook's language (see
`vocabulary_words`); how a cell's value is read and written is in `excel_cells`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from tpmapper.files.excel_cells import (
    cell_to_channel,
    cell_to_flag,
    cell_to_list,
    cell_to_member,
    cell_to_number,
    cell_to_text,
    cell_to_whole,
    join_list,
)
from tpmapper.files.vocabulary_words import NO, YES, header_key, label
from tpmapper.model.vocabulary import Channel, Directness, LaneKind, Medium, Moment, Ownership

if TYPE_CHECKING:
    from tpmapper.model.elements import Touchpoint
    from tpmapper.model.journey import JourneyMap

Writer = Callable[["Touchpoint"], Any]
Reader = Callable[[Any], Any]


class Kind(Enum):
    """What a column holds, which decides how a cell is written and read."""

    ID = "id"  # an element id (hidden)
    IDS = "ids"  # ids joined with "; " (hidden)
    TEXT = "text"
    NAME = "name"  # text that must not be empty
    PHASE = "phase"  # a phase by name
    LANE = "lane"  # a lane by name
    PERSONAS = "personas"  # persona names joined with "; "
    ENUM = "enum"  # one word of a closed vocabulary
    CHANNEL = "channel"  # like ENUM, but an unknown channel is kept as channel detail
    FLAG = "flag"  # yes / no
    RATING = "rating"  # whole number 1–5
    SHARE = "share"  # fraction 0–1, shown as a percentage
    NUMBER = "number"  # any finite number
    AMOUNT = "amount"  # a number of 0 or more
    COUNT = "count"  # a whole number of 0 or more
    LIST = "list"  # texts joined with "; "
    COLOUR = "colour"  # #rrggbb


@dataclass(frozen=True)
class Column:
    """One column of an exchange table."""

    key: str  # the model's field name, or a name of our own ("phase_id")
    english: str
    german: str
    kind: Kind
    aliases: tuple[str, ...] = ()
    vocabulary: type[Enum] | None = None
    width: float = 16.0
    hidden: bool = False

    def header(self, language: str = "en") -> str:
        return self.german if language == "de" else self.english

    def header_keys(self) -> set[str]:
        """Every normalised header under which this column is recognised."""
        return {header_key(h) for h in (self.english, self.german, *self.aliases)}


# ---------------------------------------------------------------------- the tables

_C = Column

TOUCHPOINT_COLUMNS: tuple[Column, ...] = (
    _C(
        "name",
        "Name",
        "Name",
        Kind.NAME,
        ("Touchpoint", "Kontaktpunkt", "Kundenkontaktpunkt", "Berührungspunkt", "Title", "Titel"),
        width=32,
    ),
    _C("phase", "Phase", "Phase", Kind.PHASE, ("Stage", "Journey phase", "Stufe"), width=18),
    _C(
        "lane",
        "Lane",
        "Swimlane",
        Kind.LANE,
        ("Swim lane", "Row", "Bahn", "Zeile", "Ebene", "Lane name"),
        width=18,
    ),
    _C("description", "Description", "Beschreibung", Kind.TEXT, ("Details",), width=40),
    _C("channel", "Channel", "Kanal", Kind.CHANNEL, ("Kontaktkanal",), Channel, width=20),
    _C(
        "channel_detail",
        "Channel detail",
        "Kanaldetail",
        Kind.TEXT,
        ("Channel details", "Kanaldetails", "Kanal-Detail", "Kanal Detail"),
        width=20,
    ),
    _C(
        "ownership",
        "Owned/paid/earned",
        "Owned/Paid/Earned",
        Kind.ENUM,
        ("Ownership", "Medienart", "Medientyp", "OPE"),
        Ownership,
        width=18,
    ),
    _C(
        "directness",
        "Direct/indirect",
        "Direkt/indirekt",
        Kind.ENUM,
        ("Directness", "Direktheit", "Direkt oder indirekt"),
        Directness,
        width=15,
    ),
    _C(
        "influenceable",
        "Influenceable",
        "Beeinflussbar",
        Kind.FLAG,
        ("Controllable", "Steuerbar"),
        width=14,
    ),
    _C(
        "medium",
        "Digital/analog",
        "Digital/analog",
        Kind.ENUM,
        ("Medium", "Online/offline", "Digital oder analog"),
        Medium,
        width=14,
    ),
    _C(
        "owner",
        "Owner",
        "Verantwortliche(r)",
        Kind.TEXT,
        (
            "Responsible",
            "Verantwortlich",
            "Verantwortliche",
            "Verantwortlicher",
            "Verantwortung",
            "Zuständig",
            "Zuständigkeit",
            "Team",
        ),
        width=20,
    ),
    _C(
        "customer_rating",
        "Customer rating",
        "Kundensicht",
        Kind.RATING,
        (
            "Rating",
            "Bewertung",
            "Kundenbewertung",
            "Bewertung Kunde",
            "Bewertung Kunden",
            "Outside-in",
        ),
        width=11,
    ),
    _C(
        "company_rating",
        "Company rating",
        "Unternehmenssicht",
        Kind.RATING,
        (
            "Internal rating",
            "Own rating",
            "Unternehmensbewertung",
            "Bewertung Unternehmen",
            "Eigenbewertung",
            "Inside-out",
        ),
        width=11,
    ),
    _C(
        "importance",
        "Importance",
        "Wichtigkeit",
        Kind.RATING,
        ("Priority", "Relevance", "Bedeutung", "Priorität", "Relevanz"),
        width=11,
    ),
    _C(
        "moment",
        "Moment",
        "Moment",
        Kind.ENUM,
        ("Pain point / positive", "Pain or positive", "Schwachstelle / positiver Moment"),
        Moment,
        width=16,
    ),
    _C(
        "moment_reason",
        "Moment reason",
        "Begründung",
        Kind.TEXT,
        ("Why", "Reason", "Warum", "Grund", "Begründung Moment"),
        width=30,
    ),
    _C(
        "conversion_rate",
        "Conversion rate",
        "Konversionsrate",
        Kind.SHARE,
        ("Conversion", "Konversion", "Conversion-Rate", "Konversionsquote"),
        width=12,
    ),
    _C(
        "satisfaction",
        "Satisfaction",
        "Zufriedenheit",
        Kind.SHARE,
        ("Customer satisfaction", "CSAT", "Kundenzufriedenheit"),
        width=12,
    ),
    _C("roi", "ROI", "ROI", Kind.NUMBER, ("Return on investment",), width=9),
    _C("cost", "Cost", "Kosten", Kind.AMOUNT, ("Costs", "Budget"), width=12),
    _C("reach", "Reach", "Reichweite", Kind.COUNT, ("Kontakte",), width=12),
    _C(
        "feedback_sources",
        "Feedback sources",
        "Feedbackquellen",
        Kind.LIST,
        ("Feedback", "Feedback source", "Feedback-Quellen", "Feedbackquelle"),
        width=24,
    ),
    _C(
        "improvement_idea",
        "Improvement idea",
        "Verbesserungsidee",
        Kind.TEXT,
        ("Idea", "Improvement", "Hypothesis", "Idee", "Verbesserung", "Hypothese"),
        width=30,
    ),
    _C(
        "personas",
        "Personas",
        "Personas",
        Kind.PERSONAS,
        ("Persona", "Target group", "Target groups", "Zielgruppe", "Zielgruppen"),
        width=22,
    ),
    _C("tags", "Tags", "Tags", Kind.LIST, ("Tag", "Labels", "Schlagwörter", "Stichwörter")),
    _C("notes", "Notes", "Notizen", Kind.TEXT, ("Note", "Comments", "Notiz", "Anmerkungen")),
    _C("id", "ID", "ID", Kind.ID, ("Touchpoint ID",), width=12, hidden=True),
    _C("phase_id", "Phase ID", "Phasen-ID", Kind.ID, (), width=12, hidden=True),
    _C("lane_id", "Lane ID", "Swimlane-ID", Kind.ID, (), width=12, hidden=True),
    _C("persona_ids", "Persona IDs", "Persona-IDs", Kind.IDS, (), width=12, hidden=True),
)

# Columns a typed sheet may have that our exports don't write: a yes/no column for one moment.
PAIN_POINT_FLAG = Column(
    "pain_point", "Pain point", "Schwachstelle", Kind.FLAG, ("Schmerzpunkt", "Pain")
)
POSITIVE_FLAG = Column(
    "positive_moment", "Positive moment", "Positiver Moment", Kind.FLAG, ("Positiv", "Highlight")
)
IMPORT_ONLY_COLUMNS = (PAIN_POINT_FLAG, POSITIVE_FLAG)

_EXPORTED_NAME = ("Exported name", "Exportierter Name")

PHASE_COLUMNS: tuple[Column, ...] = (
    _C("id", "ID", "ID", Kind.ID, width=14),
    _C("name", "Name", "Name", Kind.NAME, ("Phase",), width=26),
    _C("colour", "Colour", "Farbe", Kind.COLOUR, ("Color",), width=12),
    _C("description", "Description", "Beschreibung", Kind.TEXT, width=60),
    _C("exported_name", *_EXPORTED_NAME, Kind.TEXT, width=20, hidden=True),
)
LANE_COLUMNS: tuple[Column, ...] = (
    _C("id", "ID", "ID", Kind.ID, width=14),
    _C("name", "Name", "Name", Kind.NAME, ("Lane", "Swimlane"), width=26),
    _C("kind", "Kind", "Art", Kind.ENUM, ("Type", "Typ"), LaneKind, width=20),
    _C("description", "Description", "Beschreibung", Kind.TEXT, width=60),
    _C("exported_name", *_EXPORTED_NAME, Kind.TEXT, width=20, hidden=True),
)
PERSONA_COLUMNS: tuple[Column, ...] = (
    _C("id", "ID", "ID", Kind.ID, width=14),
    _C("name", "Name", "Name", Kind.NAME, ("Persona",), width=26),
    _C("description", "Description", "Beschreibung", Kind.TEXT, width=60),
    _C("exported_name", *_EXPORTED_NAME, Kind.TEXT, width=20, hidden=True),
)
LINK_COLUMNS: tuple[Column, ...] = (
    _C("source_name", "From", "Von", Kind.TEXT, ("Source",), width=32),
    _C("target_name", "To", "Nach", Kind.TEXT, ("Target", "Zu"), width=32),
    _C("label", "Label", "Beschriftung", Kind.TEXT, ("Step", "Schritt"), width=24),
    _C("share", "Share", "Anteil", Kind.SHARE, ("Share of customers", "Kundenanteil"), width=10),
    _C("source", "From ID", "Von-ID", Kind.ID, ("Source ID",), width=12, hidden=True),
    _C("target", "To ID", "Nach-ID", Kind.ID, ("Target ID",), width=12, hidden=True),
)

# The sheets of our workbook: key → (English name, German name).
SHEETS: dict[str, tuple[str, str]] = {
    "map": ("Map", "Karte"),
    "touchpoints": ("Touchpoints", "Touchpoints"),
    "journey": ("Journey", "Journey"),
    "phases": ("Phases", "Phasen"),
    "lanes": ("Lanes", "Swimlanes"),
    "personas": ("Personas", "Personas"),
    "summary": ("Summary", "Übersicht"),
    "findings": ("Findings", "Befunde"),
    "about": ("About", "Info"),
    "lists": ("Lists", "Listen"),
}

# The key/value rows of the About sheet that import reads.
ABOUT_KEYS: dict[str, tuple[str, str]] = {
    "title": ("Title", "Titel"),
    "description": ("Description", "Beschreibung"),
}


def sheet_name(key: str, language: str = "en") -> str:
    english, german = SHEETS[key]
    return german if language == "de" else english


def sheet_key(title: str) -> str | None:
    """Which of our sheets a sheet title names (either language), if any."""
    wanted = title.strip().casefold()
    for key, names in SHEETS.items():
        if wanted in (name.casefold() for name in names):
            return key
    return None


def find_columns(
    header: Sequence[Any], columns: Iterable[Column]
) -> tuple[dict[str, int], list[int], list[tuple[int, str]]]:
    """Match a header row against `columns`.

    Returns the index of each recognised column by key, the indices of headers no column
    claims, and (index, key) of headers that name a column a second time.
    """
    by_key: dict[str, Column] = {}
    for column in columns:
        for key in column.header_keys():
            by_key.setdefault(key, column)
    found: dict[str, int] = {}
    unknown: list[int] = []
    repeated: list[tuple[int, str]] = []
    for index, cell in enumerate(header):
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        column = by_key.get(header_key(str(cell)))
        if column is None:
            unknown.append(index)
        elif column.key in found:
            repeated.append((index, column.key))
        else:
            found[column.key] = index
    return found, unknown, repeated


# ---------------------------------------------------------------------- whole columns

_OWN_KEYS = {"phase_id": "phase", "lane_id": "lane", "persona_ids": "personas"}


def _getter(key: str) -> Callable[[Touchpoint], Any]:
    """Reads the field behind a column (the hidden ID columns have keys of their own)."""
    return attrgetter(_OWN_KEYS.get(key, key))


def touchpoint_writers(journey: JourneyMap, language: str = "en") -> list[Writer]:
    """For each of `TOUCHPOINT_COLUMNS`, how a touchpoint of `journey` gives its cell:
    text ("" for an empty cell), a number, or None. Phases, lanes and personas by name."""
    phase_names = {p.id: p.name for p in journey.phases}
    lane_names = {lane.id: lane.name for lane in journey.lanes}
    persona_names = {p.id: p.name for p in journey.personas}
    language = "de" if language == "de" else "en"
    flags = {None: None, True: YES[language], False: NO[language]}
    writers: list[Writer] = []
    for column in TOUCHPOINT_COLUMNS:
        kind, getter = column.kind, _getter(column.key)
        if kind is Kind.PHASE:
            writers.append(lambda tp: phase_names[tp.phase])
        elif kind is Kind.LANE:
            writers.append(lambda tp: lane_names[tp.lane])
        elif kind is Kind.PERSONAS:
            writers.append(lambda tp: join_list(persona_names[p] for p in tp.personas))
        elif kind in (Kind.ENUM, Kind.CHANNEL):
            assert column.vocabulary is not None
            words = {m: label(m, language) for m in column.vocabulary} | {None: None}
            writers.append(lambda tp, g=getter, w=words: w[g(tp)])
        elif kind is Kind.FLAG:
            writers.append(lambda tp, g=getter: flags[g(tp)])
        elif kind is Kind.LIST:
            writers.append(lambda tp, g=getter: join_list(g(tp)))
        elif kind is Kind.IDS:
            writers.append(lambda tp: "; ".join(tp.personas))
        else:  # text, names, numbers and ids are written as they are
            writers.append(getter)
    return writers


def cell_reader(column: Column, trim: bool) -> Reader:
    """How a cell of `column` becomes the value its field takes (before the model's checks,
    which the element's constructor runs). Raises ValueError with a reason for a user.
    `trim`: a sheet typed by a person (spaces trimmed, lists split loosely)."""
    kind = column.kind
    if kind in (Kind.TEXT, Kind.NAME, Kind.PHASE, Kind.LANE, Kind.COLOUR):
        return lambda v: cell_to_text(v, trim)
    if kind is Kind.ENUM:
        vocabulary = column.vocabulary
        assert vocabulary is not None
        return lambda v: cell_to_member(vocabulary, v)
    if kind is Kind.CHANNEL:
        return cell_to_channel
    if kind is Kind.FLAG:
        return cell_to_flag
    if kind in (Kind.RATING, Kind.COUNT):
        return cell_to_whole
    if kind in (Kind.SHARE, Kind.NUMBER, Kind.AMOUNT):
        return cell_to_number
    if kind in (Kind.LIST, Kind.PERSONAS):
        return lambda v: cell_to_list(v, loose=trim)
    if kind is Kind.ID:
        return lambda v: cell_to_text(v, trim=True)
    if kind is Kind.IDS:
        return lambda v: cell_to_list(v, loose=False)
    raise AssertionError(kind)  # pragma: no cover - every kind is handled above
