"""Page kit for PDF documents: QPainter on a QPdfWriter, so everything stays vector.

A `Sheet` holds the page geometry and fonts in the writer's device units (dots); `frame` draws the
header and footer (marking, page numbers); `Table` splits its rows over pages and repeats its header
row on each; `week_chart` draws incidents per week stacked by type.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QTransform

translate = QCoreApplication.translate

INK = QColor("#1a1a1a")
GREY = QColor("#5f5f5f")
RULE = QColor("#9a9a9a")
SHADE = QColor("#eef0f2")
MARK = QColor("#a4001d")
WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)


class Sheet:
    """Geometry and fonts of one QPdfWriter's pages, in its device units (dots)."""

    def __init__(self, writer, family: str):
        self.dpi = writer.resolution()
        size = writer.pageLayout().paintRectPixels(self.dpi).size()
        self.page = QRectF(0, 0, size.width(), size.height())
        band = self.pt(24)
        self.body = self.page.adjusted(0, band, 0, -band)
        self.family = family

    def pt(self, points: float) -> float:
        return points * self.dpi / 72

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def text(self, painter: QPainter, rect: QRectF, text: str, points: float = 9, bold: bool = False,
             color: QColor = INK, flags: int = WRAP) -> QRectF:
        """Draw text wrapped in rect; returns the rectangle it used."""
        painter.setFont(self.font(points, bold))
        painter.setPen(color)
        used = painter.boundingRect(rect, flags, text)
        painter.drawText(rect, flags, text)
        return used

    def heading(self, painter: QPainter, text: str) -> float:
        """A one-line section title at the top of the body; returns where the content starts."""
        self.text(painter, QRectF(self.body.left(), self.body.top(), self.body.width(), self.pt(24)), text, 15, True)
        return self.content_top

    @property
    def content_top(self) -> float:
        return self.body.top() + self.pt(30)

    def frame(self, painter: QPainter, left: str, marking: str, right: str, footer: str,
              number: int, total: int) -> None:
        """Header and footer of one page: the marking in both, page N of M at the bottom right."""
        top = QRectF(self.page.left(), self.page.top(), self.page.width(), self.pt(14))
        bottom = QRectF(self.page.left(), self.page.bottom() - self.pt(14), self.page.width(), self.pt(14))
        for rect, texts in ((top, (left, marking, right)),
                            (bottom, (footer, marking, translate("Briefing", "Page {0} of {1}").format(number, total)))):
            for i, (text, align) in enumerate(zip(texts, (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignHCenter,
                                                          Qt.AlignmentFlag.AlignRight))):
                self.text(painter, rect, text, 9 if i == 1 else 8, i == 1, MARK if i == 1 else GREY,
                          int(align) | int(Qt.AlignmentFlag.AlignVCenter))
        painter.setPen(QPen(RULE, self.pt(0.5)))
        painter.drawLine(QLineF(top.left(), top.bottom() + self.pt(3), top.right(), top.bottom() + self.pt(3)))
        painter.drawLine(QLineF(bottom.left(), bottom.top() - self.pt(3), bottom.right(), bottom.top() - self.pt(3)))


def draw_symbol(painter: QPainter, center: QPointF, size: float, symbol: str, color: str) -> None:
    """A pyqtgraph symbol (the map's site shapes) filled with color, outlined in black."""
    path = QTransform().translate(center.x(), center.y()).scale(size, size).map(Symbols[symbol])
    painter.setPen(QPen(QColor("black"), size / 12))
    painter.setBrush(QColor(color))
    painter.drawPath(path)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def hatch(painter: QPainter, rect: QRectF, color: str, style: int, step: float) -> None:
    """Fill rect with color; styles 1-3 add hatching in black (so types of one colour differ)."""
    painter.fillRect(rect, QColor(color))
    if not style:
        return
    path = QPainterPath()
    span = rect.width() + rect.height()
    for k in range(int(span / step) + 1):
        d = k * step
        if style in (1, 3):
            path.moveTo(rect.left() + d, rect.bottom())
            path.lineTo(rect.left() + d - rect.height(), rect.top())
        if style in (2, 3):
            path.moveTo(rect.left() + d - rect.height(), rect.bottom())
            path.lineTo(rect.left() + d, rect.top())
    painter.save()
    painter.setClipRect(rect)
    painter.setPen(QPen(QColor(0, 0, 0, 110), step / 6))
    painter.drawPath(path)
    painter.restore()


@dataclass(frozen=True)
class Cell:
    text: str
    color: str = ""  # fill of a marker drawn before the text
    symbol: str = ""  # the marker's pyqtgraph symbol; "" with a color draws a square swatch
    hatch: int = 0  # the swatch's hatching, see `hatch`
    bold: bool = False
    ink: str = ""  # text colour, "" for the default


