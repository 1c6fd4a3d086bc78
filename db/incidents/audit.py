"""The incident log's audit trail: one row per create, edit, delete, restore or merge of an incident,
saying who did it, on which laptop, when, and each changed field as [old, new] (JSON values)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import insert, select

from db.store.models import AuditEntry


@dataclass(frozen=True)
class AuditRecord:
    id: int
    incident_id: str
    at: datetime
    author: str
    laptop: str
    action: str  # one of db.vocab.AUDIT_ACTIONS
    changes: tuple[tuple[str, object, object], ...]  # (field, old, new), JSON values


def value(field: str, v):
    """A field's value as the trail records it: dates and times in ISO 8601 (times to the second, whether a
    time object or SQLite's stored text), `deleted` as true/false, the rest as it is."""
    if isinstance(v, time):
        return v.isoformat(timespec="seconds")
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if field == "occurred_time" and v:
        return v[:8]
    if field == "deleted" and v is not None:
        return bool(v)
    return v


def changes(diff: dict) -> dict:
    """{field: (old, new)} as the trail's JSON document."""
    return {k: [value(k, a), value(k, b)] for k, (a, b) in diff.items()}


def record(conn, incident_id: str, at, author: str, laptop: str, action: str, diff: dict) -> None:
    """Write one audit row (`conn`: a Session or Connection inside the caller's transaction)."""
    conn.execute(insert(AuditEntry), [dict(incident_id=incident_id, at=at, author=author, laptop=laptop,
                                           action=action, changes=changes(diff))])


def trail(db, incident_id: str) -> list[AuditRecord]:
    """Every change of one incident, oldest first."""
    a = AuditEntry
    with db.session() as s:
        rows = s.execute(select(a.id, a.incident_id, a.at, a.author, a.laptop, a.action, a.changes)
                         .where(a.incident_id == incident_id).order_by(a.at, a.id)).all()
    return [AuditRecord(*r[:6], tuple((k, v[0], v[1]) for k, v in (r.changes or {}).items())) for r in rows]
