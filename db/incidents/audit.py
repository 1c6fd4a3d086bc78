"""The incident log's audit trail: one row per create, edit, delete, restore or merge of an incident,
saying who did it, on which laptop, when, and each changed field as [old, new] (JSON values).

An incident created by an import of a CSV file has no row of its own: the `imports` row it points at says who
imported which file when, and its trail starts with that ('create', the file named under IMPORT). The rows an
import or its undo writes name the file too (IMPORT, UNDO): a data package carries them as they are, and the
'create' of an imported incident as `created_by_imports` makes it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

import json

from sqlalchemy import insert, select

from db.store.models import AuditEntry, ImportRow, Incident

IMPORT = "import"  # in an audit row: the file an import brought the change with (its name and SHA-256)
UNDO = "undo"  # in an audit row: the import whose undo made the change


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


def import_name(file: str, sha256: str) -> str:
    """How the trail names an imported file."""
    return f"{file} · SHA-256 {sha256}"


def trail(db, incident_id: str) -> list[AuditRecord]:
    """Every change of one incident, oldest first; an imported incident's starts with its import."""
    a, m = AuditEntry, ImportRow
    with db.session() as s:
        rows = s.execute(select(a.id, a.incident_id, a.at, a.author, a.laptop, a.action, a.changes)
                         .where(a.incident_id == incident_id).order_by(a.at, a.id)).all()
        created = s.execute(select(m.at, m.author, m.laptop, m.file, m.sha256).join(Incident, Incident.import_id == m.id)
                            .where(Incident.id == incident_id)).first()
    out = [AuditRecord(*r[:6], tuple((k, v[0], v[1]) for k, v in (r.changes or {}).items())) for r in rows]
    if created is not None:
        out.insert(0, AuditRecord(0, incident_id, created.at, created.author, created.laptop, "create",
                                  ((IMPORT, None, import_name(created.file, created.sha256)),)))
    return out


def created_by_imports(conn) -> list[dict]:
    """The 'create' audit row of every imported incident, as a data package carries audit rows (values as
    stored): made from its import's row, the same every time, so the other laptop keeps it as a row of its
    own and this one knows it again when it comes back."""
    found = conn.exec_driver_sql("SELECT i.id, m.at, m.author, m.laptop, m.file, m.sha256 FROM incidents i "
                                 "JOIN imports m ON m.id = i.import_id ORDER BY i.id")
    return [dict(incident_id=r[0], at=r[1], author=r[2], laptop=r[3], action="create",
                 changes=json.dumps(changes({IMPORT: (None, import_name(r[4], r[5]))}))) for r in found]
