"""Import incidents from CSV: sitmon's own (every version it wrote) or ACLED's.

An import is checked whole first (`check_file`: every bad row named, nothing written), then written in ONE
transaction (`write_import`): a failure or a Cancel half-way leaves the database as it was. Bulk writes go
through executemany. The import is audited as one row of `imports` (file, SHA-256, who, when): the incidents
it creates point at it, the incidents it changes get an 'update' audit row tagged with it; import_log.py
lists imports and undoes one.

Long functions take `progress(done, total)`, which may raise db.progress.Cancelled.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from operator import itemgetter
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from db.bulk import no_cyclic_gc
from db.clock import utcnow
from db.exchange import acled, csv_format
from db.exchange.csv_format import FIELDS, Problem, problem
from db.incidents import audit
from db.progress import Progress, tick
from db.records import QT_TRANSLATE_NOOP
from db.store import dialect
from db.store.errors import DatabaseError
from db.store.models import ImportRow, Incident
from db.vocab import CONTENT, EXTERNAL, PLACE, PRECISION
from geo import basemap

CHUNK = 20_000
LOOKUP = 2_000  # keys looked up per statement
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
    sha256: str = ""  # of the file's bytes as checked (the import's audit row names it)

    @property
    def good_rows(self) -> int:
        return self.total_rows - self.refused_rows


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    dry_run: bool = False
    import_id: int | None = None  # its row in `imports` (None: nothing was written)


def stored(t) -> str:
    """A datetime as SQLAlchemy stores it in SQLite."""
    return t.isoformat(sep=" ", timespec="microseconds")


def check_file(db, path: Path | str, format: str = "auto", author: str = "", progress: Progress = None) -> ImportPlan:
    """Read and check every row of a sitmon or ACLED CSV file; writes nothing."""
    path = Path(path)
    with open(path, "rb") as f:
        sha256 = hashlib.file_digest(f, "sha256").hexdigest()
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
            return ImportPlan(path, format, (), tuple(header_problems), 0, 0, sha256=sha256)
        from db.exchange import csv_columns  # pyarrow: imported when a file is imported, not at every start

        fast = csv_columns.read(path, header, table.next_row, table.delimiter, defaults, progress) \
            if format == "sitmon" else None
        if fast is not None:  # every cell in sitmon's own form: checked a column at a time
            rows, clashes = _external_id_clashes(db, fast.rows, fast.external_rows)
            return ImportPlan(path, format, tuple(rows), tuple(sorted(fast.problems + clashes, key=lambda p: p.row)),
                              fast.total, fast.refused + len(clashes), sha256=sha256)
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
                      unmapped, sha256)


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
        owner = dict(_lookup(conn, "external_id", row_of, "external_id, id"))
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
    (sitmon: higher revision, then later updated_at; ACLED: later timestamp), the rest is left alone; an
    incident removed by undoing an earlier import comes back with the file's values.

    The import is recorded as one `imports` row (file, SHA-256, who, when, counts): the incidents it creates
    point at it (no audit row each: their trail shows "created by the import of FILE" from that row), the
    'update' audit rows it writes are tagged with it, so that it can be undone as one step
    (db/exchange/import_log.py); hence no backup of the whole file before it. A dry run only reads (it works
    on a read-only database); an import that changes nothing writes nothing, not even its row."""
    if dry_run:
        with db.engine.connect() as conn:
            new, changed = _changes(conn, plan)
        return _result(plan, new, changed, dry_run=True)
    try:
        with db.writing() as conn, no_cyclic_gc(), dialect.large_cache(conn):
            return _write(conn, plan, utcnow(), author, db.laptop_id, progress)
    except IntegrityError:  # the checks were made against what the database held before another writer
        raise DatabaseError(MSG_CHANGED_MEANWHILE, path=db.path, file=plan.path.name) from None


def _result(plan, new, changed, dry_run=False, import_id=None) -> ImportResult:
    revived = sum(1 for c in changed if c[4])
    created, updated = len(new) + revived, len(changed) - revived
    return ImportResult(created, updated, len(plan.rows) - created - updated, dry_run, import_id)


def _lookup(conn, column: str, keys, selected: str):
    """The incidents whose `column` is one of `keys` (this file's: never the whole table), `selected` columns."""
    keys = list(keys)
    for start in range(0, len(keys), LOOKUP):
        part = keys[start:start + LOOKUP]
        yield from conn.exec_driver_sql(
            f"SELECT {selected} FROM incidents WHERE {column} IN ({', '.join('?' * len(part))})", tuple(part))


def _changes(conn, plan: ImportPlan, empty: bool = False) -> tuple[list[tuple], list[tuple]]:
    """The plan's rows that are new here, and (id here, row, diff, revision, revived) for those that change
    one; `revived`: the incident was removed by undoing an import and comes back."""
    if empty or not plan.rows:
        return list(plan.rows), []
    column = "external_id" if plan.format == "acled" else "id"
    key = _AT[column]
    local = {r[0]: r for r in _lookup(conn, column, [r[key] for r in plan.rows if r[key] is not None],
                                      f"{column}, id, revision, updated_at, external_ts, deleted")}
    # an incident last changed by the undo of an import takes the file's version whatever its revision (an
    # undo stamps every incident it changes with its time): importing the file again does it again
    undone = {t for (t,) in conn.exec_driver_sql("SELECT undone_at FROM imports WHERE undone_at IS NOT NULL")}
    new, maybe, revived = [], [], set()
    for row in plan.rows:
        have = local.get(row[key])
        if have is None:
            new.append(row)
        elif have.updated_at in undone or _newer(plan.format, row, have):
            maybe.append((have.id, row))
            if have.deleted and have.updated_at in undone:
                revived.add(have.id)
    return new, _differences(conn, plan.format, maybe, revived)


