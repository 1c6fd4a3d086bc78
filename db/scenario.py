"""Read and validate a scenario file (TOML, format in resources/scenarios/README.md).

`load_file(path)` returns a `records.Scenario` or raises `ScenarioError` naming the file, the line
where it can be found, the key path and what is wrong. Nothing here touches the database.
"""
from __future__ import annotations

import re
import tomllib
import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

import resources

from . import records as r
from .records import QT_TRANSLATE_NOOP

FORMAT_VERSION = 1
DEFAULT_SCENARIO = resources.path("scenarios", "minusma-2023")
SITE_KINDS = ("camp", "tob", "headquarters", "liquidation-hub")
ROLES = ("rear-party", "reduced", "liquidation-hub")
TRANSFER_STATUSES = ("planned", "in-progress", "gap", "funding-needed", "done")

CONTEXT = "Scenario"
R_GOT = QT_TRANSLATE_NOOP("Scenario", "{reason} (got {value})")
R_UNREADABLE = QT_TRANSLATE_NOOP("Scenario", "cannot be read ({error})")
R_NOT_UTF8 = QT_TRANSLATE_NOOP("Scenario", "is not UTF-8 text")
R_SYNTAX = QT_TRANSLATE_NOOP("Scenario", "TOML syntax error: {error}")
R_NEWER = QT_TRANSLATE_NOOP("Scenario", "format {version} is newer than this sitmon reads ({supported}); update sitmon")
R_VERSION = QT_TRANSLATE_NOOP("Scenario", "must be {expected}, not {version}")
R_DUPLICATE_ID = QT_TRANSLATE_NOOP("Scenario", "duplicate id {id}")
R_UNKNOWN_SITE = QT_TRANSLATE_NOOP("Scenario", "unknown site {id}")
R_SECOND_LIFECYCLE = QT_TRANSLATE_NOOP("Scenario", "second lifecycle for site {id}")
R_UNKNOWN_PHASE = QT_TRANSLATE_NOOP("Scenario", "unknown phase {id}")
R_UNKNOWN_MEETING = QT_TRANSLATE_NOOP("Scenario", "unknown meeting {id}")
R_VIEW_RANGE = QT_TRANSLATE_NOOP("Scenario", "view_end must be after view_start")
R_END_BEFORE_START = QT_TRANSLATE_NOOP("Scenario", "end {end} is before start {start}")
R_END_BEFORE_DATE = QT_TRANSLATE_NOOP("Scenario", "end {end} is before date {date}")
R_RRULE = QT_TRANSLATE_NOOP("Scenario", "not a valid RRULE ({error})")
R_DATE = QT_TRANSLATE_NOOP("Scenario", "should be a date (YYYY-MM-DD)")
R_WHOLE = QT_TRANSLATE_NOOP("Scenario", "should be a whole number")
R_NUMBER = QT_TRANSLATE_NOOP("Scenario", "should be a number")
R_TABLE = QT_TRANSLATE_NOOP("Scenario", "should be a table of keys and values")

