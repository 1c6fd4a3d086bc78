"""Scenario files: the shipped one is valid and complete; malformed ones are refused with the key path."""
from datetime import date

import pytest

from db.scenario import files as sc
from db.scenario import stored
from tests.db.rows import query

SHIPPED = sc.scenario_file(sc.DEFAULT_SCENARIO).read_text(encoding="utf-8")


def test_shipped_scenario_has_the_drawdown(scenario):
    assert scenario.mission.deadline == date(2023, 12, 31)
    kinds = [s.kind for s in scenario.sites]
    assert kinds.count("camp") == 11 and kinds.count("tob") == 1 and kinds.count("headquarters") == 1
    assert [p.id for p in scenario.phases] == ["phase-1", "phase-2a", "phase-2b", "phase-2c", "liquidation"]
    assert scenario.site("timbuktu").name.fr == "Tombouctou"
    assert all(e.source for e in scenario.events) and all(s.coordinates_source for s in scenario.sites)


def test_convoy_attack_is_the_first_incident_with_a_fixed_id(scenario):
    (seed,) = scenario.incidents
    assert seed.id == "c90d210a-97fc-5eb3-be70-fa237688882c"
    assert seed.date == date(2023, 8, 13) and seed.injured_peacekeepers == 4 and seed.site == "ber"


def test_relative_deadlines_and_recurring_meetings(scenario):
    due = {c.id: c.due for c in scenario.commitments}
    assert due["border-security"] == date(2013, 3, 31)  # two weeks after 17 March 2013
    assert due["focal-points-first"] == date(2013, 4, 17)  # one month
    rec = {r.id: r.occurrences for r in scenario.recurring}
    assert rec["focal-points"][:2] == (date(2013, 5, 17), date(2013, 7, 17))
    assert rec["ministers"][:2] == (date(2013, 9, 17), date(2014, 3, 17))


def test_nouakchott_states(scenario):
    (meeting,) = scenario.meetings
    assert len(meeting.states) == 11 and "MLI" in meeting.states and meeting.date == date(2013, 3, 17)


def broken(tmp_path, old, new):
    assert old in SHIPPED
    path = tmp_path / "bad.toml"
    path.write_text(SHIPPED.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("old, new, key, words", [
    ("lat = 16.83493", "lat = 95", "sites[0].lat", "less than or equal to 90"),
    ("start = 2023-07-15\nend = 2023-08-31", "start = 2023-07-15\nend = 2023-07-01", "phases[0]", "before start"),
    ('site = "ogossagou"\nclosure_phase', 'site = "atlantis"\nclosure_phase', "lifecycles[0].site",
     "unknown site 'atlantis'"),
    ('kind = "tob"', 'kind = "fortress"', "sites[3].kind", "fortress"),
    ("format_version = 1", "format_version = 9", "format_version", "newer than this sitmon reads"),
])
def test_malformed_scenario_is_refused_with_key_path(tmp_path, old, new, key, words):
    path = broken(tmp_path, old, new)
    with pytest.raises(sc.ScenarioError) as err:
        sc.load_file(path)
    assert err.value.key.startswith(key)
    assert words in str(err.value)
    assert str(path) in str(err.value)


def test_error_names_the_line(tmp_path):
    path = broken(tmp_path, "lat = 16.83493", "lat = 95")
    with pytest.raises(sc.ScenarioError) as err:
        sc.load_file(path)
    line = SHIPPED.splitlines().index("lat = 16.83493") + 1
    assert err.value.line == line and f":{line}:" in str(err.value)


def test_toml_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("format_version = 1\n[mission\n", encoding="utf-8")
    with pytest.raises(sc.ScenarioError) as err:
        sc.load_file(path)
    assert err.value.line == 2


def test_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes(SHIPPED.encode("utf-8").replace("Ménaka".encode(), "Ménaka".encode("latin-1"), 1))
    with pytest.raises(sc.ScenarioError, match="not UTF-8"):
        sc.load_file(path)


def rows(db):
    return [query(db, f"SELECT * FROM {t} ORDER BY 1") for t in ("scenarios", "sites", "incidents")]


def test_refused_scenario_leaves_the_database_unchanged(db, tmp_path):
    before = rows(db)
    with pytest.raises(sc.ScenarioError):
        stored.load_scenario(db, broken(tmp_path, "lat = 16.83493", "lat = 95"))
    assert rows(db) == before


def test_another_mission_loads_without_code_changes(db, tmp_path):
    other = tmp_path / "other.toml"
    other.write_text("""format_version = 1
[mission]
id = "unmil-2018"
name = { en = "UNMIL closure" }
country = "LBR"
deadline = 2018-03-30
view_start = 2017-07-01
view_end = 2018-06-30
[[sites]]
id = "monrovia"
name = { en = "Monrovia" }
kind = "headquarters"
lat = 6.3
lon = -10.8
[[phases]]
id = "p1"
name = { en = "Closure" }
start = 2018-01-01
end = 2018-03-30
[[lifecycles]]
site = "monrovia"
closure_phase = "p1"
""", encoding="utf-8")
    stored.load_scenario(db, other)
    loaded = stored.read_scenario(db)
    assert loaded.mission.id == "unmil-2018" and [s.id for s in loaded.sites] == ["monrovia"]
    assert query(db, "SELECT count(*) FROM incidents") == [(1,)]  # the log is kept


def test_reason_goes_through_the_translate_callback_and_unknown_types_stay_english():
    """A pydantic error type becomes a template app/ translates; a type not in REASONS keeps pydantic's text."""
    fr = {"should be a number": "doit être un nombre"}
    err = sc.ScenarioError("s.toml", "sites[0].lat", sc.REASONS["float_parsing"], 4, "'x'")
    assert err.message(lambda _ctx, t: fr.get(t, t)) == "s.toml:4: sites[0].lat: doit être un nombre (got 'x')"
    reason, params = sc._reason({"type": "new_type", "msg": "Input should match {8}", "ctx": {"n": 8}})
    assert sc.ScenarioError("s.toml", "k", reason, **params).message() == "s.toml: k: Input should match {8}"
