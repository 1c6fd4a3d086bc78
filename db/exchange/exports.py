"""Exports for headquarters: incidents, site records, site statuses and the timeline as CSV (Excel and GIS ready, see
docs/csv-format.md), GeoJSON or GeoPackage, chosen by the file's extension.

Long functions take `progress(done, total)`, which may raise db.progress.Cancelled; the file is then absent.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, literal_column, select

from db import status
from db.clock import utcnow
from db.exchange import csv_format, features
from db.incidents import queries, taxonomy
from db.progress import Progress, tick
from db.records import Text
from db.scenario.stored import read_scenario
from db.sites import queries as site_queries
from db.store import dialect
from db.store.models import Incident
from db.vocab import INCIDENT_STATUS_LABELS, REGIONS_WITHOUT_POLYGON, SITE_RECORD_FIELDS, SITE_RECORD_SENSITIVE
from geo import basemap

CHUNK = 20_000
FORMATS = {".csv": "csv", **{ext: "features" for ext in features.DRIVERS}}


def default_filename(mission: str, kind: str, start: date | None = None, end: date | None = None,
                     generated: datetime | None = None, ext: str = "csv") -> str:
    """e.g. minusma-2023_incidents_2023-07-01_2023-12-31_20231115T103000Z.csv (mission, kind, range, time)."""
    parts = [mission, kind]
    if start or end:
        span = [d.isoformat() if d else "start" if i == 0 else "end" for i, d in enumerate((start, end))]
        parts += span[:1] if start == end else span
    parts.append((generated or utcnow()).strftime("%Y%m%dT%H%M%SZ"))
    return "_".join(parts) + "." + ext.lstrip(".")


def output_format(path: Path | str) -> str:
    """csv or features (GeoJSON, GeoPackage) from the file's extension; ValueError for another one."""
    try:
        return FORMATS[Path(path).suffix.lower()]
    except KeyError:
        raise ValueError(f"{path}: the file name must end with {', '.join(FORMATS)}") from None


def incident_filter(start: date | None = None, end: date | None = None,
                    base: queries.IncidentFilter | None = None) -> queries.IncidentFilter:
    """The table's filter (or none) with the export's date range."""
    return replace(base or queries.IncidentFilter(), date_from=start, date_to=end)


def hq_labels(lang: str = "en") -> dict[str, dict[str, str]]:
    """What the "hq" profile writes instead of codes, in `lang`: type and sub-type labels (the taxonomy),
    statuses (db.vocab) and region names (the basemap's, and the two 2016 regions it has no polygon for)."""
    tax = taxonomy.load()
    regions = {r.code: Text(r.name, r.name_fr or "") for r in basemap.regions().regions}
    return {
        "type": {t.id: t.label.get(lang) for t in tax.types},
        "subtype": {s.id: s.label.get(lang) for t in tax.types for s in t.subtypes},
        "status": {k: v.get(lang) for k, v in INCIDENT_STATUS_LABELS.items()},
        "region": {k: v.get(lang) for k, v in {**regions, **REGIONS_WITHOUT_POLYGON}.items()},
    }


def export_incidents(db, path: Path | str, where: queries.IncidentFilter | None = None, *,
                     excel: bool = False, hxl: bool = False, profile: str = "full", lang: str = "en",
                     delimiter: str = ",", progress: Progress = None) -> int:
    """Incidents matching the filter (not deleted unless asked), by date then id; returns how many.
    Profile "hq" leaves out the sensitive columns and writes labels in `lang` (hq_labels) for codes."""
    where = where or queries.IncidentFilter()
    columns = csv_format.export_columns(profile)
    labels = hq_labels(lang) if profile == "hq" else {}
    kind = output_format(path)
    cond = queries.where(where)
    order = (Incident.occurred_on, Incident.id)
    with db.engine.connect() as conn, dialect.large_cache(conn):
        total = conn.execute(select(func.count()).select_from(Incident).where(cond)).scalar()
        if kind != "csv":
            rows = conn.execute(select(*(getattr(Incident, c) for c in columns)).where(cond).order_by(*order)).all()
            tick(progress, total, total)
            if labels:
                rows = [[labels[c].get(v, v) if c in labels else v for c, v in zip(columns, r)] for r in rows]
            features.write_points(path, "incidents", columns, rows, db.path)
            return total
        with csv_format.Writer(path, columns, excel=excel, hxl=csv_format.HXL if hxl else None,
                               delimiter=delimiter, database=db.path) as w:
            record = dialect.csv_record(conn, csv_format.record_cells(columns), delimiter, csv_format.TRIGGERS,
                                        labels)
            stmt = select(literal_column(record)).select_from(Incident).where(cond).order_by(*order)
            done = 0
            for part in conn.execute(stmt).scalars().partitions(CHUNK):
                w.write_records(part)
                done += len(part)
                tick(progress, done, total)
    return done


