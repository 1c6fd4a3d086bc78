"""The route risk panel: two routes, A and B, side by side, each with its title, its profile strip and the list of
the incidents recorded near it by distance along it (a double click opens one's record).

A route is made here from sites picked in order, from a movement, by clicking positions on the map, or from a
line of a map layer (the last two ask the app, which answers with `show_route`). The options (corridor, days,
stretch, half-life) apply to both routes. Data in through setters, intent out through signals.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from db.incidents.near_route import LIMITS, RouteOptions
from widgets.route_style import SLOT_COLORS
from widgets.routes.profile import ProfileBar, ProfileStrip

SLOTS = ("A", "B")


@dataclass(frozen=True)
class ListedIncident:
    id: str
    km_along: float
    day: date
    type_label: str  # translated
    km_off: float
    killed: int
    injured: int
    place: str


@dataclass(frozen=True)
class RouteView:
    """What a route's column shows; texts translated."""

    title: str  # e.g. "A: Ber → Timbuktu, 51 km"
    summary: str  # "Incidents recorded near this route: ..."
    bars: tuple[ProfileBar, ...]
    incidents: tuple[ListedIncident, ...]


class _IncidentModel(QAbstractTableModel):
    """The incidents near a route, by distance along it (a model: thousands of rows cost nothing to show)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: tuple[ListedIncident, ...] = ()
        self.headers = (self.tr("km"), self.tr("Date"), self.tr("Type"), self.tr("km off"), self.tr("Killed / injured"),
                        self.tr("Place"))

    def set_rows(self, rows: tuple[ListedIncident, ...]) -> None:
        self.beginResetModel()
        self.rows = tuple(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt)
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        x, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.UserRole:
            return x.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        locale = QLocale()
        return (locale.toString(x.km_along, "f", 1), locale.toString(x.day, "d MMM yyyy"), x.type_label,
                locale.toString(x.km_off, "f", 1), f"{x.killed} / {x.injured}", x.place)[column]


class _Column(QWidget):
    """One route's title, profile strip and incident list."""

    def __init__(self, slot: str, parent=None):
        super().__init__(parent)
        self.slot = slot
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet(f"font-weight: bold; color: {SLOT_COLORS[slot]};")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.profile = ProfileStrip()
        self.model = _IncidentModel(self)
        self.list = QTableView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.verticalHeader().hide()
        self.list.verticalHeader().setDefaultSectionSize(self.list.fontMetrics().height() + 6)  # compact rows
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.setWordWrap(False)
        self._sized = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.profile, 2)
        layout.addWidget(self.list, 4)
        self.clear()

    def clear(self) -> None:
        self.title.setText(self.tr("Route {0}: none yet").format(self.slot))
        self.summary.setText(self.tr("Pick sites in order, a movement, positions on the map or a line of a map "
                                     "layer."))
        self.profile.set_bars([])
        self.model.set_rows(())

    def show_view(self, view: RouteView, top: float | None) -> None:
        self.title.setText(view.title)
        self.summary.setText(view.summary)
        self.profile.set_bars(list(view.bars), top)
        self.model.set_rows(view.incidents)
        if view.incidents and not self._sized:  # sized to the first rows once (not at every date)
            self.list.resizeColumnsToContents()
            self._sized = True


