"""Incident log at scale: open and scroll the table, filter, sort; 100,000 and 1,000,000 incidents.

Each figure sits beside a raw sqlite3 baseline of the same query in the same run.
The databases are built once with raw sqlite3 executemany and cached under build/bench/.
"""
from __future__ import annotations

import os
import random
import sqlite3
import statistics
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import psutil
from PySide6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "build" / "bench"
WORDS = ("convoy attack road armed group camp peacekeepers checkpoint market village patrol route "
         "near the north south east west town IED mortar shells fired at base reported by local "
         "sources civilians injured killed abducted vehicle protest withdrawal handover airport").split()


def database(n: int) -> Path:
    """A seeded sitmon database holding n incidents (built once, then reused)."""
    from db import open_database
    from db.incidents.taxonomy import load
    from db.store.dialect import sqlite_fts
    from db.store.migrations import HEAD

    path = CACHE / f"incidents_{n}_r{HEAD}.sqlite"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    db = open_database(tmp)
    con = sqlite3.connect(tmp)
    sites = con.execute("SELECT id, lat, lon, region FROM sites").fetchall()
    con.close()
    db.close()
    types = [(t.id, [s.id for s in t.subtypes]) for t in load().types]
    rng = random.Random(n)
    start = date(2023, 1, 1)
    con = sqlite3.connect(tmp, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("BEGIN")
    for name in sqlite_fts.TRIGGERS:  # indexed in one go below
        con.execute(f"DROP TRIGGER {name}")
    con.executemany(
        "INSERT INTO incidents (id, occurred_on, occurred_time, lat, lon, region, site_id, site_km, type, "
        "subtype, actors, killed_peacekeepers, killed_civilians, killed_other, injured_peacekeepers, "
        "injured_civilians, injured_other, description, notes, source, reliability, status, author, origin, "
        "revision, created_at, updated_at, deleted) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (_row(rng, start, sites, types) for _ in range(n)))
    con.execute(f"INSERT INTO {sqlite_fts.TABLE}({sqlite_fts.TABLE}) VALUES ('rebuild')")
    for ddl in sqlite_fts.TRIGGERS.values():
        con.execute(ddl)
    con.execute("COMMIT")
    con.close()  # the last connection to close folds the WAL into the file
    tmp.rename(path)
    return path


def _row(rng, start, sites, types):
    site, lat, lon, region = rng.choice(sites)
    kind, subtypes = rng.choice(types)
    day = (start + timedelta(days=rng.randrange(546))).isoformat()
    stamp = f"{day} {rng.randrange(24):02d}:{rng.randrange(60):02d}:00.000000"
    text = " ".join(rng.choices(WORDS, k=rng.randrange(8, 30)))
    return (str(uuid.UUID(int=rng.getrandbits(128), version=4)), day,
            f"{rng.randrange(24):02d}:{rng.randrange(60):02d}:00.000000" if rng.random() < 0.6 else None,
            lat + rng.uniform(-0.5, 0.5), lon + rng.uniform(-0.5, 0.5), region, site, round(rng.uniform(0, 60), 3),
            kind, rng.choice(subtypes) if subtypes else "", "armed groups", rng.randrange(3), rng.randrange(3),
            rng.randrange(2), rng.randrange(4), rng.randrange(4), 0, text, "", "local source",
            rng.choice("ABCDEF") + rng.choice("123456"), rng.choice(("reported", "verified", "closed")),
            rng.choice(("amina", "jean", "oumar")), "bench", 1, stamp, stamp, int(rng.random() < 0.02))


def _pair(app_fn, raw_fn, runs: int = 5) -> tuple[float, float]:
    """Medians (ms) of the app path and its raw baseline, run alternately (the machine is shared)."""
    times: tuple[list, list] = ([], [])
    for _ in range(runs):
        for fn, out in ((app_fn, times[0]), (raw_fn, times[1])):
            if fn is None:
                continue
            start = time.perf_counter()
            fn()
            out.append((time.perf_counter() - start) * 1000)
    return tuple(statistics.median(t) if t else float("nan") for t in times)


def _raw(con, stmt):
    """Run the app's statement as literal SQL on a plain sqlite3 connection."""
    from sqlalchemy.dialects import sqlite

    sql = str(stmt.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    return lambda: con.execute(sql).fetchall()


def measure(n: int) -> list[tuple[str, float, float]]:
    """(what, app ms, raw sqlite3 ms) for one database size."""
    from PySide6.QtWidgets import QApplication

    from db.incidents import queries as q
    from db.store.dialect.sqlite import make_engine
    from db.store.engine import Database
    from widgets.incidents.table import PAGE, IncidentTable

    app = QApplication.instance() or QApplication([])
    path = database(n)
    db = Database(path, make_engine(path))
    con = sqlite3.connect(path)
    table = IncidentTable()
    table.resize(1200, 700)
    table.show()
    # the window answers the table's requests on the ops thread; here at once, to time the query and the model
    table.page_wanted.connect(lambda r: table.set_page(r, q.page(db, r.filter, r.sort_column, r.descending, r.offset,
                                                                 r.limit)))
    every, ied = q.IncidentFilter(), q.IncidentFilter(types=("ied",))
    out = []

    def first_rows():
        table.start()
        app.processEvents()
    out.append(("open: first page shown", *_pair(first_rows, _raw(con, q.page_statement(
        every, "occurred_on", True, 0, PAGE)))))

    def scroll():
        table.model.restart()
        for _ in range(10):
            table.view.scrollToBottom()
            app.processEvents()
    out.append((f"scroll: 10 more pages of {PAGE}", *_pair(scroll, lambda: [_raw(con, q.page_statement(
        every, "occurred_on", True, PAGE * i, PAGE))() for i in range(1, 11)])))
    out.append(("count (all)", *_pair(lambda: q.count(db, every), _raw(con, q.count_statement(every)))))

    table.set_choices([("ied", "IED"), ("battles", "Battle")], [], [])
    for label, box, values, filters in (
            ("type", table.type_box, (1, 2), (ied, q.IncidentFilter(types=("battles",)))),
            ("text", table.text, ("mortar shells", "convoy attack"), (q.IncidentFilter(text="mortar shells"),
                                                                     q.IncidentFilter(text="convoy attack")))):
        turn = [0]

        def change():
            turn[0] += 1
            value = values[turn[0] % 2]
            box.setCurrentIndex(value) if box is table.type_box else table.set_filter_text(value)
            app.processEvents()
        raw_turn = [0]

        def raw():
            raw_turn[0] += 1
            _raw(con, q.page_statement(filters[raw_turn[0] % 2], "occurred_on", True, 0, PAGE))()
        out.append((f"filter {label}: first page", *_pair(change, raw)))
        out.append((f"count {label}", *_pair(lambda: q.count(db, filters[0]), _raw(con, q.count_statement(
            filters[0])))))
    table.set_filter_text("")
    table.type_box.setCurrentIndex(0)
    for column in ("type", "killed", "description"):
        index = q.COLUMNS.index(column)
        flip = [True]

        def sort():
            flip[0] = not flip[0]
            table.model.sort(index, Qt.SortOrder.DescendingOrder if flip[0] else Qt.SortOrder.AscendingOrder)
            app.processEvents()
        out.append((f"sort by {column}: first page", *_pair(sort, _raw(con, q.page_statement(
            every, column, False, 0, PAGE)))))
    out.append(("summary (background job)", *_pair(lambda: q.summary(db, every), None, runs=3)))
    out.append(("RSS MB after the above (not ms)", psutil.Process().memory_info().rss / 2**20, float("nan")))
    table.close()
    con.close()
    db.close()
    return out


def main(sizes=(100_000, 1_000_000)) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"{'incidents':>10}  {'measure (median of 5, ms)':<36} {'app':>9} {'raw sqlite3':>12}")
    for n in sizes:
        for what, app_ms, raw_ms in measure(n):
            print(f"{n:>10,}  {what:<36} {app_ms:9.1f} {raw_ms:12.1f}")


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or (100_000, 1_000_000))
