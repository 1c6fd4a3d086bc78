"""What a person types into the incident form, checked: `validate(draft, ctx)` names every problem, one per
field, and `values(draft, ctx)` gives the column values (position read as decimal degrees, DMS or MGRS, and
the nearest site and region worked out from it). db/incidents/writes.py stores them.

Messages are returned as data (QT_TRANSLATE_NOOP templates + arguments); app/ translates them.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, time
from functools import lru_cache

from db.clock import utcnow
from db.incidents import taxonomy
from db.incidents.queries import IncidentRecord
from db.records import QT_TRANSLATE_NOOP, Text
from db.vocab import CASUALTIES, GEO_PRECISIONS, INCIDENT_STATUSES, MAX_COUNT, TIME_PRECISIONS, reliability
from geo import basemap

FAR_KM = 500.0
NEAR_KM = 25.0  # a gazetteer place farther than this does not name an incident's place (it is only shown)
_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?")

C = "Incidents"  # translation context of every message below
MSG_REQUIRED = QT_TRANSLATE_NOOP("Incidents", "required")
MSG_DATE = QT_TRANSLATE_NOOP("Incidents", "not a date: write it as YYYY-MM-DD, e.g. 2023-08-13")
MSG_FUTURE = QT_TRANSLATE_NOOP("Incidents", "{day} is in the future")
MSG_TIME = QT_TRANSLATE_NOOP("Incidents", "not a time: write it as HH:MM (UTC), e.g. 14:30")
MSG_TYPE = QT_TRANSLATE_NOOP("Incidents", "unknown type “{value}”")
MSG_SUBTYPE = QT_TRANSLATE_NOOP("Incidents", "“{value}” is not a sub-type of this type")
MSG_COUNT = QT_TRANSLATE_NOOP("Incidents", "a whole number from 0 to {high}")
MSG_RELIABILITY = QT_TRANSLATE_NOOP("Incidents", "admiralty code: a letter A-F and a digit 1-6, e.g. B2")
MSG_STATUS = QT_TRANSLATE_NOOP("Incidents", "unknown status “{value}”")
MSG_PRECISION = QT_TRANSLATE_NOOP("Incidents", "a precision of 1, 2 or 3")
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
    place: str = ""  # the place's name (column `location`), filled from the gazetteer, editable
    admin1: str = ""  # region and cercle names: the form keeps them for the position it holds
    admin2: str = ""
    geo_precision: str = "1"  # db.vocab.GEO_PRECISIONS
    time_precision: str = "1"  # db.vocab.TIME_PRECISIONS
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
class Location:
    """Where a point falls: nearest site, its distance, the basemap region, and the nearest named place of
    the shipped gazetteer (geo.basemap.gazetteer) with its distance."""

    site_id: str | None
    site_km: float | None
    region: str
    region_name: Text
    place: str = ""
    place_km: float | None = None

    @property
    def near_place(self) -> str:
        """The nearest named place if it is near enough to name the incident's place (NEAR_KM), else ""."""
        return self.place if self.place_km is not None and self.place_km <= NEAR_KM else ""

    @property
    def admin1(self) -> str:
        """The region's name as the record keeps it (the basemap's, as ISO 3166-2 writes it)."""
        return self.region_name.en


@dataclass(frozen=True)
class Context:
    """What validation checks against."""

    types: Mapping[str, frozenset[str]]  # type id -> its sub-type ids
    locate: Callable[[float, float], Location] | None = None
    bbox: tuple[float, float, float, float] | None = None  # lon_min, lat_min, lon_max, lat_max
    today: date | None = None
    far_km: float = FAR_KM


def context(sites, today: date | None = None) -> Context:
    """Validation context for the scenario's sites (db.scenario.schema.Site): taxonomy, Mali and neighbours."""
    types = {t.id: frozenset(s.id for s in t.subtypes) for t in taxonomy.load().types}
    return Context(types, locator(sites), basemap.focus_bbox(), today or utcnow().date())


