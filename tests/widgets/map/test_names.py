"""Site names placed on the map (widgets/map/names.py) for a scenario at its limits: the places tried stay
bounded, so the costs of two places together (a places x places array) stay small. With 300 sites every
ring was tried: 16,800 places, arrays of 2 GB each, 16 GB and a minute before the window showed."""
import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSizeF

from widgets.map import names


def test_three_hundred_sites_are_named_within_the_places_budget(monkeypatch):
    tried = []
    real = names._candidates

    def counted(anchors, halves, sizes, rings):
        out = real(anchors, halves, sizes, rings)
        tried.append(len(out[0]))
        return out

    monkeypatch.setattr(names, "_candidates", counted)
    rng = np.random.default_rng(1)
    points = rng.uniform((20, 20), (780, 480), size=(300, 2))  # crowded: many names cannot sit beside their marks
    placed = names.place([QPointF(x, y) for x, y in points], [5.0] * 300, [QSizeF(60, 14)] * 300,
                         QRectF(0, 0, 800, 500))
    assert len(placed) == 300 and any(p.crowded for p in placed)
    assert tried and max(tried) <= names.MAX_PLACES


def test_a_few_sites_still_try_every_ring():
    crowd = [QPointF(400 + 3 * i, 250) for i in range(6)]  # six marks in a row: names need leader lines
    placed = names.place(crowd, [5.0] * 6, [QSizeF(60, 14)] * 6, QRectF(0, 0, 800, 500))
    assert any(p.leader is not None for p in placed) and not any(p.crowded for p in placed)
