"""The journey model: plain Python and networkx, no Qt (enforced by a test)."""

from tpmapper.model.elements import (
    FieldError,
    Lane,
    Link,
    Persona,
    Phase,
    Touchpoint,
    View,
    ViewFilter,
    new_id,
)
from tpmapper.model.journey import Action, Change, JourneyMap, Position, Target
from tpmapper.model.vocabulary import (
    Channel,
    ColourMode,
    Directness,
    LaneKind,
    Medium,
    Moment,
    Ownership,
)

__all__ = [
    "Action",
    "Change",
    "Channel",
    "ColourMode",
    "Directness",
    "FieldError",
    "JourneyMap",
    "Lane",
    "LaneKind",
    "Link",
    "Medium",
    "Moment",
    "Ownership",
    "Persona",
    "Phase",
    "Position",
    "Target",
    "Touchpoint",
    "View",
    "ViewFilter",
    "new_id",
]
