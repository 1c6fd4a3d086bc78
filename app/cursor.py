"""The one current date of the application. Every view follows it; only app/ sets it."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal


class CursorState(QObject):
    """Holds the current date. `set_date` clamps to the scenario's range, ignores repeats, emits once."""

    date_changed = Signal(object)  # datetime.date

    def __init__(self, day: date, lo: date | None = None, hi: date | None = None, parent=None):
        super().__init__(parent)
        self._lo, self._hi = lo, hi
        self._date = self._clamp(day)

    @property
    def date(self) -> date:
        return self._date

    def set_range(self, lo: date, hi: date) -> None:
        self._lo, self._hi = lo, hi
        self.set_date(self._date)

    def set_date(self, day: date) -> None:
        day = self._clamp(day)
        if day == self._date:
            return
        self._date = day
        self.date_changed.emit(day)

    def _clamp(self, day: date) -> date:
        if self._lo is not None and day < self._lo:
            return self._lo
        if self._hi is not None and day > self._hi:
            return self._hi
        return day
