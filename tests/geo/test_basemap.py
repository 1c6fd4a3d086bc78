"""The committed basemap GeoPackage and the geo.basemap readers (no Qt)."""
import sqlite3
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from geo.basemap import (
    BASEMAP_PATH,
    LayerError,
    LayerSource,
    MBTiles,
    attributions,
    layer_sources,
    lines_to_xy,
    load_layer,
    polygons_to_rings,
    read_vector_file,
)

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "real"
BBOX = (-18.0, 4.0, 16.0, 28.0)
COUNTS = {"countries": 23, "countries_regional": 11, "mali_regions": 9, "rivers": 36,
          "lakes": 9, "places": 1193, "layer_sources": 6}
SPATIAL = [name for name in COUNTS if name != "layer_sources"]
NOUAKCHOTT = {"DZA", "BFA", "TCD", "CIV", "GIN", "LBY", "MLI", "MRT", "NER", "NGA", "SEN"}
CAMP_TOWNS = ["Gao", "Timbuktu", "Kidal", "Tessalit", "Aguelhok", "Ménaka", "Goundam",
              "Douentza", "Mopti", "Ansongo", "Bamako"]


def test_basemap_has_the_layers_and_counts():
    assert BASEMAP_PATH.stat().st_size < 5_000_000
    names = pyogrio.list_layers(BASEMAP_PATH)[:, 0]
    assert {name: len(load_layer(name)) for name in names} == COUNTS


@pytest.mark.parametrize("name", SPATIAL)
def test_layer_is_valid_wgs84(name):
    gdf = load_layer(name)
    assert gdf.crs.to_epsg() == 4326
    assert shapely.is_valid(gdf.geometry.values).all()
    if name != "countries_regional":
        x0, y0, x1, y1 = gdf.total_bounds
        assert BBOX[0] <= x0 <= x1 <= BBOX[2] and BBOX[1] <= y0 <= y1 <= BBOX[3]


def test_countries_roles_and_nouakchott_states():
    countries = load_layer("countries").set_index("iso_a3")
    assert countries.loc["MLI", "role"] == "focus"
    assert countries.loc["MLI", "name_fr"] == "Mali"
    assert set(countries.index[countries.nouakchott_2013]) == NOUAKCHOTT
    assert set(countries.role) == {"focus", "regional", "context"}
    regional = load_layer("countries_regional").set_index("iso_a3")
    assert set(regional.index) == NOUAKCHOTT
    assert regional.total_bounds[2] > 24  # Libya and Chad are whole, not clipped at 16 E


def test_mali_regions():
    regions = load_layer("mali_regions").set_index("iso_3166_2")
    assert list(regions.index) == ["ML-1", "ML-2", "ML-3", "ML-4", "ML-5", "ML-6", "ML-7", "ML-8", "ML-BKO"]
    assert regions.loc["ML-6", "name_fr"] == "Tombouctou"
    assert regions.loc["ML-4", "name_fr"] == "Ségou"
    assert regions.loc["ML-3", "name"] == "Sikasso"
    assert "Taoudénit" in regions.loc["ML-6", "note"]
    assert "Ménaka" in regions.loc["ML-7", "note"]


def test_niger_is_tagged_and_passes_gao():
    niger = load_layer("rivers").query("name == 'Niger'")
    assert len(niger) > 0
    gao = load_layer("places").query("name == 'Gao' and country == 'ML'").geometry.iloc[0]
    assert shapely.dwithin(np.asarray(niger.geometry), gao, 0.15).any()


def test_places_have_the_camp_towns():
    places = load_layer("places")
    mali = places[places.country == "ML"]
    assert set(CAMP_TOWNS) <= set(mali.name)
    assert mali.ml_region_ne.notna().sum() >= 90
    bamako = mali.set_index("name").loc["Bamako"]
    assert (bamako["rank"], bamako.iso_3166_2, bamako.ml_region_ne) == (1, "ML-BKO", "ML-BKO")
    assert set(places["rank"]) == {1, 2, 3, 4}
    assert (places[places.country != "ML"].population >= 15_000).all()


def test_attributions_and_sources():
    assert attributions() == ["Made with Natural Earth", "Place data © GeoNames (geonames.org), CC BY 4.0"]
    sources = layer_sources()
    assert all(isinstance(s, LayerSource) for s in sources)
    assert {s.layer for s in sources} == set(SPATIAL)


def test_load_layer_is_cached_and_returns_copies():
    a, b = load_layer("mali_regions"), load_layer("mali_regions")
    a.loc[0, "name"] = "changed"
    assert b.loc[0, "name"] == "Kayes"


def test_load_layer_unknown_name():
    with pytest.raises(LayerError, match="roads"):
        load_layer("roads")


def test_lines_to_xy_rings_and_lines():
    square = Polygon([(0, 0), (4, 0), (4, 4), (0, 4)], holes=[[(1, 1), (2, 1), (2, 2), (1, 1)]])
    x, y, connect = lines_to_xy([MultiPolygon([square]), LineString([(5, 5), (6, 7)]), Point(9, 9), None])
    np.testing.assert_array_equal(x, [0, 4, 4, 0, 0, 1, 2, 2, 1, 5, 6])
    np.testing.assert_array_equal(y, [0, 0, 4, 4, 0, 1, 1, 2, 1, 5, 7])
    np.testing.assert_array_equal(connect, [1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 0])
    assert connect.dtype == bool


def test_lines_to_xy_empty():
    x, y, connect = lines_to_xy([])
    assert len(x) == len(y) == len(connect) == 0


