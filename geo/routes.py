"""Incidents recorded near a route: which ones, where along it, and how many per stretch.

A route is a polyline of (lat, lon) WGS84 vertices joined by geodesics. `PointIndex` sorts a set of
incident positions once; `PointIndex.near(route, buffer_km)` then finds those within buffer_km of the
route (geodesic distance on the WGS84 ellipsoid) with, for each, the distance along the route to its
closest point (`km_along`) and the distance to that point (`km_off`). `score` sums the recent ones per
stretch of the route. Nothing here is a probability: the numbers describe what was recorded.

How a query works, and why it is exact:
1. Candidates. The index holds the points in latitude rows of `ROW_DEG`, sorted by longitude within
   each row, so the points near one run of the route within one row are one contiguous slice, found
   with a binary search. The slice's longitude range is wide enough for any point within the buffer
   (the degree sizes below are lower bounds), so no member is missed.
2. Closest piece. Distances are first taken to straight chords in Earth-centred x, y, z. A piece's
   chord lies within L²/8R of its geodesic (R the ellipsoid's smallest radius of curvature), 49 m for
   pieces of at most `MAX_PIECE_KM` = 50 km, so a chord distance is the geodesic distance give or take
   that sag. Runs of 2**k consecutive pieces (up to 50 km long) stand for their pieces, give or take
   how far the pieces spread from the run's own chord; each level keeps the runs that may hold a
   point's closest spot and splits them, so a road digitised with thousands of vertices costs little
   more than a few sites joined by straight lines. Among single pieces, all those within twice the sag
   of a point's lowest chord distance are kept, which keeps the true closest piece when a route turns
   back on itself.
3. Exact distance. The chord's parameter gives the foot on the geodesic piece (`Geod.fwd`), and
   `Geod.inv` measures the distance to it; the lowest is the point's. The foot is off the true closest
   point by centimetres along the route for a point 10 km off (a metre at 60 km), which changes the
   distance by far less (it is flat there).
Beyond the ends of the route the closest point is the end itself: the corridor has round ends, so a
point 5 km before the start, on the route's line, is in a 10 km corridor with km_along 0.
Near or across the antimeridian a run's slices are whole rows: slower there, still exact. Routes
near the poles are out of scope (the bounds above assume latitudes below 89°).
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

import numpy as np
from pyproj import Geod

_GEOD = Geod(ellps="WGS84")
_R_MIN_KM = _GEOD.b**2 / _GEOD.a / 1000  # smallest radius of curvature of the ellipsoid (6,335 km)
MAX_PIECE_KM = 50.0  # longest piece between route vertices: its chord sags at most 49 m (see above)
ROW_DEG = 0.02  # height of the index's latitude rows (0.005° to 0.1° measure alike: the exact step dominates)
_ROW_SPAN = 1000.0  # a point's sort key is row * _ROW_SPAN + lon + 180 (0 <= lon + 180 <= 360 < _ROW_SPAN)
_KM_PER_DEG_LAT = 110.574  # length of a degree of latitude at the equator, the shortest anywhere
_KM_PER_DEG_LON = 111.320  # length of a degree of longitude at the equator; at latitude φ at least this·cos φ
_ROUNDING_KM = 1e-6  # a millimetre of slack for floating-point rounding where a bound is compared


@dataclass(frozen=True, eq=False)
class Route:
    """A route through given (lat, lon) vertices, joined by geodesics; build it with `Route.through`.

    Edges longer than MAX_PIECE_KM are cut into equal pieces along their geodesic, so `lat`, `lon`
    hold the given vertices and the points added between them; `km` is the distance along the route
    at each (0 first, the route's length last) and `azimuth` the initial azimuth of each piece.
    """

    lat: np.ndarray
    lon: np.ndarray
    km: np.ndarray
    azimuth: np.ndarray

    @classmethod
    def through(cls, vertices: Sequence[tuple[float, float]]) -> Route:
        """The route through `vertices` ((lat, lon) degrees, in travel order); a vertex within a millimetre of
        the one before is dropped."""
        lat, lon = _checked_vertices(vertices)
        azimuth, _, metres = _GEOD.inv(lon[:-1], lat[:-1], lon[1:], lat[1:])
        parts = np.ceil(metres / (MAX_PIECE_KM * 1000)).astype(np.intp)
        edge, step = np.repeat(np.arange(len(parts)), parts), _ranks(parts)
        cut_lon, cut_lat, _ = _GEOD.fwd(lon[edge], lat[edge], azimuth[edge], metres[edge] * step / parts[edge])
        given = step == 0  # the given vertices exactly, not as Geod.fwd rounds them
        lat = np.append(np.where(given, lat[edge], cut_lat), lat[-1])
        lon = np.append(np.where(given, lon[edge], cut_lon), lon[-1])
        azimuth, _, metres = _GEOD.inv(lon[:-1], lat[:-1], lon[1:], lat[1:])
        return cls(lat=lat, lon=lon, km=np.concatenate([[0.0], np.cumsum(metres) / 1000]), azimuth=azimuth)

    @property
    def length_km(self) -> float:
        return float(self.km[-1])

    def points_at(self, km: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(lat, lon) of the points `km` along the route (clamped to its ends)."""
        km = np.clip(np.asarray(km, dtype=float), 0.0, self.length_km)
        piece = np.clip(np.searchsorted(self.km, km, side="right") - 1, 0, len(self.azimuth) - 1)
        lon, lat, _ = _GEOD.fwd(self.lon[piece], self.lat[piece], self.azimuth[piece], (km - self.km[piece]) * 1000)
        return np.asarray(lat), np.asarray(lon)

    def parts(self, edges_km: np.ndarray) -> list[tuple[tuple[float, float], ...]]:
        """The route cut at edges_km (ascending): each part between two edges as (lat, lon) vertices, for
        drawing and GeoJSON LineStrings."""
        edges_km = np.asarray(edges_km, dtype=float)
        lat, lon = (ends.tolist() for ends in self.points_at(edges_km))
        first = np.searchsorted(self.km, edges_km[:-1], side="right")
        stop = np.searchsorted(self.km, edges_km[1:], side="left")
        return [((lat[i], lon[i]), *zip(self.lat[a:b].tolist(), self.lon[a:b].tolist()), (lat[i + 1], lon[i + 1]))
                for i, (a, b) in enumerate(zip(first, stop))]


@dataclass(frozen=True, eq=False)
class Corridor:
    """The indexed points within buffer_km of a route.

    rows: their positions in the arrays given to PointIndex, ascending; km_along: distance along the
    route to each one's closest point of the route; km_off: geodesic distance to that point.
    """

    rows: np.ndarray
    km_along: np.ndarray
    km_off: np.ndarray
    buffer_km: float

    def __len__(self) -> int:
        return len(self.rows)


class PointIndex:
    """Points (lat, lon degrees) sorted once for many corridor queries.

    Build it again when the points change (about 0.1 s per million); points with a NaN or an
    out-of-range coordinate (|lat| > 90, |lon| > 180) are never in a corridor.
    """

    def __init__(self, lat, lon) -> None:
        lat, lon = np.broadcast_arrays(np.asarray(lat, dtype=float), np.asarray(lon, dtype=float))
        valid = np.flatnonzero((np.abs(lat) <= 90) & (np.abs(lon) <= 180))  # NaN fails both tests
        lat, lon = lat[valid], lon[valid]
        key = _row(lat) * _ROW_SPAN + lon + 180
        order = np.argsort(key)
        self._key, self._lat, self._lon, self._rows = key[order], lat[order], lon[order], valid[order]

    def __len__(self) -> int:
        return len(self._key)

    def near(self, route: Route, buffer_km: float = 10.0) -> Corridor:
        """The points within buffer_km (geodesic) of the route, where they are along it and how far off."""
        piece, slot, t = self._closest_pieces(route, buffer_km)
        km_off = _km_to_foot(route, piece, t, self._lat[slot], self._lon[slot])
        best = _lowest_per_slot(slot, km_off)
        best = best[km_off[best] <= buffer_km]
        best = best[np.argsort(self._rows[slot[best]])]
        along = route.km[piece[best]] + t[best] * np.diff(route.km)[piece[best]]
        return Corridor(rows=self._rows[slot[best]], km_along=along, km_off=km_off[best], buffer_km=buffer_km)

    def _closest_pieces(self, route: Route, buffer_km: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(piece, slot, t): the pairs of a piece and a sorted point (slot) where the piece may hold the point's
        closest spot on the route within buffer_km, and where (t) the point projects onto the piece's chord.

        Searched coarse to fine (see _Runs): candidates for the longest runs, then each level keeps the runs
        that may hold the closest spot and splits them, down to single pieces.
        """
        xyz = _ecef(route.lat, route.lon)
        level = _top_level(route.km)
        runs = _Runs.of(xyz, route.km, level)
        run, slot = self._candidates(route, runs, buffer_km)
        slots, point = np.unique(slot, return_inverse=True)  # each candidate's x, y, z computed once
        point_xyz = _ecef(self._lat[slots], self._lon[slots])
        sag = _sag_km(float(np.diff(route.km).max()))
        while True:
            t, chord_km = _onto_chords(runs.start[run], runs.end[run], point_xyz[point])
            keep = _may_hold_closest(point, chord_km, runs.spread_km[run], buffer_km, sag, len(slots))
            run, point, t = run[keep], point[keep], t[keep]
            if level == 0:
                return run, slots[point], t
            level -= 1
            runs = _Runs.of(xyz, route.km, level)
            run, point = _halves(run, point, len(runs.first))

    def _candidates(self, route: Route, runs: _Runs, buffer_km: float) -> tuple[np.ndarray, np.ndarray]:
        """(run, slot) pairs: every sorted point (slot) that may lie within buffer_km of a run's pieces."""
        run, start, stop = self._slices(route, runs, buffer_km)
        size = stop - start
        return np.repeat(run, size), np.repeat(start, size) + _ranks(size)

    def _slices(self, route: Route, runs: _Runs, buffer_km: float) -> tuple[np.ndarray, ...]:
        """(run, start, stop): for each run and each latitude row it may reach, the slice of sorted points
        whose longitude is within reach of the run's part at those latitudes.

        A run is modelled as the straight line between its ends in (lat, lon); its pieces lie within
        spread + 2 sag + lat/lon sag of that line (chord to pieces, geodesic to chord, line to geodesic).
        The 0.1 % covers the bounds adding chord and arc lengths.
        """
        lat0, lat1 = route.lat[runs.first], route.lat[runs.last]
        lon0, lon1 = route.lon[runs.first], route.lon[runs.last]
        sag = _sag_km(route.km[runs.last] - route.km[runs.first])
        pole = np.minimum(np.maximum(np.abs(lat0), np.abs(lat1)), 89.0)
        reach = (buffer_km + runs.spread_km + sag * (2 + 2 * np.tan(np.radians(pole)))) * 1.001 + _ROUNDING_KM
        dlat = reach / _KM_PER_DEG_LAT
        dlon = reach / (_KM_PER_DEG_LON * np.cos(np.radians(np.minimum(pole + dlat, 90.0))))
        first, last = _row(np.minimum(lat0, lat1) - dlat), _row(np.maximum(lat0, lat1) + dlat)
        run = np.repeat(np.arange(len(lat0)), last - first + 1)
        row = first[run] + _ranks(last - first + 1)
        south = row * ROW_DEG - 90 - dlat[run]  # a run's points at these latitudes can reach the row
        t0, t1 = _within_latitudes(lat0[run], lat1[run], south, south + ROW_DEG + 2 * dlat[run])
        lon_a, lon_b = (lon0[run] + t * (lon1 - lon0)[run] for t in (t0, t1))
        west, east = np.minimum(lon_a, lon_b) - dlon[run], np.maximum(lon_a, lon_b) + dlon[run]
        whole = (west < -180) | (east > 180) | (np.abs(lon1 - lon0) > 180)[run]  # at or across the antimeridian
        west[whole], east[whole] = -180.0, 180.0
        base = row * _ROW_SPAN + 180
        return run, np.searchsorted(self._key, base + west), np.searchsorted(self._key, base + east, "right")


class _Runs(NamedTuple):
    """Runs of 2**level consecutive pieces of a route (the last run may be shorter), for a coarse-to-fine search.

    Every spot on a run's chords lies within spread_km of the run's own chord (first to last vertex), and every
    spot of that chord within spread_km of the run's chords (they join its ends), so a point's distance to the
    run is its distance to the run's chord, give or take spread_km.
    """

    first: np.ndarray  # index of each run's first vertex
    last: np.ndarray
    start: np.ndarray  # x, y, z of the first vertex
    end: np.ndarray
    spread_km: np.ndarray

    @classmethod
    def of(cls, xyz: np.ndarray, km: np.ndarray, level: int) -> _Runs:
        pieces = len(km) - 1
        first = np.arange(0, pieces, 2**level)
        last = np.minimum(first + 2**level, pieces)
        owner = np.arange(pieces) >> level  # the run holding each vertex but the route's last
        _, km_off = _onto_chords(xyz[first][owner], xyz[last][owner], xyz[:-1])
        spread = np.zeros(len(first))
        np.maximum.at(spread, owner, km_off)
        return cls(first, last, xyz[first], xyz[last], spread)


@dataclass(frozen=True, eq=False)
class Incidents:
    """Parallel arrays, one row per incident: what `score` reads (lat, lon go to PointIndex).

    day: the date's ordinal (`date.toordinal()`); type_index: the incident type's number, as the caller
    keeps it; precision: ACLED's geo_precision, 1 the place itself, 2 near it, 3 only the region.
    """

    lat: np.ndarray
    lon: np.ndarray
    day: np.ndarray
    type_index: np.ndarray
    killed: np.ndarray
    injured: np.ndarray
    precision: np.ndarray


@dataclass(frozen=True)
class Stretch:
    """One stretch of a route and the incidents recorded near it in the window.

    incidents, killed, injured: plain counts of the incidents whose position is known (precision 1 or 2);
    score: their summed weights (see `score`); top_type: the type index with the highest summed weight
    (None when nothing weighs); geometry: the stretch as (lat, lon) vertices.
    """

    index: int
    from_km: float
    to_km: float
    incidents: int
    killed: int
    injured: int
    score: float
    top_type: int | None
    geometry: tuple[tuple[float, float], ...]


PRECISION_WEIGHT = {1: 1.0, 2: 0.5}  # geo_precision -> weight; 3 (only the region is known) and others weigh 0


def score(route: Route, corridor: Corridor, incidents: Incidents, day: date, *, days: int = 30,
          half_life_days: float = 14.0, step_km: float = 10.0,
          type_weights: Mapping[int, float] | None = None) -> list[Stretch]:
    """The route in stretches of step_km (the last one shorter), each with the corridor's incidents recorded
    in the `days` days ending on `day` (`day` included, later days left out).

    Each incident weighs kind × harm × age × position:
      kind      type_weights[type_index], 1.0 for a type not given;
      harm      1 + log1p(killed + injured): 1 without casualties, 3.4 with 10, 5.6 with 100, so a
                deadly incident weighs more without drowning out many others;
      age       0.5 ** (age in days / half_life_days): 1 on `day`, 0.5 half_life_days before;
      position  PRECISION_WEIGHT: 1 at the place itself, 0.5 near it, 0 when only the region is known,
                since a region-level position says nothing about the road (nor is it counted).
    """
    kept, weight = _weights(corridor, incidents, day.toordinal(), days, half_life_days, type_weights or {})
    rows = corridor.rows[kept]
    count = max(1, math.ceil((route.length_km - _ROUNDING_KM) / step_km))
    stretch = np.minimum((corridor.km_along[kept] // step_km).astype(np.intp), count - 1)
    n, killed, injured, total = (np.bincount(stretch, values, minlength=count)
                                 for values in (None, incidents.killed[rows], incidents.injured[rows], weight))
    top = _top_types(stretch, incidents.type_index[rows], weight, count)
    edges = np.minimum(np.arange(count + 1) * step_km, route.length_km)
    return [Stretch(index=i, from_km=float(edges[i]), to_km=float(edges[i + 1]), incidents=int(n[i]),
                    killed=int(killed[i]), injured=int(injured[i]), score=float(total[i]), top_type=top[i],
                    geometry=geometry)
            for i, geometry in enumerate(route.parts(edges))]


def _weights(corridor: Corridor, incidents: Incidents, day: int, days: int, half_life_days: float,
             type_weights: Mapping[int, float]) -> tuple[np.ndarray, np.ndarray]:
    """(positions in the corridor, weights) of the corridor's incidents that count on `day` (see `score`)."""
    age = day - incidents.day[corridor.rows]
    position = _lookup(PRECISION_WEIGHT, incidents.precision[corridor.rows], 0.0)
    kept = np.flatnonzero((age >= 0) & (age < days) & (position > 0))
    rows, age = corridor.rows[kept], age[kept]
    kind = _lookup(type_weights, incidents.type_index[rows], 1.0)
    harm = 1 + np.log1p(incidents.killed[rows] + incidents.injured[rows])
    return kept, kind * harm * 0.5 ** (age / half_life_days) * position[kept]


def _top_types(stretch: np.ndarray, type_index: np.ndarray, weight: np.ndarray, count: int) -> list[int | None]:
    """Per stretch, the type index with the highest summed weight; None where nothing weighs."""
    types = int(type_index.max()) + 1 if len(type_index) else 1
    sums = np.bincount(stretch * types + type_index, weight, minlength=count * types).reshape(count, types)
    top = sums.argmax(axis=1)
    return [int(t) if sums[i, t] > 0 else None for i, t in enumerate(top)]


def _lookup(weights: Mapping[int, float], keys: np.ndarray, default: float) -> np.ndarray:
    """weights[key] for each key, default for keys not in weights."""
    out = np.full(keys.shape, default)
    for key, weight in weights.items():
        out[keys == key] = weight
    return out


def _checked_vertices(vertices: Sequence[tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
    """Latitudes and longitudes of the vertices, leaving out those within a millimetre of the one before."""
    points = np.asarray(vertices, dtype=float).reshape(-1, 2)
    if not ((np.abs(points[:, 0]) <= 90) & (np.abs(points[:, 1]) <= 180)).all():
        raise ValueError("route vertices must be (lat, lon) degrees, |lat| <= 90 and |lon| <= 180")
    lat, lon = points[:, 0], points[:, 1]
    moved = np.r_[True, _GEOD.inv(lon[:-1], lat[:-1], lon[1:], lat[1:])[2] >= 0.001]
    if moved.sum() < 2:
        raise ValueError("a route needs at least two distinct vertices")
    return lat[moved], lon[moved]


def _top_level(km: np.ndarray) -> int:
    """The coarsest level whose runs of 2**level pieces are all at most MAX_PIECE_KM long (0: single pieces)."""
    level, pieces = 0, len(km) - 1
    while 2**level < pieces:
        first = np.arange(0, pieces, 2 ** (level + 1))
        if (km[np.minimum(first + 2 ** (level + 1), pieces)] - km[first]).max() > MAX_PIECE_KM:
            break
        level += 1
    return level


def _halves(run: np.ndarray, point: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Each (run, point) pair split into the run's two halves a level down (count runs there)."""
    half = (2 * run[:, None] + np.array([0, 1])).ravel()
    point = np.repeat(point, 2)
    real = half < count  # the last run may have no second half
    return half[real], point[real]


def _may_hold_closest(point: np.ndarray, chord_km: np.ndarray, spread_km: np.ndarray, buffer_km: float,
                      sag_km: float, points: int) -> np.ndarray:
    """Mask of the (run, point) pairs whose run may hold the point's closest spot on the route within buffer_km.

    The run's pieces are chord_km - spread_km to chord_km + spread_km away as chords, and a piece's chord
    passes within sag_km of every spot of its geodesic. A chord never exceeds the geodesic it spans, so the
    run holding the closest spot is at most buffer_km + sag_km away as a chord, and at most sag_km farther
    than the geodesic spanning the lowest chord_km + spread_km + sag_km among the point's runs (_arc_km).
    """
    upper = np.full(points, np.inf)
    np.minimum.at(upper, point, chord_km + spread_km)
    lower = chord_km - spread_km
    return ((lower <= buffer_km + sag_km + _ROUNDING_KM)
            & (lower <= _arc_km(upper[point] + sag_km) + sag_km + _ROUNDING_KM))


def _arc_km(chord_km: np.ndarray) -> np.ndarray:
    """Longest geodesic a chord of chord_km can span: 2R·asin(c / 2R), R the smallest radius of curvature
    (as in geo.lookups); a few centimetres more than the chord at 30 km."""
    return 2 * _R_MIN_KM * np.arcsin(np.minimum(chord_km / (2 * _R_MIN_KM), 1.0))


def _onto_chords(start: np.ndarray, end: np.ndarray, xyz: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each point (x, y, z rows) and chord start -> end: where the point projects onto the chord (0 start,
    1 end, clamped) and its distance in km from that spot."""
    chord, offset = end - start, xyz - start
    squared = np.maximum(np.einsum("ij,ij->i", chord, chord), 1e-9)  # a run that comes back to its start
    t = np.clip(np.einsum("ij,ij->i", offset, chord) / squared, 0.0, 1.0)
    return t, np.linalg.norm(offset - t[:, None] * chord, axis=1) / 1000


def _km_to_foot(route: Route, piece: np.ndarray, t: np.ndarray, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Geodesic km from each point to the spot a fraction t along the piece's geodesic."""
    metres = t * np.diff(route.km)[piece] * 1000
    foot_lon, foot_lat, _ = _GEOD.fwd(route.lon[piece], route.lat[piece], route.azimuth[piece], metres)
    return np.asarray(_GEOD.inv(lon, lat, foot_lon, foot_lat)[2]) / 1000


def _lowest_per_slot(slot: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Index of the lowest value for each distinct slot, in ascending slot order."""
    order = np.lexsort((value, slot))
    return order[np.diff(slot[order], prepend=-1) != 0]


def _sag_km(length_km):
    """Most a geodesic of length_km lies from its chord: L²/8R, R the ellipsoid's smallest radius of curvature."""
    return np.square(length_km) / (8 * _R_MIN_KM)


def _within_latitudes(lat0, lat1, south, north) -> tuple[np.ndarray, np.ndarray]:
    """Parameters t0 <= t1 (0 at lat0, 1 at lat1) bounding the part of each straight line lat0 -> lat1 that lies
    between south and north; the whole line where it runs (nearly) along a parallel."""
    rise = lat1 - lat0
    flat = np.abs(rise) < 1e-9  # taking all of it is safe: the slice only grows
    ta, tb = ((edge - lat0) / np.where(flat, 1.0, rise) for edge in (south, north))
    t0 = np.where(flat, 0.0, np.clip(np.minimum(ta, tb), 0.0, 1.0))
    t1 = np.where(flat, 1.0, np.clip(np.maximum(ta, tb), 0.0, 1.0))
    return t0, t1


def _ranks(counts: np.ndarray) -> np.ndarray:
    """0, 1, ..., count - 1 for each count, concatenated."""
    return np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)


def _row(lat: np.ndarray) -> np.ndarray:
    """The index row holding each latitude."""
    return np.clip(np.floor((lat + 90) / ROW_DEG), 0, 180 / ROW_DEG).astype(np.int64)


def _ecef(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Earth-centred x, y, z in metres (on the ellipsoid), one row per point."""
    phi, lam = np.radians(lat), np.radians(lon)
    normal = _GEOD.a / np.sqrt(1 - _GEOD.es * np.sin(phi) ** 2)
    return np.stack([normal * np.cos(phi) * np.cos(lam), normal * np.cos(phi) * np.sin(lam),
                     normal * (1 - _GEOD.es) * np.sin(phi)], axis=1)
