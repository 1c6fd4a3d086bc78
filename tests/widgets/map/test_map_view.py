"""MapView on its own: data in through setters, what the user sees, keys and the fast incident path."""
import math
from datetime import date

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt

from db import status
from db.incidents.points import IncidentPoints
from widgets.map.layers import CASUALTY_SIZES, IncidentLayer
from widgets.map.records import IncidentStyle
from widgets.map.view import MALI, MapView
from widgets.status_style import STATUS_COLORS, STATUS_SYMBOLS

STYLES = [IncidentStyle("Battle", "o", "#D55E00"), IncidentStyle("IED", "d", "#E69F00"),
          IncidentStyle("Riot", "s", "#0072B2")]


def make_points(n: int, seed: int = 0) -> IncidentPoints:
    rng = np.random.default_rng(seed)
    return IncidentPoints(
        ids=np.array([f"i{k}" for k in range(n)], dtype=object), lat=rng.uniform(11, 24, n),
        lon=rng.uniform(-11, 3, n), day=date(2023, 7, 1).toordinal() + rng.integers(0, 120, n),
        type_index=rng.integers(0, len(STYLES), n).astype(np.int32),
        casualties=rng.geometric(0.3, n).astype(np.int32) - 1, types=("battles", "ied", "riots"))


@pytest.fixture
def view(qtbot):
    v = MapView()
    qtbot.addWidget(v)
    v.resize(900, 700)
    v.show()
    qtbot.waitExposed(v)
    v.zoom_to(MALI)
    return v


def mark_of(view, site_id):
    """(symbol, brush colour, brush style) of a site's status mark as drawn."""
    row = view.site_marks.data[view.site_index[site_id]]
    return row["symbol"], row["brush"].color().name().upper(), row["brush"].style()


def test_sites_drawn_in_the_colour_and_shape_of_their_status(view, scenario):
    view.set_sites(list(scenario.sites))
    for day, expected in ((date(2023, 8, 5), "closing"), (date(2023, 8, 15), "handed-over")):
        view.show_statuses(status.statuses_on(scenario, day), status.flows_on(scenario, day), day)
        assert mark_of(view, "ber") == (STATUS_SYMBOLS[expected], STATUS_COLORS[expected],
                                        Qt.BrushStyle.SolidPattern)
    day = date(2023, 9, 5)  # Goundam's window ended on 31 August without a confirmed handover
    view.show_statuses(status.statuses_on(scenario, day), [], day)
    symbol, _, brush = mark_of(view, "goundam")
    assert (symbol, brush) == (STATUS_SYMBOLS["closure-due"], Qt.BrushStyle.NoBrush)  # hollow: planned, not done
    pen = view.site_marks.data[view.site_index["goundam"]]["pen"]
    assert pen.style() == Qt.PenStyle.CustomDashLine and pen.color().name().upper() == STATUS_COLORS["closure-due"]


def test_legend_names_the_date_and_flows_are_drawn_while_the_move_is_under_way(view, scenario):
    view.set_sites(list(scenario.sites))
    day = date(2023, 8, 15)
    view.show_statuses(status.statuses_on(scenario, day), status.flows_on(scenario, day), day)
    texts = [r.text for r in view.legend.rows()]
    assert "Sites on 15 August 2023" in texts and "Redeployment under way" in texts
    assert {"open", "closing", "handed over"} <= set(texts) and "closure due" not in texts  # what is shown only
    ber, timbuktu = scenario.site("ber"), scenario.site("timbuktu")
    assert [ber.lon, ber.lat, timbuktu.lon, timbuktu.lat] in view.flows.segments.tolist()
    view.show_statuses(status.statuses_on(scenario, date(2023, 12, 20)), [], date(2023, 12, 20))
    assert len(view.flows.segments) == 0


def test_incident_window_shows_only_incidents_up_to_the_date(view):
    points = make_points(500)
    view.set_incidents(points, STYLES)
    view.show_incident_window(date(2023, 8, 1))
    assert set(view.visible_incident_ids()) == set(points.ids[points.day <= date(2023, 8, 1).toordinal()])
    assert view.incidents.item.data["visible"].sum() == (points.day <= date(2023, 8, 1).toordinal()).sum()
    view.show_incident_window(date(2023, 8, 1), days_back=7)
    last = date(2023, 8, 1).toordinal()
    assert set(view.visible_incident_ids()) == set(points.ids[(points.day <= last) & (points.day > last - 7)])
    assert any("Incidents, 7 days to 1 August 2023" == r.text for r in view.legend.rows())


