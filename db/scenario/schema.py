"""The scenario, declared once: these frozen dataclasses are both the records the rest of sitmon reads and
the schema a scenario file is validated against (pydantic, strict about unknown keys).

A few values are worked out from others once the whole file is read: a commitment's due date from its
meeting (`due_after`), a recurring meeting's dates from its RRULE. The format is documented in
resources/scenarios/README.md; db/scenario/files.py reads the TOML and names what is wrong.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cached_property
from typing import Annotated, Literal

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr
from pydantic import AfterValidator, ConfigDict, Field, model_validator
from pydantic.dataclasses import dataclass
from pydantic_core import PydanticCustomError

from db.records import NO_TEXT, QT_TRANSLATE_NOOP, Text
from db.vocab import (
    GEO_PRECISIONS,
    INCIDENT_STATUSES,
    MOVEMENT_STATUSES,
    RELIABILITY_CODES,
    ROLES,
    SITE_KINDS,
    TIME_PRECISIONS,
    TRANSFER_STATUSES,
)

FORMAT_VERSION = 1
# What a scenario may hold (resources/scenarios/README.md): beyond, a file is refused with its key path, so
# the window always opens in seconds. A mission has tens of sites; a meeting recurs for some years at most.
MAX_SITES, MAX_ITEMS, MAX_OCCURRENCES = 300, 2_000, 500
COARSEST = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY")  # a meeting recurs by day at the finest
R_VIEW_RANGE = QT_TRANSLATE_NOOP("Scenario", "view_end must be after view_start")
R_END_BEFORE_START = QT_TRANSLATE_NOOP("Scenario", "end {end} is before start {start}")
R_EMPTY_TEXT = QT_TRANSLATE_NOOP("Scenario", "should have at least {min_length} character(s)")


def _named(text: Text) -> Text:
    if not text.en:
        raise PydanticCustomError("string_too_short", R_EMPTY_TEXT, {"min_length": 1})
    return text


def _ordered(start: dt.date, end: dt.date | None) -> None:
    if end is not None and end < start:
        raise PydanticCustomError("end_before_start", R_END_BEFORE_START, {"end": str(end), "start": str(start)})


Name = Annotated[Text, AfterValidator(_named)]  # an English text is required
Lat = Annotated[float, Field(ge=-90, le=90)]
Lon = Annotated[float, Field(ge=-180, le=180)]
Ident = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:/-]*$")]
Count = Annotated[int, Field(ge=0)]
Reliability = Literal[("",) + tuple(sorted(RELIABILITY_CODES))]
Uuid = Annotated[str, Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
RECORD = dict(frozen=True, config=ConfigDict(extra="forbid"))


@dataclass(**RECORD)
class Source:
    id: Annotated[str, Field(min_length=1)]
    title: Name
    date: dt.date | None = None
    document: str = ""


@dataclass(**RECORD)
class Mission:
    id: Ident
    name: Name
    country: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    deadline: dt.date
    view_start: dt.date
    view_end: dt.date
    source: str = ""

    @model_validator(mode="after")
    def _range(self):
        if self.view_end <= self.view_start:
            raise PydanticCustomError("view_range", R_VIEW_RANGE)
        return self


@dataclass(**RECORD)
class Site:
    id: Ident
    name: Name
    kind: Literal[SITE_KINDS]
    lat: Lat
    lon: Lon
    region: str = ""
    coordinates_source: str = ""


@dataclass(**RECORD)
class Phase:
    id: Ident
    name: Name
    start: dt.date
    end: dt.date
    description: Text = NO_TEXT
    source: str = ""

    @model_validator(mode="after")
    def _order(self):
        _ordered(self.start, self.end)
        return self


@dataclass(**RECORD)
class Role:
    role: Literal[ROLES]
    start: dt.date
    end: dt.date | None = None
    note: Text = NO_TEXT

    @model_validator(mode="after")
    def _order(self):
        _ordered(self.start, self.end)
        return self


@dataclass(**RECORD)
class Lifecycle:
    site: str
    closure_phase: str | None = None
    planned_handover: dt.date | None = None
    confirmed_handover: dt.date | None = None
    redeployed_to: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    note: Text = NO_TEXT
    source: str = ""


@dataclass(**RECORD)
class FigureRef:
    key: str
    value: float


@dataclass(**RECORD)
class Event:
    id: Ident
    date: dt.date
    kind: Annotated[str, Field(min_length=1)]
    description: Name
    end: dt.date | None = None
    site: str | None = None
    figures: tuple[FigureRef, ...] = ()
    incident: str | None = None
    source: str = ""


@dataclass(**RECORD)
class Figure:
    key: Annotated[str, Field(min_length=1)]
    date: dt.date
    value: float
    label: Name
    of: float | None = None
    source: str = ""


@dataclass(**RECORD)
class Deadline:
    id: Ident
    date: dt.date
    label: Name
    source: str = ""


@dataclass(**RECORD)
class TaskTransfer:
    task: Name
    to: Name
    status: Literal[TRANSFER_STATUSES]
    funding_usd: Annotated[float, Field(ge=0)] | None = None
    gap_usd: Annotated[float, Field(ge=0)] | None = None
    gap: Text = NO_TEXT
    source: str = ""


@dataclass(**RECORD)
class Meeting:
    id: Ident
    date: dt.date
    name: Name
    place: Text = NO_TEXT
    states: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    observers: tuple[str, ...] = ()
    source: str = ""


@dataclass(**RECORD)
class Offset:
    """A date relative to a meeting's, as python-dateutil relativedelta arguments."""

    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0


