"""What headquarters' GIS staff and analysts read on PostgreSQL, with no sitmon installed: a PostGIS point
(EPSG:4326, GiST index) generated from each incident's lat/lon, and plain views QGIS, ogr2ogr or a BI tool
open as layers:

  incidents_live      every incident not deleted, its point, without the sensitive notes and source (what the
                      "hq" export profile leaves out);
  site_records_live   every site record not deleted, with its site's names and point, without the sensitive
                      source and note;
  site_status_today   each site's status today, its point, since when and why (English and French): the rows
                      of `site_status_days` for the newest day up to the server's date. sitmon works the
                      statuses out (db/status.py, from the scenario and the site records) for every day of the
                      scenario and writes that table after whatever changes them; the view picks today's.

`grant_reader(role)` gives an analysts' role read access to the views alone.
"""
from __future__ import annotations

from db.store.models import Incident, SiteRecordRow
from db.vocab import SENSITIVE

EXTENSIONS = ("postgis", "unaccent")
SRID = 4326
GEOMETRY, GEOMETRY_INDEX = "geom", "ix_incidents_geom"
STATUS_TABLE = "site_status_days"
VIEWS = ("incidents_live", "site_records_live", "site_status_today")
RECORD_SENSITIVE = ("source", "note")
# Statement triggers on these tables notify `sitmon_changed` at each commit that changed them: an open window
# listens (ChangeCounter in postgresql.py) and follows what another process wrote.
NOTIFIED = ("scenarios", "incidents", "site_records", "conflicts")
# What only the server has beside the models (PostGIS's own table among them).
SERVER_ONLY = frozenset({GEOMETRY, GEOMETRY_INDEX, STATUS_TABLE, "spatial_ref_sys"})


def schema_of(conn, extension: str) -> str:
    """The schema an extension's objects live in (public unless the administrator chose otherwise)."""
    return conn.exec_driver_sql("SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = ?",
                                (extension,)).scalar()


def incident_columns() -> list[str]:
    return [c.name for c in Incident.__table__.columns if c.name not in (*SENSITIVE, "deleted")]


def point(postgis: str, table: str) -> str:
    return f"{postgis}.ST_SetSRID({postgis}.ST_MakePoint({table}.lon, {table}.lat), {SRID})::geometry(Point, {SRID})"


def upgrade(conn) -> None:
    """Migration 0008 on PostgreSQL: the point column and its index, the statuses' table, the views, and the
    notifications of changes."""
    postgis = schema_of(conn, "postgis")
    conn.exec_driver_sql(
        f"ALTER TABLE incidents ADD COLUMN {GEOMETRY} geometry(Point, {SRID}) GENERATED ALWAYS AS "
        f"({postgis}.ST_SetSRID({postgis}.ST_MakePoint(lon, lat), {SRID})) STORED")
    conn.exec_driver_sql(f"CREATE INDEX {GEOMETRY_INDEX} ON incidents USING gist ({GEOMETRY})")
    conn.exec_driver_sql(
        f"CREATE TABLE {STATUS_TABLE} (day date NOT NULL, site_id varchar(64) NOT NULL, status varchar(32) NOT NULL, "
        "since date, reason_en text NOT NULL, reason_fr text NOT NULL, PRIMARY KEY (day, site_id))")
    conn.exec_driver_sql(f"CREATE VIEW incidents_live AS SELECT {', '.join(incident_columns())}, {GEOMETRY} "
                         "FROM incidents WHERE NOT deleted")
    records = ", ".join(f"r.{c.name}" for c in SiteRecordRow.__table__.columns
                        if c.name not in (*RECORD_SENSITIVE, "deleted"))
    conn.exec_driver_sql(f"CREATE VIEW site_records_live AS SELECT {records}, s.name_en AS site_name_en, "
                         f"s.name_fr AS site_name_fr, {point(postgis, 's')} AS {GEOMETRY} "
                         "FROM site_records r LEFT JOIN sites s ON s.id = r.site_id WHERE NOT r.deleted")
    conn.exec_driver_sql(
        "CREATE VIEW site_status_today AS "
        "SELECT s.id AS site_id, s.name_en, s.name_fr, s.kind, s.region, d.day, d.status, d.since, d.reason_en, "
        f"d.reason_fr, {point(postgis, 's')} AS {GEOMETRY} FROM sites s JOIN {STATUS_TABLE} d ON d.site_id = s.id "
        f"AND d.day = (SELECT max(day) FROM {STATUS_TABLE} WHERE day <= current_date)")
    conn.exec_driver_sql("CREATE FUNCTION sitmon_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                         "PERFORM pg_notify('sitmon_changed', ''); RETURN NULL; END $$")
    for table in NOTIFIED:
        conn.exec_driver_sql(f"CREATE TRIGGER sitmon_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                             "FOR EACH STATEMENT EXECUTE FUNCTION sitmon_changed()")


def downgrade(conn) -> None:
    for table in NOTIFIED:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS sitmon_changed ON {table}")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS sitmon_changed()")
    for view in VIEWS:
        conn.exec_driver_sql(f"DROP VIEW IF EXISTS {view}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {STATUS_TABLE}")
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {GEOMETRY_INDEX}")
    conn.exec_driver_sql(f"ALTER TABLE incidents DROP COLUMN IF EXISTS {GEOMETRY}")


def write_statuses(conn, rows) -> None:
    """Replace the statuses' table by `rows`: (day, site_id, status, since, reason_en, reason_fr)."""
    conn.exec_driver_sql(f"DELETE FROM {STATUS_TABLE}")
    with conn.connection.driver_connection.cursor() as cur, cur.copy(
            f"COPY {STATUS_TABLE} (day, site_id, status, since, reason_en, reason_fr) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def grant_reader(conn, role: str) -> None:
    """Let `role` (which must exist) read the views, and nothing else of sitmon's."""
    from psycopg import sql

    cur = conn.connection.driver_connection.cursor()
    role_id = sql.Identifier(role)
    cur.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
        sql.Identifier(conn.exec_driver_sql("SELECT current_database()").scalar()), role_id))
    cur.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(
        sql.Identifier(conn.exec_driver_sql("SELECT current_schema()").scalar()), role_id))
    cur.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(
        sql.SQL(", ").join(sql.Identifier(v) for v in VIEWS), role_id))
