"""The map's layers as pyqtgraph items: labels, sites, incidents, flow arrows, tiles and overlays.

Data coordinates are longitude (x) and latitude (y). Items that draw in pixels (labels, arrows,
tiles) map their points through the painter's transform and paint in device coordinates.
"""
from __future__ import annotations

import functools
import math
from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem

from db.vocab import SITE_KIND_LABELS, SITE_STATUS_LABELS
from widgets.map.basemap import INK, BasemapDrawing, Tiles, cosmetic
from widgets.map.records import Basemap, IncidentStyle, Tile
from widgets.status_style import STATUS_COLORS, STATUS_SYMBOLS

# ------------------------------------------------------------------ styles

KIND_SYMBOLS = {"camp": ("s", 24), "tob": ("t1", 30), "headquarters": ("o", 28), "liquidation-hub": ("h", 28)}
CASUALTY_STEPS = np.array([1, 3, 6, 11, 26])  # size class = how many steps the count reaches
CASUALTY_SIZES = (7, 9, 11, 14, 17, 21)


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("SiteKind", SITE_KIND_LABELS.get(kind, kind))


def status_label(status: str) -> str:
    return QCoreApplication.translate("Status", SITE_STATUS_LABELS[status])


@functools.cache
def status_style(status: str, line_width: float = 1.0) -> dict:
    """Scatter style (symbol, size, pen, brush) of a status mark, in the window's status colours and
    shapes, its outline `line_width` times the usual; shared between calls (copy it to change it).

    Planned and confirmed differ: a closure that is due (window ended, no confirmed handover) is
    hollow and dashed; every other status, handed-over included, is solid.
    """
    symbol, color = STATUS_SYMBOLS[status], STATUS_COLORS[status]
    if status == "closure-due":
        pen = cosmetic(color, 2.5 * line_width)
        pen.setDashPattern([1.6, 1.0])
        return dict(symbol=symbol, size=15, pen=pen, brush=pg.mkBrush(None))
    return dict(symbol=symbol, size=15, pen=pg.mkPen(INK, width=line_width), brush=pg.mkBrush(color))


@functools.cache
def kind_style(kind: str, line_width: float = 1.0) -> dict:
    symbol, size = KIND_SYMBOLS.get(kind, KIND_SYMBOLS["camp"])
    return dict(symbol=symbol, size=size, pen=pg.mkPen(INK, width=1.5 * line_width),
                brush=pg.mkBrush(255, 255, 255, 230))


# ------------------------------------------------------------------ pixel-drawing items


class PixelItem(pg.GraphicsObject):
    """Base of items drawn in pixels around data points: bounds padded by `pad` pixels."""

    pad = 120

    def __init__(self):
        super().__init__()
        self._bounds: QRectF | None = None

    def set_bounds(self, x, y) -> None:
        self.prepareGeometryChange()
        self._bounds = QRectF(float(np.min(x)), float(np.min(y)), float(np.ptp(x)), float(np.ptp(y))) \
            if len(x) else None
        self.informViewBoundsChanged()

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            return QRectF()
        px, py = self.pixelVectors()
        dx = self.pad * (px.length() if px is not None else 0)
        dy = self.pad * (py.length() if py is not None else 0)
        return self._bounds.adjusted(-dx, -dy, dx, dy)

    def viewTransformChanged(self):
        self.prepareGeometryChange()


