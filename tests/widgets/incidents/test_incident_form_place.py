"""IncidentForm, issue 18: the place's name from the gazetteer (editable, with its distance), the region's and
cercle's names kept with their position, and the precisions."""
from datetime import date

import pytest

from db.incidents import draft as inc
from db.incidents import taxonomy
from db.records import Text
from db.scenario.schema import Site
from widgets.incidents.form import IncidentForm

SITES = (Site("gao", Text("Gao"), "camp", 16.2666, -0.0403, "ML-7"),
         Site("menaka", Text("Ménaka"), "camp", 15.9182, 2.4022, "ML-9"))


def parse(text):
    from geo.coords import CoordinateError, parse_coordinates

    try:
        return parse_coordinates(text)
    except CoordinateError:
        return None


@pytest.fixture
def form(qtbot):
    locate = inc.locator(SITES)  # the real gazetteer and regions of the shipped basemap
    types = {t.id: frozenset(s.id for s in t.subtypes) for t in taxonomy.load().types}
    ctx = inc.Context(types, locate, (-18, 4, 16, 28), date(2024, 6, 30))
    f = IncidentForm(taxonomy.load(), SITES, lambda d: inc.validate(d, ctx), locate, parse)
    qtbot.addWidget(f)
    f.show()
    return f


def test_a_position_brings_the_nearest_place_with_its_distance_and_region(form):
    assert form.place.text() == "" and form.geo_precision.currentData() == 1 and form.time_precision.currentData() == 1
    form.location.setText("15.92, 2.40")
    assert form.place.text() == "Ménaka"
    assert "Nearest place: Ménaka (0 km)" in form.where.text()
    d = form.draft()
    assert (d.place, d.admin1, d.admin2, d.geo_precision, d.time_precision) == ("Ménaka", "Gao", "", "1", "1")
    form.location.setText("16.27, -0.04")  # the suggestion follows the position while it is the gazetteer's
    assert form.place.text() == "Gao" and "Nearest place: Gao (" in form.where.text()


def test_a_typed_place_name_stays_when_the_position_moves(form):
    form.location.setText("15.92, 2.40")
    form.place.setText("Inékar, 40 km west")
    form.location.setText("15.95, 2.41")
    assert form.draft().place == "Inékar, 40 km west"
    form.place.clear()  # emptied: the gazetteer fills it again
    form.location.setText("16.27, -0.04")
    assert form.draft().place == "Gao"


def test_precisions_are_chosen_in_the_form(form):
    form.geo_precision.setCurrentIndex(form.geo_precision.findData(3))
    form.time_precision.setCurrentIndex(form.time_precision.findData(2))
    assert (form.draft().geo_precision, form.draft().time_precision) == ("3", "2")
    assert form.geo_precision.currentText() == "3: only the region"


def test_an_edited_incident_keeps_its_names_until_its_position_moves(form):
    shown = inc.IncidentDraft(occurred_on="2020-12-31", location="15.91820, 2.40220", type="battles",
                              place="Menaka", admin1="Menaka", admin2="Menaka", geo_precision="2",
                              time_precision="3")
    form.set_draft(shown)
    d = form.draft()
    assert (d.place, d.admin1, d.admin2, d.geo_precision, d.time_precision) == ("Menaka", "Menaka", "Menaka", "2",
                                                                                "3")
    form.location.setText("16.27, -0.04")
    d = form.draft()
    assert (d.place, d.admin1, d.admin2) == ("Menaka", "Gao", "")  # a typed (imported) name is the user's


def test_a_place_far_away_is_shown_but_does_not_name_the_incident(form):
    form.location.setText("18.10, 0.40")  # Anéfis: not in the gazetteer; Kidal is 113 km away
    assert form.place.text() == ""
    assert "Nearest place: Kidal (113 km)" in form.where.text()
