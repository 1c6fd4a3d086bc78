"""Spatial lookups over plain inputs: region of a point, geodesic distance, nearest site.

Coordinates are WGS84 degrees; distances are geodesic on the WGS84 ellipsoid (pyproj.Geod).
Array functions broadcast their inputs and run without a per-point Python loop.
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import shapely
from pyproj import Geod

if TYPE_CHECKING:  # geopandas costs 0.4 s to import; only Regions.from_frame takes its frames
    import geopandas as gpd

_GEOD = Geod(ellps="WGS84")
_E2 = _GEOD.es  # first eccentricity squared of WGS84
_R_MIN = _GEOD.b**2 / _GEOD.a  # smallest radius of curvature of the ellipsoid, metres
_CHUNK = 100_000  # points per block in nearest_many (keeps the sites x points arrays small)
_SLACK_M = 1e-3  # margin on chord prefilters for rounding; the geodesic decides


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    name_fr: str | None = None


class NearestSite(NamedTuple):
    site_id: Hashable
    km: float


class Regions:
    """Regions (code, names) and their polygons in lon/lat, prepared once for point lookups.

    A point on a shared border goes to the first region in order.
    """

    def __init__(self, regions: Sequence[Region], geometries) -> None:
        self.regions = tuple(regions)
        self._codes = np.array([r.code for r in self.regions], dtype=object)
        self._geoms = np.asarray(geometries, dtype=object)
        self._bounds = shapely.bounds(self._geoms)
        shapely.prepare(self._geoms)

    @classmethod
    def from_frame(cls, gdf: "gpd.GeoDataFrame") -> "Regions":
        """From polygons with columns iso_3166_2, name (optional name_fr), in any CRS."""
        if gdf.crs is not None:
            gdf = gdf.to_crs(4326)
        names_fr = gdf["name_fr"] if "name_fr" in gdf else [None] * len(gdf)
        return cls([Region(code, name, name_fr if isinstance(name_fr, str) else None)
                    for code, name, name_fr in zip(gdf["iso_3166_2"], gdf["name"], names_fr)],
                   gdf.geometry.to_numpy())

    def bounds_of(self, code: str) -> tuple[float, float, float, float]:
        """lon_min, lat_min, lon_max, lat_max of a region (KeyError for an unknown code)."""
        rows = np.flatnonzero(self._codes == code)
        if not len(rows):
            raise KeyError(code)
        return tuple(float(v) for v in self._bounds[rows[0]])

    def region_of(self, lat: float, lon: float) -> Region | None:
        row = self._rows_of(np.array([lat]), np.array([lon]))[0]
        return self.regions[row] if row >= 0 else None

    def codes_of(self, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
        """ISO 3166-2 code per point (object array), None outside every region."""
        rows = self._rows_of(lats, lons)
        codes = np.full(rows.shape, None, dtype=object)
        codes[rows >= 0] = self._codes[rows[rows >= 0]]
        return codes

    def _rows_of(self, lats, lons) -> np.ndarray:
        """Row of the first region holding each point (border included), -1 where none."""
        lats, lons = _float_arrays(lats, lons)
        rows = np.full(lats.shape, -1, dtype=np.intp)
        for row, (geom, (x0, y0, x1, y1)) in enumerate(zip(self._geoms, self._bounds)):
            todo = (rows < 0) & (lons >= x0) & (lons <= x1) & (lats >= y0) & (lats <= y1)
            found = rows[todo]
            found[shapely.intersects_xy(geom, lons[todo], lats[todo])] = row
            rows[todo] = found
        return rows


def geodesic_km(lat1, lon1, lat2, lon2):
    """Geodesic distance in km; a float for scalars, else a broadcast array (NaN if invalid)."""
    return _inverse(lat1, lon1, lat2, lon2)[1] / 1000.0


def bearing_deg(lat1, lon1, lat2, lon2):
    """Initial bearing from point 1 to point 2, degrees clockwise from north in [0, 360)."""
    return _inverse(lat1, lon1, lat2, lon2)[0] % 360.0


def within_radius(site_lat, site_lon, lats, lons, radius_km: float) -> np.ndarray:
    """Mask of the points at most radius_km (geodesic) from the site."""
    lats, lons = _float_arrays(lats, lons)
    site = _ecef(np.asarray([site_lat], dtype=float), np.asarray([site_lon], dtype=float))
    # The straight-line (chord) distance never exceeds the geodesic, so only points with a
    # chord within the radius need measuring.
    mask = _chord(_ecef(lats, lons), site) <= radius_km * 1000.0 + _SLACK_M
    mask[mask] = geodesic_km(site_lat, site_lon, lats[mask], lons[mask]) <= radius_km
    return mask


class SiteIndex:
    """Sites given as (site_id, lat, lon), for geodesic nearest-site queries."""

    def __init__(self, sites: Sequence[tuple[Hashable, float, float]]) -> None:
        if not sites:
            raise ValueError("SiteIndex needs at least one site")
        self.ids = np.empty(len(sites), dtype=object)
        self.ids[:] = [site[0] for site in sites]
        self.lats = np.array([site[1] for site in sites], dtype=float)
        self.lons = np.array([site[2] for site in sites], dtype=float)
        self._xyz = _ecef(self.lats, self.lons)
        if not np.isfinite(self._xyz).all():
            raise ValueError("site coordinates must be finite WGS84 degrees")

    def nearest(self, lat: float, lon: float) -> NearestSite:
        """Geodesic-nearest site and its distance in km ((None, nan) for an invalid point)."""
        ids, km = self.nearest_many(np.array([lat]), np.array([lon]))
        return NearestSite(ids[0], float(km[0]))

    def nearest_many(self, lats, lons) -> tuple[np.ndarray, np.ndarray]:
        """Geodesic-nearest site id (object array) and km per point; None and NaN if invalid."""
        lats, lons = _float_arrays(lats, lons)
        flat_lats, flat_lons = lats.ravel(), lons.ravel()
        rows = np.empty(flat_lats.size, dtype=np.intp)
        km = np.empty(flat_lats.size)
        for start in range(0, flat_lats.size, _CHUNK):
            part = slice(start, start + _CHUNK)
            rows[part], km[part] = self._nearest_block(flat_lats[part], flat_lons[part])
        ids = self.ids[rows]
        ids[np.isnan(km)] = None
        return ids.reshape(lats.shape), km.reshape(lats.shape)

    def _nearest_block(self, lats: np.ndarray, lons: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Site row and km per point, measuring only the sites that can be nearest.

        The chord c (straight line) to a site never exceeds the geodesic g, and a WGS84
        geodesic bends no tighter than the smallest radius of curvature R = b²/a, so
        g <= 2R·asin(c / 2R) (Schur's comparison theorem). Hence a site whose chord exceeds
        2R·asin(c_min / 2R) cannot be the geodesic-nearest. Beyond chords of R (6,335 km)
        every site is measured.
        """
        chord = _chord(self._xyz[:, None, :], _ecef(lats, lons)[None, :, :])
        c_min = np.minimum(chord.min(axis=0), _R_MIN)  # NaN for an invalid point
        limit = 2 * _R_MIN * np.arcsin(c_min / (2 * _R_MIN)) + _SLACK_M
        limit[c_min >= _R_MIN] = np.inf
        site, point = np.nonzero(chord <= limit)
        dist = np.full(chord.shape, np.inf)
        km = geodesic_km(self.lats[site], self.lons[site], lats[point], lons[point])
        dist[site, point] = np.nan_to_num(km, nan=np.inf)
        rows = dist.argmin(axis=0)
        km = dist[rows, np.arange(lats.size)]
        km[~np.isfinite(km)] = np.nan
        return rows, km


