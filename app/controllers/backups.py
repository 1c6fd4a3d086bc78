"""File > Back up now and File > Restore from backup.

A restore closes the database, puts the backup in its place (the current file is backed up first)
and then closes the window: every part of the window was built from the old data, so sitmon is
started again on the restored file rather than patched up in place. Each is an op on the executor.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from app.actions import action
from app.i18n import message
from app.ops import Op
from db.store import backup
from db.store.errors import DatabaseError
from widgets.dialogs.restore import RestoreDialog


class BackupController(QObject):
    restored = Signal(object)  # the backup's path, once it is in place

    def __init__(self, state, parent_widget):
        super().__init__(parent_widget)
        self.state, self.parent_widget = state, parent_widget
        self.dialog: RestoreDialog | None = None
        self.notice: QMessageBox | None = None
        self.back_up_action = action(self, self.tr("&Back up now"), self.back_up_now, "Ctrl+B")
        self.restore_action = action(self, self.tr("Restore &from backup…"), self.show_restore_dialog,
                                     "Ctrl+Shift+B")
        self.restore_action.setEnabled(not state.db.readonly)

    def actions(self) -> list[QAction]:
        return [self.back_up_action, self.restore_action]

    def _run(self, fn, *args, on_success) -> Op:
        """An op whose refusal (a DatabaseError) is said in the user's language."""
        return self.state.ops.run(Op(_guarded, fn, *args).on_success(on_success))

    def back_up_now(self) -> None:
        db = self.state.db
        if db.on_server:  # the server's own tool, with the command
            self._tell(QMessageBox.Icon.Information, message(backup.server_refusal(db.url)))
            return
        self._run(backup.write, db.path, "manual", None, db.passphrase, on_success=self._backed_up)

    def _backed_up(self, outcome) -> None:
        if isinstance(outcome, DatabaseError):
            self._tell(QMessageBox.Icon.Warning, message(outcome))
        else:
            self._tell(QMessageBox.Icon.Information, self.tr("The database was backed up to {0}").format(outcome))

    def show_restore_dialog(self) -> None:
        db = self.state.db
        if db.on_server:
            self._tell(QMessageBox.Icon.Information, message(backup.server_refusal(db.url, restore=True)))
            return
        self._run(backup.list_backups, db.path, db.passphrase, on_success=self._list)

    def _list(self, backups) -> None:
        self.dialog = RestoreDialog(self.parent_widget)
        self.dialog.set_backups(backups)
        self.dialog.restore_requested.connect(self.restore)
        self.dialog.open()

    def restore(self, source: Path) -> None:
        self._run(_restore, self.state.db, source, on_success=lambda outcome: self._restored(source, outcome))

    def _restored(self, source: Path, outcome) -> None:
        if isinstance(outcome, DatabaseError):
            self._tell(QMessageBox.Icon.Critical, message(outcome))
            return
        self.restored.emit(source)
        self._tell(QMessageBox.Icon.Information, self.tr(
            "The backup {0} was restored. The database as it was is saved as {1}.\n\n"
            "sitmon closes now: start it again to work on the restored data.").format(source.name, outcome))
        self.notice.finished.connect(self.parent_widget.window().close)

    def _tell(self, icon, text: str) -> None:
        """A message that does not block the window (tests read `notice`)."""
        self.notice = QMessageBox(icon, self.tr("Backups"), text, QMessageBox.StandardButton.Ok, self.parent_widget)
        self.notice.open()


def _guarded(fn, *args, progress=None):
    """fn's result, or the DatabaseError that refused it (said to the user in the interface language)."""
    try:
        return fn(*args)
    except DatabaseError as exc:
        return exc


def _restore(db, source: Path):
    db.close()
    return backup.restore(db.path, source, db.passphrase)
