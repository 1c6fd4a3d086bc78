"""Writes to the site log: record, edit, soft-delete and restore a site record.

Every write is one transaction: the draft is checked against the records stored at that moment (read inside
the transaction, so two writers cannot both add a site's handover), then the row and its audit row are
written, `revision` and `updated_at` bumped. A refused write raises InvalidDraft and writes nothing; nothing
is ever deleted for real.
"""
from __future__ import annotations

import uuid
from dataclasses import replace

from sqlalchemy import insert, select

from db.clock import utcnow
from db.sites import audit
from db.sites.draft import Context, InvalidDraft, SiteRecordDraft, draft_of, validate, values
from db.sites.queries import COLUMNS, NotFound, SiteRecord
from db.store.models import SiteRecordRow as R  # noqa: N814
from db.store.versioned import apply_changes
from db.vocab import SITE_RECORD_CONTENT


def _stored(s) -> list[SiteRecord]:
    """The live records, read inside the caller's transaction."""
    return [SiteRecord(*r) for r in s.execute(select(*COLUMNS).where(R.deleted.is_(False)))]


def create(db, draft: SiteRecordDraft, author: str, ctx: Context, record_id: str | None = None) -> str:
    """Store a new record (under `record_id`, or a new UUID) and its 'create' audit row; returns its id."""
    now = utcnow()
    with db.write_session() as s, s.begin():
        row = values(draft, ctx, _stored(s))
        row.update(id=record_id or str(uuid.uuid4()), author=author, origin=db.laptop_id, recorded_at=now,
                   updated_at=now, revision=1, deleted=False)
        s.execute(insert(R), [row])
        audit.record(s, row["id"], now, author, row["origin"], "create",
                     {k: (None, row[k]) for k in SITE_RECORD_CONTENT})
    return row["id"]


def update(db, record_id: str, draft: SiteRecordDraft, author: str, ctx: Context) -> bool:
    """Replace a record's content with the draft's, audited; False if nothing changed."""
    with db.write_session() as s, s.begin():
        new = values(draft, ctx, _stored(s), record_id)
        return _write(s, db, record_id, new, author, "update")


def soft_delete(db, record_id: str, author: str) -> bool:
    with db.write_session() as s, s.begin():
        return _write(s, db, record_id, {"deleted": True}, author, "delete")


def restore(db, record_id: str, author: str, ctx: Context) -> bool:
    """Undelete a record, checked again first: a restored handover must not make a site's second one."""
    with db.write_session() as s, s.begin():
        old = _get(s, record_id)
        errors = validate(draft_of(old), replace(ctx, today=None), _stored(s), record_id)
        if errors:
            raise InvalidDraft(errors)
        return _write(s, db, record_id, {"deleted": False}, author, "restore")


def _get(s, record_id: str) -> SiteRecord:
    row = s.execute(select(*COLUMNS).where(R.id == record_id)).first()
    if row is None:
        raise NotFound(record_id)
    return SiteRecord(*row)


def _write(s, db, record_id: str, changes: dict, author: str, action: str) -> bool:
    now = utcnow()
    diff = apply_changes(s, R, record_id, changes, now)
    if diff is None:
        raise NotFound(record_id)
    if diff:
        audit.record(s, record_id, now, author, db.laptop_id, action, diff)
    return bool(diff)

