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

from widgets.map.basemap import INK


class Overlay(QGraphicsObject):
    """An item drawn in the view box's pixel space at a corner: anchor (0|1, 0|1), margin px;
    its text in `font` and its lines `line_width` times their usual width (see set_style)."""

    def __init__(self, view_box: pg.ViewBox, anchor=(0, 0), margin=10):
        super().__init__(view_box)
        self.view_box, self.anchor, self.margin = view_box, anchor, margin
        self.font, self.line_width = QFont(), 1.0
        self.setZValue(1000)
        view_box.sigResized.connect(self.place)

    def set_style(self, font: QFont, line_width: float) -> None:
        """The map's font (it follows the interface zoom) and line width (thicker in high contrast)."""
        self.font, self.line_width = QFont(font), line_width
        self.place()

    def size(self) -> tuple[float, float]:
        raise NotImplementedError

    def boundingRect(self) -> QRectF:
        w, h = self.size()
        return QRectF(0, 0, w, h)

    def place(self, *args) -> None:
        self.prepareGeometryChange()
        w, h = (self.scale() * x for x in self.size())
        r = self.view_box.boundingRect()
        ax, ay = self.anchor
        self.setPos(r.left() + self.margin + ax * (r.width() - w - 2 * self.margin),
                    r.top() + self.margin + ay * (r.height() - h - 2 * self.margin))
        self.update()


class NorthArrow(Overlay):
    """An arrow under the letter N, both sized by the map's font."""

    def bold(self) -> QFont:
        font = QFont(self.font)
        font.setBold(True)
        return font

    def size(self):
        metrics = QFontMetricsF(self.bold())
        return max(26.0, metrics.horizontalAdvance(self.letter()) + 6), metrics.height() + 29

    @staticmethod
    def letter() -> str:
        return QCoreApplication.translate("MapView", "N", "north")

    def paint(self, p, *args):
        w, h = self.size()
        c, top = w / 2, h - 28
        p.setRenderHint(p.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(INK), 1.2 * self.line_width))
        p.setBrush(QColor(INK))
        p.drawPolygon(QPolygonF([QPointF(c, top), QPointF(c + 8, top + 26), QPointF(c, top + 19)]))
        p.setBrush(QColor("white"))
        p.drawPolygon(QPolygonF([QPointF(c, top), QPointF(c - 8, top + 26), QPointF(c, top + 19)]))
        p.setFont(self.bold())
        p.drawText(QRectF(0, 0, w, top - 1), Qt.AlignmentFlag.AlignCenter, self.letter())


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

    def text(self, km: float) -> str:
        return QCoreApplication.translate("MapView", "{0} km").format(QLocale().toString(float(km), "g", 6))

    def size(self):
        km, px = self.length()
        metrics = QFontMetricsF(self.font)
        return px + 12 + metrics.horizontalAdvance(self.text(km)) / 2 + 6, metrics.height() + 14

    def paint(self, p, *args):
        km, px = self.length()
        if not px:
            return
        w, h = self.size()
        text_h = h - 14
        p.setRenderHint(p.RenderHint.Antialiasing)
        p.setBrush(QColor(255, 255, 255, 200))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(QRectF(0, 0, w, h), 3, 3)
        p.setPen(QPen(QColor(INK), self.line_width))
        for i in range(4):
            p.setBrush(QColor(INK) if i % 2 == 0 else QColor("white"))
            p.drawRect(QRectF(6 + i * px / 4, text_h + 4, px / 4, 5))
        p.setFont(self.font)
        p.drawText(QRectF(-4, 2, 20, text_h), Qt.AlignmentFlag.AlignCenter, "0")
        p.drawText(QRectF(6 + px - 100, 2, 200, text_h), Qt.AlignmentFlag.AlignCenter, self.text(km))


