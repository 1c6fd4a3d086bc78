"""CSV import and export of 100,000 and 1,000,000 incidents (`--quick`: 100,000 only), issue 22's figures.

Import = check (every cell validated) + write (one transaction, audited), in three cases: n rows into an
empty database, and 100,000 rows into a database that already holds 1,000,000 (built once per design under
build/bench/). Each sitmon line sits beside the same run's:
  before   today's design as it was before issue 22, kept here: the row reader's check, then a write with a
           backup of the whole file, every id of the table loaded, and a 'create' audit row of every value
           per incident (into today's database: those audit rows for every incident it holds);
  SQLite alone   the new design with no Python per row: INSERT ... SELECT from a copy staged in an attached
           file before timing, text index, commit (what storing the rows costs);
  pandas   read_csv + to_sql (no validation, no audit, no text index).
Export = the whole log to CSV, beside pandas read_sql + to_csv and SQLite formatting the records alone.
Variants run interleaved, round after round, so that each sees the same noise; medians of 3 rounds at
100,000, one at 1,000,000; CPU seconds of this process beside the wall-clock seconds.
Targets (issue 22): import >= 100,000 rows/s into an empty database and >= 50,000 rows/s into 1,000,000;
the floor: twice the before line. CSV export >= 200,000 rows/s.
"""
from __future__ import annotations

import csv
import hashlib
import os
import random
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from operator import itemgetter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "build" / "bench"
WORDS = "convoy attacked near the camp by armed men; two peacekeepers injured, vehicle burnt; Ménaka Ségou".split()
TARGETS = {"empty": 100_000, "into": 50_000, "export": 200_000}


def write_csv(path: Path, n: int, seed: int | None = None) -> None:
    """n valid incidents in sitmon's CSV format (the current column set), about 360 bytes a row."""
    from db.exchange import csv_format

    rnd = random.Random(n if seed is None else seed)
    types = [("battles", "armed-clash"), ("ied", ""), ("violence-against-civilians", "abduction"), ("riots", "")]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(csv_format.INCIDENT_COLUMNS[csv_format.VERSION])
        for i in range(n):
            t, s = types[i % 4]
            day = date(2023, 1, 1) + timedelta(days=rnd.randrange(365))
            w.writerow([uuid.UUID(int=rnd.getrandbits(128), version=4), day, "", f"{rnd.uniform(10, 25):.5f}",
                        f"{rnd.uniform(-12, 4):.5f}", "ML-6", "ber", "12.40", "Ber", "Tombouctou", "Goundam",
                        rnd.choice((1, 2, 3)), 1, t, s, "JNIM; FAMa", 0, 1, 2, 0, 0, 0,
                        " ".join(rnd.choices(WORDS, k=18)), "", "S/2023/611", "B2", "reported", "bench", "laptop",
                        f"X{seed or ''}-{i}" if i % 3 == 0 else "", "", 1, "2023-08-13T10:00:00Z",
                        "2023-08-13T10:00:00Z"])


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


class Clock:
    """Wall-clock and CPU seconds of what runs inside `with Clock() as c:` (`children`: with the CPU of the
    worker processes it waited for)."""

    def __init__(self, children: bool = False):
        self.children = children

    def _cpu(self) -> float:
        if not self.children:
            return cpu()
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return cpu() + r.ru_utime + r.ru_stime

    def __enter__(self):
        self.t, self.c = time.perf_counter(), self._cpu()
        return self

    def __exit__(self, *_):
        self.seconds, self.cpu = time.perf_counter() - self.t, self._cpu() - self.c


def open_db(path: Path):
    from db import open_database

    return open_database(path, seed=False)


