"""AppState loads the incidents off the GUI thread: the latest request wins, readers never wait, a failed
load is reported once and a load under way can be stopped."""
import logging
import uuid
from datetime import date, datetime

from sqlalchemy import insert

import app.state
from app.cursor import CursorState
from app.state import AppState
from db.incidents.points import IncidentPoints
from db.scenario.stored import read_scenario
from db.store.models import Incident
from tests.app.conftest import wait_for_points

SEED = "c90d210a-97fc-5eb3-be70-fa237688882c"  # the scenario's one incident, 13 August 2023


def make_state(db, **kwargs) -> AppState:
    scenario = read_scenario(db)
    return AppState(db, scenario, CursorState(date(2023, 8, 5), scenario.start, scenario.end), **kwargs)


def add_incident(db, day=date(2023, 8, 1), lat=15.0, lon=-2.0, kind="battles") -> str:
    now = datetime(2023, 9, 1)
    ident = str(uuid.uuid4())
    with db.engine.begin() as conn:
        conn.execute(insert(Incident), [dict(id=ident, occurred_on=day, lat=lat, lon=lon, type=kind,
                                             created_at=now, updated_at=now, deleted=False)])
    return ident


def test_readers_never_wait_and_get_the_points_when_they_arrive(db, qtbot):
    state = make_state(db)
    assert isinstance(state.incident_points(), IncidentPoints) and len(state.incident_points()) == 0
    assert state.points_loading
    with qtbot.waitSignal(state.points_ready) as ready:
        pass
    assert ready.args[0] is state.incident_points()
    assert state.incident_points().ids.tolist() == [SEED] and not state.points_loading
    ident = add_incident(db)
    with qtbot.waitSignal(state.points_ready):
        state.changed.emit(frozenset({"incidents"}))
    assert set(state.incident_points().ids) == {SEED, ident}
    with qtbot.assertNotEmitted(state.points_ready, wait=50):
        state.changed.emit(frozenset({"selection"}))  # only incident writes reload the incidents
    state.shutdown()


def test_two_changes_in_a_row_deliver_only_the_latest_load(db, qtbot, loads):
    state = make_state(db)  # load 1 starts and waits
    delivered = []
    state.points_ready.connect(delivered.append)
    qtbot.waitUntil(lambda: loads.started == [1])
    state.changed.emit(frozenset({"incidents"}))  # a second load, queued behind the first
    state.changed.emit(frozenset({"incidents"}))  # a third: the latest
    loads.release.set()  # the first finishes now, stale; the second is skipped; the third runs
    wait_for_points(qtbot, state)
    state.ops.join()
    qtbot.wait(0)  # hand over anything still queued for the GUI thread
    assert loads.started == [1, 2] and loads.cancelled == []  # the queued second load never ran
    assert [p.ids.tolist() for p in delivered] == [["load 2"]]  # the first's result was dropped
    assert state.incident_points() is delivered[0]


def test_a_finished_load_made_stale_by_a_newer_request_is_dropped(db, qtbot, loads):
    loads.release.set()  # every load finishes at once
    state = make_state(db)
    state.ops.join()  # load 1 has finished; its result waits in the event queue
    state.changed.emit(frozenset({"incidents"}))  # so it is stale before it is delivered
    with qtbot.waitSignal(state.points_ready) as ready:
        pass
    assert ready.args[0].ids.tolist() == ["load 2"]
    state.ops.join()
    with qtbot.assertNotEmitted(state.points_ready, wait=20):
        pass


def test_a_failed_load_is_logged_and_reported_once_and_the_last_points_stay(db, qtbot, monkeypatch, caplog):
    state = make_state(db)
    wait_for_points(qtbot, state)
    before = state.incident_points()

    def broken(db, progress=None):
        raise OSError("disk I/O error")

    monkeypatch.setattr(app.state, "incident_points", broken)
    failures = []
    state.points_failed.connect(failures.append)
    with caplog.at_level(logging.ERROR, logger="app.ops"), qtbot.waitSignal(state.points_failed):
        state.changed.emit(frozenset({"incidents"}))
    with qtbot.assertNotEmitted(state.points_ready, wait=20):
        pass
    assert failures == ["disk I/O error"]
    assert state.incident_points() is before and not state.points_loading
    assert [r.exc_info[0] for r in caplog.records] == [OSError]  # logged with its traceback


def test_shutdown_stops_a_load_under_way(db, qtbot, loads):
    loads.cancellable = True
    state = make_state(db)
    qtbot.waitUntil(lambda: loads.started == [1])
    with qtbot.assertNotEmitted(state.points_ready, wait=20):
        state.shutdown()
    assert loads.cancelled == [1] and state.ops.idle


def test_an_op_has_one_success_path():
    """A second on_success replaced the first without a word: New incident never reached the undo stack."""
    import pytest

    from app.ops import Op

    op = Op(print).on_success(print)
    with pytest.raises(RuntimeError, match="one success path"):
        op.on_success(print)
