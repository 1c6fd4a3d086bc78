from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from pyproj import Geod
from shapely.geometry import box

from geo.lookups import (
    Region,
    Regions,
    SiteIndex,
    bearing_deg,
    geodesic_km,
    within_radius,
)

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "real"
GEOD = Geod(ellps="WGS84")
SITES = [
    ("Ber", 16.8523, -2.5138),
    ("Goundam", 16.4145, -3.6708),
    ("Ménaka", 15.9182, 2.4022),
    ("Ogossagou", 14.0283, -3.6072),
    ("Tessalit", 20.2011, 1.0112),
    ("Aguelhok", 19.4614, 0.8589),
    ("Douentza", 15.0019, -2.9498),
    ("Mopti (Sévaré)", 14.5325, -4.0961),
    ("Kidal", 18.4411, 1.4078),
    ("Ansongo", 15.6597, 0.5022),
    ("Gao", 16.2717, -0.0447),
    ("Timbuktu", 16.7735, -3.0074),
    ("Bamako", 12.65, -8.0),
]
GAO, TIMBUKTU, BER = (16.2717, -0.0447), (16.7735, -3.0074), (16.8523, -2.5138)


def point_at(start, azimuth, km):
    lon, lat, _ = GEOD.fwd(start[1], start[0], azimuth, km * 1000)
    return lat, lon


def test_geodesic_gao_timbuktu():
    expected = GEOD.inv(GAO[1], GAO[0], TIMBUKTU[1], TIMBUKTU[0])[2] / 1000
    assert 300 < expected < 340
    got = geodesic_km(*GAO, *TIMBUKTU)
    assert isinstance(got, float)
    assert got == pytest.approx(expected, rel=0.01)


def test_geodesic_and_bearing_broadcast():
    lats, lons = np.array([TIMBUKTU[0], GAO[0], np.nan]), np.array([TIMBUKTU[1], GAO[1], 0.0])
    km = geodesic_km(*GAO, lats, lons)
    assert km.shape == (3,) and km[1] == 0 and np.isnan(km[2])
    assert km[0] == pytest.approx(geodesic_km(*GAO, *TIMBUKTU))
    assert geodesic_km(0, 0, 0, 1) == pytest.approx(111.32, abs=0.01)
    assert bearing_deg(0, 0, 1, 0) == pytest.approx(0)
    assert bearing_deg(0, 0, 0, -1) == pytest.approx(270)
    assert 270 < bearing_deg(*GAO, *TIMBUKTU) < 290  # Timbuktu is west, a little north


def test_nearest_site_three_km_from_ber():
    index = SiteIndex(SITES)
    for azimuth in range(0, 360, 30):
        site, km = index.nearest(*point_at(BER, azimuth, 3))
        assert site == "Ber"
        assert km == pytest.approx(3, abs=1e-6)
    assert index.nearest(*GAO) == ("Gao", 0.0)


def test_nearest_many_matches_brute_force():
    index = SiteIndex(SITES)
    rng = np.random.default_rng(7)
    lats = np.concatenate([rng.uniform(10, 25, 3000), rng.uniform(-90, 90, 1000), [np.nan, 95.0]])
    lons = np.concatenate([rng.uniform(-12, 4.3, 3000), rng.uniform(-180, 180, 1000), [0.0, 0.0]])
    ids, km = index.nearest_many(lats, lons)
    site_lats, site_lons = index.lats[:, None], index.lons[:, None]
    brute = geodesic_km(site_lats, site_lons, lats[None, :-2], lons[None, :-2])
    np.testing.assert_allclose(km[:-2], brute.min(axis=0), rtol=1e-12)
    assert list(ids[:-2]) == list(index.ids[brute.argmin(axis=0)])
    assert list(ids[-2:]) == [None, None] and np.isnan(km[-2:]).all()


def test_nearest_many_on_a_bisector():
    # The geodesic midpoint of Gao and Ansongo is equally far from both: either answer is fine.
    ansongo = (15.6597, 0.5022)
    [(lon, lat)] = GEOD.npts(GAO[1], GAO[0], ansongo[1], ansongo[0], 1)
    ids, km = SiteIndex(SITES).nearest_many(np.array([lat]), np.array([lon]))
    assert ids[0] in ("Gao", "Ansongo")
    assert km[0] == pytest.approx(geodesic_km(*GAO, *ansongo) / 2, abs=1e-6)


