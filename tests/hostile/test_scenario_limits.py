"""Issue 17 items 11 and 13: scenarios past sitmon's limits are refused with their key path, quickly; a
scenario at the limits opens the window."""
import re

import pytest

from db.scenario.files import DEFAULT_SCENARIO, ScenarioError, loads, scenario_file
from db.scenario.schema import MAX_OCCURRENCES, MAX_SITES

SHIPPED = scenario_file(DEFAULT_SCENARIO).read_text(encoding="utf-8")


def with_recurring(rule: str, until: str) -> str:
    return re.sub(r'(\[\[recurring\]\][^\[]*?rule = )"[^"]*"(.*?until = )[0-9-]+', rf'\g<1>"{rule}"\g<2>{until}',
                  SHIPPED, count=1, flags=re.S)


@pytest.mark.parametrize("rule", ["FREQ=SECONDLY", "FREQ=MINUTELY", "FREQ=HOURLY;INTERVAL=2"])
def test_a_meeting_recurring_more_often_than_daily_is_refused(rule):
    """FREQ=SECONDLY for 100 years hung `scenario check` (killed at 120 s, 2.8 GB)."""
    with pytest.raises(ScenarioError, match=r"recurring\[0\]\.rule: FREQ=\w+: a meeting recurs daily at the most"):
        loads(with_recurring(rule, "2113-01-01"))


def test_too_many_occurrences_are_refused_and_just_enough_are_kept():
    with pytest.raises(ScenarioError, match=rf"recurring\[0\]\.until: more than {MAX_OCCURRENCES} occurrences"):
        loads(with_recurring("FREQ=DAILY", "2016-01-01"))
    start = loads(SHIPPED).meetings[0].date
    from datetime import timedelta
    fine = loads(with_recurring("FREQ=DAILY", (start + timedelta(days=MAX_OCCURRENCES)).isoformat()))
    assert len(fine.recurring[0].occurrences) == MAX_OCCURRENCES


def sites(n: int) -> str:
    block = "".join(f'\n[[sites]]\nid = "s{i}"\nname = {{ en = "Site {i}" }}\nkind = "camp"\n'
                    f'lat = {11 + (i % 17) * 0.75:.2f}\nlon = {-11 + (i // 17) * 0.8:.2f}\n' for i in range(n))
    return SHIPPED + block


def test_more_sites_than_the_limit_are_refused_naming_the_key():
    """100,000 sites loaded in 8 s, then the window never opened."""
    count = len(loads(SHIPPED).sites)
    with pytest.raises(ScenarioError, match=f"sites: should have at most {MAX_SITES} items"):
        loads(sites(MAX_SITES - count + 1))
    assert len(loads(sites(MAX_SITES - count)).sites) == MAX_SITES


def test_a_toml_nested_too_deep_is_refused_in_one_line():
    """A TOML nested 1,000 deep raised RecursionError."""
    with pytest.raises(ScenarioError, match="nested too deep"):
        loads("x = " + "[" * 1000 + "]" * 1000)


def test_the_window_opens_on_a_scenario_at_the_limits(qtbot, tmp_path):
    from app.gui import open_state
    from app.main_window import MainWindow
    from db import open_database
    from db.scenario.stored import load_scenario

    path = tmp_path / "big.toml"
    count = len(loads(SHIPPED).sites)
    path.write_text(sites(MAX_SITES - count), encoding="utf-8")
    db = open_database(tmp_path / "big.sqlite")
    load_scenario(db, path)
    window = MainWindow(open_state(db.path, "en", database=db))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.state.ops.idle, timeout=60_000)
    assert window.site_panel.proxy.rowCount() == MAX_SITES
    window.close()
