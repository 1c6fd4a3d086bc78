"""File > Back up now and File > Restore from backup.

A restore closes the database, puts the backup in its place (the current file is backed up first)
and then closes the window: every part of the window was built from the old data, so sitmon is
started again on the restored file rather than patched up in place."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from db.store import backup
from db.store.engine import DatabaseError
from widgets.dialogs.restore import RestoreDialog

from app.recovery import message


class BackupController(QObject):
    restored = Signal(object)  # the backup's path, once it is in place

    def __init__(self, state, parent_widget):
        super().__init__(parent_widget)
        self.state, self.parent_widget = state, parent_widget
        self.dialog: RestoreDialog | None = None
        self.notice: QMessageBox | None = None
        self.back_up_action = QAction(self.tr("&Back up now"), self)
        self.back_up_action.setShortcut(QKeySequence("Ctrl+B"))
        self.back_up_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(self.tr("Restore from &backup…"), self)
        self.restore_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.restore_action.triggered.connect(self.show_restore_dialog)
        self.restore_action.setEnabled(not state.db.readonly)

    def actions(self) -> list[QAction]:
        return [self.back_up_action, self.restore_action]

    def back_up_now(self) -> None:
        db = self.state.db
        try:
            out = backup.write(db.path, "manual", passphrase=db.passphrase)
        except DatabaseError as exc:
            self._tell(QMessageBox.Icon.Warning, message(exc))
            return
        self._tell(QMessageBox.Icon.Information, self.tr("The database was backed up to {0}").format(out))

    def show_restore_dialog(self) -> None:
        db = self.state.db
        self.dialog = RestoreDialog(self.parent_widget)
        self.dialog.set_backups(backup.list_backups(db.path, db.passphrase))
        self.dialog.restore_requested.connect(self.restore)
        self.dialog.open()

    def restore(self, source: Path) -> None:
        db = self.state.db
        db.close()
        try:
            saved = backup.restore(db.path, source, db.passphrase)
        except DatabaseError as exc:
            self._tell(QMessageBox.Icon.Critical, message(exc))
            return
        self.restored.emit(source)
        self._tell(QMessageBox.Icon.Information, self.tr(
            "The backup {0} was restored. The database as it was is saved as {1}.\n\n"
            "sitmon closes now: start it again to work on the restored data.").format(source.name, saved))
        self.notice.finished.connect(self.parent_widget.window().close)

    def _tell(self, icon, text: str) -> None:
        """A message that does not block the window (tests read `notice`)."""
        self.notice = QMessageBox(icon, self.tr("Backups"), text, QMessageBox.StandardButton.Ok, self.parent_widget)
        self.notice.open()
