"""Headquarters on PostgreSQL: ingest 1,000,000 incidents (with their 'create' audit rows) from 20 laptops'
packages, beside a raw COPY of the same rows into the same tables in the same run; then the incident table's
queries at 1,000,000 (first page, filter by type, text search, counts) on PostgreSQL beside the same queries on
SQLite (bench_incidents' database of 1,000,000).

Targets: ingest at least half of raw COPY's rate; every query under 300 ms.
Needs a server: SITMON_BENCH_PG or SITMON_TEST_PG (a role that may CREATE DATABASE, PostGIS and unaccent,
as .ci/run starts); without one it says so and skips. `python -m bench.bench_postgres [N]` (default 1,000,000).
`python -m bench.bench_postgres --queries URL [N]` runs the query part alone on an existing database of N incidents
(e.g. one an earlier run or a faster load filled), beside SQLite's.
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "build" / "bench"
PACKAGES = 20
TARGET_MS = 300


def server() -> str | None:
    return (os.environ.get("SITMON_BENCH_PG") or os.environ.get("SITMON_TEST_PG") or "").strip() or None


def packages(n: int) -> list[Path]:
    """20 laptops' signed packages holding n incidents between them, each with its 'create' audit rows (made
    once from 20 laptop databases filled as bench_incidents fills its own, cached under build/bench/)."""
    import sqlite3

    from bench.bench_incidents import _row
    from db import open_database
    from db.exchange import packages as pk
    from db.incidents.taxonomy import load

    folder = CACHE / f"pg_packages_{n}"
    files = [folder / f"laptop{i:02d}.zip" for i in range(PACKAGES)]
    if all(f.exists() for f in files):
        return files
    folder.mkdir(parents=True, exist_ok=True)
    types = [(t.id, [s.id for s in t.subtypes]) for t in load().types]
    per = n // PACKAGES
    rng = random.Random(n)
    from datetime import date

    for i, path in enumerate(files):
        laptop_path = folder / f"laptop{i:02d}.sqlite"
        for p in (laptop_path, Path(f"{laptop_path}-wal"), Path(f"{laptop_path}.key")):
            p.unlink(missing_ok=True)
        laptop = open_database(laptop_path)
        con = sqlite3.connect(laptop_path, isolation_level=None)
        sites = con.execute("SELECT id, lat, lon, region FROM sites").fetchall()
        rows = [_row(rng, date(2023, 1, 1), sites, types)
                for _ in range(per if i < PACKAGES - 1 else n - per * (PACKAGES - 1))]
        rows = [(*r[:23], laptop.laptop_id, *r[24:]) for r in rows]  # each laptop's own incidents
        con.execute("BEGIN")
        con.executemany(
            "INSERT INTO incidents (id, occurred_on, occurred_time, lat, lon, region, site_id, site_km, type, "
            "subtype, actors, killed_peacekeepers, killed_civilians, killed_other, injured_peacekeepers, "
            "injured_civilians, injured_other, description, notes, source, reliability, status, author, origin, "
            "revision, created_at, updated_at, deleted) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
            "?,?)", rows)
        con.execute("INSERT INTO incident_audit (incident_id, at, author, laptop, action, changes) "
                    "SELECT id, created_at, author, origin, 'create', json_object('type', json_array(NULL, type)) "
                    "FROM incidents WHERE origin = ?", (laptop.laptop_id,))
        con.execute("INSERT INTO incidents_fts(incidents_fts) VALUES ('rebuild')")
        con.execute("COMMIT")
        con.close()
        pk.export_package(laptop, path, author=f"bench {i}")
        laptop.close()
    return files


@contextmanager
def _fresh(url: str):
    """A new empty database on the server, dropped afterwards; its URL."""
    import psycopg
    from psycopg import sql

    name = f"sitmon_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(urlsplit(url)._replace(path="/" + name))
    finally:
        with psycopg.connect(url, autocommit=True) as con:
            for wait in (1, 2, 4, 8, 0):  # FORCE may not end an autovacuum worker (another role's): it ends soon
                try:
                    con.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
                    break
                except psycopg.errors.InsufficientPrivilege:
                    if not wait:
                        raise
                    time.sleep(wait)


def ingest(db, files) -> tuple[float, int]:
    """sitmon hq ingest of the packages into the database: (seconds, incidents created; each also writes its
    audit rows: the laptop's 'create' and a 'merge' row naming the package)."""
    from db.exchange import hq

    start = time.perf_counter()
    done = hq.ingest(db, files)
    seconds = time.perf_counter() - start
    assert all(d.refused is None for d in done), [d.refused for d in done if d.refused]
    return seconds, sum(d.result.created for d in done)


def raw_copy(url: str, files) -> tuple[float, int]:
    """COPY of the same rows (already read from the packages) into the same tables of a fresh database:
    (seconds, incidents; each with its 'create' audit row)."""
    from db import open_database
    from db.exchange.packages import archive, incidents

    read = [archive.read(f, None).rows for f in files]
    with _fresh(url) as target:
        open_database(target).close()
        import psycopg

        with psycopg.connect(target) as con:
            seen = {r[0] for r in con.execute("SELECT id FROM incidents")}  # the scenario's seeded incident
            start = time.perf_counter()
            rows = 0
            for found in read:
                new = [r for r in found["incidents.jsonl"] if r["id"] not in seen]
                seen.update(r["id"] for r in new)
                for table, member, columns in (("incidents", new, incidents.COLUMNS),
                                               ("incident_audit", found["audit.jsonl"], incidents.AUDIT_COLUMNS)):
                    with con.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                        for r in member:
                            copy.write_row([r[c] for c in columns])
                rows += len(new)
                con.commit()
            seconds = time.perf_counter() - start
    return seconds, rows


def _median_ms(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


QUERIES = (
    ("first page (date order)", "page", {}),
    ("filter by type: first page", "page", {"types": ("ied",)}),
    ("text search: first page", "page", {"text": "mortar shells"}),
    ("count (all)", "count", {}),
    ("count by type", "count", {"types": ("ied",)}),
    ("count text search", "count", {"text": "convoy attack"}),
)


def queries(db) -> list[float]:
    from db.incidents import queries as q

    out = []
    for _, kind, f in QUERIES:
        flt = q.IncidentFilter(**f)
        out.append(_median_ms((lambda: q.page(db, flt, "occurred_on", True, 0, 200)) if kind == "page"
                              else (lambda: q.count(db, flt))))
    return out


def main(n: int = 1_000_000) -> None:
    url = server()
    if url is None:
        print("skipped: no PostgreSQL server (set SITMON_BENCH_PG or SITMON_TEST_PG=postgresql://USER@HOST:PORT/DB, "
              "a role that may CREATE DATABASE; .ci/run starts one)")
        return
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=10).close()
    except Exception as exc:  # noqa: BLE001 (any reason the server cannot be used: said, then skipped)
        print(f"skipped: PostgreSQL at {url} does not answer: {str(exc).strip().splitlines()[0]}")
        return
    from db import open_database

    files = packages(n)
    raw_s, raw_rows = raw_copy(url, files)
    from bench.bench_incidents import database

    database(n)  # SQLite's, built once before the ingest's database exists
    with _fresh(url) as target:
        pg = open_database(target)
        ingest_s, rows = ingest(pg, files)
        print(f"{'ingest of ' + format(n, ',') + ' incidents in 20 packages':<48} {'incidents/s':>12}")
        print(f"{'  sitmon hq ingest (checks, merge, COPY)':<48} {rows / ingest_s:12,.0f}   ({ingest_s:.1f} s, "
              f"{rows:,} incidents)")
        print(f"{'  raw COPY of the same rows':<48} {raw_rows / raw_s:12,.0f}   ({raw_s:.1f} s)")
        ratio = (rows / ingest_s) / (raw_rows / raw_s)
        print(f"  ingest / COPY = {ratio:.2f} (target >= 0.5: {'met' if ratio >= 0.5 else 'NOT met'})")
        print_queries(pg, n)
        pg.close()


def print_queries(pg, n: int) -> None:
    """The queries on the PostgreSQL database `pg`, then on SQLite's database of n incidents, medians printed side
    by side."""
    from bench.bench_incidents import database
    from db import open_database

    sqlite_db = open_database(database(n), seed=False)
    pg_ms, sqlite_ms = queries(pg), queries(sqlite_db)
    sqlite_db.close()
    print(f"\n{'at ' + format(n, ',') + ' incidents (median of 5, ms)':<40} {'PostgreSQL':>11} {'SQLite':>9}")
    for (label, _, _), p, s in zip(QUERIES, pg_ms, sqlite_ms):
        flag = "" if p < TARGET_MS else "  over 300 ms"
        print(f"  {label:<38} {p:11.1f} {s:9.1f}{flag}")


def main_queries(url: str, n: int = 1_000_000) -> None:
    """The query part alone, on the existing database at `url` holding n incidents."""
    from db import open_database

    pg = open_database(url, seed=False)
    print_queries(pg, n)
    pg.close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--queries"]:
        main_queries(sys.argv[2], *(int(a) for a in sys.argv[3:]))
    else:
        main(*(int(a) for a in sys.argv[1:]))