STATUS_COLUMNS = ("date", "site_id", "site", "kind", "region", "lat", "lon", "status", "since", "reason")
STATUS_HXL = {"date": "#date", "site_id": "#loc+code", "site": "#loc+name", "kind": "#loc+type",
              "region": "#adm1+code", "lat": "#geo+lat", "lon": "#geo+lon", "status": "#status",
              "since": "#date+start", "reason": "#description"}
TIMELINE_COLUMNS = ("kind", "id", "start", "end", "site_id", "title", "detail", "source")
TIMELINE_HXL = {"kind": "#event+type", "id": "#event+code", "start": "#date+start", "end": "#date+end",
                "site_id": "#loc+code", "title": "#event+name", "detail": "#description", "source": "#meta+source"}


def export_status(db, path: Path | str, day: date, *, excel: bool = False, hxl: bool = False,
                  delimiter: str = ",", progress: Progress = None) -> int:
    """Every site's status on `day` (the plan with the site records), since when and why (English), as CSV or
    as points."""
    scenario = read_scenario(db)
    rows = []
    for st in status.statuses_on(scenario, day, site_queries.all_records(db, include_deleted=False)):
        site = scenario.site(st.site_id)
        rows.append((day, site.id, site.name.en, site.kind, site.region, round(site.lat, 5), round(site.lon, 5),
                     st.status, st.since, st.reason("en")))
    _write_table(db, path, "sites", STATUS_COLUMNS, rows, STATUS_HXL if hxl else None, excel, delimiter)
    tick(progress, len(rows), len(rows))
    return len(rows)


# The site log: the columns of `sitmon site log --format csv`, then where the site is (for a GIS).
SITE_RECORD_COLUMNS = SITE_RECORD_FIELDS + ("site", "lat", "lon")
SITE_RECORD_HXL = {"id": "#meta+id", "site_id": "#loc+code", "kind": "#event+type", "date": "#date",
                   "value": "#indicator+num", "category": "#indicator+category", "source": "#meta+source",
                   "reliability": "#meta+reliability", "note": "#description+notes", "author": "#meta+author",
                   "origin": "#meta+origin", "recorded_at": "#date+reported", "revision": "#meta+revision",
                   "deleted": "#status+deleted", "site": "#loc+name", "lat": "#geo+lat", "lon": "#geo+lon"}


def site_record_columns(profile: str = "full", with_site: bool = True) -> tuple[str, ...]:
    """The site log's columns: all, or without the sensitive ones ("hq"); `with_site`: site name and position."""
    columns = SITE_RECORD_COLUMNS if with_site else SITE_RECORD_FIELDS
    return columns if profile == "full" else tuple(c for c in columns if c not in SITE_RECORD_SENSITIVE)


def site_record_values(record, scenario=None) -> dict:
    """One record's cells by column: dates ISO 8601, recorded_at in UTC with a Z, deleted as true/false."""
    site = next((s for s in scenario.sites if s.id == record.site_id), None) if scenario else None
    return {**{c: getattr(record, c) for c in SITE_RECORD_FIELDS},
            "recorded_at": record.recorded_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "deleted": "true" if record.deleted else "false",
            "site": site.name.en if site else "", "lat": site.lat if site else None, "lon": site.lon if site else None}


def export_site_records(db, path: Path | str, start: date | None = None, end: date | None = None, *,
                        excel: bool = False, hxl: bool = False, profile: str = "full", delimiter: str = ",",
                        progress: Progress = None) -> int:
    """The site records dated start..end (not deleted), by date: CSV, or points at their sites (GeoJSON,
    GeoPackage); `profile` "hq" leaves out source and note. Returns how many."""
    scenario = read_scenario(db)
    records = [r for r in site_queries.all_records(db, include_deleted=False)
               if (start is None or r.date >= start) and (end is None or r.date <= end)]
    columns = site_record_columns(profile)
    rows = [tuple(site_record_values(r, scenario)[c] for c in columns) for r in records]
    if output_format(path) != "csv":
        rows = [r for r, rec in zip(rows, records) if rec.site_id in {s.id for s in scenario.sites}]
    _write_table(db, path, "site_records", columns, rows, SITE_RECORD_HXL if hxl else None, excel, delimiter)
    tick(progress, len(rows), len(rows))
    return len(rows)


