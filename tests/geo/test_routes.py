"""geo.routes against ground truth built with pyproj.Geod: points placed at known geodesic offsets off known
routes, and a brute force that measures every point against every piece of the route."""
import csv
import tomllib
from datetime import date, datetime

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod, Transformer

import resources
from geo.routes import MAX_PIECE_KM, Incidents, PointIndex, Route, score

GEOD = Geod(ellps="WGS84")
TO_XYZ = Transformer.from_crs("EPSG:4326", "EPSG:4978", always_xy=True)
SITES = {site["id"]: (site["lat"], site["lon"]) for site in tomllib.loads(
    resources.path("scenarios", "minusma-2023", "scenario.toml").read_text(encoding="utf-8"))["sites"]}
GAO, TIMBUKTU, MOPTI = SITES["gao"], SITES["timbuktu"], SITES["mopti"]
ACLED = "acled_mali_2017-2020_monadic.csv"
DAY = date(2023, 9, 1)


def fwd(start, azimuth, km):
    """(lat, lon, forward azimuth there) km from start along azimuth."""
    lon, lat, back = GEOD.fwd(start[1], start[0], azimuth, km * 1000)
    return lat, lon, (back + 180) % 360


def beside(start, end, km_along, km_off, side=1):
    """The point km_off off the geodesic start -> end, at right angles to it km_along from start (side 1: right)."""
    azimuth = GEOD.inv(start[1], start[0], end[1], end[0])[0]
    lat, lon, heading = fwd(start, azimuth, km_along)
    lat, lon, _ = fwd((lat, lon), heading + 90 * side, km_off)
    return lat, lon


def edge_km(start, end):
    return GEOD.inv(start[1], start[0], end[1], end[0])[2] / 1000


def corridor_of(points, route, buffer_km=10.0):
    lat, lon = np.array(points, dtype=float).reshape(-1, 2).T
    return PointIndex(lat, lon).near(route, buffer_km)


def brute_force(route, lat, lon):
    """(km_along, km_off, km_off of the closest spot elsewhere on the route) for each point, from every piece of the
    route: a ternary search of the geodesic distance along each piece's geodesic (Geod only), the closest kept.
    "Elsewhere" is more than 10 m along the route away; it tells where km_along is ambiguous."""
    pieces = len(route.lat) - 1
    point, piece = np.repeat(np.arange(len(lat)), pieces), np.tile(np.arange(pieces), len(lat))
    a, b = (route.lat[piece], route.lon[piece]), (route.lat[piece + 1], route.lon[piece + 1])
    azimuth, _, length = GEOD.inv(a[1], a[0], b[1], b[0])

    def metres_off(s):
        foot_lon, foot_lat, _ = GEOD.fwd(a[1], a[0], azimuth, s)
        return np.asarray(GEOD.inv(lon[point], lat[point], foot_lon, foot_lat)[2])

    low, high = np.zeros_like(length), np.asarray(length, dtype=float)
    for _ in range(60):
        left, right = low + (high - low) / 3, high - (high - low) / 3
        nearer = metres_off(left) < metres_off(right)
        low, high = np.where(nearer, low, left), np.where(nearer, right, high)
    along = (route.km[piece] * 1000 + (low + high) / 2).reshape(len(lat), pieces) / 1000
    off = metres_off((low + high) / 2).reshape(len(lat), pieces) / 1000
    best = off.argmin(axis=1)
    every = np.arange(len(lat))
    elsewhere = np.where(np.abs(along - along[every, best][:, None]) > 0.01, off, np.inf).min(axis=1)
    return along[every, best], off[every, best], elsewhere


def incidents(n, **columns):
    """n incidents on day DAY, type 0, no casualties, precise position; columns override."""
    base = dict(lat=np.zeros(n), lon=np.zeros(n), day=np.full(n, DAY.toordinal()), type_index=np.zeros(n, int),
                killed=np.zeros(n, int), injured=np.zeros(n, int), precision=np.ones(n, int))
    return Incidents(**(base | {k: np.asarray(v) for k, v in columns.items()}))


