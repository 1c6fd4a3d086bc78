"""The basemap drawn with a QPainter alone (no pyqtgraph): fills, raster tiles, lines and labels.

The map's pyqtgraph layer (layers.BasemapLayer) paints through a BasemapDrawing, and so does BasemapPreview,
the plain widget the window shows in the map's place while the map and its data load: the same drawing at
the same scale, so the map replaces it without a visible jump.
"""
from __future__ import annotations

import math
import struct

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QWidget

from widgets.map.records import Basemap, Labels, Lines, Tile

INK = "#333333"
BACKGROUND = "#d9e4ea"  # the sea, and beyond the basemap
MALI = (-12.3, 10.1, 4.3, 25.1)  # lon_min, lat_min, lon_max, lat_max: the map's opening extent
PADDING = 0.03  # a fraction of the extent added on each side when zooming to it


def cosmetic(color, width=1.0, style=Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(color), width, style)
    pen.setCosmetic(True)
    return pen


def font(base: QFont, points_delta=0.0, bold=False, italic=False, spacing=0.0) -> QFont:
    """The map's base font (the widget's: it follows the interface zoom), a little larger or smaller."""
    f = QFont(base)
    f.setPointSizeF(max(1.0, f.pointSizeF() + points_delta))
    f.setBold(bold)
    f.setItalic(italic)
    if spacing:
        f.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    return f