def export_timeline(db, path: Path | str, *, excel: bool = False, hxl: bool = False, delimiter: str = ",",
                    progress: Progress = None) -> int:
    """Phases, closure windows and handovers, events, deadlines, meetings and commitments (English)."""
    s = read_scenario(db)
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
    if output_format(path) != "csv":
        raise ValueError(f"{path}: the timeline has no coordinates; write it as .csv")
    _write_table(db, path, "timeline", TIMELINE_COLUMNS, rows, TIMELINE_HXL if hxl else None, excel, delimiter)
    tick(progress, len(rows), len(rows))
    return len(rows)


MOVEMENT_COLUMNS = ("id", "from_site", "to_site", "via", "planned_departure", "planned_arrival", "departed_on",
                    "arrived_on", "status", "personnel", "vehicles", "route_km", "incidents", "note", "author",
                    "origin", "revision", "updated_at")
MOVEMENT_HXL = {"id": "#activity+code", "from_site": "#loc+code+origin", "to_site": "#loc+code+dest",
                "via": "#loc+name+via", "planned_departure": "#date+start+planned", "planned_arrival":
                "#date+end+planned", "departed_on": "#date+start", "arrived_on": "#date+end", "status": "#status",
                "personnel": "#reached+persons", "vehicles": "#reached+vehicles", "route_km": "#indicator+km",
                "incidents": "#event+code", "note": "#description", "author": "#meta+author",
                "origin": "#meta+origin", "revision": "#meta+revision", "updated_at": "#date+updated"}


def movement_rows(db, include_deleted: bool = False) -> tuple[list[tuple], list]:
    """Every movement as MOVEMENT_COLUMNS values, and its route's (lat, lon) vertices (None where a site is not
    in the scenario), by planned departure."""
    from db.movements.draft import waypoint_text
    from db.movements.queries import movements
    from geo.routes import Route

    sites = {s.id: (s.lat, s.lon) for s in read_scenario(db).sites}
    rows, lines = [], []
    for m in movements(db, include_deleted):
        line = m.vertices(sites)
        km = round(Route.through(line).length_km, 1) if line else None
        rows.append((m.id, m.from_site, m.to_site, waypoint_text(m.waypoints), m.planned_departure, m.planned_arrival,
                     m.departed_on, m.arrived_on, m.status, m.personnel, m.vehicles, km, " ".join(m.incident_ids),
                     m.note, m.author, m.origin, m.revision, m.updated_at.isoformat(sep=" ", timespec="seconds")))
        lines.append(line)
    return rows, lines


def export_movements(db, path: Path | str, *, excel: bool = False, hxl: bool = False, delimiter: str = ",",
                     progress: Progress = None) -> int:
    """Every live movement as CSV, or as lines (GeoJSON, GeoPackage: the route through its waypoints)."""
    rows, lines = movement_rows(db)
    if output_format(path) != "csv":
        features.write_lines(path, "movements", MOVEMENT_COLUMNS, rows, lines, db.path)
    else:
        with csv_format.Writer(path, MOVEMENT_COLUMNS, excel=excel, hxl=MOVEMENT_HXL if hxl else None,
                               delimiter=delimiter, database=db.path) as w:
            w.csv.writerows([[csv_format.cell(v) for v in r] for r in rows])
    tick(progress, len(rows), len(rows))
    return len(rows)


def _write_table(db, path, layer, columns, rows, hxl, excel, delimiter) -> None:
    if output_format(path) != "csv":
        features.write_points(path, layer, columns, rows, db.path)
        return
    with csv_format.Writer(path, columns, excel=excel, hxl=hxl, delimiter=delimiter, database=db.path) as w:
        w.csv.writerows([[f"{v:.5f}" if c in ("lat", "lon") and v is not None else csv_format.cell(v)
                          for c, v in zip(columns, r)] for r in rows])
