"""Export a package, import (merge) one, and settle its conflicts: the three things packages do, each in one
transaction. The pieces: archive.py (the file, its signature, sealing), trust.py (whom it comes from, what it
may claim), incidents.py, site_records.py and movements.py (each kind's validator and merge), rows.py (what they
share).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from db.clock import utcnow
from db.exchange.imports import stored
from db.exchange.packages import archive, incidents, movements, site_records, trust
from db.exchange.packages.archive import Manifest, PackageError
from db.progress import Progress, tick
from db.records import QT_TRANSLATE_NOOP
from db.store import backup
from db.store.identity import KeyUnreadable, laptop_key

MSG_MISSION = QT_TRANSLATE_NOOP("db", "{path} holds mission {theirs}; this database holds {mine}. Nothing was "
                                      "imported.")
MSG_NO_SCENARIO = QT_TRANSLATE_NOOP("db", "{path} holds site records, but this database holds no scenario to "
                                          "check them against: load the mission's scenario first. Nothing was "
                                          "imported.")
MSG_CANNOT_MERGE = QT_TRANSLATE_NOOP("db", "{path} cannot be merged: {reason}. Nothing was imported.")
MSG_NO_KEY = QT_TRANSLATE_NOOP("db", "This laptop has no signing key to sign a package with ({reason}).")


@dataclass(frozen=True)
class MergeResult:
    manifest: Manifest
    signer: trust.Signer
    created: int
    updated: int
    unchanged: int
    audit_added: int
    conflicts: tuple[incidents.Conflict, ...]
    site_records: site_records.RecordMerge = site_records.RecordMerge()
    movements: movements.MovementMerge = movements.MovementMerge()
    queued: int = 0  # conflicts added to the store's queue (keep_conflicts)


def export_package(db, path: Path | str, author: str = "", passphrase: str | None = None,
                   progress: Progress = None) -> Manifest:
    """Every incident and site record (soft-deleted ones too) with their audit trails, signed with this
    laptop's key, in one file written whole or not at all; sealed when the database is encrypted (with
    `passphrase`, else the database's own)."""
    try:
        key = laptop_key(db.identity_path, db.passphrase)
    except KeyUnreadable as exc:
        raise PackageError(MSG_NO_KEY, reason=str(exc)) from None
    with db.engine.connect() as conn:
        found = dict(zip(incidents.MEMBERS, incidents.export_rows(conn)))
        found.update(zip(site_records.MEMBERS, site_records.export_rows(conn)))
        found.update(zip(movements.MEMBERS, movements.export_rows(conn)))
    manifest = Manifest(_mission(db), db.laptop_id, author, utcnow().isoformat(timespec="seconds") + "Z",
                        {archive.COUNTS[n]: len(found[n]) for n in archive.MEMBERS})
    archive.write(Path(path), found, manifest, key, passphrase or db.passphrase, db.path)
    tick(progress, 1, 1)
    return manifest


def _mission(db) -> str:
    from db.scenario.stored import read_scenario

    try:
        return read_scenario(db).mission.id
    except LookupError:
        return ""