def test_polygons_to_rings():
    square = Polygon([(0, 0), (4, 0), (4, 4), (0, 4)], holes=[[(1, 1), (2, 1), (2, 2), (1, 1)]])
    rings = polygons_to_rings(gpd.GeoSeries([square, Polygon([(5, 5), (6, 5), (6, 6)])]))
    assert [r.shape for r in rings] == [(5, 2), (4, 2), (4, 2)]
    np.testing.assert_array_equal(rings[1][0], [1, 1])


def test_read_vector_file_geoboundaries():
    path = REAL / "geoBoundaries-MLI-ADM1_simplified.geojson"
    if not path.exists():
        pytest.skip("../shared/data/real is absent (a user's clone has no ../shared)")
    gdf = read_vector_file(path)
    assert len(gdf) == 9 and gdf.crs.to_epsg() == 4326
    assert not gdf.attrs["crs_assumed"]
    assert "ML-6" in set(gdf.shapeISO)


def test_read_vector_file_reprojects(tmp_path):
    path = tmp_path / "utm.gpkg"
    gpd.GeoDataFrame({"id": [1]}, geometry=[Point(-3.0, 16.77)], crs=4326).to_crs(32630).to_file(path)
    gdf = read_vector_file(path)
    assert gdf.crs.to_epsg() == 4326
    assert gdf.geometry.iloc[0].distance(Point(-3.0, 16.77)) < 1e-6


def _shapefile_without_prj(path, point, crs):
    gpd.GeoDataFrame({"id": [1]}, geometry=[point], crs=crs).to_file(path)
    path.with_suffix(".prj").unlink()


def test_read_vector_file_without_crs_assumes_wgs84(tmp_path):
    path = tmp_path / "nocrs.shp"
    _shapefile_without_prj(path, Point(-3.0, 16.77), 4326)
    gdf = read_vector_file(path)
    assert gdf.attrs["crs_assumed"] and gdf.crs.to_epsg() == 4326


def test_read_vector_file_without_crs_in_metres_fails(tmp_path):
    path = tmp_path / "metres.shp"
    _shapefile_without_prj(path, Point(500_000, 1_850_000), 32630)
    with pytest.raises(LayerError, match="metres.shp.*no CRS"):
        read_vector_file(path)


def test_read_vector_file_errors(tmp_path):
    garbage = tmp_path / "garbage.geojson"
    garbage.write_bytes(b"\x00\x01 not a map {")
    with pytest.raises(LayerError, match="garbage.geojson"):
        read_vector_file(garbage)
    with pytest.raises(LayerError, match="missing.gpkg.*not found"):
        read_vector_file(tmp_path / "missing.gpkg")
    empty = tmp_path / "empty.gpkg"
    gpd.GeoDataFrame({"id": []}, geometry=[], crs=4326).to_file(empty)
    with pytest.raises(LayerError, match="empty.gpkg.*no features"):
        read_vector_file(empty)
    with pytest.raises(LayerError, match="no layer 'nope'"):
        read_vector_file(empty, layer="nope")


@pytest.fixture
def mbtiles(tmp_path):
    path = tmp_path / "tiny.mbtiles"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
        db.executemany("INSERT INTO metadata VALUES (?, ?)",
                       [("name", "tiny"), ("format", "png"), ("bounds", "-12.5,10,4.5,25")])
        # TMS rows: row 0 is the southernmost
        db.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                       [(0, 0, 0, b"z0"), (2, 1, 0, b"south"), (2, 1, 3, b"north")])
    db.close()
    return path


def test_mbtiles_reads_tiles_with_tms_flip(mbtiles):
    with MBTiles(mbtiles) as tiles:
        assert tiles.metadata["name"] == "tiny"
        assert (tiles.min_zoom, tiles.max_zoom) == (0, 2)
        assert tiles.bounds == (-12.5, 10.0, 4.5, 25.0)
        assert tiles.tile(0, 0, 0) == b"z0"
        assert tiles.tile(2, 1, 0) == b"north"  # XYZ y=0 is the north row
        assert tiles.tile(2, 1, 3) == b"south"
        assert tiles.tile(2, 2, 2) is None


def test_mbtiles_tile_math():
    assert MBTiles.tiles_for_bbox(-12.3, 10.1, 4.3, 25.0, 0) == [(0, 0, 0)]
    assert MBTiles.tiles_for_bbox(-12.3, 10.1, 4.3, 25.0, 1) == [(1, 0, 0), (1, 1, 0)]
    assert MBTiles.tiles_for_bbox(-12.3, 10.1, 4.3, 25.0, 6) == [
        (6, x, y) for x in range(29, 33) for y in range(27, 31)]
    assert len(MBTiles.tiles_for_bbox(-180, -90, 180, 90, 2)) == 16
    lon0, lat0, lon1, lat1 = MBTiles.tile_bounds(1, 0, 0)
    assert (lon0, lat0, lon1) == pytest.approx((-180, 0, 0), abs=1e-9)
    assert lat1 == pytest.approx(85.0511287798, abs=1e-9)


def test_mbtiles_rejects_other_files(tmp_path):
    garbage = tmp_path / "garbage.mbtiles"
    garbage.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(LayerError, match="garbage.mbtiles"):
        MBTiles(garbage)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).close()
    with pytest.raises(LayerError, match="other.sqlite.*not a usable MBTiles"):
        MBTiles(other)
    with pytest.raises(LayerError, match="not found"):
        MBTiles(tmp_path / "missing.mbtiles")