class BasemapLayer(PixelItem):
    """The static map in one item, drawn by a BasemapDrawing (widgets/map/basemap.py).

    Cached by Qt as one device pixmap (DeviceCoordinateCache): a date change repaints the sites
    and incidents over it; only a pan, a zoom or a change of its own layers redraws it.
    Every part belongs to a layer id, which the layers panel can hide.
    """

    def __init__(self):
        super().__init__()
        self.drawing = BasemapDrawing()
        self.keep_clear = None  # (transform, viewport) -> [QRectF]: where the site names and marks are
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    @property
    def hidden(self) -> set[str]:
        return self.drawing.hidden

    @property
    def tiles(self) -> dict[str, Tiles]:
        return self.drawing.tiles

    @property
    def line_width(self) -> float:
        return self.drawing.line_width

    def set_basemap(self, basemap: Basemap) -> None:
        box = self.drawing.set_basemap(basemap)
        self.set_bounds([box.left(), box.right()], [box.top(), box.bottom()])
        self.update()

    def set_font(self, base: QFont) -> None:
        self.drawing.set_font(base)
        self.update()

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        if self.drawing.set_layer_visible(layer, visible):
            self.update()

    def set_line_width(self, factor: float) -> None:
        self.drawing.line_width = factor
        self.update()

    def show_tiles(self, layer: str, tiles: list[Tile]) -> None:
        self.drawing.tiles.setdefault(layer, Tiles()).set_tiles(tiles)
        self.update()

    def remove_tiles(self, layer: str) -> None:
        if self.drawing.tiles.pop(layer, None):
            self.update()

    def paint(self, p, *args):
        self.drawing.paint(p, self._exportOpts is not False, self._site_boxes(p.transform()))

    def _site_boxes(self, t: QTransform) -> list[QRectF]:
        """The site names' and marks' boxes (placed for the view's own pixels) in this painter's pixels: the
        cache pixmap Qt paints this item into is offset from the view."""
        views = self.scene().views() if self.scene() is not None else []
        if self.keep_clear is None or not views:
            return []
        screen = self.deviceTransform(views[0].viewportTransform())
        offset = t.map(QPointF(0, 0)) - screen.map(QPointF(0, 0))
        return [r.translated(offset) for r in self.keep_clear(screen, QRectF(views[0].viewport().rect()))]


class FlowLayer(PixelItem):
    """Arrows from a closing site to the hub its people are moving to."""

    def __init__(self):
        super().__init__()
        self.segments = np.zeros((0, 4))
        self.line_width = 1.0  # times the usual width

    def set_line_width(self, factor: float) -> None:
        self.line_width = factor
        self.update()

    def set_flows(self, segments: np.ndarray) -> None:
        """segments: (n, 4) array of lon1, lat1, lon2, lat2."""
        self.segments = np.asarray(segments, dtype=float).reshape(-1, 4)
        self.set_bounds(self.segments[:, [0, 2]].ravel(), self.segments[:, [1, 3]].ravel())
        self.update()

    def paint(self, p, *args):
        t = p.transform()
        p.resetTransform()
        p.setRenderHint(p.RenderHint.Antialiasing)
        for lon1, lat1, lon2, lat2 in self.segments:
            a, b = t.map(QPointF(lon1, lat1)), t.map(QPointF(lon2, lat2))
            d = b - a
            length = math.hypot(d.x(), d.y())
            if length < 40:
                continue
            u = d / length
            start, end = a + u * 16, b - u * 18
            n = QPointF(-u.y(), u.x())
            head = QPolygonF([end, end - u * 13 + n * 6, end - u * 13 - n * 6])
            for color, width in (("white", 6.0 * self.line_width), ("#000000", 2.5 * self.line_width)):
                p.setPen(QPen(QColor(color), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                              Qt.PenJoinStyle.RoundJoin))
                p.setBrush(QColor(color))
                p.drawLine(start, end - u * 8)
                p.drawPolygon(head)


# ------------------------------------------------------------------ incidents: the fast path


def hollow_pen(color: str, line_width: float = 1.0):
    """The outline of an incident whose position is only its region's (geo_precision 3): drawn hollow."""
    return pg.mkPen(color, width=2.2 * line_width)


class IncidentScatter(pg.ScatterPlotItem):
    """Leaves clicks to MapView, which hit-tests in numpy (the base class builds a SpotItem per point)."""

    def mouseClickEvent(self, ev):
        ev.ignore()


