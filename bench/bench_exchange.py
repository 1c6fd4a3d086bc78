"""CSV import and export of 100,000 (and, with --million or SITMON_BENCH_MILLION=1, 1,000,000) incidents.

Import = sitmon's check_file (every cell validated) + write_import (one transaction, audit rows included),
into an empty database. Beside it, in the same run: pandas read_csv + to_sql (no validation, no indexes,
no audit) and raw sqlite3 executemany of the already-parsed rows into the same incidents table.
Export = export_incidents to CSV (each record built by one SQLite printf), beside pandas read_sql + to_csv
and a raw SELECT + csv.writer.
Ceilings, also in the same run: what SQLite alone needs to store the rows (INSERT ... SELECT from a staged
copy, text index, commit; no Python, no audit), to format the export's records without fetching them, and
what fetching the exported columns into Python costs: no path can beat its ceiling. Also the
validation alone, hand-tuned vs a pydantic row model. Medians of 3 at 100,000, one run at 1,000,000;
rows per second.
Targets: import >= 100,000 rows/s, CSV export >= 200,000 rows/s.
"""
from __future__ import annotations

import csv
import gc
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

WORDS = "convoy attacked near the camp by armed men; two peacekeepers injured, vehicle burnt; Ménaka Ségou".split()


def write_csv(path: Path, n: int) -> None:
    """n valid incidents in sitmon's CSV format (the current column set), about 360 bytes a row."""
    from db.exchange import csv_format

    rnd = random.Random(n)
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
                        f"X{i}" if i % 3 == 0 else "", "", 1, "2023-08-13T10:00:00Z", "2023-08-13T10:00:00Z"])


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def fresh_db(folder: Path):
    from db import open_database

    path = folder / f"{uuid.uuid4().hex}.sqlite"
    return open_database(path, seed=False)


def drop(db) -> None:
    db.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(db.path) + suffix).unlink(missing_ok=True)


def sitmon_import(folder, source) -> tuple[float, float]:
    from db.exchange import imports

    db = fresh_db(folder)
    plan = None

    def check():
        nonlocal plan
        plan = imports.check_file(db, source)

    checking = timed(check)
    assert not plan.problems, plan.problems[:3]
    writing = timed(lambda: imports.write_import(db, plan, "bench"))
    drop(db)
    return checking, writing