def test_an_incident_known_only_to_its_region_is_drawn_hollow_and_the_legend_says_so(view):
    points = make_points(200)
    region_only = points.day > date(2023, 9, 1).toordinal()
    points = IncidentPoints(**{**points.__dict__, "region_only": region_only})
    view.set_incidents(points, STYLES)
    view.show_incident_window(date(2023, 8, 1))  # before any region-only one: no legend row
    layer = view.incidents
    assert "Hollow: only the region is known" not in [r.text for r in view.legend.rows()]
    view.show_incident_window(date(2023, 12, 31))
    assert "Hollow: only the region is known" in [r.text for r in view.legend.rows()]
    data = layer.item.data
    hollow = layer.region_only
    assert hollow.sum() == region_only.sum()
    assert all(b.style() == Qt.BrushStyle.NoBrush for b in data["brush"][hollow])
    assert all(b.style() == Qt.BrushStyle.SolidPattern for b in data["brush"][~hollow])
    colours = {s.color.upper() for s in STYLES}
    assert {p.color().name().upper() for p in data["pen"][hollow]} <= colours  # outlined in the type's colour


def public_api_item(layer, visible) -> pg.ScatterPlotItem:
    """The same spots built and filtered through pyqtgraph's public API only."""
    kw = layer.spot_styles(layer.type_index, np.searchsorted(CASUALTY_SIZES, layer.size), layer.region_only)
    kw.update(x=layer.x, y=layer.y)
    item = pg.ScatterPlotItem(pxMode=True, **kw)
    item.setPointsVisible(visible)
    return item


def frame(qtbot, item):
    plot = pg.GraphicsView(background="w")
    box = pg.ViewBox()
    plot.setCentralItem(box)
    qtbot.addWidget(plot)
    plot.resize(500, 400)
    box.setRange(xRange=(-11, 3), yRange=(11, 24), padding=0)
    box.addItem(item)
    return plot.grab().toImage()


@pytest.mark.parametrize("day", [date(2023, 7, 20), date(2023, 9, 1)])
def test_fast_incident_path_draws_the_same_frame_as_the_public_api(qtbot, day):
    """Guards the pyqtgraph 0.14.0 internals the incident layer writes (data['visible'], prototype rows)."""
    layer = IncidentLayer()
    layer.set_points(make_points(2000, seed=3), STYLES)
    layer.show_window(day)
    assert 0 < layer.visible.sum() < 2000
    assert frame(qtbot, layer.item) == frame(qtbot, public_api_item(layer, layer.visible.copy()))


def test_keys_pan_and_zoom(view, qtbot):
    x0, y0, x1, y1 = view.view_bbox()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.view_bbox()[0] == pytest.approx(x0 + 0.1 * (x1 - x0), abs=1e-6)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.view_bbox()[1] > y0
    width = view.view_bbox()[2] - view.view_bbox()[0]
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.view_bbox()[2] - view.view_bbox()[0] == pytest.approx(width / 1.25, rel=1e-3)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.view_bbox()[2] - view.view_bbox()[0] == pytest.approx(width, rel=1e-3)


def test_a_degree_of_longitude_is_cos_latitude_of_a_degree_of_latitude_on_screen(view):
    a, east, north = (view.lonlat_to_widget(*p) for p in ((0, 17.6), (1, 17.6), (0, 18.6)))
    lat_mid = (MALI[1] + MALI[3]) / 2
    assert (east.x() - a.x()) / (a.y() - north.y()) == pytest.approx(math.cos(math.radians(lat_mid)), rel=0.02)


def test_hiding_a_layer_hides_its_items_and_legend(view, scenario):
    view.set_sites(list(scenario.sites))
    view.show_statuses(status.statuses_on(scenario, date(2023, 8, 15)), [], date(2023, 8, 15))
    view.set_layer_visible("sites", False)
    assert not view.site_marks.isVisible() and not view.site_labels.isVisible()
    assert "Sites on 15 August 2023" not in [r.text for r in view.legend.rows()]
    view.set_layer_visible("sites", True)
    assert view.site_marks.isVisible()


def test_measure_tool_emits_the_two_points(view, qtbot):
    view.set_tool("measure")
    a, b = view.lonlat_to_widget(-3.0, 16.77), view.lonlat_to_widget(-0.04, 16.27)
    qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=a.toPoint())
    with qtbot.waitSignal(view.measure_requested) as blocker:
        qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=b.toPoint())
    lat1, lon1, lat2, lon2 = blocker.args
    assert (lat1, lon1) == pytest.approx((16.77, -3.0), abs=0.05)
    assert (lat2, lon2) == pytest.approx((16.27, -0.04), abs=0.05)


def test_pick_tool_emits_one_position_then_returns_to_pan(view, qtbot):
    view.set_tool("pick")
    with qtbot.waitSignal(view.position_picked) as blocker:
        qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.lonlat_to_widget(-4.0, 14.5).toPoint())
    assert blocker.args == pytest.approx([14.5, -4.0], abs=0.05)
    assert view.tool == "pan"


def test_clicking_an_incident_emits_its_id(view, qtbot):
    points = make_points(1)
    view.set_incidents(points, STYLES)
    view.show_incident_window(date(2024, 1, 1))
    at = view.lonlat_to_widget(points.lon[0], points.lat[0]).toPoint()
    with qtbot.waitSignal(view.incident_clicked) as blocker:
        qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert blocker.args == ["i0"]
    assert view.incidents.index_at(points.lon[0] + 1, points.lat[0], *view.box.viewPixelSize()) == -1


