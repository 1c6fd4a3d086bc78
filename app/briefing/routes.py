"""The briefing pack's route pages: for each route asked for, the map of its corridor coloured stretch by stretch,
its profile (the weight of what was recorded near each stretch along the distance) and the incidents recorded
near it by distance along it, the table continued over pages. The words say what was recorded, never a
probability (the user guide gives the method)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen

from app.briefing.map_image import build_map, render_vector
from app.briefing.pdf import GREY, RULE, Cell, Table
from db.incidents.near_route import RouteIndex, RouteOptions, RouteRisk, route_risk
from geo.routes import Route
from widgets.map.movements import RouteDrawing
from widgets.route_style import SCORE_COLORS, score_color, score_labels

translate = QCoreApplication.translate
MAX_ROWS = 300  # incidents listed per route


@dataclass(frozen=True, eq=False)
class RouteBrief:
    title: str  # e.g. "A: Ber → Timbuktu"
    risk: RouteRisk
    letter: str = "A"  # drawn at the route's start on its map


def gather_routes(db, points, routes, day: date, options: RouteOptions = RouteOptions()) -> tuple[RouteBrief, ...]:
    """Each (title, vertices) route weighed on `day` (plain data: runs in a worker thread)."""
    if not routes:
        return ()
    index = RouteIndex(points)
    return tuple(RouteBrief(title, route_risk(db, vertices, day, options, index), chr(ord("A") + n))
                 for n, (title, vertices) in enumerate(routes))


def route_section(pack, brief: RouteBrief) -> None:
    """A route's pages, added to the pack (app/briefing/pages.py Pack) as one section of the contents."""
    s = pack.sheet
    table = incident_table(pack, brief)
    top_h = s.body.height() * 0.5
    first_room = s.body.bottom() - (s.content_top + top_h + s.pt(40))
    chunks = table.split(pack.p, first_room, s.body.bottom() - s.content_top) if table.rows else [range(0)]
    title = translate("Briefing", "Route {0}").format(brief.title)
    pages = [partial(route_page, pack, brief, table, chunks[0], top_h)]
    pages += [partial(pack.table_page, translate("Briefing", "{0} (continued)").format(title), table, rows)
              for rows in chunks[1:]]
    pack.add(title, pages)


def incident_table(pack, brief: RouteBrief) -> Table:
    rows = []
    for x in brief.risk.incidents[:MAX_ROWS]:
        label, color, style = pack.styles.get(x.type, (x.type, "#999999", 0))
        loc = pack.locale
        rows.append([Cell(loc.toString(x.km_along, "f", 1)), Cell(loc.toString(x.occurred_on, "d MMM yyyy")),
                     Cell(label, color, hatch=style), Cell(loc.toString(x.km_off, "f", 1)), Cell(str(x.killed)),
                     Cell(str(x.injured)), Cell(x.location or "—")])
    return Table(pack.sheet, [translate("Briefing", "km along"), translate("Briefing", "Date"),
                              translate("Briefing", "Type"), translate("Briefing", "km off"),
                              translate("Briefing", "Killed"), translate("Briefing", "Injured"),
                              translate("Briefing", "Place")], [0.8, 1.1, 2.2, 0.8, 0.6, 0.7, 2.5], rows, 8)


def route_page(pack, brief: RouteBrief, table: Table, rows: range, top_h: float) -> None:
    s, p, risk = pack.sheet, pack.p, brief.risk
    o = risk.options
    start = risk.day - timedelta(days=o.days - 1)
    top = s.heading(p, translate("Briefing", "Route {0}: incidents recorded near it").format(brief.title))
    summary = translate("Briefing", "Incidents recorded near this route: {6}, within {0} km of its {1} km, from {2} to "
                                    "{3}. Weighed by kind, harm, age (half-life {4} days) and how precisely each is "
                                    "placed; stretches of {5} km. A record of what happened, not a probability.").format(
        pack.locale.toString(float(o.buffer_km), "g", 6), pack.locale.toString(risk.route.length_km, "f", 0),
        pack.long(start), pack.long(risk.day), pack.locale.toString(float(o.half_life_days), "g", 6),
        pack.locale.toString(float(o.step_km), "g", 6), pack.locale.toString(len(risk.incidents)))
    s.text(p, QRectF(s.body.left(), top, s.body.width(), s.pt(30)), summary, 9)
    top += s.pt(30)
    area = QRectF(s.body.left(), top, s.body.width() * 0.58, top_h - s.pt(10))
    corridor_map(pack, risk, area, brief.letter)
    chart = QRectF(area.right() + s.pt(14), top, s.body.right() - area.right() - s.pt(14), top_h * 0.62)
    profile_chart(pack, risk, chart)
    key(pack, QRectF(chart.left(), chart.bottom() + s.pt(22), chart.width(), top_h * 0.3))
    y = top + top_h
    if len(risk.incidents) > MAX_ROWS:
        s.text(p, QRectF(s.body.left(), y, s.body.width(), s.pt(14)), translate(
            "Briefing", "The table lists the first {0} of {1} incidents along the route.").format(
            MAX_ROWS, len(risk.incidents)), 8, color=GREY)
    if rows:
        table.paint(p, y + s.pt(16), rows)
    else:
        s.text(p, QRectF(s.body.left(), y + s.pt(4), s.body.width(), s.pt(16)),
               translate("Briefing", "No incident recorded near this route in these days."), 10, color=GREY)