def locator(sites) -> Callable[[float, float], Location]:
    """locate(lat, lon) -> Location for the scenario's sites and the basemap regions."""
    return _locator(tuple((s.id, s.lat, s.lon) for s in sites))


@lru_cache(maxsize=4)
def _locator(sites: tuple) -> Callable[[float, float], Location]:
    from geo.lookups import SiteIndex

    index = SiteIndex(list(sites)) if sites else None
    regions = basemap.regions()
    places = basemap.gazetteer()

    def locate(lat: float, lon: float) -> Location:
        site, km = index.nearest(lat, lon) if index else (None, None)
        region = regions.region_of(lat, lon)
        place, place_km = places.nearest(lat, lon)
        return Location(site, km, region.code if region else "",
                        Text(region.name, region.name_fr or "") if region else Text(""), place or "",
                        None if place is None else place_km)
    return locate


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
    for name in CASUALTIES:
        if _parse_count(getattr(draft, name)) is None:
            errors.append(FieldError(name, MSG_COUNT, {"high": MAX_COUNT}))
    if reliability(draft.reliability) is None:
        errors.append(FieldError("reliability", MSG_RELIABILITY))
    if draft.status not in INCIDENT_STATUSES:
        errors.append(FieldError("status", MSG_STATUS, {"value": draft.status}))
    for name, allowed in (("geo_precision", GEO_PRECISIONS), ("time_precision", TIME_PRECISIONS)):
        if _parse_count(getattr(draft, name)) not in allowed:
            errors.append(FieldError(name, MSG_PRECISION))
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
        subtype=draft.subtype, actors=draft.actors.strip(),
        **{n: _parse_count(getattr(draft, n)) for n in CASUALTIES},
        description=draft.description.strip(), notes=draft.notes.strip(), source=draft.source.strip(),
        reliability=reliability(draft.reliability), status=draft.status, location=draft.place.strip(),
        admin1=draft.admin1.strip() or where.admin1, admin2=draft.admin2.strip(), geo_precision=int(draft.geo_precision),
        time_precision=int(draft.time_precision))


# the columns a field of the form sets, where they are not named alike
FIELD_COLUMNS = {"location": ("lat", "lon", "region", "site_id", "site_km", "admin1"), "place": ("location",)}


def edited_values(record: IncidentRecord, shown: IncidentDraft, typed: IncidentDraft, ctx: Context) -> dict:
    """The column values the user changed in a form that showed `shown` (draft_of(record)): only the fields
    whose text was changed (the location when it reads as another position), each only where it differs from
    the record. Saving a form left as it was writes nothing. Raises InvalidDraft."""
    from geo.coords import parse_coordinates

    new = values(typed, ctx)
    columns = set()
    for f in fields(IncidentDraft):
        if f.name == "location":
            edited = parse_coordinates(typed.location) != parse_coordinates(shown.location)
        else:
            edited = f.name != "confirmed" and getattr(typed, f.name).strip() != getattr(shown, f.name).strip()
        if edited:
            columns.update(FIELD_COLUMNS.get(f.name, (f.name,)))
    return {k: v for k, v in new.items() if k in columns and getattr(record, k) != v}


def draft_of(record: IncidentRecord) -> IncidentDraft:
    """The draft that shows a stored incident in the form; its position reads back as exactly the one stored
    (geo.coords.format_exact: MGRS if typed so, the digits typed)."""
    from geo.coords import format_exact

    return IncidentDraft(
        occurred_on=record.occurred_on.isoformat(),
        occurred_time=record.occurred_time.strftime("%H:%M") if record.occurred_time else "",
        location=format_exact(record.lat, record.lon), place=record.location, admin1=record.admin1,
        admin2=record.admin2, geo_precision=str(record.geo_precision), time_precision=str(record.time_precision),
        type=record.type, subtype=record.subtype,
        actors=record.actors, **{n: str(getattr(record, n)) for n in CASUALTIES}, description=record.description,
        notes=record.notes, source=record.source, reliability=record.reliability, status=record.status,
        confirmed=True)
