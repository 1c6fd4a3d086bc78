"""Another process writes, the window follows: the command line (`sitmon site record`, an import, a package
merge, a scenario load) or a second window changes the database; within two seconds the open window shows it.

A QTimer on the GUI thread reads the database's change counter (db.store.dialect.change_counter: SQLite's
PRAGMA data_version, on a connection of its own) once a second: a read of microseconds that never waits for
a lock, so idle stays idle. When the counter moved, `changed` announces every kind of data, once, and each
view refreshes as after a write of its own.

Our own writes move the counter too, and must not be announced twice (the executor announces them). While
one is under way the timer does not look. In the executor's worker, just before each write of ours the
counter is read, so that a commit of another process made before it is still announced (once our write has
been); just after it the counter as it then is becomes the one seen. Only a commit of another process in the
instant between our commit and that read could pass unnoticed (until the next change).
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from db.store import dialect

EVERYTHING = frozenset({"incidents", "site_records", "movements", "scenario"})
INTERVAL_MS = 1000


class ChangeWatcher(QObject):
    changed = Signal(object)  # EVERYTHING, when another connection committed

    def __init__(self, db, ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self._lock = threading.Lock()  # held for one PRAGMA: the worker reads too (before a write)
        self._counter = dialect.change_counter(db)
        self._seen = self._read()
        self._missed = False  # another process committed before a write of ours began
        self.timer = QTimer(self)
        self.timer.setObjectName("change-watcher")
        self.timer.setInterval(INTERVAL_MS)
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.timeout.connect(self.check)
        ops.changed.connect(self._ours)
        ops.write_hooks = (self._before_write, self._after_write)
        if self._counter is not None:
            self.timer.start()

    def _read(self) -> int | None:
        with self._lock:
            return self._counter.read() if self._counter is not None else None

    def check(self) -> bool:
        """Look now (the timer does, once a second); True if another connection committed since."""
        if self._counter is None or self.ops.writing:  # ours under way: its announcement settles the count
            return False
        now = self._read()
        if now is None or now == self._seen:
            return False
        self._seen = now
        self.changed.emit(EVERYTHING)
        return True

    def _before_write(self) -> None:
        """In the executor's worker, just before a write of ours: a change not seen yet is someone else's."""
        now = self._read()
        if now is not None and now != self._seen:
            self._seen, self._missed = now, True

    def _after_write(self) -> None:
        """In the executor's worker, just after a write of ours committed: the counter as it is now is ours."""
        now = self._read()
        if now is not None:
            self._seen = now

    def _ours(self, _kinds) -> None:
        """A write of ours was announced; another process's commit noticed just before it is announced now."""
        if self._missed:
            self._missed = False
            self.changed.emit(EVERYTHING)

    def close(self) -> None:
        self.timer.stop()
        self.ops.write_hooks = None
        with self._lock:
            if self._counter is not None:
                self._counter.close()
                self._counter = None