# ------------------------------------------------------------------ the route


def test_route_measures_its_geodesics_and_cuts_long_edges():
    route = Route.through([GAO, TIMBUKTU, MOPTI])
    edges = edge_km(GAO, TIMBUKTU), edge_km(TIMBUKTU, MOPTI)
    assert route.length_km == pytest.approx(sum(edges), rel=1e-12)
    assert route.km[0] == 0 and (np.diff(route.km) > 0).all() and np.diff(route.km).max() <= MAX_PIECE_KM
    given = [int(np.flatnonzero((route.lat == lat) & (route.lon == lon))[0]) for lat, lon in (GAO, TIMBUKTU, MOPTI)]
    assert route.km[given] == pytest.approx([0, edges[0], sum(edges)], rel=1e-12)
    for i in range(given[0] + 1, given[1]):  # the added points lie on the geodesic Gao -> Timbuktu
        via = edge_km(GAO, (route.lat[i], route.lon[i])) + edge_km((route.lat[i], route.lon[i]), TIMBUKTU)
        assert via == pytest.approx(edges[0], abs=1e-6)


def test_pieces_are_within_50_m_of_their_straight_chord():
    """The documented choice: no piece's geodesic strays more than 50 m from its chord in x, y, z."""
    route = Route.through([(20.0, -12.0), (10.0, 4.0)])  # across Mali, corner to corner
    mid_lat, mid_lon = route.points_at(route.km[:-1] + np.diff(route.km) / 2)
    xyz = np.column_stack(TO_XYZ.transform(route.lon, route.lat, np.zeros_like(route.lat)))
    mid = np.column_stack(TO_XYZ.transform(mid_lon, mid_lat, np.zeros_like(mid_lat)))
    sag = np.linalg.norm(mid - (xyz[:-1] + xyz[1:]) / 2, axis=1)
    assert 40 < sag.max() <= 50


def test_route_refuses_fewer_than_two_distinct_vertices():
    with pytest.raises(ValueError, match="two distinct"):
        Route.through([GAO, GAO])
    for wrong in ((95.0, 0.0), (0.0, 181.0), (np.nan, 0.0)):
        with pytest.raises(ValueError, match=r"\|lat\| <= 90"):
            Route.through([GAO, wrong])
    once = Route.through([GAO, TIMBUKTU])
    for repeated in ([GAO, GAO, TIMBUKTU, TIMBUKTU], [GAO, (GAO[0] + 1e-12, GAO[1]), TIMBUKTU]):
        assert Route.through(repeated).km.tolist() == pytest.approx(once.km.tolist(), abs=1e-9)


# ------------------------------------------------------------------ the corridor


def test_corridor_keeps_9_9_km_and_drops_10_1_km():
    route = Route.through([GAO, TIMBUKTU])
    points = [beside(GAO, TIMBUKTU, along, off, side)
              for along in (3, 57.5, 160, 290) for off in (9.9, 10.1) for side in (1, -1)]
    corridor = corridor_of(points, route)
    assert corridor.rows.tolist() == [i for i in range(len(points)) if i % 4 in (0, 1)]


@pytest.mark.parametrize("leg, km_along", [(0, 0.5), (0, 25), (0, 45.9), (0, 150), (0, 290), (1, 25), (1, 240)])
@pytest.mark.parametrize("km_off", [0.01, 0.5, 4, 9.99])
def test_km_along_and_off_match_geodesic_ground_truth(leg, km_along, km_off):
    """Points put with Geod.fwd at right angles to either leg of Gao -> Timbuktu -> Mopti, on both sides."""
    stops = (GAO, TIMBUKTU, MOPTI)
    before = edge_km(GAO, TIMBUKTU) if leg else 0.0
    points = [beside(stops[leg], stops[leg + 1], km_along, km_off, side) for side in (1, -1)]
    corridor = corridor_of(points, Route.through(stops))
    assert corridor.rows.tolist() == [0, 1]
    assert corridor.km_along == pytest.approx([before + km_along] * 2, abs=0.001)  # 1 m: stricter than 0.5 % here
    assert corridor.km_off == pytest.approx([km_off] * 2, rel=0.005)


