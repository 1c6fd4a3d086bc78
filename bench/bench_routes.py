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


if __name__ == "__main__":
    main()
