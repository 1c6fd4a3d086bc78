"""The status engine against the facts of S/2023/611 (the issue's examples and the rest)."""
from datetime import date

import pytest

from db import status, vocab


def on(scenario, day):
    return {s.site_id: s.status for s in status.statuses_on(scenario, day)}


def test_every_site_open_on_1_july_2023(scenario):
    assert set(on(scenario, date(2023, 7, 1)).values()) == {"open"}


def test_5_august_ogossagou_handed_over_and_phase_1_closing(scenario):
    s = on(scenario, date(2023, 8, 5))
    assert s["ogossagou"] == "handed-over"
    assert s["ber"] == s["goundam"] == s["menaka"] == "closing"
    assert s["tessalit"] == "open"


def test_15_august_ber_handed_over_since_the_12th(scenario):
    ber = status.site_status(scenario, "ber", date(2023, 8, 15))
    assert ber.status == "handed-over"
    assert ber.since == date(2023, 8, 12)
    assert "2023-08-12" in ber.reason()
    assert ber.confirmed == date(2023, 8, 12) and ber.planned_end == date(2023, 8, 31)


def test_window_ended_without_handover_is_closure_due(scenario):
    goundam = status.site_status(scenario, "goundam", date(2023, 9, 1))
    assert goundam.status == "closure-due" and goundam.overdue
    assert goundam.since == date(2023, 9, 1)
    assert goundam.confirmed is None
    assert "no confirmed handover" in goundam.reason()


def test_phase_2_windows(scenario):
    assert on(scenario, date(2023, 9, 15))["douentza"] == "closing"
    assert on(scenario, date(2023, 12, 5))["kidal"] == "closing"
    assert on(scenario, date(2023, 12, 20))["ansongo"] == "closing"


def test_phase_2c_rear_party_and_reduced_footprint(scenario):
    s = on(scenario, date(2023, 12, 20))
    assert s["gao"] == "rear-party"
    assert s["bamako"] == "reduced"


def test_5_january_2024_three_liquidation_hubs(scenario):
    s = on(scenario, date(2024, 1, 5))
    assert [k for k, v in s.items() if v == "liquidation-hub"] == ["gao", "timbuktu", "bamako"]


def test_every_status_word_is_known(scenario):
    for day in (date(2023, 7, 1), date(2023, 8, 20), date(2023, 12, 20), date(2024, 6, 1)):
        assert set(on(scenario, day).values()) <= set(vocab.SITE_STATUSES)


def test_key_figures_on_15_august(scenario):
    k = status.key_figures(scenario, date(2023, 8, 15))
    assert k.days_to_deadline == 138
    assert (k.sites_closed, k.sites_total) == (2, 12)  # 11 camps and 1 TOB
    assert k.repatriated == 695 + 24 and k.repatriated_as_of == date(2023, 8, 14)
    assert status.key_figures(scenario, date(2023, 8, 13)).repatriated is None


def test_flows_follow_the_closure_window(scenario):
    assert ("ber", "timbuktu") in status.flows_on(scenario, date(2023, 8, 13))
    assert status.flows_on(scenario, date(2023, 7, 1)) == []
    assert ("tessalit", "gao") in status.flows_on(scenario, date(2023, 10, 1))


@pytest.mark.parametrize("lang, word", [("en", "Closure window Phase 1"), ("fr", "Closure window Phase 1")])
def test_reason_uses_the_scenario_language(scenario, lang, word):
    # the template is translated by Qt in the app; scenario texts come from the data
    text = status.site_status(scenario, "ber", date(2023, 8, 1)).reason(lang)
    assert text.startswith(word)


@pytest.mark.parametrize("lang, start", [("en", "Liquidation hub from 2024-01-01"),
                                         ("fr", "Pôle de liquidation à partir du 2024-01-01")])
def test_reasons_read_as_sentences(scenario, lang, start):
    """A reason that starts with a status word starts with a capital, as every other reason does (the French
    words as the catalogue gives them)."""
    words = {"Liquidation hub": "Pôle de liquidation", "liquidation hub": "pôle de liquidation",
             "{role} from {start}": "{role} à partir du {start}"}
    translate = (lambda _ctx, text: words.get(text, text)) if lang == "fr" else None
    reason = status.site_status(scenario, "gao", date(2024, 1, 5)).reason(lang, translate)
    assert reason.startswith(start)
    for day in (date(2013, 3, 1), date(2023, 8, 15), date(2023, 12, 20), date(2024, 1, 5)):
        assert all(s.reason()[0].isupper() for s in status.statuses_on(scenario, day))
