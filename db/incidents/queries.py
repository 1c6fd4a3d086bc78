"""Read the incident log: one incident, and for the table and the summary, filter, count, sort and page in SQL.

Core selects only (no ORM objects). Pages are OFFSET/LIMIT over a total order (sort column, id).
"""
from __future__ import annotations

import operator
from collections import Counter
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from functools import reduce

from sqlalchemy import and_, func, or_, select

from db.store import dialect
from db.store.dialect import Live, TextMatch
from db.store.models import Incident as I  # noqa: N814
from db.vocab import CASUALTIES, INJURED, KILLED


def total(columns):
    """The SQL sum of some count columns of an incident (e.g. db.vocab.KILLED)."""
    return reduce(operator.add, (getattr(I, c) for c in columns))


_KILLED, _INJURED, CASUALTY_TOTAL = total(KILLED), total(INJURED), total(CASUALTIES)

# Table columns, in display order, and the SQL expression each one sorts on.
SORT_KEYS = {
    "occurred_on": I.occurred_on, "occurred_time": I.occurred_time, "type": I.type, "subtype": I.subtype,
    "region": I.region, "site_id": I.site_id, "site_km": I.site_km, "location": I.location,
    "geo_precision": I.geo_precision, "time_precision": I.time_precision, "killed": _KILLED, "injured": _INJURED,
    "status": I.status, "reliability": I.reliability, "description": I.description, "author": I.author,
    "updated_at": I.updated_at,
}
COLUMNS = tuple(SORT_KEYS)


class NotFound(LookupError):
    pass


@dataclass(frozen=True)
class IncidentRecord:
    """One incident, every column (db.vocab.INCIDENT_FIELDS)."""

    id: str
    occurred_on: date
    occurred_time: time | None
    lat: float
    lon: float
    region: str
    site_id: str | None
    site_km: float | None
    location: str
    admin1: str
    admin2: str
    geo_precision: int
    time_precision: int
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


def get(db, incident_id: str) -> IncidentRecord:
    with db.session() as s:
        row = s.execute(select(*(getattr(I, f.name) for f in fields(IncidentRecord))).where(I.id == incident_id)).first()
    if row is None:
        raise NotFound(incident_id)
    return IncidentRecord(*row)


@dataclass(frozen=True)
class IncidentFilter:
    date_from: date | None = None
    date_to: date | None = None
    types: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    text: str = ""
    include_deleted: bool = False


@dataclass(frozen=True)
class IncidentRow:
    """One line of the table."""

    id: str
    occurred_on: date
    occurred_time: time | None
    type: str
    subtype: str
    region: str
    site_id: str | None
    site_km: float | None
    location: str
    geo_precision: int
    time_precision: int
    killed: int
    injured: int
    status: str
    reliability: str
    description: str
    author: str
    updated_at: datetime
    deleted: bool
    lat: float
    lon: float


@dataclass(frozen=True)
class Summary:
    total: int
    by_type: tuple[tuple[str, int], ...]  # most first
    by_region: tuple[tuple[str, int], ...]
    by_week: tuple[tuple[date, int], ...]  # Monday of the ISO week, in date order


_ROW = (I.id, I.occurred_on, I.occurred_time, I.type, I.subtype, I.region, I.site_id, I.site_km, I.location,
        I.geo_precision, I.time_precision, _KILLED.label("killed"), _INJURED.label("injured"), I.status, I.reliability, I.description, I.author,
        I.updated_at, I.deleted, I.lat, I.lon)


def where(f: IncidentFilter, sort_column: str | None = None):
    """The filter as one SQL condition, for a count (sort_column None) or a page in that order."""
    terms = []
    if not f.include_deleted:
        terms.append(Live(_index_helps(f, sort_column)))
    if f.date_from is not None:
        terms.append(I.occurred_on >= f.date_from)
    if f.date_to is not None:
        terms.append(I.occurred_on <= f.date_to)
    for column, wanted in ((I.type, f.types), (I.region, f.regions), (I.site_id, f.sites), (I.status, f.statuses)):
        if wanted:
            terms.append(column.in_(wanted))
    if f.text.strip():
        terms.append(TextMatch(f.text))
    return and_(True, *terms)


def _index_helps(f: IncidentFilter, sort_column: str | None) -> bool:
    """Whether SQLite's (deleted, ...) indexes serve this query: a type, region or date filter, date order,
    or a plain count without a text search. Otherwise SQLite would still walk one of them and fetch
    every row at random (2.2 s at 1,000,000 incidents against 0.3 s for a scan), so the deleted term
    is written so no index can serve it (dialect/live.py). A text search's count starts from the text index."""
    if f.types or f.regions or f.date_from is not None or f.date_to is not None:
        return True
    return sort_column == "occurred_on" or (sort_column is None and not f.text.strip())


def count(db, f: IncidentFilter) -> int:
    with db.engine.connect() as conn:
        if f.text.strip() and f == IncidentFilter(text=f.text, include_deleted=f.include_deleted):
            found = dialect.text_count(conn, f.text, f.include_deleted)
            if found is not None:
                return found
        return conn.scalar(count_statement(f))


def page(db, f: IncidentFilter, sort_column: str = "occurred_on", descending: bool = True,
         offset: int = 0, limit: int = 200) -> list[IncidentRow]:
    """Rows offset..offset+limit of the filtered log in the given order (ties broken by id)."""
    with db.session() as s:
        rows = s.execute(page_statement(f, sort_column, descending, offset, limit)).all()
    return [IncidentRow(*r) for r in rows]


def page_statement(f: IncidentFilter, sort_column: str, descending: bool, offset: int, limit: int):
    key = SORT_KEYS[sort_column]
    order = (key.desc(), I.id.desc()) if descending else (key.asc(), I.id.asc())
    return select(*_ROW).where(where(f, sort_column)).order_by(*order).offset(offset).limit(limit)


def count_statement(f: IncidentFilter):
    return select(func.count()).select_from(I).where(where(f))


def position(db, f: IncidentFilter, sort_column: str, descending: bool, incident_id: str) -> int | None:
    """Row number of one incident in the filtered, sorted log (None if the filter hides it)."""
    key = SORT_KEYS[sort_column]
    with db.session() as s:
        me = s.execute(select(key.label("k")).where(where(f, sort_column), I.id == incident_id)).first()
        if me is None:
            return None
        k = me.k
        if k is None:  # NULLs sort first ascending in SQLite
            before = and_(key.is_(None), I.id > incident_id) if descending else \
                and_(key.is_(None), I.id < incident_id)
            if descending:
                before = or_(key.is_not(None), before)
        elif descending:
            before = or_(key > k, and_(key == k, I.id > incident_id))
        else:
            before = or_(key.is_(None), key < k, and_(key == k, I.id < incident_id))
        return s.scalar(select(func.count()).select_from(I).where(where(f, sort_column), before))


def summary(db, f: IncidentFilter) -> Summary:
    """Incidents per type, per region and per ISO week for the filter (one scan, grouped in Python)."""
    with db.session() as s:
        groups = s.execute(select(I.type, I.region, I.occurred_on, func.count()).where(where(f))
                           .group_by(I.type, I.region, I.occurred_on)).all()
    by_type: Counter = Counter()
    by_region: Counter = Counter()
    by_week: Counter = Counter()
    for kind, region, day, n in groups:
        by_type[kind] += n
        by_region[region] += n
        by_week[day - timedelta(days=day.weekday())] += n

    def most_first(c: Counter):
        return tuple(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
    return Summary(sum(by_type.values()), most_first(by_type), most_first(by_region), tuple(sorted(by_week.items())))
