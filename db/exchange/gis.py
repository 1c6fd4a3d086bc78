"""The site statuses GIS tools read on PostgreSQL (the view site_status_today, db/store/dialect/postgresql_gis.py):
the status engine (db/status.py) works every site's status out for each day from a week before today to the
day after the scenario's last date, the newest site record or today, whichever is latest, from the scenario and
the live site records; the view shows the day that is today (after the last day, the last day's, which no
longer changes), so it stays right as days pass with no sitmon running. sitmon writes them again after what changes them: an ingest, a resolved conflict, `sitmon hq
refresh` (a scheduled task can run it), or a site record or scenario written in the window."""
from __future__ import annotations

from datetime import timedelta

from db import status
from db.clock import utcnow
from db.progress import Progress, tick
from db.scenario.stored import read_scenario
from db.sites.queries import all_records, live
from db.store.dialect import postgresql_gis


def missing(db) -> bool:
    """On a server, whether the statuses were never written (a new database)."""
    if not db.on_server:
        return False
    with db.engine.connect() as conn:
        return not conn.exec_driver_sql(f"SELECT count(*) FROM {postgresql_gis.STATUS_TABLE}").scalar()


def refresh_statuses(db, french=None, progress: Progress = None) -> int:
    """Write every site's status for every day (on a server; a file has no such table); how many rows.
    `french(context, text)` translates the reasons' templates (Qt's, from app/); without it they stay English."""
    if not db.on_server or db.readonly:
        return 0
    scenario = read_scenario(db)
    records = live(all_records(db))
    today = utcnow().date()
    end = max([scenario.end, today, *(r.date for r in records)]) + timedelta(days=1)
    # from a week before today (a server or a reader in another time zone may be a day behind UTC)
    rows, day = [], max(scenario.start, min(today, end) - timedelta(days=7))
    while day <= end:
        for s in status.statuses_on(scenario, day, records):
            rows.append((day, s.site_id, s.status, s.since, s.reason("en"), s.reason("fr", french)))
        day += timedelta(days=1)
    with db.writing() as conn:
        postgresql_gis.write_statuses(conn, rows)
    tick(progress, 1, 1)
    return len(rows)
