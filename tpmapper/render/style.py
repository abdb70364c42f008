"""Colours and words of the map's look, shared by the canvas, exports and legends."""

from __future__ import annotations

from tpmapper.model.vocabulary import Channel

RATING_COLOURS = {
    1: "#d64541",
    2: "#f08a4b",
    3: "#f2c94c",
    4: "#9ccc65",
    5: "#43a047",
}
UNRATED_COLOUR = "#c5cad3"
PAIN_COLOUR = "#c62828"
POSITIVE_COLOUR = "#2e7d32"
SELECTION_COLOUR = "#1565c0"
HOVER_COLOUR = "#64b5f6"
CARD_FILL = "#ffffff"
CARD_BORDER = "#9aa3ad"
TEXT_COLOUR = "#1f2933"
MUTED_TEXT = "#5f6b7a"
GRID_LINE = "#d5dae1"
LANE_HEADER_FILL = "#eef1f5"
CELL_FILL = "#fbfcfd"
CELL_ALTERNATE_FILL = "#f5f7fa"
LINK_COLOUR = "#56626f"
EMPTY_HINT = "#a9b1bb"
COMPANY_COLOUR = "#8e6c8a"  # the company's (inside-out) ratings in the curve and charts
DIMMED_OPACITY = 0.22  # cards a filter leaves out, on the canvas and in exports

# Two letters on the card's channel badge.
CHANNEL_BADGES = {
    Channel.WEBSITE: "WB",
    Channel.ONLINE_SHOP: "SH",
    Channel.SEARCH_ENGINE: "SE",
    Channel.DISPLAY_AD: "AD",
    Channel.NATIVE_AD: "NA",
    Channel.PAID_SEARCH: "PS",
    Channel.SOCIAL_AD: "SA",
    Channel.SOCIAL_MEDIA: "SM",
    Channel.REVIEW_PORTAL: "RV",
    Channel.WORD_OF_MOUTH: "WM",
    Channel.INFLUENCER: "IN",
    Channel.EMAIL: "EM",
    Channel.NEWSLETTER: "NL",
    Channel.PHONE: "PH",
    Channel.CHAT: "CH",
    Channel.CHATBOT: "BOT",
    Channel.AI_ASSISTANT: "AI",
    Channel.STORE: "ST",
    Channel.SALES_TALK: "TK",
    Channel.EVENT: "EV",
    Channel.PRINT: "PR",
    Channel.POSTAL: "ML",
    Channel.TV_RADIO: "TV",
    Channel.APP: "AP",
    Channel.SMS: "SMS",
    Channel.OTHER: "…",
}


def rating_colour(rating: int | None) -> str:
    return UNRATED_COLOUR if rating is None else RATING_COLOURS[rating]
