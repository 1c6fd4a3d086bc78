"""Help > User guide (F1): the offline guide, an HTML file with pictures, in a QTextBrowser.

No network: links to other pages of the guide open in place; nothing is fetched from outside.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout


class HelpDialog(QDialog):
    def __init__(self, page: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # links are followed below: pages of the guide only
        self.browser.anchorClicked.connect(self._follow)
        self.browser.setSearchPaths([str(page.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(page)))
        back = QPushButton(self.tr("&Back"))
        back.setEnabled(False)
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        home = QPushButton(self.tr("&Contents"))
        home.clicked.connect(self.browser.home)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addWidget(home)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        self.browser.setFocus()
        self.resize(820, 640)

    def _follow(self, url: QUrl) -> None:
        """A page or an anchor of the guide opens in place; a web address is not fetched (offline)."""
        target = self.browser.source().resolved(url)
        if target.isLocalFile():
            self.browser.setSource(target)
