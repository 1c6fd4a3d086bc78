"""Incidents per type and per region for the current filter, and a bar chart per week."""
from __future__ import annotations

from datetime import datetime, time, timezone

import pyqtgraph as pg
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from widgets.dates import DateAxis

WEEK_S = 7 * 86400


class IncidentSummary(QWidget):
    """Shows a db.incident_query.Summary through `set_summary(summary, labels)`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.total = QLabel()
        self.by_type, self.by_region = QTreeWidget(), QTreeWidget()
        for tree, head in ((self.by_type, self.tr("Type")), (self.by_region, self.tr("Region"))):
            tree.setHeaderLabels([head, self.tr("Incidents")])
            tree.setRootIsDecorated(False)
            tree.header().setStretchLastSection(False)
            tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # the timeline's date axis: UTC, month names in the interface language (pyqtgraph's own is English)
        self.plot = pg.PlotWidget(axisItems={"bottom": DateAxis(self.locale())})
        self.plot.setMinimumHeight(140)
        self.plot.setBackground(self.palette().base().color())
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setTextPen(self.palette().text().color())
            self.plot.getAxis(axis).setPen(self.palette().mid().color())
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setLabel("left", self.tr("Incidents per week"))
        self.plot.showGrid(y=True, alpha=0.3)
        self.bars = pg.BarGraphItem(x=[], height=[], width=WEEK_S * 0.8, brush="#0072B2", pen=None)
        self.plot.addItem(self.bars)
        tables = QHBoxLayout()
        tables.addWidget(self.by_type)
        tables.addWidget(self.by_region)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.total)
        layout.addLayout(tables, 1)
        layout.addWidget(self.plot, 1)

    def set_summary(self, summary, labels: dict[str, dict[str, str]] | None = None) -> None:
        labels = labels or {}
        self.total.setText(self.tr("%n incident(s) in the current filter", "", summary.total))
        for tree, rows, names in ((self.by_type, summary.by_type, labels.get("type", {})),
                                  (self.by_region, summary.by_region, labels.get("region", {}))):
            tree.clear()
            for key, n in rows:
                item = QTreeWidgetItem([names.get(key, key) or self.tr("(none)"), QLocale().toString(n)])
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                item.setToolTip(0, item.text(0))
                tree.addTopLevelItem(item)
        # Bars centred on the middle of each ISO week (Monday + 3.5 days).
        xs = [datetime.combine(monday, time(), timezone.utc).timestamp() + WEEK_S / 2 for monday, _ in summary.by_week]
        self.bars.setOpts(x=xs, height=[n for _, n in summary.by_week], width=WEEK_S * 0.8)
        if xs:
            self.plot.setXRange(xs[0] - WEEK_S, xs[-1] + WEEK_S, padding=0)
            self.plot.setYRange(0, max(n for _, n in summary.by_week) * 1.1, padding=0)

    def rows(self, which: str) -> list[tuple[str, str]]:
        tree = self.by_type if which == "type" else self.by_region
        return [(tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1)) for i in range(tree.topLevelItemCount())]