class IncidentLayer:
    """Every incident in ONE ScatterPlotItem; a date change only rewrites its `visible` column.

    Relies on pyqtgraph 0.14.0's ScatterPlotItem.data record array (pinned in pyproject.toml):
    the build copies the rows of one prototype spot per style (symbol, size, pen, brush and the
    atlas sourceRect), and the date filter writes data['visible'] then calls invalidate().
    tests/widgets/test_map_incidents.py checks the frames against the public API's.
    """

    def __init__(self):
        self.item = IncidentScatter(pxMode=True)
        self.ids = np.zeros(0, dtype=object)
        self.x = self.y = np.zeros(0)
        self.day = np.zeros(0, dtype=np.int64)
        self.type_index = np.zeros(0, dtype=np.int32)
        self.casualties = np.zeros(0, dtype=np.int32)
        self.size = np.zeros(0)
        self.region_only = np.zeros(0, dtype=bool)  # drawn hollow: the position is only the region's
        self.styles: list[IncidentStyle] = []
        self.visible = np.zeros(0, dtype=bool)
        self.line_width = 1.0  # times the outlines' usual width
        self._points = None

    def set_line_width(self, factor: float) -> None:
        """Outlines `factor` times as wide (2 in high contrast): the points are set again, dates kept."""
        if factor != self.line_width:
            self.line_width = factor
            if self._points is not None:
                visible = self.visible
                self.set_points(self._points, self.styles)
                self._show(visible)

    def set_points(self, points, styles: list[IncidentStyle]) -> None:
        """points: db.incident_points.IncidentPoints; styles: one per points.types."""
        self._points = points
        order = np.argsort(-points.casualties, kind="stable")  # the largest drawn first, underneath
        self.ids, self.x, self.y = points.ids[order], points.lon[order], points.lat[order]
        self.day, self.casualties = points.day[order], points.casualties[order]
        self.type_index, self.styles = points.type_index[order], list(styles)
        region_only = points.region_only if points.region_only is not None else np.zeros(len(points), dtype=bool)
        self.region_only = region_only[order]
        size_class = np.searchsorted(CASUALTY_STEPS, self.casualties, side="right")
        self.size = np.array(CASUALTY_SIZES, dtype=float)[size_class]
        n = len(CASUALTY_SIZES)
        keys, rows = np.unique((self.type_index.astype(np.int64) * n + size_class) * 2 + self.region_only,
                               return_inverse=True)
        item = self.item
        item.setData(**self.spot_styles(keys // 2 // n, keys // 2 % n, (keys % 2).astype(bool)))
        item.prepareGeometryChange()
        data = item.data[rows.reshape(-1)]
        data["x"], data["y"], data["visible"] = self.x, self.y, False
        item.data = data
        item.bounds = [None, None]
        self.visible = np.zeros(len(data), dtype=bool)
        item.informViewBoundsChanged()
        item.invalidate()

    def spot_styles(self, type_index, size_class, hollow=None) -> dict:
        """setData keyword arguments for spots of these types and size classes (public API); `hollow` spots
        (geo_precision 3) are outlined in their type's colour and not filled."""
        pen = pg.mkPen(INK, width=0.8 * self.line_width)
        brushes = [pg.mkBrush(QColor(s.color).red(), QColor(s.color).green(), QColor(s.color).blue(), 215)
                   for s in self.styles]
        n = len(type_index)
        hollow = np.zeros(n, dtype=bool) if hollow is None else hollow
        return dict(x=np.zeros(n), y=np.zeros(n),
                    pen=[hollow_pen(self.styles[i].color, self.line_width) if h else pen
                         for i, h in zip(type_index, hollow)],
                    symbol=[self.styles[i].symbol for i in type_index],
                    brush=[pg.mkBrush(None) if h else brushes[i] for i, h in zip(type_index, hollow)],
                    size=np.array(CASUALTY_SIZES, dtype=float)[size_class])

    def show_window(self, day: date, days_back: int = 0) -> None:
        last = day.toordinal()
        mask = self.day <= last
        if days_back > 0:
            mask &= self.day > last - days_back
        self._show(mask)

    def _show(self, mask: np.ndarray) -> None:
        self.visible = mask
        self.item.data["visible"] = mask
        self.item.invalidate()

    def counts(self) -> np.ndarray:
        """Visible incidents per style index."""
        return np.bincount(self.type_index[self.visible], minlength=len(self.styles))

    def index_at(self, lon: float, lat: float, px_w: float, px_h: float) -> int:
        """Index of the visible incident drawn under (lon, lat), or -1; px_w/px_h: degrees per pixel."""
        r = self.size / 2 + 1
        dx, dy = (self.x - lon) / px_w, (self.y - lat) / px_h
        hit = self.visible & (np.abs(dx) <= r) & (np.abs(dy) <= r)
        if not hit.any():
            return -1
        candidates = np.flatnonzero(hit)
        return int(candidates[np.argmin(dx[candidates] ** 2 + dy[candidates] ** 2)])
