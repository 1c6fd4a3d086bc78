"""Writes of movements: create, edit, soft-delete and restore.

Every write is one transaction that also writes its audit row (db/movements/audit.py) and bumps `revision` and
`updated_at`. Nothing is ever deleted for real.
"""
from __future__ import annotations

import uuid

from sqlalchemy import insert

from db.clock import utcnow
from db.movements import audit
from db.movements.draft import Context, MovementDraft, values
from db.movements.queries import MovementRecord, NotFound
from db.store.models import Movement
from db.store.versioned import apply_changes
from db.vocab import MOVEMENT_CONTENT


def stored(record: MovementRecord) -> dict:
    """The record's content columns as stored (waypoints and incident ids as their JSON text)."""
    from db.movements.draft import dumps

    out = {k: getattr(record, k) for k in MOVEMENT_CONTENT}
    out["waypoints"] = dumps([w if isinstance(w, str) else list(w) for w in record.waypoints])
    out["incident_ids"] = dumps(list(record.incident_ids))
    return out


def changes_between(record: MovementRecord, new_values: dict) -> dict:
    """The columns of new_values (as `values` gives them) that differ from the stored record."""
    old = stored(record)
    return {k: v for k, v in new_values.items() if old[k] != v}


def create(db, draft: MovementDraft, author: str, ctx: Context, movement_id: str | None = None) -> str:
    """Store a new movement (under `movement_id`, or a new UUID) and its 'create' audit row in one transaction;
    returns its id."""
    row = values(draft, ctx)
    now = utcnow()
    row.update(id=movement_id or str(uuid.uuid4()), author=author, origin=db.laptop_id, revision=1,
               created_at=now, updated_at=now, deleted=False)
    with db.write_session() as s, s.begin():
        s.execute(insert(Movement), [row])
        audit.record(s, row["id"], now, author, row["origin"], "create",
                     {k: (None, row[k]) for k in MOVEMENT_CONTENT})
    return row["id"]


def update(db, movement_id: str, changes: dict, author: str) -> bool:
    """Apply column changes (a subset of db.vocab.MOVEMENT_CONTENT, as `values` gives them: check them with the
    validator first) in one audited transaction; False if nothing changed."""
    unknown = set(changes) - set(MOVEMENT_CONTENT)
    if unknown:
        raise KeyError(f"not editable: {', '.join(sorted(unknown))}")
    return _write(db, movement_id, changes, author, "update")


def soft_delete(db, movement_id: str, author: str) -> bool:
    return _write(db, movement_id, {"deleted": True}, author, "delete")


def restore(db, movement_id: str, author: str) -> bool:
    return _write(db, movement_id, {"deleted": False}, author, "restore")


def _write(db, movement_id: str, changes: dict, author: str, action: str) -> bool:
    now = utcnow()
    with db.write_session() as s, s.begin():
        diff = apply_changes(s, Movement, movement_id, changes, now)
        if diff is None:
            raise NotFound(movement_id)
        if diff:
            audit.record(s, movement_id, now, author, db.laptop_id, action, diff)
    return bool(diff)
