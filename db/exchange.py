"""Exchange with headquarters: import incidents from CSV (sitmon's own or ACLED), export incidents, site
statuses and the timeline as CSV, GeoJSON or GeoPackage.

An import is checked whole first (`check_file`: every bad row named, nothing written), then written in ONE
transaction (`write_import`): a failure or a Cancel half-way leaves the database as it was. Bulk writes go
through executemany; every created or changed incident gets its audit row.

Long functions take `progress(done, total)`, which may raise `Cancelled`.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from sqlalchemy import func, literal_column, select

from . import acled, backup, csv_io, incident_query, status, store, text_search
from .bulk import no_cyclic_gc
from .csv_io import FIELDS, Problem, problem
from .models import Incident
from .records import QT_TRANSLATE_NOOP

Progress = Callable[[int, int], None] | None
CHUNK = 20_000
CACHE_KIB = 65_536  # SQLite page cache for imports and exports (2 MiB by default)
CONTENT = FIELDS[1:22]  # what an edit changes (occurred_on .. status), as db.incidents.EDITABLE
ACLED_FIELDS = ("occurred_on", "lat", "lon", "region", "site_id", "site_km", "type", "subtype", "actors",
                "killed_other", "description", "source")
AUDITED = CONTENT + ("external_id", "external_ts")
_AT = {f: i for i, f in enumerate(FIELDS)}
FORMATS = {".csv": "csv", ".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GPKG"}

R_EXTERNAL_ID = QT_TRANSLATE_NOOP("Import", "{value} is already the external id of incident {other}")


class Cancelled(Exception):
    """Raised by a progress callback to stop a long job; nothing is left half-written."""


@dataclass(frozen=True)
class ImportPlan:
    """A checked file: the incidents it would write, and every problem found."""

    path: Path
    format: str  # sitmon | acled | "" (not recognised)
    rows: tuple[tuple, ...]  # incidents in csv_io.FIELDS order
    problems: tuple[Problem, ...]
    total_rows: int  # data rows read
    refused_rows: int

    @property
    def good_rows(self) -> int:
        return self.total_rows - self.refused_rows


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    dry_run: bool = False


def _tick(progress: Progress, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def stored(t: datetime) -> str:
    """A datetime as SQLAlchemy stores it in SQLite."""
    return t.isoformat(sep=" ", timespec="microseconds")


# ---------------------------------------------------------------- import

def check_file(db, path: Path | str, format: str = "auto", author: str = "", progress: Progress = None) -> ImportPlan:
    """Read and check every row of a sitmon or ACLED CSV file; writes nothing."""
    path = Path(path)
    now = stored(store.utcnow())
    defaults = dict(author=author, origin=store.laptop_id(db), created_at=now, updated_at=now)
    problems: list[Problem] = []
    rows: list[tuple] = []
    total = refused = 0
    with csv_io.Table(path) as table, no_cyclic_gc():
        header = table.header
        if format == "auto":
            format = detect_format(header)
        if not any(header):
            problems.append(problem(1, "file", csv_io.R_NO_HEADER))
        elif format == "sitmon":
            problems += csv_io.check_header(header, csv_io.known_columns(), csv_io.REQUIRED)
            reader = csv_io.IncidentReader(header, defaults)
        elif format == "acled":
            lower = [h.lower() for h in header]
            problems += [problem(1, h, csv_io.R_DUPLICATE_COLUMN) for i, h in enumerate(lower) if h in lower[:i]]
            problems += [problem(1, c, csv_io.R_MISSING_COLUMN) for c in acled.REQUIRED if c not in lower]
            reader = acled.EventReader(header, defaults)
        else:
            problems.append(problem(1, "header", csv_io.R_UNKNOWN_FORMAT, ",".join(header[:4])))
        if problems:
            return ImportPlan(path, format, (), tuple(problems), 0, 0)
        for chunk in table.chunks(CHUNK):
            total += len(chunk)
            if format == "sitmon":
                before = len(problems)
                rows += reader.read(chunk, table.next_row, problems, table.undecodable)
                refused += len({p.row for p in problems[before:]})
            else:
                refused += reader.read(chunk, table.next_row, problems, table.undecodable)
            _tick(progress, table.done, table.size)
        if table.error is not None:
            problems.append(table.error)
    if format == "acled":
        rows = _locate(db, reader.incidents())
    else:
        rows, clashes = _external_id_clashes(db, rows, reader.seen["external_id"])
        problems += clashes
        refused += len(clashes)
    return ImportPlan(path, format, tuple(rows), tuple(sorted(problems, key=lambda p: p.row)), total, refused)


def detect_format(header) -> str:
    lower = {h.lower() for h in header}
    if "event_id_cnty" in lower:
        return "acled"
    return "sitmon" if set(csv_io.REQUIRED) <= set(header) else ""


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

    from geo.lookups import SiteIndex

    lats = np.fromiter((r[_AT["lat"]] for r in rows), float, len(rows))
    lons = np.fromiter((r[_AT["lon"]] for r in rows), float, len(rows))
    try:
        sites = [(s.id, s.lat, s.lon) for s in store.read_scenario(db).sites]
    except LookupError:
        sites = []
    ids, kms = SiteIndex(sites).nearest_many(lats, lons) if sites else ([None] * len(rows), [None] * len(rows))
    regions = _regions().codes_of(lats, lons)
    out = []
    for r, site, km, region in zip(rows, ids, kms, regions):
        r = list(r)
        r[_AT["site_id"]], r[_AT["site_km"]] = site, None if km is None else round(float(km), 3)
        r[_AT["region"]] = r[_AT["region"]] or region or ""
        out.append(tuple(r))
    return out


@lru_cache(maxsize=1)
def _regions():
    from geo.basemap import load_layer
    from geo.lookups import Regions

    return Regions(load_layer("mali_regions"))


def write_import(db, plan: ImportPlan, author: str = "", dry_run: bool = False,
                 progress: Progress = None) -> ImportResult:
    """Write a checked plan's incidents in one transaction: new ones are created, newer versions update
    (sitmon: higher revision, then later updated_at; ACLED: later timestamp), the rest is left alone.
    A dry run does everything, then rolls back."""
    key = _AT["external_id"] if plan.format == "acled" else _AT["id"]
    now = stored(store.utcnow())
    laptop = store.laptop_id(db)
    if not dry_run and plan.good_rows:
        backup.before_import(db.path, db.passphrase)  # raises BackupFailed: then nothing is imported
    with db.engine.connect() as conn, no_cyclic_gc(), _large_cache(conn):
        try:
            result = _write(conn, plan, key, now, author, laptop, progress)
            conn.rollback() if dry_run else conn.commit()
        except BaseException:
            conn.rollback()
            raise
    return replace(result, dry_run=dry_run)


@contextmanager
def _large_cache(conn):
    """A larger SQLite page cache on this connection for a bulk job (index pages stay in memory), then back."""
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={cache}")


def _write(conn, plan, key, now, author, laptop, progress) -> ImportResult:
    """Everything write_import does, inside the caller's transaction."""
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
    new.sort(key=itemgetter(_AT["id"]))  # in key order, index pages fill one after another: 25% faster at 1M
    total = len(new) + len(maybe)
    last_rowid = conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM incidents").scalar()
    insert = f"INSERT INTO incidents ({', '.join(FIELDS)}) VALUES ({', '.join('?' * len(FIELDS))})"
    with text_search.bulk_inserts(conn):
        for start in range(0, len(new), CHUNK):
            conn.exec_driver_sql(insert, new[start:start + CHUNK])
            _tick(progress, min(start + CHUNK, len(new)), total)
    conn.exec_driver_sql(
        "INSERT INTO incident_audit (incident_id, at, author, laptop, action, changes) "
        f"SELECT id, ?, ?, ?, 'create', json_object({_json_create()}) FROM incidents WHERE rowid > ? ORDER BY id",
        (now, author, laptop, last_rowid))
    updated = _update(conn, plan.format, maybe, now, author, laptop, progress, len(new), total)
    _tick(progress, total, total)
    return ImportResult(len(new), updated, len(plan.rows) - len(new) - updated)


