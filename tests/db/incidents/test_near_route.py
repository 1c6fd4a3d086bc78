"""The route risk from the incident log (db/incidents/near_route.py): incidents stored in SQLite at known geodesic
distances off a known route (placed with pyproj's Geod) are listed and counted exactly when inside the corridor and
the day window; on the real ACLED extract, the corridor counts of a route between two camps equal a brute force
over every incident."""
from datetime import date, timedelta

import numpy as np
import pytest
from pyproj import Geod

from db.incidents import draft, writes
from db.incidents.near_route import RouteIndex, RouteOptions, check_options, route_risk
from db.incidents.points import incident_points
from db.scenario.stored import read_scenario
from tests.geo.test_routes import ACLED, brute_force

GEOD = Geod(ellps="WGS84")
DAY = date(2023, 10, 1)


def _sites(db):
    return {s.id: (s.lat, s.lon) for s in read_scenario(db).sites}


def beside(start, end, km_along, km_off, side=1):
    """The point km_off off the geodesic start -> end, at right angles to it, km_along from start."""
    azimuth = GEOD.inv(start[1], start[0], end[1], end[0])[0]
    lon, lat, back = GEOD.fwd(start[1], start[0], azimuth, km_along * 1000)
    lon, lat, _ = GEOD.fwd(lon, lat, (back + 180) % 360 + 90 * side, km_off * 1000)
    return lat, lon


def _store(db, lat, lon, day, kind="attack-on-convoy", precision="1", killed="0", injured="0"):
    ctx = draft.context(read_scenario(db).sites, today=date(2030, 1, 1))
    typed = draft.IncidentDraft(occurred_on=day.isoformat(), location=f"{lat:.7f}, {lon:.7f}", type=kind,
                                geo_precision=precision, killed_civilians=killed, injured_peacekeepers=injured,
                                confirmed=True)
    return writes.create(db, typed, "test", ctx)


def test_exactly_the_incidents_inside_the_corridor_and_the_days_are_listed_and_counted(db):
    sites = _sites(db)
    gao, timbuktu = sites["gao"], sites["timbuktu"]
    placed = {}  # id -> (km along, km off) of those that must be listed
    for along, off, side in ((5, 0.2, 1), (57.5, 4.0, -1), (123, 9.8, 1), (203, 9.9, -1), (304, 6.5, 1)):
        lat, lon = beside(gao, timbuktu, along, off, side)
        placed[_store(db, lat, lon, DAY - timedelta(days=3), killed="2", injured="1")] = (along, off)
    outside = [_store(db, *beside(gao, timbuktu, along, off), DAY) for along, off in ((40, 10.2), (150, 12.0))]
    too_old = _store(db, *beside(gao, timbuktu, 90, 1.0), DAY - timedelta(days=30))  # the day before the window
    later = _store(db, *beside(gao, timbuktu, 95, 1.0), DAY + timedelta(days=1))
    region_only = _store(db, *beside(gao, timbuktu, 100, 1.0), DAY, precision="3")
    first_day = _store(db, *beside(gao, timbuktu, 260, 2.0), DAY - timedelta(days=29), kind="protests")
    placed[first_day] = (260, 2.0)

    risk = route_risk(db, [gao, timbuktu], DAY, RouteOptions(buffer_km=10, days=30, step_km=10))
    listed = {x.id: x for x in risk.incidents}
    assert set(listed) == set(placed)
    assert not set(listed) & {*outside, too_old, later, region_only}
    for ident, (along, off) in placed.items():
        assert listed[ident].km_along == pytest.approx(along, rel=0.005)
        assert listed[ident].km_off == pytest.approx(off, rel=0.005)
    assert [x.km_along for x in risk.incidents] == sorted(x.km_along for x in risk.incidents)
    counted = {s.index: s.incidents for s in risk.stretches if s.incidents}
    assert counted == {0: 1, 5: 1, 12: 1, 20: 1, 26: 1, 30: 1}
    assert sum(s.killed for s in risk.stretches) == 10 and sum(s.injured for s in risk.stretches) == 5
    assert risk.top_type(risk.stretches[0]) == "attack-on-convoy" and risk.top_type(risk.stretches[26]) == "protests"
    assert risk.stretches[26].score < risk.stretches[20].score  # older, lighter kind, no casualties


def test_the_index_is_built_once_and_answers_many_routes_and_dates(db):
    sites = _sites(db)
    index = RouteIndex(incident_points(db))
    ber_timbuktu = route_risk(db, [sites["ber"], sites["timbuktu"]], date(2023, 8, 20), index=index)
    assert [x.id for x in ber_timbuktu.incidents] == ["c90d210a-97fc-5eb3-be70-fa237688882c"]
    assert ber_timbuktu.incidents[0].location == "Ber"
    assert route_risk(db, [sites["ber"], sites["timbuktu"]], date(2023, 9, 20), index=index).incidents == ()
    assert route_risk(db, [sites["gao"], sites["menaka"]], date(2023, 8, 20), index=index).incidents == ()


def test_options_out_of_range_are_named():
    assert check_options(RouteOptions()) == []
    bad = check_options(RouteOptions(buffer_km=0, days=4000, step_km=float("nan"), half_life_days=14))
    assert [name for name, _, _ in bad] == ["buffer_km", "days", "step_km"]


@pytest.mark.real_data
def test_corridor_counts_on_the_real_acled_extract_equal_a_brute_force(db, shared_real):
    from db.exchange import imports

    path = shared_real / ACLED
    if not path.exists():
        pytest.skip(f"../shared/data/real is absent ({ACLED} not found)")
    plan = imports.check_file(db, path)
    imports.write_import(db, plan, "tester")
    points = incident_points(db)
    sites = _sites(db)
    vertices = [sites["mopti"], sites["douentza"]]  # two camps on the road through the centre
    day, days = date(2020, 12, 31), 4 * 366
    risk = route_risk(db, vertices, day, RouteOptions(buffer_km=10, days=days, step_km=10))
    assert len(risk.incidents) > 10

    along, off, _ = brute_force(risk.route, points.lat, points.lon)
    assert np.all(np.abs(off - 10) > 0.001)  # nothing so near the edge that rounding could decide
    age = day.toordinal() - points.day
    counted = (off <= 10) & (points.precision < 3) & (age >= 0) & (age < days)
    assert sorted(x.id for x in risk.incidents) == sorted(points.ids[counted])
    expected = np.bincount(np.minimum(along[counted] // 10, len(risk.stretches) - 1).astype(int),
                           minlength=len(risk.stretches))
    assert [s.incidents for s in risk.stretches] == expected.tolist()
    assert [s.killed for s in risk.stretches] == np.bincount(
        np.minimum(along[counted] // 10, len(risk.stretches) - 1).astype(int), points.killed[counted],
        minlength=len(risk.stretches)).astype(int).tolist()
