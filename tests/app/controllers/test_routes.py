"""The route risk in the window: sites picked in order draw the route coloured by stretch and its profile; a
move of the date recolours it; positions clicked on the map and a line of a map layer make routes too; routes A
and B side by side; a listed incident opens its record; the briefing pack gets a page per route shown."""
import json
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pypdf import PdfReader

from tests.app.conftest import wait_for_ops
from widgets.route_style import SCORE_COLORS, score_color

BER_ATTACK = "c90d210a-97fc-5eb3-be70-fa237688882c"
GREY = SCORE_COLORS[0]


@pytest.fixture
def window(main_window, qtbot):
    w = main_window
    w.state.cursor.set_date(date(2023, 8, 20))
    w.show_route_panel()
    wait_for_ops(qtbot, w.state)
    return w


def pick_sites(w, *site_ids):
    """As a user: choose each site from the panel's "Add a site…" list, in order."""
    picker = w.route_panel.site_picker
    for ident in site_ids:
        picker.setCurrentIndex(picker.findData(ident))
        picker.activated.emit(picker.currentIndex())


def weighed(qtbot, w, slot="A"):
    qtbot.waitUntil(lambda: bool(w.route_controller.slots[slot].stretches), timeout=30_000)
    wait_for_ops(qtbot, w.state)


def test_picking_sites_draws_the_coloured_route_and_its_profile_and_the_date_recolours_it(window, qtbot):
    w = window
    assert w.docks[-1].isVisible()
    pick_sites(w, "ber", "timbuktu")
    weighed(qtbot, w)
    drawn = w.map.route_layer.routes["A"]
    assert len(drawn.colors) == 6  # 51 km in stretches of 10 km
    assert drawn.colors[0] == score_color(1.5) != GREY and set(drawn.colors[1:]) == {GREY}  # the Ber convoy attack
    column = w.route_panel.columns["A"]
    assert [round(b.to_km) for b in column.profile.bars] == [10, 20, 30, 40, 50, 51]
    assert column.profile.bars[0].score > 1 and {b.score for b in column.profile.bars[1:]} == {0}
    assert column.title.text() == "A: Ber → Timbuktu, 51 km"
    assert column.summary.text().startswith("Incidents recorded near this route: 1 (30 days to 20 Aug 2023")
    assert "probab" not in column.summary.text()
    assert [column.model.index(0, c).data() for c in range(6)] == ["7.7", "13 Aug 2023", "Attack on convoy", "2.9",
                                                                    "0 / 4", "Ber"]

    with qtbot.waitSignal(w.route_controller.shown):
        w.state.cursor.set_date(date(2023, 9, 20))  # five weeks later: the attack is out of the last 30 days
    assert set(w.map.route_layer.routes["A"].colors) == {GREY}
    assert {b.score for b in column.profile.bars} == {0} and column.model.rowCount() == 0

    w.state.cursor.set_date(date(2023, 8, 14), moving=True)  # a drag: recoloured once it settles
    assert set(w.map.route_layer.routes["A"].colors) == {GREY}
    with qtbot.waitSignal(w.state.cursor.date_settled, timeout=5000):
        pass
    assert w.map.route_layer.routes["A"].colors[0] != GREY


def test_routes_a_and_b_side_by_side_and_an_incident_one_click_from_its_record(window, qtbot):
    w = window
    pick_sites(w, "ber", "timbuktu")
    weighed(qtbot, w)
    w.route_panel.choose_slot("B")
    pick_sites(w, "ber", "goundam", "timbuktu")
    weighed(qtbot, w, "B")
    assert set(w.map.route_layer.routes) == {"A", "B"}
    a, b = w.route_panel.columns["A"], w.route_panel.columns["B"]
    assert b.title.text().startswith("B: Ber → Goundam → Timbuktu")
    assert a.x() < b.x() and a.y() == b.y()  # side by side
    assert a.profile.getPlotItem().vb.viewRange()[1] == b.profile.getPlotItem().vb.viewRange()[1]  # one height
    rect = b.list.visualRect(b.model.index(0, 2))
    qtbot.mouseClick(b.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # one click
    assert w.state.selection == ("incident", BER_ATTACK)
    w.state.select("", "")
    b.list.activated.emit(b.model.index(0, 0))  # Enter on the row
    assert w.state.selection == ("incident", BER_ATTACK)
    w.route_panel.choose_slot("B")
    w.route_panel.clear_button.click()
    assert set(w.map.route_layer.routes) == {"A"} and b.model.rowCount() == 0


def test_a_route_clicked_on_the_map(window, qtbot):
    w = window
    w.route_panel.draw.click()
    assert w.map.tool == "route"
    gao, ansongo = (w.state.scenario.site(s) for s in ("gao", "ansongo"))
    for site in (gao, ansongo):
        qtbot.mouseClick(w.map.graphics.viewport(), Qt.MouseButton.LeftButton,
                         pos=w.map.lonlat_to_widget(site.lon, site.lat).toPoint())
    qtbot.keyClick(w.map, Qt.Key.Key_Return)
    assert w.map.tool == "pan"
    weighed(qtbot, w)
    s = w.route_controller.slots["A"]
    assert s.title == "2 points drawn on the map"
    assert 60 < s.route.length_km < 140  # Gao to Ansongo, to the pixel the clicks land on


def test_a_line_of_a_map_layer_is_a_route(window, qtbot, tmp_path):
    w = window
    road = [[-2.53194, 16.83493], [-2.8, 16.9], [-3.00742, 16.77348]]
    path = tmp_path / "roads.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "RN"}, "geometry": {"type": "LineString", "coordinates": road}}]}))
    assert w.map_controller.add_user_layer(path) is None
    w.route_panel.layer_line.click()
    assert w.map.tool == "pick"
    w.map.zoom_to((-3.3, 16.5, -2.2, 17.1))
    qtbot.mouseClick(w.map.graphics.viewport(), Qt.MouseButton.LeftButton,
                     pos=w.map.lonlat_to_widget(-2.8, 16.9).toPoint())
    weighed(qtbot, w)
    s = w.route_controller.slots["A"]
    assert s.vertices == [(lat, lon) for lon, lat in road]
    assert s.title == "A line of a map layer"


def test_the_briefing_pack_has_a_page_per_route_shown(window, qtbot, tmp_path):
    w = window
    pick_sites(w, "ber", "timbuktu")
    weighed(qtbot, w)
    path = tmp_path / "pack.pdf"
    with qtbot.waitSignal(w.briefing.written, timeout=60_000):
        w.briefing.briefing_pack(str(path))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
    assert "Route A: Ber → Timbuktu: incidents recorded near it" in text
    assert "Incidents recorded near this route: 1, within 10 km of its 51 km" in text
