"""Wires the route risk: routes A and B made in the route panel (sites in order, a movement, positions clicked on
the map, a line of a map layer), drawn on the map stretch by stretch in the colour of what was recorded near
each, with their profile strips and incident lists, on the current date.

The work follows three rates (db/incidents/near_route.py): the incidents' spatial index is built in an op after
each load of the incidents; a route's corridor is found in an op once per route and buffer; on each settled
date only the day window is weighed again, here on the GUI thread (a few milliseconds, bench_routes measures
it), then the listed incidents' places are read in an op (each id once).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal

from app import settings
from app.ops import Op
from app.state import AppState
from db.incidents.near_route import NearIncident, RouteIndex, RouteOptions, with_places
from db.incidents.points import IncidentPoints
from geo.routes import Corridor, Route, Stretch
from widgets.map.movements import RouteDrawing
from widgets.route_style import SCORE_COLORS, score_color
from widgets.routes.panel import SLOTS, ListedIncident, RouteView
from widgets.routes.profile import ProfileBar

translate = QCoreApplication.translate
PREVIEW = SCORE_COLORS[0]  # a route being drawn, before it is weighed
LINE_PICK_PX = 12  # a click this close to a layer's line picks it


@dataclass
class Slot:
    """One route under study and what is known of it."""

    title: str = ""
    vertices: list[tuple[float, float]] = field(default_factory=list)
    route: Route | None = None
    corridor: Corridor | None = None
    index: RouteIndex | None = None  # the index its corridor was found in
    stretches: list[Stretch] = field(default_factory=list)
    listed: list[NearIncident] = field(default_factory=list)
    places: dict[str, str] = field(default_factory=dict)  # incident id -> place name, read once


def route_options() -> RouteOptions:
    """The route risk's options as last set (settings)."""
    return RouteOptions(settings.get("routes/buffer_km"), settings.get("routes/days"), settings.get("routes/step_km"),
                        settings.get("routes/half_life_days"))


def _build_index(points: IncidentPoints, progress=None) -> RouteIndex:
    return RouteIndex(points)


def _corridor(index: RouteIndex, route: Route, options: RouteOptions, progress=None) -> Corridor:
    return index.corridor(route, options)


def _places(db, listed: list[NearIncident], progress=None) -> dict[str, str]:
    return {x.id: x.location for x in with_places(db, listed)}


