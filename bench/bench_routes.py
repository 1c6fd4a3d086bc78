"""Incidents near a route: a 596 km route (Gao -> Timbuktu -> Mopti) over 100,000 and 1,000,000 incidents.

Measured: building the PointIndex (once per set of incidents), the corridor query (10 km either side), and
scoring its 10 km stretches over 30 days (each run at another date, as when the date cursor moves).
Beside them, in the same run, a brute force without any index: every incident against every piece of the
route, vectorised (the foot on the piece's chord in x, y, z, then Geod.fwd to put it on the geodesic and
Geod.inv to measure), the closest piece kept; the bench checks that both find the same incidents.
Then the same route digitised as a winding road of 3,000 and 30,000 vertices (a line from a GIS layer),
which the coarse-to-fine search is for (no brute force there: it would take minutes).
Incidents as in bench_map: spread over Mali and its borders, densest in the centre the route crosses.
Medians of 5, milliseconds. Target: query + scoring under 200 ms at 1,000,000.

Then the window's work when the date cursor settles with routes shown (app/controllers/routes.py recolour): the
day window weighed again, the incidents listed, the map's stretch colours, the panel's profile and list updated, for
two routes (A: Gao -> Timbuktu -> Mopti, B: Ber -> Timbuktu), beside what the map already does on every settled
date in the same run (its incident layer's date window over the same incidents) as the baseline.
"""
from __future__ import annotations

import statistics
import time
from datetime import date, timedelta

import numpy as np
from pyproj import Geod, Transformer

SIZES = (100_000, 1_000_000)
ROAD_VERTICES = (3_000, 30_000)
RUNS = 5
START = date(2023, 1, 1)
DAYS = [START + timedelta(days=d) for d in (150, 190, 230, 270, 310)]
GAO, TIMBUKTU, MOPTI = (16.27167, -0.04472), (16.77348, -3.00742), (14.52742, -4.09344)  # the scenario's sites
BUFFER_KM = 10.0
GEOD = Geod(ellps="WGS84")
TO_XYZ = Transformer.from_crs("EPSG:4326", "EPSG:4978", always_xy=True)


def incidents(n: int):
    """n incidents over 2023, positions as bench_map's, with types, casualties and ACLED-like precisions."""
    from geo.routes import Incidents

    rng = np.random.default_rng(n)
    return Incidents(lat=rng.normal(15.5, 2.2, n), lon=rng.normal(-2.0, 3.0, n),
                     day=START.toordinal() + rng.integers(0, 365, n), type_index=rng.integers(0, 10, n),
                     killed=rng.geometric(0.5, n) - 1, injured=rng.geometric(0.4, n) - 1,
                     precision=rng.choice([1, 2, 3], n, p=[0.7, 0.25, 0.05]))


def winding_road(route, vertices: int):
    """The route as a road digitised with `vertices` vertices, swinging 1 km either side every 5 km."""
    from geo.routes import Route

    km = np.linspace(0, route.length_km, vertices)
    lat, lon = route.points_at(km)
    piece = np.clip(np.searchsorted(route.km, km, side="right") - 1, 0, len(route.azimuth) - 1)
    lon, lat, _ = GEOD.fwd(lon, lat, route.azimuth[piece] + 90, 1000 * np.sin(km / 5 * 2 * np.pi))
    return Route.through(list(zip(lat, lon)))


