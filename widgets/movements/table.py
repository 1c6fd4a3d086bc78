"""The movements table: every movement (deleted ones on request), sortable, with New, Edit, Delete, Restore and
"Route risk" (the movement's route in the route panel). Rows in through `set_rows`, intent out through signals."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class MovementRow:
    """One line of the table; texts already translated."""

    id: str
    route: str  # "Ber → Timbuktu", waypoints between
    planned_departure: date
    departed_on: date | None
    arrived_on: date | None
    status: str  # the status word (db.vocab.MOVEMENT_STATUSES)
    status_label: str
    personnel: int | None
    vehicles: int | None
    km: float | None  # the route's length (None: a site is not in the scenario)
    incidents: int  # linked incidents
    note: str
    deleted: bool = False


COLUMNS = ("route", "planned_departure", "departed_on", "arrived_on", "status", "personnel", "vehicles", "km",
           "incidents", "note")


class MovementModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[MovementRow] = []
        self.headers = {
            "route": self.tr("Route"), "planned_departure": self.tr("Planned departure"),
            "departed_on": self.tr("Departed"), "arrived_on": self.tr("Arrived"), "status": self.tr("Status"),
            "personnel": self.tr("Personnel"), "vehicles": self.tr("Vehicles"), "km": self.tr("km"),
            "incidents": self.tr("Linked incidents"), "note": self.tr("Note")}

    def set_rows(self, rows: list[MovementRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt)
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[COLUMNS[section]]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        value = getattr(row, column)
        if role == Qt.ItemDataRole.UserRole:  # the raw value, for sorting; the id in the first column's id role
            return value if value is not None else ""
        if role == Qt.ItemDataRole.UserRole + 1:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and row.deleted:
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.ToolTipRole and column in ("note", "route"):
            return value or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "status":
            return row.status_label + (self.tr(" (deleted)") if row.deleted else "")
        if isinstance(value, date):
            return QLocale().toString(value, "d MMM yyyy")
        if column == "km":
            return "—" if value is None else QLocale().toString(value, "f", 0)
        if value is None:
            return "—"
        return str(value).replace("\n", " ") if column == "note" else str(value)


class _Sorter(QSortFilterProxyModel):
    def lessThan(self, left, right) -> bool:  # noqa: N802 (Qt)
        a, b = (self.sourceModel().data(i, Qt.ItemDataRole.UserRole) for i in (left, right))
        try:
            return a < b
        except TypeError:  # a date beside an empty cell
            return (a == "") > (b == "")


class MovementTable(QWidget):
    new_requested = Signal()
    edit_requested = Signal(str)
    delete_requested = Signal(str)
    restore_requested = Signal(str)
    route_requested = Signal(str)  # the movement's route into the route panel
    movement_selected = Signal(str)  # "" when nothing is selected
    show_deleted_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = MovementModel(self)
        self.proxy = _Sorter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.setWordWrap(False)  # one line a movement; the note's whole text in its tooltip
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _: self._emit(self.edit_requested))
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.buttons = {
            "new": QPushButton(self.tr("&New movement…"), clicked=self.new_requested),
            "edit": QPushButton(self.tr("&Edit…"), clicked=lambda: self._emit(self.edit_requested)),
            "delete": QPushButton(self.tr("&Delete"), clicked=lambda: self._emit(self.delete_requested)),
            "restore": QPushButton(self.tr("Res&tore"), clicked=lambda: self._emit(self.restore_requested)),
            "route": QPushButton(self.tr("Route &risk"), clicked=lambda: self._emit(self.route_requested)),
        }
        self.buttons["route"].setToolTip(self.tr("The incidents recorded near this movement's route"))
        self.show_deleted = QCheckBox(self.tr("Show deleted"))
        self.show_deleted.toggled.connect(self.show_deleted_changed)
        bar = QHBoxLayout()
        for b in self.buttons.values():
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.show_deleted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._update_buttons()

    def set_rows(self, rows: list[MovementRow]) -> None:
        """The movements to show; the selection is kept where the movement still is."""
        kept = self.selected_id()
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(0, min(self.view.columnWidth(0), 260))
        self.view.setColumnWidth(len(COLUMNS) - 1, min(self.view.columnWidth(len(COLUMNS) - 1), 400))
        if kept:
            self.select_movement(kept)
        self._update_buttons()

    def selected_id(self) -> str:
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.data(rows[0], Qt.ItemDataRole.UserRole + 1) if rows else ""

    def selected_row(self) -> MovementRow | None:
        ident = self.selected_id()
        return next((r for r in self.model.rows if r.id == ident), None)

    def select_movement(self, movement_id: str) -> None:
        """Select (and show) a movement's row without emitting movement_selected; "" clears."""
        self.view.selectionModel().blockSignals(True)
        try:
            self.view.clearSelection()
            for i, r in enumerate(self.model.rows):
                if r.id == movement_id:
                    index = self.proxy.mapFromSource(self.model.index(i, 0))
                    self.view.selectRow(index.row())
                    self.view.scrollTo(index)
                    break
        finally:
            self.view.selectionModel().blockSignals(False)
        self.view.viewport().update()
        self._update_buttons()

    def _emit(self, signal) -> None:
        ident = self.selected_id()
        if ident:
            signal.emit(ident)

    def _selection_changed(self, *_args) -> None:
        self._update_buttons()
        self.movement_selected.emit(self.selected_id())

    def _update_buttons(self) -> None:
        row = self.selected_row()
        live = row is not None and not row.deleted
        self.buttons["edit"].setEnabled(live)
        self.buttons["delete"].setEnabled(live)
        self.buttons["restore"].setEnabled(row is not None and row.deleted)
        self.buttons["route"].setEnabled(live and row.km is not None)
