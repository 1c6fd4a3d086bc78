"""The map's layers as pyqtgraph items: labels, sites, incidents, flow arrows, tiles and overlays.

Data coordinates are longitude (x) and latitude (y). Items that draw in pixels (labels, arrows,
tiles) map their points through the painter's transform and paint in device coordinates.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pyqtgraph as pg
from pyqtgraph import functions as fn
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsObject

from db.records import QT_TRANSLATE_NOOP
from db.status import STATUS_LABELS

from .status_style import STATUS_COLORS, STATUS_SYMBOLS


def tr(text: str) -> str:
    return QCoreApplication.translate("MapLegend", text)


# ------------------------------------------------------------------ input records


@dataclass(frozen=True, eq=False)
class Lines:
    """Polylines as pyqtgraph wants them: x, y, and connect[i] False where a line ends."""

    x: np.ndarray
    y: np.ndarray
    connect: np.ndarray


@dataclass(frozen=True, eq=False)
class Labels:
    x: np.ndarray
    y: np.ndarray
    text: tuple[str, ...]
    rank: np.ndarray  # 1 = most important; labels of a higher rank appear as the map zooms in


@dataclass(frozen=True, eq=False)
class Basemap:
    land: list[np.ndarray]  # rings (n, 2) of every country
    focus: list[np.ndarray]  # Mali
    nouakchott: list[np.ndarray]  # the states of the 2013 Nouakchott meeting, whole
    lakes: list[np.ndarray]
    borders: Lines
    regions: Lines
    rivers: Lines
    country_labels: Labels
    region_labels: Labels
    place_labels: Labels
    attribution: str = ""


@dataclass(frozen=True, eq=False)
class VectorData:
    """A user's vector layer: polygon rings, lines and points."""

    rings: list[np.ndarray] = field(default_factory=list)
    lines: Lines | None = None
    points: tuple[np.ndarray, np.ndarray] | None = None  # x, y


@dataclass(frozen=True)
class IncidentStyle:
    label: str
    symbol: str  # pyqtgraph symbol name
    color: str  # "#RRGGBB"


@dataclass(frozen=True)
class Tile:
    key: tuple
    image: bytes  # PNG/JPEG/WebP bytes
    bbox: tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max


# ------------------------------------------------------------------ styles

KINDS = ("camp", "tob", "headquarters", "liquidation-hub")
KIND_LABELS = {
    "camp": QT_TRANSLATE_NOOP("SiteKind", "camp"),
    "tob": QT_TRANSLATE_NOOP("SiteKind", "temporary operating base"),
    "headquarters": QT_TRANSLATE_NOOP("SiteKind", "headquarters"),
    "liquidation-hub": QT_TRANSLATE_NOOP("SiteKind", "liquidation hub"),
}
KIND_SYMBOLS = {"camp": ("s", 24), "tob": ("t1", 30), "headquarters": ("o", 28), "liquidation-hub": ("h", 28)}
INK = "#333333"
CASUALTY_STEPS = np.array([1, 3, 6, 11, 26])  # size class = how many steps the count reaches
CASUALTY_SIZES = (7, 9, 11, 14, 17, 21)


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("SiteKind", KIND_LABELS.get(kind, kind))


def status_label(status: str) -> str:
    return QCoreApplication.translate("Status", STATUS_LABELS[status])


def status_style(status: str) -> dict:
    """Scatter style (symbol, size, pen, brush) of a status mark, in the window's status colours and shapes.

    Planned and confirmed differ: a closure that is due (window ended, no confirmed handover) is
    hollow and dashed; every other status, handed-over included, is solid.
    """
    symbol, color = STATUS_SYMBOLS[status], STATUS_COLORS[status]
    if status == "closure-due":
        pen = cosmetic(color, 2.5)
        pen.setDashPattern([1.6, 1.0])
        return dict(symbol=symbol, size=15, pen=pen, brush=pg.mkBrush(None))
    return dict(symbol=symbol, size=15, pen=pg.mkPen(INK, width=1), brush=pg.mkBrush(color))


def kind_style(kind: str) -> dict:
    symbol, size = KIND_SYMBOLS.get(kind, KIND_SYMBOLS["camp"])
    return dict(symbol=symbol, size=size, pen=pg.mkPen(INK, width=1.5), brush=pg.mkBrush(255, 255, 255, 230))


def cosmetic(color, width=1.0, style=Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(color), width, style)
    pen.setCosmetic(True)
    return pen


