"""Overlays of the map drawn in the view box's pixels at its corners: north arrow, scale bar,
attribution text and the legend."""
from __future__ import annotations

import math
from dataclasses import dataclass

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, Qt, Signal
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
    kind: str = "symbol"  # symbol | heading | arrow | text | title | line (style: {"pen": QPen})


class Legend(Overlay):
    """A compact key: a title row ("Legend"; a click on it collapses the key to that row or opens it again),
    then sections of rows, a heading, then a symbol and its meaning per row. MapView chooses its corner, clear
    of every site, and its scale (`place_at`); it is drawn smaller where it would not fit the map otherwise."""

    toggled = Signal(bool)  # the user collapsed (True) or opened (False) the key
    resized = Signal()  # its rows changed: MapView finds it a place again
    SYMBOL = 13  # pixels of a sample symbol

    def __init__(self, view_box, anchor=(0, 0)):
        super().__init__(view_box, anchor)
        self.sections: dict[str, list[LegendRow]] = {}
        self.hidden: set[str] = set()
        self.collapsed = False  # the user's choice
        self.folded = False  # shown collapsed: the user's choice, or no room anywhere clear of the sites
        self.title = True  # the title row (an exported key has none)
        self.columns = 1  # sections side by side in a wide, low map
        self._size = (0.0, 0.0)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_style(self, font: QFont, line_width: float) -> None:
        self.font, self.line_width = QFont(font), line_width
        self.font.setPointSizeF(max(1.0, self.font.pointSizeF() - 1))  # compact: a point smaller than the map's
        self._resize()

    def bold(self) -> QFont:
        font = QFont(self.font)
        font.setBold(True)
        return font

    def row_height(self) -> float:
        """A row holds a sample symbol or a line of text, whichever is taller."""
        return max(self.SYMBOL + 3.0, math.ceil(QFontMetricsF(self.bold()).height()) + 1)

    def title_text(self) -> str:
        return QCoreApplication.translate("MapView", "Legend")

    def set_section(self, key: str, rows: list[LegendRow]) -> None:
        self.sections[key] = rows
        self._resize()

    def set_title_shown(self, shown: bool) -> None:
        """With its title row (on the map, to click) or without (a key printed beside a map)."""
        self.title = shown
        self._resize()

    def set_section_visible(self, key: str, visible: bool) -> None:
        if (key not in self.hidden) != visible:
            (self.hidden.discard if visible else self.hidden.add)(key)
            self._resize()

    def rows(self) -> list[LegendRow]:
        """The key's rows (not the title), whether it is folded or not."""
        return [r for key, rows in self.sections.items() if key not in self.hidden for r in rows]

    def size(self):
        return self._size

    def _layout(self, folded: bool, columns: int) -> tuple[list[LegendRow], list[list[LegendRow]]]:
        """The title row (if any) and the rows in columns: sections kept whole, the columns as even as can be."""
        title = [LegendRow(self.title_text(), kind="title")] if self.title else []
        sections = [rows for key, rows in self.sections.items() if key not in self.hidden and rows]
        if folded or not sections:
            return title, []
        if columns < 2 or len(sections) < 2:
            return title, [[r for rows in sections for r in rows]]
        cut = min(range(1, len(sections)), key=lambda k: max(sum(map(len, sections[:k])), sum(map(len, sections[k:]))))
        return title, [[r for rows in sections[:cut] for r in rows], [r for rows in sections[cut:] for r in rows]]

    def _width(self, row: LegendRow) -> float:
        if row.kind in ("heading", "title"):
            return QFontMetricsF(self.bold()).horizontalAdvance(row.text) + (18 if row.kind == "title" else 0)
        return QFontMetricsF(self.font).horizontalAdvance(row.text) + 26

    def full_size(self, folded: bool, columns: int = 1) -> tuple[float, float]:
        """Width and height at scale 1, folded or open, in one column or two."""
        title, cols = self._layout(folded, columns)
        if not title and not cols:
            return 0.0, 0.0
        widths = [max(map(self._width, col)) for col in cols]
        width = max([self._width(r) for r in title] + [sum(widths) + 16 * (len(widths) - 1)])
        height = (len(title) + max(map(len, cols), default=0)) * self.row_height()
        return width + 16, height + 8

    def place_at(self, anchor: tuple[int, int], scale: float, folded: bool, columns: int = 1) -> None:
        """In the corner `anchor` ((0|1, 0|1)) at `scale`, open or folded, in one column or two (MapView decides,
        clear of the sites)."""
        changed = (anchor, scale, folded, columns) != (self.anchor, self.scale(), self.folded, self.columns)
        self.anchor, self.folded, self.columns = anchor, folded, columns
        self.setScale(scale)
        if changed:
            self._resize()

    def rect_at(self, anchor: tuple[int, int], scale: float, folded: bool, columns: int = 1) -> QRectF:
        """Where the key would be, in the view box's coordinates."""
        w, h = (scale * v for v in self.full_size(folded, columns))
        r = self.view_box.boundingRect()
        ax, ay = anchor
        return QRectF(r.left() + self.margin + ax * (r.width() - w - 2 * self.margin),
                      r.top() + self.margin + ay * (r.height() - h - 2 * self.margin), w, h)

    def _resize(self) -> None:
        self._size = self.full_size(self.folded, self.columns)
        self.place()
        self.resized.emit()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt)
        if self.title and event.pos().y() <= self.row_height() + 4:
            self.collapsed = not self.folded
            self.toggled.emit(self.collapsed)
            event.accept()
        else:
            event.ignore()

    def paint(self, p, *args):
        title, cols = self._layout(self.folded, self.columns)
        if not title and not cols:
            return
        p.setRenderHint(p.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#999999"), self.line_width))
        p.setBrush(QColor(255, 255, 255, 230))
        p.drawRoundedRect(self.boundingRect().adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        step = self.row_height()
        for row in title:
            self._paint_row(p, row, 8, 4)
        left = 8
        for col in cols:
            for n, row in enumerate(col):
                self._paint_row(p, row, left, 4 + (len(title) + n) * step)
            left += max(map(self._width, col)) + 16

    def _paint_row(self, p, row: LegendRow, x: float, y: float) -> None:
        step = self.row_height()
        mid = y + step / 2
        if row.kind == "title":
            p.setBrush(QColor("#555555"))
            p.setPen(Qt.PenStyle.NoPen)
            tip = QPolygonF([QPointF(x, mid - 4), QPointF(x + 8, mid - 4), QPointF(x + 4, mid + 2)]) if \
                not self.folded else QPolygonF([QPointF(x + 1, mid - 5), QPointF(x + 7, mid - 1),
                                                QPointF(x + 1, mid + 3)])
            p.drawPolygon(tip)
            x += 14
        elif row.kind == "arrow":
            p.setPen(QPen(QColor("#000000"), 2.5 * self.line_width))
            p.drawLine(QPointF(x, mid), QPointF(x + 12, mid))
            p.setBrush(QColor("#000000"))
            p.drawPolygon(QPolygonF([QPointF(x + 19, mid), QPointF(x + 11, mid - 4), QPointF(x + 11, mid + 4)]))
        elif row.kind == "line":
            p.setPen(row.style["pen"])
            p.drawLine(QPointF(x, mid), QPointF(x + 19, mid))
        elif row.style is not None:
            p.save()
            p.translate(x + 9, mid)
            scale = min(1.0, self.SYMBOL / row.style["size"])
            p.scale(scale, scale)
            drawSymbol(p, row.style["symbol"], row.style["size"], row.style["pen"], row.style["brush"])
            p.restore()
        if row.kind not in ("heading", "title"):
            x += 26
        p.setPen(QColor("#000000"))
        p.setFont(self.bold() if row.kind in ("heading", "title") else self.font)
        p.drawText(QRectF(x, y, 1000, step), Qt.AlignmentFlag.AlignVCenter, row.text)