def import_package(db, path: Path | str, take: str | None = None, author: str = "", passphrase: str | None = None,
                   progress: Progress = None, keep_conflicts: bool = False) -> MergeResult:
    """Merge a package in one transaction. Conflicts are settled by `take` ("mine" or "theirs") or, without
    it, returned untouched for `resolve`; `keep_conflicts` also adds them to the store's queue in that
    transaction (db/exchange/conflicts.py: headquarters' ingest). `passphrase` opens a sealed package
    (default: the database's)."""
    package = archive.read(path, passphrase or db.passphrase)
    path = package.path
    mission = _mission(db)
    if mission and package.manifest.mission != mission:
        raise PackageError(MSG_MISSION, path=path, theirs=package.manifest.mission, mine=mission)
    found_incidents, trail = incidents.check(path, *(package.rows[n] for n in incidents.MEMBERS))
    records, record_trail = (package.rows[n] for n in site_records.MEMBERS)
    if records or record_trail:
        site_records.check(path, records, record_trail, _record_context(db, path))
    moves, move_trail = (package.rows[n] for n in movements.MEMBERS)
    sites, unplaced = _sites(db), 0
    if sites is None and (moves or move_trail):  # movements need the scenario's sites: left out, and said
        moves, move_trail, unplaced = [], [], len(moves)
    if moves or move_trail:
        movements.check(path, moves, move_trail, sites)
    now = utcnow()
    settle = dict(take=take, now=stored(now), author=author, laptop=db.laptop_id,
                  provenance=trust.provenance(package))

    def planned(conn):
        signer = trust.judge(conn, package, db.laptop_id)
        mine, keys = incidents.local(conn, [r["id"] for r in found_incidents])
        trust.own_history(path, db.laptop_id, "incident", found_incidents, trail, mine, keys, incidents.AUDIT_COLUMNS)
        trust.own_history(path, db.laptop_id, "site record", records, record_trail, *site_records.local(conn),
                          site_records.AUDIT_COLUMNS)
        mine_moves, move_keys = movements.local(conn)
        trust.own_history(path, db.laptop_id, "movement", moves, move_trail, mine_moves, move_keys,
                          movements.AUDIT_COLUMNS)
        return (signer, incidents.plan(path, mine, keys, found_incidents, trail, **settle),
                site_records.plan(path, conn, records, record_trail, **settle),
                movements.plan(path, mine_moves, move_keys, moves, move_trail, **settle))

    queued, write = 0, True
    if not db.on_server:  # what would change, read only: a package that changes nothing takes no backup
        with db.engine.connect() as conn:  # (a server has no backup to spare: the write works it out once)
            signer, merge, sites, moved = planned(conn)
        write = merge.changes or sites.changes or moved.changes or signer.known_since is None or (
            keep_conflicts and bool(merge.conflicts or sites.conflicts or moved.conflicts))
        if merge.changes or sites.changes or moved.changes:
            backup.before_import(db.path, db.passphrase)  # raises BackupFailed: then nothing is merged
    if write:
        try:
            with db.writing() as conn:
                signer, merge, sites, moved = planned(conn)
                trust.remember(conn, package, signer, now)
                incidents.write(conn, merge)
                site_records.write(conn, sites)
                movements.write(conn, moved)
                if keep_conflicts:
                    from db.exchange import conflicts

                    queued = conflicts.queue(conn, merge.conflicts, sites.conflicts, conflicts.Received(
                        package.name, package.sha256, package.manifest.laptop, settle["now"]), moved.conflicts)
        except IntegrityError as exc:
            raise PackageError(MSG_CANNOT_MERGE, path=path, reason=str(exc.orig)) from None
    tick(progress, 1, 1)
    return MergeResult(package.manifest, signer, **merge.counts, audit_added=len(merge.audit),
                       conflicts=tuple(merge.conflicts), site_records=sites.result, movements=moved.result(unplaced),
                       queued=queued)


def _sites(db) -> dict | None:
    """The scenario's sites (id -> (lat, lon)) a package's movements are checked against; None without one."""
    from db.scenario.stored import read_scenario

    try:
        return {s.id: (s.lat, s.lon) for s in read_scenario(db).sites}
    except LookupError:
        return None


def _record_context(db, path):
    from db.scenario.stored import read_scenario
    from db.sites import draft

    try:
        return draft.context(read_scenario(db))
    except LookupError:
        raise PackageError(MSG_NO_SCENARIO, path=path) from None


def resolve(db, conflicts, choices: dict[str, str], author: str = "", record_conflicts=(),
            movement_conflicts=()) -> tuple:
    """Settle conflicts by the user's choice per incident id, per site record id for `record_conflicts`, per
    movement id for `movement_conflicts` ("mine" or "theirs"), in one transaction.

    Returns the conflicts left open (incidents', site records', then movements'): no choice given, or the record
    changed here since (ask again).
    """
    now = stored(utcnow())
    with db.writing() as conn:
        left = incidents.resolve(conn, conflicts, choices, now, author, db.laptop_id)
        left += site_records.resolve(conn, record_conflicts, choices, now, author, db.laptop_id)
        left += movements.resolve(conn, movement_conflicts, choices, now, author, db.laptop_id)
    return tuple(left)
