"""Wires the map, the site card and the layers panel to the application state.

Loads the basemap (geo.basemap), sites and statuses (db.status) on every date change, and the user's
own layers; draws the incident points whenever AppState's background load delivers them (points_ready),
so the sites and the date never wait for the incidents.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from app import map_data, settings
from app.actions import action
from app.state import AppState
from db.incidents.points import IncidentPoints
from db.status import Situation
from db.vocab import SITE_STATUS_LABELS
from geo import basemap as gb
from geo import coords, lookups
from widgets.map.layers import kind_label
from widgets.map.layers_panel import LayerEntry, LayersPanel
from widgets.map.view import MALI, MapView
from widgets.sites.card import CardIncident, SiteCard, SiteCardData

REGIONAL = (-18.0, 4.0, 25.0, 33.0)
SITE_ZOOM_DEG = 0.6
CARD_INCIDENTS = 50
USER_PREFIX = "user:"
VECTOR_FILTER = "*.gpkg *.geojson *.json *.shp *.mbtiles"


class MapController(QObject):
    message = Signal(str)  # an error for the window to show (e.g. a user layer that cannot be read)

    def __init__(self, state: AppState, view: MapView, card: SiteCard, layers: LayersPanel, parent=None):
        super().__init__(parent)
        self.state, self.view, self.card, self.panel = state, view, card, layers
        self.mbtiles: dict[str, gb.MBTiles] = {}
        self.vectors: dict[str, object] = {}  # layer id -> the user's vector layer (VectorData), for its lines
        self.points = state.incident_points()  # none yet at start: they follow in points_ready
        self.regions = gb.regions()
        self.tile_timer = QTimer(self, singleShot=True, interval=150)
        self.tile_timer.timeout.connect(self.refresh_tiles)

        view.set_basemap(map_data.load_basemap(state.lang))
        self.incident_days = settings.get("map/incident_days")
        layers.set_incident_days(self.incident_days)
        self.user_layers: list[str] = []
        self.load_errors = [e for e in (self.add_user_layer(p, remember=False) for p in settings.get("map/user_layers"))
                            if e]  # remembered layers that could not be read; the window shows them
        for layer_id in settings.get("map/layers_hidden"):
            view.set_layer_visible(layer_id, False)
        self._fill_panel()
        self.load_scenario()
        self.show_incidents(self.points)

        state.situation_changed.connect(self.show_situation)
        state.scenario_changed.connect(self.load_scenario)
        state.points_ready.connect(self.show_incidents)
        state.points_failed.connect(lambda _text: self._show_window(state.situation.day))
        state.selected.connect(self._selected)
        view.site_clicked.connect(lambda ident: state.select("site", ident))
        view.incident_clicked.connect(lambda ident: state.select("incident", ident))
        view.cursor_moved.connect(self.show_readout)
        view.measure_requested.connect(self.measure)
        view.range_changed.connect(self._range_changed)
        card.radius_changed.connect(self._radius_changed)
        card.incident_activated.connect(lambda ident: state.select("incident", ident))
        layers.visibility_changed.connect(self.set_layer_visible)
        layers.add_requested.connect(self.add_layer_dialog)
        layers.remove_requested.connect(self.remove_user_layer)
        layers.incident_days_changed.connect(self.set_incident_days)
        self.actions = self._make_actions()
        self._range_changed(*view.view_bbox())

    # -------------------------------------------------------------- data

    def load_scenario(self, *_args) -> None:
        self.view.set_sites(list(self.state.scenario.sites), self.state.lang)
        self.show_situation(self.state.situation)

    def show_incidents(self, points: IncidentPoints) -> None:
        """Draw a (re)load of the incidents: at start and after each incident write, when they arrive."""
        self.points = points
        self.view.set_incidents(points, map_data.incident_styles(points.types, self.state.lang))
        self._show_window(self.state.situation.day)
        self.view.highlight(*self.state.selection)  # an incident selected before it arrived (just created, moved)
        self._refresh_card()

    def show_situation(self, situation: Situation) -> None:
        """The sites' statuses, the moves under way and the incidents of the situation's date."""
        self.view.show_statuses(situation.statuses, situation.flows, situation.day)
        self._show_window(situation.day)
        self._refresh_card()

    def _show_window(self, day) -> None:
        """The incidents of the window ending on `day`; before the first load arrives the legend says "loading…"."""
        self.view.show_incident_window(day, self.incident_days, loading=not self.state.points_read)

    def set_incident_days(self, days: int) -> None:
        self.incident_days = days
        settings.put("map/incident_days", days)
        self._show_window(self.state.situation.day)
        self._refresh_card()

    # -------------------------------------------------------------- selection and the site card

    def _selected(self, kind: str, ident: str) -> None:
        self.view.highlight(kind, ident)
        if kind == "site":
            self.card.show_site(self.site_card(ident))

    def _refresh_card(self) -> None:
        if self.card.site_id:
            self.card.show_site(self.site_card(self.card.site_id))

    def _radius_changed(self, km: int) -> None:
        settings.put("site_card/radius_km", km)
        self._refresh_card()

    def site_card(self, site_id: str) -> SiteCardData:
        scenario, lang, situation = self.state.scenario, self.state.lang, self.state.situation
        site, day = scenario.site(site_id), situation.day
        st = situation.status_of(site_id)
        lc = scenario.lifecycle(site_id)
        phase = scenario.phase(st.phase) if st.phase else None
        radius = settings.get("site_card/radius_km")
        incidents, total = self._incidents_near(site, radius)
        return SiteCardData(
            site_id=site.id, name=site.name.get(lang), kind=kind_label(site.kind), day=day,
            status=QCoreApplication.translate("Status", SITE_STATUS_LABELS[st.status]), since=st.since,
            reason=st.reason(lang, QCoreApplication.translate, lambda d: QLocale().toString(d, "d MMMM yyyy")),
            window=phase.name.get(lang) if phase else "", window_start=phase.start if phase else None,
            window_end=phase.end if phase else None, planned_handover=st.planned_handover,
            confirmed_handover=st.confirmed,
            redeployed_to=tuple(scenario.site(s).name.get(lang) for s in (lc.redeployed_to if lc else ())),
            radius_km=radius, incidents=incidents, incident_total=total)

    def _incidents_near(self, site, radius_km: float) -> tuple[tuple[CardIncident, ...], int]:
        p = self.points
        if not len(p):
            return (), 0
        last = self.state.situation.day.toordinal()
        shown = p.day <= last
        if self.incident_days > 0:
            shown &= p.day > last - self.incident_days
        rows = np.flatnonzero(shown)
        rows = rows[lookups.within_radius(site.lat, site.lon, p.lat[rows], p.lon[rows], radius_km)]
        rows = rows[np.argsort(-p.day[rows], kind="stable")]
        top = rows[:CARD_INCIDENTS]
        km = np.atleast_1d(lookups.geodesic_km(site.lat, site.lon, p.lat[top], p.lon[top]))
        styles = map_data.incident_styles(p.types, self.state.lang)
        return tuple(CardIncident(str(p.ids[i]), date.fromordinal(int(p.day[i])), styles[p.type_index[i]].label,
                                  float(k), int(p.casualties[i])) for i, k in zip(top, km)), len(rows)

    # -------------------------------------------------------------- readout, measurement, scale

    def readout_text(self, lat: float, lon: float) -> str:
        region = self.regions.region_of(lat, lon)
        name = "" if region is None else (region.name_fr or region.name) if self.state.lang == "fr" else region.name
        letters = self.tr("NSEW", "the hemisphere letters: north, south, east, west")
        return self.tr("{0}   {1}   MGRS {2}   {3}").format(
            coords.format_dd(lat, lon), coords.format_dms(lat, lon, letters), coords.format_mgrs(lat, lon),
            name).rstrip()

    def show_readout(self, lat: float, lon: float) -> None:
        self.view.show_readout(self.readout_text(lat, lon))

    def measure(self, lat1: float, lon1: float, lat2: float, lon2: float) -> float:
        km = lookups.geodesic_km(lat1, lon1, lat2, lon2)
        self.view.show_measurement(self.tr("{0} km").format(QLocale().toString(km, "f", 1)))
        return km

    def _range_changed(self, lon0: float, lat0: float, lon1: float, lat1: float) -> None:
        lat, lon = (lat0 + lat1) / 2, (lon0 + lon1) / 2
        if -89 < lat < 89:
            self.view.show_scale(lookups.geodesic_km(lat, lon - 0.5, lat, lon + 0.5))
        if self.mbtiles:
            self.tile_timer.start()

    def refresh_tiles(self) -> None:
        bbox, width = self.view.view_bbox(), self.view.graphics.viewport().width()
        for layer_id, mb in self.mbtiles.items():
            self.view.show_tiles(layer_id, map_data.tiles_for_view(mb, bbox, width))

    # -------------------------------------------------------------- layers

    def _fill_panel(self) -> None:
        base = [("sites", self.tr("Camps and bases")), ("flows", self.tr("Redeployments under way")),
                ("movements", self.tr("Movements")), ("routes", self.tr("Routes under study")),
                ("incidents", self.tr("Incidents")), ("places", self.tr("Towns")),
                ("rivers", self.tr("Niger river and lakes")), ("regions", self.tr("Regions of Mali")),
                ("nouakchott", self.tr("Nouakchott 2013 states (regional view)")),
                ("countries", self.tr("Countries"))]
        entries = [LayerEntry(i, t, self.view.layer_visible(i)) for i, t in base]
        entries += [LayerEntry(USER_PREFIX + p, Path(p).name, self.view.layer_visible(USER_PREFIX + p), True, p)
                    for p in self.user_layers]
        self.panel.set_layers(entries)

    def set_layer_visible(self, layer_id: str, visible: bool) -> None:
        self.view.set_layer_visible(layer_id, visible)
        hidden = set(settings.get("map/layers_hidden"))
        (hidden.discard if visible else hidden.add)(layer_id)
        settings.put("map/layers_hidden", sorted(hidden))

    def add_user_layer(self, path, remember: bool = True) -> str | None:
        """Add a vector file or an MBTiles raster; returns an error message naming the file, or None."""
        path = str(Path(path).expanduser().resolve())
        layer_id = USER_PREFIX + path
        try:
            if path.lower().endswith(".mbtiles"):
                self.mbtiles[layer_id] = gb.MBTiles(path)
                self.refresh_tiles()
            else:
                self.vectors[layer_id] = map_data.read_vector(Path(path))
                self.view.add_vector_layer(layer_id, self.vectors[layer_id])
        except gb.LayerError as exc:
            return self.tr("Cannot add the layer {0}: {1}").format(Path(path).name, exc)
        if path not in self.user_layers:
            self.user_layers.append(path)
        if remember:
            settings.put("map/user_layers", self.user_layers)
            self._fill_panel()
        return None

    def remove_user_layer(self, layer_id: str) -> None:
        self.view.remove_layer(layer_id)
        self.vectors.pop(layer_id, None)
        mb = self.mbtiles.pop(layer_id, None)
        if mb:
            mb.close()
        path = layer_id.removeprefix(USER_PREFIX)
        self.user_layers = [p for p in self.user_layers if p != path]
        settings.put("map/user_layers", self.user_layers)
        self._fill_panel()

    def add_layer_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.view, self.tr("Add a map layer"), "",
                                              self.tr("Map layers ({0})").format(VECTOR_FILTER))
        if path:
            error = self.add_user_layer(path)
            if error:
                self.message.emit(error)

    def user_lines(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Every line of the user's vector layers (polygon outlines too), as (lat, lon) arrays: a route can follow
        one (the route panel's "Line of a map layer")."""
        out = []
        for data in self.vectors.values():
            lines = data.lines
            if lines is None or not len(lines.x):
                continue
            ends = np.flatnonzero(~np.asarray(lines.connect, dtype=bool)) + 1
            for a, b in zip(np.r_[0, ends], np.r_[ends, len(lines.x)]):
                if b - a >= 2:
                    out.append((np.asarray(lines.y[a:b], dtype=float), np.asarray(lines.x[a:b], dtype=float)))
        return out

    # -------------------------------------------------------------- navigation and actions

    def zoom_to_site(self, site_id: str) -> None:
        site = self.state.scenario.site(site_id)
        d = SITE_ZOOM_DEG
        self.view.zoom_to((site.lon - d, site.lat - d, site.lon + d, site.lat + d))

    def zoom_to_region(self, code: str) -> None:
        self.view.zoom_to(self.regions.bounds_of(code))

    def zoom_to_selection(self) -> None:
        kind, ident = self.state.selection
        if kind == "site":
            self.zoom_to_site(ident)

    def _show_legend(self, visible: bool) -> None:
        self.view.set_legend_visible(visible)
        settings.put("map/legend", visible)

    def pick_position(self) -> None:
        """The next click on the map emits view.position_picked(lat, lon) (the incident form's "pick on map")."""
        self.view.set_tool("pick")

    def _make_actions(self) -> dict[str, QAction]:
        measure = action(self, self.tr("Measure &distance"),
                         lambda on: self.view.set_tool("measure" if on else "pan"), "Ctrl+M", checkable=True)
        self.view.tool_changed.connect(lambda tool: measure.setChecked(tool == "measure"))
        on_map = Qt.ShortcutContext.WidgetWithChildrenShortcut  # + and - belong to the map (Ctrl++ / Ctrl+- zoom text)
        actions = {
            "add_layer": action(self, self.tr("Add map &layer…"), self.add_layer_dialog, "Ctrl+Shift+L"),
            "zoom_mali": action(self, self.tr("Zoom to &Mali"), lambda: self.view.zoom_to(MALI), "Ctrl+0"),
            "zoom_regional": action(self, self.tr("Regional &view (Nouakchott 2013 states)"),
                                    lambda: self.view.zoom_to(REGIONAL), "Ctrl+9"),
            "zoom_selection": action(self, self.tr("Zoom to &selected site"), self.zoom_to_selection, "Ctrl+J"),
            "zoom_in": action(self, self.tr("Zoom &in"), lambda: self.view.zoom(1.25), "+", context=on_map),
            "zoom_out": action(self, self.tr("Zoom &out"), lambda: self.view.zoom(0.8), "-", context=on_map),
            "measure": measure,
            "legend": action(self, self.tr("Map &legend"), self._show_legend, "Ctrl+L", checkable=True),
        }
        self.view.addActions([actions["zoom_in"], actions["zoom_out"]])
        actions["legend"].setChecked(settings.get("map/legend"))
        self.view.set_legend_visible(settings.get("map/legend"))
        self.view.set_legend_collapsed(settings.get("map/legend_collapsed"))
        self.view.legend_collapsed.connect(lambda folded: settings.put("map/legend_collapsed", folded))
        for region in self.regions.regions:
            label = (region.name_fr or region.name) if self.state.lang == "fr" else region.name
            actions["region:" + region.code] = action(self, label, lambda _=False, c=region.code: self.zoom_to_region(c))
        return actions

    def file_actions(self) -> list[QAction]:
        return [self.actions["add_layer"]]

    def view_actions(self) -> list[QAction]:
        """Zoom and measure actions, then a "Zoom to region" submenu."""
        self.region_menu = QMenu(self.tr("Zoom to &region"))
        self.region_menu.addActions([a for k, a in self.actions.items() if k.startswith("region:")])
        names = ("zoom_mali", "zoom_regional", "zoom_selection", "zoom_in", "zoom_out", "measure", "legend")
        return [self.actions[n] for n in names] + [self.region_menu.menuAction()]