def rings_path(rings) -> QPainterPath:
    """One odd-even filled path of many rings (holes come out right)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in rings:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in ring]))
    return path


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


RIGHT, LEFT, CENTRE = (0.0, 1.0, 0.0), (-1.0, -1.0, 0.0), (-0.5, 0.0, 0.0)
ABOVE, BELOW = (-0.5, 0.0, -20.0), (-0.5, 0.0, 20.0)


class LabelLayer(PixelItem):
    """Text labels with a white halo; higher ranks appear as the map zooms in; no overlaps.

    `ranks_by_zoom` is [(pixels per degree, highest rank shown from there)], ascending.
    `placements` are tried in turn: (shift in text widths, shift in `gap` pixels, vertical pixels).
    `always`: a label with no free placement is drawn at the first one anyway (site names).
    """

    def __init__(self, font: QFont, color: str, ranks_by_zoom=((0, 99),), dot: bool = False,
                 placements=(CENTRE,), gap: float = 0.0, always: bool = False):
        super().__init__()
        self.font, self.color, self.ranks_by_zoom, self.dot = font, QColor(color), ranks_by_zoom, dot
        self.placements, self.gap, self.always = placements, gap, always
        self.x = self.y = self.rank = np.zeros(0)
        self._paths: list[QPainterPath] = []
        self.avoid = np.zeros((2, 0))

    def set_labels(self, labels: Labels) -> None:
        order = np.argsort(labels.rank, kind="stable")
        self.x, self.y, self.rank = labels.x[order], labels.y[order], labels.rank[order]
        cap = QFontMetricsF(self.font).capHeight()
        self._paths = []
        for i in order:
            path = QPainterPath()
            path.addText(QPointF(0, cap / 2), self.font, labels.text[i])
            self._paths.append(path)
        self.set_bounds(self.x, self.y)
        self.update()

    def set_avoid(self, x, y) -> None:
        """Points (data coordinates) whose surroundings stay free of these labels (e.g. sites)."""
        self.avoid = np.vstack([x, y])
        self.update()

    def max_rank(self, pixels_per_degree: float) -> int:
        shown = 0
        for threshold, rank in self.ranks_by_zoom:
            if pixels_per_degree >= threshold:
                shown = rank
        return shown

    def paint(self, p, *args):
        if not len(self.x):
            return
        t = p.transform()
        p.resetTransform()
        p.setRenderHint(p.RenderHint.Antialiasing)
        limit = self.max_rank(abs(t.m22()))
        pts = fn.transformCoordinates(t, np.vstack([self.x, self.y]))
        taken = [QRectF(x - 14, y - 14, 28, 28) for x, y in fn.transformCoordinates(t, self.avoid).T] \
            if self.avoid.size else []
        view = QRectF(p.viewport())
        halo = QPen(QColor(255, 255, 255, 220), 3.0)
        halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        for i in np.flatnonzero(self.rank <= limit):
            at = QPointF(*pts[:, i])
            path = self._place(self._paths[i], at, taken)
            if path is None:
                continue
            if self.dot:
                p.setPen(cosmetic(INK, 1))
                p.setBrush(QColor("#777777"))
                p.drawEllipse(at, 2.2, 2.2)
            p.strokePath(path, halo)
            p.fillPath(path, self.color)

    def _place(self, path: QPainterPath, at: QPointF, taken: list[QRectF]) -> QPainterPath | None:
        width = path.boundingRect().width()
        candidates = [path.translated(at + QPointF(fw * width + fg * self.gap, dy)) for fw, fg, dy in self.placements]
        for candidate in candidates:
            box = candidate.boundingRect().adjusted(-2, -2, 2, 2)
            if not any(box.intersects(b) for b in taken):
                taken.append(box)
                return candidate
        if self.always:
            taken.append(candidates[0].boundingRect())
            return candidates[0]
        return None


class FlowLayer(PixelItem):
    """Arrows from a closing site to the hub its people are moving to."""

    def __init__(self):
        super().__init__()
        self.segments = np.zeros((0, 4))

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
            for color, width in (("white", 6.0), ("#000000", 2.5)):
                p.setPen(QPen(QColor(color), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                              Qt.PenJoinStyle.RoundJoin))
                p.setBrush(QColor(color))
                p.drawLine(start, end - u * 8)
                p.drawPolygon(head)


class TileLayer(PixelItem):
    """Raster tiles (an MBTiles basemap), each stretched over its lon/lat box."""

    pad = 0

    def __init__(self):
        super().__init__()
        self.images: dict[tuple, tuple[QImage, tuple]] = {}

    def set_tiles(self, tiles: list[Tile]) -> None:
        images = {}
        for tile in tiles:
            old = self.images.get(tile.key)
            images[tile.key] = old if old else (QImage.fromData(tile.image), tile.bbox)
        self.images = images
        boxes = np.array([b for _, b in images.values()]).reshape(-1, 4)
        self.set_bounds(boxes[:, [0, 2]].ravel(), boxes[:, [1, 3]].ravel())
        self.update()

    def paint(self, p, *args):
        t = p.transform()
        p.resetTransform()
        p.setRenderHint(p.RenderHint.SmoothPixmapTransform)
        for image, (x0, y0, x1, y1) in self.images.values():
            if not image.isNull():
                p.drawImage(QRectF(t.map(QPointF(x0, y1)), t.map(QPointF(x1, y0))), image)


# ------------------------------------------------------------------ incidents: the fast path


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
        self.styles: list[IncidentStyle] = []
        self.visible = np.zeros(0, dtype=bool)

    def set_points(self, points, styles: list[IncidentStyle]) -> None:
        """points: db.incident_points.IncidentPoints; styles: one per points.types."""
        order = np.argsort(-points.casualties, kind="stable")  # the largest drawn first, underneath
        self.ids, self.x, self.y = points.ids[order], points.lon[order], points.lat[order]
        self.day, self.casualties = points.day[order], points.casualties[order]
        self.type_index, self.styles = points.type_index[order], list(styles)
        size_class = np.searchsorted(CASUALTY_STEPS, self.casualties, side="right")
        self.size = np.array(CASUALTY_SIZES, dtype=float)[size_class]
        keys, rows = np.unique(self.type_index.astype(np.int64) * len(CASUALTY_SIZES) + size_class,
                               return_inverse=True)
        item = self.item
        item.setData(**self.spot_styles(keys // len(CASUALTY_SIZES), keys % len(CASUALTY_SIZES)))
        item.prepareGeometryChange()
        data = item.data[rows.reshape(-1)]
        data["x"], data["y"], data["visible"] = self.x, self.y, False
        item.data = data
        item.bounds = [None, None]
        self.visible = np.zeros(len(data), dtype=bool)
        item.informViewBoundsChanged()
        item.invalidate()

    def spot_styles(self, type_index, size_class) -> dict:
        """setData keyword arguments for spots of these types and size classes (public API)."""
        pens = [pg.mkPen(INK, width=0.8)]
        brushes = [pg.mkBrush(QColor(s.color).red(), QColor(s.color).green(), QColor(s.color).blue(), 215)
                   for s in self.styles]
        n = len(type_index)
        return dict(x=np.zeros(n), y=np.zeros(n), pen=pens * n,
                    symbol=[self.styles[i].symbol for i in type_index],
                    brush=[brushes[i] for i in type_index],
                    size=np.array(CASUALTY_SIZES, dtype=float)[size_class])

    def show_window(self, day: date, days_back: int = 0) -> None:
        last = day.toordinal()
        mask = self.day <= last
        if days_back > 0:
            mask &= self.day > last - days_back
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


# ------------------------------------------------------------------ overlays (pixels, anchored to the view box)


class Overlay(QGraphicsObject):
    """An item drawn in the view box's pixel space at a corner: anchor (0|1, 0|1), margin px."""

    def __init__(self, view_box: pg.ViewBox, anchor=(0, 0), margin=10):
        super().__init__(view_box)
        self.view_box, self.anchor, self.margin = view_box, anchor, margin
        self.setZValue(1000)
        view_box.sigResized.connect(self.place)

    def size(self) -> tuple[float, float]:
        raise NotImplementedError

    def boundingRect(self) -> QRectF:
        w, h = self.size()
        return QRectF(0, 0, w, h)

    def place(self, *args) -> None:
        self.prepareGeometryChange()
        w, h = self.size()
        r = self.view_box.boundingRect()
        ax, ay = self.anchor
        self.setPos(r.left() + self.margin + ax * (r.width() - w - 2 * self.margin),
                    r.top() + self.margin + ay * (r.height() - h - 2 * self.margin))
        self.update()


