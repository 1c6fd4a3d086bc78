"""Read the site records: all of them (for the status engine and the window: a mission has tens or hundreds),
one by its id or the unique start of it, those of a date range (the briefing's "Updates since")."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import select

from db.store.models import SiteRecordRow as R  # noqa: N814


class NotFound(LookupError):
    pass


class Ambiguous(LookupError):
    pass


@dataclass(frozen=True)
class SiteRecord:
    """One entry of a site's log, every column (db.vocab.SITE_RECORD_FIELDS and `updated_at`)."""

    id: str
    site_id: str
    kind: str  # db.vocab.SITE_RECORD_KINDS
    date: dt.date
    value: int | None  # a count (repatriated)
    category: str  # db.vocab.PERSONNEL (repatriated), else ""
    source: str
    reliability: str
    note: str
    author: str
    origin: str  # the laptop that recorded it
    recorded_at: dt.datetime
    updated_at: dt.datetime
    revision: int
    deleted: bool

    @property
    def short_id(self) -> str:
        return self.id[:8]


COLUMNS = tuple(getattr(R, f.name) for f in fields(SiteRecord))


def all_records(db, include_deleted: bool = True) -> tuple[SiteRecord, ...]:
    """Every record, oldest date first (then by when it was recorded)."""
    stmt = select(*COLUMNS).order_by(R.date, R.recorded_at, R.id)
    if not include_deleted:
        stmt = stmt.where(R.deleted.is_(False))
    with db.session() as s:
        return tuple(SiteRecord(*r) for r in s.execute(stmt))


def live(records) -> tuple[SiteRecord, ...]:
    return tuple(r for r in records if not r.deleted)


def between(db, start: dt.date, end: dt.date) -> tuple[SiteRecord, ...]:
    """Live records dated start..end, newest first."""
    with db.session() as s:
        rows = s.execute(select(*COLUMNS).where(R.deleted.is_(False), R.date >= start, R.date <= end)
                         .order_by(R.date.desc(), R.recorded_at.desc(), R.id))
        return tuple(SiteRecord(*r) for r in rows)


def get(db, record_id: str) -> SiteRecord:
    with db.session() as s:
        row = s.execute(select(*COLUMNS).where(R.id == record_id)).first()
    if row is None:
        raise NotFound(record_id)
    return SiteRecord(*row)


def find(db, start: str) -> SiteRecord:
    """The record whose id is `start` or begins with it; NotFound, or Ambiguous when several do."""
    start = start.strip().lower()
    if not start:
        raise NotFound(start)
    with db.session() as s:
        rows = s.execute(select(*COLUMNS).where(R.id.startswith(start, autoescape=True)).limit(2)).all()
    if not rows:
        raise NotFound(start)
    if len(rows) > 1:
        raise Ambiguous(start)
    return SiteRecord(*rows[0])
