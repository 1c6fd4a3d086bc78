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


class ConflictDialog(QDialog):
    """`set_conflicts` shows them; `chosen` gives {incident id: "mine" | "theirs"} when the user applies.
    "Decide later" changes nothing: the next import of the package asks again."""

    chosen = Signal(dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Incidents edited on both laptops"))
        note = QLabel(self.tr("These incidents and site records were changed here and on the other laptop since "
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
        self.resize(820, 460)

    def set_conflicts(self, conflicts: list[tuple[str, str, list[tuple[str, str, str]]]]) -> None:
        """(incident id, title, [(field, mine, theirs)]) per incident."""
        self.tree.clear()
        self.combos = {}
        for ident, title, fields in conflicts:
            top = QTreeWidgetItem([title])
            top.setToolTip(0, ident)
            self.tree.addTopLevelItem(top)
            for field, mine, theirs in fields:
                QTreeWidgetItem(top, [field, mine, theirs])
            combo = QComboBox()
            combo.addItem(self.tr("Mine"), "mine")
            combo.addItem(self.tr("Theirs"), "theirs")
            self.tree.setItemWidget(top, 3, combo)
            self.combos[ident] = combo
            top.setExpanded(True)
        for c in range(3):
            self.tree.resizeColumnToContents(c)
        chain = [self.tree, *self.combos.values(), *self.buttons.buttons()]  # Tab: the list, its choices, then buttons
        for a, b in zip(chain, chain[1:]):
            QDialog.setTabOrder(a, b)

    def choices(self) -> dict[str, str]:
        return {ident: combo.currentData() for ident, combo in self.combos.items()}

    def _all(self, index: int) -> None:
        for combo in self.combos.values():
            combo.setCurrentIndex(index)

    def _apply(self) -> None:
        self.accept()
        self.chosen.emit(self.choices())