class RoutePanel(QWidget):
    slot_changed = Signal(str)  # "A" or "B": the route the buttons below make
    sites_chosen = Signal(str, list)  # slot, site ids in travel order (two or more)
    movement_chosen = Signal(str, str)  # slot, movement id
    draw_requested = Signal(str)  # slot: click positions on the map
    layer_line_requested = Signal(str)  # slot: click a line of a map layer
    clear_requested = Signal(str)
    options_changed = Signal(object)  # RouteOptions
    step_requested = Signal(int)  # days: move the current date (the map and the routes follow)
    incident_activated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._picked: dict[str, list[str]] = {s: [] for s in SLOTS}
        self._names: dict[str, str] = {}
        self._views: dict[str, RouteView] = {}
        self.slot = "A"
        self._build_controls()
        self.columns = {s: _Column(s) for s in SLOTS}
        for column in self.columns.values():  # one click (or Enter) on a row: its incident, selected everywhere
            for signal in (column.list.clicked, column.list.activated):
                signal.connect(lambda index: self.incident_activated.emit(index.data(Qt.ItemDataRole.UserRole)))
        body = QHBoxLayout()
        for column in self.columns.values():
            body.addWidget(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(self._rows)
        layout.addLayout(body, 1)

    def _build_controls(self) -> None:
        self.slot_buttons = QButtonGroup(self)
        slot_row = QHBoxLayout()
        slot_row.setSpacing(2)
        for s in SLOTS:
            b = QToolButton(text=s, checkable=True, toolTip=self.tr("The buttons make route {0}").format(s))
            b.setChecked(s == "A")
            self.slot_buttons.addButton(b)
            slot_row.addWidget(b)
            b.toggled.connect(lambda on, s=s: on and self._set_slot(s))
        self.site_picker = QComboBox(toolTip=self.tr("Add a site to the route, in travel order"))
        self.site_picker.activated.connect(self._site_picked)
        self.movement_picker = QComboBox(toolTip=self.tr("The route of a recorded movement"))
        self.movement_picker.activated.connect(self._movement_picked)
        self.draw = QPushButton(self.tr("&Draw on map"), toolTip=self.tr(
            "Click the route's points on the map; Enter or Esc ends it"))
        self.draw.clicked.connect(lambda: self.draw_requested.emit(self.slot))
        self.layer_line = QPushButton(self.tr("Line of a map &layer"), toolTip=self.tr(
            "Click a line of a layer you added (roads from the GIS unit)"))
        self.layer_line.clicked.connect(lambda: self.layer_line_requested.emit(self.slot))
        self.clear_button = QPushButton(self.tr("&Clear"), toolTip=self.tr("Take this route off"))
        self.clear_button.clicked.connect(self._clear)
        defaults = RouteOptions()
        self.options = {
            "buffer_km": self._spin(QDoubleSpinBox, defaults.buffer_km, "buffer_km", self.tr(" km"), 1),
            "days": self._spin(QSpinBox, defaults.days, "days", self.tr(" days")),
            "step_km": self._spin(QDoubleSpinBox, defaults.step_km, "step_km", self.tr(" km"), 0),
            "half_life_days": self._spin(QDoubleSpinBox, defaults.half_life_days, "half_life_days", self.tr(" days"),
                                         1),
        }
        for box in (self.site_picker, self.movement_picker):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(14)
        self.options_button = QToolButton(text=self.tr("&Options"), toolTip=self.tr(
            "Corridor, days, stretches and half-life (both routes)"))
        self.options_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._rows = QGridLayout()
        first = QHBoxLayout()
        first.addWidget(QLabel(self.tr("Route")))
        first.addLayout(slot_row)
        for w in (self.site_picker, self.movement_picker):
            first.addWidget(w, 1)
        second = QHBoxLayout()
        for w in (self.draw, self.layer_line, self.clear_button, self.options_button):
            second.addWidget(w)
        second.addStretch(1)
        self.date_label = QLabel()
        second.addWidget(self.date_label)
        for days, text, tip in ((-7, "◀◀", self.tr("One week earlier")), (-1, "◀", self.tr("One day earlier")),
                                (1, "▶", self.tr("One day later")), (7, "▶▶", self.tr("One week later"))):
            b = QToolButton(text=text, toolTip=tip)
            b.clicked.connect(lambda _=False, d=days: self.step_requested.emit(d))
            second.addWidget(b)
        grid = QGridLayout()
        for n, (text, name, tip) in enumerate((
                (self.tr("Corridor ±"), "buffer_km", self.tr("Incidents within this distance of the route "
                                                            "(on the ellipsoid), either side")),
                (self.tr("Last"), "days", self.tr("Incidents of these days, up to the current date")),
                (self.tr("Stretches of"), "step_km", self.tr("The route is weighed stretch by stretch")),
                (self.tr("Half-life"), "half_life_days", self.tr("An incident this many days old weighs half")))):
            label = QLabel(text)
            label.setBuddy(self.options[name])
            self.options[name].setToolTip(tip)
            grid.addWidget(label, n, 0)
            grid.addWidget(self.options[name], n, 1)
        popup = QWidget()
        popup.setLayout(grid)
        menu = QMenu(self.options_button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(popup)
        menu.addAction(holder)
        self.options_button.setMenu(menu)
        self._rows.addLayout(first, 0, 0)
        self._rows.addLayout(second, 1, 0)

    def _spin(self, kind, value, name: str, suffix: str, decimals: int | None = None):
        low, high = LIMITS[name]
        box = kind()
        if decimals is not None:
            box.setDecimals(decimals)
        box.setRange(low, high)
        box.setValue(value)
        box.setSuffix(suffix)
        box.setKeyboardTracking(False)
        box.valueChanged.connect(lambda _: self.options_changed.emit(self.route_options()))
        return box

    # ---------------------------------------------------------------- setters

    def set_sites(self, sites: list[tuple[str, str]]) -> None:
        """(id, name) of the sites a route may be picked from, in the scenario's order."""
        self._names = dict(sites)
        with QSignalBlocker(self.site_picker):
            self.site_picker.clear()
            self.site_picker.addItem(self.tr("Add a site…"), "")
            for ident, name in sites:
                self.site_picker.addItem(name, ident)

    def set_movements(self, movements: list[tuple[str, str]]) -> None:
        """(id, label) of the movements whose route may be shown."""
        with QSignalBlocker(self.movement_picker):
            self.movement_picker.clear()
            self.movement_picker.addItem(self.tr("A movement's route…"), "")
            for ident, label in movements:
                self.movement_picker.addItem(label, ident)

    def show_date(self, day: date) -> None:
        """The date the routes are weighed on (the window's current date)."""
        self.date_label.setText(QLocale().toString(day, "d MMM yyyy"))

    def set_options(self, options: RouteOptions) -> None:
        for name, box in self.options.items():
            with QSignalBlocker(box):
                box.setValue(getattr(options, name))

    def route_options(self) -> RouteOptions:
        v = {name: box.value() for name, box in self.options.items()}
        return RouteOptions(float(v["buffer_km"]), int(v["days"]), float(v["step_km"]), float(v["half_life_days"]))

    def show_route(self, slot: str, view: RouteView | None) -> None:
        """A route's column (None clears it); both columns' profiles share the taller one's height."""
        if view is None:
            self._views.pop(slot, None)
            self.columns[slot].clear()
        else:
            self._views[slot] = view
        top = max((b.score for v in self._views.values() for b in v.bars), default=0.0)
        for s, v in self._views.items():
            self.columns[s].show_view(v, top)

    def picked_sites(self, slot: str) -> list[str]:
        return list(self._picked[slot])

    def forget_sites(self, slot: str) -> None:
        """The route no longer comes from picked sites (a movement, the map...)."""
        self._picked[slot] = []

    # ---------------------------------------------------------------- intent

    def _set_slot(self, slot: str) -> None:
        self.slot = slot
        self.slot_changed.emit(slot)

    def _site_picked(self, index: int) -> None:
        ident = self.site_picker.itemData(index)
        with QSignalBlocker(self.site_picker):
            self.site_picker.setCurrentIndex(0)
        if not ident:
            return
        picked = self._picked[self.slot]
        if picked and picked[-1] == ident:
            return
        picked.append(ident)
        if len(picked) >= 2:
            self.sites_chosen.emit(self.slot, list(picked))
        else:
            column = self.columns[self.slot]
            column.title.setText(self.tr("Route {0}: {1} → …").format(self.slot, self._names.get(ident, ident)))
            column.summary.setText(self.tr("Add the next site."))

    def _movement_picked(self, index: int) -> None:
        ident = self.movement_picker.itemData(index)
        with QSignalBlocker(self.movement_picker):
            self.movement_picker.setCurrentIndex(0)
        if ident:
            self._picked[self.slot] = []
            self.movement_chosen.emit(self.slot, ident)

    def _clear(self) -> None:
        self._picked[self.slot] = []
        self.show_route(self.slot, None)
        self.clear_requested.emit(self.slot)

    def choose_slot(self, slot: str) -> None:
        """Make `slot` the route the buttons make (emits slot_changed once it changes)."""
        for b in self.slot_buttons.buttons():
            b.setChecked(b.text() == slot)
