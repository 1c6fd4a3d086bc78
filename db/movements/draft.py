"""What a person types for a movement, checked: `validate(draft, ctx)` names every problem, one per field, and
`values(draft, ctx)` gives the column values. The one validator of movements: the window's form, the command
line, the scenario's seeds and data packages all go through it.

A movement goes from a site to a site through optional waypoints, each a site id or a position (decimal
degrees, DMS or MGRS), written in travel order and separated by ";". Its dates and its status agree:
planned (not departed), under way (departed, not arrived), arrived (departed, then arrived), aborted (never
arrived). Messages are data (QT_TRANSLATE_NOOP templates + arguments); app/ translates them.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date

from db.incidents.draft import FieldError, InvalidDraft
from db.records import QT_TRANSLATE_NOOP
from db.vocab import MAX_COUNT, MOVEMENT_STATUSES

__all__ = ["Context", "FieldError", "InvalidDraft", "MovementDraft", "context", "draft_of", "validate", "values"]

MAX_WAYPOINTS = 50
MAX_LINKED = 200  # incidents linked to one movement
MAX_NOTE = 10_000  # characters
_INCIDENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")
_SPLIT_IDS = re.compile(r"[\s,;]+")

C = "Movements"  # translation context of every message below
MSG_REQUIRED = QT_TRANSLATE_NOOP("Movements", "required")
MSG_SITE = QT_TRANSLATE_NOOP("Movements", "unknown site {value!r}")
MSG_SAME_SITE = QT_TRANSLATE_NOOP("Movements", "the same site as the start: add a waypoint for a round trip")
MSG_WAYPOINT = QT_TRANSLATE_NOOP("Movements", "waypoint {n}: {value!r} is neither a site nor a position")
MSG_WAYPOINTS = QT_TRANSLATE_NOOP("Movements", "at most {limit} waypoints")
MSG_DATE = QT_TRANSLATE_NOOP("Movements", "not a date: write it as YYYY-MM-DD, e.g. 2023-08-13")
MSG_BEFORE = QT_TRANSLATE_NOOP("Movements", "{day} is before {other}")
MSG_FUTURE = QT_TRANSLATE_NOOP("Movements", "{day} is in the future")
MSG_STATUS = QT_TRANSLATE_NOOP("Movements", "unknown status {value!r}")
MSG_PLANNED = QT_TRANSLATE_NOOP("Movements", "a planned movement has not departed: clear the date or change the status")
MSG_NOT_DEPARTED = QT_TRANSLATE_NOOP("Movements", "required for a movement {status}")
MSG_NOT_ARRIVED = QT_TRANSLATE_NOOP("Movements", "a movement {status} has not arrived: clear the date or change the status")
MSG_ARRIVED_ONLY = QT_TRANSLATE_NOOP("Movements", "an arrival needs a departure")
MSG_COUNT = QT_TRANSLATE_NOOP("Movements", "a whole number from 0 to {high}, or empty if not known")
MSG_NOTE = QT_TRANSLATE_NOOP("Movements", "at most {limit} characters")
MSG_INCIDENT = QT_TRANSLATE_NOOP("Movements", "no incident {value!r} in the log")
MSG_INCIDENT_ID = QT_TRANSLATE_NOOP("Movements", "{value!r} is not an incident id")
MSG_INCIDENTS = QT_TRANSLATE_NOOP("Movements", "at most {limit} linked incidents")


@dataclass(frozen=True)
class MovementDraft:
    """What the user typed, as text."""

    from_site: str = ""
    to_site: str = ""
    via: str = ""  # waypoints in travel order, ";" between them: site ids or positions
    planned_departure: str = ""  # YYYY-MM-DD
    planned_arrival: str = ""  # optional
    departed_on: str = ""  # optional: the actual departure
    arrived_on: str = ""  # optional: the actual arrival
    status: str = "planned"  # db.vocab.MOVEMENT_STATUSES
    personnel: str = ""  # empty: not recorded
    vehicles: str = ""
    note: str = ""
    incidents: str = ""  # ids of linked incidents, separated by spaces, commas or ";"


@dataclass(frozen=True)
class Context:
    """What validation checks against: the scenario's sites (id -> (lat, lon)), which incident ids the log holds
    (None: not checked, as for a package whose incidents are merged with it), and today (None: not checked)."""

    sites: Mapping[str, tuple[float, float]]
    known_incidents: Callable[[Collection[str]], set[str]] | None = None
    today: date | None = None


def context(sites, db=None, today: date | None = None) -> Context:
    """The context for the scenario's sites (db.scenario.schema.Site); with `db`, linked incidents must be in its
    log (deleted ones too: a link outlives a soft delete)."""
    from db.clock import utcnow

    known = None
    if db is not None:
        def known(ids: Collection[str]) -> set[str]:
            from sqlalchemy import select

            from db.store.models import Incident

            with db.session() as s:
                return set(s.scalars(select(Incident.id).where(Incident.id.in_(list(ids)))))
    return Context({s.id: (s.lat, s.lon) for s in sites}, known, today or utcnow().date())


def validate(draft: MovementDraft, ctx: Context) -> list[FieldError]:
    """Every problem of the draft, one per field at most; never raises."""
    errors = []
    for name in ("from_site", "to_site"):
        value = getattr(draft, name).strip()
        if not value:
            errors.append(FieldError(name, MSG_REQUIRED))
        elif value not in ctx.sites:
            errors.append(FieldError(name, MSG_SITE, {"value": value}))
    points, via_error = _waypoints(draft.via, ctx)
    if via_error is not None:
        errors.append(via_error)
    elif draft.from_site.strip() == draft.to_site.strip() and draft.from_site.strip() and not points:
        errors.append(FieldError("to_site", MSG_SAME_SITE))
    errors += _check_dates(draft, ctx)
    for name in ("personnel", "vehicles"):
        if _count(getattr(draft, name)) is False:
            errors.append(FieldError(name, MSG_COUNT, {"high": MAX_COUNT}))
    if len(draft.note) > MAX_NOTE:
        errors.append(FieldError("note", MSG_NOTE, {"limit": MAX_NOTE}))
    error = _check_incidents(draft.incidents, ctx)
    if error is not None:
        errors.append(error)
    return errors


def _check_dates(draft: MovementDraft, ctx: Context) -> list[FieldError]:
    errors, days = [], {}
    for name in ("planned_departure", "planned_arrival", "departed_on", "arrived_on"):
        text = getattr(draft, name).strip()
        if not text:
            if name == "planned_departure":
                errors.append(FieldError(name, MSG_REQUIRED))
            continue
        day = _parse_date(text)
        if day is None:
            errors.append(FieldError(name, MSG_DATE))
        elif name in ("departed_on", "arrived_on") and ctx.today is not None and day > ctx.today:
            errors.append(FieldError(name, MSG_FUTURE, {"day": day.isoformat()}))
        else:
            days[name] = day
    for later, earlier in (("planned_arrival", "planned_departure"), ("arrived_on", "departed_on")):
        if later in days and earlier in days and days[later] < days[earlier]:
            errors.append(FieldError(later, MSG_BEFORE, {"day": days[later].isoformat(),
                                                          "other": days[earlier].isoformat()}))
    if draft.status not in MOVEMENT_STATUSES:
        return errors + [FieldError("status", MSG_STATUS, {"value": draft.status})]
    named = {e.field for e in errors}
    departed, arrived = bool(draft.departed_on.strip()), bool(draft.arrived_on.strip())
    status = {"status": draft.status}
    if draft.status == "planned" and (departed or arrived):
        errors.append(FieldError("departed_on" if departed else "arrived_on", MSG_PLANNED))
    elif draft.status in ("under-way", "arrived") and not departed and "departed_on" not in named:
        errors.append(FieldError("departed_on", MSG_NOT_DEPARTED, status))
    elif draft.status == "arrived" and not arrived and "arrived_on" not in named:
        errors.append(FieldError("arrived_on", MSG_NOT_DEPARTED, status))
    elif draft.status in ("under-way", "aborted") and arrived and "arrived_on" not in named:
        errors.append(FieldError("arrived_on", MSG_NOT_ARRIVED, status))
    elif arrived and not departed and "arrived_on" not in named:
        errors.append(FieldError("arrived_on", MSG_ARRIVED_ONLY))
    return errors


def _waypoints(text: str, ctx: Context) -> tuple[list, FieldError | None]:
    """The waypoints as stored (site ids and [lat, lon] rounded to 5 decimals), or the first problem."""
    from geo.coords import CoordinateError, parse_coordinates

    items = [t.strip() for t in text.split(";") if t.strip()]
    if len(items) > MAX_WAYPOINTS:
        return [], FieldError("via", MSG_WAYPOINTS, {"limit": MAX_WAYPOINTS})
    out = []
    for n, item in enumerate(items, 1):
        if item in ctx.sites:
            out.append(item)
            continue
        try:
            lat, lon = parse_coordinates(item)
        except CoordinateError:
            return [], FieldError("via", MSG_WAYPOINT, {"n": n, "value": item})
        out.append([round(lat, 5), round(lon, 5)])
    return out, None


def _incident_ids(text: str) -> list[str]:
    return list(dict.fromkeys(t for t in _SPLIT_IDS.split(text.strip()) if t))


def _check_incidents(text: str, ctx: Context) -> FieldError | None:
    ids = _incident_ids(text)
    if len(ids) > MAX_LINKED:
        return FieldError("incidents", MSG_INCIDENTS, {"limit": MAX_LINKED})
    bad = next((i for i in ids if not _INCIDENT_ID.fullmatch(i)), None)
    if bad is not None:
        return FieldError("incidents", MSG_INCIDENT_ID, {"value": bad[:70]})
    if ids and ctx.known_incidents is not None:
        known = ctx.known_incidents(ids)
        missing = next((i for i in ids if i not in known), None)
        if missing is not None:
            return FieldError("incidents", MSG_INCIDENT, {"value": missing})
    return None


def _parse_date(text: str) -> date | None:
    text = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _count(text: str) -> int | None | bool:
    """The count, None if empty (not recorded), False if it is not one."""
    text = text.strip()
    if not text:
        return None
    if not re.fullmatch(r"\d{1,6}", text) or int(text) > MAX_COUNT:
        return False
    return int(text)


def dumps(value) -> str:
    """JSON text as stored (compact, so both laptops hold the same bytes)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def values(draft: MovementDraft, ctx: Context) -> dict:
    """The draft as column values; raises InvalidDraft."""
    errors = validate(draft, ctx)
    if errors:
        raise InvalidDraft(errors)
    points, _ = _waypoints(draft.via, ctx)
    optional = {n: _parse_date(getattr(draft, n)) if getattr(draft, n).strip() else None
                for n in ("planned_arrival", "departed_on", "arrived_on")}
    return dict(from_site=draft.from_site.strip(), to_site=draft.to_site.strip(), waypoints=dumps(points),
                planned_departure=_parse_date(draft.planned_departure), **optional, status=draft.status,
                personnel=_count(draft.personnel), vehicles=_count(draft.vehicles), note=draft.note.strip(),
                incident_ids=dumps(_incident_ids(draft.incidents)))


def waypoint_text(waypoints) -> str:
    """Stored waypoints (a list of site ids and [lat, lon]) as the draft writes them."""
    from geo.coords import format_dd

    return "; ".join(w if isinstance(w, str) else format_dd(w[0], w[1]) for w in waypoints)


def draft_of(record) -> MovementDraft:
    """The draft that shows a stored movement (db.movements.queries.MovementRecord) in the form."""
    def day(d):
        return d.isoformat() if d else ""

    def count(n):
        return "" if n is None else str(n)

    return MovementDraft(
        from_site=record.from_site, to_site=record.to_site, via=waypoint_text(record.waypoints),
        planned_departure=day(record.planned_departure), planned_arrival=day(record.planned_arrival),
        departed_on=day(record.departed_on), arrived_on=day(record.arrived_on), status=record.status,
        personnel=count(record.personnel), vehicles=count(record.vehicles), note=record.note,
        incidents=" ".join(record.incident_ids))
