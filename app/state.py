"""What every part of the window shares: the database and its one op executor, the scenario, the site
records, the current date and the situation on it, the language, the current selection, and the incidents as
arrays.

After each write the executor announces what changed (`changed`, a frozenset such as {"incidents"}); so does
the watcher (app/watch.py) when another process wrote to the database. Each view decides from it whether to
refresh. The incidents are (re)loaded off the GUI thread after each change to them (`points_ready` when they
arrive), the site records likewise (`records_changed`); the situation (statuses, figures, moves: the plan
with the records) is worked out once per settled date and once per change of the records
(`situation_changed`), and read by the map, the timeline, the status panel and the key figures.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.cursor import CursorState
from app.ops import Executor, Op
from app.watch import ChangeWatcher
from db import status
from db.incidents.points import IncidentPoints, incident_points
from db.scenario.schema import Scenario
from db.scenario.stored import read_scenario
from db.sites import queries as site_queries
from db.sites.queries import SiteRecord
from db.store.engine import Database


class AppState(QObject):
    changed = Signal(object)  # frozenset of what changed: "incidents", "scenario", ...
    scenario_changed = Signal(object)  # Scenario, after another one was loaded
    situation_changed = Signal(object)  # db.status.Situation of the current (settled) date
    selected = Signal(str, str)  # kind ("site" | "incident" | "event"), id; ("", "") clears
    points_ready = Signal(object)  # IncidentPoints: every live incident, after each (re)load
    points_failed = Signal(str)  # the latest load failed (message, already logged); the last points stay
    records_changed = Signal(object)  # tuple of every SiteRecord (deleted ones too), after each (re)load

    def __init__(self, db: Database, scenario: Scenario, cursor: CursorState, lang: str = "en", parent=None,
                 records: tuple[SiteRecord, ...] = (), load_points: bool = True):
        super().__init__(parent)
        self.db, self.scenario, self.cursor, self.lang = db, scenario, cursor, lang
        self.records = tuple(records)  # every site record, deleted ones too (the card lists them)
        self.ops = Executor(self)
        self.ops.changed.connect(self.changed)
        self.watcher = ChangeWatcher(db, self.ops, self)
        self.watcher.changed.connect(self.changed)
        self._selection = ("", "")
        self._points = IncidentPoints.empty()
        self._points_op: Op | None = None
        self.points_read = False  # a load has delivered (or failed): before it, "no incidents" means "not read yet"
        self.situation = status.situation(scenario, cursor.date, self.records)
        cursor.date_settled.connect(self._work_out)
        self.changed.connect(self._changed)
        if load_points:  # else the owner calls reload_points() when it suits (app/gui.py: after the first paint)
            self.reload_points()

    # ---------------------------------------------------------------- the situation on the date

    def _work_out(self, *_args) -> None:
        self.situation = status.situation(self.scenario, self.cursor.date, self.records)
        self.situation_changed.emit(self.situation)

    def _changed(self, kinds: frozenset) -> None:
        if "incidents" in kinds:
            self.reload_points()
        if "site_records" in kinds:
            self.ops.run(Op(_read_records, self.db).on_success(self._records_loaded).newest("site-records"))
        if "scenario" in kinds:
            self.ops.run(Op(_read_scenario, self.db).on_success(self._scenario_loaded).newest("scenario"))

    def _records_loaded(self, records: tuple[SiteRecord, ...]) -> None:
        if records == self.records:
            return
        self.records = records
        self.records_changed.emit(records)
        self._work_out()

    def _scenario_loaded(self, scenario: Scenario) -> None:
        if scenario is self.scenario:  # the same document (another process wrote something else)
            return
        self.scenario = scenario
        self.cursor.set_range(scenario.start, scenario.end)
        self.scenario_changed.emit(scenario)
        self._work_out()

    # ---------------------------------------------------------------- incidents

    def incident_points(self) -> IncidentPoints:
        """The incidents last loaded (none before the first load arrives): never waits for a load."""
        return self._points

    @property
    def points_loading(self) -> bool:
        """A load was asked for and its outcome has not arrived yet."""
        return self._points_op is not None

    def reload_points(self) -> None:
        """Load every live incident again; `points_ready` (or `points_failed`) follows, once, for the
        latest request only. A load under way is cancelled at its next block of rows."""
        op = Op(incident_points, self.db).newest("points")
        self._points_op = op.on_success(lambda points: self._loaded(op, points)) \
            .on_failure(lambda text: self._failed(op, text))
        self.ops.run(op)

    def shutdown(self) -> None:
        """Stop the database work under way and wait for it; nothing more is delivered. Before the database
        closes (quitting)."""
        self.cursor.pause()
        self.watcher.close()
        self.ops.shutdown()

    def _loaded(self, op: Op, points: IncidentPoints) -> None:
        if op is self._points_op:
            self._points_op, self.points_read = None, True
            self._points = points
            self.points_ready.emit(points)

    def _failed(self, op: Op, text: str) -> None:
        if op is self._points_op:
            self._points_op, self.points_read = None, True
            self.points_failed.emit(text)

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


def _read_scenario(db, progress=None) -> Scenario:
    return read_scenario(db)


def _read_records(db, progress=None) -> tuple[SiteRecord, ...]:
    return site_queries.all_records(db)