# pydantic's error types (err["type"]) as reasons filled from the error's ctx; other types keep
# pydantic's English message. The two validators below raise types of their own.
REASONS = {
    "missing": QT_TRANSLATE_NOOP("Scenario", "required, but missing"),
    "extra_forbidden": QT_TRANSLATE_NOOP("Scenario", "unknown key (not part of the scenario format)"),
    "string_type": QT_TRANSLATE_NOOP("Scenario", "should be a text in quotes"),
    "list_type": QT_TRANSLATE_NOOP("Scenario", "should be a list"),
    "model_type": R_TABLE, "dict_type": R_TABLE,
    "literal_error": QT_TRANSLATE_NOOP("Scenario", "should be one of {expected}"),
    "int_type": R_WHOLE, "int_parsing": R_WHOLE, "int_from_float": R_WHOLE,
    "float_type": R_NUMBER, "float_parsing": R_NUMBER,
    "date_type": R_DATE, "date_parsing": R_DATE, "date_from_datetime_parsing": R_DATE,
    "date_from_datetime_inexact": QT_TRANSLATE_NOOP("Scenario", "should be a date without a time (YYYY-MM-DD)"),
    "less_than_equal": QT_TRANSLATE_NOOP("Scenario", "should be less than or equal to {le}"),
    "greater_than_equal": QT_TRANSLATE_NOOP("Scenario", "should be greater than or equal to {ge}"),
    "less_than": QT_TRANSLATE_NOOP("Scenario", "should be less than {lt}"),
    "greater_than": QT_TRANSLATE_NOOP("Scenario", "should be greater than {gt}"),
    "string_pattern_mismatch": QT_TRANSLATE_NOOP("Scenario", "should match the pattern {pattern}"),
    "string_too_short": QT_TRANSLATE_NOOP("Scenario", "should have at least {min_length} character(s)"),
    "too_short": QT_TRANSLATE_NOOP("Scenario", "should have at least {min_length} item(s)"),
    "view_range": R_VIEW_RANGE,
    "end_before_start": R_END_BEFORE_START,
}


class ScenarioError(ValueError):
    """A scenario file that cannot be used; the message names file, line, key path and reason.

    `reason` is an English template marked for translation in the "Scenario" context, filled from
    `params`; `message(translate)` gives it in the interface language (app/ passes Qt's translate)."""

    def __init__(self, path: Path | str, key: str, reason: str, line: int | None = None, got=None, **params):
        self.path, self.key, self.reason, self.line, self.got, self.params = Path(path), key, reason, line, got, params
        super().__init__(self.message())

    def message(self, translate=None) -> str:
        tr = translate or (lambda _ctx, text: text)
        reason = tr(CONTEXT, self.reason).format(**self.params)
        if self.got is not None:
            reason = tr(CONTEXT, R_GOT).format(reason=reason, value=self.got)
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.key}: {reason}" if self.key else f"{where}: {reason}"


# ---------------------------------------------------------------- schema (pydantic)

class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TextIn(_Model):
    en: str = Field(min_length=1)
    fr: str = ""


Lat = Annotated[float, Field(ge=-90, le=90)]
Lon = Annotated[float, Field(ge=-180, le=180)]
Ident = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:/-]*$")]


class MissionIn(_Model):
    id: Ident
    name: TextIn
    country: str = Field(pattern=r"^[A-Z]{3}$")
    deadline: dt.date
    view_start: dt.date
    view_end: dt.date
    source: str = ""

    @model_validator(mode="after")
    def _range(self):
        if self.view_end <= self.view_start:
            raise PydanticCustomError("view_range", R_VIEW_RANGE)
        return self


class SourceIn(_Model):
    id: str = Field(min_length=1)
    title: TextIn
    date: dt.date | None = None
    document: str = ""


class SiteIn(_Model):
    id: Ident
    name: TextIn
    kind: Literal[SITE_KINDS]
    lat: Lat
    lon: Lon
    region: str = ""
    coordinates_source: str = ""


class PhaseIn(_Model):
    id: Ident
    name: TextIn
    start: dt.date
    end: dt.date
    description: TextIn | None = None
    source: str = ""

    @model_validator(mode="after")
    def _order(self):
        if self.end < self.start:
            raise PydanticCustomError("end_before_start", R_END_BEFORE_START,
                                      {"end": str(self.end), "start": str(self.start)})
        return self


class RoleIn(_Model):
    role: Literal[ROLES]
    start: dt.date
    end: dt.date | None = None
    note: TextIn | None = None

    @model_validator(mode="after")
    def _order(self):
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError("end_before_start", R_END_BEFORE_START,
                                      {"end": str(self.end), "start": str(self.start)})
        return self


class LifecycleIn(_Model):
    site: str
    closure_phase: str | None = None
    planned_handover: dt.date | None = None
    confirmed_handover: dt.date | None = None
    redeployed_to: list[str] = []
    roles: list[RoleIn] = []
    note: TextIn | None = None
    source: str = ""


class FigureRef(_Model):
    key: str
    value: float


