"""The one way a stored record (incident, movement, site record) changes after its creation: only the columns
whose value really differs are written, and `revision` and `updated_at` move with them. The caller writes the
audit row of the diff in the same transaction (each kind has its audit table)."""
from __future__ import annotations

from sqlalchemy import select, update


def apply_changes(s, model, ident: str, changes: dict, now) -> dict | None:
    """Inside the caller's write transaction, set `changes` on the row `ident` of `model`; returns what really
    changed, {column: (old, new)} ({}: nothing, and nothing written), or None when there is no such row."""
    old = s.execute(select(model.revision, *(getattr(model, k) for k in changes)).where(model.id == ident)).first()
    if old is None:
        return None
    diff = {k: (getattr(old, k), v) for k, v in changes.items() if getattr(old, k) != v}
    if diff:
        s.execute(update(model).where(model.id == ident).values(
            **{k: new for k, (_, new) in diff.items()}, revision=old.revision + 1, updated_at=now))
    return diff
