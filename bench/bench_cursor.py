"""Date cursor: from a date change to the timeline, panels (and map, where present) painted again.

Measured with the default scenario and with 100,000 incidents in the log, beside a same-run baseline:
a bare pyqtgraph PlotWidget whose InfiniteLine is moved 30 times. Then one mouse drag of the
timeline cursor across 30 days: how many date changes and repaints it causes, during and after.
Target: under 33 ms median per date change. Measured once the incidents (loaded in the background)
are drawn, so the map and the timeline's strip hold all of them.
"""
from __future__ import annotations

import os
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

N_INCIDENTS = 100_000
START = date(2023, 8, 1)
DAYS = 30


def add_incidents(path: Path, n: int) -> None:
    """n random incidents, raw sqlite3 executemany (every NOT NULL column filled)."""
    from db.incidents.taxonomy import load

    rng = random.Random(n)
    types = load().ids
    con = sqlite3.connect(path)
    sites = con.execute("SELECT id, lat, lon, region FROM sites").fetchall()
    stamp = "2024-01-01 00:00:00.000000"
    rows = []
    for _ in range(n):
        site, lat, lon, region = rng.choice(sites)
        rows.append((str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                     (date(2023, 1, 1) + timedelta(days=rng.randrange(546))).isoformat(),
                     lat + rng.uniform(-0.5, 0.5), lon + rng.uniform(-0.5, 0.5), region, site, rng.choice(types),
                     "", "armed groups", 0, rng.randrange(3), 0, rng.randrange(3), 0, 0, "bench incident", "", "",
                     "B2", "reported", "bench", "bench", 1, stamp, stamp, 0))
    con.executemany(
        "INSERT INTO incidents (id, occurred_on, lat, lon, region, site_id, type, subtype, actors, "
        "killed_peacekeepers, killed_civilians, killed_other, injured_peacekeepers, injured_civilians, injured_other, "
        "description, notes, source, reliability, status, author, origin, revision, created_at, updated_at, deleted) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.commit()
    con.close()


class Paints:
    """Counts paint events of the widgets it watches (viewports included)."""

    def __init__(self, widgets):
        from PySide6.QtCore import QEvent, QObject

        counts = self.counts = {name: 0 for name in widgets}

        class Filter(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    counts[obj.property("bench-name")] += 1
                return False

        self.filter = Filter()
        for name, w in widgets.items():
            w.setProperty("bench-name", name)
            w.installEventFilter(self.filter)

    def reset(self):
        for k in self.counts:
            self.counts[k] = 0


def build(db_path: Path, with_map: bool):
    """The views of the window that follow the date, wired as the app wires them."""
    from PySide6.QtWidgets import QGraphicsView, QHBoxLayout, QVBoxLayout, QWidget

    from app.controllers.timeline import TimelineController
    from app.cursor import CursorState
    from app.state import AppState
    from db import open_database
    from db.scenario.stored import read_scenario
    from widgets.sites.figures import KeyFiguresPanel
    from widgets.sites.panel import SitePanel
    from widgets.timeline.view import TimelineView

    db = open_database(db_path)
    scenario = read_scenario(db)
    state = AppState(db, scenario, CursorState(START, scenario.start, scenario.end), "en")
    window, top = QWidget(), QHBoxLayout()
    timeline, panel, figures = TimelineView(), SitePanel(), KeyFiguresPanel()
    watched = {"timeline": timeline.plot.viewport(), "site panel": panel.table.viewport(), "key figures": figures}
    keep = [TimelineController(state, timeline, panel, figures)]
    if with_map:
        from app.controllers.map import MapController
        from widgets.map.layers_panel import LayersPanel
        from widgets.map.view import MapView
        from widgets.sites.card import SiteCard

        map_view, card, layers = MapView(), SiteCard(), LayersPanel()
        keep.append(MapController(state, map_view, card, layers))
        top.addWidget(map_view, 3)
        watched["map"] = map_view.findChild(QGraphicsView).viewport()
    side = QVBoxLayout()
    side.addWidget(figures)
    side.addWidget(panel)
    top.addLayout(side, 1)
    layout = QVBoxLayout(window)
    layout.addLayout(top, 3)
    layout.addWidget(timeline, 1)
    window.resize(1600, 1000)
    window.show()
    wait_for_points(state)
    return dict(db=db, state=state, window=window, timeline=timeline, keep=keep, paints=Paints(watched))


def wait_for_points(state) -> None:
    """Until AppState's background load of the incidents has arrived (and been drawn)."""
    from PySide6.QtCore import QEventLoop

    if state.points_loading:
        loop = QEventLoop()
        state.points_ready.connect(loop.quit)
        state.points_failed.connect(loop.quit)
        loop.exec()
    assert not state.points_loading


def settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def cursor_times(app, views) -> list[float]:
    """ms from CursorState.set_date to every view painted, for DAYS consecutive dates."""
    state = views["state"]
    state.cursor.set_date(START - timedelta(days=1))
    settle(app)
    times = []
    for i in range(DAYS):
        t = time.perf_counter()
        state.cursor.set_date(START + timedelta(days=i))
        settle(app)
        times.append((time.perf_counter() - t) * 1000)
    return times


def drag(app, views) -> tuple[int, dict, int, dict]:
    """One mouse drag of the cursor across DAYS days (3 moves a day): date changes and paints, during/after."""
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    from widgets.dates import DAY, x_of

    pg.setConfigOption("mouseRateLimit", -1)
    timeline, state, paints = views["timeline"], views["state"], views["paints"]
    timeline.plot.scene().minDragTime = 0
    state.cursor.set_date(START)
    settle(app)
    y = float(np.mean(timeline._lanes.site("kidal")))
    viewport = timeline.plot.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton

    def send(kind, x, button, buttons):
        scene = timeline.vb.mapViewToScene(QPointF(x, y))
        pos = QPointF(timeline.plot.mapFromScene(scene))
        app.sendEvent(viewport, QMouseEvent(kind, pos, QPointF(viewport.mapToGlobal(pos)), button, buttons,
                                            Qt.KeyboardModifier.NoModifier))
        settle(app)

    changes = []
    state.cursor.date_changed.connect(changes.append)
    paints.reset()
    send(QEvent.Type.MouseMove, x_of(START), none, none)
    send(QEvent.Type.MouseButtonPress, x_of(START), left, left)
    for i in range(1, DAYS * 3 + 1):
        send(QEvent.Type.MouseMove, x_of(START) + i * DAY / 3, none, left)
    during, during_paints = len(changes), dict(paints.counts)
    paints.reset()
    send(QEvent.Type.MouseButtonRelease, x_of(START) + DAYS * DAY, left, none)
    settle(app)
    state.cursor.date_changed.disconnect(changes.append)
    return during, during_paints, len(changes) - during, dict(paints.counts)


def baseline(app) -> list[float]:
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    line = pg.InfiniteLine(0, movable=True)
    plot.addItem(line)
    plot.setXRange(0, DAYS)
    plot.resize(1600, 400)
    plot.show()
    settle(app)
    times = []
    for i in range(1, DAYS + 1):
        t = time.perf_counter()
        line.setValue(i)
        settle(app)
        times.append((time.perf_counter() - t) * 1000)
    plot.close()
    return times


def summary(times: list[float]) -> str:
    q = statistics.quantiles(times, n=10)
    return f"{statistics.median(times):7.1f} {q[-1]:7.1f} {max(times):7.1f}"


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="sitmon-bench-cursor-"))
    os.environ["SITMON_DATA_DIR"] = str(tmp / "data")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))

    rows, drags = [], []
    for label, n in (("default scenario", 0), (f"{N_INCIDENTS:,} incidents", N_INCIDENTS)):
        path = tmp / f"cursor_{n}.sqlite"
        from db import open_database

        open_database(path).close()
        if n:
            add_incidents(path, n)
        for with_map in (False, True):
            views = build(path, with_map)
            name = f"{label}, {'panels + timeline + map' if with_map else 'panels + timeline'}"
            rows.append((f"date change -> painted: {name}", cursor_times(app, views)))
            drags.append((name, drag(app, views)))
            views["window"].close()
            views["state"].shutdown()
            views["db"].close()
    rows.append(("baseline: bare PlotWidget, InfiniteLine moved", baseline(app)))

    print(f"{DAYS} consecutive dates from {START}, window 1600x1000 offscreen; ms")
    print(f"{'measure':<72} {'median':>7} {'p90':>7} {'max':>7}")
    for what, times in rows:
        print(f"{what:<72} {summary(times)}")
    print(f"\nOne mouse drag of the cursor across {DAYS} days (3 mouse moves a day):")
    for label, (during, paints, after, after_paints) in drags:
        print(f"  {label}: {during} date changes during the drag, {after} after release;\n"
              f"    paints during {paints}\n    paints after release {after_paints}")


if __name__ == "__main__":
    main()
