"""Data packages between laptops: one .zip with every incident and its audit trail, merged on import.

Members: manifest.json (format, version, mission, the exporting laptop, time, counts, the sha256 of each
other member), incidents.jsonl and audit.jsonl (one JSON object a line).

An incident both sides hold is merged by its history (audit rows other than 'create', which two laptops
seeded with the same scenario each write for themselves):
  - theirs has no edit mine lacks: mine is kept;
  - mine has no edit theirs lacks: theirs is taken (soft deletes travel like any edit);
  - both have edits the other lacks and the values differ: a Conflict. Nothing changes for that incident
    until the user chooses (`resolve`: keep mine or take theirs), which writes a 'merge' audit row.
Same values, or no history to tell them apart: the higher (revision, updated_at) wins on both laptops.
Audit rows are united, so after a package each way both laptops hold the same rows.
"""
from __future__ import annotations

import hashlib
import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Time
from sqlalchemy.exc import IntegrityError

from db.clock import utcnow
from db.exchange.imports import AUDITED, stored
from db.files import atomic
from db.incidents import audit
from db.progress import Progress, tick
from db.store import backup, dialect
from db.store.models import Incident
from db.vocab import PLACE, PRECISION

FORMAT, VERSION = "sitmon-package", 1
MEMBERS = ("incidents.jsonl", "audit.jsonl")
COLUMNS = tuple(c.name for c in Incident.__table__.columns)
AUDIT_COLUMNS = ("incident_id", "at", "author", "laptop", "action", "changes")
# Columns that packages of an older sitmon lack, with what such an incident holds (the defaults of migration 0005).
ADDED = {**dict.fromkeys(PLACE, ""), **dict.fromkeys(PRECISION, 1)}
COMPARED = AUDITED + ("deleted",)


class PackageError(Exception):
    """A package that cannot be imported; str() is the message for the user. Nothing was written."""


@dataclass(frozen=True)
class Manifest:
    mission: str
    laptop: str
    created_at: str
    counts: dict


@dataclass(frozen=True, eq=False)
class Conflict:
    """An incident edited on both laptops since they last shared it. Values as SQLite stores them
    (dates as ISO text); `their_audit` is what resolving adds to the local trail."""

    incident_id: str
    fields: tuple[str, ...]  # the columns whose values differ
    mine: dict
    theirs: dict
    their_audit: tuple[dict, ...]


@dataclass(frozen=True)
class MergeResult:
    manifest: Manifest
    created: int
    updated: int
    unchanged: int
    audit_added: int
    conflicts: tuple[Conflict, ...]


# Rows travel as SQLite stores them (text dates, 0/1 booleans, the audit's JSON text), so that both laptops
# end up with byte-identical rows.
def _select(conn, table: str, columns, order: str) -> list[dict]:
    return [dict(zip(columns, r)) for r in conn.exec_driver_sql(
        f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}")]


def _insert(conn, table: str, rows: list[dict], columns) -> None:
    if rows:
        conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                             [tuple(r[c] for c in columns) for r in rows])


def export_package(db, path: Path | str, progress: Progress = None) -> Manifest:
    """Every incident (soft-deleted ones too) with its audit trail, in one zip written whole or not at all."""
    with db.engine.connect() as conn:
        incidents = _select(conn, "incidents", COLUMNS, "id")
        trail = _select(conn, "incident_audit", AUDIT_COLUMNS, "id")
    data = {name: "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
            for name, rows in zip(MEMBERS, (incidents, trail))}
    manifest = Manifest(_mission(db), db.laptop_id, utcnow().isoformat(timespec="seconds") + "Z",
                        {"incidents": len(incidents), "audit": len(trail)})
    document = dict(format=FORMAT, version=VERSION, mission=manifest.mission, laptop=manifest.laptop,
                    created_at=manifest.created_at, counts=manifest.counts,
                    sha256={n: hashlib.sha256(b).hexdigest() for n, b in data.items()})
    with atomic(path, database=db.path) as part, zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", json.dumps(document, indent=2))
        for name, blob in data.items():
            z.writestr(name, blob)
    tick(progress, 1, 1)
    return manifest


def _mission(db) -> str:
    from db.scenario.stored import read_scenario

    try:
        return read_scenario(db).mission.id
    except LookupError:
        return ""


# What a package's members may inflate to: a zip bomb is refused from the sizes it declares, before a byte is
# inflated (zipfile never inflates a member past its declared size). JSON lines compress 5 to 15 times.
MAX_MANIFEST, MAX_MEMBER, MAX_RATIO = 1 << 20, 8 << 30, 100


