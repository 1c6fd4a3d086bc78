"""Points to GeoJSON or GeoPackage (WGS84, coordinates to 5 decimals), the other columns as properties."""
from __future__ import annotations

from datetime import date, time
from pathlib import Path

from db.files import atomic

DRIVERS = {".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GPKG"}


def write_points(path: Path | str, layer: str, columns, rows, database: Path | None = None) -> None:
    """`rows` hold a `lat` and a `lon` column among `columns`; the file is written whole or not at all (and
    never over `database` or its files)."""
    import geopandas as gpd

    path = Path(path)
    frame = gpd.pd.DataFrame([[v.isoformat() if isinstance(v, (date, time)) else v for v in r] for r in rows],
                             columns=list(columns))
    for c in ("lat", "lon"):
        frame[c] = frame[c].astype(float).round(5)
    points = gpd.points_from_xy(frame["lon"], frame["lat"])
    with atomic(path, create=False, database=database) as part:
        gpd.GeoDataFrame(frame, geometry=points, crs="EPSG:4326").to_file(
            part, driver=DRIVERS[path.suffix.lower()], layer=layer, engine="pyogrio")


def write_lines(path: Path | str, layer: str, columns, rows, lines, database: Path | None = None) -> None:
    """`rows` (values of `columns`), each with its line in `lines`: (lat, lon) vertices, or None where it has no
    known route (written without a geometry); the file is written whole or not at all."""
    import geopandas as gpd
    import shapely

    path = Path(path)
    frame = gpd.pd.DataFrame([[v.isoformat() if isinstance(v, (date, time)) else v for v in r] for r in rows],
                             columns=list(columns))
    geometry = [None if line is None else shapely.LineString([(round(lon, 5), round(lat, 5)) for lat, lon in line])
                for line in lines]
    with atomic(path, create=False, database=database) as part:
        gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326").to_file(
            part, driver=DRIVERS[path.suffix.lower()], layer=layer, engine="pyogrio")
