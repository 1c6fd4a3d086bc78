"""The conflict queue: records two sides edited apart (an incident, a site record, a movement), kept in the store until
someone chooses, whatever is ingested after. Headquarters' ingest (db/exchange/hq.py) queues what each
package's merge (db/exchange/packages.py) leaves open; `waiting` lists them, `resolve` settles one.

An entry holds what the package held (its row and audit trail), the fields that differ and where it came
from. The same conflict is queued once (by a digest of the package's row and trail): ingesting a package
again changes nothing. A newer conflict on the same record from the same laptop supersedes the older one.
Choosing judges against the record as it is now: "mine" keeps it, "theirs" takes the package's values;
either way the package's trail joins the local one with a 'merge' audit row, so the next package that
carries the same edits merges without a conflict.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from db.exchange.packages import incidents, movements, rows, site_records

KINDS = {"incident": (incidents.TABLE, incidents.AUDIT_TABLE, incidents.COLUMNS, incidents.AUDIT_COLUMNS,
                      incidents.COMPARED),
         "site_record": (site_records.TABLE, site_records.AUDIT_TABLE, site_records.COLUMNS,
                         site_records.AUDIT_COLUMNS, site_records.COMPARED),
         "movement": (movements.TABLE, movements.AUDIT_TABLE, movements.COLUMNS, movements.AUDIT_COLUMNS,
                      movements.COMPARED)}
QUEUE_COLUMNS = ("record", "record_id", "reason", "local_id", "fields", "theirs", "their_audit", "digest", "package",
                 "package_sha256", "laptop", "provenance", "received_at", "resolution", "resolved_by")


class QueueError(LookupError):
    """A conflict that cannot be settled as asked (unknown, already settled, superseded); str() says why."""


@dataclass(frozen=True)
class Received:
    """Where a package's conflicts came from."""

    package: str  # its file name
    sha256: str
    laptop: str  # the laptop that sent it
    at: str  # when it was ingested, as stored


@dataclass(frozen=True)
class QueuedConflict:
    """One waiting conflict: `local` is the record as it is now, `incoming` what the package holds."""

    id: int
    record: str  # incident | site_record | movement
    record_id: str
    reason: str  # edited (both edited it) | handover (two handovers of one site, another date)
    fields: tuple[str, ...]
    local: dict
    incoming: dict
    package: str
    laptop: str
    received_at: datetime


def _digest(theirs: dict, their_audit) -> str:
    return hashlib.sha256(json.dumps([theirs, list(their_audit)], sort_keys=True).encode()).hexdigest()


def queue(conn, incident_conflicts, record_conflicts, received: Received, movement_conflicts=()) -> int:
    """Inside the package's write transaction: add its conflicts to the queue (each once); how many are new."""
    entries = [("incident", c.incident_id, "edited", c.incident_id, c) for c in incident_conflicts]
    entries += [("site_record", c.record_id, c.reason, c.mine["id"], c) for c in record_conflicts]
    entries += [("movement", c.movement_id, "edited", c.movement_id, c) for c in movement_conflicts]
    added = 0
    for record, record_id, reason, local_id, c in entries:
        digest = _digest(c.theirs, c.their_audit)
        if conn.exec_driver_sql("SELECT 1 FROM conflicts WHERE record = ? AND record_id = ? AND digest = ?",
                                (record, record_id, digest)).first():
            continue
        conn.exec_driver_sql("UPDATE conflicts SET resolution = 'superseded', resolved_at = ? WHERE record = ? "
                             "AND record_id = ? AND laptop = ? AND resolution = ''",
                             (received.at, record, record_id, received.laptop))
        rows.insert(conn, "conflicts", [dict(
            record=record, record_id=record_id, reason=reason, local_id=local_id, fields=json.dumps(list(c.fields)),
            theirs=json.dumps(c.theirs), their_audit=json.dumps(list(c.their_audit)), digest=digest,
            package=received.package, package_sha256=received.sha256, laptop=received.laptop,
            provenance=c.package, received_at=received.at, resolution="", resolved_by="")], QUEUE_COLUMNS)
        added += 1
    return added