class Table:
    """Word-wrapped rows that split over pages; every page repeats the header row."""

    def __init__(self, sheet: Sheet, headers: list[str], widths: list[float], rows: list[list[Cell]],
                 points: float = 8.5):
        self.sheet, self.headers, self.rows, self.points = sheet, headers, rows, points
        total = sum(widths)
        self.widths = [w / total * sheet.body.width() for w in widths]
        self.pad = sheet.pt(3)
        self.marker = sheet.pt(points * 1.5)
        self._heights: list[float] = []

    def _measure(self, painter: QPainter, cells: list[Cell], bold: bool = False) -> float:
        height = 0.0
        for cell, width in zip(cells, self.widths):
            painter.setFont(self.sheet.font(self.points, bold or cell.bold))
            inner = QRectF(0, 0, width - 2 * self.pad - (self.marker if cell.color else 0), 1e7)
            height = max(height, painter.boundingRect(inner, WRAP, cell.text).height())
        return height + 2 * self.pad

    def split(self, painter: QPainter, first: float, rest: float) -> list[range]:
        """Row ranges per page: `first` is the height left on the first page, `rest` on the others."""
        self._heights = [self._measure(painter, row) for row in self.rows]
        head = self._measure(painter, [Cell(h) for h in self.headers], bold=True)
        pages, start, used, room = [], 0, head, first
        for i, h in enumerate(self._heights):
            if used + h > room and i > start:
                pages.append(range(start, i))
                start, used, room = i, head, rest
            used += h
        pages.append(range(start, len(self.rows)))
        return pages

    def paint(self, painter: QPainter, top: float, rows: range) -> float:
        """Draw the header and `rows` from `top` (zebra rows, a rule under the header); returns the bottom."""
        left = self.sheet.body.left()
        width = sum(self.widths)
        head = [Cell(h, bold=True) for h in self.headers]
        y = top
        for n, (cells, height) in enumerate([(head, self._measure(painter, head, True))]
                                            + [(self.rows[i], self._heights[i]) for i in rows]):
            if n == 0 or n % 2 == 0:
                painter.fillRect(QRectF(left, y, width, height), QColor("#d9dde2") if n == 0 else SHADE)
            x = left
            for cell, w in zip(cells, self.widths):
                inner = QRectF(x + self.pad, y + self.pad, w - 2 * self.pad, height - 2 * self.pad)
                if cell.color:
                    centre = QPointF(inner.left() + self.marker * 0.35, inner.top() + self.marker * 0.4)
                    if cell.symbol:
                        draw_symbol(painter, centre, self.marker * 0.7, cell.symbol, cell.color)
                    else:
                        hatch(painter, QRectF(centre.x() - self.marker * 0.3, centre.y() - self.marker * 0.3,
                                              self.marker * 0.6, self.marker * 0.6), cell.color, cell.hatch,
                              self.marker * 0.2)
                    inner.setLeft(inner.left() + self.marker)
                self.sheet.text(painter, inner, cell.text, self.points, cell.bold,
                                QColor(cell.ink) if cell.ink else INK)
                x += w
            y += height
            if n == 0:
                painter.setPen(QPen(RULE, self.sheet.pt(0.8)))
                painter.drawLine(QLineF(left, y, left + width, y))
        painter.setPen(QPen(RULE, self.sheet.pt(0.8)))
        painter.drawLine(QLineF(left, y, left + width, y))
        return y


@dataclass(frozen=True)
class Series:
    label: str
    color: str
    style: int  # hatching, see `hatch`
    counts: tuple[int, ...]  # one per week


def nice_step(top: int) -> int:
    """A round tick step giving about five ticks up to `top`."""
    raw = max(top, 1) / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    return max(1, next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw))


def week_chart(painter: QPainter, sheet: Sheet, rect: QRectF, weeks: list[date], series: list[Series],
               week_label) -> None:
    """Stacked bars, one per week, one band per type; the legend in a column on the right."""
    legend_w, axis_w, label_h = rect.width() * 0.28, sheet.pt(34), sheet.pt(14)
    plot = QRectF(rect.left() + axis_w, rect.top() + sheet.pt(14), rect.width() - legend_w - axis_w - sheet.pt(16),
                  rect.height() - label_h - sheet.pt(18))
    totals = [sum(s.counts[i] for s in series) for i in range(len(weeks))]
    step = nice_step(max(totals, default=0))
    top = step * max(1, math.ceil(max(totals, default=0) / step))
    scale = plot.height() / top
    for tick in range(0, top + 1, step):
        y = plot.bottom() - tick * scale
        painter.setPen(QPen(RULE, sheet.pt(0.3)))
        painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
        sheet.text(painter, QRectF(rect.left(), y - sheet.pt(6), axis_w - sheet.pt(4), sheet.pt(12)), f"{tick:,}",
                   7.5, color=GREY, flags=int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
    slot = plot.width() / max(len(weeks), 1)
    bar = min(slot * 0.7, sheet.pt(60))
    for i, week in enumerate(weeks):
        x = plot.left() + slot * i + (slot - bar) / 2
        y = plot.bottom()
        for s in series:
            if s.counts[i]:
                h = s.counts[i] * scale
                hatch(painter, QRectF(x, y - h, bar, h), s.color, s.style, sheet.pt(4))
                y -= h
        if totals[i]:
            sheet.text(painter, QRectF(x - slot, y - sheet.pt(12), bar + 2 * slot, sheet.pt(11)), f"{totals[i]:,}",
                       7.5, True, flags=int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom))
        sheet.text(painter, QRectF(plot.left() + slot * i, plot.bottom() + sheet.pt(3), slot, label_h),
                   week_label(week), 7.5, color=GREY, flags=int(Qt.AlignmentFlag.AlignHCenter))
    painter.setPen(QPen(INK, sheet.pt(0.8)))
    painter.drawLine(QLineF(plot.bottomLeft(), plot.bottomRight()))
    x = rect.right() - legend_w
    for n, s in enumerate(series):
        y = plot.top() + sheet.pt(15) * n
        hatch(painter, QRectF(x, y + sheet.pt(1.5), sheet.pt(16), sheet.pt(10)), s.color, s.style, sheet.pt(4))
        sheet.text(painter, QRectF(x + sheet.pt(22), y, legend_w - sheet.pt(22), sheet.pt(14)),
                   f"{s.label} ({sum(s.counts):,})", 8.5, flags=int(Qt.AlignmentFlag.AlignVCenter))
