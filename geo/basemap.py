"""The shipped basemap, user vector layers and MBTiles rasters, as plain data (no Qt).

Geometries are turned into numpy arrays here, ready for pyqtgraph in widgets/. What the window and the
commands need of the shipped basemap (its drawing, regions, places, sources) comes from the cache of
geo/basemap_cache.py, without geopandas; geopandas, pyogrio and pyproj are imported only to read a
GeoPackage layer or a user's file, and to place MBTiles tiles.
"""
from __future__ import annotations

import functools
import math
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from geo import basemap_cache

if TYPE_CHECKING:
    import geopandas as gpd

BASEMAP_PATH = basemap_cache.GPKG
WGS84 = "EPSG:4326"


class LayerError(Exception):
    """A map file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class LayerSource:
    layer: str
    package: str
    file: str
    licence: str
    attribution: str


def load_layer(name: str, path=None) -> gpd.GeoDataFrame:
    """One layer of the basemap GeoPackage (a copy: callers may change it)."""
    return _read_layer(str(path or BASEMAP_PATH), name).copy()


@functools.lru_cache(maxsize=32)
def _read_layer(path: str, name: str) -> gpd.GeoDataFrame:
    import pyogrio

    names = _layer_names(path)
    if name not in names:
        raise LayerError(f"{path}: no layer {name!r} (layers: {', '.join(names)})")
    return pyogrio.read_dataframe(path, layer=name)


@functools.lru_cache(maxsize=1)
def regions():
    """The regions of Mali of the shipped basemap, prepared for point lookups (geo.lookups.Regions)."""
    from geo.lookups import Region, Regions

    b = basemap_cache.load()
    return Regions([Region(str(code), str(name), str(fr) or None)
                    for code, name, fr in zip(b["region_code"], b["region_en"], b["region_fr"])],
                   basemap_cache.region_geometries(b))


@functools.lru_cache(maxsize=1)
def gazetteer():
    """The named places of the shipped basemap (GeoNames), for the nearest one to a point: a
    geo.lookups.SiteIndex whose ids are the places' names."""
    from geo.lookups import SiteIndex

    b = basemap_cache.load()
    return SiteIndex(list(zip(b["place_name"].tolist(), b["place_y"].tolist(), b["place_x"].tolist())))


def focus_bbox() -> tuple[float, float, float, float]:
    """lon_min, lat_min, lon_max, lat_max of the mission's country and its neighbours."""
    return tuple(float(v) for v in basemap_cache.load()["focus_bbox"])


def _layer_names(path: str) -> list[str]:
    import pyogrio

    if not Path(path).exists():
        raise LayerError(f"{path}: file not found")
    try:
        return [str(n) for n in pyogrio.list_layers(path)[:, 0]]
    except pyogrio.errors.DataSourceError as e:
        raise LayerError(f"{path}: not a readable vector file ({e})") from e


@functools.lru_cache(maxsize=1)
def layer_sources() -> tuple[LayerSource, ...]:
    """Where each basemap layer comes from, with its licence and attribution."""
    b = basemap_cache.load()
    columns = [b[f"source_{c}"].tolist() for c in basemap_cache.SOURCES]
    return tuple(LayerSource(*row) for row in zip(*columns))


def attributions() -> list[str]:
    """Distinct attribution lines to show with the map, in layer order."""
    return list(dict.fromkeys(s.attribution for s in layer_sources()))


def read_vector_file(path, layer: str | None = None) -> gpd.GeoDataFrame:
    """A user's vector file (GeoPackage, GeoJSON, shapefile...) in EPSG:4326.

    Reads `layer`, or the first layer. A file without a CRS is taken as EPSG:4326 when its
    coordinates fit, and then `gdf.attrs["crs_assumed"]` is True.
    """
    import geopandas as gpd
    import pyogrio
    import pyproj

    path = str(path)
    names = _layer_names(path)
    layer = layer or names[0]
    if layer not in names:
        raise LayerError(f"{path}: no layer {layer!r} (layers: {', '.join(names)})")
    try:
        gdf = pyogrio.read_dataframe(path, layer=layer)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as e:
        raise LayerError(f"{path}: layer {layer!r} cannot be read ({e})") from e
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise LayerError(f"{path}: layer {layer!r} has no geometry")
    if gdf.empty:
        raise LayerError(f"{path}: layer {layer!r} has no features")
    assumed = gdf.crs is None
    if assumed:
        x0, y0, x1, y1 = gdf.total_bounds
        if not (-180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90):
            raise LayerError(f"{path}: layer {layer!r} has no CRS and its coordinates are not longitude/latitude")
        gdf = gdf.set_crs(WGS84)
    else:
        try:
            gdf = gdf.to_crs(WGS84)
        except pyproj.exceptions.CRSError as e:
            raise LayerError(f"{path}: layer {layer!r} cannot be reprojected to EPSG:4326 ({e})") from e
    gdf.attrs.update(layer=layer, crs_assumed=assumed)
    return gdf