@dataclass(**RECORD)
class Commitment:
    id: Ident
    meeting: str
    text: Name
    due: dt.date | None = None  # given, or worked out from the meeting's date and `due_after`
    due_after: Offset | None = None
    source: str = ""


@dataclass(**RECORD)
class Recurring:
    id: Ident
    meeting: str
    name: Name
    rule: Annotated[str, Field(min_length=1)]  # RFC 5545 RRULE, e.g. FREQ=MONTHLY;INTERVAL=2
    until: dt.date
    source: str = ""
    occurrences: tuple[dt.date, ...] = dataclasses.field(init=False, default=())  # from the rule, after the meeting


@dataclass(**RECORD)
class IncidentSeed:
    """An incident the scenario brings into the log, with a fixed id."""

    id: Uuid
    date: dt.date
    type: Annotated[str, Field(min_length=1)]
    lat: Lat
    lon: Lon
    description: Name
    site: str | None = None
    actors: str = ""
    killed_peacekeepers: Count = 0
    killed_civilians: Count = 0
    killed_other: Count = 0
    injured_peacekeepers: Count = 0
    injured_civilians: Count = 0
    injured_other: Count = 0
    status: Literal[INCIDENT_STATUSES] = "reported"
    source: str = ""
    reliability: Reliability = ""
    location: str = ""  # the place's name
    admin1: str = ""  # default: the site's region's name
    admin2: str = ""
    geo_precision: Literal[GEO_PRECISIONS] = 1
    time_precision: Literal[TIME_PRECISIONS] = 1


@dataclass(**RECORD)
class MovementSeed:
    """A movement (a convoy) the scenario brings into the log, with a fixed id; checked by the movements' one
    validator (db/movements/draft.py) once the file is read. `via`: site ids and [lat, lon] positions."""

    id: Uuid
    from_site: str
    to_site: str
    planned_departure: dt.date
    via: tuple[str | tuple[Lat, Lon], ...] = ()
    planned_arrival: dt.date | None = None
    departed_on: dt.date | None = None
    arrived_on: dt.date | None = None
    status: Literal[MOVEMENT_STATUSES] = "planned"
    personnel: Count | None = None
    vehicles: Count | None = None
    note: Text = NO_TEXT
    incidents: tuple[str, ...] = ()  # ids of the scenario's incidents linked to it
    source: str = ""


