"""Movements: the one validator, audited writes with soft delete and restore, what a movement is on a date, the
scenario's seeds (the same bytes on two laptops, the Ber convoy attack linked), the upgrade of a 0005 database,
and the export as CSV and as lines."""
import csv
import json
import sqlite3
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from db import open_database
from db.exchange import exports
from db.movements import audit, draft, queries, writes
from db.movements.draft import MovementDraft
from db.scenario.stored import read_scenario
from db.store.migrations import HEAD
from tests.db.store import old_database

BER_CONVOY = "cfd14e3c-2cb6-5cbd-be51-ba5b5ed5e9d7"
BER_ATTACK = "c90d210a-97fc-5eb3-be70-fa237688882c"
GOOD = MovementDraft(from_site="gao", to_site="menaka", via="ansongo; 15.80000, 1.20000", planned_departure="2023-09-10",
                     planned_arrival="2023-09-12", status="planned", personnel="120", vehicles="35",
                     note="  fuel and water  ")


def ctx(db, today=date(2023, 12, 31)):
    return draft.context(read_scenario(db).sites, db, today)


def fields(errors):
    return {e.field: e.message.format(**e.args) for e in errors}


# ------------------------------------------------------------------ the validator


def test_a_good_draft_gives_its_columns(db):
    values = draft.values(GOOD, ctx(db))
    assert values == dict(from_site="gao", to_site="menaka", waypoints='["ansongo",[15.8,1.2]]',
                          planned_departure=date(2023, 9, 10), planned_arrival=date(2023, 9, 12), departed_on=None,
                          arrived_on=None, status="planned", personnel=120, vehicles=35, note="fuel and water",
                          incident_ids="[]")


@pytest.mark.parametrize("change, field, text", [
    (dict(from_site=""), "from_site", "required"),
    (dict(to_site="atlantis"), "to_site", "unknown site 'atlantis'"),
    (dict(to_site="gao", via=""), "to_site", "the same site as the start: add a waypoint for a round trip"),
    (dict(via="ansongo; nowhere near"), "via", "waypoint 2: 'nowhere near' is neither a site nor a position"),
    (dict(planned_departure=""), "planned_departure", "required"),
    (dict(planned_departure="10/09/2023"), "planned_departure", "not a date: write it as YYYY-MM-DD, e.g. 2023-08-13"),
    (dict(planned_arrival="2023-09-01"), "planned_arrival", "2023-09-01 is before 2023-09-10"),
    (dict(departed_on="2023-09-11"), "departed_on",
     "a planned movement has not departed: clear the date or change the status"),
    (dict(status="under-way"), "departed_on", "required for a movement under-way"),
    (dict(status="arrived", departed_on="2023-09-11"), "arrived_on", "required for a movement arrived"),
    (dict(status="under-way", departed_on="2023-09-11", arrived_on="2023-09-12"), "arrived_on",
     "a movement under-way has not arrived: clear the date or change the status"),
    (dict(status="arrived", departed_on="2023-09-11", arrived_on="2023-09-10"), "arrived_on",
     "2023-09-10 is before 2023-09-11"),
    (dict(status="under-way", departed_on="2024-02-01"), "departed_on", "2024-02-01 is in the future"),
    (dict(status="lost"), "status", "unknown status 'lost'"),
    (dict(personnel="-3"), "personnel", "a whole number from 0 to 100000, or empty if not known"),
    (dict(vehicles="1e3"), "vehicles", "a whole number from 0 to 100000, or empty if not known"),
    (dict(incidents="no-such-incident"), "incidents", "no incident 'no-such-incident' in the log"),
    (dict(incidents="bad id!"), "incidents", "'id!' is not an incident id"),
])
def test_each_problem_is_named_on_its_field(db, change, field, text):
    assert fields(draft.validate(replace(GOOD, **change), ctx(db))) == {field: text}


def test_incidents_are_linked_by_id_and_the_dates_follow_the_status(db):
    arrived = replace(GOOD, status="arrived", departed_on="2023-09-10", arrived_on="2023-09-12",
                      incidents=f"{BER_ATTACK}, {BER_ATTACK}")
    values = draft.values(arrived, ctx(db))
    assert json.loads(values["incident_ids"]) == [BER_ATTACK]  # once
    assert (values["departed_on"], values["arrived_on"]) == (date(2023, 9, 10), date(2023, 9, 12))
    packaged = draft.Context(ctx(db).sites)  # a package's movements: the ids are merged with them, not checked here
    assert draft.validate(replace(arrived, incidents="from-another-laptop"), packaged) == []


