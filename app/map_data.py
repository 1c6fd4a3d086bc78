"""Turn geo/ and db/ data into what widgets/map_view.py draws (arrays, rings, labels, styles)."""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from geo import basemap as gb
from geo import basemap_cache
from widgets.map.records import Basemap, IncidentStyle, Labels, Lines, Tile, VectorData

# The basemap's attribution lines (its metadata), marked so that each reads in the interface language;
# a line not listed here is shown as the data gives it.
ATTRIBUTIONS = (QT_TRANSLATE_NOOP("Attribution", "Made with Natural Earth"),
                QT_TRANSLATE_NOOP("Attribution", "Place data © GeoNames (geonames.org), CC BY 4.0"))


def attributions() -> list[str]:
    return [QCoreApplication.translate("Attribution", line) for line in gb.attributions()]

MAX_TILES = 64
TILE_PX = 256


def load_basemap(lang: str = "en") -> Basemap:
    """The shipped basemap in `lang`, from its cache (geo/basemap_cache.py): no geopandas, a few milliseconds."""
    b = basemap_cache.load()

    def lines(name: str) -> Lines:
        return Lines(b[f"{name}_x"], b[f"{name}_y"], b[f"{name}_connect"])

    def labels(prefix: str, text, rank) -> Labels:
        return Labels(b[f"{prefix}_x"], b[f"{prefix}_y"], tuple(text.tolist()), np.asarray(rank, dtype=int))

    region_names = np.where(b["region_fr"] != "", b["region_fr"], b["region_en"]) if lang == "fr" else b["region_en"]
    return Basemap(
        land=basemap_cache.rings(b, "land"),
        focus=basemap_cache.rings(b, "focus"),
        nouakchott=basemap_cache.rings(b, "nouakchott"),
        lakes=basemap_cache.rings(b, "lakes"),
        borders=lines("borders"),
        regions=lines("regions"),
        rivers=lines("rivers"),
        country_labels=labels("country", b["country_fr" if lang == "fr" else "country_en"], b["country_rank"]),
        region_labels=labels("region", region_names, np.ones(len(region_names))),
        place_labels=labels("place", b["place_name"], b["place_rank"]),
        attribution="\n".join(attributions()),
    )


def incident_styles(types: tuple[str, ...], lang: str = "en") -> list[IncidentStyle]:
    """The taxonomy's colour, symbol and label of each type id; unknown types in grey."""
    from db.incidents import taxonomy

    tax = taxonomy.load()
    out = []
    for type_id in types:
        try:
            t = tax.type(type_id)
            out.append(IncidentStyle(t.label.get(lang), t.symbol, t.color))
        except KeyError:
            out.append(IncidentStyle(type_id, "o", "#999999"))
    return out


def read_vector(path: Path) -> VectorData:
    """A user's vector file as rings, lines and points (raises geo.basemap.LayerError)."""
    import shapely

    gdf = gb.read_vector_file(path)
    geoms = gdf.geometry.dropna().to_numpy()
    parts = shapely.get_parts(geoms)
    kind = shapely.get_type_id(parts)
    points = parts[kind == 0]
    return VectorData(rings=gb.polygons_to_rings(parts[kind == 3]),
                      lines=Lines(*gb.lines_to_xy(parts[(kind == 1) | (kind == 2) | (kind == 3)])),
                      points=(shapely.get_x(points), shapely.get_y(points)))


def tiles_for_view(mbtiles: gb.MBTiles, bbox, width_px: float) -> list[Tile]:
    """The tiles of the zoom level whose pixels best match the view's, clipped to the file's bounds."""
    lon0, lat0, lon1, lat1 = bbox
    b0, b1, b2, b3 = mbtiles.bounds
    lon0, lat0, lon1, lat1 = max(lon0, b0), max(lat0, b1), min(lon1, b2), min(lat1, b3)
    if lon0 >= lon1 or lat0 >= lat1 or width_px <= 0:
        return []
    degrees_per_px = (bbox[2] - bbox[0]) / width_px
    z = round(math.log2(360 / (TILE_PX * degrees_per_px)))
    z = min(max(z, mbtiles.min_zoom), mbtiles.max_zoom)

    def count(z: int) -> int:
        cols, rows = mbtiles.tile_span(lon0, lat0, lon1, lat1, z)
        return len(cols) * len(rows)
    while count(z) > MAX_TILES and z > mbtiles.min_zoom:
        z -= 1
    if count(z) > MAX_TILES:  # the file's coarsest level is too fine for this view: zoom in to see it
        return []
    tiles = []
    for key in mbtiles.tiles_for_bbox(lon0, lat0, lon1, lat1, z):
        image = mbtiles.tile(*key)
        if image:
            tiles.append(Tile(key, image, mbtiles.tile_bounds(*key)))
    return tiles
