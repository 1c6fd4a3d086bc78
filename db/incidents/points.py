"""Every live incident as numpy columns, for the map layer and the route risk: one Core select, no ORM
objects."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
from sqlalchemy import String, func, select, type_coerce

from db.bulk import no_cyclic_gc
from db.incidents.queries import total as summed
from db.store.dialect import Live
from db.store.models import Incident as I  # noqa: N814
from db.vocab import INJURED, KILLED

_EPOCH = date(1970, 1, 1).toordinal()
BLOCK = 20_000  # rows fetched and converted at a time


@dataclass(frozen=True, eq=False)
class IncidentPoints:
    """Parallel arrays, one row per incident not deleted, in no particular order.

    `day` is the date's proleptic ordinal (`date.toordinal()`); `type_index` indexes `types`.
    """

    ids: np.ndarray  # object (str)
    lat: np.ndarray  # float64
    lon: np.ndarray  # float64
    day: np.ndarray  # int64
    type_index: np.ndarray  # int32
    casualties: np.ndarray  # int32, killed + injured
    types: tuple[str, ...]  # type ids, sorted
    region_only: np.ndarray | None = None  # bool: geo_precision 3, the position is only the region's (None: none)
    killed: np.ndarray | None = None  # int32, the killed (None: not loaded; casualties then holds both)
    injured: np.ndarray | None = None  # int32
    precision: np.ndarray | None = None  # int8, geo_precision: 1 the place, 2 near it, 3 only the region

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def empty(cls) -> IncidentPoints:
        return cls(ids=np.zeros(0, dtype=object), lat=np.zeros(0), lon=np.zeros(0),
                   day=np.zeros(0, dtype=np.int64), type_index=np.zeros(0, dtype=np.int32),
                   casualties=np.zeros(0, dtype=np.int32), types=(), region_only=np.zeros(0, dtype=bool),
                   killed=np.zeros(0, dtype=np.int32), injured=np.zeros(0, dtype=np.int32),
                   precision=np.zeros(0, dtype=np.int8))


def incident_points(db, progress=None) -> IncidentPoints:
    """Every live incident. `progress(done, total)`, if given, is called after each block of rows and may
    raise to stop the load (app/ops.py cancels that way).

    Rows are converted a block at a time, so no single step holds Python's GIL for long (a zip or a
    string sort over a million rows would, for a second or more), and the cyclic garbage collector is off
    meanwhile (it would rescan the million new row tuples again and again, each time holding the GIL for
    ~0.2 s): loaded in a worker thread, this leaves the GUI thread free.
    """
    # every live incident: read the table, not a (deleted, ...) index and a row fetch per incident (twice as slow)
    live = Live(indexed=False)
    query = select(I.id, I.lat, I.lon, type_coerce(I.occurred_on, String), I.type, summed(KILLED), summed(INJURED),
                   I.geo_precision).where(live)
    blocks, codes = [], {}  # codes: type id -> its number in order of first appearance
    with no_cyclic_gc(), db.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(I).where(live)).scalar_one() if progress else 0
        done = 0
        for rows in conn.execute(query).partitions(BLOCK):
            blocks.append(_columns(rows, codes))
            done += len(rows)
            if progress is not None:
                progress(done, max(done, total))
    if not blocks:
        return IncidentPoints.empty()
    ids, lat, lon, day, code, killed, injured, precision = (np.concatenate(column) for column in zip(*blocks))
    types = sorted(codes)
    rank = np.empty(len(types), dtype=np.int32)
    rank[[codes[t] for t in types]] = np.arange(len(types), dtype=np.int32)
    return IncidentPoints(ids=ids, lat=lat, lon=lon, day=day, type_index=rank[code], casualties=killed + injured,
                          types=tuple(types), region_only=precision == 3, killed=killed, injured=injured,
                          precision=precision)


def _columns(rows, codes: dict[str, int]) -> tuple[np.ndarray, ...]:
    ids, lat, lon, day, kind, killed, injured, precision = zip(*rows)
    # ISO text on SQLite, date objects elsewhere: numpy parses both without a Python loop per row.
    days = np.array(day, dtype="datetime64[D]").astype(np.int64) + _EPOCH
    code = np.fromiter((codes.setdefault(k, len(codes)) for k in kind), dtype=np.int32, count=len(kind))
    return (np.array(ids, dtype=object), np.array(lat, dtype=float), np.array(lon, dtype=float), days, code,
            np.array(killed, dtype=np.int32), np.array(injured, dtype=np.int32), np.array(precision, dtype=np.int8))
