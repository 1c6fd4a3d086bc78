"""The bad rows of a file being imported (row, field, reason) and the choice: import the good rows, or none."""
from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

SHOWN = 1000  # rows listed at most; the count above says how many there are


class ImportReport(QDialog):
    """Nothing is written while it is open. `import_good` when the user takes the good rows."""

    import_good = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import incidents: rows with problems"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Field"), self.tr("Problem")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.buttons = QDialogButtonBox()
        self.good_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.none_button = self.buttons.addButton(self.tr("Import &none"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._take)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 420)

    def set_report(self, file_name: str, problems: list[tuple[int, str, str]], good: int, total: int) -> None:
        """problems: (row as a spreadsheet numbers it, field, translated reason)."""
        bad = total - good
        n = QLocale().toString
        text = self.tr("{0}: {1} of {2} rows cannot be imported. Nothing has been written yet.").format(
            file_name, n(bad), n(total)) if total else self.tr("{0} cannot be imported.").format(file_name)
        if len(problems) > SHOWN:
            text += " " + self.tr("The first {0} of {1} problems are listed.").format(n(SHOWN), n(len(problems)))
        self.summary.setText(text)
        self.table.setRowCount(min(len(problems), SHOWN))
        for r, cells in enumerate(problems[:SHOWN]):
            for c, value in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(str(value)))
        self.table.resizeColumnsToContents()
        self.good_button.setText(self.tr("Import the %n good rows", "", good))
        self.good_button.setEnabled(good > 0)
        self.good_button.setVisible(good > 0)

    def _take(self) -> None:
        self.accept()
        self.import_good.emit()