def _current(conn, record: str, ident: str) -> dict | None:
    table, _, columns, _, _ = KINDS[record]
    found = conn.exec_driver_sql(f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", (ident,)).first()
    return dict(zip(columns, found)) if found else None


def _entries(conn, where: str = "resolution = ''", params=()) -> list:
    return conn.exec_driver_sql(
        "SELECT id, record, record_id, reason, local_id, fields, theirs, package, laptop, received_at, provenance "
        "FROM conflicts "
        f"WHERE {where} ORDER BY id", params).all()


def waiting(db) -> list[QueuedConflict]:
    """Every conflict still waiting for a choice, oldest first, with the record as it is now."""
    out = []
    with db.engine.connect() as conn:
        for e in _entries(conn):
            local = _current(conn, e.record, e.local_id) or {}
            out.append(QueuedConflict(e.id, e.record, e.record_id, e.reason, tuple(json.loads(e.fields)), local,
                                      json.loads(e.theirs), e.package, e.laptop,
                                      datetime.fromisoformat(str(e.received_at))))
    return out


def count_waiting(db) -> int:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM conflicts WHERE resolution = ''").scalar()


def differing(c: QueuedConflict) -> list[tuple[str, object, object]]:
    """(field, local, incoming) of each field the two sides hold apart now (a handover: its date)."""
    fields = c.fields or ("date",)
    return [(f, c.local.get(f), c.incoming.get(f)) for f in fields]


def resolve(db, conflict_id: int, choice: str, author: str = "") -> QueuedConflict:
    """Settle one waiting conflict: "mine" keeps the record as it is here, "theirs" takes the package's; in one
    write transaction with its 'merge' audit row. QueueError when it is unknown or no longer waiting."""
    from db.clock import utcnow
    from db.exchange.imports import stored

    if choice not in ("mine", "theirs"):
        raise ValueError(choice)
    now = stored(utcnow())
    with db.writing() as conn:
        found = _entries(conn, "id = ?", (conflict_id,))
        if not found:
            raise QueueError(f"there is no conflict {conflict_id}")
        resolution, by = conn.exec_driver_sql("SELECT resolution, resolved_by FROM conflicts WHERE id = ?",
                                              (conflict_id,)).one()
        if resolution:
            raise QueueError(f"conflict {conflict_id} is already settled ({resolution}{', by ' + by if by else ''})")
        e = found[0]
        theirs, their_audit = json.loads(e.theirs), json.loads(
            conn.exec_driver_sql("SELECT their_audit FROM conflicts WHERE id = ?", (conflict_id,)).scalar())
        mine = _current(conn, e.record, e.local_id)
        if e.record == "incident":
            _settle_incident(conn, mine, theirs, their_audit, choice, now, author, db.laptop_id, e.provenance)
        elif e.record == "movement":
            c = movements.MovementConflict(e.record_id, tuple(json.loads(e.fields)), mine, theirs, tuple(their_audit),
                                           e.provenance)
            if movements.resolve(conn, [c], {e.record_id: choice}, now, author, db.laptop_id):
                raise QueueError(f"conflict {conflict_id} no longer applies: the movement was changed here since")
        else:
            c = site_records.RecordConflict(e.record_id, e.reason, tuple(json.loads(e.fields)), mine, theirs,
                                            tuple(their_audit), e.provenance)
            if site_records.resolve(conn, [c], {e.record_id: choice}, now, author, db.laptop_id):
                raise QueueError(f"conflict {conflict_id} no longer applies: the package's record is already here")
        conn.exec_driver_sql("UPDATE conflicts SET resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?",
                             (choice, author, now, conflict_id))
    return QueuedConflict(e.id, e.record, e.record_id, e.reason, tuple(json.loads(e.fields)), mine, theirs, e.package,
                          e.laptop, datetime.fromisoformat(str(e.received_at)))


def _settle_incident(conn, mine, theirs, their_audit, choice, now, author, laptop, provenance) -> None:
    """The incident's row after the choice, the package's audit rows it lacks, and the 'merge' row."""
    _, audit_table, columns, audit_columns, compared = KINDS["incident"]
    keys = {rows.audit_key(a, audit_columns) for a in rows.select_where(conn, audit_table, audit_columns,
                                                                        "incident_id = ?", (mine["id"],))}
    added = [a for a in their_audit if rows.audit_key(a, audit_columns) not in keys]
    row, entry = rows.settle(mine, theirs, choice, compared, "incident_id", now, author, laptop, provenance)
    rows.update(conn, "incidents", [row], columns)
    rows.insert(conn, audit_table, added + [entry], audit_columns)

