"""The map wired to the application state: dates, clicks, the card, the readout, layers, snapshots."""
import json
import sqlite3
import uuid
from datetime import date, datetime
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from sqlalchemy import insert

from app import settings
from app.briefing.map_image import render_map
from app.controllers.map import MapController
from app.cursor import CursorState
from app.state import AppState
from db.scenario import stored
from db.store.models import Incident
from geo import coords, lookups
from tests.app.conftest import wait_for_points
from widgets.map.layers_panel import LayersPanel
from widgets.map.view import MapView
from widgets.sites.card import SiteCard
from widgets.status_style import STATUS_COLORS

GAO = (16.27167, -0.04472)


def add_incidents(db, rows):
    """Incidents written to the SQLite file, as an import would: (day, lat, lon, type, casualties)."""
    now = datetime(2023, 9, 1)
    values = [dict(id=str(uuid.uuid4()), occurred_on=day, lat=lat, lon=lon, type=kind, killed_civilians=n,
                   created_at=now, updated_at=now, deleted=False) for day, lat, lon, kind, n in rows]
    with db.engine.begin() as conn:
        conn.execute(insert(Incident), values)
    return [v["id"] for v in values]


@pytest.fixture
def state(db):
    scenario = stored.read_scenario(db)
    s = AppState(db, scenario, CursorState(date(2023, 8, 5), scenario.start, scenario.end))
    yield s
    s.shutdown()


def reload_incidents(qtbot, state) -> None:
    """An incident write announced, as the log and imports do; returns once the new points are drawn."""
    with qtbot.waitSignal(state.points_ready):
        state.changed.emit(frozenset({"incidents"}))


@pytest.fixture
def ui(qtbot, state):
    view, card, panel = MapView(), SiteCard(), LayersPanel()
    for w in (view, card, panel):
        qtbot.addWidget(w)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    controller = MapController(state, view, card, panel)
    wait_for_points(qtbot, state)
    return SimpleNamespace(view=view, card=card, panel=panel, controller=controller, state=state)


def brush_of(view, site_id) -> str:
    return view.site_marks.data[view.site_index[site_id]]["brush"].color().name().upper()


def test_changing_the_date_recolours_the_sites_as_the_status_engine_says(ui):
    assert ui.view.site_status("ber") == "closing"
    assert brush_of(ui.view, "ber") == STATUS_COLORS["closing"]
    ui.state.cursor.set_date(date(2023, 8, 15))
    assert ui.view.site_status("ber") == "handed-over"
    assert brush_of(ui.view, "ber") == STATUS_COLORS["handed-over"]
    assert "Sites on 15 August 2023" in [r.text for r in ui.view.legend.rows()]