def _inverse(lat1, lon1, lat2, lon2) -> tuple:
    """(forward azimuth, metres) from pyproj.Geod.inv over broadcast inputs."""
    args = _float_arrays(lon1, lat1, lon2, lat2)
    shape = args[0].shape
    azimuth, _, metres = _GEOD.inv(*(a.ravel() for a in args))
    azimuth, metres = np.reshape(azimuth, shape), np.reshape(metres, shape)
    return (azimuth, metres) if shape else (float(azimuth), float(metres))


def _float_arrays(*values) -> tuple[np.ndarray, ...]:
    return np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in values))


def _ecef(lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Earth-centred x, y, z in metres (EPSG:4978, on the ellipsoid), stacked on a last axis (NaN if invalid).

    The closed form rather than a pyproj Transformer: PROJ crashes when a Transformer is made in a thread that
    Qt started (the database executor's), and the formula is exact and faster."""
    with np.errstate(invalid="ignore"):
        valid = (np.abs(lats) <= 90) & (np.abs(lons) <= 180)  # False for NaN too
    phi, lam = np.radians(np.where(valid, lats, np.nan)), np.radians(np.where(valid, lons, np.nan))
    n = _GEOD.a / np.sqrt(1 - _E2 * np.sin(phi) ** 2)  # radius of curvature in the prime vertical
    return np.stack([n * np.cos(phi) * np.cos(lam), n * np.cos(phi) * np.sin(lam), n * (1 - _E2) * np.sin(phi)],
                    axis=-1)


def _chord(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Straight-line distance in metres between broadcast ECEF points (last axis x, y, z)."""
    return np.sqrt(sum((a[..., k] - b[..., k]) ** 2 for k in range(3)))