@dataclass(**RECORD)
class Scenario:
    format_version: int
    mission: Mission
    sites: Annotated[tuple[Site, ...], Field(min_length=1, max_length=MAX_SITES)]
    sources: Annotated[tuple[Source, ...], Field(max_length=MAX_ITEMS)] = ()
    phases: Annotated[tuple[Phase, ...], Field(max_length=MAX_ITEMS)] = ()
    lifecycles: Annotated[tuple[Lifecycle, ...], Field(max_length=MAX_SITES)] = ()
    events: Annotated[tuple[Event, ...], Field(max_length=MAX_ITEMS)] = ()
    figures: Annotated[tuple[Figure, ...], Field(max_length=MAX_ITEMS)] = ()
    deadlines: Annotated[tuple[Deadline, ...], Field(max_length=MAX_ITEMS)] = ()
    task_transfers: Annotated[tuple[TaskTransfer, ...], Field(max_length=MAX_ITEMS)] = ()
    meetings: Annotated[tuple[Meeting, ...], Field(max_length=MAX_ITEMS)] = ()
    commitments: Annotated[tuple[Commitment, ...], Field(max_length=MAX_ITEMS)] = ()
    recurring: Annotated[tuple[Recurring, ...], Field(max_length=MAX_ITEMS)] = ()
    incidents: Annotated[tuple[IncidentSeed, ...], Field(max_length=MAX_ITEMS)] = ()
    movements: Annotated[tuple[MovementSeed, ...], Field(max_length=MAX_ITEMS)] = ()

    def site(self, site_id: str) -> Site:
        return self._by_id["sites"][site_id]

    def phase(self, phase_id: str) -> Phase:
        return self._by_id["phases"][phase_id]

    def lifecycle(self, site_id: str) -> Lifecycle | None:
        return self._by_id["lifecycles"].get(site_id)

    @cached_property
    def _by_id(self) -> dict[str, dict]:
        return {"sites": {s.id: s for s in self.sites}, "phases": {p.id: p for p in self.phases},
                "lifecycles": {lc.site: lc for lc in self.lifecycles}}

    @property
    def start(self) -> dt.date:
        """First date the scenario knows of (for the timeline's "fit all")."""
        return min(self._all_dates())

    @property
    def end(self) -> dt.date:
        return max(self._all_dates())

    def _all_dates(self):
        yield self.mission.deadline
        yield self.mission.view_start
        yield self.mission.view_end
        for p in self.phases:
            yield p.start
            yield p.end
        for e in self.events:
            yield e.date
        for m in self.meetings:
            yield m.date
        for r in self.recurring:
            yield from r.occurrences[-1:]

    def worked_out(self) -> Scenario:
        """The dates that follow from others: commitments' due dates, recurring meetings' occurrences.
        Call once the references are checked (every meeting named exists)."""
        meetings = {m.id: m for m in self.meetings}
        commitments = tuple(
            c if c.due is not None or c.due_after is None else dataclasses.replace(
                c, due=meetings[c.meeting].date + relativedelta(**dataclasses.asdict(c.due_after)))
            for c in self.commitments)
        for r in self.recurring:
            object.__setattr__(r, "occurrences", occurrences(r.rule, meetings[r.meeting].date, r.until))
        return dataclasses.replace(self, commitments=commitments)


def occurrences(rule: str, start: dt.date, until: dt.date) -> tuple[dt.date, ...]:
    """The dates of an RRULE from a meeting's date (excluded) to `until` (included), at most MAX_OCCURRENCES + 1
    of them (files.py refuses a rule that gives more)."""
    first, last = dt.datetime.combine(start, dt.time()), dt.datetime.combine(until, dt.time())
    found = []
    for d in rrulestr(rule, dtstart=first):
        if d > last or len(found) > MAX_OCCURRENCES:
            break
        if d > first:
            found.append(d.date())
    return tuple(found)