def test_clicking_a_site_opens_its_card(ui, qtbot):
    ui.state.cursor.set_date(date(2023, 8, 15))
    ber = ui.state.scenario.site("ber")
    at = ui.view.lonlat_to_widget(ber.lon, ber.lat).toPoint()
    qtbot.mouseClick(ui.view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert ui.state.selection == ("site", "ber")
    assert ui.card.site_id == "ber" and not ui.card.body.isHidden()
    text = ui.card.text()
    assert "Ber" in text and "handed over, as of 15 August 2023" in text
    assert "Handover confirmed on 12 August 2023" in text  # why
    assert "Phase 1: 15 July 2023 to 31 August 2023" in text  # closure window
    assert "14 August 2023" in text and "Timbuktu" in text  # planned handover; redeployed to
    assert "1 incident up to this date" in text  # the convoy attack outside Ber, within 50 km
    assert ui.view.highlight_mark.data["x"].tolist() == [ber.lon]


def test_card_counts_incidents_within_the_chosen_radius_up_to_the_date(ui, db, qtbot):
    ber = ui.state.scenario.site("ber")
    add_incidents(db, [(date(2023, 8, 1), ber.lat + 0.9, ber.lon, "ied", 2),  # about 100 km north
                       (date(2023, 8, 20), ber.lat, ber.lon + 0.1, "battles", 0)])  # after 15 August
    reload_incidents(qtbot, ui.state)
    ui.state.cursor.set_date(date(2023, 8, 15))
    ui.state.select("site", "ber")
    assert ui.card.count.text() == "1 incident up to this date"
    ui.card.radius.setValue(150)
    assert ui.card.count.text() == "2 incidents up to this date"
    assert settings.get("site_card/radius_km") == 150
    ui.state.cursor.set_date(date(2023, 8, 25))
    assert ui.card.count.text() == "3 incidents up to this date"


def test_incident_layer_shows_only_incidents_up_to_the_current_date(ui, db, qtbot):
    early, late = add_incidents(db, [(date(2023, 8, 1), 15.0, -2.0, "battles", 3),
                                     (date(2023, 10, 1), 15.5, -1.0, "riots", 0)])
    reload_incidents(qtbot, ui.state)
    seed = "c90d210a-97fc-5eb3-be70-fa237688882c"  # the scenario's convoy attack, 13 August
    assert set(ui.view.visible_incident_ids()) == {early}
    ui.state.cursor.set_date(date(2023, 8, 15))
    assert set(ui.view.visible_incident_ids()) == {early, seed}
    ui.panel.days.setValue(7)  # only the last 7 days
    assert set(ui.view.visible_incident_ids()) == {seed}
    assert settings.get("map/incident_days") == 7
    ui.state.cursor.set_date(date(2023, 12, 1))
    assert set(ui.view.visible_incident_ids()) == set()


def test_clicking_an_incident_selects_it(ui, db, qtbot):
    (ident,) = add_incidents(db, [(date(2023, 8, 1), 12.0, -6.0, "battles", 30)])
    reload_incidents(qtbot, ui.state)
    at = ui.view.lonlat_to_widget(-6.0, 12.0).toPoint()
    qtbot.mouseClick(ui.view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert ui.state.selection == ("incident", ident)
    assert ui.view.highlight_mark.data[["x", "y"]].tolist() == [(-6.0, 12.0)]


def test_an_incident_selected_before_its_points_arrive_is_ringed_when_they_do(ui, db, qtbot):
    (ident,) = add_incidents(db, [(date(2023, 8, 1), 12.0, -6.0, "battles", 30)])
    with qtbot.waitSignal(ui.state.points_ready):
        ui.state.changed.emit(frozenset({"incidents"}))  # as the log does after saving a new incident...
        ui.state.select("incident", ident)  # ...then selects it, before the new points have arrived
        assert ui.view.highlight_mark.data["x"].tolist() == []
    assert ui.view.highlight_mark.data[["x", "y"]].tolist() == [(-6.0, 12.0)]


def test_toggling_a_layer_hides_it_and_is_remembered(ui):
    ui.panel.item("incidents").setCheckState(Qt.CheckState.Unchecked)
    assert not ui.view.incidents.item.isVisible()
    assert settings.get("map/layers_hidden") == ["incidents"]
    ui.panel.item("incidents").setCheckState(Qt.CheckState.Checked)
    assert ui.view.incidents.item.isVisible()
    assert settings.get("map/layers_hidden") == []


def test_cursor_readout_shows_the_mgrs_of_gao(ui, qtbot):
    at = ui.view.lonlat_to_widget(GAO[1], GAO[0]).toPoint()
    with qtbot.waitSignal(ui.view.cursor_moved):
        qtbot.mouseMove(ui.view.graphics.viewport(), at)
    assert coords.format_mgrs(*GAO)[:9] in ui.view.readout.text()  # zone, square, 10 km: a pixel is ~2 km
    exact = ui.view.box.mapViewToScene(QPointF(GAO[1], GAO[0]))  # the scene point under the camp itself
    ui.view.graphics.scene().sigMouseMoved.emit(exact)
    assert ui.view.readout.text() == (f"{coords.format_dd(*GAO)}   {coords.format_dms(*GAO)}   "
                                      f"MGRS {coords.format_mgrs(*GAO)}   Gao")
    assert "MGRS 30Q ZD 15878 01270" in ui.view.readout.text()


def test_measurement_is_geodesic_km(ui, qtbot):
    ui.controller.actions["measure"].trigger()
    assert ui.view.tool == "measure"
    timbuktu = ui.state.scenario.site("timbuktu")
    with qtbot.waitSignal(ui.view.measure_requested) as blocker:
        for lon, lat in ((timbuktu.lon, timbuktu.lat), (GAO[1], GAO[0])):
            qtbot.mouseClick(ui.view.graphics.viewport(), Qt.MouseButton.LeftButton,
                             pos=ui.view.lonlat_to_widget(lon, lat).toPoint())
    km = lookups.geodesic_km(*blocker.args)
    assert ui.view.measure_text.textItem.toPlainText() == f"{km:.1f} km"
    assert km == pytest.approx(lookups.geodesic_km(timbuktu.lat, timbuktu.lon, *GAO), abs=5)
    ui.view.set_tool("pan")
    assert not ui.controller.actions["measure"].isChecked()


def test_zoom_actions(ui):
    ui.controller.actions["region:ML-8"].trigger()  # Kidal
    x0, y0, x1, y1 = ui.view.view_bbox()
    assert x0 < 1.4 < x1 and y0 < 18.4 < y1 and x1 - x0 < 12
    ui.state.select("site", "gao")
    ui.controller.actions["zoom_selection"].trigger()
    x0, y0, x1, y1 = ui.view.view_bbox()
    assert x0 < GAO[1] < x1 and x1 - x0 < 3
    ui.controller.actions["zoom_mali"].trigger()
    assert ui.view.view_bbox()[2] - ui.view.view_bbox()[0] > 16
    assert {a.shortcut().toString() for a in ui.controller.view_actions()} >= {"Ctrl+0", "Ctrl+9", "Ctrl+M"}


def test_user_vector_layer_is_added_and_remembered(ui, tmp_path, qtbot):
    path = tmp_path / "patrols.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {},
         "geometry": {"type": "LineString", "coordinates": [[-3, 16.7], [0, 16.3]]}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [-1, 15]}}]}))
    assert ui.controller.add_user_layer(path) is None
    layer_id = "user:" + str(path.resolve())
    assert ui.panel.item(layer_id).text() == "patrols.geojson"
    assert settings.get("map/user_layers") == [str(path.resolve())]
    assert len(ui.view.layers[layer_id]) == 2  # the line and the point
    ui.panel.item(layer_id).setCheckState(Qt.CheckState.Unchecked)
    assert not any(item.isVisible() for item in ui.view.layers[layer_id])
    ui.panel.remove_requested.emit(layer_id)
    assert layer_id not in ui.view.layers and settings.get("map/user_layers") == []