def brute_force(route, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Rows of the incidents within BUFFER_KM of the route, measuring every incident against every piece."""
    x, y, z = TO_XYZ.transform(lon, lat, np.zeros_like(lat))
    ends = np.column_stack(TO_XYZ.transform(route.lon, route.lat, np.zeros_like(route.lat)))
    closest = np.full(len(lat), np.inf)
    for piece, (start, end) in enumerate(zip(ends[:-1], ends[1:])):
        chord = end - start
        t = np.clip(((x - start[0]) * chord[0] + (y - start[1]) * chord[1] + (z - start[2]) * chord[2])
                    / chord.dot(chord), 0.0, 1.0)
        metres = t * (route.km[piece + 1] - route.km[piece]) * 1000
        foot_lon, foot_lat, _ = GEOD.fwd(np.full_like(t, route.lon[piece]), np.full_like(t, route.lat[piece]),
                                         np.full_like(t, route.azimuth[piece]), metres)
        closest = np.minimum(closest, GEOD.inv(lon, lat, foot_lon, foot_lat)[2] / 1000)
    return np.flatnonzero(closest <= BUFFER_KM)


def median_ms(runs) -> float:
    """Median wall time of the calls in `runs` (callables), in milliseconds."""
    times = []
    for run in runs:
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(route, found, brute: bool) -> dict:
    from geo.routes import PointIndex, score

    build = median_ms([lambda: PointIndex(found.lat, found.lon)] * RUNS)
    index = PointIndex(found.lat, found.lon)
    query = median_ms([lambda: index.near(route, BUFFER_KM)] * RUNS)
    corridor = index.near(route, BUFFER_KM)
    scoring = median_ms([lambda day=day: score(route, corridor, found, day) for day in DAYS])
    out = dict(near=len(corridor), build=build, query=query, scoring=scoring, brute="-", same="-")
    if brute:
        out["brute"] = f"{median_ms([lambda: brute_force(route, found.lat, found.lon)] * RUNS):,.1f}"
        out["same"] = "yes" if np.array_equal(brute_force(route, found.lat, found.lon), corridor.rows) else "NO"
    return out


def main() -> None:
    table()
    recolour()


def table() -> None:
    from geo.routes import Route

    route = Route.through([GAO, TIMBUKTU, MOPTI])
    roads = {n: winding_road(route, n) for n in ROAD_VERTICES}
    print(f"Gao -> Timbuktu -> Mopti, {route.length_km:.0f} km; buffer {BUFFER_KM:.0f} km, stretches 10 km, "
          f"30 days; medians of {RUNS} (ms); target: query + scoring under 200 ms at 1,000,000")
    header = ("incidents", "route", "near it", "index", "query", "scoring", "q+s", "brute force", "same")
    print("{:>10} {:>22} {:>8} {:>7} {:>7} {:>8} {:>7} {:>12} {:>5}".format(*header))
    for n in SIZES:
        found = incidents(n)
        cases = [("3 vertices", route, True)]
        if n == SIZES[-1]:
            cases += [(f"road, {v:,} vertices", roads[v], False) for v in ROAD_VERTICES]
        for label, shape, brute in cases:
            m = measure(shape, found, brute)
            print(f"{n:>10,} {label:>22} {m['near']:>8,} {m['build']:>7.1f} {m['query']:>7.1f} {m['scoring']:>8.1f} "
                  f"{m['query'] + m['scoring']:>7.1f} {m['brute']:>12} {m['same']:>5}", flush=True)


def points(found):
    """The bench incidents as the window holds them (db.incidents.points.IncidentPoints)."""
    from db.incidents.points import IncidentPoints

    n = len(found.lat)
    types = ("attack-on-convoy", "battles", "explosions-remote-violence", "ied", "indirect-fire", "movement-restriction",
             "protests", "riots", "strategic-developments", "violence-against-civilians")
    return IncidentPoints(ids=np.array([f"i{i}" for i in range(n)], dtype=object), lat=found.lat, lon=found.lon,
                          day=found.day.astype(np.int64), type_index=found.type_index.astype(np.int32),
                          casualties=(found.killed + found.injured).astype(np.int32), types=types,
                          region_only=found.precision == 3, killed=found.killed.astype(np.int32),
                          injured=found.injured.astype(np.int32), precision=found.precision.astype(np.int8))


def recolour(sizes=SIZES) -> None:
    """The date cursor settling with two routes shown, as the window's route controller does it."""
    from PySide6.QtWidgets import QApplication

    from app import map_data
    from app.controllers.routes import RouteController
    from db.incidents.near_route import RouteIndex, RouteOptions
    from widgets.map.view import MapView
    from widgets.routes.panel import RoutePanel

    app = QApplication.instance() or QApplication([])
    print(f"\ndate cursor settling with routes A and B shown (ms, medians of {RUNS} dates)")
    print("{:>10} {:>10} {:>12} {:>14} {:>18}".format("incidents", "near A+B", "recolour", "of which UI",
                                                       "map date (baseline)"))
    for n in sizes:
        loaded = points(incidents(n))
        view, panel = MapView(), RoutePanel()
        view.resize(1000, 600)
        panel.resize(900, 300)
        view.set_incidents(loaded, map_data.incident_styles(loaded.types))
        index = RouteIndex(loaded)
        state = _State(DAYS[0])
        controller = RouteController.__new__(RouteController)
        controller.state, controller.panel, controller.view = state, panel, view
        controller.options = RouteOptions()
        controller.slots = {}
        from app.controllers.routes import Slot
        from geo.routes import Route

        near = 0
        for key, vertices in (("A", [GAO, TIMBUKTU, MOPTI]), ("B", [(16.83493, -2.53194), TIMBUKTU])):
            route = Route.through(vertices)
            corridor = index.corridor(route, controller.options)
            near += len(corridor)
            controller.slots[key] = Slot(key, vertices, route, corridor, index)
        controller.slots["A"].places = controller.slots["B"].places = {i: "" for i in loaded.ids}  # read already
        controller._type_labels = lambda: {}
        controller.shown = _Signal()
        controller.recolour()  # the first: geometry drawn
        app.processEvents()

        def settle(day):
            state.cursor.date = day
            controller.recolour()

        def ui_only(day):
            for key in ("A", "B"):
                view.set_route_colors(key, tuple("#999999" for _ in controller.slots[key].stretches))
                panel.show_route(key, controller.route_view(key))

        total = median_ms([lambda d=d: settle(d) for d in DAYS])
        ui = median_ms([lambda d=d: ui_only(d) for d in DAYS])
        base = median_ms([lambda d=d: view.show_incident_window(d, 30) for d in DAYS])
        print(f"{n:>10,} {near:>10,} {total:>12.1f} {ui:>14.1f} {base:>18.1f}", flush=True)
        view.deleteLater()
        panel.deleteLater()


class _Signal:
    def emit(self, *args):
        pass


class _Cursor:
    def __init__(self, day):
        self.date = day


class _State:
    """What the route controller reads of the window's state while recolouring."""

    def __init__(self, day):
        self.cursor, self.lang, self.db = _Cursor(day), "en", None

    class ops:  # noqa: N801 (the places are read already: no op is asked for)
        @staticmethod
        def run(op):
            return op


if __name__ == "__main__":
    main()
