"""The audit trail of one incident: who changed what and when (old -> new), newest first."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QEvent, QLocale, QTime, QTimeZone
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from db.incidents.audit import IMPORT

ACTIONS = {"create": QT_TRANSLATE_NOOP("AuditView", "Created"), "update": QT_TRANSLATE_NOOP("AuditView", "Edited"),
           "delete": QT_TRANSLATE_NOOP("AuditView", "Deleted"), "restore": QT_TRANSLATE_NOOP("AuditView", "Restored"),
           "merge": QT_TRANSLATE_NOOP("AuditView", "Merged")}


class AuditView(QDialog):
    """Shows a list of db.incidents.AuditRecord; field names and values as the interface shows them through
    `set_trail(records, field_labels, shown)`, `shown(field, old, new) -> (old text, new text)`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit trail"))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("When (UTC) / field"), self.tr("Who / old value"),
                                   self.tr("What / new value"), self.tr("Laptop")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.installEventFilter(self)  # Ctrl+C copies whole rows, not the current cell alone
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def set_trail(self, records, field_labels: dict[str, str] | None = None,
                  shown: Callable[[str, object, object], tuple[str, str]] | None = None) -> None:
        labels = field_labels or {}
        shown = shown or (lambda _field, old, new: (_show(old), _show(new)))
        self.tree.clear()
        for r in reversed(records):
            action = QCoreApplication.translate("AuditView", ACTIONS.get(r.action, r.action))
            imported = [new for field, _, new in r.changes if field == IMPORT and new]
            if r.action == "create" and imported:  # an incident an import created (import_name: "FILE · SHA-256 …")
                action = self.tr("Created by import of {0}").format(str(imported[0]).split(" · ")[0])
            at = QDateTime(QDate(r.at.date()), QTime(r.at.hour, r.at.minute, r.at.second), QTimeZone.utc())
            item = QTreeWidgetItem([QLocale().toString(at, "d MMM yyyy HH:mm:ss"), r.author, action, r.laptop[:8]])
            for field, old, new in r.changes:
                if r.action == "create" and new in (None, "", 0):
                    continue
                row = QTreeWidgetItem(item, [labels.get(field, field), *shown(field, old, new)])
                for column in (1, 2):
                    row.setToolTip(column, row.text(column))  # a long value (a file's SHA-256) is cut: whole here
            self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        for col in range(3):
            self.tree.resizeColumnToContents(col)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        copy = event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Copy)
        if watched is self.tree and copy:
            self.copy_selection()
            return True
        return super().eventFilter(watched, event)

    def copy_selection(self) -> None:
        """The selected rows to the clipboard, whole values, a tab between columns (Ctrl+C)."""
        rows = [item for item in self._items() if item.isSelected()]
        QGuiApplication.clipboard().setText("\n".join(
            "\t".join(item.text(c) for c in range(self.tree.columnCount()) if item.text(c)) for item in rows))

    def _items(self):
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            yield item
            yield from (item.child(j) for j in range(item.childCount()))

    def lines(self) -> list[tuple[str, ...]]:
        """What the tree shows, top to bottom."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            out.append(tuple(item.text(c) for c in range(4)))
            out += [tuple(item.child(j).text(c) for c in range(3)) for j in range(item.childCount())]
        return out


def _show(value) -> str:
    return "—" if value is None else str(value)
