"""Translatable labels for the model's vocabularies and fields, in one place."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication

from tpmapper.model.vocabulary import Channel, Directness, LaneKind, Medium, Moment, Ownership

# Each label is a literal translate() call, so pyside6-lupdate finds it; the lambda
# defers the lookup to call time, so the label follows the installed translator.
_LABELS: dict[Enum, Callable[[], str]] = {
    Channel.WEBSITE: lambda: QCoreApplication.translate("labels", "Website"),
    Channel.ONLINE_SHOP: lambda: QCoreApplication.translate("labels", "Online shop"),
    Channel.SEARCH_ENGINE: lambda: QCoreApplication.translate("labels", "Search engine"),
    Channel.DISPLAY_AD: lambda: QCoreApplication.translate("labels", "Display ad"),
    Channel.NATIVE_AD: lambda: QCoreApplication.translate("labels", "Native ad"),
    Channel.PAID_SEARCH: lambda: QCoreApplication.translate("labels", "Paid search"),
    Channel.SOCIAL_AD: lambda: QCoreApplication.translate("labels", "Social media ad"),
    Channel.SOCIAL_MEDIA: lambda: QCoreApplication.translate("labels", "Social media"),
    Channel.REVIEW_PORTAL: lambda: QCoreApplication.translate("labels", "Review portal"),
    Channel.WORD_OF_MOUTH: lambda: QCoreApplication.translate("labels", "Word of mouth"),
    Channel.INFLUENCER: lambda: QCoreApplication.translate("labels", "Influencer"),
    Channel.EMAIL: lambda: QCoreApplication.translate("labels", "E-mail"),
    Channel.NEWSLETTER: lambda: QCoreApplication.translate("labels", "Newsletter"),
    Channel.PHONE: lambda: QCoreApplication.translate("labels", "Phone"),
    Channel.CHAT: lambda: QCoreApplication.translate("labels", "Chat"),
    Channel.CHATBOT: lambda: QCoreApplication.translate("labels", "Chatbot"),
    Channel.AI_ASSISTANT: lambda: QCoreApplication.translate("labels", "AI assistant / AI search"),
    Channel.STORE: lambda: QCoreApplication.translate("labels", "Physical store"),
    Channel.SALES_TALK: lambda: QCoreApplication.translate("labels", "Sales talk"),
    Channel.EVENT: lambda: QCoreApplication.translate("labels", "Event"),
    Channel.PRINT: lambda: QCoreApplication.translate("labels", "Print"),
    Channel.POSTAL: lambda: QCoreApplication.translate("labels", "Letter / parcel"),
    Channel.TV_RADIO: lambda: QCoreApplication.translate("labels", "TV / radio"),
    Channel.APP: lambda: QCoreApplication.translate("labels", "App"),
    Channel.SMS: lambda: QCoreApplication.translate("labels", "SMS"),
    Channel.OTHER: lambda: QCoreApplication.translate("labels", "Other"),
    Ownership.OWNED: lambda: QCoreApplication.translate("labels", "Owned"),
    Ownership.PAID: lambda: QCoreApplication.translate("labels", "Paid"),
    Ownership.EARNED: lambda: QCoreApplication.translate("labels", "Earned"),
    Directness.DIRECT: lambda: QCoreApplication.translate("labels", "Direct"),
    Directness.INDIRECT: lambda: QCoreApplication.translate("labels", "Indirect"),
    Medium.DIGITAL: lambda: QCoreApplication.translate("labels", "Digital"),
    Medium.ANALOG: lambda: QCoreApplication.translate("labels", "Analog"),
    Moment.PAIN_POINT: lambda: QCoreApplication.translate("labels", "Pain point"),
    Moment.POSITIVE: lambda: QCoreApplication.translate("labels", "Positive moment"),
    LaneKind.CHANNEL_GROUP: lambda: QCoreApplication.translate("labels", "Channel group"),
    LaneKind.ACTOR: lambda: QCoreApplication.translate("labels", "Actor"),
    LaneKind.TOUCHPOINT_CLASS: lambda: QCoreApplication.translate("labels", "Touchpoint class"),
    LaneKind.BLUEPRINT_LAYER: lambda: QCoreApplication.translate("labels", "Blueprint layer"),
    LaneKind.OTHER: lambda: QCoreApplication.translate("labels", "Other"),
}


def label(member: Enum) -> str:
    return _LABELS[member]()


def choices(kind: type[Enum]) -> list[tuple[str, Enum]]:
    """(label, member) for every member of a vocabulary, in declaration order."""
    return [(label(member), member) for member in kind]
