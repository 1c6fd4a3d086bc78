"""Read movements: one, or every one (a mission moves tens to hundreds of convoys, read whole), and what a
movement is on a date (planned, under way and how far along, arrived) for the map and the timeline.

On a date, a movement is drawn from SHOWN_BEFORE_DAYS before its planned departure; while it has not left it
is planned (until SHOWN_AFTER_DAYS after its planned arrival, or departure, pass: a plan that did not happen
is not drawn for ever); from its departure it is under way, its progress the share of the days to its arrival
(actual, else planned; unknown without either); from its arrival it is arrived, drawn faded for
SHOWN_AFTER_DAYS. An aborted movement is listed, never drawn.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta

from sqlalchemy import select

from db.store.models import Movement as M  # noqa: N814

SHOWN_BEFORE_DAYS = 14
SHOWN_AFTER_DAYS = 14


class NotFound(LookupError):
    pass


@dataclass(frozen=True)
class MovementRecord:
    """One movement, every column (db.vocab.MOVEMENT_FIELDS); waypoints and incident ids read from their JSON."""

    id: str
    from_site: str
    to_site: str
    waypoints: tuple  # site ids (str) and (lat, lon) tuples, in travel order
    planned_departure: date
    planned_arrival: date | None
    departed_on: date | None
    arrived_on: date | None
    status: str
    personnel: int | None
    vehicles: int | None
    note: str
    incident_ids: tuple[str, ...]
    author: str
    origin: str
    revision: int
    created_at: datetime
    updated_at: datetime
    deleted: bool

    @property
    def sites(self) -> tuple[str, ...]:
        """Every site the movement passes: start, waypoint sites, end."""
        return (self.from_site, *(w for w in self.waypoints if isinstance(w, str)), self.to_site)

    @property
    def starts(self) -> date:
        """The departure, actual or else planned."""
        return self.departed_on or self.planned_departure

    @property
    def ends(self) -> date | None:
        """The arrival, actual or else planned (None when neither is known)."""
        return self.arrived_on or self.planned_arrival

    def vertices(self, sites) -> list[tuple[float, float]] | None:
        """The route's (lat, lon) in travel order, from `sites` (id -> (lat, lon)); None if a site is unknown
        (the scenario changed since the movement was recorded)."""
        out = []
        for w in (self.from_site, *self.waypoints, self.to_site):
            if isinstance(w, str):
                if w not in sites:
                    return None
                out.append(tuple(sites[w]))
            else:
                out.append((float(w[0]), float(w[1])))
        return out


@dataclass(frozen=True)
class OnDate:
    """What a movement is on a date: `state` planned, under-way or arrived; `progress` (0 to 1) the share of the
    way done when under way and its arrival is known (actual or planned), else None."""

    movement: MovementRecord
    state: str
    progress: float | None = None


_COLUMNS = tuple(getattr(M, f.name) for f in fields(MovementRecord))


def _record(row) -> MovementRecord:
    values = dict(zip((f.name for f in fields(MovementRecord)), row))
    values["waypoints"] = tuple(w if isinstance(w, str) else (float(w[0]), float(w[1]))
                                for w in json.loads(values["waypoints"] or "[]"))
    values["incident_ids"] = tuple(json.loads(values["incident_ids"] or "[]"))
    values["deleted"] = bool(values["deleted"])
    return MovementRecord(**values)


def get(db, movement_id: str) -> MovementRecord:
    with db.session() as s:
        row = s.execute(select(*_COLUMNS).where(M.id == movement_id)).first()
    if row is None:
        raise NotFound(movement_id)
    return _record(row)


def movements(db, include_deleted: bool = False, progress=None) -> tuple[MovementRecord, ...]:
    """Every movement (live ones unless asked), by planned departure then id."""
    query = select(*_COLUMNS).order_by(M.planned_departure, M.id)
    if not include_deleted:
        query = query.where(M.deleted.is_(False))
    with db.session() as s:
        return tuple(_record(r) for r in s.execute(query))


def on_date(m: MovementRecord, day: date) -> OnDate | None:
    """What the movement is on `day`, or None where the map does not draw it (see the module's docstring)."""
    if m.status == "aborted":
        return None
    if m.arrived_on is not None and m.arrived_on <= day:
        return OnDate(m, "arrived") if day <= m.arrived_on + timedelta(days=SHOWN_AFTER_DAYS) else None
    if m.departed_on is not None and m.departed_on <= day:
        end = m.ends
        progress = None
        if end is not None:
            span = (end - m.departed_on).days
            progress = 1.0 if span <= 0 else min(1.0, (day - m.departed_on).days / span)
        return OnDate(m, "under-way", progress)
    if m.departed_on is not None:  # it left later than this day
        return OnDate(m, "planned") if day >= m.departed_on - timedelta(days=SHOWN_BEFORE_DAYS) else None
    last = (m.planned_arrival or m.planned_departure) + timedelta(days=SHOWN_AFTER_DAYS)
    if m.planned_departure - timedelta(days=SHOWN_BEFORE_DAYS) <= day <= last:
        return OnDate(m, "planned")
    return None


def of_site(records, site_id: str) -> tuple[list[MovementRecord], list[MovementRecord]]:
    """(movements leaving the site, movements arriving there), each by departure."""
    out = [m for m in records if m.from_site == site_id]
    into = [m for m in records if m.to_site == site_id]
    return sorted(out, key=lambda m: m.starts), sorted(into, key=lambda m: m.starts)