def _write(conn, plan, now, author, laptop, progress) -> ImportResult:
    """Everything write_import writes, inside the caller's write transaction."""
    empty = conn.exec_driver_sql("SELECT count(*) FROM (SELECT 1 FROM incidents LIMIT 1) AS one").scalar() == 0
    new, changed = _changes(conn, plan, empty)
    if not (new or changed):
        return _result(plan, new, changed)
    result = _result(plan, new, changed)
    import_id = conn.execute(insert(ImportRow).values(
        file=plan.path.name, sha256=plan.sha256, format=plan.format, author=author, laptop=laptop, at=now,
        rows=plan.total_rows, refused=plan.refused_rows, created=result.created, updated=result.updated,
        unchanged=result.unchanged, undone_by="")).inserted_primary_key[0]
    new.sort(key=itemgetter(_AT["id"]))  # in key order, index pages fill one after another: 25% faster at 1M
    total = len(new) + len(changed)
    insert_sql = (f"INSERT INTO incidents ({', '.join(FIELDS)}, import_id) "
                  f"VALUES ({', '.join('?' * len(FIELDS))}, {int(import_id)})")
    # into an empty table, the secondary indexes are built once after the rows rather than row by row
    indexes = list(Incident.__table__.indexes) if empty else []
    for index in indexes:
        index.drop(conn)
    with dialect.bulk_inserts(conn):
        for start in range(0, len(new), CHUNK):
            conn.exec_driver_sql(insert_sql, new[start:start + CHUNK])
            tick(progress, min(start + CHUNK, len(new)), total)
    for index in indexes:
        index.create(conn)
    _update(conn, plan.format, changed, stored(now), author, laptop, import_id,
            audit.import_name(plan.path.name, plan.sha256))
    tick(progress, total, total)
    return replace(result, import_id=import_id)


def _newer(format: str, row: tuple, have) -> bool:
    if format == "acled":
        return (row[_AT["external_ts"]] or 0) > (have.external_ts or 0)
    return (row[_AT["revision"]], row[_AT["updated_at"]]) > (have.revision, have.updated_at)


def _differences(conn, format: str, maybe, revived=frozenset()) -> list[tuple]:
    """(id, new row, {field: (old, new)}, revision, revived) of the newer versions that really differ from
    what is stored, and of the incidents that come back (`revived`: their diff says `deleted` too)."""
    fields = ACLED_FIELDS if format == "acled" else CONTENT
    out = []
    for start in range(0, len(maybe), 500):
        part = dict(maybe[start:start + 500])
        marks = ", ".join("?" * len(part))
        for old in conn.exec_driver_sql(f"SELECT {', '.join(FIELDS)} FROM incidents WHERE id IN ({marks})",
                                        tuple(part)):
            new = part[old.id]
            diff = {f: (old[_AT[f]], new[_AT[f]]) for f in fields if old[_AT[f]] != new[_AT[f]]}
            if diff and format == "acled" and old.external_ts != new[_AT["external_ts"]]:
                diff["external_ts"] = (old.external_ts, new[_AT["external_ts"]])  # the version an undo goes back to
            back = old.id in revived
            if back:
                diff["deleted"] = (old.deleted, False)
            if diff:
                out.append((old.id, new, diff, old.revision, back))
    return out


def _update(conn, format, changed, now, author, laptop, import_id, name) -> None:
    """Apply the newer versions of existing incidents (and bring back the revived ones), each with its audit
    row tagged with the import and naming its file."""
    updates, audits = [], []
    for ident, new, diff, revision, revived in changed:
        if format == "acled":
            values = {f: new[_AT[f]] for f in ACLED_FIELDS + ("external_ts",)}
            values.update(revision=revision + 1, updated_at=now)
        else:
            values = {f: new[_AT[f]] for f in FIELDS if f not in ("id", "deleted")}
        if revived:
            values["deleted"] = 0
        updates.append({**values, "_id": ident})
        audits.append((ident, now, author, laptop, "restore" if revived else "update",
                       json.dumps(audit.changes({**diff, audit.IMPORT: (None, name)})), import_id))
    if updates:
        for revived in (False, True):  # the revived ones also set `deleted`
            part = [u for u in updates if ("deleted" in u) == revived]
            names = [k for k in part[0] if k != "_id"] if part else []
            if part:
                conn.exec_driver_sql(f"UPDATE incidents SET {', '.join(f'{k} = ?' for k in names)} WHERE id = ?",
                                     [tuple(u[k] for k in names) + (u["_id"],) for u in part])
        conn.exec_driver_sql("INSERT INTO incident_audit (incident_id, at, author, laptop, action, changes, "
                             "import_id) VALUES (?, ?, ?, ?, ?, ?, ?)", audits)
