"""Import incidents from CSV: sitmon's own (every version it wrote) or ACLED's.

An import is checked whole first (`check_file`: every bad row named, nothing written), then written in ONE
transaction (`write_import`): a failure or a Cancel half-way leaves the database as it was. Bulk writes go
through executemany; every created or changed incident gets its audit row.

Long functions take `progress(done, total)`, which may raise db.progress.Cancelled.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from db.bulk import no_cyclic_gc
from db.clock import utcnow
from db.exchange import acled, csv_format
from db.exchange.csv_format import FIELDS, Problem, problem
from db.incidents import audit
from db.progress import Progress, tick
from db.records import QT_TRANSLATE_NOOP
from db.store import backup, dialect
from db.store.dialect import sqlite
from db.store.errors import DatabaseError
from db.vocab import CONTENT, EXTERNAL, PLACE, PRECISION
from geo import basemap

CHUNK = 20_000
ACLED_FIELDS = ("occurred_on", "lat", "lon", "region", "site_id", "site_km", *PLACE, *PRECISION, "type", "subtype",
                "actors", "killed_other", "description", "source")  # what a revised ACLED event may change (never notes)
AUDITED = CONTENT + EXTERNAL
_AT = {f: i for i, f in enumerate(FIELDS)}

R_EXTERNAL_ID = QT_TRANSLATE_NOOP("Import", "{value} is already the external id of incident {other}")
MSG_CHANGED_MEANWHILE = QT_TRANSLATE_NOOP("db", "{path} was changed by another sitmon while {file} was being checked: "
                                                "nothing was imported. Import the file again.")


@dataclass(frozen=True)
class ImportPlan:
    """A checked file: the incidents it would write, and every problem found."""

    path: Path
    format: str  # sitmon | acled | "" (not recognised)
    rows: tuple[tuple, ...]  # incidents in csv_format.FIELDS order
    problems: tuple[Problem, ...]
    total_rows: int  # data rows read
    refused_rows: int
    unmapped: tuple[tuple[str, int], ...] = ()  # ACLED event types imported as "other": (original, events)

    @property
    def good_rows(self) -> int:
        return self.total_rows - self.refused_rows


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    dry_run: bool = False


def stored(t) -> str:
    """A datetime as SQLAlchemy stores it in SQLite."""
    return t.isoformat(sep=" ", timespec="microseconds")


def check_file(db, path: Path | str, format: str = "auto", author: str = "", progress: Progress = None) -> ImportPlan:
    """Read and check every row of a sitmon or ACLED CSV file; writes nothing."""
    path = Path(path)
    now = stored(utcnow())
    defaults = dict(author=author, origin=db.laptop_id, created_at=now, updated_at=now)
    problems: list[Problem] = []
    rows: list[tuple] = []
    total = refused = 0
    with csv_format.Table(path) as table, no_cyclic_gc():
        header = table.header
        if format == "auto":
            format = detect_format(header)
        reader, header_problems = _reader(format, header, defaults)
        if header_problems:
            return ImportPlan(path, format, (), tuple(header_problems), 0, 0)
        for chunk in table.chunks(CHUNK):
            total += len(chunk)
            if format == "sitmon":
                before = len(problems)
                rows += reader.read(chunk, table.next_row, problems, table.undecodable)
                refused += len({p.row for p in problems[before:]})
            else:
                refused += reader.read(chunk, table.next_row, problems, table.undecodable)
            tick(progress, table.done, table.size)
    unmapped = ()
    if format == "acled":
        rows = _locate(db, reader.incidents())
        unmapped = tuple(sorted(reader.unmapped.items()))
    else:
        rows, clashes = _external_id_clashes(db, rows, reader.seen["external_id"])
        problems += clashes
        refused += len(clashes)
    return ImportPlan(path, format, tuple(rows), tuple(sorted(problems, key=lambda p: p.row)), total, refused,
                      unmapped)


def _reader(format: str, header, defaults):
    """The row reader of a format, and the problems of the header (none: the rows can be read)."""
    if not any(header):
        return None, [problem(1, "file", csv_format.R_NO_HEADER)]
    if format == "sitmon":
        problems = csv_format.check_header(header, csv_format.known_columns(), csv_format.REQUIRED)
        return csv_format.IncidentReader(header, defaults), problems
    if format == "acled":
        lower = [h.lower() for h in header]
        problems = [problem(1, h, csv_format.R_DUPLICATE_COLUMN) for i, h in enumerate(lower) if h in lower[:i]]
        problems += [problem(1, c, csv_format.R_MISSING_COLUMN) for c in acled.REQUIRED if c not in lower]
        return acled.EventReader(header, defaults), problems
    return None, [problem(1, "header", csv_format.R_UNKNOWN_FORMAT, ",".join(header[:4]))]


def detect_format(header) -> str:
    lower = {h.lower() for h in header}
    if "event_id_cnty" in lower:
        return "acled"
    return "sitmon" if set(csv_format.REQUIRED) <= set(header) else ""


def _external_id_clashes(db, rows, row_of: dict) -> tuple[list[tuple], list[Problem]]:
    """Rows whose external id already belongs to another incident of the database are refused."""
    ext, ident = _AT["external_id"], _AT["id"]
    with db.engine.connect() as conn:
        owner = dict(conn.exec_driver_sql(
            "SELECT external_id, id FROM incidents WHERE external_id IS NOT NULL").all())
    bad = {r[ext]: owner[r[ext]] for r in rows if r[ext] is not None and owner.get(r[ext], r[ident]) != r[ident]}
    if not bad:
        return rows, []
    clashes = [problem(row_of[e], "external_id", R_EXTERNAL_ID, e, other=other) for e, other in bad.items()]
    return [r for r in rows if r[ext] not in bad], clashes


def _locate(db, rows: list[tuple]) -> list[tuple]:
    """Nearest scenario site and its distance for every row, and the region where ACLED gave none."""
    if not rows:
        return rows
    import numpy as np

    from db.scenario.stored import read_scenario
    from geo.lookups import SiteIndex

    lats = np.fromiter((r[_AT["lat"]] for r in rows), float, len(rows))
    lons = np.fromiter((r[_AT["lon"]] for r in rows), float, len(rows))
    try:
        sites = [(s.id, s.lat, s.lon) for s in read_scenario(db).sites]
    except LookupError:
        sites = []
    ids, kms = SiteIndex(sites).nearest_many(lats, lons) if sites else ([None] * len(rows), [None] * len(rows))
    regions = basemap.regions().codes_of(lats, lons)
    out = []
    for r, site, km, region in zip(rows, ids, kms, regions):
        r = list(r)
        r[_AT["site_id"]], r[_AT["site_km"]] = site, None if km is None else round(float(km), 3)
        r[_AT["region"]] = r[_AT["region"]] or region or ""
        out.append(tuple(r))
    return out


def write_import(db, plan: ImportPlan, author: str = "", dry_run: bool = False,
                 progress: Progress = None) -> ImportResult:
    """Write a checked plan's incidents in one transaction: new ones are created, newer versions update
    (sitmon: higher revision, then later updated_at; ACLED: later timestamp), the rest is left alone.

    What would change is worked out first, reading only: a dry run stops there (so it works on a read-only
    database), and an import that changes nothing takes no backup. Otherwise the database is backed up,
    then the changes are worked out again and written inside one write transaction."""
    with db.engine.connect() as conn:
        new, changed = _changes(conn, plan)
    if dry_run or not (new or changed):
        return ImportResult(len(new), len(changed), len(plan.rows) - len(new) - len(changed), dry_run)
    backup.before_import(db.path, db.passphrase)  # raises BackupFailed: then nothing is imported
    with db.engine.connect().execution_options(**{sqlite.WRITE: True}) as conn, no_cyclic_gc(), \
            dialect.large_cache(conn):
        try:
            result = _write(conn, plan, stored(utcnow()), author, db.laptop_id, progress)
            conn.commit()
        except IntegrityError:  # the checks were made against what the database held before another writer
            conn.rollback()
            raise DatabaseError(MSG_CHANGED_MEANWHILE, path=db.path, file=plan.path.name) from None
        except BaseException:
            conn.rollback()
            raise
    return result


def _changes(conn, plan: ImportPlan) -> tuple[list[tuple], list[tuple]]:
    """The plan's rows that are new here, and (id here, row, diff, revision) for those that change one."""
    key = _AT["external_id"] if plan.format == "acled" else _AT["id"]
    local = {r[0]: r for r in conn.exec_driver_sql(
        f"SELECT {'external_id' if plan.format == 'acled' else 'id'}, id, revision, updated_at, external_ts "
        "FROM incidents")}
    new, maybe = [], []
    for row in plan.rows:
        have = local.get(row[key])
        if have is None:
            new.append(row)
        elif _newer(plan.format, row, have):
            maybe.append((have[1], row))
    return new, _differences(conn, plan.format, maybe)