def _newer(format: str, row: tuple, have) -> bool:
    if format == "acled":
        return (row[_AT["external_ts"]] or 0) > (have.external_ts or 0)
    return (row[_AT["revision"]], row[_AT["updated_at"]]) > (have.revision, have.updated_at)


def _json_create() -> str:
    """json_object(...) arguments recording every audited column as [null, value]."""
    value = {"occurred_time": "substr(occurred_time, 1, 8)"}
    return ", ".join(f"'{f}', json_array(NULL, {value.get(f, f)})" for f in AUDITED)


def _update(conn, format, maybe, now, author, laptop, progress, done, total) -> int:
    """Apply newer versions of existing incidents; returns how many really changed."""
    fields = ACLED_FIELDS if format == "acled" else CONTENT
    updates, audits = [], []
    for start in range(0, len(maybe), 500):
        part = dict(maybe[start:start + 500])
        marks = ", ".join("?" * len(part))
        for old in conn.exec_driver_sql(f"SELECT {', '.join(FIELDS)} FROM incidents WHERE id IN ({marks})",
                                        tuple(part)):
            new = part[old.id]
            changes = {f: [_audited(f, old[_AT[f]]), _audited(f, new[_AT[f]])] for f in fields
                       if old[_AT[f]] != new[_AT[f]]}
            if not changes:
                continue
            if format == "acled":
                values = {f: new[_AT[f]] for f in ACLED_FIELDS + ("external_ts",)}
                values.update(revision=old.revision + 1, updated_at=now)
            else:
                values = {f: new[_AT[f]] for f in FIELDS if f not in ("id", "deleted")}
            updates.append({**values, "_id": old.id})
            audits.append((old.id, now, author, laptop, "update", json.dumps(changes)))
        _tick(progress, done + min(start + 500, len(maybe)), total)
    if updates:
        names = [k for k in updates[0] if k != "_id"]
        conn.exec_driver_sql(f"UPDATE incidents SET {', '.join(f'{k} = ?' for k in names)} WHERE id = ?",
                             [tuple(u[k] for k in names) + (u["_id"],) for u in updates])
        conn.exec_driver_sql("INSERT INTO incident_audit (incident_id, at, author, laptop, action, changes) "
                             "VALUES (?, ?, ?, ?, ?, ?)", audits)
    return len(updates)


