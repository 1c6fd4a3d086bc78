"""Incidents recorded near a route, gathered for the window, the command line and the briefing (the work
itself is geo.routes: a spatial index over the incident points, exact geodesic distances for candidates).

Three costs, paid at three rates (the window's route controller follows them):
  RouteIndex(points)            once per load of the incidents (about 0.1 s per million);
  index.corridor(route, opts)   once per route and buffer (a 600 km route over a million: ~25 ms);
  index.stretches(...)          once per date: only the day window and the weights (a few ms).
Only incidents whose position is known (geo_precision 1 or 2) are listed and counted: a position that is only
its region's says nothing about a road. The numbers describe what was recorded; they are not a probability.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import numpy as np
from sqlalchemy import select

from db.incidents import taxonomy
from db.incidents.points import IncidentPoints, incident_points
from db.records import QT_TRANSLATE_NOOP
from db.store.models import Incident
from geo.routes import Corridor, Incidents, PointIndex, Route, Stretch, score

MSG_OPTION = QT_TRANSLATE_NOOP("Routes", "{name} must be from {low} to {high}")


@dataclass(frozen=True)
class RouteOptions:
    """How a route is looked at: the corridor's half-width, the days before the date, the stretches' length and
    the half-life of an incident's weight."""

    buffer_km: float = 10.0
    days: int = 30
    step_km: float = 10.0
    half_life_days: float = 14.0


LIMITS = {"buffer_km": (0.5, 100.0), "days": (1, 3660), "step_km": (1.0, 500.0), "half_life_days": (0.5, 3650.0)}


def check_options(options: RouteOptions) -> list[tuple[str, str, dict]]:
    """(option name, message template, arguments) for each option out of its range (LIMITS)."""
    out = []
    for name, (low, high) in LIMITS.items():
        value = getattr(options, name)
        if not (isinstance(value, (int, float)) and low <= value <= high):  # NaN fails too
            out.append((name, MSG_OPTION, {"name": name, "low": low, "high": high}))
    return out


@dataclass(frozen=True)
class NearIncident:
    """An incident listed near a route: where along it (km from the start) and how far off it (km)."""

    id: str
    occurred_on: date
    type: str  # type id
    km_along: float
    km_off: float
    killed: int
    injured: int
    precision: int  # geo_precision, 1 or 2
    location: str = ""  # the place's name (with_places)


class RouteIndex:
    """The incident points sorted once (geo.routes.PointIndex) with what scoring reads, and the taxonomy's
    weights by type (`route_weight`). Build it again after each load of the incidents."""

    def __init__(self, points: IncidentPoints):
        self.points = points
        n = len(points)
        killed = points.killed if points.killed is not None else points.casualties
        injured = points.injured if points.injured is not None else np.zeros(n, dtype=np.int32)
        precision = points.precision if points.precision is not None else np.where(
            points.region_only if points.region_only is not None else np.zeros(n, bool), 3, 1)
        self.incidents = Incidents(lat=points.lat, lon=points.lon, day=points.day, type_index=points.type_index,
                                   killed=killed, injured=injured, precision=precision)
        self.index = PointIndex(points.lat, points.lon)
        weights = {t.id: t.route_weight for t in taxonomy.load().types}
        self.type_weights = {i: weights.get(t, 1.0) for i, t in enumerate(points.types)}

    @property
    def types(self) -> tuple[str, ...]:
        return self.points.types

    def corridor(self, route: Route, options: RouteOptions) -> Corridor:
        return self.index.near(route, options.buffer_km)

    def stretches(self, route: Route, corridor: Corridor, day: date, options: RouteOptions) -> list[Stretch]:
        return score(route, corridor, self.incidents, day, days=options.days, half_life_days=options.half_life_days,
                     step_km=options.step_km, type_weights=self.type_weights)

    def listed(self, corridor: Corridor, day: date, options: RouteOptions) -> list[NearIncident]:
        """The corridor's incidents that count on `day` (recorded in the `days` days ending on it, position
        known), by distance along the route."""
        rows = corridor.rows
        age = day.toordinal() - self.incidents.day[rows]
        keep = np.flatnonzero((age >= 0) & (age < options.days) & (self.incidents.precision[rows] < 3))
        keep = keep[np.argsort(corridor.km_along[keep], kind="stable")]
        p, inc = self.points, self.incidents
        return [NearIncident(str(p.ids[r]), date.fromordinal(int(inc.day[r])), p.types[inc.type_index[r]],
                             float(corridor.km_along[k]), float(corridor.km_off[k]), int(inc.killed[r]),
                             int(inc.injured[r]), int(inc.precision[r]))
                for k, r in zip(keep, rows[keep])]


def with_places(db, found: list[NearIncident], progress=None) -> list[NearIncident]:
    """The same incidents with their places' names (one query per 500)."""
    names = {}
    ids = [x.id for x in found]
    with db.session() as s:
        for start in range(0, len(ids), 500):
            names.update(tuple(r) for r in s.execute(select(Incident.id, Incident.location)
                                                     .where(Incident.id.in_(ids[start:start + 500]))))
    return [replace(x, location=names.get(x.id, "")) for x in found]


@dataclass(frozen=True, eq=False)
class RouteRisk:
    """One route's answer on one date: its stretches and the incidents near it (with places)."""

    route: Route
    day: date
    options: RouteOptions
    stretches: tuple[Stretch, ...]
    incidents: tuple[NearIncident, ...]
    types: tuple[str, ...]  # a stretch's top_type indexes these

    def top_type(self, stretch: Stretch) -> str:
        return "" if stretch.top_type is None else self.types[stretch.top_type]


def route_risk(db, vertices, day: date, options: RouteOptions = RouteOptions(), index: RouteIndex | None = None,
               progress=None) -> RouteRisk:
    """Everything about one route on one date, from the database (the command line and the briefing; the
    window keeps its RouteIndex between routes and dates). `vertices`: (lat, lon) in travel order."""
    index = index or RouteIndex(incident_points(db))
    route = Route.through(vertices)
    corridor = index.corridor(route, options)
    return RouteRisk(route, day, options, tuple(index.stretches(route, corridor, day, options)),
                     tuple(with_places(db, index.listed(corridor, day, options))), index.types)