class EventIn(_Model):
    id: Ident
    date: dt.date
    end: dt.date | None = None
    kind: str = Field(min_length=1)
    site: str | None = None
    description: TextIn
    figures: list[FigureRef] = []
    incident: str | None = None
    source: str = ""


class FigureIn(_Model):
    key: str = Field(min_length=1)
    date: dt.date
    value: float
    of: float | None = None
    label: TextIn
    source: str = ""


class DeadlineIn(_Model):
    id: Ident
    date: dt.date
    label: TextIn
    source: str = ""


class TransferIn(_Model):
    task: TextIn
    to: TextIn
    status: Literal[TRANSFER_STATUSES]
    funding_usd: float | None = Field(default=None, ge=0)
    gap_usd: float | None = Field(default=None, ge=0)
    gap: TextIn | None = None
    source: str = ""


class MeetingIn(_Model):
    id: Ident
    date: dt.date
    name: TextIn
    place: TextIn | None = None
    states: list[str] = []
    organizations: list[str] = []
    observers: list[str] = []
    source: str = ""


class Offset(_Model):
    """A deadline relative to a meeting, as python-dateutil relativedelta arguments."""

    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0


class CommitmentIn(_Model):
    id: Ident
    meeting: str
    text: TextIn
    due: dt.date | None = None
    due_after: Offset | None = None
    source: str = ""


class RecurringIn(_Model):
    id: Ident
    meeting: str
    name: TextIn
    rule: str = Field(min_length=1)
    until: dt.date
    source: str = ""


class IncidentIn(_Model):
    id: str = Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
    date: dt.date
    type: str = Field(min_length=1)
    lat: Lat
    lon: Lon
    site: str | None = None
    actors: str = ""
    killed_peacekeepers: int = Field(default=0, ge=0)
    killed_civilians: int = Field(default=0, ge=0)
    killed_other: int = Field(default=0, ge=0)
    injured_peacekeepers: int = Field(default=0, ge=0)
    injured_civilians: int = Field(default=0, ge=0)
    injured_other: int = Field(default=0, ge=0)
    description: TextIn
    status: Literal["reported", "verified", "closed"] = "reported"
    source: str = ""
    reliability: str = Field(default="", pattern=r"^([A-F][1-6])?$")


class ScenarioIn(_Model):
    format_version: int
    mission: MissionIn
    sources: list[SourceIn] = []
    sites: list[SiteIn] = Field(min_length=1)
    phases: list[PhaseIn] = []
    lifecycles: list[LifecycleIn] = []
    events: list[EventIn] = []
    figures: list[FigureIn] = []
    deadlines: list[DeadlineIn] = []
    task_transfers: list[TransferIn] = []
    meetings: list[MeetingIn] = []
    commitments: list[CommitmentIn] = []
    recurring: list[RecurringIn] = []
    incidents: list[IncidentIn] = []


# ---------------------------------------------------------------- loading

def scenario_file(path: Path | str) -> Path:
    """A scenario is a .toml file, or a folder holding scenario.toml."""
    path = Path(path)
    return path / "scenario.toml" if path.is_dir() else path