def test_unreadable_layer_gives_a_message_naming_the_file(ui, tmp_path):
    bad = tmp_path / "broken.geojson"
    bad.write_text("{ not json")
    error = ui.controller.add_user_layer(bad)
    assert error and "broken.geojson" in error
    assert settings.get("map/user_layers") == []


def png_tile(color: str) -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def test_mbtiles_layer_shows_the_tiles_of_the_view(ui, tmp_path):
    path = tmp_path / "relief.mbtiles"
    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE metadata (name TEXT, value TEXT);"
                      "CREATE TABLE tiles (zoom_level INT, tile_column INT, tile_row INT, tile_data BLOB);")
    con.executemany("INSERT INTO metadata VALUES (?, ?)", [("minzoom", "4"), ("maxzoom", "4"),
                                                           ("bounds", "-22.5,0,22.5,40.9")])
    con.executemany("INSERT INTO tiles VALUES (4, ?, ?, ?)",
                    [(x, 2 ** 4 - 1 - y, png_tile("#a0c080")) for x in (7, 8) for y in (6, 7)])
    con.commit()
    con.close()
    assert ui.controller.add_user_layer(path) is None
    layer_id = "user:" + str(path.resolve())
    assert set(ui.view.basemap.tiles[layer_id].images) == {(4, x, y) for x in (7, 8) for y in (6, 7)}
    assert ui.panel.item(layer_id).text() == "relief.mbtiles"
    ui.panel.item(layer_id).setCheckState(Qt.CheckState.Unchecked)
    assert layer_id in ui.view.basemap.hidden


def test_snapshot_of_15_august_is_written(state, tmp_path, qapp):
    image = render_map(state.db, date(2023, 8, 15), (800, 500))
    out = tmp_path / "map.png"
    assert image.save(str(out), "PNG")
    again = QImage(str(out))
    assert (again.width(), again.height()) == (800, 500)
    colours = {again.pixel(x, y) for x in range(0, 800, 8) for y in range(0, 500, 8)}
    assert len(colours) > 20  # a map, not a blank image
    assert QColor(again.pixel(400, 250)) != QColor("#000000")


def snapshot_cli(argv) -> int:
    """`sitmon [--db PATH] snapshot ...` as the command line runs it (one-line errors, exit 2)."""
    from app.cli import main

    return main.main(argv)


def test_snapshot_command(state, tmp_path, capsys, qapp):
    out = tmp_path / "map.png"
    assert snapshot_cli(["--db", str(state.db.path), "snapshot", "--date", "2023-08-15", "--out", str(out),
                         "--size", "640x400"]) == 0
    assert QImage(str(out)).size().toTuple() == (640, 400)
    with pytest.raises(SystemExit) as exit_info:
        snapshot_cli(["--db", str(state.db.path), "snapshot", "--date", "2023-02-30", "--out", str(out)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "2023-02-30" in err


def test_layers_and_hidden_layers_come_back_in_the_next_session(state, tmp_path, qtbot):
    path = tmp_path / "camps.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [-1, 15]}}]}))
    gone = tmp_path / "unplugged.gpkg"
    settings.put("map/user_layers", [str(path.resolve()), str(gone)])
    settings.put("map/layers_hidden", ["places"])
    view, card, panel = MapView(), SiteCard(), LayersPanel()
    for w in (view, card, panel):
        qtbot.addWidget(w)
    controller = MapController(state, view, card, panel)
    assert "user:" + str(path.resolve()) in view.layers
    assert len(controller.load_errors) == 1 and "unplugged.gpkg" in controller.load_errors[0]
    assert "places" in view.basemap.hidden
    assert panel.item("places").checkState() == Qt.CheckState.Unchecked
