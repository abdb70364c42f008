"""The things a journey map is made of: phases, lanes, personas, touchpoints and links,
and the views saved with it.

All are frozen dataclasses: a change is a new value put in place by an edit, never a
mutation behind the map's back. Every field is checked on construction by the checker
named in the class's `CHECKS`, so an invalid touchpoint cannot exist.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, fields, replace
from typing import Any, ClassVar, Self

from tpmapper.model import values
from tpmapper.model.vocabulary import (
    Channel,
    ColourMode,
    Directness,
    LaneKind,
    Medium,
    Moment,
    Ownership,
)


class FieldError(ValueError):
    """A value refused for one field; `field` names it so readers can say where."""

    def __init__(self, field_name: str, reason: str) -> None:
        super().__init__(f"{field_name}: {reason}")
        self.field = field_name
        self.reason = reason


def new_id() -> str:
    """A fresh, globally unique id for a new element."""
    return str(uuid.uuid4())


class _Checked:
    """Runs each field's checker on construction and stores the normalised value."""

    CHECKS: ClassVar[dict[str, values.Checker]] = {}

    def __post_init__(self) -> None:
        for field_name, check in self.CHECKS.items():
            try:
                normalised = check(getattr(self, field_name))
            except ValueError as error:
                raise FieldError(field_name, str(error)) from None
            object.__setattr__(self, field_name, normalised)

    def with_changes(self, **changes: Any) -> Self:
        """A copy with some fields changed (and checked)."""
        unknown = set(changes) - {f.name for f in fields(self)}  # type: ignore[arg-type]
        if unknown:
            raise FieldError(sorted(unknown)[0], "no such field")
        return replace(self, **changes)  # type: ignore[type-var]


@dataclass(frozen=True)
class Phase(_Checked):
    """A stage of the journey; a column of the map."""

    id: str
    name: str
    colour: str = "#8fa8c8"
    description: str = ""

    CHECKS: ClassVar = {
        "id": values.identifier,
        "name": values.name,
        "colour": values.colour,
        "description": values.text,
    }


@dataclass(frozen=True)
class Lane(_Checked):
    """A row of the map: a channel group, an actor, a touchpoint class or a blueprint layer."""

    id: str
    name: str
    kind: LaneKind = LaneKind.CHANNEL_GROUP
    description: str = ""

    CHECKS: ClassVar = {
        "id": values.identifier,
        "name": values.name,
        "kind": values.enum_member(LaneKind),
        "description": values.text,
    }


@dataclass(frozen=True)
class Persona(_Checked):
    """A target group that touchpoints serve (seed 004: the first building block)."""

    id: str
    name: str
    description: str = ""

    CHECKS: ClassVar = {
        "id": values.identifier,
        "name": values.name,
        "description": values.text,
    }


@dataclass(frozen=True)
class Touchpoint(_Checked):
    """A moment where a customer meets the brand.

    Its place is `phase` and `lane` (ids); its position within that cell is kept by the
    map, not here, so that moving one card never rewrites its neighbours.
    Unset optional values are None, which is different from 0.
    """

    id: str
    name: str
    phase: str
    lane: str
    description: str = ""
    # how it is classified (DOMAIN.md, "Ways to classify a touchpoint")
    channel: Channel | None = None
    channel_detail: str = ""
    ownership: Ownership | None = None
    directness: Directness | None = None
    influenceable: bool | None = None
    medium: Medium | None = None
    # who answers for it and how it performs (DOMAIN.md, "What users measure and annotate")
    owner: str = ""
    customer_rating: int | None = None
    company_rating: int | None = None
    importance: int | None = None
    moment: Moment | None = None
    moment_reason: str = ""
    conversion_rate: float | None = None
    satisfaction: float | None = None
    roi: float | None = None
    cost: float | None = None
    reach: int | None = None
    feedback_sources: tuple[str, ...] = ()
    improvement_idea: str = ""
    personas: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    notes: str = ""

    CHECKS: ClassVar = {
        "id": values.identifier,
        "name": values.name,
        "phase": values.identifier,
        "lane": values.identifier,
        "description": values.text,
        "channel": values.optional_enum(Channel),
        "channel_detail": values.text,
        "ownership": values.optional_enum(Ownership),
        "directness": values.optional_enum(Directness),
        "influenceable": values.optional_flag,
        "medium": values.optional_enum(Medium),
        "owner": values.text,
        "customer_rating": values.optional_rating,
        "company_rating": values.optional_rating,
        "importance": values.optional_rating,
        "moment": values.optional_enum(Moment),
        "moment_reason": values.text,
        "conversion_rate": values.optional_share,
        "satisfaction": values.optional_share,
        "roi": values.optional_number,
        "cost": values.optional_amount,
        "reach": values.optional_count,
        "feedback_sources": values.text_list,
        "improvement_idea": values.text,
        "personas": values.id_list,
        "tags": values.text_list,
        "notes": values.text,
    }

    #: Fields that say where the touchpoint is; they change through a move, not an update.
    PLACE_FIELDS: ClassVar[frozenset[str]] = frozenset({"id", "phase", "lane"})

    @property
    def rating_gap(self) -> int | None:
        """Company rating minus customer rating: positive where the company sees itself better."""
        if self.customer_rating is None or self.company_rating is None:
            return None
        return self.company_rating - self.customer_rating


