"""File > Restore from backup: the backups with their dates, kinds and incident counts."""
from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)


class RestoreDialog(QDialog):
    """Shows db.backup.BackupInfo rows through `set_backups`; emits the chosen backup's path."""

    restore_requested = Signal(object)  # pathlib.Path

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        note = QLabel(self.tr("The database is replaced by the chosen backup. The database as it is now "
                              "is backed up first, so a restore can be undone by restoring that copy."))
        note.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Taken (UTC)"), self.tr("Kind"), self.tr("Incidents")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self._restore)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.chosen() is not None))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 380)

    def set_backups(self, backups) -> None:
        self.table.setRowCount(len(backups))
        for row, b in enumerate(backups):
            readable = b.incidents is not None
            taken = QDateTime(QDate(b.taken_at.date()), QTime(b.taken_at.hour, b.taken_at.minute), QTimeZone.utc())
            cells = [QLocale().toString(taken, "d MMM yyyy HH:mm"), self._kind(b.reason),
                     QLocale().toString(b.incidents) if readable else self.tr("unreadable")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, b.path)
                item.setToolTip(str(b.path))
                if not readable:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    def chosen(self):
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def _restore(self) -> None:
        path = self.chosen()
        if path is not None:
            self.accept()
            self.restore_requested.emit(path)

    def _kind(self, reason: str) -> str:
        kinds = {"daily": self.tr("Daily"), "before-import": self.tr("Before an import"),
                 "before-restore": self.tr("Before a restore"), "manual": self.tr("Backed up by hand"),
                 "damaged": self.tr("Damaged file set aside")}
        return self.tr("Before an upgrade") if reason.startswith("before-migration") else kinds.get(reason, reason)
