"""The map's movements and routes: lines drawn in pixels over the basemap (see widgets/map/layers.py).

A movement is one line through its route (planned dashed, under way solid with the part done thicker and a
mark where it is, arrived faded); a route under study is drawn stretch by stretch in the colour of what was
recorded near each stretch (widgets/route_style.py), outlined, its letter (A, B) at its start.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen, QPolygonF

from widgets.map.layers import PixelItem
from widgets.route_style import ARRIVED_ALPHA, MOVEMENT_COLOR, SLOT_COLORS


@dataclass(frozen=True, eq=False)
class MovementLine:
    """A movement as the map draws it on a date: its route's vertices, its state there ("planned", "under-way",
    "arrived"), and for one under way the share of the route done (None: unknown) and the label of its tip."""

    id: str
    lat: np.ndarray
    lon: np.ndarray
    state: str
    done: tuple[np.ndarray, np.ndarray] | None = None  # (lat, lon) of the part done, ending where it is
    tip: str = ""


@dataclass(frozen=True, eq=False)
class RouteDrawing:
    """A route under study: its stretches' (lat, lon) vertices and the colour of each."""

    stretches: tuple[tuple[np.ndarray, np.ndarray], ...]
    colors: tuple[str, ...]


def _polygon(t, lat, lon) -> QPolygonF:
    return QPolygonF([t.map(QPointF(x, y)) for x, y in zip(np.asarray(lon, float), np.asarray(lat, float))])


class MovementLayer(PixelItem):
    """Every movement drawn on the date."""

    def __init__(self):
        super().__init__()
        self.lines: list[MovementLine] = []
        self.selected = ""
        self.line_width = 1.0

    def set_line_width(self, factor: float) -> None:
        self.line_width = factor
        self.update()

    def set_lines(self, lines: list[MovementLine]) -> None:
        self.lines = list(lines)
        lat = np.concatenate([m.lat for m in lines]) if lines else np.zeros(0)
        lon = np.concatenate([m.lon for m in lines]) if lines else np.zeros(0)
        self.set_bounds(lon, lat)
        self.update()

    def set_selected(self, movement_id: str) -> None:
        self.selected = movement_id
        self.update()

    def states(self) -> dict[str, str]:
        """Movement id -> the state drawn (for tests and tooltips)."""
        return {m.id: m.state for m in self.lines}

    def paint(self, p, *args):
        t = p.transform()
        p.resetTransform()
        p.setRenderHint(p.RenderHint.Antialiasing)
        w = self.line_width
        for m in sorted(self.lines, key=lambda m: m.id == self.selected):
            line = _polygon(t, m.lat, m.lon)
            color = QColor(MOVEMENT_COLOR)
            if m.state == "arrived":
                color.setAlpha(ARRIVED_ALPHA)
            width = (4.0 if m.id == self.selected else 2.5) * w
            style = Qt.PenStyle.DashLine if m.state == "planned" else Qt.PenStyle.SolidLine
            halo = QColor(255, 255, 255, 200 if m.state != "arrived" else 110)
            p.setPen(QPen(halo, width + 3 * w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                          Qt.PenJoinStyle.RoundJoin))
            p.drawPolyline(line)
            p.setPen(QPen(color, width, style, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin))
            p.drawPolyline(line)
            if m.done is not None and len(m.done[0]) >= 2:
                done = _polygon(t, *m.done)
                p.setPen(QPen(color, width * 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                              Qt.PenJoinStyle.RoundJoin))
                p.drawPolyline(done)
                at = done[done.size() - 1]
                p.setPen(QPen(QColor("white"), 2 * w))
                p.setBrush(color)
                p.drawEllipse(at, 6 * w, 6 * w)


class RouteLayer(PixelItem):
    """Routes A and B under study, stretch by stretch in their colours."""

    def __init__(self):
        super().__init__()
        self.routes: dict[str, RouteDrawing] = {}
        self.line_width = 1.0
        self.font = QFont()

    def set_line_width(self, factor: float) -> None:
        self.line_width = factor
        self.update()

    def set_font(self, font: QFont) -> None:
        self.font = QFont(font)
        self.font.setBold(True)
        self.update()

    def set_route(self, key: str, drawing: RouteDrawing | None) -> None:
        if drawing is None:
            self.routes.pop(key, None)
        else:
            self.routes[key] = drawing
        parts = [part for r in self.routes.values() for part in r.stretches]
        self.set_bounds(np.concatenate([lon for _, lon in parts]) if parts else np.zeros(0),
                        np.concatenate([lat for lat, _ in parts]) if parts else np.zeros(0))
        self.update()

    def set_colors(self, key: str, colors: tuple[str, ...]) -> None:
        """The stretches' colours on another date (the geometry stays)."""
        if key in self.routes:
            self.routes[key] = RouteDrawing(self.routes[key].stretches, tuple(colors))
            self.update()

    def paint(self, p, *args):
        t = p.transform()
        p.resetTransform()
        p.setRenderHint(p.RenderHint.Antialiasing)
        w = self.line_width
        for key, route in sorted(self.routes.items()):
            outline = QColor(SLOT_COLORS.get(key, "#1a1a1a"))
            parts = [_polygon(t, lat, lon) for lat, lon in route.stretches]
            path = QPainterPath()
            for part in parts:
                path.addPolygon(part)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(outline, 9 * w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            p.drawPath(path)
            for part, color in zip(parts, route.colors):
                p.setPen(QPen(QColor(color), 5.5 * w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap,
                              Qt.PenJoinStyle.RoundJoin))
                p.drawPolyline(part)
            if parts and parts[0].size():
                self._letter(p, parts[0][0], key, outline)

    def _letter(self, p, at: QPointF, key: str, color: QColor) -> None:
        """The route's letter in a box above its start (B to the right of A: routes often share a start)."""
        p.setFont(self.font)
        box = QRectF(at.x() - 26 + (24 if key == "B" else 0), at.y() - 32, 22, 20)
        p.setPen(QPen(color, 1.5))
        p.setBrush(QColor("white"))
        p.drawRoundedRect(box, 4, 4)
        p.setPen(color)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, key)
