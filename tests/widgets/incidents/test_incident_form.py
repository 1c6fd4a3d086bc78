"""IncidentForm: validation as you type, errors next to their field, Save disabled while invalid."""
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from db.incidents import draft as inc
from db.incidents import taxonomy
from db.records import Text
from db.scenario.schema import Site
from widgets.incidents.form import IncidentForm

SITES = (Site("gao", Text("Gao"), "camp", 16.2666, -0.0403, "ML-7"),
         Site("kidal", Text("Kidal"), "camp", 18.44111, 1.40778, "ML-8"))


def locate(lat, lon):
    return inc.Location("gao", 12.0, "ML-7", Text("Gao"))


def parse(text):
    try:
        from geo.coords import parse_coordinates
        return parse_coordinates(text)
    except ValueError:
        return None


@pytest.fixture
def form(qtbot):
    types = {t.id: frozenset(s.id for s in t.subtypes) for t in taxonomy.load().types}
    ctx = inc.Context(types, locate, (-18, 4, 16, 28), date(2024, 6, 30))
    f = IncidentForm(taxonomy.load(), SITES, lambda d: inc.validate(d, ctx), locate, parse)
    qtbot.addWidget(f)
    f.show()
    return f


@pytest.fixture
def french_form(qtbot, form):
    """The form as the French interface shows it (i18n.install sets the default locale the same way)."""
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    f = IncidentForm(taxonomy.load(), SITES, form._validate, locate, parse)
    qtbot.addWidget(f)
    f.show()
    return f


def fill(qtbot, form, date_text="2023-09-02", location="16.27, -0.04"):
    qtbot.keyClicks(form.occurred_on, date_text)
    qtbot.keyClicks(form.location, location)
    form.type.setCurrentIndex(form.type.findData("ied"))


def test_valid_entry_enables_save_and_emits_the_draft(qtbot, form):
    assert not form.save_button.isEnabled()
    fill(qtbot, form)
    qtbot.keyClicks(form.counts["injured_civilians"], "\b3")
    assert form.save_button.isEnabled()
    assert "Gao" in form.where.text()
    with qtbot.waitSignal(form.saved) as sig:
        qtbot.keyClick(form.source, Qt.Key.Key_Return)  # Enter saves
    d = sig.args[0]
    assert (d.occurred_on, d.location, d.type, d.injured_civilians) == ("2023-09-02", "16.27, -0.04", "ied", "3")


@pytest.mark.parametrize("field, text, error", [
    ("occurred_on", "2023-02-30", "not a date"),
    ("location", "91, 0", "latitude 91 is outside -90..90"),
])
def test_error_next_to_field(qtbot, form, field, text, error):
    fill(qtbot, form, **{"date_text" if field == "occurred_on" else "location": text})
    label = form.error_labels[field]
    assert label.isVisible() and error in label.text()
    assert not form.save_button.isEnabled()
    with qtbot.assertNotEmitted(form.saved):
        qtbot.keyClick(form.occurred_on, Qt.Key.Key_Return)
        form.accept()
    assert form.isVisible()


def test_whole_numbers_only(qtbot, form):
    fill(qtbot, form)
    qtbot.keyClicks(form.counts["injured_other"], ".5")
    assert form.error_labels["injured_other"].isVisible()
    assert not form.save_button.isEnabled()


def test_far_point_needs_confirmation(qtbot, form):
    fill(qtbot, form, location="40, 20")
    assert form.confirm.isVisible() and not form.save_button.isEnabled()
    assert "outside Mali" in form.error_labels["location"].text()
    form.confirm.setChecked(True)
    assert form.save_button.isEnabled() and form.draft().confirmed


def test_site_picker_and_map_pick_fill_the_location(qtbot, form):
    form.site_picker.activated.emit(2)  # Kidal
    assert form.location.text() == "18.44111, 1.40778"
    form.set_position(16.5, -1.25)
    assert form.location.text() == "16.50000, -1.25000"


def test_tab_order_follows_the_form(qtbot, form):
    form.occurred_on.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen[:3] == [form.occurred_time, form.location, form.site_picker]  # confirm is hidden


def test_escape_cancels(qtbot, form):
    with qtbot.waitSignal(form.rejected):
        qtbot.keyClick(form.occurred_on, Qt.Key.Key_Escape)


def test_pick_on_map_button_asks_and_keeps_enter_for_save(qtbot, form):
    with qtbot.waitSignal(form.pick_requested):
        qtbot.mouseClick(form.pick_button, Qt.MouseButton.LeftButton)
    form.set_position(16.27167, -0.04472)
    assert form.location.text().startswith("16.27167")


def test_french_form_writes_decimal_commas(french_form):
    french_form.site_picker.activated.emit(2)  # Kidal
    assert french_form.location.text() == "18,44111 ; 1,40778"
    french_form.set_draft(inc.IncidentDraft(location="16.27170, -0.04470"))  # a stored incident, edited
    assert french_form.location.text() == "16,27170 ; -0,04470"


@pytest.mark.parametrize("typed", ["13,12345 ; -3,5", "13,12345, -3,5", "13,12345 -3,5", "13.12345, -3.5",
                                   "13°07'24,42\"N 3°30'W", "13°07'24.42\"N 3°30'W"])
def test_french_form_reads_decimal_commas_and_points(qtbot, french_form, typed):
    fill(qtbot, french_form, location=typed)
    assert not french_form.error_labels["location"].isVisible() and french_form.save_button.isEnabled()
    assert parse(french_form.draft().location) == pytest.approx((13.12345, -3.5), abs=1e-5)
    assert french_form.where.isVisible()


def test_french_form_still_reads_mgrs_and_refuses_a_lone_number(qtbot, french_form):
    fill(qtbot, french_form, location="30Q ZD 15880 01273")
    assert french_form.save_button.isEnabled()
    french_form.location.setText("13,12345")
    assert french_form.error_labels["location"].isVisible() and not french_form.save_button.isEnabled()
