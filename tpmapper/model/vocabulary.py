"""Closed vocabularies of the journey model (see DOMAIN.md, "Ways to classify a touchpoint").

Each enum's value is the word stored in `.tpmap` files; never rename a value without a
file-format migration. Labels shown to users live in the UI layer, where they are translated.
"""

from __future__ import annotations

from enum import Enum


class Channel(Enum):
    """Where the customer meets the brand (DOMAIN.md, "channel")."""

    WEBSITE = "website"
    ONLINE_SHOP = "online_shop"
    SEARCH_ENGINE = "search_engine"
    DISPLAY_AD = "display_ad"
    NATIVE_AD = "native_ad"
    PAID_SEARCH = "paid_search"
    SOCIAL_AD = "social_ad"
    SOCIAL_MEDIA = "social_media"
    REVIEW_PORTAL = "review_portal"
    WORD_OF_MOUTH = "word_of_mouth"
    INFLUENCER = "influencer"
    EMAIL = "email"
    NEWSLETTER = "newsletter"
    PHONE = "phone"
    CHAT = "chat"
    CHATBOT = "chatbot"
    AI_ASSISTANT = "ai_assistant"
    STORE = "store"
    SALES_TALK = "sales_talk"
    EVENT = "event"
    PRINT = "print"
    POSTAL = "postal"
    TV_RADIO = "tv_radio"
    APP = "app"
    SMS = "sms"
    OTHER = "other"


class Ownership(Enum):
    """Owned, paid or earned (seed 004)."""

    OWNED = "owned"
    PAID = "paid"
    EARNED = "earned"


class Directness(Enum):
    """Does the customer deal with the company itself, or only with an influence (seed 000)?"""

    DIRECT = "direct"
    INDIRECT = "indirect"


class Medium(Enum):
    """Digital (online) or analog (offline)."""

    DIGITAL = "digital"
    ANALOG = "analog"


class Moment(Enum):
    """How the moment feels to the customer (seed 002, step 3)."""

    PAIN_POINT = "pain_point"
    POSITIVE = "positive"


class LaneKind(Enum):
    """What the rows of a map stand for."""

    CHANNEL_GROUP = "channel_group"
    ACTOR = "actor"
    TOUCHPOINT_CLASS = "touchpoint_class"
    BLUEPRINT_LAYER = "blueprint_layer"
    OTHER = "other"


class ColourMode(Enum):
    """What a card's colour stripe tells (a saved view keeps one): the customer's rating,
    the gap between company and customer rating, the owner, owned/paid/earned, the channel
    or digital/analog."""

    RATING = "rating"
    GAP = "gap"
    OWNER = "owner"
    OWNERSHIP = "ownership"
    CHANNEL = "channel"
    MEDIUM = "medium"
