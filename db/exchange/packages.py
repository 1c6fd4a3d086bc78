"""Data packages between laptops: one .zip with every incident, every site record and every movement, each with
its audit trail, merged on import (site records and movements by their own pieces, db/exchange/site_records.py and
db/exchange/movements.py).

Members: manifest.json (format, version, mission, the exporting laptop, time, counts, the sha256 of each
other member), incidents.jsonl and audit.jsonl, site_records.jsonl and site_record_audit.jsonl (version 2),
movements.jsonl and movement_audit.jsonl (version 3; one JSON object a line). A version 1 package (incidents
only) is read as having no site records, a version 1 or 2 package as having no movements.

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
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from db.clock import utcnow
from db.exchange import movements, rows, site_records
from db.exchange.imports import AUDITED, stored
from db.files import atomic
from db.progress import Progress, tick
from db.store import backup, dialect
from db.store.models import Incident
from db.vocab import PLACE, PRECISION

FORMAT, VERSION = "sitmon-package", 3
INCIDENT_MEMBERS = ("incidents.jsonl", "audit.jsonl")
MEMBERS = INCIDENT_MEMBERS + site_records.MEMBERS + movements.MEMBERS
REQUIRED = {1: INCIDENT_MEMBERS, 2: INCIDENT_MEMBERS + site_records.MEMBERS, 3: MEMBERS}  # version -> its members
COUNTS = dict(zip(MEMBERS, ("incidents", "audit", "site_records", "site_record_audit", "movements",
                            "movement_audit")))  # member -> count key
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
    site_records: site_records.RecordMerge = site_records.RecordMerge()
    movements: movements.MovementMerge = movements.MovementMerge()


_select, _insert = rows.select, rows.insert


def export_package(db, path: Path | str, progress: Progress = None) -> Manifest:
    """Every incident, site record and movement (soft-deleted ones too) with their audit trails, in one zip
    written whole or not at all."""
    with db.engine.connect() as conn:
        found = (_select(conn, "incidents", COLUMNS, "id"), _select(conn, "incident_audit", AUDIT_COLUMNS, "id"),
                 *site_records.export_rows(conn), *movements.export_rows(conn))
    data = {name: "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in member).encode()
            for name, member in zip(MEMBERS, found)}
    manifest = Manifest(_mission(db), db.laptop_id, utcnow().isoformat(timespec="seconds") + "Z",
                        {COUNTS[name]: len(member) for name, member in zip(MEMBERS, found)})
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


def read_package(path: Path | str) -> tuple[Manifest, dict[str, list[dict]]]:
    """The manifest and the rows of each member (MEMBERS) of a checked package."""
    try:
        with zipfile.ZipFile(path) as z:
            _check_sizes(path, z)
            doc = json.loads(z.read("manifest.json"))
            present = set(z.namelist())
            blobs = {n: z.read(n) for n in MEMBERS if n in INCIDENT_MEMBERS or n in present}
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise PackageError(f"{path} is not a sitmon data package ({exc}).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("version"), int):
        raise PackageError(f"{path} is not a sitmon data package.")
    if doc["version"] > VERSION:
        raise PackageError(f"{path} was written by a newer version of sitmon (package version {doc['version']}).")
    required = set(REQUIRED.get(doc["version"], MEMBERS))
    if set(blobs) != required:
        missing = required - set(blobs)
        raise PackageError(f"{path} is damaged: {', '.join(sorted(missing))} missing." if missing else
                           f"{path} is damaged: version {doc['version']} holds no {', '.join(sorted(set(blobs) - required))}.")
    for name, blob in blobs.items():
        if hashlib.sha256(blob).hexdigest() != (doc.get("sha256") or {}).get(name):
            raise PackageError(f"{path} is damaged: the checksum of {name} does not match. Export it again.")
    columns = dict(zip(MEMBERS, (COLUMNS, AUDIT_COLUMNS)))
    try:
        found = {n: [json.loads(line) for line in blobs[n].splitlines()] if n in blobs else [] for n in MEMBERS}
        found["incidents.jsonl"] = [ADDED | r for r in found["incidents.jsonl"]]
        for name in INCIDENT_MEMBERS:
            found[name] = [_checked(r, columns[name]) for r in found[name]]
    except (KeyError, TypeError, ValueError) as exc:
        raise PackageError(f"{path} is damaged ({exc}).") from None
    manifest = Manifest(doc.get("mission", ""), doc.get("laptop", ""), doc.get("created_at", ""), doc.get("counts"))
    if manifest.counts != {COUNTS[n]: len(found[n]) for n in blobs}:
        raise PackageError(f"{path} is damaged: its counts do not match its content.")
    return manifest, found


def _check_sizes(path, z: zipfile.ZipFile) -> None:
    infos = {i.filename: i for i in z.infolist()}
    if not {"manifest.json", *INCIDENT_MEMBERS} <= set(infos) <= {"manifest.json", *MEMBERS}:
        raise PackageError(f"{path} is not a sitmon data package (it holds {', '.join(sorted(infos)) or 'nothing'}).")
    for name, info in infos.items():
        limit = MAX_MANIFEST if name == "manifest.json" else MAX_MEMBER
        if info.file_size > limit or info.file_size > MAX_RATIO * max(info.compress_size, 1) + MAX_MANIFEST:
            raise PackageError(f"{path} is not a sitmon data package: {name} would inflate to "
                               f"{info.file_size:,} bytes from {info.compress_size:,}.")


def _checked(row: dict, columns) -> dict:
    return rows.checked(row, columns, Incident.__table__)


def _audit_key(a: dict) -> tuple:
    return rows.audit_key(a, AUDIT_COLUMNS)


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
    from db.scenario.stored import read_scenario
    from db.sites import draft

    manifest, found = read_package(path)
    incidents, trail = found["incidents.jsonl"], found["audit.jsonl"]
    records, record_trail = (found[n] for n in site_records.MEMBERS)
    moves, move_trail = (found[n] for n in movements.MEMBERS)
    mission = _mission(db)
    if manifest.mission and mission and manifest.mission != mission:
        raise PackageError(f"{path} holds mission {manifest.mission!r}; this database holds {mission!r}.")
    scenario = None
    if records or record_trail or moves or move_trail:
        try:
            scenario = read_scenario(db)
        except LookupError as exc:
            if records or record_trail:
                raise PackageError(f"{path} holds site records, but {exc}. Nothing was changed.") from None
    unplaced = 0
    if scenario is None and (moves or move_trail):  # movements need the scenario's sites: left out, and said (the sender keeps them)
        unplaced, moves, move_trail = len(moves), [], []
    try:
        if records or record_trail:
            site_records.check(records, record_trail, draft.context(scenario))
        if moves or move_trail:
            movements.check(moves, move_trail, movement_context(scenario))
    except (KeyError, TypeError, ValueError) as exc:
        raise PackageError(f"{path} is refused: {exc}. Nothing was changed.") from None
    theirs_audit = defaultdict(list)
    for a in trail:
        theirs_audit[a["incident_id"]].append(a)
    settle = dict(take=take, now=stored(utcnow()), author=author, laptop=db.laptop_id)
    with db.engine.connect() as conn:  # what would change, read only: a package that changes nothing takes no backup
        merge = _merge(conn, incidents, theirs_audit, settle)
        sites = site_records.plan(conn, records, record_trail, **settle)
        moved = movements.plan(conn, moves, move_trail, **settle)
    if merge.created or merge.changed or merge.audit or sites.changes or moved.changes:
        backup.before_import(db.path, db.passphrase)  # raises BackupFailed: then nothing is merged
        try:
            with db.writing() as conn:
                merge = _merge(conn, incidents, theirs_audit, settle, progress)
                _write(conn, merge.created, merge.changed, merge.audit)
                sites = site_records.plan(conn, records, record_trail, **settle)
                site_records.write(conn, sites)
                moved = movements.plan(conn, moves, move_trail, **settle)
                movements.write(conn, moved)
        except IntegrityError as exc:
            raise PackageError(f"{path} cannot be merged: {exc.orig}. Nothing was changed.") from None
    tick(progress, len(incidents), len(incidents))
    return MergeResult(manifest, **merge.counts, audit_added=len(merge.audit), conflicts=tuple(merge.conflicts),
                       site_records=sites.result, movements=replace(moved.result, unplaced=unplaced))


def movement_context(scenario):
    """What a package's movements are checked against: this laptop's scenario's sites."""
    from db.movements.draft import Context

    return Context({s.id: (s.lat, s.lon) for s in scenario.sites})


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
    return rows.differ(mine, theirs, COMPARED)