class TextOverlay(Overlay):
    """Small text lines in a corner (attribution)."""

    def __init__(self, view_box, anchor=(1, 1)):
        super().__init__(view_box, anchor, margin=4)
        self.text = ""

    def set_text(self, text: str) -> None:
        self.text = text
        self.place()

    def small_font(self) -> QFont:
        font = QFont(self.font)
        font.setPointSizeF(font.pointSizeF() * 0.8)
        return font

    def size(self):
        r = QFontMetricsF(self.small_font()).boundingRect(QRectF(0, 0, 2000, 200), 0, self.text)
        return r.width() + 8, r.height() + 4

    def paint(self, p, *args):
        if not self.text:
            return
        p.setBrush(QColor(255, 255, 255, 190))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRect(self.boundingRect())
        p.setPen(QColor("#444444"))
        p.setFont(self.small_font())
        p.drawText(self.boundingRect().adjusted(4, 2, -4, -2), Qt.AlignmentFlag.AlignRight, self.text)


@dataclass
class LegendRow:
    text: str
    style: dict | None = None  # scatter style (symbol, size, pen, brush) of the sample
    kind: str = "symbol"  # symbol | heading | arrow | text


class Legend(Overlay):
    """Sections of rows: a heading, then a symbol and its meaning per row; drawn smaller where it would
    be taller than the map or cover more than half its width (a large interface zoom, a small window)."""

    WIDTH_SHARE = 0.5

    def __init__(self, view_box, anchor=(1, 0)):
        super().__init__(view_box, anchor)
        self.sections: dict[str, list[LegendRow]] = {}
        self.hidden: set[str] = set()
        self._size = (0.0, 0.0)

    def set_style(self, font: QFont, line_width: float) -> None:
        self.font, self.line_width = QFont(font), line_width
        self._resize()

    def bold(self) -> QFont:
        font = QFont(self.font)
        font.setBold(True)
        return font

    def row_height(self) -> float:
        """A row holds a 17-pixel symbol or a line of text, whichever is taller."""
        return max(19.0, math.ceil(QFontMetricsF(self.bold()).height()) + 3)

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

    def place(self, *args) -> None:
        (w, h), r = self._size, self.view_box.boundingRect()
        room = min((r.height() - 2 * self.margin) / h, r.width() * self.WIDTH_SHARE / w) if w and h else 1.0
        self.setScale(min(1.0, max(room, 0.1)))
        super().place()

    def _resize(self) -> None:
        rows = self.rows()
        metrics, bold = QFontMetricsF(self.font), QFontMetricsF(self.bold())
        width = max((bold.horizontalAdvance(r.text) if r.kind == "heading" else metrics.horizontalAdvance(r.text) + 34
                     for r in rows), default=-20)
        self._size = (width + 20, len(rows) * self.row_height() + 12) if rows else (0.0, 0.0)
        self.place()

    def paint(self, p, *args):
        rows = self.rows()
        if not rows:
            return
        p.setRenderHint(p.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#999999"), self.line_width))
        p.setBrush(QColor(255, 255, 255, 225))
        p.drawRoundedRect(self.boundingRect().adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        y, step, bold = 6, self.row_height(), self.bold()
        for row in rows:
            x, mid = 10, y + step / 2
            if row.kind == "arrow":
                p.setPen(QPen(QColor("#000000"), 2.5 * self.line_width))
                p.drawLine(QPointF(x, mid), QPointF(x + 18, mid))
                p.setBrush(QColor("#000000"))
                p.drawPolygon(QPolygonF([QPointF(x + 26, mid), QPointF(x + 16, mid - 5), QPointF(x + 16, mid + 5)]))
            elif row.style is not None:
                p.save()
                p.translate(x + 12, mid)
                scale = min(1.0, 17 / row.style["size"])
                p.scale(scale, scale)
                drawSymbol(p, row.style["symbol"], row.style["size"], row.style["pen"], row.style["brush"])
                p.restore()
            if row.kind != "heading":
                x += 34
            p.setPen(QColor("#000000"))
            p.setFont(bold if row.kind == "heading" else self.font)
            p.drawText(QRectF(x, y, 1000, step), Qt.AlignmentFlag.AlignVCenter, row.text)
            y += step
