"""Briefing pack at scale: the PDF of 15 August 2023 with 100,000 incidents in the log.

Baseline, same run: a bare QPdfWriter writing the same number of pages of plain text.
The database is a temporary copy filled with raw sqlite3 executemany.
"""
from __future__ import annotations

import random
import sqlite3
import tempfile
import uuid
from datetime import date, timedelta
from pathlib import Path
from time import perf_counter

N = 100_000
DAY = date(2023, 8, 15)
COLUMNS = ("id, occurred_on, occurred_time, lat, lon, region, site_id, site_km, type, subtype, actors, "
           "killed_peacekeepers, killed_civilians, killed_other, injured_peacekeepers, injured_civilians, "
           "injured_other, description, notes, source, reliability, status, author, origin, revision, "
           "created_at, updated_at, deleted")


def build(folder: Path, n: int = N) -> Path:
    """A seeded database with n random incidents between 1 January 2023 and 30 June 2024."""
    from db import open_database
    from db.incidents.taxonomy import load

    path = folder / "briefing.sqlite"
    open_database(path).close()
    rng = random.Random(n)
    types = [t.id for t in load().types]
    con = sqlite3.connect(path)
    sites = con.execute("SELECT id, lat, lon, region FROM sites").fetchall()

    def row():
        site, lat, lon, region = rng.choice(sites)
        day = (date(2023, 1, 1) + timedelta(days=rng.randrange(547))).isoformat()
        stamp = f"{day} 12:00:00.000000"
        return (str(uuid.UUID(int=rng.getrandbits(128), version=4)), day, None, lat + rng.uniform(-0.6, 0.6),
                lon + rng.uniform(-0.6, 0.6), region, site, round(rng.uniform(0, 60), 1), rng.choice(types), "",
                "armed groups", rng.randrange(3), rng.randrange(3), 0, rng.randrange(4), rng.randrange(4), 0,
                "Convoy attacked on the road near the camp; local sources report damage to vehicles.", "", "",
                "B2", rng.choice(("reported", "verified")), "bench", "bench", 1, stamp, stamp, 0)

    con.executemany(f"INSERT INTO incidents ({COLUMNS}) VALUES ({','.join('?' * 28)})", (row() for _ in range(n)))
    con.commit()
    con.close()
    return path


def baseline(path: Path, pages: int) -> None:
    """The same number of A4 landscape pages of plain text, nothing else."""
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    painter = QPainter(writer)
    for n in range(pages):
        if n:
            writer.newPage()
        for line in range(40):
            painter.drawText(200, 200 + line * 220, f"Page {n + 1}, line {line + 1}: plain text of the baseline")
    painter.end()


def main() -> None:
    from app.briefing.pack import gather, write_briefing
    from app.cli.main import application
    from db import open_database

    app = application("briefing", "en")  # noqa: F841
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t = perf_counter()
        db = open_database(build(folder))
        print(f"database with {N:,} incidents built in {perf_counter() - t:.1f} s")
        t = perf_counter()
        data = gather(db, DAY, "en", "UN RESTRICTED")
        gathered = perf_counter() - t
        db.close()
        t = perf_counter()
        pages = write_briefing(data, folder / "brief.pdf", "en")
        painted = perf_counter() - t
        size = (folder / "brief.pdf").stat().st_size
        t = perf_counter()
        baseline(folder / "baseline.pdf", pages)
        base = perf_counter() - t
    print(f"briefing pack, {pages} pages, {size / 1e6:.1f} MB, {data.summary.total:,} incidents in the window:")
    print(f"  gather (worker)      {gathered:6.2f} s")
    print(f"  paint (GUI thread)   {painted:6.2f} s")
    print(f"  total                {gathered + painted:6.2f} s")
    print(f"baseline, bare QPdfWriter, {pages} pages of plain text: {base:6.3f} s")


if __name__ == "__main__":
    main()