class RouteController(QObject):
    message = Signal(str)  # something to tell the user (the window shows it)
    shown = Signal(str)  # a route was (re)weighed and shown: its slot

    def __init__(self, state: AppState, panel, view, lines=lambda: [], parent=None):
        """`lines()`: the lines of the user's map layers, each as (lat, lon) arrays."""
        super().__init__(parent)
        self.state, self.panel, self.view, self.lines = state, panel, view, lines
        self.slots = {s: Slot() for s in SLOTS}
        self.options = route_options()
        self.index: RouteIndex | None = None
        self.movements: dict = {}
        self._drawing: str | None = None  # the slot being drawn on the map
        self._clicked: list[tuple[float, float]] = []
        self._picking_line: str | None = None
        panel.set_options(self.options)
        self._set_sites()
        panel.sites_chosen.connect(self.show_sites)
        panel.movement_chosen.connect(self.show_movement)
        panel.draw_requested.connect(self.start_drawing)
        panel.layer_line_requested.connect(self.pick_layer_line)
        panel.clear_requested.connect(self.clear)
        panel.options_changed.connect(self.set_options)
        panel.incident_activated.connect(lambda ident: state.select("incident", ident))
        panel.step_requested.connect(lambda days: state.cursor.step(days))
        state.cursor.date_changed.connect(panel.show_date)
        panel.show_date(state.cursor.date)
        view.route_clicked.connect(self._route_clicked)
        view.route_finished.connect(self._route_finished)
        view.position_picked.connect(self._position_picked)
        state.points_ready.connect(self._points)
        state.cursor.date_settled.connect(lambda _day: self.recolour())
        state.scenario_changed.connect(lambda _scenario: self._set_sites())
        self._points(state.incident_points())

    # ---------------------------------------------------------------- the incidents' index

    def _points(self, points: IncidentPoints) -> None:
        self.state.ops.run(Op(_build_index, points).on_success(self._indexed).newest("route-index"))

    def _indexed(self, index: RouteIndex) -> None:
        self.index = index
        for slot in SLOTS:
            self._find_corridor(slot)

    # ---------------------------------------------------------------- making routes

    def _set_sites(self) -> None:
        self.panel.set_sites([(s.id, s.name.get(self.state.lang)) for s in self.state.scenario.sites])

    def set_movements(self, records) -> None:
        """The live movements (MovementController.loaded): their routes can be shown."""
        self.movements = {m.id: m for m in records}
        label = QCoreApplication.translate("RouteController", "{0}, {1}")
        self.panel.set_movements([(m.id, label.format(self._stops(m), QLocale().toString(m.starts, "d MMM yyyy")))
                                  for m in records])

    def _name(self, site_id: str) -> str:
        try:
            return self.state.scenario.site(site_id).name.get(self.state.lang)
        except KeyError:
            return site_id

    def _stops(self, m) -> str:
        return " → ".join(self._name(w) if isinstance(w, str) else "·" for w in (m.from_site, *m.waypoints, m.to_site))

    def show_sites(self, slot: str, site_ids: list[str]) -> None:
        sites = {s.id: s for s in self.state.scenario.sites}
        known = [s for s in site_ids if s in sites]
        if len(known) < 2:
            return
        self.set_route(slot, " → ".join(self._name(s) for s in known), [(sites[s].lat, sites[s].lon) for s in known])

    def show_movement(self, slot: str, movement_id: str) -> None:
        m = self.movements.get(movement_id)
        vertices = m.vertices({s.id: (s.lat, s.lon) for s in self.state.scenario.sites}) if m else None
        if vertices is None:
            self.message.emit(self.tr("This movement's route cannot be drawn: a site of it is not in the scenario."))
            return
        self.panel.forget_sites(slot)
        when = QLocale().toString(m.starts, "d MMM yyyy")
        self.set_route(slot, self.tr("{0} (movement of {1})").format(self._stops(m), when), vertices)

    def start_drawing(self, slot: str) -> None:
        """The next clicks on the map are the route's points; Enter or Esc on the map ends it."""
        self._drawing, self._clicked = slot, []
        self.view.set_tool("route")
        self.view.setFocus()
        self.message.emit("")

    def _route_clicked(self, lat: float, lon: float) -> None:
        if self._drawing is None:
            return
        self._clicked.append((lat, lon))
        lat_, lon_ = (np.array(c) for c in zip(*self._clicked))
        if len(self._clicked) >= 2:
            self.view.show_route(self._drawing, RouteDrawing(((lat_, lon_),), (PREVIEW,)))

    def _route_finished(self) -> None:
        slot, points = self._drawing, self._clicked
        self._drawing, self._clicked = None, []
        if slot is None:
            return
        self.panel.forget_sites(slot)
        if len(points) >= 2:
            self.set_route(slot, self.tr("{0} points drawn on the map").format(len(points)), points)
        elif self.slots[slot].route is None:
            self.view.show_route(slot, None)

    def pick_layer_line(self, slot: str) -> None:
        if not self.lines():
            self.message.emit(self.tr("No map layer with lines: add one first (File > Add map layer)."))
            return
        self._picking_line = slot
        self.view.set_tool("pick")

    def _position_picked(self, lat: float, lon: float) -> None:
        slot, self._picking_line = self._picking_line, None
        if slot is None:
            return
        px_lon, px_lat = self.view.box.viewPixelSize()
        line = nearest_line(self.lines(), lat, lon, px_lon * LINE_PICK_PX, px_lat * LINE_PICK_PX)
        if line is None:
            self.message.emit(self.tr("No line of a map layer there: click on a line."))
            return
        self.panel.forget_sites(slot)
        self.set_route(slot, self.tr("A line of a map layer"), list(zip(*line)))

    def set_route(self, slot: str, title: str, vertices: list[tuple[float, float]]) -> None:
        try:
            route = Route.through(vertices)
        except ValueError:
            self.message.emit(self.tr("A route needs two distinct positions."))
            return
        self.slots[slot] = Slot(title, list(vertices), route)
        self._find_corridor(slot)

    def clear(self, slot: str) -> None:
        self.slots[slot] = Slot()
        self.view.show_route(slot, None)
        self.panel.show_route(slot, None)

    def set_options(self, options: RouteOptions) -> None:
        old, self.options = self.options, options
        for name, value in vars(options).items():
            settings.put(f"routes/{name}", value)
        for slot in SLOTS:
            if options.buffer_km != old.buffer_km:
                self._find_corridor(slot)
            else:
                self.recolour(slot)

    # ---------------------------------------------------------------- weighing

    def _find_corridor(self, slot: str) -> None:
        s = self.slots[slot]
        if s.route is None:
            return
        s.corridor = None
        self.view.show_route(slot, RouteDrawing(((s.route.lat, s.route.lon),), (PREVIEW,)))
        if self.index is None:  # weighed once the incidents are indexed
            return
        index, route = self.index, s.route
        self.state.ops.run(Op(_corridor, index, route, self.options)
                           .on_success(lambda c: self._found(slot, route, index, c)).newest(f"route-{slot}"))

    def _found(self, slot: str, route: Route, index: RouteIndex, corridor: Corridor) -> None:
        s = self.slots[slot]
        if s.route is not route:  # another route since
            return
        s.corridor, s.index = corridor, index
        s.stretches = []
        self.recolour(slot)

    def recolour(self, slot: str | None = None) -> None:
        """Weigh the route(s) on the current date: the map's colours, the profile, the list."""
        for key in (slot,) if slot else SLOTS:
            s = self.slots[key]
            if s.corridor is None or s.index is None:
                continue
            day = self.state.cursor.date
            first = not s.stretches
            s.stretches = s.index.stretches(s.route, s.corridor, day, self.options)
            colors = tuple(score_color(x.score) for x in s.stretches)
            if first:
                self.view.show_route(key, RouteDrawing(tuple((np.array([p[0] for p in x.geometry]),
                                                              np.array([p[1] for p in x.geometry]))
                                                             for x in s.stretches), colors))
            else:
                self.view.set_route_colors(key, colors)
            s.listed = s.index.listed(s.corridor, day, self.options)
            self._show_panel(key)
            missing = [x for x in s.listed if x.id not in s.places]
            if missing:
                self.state.ops.run(Op(_places, self.state.db, missing)
                                   .on_success(lambda names, key=key: self._placed(key, names))
                                   .newest(f"route-places-{key}"))
            self.shown.emit(key)

    def _placed(self, slot: str, names: dict[str, str]) -> None:
        self.slots[slot].places.update(names)
        self._show_panel(slot)

    def _show_panel(self, slot: str) -> None:
        self.panel.show_route(slot, self.route_view(slot))

    def route_view(self, slot: str) -> RouteView:
        s, o, locale = self.slots[slot], self.options, QLocale()
        types = self._type_labels()
        day = locale.toString(self.state.cursor.date, "d MMM yyyy")
        title = self.tr("{0}: {1}, {2} km").format(slot, s.title, locale.toString(s.route.length_km, "f", 0))
        summary = self.tr("Incidents recorded near this route: %n ({0} days to {1}, within {2} km).",
                          "", len(s.listed)).format(o.days, day, locale.toString(float(o.buffer_km), "g", 6))
        bars = tuple(ProfileBar(x.from_km, x.to_km, x.score, self.tr(
            "km {0} to {1}: {2} incidents ({3} killed, {4} injured), weight {5}{6}").format(
            locale.toString(x.from_km, "f", 0), locale.toString(x.to_km, "f", 0), x.incidents, x.killed, x.injured,
            locale.toString(x.score, "f", 2),
            self.tr(", mostly {0}").format(types.get(s.index.types[x.top_type], "")) if x.top_type is not None else ""))
            for x in s.stretches)
        listed = tuple(ListedIncident(x.id, x.km_along, x.occurred_on, types.get(x.type, x.type), x.km_off, x.killed,
                                      x.injured, s.places.get(x.id, "")) for x in s.listed)
        return RouteView(title, summary, bars, listed)

    def _type_labels(self) -> dict[str, str]:
        from db.incidents import taxonomy

        return {t.id: t.label.get(self.state.lang) for t in taxonomy.load().types}

    def briefing_routes(self) -> list[tuple[str, list[tuple[float, float]]]]:
        """(title, vertices) of the routes shown, for the briefing pack's route pages."""
        lettered = QCoreApplication.translate("Briefing", "{0}: {1}")
        return [(lettered.format(slot, s.title), s.vertices) for slot, s in self.slots.items() if s.route is not None]


def nearest_line(lines, lat: float, lon: float, tol_lon: float, tol_lat: float):
    """The (lat, lon) arrays of the line passing nearest (lat, lon) within the tolerances (degrees), or None.
    Distances in the map's degrees scaled to pixels: a click picks what it is drawn over."""
    best, found = math.inf, None
    for line_lat, line_lon in lines:
        if len(line_lat) < 2:
            continue
        ax, ay = (line_lon[:-1] - lon) / tol_lon, (line_lat[:-1] - lat) / tol_lat
        bx, by = (line_lon[1:] - lon) / tol_lon, (line_lat[1:] - lat) / tol_lat
        dx, dy = bx - ax, by - ay
        t = np.clip(-(ax * dx + ay * dy) / np.maximum(dx * dx + dy * dy, 1e-12), 0, 1)
        d = np.hypot(ax + t * dx, ay + t * dy).min()
        if d <= 1 and d < best:
            best, found = d, (line_lat, line_lon)
    return found