def test_nearest_many_shapes_and_empty():
    index = SiteIndex(SITES)
    ids, km = index.nearest_many(np.full((2, 3), GAO[0]), np.full((2, 3), GAO[1]))
    assert ids.shape == km.shape == (2, 3) and (ids == "Gao").all()
    ids, km = index.nearest_many(np.array([]), np.array([]))
    assert ids.size == km.size == 0
    with pytest.raises(ValueError):
        SiteIndex([])
    with pytest.raises(ValueError):
        SiteIndex([("bad", np.nan, 0.0)])


def test_within_radius_counts():
    points = [point_at(BER, az, km) for km in (1, 4.9, 5.1, 20) for az in (0, 90, 200)]
    lats, lons = np.array(points).T
    assert within_radius(*BER, lats, lons, 5).sum() == 6
    assert within_radius(*BER, lats, lons, 25).sum() == 12
    assert within_radius(*BER, lats, lons, 0.5).sum() == 0
    mask = within_radius(*BER, np.array([TIMBUKTU[0], np.nan]), np.array([TIMBUKTU[1], 0.0]), 60)
    assert mask.tolist() == [True, False]  # Ber-Timbuktu is about 53 km


def test_within_radius_agrees_with_geodesic():
    rng = np.random.default_rng(3)
    lats, lons = rng.uniform(15, 19, 20000), rng.uniform(-5, 0, 20000)
    for radius in (10, 100, 300):
        expected = geodesic_km(*BER, lats, lons) <= radius
        assert (within_radius(*BER, lats, lons, radius) == expected).all()


def test_regions_from_two_squares():
    frame = gpd.GeoDataFrame(
        {"iso_3166_2": ["XX-A", "XX-B"], "name": ["West", "East"], "name_fr": ["Ouest", "Est"]},
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)],
        crs="EPSG:4326",
    )
    regions = Regions.from_frame(frame)
    assert regions.region_of(0.5, 0.5) == Region("XX-A", "West", "Ouest")
    assert regions.region_of(0.5, 1.5) == Region("XX-B", "East", "Est")
    assert regions.region_of(0.5, 1.0).code == "XX-A"  # shared border: first row wins
    assert regions.region_of(2.0, 0.5) is None
    codes = regions.codes_of(np.array([0.5, 0.5, 5.0, np.nan]), np.array([0.2, 1.8, 0.5, 0.5]))
    assert codes.dtype == object
    assert codes.tolist() == ["XX-A", "XX-B", None, None]


def test_regions_without_name_fr_and_reprojected():
    frame = gpd.GeoDataFrame(
        {"iso_3166_2": ["XX-A"], "name": ["West"]}, geometry=[box(0, 0, 1, 1)], crs="EPSG:4326"
    ).to_crs(3857)
    regions = Regions.from_frame(frame)
    assert regions.region_of(0.5, 0.5) == Region("XX-A", "West", None)


@pytest.mark.real_data
def test_regions_of_mali_cities():
    path = REAL / "geoBoundaries-MLI-ADM1_simplified.geojson"
    if not path.exists():
        pytest.skip("../shared/data/real is absent (a user's clone has no ../shared)")
    frame = gpd.read_file(path).rename(columns={"shapeName": "name", "shapeISO": "iso_3166_2"})
    regions = Regions.from_frame(frame)
    cities = {"ML-7": GAO, "ML-6": TIMBUKTU, "ML-8": (18.4411, 1.4078), "ML-5": (14.5325, -4.0961),
              "ML-BKO": (12.65, -8.0)}
    for code, (lat, lon) in cities.items():
        assert regions.region_of(lat, lon).code == code
    lats, lons = np.array(list(cities.values())).T
    assert regions.codes_of(lats, lons).tolist() == list(cities)
    assert regions.region_of(48.85, 2.35) is None  # Paris
