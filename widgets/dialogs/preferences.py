"""Edit > Preferences: language, theme, interface zoom, the author name and the briefing marking.

Values in through `set_values`, out through `values()`; app/ reads and writes the settings.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

# Each language is named in itself, as language menus do.
LANGUAGE_NAMES = (("en", "English"), ("fr", "Français"))


class PreferencesDialog(QDialog):
    def __init__(self, login_name: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.theme = QComboBox()
        self.theme.addItem(self.tr("Default"), "default")
        self.theme.addItem(self.tr("High contrast (bright sun)"), "high-contrast")
        self.zoom = QSpinBox()
        self.zoom.setRange(50, 300)
        self.zoom.setSingleStep(10)
        self.zoom.setSuffix(self.tr(" %"))
        self.zoom.setToolTip(self.tr("Text size, in percent of the system's (Ctrl++ and Ctrl+- change it too)"))
        self.author = QLineEdit()
        self.author.setPlaceholderText(login_name)
        self.author.setToolTip(self.tr("Recorded with every change to the incident log; empty: the login name"))
        self.marking = QLineEdit()
        self.marking.setToolTip(self.tr("Printed at the top and bottom of every briefing page"))
        self.restart_note = QLabel(self.tr("A new language applies when sitmon is started again."))
        self.restart_note.setWordWrap(True)
        self.restart_note.setObjectName("restart-note")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", self.restart_note)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("Interface &zoom:"), self.zoom)
        form.addRow(self.tr("&Author name:"), self.author)
        form.addRow(self.tr("Briefing &marking:"), self.marking)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        order = [self.language, self.theme, self.zoom, self.author, self.marking,
                 self.buttons.button(QDialogButtonBox.StandardButton.Ok),
                 self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for a, b in zip(order, order[1:]):
            QDialog.setTabOrder(a, b)
        self.language.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setMinimumWidth(460)

    def set_values(self, values: dict) -> None:
        """Keys as in app.settings: "ui/language", "ui/theme", "ui/zoom", "author", "export/marking"."""
        self.language.setCurrentIndex(max(0, self.language.findData(values.get("ui/language", ""))))
        self.theme.setCurrentIndex(max(0, self.theme.findData(values.get("ui/theme", "default"))))
        self.zoom.setValue(int(values.get("ui/zoom", 100)))
        self.author.setText(values.get("author", ""))
        self.marking.setText(values.get("export/marking", ""))

    def values(self) -> dict:
        return {"ui/language": self.language.currentData(), "ui/theme": self.theme.currentData(),
                "ui/zoom": self.zoom.value(), "author": self.author.text().strip(),
                "export/marking": self.marking.text().strip()}
