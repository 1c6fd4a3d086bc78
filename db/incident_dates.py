"""The dates and types of every live incident, as numpy arrays (the timeline's density strip)."""
from __future__ import annotations

from datetime import date

import numpy as np
from sqlalchemy import String, select, type_coerce

from .models import Incident

_EPOCH = date(1970, 1, 1).toordinal()


def incident_days(db) -> tuple[np.ndarray, np.ndarray]:
    """(day ordinals as int64, type ids as str) of the incidents not deleted, in no particular order."""
    query = select(type_coerce(Incident.occurred_on, String), Incident.type).where(Incident.deleted.is_(False))
    with db.engine.connect() as conn:
        rows = conn.execute(query).all()
    days, types = zip(*rows) if rows else ((), ())
    # ISO text on SQLite, date objects elsewhere: numpy parses both without a Python loop per row.
    return (np.array(days, dtype="datetime64[D]").astype(np.int64) + _EPOCH, np.array(types, dtype=str))
