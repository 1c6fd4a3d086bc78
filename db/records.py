"""Plain frozen records that leave db/: the scenario, statuses, incidents. No ORM objects, no Qt."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name Qt's lupdate looks for)
    """Marks a string for translation in code without Qt; app/ translates it with QCoreApplication.translate."""
    return text


@dataclass(frozen=True)
class Text:
    """A user-visible text in both languages of the product, as data."""

    en: str
    fr: str = ""

    def get(self, lang: str = "en") -> str:
        return (self.fr or self.en) if lang == "fr" else self.en


NO_TEXT = Text("")


@dataclass(frozen=True)
class Source:
    id: str
    title: Text
    date: date | None = None
    document: str = ""


@dataclass(frozen=True)
class Mission:
    id: str
    name: Text
    country: str
    deadline: date
    view_start: date
    view_end: date
    source: str = ""


@dataclass(frozen=True)
class Site:
    id: str
    name: Text
    kind: str  # camp | tob | headquarters | liquidation-hub
    lat: float
    lon: float
    region: str
    coordinates_source: str = ""


@dataclass(frozen=True)
class Phase:
    id: str
    name: Text
    start: date
    end: date
    description: Text = NO_TEXT
    source: str = ""


@dataclass(frozen=True)
class Role:
    role: str  # rear-party | reduced | liquidation-hub
    start: date
    end: date | None = None
    note: Text = NO_TEXT


@dataclass(frozen=True)
class Lifecycle:
    site: str
    closure_phase: str | None = None
    planned_handover: date | None = None
    confirmed_handover: date | None = None
    redeployed_to: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    note: Text = NO_TEXT
    source: str = ""


@dataclass(frozen=True)
class Event:
    id: str
    date: date
    kind: str
    description: Text
    end: date | None = None
    site: str | None = None
    figures: tuple[tuple[str, float], ...] = ()
    incident: str | None = None
    source: str = ""


@dataclass(frozen=True)
class Figure:
    key: str
    date: date
    value: float
    label: Text
    of: float | None = None
    source: str = ""


@dataclass(frozen=True)
class Deadline:
    id: str
    date: date
    label: Text
    source: str = ""


@dataclass(frozen=True)
class TaskTransfer:
    task: Text
    to: Text
    status: str  # planned | in-progress | gap | funding-needed | done
    funding_usd: float | None = None
    gap_usd: float | None = None
    gap: Text = NO_TEXT
    source: str = ""


@dataclass(frozen=True)
class Meeting:
    id: str
    date: date
    name: Text
    place: Text = NO_TEXT
    states: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    observers: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Commitment:
    id: str
    meeting: str
    text: Text
    due: date | None = None  # computed from the meeting date when given relative
    source: str = ""


@dataclass(frozen=True)
class Recurring:
    id: str
    meeting: str
    name: Text
    rule: str  # RFC 5545 RRULE, e.g. FREQ=MONTHLY;INTERVAL=2
    occurrences: tuple[date, ...] = ()  # expanded with dateutil.rrule at load time
    source: str = ""


@dataclass(frozen=True)
class IncidentSeed:
    """An incident the scenario brings into the log, with a fixed id."""

    id: str
    date: date
    type: str
    lat: float
    lon: float
    description: Text
    site: str | None = None
    actors: str = ""
    killed_peacekeepers: int = 0
    killed_civilians: int = 0
    killed_other: int = 0
    injured_peacekeepers: int = 0
    injured_civilians: int = 0
    injured_other: int = 0
    status: str = "reported"
    source: str = ""
    reliability: str = ""


@dataclass(frozen=True)
class Scenario:
    format_version: int
    mission: Mission
    sources: tuple[Source, ...] = ()
    sites: tuple[Site, ...] = ()
    phases: tuple[Phase, ...] = ()
    lifecycles: tuple[Lifecycle, ...] = ()
    events: tuple[Event, ...] = ()
    figures: tuple[Figure, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    task_transfers: tuple[TaskTransfer, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    recurring: tuple[Recurring, ...] = ()
    incidents: tuple[IncidentSeed, ...] = ()
    _index: dict = field(default_factory=dict, compare=False, repr=False, hash=False)

    def site(self, site_id: str) -> Site:
        return self._lookup("sites", site_id)

    def phase(self, phase_id: str) -> Phase:
        return self._lookup("phases", phase_id)

    def lifecycle(self, site_id: str) -> Lifecycle | None:
        try:
            return self._lookup("lifecycles", site_id, key="site")
        except KeyError:
            return None

    def _lookup(self, name: str, ident: str, key: str = "id"):
        table = self._index.get(name)
        if table is None:
            table = {getattr(item, key): item for item in getattr(self, name)}
            self._index[name] = table
        return table[ident]

    @property
    def start(self) -> date:
        """First date the scenario knows of (for the timeline's "fit all")."""
        return min(self._all_dates())

    @property
    def end(self) -> date:
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
