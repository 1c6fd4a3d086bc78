"""Test data for the exchange tests: valid sitmon CSV rows, files written from them, database checksums."""
from __future__ import annotations

import csv
import hashlib
import random
import uuid
from datetime import date, timedelta

from db import vocab
from db.exchange import csv_format

TYPES = [("battles", "armed-clash"), ("ied", ""), ("violence-against-civilians", "abduction"), ("riots", "")]
TEXTS = ["Convoy attacked near Ber", "Ménaka: IED on the road to Ansongo, 2 injured", "=1+1", "-3 killed?",
         "@SUM(A1)", "+33 6 12", "Ségou, \"quoted\", and a\nnew line", "'already quoted'", ""]


def rows(n: int, seed: int = 1) -> list[dict]:
    """n valid incidents as CSV cells (strings), in the current column set."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        t, s = TYPES[i % len(TYPES)]
        out.append({
            "id": str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
            "occurred_on": (date(2023, 7, 1) + timedelta(days=rnd.randrange(180))).isoformat(),
            "occurred_time": rnd.choice(["", "14:30:00"]), "lat": f"{rnd.uniform(10.2, 24.9):.5f}",
            "lon": f"{rnd.uniform(-12.2, 4.2):.5f}", "region": rnd.choice(["ML-6", "ML-9", "ML-BKO"]),
            "site_id": rnd.choice(["", "ber", "gao"]), "site_km": rnd.choice(["", "12.35"]),
            "location": rnd.choice(["Ménaka", "Anéfis", "", "=cmd"]), "admin1": rnd.choice(["Gao", "Ségou", ""]),
            "admin2": rnd.choice(["Ansongo", ""]), "geo_precision": rnd.choice(["1", "2", "3"]),
            "time_precision": rnd.choice(["1", "2", "3"]), "type": t,
            "subtype": s, "actors": "JNIM; FAMa", **{c: str(rnd.randrange(3)) for c in vocab.CASUALTIES},
            "description": rnd.choice(TEXTS), "notes": rnd.choice(TEXTS), "source": "S/2023/611",
            "reliability": rnd.choice(["", "B2"]), "status": rnd.choice(vocab.INCIDENT_STATUSES), "author": "tester",
            "origin": "laptop-a", "external_id": f"X{i}" if i % 3 == 0 else "", "external_ts": "",
            "revision": "1", "created_at": "2023-08-13T10:00:00Z", "updated_at": "2023-08-13T10:00:00Z",
        })
    return out


def write(path, records: list[dict], columns=csv_format.INCIDENT_COLUMNS[csv_format.VERSION]) -> None:
    """A sitmon CSV as the exporter writes it (cells neutralised, CRLF)."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(columns)
        w.writerows([[csv_format.neutralise(r.get(c, "")) if c in csv_format.TEXT else r.get(c, "") for c in columns]
                     for r in records])


def bad_file(path, n: int = 10_000) -> set[tuple[int, str]]:
    """n rows, 7 of them bad in the ways users make them; returns the (row, field) pairs the report must name.

    Rows 10, 500, 1234, 4000, 6000, 7777 and 9998 (0-based, at n = 10,000; scaled otherwise).
    """
    records = rows(n, seed=7)
    bad = {}
    for fraction, field, value in ((0.001, "occurred_on", "2023-02-30"), (0.05, "lat", "123"), (0.1234, "type", ""),
                                   (0.4, "killed_civilians", "-2"), (0.6, "status", "confirmed"),
                                   (0.7777, "description", "LATIN1:Ménaka"), (0.9998, "actors", "EXTRA")):
        i = min(round(n * fraction), n - 2)
        records[i][field] = value
        bad[i] = "columns" if value == "EXTRA" else field
    write(path, records)
    data = path.read_bytes().replace("LATIN1:Ménaka".encode(), "Ménaka".encode("latin-1"))
    path.write_bytes(data.replace(b",EXTRA,", b",FAMa,surplus,"))  # one cell too many
    return {(i + 2, field) for i, field in bad.items()}  # row 1 is the header


def checksum(db) -> str:
    """sha256 of every row of the incident and audit tables (on either engine)."""
    h = hashlib.sha256()
    with db.engine.connect() as con:
        for table in ("incidents", "incident_audit"):
            for row in con.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1"):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def count(db, table: str = "incidents", where: str = "1 = 1") -> int:
    with db.engine.connect() as con:
        return con.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE {where}").scalar()