class NorthArrow(Overlay):
    def size(self):
        return 26, 44

    def paint(self, p, *args):
        p.setRenderHint(p.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(INK), 1.2))
        p.setBrush(QColor(INK))
        p.drawPolygon(QPolygonF([QPointF(13, 16), QPointF(21, 42), QPointF(13, 35)]))
        p.setBrush(QColor("white"))
        p.drawPolygon(QPolygonF([QPointF(13, 16), QPointF(5, 42), QPointF(13, 35)]))
        font = QFont()
        font.setBold(True)
        p.setFont(font)
        p.drawText(QRectF(0, 0, 26, 15), Qt.AlignmentFlag.AlignCenter,
                   QCoreApplication.translate("MapView", "N", "north"))


class ScaleBar(Overlay):
    """A bar of a round number of km, from the km in one degree of longitude at the view's centre."""

    def __init__(self, view_box, anchor=(0, 1)):
        super().__init__(view_box, anchor)
        self.km_per_degree = 0.0
        view_box.sigRangeChanged.connect(self.place)

    def set_km_per_degree(self, km: float) -> None:
        self.km_per_degree = km
        self.place()

    def length(self) -> tuple[float, float]:
        """(km, pixels) of the bar."""
        degrees_per_px = self.view_box.viewPixelSize()[0]
        if not self.km_per_degree or not degrees_per_px:
            return 0.0, 0.0
        km_per_px = self.km_per_degree * degrees_per_px
        target = 130 * km_per_px
        step = 10 ** math.floor(math.log10(target))
        km = max(m * step for m in (1, 2, 5) if m * step <= target)
        return km, km / km_per_px

    def size(self):
        return self.length()[1] + 40, 30

    def paint(self, p, *args):
        km, px = self.length()
        if not px:
            return
        p.setRenderHint(p.RenderHint.Antialiasing)
        p.setBrush(QColor(255, 255, 255, 200))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(QRectF(0, 0, px + 40, 30), 3, 3)
        p.setPen(QPen(QColor(INK), 1))
        for i in range(4):
            p.setBrush(QColor(INK) if i % 2 == 0 else QColor("white"))
            p.drawRect(QRectF(6 + i * px / 4, 20, px / 4, 5))
        text = QCoreApplication.translate("MapView", "{0} km").format(QLocale().toString(float(km), "g", 6))
        p.drawText(QRectF(6, 2, px + 30, 16), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   f"0     {text}")


