"""Long work off the GUI thread: `Job(fn, *args)` runs `fn(*args, progress=...)` in a QThreadPool.

The db/ function reports `progress(done, total)`; after `cancel()` the next report raises
db.exchange.Cancelled inside it, so its transaction rolls back. Signals arrive on the GUI thread.
A job never touches widgets and opens its own connections (db/ functions do, per call).
"""
from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QRunnable, Signal

from db.exchange.imports import Cancelled

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
        """Stop at the next progress report, or before starting if still queued (thread-safe)."""
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        if self._cancel.is_set():  # cancelled while waiting in the pool: fn never runs
            self.report_cancelled()
            return
        try:
            result = self.fn(*self.args, progress=self._progress, **self.kwargs)
        except Cancelled:
            self.report_cancelled()
        except Exception as exc:  # noqa: BLE001 (reported to the user, and logged with its traceback)
            log.exception("job %s failed", getattr(self.fn, "__name__", self.fn))
            self.report_failed(str(exc) or type(exc).__name__)
        else:
            self.report_finished(result)

    # Where the outcome goes (from the worker thread): this job's own signals. A subclass may send it to a
    # long-lived QObject instead, tagged with a generation (app/state.py), so that no per-job QObject has to
    # outlive the job.

    def report_finished(self, result) -> None:
        self.signals.finished.emit(result)

    def report_failed(self, text: str) -> None:
        self.signals.failed.emit(text)

    def report_cancelled(self) -> None:
        self.signals.cancelled.emit()