def _audited(field: str, value):
    return value[:8] if field == "occurred_time" and value else value


# ---------------------------------------------------------------- export

def default_filename(mission: str, kind: str, start: date | None = None, end: date | None = None,
                     generated: datetime | None = None, ext: str = "csv") -> str:
    """e.g. minusma-2023_incidents_2023-07-01_2023-12-31_20231115T103000Z.csv (mission, kind, range, time)."""
    parts = [mission, kind]
    if start or end:
        span = [d.isoformat() if d else "start" if i == 0 else "end" for i, d in enumerate((start, end))]
        parts += span[:1] if start == end else span
    parts.append((generated or store.utcnow()).strftime("%Y%m%dT%H%M%SZ"))
    return "_".join(parts) + "." + ext.lstrip(".")


def output_format(path: Path | str) -> str:
    """csv, GeoJSON or GPKG from the file's extension; ValueError for another one."""
    try:
        return FORMATS[Path(path).suffix.lower()]
    except KeyError:
        raise ValueError(f"{path}: the file name must end with {', '.join(FORMATS)}") from None


def export_incidents(db, path: Path | str, where: incident_query.IncidentFilter | None = None, *,
                     excel: bool = False, hxl: bool = False, profile: str = "full", delimiter: str = ",",
                     progress: Progress = None) -> int:
    """Incidents matching the filter (not deleted unless asked), by date then id; returns how many."""
    where = where or incident_query.IncidentFilter()
    columns = csv_io.export_columns(profile)
    kind = output_format(path)
    cond = incident_query.where(where)
    with db.engine.connect() as conn, _large_cache(conn):
        total = conn.execute(select(func.count()).select_from(Incident).where(cond)).scalar()
        if kind != "csv":
            stmt = select(*(getattr(Incident, c) for c in columns)).where(cond)
            rows = conn.execute(stmt.order_by(Incident.occurred_on, Incident.id)).all()
            _tick(progress, total, total)
            _write_features(path, "incidents", columns, rows, kind)
            return total
        stmt = select(literal_column(csv_io.sql_record(columns, delimiter))).select_from(Incident)
        result = conn.execute(stmt.where(cond).order_by(Incident.occurred_on, Incident.id))
        done = 0
        with csv_io.Writer(path, columns, excel=excel, hxl=csv_io.HXL if hxl else None, delimiter=delimiter) as w:
            for part in result.scalars().partitions(CHUNK):
                w.write_records(part)
                done += len(part)
                _tick(progress, done, total)
    return done


def _write_features(path, layer: str, columns, rows, driver: str) -> None:
    """Points (WGS84, 5 decimals) with the other columns as properties, through a file renamed on success."""
    import geopandas as gpd

    path = Path(path)
    frame = gpd.pd.DataFrame([[v.isoformat() if isinstance(v, (date, time)) else v for v in r] for r in rows],
                             columns=list(columns))
    for c in ("lat", "lon"):
        frame[c] = frame[c].astype(float).round(5)
    points = gpd.points_from_xy(frame["lon"], frame["lat"])
    part = path.with_name(f".{path.stem}.part{path.suffix}")
    part.unlink(missing_ok=True)
    try:
        gpd.GeoDataFrame(frame, geometry=points, crs="EPSG:4326").to_file(part, driver=driver, layer=layer,
                                                                          engine="pyogrio")
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


