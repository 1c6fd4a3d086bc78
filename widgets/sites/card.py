"""A site's card: its status on the current date, why, its closure window and handover, where its
people went, what was recorded there (Record update…, and the site's records with edit, delete and restore),
and the incidents around it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from widgets.sites.history import HistoryRow, SiteHistory


@dataclass(frozen=True)
class CardIncident:
    id: str
    day: date
    label: str  # incident type, translated
    km: float
    casualties: int


@dataclass(frozen=True)
class CardMovement:
    id: str
    text: str  # one line, translated: direction, the other site, dates, status


@dataclass(frozen=True)
class SiteCardData:
    """Texts are already translated; dates are formatted by the card."""

    site_id: str
    name: str
    kind: str
    day: date
    status: str
    since: date | None
    reason: str
    window: str  # closure window's phase name; "" if none planned
    window_start: date | None
    window_end: date | None
    planned_handover: date | None
    confirmed_handover: date | None  # known by `day`
    redeployed_to: tuple[str, ...]
    radius_km: int
    incidents: tuple[CardIncident, ...]  # within the radius, newest first
    incident_total: int  # may exceed len(incidents) (the list is capped)


class SiteCard(QWidget):
    radius_changed = Signal(int)
    incident_activated = Signal(str)
    record_requested = Signal(str)  # Record update… for the site shown
    movement_activated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self._scale_title()
        self.kind = QLabel()
        self.fields = {key: QLabel() for key in ("status", "since", "reason", "window", "planned", "confirmed",
                                                 "redeployed")}
        for label in self.fields.values():
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.radius = QSpinBox()
        self.radius.setRange(1, 1000)
        self.radius.setSuffix(self.tr(" km"))
        self.radius.setKeyboardTracking(False)
        self.radius.valueChanged.connect(self.radius_changed)
        self.count = QLabel()
        self.incidents = QListWidget()
        self.incidents.setWordWrap(True)
        self.incidents.itemActivated.connect(
            lambda item: self.incident_activated.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.record_button = QPushButton(self.tr("&Record update…"))
        self.record_button.setToolTip(self.tr("Record what happened at this site: a handover, a new date, a role, "
                                              "personnel repatriated"))
        self.record_button.clicked.connect(lambda: self.record_requested.emit(self.site_id))
        self.history = SiteHistory()
        self.movements_title = QLabel(self.tr("Movements in and out:"))
        self.movements = QListWidget()
        self.movements.setWordWrap(True)
        self.movements.setMaximumHeight(110)
        self.movements.itemActivated.connect(
            lambda item: self.movement_activated.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.empty = QLabel(self.tr("Click a site on the map to see its card."))
        self.empty.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Status:"), self.fields["status"])
        form.addRow(self.tr("Since:"), self.fields["since"])
        form.addRow(self.tr("Why:"), self.fields["reason"])
        form.addRow(self.tr("Closure window:"), self.fields["window"])
        form.addRow(self.tr("Handover planned:"), self.fields["planned"])
        form.addRow(self.tr("Handover confirmed:"), self.fields["confirmed"])
        form.addRow(self.tr("Redeployed to:"), self.fields["redeployed"])
        form.addRow(self.tr("Incidents within:"), self.radius)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        for w in (self.title, self.kind):
            body.addWidget(w)
        body.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignLeft)
        body.addLayout(form)
        body.addWidget(self.history)
        body.addWidget(self.movements_title)
        body.addWidget(self.movements)
        body.addWidget(self.count)
        body.addWidget(self.incidents, 1)
        scroll = QScrollArea()  # a narrow or short dock scrolls the card rather than cutting it
        scroll.setWidget(self.body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        self.site_id = ""
        self.clear()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.FontChange:  # the interface zoom or theme changed
            self._scale_title()
        super().changeEvent(event)

    def _scale_title(self) -> None:
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)

    def clear(self) -> None:
        self.site_id = ""
        self.scroll.hide()
        self.empty.show()

    def show_site(self, card: SiteCardData) -> None:
        self.site_id = card.site_id
        fmt = self._date
        self.title.setText(card.name)
        self.kind.setText(card.kind)
        values = {
            "status": self.tr("{0}, as of {1}").format(card.status, fmt(card.day)),
            "since": fmt(card.since) if card.since else self.tr("—"),
            "reason": card.reason,
            "window": self.tr("{0}: {1} to {2}").format(card.window, fmt(card.window_start), fmt(card.window_end))
            if card.window else self.tr("none planned"),
            "planned": fmt(card.planned_handover) if card.planned_handover else self.tr("—"),
            "confirmed": fmt(card.confirmed_handover) if card.confirmed_handover else self.tr("not confirmed"),
            "redeployed": ", ".join(card.redeployed_to) or self.tr("—"),
        }
        for key, text in values.items():
            self.fields[key].setText(text)
        self.radius.blockSignals(True)
        self.radius.setValue(card.radius_km)
        self.radius.blockSignals(False)
        self.count.setText(self.tr("%n incident(s) up to this date", "", card.incident_total))
        self.incidents.clear()
        for inc in card.incidents:
            item = QListWidgetItem(self.tr("{0}  {1}, {2} km, {3} killed or injured").format(
                fmt(inc.day), inc.label, QLocale().toString(inc.km, "f", 0), QLocale().toString(inc.casualties)))
            item.setData(Qt.ItemDataRole.UserRole, inc.id)
            self.incidents.addItem(item)
        self.empty.hide()
        self.scroll.show()
        self._fit_wrapped()

    def show_movements(self, movements: tuple[CardMovement, ...]) -> None:
        """The movements leaving and reaching the site shown (none: the list says so)."""
        self.movements.clear()
        for m in movements:
            item = QListWidgetItem(m.text)
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.movements.addItem(item)
        if not movements:
            self.movements.addItem(QListWidgetItem(self.tr("none recorded")))
        rows = max(1, len(movements))
        self.movements.setMaximumHeight(min(110, rows * self.movements.sizeHintForRow(0) + 6))

    def show_records(self, rows: list[HistoryRow]) -> None:
        """The site's records, newest first (the controller gives those of the site shown)."""
        self.history.set_records(rows)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._fit_wrapped()

    def _fit_wrapped(self) -> None:
        """Give each wrapped value the height of all its lines (the form in a dock only asks for one)."""
        for label in self.fields.values():
            height = label.heightForWidth(label.width()) if label.width() > 0 else -1
            label.setMinimumHeight(max(height, 0))

    def text(self) -> str:
        """Everything the card shows, as plain text (for copying and for tests)."""
        lines = [self.title.text(), self.kind.text()] + [w.text() for w in self.fields.values()]
        lines += [self.history.heading.text(), *self.history.lines()]
        lines += [self.movements_title.text()] + [self.movements.item(i).text() for i in range(self.movements.count())]
        lines += [self.count.text()] + [self.incidents.item(i).text() for i in range(self.incidents.count())]
        return "\n".join(lines)

    @staticmethod
    def _date(day: date | None) -> str:
        return QLocale().toString(day, "d MMMM yyyy") if day else ""