# ------------------------------------------------------------------ writes


def test_create_edit_delete_restore_are_audited(db):
    c = ctx(db)
    ident = writes.create(db, GOOD, "ana", c)
    record = queries.get(db, ident)
    assert (record.from_site, record.waypoints, record.personnel, record.origin) == \
        ("gao", ("ansongo", (15.8, 1.2)), 120, db.laptop_id)
    under_way = replace(GOOD, status="under-way", departed_on="2023-09-11")
    changes = writes.changes_between(record, draft.values(under_way, c))
    assert changes == {"departed_on": date(2023, 9, 11), "status": "under-way"}
    assert writes.update(db, ident, changes, "ben")
    assert not writes.update(db, ident, changes, "ben")  # nothing new
    assert writes.soft_delete(db, ident, "ana")
    assert ident not in {m.id for m in queries.movements(db)}
    assert queries.get(db, ident).deleted and ident in {m.id for m in queries.movements(db, include_deleted=True)}
    assert writes.restore(db, ident, "ana")
    trail = audit.trail(db, ident)
    assert [(a.action, a.author) for a in trail] == [("create", "ana"), ("update", "ben"), ("delete", "ana"),
                                                     ("restore", "ana")]
    assert dict((f, (old, new)) for f, old, new in trail[1].changes) == {
        "departed_on": (None, "2023-09-11"), "status": ("planned", "under-way")}
    assert queries.get(db, ident).revision == 4
    with pytest.raises(KeyError):
        writes.update(db, ident, {"author": "mallory"}, "mallory")
    with pytest.raises(queries.NotFound):
        writes.soft_delete(db, "no-such-movement", "ana")


# ------------------------------------------------------------------ on a date


def _movement(**kw) -> queries.MovementRecord:
    base = dict(id="m", from_site="ber", to_site="timbuktu", waypoints=(), planned_departure=date(2023, 8, 14),
                planned_arrival=None, departed_on=None, arrived_on=None, status="planned", personnel=None,
                vehicles=None, note="", incident_ids=(), author="", origin="", revision=1, created_at=None,
                updated_at=None, deleted=False)
    return queries.MovementRecord(**(base | kw))


def test_what_a_movement_is_on_each_date():
    planned = _movement(planned_arrival=date(2023, 8, 20))
    assert queries.on_date(planned, date(2023, 7, 30)) is None  # more than 14 days before it leaves
    assert queries.on_date(planned, date(2023, 8, 1)).state == "planned"
    assert queries.on_date(planned, date(2023, 9, 3)).state == "planned"
    assert queries.on_date(planned, date(2023, 9, 4)) is None  # a plan that did not happen is not drawn for ever
    arrived = _movement(status="arrived", departed_on=date(2023, 8, 13), arrived_on=date(2023, 8, 17))
    assert queries.on_date(arrived, date(2023, 8, 12)).state == "planned"
    assert [(found.state, found.progress) for found in (queries.on_date(arrived, date(2023, 8, d)) for d in (13, 15))] \
        == [("under-way", 0.0), ("under-way", 0.5)]
    assert queries.on_date(arrived, date(2023, 8, 17)).state == "arrived"
    assert queries.on_date(arrived, date(2023, 8, 17) + timedelta(days=15)) is None
    under_way = _movement(status="under-way", departed_on=date(2023, 8, 13))
    assert queries.on_date(under_way, date(2024, 1, 1)) == queries.OnDate(under_way, "under-way", None)  # no end known
    assert queries.on_date(replace(under_way, planned_arrival=date(2023, 8, 23)), date(2023, 8, 15)).progress == 0.2
    assert queries.on_date(_movement(status="aborted"), date(2023, 8, 14)) is None


# ------------------------------------------------------------------ the scenario's seeds


def _rows(path, table):
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
    finally:
        con.close()