def _decide(mine: dict, theirs: dict, mine_keys: set, theirs_audit: list) -> str:
    return rows.decide(mine, theirs, COMPARED, {k for k in mine_keys if k[4] != "create"},
                       {_audit_key(a) for a in theirs_audit if a["action"] != "create"})


def _settle(mine: dict, theirs: dict, choice: str, now: str, author: str, laptop: str) -> tuple[dict, dict]:
    return rows.settle(mine, theirs, choice, COMPARED, "incident_id", now, author, laptop)


def _write(conn, new_rows, changed, new_audit) -> None:
    with dialect.bulk_inserts(conn):
        _insert(conn, "incidents", new_rows, COLUMNS)
    rows.update(conn, "incidents", changed, COLUMNS)
    _insert(conn, "incident_audit", new_audit, AUDIT_COLUMNS)


def resolve(db, conflicts, choices: dict[str, str], author: str = "", record_conflicts=(),
            movement_conflicts=()) -> tuple:
    """Settle conflicts by the user's choice per incident id, per site record id for `record_conflicts`, per
    movement id for `movement_conflicts` ("mine" or "theirs"), in one transaction.

    Returns the conflicts left open (incidents', site records', then movements'): no choice given, or the record
    changed here since (ask again).
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
        left += site_records.resolve(conn, record_conflicts, choices, now, author, db.laptop_id)
        left += movements.resolve(conn, movement_conflicts, choices, now, author, db.laptop_id)
    return tuple(left)
