"""Overlays of the map drawn in the view box's pixels at its corners: north arrow, scale bar,
attribution text and the legend."""
from __future__ import annotations

import math
from dataclasses import dataclass

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsObject

from .map_layers import INK


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
        p.drawText(QRectF(2, 2, 12, 16), Qt.AlignmentFlag.AlignCenter, "0")
        p.drawText(QRectF(px - 60, 2, 100, 16), Qt.AlignmentFlag.AlignCenter, text)


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
        self._size = (0.0, 0.0)

    def set_section(self, key: str, rows: list[LegendRow]) -> None:
        self.sections[key] = rows
        self._resize()

    def set_section_visible(self, key: str, visible: bool) -> None:
        if (key not in self.hidden) != visible:
            (self.hidden.discard if visible else self.hidden.add)(key)
            self._resize()

    def rows(self) -> list[LegendRow]:
        return [r for key, rows in self.sections.items() if key not in self.hidden for r in rows]

    def size(self):
        return self._size

    def _resize(self) -> None:
        rows = self.rows()
        metrics, bold = QFontMetricsF(self.font), QFontMetricsF(self.bold)
        width = max((bold.horizontalAdvance(r.text) if r.kind == "heading" else metrics.horizontalAdvance(r.text) + 34
                     for r in rows), default=-20)
        self._size = (width + 20, len(rows) * self.ROW + 12) if rows else (0.0, 0.0)
        self.place()

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
