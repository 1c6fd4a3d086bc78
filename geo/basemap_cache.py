"""The shipped basemap as plain numpy arrays, ready to draw and to look up, without geopandas.

Reading the GeoPackage takes geopandas, pandas, pyogrio and pyproj (about a second to import on a loaded
laptop) and then shapely work (borders, label points); the window and `sitmon snapshot` need none of it.
So the same arrays are computed once from resources/basemap/mali_basemap.gpkg and kept beside it in
mali_basemap.npz (`make run`, `make test` and `make bench` build it, like the .qm translations; never committed):

    make resources/basemap/mali_basemap.npz    # = python -m geo.basemap_cache [CACHE [GPKG]]

The cache names the SHA-256 of the GeoPackage it was built from and its format version; `load()` uses it
only when both match, and otherwise computes the same arrays from the GeoPackage (slower, same result).
Arrays only (numbers and text), read with allow_pickle=False: nothing in the file is executed.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import sys
from pathlib import Path

import numpy as np

import resources

GPKG = resources.path("basemap", "mali_basemap.gpkg")
CACHE = resources.path("basemap", "mali_basemap.npz")
VERSION = 1  # bump when build() changes what it computes
RINGS = ("land", "focus", "nouakchott", "lakes")  # polygon outlines, each a list of (n, 2) rings
LINES = ("borders", "regions", "rivers")  # polylines: x, y, connect (False where a line ends)
SOURCES = ("layer", "package", "file", "licence", "attribution")

log = logging.getLogger(__name__)


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@functools.cache
def load() -> dict[str, np.ndarray]:
    """The arrays of the shipped basemap: from the cache when it matches the GeoPackage, else computed."""
    source = sha256(GPKG)
    try:
        with np.load(CACHE, allow_pickle=False) as npz:
            arrays = dict(npz)
        if str(arrays["source_sha256"]) == source and int(arrays["version"]) == VERSION:
            return arrays
        reason = "it was built from another basemap or by another version"
    except (OSError, ValueError, KeyError) as exc:  # absent, unreadable or not ours: compute it
        reason = str(exc) or type(exc).__name__
    log.warning("basemap cache %s not used (%s): reading %s instead (make builds the cache)", CACHE, reason, GPKG)
    return build(GPKG)


def build(gpkg: Path = GPKG) -> dict[str, np.ndarray]:
    """Compute every array from the GeoPackage (geopandas and shapely, imported here only)."""
    import shapely

    from geo.basemap import lines_to_xy, load_layer, polygons_to_rings

    layers = {name: load_layer(name, gpkg) for name in ("countries", "countries_regional", "mali_regions",
                                                         "rivers", "lakes", "places", "layer_sources")}
    for name, layer in layers.items():
        if name != "layer_sources" and layer.crs.to_epsg() != 4326:
            raise ValueError(f"{gpkg}: layer {name} is not in EPSG:4326")
    countries, regions, places = layers["countries"], layers["mali_regions"], layers["places"]
    mali = countries[countries.iso_a3 == "MLI"]
    clip_edge = shapely.box(*countries.total_bounds).exterior.buffer(0.01)  # the layer's clip box is no border
    near_mali = regions.geometry.intersects(mali.geometry.iloc[0].buffer(0.01))
    out: dict[str, np.ndarray] = {"source_sha256": np.array(sha256(gpkg)), "version": np.array(VERSION)}
    for name, geoms in (("land", countries.geometry), ("focus", mali.geometry),
                        ("nouakchott", layers["countries_regional"].geometry), ("lakes", layers["lakes"].geometry)):
        rings = polygons_to_rings(geoms)
        out[f"{name}_xy"] = np.concatenate(rings) if rings else np.zeros((0, 2))
        out[f"{name}_ends"] = np.cumsum([len(r) for r in rings], dtype=np.int64)
    for name, geoms in (("borders", countries.geometry.boundary.difference(clip_edge)),
                        ("regions", regions.geometry[near_mali].boundary), ("rivers", layers["rivers"].geometry)):
        out[f"{name}_x"], out[f"{name}_y"], out[f"{name}_connect"] = lines_to_xy(geoms)
    _label_points(out, "country", countries)
    out["country_en"] = _text(countries.name_en.str.upper())
    out["country_fr"] = _text(countries.name_fr.str.upper())
    out["country_rank"] = np.where(countries.iso_a3 == "MLI", 1, 2)
    _label_points(out, "region", regions)
    out["region_code"], out["region_en"] = _text(regions.iso_3166_2), _text(regions.name)
    out["region_fr"] = _text(v if isinstance(v, str) else "" for v in regions.name_fr)  # "": no French name
    kind, coords, offsets = shapely.to_ragged_array(regions.geometry.to_numpy())
    out["region_geometry_type"], out["region_coords"] = np.array(int(kind)), coords
    for i, offset in enumerate(offsets):
        out[f"region_offsets_{i}"] = offset
    out["place_x"], out["place_y"] = places.geometry.x.to_numpy(), places.geometry.y.to_numpy()
    out["place_name"], out["place_rank"] = _text(places.name), places["rank"].to_numpy(dtype=np.int64)
    out["focus_bbox"] = countries[countries["role"] == "focus"].total_bounds.astype(float)
    for column in SOURCES:
        out[f"source_{column}"] = _text(layers["layer_sources"][column])
    return out


def rings(arrays: dict[str, np.ndarray], name: str) -> list[np.ndarray]:
    """The rings of one of RINGS as a list of (n, 2) arrays."""
    xy, ends = arrays[f"{name}_xy"], arrays[f"{name}_ends"]
    return np.split(xy, ends[:-1]) if len(ends) else []


def region_geometries(arrays: dict[str, np.ndarray]) -> np.ndarray:
    """The regions of Mali as shapely geometries (shapely imported here only)."""
    import shapely

    offsets = tuple(arrays[f"region_offsets_{i}"] for i in range(3) if f"region_offsets_{i}" in arrays)
    return shapely.from_ragged_array(shapely.GeometryType(int(arrays["region_geometry_type"])),
                                     arrays["region_coords"], offsets)


def _label_points(out: dict, prefix: str, gdf) -> None:
    import shapely

    points = shapely.point_on_surface(gdf.geometry.to_numpy())
    out[f"{prefix}_x"], out[f"{prefix}_y"] = shapely.get_x(points), shapely.get_y(points)


def _text(column) -> np.ndarray:
    return np.array([str(v) for v in column], dtype=str)


def write(path: Path = CACHE, gpkg: Path = GPKG) -> Path:
    """Build the cache file (whole or not at all: written beside, then renamed)."""
    arrays = build(gpkg)
    part = Path(path).with_name(Path(path).name + ".part")
    with open(part, "wb") as f:
        np.savez(f, **arrays)
    os.replace(part, path)
    return Path(path)


if __name__ == "__main__":
    print(f"wrote {write(*(Path(a) for a in sys.argv[1:3]))}")
