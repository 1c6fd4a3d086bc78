"""Asks for the passphrase of an encrypted database, or of an encrypted data package."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout


class PassphraseDialog(QDialog):
    def __init__(self, path: str, error: str = "", parent=None, package: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Encrypted data package") if package else self.tr("Encrypted database"))
        prompt = QLabel(self.tr("{0} is an encrypted data package. Enter its passphrase:").format(path) if package
                        else self.tr("{0} is encrypted. Enter its passphrase:").format(path))
        prompt.setWordWrap(True)
        self.error = QLabel(error)
        self.error.setObjectName("passphrase-error")
        self.error.setWordWrap(True)
        self.error.setVisible(bool(error))
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        prompt.setBuddy(self.field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setEnabled(False)
        self.field.textChanged.connect(lambda text: self.open_button.setEnabled(bool(text)))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.setMinimumWidth(440)  # a path and a one-line reason read on two lines, not five
        layout = QVBoxLayout(self)
        for widget in (prompt, self.field, self.error, buttons):
            layout.addWidget(widget)

    def passphrase(self) -> str:
        return self.field.text()