def test_points_beyond_the_ends_measure_to_the_end_vertex():
    route = Route.through([GAO, TIMBUKTU])
    start_heading = GEOD.inv(GAO[1], GAO[0], TIMBUKTU[1], TIMBUKTU[0])[0]
    end_heading = (GEOD.inv(TIMBUKTU[1], TIMBUKTU[0], GAO[1], GAO[0])[0] + 180) % 360
    points = [fwd(GAO, start_heading + 180, 5)[:2],  # on the route's line, 5 km before the start
              fwd(GAO, start_heading + 150, 8)[:2],  # 8 km from Gao, back and to the side
              fwd(TIMBUKTU, end_heading, 9.9)[:2],   # past Timbuktu
              fwd(TIMBUKTU, end_heading + 40, 10.1)[:2]]
    corridor = corridor_of(points, route)
    assert corridor.rows.tolist() == [0, 1, 2]
    assert corridor.km_along == pytest.approx([0, 0, route.length_km], abs=1e-6)
    assert corridor.km_off == pytest.approx([5, 8, 9.9], rel=1e-6)


def test_u_shaped_route_takes_the_nearer_leg():
    """Out east 100 km, 15 km north, back west: legs 15 km apart, both within 10 km of a point between them."""
    corner1 = fwd(GAO, 90, 100)[:2]
    corner2 = fwd(corner1, 0, 15)[:2]
    end = fwd(corner2, 270, 100)[:2]
    route = Route.through([GAO, corner1, corner2, end])
    out_km, up_km = edge_km(GAO, corner1), edge_km(corner1, corner2)
    points = [beside(GAO, corner1, 40, 6, -1),     # 6 km north of the outward leg, about 9 km from the other
              beside(corner2, end, 60, 6, -1)]     # 6 km south of the return leg, about 9 km from the other
    corridor = corridor_of(points, route)
    assert corridor.km_off == pytest.approx([6, 6], rel=0.005)
    assert corridor.km_along == pytest.approx([40, out_km + up_km + 60], abs=0.001)
    far = corridor_of(points, Route.through([GAO, corner1]))  # each point is within 10 km of the other leg too
    assert far.rows.tolist() == [0, 1] and far.km_off[1] == pytest.approx(9, abs=0.5)


def test_one_index_answers_many_routes_and_skips_invalid_points():
    lat = np.array([GAO[0], np.nan, TIMBUKTU[0], 95.0, MOPTI[0]])
    lon = np.array([GAO[1], 0.0, TIMBUKTU[1], 0.0, MOPTI[1]])
    index = PointIndex(lat, lon)
    assert len(index) == 3
    assert index.near(Route.through([GAO, TIMBUKTU])).rows.tolist() == [0, 2]
    assert index.near(Route.through([TIMBUKTU, MOPTI])).rows.tolist() == [2, 4]
    assert index.near(Route.through([GAO, MOPTI]), buffer_km=1).rows.tolist() == [0, 4]


def test_across_the_antimeridian_and_near_a_pole():
    lat, lon = np.array([0.0, 0.05, 0.0, 89.9]), np.array([179.99, -179.99, -179.45, 10.0])
    index = PointIndex(lat, lon)
    for vertices in ([(0.0, 179.5), (0.0, -179.5)], [(0.0, 179.5), (0.0, 180.0)]):
        route = Route.through(vertices)
        along, off, _ = brute_force(route, lat[:3], lon[:3])
        corridor = index.near(route)
        assert corridor.rows.tolist() == np.flatnonzero(off <= 10).tolist()
        np.testing.assert_allclose(corridor.km_off, off[corridor.rows], atol=0.001)
    assert index.near(Route.through([(89.5, 0.0), (89.5, 180.0)]), buffer_km=50).rows.tolist() == [3]


