"""Every live incident as numpy columns, for the map layer: one Core select, no ORM objects."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
from sqlalchemy import String, select, type_coerce

from .models import Incident as I  # noqa: N814

_EPOCH = date(1970, 1, 1).toordinal()
_CASUALTIES = (I.killed_peacekeepers + I.killed_civilians + I.killed_other
               + I.injured_peacekeepers + I.injured_civilians + I.injured_other)


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

    def __len__(self) -> int:
        return len(self.ids)


def incident_points(db) -> IncidentPoints:
    query = (select(I.id, I.lat, I.lon, type_coerce(I.occurred_on, String), I.type, _CASUALTIES)
             .where(I.deleted.is_(False)))
    with db.engine.connect() as conn:
        rows = conn.execute(query).all()
    ids, lat, lon, day, kind, casualties = zip(*rows) if rows else ((),) * 6
    # ISO text on SQLite, date objects elsewhere: numpy parses both without a Python loop per row.
    days = np.array(day, dtype="datetime64[D]").astype(np.int64) + _EPOCH
    types, type_index = np.unique(np.array(kind, dtype=str), return_inverse=True)
    return IncidentPoints(
        ids=np.array(ids, dtype=object), lat=np.array(lat, dtype=float), lon=np.array(lon, dtype=float),
        day=days, type_index=np.asarray(type_index, dtype=np.int32),
        casualties=np.array(casualties, dtype=np.int32), types=tuple(map(str, types)))
