"""The incident log: validate what the user typed, create, edit, soft-delete and restore incidents.

Every write is one transaction that also writes its audit row (table incident_audit:
field -> [old, new]) and bumps `revision` and `updated_at`. Nothing is ever deleted for real.
Messages are returned as data (QT_TRANSLATE_NOOP templates + arguments); app/ translates them.
"""
from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time
from functools import lru_cache

from sqlalchemy import insert, select, update as sql_update

from . import store, taxonomy
from .models import AuditEntry, Incident
from .records import QT_TRANSLATE_NOOP, Text

STATUSES = ("reported", "verified", "closed")
COUNTS = ("killed_peacekeepers", "killed_civilians", "killed_other",
          "injured_peacekeepers", "injured_civilians", "injured_other")
# Columns the user edits (location columns are derived from lat/lon).
EDITABLE = ("occurred_on", "occurred_time", "lat", "lon", "region", "site_id", "site_km", "type", "subtype",
            "actors", *COUNTS, "description", "notes", "source", "reliability", "status")
FAR_KM = 500.0
MAX_COUNT = 100_000
_RELIABILITY = re.compile(r"[A-F][1-6]")
_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?")

C = "Incidents"  # translation context of every message below
MSG_REQUIRED = QT_TRANSLATE_NOOP("Incidents", "required")
MSG_DATE = QT_TRANSLATE_NOOP("Incidents", "not a date: write it as YYYY-MM-DD, e.g. 2023-08-13")
MSG_FUTURE = QT_TRANSLATE_NOOP("Incidents", "{day} is in the future")
MSG_TIME = QT_TRANSLATE_NOOP("Incidents", "not a time: write it as HH:MM (UTC), e.g. 14:30")
MSG_TYPE = QT_TRANSLATE_NOOP("Incidents", "unknown type {value!r}")
MSG_SUBTYPE = QT_TRANSLATE_NOOP("Incidents", "{value!r} is not a sub-type of this type")
MSG_COUNT = QT_TRANSLATE_NOOP("Incidents", "a whole number from 0 to {high}")
MSG_RELIABILITY = QT_TRANSLATE_NOOP("Incidents", "admiralty code: a letter A-F and a digit 1-6, e.g. B2")
MSG_STATUS = QT_TRANSLATE_NOOP("Incidents", "unknown status {value!r}")
MSG_FAR = QT_TRANSLATE_NOOP("Incidents", "{km:.0f} km from the nearest site: is the position right?")
MSG_OUTSIDE = QT_TRANSLATE_NOOP("Incidents", "outside Mali and its neighbours: is the position right?")


@dataclass(frozen=True)
class FieldError:
    """A problem with one field of a draft. `confirm` marks a doubt the user may overrule."""

    field: str
    message: str  # template, translated in context "Incidents" (or the geo.coords text)
    args: Mapping = field(default_factory=dict)
    confirm: bool = False


class InvalidDraft(ValueError):
    def __init__(self, errors: list[FieldError]):
        super().__init__("; ".join(f"{e.field}: {e.message.format(**e.args)}" for e in errors))
        self.errors = errors


class NotFound(LookupError):
    pass


@dataclass(frozen=True)
class IncidentDraft:
    """What the user typed, as text. `location` is decimal degrees, DMS or MGRS (geo.coords)."""

    occurred_on: str = ""  # YYYY-MM-DD, UTC
    occurred_time: str = ""  # HH:MM, UTC, optional
    location: str = ""
    type: str = ""
    subtype: str = ""
    actors: str = ""
    killed_peacekeepers: str = "0"
    killed_civilians: str = "0"
    killed_other: str = "0"
    injured_peacekeepers: str = "0"
    injured_civilians: str = "0"
    injured_other: str = "0"
    description: str = ""
    notes: str = ""
    source: str = ""
    reliability: str = ""
    status: str = "reported"
    confirmed: bool = False  # the user confirmed a position far from every site


@dataclass(frozen=True)
class IncidentRecord:
    id: str
    occurred_on: date
    occurred_time: time | None
    lat: float
    lon: float
    region: str
    site_id: str | None
    site_km: float | None
    type: str
    subtype: str
    actors: str
    killed_peacekeepers: int
    killed_civilians: int
    killed_other: int
    injured_peacekeepers: int
    injured_civilians: int
    injured_other: int
    description: str
    notes: str
    source: str
    reliability: str
    status: str
    author: str
    origin: str
    external_id: str | None
    external_ts: int | None
    revision: int
    created_at: datetime
    updated_at: datetime
    deleted: bool


@dataclass(frozen=True)
class AuditRecord:
    id: int
    incident_id: str
    at: datetime
    author: str
    laptop: str
    action: str  # create | update | delete | restore | merge
    changes: tuple[tuple[str, object, object], ...]  # (field, old, new), JSON values


@dataclass(frozen=True)
class Location:
    """Where a point falls: nearest site, its distance, and the basemap region."""

    site_id: str | None
    site_km: float | None
    region: str
    region_name: Text