route_vertices = st.lists(st.tuples(st.integers(-600, 600), st.integers(-600, 600)), min_size=2, max_size=5)  # 1/1000°
walk_steps = st.lists(st.tuples(st.floats(0, 360), st.floats(0.05, 5)), min_size=1, max_size=300)  # azimuth, km
point_offsets = st.lists(st.tuples(st.integers(0, 299), st.floats(-0.3, 0.3), st.floats(-0.3, 0.3)),
                         min_size=1, max_size=25)
origins = st.sampled_from([(16.0, -1.0), (24.0, 3.5), (11.0, -11.0)])


def assert_agrees_with_brute_force(vertices, offsets, buffer_km):
    """The indexed corridor of points near the vertices equals the brute force's (a metre either side of the
    buffer may go either way; km_along is compared where no other part of the route is as close)."""
    route = Route.through(vertices)
    lat = np.array([vertices[k % len(vertices)][0] + dlat for k, dlat, _ in offsets])
    lon = np.array([vertices[k % len(vertices)][1] + dlon for k, _, dlon in offsets])
    corridor = PointIndex(lat, lon).near(route, buffer_km)
    along, off, elsewhere = brute_force(route, lat, lon)
    clear = np.abs(off - buffer_km) > 0.001
    assert set(corridor.rows.tolist()) & set(np.flatnonzero(clear)) == set(np.flatnonzero(clear & (off <= buffer_km)))
    np.testing.assert_allclose(corridor.km_off, off[corridor.rows], atol=0.001)
    unambiguous = elsewhere[corridor.rows] - off[corridor.rows] > 0.001
    np.testing.assert_allclose(corridor.km_along[unambiguous], along[corridor.rows][unambiguous], atol=0.001)


@settings(max_examples=60, deadline=None)
@given(route_vertices, point_offsets, st.floats(0.5, 30), origins)
def test_index_agrees_with_brute_force(vertices, offsets, buffer_km, origin):
    """Random routes of a few vertices up to 150 km apart (zigzags and U-turns included)."""
    vertices = [(origin[0] + dlat / 1000, origin[1] + dlon / 1000) for dlat, dlon in vertices]
    if len(set(vertices)) >= 2:
        assert_agrees_with_brute_force(vertices, offsets, buffer_km)


@settings(max_examples=30, deadline=None)
@given(walk_steps, point_offsets, st.floats(0.5, 30), origins)
def test_index_agrees_with_brute_force_on_winding_routes(steps, offsets, buffer_km, origin):
    """Random walks of up to 300 short steps, as a road digitised from a map: the coarse-to-fine search."""
    vertices = [origin]
    for azimuth, km in steps:
        vertices.append(fwd(vertices[-1], azimuth, km)[:2])
    assert_agrees_with_brute_force(vertices, offsets, buffer_km)


# ------------------------------------------------------------------ stretches


def test_stretches_cover_the_route_exactly():
    route = Route.through([GAO, TIMBUKTU, MOPTI])
    stretches = score(route, corridor_of([GAO], route), incidents(1), DAY, step_km=10)
    assert len(stretches) == int(np.ceil(route.length_km / 10))
    assert [s.index for s in stretches] == list(range(len(stretches)))
    assert sum(s.to_km - s.from_km for s in stretches) == pytest.approx(route.length_km, rel=1e-12)
    assert all(a.to_km == b.from_km for a, b in zip(stretches, stretches[1:]))
    assert stretches[0].from_km == 0 and stretches[-1].to_km == route.length_km
    assert all(s.to_km - s.from_km == pytest.approx(10) for s in stretches[:-1])
    assert stretches[0].geometry[0] == pytest.approx(GAO) and stretches[-1].geometry[-1] == pytest.approx(MOPTI)
    assert all(a.geometry[-1] == b.geometry[0] for a, b in zip(stretches, stretches[1:]))
    corner = next(s for s in stretches if s.from_km < edge_km(GAO, TIMBUKTU) < s.to_km)
    assert pytest.approx(TIMBUKTU) in corner.geometry
    for s in stretches:
        lat, lon = np.array(s.geometry).T
        km = GEOD.inv(lon[:-1], lat[:-1], lon[1:], lat[1:])[2].sum() / 1000
        assert km == pytest.approx(s.to_km - s.from_km, abs=1e-6)