def load_file(path: Path | str = DEFAULT_SCENARIO) -> r.Scenario:
    path = scenario_file(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScenarioError(path, "", R_UNREADABLE, error=exc.strerror or exc) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ScenarioError(path, "", R_NOT_UTF8, line) from None
    return loads(text, path)


def loads(text: str, path: Path | str = "<scenario>") -> r.Scenario:
    """Parse and validate scenario TOML text; `path` is only used in messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+)", str(exc))
        line = int(m.group(1)) if m else max(1, len(text.splitlines()))  # "(at end of document)"
        raise ScenarioError(path, "", R_SYNTAX, line, error=exc) from None
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise ScenarioError(path, "format_version", R_NEWER, version=version, supported=FORMAT_VERSION)
    try:
        model = ScenarioIn.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        reason, params = _reason(err)
        raise ScenarioError(path, _key_path(err["loc"]), reason, _line_of(text, err["loc"]), _got(err),
                            **params) from None
    if model.format_version != FORMAT_VERSION:
        raise ScenarioError(path, "format_version", R_VERSION, expected=FORMAT_VERSION, version=model.format_version)
    _check_references(model, path, text)
    return _to_records(model)


def _key_path(loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _reason(err: dict) -> tuple[str, dict]:
    """The reason template of a pydantic error and its parameters (pydantic's own text if unknown)."""
    if err["type"] not in REASONS:
        return err["msg"].replace("{", "{{").replace("}", "}}"), {}
    return REASONS[err["type"]], {k: _shown(k, v) for k, v in (err.get("ctx") or {}).items()}


def _shown(key: str, value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if key == "expected":  # "'a', 'b' or 'c'": pydantic's English "or" becomes a list
        return value.replace("' or '", "', '")
    return repr(value) if key == "pattern" else str(value)


def _got(err: dict) -> str | None:
    value = err.get("input")
    return None if isinstance(value, (dict, list)) else repr(value)


def _line_of(text: str, loc) -> int | None:
    """Best-effort line of a key path such as ('sites', 3, 'lat') in TOML text."""
    lines = text.splitlines()
    if not loc:
        return None
    start = 0
    if len(loc) >= 2 and isinstance(loc[1], int):
        header = re.compile(rf"^\s*\[\[\s*{re.escape(str(loc[0]))}\s*\]\]")
        hits = [i for i, line in enumerate(lines) if header.match(line)]
        if loc[1] >= len(hits):
            return None
        start = hits[loc[1]]
        key = loc[2] if len(loc) > 2 else None
        end = hits[loc[1] + 1] if loc[1] + 1 < len(hits) else len(lines)
        if key is None:
            return start + 1
        pattern = re.compile(rf"^\s*{re.escape(str(key))}\s*=")
        for i in range(start, end):
            if pattern.match(lines[i]):
                return i + 1
        return start + 1
    pattern = re.compile(rf"^\s*(\[\s*{re.escape(str(loc[0]))}\s*\]|{re.escape(str(loc[0]))}\s*=)")
    for i, line in enumerate(lines):
        if pattern.match(line):
            return i + 1
    return None


def _check_references(m: ScenarioIn, path, text: str) -> None:
    def fail(loc, reason, **params):
        raise ScenarioError(path, _key_path(loc), reason, _line_of(text, loc), **params)

    for name in ("sites", "phases", "events", "deadlines", "meetings", "commitments", "recurring", "incidents"):
        seen = set()
        for i, item in enumerate(getattr(m, name)):
            if item.id in seen:
                fail((name, i, "id"), R_DUPLICATE_ID, id=repr(item.id))
            seen.add(item.id)
    sites = {s.id for s in m.sites}
    phases = {p.id for p in m.phases}
    meetings = {x.id for x in m.meetings}
    seen_lc = set()
    for i, lc in enumerate(m.lifecycles):
        if lc.site not in sites:
            fail(("lifecycles", i, "site"), R_UNKNOWN_SITE, id=repr(lc.site))
        if lc.site in seen_lc:
            fail(("lifecycles", i, "site"), R_SECOND_LIFECYCLE, id=repr(lc.site))
        seen_lc.add(lc.site)
        if lc.closure_phase is not None and lc.closure_phase not in phases:
            fail(("lifecycles", i, "closure_phase"), R_UNKNOWN_PHASE, id=repr(lc.closure_phase))
        for target in lc.redeployed_to:
            if target not in sites:
                fail(("lifecycles", i, "redeployed_to"), R_UNKNOWN_SITE, id=repr(target))
    for i, e in enumerate(m.events):
        if e.site is not None and e.site not in sites:
            fail(("events", i, "site"), R_UNKNOWN_SITE, id=repr(e.site))
        if e.end is not None and e.end < e.date:
            fail(("events", i, "end"), R_END_BEFORE_DATE, end=e.end, date=e.date)
    for i, x in enumerate(m.incidents):
        if x.site is not None and x.site not in sites:
            fail(("incidents", i, "site"), R_UNKNOWN_SITE, id=repr(x.site))
    for name in ("commitments", "recurring"):
        for i, x in enumerate(getattr(m, name)):
            if x.meeting not in meetings:
                fail((name, i, "meeting"), R_UNKNOWN_MEETING, id=repr(x.meeting))
    for i, x in enumerate(m.recurring):
        try:
            rrulestr(x.rule, dtstart=dt.datetime(2000, 1, 1))
        except (ValueError, TypeError) as exc:
            fail(("recurring", i, "rule"), R_RRULE, error=exc)


def _text(t: TextIn | None) -> r.Text:
    return r.Text(t.en, t.fr) if t is not None else r.NO_TEXT


def _to_records(m: ScenarioIn) -> r.Scenario:
    meetings = {x.id: x for x in m.meetings}

    def due(c: CommitmentIn) -> dt.date | None:
        if c.due is not None:
            return c.due
        if c.due_after is not None:
            return meetings[c.meeting].date + relativedelta(**c.due_after.model_dump())
        return None

    def occurrences(x: RecurringIn) -> tuple[dt.date, ...]:
        start = dt.datetime.combine(meetings[x.meeting].date, dt.datetime.min.time())
        rule = rrulestr(x.rule, dtstart=start)
        return tuple(d.date() for d in rule.between(start, dt.datetime.combine(x.until, dt.datetime.min.time()), inc=True)
                     if d > start)

    return r.Scenario(
        format_version=m.format_version,
        mission=r.Mission(m.mission.id, _text(m.mission.name), m.mission.country, m.mission.deadline,
                          m.mission.view_start, m.mission.view_end, m.mission.source),
        sources=tuple(r.Source(s.id, _text(s.title), s.date, s.document) for s in m.sources),
        sites=tuple(r.Site(s.id, _text(s.name), s.kind, s.lat, s.lon, s.region, s.coordinates_source)
                    for s in m.sites),
        phases=tuple(r.Phase(p.id, _text(p.name), p.start, p.end, _text(p.description), p.source)
                     for p in m.phases),
        lifecycles=tuple(
            r.Lifecycle(lc.site, lc.closure_phase, lc.planned_handover, lc.confirmed_handover,
                        tuple(lc.redeployed_to),
                        tuple(r.Role(x.role, x.start, x.end, _text(x.note)) for x in lc.roles),
                        _text(lc.note), lc.source)
            for lc in m.lifecycles),
        events=tuple(r.Event(e.id, e.date, e.kind, _text(e.description), e.end, e.site,
                             tuple((f.key, f.value) for f in e.figures), e.incident, e.source)
                     for e in m.events),
        figures=tuple(r.Figure(f.key, f.date, f.value, _text(f.label), f.of, f.source) for f in m.figures),
        deadlines=tuple(r.Deadline(d.id, d.date, _text(d.label), d.source) for d in m.deadlines),
        task_transfers=tuple(r.TaskTransfer(_text(t.task), _text(t.to), t.status, t.funding_usd,
                                            t.gap_usd, _text(t.gap), t.source) for t in m.task_transfers),
        meetings=tuple(r.Meeting(x.id, x.date, _text(x.name), _text(x.place), tuple(x.states),
                                 tuple(x.organizations), tuple(x.observers), x.source) for x in m.meetings),
        commitments=tuple(r.Commitment(c.id, c.meeting, _text(c.text), due(c), c.source) for c in m.commitments),
        recurring=tuple(r.Recurring(x.id, x.meeting, _text(x.name), x.rule, occurrences(x), x.source)
                        for x in m.recurring),
        incidents=tuple(
            r.IncidentSeed(x.id, x.date, x.type, x.lat, x.lon, _text(x.description), x.site, x.actors,
                           x.killed_peacekeepers, x.killed_civilians, x.killed_other, x.injured_peacekeepers,
                           x.injured_civilians, x.injured_other, x.status, x.source, x.reliability)
            for x in m.incidents),
    )
