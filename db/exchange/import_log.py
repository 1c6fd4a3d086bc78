"""What the imports of CSV files did: their list, and undoing one (or redoing it) as one step.

Undoing an import is one audited write transaction, as an edit is, tagged with the import:
  - the incidents it created are deleted (soft: a 'delete' audit row each naming the import under UNDO), so
    the undo reaches the other laptops through packages as any deletion does, and Restore or Redo brings them
    back; importing the same file again brings them back too (imports.py);
  - the incidents it changed get their values from before it back, field by field where they still hold the
    imported value (a field edited since keeps its edit: those incidents are counted in `kept`), with an
    'update' audit row each;
  - its row keeps who undid it and when.
Redoing it puts back what the undo changed, the same way. Everything here is portable SQL (SQLAlchemy Core).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import JSON, Boolean, Date, DateTime, Time, bindparam, insert, literal, select, union, update

from db.clock import utcnow
from db.incidents import audit
from db.records import QT_TRANSLATE_NOOP
from db.store.errors import DatabaseError
from db.store.models import AuditEntry, ImportRow, Incident

MSG_NO_IMPORT = QT_TRANSLATE_NOOP("db", "There is no import number {id}.")
MSG_NONE = QT_TRANSLATE_NOOP("db", "No import is left to undo.")
MSG_ALREADY_UNDONE = QT_TRANSLATE_NOOP("db", "The import of {file} (number {id}) was undone already.")
MSG_NOT_UNDONE = QT_TRANSLATE_NOOP("db", "The import of {file} (number {id}) is not undone: there is nothing to "
                                         "redo.")
CHUNK = 500


class ImportLogError(DatabaseError):
    """An undo or redo that cannot be done as asked; str() says why."""


@dataclass(frozen=True)
class ImportRecord:
    id: int
    file: str
    sha256: str
    format: str
    author: str
    laptop: str
    at: datetime  # UTC
    rows: int
    refused: int
    created: int
    updated: int
    unchanged: int
    undone_at: datetime | None
    undone_by: str


@dataclass(frozen=True)
class UndoResult:
    record: ImportRecord  # the import, as it is now
    removed: int  # incidents it created, now deleted (undo) or back (redo)
    reverted: int  # incidents it changed, now with their values from before it (undo) or its values (redo)
    kept: int  # of those, the ones with a field edited since, which kept the edit


_COLUMNS = tuple(getattr(ImportRow, f) for f in ImportRecord.__dataclass_fields__)


def list_imports(db) -> list[ImportRecord]:
    """Every import, newest first."""
    with db.engine.connect() as conn:
        return [ImportRecord(*r) for r in conn.execute(select(*_COLUMNS).order_by(ImportRow.id.desc()))]


def newest_in_force(db) -> int:
    """The newest import not undone; ImportLogError when there is none."""
    with db.engine.connect() as conn:
        found = conn.execute(select(ImportRow.id).where(ImportRow.undone_at.is_(None))
                             .order_by(ImportRow.id.desc()).limit(1)).scalar()
    if found is None:
        raise ImportLogError(MSG_NONE)
    return found


def undo_import(db, import_id: int, author: str = "", redo: bool = False) -> UndoResult:
    """Undo an import (or, `redo`, put back what its undo changed) in one write transaction."""
    now = utcnow()
    with db.writing() as conn:
        found = conn.execute(select(*_COLUMNS).where(ImportRow.id == import_id)).first()
        if found is None:
            raise ImportLogError(MSG_NO_IMPORT, id=import_id)
        record = ImportRecord(*found)
        if (record.undone_at is None) == redo:
            raise ImportLogError(MSG_NOT_UNDONE if redo else MSG_ALREADY_UNDONE, file=record.file, id=import_id)
        name = audit.import_name(record.file, record.sha256)
        marker = {audit.IMPORT if redo else audit.UNDO: (None, name)}
        tag = dict(at=now, author=author, laptop=db.laptop_id, import_id=import_id)
        removed = _created(conn, record, redo, marker, tag)
        reverted, kept = _changed(conn, record, redo, marker, tag)
        conn.execute(update(ImportRow).where(ImportRow.id == import_id).values(
            undone_at=None if redo else now, undone_by="" if redo else author))
        after = ImportRecord(*conn.execute(select(*_COLUMNS).where(ImportRow.id == import_id)).one())
    return UndoResult(after, removed, reverted, kept)


def _created(conn, record: ImportRecord, redo: bool, marker: dict, tag: dict) -> int:
    """Delete the incidents the import created (or, redo, restore those its undo deleted); how many."""
    a, i = AuditEntry, Incident
    if redo:
        chosen = select(a.incident_id).where(a.import_id == record.id, a.action == "delete",
                                             a.at == record.undone_at)
    else:  # created by it, or brought back by it (removed by an earlier undo: imports.py)
        chosen = union(select(i.id).where(i.import_id == record.id),
                       select(a.incident_id).where(a.import_id == record.id, a.action == "restore",
                                                   a.at == record.at))
    targets = i.id.in_(chosen) & (i.deleted == redo)
    changes = audit.changes({"deleted": (redo, not redo), **marker})
    conn.execute(insert(a).from_select(
        ["incident_id", "at", "author", "laptop", "action", "changes", "import_id"],
        select(i.id, literal(tag["at"], DateTime), literal(tag["author"]), literal(tag["laptop"]),
               literal("restore" if redo else "delete"), literal(changes, JSON), literal(record.id))
        .where(targets)))
    return conn.execute(update(i).where(targets).values(
        deleted=not redo, revision=i.revision + 1, updated_at=tag["at"])).rowcount


def _changed(conn, record: ImportRecord, redo: bool, marker: dict, tag: dict) -> tuple[int, int]:
    """Set back the fields the import changed (or, redo, set them again) where they still hold the value it
    left (or, redo, the one it found); (incidents changed, incidents with a field left as edited since)."""
    a = AuditEntry
    diffs = conn.execute(select(a.incident_id, a.changes).where(
        a.import_id == record.id, a.action == "update", a.at == record.at)).all()
    reverted = kept = 0
    for start in range(0, len(diffs), CHUNK):
        part = {ident: {f: v for f, v in changes.items() if f != audit.IMPORT} for ident, changes in diffs[start:
                                                                                                         start + CHUNK]}
        fields = sorted({f for d in part.values() for f in d})
        current = {r.id: r for r in conn.execute(select(Incident.id, *(getattr(Incident, f) for f in fields))
                                                 .where(Incident.id.in_(part)))}
        by_fields, trail = defaultdict(list), []
        for ident, diff in part.items():
            now, back = {}, {}
            for f, (old, new) in diff.items():
                want, have = (new, old) if redo else (old, new)
                value = audit.value(f, getattr(current[ident], f))
                if value == have:
                    now[f], back[f] = getattr(current[ident], f), _typed(f, want)
            kept += len(back) < len(diff)
            if back:
                by_fields[tuple(sorted(back))].append({"_id": ident, **back})
                trail.append(dict(incident_id=ident, action="update",
                                  changes=audit.changes({f: (now[f], back[f]) for f in back} | marker), **tag))
        for names, values in by_fields.items():
            conn.execute(update(Incident).where(Incident.id == bindparam("_id")).values(
                **{f: bindparam(f) for f in names}, revision=Incident.revision + 1, updated_at=tag["at"]), values)
        if trail:
            conn.execute(insert(a), trail)
        reverted += len(trail)
    return reverted, kept


def _typed(field: str, value):
    """An audit trail's JSON value as its column takes it (dates and times from their ISO text)."""
    kind = type(Incident.__table__.c[field].type)
    if value is None:
        return None
    if kind is Date:
        return date.fromisoformat(value)
    if kind is Time:
        return time.fromisoformat(value)
    if kind is DateTime:
        return datetime.fromisoformat(value)
    if kind is Boolean:
        return bool(value)
    return value