def lines_to_xy(geoms) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Outlines of polygons (every ring) and lines as x, y and connect arrays.

    `connect[i]` is False at the last vertex of each ring or line, as pyqtgraph's
    PlotCurveItem(x, y, connect=connect) expects. Points are ignored.
    """
    import shapely

    parts = shapely.get_parts(np.asarray(geoms, dtype=object))
    kind = shapely.get_type_id(parts)
    lines = np.concatenate([shapely.get_rings(parts[kind == 3]), parts[(kind == 1) | (kind == 2)]])
    xy, index = shapely.get_coordinates(lines, return_index=True)
    connect = np.append(index[1:] == index[:-1], False) if len(index) else np.zeros(0, bool)
    return np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1]), connect


def polygons_to_rings(geoms) -> list[np.ndarray]:
    """Every ring (exterior, then holes) of every polygon as an (n, 2) array.

    Filled with the odd-even rule, holes come out right without knowing which ring is which.
    """
    import shapely

    parts = shapely.get_parts(np.asarray(geoms, dtype=object))
    rings = shapely.get_rings(parts[shapely.get_type_id(parts) == 3])
    xy, index = shapely.get_coordinates(rings, return_index=True)
    return np.split(xy, np.flatnonzero(np.diff(index)) + 1) if len(xy) else []


# Web Mercator tile grid: pyproj does the projection; the grid is plain arithmetic
# (no installed library provides slippy-map tile math). The transformer is made on first use, by the map on the
# GUI thread: PROJ crashes when one is made in a thread that Qt started (the database executor's).
@functools.cache
def _mercator():
    import pyproj

    return pyproj.Transformer.from_crs(WGS84, "EPSG:3857", always_xy=True), pyproj.enums.TransformDirection.INVERSE


_HALF = math.pi * 6378137.0  # half the world's width in EPSG:3857, metres (its sphere: WGS84's semi-major axis)


MAX_ZOOM = 22  # the deepest zoom level of any published tile set (about 4 cm a pixel)


class MBTiles:
    """A read-only MBTiles file. Tile addresses are XYZ (y counts down from the north). Its metadata is
    checked, not trusted: zoom levels 0..22, bounds four finite numbers inside the Web Mercator world."""

    def __init__(self, path):
        self.path = Path(path)
        if not self.path.is_file():
            raise LayerError(f"{self.path}: file not found")
        try:
            self._db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            self.metadata = dict(self._db.execute("SELECT name, value FROM metadata"))
            zooms = self._db.execute("SELECT min(zoom_level), max(zoom_level) FROM tiles").fetchone()
            self.min_zoom = int(self.metadata.get("minzoom", zooms[0] or 0))
            self.max_zoom = int(self.metadata.get("maxzoom", zooms[1] or 0))
            self.bounds = self._bounds(self.metadata.get("bounds"))
        except (sqlite3.DatabaseError, ValueError, TypeError, OverflowError) as e:
            raise LayerError(f"{self.path}: not a usable MBTiles file ({e})") from e
        if not 0 <= self.min_zoom <= self.max_zoom <= MAX_ZOOM:
            raise LayerError(f"{self.path}: not a usable MBTiles file (zoom levels {self.min_zoom} to "
                             f"{self.max_zoom}; 0 to {MAX_ZOOM} expected)")

    def _bounds(self, text: str | None) -> tuple[float, float, float, float]:
        if not text:
            return self.tile_bounds(0, 0, 0)
        values = tuple(float(v) for v in str(text).split(","))
        if len(values) != 4 or not all(math.isfinite(v) for v in values):
            raise ValueError(f"bounds {text!r}: four numbers expected")
        lon0, lat0, lon1, lat1 = values
        if not (-180 <= lon0 < lon1 <= 180 and -90 <= lat0 < lat1 <= 90):
            raise ValueError(f"bounds {text!r} are not a box on Earth")
        return values

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The image bytes of XYZ tile (z, x, y), or None if the file lacks it."""
        row = self._db.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (z, x, 2**z - 1 - y)).fetchone()  # MBTiles rows count up from the south (TMS)
        return row[0] if row and isinstance(row[0], bytes) else None  # text is no image

    @staticmethod
    def tile_span(lon_min: float, lat_min: float, lon_max: float, lat_max: float,
                  z: int) -> tuple[range, range]:
        """The columns and rows of the XYZ tiles covering a lon/lat box at zoom z (no wrap across the
        antimeridian): counted before any tile is listed, so a deep zoom over a wide box costs nothing."""
        n = 2**z
        xs, ys = _mercator()[0].transform([lon_min, lon_max], [lat_max, lat_min])
        col = np.clip(((np.clip(xs, -_HALF, _HALF) + _HALF) / (2 * _HALF) * n).astype(np.int64), 0, n - 1)
        row = np.clip(((_HALF - np.clip(ys, -_HALF, _HALF)) / (2 * _HALF) * n).astype(np.int64), 0, n - 1)
        return range(int(col[0]), int(col[1]) + 1), range(int(row[0]), int(row[1]) + 1)

    @classmethod
    def tiles_for_bbox(cls, lon_min: float, lat_min: float, lon_max: float, lat_max: float,
                       z: int) -> list[tuple[int, int, int]]:
        """XYZ tiles covering a lon/lat box at zoom z (tile_span first where the box may be wide)."""
        cols, rows = cls.tile_span(lon_min, lat_min, lon_max, lat_max, z)
        return [(z, x, y) for x in cols for y in rows]

    @staticmethod
    def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
        """(lon_min, lat_min, lon_max, lat_max) of XYZ tile (z, x, y)."""
        size = 2 * _HALF / 2**z
        transformer, inverse = _mercator()
        lons, lats = transformer.transform([-_HALF + x * size, -_HALF + (x + 1) * size],
                                           [_HALF - (y + 1) * size, _HALF - y * size], direction=inverse)
        return lons[0], lats[0], lons[1], lats[1]

    def close(self) -> None:
        self._db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
