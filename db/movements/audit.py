"""The movements' audit trail: one row per create, edit, delete, restore or merge of a movement, saying who did
it, on which laptop, when, and each changed field as [old, new] (JSON values, as the incidents' trail)."""
from __future__ import annotations

from sqlalchemy import insert, select

from db.incidents.audit import AuditRecord, changes
from db.store.models import MovementAudit


def record(conn, movement_id: str, at, author: str, laptop: str, action: str, diff: dict) -> None:
    """Write one audit row (`conn`: a Session or Connection inside the caller's transaction)."""
    conn.execute(insert(MovementAudit), [dict(movement_id=movement_id, at=at, author=author, laptop=laptop,
                                              action=action, changes=changes(diff))])


def trail(db, movement_id: str) -> list[AuditRecord]:
    """Every change of one movement, oldest first (AuditRecord.incident_id holds the movement's id)."""
    a = MovementAudit
    with db.session() as s:
        rows = s.execute(select(a.id, a.movement_id, a.at, a.author, a.laptop, a.action, a.changes)
                         .where(a.movement_id == movement_id).order_by(a.at, a.id)).all()
    return [AuditRecord(*r[:6], tuple((k, v[0], v[1]) for k, v in (r.changes or {}).items())) for r in rows]
