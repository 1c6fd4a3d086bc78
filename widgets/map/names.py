"""Site names on the map: beside their mark where there is room, further out on a thin leader line where there
is not; never over another name, a mark, an overlay (legend, north arrow, scale bar, attribution) or off the map.

`place` is the geometry alone (device pixels); `SiteNames` draws what it decides, and tells the basemap's own
labels (towns, regions, countries) where the names went so that those keep clear of them too. Over incidents the
names stand on a white plate, so that they stay legible however many incidents are shown.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from pyqtgraph import functions as fn
from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen, QTransform

from widgets.map.basemap import HALO, INK, Labeller
from widgets.map.layers import PixelItem
from widgets.map.records import Labels

PAD = 3.0  # pixels between a mark and a name beside it
RINGS = (0.0, 14.0, 30.0, 50.0, 75.0, 105.0, 140.0)  # further out, with a leader line from the mark
DIRECTIONS = ((1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1), (0, -1), (0, 1))  # E, W, NE, NW, SE, SW, N, S
MARGIN = 2.0  # pixels kept free around a name
TRIES = 40  # orders tried after the most crowded first; the best layout wins
MAX_PLACES = 3000  # places tried in all: the costs of two places together are (places x places) arrays
PLATE = QColor(255, 255, 255, 235)


@dataclass(frozen=True)
class Placed:
    index: int  # which name
    box: QRectF  # where its text goes (its plate), device pixels
    leader: QLineF | None  # from the mark's edge to the box, when the box is away from the mark
    crowded: bool = False  # no clear place was found: the least covered one is used


def _overlap(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Areas where the boxes a (n, 4) and b (m, 4), as x0 y0 x1 y1, overlap: (n, m)."""
    w = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0])
    h = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1])
    return np.clip(w, 0, None) * np.clip(h, 0, None)