def array_path(x, y, connect, fill_rule=Qt.FillRule.OddEvenFill) -> QPainterPath:
    """Polylines as one QPainterPath: connect[i] False where a line ends (the next point starts another).

    Built from Qt's own binary form of a path (element count, then type, x, y per element: 0 moves, 1 draws a
    line; then the start of the current subpath and the fill rule) read by QDataStream, as pyqtgraph's
    arrayToQPath does: no Python work per point. Filled, each subpath is closed, so rings fill as polygons.
    """
    n = len(x)
    if not n:
        path = QPainterPath()
        path.setFillRule(fill_rule)
        return path
    elements = np.empty(n, dtype=[("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
    elements["x"], elements["y"] = x, y
    elements["type"][0] = 0
    elements["type"][1:] = np.asarray(connect[:-1], dtype=bool)
    data = QByteArray(struct.pack(">i", n) + elements.tobytes() + struct.pack(">ii", 0, fill_rule.value))
    path = QPainterPath()
    QDataStream(data) >> path
    return path


def rings_lines(rings) -> Lines:
    """Rings as closed polylines."""
    if not rings:
        return Lines(np.zeros(0), np.zeros(0), np.zeros(0, bool))
    xy = np.concatenate(rings)
    connect = np.concatenate([np.arange(len(r)) < len(r) - 1 for r in rings])
    return Lines(xy[:, 0], xy[:, 1], connect)


def rings_path(rings) -> QPainterPath:
    """One odd-even filled path of many rings (holes come out right)."""
    lines = rings_lines(rings)
    return array_path(lines.x, lines.y, lines.connect)


def map_points(t: QTransform, x, y) -> np.ndarray:
    """(2, n) device coordinates of points through an affine transform."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return np.vstack([t.m11() * x + t.m21() * y + t.m31(), t.m12() * x + t.m22() * y + t.m32()])


RIGHT, LEFT, CENTRE = (0.0, 1.0, 0.0), (-1.0, -1.0, 0.0), (-0.5, 0.0, 0.0)
HALO = 2.0  # pixels of white around label text


class Labeller:
    """Text labels with a white halo; higher ranks appear as the map zooms in; no overlaps: a label with no free
    placement is left out. (Site names are placed by widgets/map/names.py, which uses a Labeller's texts.)

    `ranks_by_zoom` is [(pixels per degree, highest rank shown from there)], ascending.
    `placements` are tried in turn: (shift in text widths, shift in `gap` pixels, vertical pixels).
    A label's text is laid out the first time it is drawn (most places never are at the opening zoom).
    """

    def __init__(self, font: QFont, color: str, ranks_by_zoom=((0, 99),), dot: bool = False,
                 placements=(CENTRE,), gap: float = 0.0):
        self.font, self.color, self.ranks_by_zoom, self.dot = font, QColor(color), ranks_by_zoom, dot
        self.placements, self.gap = placements, gap
        self.labels: Labels | None = None
        self.x = self.y = self.rank = np.zeros(0)
        self.text: list[str] = []
        self._paths: dict[int, tuple[QPainterPath, QRectF]] = {}
        self._sprites: dict[tuple[int, float], QImage] = {}
        self.avoid = np.zeros((2, 0))

    def set_labels(self, labels: Labels) -> None:
        self.labels = labels
        order = np.argsort(labels.rank, kind="stable")
        self.x, self.y, self.rank = labels.x[order], labels.y[order], labels.rank[order]
        self.text = [labels.text[i] for i in order]
        self._paths, self._sprites = {}, {}

    def set_font(self, font: QFont) -> None:
        """Draw the labels in `font` from now on (the interface zoom changed)."""
        self.font = font
        if self.labels is not None:
            self.set_labels(self.labels)

    def set_avoid(self, x, y) -> None:
        """Points (data coordinates) whose surroundings stay free of these labels (e.g. sites)."""
        self.avoid = np.vstack([x, y])

    def max_rank(self, pixels_per_degree: float) -> int:
        shown = 0
        for threshold, rank in self.ranks_by_zoom:
            if pixels_per_degree >= threshold:
                shown = rank
        return shown

    def path(self, i: int) -> tuple[QPainterPath, QRectF]:
        """Label i's text as a path (its origin on the left of the baseline, centred on the cap height)."""
        laid = self._paths.get(i)
        if laid is None:
            path = QPainterPath()
            path.addText(QPointF(0, QFontMetricsF(self.font).capHeight() / 2), self.font, self.text[i])
            laid = self._paths[i] = (path, path.boundingRect())
        return laid

    def rects(self) -> list[QRectF]:
        """Every label's text box, in rank order (see path)."""
        return [self.path(i)[1] for i in range(len(self.text))]

    def draw(self, p, t: QTransform, exporting: bool, taken: list[QRectF] | None = None) -> None:
        """Paint with `p` in device pixels; `t` maps lon/lat to them; `exporting`: paths, not sprites.

        `taken`: boxes already covered (by other labellers); the labels drawn are added to it.
        """
        if not len(self.x):
            return
        pts = map_points(t, self.x, self.y)
        view = QRectF(p.viewport()).adjusted(-300, -40, 300, 40)
        shown = ((self.rank <= self.max_rank(abs(t.m22()))) & (pts[0] > view.left()) & (pts[0] < view.right())
                 & (pts[1] > view.top()) & (pts[1] < view.bottom()))
        taken = [] if taken is None else taken
        marks = [QRectF(x - 14, y - 14, 28, 28) for x, y in map_points(t, *self.avoid).T] \
            if self.avoid.size else []
        dpr = p.device().devicePixelRatioF()
        for i in np.flatnonzero(shown):
            path, rect = self.path(i)
            at = QPointF(*pts[:, i])
            corner = self._place(rect, at, taken, marks)
            if corner is None:
                continue
            if self.dot:
                p.setPen(cosmetic(INK, 1))
                p.setBrush(QColor("#777777"))
                p.drawEllipse(at, 2.2, 2.2)
            if exporting:
                self._draw_text(p, path.translated(corner))
            else:
                p.drawImage(corner + rect.topLeft() - QPointF(HALO, HALO), self._sprite(i, dpr))
        taken += marks  # labellers drawn next keep off the marks too

    def _place(self, rect: QRectF, at: QPointF, taken: list[QRectF], marks: list[QRectF]) -> QPointF | None:
        """Where the text's origin goes: the first placement clear of `taken` (labels) and `marks`; None if
        there is none."""
        for fw, fg, dy in self.placements:
            corner = at + QPointF(fw * rect.width() + fg * self.gap, dy)
            box = rect.translated(corner).adjusted(-2, -2, 2, 2)
            if not any(box.intersects(b) for b in taken) and not any(box.intersects(b) for b in marks):
                taken.append(box)
                return corner
        return None

    def _draw_text(self, p, path: QPainterPath) -> None:
        halo = QPen(QColor(255, 255, 255, 220), 2 * HALO - 1)
        halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.strokePath(path, halo)
        p.fillPath(path, self.color)

    def _sprite(self, i: int, dpr: float) -> QImage:
        """Label i drawn once with its halo into an image (stroking text paths on every frame is slow)."""
        image = self._sprites.get((i, dpr))
        if image is None:
            path, rect = self.path(i)
            rect = rect.adjusted(-HALO, -HALO, HALO, HALO)
            image = QImage(math.ceil(rect.width() * dpr), math.ceil(rect.height() * dpr),
                           QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(dpr)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.translate(-rect.topLeft())
            self._draw_text(painter, path)
            painter.end()
            self._sprites[(i, dpr)] = image
        return image


class Tiles:
    """Raster tiles (an MBTiles basemap), each stretched over its lon/lat box."""

    def __init__(self):
        self.images: dict[tuple, tuple[QImage, tuple]] = {}

    def set_tiles(self, tiles: list[Tile]) -> None:
        images = {}
        for tile in tiles:
            old = self.images.get(tile.key)
            images[tile.key] = old if old else (QImage.fromData(tile.image), tile.bbox)
        self.images = images

    def draw(self, p, t: QTransform) -> None:
        for image, (x0, y0, x1, y1) in self.images.values():
            if not image.isNull():
                p.drawImage(QRectF(t.map(QPointF(x0, y1)), t.map(QPointF(x1, y0))), image)


class BasemapDrawing:
    """The static map: fills, then raster tiles, then lines, then labels (countries, regions, places, in that
    priority, none over another). Every part belongs to a layer id, which can be hidden."""

    def __init__(self):
        self.place_labels = Labeller(QFont(), "#3a3a3a", ((0, 1), (35, 2), (90, 3), (250, 4)), dot=True,
                                     placements=(RIGHT, LEFT), gap=5)
        self.region_labels = Labeller(QFont(), "#6f6f6f", ((35, 9),))
        # a country's name moves up or down from its centre rather than under a site's name
        self.country_labels = Labeller(QFont(), "#8a8a8a", ((0, 1), (20, 2)), placements=(
            CENTRE, (-0.5, 0.0, -45.0), (-0.5, 0.0, 45.0), (-0.5, 0.0, -90.0), (-0.5, 0.0, 90.0)))
        self.fills: list[tuple[str, QPainterPath, QColor]] = []
        self.lines: list[tuple[str, QPainterPath, QPen]] = []
        self.labels = [("countries", self.country_labels), ("regions", self.region_labels),
                       ("places", self.place_labels)]
        self.tiles: dict[str, Tiles] = {}
        self.hidden: set[str] = set()
        self.line_width = 1.0  # times each line's own width

    def set_font(self, base: QFont) -> None:
        """Label fonts from the widget's (the interface zoom)."""
        self.place_labels.set_font(font(base, -1.5))
        self.region_labels.set_font(font(base, -1, italic=True, spacing=1.2))
        self.country_labels.set_font(font(base, 1, bold=True, spacing=2.5))

    def set_basemap(self, basemap: Basemap) -> QRectF:
        """Draw `basemap` from now on; returns the box its fills and lines cover (lon/lat)."""
        self.country_labels.set_labels(basemap.country_labels)
        self.region_labels.set_labels(basemap.region_labels)
        self.place_labels.set_labels(basemap.place_labels)
        fills = [("countries", basemap.land, "#f1eee7"), ("nouakchott", basemap.nouakchott, "#e9d8ad"),
                 ("countries", basemap.focus, "#fffdf6"), ("rivers", basemap.lakes, "#a9cfe8")]
        lines = [("rivers", rings_lines(basemap.lakes), cosmetic("#6d9ec0", 0.8)),
                 ("regions", basemap.regions, cosmetic("#8f8f8f", 1.1, Qt.PenStyle.DashLine)),
                 ("countries", basemap.borders, cosmetic("#7a7a7a", 1.0)),
                 ("rivers", basemap.rivers, cosmetic("#4a8fc4", 1.6)),
                 ("countries", rings_lines(basemap.focus), cosmetic("#3c3c3c", 2.0))]
        self.fills = [(layer, rings_path(rings), QColor(color)) for layer, rings, color in fills]
        self.lines = [(layer, array_path(ln.x, ln.y, ln.connect), pen) for layer, ln, pen in lines]
        box = QRectF()
        for _, path, _ in self.fills + self.lines:
            box = box.united(path.boundingRect())
        return box

    def set_layer_visible(self, layer: str, visible: bool) -> bool:
        """True if that changed anything."""
        if (layer not in self.hidden) == visible:
            return False
        (self.hidden.discard if visible else self.hidden.add)(layer)
        return True

    def paint(self, p: QPainter, exporting: bool = False, keep_clear: list[QRectF] = ()) -> None:
        """Paint with `p`, whose transform maps lon/lat to the device; `exporting`: labels as paths; no label over
        the boxes of `keep_clear` (device pixels: the site names and marks)."""
        p.setPen(Qt.PenStyle.NoPen)
        for layer, path, color in self.fills:
            if layer not in self.hidden:
                p.fillPath(path, color)
        t = p.transform()
        p.resetTransform()
        p.setRenderHint(p.RenderHint.SmoothPixmapTransform)
        for layer, tiles in self.tiles.items():
            if layer not in self.hidden:
                tiles.draw(p, t)
        p.setTransform(t)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for layer, path, pen in self.lines:
            if layer not in self.hidden:
                pen = QPen(pen)
                pen.setWidthF(pen.widthF() * self.line_width)
                p.setRenderHint(p.RenderHint.Antialiasing, pen.widthF() > 1.2)
                p.setPen(pen)
                p.drawPath(path)
        p.resetTransform()
        p.setRenderHint(p.RenderHint.Antialiasing)
        taken = list(keep_clear)  # labels in priority order, none over another nor over a site's name or mark
        for layer, labeller in self.labels:
            if layer not in self.hidden:
                labeller.draw(p, t, exporting, taken)


def view_transform(bbox, width: float, height: float, aspect: float, padding: float = PADDING) -> QTransform:
    """lon/lat to pixels of a width x height view showing `bbox` (lon_min, lat_min, lon_max, lat_max) grown by
    `padding` on each side, centred, `aspect` pixels of a degree of longitude per pixel of a degree of latitude,
    the box widened or heightened to fill the view: what the map's pyqtgraph ViewBox shows (its setRange with
    that padding, then its aspect lock, keeping the whole box in view)."""
    lon0, lat0, lon1, lat1 = map(float, bbox)
    px, py = (lon1 - lon0) * padding, (lat1 - lat0) * padding
    lon0, lon1, lat0, lat1 = lon0 - px, lon1 + px, lat0 - py, lat1 + py
    target_ratio = (lon1 - lon0) / (lat1 - lat0)
    view_ratio = (width / height) / aspect
    if target_ratio > view_ratio:  # as wide as asked, taller
        dy = 0.5 * ((lon1 - lon0) / view_ratio - (lat1 - lat0))
        lat0, lat1 = lat0 - dy, lat1 + dy
    else:
        dx = 0.5 * ((lat1 - lat0) * view_ratio - (lon1 - lon0))
        lon0, lon1 = lon0 - dx, lon1 + dx
    t = QTransform()
    t.translate(width / 2, height / 2)
    t.scale(width / (lon1 - lon0), -height / (lat1 - lat0))
    t.translate(-(lon0 + lon1) / 2, -(lat0 + lat1) / 2)
    return t


def aspect_of(bbox) -> float:
    """A degree of longitude is cos(latitude) times as long as one of latitude (at the box's middle)."""
    return math.cos(math.radians((float(bbox[1]) + float(bbox[3])) / 2))


class BasemapPreview(QWidget):
    """The basemap over the opening extent as the map will show it, in a plain widget: what the window shows
    while the map (pyqtgraph) and the data load, within the first few hundred milliseconds of a start."""

    painted = Signal()  # after each paint

    def __init__(self, parent=None):
        super().__init__(parent)
        self.drawing = BasemapDrawing()
        self.drawing.set_font(self.font())
        self.setAutoFillBackground(False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_basemap(self, basemap: Basemap) -> None:
        self.drawing.set_basemap(basemap)
        self.update()

    def transform(self) -> QTransform:
        return view_transform(MALI, self.width(), self.height(), aspect_of(MALI))

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt)
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(BACKGROUND))
        if self.width() > 0 and self.height() > 0:
            p.setTransform(self.transform())
            self.drawing.paint(p)
        p.end()
        self.painted.emit()