def _bbox(route: Route, buffer_km: float) -> tuple[float, float, float, float]:
    pad_lat = buffer_km / 110.574 * 2.5
    pad_lon = pad_lat / max(np.cos(np.radians(np.abs(route.lat).max())), 0.2)
    return (float(route.lon.min() - pad_lon), float(route.lat.min() - pad_lat),
            float(route.lon.max() + pad_lon), float(route.lat.max() + pad_lat))


def corridor_map(pack, risk: RouteRisk, area: QRectF, letter: str = "A") -> None:
    """The window's map of the corridor: the route coloured by stretch, the incidents of the window."""
    s, p = pack.sheet, pack.p
    view = build_map(pack.data.map, pack.screen_size(area))
    try:
        view.legend.setVisible(False)
        view.attribution.setVisible(False)
        stretches = tuple((np.array([g[0] for g in x.geometry]), np.array([g[1] for g in x.geometry]))
                          for x in risk.stretches)
        view.show_route(letter, RouteDrawing(stretches, tuple(score_color(x.score) for x in risk.stretches)))
        view.show_incident_window(risk.day, risk.options.days)
        view.zoom_to(_bbox(risk.route, risk.options.buffer_km))
        render_vector(view.graphics, p, area)
    finally:
        view.deleteLater()
    p.setPen(QPen(RULE, s.pt(0.5)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(area)


def profile_chart(pack, risk: RouteRisk, rect: QRectF) -> None:
    """Bars of the stretches' weights along the distance, with km and weight axes."""
    s, p = pack.sheet, pack.p
    s.text(p, QRectF(rect.left(), rect.top() - s.pt(2), rect.width(), s.pt(14)),
           translate("Briefing", "Weight of the incidents recorded near each stretch"), 9, True)
    plot = rect.adjusted(s.pt(26), s.pt(16), 0, -s.pt(16))
    length = max(risk.route.length_km, 1e-9)
    top = max([x.score for x in risk.stretches] + [1.0])
    p.setPen(QPen(RULE, s.pt(0.5)))
    for x in risk.stretches:
        h = plot.height() * x.score / top
        bar = QRectF(plot.left() + plot.width() * x.from_km / length, plot.bottom() - h,
                     plot.width() * (x.to_km - x.from_km) / length, h)
        p.fillRect(bar, QColor(score_color(x.score)))
        p.drawRect(bar)
    p.setPen(QPen(GREY, s.pt(0.8)))
    p.drawLine(plot.bottomLeft(), plot.bottomRight())
    p.drawLine(plot.bottomLeft(), plot.topLeft())
    loc = pack.locale
    for value, text in ((0, "0"), (top, loc.toString(top, "f", 1))):
        y = plot.bottom() - plot.height() * value / top
        s.text(p, QRectF(rect.left(), y - s.pt(6), s.pt(24), s.pt(12)), text, 7, color=GREY,
               flags=int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
    for km in (0.0, length):
        x = plot.left() + plot.width() * km / length
        s.text(p, QRectF(x - s.pt(30), plot.bottom() + s.pt(2), s.pt(60), s.pt(12)), loc.toString(km, "f", 0), 7,
               color=GREY, flags=int(Qt.AlignmentFlag.AlignHCenter))
    s.text(p, QRectF(plot.left(), plot.bottom() + s.pt(2), plot.width(), s.pt(12)),
           translate("Briefing", "km from the start"), 7, color=GREY, flags=int(Qt.AlignmentFlag.AlignHCenter))


def key(pack, rect: QRectF) -> None:
    """The colours of the stretches."""
    s, p = pack.sheet, pack.p
    y = rect.top()
    for text, color in zip(score_labels(), SCORE_COLORS):
        p.setPen(QPen(QColor(color), s.pt(5)))
        p.drawLine(QPointF(rect.left(), y + s.pt(6)), QPointF(rect.left() + s.pt(22), y + s.pt(6)))
        s.text(p, QRectF(rect.left() + s.pt(28), y, rect.width() - s.pt(28), s.pt(12)), text, 8)
        y += s.pt(13)
