"""The one current date of the application. Every view follows it; only app/ sets it."""
from __future__ import annotations

import datetime

from PySide6.QtCore import QObject, Signal


class CursorState(QObject):
    """Holds the current date. `set_date` clamps to the scenario's range, ignores repeats, emits once."""

    date_changed = Signal(object)  # datetime.date

    def __init__(self, day: datetime.date, lo: datetime.date | None = None, hi: datetime.date | None = None, parent=None):
        super().__init__(parent)
        self._lo, self._hi = lo, hi
        self._date = self._clamp(day)

    @property
    def date(self) -> datetime.date:
        return self._date

    def set_range(self, lo: datetime.date, hi: datetime.date) -> None:
        self._lo, self._hi = lo, hi
        self.set_date(self._date)

    def set_date(self, day: datetime.date) -> None:
        day = self._clamp(day)
        if day == self._date:
            return
        self._date = day
        self.date_changed.emit(day)

    def _clamp(self, day: datetime.date) -> datetime.date:
        if self._lo is not None and day < self._lo:
            return self._lo
        if self._hi is not None and day > self._hi:
            return self._hi
        return day
