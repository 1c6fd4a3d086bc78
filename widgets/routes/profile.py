"""A route's profile strip: the weight of what was recorded near each stretch, along the distance from the
start, each bar in the colour the map gives the stretch (widgets/route_style.py)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from widgets.route_style import score_color


@dataclass(frozen=True)
class ProfileBar:
    from_km: float
    to_km: float
    score: float
    tip: str  # translated: the stretch, its counts, its weight


class ProfileStrip(pg.PlotWidget):
    def __init__(self, parent=None):
        super().__init__(parent, background="w")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.showGrid(y=True, alpha=0.25)
        item.setMouseEnabled(x=False, y=False)
        for name in ("bottom", "left"):
            item.getAxis(name).setTextPen("#111111")
            item.getAxis(name).setPen("#777777")
        self.setLabel("bottom", self.tr("km from the start"))
        self.setLabel("left", self.tr("weight"))
        self.bars: list[ProfileBar] = []
        self._item = None
        self.setMinimumHeight(80)

    def set_bars(self, bars: list[ProfileBar], top: float | None = None) -> None:
        """The stretches' bars; `top`: the height of the axis (the same for two routes side by side)."""
        self.bars = list(bars)
        if self._item is not None:
            self.removeItem(self._item)
            self._item = None
        if not bars:
            self.setToolTip("")
            return
        x0 = np.array([b.from_km for b in bars])
        x1 = np.array([b.to_km for b in bars])
        height = np.array([b.score for b in bars])
        self._item = pg.BarGraphItem(x0=x0, x1=x1, y0=0, height=np.maximum(height, 0.0),
                                     brushes=[pg.mkBrush(score_color(s)) for s in height],
                                     pens=[pg.mkPen("#555555", width=0.5)] * len(bars))
        self.addItem(self._item)
        self.setXRange(0, float(x1[-1]), padding=0.01)
        self.setYRange(0, max(top or 0.0, float(height.max()), 1.0), padding=0.05)
        self.setToolTip(self.tr("Hover a bar for its stretch"))

    def bar_at(self, km: float) -> ProfileBar | None:
        return next((b for b in self.bars if b.from_km <= km < b.to_km), None)

    def mouseMoveEvent(self, ev):  # noqa: N802 (Qt)
        super().mouseMoveEvent(ev)
        if self.bars:
            km = self.getPlotItem().vb.mapSceneToView(self.mapToScene(ev.position().toPoint())).x()
            found = self.bar_at(km)
            self.setToolTip(found.tip if found else "")
