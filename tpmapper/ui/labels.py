"""Translatable labels for the model's vocabularies and fields, in one place."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from tpmapper.model.vocabulary import Channel, Directness, LaneKind, Medium, Moment, Ownership


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


_LABELS: dict[Enum, str] = {
    Channel.WEBSITE: "Website",
    Channel.ONLINE_SHOP: "Online shop",
    Channel.SEARCH_ENGINE: "Search engine",
    Channel.DISPLAY_AD: "Display ad",
    Channel.NATIVE_AD: "Native ad",
    Channel.PAID_SEARCH: "Paid search",
    Channel.SOCIAL_AD: "Social media ad",
    Channel.SOCIAL_MEDIA: "Social media",
    Channel.REVIEW_PORTAL: "Review portal",
    Channel.WORD_OF_MOUTH: "Word of mouth",
    Channel.INFLUENCER: "Influencer",
    Channel.EMAIL: "E-mail",
    Channel.NEWSLETTER: "Newsletter",
    Channel.PHONE: "Phone",
    Channel.CHAT: "Chat",
    Channel.CHATBOT: "Chatbot",
    Channel.AI_ASSISTANT: "AI assistant / AI search",
    Channel.STORE: "Physical store",
    Channel.SALES_TALK: "Sales talk",
    Channel.EVENT: "Event",
    Channel.PRINT: "Print",
    Channel.POSTAL: "Letter / parcel",
    Channel.TV_RADIO: "TV / radio",
    Channel.APP: "App",
    Channel.SMS: "SMS",
    Channel.OTHER: "Other",
    Ownership.OWNED: "Owned",
    Ownership.PAID: "Paid",
    Ownership.EARNED: "Earned",
    Directness.DIRECT: "Direct",
    Directness.INDIRECT: "Indirect",
    Medium.DIGITAL: "Digital",
    Medium.ANALOG: "Analog",
    Moment.PAIN_POINT: "Pain point",
    Moment.POSITIVE: "Positive moment",
    LaneKind.CHANNEL_GROUP: "Channel group",
    LaneKind.ACTOR: "Actor",
    LaneKind.TOUCHPOINT_CLASS: "Touchpoint class",
    LaneKind.BLUEPRINT_LAYER: "Blueprint layer",
    LaneKind.OTHER: "Other",
}


def label(member: Enum) -> str:
    return _t(_LABELS[member])


def choices(kind: type[Enum]) -> list[tuple[str, Enum]]:
    """(label, member) for every member of a vocabulary, in declaration order."""
    return [(label(member), member) for member in kind]
