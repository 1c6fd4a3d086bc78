"""The timeline's movements lane: one bar per movement from its departure to its arrival (actual, else
planned), movements at the same time on rows of their own within the lane."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGraphicsRectItem

from widgets.dates import DAY, edge
from widgets.route_style import ARRIVED_ALPHA, MOVEMENT_COLOR
from widgets.timeline.items import bar

MAX_ROWS = 5  # movements at the same time beyond this share the last row


@dataclass(frozen=True)
class MovementBar:
    id: str
    start: date  # the departure, actual or planned
    end: date  # the last day on the road: arrival, actual or planned (the start when neither is known)
    status: str  # db.vocab.MOVEMENT_STATUSES
    tip: str  # the tooltip, translated


def rows_of(bars: list[MovementBar]) -> dict[str, int]:
    """Each bar's row within the lane: the first row free from its start on (greedy, by start)."""
    ends: list[date] = []  # the last day taken on each row
    out = {}
    for b in sorted(bars, key=lambda b: (b.start, b.end, b.id)):
        row = next((i for i, end in enumerate(ends) if end < b.start), None)
        if row is None and len(ends) < MAX_ROWS:
            ends.append(b.end)
            row = len(ends) - 1
        elif row is None:
            row = MAX_ROWS - 1
            ends[row] = max(ends[row], b.end)
        else:
            ends[row] = b.end
        out[b.id] = row
    return out


def movement_items(bars: list[MovementBar], lane: tuple[float, float], width: float = 1.0
                   ) -> dict[str, QGraphicsRectItem]:
    """One rectangle per bar (id -> item), styled by status: planned light with a dashed outline, under way
    solid, arrived faded, aborted hatched grey."""
    rows = rows_of(bars)
    count = max(rows.values(), default=0) + 1
    top, bottom = lane[0] + 0.1, lane[1] - 0.1
    height = (bottom - top) / count
    out = {}
    for b in bars:
        y0 = top + rows[b.id] * height
        color = QColor(MOVEMENT_COLOR)
        pen = pg.mkPen(color, width=width)
        brush = QBrush(color)
        if b.status == "planned":
            brush = QBrush(QColor("#CFE3F2"))
            pen.setStyle(Qt.PenStyle.DashLine)
        elif b.status == "arrived":
            faded = QColor(color)
            faded.setAlpha(ARRIVED_ALPHA)
            brush = QBrush(faded)
        elif b.status == "aborted":
            brush = QBrush(QColor("#777777"), Qt.BrushStyle.BDiagPattern)
            pen = pg.mkPen("#777777", width=width)
        item = bar(edge(b.start), edge(b.end) + DAY, y0 + 0.04 * height, y0 + 0.96 * height, MOVEMENT_COLOR, b.tip,
                   pen=pen, brush=brush)
        item.setData(0, b.id)
        out[b.id] = item
    return out
