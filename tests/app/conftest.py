"""Fixtures for the app/ controllers: a parent window and the shared state on a seeded file."""
import threading

import numpy as np
import pytest
from PySide6.QtWidgets import QWidget

import app.state
from app.gui import open_state
from app.state import AppState
from db.incidents.points import IncidentPoints
from db.progress import Cancelled


@pytest.fixture(autouse=True)
def no_database_work_left_running(monkeypatch):
    """Fails a test that ends with an AppState whose executor still has database work to run or deliver (wait
    for it with wait_for_ops; a fixture that makes a state stops it with state.shutdown(), and closing the
    main window does too). Stops them either way."""
    states = []
    init = AppState.__init__

    def tracked(self, *args, **kwargs):
        init(self, *args, **kwargs)
        states.append(self)

    monkeypatch.setattr(AppState, "__init__", tracked)
    yield states
    running = [s for s in states if not s.ops.idle]
    for s in states:
        s.shutdown()
    states.clear()
    assert not running, f"{len(running)} state(s) left database work running: wait for it, or AppState.shutdown()"


def wait_for_ops(qtbot, state: AppState) -> None:
    """Until every op asked of the state's executor has run and its outcome has been delivered."""
    qtbot.waitUntil(lambda: state.ops.idle)


def wait_for_points(qtbot, state: AppState) -> None:
    """Until the latest incident load has arrived (points_ready, or points_failed)."""
    qtbot.waitUntil(lambda: not state.points_loading)


def marked(name: str) -> IncidentPoints:
    """Points with one incident whose id names the load that made it."""
    return IncidentPoints(ids=np.array([name], dtype=object), lat=np.zeros(1), lon=np.zeros(1),
                          day=np.zeros(1, dtype=np.int64), type_index=np.zeros(1, dtype=np.int32),
                          casualties=np.zeros(1, dtype=np.int32), types=("battles",))


class Loads:
    """Stands in for db.incident_points.incident_points in app.state: each call is numbered and waits for
    `release`. With `cancellable`, it reports progress meanwhile, so cancel() stops it as it stops the real
    load between blocks of rows; without, it finishes (as the real load's last block does). It returns
    `then(db)` if set, else points naming the call ("load 2")."""

    def __init__(self):
        self.release = threading.Event()
        self.cancellable = False
        self.then = None
        self.started, self.cancelled = [], []

    def __call__(self, db, progress=None):
        n = len(self.started) + 1
        self.started.append(n)
        try:
            if not self.cancellable:
                self.release.wait(timeout=60)  # a bound for a broken test; the tests themselves never sleep
            while not self.release.wait(0.005):
                progress(0, 1)
        except Cancelled:
            self.cancelled.append(n)
            raise
        return self.then(db) if self.then else marked(f"load {n}")


@pytest.fixture
def loads(monkeypatch):
    """Incident loads that wait for loads.release (installed before any AppState is made)."""
    fake = Loads()
    monkeypatch.setattr(app.state, "incident_points", fake)
    yield fake
    fake.release.set()


@pytest.fixture
def window(qtbot):
    """A plain shown widget, the parent a controller's dialogs open over."""
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def state(tmp_path):
    """AppState on a seeded database in tmp_path, cursor on the scenario's opening date."""
    s = open_state(tmp_path / "field.sqlite", "en")
    yield s
    s.shutdown()
    s.db.close()


@pytest.fixture
def main_window(qtbot, db):
    """The whole window on a seeded database, shown, its incidents drawn (the first points_ready);
    background jobs finished at teardown."""
    from app.main_window import MainWindow

    w = MainWindow(open_state(db.path, "en", database=db))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    wait_for_points(qtbot, w.state)
    yield w
    w.state.shutdown()
