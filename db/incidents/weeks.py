"""Incidents per ISO week and type (the briefing's chart): one GROUP BY in SQL, days folded into weeks here."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from db.incidents.queries import IncidentFilter, where
from db.store.models import Incident as I  # noqa: N814


def weekly_by_type(db, f: IncidentFilter) -> tuple[tuple[date, str, int], ...]:
    """(Monday of the ISO week, type id, count) for the filter, in week then type order."""
    with db.session() as s:
        rows = s.execute(select(I.occurred_on, I.type, func.count()).where(where(f))
                         .group_by(I.occurred_on, I.type)).all()
    counts: dict[tuple[date, str], int] = {}
    for day, kind, n in rows:
        key = (day - timedelta(days=day.weekday()), kind)
        counts[key] = counts.get(key, 0) + n
    return tuple((week, kind, n) for (week, kind), n in sorted(counts.items()))
