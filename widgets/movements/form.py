"""New / edit movement dialog: checked as you type by the movements' one validator (given by app/), each error
next to its field, Save disabled while anything is wrong. Enter (Ctrl+Enter in the note) saves, Esc cancels."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.movements.draft import FieldError, MovementDraft
from db.vocab import MOVEMENT_STATUS_LABELS
from widgets.field_errors import error_label

TEXTS = ("via", "planned_departure", "planned_arrival", "departed_on", "arrived_on", "personnel", "vehicles",
         "incidents")
DATES = ("planned_departure", "planned_arrival", "departed_on", "arrived_on")


def message(error: FieldError) -> str:
    """The translated text of a movement's validation error (db/movements/draft.py)."""
    try:
        return QCoreApplication.translate("Movements", error.message).format(**error.args)
    except (KeyError, IndexError, ValueError):
        return error.message


class MovementForm(QDialog):
    """Edits one MovementDraft. `draft()` gives what is in the fields; `saved` carries it on Save."""

    saved = Signal(object)  # MovementDraft

    def __init__(self, sites: list[tuple[str, str]], validate: Callable[[MovementDraft], list[FieldError]],
                 draft: MovementDraft | None = None, incident: str = "", parent=None):
        """`sites`: (id, name) in the scenario's order; `incident`: the id of the incident selected in the window
        ("" if none), which a button links to the movement."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("New movement") if draft is None else self.tr("Edit movement"))
        self.setMinimumWidth(500)
        self._validate = validate
        self.errors: list[FieldError] = []
        self.from_site, self.to_site = QComboBox(), QComboBox()
        for box in (self.from_site, self.to_site):
            box.addItem(self.tr("Choose a site…"), "")
            for ident, name in sites:
                box.addItem(name, ident)
        self.texts = {name: QLineEdit() for name in TEXTS}
        self.texts["via"].setPlaceholderText(self.tr("optional: sites (their ids) or positions, separated by ;"))
        self.texts["via"].setToolTip(self.tr("Site ids: {0}").format(", ".join(i for i, _ in sites)))
        for name in DATES:
            self.texts[name].setPlaceholderText(self.tr("YYYY-MM-DD") if name == "planned_departure"
                                                else self.tr("YYYY-MM-DD (optional)"))
        for name in ("personnel", "vehicles"):
            self.texts[name].setPlaceholderText(self.tr("not known"))
            self.texts[name].setMaximumWidth(110)
        self.texts["incidents"].setPlaceholderText(self.tr("ids of incidents of the log, separated by spaces"))
        self.incident = incident
        self.link = QPushButton(self.tr("Link the selected incident"))
        self.link.setAutoDefault(False)  # Enter still saves
        self.link.setEnabled(bool(incident))
        self.link.setToolTip(self.tr("Select an incident in the log or on the map first") if not incident
                             else incident)
        self.link.clicked.connect(self._link)
        self.status = QComboBox()
        for key, label in MOVEMENT_STATUS_LABELS.items():
            self.status.addItem(QCoreApplication.translate("MovementStatus", label), key)
        self.note = QPlainTextEdit(tabChangesFocus=True)
        self.note.setFixedHeight(70)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self._build_layout()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, activated=self.accept)
        for w in self.texts.values():
            w.textChanged.connect(self._check)
        for w in (self.from_site, self.to_site, self.status):
            w.currentIndexChanged.connect(self._check)
        self.note.textChanged.connect(self._check)
        self.set_draft(draft or MovementDraft())
        self.from_site.setFocus()

    def _build_layout(self) -> None:
        names = ("from_site", "to_site", *TEXTS, "status", "note")
        self.error_labels = {name: error_label() for name in names}
        for label in self.error_labels.values():
            label.hide()
        form = QFormLayout()
        t = self.texts
        form.addRow(self.tr("&From"), self._with_error(self.from_site, "from_site"))
        form.addRow(self.tr("&To"), self._with_error(self.to_site, "to_site"))
        form.addRow(self.tr("&Via"), self._with_error(t["via"], "via"))
        form.addRow(self.tr("&Planned departure"), self._with_error(t["planned_departure"], "planned_departure"))
        form.addRow(self.tr("Planned a&rrival"), self._with_error(t["planned_arrival"], "planned_arrival"))
        form.addRow(self.tr("&Departed on"), self._with_error(t["departed_on"], "departed_on"))
        form.addRow(self.tr("&Arrived on"), self._with_error(t["arrived_on"], "arrived_on"))
        form.addRow(self.tr("&Status"), self._with_error(self.status, "status"))
        counts = QWidget()
        grid = QGridLayout(counts)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (text, name) in enumerate(((self.tr("Pe&rsonnel"), "personnel"),
                                               (self.tr("V&ehicles"), "vehicles"))):
            label = QLabel(text)
            label.setBuddy(t[name])
            grid.addWidget(label, 0, 2 * column)
            grid.addWidget(self._with_error(t[name], name), 0, 2 * column + 1)
        form.addRow(self.tr("Counts"), counts)
        form.addRow(self.tr("&Linked incidents"), self._with_error(t["incidents"], "incidents", self.link))
        form.addRow(self.tr("&Note"), self._with_error(self.note, "note"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _with_error(self, field: QWidget, name: str, *extra: QWidget) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(field)
        col.addWidget(self.error_labels[name])
        for w in extra:
            col.addWidget(w)
        return box

    def _link(self) -> None:
        ids = self.texts["incidents"].text().split()
        if self.incident not in ids:
            self.texts["incidents"].setText(" ".join([*ids, self.incident]))

    def set_draft(self, draft: MovementDraft) -> None:
        for box, value in ((self.from_site, draft.from_site), (self.to_site, draft.to_site),
                           (self.status, draft.status)):
            box.setCurrentIndex(max(0, box.findData(value)))
        for name, w in self.texts.items():
            w.setText(getattr(draft, name))
        self.note.setPlainText(draft.note)
        self._check()

    def draft(self) -> MovementDraft:
        return MovementDraft(from_site=self.from_site.currentData() or "", to_site=self.to_site.currentData() or "",
                             status=self.status.currentData(), note=self.note.toPlainText(),
                             **{name: w.text() for name, w in self.texts.items()})

    def _check(self, *_args) -> None:
        self.show_errors(self._validate(self.draft()))

    def show_errors(self, errors: list[FieldError]) -> None:
        """Each error next to its field (also those found on Save, against the incident log)."""
        self.errors = list(errors)
        shown = {e.field: e for e in self.errors}
        for name, label in self.error_labels.items():
            label.setVisible(name in shown)
            label.setText(message(shown[name]) if name in shown else "")
        self.save_button.setEnabled(not self.errors)
        self.adjustSize()

    def accept(self) -> None:
        """Save: `saved` carries the draft; the app closes the form once the log agrees (close_saved)."""
        self._check()
        if not self.errors:
            self.saved.emit(self.draft())

    def close_saved(self) -> None:
        super().accept()