class TextOverlay(Overlay):
    """Small text lines in a corner (attribution)."""

    def __init__(self, view_box, anchor=(1, 1)):
        super().__init__(view_box, anchor, margin=4)
        self.text = ""
        self.font = QFont()
        self.font.setPointSizeF(self.font.pointSizeF() * 0.8)

    def set_text(self, text: str) -> None:
        self.text = text
        self.place()

    def size(self):
        r = QFontMetricsF(self.font).boundingRect(QRectF(0, 0, 2000, 200), 0, self.text)
        return r.width() + 8, r.height() + 4

    def paint(self, p, *args):
        if not self.text:
            return
        p.setBrush(QColor(255, 255, 255, 190))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRect(self.boundingRect())
        p.setPen(QColor("#444444"))
        p.setFont(self.font)
        p.drawText(self.boundingRect().adjusted(4, 2, -4, -2), Qt.AlignmentFlag.AlignRight, self.text)


@dataclass
class LegendRow:
    text: str
    style: dict | None = None  # scatter style (symbol, size, pen, brush) of the sample
    kind: str = "symbol"  # symbol | heading | arrow | text


class Legend(Overlay):
    """Sections of rows: a heading, then a symbol and its meaning per row."""

    ROW = 19

    def __init__(self, view_box, anchor=(1, 0)):
        super().__init__(view_box, anchor)
        self.sections: dict[str, list[LegendRow]] = {}
        self.hidden: set[str] = set()
        self.font = QFont()
        self.bold = QFont(self.font)
        self.bold.setBold(True)

    def set_section(self, key: str, rows: list[LegendRow]) -> None:
        self.sections[key] = rows
        self.place()

    def set_section_visible(self, key: str, visible: bool) -> None:
        (self.hidden.discard if visible else self.hidden.add)(key)
        self.place()

    def rows(self) -> list[LegendRow]:
        return [r for key, rows in self.sections.items() if key not in self.hidden for r in rows]

    def size(self):
        rows = self.rows()
        if not rows:
            return 0, 0
        width = max(QFontMetricsF(self.bold if r.kind == "heading" else self.font).horizontalAdvance(r.text)
                    + (0 if r.kind == "heading" else 34) for r in rows)
        return width + 20, len(rows) * self.ROW + 12

    def paint(self, p, *args):
        rows = self.rows()
        if not rows:
            return
        p.setRenderHint(p.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#999999"), 1))
        p.setBrush(QColor(255, 255, 255, 225))
        p.drawRoundedRect(self.boundingRect().adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        y = 6
        for row in rows:
            x = 10
            if row.kind == "arrow":
                p.setPen(QPen(QColor("#000000"), 2.5))
                p.drawLine(QPointF(x, y + 10), QPointF(x + 18, y + 10))
                p.setBrush(QColor("#000000"))
                p.drawPolygon(QPolygonF([QPointF(x + 26, y + 10), QPointF(x + 16, y + 5), QPointF(x + 16, y + 15)]))
            elif row.style is not None:
                p.save()
                p.translate(x + 12, y + 10)
                scale = min(1.0, 17 / row.style["size"])
                p.scale(scale, scale)
                drawSymbol(p, row.style["symbol"], row.style["size"], row.style["pen"], row.style["brush"])
                p.restore()
            if row.kind != "heading":
                x += 34
            p.setPen(QColor("#000000"))
            p.setFont(self.bold if row.kind == "heading" else self.font)
            p.drawText(QRectF(x, y, 1000, self.ROW), Qt.AlignmentFlag.AlignVCenter, row.text)
            y += self.ROW
