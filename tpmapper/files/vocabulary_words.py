"""English and German words for every closed vocabulary value, and how a word in a cell
finds its member again."""

# Workbooks show labels in their language; reading accepts the stored word ("online_shop"),
# the English label ("Online shop") and the German label ("Onlineshop"), plus a few
# synonyms. The German labels match the app's translation
# (resources/translations/tpmapper_de.ts); they are kept here so the files layer needs no Qt.

from __future__ import annotations

import re
from enum import Enum

from tpmapper.model.vocabulary import Channel, Directness, LaneKind, Medium, Moment, Ownership

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

# The words a yes/no column is written with.
YES = {"en": "yes", "de": "ja"}
NO = {"en": "no", "de": "nein"}


def label(member: Enum, language: str = "en") -> str:
    """The word a workbook shows for a vocabulary member."""
    english, german = LABELS[member]
    return german if language == "de" else english


# Words are matched like headers (`excel_columns` matches column headers by this key too).
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


def word_in(words: dict[str, tuple[str, str]], key: str, language: str) -> str:
    """The word `key` of an (English, German) table in a workbook's language."""
    english, german = words[key]
    return german if language == "de" else english
