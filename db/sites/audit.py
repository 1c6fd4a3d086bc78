"""The site records' audit trail: one row per create, edit, delete, restore or merge of a record, saying who
did it, on which laptop, when, and each changed field as [old, new] (JSON values, as the incident trail)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select

from db.incidents.audit import changes
from db.store.models import SiteRecordAudit


@dataclass(frozen=True)
class SiteAuditRecord:
    id: int
    record_id: str
    at: datetime
    author: str
    laptop: str
    action: str  # one of db.vocab.AUDIT_ACTIONS
    changes: tuple[tuple[str, object, object], ...]  # (field, old, new), JSON values


def record(conn, record_id: str, at, author: str, laptop: str, action: str, diff: dict) -> None:
    """Write one audit row (`conn`: a Session or Connection inside the caller's transaction)."""
    conn.execute(insert(SiteRecordAudit), [dict(record_id=record_id, at=at, author=author, laptop=laptop,
                                                action=action, changes=changes(diff))])


def trail(db, record_id: str) -> list[SiteAuditRecord]:
    """Every change of one record, oldest first."""
    a = SiteRecordAudit
    with db.session() as s:
        rows = s.execute(select(a.id, a.record_id, a.at, a.author, a.laptop, a.action, a.changes)
                         .where(a.record_id == record_id).order_by(a.at, a.id)).all()
    return [SiteAuditRecord(*r[:6], tuple((k, v[0], v[1]) for k, v in (r.changes or {}).items())) for r in rows]
