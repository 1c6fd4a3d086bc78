"""New / edit incident dialog: validation as you type, the error next to its field, Save disabled while invalid.

Keyboard only: fields in reading order, Enter (or Ctrl+Enter in a text box) saves, Esc cancels.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.incidents.draft import FieldError, IncidentDraft, Location
from db.vocab import CASUALTIES as COUNTS
from db.vocab import GEO_PRECISION_LABELS, INCIDENT_STATUS_LABELS, TIME_PRECISION_LABELS
from widgets.field_errors import error_label

WORD_PARAMS = ("axis", "unit")  # geo.coords puts words (marked there) in these slots
DECIMAL_DEGREES = re.compile(r"\s*(-?[0-9]+\.[0-9]+)\s*,\s*(-?[0-9]+\.[0-9]+)\s*")  # as db.incidents.draft_of writes them
DECIMAL_COMMA = re.compile(r"(?<=[0-9]),(?=[0-9])")  # "13,12345": a comma between two digits


def message(error: FieldError) -> str:
    """The translated text of a validation error (db.incidents or geo.coords template)."""
    context = "Incidents" if error.message in _DB_MESSAGES else "Coordinates"
    args = {k: QCoreApplication.translate(context, v) if k in WORD_PARAMS and isinstance(v, str) else v
            for k, v in error.args.items()}
    try:
        return QCoreApplication.translate(context, error.message).format(**args)
    except (KeyError, IndexError, ValueError):
        return error.message


def _db_messages() -> frozenset[str]:
    from db.incidents import draft

    return frozenset(v for k, v in vars(draft).items() if k.startswith("MSG_"))


_DB_MESSAGES = _db_messages()


class IncidentForm(QDialog):
    """Edits one IncidentDraft. `draft()` gives what is in the fields; `saved` carries it on Save."""

    saved = Signal(object)  # IncidentDraft
    pick_requested = Signal()  # the user wants to pick the location on the map

    def __init__(self, taxonomy, sites, validate: Callable[[IncidentDraft], list[FieldError]],
                 locate: Callable[[float, float], Location], parse_location: Callable[[str], tuple | None],
                 draft: IncidentDraft | None = None, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New incident") if draft is None else self.tr("Edit incident"))
        self.setMinimumWidth(480)
        self._validate, self._locate, self._parse = validate, locate, parse_location
        self._taxonomy, self._lang = taxonomy, lang
        self._site_names = {s.id: s.name.get(lang) for s in sites}
        self.errors: list[FieldError] = []
        self._build_fields(sites)
        self._build_layout()
        self._connect()
        self.set_draft(draft or IncidentDraft())
        self.occurred_on.setFocus()

    def _build_fields(self, sites) -> None:
        lang = self._lang
        self.occurred_on = QLineEdit(placeholderText=self.tr("YYYY-MM-DD"))
        self.occurred_time = QLineEdit(placeholderText=self.tr("HH:MM (optional)"))
        self.location = QLineEdit(placeholderText=self.tr("16.2717, -0.0447  or  16°16'18\"N 0°2'41\"W  or  30Q ZD 15880 01273"))
        self.pick_button = QPushButton(self.tr("Pick on &map"))
        self.pick_button.setToolTip(self.tr("Click the map to place the incident (the form stays open)"))
        self.pick_button.setAutoDefault(False)  # Enter still saves
        self.pick_button.clicked.connect(self.pick_requested)
        self.site_picker = QComboBox()
        self.site_picker.addItem(self.tr("Place at a site…"), None)
        for s in sites:
            self.site_picker.addItem(s.name.get(lang), (s.lat, s.lon))
        self.where = QLabel()
        self.where.setWordWrap(True)  # nearest place, site and region: a long line in French
        self.place = QLineEdit(placeholderText=self.tr("filled from the nearest named place; edit as needed"))
        self.geo_precision, self.time_precision = QComboBox(), QComboBox()
        for box, labels in ((self.geo_precision, GEO_PRECISION_LABELS), (self.time_precision, TIME_PRECISION_LABELS)):
            for key, label in labels.items():
                box.addItem(QCoreApplication.translate("Precision", label), key)
        self.geo_precision.setToolTip(self.tr("How precise the position is, as ACLED rates it; "
                                              "3 is drawn hollow on the map"))
        self.time_precision.setToolTip(self.tr("How precise the date is, as ACLED rates it"))
        self._placed_at: tuple | None = None  # the position that place, admin1 and admin2 belong to
        self._suggested = ""  # the gazetteer's name for it: replaced when the position moves, unlike a typed one
        self._admin = ("", "")
        self.confirm = QCheckBox(self.tr("The position is right"))
        self.type = QComboBox()
        self.type.addItem(self.tr("Choose a type…"), "")
        for t in self._taxonomy.types:
            self.type.addItem(t.label.get(lang), t.id)
        self.subtype = QComboBox()
        self.actors = QLineEdit()
        self.counts = {name: QLineEdit("0", maximumWidth=70) for name in COUNTS}
        self.description = QPlainTextEdit(tabChangesFocus=True)
        self.notes = QPlainTextEdit(tabChangesFocus=True, placeholderText=self.tr("Sensitive: stays on this laptop "
                                                                                   "unless exported in full"))
        for box in (self.description, self.notes):
            box.setFixedHeight(64)
        self.source = QLineEdit()
        self.reliability = QLineEdit(placeholderText=self.tr("e.g. B2"), maxLength=2, maximumWidth=70)
        self.reliability.setToolTip(self.tr("Admiralty code: source reliability A-F, information credibility 1-6"))
        self.status = QComboBox()
        for key, label in INCIDENT_STATUS_LABELS.items():
            self.status.addItem(label.get(lang), key)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)

    def _build_layout(self) -> None:
        self.error_labels = {name: self._error_label() for name in (
            "occurred_on", "occurred_time", "location", "type", "subtype", "reliability", "status", *COUNTS)}
        form = QFormLayout()
        form.addRow(self.tr("&Date (UTC)"), self._with_error(self.occurred_on, "occurred_on"))
        form.addRow(self.tr("T&ime (UTC)"), self._with_error(self.occurred_time, "occurred_time"))
        form.addRow(self.tr("&Location"), self._with_error(self.location, "location", self.confirm, self.where,
                                                           self.site_picker, self.pick_button))
        form.addRow(self.tr("Pla&ce"), self.place)
        form.addRow(self.tr("Pr&ecision"), self._precision_row())
        form.addRow(self.tr("T&ype"), self._with_error(self.type, "type"))
        form.addRow(self.tr("S&ub-type"), self._with_error(self.subtype, "subtype"))
        form.addRow(self.tr("&Actors"), self.actors)
        form.addRow(self.tr("Casualties"), self._counts_grid())
        form.addRow(self.tr("Descri&ption"), self.description)
        form.addRow(self.tr("&Notes"), self.notes)
        form.addRow(self.tr("&Source"), self.source)
        form.addRow(self.tr("&Reliability"), self._with_error(self.reliability, "reliability"))
        form.addRow(self.tr("S&tatus"), self._with_error(self.status, "status"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        order = [self.occurred_on, self.occurred_time, self.location, self.confirm, self.site_picker, self.pick_button,
                 self.place, self.geo_precision, self.time_precision, self.type,
                 self.subtype, self.actors, *self.counts.values(), self.description, self.notes, self.source,
                 self.reliability, self.status, self.save_button, self.buttons.button(
                     QDialogButtonBox.StandardButton.Cancel)]
        for a, b in zip(order, order[1:]):
            QWidget.setTabOrder(a, b)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, activated=self.accept)
        self.type.currentIndexChanged.connect(self._fill_subtypes)
        self.site_picker.activated.connect(self._site_picked)
        for w in (self.occurred_on, self.occurred_time, self.location, self.actors, self.source, self.reliability,
                  *self.counts.values()):
            w.textChanged.connect(self._check)
        for w in (self.description, self.notes):
            w.textChanged.connect(self._check)
        for w in (self.type, self.subtype, self.status, self.geo_precision, self.time_precision):
            w.currentIndexChanged.connect(self._check)
        self.confirm.toggled.connect(self._check)

    def _error_label(self) -> QLabel:
        label = error_label()
        label.hide()
        return label

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

    def _precision_row(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for text, combo in ((self.tr("place"), self.geo_precision), (self.tr("date"), self.time_precision)):
            label = QLabel(text)
            label.setBuddy(combo)
            row.addWidget(label)
            row.addWidget(combo, 1)
        return box

    def _counts_grid(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for col, head in enumerate((self.tr("Peacekeepers"), self.tr("Civilians"), self.tr("Other")), start=1):
            grid.addWidget(QLabel(head), 0, col)
        for r, (kind, label) in enumerate((("killed", self.tr("Killed")), ("injured", self.tr("Injured"))), start=1):
            grid.addWidget(QLabel(label), r, 0)
            for col, who in enumerate(("peacekeepers", "civilians", "other"), start=1):
                grid.addWidget(self.counts[f"{kind}_{who}"], r, col)
        for r, name in enumerate(COUNTS, start=3):  # errors under the grid, each naming its field
            self.error_labels[name].setWordWrap(False)
            grid.addWidget(self.error_labels[name], r, 0, 1, 4)
        return box

    def _count_names(self) -> dict[str, str]:
        return {"killed_peacekeepers": self.tr("Killed, peacekeepers"), "killed_civilians": self.tr("Killed, civilians"),
                "killed_other": self.tr("Killed, other"), "injured_peacekeepers": self.tr("Injured, peacekeepers"),
                "injured_civilians": self.tr("Injured, civilians"), "injured_other": self.tr("Injured, other")}

    def _fill_subtypes(self) -> None:
        current = self.subtype.currentData()
        self.subtype.blockSignals(True)
        self.subtype.clear()
        self.subtype.addItem(self.tr("(none)"), "")
        type_id = self.type.currentData()
        if type_id:
            for s in self._taxonomy.type(type_id).subtypes:
                self.subtype.addItem(s.label.get(self._lang), s.id)
        self.subtype.setCurrentIndex(max(0, self.subtype.findData(current)))
        self.subtype.setEnabled(self.subtype.count() > 1)
        self.subtype.blockSignals(False)

    def _site_picked(self, index: int) -> None:
        position = self.site_picker.itemData(index)
        if position is not None:
            self.set_position(*position)
        self.site_picker.setCurrentIndex(0)

    def set_position(self, lat: float, lon: float) -> None:
        """A point picked on the map or a site: written as decimal degrees, as the interface writes numbers
        ("16.27170, -0.04470"; in French "16,27170 ; -0,04470")."""
        locale = self.locale()
        separator = " ; " if locale.decimalPoint() == "," else ", "
        self.location.setText(locale.toString(lat, "f", 5) + separator + locale.toString(lon, "f", 5))

    def location_text(self) -> str:
        """The location as db and geo read it: where the interface writes decimal commas, a comma between
        two digits is one ("13,12345" and "13.12345" both work); other commas separate the values."""
        text = self.location.text()
        return DECIMAL_COMMA.sub(".", text) if self.locale().decimalPoint() == "," else text

    def set_draft(self, draft: IncidentDraft) -> None:
        self._placed_at = self._rounded(self._parse(draft.location))  # the draft's names belong to its position
        self._admin = (draft.admin1, draft.admin2)
        self._suggested = self._locate(*self._placed_at).near_place if self._placed_at else ""
        self.place.setText(draft.place)
        for box, value in ((self.geo_precision, draft.geo_precision), (self.time_precision, draft.time_precision)):
            box.setCurrentIndex(max(0, box.findData(int(value) if str(value).isdigit() else 1)))
        self.occurred_on.setText(draft.occurred_on)
        self.occurred_time.setText(draft.occurred_time)
        stored = DECIMAL_DEGREES.fullmatch(draft.location)
        if stored and self.locale().decimalPoint() == ",":  # as the interface writes numbers, every digit kept
            self.location.setText(stored[1].replace(".", ",") + " ; " + stored[2].replace(".", ","))
        else:
            self.location.setText(draft.location)
        self.type.setCurrentIndex(max(0, self.type.findData(draft.type)))
        self._fill_subtypes()
        self.subtype.setCurrentIndex(max(0, self.subtype.findData(draft.subtype)))
        self.actors.setText(draft.actors)
        for name, w in self.counts.items():
            w.setText(getattr(draft, name))
        self.description.setPlainText(draft.description)
        self.notes.setPlainText(draft.notes)
        self.source.setText(draft.source)
        self.reliability.setText(draft.reliability)
        self.status.setCurrentIndex(max(0, self.status.findData(draft.status)))
        self.confirm.setChecked(False)
        self._check()

    def draft(self) -> IncidentDraft:
        return IncidentDraft(
            occurred_on=self.occurred_on.text(), occurred_time=self.occurred_time.text(),
            location=self.location_text(), place=self.place.text(), admin1=self._admin[0], admin2=self._admin[1],
            geo_precision=str(self.geo_precision.currentData()), time_precision=str(self.time_precision.currentData()),
            type=self.type.currentData() or "", subtype=self.subtype.currentData() or "",
            actors=self.actors.text(), **{n: w.text() for n, w in self.counts.items()},
            description=self.description.toPlainText(), notes=self.notes.toPlainText(), source=self.source.text(),
            reliability=self.reliability.text(), status=self.status.currentData(),
            confirmed=self.confirm.isVisibleTo(self) and self.confirm.isChecked())

    @staticmethod
    def _rounded(position) -> tuple | None:
        return None if position is None else (round(position[0], 5), round(position[1], 5))

    def _follow_position(self, valid: bool) -> None:
        """A new position brings its region's name, no cercle (no polygons ship for them), and the nearest
        named place if it is near (db.incidents.draft.NEAR_KM), unless the user typed a name of their own."""
        position = self._rounded(self._parse(self.location_text())) if valid else None
        if position is None or position == self._placed_at:
            return
        where = self._locate(*position)
        self._placed_at, self._admin = position, (where.admin1, "")
        if self.place.text().strip() in ("", self._suggested):
            self.place.setText(where.near_place)
        self._suggested = where.near_place

    def _check(self) -> None:
        unconfirmed = self._validate(IncidentDraft(**{**self.draft().__dict__, "confirmed": False}))
        doubt = next((e for e in unconfirmed if e.confirm), None)
        self.confirm.setVisible(doubt is not None)
        self.errors = self._validate(self.draft())
        by_field = {e.field: e for e in self.errors}
        if doubt is not None and doubt.field not in by_field:
            by_field[doubt.field] = doubt  # confirmed: keep the doubt in view
        count_names = self._count_names()
        for name, label in self.error_labels.items():
            error = by_field.get(name)
            text = message(error) if error else ""
            label.setText(f"{count_names[name]}: {text}" if error and name in count_names else text)
            label.setVisible(error is not None)
        self._show_where("location" not in {e.field for e in unconfirmed if not e.confirm})
        self._follow_position("location" not in {e.field for e in unconfirmed if not e.confirm})
        self.save_button.setEnabled(not self.errors)

    def _show_where(self, valid: bool) -> None:
        position = self._parse(self.location_text()) if valid else None
        self.where.setVisible(position is not None)
        if position is None:
            return
        where = self._locate(*position)
        site = self._site_names.get(where.site_id, where.site_id or "")
        parts = []
        if where.place:
            parts.append(self.tr("Nearest place: %1 (%2 km)").replace("%1", where.place).replace(
                "%2", QLocale().toString(float(where.place_km), "f", 0)))
        if site:
            parts.append(self.tr("Nearest site: %1 (%2 km)").replace("%1", site).replace("%2", QLocale().toString(float(where.site_km), "f", 1)))
        parts.append(self.tr("Region: %1").replace("%1", where.region_name.get(self._lang) or self.tr("outside Mali")))
        self.where.setText(" · ".join(parts))

    def accept(self) -> None:
        self._check()
        if self.errors:
            return
        self.saved.emit(self.draft())
        super().accept()
