"""Help > Keyboard shortcuts: every shortcut of the window, by menu, and the map's and timeline's keys.

app/ builds the sections from the window's actions (so the list never goes stale) and gives them
through `set_sections`; a search box filters the rows.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)


class ShortcutsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search a key or an action"))
        self.search.setClearButtonEnabled(True)
        label = QLabel(self.tr("&Search:"))
        label.setBuddy(self.search)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._filter)
        self.resize(620, 640)

    def set_sections(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        """[(section title, [(action, keys as text), ...]), ...], in menu order."""
        self.tree.clear()
        for title, rows in sections:
            head = QTreeWidgetItem([title])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            for action, keys in rows:
                QTreeWidgetItem(head, [action, keys])
        self.tree.setRootIsDecorated(False)
        self.tree.expandAll()
        self._filter(self.search.text())

    def rows(self) -> list[tuple[str, str, str]]:
        """(section, action, keys) of every row shown (for tests)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            out += [(head.text(0), head.child(j).text(0), head.child(j).text(1)) for j in range(head.childCount())
                    if not head.child(j).isHidden()]
        return out

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            shown = 0
            for j in range(head.childCount()):
                child = head.child(j)
                hit = not needle or needle in child.text(0).casefold() or needle in child.text(1).casefold()
                child.setHidden(not hit)
                shown += hit
            head.setHidden(shown == 0)
