"""The status engine with site records: plan plus record, each status saying where it comes from."""
from datetime import date, datetime

from db import status
from tests.db.sites.records import made


def on(scenario, day, records, site):
    return status.site_status(scenario, site, day, records)


def test_recorded_goundam_handover_gives_closure_due_the_day_before_and_handed_over_from_it(scenario):
    rec = made("goundam", "handover", date(2023, 9, 5), source="radio Goundam", author="Awa Traoré")
    before = on(scenario, date(2023, 9, 4), [rec], "goundam")
    assert before.status == "closure-due" and before.confirmed_by == "plan"
    after = on(scenario, date(2023, 9, 5), [rec], "goundam")
    assert (after.status, after.since, after.confirmed) == ("handed-over", date(2023, 9, 5), date(2023, 9, 5))
    assert after.confirmed_by == rec.id and after.record is rec
    assert after.reason(fmt_date=lambda d: f"{d.day} Sep {d.year}") == \
        "Handover confirmed on 5 Sep 2023, recorded by Awa Traoré, source: radio Goundam"


def test_rescheduled_menaka_handover_keeps_it_closing_past_the_window(scenario):
    rec = made("menaka", "handover-planned", date(2023, 9, 20))
    st = on(scenario, date(2023, 9, 10), [rec], "menaka")
    assert st.status == "closing" and st.confirmed_by == rec.id
    assert st.planned_end == st.planned_handover == date(2023, 9, 20)
    assert "rescheduled to 2023-09-20" in st.reason()
    assert on(scenario, date(2023, 9, 10), [], "menaka").status == "closure-due"
    due = on(scenario, date(2023, 9, 21), [rec], "menaka")
    assert (due.status, due.since) == ("closure-due", date(2023, 9, 21))
    assert "rescheduled to 2023-09-20 has passed" in due.reason()
    assert ("menaka", "gao") in status.flows_on(scenario, date(2023, 9, 10), [rec])


def test_the_scenarios_ber_handover_stays_when_nothing_supersedes_it(scenario):
    others = [made("goundam", "handover", date(2023, 9, 5)), made("ber", "repatriated", date(2023, 8, 20), 800,
                                                                   "military")]
    ber = on(scenario, date(2023, 8, 15), others, "ber")
    assert (ber.status, ber.since, ber.confirmed_by) == ("handed-over", date(2023, 8, 12), "scenario")
    assert ber.reason().startswith("Handover confirmed on 2023-08-12 (S/2023/611)")


def test_a_record_supersedes_the_scenarios_handover_and_says_so(scenario):
    rec = made("ber", "handover", date(2023, 8, 13), author="Awa")
    assert on(scenario, date(2023, 8, 12), [rec], "ber").status == "closing"
    ber = on(scenario, date(2023, 8, 13), [rec], "ber")
    assert ber.confirmed_by == rec.id and ber.replaces == date(2023, 8, 12)
    assert ber.reason() == "Handover confirmed on 2023-08-13, recorded by Awa; replaces the scenario's 2023-08-12"


def test_deleted_records_and_other_sites_records_change_nothing(scenario):
    gone = made("goundam", "handover", date(2023, 9, 5), deleted=True)
    assert on(scenario, date(2023, 9, 10), [gone], "goundam").status == "closure-due"
    assert status.situation(scenario, date(2023, 9, 10), [gone]).status_of("goundam").status == "closure-due"


def test_a_recorded_role_starts_that_role_and_a_return_ends_it(scenario):
    rear = made("gao", "rear-party", date(2023, 12, 10))
    assert on(scenario, date(2023, 12, 12), [rear], "gao").status == "rear-party"
    assert on(scenario, date(2023, 12, 12), [], "gao").status == "open"
    hub = on(scenario, date(2024, 2, 1), [rear], "gao")
    assert hub.status == "liquidation-hub" and hub.confirmed_by == "plan"
    back = made("gao", "returned", date(2025, 3, 1))
    returned = on(scenario, date(2025, 3, 2), [rear, back], "gao")
    assert (returned.status, returned.since, returned.confirmed_by) == ("handed-over", date(2025, 3, 1), back.id)


def test_closure_started_moves_the_windows_start(scenario):
    rec = made("tessalit", "closure-started", date(2023, 8, 25))
    st = on(scenario, date(2023, 8, 27), [rec], "tessalit")
    assert (st.status, st.since, st.confirmed_by) == ("closing", date(2023, 8, 25), rec.id)
    assert on(scenario, date(2023, 8, 27), [], "tessalit").status == "open"


def test_the_newest_record_of_a_kind_wins(scenario):
    first = made("menaka", "handover-planned", date(2023, 9, 20), recorded_at=datetime(2023, 9, 1))
    second = made("menaka", "handover-planned", date(2023, 9, 12), recorded_at=datetime(2023, 9, 3))
    assert on(scenario, date(2023, 9, 15), [second, first], "menaka").status == "closure-due"


def test_key_figures_take_the_latest_figure_per_category(scenario):
    military = made("bamako", "repatriated", date(2023, 9, 1), 1200, "military")
    civilian = made("bamako", "repatriated", date(2023, 9, 2), 40, "civilian")
    k = status.key_figures(scenario, date(2023, 9, 5), records=[military, civilian])
    assert [(r.category, r.value, r.as_of, r.source) for r in k.repatriation] == [
        ("military", 1200, date(2023, 9, 1), military.id), ("police", 24, date(2023, 8, 14), "scenario"),
        ("civilian", 40, date(2023, 9, 2), civilian.id)]
    assert k.repatriated == 1224 and k.repatriated_as_of == date(2023, 9, 1)
    before = status.key_figures(scenario, date(2023, 8, 20), records=[military, civilian])
    assert before.repatriated == 719 and before.repatriated_of("civilian") is None


def test_a_handover_counts_in_the_sites_handed_over(scenario):
    rec = made("goundam", "handover", date(2023, 9, 5))
    day = date(2023, 9, 6)
    assert status.situation(scenario, day, [rec]).figures.sites_closed == \
        status.situation(scenario, day).figures.sites_closed + 1
    assert "goundam" not in status.situation(scenario, day, [rec]).figures.overdue
