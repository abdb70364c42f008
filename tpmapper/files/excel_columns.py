"""The columns of the exchange tables, shared by the Excel and CSV exporters and the importer.

Every Touchpoint field has a column here: its English and German header, the other
headers a person may type for it (matched ignoring case, spaces, punctuation and a
trailing "(…)"), its kind, and how a value becomes a cell and a cell a value.

Vocabulary words are written as labels in the workbook's language; reading accepts the
stored word ("online_shop"), the English label ("Online shop") and the German label
("Onlineshop"), plus a few synonyms. The German labels match the app's translation
(resources/translations/tpmapper_de.ts); they are kept here so the files layer needs no Qt.

Lists are joined with "; ". An entry that holds ";", starts with a quote or has spaces
at either end is quoted like in CSV ("a; b" becomes "\"a; b\""), so every list survives a
round trip. Cell text follows Excel's escaping: "_x000D_" stands for a carriage return,
"_x005F_" protects a literal "_xHHHH_" (Excel writes and reads the same). Reading decodes
only the escapes spreadsheets write (CR, tab, line feed, "_x005F_", control characters,
which are dropped): openpyxl has already undone "_x005F_" in shared strings, so a literal
"_x0041_" must stay as it is.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from tpmapper.model import values
from tpmapper.model.vocabulary import Channel, Directness, LaneKind, Medium, Moment, Ownership

if TYPE_CHECKING:
    from tpmapper.model.elements import Touchpoint
    from tpmapper.model.journey import JourneyMap

Writer = Callable[["Touchpoint"], Any]
Reader = Callable[[Any], Any]

EXCEL_MAX_TEXT = 32_767  # characters in one cell


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


# ---------------------------------------------------------------------- labels

LABELS: dict[Enum, tuple[str, str]] = {
    Channel.WEBSITE: ("Website", "Website"),
    Channel.ONLINE_SHOP: ("Online shop", "Onlineshop"),
    Channel.SEARCH_ENGINE: ("Search engine", "Suchmaschine"),
    Channel.DISPLAY_AD: ("Display ad", "Display-Anzeige"),
    Channel.NATIVE_AD: ("Native ad", "Native Ad"),
    Channel.PAID_SEARCH: ("Paid search", "Suchmaschinenwerbung (SEA)"),
    Channel.SOCIAL_AD: ("Social media ad", "Social-Media-Anzeige"),
    Channel.SOCIAL_MEDIA: ("Social media", "Social Media"),
    Channel.REVIEW_PORTAL: ("Review portal", "Bewertungsportal"),
    Channel.WORD_OF_MOUTH: ("Word of mouth", "Mundpropaganda"),
    Channel.INFLUENCER: ("Influencer", "Influencer"),
    Channel.EMAIL: ("E-mail", "E-Mail"),
    Channel.NEWSLETTER: ("Newsletter", "Newsletter"),
    Channel.PHONE: ("Phone", "Telefon"),
    Channel.CHAT: ("Chat", "Chat"),
    Channel.CHATBOT: ("Chatbot", "Chatbot"),
    Channel.AI_ASSISTANT: ("AI assistant / AI search", "KI-Assistent / KI-Suche"),
    Channel.STORE: ("Physical store", "Ladengeschäft"),
    Channel.SALES_TALK: ("Sales talk", "Verkaufsgespräch"),
    Channel.EVENT: ("Event", "Event"),
    Channel.PRINT: ("Print", "Print"),
    Channel.POSTAL: ("Letter / parcel", "Brief / Paket"),
    Channel.TV_RADIO: ("TV / radio", "TV / Radio"),
    Channel.APP: ("App", "App"),
    Channel.SMS: ("SMS", "SMS"),
    Channel.OTHER: ("Other", "Sonstige"),
    Ownership.OWNED: ("Owned", "Owned (eigene Medien)"),
    Ownership.PAID: ("Paid", "Paid (bezahlte Medien)"),
    Ownership.EARNED: ("Earned", "Earned (verdiente Medien)"),
    Directness.DIRECT: ("Direct", "Direkt"),
    Directness.INDIRECT: ("Indirect", "Indirekt"),
    Medium.DIGITAL: ("Digital", "Digital"),
    Medium.ANALOG: ("Analog", "Analog"),
    Moment.PAIN_POINT: ("Pain point", "Schwachstelle"),
    Moment.POSITIVE: ("Positive moment", "Positiver Moment"),
    LaneKind.CHANNEL_GROUP: ("Channel group", "Kanalgruppe"),
    LaneKind.ACTOR: ("Actor", "Akteur"),
    LaneKind.TOUCHPOINT_CLASS: ("Touchpoint class", "Touchpoint-Kategorie"),
    LaneKind.BLUEPRINT_LAYER: ("Blueprint layer", "Blueprint-Ebene"),
    LaneKind.OTHER: ("Other", "Sonstige"),
}

# Other words people use for a member (either language); matched like headers.
SYNONYMS: dict[Enum, tuple[str, ...]] = {
    Channel.WEBSITE: ("Webseite", "Homepage", "Web"),
    Channel.ONLINE_SHOP: ("Shop", "Webshop", "E-Shop", "Online-Shop"),
    Channel.SEARCH_ENGINE: ("Search", "Google", "SEO", "Suche"),
    Channel.DISPLAY_AD: ("Banner", "Bannerwerbung", "Display"),
    Channel.PAID_SEARCH: ("SEA", "Search ad", "Suchanzeige"),
    Channel.SOCIAL_AD: ("Social ad", "Social-Media-Werbung"),
    Channel.SOCIAL_MEDIA: ("Soziale Medien", "Social"),
    Channel.REVIEW_PORTAL: ("Reviews", "Bewertungen", "Vergleichsportal"),
    Channel.WORD_OF_MOUTH: ("Mund-zu-Mund-Propaganda", "Empfehlung", "Weiterempfehlung"),
    Channel.EMAIL: ("Email", "Mail"),
    Channel.PHONE: ("Telephone", "Hotline", "Anruf"),
    Channel.AI_ASSISTANT: ("AI assistant", "AI search", "KI-Assistent", "KI-Suche", "ChatGPT"),
    Channel.STORE: ("Store", "Shop floor", "Laden", "Geschäft", "Filiale"),
    Channel.SALES_TALK: ("Sales conversation", "Beratung", "Beratungsgespräch"),
    Channel.EVENT: ("Veranstaltung", "Messe"),
    Channel.PRINT: ("Printwerbung", "Flyer", "Broschüre"),
    Channel.POSTAL: ("Letter", "Parcel", "Post", "Brief", "Paket", "Mailing"),
    Channel.TV_RADIO: ("TV", "Radio", "Fernsehen"),
    Channel.APP: ("Mobile app", "Smartphone-App"),
    Channel.OTHER: ("Andere", "Sonstiges"),
    Ownership.OWNED: ("Eigen", "Eigene Medien"),
    Ownership.PAID: ("Bezahlt", "Bezahlte Medien"),
    Ownership.EARNED: ("Verdient", "Verdiente Medien"),
    Medium.DIGITAL: ("Online",),
    Medium.ANALOG: ("Offline", "Analogue"),
    Moment.PAIN_POINT: ("Pain", "Schmerzpunkt", "Negativ", "Negative"),
    Moment.POSITIVE: ("Positiv", "Positive", "Highlight"),
    LaneKind.TOUCHPOINT_CLASS: ("Touchpoint-Klasse",),
    LaneKind.BLUEPRINT_LAYER: ("Blueprint-Schicht", "Layer", "Ebene"),
}

YES = {"en": "yes", "de": "ja"}
NO = {"en": "no", "de": "nein"}
_YES_WORDS = frozenset({"yes", "y", "ja", "j", "true", "wahr", "x", "1", "✓", "✔"})
_NO_WORDS = frozenset({"no", "n", "nein", "false", "falsch", "0", "-"})


def label(member: Enum, language: str = "en") -> str:
    """The word a workbook shows for a vocabulary member."""
    english, german = LABELS[member]
    return german if language == "de" else english


_PARENTHESIS = re.compile(r"\([^)]*\)")


def header_key(text: str) -> str:
    """A header reduced to what identifies it: "Customer rating (1–5)" → "customerrating"."""
    text = _PARENTHESIS.sub("", text).casefold()
    return "".join(char for char in text if char.isalnum())


def _full_key(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())


def _members_by_key(kind: type[Enum]) -> dict[str, Enum]:
    found: dict[str, Enum] = {}
    for member in kind:
        words = (member.value, *LABELS[member], *SYNONYMS.get(member, ()))
        for word in words:
            for key in (header_key(word), _full_key(word)):
                if key:
                    found.setdefault(key, member)
    return found


_MEMBERS = {
    kind: _members_by_key(kind)
    for kind in (Channel, Ownership, Directness, Medium, Moment, LaneKind)
}


_EXACT: dict[type[Enum], dict[str, Enum]] = {kind: {} for kind in _MEMBERS}


def parse_member(kind: type[Enum], text: str) -> Enum | None:
    """The member of `kind` that `text` names, or None when it names none."""
    exact = _EXACT[kind]
    member = exact.get(text)
    if member is None:
        table = _MEMBERS[kind]
        member = table.get(_full_key(text)) or table.get(header_key(text))
        if member is not None and len(exact) < 1_000:  # a sheet repeats a few words often
            exact[text] = member
    return member


# ---------------------------------------------------------------------- cell text

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TO_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_|\r")
_ESCAPED = re.compile(r"_x(005[Ff]|00[01][0-9A-Fa-f])_")


def _escape_match(match: re.Match[str]) -> str:
    return "_x000D_" if match.group() == "\r" else "_x005F" + match.group()


def excel_escape(text: str) -> str:
    """Text as an xlsx cell stores it: control characters dropped, CR and "_xHHHH_" escaped."""
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    if "\r" in text or "_x" in text:
        text = _TO_ESCAPE.sub(_escape_match, text)
    return text


def _unescape_match(match: re.Match[str]) -> str:
    return chr(int(match.group(1), 16))  # "_" or a control character (tab, CR, LF kept)


def clean_text(text: str) -> str:
    """Cell text as the model holds it: Excel's escapes undone, control characters dropped."""
    if "_x" in text:
        text = _ESCAPED.sub(_unescape_match, text)
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    return text


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
    if isinstance(value, str):
        return f"'{value if len(value) <= 40 else value[:39] + '…'}'"
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


# ---------------------------------------------------------------------- writing cells


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
        "Verantwortlich",
        Kind.TEXT,
        (
            "Responsible",
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
        "Kundenbewertung",
        Kind.RATING,
        ("Rating", "Bewertung", "Bewertung Kunde", "Bewertung Kunden", "Outside-in"),
        width=11,
    ),
    _C(
        "company_rating",
        "Company rating",
        "Unternehmensbewertung",
        Kind.RATING,
        (
            "Internal rating",
            "Own rating",
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
    _C("source", "From ID", "Von-ID", Kind.ID, ("Source ID",), width=12),
    _C("target", "To ID", "Nach-ID", Kind.ID, ("Target ID",), width=12),
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
