"""What every part of the window shares: the database, the scenario, the current date, the
language, the current selection and one 'data changed' announcement after each write."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from db.engine import Database
from db.incident_points import IncidentPoints, incident_points
from db.records import Scenario

from .cursor import CursorState


class AppState(QObject):
    data_changed = Signal(str)  # what changed: "incidents" | "scenario"
    selected = Signal(str, str)  # kind ("site" | "incident" | "event"), id; ("", "") clears

    def __init__(self, db: Database, scenario: Scenario, cursor: CursorState, lang: str = "en", parent=None):
        super().__init__(parent)
        self.db, self.scenario, self.cursor, self.lang = db, scenario, cursor, lang
        self._selection = ("", "")
        self._points: IncidentPoints | None = None
        self.data_changed.connect(self._forget)  # connected first: runs before any view reloads

    def incident_points(self) -> IncidentPoints:
        """Every live incident as arrays, loaded once per change and shared by the map and the timeline."""
        if self._points is None:
            self._points = incident_points(self.db)
        return self._points

    def _forget(self, kind: str) -> None:
        if kind == "incidents":
            self._points = None

    @property
    def selection(self) -> tuple[str, str]:
        return self._selection

    def select(self, kind: str, ident: str) -> None:
        """Select an item everywhere (map, timeline, log); emits once per real change."""
        if (kind, ident) == self._selection:
            return
        self._selection = (kind, ident)
        self.selected.emit(kind, ident)
