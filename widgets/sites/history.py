"""A site's records, newest first: what was recorded, for which date, by whom and when, from which source;
with Edit…, Delete, Restore and Audit trail… for the one selected. Deleted records stay listed, greyed."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget


MAX_ROWS = 5


@dataclass(frozen=True)
class HistoryRow:
    """One record as the list shows it (texts already translated)."""

    id: str
    text: str  # e.g. "5 Sep 2023 · Handover confirmed"
    detail: str  # e.g. "Awa Traoré, 6 Sep 2023 10:00 UTC · source: radio Goundam · B2"
    tooltip: str  # the note, the record's id
    deleted: bool


class SiteHistory(QWidget):
    edit_requested = Signal(str)
    delete_requested = Signal(str)
    restore_requested = Signal(str)
    audit_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.heading = QLabel()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda item: self._emit(self.edit_requested) if not self._deleted() else None)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.restore_button = QPushButton(self.tr("Rest&ore"))
        self.audit_button = QPushButton(self.tr("Audit &trail…"))
        for button, signal in ((self.edit_button, self.edit_requested), (self.delete_button, self.delete_requested),
                               (self.restore_button, self.restore_requested), (self.audit_button, self.audit_requested)):
            button.clicked.connect(lambda _=False, s=signal: self._emit(s))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.edit_button, self.delete_button, self.restore_button, self.audit_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.writable = True
        self.set_records([])

    def set_writable(self, writable: bool) -> None:
        """False for a read-only database: the records are listed, nothing can be changed."""
        self.writable = writable
        self._update_buttons()

    def set_records(self, rows: list[HistoryRow]) -> None:
        """The site's records, newest first; the selected one stays selected."""
        current = self.selected_id()
        self.list.clear()
        live = sum(not r.deleted for r in rows)
        self.heading.setText(self.tr("Updates recorded (%n)", "", live) if rows else self.tr("No update recorded yet"))
        for r in rows:
            item = QListWidgetItem(f"{r.text}\n{r.detail}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, r.deleted)
            item.setToolTip(r.tooltip)
            if r.deleted:
                font = QFont(self.list.font())
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(QColor("#777777"))
            self.list.addItem(item)
            if r.id == current:
                self.list.setCurrentItem(item)
        self.list.setVisible(bool(rows))
        self._fit()
        self._update_buttons()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """As tall as its rows wrapped at the list's width, up to MAX_ROWS; the rest scrolls."""
        width = max(self.list.width() - 2 * self.list.frameWidth() - self.list.verticalScrollBar().sizeHint().width()
                    - 8, 50)
        metrics = self.list.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap)
        rows = [metrics.boundingRect(QRect(0, 0, width, 100_000), flags, self.list.item(i).text()).height() + 4
                for i in range(min(self.list.count(), MAX_ROWS))]
        self.list.setFixedHeight(sum(rows) + 2 * self.list.frameWidth() + 2)

    def selected_id(self) -> str:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def select(self, record_id: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == record_id:
                self.list.setCurrentRow(i)

    def _deleted(self) -> bool:
        item = self.list.currentItem()
        return bool(item and item.data(Qt.ItemDataRole.UserRole + 1))

    def _emit(self, signal) -> None:
        if self.selected_id():
            signal.emit(self.selected_id())

    def _update_buttons(self, *_args) -> None:
        chosen, deleted = bool(self.selected_id()) and self.writable, self._deleted()
        self.edit_button.setEnabled(chosen and not deleted)
        self.delete_button.setEnabled(chosen and not deleted)
        self.restore_button.setEnabled(chosen and deleted)
        self.audit_button.setEnabled(bool(self.selected_id()))
        for b in (self.edit_button, self.delete_button, self.restore_button, self.audit_button):
            b.setVisible(self.list.count() > 0)

    def lines(self) -> list[str]:
        """What the list shows, top to bottom (for tests and copy); deleted ones marked."""
        return [self.list.item(i).text().replace("\n", " — ") + (" [deleted]" if self.list.item(i).data(
            Qt.ItemDataRole.UserRole + 1) else "") for i in range(self.list.count())]