@dataclass(frozen=True)
class Context:
    """What validation checks against."""

    types: Mapping[str, frozenset[str]]  # type id -> its sub-type ids
    locate: Callable[[float, float], Location] | None = None
    bbox: tuple[float, float, float, float] | None = None  # lon_min, lat_min, lon_max, lat_max
    today: date | None = None
    far_km: float = FAR_KM


def context(db, today: date | None = None) -> Context:
    """Validation context for this database: taxonomy, the scenario's sites, Mali and neighbours."""
    types = {t.id: frozenset(s.id for s in t.subtypes) for t in taxonomy.load().types}
    return Context(types, locator(db), _focus_bbox(), today or store.utcnow().date())


def locator(db) -> Callable[[float, float], Location]:
    """locate(lat, lon) -> Location for the database's scenario sites and the basemap regions."""
    sites = store.read_scenario(db).sites
    return _locator(tuple((s.id, s.lat, s.lon) for s in sites))


@lru_cache(maxsize=4)
def _locator(sites: tuple) -> Callable[[float, float], Location]:
    from geo.lookups import SiteIndex

    index = SiteIndex(list(sites)) if sites else None
    regions = _regions()

    def locate(lat: float, lon: float) -> Location:
        site, km = index.nearest(lat, lon) if index else (None, None)
        region = regions.region_of(lat, lon)
        return Location(site, km, region.code if region else "",
                        Text(region.name, region.name_fr or "") if region else Text(""))
    return locate


@lru_cache(maxsize=1)
def _regions():
    from geo.basemap import load_layer
    from geo.lookups import Regions

    return Regions(load_layer("mali_regions"))


@lru_cache(maxsize=1)
def _focus_bbox() -> tuple[float, float, float, float]:
    from geo.basemap import load_layer

    countries = load_layer("countries")
    return tuple(float(v) for v in countries[countries["role"] == "focus"].total_bounds)


def validate(draft: IncidentDraft, ctx: Context) -> list[FieldError]:
    """Every problem of the draft, one per field at most; never raises."""
    errors = []
    day = _parse_date(draft.occurred_on)
    if not draft.occurred_on.strip():
        errors.append(FieldError("occurred_on", MSG_REQUIRED))
    elif day is None:
        errors.append(FieldError("occurred_on", MSG_DATE))
    elif ctx.today is not None and day > ctx.today:
        errors.append(FieldError("occurred_on", MSG_FUTURE, {"day": day.isoformat()}))
    if draft.occurred_time.strip() and _parse_time(draft.occurred_time) is None:
        errors.append(FieldError("occurred_time", MSG_TIME))
    errors += _check_location(draft, ctx)
    if not draft.type:
        errors.append(FieldError("type", MSG_REQUIRED))
    elif draft.type not in ctx.types:
        errors.append(FieldError("type", MSG_TYPE, {"value": draft.type}))
    elif draft.subtype and draft.subtype not in ctx.types[draft.type]:
        errors.append(FieldError("subtype", MSG_SUBTYPE, {"value": draft.subtype}))
    for name in COUNTS:
        if _parse_count(getattr(draft, name)) is None:
            errors.append(FieldError(name, MSG_COUNT, {"high": MAX_COUNT}))
    if draft.reliability.strip() and not _RELIABILITY.fullmatch(draft.reliability.strip().upper()):
        errors.append(FieldError("reliability", MSG_RELIABILITY))
    if draft.status not in STATUSES:
        errors.append(FieldError("status", MSG_STATUS, {"value": draft.status}))
    return errors


def _check_location(draft: IncidentDraft, ctx: Context) -> list[FieldError]:
    from geo.coords import CoordinateError, parse_coordinates

    if not draft.location.strip():
        return [FieldError("location", MSG_REQUIRED)]
    try:
        lat, lon = parse_coordinates(draft.location)
    except CoordinateError as e:
        return [FieldError("location", e.template, dict(e.params))]
    if draft.confirmed:
        return []
    if ctx.bbox is not None:
        x0, y0, x1, y1 = ctx.bbox
        if not (x0 <= lon <= x1 and y0 <= lat <= y1):
            return [FieldError("location", MSG_OUTSIDE, confirm=True)]
    if ctx.locate is not None:
        km = ctx.locate(lat, lon).site_km
        if km is not None and km > ctx.far_km:
            return [FieldError("location", MSG_FAR, {"km": km}, confirm=True)]
    return []


def _parse_date(text: str) -> date | None:
    text = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _parse_time(text: str) -> time | None:
    m = _TIME.fullmatch(text.strip())
    return time(int(m[1]), int(m[2]), int(m[3] or 0)) if m else None


def _parse_count(text: str) -> int | None:
    text = text.strip()
    if not text:
        return 0
    if not re.fullmatch(r"\d{1,6}", text) or int(text) > MAX_COUNT:
        return None
    return int(text)