def _write(conn, plan, now, author, laptop, progress) -> ImportResult:
    """Everything write_import writes, inside the caller's transaction."""
    new, changed = _changes(conn, plan)
    new.sort(key=itemgetter(_AT["id"]))  # in key order, index pages fill one after another: 25% faster at 1M
    total = len(new) + len(changed)
    insert = f"INSERT INTO incidents ({', '.join(FIELDS)}) VALUES ({', '.join('?' * len(FIELDS))})"
    with dialect.audit_inserts(conn, now, author, laptop, AUDITED, times=("occurred_time",)):
        with dialect.bulk_inserts(conn):
            for start in range(0, len(new), CHUNK):
                conn.exec_driver_sql(insert, new[start:start + CHUNK])
                tick(progress, min(start + CHUNK, len(new)), total)
    _update(conn, plan.format, changed, now, author, laptop)
    tick(progress, total, total)
    return ImportResult(len(new), len(changed), len(plan.rows) - len(new) - len(changed))


def _newer(format: str, row: tuple, have) -> bool:
    if format == "acled":
        return (row[_AT["external_ts"]] or 0) > (have.external_ts or 0)
    return (row[_AT["revision"]], row[_AT["updated_at"]]) > (have.revision, have.updated_at)


def _differences(conn, format: str, maybe) -> list[tuple]:
    """(id, new row, {field: (old, new)}) of the newer versions that really differ from what is stored."""
    fields = ACLED_FIELDS if format == "acled" else CONTENT
    out = []
    for start in range(0, len(maybe), 500):
        part = dict(maybe[start:start + 500])
        marks = ", ".join("?" * len(part))
        for old in conn.exec_driver_sql(f"SELECT {', '.join(FIELDS)} FROM incidents WHERE id IN ({marks})",
                                        tuple(part)):
            new = part[old.id]
            diff = {f: (old[_AT[f]], new[_AT[f]]) for f in fields if old[_AT[f]] != new[_AT[f]]}
            if diff:
                out.append((old.id, new, diff, old.revision))
    return out


def _update(conn, format, changed, now, author, laptop) -> None:
    """Apply the newer versions of existing incidents, each with its audit row."""
    updates, audits = [], []
    for ident, new, diff, revision in changed:
        if format == "acled":
            values = {f: new[_AT[f]] for f in ACLED_FIELDS + ("external_ts",)}
            values.update(revision=revision + 1, updated_at=now)
        else:
            values = {f: new[_AT[f]] for f in FIELDS if f not in ("id", "deleted")}
        updates.append({**values, "_id": ident})
        audits.append((ident, now, author, laptop, "update", json.dumps(audit.changes(diff))))
    if updates:
        names = [k for k in updates[0] if k != "_id"]
        conn.exec_driver_sql(f"UPDATE incidents SET {', '.join(f'{k} = ?' for k in names)} WHERE id = ?",
                             [tuple(u[k] for k in names) + (u["_id"],) for u in updates])
        conn.exec_driver_sql("INSERT INTO incident_audit (incident_id, at, author, laptop, action, changes) "
                             "VALUES (?, ?, ?, ?, ?, ?)", audits)
