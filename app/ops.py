"""The one way to run database work: ops on one serial executor (Anki's qt/aqt/operations).

    state.ops.run(Op(db_function, *args)           # runs db_function(*args, progress=...) off the GUI thread
                  .on_success(show_result)         # GUI thread, with what it returned
                  .on_failure(say_why)             # GUI thread, with the message (default: the one error dialog)
                  .with_progress(label, parent)    # a progress dialog with Cancel, closed when the op ends
                  .writes("incidents")             # a write: after success, `changed` announces {"incidents"}
                  .newest("summary"))              # a newer op of that name cancels this one, drops its result

Every read and write of the window goes through the executor's one worker thread, in the order asked
(SQLite serialises writers anyway; a Session never crosses threads, as each db/ function opens its own).
A db/ function reports `progress(done, total)`; after Cancel the next report raises db.progress.Cancelled
inside it, so its transaction rolls back. Ops never touch widgets; their callbacks run on the GUI thread.
Quitting calls `shutdown()`: queued ops are cancelled and the running one is waited for, before the
database closes.
"""
from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog

from app.i18n import message
from db.progress import Cancelled

log = logging.getLogger(__name__)


class Op:
    """One piece of database work and what to do with its outcome (built, then given to Executor.run)."""

    def __init__(self, fn: Callable, *args, **kwargs):
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.success: Callable | None = None
        self.failure: Callable[[str], None] | None = None
        self.cancelled: Callable[[], None] | None = None
        self.progress: tuple[str, object] | None = None  # label, parent widget
        self.changes: frozenset[str] = frozenset()
        self.name: str | None = None
        self.dialog: QProgressDialog | None = None  # while the op runs with a progress dialog
        self._cancel = threading.Event()

    def on_success(self, callback: Callable) -> Op:
        if self.success is not None:  # a second one silently replaced the first (Undo lost "New incident")
            raise RuntimeError("an op has one success path")
        self.success = callback
        return self

    def on_failure(self, callback: Callable[[str], None]) -> Op:
        self.failure = callback
        return self

    def on_cancel(self, callback: Callable[[], None]) -> Op:
        self.cancelled = callback
        return self

    def with_progress(self, label: str, parent) -> Op:
        self.progress = (label, parent)
        return self

    def writes(self, *kinds: str) -> Op:
        self.changes = frozenset(kinds)
        return self

    def newest(self, name: str) -> Op:
        self.name = name
        return self

    def cancel(self) -> None:
        """Stop at the next progress report, or before starting if still queued (thread-safe)."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


class _Relay(QObject):
    """Brings outcomes from the worker thread to the GUI thread (queued signals); lives as long as the executor."""

    progressed = Signal(int, "qint64", "qint64")  # op number, done, total
    finished = Signal(int, object)  # op number, result
    failed = Signal(int, str)  # op number, message
    stopped = Signal(int)  # op number: cancelled


class _Task(QRunnable):
    def __init__(self, number: int, op: Op, relay: _Relay, write_hooks=None):
        super().__init__()
        self.number, self.op, self.relay, self.hooks = number, op, relay, write_hooks

    def _progress(self, done: int, total: int) -> None:
        if self.op.is_cancelled:
            raise Cancelled()
        self.relay.progressed.emit(self.number, done, total)

    def run(self) -> None:
        if self.op.is_cancelled:  # cancelled while waiting in the queue: the work never starts
            self.relay.stopped.emit(self.number)
            return
        try:
            hooks = self.hooks if self.op.changes else None
            if hooks is not None:
                hooks[0]()
            result = self.op.fn(*self.op.args, progress=self._progress, **self.op.kwargs)
            if hooks is not None:
                hooks[1]()
        except Cancelled:
            self.relay.stopped.emit(self.number)
        except Exception as exc:  # noqa: BLE001 (reported to the user, and logged with its traceback)
            log.exception("op %s failed", getattr(self.op.fn, "__name__", self.op.fn))
            self.relay.failed.emit(self.number, message(exc) or type(exc).__name__)
        else:
            self.relay.finished.emit(self.number, result)


class Executor(QObject):
    """One worker thread for every database read and write, in order; outcomes on the GUI thread."""

    changed = Signal(object)  # frozenset of kinds ("incidents", "scenario", ...), once after each write
    error = Signal(str)  # an op failed and had no failure callback of its own: app/ shows one dialog
    idle_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # one thread for the executor's whole life
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._progressed)
        self._relay.finished.connect(self._finished)
        self._relay.failed.connect(self._failed)
        self._relay.stopped.connect(self._stopped)
        self._ops: dict[int, Op] = {}  # asked for, outcome not delivered yet
        self._numbers = itertools.count(1)
        self._closed = False
        # (before, after): called in the worker around each write that succeeds (app/watch.py)
        self.write_hooks: tuple[Callable[[], None], Callable[[], None]] | None = None

    @property
    def idle(self) -> bool:
        """No op is waiting or running (tests wait for this)."""
        return not self._ops

    @property
    def writing(self) -> bool:
        """A write is waiting, running, or done with its announcement not yet made (app/watch.py waits for it)."""
        return any(op.changes for op in self._ops.values())

    def run(self, op: Op) -> Op:
        if self._closed:
            op.cancel()
            return op
        if op.name is not None:
            for older in self._ops.values():
                if older.name == op.name:
                    older.cancel()
        number = next(self._numbers)
        self._ops[number] = op
        if op.progress is not None:
            op.dialog = self._progress_dialog(op)
        if len(self._ops) == 1:
            self.idle_changed.emit(False)
        self._pool.start(_Task(number, op, self._relay, self.write_hooks))
        return op

    def join(self) -> None:
        """Wait until the worker has run (or skipped) every op asked for; their outcomes may still wait in the
        GUI thread's event queue."""
        self._pool.waitForDone()

    def shutdown(self) -> None:
        """Cancel every op and wait for the running one to stop; nothing is delivered afterwards."""
        self._closed = True
        for op in self._ops.values():
            op.cancel()
        self.join()
        for op in self._ops.values():
            self._close_dialog(op)
        self._ops.clear()

    # ---------------------------------------------------------------- outcomes (GUI thread)

    def _end(self, number: int) -> Op | None:
        op = self._ops.pop(number, None)
        if op is not None:
            self._close_dialog(op)
            if not self._ops:
                self.idle_changed.emit(True)
        return op

    def _finished(self, number: int, result) -> None:
        op = self._end(number)
        if op is None:
            return
        if op.changes:
            self.changed.emit(op.changes)
        if op.is_cancelled and op.name is not None:  # a newer op of the same name asked for fresher data
            return
        if op.success is not None:
            op.success(result)

    def _failed(self, number: int, message: str) -> None:
        op = self._end(number)
        if op is None:
            return
        if op.failure is not None:
            op.failure(message)
        else:
            self.error.emit(message)

    def _stopped(self, number: int) -> None:
        op = self._end(number)
        if op is not None and op.cancelled is not None:
            op.cancelled()

    def _progressed(self, number: int, done: int, total: int) -> None:
        op = self._ops.get(number)
        if op is not None and op.dialog is not None:
            op.dialog.setValue(int(1000 * done / total) if total else 0)

    # ---------------------------------------------------------------- progress dialogs

    def _progress_dialog(self, op: Op) -> QProgressDialog:
        label, parent = op.progress
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 1000, parent)
        dialog.setWindowTitle(self.tr("sitmon"))
        dialog.setMinimumDuration(400)  # quick work never flashes a dialog
        dialog.setAutoReset(False)
        dialog.canceled.connect(op.cancel)
        return dialog

    @staticmethod
    def _close_dialog(op: Op) -> None:
        """reset() stops the dialog's own timer, which would otherwise show it after the op ended (a box that
        never closes); then the dialog is deleted."""
        dialog, op.dialog = op.dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(op.cancel)
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