def values(draft: IncidentDraft, ctx: Context) -> dict:
    """The draft as column values (location columns included); raises InvalidDraft."""
    from geo.coords import parse_coordinates

    errors = validate(draft, ctx)
    if errors:
        raise InvalidDraft(errors)
    lat, lon = parse_coordinates(draft.location)
    where = ctx.locate(lat, lon) if ctx.locate else Location(None, None, "", Text(""))
    return dict(
        occurred_on=_parse_date(draft.occurred_on), occurred_time=_parse_time(draft.occurred_time) if
        draft.occurred_time.strip() else None, lat=lat, lon=lon, region=where.region, site_id=where.site_id,
        site_km=None if where.site_km is None else round(where.site_km, 3), type=draft.type,
        subtype=draft.subtype, actors=draft.actors.strip(), **{n: _parse_count(getattr(draft, n)) for n in COUNTS},
        description=draft.description.strip(), notes=draft.notes.strip(), source=draft.source.strip(),
        reliability=draft.reliability.strip().upper(), status=draft.status)


def draft_of(record: IncidentRecord) -> IncidentDraft:
    """The draft that shows a stored incident in the form."""
    from geo.coords import format_dd

    return IncidentDraft(
        occurred_on=record.occurred_on.isoformat(),
        occurred_time=record.occurred_time.strftime("%H:%M") if record.occurred_time else "",
        location=format_dd(record.lat, record.lon), type=record.type, subtype=record.subtype,
        actors=record.actors, **{n: str(getattr(record, n)) for n in COUNTS}, description=record.description,
        notes=record.notes, source=record.source, reliability=record.reliability, status=record.status,
        confirmed=True)


def changes_between(record: IncidentRecord, new_values: dict) -> dict:
    """The columns of new_values that differ from the record."""
    return {k: v for k, v in new_values.items() if getattr(record, k) != v}


def create(db, draft: IncidentDraft, author: str, ctx: Context | None = None) -> str:
    """Store a new incident and its 'create' audit row in one transaction; returns its id."""
    row = values(draft, ctx or context(db))
    now = store.utcnow()
    row.update(id=str(uuid.uuid4()), author=author, origin=store.laptop_id(db), revision=1,
               created_at=now, updated_at=now, deleted=False, external_id=None, external_ts=None)
    with db.session() as s, s.begin():
        s.execute(insert(Incident), [row])
        _audit(s, row["id"], now, author, row["origin"], "create", {k: [None, row[k]] for k in EDITABLE})
    return row["id"]


def update(db, incident_id: str, changes: dict, author: str) -> bool:
    """Apply column changes (a subset of EDITABLE) in one audited transaction; False if nothing changed."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise KeyError(f"not editable: {', '.join(sorted(unknown))}")
    return _write(db, incident_id, changes, author, "update")


def soft_delete(db, incident_id: str, author: str) -> bool:
    return _write(db, incident_id, {"deleted": True}, author, "delete")


def restore(db, incident_id: str, author: str) -> bool:
    return _write(db, incident_id, {"deleted": False}, author, "restore")


def _write(db, incident_id: str, changes: dict, author: str, action: str) -> bool:
    laptop = store.laptop_id(db)
    with db.session() as s, s.begin():
        cols = [getattr(Incident, k) for k in changes]
        old = s.execute(select(Incident.revision, *cols).where(Incident.id == incident_id)).first()
        if old is None:
            raise NotFound(incident_id)
        diff = {k: [getattr(old, k), v] for k, v in changes.items() if getattr(old, k) != v}
        if not diff:
            return False
        now = store.utcnow()
        s.execute(sql_update(Incident).where(Incident.id == incident_id).values(
            **{k: new for k, (_, new) in diff.items()}, revision=old.revision + 1, updated_at=now))
        _audit(s, incident_id, now, author, laptop, action, diff)
    return True


def _audit(s, incident_id, at, author, laptop, action, changes: dict) -> None:
    s.execute(insert(AuditEntry), [dict(
        incident_id=incident_id, at=at, author=author, laptop=laptop, action=action,
        changes={k: [_jsonable(a), _jsonable(b)] for k, (a, b) in changes.items()})])


def _jsonable(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def get(db, incident_id: str) -> IncidentRecord:
    with db.session() as s:
        row = s.execute(select(*_COLUMNS).where(Incident.id == incident_id)).first()
    if row is None:
        raise NotFound(incident_id)
    return IncidentRecord(*row)


def audit_trail(db, incident_id: str) -> list[AuditRecord]:
    """Every change of one incident, oldest first."""
    a = AuditEntry
    with db.session() as s:
        rows = s.execute(select(a.id, a.incident_id, a.at, a.author, a.laptop, a.action, a.changes)
                         .where(a.incident_id == incident_id).order_by(a.at, a.id)).all()
    return [AuditRecord(*r[:6], tuple((k, v[0], v[1]) for k, v in (r.changes or {}).items())) for r in rows]


_COLUMNS = tuple(getattr(Incident, f.name) for f in fields(IncidentRecord))
