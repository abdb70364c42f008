"""The edit protocol: `apply` and `revert`, and a list of edits applied as one."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable

from tpmapper.model.journey import JourneyMap


class Edit(ABC):
    """One undoable change."""

    @abstractmethod
    def apply(self, journey: JourneyMap) -> None: ...

    @abstractmethod
    def revert(self, journey: JourneyMap) -> None: ...


class CompositeEdit(Edit):
    """Several edits as one step (a drag of many cards, a paste, a removal with consequences).

    If one part fails, the parts already applied are reverted before the error goes on,
    so the map is never left half-changed.
    """

    def __init__(self, parts: Iterable[Edit]) -> None:
        self.parts: list[Edit] = list(parts)

    def apply(self, journey: JourneyMap) -> None:
        done: list[Edit] = []
        try:
            for part in self.parts:
                part.apply(journey)
                done.append(part)
        except Exception:
            for part in reversed(done):
                part.revert(journey)
            raise

    def revert(self, journey: JourneyMap) -> None:
        for part in reversed(self.parts):
            part.revert(journey)


# ---------------------------------------------------------------------- the map itself
