"""Every site's status on the current date, in a sortable table; overdue closures stand out. A right click on a
site asks for its menu (Record update…)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from db.vocab import SITE_STATUS_LABELS, SITE_STATUSES
from widgets.status_style import status_icon


@dataclass(frozen=True)
class Row:
    site_id: str
    name: str
    status: str
    label: str
    since: date | None
    since_text: str
    reason: str
    overdue: bool


class SiteStatusModel(QAbstractTableModel):
    COLUMNS = 4

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        """Same sites: dataChanged (keeps selection and sort); other sites: a reset."""
        if [r.site_id for r in rows] == [r.site_id for r in self.rows]:
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.COLUMNS - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Site"), self.tr("Status"), self.tr("Since"), self.tr("Reason"))[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, row.label, row.since_text, row.reason)[col]
        if role == Qt.ItemDataRole.UserRole:
            return (row.name, SITE_STATUSES.index(row.status), row.since.toordinal() if row.since else 0, row.reason)[col]
        if role == Qt.ItemDataRole.DecorationRole and col == 1:
            return status_icon(row.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.reason
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return QColor("#FBE3D6")
        if role == Qt.ItemDataRole.FontRole and row.overdue and col == 1:
            font = QFont()
            font.setBold(True)
            return font
        return None


class SitePanel(QWidget):
    site_selected = Signal(str)
    site_menu_requested = Signal(str, QPoint)  # site id, where (global): the site's context menu

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = SiteStatusModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # scenario order until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.day_label = QLabel()
        self.overdue_label = QLabel()
        self.overdue_label.setWordWrap(True)
        self.overdue_label.setStyleSheet("color: #B34700; font-weight: bold")
        self._highlighting = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.day_label)
        layout.addWidget(self.overdue_label)
        layout.addWidget(self.table, 1)

    def show_statuses(self, day: date, statuses, sites, lang: str, translate) -> None:
        """`statuses`: db.status.SiteStatus on `day`; `sites`: records.Site; `translate`: Qt's translate."""
        locale = self.locale()
        names = {s.id: s.name.get(lang) for s in sites}

        def fmt_date(d: date) -> str:
            return locale.toString(d, "d MMM yyyy")

        rows = [Row(s.site_id, names.get(s.site_id, s.site_id), s.status, translate("Status", SITE_STATUS_LABELS[s.status]),
                    s.since, fmt_date(s.since) if s.since else "", s.reason(lang, translate, fmt_date), s.overdue)
                for s in statuses]
        self.model.set_rows(rows)
        self.day_label.setText(self.tr("Site status on {0}").format(fmt_date(day)))
        overdue = [r.name for r in rows if r.overdue]
        self.overdue_label.setText(self.tr("Closure overdue: {0}").format(", ".join(overdue)) if overdue else "")
        self.overdue_label.setVisible(bool(overdue))

    def highlight(self, kind: str, ident: str) -> None:
        """Select the app's selected site (nothing else is shown here); emits nothing."""
        ids = [r.site_id for r in self.model.rows]
        self._highlighting = True
        if kind == "site" and ident in ids:
            index = self.proxy.mapFromSource(self.model.index(ids.index(ident), 0))
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        else:
            self.table.clearSelection()
        self._highlighting = False

    def _menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            site = self.model.rows[self.proxy.mapToSource(index).row()].site_id
            self.site_menu_requested.emit(site, self.table.viewport().mapToGlobal(pos))

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not self._highlighting and rows:
            self.site_selected.emit(self.model.rows[self.proxy.mapToSource(rows[0]).row()].site_id)
