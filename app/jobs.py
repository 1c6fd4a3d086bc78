"""Long work off the GUI thread: `Job(fn, *args)` runs `fn(*args, progress=...)` in a QThreadPool.

The db/ function reports `progress(done, total)`; after `cancel()` the next report raises
db.exchange.Cancelled inside it, so its transaction rolls back. Signals arrive on the GUI thread.
A job never touches widgets and opens its own connections (db/ functions do, per call).
"""
from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QRunnable, Signal

from db.exchange import Cancelled

log = logging.getLogger(__name__)


class JobSignals(QObject):
    progress = Signal("qint64", "qint64")  # done, total (bytes or rows: only the ratio matters)
    finished = Signal(object)  # what fn returned
    failed = Signal(str)  # the exception's message, for the user
    cancelled = Signal()  # stopped by cancel(); nothing was written


class Job(QRunnable):
    def __init__(self, fn, *args, **kwargs):
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = JobSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop at the next progress report (thread-safe)."""
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self.fn(*self.args, progress=self._progress, **self.kwargs)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 (reported to the user, and logged with its traceback)
            log.exception("job %s failed", getattr(self.fn, "__name__", self.fn))
            self.signals.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.signals.finished.emit(result)