def drop(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    shutil.rmtree(path.parent / "backups", ignore_errors=True)


# ---------------------------------------------------------------- before: today's design, kept for comparison

def before_check(db, path: Path) -> list[tuple]:
    """Today's check of a sitmon file: the row reader, then every external id of the table loaded."""
    from db.bulk import no_cyclic_gc
    from db.exchange import csv_format, imports

    defaults = dict(author="", origin=db.laptop_id, created_at=imports.stored(imports.utcnow()))
    defaults["updated_at"] = defaults["created_at"]
    rows, problems = [], []
    with csv_format.Table(path) as table, no_cyclic_gc():
        reader = csv_format.IncidentReader(table.header, defaults)
        for chunk in table.chunks(20_000):
            rows += reader.read(chunk, table.next_row, problems, table.undecodable)
    with db.engine.connect() as conn:
        owner = dict(conn.exec_driver_sql("SELECT external_id, id FROM incidents WHERE external_id IS NOT NULL").all())
    ext = csv_format.FIELDS.index("external_id")
    assert not problems and not any(r[ext] in owner for r in rows if r[ext])
    return rows


def before_write(db, rows: list[tuple]) -> None:
    """Today's write: a backup of the whole file, every id loaded, the rows, a 'create' audit row of every value
    per incident built in SQL, the text index in one statement, 64 MiB of page cache."""
    from db.bulk import no_cyclic_gc
    from db.exchange.csv_format import FIELDS
    from db.exchange.imports import AUDITED, stored, utcnow
    from db.store import backup
    from db.store.dialect import sqlite, sqlite_fts

    backup.before_import(db.path, db.passphrase)
    with db.engine.connect().execution_options(**{sqlite.WRITE: True}) as conn, no_cyclic_gc():
        conn.exec_driver_sql("PRAGMA cache_size=-65536")
        local = {r[0] for r in conn.exec_driver_sql("SELECT id FROM incidents")}
        new = sorted((r for r in rows if r[0] not in local), key=itemgetter(0))
        after = conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM incidents").scalar()
        with sqlite_fts.bulk_inserts(conn):
            for start in range(0, len(new), 20_000):
                conn.exec_driver_sql(f"INSERT INTO incidents ({', '.join(FIELDS)}) VALUES "
                                     f"({', '.join('?' * len(FIELDS))})", new[start:start + 20_000])
        values = ", ".join(f"'{c}', json_array(NULL, {f'substr({c}, 1, 8)' if c == 'occurred_time' else c})"
                           for c in AUDITED)
        conn.exec_driver_sql("INSERT INTO incident_audit (incident_id, at, author, laptop, action, changes) "
                             f"SELECT id, ?, 'bench', ?, 'create', json_object({values}) FROM incidents "
                             "WHERE rowid > ? ORDER BY id", (stored(utcnow()), db.laptop_id, after))
        conn.commit()


# ---------------------------------------------------------------- the variants of an import

def import_before(target: Path, source: Path) -> dict:
    db = open_db(target)
    with Clock() as check:
        rows = before_check(db, source)
    with Clock() as write:
        before_write(db, rows)
    db.close()
    return {"check": check, "write": write}


def import_sitmon(target: Path, source: Path) -> dict:
    from db.exchange import imports

    db = open_db(target)
    with Clock() as check:
        plan = imports.check_file(db, source)
    assert not plan.problems, plan.problems[:3]
    with Clock() as write:
        imports.write_import(db, plan, "bench")
    db.close()
    return {"check": check, "write": write}


def import_sqlite_alone(target: Path, stage: Path) -> dict:
    """The new design with SQLite alone: the staged rows in one INSERT ... SELECT (secondary indexes built after
    them into an empty table), the text index in one statement, one imports row, commit."""
    from db.exchange.csv_format import FIELDS
    from db.store.dialect import sqlite_fts
    from db.store.models import Incident

    open_db(target).close()
    con = sqlite3.connect(target, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA cache_size=-524288")
    con.execute("ATTACH ? AS s", (str(stage),))
    indexed = [r[1] for r in con.execute(f"PRAGMA table_info({sqlite_fts.TABLE})")]
    columns = ", ".join(indexed)
    with Clock() as write:
        con.execute("BEGIN IMMEDIATE")
        empty = con.execute("SELECT count(*) FROM (SELECT 1 FROM incidents LIMIT 1)").fetchone()[0] == 0
        last = con.execute("SELECT coalesce(max(rowid), 0) FROM incidents").fetchone()[0]
        import_id = con.execute("INSERT INTO imports (file, sha256, format, author, laptop, at, rows, refused, "
                                "created, updated, unchanged, undone_by) VALUES ('f', '', 'sitmon', '', '', "
                                "'2023-08-13 10:00:00.000000', 0, 0, 0, 0, 0, '') RETURNING id").fetchone()[0]
        indexes = [(ix.name, sql) for ix in Incident.__table__.indexes for (sql,) in con.execute(
            "SELECT sql FROM sqlite_master WHERE name = ?", (ix.name,))] if empty else []
        for name, _ in indexes:
            con.execute(f"DROP INDEX {name}")
        for name in sqlite_fts.TRIGGERS:
            con.execute(f"DROP TRIGGER {name}")
        con.execute(f"INSERT INTO incidents ({', '.join(FIELDS)}, import_id) SELECT {', '.join(FIELDS)}, "
                    f"{import_id} FROM s.stage ORDER BY id")
        for _, sql in indexes:
            con.execute(sql)
        con.execute(f"INSERT INTO {sqlite_fts.TABLE}(rowid, {columns}) SELECT rowid, {columns} FROM incidents "
                    "WHERE rowid > ?", (last,))
        for ddl in sqlite_fts.triggers(indexed).values():
            con.execute(ddl)
        con.execute("COMMIT")
    con.close()
    return {"write": write}


def import_pandas(target: Path, source: Path) -> dict:
    import pandas as pd

    open_db(target).close()
    with Clock() as whole:
        con = sqlite3.connect(target)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        pd.read_csv(source, dtype=str, keep_default_na=False).to_sql("pandas_incidents", con, index=False,
                                                                      chunksize=20_000, if_exists="append")
        con.commit()
        con.close()
    return {"whole": whole}


def stage_rows(folder: Path, source: Path) -> Path:
    """The checked rows of `source` in a plain table of their own file (for SQLite alone)."""
    from db.exchange import imports
    from db.exchange.csv_format import FIELDS

    db = open_db(folder / "check.sqlite")
    rows = imports.check_file(db, source).rows
    db.close()
    drop(folder / "check.sqlite")
    stage = folder / "stage.sqlite"
    drop(stage)
    con = sqlite3.connect(stage)
    con.execute(f"CREATE TABLE stage ({', '.join(FIELDS)})")
    con.executemany(f"INSERT INTO stage VALUES ({', '.join('?' * len(FIELDS))})", rows)
    con.commit()
    con.close()
    return stage


def base(design: str, n: int) -> Path:
    """A database holding n other incidents, written the design's way (built once, then copied)."""
    from db.store.migrations import schemas

    schema = hashlib.sha256(schemas.SNAPSHOT.read_bytes()).hexdigest()[:12]  # a new schema: built again
    path = CACHE / f"exchange_{design}_{n}_{schema}.sqlite"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    part = path.with_suffix(".part")
    drop(part)
    source = CACHE / f"exchange_base_{n}.csv"
    write_csv(source, n, seed=7)
    (import_before if design == "before" else import_sitmon)(part, source)
    source.unlink()
    shutil.rmtree(part.parent / "backups", ignore_errors=True)
    db = open_db(part)  # folded into one file
    db.close()
    part.rename(path)
    return path


# ---------------------------------------------------------------- export

def export_variants(db_path: Path, out: Path) -> dict:
    import pandas as pd

    from db.exchange import csv_format
    from db.exchange.exports import export_incidents
    from db.store.dialect import sqlite_bulk

    db = open_db(db_path)
    found = {}
    for name, least in (("before", float("inf")), ("sitmon", sqlite_bulk.PARALLEL_MIN)):
        sqlite_bulk.PARALLEL_MIN, kept = least, sqlite_bulk.PARALLEL_MIN
        try:
            with Clock(children=True) as found[name]:
                export_incidents(db, out)
        finally:
            sqlite_bulk.PARALLEL_MIN = kept
        with open(out, "rb") as f:
            found[name + "-sha256"] = hashlib.file_digest(f, "sha256").hexdigest()
    assert found["before-sha256"] == found["sitmon-sha256"], "the workers' export differs from the one-process one"
    db.close()
    with Clock() as found["pandas"]:
        con = sqlite3.connect(db_path)
        pd.read_sql_query("SELECT * FROM incidents WHERE NOT deleted ORDER BY occurred_on, id", con).to_csv(
            out, index=False)
        con.close()
    record = sqlite_bulk.csv_record(csv_format.record_cells(csv_format.export_columns()), ",", csv_format.TRIGGERS)
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA cache_size=-524288")
    with Clock() as found["alone"]:
        con.execute(f"SELECT max(length({record})) FROM incidents WHERE deleted = 0 ORDER BY occurred_on, id")\
            .fetchall()
    con.close()
    return found


# ---------------------------------------------------------------- the table

class Table:
    def __init__(self):
        print(f"{'case':<34} {'line':<36} {'seconds':>8} {'CPU s':>7} {'rows/s':>10} {'x before':>9}", flush=True)

    def line(self, case: str, name: str, n: int, clocks: list, before: float | None = None) -> float:
        seconds = statistics.median(c.seconds for c in clocks)
        cpu_s = statistics.median(c.cpu for c in clocks)
        ratio = f"{before / seconds:>8.2f}x" if before else ""
        print(f"{case:<34} {name:<36} {seconds:>8.2f} {cpu_s:>7.2f} {n / seconds:>10,.0f} {ratio:>9}", flush=True)
        return seconds


def _sum(parts: dict) -> Clock:
    c = Clock()
    c.seconds, c.cpu = sum(p.seconds for p in parts.values()), sum(p.cpu for p in parts.values())
    return c


def import_case(table: Table, case: str, n: int, source: Path, folder: Path, runs: int, into: int = 0) -> None:
    """The import variants, interleaved, `runs` rounds; `into`: into copies of a database holding that many."""
    stage = stage_rows(folder, source)
    found = {k: [] for k in ("before", "sitmon", "alone", "pandas")}
    for _ in range(runs):
        for name, run, arg in (("before", import_before, source), ("sitmon", import_sitmon, source),
                               ("alone", import_sqlite_alone, stage), ("pandas", import_pandas, source)):
            target = folder / f"{name}.sqlite"
            drop(target)
            if into:
                shutil.copyfile(base("before" if name == "before" else "sitmon", into), target)
            found[name].append(run(target, arg))
            drop(target)
    drop(stage)
    before = table.line(case, "before: today's check + write", n, [_sum(f) for f in found["before"]])
    sitmon = table.line(case, "sitmon: check + write", n, [_sum(f) for f in found["sitmon"]], before)
    check = table.line(case, "  of which check", n, [f["check"] for f in found["sitmon"]])
    write = table.line(case, "  of which write", n, [f["write"] for f in found["sitmon"]])
    alone = table.line(case, "SQLite alone (INSERT ... SELECT)", n, [f["write"] for f in found["alone"]], before)
    table.line(case, "pandas read_csv + to_sql", n, [f["whole"] for f in found["pandas"]], before)
    target = TARGETS["into" if into else "empty"]
    print(f"{case:<34} -> {n / sitmon:,.0f} rows/s is {n / sitmon / target:.0%} of the {target:,} target and "
          f"{before / sitmon:.2f}x before (floor 2x); of its {sitmon:.2f} s: validation {check:.2f}, storing "
          f"{alone:.2f} (SQLite alone), binding and the rest of the write {max(write - alone, 0):.2f}", flush=True)


def export_case(table: Table, n: int, source: Path, folder: Path, runs: int) -> None:
    from db.store.dialect import sqlite_bulk

    db_path = folder / "export.sqlite"
    drop(db_path)
    import_sitmon(db_path, source)
    found = [export_variants(db_path, folder / "out.csv") for _ in range(runs)]
    case = f"export {n:,} rows"
    before = table.line(case, "before: one process, sqlite3", n, [f["before"] for f in found])
    sitmon = table.line(case, f"sitmon: {sqlite_bulk.PARTS} workers, {sqlite_bulk.LIBRARY}", n,
                        [f["sitmon"] for f in found], before)
    table.line(case, "pandas read_sql + to_csv", n, [f["pandas"] for f in found], before)
    alone = table.line(case, "SQLite alone (3.40): formats", n, [f["alone"] for f in found], before)
    print(f"{case:<34} -> {n / sitmon:,.0f} rows/s is {n / sitmon / TARGETS['export']:.0%} of the 200,000 target and "
          f"{before / sitmon:.2f}x before; SQLite 3.40 alone formats the records in {alone:.2f} s (one core)",
          flush=True)
    drop(db_path)


def main(million: bool | None = None) -> None:
    """100,000 rows; with SITMON_BENCH_MILLION=1 (or --million) also 1,000,000 rows and 100,000 into 1,000,000
    (about 15 minutes more on a 2-core laptop, the first time a few more to build the 1,000,000-row databases,
    kept under build/bench/)."""
    if million is None:
        million = os.environ.get("SITMON_BENCH_MILLION") == "1"
    folder = Path(tempfile.mkdtemp(prefix="bench_exchange_"))
    try:
        print("rows/s (higher is better); seconds and CPU seconds are medians of 3 rounds at 100,000, one run at "
              "1,000,000; 'x before' = the before line's seconds / this line's (same run); export CPU seconds "
              "include the worker processes'")
        table = Table()
        for n in (100_000, 1_000_000) if million else (100_000,):
            source = folder / f"in-{n}.csv"
            write_csv(source, n)
            runs = 3 if n <= 100_000 else 1
            import_case(table, f"import {n:,} into an empty db", n, source, folder, runs)
            export_case(table, n, source, folder, runs)
            if n == 100_000 and million:
                import_case(table, "import 100,000 into 1,000,000", n, source, folder, 3, into=1_000_000)
            source.unlink()
        if not million:
            print("(1,000,000 rows and 100,000 into 1,000,000: SITMON_BENCH_MILLION=1 make bench)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main("--million" in sys.argv or None)