def test_the_scenario_seeds_its_redeployments_the_same_on_every_laptop(tmp_path):
    first, second = (open_database(tmp_path / name) for name in ("a.sqlite", "b.sqlite"))
    scenario = read_scenario(first)
    records = queries.movements(first)
    assert {(m.from_site, m.to_site) for m in records} == {
        (lc.site, target) for lc in scenario.lifecycles for target in lc.redeployed_to}
    ber = queries.get(first, BER_CONVOY)
    assert (ber.from_site, ber.to_site, ber.departed_on, ber.status, ber.incident_ids) == \
        ("ber", "timbuktu", date(2023, 8, 13), "under-way", (BER_ATTACK,))
    assert {m.origin for m in records} == {"scenario"}
    assert ber.created_at == ber.updated_at == datetime.combine(ber.planned_departure, time())  # never the clock
    for db in (first, second):
        db.close()
    for table in ("movements", "movement_audit"):
        assert _rows(tmp_path / "a.sqlite", table) == _rows(tmp_path / "b.sqlite", table)


def test_loading_the_scenario_again_keeps_the_edited_seeds(db):
    from db.scenario.files import DEFAULT_SCENARIO
    from db.scenario.stored import load_scenario

    arrived = replace(draft.draft_of(queries.get(db, BER_CONVOY)), status="arrived", arrived_on="2023-08-15")
    writes.update(db, BER_CONVOY, writes.changes_between(queries.get(db, BER_CONVOY),
                                                           draft.values(arrived, ctx(db))), "ana")
    load_scenario(db, DEFAULT_SCENARIO)
    assert queries.get(db, BER_CONVOY).status == "arrived"
    assert len(queries.movements(db)) == 10


def test_a_seed_is_checked_by_the_movements_validator(tmp_path):
    from db.scenario.files import DEFAULT_SCENARIO, ScenarioError, loads

    text = DEFAULT_SCENARIO.read_text(encoding="utf-8") if DEFAULT_SCENARIO.is_file() else \
        (DEFAULT_SCENARIO / "scenario.toml").read_text(encoding="utf-8")
    bad = text.replace('departed_on = 2023-08-13\nstatus = "under-way"', 'departed_on = 2023-08-13\nstatus = "planned"')
    with pytest.raises(ScenarioError) as caught:
        loads(bad, "minusma.toml")
    assert "movements[1].departed_on: a planned movement has not departed" in str(caught.value)
    assert caught.value.context == "Movements"


# ------------------------------------------------------------------ upgrade


def test_a_0005_database_upgrades_keeping_its_incidents(tmp_path):
    path = tmp_path / "old.sqlite"
    old_database.at_revision(
        path, "0005",
        "INSERT INTO incidents (id, occurred_on, lat, lon, region, type, subtype, actors, description, notes, source, "
        "reliability, status, author, origin, revision, created_at, updated_at, deleted, killed_peacekeepers, "
        "killed_civilians, killed_other, injured_peacekeepers, injured_civilians, injured_other, location, admin1, "
        "admin2, geo_precision, time_precision) VALUES ('old-1', '2023-08-13', 16.8, -2.6, 'ML-6', 'attack-on-convoy', "
        "'', '', 'Convoy', '', '', '', 'reported', '', 'laptop', 1, '2023-08-13 10:00:00.000000', "
        "'2023-08-13 10:00:00.000000', 0, 0, 0, 0, 4, 0, 0, 'Ber', '', '', 2, 1)")
    upgraded = open_database(path, seed=False)
    try:
        with upgraded.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
            assert conn.exec_driver_sql("SELECT id, injured_peacekeepers FROM incidents").all() == [("old-1", 4)]
        assert queries.movements(upgraded) == ()
    finally:
        upgraded.close()


# ------------------------------------------------------------------ export


def test_movements_export_as_csv_and_as_lines(db, tmp_path):
    import geopandas as gpd

    assert exports.export_movements(db, tmp_path / "m.csv") == 10
    with open(tmp_path / "m.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == exports.MOVEMENT_COLUMNS
    ber = next(r for r in rows if r["id"] == BER_CONVOY)
    assert (ber["from_site"], ber["to_site"], ber["departed_on"], ber["arrived_on"], ber["incidents"],
            ber["route_km"]) == ("ber", "timbuktu", "2023-08-13", "", BER_ATTACK, "51.1")
    assert exports.export_movements(db, tmp_path / "m.geojson") == 10
    lines = gpd.read_file(tmp_path / "m.geojson")
    first = lines[lines.id == BER_CONVOY].geometry.iloc[0]
    assert first.geom_type == "LineString"
    assert first.coords[0] == pytest.approx((-2.53194, 16.83493)) and first.coords[-1] == pytest.approx(
        (-3.00742, 16.77348))