def _crosses(lines: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Whether each leader (n, 4: x0 y0 x1 y1) passes through each box (m, 4): (n, m) (Liang-Barsky clipping)."""
    x0, y0 = lines[:, 0, None], lines[:, 1, None]
    dx, dy = lines[:, 2, None] - x0, lines[:, 3, None] - y0
    low, high = np.zeros((len(lines), len(boxes))), np.ones((len(lines), len(boxes)))
    with np.errstate(divide="ignore", invalid="ignore"):
        for d, start, lo, hi in ((dx, x0, boxes[None, :, 0], boxes[None, :, 2]),
                                 (dy, y0, boxes[None, :, 1], boxes[None, :, 3])):
            t1, t2 = (lo - start) / d, (hi - start) / d
            flat = d == 0  # parallel to these sides: inside between them or never
            low = np.where(flat, np.where((start > lo) & (start < hi), low, 2.0), np.maximum(low, np.minimum(t1, t2)))
            high = np.where(flat, high, np.minimum(high, np.maximum(t1, t2)))
    return low < high


def _candidates(anchors: np.ndarray, halves: np.ndarray, sizes: np.ndarray, rings):
    """Every place tried for every name: label (c,), box (c, 4), leader (c, 4; NaN beside the mark), rank (c,)."""
    label, box, leader, rank = [], [], [], []
    for i, ((ax, ay), half, (w, h)) in enumerate(zip(anchors, halves, sizes)):
        for r, ring in enumerate(rings):
            for d, (dx, dy) in enumerate(DIRECTIONS):
                reach = half + PAD + ring
                x, y = ax + dx * reach, ay + dy * reach
                x0 = x if dx > 0 else x - w if dx < 0 else x - w / 2
                y0 = y if dy > 0 else y - h if dy < 0 else y - h / 2
                label.append(i)
                box.append((x0, y0, x0 + w, y0 + h))
                rank.append(r * len(DIRECTIONS) + d)
                if ring:  # from the mark's edge towards the box's nearest point
                    nx, ny = min(max(ax, x0), x0 + w), min(max(ay, y0), y0 + h)
                    k = half / max(abs(nx - ax), abs(ny - ay), 1e-9)
                    leader.append((ax + (nx - ax) * min(k, 1.0), ay + (ny - ay) * min(k, 1.0), nx, ny))
                else:
                    leader.append((np.nan,) * 4)
    return np.array(label), np.array(box, float).reshape(-1, 4), np.array(leader, float).reshape(-1, 4), \
        np.array(rank)


def place(anchors: list[QPointF], halves: list[float], sizes: list[QSizeF], view: QRectF,
          obstacles: list[QRectF] = ()) -> list[Placed]:
    """Where each name goes (see _place): beside the marks when every name finds room there, which is quick;
    else with the places further out on leader lines too."""
    near = _place(anchors, halves, sizes, view, obstacles, RINGS[:1])
    rings = RINGS[:max(1, MAX_PLACES // max(1, len(anchors) * len(DIRECTIONS)))]  # hundreds of sites: fewer
    if len(rings) == 1 or not any(p.crowded for p in near):  # rings (300 sites with every ring took 16 GB)
        return near
    return _place(anchors, halves, sizes, view, obstacles, rings)


def _place(anchors: list[QPointF], halves: list[float], sizes: list[QSizeF], view: QRectF,
           obstacles: list[QRectF], rings) -> list[Placed]:
    """Where each name goes. anchors: the marks' centres; halves: half each mark's extent; sizes: each name's
    box; view: the map's rectangle; obstacles: what no name may cover besides the marks (overlays).

    Each name takes, in turn, the nearest place clear of the marks, the overlays, the map's edge, the names
    already placed and their leader lines; the most crowded marks go first, then other orders are tried and
    the layout with the fewest names left crowded, then the nearest, wins."""
    inside = view.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    shown = [i for i, a in enumerate(anchors) if inside.contains(a)]  # a mark off the map has no name
    if not shown:
        return []
    xy = np.array([[anchors[i].x(), anchors[i].y()] for i in shown])
    half = np.array([halves[i] for i in shown], float)
    wh = np.array([[sizes[i].width(), sizes[i].height()] for i in shown], float)
    label, box, leader, rank = _candidates(xy, half, wh, rings)
    clear = box + np.array([-MARGIN, -MARGIN, MARGIN, MARGIN])
    marks = np.column_stack([xy - half[:, None], xy + half[:, None]])
    blocks = np.array([[r.left(), r.top(), r.right(), r.bottom()] for r in obstacles], float).reshape(-1, 4)
    # what a place costs by itself: the map's edge, other marks, overlays, its leader across other marks
    on_marks = _overlap(clear, marks)
    on_marks[np.arange(len(label)), label] = 0.0
    has_leader = ~np.isnan(leader[:, 0])
    cross_marks = np.zeros_like(on_marks, dtype=bool)
    cross_marks[has_leader] = _crosses(leader[has_leader], marks)
    cross_marks[np.arange(len(label)), label] = False
    outside = ((clear[:, 0] < inside.left()) | (clear[:, 1] < inside.top()) | (clear[:, 2] > inside.right())
               | (clear[:, 3] > inside.bottom()))
    own = 1e9 * outside + on_marks.sum(axis=1) + 10 * _overlap(clear, blocks).sum(axis=1) + 50 * cross_marks.sum(1)
    # what two places cost together: boxes overlapping, a leader through the other's box
    pair = 10 * _overlap(clear, clear)
    crossing = np.zeros_like(pair, dtype=bool)
    crossing[has_leader] = _crosses(leader[has_leader], clear)
    pair += 50 * (crossing | crossing.T)
    pair[label[:, None] == label[None, :]] = 0.0
    by_label = [np.flatnonzero(label == i) for i in range(len(shown))]

    def layout(order) -> tuple[tuple, list[int]]:
        chosen: list[int] = []
        total = np.zeros(len(label))  # what each place would cost with the places chosen so far
        for i in order:
            options = by_label[i]
            cost = own[options] + total[options]
            best = options[np.lexsort((rank[options], cost))[0]]
            chosen.append(best)
            total += pair[best]
        costs = own[chosen] + np.array([sum(pair[a, b] for b in chosen if b != a) for a in chosen])
        return ((costs > 0).sum(), costs.sum(), rank[chosen].sum()), chosen

    crowding = (np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1)) < 110).sum(axis=1)
    orders = [sorted(range(len(shown)), key=lambda i: (-crowding[i], i))]
    rng = np.random.default_rng(0)  # the same layout for the same view, every time
    orders += [list(rng.permutation(len(shown))) for _ in range(min(TRIES, 2000 // len(shown)))]
    score, chosen = min((layout(order) for order in orders), key=lambda found: found[0])
    total = {c: own[c] + sum(pair[c, b] for b in chosen if b != c) for c in chosen}
    out = []
    for c in sorted(chosen, key=lambda c: label[c]):
        x0, y0, x1, y1 = box[c]
        line = QLineF(*leader[c]) if has_leader[c] else None
        out.append(Placed(shown[label[c]], QRectF(x0, y0, x1 - x0, y1 - y0), line, crowded=total[c] > 0))
    return out


class SiteNames(PixelItem):
    """The sites' names, placed by `place` for the view as it is painted; `boxes(t, viewport)` tells where."""

    def __init__(self, font: QFont):
        super().__init__()
        self.labeller = Labeller(font, "#111111")  # the texts: paths (exports) and sprites (screen)
        self.x = self.y = np.zeros(0)
        self.halves = np.zeros(0)  # half of each site's mark, pixels
        self.ring: tuple[float, float, float] | None = None
        self.plates = False
        self.obstacles: Callable[[], list[QRectF]] = list
        self._cache: tuple | None = None

    # ---------------------------------------------------------------- data in

    def set_labels(self, labels: Labels, halves) -> None:
        """The names (one rank: every site is named) and half of each site's mark in pixels."""
        self.labeller.set_labels(labels)
        self.x, self.y, self.halves = labels.x, labels.y, np.asarray(halves, dtype=float)
        self.set_bounds(labels.x, labels.y)
        self.changed()

    def set_font(self, font: QFont) -> None:
        self.labeller.set_font(font)
        self.changed()

    def set_ring(self, ring: tuple[float, float, float] | None) -> None:
        """(lon, lat, diameter in pixels) of the selection ring, kept clear like a mark; or None."""
        self.ring = ring
        self.changed()

    def set_plates(self, on: bool) -> None:
        """Names on white plates (incidents are shown under them) or with a halo only."""
        if on != self.plates:
            self.plates = on
            self.update()

    def changed(self) -> None:
        self._cache = None
        self.update()

    # ---------------------------------------------------------------- placement

    def placements(self, t: QTransform, viewport: QRectF) -> list[Placed]:
        obstacles = [QRectF(r) for r in self.obstacles()]
        key = (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), viewport.getRect(),
               tuple(r.getRect() for r in obstacles))
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, self._place(t, viewport, obstacles))
        return self._cache[1]

    def _place(self, t: QTransform, viewport: QRectF, obstacles: list[QRectF]) -> list[Placed]:
        if not len(self.x):
            return []
        pts = fn.transformCoordinates(t, np.vstack([self.x, self.y]))
        anchors = [QPointF(*pts[:, i]) for i in range(pts.shape[1])]
        halves = list(self.halves)
        if self.ring is not None:
            (x,), (y,) = fn.transformCoordinates(t, np.array([[self.ring[0]], [self.ring[1]]]))
            ring = QPointF(x, y)
            for i, a in enumerate(anchors):  # the ringed site's mark grows to the ring and its pen
                if abs(a.x() - x) < 1 and abs(a.y() - y) < 1:
                    halves[i] = max(halves[i], self.ring[2] / 2 + 4)
                    break
            else:
                obstacles = obstacles + [QRectF(ring.x() - self.ring[2] / 2 - 4, ring.y() - self.ring[2] / 2 - 4,
                                                self.ring[2] + 8, self.ring[2] + 8)]
        rects = self.labeller.rects()
        sizes = [QSizeF(r.width() + 2 * HALO + 2, r.height() + 2 * HALO) for r in rects]
        return place(anchors, halves, sizes, viewport, obstacles)

    def boxes(self, t: QTransform, viewport: QRectF) -> list[QRectF]:
        """Where the names, the marks and the overlays are, for other labels to keep clear of."""
        placed = self.placements(t, viewport)
        pts = fn.transformCoordinates(t, np.vstack([self.x, self.y])) if len(self.x) else np.zeros((2, 0))
        marks = [QRectF(x - h, y - h, 2 * h, 2 * h) for (x, y), h in zip(pts.T, self.halves)]
        return [p.box for p in placed] + marks + [QRectF(r) for r in self.obstacles()]

    # ---------------------------------------------------------------- painting

    def paint(self, p, *args):
        t = p.transform()
        p.resetTransform()
        p.setRenderHint(p.RenderHint.Antialiasing)
        views = self.scene().views() if self.scene() is not None else []
        viewport = QRectF(views[0].viewport().rect()) if views else QRectF(p.viewport())  # exports too
        exporting = self._exportOpts is not False
        dpr = p.device().devicePixelRatioF()
        for placed in self.placements(t, viewport):
            if placed.leader is not None:
                for color, width in ((QColor(255, 255, 255, 220), 3.0), (QColor(INK), 1.2)):
                    p.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                    p.drawLine(placed.leader)
            if self.plates or placed.leader is not None:
                path = QPainterPath()
                path.addRoundedRect(placed.box, 3, 3)
                p.fillPath(path, PLATE)
            path, rect = self.labeller.path(placed.index)
            origin = placed.box.topLeft() + QPointF(HALO + 1, HALO) - rect.topLeft()
            if exporting:
                self.labeller._draw_text(p, path.translated(origin))
            else:
                p.drawImage(origin + rect.topLeft() - QPointF(HALO, HALO), self.labeller._sprite(placed.index, dpr))
