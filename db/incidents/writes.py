"""Writes to the incident log: create, edit, soft-delete and restore an incident.

Every write is one transaction that also writes its audit row (db/incidents/audit.py) and bumps `revision`
and `updated_at`. Nothing is ever deleted for real.
"""
from __future__ import annotations

import uuid

from sqlalchemy import insert

from db.clock import utcnow
from db.incidents import audit
from db.incidents.draft import Context, IncidentDraft, values
from db.incidents.queries import NotFound
from db.store.models import Incident
from db.store.versioned import apply_changes
from db.vocab import CONTENT


def create(db, draft: IncidentDraft, author: str, ctx: Context, incident_id: str | None = None) -> str:
    """Store a new incident (under `incident_id`, or a new UUID) and its 'create' audit row in one transaction;
    returns its id. `ctx`: what the draft is checked against (db.incidents.draft.context)."""
    row = values(draft, ctx)
    now = utcnow()
    row.update(id=incident_id or str(uuid.uuid4()), author=author, origin=db.laptop_id, revision=1,
               created_at=now, updated_at=now, deleted=False, external_id=None, external_ts=None)
    with db.write_session() as s, s.begin():
        s.execute(insert(Incident), [row])
        audit.record(s, row["id"], now, author, row["origin"], "create", {k: (None, row[k]) for k in CONTENT})
    return row["id"]


def update(db, incident_id: str, changes: dict, author: str) -> bool:
    """Apply column changes (a subset of db.vocab.CONTENT) in one audited transaction; False if nothing changed."""
    unknown = set(changes) - set(CONTENT)
    if unknown:
        raise KeyError(f"not editable: {', '.join(sorted(unknown))}")
    return _write(db, incident_id, changes, author, "update")


def soft_delete(db, incident_id: str, author: str) -> bool:
    return _write(db, incident_id, {"deleted": True}, author, "delete")


def restore(db, incident_id: str, author: str) -> bool:
    return _write(db, incident_id, {"deleted": False}, author, "restore")


def _write(db, incident_id: str, changes: dict, author: str, action: str) -> bool:
    now = utcnow()
    with db.write_session() as s, s.begin():
        diff = apply_changes(s, Incident, incident_id, changes, now)
        if diff is None:
            raise NotFound(incident_id)
        if diff:
            audit.record(s, incident_id, now, author, db.laptop_id, action, diff)
    return bool(diff)