def test_day_window_counts_only_the_days_ending_on_the_day():
    route = Route.through([GAO, TIMBUKTU])
    ages = np.array([-1, 0, 1, 29, 30, 400])
    points = [beside(GAO, TIMBUKTU, 15, 2)] * len(ages)
    corridor = corridor_of(points, route)
    found = incidents(len(ages), day=DAY.toordinal() - ages, killed=[5, 0, 0, 0, 9, 9], injured=[1, 0, 2, 0, 9, 9])
    first, second, *rest = score(route, corridor, found, DAY, days=30, half_life_days=14)
    assert (second.incidents, second.killed, second.injured) == (3, 0, 2)  # ages 0, 1 and 29
    assert second.score == pytest.approx(1 + 0.5 ** (1 / 14) * (1 + np.log1p(2)) + 0.5 ** (29 / 14))
    assert all(s.incidents == 0 and s.score == 0 and s.top_type is None for s in [first, *rest])


def test_precision_weighs_one_half_and_zero():
    route = Route.through([GAO, TIMBUKTU])
    corridor = corridor_of([beside(GAO, TIMBUKTU, 35, 1)] * 3, route)
    for precision, count, weight in ((1, 1, 1.0), (2, 1, 0.5), (3, 0, 0.0)):
        stretch = score(route, corridor, incidents(3, precision=[precision, 3, 3]), DAY)[3]
        assert (stretch.incidents, stretch.score) == (count, weight)


def test_stretch_weights_and_top_type():
    route = Route.through([GAO, TIMBUKTU])
    corridor = corridor_of([beside(GAO, TIMBUKTU, km, 3) for km in (5, 6, 7, 25, 26)], route)
    found = incidents(5, type_index=[2, 1, 1, 0, 0], killed=[10, 0, 0, 0, 0], injured=[0, 0, 0, 3, 0])
    first, _, third, *_ = score(route, corridor, found, DAY, type_weights={1: 2.0, 0: 0.0})
    assert first.score == pytest.approx(1 + np.log1p(10) + 2 + 2)
    assert first.top_type == 1 and (first.killed, first.injured) == (10, 0)  # 2 + 2 outweighs 3.4
    assert (third.incidents, third.injured, third.score, third.top_type) == (2, 3, 0.0, None)


# ------------------------------------------------------------------ the real ACLED extract


@pytest.mark.real_data
def test_gao_timbuktu_corridor_on_acled_matches_brute_force(shared_real):
    path = shared_real / ACLED
    if not path.exists():
        pytest.skip(f"../shared/data/real is absent ({ACLED} not found)")
    with open(path, encoding="utf-8", newline="") as f:
        events = list({row["event_id_cnty"]: row for row in csv.DictReader(f)}.values())
    lat, lon = (np.array([float(e[column]) for e in events]) for column in ("latitude", "longitude"))
    found = Incidents(lat=lat, lon=lon, day=np.array([datetime.strptime(e["event_date"], "%d %B %Y").toordinal()
                                                      for e in events]),
                      type_index=np.zeros(len(events), int), killed=np.array([int(e["fatalities"]) for e in events]),
                      injured=np.zeros(len(events), int), precision=np.array([int(e["geo_precision"]) for e in events]))
    route = Route.through([GAO, TIMBUKTU])
    corridor = PointIndex(lat, lon).near(route)
    along, off, _ = brute_force(route, lat, lon)
    assert np.all(np.abs(off - 10) > 0.001)  # no event so close to the edge that rounding could decide
    assert corridor.rows.tolist() == np.flatnonzero(off <= 10).tolist()
    assert len(corridor) > 20
    stretches = score(route, corridor, found, date(2020, 12, 31), days=4 * 366)
    inside = (off <= 10) & (found.precision < 3)
    expected = np.bincount(np.minimum(along[inside] // 10, len(stretches) - 1).astype(int), minlength=len(stretches))
    assert [s.incidents for s in stretches] == expected.tolist()
