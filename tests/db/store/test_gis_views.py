"""What headquarters' GIS staff open: GDAL (the library QGIS and ogr2ogr are built on) reads the incidents view
from PostGIS through a "PG:" connection string, with every live incident, its point in EPSG:4326 and its text
intact; the site records and today's statuses are layers too; an analysts' role reads the views alone.

pyogrio's own GDAL is built without the PostgreSQL driver, so GDAL's command-line tools (gdal-bin, which
.ci/run installs) read the server, and pyogrio reads what they wrote."""
import subprocess
import uuid
from datetime import date
from urllib.parse import urlsplit

import psycopg
import pytest

from db.exchange import gis
from db.incidents import draft as inc
from db.incidents import writes
from db.scenario.stored import read_scenario
from db.store.dialect import postgresql_gis
from tests import services
from tests.db.incidents.test_incidents import GAO, draft
from tests.db.sites.records import stored

pytestmark = pytest.mark.postgresql
TRICKY = ('Convoi « MINUSMA » attaqué près de Ségou; 2 blessés, "IED" — ĐƐƆ ŋ', "Tombouctou/Gao, l'axe N16")


def pg_source(url: str, **extra) -> str:
    """The database as GDAL names it: PG:"host=... port=... user=... dbname=..." (no password: .pgpass)."""
    parts = urlsplit(url)
    fields = dict(host=parts.hostname, port=parts.port, user=parts.username, dbname=parts.path.lstrip("/"), **extra)
    return "PG:" + " ".join(f"{k}={v}" for k, v in fields.items() if v)


def read_layer(tmp_path, url, layer, **extra):
    import geopandas as gpd

    ogr2ogr = services.require_program("ogr2ogr", "gdal-bin")
    out = tmp_path / f"{layer}.geojson"
    done = subprocess.run([ogr2ogr, "-f", "GeoJSON", str(out), pg_source(url, **extra), layer],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    srs = subprocess.run([services.require_program("ogrinfo", "gdal-bin"), "-so", pg_source(url, **extra), layer],
                         capture_output=True, text=True, timeout=120).stdout
    return gpd.read_file(out), srs


def test_gdal_reads_every_live_incident_with_its_point_and_text(db, tmp_path):
    ctx = inc.context(read_scenario(db).sites, date(2024, 6, 30))
    made = [writes.create(db, draft(description=TRICKY[0], actors=TRICKY[1], location=GAO), "amina", ctx)
            for _ in range(3)]
    writes.soft_delete(db, made[2], "amina")
    frame, srs = read_layer(tmp_path, db.url, "incidents_live")
    assert 'ID["EPSG",4326]' in srs and "Geometry: Point" in srs
    assert len(frame) == 1 + 2 and made[2] not in set(frame["id"])  # the seed and two live ones
    mine = frame[frame["id"] == made[0]].iloc[0]
    assert (mine["description"], mine["actors"]) == TRICKY
    assert (round(mine.geometry.x, 5), round(mine.geometry.y, 5)) == (round(mine["lon"], 5), round(mine["lat"], 5))
    assert "notes" not in frame.columns and "source" not in frame.columns


def test_site_records_and_todays_statuses_are_layers(db, tmp_path):
    scenario = read_scenario(db)
    stored(db, scenario, "goundam", "handover", "2023-09-05", source="radio Goundam")
    assert gis.refresh_statuses(db) > 0
    records, _ = read_layer(tmp_path, db.url, "site_records_live")
    assert list(records["site_id"]) == ["goundam"] and "source" not in records.columns
    assert records.iloc[0]["site_name_en"] == "Goundam" and records.crs.to_epsg() == 4326
    statuses, _ = read_layer(tmp_path, db.url, "site_status_today")
    goundam = statuses[statuses["site_id"] == "goundam"].iloc[0]
    assert len(statuses) == len(scenario.sites) and goundam["status"] == "handed-over"
    assert "2023" in goundam["reason_en"] and goundam.geometry.y == pytest.approx(scenario.site("goundam").lat)


def test_an_analysts_role_reads_the_views_and_nothing_else(db, tmp_path):
    role = f"analyst_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(db.url, autocommit=True) as con:
        try:
            con.execute(f"CREATE ROLE {role}")
            con.execute(f"GRANT {role} TO {urlsplit(db.url).username}")
        except psycopg.errors.InsufficientPrivilege:
            services.unavailable("the role in SITMON_TEST_PG may not create roles: give it CREATEROLE as .ci/run does")
    try:
        with db.engine.begin() as conn:
            postgresql_gis.grant_reader(conn, role)
        frame, _ = read_layer(tmp_path, db.url, "incidents_live", options=f"'-c role={role}'")
        assert len(frame) == 1
        with psycopg.connect(db.url, options=f"-c role={role}") as con:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                con.execute("SELECT notes FROM incidents")
    finally:
        db.close()
        with psycopg.connect(db.url, autocommit=True) as con:
            con.execute(f"DROP OWNED BY {role}")
            con.execute(f"DROP ROLE {role}")
