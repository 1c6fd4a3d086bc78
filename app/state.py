"""What every part of the window shares: the database, the scenario, the current date, the
language, the current selection and one 'data changed' announcement after each write."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from db.engine import Database
from db.records import Scenario

from .cursor import CursorState


class AppState(QObject):
    data_changed = Signal(str)  # what changed: "incidents" | "scenario"
    selected = Signal(str, str)  # kind ("site" | "incident" | "event"), id; ("", "") clears

    def __init__(self, db: Database, scenario: Scenario, cursor: CursorState, lang: str = "en", parent=None):
        super().__init__(parent)
        self.db, self.scenario, self.cursor, self.lang = db, scenario, cursor, lang
        self._selection = ("", "")

    @property
    def selection(self) -> tuple[str, str]:
        return self._selection

    def select(self, kind: str, ident: str) -> None:
        """Select an item everywhere (map, timeline, log); emits once per real change."""
        if (kind, ident) == self._selection:
            return
        self._selection = (kind, ident)
        self.selected.emit(kind, ident)
