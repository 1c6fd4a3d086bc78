"""db.incident_points, as AppState loads it in a worker: block by block with progress, the same columns
as one fetch would give (the database side of tests/app/test_state.py)."""
from datetime import date

import numpy as np
import pytest

import db.incidents.points as ip
from db.incidents.points import incident_points
from db.store.models import Incident
from tests.app.test_state import add_incident

SEED = "c90d210a-97fc-5eb3-be70-fa237688882c"  # the scenario's one incident, 13 August 2023


def test_incident_points_block_by_block_are_the_same_columns(db, monkeypatch):
    idents = [add_incident(db, date(2023, 7, d), 14 + d / 10, -3 + d / 10, kind) for d, kind in
              zip(range(1, 8), ["ied", "battles", "riots", "ied", "attack-on-convoy", "battles", "ied"])]
    monkeypatch.setattr(ip, "BLOCK", 3)  # 8 rows: blocks of 3, 3 and 2
    reports = []
    points = incident_points(db, progress=lambda done, total: reports.append((done, total)))
    assert reports == [(3, 8), (6, 8), (8, 8)]
    assert set(points.ids) == {SEED, *idents}
    assert points.types == ("attack-on-convoy", "battles", "ied", "riots")
    row = {ident: i for i, ident in enumerate(points.ids)}
    for d, ident in enumerate(idents, start=1):
        i = row[ident]
        assert points.day[i] == date(2023, 7, d).toordinal()
        assert (points.lat[i], points.lon[i]) == pytest.approx((14 + d / 10, -3 + d / 10))
    kinds = [points.types[points.type_index[row[i]]] for i in idents]
    assert kinds == ["ied", "battles", "riots", "ied", "attack-on-convoy", "battles", "ied"]
    assert (points.ids.dtype, points.day.dtype, points.type_index.dtype, points.casualties.dtype) == (
        np.dtype(object), np.dtype(np.int64), np.dtype(np.int32), np.dtype(np.int32))
    assert incident_points(db).ids.tolist() == points.ids.tolist()  # the same without progress


def test_no_live_incident_gives_empty_columns(db):
    with db.engine.begin() as conn:
        conn.execute(Incident.__table__.update().values(deleted=True))
    points = incident_points(db, progress=lambda done, total: None)
    assert len(points) == 0 and points.types == () and points.day.dtype == np.int64