def _raw_store(folder, insert, attach: Path | None = None) -> float:
    """Seconds for `insert(con)` on a plain sqlite3 connection to a fresh database, with the importer's
    pragmas and in one transaction, then the text index filled in one statement (triggers set aside), as the
    importer does; no audit rows, no backup. `attach` is attached as `s` before timing."""
    from db.store.dialect import sqlite_fts
    from db.store.dialect.sqlite_bulk import CACHE_KIB

    db = fresh_db(folder)
    db.close()
    con = sqlite3.connect(db.path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    if attach is not None:
        con.execute("ATTACH ? AS s", (str(attach),))
    columns = ", ".join(sqlite_fts.COLUMNS)

    def run():
        con.execute("BEGIN")
        for name in sqlite_fts.TRIGGERS:
            con.execute(f"DROP TRIGGER {name}")
        insert(con)
        con.execute(f"INSERT INTO {sqlite_fts.TABLE}(rowid, {columns}) SELECT rowid, {columns} FROM incidents")
        for ddl in sqlite_fts.TRIGGERS.values():
            con.execute(ddl)
        con.execute("COMMIT")

    seconds = timed(run)
    con.close()
    drop(db)
    return seconds


def raw_insert(folder, rows) -> float:
    """sqlite3 executemany of ready tuples into the same table."""
    from db.exchange.csv_format import FIELDS

    sql = f"INSERT INTO incidents ({', '.join(FIELDS)}) VALUES ({', '.join('?' * len(FIELDS))})"
    return _raw_store(folder, lambda con: con.executemany(sql, rows))


def sqlite_alone_import(folder, rows) -> float:
    """What SQLite alone needs to store the rows: INSERT ... SELECT from a copy staged in an attached file
    before timing (no Python per row, no parsing, no validation, no audit), text index, commit."""
    from db.exchange.csv_format import FIELDS

    stage = folder / "stage.sqlite"
    con = sqlite3.connect(stage)
    con.execute(f"CREATE TABLE stage ({', '.join(FIELDS)})")
    con.executemany(f"INSERT INTO stage VALUES ({', '.join('?' * len(FIELDS))})", rows)
    con.commit()
    con.close()
    sql = f"INSERT INTO incidents ({', '.join(FIELDS)}) SELECT * FROM s.stage ORDER BY id"
    try:
        return _raw_store(folder, lambda con: con.execute(sql), attach=stage)
    finally:
        stage.unlink()


def pandas_import(folder, source) -> float:
    import pandas as pd

    from db.store.dialect.sqlite_bulk import CACHE_KIB

    path = folder / "pandas.sqlite"

    def run():
        con = sqlite3.connect(path)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        con.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        pd.read_csv(source, dtype=str, keep_default_na=False).to_sql("incidents", con, index=False,
                                                                      chunksize=20_000)
        con.commit()
        con.close()

    seconds = timed(run)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return seconds


def exports(folder, source) -> tuple[float, ...]:
    import pandas as pd

    from db.exchange import imports
    from db.exchange.exports import export_incidents

    db = fresh_db(folder)
    imports.write_import(db, imports.check_file(db, source), "bench")
    out = folder / "out.csv"
    mine = timed(lambda: export_incidents(db, out))

    def with_pandas():
        con = sqlite3.connect(db.path)
        pd.read_sql_query("SELECT * FROM incidents ORDER BY occurred_on, id", con).to_csv(out, index=False)
        con.close()

    def raw():
        con = sqlite3.connect(db.path)
        with open(out, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(con.execute("SELECT * FROM incidents ORDER BY occurred_on, id"))
        con.close()

    from db.exchange import csv_format
    from db.store.dialect import sqlite_bulk
    from db.store.dialect.sqlite_bulk import CACHE_KIB

    con = sqlite3.connect(db.path)
    con.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    order = "FROM incidents WHERE deleted = 0 ORDER BY occurred_on, id"
    columns = csv_format.export_columns()
    record = sqlite_bulk.csv_record(csv_format.record_cells(columns), ",", csv_format.TRIGGERS)
    formats = timed(lambda: con.execute(f"SELECT max(length({record})) {order}").fetchall())
    fetch = timed(lambda: con.execute(f"SELECT {', '.join(columns)} {order}").fetchall())
    con.close()
    result = mine, timed(with_pandas), timed(raw), formats, fetch
    drop(db)
    return result


def validation_only(source) -> tuple[float, float]:
    """Checking alone, from csv.reader rows, garbage collector off: csv_io's reader (one pydantic tuple schema
    per 20,000-row chunk, then storage format, sub-types, unique ids) vs a pydantic model per row (types only)."""
    from datetime import datetime as dt
    from typing import Literal

    from pydantic import BaseModel, confloat, conint

    from db.exchange import csv_format

    with open(source, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)

    class Row(BaseModel):
        id: str
        occurred_on: date
        occurred_time: str
        lat: confloat(ge=-90, le=90)
        lon: confloat(ge=-180, le=180)
        region: str
        site_id: str
        site_km: float | None
        type: str
        subtype: str
        actors: str
        killed_peacekeepers: conint(ge=0)
        killed_civilians: conint(ge=0)
        killed_other: conint(ge=0)
        injured_peacekeepers: conint(ge=0)
        injured_civilians: conint(ge=0)
        injured_other: conint(ge=0)
        description: str
        notes: str
        source: str
        reliability: str
        status: Literal["reported", "verified", "closed"]
        author: str
        origin: str
        external_id: str
        external_ts: int | None
        revision: conint(ge=1)
        created_at: dt
        updated_at: dt

    def with_pydantic():
        for r in rows:
            d = dict(zip(header, r))
            d["site_km"] = d["site_km"] or None
            d["external_ts"] = d["external_ts"] or None
            Row.model_validate(d)

    def hand_tuned():
        reader = csv_format.IncidentReader(header, {})
        for start in range(0, len(rows), 20_000):
            reader.read(rows[start:start + 20_000], start + 2, [])

    gc.disable()
    try:
        return timed(hand_tuned), timed(with_pydantic)
    finally:
        gc.enable()


def main(million: bool | None = None) -> None:
    from db.exchange.csv_format import export_columns

    if million is None:
        million = os.environ.get("SITMON_BENCH_MILLION") == "1"
    sizes = (100_000, 1_000_000) if million else (100_000,)
    folder = Path(tempfile.mkdtemp(prefix="bench_exchange_"))
    try:
        print("rows/s (higher is better); medians of 3 at 100,000, one run at 1,000,000; targets: import "
              ">= 100,000/s with full validation, CSV export >= 200,000/s")
        print(f"{'rows':>10} {'step':<44} {'seconds':>8} {'rows/s':>10}")
        for n in sizes:
            source = folder / f"in-{n}.csv"
            write_csv(source, n)
            runs = 3 if n <= 100_000 else 1
            med = statistics.median

            def line(step, seconds):
                print(f"{n:>10,} {step:<44} {seconds:>8.2f} {n / seconds:>10,.0f}", flush=True)

            imports = [sitmon_import(folder, source) for _ in range(runs)]
            check, write = med(c for c, _ in imports), med(w for _, w in imports)
            line("import: sitmon check + write (validated)", med(c + w for c, w in imports))
            line("  of which check (read + validate)", check)
            line("  of which write (1 transaction + audit)", write)
            line("import: pandas read_csv + to_sql", med(pandas_import(folder, source) for _ in range(runs)))
            from db.exchange import imports

            db = fresh_db(folder)
            rows = list(imports.check_file(db, source).rows)
            drop(db)
            line("import: raw sqlite3 executemany (no parsing)", med(raw_insert(folder, rows) for _ in range(runs)))
            line("import ceiling: SQLite alone, no Python",
                 med(sqlite_alone_import(folder, rows) for _ in range(runs)))
            del rows
            outs = [exports(folder, source) for _ in range(runs)]
            line("export: sitmon CSV", med(o[0] for o in outs))
            line("export: pandas read_sql + to_csv", med(o[1] for o in outs))
            line("export: raw SELECT + csv.writer", med(o[2] for o in outs))
            line("export ceiling: SQLite formats, no fetch", med(o[3] for o in outs))
            line(f"export ceiling: fetch {len(export_columns())} columns only", med(o[4] for o in outs))
            if n <= 100_000:
                hand, pyd = validation_only(source)
                line("validate only: csv_io (pydantic per chunk)", hand)
                line("validate only: pydantic BaseModel per row", pyd)
            source.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main("--million" in sys.argv)