STATUS_COLUMNS = ("date", "site_id", "site", "kind", "region", "lat", "lon", "status", "since", "reason")
STATUS_HXL = {"date": "#date", "site_id": "#loc+code", "site": "#loc+name", "kind": "#loc+type",
              "region": "#adm1+code", "lat": "#geo+lat", "lon": "#geo+lon", "status": "#status",
              "since": "#date+start", "reason": "#description"}
TIMELINE_COLUMNS = ("kind", "id", "start", "end", "site_id", "title", "detail", "source")
TIMELINE_HXL = {"kind": "#event+type", "id": "#event+code", "start": "#date+start", "end": "#date+end",
                "site_id": "#loc+code", "title": "#event+name", "detail": "#description", "source": "#meta+source"}


def export_status(db, path: Path | str, day: date, *, excel: bool = False, hxl: bool = False,
                  delimiter: str = ",", progress: Progress = None) -> int:
    """Every site's status on `day`, since when and why (English), as CSV or as points."""
    scenario = store.read_scenario(db)
    rows = []
    for st in status.statuses_on(scenario, day):
        site = scenario.site(st.site_id)
        rows.append((day, site.id, site.name.en, site.kind, site.region, round(site.lat, 5), round(site.lon, 5),
                     st.status, st.since, st.reason("en")))
    _write_table(path, "sites", STATUS_COLUMNS, rows, STATUS_HXL if hxl else None, excel, delimiter)
    _tick(progress, len(rows), len(rows))
    return len(rows)


def export_timeline(db, path: Path | str, *, excel: bool = False, hxl: bool = False, delimiter: str = ",",
                    progress: Progress = None) -> int:
    """Phases, closure windows and handovers, events, deadlines, meetings and commitments (English)."""
    s = store.read_scenario(db)
    rows = [("phase", p.id, p.start, p.end, None, p.name.en, p.description.en, p.source) for p in s.phases]
    for lc in s.lifecycles:
        name = s.site(lc.site).name.en
        if lc.closure_phase:
            phase = s.phase(lc.closure_phase)
            rows.append(("window", f"{lc.site}/{phase.id}", phase.start, phase.end, lc.site, name, lc.note.en,
                         lc.source))
        if lc.confirmed_handover:
            rows.append(("handover", f"{lc.site}/handover", lc.confirmed_handover, None, lc.site, name, "",
                         lc.source))
    rows += [("event", e.id, e.date, e.end, e.site, e.description.en, e.kind, e.source) for e in s.events]
    rows += [("deadline", d.id, d.date, None, None, d.label.en, "", d.source) for d in s.deadlines]
    meetings = {m.id: m for m in s.meetings}
    rows += [("meeting", m.id, m.date, None, None, m.name.en, m.place.en, m.source) for m in s.meetings]
    rows += [("commitment", c.id, meetings[c.meeting].date, c.due, None, c.text.en, meetings[c.meeting].name.en,
              c.source) for c in s.commitments]
    output_format(path)
    _write_table(path, "timeline", TIMELINE_COLUMNS, rows, TIMELINE_HXL if hxl else None, excel, delimiter,
                 points=False)
    _tick(progress, len(rows), len(rows))
    return len(rows)


def _write_table(path, layer, columns, rows, hxl, excel, delimiter, points: bool = True) -> None:
    kind = output_format(path)
    if kind != "csv":
        if not points:
            raise ValueError(f"{path}: the timeline has no coordinates; write it as .csv")
        _write_features(path, layer, columns, rows, kind)
        return
    with csv_io.Writer(path, columns, excel=excel, hxl=hxl, delimiter=delimiter) as w:
        w.csv.writerows([[f"{v:.5f}" if c in ("lat", "lon") else csv_io.cell(v) for c, v in zip(columns, r)]
                         for r in rows])


def incident_filter(start: date | None = None, end: date | None = None,
                    base: incident_query.IncidentFilter | None = None) -> incident_query.IncidentFilter:
    """The table's filter (or none) with the export's date range."""
    return replace(base or incident_query.IncidentFilter(), date_from=start, date_to=end)
