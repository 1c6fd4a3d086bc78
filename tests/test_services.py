"""The plumbing for tests that need PostgreSQL: pg_database gives a fresh database with PostGIS and unaccent."""
import psycopg

from tests import services


def test_pg_database_has_postgis_and_unaccent(pg_database):
    with psycopg.connect(pg_database) as conn:
        assert conn.execute("SELECT PostGIS_Version()").fetchone()[0].startswith("3.")
        assert conn.execute("SELECT unaccent('Ménaka')").fetchone()[0] == "Menaka"
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
                            "AND tablename <> 'spatial_ref_sys'").fetchone()[0] == 0


def test_each_database_is_dropped_after(pg_url):
    with services.fresh_database(pg_url) as url:
        with psycopg.connect(url) as conn:
            name = conn.execute("SELECT current_database()").fetchone()[0]
            conn.execute("CREATE TABLE t (x int)")
        assert name.startswith("sitmon_test_") and url != pg_url
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_database WHERE datname = %s", [name]).fetchone()[0] == 0