@dataclass(frozen=True)
class Link(_Checked):
    """A step customers take from one touchpoint to the next."""

    source: str
    target: str
    label: str = ""
    share: float | None = None  # share of customers taking this step, 0–1

    CHECKS: ClassVar = {
        "source": values.identifier,
        "target": values.identifier,
        "label": values.text,
        "share": values.optional_share,
    }

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.target)


@dataclass(frozen=True)
class ViewFilter(_Checked):
    """Which touchpoints a view shows: those meeting every criterion given (AND); within
    one list, any entry will do (OR). An empty list, an unset bound or an empty text asks
    nothing, so `ViewFilter()` shows every touchpoint.

    Ids the map does not have are allowed and match nothing: removing a phase, lane or
    persona needs no change to the views that name it (a view that named only that phase
    then shows nothing).
    """

    phases: tuple[str, ...] = ()  # phase ids
    lanes: tuple[str, ...] = ()  # lane ids
    owners: tuple[str, ...] = ()  # owner names, exactly; "" means "without owner"
    tags: tuple[str, ...] = ()  # touchpoints with any of these tags (exactly)
    personas: tuple[str, ...] = ()  # serving any of these; naming no persona serves all
    moments: tuple[Moment, ...] = ()  # pain point / positive moment
    rating_min: int | None = None  # customer rating range; with a bound, unrated ones fail
    rating_max: int | None = None
    text: str = ""  # case-insensitive, in name, description, owner, channel detail, tags, notes

    CHECKS: ClassVar = {
        "phases": values.id_list,
        "lanes": values.id_list,
        "owners": values.text_or_empty_list,
        "tags": values.text_list,
        "personas": values.id_list,
        "moments": values.enum_list(Moment),
        "rating_min": values.optional_rating,
        "rating_max": values.optional_rating,
        "text": values.text,
    }

    def __post_init__(self) -> None:
        super().__post_init__()
        low, high = self.rating_min, self.rating_max
        if low is not None and high is not None and low > high:
            raise FieldError("rating_min", f"{low} is above rating_max ({high})")

    @property
    def is_empty(self) -> bool:
        """True when the filter asks nothing (every touchpoint matches)."""
        return (
            not (self.phases or self.lanes or self.owners or self.tags or self.personas)
            and not self.moments
            and self.rating_min is None
            and self.rating_max is None
            and not self.text.strip()
        )

    def left_out(self, touchpoints: Iterable[Touchpoint]) -> frozenset[str]:
        """The ids of the touchpoints this filter leaves out (none for an empty filter):
        what the canvas dims and exports draw faint."""
        if self.is_empty:
            return frozenset()
        return frozenset(tp.id for tp in touchpoints if not self.matches(tp))

    def matches(self, touchpoint: Touchpoint) -> bool:
        """Does `touchpoint` meet every criterion given?"""
        tp = touchpoint
        if self.phases and tp.phase not in self.phases:
            return False
        if self.lanes and tp.lane not in self.lanes:
            return False
        if self.owners and tp.owner not in self.owners:
            return False
        if self.tags and not any(tag in self.tags for tag in tp.tags):
            return False
        if self.personas and tp.personas and not any(p in self.personas for p in tp.personas):
            return False
        if self.moments and tp.moment not in self.moments:
            return False
        if self.rating_min is not None or self.rating_max is not None:
            rating = tp.customer_rating
            if rating is None:
                return False
            if self.rating_min is not None and rating < self.rating_min:
                return False
            if self.rating_max is not None and rating > self.rating_max:
                return False
        wanted = self.text.strip().casefold()
        if wanted:
            searched = (tp.name, tp.description, tp.owner, tp.channel_detail, *tp.tags, tp.notes)
            if not any(wanted in text.casefold() for text in searched):
                return False
        return True


def _view_filter(value: Any) -> ViewFilter:
    if not isinstance(value, ViewFilter):
        raise ValueError(f"expected a view filter, got {values.describe(value)}")
    return value


@dataclass(frozen=True)
class View(_Checked):
    """A named way of looking at the map, saved with it: a colour mode and a filter."""

    id: str
    name: str
    colour_mode: ColourMode = ColourMode.RATING
    filter: ViewFilter = ViewFilter()

    CHECKS: ClassVar = {
        "id": values.identifier,
        "name": values.name,
        "colour_mode": values.enum_member(ColourMode),
        "filter": _view_filter,
    }


def field_names(kind: type) -> tuple[str, ...]:
    """The dataclass fields of `kind`, in declaration order (which is also file order)."""
    return tuple(f.name for f in fields(kind))


def defaults_of(kind: type) -> dict[str, Any]:
    """Each field's default value, for fields that have one."""
    result: dict[str, Any] = {}
    for f in fields(kind):
        if f.default is not MISSING:
            result[f.name] = f.default
    return result
