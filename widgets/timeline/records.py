"""What the site records add to the timeline, drawn apart from the plan and from the source document: a
recorded handover is a star (the document's are diamonds; colour: early, on time or late, as theirs), a
rescheduled handover a hatched extension of the closure window to its new date and a marker on that date."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from widgets.dates import DAY, edge, x_of
from widgets.timeline.items import Lanes, bar, markers

RESCHEDULED = "#CC79A7"  # reddish purple (Okabe-Ito): neither a phase's blue nor a status colour of the row
RECORDED_SYMBOL = "star"


@dataclass(frozen=True)
class RecordMark:
    """One record on a site's row. `kind`: "handover" (a star on `day`) or "rescheduled" (the window drawn on
    from `window_end` to `day`, and a marker on `day`). Texts are translated by app/."""

    site_id: str
    kind: str
    day: date
    tooltip: str
    color: str = "#009E73"  # a handover: early, on time or late against the plan
    window_end: date | None = None  # a rescheduled handover: where the plan's window ended


def draw_records(marks: list[RecordMark], lanes: Lanes, width: float = 1.0) -> list:
    """The graphics items of the marks (on the rows of sites the lanes hold)."""
    items, spots = [], []
    for m in marks:
        if m.site_id not in lanes.sites:
            continue
        top, bottom = lanes.site(m.site_id)
        mid = (top + bottom) / 2
        if m.kind == "rescheduled":
            if m.window_end is not None and m.day > m.window_end:
                brush = QBrush(QColor(RESCHEDULED), Qt.BrushStyle.Dense6Pattern)
                pen = pg.mkPen(RESCHEDULED, width=width, style=Qt.PenStyle.DashLine)
                items.append(bar(edge(m.window_end) + DAY, edge(m.day) + DAY, top + 0.2, bottom - 0.2, RESCHEDULED,
                                 m.tooltip, pen=pen, brush=brush))
            spots.append(dict(pos=(x_of(m.day), mid), symbol="|", size=16, pen=pg.mkPen(RESCHEDULED, width=3 * width),
                              data=("site", m.site_id, m.tooltip)))
        else:
            spots.append(dict(pos=(x_of(m.day), mid), symbol=RECORDED_SYMBOL, size=17, brush=m.color,
                              pen=pg.mkPen("k", width=width), data=("site", m.site_id, m.tooltip)))
    if spots:
        item = markers(spots, width)
        item.setZValue(5)
        items.append(item)
    return items
