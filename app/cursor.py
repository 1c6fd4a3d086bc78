"""The one current date of the application, and everything that moves it: stepping by day, week or month,
the drawdown's first and last dates (Home, End), and Play. Every view follows it; widgets only ask (napari's dims).

Two signals, so that dragging stays light: `date_changed` on every real change (the timeline's cursor and
label, the status bar), `date_settled` when the date has stopped moving (at once for a key, a typed date or
Play; 150 ms after the last move of a drag, or at its release): views that compute or query follow that.
"""
from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, Signal

SETTLE_MS = 150
# Play's speeds: how far each tick moves the date, how often it ticks (ms), and how the timeline names it.
SPEEDS = ((relativedelta(days=1), 500, QT_TRANSLATE_NOOP("TimelineView", "1 day every 0.5 s")),
          (relativedelta(days=1), 100, QT_TRANSLATE_NOOP("TimelineView", "1 day every 0.1 s")),
          (relativedelta(weeks=1), 500, QT_TRANSLATE_NOOP("TimelineView", "1 week every 0.5 s")),
          (relativedelta(weeks=1), 100, QT_TRANSLATE_NOOP("TimelineView", "1 week every 0.1 s")))


class CursorState(QObject):
    """Holds the current date. Every change clamps to the scenario's range, ignores repeats and emits once."""

    date_changed = Signal(object)  # datetime.date
    date_settled = Signal(object)  # datetime.date
    playing_changed = Signal(bool)

    def __init__(self, day: datetime.date, lo: datetime.date | None = None, hi: datetime.date | None = None,
                 drawdown: tuple[datetime.date, datetime.date] | None = None, parent=None):
        super().__init__(parent)
        self._lo, self._hi = lo, hi
        self.drawdown = drawdown  # (start, end) that Play runs through; None: the whole range
        self._date = self._clamp(day)
        self.speed, self.loop = 0, False
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(lambda: self.date_settled.emit(self._date))
        self._ticks = QTimer(self)  # runs only while playing
        self._ticks.timeout.connect(self._tick)

    @property
    def date(self) -> datetime.date:
        return self._date

    @property
    def range(self) -> tuple[datetime.date | None, datetime.date | None]:
        return self._lo, self._hi

    def set_range(self, lo: datetime.date, hi: datetime.date) -> None:
        self._lo, self._hi = lo, hi
        self._move(self._date)

    # ---------------------------------------------------------------- what a user asks

    def set_date(self, day: datetime.date, moving: bool = False) -> None:
        """Go to a date (a user's request stops Play). `moving`: one step of a drag, settled when it stops."""
        self.pause()
        self._move(day, moving)

    def step(self, days: int = 0, months: int = 0) -> None:
        """Move by days (a week is 7) and months, from the current date."""
        self.set_date(self._date + relativedelta(days=days, months=months))

    def go_start(self) -> None:
        """Home: the drawdown's first day (the scenario's earlier context stays a step or a typed date away)."""
        start = self._play_range()[0]
        if start is not None:
            self.set_date(start)

    def go_end(self) -> None:
        """End: the drawdown's last day."""
        end = self._play_range()[1]
        if end is not None:
            self.set_date(end)

    # ---------------------------------------------------------------- Play

    @property
    def playing(self) -> bool:
        return self._ticks.isActive()

    def play(self, on: bool = True) -> None:
        """Start (from the drawdown's start unless the date is inside it) or stop playing."""
        if on == self.playing:
            return
        if on:
            start, end = self._play_range()
            if not start <= self._date < end:
                self._move(start)
            self._ticks.start(SPEEDS[self.speed][1])
        else:
            self._ticks.stop()
        self.playing_changed.emit(on)

    def pause(self) -> None:
        self.play(False)

    def set_speed(self, index: int) -> None:
        self.speed = index
        self._ticks.setInterval(SPEEDS[index][1])

    def set_loop(self, on: bool) -> None:
        self.loop = on

    def _play_range(self) -> tuple[datetime.date, datetime.date]:
        return self.drawdown or (self._lo or self._date, self._hi or self._date)

    def _tick(self) -> None:
        start, end = self._play_range()
        target = self._date + SPEEDS[self.speed][0]
        if target > end:
            if not self.loop:
                self.pause()
                return
            target = start
        self._move(target)

    # ---------------------------------------------------------------- the date itself

    def _move(self, day: datetime.date, moving: bool = False) -> None:
        """Change the date (clamped); settle it now, or, for a drag's step, once the drag pauses or ends."""
        day = self._clamp(day)
        changed = day != self._date
        if changed:
            self._date = day
            self.date_changed.emit(day)
        if moving:
            if changed:
                self._settle.start()
        elif changed or self._settle.isActive():  # a drag's release settles the date it left unsettled
            self._settle.stop()
            self.date_settled.emit(self._date)

    def _clamp(self, day: datetime.date) -> datetime.date:
        if self._lo is not None and day < self._lo:
            return self._lo
        if self._hi is not None and day > self._hi:
            return self._hi
        return day
