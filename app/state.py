"""What every part of the window shares: the database, the scenario, the current date, the
language, the current selection, one 'data changed' announcement after each write, and the
incidents as arrays (loaded off the GUI thread; `points_ready` when they arrive)."""
from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal

from db.store.engine import Database
from db.incidents.points import IncidentPoints, incident_points
from db.records import Scenario

from app.cursor import CursorState
from app.ops import Job


class _Loads(QObject):
    """Outcomes of incident loads, tagged with their generation; lives as long as the AppState."""

    finished = Signal(int, object)  # generation, IncidentPoints
    failed = Signal(int, str)  # generation, message
    cancelled = Signal(int)  # generation


class _PointsLoad(Job):
    """One load of every live incident (db.incident_points, on a connection of its own from the engine's
    pool: no Session crosses threads); its outcome goes to the long-lived _Loads with its generation."""

    def __init__(self, db: Database, generation: int, loads: _Loads):
        super().__init__(incident_points, db)
        self.generation, self.loads = generation, loads

    def report_finished(self, points) -> None:
        self.loads.finished.emit(self.generation, points)

    def report_failed(self, text: str) -> None:
        self.loads.failed.emit(self.generation, text)

    def report_cancelled(self) -> None:
        self.loads.cancelled.emit(self.generation)


class AppState(QObject):
    data_changed = Signal(str)  # what changed: "incidents" | "scenario"
    selected = Signal(str, str)  # kind ("site" | "incident" | "event"), id; ("", "") clears
    points_ready = Signal(object)  # IncidentPoints: every live incident, after each (re)load
    points_failed = Signal(str)  # the latest load failed (message, already logged); the last points stay

    def __init__(self, db: Database, scenario: Scenario, cursor: CursorState, lang: str = "en", parent=None,
                 *, background: bool = True):
        """background=False loads the incidents on the calling thread, here and after each change: for
        pictures drawn offscreen without an event loop (the CLI's snapshot)."""
        super().__init__(parent)
        self.db, self.scenario, self.cursor, self.lang = db, scenario, cursor, lang
        self.background = background
        self._selection = ("", "")
        self._points = IncidentPoints.empty()
        self._generation = 0  # of the latest load asked for; the outcome of an older one is dropped
        self.pool = QThreadPool(self)  # a child before _loads: destroyed (waiting for its thread) first
        self.pool.setMaxThreadCount(1)
        self._loads = _Loads(self)
        self._loads.finished.connect(self._loaded)
        self._loads.failed.connect(self._failed)
        self._loads.cancelled.connect(self._ended)
        self._jobs: dict[int, _PointsLoad] = {}  # started, outcome not yet here: kept alive until it is
        self.data_changed.connect(self._data_changed)
        self.reload_points()

    # ---------------------------------------------------------------- incidents

    def incident_points(self) -> IncidentPoints:
        """The incidents last loaded (none before the first load arrives): never waits for a load."""
        return self._points

    @property
    def points_loading(self) -> bool:
        """A load was asked for and its outcome has not arrived yet."""
        return self._generation in self._jobs

    def reload_points(self) -> None:
        """Load every live incident again; `points_ready` (or `points_failed`) follows, once, for the
        latest request only. A load under way is cancelled at its next block of rows."""
        if not self.background:
            self.load_points_now()
            return
        self._next_generation()
        job = self._jobs[self._generation] = _PointsLoad(self.db, self._generation, self._loads)
        self.pool.start(job)

    def load_points_now(self) -> None:
        """Load on the calling thread (blocks): for pictures drawn offscreen; the window uses reload_points."""
        self._next_generation()
        self._loaded(self._generation, incident_points(self.db))

    def shutdown(self) -> None:
        """Stop a load under way (at its next block of rows) and wait for its thread; nothing more is delivered."""
        self._next_generation()
        self.pool.waitForDone()

    def _next_generation(self) -> None:
        self._generation += 1
        for job in self._jobs.values():  # all older now: stop them (their outcome would be dropped anyway)
            job.cancel()

    def _ended(self, generation: int) -> None:
        self._jobs.pop(generation, None)

    def _loaded(self, generation: int, points: IncidentPoints) -> None:
        self._ended(generation)
        if generation != self._generation:  # a newer load was asked for since
            return
        self._points = points
        self.points_ready.emit(points)

    def _failed(self, generation: int, text: str) -> None:
        self._ended(generation)
        if generation == self._generation:
            self.points_failed.emit(text)

    def _data_changed(self, kind: str) -> None:
        if kind == "incidents":
            self.reload_points()

    # ---------------------------------------------------------------- selection

    @property
    def selection(self) -> tuple[str, str]:
        return self._selection

    def select(self, kind: str, ident: str) -> None:
        """Select an item everywhere (map, timeline, log); emits once per real change."""
        if (kind, ident) == self._selection:
            return
        self._selection = (kind, ident)
        self.selected.emit(kind, ident)