def test_readout_is_shown_only_with_text(view):
    view.show_readout("16.27167 N")
    assert view.readout.isVisible() and view.readout.text() == "16.27167 N"
    view.show_readout("")
    assert not view.readout.isVisible()


def test_zoom_to_keeps_the_box_in_view(view):
    view.zoom_to((-1.0, 15.8, 0.9, 16.8))
    x0, y0, x1, y1 = view.view_bbox()
    assert x0 <= -1.0 and x1 >= 0.9 and y0 <= 15.8 and y1 >= 16.8
    assert x1 - x0 < 5


def test_hovering_an_incident_shows_its_tooltip(view, qtbot):
    points = make_points(1)
    view.set_incidents(points, STYLES)
    view.show_incident_window(date(2024, 1, 1))
    qtbot.mouseMove(view.graphics.viewport(), view.lonlat_to_widget(points.lon[0], points.lat[0]).toPoint())
    qtbot.waitUntil(lambda: view.graphics.toolTip() != "")
    day = date.fromordinal(int(points.day[0])).strftime("%-d %B %Y")
    label, casualties = STYLES[points.type_index[0]].label, points.casualties[0]
    assert view.graphics.toolTip() == f"{label}, {day}: {casualties} killed or injured"


def shown_on(view, scenario, day=date(2023, 8, 15)):
    view.set_sites(list(scenario.sites))
    view.show_statuses(status.statuses_on(scenario, day), status.flows_on(scenario, day), day)


def test_labels_legend_and_scale_bar_follow_the_widgets_font(view, scenario):
    """The interface zoom changes the widgets' font; the map's texts follow at once."""
    shown_on(view, scenario)
    view.show_scale(111.0)
    before = (view.site_labels.labeller.font.pointSizeF(), view.legend.size(), view.scale_bar.size(),
              view.site_labels.labeller.path(0)[1].width())
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    view.setFont(font)
    assert view.site_labels.labeller.font.pointSizeF() == pytest.approx(before[0] * 1.5, abs=0.6)
    assert view.site_labels.labeller.path(0)[1].width() > before[3]  # the label drawn is larger
    assert view.legend.size()[0] > before[1][0] and view.legend.size()[1] > before[1][1]
    assert view.scale_bar.size()[1] > before[2][1]
    assert view.place_labels.font.pointSizeF() == pytest.approx(font.pointSizeF() - 1.5)
    font.setPointSizeF(font.pointSizeF() * 3)  # a legend taller than the map: smaller or folded, never cut off
    view.setFont(font)
    box, legend = view.box.boundingRect(), view.legend.mapRectToParent(view.legend.boundingRect())
    assert (view.legend.scale() < 1 or view.legend.folded) and box.contains(legend)


def test_line_width_thickens_outlines_arrows_borders_and_legend(view, scenario):
    shown_on(view, scenario)
    view.set_incidents(make_points(50), STYLES)
    view.show_incident_window(date(2023, 8, 1))
    shown = view.visible_incident_ids()
    goundam, ber = view.site_index["goundam"], view.site_index["ber"]
    before = (view.site_marks.data[ber]["pen"].widthF(), view.site_frames.data[goundam]["pen"].widthF())
    incident_pen = view.incidents.item.data[0]["pen"].widthF()
    view.set_line_width(2.0)
    assert {row["pen"].widthF() for row in view.incidents.item.data} == {2 * incident_pen}
    assert list(view.visible_incident_ids()) == list(shown) and 0 < len(shown) < 50  # the date kept
    assert view.incidents.item.data["visible"].sum() == len(shown)
    assert view.site_marks.data[ber]["pen"].widthF() == 2 * before[0]
    assert view.site_frames.data[goundam]["pen"].widthF() == 2 * before[1]
    assert view.flows.line_width == view.basemap.line_width == view.legend.line_width == 2.0
    assert len(view.flows.segments) and "Sites on 15 August 2023" in [r.text for r in view.legend.rows()]  # kept
    sample = next(r for r in view.legend.rows() if r.text == "open")
    assert sample.style["pen"].widthF() == 2 * before[0]
    view.set_line_width(1.0)
    assert view.site_marks.data[ber]["pen"].widthF() == before[0]


def test_site_names_keep_clear_of_the_selection_ring(qtbot):
    """A name whose first place (right of its mark) falls under the ring of another selected site moves."""
    from PySide6.QtCore import QPointF, QRectF, QSizeF

    from widgets.map.names import place

    anchors, halves, sizes = [QPointF(200, 100)], [12.0], [QSizeF(40, 16)]
    view_rect = QRectF(0, 0, 400, 200)
    (right,) = place(anchors, halves, sizes, view_rect)
    assert right.box.left() > 200 and right.leader is None  # first choice: to the right, beside the mark
    ring = QRectF(right.box.center().x() - 26, 100 - 26, 52, 52)  # a ring (and its pen) over that spot
    (moved,) = place(anchors, halves, sizes, view_rect, [ring])
    assert not moved.box.intersects(ring) and not moved.crowded
