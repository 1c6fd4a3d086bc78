"""The incident log as a table: filter bar, count, and a model that asks for pages lazily.

The model holds only the rows fetched so far; sorting and filtering happen in SQL, off the GUI thread: the
table says which page it wants (`page_wanted`, a PageRequest) and is given the rows (`set_page`). One page
is asked at a time; rows of an older request (a filter or sort since changed) are dropped, so the newest
wins. Until a new query's first rows arrive, the old ones stay in place.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QSignalBlocker,
    Qt,
    QTime,
    QTimer,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.incidents.queries import COLUMNS, IncidentFilter, IncidentRow
from db.vocab import GEO_PRECISION_LABELS, INCIDENT_STATUS_LABELS, TIME_PRECISION_LABELS

PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as "any"
DATE_FORMAT = "d MMM yyyy"  # in the interface language: 15 Aug 2023, 15 août 2023


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal") calls
PRECISION_LABELS = {"geo_precision": GEO_PRECISION_LABELS, "time_precision": TIME_PRECISION_LABELS}


def status_label(status: str) -> str:
    """A status in the interface language (the default locale's, set with it by app/i18n.py)."""
    lang = "fr" if QLocale().language() == QLocale.Language.French else "en"
    return INCIDENT_STATUS_LABELS[status].get(lang) if status in INCIDENT_STATUS_LABELS else status


def _headers() -> tuple[str, ...]:
    return (translate("IncidentTable", "Date"), translate("IncidentTable", "Time (UTC)"),
            translate("IncidentTable", "Type"), translate("IncidentTable", "Sub-type"),
            translate("IncidentTable", "Region"), translate("IncidentTable", "Nearest site"),
            translate("IncidentTable", "km"), translate("IncidentTable", "Place"),
            translate("IncidentTable", "Place precision"), translate("IncidentTable", "Date precision"),
            translate("IncidentTable", "Killed"),
            translate("IncidentTable", "Injured"), translate("IncidentTable", "Status"),
            translate("IncidentTable", "Reliability"), translate("IncidentTable", "Description"),
            translate("IncidentTable", "Author"), translate("IncidentTable", "Updated (UTC)"))


@dataclass(frozen=True)
class PageRequest:
    """Rows the table wants: `limit` rows from `offset` of the log filtered and sorted so. `generation` tells
    an answer to an older request (before the filter or the sort changed) from the current one."""

    generation: int
    filter: IncidentFilter
    sort_column: str
    descending: bool
    offset: int
    limit: int


class IncidentTableModel(QAbstractTableModel):
    """Rows of the log, asked PAGE at a time (`rows_wanted`) and given (`add_rows`), one request at a time."""

    sort_changed = Signal(str, bool)  # column name, descending
    rows_wanted = Signal(int, str, bool, int, int)  # generation, sort column, descending, offset, limit
    rows_arrived = Signal(bool)  # True: a new query's first rows replaced the old ones

    def __init__(self, parent=None):
        super().__init__(parent)
        self.refreshing = False  # a reset that keeps the rows in place (views keep their scroll position)
        self._rows: list[IncidentRow] = []
        self._more = False
        self._generation = 0
        self._pending: tuple | None = None  # generation, offset, limit, replaces the rows, refreshing
        self._sort = ("occurred_on", True)
        self._labels: dict[str, dict[str, str]] = {}
        self._headers = _headers()
        self._numeric = {COLUMNS.index(c) for c in ("site_km", "killed", "injured")}

    def restart(self, keep: int = 0, refreshing: bool = False) -> None:
        """Ask for a new query's first rows (at least `keep`: after an edit, as many as were loaded); the old
        rows stay until they arrive. `refreshing`: the same query again (the view keeps its scroll)."""
        self._generation += 1
        self._want(0, max(PAGE, keep), replace=True, refreshing=refreshing)

    def _want(self, offset: int, limit: int, replace: bool = False, refreshing: bool = False) -> None:
        self._pending = (self._generation, offset, limit, replace, refreshing)
        self.rows_wanted.emit(self._generation, *self._sort, offset, limit)

    @property
    def waiting(self) -> bool:
        """A request is out and its rows have not arrived."""
        return self._pending is not None

    def add_rows(self, generation: int, offset: int, rows: list[IncidentRow]) -> bool:
        """The rows of a request; False (and nothing changes) for an older or unknown one."""
        if self._pending is None or self._pending[:2] != (generation, offset):
            return False
        _, _, limit, replace, refreshing = self._pending
        self._pending = None
        self._more = len(rows) == limit
        if replace:
            self.refreshing = refreshing
            try:
                self.beginResetModel()
                self._rows = list(rows)
                self.endResetModel()
            finally:
                self.refreshing = False
        elif rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.rows_arrived.emit(replace)
        return True

    def set_labels(self, labels: dict[str, dict[str, str]]) -> None:
        """Display names per column: {"type": {id: label}, "region": {...}, ...}."""
        self._labels = labels
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    @property
    def labels(self) -> dict[str, dict[str, str]]:
        return self._labels

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self._more and self._pending is None

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._want(len(self._rows), PAGE)

    def load_until(self, row: int) -> bool:
        """Ask for the rows up to `row` (one request); False when they are loaded already or do not exist."""
        if row < len(self._rows) or not self._more or self._pending is not None:
            return False
        self._want(len(self._rows), (row // PAGE + 1) * PAGE - len(self._rows))
        return True

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = (COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if key != self._sort and 0 <= column < len(COLUMNS):
            self._sort = key
            self.restart()
            self.sort_changed.emit(*key)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        name = COLUMNS[index.column()]
        value = getattr(row, name)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(name, value)
        if role == Qt.ItemDataRole.UserRole:
            return value if isinstance(value, (str, int, float, bool)) or value is None else value.isoformat()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and name == "description":
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.deleted:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def _text(self, name: str, value) -> str:
        if value is None:
            return ""
        locale = QLocale()
        if name == "occurred_time":
            return value.strftime("%H:%M")
        if name == "updated_at":
            return locale.toString(QDateTime(QDate(value.date()), QTime(value.hour, value.minute),
                                             QTimeZone.utc()), DATE_FORMAT + " HH:mm")
        if name == "site_km":
            return locale.toString(float(value), "f", 1)
        if name == "status":
            return status_label(value)
        if name in PRECISION_LABELS:
            return translate("Precision", PRECISION_LABELS[name].get(value, str(value)))
        if name == "description":
            return value.splitlines()[0] if value else ""
        if name in self._labels:
            return self._labels[name].get(value, value)
        if isinstance(value, date):
            return locale.toString(value, DATE_FORMAT)
        return locale.toString(value) if isinstance(value, int) else str(value)

    def id_at(self, row: int) -> str:
        return self._rows[row].id if 0 <= row < len(self._rows) else ""

    def row_at(self, row: int) -> IncidentRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, incident_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == incident_id), -1)



class IncidentTable(QWidget):
    """Filter bar, count and table of the incident log."""

    filter_changed = Signal(object)  # IncidentFilter
    incident_selected = Signal(str)  # id, "" when nothing is selected
    incident_activated = Signal(str)  # double-click or Enter: edit it
    page_wanted = Signal(object)  # PageRequest: answer it off the GUI thread with set_page(request, rows)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._selecting: str | None = None  # an incident to select once its page arrives
        self._timeline_date: date | None = None
        self._selected = ""
        self.model = IncidentTableModel(self)
        self.date_from, self.date_to = self._date_edit(), self._date_edit()
        self.until_cursor = QCheckBox(self.tr("Up to the timeline's date"))
        self.type_box, self.region_box, self.site_box, self.status_box = (QComboBox() for _ in range(4))
        self.text = QLineEdit(placeholderText=self.tr("Search description, actors, notes, source, place"))
        self.text.setToolTip(self.tr("Finds incidents where every word typed starts a word of the description, "
                                     "actors, notes or source, in any order, ignoring case and accents; "
                                     "or the start of an incident id."))
        self.text.setClearButtonEnabled(True)
        self.show_deleted = QCheckBox(self.tr("Show deleted"))
        self.count_label = QLabel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        widths = {"occurred_on": 90, "occurred_time": 80, "type": 170, "subtype": 130, "region": 95,
                  "site_id": 110, "site_km": 50, "killed": 55, "injured": 60, "status": 80, "reliability": 75,
                  "description": 320, "author": 80}
        metrics = self.view.horizontalHeader().fontMetrics()
        for name, width in widths.items():  # at least the header's text (French headers are longer)
            column = COLUMNS.index(name)
            text = self.model.headerData(column, Qt.Orientation.Horizontal)
            self.view.horizontalHeader().resizeSection(column, max(width, metrics.horizontalAdvance(text) + 24))

        bar1, bar2 = QHBoxLayout(), QHBoxLayout()
        for label, w in ((self.tr("From"), self.date_from), (self.tr("to"), self.date_to)):
            bar1.addWidget(QLabel(label, buddy=w))
            bar1.addWidget(w)
        bar1.addWidget(self.until_cursor)
        bar1.addWidget(self.text, 1)
        for w in (self.type_box, self.region_box, self.site_box, self.status_box):
            bar2.addWidget(w, 1)
        bar2.addWidget(self.show_deleted)
        bar2.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar1)
        layout.addLayout(bar2)
        layout.addWidget(self.view, 1)

        self._text_timer = QTimer(self, singleShot=True, interval=150)
        self._text_timer.timeout.connect(self._apply)
        self.text.textChanged.connect(self._text_timer.start)
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(self._apply)
        for w in (self.type_box, self.region_box, self.site_box, self.status_box):
            w.currentIndexChanged.connect(self._apply)
        for w in (self.until_cursor, self.show_deleted):
            w.toggled.connect(self._apply)
        self.model.rows_wanted.connect(self._rows_wanted)
        self.model.rows_arrived.connect(self._rows_arrived)
        # A new query starts at the top: a view left at the bottom would fetch a second page at once.
        self.model.modelAboutToBeReset.connect(lambda: None if self.model.refreshing else self.view.scrollToTop())
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(lambda index: self.incident_activated.emit(self.model.id_at(index.row())))
        self.view.activated.connect(lambda index: self.incident_activated.emit(self.model.id_at(index.row())))
        self.set_choices([], [], [])
        self._filter = self.current_filter()

    def _date_edit(self) -> QDateEdit:
        w = QDateEdit(calendarPopup=True, displayFormat=DATE_FORMAT)
        w.setMinimumDate(NO_DATE)
        w.setSpecialValueText(self.tr("any"))
        w.setDate(NO_DATE)
        return w

    def set_choices(self, types, regions, sites) -> None:
        """Filter choices as (id, label) pairs; labels are also shown in the table."""
        statuses = [(k, status_label(k)) for k in INCIDENT_STATUS_LABELS]
        with QSignalBlocker(self.type_box), QSignalBlocker(self.region_box), QSignalBlocker(self.site_box), \
                QSignalBlocker(self.status_box):
            for box, everything, items in ((self.type_box, self.tr("All types"), types),
                                           (self.region_box, self.tr("All regions"), regions),
                                           (self.site_box, self.tr("All sites"), sites),
                                           (self.status_box, self.tr("All statuses"), statuses)):
                box.clear()
                box.addItem(everything, None)
                for ident, label in items:
                    box.addItem(label, ident)
        self.model.set_labels({"type": dict(types), "region": dict(regions), "site_id": dict(sites)})

    def set_labels(self, labels: dict[str, dict[str, str]]) -> None:
        """Extra display names, e.g. {"subtype": {id: label}}."""
        self.model.set_labels({**self.model.labels, **labels})

    def start(self) -> None:
        """Ask for the first page, once `page_wanted` is connected to what answers it."""
        self._apply(force=True)

    def _rows_wanted(self, generation: int, column: str, descending: bool, offset: int, limit: int) -> None:
        self.page_wanted.emit(PageRequest(generation, self._filter, column, descending, offset, limit))

    def set_page(self, request: PageRequest, rows: list[IncidentRow]) -> None:
        """The rows of a page asked for (rows of an older request are dropped)."""
        self.model.add_rows(request.generation, request.offset, rows)

    def _rows_arrived(self, replaced: bool) -> None:
        if self._selecting is not None:
            ident, self._selecting = self._selecting, None
            self.select_incident(ident)
        elif replaced:
            self._reselect()

    def set_timeline_date(self, day: date) -> None:
        self._timeline_date = day
        if self.until_cursor.isChecked():
            self._apply()

    def set_count(self, n: int) -> None:
        self.count_label.setText(self.tr("%n incident(s)", "", n))

    def current_filter(self) -> IncidentFilter:
        def day(w):
            return None if w.date() == NO_DATE else w.date().toPython()

        def one(box):
            return () if box.currentData() is None else (box.currentData(),)

        date_to = day(self.date_to)
        if self.until_cursor.isChecked() and self._timeline_date is not None:
            date_to = min(d for d in (date_to, self._timeline_date) if d is not None)
        return IncidentFilter(day(self.date_from), date_to, one(self.type_box), one(self.region_box),
                              one(self.site_box), one(self.status_box), self.text.text().strip(),
                              self.show_deleted.isChecked())

    @property
    def filter(self) -> IncidentFilter:
        return self._filter

    def set_filter_text(self, text: str) -> None:
        """Search now (no typing delay)."""
        self.text.setText(text)
        self._text_timer.stop()
        self._apply()

    def _apply(self, *_, force: bool = False) -> None:
        f = self.current_filter()
        if f == self._filter and not force:
            return
        self._filter = f
        self.model.restart()
        self.filter_changed.emit(f)

    def refresh(self) -> None:
        """Ask the query again after a write, keeping the rows loaded, the scroll and the selection."""
        self.model.restart(keep=self.model.rowCount(), refreshing=True)

    def selected_id(self) -> str:
        return self._selected

    def selected_row(self) -> IncidentRow | None:
        """The selected incident's line as the table holds it (None: nothing selected, or not loaded)."""
        found = self.model.row_of(self._selected) if self._selected else -1
        return self.model.row_at(found)

    def select_incident(self, incident_id: str, row: int | None = None) -> None:
        """Select (and scroll to) an incident; `row` is its position in the sorted, filtered log (its page is
        asked for first when it is not loaded: the incident is selected when it arrives)."""
        if row is not None and row >= self.model.rowCount():
            self._selecting = incident_id  # before asking: the rows may come at once
            if self.model.load_until(row):
                return
        self._selecting = None
        found = self.model.row_of(incident_id) if incident_id else -1
        with QSignalBlocker(self.view.selectionModel()):
            if found < 0:
                self.view.clearSelection()
                self.view.selectionModel().clearCurrentIndex()
            else:
                self.view.selectRow(found)
                self.view.scrollTo(self.model.index(found, 0))
        self._selected = incident_id if found >= 0 else ""
        self.view.viewport().update()

    def _reselect(self) -> None:
        """After new rows: select the same incident again, or say it is no longer shown."""
        before = self._selected
        self.select_incident(before)
        if before and not self._selected:
            self.incident_selected.emit("")

    def _current_changed(self, current: QModelIndex, _previous) -> None:
        self._selected = self.model.id_at(current.row()) if current.isValid() else ""
        self.incident_selected.emit(self._selected)