def read_package(path: Path | str) -> tuple[Manifest, list[dict], list[dict]]:
    """The manifest, incidents and audit rows of a checked package."""
    try:
        with zipfile.ZipFile(path) as z:
            _check_sizes(path, z)
            doc = json.loads(z.read("manifest.json"))
            blobs = {n: z.read(n) for n in MEMBERS}
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise PackageError(f"{path} is not a sitmon data package ({exc}).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("version"), int):
        raise PackageError(f"{path} is not a sitmon data package.")
    if doc["version"] > VERSION:
        raise PackageError(f"{path} was written by a newer version of sitmon (package version {doc['version']}).")
    for name, blob in blobs.items():
        if hashlib.sha256(blob).hexdigest() != (doc.get("sha256") or {}).get(name):
            raise PackageError(f"{path} is damaged: the checksum of {name} does not match. Export it again.")
    try:
        incidents = [_checked(ADDED | json.loads(line), COLUMNS) for line in blobs[MEMBERS[0]].splitlines()]
        trail = [_checked(json.loads(line), AUDIT_COLUMNS) for line in blobs[MEMBERS[1]].splitlines()]
    except (KeyError, TypeError, ValueError) as exc:
        raise PackageError(f"{path} is damaged ({exc}).") from None
    manifest = Manifest(doc.get("mission", ""), doc.get("laptop", ""), doc.get("created_at", ""), doc.get("counts"))
    if manifest.counts != {"incidents": len(incidents), "audit": len(trail)}:
        raise PackageError(f"{path} is damaged: its counts do not match its content.")
    return manifest, incidents, trail


def _check_sizes(path, z: zipfile.ZipFile) -> None:
    infos = {i.filename: i for i in z.infolist()}
    if set(infos) != {"manifest.json", *MEMBERS}:
        raise PackageError(f"{path} is not a sitmon data package (it holds {', '.join(sorted(infos)) or 'nothing'}).")
    for name, info in infos.items():
        limit = MAX_MANIFEST if name == "manifest.json" else MAX_MEMBER
        if info.file_size > limit or info.file_size > MAX_RATIO * max(info.compress_size, 1) + MAX_MANIFEST:
            raise PackageError(f"{path} is not a sitmon data package: {name} would inflate to "
                               f"{info.file_size:,} bytes from {info.compress_size:,}.")


_CHECK = {Date: date.fromisoformat, DateTime: datetime.fromisoformat, Time: time.fromisoformat,
          Integer: int, Float: float, Boolean: int}


def _checked(row: dict, columns) -> dict:
    """A row with exactly the expected columns, each readable as its column's type."""
    if set(row) != set(columns):
        raise ValueError(f"unexpected columns {sorted(set(row) ^ set(columns))}")
    for c in columns:
        if c in Incident.__table__.c and row[c] is not None:
            _CHECK.get(type(Incident.__table__.c[c].type), str)(row[c])
    if "changes" in row:
        json.loads(row["changes"])
    return row


def _audit_key(a: dict) -> tuple:
    return tuple(a[c] for c in AUDIT_COLUMNS)


def _rank(row: dict) -> tuple:
    return row["revision"], row["updated_at"], json.dumps(row, sort_keys=True)


@dataclass
class _Merge:
    """What a package changes here, gathered before anything is written."""

    created: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    audit: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    counts: dict = field(default_factory=lambda: dict(created=0, updated=0, unchanged=0))


def import_package(db, path: Path | str, take: str | None = None, author: str = "",
                   progress: Progress = None) -> MergeResult:
    """Merge a package in one transaction. Conflicts are settled by `take` ("mine" or "theirs") or, without
    it, returned untouched for `resolve`."""
    manifest, incidents, trail = read_package(path)
    mission = _mission(db)
    if manifest.mission and mission and manifest.mission != mission:
        raise PackageError(f"{path} holds mission {manifest.mission!r}; this database holds {mission!r}.")
    theirs_audit = defaultdict(list)
    for a in trail:
        theirs_audit[a["incident_id"]].append(a)
    settle = dict(take=take, now=stored(utcnow()), author=author, laptop=db.laptop_id)
    with db.engine.connect() as conn:  # what would change, read only: a package that changes nothing takes no backup
        merge = _merge(conn, incidents, theirs_audit, settle)
    if merge.created or merge.changed or merge.audit:
        backup.before_import(db.path, db.passphrase)  # raises BackupFailed: then nothing is merged
        try:
            with db.writing() as conn:
                merge = _merge(conn, incidents, theirs_audit, settle, progress)
                _write(conn, merge.created, merge.changed, merge.audit)
        except IntegrityError as exc:
            raise PackageError(f"{path} cannot be merged: {exc.orig}. Nothing was changed.") from None
    tick(progress, len(incidents), len(incidents))
    return MergeResult(manifest, **merge.counts, audit_added=len(merge.audit), conflicts=tuple(merge.conflicts))


def _merge(conn, incidents, theirs_audit, settle, progress: Progress = None) -> _Merge:
    """What merging the package's incidents into what `conn` sees would do (nothing is written here)."""
    mine_rows = {r["id"]: r for r in _select(conn, "incidents", COLUMNS, "id")}
    mine_keys = _audit_keys(conn)
    merge = _Merge()
    for i, theirs in enumerate(incidents):
        _merge_one(merge, mine_rows.get(theirs["id"]), theirs, mine_keys[theirs["id"]], theirs_audit[theirs["id"]],
                   **settle)
        if i % 1000 == 0:
            tick(progress, i, len(incidents))
    return merge


def _merge_one(merge: _Merge, mine, theirs, keys, their_audit, take, now, author, laptop) -> None:
    decision = "create" if mine is None else _decide(mine, theirs, keys, their_audit)
    if decision == "conflict" and take is None:
        merge.conflicts.append(Conflict(theirs["id"], _differ(mine, theirs), mine, theirs, tuple(their_audit)))
        return
    merge.audit += [a for a in their_audit if _audit_key(a) not in keys]
    if decision == "create":
        merge.created.append(theirs)
    elif decision == "take":
        merge.changed.append(theirs)
    elif decision == "conflict":
        row, entry = _settle(mine, theirs, take, now, author, laptop)
        merge.changed.append(row)
        merge.audit.append(entry)
    merge.counts[{"create": "created", "keep": "unchanged"}.get(decision, "updated")] += 1


def _audit_keys(conn) -> defaultdict:
    keys = defaultdict(set)
    for a in _select(conn, "incident_audit", AUDIT_COLUMNS, "id"):
        keys[a["incident_id"]].add(_audit_key(a))
    return keys


def _differ(mine: dict, theirs: dict) -> tuple[str, ...]:
    return tuple(c for c in COMPARED if mine[c] != theirs[c])


def _decide(mine: dict, theirs: dict, mine_keys: set, theirs_audit: list) -> str:
    edits_mine = {k for k in mine_keys if k[4] != "create"}
    edits_theirs = {_audit_key(a) for a in theirs_audit if a["action"] != "create"}
    if not _differ(mine, theirs) or edits_mine == edits_theirs:
        return "take" if _rank(theirs) > _rank(mine) else "keep"
    if edits_theirs <= edits_mine:
        return "keep"
    if edits_mine <= edits_theirs:
        return "take"
    return "conflict"


def _settle(mine: dict, theirs: dict, choice: str, now: str, author: str, laptop: str) -> tuple[dict, dict]:
    """The row after the user's choice, and the 'merge' audit row recording it: field -> [other, chosen]."""
    chosen, other = (theirs, mine) if choice == "theirs" else (mine, theirs)
    row = {**chosen, "revision": max(mine["revision"], theirs["revision"]) + 1, "updated_at": now}
    diff = {c: (other[c], chosen[c]) for c in _differ(mine, theirs)}
    return row, dict(incident_id=mine["id"], at=now, author=author, laptop=laptop, action="merge",
                     changes=json.dumps(audit.changes(diff)))


def _write(conn, new_rows, changed, new_audit) -> None:
    with dialect.bulk_inserts(conn):
        _insert(conn, "incidents", new_rows, COLUMNS)
    if changed:
        names = [c for c in COLUMNS if c != "id"]
        conn.exec_driver_sql(f"UPDATE incidents SET {', '.join(f'{c} = ?' for c in names)} WHERE id = ?",
                             [tuple(r[c] for c in names) + (r["id"],) for r in changed])
    _insert(conn, "incident_audit", new_audit, AUDIT_COLUMNS)


def resolve(db, conflicts, choices: dict[str, str], author: str = "") -> tuple[Conflict, ...]:
    """Settle conflicts by the user's choice per incident id ("mine" or "theirs"), in one transaction.

    Returns the conflicts left open: no choice given, or the incident changed here since (ask again).
    """
    left, now = [], stored(utcnow())
    changed, new_audit = [], []
    with db.writing() as conn:
        current = {r["id"]: r for r in _select(conn, "incidents", COLUMNS, "id")}
        keys = _audit_keys(conn)
        for c in conflicts:
            choice = choices.get(c.incident_id)
            if choice not in ("mine", "theirs") or current.get(c.incident_id) != c.mine:
                left.append(c)
                continue
            new_audit += [a for a in c.their_audit if _audit_key(a) not in keys[c.incident_id]]
            row, entry = _settle(c.mine, c.theirs, choice, now, author, db.laptop_id)
            changed.append(row)
            new_audit.append(entry)
        _write(conn, [], changed, new_audit)
    return tuple(left)
