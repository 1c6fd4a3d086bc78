"""The main window: the map in the centre, docks around it, menus, status bar. Only wiring here;
each feature's controller (app/controllers/) connects its widgets to the shared AppState.

Built in two steps, so that a start shows the window at once: the frame (menus, docks, status bar, and the
basemap in the map's place, drawn from its cache) needs only Qt and numpy; `attach(state)` then builds the
views and their controllers (pyqtgraph, the database) in the same places. app/gui.py shows the frame, opens
the database and attaches; `MainWindow(state)` does both at once.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabBar,
    QTabWidget,
    QToolBar,
    QWidget,
)

from app import map_data, settings
from app.actions import action
from app.i18n import locale_for
from widgets.map.basemap import BasemapPreview

if TYPE_CHECKING:
    from app.state import AppState


class MainWindow(QMainWindow):
    attached = Signal()  # attach() is done: every view shows the state (the incidents follow when loaded)

    def __init__(self, state: AppState | None = None, parent=None, *, lang: str = "en", db_path=None):
        super().__init__(parent)
        self.state: AppState | None = None
        lang = state.lang if state is not None else lang
        self.setObjectName("MainWindow")
        self.setWindowTitle("sitmon")
        self.setDockNestingEnabled(True)

        self.preview = BasemapPreview()  # the map's place until attach()
        self.preview.set_basemap(map_data.load_basemap(lang))
        self.setCentralWidget(self.preview)
        self.details = QTabWidget()  # one dock: Qt 6.11 draws a stale tab bar for a second tabified group
        for title in (self.tr("Site card"), self.tr("Incident summary"), self.tr("Layers")):
            self.details.addTab(QWidget(), title)
        self.docks = [
            self._dock("timeline", self.tr("Timeline"), Qt.DockWidgetArea.BottomDockWidgetArea),
            self._dock("incidents", self.tr("Incident log")),
            self._dock("figures", self.tr("Key figures"), Qt.DockWidgetArea.RightDockWidgetArea),
            self._dock("sites", self.tr("Site status"), Qt.DockWidgetArea.RightDockWidgetArea),
            self._dock("details", self.tr("Details"), Qt.DockWidgetArea.RightDockWidgetArea, self.details),
            self._dock("movements", self.tr("Movements")),
            self._dock("routes", self.tr("Route risk")),
        ]
        self._default_layout()
        bar = self.menuBar()
        self.menus = {name: bar.addMenu(title) for name, title in (
            ("file", self.tr("&File")), ("edit", self.tr("&Edit")), ("view", self.tr("&View")),
            ("help", self.tr("&Help")))}
        self.date_label = QLabel()
        self.date_label.setObjectName("current-date")
        self.statusBar().addWidget(self.date_label)
        if state is None and isinstance(db_path, Path):  # a server's URL is shown once open (db.where: no password)
            self._show_path(db_path)
        self.statusBar().showMessage(self.tr("Loading…"))
        self._restore()
        if state is not None:
            self.attach(state)

    def attach(self, state: AppState) -> None:
        """Build the views and their controllers on `state`, in the frame's places."""
        from app.controllers.backups import BackupController
        from app.controllers.briefing import BriefingController
        from app.controllers.conflict_queue import ConflictQueueController
        from app.controllers.exchange import ExchangeController
        from app.controllers.incidents import IncidentController
        from app.controllers.interface import InterfaceController
        from app.controllers.map import MapController
        from app.controllers.movements import MovementController
        from app.controllers.presentation import PresentationMode
        from app.controllers.routes import RouteController
        from app.controllers.sites import SiteController
        from app.controllers.timeline import TimelineController
        from widgets.incidents.summary import IncidentSummary
        from widgets.incidents.table import IncidentTable
        from widgets.map.layers_panel import LayersPanel
        from widgets.map.view import MapView
        from widgets.movements.table import MovementTable
        from widgets.routes.panel import RoutePanel
        from widgets.sites.card import SiteCard
        from widgets.sites.figures import KeyFiguresPanel
        from widgets.sites.panel import SitePanel
        from widgets.timeline.view import TimelineView

        self.state = state
        frame = self._dock_sizes()
        self.setWindowTitle(self.tr("sitmon — {0}").format(state.scenario.mission.name.get(state.lang)))
        self.map = MapView()
        self.site_card, self.layers = SiteCard(), LayersPanel()
        self.timeline, self.site_panel, self.key_figures = TimelineView(), SitePanel(), KeyFiguresPanel()
        self.incidents, self.summary = IncidentTable(), IncidentSummary()
        self.movements, self.route_panel = MovementTable(), RoutePanel()
        for index, page in enumerate((self.site_card, self.summary, self.layers)):
            empty, title = self.details.widget(index), self.details.tabText(index)
            self.details.removeTab(index)
            self.details.insertTab(index, page, title)
            empty.deleteLater()
        self.details.setCurrentIndex(0)
        views = {"timeline": self.timeline, "incidents": self.incidents, "figures": self.key_figures,
                 "sites": self.site_panel, "movements": self.movements, "routes": self.route_panel}
        for dock in self.docks:
            if dock.objectName().removeprefix("dock-") in views:
                empty = dock.widget()
                dock.setWidget(views[dock.objectName().removeprefix("dock-")])
                empty.deleteLater()

        self.map_controller = MapController(state, self.map, self.site_card, self.layers, self)
        self.setCentralWidget(self.map)  # the preview goes: the map shows the same basemap, and the rest
        self.preview = None
        self.timeline_controller = TimelineController(state, self.timeline, self.site_panel, self.key_figures, self)
        self.incident_controller = IncidentController(state, self.incidents, self.summary, self)
        self.site_controller = SiteController(state, self.site_card, self.site_panel, self.timeline, self.map,
                                              self.incident_controller.undo_stack, self)
        self.movement_controller = MovementController(state, self.movements, self.map, self.timeline, self.site_card,
                                                      self.incident_controller.undo_stack,
                                                      self.incident_controller.author, self)
        self.route_controller = RouteController(state, self.route_panel, self.map, self.map_controller.user_lines, self)
        self.movement_controller.loaded.connect(self.route_controller.set_movements)
        self.movement_controller.route_requested.connect(self.show_movement_route)
        self.route_controller.message.connect(self._route_message)
        self.exchange = ExchangeController(state, self)
        self.conflict_queue = ConflictQueueController(state, self)
        self.incidents.filter_changed.connect(self.exchange.set_filter)  # exports follow the log's filters
        self.backups = BackupController(state, self)
        self.briefing = BriefingController(state, self)
        self.briefing.routes = self.route_controller.briefing_routes  # a page per route shown
        self.presentation = PresentationMode(self)
        self.interface = InterfaceController(state, self)
        self.interface.author_changed.connect(self._set_author)
        self.map.position_picked.connect(self.incident_controller.pick_on_map)
        self.incident_controller.pick_requested.connect(self.map_controller.pick_position)
        self.map_controller.message.connect(self.warn)
        state.ops.error.connect(self.warn)  # an op that failed with no handler of its own: one dialog

        self._build_menus()
        self._build_status_bar()
        state.cursor.date_changed.connect(self._show_date)
        state.selected.connect(self._show_selection)
        self._show_date(state.cursor.date)
        self._keep_dock_sizes(frame)
        self.statusBar().clearMessage()
        self._warn_load_errors()
        self.attached.emit()

    # ---------------------------------------------------------------- layout

    def _dock(self, name: str, title: str, area=None, widget=None) -> QDockWidget:
        """A dock in `area` (empty until attach() unless given its widget); without one, it is placed by
        tabifying."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget or QWidget())
        if area is not None:
            self.addDockWidget(area, dock)
        return dock

    def _default_layout(self) -> None:
        """For a 1366x768 laptop: the right column runs full height; under the map the timeline
        (tabbed with the log) is tall enough for every site row."""
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        timeline, log, figures, sites, details, movements, routes = self.docks
        self.tabifyDockWidget(timeline, log)
        self.tabifyDockWidget(log, movements)
        self.tabifyDockWidget(movements, routes)  # a 1366-pixel screen has no room beside the timeline
        routes.hide()  # until asked for (View > Route risk, or a movement's "Route risk")
        timeline.raise_()
        self.resizeDocks([timeline], [330], Qt.Orientation.Vertical)
        self.resizeDocks([figures, sites, details], [150, 260, 260], Qt.Orientation.Vertical)
        self.resizeDocks([figures], [400], Qt.Orientation.Horizontal)

    def _dock_sizes(self) -> dict[QDockWidget, QSize]:
        return {d: d.size() for d in self.docks if d.isVisible() and not d.visibleRegion().isEmpty()}

    def _keep_dock_sizes(self, sizes: dict[QDockWidget, QSize]) -> None:
        """Give the docks shown the sizes they had (the frame's): once laid out for their new widgets, Qt sizes
        them from those widgets' size hints (the timeline would take most of the map's height). resizeDocks
        counts a tabified dock with its tab bar."""
        if not sizes:
            return
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        bars = self.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
        tab = max((bar.height() for bar in bars if bar.isVisible()), default=0)
        docks = list(sizes)
        self.resizeDocks(docks, [sizes[d].height() + (tab if self.tabifiedDockWidgets(d) else 0) for d in docks],
                         Qt.Orientation.Vertical)
        self.resizeDocks(docks, [sizes[d].width() for d in docks], Qt.Orientation.Horizontal)

    def _build_menus(self) -> None:
        file_menu, edit_menu, view_menu, help_menu = self.menus.values()
        file_menu.addActions(self.exchange.actions())
        file_menu.addAction(self.movement_controller.export_action)
        file_menu.addActions(self.conflict_queue.actions())
        file_menu.addSeparator()
        file_menu.addActions(self.backups.actions())
        file_menu.addSeparator()
        file_menu.addActions(self.map_controller.file_actions())
        file_menu.addActions(self.briefing.actions())
        file_menu.addSeparator()
        file_menu.addAction(action(self, self.tr("&Quit"), self.close, "Ctrl+Q"))

        edit_menu.addActions(self.incident_controller.actions())
        edit_menu.addSeparator()
        edit_menu.addActions(self.movement_controller.actions())
        edit_menu.addSeparator()
        edit_menu.addActions(self.site_controller.actions())
        edit_menu.addSeparator()
        edit_menu.addAction(self.interface.preferences_action)

        view_menu.addActions(self.map_controller.view_actions())
        view_menu.addAction(action(self, self.tr("Route ris&k…"), self.show_route_panel, "Ctrl+K"))
        view_menu.addAction(self.presentation.action())
        view_menu.addSeparator()
        view_menu.addActions(self.interface.zoom_actions())
        view_menu.addSeparator()
        for number, dock in enumerate(self.docks, start=1):
            dock.toggleViewAction().setShortcut(QKeySequence(f"Alt+{number}"))
            view_menu.addAction(dock.toggleViewAction())

        help_menu.addActions(self.interface.help_actions())
        help_menu.addSeparator()
        help_menu.addAction(action(self, self.tr("&About sitmon"), self.show_about))

    def _show_path(self, path) -> None:
        path_label = QLabel(self.tr("Database: {0}").format(path))
        path_label.setObjectName("database-path")
        self.statusBar().addPermanentWidget(path_label)

    def _build_status_bar(self) -> None:
        if self.findChild(QLabel, "database-path") is None:
            self._show_path(self.state.db.where)
        self.incidents_error = QLabel()  # shown when the incidents could not be loaded, until a load succeeds
        self.incidents_error.setObjectName("incidents-error")
        self.incidents_error.hide()
        self.statusBar().addWidget(self.incidents_error)
        self.state.points_failed.connect(self._points_failed)
        self.state.points_ready.connect(self.incidents_error.hide)
        if self.state.db.readonly:
            banner = QLabel(self.tr("Read-only: {0} cannot be written, so changes are not saved.").format(
                self.state.db.where))
            banner.setObjectName("readonly-banner")
            banner.setStyleSheet("background: #E69F00; color: black; padding: 4px;")
            bar = QToolBar(self.tr("Read-only"), self)
            bar.setObjectName("readonly-bar")
            bar.setMovable(False)
            bar.addWidget(banner)
            self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _show_date(self, day: date) -> None:
        text = locale_for(self.state.lang).toString(day, "d MMMM yyyy")
        self.date_label.setText(self.tr("Current date: {0}").format(text))

    def _points_failed(self, text: str) -> None:
        """The incidents could not be (re)loaded: said once here (the error is logged); the rest of the
        window works and the map keeps the incidents it last showed."""
        self.incidents_error.setText(self.tr("The incidents could not be loaded: {0}").format(text))
        self.incidents_error.show()

    def _set_author(self, name: str) -> None:
        """Preferences changed the author name: the next edits and imports record it."""
        self.incident_controller.author = self.exchange.author = self.site_controller.author = name
        self.movement_controller.author = name

    def show_route_panel(self) -> None:
        """Show the route risk panel beside the timeline (View > Route risk, Ctrl+K)."""
        dock = self.docks[-1]
        dock.show()
        dock.raise_()
        self.route_panel.setFocus()

    def show_movement_route(self, movement_id: str) -> None:
        self.show_route_panel()
        self.route_controller.show_movement(self.route_panel.slot, movement_id)

    def _route_message(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 8000)
        else:
            self.statusBar().showMessage(self.tr("Click the route's points on the map; Enter or Esc ends it."), 15000)

    def _show_selection(self, kind: str, _ident: str) -> None:
        if kind == "site":
            self.details.setCurrentWidget(self.site_card)

    # ---------------------------------------------------------------- dialogs

    def warn(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("sitmon"), text)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        self._warn_load_errors()

    def _warn_load_errors(self) -> None:
        """Remembered map layers that could not be read this time, once the window is attached and shown."""
        if self.state is None or not self.isVisible():
            return
        errors, self.map_controller.load_errors = self.map_controller.load_errors, []
        for error in errors:
            self.warn(error)

    def show_about(self) -> None:
        from app.map_data import attributions

        sources = "".join(f"<li>{s.id}: {s.title.get(self.state.lang)}</li>" for s in self.state.scenario.sources)
        credits = "".join(f"<li>{line}</li>" for line in attributions())
        QMessageBox.about(self, self.tr("About sitmon"), self.tr(
            "<h3>sitmon</h3><p>Offline situation monitor for field coordinators.</p>"
            "<p><b>Map data</b></p><ul>{0}</ul><p><b>Scenario sources</b></p><ul>{1}</ul>").format(credits, sources))

    # ---------------------------------------------------------------- settings

    def _restore(self) -> None:
        geometry, state = settings.get("window/geometry"), settings.get("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 768)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt)
        settings.put("window/geometry", self.saveGeometry())
        settings.put("window/state", self.saveState())
        if self.state is not None:
            settings.put("cursor/date", self.state.cursor.date.isoformat())
            self.state.shutdown()  # database work under way stops (at its next progress report) before it closes
        super().closeEvent(event)
