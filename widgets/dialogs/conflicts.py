"""Incidents and site records the two laptops disagree on: each differing field, mine and theirs, and a choice
per record."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)


COLUMN_MAX = (330, 260, 260)  # pixels: record / field, mine, theirs


class ConflictDialog(QDialog):
    """`set_conflicts` shows them; `chosen` gives {incident id: "mine" | "theirs"} when the user applies.
    "Decide later" changes nothing: the next import of the package asks again. With `later`, each row also
    offers "Later" (its default): headquarters' queue keeps those for another time."""

    chosen = Signal(dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Incidents edited on both laptops"))
        self.note = note = QLabel(self.tr("These incidents and site records were changed here and on the other laptop since "
                              "you last exchanged packages, or give a site two different handovers. Choose, for "
                              "each, which version to keep. Nothing is lost: the other stays in the audit trail."))
        note.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Record / field"), self.tr("Mine"), self.tr("Theirs"), self.tr("Keep")])
        self.combos: dict[str, QComboBox] = {}
        mine_all, theirs_all = QPushButton(self.tr("Keep all &mine")), QPushButton(self.tr("Take all &theirs"))
        mine_all.clicked.connect(lambda: self._all(0))
        theirs_all.clicked.connect(lambda: self._all(1))
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(self.tr("&Apply choices"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Decide &later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(mine_all, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(theirs_all, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self._apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.resize(960, 480)

    def set_note(self, text: str) -> None:
        self.note.setText(text)

    def set_headers(self, mine: str, theirs: str) -> None:
        self.tree.setHeaderLabels([self.tr("Record / field"), mine, theirs, self.tr("Keep")])

    def set_conflicts(self, conflicts: list[tuple[str, str, list[tuple[str, str, str]]]], later: bool = False) -> None:
        """(incident id, title, [(field, mine, theirs)]) per incident; `later`: each may also wait."""
        self.tree.clear()
        self.combos = {}
        for ident, title, fields in conflicts:
            top = QTreeWidgetItem([title])
            top.setToolTip(0, ident)
            self.tree.addTopLevelItem(top)
            for field, mine, theirs in fields:
                row = QTreeWidgetItem(top, [field, mine, theirs])
                for column, text in ((1, mine), (2, theirs)):
                    row.setToolTip(column, text)  # a long value is cut in its column: whole here
            combo = QComboBox()
            if later:
                combo.addItem(self.tr("Later"), None)
            combo.addItem(self.tr("Mine"), "mine")
            combo.addItem(self.tr("Theirs"), "theirs")
            self.tree.setItemWidget(top, 3, combo)
            self.combos[ident] = combo
            top.setExpanded(True)
        for c, most in enumerate(COLUMN_MAX):  # the choice column stays in sight however long a value is
            self.tree.resizeColumnToContents(c)
            self.tree.setColumnWidth(c, min(self.tree.columnWidth(c), most))
        chain = [self.tree, *self.combos.values(), *self.buttons.buttons()]  # Tab: the list, its choices, then buttons
        for a, b in zip(chain, chain[1:]):
            QDialog.setTabOrder(a, b)

    def choices(self) -> dict[str, str]:
        """The rows chosen (a row left for later is not among them)."""
        return {ident: combo.currentData() for ident, combo in self.combos.items() if combo.currentData()}

    def _all(self, index: int) -> None:
        for combo in self.combos.values():
            combo.setCurrentIndex(combo.findData(("mine", "theirs")[index]))

    def _apply(self) -> None:
        self.accept()
        self.chosen.emit(self.choices())
