"""Record update… / Edit record…: what happened at a site, checked as you type (the one validator of site
records, given by app/), each error next to its field, Save disabled while one stands.

Keyboard only: fields in reading order, Enter (Ctrl+Enter in the note) saves, Esc cancels. The date is
today's by default; the cursor's date is one click away.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.sites.draft import SiteRecordDraft
from db.vocab import COUNTED_KINDS, PERSONNEL, PERSONNEL_LABELS, SITE_RECORD_KINDS, SITE_RECORD_LABELS
from widgets.field_errors import error_label

FIELDS = ("site", "kind", "date", "value", "category", "source", "reliability", "note")
Problem = tuple[str, str, bool]  # field, message (translated), a doubt the user may confirm


class RecordDialog(QDialog):
    """Edits one SiteRecordDraft for one site. `check(draft)` gives its problems; `saved` carries the draft."""

    saved = Signal(object)  # SiteRecordDraft

    def __init__(self, site_id: str, site_name: str, check: Callable[[SiteRecordDraft], list[Problem]],
                 today: date, cursor: date, draft: SiteRecordDraft | None = None, parent=None):
        super().__init__(parent)
        self.editing = draft is not None
        self.setWindowTitle((self.tr("Edit the record of {0}") if self.editing else
                             self.tr("Record an update of {0}")).format(site_name))
        self.setMinimumWidth(520)
        self.site_id, self._check, self._today, self._cursor = site_id, check, today, cursor
        self.problems: list[Problem] = []
        self._build()
        self._connect()
        self.set_draft(draft or SiteRecordDraft(site=site_id, kind="handover", date=today.isoformat()))
        self.kind.setFocus()

    def _build(self) -> None:
        self.kind = QComboBox()
        for kind in SITE_RECORD_KINDS:
            self.kind.addItem(QCoreApplication.translate("SiteRecord", SITE_RECORD_LABELS[kind]), kind)
        self.hint = QLabel(wordWrap=True, styleSheet="color: #555555;")
        self.date = QLineEdit(placeholderText=self.tr("YYYY-MM-DD"))
        locale = QLocale()
        self.today_button = QPushButton(self.tr("&Today"))
        self.cursor_button = QPushButton(self.tr("&Cursor date ({0})").format(locale.toString(self._cursor, "d MMM yyyy")))
        for b in (self.today_button, self.cursor_button):
            b.setAutoDefault(False)  # Enter still saves
        self.value = QLineEdit(maximumWidth=110)
        self.category = QComboBox()
        for c in PERSONNEL:
            self.category.addItem(QCoreApplication.translate("Personnel", PERSONNEL_LABELS[c]), c)
        self.correction = QCheckBox(self.tr("This corrects an earlier, higher figure"))
        self.source = QLineEdit(placeholderText=self.tr("Who reported it, e.g. radio Goundam (sensitive)"))
        self.reliability = QLineEdit(placeholderText=self.tr("e.g. B2"), maxLength=2, maximumWidth=70)
        self.reliability.setToolTip(self.tr("Admiralty code: source reliability A-F, information credibility 1-6"))
        self.note = QPlainTextEdit(tabChangesFocus=True)
        self.note.setFixedHeight(64)
        self.note.setPlaceholderText(self.tr("Sensitive: who received the site, why the date moved…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.errors = {name: error_label() for name in FIELDS}
        for label in self.errors.values():
            label.hide()

        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        for w in (self.date, self.today_button, self.cursor_button):
            dates.addWidget(w)
        self.form = QFormLayout()
        self.form.addRow(self.tr("&What"), self._with_error("kind", self.kind, self.hint))
        self.form.addRow(self.tr("&Date (UTC)"), self._with_error("date", dates))
        self.form.addRow(self.tr("&Number"), self._with_error("value", self.value, self.correction))
        self.form.addRow(self.tr("C&ategory"), self._with_error("category", self.category))
        self.form.addRow(self.tr("&Source"), self._with_error("source", self.source))
        self.form.addRow(self.tr("&Reliability"), self._with_error("reliability", self.reliability))
        self.form.addRow(self.tr("N&ote"), self._with_error("note", self.note))
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors["site"])
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        order = [self.kind, self.date, self.today_button, self.cursor_button, self.value, self.correction,
                 self.category, self.source, self.reliability, self.note, self.save_button,
                 self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for a, b in zip(order, order[1:]):
            QWidget.setTabOrder(a, b)

    def _with_error(self, name: str, field, *extra) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        if isinstance(field, QHBoxLayout):
            col.addLayout(field)
        else:
            col.addWidget(field)
        col.addWidget(self.errors[name])
        for w in extra:
            col.addWidget(w)
        return box

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, activated=self.accept)
        self.today_button.clicked.connect(lambda: self.date.setText(self._today.isoformat()))
        self.cursor_button.clicked.connect(lambda: self.date.setText(self._cursor.isoformat()))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.category.currentIndexChanged.connect(self._refresh)
        for w in (self.date, self.value, self.source, self.reliability):
            w.textChanged.connect(self._refresh)
        self.note.textChanged.connect(self._refresh)
        self.correction.toggled.connect(self._refresh)

    def _hints(self) -> dict[str, str]:
        return {
            "handover": self.tr("The site was handed over to the authorities on this date; who received it goes "
                                "in the note."),
            "handover-planned": self.tr("The handover is now planned for this date (it may be in the future); the "
                                        "reason goes in the note."),
            "closure-started": self.tr("The closure (the first movement out) began on this date."),
            "rear-party": self.tr("A rear party took over the site on this date."),
            "reduced": self.tr("The site's footprint was reduced on this date."),
            "liquidation-hub": self.tr("The site became a liquidation hub on this date."),
            "returned": self.tr("The site was returned to the government on this date."),
            "repatriated": self.tr("How many personnel of a category the mission had repatriated in all, as of "
                                   "this date."),
        }

    def _kind_changed(self) -> None:
        counted = self.kind.currentData() in COUNTED_KINDS
        self.form.setRowVisible(2, counted)
        self.form.setRowVisible(3, counted)
        self.hint.setText(self._hints().get(self.kind.currentData(), ""))
        self._refresh()

    def set_draft(self, draft: SiteRecordDraft) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind)))
        self.date.setText(draft.date)
        self.value.setText(draft.value)
        self.category.setCurrentIndex(max(0, self.category.findData(draft.category)))
        self.source.setText(draft.source)
        self.reliability.setText(draft.reliability)
        self.note.setPlainText(draft.note)
        self.correction.setChecked(draft.correction and self.editing)
        self._kind_changed()

    def draft(self) -> SiteRecordDraft:
        counted = self.kind.currentData() in COUNTED_KINDS
        return SiteRecordDraft(site=self.site_id, kind=self.kind.currentData(), date=self.date.text(),
                               value=self.value.text() if counted else "",
                               category=self.category.currentData() if counted else "",
                               source=self.source.text(), reliability=self.reliability.text(),
                               note=self.note.toPlainText(),
                               correction=self.correction.isVisibleTo(self) and self.correction.isChecked())

    def _refresh(self) -> None:
        unconfirmed = self._check(SiteRecordDraft(**{**self.draft().__dict__, "correction": False}))
        doubt = next((p for p in unconfirmed if p[2]), None)
        self.correction.setVisible(doubt is not None)
        self.problems = self._check(self.draft())
        by_field = {field: text for field, text, _confirm in self.problems}
        if doubt is not None and doubt[0] not in by_field:
            by_field[doubt[0]] = doubt[1]  # confirmed: the doubt stays in view
        for name, label in self.errors.items():
            label.setText(by_field.get(name, ""))
            label.setVisible(name in by_field)
        self.save_button.setEnabled(not self.problems)
        needed = self.layout().totalHeightForWidth(self.width())
        if needed > self.height():  # an error that takes two lines: grow rather than squeeze the fields
            self.resize(self.width(), needed)

    def accept(self) -> None:
        self._refresh()
        if self.problems:
            return
        self.saved.emit(self.draft())
        super().accept()
